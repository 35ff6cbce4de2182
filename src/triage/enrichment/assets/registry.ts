// The asset registry in memory: every entry's patterns compiled once, identifiers without wildcards in
// a Map (most patterns are exact ARNs or instance ids), and the answer per identifier remembered, since
// replay asks about the same few resources thousands of times.

import { compileGlob, type Glob } from '../glob.js';
import type { AssetEntry } from '../schema-types.js';
import type { Identifier } from '../subject.js';

/** An entry as the registry holds it: with where it is written, when it comes from a file. */
export interface RegisteredAsset {
  readonly entry: AssetEntry;
  readonly at?: string;
}

/** One of an asset's patterns, compiled. */
interface Rule {
  readonly asset: number;
  readonly glob: Glob;
  /** Resource types it applies to; undefined: any identifier. */
  readonly type: Glob | undefined;
}

/** Which asset an identifier belongs to, and the pattern that says so. */
export interface RegistryMatch {
  readonly asset: RegisteredAsset;
  readonly identifier: Identifier;
  readonly pattern: string;
}

const MEMO_CAPACITY = 50_000;

export class AssetRegistry {
  private readonly exact = new Map<string, Rule[]>();
  private readonly wild: Rule[] = [];
  private readonly memo = new Map<string, readonly Rule[]>();

  constructor(readonly assets: readonly RegisteredAsset[]) {
    for (const [index, { entry }] of assets.entries()) {
      for (const written of entry.match) {
        const { pattern, type } =
          typeof written === 'string' ? { pattern: written, type: undefined } : written;
        const rule: Rule = {
          asset: index,
          glob: compileGlob(pattern),
          type: type ? compileGlob(type) : undefined,
        };
        const literal = rule.glob.literal;
        if (literal === undefined) this.wild.push(rule);
        else this.exact.set(literal, [...(this.exact.get(literal) ?? []), rule]);
      }
    }
  }

  /** The rules `identifier` satisfies, exact ones first, in registry order within each. */
  private rulesFor(identifier: Identifier): readonly Rule[] {
    const key = `${identifier.type ?? ''}\u0000${identifier.text}`;
    const known = this.memo.get(key);
    if (known) return known;
    const applies = (rule: Rule) =>
      rule.type === undefined || (identifier.type !== undefined && rule.type.matches(identifier.type));
    const exact = this.exact.get(identifier.text.toLowerCase()) ?? [];
    const found = [
      ...exact.filter(applies),
      ...this.wild.filter((rule) => applies(rule) && rule.glob.matches(identifier.text)),
    ];
    if (this.memo.size >= MEMO_CAPACITY) this.memo.clear();
    this.memo.set(key, found);
    return found;
  }

  /**
   * The assets the identifiers belong to, one match per asset (its first identifier, an exact pattern
   * before a wildcard), in registry order.
   */
  lookup(identifiers: readonly Identifier[]): RegistryMatch[] {
    const byAsset = new Map<number, { match: RegistryMatch; exact: boolean }>();
    for (const identifier of identifiers) {
      for (const rule of this.rulesFor(identifier)) {
        const exact = rule.glob.literal !== undefined;
        const seen = byAsset.get(rule.asset);
        if (seen && (seen.exact || !exact)) continue;
        const asset = this.assets[rule.asset] as RegisteredAsset;
        byAsset.set(rule.asset, { match: { asset, identifier, pattern: rule.glob.pattern }, exact });
      }
    }
    return [...byAsset.entries()].sort(([a], [b]) => a - b).map(([, { match }]) => match);
  }
}
