// The store against real git: what one ingest writes, idempotency, correlation, what it must leave
// alone, what it must refuse, and how it behaves with a remote that moves or refuses.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, OperationError } from '../../src/errors.js';
import { normalizeWithEvidence } from '../../src/ingest/normalize.js';
import { verifyChain } from '../../src/store/audit.js';
import { parseIncident } from '../../src/store/incident.js';
import { eventIndexFile, incidentDir, isIncidentId, keyIndexFile } from '../../src/store/layout.js';
import { type RecordContext, readIncident, recordEvents } from '../../src/store/record.js';
import { IncidentRepository, type PublishSettings } from '../../src/store/repository.js';
import { commitLog, filesAt, git, scratchDir, scratchRemote, scratchRepo } from '../helpers/git.js';

const HOUR = 3_600_000;
const FAST: PublishSettings = { pushAttempts: 5, backoffBaseMs: 5, backoffMaxMs: 20 };

function payload(overrides: Record<string, unknown> = {}): Buffer {
  return Buffer.from(
    `${JSON.stringify({
      id: 'okta-anomaly-7f1c2e',
      timestamp: '2026-03-01T09:58:12Z',
      severity: 'high',
      kind: 'okta.impossible_travel',
      title: 'Impossible travel for jdoe@example.com',
      resource: 'okta:user/jdoe@example.com',
      actor: 'jdoe@example.com',
      ...overrides,
    })}\n`,
  );
}

function eventsOf(bytes: Buffer) {
  return [...normalizeWithEvidence(bytes, { source: 'generic', name: 'test.json' })];
}

function context(now = new Date('2026-11-28T10:00:00Z')): RecordContext {
  return { actor: 'analyst@example.com', correlationWindowMs: HOUR, now: () => now };
}

async function ingest(dir: string, bytes: Buffer, ctx = context(), settings = FAST) {
  const repository = await IncidentRepository.open(dir);
  return repository.apply((tx) => recordEvents(tx, eventsOf(bytes), ctx), settings);
}

function show(dir: string, path: string, rev = 'HEAD'): string {
  return git(dir, 'show', `${rev}:${path}`);
}

describe('recording an event', () => {
  it('writes the incident files in one commit with trailers, keeps the raw payload byte for byte', async () => {
    const dir = scratchRepo();
    const bytes = payload({ note: 'ünïcode \u00e9 and spaces  ' });
    const applied = await ingest(dir, bytes);
    const [recorded] = applied.result;
    expect(recorded?.outcome).toBe('opened');
    const id = recorded?.incident ?? '';
    expect(isIncidentId(id)).toBe(true);
    expect(id.startsWith('IR-20261128-')).toBe(true);
    const base = incidentDir(id);
    const eventId = recorded?.event.id ?? '';
    expect(filesAt(dir, 'HEAD').sort()).toEqual(
      [
        `${base}/README.md`,
        `${base}/audit.jsonl`,
        `${base}/events/${eventId}.json`,
        `${base}/events/${eventId}.raw.json`,
        `${base}/incident.yaml`,
        eventIndexFile(eventId),
        keyIndexFile('fingerprints', recorded?.event.fingerprint ?? ''),
        keyIndexFile('resources', recorded?.event.resource ?? ''),
        ...(recorded?.event.actor ? [keyIndexFile('actors', recorded.event.actor)] : []),
      ].sort(),
    );
    const raw = execFileSync('git', ['cat-file', 'blob', `HEAD:${base}/events/${eventId}.raw.json`], {
      cwd: dir,
    });
    expect(raw.equals(bytes)).toBe(true);

    const [commit] = commitLog(dir);
    expect(commit?.subject).toMatch(
      new RegExp(`^ingest: ${id} opened by high generic okta.impossible_travel`),
    );
    expect(commit?.trailers['Incident-Id']).toBe(id);
    expect(commit?.trailers['Irac-Action']).toBe('ingest');
    expect(commit?.trailers['Irac-Actor']).toBe('analyst@example.com');
    const audit = show(dir, `${base}/audit.jsonl`);
    expect(verifyChain(`${audit}\n`, 'audit.jsonl', id)).toEqual([]);
    const entry = JSON.parse(audit);
    expect(commit?.trailers['Irac-Audit']).toBe(`1 ${entry.hash}`);
    expect(entry.data.raw_sha256).toBe(recorded?.event.raw_sha256);

    const incident = parseIncident(show(dir, `${base}/incident.yaml`), 'incident.yaml');
    expect(incident).toMatchObject({ id, status: 'open', severity: 'high', events: 1, vendors: ['generic'] });
    expect(incident.timestamps.detected).toBe('2026-03-01T09:58:12.000Z');
    expect(incident.timestamps.opened).toBe('2026-11-28T10:00:00.000Z');

    // The checkout follows: the files are there and git sees nothing to commit.
    expect(readFileSync(join(dir, base, 'incident.yaml'), 'utf8')).toBe(
      `${show(dir, `${base}/incident.yaml`)}\n`,
    );
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('records the same event id once, however often it is delivered', async () => {
    const dir = scratchRepo();
    const first = await ingest(dir, payload());
    const head = git(dir, 'rev-parse', 'HEAD');
    const again = await ingest(dir, payload());
    expect(again.result[0]).toMatchObject({ outcome: 'duplicate', incident: first.result[0]?.incident });
    expect(again.commits).toEqual([]);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    const twiceInOneInput = await ingest(
      dir,
      Buffer.concat([payload({ id: 'x-2' }), payload({ id: 'x-2' })]),
    );
    expect(twiceInOneInput.result.map((r) => r.outcome)).toEqual(['joined', 'duplicate']);
  });

  it('correlates events of one fingerprint into one incident and opens another for a new fingerprint', async () => {
    const dir = scratchRepo();
    const applied = await ingest(
      dir,
      Buffer.concat([
        payload({ id: 'a' }),
        payload({ id: 'b', severity: 'critical' }),
        payload({ id: 'c', resource: 'okta:user/other' }),
      ]),
    );
    const [a, b, c] = applied.result;
    expect([a?.outcome, b?.outcome, c?.outcome]).toEqual(['opened', 'joined', 'opened']);
    expect(b?.incident).toBe(a?.incident);
    expect(c?.incident).not.toBe(a?.incident);
    expect(applied.commits).toHaveLength(3);
    const incident = parseIncident(show(dir, `${incidentDir(a?.incident ?? '')}/incident.yaml`), 'x');
    expect(incident).toMatchObject({ events: 2, severity: 'critical' });
    const audit = show(dir, `${incidentDir(a?.incident ?? '')}/audit.jsonl`).split('\n');
    expect(audit.map((line) => JSON.parse(line).data.joined)).toEqual([false, true]);
  });

  it('opens a new incident once the window has passed, and the fingerprint then points to it', async () => {
    const dir = scratchRepo();
    const first = await ingest(dir, payload({ id: 'a' }), context(new Date('2026-11-28T10:00:00Z')));
    const inWindow = await ingest(dir, payload({ id: 'b' }), context(new Date('2026-11-28T10:59:00Z')));
    expect(inWindow.result[0]?.incident).toBe(first.result[0]?.incident);
    // The window counts from the last update (10:59), so 11:58 still joins and 13:00 does not.
    const stillIn = await ingest(dir, payload({ id: 'c' }), context(new Date('2026-11-28T11:58:00Z')));
    expect(stillIn.result[0]?.outcome).toBe('joined');
    const later = await ingest(dir, payload({ id: 'd' }), context(new Date('2026-11-28T13:00:00Z')));
    expect(later.result[0]?.outcome).toBe('opened');
    const fingerprint = later.result[0]?.event.fingerprint ?? '';
    // The fingerprint's history lists both incidents, oldest first, each with its opening time.
    expect(show(dir, keyIndexFile('fingerprints', fingerprint))).toBe(
      [
        `${first.result[0]?.incident} 2026-11-28T10:00:00.000Z`,
        `${later.result[0]?.incident} 2026-11-28T13:00:00.000Z`,
      ].join('\n'),
    );
  });

  it('does not add events to a resolved incident', async () => {
    const dir = scratchRepo();
    const first = await ingest(dir, payload({ id: 'a' }));
    const id = first.result[0]?.incident ?? '';
    const repository = await IncidentRepository.open(dir);
    await repository.apply(async (tx) => {
      const incident = await readIncident(tx, id);
      if (!incident) throw new Error('missing');
      const { serializeIncident } = await import('../../src/store/incident.js');
      tx.write(`${incidentDir(id)}/incident.yaml`, serializeIncident({ ...incident, status: 'resolved' }));
      await tx.commit({ subject: 'resolve', trailers: [] });
    }, FAST);
    const next = await ingest(dir, payload({ id: 'b' }));
    expect(next.result[0]?.outcome).toBe('opened');
    expect(next.result[0]?.incident).not.toBe(id);
  });

  it('works from a subdirectory and leaves unrelated changes in the working tree untouched', async () => {
    const dir = scratchRepo();
    writeFileSync(join(dir, 'README.md'), '# edited, not committed\n');
    writeFileSync(join(dir, 'notes.txt'), 'untracked\n');
    execFileSync('mkdir', ['-p', join(dir, 'playbooks')]);
    await ingest(join(dir, 'playbooks'), payload());
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# edited, not committed\n');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('untracked\n');
    expect(git(dir, 'status', '--porcelain').split('\n').sort()).toEqual([' M README.md', '?? notes.txt']);
    expect(
      git(dir, 'show', '--name-only', '--format=', 'HEAD')
        .split('\n')
        .every((p) => p.startsWith('incidents/')),
    ).toBe(true);
  });

  it('starts a repository that has no commit yet', async () => {
    const dir = scratchDir();
    git(dir, 'init', '--quiet');
    const applied = await ingest(dir, payload());
    expect(applied.commits).toHaveLength(1);
    expect(git(dir, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

describe('what the store refuses, writing nothing', () => {
  async function refusal(dir: string, bytes = payload()): Promise<string> {
    const before = git(dir, 'rev-parse', 'HEAD');
    const error = await ingest(dir, bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(before);
    return (error as InputError).message;
  }

  it('a directory that is not in a git repository', async () => {
    const dir = scratchDir();
    await expect(IncidentRepository.open(dir)).rejects.toThrow(/is not in a git repository/);
    await expect(IncidentRepository.open(join(dir, 'nope'))).rejects.toThrow(/no such directory/);
  });

  it('a bare repository', async () => {
    const { origin } = scratchRemote();
    await expect(IncidentRepository.open(origin)).rejects.toThrow(/bare repository/);
  });

  it('a detached HEAD', async () => {
    const dir = scratchRepo();
    git(dir, 'checkout', '--quiet', '--detach');
    await expect(IncidentRepository.open(dir)).rejects.toThrow(/HEAD is detached/);
  });

  it('an index with staged changes, which would ride along in a commit', async () => {
    const dir = scratchRepo();
    writeFileSync(join(dir, 'playbook.yaml'), 'id: x\n');
    git(dir, 'add', 'playbook.yaml');
    expect(await refusal(dir)).toMatch(/the index has staged changes \(playbook.yaml\)/);
    expect(git(dir, 'status', '--porcelain')).toBe('A  playbook.yaml');
  });

  it('local changes to incident files the operation would overwrite', async () => {
    const dir = scratchRepo();
    const first = await ingest(dir, payload());
    const file = join(dir, incidentDir(first.result[0]?.incident ?? ''), 'incident.yaml');
    writeFileSync(file, 'hand edit\n');
    // A second event of the same fingerprint rewrites that incident.yaml.
    expect(await refusal(dir, payload({ id: 'second' }))).toMatch(/incident.yaml: has local changes/);
    expect(readFileSync(file, 'utf8')).toBe('hand edit\n');
    expect(git(dir, 'status', '--porcelain')).toBe(
      ` M ${incidentDir(first.result[0]?.incident ?? '')}/incident.yaml`,
    );
    // An event for another incident touches nothing that was edited, and goes through.
    const other = await ingest(dir, payload({ id: 'third', resource: 'okta:user/other' }));
    expect(other.result[0]?.outcome).toBe('opened');
    expect(readFileSync(file, 'utf8')).toBe('hand edit\n');
  });

  it('an untracked file where the operation would write one', async () => {
    const dir = scratchRepo();
    const first = await ingest(dir, payload());
    const events = join(dir, incidentDir(first.result[0]?.incident ?? ''), 'events');
    const [second] = eventsOf(payload({ id: 'second' }));
    writeFileSync(join(events, `${second?.event.id}.json`), 'mine\n');
    expect(await refusal(dir, payload({ id: 'second' }))).toMatch(
      /events\/generic-[0-9a-f]{32}.json: has local changes/,
    );
  });

  it('an incident.yaml that is not an incident, naming the file', async () => {
    const dir = scratchRepo();
    const first = await ingest(dir, payload({ id: 'a' }));
    const path = `${incidentDir(first.result[0]?.incident ?? '')}/incident.yaml`;
    writeFileSync(join(dir, path), 'id: ../../etc\n');
    git(dir, 'commit', '--quiet', '-am', 'tamper');
    expect(await refusal(dir)).toBe(
      `${path}: is not a valid incident: / must have required property 'title'`,
    );
  });
});

describe('with a remote', () => {
  it('pushes, and builds on what other writers pushed meanwhile', async () => {
    const { origin, clone } = scratchRemote();
    const mine = clone();
    const theirs = clone();
    await ingest(theirs, payload({ id: 'theirs', resource: 'r/theirs' }));
    writeFileSync(join(theirs, 'playbooks.md'), 'a teammate edits a playbook\n');
    git(theirs, 'add', 'playbooks.md');
    git(theirs, 'commit', '--quiet', '-m', 'playbook change');
    git(theirs, 'push', '--quiet', 'origin', 'main');

    const applied = await ingest(mine, payload({ id: 'mine' }));
    expect(applied.target).toBe('origin/main');
    expect(git(origin, 'rev-parse', 'main')).toBe(applied.commits.at(-1));
    expect(git(mine, 'rev-parse', 'HEAD')).toBe(applied.commits.at(-1));
    expect(git(origin, 'log', '--format=%s', 'main').split('\n')).toHaveLength(4);
    expect(readFileSync(join(mine, 'playbooks.md'), 'utf8')).toBe('a teammate edits a playbook\n');
    expect(git(mine, 'status', '--porcelain')).toBe('');
  });

  it('gives up after the configured attempts when the remote keeps moving, recording nothing', async () => {
    const { origin, clone } = scratchRemote();
    const mine = clone();
    const other = clone();
    let round = 0;
    const repository = await IncidentRepository.open(mine);
    const error = await repository
      .apply(async (tx) => {
        // Another writer lands between this attempt's fetch and its push, every time.
        writeFileSync(join(other, `f${round}`), String(round++));
        git(other, 'add', '.');
        git(other, 'commit', '--quiet', '-m', 'other');
        git(other, 'push', '--quiet', 'origin', 'main');
        return recordEvents(tx, eventsOf(payload()), context());
      }, FAST)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationError);
    expect((error as Error).message).toMatch(
      /gave up after 5 attempts.*run it again: recording is idempotent/,
    );
    expect(round).toBe(5);
    expect(filesAt(origin, 'main')).toEqual([]);
  });

  it('stops at once when the remote refuses for another reason (a hook), without looping', async () => {
    const { origin, clone } = scratchRemote();
    writeFileSync(join(origin, 'hooks/pre-receive'), '#!/bin/sh\necho "branch is protected" >&2\nexit 1\n', {
      mode: 0o755,
    });
    const mine = clone();
    const head = git(mine, 'rev-parse', 'HEAD');
    let attempts = 0;
    const repository = await IncidentRepository.open(mine);
    const error = await repository
      .apply((tx) => {
        attempts++;
        return recordEvents(tx, eventsOf(payload()), context());
      }, FAST)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationError);
    expect((error as Error).message).toMatch(
      /origin refused the push to main: .*pre-receive hook declined.*nothing was recorded/,
    );
    expect(attempts).toBe(1);
    expect(git(mine, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(mine, 'status', '--porcelain')).toBe('');
  });

  it('in a batch, pushes every operation and brings the checkout up once, at the end', async () => {
    const { origin, clone } = scratchRemote();
    const mine = clone();
    const start = git(mine, 'rev-parse', 'HEAD');
    const repository = await IncidentRepository.open(mine);
    const { result, warnings } = await repository.batch(async () => {
      const first = await repository.apply((tx) => recordEvents(tx, eventsOf(payload()), context()), FAST);
      // Each operation is on origin at once; the local branch and its files wait for the batch's end.
      expect(git(origin, 'rev-parse', 'main')).toBe(first.commits.at(-1));
      expect(git(mine, 'rev-parse', 'HEAD')).toBe(start);
      const second = await repository.apply(
        (tx) => recordEvents(tx, eventsOf(payload({ id: 'second', resource: 'r/second' })), context()),
        FAST,
      );
      return [first, second];
    });
    expect(warnings).toEqual([]);
    const [first, second] = result;
    expect(git(origin, 'rev-parse', 'main')).toBe(second?.commits.at(-1));
    expect(git(mine, 'rev-parse', 'HEAD')).toBe(second?.commits.at(-1));
    expect(git(origin, 'rev-parse', `${second?.commits[0]}^`)).toBe(first?.commits.at(-1));
    expect(git(mine, 'status', '--porcelain')).toBe('');
    const incident = first?.result[0]?.incident ?? '';
    expect(readFileSync(join(mine, incidentDir(incident), 'incident.yaml'), 'utf8')).toContain(incident);
  });

  it('in a batch, an operation after another writer pushed is refused, fetched, redone on top', async () => {
    const { origin, clone } = scratchRemote();
    const mine = clone();
    const theirs = clone();
    const repository = await IncidentRepository.open(mine);
    let attempts = 0;
    const { warnings } = await repository.batch(async () => {
      await repository.apply((tx) => recordEvents(tx, eventsOf(payload()), context()), FAST);
      // Meanwhile a teammate pushes: the next operation, built on this process's last push, is refused.
      writeFileSync(join(theirs, 'playbooks.md'), 'a teammate edits a playbook\n');
      git(theirs, 'add', 'playbooks.md');
      git(theirs, 'commit', '--quiet', '-m', 'playbook change');
      git(theirs, 'pull', '--quiet', '--rebase', 'origin', 'main');
      git(theirs, 'push', '--quiet', 'origin', 'main');
      await repository.apply((tx) => {
        attempts++;
        return recordEvents(tx, eventsOf(payload({ id: 'second', resource: 'r/second' })), context());
      }, FAST);
    });
    expect(warnings).toEqual([]);
    expect(attempts).toBe(2);
    expect(git(origin, 'log', '--format=%s', 'main').split('\n')).toHaveLength(4);
    expect(git(mine, 'rev-parse', 'HEAD')).toBe(git(origin, 'rev-parse', 'main'));
    expect(readFileSync(join(mine, 'playbooks.md'), 'utf8')).toBe('a teammate edits a playbook\n');
    expect(git(mine, 'status', '--porcelain')).toBe('');
  });

  it('a batch that throws still brings the checkout up to what it pushed', async () => {
    const { origin, clone } = scratchRemote();
    const mine = clone();
    const repository = await IncidentRepository.open(mine);
    const error = await repository
      .batch(async () => {
        await repository.apply((tx) => recordEvents(tx, eventsOf(payload()), context()), FAST);
        throw new OperationError('the next stage failed');
      })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('the next stage failed');
    expect(git(mine, 'rev-parse', 'HEAD')).toBe(git(origin, 'rev-parse', 'main'));
    expect(git(mine, 'status', '--porcelain')).toBe('');
  });

  it('refuses when the local branch has commits the remote lacks', async () => {
    const { clone } = scratchRemote();
    const mine = clone();
    writeFileSync(join(mine, 'x'), 'x');
    git(mine, 'add', 'x');
    git(mine, 'commit', '--quiet', '-m', 'unpushed');
    await expect(ingest(mine, payload())).rejects.toThrow(/main has commits that origin\/main lacks/);
  });
});
