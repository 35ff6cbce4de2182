// Denying an attacker's address at the subnet edge, in both directions, with the network ACL of the
// instance's subnet. A network ACL is read in rule-number order and the first rule that matches decides,
// so a deny only works if it comes before every rule that allows that traffic: irac writes its denies in
// the numbers 1–99, below the 100 where AWS's own default and its guidance put allow rules, and checks
// first that no earlier rule lets the address through. Undo deletes exactly the entries the run added.

import {
  CreateNetworkAclEntryCommand,
  DeleteNetworkAclEntryCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  EC2Client,
  type NetworkAcl,
  type NetworkAclEntry,
} from '@aws-sdk/client-ec2';
import ipaddr from 'ipaddr.js';
import type { ActionContext, ConnectorAction, Inspection, Mutation } from '../action.js';

/** The rule numbers irac writes denies in: before the 100 of the default ACL's allow-all rule. */
export const IRAC_RULE_NUMBERS = { first: 1, last: 99 } as const;

// Narrower than this is an address or a network; wider is a large part of the Internet, which a typo or a
// bad indicator must not cut off from a production subnet.
const WIDEST_PREFIX = { ipv4: 8, ipv6: 32 } as const;

const ec2 = (context: ActionContext) => context.clients.aws(EC2Client, context.aws);

export interface BlockIpParams {
  readonly ip: string;
  readonly instance_id?: string;
  readonly network_acl_id?: string;
}

export interface BlockIpRecord {
  readonly [key: string]: string | { rule_number: number; egress: boolean }[];
  readonly network_acl_id: string;
  /** The address as a CIDR block in the form EC2 stores it (`203.0.113.9/32`). */
  readonly cidr: string;
  /** The entries this run added: what undo deletes. */
  readonly entries: { rule_number: number; egress: boolean }[];
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** An address or CIDR as EC2 stores it: the network address and its prefix, IPv4-mapped IPv6 as IPv4. */
export function blockedCidr(ip: string): string {
  let range: Range;
  try {
    range = ip.includes('/') ? ipaddr.parseCIDR(ip) : [ipaddr.parse(ip), ip.includes(':') ? 128 : 32];
  } catch {
    throw new Error(`"${ip}" is not an IP address or CIDR block`);
  }
  let [address, prefix] = range;
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()) {
    address = address.toIPv4Address();
    prefix = Math.max(prefix - 96, 0);
  }
  const family = address.kind();
  if (prefix < WIDEST_PREFIX[family]) {
    throw new Error(
      `${ip} spans more than a /${WIDEST_PREFIX[family]}: block_ip denies an address or a network`,
    );
  }
  const network =
    family === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`);
  return `${network.toString()}/${prefix}`;
}

function rangeOf(cidr: string | undefined): Range | undefined {
  if (cidr === undefined) return undefined;
  try {
    return ipaddr.parseCIDR(cidr);
  } catch {
    return undefined;
  }
}

const contains = ([outer, outerPrefix]: Range, [inner, innerPrefix]: Range): boolean =>
  outer.kind() === inner.kind() && outerPrefix <= innerPrefix && inner.match(outer, outerPrefix);

const overlaps = (a: Range, b: Range): boolean => contains(a, b) || contains(b, a);

const entryRange = (entry: NetworkAclEntry): Range | undefined =>
  rangeOf(entry.CidrBlock ?? entry.Ipv6CidrBlock);

/** How one direction of the ACL treats the blocked range, by the first rules that match it. */
interface Direction {
  readonly egress: boolean;
  /** The rule that denies all traffic of the range before anything allows part of it. */
  readonly deniedBy?: number;
  /** The first rule that allows part of the range, before which a deny has to go. */
  readonly firstAllow?: number;
  /** Rule numbers in use in this direction. */
  readonly taken: ReadonlySet<number>;
}

function firstMatch(acl: NetworkAcl, egress: boolean, target: Range): Direction {
  const entries = (acl.Entries ?? [])
    .filter((entry) => entry.Egress === egress && entry.RuleNumber !== undefined)
    .sort((a, b) => (a.RuleNumber ?? 0) - (b.RuleNumber ?? 0));
  const taken = new Set(entries.map((entry) => entry.RuleNumber ?? 0));
  for (const entry of entries) {
    const range = entryRange(entry);
    if (!range || !overlaps(range, target)) continue;
    if (entry.RuleAction === 'allow') return { egress, firstAllow: entry.RuleNumber ?? 0, taken };
    if (entry.Protocol === '-1' && contains(range, target))
      return { egress, deniedBy: entry.RuleNumber ?? 0, taken };
  }
  return { egress, taken };
}

const inOrOut = (egress: boolean) => (egress ? 'out' : 'in');

function describeDirections(aclId: string, cidr: string, directions: readonly Direction[]): string {
  return `${aclId}: ${cidr} ${directions
    .map((d) =>
      d.deniedBy !== undefined
        ? `denied ${inOrOut(d.egress)} (rule ${d.deniedBy})`
        : d.firstAllow !== undefined
          ? `allowed ${inOrOut(d.egress)} (rule ${d.firstAllow})`
          : `not matched ${inOrOut(d.egress)}`,
    )
    .join(', ')}`;
}

/** The lowest free number in irac's range that comes before the first rule allowing the range. */
function freeRuleNumber(aclId: string, cidr: string, d: Direction): number {
  const last = Math.min(IRAC_RULE_NUMBERS.last, (d.firstAllow ?? Number.POSITIVE_INFINITY) - 1);
  for (let number = IRAC_RULE_NUMBERS.first; number <= last; number += 1) {
    if (!d.taken.has(number)) return number;
  }
  throw new Error(
    d.firstAllow !== undefined && d.firstAllow <= IRAC_RULE_NUMBERS.last
      ? `${aclId}: rule ${d.firstAllow} allows ${cidr} ${inOrOut(d.egress)} before any free number in ` +
          `${IRAC_RULE_NUMBERS.first}–${IRAC_RULE_NUMBERS.last} where a deny could go`
      : `${aclId}: no free rule number ${inOrOut(d.egress)} in ${IRAC_RULE_NUMBERS.first}–${IRAC_RULE_NUMBERS.last}`,
  );
}

async function networkAcl(client: EC2Client, aclId: string): Promise<NetworkAcl> {
  const { NetworkAcls } = await client.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [aclId] }));
  const acl = NetworkAcls?.[0];
  if (!acl) throw new Error(`${aclId} was not found`);
  return acl;
}

/** The ACL to write in: the one given, else the one associated with the instance's subnet. */
async function targetAcl(client: EC2Client, params: BlockIpParams): Promise<NetworkAcl> {
  if (params.network_acl_id) return networkAcl(client, params.network_acl_id);
  const instanceId = params.instance_id;
  if (!instanceId) throw new Error('block_ip needs an instance_id or a network_acl_id');
  const { Reservations } = await client.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  const subnetId = Reservations?.[0]?.Instances?.[0]?.SubnetId;
  if (!subnetId) throw new Error(`${instanceId} is not in a subnet: there is no network ACL to write in`);
  const { NetworkAcls } = await client.send(
    new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] }),
  );
  const acl = NetworkAcls?.[0];
  if (!acl) throw new Error(`no network ACL is associated with ${subnetId}`);
  return acl;
}

const aclIdOf = (acl: NetworkAcl): string => {
  if (!acl.NetworkAclId) throw new Error('EC2 answered a network ACL without an id');
  return acl.NetworkAclId;
};

export const blockIp: ConnectorAction<BlockIpParams, BlockIpRecord> = {
  name: 'aws:ec2.block_ip',

  describe: ({ ip, instance_id, network_acl_id }) => {
    const acl = network_acl_id ?? `the network ACL of ${instance_id ?? 'the instance'}'s subnet`;
    return [
      ...(network_acl_id
        ? []
        : [
            {
              call: 'ec2:DescribeInstances',
              target: instance_id ?? '(no instance)',
              effect: 'find its subnet',
            },
          ]),
      { call: 'ec2:DescribeNetworkAcls', target: acl, effect: `read the entries that match ${ip}` },
      {
        call: 'ec2:CreateNetworkAclEntry',
        target: acl,
        effect: `deny all traffic from and to ${ip}, in rules ${IRAC_RULE_NUMBERS.first}–${IRAC_RULE_NUMBERS.last}`,
      },
    ];
  },

  async inspect(params, context, prior): Promise<Inspection<BlockIpRecord>> {
    const client = await ec2(context);
    // A resumed run keeps writing in the ACL the interrupted one chose.
    const acl = prior ? await networkAcl(client, prior.network_acl_id) : await targetAcl(client, params);
    const aclId = aclIdOf(acl);
    const cidr = prior?.cidr ?? blockedCidr(params.ip);
    const target = rangeOf(cidr) as Range;
    const directions = [firstMatch(acl, false, target), firstMatch(acl, true, target)];
    let record: BlockIpRecord = prior ?? { network_acl_id: aclId, cidr, entries: [] };
    const family = cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr };
    const mutations = directions
      .filter((d) => d.deniedBy === undefined)
      .map((d): Mutation<BlockIpRecord> => {
        const ruleNumber = freeRuleNumber(aclId, cidr, d);
        return {
          call: 'ec2:CreateNetworkAclEntry',
          target: aclId,
          effect: `rule ${ruleNumber} ${d.egress ? 'egress' : 'ingress'}: deny all ${inOrOut(d.egress)} ${cidr}`,
          apply: async () => {
            await client.send(
              new CreateNetworkAclEntryCommand({
                NetworkAclId: aclId,
                RuleNumber: ruleNumber,
                Egress: d.egress,
                Protocol: '-1',
                RuleAction: 'deny',
                ...family,
              }),
            );
            record = {
              ...record,
              entries: [...record.entries, { rule_number: ruleNumber, egress: d.egress }],
            };
            return record;
          },
        };
      });
    return { state: describeDirections(aclId, cidr, directions), record, mutations };
  },

  async verify(_params, context, record) {
    const acl = await networkAcl(await ec2(context), record.network_acl_id);
    const target = rangeOf(record.cidr) as Range;
    const directions = [firstMatch(acl, false, target), firstMatch(acl, true, target)];
    return {
      ok: directions.every((d) => d.deniedBy !== undefined),
      detail: describeDirections(record.network_acl_id, record.cidr, directions),
    };
  },

  async undo(_params, context, record) {
    const client = await ec2(context);
    const acl = await networkAcl(client, record.network_acl_id);
    const target = rangeOf(record.cidr) as Range;
    // An entry is taken back only while it is still the deny this run wrote, not a rule put there since.
    const ours = record.entries.filter(({ rule_number, egress }) =>
      (acl.Entries ?? []).some((entry) => {
        const range = entryRange(entry);
        return (
          entry.RuleNumber === rule_number &&
          entry.Egress === egress &&
          entry.RuleAction === 'deny' &&
          entry.Protocol === '-1' &&
          range !== undefined &&
          contains(range, target) &&
          contains(target, range)
        );
      }),
    );
    const directions = [firstMatch(acl, false, target), firstMatch(acl, true, target)];
    return {
      state: describeDirections(record.network_acl_id, record.cidr, directions),
      record,
      mutations: ours.map(({ rule_number, egress }) => ({
        call: 'ec2:DeleteNetworkAclEntry',
        target: record.network_acl_id,
        effect: `delete ${egress ? 'egress' : 'ingress'} rule ${rule_number} (deny ${record.cidr})`,
        apply: async () => {
          await client.send(
            new DeleteNetworkAclEntryCommand({
              NetworkAclId: record.network_acl_id,
              RuleNumber: rule_number,
              Egress: egress,
            }),
          );
          return undefined;
        },
      })),
    };
  },
};
