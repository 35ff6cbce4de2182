// The contract every connector action is held to, run against the loopback servers through the real SDK
// clients: a dry run sends nothing that changes state; execute twice changes things once; verify reads
// the effect back; undo puts the original state back; throttling and 5xx at any call are absorbed by the
// SDK's own retry; and a hard failure at any call leaves a journal from which a re-run finishes the work
// without doing anything twice — and undo still restores the original. Assertions are on the servers'
// state and request logs, never on mocks.

import { expect, it } from 'vitest';
import {
  type ActionContext,
  ActionFailure,
  type ApiCall,
  type ConnectorAction,
  dryRun,
  execute,
  type Journal,
  undo,
  verify,
} from '../../src/connectors/action.js';
import type { JsonValue } from '../../src/json.js';
import { shippedCatalogue } from '../../src/playbooks/catalogue.js';

export interface LoggedCall {
  readonly operation: string;
  readonly mutating: boolean;
}

/** One freshly seeded set of servers and the context an action runs with against them. */
export interface ContractWorld<F> {
  readonly context: ActionContext;
  /** The state the action touches, normalised (generated ids, times) so two worlds seeded alike compare equal. */
  state(): unknown;
  /** Every request the servers received so far, in order. */
  requests(): readonly LoggedCall[];
  /** The next request for `operation`, after `skip` more of them, fails with `fault`. */
  failNext(operation: string, fault: F, options: { skip: number }): void;
  close(): Promise<void>;
}

export interface ContractScenario<P, R extends JsonValue, F> {
  readonly action: ConnectorAction<P, R>;
  readonly params: P;
  setup(): Promise<ContractWorld<F>>;
  /** Faults in the protocol's own words: one the SDK retries as throttling, a 5xx, and a hard refusal. */
  readonly faults: { readonly throttle: F; readonly unavailable: F; readonly hard: F };
  /**
   * Whether a fresh run without the journal also finds the effect in place (true for state it can read
   * back, like a policy or a tag; false where the record is the only link, like a posted message).
   */
  readonly idempotentWithoutJournal?: boolean;
}

export class MemoryJournal<R> implements Journal<R> {
  prior: R | undefined;
  saves = 0;
  constructor(prior?: R) {
    this.prior = prior;
  }
  async save(record: R): Promise<void> {
    this.prior = structuredClone(record);
    this.saves += 1;
  }
}

/** Runs `run` against a world, closing its servers afterwards whether it passed or failed. */
export async function within<W extends { close(): Promise<void> }, T>(
  world: W | Promise<W>,
  run: (world: W) => Promise<T>,
): Promise<T> {
  const opened = await world;
  try {
    return await run(opened);
  } finally {
    await opened.close();
  }
}

const mutatingSince = (world: ContractWorld<unknown>, from: number): LoggedCall[] =>
  world
    .requests()
    .slice(from)
    .filter((request) => request.mutating);

/** Each request's operation with how many of the same operation came before it: where to aim a fault. */
function aims(calls: readonly LoggedCall[]): { operation: string; skip: number; mutating: boolean }[] {
  const seen = new Map<string, number>();
  return calls.map(({ operation, mutating }) => {
    const skip = seen.get(operation) ?? 0;
    seen.set(operation, skip + 1);
    return { operation, skip, mutating };
  });
}

/**
 * The calls that are not in the action's catalogue permissions: what `irac iam-policy` would leave out of
 * the containment role. Calls outside AWS are named for their API method, not a permission, and pass.
 */
function undeclared(actionName: string, calls: readonly ApiCall[]): string[] {
  const permissions = new Set(shippedCatalogue().get(actionName)?.permissions ?? []);
  return calls
    .map((call) => call.call)
    .filter((name) => actionName.startsWith('aws:') && !permissions.has(name));
}

/** Registers the contract's tests for one action and scenario inside the caller's `describe`. */
export function actionContract<P, R extends JsonValue, F>(scenario: ContractScenario<P, R, F>): void {
  const { action, params } = scenario;

  it('is in the catalogue, with every call it describes and makes covered by its declared permissions', async () => {
    const spec = shippedCatalogue().get(action.name);
    expect(spec?.runs).toBe(action.name);
    expect(action.undo === null).toBe(!spec?.reversible);
    await within(scenario.setup(), async (world) => {
      expect(undeclared(action.name, action.describe(params, world.context))).toEqual([]);
      const planned = await dryRun(action, params, world.context);
      expect(undeclared(action.name, planned.calls)).toEqual([]);
      const outcome = await execute(action, params, world.context, new MemoryJournal<R>());
      expect(undeclared(action.name, outcome.calls)).toEqual([]);
      if (action.undo) {
        const restored = await undo(action, params, world.context, outcome.record);
        expect(undeclared(action.name, restored.calls)).toEqual([]);
      }
    });
  });

  // The clean run every fault run is compared against.
  const cleanRun = async () =>
    within(scenario.setup(), async (world) => {
      const original = world.state();
      const from = world.requests().length;
      const journal = new MemoryJournal<R>();
      const outcome = await execute(action, params, world.context, journal);
      return {
        original,
        contained: world.state(),
        calls: world.requests().slice(from),
        record: outcome.record,
      };
    });

  it('dry-run reads the current state, lists the calls a live run would make, and sends no mutating request', async () => {
    await within(scenario.setup(), async (world) => {
      const before = world.state();
      const outcome = await dryRun(action, params, world.context);
      expect(outcome.changed).toBe(false);
      expect(outcome.calls.length).toBeGreaterThan(0);
      for (const call of outcome.calls) expect(call.call).toMatch(/^[a-z0-9-]+:[A-Za-z.]+$/);
      expect(world.requests().length).toBeGreaterThan(0);
      expect(mutatingSince(world, 0)).toEqual([]);
      expect(world.state()).toEqual(before);
      expect(action.describe(params, world.context).length).toBeGreaterThan(0);
    });
  });

  it('executes once: a second run with the journal changes nothing and sends no mutating request', async () => {
    await within(scenario.setup(), async (world) => {
      const before = world.state();
      const journal = new MemoryJournal<R>();
      const first = await execute(action, params, world.context, journal);
      expect(first.changed).toBe(true);
      expect(first.calls.length).toBeGreaterThan(0);
      expect(journal.saves).toBeGreaterThan(0);
      const contained = world.state();
      expect(contained).not.toEqual(before);

      const from = world.requests().length;
      const second = await execute(action, params, world.context, journal);
      expect(second.changed).toBe(false);
      expect(second.calls).toEqual([]);
      expect(mutatingSince(world, from)).toEqual([]);
      expect(world.state()).toEqual(contained);

      if (scenario.idempotentWithoutJournal ?? true) {
        const fresh = await execute(action, params, world.context, new MemoryJournal<R>());
        expect(fresh.changed).toBe(false);
        expect(world.state()).toEqual(contained);
      }
      const dry = await dryRun(action, params, world.context, journal.prior);
      expect(dry.calls).toEqual([]);
    });
  });

  it('verifies its effect by reading it back, and says so when the effect is missing', async () => {
    await within(scenario.setup(), async (world) => {
      const planned = await dryRun(action, params, world.context);
      const missing = await verify(action, params, world.context, planned.record);
      expect(missing.ok).toBe(false);
      expect(missing.detail).not.toBe('');
      const outcome = await execute(action, params, world.context, new MemoryJournal<R>());
      const held = await verify(action, params, world.context, outcome.record);
      expect(held).toMatchObject({ ok: true });
      expect(held.detail).not.toBe('');
    });
  });

  if (action.undo) {
    it('undo restores the original state; a second undo changes nothing', async () => {
      await within(scenario.setup(), async (world) => {
        const before = world.state();
        const outcome = await execute(action, params, world.context, new MemoryJournal<R>());
        const restored = await undo(action, params, world.context, outcome.record);
        expect(restored.changed).toBe(true);
        expect(world.state()).toEqual(before);
        const from = world.requests().length;
        const again = await undo(action, params, world.context, outcome.record);
        expect(again.changed).toBe(false);
        expect(mutatingSince(world, from)).toEqual([]);
        expect(world.state()).toEqual(before);
        expect((await verify(action, params, world.context, outcome.record)).ok).toBe(false);
      });
    });
  } else {
    it('declares itself irreversible', async () => {
      expect(action.undo).toBeNull();
      await within(scenario.setup(), async (world) => {
        const outcome = await execute(action, params, world.context, new MemoryJournal<R>());
        await expect(undo(action, params, world.context, outcome.record)).rejects.toThrow(/cannot be undone/);
      });
    });
  }

  it('throttling and 5xx at any call are retried by the SDK: the run ends as a clean run does', async () => {
    const clean = await cleanRun();
    for (const aim of aims(clean.calls)) {
      for (const fault of [scenario.faults.throttle, scenario.faults.unavailable]) {
        await within(scenario.setup(), async (world) => {
          world.failNext(aim.operation, fault, { skip: aim.skip });
          await execute(action, params, world.context, new MemoryJournal<R>());
          expect(world.state(), `${aim.operation} #${aim.skip + 1}`).toEqual(clean.contained);
        });
      }
    }
  });

  it('a hard failure at any call stops the run naming it; a re-run from the journal finishes without a double effect; undo restores', async () => {
    const clean = await cleanRun();
    for (const aim of aims(clean.calls)) {
      await within(scenario.setup(), async (world) => {
        const label = `${aim.operation} #${aim.skip + 1}`;
        const journal = new MemoryJournal<R>();
        world.failNext(aim.operation, scenario.faults.hard, { skip: aim.skip });
        const failure = await execute(action, params, world.context, journal).then(
          () => null,
          (error: unknown) => error,
        );
        expect(failure, label).toBeInstanceOf(ActionFailure);
        const { call } = failure as ActionFailure;
        if (aim.mutating) expect(call, label).not.toBeNull();
        const resumed = await execute(action, params, world.context, journal);
        expect(world.state(), label).toEqual(clean.contained);
        if (action.undo) {
          await undo(action, params, world.context, resumed.record);
          expect(world.state(), label).toEqual(clean.original);
        }
      });
    }
  });
}
