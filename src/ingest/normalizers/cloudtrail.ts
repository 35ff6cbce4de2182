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
import { AttackCollector } from '../attack.js';
import riskData from '../data/cloudtrail-risk.json' with { type: 'json' };
import { parseEmbeddedJson } from '../documents.js';
import { FieldReader } from '../fields.js';
import { IndicatorSet } from '../indicators.js';
import type { EventDraft, Normalizer } from '../normalizer.js';

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

interface RiskCondition {
  readonly test: Condition;
  readonly severity: Severity;
  readonly title: string;
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
}

export interface RiskRow {
  readonly source: string | undefined;
  readonly severity: Severity;
  readonly title: string;
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
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

// ---------------------------------------------------------------------------------------------------
// Lenient reads of the free-form parts of a record

function at(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return isJsonObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

function textAt(value: JsonValue | undefined, key: string): string | undefined {
  const found = at(value, key);
  return typeof found === 'string' && found !== '' ? found : undefined;
}

/** EC2's XML-derived lists are `{items: [...]}`; other services use arrays or a single object. */
function itemsOf(value: JsonValue | undefined): readonly JsonValue[] {
  if (Array.isArray(value)) return value;
  if (!isJsonObject(value)) return [];
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

const ACCOUNT_ID = /^\d{12}$/;
const PRINCIPAL_ACCOUNT = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/;

/** The account a principal ("123456789012", "arn:aws:iam::123456789012:root") belongs to. */
function principalAccount(principal: string): string | undefined {
  if (ACCOUNT_ID.test(principal)) return principal;
  return PRINCIPAL_ACCOUNT.exec(principal)?.[1];
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
// EC2 families built around GPUs or ML accelerators: what a miner with stolen keys launches.
const ACCELERATED_FAMILY = /^(?:p\d|g\d|gr\d|inf\d|trn\d|dl\d|f\d|vt\d)/i;

function isWorldCidr(value: JsonValue | undefined): boolean {
  return typeof value === 'string' && value.trim().endsWith('/0');
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
    return allowStatements(policyDocument(at(params, 'policyDocument'))).some(
      (s) =>
        (includesText(at(s, 'Action'), '*') || includesText(at(s, 'Action'), '*:*')) &&
        includesText(at(s, 'Resource'), '*'),
    );
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
      // A Condition (source VPC, org id, IP range) narrows "*" to someone; without one it is anyone.
      (s) => isAnyone(at(s, 'Principal')) && !Object.hasOwn(s, 'Condition'),
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
    return name !== undefined && ACCELERATED_FAMILY.test(name);
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
      return owner !== undefined && ACCOUNT_ID.test(owner) && owner !== account;
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
        tactics: c.tactics ?? [],
        techniques: c.techniques ?? [],
      };
    });
    rows.set(name, {
      source: row.source,
      severity: tableSeverity(row.severity, `events.${name}`),
      title: row.title,
      tactics: row.tactics ?? [],
      techniques: row.techniques ?? [],
      when,
    });
  }
  return rows;
}

export const RISK_ROWS: ReadonlyMap<string, RiskRow> = loadRiskRows(table);
const DENIED_CODES = new Set(table.denied.errorCodes);
const DENIED_SEVERITY = tableSeverity(table.denied.severity, 'denied');
const ROOT_SEVERITY = tableSeverity(table.root.severity, 'root');
const ROOT_CRITICAL = new Set(table.root.criticalEvents);

// Lambda logs its API version in the name: UpdateFunctionCode20150331v2.
const API_VERSION_SUFFIX = /20\d{6}(?:v\d+)?$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The risk row of a call; a row tied to another service does not match. */
function riskRowOf(eventName: string, eventSource: string | undefined): RiskRow | undefined {
  let row = RISK_ROWS.get(eventName);
  if (
    row === undefined &&
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
const PLACEHOLDER_START = new Set(['r', 'R', '.', '…', '<']);

function isPlaceholder(text: string): boolean {
  return PLACEHOLDER_START.has(text.charAt(0)) && text.length < 80 && PLACEHOLDER.test(text);
}

// Field paths as arrays: FieldReader splits a string path on every call, and this runs per record.
const PATH = {
  eventName: ['eventName'],
  eventSource: ['eventSource'],
  eventID: ['eventID'],
  eventType: ['eventType'],
  awsRegion: ['awsRegion'],
  recipientAccountId: ['recipientAccountId'],
  errorCode: ['errorCode'],
  errorMessage: ['errorMessage'],
  sourceIPAddress: ['sourceIPAddress'],
  userAgent: ['userAgent'],
  readOnly: ['readOnly'],
  vpcEndpointId: ['vpcEndpointId'],
  userIdentity: ['userIdentity'],
  type: ['type'],
  arn: ['arn'],
  userName: ['userName'],
  accountId: ['accountId'],
  accessKeyId: ['accessKeyId'],
  invokedBy: ['invokedBy'],
  principalId: ['principalId'],
  sessionIssuerArn: ['sessionContext', 'sessionIssuer', 'arn'],
  sessionIssuerUserName: ['sessionContext', 'sessionIssuer', 'userName'],
  mfaAuthenticated: ['sessionContext', 'attributes', 'mfaAuthenticated'],
  onBehalfOfUserId: ['onBehalfOf', 'userId'],
} as const;

function clean(text: string | undefined): string | undefined {
  return text === undefined || isPlaceholder(text) ? undefined : text;
}

const TIME_FIELDS = [['eventTime'], ['@timestamp'], ['p_event_time']] as const;

/** eventTime, else Logstash's @timestamp, else Panther's p_event_time; placeholders are absent. */
function recordTime(record: FieldReader): { timestamp?: string; redacted: boolean } {
  let redacted = false;
  for (const field of TIME_FIELDS) {
    const raw = record.get(field);
    if (typeof raw === 'string' && isPlaceholder(raw)) {
      redacted = true;
      continue;
    }
    const timestamp = record.time(field);
    if (timestamp !== undefined) return { timestamp, redacted };
  }
  return { redacted };
}

/** readOnly is a boolean; some exporters write "true"/"True". */
function readOnlyOf(record: FieldReader): boolean | undefined {
  const raw = record.get(PATH.readOnly);
  if (typeof raw === 'string') {
    const lower = raw.toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : undefined;
  }
  return record.boolean(PATH.readOnly);
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
  let colons = 0;
  for (let i = 0; i < arn.length; i++) {
    if (arn.charCodeAt(i) === 58 && ++colons === 5) return arn.slice(i + 1);
  }
  return undefined;
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
function identityOf(record: FieldReader, scope: Scope): Identity {
  const identity = record.child(PATH.userIdentity);
  if (!identity) return NO_IDENTITY;
  const type = clean(identity.string(PATH.type));
  const arn = clean(identity.string(PATH.arn));
  const userName = clean(identity.string(PATH.userName));
  const accountId = clean(identity.string(PATH.accountId));
  const accessKeyId = clean(identity.string(PATH.accessKeyId));
  const invokedBy = clean(identity.string(PATH.invokedBy));
  const principalId = clean(identity.string(PATH.principalId));
  const mfa = identity.get(PATH.mfaAuthenticated);
  const account = accountId ?? scope.account;

  let actor: string | undefined;
  let label: string | undefined;
  let principalType: string | undefined;
  let principalName: string | undefined;
  let principalResourceArn: string | undefined;
  if (type === 'AssumedRole' || type === 'FederatedUser') {
    // arn:aws:sts::123456789012:assumed-role/Role/session, arn:aws:sts::123456789012:federated-user/name
    const parts = arn === undefined ? [] : (arnResource(arn) ?? '').split('/');
    const session = parts.length > 1 ? parts.slice(type === 'AssumedRole' ? 2 : 1).join('/') : undefined;
    const issuerArn = clean(identity.string(PATH.sessionIssuerArn));
    const issuerName = clean(identity.string(PATH.sessionIssuerUserName));
    if (type === 'AssumedRole') {
      const roleName = issuerName ?? parts[1];
      const roleArn =
        issuerArn ??
        (roleName && account ? `arn:${scope.partition}:iam::${account}:role/${roleName}` : undefined);
      actor = roleArn ?? arn ?? principalId ?? userName;
      label = roleName ? (session ? `${roleName}/${session}` : roleName) : actor;
      if (roleName)
        [principalType, principalName, principalResourceArn] = ['aws.iam.role', roleName, roleArn];
    } else {
      // GetFederationToken sessions: the IAM user who asked for the token is the credential at stake.
      actor = issuerArn ?? arn ?? principalId;
      label = session ? `${issuerName ?? 'federated'}/${session}` : (issuerName ?? actor);
      if (issuerName)
        [principalType, principalName, principalResourceArn] = ['aws.iam.user', issuerName, issuerArn];
    }
  } else if (type === 'Root') {
    const rootArn = arn ?? (account ? `arn:${scope.partition}:iam::${account}:root` : undefined);
    actor = rootArn ?? 'root';
    label = 'root';
    if (account) [principalType, principalName, principalResourceArn] = ['aws.account', account, rootArn];
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
    if (name) [principalType, principalName, principalResourceArn] = ['aws.iam.user', name, userArn];
  } else {
    // AWSAccount (another account's principal), IdentityCenterUser, SAMLUser, WebIdentityUser, Unknown.
    actor = arn ?? userName ?? clean(identity.string(PATH.onBehalfOfUserId)) ?? principalId ?? accountId;
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
  private readonly arns = new Set<string>();

  add(type: string, id: string | undefined, arn?: string | undefined): void {
    if (id === undefined || id === '' || this.list.length >= 64) return;
    if (arn !== undefined) {
      if (this.arns.has(arn)) return;
      this.arns.add(arn);
    }
    this.list.push(arn === undefined ? { type, id } : { type, id, arn });
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

const typeCache = new Map<string, string>();

/** What an ARN names when CloudTrail gives no type: "repository/x" → repository; S3 bucket or object. */
function arnKind(arn: string, service: string): string {
  const resource = arnResource(arn) ?? '';
  if (service === 's3') return resource.includes('/') ? 'object' : 'bucket';
  const cut = resource.search(/[/:]/);
  return cut === -1 ? '' : resource.slice(0, cut);
}

/** "AWS::RDS::DBInstance" → "aws.rds.db_instance"; no type → from the ARN ("aws.ecr.repository"). */
function resourceType(cloudTrailType: string | undefined, arn: string): string {
  const service = cloudTrailType === undefined ? (arn.split(':', 3)[2] ?? '') : '';
  const kind = cloudTrailType === undefined ? arnKind(arn, service) : '';
  const key = cloudTrailType === undefined ? `arn:${service}:${kind}` : `type:${cloudTrailType}`;
  const cached = typeCache.get(key);
  if (cached !== undefined) return cached;
  // The service keeps its name (SecretsManager → secretsmanager), the resource is snake_cased.
  const parts = (cloudTrailType === undefined ? ['aws', service, kind] : cloudTrailType.split('::')).map(
    (part, i) =>
      (i < 2 ? part : part.replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').replace(/([a-z0-9])([A-Z])/g, '$1_$2'))
        .toLowerCase()
        .replace(/[^a-z0-9_]/g, '_'),
  );
  let type = parts.filter((p) => p !== '').join('.');
  if (!/^[a-z0-9]+(\.[a-z0-9_]+)*$/.test(type) || type.length > 64) type = 'aws.resource';
  if (typeCache.size < 1024) typeCache.set(key, type);
  return type;
}

function resourcesOf(
  record: FieldReader,
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
    // Walk the (few) parameters rather than the (many) known keys; keep the table's order.
    const found: { rank: number; entry: ParameterResource; id: string }[] = [];
    for (const key of Object.keys(params)) {
      const known = PARAMETER_RESOURCE_BY_KEY.get(key);
      if (known === undefined) continue;
      const { rank, entry } = known;
      if (entry.source !== undefined && eventSource !== undefined && entry.source !== eventSource) continue;
      const id = textAt(params, key);
      if (id !== undefined) found.push({ rank, entry, id });
    }
    if (found.length > 1) found.sort((a, b) => a.rank - b.rank);
    for (const { entry, id } of found) resources.addId(entry, id, scope);
    resources.instances(at(params, 'instanceIds'), scope);
    // DeleteFlowLogs logs its request as {DeleteFlowLogsRequest: {FlowLogId: {content, tag} | [...]}}.
    for (const flowLog of itemsOf(at(at(params, 'DeleteFlowLogsRequest'), 'FlowLogId')).slice(
      0,
      MAX_LISTED,
    )) {
      const id = textAt(flowLog, 'content');
      if (id !== undefined)
        resources.add('aws.ec2.flow_log', id, regional('ec2', `vpc-flow-log/${id}`, scope));
    }
    resources.instances(params, scope);
  }
  if (response !== undefined) resources.instances(response, scope);

  const listed = record.value.resources;
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

function normalizeRecord(from: FieldReader, record: FieldReader, envelope: Envelope = {}): EventDraft {
  const eventName = record.requireString(PATH.eventName);
  const eventSource = record.string(PATH.eventSource);
  const region = clean(record.string(PATH.awsRegion)) ?? envelope.region;
  const recipientAccountId = clean(record.string(PATH.recipientAccountId));
  const partition = partitionOf(region);
  const identityScope: Scope = { partition, region, account: recipientAccountId ?? envelope.account };
  const identity = identityOf(record, identityScope);
  const account = recipientAccountId ?? identity.accountId ?? envelope.account;
  const scope: Scope = { partition, region, account };
  const time = recordTime(record);
  const errorCode = record.string(PATH.errorCode);
  const sourceIp = record.string(PATH.sourceIPAddress);

  const value = record.value;
  const params = isJsonObject(value.requestParameters) ? value.requestParameters : undefined;
  const response = isJsonObject(value.responseElements) ? value.responseElements : undefined;
  const additional = at(value, 'additionalEventData');

  // Severity: the call's row, its conditions, then the two rules that apply to any row.
  const attack = new AttackCollector();
  const reasons: string[] = [];
  let severity: Severity = 'low';
  const row = riskRowOf(eventName, eventSource);
  if (row) {
    severity = row.severity;
    let reason = row.title;
    for (const id of row.tactics) attack.tactic(id);
    for (const id of row.techniques) attack.technique(id);
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
        for (const id of condition.tactics) attack.tactic(id);
        for (const id of condition.techniques) attack.technique(id);
      }
    }
    reasons.push(reason);
    if (errorCode !== undefined && DENIED_CODES.has(errorCode) && RANK[severity] < RANK[DENIED_SEVERITY]) {
      severity = DENIED_SEVERITY;
      reasons.push(table.denied.title);
      for (const id of table.denied.tactics ?? []) attack.tactic(id);
    }
  }
  const eventType = record.string(PATH.eventType);
  if (identity.type === 'Root' && identity.invokedBy === undefined && eventType !== 'AwsServiceEvent') {
    const failed = errorCode !== undefined || textAt(response, 'ConsoleLogin') === 'Failure';
    const critical = ROOT_CRITICAL.has(eventName) && !failed;
    severity = higher(severity, critical ? 'critical' : ROOT_SEVERITY);
    reasons.push(critical ? table.root.criticalTitle : table.root.title);
    for (const id of table.root.tactics ?? []) attack.tactic(id);
    for (const id of table.root.techniques ?? []) attack.technique(id);
  }

  const resources = resourcesOf(record, eventSource, params, response, identity, scope).list;
  const indicators = new IndicatorSet().ip(sourceIp);
  const target = resources[0];
  const targetIsActor =
    target !== undefined &&
    (target.id === identity.accessKeyId ||
      (target.type === identity.principalType && target.id === identity.principalName));
  const onTarget = target && !targetIsActor ? ` on ${target.name ?? target.id}` : '';
  const failure = errorCode ? ` (failed: ${errorCode})` : '';
  const risk = reasons.length > 0 ? reasons.join('; ') : undefined;

  return {
    from,
    vendorId: clean(record.string(PATH.eventID)),
    timestamp: time.timestamp ?? envelope.timestamp,
    source: 'cloudtrail',
    severity,
    kind: eventSource ? `${eventSource}:${eventName}` : eventName,
    title: `${risk ? `${risk}: ` : ''}${eventName} by ${identity.label ?? 'an unknown principal'}${onTarget}${failure}`,
    resources,
    account,
    region,
    actor: identity.actor,
    indicators: indicators.list,
    attack,
    context: {
      ...envelope.context,
      event_type: eventType,
      read_only: readOnlyOf(record),
      error_code: errorCode,
      error_message: record.string(PATH.errorMessage),
      risk,
      source_ip_address: sourceIp,
      user_agent: record.string(PATH.userAgent),
      recipient_account_id: recipientAccountId,
      user_identity_type: identity.type,
      // The exact session (assumed-role/Role/session) when the actor is its role.
      principal_arn: identity.principalArn === identity.actor ? undefined : identity.principalArn,
      invoked_by: identity.invokedBy,
      mfa_authenticated: identity.mfaAuthenticated,
      mfa_used: textAt(additional, 'MFAUsed'),
      console_login: textAt(response, 'ConsoleLogin'),
      vpc_endpoint_id: record.string(PATH.vpcEndpointId),
      event_time_redacted: time.redacted ? true : undefined,
    },
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
