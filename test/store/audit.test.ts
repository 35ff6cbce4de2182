import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS, nextEntry, verifyChain } from '../../src/store/audit.js';

const INCIDENT = 'IR-20260301-k3x9';

function chain(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    text += nextEntry(text, {
      at: `2026-03-01T10:0${i}:00.000Z`,
      actor: i === 0 ? 'irac' : 'alice',
      action: ['ingest', 'triage', 'approve', 'execute:isolate-instance'][i % 4] as string,
      incident: INCIDENT,
      data: { step: i, note: 'ünïcode ✓', nested: { b: 2, a: 1 } },
    }).line;
  }
  return text;
}

const verify = (text: string) =>
  verifyChain(text, 'incidents/2026/03/IR-20260301-k3x9/audit.jsonl', INCIDENT);

describe('the audit chain', () => {
  it('links each entry to the one before, from the genesis hash', () => {
    const entries = chain(3)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0].prev).toBe(GENESIS);
    expect(entries[1].prev).toBe(entries[0].hash);
    expect(entries[2].prev).toBe(entries[1].hash);
    expect(verify(chain(4))).toEqual([]);
  });

  it('hashes the canonical JSON without the hash, so anyone can recompute it', () => {
    const [first] = chain(1)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const { hash, ...body } = first;
    const sortedKeys = (value: unknown): unknown =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
          )
        : value;
    expect(
      createHash('sha256')
        .update(JSON.stringify(sortedKeys(body)))
        .digest('hex'),
    ).toBe(hash);
  });

  it('detects a changed byte anywhere in an entry', () => {
    const text = chain(4);
    const altered = text.replace('"actor":"alice"', '"actor":"mallory"');
    expect(verify(altered)).toEqual([
      'incidents/2026/03/IR-20260301-k3x9/audit.jsonl:2: hash does not match the entry (altered)',
    ]);
    const digit = text.replace('"step":2', '"step":3');
    expect(verify(digit)).toHaveLength(1);
  });

  it('detects a deleted line, a reordered pair and a truncated tail line', () => {
    const lines = chain(4).trimEnd().split('\n');
    const deleted = `${[lines[0], lines[2], lines[3]].join('\n')}\n`;
    expect(verify(deleted)).toEqual([
      'incidents/2026/03/IR-20260301-k3x9/audit.jsonl:2: seq 3, expected 2',
      'incidents/2026/03/IR-20260301-k3x9/audit.jsonl:2: prev does not name the entry before it',
    ]);
    const reordered = `${[lines[0], lines[2], lines[1], lines[3]].join('\n')}\n`;
    expect(verify(reordered).length).toBeGreaterThanOrEqual(3);
    const truncated = chain(2).slice(0, -10);
    expect(verify(truncated)).toContain('incidents/2026/03/IR-20260301-k3x9/audit.jsonl:2: not JSON');
  });

  it('detects an entry rewritten with a recomputed hash, by the link from the entry after it', () => {
    const lines = chain(3).trimEnd().split('\n');
    const forged = JSON.parse(lines[1] as string);
    forged.actor = 'mallory';
    const { hash: _old, ...body } = forged;
    const rehashed = nextEntry(`${lines[0]}\n`, { ...body }).line.trimEnd();
    const text = `${[lines[0], rehashed, lines[2]].join('\n')}\n`;
    expect(verify(text)).toEqual([
      'incidents/2026/03/IR-20260301-k3x9/audit.jsonl:3: prev does not name the entry before it',
    ]);
  });

  it('rejects entries of another incident, unexpected fields and lines that are not entries', () => {
    const other = nextEntry('', {
      at: '2026-03-01T00:00:00Z',
      actor: 'x',
      action: 'ingest',
      incident: 'IR-other',
      data: {},
    });
    expect(verify(other.line)).toEqual([
      `incidents/2026/03/IR-20260301-k3x9/audit.jsonl:1: entry belongs to IR-other, not ${INCIDENT}`,
    ]);
    const extra = `${JSON.stringify({ ...other.entry, incident: INCIDENT, sneaky: 1 })}\n`;
    expect(verify(extra)).toEqual([
      'incidents/2026/03/IR-20260301-k3x9/audit.jsonl:1: entry has unexpected sneaky',
    ]);
    expect(verify('[1,2]\n')).toEqual([
      'incidents/2026/03/IR-20260301-k3x9/audit.jsonl:1: entry is not a JSON object',
    ]);
  });
});
