// A stateful EC2 for the Query sim, limited to what containment touches: instances (their volumes,
// network interfaces, instance profile associations, metadata options, termination attributes, whether
// they are Spot), VPCs and their CIDR blocks, security groups and their rules, network interfaces' groups,
// network ACLs and their entries, tags, and snapshots (which may fail, as EBS snapshots do).
// It speaks EC2's own dialect of the Query protocol — flattened lists (`InstanceId.1`, `Filter.1.Value.1`),
// `<item>` lists, `<requestId>` in the answer, the `<Response><Errors>` envelope, MaxResults/NextToken
// pages — and refuses as EC2 does (InvalidInstanceID.NotFound, InvalidGroup.NotFound, IncorrectState,
// NetworkAclEntryAlreadyExists, AuthFailure, …), so containment code tested against it meets EC2's
// behaviour, and a test reads back which groups each interface now has.

import { createHash, randomBytes } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { shown } from '../http.js';
import { QueryError, type QueryHandler, type QueryParams, type QueryService } from './query.js';
import { el, type Xml, type XmlChild, xmlJoin } from './xml.js';

export interface Ec2VolumeSeed {
  readonly volumeId: string;
  readonly deviceName: string;
  readonly sizeGiB?: number;
  readonly deleteOnTermination: boolean;
}

export interface Ec2MetadataOptions {
  readonly httpTokens: 'optional' | 'required';
  readonly httpEndpoint: 'enabled' | 'disabled';
  readonly httpPutResponseHopLimit: number;
  readonly httpProtocolIpv6: 'enabled' | 'disabled';
  readonly instanceMetadataTags: 'enabled' | 'disabled';
}

export interface Ec2InstanceSeed {
  readonly instanceId: string;
  readonly vpcId: string;
  readonly subnetId: string;
  /** In device-index order; the first is the primary interface. Groups default to the VPC's default. */
  readonly networkInterfaces: readonly {
    readonly networkInterfaceId: string;
    readonly groupIds?: string[];
  }[];
  readonly volumes: readonly Ec2VolumeSeed[];
  /** Associated as the instance was launched with it; IAM need not hold it (it may have been deleted since). */
  readonly iamInstanceProfileArn?: string;
  readonly metadataOptions?: Partial<Ec2MetadataOptions>;
  readonly disableApiTermination?: boolean;
  readonly instanceInitiatedShutdownBehavior?: 'stop' | 'terminate';
  readonly tags?: Readonly<Record<string, string>>;
  /** `spot` for a Spot Instance, which EC2 never lets have termination protection; On-Demand when absent. */
  readonly instanceLifecycle?: 'spot';
}

/** A VPC's address ranges; without them a VPC gets 10.0.0.0/16 and no IPv6 block. */
export interface Ec2VpcSeed {
  readonly cidrBlocks?: readonly string[];
  readonly ipv6CidrBlocks?: readonly string[];
}

export interface Ec2InstanceState {
  readonly instanceId: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly networkInterfaces: readonly { readonly networkInterfaceId: string; readonly groupIds: string[] }[];
  readonly volumes: readonly Ec2VolumeSeed[];
  /** The profile of the instance's association, if it has one. */
  readonly iamInstanceProfileArn: string | null;
  readonly iamInstanceProfileAssociationId: string | null;
  readonly metadataOptions: Ec2MetadataOptions;
  readonly disableApiTermination: boolean;
  readonly instanceInitiatedShutdownBehavior: 'stop' | 'terminate';
  readonly instanceLifecycle: 'spot' | null;
}

/** One network ACL rule, as EC2 stores it: the protocol is a number (`6`), or `-1` for all. */
export interface Ec2NetworkAclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  readonly protocol: string;
  readonly ruleAction: 'allow' | 'deny';
  readonly cidrBlock?: string;
  readonly ipv6CidrBlock?: string;
  readonly portRange?: { readonly from: number; readonly to: number };
  readonly icmpTypeCode?: { readonly type: number; readonly code: number };
}

export interface Ec2NetworkAclState {
  readonly networkAclId: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  readonly subnetIds: readonly string[];
  /** Egress entries first, each direction by rule number, as DescribeNetworkAcls lists them. */
  readonly entries: readonly Ec2NetworkAclEntry[];
}

/**
 * An instance profile IAM holds, by ARN or by name, as EC2 checks it before associating it; undefined when
 * IAM holds none.
 */
export type Ec2InstanceProfileLookup = (
  reference: { readonly arn: string } | { readonly name: string },
) => { readonly arn: string; readonly id: string } | undefined;

/** One rule, as EC2 counts them: a protocol and port range towards one peer. */
export interface Ec2Rule {
  /** `tcp`, `udp`, `icmp`, `icmpv6`, a protocol number, or `-1` for all traffic. */
  readonly ipProtocol: string;
  readonly fromPort: number | null;
  readonly toPort: number | null;
  readonly peer: { readonly cidrIp: string } | { readonly cidrIpv6: string } | { readonly groupId: string };
}

export interface Ec2SecurityGroupState {
  readonly groupId: string;
  readonly groupName: string;
  readonly description: string;
  readonly vpcId: string;
  readonly ingress: readonly Ec2Rule[];
  readonly egress: readonly Ec2Rule[];
}

export type Ec2SnapshotStatus = 'completed' | 'error';

export interface Ec2SnapshotState {
  readonly snapshotId: string;
  readonly volumeId: string;
  readonly description: string;
  readonly status: Ec2SnapshotStatus;
  readonly tags: ReadonlyMap<string, string>;
}

export interface Ec2Sim {
  readonly service: QueryService;
  /**
   * Adds a VPC with its `default` security group (whose id is returned), as every VPC has, and its
   * CIDR blocks (10.0.0.0/16 unless given). A VPC added before keeps its blocks.
   */
  addVpc(vpcId: string, seed?: Ec2VpcSeed): string;
  /** Seeds a security group, as CreateSecurityGroup would (with the default all-egress rule). */
  createSecurityGroup(vpcId: string, groupName: string, description?: string): string;
  /**
   * Seeds a running instance; its VPC is added if new, its subnet gets the VPC's default network ACL, and
   * its interfaces' groups must exist there.
   */
  addInstance(seed: Ec2InstanceSeed): void;
  /** What EC2 now holds (copies; changing them changes nothing). */
  instance(instanceId: string): Ec2InstanceState | undefined;
  networkInterfaceGroups(networkInterfaceId: string): string[] | undefined;
  securityGroup(groupId: string): Ec2SecurityGroupState | undefined;
  /** The group of that name in that VPC, as DescribeSecurityGroups would find it. */
  findSecurityGroup(vpcId: string, groupName: string): Ec2SecurityGroupState | undefined;
  networkAcl(networkAclId: string): Ec2NetworkAclState | undefined;
  /** The ACL a subnet is associated with. */
  networkAclOfSubnet(subnetId: string): Ec2NetworkAclState | undefined;
  snapshots(): Ec2SnapshotState[];
  /** The snapshot fails, as EBS reports one it could not complete: DescribeSnapshots says `error`. */
  failSnapshot(snapshotId: string): void;
  /**
   * How many DescribeInstances after a ModifyInstanceMetadataOptions still find the change `pending`
   * (0 by default: the next describe finds it `applied`), as EC2 takes a moment to apply it.
   */
  metadataOptionsPendingFor(describes: number): void;
  tags(resourceId: string): ReadonlyMap<string, string>;
}

interface Volume {
  readonly volumeId: string;
  readonly deviceName: string;
  readonly sizeGiB: number;
  deleteOnTermination: boolean;
  readonly attachTime: Date;
}

interface NetworkInterface {
  readonly networkInterfaceId: string;
  readonly instanceId: string;
  readonly deviceIndex: number;
  readonly vpcId: string;
  readonly subnetId: string;
  groupIds: string[];
}

interface Instance {
  readonly instanceId: string;
  readonly reservationId: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly launchTime: Date;
  readonly interfaces: NetworkInterface[];
  readonly volumes: Volume[];
  metadataOptions: Ec2MetadataOptions;
  /** DescribeInstances still to answer with the last metadata change `pending`. */
  metadataPendingDescribes: number;
  disableApiTermination: boolean;
  instanceInitiatedShutdownBehavior: 'stop' | 'terminate';
  readonly spotInstanceRequestId: string | null;
}

/** An instance's instance profile; EC2 keeps it apart from the instance, under its own id. */
interface ProfileAssociation {
  readonly associationId: string;
  readonly instanceId: string;
  readonly profile: { readonly arn: string; readonly id: string };
  readonly timestamp: Date;
}

interface NetworkAcl {
  readonly networkAclId: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  readonly entries: Ec2NetworkAclEntry[];
}

interface Vpc {
  readonly defaultGroupId: string;
  readonly defaultNetworkAclId: string;
  readonly cidrBlocks: readonly { readonly cidr: string; readonly associationId: string }[];
  readonly ipv6CidrBlocks: readonly { readonly cidr: string; readonly associationId: string }[];
}

interface Subnet {
  readonly vpcId: string;
  readonly networkAclId: string;
  readonly associationId: string;
}

interface SecurityGroup {
  readonly groupId: string;
  readonly groupName: string;
  readonly description: string;
  readonly vpcId: string;
  readonly ingress: Ec2Rule[];
  readonly egress: Ec2Rule[];
}

interface Snapshot {
  readonly snapshotId: string;
  readonly volumeId: string;
  readonly sizeGiB: number;
  readonly description: string;
  readonly startTime: Date;
  status: Ec2SnapshotStatus;
}

const NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';
// EC2's documented tag limits, and a bound on filters so a hostile request cannot make matching costly.
const TAGS_PER_RESOURCE = 50;
const TAG_KEY_LENGTH = 128;
const TAG_VALUE_LENGTH = 256;
const MAX_FILTER_VALUES = 200;
const GROUP_NAME_LENGTH = 255;
// EC2 ids: a type prefix and 8 or 17 lower-case hex digits.
const ID = (prefix: string) => new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`);
const INSTANCE_ID = ID('i');
const GROUP_ID = ID('sg');
const ENI_ID = ID('eni');
const VOLUME_ID = ID('vol');
const VPC_ID = ID('vpc');
const SUBNET_ID = ID('subnet');
const SNAPSHOT_ID = ID('snap');
const PROFILE_ASSOCIATION_ID = ID('iip-assoc');
const DEVICE_NAME = /^\/dev\/[a-z0-9]{1,16}$/;

function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;
}

function invalidValue(value: string, parameter: string, why = ''): QueryError {
  return new QueryError(
    'InvalidParameterValue',
    `Value (${shown(value)}) for parameter ${parameter} is invalid.${why ? ` ${why}` : ''}`,
  );
}

/** A required parameter; `label` is its full name, when `params` are the fields of a list entry. */
function required(params: QueryParams, name: string, label = name): string {
  const value = params.get(name);
  if (value === undefined || value === '') {
    throw new QueryError('MissingParameter', `The request must contain the parameter ${label}`);
  }
  return value;
}

function booleanParam(params: QueryParams, name: string): boolean | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalidValue(value, name);
  return value === 'true';
}

/** `<name><item>…</item>…</name>`, EC2's list shape. */
function items(name: string, entries: readonly XmlChild[]): Xml {
  return el(name, ...entries.map((entry) => el('item', entry)));
}

function tagSet(tags: ReadonlyMap<string, string> | undefined): Xml {
  return items(
    'tagSet',
    [...(tags ?? new Map<string, string>())].map(([key, value]) =>
      xmlJoin(el('key', key), el('value', value)),
    ),
  );
}

// EC2 filter values take `*` (any run) and `?` (one character) as wildcards.
function wildcard(pattern: string): RegExp {
  const body = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}

type FilterValues = (name: string) => readonly string[] | undefined;

/** The filters of a Describe call, each checked against the names that call supports. */
function parseFilters(params: QueryParams, known: readonly string[]): { name: string; values: RegExp[] }[] {
  return params.flatStructures('Filter').map((filter) => {
    const name = required(filter, 'Name', 'Filter.Name');
    if (!known.includes(name) && !name.startsWith('tag:')) {
      throw new QueryError('InvalidParameterValue', `The filter '${shown(name)}' is invalid`);
    }
    const values = filter.flatList('Value');
    if (values.length > MAX_FILTER_VALUES) {
      throw new QueryError(
        'FilterLimitExceeded',
        `The maximum number of filter values is ${MAX_FILTER_VALUES}`,
      );
    }
    return { name, values: values.map(wildcard) };
  });
}

/** Filters AND together; a filter's values OR together; a resource matches a value if any of its do. */
function matches(filters: ReturnType<typeof parseFilters>, valuesOf: FilterValues): boolean {
  return filters.every(({ name, values }) => {
    const own = valuesOf(name) ?? [];
    return values.some((pattern) => own.some((value) => pattern.test(value)));
  });
}

function tagFilter(tags: ReadonlyMap<string, string> | undefined, name: string): string[] | undefined {
  if (name === 'tag-key') return [...(tags?.keys() ?? [])];
  if (!name.startsWith('tag:')) return undefined;
  const value = tags?.get(name.slice(4));
  return value === undefined ? [] : [value];
}

/** The tags given with TagSpecification.N for one resource type (`ResourceType`, `Tag.N.Key/Value`). */
function tagSpecifications(params: QueryParams, resourceType: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const specification of params.flatStructures('TagSpecification')) {
    const type = required(specification, 'ResourceType', 'TagSpecification.ResourceType');
    if (type !== resourceType) {
      throw invalidValue(type, 'TagSpecification.ResourceType', `Expected '${resourceType}'.`);
    }
    for (const [key, value] of readTags(specification)) tags.set(key, value);
  }
  return tags;
}

function readTags(params: QueryParams): [string, string][] {
  return params.flatStructures('Tag').map((tag) => {
    const key = required(tag, 'Key', 'Tag.Key');
    const value = tag.get('Value') ?? '';
    if (key.length > TAG_KEY_LENGTH)
      throw invalidValue(key, 'Tag.Key', `Tag keys are at most ${TAG_KEY_LENGTH}.`);
    if (value.length > TAG_VALUE_LENGTH) {
      throw invalidValue(value, 'Tag.Value', `Tag values are at most ${TAG_VALUE_LENGTH} characters.`);
    }
    if (key.toLowerCase().startsWith('aws:')) {
      throw invalidValue(key, 'Tag.Key', "Tag keys starting with 'aws:' are reserved for internal use.");
    }
    return [key, value];
  });
}

const PROTOCOLS: Readonly<Record<string, string>> = {
  tcp: 'tcp',
  udp: 'udp',
  icmp: 'icmp',
  icmpv6: 'icmpv6',
};
const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = {
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  '58': 'icmpv6',
};
const CIDR_V4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\/(?:3[0-2]|[12]?\d)$/;
const CIDR_V6 = /^[0-9a-fA-F:]{2,39}\/(?:12[0-8]|1[01]\d|[1-9]?\d)$/;

function normalizeProtocol(value: string): string {
  const lower = value.toLowerCase();
  if (lower === '-1' || lower === 'all') return '-1';
  if (Object.hasOwn(PROTOCOLS, lower)) return PROTOCOLS[lower] as string;
  if (Object.hasOwn(PROTOCOL_NUMBERS, lower)) return PROTOCOL_NUMBERS[lower] as string;
  if (/^(?:[0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$/.test(lower)) return lower;
  throw invalidValue(value, 'IpPermissions.IpProtocol', 'Invalid protocol.');
}

function port(params: QueryParams, name: string): number | null {
  const value = params.get(name);
  if (value === undefined) return null;
  const number = Number(value);
  if (!/^-?[0-9]{1,5}$/.test(value) || number < -1 || number > 65535) throw invalidValue(value, name);
  return number;
}

/** `IpPermissions.N.*` as the individual rules EC2 stores. */
function readRules(params: QueryParams, groupExists: (groupId: string) => boolean): Ec2Rule[] {
  const rules: Ec2Rule[] = [];
  for (const permission of params.flatStructures('IpPermissions')) {
    const ipProtocol = normalizeProtocol(required(permission, 'IpProtocol', 'IpPermissions.IpProtocol'));
    const ported = ipProtocol === 'tcp' || ipProtocol === 'udp';
    const fromPort = ipProtocol === '-1' ? null : port(permission, 'FromPort');
    const toPort = ipProtocol === '-1' ? null : port(permission, 'ToPort');
    if (ported && (fromPort === null || toPort === null || fromPort < 0 || fromPort > toPort)) {
      throw new QueryError('InvalidParameterValue', `Invalid port range for protocol ${ipProtocol}.`);
    }
    const peers: Ec2Rule['peer'][] = [];
    for (const range of permission.flatStructures('IpRanges')) {
      const cidrIp = required(range, 'CidrIp', 'IpRanges.CidrIp');
      if (!CIDR_V4.test(cidrIp)) throw invalidValue(cidrIp, 'cidrIp', 'CIDR block is malformed.');
      peers.push({ cidrIp });
    }
    for (const range of permission.flatStructures('Ipv6Ranges')) {
      const cidrIpv6 = required(range, 'CidrIpv6', 'Ipv6Ranges.CidrIpv6');
      if (!CIDR_V6.test(cidrIpv6)) throw invalidValue(cidrIpv6, 'cidrIpv6', 'CIDR block is malformed.');
      peers.push({ cidrIpv6 });
    }
    for (const pair of permission.flatStructures('Groups')) {
      const groupId = required(pair, 'GroupId', 'Groups.GroupId');
      if (!groupExists(groupId)) throw groupNotFound(groupId);
      peers.push({ groupId });
    }
    if (peers.length === 0) {
      throw new QueryError('MissingParameter', 'The request must contain the parameter ipPermissions peers');
    }
    for (const peer of peers) rules.push({ ipProtocol, fromPort, toPort, peer });
  }
  if (rules.length === 0) {
    throw new QueryError('MissingParameter', 'The request must contain the parameter IpPermissions');
  }
  return rules;
}

function sameRule(a: Ec2Rule, b: Ec2Rule): boolean {
  return (
    a.ipProtocol === b.ipProtocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    JSON.stringify(a.peer) === JSON.stringify(b.peer)
  );
}

function describeRule(rule: Ec2Rule): string {
  const peer = Object.values(rule.peer)[0] as string;
  const ports = rule.fromPort === null ? 'ALL' : `from port: ${rule.fromPort}, to port: ${rule.toPort}`;
  const protocol = rule.ipProtocol === '-1' ? 'ALL' : rule.ipProtocol.toUpperCase();
  return `peer: ${peer}, ${protocol}, ${ports}, ALLOW`;
}

/** Rules grouped back into IpPermissions as EC2 answers them: one item per protocol and port range. */
function permissionsXml(name: string, rules: readonly Ec2Rule[], accountId: string): Xml {
  const grouped = new Map<string, Ec2Rule[]>();
  for (const rule of rules) {
    const key = `${rule.ipProtocol}|${rule.fromPort}|${rule.toPort}`;
    grouped.set(key, [...(grouped.get(key) ?? []), rule]);
  }
  return items(
    name,
    [...grouped.values()].map((group) => {
      const [first] = group as [Ec2Rule];
      const peers = <K extends string>(key: K) =>
        group.flatMap(({ peer }) => (key in peer ? [(peer as Record<K, string>)[key]] : []));
      return xmlJoin(
        el('ipProtocol', first.ipProtocol),
        first.fromPort === null ? undefined : el('fromPort', first.fromPort),
        first.toPort === null ? undefined : el('toPort', first.toPort),
        items(
          'groups',
          peers('groupId').map((groupId) => xmlJoin(el('userId', accountId), el('groupId', groupId))),
        ),
        items(
          'ipRanges',
          peers('cidrIp').map((cidrIp) => el('cidrIp', cidrIp)),
        ),
        items(
          'ipv6Ranges',
          peers('cidrIpv6').map((cidrIpv6) => el('cidrIpv6', cidrIpv6)),
        ),
      );
    }),
  );
}

const ALL_EGRESS: Ec2Rule = { ipProtocol: '-1', fromPort: null, toPort: null, peer: { cidrIp: '0.0.0.0/0' } };

function instanceNotFound(instanceId: string): QueryError {
  if (!INSTANCE_ID.test(instanceId)) {
    return new QueryError('InvalidInstanceID.Malformed', `Invalid id: "${shown(instanceId)}" (instance)`);
  }
  return new QueryError(
    'InvalidInstanceID.NotFound',
    `The instance ID '${shown(instanceId)}' does not exist`,
  );
}

function groupNotFound(group: string): QueryError {
  return new QueryError('InvalidGroup.NotFound', `The security group '${shown(group)}' does not exist`);
}

function checkId(value: string, pattern: RegExp, malformedCode: string, what: string): string {
  if (!pattern.test(value)) throw new QueryError(malformedCode, `Invalid id: "${shown(value)}" (${what})`);
  return value;
}

function integerParam(params: QueryParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  if (!/^-?[0-9]{1,6}$/.test(value)) throw invalidValue(value, name);
  return Number(value);
}

/** How one Describe call pages: MaxResults bounds, and the id list it cannot be combined with. */
interface Paging {
  readonly min: number;
  readonly max: number;
  /** DescribeSnapshots and DescribeVolumes answer a larger MaxResults with `max` items; others refuse it. */
  readonly clampsAbove: boolean;
  /** EC2's name for the id list in its refusal to combine it with MaxResults, when it refuses that. */
  readonly idSet?: string;
}

// As the EC2 API reference bounds each call's MaxResults, and says which id lists exclude it.
const PAGING = {
  DescribeInstances: { min: 5, max: 1000, clampsAbove: false, idSet: 'instancesSet' },
  DescribeSnapshots: { min: 5, max: 1000, clampsAbove: true, idSet: 'snapshotSet' },
  DescribeNetworkInterfaces: { min: 5, max: 1000, clampsAbove: false, idSet: 'networkInterfaceIdSet' },
  DescribeSecurityGroups: { min: 5, max: 1000, clampsAbove: false },
  DescribeNetworkAcls: { min: 5, max: 1000, clampsAbove: false },
  DescribeVolumes: { min: 5, max: 500, clampsAbove: true, idSet: 'volumeSet' },
  DescribeIamInstanceProfileAssociations: { min: 5, max: 1000, clampsAbove: false },
  DescribeVpcs: { min: 5, max: 1000, clampsAbove: false },
} as const satisfies Record<string, Paging>;
// Issued page tokens are kept server-side; the oldest are forgotten past this many, as tokens expire.
const PAGE_TOKENS_KEPT = 1000;

/** An address range in the form EC2 stores it: the network address of the prefix (10.0.0.9/8 → 10.0.0.0/8). */
function canonicalCidr(value: string, family: 'ipv4' | 'ipv6', parameter: string): string {
  const slash = value.indexOf('/');
  const valid =
    slash > 0 &&
    (family === 'ipv4'
      ? CIDR_V4.test(value) && ipaddr.IPv4.isValidCIDR(value)
      : CIDR_V6.test(value) && ipaddr.IPv6.isValidCIDR(value));
  if (!valid) throw invalidValue(value, parameter, 'CIDR block is malformed.');
  const network =
    family === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(value) : ipaddr.IPv6.networkAddressFromCIDR(value);
  return `${network.toString()}${value.slice(slash)}`;
}

const NACL_PROTOCOLS: Readonly<Record<string, string>> = {
  all: '-1',
  tcp: '6',
  udp: '17',
  icmp: '1',
  icmpv6: '58',
};
const NACL_RULE_NUMBERS = { min: 1, max: 32766 };
// The VPC quota on rules per network ACL, counted per direction (the default rule aside).
const NACL_ENTRIES_PER_DIRECTION = 20;

function naclProtocol(value: string): string {
  const lower = value.toLowerCase();
  if (Object.hasOwn(NACL_PROTOCOLS, lower)) return NACL_PROTOCOLS[lower] as string;
  if (/^(?:-1|[0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$/.test(lower)) return lower;
  throw invalidValue(value, 'protocol', 'Invalid protocol.');
}

function ruleNumberOf(params: QueryParams): number {
  const ruleNumber = integerParam(params, 'RuleNumber');
  if (ruleNumber === undefined) {
    throw new QueryError('MissingParameter', 'The request must contain the parameter ruleNumber');
  }
  // 32767 and above are EC2's own (the default deny), never a caller's.
  if (ruleNumber < NACL_RULE_NUMBERS.min || ruleNumber > NACL_RULE_NUMBERS.max) {
    throw invalidValue(
      String(ruleNumber),
      'ruleNumber',
      `Rule number must be between ${NACL_RULE_NUMBERS.min} and ${NACL_RULE_NUMBERS.max}.`,
    );
  }
  return ruleNumber;
}

function egressOf(params: QueryParams): boolean {
  const egress = booleanParam(params, 'Egress');
  if (egress === undefined)
    throw new QueryError('MissingParameter', 'The request must contain the parameter egress');
  return egress;
}

/** The entry CreateNetworkAclEntry and ReplaceNetworkAclEntry describe, checked as EC2 checks it. */
function readNetworkAclEntry(params: QueryParams): Ec2NetworkAclEntry {
  const ruleNumber = ruleNumberOf(params);
  const egress = egressOf(params);
  const protocol = naclProtocol(required(params, 'Protocol', 'protocol'));
  const ruleAction = required(params, 'RuleAction', 'ruleAction');
  if (ruleAction !== 'allow' && ruleAction !== 'deny') throw invalidValue(ruleAction, 'ruleAction');
  const cidr = params.get('CidrBlock');
  const ipv6Cidr = params.get('Ipv6CidrBlock');
  if ((cidr === undefined) === (ipv6Cidr === undefined)) {
    throw new QueryError(
      'InvalidParameterCombination',
      'Exactly one of cidrBlock and ipv6CidrBlock must be specified.',
    );
  }
  const range =
    cidr === undefined
      ? { ipv6CidrBlock: canonicalCidr(ipv6Cidr as string, 'ipv6', 'ipv6CidrBlock') }
      : { cidrBlock: canonicalCidr(cidr, 'ipv4', 'cidrBlock') };
  // Ports mean something to TCP and UDP only, ICMP types and codes to ICMP; EC2 drops the rest.
  let portRange: Ec2NetworkAclEntry['portRange'];
  if (protocol === '6' || protocol === '17') {
    const from = integerParam(params, 'PortRange.From');
    const to = integerParam(params, 'PortRange.To');
    if (from === undefined || to === undefined) {
      throw new QueryError(
        'InvalidParameterValue',
        'TCP and UDP entries require a port range (PortRange.From and PortRange.To).',
      );
    }
    if (from < 0 || to > 65535 || from > to) {
      throw invalidValue(`${from}-${to}`, 'portRange', 'Ports must be from 0 to 65535, From before To.');
    }
    portRange = { from, to };
  }
  let icmpTypeCode: Ec2NetworkAclEntry['icmpTypeCode'];
  if (protocol === '1' || (protocol === '58' && ipv6Cidr !== undefined)) {
    const type = integerParam(params, 'Icmp.Type');
    const code = integerParam(params, 'Icmp.Code');
    if (type === undefined || code === undefined) {
      throw new QueryError(
        'InvalidParameterValue',
        'ICMP entries require Icmp.Type and Icmp.Code (-1 for all).',
      );
    }
    if (type < -1 || type > 255 || code < -1 || code > 255) {
      throw invalidValue(`${type}/${code}`, 'icmpTypeCode', 'ICMP types and codes are -1 to 255.');
    }
    icmpTypeCode = { type, code };
  }
  return {
    ruleNumber,
    egress,
    protocol,
    ruleAction,
    ...range,
    ...(portRange && { portRange }),
    ...(icmpTypeCode && { icmpTypeCode }),
  };
}

function defaultNetworkAclEntries(): Ec2NetworkAclEntry[] {
  // Every VPC's default ACL: allow everything at 100, and the `*` rule EC2 keeps last, both directions.
  return [true, false].flatMap((egress) => [
    { ruleNumber: 100, egress, protocol: '-1', ruleAction: 'allow' as const, cidrBlock: '0.0.0.0/0' },
    { ruleNumber: 32767, egress, protocol: '-1', ruleAction: 'deny' as const, cidrBlock: '0.0.0.0/0' },
  ]);
}

function byDirectionAndNumber(a: Ec2NetworkAclEntry, b: Ec2NetworkAclEntry): number {
  return Number(b.egress) - Number(a.egress) || a.ruleNumber - b.ruleNumber;
}

function entryNotFound(ruleNumber: number, egress: boolean): QueryError {
  return new QueryError(
    'InvalidNetworkAclEntry.NotFound',
    `no ${egress ? 'egress' : 'ingress'} entry with number ${ruleNumber}`,
  );
}

const METADATA_OPTIONS = {
  HttpTokens: ['optional', 'required'],
  HttpEndpoint: ['enabled', 'disabled'],
  HttpProtocolIpv6: ['enabled', 'disabled'],
  InstanceMetadataTags: ['enabled', 'disabled'],
} as const;

/** The value of one of ModifyInstanceMetadataOptions' switches, if given. */
function metadataSwitch<K extends keyof typeof METADATA_OPTIONS>(
  params: QueryParams,
  name: K,
): (typeof METADATA_OPTIONS)[K][number] | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  const allowed: readonly string[] = METADATA_OPTIONS[name];
  if (!allowed.includes(value)) throw invalidValue(value, name);
  return value as (typeof METADATA_OPTIONS)[K][number];
}

function aclNotFound(aclId: string): QueryError {
  return new QueryError('InvalidNetworkAclID.NotFound', `The networkAcl ID '${shown(aclId)}' does not exist`);
}

function volumeNotFound(volumeId: string): QueryError {
  if (!VOLUME_ID.test(volumeId)) {
    return new QueryError('InvalidVolumeID.Malformed', `Invalid id: "${shown(volumeId)}" (volume)`);
  }
  return new QueryError('InvalidVolume.NotFound', `The volume '${shown(volumeId)}' does not exist.`);
}

/** The inside of `metadataOptions` (DescribeInstances) and `instanceMetadataOptions` (the Modify answer). */
function metadataOptionsXml(options: Ec2MetadataOptions, state: 'pending' | 'applied'): Xml {
  return xmlJoin(
    el('state', state),
    el('httpTokens', options.httpTokens),
    el('httpPutResponseHopLimit', options.httpPutResponseHopLimit),
    el('httpEndpoint', options.httpEndpoint),
    el('httpProtocolIpv6', options.httpProtocolIpv6),
    el('instanceMetadataTags', options.instanceMetadataTags),
  );
}

function networkAclEntryXml(entry: Ec2NetworkAclEntry): Xml {
  return xmlJoin(
    el('ruleNumber', entry.ruleNumber),
    el('protocol', entry.protocol),
    el('ruleAction', entry.ruleAction),
    el('egress', entry.egress),
    el('cidrBlock', entry.cidrBlock),
    el('ipv6CidrBlock', entry.ipv6CidrBlock),
    entry.icmpTypeCode &&
      el('icmpTypeCode', el('code', entry.icmpTypeCode.code), el('type', entry.icmpTypeCode.type)),
    entry.portRange && el('portRange', el('from', entry.portRange.from), el('to', entry.portRange.to)),
  );
}

/**
 * EC2's words for a signer it refuses, where IAM says InvalidClientTokenId or ExpiredToken: AuthFailure
 * (401) for a key it cannot validate, RequestExpired for a session past its expiry.
 */
function credentialRefusal(refusal: QueryError): QueryError {
  if (refusal.code === 'InvalidClientTokenId') {
    return new QueryError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
  }
  if (refusal.code === 'ExpiredToken') return new QueryError('RequestExpired', 'Request has expired.');
  return refusal;
}

function associationNotFound(associationId: string): QueryError {
  if (!PROFILE_ASSOCIATION_ID.test(associationId)) {
    return new QueryError('InvalidParameterValue', 'Invalid value for associationId.');
  }
  return new QueryError(
    'InvalidAssociationID.NotFound',
    `The association ID '${shown(associationId)}' does not exist`,
  );
}

export function createEc2Sim(
  accountId: string,
  region: string,
  findInstanceProfile: Ec2InstanceProfileLookup,
): Ec2Sim {
  const vpcs = new Map<string, Vpc>();
  const subnets = new Map<string, Subnet>();
  const networkAcls = new Map<string, NetworkAcl>();
  const instances = new Map<string, Instance>();
  const profileAssociations = new Map<string, ProfileAssociation>();
  const interfaces = new Map<string, NetworkInterface>();
  const groups = new Map<string, SecurityGroup>();
  const snapshots = new Map<string, Snapshot>();
  const pageTokens = new Map<string, { readonly action: string; readonly offset: number }>();
  // Tags of every resource, by resource id; keys stay strings in Maps, never object keys.
  const tags = new Map<string, Map<string, string>>();
  let metadataPendingDescribes = 0;

  const resourceType = (resourceId: string): string | undefined => {
    if (instances.has(resourceId)) return 'instance';
    if (groups.has(resourceId)) return 'security-group';
    if (interfaces.has(resourceId)) return 'network-interface';
    if (snapshots.has(resourceId)) return 'snapshot';
    if (vpcs.has(resourceId)) return 'vpc';
    if (networkAcls.has(resourceId)) return 'network-acl';
    for (const instance of instances.values()) {
      if (instance.volumes.some((volume) => volume.volumeId === resourceId)) return 'volume';
    }
    return undefined;
  };

  const addTags = (resourceId: string, added: Iterable<[string, string]>): void => {
    const own = new Map(tags.get(resourceId));
    for (const [key, value] of added) own.set(key, value);
    if (own.size > TAGS_PER_RESOURCE) {
      throw new QueryError(
        'TagLimitExceeded',
        `The maximum number of tags per resource is ${TAGS_PER_RESOURCE}`,
      );
    }
    if (own.size > 0) tags.set(resourceId, own);
  };

  const createGroup = (vpcId: string, groupName: string, description: string): SecurityGroup => {
    if (!vpcs.has(vpcId)) {
      throw new QueryError('InvalidVpcID.NotFound', `The vpc ID '${shown(vpcId)}' does not exist`);
    }
    if (groupName.length < 1 || groupName.length > GROUP_NAME_LENGTH)
      throw invalidValue(groupName, 'GroupName');
    if (groupName.toLowerCase().startsWith('sg-')) {
      throw invalidValue(groupName, 'GroupName', "Group names may not start with 'sg-'.");
    }
    if (description.length > GROUP_NAME_LENGTH) throw invalidValue(description, 'GroupDescription');
    if ([...groups.values()].some((group) => group.vpcId === vpcId && group.groupName === groupName)) {
      throw new QueryError(
        'InvalidGroup.Duplicate',
        `The security group '${shown(groupName)}' already exists for VPC '${vpcId}'`,
      );
    }
    const group: SecurityGroup = {
      groupId: newId('sg'),
      groupName,
      description,
      vpcId,
      ingress: [],
      egress: [ALL_EGRESS],
    };
    groups.set(group.groupId, group);
    return group;
  };

  const addVpc = (vpcId: string, seed: Ec2VpcSeed = {}): string => {
    checkId(vpcId, VPC_ID, 'InvalidVpcID.Malformed', 'vpc');
    const known = vpcs.get(vpcId);
    if (known) return known.defaultGroupId;
    const blocks = (cidrs: readonly string[], family: 'ipv4' | 'ipv6') =>
      cidrs.map((cidr) => ({
        cidr: canonicalCidr(cidr, family, 'CidrBlock'),
        associationId: newId('vpc-cidr-assoc'),
      }));
    const addresses = {
      cidrBlocks: blocks(seed.cidrBlocks ?? ['10.0.0.0/16'], 'ipv4'),
      ipv6CidrBlocks: blocks(seed.ipv6CidrBlocks ?? [], 'ipv6'),
    };
    if (addresses.cidrBlocks.length === 0) throw new Error(`addVpc: ${vpcId} needs an IPv4 CIDR block`);
    // createGroup wants the VPC to exist; the VPC wants its default group's id.
    vpcs.set(vpcId, { defaultGroupId: '', defaultNetworkAclId: '', ...addresses });
    const group = createGroup(vpcId, 'default', 'default VPC security group');
    // The default group lets its own members talk to each other, as every VPC's does.
    group.ingress.push({ ipProtocol: '-1', fromPort: null, toPort: null, peer: { groupId: group.groupId } });
    const acl: NetworkAcl = {
      networkAclId: newId('acl'),
      vpcId,
      isDefault: true,
      entries: defaultNetworkAclEntries(),
    };
    networkAcls.set(acl.networkAclId, acl);
    vpcs.set(vpcId, { defaultGroupId: group.groupId, defaultNetworkAclId: acl.networkAclId, ...addresses });
    return group.groupId;
  };

  /** A subnet as instances reveal it, associated with its VPC's default ACL as every new subnet is. */
  const addSubnet = (vpcId: string, subnetId: string): void => {
    const known = subnets.get(subnetId);
    if (known) {
      if (known.vpcId !== vpcId)
        throw new Error(`addInstance: ${subnetId} is in ${known.vpcId}, not ${vpcId}`);
      return;
    }
    const vpc = vpcs.get(vpcId) as Vpc;
    subnets.set(subnetId, {
      vpcId,
      networkAclId: vpc.defaultNetworkAclId,
      associationId: newId('aclassoc'),
    });
  };

  const subnetsOf = (acl: NetworkAcl): [string, Subnet][] =>
    [...subnets].filter(([, subnet]) => subnet.networkAclId === acl.networkAclId);

  const aclOf = (params: QueryParams): NetworkAcl => {
    const aclId = required(params, 'NetworkAclId', 'networkAclId');
    const acl = networkAcls.get(aclId);
    if (!acl) throw aclNotFound(aclId);
    return acl;
  };

  const associationOf = (instanceId: string): ProfileAssociation | undefined =>
    [...profileAssociations.values()].find((association) => association.instanceId === instanceId);

  const associate = (instanceId: string, profile: ProfileAssociation['profile']): ProfileAssociation => {
    const association: ProfileAssociation = {
      associationId: newId('iip-assoc'),
      instanceId,
      profile,
      timestamp: new Date(),
    };
    profileAssociations.set(association.associationId, association);
    return association;
  };

  /** The association named by AssociationId, or EC2's refusal. */
  const associationFrom = (params: QueryParams): ProfileAssociation => {
    const associationId = required(params, 'AssociationId');
    const association = profileAssociations.get(associationId);
    if (!association) throw associationNotFound(associationId);
    return association;
  };

  /** The profile named by IamInstanceProfile.Arn or .Name, which IAM must hold. */
  const profileOf = (params: QueryParams): ProfileAssociation['profile'] => {
    const specification = params.nested('IamInstanceProfile');
    const arn = specification.get('Arn');
    const name = specification.get('Name');
    if (arn !== undefined) {
      const found = findInstanceProfile({ arn });
      if (!found) throw invalidValue(arn, 'iamInstanceProfile.arn', 'Invalid IAM Instance Profile ARN');
      return found;
    }
    if (name !== undefined) {
      const found = findInstanceProfile({ name });
      if (!found) throw invalidValue(name, 'iamInstanceProfile.name', 'Invalid IAM Instance Profile name');
      return found;
    }
    throw new QueryError('MissingParameter', 'The request must contain the parameter IamInstanceProfile');
  };

  /**
   * One page of a Describe answer. Tokens are kept here and name the action and where the next page starts,
   * so a token from another call, an old one, or a made-up one is refused as EC2 refuses it.
   */
  const pageOf = <T>(
    action: keyof typeof PAGING,
    params: QueryParams,
    found: readonly T[],
    idsGiven: boolean,
  ): { page: readonly T[]; nextToken: Xml | undefined } => {
    const paging: Paging = PAGING[action];
    const maxResults = integerParam(params, 'MaxResults');
    if (maxResults !== undefined) {
      if (idsGiven && paging.idSet) {
        throw new QueryError(
          'InvalidParameterCombination',
          `The parameter ${paging.idSet} cannot be used with the parameter maxResults`,
        );
      }
      if (maxResults < paging.min) {
        throw new QueryError(
          'InvalidParameterValue',
          `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value greater than ${paging.min}.`,
        );
      }
      if (maxResults > paging.max && !paging.clampsAbove) {
        throw new QueryError(
          'InvalidParameterValue',
          `Value ( ${maxResults} ) for parameter maxResults is invalid. ` +
            `Expecting a value smaller than or equal to ${paging.max}.`,
        );
      }
    }
    const token = params.get('NextToken');
    let offset = 0;
    if (token !== undefined) {
      const issued = pageTokens.get(token);
      if (issued?.action !== action) throw invalidValue(token, 'NextToken', 'The token is invalid.');
      offset = issued.offset;
    }
    // Without MaxResults, EC2 answers everything that is left.
    const size = maxResults === undefined ? found.length : Math.min(maxResults, paging.max);
    const page = found.slice(offset, offset + size);
    const next = offset + page.length;
    if (next >= found.length) return { page, nextToken: undefined };
    const nextToken = randomBytes(24).toString('base64url');
    pageTokens.set(nextToken, { action, offset: next });
    const oldest = pageTokens.keys().next().value;
    if (pageTokens.size > PAGE_TOKENS_KEPT && oldest !== undefined) pageTokens.delete(oldest);
    return { page, nextToken: el('nextToken', nextToken) };
  };

  const instanceOf = (instanceId: string): Instance => {
    const instance = instances.get(instanceId);
    if (!instance) throw instanceNotFound(instanceId);
    return instance;
  };

  /** A group named by GroupId, or by GroupName (which EC2 looks up among the default VPC's, here any). */
  const groupOf = (params: QueryParams): SecurityGroup => {
    const groupId = params.get('GroupId');
    if (groupId !== undefined) {
      const group = groups.get(groupId);
      if (group) return group;
      checkId(groupId, GROUP_ID, 'InvalidGroupId.Malformed', 'security group');
      throw groupNotFound(groupId);
    }
    const groupName = required(params, 'GroupName');
    const named = [...groups.values()].filter((group) => group.groupName === groupName);
    if (named.length !== 1) throw groupNotFound(groupName);
    return named[0] as SecurityGroup;
  };

  const groupSet = (groupIds: readonly string[]): Xml =>
    items(
      'groupSet',
      groupIds.map((groupId) =>
        xmlJoin(el('groupId', groupId), el('groupName', groups.get(groupId)?.groupName)),
      ),
    );

  const interfaceXml = (eni: NetworkInterface, within: 'list' | 'instance'): Xml => {
    const body = xmlJoin(
      el('networkInterfaceId', eni.networkInterfaceId),
      el('subnetId', eni.subnetId),
      el('vpcId', eni.vpcId),
      el('ownerId', accountId),
      el('status', 'in-use'),
      el('sourceDestCheck', true),
      groupSet(eni.groupIds),
      el(
        'attachment',
        el('attachmentId', `eni-attach-${eni.networkInterfaceId.slice(4)}`),
        within === 'instance' ? undefined : el('instanceId', eni.instanceId),
        el('deviceIndex', eni.deviceIndex),
        el('status', 'attached'),
        el('deleteOnTermination', eni.deviceIndex === 0),
      ),
      within === 'instance' ? undefined : el('interfaceType', 'interface'),
      within === 'instance' ? undefined : tagSet(tags.get(eni.networkInterfaceId)),
    );
    return body;
  };

  const blockDevices = (instance: Instance): Xml =>
    items(
      'blockDeviceMapping',
      instance.volumes.map((volume) =>
        xmlJoin(
          el('deviceName', volume.deviceName),
          el(
            'ebs',
            el('volumeId', volume.volumeId),
            el('status', 'attached'),
            el('attachTime', volume.attachTime),
            el('deleteOnTermination', volume.deleteOnTermination),
          ),
        ),
      ),
    );

  const instanceXml = (instance: Instance): Xml => {
    const primary = instance.interfaces[0];
    const profile = associationOf(instance.instanceId)?.profile;
    const metadataState = instance.metadataPendingDescribes > 0 ? 'pending' : 'applied';
    instance.metadataPendingDescribes = Math.max(instance.metadataPendingDescribes - 1, 0);
    return xmlJoin(
      el('instanceId', instance.instanceId),
      el('imageId', 'ami-0123456789abcdef0'),
      el('instanceState', el('code', 16), el('name', 'running')),
      el('instanceType', 't3.micro'),
      el('launchTime', instance.launchTime),
      el('placement', el('availabilityZone', `${region}a`), el('tenancy', 'default')),
      instance.spotInstanceRequestId === null ? undefined : el('instanceLifecycle', 'spot'),
      instance.spotInstanceRequestId === null
        ? undefined
        : el('spotInstanceRequestId', instance.spotInstanceRequestId),
      el('subnetId', instance.subnetId),
      el('vpcId', instance.vpcId),
      el('rootDeviceType', 'ebs'),
      el('rootDeviceName', instance.volumes[0]?.deviceName),
      blockDevices(instance),
      // An instance's groups are its primary interface's, as EC2 reports them.
      groupSet(primary?.groupIds ?? []),
      profile === undefined
        ? undefined
        : el('iamInstanceProfile', el('arn', profile.arn), el('id', profile.id)),
      items(
        'networkInterfaceSet',
        instance.interfaces.map((eni) => interfaceXml(eni, 'instance')),
      ),
      el('metadataOptions', metadataOptionsXml(instance.metadataOptions, metadataState)),
      el('disableApiTermination', instance.disableApiTermination),
      tagSet(tags.get(instance.instanceId)),
    );
  };

  const associationXml = (association: ProfileAssociation, state: string): Xml =>
    xmlJoin(
      el('associationId', association.associationId),
      el('instanceId', association.instanceId),
      el('iamInstanceProfile', el('arn', association.profile.arn), el('id', association.profile.id)),
      el('state', state),
      el('timestamp', association.timestamp),
    );

  const volumeXml = ({ instance, volume }: { instance: Instance; volume: Volume }): Xml =>
    xmlJoin(
      el('volumeId', volume.volumeId),
      el('size', volume.sizeGiB),
      el('snapshotId', ''),
      el('availabilityZone', `${region}a`),
      el('status', 'in-use'),
      el('createTime', volume.attachTime),
      items('attachmentSet', [
        xmlJoin(
          el('volumeId', volume.volumeId),
          el('instanceId', instance.instanceId),
          el('device', volume.deviceName),
          el('status', 'attached'),
          el('attachTime', volume.attachTime),
          el('deleteOnTermination', volume.deleteOnTermination),
        ),
      ]),
      el('volumeType', 'gp3'),
      el('iops', 3000),
      el('throughput', 125),
      el('encrypted', false),
      el('multiAttachEnabled', false),
      tagSet(tags.get(volume.volumeId)),
    );

  const networkAclXml = (acl: NetworkAcl): Xml =>
    xmlJoin(
      el('networkAclId', acl.networkAclId),
      el('vpcId', acl.vpcId),
      el('default', acl.isDefault),
      items('entrySet', [...acl.entries].sort(byDirectionAndNumber).map(networkAclEntryXml)),
      items(
        'associationSet',
        subnetsOf(acl).map(([subnetId, subnet]) =>
          xmlJoin(
            el('networkAclAssociationId', subnet.associationId),
            el('networkAclId', acl.networkAclId),
            el('subnetId', subnetId),
          ),
        ),
      ),
      tagSet(tags.get(acl.networkAclId)),
      el('ownerId', accountId),
    );

  const vpcXml = ([vpcId, vpc]: [string, Vpc]): Xml =>
    xmlJoin(
      el('vpcId', vpcId),
      el('ownerId', accountId),
      el('state', 'available'),
      el('cidrBlock', vpc.cidrBlocks[0]?.cidr),
      items(
        'cidrBlockAssociationSet',
        vpc.cidrBlocks.map((block) =>
          xmlJoin(
            el('cidrBlock', block.cidr),
            el('associationId', block.associationId),
            el('cidrBlockState', el('state', 'associated')),
          ),
        ),
      ),
      vpc.ipv6CidrBlocks.length === 0
        ? undefined
        : items(
            'ipv6CidrBlockAssociationSet',
            vpc.ipv6CidrBlocks.map((block) =>
              xmlJoin(
                el('ipv6CidrBlock', block.cidr),
                el('associationId', block.associationId),
                el('ipv6CidrBlockState', el('state', 'associated')),
                el('networkBorderGroup', region),
                el('ipv6Pool', 'Amazon'),
              ),
            ),
          ),
      el('instanceTenancy', 'default'),
      el('isDefault', false),
      tagSet(tags.get(vpcId)),
    );

  const groupXml = (group: SecurityGroup): Xml =>
    xmlJoin(
      el('ownerId', accountId),
      el('groupId', group.groupId),
      el('groupName', group.groupName),
      el('groupDescription', group.description),
      el('vpcId', group.vpcId),
      permissionsXml('ipPermissions', group.ingress, accountId),
      permissionsXml('ipPermissionsEgress', group.egress, accountId),
      tagSet(tags.get(group.groupId)),
    );

  const snapshotXml = (snapshot: Snapshot): Xml =>
    xmlJoin(
      el('snapshotId', snapshot.snapshotId),
      el('volumeId', snapshot.volumeId),
      el('status', snapshot.status),
      // EBS gives the reason of a failed snapshot in the status message.
      snapshot.status === 'error' ? el('statusMessage', 'Snapshot creation failed.') : undefined,
      el('startTime', snapshot.startTime),
      el('progress', snapshot.status === 'completed' ? '100%' : '0%'),
      el('ownerId', accountId),
      el('volumeSize', snapshot.sizeGiB),
      el('description', snapshot.description),
      el('encrypted', false),
      tagSet(tags.get(snapshot.snapshotId)),
    );

  /** Ids asked for by `Name.N`, each known, or the NotFound EC2 answers for the first unknown one. */
  const requested = <T>(
    params: QueryParams,
    name: string,
    known: Map<string, T>,
    missing: (id: string) => QueryError,
  ) => {
    const ids = params.flatList(name);
    for (const id of ids) if (!known.has(id)) throw missing(id);
    return ids.length === 0 ? undefined : new Set(ids);
  };

  const modifyRules = (params: QueryParams, direction: 'ingress' | 'egress', add: boolean): Xml => {
    const group = groupOf(params);
    const rules = readRules(params, (groupId) => groups.has(groupId));
    const list = group[direction];
    if (add) {
      for (const rule of rules) {
        if (list.some((existing) => sameRule(existing, rule))) {
          throw new QueryError(
            'InvalidPermission.Duplicate',
            `the specified rule "${describeRule(rule)}" already exists`,
          );
        }
      }
      list.push(...rules);
    } else {
      if (!rules.every((rule) => list.some((existing) => sameRule(existing, rule)))) {
        throw new QueryError(
          'InvalidPermission.NotFound',
          'The specified rule does not exist in this security group.',
        );
      }
      const kept = list.filter((existing) => !rules.some((rule) => sameRule(existing, rule)));
      list.splice(0, list.length, ...kept);
    }
    return el('return', true);
  };

  const actions = new Map<string, QueryHandler>([
    [
      'DescribeInstances',
      ({ params }) => {
        const ids = requested(params, 'InstanceId', instances, instanceNotFound);
        const filters = parseFilters(params, [
          'instance-id',
          'vpc-id',
          'subnet-id',
          'instance-state-name',
          'instance-lifecycle',
          'tag-key',
          'network-interface.network-interface-id',
          'instance.group-id',
          'iam-instance-profile.arn',
        ]);
        const found = [...instances.values()].filter(
          (instance) =>
            (!ids || ids.has(instance.instanceId)) &&
            matches(filters, (name) => {
              const own = tags.get(instance.instanceId);
              switch (name) {
                case 'instance-id':
                  return [instance.instanceId];
                case 'vpc-id':
                  return [instance.vpcId];
                case 'subnet-id':
                  return [instance.subnetId];
                case 'instance-state-name':
                  return ['running'];
                case 'instance-lifecycle':
                  return instance.spotInstanceRequestId === null ? [] : ['spot'];
                case 'network-interface.network-interface-id':
                  return instance.interfaces.map((eni) => eni.networkInterfaceId);
                case 'instance.group-id':
                  return instance.interfaces[0]?.groupIds ?? [];
                case 'iam-instance-profile.arn': {
                  const profile = associationOf(instance.instanceId)?.profile;
                  return profile === undefined ? [] : [profile.arn];
                }
                default:
                  return tagFilter(own, name);
              }
            }),
        );
        const { page, nextToken } = pageOf('DescribeInstances', params, found, ids !== undefined);
        return xmlJoin(
          items(
            'reservationSet',
            page.map((instance) =>
              xmlJoin(
                el('reservationId', instance.reservationId),
                el('ownerId', accountId),
                items('groupSet', []),
                items('instancesSet', [instanceXml(instance)]),
              ),
            ),
          ),
          nextToken,
        );
      },
    ],
    [
      'DescribeInstanceAttribute',
      ({ params }) => {
        const instance = instanceOf(required(params, 'InstanceId'));
        const attribute = required(params, 'Attribute');
        const value = (() => {
          switch (attribute) {
            case 'disableApiTermination':
              return el('disableApiTermination', el('value', instance.disableApiTermination));
            case 'instanceInitiatedShutdownBehavior':
              return el(
                'instanceInitiatedShutdownBehavior',
                el('value', instance.instanceInitiatedShutdownBehavior),
              );
            case 'blockDeviceMapping':
              return blockDevices(instance);
            case 'groupSet':
              return groupSet(instance.interfaces[0]?.groupIds ?? []);
            default:
              throw invalidValue(attribute, 'attribute', 'Unknown attribute.');
          }
        })();
        return xmlJoin(el('instanceId', instance.instanceId), value);
      },
    ],
    [
      'ModifyInstanceAttribute',
      ({ params }) => {
        const instance = instanceOf(required(params, 'InstanceId'));
        // The same change comes either as `Attribute` + `Value` or as the attribute's own structure.
        const attribute = params.get('Attribute');
        const single = (name: string) =>
          attribute === name
            ? params.get('Value')
            : params.get(`${name[0]?.toUpperCase()}${name.slice(1)}.Value`);
        const termination = single('disableApiTermination');
        const shutdown = single('instanceInitiatedShutdownBehavior');
        const mappings = params.flatStructures('BlockDeviceMapping');
        const changes =
          [termination, shutdown].filter((value) => value !== undefined).length +
          (mappings.length > 0 ? 1 : 0);
        if (changes !== 1) {
          throw new QueryError(
            'InvalidParameterCombination',
            'Exactly one attribute must be modified per request.',
          );
        }
        if (termination !== undefined) {
          if (termination !== 'true' && termination !== 'false')
            throw invalidValue(termination, 'DisableApiTermination');
          // Either way, on or off: EC2 keeps Spot Instances out of termination protection altogether.
          if (instance.spotInstanceRequestId !== null) {
            throw new QueryError(
              'UnsupportedOperation',
              "Modifying 'disableApiTermination' is not supported for spot instances.",
            );
          }
          instance.disableApiTermination = termination === 'true';
        }
        if (shutdown !== undefined) {
          if (shutdown !== 'stop' && shutdown !== 'terminate') {
            throw invalidValue(shutdown, 'InstanceInitiatedShutdownBehavior');
          }
          instance.instanceInitiatedShutdownBehavior = shutdown;
        }
        // Checked whole before any is applied, so a bad entry changes nothing.
        const updates = mappings.map((mapping) => {
          const deviceName = required(mapping, 'DeviceName', 'BlockDeviceMapping.DeviceName');
          const volume = instance.volumes.find((entry) => entry.deviceName === deviceName);
          if (!volume) {
            throw new QueryError(
              'InvalidInstanceAttributeValue',
              `No device is currently mapped at ${shown(deviceName)}`,
            );
          }
          const deleteOnTermination = booleanParam(mapping, 'Ebs.DeleteOnTermination');
          if (deleteOnTermination === undefined) {
            throw new QueryError(
              'MissingParameter',
              'The request must contain the parameter Ebs.DeleteOnTermination',
            );
          }
          return { volume, deleteOnTermination };
        });
        for (const { volume, deleteOnTermination } of updates)
          volume.deleteOnTermination = deleteOnTermination;
        return el('return', true);
      },
    ],
    [
      'ModifyInstanceMetadataOptions',
      ({ params }) => {
        const instance = instanceOf(required(params, 'InstanceId'));
        const hopLimit = integerParam(params, 'HttpPutResponseHopLimit');
        if (hopLimit !== undefined && (hopLimit < 1 || hopLimit > 64)) {
          throw invalidValue(String(hopLimit), 'HttpPutResponseHopLimit', 'Possible values are 1 to 64.');
        }
        // What is not given stays as it is, as EC2 keeps it.
        const current = instance.metadataOptions;
        instance.metadataOptions = {
          httpTokens: metadataSwitch(params, 'HttpTokens') ?? current.httpTokens,
          httpEndpoint: metadataSwitch(params, 'HttpEndpoint') ?? current.httpEndpoint,
          httpPutResponseHopLimit: hopLimit ?? current.httpPutResponseHopLimit,
          httpProtocolIpv6: metadataSwitch(params, 'HttpProtocolIpv6') ?? current.httpProtocolIpv6,
          instanceMetadataTags:
            metadataSwitch(params, 'InstanceMetadataTags') ?? current.instanceMetadataTags,
        };
        instance.metadataPendingDescribes = metadataPendingDescribes;
        // EC2 answers a running instance's change as pending; it is applied by the next describe.
        return xmlJoin(
          el('instanceId', instance.instanceId),
          el('instanceMetadataOptions', metadataOptionsXml(instance.metadataOptions, 'pending')),
        );
      },
    ],
    [
      'DescribeIamInstanceProfileAssociations',
      ({ params }) => {
        const ids = requested(params, 'AssociationId', profileAssociations, associationNotFound);
        const filters = parseFilters(params, ['instance-id', 'state']);
        const found = [...profileAssociations.values()].filter(
          (association) =>
            (!ids || ids.has(association.associationId)) &&
            matches(filters, (name) => {
              if (name === 'instance-id') return [association.instanceId];
              if (name === 'state') return ['associated'];
              return [];
            }),
        );
        const { page, nextToken } = pageOf(
          'DescribeIamInstanceProfileAssociations',
          params,
          found,
          ids !== undefined,
        );
        return xmlJoin(
          items(
            'iamInstanceProfileAssociationSet',
            page.map((association) => associationXml(association, 'associated')),
          ),
          nextToken,
        );
      },
    ],
    [
      'AssociateIamInstanceProfile',
      ({ params }) => {
        const instance = instanceOf(required(params, 'InstanceId'));
        const profile = profileOf(params);
        if (associationOf(instance.instanceId)) {
          throw new QueryError(
            'IncorrectState',
            `There is an existing association for instance ${instance.instanceId}`,
          );
        }
        const association = associate(instance.instanceId, profile);
        return el('iamInstanceProfileAssociation', associationXml(association, 'associating'));
      },
    ],
    [
      'ReplaceIamInstanceProfileAssociation',
      ({ params }) => {
        const current = associationFrom(params);
        const profile = profileOf(params);
        // EC2 ends the old association and starts one under a new id, rather than changing the old one.
        profileAssociations.delete(current.associationId);
        const association = associate(current.instanceId, profile);
        return el('iamInstanceProfileAssociation', associationXml(association, 'associating'));
      },
    ],
    [
      'DisassociateIamInstanceProfile',
      ({ params }) => {
        const current = associationFrom(params);
        profileAssociations.delete(current.associationId);
        return el('iamInstanceProfileAssociation', associationXml(current, 'disassociating'));
      },
    ],
    [
      'DescribeVolumes',
      ({ params }) => {
        const attached = new Map(
          [...instances.values()].flatMap((instance) =>
            instance.volumes.map((volume): [string, { instance: Instance; volume: Volume }] => [
              volume.volumeId,
              { instance, volume },
            ]),
          ),
        );
        const ids = requested(params, 'VolumeId', attached, volumeNotFound);
        const filters = parseFilters(params, [
          'volume-id',
          'attachment.instance-id',
          'attachment.device',
          'attachment.delete-on-termination',
          'attachment.status',
          'status',
          'size',
          'availability-zone',
          'tag-key',
        ]);
        const found = [...attached.values()].filter(
          ({ instance, volume }) =>
            (!ids || ids.has(volume.volumeId)) &&
            matches(filters, (name) => {
              switch (name) {
                case 'volume-id':
                  return [volume.volumeId];
                case 'attachment.instance-id':
                  return [instance.instanceId];
                case 'attachment.device':
                  return [volume.deviceName];
                case 'attachment.delete-on-termination':
                  return [String(volume.deleteOnTermination)];
                case 'attachment.status':
                  return ['attached'];
                case 'status':
                  return ['in-use'];
                case 'size':
                  return [String(volume.sizeGiB)];
                case 'availability-zone':
                  return [`${region}a`];
                default:
                  return tagFilter(tags.get(volume.volumeId), name);
              }
            }),
        );
        const { page, nextToken } = pageOf('DescribeVolumes', params, found, ids !== undefined);
        return xmlJoin(items('volumeSet', page.map(volumeXml)), nextToken);
      },
    ],
    [
      'DescribeNetworkAcls',
      ({ params }) => {
        const ids = requested(params, 'NetworkAclId', networkAcls, aclNotFound);
        const filters = parseFilters(params, [
          'network-acl-id',
          'vpc-id',
          'default',
          'owner-id',
          'association.subnet-id',
          'association.association-id',
          'association.network-acl-id',
          'entry.rule-number',
          'entry.egress',
          'entry.rule-action',
          'entry.protocol',
          'entry.cidr',
          'entry.ipv6-cidr',
          'tag-key',
        ]);
        const found = [...networkAcls.values()].filter(
          (acl) =>
            (!ids || ids.has(acl.networkAclId)) &&
            matches(filters, (name) => {
              const associated = subnetsOf(acl);
              const ofEntries = (value: (entry: Ec2NetworkAclEntry) => string | undefined) =>
                acl.entries.flatMap((entry) => value(entry) ?? []);
              switch (name) {
                case 'network-acl-id':
                  return [acl.networkAclId];
                case 'vpc-id':
                  return [acl.vpcId];
                case 'default':
                  return [String(acl.isDefault)];
                case 'owner-id':
                  return [accountId];
                case 'association.subnet-id':
                  return associated.map(([subnetId]) => subnetId);
                case 'association.association-id':
                  return associated.map(([, subnet]) => subnet.associationId);
                case 'association.network-acl-id':
                  return associated.length > 0 ? [acl.networkAclId] : [];
                case 'entry.rule-number':
                  return ofEntries((entry) => String(entry.ruleNumber));
                case 'entry.egress':
                  return ofEntries((entry) => String(entry.egress));
                case 'entry.rule-action':
                  return ofEntries((entry) => entry.ruleAction);
                case 'entry.protocol':
                  return ofEntries((entry) => entry.protocol);
                case 'entry.cidr':
                  return ofEntries((entry) => entry.cidrBlock);
                case 'entry.ipv6-cidr':
                  return ofEntries((entry) => entry.ipv6CidrBlock);
                default:
                  return tagFilter(tags.get(acl.networkAclId), name);
              }
            }),
        );
        const { page, nextToken } = pageOf('DescribeNetworkAcls', params, found, ids !== undefined);
        return xmlJoin(items('networkAclSet', page.map(networkAclXml)), nextToken);
      },
    ],
    [
      'DescribeVpcs',
      ({ params }) => {
        const ids = requested(params, 'VpcId', vpcs, (vpcId) =>
          VPC_ID.test(vpcId)
            ? new QueryError('InvalidVpcID.NotFound', `The vpc ID '${shown(vpcId)}' does not exist`)
            : new QueryError('InvalidVpcID.Malformed', `Invalid id: "${shown(vpcId)}" (vpc)`),
        );
        const filters = parseFilters(params, [
          'vpc-id',
          'cidr',
          'cidr-block-association.cidr-block',
          'ipv6-cidr-block-association.ipv6-cidr-block',
          'is-default',
          'state',
          'owner-id',
          'tag-key',
        ]);
        const found = [...vpcs].filter(
          ([vpcId, vpc]) =>
            (!ids || ids.has(vpcId)) &&
            matches(filters, (name) => {
              switch (name) {
                case 'vpc-id':
                  return [vpcId];
                case 'cidr':
                  return vpc.cidrBlocks.slice(0, 1).map((block) => block.cidr);
                case 'cidr-block-association.cidr-block':
                  return vpc.cidrBlocks.map((block) => block.cidr);
                case 'ipv6-cidr-block-association.ipv6-cidr-block':
                  return vpc.ipv6CidrBlocks.map((block) => block.cidr);
                case 'is-default':
                  return ['false'];
                case 'state':
                  return ['available'];
                case 'owner-id':
                  return [accountId];
                default:
                  return tagFilter(tags.get(vpcId), name);
              }
            }),
        );
        const { page, nextToken } = pageOf('DescribeVpcs', params, found, false);
        return xmlJoin(items('vpcSet', page.map(vpcXml)), nextToken);
      },
    ],
    [
      'CreateNetworkAclEntry',
      ({ params }) => {
        const acl = aclOf(params);
        const entry = readNetworkAclEntry(params);
        if (
          acl.entries.some((other) => other.egress === entry.egress && other.ruleNumber === entry.ruleNumber)
        ) {
          throw new QueryError(
            'NetworkAclEntryAlreadyExists',
            `The network acl entry identified by ${entry.ruleNumber} already exists.`,
          );
        }
        const inDirection = acl.entries.filter(
          (other) => other.egress === entry.egress && other.ruleNumber <= NACL_RULE_NUMBERS.max,
        );
        if (inDirection.length >= NACL_ENTRIES_PER_DIRECTION) {
          throw new QueryError(
            'NetworkAclEntryLimitExceeded',
            `The maximum number of ${entry.egress ? 'egress' : 'ingress'} entries (${NACL_ENTRIES_PER_DIRECTION}) has been reached.`,
          );
        }
        acl.entries.push(entry);
        return el('return', true);
      },
    ],
    [
      'ReplaceNetworkAclEntry',
      ({ params }) => {
        const acl = aclOf(params);
        const entry = readNetworkAclEntry(params);
        const index = acl.entries.findIndex(
          (other) => other.egress === entry.egress && other.ruleNumber === entry.ruleNumber,
        );
        if (index < 0) throw entryNotFound(entry.ruleNumber, entry.egress);
        acl.entries[index] = entry;
        return el('return', true);
      },
    ],
    [
      'DeleteNetworkAclEntry',
      ({ params }) => {
        const acl = aclOf(params);
        const ruleNumber = ruleNumberOf(params);
        const egress = egressOf(params);
        const index = acl.entries.findIndex(
          (entry) => entry.egress === egress && entry.ruleNumber === ruleNumber,
        );
        if (index < 0) throw entryNotFound(ruleNumber, egress);
        acl.entries.splice(index, 1);
        return el('return', true);
      },
    ],
    [
      'CreateSecurityGroup',
      ({ params }) => {
        const vpcId = required(params, 'VpcId');
        const groupTags = tagSpecifications(params, 'security-group');
        checkTagCount(groupTags);
        const group = createGroup(vpcId, required(params, 'GroupName'), required(params, 'GroupDescription'));
        addTags(group.groupId, groupTags);
        return xmlJoin(el('return', true), el('groupId', group.groupId), tagSet(tags.get(group.groupId)));
      },
    ],
    [
      'DescribeSecurityGroups',
      ({ params }) => {
        const ids = requested(params, 'GroupId', groups, groupNotFound);
        const names = params.flatList('GroupName');
        for (const name of names) {
          if (![...groups.values()].some((group) => group.groupName === name)) throw groupNotFound(name);
        }
        const filters = parseFilters(params, ['group-id', 'group-name', 'vpc-id', 'description', 'tag-key']);
        const found = [...groups.values()].filter(
          (group) =>
            (!ids || ids.has(group.groupId)) &&
            (names.length === 0 || names.includes(group.groupName)) &&
            matches(filters, (name) => {
              switch (name) {
                case 'group-id':
                  return [group.groupId];
                case 'group-name':
                  return [group.groupName];
                case 'vpc-id':
                  return [group.vpcId];
                case 'description':
                  return [group.description];
                default:
                  return tagFilter(tags.get(group.groupId), name);
              }
            }),
        );
        const { page, nextToken } = pageOf('DescribeSecurityGroups', params, found, false);
        return xmlJoin(items('securityGroupInfo', page.map(groupXml)), nextToken);
      },
    ],
    ['AuthorizeSecurityGroupIngress', ({ params }) => modifyRules(params, 'ingress', true)],
    ['AuthorizeSecurityGroupEgress', ({ params }) => modifyRules(params, 'egress', true)],
    ['RevokeSecurityGroupIngress', ({ params }) => modifyRules(params, 'ingress', false)],
    ['RevokeSecurityGroupEgress', ({ params }) => modifyRules(params, 'egress', false)],
    [
      'DeleteSecurityGroup',
      ({ params }) => {
        const group = groupOf(params);
        if (group.groupName === 'default') {
          throw new QueryError(
            'CannotDelete',
            `the specified group: "${group.groupId}" name: "default" cannot be deleted by a user`,
          );
        }
        const inUse =
          [...interfaces.values()].some((eni) => eni.groupIds.includes(group.groupId)) ||
          [...groups.values()].some(
            (other) =>
              other !== group &&
              [...other.ingress, ...other.egress].some(
                (rule) => 'groupId' in rule.peer && rule.peer.groupId === group.groupId,
              ),
          );
        if (inUse) {
          throw new QueryError('DependencyViolation', `resource ${group.groupId} has a dependent object`);
        }
        groups.delete(group.groupId);
        tags.delete(group.groupId);
        return xmlJoin(el('return', true), el('groupId', group.groupId));
      },
    ],
    [
      'DescribeNetworkInterfaces',
      ({ params }) => {
        const ids = requested(params, 'NetworkInterfaceId', interfaces, interfaceNotFound);
        const filters = parseFilters(params, [
          'network-interface-id',
          'attachment.instance-id',
          'vpc-id',
          'subnet-id',
          'group-id',
          'tag-key',
        ]);
        const found = [...interfaces.values()].filter(
          (eni) =>
            (!ids || ids.has(eni.networkInterfaceId)) &&
            matches(filters, (name) => {
              switch (name) {
                case 'network-interface-id':
                  return [eni.networkInterfaceId];
                case 'attachment.instance-id':
                  return [eni.instanceId];
                case 'vpc-id':
                  return [eni.vpcId];
                case 'subnet-id':
                  return [eni.subnetId];
                case 'group-id':
                  return eni.groupIds;
                default:
                  return tagFilter(tags.get(eni.networkInterfaceId), name);
              }
            }),
        );
        const { page, nextToken } = pageOf('DescribeNetworkInterfaces', params, found, ids !== undefined);
        return xmlJoin(
          items(
            'networkInterfaceSet',
            page.map((eni) => interfaceXml(eni, 'list')),
          ),
          nextToken,
        );
      },
    ],
    [
      'ModifyNetworkInterfaceAttribute',
      ({ params }) => {
        const eniId = required(params, 'NetworkInterfaceId');
        const eni = interfaces.get(eniId);
        if (!eni) {
          checkId(eniId, ENI_ID, 'InvalidNetworkInterfaceId.Malformed', 'network interface');
          throw interfaceNotFound(eniId);
        }
        const groupIds = params.flatList('SecurityGroupId');
        if (groupIds.length === 0) {
          throw new QueryError('MissingParameter', 'The request must contain the parameter SecurityGroupId');
        }
        if (groupIds.length > 5) {
          throw new QueryError(
            'SecurityGroupsPerInterfaceLimitExceeded',
            'The maximum number of security groups per interface is 5',
          );
        }
        for (const groupId of groupIds) {
          const group = groups.get(groupId);
          if (!group) throw groupNotFound(groupId);
          if (group.vpcId !== eni.vpcId) {
            throw new QueryError(
              'InvalidParameter',
              `Security group ${groupId} and interface ${eniId} belong to different networks.`,
            );
          }
        }
        eni.groupIds = [...new Set(groupIds)];
        return el('return', true);
      },
    ],
    [
      'CreateTags',
      ({ params }) => {
        const resourceIds = params.flatList('ResourceId');
        if (resourceIds.length === 0) {
          throw new QueryError('MissingParameter', 'The request must contain the parameter ResourceId');
        }
        const added = readTags(params);
        for (const resourceId of resourceIds) {
          // A well-formed instance id that does not exist is NotFound, as EC2 answers; anything else unknown
          // is not an id at all.
          if (resourceType(resourceId) === undefined && INSTANCE_ID.test(resourceId))
            throw instanceNotFound(resourceId);
          if (resourceType(resourceId) === undefined) {
            throw new QueryError('InvalidID', `The ID '${shown(resourceId)}' is not valid`);
          }
        }
        for (const resourceId of resourceIds) addTags(resourceId, added);
        return el('return', true);
      },
    ],
    [
      // A tag given with a Value goes only if it still has that value; without one, whatever its value.
      // No Tag at all deletes every tag of the resources, as EC2 does.
      'DeleteTags',
      ({ params }) => {
        const resourceIds = params.flatList('ResourceId');
        if (resourceIds.length === 0) {
          throw new QueryError('MissingParameter', 'The request must contain the parameter ResourceId');
        }
        for (const resourceId of resourceIds) {
          if (resourceType(resourceId) === undefined) {
            throw new QueryError('InvalidID', `The ID '${shown(resourceId)}' is not valid`);
          }
        }
        const named = params.flatStructures('Tag').map((tag) => ({
          key: required(tag, 'Key', 'Tag.Key'),
          value: tag.get('Value'),
        }));
        for (const resourceId of resourceIds) {
          const own = tags.get(resourceId);
          if (!own) continue;
          if (named.length === 0) own.clear();
          for (const { key, value } of named) {
            if (value === undefined || own.get(key) === value) own.delete(key);
          }
        }
        return el('return', true);
      },
    ],
    [
      'DescribeTags',
      ({ params }) => {
        const filters = parseFilters(params, ['resource-id', 'resource-type', 'key', 'value']);
        const found = [...tags].flatMap(([resourceId, own]) =>
          [...own]
            .filter(([key, value]) =>
              matches(filters, (name) => {
                switch (name) {
                  case 'resource-id':
                    return [resourceId];
                  case 'resource-type':
                    return [resourceType(resourceId) ?? ''];
                  case 'key':
                    return [key];
                  case 'value':
                    return [value];
                  default:
                    return [];
                }
              }),
            )
            .map(([key, value]) =>
              xmlJoin(
                el('resourceId', resourceId),
                el('resourceType', resourceType(resourceId)),
                el('key', key),
                el('value', value),
              ),
            ),
        );
        return items('tagSet', found);
      },
    ],
    [
      'CreateSnapshots',
      ({ params }) => {
        const specification = params.nested('InstanceSpecification');
        const instance = instanceOf(
          required(specification, 'InstanceId', 'InstanceSpecification.InstanceId'),
        );
        const excludeBoot = booleanParam(specification, 'ExcludeBootVolume') ?? false;
        const snapshotTags = tagSpecifications(params, 'snapshot');
        checkTagCount(snapshotTags);
        const description = params.get('Description') ?? '';
        if (description.length > 255) throw invalidValue(description, 'Description');
        // ExcludeDataVolumeIds names data volumes of this instance only; the boot volume is ExcludeBootVolume's.
        const excludedData = specification.flatList('ExcludeDataVolumeId');
        for (const volumeId of excludedData) {
          const index = instance.volumes.findIndex((volume) => volume.volumeId === volumeId);
          if (index <= 0) throw invalidValue(volumeId, 'ExcludeDataVolumeId');
        }
        const volumes = instance.volumes.filter(
          (volume, index) => !(excludeBoot && index === 0) && !excludedData.includes(volume.volumeId),
        );
        const created = volumes.map((volume) => {
          const snapshot: Snapshot = {
            snapshotId: newId('snap'),
            volumeId: volume.volumeId,
            sizeGiB: volume.sizeGiB,
            description,
            startTime: new Date(),
            status: 'completed',
          };
          snapshots.set(snapshot.snapshotId, snapshot);
          addTags(snapshot.snapshotId, snapshotTags);
          return snapshot;
        });
        return items(
          'snapshotSet',
          created.map((snapshot) =>
            xmlJoin(
              el('snapshotId', snapshot.snapshotId),
              el('volumeId', snapshot.volumeId),
              el('state', 'pending'),
              el('startTime', snapshot.startTime),
              el('progress', ''),
              el('ownerId', accountId),
              el('volumeSize', snapshot.sizeGiB),
              el('description', snapshot.description),
              el('encrypted', false),
              tagSet(tags.get(snapshot.snapshotId)),
            ),
          ),
        );
      },
    ],
    [
      'DescribeSnapshots',
      ({ params }) => {
        const ids = requested(params, 'SnapshotId', snapshots, (id) =>
          SNAPSHOT_ID.test(id)
            ? new QueryError('InvalidSnapshot.NotFound', `The snapshot '${shown(id)}' does not exist.`)
            : new QueryError('InvalidSnapshotID.Malformed', `Invalid id: "${shown(id)}" (snapshot)`),
        );
        const filters = parseFilters(params, [
          'snapshot-id',
          'volume-id',
          'status',
          'owner-id',
          'description',
          'tag-key',
        ]);
        const found = [...snapshots.values()].filter(
          (snapshot) =>
            (!ids || ids.has(snapshot.snapshotId)) &&
            matches(filters, (name) => {
              switch (name) {
                case 'snapshot-id':
                  return [snapshot.snapshotId];
                case 'volume-id':
                  return [snapshot.volumeId];
                case 'status':
                  return [snapshot.status];
                case 'owner-id':
                  return [accountId];
                case 'description':
                  return [snapshot.description];
                default:
                  return tagFilter(tags.get(snapshot.snapshotId), name);
              }
            }),
        );
        const { page, nextToken } = pageOf('DescribeSnapshots', params, found, ids !== undefined);
        return xmlJoin(items('snapshotSet', page.map(snapshotXml)), nextToken);
      },
    ],
  ]);

  function checkTagCount(given: ReadonlyMap<string, string>): void {
    if (given.size > TAGS_PER_RESOURCE) {
      throw new QueryError(
        'TagLimitExceeded',
        `The maximum number of tags per resource is ${TAGS_PER_RESOURCE}`,
      );
    }
  }

  function interfaceNotFound(eniId: string): QueryError {
    return new QueryError(
      'InvalidNetworkInterfaceID.NotFound',
      `The networkInterface ID '${shown(eniId)}' does not exist`,
    );
  }

  const addInstance = (seed: Ec2InstanceSeed): void => {
    checkId(seed.instanceId, INSTANCE_ID, 'InvalidInstanceID.Malformed', 'instance');
    checkId(seed.subnetId, SUBNET_ID, 'InvalidSubnetID.Malformed', 'subnet');
    if (instances.has(seed.instanceId)) throw new Error(`addInstance: ${seed.instanceId} already exists`);
    if (seed.networkInterfaces.length === 0)
      throw new Error('addInstance: an instance has a network interface');
    const defaultGroup = addVpc(seed.vpcId);
    const volumes = seed.volumes.map((volume): Volume => {
      checkId(volume.volumeId, VOLUME_ID, 'InvalidVolumeID.Malformed', 'volume');
      if (!DEVICE_NAME.test(volume.deviceName))
        throw new Error(`addInstance: bad device ${volume.deviceName}`);
      if (resourceType(volume.volumeId) === 'volume') {
        throw new Error(`addInstance: ${volume.volumeId} is attached elsewhere`);
      }
      return { ...volume, sizeGiB: volume.sizeGiB ?? 8, attachTime: new Date() };
    });
    const seededInterfaces = seed.networkInterfaces.map((eni, deviceIndex): NetworkInterface => {
      checkId(eni.networkInterfaceId, ENI_ID, 'InvalidNetworkInterfaceId.Malformed', 'network interface');
      if (interfaces.has(eni.networkInterfaceId))
        throw new Error(`addInstance: ${eni.networkInterfaceId} is in use`);
      const groupIds = eni.groupIds ?? [defaultGroup];
      for (const groupId of groupIds) {
        if (groups.get(groupId)?.vpcId !== seed.vpcId) {
          throw new Error(`addInstance: group ${groupId} is not in ${seed.vpcId}`);
        }
      }
      return {
        networkInterfaceId: eni.networkInterfaceId,
        instanceId: seed.instanceId,
        deviceIndex,
        vpcId: seed.vpcId,
        subnetId: seed.subnetId,
        groupIds: [...groupIds],
      };
    });
    const instance: Instance = {
      instanceId: seed.instanceId,
      reservationId: newId('r'),
      vpcId: seed.vpcId,
      subnetId: seed.subnetId,
      launchTime: new Date(),
      interfaces: seededInterfaces,
      volumes,
      metadataOptions: {
        httpTokens: seed.metadataOptions?.httpTokens ?? 'required',
        httpEndpoint: seed.metadataOptions?.httpEndpoint ?? 'enabled',
        httpPutResponseHopLimit: seed.metadataOptions?.httpPutResponseHopLimit ?? 2,
        httpProtocolIpv6: seed.metadataOptions?.httpProtocolIpv6 ?? 'disabled',
        instanceMetadataTags: seed.metadataOptions?.instanceMetadataTags ?? 'disabled',
      },
      metadataPendingDescribes: 0,
      disableApiTermination: seed.disableApiTermination ?? false,
      instanceInitiatedShutdownBehavior: seed.instanceInitiatedShutdownBehavior ?? 'stop',
      spotInstanceRequestId: seed.instanceLifecycle === 'spot' ? newId('sir') : null,
    };
    if (instance.spotInstanceRequestId !== null && instance.disableApiTermination) {
      throw new Error(`addInstance: ${seed.instanceId} is a Spot Instance, which EC2 never protects`);
    }
    addSubnet(seed.vpcId, seed.subnetId);
    instances.set(instance.instanceId, instance);
    for (const eni of seededInterfaces) interfaces.set(eni.networkInterfaceId, eni);
    addTags(instance.instanceId, Object.entries(seed.tags ?? {}));
    const profileArn = seed.iamInstanceProfileArn;
    if (profileArn !== undefined) {
      // A profile deleted from IAM after launch stays associated; its id is then only EC2's to tell.
      const profile = findInstanceProfile({ arn: profileArn }) ?? {
        arn: profileArn,
        id: `AIPA${createHash('sha256').update(profileArn).digest('hex').slice(0, 17).toUpperCase()}`,
      };
      associate(instance.instanceId, profile);
    }
  };

  const networkAclState = (acl: NetworkAcl | undefined): Ec2NetworkAclState | undefined =>
    acl && {
      networkAclId: acl.networkAclId,
      vpcId: acl.vpcId,
      isDefault: acl.isDefault,
      subnetIds: subnetsOf(acl).map(([subnetId]) => subnetId),
      entries: [...acl.entries].sort(byDirectionAndNumber).map((entry) => ({ ...entry })),
    };

  const groupState = (group: SecurityGroup | undefined): Ec2SecurityGroupState | undefined =>
    group && { ...group, ingress: [...group.ingress], egress: [...group.egress] };

  return {
    service: { version: '2016-11-15', namespace: NAMESPACE, actions, envelope: 'ec2', credentialRefusal },
    addVpc: (vpcId, seed) => addVpc(vpcId, seed),
    createSecurityGroup: (vpcId, groupName, description = groupName) => {
      addVpc(vpcId);
      return createGroup(vpcId, groupName, description).groupId;
    },
    addInstance,
    instance(instanceId) {
      const instance = instances.get(instanceId);
      if (!instance) return undefined;
      return {
        instanceId: instance.instanceId,
        vpcId: instance.vpcId,
        subnetId: instance.subnetId,
        networkInterfaces: instance.interfaces.map((eni) => ({
          networkInterfaceId: eni.networkInterfaceId,
          groupIds: [...eni.groupIds],
        })),
        volumes: instance.volumes.map(({ volumeId, deviceName, sizeGiB, deleteOnTermination }) => ({
          volumeId,
          deviceName,
          sizeGiB,
          deleteOnTermination,
        })),
        iamInstanceProfileArn: associationOf(instanceId)?.profile.arn ?? null,
        iamInstanceProfileAssociationId: associationOf(instanceId)?.associationId ?? null,
        metadataOptions: { ...instance.metadataOptions },
        disableApiTermination: instance.disableApiTermination,
        instanceInitiatedShutdownBehavior: instance.instanceInitiatedShutdownBehavior,
        instanceLifecycle: instance.spotInstanceRequestId === null ? null : 'spot',
      };
    },
    networkInterfaceGroups: (eniId) => {
      const eni = interfaces.get(eniId);
      return eni && [...eni.groupIds];
    },
    securityGroup: (groupId) => groupState(groups.get(groupId)),
    findSecurityGroup: (vpcId, groupName) =>
      groupState(
        [...groups.values()].find((group) => group.vpcId === vpcId && group.groupName === groupName),
      ),
    networkAcl: (networkAclId) => networkAclState(networkAcls.get(networkAclId)),
    networkAclOfSubnet: (subnetId) => {
      const subnet = subnets.get(subnetId);
      return subnet && networkAclState(networkAcls.get(subnet.networkAclId));
    },
    snapshots: () =>
      [...snapshots.values()].map((snapshot) => ({
        snapshotId: snapshot.snapshotId,
        volumeId: snapshot.volumeId,
        description: snapshot.description,
        status: snapshot.status,
        tags: new Map(tags.get(snapshot.snapshotId)),
      })),
    failSnapshot: (snapshotId) => {
      const snapshot = snapshots.get(snapshotId);
      if (!snapshot) throw new Error(`failSnapshot: no snapshot ${snapshotId}`);
      snapshot.status = 'error';
    },
    metadataOptionsPendingFor: (describes) => {
      if (!Number.isInteger(describes) || describes < 0) {
        throw new Error(`metadataOptionsPendingFor: ${describes} is not a count of describes`);
      }
      metadataPendingDescribes = describes;
    },
    tags: (resourceId) => new Map(tags.get(resourceId)),
  };
}
