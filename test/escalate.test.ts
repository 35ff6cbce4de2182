// `irac escalate` and acknowledgement against the loopback Slack and GitHub, through the real clients, in
// a fork of the template with a bare origin. A Falco alert goes through the pipeline live: queue-for-review
// opens its ticket (an issue labelled with the incident id) and its thread in #ir-queue. Then escalation
// runs on an injected clock: each level pages its role once, when due, in the thread and on the ticket,
// and is recorded once; an acknowledgement (CLI or `/ack`) stops it; a resolved incident is left alone.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ackCommand,
  ackFromComment,
  escalateIncidents,
  explainEscalation,
} from '../src/cli/escalate-command.js';
import { openStore } from '../src/cli/store-context.js';
import { createClients } from '../src/connectors/clients.js';
import { levelMarker } from '../src/escalate/notify.js';
import { escalationState } from '../src/escalate/schedule.js';
import { storeMetrics } from '../src/forensics/metrics.js';
import { verifyStore } from '../src/forensics/verify.js';
import { normalizeWithEvidence } from '../src/ingest/normalize.js';
import type { JsonObject } from '../src/json.js';
import { runPipeline } from '../src/pipeline.js';
import { resolveIncident } from '../src/plan/resolve.js';
import { type Sims, startSims } from '../src/sim/world.js';
import { type AuditEntry, nextEntry } from '../src/store/audit.js';
import { parseIncident } from '../src/store/incident.js';
import { auditFile, incidentFile } from '../src/store/layout.js';
import { parseAuditEntries } from '../src/store/record.js';
import type { Transaction } from '../src/store/transaction.js';
import type { EscalationMatrix, Incident } from '../src/types.js';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/corpus.js';
import { git, scratchDir, scratchRemote } from './helpers/git.js';

const REPOSITORY = 'example-org/security-incidents';
const CHANNEL = 'ir-queue';
const TEMPLATE = ['incident-response-config.yaml', 'playbooks', 'assets', 'intel'];
const ENGINEERS = 'S0ENGINEER';
const LEADS = 'S0LEADS';
const MATRIX = `notifications:
  escalation_matrix:
${['low', 'medium', 'high', 'critical']
  .map(
    (severity) => `    ${severity}:
      - role: security_engineer
        timeout: 5m
      - role: security_lead
        timeout: 15m
      - role: ciso
        timeout: 30m`,
  )
  .join('\n')}
`;
/** notifications.roles and notifications.ack_team, under the matrix. */
const ROLES = `  roles:
    security_engineer:
      slack_user_group: ${ENGINEERS}
      github_team: example-org/security-engineers
    security_lead:
      slack_user_group: ${LEADS}
      github_team: example-org/security-leads
  ack_team: example-org/security-responders
`;
const MINUTE = 60_000;
const SLOW = 60_000;

const open: Sims[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sims) => sims.close()));
});

/** A fork whose matrix pages three roles (0, 5m, 20m after ingest) for every severity; ciso is unmapped. */
function fork(): string {
  const { clone } = scratchRemote();
  const repo = clone();
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(repo, path), { recursive: true });
  const config = join(repo, 'incident-response-config.yaml');
  const text = readFileSync(config, 'utf8');
  const start = text.indexOf('notifications:');
  const end = text.indexOf('\n# How actions reach', start);
  writeFileSync(config, `${text.slice(0, start)}${MATRIX}${ROLES}${text.slice(end)}`);
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '-m', 'template with an escalation matrix');
  git(repo, 'push', '--quiet', 'origin', 'main');
  return repo;
}

const COMMENTS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' as const;

/** A Falco shell alert (in pod `pod`) through the pipeline, live, at `at`: its incident, ticket and thread. */
async function incidentAt(repo: string, sims: Sims, at: Date, pod = 'db-0'): Promise<string> {
  const store = await openStore({ repo });
  const fixture = readFileSync(join(FIXTURES_DIR, 'falco/k8s-audit-exec.json'), 'utf8');
  const bytes = Buffer.from(fixture.replaceAll('db-0', pod));
  const items = [...normalizeWithEvidence(bytes, { name: 'falco/k8s-audit-exec.json' })];
  const [outcome] = await runPipeline(items, {
    root: store.repository.root,
    config: store.config,
    actor: 'pipeline',
    apply: (operation) => store.repository.apply(operation, store.publish).then((applied) => applied.result),
    clients: createClients(sims.connectors),
    live: true,
    now: () => at,
  });
  expect(outcome?.playbook).toBe('queue-for-review');
  return outcome?.incident ?? '';
}

async function world(): Promise<{ repo: string; sims: Sims; id: string; t0: number }> {
  const sims = await startSims({
    account: '123456789012',
    region: 'eu-west-1',
    channels: [CHANNEL],
    repository: REPOSITORY,
  });
  open.push(sims);
  const repo = fork();
  const t0 = Math.floor(Date.now() / 1000) * 1000;
  const id = await incidentAt(repo, sims, new Date(t0));
  return { repo, sims, id, t0 };
}

const escalateAt = (repo: string, sims: Sims, t: number) =>
  escalateIncidents({ repo, now: () => new Date(t), clients: createClients(sims.connectors) });

const committed = (repo: string, path: string) => git(repo, 'show', `origin/main:${path}`);
const auditOf = (repo: string, id: string) => parseAuditEntries(`${committed(repo, auditFile(id))}\n`);

// Every recorded change is followed by an anchor of the audit head in the same thread and on the ticket
// (src/forensics/anchors.ts); these tests count the pages.
const isAnchor = (text: string) => text.startsWith('irac anchor ');

/** The bot's pages in the incident's thread (the queue's own message is the thread's first). */
function threadReplies(sims: Sims) {
  return sims.slack
    .messages(CHANNEL)
    .filter((message) => message.threadTs !== null && !isAnchor(message.text));
}

function ticketComments(sims: Sims) {
  const [issue] = sims.github.issues(REPOSITORY);
  const comments = issue ? sims.github.comments(REPOSITORY, issue.number) : [];
  return comments.filter((comment) => !isAnchor(comment.body));
}

async function verified(repo: string) {
  const store = await openStore({ repo });
  const report = await verifyStore(store.repository.git, {
    allowedSignersPath: store.config.signing.allowedSigners,
    requireSigned: false,
  });
  expect(report.problems).toEqual([]);
}

const io = () => {
  const out: string[] = [];
  return {
    out,
    io: {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => out.push(t),
      readStdin: async () => undefined,
    },
  };
};

describe('irac escalate', () => {
  it(
    'pages each level once, when it falls due, in the thread and on the ticket; a re-run sends nothing',
    async () => {
      const { repo, sims, id, t0 } = await world();
      expect(threadReplies(sims)).toHaveLength(0);

      const first = await escalateAt(repo, sims, t0 + MINUTE);
      expect(first.escalations.map((e) => [e.incident, e.level, e.role])).toEqual([
        [id, 1, 'security_engineer'],
      ]);
      expect(first.upcoming).toEqual([
        { incident: id, role: 'security_lead', due_at: new Date(t0 + 5 * MINUTE).toISOString() },
      ]);
      expect([...(threadReplies(sims)[0]?.mentions ?? [])]).toEqual([`<!subteam^${ENGINEERS}>`]);
      expect(ticketComments(sims).map((c) => c.body.split(' ')[0])).toEqual([
        '@example-org/security-engineers',
      ]);

      // Not yet due, or due and already sent: nothing is sent, nothing is written.
      const mutations = sims.mutations();
      const head = git(repo, 'rev-parse', 'origin/main');
      for (const t of [t0 + MINUTE, t0 + 5 * MINUTE - 1000]) {
        expect((await escalateAt(repo, sims, t)).escalations).toEqual([]);
      }
      expect([sims.mutations(), git(repo, 'rev-parse', 'origin/main')]).toEqual([mutations, head]);

      expect((await escalateAt(repo, sims, t0 + 5 * MINUTE)).escalations.map((e) => e.role)).toEqual([
        'security_lead',
      ]);
      expect((await escalateAt(repo, sims, t0 + 20 * MINUTE - 1000)).escalations).toEqual([]);
      // The last role has no mapping: the thread and the ticket still say who is being asked, and the
      // report says nobody could be mentioned.
      const third = await escalateAt(repo, sims, t0 + 20 * MINUTE);
      expect(third.escalations.map((e) => [e.role, e.skipped])).toEqual([
        ['ciso', ['ciso: no Slack user group or GitHub team mapped']],
      ]);
      expect(third.upcoming).toEqual([]);
      expect((await escalateAt(repo, sims, t0 + 24 * 60 * MINUTE)).escalations).toEqual([]);

      expect(threadReplies(sims).map((m) => [...m.mentions])).toEqual([
        [`<!subteam^${ENGINEERS}>`],
        [`<!subteam^${LEADS}>`],
        [],
      ]);
      expect(ticketComments(sims).map((c) => c.body.split(' ')[0])).toEqual([
        '@example-org/security-engineers',
        '@example-org/security-leads',
        '`ciso`',
      ]);
      const escalations = auditOf(repo, id).filter((entry) => entry.action === 'escalate');
      expect(escalations.map((e) => [e.data.level, e.data.role, e.data.due_at, e.at])).toEqual([
        [1, 'security_engineer', new Date(t0).toISOString(), new Date(t0 + MINUTE).toISOString()],
        [
          2,
          'security_lead',
          new Date(t0 + 5 * MINUTE).toISOString(),
          new Date(t0 + 5 * MINUTE).toISOString(),
        ],
        [3, 'ciso', new Date(t0 + 20 * MINUTE).toISOString(), new Date(t0 + 20 * MINUTE).toISOString()],
      ]);
      // One commit per level, each naming its audit entry.
      const subjects = git(repo, 'log', '--format=%s', 'origin/main').split('\n');
      expect(subjects.filter((s) => s.startsWith('escalate:'))).toHaveLength(3);
      await verified(repo);
    },
    SLOW,
  );

  it(
    'pages every level that fell due while it did not run, in order, one commit each',
    async () => {
      const { repo, sims, id, t0 } = await world();
      const report = await escalateAt(repo, sims, t0 + 6 * MINUTE);
      expect(report.escalations.map((e) => [e.incident, e.level])).toEqual([
        [id, 1],
        [id, 2],
      ]);
      expect(threadReplies(sims)).toHaveLength(2);
      expect(explainEscalation(report).split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^escalated ${id} medium: level 1/3 security_engineer → #${CHANNEL} thread \\S+, ${REPOSITORY}#1 \\(recorded in [0-9a-f]{12}\\)$`,
          ),
        ),
        expect.stringMatching(new RegExp(`^escalated ${id} medium: level 2/3 security_lead → `)),
        `next: ${id} ciso at ${new Date(t0 + 20 * MINUTE).toISOString()}`,
        '2 levels paged, 1 incident still escalating, 1 looked at',
        '',
      ]);
      await verified(repo);
    },
    SLOW,
  );

  it(
    'finds a page it sent but did not record on the ticket, instead of commenting twice',
    async () => {
      const { repo, sims, id, t0 } = await world();
      const [issue] = sims.github.issues(REPOSITORY);
      // What a run that died between the comment and the commit leaves behind.
      const octokit = await createClients(sims.connectors).github();
      await octokit.issues.createComment({
        owner: 'example-org',
        repo: 'security-incidents',
        issue_number: issue?.number ?? 0,
        body: `paged earlier\n\n${levelMarker(id, 'medium', 1)}`,
      });
      const report = await escalateAt(repo, sims, t0 + MINUTE);
      expect(report.escalations[0]?.delivered.find((d) => d.via === 'github')?.ref).toMatch(/#issuecomment-/);
      expect(ticketComments(sims).map((c) => c.body.split('\n')[0])).toEqual(['paged earlier']);
    },
    SLOW,
  );

  it(
    'records a refusal as skipped, still pages the other place, and does not page the level again',
    async () => {
      const { repo, sims, id, t0 } = await world();
      sims.slack.failNext('chat.postMessage', 'not_in_channel');
      const first = await escalateAt(repo, sims, t0 + MINUTE);
      expect(first.failures).toEqual([]);
      expect(first.escalations.map((e) => [e.level, e.delivered.map((d) => d.via), e.skipped])).toEqual([
        [1, ['github'], [expect.stringMatching(/^slack: #?ir-queue thread \S+: refused: not_in_channel$/)]],
      ]);
      const mutations = sims.mutations();
      expect((await escalateAt(repo, sims, t0 + 2 * MINUTE)).escalations).toEqual([]);
      expect(sims.mutations()).toEqual(mutations);

      // Both refuse: the level is recorded all the same, as reaching nobody, and never paged again.
      sims.slack.failNext('chat.postMessage', 'is_archived');
      sims.github.failNext(COMMENTS, {
        kind: 'error',
        status: 403,
        message: 'Unable to create comment because issue is locked.',
      });
      const second = await escalateAt(repo, sims, t0 + 5 * MINUTE);
      expect(second.escalations.map((e) => [e.level, e.delivered, e.skipped])).toEqual([
        [
          2,
          [],
          [
            expect.stringMatching(/refused: is_archived$/),
            expect.stringMatching(
              /^github: refused: HTTP 403: Unable to create comment because issue is locked/,
            ),
          ],
        ],
      ]);
      const recorded = auditOf(repo, id).filter((entry) => entry.action === 'escalate');
      expect(recorded.map((e) => e.data.summary)).toEqual([
        expect.stringMatching(/^level 1\/3 security_engineer paged \(example-org\/security-incidents#1\)$/),
        'level 2/3 security_lead paged: nobody reachable',
      ]);
      const after = sims.mutations();
      expect((await escalateAt(repo, sims, t0 + 6 * MINUTE)).escalations).toEqual([]);
      expect(sims.mutations()).toEqual(after);
      expect(threadReplies(sims)).toHaveLength(0);
      await verified(repo);
    },
    SLOW,
  );

  it(
    'leaves a level nothing reached for the next run when the failure may pass, and goes on with the next incident',
    async () => {
      const { repo, sims, id, t0 } = await world();
      const other = await incidentAt(repo, sims, new Date(t0), 'db-1');
      expect(other).not.toBe(id);
      // Incidents are taken in the order of the store's tree: by id.
      const [first, second] = [id, other].sort();
      // The first incident's page meets a Slack and a GitHub that do not answer (every attempt, the
      // retry included); the second incident's goes out.
      sims.slack.failNext('chat.postMessage', { status: 503 });
      sims.slack.failNext('chat.postMessage', { status: 503 });
      sims.github.failNext(COMMENTS, { kind: 'error', status: 502 });
      sims.github.failNext(COMMENTS, { kind: 'error', status: 502 });
      const run = await escalateAt(repo, sims, t0 + MINUTE);
      expect(run.failures).toEqual([
        {
          incident: first,
          level: 1,
          reason: expect.stringMatching(
            /^level 1 security_engineer not paged, retried next run: slack: .*; github: /,
          ),
        },
      ]);
      expect(run.escalations.map((e) => [e.incident, e.level, e.skipped])).toEqual([[second, 1, []]]);
      expect(auditOf(repo, first ?? '').filter((e) => e.action === 'escalate')).toEqual([]);

      // Once they answer again, it is paged; what was paged is not.
      const retry = await escalateAt(repo, sims, t0 + 2 * MINUTE);
      expect([retry.failures, retry.escalations.map((e) => [e.incident, e.level])]).toEqual([
        [],
        [[first, 1]],
      ]);
      await verified(repo);
    },
    SLOW,
  );

  it(
    "pages the team even when someone else posted the level's marker first",
    async () => {
      const { repo, sims, id, t0 } = await world();
      const [issue] = sims.github.issues(REPOSITORY);
      // The marker is computable by anyone who can read the incident id.
      sims.github.addComment(REPOSITORY, issue?.number ?? 0, {
        author: 'mallory',
        body: `nothing to see\n\n${levelMarker(id, 'medium', 1)}`,
      });
      const report = await escalateAt(repo, sims, t0 + MINUTE);
      const page = report.escalations[0]?.delivered.find((d) => d.via === 'github');
      expect(ticketComments(sims).map((c) => [c.author, c.body.split(' ')[0]])).toEqual([
        ['mallory', 'nothing'],
        [sims.github.login, '@example-org/security-engineers'],
      ]);
      expect(page?.ref).toMatch(new RegExp(`#issuecomment-${ticketComments(sims)[1]?.id}$`));
      expect(sims.github.requests.map((r) => r.route)).toContain('GET /user');
    },
    SLOW,
  );

  it(
    'leaves resolved incidents alone',
    async () => {
      const { repo, sims, id, t0 } = await world();
      const store = await openStore({ repo });
      await store.repository.apply(
        (tx: Transaction) =>
          resolveIncident(tx, id, { actor: 'alice', note: 'benign', now: () => new Date(t0 + 1000) }),
        store.publish,
      );
      const mutations = sims.mutations();
      const report = await escalateAt(repo, sims, t0 + 60 * MINUTE);
      expect([report.escalations, report.upcoming, sims.mutations()]).toEqual([[], [], mutations]);
    },
    SLOW,
  );
});

describe('irac ack', () => {
  it(
    'records who acknowledged and when, and stops the escalation',
    async () => {
      const { repo, sims, id, t0 } = await world();
      await escalateAt(repo, sims, t0 + MINUTE);
      const { out, io: cli } = io();
      await ackCommand(id, { repo, by: 'alice' }, cli);
      expect(out.join('')).toMatch(new RegExp(`^acknowledged: ${id} at \\S+ in [0-9a-f]{12}\\n$`));
      const ack = auditOf(repo, id).find((entry) => entry.action === 'ack');
      expect(ack?.data).toMatchObject({ by: 'alice', via: 'cli', summary: 'acknowledged by alice' });
      const incident = parseIncident(committed(repo, incidentFile(id)), 'incident.yaml');
      expect(incident.timestamps.acknowledged).toBe(ack?.at);

      const mutations = sims.mutations();
      const report = await escalateAt(repo, sims, t0 + 60 * MINUTE);
      expect([report.escalations, report.upcoming, sims.mutations()]).toEqual([[], [], mutations]);

      // The first acknowledgement counts; a second changes nothing.
      const again = io();
      await ackCommand(id, { repo, by: 'bob' }, again.io);
      expect(again.out.join('')).toBe(`unchanged: ${id} was acknowledged by alice at ${ack?.at}\n`);
      await verified(repo);
    },
    SLOW,
  );

  it('refuses a --by that is not a login or an address, and an id that is not one', async () => {
    const { io: cli } = io();
    await expect(ackCommand('IR-1', { by: 'alice' }, cli)).rejects.toThrow(
      'ID: "IR-1" is not an incident id',
    );
    await expect(ackCommand('IR-20260302-abcdefgh', { by: 'alice\nIrac-Actor: x' }, cli)).rejects.toThrow(
      '--by: must be a login or an address',
    );
  });
});

describe('/ack on the incident issue', () => {
  /** The runner's event file for a comment by `login` on the incident's ticket. */
  function commentEvent(sims: Sims, login: string, body = '/ack', labels?: string[]): NodeJS.ProcessEnv {
    const [issue] = sims.github.issues(REPOSITORY);
    const file = join(scratchDir('irac-event-'), 'event.json');
    writeFileSync(
      file,
      JSON.stringify({
        action: 'created',
        issue: { number: issue?.number, labels: (labels ?? issue?.labels ?? []).map((name) => ({ name })) },
        comment: {
          body,
          user: { login },
          html_url: `https://github.com/${REPOSITORY}/issues/1#issuecomment-9`,
        },
      }),
    );
    return { GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: file };
  }

  it(
    'acknowledges for an active member of the allowed team, checked through the API',
    async () => {
      const { repo, sims, id, t0 } = await world();
      sims.github.addTeamMember('example-org', 'security-responders', 'carol');
      const result = await ackFromComment({
        repo,
        env: commentEvent(sims, 'carol', '  /ack\n'),
        clients: createClients(sims.connectors),
        now: () => new Date(t0 + 2 * MINUTE),
      });
      expect(result).toMatchObject({ incident: id, by: 'carol', outcome: 'acknowledged' });
      expect(sims.github.requests.map((r) => r.route)).toContain(
        'GET /orgs/{org}/teams/{team_slug}/memberships/{username}',
      );
      const ack = auditOf(repo, id).find((entry) => entry.action === 'ack');
      expect(ack).toMatchObject({
        at: new Date(t0 + 2 * MINUTE).toISOString(),
        data: { by: 'carol', via: 'github-comment' },
      });
      expect((await escalateAt(repo, sims, t0 + 60 * MINUTE)).escalations).toEqual([]);
      await verified(repo);
    },
    SLOW,
  );

  it(
    'refuses, in one line and writing nothing, anyone who is not an active member, and anything but /ack',
    async () => {
      const { repo, sims, id } = await world();
      sims.github.addTeamMember('example-org', 'security-responders', 'invited', { state: 'pending' });
      sims.github.addTeamMember('example-org', 'security-engineers', 'dave');
      const head = git(repo, 'rev-parse', 'origin/main');
      const attempt = (env: NodeJS.ProcessEnv) =>
        ackFromComment({ repo, env, clients: createClients(sims.connectors) });
      await expect(attempt(commentEvent(sims, 'mallory'))).rejects.toThrow(
        `mallory is not an active member of example-org/security-responders: ${id} is not acknowledged`,
      );
      await expect(attempt(commentEvent(sims, 'invited'))).rejects.toThrow('invited is not an active member');
      await expect(attempt(commentEvent(sims, 'dave'))).rejects.toThrow('dave is not an active member');
      await expect(attempt(commentEvent(sims, 'dave', '/ack please'))).rejects.toThrow(
        'issue_comment event: the comment is not exactly /ack',
      );
      await expect(attempt(commentEvent(sims, 'dave', '/ack', ['irac', 'needs-review']))).rejects.toThrow(
        'issue_comment event: the issue is labelled with no incident id',
      );
      expect(git(repo, 'rev-parse', 'origin/main')).toBe(head);
    },
    SLOW,
  );
});

describe('a severity raised after ingest', () => {
  const T0 = Date.parse('2026-03-02T08:00:00Z');
  const at = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString();
  const DAY = 24 * 60;
  const matrix: EscalationMatrix = {
    medium: [
      { role: 'security_engineer', timeout: '5m' },
      { role: 'security_lead', timeout: '15m' },
    ],
    critical: [
      { role: 'security_engineer', timeout: '5m' },
      { role: 'security_lead', timeout: '15m' },
      { role: 'ciso', timeout: '30m' },
    ],
  };
  const ID = 'IR-20260302-abcdefgh';

  /** A trail written as ingest, triage and escalate write theirs, minute by minute. */
  function trail(items: readonly [number, string, JsonObject][]): AuditEntry[] {
    let text = '';
    return items.map(([minute, action, data]) => {
      const { entry, line } = nextEntry(text, { at: at(minute), actor: 'irac', action, incident: ID, data });
      text += line;
      return entry;
    });
  }

  function incident(severity: Incident['severity']): Incident {
    return {
      id: ID,
      title: 'shell in a pod',
      status: 'triaged',
      severity,
      score: 0.5,
      playbook: 'queue-for-review',
      decision: 'routed',
      fingerprint: 'a'.repeat(64),
      timestamps: {
        detected: at(0),
        opened: at(0),
        updated: at(DAY),
        acknowledged: null,
        triaged: at(0),
        contained: null,
        resolved: null,
      },
      events: 2,
      vendors: ['falco'],
      kinds: [],
      resources: [],
      actors: [],
      accounts: [],
      approvals: [],
      notifications: {},
    };
  }

  // Opened medium and paged at medium's level 1 and 2; a day later a critical event joins it.
  const RAISED: [number, string, JsonObject][] = [
    [0, 'ingest', { severity: 'medium' }],
    [0.5, 'triage', { severity: 'medium', outcome: 'routed' }],
    [1, 'escalate', { severity: 'medium', level: 1 }],
    [5, 'escalate', { severity: 'medium', level: 2 }],
    // A high event that triage scores back to medium does not restart medium's chain.
    [60, 'ingest', { severity: 'high' }],
    [60.5, 'triage', { severity: 'medium', outcome: 'routed' }],
    [DAY, 'ingest', { severity: 'critical' }],
    [DAY + 0.5, 'triage', { severity: 'critical', outcome: 'routed' }],
  ];
  const raised = trail(RAISED);

  it("starts the raised severity's chain when it was raised, at its own level 1", () => {
    const state = escalationState(incident('critical'), raised, matrix, new Date(T0 + (DAY + 1) * MINUTE));
    expect(state).toEqual({
      kind: 'escalating',
      due: [
        { severity: 'critical', level: 1, of: 3, role: 'security_engineer', due_at: at(DAY), after: '0m' },
      ],
      next: {
        severity: 'critical',
        level: 2,
        of: 3,
        role: 'security_lead',
        due_at: at(DAY + 5),
        after: '5m',
      },
    });
  });

  it('keeps the chain of an unchanged severity from its first entry, through a transient raise', () => {
    const medium = raised.slice(0, 6);
    const state = escalationState(incident('medium'), medium, matrix, new Date(T0 + 61 * MINUTE));
    expect(state).toEqual({ kind: 'escalating', due: [], next: undefined });
  });

  it('counts an approval only when it names someone', () => {
    const approvedByNobody = trail([
      [0, 'ingest', { severity: 'medium' }],
      [2, 'step', { step: 'isolate', state: 'running', approved_by: '' }],
    ]);
    const state = escalationState(incident('medium'), approvedByNobody, matrix, new Date(T0 + 6 * MINUTE));
    expect(state.kind).toBe('escalating');
    const approved = trail([
      [0, 'ingest', { severity: 'medium' }],
      [2, 'step', { step: 'isolate', state: 'running', approved_by: 'alice' }],
    ]);
    expect(escalationState(incident('medium'), approved, matrix, new Date(T0 + 6 * MINUTE))).toEqual({
      kind: 'quiet',
      why: 'acknowledged by alice',
    });
  });

  it('measures the SLA from the raise too', () => {
    const options = { escalationMatrix: matrix, isDestructive: () => false };
    const ackedInTime = trail([...RAISED, [DAY + 40, 'ack', { by: 'alice' }]]);
    const within = storeMetrics([{ incident: incident('critical'), entries: ackedInTime }], options);
    expect(within.breaches).toEqual([]);
    // Unacknowledged: pending, late from the raise plus critical's 50 minutes, not from the first ingest.
    const pending = storeMetrics(
      [{ incident: incident('critical'), entries: trail([...RAISED, [DAY + 60, 'note', {}]]) }],
      options,
    );
    expect(pending.breaches.map((b) => [b.deadline, b.late_ms, b.pending])).toEqual([
      [at(DAY + 50), 10 * MINUTE, true],
    ]);
  });
});
