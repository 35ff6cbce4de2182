// The simulated GitHub driven by the real Octokit with the retry and throttling plugins: what the
// github:* connector actions will meet, including GitHub's refusals and rate limits.

import { randomUUID } from 'node:crypto';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubSim, startGitHubSim } from '../../src/sim/github.js';
import { rejectionOf } from '../support/rejection.js';

const REPO = 'acme/incidents';
const [OWNER, NAME] = REPO.split('/') as [string, string];
const GitHub = Octokit.plugin(retry, throttling);

interface LimitEvent {
  readonly kind: 'primary' | 'secondary';
  readonly retryAfter: number;
  readonly retryCount: number;
}

interface OctokitError extends Error {
  readonly status: number;
  readonly response?: { readonly data: unknown; readonly headers: Record<string, string | undefined> };
}

let sim: GitHubSim;

/**
 * A real Octokit as a connector would build one, with the waits scaled down: retry-after seconds become
 * milliseconds, and the throttling plugin's one-second spacing of writes (three for notifying routes) is
 * lifted, so a test of five writes does not take fifteen seconds.
 */
function clientFor(options: { token?: string; retriesOnLimit?: number } = {}) {
  const limits: LimitEvent[] = [];
  const octokit = new GitHub({
    baseUrl: sim.url,
    auth: options.token ?? sim.token,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: { retryAfterBaseValue: 1 },
    throttle: {
      id: randomUUID(),
      retryAfterBaseValue: 1,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      onRateLimit: (retryAfter, _options, _octokit, retryCount) => {
        limits.push({ kind: 'primary', retryAfter, retryCount });
        return retryCount < (options.retriesOnLimit ?? 0);
      },
      onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => {
        limits.push({ kind: 'secondary', retryAfter, retryCount });
        return retryCount < (options.retriesOnLimit ?? 1);
      },
    },
  });
  return { octokit, limits };
}

const rejection = (promise: Promise<unknown>) => rejectionOf<OctokitError>(promise);

/** The JSON GitHub answered a refused call with. */
function bodyOf(error: OctokitError): { message?: string; errors?: unknown; documentation_url?: string } {
  return (error.response?.data ?? {}) as { message?: string; errors?: unknown; documentation_url?: string };
}

function routesLogged() {
  return sim.requests.map((request) => `${request.route} ${request.status}`);
}

beforeEach(async () => {
  sim = await startGitHubSim();
  sim.addRepository(REPO);
});

afterEach(async () => {
  await sim.close();
});

describe('issues', () => {
  it('opens an issue with labels, creating unknown labels grey as GitHub does, and answers 201 with its Location', async () => {
    sim.addLabel(REPO, { name: 'security', color: 'b60205', description: 'Security incidents' });
    const { octokit } = clientFor();
    const created = await octokit.issues.create({
      owner: OWNER,
      repo: NAME,
      title: 'GuardDuty: credential exfiltration by role web',
      body: 'Fingerprint `abc123`',
      labels: ['Security', 'incident'],
      assignees: ['oncall-lead'],
    });

    expect(created.status).toBe(201);
    expect(created.data.number).toBe(1);
    expect(created.headers.location).toBe(`${sim.url}/repos/${REPO}/issues/1`);
    expect(created.data.url).toBe(created.headers.location);
    expect(created.data.state).toBe('open');
    expect(created.data.user?.login).toBe('github-actions[bot]');
    expect(created.data.user?.type).toBe('Bot');
    expect(created.data.labels.map((label) => (typeof label === 'string' ? label : label.name))).toEqual([
      'security',
      'incident',
    ]);
    expect(created.data.assignee?.login).toBe('oncall-lead');
    expect(created.data.assignees?.map((user) => user.login)).toEqual(['oncall-lead']);
    expect(created.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    expect(sim.issue(REPO, 1)).toMatchObject({
      title: 'GuardDuty: credential exfiltration by role web',
      body: 'Fingerprint `abc123`',
      labels: ['security', 'incident'],
      assignees: ['oncall-lead'],
      author: 'github-actions[bot]',
      state: 'open',
      stateReason: null,
    });
    expect(sim.labels(REPO)).toEqual([
      { name: 'security', color: 'b60205', description: 'Security incidents' },
      { name: 'incident', color: 'ededed', description: null },
    ]);
  });

  it('reads an issue back, and answers 404 in GitHub’s error shape for one that does not exist', async () => {
    const number = sim.addIssue(REPO, { title: 'seeded', labels: ['incident'] });
    const { octokit } = clientFor();
    const read = await octokit.issues.get({ owner: OWNER, repo: NAME, issue_number: number });
    expect(read.data.title).toBe('seeded');
    expect(read.data.comments).toBe(0);

    const missing = await rejection(octokit.issues.get({ owner: OWNER, repo: NAME, issue_number: 99 }));
    expect(missing.status).toBe(404);
    expect(missing.response?.data).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue',
      status: '404',
    });
  });

  it('closes an issue with its reason and reopens it, as GitHub records state_reason', async () => {
    const number = sim.addIssue(REPO, { title: 'contained' });
    const { octokit } = clientFor();
    const closed = await octokit.issues.update({
      owner: OWNER,
      repo: NAME,
      issue_number: number,
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect(closed.data.state).toBe('closed');
    expect(closed.data.state_reason).toBe('not_planned');
    expect(closed.data.closed_by?.login).toBe('github-actions[bot]');
    expect(closed.data.closed_at).not.toBeNull();
    expect(sim.issue(REPO, number)?.closedAt).toBeInstanceOf(Date);

    // A reason sent without a change of state is ignored.
    await octokit.issues.update({
      owner: OWNER,
      repo: NAME,
      issue_number: number,
      state_reason: 'completed',
    });
    expect(sim.issue(REPO, number)?.stateReason).toBe('not_planned');

    const reopened = await octokit.issues.update({
      owner: OWNER,
      repo: NAME,
      issue_number: number,
      state: 'open',
    });
    expect(reopened.data.state_reason).toBe('reopened');
    expect(reopened.data.closed_at).toBeNull();
    expect(sim.issue(REPO, number)).toMatchObject({ state: 'open', stateReason: 'reopened', closedAt: null });
  });

  it('replaces labels and assignees on update, and refuses a labels value that is not an array', async () => {
    const number = sim.addIssue(REPO, { title: 'triage', labels: ['needs-triage'], assignees: ['alice'] });
    const { octokit } = clientFor();
    await octokit.issues.update({
      owner: OWNER,
      repo: NAME,
      issue_number: number,
      labels: ['contained'],
      assignees: ['bob', 'carol'],
    });
    expect(sim.issue(REPO, number)).toMatchObject({ labels: ['contained'], assignees: ['bob', 'carol'] });

    const refused = await rejection(
      octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: OWNER,
        repo: NAME,
        issue_number: number,
        labels: 'bug' as unknown as string[],
      }),
    );
    expect(refused.status).toBe(422);
    expect(bodyOf(refused).message).toBe(
      `Invalid request.\n\nFor 'properties/labels', "bug" is not an array.`,
    );
    expect(sim.issue(REPO, number)?.labels).toEqual(['contained']);
  });

  it('refuses an absent title as not supplied and an empty one as missing_field, creating nothing', async () => {
    const { octokit } = clientFor();
    const absent = await rejection(
      octokit.request('POST /repos/{owner}/{repo}/issues', { owner: OWNER, repo: NAME } as never),
    );
    expect(absent.status).toBe(422);
    expect(absent.response?.data).toEqual({
      message: `Invalid request.\n\n"title" wasn't supplied.`,
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
      status: '422',
    });

    const empty = await rejection(octokit.issues.create({ owner: OWNER, repo: NAME, title: '  ' }));
    expect(empty.status).toBe(422);
    expect(empty.message).toBe(
      'Validation Failed: {"resource":"Issue","field":"title","code":"missing_field"} - ' +
        'https://docs.github.com/rest/issues/issues#create-an-issue',
    );
    expect(sim.issues(REPO)).toEqual([]);
  });

  it('refuses a body over 65,536 characters and leaves the issue as it was', async () => {
    const number = sim.addIssue(REPO, { title: 'before', body: 'original' });
    const { octokit } = clientFor();
    const refused = await rejection(
      octokit.issues.update({
        owner: OWNER,
        repo: NAME,
        issue_number: number,
        title: 'after',
        body: 'x'.repeat(65537),
      }),
    );
    expect(refused.status).toBe(422);
    expect(bodyOf(refused).errors).toEqual([
      {
        resource: 'Issue',
        field: 'body',
        code: 'custom',
        message: 'body is too long (maximum is 65536 characters)',
      },
    ]);
    expect(sim.issue(REPO, number)).toMatchObject({ title: 'before', body: 'original' });

    await octokit.issues.update({ owner: OWNER, repo: NAME, issue_number: number, body: '😀'.repeat(65536) });
    expect(sim.issue(REPO, number)?.body).toHaveLength(2 * 65536);
  });

  it('lists open issues carrying every label asked for, newest first, and pages with a Link header octokit.paginate follows', async () => {
    for (let index = 1; index <= 25; index++) {
      sim.addIssue(REPO, { title: `alert ${index}`, labels: index % 5 === 0 ? ['ir'] : ['ir', 'aws'] });
    }
    sim.addIssue(REPO, { title: 'closed', labels: ['ir', 'aws'], state: 'closed' });
    sim.addIssue(REPO, { title: 'unlabelled' });
    const { octokit } = clientFor();

    const first = await octokit.issues.listForRepo({
      owner: OWNER,
      repo: NAME,
      labels: 'IR,aws',
      per_page: 7,
    });
    expect(first.data.map((issue) => issue.number)).toEqual([24, 23, 22, 21, 19, 18, 17]);
    const link = first.headers.link ?? '';
    expect(link).toContain('rel="next"');
    expect(link).toContain('rel="last"');
    expect(link).not.toContain('rel="prev"');
    const next = /<([^>]+)>; rel="next"/.exec(link)?.[1] ?? '';
    expect(new URL(next).searchParams.get('page')).toBe('2');
    expect(new URL(next).searchParams.get('labels')).toBe('IR,aws');
    expect(new URL(next).searchParams.get('per_page')).toBe('7');

    sim.requests.length = 0;
    const all = await octokit.paginate(octokit.issues.listForRepo, {
      owner: OWNER,
      repo: NAME,
      labels: 'ir,aws',
      per_page: 7,
    });
    expect(all).toHaveLength(20);
    expect(new Set(all.map((issue) => issue.number)).size).toBe(20);
    expect(sim.requests.map((request) => request.route)).toEqual(
      Array(3).fill('GET /repos/{owner}/{repo}/issues'),
    );

    const closed = await octokit.issues.listForRepo({ owner: OWNER, repo: NAME, state: 'closed' });
    expect(closed.data.map((issue) => issue.title)).toEqual(['closed']);
    expect(closed.headers.link).toBeUndefined();
    const everything = await octokit.paginate(octokit.issues.listForRepo, {
      owner: OWNER,
      repo: NAME,
      state: 'all',
    });
    expect(everything).toHaveLength(27);
    const oldestFirst = await octokit.issues.listForRepo({
      owner: OWNER,
      repo: NAME,
      direction: 'asc',
      per_page: 2,
    });
    expect(oldestFirst.data.map((issue) => issue.number)).toEqual([1, 2]);
  });

  it('answers a page past the end with no issues, and 30 per page when per_page is absent or out of range', async () => {
    for (let index = 0; index < 35; index++) sim.addIssue(REPO, { title: `alert ${index}` });
    const { octokit } = clientFor();
    expect((await octokit.issues.listForRepo({ owner: OWNER, repo: NAME })).data).toHaveLength(30);
    expect((await octokit.issues.listForRepo({ owner: OWNER, repo: NAME, per_page: 0 })).data).toHaveLength(
      30,
    );
    expect((await octokit.issues.listForRepo({ owner: OWNER, repo: NAME, per_page: 500 })).data).toHaveLength(
      35,
    );
    const past = await octokit.issues.listForRepo({ owner: OWNER, repo: NAME, page: 9 });
    expect(past.data).toEqual([]);
    expect(past.headers.link).toContain('page=2>; rel="prev"');

    const refused = await rejection(
      octokit.issues.listForRepo({ owner: OWNER, repo: NAME, state: 'pending' as 'open' }),
    );
    expect(refused.status).toBe(422);
  });
});

describe('comments', () => {
  it('comments on an issue, counts it on the issue, and lists comments oldest first across pages', async () => {
    const number = sim.addIssue(REPO, { title: 'incident' });
    const { octokit } = clientFor();
    for (const step of ['isolated', 'snapshotted', 'revoked']) {
      const created = await octokit.issues.createComment({
        owner: OWNER,
        repo: NAME,
        issue_number: number,
        body: `Step ${step}`,
      });
      expect(created.status).toBe(201);
      expect(created.headers.location).toBe(created.data.url);
      expect(created.data.html_url).toBe(
        `${sim.url}/${REPO}/issues/${number}#issuecomment-${created.data.id}`,
      );
    }
    expect(sim.comments(REPO, number).map((comment) => comment.body)).toEqual([
      'Step isolated',
      'Step snapshotted',
      'Step revoked',
    ]);
    expect((await octokit.issues.get({ owner: OWNER, repo: NAME, issue_number: number })).data.comments).toBe(
      3,
    );

    const listed = await octokit.paginate(octokit.issues.listComments, {
      owner: OWNER,
      repo: NAME,
      issue_number: number,
      per_page: 2,
    });
    expect(listed.map((comment) => comment.body)).toEqual([
      'Step isolated',
      'Step snapshotted',
      'Step revoked',
    ]);
    expect(listed[0]?.issue_url).toBe(`${sim.url}/repos/${REPO}/issues/${number}`);
  });

  it('refuses a comment with no body or one over 65,536 characters, and 404s on an issue that does not exist', async () => {
    const number = sim.addIssue(REPO, { title: 'incident' });
    const { octokit } = clientFor();
    const absent = await rejection(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: OWNER,
        repo: NAME,
        issue_number: number,
      } as never),
    );
    expect(absent.response?.data).toEqual({
      message: `Invalid request.\n\n"body" wasn't supplied.`,
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '422',
    });

    const long = await rejection(
      octokit.issues.createComment({
        owner: OWNER,
        repo: NAME,
        issue_number: number,
        body: 'y'.repeat(65537),
      }),
    );
    expect(bodyOf(long).errors).toEqual([
      {
        resource: 'IssueComment',
        field: 'data',
        code: 'unprocessable',
        message: 'Body is too long (maximum is 65536 characters)',
      },
    ]);

    const nowhere = await rejection(
      octokit.issues.createComment({ owner: OWNER, repo: NAME, issue_number: 42, body: 'hello' }),
    );
    expect(nowhere.status).toBe(404);
    expect(sim.comments(REPO, number)).toEqual([]);
  });
});

describe('labels', () => {
  it('creates a label and reads it back by name in any case', async () => {
    const { octokit } = clientFor();
    const created = await octokit.issues.createLabel({
      owner: OWNER,
      repo: NAME,
      name: 'sev: high',
      color: 'D93F0B',
      description: 'High severity',
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`${sim.url}/repos/${REPO}/labels/sev%3A%20high`);
    const read = await octokit.issues.getLabel({ owner: OWNER, repo: NAME, name: 'SEV: High' });
    expect(read.data).toMatchObject({ name: 'sev: high', color: 'd93f0b', description: 'High severity' });

    const missing = await rejection(octokit.issues.getLabel({ owner: OWNER, repo: NAME, name: 'nope' }));
    expect(missing.status).toBe(404);
    expect(bodyOf(missing).documentation_url).toBe('https://docs.github.com/rest/issues/labels#get-a-label');
  });

  it('refuses a second label of the same name, in any case, with already_exists as GitHub words it', async () => {
    sim.addLabel(REPO, { name: 'incident', color: 'b60205' });
    const { octokit } = clientFor();
    const error = await rejection(
      octokit.issues.createLabel({ owner: OWNER, repo: NAME, name: 'Incident', color: '000000' }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'Label', field: 'name', code: 'already_exists' }],
      documentation_url: 'https://docs.github.com/rest/issues/labels#create-a-label',
      status: '422',
    });
    expect(sim.labels(REPO)).toEqual([{ name: 'incident', color: 'b60205', description: null }]);
  });

  it('refuses a colour that is not six hex digits, a leading # included', async () => {
    const { octokit } = clientFor();
    const error = await rejection(
      octokit.issues.createLabel({ owner: OWNER, repo: NAME, name: 'contained', color: '#0e8a16' }),
    );
    expect(bodyOf(error).errors).toEqual([{ resource: 'Label', field: 'color', code: 'invalid' }]);
    expect(sim.labels(REPO)).toEqual([]);
  });
});

describe('repository dispatch', () => {
  it('answers 204 and records the event type and payload', async () => {
    const { octokit } = clientFor();
    const sent = await octokit.repos.createDispatchEvent({
      owner: OWNER,
      repo: NAME,
      event_type: 'irac-contain',
      client_payload: { incident: 'INC-7', playbook: 'immediate-isolation' },
    });
    expect(sent.status).toBe(204);
    expect(sim.dispatches(REPO)).toEqual([
      {
        eventType: 'irac-contain',
        clientPayload: { incident: 'INC-7', playbook: 'immediate-isolation' },
        sender: 'github-actions[bot]',
        receivedAt: expect.any(Date),
      },
    ]);
  });

  it('refuses an event_type over 100 characters and a client_payload over 10 properties, recording nothing', async () => {
    const { octokit } = clientFor();
    const long = await rejection(
      octokit.repos.createDispatchEvent({ owner: OWNER, repo: NAME, event_type: 'e'.repeat(101) }),
    );
    expect(long.status).toBe(422);
    expect(long.message).toMatch(/^Invalid request\.\n\nFor 'properties\/event_type'/);

    const payload = Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`key${index}`, index]));
    const wide = await rejection(
      octokit.repos.createDispatchEvent({
        owner: OWNER,
        repo: NAME,
        event_type: 'ok',
        client_payload: payload,
      }),
    );
    expect(wide.status).toBe(422);
    expect(bodyOf(wide).message).toBe(
      'Invalid request.\n\nNo more than 10 properties are allowed; 11 were supplied.',
    );

    const exactly = await octokit.repos.createDispatchEvent({
      owner: OWNER,
      repo: NAME,
      event_type: 'e'.repeat(100),
      client_payload: Object.fromEntries(Object.entries(payload).slice(0, 10)),
    });
    expect(exactly.status).toBe(204);
    expect(sim.dispatches(REPO)).toHaveLength(1);
  });
});

describe('deployment reviews of a workflow run', () => {
  it('answers the review history and pending deployments seeded for a run, and 404 for an unknown run', async () => {
    sim.addApproval(REPO, 4242, {
      environments: ['production'],
      state: 'approved',
      user: 'oncall-lead',
      comment: 'Isolate it',
    });
    sim.addPendingDeployment(REPO, 4242, {
      environment: 'production-containment',
      waitTimer: 5,
      currentUserCanApprove: true,
      reviewers: ['oncall-lead', 'ciso'],
    });
    sim.addWorkflowRun(REPO, 7);
    const { octokit } = clientFor();

    const reviews = await octokit.actions.getReviewsForRun({ owner: OWNER, repo: NAME, run_id: 4242 });
    expect(reviews.data).toHaveLength(1);
    expect(reviews.data[0]).toMatchObject({
      state: 'approved',
      comment: 'Isolate it',
      user: { login: 'oncall-lead' },
    });
    expect(reviews.data[0]?.environments.map((environment) => environment.name)).toEqual(['production']);

    const pending = await octokit.actions.getPendingDeploymentsForRun({
      owner: OWNER,
      repo: NAME,
      run_id: 4242,
    });
    expect(pending.data).toEqual([
      expect.objectContaining({
        environment: expect.objectContaining({ name: 'production-containment' }),
        wait_timer: 5,
        wait_timer_started_at: null,
        current_user_can_approve: true,
        reviewers: [
          { type: 'User', reviewer: expect.objectContaining({ login: 'oncall-lead' }) },
          { type: 'User', reviewer: expect.objectContaining({ login: 'ciso' }) },
        ],
      }),
    ]);

    expect((await octokit.actions.getReviewsForRun({ owner: OWNER, repo: NAME, run_id: 7 })).data).toEqual(
      [],
    );
    const unknown = await rejection(
      octokit.actions.getPendingDeploymentsForRun({ owner: OWNER, repo: NAME, run_id: 8 }),
    );
    expect(unknown.status).toBe(404);
  });
});

describe('authentication and rate limits', () => {
  it('refuses a wrong token with 401 Bad credentials and no token with Requires authentication; takes Bearer too', async () => {
    const { octokit } = clientFor({ token: 'ghp_wrongwrongwrong' });
    const refused = await rejection(octokit.issues.listForRepo({ owner: OWNER, repo: NAME }));
    expect(refused.status).toBe(401);
    expect(refused.response?.data).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });

    const anonymous = await fetch(`${sim.url}/repos/${REPO}/issues`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toBe('Requires authentication');

    const bearer = await fetch(`${sim.url}/repos/${REPO}/issues`, {
      headers: { authorization: `Bearer ${sim.token}` },
    });
    expect(bearer.status).toBe(200);
    expect(sim.requests.map((request) => request.login)).toEqual([null, null, 'github-actions[bot]']);
  });

  it('counts each request in the X-RateLimit headers', async () => {
    const { octokit } = clientFor();
    const first = await octokit.issues.listForRepo({ owner: OWNER, repo: NAME });
    const second = await octokit.issues.listForRepo({ owner: OWNER, repo: NAME });
    expect(first.headers['x-ratelimit-limit']).toBe('5000');
    expect(first.headers['x-ratelimit-remaining']).toBe('4999');
    expect(second.headers['x-ratelimit-remaining']).toBe('4998');
    expect(second.headers['x-ratelimit-used']).toBe('2');
    expect(second.headers['x-ratelimit-resource']).toBe('core');
    const reset = Number(second.headers['x-ratelimit-reset']);
    expect(reset - Date.now() / 1000).toBeGreaterThan(3500);
  });

  it('answers 403 with remaining 0 once the primary limit is spent; the throttling plugin learns the reset and is not made to wait an hour', async () => {
    await sim.close();
    sim = await startGitHubSim({ rateLimit: 2 });
    sim.addRepository(REPO);
    const { octokit, limits } = clientFor();
    await octokit.issues.listForRepo({ owner: OWNER, repo: NAME });
    await octokit.issues.listForRepo({ owner: OWNER, repo: NAME });
    const refused = await rejection(octokit.issues.create({ owner: OWNER, repo: NAME, title: 'late' }));
    expect(refused.status).toBe(403);
    expect(refused.response?.headers['x-ratelimit-remaining']).toBe('0');
    expect(bodyOf(refused).message).toMatch(/^API rate limit exceeded for user ID \d+\.$/);
    expect(limits).toEqual([{ kind: 'primary', retryAfter: expect.any(Number), retryCount: 0 }]);
    expect(limits[0]?.retryAfter).toBeGreaterThan(3500);
    expect(sim.issues(REPO)).toEqual([]);
  });

  it('answers a secondary rate limit with 403 and retry-after; the throttling plugin waits it out and the issue is created once', async () => {
    sim.failNext('POST /repos/{owner}/{repo}/issues', { kind: 'secondary-rate-limit', retryAfterSeconds: 2 });
    const { octokit, limits } = clientFor();
    const created = await octokit.issues.create({ owner: OWNER, repo: NAME, title: 'after the limit' });
    expect(created.status).toBe(201);
    expect(limits).toEqual([{ kind: 'secondary', retryAfter: 2, retryCount: 0 }]);
    expect(routesLogged()).toEqual([
      'POST /repos/{owner}/{repo}/issues 403',
      'POST /repos/{owner}/{repo}/issues 201',
    ]);
    expect(sim.issues(REPO)).toHaveLength(1);
  });

  it('answers a secondary rate limit with 429 too, in GitHub’s wording; the comment is posted once after it', async () => {
    const number = sim.addIssue(REPO, { title: 'incident' });
    const route = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
    sim.failNext(route, { kind: 'secondary-rate-limit', status: 429, retryAfterSeconds: 1 });
    const raw = await fetch(`${sim.url}/repos/${REPO}/issues/${number}/comments`, {
      method: 'POST',
      headers: { authorization: `token ${sim.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'update' }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('1');
    const requestId = raw.headers.get('x-github-request-id');
    expect(await raw.json()).toEqual({
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
        `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '429',
    });

    sim.failNext(route, { kind: 'secondary-rate-limit', status: 429, retryAfterSeconds: 1 });
    const { octokit } = clientFor();
    await octokit.issues.createComment({ owner: OWNER, repo: NAME, issue_number: number, body: 'update' });
    expect(routesLogged().slice(1)).toEqual([`${route} 429`, `${route} 201`]);
    expect(sim.comments(REPO, number).map((comment) => comment.body)).toEqual(['update']);
  });

  it('surfaces a secondary rate limit that lasts longer than the caller will wait, having written nothing', async () => {
    const number = sim.addIssue(REPO, { title: 'incident' });
    const route = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}';
    sim.failNext(route, { kind: 'secondary-rate-limit', retryAfterSeconds: 1 });
    sim.failNext(route, { kind: 'secondary-rate-limit' });
    const { octokit, limits } = clientFor({ retriesOnLimit: 1 });
    const error = await rejection(
      octokit.issues.update({ owner: OWNER, repo: NAME, issue_number: number, state: 'closed' }),
    );
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/^You have exceeded a secondary rate limit\./);
    // Without retry-after the plugin falls back to its own wait, as GitHub's guidance asks.
    expect(limits).toEqual([
      { kind: 'secondary', retryAfter: 1, retryCount: 0 },
      { kind: 'secondary', retryAfter: 60, retryCount: 1 },
    ]);
    expect(routesLogged()).toEqual([`${route} 403`, `${route} 403`]);
    expect(sim.issue(REPO, number)?.state).toBe('open');
  });

  it('retries a 502 with the retry plugin, and never retries a 422', async () => {
    sim.failNext('GET /repos/{owner}/{repo}/labels/{name}', { kind: 'error', status: 502 });
    sim.addLabel(REPO, { name: 'incident' });
    const { octokit } = clientFor();
    const read = await octokit.issues.getLabel({ owner: OWNER, repo: NAME, name: 'incident' });
    expect(read.data.name).toBe('incident');
    expect(routesLogged()).toEqual([
      'GET /repos/{owner}/{repo}/labels/{name} 502',
      'GET /repos/{owner}/{repo}/labels/{name} 200',
    ]);

    await rejection(
      octokit.issues.createLabel({ owner: OWNER, repo: NAME, name: 'incident', color: '000000' }),
    );
    expect(sim.requests.filter((request) => request.status === 422)).toHaveLength(1);
  });
});

describe('the request log and fault injection', () => {
  it('logs each request by route, tells reads from mutations, and logs what no route matched', async () => {
    const number = sim.addIssue(REPO, { title: 'incident' });
    const { octokit } = clientFor();
    await octokit.issues.get({ owner: OWNER, repo: NAME, issue_number: number });
    await octokit.issues.createComment({ owner: OWNER, repo: NAME, issue_number: number, body: 'note' });
    await rejection(
      octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: OWNER,
        repo: NAME,
        issue_number: number,
      } as never),
    );
    expect(sim.requests).toEqual([
      {
        method: 'GET',
        route: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
        path: `/repos/${REPO}/issues/1`,
        mutating: false,
        status: 200,
        login: 'github-actions[bot]',
      },
      {
        method: 'POST',
        route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        path: `/repos/${REPO}/issues/1/comments`,
        mutating: true,
        status: 201,
        login: 'github-actions[bot]',
      },
      {
        method: 'DELETE',
        route: null,
        path: `/repos/${REPO}/issues/1`,
        mutating: true,
        status: 404,
        login: 'github-actions[bot]',
      },
    ]);
    expect(sim.mutatingRequests().map((request) => request.method)).toEqual(['POST', 'DELETE']);
  });

  it('lets the first requests through when told to skip, then fails the next one', async () => {
    sim.failNext(
      'POST /repos/{owner}/{repo}/dispatches',
      { kind: 'error', status: 500, message: 'boom' },
      { skip: 1 },
    );
    const { octokit } = clientFor();
    const dispatch = () =>
      octokit.repos.createDispatchEvent({ owner: OWNER, repo: NAME, event_type: 'irac' });
    await dispatch();
    // The retry plugin retries the 500 and the second dispatch goes through on its next attempt.
    await dispatch();
    expect(routesLogged()).toEqual([
      'POST /repos/{owner}/{repo}/dispatches 204',
      'POST /repos/{owner}/{repo}/dispatches 500',
      'POST /repos/{owner}/{repo}/dispatches 204',
    ]);
    expect(sim.dispatches(REPO)).toHaveLength(2);
  });
});

describe('hostile and malformed requests', () => {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { authorization: `token ${sim.token}`, 'content-type': 'application/json', ...headers },
      body,
    });

  it('answers 400 for a body that is not JSON or not an object, and 413 for one over a megabyte', async () => {
    const broken = await post(`/repos/${REPO}/issues`, '{"title": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { message: string }).message).toBe('Problems parsing JSON');
    const array = await post(`/repos/${REPO}/issues`, '["title"]');
    expect(array.status).toBe(400);
    expect(((await array.json()) as { message: string }).message).toBe('Body should be a JSON object');
    const huge = await post(
      `/repos/${REPO}/issues`,
      JSON.stringify({ title: 't', body: 'z'.repeat(1_100_000) }),
    );
    expect(huge.status).toBe(413);
    expect(sim.issues(REPO)).toEqual([]);
  });

  it('keeps a payload’s __proto__ key as data, and does not let a path move the Link headers elsewhere', async () => {
    const sent = await post(
      `/repos/${REPO}/dispatches`,
      '{"event_type":"x","client_payload":{"__proto__":{"polluted":true}}}',
    );
    expect(sent.status).toBe(204);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.hasOwn(sim.dispatches(REPO)[0]?.clientPayload ?? {}, '__proto__')).toBe(true);

    for (let index = 0; index < 3; index++) sim.addIssue(REPO, { title: `t${index}` });
    const listed = await fetch(`${sim.url}//evil.example/repos/${REPO}/issues?per_page=1`, {
      headers: { authorization: `token ${sim.token}` },
    });
    expect(listed.status).toBe(404);
    expect(listed.headers.get('link')).toBeNull();
    expect(sim.requests.at(-1)?.path).toBe(`//evil.example/repos/${REPO}/issues`);
  });

  it('matches repository names regardless of case and answers 404 for a repository it does not hold', async () => {
    const { octokit } = clientFor();
    await octokit.issues.create({ owner: 'ACME', repo: 'Incidents', title: 'case' });
    expect(sim.issues(REPO).map((issue) => issue.title)).toEqual(['case']);
    const elsewhere = await rejection(octokit.issues.create({ owner: 'acme', repo: 'secret', title: 'x' }));
    expect(elsewhere.status).toBe(404);
    expect(() => sim.issues('acme/secret')).toThrow(/no repository "acme\/secret"/);
  });
});
