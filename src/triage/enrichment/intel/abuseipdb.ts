// AbuseIPDB (`threat_intel` with `provider: abuse_ip_db`): the reputation of the incident's public IP
// addresses, from API v2's check endpoint —
//
//   GET {endpoint}/check?ipAddress=<ip>&maxAgeInDays=90
//   Key: <key>                 Accept: application/json
//   → 200 {"data": {"ipAddress", "abuseConfidenceScore" (0-100), "totalReports", "numDistinctUsers",
//                   "countryCode", "usageType", "isp", "lastReportedAt", "isWhitelisted", ...}}
//   → 401 / 429 / 422 {"errors": [{"detail", "status"}]}, 429 with Retry-After (seconds)
//
// What leaves the runner is the address and nothing else, and never an internal one (private, CGNAT,
// loopback, link-local, unique-local, and those wrapped in IPv6: see ip.ts). The configured rate_limit is
// a token bucket shared by the process; an address whose turn would come after the deadline is not sent,
// and the report says how many were checked. A 429 blocks the bucket for its Retry-After, and for at
// least a second whatever that says; an address is retried at most three times. Answers are kept per
// address (cache_ttl).
//
// Budget and cache live as long as the process: a workflow run starts with a full bucket and an empty
// cache, so runs that overlap each spend up to the whole rate_limit. Keeping the day's quota across runs
// is the workflows' job: they are to serialise the triage runs that call AbuseIPDB (intel/README.md).

import { displayText } from '../../../ingest/display.js';
import { TtlCache } from '../cache.js';
import { endpointName, endpointUrl, getJson, headerSecret, inParallel, sleep } from '../http.js';
import { isInternalAddress, parseAddress } from '../ip.js';
import { type Rate, type Refusal, sharedBucket } from '../rate-limit.js';
import { type EnrichmentProvider, type IntelHit, ProviderError } from '../types.js';

export const ABUSEIPDB_ENDPOINT = 'https://api.abuseipdb.com/api/v2';
export const ABUSEIPDB_KEY_ENV = 'ABUSEIPDB_API_KEY';
const MAX_AGE_DAYS = '90';
/** A check answer is a few hundred bytes; verbose ones with reports are not asked for. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** Addresses checked per incident: a scan naming hundreds must not spend the day's quota on one incident. */
const MAX_ADDRESSES = 32;
const PARALLEL_REQUESTS = 4;
/** When a 429 gives no Retry-After. */
const DEFAULT_RETRY_AFTER_S = 60;
/**
 * The least pause after a 429, whatever Retry-After says: a server answering `Retry-After: 0` would
 * otherwise get thousands of requests within one timeout.
 */
const MIN_BACKOFF_MS = 1000;
/** 429s in a row after which an address is given up on, within the timeout or not. */
const MAX_RETRIES = 3;

interface CheckData {
  readonly abuseConfidenceScore: number;
  readonly totalReports?: unknown;
  readonly numDistinctUsers?: unknown;
  readonly countryCode?: unknown;
  readonly usageType?: unknown;
  readonly isp?: unknown;
  readonly lastReportedAt?: unknown;
  readonly isWhitelisted?: unknown;
  readonly isTor?: unknown;
}

function checkData(body: unknown): CheckData {
  const data = (body as { data?: unknown } | undefined)?.data;
  const score = (data as { abuseConfidenceScore?: unknown } | undefined)?.abuseConfidenceScore;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ProviderError('malformed answer: no "data" object');
  }
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 100) {
    throw new ProviderError(
      'malformed answer: data.abuseConfidenceScore is not a whole number from 0 to 100',
    );
  }
  return data as CheckData;
}

/** What AbuseIPDB's error envelope says, neutralized: `{"errors": [{"detail": "..."}]}`. */
function errorDetail(body: unknown): string {
  const detail = (body as { errors?: { detail?: unknown }[] } | undefined)?.errors?.[0]?.detail;
  const text = typeof detail === 'string' ? displayText(detail, 160) : undefined;
  return text === undefined ? '' : `: ${text}`;
}

/** The hit an answer makes, or null when AbuseIPDB knows nothing against the address. */
function hitOf(ip: string, data: CheckData, source: string): IntelHit | null {
  const reports = typeof data.totalReports === 'number' ? data.totalReports : 0;
  if (data.abuseConfidenceScore === 0 && reports === 0) return null;
  const words = (value: unknown) => (typeof value === 'string' ? displayText(value, 80) : undefined);
  const users = typeof data.numDistinctUsers === 'number' ? ` from ${data.numDistinctUsers} users` : '';
  const facts = [
    `${reports} report${reports === 1 ? '' : 's'}${users} in ${MAX_AGE_DAYS} days`,
    words(data.lastReportedAt) && `last ${words(data.lastReportedAt)}`,
    words(data.countryCode),
    words(data.usageType),
    words(data.isp),
    data.isTor === true && 'Tor exit node',
    data.isWhitelisted === true && 'whitelisted',
  ].filter((fact): fact is string => typeof fact === 'string' && fact !== '');
  return {
    type: 'ip',
    value: ip,
    score: data.abuseConfidenceScore / 100,
    source,
    detail: `confidence ${data.abuseConfidenceScore}%: ${facts.join(', ')}`,
  };
}

/** Milliseconds a Retry-After header asks for (it holds a number of seconds or an HTTP date). */
function retryAfterMs(header: string | null, now: number): number {
  if (header === null) return DEFAULT_RETRY_AFTER_S * 1000;
  if (/^[0-9]{1,9}$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_S * 1000 : Math.max(0, at - now);
}

const caches = new Map<string, TtlCache<IntelHit | null>>();

export function abuseIpDbProvider(options: {
  readonly endpoint: string;
  readonly keyEnv: string;
  readonly env: NodeJS.ProcessEnv;
  readonly rate: Rate | undefined;
  readonly timeoutMs: number;
  readonly cacheTtlMs: number;
}): EnrichmentProvider {
  const name = abuseIpDbName(options.endpoint);
  const bucket = sharedBucket(options.endpoint, options.rate);
  const cacheKey = `${options.endpoint}\u0000${options.cacheTtlMs}`;
  const cache = caches.get(cacheKey) ?? new TtlCache<IntelHit | null>(options.cacheTtlMs);
  caches.set(cacheKey, cache);

  return {
    name,
    kind: 'intel',
    timeoutMs: options.timeoutMs,
    async lookup(subject, signal) {
      const key = headerSecret(options.env, options.keyEnv);
      const started = Date.now();
      // Leave the last tenth of the timeout for answers already on their way.
      const deadline = started + options.timeoutMs * 0.9;

      const addresses = [
        ...new Set(
          subject.indicators.flatMap((indicator) => {
            const address = indicator.type === 'ip' ? parseAddress(indicator.value) : undefined;
            return address && !isInternalAddress(address) ? [address.toString()] : [];
          }),
        ),
      ];
      const hits: IntelHit[] = [];
      const toCheck: string[] = [];
      for (const ip of addresses) {
        const cached = cache.get(ip);
        if (!cached.found) toCheck.push(ip);
        else if (cached.value) hits.push(cached.value);
      }
      const asked = toCheck.slice(0, MAX_ADDRESSES);

      let checked = addresses.length - toCheck.length;
      // Why some address was not sent: the configured rate, AbuseIPDB's Retry-After, or the deadline.
      let notSent: Refusal | undefined;
      let failure: string | undefined;
      const headers = { key, accept: 'application/json' };

      await inParallel(asked, PARALLEL_REQUESTS, async (ip) => {
        for (let retries = 0; ; retries++) {
          const wait = bucket.reserve(deadline);
          if (typeof wait !== 'number') {
            notSent ??= wait;
            return;
          }
          await sleep(wait, signal);
          const url = endpointUrl(options.endpoint, 'check', { ipAddress: ip, maxAgeInDays: MAX_AGE_DAYS });
          let answer: Awaited<ReturnType<typeof getJson>>;
          try {
            answer = await getJson(url, { headers, signal, maxBytes: MAX_ANSWER_BYTES });
          } catch (error) {
            if (signal.aborted) throw error;
            failure ??= error instanceof ProviderError ? error.message : 'request failed';
            return;
          }
          if (answer.status === 429) {
            const pause = Math.max(
              MIN_BACKOFF_MS,
              retryAfterMs(answer.headers.get('retry-after'), Date.now()),
            );
            bucket.blockUntil(Date.now() + pause);
            if (retries < MAX_RETRIES) continue;
            failure ??= `AbuseIPDB still answered 429 after ${MAX_RETRIES} retries`;
            return;
          }
          if (answer.status === 401 || answer.status === 403) {
            throw new ProviderError(`AbuseIPDB refused the key in ${options.keyEnv} (HTTP ${answer.status})`);
          }
          if (answer.status !== 200) {
            failure ??= `HTTP ${answer.status} from AbuseIPDB${errorDetail(answer.body)}`;
            return;
          }
          try {
            const hit = hitOf(ip, checkData(answer.body), name);
            cache.set(ip, hit);
            if (hit) hits.push(hit);
            checked++;
          } catch (error) {
            failure ??= error instanceof ProviderError ? error.message : 'malformed answer';
          }
          return;
        }
      });

      const tally = `${checked} of ${addresses.length} IPs checked`;
      const reasons = [
        notSent?.reason === 'rate' && `rate limit ${notSent.rate.text} reached`,
        notSent?.reason === 'retry-after' &&
          `AbuseIPDB answered 429, nothing sent before ${new Date(notSent.until).toISOString()}`,
        notSent?.reason === 'deadline' && `no time left within the ${options.timeoutMs} ms timeout`,
        failure,
        toCheck.length > asked.length && `at most ${MAX_ADDRESSES} IPs per incident`,
      ].filter((reason): reason is string => typeof reason === 'string');
      return reasons.length === 0 ? { hits } : { hits, degraded: `${reasons.join('; ')} (${tally})` };
    },
  };
}

/** The provider's name; with the endpoint when it is not AbuseIPDB's own (a simulator, a proxy). */
function abuseIpDbName(endpoint: string): string {
  return endpoint === ABUSEIPDB_ENDPOINT
    ? 'threat_intel abuse_ip_db'
    : `threat_intel abuse_ip_db ${endpointName(endpoint)}`;
}
