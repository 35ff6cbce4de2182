import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DEFAULT_LIMITS, readDocuments } from '../../src/ingest/documents.js';
import { unwrapDocument } from '../../src/ingest/envelopes.js';
import { normalizeInput } from '../../src/ingest/normalize.js';
import { datadog } from '../../src/ingest/normalizers/datadog.js';
import { detectNormalizer } from '../../src/ingest/registry.js';
import type { JsonObject } from '../../src/json.js';
import type { SecurityEvent, Vendor } from '../../src/types.js';
import {
  corpusAvailable,
  corpusFiles,
  FIXTURES_DIR,
  fixtureFiles,
  normalizeFile,
  shortName,
} from '../helpers/corpus.js';

const RECEIVED = '2026-01-01T00:00:00.000Z';
const OTHER_VENDOR_FOLDERS = [
  'guardduty',
  'cloudtrail',
  'securityhub-asff',
  'ocsf',
  'falco',
  'splunk',
  'sentinel',
];

function fixture(name: string): JsonObject {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, 'datadog', name), 'utf8')) as JsonObject;
}

function normalizeJson(payload: unknown): SecurityEvent[] {
  return normalizeInput(Buffer.from(JSON.stringify(payload)), { name: 'signal.json', receivedAt: RECEIVED });
}

function one(payload: unknown): SecurityEvent {
  const events = normalizeJson(payload);
  expect(events).toHaveLength(1);
  return events[0] as SecurityEvent;
}

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

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

function payloadsIn(folder: string): JsonObject[] {
  return corpusFiles(folder).flatMap((file) =>
    [...readDocuments(readFileSync(file), shortName(file), DEFAULT_LIMITS)].flatMap((document) => {
      const payloads = unwrapDocument(document).map((unit) => unit.reader.value);
      // Sentinel's files are API examples: the payload inside counts too.
      const body = (payloads[0]?.responses as JsonObject | undefined)?.['200'] as JsonObject | undefined;
      return body?.body ? [...payloads, body.body as JsonObject] : payloads;
    }),
  );
}

describe.skipIf(!corpusAvailable)('Datadog corpus', () => {
  const files = corpusFiles('datadog');

  it('has the six API signals', () => {
    expect(files).toHaveLength(6);
  });

  for (const file of files) {
    it(`${shortName(file)} is detected as Datadog and gives one valid event`, () => {
      const payload = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
      expect(detectNormalizer(payload)?.vendor).toBe('datadog');
      const events = normalizeFile(file);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ vendor: 'datadog', source: 'siem' });
    });
  }

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
      const payload = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
      expect(detectNormalizer(payload)?.vendor).toBe('datadog');
      const events = normalizeFile(file);
      expect(events).toHaveLength(counts[shortName(file)] ?? 1);
      for (const event of events) expect(event.vendor).toBe('datadog');
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
    const error = inputError(() => normalizeJson({ data: signal({ severity: level }) }));
    expect(error.where).toBe('signal.json: $.data.attributes.severity');
  });

  it('rejects an unknown severity word, naming its path', () => {
    const error = inputError(() => normalizeJson(webhook({ severity: 'P1' })));
    expect(error.where).toBe('signal.json: $.severity');
    expect(error.what).toContain('unknown Datadog severity "P1"');
  });

  it('tells the user to add $SECURITY_SIGNAL_SEVERITY when the webhook template lacks it', () => {
    const { severity: _severity, ...rest } = fixture('webhook.json');
    expect(inputError(() => normalizeJson(rest)).what).toContain('$SECURITY_SIGNAL_SEVERITY');
  });

  it('rejects a signal with no severity at all', () => {
    expect(inputError(() => normalizeJson(signal({}))).where).toBe('signal.json: $.attributes.status');
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
    const error = inputError(() => normalizeJson(webhook({ date: 'Mon Jan 01' })));
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
    expect(inputError(() => normalizeJson(payload)).where).toBe(`signal.json: ${where}`);
  });

  it('throws nothing but InputError when any field of any fixture has the wrong type', () => {
    expect(
      mutationFailures(fixtureFiles('datadog'), 'datadog', (payload) => datadog.detect(payload)),
    ).toEqual([]);
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

  describe.skipIf(!corpusAvailable)("leaves other vendors' corpus payloads alone", () => {
    for (const folder of OTHER_VENDOR_FOLDERS) {
      it(`claims nothing in ${folder}/`, () => {
        const payloads = payloadsIn(folder);
        expect(payloads.length).toBeGreaterThan(0);
        expect(payloads.filter((payload) => datadog.detect(payload))).toEqual([]);
      });
    }
  });
});

// ---- the hostile-input sweep ----

type Path = (string | number)[];

const HOSTILE: unknown[] = [
  42,
  -1.5,
  true,
  null,
  '',
  'constructor',
  'x\u0000\u202e@here',
  [],
  {},
  ['a', 3],
  { k: 'v' },
];

function nodePaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (path.length > 0) out.push(path);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) nodePaths(item, [...path, i], out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nodePaths(item, [...path, key], out);
  }
  return out;
}

function replaced(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = replacement;
  return copy;
}

/** Replaces every node of every file with hostile values; lists what threw anything but an InputError. */
function mutationFailures(
  files: readonly string[],
  source: Vendor,
  detect: (payload: JsonObject) => boolean,
) {
  const failures: string[] = [];
  for (const file of files) {
    const original = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    for (const path of nodePaths(original)) {
      for (const hostile of HOSTILE) {
        const mutated = replaced(original, path, hostile);
        try {
          detect(mutated as JsonObject);
          normalizeInput(Buffer.from(JSON.stringify(mutated)), {
            source,
            name: 'm.json',
            receivedAt: RECEIVED,
          });
        } catch (error) {
          if (!(error instanceof InputError)) {
            failures.push(
              `${shortName(file)} ${JSON.stringify(path)} = ${JSON.stringify(hostile)}: ${error}`,
            );
          }
        }
      }
    }
  }
  return failures;
}
