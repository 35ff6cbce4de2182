// The decision: from an incident, its events and what enrichment found, to a score, a severity and a
// route — or a suppression, or an aggregation — with every reason written down. Pure: the same inputs
// give the same decision, which is what lets `irac replay` backtest a playbook change.

import { durationMs, expiryMs, type Settings } from '../config/config.js';
import { displayText } from '../ingest/display.js';
import type { Incident, SecurityEvent, Severity, SuppressionRule } from '../types.js';
import { type Condition, type ConditionContext, ConditionError, compileCondition } from './expressions.js';
import type { PastIncidents } from './history.js';
import { type Measures, type Score, score } from './score.js';

/** What an asset registry knows about the incident's most critical asset. */
export interface AssetFacts {
  readonly id: string;
  readonly owner?: string | undefined;
  readonly environment?: string | undefined;
  readonly criticality: number;
  readonly compliance: readonly string[];
  readonly matched: { readonly identifier: string; readonly pattern: string };
  readonly source: string;
}

export interface IntelHit {
  readonly type: string;
  readonly value: string;
  readonly score: number;
  readonly source: string;
  readonly detail?: string | undefined;
}

export interface ProviderReport {
  readonly name: string;
  readonly kind: string;
  readonly status: string;
  readonly reason?: string | undefined;
  readonly ms: number;
}

/** Enrichment's answer, as triage reads it. */
export interface EnrichmentFacts {
  /** The most critical asset matched. */
  readonly asset: AssetFacts | null;
  /** Every asset matched, most critical first. */
  readonly assets?: readonly AssetFacts[];
  /**
   * The incident's resources that no registry knows. Absent when it was not worked out: then no
   * resource counts as known, and nothing is pre-authorized on the strength of the assets.
   */
  readonly unknown_resources?: readonly string[];
  readonly intel: { readonly score: number; readonly hits: readonly IntelHit[] };
  readonly providers: readonly ProviderReport[];
  readonly degraded: readonly string[];
}

/** A playbook as routing sees it. */
export interface Route {
  readonly id: string;
  readonly priority: number;
  readonly trigger: Condition;
  /**
   * The destructive steps that would run on this incident without a reviewer (`step:action`), for
   * replay to compare: a pull request that widens a pre-authorization changes no route, but this.
   */
  readonly unreviewed?: (context: ConditionContext) => readonly string[];
}

interface CompiledSuppression {
  readonly rule: SuppressionRule;
  readonly condition: Condition;
  readonly expiresMs: number;
}

/** The configuration and playbooks, compiled once and applied to many incidents. */
export interface TriageRules {
  readonly scoring: Settings['triage']['scoring'];
  /** How far back history counts; undefined when no history source is configured. */
  readonly historyWindow?: { readonly text: string; readonly ms: number };
  readonly suppressions: readonly CompiledSuppression[];
  readonly aggregation: {
    readonly maxIncidents: number;
    readonly window: string;
    readonly windowMs: number;
    readonly maxSeverity: Severity;
  };
  /** In evaluation order: ascending priority, then id. */
  readonly routes: readonly Route[];
  readonly defaultPlaybook: string | null;
}

export function compileRules(settings: Settings, routes: readonly Route[], origin: string): TriageRules {
  const history = settings.triage.enrichment_sources.find((source) => source.type === 'history');
  const historyWindow = history ? (history.window ?? '30d') : undefined;
  const { max_incidents, window, max_severity } = settings.triage.aggregation;
  return {
    scoring: settings.triage.scoring,
    ...(historyWindow && { historyWindow: { text: historyWindow, ms: durationMs(historyWindow) } }),
    suppressions: settings.triage.suppressions.map((rule, i) => ({
      rule,
      condition: compileCondition(rule.when, `${origin}: triage.suppressions[${i}].when`),
      expiresMs: expiryMs(rule.expires),
    })),
    aggregation: {
      maxIncidents: max_incidents,
      window,
      windowMs: durationMs(window),
      maxSeverity: max_severity,
    },
    routes: [...routes].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    defaultPlaybook: settings.triage.default_playbook,
  };
}

export interface TriageInput {
  readonly incident: Incident;
  /**
   * The incident's events, in the order they were recorded — or at least its most severe one: the
   * severity factor and `event` in conditions come from the most severe, earliest first.
   */
  readonly events: readonly SecurityEvent[];
  readonly enrichment: EnrichmentFacts;
  readonly history: PastIncidents;
  /** When the decision is made; suppression expiry is judged against it. */
  readonly now: Date;
}

export type Outcome = 'routed' | 'suppressed' | 'aggregated' | 'unrouted';

export interface TriggerResult {
  readonly playbook: string;
  readonly trigger: string;
  readonly result: boolean | 'error';
  readonly error?: string;
}

export interface HistorySummary {
  readonly window: string | null;
  readonly same_fingerprint: number;
  readonly same_resource: number;
  readonly same_actor: number;
  /** Distinct past incidents sharing any of the three: the historical_frequency measure. */
  readonly incidents: number;
  /** The most recent of them, newest first (at most 10). */
  readonly recent: readonly string[];
}

/** triage.json: everything a reviewer needs to see why the incident went where it went. */
export interface Decision {
  readonly incident: string;
  readonly decided_at: string;
  readonly events: number;
  readonly outcome: Outcome;
  readonly playbook: string | null;
  readonly severity: Severity;
  /** The highest severity the vendors gave. */
  readonly event_severity: Severity;
  readonly score: Score;
  readonly route: {
    /** Why this playbook (or none): the trigger that matched, the default route, a suppression... */
    readonly reason: string;
    readonly evaluated: readonly TriggerResult[];
  };
  readonly suppression: {
    readonly rule: string;
    readonly reason: string;
    readonly owner: string;
    readonly expires: string;
  } | null;
  readonly aggregation: {
    readonly window: string;
    readonly max_incidents: number;
    readonly max_severity: Severity;
    /** How many incidents of the fingerprint opened within the window. */
    readonly count: number;
    /** The most recent of them (at most 50). */
    readonly recent_incidents: readonly string[];
  } | null;
  readonly enrichment: {
    readonly asset: AssetFacts | null;
    readonly assets: readonly AssetFacts[];
    /** Resources no registry knows; null when that was not worked out (then none counts as known). */
    readonly unknown_resources: readonly string[] | null;
    readonly intel: EnrichmentFacts['intel'];
    readonly history: HistorySummary;
    readonly providers: readonly ProviderReport[];
  };
  /** Sources that failed or timed out, and triggers that could not be evaluated: the decision stands, on less. */
  readonly degraded: readonly string[];
}

const SEVERITY_ORDER: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
const RECENT_KEPT = 50;
const REASON_LENGTH = 300;

/** Reasons quote what failed, and a failing expression may quote the event: neutralized, bounded. */
const reasonText = (text: string) => displayText(text, REASON_LENGTH) ?? 'unreadable reason';

/** The event conditions see as `event`: the most severe, earliest first; optional fields present as null. */
export function primaryEvent(events: readonly SecurityEvent[]): SecurityEvent {
  let primary = events[0];
  if (!primary) throw new Error('an incident without events');
  for (const event of events) {
    if (SEVERITY_ORDER.indexOf(event.severity) > SEVERITY_ORDER.indexOf(primary.severity)) primary = event;
  }
  return primary;
}

function withinWindow(history: PastIncidents, incident: Incident, windowMs: number | undefined) {
  const opened = Date.parse(incident.timestamps.opened);
  const keep = (lines: PastIncidents['fingerprints']) =>
    windowMs === undefined ? [] : lines.filter((line) => opened - line.openedMs <= windowMs);
  return {
    fingerprints: keep(history.fingerprints),
    resources: keep(history.resources),
    actors: keep(history.actors),
  };
}

function summarizeHistory(history: PastIncidents, incident: Incident, rules: TriageRules): HistorySummary {
  const inWindow = withinWindow(history, incident, rules.historyWindow?.ms);
  const all = new Map<string, number>();
  for (const line of [...inWindow.fingerprints, ...inWindow.resources, ...inWindow.actors]) {
    all.set(line.incident, line.openedMs);
  }
  return {
    window: rules.historyWindow?.text ?? null,
    same_fingerprint: inWindow.fingerprints.length,
    same_resource: new Set(inWindow.resources.map((line) => line.incident)).size,
    same_actor: new Set(inWindow.actors.map((line) => line.incident)).size,
    incidents: all.size,
    recent: [...all.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))
      .slice(0, 10)
      .map(([id]) => id),
  };
}

function measures(input: TriageInput, history: HistorySummary, rules: TriageRules): Measures {
  const eventSeverity = input.events.reduce<Severity>(
    (highest, event) =>
      SEVERITY_ORDER.indexOf(event.severity) > SEVERITY_ORDER.indexOf(highest) ? event.severity : highest,
    'low',
  );
  const { asset, intel } = input.enrichment;
  const top = [...intel.hits].sort((a, b) => b.score - a.score)[0];
  return {
    severity: {
      raw: eventSeverity,
      why: `the highest severity among ${input.incident.events} event${input.incident.events === 1 ? '' : 's'}`,
    },
    asset_criticality: asset
      ? {
          raw: asset.id,
          normalized: asset.criticality,
          why: `${asset.matched.identifier} matches ${asset.matched.pattern} in ${asset.source}`,
        }
      : {
          raw: 'unknown',
          normalized: rules.scoring.unknown_asset_criticality,
          why: 'no asset registry knows the resources; unknown_asset_criticality applies',
        },
    historical_frequency: {
      raw: history.incidents,
      why:
        history.window === null
          ? 'no history source is configured'
          : `past incidents within ${history.window} sharing the fingerprint (${history.same_fingerprint}), a resource (${history.same_resource}) or an actor (${history.same_actor}); ${rules.scoring.history_saturation} or more count fully`,
    },
    threat_score: top
      ? {
          raw: `${top.type} ${top.value}`,
          normalized: intel.score,
          why: `listed by ${top.source}${top.detail ? ` (${top.detail})` : ''}${intel.hits.length > 1 ? `; ${intel.hits.length} matches in all` : ''}`,
        }
      : { raw: 'none', normalized: 0, why: 'no indicator is known to the threat intelligence sources' },
  };
}

/** The values conditions see. Keys that enrichment could not fill are present and null. */
export function conditionContext(
  input: TriageInput,
  decision: { score: Score; history: HistorySummary },
): ConditionContext {
  const event = primaryEvent(input.events);
  const { asset, intel, assets = asset ? [asset] : [], unknown_resources } = input.enrichment;
  // An asset without an environment is null here, so `environments.all(e, e in [...])` fails on it.
  const environments = [...new Set(assets.map((a) => a.environment ?? null))];
  return {
    event: { account: null, region: null, actor: null, ...event },
    incident: { ...input.incident },
    asset: {
      known: asset !== null,
      id: asset?.id ?? null,
      owner: asset?.owner ?? null,
      environment: asset?.environment ?? null,
      criticality: asset?.criticality ?? null,
      compliance: [...(asset?.compliance ?? [])],
      // Every resource the incident names is known to a registry: what a pre-authorized scope must
      // require, or one known dev instance in the event lets an unknown one be contained unreviewed.
      all_known: asset !== null && unknown_resources !== undefined && unknown_resources.length === 0,
      environments,
    },
    intel: {
      score: intel.score,
      matched: intel.hits.length > 0,
      hits: intel.hits.map((hit) => ({ ...hit })),
    },
    history: { ...decision.history, recent: [...decision.history.recent] },
    score: decision.score.value,
    severity: decision.score.severity,
  };
}

function evaluate(
  condition: Condition,
  context: ConditionContext,
): { result: boolean } | { result: 'error'; error: string } {
  try {
    return { result: condition.evaluate(context) };
  } catch (error) {
    if (!(error instanceof ConditionError)) throw error;
    return { result: 'error', error: reasonText(error.message) };
  }
}

export function decide(input: TriageInput, rules: TriageRules): Decision {
  const history = summarizeHistory(input.history, input.incident, rules);
  const scored = score(measures(input, history, rules), rules.scoring);
  const context = conditionContext(input, { score: scored, history });
  const degraded = [...input.enrichment.degraded];
  const base = {
    incident: input.incident.id,
    decided_at: input.now.toISOString(),
    events: input.incident.events,
    severity: scored.severity,
    event_severity: scored.factors[0]?.raw as Severity,
    score: scored,
    enrichment: {
      asset: input.enrichment.asset,
      assets: input.enrichment.assets ?? (input.enrichment.asset ? [input.enrichment.asset] : []),
      unknown_resources: input.enrichment.unknown_resources ?? null,
      intel: input.enrichment.intel,
      history,
      providers: input.enrichment.providers,
    },
  };

  // Suppression first: a known benign pattern never reaches a playbook.
  for (const { rule, condition, expiresMs } of rules.suppressions) {
    if (input.now.getTime() >= expiresMs) continue;
    const outcome = evaluate(condition, context);
    if (outcome.result === 'error') {
      degraded.push(`suppression ${rule.id}: ${outcome.error}`);
      continue;
    }
    if (!outcome.result) continue;
    return {
      ...base,
      outcome: 'suppressed',
      playbook: null,
      route: {
        reason: `suppressed by rule ${rule.id} (${rule.owner}, until ${rule.expires}): ${rule.reason}`,
        evaluated: [],
      },
      suppression: { rule: rule.id, reason: rule.reason, owner: rule.owner, expires: rule.expires },
      aggregation: null,
      degraded,
    };
  }

  // Dynamic threshold: the same problem keeps coming back; record it, do not run the playbook again.
  const recent = withinWindow(input.history, input.incident, rules.aggregation.windowMs).fingerprints;
  const aggregable =
    SEVERITY_ORDER.indexOf(scored.severity) <= SEVERITY_ORDER.indexOf(rules.aggregation.maxSeverity);
  if (aggregable && recent.length >= rules.aggregation.maxIncidents) {
    const ids = [...recent]
      .sort((a, b) => b.openedMs - a.openedMs || (a.incident < b.incident ? 1 : -1))
      .slice(0, RECENT_KEPT)
      .map((line) => line.incident);
    return {
      ...base,
      outcome: 'aggregated',
      playbook: null,
      route: {
        reason: `aggregated: the fingerprint opened ${recent.length} incidents within ${rules.aggregation.window} before this one (max_incidents ${rules.aggregation.maxIncidents})`,
        evaluated: [],
      },
      suppression: null,
      aggregation: {
        window: rules.aggregation.window,
        max_incidents: rules.aggregation.maxIncidents,
        max_severity: rules.aggregation.maxSeverity,
        count: recent.length,
        recent_incidents: ids,
      },
      degraded,
    };
  }

  const evaluated: TriggerResult[] = [];
  for (const route of rules.routes) {
    const outcome = evaluate(route.trigger, context);
    if (outcome.result === 'error') {
      evaluated.push({
        playbook: route.id,
        trigger: route.trigger.source,
        result: 'error',
        error: outcome.error,
      });
      degraded.push(`playbook ${route.id}: trigger ${outcome.error}`);
      // Not a reason to try the next playbook: that one may contain harder than this one would.
      // The incident waits at the default route, for a person, with the failure on record.
      const fallback = rules.defaultPlaybook;
      return {
        ...base,
        outcome: fallback === null ? 'unrouted' : 'routed',
        playbook: fallback,
        route: {
          reason: `the trigger of ${route.id} could not be evaluated on this incident; ${fallback === null ? 'no default_playbook is configured' : `held at default_playbook ${fallback}`} rather than tried against the playbooks after it`,
          evaluated,
        },
        suppression: null,
        aggregation: null,
        degraded,
      };
    }
    evaluated.push({ playbook: route.id, trigger: route.trigger.source, result: outcome.result });
    if (outcome.result) {
      return {
        ...base,
        outcome: 'routed',
        playbook: route.id,
        route: { reason: `trigger of ${route.id} holds: ${route.trigger.source}`, evaluated },
        suppression: null,
        aggregation: null,
        degraded,
      };
    }
  }
  const fallback = rules.defaultPlaybook;
  return {
    ...base,
    outcome: fallback === null ? 'unrouted' : 'routed',
    playbook: fallback,
    route: {
      reason:
        fallback === null
          ? 'no trigger matched and no default_playbook is configured'
          : `no trigger matched: default_playbook ${fallback}`,
      evaluated,
    },
    suppression: null,
    aggregation: null,
    degraded,
  };
}
