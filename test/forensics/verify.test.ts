// `irac verify` against tampering: each case changes a repository the way an attacker (or a careless
// hand) would, and verify must name what changed and where.

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type VerifyOptions, verifyStore } from '../../src/forensics/verify.js';
import { normalizeWithEvidence } from '../../src/ingest/normalize.js';
import { entryHash } from '../../src/store/audit.js';
import { Git } from '../../src/store/git.js';
import { eventIndexFile, incidentDir } from '../../src/store/layout.js';
import { recordEvents } from '../../src/store/record.js';
import { IncidentRepository, type PublishSettings } from '../../src/store/repository.js';
import { git, scratchDir, scratchRepo } from '../helpers/git.js';

const OPTIONS: VerifyOptions = { allowedSignersPath: '.github/allowed_signers', requireSigned: false };

function payload(id: string, resource = 'okta:user/jdoe'): Buffer {
  return Buffer.from(
    `${JSON.stringify({ id, timestamp: '2026-03-01T09:58:12Z', severity: 'high', kind: 'okta.impossible_travel', title: `Travel ${id}`, resource, actor: 'jdoe' })}\n`,
  );
}

async function ingest(dir: string, bytes: Buffer, settings?: Partial<PublishSettings>) {
  const repository = await IncidentRepository.open(dir);
  const items = [...normalizeWithEvidence(bytes, { source: 'generic', name: 'test' })];
  return repository.apply(
    (tx) =>
      recordEvents(tx, items, {
        actor: 'analyst@example.com',
        correlationWindowMs: 3_600_000,
        now: () => new Date(),
      }),
    { pushAttempts: 3, backoffBaseMs: 5, backoffMaxMs: 10, ...settings },
  );
}

/** A store with two incidents: one holding two events, one holding one. */
async function store() {
  const dir = scratchRepo();
  const first = await ingest(dir, Buffer.concat([payload('a'), payload('b')]));
  const second = await ingest(dir, payload('c', 'okta:user/other'));
  const id = first.result[0]?.incident ?? '';
  const eventId = first.result[0]?.event.id ?? '';
  return { dir, id, other: second.result[0]?.incident ?? '', eventId, base: incidentDir(id) };
}

async function problems(dir: string, options = OPTIONS): Promise<readonly string[]> {
  return (await verifyStore(new Git(dir), options)).problems;
}

/** Changes a file and folds the change into the last commit, keeping irac's message and trailers. */
function amend(dir: string, path: string, change: (text: string) => string) {
  const file = join(dir, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  git(dir, 'commit', '--quiet', '--amend', '--no-edit', '--all');
}

function handCommit(dir: string, message = 'fix') {
  git(dir, 'add', '--all', 'incidents');
  git(dir, 'commit', '--quiet', '-m', message);
}

const flipByte = (text: string, at = 40) =>
  text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1);

describe('irac verify on an untouched store', () => {
  it('finds nothing wrong and counts what it checked', async () => {
    const { dir } = await store();
    const report = await verifyStore(new Git(dir), OPTIONS);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ incidents: 2, events: 3, commits: 3, signed: 0 });
  });

  it('refuses a shallow clone, whose history cannot vouch for anything', async () => {
    const { dir } = await store();
    const shallow = `${scratchDir()}/shallow`;
    git(dir, 'clone', '--quiet', '--depth', '1', `file://${dir}`, shallow);
    await expect(verifyStore(new Git(shallow), OPTIONS)).rejects.toThrow(
      /is a shallow clone: verify needs the whole history/,
    );
  });

  it('is fine with an empty repository and with one that has no incidents', async () => {
    const empty = scratchDir();
    git(empty, 'init', '--quiet');
    expect(await problems(empty)).toEqual([]);
    expect(await problems(scratchRepo())).toEqual([]);
  });
});

describe('irac verify detects tampering', () => {
  it('a single changed byte of raw evidence, even folded into irac’s own commit', async () => {
    const { dir, base, eventId } = await store();
    amend(dir, `${base}/events/${eventId}.raw.json`, (t) => flipByte(t, 10));
    expect(await problems(dir)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${base}/events/${eventId}.raw.json: sha256 [0-9a-f]{64} is not the [0-9a-f]{64} recorded at ${base}/audit.jsonl:1 \\(altered\\)$`,
        ),
      ),
    );
  });

  it('a changed normalized event', async () => {
    const { dir, base, eventId } = await store();
    amend(dir, `${base}/events/${eventId}.json`, (t) => t.replace('"high"', '"low"'));
    expect(await problems(dir)).toContainEqual(
      expect.stringMatching(new RegExp(`^${base}/events/${eventId}.json: sha256 .* \\(altered\\)$`)),
    );
  });

  it('a single changed byte in the audit trail', async () => {
    const { dir, base } = await store();
    amend(dir, `${base}/audit.jsonl`, (t) => t.replace('analyst@example.com', 'analyst@example.con'));
    expect(await problems(dir)).toContainEqual(
      `${base}/audit.jsonl:1: hash does not match the entry (altered)`,
    );
  });

  it('a deleted audit line', async () => {
    const { dir, base } = await store();
    amend(dir, `${base}/audit.jsonl`, (t) => t.split('\n').slice(1).join('\n'));
    const found = await problems(dir);
    expect(found).toContainEqual(`${base}/audit.jsonl:1: seq 2, expected 1`);
    expect(found).toContainEqual(
      expect.stringMatching(/: missing \(recorded at|not recorded in|which is not in its chain/),
    );
  });

  it('reordered audit lines', async () => {
    const { dir, base } = await store();
    amend(dir, `${base}/audit.jsonl`, (t) => {
      const [one = '', two = ''] = t.split('\n');
      return `${two}\n${one}\n`;
    });
    const found = await problems(dir);
    expect(found).toContainEqual(`${base}/audit.jsonl:1: seq 2, expected 1`);
    expect(found).toContainEqual(`${base}/audit.jsonl:2: prev does not name the entry before it`);
  });

  it('an audit entry appended with a correctly recomputed hash, but no commit of its own', async () => {
    const { dir, base, id } = await store();
    amend(dir, `${base}/audit.jsonl`, (t) => {
      const last = JSON.parse(t.trim().split('\n').at(-1) ?? '{}');
      const body = {
        seq: last.seq + 1,
        at: last.at,
        actor: 'mallory',
        action: 'resolve',
        incident: id,
        data: {},
        prev: last.hash,
      };
      return `${t}${JSON.stringify({ ...body, hash: entryHash(body) })}\n`;
    });
    expect(await problems(dir)).toContainEqual(
      `${base}/audit.jsonl:3: entry has no commit naming it (written outside irac, or its commit was rewritten)`,
    );
  });

  it('a hand-edited incident.yaml', async () => {
    const { dir, base } = await store();
    amend(dir, `${base}/incident.yaml`, (t) => t.replace('status: open', 'status: resolved'));
    expect(await problems(dir)).toContainEqual(
      `${base}/incident.yaml: not the version recorded at ${base}/audit.jsonl:2 (edited outside irac)`,
    );
  });

  it('a hand-edited README', async () => {
    const { dir, base } = await store();
    amend(dir, `${base}/README.md`, (t) => `${t}\n[click me](https://evil.example)\n`);
    expect(await problems(dir)).toContainEqual(
      `${base}/README.md: not what irac renders from incident.yaml and audit.jsonl (edited outside irac)`,
    );
  });

  it('a commit that changes incidents/ without irac’s trailers', async () => {
    const { dir, base } = await store();
    writeFileSync(join(dir, base, 'notes.md'), 'who did this\n');
    handCommit(dir);
    const head = git(dir, 'rev-parse', 'HEAD');
    const found = await problems(dir);
    expect(found).toContainEqual(
      `${base}/notes.md: not part of the incident store's layout (irac never writes it)`,
    );
    expect(found).toContainEqual(
      expect.stringMatching(new RegExp(`^commit ${head}: changes ${base}/notes.md without irac's trailers`)),
    );
  });

  it('a rewritten commit message (the actor changed)', async () => {
    const { dir, other } = await store();
    const message = git(dir, 'log', '-1', '--format=%B').replace(
      'Irac-Actor: analyst@example.com',
      'Irac-Actor: someone-else',
    );
    git(dir, 'commit', '--quiet', '--amend', '-m', message);
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(await problems(dir)).toContainEqual(
      `commit ${head}: trailers (ingest by someone-else, seq 1) disagree with ${incidentDir(other)}/audit.jsonl:1 (ingest by analyst@example.com, seq 1)`,
    );
  });

  it('an earlier commit rewritten in history (evidence swapped, later commits replayed on top)', async () => {
    const { dir, base, eventId } = await store();
    // Rewrite the first irac commit's raw payload, then replay the rest: the shape of a filter-branch.
    const commits = git(dir, 'rev-list', '--reverse', 'HEAD').split('\n');
    git(dir, 'checkout', '--quiet', '-b', 'rewrite', commits[1] ?? '');
    writeFileSync(join(dir, base, 'events', `${eventId}.raw.json`), payload('forged').toString());
    git(dir, 'commit', '--quiet', '--amend', '--no-edit', '--all');
    git(dir, 'cherry-pick', ...commits.slice(2));
    git(dir, 'branch', '--quiet', '-f', 'main', 'rewrite');
    git(dir, 'checkout', '--quiet', 'main');
    expect(await problems(dir)).toContainEqual(
      expect.stringMatching(new RegExp(`^${base}/events/${eventId}.raw.json: sha256 .* \\(altered\\)$`)),
    );
  });

  it('a deleted incident, and the index files that now point nowhere', async () => {
    const { dir, base, id, eventId } = await store();
    rmSync(join(dir, base), { recursive: true });
    handCommit(dir, 'remove');
    const found = await problems(dir);
    expect(found).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${eventIndexFile(eventId)}: names "${id}", but the event is in no incident$`),
      ),
    );
    expect(found).toContainEqual(expect.stringMatching(/without irac's trailers/));
  });

  it('a deleted index file (a re-delivery would be recorded twice)', async () => {
    const { dir, base, eventId } = await store();
    rmSync(join(dir, eventIndexFile(eventId)));
    git(dir, 'commit', '--quiet', '--amend', '--no-edit', '--all');
    expect(await problems(dir)).toContainEqual(
      `${base}/events/${eventId}.json: has no index entry (a re-delivery would be recorded again)`,
    );
  });
});

describe('signed commits', () => {
  function keypair(dir: string, name: string): { key: string; publicKey: string } {
    const key = join(dir, name);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', key]);
    return { key, publicKey: readFileSync(`${key}.pub`, 'utf8').trim() };
  }

  async function signedStore() {
    const dir = scratchRepo();
    const keys = scratchDir('irac-keys-');
    const irac = keypair(keys, 'irac');
    const intruder = keypair(keys, 'intruder');
    execFileSync('mkdir', ['-p', join(dir, '.github')]);
    writeFileSync(
      join(dir, '.github/allowed_signers'),
      `irac@localhost,test@example.com ${irac.publicKey}\n`,
    );
    git(dir, 'add', '.github/allowed_signers');
    git(dir, 'commit', '--quiet', '-m', 'allow irac’s signing key');
    await ingest(dir, Buffer.concat([payload('a'), payload('b')]), { signingKey: irac.key });
    return { dir, irac, intruder };
  }

  it('signs commits with the configured SSH key and verifies them against the allowed signers', async () => {
    const { dir } = await signedStore();
    // git itself agrees: a good signature (G) from an allowed key.
    expect(
      git(dir, '-c', 'gpg.ssh.allowedSignersFile=.github/allowed_signers', 'log', '-1', '--format=%G?'),
    ).toBe('G');
    const report = await verifyStore(new Git(dir), { ...OPTIONS, requireSigned: true });
    expect(report.problems).toEqual([]);
    expect(report.signed).toBe(2);
  });

  it('with require_signed, an unsigned commit is a problem', async () => {
    const { dir } = await signedStore();
    await ingest(dir, payload('c'));
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(await problems(dir, OPTIONS)).toEqual([]);
    expect(await problems(dir, { ...OPTIONS, requireSigned: true })).toEqual([
      `commit ${head}: is not signed, and signed commits are required`,
    ]);
  });

  it('a commit signed by a key the allowed signers do not list is a problem', async () => {
    const { dir, intruder } = await signedStore();
    await ingest(dir, payload('c'), { signingKey: intruder.key });
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(await problems(dir)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^commit ${head}: (is signed by a key|has a signature that cannot be checked)`),
      ),
    );
  });

  it('with require_signed and no allowed-signers file, says so', async () => {
    const dir = scratchRepo();
    await ingest(dir, payload('a'));
    expect(await problems(dir, { ...OPTIONS, requireSigned: true })).toContainEqual(
      '.github/allowed_signers: missing, but signed commits are required',
    );
  });
});
