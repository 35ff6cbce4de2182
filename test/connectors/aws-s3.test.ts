// Closing a public bucket through the real @aws-sdk/client-s3 against the simulated account: what the
// bucket's Block Public Access configuration and exposure are afterwards, read from the sim's state.

import { PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { dryRun, execute, undo, verify } from '../../src/connectors/action.js';
import { blockPublicAccess } from '../../src/connectors/aws/s3.js';
import type { AwsSim } from '../../src/sim/aws/index.js';
import type { S3BucketSeed } from '../../src/sim/aws/s3.js';
import { actionContract, MemoryJournal, within } from '../support/action-contract.js';
import { asAdmin } from '../support/aws-admin.js';
import { ACCOUNT, awsWorld, REGION, S3_FAULTS } from '../support/aws-world.js';

const BUCKET = 'orders-exports';
const params = { bucket: BUCKET };

const bucketWorld = (seed: S3BucketSeed = { policyIsPublic: true }) =>
  awsWorld(
    (sim) => sim.s3.createBucket(BUCKET, seed),
    (sim) => {
      const bucket = sim.s3.bucket(BUCKET);
      return { settings: bucket?.publicAccessBlock, effectivelyPublic: bucket?.effectivelyPublic };
    },
  );

const s3Requests = (sim: AwsSim) =>
  sim.requests.filter((request) => request.action !== 'GetCallerIdentity').map((request) => request.action);

describe('aws:s3.block_public_access', () => {
  describe('on a bucket public through its policy, with no configuration', () => {
    actionContract({ action: blockPublicAccess, params, setup: () => bucketWorld(), faults: S3_FAULTS });
  });

  describe('on a bucket with some settings already on', () => {
    actionContract({
      action: blockPublicAccess,
      params,
      setup: () =>
        bucketWorld({
          policyIsPublic: true,
          publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true },
        }),
      faults: S3_FAULTS,
    });
  });

  it('turns all four settings on; the public policy stays as evidence but no longer opens the bucket', async () => {
    await within(bucketWorld(), async (world) => {
      const outcome = await execute(blockPublicAccess, params, world.context, new MemoryJournal());
      expect(outcome.state).toBe(`${BUCKET}: no Block Public Access configuration; bucket policy public`);
      expect(outcome.record).toEqual({ bucket: BUCKET, previous: null });
      expect(world.sim.s3.bucket(BUCKET)).toMatchObject({
        publicAccessBlock: {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: true,
          restrictPublicBuckets: true,
        },
        policyIsPublic: true,
        effectivelyPublic: false,
      });
      expect(s3Requests(world.sim)).toEqual([
        'GetPublicAccessBlock',
        'GetBucketPolicyStatus',
        'PutPublicAccessBlock',
      ]);
      const held = await verify(blockPublicAccess, params, world.context, outcome.record);
      expect(held).toEqual({
        ok: true,
        detail: `${BUCKET}: all four Block Public Access settings on; bucket policy public, restricted by RestrictPublicBuckets`,
      });
    });
  });

  it('names the event account as the expected owner on every call, so a same-named bucket elsewhere is refused', async () => {
    await within(bucketWorld(), async (world) => {
      await execute(blockPublicAccess, params, world.context, new MemoryJournal());
      const bucketCalls = world.sim.requests.filter((request) => request.params.has('Bucket'));
      expect(bucketCalls.map((request) => request.params.get('ExpectedBucketOwner'))).toEqual([
        ACCOUNT,
        ACCOUNT,
        ACCOUNT,
      ]);
    });

    const foreign = await awsWorld(
      (sim) => sim.s3.createBucket(BUCKET, { policyIsPublic: true, ownerAccountId: '210987654321' }),
      () => null,
    );
    await within(foreign, async (world) => {
      await expect(execute(blockPublicAccess, params, world.context, new MemoryJournal())).rejects.toThrow(
        'aws:s3.block_public_access: AccessDenied: Access Denied',
      );
      expect(
        world.sim.mutatingRequests().filter((request) => request.action !== 'GetCallerIdentity'),
      ).toEqual([]);
      expect(world.sim.s3.bucket(BUCKET)?.publicAccessBlock).toBeNull();
    });
  });

  it('records the settings the bucket had, and undo puts exactly those back rather than removing them', async () => {
    await within(
      await bucketWorld({ policyIsPublic: true, publicAccessBlock: { blockPublicPolicy: true } }),
      async (world) => {
        const outcome = await execute(blockPublicAccess, params, world.context, new MemoryJournal());
        expect(outcome.state).toBe(`${BUCKET}: only BlockPublicPolicy on; bucket policy public`);
        expect(outcome.record.previous).toEqual({
          BlockPublicAcls: false,
          IgnorePublicAcls: false,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: false,
        });
        const restored = await undo(blockPublicAccess, params, world.context, outcome.record);
        expect(restored.calls.map((call) => call.effect)).toEqual(['put back only BlockPublicPolicy on']);
        expect(world.sim.s3.bucket(BUCKET)).toMatchObject({
          publicAccessBlock: {
            blockPublicAcls: false,
            ignorePublicAcls: false,
            blockPublicPolicy: true,
            restrictPublicBuckets: false,
          },
          effectivelyPublic: true,
        });
      },
    );
  });

  it('undo removes the configuration when the bucket had none', async () => {
    await within(bucketWorld(), async (world) => {
      const outcome = await execute(blockPublicAccess, params, world.context, new MemoryJournal());
      await undo(blockPublicAccess, params, world.context, outcome.record);
      expect(world.sim.s3.bucket(BUCKET)?.publicAccessBlock).toBeNull();
      expect(world.sim.mutatingRequests().map((request) => request.action)).toContain(
        'DeletePublicAccessBlock',
      );
    });
  });

  it('undo leaves alone a configuration someone changed after the run', async () => {
    await within(bucketWorld(), async (world) => {
      const outcome = await execute(blockPublicAccess, params, world.context, new MemoryJournal());
      await asAdmin(world.sim, S3Client, (admin) =>
        admin.send(
          new PutPublicAccessBlockCommand({
            Bucket: BUCKET,
            PublicAccessBlockConfiguration: { BlockPublicPolicy: true, RestrictPublicBuckets: true },
          }),
        ),
      );
      const restored = await undo(blockPublicAccess, params, world.context, outcome.record);
      expect(restored.changed).toBe(false);
      expect(world.sim.s3.bucket(BUCKET)?.publicAccessBlock).toEqual({
        blockPublicAcls: false,
        ignorePublicAcls: false,
        blockPublicPolicy: true,
        restrictPublicBuckets: true,
      });
    });
  });

  it('finds a bucket already closed and changes nothing, even without a bucket policy', async () => {
    const seed = {
      publicAccessBlock: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: true,
      },
    };
    await within(bucketWorld(seed), async (world) => {
      const plan = await dryRun(blockPublicAccess, params, world.context);
      expect(plan.state).toBe(`${BUCKET}: all four Block Public Access settings on; no bucket policy`);
      expect(plan.calls).toEqual([]);
      const outcome = await execute(blockPublicAccess, params, world.context, new MemoryJournal());
      expect(outcome.changed).toBe(false);
      expect(
        world.sim.mutatingRequests().filter((request) => request.action !== 'GetCallerIdentity'),
      ).toEqual([]);
    });
  });

  it("names the bucket and S3's error when the bucket does not exist", async () => {
    await within(bucketWorld(), async (world) => {
      await expect(
        execute(blockPublicAccess, { bucket: 'orders-gone' }, world.context, new MemoryJournal()),
      ).rejects.toThrow('aws:s3.block_public_access: NoSuchBucket: The specified bucket does not exist');
    });
  });

  it('plans the reads and the one write a reviewer approves', () => {
    expect(blockPublicAccess.describe(params, { incidentId: 'INC-1', aws: { region: REGION } })).toEqual([
      {
        call: 's3:GetBucketPublicAccessBlock',
        target: BUCKET,
        effect: 'read the Block Public Access settings',
      },
      {
        call: 's3:GetBucketPolicyStatus',
        target: BUCKET,
        effect: 'read whether the bucket policy is public',
      },
      {
        call: 's3:PutBucketPublicAccessBlock',
        target: BUCKET,
        effect: 'all four Block Public Access settings on (policy and ACLs kept, no longer in effect)',
      },
    ]);
  });
});
