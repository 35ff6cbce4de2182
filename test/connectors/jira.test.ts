// jira:create_issue through the real jira.js client against the simulated Jira Cloud: which tickets the
// site holds afterwards, read from the sim's state and its request log.

import { describe, expect, it } from 'vitest';
import { type ActionContext, ActionFailure, dryRun, execute } from '../../src/connectors/action.js';
import { createClients } from '../../src/connectors/clients.js';
import { type CreateIssueParams, createIssue, INCIDENT_PROPERTY } from '../../src/connectors/jira.js';
import { type JiraFault, type JiraSim, startJiraSim } from '../../src/sim/jira.js';
import { actionContract, type ContractWorld, MemoryJournal, within } from '../support/action-contract.js';

const INCIDENT = 'INC-20260314-0001';
const NOW = new Date('2026-03-14T09:30:00Z');
const LINKS = {
  incident: 'https://github.com/acme/incidents/blob/main/incidents/INC-20260314-0001.md',
  run: 'https://github.com/acme/incidents/actions/runs/42',
};

const PARAMS: CreateIssueParams = {
  project: 'SEC',
  issue_type: 'Task',
  summary: `[${INCIDENT}] high: SSH brute force against i-0abc`,
  labels: ['irac', INCIDENT],
};

/** Faults in Jira's words: a 429 with Retry-After, a 503, and a refusal no retry can fix. */
const JIRA_FAULTS = {
  throttle: { status: 429, message: 'Rate limit exceeded.', retryAfterSeconds: 1 },
  unavailable: { status: 503, message: 'Service Unavailable' },
  hard: { status: 403, message: 'You do not have permission to create issues in this project.' },
} as const satisfies Record<string, JiraFault>;

interface JiraWorld extends ContractWorld<JiraFault> {
  readonly sim: JiraSim;
}

async function jiraWorld(seed: (sim: JiraSim) => Promise<void> = async () => {}): Promise<JiraWorld> {
  const sim = await startJiraSim();
  sim.addProject('SEC', { issueTypes: ['Task', 'Bug'], priorities: ['Highest', 'High', 'Medium', 'Low'] });
  sim.addProject('OPS', { issueTypes: ['Task'], priorities: ['Medium'] });
  await seed(sim);
  const context: ActionContext = {
    incidentId: INCIDENT,
    aws: { region: 'us-east-1' },
    clients: createClients({ jira: { host: sim.url, ...sim.credentials, backoffMs: 10 } }),
    now: () => NOW,
    links: LINKS,
  };
  return {
    sim,
    context,
    state: () =>
      sim.issues().map((issue) => ({
        key: issue.key,
        type: issue.issueType,
        summary: issue.summary,
        labels: issue.labels,
        priority: issue.priority,
        description: issue.description,
        properties: Object.fromEntries(issue.properties),
      })),
    requests: () => sim.requests.map(({ operation, mutating }) => ({ operation, mutating })),
    failNext: (operation, fault, options) => sim.failNext(operation, fault, options),
    close: () => sim.close(),
  };
}

/** An issue a responder opened by hand before irac ran, through the same API. */
async function openedByHand(sim: JiraSim, project: string, labels: string[]): Promise<void> {
  const response = await fetch(`${sim.url}/rest/api/3/issue`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${sim.credentials.email}:${sim.credentials.apiToken}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      fields: {
        project: { key: project },
        issuetype: { name: 'Task' },
        summary: 'Looking into SSH alerts',
        labels,
      },
    }),
  });
  expect(response.status).toBe(201);
}

describe('jira:create_issue', () => {
  actionContract({
    action: createIssue,
    params: PARAMS,
    setup: () => jiraWorld(),
    faults: JIRA_FAULTS,
    idempotentWithoutJournal: true,
  });

  it('opens a Task in SEC labelled with the incident id, carrying the incident property and the links', async () => {
    await within(jiraWorld(), async ({ sim, context }) => {
      const outcome = await execute(
        createIssue,
        { ...PARAMS, priority: 'High' },
        context,
        new MemoryJournal(),
      );
      expect(outcome.record).toEqual({
        project: 'SEC',
        label: INCIDENT,
        issue_key: 'SEC-1',
        issue_url: `${sim.url}/browse/SEC-1`,
      });
      const issue = sim.issue('SEC-1');
      expect(issue).toMatchObject({
        issueType: 'Task',
        summary: PARAMS.summary,
        labels: ['irac', INCIDENT],
        priority: 'High',
        status: 'To Do',
      });
      expect(issue?.properties.get(INCIDENT_PROPERTY)).toEqual({ incident_id: INCIDENT });
      const text = JSON.stringify(issue?.description);
      expect(text).toContain(`Opened by irac for incident ${INCIDENT}.`);
      expect(text).toContain(LINKS.incident);
      expect(text).toContain(LINKS.run);
    });
  });

  it('files the ticket even when the event gave a title Jira would refuse: on one line, cut to 255 characters', async () => {
    await within(jiraWorld(), async ({ sim, context }) => {
      const title = `SSH brute force\r\nfrom 203.0.113.9\t${'x'.repeat(300)}`;
      await execute(createIssue, { ...PARAMS, summary: title }, context, new MemoryJournal());
      const summary = sim.issue('SEC-1')?.summary ?? '';
      expect(summary.startsWith('SSH brute force from 203.0.113.9 xxx')).toBe(true);
      expect(summary).toHaveLength(255);
      expect(summary.endsWith('…')).toBe(true);
    });
  });

  it('adds the incident label when the playbook gave other labels, since that label is how the ticket is found again', async () => {
    await within(jiraWorld(), async ({ sim, context }) => {
      await execute(createIssue, { ...PARAMS, labels: ['security'] }, context, new MemoryJournal());
      expect(sim.issue('SEC-1')?.labels).toEqual(['security', INCIDENT]);
      const again = await execute(
        createIssue,
        { ...PARAMS, labels: ['security'] },
        context,
        new MemoryJournal(),
      );
      expect(again.changed).toBe(false);
      expect(sim.issues()).toHaveLength(1);
    });
  });

  it('reuses the issue a responder already labelled with the incident id instead of opening a second', async () => {
    const seeded = await jiraWorld(async (sim) => {
      await openedByHand(sim, 'OPS', [INCIDENT]);
      await openedByHand(sim, 'SEC', ['triage']);
      await openedByHand(sim, 'SEC', [INCIDENT]);
    });
    await within(seeded, async ({ sim, context }) => {
      const from = sim.requests.length;
      const outcome = await execute(createIssue, PARAMS, context, new MemoryJournal());
      expect(outcome.changed).toBe(false);
      expect(outcome.state).toBe(`SEC-2 is already labelled ${INCIDENT}`);
      expect(outcome.record.issue_key).toBe('SEC-2');
      expect(sim.requests.slice(from).map((request) => request.operation)).toEqual([
        'searchForIssuesUsingJqlEnhancedSearch',
      ]);
      expect(sim.requests.at(-1)?.params.get('jql')).toBe(`project = "SEC" AND labels = "${INCIDENT}"`);
      expect(sim.issues()).toHaveLength(3);
    });
  });

  it('a resumed run trusts the ticket its journal names, without searching for it', async () => {
    await within(jiraWorld(), async ({ sim, context }) => {
      const journal = new MemoryJournal<Awaited<ReturnType<typeof createIssue.inspect>>['record']>();
      await execute(createIssue, PARAMS, context, journal);
      const from = sim.requests.length;
      const resumed = await execute(createIssue, PARAMS, context, journal);
      expect(resumed.changed).toBe(false);
      expect(sim.requests.slice(from).map((request) => request.operation)).toEqual(['getIssue']);
    });
  });

  it('stops with Jira’s own words when the site refuses the fields, and opens nothing', async () => {
    await within(jiraWorld(), async ({ sim, context }) => {
      const failure = await execute(
        createIssue,
        { ...PARAMS, priority: 'P1' },
        context,
        new MemoryJournal(),
      ).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ActionFailure);
      expect((failure as ActionFailure).call?.call).toBe('jira:issue.create');
      expect((failure as ActionFailure).reason).toBe(
        'JiraRefusal: HTTP 400: priority: The priority selected is invalid.',
      );
      expect(sim.issues()).toEqual([]);
    });
  });

  it('stops at once when Jira asks for a wait longer than a minute, rather than sleeping through the incident', async () => {
    await within(jiraWorld(), async ({ sim, context }) => {
      sim.failNext('createIssue', { status: 429, message: 'Rate limit exceeded.', retryAfterSeconds: 3600 });
      const started = Date.now();
      await expect(execute(createIssue, PARAMS, context, new MemoryJournal())).rejects.toThrow(/HTTP 429/);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(sim.issues()).toEqual([]);
    });
  });

  it('keeps the API token out of a refusal for wrong credentials', async () => {
    await within(jiraWorld(), async ({ sim, context }) => {
      const wrongToken = `${sim.credentials.apiToken}-revoked`;
      const refused = {
        ...context,
        clients: createClients({
          jira: { host: sim.url, email: sim.credentials.email, apiToken: wrongToken },
        }),
      };
      const failure = (await dryRun(createIssue, PARAMS, refused).catch(
        (error: unknown) => error,
      )) as ActionFailure;
      expect(failure).toBeInstanceOf(ActionFailure);
      expect(failure.reason).toBe(
        'JiraRefusal: HTTP 401: Client must be authenticated to access this resource.',
      );
      expect(failure.message).not.toContain(wrongToken);
      expect(sim.requests.map((request) => request.status)).toEqual([401]);
    });
  });
});
