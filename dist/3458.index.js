export const id = 3458;
export const ids = [3458];
export const modules = {

/***/ 23458:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  im: () => (/* binding */ loadTriageAt),
  fM: () => (/* binding */ loadTriageEngine)
});

// UNUSED EXPORTS: loadRuleset, unknownResources, unreviewedSteps

// EXTERNAL MODULE: ./lib/src/config/config.js + 1 modules
var config_config = __webpack_require__(96435);
// EXTERNAL MODULE: ./lib/src/playbooks/load.js
var load = __webpack_require__(98273);
// EXTERNAL MODULE: ./lib/src/playbooks/playbook.js
var playbooks_playbook = __webpack_require__(28238);
// EXTERNAL MODULE: ./lib/src/playbooks/repo-files.js
var repo_files = __webpack_require__(20055);
// EXTERNAL MODULE: ./lib/src/triage/decide.js + 1 modules
var decide = __webpack_require__(95288);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/ingest/display.js
var display = __webpack_require__(6481);
// EXTERNAL MODULE: ./lib/src/triage/enrichment/assets/files.js + 2 modules
var assets_files = __webpack_require__(25028);
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/cache.js
// Answers kept for a while, per process: a second incident naming the same IP or resource within the
// TTL costs no request (and no share of a rate limit). Bounded: the oldest entry goes first.
class TtlCache {
    ttlMs;
    capacity;
    now;
    entries = new Map();
    constructor(ttlMs, capacity = 10_000, now = Date.now) {
        this.ttlMs = ttlMs;
        this.capacity = capacity;
        this.now = now;
    }
    /** The value stored under `key` and not yet expired; `found` tells a stored undefined from none. */
    get(key) {
        const entry = this.entries.get(key);
        if (entry === undefined)
            return { found: false };
        if (entry.expires <= this.now()) {
            this.entries.delete(key);
            return { found: false };
        }
        return { found: true, value: entry.value };
    }
    set(key, value) {
        if (this.ttlMs <= 0)
            return;
        this.entries.delete(key);
        if (this.entries.size >= this.capacity) {
            const oldest = this.entries.keys().next();
            if (!oldest.done)
                this.entries.delete(oldest.value);
        }
        this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    }
}
//# sourceMappingURL=cache.js.map
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/types.js
// What enrichment works on and what it answers. An incident is looked up by what its events name
// (the Subject); each configured source is a provider that answers with facts or says why it could
// not; enrich() merges the answers into one Enrichment that triage scores and routes on.
/**
 * A failure a provider describes itself, in one line that is safe to record: no credential, no stack,
 * no text from the far end that was not neutralized.
 */
class ProviderError extends Error {
    name = 'ProviderError';
}
//# sourceMappingURL=types.js.map
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/http.js
// Talking to an enrichment API: one GET, a bounded body, JSON or a one-line reason why not. Whatever
// the far end sends is untrusted: its size is capped while it streams, its text is neutralized before
// it reaches a message, and redirects are refused (an API that moves is misconfigured, and a redirect
// is how a token ends up at another host).


/**
 * How an endpoint is named in reports and messages: without user, password, query or fragment, which
 * is where credentials hide in a URL.
 */
function endpointName(endpoint) {
    try {
        const url = new URL(endpoint);
        return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
    }
    catch {
        return (0,display/* displayText */.WV)(endpoint, 200) ?? '?';
    }
}
/** `{endpoint}/{path}` with a query, whether or not the endpoint ends in a slash. */
function endpointUrl(endpoint, path, query) {
    const url = new URL(`${endpoint.replace(/\/+$/, '')}/${path}`);
    for (const [key, value] of Object.entries(query))
        url.searchParams.set(key, value);
    return url;
}
/** Why a request failed, in words and without the request's headers (they may hold a key). */
function failureOf(error, signal) {
    if (signal.aborted)
        return 'timed out';
    const cause = error.cause;
    if (typeof cause?.code === 'string')
        return `connection failed (${cause.code})`;
    const message = error instanceof Error ? error.message : String(error);
    return `request failed (${(0,display/* displayText */.WV)(message.split('\n')[0] ?? '', 120) ?? 'unknown error'})`;
}
/** The body, read up to `maxBytes` and not one byte more. */
async function boundedBody(response, maxBytes) {
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
        await response.body?.cancel();
        throw new ProviderError(`answer of ${declared} bytes is over the limit of ${maxBytes}`);
    }
    const reader = response.body?.getReader();
    if (!reader)
        return new Uint8Array();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > maxBytes) {
            await reader.cancel();
            throw new ProviderError(`answer is over the limit of ${maxBytes} bytes`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks);
}
/** GETs `url` and parses its JSON body; throws a ProviderError naming what went wrong. */
async function getJson(url, options) {
    if (url.username !== '' || url.password !== '') {
        // fetch would refuse it with a message that quotes the URL, password and all.
        throw new ProviderError('the endpoint URL carries credentials; give the token through api_key_env');
    }
    let response;
    try {
        response = await fetch(url, {
            headers: options.headers,
            signal: options.signal,
            redirect: 'error',
        });
    }
    catch (error) {
        throw new ProviderError(failureOf(error, options.signal));
    }
    let bytes;
    try {
        bytes = await boundedBody(response, options.maxBytes);
    }
    catch (error) {
        if (error instanceof ProviderError)
            throw error;
        throw new ProviderError(failureOf(error, options.signal));
    }
    if (bytes.byteLength === 0)
        return { status: response.status, headers: response.headers, body: undefined };
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new ProviderError(`HTTP ${response.status} with a body that is not UTF-8`);
    }
    try {
        return { status: response.status, headers: response.headers, body: JSON.parse(text) };
    }
    catch {
        // An error page in HTML says more through its status than through its text.
        throw new ProviderError(`HTTP ${response.status} with a body that is not JSON`);
    }
}
/** A key from the environment as a header value, or a ProviderError saying why it cannot be one. */
function headerSecret(env, name) {
    const value = env[name];
    if (value === undefined || value === '')
        throw new ProviderError(`${name} is not set`);
    // Printable ASCII only: fetch rejects anything else with an error that quotes the value.
    if (!/^[\x21-\x7e]{1,4096}$/.test(value)) {
        throw new ProviderError(`${name} holds characters an HTTP header cannot carry`);
    }
    return value;
}
/** Runs `work` on every item with at most `width` at a time; rejects with the first failure. */
async function inParallel(items, width, work) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await work(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
function sleep(ms, signal) {
    if (ms <= 0)
        return Promise.resolve();
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(new ProviderError('timed out'));
        };
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
    });
}
//# sourceMappingURL=http.js.map
// EXTERNAL MODULE: ./lib/src/triage/enrichment/schemas.js
var schemas = __webpack_require__(74585);
// EXTERNAL MODULE: ./lib/src/triage/enrichment/subject.js
var enrichment_subject = __webpack_require__(16125);
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/assets/http.js
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






/** Far more than any one asset's record; an answer beyond it is refused, not read. */
const MAX_ANSWER_BYTES = 256 * 1024;
/** Identifiers asked about per incident: an incident naming more is rare and is looked up in part. */
const MAX_IDENTIFIERS = 32;
const PARALLEL_REQUESTS = 4;
const caches = new Map();
function cacheFor(endpoint, ttlMs) {
    const key = `${endpoint}\u0000${ttlMs}`;
    let cache = caches.get(key);
    if (cache === undefined) {
        cache = new TtlCache(ttlMs);
        caches.set(key, cache);
    }
    return cache;
}
function assetMatchOf(asset, identifier, source) {
    // Text from another system ends up in terminals and Slack: neutralized like event text.
    const owner = asset.owner === undefined ? undefined : (0,display/* displayText */.WV)(asset.owner, 200);
    const pattern = asset.matched === undefined ? undefined : (0,display/* displayText */.WV)(asset.matched, 200);
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
function httpAssetProvider(options) {
    const name = `asset_registry ${endpointName(options.endpoint)}`;
    const cache = cacheFor(options.endpoint, options.cacheTtlMs);
    async function ask(identifier, headers, signal) {
        const query = { identifier: identifier.text };
        if (identifier.type !== undefined)
            query.type = identifier.type;
        const url = endpointUrl(options.endpoint, 'assets', query);
        const answer = await getJson(url, { headers, signal, maxBytes: MAX_ANSWER_BYTES });
        if (answer.status !== 200)
            throw new ProviderError(`HTTP ${answer.status} from ${endpointName(url.href)}`);
        const validate = (0,schemas/* assetAnswerValidator */.lq)();
        if (!validate(answer.body))
            throw new ProviderError(`malformed answer: ${(0,schemas/* answerProblem */.mr)(validate)}`);
        return answer.body.assets;
    }
    return {
        name,
        kind: 'asset',
        timeoutMs: options.timeoutMs,
        async lookup(subject, signal) {
            const headers = { accept: 'application/json' };
            if (options.apiKeyEnv !== undefined) {
                headers.authorization = `Bearer ${headerSecret(options.env, options.apiKeyEnv)}`;
            }
            const all = (0,enrichment_subject/* identifiersOf */.Sd)(subject);
            const identifiers = all.slice(0, MAX_IDENTIFIERS);
            const answers = new Map();
            await inParallel(identifiers, PARALLEL_REQUESTS, async (identifier) => {
                const key = `${identifier.type ?? ''}\u0000${identifier.text}`;
                const cached = cache.get(key);
                const assets = cached.found ? cached.value : await ask(identifier, headers, signal);
                if (!cached.found)
                    cache.set(key, assets);
                answers.set(identifier, assets);
            });
            // One match per asset: its first identifier, in the subject's order.
            const matches = new Map();
            for (const identifier of identifiers) {
                for (const asset of answers.get(identifier) ?? []) {
                    if (!matches.has(asset.id))
                        matches.set(asset.id, assetMatchOf(asset, identifier, name));
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
//# sourceMappingURL=http.js.map
// EXTERNAL MODULE: ./lib/src/triage/enrichment/ip.js
var ip = __webpack_require__(54628);
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/rate-limit.js
// The `rate_limit` of a source (`100/min`) as a token bucket, one per endpoint and rate for the whole
// process, so that concurrent triage of several incidents shares one budget. A request reserves a token
// and waits for it; one that would have to wait past its deadline is not sent at all. The process is the
// limit of what is shared: each workflow run starts with a full bucket.
const UNIT_MS = { s: 1000, min: 60_000, h: 3_600_000 };
/** `100/min` → 100 per 60 000 ms. The configuration schema has checked the form. */
function parseRate(text) {
    const match = /^([1-9][0-9]{0,6})\/(s|min|h)$/.exec(text);
    const unit = match?.[2] === undefined ? undefined : UNIT_MS[match[2]];
    if (!match || unit === undefined)
        throw new RangeError(`not a rate: ${JSON.stringify(text)}`);
    return { count: Number(match[1]), perMs: unit, text };
}
/** Without a rate, only the far end's own Retry-After holds requests back. */
class TokenBucket {
    rate;
    now;
    tokens;
    updated;
    blockedUntil = 0;
    constructor(rate, now = Date.now) {
        this.rate = rate;
        this.now = now;
        this.tokens = rate?.count ?? 0;
        this.updated = now();
    }
    /**
     * Reserves one request: returns how long to wait before sending it, or why not (and reserves nothing)
     * when that wait would end after `deadline`.
     */
    reserve(deadline) {
        const at = this.now();
        let forToken = 0;
        if (this.rate !== undefined) {
            const perMs = this.rate.count / this.rate.perMs;
            this.tokens = Math.min(this.rate.count, this.tokens + (at - this.updated) * perMs);
            this.updated = at;
            forToken = this.tokens >= 1 ? 0 : (1 - this.tokens) / perMs;
        }
        const wait = Math.max(forToken, this.blockedUntil - at);
        if (at + wait > deadline) {
            if (at > deadline)
                return { reason: 'deadline' };
            if (this.blockedUntil > deadline)
                return { reason: 'retry-after', until: this.blockedUntil };
            // Neither the deadline nor a Retry-After: the wait is for a token of the configured rate.
            if (this.rate !== undefined)
                return { reason: 'rate', rate: this.rate };
            return { reason: 'deadline' };
        }
        this.tokens -= 1;
        return Math.ceil(wait);
    }
    /** The far end said to wait (HTTP 429 with Retry-After): nothing is sent before `until`. */
    blockUntil(until) {
        this.blockedUntil = Math.max(this.blockedUntil, until);
    }
}
const buckets = new Map();
/** The process's bucket for `endpoint` at `rate`. */
function sharedBucket(endpoint, rate) {
    const key = `${endpoint}\u0000${rate?.text ?? ''}`;
    let bucket = buckets.get(key);
    if (bucket === undefined) {
        bucket = new TokenBucket(rate);
        buckets.set(key, bucket);
    }
    return bucket;
}
//# sourceMappingURL=rate-limit.js.map
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/intel/abuseipdb.js
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






const ABUSEIPDB_ENDPOINT = 'https://api.abuseipdb.com/api/v2';
const ABUSEIPDB_KEY_ENV = 'ABUSEIPDB_API_KEY';
const MAX_AGE_DAYS = '90';
/** A check answer is a few hundred bytes; verbose ones with reports are not asked for. */
const abuseipdb_MAX_ANSWER_BYTES = 64 * 1024;
/** Addresses checked per incident: a scan naming hundreds must not spend the day's quota on one incident. */
const MAX_ADDRESSES = 32;
const abuseipdb_PARALLEL_REQUESTS = 4;
/** When a 429 gives no Retry-After. */
const DEFAULT_RETRY_AFTER_S = 60;
/**
 * The least pause after a 429, whatever Retry-After says: a server answering `Retry-After: 0` would
 * otherwise get thousands of requests within one timeout.
 */
const MIN_BACKOFF_MS = 1000;
/** 429s in a row after which an address is given up on, within the timeout or not. */
const MAX_RETRIES = 3;
function checkData(body) {
    const data = body?.data;
    const score = data?.abuseConfidenceScore;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new ProviderError('malformed answer: no "data" object');
    }
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 100) {
        throw new ProviderError('malformed answer: data.abuseConfidenceScore is not a whole number from 0 to 100');
    }
    return data;
}
/** What AbuseIPDB's error envelope says, neutralized: `{"errors": [{"detail": "..."}]}`. */
function errorDetail(body) {
    const detail = body?.errors?.[0]?.detail;
    const text = typeof detail === 'string' ? (0,display/* displayText */.WV)(detail, 160) : undefined;
    return text === undefined ? '' : `: ${text}`;
}
/** The hit an answer makes, or null when AbuseIPDB knows nothing against the address. */
function hitOf(ip, data, source) {
    const reports = typeof data.totalReports === 'number' ? data.totalReports : 0;
    if (data.abuseConfidenceScore === 0 && reports === 0)
        return null;
    const words = (value) => (typeof value === 'string' ? (0,display/* displayText */.WV)(value, 80) : undefined);
    const users = typeof data.numDistinctUsers === 'number' ? ` from ${data.numDistinctUsers} users` : '';
    const facts = [
        `${reports} report${reports === 1 ? '' : 's'}${users} in ${MAX_AGE_DAYS} days`,
        words(data.lastReportedAt) && `last ${words(data.lastReportedAt)}`,
        words(data.countryCode),
        words(data.usageType),
        words(data.isp),
        data.isTor === true && 'Tor exit node',
        data.isWhitelisted === true && 'whitelisted',
    ].filter((fact) => typeof fact === 'string' && fact !== '');
    return {
        type: 'ip',
        value: ip,
        score: data.abuseConfidenceScore / 100,
        source,
        detail: `confidence ${data.abuseConfidenceScore}%: ${facts.join(', ')}`,
    };
}
/** Milliseconds a Retry-After header asks for (it holds a number of seconds or an HTTP date). */
function retryAfterMs(header, now) {
    if (header === null)
        return DEFAULT_RETRY_AFTER_S * 1000;
    if (/^[0-9]{1,9}$/.test(header.trim()))
        return Number(header.trim()) * 1000;
    const at = Date.parse(header);
    return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_S * 1000 : Math.max(0, at - now);
}
const abuseipdb_caches = new Map();
function abuseIpDbProvider(options) {
    const name = abuseIpDbName(options.endpoint);
    const bucket = sharedBucket(options.endpoint, options.rate);
    const cacheKey = `${options.endpoint}\u0000${options.cacheTtlMs}`;
    const cache = abuseipdb_caches.get(cacheKey) ?? new TtlCache(options.cacheTtlMs);
    abuseipdb_caches.set(cacheKey, cache);
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
                ...new Set(subject.indicators.flatMap((indicator) => {
                    const address = indicator.type === 'ip' ? (0,ip/* parseAddress */.or)(indicator.value) : undefined;
                    return address && !(0,ip/* isInternalAddress */.Kk)(address) ? [address.toString()] : [];
                })),
            ];
            const hits = [];
            const toCheck = [];
            for (const ip of addresses) {
                const cached = cache.get(ip);
                if (!cached.found)
                    toCheck.push(ip);
                else if (cached.value)
                    hits.push(cached.value);
            }
            const asked = toCheck.slice(0, MAX_ADDRESSES);
            let checked = addresses.length - toCheck.length;
            // Why some address was not sent: the configured rate, AbuseIPDB's Retry-After, or the deadline.
            let notSent;
            let failure;
            const headers = { key, accept: 'application/json' };
            await inParallel(asked, abuseipdb_PARALLEL_REQUESTS, async (ip) => {
                for (let retries = 0;; retries++) {
                    const wait = bucket.reserve(deadline);
                    if (typeof wait !== 'number') {
                        notSent ??= wait;
                        return;
                    }
                    await sleep(wait, signal);
                    const url = endpointUrl(options.endpoint, 'check', { ipAddress: ip, maxAgeInDays: MAX_AGE_DAYS });
                    let answer;
                    try {
                        answer = await getJson(url, { headers, signal, maxBytes: abuseipdb_MAX_ANSWER_BYTES });
                    }
                    catch (error) {
                        if (signal.aborted)
                            throw error;
                        failure ??= error instanceof ProviderError ? error.message : 'request failed';
                        return;
                    }
                    if (answer.status === 429) {
                        const pause = Math.max(MIN_BACKOFF_MS, retryAfterMs(answer.headers.get('retry-after'), Date.now()));
                        bucket.blockUntil(Date.now() + pause);
                        if (retries < MAX_RETRIES)
                            continue;
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
                        if (hit)
                            hits.push(hit);
                        checked++;
                    }
                    catch (error) {
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
            ].filter((reason) => typeof reason === 'string');
            return reasons.length === 0 ? { hits } : { hits, degraded: `${reasons.join('; ')} (${tally})` };
        },
    };
}
/** The provider's name; with the endpoint when it is not AbuseIPDB's own (a simulator, a proxy). */
function abuseIpDbName(endpoint) {
    return endpoint === ABUSEIPDB_ENDPOINT
        ? 'threat_intel abuse_ip_db'
        : `threat_intel abuse_ip_db ${endpointName(endpoint)}`;
}
//# sourceMappingURL=abuseipdb.js.map
// EXTERNAL MODULE: ./lib/src/triage/enrichment/intel/feeds.js + 1 modules
var feeds = __webpack_require__(89684);
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/enrich.js
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










/** How long an answer from an API is reused when the source sets no cache_ttl. */
const DEFAULT_CACHE_TTL = '1h';
/** setTimeout's (and AbortSignal.timeout's) longest delay; a longer configured timeout waits this long. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** A source left out on purpose: it reports itself skipped, instantly, and asks nothing. */
function skipped(name, kind, why) {
    return { name, kind, timeoutMs: 1000, lookup: async () => ({ skipped: why }) };
}
/** `assets`, `./assets/` and `assets/` are one path, as the repository reader wants it. */
function repoPath(path) {
    return path.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}
function providerFor(source, settings, options) {
    const { files } = options;
    const timeoutMs = Math.min((0,config_config/* durationMs */.pc)(source.timeout ?? settings.triage.enrichment_timeout), MAX_TIMEOUT_MS);
    const cacheTtlMs = (0,config_config/* durationMs */.pc)(source.cache_ttl ?? DEFAULT_CACHE_TTL);
    const local = 'network source left out of a local-only run';
    switch (source.type) {
        case 'asset_registry': {
            if (source.path !== undefined) {
                return (0,assets_files/* fileAssetProvider */.sZ)({ files, path: repoPath(source.path), timeoutMs });
            }
            const endpoint = source.endpoint ?? '';
            if (options.localOnly)
                return skipped(`asset_registry ${endpointName(endpoint)}`, 'asset', local);
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
                return (0,feeds/* fileIntelProvider */.ik)({ files, path: repoPath(source.path), timeoutMs });
            }
            if (options.localOnly)
                return skipped('threat_intel abuse_ip_db', 'intel', local);
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
function createProviders(settings, options) {
    return settings.triage.enrichment_sources.flatMap((source) => providerFor(source, settings, options) ?? []);
}
/** The most hits a decision lists; the score is the maximum over all of them either way. */
const MAX_HITS = 64;
/** A line that is safe to record: the message of an error irac wrote, the first line of any other. */
function reasonOf(error) {
    if (error instanceof ProviderError || error instanceof errors/* InputError */.dz)
        return (0,display/* displayText */.WV)(error.message, 300) ?? 'failed';
    const message = error instanceof Error ? error.message : String(error);
    return `failed: ${(0,display/* displayText */.WV)(message.split('\n')[0] ?? '', 200) ?? 'unknown error'}`;
}
async function consult(provider, subject) {
    try {
        const facts = provider.lookupNow?.(subject);
        if (facts !== undefined)
            return { facts };
    }
    catch (error) {
        return { reason: reasonOf(error) };
    }
    const signal = AbortSignal.timeout(provider.timeoutMs);
    let onAbort;
    const timedOut = new Promise((resolve) => {
        onAbort = () => resolve({ reason: `timed out after ${provider.timeoutMs} ms` });
        signal.addEventListener('abort', onAbort, { once: true });
    });
    const answered = (async () => {
        try {
            return { facts: await provider.lookup(subject, signal) };
        }
        catch (error) {
            return signal.aborted
                ? { reason: `timed out after ${provider.timeoutMs} ms` }
                : { reason: reasonOf(error) };
        }
    })();
    try {
        return await Promise.race([answered, timedOut]);
    }
    finally {
        if (onAbort)
            signal.removeEventListener('abort', onAbort);
    }
}
function byCriticality(a, b) {
    return b.criticality - a.criticality;
}
/** Looks `subject` up with every provider concurrently and merges what they found. */
async function enrich(subject, providers) {
    const outcomes = await Promise.all(providers.map(async (provider) => {
        const started = performance.now();
        const outcome = await consult(provider, subject);
        return { provider, outcome, ms: Math.round(performance.now() - started) };
    }));
    const assets = [];
    const hits = [];
    let history = null;
    const reports = [];
    const degraded = [];
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
        if (facts.history !== undefined)
            history ??= facts.history;
        if (facts.skipped !== undefined) {
            reports.push({ ...report, status: 'skipped', reason: facts.skipped });
        }
        else if (facts.degraded !== undefined) {
            reports.push({ ...report, status: 'degraded', reason: facts.degraded });
            degraded.push(`${provider.name}: ${facts.degraded}`);
        }
        else {
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
//# sourceMappingURL=enrich.js.map
// EXTERNAL MODULE: ./lib/src/triage/expressions.js
var expressions = __webpack_require__(79512);
;// CONCATENATED MODULE: ./lib/src/triage/engine.js
// What triage runs with, assembled from a repository: the configuration, the playbooks compiled into
// routes, and the enrichment sources. The working tree for `irac triage` and `irac replay`; a git ref's
// tree for `irac replay --compare REF` (rules only: enrichment stays the working tree's).








async function loadRuleset(files, config) {
    const playbooks = await (0,load/* loadPlaybooks */.Dw)(files, config);
    const routes = playbooks.map((playbook) => ({
        id: playbook.id,
        priority: playbook.priority,
        trigger: playbook.trigger,
        unreviewed: (context) => unreviewedSteps(playbook, context),
    }));
    return { rules: (0,decide/* compileRules */.nb)(config.settings, routes, config.origin), playbooks };
}
/**
 * The destructive steps of `playbook` that would run on the incident of `context` without a reviewer.
 * A step whose `when` cannot be evaluated counts as applying; a scope that cannot be evaluated, as not
 * holding (the step then waits for a reviewer).
 */
function unreviewedSteps(playbook, context) {
    const holds = (evaluate) => {
        try {
            return evaluate();
        }
        catch (error) {
            if (error instanceof expressions/* ConditionError */.iG)
                return true;
            throw error;
        }
    };
    return playbook.steps
        .filter((step) => step.action.destructive)
        .filter((step) => holds(() => step.when?.evaluate(context) ?? true))
        .filter((step) => !holds(() => (0,playbooks_playbook/* needsApproval */.v)(playbook, step, context)))
        .map((step) => `${step.id}:${step.action.runs}`);
}
async function loadTriageEngine(options) {
    const files = (0,repo_files/* workingTreeFiles */.rk)(options.repoRoot);
    const ruleset = await loadRuleset(files, options.config);
    const providers = await createProviders(options.config.settings, {
        files,
        env: options.env ?? process.env,
        localOnly: options.localOnly ?? false,
    });
    return {
        ...ruleset,
        enrich: async (events) => {
            const subject = (0,enrichment_subject/* subjectOf */.et)(events);
            const found = await enrich(subject, providers);
            return { ...found, unknown_resources: unknownResources(subject, found.assets) };
        },
    };
}
/**
 * The resources no registry matched by any of their identifiers. An asset matched by the account
 * covers every resource in it (a registry may describe a sandbox account as a whole).
 */
function unknownResources(subject, assets) {
    if (assets.some((asset) => asset.matched.type === 'account'))
        return [];
    const matched = new Set(assets.map((asset) => asset.matched.identifier));
    return subject.resources
        .filter((r) => ![r.arn, r.id, r.name].some((text) => text !== undefined && matched.has(text)))
        .map((r) => r.arn ?? r.id);
}
/** The rules as they were at `ref`: its configuration file (at `configPath`) and its playbooks. */
async function loadTriageAt(git, ref, options) {
    const files = await (0,repo_files/* gitRefFiles */.NZ)(git.dir, ref);
    const config = await (0,config_config/* readSettings */.sb)(files, options.configPath);
    return loadRuleset(files, config);
}
//# sourceMappingURL=engine.js.map

/***/ })

};
