// Replay throughput: the shipped configuration and playbooks backtested over an NDJSON of real
// CloudTrail records (each repetition with its own event ids, so none is skipped as a re-delivery),
// against bare JSON.parse of the same lines, both measured in this run. Target: ratio ≥ 0.5.

import { loadConfig } from '../src/config/config.js';
import { loadTriageEngine } from '../src/triage/engine.js';
import { replay } from '../src/triage/replay.js';
import { bestOf, cloudTrailLines, REPO_ROOT } from './helpers.js';

const MIN_LINES = 100_000;

export async function benchReplay(): Promise<{
  name: string;
  ratio: number;
  target: number;
  lines: string[];
}> {
  const { lines: records, origin } = cloudTrailLines();
  const lines: string[] = [];
  const values = records.map((record) => JSON.parse(record) as Record<string, unknown>);
  for (let round = 0; lines.length < MIN_LINES; round++) {
    // A distinct eventID per record and round: the same record again would be a re-delivery.
    values.forEach((value, i) => {
      lines.push(JSON.stringify({ ...value, eventID: `${String(value.eventID ?? 'record')}-${round}-${i}` }));
    });
  }
  const input = Buffer.from(`${lines.join('\n')}\n`);

  const config = await loadConfig({ repoRoot: REPO_ROOT });
  const engine = await loadTriageEngine({ repoRoot: REPO_ROOT, config, localOnly: true });

  let parsed = 0;
  const parseAll = async () => {
    parsed = 0;
    for (const line of lines) if (JSON.parse(line)) parsed++;
  };
  let report: Awaited<ReturnType<typeof replay>> | undefined;
  const replayAll = async () => {
    report = await replay(input, 'bench.ndjson', [engine.rules], {
      correlationWindowMs: config.correlationWindowMs,
      enrich: engine.enrich,
    });
  };

  await parseAll();
  await replayAll();
  const parseMs = await bestOf(5, parseAll);
  const replayMs = await bestOf(3, replayAll);
  if (!report || report.events !== lines.length) {
    throw new Error(`replayed ${report?.events} of ${lines.length} lines (${report?.duplicates} duplicates)`);
  }
  const rate = (events: number, ms: number) => events / (ms / 1000);
  const parseRate = rate(parsed, parseMs);
  const replayRate = rate(report.events, replayMs);
  const ratio = replayRate / parseRate;
  const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')} events/s`.padEnd(20);
  const routes = Object.entries(report.tallies[0]?.routes ?? {})
    .map(([route, count]) => `${route} ${count.events}`)
    .join(', ');
  return {
    name: 'replay',
    ratio,
    target: 0.5,
    lines: [
      `replay: ${lines.length} CloudTrail lines (${(input.length / 1024 / 1024).toFixed(1)} MiB) from ${origin}, ${report.incidents} incidents`,
      `  routes: ${routes}`,
      `  JSON.parse only         ${perSecond(parseRate)}`,
      `  replay (normalize, correlate, enrich, score, route)  ${perSecond(replayRate)} ratio ${ratio.toFixed(2)} (target ≥ 0.5)`,
    ],
  };
}
