import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DEFAULT_LIMITS, readDocuments } from '../../src/ingest/documents.js';
import { unwrapDocument } from '../../src/ingest/envelopes.js';
import { normalizeInput } from '../../src/ingest/normalize.js';
import { sentinel } from '../../src/ingest/normalizers/sentinel.js';
import { detectNormalizer } from '../../src/ingest/registry.js';
import type { JsonObject } from '../../src/json.js';
import type { SecurityEvent, Vendor } from '../../src/types.js';
import { corpusAvailable, corpusFiles, FIXTURES_DIR, fixtureFiles, shortName } from '../helpers/corpus.js';

const RECEIVED = '2026-01-01T00:00:00.000Z';
const OTHER_VENDOR_FOLDERS = [
  'guardduty',
  'cloudtrail',
  'securityhub-asff',
  'ocsf',
  'falco',
  'splunk',
  'datadog',
];

function fixture(name: string): JsonObject {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, 'sentinel', name), 'utf8')) as JsonObject;
}

function normalizeJson(payload: unknown, name = 'incident.json'): SecurityEvent[] {
  return normalizeInput(Buffer.from(JSON.stringify(payload)), { name, receivedAt: RECEIVED });
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

/** The bare incident of incident.json with some properties replaced. */
function incident(properties: JsonObject): JsonObject {
  const base = fixture('incident.json');
  return { ...base, properties: { ...(base.properties as JsonObject), ...properties } };
}

/** An API example file is request parameters plus responses; the payload is responses["200"].body. */
function exampleBody(file: string): JsonObject {
  const example = JSON.parse(readFileSync(file, 'utf8')) as { responses: { '200': { body: JsonObject } } };
  return example.responses['200'].body;
}

function corpusFile(name: string): string {
  const file = corpusFiles('sentinel').find((f) => f.endsWith(`/${name}`));
  if (!file) throw new Error(`no corpus file ${name}`);
  return file;
}

function payloadsIn(folder: string): JsonObject[] {
  return corpusFiles(folder).flatMap((file) =>
    [...readDocuments(readFileSync(file), shortName(file), DEFAULT_LIMITS)].flatMap((document) =>
      unwrapDocument(document).map((unit) => unit.reader.value),
    ),
  );
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
    const error = inputError(() => normalizeJson(body, 'GetAllIncidentEntities.json'));
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
      const payload = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
      expect(detectNormalizer(payload)?.vendor).toBe('sentinel');
      const events = normalizeInput(readFileSync(file), { name: shortName(file), receivedAt: RECEIVED });
      expect(events).toHaveLength(counts[shortName(file)] ?? 1);
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
    const error = inputError(() => normalizeJson(incident({ severity: 'Critical' })));
    expect(error.where).toBe('incident.json: $.properties.severity');
    expect(error.what).toContain('expected Informational, Low, Medium or High');
  });

  it('rejects an incident without severity', () => {
    const { severity: _severity, ...properties } = fixture('incident.json').properties as JsonObject;
    const error = inputError(() => normalizeJson({ ...fixture('incident.json'), properties }));
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
    const error = inputError(() => normalizeJson(incident({ firstActivityTimeUtc: 'last Tuesday' })));
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
    expect(inputError(() => normalizeJson(payload)).where).toBe(`incident.json: ${where}`);
  });

  it('throws nothing but InputError when any field of any fixture has the wrong type', () => {
    expect(
      mutationFailures(fixtureFiles('sentinel'), 'sentinel', (payload) => sentinel.detect(payload)),
    ).toEqual([]);
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

  describe.skipIf(!corpusAvailable)("leaves other vendors' corpus payloads alone", () => {
    for (const folder of OTHER_VENDOR_FOLDERS) {
      it(`claims nothing in ${folder}/`, () => {
        const payloads = payloadsIn(folder);
        expect(payloads.length).toBeGreaterThan(0);
        expect(payloads.filter((payload) => sentinel.detect(payload))).toEqual([]);
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
