// Denying an address at the network ACL of an instance's subnet, through the real @aws-sdk/client-ec2
// against the simulated account: the entries the ACL holds afterwards, in the order EC2 evaluates them.
// The addresses are Internet addresses: the documentation ranges (203.0.113.0/24, 2001:db8::/32) are
// reserved, and block_ip refuses them as it refuses every range no Internet peer can have.

import { CreateNetworkAclEntryCommand, EC2Client, ReplaceNetworkAclEntryCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ActionFailure, dryRun, execute, undo, verify } from '../../src/connectors/action.js';
import { blockedCidr, blockIp } from '../../src/connectors/aws/ec2-network.js';
import type { AwsSim } from '../../src/sim/aws/index.js';
import { actionContract, MemoryJournal, within } from '../support/action-contract.js';
import { asAdmin } from '../support/aws-admin.js';
import { awsWorld, EC2_FAULTS } from '../support/aws-world.js';

const VPC = 'vpc-0a1b2c3d4e5f60718';
const VPC_IPV6 = '2600:1f18:4b2:e300::/56';
const SUBNET = 'subnet-0123456789abcdef0';
const OTHER_SUBNET = 'subnet-0123456789abcdef1';
const INSTANCE = 'i-0abc1234def567890';
const ATTACKER = '185.220.101.9';
const ATTACKER_NETWORK = '185.220.101.0/24';
const ELSEWHERE = '45.142.120.0/24';
const REACH = `default ACL of ${VPC}, on 2 subnets`;

/** Two instances in two subnets of one VPC, both on the VPC's default ACL. */
function seed(sim: AwsSim): void {
  sim.ec2.addVpc(VPC, { cidrBlocks: ['10.20.0.0/16'], ipv6CidrBlocks: [VPC_IPV6] });
  sim.ec2.addInstance({
    instanceId: INSTANCE,
    vpcId: VPC,
    subnetId: SUBNET,
    networkInterfaces: [{ networkInterfaceId: 'eni-0aaaaaaaaaaaaaaa1' }],
    volumes: [],
  });
  sim.ec2.addInstance({
    instanceId: 'i-0abc1234def567891',
    vpcId: VPC,
    subnetId: OTHER_SUBNET,
    networkInterfaces: [{ networkInterfaceId: 'eni-0aaaaaaaaaaaaaaa2' }],
    volumes: [],
  });
}

/** The subnet's ACL entries, as `egress/in rule action protocol cidr`, in evaluation order. */
function aclState(sim: AwsSim): string[] {
  return (sim.ec2.networkAclOfSubnet(SUBNET)?.entries ?? []).map(
    (entry) =>
      `${entry.egress ? 'out' : 'in'} ${entry.ruleNumber} ${entry.ruleAction} ${entry.protocol} ` +
      `${entry.cidrBlock ?? entry.ipv6CidrBlock}`,
  );
}

const world = (more?: (sim: AwsSim, admin: EC2Client) => Promise<void>) =>
  awsWorld(async (sim) => {
    seed(sim);
    if (more) await asAdmin(sim, EC2Client, (admin) => more(sim, admin));
  }, aclState);

const aclId = (sim: AwsSim) => sim.ec2.networkAclOfSubnet(SUBNET)?.networkAclId as string;

/** An entry written by someone else, before irac runs. */
const entry = (sim: AwsSim, ruleNumber: number, egress: boolean, action: 'allow' | 'deny', cidr: string) =>
  new CreateNetworkAclEntryCommand({
    NetworkAclId: aclId(sim),
    RuleNumber: ruleNumber,
    Egress: egress,
    Protocol: '-1',
    RuleAction: action,
    CidrBlock: cidr,
  });

describe('aws:ec2.block_ip', () => {
  describe("in the ACL of the instance's subnet", () => {
    actionContract({
      action: blockIp,
      params: { ip: ATTACKER, instance_id: INSTANCE },
      setup: () => world(),
      faults: EC2_FAULTS,
    });
  });

  describe('for an IPv6 network', () => {
    actionContract({
      action: blockIp,
      params: { ip: '2a0b:f4c2:bad::/48', instance_id: INSTANCE },
      setup: () => world(),
      faults: EC2_FAULTS,
    });
  });

  it('denies the address both ways in rule 1, before the allow-all rule at 100', async () => {
    await within(world(), async (w) => {
      const params = { ip: ATTACKER, instance_id: INSTANCE };
      const plan = await dryRun(blockIp, params, w.context);
      expect(plan.state).toBe(
        `${aclId(w.sim)} (${REACH}): ${ATTACKER}/32 allowed in (rule 100), allowed out (rule 100)`,
      );
      expect(plan.calls.map((call) => call.effect)).toEqual([
        `rule 1 ingress: deny all in ${ATTACKER}/32 (${REACH})`,
        `rule 1 egress: deny all out ${ATTACKER}/32 (${REACH})`,
      ]);
      const outcome = await execute(blockIp, params, w.context, new MemoryJournal());
      expect(outcome.record).toEqual({
        network_acl_id: aclId(w.sim),
        cidr: `${ATTACKER}/32`,
        entries: [
          { rule_number: 1, egress: false },
          { rule_number: 1, egress: true },
        ],
      });
      expect(aclState(w.sim)).toEqual([
        `out 1 deny -1 ${ATTACKER}/32`,
        'out 100 allow -1 0.0.0.0/0',
        'out 32767 deny -1 0.0.0.0/0',
        `in 1 deny -1 ${ATTACKER}/32`,
        'in 100 allow -1 0.0.0.0/0',
        'in 32767 deny -1 0.0.0.0/0',
      ]);
      expect(await verify(blockIp, params, w.context, outcome.record)).toEqual({
        ok: true,
        detail: `${aclId(w.sim)} (${REACH}): ${ATTACKER}/32 denied in (rule 1), denied out (rule 1)`,
      });
    });
  });

  it('writes in the ACL given by id without looking an instance up', async () => {
    await within(world(), async (w) => {
      const given = { ip: ATTACKER, network_acl_id: aclId(w.sim) };
      expect(blockIp.describe(given, w.context).map((call) => call.call)).toEqual([
        'ec2:DescribeNetworkAcls',
        'ec2:DescribeVpcs',
        'ec2:CreateNetworkAclEntry',
      ]);
      await execute(blockIp, given, w.context, new MemoryJournal());
      // After the client's own account check (STS), only these EC2 calls.
      const calls = w.sim.requests.filter((request) => request.version === '2016-11-15');
      expect(calls.map((request) => request.action)).toEqual([
        'DescribeNetworkAcls',
        'DescribeVpcs',
        'CreateNetworkAclEntry',
        'CreateNetworkAclEntry',
      ]);
      expect(calls[1]?.params.get('VpcId.1')).toBe(VPC);
      expect(calls[0]?.params.get('NetworkAclId.1')).toBe(aclId(w.sim));
      expect(aclState(w.sim)).toContain(`in 1 deny -1 ${ATTACKER}/32`);
    });
  });

  it('skips rule numbers in use and goes before a rule that allows part of the address range', async () => {
    const setup = world(async (sim, admin) => {
      await admin.send(entry(sim, 1, false, 'deny', ELSEWHERE));
      await admin.send(
        new CreateNetworkAclEntryCommand({
          NetworkAclId: aclId(sim),
          RuleNumber: 5,
          Egress: false,
          Protocol: '6',
          RuleAction: 'allow',
          CidrBlock: ATTACKER_NETWORK,
          PortRange: { From: 443, To: 443 },
        }),
      );
    });
    await within(setup, async (w) => {
      await execute(blockIp, { ip: ATTACKER, instance_id: INSTANCE }, w.context, new MemoryJournal());
      expect(aclState(w.sim).filter((line) => line.startsWith('in'))).toEqual([
        `in 1 deny -1 ${ELSEWHERE}`,
        `in 2 deny -1 ${ATTACKER}/32`,
        `in 5 allow 6 ${ATTACKER_NETWORK}`,
        'in 100 allow -1 0.0.0.0/0',
        'in 32767 deny -1 0.0.0.0/0',
      ]);
    });
  });

  it('refuses, changing nothing, when an allow rule comes before every number a deny could take', async () => {
    const setup = world(async (sim, admin) => {
      await admin.send(entry(sim, 1, true, 'allow', '0.0.0.0/0'));
    });
    await within(setup, async (w) => {
      const before = aclState(w.sim);
      const failure = await execute(
        blockIp,
        { ip: ATTACKER, instance_id: INSTANCE },
        w.context,
        new MemoryJournal(),
      ).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ActionFailure);
      expect((failure as ActionFailure).reason).toBe(
        `${aclId(w.sim)}: rule 1 allows ${ATTACKER}/32 out before any free number in 1–99 where a deny could go`,
      );
      expect(aclState(w.sim)).toEqual(before);
    });
  });

  it('finds a wider deny already in place and adds nothing; its undo deletes nothing', async () => {
    const setup = world(async (sim, admin) => {
      for (const egress of [false, true]) await admin.send(entry(sim, 50, egress, 'deny', ATTACKER_NETWORK));
    });
    await within(setup, async (w) => {
      const before = aclState(w.sim);
      const outcome = await execute(
        blockIp,
        { ip: ATTACKER, instance_id: INSTANCE },
        w.context,
        new MemoryJournal(),
      );
      expect(outcome.changed).toBe(false);
      expect(outcome.state).toBe(
        `${aclId(w.sim)} (${REACH}): ${ATTACKER}/32 denied in (rule 50), denied out (rule 50)`,
      );
      const restored = await undo(
        blockIp,
        { ip: ATTACKER, instance_id: INSTANCE },
        w.context,
        outcome.record,
      );
      expect(restored.changed).toBe(false);
      expect(aclState(w.sim)).toEqual(before);
    });
  });

  it('undo leaves an entry someone has since replaced with a rule of their own', async () => {
    await within(world(), async (w) => {
      const params = { ip: ATTACKER, instance_id: INSTANCE };
      const outcome = await execute(blockIp, params, w.context, new MemoryJournal());
      await asAdmin(w.sim, EC2Client, (admin) =>
        admin.send(
          new ReplaceNetworkAclEntryCommand({
            NetworkAclId: aclId(w.sim),
            RuleNumber: 1,
            Egress: true,
            Protocol: '-1',
            RuleAction: 'deny',
            CidrBlock: ELSEWHERE,
          }),
        ),
      );
      await undo(blockIp, params, w.context, outcome.record);
      expect(aclState(w.sim)).toEqual([
        `out 1 deny -1 ${ELSEWHERE}`,
        'out 100 allow -1 0.0.0.0/0',
        'out 32767 deny -1 0.0.0.0/0',
        'in 100 allow -1 0.0.0.0/0',
        'in 32767 deny -1 0.0.0.0/0',
      ]);
    });
  });

  it('writes an address or network as EC2 stores it, and refuses what is not one or is too wide', () => {
    expect(blockedCidr('185.220.101.77/24')).toBe('185.220.101.0/24');
    expect(blockedCidr('2A0B:F4C2::5')).toBe('2a0b:f4c2::5/128');
    expect(blockedCidr('::ffff:45.142.120.7')).toBe('45.142.120.7/32');
    expect(() => blockedCidr('0.0.0.0/0')).toThrow('0.0.0.0/0 spans more than a /8');
    expect(() => blockedCidr('2a0b::/16')).toThrow('spans more than a /32');
    expect(() => blockedCidr('999.1.1.1')).toThrow('"999.1.1.1" is not an IP address or CIDR block');
  });

  it('refuses every range no Internet peer can have, whatever allow_private says', () => {
    const refused = {
      '127.0.0.1': 'loopback',
      '169.254.169.254': 'linkLocal',
      '224.0.0.251': 'multicast',
      '0.0.0.0': 'unspecified',
      '255.255.255.255': 'broadcast',
      '203.0.113.9': 'reserved',
      '240.0.0.0/8': 'reserved',
      '::1': 'loopback',
      'fe80::1': 'linkLocal',
      'ff02::1': 'multicast',
      '::': 'unspecified',
      '2001:db8::5': 'reserved',
    };
    for (const [ip, range] of Object.entries(refused)) {
      for (const allowPrivate of [false, true]) {
        expect(() => blockedCidr(ip, { allowPrivate }), ip).toThrow(
          `${ip} is not an Internet address (${range}): block_ip denies addresses a peer on the Internet can have`,
        );
      }
    }
    // A /8 whose ends are public still holds 192.0.2.0/24 and other reserved /24s.
    expect(() => blockedCidr('192.0.0.0/8')).toThrow('is not an Internet address (reserved');
  });

  it('refuses a private address, even inside a wider block, unless the step allows private addresses', () => {
    for (const [ip, range] of [
      ['10.20.4.17', 'private'],
      ['172.31.0.0/16', 'private'],
      ['100.64.1.2', 'carrierGradeNat'],
      ['fd12:3456::1', 'uniqueLocal'],
      ['172.0.0.0/8', 'private'],
    ] as const) {
      expect(() => blockedCidr(ip), ip).toThrow(
        `${ip} is a private address (${range}), likely a host, NAT gateway or load balancer of this or a ` +
          'connected network: set allow_private to deny it all the same',
      );
    }
    expect(blockedCidr('10.20.4.17', { allowPrivate: true })).toBe('10.20.4.17/32');
  });

  it('refuses an indicator from the event that is loopback or private before any call, naming why', async () => {
    await within(world(), async (w) => {
      for (const ip of ['127.0.0.1', '10.20.4.17']) {
        const from = w.sim.requests.length;
        const failure = await execute(
          blockIp,
          { ip, instance_id: INSTANCE },
          w.context,
          new MemoryJournal(),
        ).catch((error: unknown) => error);
        expect(failure, ip).toBeInstanceOf(ActionFailure);
        expect((failure as ActionFailure).call, ip).toBeNull();
        expect((failure as ActionFailure).reason, ip).toMatch(
          /^(127\.0\.0\.1 is not an Internet|10\.20\.4\.17 is a private)/,
        );
        expect(w.sim.requests.slice(from), ip).toEqual([]);
      }
      expect(w.sim.mutatingRequests()).toEqual([]);
    });
  });

  it("refuses a public address inside the VPC's own IPv6 block, naming the block, unless allow_private", async () => {
    await within(world(), async (w) => {
      const inside = '2600:1f18:4b2:e3aa::10';
      const before = aclState(w.sim);
      const failure = await execute(
        blockIp,
        { ip: inside, instance_id: INSTANCE },
        w.context,
        new MemoryJournal(),
      ).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ActionFailure);
      expect((failure as ActionFailure).reason).toBe(
        `${inside}/128 is inside ${VPC}'s own ${VPC_IPV6}: the deny would cut the VPC's own hosts off, ` +
          'for every subnet on the ACL; set allow_private to deny it all the same',
      );
      expect(aclState(w.sim)).toEqual(before);
      expect(w.sim.mutatingRequests()).toEqual([]);

      const allowed = { ip: inside, instance_id: INSTANCE, allow_private: true };
      expect(blockIp.describe(allowed, w.context).map((call) => call.call)).not.toContain('ec2:DescribeVpcs');
      await execute(blockIp, allowed, w.context, new MemoryJournal());
      expect(aclState(w.sim)).toContain(`in 1 deny -1 ${inside}/128`);
    });
  });

  it('denies a private address when the step allows it, the plan naming every subnet the deny reaches', async () => {
    await within(world(), async (w) => {
      const params = { ip: '10.20.4.17', instance_id: INSTANCE, allow_private: true };
      const plan = await dryRun(blockIp, params, w.context);
      expect(plan.state).toBe(
        `${aclId(w.sim)} (${REACH}): 10.20.4.17/32 allowed in (rule 100), allowed out (rule 100)`,
      );
      await execute(blockIp, params, w.context, new MemoryJournal());
      expect(w.sim.ec2.networkAclOfSubnet(OTHER_SUBNET)?.entries).toContainEqual(
        expect.objectContaining({ ruleNumber: 1, ruleAction: 'deny', cidrBlock: '10.20.4.17/32' }),
      );
    });
  });
});
