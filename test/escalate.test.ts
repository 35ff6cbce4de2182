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
import { verifyStore } from '../src/forensics/verify.js';
import { normalizeWithEvidence } from '../src/ingest/normalize.js';
import { runPipeline } from '../src/pipeline.js';
import { resolveIncident } from '../src/plan/resolve.js';
import { type Sims, startSims } from '../src/sim/world.js';
import { parseIncident } from '../src/store/incident.js';
import { auditFile, incidentFile } from '../src/store/layout.js';
import { parseAuditEntries } from '../src/store/record.js';
import type { Transaction } from '../src/store/transaction.js';
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

/** A Falco shell alert through the pipeline, live, at `at`: its incident, ticket and thread. */
async function incidentAt(repo: string, sims: Sims, at: Date): Promise<string> {
  const store = await openStore({ repo });
  const bytes = readFileSync(join(FIXTURES_DIR, 'falco/k8s-audit-exec.json'));
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

/** The bot's replies in the incident's thread (the queue's own message is the thread's first). */
function threadReplies(sims: Sims) {
  return sims.slack.messages(CHANNEL).filter((message) => message.threadTs !== null);
}

function ticketComments(sims: Sims) {
  const [issue] = sims.github.issues(REPOSITORY);
  return issue ? sims.github.comments(REPOSITORY, issue.number) : [];
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
        body: `paged earlier\n\n${levelMarker(id, 1)}`,
      });
      const report = await escalateAt(repo, sims, t0 + MINUTE);
      expect(report.escalations[0]?.delivered.find((d) => d.via === 'github')?.ref).toMatch(/#issuecomment-/);
      expect(ticketComments(sims).map((c) => c.body.split('\n')[0])).toEqual(['paged earlier']);
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
