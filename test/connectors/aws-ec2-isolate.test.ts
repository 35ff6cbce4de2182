// Isolating an instance through the real @aws-sdk/client-ec2 against the simulated account, read back
// from the sim: which groups each interface has, and what those groups let through.

import {
  AuthorizeSecurityGroupIngressCommand,
  EC2Client,
  ModifyNetworkInterfaceAttributeCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { dryRun, execute, undo, verify } from '../../src/connectors/action.js';
import {
  ISOLATION_GROUP_NAME,
  type IsolateInstanceRecord,
  isolateInstance,
  OPEN_GROUP_NAME,
} from '../../src/connectors/aws/ec2-isolate.js';
import type { AwsSim } from '../../src/sim/aws/index.js';
import { actionContract, MemoryJournal, within } from '../support/action-contract.js';
import { asAdmin } from '../support/aws-admin.js';
import { type AwsWorld, awsWorld, EC2_FAULTS } from '../support/aws-world.js';

const VPC = 'vpc-0a1b2c3d4e5f60718';
const INSTANCE = 'i-0abc1234def567890';
const OTHER = 'i-0fed9876cba543210';

function seed(sim: AwsSim): void {
  const web = sim.ec2.createSecurityGroup(VPC, 'web', 'web tier');
  const admin = sim.ec2.createSecurityGroup(VPC, 'admin-ssh', 'bastion access');
  sim.ec2.addInstance({
    instanceId: INSTANCE,
    vpcId: VPC,
    subnetId: 'subnet-0123456789abcdef0',
    networkInterfaces: [
      { networkInterfaceId: 'eni-0aaaaaaaaaaaaaaa1', groupIds: [web, admin] },
      { networkInterfaceId: 'eni-0aaaaaaaaaaaaaaa2', groupIds: [admin] },
    ],
    volumes: [{ volumeId: 'vol-0aaaaaaaaaaaaaaa1', deviceName: '/dev/xvda', deleteOnTermination: true }],
  });
  sim.ec2.addInstance({
    instanceId: OTHER,
    vpcId: VPC,
    subnetId: 'subnet-0123456789abcdef0',
    networkInterfaces: [{ networkInterfaceId: 'eni-0bbbbbbbbbbbbbbb1', groupIds: [web] }],
    volumes: [{ volumeId: 'vol-0bbbbbbbbbbbbbbb1', deviceName: '/dev/xvda', deleteOnTermination: true }],
  });
}

/** Each interface's groups by name, with the rules of each group it has: comparable across worlds. */
function interfaceState(sim: AwsSim, instanceId = INSTANCE) {
  const instance = sim.ec2.instance(instanceId);
  return (instance?.networkInterfaces ?? []).map((eni) => ({
    eni: eni.networkInterfaceId,
    groups: eni.groupIds.map((id) => {
      const group = sim.ec2.securityGroup(id);
      return { name: group?.groupName, ingress: group?.ingress.length, egress: group?.egress.length };
    }),
  }));
}

const world = () => awsWorld(seed, (sim) => interfaceState(sim));

/** Someone opens the isolation group to SSH from anywhere, after irac has put the instance in it. */
const openIsolationGroup = (w: AwsWorld) =>
  asAdmin(w.sim, EC2Client, (admin) =>
    admin.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: w.sim.ec2.findSecurityGroup(VPC, ISOLATION_GROUP_NAME)?.groupId,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      }),
    ),
  );

describe('aws:ec2.isolate_instance', () => {
  actionContract({
    action: isolateInstance,
    params: { instance_id: INSTANCE },
    setup: world,
    faults: EC2_FAULTS,
  });

  it('moves every interface to the all-traffic group first, then to the group without rules', async () => {
    await within(world(), async (w) => {
      const outcome = await execute(
        isolateInstance,
        { instance_id: INSTANCE },
        w.context,
        new MemoryJournal(),
      );
      const open = w.sim.ec2.findSecurityGroup(VPC, OPEN_GROUP_NAME);
      const isolation = w.sim.ec2.findSecurityGroup(VPC, ISOLATION_GROUP_NAME);
      const swaps = w.sim.requests
        .filter((request) => request.action === 'ModifyNetworkInterfaceAttribute')
        .map(
          (request) =>
            `${request.params.get('NetworkInterfaceId')} → ${request.params.get('SecurityGroupId.1')}`,
        );
      expect(swaps).toEqual([
        `eni-0aaaaaaaaaaaaaaa1 → ${open?.groupId}`,
        `eni-0aaaaaaaaaaaaaaa1 → ${isolation?.groupId}`,
        `eni-0aaaaaaaaaaaaaaa2 → ${open?.groupId}`,
        `eni-0aaaaaaaaaaaaaaa2 → ${isolation?.groupId}`,
      ]);
      // Untracked needs all traffic both ways, IPv4 and IPv6; isolation needs nothing at all.
      expect(open?.ingress.map((rule) => [rule.ipProtocol, rule.peer])).toEqual([
        ['-1', { cidrIp: '0.0.0.0/0' }],
        ['-1', { cidrIpv6: '::/0' }],
      ]);
      expect(open?.egress.map((rule) => [rule.ipProtocol, rule.peer])).toEqual([
        ['-1', { cidrIp: '0.0.0.0/0' }],
        ['-1', { cidrIpv6: '::/0' }],
      ]);
      expect(isolation).toMatchObject({ ingress: [], egress: [] });
      expect(w.sim.ec2.tags(isolation?.groupId ?? '').get('irac:created-by')).toBe('INC-20260314-0001');
      const web = w.sim.ec2.findSecurityGroup(VPC, 'web')?.groupId;
      const adminSsh = w.sim.ec2.findSecurityGroup(VPC, 'admin-ssh')?.groupId;
      expect(outcome.record).toEqual({
        instance_id: INSTANCE,
        vpc_id: VPC,
        interfaces: { 'eni-0aaaaaaaaaaaaaaa1': [web, adminSsh], 'eni-0aaaaaaaaaaaaaaa2': [adminSsh] },
      });
      expect(w.sim.ec2.instance(OTHER)?.networkInterfaces[0]?.groupIds).toEqual([web]);
    });
  });

  it("reuses the VPC's two groups for the next instance, and undo of one leaves the other isolated", async () => {
    await within(world(), async (w) => {
      const first = await execute(isolateInstance, { instance_id: INSTANCE }, w.context, new MemoryJournal());
      await execute(isolateInstance, { instance_id: OTHER }, w.context, new MemoryJournal());
      expect(w.sim.requests.filter((request) => request.action === 'CreateSecurityGroup')).toHaveLength(2);
      await undo(isolateInstance, { instance_id: INSTANCE }, w.context, first.record);
      expect(interfaceState(w.sim).map((eni) => eni.groups.map((group) => group.name))).toEqual([
        ['web', 'admin-ssh'],
        ['admin-ssh'],
      ]);
      expect(interfaceState(w.sim, OTHER)[0]?.groups.map((group) => group.name)).toEqual([
        ISOLATION_GROUP_NAME,
      ]);
    });
  });

  it('does not trust an isolation group someone has since opened: the run removes its rules, verify catches it', async () => {
    await within(world(), async (w) => {
      const outcome = await execute(
        isolateInstance,
        { instance_id: INSTANCE },
        w.context,
        new MemoryJournal(),
      );
      await openIsolationGroup(w);
      const check = await verify(isolateInstance, { instance_id: INSTANCE }, w.context, outcome.record);
      expect(check.ok).toBe(false);
      expect(check.detail).toContain(`${ISOLATION_GROUP_NAME} has rules`);
      await execute(isolateInstance, { instance_id: OTHER }, w.context, new MemoryJournal());
      expect(w.sim.ec2.findSecurityGroup(VPC, ISOLATION_GROUP_NAME)?.ingress).toEqual([]);
    });
  });

  it('closes an isolation group someone has opened since when run again for the same instance', async () => {
    await within(world(), async (w) => {
      const journal = new MemoryJournal<IsolateInstanceRecord>();
      const outcome = await execute(isolateInstance, { instance_id: INSTANCE }, w.context, journal);
      await openIsolationGroup(w);
      const again = await execute(isolateInstance, { instance_id: INSTANCE }, w.context, journal);
      expect(again.state).toContain(`${ISOLATION_GROUP_NAME} has rules`);
      expect(again.calls.map((call) => call.call)).toEqual(['ec2:RevokeSecurityGroupIngress']);
      expect(w.sim.ec2.findSecurityGroup(VPC, ISOLATION_GROUP_NAME)?.ingress).toEqual([]);
      const check = await verify(isolateInstance, { instance_id: INSTANCE }, w.context, outcome.record);
      expect(check.ok).toBe(true);
    });
  });

  it('undo leaves an interface someone has moved since where they put it', async () => {
    await within(world(), async (w) => {
      const outcome = await execute(
        isolateInstance,
        { instance_id: INSTANCE },
        w.context,
        new MemoryJournal(),
      );
      const forensics = w.sim.ec2.createSecurityGroup(VPC, 'forensics', 'responders only');
      await asAdmin(w.sim, EC2Client, (admin) =>
        admin.send(
          new ModifyNetworkInterfaceAttributeCommand({
            NetworkInterfaceId: 'eni-0aaaaaaaaaaaaaaa2',
            Groups: [forensics],
          }),
        ),
      );
      const restored = await undo(isolateInstance, { instance_id: INSTANCE }, w.context, outcome.record);
      expect(restored.calls.map((call) => call.target)).toEqual(['eni-0aaaaaaaaaaaaaaa1']);
      expect(interfaceState(w.sim).map((eni) => eni.groups.map((group) => group.name))).toEqual([
        ['web', 'admin-ssh'],
        ['forensics'],
      ]);
    });
  });

  it('undo never puts an interface back into the all-traffic group, even after a run that began half-way', async () => {
    await within(world(), async (w) => {
      // The first run dies after moving the first interface to the all-traffic group, and its journal is lost.
      w.failNext('ModifyNetworkInterfaceAttribute', EC2_FAULTS.hard, { skip: 1 });
      await expect(
        execute(isolateInstance, { instance_id: INSTANCE }, w.context, new MemoryJournal()),
      ).rejects.toThrow(/AccessDenied/);
      expect(interfaceState(w.sim)[0]?.groups.map((group) => group.name)).toEqual([OPEN_GROUP_NAME]);

      const second = await execute(
        isolateInstance,
        { instance_id: INSTANCE },
        w.context,
        new MemoryJournal(),
      );
      const open = w.sim.ec2.findSecurityGroup(VPC, OPEN_GROUP_NAME)?.groupId;
      expect(second.record.interfaces['eni-0aaaaaaaaaaaaaaa1']).toEqual([open]);

      await undo(isolateInstance, { instance_id: INSTANCE }, w.context, second.record);
      expect(interfaceState(w.sim).map((eni) => eni.groups.map((group) => group.name))).toEqual([
        [ISOLATION_GROUP_NAME],
        ['admin-ssh'],
      ]);
    });
  });

  it("names the instance and EC2's error when it does not exist, having changed nothing", async () => {
    await within(world(), async (w) => {
      await expect(
        dryRun(isolateInstance, { instance_id: 'i-0000000000000dead' }, w.context),
      ).rejects.toThrow(
        /aws:ec2\.isolate_instance: InvalidInstanceID\.NotFound: The instance ID 'i-0000000000000dead' does not exist/,
      );
      expect(w.sim.mutatingRequests()).toEqual([]);
    });
  });
});
