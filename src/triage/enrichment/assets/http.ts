// An asset registry behind HTTP (`asset_registry` with an `endpoint`): a CMDB or inventory service
// that speaks this contract —
//
//   GET {endpoint}/assets?identifier=<resource id, ARN, name or account>[&type=<resource type>]
//   Authorization: Bearer <token>          (when api_key_env is set)
//   Accept: application/json
//   → 200 {"assets": [{"id", "criticality", "owner"?, "environment"?, "compliance"?, "matched"?}, ...]}
//
// with the entry fields of schemas/assets.schema.json (`matched`: the registry's own rule that matched).
// An identifier it does not know is 200 with no assets. Each answer is kept per identifier for
// cache_ttl; one that is too large, not JSON or off-contract leaves the provider degraded.

import { displayText } from '../../../ingest/display.js';
import { TtlCache } from '../cache.js';
import { endpointName, endpointUrl, getJson, headerSecret, inParallel } from '../http.js';
import type { AssetRegistryAnswerAsset } from '../schema-types.js';
import { answerProblem, assetAnswerValidator } from '../schemas.js';
import { type Identifier, identifiersOf } from '../subject.js';
import { type AssetMatch, type EnrichmentProvider, ProviderError } from '../types.js';

/** Far more than any one asset's record; an answer beyond it is refused, not read. */
const MAX_ANSWER_BYTES = 256 * 1024;
/** Identifiers asked about per incident: an incident naming more is rare and is looked up in part. */
const MAX_IDENTIFIERS = 32;
const PARALLEL_REQUESTS = 4;

const caches = new Map<string, TtlCache<readonly AssetRegistryAnswerAsset[]>>();

function cacheFor(endpoint: string, ttlMs: number): TtlCache<readonly AssetRegistryAnswerAsset[]> {
  const key = `${endpoint}\u0000${ttlMs}`;
  let cache = caches.get(key);
  if (cache === undefined) {
    cache = new TtlCache(ttlMs);
    caches.set(key, cache);
  }
  return cache;
}

function assetMatchOf(asset: AssetRegistryAnswerAsset, identifier: Identifier, source: string): AssetMatch {
  // Text from another system ends up in terminals and Slack: neutralized like event text.
  const owner = asset.owner === undefined ? undefined : displayText(asset.owner, 200);
  const pattern = asset.matched === undefined ? undefined : displayText(asset.matched, 200);
  return {
    id: asset.id,
    ...(owner !== undefined && { owner }),
    ...(asset.environment !== undefined && { environment: asset.environment }),
    criticality: asset.criticality,
    compliance: asset.compliance ?? [],
    matched: {
      identifier: identifier.text,
      ...(identifier.type !== undefined && { type: identifier.type }),
      pattern: pattern ?? identifier.text,
    },
    source,
  };
}

export function httpAssetProvider(options: {
  readonly endpoint: string;
  readonly apiKeyEnv: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly cacheTtlMs: number;
}): EnrichmentProvider {
  const name = `asset_registry ${endpointName(options.endpoint)}`;
  const cache = cacheFor(options.endpoint, options.cacheTtlMs);

  async function ask(identifier: Identifier, headers: Record<string, string>, signal: AbortSignal) {
    const query: Record<string, string> = { identifier: identifier.text };
    if (identifier.type !== undefined) query.type = identifier.type;
    const url = endpointUrl(options.endpoint, 'assets', query);
    const answer = await getJson(url, { headers, signal, maxBytes: MAX_ANSWER_BYTES });
    if (answer.status !== 200)
      throw new ProviderError(`HTTP ${answer.status} from ${endpointName(url.href)}`);
    const validate = assetAnswerValidator();
    if (!validate(answer.body)) throw new ProviderError(`malformed answer: ${answerProblem(validate)}`);
    return answer.body.assets;
  }

  return {
    name,
    kind: 'asset',
    timeoutMs: options.timeoutMs,
    async lookup(subject, signal) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (options.apiKeyEnv !== undefined) {
        headers.authorization = `Bearer ${headerSecret(options.env, options.apiKeyEnv)}`;
      }
      const all = identifiersOf(subject);
      const identifiers = all.slice(0, MAX_IDENTIFIERS);
      const answers = new Map<Identifier, readonly AssetRegistryAnswerAsset[]>();
      await inParallel(identifiers, PARALLEL_REQUESTS, async (identifier) => {
        const key = `${identifier.type ?? ''}\u0000${identifier.text}`;
        const cached = cache.get(key);
        const assets = cached.found ? cached.value : await ask(identifier, headers, signal);
        if (!cached.found) cache.set(key, assets);
        answers.set(identifier, assets);
      });

      // One match per asset: its first identifier, in the subject's order.
      const matches = new Map<string, AssetMatch>();
      for (const identifier of identifiers) {
        for (const asset of answers.get(identifier) ?? []) {
          if (!matches.has(asset.id)) matches.set(asset.id, assetMatchOf(asset, identifier, name));
        }
      }
      const assets = [...matches.values()];
      if (all.length > identifiers.length) {
        return { assets, degraded: `asked about ${identifiers.length} of ${all.length} identifiers` };
      }
      return { assets };
    },
  };
}
