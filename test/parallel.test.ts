// Large NDJSON is normalized on worker threads (src/ingest/parallel.ts). The workers run compiled
// code, so these tests drive the built CLI, as users do, and compare with the one-thread path.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitNdjson } from '../src/ingest/documents.js';
import { normalizeInput } from '../src/ingest/normalize.js';
import { PARALLEL_MIN_BYTES } from '../src/ingest/parallel.js';
import { REPO_ROOT } from './helpers/corpus.js';

const scratch = mkdtempSync(join(tmpdir(), 'irac-parallel-'));

function eventLine(i: number): string {
  return JSON.stringify({
    id: `det-${i}`,
    severity: ['low', 'medium', 'high', 'critical'][i % 4],
    resource: `arn:aws:ec2:us-east-1:123456789012:instance/i-${i.toString(16).padStart(17, '0')}`,
    kind: `detector.rule_${i % 13}`,
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    payload: { note: 'x'.repeat(900) },
  });
}

/** An NDJSON file just over the parallel threshold, with the given lines replaced. */
function bigFile(name: string, replace: Record<number, string> = {}): { path: string; bytes: Buffer } {
  const lines: string[] = [];
  for (let i = 1, size = 0; size < PARALLEL_MIN_BYTES + 1024 * 1024; i++) {
    const line = replace[i] ?? eventLine(i);
    lines.push(line);
    size += line.length + 1;
  }
  const bytes = Buffer.from(`${lines.join('\n')}\n`);
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return { path, bytes };
}

function irac(args: string[]) {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/irac.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('splitting NDJSON', () => {
  it('cuts at line starts, keeps line numbers, and loses or repeats no byte', () => {
    const { bytes } = bigFile('split.ndjson');
    const parts = splitNdjson(bytes, 3) ?? [];
    expect(parts).toHaveLength(3);
    expect(Buffer.concat(parts.map((p) => Buffer.from(p))).equals(bytes)).toBe(true);
    for (const part of parts) {
      expect(part.firstLine === 1 || bytes[part.byteOffset - 1] === 0x0a).toBe(true);
      const before = bytes.subarray(0, part.byteOffset).toString('utf8').split('\n').length;
      expect(part.firstLine).toBe(before);
    }
  });

  it('does not split one JSON document or small input', () => {
    expect(splitNdjson(Buffer.from(JSON.stringify([1, 2, 3])), 4)).toBeUndefined();
    expect(splitNdjson(Buffer.from(`${eventLine(1)}\n${eventLine(2)}\n`), 4)).toBeUndefined();
  });
});

describe('normalizeInParallel (compiled, as the CLI runs it)', () => {
  it('splits large NDJSON over the threads it is given and counts every event once', async () => {
    const url = pathToFileURL(join(REPO_ROOT, 'lib/src/ingest/parallel.js')).href;
    const { normalizeInParallel } = (await import(url)) as typeof import('../src/ingest/parallel.js');
    const { bytes } = bigFile('count.ndjson');
    const counts = await normalizeInParallel(bytes, 'count', { name: 'count.ndjson' }, 3);
    expect(counts).toHaveLength(3);
    expect(counts?.reduce((sum: number, n) => sum + Number(n), 0)).toBe(normalizeInput(bytes).length);
    expect(await normalizeInParallel(bytes, 'count', {}, 1)).toBeUndefined();
  });
});

describe('irac normalize --json on a large NDJSON file', () => {
  it('prints exactly what one thread produces, in input order', () => {
    const { path, bytes } = bigFile('big.ndjson');
    const { code, stdout, stderr } = irac(['normalize', '--json', path]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const expected = normalizeInput(bytes, { name: path }).map((e) => JSON.stringify(e));
    expect(stdout.trimEnd().split('\n')).toEqual(expected);
  });

  it('reports the first bad line in input order with its own line number, whichever worker met it', () => {
    const probe = bigFile('probe.ndjson');
    const lines = probe.bytes.toString('utf8').trimEnd().split('\n').length;
    const late = lines - 3;
    const early = Math.floor(lines / 2) - 5;
    const { path } = bigFile('bad.ndjson', {
      [late]: '{"severity": "high", oops}',
      [early]: '{"severity":"urgent","resource":"r"}',
    });
    const { code, stdout, stderr } = irac(['normalize', '--json', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^irac: .*bad\\.ndjson:${early}: \\$: unrecognised payload`));
    const onlyLate = bigFile('late.ndjson', { [late]: '{"severity": "high", oops}' });
    const second = irac(['normalize', '--json', onlyLate.path]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^irac: .*late\\.ndjson:${late}: invalid JSON: `));
  });
});
