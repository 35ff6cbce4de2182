// The simulated Jira Cloud driven by the real jira.js Version3Client: what the Jira connector will meet.

import { HttpException, Version3Client } from 'jira.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type JiraSim, startJiraSim } from '../../src/sim/jira.js';
import { rejectionOf } from '../support/rejection.js';

const PRIORITIES = ['Highest', 'High', 'Medium', 'Low'];

let sim: JiraSim;
let jira: Version3Client;

function clientFor(email: string, apiToken: string): Version3Client {
  return new Version3Client({ host: sim.url, authentication: { basic: { email, apiToken } } });
}

function adf(text: string) {
  return {
    type: 'doc' as const,
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  };
}

interface JiraBody {
  errorMessages?: string[];
  errors?: Record<string, string>;
  message?: string;
}

/** The refusal a call ended in: its HTTP status, Jira's body and headers. */
async function refusal(
  promise: Promise<unknown>,
): Promise<{ status: number; body: JiraBody; headers: Record<string, string> }> {
  const error = await rejectionOf(promise);
  if (!(error instanceof HttpException)) throw error;
  const response = (error.cause as { response?: { headers?: Record<string, string> } }).response;
  const data = (error.response as { data?: JiraBody }).data ?? {};
  return { status: error.status, body: data, headers: { ...response?.headers } };
}

function basicAuth(): string {
  return `Basic ${Buffer.from(`${sim.credentials.email}:${sim.credentials.apiToken}`).toString('base64')}`;
}

function createIncident(fields: Record<string, unknown> = {}) {
  return jira.issues.createIssue({
    fields: {
      project: { key: 'SEC' },
      issuetype: { name: 'Task' },
      summary: 'GuardDuty: UnauthorizedAccess:EC2/SSHBruteForce on i-0abc',
      ...fields,
    },
  });
}

beforeEach(async () => {
  sim = await startJiraSim();
  sim.addProject('SEC', { issueTypes: ['Task', 'Bug'], priorities: PRIORITIES, name: 'Security' });
  jira = clientFor(sim.credentials.email, sim.credentials.apiToken);
});

afterEach(async () => {
  await sim.close();
});

describe('creating issues', () => {
  it('creates an issue from fields and reads it back through GET issue and the sim', async () => {
    const created = await createIncident({
      description: adf('Brute force from 203.0.113.7; instance isolated.'),
      labels: ['irac', 'incident-2024-0042'],
      priority: { name: 'High' },
    });
    expect(created.key).toBe('SEC-1');
    expect(created.id).toMatch(/^[0-9]+$/);
    expect(created.self).toBe(`${sim.url}/rest/api/3/issue/${created.id}`);

    const read = await jira.issues.getIssue({ issueIdOrKey: 'SEC-1' });
    expect(read.id).toBe(created.id);
    expect(read.fields.summary).toBe('GuardDuty: UnauthorizedAccess:EC2/SSHBruteForce on i-0abc');
    expect(read.fields.labels).toEqual(['irac', 'incident-2024-0042']);
    expect(read.fields.priority?.name).toBe('High');
    expect(read.fields.issuetype?.name).toBe('Task');
    expect(read.fields.project.key).toBe('SEC');
    expect(read.fields.status.name).toBe('To Do');
    expect(read.fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(read.fields.reporter?.emailAddress).toBe(sim.credentials.email);

    const state = sim.issue('SEC-1');
    expect(state?.description).toEqual(adf('Brute force from 203.0.113.7; instance isolated.'));
    expect(state?.priority).toBe('High');
    expect(state?.reporterEmail).toBe(sim.credentials.email);
  });

  it('wraps a plain description in ADF as jira.js does, numbers keys per project and defaults to Medium', async () => {
    sim.addProject('OPS', { issueTypes: ['Task'], priorities: PRIORITIES });
    await createIncident({ description: 'plain words' });
    await createIncident();
    const ops = await createIncident({ project: { key: 'OPS' } });
    expect(ops.key).toBe('OPS-1');
    expect(sim.issues().map((issue) => [issue.key, issue.priority])).toEqual([
      ['SEC-1', 'Medium'],
      ['SEC-2', 'Medium'],
      ['OPS-1', 'Medium'],
    ]);
    expect(sim.issue('SEC-1')?.description).toEqual(adf('plain words'));
    expect(sim.issue('SEC-2')?.description).toBeNull();
  });

  it('refuses an unknown project with Jira’s 400 envelope, and creates nothing', async () => {
    const { status, body } = await refusal(createIncident({ project: { key: 'NOPE' } }));
    expect(status).toBe(400);
    expect(body).toEqual({ errorMessages: [], errors: { project: 'Specify a valid project ID or key' } });
    expect(sim.issues()).toEqual([]);
  });

  it('refuses an issue type, priority or label the project does not take, each in Jira’s words', async () => {
    const { status, body } = await refusal(
      createIncident({
        issuetype: { name: 'Epic' },
        priority: { name: 'Critical' },
        labels: ['irac', 'needs triage'],
      }),
    );
    expect(status).toBe(400);
    expect(body.errors).toEqual({
      issuetype: 'Specify a valid issue type',
      priority: 'The priority selected is invalid.',
      labels: "The label 'needs triage' contains spaces which is invalid.",
    });
    expect(sim.issues()).toEqual([]);
  });

  it('refuses a missing or over-long summary, a label over 255 characters and a description that is not ADF', async () => {
    const missing = await refusal(createIncident({ summary: ' ' }));
    expect(missing.body.errors).toEqual({ summary: 'You must specify a summary of the issue.' });

    const long = await refusal(createIncident({ summary: 'x'.repeat(256), labels: ['l'.repeat(256)] }));
    expect(long.body.errors?.summary).toBe('Summary must be less than 255 characters.');
    expect(long.body.errors?.labels).toMatch(
      /exceeds the maximum length for a single label of 255 characters\.$/,
    );

    const notAdf = await refusal(createIncident({ description: { type: 'paragraph', content: [] } }));
    expect(notAdf.body.errors).toEqual({
      description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
    });

    await createIncident({ summary: 'x'.repeat(255) });
    expect(sim.issues()).toHaveLength(1);
  });

  it('refuses fields it cannot set, keeping a hostile field name a plain key in the answer', async () => {
    // Sent as raw JSON: an object literal in the test would turn `__proto__` into a prototype.
    const response = await fetch(`${sim.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { authorization: basicAuth(), 'content-type': 'application/json' },
      body:
        '{"fields": {"project": {"key": "SEC"}, "issuetype": {"name": "Task"}, "summary": "x", ' +
        '"assignee": {"id": "x"}, "__proto__": {"polluted": true}}}',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain(`"__proto__":"Field '__proto__' cannot be set.`);
    const body = JSON.parse(text) as JiraBody;
    expect(body.errors?.assignee).toBe(
      "Field 'assignee' cannot be set. It is not on the appropriate screen, or unknown.",
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(sim.issues()).toEqual([]);
  });
});

describe('authentication', () => {
  it('answers 401 to a wrong API token or none, logs the attempt without a caller, and creates nothing', async () => {
    const wrong = await refusal(
      clientFor(sim.credentials.email, 'not-the-token').issues.createIssue({
        fields: { project: { key: 'SEC' }, issuetype: { name: 'Task' }, summary: 'x' },
      }),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      message: 'Client must be authenticated to access this resource.',
      'status-code': 401,
    });

    const anonymous = await fetch(`${sim.url}/rest/api/3/issue/SEC-1`);
    expect(anonymous.status).toBe(401);

    expect(sim.issues()).toEqual([]);
    expect(sim.requests.map((request) => [request.operation, request.email, request.status])).toEqual([
      ['createIssue', null, 401],
      ['getIssue', null, 401],
    ]);
  });
});

describe('JQL search (/rest/api/3/search/jql)', () => {
  beforeEach(async () => {
    await createIncident({ labels: ['irac', 'incident-1'] });
    await createIncident({ labels: ['irac', 'incident-2'], issuetype: { name: 'Bug' } });
    await createIncident({ labels: ['other'] });
    sim.setIssueStatus('SEC-2', 'Done');
  });

  it('finds issues by label and project, answering bare ids unless fields are asked for', async () => {
    const ids = await jira.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
      jql: 'labels = "incident-1" AND project = SEC',
    });
    expect(ids.issues).toEqual([{ id: sim.issue('SEC-1')?.id }]);
    expect((ids as { isLast?: boolean }).isLast).toBe(true);
    expect(ids.nextPageToken).toBeUndefined();

    const withFields = await jira.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
      jql: 'project = sec AND labels in (incident-1, "incident-2")',
      fields: ['summary', 'labels'],
    });
    expect(withFields.issues?.map((issue) => [issue.key, issue.fields.labels])).toEqual([
      ['SEC-1', ['irac', 'incident-1']],
      ['SEC-2', ['irac', 'incident-2']],
    ]);
    expect(Object.keys(withFields.issues?.[0]?.fields ?? {}).sort()).toEqual(['labels', 'summary']);
    expect(sim.requests.at(-1)?.params.get('jql')).toBe(
      'project = sec AND labels in (incident-1, "incident-2")',
    );
  });

  it('filters on status, and the POST form pages with nextPageToken without counting as a mutation', async () => {
    const open = await jira.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: 'labels = irac AND status in ("To Do", "In Progress")',
      fields: ['status'],
    });
    expect(open.issues?.map((issue) => issue.key)).toEqual(['SEC-1']);

    const first = await jira.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: 'project = SEC',
      maxResults: 2,
    });
    expect(first.issues).toHaveLength(2);
    expect(first.nextPageToken).toEqual(expect.any(String));
    const second = await jira.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: 'project = SEC',
      maxResults: 2,
      ...(first.nextPageToken && { nextPageToken: first.nextPageToken }),
    });
    expect(second.issues).toEqual([{ id: sim.issue('SEC-3')?.id }]);
    expect((second as { isLast?: boolean }).isLast).toBe(true);

    const searches = sim.requests.filter((request) => request.operation.startsWith('searchForIssues'));
    expect(searches.map((request) => request.mutating)).toEqual([false, false, false]);
  });

  it('refuses JQL outside its subset, or wrong, with a 400 naming the problem', async () => {
    const cases: [string, RegExp][] = [
      ['', /^Unbounded JQL queries are not allowed here\./],
      ['assignee = bob', /supports only 'labels', 'project' and 'status'.*'assignee' is not\.$/],
      ['labels in membersOf("x")', /'IN' takes a parenthesised list here\.$/],
      ['labels = currentUser()', /functions are not\.$/],
      ['labels = a OR labels = b', /'OR' is not\.$/],
      ['summary ~ "ssh"', /'summary' is not\.|'~' is not\./],
      ['labels != a', /'!=' is not\.$/],
      ['labels = a ORDER BY created DESC', /'ORDER' is not\.$/],
      ['label = a', /^Field 'label' does not exist or you do not have permission to view it\.$/],
      ['project = NOPE', /^The value 'NOPE' does not exist for the field 'project'\.$/],
      ['status = Closed', /^The value 'Closed' does not exist for the field 'status'\.$/],
      ['labels', /^Error in the JQL Query: Expecting operator before the end of the query\./],
      ['labels foo', /^Error in the JQL Query: Expecting operator but got 'foo'\..*\(line 1, character 8\)$/],
      ['labels in (a, b', /^Error in the JQL Query: Expecting '\)' before the end of the query\.$/],
      ['labels = a AND', /^Error in the JQL Query: Expecting a field name at the end of the query\.$/],
      [
        'labels = a project = SEC',
        /^Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'project'\./,
      ],
      ['labels = EMPTY', /'EMPTY' is not\.$/],
      ['labels = "unterminated', /has not been completed/],
    ];
    for (const [jql, expected] of cases) {
      const { status, body } = await refusal(jira.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql }));
      expect(status, jql).toBe(400);
      expect(body.errorMessages?.[0], jql).toMatch(expected);
    }
  });

  it('answers the removed /rest/api/3/search with 410 and the migration notice', async () => {
    const { status, body } = await refusal(
      jira.issueSearch.searchForIssuesUsingJql({ jql: 'project = SEC' }),
    );
    expect(status).toBe(410);
    expect(body.errorMessages?.[0]).toMatch(
      /^The requested API has been removed\. Please migrate to the \/rest\/api\/3\/search\/jql API\./,
    );
  });
});

describe('issue properties', () => {
  it('creates a property (201), replaces it (200) and reads it back, also through GET issue', async () => {
    await createIncident();
    const incident = { incidentId: 'inc-2024-0042', fingerprint: 'sha256:abc' };
    await jira.issueProperties.setIssueProperty({
      issueIdOrKey: 'SEC-1',
      propertyKey: 'irac.incident',
      propertyValue: { incidentId: 'draft' },
    });
    await jira.issueProperties.setIssueProperty({
      issueIdOrKey: 'SEC-1',
      propertyKey: 'irac.incident',
      propertyValue: incident,
    });
    expect(sim.requests.filter((r) => r.operation === 'setIssueProperty').map((r) => r.status)).toEqual([
      201, 200,
    ]);

    const read = await jira.issueProperties.getIssueProperty({
      issueIdOrKey: 'SEC-1',
      propertyKey: 'irac.incident',
    });
    expect(read).toEqual({ key: 'irac.incident', value: incident });
    expect(sim.issue('SEC-1')?.properties.get('irac.incident')).toEqual(incident);

    const issue = await jira.issues.getIssue({
      issueIdOrKey: 'SEC-1',
      fields: ['summary'],
      properties: ['irac.incident'],
    });
    expect(issue.properties).toEqual({ 'irac.incident': incident });
  });

  it('sets properties given at creation, and answers 404 for a missing property or issue', async () => {
    await jira.issues.createIssue({
      fields: { project: { key: 'SEC' }, issuetype: { name: 'Task' }, summary: 'x' },
      properties: [{ key: 'irac.incident', value: { incidentId: 'inc-1' } }],
    });
    expect(sim.issue('SEC-1')?.properties.get('irac.incident')).toEqual({ incidentId: 'inc-1' });

    const missingProperty = await refusal(
      jira.issueProperties.getIssueProperty({ issueIdOrKey: 'SEC-1', propertyKey: 'nothing.here' }),
    );
    expect(missingProperty.status).toBe(404);
    expect(missingProperty.body.errorMessages).toEqual([
      "The property with key 'nothing.here' does not exist.",
    ]);

    const missingIssue = await refusal(
      jira.issueProperties.setIssueProperty({
        issueIdOrKey: 'SEC-99',
        propertyKey: 'k',
        propertyValue: { a: 1 },
      }),
    );
    expect(missingIssue.status).toBe(404);
    expect(missingIssue.body.errorMessages).toEqual([
      'Issue does not exist or you do not have permission to see it.',
    ]);
  });

  it('refuses a property value over 32768 characters or a key over 255, leaving the property unset', async () => {
    await createIncident();
    const big = await refusal(
      jira.issueProperties.setIssueProperty({
        issueIdOrKey: 'SEC-1',
        propertyKey: 'big',
        propertyValue: { blob: 'x'.repeat(32768) },
      }),
    );
    expect(big.status).toBe(400);
    const longKey = await refusal(
      jira.issueProperties.setIssueProperty({
        issueIdOrKey: 'SEC-1',
        propertyKey: 'k'.repeat(256),
        propertyValue: { a: 1 },
      }),
    );
    expect(longKey.status).toBe(400);
    expect(sim.issue('SEC-1')?.properties.size).toBe(0);
  });
});

describe('comments', () => {
  it('adds an ADF comment (201) that the issue then carries, authored by the caller', async () => {
    await createIncident();
    const comment = await jira.issueComments.addComment({
      issueIdOrKey: 'SEC-1',
      comment: 'Containment complete: instance i-0abc isolated.',
    });
    expect(comment.id).toMatch(/^[0-9]+$/);
    expect(comment.author?.emailAddress).toBe(sim.credentials.email);
    expect(comment.body).toEqual(adf('Containment complete: instance i-0abc isolated.'));

    const state = sim.issue('SEC-1');
    expect(state?.comments.map((entry) => [entry.id, entry.authorEmail])).toEqual([
      [comment.id, sim.credentials.email],
    ]);
    const read = await jira.issues.getIssue({ issueIdOrKey: 'SEC-1', fields: ['comment'] });
    expect(read.fields.comment.total).toBe(1);
  });

  it('refuses a comment whose body is not an ADF document', async () => {
    await createIncident();
    const { status, body } = await refusal(
      jira.issueComments.addComment({
        issueIdOrKey: 'SEC-1',
        comment: { type: 'doc', version: 2, content: [] },
      }),
    );
    expect(status).toBe(400);
    expect(body.errors?.comment).toMatch(/^Operation value must be an Atlassian Document/);
    expect(sim.issue('SEC-1')?.comments).toEqual([]);
  });
});

describe('faults and rate limits', () => {
  it('fails the next createIssue as asked, after skipping some, and logs each answer', async () => {
    sim.failNext('createIssue', { status: 503, message: 'Service Unavailable' }, { skip: 1 });
    await createIncident();
    const failed = await refusal(createIncident());
    expect(failed.status).toBe(503);
    expect(failed.body.errorMessages).toEqual(['Service Unavailable']);
    await createIncident();

    expect(sim.issues().map((issue) => issue.key)).toEqual(['SEC-1', 'SEC-2']);
    expect(sim.mutatingRequests().map((r) => [r.operation, r.status, r.errorMessage, r.email])).toEqual([
      ['createIssue', 201, null, sim.credentials.email],
      ['createIssue', 503, 'Service Unavailable', sim.credentials.email],
      ['createIssue', 201, null, sim.credentials.email],
    ]);
  });

  it('throttles with 429, Retry-After and X-RateLimit-Reset once the request budget is spent', async () => {
    sim.rateLimit(2, 60);
    await createIncident();
    await jira.issues.getIssue({ issueIdOrKey: 'SEC-1' });
    const throttled = await refusal(createIncident());
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expect(Number(throttled.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(throttled.headers['x-ratelimit-reset']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    expect(throttled.headers['x-ratelimit-remaining']).toBe('0');
    expect(sim.issues()).toHaveLength(1);
  });

  it('injects a one-off 429 carrying Retry-After', async () => {
    sim.failNext('searchForIssuesUsingJqlEnhancedSearch', { status: 429, retryAfterSeconds: 7 });
    const throttled = await refusal(
      jira.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'project = SEC' }),
    );
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('7');
    const after = await jira.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'project = SEC' });
    expect(after.issues).toEqual([]);
  });
});

describe('hostile requests', () => {
  const auth = basicAuth;

  it('refuses a body over 1 MiB with 413, and a body that is not JSON with 400 or 415', async () => {
    const huge = await fetch(`${sim.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { authorization: auth(), 'content-type': 'application/json' },
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(huge.status).toBe(413);

    const broken = await fetch(`${sim.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { authorization: auth(), 'content-type': 'application/json' },
      body: '{"fields": ',
    });
    expect(broken.status).toBe(400);

    const form = await fetch(`${sim.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { authorization: auth(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'fields=1',
    });
    expect(form.status).toBe(415);
    expect(sim.issues()).toEqual([]);
  });

  it('answers 404 for a path it does not serve, and refuses ADF nested beyond its depth bound', async () => {
    const unknown = await fetch(`${sim.url}/rest/api/3/myself/%3Cscript%3E`, {
      headers: { authorization: auth() },
    });
    expect(unknown.status).toBe(404);
    expect(sim.requests.at(-1)?.operation).toBe('');

    let node: Record<string, unknown> = { type: 'text', text: 'deep' };
    for (let depth = 0; depth < 40; depth++) node = { type: 'blockquote', content: [node] };
    const { status } = await refusal(
      createIncident({ description: { type: 'doc', version: 1, content: [node] } }),
    );
    expect(status).toBe(400);

    // Deep enough to overflow a recursive walk, small enough to pass the 1 MiB bound.
    const depth = 25_000;
    const abyss = await fetch(`${sim.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { authorization: auth(), 'content-type': 'application/json' },
      body:
        '{"fields": {"project": {"key": "SEC"}, "issuetype": {"name": "Task"}, "summary": "x", ' +
        `"description": {"type": "doc", "version": 1, "content": [${'{"type": "blockquote", "content": ['.repeat(depth)}` +
        `${']}'.repeat(depth)}]}}}`,
    });
    expect(abyss.status).toBe(400);
    expect(sim.issues()).toEqual([]);
  });
});
