import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentinel } from '../../src/ingest/normalizers/sentinel.js';
import { detectNormalizer } from '../../src/ingest/registry.js';
import type { JsonObject } from '../../src/json.js';
import {
  corpusAvailable,
  corpusFiles,
  eventsDetectedAs,
  exampleBody,
  fixtureFiles,
  fixtureJson,
  inputError,
  normalizeValue,
  oneEvent,
  payloadsOfOtherVendors,
  shortName,
} from '../helpers/corpus.js';

const fixture = (name: string) => fixtureJson('sentinel', name);
const normalizeJson = (payload: unknown, name = 'incident.json') => normalizeValue(payload, name);
const one = (payload: unknown) => oneEvent(payload, 'incident.json');

/** The bare incident of incident.json with some properties replaced. */
function incident(properties: JsonObject): JsonObject {
  const base = fixture('incident.json');
  return { ...base, properties: { ...(base.properties as JsonObject), ...properties } };
}

function corpusFile(name: string): string {
  const file = corpusFiles('sentinel').find((f) => f.endsWith(`/${name}`));
  if (!file) throw new Error(`no corpus file ${name}`);
  return file;
}

describe.skipIf(!corpusAvailable)('Sentinel corpus (REST API examples)', () => {
  const expected: Record<string, number> = {
    'GetIncidentById.json': 1,
    'GetIncidents.json': 1,
    'GetAllIncidentAlerts.json': 1,
  };

  it('has the four API examples', () => {
    expect(
      corpusFiles('sentinel')
        .map((f) => f.split('/').pop())
        .sort(),
    ).toEqual([
      'GetAllIncidentAlerts.json',
      'GetAllIncidentEntities.json',
      'GetIncidentById.json',
      'GetIncidents.json',
    ]);
  });

  for (const file of corpusFiles('sentinel')) {
    const name = file.split('/').pop() as string;
    it(`${shortName(file)}: the example wrapper itself is not claimed, it is a spec artefact`, () => {
      expect(sentinel.detect(JSON.parse(readFileSync(file, 'utf8')) as JsonObject)).toBe(false);
    });
    if (expected[name] === undefined) continue;
    it(`${shortName(file)}: responses["200"].body is detected as Sentinel and gives ${expected[name]} event`, () => {
      const body = exampleBody(file);
      expect(detectNormalizer(body)?.vendor).toBe('sentinel');
      const events = normalizeJson(body, name);
      expect(events).toHaveLength(expected[name] as number);
      for (const event of events) expect(event).toMatchObject({ vendor: 'sentinel', source: 'siem' });
    });
  }

  it('refuses the incident entities list: it names accounts, not a detection', () => {
    const body = exampleBody(corpusFile('GetAllIncidentEntities.json'));
    expect(detectNormalizer(body)?.vendor).toBe('sentinel');
    const error = inputError(body, 'GetAllIncidentEntities.json');
    expect(error.where).toBe('GetAllIncidentEntities.json: $.entities');
    expect(error.what).toContain('a Sentinel entities list is not an incident or alert');
  });

  it('maps GetIncidentById: High, the subscription, tactic names to ids, the owner as context only', () => {
    const event = one(exampleBody(corpusFile('GetIncidentById.json')));
    expect(event).toMatchObject({
      kind: 'My incident',
      title: 'My incident (incident 3177)',
      severity: 'high',
      account: 'd0cfe6b2-9ac0-4464-9919-dccaee2e48c0',
      timestamp: '2019-01-01T13:00:30.000Z',
      vendor_id: '73e01a99-5cd7-4139-a149-9f2736ff2ab5@2019-01-01T13:15:30Z',
      attack: { tactics: ['TA0001', 'TA0003'], techniques: [] },
    });
    expect(event.resource).toMatch(
      /\/Microsoft\.SecurityInsights\/incidents\/73e01a99-5cd7-4139-a149-9f2736ff2ab5$/,
    );
    expect(event.actor).toBeUndefined();
    expect(event.context).toMatchObject({
      owner: 'john@contoso.com',
      owner_name: 'john doe',
      status: 'Closed',
      classification: 'FalsePositive',
      incident_number: '3177',
      rule_id: 'fab3d2d4-747f-46a7-8ef0-9c0be8112bf7',
    });
  });

  it('maps the incident alert of GetAllIncidentAlerts: Low, its type, its product', () => {
    const [event] = normalizeJson(exampleBody(corpusFile('GetAllIncidentAlerts.json')));
    expect(event).toMatchObject({
      kind: 'myAlert',
      severity: 'low',
      raw_pointer: '/value/0',
      vendor_id: 'baa8a239-6fde-4ab7-a093-d09f7b75c58c',
      account: 'bd794837-4d29-4647-9105-6339bfdb4e6a',
      timestamp: '2020-07-20T18:21:53.615Z',
    });
    expect(event?.context.product).toBe('Azure Security Center');
  });
});

describe('Sentinel fixtures', () => {
  const counts: Record<string, number> = { 'sentinel/incident-list.json': 2 };
  for (const file of fixtureFiles('sentinel')) {
    it(`${shortName(file)} is detected as Sentinel and normalizes`, () => {
      expect(eventsDetectedAs('sentinel', file)).toHaveLength(counts[shortName(file)] ?? 1);
    });
  }

  it('maps the Logic App incident trigger body: the VM first, the account as actor, entities as indicators', () => {
    const event = one(fixture('sample.json'));
    expect(event).toMatchObject({
      kind: 'Suspicious PowerShell download cradle on FIN-WS-042',
      severity: 'high',
      timestamp: '2024-06-10T08:14:57.120Z',
      raw_pointer: '',
      actor: 'jdoe@corp.example',
      account: '7d3e2b1a-4c5f-4e6d-8a9b-0c1d2e3f4a5b',
      resource:
        'azure.vm:/subscriptions/7d3e2b1a-4c5f-4e6d-8a9b-0c1d2e3f4a5b/resourceGroups/rg-finance/providers/Microsoft.Compute/virtualMachines/FIN-WS-042',
      attack: { tactics: ['TA0002', 'TA0011'], techniques: ['T1059', 'T1105', 'T1059.001'] },
    });
    expect(event.resources.map((r) => r.type)).toEqual([
      'azure.vm',
      'host',
      'user',
      'azure.sentinel.incident',
    ]);
    expect(event.resources[1]).toEqual({ type: 'host', id: 'FIN-WS-042.corp.example' });
    expect(event.indicators).toEqual([
      { type: 'ip', value: '203.0.113.99' },
      { type: 'url', value: 'http://cdn-update.example.net/a.ps1' },
      { type: 'domain', value: 'cdn-update.example.net' },
      { type: 'sha256', value: 'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c' },
    ]);
    expect(event.context).toMatchObject({
      trigger_event: 'Create',
      workspace: 'law-secops',
      labels: 'finance',
      alerts_count: '1',
    });
  });

  it('keeps the assignee of a bare incident in context, never as the actor', () => {
    const event = one(fixture('incident.json'));
    expect(event).toMatchObject({
      severity: 'medium',
      attack: { tactics: ['TA0006'], techniques: ['T1110'] },
    });
    expect(event.actor).toBeUndefined();
    expect(event.context).toMatchObject({ owner: 'soc.analyst@corp.example', owner_name: 'SOC Analyst' });
  });

  it('gives one event per incident of a list, each pointing at its item', () => {
    const events = normalizeJson(fixture('incident-list.json'));
    expect(events.map((e) => [e.raw_pointer, e.severity, e.context.incident_number])).toEqual([
      ['/value/0', 'low', '1201'],
      ['/value/1', 'low', '1202'],
    ]);
    expect(events[1]?.attack.tactics).toEqual(['TA0009', 'TA0010']);
  });

  it('maps a Defender for Cloud alert to the VM it names', () => {
    const event = one(fixture('alerts.json'));
    expect(event).toMatchObject({
      kind: 'VM_SuspiciousCommandLineExecution',
      title: 'Suspicious process executed on a Linux VM',
      severity: 'high',
      timestamp: '2024-06-11T02:41:15.002Z',
      resource:
        'azure.vm:/subscriptions/7d3e2b1a-4c5f-4e6d-8a9b-0c1d2e3f4a5b/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-prod-3',
      attack: { tactics: ['TA0002', 'TA0003'], techniques: ['T1059'] },
    });
    expect(event.resources.map((r) => r.type)).toEqual([
      'azure.vm',
      'azure.sentinel.alert',
      'azure.log_analytics_workspace',
    ]);
    expect(event.context).toMatchObject({
      compromised_entity: 'web-prod-3',
      product: 'Microsoft Defender for Cloud',
    });
  });
});

describe('Sentinel severity and identity', () => {
  it.each([
    ['Informational', 'low'],
    ['Low', 'low'],
    ['Medium', 'medium'],
    ['High', 'high'],
  ])('maps Sentinel severity %s to %s (Sentinel has no critical)', (vendor, severity) => {
    expect(one(incident({ severity: vendor })).severity).toBe(severity);
  });

  it('rejects a severity Sentinel does not have, naming its path', () => {
    const error = inputError(incident({ severity: 'Critical' }), 'incident.json');
    expect(error.where).toBe('incident.json: $.properties.severity');
    expect(error.what).toContain('expected Informational, Low, Medium or High');
  });

  it('rejects an incident without severity', () => {
    const { severity: _severity, ...properties } = fixture('incident.json').properties as JsonObject;
    const error = inputError({ ...fixture('incident.json'), properties }, 'incident.json');
    expect(error.where).toBe('incident.json: $.properties.severity');
  });

  it('makes every update of an incident a new event: the id follows lastModifiedTimeUtc', () => {
    const first = one(fixture('incident.json'));
    expect(one(fixture('incident.json')).id).toBe(first.id);
    const updated = one(incident({ status: 'Closed', lastModifiedTimeUtc: '2024-06-11T03:00:00Z' }));
    expect(updated.vendor_id).toBe('8b0d2f4a-6c8e-4a0b-9d2f-4a6c8e0b2d4f@2024-06-11T03:00:00Z');
    expect(updated.id).not.toBe(first.id);
  });

  it('falls back to createdTimeUtc and rejects an unparseable activity time, naming its path', () => {
    expect(one(incident({ firstActivityTimeUtc: null })).timestamp).toBe('2024-06-11T01:50:00.000Z');
    const error = inputError(incident({ firstActivityTimeUtc: 'last Tuesday' }), 'incident.json');
    expect(error.where).toBe('incident.json: $.properties.firstActivityTimeUtc');
  });
});

describe('Sentinel hostile input', () => {
  it.each([
    [
      'a bookmark in a list',
      { value: [{ type: 'Microsoft.SecurityInsights/Bookmarks', properties: {} }] },
      '$.value[0].type',
    ],
    [
      'an Account entity in a list',
      { value: [{ type: 'Microsoft.SecurityInsights/Entities', kind: 'Account', properties: {} }] },
      '$.value[0].kind',
    ],
    [
      'entities that are not a list',
      { ...fixture('sample.json'), object: { properties: { severity: 'Low', relatedEntities: 'x' } } },
      '$.object.properties.relatedEntities',
    ],
    [
      'tactics that hold a number',
      incident({ additionalData: { tactics: ['Persistence', 3] } }),
      '$.properties.additionalData.tactics[1]',
    ],
  ])('rejects %s with an InputError naming %s', (_name, payload, where) => {
    expect(inputError(payload, 'incident.json').where).toBe(`incident.json: ${where}`);
  });
});

describe('Sentinel detection', () => {
  it.each([
    ['an incident resource', fixture('incident.json')],
    ['an incident without its type', { properties: { incidentNumber: 7, severity: 'Low' } }],
    ['a Logic App trigger body', { objectSchemaType: 'Incident', object: {} }],
    ['an incident list', fixture('incident-list.json')],
    [
      'an entities list (to refuse it clearly)',
      { entities: [{ type: 'Microsoft.SecurityInsights/Entities' }] },
    ],
  ])('claims %s', (_name, payload) => {
    expect(sentinel.detect(payload as JsonObject)).toBe(true);
  });

  it.each([
    [
      'another Azure resource list',
      { value: [{ type: 'Microsoft.Compute/virtualMachines', properties: {} }] },
    ],
    ['a Microsoft Graph list', { value: [{ id: '1', severity: 'high' }] }],
    ['an empty list', { value: [] }],
    [
      'an ARM resource of another provider',
      { id: '/x', type: 'Microsoft.Storage/storageAccounts', properties: {} },
    ],
  ])('does not claim %s', (_name, payload) => {
    expect(sentinel.detect(payload as JsonObject)).toBe(false);
  });

  it.skipIf(!corpusAvailable)("claims no payload of another vendor's corpus files", () => {
    const claimed = payloadsOfOtherVendors('sentinel').filter(([, payload]) => sentinel.detect(payload));
    expect(claimed.map(([name]) => name)).toEqual([]);
  });
});
