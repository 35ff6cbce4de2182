// Denying an address at the network ACL of an instance's subnet, through the real @aws-sdk/client-ec2
// against the simulated account: the entries the ACL holds afterwards, in the order EC2 evaluates them.

import { CreateNetworkAclEntryCommand, EC2Client, ReplaceNetworkAclEntryCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ActionFailure, dryRun, execute, undo, verify } from '../../src/connectors/action.js';
import { blockedCidr, blockIp } from '../../src/connectors/aws/ec2-network.js';
import type { AwsSim } from '../../src/sim/aws/index.js';
import { actionContract, MemoryJournal, within } from '../support/action-contract.js';
import { asAdmin } from '../support/aws-admin.js';
import { awsWorld, EC2_FAULTS } from '../support/aws-world.js';

const VPC = 'vpc-0a1b2c3d4e5f60718';
const SUBNET = 'subnet-0123456789abcdef0';
const INSTANCE = 'i-0abc1234def567890';
const ATTACKER = '203.0.113.9';

function seed(sim: AwsSim): void {
  sim.ec2.addInstance({
    instanceId: INSTANCE,
    vpcId: VPC,
    subnetId: SUBNET,
    networkInterfaces: [{ networkInterfaceId: 'eni-0aaaaaaaaaaaaaaa1' }],
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
      params: { ip: '2001:db8:bad::/48', instance_id: INSTANCE },
      setup: () => world(),
      faults: EC2_FAULTS,
    });
  });

  it('denies the address both ways in rule 1, before the allow-all rule at 100', async () => {
    await within(world(), async (w) => {
      const params = { ip: ATTACKER, instance_id: INSTANCE };
      const plan = await dryRun(blockIp, params, w.context);
      expect(plan.state).toBe(
        `${aclId(w.sim)}: ${ATTACKER}/32 allowed in (rule 100), allowed out (rule 100)`,
      );
      expect(plan.calls.map((call) => call.effect)).toEqual([
        `rule 1 ingress: deny all in ${ATTACKER}/32`,
        `rule 1 egress: deny all out ${ATTACKER}/32`,
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
        detail: `${aclId(w.sim)}: ${ATTACKER}/32 denied in (rule 1), denied out (rule 1)`,
      });
    });
  });

  it('writes in the ACL given by id without looking an instance up', async () => {
    await within(world(), async (w) => {
      const given = { ip: ATTACKER, network_acl_id: aclId(w.sim) };
      expect(blockIp.describe(given, w.context).map((call) => call.call)).toEqual([
        'ec2:DescribeNetworkAcls',
        'ec2:CreateNetworkAclEntry',
      ]);
      await execute(blockIp, given, w.context, new MemoryJournal());
      // After the client's own account check (STS), only these EC2 calls.
      const calls = w.sim.requests.filter((request) => request.version === '2016-11-15');
      expect(calls.map((request) => request.action)).toEqual([
        'DescribeNetworkAcls',
        'CreateNetworkAclEntry',
        'CreateNetworkAclEntry',
      ]);
      expect(calls[0]?.params.get('NetworkAclId.1')).toBe(aclId(w.sim));
      expect(aclState(w.sim)).toContain(`in 1 deny -1 ${ATTACKER}/32`);
    });
  });

  it('skips rule numbers in use and goes before a rule that allows part of the address range', async () => {
    const setup = world(async (sim, admin) => {
      await admin.send(entry(sim, 1, false, 'deny', '198.51.100.0/24'));
      await admin.send(
        new CreateNetworkAclEntryCommand({
          NetworkAclId: aclId(sim),
          RuleNumber: 5,
          Egress: false,
          Protocol: '6',
          RuleAction: 'allow',
          CidrBlock: '203.0.113.0/24',
          PortRange: { From: 443, To: 443 },
        }),
      );
    });
    await within(setup, async (w) => {
      await execute(blockIp, { ip: ATTACKER, instance_id: INSTANCE }, w.context, new MemoryJournal());
      expect(aclState(w.sim).filter((line) => line.startsWith('in'))).toEqual([
        'in 1 deny -1 198.51.100.0/24',
        `in 2 deny -1 ${ATTACKER}/32`,
        'in 5 allow 6 203.0.113.0/24',
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
      for (const egress of [false, true]) await admin.send(entry(sim, 50, egress, 'deny', '203.0.113.0/24'));
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
      expect(outcome.state).toBe(`${aclId(w.sim)}: ${ATTACKER}/32 denied in (rule 50), denied out (rule 50)`);
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
            CidrBlock: '192.0.2.0/24',
          }),
        ),
      );
      await undo(blockIp, params, w.context, outcome.record);
      expect(aclState(w.sim)).toEqual([
        'out 1 deny -1 192.0.2.0/24',
        'out 100 allow -1 0.0.0.0/0',
        'out 32767 deny -1 0.0.0.0/0',
        'in 100 allow -1 0.0.0.0/0',
        'in 32767 deny -1 0.0.0.0/0',
      ]);
    });
  });

  it('writes an address or network as EC2 stores it, and refuses what is not one or is too wide', () => {
    expect(blockedCidr('203.0.113.77/24')).toBe('203.0.113.0/24');
    expect(blockedCidr('2001:DB8::5')).toBe('2001:db8::5/128');
    expect(blockedCidr('::ffff:198.51.100.7')).toBe('198.51.100.7/32');
    expect(() => blockedCidr('0.0.0.0/0')).toThrow('0.0.0.0/0 spans more than a /8');
    expect(() => blockedCidr('2001:db8::/16')).toThrow('spans more than a /32');
    expect(() => blockedCidr('999.1.1.1')).toThrow('"999.1.1.1" is not an IP address or CIDR block');
  });
});
