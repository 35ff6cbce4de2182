// The seed's scoring, explainable: each factor's raw value, its normalized value in [0, 1], its weight
// and what it contributed; the score is their sum, and the first threshold it reaches names the
// severity. A reviewer can recompute every number in triage.json by hand.

import type { ScoringConfig, Severity } from '../types.js';

/** How much each vendor severity counts, before its weight. */
export const SEVERITY_VALUES: Readonly<Record<Severity, number>> = {
  low: 0.25,
  medium: 0.5,
  high: 0.75,
  critical: 1,
};

export type FactorName = 'severity' | 'asset_criticality' | 'historical_frequency' | 'threat_score';

export interface Factor {
  readonly name: FactorName;
  /** What was measured, as found: a severity, an asset id, a count, an indicator. */
  readonly raw: string | number;
  /** The measure in [0, 1]. */
  readonly normalized: number;
  readonly weight: number;
  /** weight × normalized, the factor's share of the score. */
  readonly contribution: number;
  /** One sentence: where the raw value came from. */
  readonly why: string;
}

export interface Score {
  readonly value: number;
  readonly severity: Severity;
  /** The threshold the score reached; undefined when it reached none (low). */
  readonly threshold?: { readonly severity: Exclude<Severity, 'low'>; readonly at: number };
  readonly factors: readonly Factor[];
}

export interface Measures {
  readonly severity: { readonly raw: Severity; readonly why: string };
  readonly asset_criticality: { readonly raw: string; readonly normalized: number; readonly why: string };
  readonly historical_frequency: { readonly raw: number; readonly why: string };
  readonly threat_score: { readonly raw: string; readonly normalized: number; readonly why: string };
}

/** Scores are written with four decimals: the sum of rounded parts is what the file shows. */
const round = (value: number) => Math.round(value * 10_000) / 10_000;

const clamp = (value: number) => Math.min(1, Math.max(0, value));

export function score(measures: Measures, scoring: Required<ScoringConfig>): Score {
  const { weights, thresholds } = scoring;
  const normalized: Record<FactorName, number> = {
    severity: SEVERITY_VALUES[measures.severity.raw],
    asset_criticality: clamp(measures.asset_criticality.normalized),
    historical_frequency: clamp(measures.historical_frequency.raw / scoring.history_saturation),
    threat_score: clamp(measures.threat_score.normalized),
  };
  const names: FactorName[] = ['severity', 'asset_criticality', 'historical_frequency', 'threat_score'];
  // Each contribution from the normalized value as written, so that the file recomputes by hand.
  const factors = names.map((name): Factor => {
    const weight = weights[name];
    const shown = round(normalized[name]);
    return {
      name,
      raw: measures[name].raw,
      normalized: shown,
      weight,
      contribution: round(weight * shown),
      why: measures[name].why,
    };
  });
  const value = round(clamp(factors.reduce((sum, factor) => sum + factor.contribution, 0)));
  for (const severity of ['critical', 'high', 'medium'] as const) {
    if (value >= thresholds[severity]) {
      return { value, severity, threshold: { severity, at: thresholds[severity] }, factors };
    }
  }
  return { value, severity: 'low', factors };
}
