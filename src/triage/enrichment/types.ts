// What enrichment works on and what it answers. An incident is looked up by what its events name
// (the Subject); each configured source is a provider that answers with facts or says why it could
// not; enrich() merges the answers into one Enrichment that triage scores and routes on.

import type { JsonObject } from '../../json.js';
import type { Indicator } from '../../types.js';

/** One thing an incident's events name: a typed resource, or an event's bare `resource` string. */
export interface SubjectResource {
  /** Dotted resource type (aws.ec2.instance, k8s.pod, host, ...); absent for a bare resource string. */
  readonly type?: string;
  readonly id: string;
  readonly arn?: string;
  readonly name?: string;
}

/** What an incident names, collected from its events: de-duplicated, first seen first, bounded. */
export interface Subject {
  readonly resources: readonly SubjectResource[];
  readonly accounts: readonly string[];
  readonly actors: readonly string[];
  readonly indicators: readonly Indicator[];
  /** The incident's correlation key (its events share it). */
  readonly fingerprint: string;
}

/** An asset a registry says the incident touches, and why it says so. */
export interface AssetMatch {
  readonly id: string;
  readonly owner?: string;
  readonly environment?: string;
  /** 0 (none) to 1 (the business stops). */
  readonly criticality: number;
  readonly compliance: readonly string[];
  /** Which of the incident's identifiers hit which of the asset's patterns. */
  readonly matched: {
    readonly identifier: string;
    /** The resource type of the identifier, or `account`; absent for a bare resource string. */
    readonly type?: string;
    readonly pattern: string;
  };
  /** The provider that knew it: `asset_registry assets`, `asset_registry https://…`. */
  readonly source: string;
  /** Where the asset is defined, `assets/aws.yaml:12:5`, for a registry kept in the repository. */
  readonly at?: string;
}

/** An indicator of the incident that a threat-intel source knows. */
export interface IntelHit {
  /** The indicator's type and value, as the event gives them. */
  readonly type: string;
  readonly value: string;
  /** How sure the source is that the indicator is malicious, 0 to 1. */
  readonly score: number;
  readonly source: string;
  /** The feed entry that matched (`198.51.100.0/24`, `evil.example`), when it differs from the value. */
  readonly matched?: string;
  /** Where that entry is written, `intel/c2.txt:14`, for a feed kept in the repository. */
  readonly at?: string;
  readonly detail?: string;
}

export type ProviderKind = 'asset' | 'intel' | 'history';

/**
 * ok: answered in full. degraded: failed, timed out, or answered only in part (the reason says which).
 * skipped: not asked, on purpose (a network source in a local-only run).
 */
export type ProviderStatus = 'ok' | 'degraded' | 'skipped';

export interface ProviderReport {
  readonly name: string;
  readonly kind: ProviderKind;
  readonly status: ProviderStatus;
  readonly reason?: string;
  /** How long the provider took, in milliseconds. */
  readonly ms: number;
}

/** One provider's answer. */
export interface ProviderFacts {
  readonly assets?: readonly AssetMatch[];
  readonly hits?: readonly IntelHit[];
  /** The history provider's record, whatever its shape. */
  readonly history?: JsonObject;
  /** Set when the answer is partial: why (`rate limit 100/min reached (3 of 5 IPs checked)`). */
  readonly degraded?: string;
  /** Set when the provider did not look on purpose: why. */
  readonly skipped?: string;
}

export interface EnrichmentProvider {
  /** `asset_registry assets`, `threat_intel abuse_ip_db`: how reports and degradations name it. */
  readonly name: string;
  readonly kind: ProviderKind;
  /** How long enrich() waits for it. */
  readonly timeoutMs: number;
  /** Looks the subject up. The signal aborts when the timeout passes; a provider should stop then. */
  lookup(subject: Subject, signal: AbortSignal): Promise<ProviderFacts>;
  /**
   * Answers at once from what the provider already holds (a registry in the repository, once read),
   * or undefined when it must look: replay asks thousands of times, and a timer and a promise race per
   * question would cost more than the question.
   */
  lookupNow?(subject: Subject): ProviderFacts | undefined;
}

/** Everything enrichment found about an incident, and what it could not find. */
export interface Enrichment {
  /** The most critical asset matched (ties: the first provider, then the first entry); null if none. */
  readonly asset: AssetMatch | null;
  /** Every asset matched, most critical first. */
  readonly assets: readonly AssetMatch[];
  readonly intel: {
    /** The highest hit's score; 0 without hits. */
    readonly score: number;
    /** Highest score first. */
    readonly hits: readonly IntelHit[];
  };
  readonly history: JsonObject | null;
  /** One per provider, in configuration order. */
  readonly providers: readonly ProviderReport[];
  /** `<provider>: <reason>` for each provider that failed, timed out or answered in part. */
  readonly degraded: readonly string[];
}

/**
 * A failure a provider describes itself, in one line that is safe to record: no credential, no stack,
 * no text from the far end that was not neutralized.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
}
