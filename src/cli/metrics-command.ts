// `irac metrics [--since DATE] [--json] [--write] [--repo DIR]`: MTTD, MTTA, MTTC and MTTR per severity and
// per playbook, and the SLA breaches, from the store as HEAD holds it. `--write` regenerates
// incidents/README.md in one commit of its own; without it nothing is written.

import { sha256Hex } from '../digest.js';
import { InputError } from '../errors.js';
import {
  type Breach,
  formatDuration,
  type Group,
  type IncidentTimes,
  MEASURES,
  STORE_README,
  type StoreMetrics,
  storeMetrics,
  summaryCell,
} from '../forensics/metrics.js';
import { metricsOptionsAt, readIncidentsAt, storeReadmeAt } from '../forensics/metrics-store.js';
import { displayText } from '../ingest/display.js';
import { IncidentRepository } from '../store/repository.js';
import type { Transaction } from '../store/transaction.js';
import type { CliIo } from './io.js';
import { openStore } from './store-context.js';
import { renderTable } from './table.js';

export interface MetricsCommandOptions {
  readonly repo?: string;
  readonly since?: string;
  readonly json?: boolean;
  readonly write?: boolean;
}

const SINCE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/i;

/** `--since`: a day (UTC midnight) or a time with its zone; nothing Date.parse would guess at. */
export function parseSince(text: string): number {
  const value = SINCE.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(value)) {
    throw new InputError(
      '--since',
      `${JSON.stringify(text.slice(0, 40))} is not a date (2026-03-01) or a time with its zone (2026-03-01T08:00:00Z)`,
    );
  }
  return value;
}

async function metricsAtHead(
  repository: IncidentRepository,
  sinceMs: number | undefined,
): Promise<StoreMetrics> {
  const head = await repository.head();
  const options = head
    ? await metricsOptionsAt(repository.root, head)
    : { escalationMatrix: {}, isDestructive: () => false };
  const records = head ? await readIncidentsAt(repository.git, head) : [];
  return storeMetrics(records, { ...options, sinceMs });
}

function groupTable(metrics: StoreMetrics): string {
  const rows: { scope: string; group: Group }[] = [
    { scope: 'all', group: metrics.overall },
    ...metrics.by_severity.map((group) => ({ scope: `severity ${group.key}`, group })),
    ...metrics.by_playbook.map((group) => ({ scope: `playbook ${group.key ?? '(none)'}`, group })),
  ];
  return renderTable(rows, [
    { header: 'SCOPE', width: 44, cell: (row) => row.scope },
    { header: 'INCIDENTS', width: 9, cell: (row) => String(row.group.incidents) },
    ...MEASURES.map((measure) => ({
      header: `${measure.toUpperCase()} median / p90 (n)`,
      width: 26,
      cell: (row: { group: Group }) =>
        row.group[measure].count === 0
          ? '-'
          : `${summaryCell(row.group[measure])} (${row.group[measure].count})`,
    })),
  ]);
}

function breachLine(breach: Breach): string {
  const when = breach.pending
    ? `still unacknowledged, deadline ${breach.deadline}`
    : `acknowledged (${breach.acknowledged_by}) ${breach.acknowledged}, deadline ${breach.deadline}`;
  return `  ${breach.incident}  ${breach.severity.padEnd(8)}  SLA ${formatDuration(breach.sla_ms)}: ${when}, late by ${formatDuration(breach.late_ms)}\n`;
}

function openLine(times: IncidentTimes): string {
  const title = displayText(times.title, 80) ?? '';
  return `  ${times.id}  ${times.severity.padEnd(8)}  ${times.status.padEnd(9)}  ${times.playbook ?? '-'}  opened ${times.ingested}  ${title}\n`;
}

function printText(metrics: StoreMetrics, io: CliIo): void {
  const scope = metrics.since === null ? '' : ` ingested since ${metrics.since}`;
  const asOf = metrics.as_of === null ? '' : `, as of ${metrics.as_of} (the newest audit entry)`;
  io.stdout(`${metrics.incidents} incident${metrics.incidents === 1 ? '' : 's'}${scope}${asOf}\n\n`);
  io.stdout(groupTable(metrics));
  io.stdout(`\nSLA breaches: ${metrics.breaches.length}\n`);
  for (const breach of metrics.breaches) io.stdout(breachLine(breach));
  io.stdout(`open incidents: ${metrics.open.length}\n`);
  for (const times of metrics.open) io.stdout(openLine(times));
}

/** The one operation `--write` is: incidents/README.md rendered from the state it commits on top of. */
async function writeStoreReadme(
  tx: Transaction,
  repository: IncidentRepository,
  actor: string,
): Promise<string | undefined> {
  if (tx.base === undefined) return undefined;
  const readme = await storeReadmeAt(repository.git, repository.root, tx.base);
  if ((await tx.readText(STORE_README)) === readme) return undefined;
  tx.write(STORE_README, readme);
  return tx.commit({
    subject: `metrics: ${STORE_README} regenerated`,
    body: [`rendered from the store at ${tx.base}`],
    trailers: [
      { key: 'Irac-Action', value: 'metrics' },
      { key: 'Irac-Actor', value: actor },
      { key: 'Irac-Readme', value: sha256Hex(readme) },
    ],
  });
}

export async function metricsCommand(options: MetricsCommandOptions, io: CliIo): Promise<void> {
  const sinceMs = options.since === undefined ? undefined : parseSince(options.since);
  const repository = await IncidentRepository.open(options.repo ?? process.cwd());
  let written: { commit: string | null; target: string } | undefined;
  if (options.write) {
    const store = await openStore({ repo: repository.root });
    const applied = await store.repository.apply(
      (tx) => writeStoreReadme(tx, store.repository, store.actor),
      store.publish,
    );
    for (const warning of applied.warnings) io.stderr(`irac: warning: ${warning}\n`);
    written = { commit: applied.result ?? null, target: applied.target };
  }
  const metrics = await metricsAtHead(repository, sinceMs);
  if (options.json) {
    io.stdout(`${JSON.stringify(written ? { ...metrics, readme: written } : metrics)}\n`);
    return;
  }
  printText(metrics, io);
  if (written) {
    io.stdout(
      written.commit === null
        ? `${STORE_README}: unchanged\n`
        : `${STORE_README}: regenerated in ${written.commit.slice(0, 12)} on ${written.target}\n`,
    );
  }
}
