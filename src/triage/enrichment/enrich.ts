// Enrichment as triage calls it. createProviders(): from `triage.enrichment_sources` to providers, in
// configuration order. enrich(): every provider at once, each under its own timeout, and their answers
// merged. A provider that fails, or is still busy when its time is up, costs the decision that
// provider's facts and nothing else: it is reported degraded, with one line saying why, and triage goes
// on. The timeout is both an AbortSignal (a well-behaved provider stops its requests) and a race (one
// that ignores the signal cannot hold triage either).
//
// Sources in the repository (`path`) are read through the caller's RepoFiles (the working tree).
// Sources across the network (`endpoint`, `provider`) are left out of a local-only run — replay
// backtests thousands of events and must neither spend an API quota nor depend on a service being up —
// and reported as skipped, so that the decision says what it did without.

import { durationMs, type Settings } from '../../config/config.js';
import { InputError } from '../../errors.js';
import { displayText } from '../../ingest/display.js';
import type { JsonObject } from '../../json.js';
import type { RepoFiles } from '../../playbooks/repo-files.js';
import type { EnrichmentSource } from '../../types.js';
import { fileAssetProvider } from './assets/files.js';
import { httpAssetProvider } from './assets/http.js';
import { endpointName } from './http.js';
import { ABUSEIPDB_ENDPOINT, ABUSEIPDB_KEY_ENV, abuseIpDbProvider } from './intel/abuseipdb.js';
import { fileIntelProvider } from './intel/feeds.js';
import { parseRate } from './rate-limit.js';
import {
  type AssetMatch,
  type Enrichment,
  type EnrichmentProvider,
  type IntelHit,
  ProviderError,
  type ProviderFacts,
  type ProviderKind,
  type ProviderReport,
  type Subject,
} from './types.js';

/** How long an answer from an API is reused when the source sets no cache_ttl. */
export const DEFAULT_CACHE_TTL = '1h';
/** setTimeout's (and AbortSignal.timeout's) longest delay; a longer configured timeout waits this long. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export interface ProviderOptions {
  /** Where `path` sources are read: the repository's working tree. */
  readonly files: RepoFiles;
  /** Where API keys are read from (process.env in production). */
  readonly env: NodeJS.ProcessEnv;
  /** Leave network sources out (and report them skipped): replay's default. */
  readonly localOnly?: boolean;
  /** The history provider, for the `history` source; without one, that source is not enrichment's. */
  readonly history?: EnrichmentProvider;
}

/** A source left out on purpose: it reports itself skipped, instantly, and asks nothing. */
function skipped(name: string, kind: ProviderKind, why: string): EnrichmentProvider {
  return { name, kind, timeoutMs: 1000, lookup: async () => ({ skipped: why }) };
}

/** `assets`, `./assets/` and `assets/` are one path, as the repository reader wants it. */
function repoPath(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

function providerFor(
  source: EnrichmentSource,
  settings: Settings,
  options: ProviderOptions,
): EnrichmentProvider | undefined {
  const { files } = options;
  const timeoutMs = Math.min(
    durationMs(source.timeout ?? settings.triage.enrichment_timeout),
    MAX_TIMEOUT_MS,
  );
  const cacheTtlMs = durationMs(source.cache_ttl ?? DEFAULT_CACHE_TTL);
  const local = 'network source left out of a local-only run';

  switch (source.type) {
    case 'asset_registry': {
      if (source.path !== undefined) {
        return fileAssetProvider({ files, path: repoPath(source.path), timeoutMs });
      }
      const endpoint = source.endpoint ?? '';
      if (options.localOnly) return skipped(`asset_registry ${endpointName(endpoint)}`, 'asset', local);
      return httpAssetProvider({
        endpoint,
        apiKeyEnv: source.api_key_env,
        env: options.env,
        timeoutMs,
        cacheTtlMs,
      });
    }
    case 'threat_intel': {
      if (source.path !== undefined) {
        return fileIntelProvider({ files, path: repoPath(source.path), timeoutMs });
      }
      if (options.localOnly) return skipped('threat_intel abuse_ip_db', 'intel', local);
      return abuseIpDbProvider({
        endpoint: source.endpoint ?? ABUSEIPDB_ENDPOINT,
        keyEnv: source.api_key_env ?? ABUSEIPDB_KEY_ENV,
        env: options.env,
        rate: source.rate_limit === undefined ? undefined : parseRate(source.rate_limit),
        timeoutMs,
        cacheTtlMs,
      });
    }
    case 'history':
      return options.history;
  }
}

/**
 * The providers of `settings.triage.enrichment_sources`, in their order. The configuration loader has
 * checked each source's keys; files are read on first lookup (once per RepoFiles), so a broken registry degrades the
 * decision instead of stopping triage (`irac lint` reports it before it merges).
 */
export function createProviders(settings: Settings, options: ProviderOptions): EnrichmentProvider[] {
  return settings.triage.enrichment_sources.flatMap((source) => providerFor(source, settings, options) ?? []);
}

/** The most hits a decision lists; the score is the maximum over all of them either way. */
const MAX_HITS = 64;

/** A line that is safe to record: the message of an error irac wrote, the first line of any other. */
function reasonOf(error: unknown): string {
  if (error instanceof ProviderError || error instanceof InputError)
    return displayText(error.message, 300) ?? 'failed';
  const message = error instanceof Error ? error.message : String(error);
  return `failed: ${displayText(message.split('\n')[0] ?? '', 200) ?? 'unknown error'}`;
}

type Outcome = { facts: ProviderFacts } | { reason: string };

async function consult(provider: EnrichmentProvider, subject: Subject): Promise<Outcome> {
  try {
    const facts = provider.lookupNow?.(subject);
    if (facts !== undefined) return { facts };
  } catch (error) {
    return { reason: reasonOf(error) };
  }
  const signal = AbortSignal.timeout(provider.timeoutMs);
  let onAbort: (() => void) | undefined;
  const timedOut = new Promise<Outcome>((resolve) => {
    onAbort = () => resolve({ reason: `timed out after ${provider.timeoutMs} ms` });
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const answered = (async (): Promise<Outcome> => {
    try {
      return { facts: await provider.lookup(subject, signal) };
    } catch (error) {
      return signal.aborted
        ? { reason: `timed out after ${provider.timeoutMs} ms` }
        : { reason: reasonOf(error) };
    }
  })();
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

function byCriticality(a: AssetMatch, b: AssetMatch): number {
  return b.criticality - a.criticality;
}

/** Looks `subject` up with every provider concurrently and merges what they found. */
export async function enrich(
  subject: Subject,
  providers: readonly EnrichmentProvider[],
): Promise<Enrichment> {
  const outcomes = await Promise.all(
    providers.map(async (provider) => {
      const started = performance.now();
      const outcome = await consult(provider, subject);
      return { provider, outcome, ms: Math.round(performance.now() - started) };
    }),
  );

  const assets: AssetMatch[] = [];
  const hits: IntelHit[] = [];
  let history: JsonObject | null = null;
  const reports: ProviderReport[] = [];
  const degraded: string[] = [];
  for (const { provider, outcome, ms } of outcomes) {
    const report = { name: provider.name, kind: provider.kind, ms };
    if ('reason' in outcome) {
      reports.push({ ...report, status: 'degraded', reason: outcome.reason });
      degraded.push(`${provider.name}: ${outcome.reason}`);
      continue;
    }
    const { facts } = outcome;
    assets.push(...(facts.assets ?? []));
    hits.push(...(facts.hits ?? []));
    if (facts.history !== undefined) history ??= facts.history;
    if (facts.skipped !== undefined) {
      reports.push({ ...report, status: 'skipped', reason: facts.skipped });
    } else if (facts.degraded !== undefined) {
      reports.push({ ...report, status: 'degraded', reason: facts.degraded });
      degraded.push(`${provider.name}: ${facts.degraded}`);
    } else {
      reports.push({ ...report, status: 'ok' });
    }
  }

  // Sorting is stable: among equals, the first provider's, then that provider's own order, stay first.
  assets.sort(byCriticality);
  hits.sort((a, b) => b.score - a.score);
  return {
    asset: assets[0] ?? null,
    assets,
    intel: { score: hits[0]?.score ?? 0, hits: hits.slice(0, MAX_HITS) },
    history,
    providers: reports,
    degraded,
  };
}
