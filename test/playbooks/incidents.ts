// Incidents as playbooks see them: the variables of a condition or template, built from a normalized
// fixture event the way triage builds them (maps that enrichment could not fill are empty).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeInput } from '../../src/ingest/normalize.js';
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
    intel: {},
    history: {},
    score: 0.6,
    severity: event.severity,
    ...overrides,
  };
}
