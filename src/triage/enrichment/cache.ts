// Answers kept for a while, per process: a second incident naming the same IP or resource within the
// TTL costs no request (and no share of a rate limit). Bounded: the oldest entry goes first.

export class TtlCache<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value stored under `key` and not yet expired; `found` tells a stored undefined from none. */
  get(key: string): { found: true; value: V } | { found: false } {
    const entry = this.entries.get(key);
    if (entry === undefined) return { found: false };
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return { found: false };
    }
    return { found: true, value: entry.value };
  }

  set(key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
  }
}
