// Incidents as playbooks see them: the variables of a condition or template, built from a normalized
// fixture event the way triage builds them (maps that enrichment could not fill are empty).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeInput } from '../../src/ingest/normalize.js';
import { openIncident } from '../../src/store/incident.js';
import { type AssetFacts, conditionContext } from '../../src/triage/decide.js';
import type { ConditionContext } from '../../src/triage/expressions.js';
import type { SecurityEvent } from '../../src/types.js';
import { FIXTURES_DIR, RECEIVED_AT } from '../helpers/corpus.js';

/** The SecurityEvents of test/fixtures/<file>. */
export function fixtureEvents(file: string): SecurityEvent[] {
  return normalizeInput(readFileSync(join(FIXTURES_DIR, file)), { name: file, receivedAt: RECEIVED_AT });
}

export function contextOf(event: SecurityEvent, overrides: Partial<ConditionContext> = {}): ConditionContext {
  return {
    event: { account: null, region: null, actor: null, ...event },
    incident: { id: 'IR-20260303-abcd2345', title: event.title, status: 'open' },
    asset: {},
    intel: { score: 0, matched: false, hits: [] },
    history: {},
    score: 0.6,
    severity: event.severity,
    ...overrides,
  };
}

/** An asset of the registry `assets/inventory.yaml`, matched by the instance or role `identifier`. */
export function assetOf(identifier: string, environment: string | undefined, criticality = 0.3): AssetFacts {
  return {
    id: `asset-${identifier}`,
    ...(environment !== undefined && { environment }),
    criticality,
    compliance: [],
    matched: { identifier, pattern: identifier },
    source: 'assets/inventory.yaml',
  };
}

/**
 * The variables as triage makes them (src/triage/decide.ts), for the event alone in its incident, once
 * the asset registries matched `assets` (most critical first) and knew nothing of `unknown`.
 */
export function triagedContext(
  event: SecurityEvent,
  assets: readonly AssetFacts[],
  unknown: readonly string[],
): ConditionContext {
  return conditionContext(
    {
      incident: openIncident('IR-20260303-abcd2345', event, event.timestamp),
      events: [event],
      enrichment: {
        asset: assets[0] ?? null,
        assets,
        unknown_resources: unknown,
        intel: { score: 0, hits: [] },
        providers: [],
        degraded: [],
      },
      history: { fingerprints: [], resources: [], actors: [] },
      now: new Date(event.timestamp),
    },
    {
      score: { value: 0.6, severity: event.severity, factors: [] },
      history: {
        window: null,
        same_fingerprint: 0,
        same_resource: 0,
        same_actor: 0,
        incidents: 0,
        recent: [],
      },
    },
  );
}
