// Evidence before containment: snapshots of every volume tagged with the incident, and tags that mark the
// instance as under investigation — through the real @aws-sdk/client-ec2, read back from the sim.

import { CreateSnapshotsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { execute, undo, verify } from '../../src/connectors/action.js';
import { INCIDENT_TAG, snapshotInstance, tagResource } from '../../src/connectors/aws/ec2-evidence.js';
import type { AwsSim } from '../../src/sim/aws/index.js';
import { actionContract, MemoryJournal, within } from '../support/action-contract.js';
import { asAdmin } from '../support/aws-admin.js';
import { awsWorld, EC2_FAULTS, INCIDENT } from '../support/aws-world.js';

const INSTANCE = 'i-0abc1234def567890';
const BOOT = 'vol-0aaaaaaaaaaaaaaa1';
const DATA = 'vol-0aaaaaaaaaaaaaaa2';

function seed(sim: AwsSim): void {
  sim.ec2.addInstance({
    instanceId: INSTANCE,
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    subnetId: 'subnet-0123456789abcdef0',
    networkInterfaces: [{ networkInterfaceId: 'eni-0aaaaaaaaaaaaaaa1' }],
    volumes: [
      { volumeId: 'vol-0aaaaaaaaaaaaaaa1', deviceName: '/dev/xvda', deleteOnTermination: true },
      { volumeId: 'vol-0aaaaaaaaaaaaaaa2', deviceName: '/dev/xvdf', deleteOnTermination: false },
    ],
    tags: { Name: 'payments-api-3', 'irac:status': 'healthy' },
  });
}

/** Snapshots by volume with their incident tag: generated snapshot ids differ between worlds. */
const snapshotState = (sim: AwsSim) =>
  sim.ec2
    .snapshots()
    .map(
      (snapshot) =>
        `${snapshot.volumeId} ${snapshot.tags.get(INCIDENT_TAG)} ${snapshot.tags.get('irac:instance')}`,
    )
    .sort();

describe('aws:ec2.snapshot_instance', () => {
  actionContract({
    action: snapshotInstance,
    params: { instance_id: INSTANCE },
    setup: () => awsWorld(seed, snapshotState),
    faults: EC2_FAULTS,
  });

  it('snapshots every attached volume in one crash-consistent call, tagged with the incident', async () => {
    await within(awsWorld(seed, snapshotState), async (world) => {
      const outcome = await execute(
        snapshotInstance,
        { instance_id: INSTANCE },
        world.context,
        new MemoryJournal(),
      );
      expect(world.sim.requests.filter((request) => request.action === 'CreateSnapshots')).toHaveLength(1);
      expect(snapshotState(world.sim)).toEqual([
        `vol-0aaaaaaaaaaaaaaa1 ${INCIDENT} ${INSTANCE}`,
        `vol-0aaaaaaaaaaaaaaa2 ${INCIDENT} ${INSTANCE}`,
      ]);
      const ids = Object.fromEntries(
        world.sim.ec2.snapshots().map((snapshot) => [snapshot.volumeId, snapshot.snapshotId]),
      );
      expect(outcome.record).toEqual({ instance_id: INSTANCE, snapshots: ids });
      expect(world.sim.ec2.snapshots()[0]?.description).toBe(`irac ${INCIDENT}: evidence of ${INSTANCE}`);
    });
  });

  it('takes only the volumes still missing when a snapshot of this incident already exists', async () => {
    await within(awsWorld(seed, snapshotState), async (world) => {
      await asAdmin(world.sim, EC2Client, (admin) =>
        admin.send(
          new CreateSnapshotsCommand({
            InstanceSpecification: { InstanceId: INSTANCE, ExcludeBootVolume: true },
            TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: INCIDENT_TAG, Value: INCIDENT }] }],
          }),
        ),
      );
      await execute(snapshotInstance, { instance_id: INSTANCE }, world.context, new MemoryJournal());
      expect(
        world.sim.ec2
          .snapshots()
          .map((snapshot) => snapshot.volumeId)
          .sort(),
      ).toEqual(['vol-0aaaaaaaaaaaaaaa1', 'vol-0aaaaaaaaaaaaaaa2']);
    });
  });

  it('takes a volume again whose snapshot failed, and verify never counts the failed one', async () => {
    await within(awsWorld(seed, snapshotState), async (world) => {
      const params = { instance_id: INSTANCE };
      const first = await execute(snapshotInstance, params, world.context, new MemoryJournal());
      const failed = first.record.snapshots[DATA] as string;
      world.sim.ec2.failSnapshot(failed);
      const check = await verify(snapshotInstance, params, world.context, first.record);
      expect(check).toEqual({
        ok: false,
        detail: `no good ${INCIDENT} snapshot recorded for ${DATA} (failed: ${failed})`,
      });

      const second = await execute(snapshotInstance, params, world.context, new MemoryJournal(first.record));
      expect(second.state).toBe(`${INSTANCE}: ${BOOT} → ${first.record.snapshots[BOOT]}`);
      // Only the data volume, in one call that leaves the boot volume's good snapshot alone.
      const retaken = world.sim.requests.filter((request) => request.action === 'CreateSnapshots').at(-1);
      expect(retaken?.params.get('InstanceSpecification.ExcludeBootVolume')).toBe('true');
      const fresh = world.sim.ec2
        .snapshots()
        .find((snapshot) => snapshot.volumeId === DATA && snapshot.status === 'completed');
      expect(second.record.snapshots).toEqual({
        [BOOT]: first.record.snapshots[BOOT],
        [DATA]: fresh?.snapshotId,
      });
      expect(await verify(snapshotInstance, params, world.context, second.record)).toMatchObject({
        ok: true,
      });
    });
  });

  it('verifies a recorded snapshot listed after another snapshot of the same volume for this incident', async () => {
    await within(awsWorld(seed, snapshotState), async (world) => {
      const params = { instance_id: INSTANCE };
      await execute(snapshotInstance, params, world.context, new MemoryJournal());
      // A retried CreateSnapshots took the volumes a second time; the journal recorded the second answer.
      const retried = await asAdmin(world.sim, EC2Client, (admin) =>
        admin.send(
          new CreateSnapshotsCommand({
            InstanceSpecification: { InstanceId: INSTANCE },
            TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: INCIDENT_TAG, Value: INCIDENT }] }],
          }),
        ),
      );
      const snapshots = Object.fromEntries(
        (retried.Snapshots ?? []).map((snapshot) => [snapshot.VolumeId, snapshot.SnapshotId]),
      );
      expect(
        await verify(snapshotInstance, params, world.context, { instance_id: INSTANCE, snapshots }),
      ).toEqual({
        ok: true,
        detail: `${INSTANCE}: ${BOOT} → ${snapshots[BOOT]}, ${DATA} → ${snapshots[DATA]}`,
      });
    });
  });
});

const tagState = (sim: AwsSim) => Object.fromEntries(sim.ec2.tags(INSTANCE));
const TAGS = { 'irac:incident': INCIDENT, 'irac:status': 'under-investigation' };

describe('aws:ec2.tag_resource', () => {
  actionContract({
    action: tagResource,
    params: { resource_id: INSTANCE, tags: TAGS },
    setup: () => awsWorld(seed, tagState),
    faults: EC2_FAULTS,
  });

  it('sets the tags, records what they were, and undo puts back the old value and removes the new tag', async () => {
    await within(awsWorld(seed, tagState), async (world) => {
      const outcome = await execute(
        tagResource,
        { resource_id: INSTANCE, tags: TAGS },
        world.context,
        new MemoryJournal(),
      );
      expect(tagState(world.sim)).toEqual({ Name: 'payments-api-3', ...TAGS });
      expect(outcome.record).toEqual({
        resource_id: INSTANCE,
        previous: { 'irac:incident': null, 'irac:status': 'healthy' },
      });
      await undo(tagResource, { resource_id: INSTANCE, tags: TAGS }, world.context, outcome.record);
      expect(tagState(world.sim)).toEqual({ Name: 'payments-api-3', 'irac:status': 'healthy' });
    });
  });
});
