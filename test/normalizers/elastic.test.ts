import { describe, expect, it } from 'vitest';
import { elastic } from '../../src/ingest/normalizers/elastic.js';
import type { JsonObject, JsonValue } from '../../src/json.js';
import type { SecurityEvent } from '../../src/types.js';
import {
  corpusAvailable,
  eventsDetectedAs,
  fixtureFiles,
  fixtureJson,
  inputError,
  normalizeValue,
  oneEvent,
  payloadsOfOtherVendors,
  shortName,
} from '../helpers/corpus.js';

const fixture = (name: string) => fixtureJson('elastic', name);
const normalizeJson = (payload: unknown) => normalizeValue(payload, 'alert.json');
const one = (payload: unknown) => oneEvent(payload, 'alert.json');

/** The dotted-key form of a nested document, as Kibana stores alert fields: arrays stay values. */
function flatten(value: JsonObject, prefix = '', out: JsonObject = {}): JsonObject {
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (item && typeof item === 'object' && !Array.isArray(item)) flatten(item, name, out);
    else out[name] = item;
  }
  return out;
}

/** A minimal dotted alert, for one field at a time. */
function alert(fields: JsonObject): JsonObject {
  return {
    'kibana.alert.uuid': 'u-1',
    'kibana.alert.rule.name': 'Test rule',
    'kibana.alert.severity': 'medium',
    ...fields,
  };
}

function withoutSeverity(fields: JsonObject): JsonObject {
  const { 'kibana.alert.severity': _severity, ...rest } = alert(fields);
  return rest;
}

describe('Elastic fixtures', () => {
  const counts: Record<string, number> = { 'elastic/search-response.json': 2 };
  for (const file of fixtureFiles('elastic')) {
    it(`${shortName(file)} is detected as Elastic and normalizes`, () => {
      const events = eventsDetectedAs('elastic', file);
      expect(events).toHaveLength(counts[shortName(file)] ?? 1);
      for (const event of events) expect(event.source).toBe('siem');
    });
  }

  it('maps the nested 8.x alert in sample.json', () => {
    const event = one(fixture('sample.json'));
    expect(event).toMatchObject({
      kind: 'Suspicious MS Office Child Process',
      severity: 'high',
      timestamp: '2024-06-10T08:14:57.120Z',
      resource: 'host:WIN-FIN-07',
      actor: 'jdoe',
      vendor_id: '5d2e1f3c4b6a798f0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f30211',
      attack: { tactics: ['TA0001', 'TA0002'], techniques: ['T1566', 'T1566.001', 'T1059'] },
    });
    expect(event.title).toMatch(/^process event with process powershell\.exe/);
    expect(event.indicators).toEqual([
      { type: 'url', value: 'http://cdn-update.example.net/a.ps1' },
      { type: 'domain', value: 'cdn-update.example.net' },
      { type: 'sha256', value: 'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c' },
    ]);
    expect(event.context).toMatchObject({
      rule_id: 'a624863f-a70d-417f-a7d2-7a404638d47f',
      workflow_status: 'open',
      event_category: 'process',
      host_id: 'f0a4c2e1-7b3d-4c59-8e21-93d6a0b4c7e8',
    });
    expect(event.context.link).toMatch(
      /^https:\/\/kibana\.corp\.example:5601\/app\/security\/alerts\/redirect\//,
    );
  });

  it('builds the EC2 instance ARN from the cloud fields of a dotted-key alert', () => {
    const event = one(fixture('dotted-aws.json'));
    expect(event).toMatchObject({
      severity: 'critical',
      resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0a1b2c3d4e5f60718',
      account: '111122223333',
      region: 'eu-west-1',
      actor: 'www-data',
      attack: { tactics: ['TA0002'], techniques: ['T1059', 'T1059.004'] },
      indicators: [{ type: 'ip', value: '203.0.113.99' }],
    });
    expect(event.resources[0]).toEqual({
      type: 'aws.ec2.instance',
      id: 'i-0a1b2c3d4e5f60718',
      arn: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0a1b2c3d4e5f60718',
      name: 'web-prod-3',
    });
  });

  it('puts the container first, then its pod, the VM and the host, for a search hit', () => {
    const event = one(fixture('hit-k8s.json'));
    expect(event.resources.map((r) => `${r.type}:${r.id}`)).toEqual([
      'container:8f2e4c1b9d7a',
      'k8s.pod:payments/payments-api-6d9f7b8c5-x2k4q',
      'gcp.compute.instance:4711003425566778899',
      'host:gke-prod-pool-1-7c9d',
    ]);
    expect(event.raw_pointer).toBe('');
    expect(event.payload._index).toBe('.internal.alerts-security.alerts-default-000001');
    expect(event.indicators).toEqual([
      { type: 'ip', value: '10.52.1.17' },
      { type: 'ip', value: '192.0.2.201' },
      { type: 'domain', value: 'paste.example.org' },
      { type: 'url', value: 'https://paste.example.org/raw/Zx81Qa' },
      { type: 'md5', value: '9e107d9d372bb6826bd81d3542a419d6' },
    ]);
  });

  it('reads the 7.x signal.rule.* document', () => {
    const event = one(fixture('legacy-signal.json'));
    expect(event).toMatchObject({
      kind: 'Potential SSH Brute Force Detected',
      severity: 'medium',
      timestamp: '2021-03-04T10:22:12.000Z',
      resource: 'host:bastion-01',
      attack: { tactics: ['TA0006'], techniques: ['T1110'] },
      indicators: [{ type: 'ip', value: '198.51.100.201' }],
    });
    expect(event.context).toMatchObject({ rule_type: 'threshold', workflow_status: 'open' });
  });

  it('gives one event per hit of a search response, each pointing at its hit', () => {
    const events = normalizeJson(fixture('search-response.json'));
    expect(events.map((e) => e.raw_pointer)).toEqual(['/hits/hits/0', '/hits/hits/1']);
    expect(events.map((e) => e.severity)).toEqual(['medium', 'low']);
    expect(events[0]?.actor).toBe('arn:aws:iam::111122223333:user/alice');
  });
});

describe('Elastic document forms', () => {
  const nested = fixture('sample.json');
  const essentials = (e: SecurityEvent) => ({
    kind: e.kind,
    severity: e.severity,
    timestamp: e.timestamp,
    resources: e.resources,
    actor: e.actor,
    indicators: e.indicators,
    attack: e.attack,
    vendor_id: e.vendor_id,
  });

  it('reads the same alert alike as nested objects and as dotted keys', () => {
    expect(essentials(one(flatten(nested)))).toEqual(essentials(one(nested)));
  });

  it('reads the search API `fields` form, where every value is an array and threat is flattened', () => {
    const event = one({
      'kibana.alert.uuid': ['f-1'],
      'kibana.alert.rule.name': ['Fields form rule'],
      'kibana.alert.risk_score': [80],
      'kibana.alert.original_time': ['2024-06-10T08:14:57.120Z'],
      'kibana.alert.rule.threat.tactic.id': ['TA0008'],
      'kibana.alert.rule.threat.technique.id': ['T1021'],
      'kibana.alert.rule.threat.technique.subtechnique.id': ['T1021.001'],
      'host.name': ['srv-9'],
      'source.ip': ['198.51.100.9'],
      'destination.port': [3389],
    });
    expect(event).toMatchObject({
      severity: 'critical',
      vendor_id: 'f-1',
      resource: 'host:srv-9',
      timestamp: '2024-06-10T08:14:57.120Z',
      attack: { tactics: ['TA0008'], techniques: ['T1021', 'T1021.001'] },
      indicators: [{ type: 'ip', value: '198.51.100.9' }],
    });
  });

  it('takes the hit _id as vendor id when the document has no kibana.alert.uuid', () => {
    const legacy = fixture('legacy-signal.json');
    expect(one({ _index: '.siem-signals-default', _id: 'sig-77', _source: legacy }).vendor_id).toBe('sig-77');
  });

  it('hashes the content of an alert without any id: same alert, same event id', () => {
    const legacy = fixture('legacy-signal.json');
    expect(one(legacy).id).toBe(one(legacy).id);
    expect(one({ ...legacy, '@timestamp': '2021-03-04T10:30:00.000Z' }).id).not.toBe(one(legacy).id);
  });
});

describe('Elastic severity', () => {
  it('prefers kibana.alert.severity over the risk score', () => {
    expect(one(alert({ 'kibana.alert.severity': 'low', 'kibana.alert.risk_score': 99 })).severity).toBe(
      'low',
    );
  });

  it.each([
    [0, 'low'],
    [21, 'low'],
    [22, 'medium'],
    [47, 'medium'],
    [48, 'high'],
    [73, 'high'],
    [74, 'critical'],
    [100, 'critical'],
  ])('bands risk score %d as %s per Elastic docs when no severity is given', (score, severity) => {
    const event = one(withoutSeverity({ 'kibana.alert.risk_score': score }));
    expect(event.severity).toBe(severity);
    expect(event.context.vendor_severity).toBe(`risk_score ${score}`);
  });

  it('falls back to the rule severity of a 7.x signal', () => {
    expect(one({ signal: { rule: { name: 'r', severity: 'Critical' } } }).severity).toBe('critical');
  });

  it.each([101, -1])('rejects risk score %d as outside 0-100', (score) => {
    const error = inputError(withoutSeverity({ 'kibana.alert.risk_score': score }), 'alert.json');
    expect(error.where).toBe('alert.json: $["kibana.alert.risk_score"]');
  });

  it('rejects an unknown severity, naming the dotted key or the nested path it came from', () => {
    const dotted = inputError(alert({ 'kibana.alert.severity': 'urgent' }), 'alert.json');
    expect(dotted.where).toBe('alert.json: $["kibana.alert.severity"]');
    expect(dotted.what).toContain('unknown Elastic severity "urgent"');
    const nested = fixture('sample.json');
    ((nested.kibana as JsonObject).alert as JsonObject).severity = 'urgent';
    expect(inputError(nested, 'alert.json').where).toBe('alert.json: $.kibana.alert.severity');
  });

  it('rejects a Kibana alert with neither severity nor risk score', () => {
    const error = inputError(withoutSeverity({}), 'alert.json');
    expect(error.what).toContain('neither a severity nor a risk score');
  });
});

describe('Elastic time and hostile input', () => {
  it('uses the source event time, else the alert time', () => {
    expect(one(alert({ 'kibana.alert.original_time': '2024-01-02T03:04:05Z' })).timestamp).toBe(
      '2024-01-02T03:04:05.000Z',
    );
    expect(one(alert({ '@timestamp': '2024-01-02T03:04:06Z' })).timestamp).toBe('2024-01-02T03:04:06.000Z');
  });

  it('rejects an unparseable original_time, naming its JSON path', () => {
    const error = inputError(alert({ 'kibana.alert.original_time': '12/31/2024' }), 'alert.json');
    expect(error.where).toBe('alert.json: $["kibana.alert.original_time"]');
  });

  it.each([
    ['host.name', { first: 'x' }, '$["host.name"]'],
    ['kibana.alert.rule.name', ['ok', { bad: true }], '$["kibana.alert.rule.name"][1]'],
    ['kibana.alert.rule.threat', [{ tactic: { id: 7 } }], '$["kibana.alert.rule.threat"][0].tactic.id'],
  ] as [string, JsonValue, string][])(
    'rejects a wrong-typed %s with an InputError naming %s',
    (field, value, where) => {
      expect(inputError(alert({ [field]: value }), 'alert.json').where).toBe(`alert.json: ${where}`);
    },
  );
});

describe('Elastic detection', () => {
  it.each([
    ['a nested alert', { kibana: { alert: { rule: { name: 'r' } } } }],
    ['a dotted alert', { 'kibana.alert.rule.name': 'r' }],
    ['a 7.x signal', { signal: { rule: { name: 'r' } } }],
    ['a search hit', { _id: '1', _source: { 'kibana.alert.uuid': 'u' } }],
  ])('claims %s', (_name, payload) => {
    expect(elastic.detect(payload as JsonObject)).toBe(true);
  });

  it.each([
    [
      'a plain ECS event',
      { '@timestamp': '2024-01-01T00:00:00Z', event: { kind: 'event' }, host: { name: 'h' } },
    ],
    ['a search hit of ordinary logs', { _id: '1', _source: { message: 'hello' } }],
    ['a signal that is a string', { signal: 'SIGTERM' }],
    ['a search response of logs', { hits: { hits: [{ _source: { message: 'x' } }] } }],
  ])('does not claim %s', (_name, payload) => {
    expect(elastic.detect(payload as JsonObject)).toBe(false);
  });

  // There is no Elastic corpus (every real alert document is Elastic-licensed): the fixtures follow the
  // documented alert schema, and every other vendor's corpus must stay unclaimed.
  it.skipIf(!corpusAvailable)("claims no payload of another vendor's corpus files", () => {
    const claimed = payloadsOfOtherVendors('elastic').filter(([, payload]) => elastic.detect(payload));
    expect(claimed.map(([name]) => name)).toEqual([]);
  });
});
