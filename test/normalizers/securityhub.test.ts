import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { securityhub } from '../../src/ingest/normalizers/securityhub.js';
import type { JsonObject, JsonValue } from '../../src/json.js';
import {
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

const fixturePath = (name: string) => join(FIXTURES_DIR, 'securityhub', name);
const fixture = (name: string) => normalizeFile(fixturePath(name));

const run = (value: unknown) => normalizeValue(value, 'asff.json');

/** A minimal third-party ASFF finding. */
function finding(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    SchemaVersion: '2018-10-08',
    Id: 'acme-finding-1',
    ProductArn: 'arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default',
    GeneratorId: 'acme/rule-7',
    AwsAccountId: '123456789012',
    Types: ['Unusual Behaviors'],
    CreatedAt: '2026-02-01T10:00:00Z',
    UpdatedAt: '2026-02-01T10:05:00Z',
    Severity: { Label: 'MEDIUM' },
    Title: 'Something unusual',
    Resources: [{ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::acme-logs', Partition: 'aws', Region: 'us-east-1' }],
    ...over,
  };
}

const imported = (...findings: unknown[]) => ({
  version: '0',
  id: '11111111-2222-3333-4444-555555555555',
  'detail-type': 'Security Hub Findings - Imported',
  source: 'aws.securityhub',
  account: '123456789012',
  time: '2026-02-01T10:06:00Z',
  region: 'us-east-1',
  resources: [],
  detail: { findings },
});

describe('Security Hub findings (ASFF)', () => {
  it('maps a GuardDuty finding imported into Security Hub with the GuardDuty type, tactic and C2 domain', () => {
    const [event, ...rest] = fixture('sample.json');
    expect(rest).toHaveLength(0);
    expect(event).toMatchObject({
      vendor: 'securityhub',
      source: 'threatintel',
      severity: 'high',
      kind: 'Backdoor:EC2/C&CActivity.B!DNS',
      resource: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0b1c2d3e4f5a6b7c8',
      resources: [
        {
          type: 'aws.ec2.instance',
          id: 'i-0b1c2d3e4f5a6b7c8',
          arn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0b1c2d3e4f5a6b7c8',
        },
      ],
      account: '123456789012',
      region: 'us-east-1',
      timestamp: '2026-03-06T11:58:30.000Z',
      vendor_id:
        'arn:aws:securityhub:us-east-1::product/aws/guardduty arn:aws:guardduty:us-east-1:123456789012:detector/6ec1f2a8b0d34c5e9f7a1b2c3d4e5f60/finding/9d8c7b6a5f4e3d2c1b0a998877665544@2026-03-06T12:04:18.220Z',
      raw_pointer: '/detail/findings/0',
      indicators: [{ type: 'domain', value: 'beacon.c2-relay.example' }],
      attack: { tactics: ['TA0011'], techniques: [] },
      context: {
        vendor_severity: 'HIGH',
        product: 'GuardDuty',
        guardduty_type: 'Backdoor:EC2/C&CActivity.B!DNS',
        workflow_status: 'NEW',
        record_state: 'ACTIVE',
        active: 'true',
        event_type: 'Security Hub Findings - Imported',
      },
    });
    expect(event?.context.link).toMatch(/^https:\/\/us-east-1\.console\.aws\.amazon\.com\/guardduty\//);
  });

  it('makes one event per finding of a Custom Action, the control id in its standard as kind', () => {
    const [failed, passed, ...rest] = fixture('custom-action-controls.json');
    expect(rest).toHaveLength(0);
    expect(failed).toMatchObject({
      raw_pointer: '/detail/findings/0',
      severity: 'critical',
      source: 'siem',
      kind: 'security-control/EC2.19',
      resource: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0123456789abcdef0',
      resources: [
        {
          type: 'aws.ec2.security_group',
          id: 'sg-0123456789abcdef0',
          arn: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0123456789abcdef0',
        },
      ],
      context: {
        control_id: 'EC2.19',
        compliance_status: 'FAILED',
        workflow_status: 'NOTIFIED',
        active: 'true',
        custom_action: 'Open irac incident',
        remediation: 'https://docs.aws.amazon.com/console/securityhub/EC2.19/remediation',
      },
    });
    expect(passed).toMatchObject({
      raw_pointer: '/detail/findings/1',
      severity: 'low',
      kind: 'security-control/IAM.3',
      resources: [
        {
          type: 'aws.iam.user',
          id: 'jenkins-deployer',
          arn: 'arn:aws:iam::123456789012:user/ops/jenkins-deployer',
        },
      ],
      context: {
        active: 'false',
        inactive_reason: 'Workflow.Status RESOLVED; Compliance.Status PASSED',
        vendor_severity: 'INFORMATIONAL',
      },
    });
    // Each event keeps its own finding, verbatim, as evidence.
    const detail = fixtureJson('securityhub', 'custom-action-controls.json').detail as JsonObject;
    expect(passed?.payload).toEqual((detail.findings as JsonValue[])[1]);
  });

  it.each([
    ['INFORMATIONAL', 'low'],
    ['LOW', 'low'],
    ['MEDIUM', 'medium'],
    ['HIGH', 'high'],
    ['CRITICAL', 'critical'],
    ['critical', 'critical'],
  ])('maps Severity.Label %s to %s', (Label, expected) => {
    expect(run(finding({ Severity: { Label, Normalized: 1 } }))[0]?.severity).toBe(expected);
  });

  it.each([
    [0, 'low'],
    [1, 'low'],
    [39, 'low'],
    [40, 'medium'],
    [69, 'medium'],
    [70, 'high'],
    [89, 'high'],
    [90, 'critical'],
    [100, 'critical'],
    ['75', 'high'],
  ])('maps Severity.Normalized %s (no Label) to %s per the documented bands', (Normalized, expected) => {
    expect(run(finding({ Severity: { Normalized } }))[0]?.severity).toBe(expected);
  });

  it('reads Severity.Product alone only for GuardDuty, whose 1–10 scale is documented', () => {
    const gd = finding({
      ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/guardduty',
      Severity: { Product: 8 },
      Types: ['TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce'],
    });
    expect(run(gd)[0]).toMatchObject({ severity: 'high', kind: 'UnauthorizedAccess:EC2/SSHBruteForce' });
    expect(rejection(finding({ Severity: { Product: 8 } }), 'asff.json')).toBe(
      'asff.json: $.Severity: has neither Label nor Normalized (ASFF requires one; Severity.Product is on the product’s own scale)',
    );
  });

  it('refuses unknown labels, out-of-range values, wrong types and unparseable times, naming the path', () => {
    expect(rejection(finding({ Severity: { Label: 'SEVERE' } }), 'asff.json')).toBe(
      'asff.json: $.Severity.Label: unknown ASFF severity label "SEVERE"; expected INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL',
    );
    expect(rejection(finding({ Severity: { Normalized: 101 } }), 'asff.json')).toBe(
      "asff.json: $.Severity.Normalized: 101 is outside ASFF's 0–100 range",
    );
    expect(rejection(finding({ Severity: { Normalized: 'high' } }), 'asff.json')).toBe(
      'asff.json: $.Severity.Normalized: expected a number, got a string "high"',
    );
    expect(rejection(finding({ Resources: 'arn:aws:s3:::acme-logs' }), 'asff.json')).toBe(
      'asff.json: $.Resources: expected an array, got a string "arn:aws:s3:::acme-logs"',
    );
    expect(rejection(finding({ Types: ['TTPs/Impact', 7] }), 'asff.json')).toBe(
      'asff.json: $.Types[1]: expected a string, got a number "7"',
    );
    expect(rejection(imported(finding(), finding({ UpdatedAt: 'last Tuesday' })), 'asff.json')).toBe(
      'asff.json: $.detail.findings[1].UpdatedAt: timestamp "last Tuesday" does not parse',
    );
    expect(rejection(imported('not a finding'), 'asff.json')).toBe(
      'asff.json: $.detail.findings[0]: expected an object, got a string "not a finding"',
    );
  });

  it('keeps an archived Inspector vulnerability, with its CVE as kind, but marks it inactive', () => {
    const [event] = fixture('inspector-archived.json');
    expect(event).toMatchObject({
      severity: 'critical',
      kind: 'CVE-2024-3094',
      resource: 'arn:aws:ec2:us-east-2:123456789012:instance/i-0d1e2f3a4b5c6d7e8',
      raw_pointer: '',
      context: { cve: 'CVE-2024-3094', cvss: '10', record_state: 'ARCHIVED', active: 'false' },
    });
    expect(event?.context.inactive_reason).toBe('RecordState ARCHIVED');
  });

  it('splits GetFindings, reading Normalized-only severity, threat intel, hashes, actors and TTPs', () => {
    const [ransomware, admin, ...rest] = fixture('get-findings.json');
    expect(rest).toHaveLength(0);
    expect(ransomware).toMatchObject({
      raw_pointer: '/Findings/0',
      severity: 'high',
      kind: 'example-edr/ransomware-precursor',
      // The target (an "Other" resource typed from its ARN) comes before the acting principal.
      resource: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0e1f2a3b4c5d6e7f8',
      actor: 'arn:aws:iam::123456789012:user/svc-backup',
      attack: { tactics: ['TA0040'], techniques: ['T1486'] },
      context: { malware: 'ExampleLocker', vendor_severity: '75' },
    });
    // The outbound connection's local end (10.12.0.44) is the monitored host, not an indicator.
    expect(ransomware?.indicators).toEqual([
      { type: 'ip', value: '192.0.2.80' },
      { type: 'domain', value: 'drop.ransom-ops.example' },
      { type: 'url', value: 'https://drop.ransom-ops.example/k/upload' },
      { type: 'sha256', value: '0d4c1b9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c' },
      { type: 'md5', value: '3e7a9c1b5d2f4e6a8b0c2d4e6f8a0b1c' },
    ]);
    expect(admin).toMatchObject({
      raw_pointer: '/Findings/1',
      severity: 'low',
      title: '[SAMPLE] Local administrator account created',
      resource: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0e1f2a3b4c5d6e7f8',
      attack: { tactics: ['TA0003'], techniques: ['T1136.001'] },
      context: { sample: 'true' },
    });
  });

  it("reads a GuardDuty attack sequence's Detection.Sequence: tactics, techniques, actor and endpoint", () => {
    const [event] = fixture('guardduty-attack-sequence.json');
    expect(event).toMatchObject({
      severity: 'critical',
      source: 'threatintel',
      kind: 'AttackSequence:IAM/CompromisedCredentials',
      actor: 'arn:aws:iam::123456789012:user/release-bot',
      indicators: [{ type: 'ip', value: '198.51.100.61' }],
      attack: { tactics: ['TA0005', 'TA0003', 'TA0004'], techniques: ['T1562.008', 'T1098.003'] },
      context: { signals: '1' },
    });
    // Resources[] names only the account; the compromised key and its user are what to contain.
    expect(event?.resources.map((r) => `${r.type}:${r.id}`)).toEqual([
      'aws.iam.access_key:AKIA4EXAMPLERELEASE1',
      'aws.iam.user:release-bot',
      'aws.account:123456789012',
    ]);
    expect(event?.resource).toBe('aws.iam.access_key:AKIA4EXAMPLERELEASE1');
  });

  it("names a runtime finding's container before its EKS cluster", () => {
    const [event] = run(
      finding({
        Resources: [
          {
            Type: 'AwsEksCluster',
            Id: 'arn:aws:eks:us-east-1:123456789012:cluster/prod',
            Region: 'us-east-1',
          },
          { Type: 'Container', Id: '4b7e1c9a2d3f', Details: { Container: { ImageName: 'checkout:2.14.1' } } },
        ],
      }),
    );
    expect(event?.resources.map((r) => `${r.type}:${r.id}`)).toEqual([
      'container:4b7e1c9a2d3f',
      'aws.eks.cluster:prod',
    ]);
  });

  it('refuses Insight Results: an aggregate of counts, not a finding', () => {
    const insight = {
      version: '0',
      'detail-type': 'Security Hub Insight Results',
      source: 'aws.securityhub',
      account: '123456789012',
      region: 'us-east-1',
      detail: {
        actionName: 'Send insight',
        insightName: 'AWS users with the most suspicious activity',
        resultType: 'ResourceAwsIamAccessKeyUserName',
        insightResults: [{ 'release-bot': 7 }, { 'jenkins-deployer': 2 }],
      },
    };
    expect(securityhub.detect(insight)).toBe(true);
    expect(rejection(insight, 'asff.json')).toBe(
      'asff.json: $.detail-type: "Security Hub Insight Results" carries an insight\'s aggregated counts, not findings; send the findings themselves ("Security Hub Findings - Imported" or "- Custom Action" on the findings)',
    );
  });

  it('refuses an EventBridge event pattern pasted in place of an event', () => {
    const pattern = {
      source: ['aws.securityhub'],
      'detail-type': ['Security Hub Findings - Imported'],
      detail: { findings: { Severity: { Label: ['HIGH', 'CRITICAL'] } } },
    };
    expect(rejection(pattern, 'asff.json')).toBe(
      'asff.json: $.detail-type: is a list: this is an EventBridge event pattern (a rule’s filter), not an event',
    );
  });

  it('leaves CloudTrail records of Security Hub API calls (source aws.securityhub) alone', () => {
    const apiCall = {
      'detail-type': 'AWS API Call via CloudTrail',
      source: 'aws.securityhub',
      detail: { eventSource: 'securityhub.amazonaws.com', eventName: 'BatchImportFindings' },
    };
    expect(securityhub.detect(apiCall)).toBe(false);
  });

  it('orders resources so the target comes first, the acting access key and principal after, the account last', () => {
    const [event] = run(
      finding({
        Resources: [
          {
            Type: 'AwsIamAccessKey',
            Id: 'AKIA4EXAMPLEACTOR001',
            ResourceRole: 'Actor',
            Details: {
              AwsIamAccessKey: {
                PrincipalType: 'AssumedRole',
                SessionContext: { SessionIssuer: { Arn: 'arn:aws:iam::123456789012:role/etl' } },
              },
            },
          },
          { Type: 'AwsAccount', Id: 'AWS::::Account:123456789012' },
          {
            Type: 'AwsCloudTrailTrail',
            Id: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main',
            ResourceRole: 'Target',
          },
        ],
      }),
    );
    expect(event?.resources).toEqual([
      {
        type: 'aws.cloudtrail.trail',
        id: 'main',
        arn: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main',
      },
      { type: 'aws.iam.access_key', id: 'AKIA4EXAMPLEACTOR001' },
      { type: 'aws.iam.role', id: 'etl', arn: 'arn:aws:iam::123456789012:role/etl' },
      { type: 'aws.account', id: '123456789012' },
    ]);
    expect(event?.actor).toBe('arn:aws:iam::123456789012:role/etl');
  });

  it('treats an updated finding as a new event and a re-delivery as the same event', () => {
    const first = run(finding())[0];
    const again = run(finding())[0];
    const updated = run(finding({ UpdatedAt: '2026-02-01T11:00:00Z' }))[0];
    expect(again?.id).toBe(first?.id);
    expect(updated?.id).not.toBe(first?.id);
    expect(updated?.fingerprint).toBe(first?.fingerprint);
  });

  it('keeps apart two findings with the same Id and UpdatedAt from different products (ASFF keys on both)', () => {
    const acme = run(finding({ Id: 's3-bucket-public' }))[0];
    const other = run(
      finding({
        Id: 's3-bucket-public',
        ProductArn: 'arn:aws:securityhub:us-east-1:210987654321:product/210987654321/default',
      }),
    )[0];
    expect(other?.id).not.toBe(acme?.id);
    expect(acme?.vendor_id).toBe(
      'arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default s3-bucket-public@2026-02-01T10:05:00.000Z',
    );
  });

  describe('a Custom Action (an analyst sending the finding on purpose)', () => {
    const customAction = (eventId: string, actionName = 'Open irac incident') => ({
      ...imported(finding()),
      id: eventId,
      'detail-type': 'Security Hub Findings - Custom Action',
      detail: { actionName, actionDescription: 'Send to irac', findings: [finding()] },
    });

    it('is a new event even when the same finding version was imported already', () => {
      const [importedEvent] = run(imported(finding()));
      const [sent] = run(customAction('aaaaaaaa-0000-4000-8000-000000000001'));
      expect(sent?.id).not.toBe(importedEvent?.id);
      expect(sent?.context).toMatchObject({
        custom_action: 'Open irac incident',
        event_type: 'Security Hub Findings - Custom Action',
        eventbridge_id: 'aaaaaaaa-0000-4000-8000-000000000001',
      });
    });

    it('keeps its id when EventBridge retries it, and differs for a second action or a second sending', () => {
      const [sent] = run(customAction('aaaaaaaa-0000-4000-8000-000000000001'));
      const [retried] = run(customAction('aaaaaaaa-0000-4000-8000-000000000001'));
      const [sentAgain] = run(customAction('aaaaaaaa-0000-4000-8000-000000000002'));
      const [otherAction] = run(customAction('aaaaaaaa-0000-4000-8000-000000000001', 'Isolate'));
      expect(retried?.id).toBe(sent?.id);
      expect(sentAgain?.id).not.toBe(sent?.id);
      expect(otherAction?.id).not.toBe(sent?.id);
    });
  });

  it('normalizes every shipped Security Hub fixture into valid securityhub events', () => {
    const files = fixtureFiles('securityhub');
    expect(files.length).toBeGreaterThanOrEqual(5);
    const events = files.flatMap((file) => eventsDetectedAs('securityhub', file));
    expect(events).toHaveLength(files.length + 2); // the Custom Action and GetFindings carry two each
  });
});

// The corpus's expected outcomes: three files are not findings and are refused with a reason.
const REFUSED: Readonly<Record<string, RegExp>> = {
  'securityhub-asff/eventbridge/awsdocs/securityhub-cwe-all-findings__2.json': /EventBridge event pattern/,
  'securityhub-asff/eventbridge/awsdocs/securityhub-cwe-event-formats__2.json': /Insight Results" carries/,
  'securityhub-asff/eventbridge/cloud-custodian/event-securityhub-insight-2.json': /Insight Results" carries/,
};

/** How many findings a corpus document carries: detail.findings[] of an EventBridge event, else one. */
function findingCount(file: string): number {
  const value = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  const detail = value.detail as JsonObject | undefined;
  return Array.isArray(detail?.findings) ? detail.findings.length : 1;
}

describe.skipIf(!corpusAvailable)('Security Hub corpus', () => {
  const files = corpusFiles('securityhub-asff');
  const accepted = files.filter((f) => !(shortName(f) in REFUSED));
  const rawAsff = corpusFiles('ocsf/ocsf-examples/raw-inputs').filter((f) => f.includes('Security_Hub'));

  it('holds 180 files, of which 177 carry findings', () => {
    expect(files).toHaveLength(180);
    expect(accepted).toHaveLength(177);
  });

  it.each(accepted.map((f) => [shortName(f), f]))(
    'normalizes %s into valid securityhub events',
    (_name, file) => {
      const events = eventsDetectedAs('securityhub', file);
      expect(events).toHaveLength(findingCount(file));
      for (const [i, event] of events.entries()) {
        if (events.length > 1 || event.raw_pointer !== '')
          expect(event.raw_pointer).toBe(`/detail/findings/${i}`);
      }
    },
  );

  it('makes 179 events of the 177 finding files (two Custom Actions carry two findings each)', () => {
    expect(accepted.flatMap((file) => normalizeFile(file))).toHaveLength(179);
  });

  it.each(Object.entries(REFUSED))('refuses %s, saying why', (name, reason) => {
    const file = files.find((f) => shortName(f) === name) as string;
    expect(() => normalizeFile(file)).toThrow(InputError);
    expect(() => normalizeFile(file)).toThrow(reason);
  });

  it('keys every control finding by its standard and control id', () => {
    for (const file of accepted.filter((f) => /finding\/aws-solutions-asr\//.test(f))) {
      const [event] = normalizeFile(file);
      expect(event?.kind, shortName(file)).toMatch(
        /^(aws-foundational-security-best-practices\/v\/1\.0\.0|cis-aws-foundations-benchmark\/v\/1\.2\.0|pci-dss\/v\/3\.2\.1)\/[A-Za-z0-9.]+$/,
      );
      expect(event?.context.control_id).toBeDefined();
      expect(event?.context.compliance_status).toBeDefined();
    }
  });

  it('reads the GuardDuty findings Security Hub imported with the GuardDuty type and tables', () => {
    const guardDuty = accepted
      .flatMap((file) => normalizeFile(file))
      .filter((event) => event.context.product === 'GuardDuty');
    expect(guardDuty.length).toBeGreaterThanOrEqual(6);
    for (const event of guardDuty) {
      expect(event.kind).toMatch(/^[A-Za-z]+:[A-Za-z0-9]+\/.+/);
      expect(event.source).toBe('threatintel');
      expect(event.actor).toMatch(/^arn:aws:iam::\d{12}:user\//);
    }
  });

  it.each(rawAsff.map((f) => [shortName(f), f]))(
    'normalizes the real ASFF raw input %s as securityhub',
    (_n, file) => {
      expect(eventsDetectedAs('securityhub', file)).toHaveLength(1);
    },
  );

  it('finds the four Security Hub raw inputs of the OCSF examples', () => {
    expect(rawAsff).toHaveLength(4);
  });

  it('does not claim the OCSF-mapped Security Hub findings, nor any other OCSF file', () => {
    const ocsf = corpusFiles('ocsf').filter((f) => !rawAsff.includes(f));
    const mappedSecurityHub = ocsf.filter((f) => /sechub|Security_Hub/.test(f));
    expect(mappedSecurityHub.length).toBeGreaterThanOrEqual(3);
    const claimed = ocsf.flatMap(payloadsOf).filter(([, payload]) => securityhub.detect(payload));
    expect(claimed.map(([name]) => name)).toEqual([]);
  });

  it("claims no payload of another vendor's corpus files", () => {
    const claimed = payloadsOfOtherVendors('securityhub').filter(([, payload]) =>
      securityhub.detect(payload),
    );
    expect(claimed.map(([name]) => name)).toEqual([]);
  });
});
