// Anchored audit heads against the loopback Slack and GitHub, through the real clients, in a fork of the
// template with a bare origin. A Falco alert goes through the pipeline live: queue-for-review opens its
// ticket and its thread in #ir-queue. Its head is anchored in both, once; then the history is rewritten
// on origin, as whoever can force-push could, and the anchors read back say which head is missing.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorAfterOperations, anchorIncidents } from '../../src/cli/anchor-command.js';
import { ackFromComment } from '../../src/cli/escalate-command.js';
import { openStore } from '../../src/cli/store-context.js';
import { createClients } from '../../src/connectors/clients.js';
import { anchorLine, parseAnchorLine, verifyAnchors } from '../../src/forensics/anchors.js';
import { normalizeWithEvidence } from '../../src/ingest/normalize.js';
import { runPipeline } from '../../src/pipeline.js';
import { resolveIncident } from '../../src/plan/resolve.js';
import { type Sims, startSims } from '../../src/sim/world.js';
import { Git } from '../../src/store/git.js';
import { auditFile } from '../../src/store/layout.js';
import { parseAuditEntries } from '../../src/store/record.js';
import { FIXTURES_DIR, REPO_ROOT } from '../helpers/corpus.js';
import { git, scratchDir, scratchRemote } from '../helpers/git.js';

const REPOSITORY = 'example-org/security-incidents';
const CHANNEL = 'ir-queue';
const TEMPLATE = ['incident-response-config.yaml', 'playbooks', 'assets', 'intel'];
const SLOW = 60_000;
const HASH = 'a'.repeat(64);
const COMMIT = 'b'.repeat(40);

const open: Sims[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sims) => sims.close()));
});

interface World {
  readonly repo: string;
  readonly origin: string;
  readonly sims: Sims;
  readonly id: string;
  /** The template's commit, before any incident. */
  readonly template: string;
}

/** A fork with a Falco shell alert recorded live: its ticket, and its thread in #ir-queue. */
async function world(): Promise<World> {
  const sims = await startSims({
    account: '123456789012',
    region: 'eu-west-1',
    channels: [CHANNEL],
    repository: REPOSITORY,
  });
  open.push(sims);
  const { origin, clone } = scratchRemote();
  const repo = clone();
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(repo, path), { recursive: true });
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '-m', 'start from the irac template');
  git(repo, 'push', '--quiet', 'origin', 'main');
  const template = git(repo, 'rev-parse', 'HEAD');
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
    now: () => new Date(),
  });
  expect(outcome?.playbook).toBe('queue-for-review');
  return { repo, origin, sims, id: outcome?.incident ?? '', template };
}

const clientsOf = (w: World) => createClients(w.sims.connectors);
const anchor = async (w: World) => anchorIncidents(await openStore({ repo: w.repo }), [w.id], clientsOf(w));
/** Where the fork's playbooks post, as far as this world has it: the review channel, and the tickets. */
const SOURCES = { channels: [`#${CHANNEL}`], github: true };
const check = (w: World, repo = w.repo, clients = clientsOf(w)) =>
  verifyAnchors(new Git(repo), git(repo, 'rev-parse', 'HEAD'), clients, SOURCES);

/** The incident's head as the branch holds it: last entry, and the commit that appended it. */
function headAt(repo: string, id: string) {
  const entries = parseAuditEntries(`${git(repo, 'show', `HEAD:${auditFile(id)}`)}\n`);
  const last = entries.at(-1);
  const commit = git(repo, 'log', '-1', '--format=%H', 'HEAD', '--', auditFile(id));
  return { incident: id, seq: last?.seq ?? 0, entry: last?.hash ?? '', commit };
}

const threadOf = (w: World) => {
  const root = w.sims.slack.messages(CHANNEL).find((message) => message.threadTs === null);
  return root?.ts ?? '';
};
const replies = (w: World) =>
  w.sims.slack
    .messages(CHANNEL)
    .filter((message) => message.threadTs !== null && message.threadTs === threadOf(w));
const ticket = (w: World) => w.sims.github.issues(REPOSITORY).find((issue) => issue.labels.includes(w.id));
const ticketComments = (w: World) => w.sims.github.comments(REPOSITORY, ticket(w)?.number ?? 0);

/** Resolves the incident: one more operation, one more audit entry. */
async function resolve(w: World) {
  const store = await openStore({ repo: w.repo });
  await store.repository.apply(
    (tx) =>
      resolveIncident(tx, w.id, {
        actor: 'alice',
        note: 'benign: a debugging session',
        now: () => new Date(),
      }),
    store.publish,
  );
}

/** What a force-push could do: the branch reset to `to`, something else committed in its place, pushed. */
function rewriteTo(repo: string, to: string) {
  git(repo, 'reset', '--quiet', '--hard', to);
  writeFileSync(join(repo, 'NOTES.md'), 'nothing happened here\n');
  git(repo, 'add', 'NOTES.md');
  git(repo, 'commit', '--quiet', '-m', 'notes');
  git(repo, 'push', '--quiet', '--force', 'origin', 'HEAD:main');
}

describe('anchor lines', () => {
  it('reads back only a message or comment that is exactly an anchor line', () => {
    const head = { incident: 'IR-20260314-abcdefgh', seq: 12, entry: HASH, commit: COMMIT };
    const line = anchorLine(head);
    expect(line).toBe(`irac anchor IR-20260314-abcdefgh seq 12 entry ${HASH} commit ${COMMIT}`);
    expect(parseAnchorLine(line)).toEqual(head);
    expect(parseAnchorLine(`${line}\n`)).toEqual(head);
    expect(parseAnchorLine(anchorLine({ ...head, commit: 'c'.repeat(64) }))?.commit).toBe('c'.repeat(64));
    for (const other of [
      `> ${line}`,
      `${line} — please check`,
      `see:\n${line}`,
      line.replace('seq 12', 'seq 0'),
      line.replace('seq 12', 'seq -1'),
      line.replace(HASH, HASH.toUpperCase()),
      line.replace(HASH, HASH.slice(1)),
      line.replace(COMMIT, COMMIT.slice(1)),
      line.replace('IR-20260314-abcdefgh', 'IR-20260314-ABCDEFGH'),
      line.replace('irac anchor', 'irac  anchor'),
      '',
      undefined,
    ]) {
      expect(parseAnchorLine(other), String(other)).toBeUndefined();
    }
  });
});

describe('anchored audit heads', () => {
  it(
    'posts the head once in the thread and once on the ticket, ignoring whatever else is said there',
    async () => {
      const w = await world();
      const thread = threadOf(w);
      expect(thread).not.toBe('');
      expect(ticket(w)).toBeDefined();
      // People talk in the thread, quote anchors, and type things that look like one: none of it counts.
      const fake = `irac anchor ${w.id} seq 1 entry ${HASH} commit ${COMMIT}`;
      w.sims.slack.addMessage(CHANNEL, { user: 'U0ALICE', text: `> ${fake}`, threadTs: thread });
      w.sims.slack.addMessage(CHANNEL, {
        user: 'U0ALICE',
        text: `${fake} (is this right?)`,
        threadTs: thread,
      });

      const first = await anchor(w);
      const head = headAt(w.repo, w.id);
      expect(first.anchored).toMatchObject([{ incident: w.id, head, current: [] }]);
      expect(first.anchored[0]?.posted.map((posted) => posted.where)).toEqual([
        expect.stringMatching(new RegExp(`^#?${CHANNEL} thread ${thread.replace('.', '\\.')}$`)),
        `${REPOSITORY}#${ticket(w)?.number}`,
      ]);
      expect(first.warnings).toEqual([]);
      const line = anchorLine(head);
      expect(replies(w).filter((reply) => reply.text === line)).toHaveLength(1);
      expect(ticketComments(w).filter((comment) => comment.body === line)).toHaveLength(1);

      // Nothing changed: nothing new is posted anywhere, `irac anchor` of every incident included.
      const mutations = w.sims.mutations();
      const second = await anchorIncidents(await openStore({ repo: w.repo }), undefined, clientsOf(w));
      expect(second.anchored.map((incident) => [incident.posted, incident.current.length])).toEqual([
        [[], 2],
      ]);
      expect(w.sims.mutations()).toEqual(mutations);

      const verified = await check(w);
      expect(verified.problems).toEqual([]);
      expect(verified.incidents).toMatchObject([{ incident: w.id, checked: 2 }]);
    },
    SLOW,
  );

  it(
    'finds anchors past the first page of a long thread and of a long ticket',
    async () => {
      const w = await world();
      const thread = threadOf(w);
      for (let i = 0; i < 210; i++) {
        w.sims.slack.addMessage(CHANNEL, { user: 'U0ALICE', text: `looking at it (${i})`, threadTs: thread });
      }
      await anchor(w);
      const octokit = await clientsOf(w).github();
      const [owner = '', repo = ''] = REPOSITORY.split('/');
      for (let i = 0; i < 105; i++) {
        await octokit.issues.createComment({
          owner,
          repo,
          issue_number: ticket(w)?.number ?? 0,
          body: `still looking (${i})`,
        });
      }
      w.sims.slack.addMessage(CHANNEL, { user: 'U0ALICE', text: 'and more', threadTs: thread });
      const mutations = w.sims.mutations().slack + w.sims.mutations().github;
      const again = await anchor(w);
      expect(again.anchored[0]?.posted).toEqual([]);
      expect(w.sims.mutations().slack + w.sims.mutations().github).toBe(mutations);
      const verified = await check(w);
      expect([verified.problems, verified.incidents[0]?.checked]).toEqual([[], 2]);
    },
    SLOW,
  );

  it(
    'says which anchored head is missing once the history is rewritten after anchoring',
    async () => {
      const w = await world();
      await anchor(w);
      const before = git(w.repo, 'rev-parse', 'HEAD');
      await resolve(w);
      const resolved = headAt(w.repo, w.id);
      const now = await anchor(w);
      expect(now.anchored[0]?.posted).toHaveLength(2);
      expect((await check(w)).problems).toEqual([]);

      // Someone with push rights drops the resolution and puts something else in its place.
      rewriteTo(w.repo, before);
      const verified = await check(w);
      expect(verified.problems).toHaveLength(2);
      const [slack, github] = [...verified.problems].sort((a, b) =>
        a.includes(REPOSITORY) === b.includes(REPOSITORY) ? 0 : a.includes(REPOSITORY) ? 1 : -1,
      );
      for (const problem of [slack, github]) {
        expect(problem).toContain(`${auditFile(w.id)}: ${w.id}'s head anchored in `);
        expect(problem).toContain(`seq ${resolved.seq} entry ${resolved.entry}`);
        expect(problem).toContain(`the chain at HEAD has no entry ${resolved.seq}`);
        expect(problem).toContain(`commit ${resolved.commit} is not an ancestor of HEAD`);
      }
      expect(slack).toContain(`${CHANNEL} thread ${threadOf(w)}`);
      expect(github).toContain(`${REPOSITORY}#${ticket(w)?.number}`);
      // The heads anchored before the rewrite still check out: two anchors each place, two problems.
      expect(verified.incidents).toMatchObject([{ incident: w.id, checked: 4 }]);
    },
    SLOW,
  );

  it(
    'catches an anchored commit that is gone although its entry survives',
    async () => {
      const w = await world();
      await anchor(w);
      const head = headAt(w.repo, w.id);
      expect(head.commit).toBe(git(w.repo, 'rev-parse', 'HEAD'));
      // The same tree and message, made again: every audit entry is byte for byte what it was.
      git(
        w.repo,
        '-c',
        'core.hooksPath=/dev/null',
        'commit',
        '--quiet',
        '--amend',
        '--no-edit',
        '--date=2001-01-01T00:00:00Z',
      );
      git(w.repo, 'push', '--quiet', '--force', 'origin', 'HEAD:main');
      expect(headAt(w.repo, w.id).entry).toBe(head.entry);

      const local = await check(w);
      expect(local.problems).toHaveLength(2);
      for (const problem of local.problems) {
        expect(problem).toContain(`seq ${head.seq} entry ${head.entry}`);
        expect(problem).toMatch(new RegExp(`: commit ${head.commit} is not an ancestor of HEAD — `));
      }
      // A fresh clone of origin never saw the old commit at all.
      const fresh = `${scratchDir('irac-fresh-')}/work`;
      // --no-local: only what origin's refs reach, as a clone over the network gets.
      git(w.origin, 'clone', '--quiet', '--no-local', w.origin, fresh);
      const cloned = await check(w, fresh);
      expect(cloned.problems).toHaveLength(2);
      for (const problem of cloned.problems) {
        expect(problem).toMatch(new RegExp(`: commit ${head.commit} is not in this repository — `));
      }
    },
    SLOW,
  );

  it(
    'finds the anchors of an incident the rewrite removed, its ticket unlabelled, in the channel and the comments',
    async () => {
      const w = await world();
      await anchor(w);
      const head = headAt(w.repo, w.id);
      rewriteTo(w.repo, w.template);
      // Anyone with triage access can take the label off: the ticket is no longer the incident's by label.
      const octokit = await clientsOf(w).github();
      const [owner = '', repo = ''] = REPOSITORY.split('/');
      const number = ticket(w)?.number ?? 0;
      await octokit.issues.update({ owner, repo, issue_number: number, labels: [] });
      expect(w.sims.github.issue(REPOSITORY, number)?.labels).toEqual([]);

      const verified = await check(w);
      const removed = (where: string) =>
        expect.stringMatching(
          new RegExp(
            `^incidents/\\d{4}/\\d{2}/${w.id}: ${w.id}'s head anchored in ${where} .*seq ${head.seq} entry ${head.entry}.*: the incident is not in the store at HEAD; commit ${head.commit} is not an ancestor of HEAD`,
          ),
        );
      expect(verified.problems).toEqual([
        removed(`#${CHANNEL} thread ${threadOf(w).replace('.', '\\.')}`),
        removed(`${REPOSITORY}#${number}`),
      ]);
      expect(verified.unanchored).toEqual([]);
    },
    SLOW,
  );

  it(
    'trusts only its own anchor lines: one typed by someone else is a warning, never an anchor',
    async () => {
      const w = await world();
      await anchor(w);
      const head = headAt(w.repo, w.id);
      // A line that would be a problem if it were believed, posted as a person in the thread and on the ticket.
      const forged = anchorLine({ ...head, seq: head.seq + 5 });
      w.sims.slack.addMessage(CHANNEL, { user: 'U0MALLORY', text: forged, threadTs: threadOf(w) });
      w.sims.github.addComment(REPOSITORY, ticket(w)?.number ?? 0, { author: 'mallory', body: forged });

      const verified = await check(w);
      expect(verified.problems).toEqual([]);
      expect(verified.incidents).toMatchObject([{ incident: w.id, checked: 2 }]);
      expect(verified.warnings).toEqual([
        expect.stringMatching(
          new RegExp(
            `^#${CHANNEL} thread \\S+ \\(\\S+\\): an anchor line for ${w.id} posted by user U0MALLORY, not by irac: not an anchor$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^${REPOSITORY}#\\d+ \\(\\S+\\): an anchor line for ${w.id} posted by mallory, not by irac: not an anchor$`,
          ),
        ),
      ]);

      // Nor does someone else's line for the head as it is stop irac from anchoring it itself.
      await resolve(w);
      const resolved = headAt(w.repo, w.id);
      w.sims.slack.addMessage(CHANNEL, {
        user: 'U0MALLORY',
        text: anchorLine(resolved),
        threadTs: threadOf(w),
      });
      w.sims.github.addComment(REPOSITORY, ticket(w)?.number ?? 0, {
        author: 'mallory',
        body: anchorLine(resolved),
      });
      const again = await anchor(w);
      expect(again.anchored[0]?.posted.map((posted) => posted.via)).toEqual(['slack', 'github']);
    },
    SLOW,
  );

  it(
    'reports an anchor edited after it was posted as a problem, in Slack and on GitHub',
    async () => {
      const w = await world();
      await anchor(w);
      const head = headAt(w.repo, w.id);
      const line = anchorLine(head);
      const slack = await clientsOf(w).slack();
      const reply = replies(w).find((message) => message.text === line);
      const channel = w.sims.slack.channel(CHANNEL)?.id ?? '';
      // The same words, edited: what the line said before the edit is not known any more.
      await slack.chat.update({ channel, ts: reply?.ts ?? '', text: line });
      const octokit = await clientsOf(w).github();
      const [owner = '', repo = ''] = REPOSITORY.split('/');
      const comment = ticketComments(w).find((candidate) => candidate.body === line);
      await octokit.issues.updateComment({ owner, repo, comment_id: comment?.id ?? 0, body: line });

      const verified = await check(w);
      expect(verified.problems).toHaveLength(2);
      for (const problem of verified.problems) {
        expect(problem).toMatch(
          new RegExp(
            `^${auditFile(w.id)}: ${w.id}'s head anchored in .*seq ${head.seq} entry ${head.entry}, was edited after it was posted`,
          ),
        );
      }
    },
    SLOW,
  );

  it(
    'makes a service it cannot read a problem, not a warning, when checking',
    async () => {
      const w = await world();
      await anchor(w);
      const { slack } = w.sims.connectors;
      const slackOnly = await check(w, w.repo, createClients({ ...(slack ? { slack } : {}) }));
      expect(slackOnly.problems).toEqual([
        'GitHub: anchors cannot be read: GitHub is not configured: set GITHUB_TOKEN',
      ]);
      expect(slackOnly.incidents).toMatchObject([{ incident: w.id, checked: 1 }]);
      // A refusal is a problem too: the anchors there are unknown.
      w.sims.slack.failNext('conversations.history', 'missing_scope');
      const refused = await check(w);
      expect(refused.problems).toEqual([`Slack #${CHANNEL}: anchors cannot be read: missing_scope`]);
    },
    SLOW,
  );

  it(
    'anchors the head an acknowledgement from a /ack comment recorded',
    async () => {
      const w = await world();
      // The fork lets a team acknowledge from GitHub.
      const config = join(w.repo, 'incident-response-config.yaml');
      const text = readFileSync(config, 'utf8');
      writeFileSync(config, text.replace('  # ack_team: ', '  ack_team: '));
      git(w.repo, 'commit', '--quiet', '-am', 'acknowledgements from the responders');
      git(w.repo, 'push', '--quiet', 'origin', 'main');
      w.sims.github.addTeamMember('example-org', 'security-responders', 'carol');
      const event = join(scratchDir('irac-event-'), 'event.json');
      const issue = ticket(w);
      writeFileSync(
        event,
        JSON.stringify({
          action: 'created',
          issue: { number: issue?.number, labels: (issue?.labels ?? []).map((name) => ({ name })) },
          comment: {
            body: '/ack',
            user: { login: 'carol' },
            html_url: `https://github.com/${REPOSITORY}/issues/1`,
          },
        }),
      );
      const result = await ackFromComment({
        repo: w.repo,
        env: { GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: event },
        clients: clientsOf(w),
      });
      expect(result).toMatchObject({ incident: w.id, outcome: 'acknowledged', warnings: [] });
      const line = anchorLine(headAt(w.repo, w.id));
      expect(replies(w).filter((reply) => reply.text === line)).toHaveLength(1);
      expect(ticketComments(w).filter((comment) => comment.body === line)).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'after an operation, skips a service it cannot reach and turns a refusal into a warning',
    async () => {
      const w = await world();
      const store = await openStore({ repo: w.repo });
      const { slack } = w.sims.connectors;
      // No GitHub token: the thread is anchored, the ticket skipped with a warning.
      const slackOnly = await anchorAfterOperations(
        store,
        [w.id],
        createClients({ ...(slack ? { slack } : {}) }),
      );
      expect(slackOnly.anchored[0]?.posted.map((posted) => posted.via)).toEqual(['slack']);
      expect(slackOnly.warnings).toEqual([
        'anchoring: GitHub skipped: GitHub is not configured: set GITHUB_TOKEN',
      ]);
      // Neither: nothing to say (a local run without tokens).
      expect(await anchorAfterOperations(store, [w.id], createClients({}))).toEqual({
        anchored: [],
        warnings: [],
      });
      // Slack refuses: a warning, never a failure of the operation.
      await resolve(w);
      w.sims.slack.failNext('chat.postMessage', 'not_in_channel');
      const refused = await anchorAfterOperations(await openStore({ repo: w.repo }), [w.id], clientsOf(w));
      expect(refused.anchored).toEqual([]);
      expect(refused.warnings).toEqual([
        expect.stringMatching(/^the audit heads were not anchored: .*not_in_channel/),
      ]);
    },
    SLOW,
  );
});
