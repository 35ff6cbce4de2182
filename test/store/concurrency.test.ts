// Many `irac ingest` processes at once, as a burst of repository_dispatch runs makes them: each run has
// its own checkout of one bare `origin`, all start together, and the store must land every event once.

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/corpus.js';
import { filesAt, git, scratchDir, scratchRemote, scratchRepo } from '../helpers/git.js';

const BIN = join(REPO_ROOT, 'bin/irac.js');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function irac(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, IRAC_ACTOR: 'burst-test' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function payloadFile(dir: string, name: string, fields: Record<string, string>): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      timestamp: '2026-03-01T09:58:12Z',
      severity: 'high',
      kind: 'okta.impossible_travel',
      title: 'Impossible travel',
      resource: 'okta:user/jdoe',
      actor: 'jdoe',
      ...fields,
    }),
  );
  return file;
}

/** Starts one ingest per payload, each in its own clone of origin, all at once. */
async function burst(payloads: readonly string[]) {
  const { origin, clone } = scratchRemote();
  const clones = payloads.map(() => clone());
  const runs = await Promise.all(
    payloads.map((file, i) => irac(['ingest', file, '--json'], clones[i] ?? '')),
  );
  for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
  const outcomes = runs.flatMap((run) =>
    run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)),
  );
  const checkout = clone();
  const verdict = await irac(['verify'], checkout);
  expect(verdict.stderr).toBe('');
  expect(verdict.code).toBe(0);
  const files = filesAt(checkout, 'HEAD');
  return {
    origin,
    outcomes,
    events: files.filter((f) => /\/events\/[a-z]+-[0-9a-f]{32}\.json$/.test(f)),
    incidents: files.filter((f) => f.endsWith('/incident.yaml')),
    commits: Number(git(checkout, 'rev-list', '--count', 'HEAD')),
  };
}

describe('concurrent ingests against one remote (each run its own checkout)', () => {
  it('50 distinct events from 50 processes: all 50 recorded, none twice, history linear', async () => {
    const dir = scratchDir();
    const payloads = Array.from({ length: 50 }, (_, i) =>
      payloadFile(dir, `e${i}`, { id: `e${i}`, resource: `okta:user/u${i}` }),
    );
    const result = await burst(payloads);
    expect(result.outcomes.map((o) => o.outcome)).toEqual(Array(50).fill('opened'));
    expect(result.events).toHaveLength(50);
    expect(result.incidents).toHaveLength(50);
    expect(result.commits).toBe(51); // the seed commit and one per event
    expect(git(result.origin, 'rev-list', '--merges', '--count', 'main')).toBe('0');
  }, 180_000);

  it('20 deliveries of one event: recorded once, the other 19 runs report where', async () => {
    const dir = scratchDir();
    const file = payloadFile(dir, 'same', { id: 'same-event' });
    const result = await burst(Array(20).fill(file));
    const opened = result.outcomes.filter((o) => o.outcome === 'opened');
    expect(opened).toHaveLength(1);
    expect(result.outcomes.filter((o) => o.outcome === 'duplicate')).toHaveLength(19);
    expect(new Set(result.outcomes.map((o) => o.incident))).toEqual(new Set([opened[0].incident]));
    expect(result.events).toHaveLength(1);
    expect(result.commits).toBe(2);
  }, 180_000);

  it('30 events of one fingerprint: one incident holding all 30', async () => {
    const dir = scratchDir();
    const payloads = Array.from({ length: 30 }, (_, i) => payloadFile(dir, `f${i}`, { id: `f${i}` }));
    const result = await burst(payloads);
    expect(result.incidents).toHaveLength(1);
    expect(result.events).toHaveLength(30);
    expect(result.outcomes.filter((o) => o.outcome === 'opened')).toHaveLength(1);
    expect(result.outcomes.filter((o) => o.outcome === 'joined')).toHaveLength(29);
    expect(new Set(result.outcomes.map((o) => o.incident)).size).toBe(1);
  }, 180_000);
});

describe('concurrent ingests in one clone without a remote', () => {
  it('10 processes sharing a checkout: all recorded, the checkout clean and current', async () => {
    const dir = scratchRepo();
    const payloadDir = scratchDir();
    const payloads = Array.from({ length: 10 }, (_, i) =>
      payloadFile(payloadDir, `l${i}`, { id: `l${i}`, resource: `r/${i % 3}` }),
    );
    const runs = await Promise.all(payloads.map((file) => irac(['ingest', file, '--json'], dir)));
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(filesAt(dir, 'HEAD').filter((f) => f.endsWith('.raw.json'))).toHaveLength(10);
    expect(filesAt(dir, 'HEAD').filter((f) => f.endsWith('/incident.yaml'))).toHaveLength(3);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect((await irac(['verify'], dir)).code).toBe(0);
  }, 120_000);
});
