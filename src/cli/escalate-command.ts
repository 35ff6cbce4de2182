// `irac escalate [--json]`: page the next role of every incident whose escalation level has timed out.
// `irac ack ID --by USER`: acknowledge an incident, which stops its escalation. And the two as the Action
// runs them: escalateIncidents (the scheduled ir-escalate workflow) and ackFromComment (ir-ack, on a
// `/ack` comment, which reads the runner's event file itself).

import { readFile } from 'node:fs/promises';
import { type Clients, createClients } from '../connectors/clients.js';
import { connectorEnvironment } from '../connectors/environment.js';
import { InputError, OperationError } from '../errors.js';
import {
  type AckOutcome,
  acknowledgeIncident,
  ackRequestOf,
  checkAcknowledger,
  isActiveMember,
} from '../escalate/ack.js';
import { type EscalationReport, escalate } from '../escalate/escalate.js';
import { ACK_TEAM_SETTING, escalationRoles } from '../escalate/roles.js';
import type { JsonValue } from '../json.js';
import { checkIncidentId } from '../store/layout.js';
import type { Transaction } from '../store/transaction.js';
import { anchorAfterOperations } from './anchor-command.js';
import type { CliIo } from './io.js';
import { openStore, type StoreContext } from './store-context.js';

export interface EscalateCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly json?: boolean;
}

export interface EscalateOptions extends Omit<EscalateCommandOptions, 'json'> {
  /** The clock the timeouts are measured against; the audit entries carry its time. Default: now. */
  readonly now?: () => Date;
  /** The services to page through; default: the configuration's and the environment's tokens. */
  readonly clients?: Clients;
}

function applier(store: StoreContext) {
  return <T>(operation: (tx: Transaction) => Promise<T>) =>
    store.repository.apply(operation, store.publish).then((applied) => applied.result);
}

const clientsOf = (store: StoreContext) =>
  createClients(connectorEnvironment(store.config.settings, process.env));

/** Every level due now paged and recorded; the checkout catches up once, at the end. */
export async function escalateIncidents(options: EscalateOptions = {}): Promise<EscalationReport> {
  const store = await openStore(options);
  const roles = escalationRoles(store.config);
  const clients = options.clients ?? clientsOf(store);
  const { result, warnings } = await store.repository.batch(() =>
    escalate({
      apply: applier(store),
      git: store.repository.git,
      matrix: store.config.settings.notifications.escalation_matrix,
      roles,
      clients,
      actor: store.actor,
      now: (options.now ?? (() => new Date()))(),
    }),
  );
  const recorded = result.escalations.flatMap((e) => (e.commit ? [e.incident] : []));
  const anchoring = await anchorAfterOperations(store, recorded, clients);
  // An incident whose paging failed is in the report's failures; say so where people read, too.
  const failed = result.failures.map(
    (failure) => `${failure.incident}: level ${failure.level} not paged: ${failure.reason}`,
  );
  return { ...result, warnings: [...warnings, ...failed, ...anchoring.warnings] };
}

/** The report as a responder reads it: one line per page, then what comes next. */
export function explainEscalation(report: EscalationReport): string {
  const lines: string[] = [];
  for (const e of report.escalations) {
    const where = e.delivered.map((d) => d.where).join(', ') || 'nobody reachable';
    const recorded = e.commit ? `recorded in ${e.commit.slice(0, 12)}` : 'already recorded by another run';
    lines.push(
      `escalated ${e.incident} ${e.severity}: level ${e.level}/${e.of} ${e.role} → ${where} (${recorded})`,
    );
    for (const skipped of e.skipped) lines.push(`  not paged: ${skipped}`);
  }
  for (const u of report.upcoming) lines.push(`next: ${u.incident} ${u.role} at ${u.due_at}`);
  lines.push(
    `${report.escalations.length} level${report.escalations.length === 1 ? '' : 's'} paged, ${report.upcoming.length} incident${report.upcoming.length === 1 ? '' : 's'} still escalating, ${report.incidents} looked at`,
  );
  return `${lines.join('\n')}\n`;
}

export async function escalateCommand(options: EscalateCommandOptions, io: CliIo): Promise<void> {
  const report = await escalateIncidents(options);
  for (const warning of report.warnings) io.stderr(`irac: warning: ${warning}\n`);
  io.stdout(options.json ? `${JSON.stringify(report)}\n` : explainEscalation(report));
}

export interface AckCommandOptions {
  readonly by: string;
  readonly repo?: string;
  readonly config?: string;
  readonly json?: boolean;
}

function explainAck(id: string, outcome: AckOutcome): string {
  switch (outcome.outcome) {
    case 'acknowledged':
      return `acknowledged: ${id} at ${outcome.at} in ${outcome.commit.slice(0, 12)}\n`;
    case 'already':
      return `unchanged: ${id} was acknowledged by ${outcome.by} at ${outcome.at}\n`;
    case 'resolved':
      return `unchanged: ${id} is resolved\n`;
  }
}

export async function ackCommand(id: string, options: AckCommandOptions, io: CliIo): Promise<void> {
  checkIncidentId(id, 'ID');
  const by = checkAcknowledger(options.by);
  const store = await openStore(options);
  const outcome = await applier(store)((tx) =>
    acknowledgeIncident(tx, id, { by, via: 'cli', actor: store.actor, now: () => new Date() }),
  );
  io.stdout(options.json ? `${JSON.stringify({ incident: id, ...outcome })}\n` : explainAck(id, outcome));
}

export interface AckFromCommentOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => Date;
  readonly clients?: Clients;
}

/**
 * The ir-ack workflow's step: the `/ack` comment of the runner's event file, its author checked against
 * the allowed team through GitHub's API, recorded as the incident's acknowledgement. Refused in one line
 * (InputError or OperationError) otherwise, with nothing written.
 */
export async function ackFromComment(
  options: AckFromCommentOptions = {},
): Promise<{ incident: string; by: string; warnings: string[] } & AckOutcome> {
  const env = options.env ?? process.env;
  if (env.GITHUB_EVENT_NAME !== 'issue_comment') {
    throw new InputError(
      'GITHUB_EVENT_NAME',
      `\`ack\` takes an issue_comment event, not ${JSON.stringify(env.GITHUB_EVENT_NAME ?? '')}`,
    );
  }
  const path = env.GITHUB_EVENT_PATH;
  if (!path)
    throw new InputError('GITHUB_EVENT_PATH', 'is not set: `ack` reads the comment from the event file');
  let event: JsonValue;
  try {
    event = JSON.parse(await readFile(path, 'utf8')) as JsonValue;
  } catch (error) {
    throw new InputError(
      'GITHUB_EVENT_PATH',
      `cannot be read as JSON: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const request = ackRequestOf(event);
  const store = await openStore(options);
  const roles = escalationRoles(store.config);
  if (!roles.ack_team) {
    throw new InputError(
      store.config.path ?? 'configuration',
      `sets no ${ACK_TEAM_SETTING}: nobody may acknowledge from GitHub`,
    );
  }
  const clients = options.clients ?? clientsOf(store);
  const octokit = await clients.github();
  if (!(await isActiveMember(octokit, roles.ack_team, request.login))) {
    throw new OperationError(
      `${request.login} is not an active member of ${roles.ack_team}: ${request.incident} is not acknowledged`,
    );
  }
  const outcome = await applier(store)((tx) =>
    acknowledgeIncident(tx, request.incident, {
      by: request.login,
      via: 'github-comment',
      ...(request.comment ? { comment: request.comment } : {}),
      actor: store.actor,
      now: options.now ?? (() => new Date()),
    }),
  );
  const ids = outcome.outcome === 'acknowledged' ? [request.incident] : [];
  const { warnings } = await anchorAfterOperations(store, ids, clients);
  return { incident: request.incident, by: request.login, ...outcome, warnings };
}
