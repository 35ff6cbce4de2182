import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tacticId, techniqueId } from '../../src/ingest/attack.js';
import attackTable from '../../src/ingest/data/guardduty-attack.json' with { type: 'json' };
import { normalizeInput } from '../../src/ingest/normalize.js';
import { guardduty } from '../../src/ingest/normalizers/guardduty.js';
import { detectNormalizer } from '../../src/ingest/registry.js';
import type { JsonObject, JsonValue } from '../../src/json.js';
import type { ValueOptions } from '../helpers/corpus.js';
import {
  CORPUS_DIR,
  corpusAvailable,
  corpusFiles,
  eventsDetectedAs,
  FIXTURES_DIR,
  fixtureFiles,
  fixtureJson,
  normalizeFile,
  normalizeValue,
  payloadsOf,
  payloadsOfOtherVendors,
  rejection,
  shortName,
} from '../helpers/corpus.js';

const fixturePath = (name: string) => join(FIXTURES_DIR, 'guardduty', name);
const fixture = (name: string) => normalizeFile(fixturePath(name));

const run = (value: unknown, options: ValueOptions = {}) => normalizeValue(value, 'guardduty.json', options);

/** A minimal bare finding in GetFindings' camelCase. */
function finding(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: '2.0',
    accountId: '123456789012',
    region: 'us-east-1',
    partition: 'aws',
    id: '0123456789abcdef0123456789abcdef',
    type: 'Behavior:EC2/NetworkPortUnusual',
    resource: { resourceType: 'Instance', instanceDetails: { instanceId: 'i-0123456789abcdef0' } },
    service: { serviceName: 'guardduty', archived: false, count: 1 },
    severity: 5,
    createdAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-02-01T10:05:00.000Z',
    title: 'Unusual port',
    ...over,
  };
}

/** The sample EventBridge event with `detail` changed at one path. */
function sampleWith(path: readonly string[], value: unknown): JsonObject {
  const event = fixtureJson('guardduty', 'sample.json');
  let node = event as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return event;
}

describe('GuardDuty findings', () => {
  it('puts a long-term access key first: it is what gets deactivated', () => {
    const details = {
      accessKeyId: 'AKIA4EXAMPLELONGTERM',
      userName: 'ci-deployer',
      userType: 'IAMUser',
      principalId: 'AIDAEXAMPLE',
    };
    const payload = sampleWith(['detail', 'resource', 'accessKeyDetails'], details);
    const event = normalizeValue(payload, 'guardduty.json')[0];
    expect(event?.resources.map((r) => r.type)).toEqual(['aws.iam.access_key', 'aws.iam.user']);
  });

  it('maps instance credentials used outside AWS to the instance role (first: its sessions get revoked), the key and the attacker IP', () => {
    const [event, ...rest] = fixture('sample.json');
    expect(rest).toHaveLength(0);
    expect(event).toMatchObject({
      vendor: 'guardduty',
      source: 'threatintel',
      severity: 'high',
      kind: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
      title: 'Credentials for instance role orders-api-instance-role used from external IP address.',
      resource: 'arn:aws:iam::123456789012:role/orders-api-instance-role',
      account: '123456789012',
      region: 'eu-west-1',
      actor: 'arn:aws:iam::123456789012:role/orders-api-instance-role',
      timestamp: '2026-03-02T08:11:37.000Z',
      vendor_id: '5ac3a1e8c7f24b1e9d3c0f6b8a2e4d71@2026-03-02T08:15:20.905Z',
      raw_pointer: '/detail',
      indicators: [{ type: 'ip', value: '203.0.113.45' }],
      attack: { tactics: ['TA0006'], techniques: ['T1552.005', 'T1078.004'] },
    });
    expect(event?.resources).toEqual([
      {
        type: 'aws.iam.role',
        id: 'orders-api-instance-role',
        arn: 'arn:aws:iam::123456789012:role/orders-api-instance-role',
      },
      { type: 'aws.iam.access_key', id: 'ASIA4EXAMPLE7QK3ZP2M', name: 'orders-api-instance-role' },
    ]);
    expect(event?.context).toMatchObject({
      vendor_severity: '8',
      finding_type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
      count: '3',
      sample: 'false',
      archived: 'false',
      active: 'true',
      api: 'ListBuckets',
      first_seen: '2026-03-02T07:58:10.000Z',
      link: 'https://eu-west-1.console.aws.amazon.com/guardduty/home?region=eu-west-1#/findings?macros=current&fId=5ac3a1e8c7f24b1e9d3c0f6b8a2e4d71',
    });
  });

  it.each([
    [1, 'low'],
    [3.9, 'low'],
    [4, 'medium'],
    [5.5, 'medium'],
    [6.9, 'medium'],
    [7, 'high'],
    [8, 'high'],
    [8.9, 'high'],
    [9, 'critical'],
    [10, 'critical'],
    ['7.5', 'high'],
  ])('maps GuardDuty severity %s to %s per the documented bands', (severity, expected) => {
    expect(run(finding({ severity }))[0]?.severity).toBe(expected);
  });

  it('refuses a severity off the 0–10 scale or of the wrong type, naming the field', () => {
    expect(rejection(finding({ severity: 11 }), 'guardduty.json')).toBe(
      "guardduty.json: $.severity: 11 is outside GuardDuty's documented 0–10 severity scale",
    );
    expect(rejection(finding({ severity: -1 }), 'guardduty.json')).toMatch(
      /^guardduty\.json: \$\.severity: -1 is outside/,
    );
    expect(rejection(finding({ severity: 'HIGH' }), 'guardduty.json')).toBe(
      'guardduty.json: $.severity: expected a number, got a string "HIGH"',
    );
    expect(rejection(finding({ severity: undefined }), 'guardduty.json', { source: 'guardduty' })).toBe(
      'guardduty.json: $.severity: required GuardDuty severity is missing',
    );
  });

  it('refuses wrong types and unparseable timestamps, naming the JSON path', () => {
    expect(rejection(sampleWith(['detail', 'updatedAt'], 'yesterday'), 'guardduty.json')).toBe(
      'guardduty.json: $.detail.updatedAt: timestamp "yesterday" does not parse',
    );
    expect(
      rejection(sampleWith(['detail', 'service', 'eventLastSeen'], '2026-13-45T99:00:00Z'), 'guardduty.json'),
    ).toBe('guardduty.json: $.detail.service.eventLastSeen: timestamp "2026-13-45T99:00:00Z" does not parse');
    expect(
      rejection(sampleWith(['detail', 'resource', 'accessKeyDetails', 'userName'], 42), 'guardduty.json'),
    ).toBe(
      'guardduty.json: $.detail.resource.accessKeyDetails.userName: expected a string, got a number "42"',
    );
    expect(rejection(sampleWith(['detail', 'resource'], ['AccessKey']), 'guardduty.json')).toBe(
      'guardduty.json: $.detail.resource: expected an object, got an array',
    );
    expect(rejection(sampleWith(['detail', 'type'], undefined), 'guardduty.json')).toBe(
      'guardduty.json: $.detail.type: required string is missing',
    );
    const probe = fixtureJson('guardduty', 'cli-port-probe.json');
    (probe.Service as JsonObject).Action = { PortProbeAction: { PortProbeDetails: ['192.0.2.10'] } };
    // Errors spell the path as the payload does, PascalCase here.
    expect(rejection(probe, 'guardduty.json')).toBe(
      'guardduty.json: $.Service.Action.PortProbeAction.PortProbeDetails[0]: expected an object, got a string "192.0.2.10"',
    );
  });

  it('reads the AWS CLI PascalCase output the same way: instance ARN, instance profile, every probing IP', () => {
    const [event] = fixture('cli-port-probe.json');
    expect(event).toMatchObject({
      severity: 'low',
      kind: 'Recon:EC2/PortProbeUnprotectedPort',
      resource: 'arn:aws:ec2:ap-southeast-2:123456789012:instance/i-0f1e2d3c4b5a69788',
      region: 'ap-southeast-2',
      raw_pointer: '',
      attack: { tactics: ['TA0043'], techniques: ['T1595'] },
      indicators: [
        { type: 'ip', value: '192.0.2.10' },
        { type: 'ip', value: '192.0.2.11' },
      ],
      context: { count: '27', action_type: 'PORT_PROBE' },
    });
    expect(event?.resources[1]).toEqual({
      type: 'aws.iam.instance_profile',
      id: 'bastion-profile',
      arn: 'arn:aws:iam::123456789012:instance-profile/bastion-profile',
    });
  });

  it('splits a GetFindings response into one event per finding, each pointing at its item', () => {
    const [c2, stealth, ...rest] = fixture('get-findings.json');
    expect(rest).toHaveLength(0);
    expect(c2).toMatchObject({
      raw_pointer: '/Findings/0',
      kind: 'Backdoor:EC2/C&CActivity.B!DNS',
      severity: 'high',
      indicators: [{ type: 'domain', value: 'update.c2-relay.example' }],
      attack: { tactics: ['TA0011'] },
    });
    expect(stealth).toMatchObject({
      raw_pointer: '/Findings/1',
      severity: 'low',
      actor: 'arn:aws:iam::123456789012:root',
      attack: { tactics: ['TA0005'], techniques: ['T1562.008'] },
    });
    expect(stealth?.resources).toContainEqual({
      type: 'aws.cloudtrail.trail',
      id: 'org-trail',
      arn: 'arn:aws:cloudtrail:us-east-2:123456789012:trail/org-trail',
    });
    expect(c2?.payload).toEqual((fixtureJson('guardduty', 'get-findings.json').Findings as JsonValue[])[0]);
  });

  it('maps an EKS Runtime Monitoring finding to source runtime: pod, container, node, then cluster, and miner hash', () => {
    const [event] = fixture('eventbridge-eks-runtime-cryptominer.json');
    expect(event).toMatchObject({
      source: 'runtime',
      severity: 'high',
      // Containment acts on the first resource: the compromised pod, not the whole cluster.
      resource: 'k8s.pod:payments/checkout-7d9f8b6c5-q2w4e',
      attack: { tactics: ['TA0040'], techniques: ['T1496'] },
      indicators: [
        { type: 'domain', value: 'xmr-eu1.nanopool.example' },
        { type: 'sha256', value: '9f2b5c7d1e3a4b6c8d0e2f4a6b8c0d1e3f5a7b9c1d2e4f6a8b0c2d4e6f8a0b1c' },
      ],
      context: { process: '/tmp/.cache/kworkerds', feature: 'RuntimeMonitoring' },
    });
    expect(event?.resources.map((r) => `${r.type}:${r.id}`)).toEqual([
      'k8s.pod:payments/checkout-7d9f8b6c5-q2w4e',
      'container:4b7e1c9a2d3f',
      'aws.ec2.instance:i-0c4d5e6f7a8b9c0d1',
      'aws.eks.cluster:prod-payments',
    ]);
  });

  it('names the EKS cluster first when the finding names no workload in it (a Kubernetes audit finding)', () => {
    const [event] = run(
      finding({
        type: 'Policy:Kubernetes/AnonymousAccessGranted',
        resource: {
          resourceType: 'EKSCluster',
          eksClusterDetails: { name: 'prod-payments' },
          kubernetesDetails: { kubernetesUserDetails: { username: 'system:anonymous' } },
        },
      }),
    );
    expect(event?.resource).toBe('arn:aws:eks:us-east-1:123456789012:cluster/prod-payments');
    expect(event?.actor).toBe('system:anonymous');
  });

  it('maps an ECS reverse shell to the task first, its container, then the cluster, with the remote end', () => {
    const [event] = fixture('ecs-runtime-reverse-shell.json');
    expect(event).toMatchObject({
      source: 'runtime',
      resource: 'arn:aws:ecs:us-east-1:123456789012:task/web-prod/8f7e6d5c4b3a29180f1e2d3c4b5a6978',
      attack: { tactics: ['TA0002'], techniques: ['T1059'] },
    });
    expect(event?.resources).toEqual([
      {
        type: 'aws.ecs.task',
        id: 'web-prod/8f7e6d5c4b3a29180f1e2d3c4b5a6978',
        arn: 'arn:aws:ecs:us-east-1:123456789012:task/web-prod/8f7e6d5c4b3a29180f1e2d3c4b5a6978',
      },
      { type: 'container', id: '9c8b7a6f5e4d', name: 'public.ecr.aws/acme/storefront:5.2.0' },
      { type: 'aws.ecs.cluster', id: 'web-prod', arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/web-prod' },
    ]);
    expect(event?.indicators[0]).toEqual({ type: 'ip', value: '192.0.2.66' });
  });

  it('marks an archived finding inactive and names the bucket first, the key and its user after', () => {
    const [event] = fixture('finding-s3-exfiltration-archived.json');
    expect(event).toMatchObject({
      severity: 'high',
      resource: 'arn:aws:s3:::acme-customer-exports',
      actor: 'arn:aws:iam::123456789012:user/ci-deployer',
      attack: { tactics: ['TA0010', 'TA0009'], techniques: ['T1530'] },
      context: { archived: 'true', active: 'false', count: '41' },
    });
    expect(event?.resources.map((r) => r.type)).toEqual([
      'aws.s3.bucket',
      'aws.iam.access_key',
      'aws.iam.user',
    ]);
  });

  it('shows a generated sample as one: context.sample and a [SAMPLE] title', () => {
    const [event] = fixture('sample-lambda-backdoor.json');
    expect(event?.context.sample).toBe('true');
    expect(event?.title).toMatch(/^\[SAMPLE\] Lambda function GeneratedFindingFunctionName/);
    expect(event?.resources).toEqual([
      {
        type: 'aws.lambda.function',
        id: 'GeneratedFindingFunctionName',
        arn: 'arn:aws:lambda:eu-central-1:123456789012:function:GeneratedFindingFunctionName',
      },
      {
        type: 'aws.iam.role',
        id: 'GeneratedFindingLambdaRole',
        arn: 'arn:aws:iam::123456789012:role/GeneratedFindingLambdaRole',
      },
    ]);
  });

  it('reads Panther\'s "YYYY-MM-DD HH:MM:SS.fff" timestamps as UTC and names the database user as actor', () => {
    const [event] = fixture('rds-bruteforce-panther-time.json');
    expect(event).toMatchObject({
      timestamp: '2026-02-20T04:55:31.000Z',
      vendor_id: 'd4e5f6a7b8c9d0e1f2a3b4c5d6e7f809@2026-02-20T05:01:12.345Z',
      resource: 'arn:aws:rds:us-east-1:123456789012:db:orders-db-1',
      actor: 'app_admin',
      indicators: [{ type: 'ip', value: '198.51.100.200' }],
      attack: { tactics: ['TA0006'], techniques: ['T1110'] },
    });
  });

  it("takes an attack sequence's tactics, techniques, actor, resources and endpoints from its signals", () => {
    const [event] = fixture('attack-sequence.json');
    expect(event).toMatchObject({
      severity: 'critical',
      kind: 'AttackSequence:S3/CompromisedData',
      resource: 'arn:aws:s3:::acme-finance-reports',
      actor: 'arn:aws:iam::123456789012:user/analytics-etl',
      indicators: [{ type: 'ip', value: '203.0.113.99' }],
      context: { vendor_severity: '9.4', signals: '2' },
    });
    // "Data Destruction" comes without an id and is not guessed.
    expect(event?.attack).toEqual({
      tactics: ['TA0007', 'TA0010', 'TA0040', 'TA0009'],
      techniques: ['T1619', 'T1530'],
    });
    expect(event?.resources).toContainEqual({ type: 'aws.iam.access_key', id: 'AKIA4EXAMPLEETLKEY01' });
  });

  it('treats an updated finding as a new event and a re-delivery as the same event', () => {
    const first = run(fixtureJson('guardduty', 'sample.json'))[0];
    const again = normalizeInput(readFileSync(fixturePath('sample.json')))[0];
    const updated = run(sampleWith(['detail', 'updatedAt'], '2026-03-02T09:00:00.000Z'))[0];
    expect(again?.id).toBe(first?.id);
    expect(updated?.id).not.toBe(first?.id);
    expect(updated?.fingerprint).toBe(first?.fingerprint);
  });

  it.each([
    [
      'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS',
      ['TA0006'],
      ['T1552.005', 'T1078.004'],
    ],
    ['CryptoCurrency:EC2/BitcoinTool.B!DNS', ['TA0040'], ['T1496']],
    ['Recon:IAMUser/UserPermissions', ['TA0007'], ['T1087.004', 'T1069.003']],
    ['Trojan:EC2/DGADomainRequest.C!DNS', ['TA0011'], ['T1568.002']],
    ['Backdoor:EC2/DenialOfService.Tcp', ['TA0040'], ['T1498']],
    ['Discovery:S3/TorIPCaller', ['TA0007'], ['T1619']],
    ['PrivilegeEscalation:Runtime/RuncContainerEscape', ['TA0004'], ['T1611']],
    ['Behavior:EC2/NetworkPortUnusual', [], []],
    ['PenTest:IAMUser/KaliLinux', [], []],
    ['Policy:S3/BucketBlockPublicAccessDisabled', [], []],
  ])('maps finding type %s to tactics %j and techniques %j', (type, tactics, techniques) => {
    expect(run(finding({ type }))[0]?.attack).toEqual({ tactics, techniques });
  });

  it('keeps the ATT&CK table honest: every tactic name resolves and every technique id is well-formed', () => {
    for (const names of Object.values(attackTable.threatPurposes)) {
      for (const name of names) expect(tacticId(name), name).toMatch(/^TA\d{4}$/);
    }
    for (const [type, entry] of Object.entries(attackTable.findingTypes)) {
      expect(type).toMatch(/^[A-Za-z]+:[A-Za-z0-9*]+(\/.+)?$/);
      for (const name of ('tactics' in entry ? entry.tactics : []) as string[]) {
        expect(tacticId(name), `${type} ${name}`).toMatch(/^TA\d{4}$/);
      }
      for (const id of entry.techniques) expect(techniqueId(id), `${type} ${id}`).toBe(id);
    }
  });

  it('names the account when a finding names no resource, and builds no ARN from a malformed id', () => {
    const bare = run(finding({ resource: undefined }))[0];
    expect(bare?.resources).toEqual([{ type: 'aws.account', id: '123456789012' }]);
    const odd = run(
      finding({ resource: { resourceType: 'Instance', instanceDetails: { instanceId: 'i-../x' } } }),
    )[0];
    expect(odd?.resources).toEqual([{ type: 'aws.ec2.instance', id: 'i-../x' }]);
  });

  it('refuses a non-finding EventBridge event sent with --source guardduty', () => {
    const apiCall = { 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.guardduty', detail: {} };
    expect(rejection(apiCall, 'guardduty.json', { source: 'guardduty' })).toBe(
      'guardduty.json: $.detail-type: is not "GuardDuty Finding": this EventBridge event is not a GuardDuty finding',
    );
    expect(guardduty.detect(apiCall)).toBe(false);
  });

  it('normalizes every shipped GuardDuty fixture into valid guardduty events', () => {
    const files = fixtureFiles('guardduty');
    expect(files.length).toBeGreaterThanOrEqual(9);
    const events = files.flatMap((file) => eventsDetectedAs('guardduty', file));
    expect(events).toHaveLength(files.length + 1); // get-findings.json carries two
  });
});

describe.skipIf(!corpusAvailable)('GuardDuty corpus', () => {
  const files = corpusFiles('guardduty');

  it.each(files.map((f) => [shortName(f), f]))(
    'normalizes %s as one valid guardduty event',
    (_name, file) => {
      const events = eventsDetectedAs('guardduty', file);
      expect(events).toHaveLength(1);
      expect(events[0]?.kind).toMatch(/^[A-Za-z]+:[A-Za-z0-9]+\/.+/);
    },
  );

  it('covers all 15 corpus files: EventBridge, trimmed envelope, camelCase, PascalCase and Panther forms', () => {
    expect(files).toHaveLength(15);
  });

  it('maps the Panther low / medium / high / critical fixtures to those severities', () => {
    const panther = files.filter((f) => f.includes('panther-analysis'));
    expect(panther).toHaveLength(8);
    for (const file of panther) {
      const level = /aws_guardduty_(low|med|high|critical)_sev/.exec(file)?.[1];
      const expected = level === 'med' ? 'medium' : level;
      expect(normalizeFile(file)[0]?.severity, shortName(file)).toBe(expected);
    }
  });

  it('flags every generated sample finding of the corpus', () => {
    for (const file of files) {
      const [event] = normalizeFile(file);
      const generated = JSON.stringify(event?.payload).includes('"sample":true');
      expect(event?.context.sample, shortName(file)).toBe(String(generated));
      if (generated) expect(event?.title).toMatch(/^\[SAMPLE\] /);
    }
  });

  it('keeps the region of the trimmed {region, detail} envelope', () => {
    const [event] = normalizeFile(
      join(CORPUS_DIR, 'guardduty/eventbridge/aws-samples-waf-acl/gd2acl_test_event.json'),
    );
    expect(event).toMatchObject({
      region: 'us-east-1',
      raw_pointer: '/detail',
      resource: 'aws.ec2.instance:i-99999999',
      indicators: [{ type: 'ip', value: '198.51.100.0' }],
      attack: { tactics: ['TA0006'], techniques: ['T1110'] },
    });
  });

  it('reads an attack sequence without signal details from its GuardDuty-written description', () => {
    const file = files.find((f) => f.endsWith('Critical_Sev_Finding.json')) as string;
    const [event] = normalizeFile(file);
    expect(event?.attack.techniques).toEqual(['T1562.008', 'T1098.003', 'T1078.004', 'T1087.004', 'T1098']);
    expect(event?.attack.tactics).toEqual(['TA0003', 'TA0004', 'TA0005', 'TA0007', 'TA0001']);
  });

  it('leaves the CloudTrail API call GuardDuty emits with source aws.guardduty to cloudtrail', () => {
    const [[, payload] = []] = payloadsOf(
      join(CORPUS_DIR, 'cloudtrail/eventbridge/sumologic/cloudwatchevents_guardduty_event.json'),
    );
    expect(payload?.source).toBe('aws.guardduty');
    expect(guardduty.detect(payload as JsonObject)).toBe(false);
    expect(detectNormalizer(payload as JsonObject)?.vendor).not.toBe('guardduty');
  });

  it("claims no payload of another vendor's corpus files", () => {
    const claimed = payloadsOfOtherVendors('guardduty').filter(([, payload]) => guardduty.detect(payload));
    expect(claimed.map(([name]) => name)).toEqual([]);
  });
});
