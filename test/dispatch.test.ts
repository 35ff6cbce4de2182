import { describe, expect, it } from 'vitest';
import { normalizeValue, rejection } from './helpers/corpus.js';

const finding = (resource: string) => ({ severity: 'critical', resource, kind: 'custom.detector' });
const falcoAlert = {
  rule: 'Terminal shell in container',
  priority: 'Critical',
  time: '2026-03-01T10:00:00.123456789Z',
  output: '10:00:00.123456789: Critical A shell was spawned',
  output_fields: {
    'container.id': 'abc123def456',
    'k8s.ns.name': 'prod',
    'k8s.pod.name': 'api-0',
    'user.name': 'root',
  },
};

const normalize = (value: unknown) => normalizeValue(value, 'dispatch.json');

describe('repository_dispatch', () => {
  it('reads one event from the body a sender POSTs', () => {
    const events = normalize({ event_type: 'security-event', client_payload: { event: finding('a') } });
    expect(events).toHaveLength(1);
    expect(events[0]?.raw_pointer).toBe('/client_payload/event');
  });

  it('reads several events, detecting each source separately', () => {
    const events = normalize({
      event_type: 'security-event',
      client_payload: { events: [finding('a'), falcoAlert] },
    });
    expect(events.map((e) => e.vendor)).toEqual(['generic', 'falco']);
    expect(events.map((e) => e.raw_pointer)).toEqual([
      '/client_payload/events/0',
      '/client_payload/events/1',
    ]);
  });

  it('reads the event file the runner writes at GITHUB_EVENT_PATH', () => {
    const eventFile = {
      action: 'security-event',
      branch: 'main',
      client_payload: { source: 'falco', event: falcoAlert },
      repository: { full_name: 'acme/ir', default_branch: 'main' },
      sender: { login: 'siem-bot', type: 'Bot' },
    };
    const [event] = normalize(eventFile);
    expect(event?.vendor).toBe('falco');
    expect(event?.resource).toBe('k8s.pod:prod/api-0');
  });

  it('uses client_payload.source instead of detection', () => {
    const error = rejection(
      {
        event_type: 'security-event',
        client_payload: { source: 'falco', event: finding('a') },
      },
      'dispatch.json',
    );
    expect(error).toBe('dispatch.json: $.client_payload.event.rule: required string is missing');
  });

  it('rejects a client_payload with more than 10 top-level properties, as GitHub would', () => {
    const client_payload: Record<string, unknown> = { event: finding('a') };
    for (let i = 0; i < 10; i++) client_payload[`extra${i}`] = i;
    expect(rejection({ event_type: 'security-event', client_payload }, 'dispatch.json')).toBe(
      'dispatch.json: $.client_payload: has 11 top-level properties; GitHub rejects more than 10',
    );
  });

  it('rejects a client_payload of 64 KB or more, as GitHub would', () => {
    const client_payload = { event: { ...finding('a'), title: 'x'.repeat(64 * 1024) } };
    expect(rejection({ event_type: 'security-event', client_payload }, 'dispatch.json')).toMatch(
      /^dispatch\.json: \$\.client_payload: is \d+ bytes; GitHub rejects a client_payload of 64 KB or more$/,
    );
  });

  it('rejects an event_type longer than GitHub allows, and one irac does not handle', () => {
    expect(
      rejection({ event_type: 'x'.repeat(101), client_payload: { event: finding('a') } }, 'dispatch.json'),
    ).toBe('dispatch.json: $.event_type: is 101 characters; GitHub allows at most 100');
    expect(
      rejection({ event_type: 'deploy', client_payload: { event: finding('a') } }, 'dispatch.json'),
    ).toBe('dispatch.json: $.event_type: is "deploy"; irac handles "security-event" dispatches');
  });

  it('rejects a client_payload with neither or both of event and events', () => {
    expect(rejection({ event_type: 'security-event', client_payload: {} }, 'dispatch.json')).toBe(
      'dispatch.json: $.client_payload: needs event (one payload) or events (a list)',
    );
    expect(
      rejection(
        {
          event_type: 'security-event',
          client_payload: { event: finding('a'), events: [finding('b')] },
        },
        'dispatch.json',
      ),
    ).toBe('dispatch.json: $.client_payload: has both event and events; send one of them');
  });

  it('rejects an unknown source name in client_payload', () => {
    expect(
      rejection(
        { event_type: 'security-event', client_payload: { source: 'splunky', event: finding('a') } },
        'dispatch.json',
      ),
    ).toMatch(
      /not a valid irac dispatch: \/client_payload\/source must be equal to one of the allowed values/,
    );
  });

  it('rejects events that are not objects', () => {
    expect(
      rejection({ event_type: 'security-event', client_payload: { events: ['text'] } }, 'dispatch.json'),
    ).toMatch(/not a valid irac dispatch: \/client_payload\/events\/0 must be object/);
  });
});
