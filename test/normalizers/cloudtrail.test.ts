import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import riskTable from '../../src/ingest/data/cloudtrail-risk.json' with { type: 'json' };
import { readDocuments } from '../../src/ingest/documents.js';
import { unwrapDocument } from '../../src/ingest/envelopes.js';
import { normalizeInput } from '../../src/ingest/normalize.js';
import {
  CONDITIONS,
  cloudtrail,
  loadRiskRows,
  RISK_ROWS,
  type RiskTableData,
} from '../../src/ingest/normalizers/cloudtrail.js';
import type { JsonObject } from '../../src/json.js';
import type { SecurityEvent, Severity, Vendor } from '../../src/types.js';
import { securityEventValidator } from '../../src/validation.js';
import {
  CORPUS_DIR,
  corpusAvailable,
  corpusFiles,
  FIXTURES_DIR,
  fixtureFiles,
  normalizeFile,
  oneEvent,
  rejection as rejectionOf,
  shortName,
} from '../helpers/corpus.js';

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const maxSeverity = (events: readonly SecurityEvent[]): Severity =>
  events.reduce<Severity>((max, e) => (RANK[e.severity] > RANK[max] ? e.severity : max), 'low');

const fixture = (name: string) => normalizeFile(join(FIXTURES_DIR, 'cloudtrail', name));
const records = fixture('records.ndjson');
const byName = (name: string, events: readonly SecurityEvent[] = records): SecurityEvent => {
  const found = events.find((e) => e.context.event_name === name || e.kind.endsWith(`:${name}`));
  if (!found) throw new Error(`no ${name} event`);
  return found;
};

const ACCOUNT = '111122223333';

/** A minimal, valid record of an IAM user's call; `over` replaces top-level fields. */
function record(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLEBOB000001',
      arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
      accountId: ACCOUNT,
      accessKeyId: 'AKIAEXAMPLEBOB000001',
      userName: 'bob',
    },
    eventTime: '2026-03-14T12:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeRegions',
    awsRegion: 'eu-west-1',
    sourceIPAddress: '192.0.2.44',
    userAgent: 'aws-cli/2.15.30',
    requestParameters: null,
    responseElements: null,
    eventID: '11111111-2222-4333-8444-555555555555',
    readOnly: true,
    eventType: 'AwsApiCall',
    recipientAccountId: ACCOUNT,
    ...over,
  };
}

const one = (value: unknown) => oneEvent(value, 'cloudtrail.json');
const rejection = (value: unknown, source?: Vendor) => rejectionOf(value, 'cloudtrail.json', { source });

describe('CloudTrail records', () => {
  it('maps the sample (StopLogging by an IAM user) to a critical event on the trail, by the user, from the IP', () => {
    const [event] = fixture('sample.json');
    expect(event).toMatchObject({
      vendor: 'cloudtrail',
      source: 'cloudtrail',
      severity: 'critical',
      kind: 'cloudtrail.amazonaws.com:StopLogging',
      title: 'CloudTrail logging stopped: StopLogging by ci-deployer on org-management-trail',
      resource: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-management-trail',
      account: ACCOUNT,
      region: 'eu-west-1',
      actor: 'arn:aws:iam::111122223333:user/ci-deployer',
      timestamp: '2026-03-14T02:17:45.000Z',
      vendor_id: '0d6a2c1e-4b7f-4e3a-9c8d-1f2e3a4b5c6d',
      indicators: [{ type: 'ip', value: '203.0.113.77' }],
      attack: { tactics: ['TA0005'], techniques: ['T1562.008'] },
      context: {
        event_type: 'AwsApiCall',
        read_only: 'false',
        recipient_account_id: ACCOUNT,
        user_identity_type: 'IAMUser',
        risk: 'CloudTrail logging stopped',
      },
    });
    expect(event?.context.user_agent).toMatch(/^aws-cli\/2\.15\.30 /);
    expect(event?.resources).toEqual([
      {
        type: 'aws.cloudtrail.trail',
        id: 'org-management-trail',
        arn: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-management-trail',
      },
      { type: 'aws.iam.access_key', id: 'AKIAEXAMPLECIDEPLOY1' },
      { type: 'aws.iam.user', id: 'ci-deployer', arn: 'arn:aws:iam::111122223333:user/ci-deployer' },
    ]);
  });

  it('normalizes every fixture record, each valid and detected as cloudtrail', () => {
    const lines = readFileSync(join(FIXTURES_DIR, 'cloudtrail', 'records.ndjson'), 'utf8')
      .trim()
      .split('\n');
    expect(records).toHaveLength(lines.length);
    const validate = securityEventValidator();
    for (const event of records) {
      expect(event.vendor).toBe('cloudtrail');
      expect(validate(event)).toBe(true);
    }
    expect(new Set(records.map((e) => e.id)).size).toBe(records.length);
  });

  it('takes the role, not the session, as the actor of an assumed-role call, and keeps the session in context', () => {
    const event = byName('DescribeInstances');
    expect(event.actor).toBe('arn:aws:iam::111122223333:role/AppServerRole');
    expect(event.context.principal_arn).toBe(
      'arn:aws:sts::111122223333:assumed-role/AppServerRole/i-0a1b2c3d4e5f60718',
    );
    expect(event.title).toContain('by AppServerRole/i-0a1b2c3d4e5f60718');
    expect(event.context.mfa_authenticated).toBe('false');
    // No target named: the credential used is what there is to contain.
    expect(event.resources.slice(0, 2)).toEqual([
      { type: 'aws.iam.access_key', id: 'ASIAEXAMPLEAPPSRV01' },
      { type: 'aws.iam.role', id: 'AppServerRole', arn: 'arn:aws:iam::111122223333:role/AppServerRole' },
    ]);
    // A private address is still an IP indicator; "AWS Internal" and service hosts are not.
    expect(event.indicators).toEqual([{ type: 'ip', value: '10.20.4.17' }]);
  });

  it('derives the role ARN from the session ARN when sessionIssuer is missing', () => {
    const event = one(
      record({
        userIdentity: {
          type: 'AssumedRole',
          arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/gh-actions-42`,
          accountId: ACCOUNT,
        },
      }),
    );
    expect(event.actor).toBe(`arn:aws:iam::${ACCOUNT}:role/deploy`);
    expect(event.title).toBe('DescribeRegions by deploy/gh-actions-42');
  });

  it('names AWS services by invokedBy and does not treat a service host as an IP indicator', () => {
    const event = byName('AssumeRole');
    expect(event.actor).toBe('ec2.amazonaws.com');
    expect(event.indicators).toEqual([]);
    expect(event.context.source_ip_address).toBe('ec2.amazonaws.com');
    expect(event.resource).toBe('arn:aws:iam::111122223333:role/AppServerRole');
  });

  it('types resources[] entries and de-duplicates them against the ones built from parameters', () => {
    const event = byName('GetObject');
    expect(event.resources).toEqual([
      { type: 'aws.s3.bucket', id: 'acme-app-config', arn: 'arn:aws:s3:::acme-app-config' },
      {
        type: 'aws.s3.object',
        id: 'acme-app-config/prod/settings.json',
        arn: 'arn:aws:s3:::acme-app-config/prod/settings.json',
      },
      { type: 'aws.iam.access_key', id: 'ASIAEXAMPLEAPPSRV01' },
      { type: 'aws.iam.role', id: 'AppServerRole', arn: 'arn:aws:iam::111122223333:role/AppServerRole' },
    ]);
    expect(byName('GetSecretValue').resources[0]).toEqual({
      type: 'aws.secretsmanager.secret',
      id: 'prod/app/db-credentials-Ab12Cd',
      arn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/app/db-credentials-Ab12Cd',
    });
  });

  it('builds ARNs for well-known parameters from the account and region', () => {
    expect(byName('AuthorizeSecurityGroupIngress').resource).toBe(
      'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0123456789abcdef0',
    );
    expect(byName('ModifySnapshotAttribute').resource).toBe(
      'arn:aws:ec2:eu-west-1::snapshot/snap-0123456789abcdef0',
    );
    expect(byName('GetPasswordData').resource).toBe(
      'arn:aws:ec2:eu-west-1:111122223333:instance/i-0fedcba9876543210',
    );
    expect(byName('ScheduleKeyDeletion').resource).toBe(
      'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    );
    expect(byName('DeleteDetector').resource).toBe(
      'arn:aws:guardduty:eu-west-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0',
    );
    expect(byName('UpdateFunctionConfiguration20150331v2').resource).toBe(
      'arn:aws:lambda:eu-west-1:111122223333:function:order-processor',
    );
    expect(byName('DeleteFlowLogs').resource).toBe(
      'arn:aws:ec2:eu-west-1:111122223333:vpc-flow-log/fl-0a1b2c3d4e5f67890',
    );
    expect(byName('CreateUser').resource).toBe('arn:aws:iam::111122223333:user/support-sync');
    expect(
      byName('SendCommand')
        .resources.filter((r) => r.type === 'aws.ec2.instance')
        .map((r) => r.id),
    ).toEqual(['i-0a1b2c3d4e5f60718', 'i-0b2c3d4e5f6071829']);
    // The instances RunInstances started come from responseElements: what a responder terminates.
    expect(
      byName('RunInstances')
        .resources.filter((r) => r.type === 'aws.ec2.instance')
        .map((r) => r.id),
    ).toEqual(['i-0c0ffee0c0ffee001', 'i-0c0ffee0c0ffee002']);
    const cn = one(
      record({ awsRegion: 'cn-north-1', requestParameters: { instanceId: 'i-0123456789abcdef0' } }),
    );
    expect(cn.resource).toBe('arn:aws-cn:ec2:cn-north-1:111122223333:instance/i-0123456789abcdef0');
  });

  it('puts the access key CreateAccessKey made first: it is what gets deactivated', () => {
    const event = byName('CreateAccessKey');
    expect(event.severity).toBe('high');
    expect(event.title).toContain('IAM access key created for another user');
    expect(event.resources.slice(0, 2)).toEqual([
      { type: 'aws.iam.access_key', id: 'AKIAEXAMPLENEWKEY001' },
      { type: 'aws.iam.user', id: 'support-sync', arn: 'arn:aws:iam::111122223333:user/support-sync' },
    ]);
    expect(event.attack).toEqual({ tactics: ['TA0003'], techniques: ['T1098.001'] });
  });

  it('uses eventID as vendor_id and a content hash when there is none', () => {
    const withId = one(record());
    expect(withId.vendor_id).toBe('11111111-2222-4333-8444-555555555555');
    const { eventID: _, ...withoutId } = record();
    const a = one(withoutId);
    const b = one({ ...withoutId, eventName: 'DescribeVpcs' });
    expect(a.vendor_id).toBeUndefined();
    expect(a.id).toMatch(/^cloudtrail-[0-9a-f]{32}$/);
    expect(a.id).not.toBe(b.id);
    expect(one(withoutId).id).toBe(a.id);
  });

  it('falls back to Logstash @timestamp and Panther p_event_time, then to the received time', () => {
    const { eventTime: _, ...noTime } = record();
    expect(one({ ...noTime, '@timestamp': '2024-05-01T10:11:12.345Z' }).timestamp).toBe(
      '2024-05-01T10:11:12.345Z',
    );
    expect(one({ ...noTime, p_event_time: '2024-05-01 10:11:12.345' }).timestamp).toBe(
      '2024-05-01T10:11:12.345Z',
    );
    const received = one(noTime);
    expect(received.timestamp).toBe('2026-01-01T00:00:00.000Z');
    expect(received.context.timestamp_origin).toBe('received');
  });

  it('treats documentation placeholders ("redacted", "...") as absent, but rejects other unparseable times', () => {
    const redacted = one(
      record({ eventTime: 'redacted', eventID: 'redacted', recipientAccountId: 'redacted' }),
    );
    expect(redacted.context).toMatchObject({ timestamp_origin: 'received', event_time_redacted: 'true' });
    expect(redacted.vendor_id).toBeUndefined();
    expect(redacted.account).toBe(ACCOUNT); // from userIdentity.accountId
    expect(rejection(record({ eventTime: 'yesterday' }))).toMatch(
      /cloudtrail\.json: \$\.eventTime: timestamp "yesterday"/,
    );
    expect(rejection(record({ eventTime: '2026-02-30T00:00:00Z' }))).toMatch(/\$\.eventTime/);
  });

  it.each([
    ['userIdentity', 'root', /\$\.userIdentity: expected an object, got a string/],
    ['eventSource', ['iam'], /\$\.eventSource: expected a string, got an array/],
    ['awsRegion', { name: 'eu-west-1' }, /\$\.awsRegion: expected a string, got an object/],
    ['errorCode', 403, /\$\.errorCode: expected a string, got a number/],
    ['eventTime', true, /\$\.eventTime: expected a timestamp, got a boolean/],
    ['readOnly', 1, /\$\.readOnly: expected a boolean, got a number/],
    ['sourceIPAddress', ['192.0.2.1'], /\$\.sourceIPAddress: expected a string/],
  ])('rejects %s of the wrong type, naming its JSON path', (field, value, message) => {
    expect(rejection(record({ [field]: value }))).toMatch(message);
  });

  it('rejects wrong-typed identity fields with their nested path', () => {
    const identity = (record().userIdentity as Record<string, unknown>) ?? {};
    expect(rejection(record({ userIdentity: { ...identity, arn: 42 } }))).toMatch(
      /\$\.userIdentity\.arn: expected a string, got a number "42"/,
    );
    expect(
      rejection(
        record({
          userIdentity: { type: 'AssumedRole', sessionContext: { sessionIssuer: { arn: ['x'] } } },
        }),
      ),
    ).toMatch(/\$\.userIdentity\.sessionContext\.sessionIssuer\.arn: expected a string/);
  });

  it('reads requestParameters leniently: odd shapes are evidence, not errors', () => {
    const asString = one(record({ eventName: 'CreateAccount', requestParameters: '{"accountName":"x"}' }));
    expect(asString.resource).toBe('aws.iam.access_key:AKIAEXAMPLEBOB000001');
    const weird = one(
      record({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketPolicy',
        requestParameters: { bucketName: 7, bucketPolicy: { Statement: 5 } },
        resources: [
          'not an object',
          3,
          { ARN: 9 },
          { ARN: 'arn:aws:s3:::real-bucket', type: 'AWS::S3::Bucket' },
        ],
      }),
    );
    expect(weird.severity).toBe('low');
    expect(weird.resource).toBe('arn:aws:s3:::real-bucket');
  });

  it('parses policy documents defensively: oversized, deep or prototype-keyed ones are not evaluated', () => {
    const put = (policyDocument: string) =>
      one(
        record({
          eventSource: 'iam.amazonaws.com',
          eventName: 'PutUserPolicy',
          requestParameters: { userName: 'bob', policyName: 'p', policyDocument },
        }),
      );
    const admin = '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
    expect(put(admin).severity).toBe('critical');
    expect(put(encodeURIComponent(admin)).severity).toBe('critical');
    expect(put(`${admin}${' '.repeat(70_000)}`).severity).toBe('medium');
    expect(put(`${'['.repeat(5000)}${']'.repeat(5000)}`).severity).toBe('medium');
    expect(
      put('{"__proto__":{"Effect":"Allow"},"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}')
        .severity,
    ).toBe('medium');
    expect(put('{not json').severity).toBe('medium');
  });
});

describe('CloudTrail severity from the risk table', () => {
  const iam = (eventName: string, requestParameters: unknown, over: Record<string, unknown> = {}) =>
    one(record({ eventSource: 'iam.amazonaws.com', eventName, requestParameters, ...over }));

  it('rates logging tampering high or critical (TA0005 / T1562.008)', () => {
    expect(byName('StopLogging')).toMatchObject({
      severity: 'critical',
      attack: { techniques: ['T1562.008'] },
    });
    expect(byName('PutEventSelectors').severity).toBe('critical'); // management events dropped
    expect(byName('DeleteFlowLogs').severity).toBe('high');
    const selectorsKept = one(
      record({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'PutEventSelectors',
        requestParameters: {
          trailName: 't',
          eventSelectors: [{ includeManagementEvents: true, readWriteType: 'All' }],
        },
      }),
    );
    expect(selectorsKept.severity).toBe('high');
  });

  it('rates GuardDuty being deleted or disabled high, and other detector updates low', () => {
    expect(byName('DeleteDetector').attack).toEqual({ tactics: ['TA0005'], techniques: ['T1562.001'] });
    expect(byName('UpdateDetector').severity).toBe('high');
    const frequency = one(
      record({
        eventSource: 'guardduty.amazonaws.com',
        eventName: 'UpdateDetector',
        requestParameters: { detectorId: 'd1', findingPublishingFrequency: 'FIFTEEN_MINUTES' },
      }),
    );
    expect(frequency.severity).toBe('low');
  });

  it('rates administrator access critical (AdministratorAccess ARN or Action "*" on Resource "*"), other policies medium', () => {
    expect(byName('AttachUserPolicy').severity).toBe('critical');
    expect(byName('PutRolePolicy').severity).toBe('critical');
    expect(
      iam('AttachRolePolicy', { roleName: 'r', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })
        .severity,
    ).toBe('medium');
    expect(
      iam('AttachGroupPolicy', {
        groupName: 'ops',
        policyArn: 'arn:aws-us-gov:iam::aws:policy/AdministratorAccess',
      }).severity,
    ).toBe('critical');
    const deny = '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}';
    expect(iam('PutUserPolicy', { userName: 'bob', policyDocument: deny }).severity).toBe('medium');
    const scoped = '{"Statement":{"Effect":"Allow","Action":["s3:*"],"Resource":"*"}}';
    expect(iam('PutUserPolicy', { userName: 'bob', policyDocument: scoped }).severity).toBe('medium');
    expect(byName('AttachUserPolicy').attack).toEqual({
      tactics: ['TA0003', 'TA0004'],
      techniques: ['T1098.003'],
    });
  });

  it('rates IAM persistence: CreateUser high, CreateAccessKey medium (high for another user), trust to another account high', () => {
    expect(byName('CreateUser')).toMatchObject({ severity: 'high', attack: { techniques: ['T1136.003'] } });
    expect(iam('CreateAccessKey', null).severity).toBe('medium');
    expect(iam('CreateAccessKey', { userName: 'bob' }).severity).toBe('medium'); // bob for himself
    expect(iam('UpdateLoginProfile', { userName: 'carol' }).severity).toBe('high');
    expect(byName('CreateRole').severity).toBe('high');
    const ownAccount = `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${ACCOUNT}:root"},"Action":"sts:AssumeRole"}]}`;
    expect(iam('CreateRole', { roleName: 'r', assumeRolePolicyDocument: ownAccount }).severity).toBe('low');
    expect(iam('UpdateAssumeRolePolicy', { roleName: 'r', policyDocument: ownAccount }).severity).toBe(
      'high',
    );
    expect(byName('DeactivateMFADevice').severity).toBe('high');
  });

  it('rates buckets made public high: Principal "*" without a Condition, AllUsers grants, Block Public Access off', () => {
    expect(byName('PutBucketPolicy')).toMatchObject({ severity: 'high', attack: { techniques: ['T1530'] } });
    expect(byName('PutBucketAcl').severity).toBe('high');
    expect(byName('PutBucketPublicAccessBlock').severity).toBe('high');
    const s3 = (eventName: string, requestParameters: unknown) =>
      one(record({ eventSource: 's3.amazonaws.com', eventName, requestParameters }));
    const vpcOnly = {
      bucketName: 'b',
      bucketPolicy: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } },
          },
        ],
      },
    };
    expect(s3('PutBucketPolicy', vpcOnly).severity).toBe('low');
    expect(s3('PutBucketAcl', { bucketName: 'b', 'x-amz-acl': ['public-read'] }).severity).toBe('high');
    expect(s3('PutBucketAcl', { bucketName: 'b', 'x-amz-acl': ['private'] }).severity).toBe('low');
    expect(s3('DeleteBucketPolicy', { bucketName: 'b' }).severity).toBe('high');
    expect(
      s3('PutBucketPublicAccessBlock', {
        bucketName: 'b',
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }).severity,
    ).toBe('low');
  });

  it('rates security groups opened to 0.0.0.0/0 or ::/0 high (TA0005 / T1562.007), narrower rules low', () => {
    expect(byName('AuthorizeSecurityGroupIngress')).toMatchObject({
      severity: 'high',
      attack: { tactics: ['TA0005'], techniques: ['T1562.007'] },
    });
    const ingress = (ipPermissions: unknown) =>
      one(
        record({
          eventName: 'AuthorizeSecurityGroupIngress',
          requestParameters: { groupId: 'sg-1', ipPermissions },
        }),
      ).severity;
    expect(ingress({ items: [{ ipv6Ranges: { items: [{ cidrIpv6: '::/0' }] } }] })).toBe('high');
    expect(ingress({ items: [{ ipRanges: { items: [{ cidrIp: '10.0.0.0/8' }] } }] })).toBe('low');
    expect(ingress([{ ipRanges: [{ cidrIp: '0.0.0.0/0' }] }])).toBe('high');
  });

  it('rates administrator access spelled otherwise critical: NotAction, NotResource, "arn:*"-like resources', () => {
    const put = (statement: Record<string, unknown>) =>
      iam('PutUserPolicy', {
        userName: 'bob',
        policyName: 'p',
        policyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', ...statement }],
        }),
      }).severity;
    // Everything but one action that does not exist, or everything but one bucket: "*" in effect.
    expect(put({ NotAction: 'iam:DoesNotExist', Resource: '*' })).toBe('critical');
    expect(put({ Action: '*', NotResource: 'arn:aws:s3:::x' })).toBe('critical');
    expect(put({ NotAction: ['iam:DoesNotExist'], NotResource: 'arn:aws:s3:::x' })).toBe('critical');
    for (const resource of ['arn:*', 'arn:aws:*', 'arn:aws*:*', '*:*', 'arn:aws:*:*:*:*', ['x', 'arn:*']]) {
      expect(put({ Action: '*', Resource: resource }), JSON.stringify(resource)).toBe('critical');
    }
    expect(put({ Action: '*:*', Resource: 'arn:aws-us-gov:*' })).toBe('critical');
    // One service, or a pattern with more segments than an ARN has colons, is not everything.
    expect(put({ Action: '*', Resource: 'arn:aws:s3:::*' })).toBe('medium');
    expect(put({ Action: '*', Resource: 'arn:*:s3:::*' })).toBe('medium');
    expect(put({ Action: '*', Resource: 'arn:aws:*:*:*:*:*' })).toBe('medium');
    expect(put({ NotAction: 'iam:*', Resource: 'arn:aws:s3:::b' })).toBe('medium');
    // Excluding every action or every resource grants nothing.
    expect(put({ NotAction: '*', Resource: '*' })).toBe('medium');
    expect(put({ Action: '*', NotResource: 'arn:*' })).toBe('medium');
    expect(
      iam('PutRolePolicy', {
        roleName: 'r',
        policyDocument: '{"Statement":[{"Effect":"Deny","NotAction":"iam:x","Resource":"*"}]}',
      }).severity,
    ).toBe('medium');
  });

  it('rates a public resource policy high unless its Condition narrows who or where (aws:SourceIp, aws:PrincipalOrgID, ...)', () => {
    const bucketPolicy = (statement: Record<string, unknown>) =>
      one(
        record({
          eventSource: 's3.amazonaws.com',
          eventName: 'PutBucketPolicy',
          requestParameters: {
            bucketName: 'b',
            bucketPolicy: {
              Statement: [
                { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...statement },
              ],
            },
          },
        }),
      ).severity;
    const anyone = (Condition: Record<string, unknown>) => bucketPolicy({ Principal: '*', Condition });
    // Conditions that hold for every caller.
    expect(anyone({ StringLike: { 'aws:UserAgent': '*' } })).toBe('high');
    expect(anyone({ Bool: { 'aws:SecureTransport': 'true' } })).toBe('high');
    expect(anyone({ StringLike: { 'aws:SourceVpce': '*' } })).toBe('high');
    expect(anyone({ StringLike: { 'aws:PrincipalAccount': ['111122223333', '????????????'] } })).toBe('high');
    expect(anyone({ IpAddress: { 'aws:SourceIp': ['0.0.0.0/1', '128.0.0.0/1'] } })).toBe('high');
    expect(anyone({ ArnLike: { 'aws:SourceArn': 'arn:aws:*' } })).toBe('high');
    // Everyone but one VPC endpoint, or anyone when the key is absent (a request from the internet).
    expect(anyone({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } })).toBe('high');
    expect(anyone({ StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } })).toBe('high');
    expect(bucketPolicy({ NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } })).toBe('high');
    // Conditions that do narrow; condition key names are case-insensitive, blocks are ANDed.
    expect(anyone({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })).toBe('low');
    expect(anyone({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })).toBe('low');
    expect(anyone({ StringEquals: { 'AWS:SourceAccount': ACCOUNT } })).toBe('low');
    expect(
      anyone({ StringLike: { 'aws:UserAgent': '*' }, StringEquals: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } }),
    ).toBe('low');
    const kms = one(
      record({
        eventSource: 'kms.amazonaws.com',
        eventName: 'PutKeyPolicy',
        requestParameters: {
          keyId: 'k',
          policy: JSON.stringify({
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: '*' },
                Action: 'kms:Decrypt',
                Resource: '*',
                Condition: { StringLike: { 'kms:ViaService': '*' } },
              },
            ],
          }),
        },
      }),
    );
    expect(kms.severity).toBe('high');
  });

  it('rates ingress from any range of /8 or wider (IPv6: /16) high: 0.0.0.0/0 split in halves is still the internet', () => {
    const ingress = (ipPermissions: unknown) =>
      one(
        record({
          eventName: 'AuthorizeSecurityGroupIngress',
          requestParameters: { groupId: 'sg-1', ipPermissions },
        }),
      ).severity;
    expect(ingress([{ ipRanges: [{ cidrIp: '0.0.0.0/1' }, { cidrIp: '128.0.0.0/1' }] }])).toBe('high');
    expect(ingress({ items: [{ ipRanges: { items: [{ cidrIp: '64.0.0.0/8' }] } }] })).toBe('high');
    expect(ingress([{ ipv6Ranges: [{ cidrIpv6: '2000::/3' }] }])).toBe('high');
    expect(ingress([{ ipv6Ranges: [{ cidrIpv6: '2001::/16' }] }])).toBe('high');
    expect(ingress([{ ipRanges: [{ cidrIp: '64.0.0.0/9' }] }])).toBe('low');
    expect(ingress([{ ipv6Ranges: [{ cidrIpv6: '2001:db8::/32' }] }])).toBe('low');
    // Wide but private: no internet address in them.
    expect(ingress([{ ipRanges: [{ cidrIp: '10.0.0.0/8' }] }])).toBe('low');
    expect(ingress([{ ipv6Ranges: [{ cidrIpv6: 'fd00::/8' }] }])).toBe('low');
    expect(ingress([{ ipRanges: [{ cidrIp: '0.0.0.0/1/x' }, { cidrIp: 'anywhere' }] }])).toBe('low');
    const legacy = one(
      record({
        eventName: 'AuthorizeSecurityGroupIngress',
        requestParameters: { groupId: 'sg-1', cidrIp: '0.0.0.0/2' },
      }),
    );
    expect(legacy.severity).toBe('high');
    const rds = one(
      record({
        eventSource: 'rds.amazonaws.com',
        eventName: 'AuthorizeDBSecurityGroupIngress',
        requestParameters: { dBSecurityGroupName: 'db', cIDRIP: '128.0.0.0/1' },
      }),
    );
    expect(rds.severity).toBe('high');
  });

  it('rates snapshots and images shared with another account or "all" high (TA0010 / T1537), removals low', () => {
    expect(byName('ModifySnapshotAttribute')).toMatchObject({
      severity: 'high',
      attack: { tactics: ['TA0010'], techniques: ['T1537'] },
    });
    const image = (launchPermission: unknown) =>
      one(
        record({
          eventName: 'ModifyImageAttribute',
          requestParameters: { imageId: 'ami-1', attributeType: 'launchPermission', launchPermission },
        }),
      ).severity;
    expect(image({ add: { items: [{ group: 'all' }] } })).toBe('high');
    expect(image({ remove: { items: [{ userId: '444455556666' }] } })).toBe('low');
  });

  it('rates console sign-in failures and sign-ins without MFA medium; federated sign-ins are not "without MFA"', () => {
    expect(fixture('eventbridge-console-signin.json')[0]).toMatchObject({
      severity: 'medium',
      attack: { tactics: ['TA0006'], techniques: ['T1110'] },
      actor: 'arn:aws:iam::111122223333:user/alice',
      context: { console_login: 'Failure', error_message: 'Failed authentication', mfa_used: 'No' },
    });
    const logins = records.filter((e) => e.kind === 'signin.amazonaws.com:ConsoleLogin');
    expect(logins.map((e) => [e.title.split(':')[0], e.severity])).toEqual([
      ['console sign-in', 'low'],
      ['console sign-in failed', 'medium'],
      ['console sign-in without MFA', 'medium'],
      ['console sign-in', 'low'], // SSO: MFA happens at the identity provider
      ['console sign-in; root user signed in or created an access key', 'critical'],
    ]);
    expect(logins[2]?.attack).toEqual({ tactics: ['TA0001'], techniques: ['T1078.004'] });
  });

  it('rates any root use high, root sign-in and root access keys critical, and failed root sign-ins high', () => {
    const root = {
      type: 'Root',
      principalId: ACCOUNT,
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      accountId: ACCOUNT,
    };
    const describe = one(record({ userIdentity: root }));
    expect(describe).toMatchObject({
      severity: 'high',
      actor: `arn:aws:iam::${ACCOUNT}:root`,
      attack: { techniques: ['T1078.004'] },
    });
    expect(describe.resources).toContainEqual({
      type: 'aws.account',
      id: ACCOUNT,
      arn: `arn:aws:iam::${ACCOUNT}:root`,
    });
    expect(
      one(record({ userIdentity: root, eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey' }))
        .severity,
    ).toBe('critical');
    const failed = one(
      record({
        userIdentity: root,
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        responseElements: { ConsoleLogin: 'Failure' },
      }),
    );
    expect(failed.severity).toBe('high');
    expect(one(record({ userIdentity: root, eventType: 'AwsServiceEvent' })).severity).toBe('low');
  });

  it('raises a denied call to a listed API to medium (probing) and leaves denied unlisted calls low', () => {
    expect(byName('ListUsers')).toMatchObject({
      severity: 'medium',
      context: { error_code: 'AccessDenied' },
      attack: { tactics: ['TA0007'], techniques: ['T1087.004'] },
    });
    expect(byName('ListUsers').title).toContain('(failed: AccessDenied)');
    expect(one(record({ errorCode: 'Client.UnauthorizedOperation' })).severity).toBe('low');
    const denied = one(
      record({
        eventName: 'DescribeInstanceAttribute',
        requestParameters: { instanceId: 'i-1', attribute: 'userData' },
        errorCode: 'Client.UnauthorizedOperation',
      }),
    );
    expect(denied.severity).toBe('medium');
    expect(one(record({ eventName: 'DescribeInstanceAttribute' })).severity).toBe('low');
  });

  it('rates KMS key deletion, organization exits, SSM commands and GPU launches per the table', () => {
    expect(byName('ScheduleKeyDeletion')).toMatchObject({
      severity: 'high',
      attack: { techniques: ['T1485'] },
    });
    expect(byName('LeaveOrganization').severity).toBe('critical');
    expect(byName('SendCommand')).toMatchObject({ severity: 'medium', attack: { techniques: ['T1651'] } });
    expect(byName('RunInstances')).toMatchObject({
      severity: 'medium',
      attack: { techniques: ['T1578.002', 'T1496'] },
    });
    expect(byName('GetSecretValue')).toMatchObject({
      severity: 'low',
      attack: { techniques: ['T1555.006'] },
    });
    expect(byName('GetPasswordData').severity).toBe('medium');
  });

  it('looks Lambda versioned names up without their API version, and only for the service they belong to', () => {
    expect(byName('UpdateFunctionConfiguration20150331v2').severity).toBe('high'); // layer from another account
    expect(
      one(record({ eventSource: 'lambda.amazonaws.com', eventName: 'UpdateFunctionCode20150331v2' }))
        .severity,
    ).toBe('medium');
    // Transfer Family and Amazon MQ have a CreateUser too.
    expect(one(record({ eventSource: 'transfer.amazonaws.com', eventName: 'CreateUser' })).severity).toBe(
      'low',
    );
    expect(one(record({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser' })).severity).toBe('high');
  });

  it('defaults calls the table does not list to low, with no ATT&CK ids', () => {
    expect(one(record())).toMatchObject({
      severity: 'low',
      title: 'DescribeRegions by bob',
      attack: { tactics: [], techniques: [] },
    });
  });

  it('keeps the table consistent: every condition it names exists, every severity is known', () => {
    expect(RISK_ROWS.size).toBeGreaterThan(80);
    const named = Object.values((riskTable as unknown as RiskTableData).events).flatMap((row) =>
      (row.when ?? []).map((c) => c.test),
    );
    for (const test of named) expect(Object.keys(CONDITIONS)).toContain(test);
    const broken = (events: RiskTableData['events']) => () =>
      loadRiskRows({ ...(riskTable as unknown as RiskTableData), events });
    expect(broken({ X: { severity: 'urgent', title: 'x' } })).toThrow(/unknown severity "urgent"/);
    expect(
      broken({ X: { severity: 'low', title: 'x', when: [{ test: 'nope', severity: 'high', title: 'y' }] } }),
    ).toThrow(/unknown test "nope"/);
  });
});

describe('CloudTrail containers', () => {
  it('normalizes a log file (Records[]) through normalizeInput, one event per record with its pointer', () => {
    const events = fixture('log-file.json');
    expect(events.map((e) => [e.kind, e.severity, e.raw_pointer])).toEqual([
      ['ec2.amazonaws.com:StartInstances', 'low', '/Records/0'],
      ['iam.amazonaws.com:CreateLoginProfile', 'medium', '/Records/1'],
      ['kms.amazonaws.com:GenerateDataKey', 'low', '/Records/2'],
    ]);
    expect(events[2]?.resources[0]).toEqual({
      type: 'aws.kms.key',
      id: 'cloudtrail-logs',
      arn: 'arn:aws:kms:eu-west-1:111122223333:alias/cloudtrail-logs',
    });
    expect(events[2]?.resources[1]).toMatchObject({
      type: 'aws.kms.key',
      id: '5e6f7a8b-9c0d-4e1f-2a3b-4c5d6e7f8a9b',
    });
    expect(events[2]?.actor).toBe('cloudtrail.amazonaws.com');
    expect(rejection({ Records: [record(), record(), record({ eventTime: 'soon' })] })).toMatch(
      /\$\.Records\[2\]\.eventTime/,
    );
  });

  it('claims an EventBridge API-call event from aws.guardduty (it is CloudTrail, not a finding)', () => {
    const [event] = fixture('eventbridge-guardduty-api-call.json');
    expect(event).toMatchObject({
      vendor: 'cloudtrail',
      kind: 'guardduty.amazonaws.com:UpdateDetector',
      severity: 'high',
      // detail has no awsRegion / recipientAccountId: the envelope's are used
      region: 'eu-central-1',
      account: ACCOUNT,
      vendor_id: '4d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a',
      raw_pointer: '',
      context: {
        eventbridge_source: 'aws.guardduty',
        detail_type: 'AWS API Call via CloudTrail',
        eventbridge_id: '0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
      },
    });
    expect(event?.payload).toHaveProperty('detail-type');
    expect(
      rejection({
        ...JSON.parse(
          readFileSync(join(FIXTURES_DIR, 'cloudtrail', 'eventbridge-guardduty-api-call.json'), 'utf8'),
        ),
        detail: { ...record(), eventTime: 12 },
      }),
    ).toMatch(/\$\.detail\.eventTime/);
  });

  it.each([
    'AWS API Call via CloudTrail',
    'AWS Console Sign In via CloudTrail',
    'AWS Service Event via CloudTrail',
    'AWS Console Action via CloudTrail',
  ])('accepts EventBridge "%s" events', (detailType) => {
    const event = one({
      version: '0',
      id: 'e1',
      'detail-type': detailType,
      source: 'aws.ec2',
      account: ACCOUNT,
      time: '2026-03-14T12:00:00Z',
      region: 'eu-west-1',
      resources: [],
      detail: record(),
    });
    expect(event.vendor).toBe('cloudtrail');
    expect(event.context.detail_type).toBe(detailType);
  });

  it('reads `aws cloudtrail lookup-events` output, parsing each CloudTrailEvent string', () => {
    const events = fixture('lookup-events.json');
    expect(events.map((e) => [e.kind, e.severity, e.raw_pointer, e.vendor_id])).toEqual([
      [
        'cloudtrail.amazonaws.com:DeleteTrail',
        'critical',
        '/Events/0',
        '5b4a3928-1706-4f5e-9d8c-7b6a59483726',
      ],
      ['sts.amazonaws.com:GetCallerIdentity', 'low', '/Events/1', '6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f'],
    ]);
    // The payload kept is the item as received, with the record still a string.
    expect(typeof events[0]?.payload.CloudTrailEvent).toBe('string');
    const item = JSON.parse(readFileSync(join(FIXTURES_DIR, 'cloudtrail', 'lookup-events.json'), 'utf8'))
      .Events[0];
    expect(one(item).kind).toBe('cloudtrail.amazonaws.com:DeleteTrail');
  });

  it('rejects a CloudTrailEvent that is not a safe JSON record, naming the path inside it', () => {
    const item = (CloudTrailEvent: string) => ({
      Events: [{ EventId: 'e', EventName: 'X', CloudTrailEvent }],
    });
    expect(rejection(item('{oops'))).toMatch(/\$\.Events\[0\]\.CloudTrailEvent: invalid JSON: /);
    expect(rejection(item('[1,2]'))).toMatch(/CloudTrailEvent: does not hold a JSON object/);
    expect(rejection(item(JSON.stringify({ ...record(), eventTime: 'later' })))).toMatch(
      /\$\.Events\[0\]\.CloudTrailEvent\.eventTime: timestamp "later" does not parse/,
    );
    expect(rejection(item('{"eventName":"X","requestParameters":{"__proto__":{"polluted":true}}}'))).toMatch(
      /CloudTrailEvent\.requestParameters\.__proto__: key "__proto__" is not accepted/,
    );
    expect(rejection(item(`${'{"a":'.repeat(70)}1${'}'.repeat(70)}`))).toMatch(
      /nesting is deeper than 64 levels/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('needs eventName when forced onto a payload that is not CloudTrail', () => {
    expect(rejection({ rule: 'x', priority: 'Warning' }, 'cloudtrail')).toMatch(
      /\$\.eventName: required string is missing/,
    );
    expect(rejection(record({ eventName: 5 }), 'cloudtrail')).toMatch(
      /\$\.eventName: expected a string, got a number/,
    );
  });
});

// Megabyte strings in the fields the normalizer runs a regex on. Speed is measured in benchmarks, not
// asserted here: each test asserts what only holds when the string is bounded before the regex, and
// where the regex itself was the problem the failure mode is a hang, which vitest's 30 s per-test
// timeout turns into a failure (vitest checks the elapsed time even when synchronous code held up its
// timer; the 1 MiB type below cost the old case-splitting regex about 6 minutes).
describe('CloudTrail on megabyte strings', () => {
  const MIB = 1024 * 1024;
  const large = (value: unknown): SecurityEvent => {
    const events = normalizeInput(Buffer.from(JSON.stringify(value)), {
      name: 'cloudtrail.json',
      receivedAt: '2026-01-01T00:00:00.000Z',
      limits: { maxPayloadBytes: 8 * MIB, maxDepth: 64 },
    });
    expect(events).toHaveLength(1);
    return events[0] as SecurityEvent;
  };
  const listed = (resource: Record<string, unknown>) =>
    large(record({ eventSource: 's3.amazonaws.com', eventName: 'GetObject', resources: [resource] }))
      .resources;

  it('snake-cases CloudFormation types: an acronym ends where the next word starts', () => {
    const types = [
      'AWS::RDS::DBInstance',
      'AWS::IAM::SAMLProvider',
      'AWS::EC2::VPCEndpoint',
      'AWS::SecretsManager::Secret',
    ];
    expect(types.map((type) => listed({ ARN: 'arn:aws:s3:::b', type })[0]?.type)).toEqual([
      'aws.rds.db_instance',
      'aws.iam.saml_provider',
      'aws.ec2.vpc_endpoint',
      'aws.secretsmanager.secret',
    ]);
  });

  it('types a 1 MiB resources[].type as aws.resource, never giving it to the case-splitting regex', () => {
    for (const type of [
      `AWS::S3::${'A'.repeat(MIB)}`,
      `AWS::S3::${'Ab'.repeat(MIB / 2)}`,
      'AWS::'.repeat(MIB / 5),
    ]) {
      expect(listed({ ARN: 'arn:aws:s3:::b', type })[0]).toEqual({
        type: 'aws.resource',
        id: 'b',
        arn: 'arn:aws:s3:::b',
      });
    }
  });

  it('types an ARN whose kind or service is 1 MiB long as aws.resource', () => {
    const kind = listed({ ARN: `arn:aws:ecr:us-east-1:123456789012:${'A'.repeat(MIB)}/x` })[0];
    expect(kind?.type).toBe('aws.resource');
    const service = listed({ ARN: `arn:aws:${'A'.repeat(MIB)}:us-east-1:123456789012:repository/x` })[0];
    expect(service?.type).toBe('aws.resource');
    expect(listed({ ARN: 'arn:aws:ecr:us-east-1:123456789012:repository/x' })[0]?.type).toBe(
      'aws.ecr.repository',
    );
  });

  it('does not look up a 1 MiB eventName as a versioned Lambda name: no row is that long', () => {
    // Were the version-suffix regex given the whole name, it would strip the suffix and find the row (medium).
    const eventName = `UpdateFunctionCode20150331v${'2'.repeat(MIB)}`;
    expect(large(record({ eventSource: 'lambda.amazonaws.com', eventName })).severity).toBe('low');
  });

  it('reads the account of a principal ARN within the span a partition allows, not a megabyte later', () => {
    const addPermission = (principal: string) =>
      large(
        record({
          eventSource: 'lambda.amazonaws.com',
          eventName: 'AddPermission',
          requestParameters: { functionName: 'f', principal, action: 'lambda:InvokeFunction' },
        }),
      ).severity;
    expect(addPermission('arn:aws:iam::444455556666:root')).toBe('high');
    expect(addPermission(`arn:aws${'a'.repeat(MIB)}:iam::444455556666:root`)).toBe('low');
  });

  it('reads a GPU family from the start of a 1 MiB instance type', () => {
    const launch = (instanceType: string) =>
      large(record({ eventName: 'RunInstances', requestParameters: { instanceType } })).severity;
    expect(launch(`p5${'x'.repeat(MIB)}`)).toBe('medium');
    expect(launch(`t3${'p5'.repeat(MIB / 2)}`)).toBe('low');
  });

  it('evaluates policies and ranges of any length without regexes: padding does not hide a grant', () => {
    const put = (statement: Record<string, unknown>) =>
      large(
        record({
          eventSource: 'iam.amazonaws.com',
          eventName: 'PutUserPolicy',
          requestParameters: {
            userName: 'bob',
            policyDocument: { Statement: [{ Effect: 'Allow', ...statement }] },
          },
        }),
      ).severity;
    expect(put({ Action: '*'.repeat(MIB), Resource: `arn:aws:${'*'.repeat(MIB)}` })).toBe('critical');
    expect(put({ Action: '*', Resource: `arn:${'a'.repeat(MIB)}:*` })).toBe('medium');
    const ingress = (cidrIp: string) =>
      large(
        record({
          eventName: 'AuthorizeSecurityGroupIngress',
          requestParameters: { groupId: 'sg-1', cidrIp },
        }),
      ).severity;
    expect(ingress(`${' '.repeat(MIB)}0.0.0.0/1`)).toBe('high');
    expect(ingress(`0.0.0.0/${'1'.repeat(MIB)}`)).toBe('low');
  });
});

const detect = (payload: unknown): boolean => cloudtrail.detect(payload as JsonObject);

describe('CloudTrail detection', () => {
  it('claims records by eventName plus a CloudTrail field, and Panther-labelled trimmed records', () => {
    expect(detect(record())).toBe(true);
    expect(detect({ eventName: 'CreateUser', awsRegion: 'us-east-1' })).toBe(true);
    expect(detect({ eventName: 'CreateUser', p_log_type: 'AWS.CloudTrail' })).toBe(true);
    expect(detect({ eventName: 'CreateUser' })).toBe(false);
    expect(detect({ eventName: 5, eventSource: 'iam.amazonaws.com' })).toBe(false);
  });

  it('does not claim OCSF events mapped from CloudTrail, GuardDuty findings, or insight events', () => {
    expect(detect({ ...record(), class_uid: 6003 })).toBe(false);
    expect(
      detect({
        'detail-type': 'GuardDuty Finding',
        source: 'aws.guardduty',
        detail: { type: 'Recon:EC2/PortProbeUnprotectedPort' },
      }),
    ).toBe(false);
    expect(
      detect({
        'detail-type': 'AWS Insight via CloudTrail',
        detail: { insightDetails: { eventName: 'x' } },
      }),
    ).toBe(false);
    expect(detect({ 'detail-type': 'AWS API Call via CloudTrail', detail: { eventSource: 'x' } })).toBe(
      false,
    );
  });

  const otherVendors = [
    'guardduty',
    'securityhub-asff',
    'ocsf',
    'falco',
    'datadog',
    'sentinel',
    'splunk',
    'elastic',
  ]
    .flatMap((folder) => corpusFiles(folder))
    .filter((file) => !/raw-inputs\/.*CloudTrail/.test(file));
  describe.skipIf(!corpusAvailable)("other vendors' corpus payloads", () => {
    it.each(otherVendors.map((f) => [shortName(f), f]))('does not claim %s', (_name, file) => {
      for (const document of readDocuments(readFileSync(file), shortName(file))) {
        for (const unit of unwrapDocument(document)) expect(cloudtrail.detect(unit.reader.value)).toBe(false);
      }
    });
  });
});

/** How many CloudTrail records a corpus file holds, counted independently of the normalizer. */
function recordCount(file: string): number {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.ndjson')) return text.split('\n').filter((line) => line.trim() !== '').length;
  const value = JSON.parse(text);
  return Array.isArray(value.Records) ? value.Records.length : 1;
}

describe.skipIf(!corpusAvailable)('the CloudTrail corpus', () => {
  const files = corpusFiles('cloudtrail');

  it('holds the files the brief counts', () => {
    expect(files.length).toBe(526);
  });

  it.each(files.map((f) => [relative(join(CORPUS_DIR, 'cloudtrail'), f), f]))(
    'normalizes %s, auto-detected, one valid event per record',
    (_name, file) => {
      const events = normalizeFile(file);
      expect(events).toHaveLength(recordCount(file));
      const validate = securityEventValidator();
      for (const event of events) {
        expect(event.vendor).toBe('cloudtrail');
        expect(validate(event)).toBe(true);
      }
    },
  );

  it.each(
    corpusFiles('ocsf/ocsf-examples/raw-inputs')
      .filter((f) => /CloudTrail/.test(f))
      .map((f) => [basename(f), f]),
  )('normalizes the OCSF example raw input %s as cloudtrail', (_name, file) => {
    const [event] = normalizeFile(file);
    expect(event?.vendor).toBe('cloudtrail');
    expect(event?.kind).toMatch(/^[a-z0-9-]+\.amazonaws\.com:[A-Za-z]+$/);
  });

  // Stratus Red Team detonation logs: one ATT&CK technique per file, captured from real accounts.
  // Bursts of single reads need correlation across records, which one record cannot show.
  const NOT_CAUGHT: Record<string, string> = {
    'aws.credential-access.secretsmanager-retrieve-secrets': 'GetSecretValue x20: a burst of ordinary reads',
    'aws.credential-access.ssm-retrieve-securestring-parameters':
      'GetParameters x5: a burst of ordinary reads',
  };
  const stratus = corpusFiles('cloudtrail/records/stratus-red-team');

  it('has the 35 technique files', () => {
    expect(stratus).toHaveLength(35);
  });

  it.each(stratus.map((f) => [basename(f, '.ndjson'), f]))(
    'rates the attack in %s medium or above',
    (technique, file) => {
      const max = maxSeverity(normalizeFile(file));
      if (Object.hasOwn(NOT_CAUGHT, technique)) expect(max).toBe('low');
      else expect(RANK[max]).toBeGreaterThanOrEqual(RANK.medium);
    },
  );

  it.each([
    ['aws.defense-evasion.cloudtrail-stop', 'critical', 'T1562.008'],
    ['aws.persistence.iam-backdoor-user', 'high', 'T1098.001'],
    ['aws.exfiltration.ec2-share-ebs-snapshot', 'high', 'T1537'],
    ['aws.exfiltration.ec2-security-group-open-port-22-ingress', 'high', 'T1562.007'],
    ['aws.initial-access.console-login-without-mfa', 'medium', 'T1078.004'],
    ['aws.persistence.iam-create-admin-user', 'critical', 'T1098.003'],
    ['aws.defense-evasion.organizations-leave', 'critical', 'T1666'],
  ])('maps %s to %s with %s', (technique, severity, attackId) => {
    const events = normalizeFile(
      join(CORPUS_DIR, 'cloudtrail/records/stratus-red-team', `${technique}.ndjson`),
    );
    const top = events.filter((e) => e.severity === severity);
    expect(top.length).toBeGreaterThan(0);
    expect(top.some((e) => e.attack.techniques.includes(attackId))).toBe(true);
  });
});

describe('fixtures', () => {
  it.each(fixtureFiles('cloudtrail').map((f) => [shortName(f), f]))(
    '%s normalizes as cloudtrail',
    (_name, file) => {
      const events = normalizeFile(file);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(event.vendor).toBe('cloudtrail');
    },
  );
});
