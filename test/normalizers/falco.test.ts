import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeInput } from '../../src/ingest/normalize.js';
import {
  corpusAvailable,
  corpusFiles,
  eventsDetectedAs,
  FIXTURES_DIR,
  fixtureFiles,
  normalizeFile,
  normalizeValue,
  rejection,
  shortName,
} from '../helpers/corpus.js';

const fixture = (name: string) => normalizeFile(join(FIXTURES_DIR, 'falco', name));
const alert = (over: Record<string, unknown>) => ({
  rule: 'Terminal shell in container',
  priority: 'Warning',
  time: '2026-03-01T10:00:00Z',
  output: 'a shell',
  output_fields: { 'container.id': 'abc123', 'user.name': 'root' },
  ...over,
});

describe('Falco alerts', () => {
  it('maps a container alert to its k8s pod, container and host, with the C2 address as an indicator', () => {
    const [event] = fixture('sample.json');
    expect(event).toMatchObject({
      vendor: 'falco',
      source: 'runtime',
      severity: 'critical',
      kind: 'Outbound Connection to C2 Servers',
      resource: 'k8s.pod:payments/payments-api-7c9d5b6f4-x2x8k',
      actor: 'root',
      timestamp: '2026-03-01T09:41:07.118Z',
      vendor_id: '5c1f8d9e-2b7a-4c3e-9f10-7a2d4e6b8c01',
      indicators: [{ type: 'ip', value: '203.0.113.50' }],
      attack: { tactics: ['TA0011'], techniques: ['T1071'] },
    });
    expect(event?.resources).toEqual([
      { type: 'k8s.pod', id: 'payments/payments-api-7c9d5b6f4-x2x8k' },
      { type: 'container', id: '3f9a1c2b7d4e', name: 'ghcr.io/acme/payments-api' },
      { type: 'host', id: 'ip-10-0-4-17.ec2.internal' },
    ]);
    expect(event?.title).toMatch(
      /^Outbound Connection to C2 Servers: Outbound connection to C2 server \(command=curl/,
    );
  });

  it('maps a k8s audit alert to the API object it targets and the requesting user', () => {
    const [event] = fixture('k8s-audit-exec.json');
    expect(event).toMatchObject({
      severity: 'low',
      resource: 'k8s.pod:prod/db-0',
      actor: 'alice@example.com',
      attack: { tactics: ['TA0002'], techniques: [] },
      indicators: [
        { type: 'ip', value: '198.51.100.9' },
        { type: 'ip', value: '10.0.0.5' },
      ],
      context: { falco_source: 'k8s_audit', vendor_severity: 'Notice' },
    });
  });

  it('names the host for host alerts (container.id "host" is not a container)', () => {
    const [event] = fixture('host-write-below-etc.json');
    expect(event?.severity).toBe('high');
    expect(event?.resources).toEqual([{ type: 'host', id: 'bastion-1' }]);
  });

  it.each([
    ['Emergency', 'critical'],
    ['Alert', 'critical'],
    ['Critical', 'critical'],
    ['Error', 'high'],
    ['Warning', 'medium'],
    ['Notice', 'low'],
    ['Informational', 'low'],
    ['Debug', 'low'],
  ])('maps priority %s to %s', (priority, severity) => {
    const [event] = normalizeValue(alert({ priority }), 'falco.json');
    expect(event?.severity).toBe(severity);
  });

  it('rejects an unknown priority, wrong types and an unparseable time, naming the field', () => {
    expect(rejection(alert({ priority: 'constructor' }), 'falco.json')).toBe(
      'falco.json: $.priority: unknown Falco priority "constructor"',
    );
    expect(rejection(alert({ priority: 'Severe' }), 'falco.json')).toBe(
      'falco.json: $.priority: unknown Falco priority "Severe"',
    );
    expect(rejection(alert({ output_fields: 'oops' }), 'falco.json')).toBe(
      'falco.json: $.output_fields: expected an object, got a string "oops"',
    );
    expect(rejection(alert({ output_fields: { 'k8s.ns.name': ['a'] } }), 'falco.json')).toBe(
      'falco.json: $.output_fields["k8s.ns.name"]: expected a string, got an array',
    );
    expect(rejection(alert({ time: 'Tuesday' }), 'falco.json')).toBe(
      'falco.json: $.time: timestamp "Tuesday" does not parse',
    );
    expect(rejection(alert({ tags: [1] }), 'falco.json')).toBe(
      'falco.json: $.tags[0]: expected a string, got a number "1"',
    );
  });

  it('recognises the same alert re-delivered by Falcosidekick by its content when it has no uuid', () => {
    const first = normalizeInput(Buffer.from(JSON.stringify(alert({}))))[0];
    const again = normalizeInput(Buffer.from(JSON.stringify(alert({}), null, 2)))[0];
    expect(again?.id).toBe(first?.id);
  });

  it('keeps at most 64 ATT&CK ids however many tags an alert carries', () => {
    const tags = Array.from(
      { length: 20_000 },
      (_, i) => `T${String(1000 + (i % 9000)).padStart(4, '0')}.${String(i % 1000).padStart(3, '0')}`,
    );
    const [event] = normalizeInput(Buffer.from(JSON.stringify(alert({ tags }))));
    expect(event?.attack.techniques).toHaveLength(64);
    expect(event?.attack.techniques[0]).toBe('T1000.000');
  });

  it('normalizes every shipped Falco fixture', () => {
    for (const file of fixtureFiles('falco')) eventsDetectedAs('falco', file);
  });
});

describe.skipIf(!corpusAvailable)('Falco corpus', () => {
  it.each(corpusFiles('falco').map((f) => [shortName(f), f]))(
    'normalizes %s as one falco event',
    (_name, file) => {
      expect(eventsDetectedAs('falco', file)).toHaveLength(1);
    },
  );

  it('keeps internal metrics snapshots low and names the host they describe', () => {
    const snapshots = corpusFiles('falco').filter((f) => f.includes('metrics_snapshot'));
    expect(snapshots.length).toBeGreaterThan(0);
    for (const file of snapshots) {
      const [event] = normalizeFile(file);
      expect(event?.severity).toBe('low');
      expect(event?.context.falco_source).toBe('internal');
      expect(event?.resources[0]?.type).toBe('host');
    }
  });
});
