// Cutting an instance off from its role's credentials and keeping it from being destroyed, through the
// real @aws-sdk/client-ec2 against the simulated account: the metadata options, the instance profile and
// the termination attributes EC2 holds afterwards, read from the sim.

import {
  DisassociateIamInstanceProfileCommand,
  EC2Client,
  ModifyInstanceAttributeCommand,
  ModifyInstanceMetadataOptionsCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ActionFailure, dryRun, execute, undo, verify } from '../../src/connectors/action.js';
import {
  disableImds,
  protectInstance,
  replaceInstanceProfile,
} from '../../src/connectors/aws/ec2-instance.js';
import type { AwsSim } from '../../src/sim/aws/index.js';
import { actionContract, MemoryJournal, within } from '../support/action-contract.js';
import { asAdmin } from '../support/aws-admin.js';
import { ACCOUNT, type AwsWorld, awsWorld, EC2_FAULTS } from '../support/aws-world.js';

const VPC = 'vpc-0a1b2c3d4e5f60718';
const INSTANCE = 'i-0abc1234def567890';
const OTHER = 'i-0fed9876cba543210';
const SPOT = 'i-05b07ca5e5b07ca5e';
const WEB_PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/web-server`;
const QUARANTINE_PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/irac-quarantine`;
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

function seed(sim: AwsSim, options: { profile?: boolean; spot?: boolean } = {}): void {
  sim.iam.createRole('web-server', TRUST);
  sim.iam.createInstanceProfile('web-server', 'web-server');
  sim.iam.createRole('irac-quarantine', TRUST);
  sim.iam.createInstanceProfile('irac-quarantine', 'irac-quarantine');
  sim.ec2.addInstance({
    instanceId: INSTANCE,
    vpcId: VPC,
    subnetId: 'subnet-0123456789abcdef0',
    networkInterfaces: [{ networkInterfaceId: 'eni-0aaaaaaaaaaaaaaa1' }],
    volumes: [
      { volumeId: 'vol-0aaaaaaaaaaaaaaa1', deviceName: '/dev/xvda', deleteOnTermination: true },
      { volumeId: 'vol-0aaaaaaaaaaaaaaa2', deviceName: '/dev/sdf', deleteOnTermination: true },
    ],
    ...(options.profile === false ? {} : { iamInstanceProfileArn: WEB_PROFILE }),
    metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 },
    instanceInitiatedShutdownBehavior: 'terminate',
  });
  sim.ec2.addInstance({
    instanceId: OTHER,
    vpcId: VPC,
    subnetId: 'subnet-0123456789abcdef0',
    networkInterfaces: [{ networkInterfaceId: 'eni-0bbbbbbbbbbbbbbb1' }],
    volumes: [{ volumeId: 'vol-0bbbbbbbbbbbbbbb1', deviceName: '/dev/xvda', deleteOnTermination: true }],
    iamInstanceProfileArn: WEB_PROFILE,
    instanceInitiatedShutdownBehavior: 'terminate',
  });
  if (options.spot) {
    sim.ec2.addInstance({
      instanceId: SPOT,
      vpcId: VPC,
      subnetId: 'subnet-0123456789abcdef0',
      networkInterfaces: [{ networkInterfaceId: 'eni-0ccccccccccccccc1' }],
      volumes: [
        { volumeId: 'vol-0ccccccccccccccc1', deviceName: '/dev/xvda', deleteOnTermination: true },
        { volumeId: 'vol-0ccccccccccccccc2', deviceName: '/dev/sdf', deleteOnTermination: true },
      ],
      instanceInitiatedShutdownBehavior: 'terminate',
      instanceLifecycle: 'spot',
    });
  }
}

/** What the three actions touch, on both instances: the other one must never change. */
function instanceState(sim: AwsSim) {
  return [INSTANCE, OTHER].map((instanceId) => {
    const instance = sim.ec2.instance(instanceId);
    return {
      instanceId,
      metadata: instance?.metadataOptions,
      profile: instance?.iamInstanceProfileArn,
      termination: instance?.disableApiTermination,
      shutdown: instance?.instanceInitiatedShutdownBehavior,
      volumes: instance?.volumes.map((volume) => `${volume.deviceName}:${volume.deleteOnTermination}`),
    };
  });
}

const world = (options?: { profile?: boolean; spot?: boolean }) =>
  awsWorld((sim) => seed(sim, options), instanceState);

/** The Spot Instance's attributes, the ones protect_instance may change. */
function spotState(sim: AwsSim) {
  const instance = sim.ec2.instance(SPOT);
  return {
    termination: instance?.disableApiTermination,
    shutdown: instance?.instanceInitiatedShutdownBehavior,
    volumes: instance?.volumes.map((volume) => `${volume.deviceName}:${volume.deleteOnTermination}`),
  };
}

const spotWorld = () => awsWorld((sim) => seed(sim, { spot: true }), spotState);

const mutations = (w: AwsWorld) => w.sim.mutatingRequests().map((request) => request.action);

describe('aws:ec2.disable_imds', () => {
  actionContract({
    action: disableImds,
    params: { instance_id: INSTANCE },
    setup: () => world(),
    faults: EC2_FAULTS,
  });

  it('turns the metadata endpoint off, leaving tokens and hop limit, and records what it had', async () => {
    await within(world(), async (w) => {
      const outcome = await execute(disableImds, { instance_id: INSTANCE }, w.context, new MemoryJournal());
      expect(outcome.state).toBe(`${INSTANCE}: metadata endpoint enabled, tokens optional, hop limit 1`);
      expect(outcome.record).toEqual({
        instance_id: INSTANCE,
        http_endpoint: 'enabled',
        http_tokens: 'optional',
        http_put_response_hop_limit: 1,
      });
      expect(w.sim.ec2.instance(INSTANCE)?.metadataOptions).toMatchObject({
        httpEndpoint: 'disabled',
        httpTokens: 'optional',
        httpPutResponseHopLimit: 1,
      });
      expect(w.sim.ec2.instance(OTHER)?.metadataOptions.httpEndpoint).toBe('enabled');
      const modify = w.sim.requests.find((request) => request.action === 'ModifyInstanceMetadataOptions');
      expect(Object.fromEntries(modify?.params ?? [])).toMatchObject({
        InstanceId: INSTANCE,
        HttpEndpoint: 'disabled',
      });
      expect(modify?.params.has('HttpTokens')).toBe(false);
      expect(await verify(disableImds, { instance_id: INSTANCE }, w.context, outcome.record)).toEqual({
        ok: true,
        detail: `${INSTANCE}: metadata endpoint disabled, tokens optional, hop limit 1`,
      });
    });
  });

  it('undo turns the endpoint back on and keeps the IMDSv2 requirement and hop limit set since', async () => {
    await within(world(), async (w) => {
      const outcome = await execute(disableImds, { instance_id: INSTANCE }, w.context, new MemoryJournal());
      await asAdmin(w.sim, EC2Client, (admin) =>
        admin.send(
          new ModifyInstanceMetadataOptionsCommand({
            InstanceId: INSTANCE,
            HttpTokens: 'required',
            HttpPutResponseHopLimit: 3,
          }),
        ),
      );
      const restored = await undo(disableImds, { instance_id: INSTANCE }, w.context, outcome.record);
      expect(restored.calls.map((call) => call.effect)).toEqual([
        'metadata endpoint disabled → enabled, tokens kept required',
      ]);
      expect(w.sim.ec2.instance(INSTANCE)?.metadataOptions).toMatchObject({
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: 3,
      });
      // HttpTokens goes explicitly, as it is now; the hop limit is not sent at all.
      const modify = w.sim.requests
        .filter((request) => request.action === 'ModifyInstanceMetadataOptions')
        .at(-1);
      expect(Object.fromEntries(modify?.params ?? [])).toMatchObject({
        InstanceId: INSTANCE,
        HttpEndpoint: 'enabled',
        HttpTokens: 'required',
      });
      expect(modify?.params.has('HttpPutResponseHopLimit')).toBe(false);
    });
  });

  it('undo leaves an endpoint a responder has turned back on themselves', async () => {
    await within(world(), async (w) => {
      const outcome = await execute(disableImds, { instance_id: INSTANCE }, w.context, new MemoryJournal());
      await asAdmin(w.sim, EC2Client, (admin) =>
        admin.send(
          new ModifyInstanceMetadataOptionsCommand({
            InstanceId: INSTANCE,
            HttpEndpoint: 'enabled',
            HttpTokens: 'required',
          }),
        ),
      );
      const before = w.sim.mutatingRequests().length;
      const restored = await undo(disableImds, { instance_id: INSTANCE }, w.context, outcome.record);
      expect(restored.changed).toBe(false);
      expect(w.sim.mutatingRequests()).toHaveLength(before);
      expect(w.sim.ec2.instance(INSTANCE)?.metadataOptions.httpTokens).toBe('required');
    });
  });

  it('verifies only once EC2 reports the change applied, not while it is pending', async () => {
    await within(world(), async (w) => {
      w.sim.ec2.metadataOptionsPendingFor(1);
      const params = { instance_id: INSTANCE };
      const outcome = await execute(disableImds, params, w.context, new MemoryJournal());
      expect(await verify(disableImds, params, w.context, outcome.record)).toEqual({
        ok: false,
        detail: `${INSTANCE}: metadata endpoint disabled, tokens optional, hop limit 1 (change pending)`,
      });
      // A run while the change is pending sends nothing more.
      const again = await execute(disableImds, params, w.context, new MemoryJournal(outcome.record));
      expect(again.changed).toBe(false);
      expect(await verify(disableImds, params, w.context, outcome.record)).toEqual({
        ok: true,
        detail: `${INSTANCE}: metadata endpoint disabled, tokens optional, hop limit 1`,
      });
    });
  });

  it('finds an endpoint already off and changes nothing, now or on undo', async () => {
    await within(world(), async (w) => {
      await asAdmin(w.sim, EC2Client, (admin) =>
        admin.send(
          new ModifyInstanceMetadataOptionsCommand({ InstanceId: INSTANCE, HttpEndpoint: 'disabled' }),
        ),
      );
      const before = w.sim.mutatingRequests().length;
      const outcome = await execute(disableImds, { instance_id: INSTANCE }, w.context, new MemoryJournal());
      expect(outcome.changed).toBe(false);
      const restored = await undo(disableImds, { instance_id: INSTANCE }, w.context, outcome.record);
      expect(restored.changed).toBe(false);
      expect(w.sim.mutatingRequests()).toHaveLength(before);
    });
  });
});

describe('aws:ec2.replace_instance_profile', () => {
  describe('with a quarantine profile', () => {
    actionContract({
      action: replaceInstanceProfile,
      params: { instance_id: INSTANCE, quarantine_profile_arn: QUARANTINE_PROFILE },
      setup: () => world(),
      faults: EC2_FAULTS,
    });
  });

  describe('without one (the profile is removed)', () => {
    actionContract({
      action: replaceInstanceProfile,
      params: { instance_id: INSTANCE },
      setup: () => world(),
      faults: EC2_FAULTS,
    });
  });

  it('replaces the role-bearing profile with the quarantine profile; undo brings the role back', async () => {
    await within(world(), async (w) => {
      const params = { instance_id: INSTANCE, quarantine_profile_arn: QUARANTINE_PROFILE };
      const before = w.sim.ec2.instance(INSTANCE)?.iamInstanceProfileAssociationId;
      const outcome = await execute(replaceInstanceProfile, params, w.context, new MemoryJournal());
      expect(outcome.state).toBe(`${INSTANCE}: instance profile ${WEB_PROFILE} (${before})`);
      expect(outcome.record).toEqual({
        instance_id: INSTANCE,
        previous_profile_arn: WEB_PROFILE,
        target_profile_arn: QUARANTINE_PROFILE,
      });
      expect(mutations(w)).toEqual(['ReplaceIamInstanceProfileAssociation']);
      expect(w.sim.ec2.instance(INSTANCE)?.iamInstanceProfileArn).toBe(QUARANTINE_PROFILE);
      expect(w.sim.ec2.instance(OTHER)?.iamInstanceProfileArn).toBe(WEB_PROFILE);
      expect((await verify(replaceInstanceProfile, params, w.context, outcome.record)).ok).toBe(true);

      await undo(replaceInstanceProfile, params, w.context, outcome.record);
      expect(w.sim.ec2.instance(INSTANCE)?.iamInstanceProfileArn).toBe(WEB_PROFILE);
      expect(mutations(w)).toEqual([
        'ReplaceIamInstanceProfileAssociation',
        'ReplaceIamInstanceProfileAssociation',
      ]);
    });
  });

  it('associates the quarantine profile with an instance that had none; undo removes it again', async () => {
    await within(world({ profile: false }), async (w) => {
      const params = { instance_id: INSTANCE, quarantine_profile_arn: QUARANTINE_PROFILE };
      const outcome = await execute(replaceInstanceProfile, params, w.context, new MemoryJournal());
      expect(outcome.state).toBe(`${INSTANCE}: no instance profile`);
      expect(mutations(w)).toEqual(['AssociateIamInstanceProfile']);
      expect(w.sim.ec2.instance(INSTANCE)?.iamInstanceProfileArn).toBe(QUARANTINE_PROFILE);
      await undo(replaceInstanceProfile, params, w.context, outcome.record);
      expect(mutations(w)).toEqual(['AssociateIamInstanceProfile', 'DisassociateIamInstanceProfile']);
      expect(w.sim.ec2.instance(INSTANCE)?.iamInstanceProfileArn).toBeNull();
    });
  });

  it('undo leaves alone an instance whose quarantine profile a responder has removed since', async () => {
    await within(world(), async (w) => {
      const params = { instance_id: INSTANCE, quarantine_profile_arn: QUARANTINE_PROFILE };
      const outcome = await execute(replaceInstanceProfile, params, w.context, new MemoryJournal());
      await asAdmin(w.sim, EC2Client, (admin) =>
        admin.send(
          new DisassociateIamInstanceProfileCommand({
            AssociationId: w.sim.ec2.instance(INSTANCE)?.iamInstanceProfileAssociationId ?? undefined,
          }),
        ),
      );
      const restored = await undo(replaceInstanceProfile, params, w.context, outcome.record);
      expect(restored.changed).toBe(false);
      expect(w.sim.ec2.instance(INSTANCE)?.iamInstanceProfileArn).toBeNull();
    });
  });

  it("stops on a quarantine profile IAM does not hold, in EC2's words, having changed nothing", async () => {
    await within(world(), async (w) => {
      const missing = `arn:aws:iam::${ACCOUNT}:instance-profile/never-created`;
      const params = { instance_id: INSTANCE, quarantine_profile_arn: missing };
      const plan = await dryRun(replaceInstanceProfile, params, w.context);
      expect(plan.calls.map((call) => call.call)).toEqual(['ec2:ReplaceIamInstanceProfileAssociation']);
      const failure = await execute(replaceInstanceProfile, params, w.context, new MemoryJournal()).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ActionFailure);
      expect((failure as ActionFailure).call?.call).toBe('ec2:ReplaceIamInstanceProfileAssociation');
      expect((failure as ActionFailure).reason).toBe(
        `InvalidParameterValue: Value (${missing}) for parameter iamInstanceProfile.arn is invalid. ` +
          'Invalid IAM Instance Profile ARN',
      );
      expect(w.sim.ec2.instance(INSTANCE)?.iamInstanceProfileArn).toBe(WEB_PROFILE);
    });
  });
});

describe('aws:ec2.protect_instance', () => {
  actionContract({
    action: protectInstance,
    params: { instance_id: INSTANCE },
    setup: () => world(),
    faults: EC2_FAULTS,
  });

  describe('on a Spot Instance', () => {
    actionContract({
      action: protectInstance,
      params: { instance_id: SPOT },
      setup: spotWorld,
      faults: EC2_FAULTS,
    });
  });

  it('keeps the volumes of a Spot Instance and asks for no termination protection, which EC2 refuses', async () => {
    await within(spotWorld(), async (w) => {
      const params = { instance_id: SPOT };
      const outcome = await execute(protectInstance, params, w.context, new MemoryJournal());
      expect(outcome.state).toBe(
        `${SPOT}: Spot Instance (EC2 allows it no termination protection), shutdown terminate, ` +
          'volumes on termination: /dev/xvda deleted, /dev/sdf deleted',
      );
      expect(outcome.record).toMatchObject({ instance_id: SPOT, spot: true, disable_api_termination: false });
      expect(spotState(w.sim)).toEqual({
        termination: false,
        shutdown: 'stop',
        volumes: ['/dev/xvda:false', '/dev/sdf:false'],
      });
      const modifications = w.sim.requests.filter((request) => request.action === 'ModifyInstanceAttribute');
      expect(modifications.some((request) => request.params.has('DisableApiTermination.Value'))).toBe(false);
      expect(modifications.every((request) => request.errorCode === null)).toBe(true);
      expect(await verify(protectInstance, params, w.context, outcome.record)).toMatchObject({ ok: true });
    });
  });

  it('turns termination protection on, shutdown to stop, and keeps every volume on termination', async () => {
    await within(world(), async (w) => {
      const outcome = await execute(
        protectInstance,
        { instance_id: INSTANCE },
        w.context,
        new MemoryJournal(),
      );
      expect(outcome.state).toBe(
        `${INSTANCE}: termination protection off, shutdown terminate, ` +
          'volumes on termination: /dev/xvda deleted, /dev/sdf deleted',
      );
      expect(outcome.record).toEqual({
        instance_id: INSTANCE,
        spot: false,
        disable_api_termination: false,
        shutdown_behavior: 'terminate',
        delete_on_termination: { '/dev/xvda': true, '/dev/sdf': true },
      });
      expect(instanceState(w.sim)).toEqual([
        expect.objectContaining({
          termination: true,
          shutdown: 'stop',
          volumes: ['/dev/xvda:false', '/dev/sdf:false'],
        }),
        expect.objectContaining({ termination: false, shutdown: 'terminate', volumes: ['/dev/xvda:true'] }),
      ]);
      // One attribute per ModifyInstanceAttribute call, as EC2 requires; both volumes in the last.
      const modifications = w.sim.requests.filter((request) => request.action === 'ModifyInstanceAttribute');
      expect(
        modifications.map((request) => [...request.params.keys()].filter((key) => key !== 'Action')),
      ).toEqual([
        ['Version', 'InstanceId', 'DisableApiTermination.Value'],
        ['Version', 'InstanceId', 'InstanceInitiatedShutdownBehavior.Value'],
        [
          'Version',
          'InstanceId',
          'BlockDeviceMapping.1.DeviceName',
          'BlockDeviceMapping.1.Ebs.DeleteOnTermination',
          'BlockDeviceMapping.2.DeviceName',
          'BlockDeviceMapping.2.Ebs.DeleteOnTermination',
        ],
      ]);
    });
  });

  it('changes only what is not yet protected, and undo restores only that', async () => {
    await within(world(), async (w) => {
      await asAdmin(w.sim, EC2Client, async (admin) => {
        await admin.send(
          new ModifyInstanceAttributeCommand({
            InstanceId: INSTANCE,
            DisableApiTermination: { Value: true },
          }),
        );
        await admin.send(
          new ModifyInstanceAttributeCommand({
            InstanceId: INSTANCE,
            BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: false } }],
          }),
        );
      });
      const from = w.sim.requests.length;
      const outcome = await execute(
        protectInstance,
        { instance_id: INSTANCE },
        w.context,
        new MemoryJournal(),
      );
      const sent = w.sim.requests.slice(from).filter((request) => request.mutating);
      expect(
        sent.map(
          (request) =>
            request.params.get('InstanceInitiatedShutdownBehavior.Value') ??
            request.params.get('BlockDeviceMapping.1.DeviceName'),
        ),
      ).toEqual(['stop', '/dev/sdf']);
      await undo(protectInstance, { instance_id: INSTANCE }, w.context, outcome.record);
      expect(w.sim.ec2.instance(INSTANCE)).toMatchObject({
        disableApiTermination: true,
        instanceInitiatedShutdownBehavior: 'terminate',
        volumes: [
          expect.objectContaining({ deviceName: '/dev/xvda', deleteOnTermination: false }),
          expect.objectContaining({ deviceName: '/dev/sdf', deleteOnTermination: true }),
        ],
      });
    });
  });
});
