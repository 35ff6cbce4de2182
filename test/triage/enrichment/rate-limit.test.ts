// The token bucket behind a source's rate_limit, on a clock the test turns: how long a request waits,
// and, when it is not sent, why — the configured rate, the far end's Retry-After, or the deadline.

import { describe, expect, it } from 'vitest';
import { parseRate, TokenBucket } from '../../../src/triage/enrichment/rate-limit.js';

function clock(start = 1_000_000) {
  const time = { now: start };
  return { time, now: () => time.now };
}

describe('the rate-limit bucket', () => {
  it('spends its tokens, then waits for the next one when it comes before the deadline', () => {
    const { time, now } = clock();
    const bucket = new TokenBucket(parseRate('2/s'), now);
    expect(bucket.reserve(time.now + 100)).toBe(0);
    expect(bucket.reserve(time.now + 100)).toBe(0);
    expect(bucket.reserve(time.now + 1000)).toBe(500);
    time.now += 2000;
    expect(bucket.reserve(time.now)).toBe(0);
  });

  it('says the configured rate held a request back, naming the rate', () => {
    const { time, now } = clock();
    const rate = parseRate('1/min');
    const bucket = new TokenBucket(rate, now);
    expect(bucket.reserve(time.now)).toBe(0);
    expect(bucket.reserve(time.now + 1000)).toEqual({ reason: 'rate', rate });
  });

  it("says the far end's Retry-After held it back, and until when", () => {
    const { time, now } = clock();
    const bucket = new TokenBucket(undefined, now);
    bucket.blockUntil(time.now + 60_000);
    expect(bucket.reserve(time.now + 1000)).toEqual({ reason: 'retry-after', until: time.now + 60_000 });
    // A shorter block does not shorten a longer one.
    bucket.blockUntil(time.now + 10);
    expect(bucket.reserve(time.now + 30_000)).toEqual({ reason: 'retry-after', until: time.now + 60_000 });
    expect(bucket.reserve(time.now + 60_000)).toBe(60_000);
  });

  it('says the deadline had passed, not a rate, when there is no rate at all', () => {
    const { time, now } = clock();
    const bucket = new TokenBucket(undefined, now);
    expect(bucket.reserve(time.now)).toBe(0);
    expect(bucket.reserve(time.now - 1)).toEqual({ reason: 'deadline' });
    const limited = new TokenBucket(parseRate('100/min'), now);
    expect(limited.reserve(time.now - 1)).toEqual({ reason: 'deadline' });
  });
});
