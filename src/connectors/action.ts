// The shape every connector action has — AWS containment, Slack, GitHub, Jira alike — and the one
// runner that drives it. An action never changes anything blind: `inspect` reads the current state and
// returns the changes still needed (none when the effect is already in place, which is what makes a
// second run a no-op), together with the record of what those changes will overwrite. The runner
// journals that record before the first change, so a run that dies halfway can be resumed — and undone
// — from what it wrote down rather than from what the world looks like after the crash.
//
// A dry run is `inspect` alone: the same reads, the same list of changes, nothing sent.

import type { JsonValue } from '../json.js';
import type { AwsTarget, Clients } from './clients.js';
import { redactSecrets } from './redact.js';

/** One API call an action makes, as a reviewer reads it in the plan. */
export interface ApiCall {
  /** `ec2:ModifyNetworkInterfaceAttribute`: the IAM action name, which is also what CloudTrail logs. */
  readonly call: string;
  /** What it acts on: an id, a name, an ARN, a channel. */
  readonly target: string;
  /** What it does there, in a few words: `groups sg-1, sg-2 → irac-isolation`. */
  readonly effect: string;
}

/** A change still to make. `apply` may return the record updated with what the change produced. */
export interface Mutation<R> extends ApiCall {
  readonly apply: () => Promise<R | undefined>;
}

export interface Inspection<R> {
  /** The current state, in one line, for the plan and the ledger. */
  readonly state: string;
  /**
   * What this run changes and undo must restore (the prior values it overwrites, the ids it creates).
   * Journaled before the first mutation; given back as `prior` to a resumed run.
   */
  readonly record: R;
  /** The changes still needed, in order; empty when the effect is already in place. */
  readonly mutations: readonly Mutation<R>[];
}

export interface Verification {
  readonly ok: boolean;
  /** What was read back: `eni-1: [sg-isolation]; eni-2: [sg-isolation]`. */
  readonly detail: string;
}

/** Where and for what an action runs. */
export interface ActionContext {
  readonly incidentId: string;
  /** The region and account the event's resource lives in (AWS actions). */
  readonly aws: AwsTarget;
  readonly clients: Clients;
  /** The clock, injected so a record (a revocation cutoff) is reproducible in tests. */
  readonly now: () => Date;
  /** Links a notification carries: the incident's file and the workflow run. */
  readonly links?: { readonly incident?: string; readonly run?: string };
  /** The incident's threads as incident.yaml keeps them when the step runs: channel → first message. */
  readonly threads?: Readonly<Record<string, string>>;
}

/** What `describe` may know: no clients, no I/O. */
export type DescribeContext = Pick<ActionContext, 'incidentId' | 'aws'>;

/**
 * A connector action. `P` is its parameters as the catalogue's schema validated them and the plan
 * resolved them; `R` the JSON record it keeps for resume and undo.
 */
export interface ConnectorAction<P, R extends JsonValue> {
  /** The catalogue's name: `aws:ec2.isolate_instance`. */
  readonly name: string;
  /** The calls a live run makes, with concrete targets, for the plan a reviewer approves. Pure. */
  describe(params: P, context: DescribeContext): ApiCall[];
  /** Reads the current state (never changes it) and returns the changes still needed. */
  inspect(params: P, context: ActionContext, prior: R | undefined): Promise<Inspection<R>>;
  /** Reads back and confirms the effect a run with this record was meant to have. */
  verify(params: P, context: ActionContext, record: R): Promise<Verification>;
  /**
   * The changes that restore what the record says this run changed (none once restored), or null for an
   * irreversible action (the catalogue says `reversible: false` too; a test holds them equal).
   */
  readonly undo: ((params: P, context: ActionContext, record: R) => Promise<Inspection<R>>) | null;
  /**
   * The threads a run with this record started, for incident.yaml `notifications` (channel → the thread's
   * first message), so that every later message about the incident goes to the same thread.
   */
  readonly threadsOf?: (record: R) => Readonly<Record<string, string>>;
}

/** Where a run writes its record down before changing anything; the ledger in a real run. */
export interface Journal<R> {
  /** The record an earlier, interrupted run of the same step saved; undefined on a first run. */
  readonly prior: R | undefined;
  save(record: R): Promise<void>;
  /** Aborted once the step has run past its timeout: no further change is sent. */
  readonly signal?: AbortSignal;
}

export interface Outcome<R> {
  /** Whether anything was changed; false for a dry run and for a run that found the effect in place. */
  readonly changed: boolean;
  /** The state before this run, as `inspect` saw it. */
  readonly state: string;
  readonly record: R;
  /** The calls that were made (live) or would be made (dry run). */
  readonly calls: readonly ApiCall[];
}

/** An action that failed: which action, at which call, and the service's error with secrets removed. */
export class ActionFailure extends Error {
  override readonly name = 'ActionFailure';
  constructor(
    readonly action: string,
    readonly call: ApiCall | null,
    readonly reason: string,
    /** The record journaled before the failure, for a resumed run and for undo. */
    readonly record: JsonValue | undefined,
  ) {
    super(`${action}: ${call ? `${call.call} on ${call.target}: ` : ''}${reason}`);
  }
}

/** The service's own words for a failure: `InvalidGroup.NotFound: The security group … does not exist`. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const name = typeof code === 'string' && code !== '' ? code : error.name;
    const text =
      name && name !== 'Error' && !error.message.startsWith(name)
        ? `${name}: ${error.message}`
        : error.message;
    return redactSecrets(text);
  }
  return redactSecrets(String(error));
}

const call = ({ call, target, effect }: ApiCall): ApiCall => ({ call, target, effect });

async function applyAll<R extends JsonValue>(
  name: string,
  inspection: Inspection<R>,
  journal: Journal<R> | null,
): Promise<Outcome<R>> {
  let record = inspection.record;
  if (inspection.mutations.length === 0) {
    return { changed: false, state: inspection.state, record, calls: [] };
  }
  await journal?.save(record);
  const calls: ApiCall[] = [];
  for (const mutation of inspection.mutations) {
    if (journal?.signal?.aborted) {
      throw new ActionFailure(name, call(mutation), 'not sent: the step ran past its timeout', record);
    }
    let updated: R | undefined;
    try {
      updated = await mutation.apply();
    } catch (error) {
      throw new ActionFailure(name, call(mutation), reasonOf(error), record);
    }
    calls.push(call(mutation));
    if (updated !== undefined) {
      record = updated;
      await journal?.save(record);
    }
  }
  return { changed: true, state: inspection.state, record, calls };
}

async function inspected<R>(
  name: string,
  context: ActionContext,
  reading: () => Promise<Inspection<R>>,
  prior: unknown,
): Promise<Inspection<R>> {
  try {
    // No credentials, no token: said in those words, before the service's SDK is loaded to find it out.
    await context.clients.available(name);
    return await reading();
  } catch (error) {
    if (error instanceof ActionFailure) throw error;
    throw new ActionFailure(name, null, reasonOf(error), prior as JsonValue | undefined);
  }
}

/** Reads, and lists what a live run would change. Sends nothing that changes state. */
export async function dryRun<P, R extends JsonValue>(
  action: ConnectorAction<P, R>,
  params: P,
  context: ActionContext,
  prior?: R,
): Promise<Outcome<R>> {
  const inspection = await inspected(
    action.name,
    context,
    () => action.inspect(params, context, prior),
    prior,
  );
  return {
    changed: false,
    state: inspection.state,
    record: inspection.record,
    calls: inspection.mutations.map(call),
  };
}

/**
 * Makes the changes still needed, journaling the record first. Idempotent: a run that finds the effect in
 * place changes nothing; a run given an interrupted run's record finishes its work.
 */
export async function execute<P, R extends JsonValue>(
  action: ConnectorAction<P, R>,
  params: P,
  context: ActionContext,
  journal: Journal<R>,
): Promise<Outcome<R>> {
  const inspection = await inspected(
    action.name,
    context,
    () => action.inspect(params, context, journal.prior),
    journal.prior,
  );
  return applyAll(action.name, inspection, journal);
}

export async function verify<P, R extends JsonValue>(
  action: ConnectorAction<P, R>,
  params: P,
  context: ActionContext,
  record: R,
): Promise<Verification> {
  try {
    return await action.verify(params, context, record);
  } catch (error) {
    return { ok: false, detail: `could not read back: ${reasonOf(error)}` };
  }
}

/** Restores what a run recorded; a second undo finds nothing to restore. */
export async function undo<P, R extends JsonValue>(
  action: ConnectorAction<P, R>,
  params: P,
  context: ActionContext,
  record: R,
): Promise<Outcome<R>> {
  const restore = action.undo;
  if (!restore) throw new ActionFailure(action.name, null, 'this action cannot be undone', record);
  const inspection = await inspected(action.name, context, () => restore(params, context, record), record);
  return applyAll(action.name, inspection, null);
}
