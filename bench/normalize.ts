// Normalize + validate throughput on an NDJSON of CloudTrail records, against bare JSON.parse of the
// same lines, both measured in this run on this machine. Target: ratio ≥ 0.5.

import { normalizeStream } from '../src/ingest/normalize.js';
import { bestOf, cloudTrailLines } from './helpers.js';

const MIN_LINES = 100_000;

export async function benchNormalize(): Promise<{
  name: string;
  ratio: number;
  target: number;
  lines: string[];
}> {
  const { lines: records, origin } = cloudTrailLines();
  const lines: string[] = [];
  while (lines.length < MIN_LINES) lines.push(...records);
  const input = Buffer.from(`${lines.join('\n')}\n`);

  let parsed = 0;
  const parseAll = () => {
    parsed = 0;
    for (const line of lines) if (JSON.parse(line)) parsed++;
  };
  let normalized = 0;
  const normalizeAll = () => {
    normalized = 0;
    for (const _event of normalizeStream(input, { name: 'bench.ndjson' })) normalized++;
  };

  // Warm every path up (JIT) before timing.
  parseAll();
  normalizeAll();
  const parseMs = await bestOf(5, parseAll);
  const normalizeMs = await bestOf(5, normalizeAll);
  if (normalized !== lines.length) throw new Error(`normalized ${normalized} of ${lines.length} lines`);

  const rate = (events: number, ms: number) => events / (ms / 1000);
  const parseRate = rate(parsed, parseMs);
  const ratio = rate(normalized, normalizeMs) / parseRate;
  const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')} events/s`.padEnd(20);
  const mib = (input.length / 1024 / 1024).toFixed(1);
  return {
    name: 'normalize',
    ratio,
    target: 0.5,
    lines: [
      `normalize: ${lines.length} CloudTrail lines (${mib} MiB) from ${origin}`,
      `  JSON.parse only         ${perSecond(parseRate)}`,
      `  normalize + validate    ${perSecond(rate(normalized, normalizeMs))} ratio ${ratio.toFixed(2)} (target ≥ 0.5)`,
    ],
  };
}
