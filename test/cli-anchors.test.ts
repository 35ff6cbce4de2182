// Anchored audit heads as the workflows make them: `irac run --live` and `irac execute --live` (the compiled
// bin, in a fork of the template with a bare origin, reaching the loopback AWS, Slack and GitHub through
// the standard variables) post each touched incident's head in its Slack thread and on its ticket; `irac
// anchor` and `irac verify --anchors` (in process, with real clients on the same sims) read them back.
// Then the branch is rewritten on origin, and verify says which anchored head is missing.

import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anchorCommand } from '../src/cli/anchor-command.js';
import { verifyCommand } from '../src/cli/verify-command.js';
import { createClients } from '../src/connectors/clients.js';
import { anchorLine, parseAnchorLine } from '../src/forensics/anchors.js';
import { auditFile } from '../src/store/layout.js';
import { parseAuditEntries } from '../src/store/record.js';
import { runBin } from './helpers/bin.js';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/corpus.js';
import { git, scratchRemote } from './helpers/git.js';
import { CHANNEL, REPOSITORY, type ResponseWorld, startResponseWorld } from './support/response-world.js';

const TEMPLATE = ['incident-response-config.yaml', 'playbooks', 'assets', 'intel'];
const FINDINGS = join(FIXTURES_DIR, 'guardduty/get-findings.json');
const SLOW = 120_000;
// The project's own Node (24), as the workflow runs it: the AWS SDK warns on stderr under older ones.
const NODE = existsSync(join(REPO_ROOT, 'node_modules/node/bin/node'))
  ? join(REPO_ROOT, 'node_modules/node/bin/node')
  : process.execPath;

let world: ResponseWorld;
beforeEach(async () => {
  world = await startResponseWorld();
  // Every channel the template's playbooks post to: verify --anchors reads each of them.
  for (const channel of ['ir-critical', 'ir-high', 'ir-queue']) world.slack.addChannel(channel);
});
afterEach(async () => {
  await world.close();
});

function checkout(): string {
  const { clone } = scratchRemote();
  const dir = clone();
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  git(dir, 'add', '--', ...TEMPLATE);
  git(dir, 'commit', '--quiet', '-m', 'start from the irac template');
  git(dir, 'push', '--quiet', 'origin', 'HEAD');
  return dir;
}

async function irac(args: string[], cwd: string) {
  const env = { ...world.env, IRAC_ACTOR: 'ingest-workflow', PATH: process.env.PATH };
  const run = await runBin(args, cwd, env, NODE);
  expect([run.code, run.stderr], args.join(' ')).toEqual([0, '']);
  return run;
}

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: (text: string) => {
      out.stdout += text;
    },
    stderr: (text: string) => {
      out.stderr += text;
    },
    readStdin: async () => undefined,
  };
  return { out, io };
}

function headAt(repo: string, id: string) {
  const entries = parseAuditEntries(`${git(repo, 'show', `HEAD:${auditFile(id)}`)}\n`);
  const last = entries.at(-1);
  const commit = git(repo, 'log', '-1', '--format=%H', 'HEAD', '--', auditFile(id));
  return { incident: id, seq: last?.seq ?? 0, entry: last?.hash ?? '', commit };
}

/** The anchors of `id` in the channel's threads, and on its ticket, as the services hold them. */
function anchorsOf(id: string) {
  const ofIncident = (text: string | undefined) => parseAnchorLine(text)?.incident === id;
  const thread = world.slack.messages(CHANNEL).filter((m) => m.threadTs !== null && ofIncident(m.text));
  const ticket = world.github.issues(REPOSITORY).find((issue) => issue.labels.includes(id));
  const comments = ticket ? world.github.comments(REPOSITORY, ticket.number) : [];
  return {
    thread: thread.map((m) => m.text),
    ticket: comments.filter((c) => ofIncident(c.body)).map((c) => c.body),
    number: ticket?.number,
  };
}

const verify = async (repo: string, connectors = world.connectors) => {
  const { out, io } = capture();
  const run = verifyCommand({ repo, anchors: true }, io, false, createClients(connectors));
  const error = await run.then(
    () => undefined,
    (failure: Error) => failure,
  );
  return { ...out, error };
};

describe('anchored audit heads', () => {
  it(
    'are posted by live runs once per thread and ticket, checked by verify --anchors, and a rewrite is caught',
    async () => {
      const repo = checkout();
      const run = await irac(['run', FINDINGS, '--live', '--json'], repo);
      const ec2 = run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { incident: string; playbook: string | null; plan_sha256: string })
        .find((outcome) => outcome.playbook === 'aws-compromised-ec2-instance');
      const id = ec2?.incident ?? '';
      const afterRun = headAt(repo, id);
      // The thread the notify step opened has the head; there is no ticket before the reviewed steps.
      expect(anchorsOf(id)).toEqual({ thread: [anchorLine(afterRun)], ticket: [], number: undefined });
      const runCommit = git(repo, 'rev-parse', 'HEAD');

      await irac(
        ['execute', id, '--live', '--approved-by', 'alice', '--plan-hash', ec2?.plan_sha256 ?? ''],
        repo,
      );
      const contained = headAt(repo, id);
      const { number } = anchorsOf(id);
      expect(anchorsOf(id)).toEqual({
        thread: [anchorLine(afterRun), anchorLine(contained)],
        ticket: [anchorLine(contained)],
        number: expect.any(Number),
      });

      // The same again: nothing left to do, nothing posted.
      const mutations = world.mutations();
      await irac(
        ['execute', id, '--live', '--approved-by', 'alice', '--plan-hash', ec2?.plan_sha256 ?? ''],
        repo,
      );
      expect(world.mutations()).toEqual(mutations);
      const anchored = capture();
      await anchorCommand([id], { repo }, anchored.io, createClients(world.connectors));
      expect(anchored.out.stdout).toMatch(
        /^IR-\S+ seq \d+ already anchored in #ir-aws thread \S+, \S+#\d+\n0 anchors posted for 1 incident\n$/,
      );
      expect(world.mutations()).toEqual(mutations);

      const passed = await verify(repo);
      expect([passed.error, passed.stderr]).toEqual([undefined, '']);
      expect(passed.stdout).toMatch(
        new RegExp(`anchors: ${id} 3 checked \\(#${CHANNEL} thread \\S+: 2, ${REPOSITORY}#${number}: 1\\)\n`),
      );
      expect(passed.stdout).toMatch(/^verify: ok — .*, \d+ anchors\n/m);

      // Whoever can force-push drops the containment and puts something else in its place.
      git(repo, 'reset', '--quiet', '--hard', runCommit);
      writeFileSync(join(repo, 'NOTES.md'), 'nothing happened here\n');
      git(repo, 'add', 'NOTES.md');
      git(repo, 'commit', '--quiet', '-m', 'notes');
      git(repo, 'push', '--quiet', '--force', 'origin', 'HEAD:main');
      // The rewritten history is consistent in itself: plain verify has nothing to say.
      const plain = await runBin(['verify'], repo, { ...world.env, PATH: process.env.PATH }, NODE);
      expect(plain.code, plain.stdout).toBe(0);

      const failed = await verify(repo);
      expect(failed.error?.message).toMatch(/^verify: 2 problems in .*, \d+ anchors$/);
      const problems = failed.stdout.split('\n').filter((line) => line.startsWith('incidents/'));
      expect(problems).toHaveLength(2);
      for (const problem of problems) {
        expect(problem).toContain(`${auditFile(id)}: ${id}'s head anchored in `);
        expect(problem).toContain(`seq ${contained.seq} entry ${contained.entry}`);
        expect(problem).toContain(`the chain at HEAD has no entry ${contained.seq}`);
      }
      expect(problems.some((problem) => problem.includes(`#${CHANNEL} thread `))).toBe(true);
      expect(problems.some((problem) => problem.includes(`${REPOSITORY}#${number} `))).toBe(true);
      expect(readFileSync(join(repo, 'NOTES.md'), 'utf8')).toBe('nothing happened here\n');
    },
    SLOW,
  );

  it(
    'fails verify --anchors when a service the playbooks post to has no token',
    async () => {
      const repo = checkout();
      await irac(['run', FINDINGS, '--live', '--json'], repo);
      const { slack } = world.connectors;
      const failed = await verify(repo, { ...(slack ? { slack } : {}) });
      expect(failed.error?.message).toMatch(/^verify: 1 problem in .*, \d+ anchors?$/);
      expect(failed.stdout).toContain(
        'GitHub: anchors cannot be read: GitHub is not configured: set GITHUB_TOKEN\n',
      );
      expect(failed.stderr).toBe('');
    },
    SLOW,
  );
});
