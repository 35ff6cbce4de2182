// Amazon GuardDuty findings, in every shape they travel: the EventBridge "GuardDuty Finding" event (the
// finding is `detail`), the trimmed `{region, detail}` form of some samples, a bare finding as
// GetFindings and the S3 export write it (camelCase) or as the AWS CLI prints it (PascalCase), and a
// GetFindings response `{Findings: [...]}`. Finding format:
// https://docs.aws.amazon.com/guardduty/latest/APIReference/API_Finding.html
// The AWS helpers (ARNs, principals, the finding type → ATT&CK table, attack sequences) are exported:
// Security Hub carries GuardDuty findings too, and reads them the same way.

import { isJsonObject, type JsonObject, type JsonValue } from '../../json.js';
import type { ResourceRef, Severity, SourceClass } from '../../types.js';
import { AttackCollector } from '../attack.js';
import attackTable from '../data/guardduty-attack.json' with { type: 'json' };
import resourceTable from '../data/guardduty-resources.json' with { type: 'json' };
import severityTable from '../data/guardduty-severity.json' with { type: 'json' };
import type { FieldPath, FieldReader } from '../fields.js';
import { IndicatorSet } from '../indicators.js';
import type { EventDraft, Normalizer } from '../normalizer.js';

// ---------------------------------------------------------------------------------------------
// Severity scales (data/*-severity.json)

interface SeverityBand {
  readonly from: number;
  readonly severity: Severity;
}

export interface SeverityScale {
  readonly min: number;
  readonly max: number;
  readonly bands: readonly SeverityBand[];
}

const SEVERITY_NAMES: ReadonlySet<string> = new Set<Severity>(['low', 'medium', 'high', 'critical']);

/** Checks a severity table once, when the module loads: a typo in the data must not become a default. */
export function severityScale(table: {
  min: number;
  max: number;
  bands: readonly { from: number; severity: string }[];
}): SeverityScale {
  for (const band of table.bands) {
    if (!SEVERITY_NAMES.has(band.severity)) throw new Error(`severity table names "${band.severity}"`);
  }
  return table as SeverityScale;
}

/** The band a value falls in, or undefined outside the scale. */
export function onScale(scale: SeverityScale, value: number): Severity | undefined {
  if (!(value >= scale.min && value <= scale.max)) return undefined;
  return scale.bands.find((band) => value >= band.from)?.severity;
}

const GUARDDUTY_SCALE = severityScale(severityTable);

/** GuardDuty's numeric severity (1.0–10.0) as irac severity; undefined when off the scale. */
export function guardDutySeverity(value: number): Severity | undefined {
  return onScale(GUARDDUTY_SCALE, value);
}

// ---------------------------------------------------------------------------------------------
// Finding types: ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact

const FINDING_TYPE = /^([A-Za-z0-9]+):([A-Za-z0-9]+)\/(.+)$/;

export interface FindingType {
  readonly purpose: string;
  readonly resource: string;
}

export function parseFindingType(type: string): FindingType | undefined {
  const match = FINDING_TYPE.exec(type);
  return match?.[1] && match[2] ? { purpose: match[1], resource: match[2] } : undefined;
}

/** Runtime Monitoring findings (`Execution:Runtime/ReverseShell`) come from the agent on the host. */
export function findingSource(type: string | undefined): SourceClass {
  return type !== undefined && parseFindingType(type)?.resource === 'Runtime' ? 'runtime' : 'threatintel';
}

interface TypeAttack {
  readonly tactics?: readonly string[];
  readonly techniques: readonly string[];
}

const PURPOSE_TACTICS = new Map<string, readonly string[]>(Object.entries(attackTable.threatPurposes));
const TYPE_ENTRIES = Object.entries(attackTable.findingTypes as Record<string, TypeAttack>);
const TYPE_ATTACK = new Map(TYPE_ENTRIES.filter(([key]) => !key.endsWith('*')));
const PREFIX_ATTACK: readonly (readonly [string, TypeAttack])[] = TYPE_ENTRIES.filter(([key]) =>
  key.endsWith('*'),
)
  .map(([key, value]) => [key.slice(0, -1), value] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** The ATT&CK ids a GuardDuty finding type implies (data/guardduty-attack.json). */
export function addFindingTypeAttack(type: string, attack: AttackCollector): void {
  const parsed = parseFindingType(type);
  if (!parsed) return;
  const entry = TYPE_ATTACK.get(type) ?? PREFIX_ATTACK.find(([prefix]) => type.startsWith(prefix))?.[1];
  for (const tactic of entry?.tactics ?? PURPOSE_TACTICS.get(parsed.purpose) ?? []) attack.tactic(tactic);
  for (const technique of entry?.techniques ?? []) attack.technique(technique);
}

// ---------------------------------------------------------------------------------------------
// AWS identifiers

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const PARTITION = /^aws(-[a-z]+)*$/;
const SERVICE = /^[a-z0-9-]{1,64}$/;
// IAM user and role names: https://docs.aws.amazon.com/IAM/latest/APIReference/API_User.html
const IAM_NAME = /^[\w+=,.@-]{1,128}$/;
const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;
const RDS_IDENTIFIER = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;
const EKS_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const RESOURCE_TYPE = /^[a-z0-9]+(\.[a-z0-9_]+)*$/;

/** What ARNs are built from. Only well-formed parts are kept: a connector acts on these ARNs. */
export interface AwsScope {
  readonly partition: string;
  readonly region?: string | undefined;
  readonly account?: string | undefined;
}

export function awsScope(
  partition: string | undefined,
  region: string | undefined,
  account: string | undefined,
): AwsScope {
  const validRegion = region !== undefined && REGION.test(region) ? region : undefined;
  const guessed = validRegion?.startsWith('cn-')
    ? 'aws-cn'
    : validRegion?.startsWith('us-gov-')
      ? 'aws-us-gov'
      : 'aws';
  return {
    partition: partition !== undefined && PARTITION.test(partition) ? partition : guessed,
    region: validRegion,
    account: account !== undefined && ACCOUNT_ID.test(account) ? account : undefined,
  };
}

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

export function parseArn(text: string | undefined): Arn | undefined {
  if (text === undefined || text.length > 2048 || !text.startsWith('arn:')) return undefined;
  const parts = text.split(':');
  if (parts.length < 6) return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITION.test(partition) || !SERVICE.test(service) || resource === '') return undefined;
  return { partition, service, region, account, resource };
}

/** The text when it is an ARN, else undefined. */
export function validArn(text: string | undefined): string | undefined {
  return parseArn(text) ? text : undefined;
}

/** The resource's own id inside its ARN: `i-0abc` of `instance/i-0abc`, the name of an IAM user with a path. */
export function arnResourceId(arn: Arn): string {
  const { service, resource } = arn;
  if (service === 's3') return resource;
  if (service === 'iam' || service === 'sts')
    return resource.slice(resource.lastIndexOf('/') + 1) || resource;
  const separator = /[:/]/.exec(resource);
  return separator ? resource.slice(separator.index + 1) || resource : resource;
}

/** A dotted type that passes the schema, or `other`. */
export function safeResourceType(type: string): string {
  const clean = type.toLowerCase().replace(/[^a-z0-9_.]/g, '_');
  return clean.length <= 64 && RESOURCE_TYPE.test(clean) ? clean : 'other';
}

/** A type read off an ARN: `arn:aws:lambda:…:function:f` → aws.lambda.function. */
export function arnResourceType(arn: Arn): string {
  const { service, resource } = arn;
  if (service === 's3') return resource.includes('/') ? 'aws.s3.object' : 'aws.s3.bucket';
  if (service === 'iam' && resource === 'root') return 'aws.iam.user';
  const separator = /[:/]/.exec(resource);
  return safeResourceType(
    separator ? `aws.${service}.${resource.slice(0, separator.index)}` : `aws.${service}`,
  );
}

/** A resource reference, or undefined without an id; `name` is kept only when it says more than `id`. */
export function resourceRef(
  type: string,
  id: string | undefined,
  arn?: string | undefined,
  name?: string | undefined,
): ResourceRef | undefined {
  if (!id) return undefined;
  const ref: ResourceRef = { type, id };
  if (arn) ref.arn = arn;
  if (name && name !== id) ref.name = name;
  return ref;
}

/** A resource named only by its ARN. */
export function refFromArn(arnText: string | undefined, type?: string): ResourceRef | undefined {
  const arn = parseArn(arnText);
  return arn && resourceRef(type ?? arnResourceType(arn), arnResourceId(arn), arnText);
}

/**
 * The IAM principal behind a credential, as GuardDuty and Security Hub describe it (type + name).
 * GuardDuty gives no IAM path, so the ARN assumes the default path `/`.
 */
export function principalRef(
  scope: AwsScope,
  type: string | undefined,
  name: string | undefined,
  principalId?: string | undefined,
): ResourceRef | undefined {
  const { partition, account } = scope;
  const iamName = name !== undefined && IAM_NAME.test(name) ? name : undefined;
  const arnFor = (service: string, resource: string) =>
    account && iamName ? `arn:${partition}:${service}::${account}:${resource}/${iamName}` : undefined;
  switch (type) {
    case 'IAMUser':
      return resourceRef('aws.iam.user', name, arnFor('iam', 'user'));
    case 'AssumedRole':
    case 'Role':
      return resourceRef('aws.iam.role', name, arnFor('iam', 'role'));
    case 'Root':
      return resourceRef('aws.iam.user', name ?? 'root', account && `arn:${partition}:iam::${account}:root`);
    case 'FederatedUser':
      return resourceRef('aws.sts.federated_user', name, arnFor('sts', 'federated-user'));
    default:
      return resourceRef('user', name ?? principalId);
  }
}

/** The principal as an actor: its ARN when one could be built, else its name. */
export function actorOf(ref: ResourceRef | undefined): string | undefined {
  return ref && (ref.arn ?? ref.id);
}

// ---------------------------------------------------------------------------------------------
// Reading

// Lists in a finding are short (GuardDuty caps most at 10–400); a hostile payload's are not.
const MAX_ITEMS = 64;

/** Readers for the first objects of an array field; null items are skipped, other non-objects rejected. */
export function items(reader: FieldReader, path: FieldPath): FieldReader[] {
  const list = reader.array(path);
  if (!list) return [];
  const segments = typeof path === 'string' ? path.split('.') : path;
  const out: FieldReader[] = [];
  for (let i = 0; i < Math.min(list.length, MAX_ITEMS); i++) {
    const child = reader.child([...segments, i]);
    if (child) out.push(child);
  }
  return out;
}

/** What a finding's parts contribute; shared with the Security Hub normalizer. */
export class FindingFacts {
  readonly resources: ResourceRef[] = [];
  readonly indicators = new IndicatorSet();
  readonly attack = new AttackCollector();
  actor: string | undefined;

  constructor(readonly scope: AwsScope) {}

  add(ref: ResourceRef | undefined): void {
    if (ref) this.resources.push(ref);
  }

  /** The first actor found wins: callers read the most specific source first. */
  actedBy(actor: string | undefined): void {
    this.actor ??= actor;
  }
}

const RESOURCE_V2 = new Map<string, string>(Object.entries(resourceTable.resourceV2));

function sequenceIndicator(indicator: FieldReader, facts: FindingFacts): void {
  const key = indicator.string('key');
  const values = indicator.strings('values').slice(0, MAX_ITEMS);
  for (const value of values) {
    switch (key) {
      case 'ATTACK_TACTIC':
        facts.attack.tactic(value);
        break;
      case 'ATTACK_TECHNIQUE':
        // "T1078.004 - Valid Accounts: Cloud Accounts", or a bare technique name that has no id.
        facts.attack.technique(value.split(' ', 1)[0]);
        break;
      case 'MALICIOUS_IP':
      case 'TOR_IP':
      case 'CRYPTOMINING_IP':
        facts.indicators.ip(value);
        break;
      case 'MALICIOUS_DOMAIN':
      case 'CRYPTOMINING_DOMAIN':
        facts.indicators.domain(value);
        break;
      case 'MALICIOUS_FILE':
        facts.indicators.hash(value);
        break;
    }
  }
}

/**
 * An Extended Threat Detection attack sequence (GuardDuty `service.detection.sequence`, ASFF
 * `Detection.Sequence` read with the PascalCase fallback): its signals carry the tactics and
 * techniques, its endpoints the attacker's addresses, its actors the principal.
 * https://docs.aws.amazon.com/guardduty/latest/APIReference/API_Sequence.html
 */
export function readSequence(sequence: FieldReader, facts: FindingFacts): number {
  for (const indicator of items(sequence, 'sequenceIndicators')) sequenceIndicator(indicator, facts);
  const signals = items(sequence, 'signals');
  for (const signal of signals) {
    for (const indicator of items(signal, 'signalIndicators')) sequenceIndicator(indicator, facts);
  }
  for (const endpoint of items(sequence, 'endpoints')) {
    facts.indicators.ip(endpoint.string('ip'));
    facts.indicators.domain(endpoint.string('domain'));
  }
  for (const resource of items(sequence, 'resources')) {
    const kind = resource.string('resourceType');
    const uid = resource.string('uid');
    const arn = parseArn(uid);
    const type =
      (kind && RESOURCE_V2.get(kind)) ?? (arn ? arnResourceType(arn) : safeResourceType(`aws.${kind}`));
    facts.add(resourceRef(type, arn ? arnResourceId(arn) : uid, arn && uid, resource.string('name')));
  }
  for (const actor of items(sequence, 'actors')) {
    const user = actor.child('user');
    if (!user) continue;
    const scope = awsScope(facts.scope.partition, facts.scope.region, user.string('account.uid'));
    const principal = principalRef(scope, user.string('type'), user.string('name'), user.string('uid'));
    facts.add(resourceRef('aws.iam.access_key', user.string('credentialUid')));
    facts.add(principal);
    facts.actedBy(actorOf(principal));
  }
  return signals.length;
}

/** Attack-sequence findings summarize their ATT&CK ids in GuardDuty-written description lines. */
function attackFromDescription(description: string, attack: AttackCollector): void {
  for (const line of description.slice(0, 4096).split('\n')) {
    const match = /MITRE ATT&CK (tactics|techniques) observed:(.*)$/.exec(line);
    if (!match?.[2]) continue;
    if (match[1] === 'tactics') for (const name of match[2].split(',')) attack.tactic(name);
    else for (const id of match[2].matchAll(/\bT\d{4}(?:\.\d{3})?\b/g)) attack.technique(id[0]);
  }
}

// Resource detail blocks of a finding, by the resourceType that names them the affected resource.
// https://docs.aws.amazon.com/guardduty/latest/APIReference/API_Resource.html

/**
 * `clusters` collects the EKS and ECS clusters a finding names: they are added after every other
 * resource, because containment acts on the first one and a compromised pod, container, task or node
 * is contained on its own, not by taking its whole cluster down.
 */
type Extractor = (resource: FieldReader, facts: FindingFacts, clusters: ResourceRef[]) => void;

/** The ARN of an EC2 instance, when the id and the scope are well-formed. */
export function instanceArn(scope: AwsScope, id: string | undefined): string | undefined {
  const { partition, region, account } = scope;
  return id && INSTANCE_ID.test(id) && region && account
    ? `arn:${partition}:ec2:${region}:${account}:instance/${id}`
    : undefined;
}

function instance(resource: FieldReader, facts: FindingFacts): void {
  const details = resource.child('instanceDetails');
  if (!details) return;
  const id = details.string('instanceId');
  facts.add(resourceRef('aws.ec2.instance', id, instanceArn(facts.scope, id)));
  facts.add(refFromArn(details.string('iamInstanceProfile.arn'), 'aws.iam.instance_profile'));
}

function accessKey(resource: FieldReader, facts: FindingFacts): void {
  const details = resource.child('accessKeyDetails');
  if (!details) return;
  const name = details.string('userName');
  const principal = principalRef(
    facts.scope,
    details.string('userType'),
    name,
    details.string('principalId'),
  );
  const keyId = details.string('accessKeyId');
  const key = resourceRef('aws.iam.access_key', keyId, undefined, name);
  // A temporary key (ASIA…, a role session) cannot be deactivated: containment revokes the role's
  // sessions, so the role comes first. A long-term key (AKIA…) is deactivated: the key comes first.
  const temporary = keyId?.startsWith('ASIA') || details.string('userType') === 'AssumedRole';
  for (const ref of temporary ? [principal, key] : [key, principal]) facts.add(ref);
  facts.actedBy(actorOf(principal));
}

function s3Buckets(resource: FieldReader, facts: FindingFacts): void {
  for (const bucket of items(resource, 's3BucketDetails')) {
    const name = bucket.string('name');
    const arnText = bucket.string('arn');
    const arn = parseArn(arnText);
    const built = name && S3_BUCKET.test(name) ? `arn:${facts.scope.partition}:s3:::${name}` : undefined;
    facts.add(resourceRef('aws.s3.bucket', name ?? (arn && arnResourceId(arn)), arn ? arnText : built));
    for (const object of items(bucket, 's3ObjectDetails')) {
      const key = object.string('key');
      const objectArn = object.string('objectArn');
      facts.add(
        resourceRef('aws.s3.object', name && key ? `${name}/${key}` : objectArn, validArn(objectArn)),
      );
      facts.indicators.hash(object.string('hash'));
    }
  }
}

function containers(reader: FieldReader, path: string, facts: FindingFacts): void {
  for (const container of items(reader, path)) {
    const id = container.string('id') ?? container.string('name');
    facts.add(resourceRef('container', id, undefined, container.string('image')));
  }
}

/** `pods`, `Deployment`, `daemonsets` → k8s.pod, k8s.deployment, k8s.daemonset. */
function k8sType(kind: string | undefined): string {
  if (!kind) return 'k8s.workload';
  return safeResourceType(`k8s.${kind.toLowerCase().replace(/s$/, '')}`);
}

function kubernetes(resource: FieldReader, facts: FindingFacts): void {
  const details = resource.child('kubernetesDetails');
  if (!details) return;
  const workload = details.child('kubernetesWorkloadDetails');
  if (workload) {
    const name = workload.string('name');
    const namespace = workload.string('namespace');
    facts.add(
      resourceRef(k8sType(workload.string('type')), name && (namespace ? `${namespace}/${name}` : name)),
    );
    containers(workload, 'containers', facts);
  }
  facts.actedBy(details.string('kubernetesUserDetails.username'));
}

function eks(resource: FieldReader, facts: FindingFacts, clusters: ResourceRef[]): void {
  const cluster = resource.child('eksClusterDetails');
  if (cluster) {
    const name = cluster.string('name');
    const { partition, region, account } = facts.scope;
    const built =
      name && EKS_NAME.test(name) && region && account
        ? `arn:${partition}:eks:${region}:${account}:cluster/${name}`
        : undefined;
    const ref = resourceRef('aws.eks.cluster', name, validArn(cluster.string('arn')) ?? built);
    if (ref) clusters.push(ref);
  }
  kubernetes(resource, facts);
}

function ecs(resource: FieldReader, facts: FindingFacts, clusters: ResourceRef[]): void {
  const cluster = resource.child('ecsClusterDetails');
  if (!cluster) return;
  const arnText = cluster.string('arn');
  const arn = parseArn(arnText);
  const ref = resourceRef(
    'aws.ecs.cluster',
    cluster.string('name') ?? (arn && arnResourceId(arn)),
    arn && arnText,
  );
  if (ref) clusters.push(ref);
  const task = cluster.child('taskDetails');
  if (task) {
    facts.add(refFromArn(task.string('arn'), 'aws.ecs.task'));
    containers(task, 'containers', facts);
  }
}

function container(resource: FieldReader, facts: FindingFacts): void {
  const details = resource.child('containerDetails');
  if (!details) return;
  facts.add(
    resourceRef(
      'container',
      details.string('id') ?? details.string('name'),
      undefined,
      details.string('image'),
    ),
  );
}

function lambda(resource: FieldReader, facts: FindingFacts): void {
  const details = resource.child('lambdaDetails');
  if (!details) return;
  const arnText = details.string('functionArn');
  const arn = parseArn(arnText);
  facts.add(
    resourceRef(
      'aws.lambda.function',
      details.string('functionName') ?? (arn && arnResourceId(arn)),
      arn && arnText,
    ),
  );
  facts.add(refFromArn(details.string('role'), 'aws.iam.role'));
}

function rdsInstance(resource: FieldReader, facts: FindingFacts): void {
  const details = resource.child('rdsDbInstanceDetails');
  if (!details) return;
  const id = details.string('dbInstanceIdentifier');
  const { partition, region, account } = facts.scope;
  const built =
    id && RDS_IDENTIFIER.test(id) && region && account
      ? `arn:${partition}:rds:${region}:${account}:db:${id}`
      : undefined;
  facts.add(resourceRef('aws.rds.db_instance', id, validArn(details.string('dbInstanceArn')) ?? built));
}

function rdsLimitless(resource: FieldReader, facts: FindingFacts): void {
  const details = resource.child('rdsLimitlessDbDetails');
  if (!details) return;
  const arnText = details.string('dbShardGroupArn');
  facts.add(
    resourceRef('aws.rds.db_shard_group', details.string('dbShardGroupIdentifier'), validArn(arnText)),
  );
}

function scannedStorage(resource: FieldReader, facts: FindingFacts): void {
  for (const volume of items(resource, 'ebsVolumeDetails.scannedVolumeDetails')) {
    facts.add(refFromArn(volume.string('volumeArn'), 'aws.ec2.volume'));
  }
  facts.add(refFromArn(resource.string('ebsSnapshotDetails.snapshotArn'), 'aws.ec2.snapshot'));
  facts.add(refFromArn(resource.string('ec2ImageDetails.imageArn'), 'aws.ec2.image'));
  facts.add(
    refFromArn(resource.string('recoveryPointDetails.recoveryPointArn'), 'aws.backup.recovery_point'),
  );
}

const EXTRACTORS: readonly (readonly [readonly string[], Extractor])[] = [
  [['Instance'], instance],
  [['AccessKey'], accessKey],
  [['S3Bucket', 'S3Object'], s3Buckets],
  [['EKSCluster'], eks],
  [['ECSCluster'], ecs],
  [['Container'], container],
  [['Lambda'], lambda],
  [['RDSDBInstance'], rdsInstance],
  [['RDSLimitlessDB'], rdsLimitless],
  [['EBSVolume', 'EBSSnapshot', 'EC2Image', 'RecoveryPoint'], scannedStorage],
];

/**
 * The affected resource first (connectors contain the first resource), then the others it names; for
 * EKS and ECS findings the affected resource is the workload (pod, task, container), its cluster last.
 */
function readResources(resource: FieldReader, facts: FindingFacts): string | undefined {
  const resourceType = resource.string('resourceType');
  const primary = EXTRACTORS.find(([types]) => resourceType !== undefined && types.includes(resourceType));
  const clusters: ResourceRef[] = [];
  if (primary) primary[1](resource, facts, clusters);
  for (const extractor of EXTRACTORS) if (extractor !== primary) extractor[1](resource, facts, clusters);
  for (const cluster of clusters) facts.add(cluster);
  const dbUser = resource.string('rdsDbUserDetails.user');
  facts.actedBy(dbUser);
  return resourceType;
}

/** `{"AWS::IAM::Role": "arn:…"}`: resources an API call touched. */
function affectedResources(apiCall: FieldReader, facts: FindingFacts): void {
  const affected = apiCall.object('affectedResources');
  if (!affected) return;
  for (const key of Object.keys(affected).slice(0, MAX_ITEMS)) {
    const value = apiCall.text(['affectedResources', key]);
    const [, service, kind] = /^AWS::(\w+)::(\w+)$/.exec(key) ?? [];
    const arn = parseArn(value);
    const type = service && kind ? safeResourceType(`aws.${service}.${snake(kind)}`) : undefined;
    if (arn) facts.add(resourceRef(type ?? arnResourceType(arn), arnResourceId(arn), value));
    else if (type) facts.add(resourceRef(type, value));
  }
}

/** `SecurityGroup` → `security_group`. */
export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function remoteIp(details: FieldReader | undefined, facts: FindingFacts): void {
  if (!details) return;
  facts.indicators.ip(details.string('ipAddressV4'));
  facts.indicators.ip(details.string('ipAddressV6'));
}

/**
 * The remote side of what the finding saw: GuardDuty `service.action`, and ASFF `Action` (the same
 * structure in PascalCase, read with the fallback).
 */
export function readAction(action: FieldReader, facts: FindingFacts): void {
  remoteIp(action.child('networkConnectionAction')?.child('remoteIpDetails'), facts);
  remoteIp(action.child('rdsLoginAttemptAction')?.child('remoteIpDetails'), facts);
  const apiCall = action.child('awsApiCallAction');
  if (apiCall) {
    remoteIp(apiCall.child('remoteIpDetails'), facts);
    affectedResources(apiCall, facts);
  }
  const kubernetesCall = action.child('kubernetesApiCallAction');
  if (kubernetesCall) {
    remoteIp(kubernetesCall.child('remoteIpDetails'), facts);
    for (const ip of kubernetesCall.strings('sourceIps').slice(0, MAX_ITEMS)) facts.indicators.ip(ip);
  }
  facts.indicators.domain(action.string('dnsRequestAction.domain'));
  for (const probe of items(action, 'portProbeAction.portProbeDetails'))
    remoteIp(probe.child('remoteIpDetails'), facts);
}

function malwareHashes(service: FieldReader, facts: FindingFacts): void {
  for (const intel of items(service, 'evidence.threatIntelligenceDetails')) {
    facts.indicators.hash(intel.string('threatFileSha256'));
  }
  facts.indicators.hash(service.string('runtimeDetails.process.executableSha256'));
  facts.indicators.hash(service.string('runtimeDetails.context.moduleSha256'));
  for (const threat of items(
    service,
    'ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames',
  )) {
    for (const file of items(threat, 'filePaths')) facts.indicators.hash(file.string('hash'));
  }
  for (const threat of items(service, 'malwareScanDetails.threats')) {
    for (const path of items(threat, 'itemPaths')) facts.indicators.hash(path.string('hash'));
  }
}

/** GuardDuty's generated sample findings say so in additionalInfo. */
function isSample(service: FieldReader | undefined): boolean {
  const flag = service?.get('additionalInfo.sample');
  return flag === true || flag === 'true';
}

interface Envelope {
  readonly region?: string | undefined;
  readonly account?: string | undefined;
}

function consoleLink(
  region: string | undefined,
  partition: string,
  id: string | undefined,
): string | undefined {
  if (!region || !id || partition !== 'aws' || !REGION.test(region)) return undefined;
  return `https://${region}.console.aws.amazon.com/guardduty/home?region=${region}#/findings?macros=current&fId=${encodeURIComponent(id)}`;
}

function normalizeFinding(finding: FieldReader, envelope: Envelope): EventDraft {
  const type = finding.requireString('type');
  const rawSeverity = finding.numeric('severity');
  if (rawSeverity === undefined) finding.fail('severity', 'required GuardDuty severity is missing');
  const severity =
    guardDutySeverity(rawSeverity) ??
    finding.fail('severity', `${rawSeverity} is outside GuardDuty's documented 0–10 severity scale`);

  const id = finding.string('id');
  const updatedAt = finding.time('updatedAt');
  const firstSeen = finding.time('service.eventFirstSeen');
  const lastSeen = finding.time('service.eventLastSeen');
  const account = finding.text('accountId') ?? envelope.account;
  const region = finding.string('region') ?? envelope.region;
  const facts = new FindingFacts(awsScope(finding.string('partition'), region, account));

  const resource = finding.child('resource');
  const resourceType = resource && readResources(resource, facts);
  const service = finding.child('service');
  const action = service?.child('action');
  if (action) readAction(action, facts);
  if (service) malwareHashes(service, facts);

  addFindingTypeAttack(type, facts.attack);
  const parsedType = parseFindingType(type);
  const sequence = service?.child('detection.sequence');
  const signals = sequence && readSequence(sequence, facts);
  const description = finding.string('description');
  const isSequence = parsedType?.purpose === 'AttackSequence';
  if (isSequence && description && facts.attack.tactics.length + facts.attack.techniques.length === 0) {
    attackFromDescription(description, facts.attack);
  }
  // A finding that names no resource (attack sequences without details, some policy findings) is
  // still about its account.
  if (facts.resources.length === 0) facts.add(resourceRef('aws.account', account));

  const sample = isSample(service);
  const title = finding.string('title') ?? type;
  const archived = service?.boolean('archived');
  return {
    from: finding,
    vendorId: id && (updatedAt ? `${id}@${updatedAt}` : id),
    timestamp: lastSeen ?? updatedAt ?? finding.time('createdAt'),
    source: parsedType?.resource === 'Runtime' ? 'runtime' : 'threatintel',
    severity,
    kind: type,
    title: sample && !title.startsWith('[SAMPLE]') ? `[SAMPLE] ${title}` : title,
    resources: facts.resources,
    account,
    region,
    actor: facts.actor,
    indicators: facts.indicators.list,
    attack: facts.attack,
    context: {
      vendor_severity: rawSeverity,
      finding_type: type,
      finding_arn: finding.string('arn'),
      resource_type: resourceType,
      count: service?.text('count'),
      sample,
      archived,
      active: archived !== true,
      first_seen: firstSeen,
      last_seen: lastSeen,
      updated_at: updatedAt,
      action_type: action?.string('actionType'),
      api: action?.string('awsApiCallAction.api'),
      api_service: action?.string('awsApiCallAction.serviceName'),
      resource_role: service?.string('resourceRole'),
      feature: service?.string('featureName'),
      detector_id: service?.string('detectorId'),
      threat_list: service?.string('additionalInfo.threatListName'),
      process: service?.string('runtimeDetails.process.executablePath'),
      impersonated_user: resource?.string(
        'kubernetesDetails.kubernetesUserDetails.impersonatedUser.username',
      ),
      signals,
      description,
      link: consoleLink(region, facts.scope.partition, id),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Detection and entry point

const DETAIL_TYPE = 'GuardDuty Finding';

/**
 * GetFindings JSON and EventBridge are camelCase, the AWS CLI prints PascalCase. The fallback (which
 * tries `Type` after `type` at every step) is only paid for findings that need it.
 */
function cased(finding: FieldReader): FieldReader {
  return Object.hasOwn(finding.value, 'type') ? finding : finding.withOptions({ pascalCaseFallback: true });
}
const TYPE_SHAPE = /^[A-Za-z0-9]+:[A-Za-z0-9]+\/\S/;

/** Detection runs on every payload of every source: the two spellings are given, not computed. */
function field(object: JsonObject, camel: string, pascal: string): JsonValue | undefined {
  return Object.hasOwn(object, camel)
    ? object[camel]
    : Object.hasOwn(object, pascal)
      ? object[pascal]
      : undefined;
}

/** A finding in either casing: a `Threat:Resource/Family` type, a service block and a severity. */
function looksLikeFinding(value: JsonValue | undefined): boolean {
  if (!isJsonObject(value)) return false;
  const type = field(value, 'type', 'Type');
  return (
    typeof type === 'string' &&
    TYPE_SHAPE.test(type) &&
    isJsonObject(field(value, 'service', 'Service')) &&
    field(value, 'severity', 'Severity') !== undefined
  );
}

function findingsList(payload: JsonObject): 'Findings' | 'findings' | undefined {
  if (Array.isArray(payload.Findings)) return 'Findings';
  if (Array.isArray(payload.findings)) return 'findings';
  return undefined;
}

export const guardduty: Normalizer = {
  vendor: 'guardduty',
  accepts:
    'Amazon GuardDuty findings: EventBridge "GuardDuty Finding" events, bare findings (GetFindings / S3 export camelCase, AWS CLI PascalCase) and GetFindings responses {Findings: [...]}',
  detect(payload: JsonObject): boolean {
    if (Object.hasOwn(payload, 'detail-type')) return payload['detail-type'] === DETAIL_TYPE;
    if (looksLikeFinding(payload.detail) || looksLikeFinding(payload)) return true;
    const list = findingsList(payload);
    return list !== undefined && looksLikeFinding((payload[list] as JsonValue[])[0]);
  },
  normalize(reader: FieldReader): EventDraft[] {
    const detailType = reader.get('detail-type');
    if (detailType !== undefined || looksLikeFinding(reader.value.detail)) {
      if (detailType !== undefined && detailType !== DETAIL_TYPE) {
        reader.fail(
          'detail-type',
          `is not "${DETAIL_TYPE}": this EventBridge event is not a GuardDuty finding`,
        );
      }
      const finding = reader.child('detail') ?? reader.fail('detail', 'the event carries no finding');
      const envelope = { region: reader.string('region'), account: reader.text('account') };
      return [normalizeFinding(cased(finding), envelope)];
    }
    const list = findingsList(reader.value);
    if (list) return reader.children(list).map((finding) => normalizeFinding(cased(finding), {}));
    return [normalizeFinding(cased(reader), {})];
  },
};
