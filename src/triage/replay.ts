// Backtesting triage: raw events from an NDJSON file go through normalization, correlation (as the
// store would do it, by fingerprint within the window, on the events' own times), enrichment and the
// decision, without writing anything. With two rule sets — the working tree's and a git ref's — every
// event is decided by both over the same enrichment, and the events whose route differs are listed:
// what a playbook pull request would change.

import { DEFAULT_LIMITS, readDocuments } from '../ingest/documents.js';
import { unwrapDocument } from '../ingest/envelopes.js';
import { normalizeUnit } from '../ingest/normalize.js';
import { addEvent, openIncident } from '../store/incident.js';
import type { Incident, SecurityEvent, Severity } from '../types.js';
import {
  conditionContext,
  type Decision,
  decide,
  type EnrichmentFacts,
  type Outcome,
  type TriageRules,
} from './decide.js';
import { MemoryHistory, type PastIncidents } from './history.js';

const NO_HISTORY: PastIncidents = { fingerprints: [], resources: [], actors: [] };

export interface ReplayOptions {
  /** Events with the same fingerprint within this window (by their own timestamps) join one incident. */
  readonly correlationWindowMs: number;
  readonly enrich: (events: readonly SecurityEvent[], incident: Incident) => Promise<EnrichmentFacts>;
  /** When suppressions' expiry is judged; the time replay starts by default. */
  readonly now?: Date;
  /** Called every so often with the events replayed and the bytes read so far. */
  readonly onProgress?: (events: number, bytes: number, totalBytes: number) => void;
}

/** Where an event went under one rule set: `routed:<playbook>`, `suppressed`, `aggregated`, `unrouted`. */
export type RouteKey = string;

export interface RouteCount {
  readonly events: number;
  readonly incidents: number;
}

export interface Tally {
  /** Per route, how many events ended there and how many distinct (simulated) incidents. */
  readonly routes: Record<RouteKey, RouteCount>;
  readonly severities: Record<Severity, number>;
  readonly suppressed: number;
  readonly aggregated: number;
  /** Events whose decision was made on less: a source failed, a trigger could not be evaluated. */
  readonly degraded: number;
}

export interface RouteChange {
  /** `file:line` of the event. */
  readonly origin: string;
  readonly event: string;
  readonly kind: string;
  readonly resource: string;
  readonly before: RouteKey;
  readonly after: RouteKey;
  /** The destructive steps that would run without a reviewer (`step:action`), before and after. */
  readonly unreviewed_before: readonly string[];
  readonly unreviewed_after: readonly string[];
}

export interface ReplayReport {
  readonly events: number;
  /** Events whose id came again (re-deliveries), left out as the store would. */
  readonly duplicates: number;
  readonly incidents: number;
  readonly bytes: number;
  readonly ms: number;
  readonly eventsPerSecond: number;
  /** One per rule set, in the order given. */
  readonly tallies: readonly Tally[];
  /** With two rule sets: events routed differently by the second than by the first. */
  readonly changes: readonly RouteChange[];
  /** How many changes there were in all (`changes` keeps the first CHANGES_KEPT). */
  readonly changed: number;
}

export const CHANGES_KEPT = 1000;

export function routeKey(decision: Pick<Decision, 'outcome' | 'playbook'>): RouteKey {
  return decision.outcome === 'routed' ? `routed:${decision.playbook}` : decision.outcome;
}

function emptyTally() {
  return {
    routes: {} as Record<RouteKey, { events: number; incidents: Set<string> }>,
    severities: { low: 0, medium: 0, high: 0, critical: 0 } as Record<Severity, number>,
    suppressed: 0,
    aggregated: 0,
    degraded: 0,
  };
}

type OpenTally = ReturnType<typeof emptyTally>;

function count(tally: OpenTally, decision: Decision): void {
  const key = routeKey(decision);
  const route = tally.routes[key] ?? { events: 0, incidents: new Set<string>() };
  route.events++;
  route.incidents.add(decision.incident);
  tally.routes[key] = route;
  tally.severities[decision.severity]++;
  const outcome: Outcome = decision.outcome;
  if (outcome === 'suppressed') tally.suppressed++;
  if (outcome === 'aggregated') tally.aggregated++;
  if (decision.degraded.length > 0) tally.degraded++;
}

function closeTally(tally: OpenTally): Tally {
  const routes: Record<RouteKey, RouteCount> = {};
  for (const key of Object.keys(tally.routes).sort()) {
    const route = tally.routes[key];
    if (route) routes[key] = { events: route.events, incidents: route.incidents.size };
  }
  return { ...tally, routes };
}

/** Simulated incidents: ids in the store's format, numbered so that replays are reproducible. */
function replayId(sequence: number, at: string): string {
  const day = at.slice(0, 10).replaceAll('-', '');
  const digits = '0123456789abcdefghjkmnpqrstvwxyz';
  let suffix = '';
  for (let n = sequence, i = 0; i < 8; i++, n = Math.floor(n / 32)) suffix = digits[n % 32] + suffix;
  return `IR-${day}-${suffix}`;
}

interface Open {
  incident: Incident;
  /** The most severe event, earliest first: what decisions read of the events. */
  primary: SecurityEvent;
  /** What enrichment found for every event so far. */
  enrichment: EnrichmentFacts;
}

const RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

/**
 * Enrichment of an incident that gains an event: what was found for the events before and what is
 * found for the new one, as if the whole incident were looked up again (the most critical asset, the
 * first on a tie; every intel hit; every degradation) — without looking up the old events again.
 */
export function mergeEnrichment(before: EnrichmentFacts, added: EnrichmentFacts): EnrichmentFacts {
  const asset =
    before.asset && (!added.asset || before.asset.criticality >= added.asset.criticality)
      ? before.asset
      : added.asset;
  const seen = new Set(before.intel.hits.map((hit) => `${hit.type}\u0000${hit.value}\u0000${hit.source}`));
  const hits = [
    ...before.intel.hits,
    ...added.intel.hits.filter((hit) => !seen.has(`${hit.type}\u0000${hit.value}\u0000${hit.source}`)),
  ]
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_HITS);
  const known = new Set((before.assets ?? []).map((a) => `${a.id}\u0000${a.source}`));
  const assets = [
    ...(before.assets ?? []),
    ...(added.assets ?? []).filter((a) => !known.has(`${a.id}\u0000${a.source}`)),
  ].sort((a, b) => b.criticality - a.criticality);
  const unknown =
    before.unknown_resources === undefined || added.unknown_resources === undefined
      ? undefined
      : [...new Set([...before.unknown_resources, ...added.unknown_resources])];
  return {
    asset,
    assets,
    ...(unknown !== undefined && { unknown_resources: unknown }),
    intel: { score: Math.max(before.intel.score, added.intel.score), hits },
    providers: added.providers,
    degraded: [...new Set([...before.degraded, ...added.degraded])],
  };
}

const MAX_HITS = 64;
const PROGRESS_EVERY = 1000;

export async function replay(
  input: Uint8Array,
  name: string,
  rulesets: readonly TriageRules[],
  options: ReplayOptions,
): Promise<ReplayReport> {
  const started = performance.now();
  const startedAt = options.now ?? new Date();
  const tallies = rulesets.map(emptyTally);
  const histories = rulesets.map((rules) => {
    const { maxIncidents, windowMs } = rules.aggregation;
    const limit = Math.max(100, rules.scoring.history_saturation, maxIncidents);
    return new MemoryHistory(limit, Math.max(windowMs, rules.historyWindow?.ms ?? 0));
  });
  const open = new Map<string, Open>();
  const changes: RouteChange[] = [];
  let changed = 0;
  let events = 0;
  let incidents = 0;
  let bytes = 0;
  let duplicates = 0;
  // The store records an event id once; a re-delivered event is not a new one here either.
  const seen = new Set<string>();

  for (const document of readDocuments(input, name, DEFAULT_LIMITS)) {
    bytes += document.bytes.length + 1;
    for (const unit of unwrapDocument(document)) {
      for (const event of normalizeUnit(unit, {}, event0Time(document.origin))) {
        if (seen.has(event.id)) {
          duplicates++;
          continue;
        }
        seen.add(event.id);
        events++;
        // Correlation as the store does it, on the events' own times: replays are reproducible.
        const at = event.timestamp;
        const current = open.get(event.fingerprint);
        const idle = current ? Date.parse(at) - Date.parse(current.incident.timestamps.updated) : Infinity;
        const joins = current !== undefined && idle <= options.correlationWindowMs;
        const incident = joins
          ? addEvent(current.incident, event, laterOf(current.incident.timestamps.updated, at))
          : openIncident(replayId(incidents++, at), event, at);
        // Only the new event is looked up; what the incident's earlier events found is kept.
        const found = await options.enrich([event], incident);
        const state: Open = joins
          ? {
              incident,
              primary: RANK[event.severity] > RANK[current.primary.severity] ? event : current.primary,
              enrichment: mergeEnrichment(current.enrichment, found),
            }
          : { incident, primary: event, enrichment: found };
        open.set(event.fingerprint, state);
        const { enrichment } = state;
        // History windows run on the events' times; whether a suppression still applies is judged now,
        // as it would be for the next event: a backtest answers "what would this config do today".
        const now = startedAt;
        const decisions = rulesets.map((rules, i) => {
          const history = histories[i] as MemoryHistory;
          const decision = decide(
            { incident, events: [state.primary], enrichment, history: history.past(incident), now },
            rules,
          );
          history.add(incident);
          count(tallies[i] as OpenTally, decision);
          return decision;
        });
        const [before, after] = decisions;
        const unreviewed = decisions.map((decision, i) => {
          const route = (rulesets[i] as TriageRules).routes.find((r) => r.id === decision.playbook);
          if (decision.outcome !== 'routed' || !route?.unreviewed) return [];
          const input = { incident, events: [state.primary], enrichment, history: NO_HISTORY, now };
          return route.unreviewed(
            conditionContext(input, { score: decision.score, history: decision.enrichment.history }),
          );
        });
        const [autoBefore = [], autoAfter = []] = unreviewed;
        if (
          before &&
          after &&
          (routeKey(before) !== routeKey(after) || autoBefore.join('\n') !== autoAfter.join('\n'))
        ) {
          changed++;
          if (changes.length < CHANGES_KEPT) {
            changes.push({
              origin: document.origin,
              event: event.id,
              kind: event.kind,
              resource: event.resource,
              before: routeKey(before),
              after: routeKey(after),
              unreviewed_before: autoBefore,
              unreviewed_after: autoAfter,
            });
          }
        }
        if (events % PROGRESS_EVERY === 0) options.onProgress?.(events, bytes, input.length);
      }
    }
  }
  options.onProgress?.(events, input.length, input.length);
  const ms = performance.now() - started;
  return {
    events,
    duplicates,
    incidents,
    bytes: input.length,
    ms,
    eventsPerSecond: ms > 0 ? events / (ms / 1000) : 0,
    tallies: tallies.map(closeTally),
    changes,
    changed,
  };
}

function laterOf(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** Events without a time of their own get the epoch: a replay must not depend on when it runs. */
function event0Time(_origin: string): string {
  return '1970-01-01T00:00:00.000Z';
}
