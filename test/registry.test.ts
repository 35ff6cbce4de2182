import { describe, expect, it } from 'vitest';
import { detectNormalizer, SOURCE_NAMES } from '../src/ingest/registry.js';

describe('source detection', () => {
  it('reads a Splunk notable that carries the CloudTrail fields it fired on as the Splunk alert', () => {
    const notable = {
      search_name: 'Threat - AWS Console Login Without MFA - Rule',
      event_id: 'ABC@@notable@@1',
      urgency: 'critical',
      eventName: 'ConsoleLogin',
      eventSource: 'signin.amazonaws.com',
      awsRegion: 'us-east-1',
      user: 'alice',
    };
    expect(detectNormalizer(notable)?.vendor).toBe('splunk');
  });

  it('reads an Elastic alert over a Falco index, or with a search_name field, as the Elastic alert', () => {
    const base = {
      'kibana.alert.rule.name': 'Reverse shell',
      'kibana.alert.uuid': 'u1',
      'kibana.alert.severity': 'critical',
    };
    expect(
      detectNormalizer({ ...base, rule: 'x', priority: 'Notice', output: 'x', output_fields: {} })?.vendor,
    ).toBe('elastic');
    expect(detectNormalizer({ ...base, search_name: 'x', sid: 's', result: {} })?.vendor).toBe('elastic');
  });

  it('lists the sources alphabetically, whatever order detection tries them in', () => {
    expect(SOURCE_NAMES).toEqual([...SOURCE_NAMES].sort());
  });
});
