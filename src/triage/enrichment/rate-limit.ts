// The `rate_limit` of a source (`100/min`) as a token bucket, one per endpoint and rate for the whole
// process, so that concurrent triage of several incidents shares one budget. A request reserves a token
// and waits for it; one that would have to wait past its deadline is not sent at all. The process is the
// limit of what is shared: each workflow run starts with a full bucket.

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, min: 60_000, h: 3_600_000 };

export interface Rate {
  readonly count: number;
  readonly perMs: number;
  /** As configured: `100/min`. */
  readonly text: string;
}

/** `100/min` → 100 per 60 000 ms. The configuration schema has checked the form. */
export function parseRate(text: string): Rate {
  const match = /^([1-9][0-9]{0,6})\/(s|min|h)$/.exec(text);
  const unit = match?.[2] === undefined ? undefined : UNIT_MS[match[2]];
  if (!match || unit === undefined) throw new RangeError(`not a rate: ${JSON.stringify(text)}`);
  return { count: Number(match[1]), perMs: unit, text };
}

/**
 * Why a request was not reserved: the configured rate, the far end's Retry-After (blocked until when),
 * or no time left before the deadline whatever the rest.
 */
export type Refusal =
  | { readonly reason: 'rate'; readonly rate: Rate }
  | { readonly reason: 'retry-after'; readonly until: number }
  | { readonly reason: 'deadline' };

/** Without a rate, only the far end's own Retry-After holds requests back. */
export class TokenBucket {
  private tokens: number;
  private updated: number;
  private blockedUntil = 0;

  constructor(
    readonly rate: Rate | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = rate?.count ?? 0;
    this.updated = now();
  }

  /**
   * Reserves one request: returns how long to wait before sending it, or why not (and reserves nothing)
   * when that wait would end after `deadline`.
   */
  reserve(deadline: number): number | Refusal {
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
      if (at > deadline) return { reason: 'deadline' };
      if (this.blockedUntil > deadline) return { reason: 'retry-after', until: this.blockedUntil };
      // Neither the deadline nor a Retry-After: the wait is for a token of the configured rate.
      if (this.rate !== undefined) return { reason: 'rate', rate: this.rate };
      return { reason: 'deadline' };
    }
    this.tokens -= 1;
    return Math.ceil(wait);
  }

  /** The far end said to wait (HTTP 429 with Retry-After): nothing is sent before `until`. */
  blockUntil(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }
}

const buckets = new Map<string, TokenBucket>();

/** The process's bucket for `endpoint` at `rate`. */
export function sharedBucket(endpoint: string, rate: Rate | undefined): TokenBucket {
  const key = `${endpoint}\u0000${rate?.text ?? ''}`;
  let bucket = buckets.get(key);
  if (bucket === undefined) {
    bucket = new TokenBucket(rate);
    buckets.set(key, bucket);
  }
  return bucket;
}
