// OCSF events (Open Cybersecurity Schema Framework, https://schema.ocsf.io), the format of Amazon
// Security Lake, Prowler 4, the ocsf/examples mappings (Okta, GitHub, Zeek, QRadar, O365, CloudTrail,
// Security Hub ...) and many SIEM exports. One reader covers every class: findings (Security Finding
// 2001 of OCSF 1.0 with its `finding` object, Vulnerability / Compliance / Detection Finding 2002-2004
// with `finding_info`), identity (3xxx), network (4xxx), application (6xxx) and system (1xxx) activity.
// Producers are loose with the schema (severity missing, `message` as a list, microsecond epochs, a
// single `answers` object instead of a list): what is lenient here is lenient on purpose and commented.

import { isIP } from 'node:net';
import { isJsonObject, type JsonObject, jsonTypeOf, tableOf } from '../../json.js';
import type { ResourceRef, Severity, SourceClass } from '../../types.js';
import { AttackCollector } from '../attack.js';
import classTable from '../data/ocsf-classes.json' with { type: 'json' };
import resourceTable from '../data/ocsf-resource-types.json' with { type: 'json' };
import severityTable from '../data/ocsf-severity.json' with { type: 'json' };
import sourceTable from '../data/ocsf-sources.json' with { type: 'json' };
import type { FieldReader } from '../fields.js';
import { IndicatorSet } from '../indicators.js';
import type { EventDraft, Normalizer } from '../normalizer.js';

interface OcsfClass {
  readonly name: string;
  readonly activities: Readonly<Record<string, string>>;
}

const CLASSES: ReadonlyMap<string, OcsfClass> = tableOf(classTable.classes);
const BASE_ACTIVITIES: ReadonlyMap<string, string> = tableOf(classTable.base_activities);
const FINDINGS_CATEGORY = classTable.findings_category_uid;
const SYSTEM_CATEGORY = classTable.runtime_category_uid;

const SEVERITY_BY_ID: ReadonlyMap<string, string> = tableOf(severityTable.by_id);
const SEVERITY_BY_CAPTION: ReadonlyMap<string, string> = tableOf(severityTable.by_caption);
const SEVERITY_BY_RISK_LEVEL: ReadonlyMap<string, string> = tableOf(severityTable.by_risk_level_id);
const SEVERITY_BY_RISK_CAPTION: ReadonlyMap<string, string> = tableOf(severityTable.by_risk_level);
const SEVERITIES: ReadonlySet<string> = new Set(['low', 'medium', 'high', 'critical'] satisfies Severity[]);

const SOURCE_BY_PRODUCT: readonly { readonly match: string; readonly source: string }[] =
  sourceTable.by_product;
const THREAT_TYPE_NAMESPACES: ReadonlySet<string> = new Set(sourceTable.threat_type_namespaces);

const RESOURCE_TYPES: ReadonlyMap<string, string> = tableOf(resourceTable.types);
const AWS_ONLY_TYPES: ReadonlyMap<string, string> = tableOf(resourceTable.aws_only);
const ARN_TYPES: ReadonlyMap<string, string> = tableOf(resourceTable.arn_types);
const ARN_TEMPLATES: ReadonlyMap<string, string> = tableOf(resourceTable.arn_templates);

// Bounds on the lists read per event, so a hostile payload costs no more than its parse.
const MAX_LIST = 64;
const MAX_OBSERVABLES = 256;

const ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws)?:(.+)$/;
const ASFF_RESOURCE_ID = /^AWS::([A-Za-z0-9]*)::([A-Za-z0-9]+):(.+)$/;
const AWS_ACCOUNT = /^\d{12}$/;
const ACCESS_KEY = /^(AKIA|ASIA)[A-Z0-9]{12,124}$/;
const EC2_INSTANCE = /^i-[0-9a-f]{8,32}$/;
const RESOURCE_TYPE = /^[a-z0-9]+(\.[a-z0-9_]+)*$/;
// SiLK's mapping writes "2015/06/17T00:00:00.083"; otherwise the date is ISO.

// Observable type_id (https://schema.ocsf.io/1.3.0/objects/observable): the ones that are indicators.
const OBSERVABLE_HOSTNAME = 1;
const OBSERVABLE_IP = 2;
const OBSERVABLE_EMAIL = 5;
const OBSERVABLE_URL = 6;
const OBSERVABLE_HASH = 8;

// ---------------------------------------------------------------------------------------------------
// Reading loosely-typed OCSF fields

/** Objects at a path that producers write either as a list or (against the schema) as one object. */
function objectsAt(reader: FieldReader, path: string, max = MAX_LIST): FieldReader[] {
  const value = reader.get(path);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    if (!isJsonObject(value)) reader.fail(path, `expected an array of objects, got ${jsonTypeOf(value)}`);
    const one = reader.child(path);
    return one ? [one] : [];
  }
  const segments = path.split('.');
  const out: FieldReader[] = [];
  for (let i = 0; i < value.length && out.length < max; i++) {
    const item = reader.child([...segments, i]);
    if (item) out.push(item);
  }
  return out;
}

function joined(values: readonly string[]): string | undefined {
  return values.length === 0 ? undefined : values.join('; ');
}

// ---------------------------------------------------------------------------------------------------
// Severity and source

function band(value: string | undefined): Severity | undefined {
  return value !== undefined && SEVERITIES.has(value) ? (value as Severity) : undefined;
}

interface SeverityReading {
  readonly severity: Severity;
  /** The field the severity was read from, or `default` when the event rates itself nowhere. */
  readonly basis: 'severity_id' | 'severity' | 'risk_level_id' | 'risk_level' | 'default';
}

/** A Detection Finding's risk_level_id, else its risk_level caption; undefined when neither rates it. */
function riskLevelOf(reader: FieldReader): SeverityReading | undefined {
  const risk = reader.numeric('risk_level_id');
  if (risk !== undefined) {
    const mapped =
      SEVERITY_BY_RISK_LEVEL.get(String(risk)) ??
      reader.fail('risk_level_id', `OCSF risk_level_id ${risk} is not one of 0-4 or 99`);
    const severity = band(mapped);
    if (severity) return { severity, basis: 'risk_level_id' };
  }
  // The caption is only a fallback here: an unknown one is kept in context, not a reason to drop the event.
  const caption = reader.string('risk_level');
  const severity =
    caption === undefined ? undefined : band(SEVERITY_BY_RISK_CAPTION.get(caption.trim().toLowerCase()));
  return severity && { severity, basis: 'risk_level' };
}

/**
 * severity_id per the documented scale (data/ocsf-severity.json). Informational (1) defers to the
 * `severity` caption, which OCSF says carries the source's own value, and is low when it says nothing
 * more. Unknown (0) and Other (99) are no rating at all: the caption, then a Detection Finding's
 * risk_level_id or risk_level decide (a Critical risk must not come out low), and only an event that
 * rates itself nowhere is assumed low, with severity_basis "default" saying so. OCSF requires
 * severity_id, but real mappings omit it (the QRadar offense sample): the caption alone is accepted
 * then, and an event that states nothing is treated like Unknown.
 */
function severityOf(reader: FieldReader): SeverityReading {
  const id = reader.numeric('severity_id');
  const caption = reader.string('severity');
  const captioned = caption === undefined ? undefined : SEVERITY_BY_CAPTION.get(caption.trim().toLowerCase());
  const fromCaption = band(captioned);
  if (id !== undefined) {
    const mapped = SEVERITY_BY_ID.get(String(id));
    if (mapped === undefined) {
      return reader.fail('severity_id', `OCSF severity_id ${id} is not one of 0-6 or 99`);
    }
    const rated = band(mapped);
    if (rated) return { severity: rated, basis: 'severity_id' };
    if (fromCaption) return { severity: fromCaption, basis: 'severity' };
    if (mapped === 'text') return { severity: 'low', basis: 'severity_id' };
  } else if (caption !== undefined) {
    if (fromCaption) return { severity: fromCaption, basis: 'severity' };
    if (captioned === undefined) reader.fail('severity', `unknown OCSF severity "${caption.slice(0, 40)}"`);
  }
  return riskLevelOf(reader) ?? { severity: 'low', basis: 'default' };
}

function sourceOf(product: string | undefined, provider: string | undefined, category: number): SourceClass {
  const names = `${product ?? ''}\n${provider ?? ''}`.toLowerCase();
  const hit = SOURCE_BY_PRODUCT.find((entry) => names.includes(entry.match));
  if (hit) return hit.source as SourceClass;
  return category === SYSTEM_CATEGORY ? 'runtime' : 'siem';
}

// ---------------------------------------------------------------------------------------------------
// Resources

interface CloudScope {
  readonly isAws: boolean;
  /** IAM user names in CloudTrail mappings name IAM users; elsewhere (EKS, Okta) they do not. */
  readonly isCloudTrail: boolean;
  /** Kubernetes audit mappings (EKS): users are Kubernetes identities. */
  readonly isKubernetes: boolean;
  readonly partition: string;
  readonly account: string | undefined;
  readonly region: string | undefined;
}

interface ParsedArn {
  readonly arn: string;
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

function parseArn(text: string | undefined): ParsedArn | undefined {
  const m = text === undefined || text.length > 2048 ? null : ARN.exec(text);
  if (!m) return undefined;
  const [arn, partition = 'aws', service = '', region = '', account = '', resource = ''] = m;
  return { arn, partition, service, region, account, resource };
}

function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

function validType(type: string): string {
  return type.length <= 64 && RESOURCE_TYPE.test(type) ? type : 'resource';
}

/** ARN `arn:aws:iam::1:role/path/Admin` → aws.iam.role "Admin"; `...:instance/i-1` → aws.ec2.instance "i-1". */
function arnResource(parsed: ParsedArn, name?: string): ResourceRef {
  const { service, resource } = parsed;
  const parts = resource.split(/[/:]/);
  const kind = service === 's3' ? (resource.includes('/') ? 'object' : '') : parts.length > 1 ? parts[0] : '';
  const type = validType(
    ARN_TYPES.get(`${service}:${kind}`) ??
      (kind ? `aws.${snakeCase(service)}.${snakeCase(kind ?? '')}` : `aws.${snakeCase(service)}`),
  );
  let id: string;
  let arn = parsed.arn;
  if (service === 'sts' && kind === 'assumed-role') {
    // The session's role is what gets contained: revoke its sessions, not the one session name.
    id = parts[1] ?? resource;
    if (AWS_ACCOUNT.test(parsed.account)) arn = `arn:${parsed.partition}:iam::${parsed.account}:role/${id}`;
  } else if (service === 'iam' || service === 'sts') {
    id = parts[parts.length - 1] || resource;
  } else if (service === 's3' || parts.length === 1) {
    id = resource;
  } else {
    id = resource.slice((parts[0] ?? '').length + 1);
  }
  if (type === 'aws.account') id = parsed.account || id;
  const ref: ResourceRef = { type, id, arn };
  if (name && name !== id) ref.name = name;
  return ref;
}

function arnFor(type: string, id: string, scope: CloudScope, region = scope.region): string | undefined {
  const template = ARN_TEMPLATES.get(type);
  if (!template || !scope.isAws) return undefined;
  if (template.includes('{region}') && !region) return undefined;
  if (template.includes('{account}') && !(scope.account && AWS_ACCOUNT.test(scope.account))) return undefined;
  return template
    .replace('{partition}', () => scope.partition)
    .replace('{region}', () => region ?? '')
    .replace('{account}', () => scope.account ?? '')
    .replace('{id}', () => id);
}

/** A declared resource type (ASFF, CloudFormation, Azure, Kubernetes or free text) as a dotted type. */
function mappedType(declared: string | undefined, scope: CloudScope): string | undefined {
  if (declared === undefined || declared.length > 256) return undefined;
  const key = declared.toLowerCase().replace(/[^a-z0-9]/g, '');
  return RESOURCE_TYPES.get(key) ?? (scope.isAws ? AWS_ONLY_TYPES.get(key) : undefined);
}

function derivedType(declared: string | undefined): string {
  if (declared === undefined || declared.length > 256) return 'resource';
  const cloudFormation = /^AWS::(\w+)::(\w+)$/.exec(declared);
  if (cloudFormation)
    return validType(`aws.${snakeCase(cloudFormation[1] ?? '')}.${snakeCase(cloudFormation[2] ?? '')}`);
  const asff = /^Aws([A-Z][a-z0-9]+)([A-Z]\w*)$/.exec(declared);
  if (asff) return validType(`aws.${snakeCase(asff[1] ?? '')}.${snakeCase(asff[2] ?? '')}`);
  const azure = /^Microsoft\.(\w+)\/(\w+)$/i.exec(declared);
  if (azure) return validType(`azure.${snakeCase(azure[1] ?? '')}.${snakeCase(azure[2] ?? '')}`);
  const word = snakeCase(declared);
  return word ? validType(`resource.${word}`) : 'resource';
}

/** One entry of `resources[]` (or the 1.1 `resource` object). */
function declaredResource(item: FieldReader, scope: CloudScope): ResourceRef | undefined {
  const uid = item.text('uid');
  const name = item.text('name');
  const declared = item.string('type');
  const region = item.string('region') ?? scope.region;
  const partition = item.string('cloud_partition');
  const local: CloudScope =
    partition && /^aws(-[a-z-]+)?$/.test(partition) ? { ...scope, isAws: true, partition } : scope;
  const parsed = parseArn(uid);
  if (parsed) {
    const ref = arnResource(parsed, name);
    const type = mappedType(declared, local);
    return type ? { ...ref, type } : ref;
  }
  const asff = uid === undefined ? null : ASFF_RESOURCE_ID.exec(uid);
  if (asff) {
    const type =
      mappedType(declared, local) ?? mappedType(`Aws${asff[1]}${asff[2]}`, local) ?? derivedType(declared);
    const id = asff[3] ?? uid ?? '';
    return withArn({ type, id }, local, region, name);
  }
  const base = uid ?? name;
  if (base === undefined) return undefined;
  // SecurityScorecard names an infected device by its IP address and gives no type.
  const type =
    mappedType(declared, local) ?? (declared === undefined && isIP(base) ? 'host' : derivedType(declared));
  const namespace = item.string('namespace');
  const id = namespace && !base.includes('/') ? `${namespace}/${base}` : base;
  return withArn({ type, id }, local, region, name);
}

function withArn(
  ref: ResourceRef,
  scope: CloudScope,
  region: string | undefined,
  name?: string,
): ResourceRef {
  const out: ResourceRef = { ...ref };
  const arn = arnFor(ref.type, ref.id, scope, region);
  if (arn) out.arn = arn;
  if (name && name !== ref.id) out.name = name;
  return out;
}

/** An OCSF user object as the account a responder would disable: an IAM principal, else the IdP user. */
function userResource(user: FieldReader | undefined, scope: CloudScope): ResourceRef | undefined {
  if (!user) return undefined;
  const uid = user.text('uid');
  const name = user.text('name');
  const email = user.string('email_addr');
  // OCSF 1.0.0-rc.2 put the ARN in `uuid`.
  const parsed = parseArn(uid) ?? parseArn(user.text('uuid'));
  if (parsed) return arnResource(parsed, name);
  if (scope.isKubernetes && name) return { type: 'k8s.user', id: name };
  if (scope.isCloudTrail && name) return withArn({ type: 'aws.iam.user', id: name }, scope, scope.region);
  const id = uid ?? name ?? email;
  if (id === undefined) return undefined;
  const label = name ?? email;
  return label && label !== id ? { type: 'user', id, name: label } : { type: 'user', id };
}

function actorResources(actor: FieldReader | undefined, scope: CloudScope): ResourceRef[] {
  if (!actor) return [];
  const out: ResourceRef[] = [];
  const user = actor.child('user');
  const key = user?.text('credential_uid');
  if (key && ACCESS_KEY.test(key)) out.push({ type: 'aws.iam.access_key', id: key });
  const principal = userResource(user, scope);
  if (principal) out.push(principal);
  const issuer = parseArn(actor.text('session.issuer'));
  if (issuer) out.push(arnResource(issuer));
  return out;
}

function instanceResource(uid: string | undefined, scope: CloudScope): ResourceRef | undefined {
  if (uid === undefined || !EC2_INSTANCE.test(uid)) return undefined;
  return withArn({ type: 'aws.ec2.instance', id: uid }, { ...scope, isAws: true }, scope.region);
}

function hostResources(reader: FieldReader, scope: CloudScope): ResourceRef[] {
  const out: ResourceRef[] = [];
  const device = reader.child('device');
  if (device) {
    const instance = instanceResource(device.text('instance_uid'), scope);
    if (instance) out.push(instance);
    const host = device.text('hostname') ?? device.text('name') ?? device.text('uid');
    if (host) out.push({ type: 'host', id: host });
  }
  const container = reader.child('container');
  if (container) {
    const id = container.text('uid') ?? container.text('name');
    const image = container.text('image.name');
    if (id) out.push(image ? { type: 'container', id, name: image } : { type: 'container', id });
  }
  for (const endpoint of ['dst_endpoint', 'src_endpoint']) {
    const instance = instanceResource(reader.text(`${endpoint}.instance_uid`), scope);
    if (instance) out.push(instance);
  }
  return out;
}

function namedResource(reader: FieldReader, path: string, fallbackType: string, scope: CloudScope) {
  const item = reader.child(path);
  if (!item) return undefined;
  const id = item.text('uid') ?? item.text('name');
  if (id === undefined) return undefined;
  const type = mappedType(item.string('type'), scope) ?? fallbackType;
  const name = item.text('name');
  return name && name !== id ? { type, id, name } : { type, id };
}

// ---------------------------------------------------------------------------------------------------
// Indicators and ATT&CK

function endpointIndicators(endpoint: FieldReader | undefined, set: IndicatorSet): void {
  if (!endpoint) return;
  set.ip(endpoint.text('ip'));
  set.host(endpoint.text('hostname'));
  set.domain(endpoint.text('domain'));
}

function hashIndicators(reader: FieldReader | undefined, path: string, set: IndicatorSet): void {
  if (!reader) return;
  for (const hash of objectsAt(reader, path)) set.hash(hash.text('value'));
}

function urlIndicators(url: FieldReader | undefined, set: IndicatorSet): void {
  if (!url) return;
  set.url(url.text('url_string'));
  set.host(url.text('hostname'));
}

function observableIndicators(reader: FieldReader, set: IndicatorSet): void {
  for (const observable of objectsAt(reader, 'observables', MAX_OBSERVABLES)) {
    const type = observable.numeric('type_id');
    const value = observable.text('value');
    if (type === OBSERVABLE_HOSTNAME) set.host(value);
    else if (type === OBSERVABLE_IP) set.ip(value);
    else if (type === OBSERVABLE_EMAIL) set.email(value);
    else if (type === OBSERVABLE_URL) set.url(value);
    // The 1.4 example writes a hash observable as "MD5:3172ac...".
    else if (type === OBSERVABLE_HASH) set.hash(value?.replace(/^[a-z0-9-]+:/i, ''));
  }
}

function indicatorsOf(reader: FieldReader, evidences: readonly FieldReader[]): IndicatorSet {
  const set = new IndicatorSet();
  for (const event of [reader, ...evidences]) {
    endpointIndicators(event.child('src_endpoint'), set);
    endpointIndicators(event.child('dst_endpoint'), set);
    set.host(event.text('query.hostname'));
    urlIndicators(event.child('url'), set);
    urlIndicators(event.child('http_request.url'), set);
    hashIndicators(event, 'file.hashes', set);
    hashIndicators(event.child('process'), 'file.hashes', set);
    hashIndicators(event.child('actor.process'), 'file.hashes', set);
  }
  for (const ip of reader.texts('http_request.x_forwarded_for').slice(0, MAX_LIST)) set.ip(ip);
  set.domain(reader.text('tls.sni'));
  for (const answer of objectsAt(reader, 'answers')) set.host(answer.text('rdata'));
  const email = reader.child('email');
  if (email) {
    for (const field of ['from', 'smtp_from', 'reply_to', 'to', 'smtp_to', 'cc']) {
      for (const address of email.texts(field).slice(0, MAX_LIST)) set.email(address);
    }
    for (const ip of email.texts('x_originating_ip').slice(0, MAX_LIST)) set.ip(ip);
  }
  observableIndicators(reader, set);
  return set;
}

function attackOf(
  reader: FieldReader,
  finding: FieldReader | undefined,
  threatType?: string,
): AttackCollector {
  const attack = new AttackCollector();
  const entries = [...objectsAt(reader, 'attacks'), ...(finding ? objectsAt(finding, 'attacks') : [])];
  for (const entry of entries) {
    // OCSF 1.0 lists `tactics[]`; 1.1+ has one `tactic` per entry.
    for (const tactic of [...objectsAt(entry, 'tactic'), ...objectsAt(entry, 'tactics')]) {
      attack.tactic(tactic.text('uid'));
      attack.tactic(tactic.text('name'));
    }
    attack.technique(entry.text('technique.uid'));
    attack.technique(entry.text('sub_technique.uid'));
  }
  // ASFF threat types name the tactic: "TTPs/Defense Evasion/Stealth:IAMUser-...".
  if (threatType?.startsWith('TTPs/')) attack.tactic(threatType.split('/')[1]);
  return attack;
}

// ---------------------------------------------------------------------------------------------------
// The event

function scopeOf(
  reader: FieldReader,
  actorUser: FieldReader | undefined,
  product: string | undefined,
): CloudScope {
  const cloud = reader.child('cloud');
  const provider = cloud?.text('provider')?.toLowerCase();
  const rawAccount =
    cloud?.text('account.uid') ??
    cloud?.text('account_uid') ??
    actorUser?.text('account.uid') ??
    actorUser?.text('account_uid');
  // The EKS mapping puts the caller's STS ARN in cloud.account.uid.
  const account = parseArn(rawAccount)?.account || rawAccount;
  const isCloudTrail = /cloudtrail/i.test(`${product ?? ''} ${reader.text('metadata.log_provider') ?? ''}`);
  return {
    isAws: isCloudTrail || provider === 'aws',
    isCloudTrail,
    isKubernetes: /\b(eks|kubernetes|k8s)\b/i.test(
      `${product ?? ''} ${reader.text('metadata.product.version') ?? ''}`,
    ),
    partition: 'aws',
    account,
    region: cloud?.text('region'),
  };
}

function actorOf(reader: FieldReader, actorUser: FieldReader | undefined, isAuthentication: boolean) {
  const principal = (user: FieldReader | undefined) => {
    if (!user) return undefined;
    const uid = user.text('uid');
    const uuid = user.text('uuid');
    return (
      parseArn(uid)?.arn ??
      parseArn(uuid)?.arn ??
      user.text('name') ??
      user.string('email_addr') ??
      uid ??
      uuid
    );
  };
  const actor =
    principal(actorUser) ?? reader.text('actor.session.issuer') ?? reader.text('actor.process.user.name');
  if (actor || !isAuthentication) return actor;
  // Authentication's `user` is the account logging on; without one, the source is all that is known.
  return (
    principal(reader.child('user')) ?? reader.text('src_endpoint.ip') ?? reader.text('src_endpoint.hostname')
  );
}

function activityTitle(
  label: string,
  parts: {
    operation: string | undefined;
    actor: string | undefined;
    from: string | undefined;
    status: string | undefined;
  },
): string {
  let title = label;
  if (parts.operation && !label.toLowerCase().endsWith(`: ${parts.operation.toLowerCase()}`)) {
    title += ` ${parts.operation}`;
  }
  if (parts.actor) title += ` by ${parts.actor}`;
  if (parts.from) title += ` from ${parts.from}`;
  if (parts.status) title += ` (${parts.status})`;
  return title;
}

function normalizeEvent(reader: FieldReader): EventDraft {
  const classUid =
    reader.number('class_uid') ?? reader.fail('class_uid', 'required OCSF class_uid is missing');
  if (!Number.isInteger(classUid) || classUid < 0) {
    reader.fail('class_uid', `OCSF class_uid ${classUid} is not a class id`);
  }
  const known = CLASSES.get(String(classUid));
  const category = reader.number('category_uid') ?? Math.floor(classUid / 1000);
  const className = reader.string('class_name') ?? known?.name ?? `OCSF class ${classUid}`;
  const activityId = reader.number('activity_id');
  const activity =
    reader.string('activity_name') ??
    (activityId === undefined
      ? undefined
      : ((known && Object.hasOwn(known.activities, String(activityId))
          ? known.activities[String(activityId)]
          : undefined) ??
        BASE_ACTIVITIES.get(String(activityId)) ??
        `activity ${activityId}`));
  const label = activity ? `${className}: ${activity}` : className;
  const isFinding = category === FINDINGS_CATEGORY || Math.floor(classUid / 1000) === FINDINGS_CATEGORY;
  const isIdentity = Math.floor(classUid / 1000) === 3 && className !== 'API Activity';
  const isApiActivity = classUid === 6003 || className === 'API Activity';

  const metadata = reader.child('metadata');
  const product = metadata?.text('product.name');
  const provider = metadata?.text('log_provider');
  const eventCode = metadata?.text('event_code');

  // OCSF 1.0 findings carry `finding`, 1.1+ `finding_info`.
  const finding = reader.child('finding_info') ?? reader.child('finding');
  const types = finding ? finding.strings('types').slice(0, MAX_LIST) : [];
  // Only a full "namespace/category/classifier" names the threat; "Effects/Data Exposure" is a category.
  const threatType = types.find((type) => {
    const segments = type.split('/');
    return segments.length >= 3 && THREAT_TYPE_NAMESPACES.has(segments[0] ?? '');
  });
  const findingTitle = finding?.text('title');
  const findingUid = finding?.text('uid');
  const modified = finding?.firstTime('modified_time', 'modified_time_dt');

  const actorUser = reader.child('actor.user');
  const scope = scopeOf(reader, actorUser, product);
  const declared = [...objectsAt(reader, 'resources'), ...objectsAt(reader, 'resource')].flatMap((item) => {
    const ref = declaredResource(item, scope);
    return ref ? [ref] : [];
  });
  const actorRefs = actorResources(reader.child('actor'), scope);
  const hosts = hostResources(reader, scope);
  const target = isIdentity
    ? [
        userResource(reader.child('user'), scope),
        namedResource(reader, 'group', 'group', scope),
        namedResource(reader, 'entity', 'entity', scope),
      ].flatMap((ref) => (ref ? [ref] : []))
    : [];
  // First the thing to contain: the finding's resource, the account an identity event changed, the
  // principal that made an API call.
  const resources = isFinding
    ? [...declared, ...hosts, ...actorRefs]
    : isIdentity
      ? [...target, ...declared, ...hosts, ...actorRefs]
      : isApiActivity
        ? [...actorRefs, ...declared, ...hosts]
        : [...declared, ...hosts, ...actorRefs];

  const actor = actorOf(reader, actorUser, classUid === 3002);
  const evidences = objectsAt(reader, 'evidences');
  const indicators = indicatorsOf(reader, evidences);
  const status = reader.text('status');
  const message = joined(reader.texts('message').slice(0, MAX_LIST));
  const operation = reader.text('api.operation');
  const sourceIp = reader.text('src_endpoint.ip');
  const compliance = reader.child('compliance');

  const kind = isFinding ? (threatType ?? findingTitle ?? eventCode ?? types[0] ?? label) : label;
  const title = isFinding
    ? (findingTitle ?? message ?? kind)
    : activityTitle(label, {
        operation:
          operation ??
          eventCode ??
          reader.text('process.cmd_line') ??
          reader.text('process.name') ??
          reader.text('query.hostname') ??
          reader.text('http_request.url.hostname'),
        actor,
        from: sourceIp,
        status,
      });

  // A finding is identified by its uid, each update by its modified time. An activity has no id of its
  // own: metadata.uid is the producer's, and not one per event (Zeek writes a connection's uid into
  // every conn, dns and http event of it, so the benign first request of a keep-alive connection
  // would hide the malicious second). Without a vendor id the event's content is its id: a
  // re-delivery keeps it, two different events differ.
  const vendorId =
    isFinding && findingUid ? `${product ?? ''}|${findingUid}${modified ? `@${modified}` : ''}` : undefined;
  const rating = severityOf(reader);
  return {
    from: reader,
    vendorId,
    timestamp:
      reader.firstTime('time', 'time_dt') ??
      finding?.firstTime('created_time', 'created_time_dt') ??
      reader.firstTime('start_time', 'start_time_dt'),
    source: sourceOf(product, provider, category),
    severity: rating.severity,
    kind,
    title,
    resources,
    account: scope.account,
    region: scope.region ?? declared.find((ref) => ref.arn)?.arn?.split(':')[3],
    actor,
    indicators: indicators.list,
    attack: attackOf(reader, finding, threatType),
    context: {
      ocsf_class_uid: classUid,
      ocsf_class: className,
      ocsf_activity_id: activityId,
      ocsf_activity: activity,
      ocsf_category_uid: category,
      ocsf_type_uid: reader.numeric('type_uid'),
      ocsf_version: metadata?.text('version'),
      product,
      product_vendor: metadata?.text('product.vendor_name'),
      product_version: metadata?.text('product.version'),
      product_feature: metadata?.text('product.feature.name') ?? metadata?.text('product.feature.uid'),
      log_provider: provider,
      event_code: eventCode,
      vendor_severity: reader.string('severity')?.trim(),
      severity_basis: rating.basis,
      severity_id: reader.numeric('severity_id'),
      risk_level: reader.text('risk_level'),
      confidence: reader.text('confidence'),
      finding_uid: findingUid,
      event_uid: metadata?.text('uid'),
      finding_types: joined(types),
      rule: reader.text('analytic.name') ?? finding?.text('analytic.name'),
      link: finding?.text('src_url'),
      status,
      status_id: reader.numeric('status_id'),
      status_code: reader.text('status_code'),
      status_detail: reader.text('status_detail'),
      finding_state: reader.text('state'),
      compliance_status: compliance?.text('status'),
      compliance_control: compliance?.text('control'),
      compliance_requirements: compliance
        ? joined(compliance.strings('requirements').slice(0, MAX_LIST))
        : undefined,
      compliance_standards: compliance
        ? joined(compliance.strings('standards').slice(0, MAX_LIST))
        : undefined,
      cve: joined(objectsAt(reader, 'vulnerabilities').flatMap((v) => v.text('cve.uid') ?? [])),
      disposition: reader.text('disposition'),
      action: reader.text('action'),
      api_operation: operation,
      api_service: reader.text('api.service.name'),
      src_ip: sourceIp,
      dst_ip: reader.text('dst_endpoint.ip'),
      user_agent: reader.text('http_request.user_agent'),
      actor_email: actorUser?.string('email_addr'),
      session_issuer: reader.text('actor.session.issuer'),
      message,
    },
  };
}

export const ocsf: Normalizer = {
  vendor: 'ocsf',
  accepts:
    'OCSF events of any class (Detection/Security/Compliance/Vulnerability Finding, API Activity, Authentication, Account Change, Network, HTTP, DNS ...), as objects, arrays or NDJSON',
  detect(payload: JsonObject): boolean {
    const classUid = payload.class_uid;
    return (
      typeof classUid === 'number' &&
      Number.isInteger(classUid) &&
      (isJsonObject(payload.metadata) ||
        typeof payload.category_uid === 'number' ||
        typeof payload.type_uid === 'number')
    );
  },
  normalize: (reader) => [normalizeEvent(reader)],
};
