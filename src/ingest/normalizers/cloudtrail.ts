// AWS CloudTrail records, as a single record, as the log file's Records[] (split by envelopes.ts), as
// the `detail` of an EventBridge "... via CloudTrail" event, and as the AWS CLI's lookup-events output
// (Events[] items carrying the record as a JSON string in CloudTrailEvent). Record fields:
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
//
// CloudTrail has no severity: a record says what was called, not whether it matters. The risk table
// (data/cloudtrail-risk.json) does, keyed by eventName; the few rows whose meaning depends on the
// parameters (a policy that grants "*", a security group opened to 0.0.0.0/0) name a condition
// implemented in CONDITIONS below. This runs on every record of a trail, so the common path is one
// Map lookup and a handful of field reads.
//
// The record's own fields (eventTime, eventSource, userIdentity.*, ...) are read strictly: a wrong type
// is an InputError. requestParameters / responseElements / additionalEventData / resources[] items are
// free-form per API (CloudTrail itself logs some as strings, RunInstances' instanceType appears as an
// object in the wild), so they are read leniently: a value of an unexpected type is ignored, never
// dereferenced, and stays in the payload as evidence.

import { isJsonObject, type JsonObject, type JsonValue } from '../../json.js';
import type { ResourceRef, Severity } from '../../types.js';
import { AttackCollector, tacticId, techniqueId } from '../attack.js';
import riskData from '../data/cloudtrail-risk.json' with { type: 'json' };
import { parseEmbeddedJson } from '../documents.js';
import { type FieldPath, FieldReader } from '../fields.js';
import { IndicatorSet } from '../indicators.js';
import type { AttackIds, EventDraft, Normalizer } from '../normalizer.js';
import { parseTimestamp } from '../timestamps.js';

// ---------------------------------------------------------------------------------------------------
// The risk table

interface RiskConditionData {
  readonly test: string;
  readonly severity: string;
  readonly title: string;
  readonly tactics?: readonly string[];
  readonly techniques?: readonly string[];
}

interface RiskRowData {
  readonly source?: string;
  readonly severity: string;
  readonly title: string;
  readonly tactics?: readonly string[];
  readonly techniques?: readonly string[];
  readonly when?: readonly RiskConditionData[];
}

export interface RiskTableData {
  readonly denied: {
    readonly errorCodes: readonly string[];
    readonly severity: string;
    readonly title: string;
    readonly tactics?: readonly string[];
  };
  readonly root: {
    readonly severity: string;
    readonly title: string;
    readonly criticalEvents: readonly string[];
    readonly criticalTitle: string;
    readonly tactics?: readonly string[];
    readonly techniques?: readonly string[];
  };
  readonly events: Readonly<Record<string, RiskRowData>>;
}

/** Tactics and techniques are ATT&CK ids, resolved once when the table is loaded. */
interface RiskCondition extends AttackIds {
  readonly test: Condition;
  readonly severity: Severity;
  readonly title: string;
}

export interface RiskRow extends AttackIds {
  readonly source: string | undefined;
  readonly severity: Severity;
  readonly title: string;
  readonly when: readonly RiskCondition[];
}

const RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

function higher(a: Severity, b: Severity): Severity {
  return RANK[b] > RANK[a] ? b : a;
}

function tableSeverity(value: string, where: string): Severity {
  if (Object.hasOwn(RANK, value)) return value as Severity;
  throw new Error(`cloudtrail-risk.json: ${where}: unknown severity "${value}"`);
}

/** The table's ATT&CK labels as ids (what AttackCollector would make of them), once instead of per record. */
function tableAttack(tactics: readonly string[] = [], techniques: readonly string[] = []): AttackIds {
  return {
    tactics: tactics.flatMap((name) => tacticId(name) ?? []),
    techniques: techniques.flatMap((text) => techniqueId(text) ?? []),
  };
}

// ---------------------------------------------------------------------------------------------------
// Lenient reads of the free-form parts of a record

function at(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return isJsonObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

function textAt(value: JsonValue | undefined, key: string): string | undefined {
  const found = at(value, key);
  return typeof found === 'string' && found !== '' ? found : undefined;
}

const NO_ITEMS: readonly JsonValue[] = [];

/** EC2's XML-derived lists are `{items: [...]}`; other services use arrays or a single object. */
function itemsOf(value: JsonValue | undefined): readonly JsonValue[] {
  if (Array.isArray(value)) return value;
  if (!isJsonObject(value)) return NO_ITEMS;
  const items = at(value, 'items');
  return Array.isArray(items) ? items : [value];
}

function includesText(value: JsonValue | undefined, wanted: string): boolean {
  return value === wanted || (Array.isArray(value) && value.includes(wanted));
}

// IAM limits a policy document to 10,240 characters (inline) or 6,144 (managed); 64 KiB leaves room
// for whitespace and URL encoding without letting a hostile string cost much.
const MAX_POLICY_CHARS = 65_536;

/** An IAM policy document, which CloudTrail logs as a JSON string (sometimes URL-encoded). */
function policyDocument(value: JsonValue | undefined): JsonValue | undefined {
  if (isJsonObject(value)) return value;
  if (typeof value !== 'string' || value.length > MAX_POLICY_CHARS) return undefined;
  let text = value.trimStart();
  if (text.startsWith('%7B') || text.startsWith('%7b')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return undefined;
    }
  }
  const parsed = parseEmbeddedJson(text);
  return 'value' in parsed ? parsed.value : undefined;
}

function allowStatements(document: JsonValue | undefined): JsonObject[] {
  return itemsOf(at(document, 'Statement')).filter(
    (s): s is JsonObject => isJsonObject(s) && at(s, 'Effect') === 'Allow',
  );
}

// Every regex below runs on payload strings, so each one sees a string bounded first (a slice or a
// length check) and is linear in what it sees: no nested or overlapping quantifiers.
const ACCOUNT_ID = /^\d{12}$/;
const PRINCIPAL_ACCOUNT = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/;
// The account of a principal ARN ends within its first 64 characters: partitions are short
// (aws-us-gov, aws-iso-b), so a longer prefix is no ARN and the regex need not read further.
const PRINCIPAL_ACCOUNT_SPAN = 64;

function isAccountId(text: string): boolean {
  return text.length === 12 && ACCOUNT_ID.test(text);
}

/** The account a principal ("123456789012", "arn:aws:iam::123456789012:root") belongs to. */
function principalAccount(principal: string): string | undefined {
  if (isAccountId(principal)) return principal;
  return PRINCIPAL_ACCOUNT.exec(principal.slice(0, PRINCIPAL_ACCOUNT_SPAN))?.[1];
}

/** "*", {"AWS": "*"} or {"AWS": [..., "*"]}: anyone. */
function isAnyone(principal: JsonValue | undefined): boolean {
  return principal === '*' || includesText(at(principal, 'AWS'), '*');
}

/** Principals of a statement that are anyone or an AWS account other than `account`. */
function trustsOutsider(statement: JsonObject, account: string | undefined): boolean {
  const principal = at(statement, 'Principal');
  if (isAnyone(principal)) return true;
  if (account === undefined) return false;
  const aws = at(principal, 'AWS');
  return (Array.isArray(aws) ? aws : [aws]).some((p) => {
    const owner = typeof p === 'string' ? principalAccount(p) : undefined;
    return owner !== undefined && owner !== account;
  });
}

function someText(value: JsonValue | undefined, test: (text: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  return Array.isArray(value) && value.some((item) => typeof item === 'string' && test(item));
}

/** "*", "**": stars alone, which IAM matches against anything. */
function isStars(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 0x2a) return false;
  return true;
}

/** A value of wildcards alone ("*", "?*", "????????????"): in a condition it matches any value. */
function isWildcards(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x2a && code !== 0x3f) return false;
  }
  return true;
}

/** An action pattern that matches every action: "*", "*:*". */
function isAnyAction(pattern: string): boolean {
  const colon = pattern.indexOf(':');
  return colon === -1
    ? isStars(pattern)
    : isStars(pattern.slice(0, colon)) && isStars(pattern.slice(colon + 1));
}

/** "aws", "aws-us-gov", "aws*", "*": a partition, or a pattern of one, with any trailing stars. */
function isPartitionPattern(segment: string): boolean {
  let end = segment.length;
  while (end > 0 && segment.charCodeAt(end - 1) === 0x2a) end--;
  if (end === 0) return segment !== '';
  if (!segment.startsWith('aws')) return false;
  for (let i = 3; i < end; i++) {
    const code = segment.charCodeAt(i);
    if (code !== 0x2d && (code < 0x61 || code > 0x7a)) return false;
  }
  return true;
}

/**
 * A resource pattern that matches every ARN of an account: "*", "*:*", "arn:*", "arn:aws:*",
 * "arn:aws*:*", "arn:aws:*:*:*:*". A segment's trailing "*" matches across colons, so the pattern
 * covers everything when every segment after the partition is stars and the last one ends in a star;
 * more than the six segments of an ARN would demand colons that ARNs do not have.
 */
function isAnyResource(pattern: string): boolean {
  const segments = pattern.split(':', 7);
  if (segments.length > 6) return false;
  const [first = '', second] = segments;
  if (isStars(first)) return segments.every(isStars);
  if (first !== 'arn' || second === undefined || !isPartitionPattern(second)) return false;
  const rest = segments.slice(2);
  return rest.length === 0 ? second.endsWith('*') : rest.every(isStars);
}

/**
 * An Allow statement that grants every action on every resource. NotAction and NotResource grant
 * everything except what they list ("NotAction": "iam:DoesNotExist" is "*" spelled otherwise), unless
 * what they list is itself everything.
 */
function grantsEverything(statement: JsonObject): boolean {
  const actions = Object.hasOwn(statement, 'NotAction')
    ? !someText(at(statement, 'NotAction'), isAnyAction)
    : someText(at(statement, 'Action'), isAnyAction);
  const resources = Object.hasOwn(statement, 'NotResource')
    ? !someText(at(statement, 'NotResource'), isAnyResource)
    : someText(at(statement, 'Resource'), isAnyResource);
  return actions && resources;
}

// Condition keys that narrow who may use a grant, or from where
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html), in
// lower case: IAM compares key names case-insensitively. Any other key (aws:UserAgent,
// aws:SecureTransport, s3:prefix) leaves a "*" principal meaning anyone.
const NARROWING_CONDITION_KEYS: ReadonlySet<string> = new Set([
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourcearn',
  'aws:principalarn',
  'aws:userid',
  'aws:username',
]);
// Operators that hold only when the key is present and matches. Negated operators (StringNotEquals:
// everyone but), ...IfExists and ForAllValues: (true when the key is absent) and Null narrow nothing.
const NARROWING_OPERATORS: ReadonlySet<string> = new Set(
  ['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike', 'IpAddress'].flatMap(
    (operator) => [operator, `ForAnyValue:${operator}`],
  ),
);

/** A condition value that admits only some callers: not wildcards alone, not the whole internet or every ARN. */
function narrowingValue(key: string, value: JsonValue | undefined): boolean {
  if (typeof value === 'number') return true;
  if (typeof value !== 'string' || isWildcards(value)) return false;
  if (key === 'aws:sourceip') return !isWorldCidr(value);
  if (key === 'aws:sourcearn' || key === 'aws:principalarn') return !isAnyResource(value);
  return true;
}

/**
 * Whether a statement's Condition restricts who or where: one narrowing key under a narrowing
 * operator, every value of it narrowing (condition blocks and keys are ANDed, values ORed).
 */
function narrowsWho(condition: JsonValue | undefined): boolean {
  if (!isJsonObject(condition)) return false;
  for (const operator in condition) {
    const block = condition[operator];
    if (!NARROWING_OPERATORS.has(operator) || !isJsonObject(block)) continue;
    for (const name in block) {
      const key = name.toLowerCase();
      if (!NARROWING_CONDITION_KEYS.has(key)) continue;
      const value = block[name];
      const values = Array.isArray(value) ? value : [value];
      if (values.length > 0 && values.every((v) => narrowingValue(key, v))) return true;
    }
  }
  return false;
}

/** An Allow statement open to anyone: Principal "*" or NotPrincipal, and no Condition that narrows it. */
function grantsAnyone(statement: JsonObject): boolean {
  const open = isAnyone(at(statement, 'Principal')) || Object.hasOwn(statement, 'NotPrincipal');
  return open && !narrowsWho(at(statement, 'Condition'));
}

// ---------------------------------------------------------------------------------------------------
// Conditions named by the risk table

interface Facts {
  readonly params: JsonValue | undefined;
  readonly response: JsonValue | undefined;
  readonly additional: JsonValue | undefined;
  readonly identityType: string | undefined;
  readonly identityUserName: string | undefined;
  readonly account: string | undefined;
}

type Condition = (facts: Facts) => boolean;

const ADMIN_POLICY_SUFFIX = ':iam::aws:policy/AdministratorAccess';
const PUBLIC_CANNED_ACLS = ['public-read', 'public-read-write', 'authenticated-read'];
const PUBLIC_GRANT_HEADERS = [
  'x-amz-grant-read',
  'x-amz-grant-write',
  'x-amz-grant-read-acp',
  'x-amz-grant-write-acp',
  'x-amz-grant-full-control',
];
// Where resource-based policies travel: S3, KMS, ECR, Secrets Manager / CloudWatch Logs, Glue.
const POLICY_KEYS = [
  'bucketPolicy',
  'policy',
  'policyText',
  'resourcePolicy',
  'policyDocument',
  'policyInJson',
];
// EC2 families built around GPUs or ML accelerators: what a miner with stolen keys launches. The
// pattern reads a family prefix only; FAMILY_SPAN bounds the string it is given.
const ACCELERATED_FAMILY = /^(?:p\d|g\d|gr\d|inf\d|trn\d|dl\d|f\d|vt\d)/i;
const FAMILY_SPAN = 16;

// An ingress range counts as the internet at /8 or wider for IPv4 (/16 or wider for IPv6): a /8 is
// 16 million addresses, and 0.0.0.0/0 split into pieces (0.0.0.0/1 + 128.0.0.0/1) opens the same door
// while dodging rules that look for "/0". 10.0.0.0/8 (RFC 1918) and fc00::/7 (unique local) are the
// wide ranges that hold no internet address.
const WORLD_PREFIX_IPV4 = 8;
const WORLD_PREFIX_IPV6 = 16;

/** The prefix length of "a.b.c.d/n" or "x::/n": 1 to 3 digits after the slash. */
function prefixLength(cidr: string, slash: number): number | undefined {
  const digits = cidr.length - slash - 1;
  if (digits < 1 || digits > 3) return undefined;
  let length = 0;
  for (let i = slash + 1; i < cidr.length; i++) {
    const code = cidr.charCodeAt(i);
    if (!isDigit(code)) return undefined;
    length = length * 10 + (code - 48);
  }
  return length;
}

function isWorldCidr(value: JsonValue | undefined): boolean {
  if (typeof value !== 'string') return false;
  const cidr = value.trim();
  const slash = cidr.lastIndexOf('/');
  const prefix = slash === -1 ? undefined : prefixLength(cidr, slash);
  if (prefix === undefined) return false;
  const colon = cidr.indexOf(':');
  if (colon === -1) return prefix <= WORLD_PREFIX_IPV4 && !(prefix === 8 && cidr.startsWith('10.'));
  if (prefix > WORLD_PREFIX_IPV6) return false;
  const firstGroup = colon === 0 ? 0 : Number.parseInt(cidr.slice(0, Math.min(colon, 4)), 16);
  return !(prefix >= 7 && (firstGroup & 0xfe00) === 0xfc00);
}

function mentionsAllUsers(value: JsonValue | undefined): boolean {
  const texts = Array.isArray(value) ? value : [value];
  return texts.some(
    (t) => typeof t === 'string' && (t.includes('AllUsers') || t.includes('AuthenticatedUsers')),
  );
}

function permissionAdded(permission: JsonValue | undefined): boolean {
  return itemsOf(at(permission, 'add')).some(
    (item) =>
      textAt(item, 'group') === 'all' ||
      textAt(item, 'userId') !== undefined ||
      textAt(item, 'organizationArn') !== undefined ||
      textAt(item, 'organizationalUnitArn') !== undefined,
  );
}

function isFalse(value: JsonValue | undefined): boolean {
  return value === false || value === 'false';
}

export const CONDITIONS: Readonly<Record<string, Condition>> = {
  adminPolicy: ({ params }) => {
    const arn = textAt(params, 'policyArn');
    if (arn?.endsWith(ADMIN_POLICY_SUFFIX)) return true;
    return allowStatements(policyDocument(at(params, 'policyDocument'))).some(grantsEverything);
  },
  externalTrust: ({ params, account }) =>
    allowStatements(
      policyDocument(at(params, 'policyDocument') ?? at(params, 'assumeRolePolicyDocument')),
    ).some((s) => trustsOutsider(s, account)),
  otherUser: ({ params, identityType, identityUserName }) => {
    const target = textAt(params, 'userName');
    return target !== undefined && !(identityType === 'IAMUser' && identityUserName === target);
  },
  managementEventsExcluded: ({ params }) =>
    itemsOf(at(params, 'eventSelectors')).some((s) => isFalse(at(s, 'includeManagementEvents'))),
  bucketLoggingDisabled: ({ params }) => {
    const status = at(params, 'BucketLoggingStatus');
    return isJsonObject(status) && !Object.hasOwn(status, 'LoggingEnabled');
  },
  detectorDisabled: ({ params }) => isFalse(at(params, 'enable')),
  macieSessionPaused: ({ params }) => textAt(params, 'status') === 'PAUSED',
  worldIngress: ({ params }) =>
    isWorldCidr(at(params, 'cidrIp')) ||
    isWorldCidr(at(params, 'cIDRIP')) ||
    itemsOf(at(params, 'ipPermissions')).some(
      (permission) =>
        itemsOf(at(permission, 'ipRanges')).some((r) => isWorldCidr(at(r, 'cidrIp'))) ||
        itemsOf(at(permission, 'ipv6Ranges')).some((r) => isWorldCidr(at(r, 'cidrIpv6'))),
    ),
  publicPolicy: ({ params }) => {
    const policy = POLICY_KEYS.map((key) => at(params, key)).find((value) => value !== undefined);
    return allowStatements(policyDocument(policy ?? at(at(params, 'attributes'), 'Policy'))).some(
      grantsAnyone,
    );
  },
  publicBucketAcl: ({ params }) => {
    const canned = at(params, 'x-amz-acl');
    if (PUBLIC_CANNED_ACLS.some((acl) => includesText(canned, acl))) return true;
    if (PUBLIC_GRANT_HEADERS.some((header) => mentionsAllUsers(at(params, header)))) return true;
    const grants = at(at(at(params, 'AccessControlPolicy'), 'AccessControlList'), 'Grant');
    return itemsOf(grants).some((grant) => mentionsAllUsers(at(at(grant, 'Grantee'), 'URI')));
  },
  publicAccessBlockOff: ({ params }) => {
    const config = at(params, 'PublicAccessBlockConfiguration');
    return ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'].some((key) =>
      isFalse(at(config, key)),
    );
  },
  volumePermissionAdded: ({ params }) => permissionAdded(at(params, 'createVolumePermission')),
  launchPermissionAdded: ({ params }) => permissionAdded(at(params, 'launchPermission')),
  dbSnapshotShared: ({ params }) => {
    const added = at(params, 'valuesToAdd');
    return textAt(params, 'attributeName') === 'restore' && Array.isArray(added) && added.length > 0;
  },
  publiclyAccessible: ({ params }) => at(params, 'publiclyAccessible') === true,
  codebuildPublic: ({ params }) => textAt(params, 'projectVisibility') === 'PUBLIC_READ',
  userDataChanged: ({ params }) =>
    (isJsonObject(params) && Object.hasOwn(params, 'userData')) || textAt(params, 'attribute') === 'userData',
  acceleratedInstance: ({ params }) => {
    const type = at(params, 'instanceType');
    const name = typeof type === 'string' ? type : textAt(type, 'value');
    return name !== undefined && ACCELERATED_FAMILY.test(name.slice(0, FAMILY_SPAN));
  },
  layersChanged: ({ params }) => {
    const layers = at(params, 'layers');
    return Array.isArray(layers) && layers.length > 0;
  },
  foreignLayer: ({ params, account }) => {
    const layers = at(params, 'layers');
    if (!Array.isArray(layers) || account === undefined) return false;
    return layers.some((layer) => {
      const owner = typeof layer === 'string' ? layer.split(':')[4] : undefined;
      return owner !== undefined && isAccountId(owner) && owner !== account;
    });
  },
  lambdaOpenInvoke: ({ params, account }) => {
    const principal = textAt(params, 'principal');
    if (principal === undefined) return false;
    if (principal === '*') return true;
    const owner = principalAccount(principal);
    return owner !== undefined && account !== undefined && owner !== account;
  },
  noFinalSnapshot: ({ params }) => at(params, 'skipFinalSnapshot') === true,
  versioningSuspended: ({ params }) => {
    const status = textAt(at(params, 'VersioningConfiguration'), 'Status');
    return status === 'Suspended' || status === 'Disabled';
  },
  loginFailed: ({ response }) => textAt(response, 'ConsoleLogin') === 'Failure',
  loginWithoutMfa: ({ response, additional, identityType }) =>
    textAt(response, 'ConsoleLogin') !== 'Failure' &&
    textAt(additional, 'MFAUsed') === 'No' &&
    // Federated sign-ins (AssumedRole via SAML/SSO) do MFA at the identity provider, which CloudTrail
    // cannot see: their MFAUsed is always "No".
    textAt(additional, 'SamlProviderArn') === undefined &&
    (identityType === 'IAMUser' || identityType === 'Root'),
};

// ---------------------------------------------------------------------------------------------------
// Loading the table

const table = riskData as unknown as RiskTableData;

/** Rows by eventName; throws on a severity or condition the code does not know (a broken table is a bug). */
export function loadRiskRows(data: RiskTableData): Map<string, RiskRow> {
  const rows = new Map<string, RiskRow>();
  for (const [name, row] of Object.entries(data.events)) {
    const when = (row.when ?? []).map((c, i): RiskCondition => {
      const test = Object.hasOwn(CONDITIONS, c.test) ? CONDITIONS[c.test] : undefined;
      if (!test) throw new Error(`cloudtrail-risk.json: events.${name}.when[${i}]: unknown test "${c.test}"`);
      return {
        test,
        severity: tableSeverity(c.severity, `events.${name}.when[${i}]`),
        title: c.title,
        ...tableAttack(c.tactics, c.techniques),
      };
    });
    rows.set(name, {
      source: row.source,
      severity: tableSeverity(row.severity, `events.${name}`),
      title: row.title,
      ...tableAttack(row.tactics, row.techniques),
      when,
    });
  }
  return rows;
}

export const RISK_ROWS: ReadonlyMap<string, RiskRow> = loadRiskRows(table);
const DENIED_CODES = new Set(table.denied.errorCodes);
const DENIED_SEVERITY = tableSeverity(table.denied.severity, 'denied');
const DENIED_ATTACK = tableAttack(table.denied.tactics);
const ROOT_SEVERITY = tableSeverity(table.root.severity, 'root');
const ROOT_ATTACK = tableAttack(table.root.tactics, table.root.techniques);
const ROOT_CRITICAL = new Set(table.root.criticalEvents);

// Lambda logs its API version in the name: UpdateFunctionCode20150331v2. A name longer than the
// longest row's plus a version suffix cannot name a row, so the regex never sees one.
const API_VERSION_SUFFIX = /20\d{6}(?:v\d+)?$/;
const MAX_VERSIONED_NAME =
  Math.max(...[...RISK_ROWS.keys()].map((name) => name.length)) + '20150331v999'.length;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The risk row of a call; a row tied to another service does not match. */
function riskRowOf(eventName: string, eventSource: string | undefined): RiskRow | undefined {
  let row = RISK_ROWS.get(eventName);
  if (
    row === undefined &&
    eventName.length <= MAX_VERSIONED_NAME &&
    isDigit(eventName.charCodeAt(eventName.length - 1)) &&
    API_VERSION_SUFFIX.test(eventName)
  ) {
    row = RISK_ROWS.get(eventName.replace(API_VERSION_SUFFIX, ''));
  }
  if (row === undefined) return undefined;
  return eventSource === undefined || row.source === undefined || row.source === eventSource
    ? row
    : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Reading a record

// Values documentation and test fixtures put where a real record has data ("redacted", "...",
// "<Victim source IP>"): no information, so treated as absent instead of as a malformed value.
const PLACEHOLDER = /^(?:redacted|\.{3}|…|<[^<>]*>)$/i;

function isPlaceholder(text: string): boolean {
  // Almost every value starts with another character: the switch spares them the regex.
  switch (text.charAt(0)) {
    case 'r':
    case 'R':
    case '.':
    case '…':
    case '<':
      return text.length < 80 && PLACEHOLDER.test(text);
    default:
      return false;
  }
}

// Field paths for FieldReader, which reads timestamps and reports fields of the wrong type.
const PATH = {
  eventName: ['eventName'],
  eventSource: ['eventSource'],
  eventID: ['eventID'],
  eventType: ['eventType'],
  eventTime: ['eventTime'],
  logstashTimestamp: ['@timestamp'],
  pantherEventTime: ['p_event_time'],
  awsRegion: ['awsRegion'],
  recipientAccountId: ['recipientAccountId'],
  errorCode: ['errorCode'],
  errorMessage: ['errorMessage'],
  sourceIPAddress: ['sourceIPAddress'],
  userAgent: ['userAgent'],
  readOnly: ['readOnly'],
  vpcEndpointId: ['vpcEndpointId'],
  userIdentity: ['userIdentity'],
  identityType: ['userIdentity', 'type'],
  identityArn: ['userIdentity', 'arn'],
  identityUserName: ['userIdentity', 'userName'],
  identityAccountId: ['userIdentity', 'accountId'],
  identityAccessKeyId: ['userIdentity', 'accessKeyId'],
  identityInvokedBy: ['userIdentity', 'invokedBy'],
  identityPrincipalId: ['userIdentity', 'principalId'],
  sessionIssuerArn: ['userIdentity', 'sessionContext', 'sessionIssuer', 'arn'],
  sessionIssuerUserName: ['userIdentity', 'sessionContext', 'sessionIssuer', 'userName'],
  onBehalfOfUserId: ['userIdentity', 'onBehalfOf', 'userId'],
} as const;

/**
 * The top-level fields of a record that the normalizer reads, as the record holds them (types not yet
 * checked: see stringOf). Records come in hundreds of shapes (one per API, SDK and exporter), and V8
 * finds a field by name slowly in objects of that many shapes; one for...in pass over the keys reads
 * each value directly, several times faster than twenty lookups by name. for...in yields only the
 * record's own keys: JSON.parse makes plain objects, and Object.prototype has no enumerable properties.
 */
class RecordFields {
  eventName: JsonValue | undefined = undefined;
  eventSource: JsonValue | undefined = undefined;
  eventID: JsonValue | undefined = undefined;
  eventType: JsonValue | undefined = undefined;
  eventTime: JsonValue | undefined = undefined;
  logstashTimestamp: JsonValue | undefined = undefined;
  pantherEventTime: JsonValue | undefined = undefined;
  awsRegion: JsonValue | undefined = undefined;
  recipientAccountId: JsonValue | undefined = undefined;
  errorCode: JsonValue | undefined = undefined;
  errorMessage: JsonValue | undefined = undefined;
  sourceIPAddress: JsonValue | undefined = undefined;
  userAgent: JsonValue | undefined = undefined;
  readOnly: JsonValue | undefined = undefined;
  vpcEndpointId: JsonValue | undefined = undefined;
  userIdentity: JsonValue | undefined = undefined;
  requestParameters: JsonValue | undefined = undefined;
  responseElements: JsonValue | undefined = undefined;
  additionalEventData: JsonValue | undefined = undefined;
  resources: JsonValue | undefined = undefined;

  constructor(record: JsonObject) {
    for (const key in record) {
      const value = record[key];
      switch (key) {
        case 'eventName':
          this.eventName = value;
          break;
        case 'eventSource':
          this.eventSource = value;
          break;
        case 'eventID':
          this.eventID = value;
          break;
        case 'eventType':
          this.eventType = value;
          break;
        case 'eventTime':
          this.eventTime = value;
          break;
        case '@timestamp':
          this.logstashTimestamp = value;
          break;
        case 'p_event_time':
          this.pantherEventTime = value;
          break;
        case 'awsRegion':
          this.awsRegion = value;
          break;
        case 'recipientAccountId':
          this.recipientAccountId = value;
          break;
        case 'errorCode':
          this.errorCode = value;
          break;
        case 'errorMessage':
          this.errorMessage = value;
          break;
        case 'sourceIPAddress':
          this.sourceIPAddress = value;
          break;
        case 'userAgent':
          this.userAgent = value;
          break;
        case 'readOnly':
          this.readOnly = value;
          break;
        case 'vpcEndpointId':
          this.vpcEndpointId = value;
          break;
        case 'userIdentity':
          this.userIdentity = value;
          break;
        case 'requestParameters':
          this.requestParameters = value;
          break;
        case 'responseElements':
          this.responseElements = value;
          break;
        case 'additionalEventData':
          this.additionalEventData = value;
          break;
        case 'resources':
          this.resources = value;
          break;
      }
    }
  }
}

/** The fields of userIdentity that the normalizer reads, found as RecordFields finds the record's. */
class IdentityFields {
  type: JsonValue | undefined = undefined;
  arn: JsonValue | undefined = undefined;
  userName: JsonValue | undefined = undefined;
  accountId: JsonValue | undefined = undefined;
  accessKeyId: JsonValue | undefined = undefined;
  invokedBy: JsonValue | undefined = undefined;
  principalId: JsonValue | undefined = undefined;
  sessionContext: JsonValue | undefined = undefined;
  onBehalfOf: JsonValue | undefined = undefined;

  constructor(identity: JsonObject) {
    for (const key in identity) {
      const value = identity[key];
      switch (key) {
        case 'type':
          this.type = value;
          break;
        case 'arn':
          this.arn = value;
          break;
        case 'userName':
          this.userName = value;
          break;
        case 'accountId':
          this.accountId = value;
          break;
        case 'accessKeyId':
          this.accessKeyId = value;
          break;
        case 'invokedBy':
          this.invokedBy = value;
          break;
        case 'principalId':
          this.principalId = value;
          break;
        case 'sessionContext':
          this.sessionContext = value;
          break;
        case 'onBehalfOf':
          this.onBehalfOf = value;
          break;
      }
    }
  }
}

/**
 * A string field as `reader.string(path)` reads it: absent, null or "" is undefined, and a value of
 * another type goes to the reader, which throws the InputError that names the path.
 */
function stringOf(value: JsonValue | undefined, reader: FieldReader, path: FieldPath): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  return value === undefined || value === null ? undefined : reader.string(path);
}

function clean(text: string | undefined): string | undefined {
  return text === undefined || isPlaceholder(text) ? undefined : text;
}

const TIME_FIELDS = ['eventTime', 'logstashTimestamp', 'pantherEventTime'] as const;

/** eventTime, else Logstash's @timestamp, else Panther's p_event_time; placeholders are absent. */
function recordTime(record: FieldReader, fields: RecordFields): { timestamp?: string; redacted: boolean } {
  let redacted = false;
  for (const field of TIME_FIELDS) {
    const raw = fields[field];
    if (raw === undefined) continue;
    if (typeof raw === 'string' && isPlaceholder(raw)) {
      redacted = true;
      continue;
    }
    // Parsed here, since the reader would look the field up again; it reports a value that does not parse.
    const parsed = typeof raw === 'string' || typeof raw === 'number' ? parseTimestamp(raw) : undefined;
    const timestamp = parsed ?? record.time(PATH[field]);
    if (timestamp !== undefined) return { timestamp, redacted };
  }
  return { redacted };
}

/** readOnly is a boolean; some exporters write "true"/"True". */
function readOnlyOf(record: FieldReader, raw: JsonValue | undefined): boolean | undefined {
  if (typeof raw === 'string') {
    const lower = raw.toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : undefined;
  }
  return typeof raw === 'boolean' || raw === undefined ? raw : record.boolean(PATH.readOnly);
}

interface Scope {
  readonly partition: string;
  readonly region: string | undefined;
  readonly account: string | undefined;
}

function partitionOf(region: string | undefined): string {
  if (region?.startsWith('cn-')) return 'aws-cn';
  if (region?.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

interface Identity {
  readonly type: string | undefined;
  readonly actor: string | undefined;
  /** A short name for titles: user name, role/session, root, service. */
  readonly label: string | undefined;
  /** The IAM entity behind the call, as a resource: aws.iam.user, aws.iam.role, aws.account (root). */
  readonly principalType: string | undefined;
  readonly principalName: string | undefined;
  readonly principalResourceArn: string | undefined;
  /** userIdentity.arn as logged: for a role session, the session. */
  readonly principalArn: string | undefined;
  readonly userName: string | undefined;
  readonly accessKeyId: string | undefined;
  readonly accountId: string | undefined;
  readonly invokedBy: string | undefined;
  readonly mfaAuthenticated: string | undefined;
}

const NO_IDENTITY: Identity = {
  type: undefined,
  actor: undefined,
  label: undefined,
  principalType: undefined,
  principalName: undefined,
  principalResourceArn: undefined,
  principalArn: undefined,
  userName: undefined,
  accessKeyId: undefined,
  accountId: undefined,
  invokedBy: undefined,
  mfaAuthenticated: undefined,
};

/** The part of an ARN after the account: "user/path/name", "assumed-role/Role/session", "root". */
function arnResource(arn: string): string | undefined {
  let colon = -1;
  for (let colons = 0; colons < 5; colons++) {
    colon = arn.indexOf(':', colon + 1);
    if (colon === -1) return undefined;
  }
  return arn.slice(colon + 1);
}

function lastSegment(text: string): string {
  const slash = text.lastIndexOf('/');
  return slash === -1 ? text : text.slice(slash + 1);
}

/**
 * Who acted, per https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html.
 * For an assumed role the actor is the role (the session issuer), not the session: sessions are
 * named per run (aws-go-sdk-1722455550269043000), so an actor per session would split one attacker's
 * activity into as many incidents as sessions, and the role is what containment acts on. The session
 * ARN and name stay in context for the responder.
 */
function identityOf(record: FieldReader, value: JsonValue | undefined, scope: Scope): Identity {
  if (!isJsonObject(value)) {
    record.object(PATH.userIdentity); // throws for a value that is not an object
    return NO_IDENTITY;
  }
  const fields = new IdentityFields(value);
  const type = clean(stringOf(fields.type, record, PATH.identityType));
  const arn = clean(stringOf(fields.arn, record, PATH.identityArn));
  const userName = clean(stringOf(fields.userName, record, PATH.identityUserName));
  const accountId = clean(stringOf(fields.accountId, record, PATH.identityAccountId));
  const accessKeyId = clean(stringOf(fields.accessKeyId, record, PATH.identityAccessKeyId));
  const invokedBy = clean(stringOf(fields.invokedBy, record, PATH.identityInvokedBy));
  const principalId = clean(stringOf(fields.principalId, record, PATH.identityPrincipalId));
  const session = fields.sessionContext;
  const mfa = at(at(session, 'attributes'), 'mfaAuthenticated');
  const account = accountId ?? scope.account;

  let actor: string | undefined;
  let label: string | undefined;
  // The IAM entity behind the call, set together when there is one.
  let principalType: string | undefined;
  let principalName: string | undefined;
  let principalResourceArn: string | undefined;
  if (type === 'AssumedRole' || type === 'FederatedUser') {
    // arn:aws:sts::123456789012:assumed-role/Role/session, arn:aws:sts::123456789012:federated-user/name
    // A session name may itself hold slashes: it is all that follows the role (or "federated-user/").
    const resource = arn === undefined ? '' : (arnResource(arn) ?? '');
    const kindEnd = resource.indexOf('/');
    const issuer = at(session, 'sessionIssuer');
    const issuerArn = clean(stringOf(at(issuer, 'arn'), record, PATH.sessionIssuerArn));
    const issuerName = clean(stringOf(at(issuer, 'userName'), record, PATH.sessionIssuerUserName));
    if (type === 'AssumedRole') {
      const roleEnd = kindEnd === -1 ? -1 : resource.indexOf('/', kindEnd + 1);
      const roleInArn =
        kindEnd === -1 ? undefined : resource.slice(kindEnd + 1, roleEnd === -1 ? resource.length : roleEnd);
      const session = roleEnd === -1 ? undefined : resource.slice(roleEnd + 1);
      const roleName = issuerName ?? roleInArn;
      const roleArn =
        issuerArn ??
        (roleName && account ? `arn:${scope.partition}:iam::${account}:role/${roleName}` : undefined);
      actor = roleArn ?? arn ?? principalId ?? userName;
      label = roleName ? (session ? `${roleName}/${session}` : roleName) : actor;
      if (roleName) {
        principalType = 'aws.iam.role';
        principalName = roleName;
        principalResourceArn = roleArn;
      }
    } else {
      // GetFederationToken sessions: the IAM user who asked for the token is the credential at stake.
      const session = kindEnd === -1 ? undefined : resource.slice(kindEnd + 1);
      actor = issuerArn ?? arn ?? principalId;
      label = session ? `${issuerName ?? 'federated'}/${session}` : (issuerName ?? actor);
      if (issuerName) {
        principalType = 'aws.iam.user';
        principalName = issuerName;
        principalResourceArn = issuerArn;
      }
    }
  } else if (type === 'Root') {
    const rootArn = arn ?? (account ? `arn:${scope.partition}:iam::${account}:root` : undefined);
    actor = rootArn ?? 'root';
    label = 'root';
    if (account) {
      principalType = 'aws.account';
      principalName = account;
      principalResourceArn = rootArn;
    }
  } else if (type === 'AWSService') {
    actor = invokedBy ?? principalId;
    label = actor;
  } else if (type === 'IAMUser') {
    const name = userName ?? (arn ? lastSegment(arn) : undefined);
    // Failed console sign-ins log no ARN; the user's ARN (assuming path "/") keeps them correlating
    // with the same user's successful activity.
    const userArn =
      arn ?? (name && account ? `arn:${scope.partition}:iam::${account}:user/${name}` : undefined);
    actor = userArn ?? principalId;
    label = name ?? actor;
    if (name) {
      principalType = 'aws.iam.user';
      principalName = name;
      principalResourceArn = userArn;
    }
  } else {
    // AWSAccount (another account's principal), IdentityCenterUser, SAMLUser, WebIdentityUser, Unknown.
    const onBehalfOf = clean(stringOf(at(fields.onBehalfOf, 'userId'), record, PATH.onBehalfOfUserId));
    actor = arn ?? userName ?? onBehalfOf ?? principalId ?? accountId;
    label = userName ?? actor;
  }
  return {
    type,
    actor,
    label,
    principalType,
    principalName,
    principalResourceArn,
    principalArn: arn,
    userName,
    accessKeyId,
    accountId,
    invokedBy,
    mfaAuthenticated: typeof mfa === 'string' || typeof mfa === 'boolean' ? String(mfa) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------------
// Resources

interface ParameterResource {
  /** requestParameters key holding the id. */
  readonly key: string;
  /** The eventSource the key means this in; other services use the same key for other things. */
  readonly source?: string;
  readonly type: string;
  /** The ARN from the id when the id is not one already; undefined when the scope lacks a part. */
  readonly arn: (id: string, scope: Scope) => string | undefined;
}

function regional(service: string, resource: string, scope: Scope): string | undefined {
  return scope.region && scope.account
    ? `arn:${scope.partition}:${service}:${scope.region}:${scope.account}:${resource}`
    : undefined;
}

function global(service: string, resource: string, scope: Scope): string | undefined {
  return scope.account ? `arn:${scope.partition}:${service}::${scope.account}:${resource}` : undefined;
}

function ec2Instance(id: string, scope: Scope): string | undefined {
  return regional('ec2', `instance/${id}`, scope);
}

// In the order they are listed: the first one present is the event's primary resource.
const PARAMETER_RESOURCES: readonly ParameterResource[] = [
  { key: 'instanceId', type: 'aws.ec2.instance', arn: ec2Instance },
  { key: 'target', source: 'ssm.amazonaws.com', type: 'aws.ec2.instance', arn: ec2Instance },
  { key: 'bucketName', type: 'aws.s3.bucket', arn: (id, s) => `arn:${s.partition}:s3:::${id}` },
  {
    key: 'userName',
    source: 'iam.amazonaws.com',
    type: 'aws.iam.user',
    arn: (id, s) => global('iam', `user/${id}`, s),
  },
  {
    key: 'roleName',
    source: 'iam.amazonaws.com',
    type: 'aws.iam.role',
    arn: (id, s) => global('iam', `role/${id}`, s),
  },
  {
    key: 'groupName',
    source: 'iam.amazonaws.com',
    type: 'aws.iam.group',
    arn: (id, s) => global('iam', `group/${id}`, s),
  },
  { key: 'accessKeyId', source: 'iam.amazonaws.com', type: 'aws.iam.access_key', arn: () => undefined },
  {
    key: 'groupId',
    source: 'ec2.amazonaws.com',
    type: 'aws.ec2.security_group',
    arn: (id, s) => regional('ec2', `security-group/${id}`, s),
  },
  // EBS snapshot and AMI ARNs have no account part.
  {
    key: 'snapshotId',
    source: 'ec2.amazonaws.com',
    type: 'aws.ec2.snapshot',
    arn: (id, s) => (s.region ? `arn:${s.partition}:ec2:${s.region}::snapshot/${id}` : undefined),
  },
  {
    key: 'imageId',
    source: 'ec2.amazonaws.com',
    type: 'aws.ec2.image',
    arn: (id, s) => (s.region ? `arn:${s.partition}:ec2:${s.region}::image/${id}` : undefined),
  },
  {
    key: 'trailName',
    source: 'cloudtrail.amazonaws.com',
    type: 'aws.cloudtrail.trail',
    arn: (id, s) => regional('cloudtrail', `trail/${id}`, s),
  },
  {
    key: 'name',
    source: 'cloudtrail.amazonaws.com',
    type: 'aws.cloudtrail.trail',
    arn: (id, s) => regional('cloudtrail', `trail/${id}`, s),
  },
  {
    key: 'keyId',
    source: 'kms.amazonaws.com',
    type: 'aws.kms.key',
    arn: (id, s) => regional('kms', id.startsWith('alias/') ? id : `key/${id}`, s),
  },
  // Secret ARNs end in a random suffix: only an id that is an ARN gives one.
  {
    key: 'secretId',
    source: 'secretsmanager.amazonaws.com',
    type: 'aws.secretsmanager.secret',
    arn: () => undefined,
  },
  {
    key: 'functionName',
    source: 'lambda.amazonaws.com',
    type: 'aws.lambda.function',
    arn: (id, s) => regional('lambda', `function:${id}`, s),
  },
  {
    key: 'dBInstanceIdentifier',
    source: 'rds.amazonaws.com',
    type: 'aws.rds.db_instance',
    arn: (id, s) => regional('rds', `db:${id}`, s),
  },
  {
    key: 'dBClusterIdentifier',
    source: 'rds.amazonaws.com',
    type: 'aws.rds.db_cluster',
    arn: (id, s) => regional('rds', `cluster:${id}`, s),
  },
  {
    key: 'dBSnapshotIdentifier',
    source: 'rds.amazonaws.com',
    type: 'aws.rds.db_snapshot',
    arn: (id, s) => regional('rds', `snapshot:${id}`, s),
  },
  {
    key: 'resolverQueryLogConfigId',
    source: 'route53resolver.amazonaws.com',
    type: 'aws.route53resolver.query_log_config',
    arn: (id, s) => regional('route53resolver', `resolver-query-log-config/${id}`, s),
  },
  {
    key: 'detectorId',
    source: 'guardduty.amazonaws.com',
    type: 'aws.guardduty.detector',
    arn: (id, s) => regional('guardduty', `detector/${id}`, s),
  },
];

const PARAMETER_RESOURCE_BY_KEY: ReadonlyMap<string, { rank: number; entry: ParameterResource }> = new Map(
  PARAMETER_RESOURCES.map((entry, rank) => [entry.key, { rank, entry }]),
);

/** How many items of one list (instanceIds, instancesSet) become resources. */
const MAX_LISTED = 16;

class ResourceList {
  readonly list: ResourceRef[] = [];

  add(type: string, id: string | undefined, arn?: string | undefined): void {
    if (id === undefined || id === '' || this.list.length >= 64) return;
    if (arn === undefined) {
      this.list.push({ type, id });
      return;
    }
    // A scan of at most 64 entries (usually one or two) costs less than a Set per record.
    for (const known of this.list) if (known.arn === arn) return;
    this.list.push({ type, id, arn });
  }

  /** An id that may already be an ARN (trail names, function names, key ids, secret ids). */
  addId(entry: ParameterResource, id: string, scope: Scope): void {
    if (id.startsWith('arn:')) this.add(entry.type, arnId(id), id);
    else this.add(entry.type, id, entry.arn(id, scope));
  }

  instances(value: JsonValue | undefined, scope: Scope): void {
    const items = Array.isArray(value) ? value : itemsOf(at(value, 'instancesSet'));
    for (let i = 0; i < items.length && i < MAX_LISTED; i++) {
      const item = items[i];
      const id = typeof item === 'string' ? item : textAt(item, 'instanceId');
      if (id !== undefined) this.add('aws.ec2.instance', id, ec2Instance(id, scope));
    }
  }
}

/** The id in an ARN: "arn:aws:iam::1:role/path/name" → "path/name", "arn:aws:s3:::bucket" → "bucket". */
function arnId(arn: string): string {
  const resource = arnResource(arn) ?? arn;
  const slash = resource.indexOf('/');
  const colon = resource.indexOf(':');
  if (slash === -1 && colon === -1) return resource;
  if (arn.includes(':s3:::')) return resource; // bucket/key/with/slashes
  const cut = slash === -1 ? colon : colon === -1 ? slash : Math.min(slash, colon);
  return resource.slice(cut + 1) || resource;
}

// Keyed by CloudTrail's type, else by "service:kind" from the ARN.
const typeByCloudTrailType = new Map<string, string>();
const typeByArnKind = new Map<string, string>();

/** What an ARN names when CloudTrail gives no type: "repository/x" → repository; S3 bucket or object. */
function arnKind(arn: string, service: string): string {
  const resource = arnResource(arn) ?? '';
  if (service === 's3') return resource.includes('/') ? 'object' : 'bucket';
  const slash = resource.indexOf('/');
  const colon = resource.indexOf(':');
  const cut = slash === -1 ? colon : colon === -1 ? slash : Math.min(slash, colon);
  return cut === -1 ? '' : resource.slice(0, cut);
}

// A resource type is at most 64 characters (RESOURCE_TYPE in normalizer.ts). Snake-casing never
// shortens a part, so a part longer than that cannot make a type: it is turned away before any regex
// sees it (a run of capitals once cost the case-splitting regex minutes per megabyte) and before it
// becomes a cache key.
const MAX_TYPE_CHARS = 64;
// CloudFormation names a type in three parts (AWS::RDS::DBInstance); the whole string is bounded
// before it is split, so a megabyte of "::" is not split into a million parts.
const MAX_CLOUDTRAIL_TYPE_CHARS = 3 * MAX_TYPE_CHARS + 4;
const GENERIC_RESOURCE_TYPE = 'aws.resource';
// "DBInstance" → "DB_Instance": a capital that starts a word after an acronym. One capital and a
// two-character look-ahead per position, so linear (the former `([A-Z]+)([A-Z][a-z])` backtracked
// over every run of capitals from each of its positions: quadratic).
const ACRONYM_END = /([A-Z])(?=[A-Z][a-z])/g;
const WORD_START = /([a-z0-9])([A-Z])/g;
const NOT_TYPE_CHAR = /[^a-z0-9_]/g;
const DOTTED_TYPE = /^[a-z0-9]+(\.[a-z0-9_]+)*$/;

/** "AWS::RDS::DBInstance" → "aws.rds.db_instance"; no type → from the ARN ("aws.ecr.repository"). */
function resourceType(cloudTrailType: string | undefined, arn: string): string {
  let raw: readonly string[];
  let key: string;
  let cache: Map<string, string>;
  if (cloudTrailType === undefined) {
    const service = arn.split(':', 3)[2] ?? '';
    const kind = arnKind(arn, service);
    raw = ['aws', service, kind];
    key = `${service}:${kind}`;
    cache = typeByArnKind;
  } else {
    if (cloudTrailType.length > MAX_CLOUDTRAIL_TYPE_CHARS) return GENERIC_RESOURCE_TYPE;
    raw = cloudTrailType.split('::');
    key = cloudTrailType;
    cache = typeByCloudTrailType;
  }
  if (raw.some((part) => part.length > MAX_TYPE_CHARS)) return GENERIC_RESOURCE_TYPE;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  // The service keeps its name (SecretsManager → secretsmanager), the resource is snake_cased.
  const parts = raw.map((part, i) =>
    (i < 2 ? part : part.replace(ACRONYM_END, '$1_').replace(WORD_START, '$1_$2'))
      .toLowerCase()
      .replace(NOT_TYPE_CHAR, '_'),
  );
  let type = parts.filter((p) => p !== '').join('.');
  if (type.length > MAX_TYPE_CHARS || !DOTTED_TYPE.test(type)) type = GENERIC_RESOURCE_TYPE;
  if (cache.size < 1024) cache.set(key, type);
  return type;
}

function resourcesOf(
  listed: JsonValue | undefined,
  eventSource: string | undefined,
  params: JsonObject | undefined,
  response: JsonObject | undefined,
  identity: Identity,
  scope: Scope,
): ResourceList {
  const resources = new ResourceList();
  // The key CreateAccessKey just made is what a responder deactivates first.
  const newKey = textAt(at(response, 'accessKey'), 'accessKeyId');
  if (newKey) resources.add('aws.iam.access_key', newKey);

  if (params !== undefined) {
    // Walk the (few) parameters rather than the (many) known keys; keep the table's order. for...in
    // yields own keys only (see RecordFields) and reads each value without a lookup by name.
    const found: { rank: number; entry: ParameterResource; id: string }[] = [];
    for (const key in params) {
      const known = PARAMETER_RESOURCE_BY_KEY.get(key);
      if (known === undefined) continue;
      const { rank, entry } = known;
      if (entry.source !== undefined && eventSource !== undefined && entry.source !== eventSource) continue;
      const id = params[key];
      if (typeof id === 'string' && id !== '') found.push({ rank, entry, id });
    }
    if (found.length > 1) found.sort((a, b) => a.rank - b.rank);
    for (const { entry, id } of found) resources.addId(entry, id, scope);
    resources.instances(at(params, 'instanceIds'), scope);
    // DeleteFlowLogs logs its request as {DeleteFlowLogsRequest: {FlowLogId: {content, tag} | [...]}}.
    const flowLogs = itemsOf(at(at(params, 'DeleteFlowLogsRequest'), 'FlowLogId'));
    for (let i = 0; i < flowLogs.length && i < MAX_LISTED; i++) {
      const id = textAt(flowLogs[i], 'content');
      if (id !== undefined)
        resources.add('aws.ec2.flow_log', id, regional('ec2', `vpc-flow-log/${id}`, scope));
    }
    resources.instances(params, scope);
  }
  if (response !== undefined) resources.instances(response, scope);

  if (Array.isArray(listed)) {
    for (const item of listed) {
      const arn = textAt(item, 'ARN') ?? textAt(item, 'arn');
      if (arn === undefined || !arn.startsWith('arn:')) continue;
      resources.add(resourceType(textAt(item, 'type'), arn), arnId(arn), arn);
    }
  }
  if (identity.accessKeyId) resources.add('aws.iam.access_key', identity.accessKeyId);
  if (identity.principalType) {
    resources.add(identity.principalType, identity.principalName, identity.principalResourceArn);
  }
  return resources;
}

// ---------------------------------------------------------------------------------------------------
// One record → one draft

interface Envelope {
  readonly account?: string | undefined;
  readonly region?: string | undefined;
  readonly timestamp?: string | undefined;
  readonly context?: Readonly<Record<string, string | undefined>>;
}

const NO_ENVELOPE: Envelope = {};

function normalizeRecord(from: FieldReader, record: FieldReader, envelope = NO_ENVELOPE): EventDraft {
  const fields = new RecordFields(record.value);
  const eventName =
    stringOf(fields.eventName, record, PATH.eventName) ??
    record.fail(PATH.eventName, 'required string is missing');
  const eventSource = stringOf(fields.eventSource, record, PATH.eventSource);
  const region = clean(stringOf(fields.awsRegion, record, PATH.awsRegion)) ?? envelope.region;
  const recipientAccountId = clean(stringOf(fields.recipientAccountId, record, PATH.recipientAccountId));
  const partition = partitionOf(region);
  const identityScope: Scope = { partition, region, account: recipientAccountId ?? envelope.account };
  const identity = identityOf(record, fields.userIdentity, identityScope);
  const account = recipientAccountId ?? identity.accountId ?? envelope.account;
  const scope: Scope = { partition, region, account };
  const time = recordTime(record, fields);
  const errorCode = stringOf(fields.errorCode, record, PATH.errorCode);
  const sourceIp = stringOf(fields.sourceIPAddress, record, PATH.sourceIPAddress);

  const params = isJsonObject(fields.requestParameters) ? fields.requestParameters : undefined;
  const response = isJsonObject(fields.responseElements) ? fields.responseElements : undefined;
  const additional = fields.additionalEventData;

  // Severity: the call's row, its conditions, then the two rules that apply to any row.
  const attack = new AttackCollector();
  const reasons: string[] = [];
  let severity: Severity = 'low';
  const row = riskRowOf(eventName, eventSource);
  if (row) {
    severity = row.severity;
    let reason = row.title;
    attack.merge(row);
    if (row.when.length > 0) {
      const facts: Facts = {
        params,
        response,
        additional,
        identityType: identity.type,
        identityUserName: identity.userName,
        account,
      };
      for (const condition of row.when) {
        if (!condition.test(facts)) continue;
        severity = higher(severity, condition.severity);
        reason = condition.title;
        attack.merge(condition);
      }
    }
    reasons.push(reason);
    if (errorCode !== undefined && DENIED_CODES.has(errorCode) && RANK[severity] < RANK[DENIED_SEVERITY]) {
      severity = DENIED_SEVERITY;
      reasons.push(table.denied.title);
      attack.merge(DENIED_ATTACK);
    }
  }
  const eventType = stringOf(fields.eventType, record, PATH.eventType);
  if (identity.type === 'Root' && identity.invokedBy === undefined && eventType !== 'AwsServiceEvent') {
    const failed = errorCode !== undefined || textAt(response, 'ConsoleLogin') === 'Failure';
    const critical = ROOT_CRITICAL.has(eventName) && !failed;
    severity = higher(severity, critical ? 'critical' : ROOT_SEVERITY);
    reasons.push(critical ? table.root.criticalTitle : table.root.title);
    attack.merge(ROOT_ATTACK);
  }

  const resources = resourcesOf(fields.resources, eventSource, params, response, identity, scope).list;
  const target = resources[0];
  const targetIsActor =
    target !== undefined &&
    (target.id === identity.accessKeyId ||
      (target.type === identity.principalType && target.id === identity.principalName));
  const onTarget = target && !targetIsActor ? ` on ${target.name ?? target.id}` : '';
  const failure = errorCode ? ` (failed: ${errorCode})` : '';
  const risk = reasons.length > 0 ? reasons.join('; ') : undefined;
  const vendorId = clean(stringOf(fields.eventID, record, PATH.eventID));
  const context = {
    event_type: eventType,
    read_only: readOnlyOf(record, fields.readOnly),
    error_code: errorCode,
    error_message: stringOf(fields.errorMessage, record, PATH.errorMessage),
    risk,
    source_ip_address: sourceIp,
    user_agent: stringOf(fields.userAgent, record, PATH.userAgent),
    recipient_account_id: recipientAccountId,
    user_identity_type: identity.type,
    // The exact session (assumed-role/Role/session) when the actor is its role.
    principal_arn: identity.principalArn === identity.actor ? undefined : identity.principalArn,
    invoked_by: identity.invokedBy,
    mfa_authenticated: identity.mfaAuthenticated,
    mfa_used: textAt(additional, 'MFAUsed'),
    console_login: textAt(response, 'ConsoleLogin'),
    vpc_endpoint_id: stringOf(fields.vpcEndpointId, record, PATH.vpcEndpointId),
    event_time_redacted: time.redacted ? true : undefined,
  };

  return {
    from,
    vendorId,
    timestamp: time.timestamp ?? envelope.timestamp,
    source: 'cloudtrail',
    severity,
    kind: eventSource ? `${eventSource}:${eventName}` : eventName,
    title: `${risk ? `${risk}: ` : ''}${eventName} by ${identity.label ?? 'an unknown principal'}${onTarget}${failure}`,
    resources,
    account,
    region,
    actor: identity.actor,
    indicators: new IndicatorSet().ip(sourceIp).list,
    attack,
    // A spread into the literal would cost every record; only containers have context of their own.
    context: envelope.context === undefined ? context : { ...envelope.context, ...context },
  };
}

// ---------------------------------------------------------------------------------------------------
// Containers: EventBridge and lookup-events

// https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cloudtrail.html ... the detail of each
// is a CloudTrail record. Insight events ("AWS Insight via CloudTrail") are not: they carry
// insightDetails, not a call.
const EVENTBRIDGE_DETAIL_TYPES: ReadonlySet<string> = new Set([
  'AWS API Call via CloudTrail',
  'AWS Console Sign In via CloudTrail',
  'AWS Service Event via CloudTrail',
  'AWS Console Action via CloudTrail',
]);

function normalizeEventBridge(reader: FieldReader): EventDraft {
  const detail = reader.child('detail') ?? reader.fail('detail', 'required object is missing');
  return normalizeRecord(reader, detail, {
    account: clean(reader.string('account')),
    region: clean(reader.string('region')),
    timestamp: reader.time('time'),
    context: {
      eventbridge_id: reader.string('id'),
      eventbridge_source: reader.string('source'),
      detail_type: reader.string('detail-type'),
    },
  });
}

/**
 * `aws cloudtrail lookup-events` items carry the record as a JSON string. It is parsed under the same
 * limits as a document (size, depth, no prototype keys), and errors inside it are reported at
 * `$.CloudTrailEvent.<field>`.
 */
function normalizeLookupItem(item: FieldReader): EventDraft {
  const parsed = parseEmbeddedJson(item.requireString('CloudTrailEvent'));
  if (!('value' in parsed)) return item.fail(['CloudTrailEvent', ...parsed.path], parsed.what);
  if (!isJsonObject(parsed.value)) return item.fail('CloudTrailEvent', 'does not hold a JSON object');
  const record = new FieldReader(parsed.value, item.origin, [...item.base, 'CloudTrailEvent']);
  return normalizeRecord(item, record, { timestamp: item.time('EventTime') });
}

function isRecordShape(payload: JsonObject): boolean {
  if (Object.hasOwn(payload, 'class_uid')) return false; // OCSF API Activity mapped from CloudTrail
  return (
    typeof payload.eventSource === 'string' ||
    isJsonObject(payload.userIdentity) ||
    typeof payload.eventVersion === 'string' ||
    typeof payload.awsRegion === 'string' ||
    // Panther's label on records it stored, some of them trimmed down to eventName.
    payload.p_log_type === 'AWS.CloudTrail'
  );
}

function isLookupItem(value: JsonValue | undefined): boolean {
  return isJsonObject(value) && typeof value.CloudTrailEvent === 'string';
}

export const cloudtrail: Normalizer = {
  vendor: 'cloudtrail',
  accepts:
    'AWS CloudTrail records (single, or a log file with Records[]), EventBridge "AWS API Call / Console Sign In / Service Event / Console Action via CloudTrail" events, and `aws cloudtrail lookup-events` output',
  detect(payload: JsonObject): boolean {
    if (typeof payload.eventName === 'string') return isRecordShape(payload);
    const detailType = payload['detail-type'];
    if (typeof detailType === 'string') {
      const detail = payload.detail;
      return (
        EVENTBRIDGE_DETAIL_TYPES.has(detailType) &&
        isJsonObject(detail) &&
        typeof detail.eventName === 'string'
      );
    }
    if (isLookupItem(payload)) return true;
    const events = payload.Events;
    return Array.isArray(events) && isLookupItem(events[0]);
  },
  normalize(reader: FieldReader): EventDraft[] {
    const value = reader.value;
    if (typeof value.eventName !== 'string') {
      if (Object.hasOwn(value, 'detail-type') && Object.hasOwn(value, 'detail'))
        return [normalizeEventBridge(reader)];
      if (Object.hasOwn(value, 'CloudTrailEvent')) return [normalizeLookupItem(reader)];
      if (Array.isArray(value.Events)) return reader.children('Events').map(normalizeLookupItem);
    }
    return [normalizeRecord(reader, reader)];
  },
};
