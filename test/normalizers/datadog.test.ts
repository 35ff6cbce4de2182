import { describe, expect, it } from 'vitest';
import { datadog } from '../../src/ingest/normalizers/datadog.js';
import type { JsonObject } from '../../src/json.js';
import {
  corpusAvailable,
  corpusFiles,
  eventsDetectedAs,
  fixtureFiles,
  fixtureJson,
  inputError,
  normalizeFile,
  normalizeValue,
  oneEvent,
  payloadsOfOtherVendors,
  shortName,
} from '../helpers/corpus.js';

const fixture = (name: string) => fixtureJson('datadog', name);
const normalizeJson = (payload: unknown) => normalizeValue(payload, 'signal.json');
const one = (payload: unknown) => oneEvent(payload, 'signal.json');

/** A minimal API signal with the given outer attributes. */
function signal(attributes: JsonObject): JsonObject {
  return {
    id: 'AQAAAtest',
    type: 'signal',
    attributes: { attributes: { workflow: { rule: { name: 'Test rule' } } }, ...attributes },
  };
}

/** The documented webhook template, rendered, with some fields replaced. */
function webhook(fields: JsonObject): JsonObject {
  return { ...fixture('webhook.json'), ...fields };
}

function corpusFile(fragment: string): string {
  const file = corpusFiles('datadog').find((f) => f.includes(fragment));
  if (!file) throw new Error(`no corpus file matching ${fragment}`);
  return file;
}

describe.skipIf(!corpusAvailable)('Datadog corpus', () => {
  const files = corpusFiles('datadog');

  it('has the six API signals', () => {
    expect(files).toHaveLength(6);
  });

  it.each(files.map((f) => [shortName(f), f]))(
    '%s is detected as Datadog and gives one valid event',
    (_name, file) => {
      expect(eventsDetectedAs('datadog', file).map((event) => event.source)).toEqual(['siem']);
    },
  );

  it('builds the instance ARN of the Route 53 metadata signal from its aws_account and region tags', () => {
    const [event] = normalizeFile(
      corpusFile('get_a_list_of_security_signals_returns_ok_response_with_pagi__AQAAAYAeDaGd'),
    );
    expect(event).toMatchObject({
      kind: 'EC2 instance resolved a suspicious AWS metadata DNS query',
      severity: 'high',
      resource: 'arn:aws:ec2:us-east-1:464622532012:instance/i-001d8edd861c028cb',
      account: '464622532012',
      region: 'us-east-1',
      timestamp: '2022-04-12T13:50:58.000Z',
      attack: { tactics: ['TA0006'], techniques: ['T1552'] },
      indicators: [
        { type: 'ip', value: '10.59.175.16' },
        { type: 'domain', value: 'instance-data.ec2.internal' },
      ],
    });
  });

  it('names the instance and the acting user of a Workload Security signal', () => {
    const [event] = normalizeFile(
      corpusFile('get_a_list_of_security_signals_returns_ok_response_with_pagi__AQAAAYAeDX6R'),
    );
    expect(event).toMatchObject({
      kind: 'PAM Configuration Files Modification',
      resource: 'aws.ec2.instance:i-07e829490e315fe9e',
      actor: 'root',
      vendor_id: 'AQAAAYAeDX6RQ1MmRQAAAABBWUFlRFg2UkFBRDZONmh4RHNIOGF3QUE',
      attack: { tactics: ['TA0003'], techniques: ['T1556'] },
    });
    // The inner attributes.status is the matched log's status (info), not the signal's.
    expect(event?.severity).toBe('high');
  });

  it('reads the details endpoint shape (attributes.custom) and maps status info to low', () => {
    const [event] = normalizeFile(corpusFile('get_a_signals_details'));
    expect(event).toMatchObject({
      kind: 'Generate a fake Signal',
      severity: 'low',
      resource: 'host:compute-0-c190d27b-0292-44b8-b094-84ff511768ba',
      timestamp: '2022-09-23T12:26:16.788Z',
    });
    expect(event?.context).toMatchObject({
      vendor_severity: 'info',
      rule_id: '0e2-32k-1pb',
      env: 'pcf-tealblue',
    });
  });
});

describe('Datadog fixtures', () => {
  const counts: Record<string, number> = { 'datadog/list.json': 2 };
  for (const file of fixtureFiles('datadog')) {
    it(`${shortName(file)} is detected as Datadog and normalizes`, () => {
      expect(eventsDetectedAs('datadog', file)).toHaveLength(counts[shortName(file)] ?? 1);
    });
  }

  it('puts the access key, then the role, first for a CloudTrail-based signal (sample.json)', () => {
    const event = one(fixture('sample.json'));
    expect(event).toMatchObject({
      kind: 'AWS IAM AdministratorAccess policy was applied to a user',
      title: 'AdministratorAccess policy attached to IAM user backdoor-admin',
      severity: 'high',
      timestamp: '2024-06-10T08:15:58.000Z',
      resource: 'aws.iam.access_key:ASIAY34FZKBOKMUTVV7A',
      actor: 'arn:aws:sts::111122223333:assumed-role/ci-deployer/session-4711',
      account: '111122223333',
      region: 'us-east-1',
      indicators: [{ type: 'ip', value: '198.51.100.23' }],
      attack: { tactics: ['TA0003', 'TA0004'], techniques: ['T1098'] },
    });
    expect(event.resources[1]).toEqual({
      type: 'aws.iam.role',
      id: 'ci-deployer',
      arn: 'arn:aws:iam::111122223333:role/ci-deployer',
    });
    expect(event.context).toMatchObject({
      event_name: 'AttachUserPolicy',
      log_source: 'cloudtrail',
      rule_id: 'vjd-1h7-pq2',
    });
  });

  it('gives one event per signal of a list, each pointing at its item', () => {
    const events = normalizeJson(fixture('list.json'));
    expect(events.map((e) => e.raw_pointer)).toEqual(['/data/0', '/data/1']);
    expect(events.map((e) => e.severity)).toEqual(['critical', 'low']);
    expect(events[0]?.resources.map((r) => `${r.type}:${r.id}`)).toEqual([
      'aws.ec2.instance:i-0f1e2d3c4b5a69788',
      'k8s.pod:payments/payments-api-6d9f7b8c5-x2k4q',
      'k8s.cluster:payments-eks',
      'user:root',
    ]);
    expect(events[1]?.indicators).toEqual([
      { type: 'ip', value: '203.0.113.45' },
      { type: 'ip', value: '203.0.113.46' },
      { type: 'url', value: 'https://shop.corp.example/search?q=1%27%20OR%20%271%27=%271' },
      { type: 'domain', value: 'shop.corp.example' },
    ]);
  });

  it('reads the webhook template: severity, epoch-millisecond date, tags string and signal attributes', () => {
    const event = one(fixture('webhook.json'));
    expect(event).toMatchObject({
      kind: 'AWS Console login brute force',
      title: 'Brute force attack on AWS console user alice',
      severity: 'medium',
      timestamp: '2024-06-10T08:00:00.000Z',
      vendor_id: 'AQAAAZAbF1x2YmRz9gAAAABBWkFiRjF4MkFBQ0lhcjFuN3VEZ0FBQUE',
      resource: 'arn:aws:iam::111122223333:user/alice',
      actor: 'arn:aws:iam::111122223333:user/alice',
      account: '111122223333',
      region: 'us-east-1',
      attack: { tactics: ['TA0006'], techniques: ['T1110'] },
      indicators: [{ type: 'ip', value: '203.0.113.45' }],
    });
    expect(event.context).toMatchObject({
      link: 'https://app.datadoghq.com/security?event=AQAAAZAbF1x2YmRz9gAAAABBWkFiRjF4MkFBQ0lhcjFuN3VEZ0FBQUE',
      notification_id: '7391847502193847561',
      rule_type: 'log_detection',
    });
  });
});

describe('Datadog severity', () => {
  it.each([
    ['info', 'low'],
    ['low', 'low'],
    ['medium', 'medium'],
    ['high', 'high'],
    ['critical', 'critical'],
    ['HIGH', 'high'],
  ])('maps signal severity %s to %s', (status, severity) => {
    expect(one(signal({ status })).severity).toBe(severity);
    expect(one(webhook({ severity: status })).severity).toBe(severity);
  });

  it.each([
    [0, 'low'],
    [1, 'low'],
    [2, 'medium'],
    [3, 'high'],
    [4, 'critical'],
  ])('maps the numeric severity %d (the documented 0-4 scale) to %s', (level, severity) => {
    expect(one(signal({ severity: level })).severity).toBe(severity);
  });

  it('falls back to the triggering rule case, then to a status tag', () => {
    const byCase = signal({});
    (byCase.attributes as JsonObject).attributes = {
      triggeringRuleCase: { status: 'critical' },
      workflow: { rule: { name: 'r' } },
    };
    expect(one(byCase).severity).toBe('critical');
    expect(one(signal({ tags: ['status:medium'] })).severity).toBe('medium');
  });

  it.each([5, -1, 2.5])('rejects numeric severity %d, naming its path', (level) => {
    const error = inputError({ data: signal({ severity: level }) }, 'signal.json');
    expect(error.where).toBe('signal.json: $.data.attributes.severity');
  });

  it('rejects an unknown severity word, naming its path', () => {
    const error = inputError(webhook({ severity: 'P1' }), 'signal.json');
    expect(error.where).toBe('signal.json: $.severity');
    expect(error.what).toContain('unknown Datadog severity "P1"');
  });

  it('tells the user to add $SECURITY_SIGNAL_SEVERITY when the webhook template lacks it', () => {
    const { severity: _severity, ...rest } = fixture('webhook.json');
    expect(inputError(rest, 'signal.json').what).toContain('$SECURITY_SIGNAL_SEVERITY');
  });

  it('rejects a signal with no severity at all', () => {
    expect(inputError(signal({}), 'signal.json').where).toBe('signal.json: $.attributes.status');
  });
});

describe('Datadog resources, time and hostile input', () => {
  it('types a host named like an EC2 instance id as the instance, other hosts as hosts', () => {
    expect(one(signal({ status: 'low', host: 'i-0123456789abcdef0' })).resource).toBe(
      'aws.ec2.instance:i-0123456789abcdef0',
    );
    expect(one(signal({ status: 'low', host: 'web-01' })).resource).toBe('host:web-01');
  });

  it('maps an IAM user ARN to the user, and the root ARN to the account', () => {
    const attributes = (arn: string) => ({ userIdentity: { arn } });
    expect(
      one(webhook({ attributes: attributes('arn:aws:iam::111122223333:user/ops/bob') })).resources[0],
    ).toEqual({
      type: 'aws.iam.user',
      id: 'bob',
      arn: 'arn:aws:iam::111122223333:user/ops/bob',
    });
    expect(one(webhook({ attributes: attributes('arn:aws:iam::111122223333:root') })).resource).toBe(
      'aws.account:111122223333',
    );
  });

  it('rejects an unparseable webhook date, naming its path', () => {
    const error = inputError(webhook({ date: 'Mon Jan 01' }), 'signal.json');
    expect(error.where).toBe('signal.json: $.date');
  });

  it.each([
    ['a quoted $SECURITY_SIGNAL_ATTRIBUTES', webhook({ attributes: '{"usr":{"id":"x"}}' }), '$.attributes'],
    ['tags that are not a list', signal({ status: 'low', tags: 'source:x' }), '$.attributes.tags'],
    [
      'a userIdentity that is a string',
      webhook({ attributes: { userIdentity: 'arn:aws:iam::1:user/x' } }),
      '$.attributes.userIdentity',
    ],
  ])('rejects %s with an InputError naming %s', (_name, payload, where) => {
    expect(inputError(payload, 'signal.json').where).toBe(`signal.json: ${where}`);
  });
});

describe('Datadog detection', () => {
  it.each([
    ['a signal', signal({})],
    ['a GET response', { data: signal({}) }],
    ['a list', { data: [signal({})], meta: {} }],
    ['the webhook template', { signal_id: 's', rule_name: 'r', severity: 'low' }],
  ])('claims %s', (_name, payload) => {
    expect(datadog.detect(payload as JsonObject)).toBe(true);
  });

  it.each([
    ['a signal without attributes', { id: 'x', type: 'signal' }],
    ['a JSON:API list of something else', { data: [{ id: '1', type: 'incidents', attributes: {} }] }],
    ['a monitor webhook', { id: '1', title: '[Triggered] CPU', date: '1718006400000', alert_id: '42' }],
  ])('does not claim %s', (_name, payload) => {
    expect(datadog.detect(payload as JsonObject)).toBe(false);
  });

  it.skipIf(!corpusAvailable)("claims no payload of another vendor's corpus files", () => {
    const claimed = payloadsOfOtherVendors('datadog').filter(([, payload]) => datadog.detect(payload));
    expect(claimed.map(([name]) => name)).toEqual([]);
  });
});
