// A stateful EC2 for the Query sim, limited to what containment touches: instances (their volumes,
// network interfaces, instance profile, metadata options, termination attributes), security groups and
// their rules, network interfaces' groups, tags, and snapshots. It speaks EC2's own dialect of the Query
// protocol — flattened lists (`InstanceId.1`, `Filter.1.Value.1`), `<item>` lists, `<requestId>` in the
// answer, the `<Response><Errors>` envelope — and refuses as EC2 does (InvalidInstanceID.NotFound,
// InvalidGroup.NotFound, InvalidGroup.Duplicate, InvalidParameterValue, …), so containment code tested
// against it meets EC2's behaviour, and a test reads back which groups each interface now has.

import { randomBytes } from 'node:crypto';
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
  readonly iamInstanceProfileArn?: string;
  readonly metadataOptions?: Partial<Ec2MetadataOptions>;
  readonly disableApiTermination?: boolean;
  readonly instanceInitiatedShutdownBehavior?: 'stop' | 'terminate';
  readonly tags?: Readonly<Record<string, string>>;
}

export interface Ec2InstanceState {
  readonly instanceId: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly networkInterfaces: readonly { readonly networkInterfaceId: string; readonly groupIds: string[] }[];
  readonly volumes: readonly Ec2VolumeSeed[];
  readonly iamInstanceProfileArn: string | null;
  readonly metadataOptions: Ec2MetadataOptions;
  readonly disableApiTermination: boolean;
  readonly instanceInitiatedShutdownBehavior: 'stop' | 'terminate';
}

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

export interface Ec2SnapshotState {
  readonly snapshotId: string;
  readonly volumeId: string;
  readonly description: string;
  readonly tags: ReadonlyMap<string, string>;
}

export interface Ec2Sim {
  readonly service: QueryService;
  /** Adds a VPC with its `default` security group (whose id is returned), as every VPC has. */
  addVpc(vpcId: string): string;
  /** Seeds a security group, as CreateSecurityGroup would (with the default all-egress rule). */
  createSecurityGroup(vpcId: string, groupName: string, description?: string): string;
  /** Seeds a running instance; its VPC is added if new, and its interfaces' groups must exist there. */
  addInstance(seed: Ec2InstanceSeed): void;
  /** What EC2 now holds (copies; changing them changes nothing). */
  instance(instanceId: string): Ec2InstanceState | undefined;
  networkInterfaceGroups(networkInterfaceId: string): string[] | undefined;
  securityGroup(groupId: string): Ec2SecurityGroupState | undefined;
  /** The group of that name in that VPC, as DescribeSecurityGroups would find it. */
  findSecurityGroup(vpcId: string, groupName: string): Ec2SecurityGroupState | undefined;
  snapshots(): Ec2SnapshotState[];
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
  readonly iamInstanceProfileArn: string | null;
  readonly metadataOptions: Ec2MetadataOptions;
  disableApiTermination: boolean;
  instanceInitiatedShutdownBehavior: 'stop' | 'terminate';
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
const DEVICE_NAME = /^\/dev\/[a-z0-9]{1,16}$/;

function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;
}

/** A value echoed in an error message, cut short: the message is one line, not the attacker's payload. */
function shown(value: string): string {
  return value.length > 64 ? `${value.slice(0, 64)}…` : value;
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

export function createEc2Sim(accountId: string, region: string): Ec2Sim {
  const vpcs = new Map<string, string>(); // vpc id → its default group's id
  const instances = new Map<string, Instance>();
  const interfaces = new Map<string, NetworkInterface>();
  const groups = new Map<string, SecurityGroup>();
  const snapshots = new Map<string, Snapshot>();
  // Tags of every resource, by resource id; keys stay strings in Maps, never object keys.
  const tags = new Map<string, Map<string, string>>();

  const resourceType = (resourceId: string): string | undefined => {
    if (instances.has(resourceId)) return 'instance';
    if (groups.has(resourceId)) return 'security-group';
    if (interfaces.has(resourceId)) return 'network-interface';
    if (snapshots.has(resourceId)) return 'snapshot';
    if (vpcs.has(resourceId)) return 'vpc';
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

  const addVpc = (vpcId: string): string => {
    checkId(vpcId, VPC_ID, 'InvalidVpcID.Malformed', 'vpc');
    const known = vpcs.get(vpcId);
    if (known) return known;
    vpcs.set(vpcId, '');
    const group = createGroup(vpcId, 'default', 'default VPC security group');
    // The default group lets its own members talk to each other, as every VPC's does.
    group.ingress.push({ ipProtocol: '-1', fromPort: null, toPort: null, peer: { groupId: group.groupId } });
    vpcs.set(vpcId, group.groupId);
    return group.groupId;
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
    const profile = instance.iamInstanceProfileArn;
    return xmlJoin(
      el('instanceId', instance.instanceId),
      el('imageId', 'ami-0123456789abcdef0'),
      el('instanceState', el('code', 16), el('name', 'running')),
      el('instanceType', 't3.micro'),
      el('launchTime', instance.launchTime),
      el('placement', el('availabilityZone', `${region}a`), el('tenancy', 'default')),
      el('subnetId', instance.subnetId),
      el('vpcId', instance.vpcId),
      el('rootDeviceType', 'ebs'),
      el('rootDeviceName', instance.volumes[0]?.deviceName),
      blockDevices(instance),
      // An instance's groups are its primary interface's, as EC2 reports them.
      groupSet(primary?.groupIds ?? []),
      profile === null
        ? undefined
        : el(
            'iamInstanceProfile',
            el('arn', profile),
            el('id', `AIPA${instance.instanceId.slice(2, 19).toUpperCase()}`),
          ),
      items(
        'networkInterfaceSet',
        instance.interfaces.map((eni) => interfaceXml(eni, 'instance')),
      ),
      el(
        'metadataOptions',
        el('state', 'applied'),
        el('httpTokens', instance.metadataOptions.httpTokens),
        el('httpPutResponseHopLimit', instance.metadataOptions.httpPutResponseHopLimit),
        el('httpEndpoint', instance.metadataOptions.httpEndpoint),
      ),
      el('disableApiTermination', instance.disableApiTermination),
      tagSet(tags.get(instance.instanceId)),
    );
  };

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
      el('status', 'completed'),
      el('startTime', snapshot.startTime),
      el('progress', '100%'),
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
                case 'network-interface.network-interface-id':
                  return instance.interfaces.map((eni) => eni.networkInterfaceId);
                case 'instance.group-id':
                  return instance.interfaces[0]?.groupIds ?? [];
                case 'iam-instance-profile.arn':
                  return instance.iamInstanceProfileArn === null ? [] : [instance.iamInstanceProfileArn];
                default:
                  return tagFilter(own, name);
              }
            }),
        );
        return items(
          'reservationSet',
          found.map((instance) =>
            xmlJoin(
              el('reservationId', instance.reservationId),
              el('ownerId', accountId),
              items('groupSet', []),
              items('instancesSet', [instanceXml(instance)]),
            ),
          ),
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
        return items('securityGroupInfo', found.map(groupXml));
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
        return items(
          'networkInterfaceSet',
          found.map((eni) => interfaceXml(eni, 'list')),
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
          if (resourceType(resourceId) === undefined) {
            throw new QueryError('InvalidID', `The ID '${shown(resourceId)}' is not valid`);
          }
        }
        for (const resourceId of resourceIds) addTags(resourceId, added);
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
        const volumes = instance.volumes.filter((_, index) => !(excludeBoot && index === 0));
        const created = volumes.map((volume) => {
          const snapshot: Snapshot = {
            snapshotId: newId('snap'),
            volumeId: volume.volumeId,
            sizeGiB: volume.sizeGiB,
            description,
            startTime: new Date(),
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
                  return ['completed'];
                case 'owner-id':
                  return [accountId];
                case 'description':
                  return [snapshot.description];
                default:
                  return tagFilter(tags.get(snapshot.snapshotId), name);
              }
            }),
        );
        return items('snapshotSet', found.map(snapshotXml));
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
      iamInstanceProfileArn: seed.iamInstanceProfileArn ?? null,
      metadataOptions: {
        httpTokens: seed.metadataOptions?.httpTokens ?? 'required',
        httpEndpoint: seed.metadataOptions?.httpEndpoint ?? 'enabled',
        httpPutResponseHopLimit: seed.metadataOptions?.httpPutResponseHopLimit ?? 2,
      },
      disableApiTermination: seed.disableApiTermination ?? false,
      instanceInitiatedShutdownBehavior: seed.instanceInitiatedShutdownBehavior ?? 'stop',
    };
    instances.set(instance.instanceId, instance);
    for (const eni of seededInterfaces) interfaces.set(eni.networkInterfaceId, eni);
    addTags(instance.instanceId, Object.entries(seed.tags ?? {}));
  };

  const groupState = (group: SecurityGroup | undefined): Ec2SecurityGroupState | undefined =>
    group && { ...group, ingress: [...group.ingress], egress: [...group.egress] };

  return {
    service: { version: '2016-11-15', namespace: NAMESPACE, actions, envelope: 'ec2' },
    addVpc,
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
        iamInstanceProfileArn: instance.iamInstanceProfileArn,
        metadataOptions: { ...instance.metadataOptions },
        disableApiTermination: instance.disableApiTermination,
        instanceInitiatedShutdownBehavior: instance.instanceInitiatedShutdownBehavior,
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
    snapshots: () =>
      [...snapshots.values()].map((snapshot) => ({
        snapshotId: snapshot.snapshotId,
        volumeId: snapshot.volumeId,
        description: snapshot.description,
        tags: new Map(tags.get(snapshot.snapshotId)),
      })),
    tags: (resourceId) => new Map(tags.get(resourceId)),
  };
}
