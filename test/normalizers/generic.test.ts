import { describe, expect, it } from 'vitest';
import { normalizeInput } from '../../src/ingest/normalize.js';
import { eventsDetectedAs, fixtureFiles, normalizeValue, rejection } from '../helpers/corpus.js';

const seedEvent = {
  id: 'det-20260301-0001',
  timestamp: '2026-03-01T10:00:00Z',
  source: 'siem',
  severity: 'critical',
  resource: 'arn:aws:iam::123456789012:role/ci-deployer',
  payload: { rule: 'impossible travel', country: 'XX' },
  context: { owner: 'platform', environment: 'prod' },
};

const normalize = (value: unknown) => normalizeValue(value, 'event.json');

describe('generic SecurityEvent payloads', () => {
  it("accepts the seed's SecurityEvent shape", () => {
    const [event] = normalize(seedEvent);
    expect(event).toMatchObject({
      vendor: 'generic',
      source: 'siem',
      severity: 'critical',
      resource: 'arn:aws:iam::123456789012:role/ci-deployer',
      timestamp: '2026-03-01T10:00:00.000Z',
      vendor_id: 'det-20260301-0001',
      context: { owner: 'platform', environment: 'prod' },
    });
  });

  it('derives the event id from the sender id, never copies it', () => {
    const [event] = normalize(seedEvent);
    expect(event?.id).toMatch(/^generic-[0-9a-f]{32}$/);
    const [again] = normalize({ ...seedEvent, context: { other: 'x' } });
    expect(again?.id).toBe(event?.id);
    const [traversal] = normalize({ ...seedEvent, id: '../../../etc/passwd' });
    expect(traversal?.id).toMatch(/^generic-[0-9a-f]{32}$/);
  });

  it('hashes the content for an id when the sender gives none, so a re-delivery is recognisable', () => {
    const { id: _id, ...anonymous } = seedEvent;
    const first = normalize(anonymous)[0];
    const second = normalizeInput(Buffer.from(JSON.stringify(anonymous, null, 2)))[0];
    expect(first?.id).toBe(second?.id);
    expect(first?.raw_sha256).not.toBe(second?.raw_sha256);
  });

  it('re-derives fingerprint and hashes from a full event printed by irac normalize --json', () => {
    const [event] = normalize(seedEvent);
    const forged = { ...event, fingerprint: '0'.repeat(64), raw_sha256: '1'.repeat(64) };
    const [round] = normalize(forged);
    expect(round?.fingerprint).toBe(event?.fingerprint);
    expect(round?.raw_sha256).not.toBe('1'.repeat(64));
  });

  it('keeps only indicators that are what they claim to be', () => {
    const [event] = normalize({
      ...seedEvent,
      indicators: [
        { type: 'ip', value: '203.0.113.7' },
        { type: 'ip', value: 'not-an-ip' },
        { type: 'domain', value: 'Evil.Example.COM.' },
        { type: 'sha256', value: 'ab'.repeat(32) },
      ],
    });
    expect(event?.indicators).toEqual([
      { type: 'ip', value: '203.0.113.7' },
      { type: 'domain', value: 'evil.example.com' },
      { type: 'sha256', value: 'ab'.repeat(32) },
    ]);
  });

  it('rejects an unknown severity, a wrong type and an unparseable timestamp with the field path', () => {
    expect(rejection({ ...seedEvent, severity: 'urgent', resource: 'r', kind: 'k' }, 'event.json')).toMatch(
      /unrecognised payload/,
    );
    expect(rejection({ ...seedEvent, severity: 7 }, 'event.json')).toMatch(/unrecognised payload/);
    expect(rejection({ ...seedEvent, source: 'edr' }, 'event.json')).toBe(
      'event.json: $.source: must be one of siem, cloudtrail, runtime, threatintel',
    );
    expect(rejection({ ...seedEvent, context: { owner: { nested: true } } }, 'event.json')).toBe(
      'event.json: $.context.owner: expected a string, got an object',
    );
    expect(rejection({ ...seedEvent, timestamp: '2026-02-30T00:00:00Z' }, 'event.json')).toBe(
      'event.json: $.timestamp: timestamp "2026-02-30T00:00:00Z" does not parse',
    );
    expect(rejection({ ...seedEvent, indicators: [{ type: 'ipv9', value: '1.2.3.4' }] }, 'event.json')).toBe(
      'event.json: $.indicators[0].type: must be one of ip, domain, url, md5, sha1, sha256, email',
    );
  });

  it('normalizes every shipped generic fixture', () => {
    const files = fixtureFiles('generic');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      eventsDetectedAs('generic', file);
    }
  });
});
