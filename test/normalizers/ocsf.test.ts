import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocsf } from '../../src/ingest/normalizers/ocsf.js';
import { detectNormalizer } from '../../src/ingest/registry.js';
import type { JsonObject, JsonValue } from '../../src/json.js';
import type { SecurityEvent } from '../../src/types.js';
import {
  corpusAvailable,
  corpusFiles,
  eventsDetectedAs,
  FIXTURES_DIR,
  fixtureFiles,
  fixtureJson,
  normalizeFile,
  oneEvent,
  payloadsOfOtherVendors,
  RECEIVED_AT,
  rejection,
  shortName,
} from '../helpers/corpus.js';

const fixture = (name: string) => fixtureJson('ocsf', name);
const only = (value: unknown) => oneEvent(value, 'event.json');
/** Rejections are checked with --source ocsf, so that detection cannot refuse a payload first. */
const FORCED = { source: 'ocsf' } as const;

/** The JSON objects a corpus file holds: a document, an array's items, NDJSON lines, Records[]. */
function payloadsOf(file: string): JsonValue[] {
  const text = readFileSync(file, 'utf8');
  let documents: JsonValue[];
  try {
    documents = [JSON.parse(text) as JsonValue];
  } catch {
    documents = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as JsonValue);
  }
  return documents.flatMap((doc) => {
    if (Array.isArray(doc)) return doc;
    if (doc !== null && typeof doc === 'object' && Array.isArray(doc.Records)) return doc.Records;
    return [doc];
  });
}

const sample = fixture('sample.json');
const cloudTrailCall = fixture('api-activity-cloudtrail.json');
const authentication = fixture('authentication-idp-failure.json');

const ocsfCorpus = corpusFiles('ocsf').filter((file) => !file.includes('/raw-inputs/'));
const rawInputs = corpusFiles('ocsf/ocsf-examples/raw-inputs');
// The only file of raw-inputs/ that is itself OCSF: SecurityScorecard emits OCSF 1.0 Security Findings.
const isScorecardSample = (file: string) => file.includes('SSC__samples__malware_infection_detected');

describe.skipIf(!corpusAvailable)('OCSF corpus', () => {
  it('has OCSF files to check', () => {
    expect(ocsfCorpus.length).toBeGreaterThanOrEqual(69);
  });

  for (const file of ocsfCorpus) {
    it(`detects and normalizes ${shortName(file)}`, () => {
      const payloads = payloadsOf(file);
      const events = eventsDetectedAs('ocsf', file);
      expect(events).toHaveLength(payloads.length);
      events.forEach((event, i) => {
        const payload = payloads[i] as JsonObject;
        expect(event.context.ocsf_class_uid).toBe(String(payload.class_uid));
        expect(event.context.timestamp_origin).toBeUndefined();
      });
    });
  }

  it('covers the classes the corpus holds, findings to e-mail', () => {
    const classes = new Set(
      ocsfCorpus.flatMap((file) => normalizeFile(file).map((e) => e.context.ocsf_class_uid)),
    );
    for (const uid of [
      2001, 2002, 2003, 2004, 3001, 3002, 3004, 3006, 4001, 4002, 4003, 4007, 4008, 4009, 6003,
    ]) {
      expect(classes).toContain(String(uid));
    }
  });

  it('claims none of the raw vendor events the OCSF mappings were made from', () => {
    const claimed = rawInputs
      .filter((file) => !isScorecardSample(file))
      .filter((file) =>
        payloadsOf(file).some(
          (p) => p !== null && typeof p === 'object' && !Array.isArray(p) && ocsf.detect(p),
        ),
      );
    expect(claimed.map(shortName)).toEqual([]);
    expect(rawInputs.length).toBeGreaterThanOrEqual(49);
  });

  it('reads the SecurityScorecard sample in raw-inputs, which is OCSF 1.0 itself, as four threat-intel findings', () => {
    const file = rawInputs.find(isScorecardSample) as string;
    const events = normalizeFile(file);
    expect(events).toHaveLength(4);
    expect(events[0]).toMatchObject({
      source: 'threatintel',
      severity: 'low',
      resource: 'host:1.183.190.110',
      kind: 'Infection found on 1.183.190.110',
    });
    expect(events[0]?.indicators).toContainEqual({ type: 'domain', value: 'open-internet.nl' });
  });

  it("claims no payload of another vendor's corpus files", () => {
    const claimed = payloadsOfOtherVendors('ocsf').filter(([, payload]) => ocsf.detect(payload));
    expect(claimed.map(([name]) => name)).toEqual([]);
  });

  const corpusEvent = (name: string, index = 0): SecurityEvent => {
    const file = ocsfCorpus.find((f) => f.endsWith(name));
    if (!file) throw new Error(`corpus file ${name} is missing`);
    return normalizeFile(file)[index] as SecurityEvent;
  };

  it('maps the GuardDuty Detection Finding from Security Hub: kind, tactic, access key, account, update id', () => {
    const event = corpusEvent('enc_ilf__example_logs__sechub-guardduty.ocsf.json');
    expect(event).toMatchObject({
      source: 'threatintel',
      severity: 'low',
      kind: 'TTPs/Defense Evasion/Stealth:IAMUser-CloudTrailLoggingDisabled',
      resource: 'aws.iam.access_key:ASIATMJPC7EXAMPLE',
      account: '111111111111',
      region: 'us-east-2',
      timestamp: '2023-09-19T15:05:22.487Z',
    });
    expect(event.vendor_id).toMatch(/\/finding\/a6c556fcbc9bea427a19f8b787099a0b@2023-09-19T15:05:22\.487Z$/);
    expect(event.attack.tactics).toEqual(['TA0005']);
    expect(event.indicators).toContainEqual({ type: 'ip', value: '52.94.133.131' });
  });

  it('reads the EKS audit mapping: microsecond time, account from the caller ARN, node role and k8s node', () => {
    const event = corpusEvent('enc_ilf__example_logs__eks.ocsf.json');
    expect(event.timestamp).toBe('2021-09-07T20:37:30.642Z');
    expect(event.account).toBe('123456789012');
    expect(event.actor).toBe('system:node:ip-192-001-02-03.ec2.internal');
    expect(event.resources.map((r) => r.type)).toEqual(['k8s.user', 'aws.iam.role', 'k8s.node']);
  });

  it('takes severity from risk_level_id when a Security Finding has none (QRadar offense)', () => {
    const event = corpusEvent('markdown__IBM__QRadar_SIEM__samples__offense.ocsf.json');
    expect(event.severity).toBe('high');
    expect(event.vendor_id).toBe('QRadar SIEM|591');
    expect(event.indicators.map((i) => i.value)).toEqual(['99.99.99.99', '88.88.88.88', '77.77.77.77']);
  });

  it('reads SiLK slashed start_time, Zeek message lists and a DNS answers object', () => {
    expect(corpusEvent('SampleOCSF_FCCX.json').timestamp).toBe('2015-06-17T00:00:00.083Z');
    expect(corpusEvent('markdown__Zeek__v1.3.0__http_log__samples__http_log.ocsf.json').context.message).toBe(
      'CVE_2021_44228::LOG4J_RCE',
    );
    expect(
      corpusEvent('bloblang__AWS__route53__v1.0.0__samples__OCSF_dns_activity.json').indicators,
    ).toContainEqual({
      type: 'ip',
      value: '127.0.0.62',
    });
  });

  it('maps Prowler Azure findings to the AKS cluster and the subscription', () => {
    const event = corpusEvent('prowler_multiple_findings__0__aks_cluster_rbac_enabled.json');
    expect(event.resources[0]).toMatchObject({ type: 'azure.aks.cluster', name: 'aks-dev' });
    expect(event.account).toBe('6c63340e-8a77-447a-9a9f-6c8277e6bc83');
    expect(event.context).toMatchObject({ status_code: 'PASS', event_code: 'aks_cluster_rbac_enabled' });
  });
});

describe('OCSF fixtures', () => {
  const files = fixtureFiles('ocsf');
  const expected: Record<string, number> = { 'batch-security-lake.json': 2, 'network-zeek.ndjson': 2 };

  it('ships a sample and several classes', () => {
    expect(files.map((f) => shortName(f))).toContain('ocsf/sample.json');
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(`detects and normalizes ${shortName(file)}`, () => {
      expect(eventsDetectedAs('ocsf', file)).toHaveLength(expected[file.split('/').pop() as string] ?? 1);
    });
  }

  it('turns the sample Detection Finding into a contained-instance event with its IOC and ATT&CK ids', () => {
    const event = only(sample);
    expect(event).toMatchObject({
      vendor: 'ocsf',
      source: 'threatintel',
      severity: 'high',
      kind: 'TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS',
      title: 'EC2 instance i-0abcd1234ef567890 is querying a command and control domain.',
      resource: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0abcd1234ef567890',
      account: '123456789012',
      region: 'eu-west-1',
      timestamp: '2026-03-01T10:05:30.250Z',
      vendor_id:
        'GuardDuty|arn:aws:guardduty:eu-west-1:123456789012:detector/12abc34d567e8fa901bc2d34e56789f0/finding/7cc62a1a2b3d4e5f60718293a4b5c6d7@2026-03-01T10:05:30.250Z',
    });
    expect(event.resources[0]).toEqual({
      type: 'aws.ec2.instance',
      id: 'i-0abcd1234ef567890',
      arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0abcd1234ef567890',
    });
    expect(event.indicators).toContainEqual({ type: 'domain', value: 'c2.bad-domain.example.net' });
    expect(event.attack).toEqual({ tactics: ['TA0011'], techniques: ['T1071', 'T1071.004'] });
    expect(event.context).toMatchObject({
      ocsf_class_uid: '2004',
      ocsf_activity: 'Create',
      product: 'GuardDuty',
      vendor_severity: 'High',
      status: 'New',
    });
  });

  it('reads an OCSF 1.0 Security Finding (Prowler 3): `finding`, cloud.account_uid, tactics[], compliance', () => {
    const event = only(fixture('security-finding-1.0-prowler3.json'));
    expect(event).toMatchObject({
      severity: 'critical',
      kind: 'Ensure there are no S3 buckets open to Everyone or Any AWS user.',
      resource: 'arn:aws:s3:::payroll-exports-prod',
      account: '123456789012',
      timestamp: '2026-03-02T08:15:00.000Z',
      vendor_id: 'Prowler|prowler-aws-s3_bucket_public_access-123456789012-eu-central-1-payroll-exports-prod',
    });
    expect(event.attack).toEqual({ tactics: ['TA0010'], techniques: ['T1530'] });
    expect(event.context).toMatchObject({
      compliance_status: 'FAILED',
      compliance_requirements: 'CIS-2.0: 2.1.5; PCI-3.2.1: s3',
      finding_state: 'New',
      status: 'FAIL',
    });
  });

  it('puts the calling principal first for a CloudTrail API call: session key, then role', () => {
    const event = only(cloudTrailCall);
    expect(event).toMatchObject({
      source: 'cloudtrail',
      severity: 'low',
      kind: 'API Activity: Delete',
      actor: 'arn:aws:sts::123456789012:assumed-role/ci-deployer/gh-actions-run-8812',
      account: '123456789012',
      region: 'us-east-1',
    });
    expect(event.title).toContain('DeleteTrail');
    expect(event.resources).toEqual([
      { type: 'aws.iam.access_key', id: 'ASIAEXAMPLEKEY123456' },
      { type: 'aws.iam.role', id: 'ci-deployer', arn: 'arn:aws:iam::123456789012:role/ci-deployer' },
      {
        type: 'aws.cloudtrail.trail',
        id: 'org-audit-trail',
        arn: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/org-audit-trail',
      },
    ]);
  });

  it('puts the changed account first for an Account Change, with an ARN built from the CloudTrail account', () => {
    const event = only(fixture('account-change-attach-policy.json'));
    expect(event.resources[0]).toEqual({
      type: 'aws.iam.user',
      id: 'backup-admin',
      arn: 'arn:aws:iam::123456789012:user/backup-admin',
    });
    expect(event.resources).toContainEqual({ type: 'aws.iam.access_key', id: 'AKIAEXAMPLEKEY987654' });
    expect(event.actor).toBe('arn:aws:iam::123456789012:user/jenkins-legacy');
  });

  it('names the user logging on as the actor of an Authentication without actor.user', () => {
    const event = only(authentication);
    expect(event).toMatchObject({
      actor: 'Dana Reyes',
      severity: 'medium',
      resource: 'user:00u1a2b3c4d5e6f7g8h9',
    });
    expect(event.context).toMatchObject({ status: 'Failure', status_detail: 'INVALID_CREDENTIALS' });
    const { user: _user, ...anonymous } = authentication;
    expect(only(anonymous).actor).toBe('198.51.100.23');
  });

  it('treats Process Activity from an EDR as runtime, with the instance, the hash and the technique', () => {
    const event = only(fixture('process-activity-edr.json'));
    expect(event).toMatchObject({
      source: 'runtime',
      severity: 'high',
      resource: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0f1e2d3c4b5a69788',
      actor: 'www-data',
    });
    expect(event.indicators).toEqual(
      expect.arrayContaining([
        { type: 'sha256', value: '3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a' },
        { type: 'url', value: 'http://malware.example.org/x.sh' },
      ]),
    );
    expect(event.attack).toEqual({ tactics: ['TA0002'], techniques: ['T1059', 'T1059.004'] });
  });

  it('names a k8s pod namespace/name and converts microsecond epochs', () => {
    const event = only(fixture('api-activity-eks.json'));
    expect(event.timestamp).toBe('2026-03-01T10:00:00.000Z');
    expect(event.resources).toContainEqual({
      type: 'k8s.pod',
      id: 'payments/debug-shell',
      name: 'debug-shell',
    });
    expect(event.resources[0]).toEqual({ type: 'k8s.user', id: 'system:serviceaccount:ci:deployer' });
  });

  it('gives a Compliance Finding the account resource from its ASFF id and keeps the control', () => {
    const event = only(fixture('compliance-finding.json'));
    expect(event.resources[0]).toEqual({ type: 'aws.account', id: '123456789012' });
    expect(event.timestamp).toBe('2026-03-02T13:15:00.000Z');
    expect(event.vendor_id).toMatch(/@2026-03-02T13:15:00\.000Z$/);
    expect(event.context).toMatchObject({ compliance_status: 'FAILED', compliance_control: 'CloudTrail.1' });
  });

  it('collects sender, recipients, relay IP and attachment hash from Email Activity', () => {
    const event = only(fixture('email-activity.json'));
    expect(event.indicators).toEqual(
      expect.arrayContaining([
        { type: 'email', value: 'billing@invoices-example.net' },
        { type: 'email', value: 'controller@example.com' },
        { type: 'ip', value: '203.0.113.250' },
        { type: 'md5', value: '0cc175b9c0f1b6a831c399e269772661' },
      ]),
    );
    expect(event.severity).toBe('low');
  });

  it('reads each event of a Security Lake batch with its own pointer', () => {
    const events = normalizeFile(join(FIXTURES_DIR, 'ocsf', 'batch-security-lake.json'));
    expect(events.map((e) => e.raw_pointer)).toEqual(['/0', '/1']);
    expect(events[0]?.resource).toBe('arn:aws:ec2:eu-west-1:123456789012:instance/i-0f1e2d3c4b5a69788');
    expect(events[1]?.severity).toBe('high');
    expect(events[1]?.indicators).toEqual(
      expect.arrayContaining([
        { type: 'url', value: 'https://shop.example.com/login' },
        { type: 'ip', value: '10.1.1.1' },
      ]),
    );
  });
});

describe('OCSF severity', () => {
  const withSeverity = (severity: Record<string, JsonValue | undefined>) => {
    const { severity_id: _id, severity: _caption, ...rest } = sample;
    return { ...rest, ...severity };
  };

  it.each([
    [0, 'Unknown', 'low'],
    [1, 'Informational', 'low'],
    [2, 'Low', 'low'],
    [3, 'Medium', 'medium'],
    [4, 'High', 'high'],
    [5, 'Critical', 'critical'],
    [6, 'Fatal', 'critical'],
    [99, 'Other', 'low'],
  ])('maps documented severity_id %i (%s) to %s', (id, caption, expected) => {
    expect(only(withSeverity({ severity_id: id, severity: caption })).severity).toBe(expected);
  });

  it('lets the caption decide for Unknown, Informational and Other', () => {
    expect(only(withSeverity({ severity_id: 99, severity: 'Critical' })).severity).toBe('critical');
    expect(only(withSeverity({ severity_id: 0, severity: 'high ' })).severity).toBe('high');
    expect(only(withSeverity({ severity_id: 99, severity: 'P1-urgent' })).severity).toBe('low');
    expect(only(withSeverity({ severity_id: 4, severity: 'Low' })).severity).toBe('high');
    expect(only(withSeverity({ severity_id: 0, severity: 'high' })).context.severity_basis).toBe('severity');
  });

  it.each([
    [0, 'Unknown', { risk_level_id: 4 }, 'critical', 'risk_level_id'],
    [99, 'Other', { risk_level_id: 3, risk_level: 'High' }, 'high', 'risk_level_id'],
    [0, undefined, { risk_level: 'Critical' }, 'critical', 'risk_level'],
    [99, 'Other', { risk_level_id: 99, risk_level: 'Critical' }, 'critical', 'risk_level'],
  ])('falls back from severity_id %i (%s) to the risk level %o: %s', (id, caption, risk, expected, basis) => {
    const event = only(withSeverity({ severity_id: id, severity: caption, ...risk }));
    expect(event.severity).toBe(expected);
    expect(event.context.severity_basis).toBe(basis);
  });

  it('says so in context when it assumes low for an event that rates itself nowhere', () => {
    const unrated = only(withSeverity({ severity_id: 0, severity: 'Unknown' }));
    expect(unrated.severity).toBe('low');
    expect(unrated.context.severity_basis).toBe('default');
    expect(only(withSeverity({})).context.severity_basis).toBe('default');
    expect(only(withSeverity({ severity_id: 99, risk_level: 'Severe' })).context).toMatchObject({
      severity_basis: 'default',
      risk_level: 'Severe',
    });
    // Informational is a rating: low from severity_id, not a default, and the risk level does not raise it.
    const informational = only(withSeverity({ severity_id: 1, risk_level_id: 4 }));
    expect(informational.severity).toBe('low');
    expect(informational.context.severity_basis).toBe('severity_id');
    expect(only(withSeverity({ severity_id: 4 })).context.severity_basis).toBe('severity_id');
  });

  it('accepts a caption without severity_id, then risk_level_id, then nothing as Unknown', () => {
    expect(only(withSeverity({ severity: 'Medium' })).severity).toBe('medium');
    expect(only(withSeverity({ risk_level_id: 4 })).severity).toBe('critical');
    expect(only(withSeverity({})).severity).toBe('low');
  });

  it('rejects an out-of-range severity_id, an unknown caption and a wrong type, naming the field', () => {
    expect(rejection(withSeverity({ severity_id: 7 }), 'event.json', FORCED)).toBe(
      'event.json: $.severity_id: OCSF severity_id 7 is not one of 0-6 or 99',
    );
    expect(rejection(withSeverity({ severity_id: -1 }), 'event.json', FORCED)).toMatch(
      /\$\.severity_id: OCSF severity_id -1/,
    );
    expect(rejection(withSeverity({ severity: 'Severe' }), 'event.json', FORCED)).toBe(
      'event.json: $.severity: unknown OCSF severity "Severe"',
    );
    expect(rejection(withSeverity({ severity_id: 'high' }), 'event.json', FORCED)).toBe(
      'event.json: $.severity_id: expected a number, got a string "high"',
    );
    expect(rejection(withSeverity({ risk_level_id: 12 }), 'event.json', FORCED)).toMatch(/\$\.risk_level_id/);
  });
});

describe('OCSF time and identity', () => {
  const base = { ...cloudTrailCall };

  it('reads epoch seconds, milliseconds, microseconds and ISO strings as the same instant', () => {
    for (const time of [1772577612, 1772577612000, 1772577612000000, '2026-03-03T23:40:12+01:00']) {
      expect(only({ ...base, time }).timestamp).toBe('2026-03-03T22:40:12.000Z');
    }
  });

  it('falls back to time_dt, the finding creation time and start_time; none at all is flagged', () => {
    const { time: _t, ...timeless } = base;
    expect(only({ ...timeless, time_dt: '2026-03-03T22:40:12Z' }).timestamp).toBe('2026-03-03T22:40:12.000Z');
    expect(only({ ...timeless, start_time: 1772577612000 }).timestamp).toBe('2026-03-03T22:40:12.000Z');
    const { time: _s, ...findingWithoutTime } = sample;
    expect(only(findingWithoutTime).timestamp).toBe('2026-03-01T10:00:00.000Z');
    const event = only(timeless);
    expect(event.timestamp).toBe(RECEIVED_AT);
    expect(event.context.timestamp_origin).toBe('received');
  });

  it('rejects an unparseable time with its path', () => {
    expect(rejection({ ...base, time: 'last tuesday' }, 'event.json', FORCED)).toBe(
      'event.json: $.time: timestamp "last tuesday" does not parse',
    );
    expect(rejection({ ...base, time: { ms: 1 } }, 'event.json', FORCED)).toBe(
      'event.json: $.time: expected a timestamp, got an object',
    );
    const finding = sample.finding_info as JsonObject;
    expect(
      rejection({ ...sample, finding_info: { ...finding, modified_time: 'soon' } }, 'event.json', {
        source: 'ocsf',
      }),
    ).toBe('event.json: $.finding_info.modified_time: timestamp "soon" does not parse');
  });

  it('identifies a finding by product and uid, each update by its modified time', () => {
    const finding = sample.finding_info as JsonObject;
    const { modified_time: _m, ...unmodified } = finding;
    expect(only({ ...sample, finding_info: unmodified }).vendor_id).toBe(`GuardDuty|${finding.uid}`);
    // Two products both numbering their findings from 1 do not collide.
    const other = { ...sample, metadata: { ...(sample.metadata as JsonObject), product: { name: 'Other' } } };
    expect(only(other).id).not.toBe(only(sample).id);
    const later = only({ ...sample, finding_info: { ...finding, modified_time: 1772359999000 } });
    expect(later.id).not.toBe(only(sample).id);
    expect(only(sample).id).toBe(only(structuredClone(sample)).id);
  });

  it('gives an activity no vendor id: its content is its id, kept on re-delivery, metadata.uid kept as context', () => {
    const event = only(cloudTrailCall);
    expect(event.vendor_id).toBeUndefined();
    expect(event.context.event_uid).toBe('a1b2c3d4-5e6f-4a0b-9c8d-7e6f5a4b3c2d');
    expect(only(structuredClone(cloudTrailCall)).id).toBe(event.id);
    expect(only({ ...cloudTrailCall, time: 1772577613000 }).id).not.toBe(event.id);
  });

  it('keeps both HTTP events of one Zeek keep-alive connection (one uid): the benign request cannot hide the malicious one', () => {
    const request = (path: string, severityId: number) => ({
      metadata: {
        version: '1.3.0',
        product: { name: 'Zeek', vendor_name: 'Zeek' },
        log_name: 'http',
        uid: 'CyB2c3D4e5F6g7H8i9',
      },
      category_uid: 4,
      class_uid: 4002,
      activity_id: 3,
      severity_id: severityId,
      time: 1772439301,
      src_endpoint: { ip: '203.0.113.7', port: 50124 },
      dst_endpoint: { ip: '10.8.0.20', port: 80 },
      http_request: { http_method: 'GET', url: { hostname: 'shop.example.org', path } },
    });
    const benign = only(request('/index.html', 1));
    const malicious = only(request('/payload.bin', 4));
    expect(malicious.id).not.toBe(benign.id);
    expect(malicious.severity).toBe('high');
    expect(only(request('/payload.bin', 4)).id).toBe(malicious.id);
  });

  it('hashes the content when an event carries no id, so a re-delivery keeps its id', () => {
    const { metadata, ...rest } = cloudTrailCall;
    const { uid: _uid, ...anonymousMetadata } = metadata as JsonObject;
    const first = only({ ...rest, metadata: anonymousMetadata });
    const again = only({ ...rest, metadata: anonymousMetadata });
    expect(first.vendor_id).toBeUndefined();
    expect(first.id).toBe(again.id);
  });

  it('takes the account from an STS ARN in cloud.account.uid', () => {
    const event = only({
      ...base,
      cloud: { provider: 'AWS', account: { uid: 'arn:aws:sts::210987654321:assumed-role/x/y' } },
    });
    expect(event.account).toBe('210987654321');
  });
});

describe('OCSF resources', () => {
  const withResources = (
    resources: JsonValue,
    cloud: JsonValue = { provider: 'AWS', region: 'us-east-1', account: { uid: '123456789012' } },
  ) => {
    const { resources: _r, ...rest } = sample;
    return only({ ...rest, cloud, resources });
  };
  const instanceArn = 'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0';

  it.each(['AwsEc2Instance', 'AWS::EC2::Instance', 'Instance'])(
    'maps AWS type %s to aws.ec2.instance with its ARN',
    (type) => {
      const event = withResources([{ type, uid: 'i-0123456789abcdef0' }]);
      expect(event.resources[0]).toEqual({
        type: 'aws.ec2.instance',
        id: 'i-0123456789abcdef0',
        arn: instanceArn,
      });
    },
  );

  it('does not call a bare "Instance" an EC2 instance outside AWS', () => {
    const event = withResources([{ type: 'Instance', uid: 'vm-42' }], {
      provider: 'GCP',
      region: 'europe-west1',
    });
    expect(event.resources[0]).toEqual({ type: 'resource.instance', id: 'vm-42' });
  });

  it('keeps an ARN uid and derives the type from it when the type is unknown', () => {
    const event = withResources([
      { type: 'Other', uid: 'arn:aws:iam::123456789012:role/service-role/etl-runner', name: 'etl' },
    ]);
    expect(event.resources[0]).toEqual({
      type: 'aws.iam.role',
      id: 'etl-runner',
      arn: 'arn:aws:iam::123456789012:role/service-role/etl-runner',
      name: 'etl',
    });
  });

  it('reads Security Hub style ids, Lambda and S3 ARNs', () => {
    const event = withResources([
      { type: 'AwsIamAccessKey', uid: 'AWS::IAM::AccessKey:AKIAEXAMPLE1234567890' },
      { uid: 'arn:aws:lambda:us-east-1:123456789012:function:resize-images' },
      { uid: 'arn:aws:s3:::audit-logs-bucket' },
      { type: 'AwsS3Bucket', uid: 'static-site-bucket' },
    ]);
    expect(event.resources).toEqual([
      { type: 'aws.iam.access_key', id: 'AKIAEXAMPLE1234567890' },
      {
        type: 'aws.lambda.function',
        id: 'resize-images',
        arn: 'arn:aws:lambda:us-east-1:123456789012:function:resize-images',
      },
      { type: 'aws.s3.bucket', id: 'audit-logs-bucket', arn: 'arn:aws:s3:::audit-logs-bucket' },
      { type: 'aws.s3.bucket', id: 'static-site-bucket', arn: 'arn:aws:s3:::static-site-bucket' },
    ]);
  });

  it('maps Azure and Kubernetes resource types', () => {
    const event = withResources(
      [
        {
          type: 'Microsoft.Compute/virtualMachines',
          uid: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-1',
          name: 'web-1',
        },
        { type: 'Microsoft.Web/staticSites', uid: 'site-9' },
        { type: 'pods', name: 'api-7d9f', namespace: 'shop' },
      ],
      { provider: 'Azure', region: 'westeurope', account: { uid: 's1' } },
    );
    expect(event.resources.map((r) => [r.type, r.id])).toEqual([
      ['azure.vm', '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-1'],
      ['azure.web.static_sites', 'site-9'],
      ['k8s.pod', 'shop/api-7d9f'],
    ]);
  });

  it('rejects resources that are not objects, naming the path', () => {
    expect(rejection({ ...sample, resources: 'i-0123456789abcdef0' }, 'event.json', FORCED)).toBe(
      'event.json: $.resources: expected an array of objects, got a string',
    );
    expect(rejection({ ...sample, resources: [{ uid: 'x' }, 7] }, 'event.json', FORCED)).toBe(
      'event.json: $.resources[1]: expected an object, got a number "7"',
    );
  });
});

describe('OCSF indicators, ATT&CK and source', () => {
  it('keeps observables by documented type_id: 1 hostname, 2 IP, 5 e-mail, 6 URL, 8 hash', () => {
    const event = only({
      ...cloudTrailCall,
      observables: [
        { name: 'a', type_id: 1, value: 'evil.example.org' },
        { name: 'b', type_id: 2, value: '198.51.100.8' },
        { name: 'c', type_id: 5, value: 'Phisher@Example.net' },
        { name: 'd', type_id: 6, value: 'https://evil.example.org/drop' },
        { name: 'e', type_id: 8, value: 'SHA1:da39a3ee5e6b4b0d3255bfef95601890afd80709' },
        { name: 'f', type_id: 4, value: 'not-an-indicator.example.com' },
        { name: 'g', type_id: 2, value: '12.000.22.33' },
      ],
    });
    expect(event.indicators).toEqual(
      expect.arrayContaining([
        { type: 'domain', value: 'evil.example.org' },
        { type: 'ip', value: '198.51.100.8' },
        { type: 'email', value: 'phisher@example.net' },
        { type: 'url', value: 'https://evil.example.org/drop' },
        { type: 'sha1', value: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' },
      ]),
    );
    const values = event.indicators.map((i) => i.value);
    expect(values).not.toContain('not-an-indicator.example.com');
    expect(values).not.toContain('12.000.22.33');
  });

  it('reads DNS queries and answers written as a list or as one object', () => {
    const dns = {
      class_uid: 4003,
      category_uid: 4,
      severity_id: 1,
      query: { hostname: 'Beacon.Example.NET.' },
    };
    expect(only({ ...dns, answers: [{ rdata: '192.0.2.55' }] }).indicators).toEqual([
      { type: 'domain', value: 'beacon.example.net' },
      { type: 'ip', value: '192.0.2.55' },
    ]);
    expect(only({ ...dns, answers: { rdata: '192.0.2.55' } }).indicators).toContainEqual({
      type: 'ip',
      value: '192.0.2.55',
    });
    expect(rejection({ ...dns, answers: 'x' }, 'event.json', FORCED)).toBe(
      'event.json: $.answers: expected an array of objects, got a string',
    );
  });

  it('takes tactics from an ASFF threat type, never from a bare category', () => {
    const finding = sample.finding_info as JsonObject;
    const typed = (types: string[]) => only({ ...sample, finding_info: { ...finding, attacks: [], types } });
    expect(
      typed(['TTPs/Credential Access/UnauthorizedAccess:IAMUser-MaliciousIPCaller']).attack.tactics,
    ).toEqual(['TA0006']);
    const category = typed(['Effects/Data Exposure']);
    expect(category.attack.tactics).toEqual([]);
    expect(category.kind).toBe(finding.title);
  });

  it('classes the source by product: CloudTrail, GuardDuty, an EDR process event, anything else', () => {
    expect(only(cloudTrailCall).source).toBe('cloudtrail');
    expect(only(sample).source).toBe('threatintel');
    expect(only(fixture('process-activity-edr.json')).source).toBe('runtime');
    expect(only({ ...sample, metadata: { product: { name: 'Falco' } } }).source).toBe('runtime');
    expect(only(authentication).source).toBe('siem');
  });

  it('names the class and activity from the schema when a producer leaves the names out (Zeek)', () => {
    const event = only({
      class_uid: 4007,
      category_uid: 4,
      activity_id: 4,
      severity_id: 1,
      metadata: { product: { name: 'Zeek' } },
    });
    expect(event.kind).toBe('SSH Activity: Fail');
    expect(event.context).toMatchObject({ ocsf_class: 'SSH Activity', ocsf_activity: 'Fail' });
  });

  it('rejects wrong-typed fields with their JSON path', () => {
    const finding = sample.finding_info as JsonObject;
    expect(
      rejection({ ...sample, finding_info: { ...finding, title: { text: 'x' } } }, 'event.json', {
        source: 'ocsf',
      }),
    ).toBe('event.json: $.finding_info.title: expected a string, got an object');
    expect(
      rejection({ ...sample, metadata: { product: { name: ['GuardDuty'] } } }, 'event.json', {
        source: 'ocsf',
      }),
    ).toBe('event.json: $.metadata.product.name: expected a string, got an array');
    expect(
      rejection({ ...cloudTrailCall, src_endpoint: { ip: { v4: '1.2.3.4' } } }, 'event.json', {
        source: 'ocsf',
      }),
    ).toBe('event.json: $.src_endpoint.ip: expected a string, got an object');
    expect(
      rejection({ ...cloudTrailCall, observables: [{ type_id: 2, value: '1.2.3.4' }, 'x'] }, 'event.json', {
        source: 'ocsf',
      }),
    ).toBe('event.json: $.observables[1]: expected an object, got a string "x"');
    expect(rejection({ ...sample, finding_info: 'GuardDuty' }, 'event.json', FORCED)).toBe(
      'event.json: $.finding_info: expected an object, got a string "GuardDuty"',
    );
  });

  it('rejects a forced --source ocsf payload without class_uid', () => {
    expect(rejection({ severity_id: 4, metadata: {} }, 'event.json', FORCED)).toBe(
      'event.json: $.class_uid: required OCSF class_uid is missing',
    );
    expect(rejection({ ...sample, class_uid: 2004.5 }, 'event.json', FORCED)).toBe(
      'event.json: $.class_uid: OCSF class_uid 2004.5 is not a class id',
    );
  });
});

describe('OCSF detection', () => {
  it('claims class_uid with metadata, category_uid or type_uid, and nothing less', () => {
    expect(ocsf.detect({ class_uid: 2004, metadata: {} })).toBe(true);
    expect(ocsf.detect({ class_uid: 4001, category_uid: 4 })).toBe(true);
    expect(ocsf.detect({ class_uid: 4001, type_uid: 400101 })).toBe(true);
    expect(ocsf.detect({ class_uid: 2004 })).toBe(false);
    expect(ocsf.detect({ class_uid: '2004', metadata: {} })).toBe(false);
    expect(ocsf.detect({ class_uid: 2004, metadata: 'x' })).toBe(false);
    expect(ocsf.detect({ rule: 'Terminal shell in container', priority: 'Warning', output: 'x' })).toBe(
      false,
    );
  });

  it('is chosen by the registry for an OCSF event', () => {
    expect(detectNormalizer(sample)?.vendor).toBe('ocsf');
  });
});
