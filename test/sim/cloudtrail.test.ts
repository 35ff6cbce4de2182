// The simulated CloudTrail driven by the real AWS SDK v3 client: LookupEvents as a connector will meet
// it — one attribute a lookup, pages of at most 50, two lookups a second — and the trail of the sim's
// own IAM, EC2, Auto Scaling and S3 traffic.

import { setTimeout as sleep } from 'node:timers/promises';
import { AutoScalingClient, EnterStandbyCommand } from '@aws-sdk/client-auto-scaling';
import {
  CloudTrailClient,
  type CloudTrailServiceException,
  type Event,
  InvalidEventCategoryException,
  InvalidLookupAttributesException,
  InvalidMaxResultsException,
  InvalidNextTokenException,
  InvalidTimeRangeException,
  type LookupAttributeKey,
  LookupEventsCommand,
  type LookupEventsCommandInput,
  paginateLookupEvents,
  ThrottlingException,
} from '@aws-sdk/client-cloudtrail';
import { CreateTagsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetUserCommand,
  IAMClient,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { HeadBucketCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeInput } from '../../src/ingest/normalize.js';
import { type AwsSim, startAwsSim } from '../../src/sim/aws/index.js';
import { rejectionOf } from '../support/rejection.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
// Where CloudTrail keeps IAM, STS and sign-in events since 22 Nov 2021, whatever region called.
const GLOBAL = 'us-east-1';
const HOUR = 3_600_000;
const ATTACKER_KEY = 'AKIAATTACKER00000001';

let sim: AwsSim;
const clients: { destroy(): void }[] = [];

function track<T extends { destroy(): void }>(client: T): T {
  clients.push(client);
  return client;
}

const config = (region = REGION) => ({ endpoint: sim.endpoint, region, credentials: sim.credentials });

/**
 * A client that keeps to CloudTrail's two lookups a second by spacing its requests, each attempt
 * included, as a connector must; the margin covers the request's own time on the wire.
 */
function pacedClient(region = REGION): CloudTrailClient {
  const client = track(new CloudTrailClient(config(region)));
  let nextSlot = 0;
  client.middlewareStack.add(
    (next) => async (args) => {
      const now = Date.now();
      const wait = nextSlot - now;
      nextSlot = Math.max(now, nextSlot) + 600;
      if (wait > 0) await sleep(wait);
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'paceLookups' },
  );
  return client;
}

const rejection = (promise: Promise<unknown>) => rejectionOf<CloudTrailServiceException>(promise);

function hoursAgo(hours: number): Date {
  return new Date(Date.now() - hours * HOUR);
}

async function lookup(client: CloudTrailClient, input: LookupEventsCommandInput): Promise<Event[]> {
  const answer = await client.send(new LookupEventsCommand(input));
  return answer.Events ?? [];
}

beforeEach(async () => {
  sim = await startAwsSim({ accountId: ACCOUNT, region: REGION });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await sim.close();
});

describe('LookupEvents over seeded history', () => {
  beforeEach(() => {
    sim.cloudtrail.addEvent({
      eventName: 'ListBuckets',
      eventSource: 's3.amazonaws.com',
      eventTime: hoursAgo(5),
      userName: 'mallory',
      accessKeyId: ATTACKER_KEY,
    });
    sim.cloudtrail.addEvent({
      eventName: 'CreateAccessKey',
      eventSource: 'iam.amazonaws.com',
      eventTime: hoursAgo(4),
      userName: 'mallory',
      accessKeyId: ATTACKER_KEY,
      sourceIPAddress: '198.51.100.23',
      resources: [{ type: 'AWS::IAM::User', name: 'backup-svc' }],
      requestParameters: { userName: 'backup-svc' },
      eventId: 'c0ffee00-0000-4000-8000-000000000001',
    });
    sim.cloudtrail.addEvent({
      eventName: 'RunInstances',
      eventSource: 'ec2.amazonaws.com',
      eventTime: hoursAgo(3),
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci-run-17`,
      resources: [{ type: 'AWS::EC2::Instance', name: 'i-0abc1234def567890' }],
    });
  });

  it('answers every field of an event, newest first, with the record as its CloudTrailEvent', async () => {
    const events = await lookup(pacedClient(), {});
    expect(events.map((event) => event.EventName)).toEqual(['RunInstances', 'ListBuckets']);
    const [created] = await lookup(pacedClient(GLOBAL), {});

    expect(created?.EventId).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(created?.EventSource).toBe('iam.amazonaws.com');
    expect(created?.ReadOnly).toBe('false');
    expect(created?.Username).toBe('mallory');
    expect(created?.AccessKeyId).toBe(ATTACKER_KEY);
    expect(created?.EventTime).toBeInstanceOf(Date);
    const seeded = sim.cloudtrail.events().find((event) => event.eventName === 'CreateAccessKey');
    expect(created?.EventTime?.getTime()).toBe(seeded?.eventTime.getTime());
    expect((seeded?.eventTime.getTime() ?? 1) % 1000).toBe(0);
    expect(created?.Resources).toEqual([{ ResourceType: 'AWS::IAM::User', ResourceName: 'backup-svc' }]);
    const record = JSON.parse(created?.CloudTrailEvent ?? '{}');
    expect(record).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateAccessKey',
      awsRegion: GLOBAL,
      sourceIPAddress: '198.51.100.23',
      requestParameters: { userName: 'backup-svc' },
      eventID: 'c0ffee00-0000-4000-8000-000000000001',
      readOnly: false,
      eventType: 'AwsApiCall',
      recipientAccountId: ACCOUNT,
      userIdentity: {
        type: 'IAMUser',
        arn: `arn:aws:iam::${ACCOUNT}:user/mallory`,
        accountId: ACCOUNT,
        accessKeyId: ATTACKER_KEY,
        userName: 'mallory',
      },
    });
    expect(record.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    expect(events[1]?.ReadOnly).toBe('true');
    expect(JSON.parse(events[1]?.CloudTrailEvent ?? '{}').awsRegion).toBe(REGION);
    const assumed = events[0];
    expect(assumed?.Username).toBe('ci-run-17');
    expect(assumed?.AccessKeyId).toMatch(/^ASIA/);
    expect(JSON.parse(assumed?.CloudTrailEvent ?? '{}').userIdentity).toMatchObject({
      type: 'AssumedRole',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci-run-17`,
      sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${ACCOUNT}:role/deployer` } },
    });
  });

  it('filters by each of the eight lookup attributes', async () => {
    const clients = [pacedClient(), pacedClient(GLOBAL)];
    // Each attribute in both regions' history: the seeded IAM event is in us-east-1's.
    const names = async (AttributeKey: LookupAttributeKey, AttributeValue: string) =>
      (
        await Promise.all(
          clients.map((client) => lookup(client, { LookupAttributes: [{ AttributeKey, AttributeValue }] })),
        )
      )
        .flat()
        .map((event) => event.EventName)
        .sort();
    expect(await names('AccessKeyId', ATTACKER_KEY)).toEqual(['CreateAccessKey', 'ListBuckets']);
    expect(await names('Username', 'mallory')).toEqual(['CreateAccessKey', 'ListBuckets']);
    expect(await names('Username', 'ci-run-17')).toEqual(['RunInstances']);
    expect(await names('EventName', 'RunInstances')).toEqual(['RunInstances']);
    expect(await names('EventSource', 's3.amazonaws.com')).toEqual(['ListBuckets']);
    expect(await names('ReadOnly', 'true')).toEqual(['ListBuckets']);
    expect(await names('ResourceName', 'backup-svc')).toEqual(['CreateAccessKey']);
    expect(await names('ResourceType', 'AWS::EC2::Instance')).toEqual(['RunInstances']);
    expect(await names('EventId', 'c0ffee00-0000-4000-8000-000000000001')).toEqual(['CreateAccessKey']);
    // Values match exactly, case included, as CloudTrail's do.
    expect(await names('Username', 'Mallory')).toEqual([]);
  });

  it('keeps to the time range, both ends included, and to the last 90 days', async () => {
    const client = pacedClient();
    const created = sim.cloudtrail.events().find((event) => event.eventName === 'CreateAccessKey');
    const at = created?.eventTime ?? new Date();
    const window = await lookup(pacedClient(GLOBAL), { StartTime: at, EndTime: hoursAgo(3.5) });
    expect(window.map((event) => event.EventName)).toEqual(['CreateAccessKey']);

    const recent = await lookup(client, { StartTime: hoursAgo(3.5) });
    expect(recent.map((event) => event.EventName)).toEqual(['RunInstances']);

    sim.cloudtrail.addEvent({
      eventName: 'DeleteTrail',
      eventSource: 'cloudtrail.amazonaws.com',
      eventTime: hoursAgo(24 * 91),
    });
    const all = await lookup(client, { StartTime: hoursAgo(24 * 100) });
    expect(all.map((event) => event.EventName)).not.toContain('DeleteTrail');
    expect(sim.cloudtrail.events().map((event) => event.eventName)).toContain('DeleteTrail');
  });

  it('keeps IAM, STS and sign-in events in us-east-1 only, and answers each region its own history', async () => {
    sim.cloudtrail.addEvent({
      eventName: 'ConsoleLogin',
      eventSource: 'signin.amazonaws.com',
      userName: 'mallory',
    });
    sim.cloudtrail.addEvent({
      eventName: 'GetSessionToken',
      eventSource: 'sts.amazonaws.com',
      userName: 'mallory',
    });
    sim.cloudtrail.addEvent({
      eventName: 'DescribeInstances',
      eventSource: 'ec2.amazonaws.com',
      userName: 'mallory',
      region: GLOBAL,
    });
    const byUser = { LookupAttributes: [{ AttributeKey: 'Username' as const, AttributeValue: 'mallory' }] };
    const here = await lookup(pacedClient(), byUser);
    expect(here.map((event) => event.EventName)).toEqual(['ListBuckets']);
    const there = await lookup(pacedClient(GLOBAL), byUser);
    expect(there.map((event) => event.EventName).sort()).toEqual([
      'ConsoleLogin',
      'CreateAccessKey',
      'DescribeInstances',
      'GetSessionToken',
    ]);
    expect(there.map((event) => JSON.parse(event.CloudTrailEvent ?? '{}').awsRegion)).toEqual(
      Array(4).fill(GLOBAL),
    );
    expect(() =>
      sim.cloudtrail.addEvent({ eventName: 'CreateUser', eventSource: 'iam.amazonaws.com', region: REGION }),
    ).toThrow('iam.amazonaws.com is a global service; CloudTrail keeps its events in us-east-1');
    // Each lookup is answered by the region of its signature.
    expect(sim.requests.map((request) => request.region)).toEqual([REGION, GLOBAL]);
  });

  it('counts the two lookups a second per region: two in each region within a second all pass', async () => {
    const eager = [REGION, GLOBAL].map((region) =>
      track(new CloudTrailClient({ ...config(region), maxAttempts: 1 })),
    );
    const sent = eager.flatMap((client) => [1, 2].map(() => client.send(new LookupEventsCommand({}))));
    const results = await Promise.allSettled(sent);
    expect(results.map((result) => result.status)).toEqual(Array(4).fill('fulfilled'));
  });

  it('refuses an end before the start with InvalidTimeRangeException', async () => {
    const error = await rejection(
      pacedClient().send(new LookupEventsCommand({ StartTime: hoursAgo(1), EndTime: hoursAgo(2) })),
    );
    expect(error).toBeInstanceOf(InvalidTimeRangeException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe('pagination', () => {
  it('pages 120 events newest first with paginateLookupEvents, stable while new events arrive', async () => {
    const base = hoursAgo(10).getTime();
    for (let index = 0; index < 120; index += 1) {
      sim.cloudtrail.addEvent({
        eventName: 'DescribeInstances',
        eventSource: 'ec2.amazonaws.com',
        // Three events per second, so the order within a second matters too.
        eventTime: new Date(base + Math.floor(index / 3) * 1000),
        requestParameters: { index },
      });
    }
    const client = pacedClient();
    const pages: Event[][] = [];
    for await (const page of paginateLookupEvents({ client, pageSize: 50 }, { EndTime: new Date() })) {
      pages.push(page.Events ?? []);
      if (pages.length === 1) {
        // Newer than everything listed so far: must not shift or repeat what the next pages hold.
        sim.cloudtrail.addEvent({ eventName: 'StopLogging', eventSource: 'cloudtrail.amazonaws.com' });
      }
    }
    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    const indexes = pages
      .flat()
      .map((event) => JSON.parse(event.CloudTrailEvent ?? '{}').requestParameters.index);
    expect(indexes).toEqual(Array.from({ length: 120 }, (_, position) => 119 - position));

    const lookups = sim.requests.filter((request) => request.action === 'LookupEvents');
    expect(lookups).toHaveLength(3);
    expect(lookups.every((request) => request.status === 200 && !request.mutating)).toBe(true);
  });

  it('answers at most 50 events by default and refuses MaxResults outside 1 to 50', async () => {
    for (let index = 0; index < 60; index += 1) {
      sim.cloudtrail.addEvent({ eventName: 'GetObject', eventSource: 's3.amazonaws.com' });
    }
    const client = pacedClient();
    const first = await client.send(new LookupEventsCommand({}));
    expect(first.Events).toHaveLength(50);
    expect(first.NextToken).toEqual(expect.any(String));

    for (const MaxResults of [0, 51]) {
      const error = await rejection(client.send(new LookupEventsCommand({ MaxResults })));
      expect(error).toBeInstanceOf(InvalidMaxResultsException);
    }
  });

  it('refuses a made-up token, and a real one sent with different parameters', async () => {
    for (let index = 0; index < 3; index += 1) {
      sim.cloudtrail.addEvent({
        eventName: 'PutObject',
        eventSource: 's3.amazonaws.com',
        userName: 'mallory',
      });
    }
    const client = pacedClient();
    const made = await rejection(client.send(new LookupEventsCommand({ NextToken: 'eyJvZmZzZXQiOjUwfQ==' })));
    expect(made).toBeInstanceOf(InvalidNextTokenException);
    expect(made.$metadata.httpStatusCode).toBe(400);

    const byUser = [{ AttributeKey: 'Username' as const, AttributeValue: 'mallory' }];
    const first = await client.send(new LookupEventsCommand({ LookupAttributes: byUser, MaxResults: 2 }));
    const token = first.NextToken;
    expect(token).toEqual(expect.any(String));
    const other = await rejection(
      client.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'admin' }],
          NextToken: token,
        }),
      ),
    );
    expect(other).toBeInstanceOf(InvalidNextTokenException);
    const rest = await client.send(
      new LookupEventsCommand({ LookupAttributes: byUser, MaxResults: 2, NextToken: token }),
    );
    expect(rest.Events).toHaveLength(1);
    expect(rest.NextToken).toBeUndefined();
  });
});

describe('refusals', () => {
  it('refuses more than one lookup attribute, an unknown key, and an over-long value', async () => {
    const client = pacedClient();
    const two = await rejection(
      client.send(
        new LookupEventsCommand({
          LookupAttributes: [
            { AttributeKey: 'Username', AttributeValue: 'mallory' },
            { AttributeKey: 'EventName', AttributeValue: 'CreateAccessKey' },
          ],
        }),
      ),
    );
    expect(two).toBeInstanceOf(InvalidLookupAttributesException);
    expect(two.name).toBe('InvalidLookupAttributesException');
    expect(two.$metadata.httpStatusCode).toBe(400);

    const unknown = await rejection(
      client.send(
        new LookupEventsCommand({
          LookupAttributes: [
            { AttributeKey: 'SourceIPAddress' as 'Username', AttributeValue: '203.0.113.9' },
          ],
        }),
      ),
    );
    expect(unknown).toBeInstanceOf(InvalidLookupAttributesException);

    // 1001 underscores are 2002 characters by CloudTrail's count, where `_` counts twice.
    const long = await rejection(
      client.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: '_'.repeat(1001) }],
        }),
      ),
    );
    expect(long).toBeInstanceOf(InvalidLookupAttributesException);
    const fits = await lookup(client, {
      LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: '_'.repeat(1000) }],
    });
    expect(fits).toEqual([]);
  });

  it('answers no Insights events for the insight category and refuses any other category', async () => {
    sim.cloudtrail.addEvent({ eventName: 'CreateUser', eventSource: 'iam.amazonaws.com' });
    const client = pacedClient();
    expect(await lookup(client, { EventCategory: 'insight' })).toEqual([]);
    const error = await rejection(
      client.send(new LookupEventsCommand({ EventCategory: 'management' as 'insight' })),
    );
    expect(error).toBeInstanceOf(InvalidEventCategoryException);
  });

  it('throttles a third lookup within a second with ThrottlingException (400), then lets lookups through', async () => {
    const eager = track(new CloudTrailClient({ ...config(), maxAttempts: 1 }));
    const results = await Promise.allSettled([1, 2, 3].map(() => eager.send(new LookupEventsCommand({}))));
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused).toHaveLength(1);
    const error = (refused[0] as PromiseRejectedResult).reason as CloudTrailServiceException;
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error.message).toBe('Rate exceeded');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(sim.requests.filter((request) => request.errorCode === 'ThrottlingException')).toHaveLength(1);

    await sleep(1100);
    await expect(eager.send(new LookupEventsCommand({}))).resolves.toMatchObject({ Events: [] });
  });

  it('refuses hostile bodies by their shape, never reading a key from the prototype', async () => {
    // Only the access key of the signature is checked, so a raw request can send what no SDK would.
    const send = async (body: string) => {
      const response = await fetch(sim.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'CloudTrail_20131101.LookupEvents',
          authorization: `AWS4-HMAC-SHA256 Credential=${sim.credentials.accessKeyId}/20240501/${REGION}/cloudtrail/aws4_request`,
        },
        body,
      });
      return { status: response.status, body: (await response.json()) as { __type: string } };
    };
    expect(await send('[]')).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
    expect(await send('{"MaxResults":"5"}')).toMatchObject({ body: { __type: 'SerializationException' } });
    await sleep(1100);
    expect(
      await send('{"LookupAttributes":[{"AttributeKey":"__proto__","AttributeValue":"x"}]}'),
    ).toMatchObject({ status: 400, body: { __type: 'InvalidLookupAttributesException' } });
    expect(await send('{"LookupAttributes":[{"AttributeKey":"toString"}]}')).toMatchObject({
      body: { __type: 'InvalidLookupAttributesException' },
    });
  });

  it('keeps a parameter named __proto__ as a plain key of the recorded requestParameters', async () => {
    const response = await fetch(sim.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `AWS4-HMAC-SHA256 Credential=${sim.credentials.accessKeyId}/20240501/us-east-1/iam/aws4_request`,
      },
      body: 'Action=CreateUser&Version=2010-05-08&UserName=eve&__proto__.polluted=yes',
    });
    expect(response.status).toBe(200);
    const [event] = sim.cloudtrail.events();
    const parameters = event?.record.requestParameters as Record<string, unknown>;
    expect(parameters.userName).toBe('eve');
    expect(Object.hasOwn(parameters, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(parameters)).toBe('{"userName":"eve","__proto__":{"polluted":"yes"}}');
  });

  it('retries an injected service failure as the SDK does', async () => {
    sim.failNext('LookupEvents', { status: 500, code: 'InternalFailure' });
    const answer = await pacedClient().send(new LookupEventsCommand({}));
    expect(answer.$metadata.attempts).toBe(2);
    expect(sim.requests.map((request) => request.status)).toEqual([500, 200]);
  });
});

describe('the trail of the account’s own API activity', () => {
  it('records mutating IAM calls under the caller, and neither reads nor refusals', async () => {
    const iam = track(new IAMClient(config()));
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'alice',
        PolicyName: 'deny-all',
        PolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }),
      }),
    );
    await iam.send(new GetUserCommand({ UserName: 'alice' }));
    await rejection(iam.send(new GetUserCommand({ UserName: 'nobody' })));
    await rejection(iam.send(new CreateUserCommand({ UserName: 'alice' })));

    // Signed for eu-west-1, IAM's calls are kept where CloudTrail keeps IAM's events.
    expect(
      await lookup(pacedClient(), {
        LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'iam.amazonaws.com' }],
      }),
    ).toEqual([]);
    const events = await lookup(pacedClient(GLOBAL), {
      LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'iam.amazonaws.com' }],
    });
    expect(events.map((event) => event.EventName)).toEqual(['PutUserPolicy', 'CreateUser']);
    const [policy] = events;
    expect(policy?.Username).toBe('admin');
    expect(policy?.AccessKeyId).toBe(sim.credentials.accessKeyId);
    expect(policy?.ReadOnly).toBe('false');
    expect(policy?.Resources).toEqual([
      { ResourceType: 'AWS::IAM::User', ResourceName: 'alice' },
      { ResourceType: 'AWS::IAM::Policy', ResourceName: 'deny-all' },
    ]);
    const record = JSON.parse(policy?.CloudTrailEvent ?? '{}');
    expect(record.requestParameters).toMatchObject({ userName: 'alice', policyName: 'deny-all' });
    expect(record.requestParameters).not.toHaveProperty('action');
    expect(record.userIdentity).toMatchObject({ type: 'IAMUser', userName: 'admin' });
    expect(record.awsRegion).toBe(GLOBAL);
  });

  it('names an assumed-role caller by its session, and a key it disabled by the key', async () => {
    const iam = track(new IAMClient(config()));
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'responder',
        AssumeRolePolicyDocument: JSON.stringify({
          Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    await iam.send(new CreateUserCommand({ UserName: 'mallory' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'mallory' }));
    const sts = track(new STSClient(config()));
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/responder`,
        RoleSessionName: 'irac-42',
      }),
    );
    const responder = track(
      new IAMClient({
        ...config(),
        credentials: {
          accessKeyId: Credentials?.AccessKeyId ?? '',
          secretAccessKey: Credentials?.SecretAccessKey ?? '',
          sessionToken: Credentials?.SessionToken ?? '',
        },
      }),
    );
    await responder.send(
      new UpdateAccessKeyCommand({
        UserName: 'mallory',
        AccessKeyId: AccessKey?.AccessKeyId,
        Status: 'Inactive',
      }),
    );

    const client = pacedClient(GLOBAL);
    const bySession = await lookup(client, {
      LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'irac-42' }],
    });
    expect(bySession.map((event) => event.EventName)).toEqual(['UpdateAccessKey']);
    expect(bySession[0]?.AccessKeyId).toBe(Credentials?.AccessKeyId);
    expect(JSON.parse(bySession[0]?.CloudTrailEvent ?? '{}').userIdentity).toMatchObject({
      type: 'AssumedRole',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/responder/irac-42`,
      sessionContext: { sessionIssuer: { userName: 'responder' } },
    });
    const byKey = await lookup(client, {
      LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: AccessKey?.AccessKeyId ?? '' }],
    });
    expect(byKey.map((event) => event.EventName)).toEqual(['UpdateAccessKey']);
    // STS is not among the trailed services: AssumeRole is not in this history.
    expect(sim.cloudtrail.events().map((event) => event.eventName)).not.toContain('AssumeRole');
  });

  it('records EC2, Auto Scaling and S3 calls under their own event sources and resources', async () => {
    const instance = 'i-0123456789abcdef0';
    sim.ec2.createSecurityGroup('vpc-0a1b2c3d4e5f60718', 'web');
    sim.ec2.addInstance({
      instanceId: instance,
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      subnetId: 'subnet-0123456789abcdef0',
      networkInterfaces: [{ networkInterfaceId: 'eni-0aaaaaaaaaaaaaaaa' }],
      volumes: [],
    });
    sim.autoscaling.createGroup({
      name: 'web-asg',
      minSize: 0,
      maxSize: 2,
      desiredCapacity: 1,
      instanceIds: [instance],
    });
    sim.s3.createBucket('exposed-reports', { policyIsPublic: true });

    await track(new EC2Client(config())).send(
      new CreateTagsCommand({ Resources: [instance], Tags: [{ Key: 'irac:incident', Value: 'INC-7' }] }),
    );
    await track(new AutoScalingClient(config())).send(
      new EnterStandbyCommand({
        AutoScalingGroupName: 'web-asg',
        InstanceIds: [instance],
        ShouldDecrementDesiredCapacity: true,
      }),
    );
    const s3 = track(new S3Client({ ...config(), forcePathStyle: true }));
    await s3.send(new HeadBucketCommand({ Bucket: 'exposed-reports' }));
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'exposed-reports',
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
    );

    const events = await lookup(pacedClient(), {});
    expect(events.every((event) => JSON.parse(event.CloudTrailEvent ?? '{}').awsRegion === REGION)).toBe(
      true,
    );
    expect(events.map((event) => [event.EventSource, event.EventName])).toEqual([
      ['s3.amazonaws.com', 'PutBucketPublicAccessBlock'],
      ['autoscaling.amazonaws.com', 'EnterStandby'],
      ['ec2.amazonaws.com', 'CreateTags'],
    ]);
    const [bucket, standby, tags] = events;
    expect(bucket?.Resources).toEqual([{ ResourceType: 'AWS::S3::Bucket', ResourceName: 'exposed-reports' }]);
    expect(JSON.parse(bucket?.CloudTrailEvent ?? '{}').requestParameters).toMatchObject({
      bucketName: 'exposed-reports',
    });
    expect(standby?.Resources).toEqual([
      { ResourceType: 'AWS::AutoScaling::AutoScalingGroup', ResourceName: 'web-asg' },
      { ResourceType: 'AWS::EC2::Instance', ResourceName: instance },
    ]);
    expect(tags?.Resources).toEqual([{ ResourceType: 'AWS::EC2::Instance', ResourceName: instance }]);
    expect(JSON.parse(tags?.CloudTrailEvent ?? '{}').requestParameters).toMatchObject({
      resourceId: [instance],
      tag: [{ key: 'irac:incident', value: 'INC-7' }],
    });
  });

  it('writes records the CloudTrail normalizer reads as lookup-events output', async () => {
    const iam = track(new IAMClient(config()));
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    const events = await lookup(pacedClient(GLOBAL), {
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateAccessKey' }],
    });
    const output = {
      Events: events.map((event) => ({ ...event, EventTime: event.EventTime?.toISOString() })),
    };
    const [normalized] = normalizeInput(Buffer.from(JSON.stringify(output)), { source: 'cloudtrail' });
    expect(normalized).toMatchObject({
      vendor: 'cloudtrail',
      kind: 'iam.amazonaws.com:CreateAccessKey',
      account: ACCOUNT,
      region: GLOBAL,
      actor: `arn:aws:iam::${ACCOUNT}:user/admin`,
    });
    expect(normalized?.resources).toContainEqual(
      expect.objectContaining({ type: 'aws.iam.user', id: 'alice' }),
    );
  });
});
