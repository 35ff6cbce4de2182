// Standby through the real @aws-sdk/client-auto-scaling against the simulated account: which lifecycle
// state the instance is in afterwards, what the group's desired capacity is, and whether it launched a
// replacement — read from the sim's state and request log.

import { AutoScalingClient, EnterStandbyCommand } from '@aws-sdk/client-auto-scaling';
import { describe, expect, it } from 'vitest';
import { ActionFailure, dryRun, execute, undo, verify } from '../../src/connectors/action.js';
import {
  type StandbyParams,
  type StandbyRecord,
  standbyInstance,
} from '../../src/connectors/aws/autoscaling.js';
import type { AwsSim } from '../../src/sim/aws/index.js';
import { actionContract, MemoryJournal, within } from '../support/action-contract.js';
import { asAdmin } from '../support/aws-admin.js';
import { AWS_FAULTS, awsWorld } from '../support/aws-world.js';

const GROUP = 'orders-api';
const INSTANCE = 'i-0123456789abcdef0';
const PEERS = ['i-0123456789abcdef1', 'i-0123456789abcdef2'];
const LONER = 'i-0fedcba9876543210';

interface GroupSizes {
  readonly minSize: number;
  readonly maxSize: number;
}

function seedGroup(sim: AwsSim, { minSize, maxSize }: GroupSizes = { minSize: 1, maxSize: 4 }): void {
  sim.autoscaling.createGroup({
    name: GROUP,
    minSize,
    maxSize,
    desiredCapacity: 3,
    instanceIds: [INSTANCE, ...PEERS],
  });
}

/** The whole group: desired capacity, and each member's state (replacements by kind, their ids are random). */
function groupState(sim: AwsSim) {
  const group = sim.autoscaling.group(GROUP);
  return {
    desired: group?.desiredCapacity,
    instances: (group?.instances ?? []).map(
      (instance) =>
        `${instance.launchedAsReplacement ? 'replacement' : instance.instanceId}:${instance.lifecycleState}`,
    ),
  };
}

/** Only the seeded instances: what undo puts back even when the group launched a replacement meanwhile. */
function seededState(sim: AwsSim) {
  return [INSTANCE, ...PEERS].map((id) => `${id}:${sim.autoscaling.instance(id)?.lifecycleState}`);
}

const groupWorld = (sizes?: GroupSizes) => awsWorld((sim) => seedGroup(sim, sizes), groupState);

describe('aws:autoscaling.standby, lowering the desired capacity', () => {
  actionContract({
    action: standbyInstance,
    params: { instance_id: INSTANCE, decrement_desired_capacity: true },
    setup: () => groupWorld(),
    faults: AWS_FAULTS,
  });
});

describe('aws:autoscaling.standby, keeping the desired capacity (the default)', () => {
  actionContract({
    action: standbyInstance,
    params: { instance_id: INSTANCE },
    setup: () => awsWorld((sim) => seedGroup(sim), seededState),
    faults: AWS_FAULTS,
  });
});

describe('aws:autoscaling.standby', () => {
  it('moves the instance to Standby and lets the group launch a replacement, keeping its capacity', async () => {
    await within(groupWorld(), async (world) => {
      const outcome = await execute(
        standbyInstance,
        { instance_id: INSTANCE },
        world.context,
        new MemoryJournal(),
      );
      expect(outcome.state).toBe(`${INSTANCE} is InService in Auto Scaling group ${GROUP}`);
      expect(outcome.record).toEqual({
        instance_id: INSTANCE,
        group_name: GROUP,
        previous_state: 'InService',
        decremented: false,
      });
      expect(groupState(world.sim)).toEqual({
        desired: 3,
        instances: [
          `${INSTANCE}:Standby`,
          `${PEERS[0]}:InService`,
          `${PEERS[1]}:InService`,
          'replacement:InService',
        ],
      });
      const enter = world.sim.requests.filter((request) => request.action === 'EnterStandby');
      expect(enter).toHaveLength(1);
      expect(enter[0]?.params.get('AutoScalingGroupName')).toBe(GROUP);
      expect(enter[0]?.params.get('InstanceIds.member.1')).toBe(INSTANCE);
      expect(enter[0]?.params.get('ShouldDecrementDesiredCapacity')).toBe('false');
      expect(world.sim.requests.map((request) => request.action)).toEqual([
        'GetCallerIdentity',
        'DescribeAutoScalingInstances',
        'EnterStandby',
      ]);
      const held = await verify(standbyInstance, { instance_id: INSTANCE }, world.context, outcome.record);
      expect(held).toEqual({ ok: true, detail: `${INSTANCE} is Standby in Auto Scaling group ${GROUP}` });
    });
  });

  it('lowers the desired capacity instead when asked, launching nothing; undo raises it back', async () => {
    await within(groupWorld(), async (world) => {
      const params: StandbyParams = { instance_id: INSTANCE, decrement_desired_capacity: true };
      const outcome = await execute(standbyInstance, params, world.context, new MemoryJournal());
      expect(groupState(world.sim)).toEqual({
        desired: 2,
        instances: [`${INSTANCE}:Standby`, `${PEERS[0]}:InService`, `${PEERS[1]}:InService`],
      });
      await undo(standbyInstance, params, world.context, outcome.record);
      expect(groupState(world.sim)).toEqual({
        desired: 3,
        instances: [`${INSTANCE}:InService`, `${PEERS[0]}:InService`, `${PEERS[1]}:InService`],
      });
      expect(world.sim.mutatingRequests().map((request) => request.action)).toEqual([
        'EnterStandby',
        'ExitStandby',
      ]);
    });
  });

  it("stops naming Auto Scaling's refusal when lowering the capacity would go below MinSize", async () => {
    await within(groupWorld({ minSize: 3, maxSize: 4 }), async (world) => {
      const failure = await execute(
        standbyInstance,
        { instance_id: INSTANCE, decrement_desired_capacity: true },
        world.context,
        new MemoryJournal(),
      ).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ActionFailure);
      expect((failure as ActionFailure).message).toBe(
        `aws:autoscaling.standby: autoscaling:EnterStandby on ${INSTANCE}: ValidationError: AutoScalingGroup ` +
          `${GROUP} has min-size=3, max-size=4, and desired-size=3. To place into standby 1 instance, please ` +
          'update the AutoScalingGroup sizes appropriately.',
      );
      expect(groupState(world.sim).instances[0]).toBe(`${INSTANCE}:InService`);
    });
  });

  it('leaves an instance that is in no group alone, sending nothing that changes state', async () => {
    await within(groupWorld(), async (world) => {
      const planned = await dryRun(standbyInstance, { instance_id: LONER }, world.context);
      expect(planned.state).toBe(`${LONER} is in no Auto Scaling group`);
      expect(planned.calls).toEqual([]);
      const outcome = await execute(
        standbyInstance,
        { instance_id: LONER },
        world.context,
        new MemoryJournal(),
      );
      expect(outcome.changed).toBe(false);
      expect(outcome.record).toMatchObject({ group_name: null, previous_state: null });
      expect((await verify(standbyInstance, { instance_id: LONER }, world.context, outcome.record)).ok).toBe(
        true,
      );
      expect(world.sim.mutatingRequests()).toEqual([]);
      expect(groupState(world.sim).desired).toBe(3);
    });
  });

  it('does not fail on an instance not yet InService: it says so, and verify says the group may still replace it', async () => {
    await within(groupWorld(), async (world) => {
      world.sim.autoscaling.setLifecycleState(INSTANCE, 'Pending:Wait');
      const params = { instance_id: INSTANCE };
      const outcome = await execute(standbyInstance, params, world.context, new MemoryJournal());
      const state =
        `${INSTANCE} is Pending:Wait in Auto Scaling group ${GROUP}: it is not in service yet, and only ` +
        'an InService instance can enter Standby: run the step again once it is';
      expect(outcome).toMatchObject({ changed: false, state, calls: [] });
      expect(await verify(standbyInstance, params, world.context, outcome.record)).toEqual({
        ok: false,
        detail: state,
      });
      expect(world.sim.mutatingRequests()).toEqual([]);

      // Once in service, the same step moves it, and undo knows it was not this run's to end.
      world.sim.autoscaling.setLifecycleState(INSTANCE, 'InService');
      const later = await execute(standbyInstance, params, world.context, new MemoryJournal());
      expect(later.changed).toBe(true);
      expect(world.sim.autoscaling.instance(INSTANCE)?.lifecycleState).toBe('Standby');
    });
  });

  it('does not fail on an instance the group is terminating, and says the snapshots are the evidence left', async () => {
    await within(groupWorld(), async (world) => {
      world.sim.autoscaling.setLifecycleState(INSTANCE, 'Terminating:Wait');
      const params = { instance_id: INSTANCE };
      const outcome = await execute(standbyInstance, params, world.context, new MemoryJournal());
      expect(outcome.changed).toBe(false);
      expect(outcome.state).toBe(
        `${INSTANCE} is Terminating:Wait in Auto Scaling group ${GROUP}: the group is terminating it, and ` +
          'Standby can no longer stop that: snapshots are the evidence that stays',
      );
      expect((await verify(standbyInstance, params, world.context, outcome.record)).ok).toBe(false);
      const restored = await undo(standbyInstance, params, world.context, outcome.record);
      expect(restored.changed).toBe(false);
      expect(world.sim.mutatingRequests()).toEqual([]);
    });
  });

  it('takes an instance leaving its group as out of the group’s hands', async () => {
    await within(groupWorld(), async (world) => {
      world.sim.autoscaling.setLifecycleState(INSTANCE, 'Detaching');
      const params = { instance_id: INSTANCE };
      const outcome = await execute(standbyInstance, params, world.context, new MemoryJournal());
      expect(outcome.changed).toBe(false);
      expect(await verify(standbyInstance, params, world.context, outcome.record)).toEqual({
        ok: true,
        detail: `${INSTANCE} is Detaching in Auto Scaling group ${GROUP}: it is leaving the group, which will not replace it`,
      });
    });
  });

  it('keeps a Standby someone else set, and does not end it on undo', async () => {
    await within(groupWorld(), async (world) => {
      await asAdmin(world.sim, AutoScalingClient, (admin) =>
        admin.send(
          new EnterStandbyCommand({
            AutoScalingGroupName: GROUP,
            InstanceIds: [INSTANCE],
            ShouldDecrementDesiredCapacity: true,
          }),
        ),
      );
      const outcome = await execute(
        standbyInstance,
        { instance_id: INSTANCE },
        world.context,
        new MemoryJournal(),
      );
      expect(outcome.changed).toBe(false);
      expect(outcome.record.previous_state).toBe('Standby');
      const restored = await undo(standbyInstance, { instance_id: INSTANCE }, world.context, outcome.record);
      expect(restored.changed).toBe(false);
      expect(world.sim.autoscaling.instance(INSTANCE)?.lifecycleState).toBe('Standby');
      expect(world.sim.mutatingRequests().map((request) => request.action)).toEqual(['EnterStandby']);
    });
  });

  it('resumed after a refused EnterStandby, launches exactly one replacement', async () => {
    await within(groupWorld(), async (world) => {
      const journal = new MemoryJournal<StandbyRecord>();
      world.sim.failNext('EnterStandby', AWS_FAULTS.hard);
      await expect(
        execute(standbyInstance, { instance_id: INSTANCE }, world.context, journal),
      ).rejects.toThrow(`aws:autoscaling.standby: autoscaling:EnterStandby on ${INSTANCE}: AccessDenied`);
      expect(journal.prior).toMatchObject({ previous_state: 'InService', decremented: false });
      await execute(standbyInstance, { instance_id: INSTANCE }, world.context, journal);
      await execute(standbyInstance, { instance_id: INSTANCE }, world.context, journal);
      expect(groupState(world.sim)).toEqual({
        desired: 3,
        instances: [
          `${INSTANCE}:Standby`,
          `${PEERS[0]}:InService`,
          `${PEERS[1]}:InService`,
          'replacement:InService',
        ],
      });
    });
  });

  it('undo after keeping the capacity returns the instance and leaves the group one larger, as ExitStandby does', async () => {
    await within(groupWorld(), async (world) => {
      const outcome = await execute(
        standbyInstance,
        { instance_id: INSTANCE },
        world.context,
        new MemoryJournal(),
      );
      await undo(standbyInstance, { instance_id: INSTANCE }, world.context, outcome.record);
      expect(groupState(world.sim)).toEqual({
        desired: 4,
        instances: [
          `${INSTANCE}:InService`,
          `${PEERS[0]}:InService`,
          `${PEERS[1]}:InService`,
          'replacement:InService',
        ],
      });
    });
  });

  it('undo in a group already at MaxSize stops naming the refusal, and leaves the instance in Standby', async () => {
    await within(groupWorld({ minSize: 1, maxSize: 3 }), async (world) => {
      const outcome = await execute(
        standbyInstance,
        { instance_id: INSTANCE },
        world.context,
        new MemoryJournal(),
      );
      await expect(
        undo(standbyInstance, { instance_id: INSTANCE }, world.context, outcome.record),
      ).rejects.toThrow(
        `aws:autoscaling.standby: autoscaling:ExitStandby on ${INSTANCE}: ValidationError: AutoScalingGroup ` +
          `${GROUP} has min-size=1, max-size=3, and desired-size=3.`,
      );
      expect(world.sim.autoscaling.instance(INSTANCE)?.lifecycleState).toBe('Standby');
    });
  });
});
