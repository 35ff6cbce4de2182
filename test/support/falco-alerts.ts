// Falco alerts as Falcosidekick forwards them, numbered so a test can tell each one apart after it has
// travelled through dispatches (`uuid` carries the number). `rules` distinct rule names give as many
// fingerprints.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../../src/json.js';
import { FIXTURES_DIR } from '../helpers/corpus.js';

const SAMPLE = JSON.parse(readFileSync(join(FIXTURES_DIR, 'falco/sample.json'), 'utf8')) as JsonObject;

export function falcoAlert(n: number, rules = 1): JsonObject {
  return {
    ...SAMPLE,
    uuid: `alert-${String(n).padStart(6, '0')}`,
    rule: `Outbound Connection to C2 Servers #${n % rules}`,
    time: new Date(Date.UTC(2026, 2, 1, 9, 41, 7) + n).toISOString(),
  };
}

/** The alerts a list of dispatches carried, in order. */
export function alertsIn(dispatches: readonly { clientPayload: Readonly<Record<string, unknown>> }[]) {
  return dispatches.flatMap(
    ({ clientPayload }) =>
      (Object.hasOwn(clientPayload, 'event') ? [clientPayload.event] : clientPayload.events) as JsonObject[],
  );
}

export const uuidsOf = (alerts: readonly JsonObject[]): string[] => alerts.map((alert) => String(alert.uuid));
