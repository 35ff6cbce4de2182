import { describe, expect, it } from 'vitest';
import { splunk } from '../../src/ingest/normalizers/splunk.js';
import type { JsonObject } from '../../src/json.js';
import {
  corpusAvailable,
  corpusFiles,
  eventsDetectedAs,
  fixtureFiles,
  fixtureJson,
  inputError,
  normalizeFile,
  oneEvent,
  payloadsOfOtherVendors,
  RECEIVED_AT,
  shortName,
} from '../helpers/corpus.js';

const fixture = (name: string) => fixtureJson('splunk', name);
const one = (payload: unknown) => oneEvent(payload, 'alert.json');

/** A webhook body around one result row. */
function webhook(result: JsonObject, extra: JsonObject = {}): JsonObject {
  return {
    sid: 'scheduler__admin__search__RMD5aa_at_1718006400_7',
    search_name: 'Test - Rule',
    result,
    ...extra,
  };
}

/** A webhook from a search over ES notables: the row carries the correlation search's rule_name. */
function notable(result: JsonObject): JsonObject {
  return webhook({ rule_name: 'Test Rule', ...result });
}

describe.skipIf(!corpusAvailable)('Splunk corpus', () => {
  const files = corpusFiles('splunk');

  it('has the documented webhook payload', () => {
    expect(files.map(shortName)).toEqual(['splunk/splunk-docs/webhook_alert_action_payload_example.json']);
  });

  it.each(files.map((f) => [shortName(f), f]))(
    '%s is detected as Splunk and gives one valid event',
    (_name, file) => {
      expect(eventsDetectedAs('splunk', file).map((event) => event.source)).toEqual(['siem']);
    },
  );

  it('names the documented example (search_name null) after its app and keys it by sid and row digest', () => {
    const [event] = normalizeFile(files[0] as string);
    expect(event).toMatchObject({
      kind: 'Splunk alert (app search)',
      severity: 'medium',
      timestamp: RECEIVED_AT,
    });
    // A `stats count by sourcetype` row has no _cd or _serial: the row's digest keys it.
    expect(event?.vendor_id).toMatch(/^scheduler_admin_search_W2_at_14232356_132 row_sha256=[0-9a-f]{32}$/);
    expect(event?.context).toMatchObject({
      severity_basis: 'default',
      timestamp_origin: 'received',
      owner: 'admin',
      sourcetype: 'mongod',
      link: 'http://web.example.local:8000/app/search/@go?sid=scheduler_admin_search_W2_at_14232356_132',
    });
  });
});

describe('Splunk fixtures', () => {
  for (const file of fixtureFiles('splunk')) {
    it(`${shortName(file)} is detected as Splunk and normalizes`, () => {
      expect(eventsDetectedAs('splunk', file)).toHaveLength(1);
    });
  }

  it('maps the ES correlation search in sample.json to a host-first, ATT&CK-tagged event', () => {
    const event = one(fixture('sample.json'));
    expect(event).toMatchObject({
      source: 'siem',
      kind: 'Endpoint - LSASS Memory Read by Unsigned Process - Rule',
      title: 'Endpoint - LSASS Memory Read by Unsigned Process - Rule on WIN-FIN-07.corp.example',
      resource: 'host:WIN-FIN-07.corp.example',
      actor: 'CORP\\svc_backup',
      timestamp: '2024-06-10T07:59:13.000Z',
      attack: { tactics: ['TA0006'], techniques: ['T1003.001'] },
    });
    expect(event.indicators).toEqual(
      expect.arrayContaining([
        { type: 'ip', value: '10.20.4.17' },
        { type: 'sha256', value: '05732e84de58a3cc142535431b3aa04efbe034cc96e837f93c360a6387d8faad' },
      ]),
    );
  });
});

describe('Splunk severity', () => {
  it('maps ES urgency high to high even when the correlation search severity says medium', () => {
    const event = one(fixture('notable-search.json'));
    expect(event.severity).toBe('high');
    expect(event.context).toMatchObject({ severity_basis: 'urgency', vendor_severity: 'high' });
    expect(event.title).toBe('LSASS memory read on WIN-FIN-07.corp.example by procdump64.exe');
  });

  it('trusts urgency on a notable (sample.json has rule_name and an @@notable@@ event_id), not on a plain row', () => {
    const notable = fixtureJson('splunk', 'sample.json');
    expect(one(notable)).toMatchObject({ severity: 'high', context: { vendor_severity: 'high' } });
    const result = { ...(notable.result as Record<string, unknown>) };
    delete result.rule_name;
    delete result.event_id;
    const plain = one({ ...notable, result });
    expect(plain.severity).toBe('medium');
    expect(plain.context).toMatchObject({
      severity_basis: 'default',
      row_urgency: 'high',
      row_severity: 'medium',
    });
    expect(plain.context.vendor_severity).toBeUndefined();
  });

  it('does not let a severity extracted from the logged request lower a plain saved search', () => {
    const event = one({
      sid: 's',
      search_name: 'SQL injection attempt',
      result: { src: '203.0.113.7', severity: 'informational' },
    });
    expect(event.severity).toBe('medium');
    expect(event.context).toMatchObject({ severity_basis: 'default', row_severity: 'informational' });
  });

  it('does not let a risk score or rule_title in a plain search row rate or name the event', () => {
    const event = one(webhook({ risk_score: '1', rule_title: 'nothing to see', dest: 'web-01' }));
    expect(event.severity).toBe('medium');
    expect(event.context.row_risk_score).toBe('1');
    expect(event.title).toBe('Test - Rule on web-01');
  });

  it.each([
    ['an event_id of the notable form', { event_id: 'A-1@@notable@@b2' }],
    ['rule_id', { rule_id: 'ESCU - Test - Rule' }],
    ['orig_rule_name', { orig_rule_name: 'Test Rule' }],
  ])('recognises a notable by %s and trusts its severity', (_marker, marker) => {
    expect(one(webhook({ ...marker, severity: 'critical' })).severity).toBe('critical');
  });

  it('accepts a plain search row whose severity is outside the ES vocabulary: it is not read', () => {
    expect(one(webhook({ urgency: 'sev1' })).context.row_urgency).toBe('sev1');
  });

  it('reads severity when the row has no urgency: critical stays critical', () => {
    const event = one(fixture('failed-logins-multivalue.json'));
    expect(event.severity).toBe('critical');
    expect(event.context.severity_basis).toBe('severity');
  });

  it('maps urgency informational to low', () => {
    expect(one(fixture('flat-notable.json')).severity).toBe('low');
  });

  it.each([
    ['5', 'low'],
    ['19', 'low'],
    ['20', 'medium'],
    ['49.5', 'medium'],
    ['50', 'high'],
    ['69', 'high'],
    ['70', 'critical'],
    ['180', 'critical'],
  ])('bands risk score %s as %s per the ESCU scoring guide', (score, severity) => {
    expect(one(notable({ risk_score: score })).severity).toBe(severity);
  });

  it('skips a severity of unknown and uses the risk score instead', () => {
    const event = one(notable({ severity: 'unknown', risk_score: '55' }));
    expect(event.severity).toBe('high');
    expect(event.context.severity_basis).toBe('risk_score');
  });

  it('reads the first value of a multivalue urgency', () => {
    expect(one(notable({ urgency: ['Critical', 'low'] })).severity).toBe('critical');
  });

  it('assumes medium for a plain saved search and says so in context', () => {
    const event = one(webhook({ count: '3' }));
    expect(event.severity).toBe('medium');
    expect(event.context.severity_basis).toBe('default');
  });

  it('rejects an urgency outside the ES vocabulary, naming its JSON path', () => {
    const error = inputError(notable({ urgency: 'sev1' }), 'alert.json');
    expect(error.where).toBe('alert.json: $.result.urgency');
    expect(error.what).toContain('unknown Splunk urgency "sev1"');
  });

  it('rejects a risk score that is not a number', () => {
    const error = inputError(notable({ risk_score: ['high'] }), 'alert.json');
    expect(error.where).toBe('alert.json: $.result.risk_score[0]');
  });
});

describe('Splunk resources and actor', () => {
  const everything = {
    user: 'alice',
    src: '10.0.0.9',
    src_ip: '10.0.0.9',
    host: 'fw-01',
    dest_nt_host: 'DB01',
    dest_host: 'db-01',
    dest: 'db-01.corp.example',
  };

  it('puts dest, dest_host, dest_nt_host, then user, then the log source host: containment acts on the first', () => {
    const event = one(webhook(everything));
    expect(event.resources.map((r) => `${r.type}:${r.id}`)).toEqual([
      'host:db-01.corp.example',
      'host:db-01',
      'host:DB01',
      'user:alice',
      'host:fw-01',
    ]);
    expect(event.resource).toBe('host:db-01.corp.example');
  });

  it('falls back along the precedence when the dest fields are absent', () => {
    const { dest: _dest, dest_host: _destHost, dest_nt_host: _ntHost, ...rest } = everything;
    expect(one(webhook(rest)).resource).toBe('user:alice');
    expect(one(webhook({ host: 'fw-01', src: '10.0.0.9' })).resource).toBe('host:fw-01');
  });

  it('never makes the source of a brute force (| stats by src, user) a resource: it is an indicator', () => {
    const event = one({
      sid: 's1',
      search_name: 'Brute force',
      result: { src: '203.0.113.7', user: 'alice' },
    });
    expect(event.resources).toEqual([{ type: 'user', id: 'alice' }]);
    expect(event.resource).toBe('user:alice');
    expect(event.title).toBe('Brute force on alice');
    expect(event.indicators).toEqual([{ type: 'ip', value: '203.0.113.7' }]);
    expect(event.context.src).toBe('203.0.113.7');
  });

  it('keeps every src and src_ip value in context and names no resource when only the source is known', () => {
    const event = one(webhook({ src: ['203.0.113.7', '198.51.100.9'], src_ip: '203.0.113.7' }));
    expect(event.resources).toEqual([]);
    expect(event.context).toMatchObject({ src: '203.0.113.7, 198.51.100.9', src_ip: '203.0.113.7' });
  });

  it('makes one resource per value of a multivalue field', () => {
    const event = one(fixture('failed-logins-multivalue.json'));
    expect(event.resources.filter((r) => r.type === 'host').map((r) => r.id)).toEqual([
      'dc01.corp.example',
      'dc02.corp.example',
    ]);
    expect(event.resources.filter((r) => r.type === 'user')).toHaveLength(3);
  });

  it('takes the risk object of a risk notable, typed by risk_object_type', () => {
    const event = one(fixture('risk-threshold.json'));
    expect(event.resources).toEqual([{ type: 'user', id: 'alice@corp.example' }]);
    expect(one(webhook({ risk_object: 'web-07', risk_object_type: 'system' })).resource).toBe('host:web-07');
  });

  it('names src_user as the actor over user (CIM: src_user initiated the change)', () => {
    expect(one(webhook({ user: 'target', src_user: 'admin' })).actor).toBe('admin');
    expect(one(webhook({ user: 'alice' })).actor).toBe('alice');
  });

  it('reads account and region from the CIM vendor_account and vendor_region', () => {
    expect(one(fixture('risk-threshold.json'))).toMatchObject({
      account: '111122223333',
      region: 'us-east-1',
    });
  });
});

describe('Splunk indicators and ATT&CK', () => {
  it('collects IPv4 and IPv6 source addresses and a sender address', () => {
    expect(one(fixture('risk-threshold.json')).indicators).toEqual([
      { type: 'ip', value: '198.51.100.77' },
      { type: 'ip', value: '2001:db8::77' },
      { type: 'email', value: 'alice@corp.example' },
    ]);
  });

  it('collects url, DNS query and hashes, dropping values that are not observables', () => {
    const event = one(
      webhook({
        url: 'https://evil.example.net/x',
        query: 'c2.example.org',
        md5: '9e107d9d372bb6826bd81d3542a419d6',
        src: 'WORKSTATION7',
        file_hash: 'not-a-hash',
      }),
    );
    expect(event.indicators).toEqual([
      { type: 'url', value: 'https://evil.example.net/x' },
      { type: 'domain', value: 'evil.example.net' },
      { type: 'domain', value: 'c2.example.org' },
      { type: 'md5', value: '9e107d9d372bb6826bd81d3542a419d6' },
    ]);
  });

  it('reads ATT&CK technique ids and tactic names from ES annotations', () => {
    expect(one(fixture('failed-logins-multivalue.json')).attack).toEqual({
      tactics: ['TA0006'],
      techniques: ['T1110', 'T1110.003'],
    });
  });

  it('reads annotations kept as a nested object in a flat notable', () => {
    expect(one(fixture('flat-notable.json')).attack.techniques).toEqual(['T1190']);
  });

  it('reads mitre_technique_id from a plain search', () => {
    expect(one(webhook({ mitre_technique_id: 't1059.001', mitre_tactic_id: 'TA0002' })).attack).toEqual({
      tactics: ['TA0002'],
      techniques: ['T1059.001'],
    });
  });
});

describe('Splunk vendor id and time', () => {
  it('keeps the id of a retried webhook (same sid, same row) and changes it for a new sid', () => {
    const first = one(fixture('sample.json'));
    expect(one(fixture('sample.json')).id).toBe(first.id);
    expect(first.vendor_id).toBe(
      'scheduler__admin_U3BsdW5rRW50ZXJwcmlzZVNlY3VyaXR5U3VpdGU__RMD5a6c6b3c7d8e9f0a1_at_1718006400_2203 row=412:1187734 time=1718006353',
    );
    expect(one({ ...fixture('sample.json'), sid: 'scheduler__admin__other_at_1718010000_1' }).id).not.toBe(
      first.id,
    );
  });

  it('tells apart the rows of one "for each result" alert by their _cd or _serial', () => {
    const a = one(webhook({ _serial: '0', dest: 'a' }));
    const b = one(webhook({ _serial: '1', dest: 'a' }));
    expect(a.id).not.toBe(b.id);
  });

  describe('rows of a transforming search (no _cd, _serial or _time)', () => {
    const bruteForce = (result: JsonObject): JsonObject => ({
      sid: 's1',
      search_name: 'Brute force',
      result,
    });
    const alice = bruteForce({ src: '203.0.113.7', user: 'alice' });
    const bob = bruteForce({ src: '198.51.100.9', user: 'bob' });

    it('gives two different rows under one sid two ids, so neither is lost', () => {
      expect(one(alice).id).not.toBe(one(bob).id);
      expect(one(alice).vendor_id).toMatch(/^s1 row_sha256=[0-9a-f]{32}$/);
    });

    it('keeps the id of a retried webhook, whatever the order of the row fields', () => {
      const retried = bruteForce({ user: 'alice', src: '203.0.113.7' });
      expect(one(retried).id).toBe(one(alice).id);
    });

    it('tells apart rows that share a _time but have no row address', () => {
      const a = one(bruteForce({ _time: '1718006400', src: '203.0.113.7', user: 'alice' }));
      const b = one(bruteForce({ _time: '1718006400', src: '198.51.100.9', user: 'bob' }));
      expect(a.id).not.toBe(b.id);
      expect(a.vendor_id).toMatch(/^s1 row_sha256=[0-9a-f]{32} time=1718006400$/);
    });
  });

  it('uses the notable event_id when a flat notable has no sid', () => {
    expect(one(fixture('flat-notable.json')).vendor_id).toBe(
      '0F3A9C7E-5B21-4D8E-9A63-2C7B1E4F8D10@@notable@@4b9f1c2d7e8a6b5c3d2e1f0a9b8c7d6e',
    );
  });

  it('reads _time as epoch seconds with a fraction, or as ISO with an offset', () => {
    expect(one(fixture('risk-threshold.json')).timestamp).toBe('2024-06-10T09:59:00.250Z');
    expect(one(fixture('failed-logins-multivalue.json')).timestamp).toBe('2024-06-10T09:00:00.000Z');
  });

  it('rejects an unparseable _time, naming its JSON path', () => {
    const error = inputError(webhook({ _time: 'yesterday' }), 'alert.json');
    expect(error.where).toBe('alert.json: $.result._time');
    expect(error.what).toContain('does not parse');
  });
});

describe('Splunk hostile input', () => {
  it.each([
    ['result', 'a string', '$.result', 'not a row'],
    ['dest', 'an object', '$.result.dest', { name: 'x' }],
    ['user', 'an array holding an object', '$.result.user[1]', ['alice', { id: 7 }]],
  ])('rejects %s as %s with an InputError naming %s', (field, _what, where, value) => {
    const payload = field === 'result' ? { ...webhook({}), result: value } : webhook({ [field]: value });
    expect(inputError(payload, 'alert.json').where).toBe(`alert.json: ${where}`);
  });

  it('accepts numbers where a search wrote numbers, reading them as text', () => {
    expect(one(webhook({ dest: ['db-01', 42] })).resources.map((r) => r.id)).toEqual(['db-01', '42']);
  });
});

describe('Splunk detection', () => {
  it('claims a webhook whose search_name is null by its sid and result row', () => {
    expect(splunk.detect({ sid: 'x', search_name: null, result: {} })).toBe(true);
  });

  it('does not claim a payload with a sid but no result row', () => {
    expect(splunk.detect({ sid: 'x', results_link: 'http://x' })).toBe(false);
  });

  it.skipIf(!corpusAvailable)("claims no payload of another vendor's corpus files", () => {
    const claimed = payloadsOfOtherVendors('splunk').filter(([, payload]) => splunk.detect(payload));
    expect(claimed.map(([name]) => name)).toEqual([]);
  });
});
