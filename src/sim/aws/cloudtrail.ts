// CloudTrail's event history for the AWS sim: LookupEvents over the account's management events, spoken
// in JSON 1.1 as the SDK sends it, with CloudTrail's own limits — one lookup attribute per request, at
// most 50 events a page, 90 days of history, and two lookups a second per account and region, refused
// with ThrottlingException on a real clock, so a connector that does not pace itself fails here as it
// would in AWS. The history holds seeded events (an attacker's calls, before the incident) and the sim's
// own traffic: every mutating call the IAM, EC2, Auto Scaling and S3 sims answer is recorded, as the
// caller made it, so a test can look up what containment itself did.
//
// Event history is regional: a lookup answers the events of the region it is signed for. Since 22 Nov
// 2021 the global services' events (IAM, STS, console sign-in, CloudFront) are kept in us-east-1 only,
// so a lookup anywhere else never shows a CreateAccessKey or a ConsoleLogin, as in AWS.

import { randomBytes, randomUUID } from 'node:crypto';
import type { JsonObject, JsonValue } from '../../json.js';
import { shown } from '../http.js';
import {
  isMutatingAction,
  type JsonHandler,
  type JsonService,
  type QueryCaller,
  QueryError,
  type QueryHandler,
  type QueryService,
  type RestService,
} from './query.js';

export interface CloudTrailResource {
  /** `AWS::IAM::User`, `AWS::EC2::Instance`, … */
  readonly type: string;
  readonly name: string;
}

export interface CloudTrailEventSeed {
  readonly eventName: string;
  /** `iam.amazonaws.com`, `ec2.amazonaws.com`, `signin.amazonaws.com`, … */
  readonly eventSource: string;
  /** Default now. CloudTrail keeps whole seconds; so does the sim. */
  readonly eventTime?: Date;
  /** Default by the name: Get*, List*, Describe*, Lookup* are reads. */
  readonly readOnly?: boolean;
  /** The IAM user who called; default `admin`. Ignored when `arn` is given. */
  readonly userName?: string;
  /** The caller's ARN: an IAM user, or an assumed role `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`. */
  readonly arn?: string;
  /** Default a fresh AKIA (user) or ASIA (role session) key id. */
  readonly accessKeyId?: string;
  readonly resources?: readonly CloudTrailResource[];
  /** Default `203.0.113.10`, a documentation address standing for "somewhere outside". */
  readonly sourceIPAddress?: string;
  readonly userAgent?: string;
  readonly requestParameters?: JsonObject | null;
  readonly responseElements?: JsonObject | null;
  /** A refused call, as CloudTrail records AccessDenied and the like. */
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly eventId?: string;
  /**
   * The region whose history keeps it: the sim's own by default. A global service's event is in
   * us-east-1 whatever this says; seeding one elsewhere is a mistake the sim refuses.
   */
  readonly region?: string;
}

export interface CloudTrailEventState {
  readonly eventId: string;
  readonly eventName: string;
  readonly eventSource: string;
  readonly eventTime: Date;
  readonly readOnly: boolean;
  /** The user name, or the session name of an assumed role, as LookupEvents' Username shows it. */
  readonly username: string;
  readonly accessKeyId: string;
  readonly resources: readonly CloudTrailResource[];
  /** The region whose event history holds it (the record's awsRegion). */
  readonly region: string;
  /** The record as CloudTrail writes it; LookupEvents answers it as the CloudTrailEvent string. */
  readonly record: JsonObject;
}

/** The services whose calls the trail records, each under its CloudTrail event source. */
export type TrailedService = 'iam' | 'ec2' | 'autoscaling' | 's3';

export interface CloudTrailSim {
  readonly service: JsonService;
  /** Adds an event to the history, as if CloudTrail had recorded it. */
  addEvent(seed: CloudTrailEventSeed): CloudTrailEventState;
  /** The whole history of every region, newest first, as LookupEvents orders it (copies). */
  events(): CloudTrailEventState[];
  /** The same Query service, its successful mutating calls recorded in the history. */
  trailQuery(service: QueryService, source: TrailedService): QueryService;
  /** The same REST service, its successful mutating calls recorded in the history. */
  trailRest(service: RestService, source: TrailedService): RestService;
}

interface StoredEvent extends CloudTrailEventState {
  /** Order of arrival: among events of the same second, the later one is listed first. */
  readonly sequence: number;
}

/** What the trail knows about one service: where its events come from and what its parameters name. */
interface TrailDescription {
  readonly eventSource: string;
  /** A global service: its events are kept in us-east-1, whatever region its calls were signed for. */
  readonly global?: boolean;
  /** Request parameter → the resource type its value names. */
  readonly resourceTypes: ReadonlyMap<string, (value: string) => string | undefined>;
  /** Where CloudTrail's event name differs from the SDK's operation name. */
  readonly eventNames?: ReadonlyMap<string, string>;
  /** Where CloudTrail's requestParameters name a parameter otherwise than the sim's log. */
  readonly parameterNames?: ReadonlyMap<string, string>;
}

const EC2_ID_TYPES = new Map([
  ['i', 'AWS::EC2::Instance'],
  ['sg', 'AWS::EC2::SecurityGroup'],
  ['snap', 'AWS::EC2::Snapshot'],
  ['vol', 'AWS::EC2::Volume'],
  ['eni', 'AWS::EC2::NetworkInterface'],
  ['acl', 'AWS::EC2::NetworkAcl'],
  ['vpc', 'AWS::EC2::VPC'],
  ['subnet', 'AWS::EC2::Subnet'],
  ['ami', 'AWS::EC2::Image'],
]);
const ec2TypeOfId = (value: string) => EC2_ID_TYPES.get(value.slice(0, value.indexOf('-')));
const always = (type: string) => () => type;

const TRAILS = new Map<TrailedService, TrailDescription>([
  [
    'iam',
    {
      eventSource: 'iam.amazonaws.com',
      global: true,
      resourceTypes: new Map([
        ['UserName', always('AWS::IAM::User')],
        ['RoleName', always('AWS::IAM::Role')],
        ['AccessKeyId', always('AWS::IAM::AccessKey')],
        ['PolicyName', always('AWS::IAM::Policy')],
        ['PolicyArn', always('AWS::IAM::Policy')],
        ['InstanceProfileName', always('AWS::IAM::InstanceProfile')],
      ]),
    },
  ],
  [
    'ec2',
    {
      eventSource: 'ec2.amazonaws.com',
      // EC2 ids say what they are; ResourceId (CreateTags) can be any of them.
      resourceTypes: new Map(
        [
          'InstanceId',
          'GroupId',
          'SnapshotId',
          'VolumeId',
          'NetworkInterfaceId',
          'NetworkAclId',
          'VpcId',
          'SubnetId',
          'ResourceId',
        ].map((name) => [name, ec2TypeOfId]),
      ),
    },
  ],
  [
    'autoscaling',
    {
      eventSource: 'autoscaling.amazonaws.com',
      resourceTypes: new Map([
        ['AutoScalingGroupName', always('AWS::AutoScaling::AutoScalingGroup')],
        ['InstanceIds', always('AWS::EC2::Instance')],
      ]),
    },
  ],
  [
    's3',
    {
      eventSource: 's3.amazonaws.com',
      resourceTypes: new Map([['Bucket', always('AWS::S3::Bucket')]]),
      // S3 logs its bucket-level subresource calls under the IAM action's name, not the API's.
      eventNames: new Map([
        ['PutPublicAccessBlock', 'PutBucketPublicAccessBlock'],
        ['DeletePublicAccessBlock', 'DeleteBucketPublicAccessBlock'],
        ['GetPublicAccessBlock', 'GetBucketPublicAccessBlock'],
      ]),
      parameterNames: new Map([['Bucket', 'bucketName']]),
    },
  ],
]);

/** Where CloudTrail has kept the global services' events since 22 Nov 2021. */
export const GLOBAL_EVENTS_REGION = 'us-east-1';
const GLOBAL_EVENT_SOURCES = new Set([
  'iam.amazonaws.com',
  'sts.amazonaws.com',
  'signin.amazonaws.com',
  'cloudfront.amazonaws.com',
]);

// LookupEvents' documented limits.
const MAX_RESULTS = 50;
const LOOKUPS_PER_SECOND = 2;
const HISTORY_DAYS = 90;
const ATTRIBUTE_VALUE_LIMIT = 2000;
const ATTRIBUTE_KEYS = new Set([
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
]);
// Tokens handed out and not yet used up; the oldest are forgotten first, as expired tokens are.
const MAX_OPEN_TOKENS = 10_000;

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function randomId(prefix: string, length: number): string {
  return prefix + [...randomBytes(length)].map((byte) => ID_ALPHABET[byte % 32]).join('');
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** CloudTrail's eventTime: whole seconds, `Z`. */
function isoSeconds(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The documented count: `_`, space, `,` and newline take two of the 2000 characters. */
function attributeValueLength(value: string): number {
  let length = 0;
  for (const char of value) length += char === '_' || char === ' ' || char === ',' || char === '\n' ? 2 : 1;
  return length;
}

const ASSUMED_ROLE_ARN = /^arn:aws:sts::([0-9]{12}):assumed-role\/([\w+=,.@-]+)\/([\w+=,.@-]+)$/;

/** The record's userIdentity and LookupEvents' Username for a caller, as CloudTrail writes them. */
function identityOf(caller: QueryCaller, accountId: string): { userIdentity: JsonObject; username: string } {
  const role = ASSUMED_ROLE_ARN.exec(caller.arn);
  if (role) {
    const [, roleAccount = accountId, roleName = '', sessionName = ''] = role;
    const roleId = caller.userId.split(':')[0] ?? caller.userId;
    return {
      username: sessionName,
      userIdentity: {
        type: 'AssumedRole',
        principalId: caller.userId,
        arn: caller.arn,
        accountId: roleAccount,
        accessKeyId: caller.accessKeyId,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: roleId,
            arn: `arn:aws:iam::${roleAccount}:role/${roleName}`,
            accountId: roleAccount,
            userName: roleName,
          },
          attributes: { mfaAuthenticated: 'false' },
        },
      },
    };
  }
  const userName = caller.userName ?? caller.arn.slice(caller.arn.lastIndexOf('/') + 1);
  return {
    username: userName,
    userIdentity: {
      type: 'IAMUser',
      principalId: caller.userId,
      arn: caller.arn,
      accountId,
      accessKeyId: caller.accessKeyId,
      userName,
    },
  };
}

/** The caller a seed describes: its ARN if given, else an IAM user of the account. */
function seedCaller(seed: CloudTrailEventSeed, accountId: string): QueryCaller {
  const role = seed.arn === undefined ? null : ASSUMED_ROLE_ARN.exec(seed.arn);
  if (seed.arn !== undefined && role) {
    return {
      arn: seed.arn,
      accessKeyId: seed.accessKeyId ?? randomId('ASIA', 16),
      userId: `${randomId('AROA', 17)}:${role[3]}`,
    };
  }
  const userName = seed.userName ?? 'admin';
  return {
    arn: seed.arn ?? `arn:aws:iam::${accountId}:user/${userName}`,
    accessKeyId: seed.accessKeyId ?? randomId('AKIA', 16),
    userId: randomId('AIDA', 17),
    userName: seed.arn === undefined ? userName : seed.arn.slice(seed.arn.lastIndexOf('/') + 1),
  };
}

/**
 * Flat request parameters as CloudTrail nests them: `Tags.member.1.Key` → `{tags: [{key}]}`,
 * `InstanceId.2` → `{instanceId: [_, id]}`. Object.fromEntries defines own properties, so a
 * parameter named `__proto__` is a key like any other and reaches no prototype.
 */
function requestParametersOf(params: Iterable<[string, string]>): JsonObject {
  type Node = Map<string, Node | string>;
  const root: Node = new Map();
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue;
    const path = key.split('.').filter((segment) => segment !== 'member');
    let node: Node | undefined = root;
    for (const segment of path.slice(0, -1)) {
      const next: Node | string = node.get(segment) ?? new Map();
      if (typeof next === 'string') {
        node = undefined;
        break;
      }
      node.set(segment, next);
      node = next;
    }
    const leaf = path.at(-1);
    if (node && leaf !== undefined && !(node.get(leaf) instanceof Map)) node.set(leaf, value);
  }
  const toJson = (node: Node): JsonValue => {
    const keys = [...node.keys()];
    if (keys.length > 0 && keys.every((key) => /^[0-9]{1,6}$/.test(key))) {
      return keys
        .sort((a, b) => Number(a) - Number(b))
        .map((key) => {
          const child = node.get(key) ?? '';
          return typeof child === 'string' ? child : toJson(child);
        });
    }
    return Object.fromEntries(
      [...node].map(([key, child]) => [lowerFirst(key), typeof child === 'string' ? child : toJson(child)]),
    );
  };
  const parameters = toJson(root);
  return Array.isArray(parameters) || parameters === null || typeof parameters !== 'object' ? {} : parameters;
}

/** The resources a request names, by the parameters the service's description knows. */
function resourcesOf(params: Iterable<[string, string]>, trail: TrailDescription): CloudTrailResource[] {
  const found: CloudTrailResource[] = [];
  for (const [key, value] of params) {
    const name = /^([A-Za-z]+)(?:\.member)?(?:\.[0-9]{1,6})?$/.exec(key)?.[1];
    const type = name === undefined ? undefined : trail.resourceTypes.get(name)?.(value);
    if (type && !found.some((resource) => resource.type === type && resource.name === value)) {
      found.push({ type, name: value });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------
// LookupEvents' request, checked as CloudTrail checks it

interface Lookup {
  readonly attribute: { readonly key: string; readonly value: string } | undefined;
  /** Epoch milliseconds, inclusive. */
  readonly startTime: number | undefined;
  readonly endTime: number | undefined;
  readonly insights: boolean;
  readonly maxResults: number;
  readonly nextToken: string | undefined;
}

function serializationError(member: string): QueryError {
  return new QueryError('SerializationException', `Unexpected value type for ${member}.`);
}

function memberOf(body: object, name: string): unknown {
  return Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
}

function epochMillis(body: object, name: string): number | undefined {
  const value = memberOf(body, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw serializationError(name);
  return value * 1000;
}

function parseLookup(body: unknown): Lookup {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new QueryError('SerializationException', 'The request body must be a JSON object.');
  }
  const attributes = memberOf(body, 'LookupAttributes') ?? [];
  if (!Array.isArray(attributes)) throw serializationError('LookupAttributes');
  if (attributes.length > 1) {
    throw new QueryError(
      'InvalidLookupAttributesException',
      'You cannot specify more than one lookup attribute in a LookupEvents request.',
    );
  }
  let attribute: Lookup['attribute'];
  const [first] = attributes as unknown[];
  if (first !== undefined) {
    if (typeof first !== 'object' || first === null) throw serializationError('LookupAttributes');
    const key = memberOf(first, 'AttributeKey');
    const value = memberOf(first, 'AttributeValue');
    if (typeof key !== 'string' || !ATTRIBUTE_KEYS.has(key)) {
      throw new QueryError(
        'InvalidLookupAttributesException',
        `The lookup attribute key ${typeof key === 'string' ? `'${shown(key)}' ` : ''}is not valid. ` +
          `Valid keys: ${[...ATTRIBUTE_KEYS].join(', ')}.`,
      );
    }
    if (
      typeof value !== 'string' ||
      value.length === 0 ||
      attributeValueLength(value) > ATTRIBUTE_VALUE_LIMIT
    ) {
      throw new QueryError(
        'InvalidLookupAttributesException',
        `The value of lookup attribute ${key} must be between 1 and ${ATTRIBUTE_VALUE_LIMIT} characters.`,
      );
    }
    attribute = { key, value };
  }

  const startTime = epochMillis(body, 'StartTime');
  const endTime = epochMillis(body, 'EndTime');
  if (startTime !== undefined && endTime !== undefined && endTime < startTime) {
    throw new QueryError('InvalidTimeRangeException', 'The start time must not be after the end time.');
  }

  const category = memberOf(body, 'EventCategory');
  if (category !== undefined && category !== null && category !== 'insight') {
    throw new QueryError(
      'InvalidEventCategoryException',
      `The event category ${typeof category === 'string' ? `'${shown(category)}' ` : ''}is not valid; ` +
        "the only category is 'insight'.",
    );
  }

  const maxResults = memberOf(body, 'MaxResults') ?? MAX_RESULTS;
  if (typeof maxResults !== 'number') throw serializationError('MaxResults');
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS) {
    throw new QueryError(
      'InvalidMaxResultsException',
      `MaxResults must be an integer between 1 and ${MAX_RESULTS}.`,
    );
  }

  const nextToken = memberOf(body, 'NextToken') ?? undefined;
  if (nextToken !== undefined && typeof nextToken !== 'string') throw serializationError('NextToken');

  return { attribute, startTime, endTime, insights: category === 'insight', maxResults, nextToken };
}

/** Tokens belong to the query that issued them: the same region, attribute, times and category. */
function fingerprintOf(lookup: Lookup, region: string): string {
  return JSON.stringify([
    region,
    lookup.attribute?.key ?? null,
    lookup.attribute?.value ?? null,
    lookup.startTime ?? null,
    lookup.endTime ?? null,
    lookup.insights,
  ]);
}

function matches(event: StoredEvent, attribute: Lookup['attribute']): boolean {
  if (!attribute) return true;
  const { key, value } = attribute;
  switch (key) {
    case 'EventId':
      return event.eventId === value;
    case 'EventName':
      return event.eventName === value;
    case 'ReadOnly':
      return String(event.readOnly) === value;
    case 'Username':
      return event.username === value;
    case 'ResourceType':
      return event.resources.some((resource) => resource.type === value);
    case 'ResourceName':
      return event.resources.some((resource) => resource.name === value);
    case 'EventSource':
      return event.eventSource === value;
    case 'AccessKeyId':
      return event.accessKeyId === value;
    default:
      return false;
  }
}

/** Newest first; among events of the same second, the one recorded later first. */
function newestFirst(a: StoredEvent, b: StoredEvent): number {
  return b.eventTime.getTime() - a.eventTime.getTime() || b.sequence - a.sequence;
}

function eventJson(event: StoredEvent): JsonObject {
  return {
    EventId: event.eventId,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    AccessKeyId: event.accessKeyId,
    EventTime: event.eventTime.getTime() / 1000,
    EventSource: event.eventSource,
    Username: event.username,
    Resources: event.resources.map((resource) => ({
      ResourceType: resource.type,
      ResourceName: resource.name,
    })),
    CloudTrailEvent: JSON.stringify(event.record),
  };
}

function copyOf(event: StoredEvent): CloudTrailEventState {
  return {
    eventId: event.eventId,
    eventName: event.eventName,
    eventSource: event.eventSource,
    eventTime: new Date(event.eventTime),
    readOnly: event.readOnly,
    username: event.username,
    accessKeyId: event.accessKeyId,
    resources: event.resources.map((resource) => ({ ...resource })),
    region: event.region,
    record: structuredClone(event.record),
  };
}

export function createCloudTrailSim(accountId: string, region: string): CloudTrailSim {
  const history: StoredEvent[] = [];
  const openTokens = new Map<string, { fingerprint: string; after: StoredEvent }>();
  // Acceptance times of the lookups in the last second, per region, on a monotonic clock.
  const recentLookups = new Map<string, number[]>();

  interface Recording {
    readonly caller: QueryCaller;
    readonly eventName: string;
    readonly eventSource: string;
    readonly eventTime: Date;
    readonly readOnly: boolean;
    readonly resources: readonly CloudTrailResource[];
    readonly sourceIPAddress: string;
    /** Absent for the sim's own traffic: handlers do not see the caller's headers. */
    readonly userAgent?: string | undefined;
    readonly requestParameters: JsonObject | null;
    readonly responseElements: JsonObject | null;
    readonly errorCode?: string | undefined;
    readonly errorMessage?: string | undefined;
    readonly eventId: string;
    readonly region: string;
  }

  const record = (entry: Recording): StoredEvent => {
    const eventTime = new Date(Math.floor(entry.eventTime.getTime() / 1000) * 1000);
    const { userIdentity, username } = identityOf(entry.caller, accountId);
    const event: StoredEvent = {
      eventId: entry.eventId,
      eventName: entry.eventName,
      eventSource: entry.eventSource,
      eventTime,
      readOnly: entry.readOnly,
      username,
      accessKeyId: entry.caller.accessKeyId,
      resources: entry.resources,
      region: entry.region,
      sequence: history.length,
      record: {
        eventVersion: '1.09',
        userIdentity,
        eventTime: isoSeconds(eventTime),
        eventSource: entry.eventSource,
        eventName: entry.eventName,
        awsRegion: entry.region,
        sourceIPAddress: entry.sourceIPAddress,
        ...(entry.userAgent === undefined ? {} : { userAgent: entry.userAgent }),
        ...(entry.errorCode === undefined ? {} : { errorCode: entry.errorCode }),
        ...(entry.errorMessage === undefined ? {} : { errorMessage: entry.errorMessage }),
        requestParameters: entry.requestParameters,
        responseElements: entry.responseElements,
        requestID: randomUUID(),
        eventID: entry.eventId,
        readOnly: entry.readOnly,
        eventType: 'AwsApiCall',
        managementEvent: true,
        recipientAccountId: accountId,
        eventCategory: 'Management',
      },
    };
    history.push(event);
    return event;
  };

  const recordCall = (
    trail: TrailDescription,
    operation: string,
    params: Iterable<[string, string]>,
    caller: QueryCaller,
    signedFor: string,
  ): void => {
    // HEAD is a read whatever the name; the log's Get/List/Describe rule does not know it.
    if (!isMutatingAction(operation) || operation.startsWith('Head')) return;
    const entries = [...params];
    record({
      caller,
      eventName: trail.eventNames?.get(operation) ?? operation,
      eventSource: trail.eventSource,
      eventTime: new Date(),
      readOnly: false,
      resources: resourcesOf(entries, trail),
      // The sim listens on loopback only; its callers are this machine.
      sourceIPAddress: '127.0.0.1',
      requestParameters: requestParametersOf(
        entries.map(([key, value]) => [trail.parameterNames?.get(key) ?? key, value]),
      ),
      responseElements: null,
      eventId: randomUUID(),
      region: trail.global ? GLOBAL_EVENTS_REGION : signedFor,
    });
  };

  const throttle = (signedFor: string): void => {
    const now = performance.now();
    const recent = recentLookups.get(signedFor) ?? [];
    while ((recent[0] ?? Number.POSITIVE_INFINITY) <= now - 1000) recent.shift();
    if (recent.length >= LOOKUPS_PER_SECOND) throw new QueryError('ThrottlingException', 'Rate exceeded');
    recent.push(now);
    recentLookups.set(signedFor, recent);
  };

  const lookupEvents: JsonHandler = ({ body, region: signedFor }) => {
    throttle(signedFor);
    const lookup = parseLookup(body);
    let after: StoredEvent | undefined;
    if (lookup.nextToken !== undefined) {
      const open = openTokens.get(lookup.nextToken);
      if (!open || open.fingerprint !== fingerprintOf(lookup, signedFor)) {
        throw new QueryError(
          'InvalidNextTokenException',
          'The NextToken is not valid, or was issued for a request with different parameters.',
        );
      }
      openTokens.delete(lookup.nextToken);
      after = open.after;
    }
    // Insights events are only kept for trails that enable Insights; the sim's trail does not.
    if (lookup.insights) return { Events: [] };

    const now = Date.now();
    const oldest = Math.max(now - HISTORY_DAYS * 86_400_000, lookup.startTime ?? -Infinity);
    const newest = lookup.endTime ?? now;
    const candidates = history
      .filter((event) => {
        const time = event.eventTime.getTime();
        return (
          event.region === signedFor && time >= oldest && time <= newest && matches(event, lookup.attribute)
        );
      })
      .sort(newestFirst);
    const start = after === undefined ? 0 : candidates.findIndex((event) => newestFirst(after, event) < 0);
    const remaining = start < 0 ? [] : candidates.slice(start);
    const page = remaining.slice(0, lookup.maxResults);
    const last = page.at(-1);
    if (remaining.length <= page.length || !last) return { Events: page.map(eventJson) };

    const token = randomBytes(32).toString('base64url');
    openTokens.set(token, { fingerprint: fingerprintOf(lookup, signedFor), after: last });
    if (openTokens.size > MAX_OPEN_TOKENS) {
      const [oldestToken] = openTokens.keys();
      if (oldestToken !== undefined) openTokens.delete(oldestToken);
    }
    return { Events: page.map(eventJson), NextToken: token };
  };

  const trailOf = (source: TrailedService): TrailDescription => {
    const trail = TRAILS.get(source);
    if (!trail) throw new Error(`CloudTrail sim: no trail description for ${source}`);
    return trail;
  };

  return {
    service: {
      targetPrefix: 'CloudTrail_20131101',
      operations: new Map([['LookupEvents', lookupEvents]]),
    },
    addEvent(seed) {
      const caller = seedCaller(seed, accountId);
      const global = GLOBAL_EVENT_SOURCES.has(seed.eventSource);
      if (global && seed.region !== undefined && seed.region !== GLOBAL_EVENTS_REGION) {
        throw new Error(
          `addEvent: ${seed.eventSource} is a global service; CloudTrail keeps its events in ${GLOBAL_EVENTS_REGION}`,
        );
      }
      return copyOf(
        record({
          caller,
          eventName: seed.eventName,
          eventSource: seed.eventSource,
          eventTime: seed.eventTime ?? new Date(),
          readOnly: seed.readOnly ?? !isMutatingAction(seed.eventName),
          resources: seed.resources?.map((resource) => ({ ...resource })) ?? [],
          sourceIPAddress: seed.sourceIPAddress ?? '203.0.113.10',
          userAgent: seed.userAgent ?? 'aws-cli/2.15.0',
          requestParameters: seed.requestParameters ?? null,
          responseElements: seed.responseElements ?? null,
          errorCode: seed.errorCode,
          errorMessage: seed.errorMessage,
          eventId: seed.eventId ?? randomUUID(),
          region: global ? GLOBAL_EVENTS_REGION : (seed.region ?? region),
        }),
      );
    },
    events: () => [...history].sort(newestFirst).map(copyOf),
    trailQuery(service, source) {
      const trail = trailOf(source);
      const actions = new Map<string, QueryHandler>();
      for (const [action, handler] of service.actions) {
        actions.set(action, (request) => {
          const answer = handler(request);
          recordCall(trail, request.action, request.params.entries(), request.caller, request.region);
          return answer;
        });
      }
      return { ...service, actions };
    },
    trailRest(service, source) {
      const trail = trailOf(source);
      return {
        route(request) {
          const route = service.route(request);
          if (!route) return undefined;
          return {
            ...route,
            answer(caller, signedFor) {
              const answer = route.answer(caller, signedFor);
              if (answer.status < 300) recordCall(trail, route.operation, route.params, caller, signedFor);
              return answer;
            },
          };
        },
        error: (error, requestId) => service.error(error, requestId),
      };
    },
  };
}
