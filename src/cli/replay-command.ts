// `irac replay FILE.ndjson [--repo DIR] [--config FILE] [--compare REF] [--remote-enrichment] [--json]`:
// backtests triage over many raw events and writes nothing. With --compare, the configuration and
// playbooks as they were at REF decide too, and the events whose route changes are listed.

import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { InputError, UsageError } from '../errors.js';
import { displayText } from '../ingest/display.js';
import { Git } from '../store/git.js';
import { loadTriageAt, loadTriageEngine, type TriageRuleset } from '../triage/engine.js';
import { type ReplayReport, replay, type Tally } from '../triage/replay.js';
import { type CliIo, readInput } from './io.js';

export interface ReplayCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly compare?: string;
  readonly remoteEnrichment?: boolean;
  readonly json?: boolean;
}

const number = (n: number) => Math.round(n).toLocaleString('en');
/** `1 event`, `2 events`, `0 events`. */
const counted = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;

function progress(io: CliIo): ((events: number, bytes: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (events, bytes, total) => {
    const now = Date.now();
    if (now - last < 100 && bytes < total) return;
    last = now;
    const share = total === 0 ? 1 : bytes / total;
    const width = 30;
    const filled = Math.round(share * width);
    io.stderr(
      `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${number(events)} events${bytes >= total ? '\n' : ''}`,
    );
  };
}

function tallyLines(tallies: readonly Tally[], labels: readonly string[]): string[] {
  const keys = [...new Set(tallies.flatMap((tally) => Object.keys(tally.routes)))].sort();
  const width = Math.max(24, ...keys.map((key) => key.length));
  const head = ['ROUTE'.padEnd(width), ...labels.map((label) => `${label} events/incidents`.padStart(28))];
  const rows = keys.map((key) => [
    key.padEnd(width),
    ...tallies.map((tally) => {
      const count = tally.routes[key];
      return (count ? `${number(count.events)} / ${number(count.incidents)}` : '-').padStart(28);
    }),
  ]);
  const severity = (tally: Tally) =>
    (['critical', 'high', 'medium', 'low'] as const)
      .map((s) => `${s} ${number(tally.severities[s])}`)
      .join(', ');
  return [
    head.join('  ').trimEnd(),
    ...rows.map((row) => row.join('  ').trimEnd()),
    '',
    ...tallies.map(
      (tally, i) =>
        `${labels.length > 1 ? `${labels[i]}: ` : ''}severity ${severity(tally)}; suppressed ${number(tally.suppressed)}, aggregated ${number(tally.aggregated)}, degraded ${number(tally.degraded)}`,
    ),
  ];
}

function render(report: ReplayReport, labels: readonly string[], file: string): string {
  const lines = [
    `replayed ${counted(report.events, 'event')} from ${file} as ${counted(report.incidents, 'incident')} in ${(report.ms / 1000).toFixed(2)} s (${number(report.eventsPerSecond)} events/s)${report.duplicates ? `; ${counted(report.duplicates, 're-delivery', 're-deliveries')} left out` : ''}`,
    '',
    ...tallyLines(report.tallies, labels),
  ];
  if (labels.length > 1) {
    const change = report.changed === 1 ? 'event changes' : 'events change';
    lines.push(
      '',
      `${number(report.changed)} ${change} route, or what runs without a reviewer, from ${labels[0]} to ${labels[1]}`,
    );
    const steps = (list: readonly string[]) => (list.length === 0 ? 'none' : list.join(', '));
    for (const change of report.changes.slice(0, 50)) {
      lines.push(
        `  ${change.origin}  ${change.before} → ${change.after}  ${displayText(change.kind, 60) ?? ''}  ${displayText(change.resource, 80) ?? ''}`,
      );
      if (change.unreviewed_before.join('\n') !== change.unreviewed_after.join('\n')) {
        lines.push(
          `      unreviewed destructive steps: ${steps(change.unreviewed_before)} → ${steps(change.unreviewed_after)}`,
        );
      }
    }
    if (report.changed > 50)
      lines.push(`  … and ${number(report.changed - 50)} more (--json lists up to 1,000)`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Where the configuration and playbooks are: the top level of the git repository `dir` is in, as for
 * `irac triage` (so that replay from a subdirectory decides as triage would, and `--compare` reads the
 * same paths at REF), or `dir` itself when it is in none: a directory of rules alone can be replayed.
 */
async function rulesRoot(dir: string): Promise<string> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new InputError(dir, 'no such directory');
  if (!info.isDirectory()) throw new InputError(dir, 'is not a directory');
  const top = await new Git(dir).run(['rev-parse', '--show-toplevel'], { okCodes: [0, 128] });
  return top.exitCode === 0 ? top.stdout.trim() : dir;
}

export async function replayCommand(file: string, options: ReplayCommandOptions, io: CliIo) {
  const { bytes, name } = await readInput(file, io);
  const repoRoot = await rulesRoot(resolve(options.repo ?? process.cwd()));
  const config = await loadConfig({ repoRoot, ...(options.config ? { file: options.config } : {}) });
  const localOnly = !options.remoteEnrichment;
  const current = await loadTriageEngine({ repoRoot, config, localOnly });
  const engines: TriageRuleset[] = [current];
  const labels = ['now'];
  if (options.compare !== undefined) {
    if (options.compare.startsWith('-'))
      throw new UsageError(`--compare takes a git ref, not ${options.compare}`);
    const git = new Git(repoRoot);
    const configPath = config.path === undefined ? undefined : relative(repoRoot, config.path);
    engines.unshift(await loadTriageAt(git, options.compare, { configPath }));
    labels.unshift(options.compare);
  }
  const onProgress = progress(io);
  const report = await replay(
    bytes,
    name,
    engines.map((engine) => engine.rules),
    {
      correlationWindowMs: config.correlationWindowMs,
      enrich: current.enrich,
      ...(onProgress && { onProgress }),
    },
  );
  if (options.json) {
    io.stdout(`${JSON.stringify({ ...report, rulesets: labels })}\n`);
    return;
  }
  io.stdout(render(report, labels, name));
}
