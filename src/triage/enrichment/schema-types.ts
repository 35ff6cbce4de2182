// Generated from schemas/assets.schema.json and schemas/intel-feed.schema.json by
// test/triage/enrichment/schema-types.test.ts (IRAC_WRITE_TYPES=1). Do not edit by hand.

/**
 * This interface was referenced by `AssetRegistryFile`'s JSON-Schema
 * via the `definition` "text".
 */
export type Text = string;
/**
 * This interface was referenced by `AssetRegistryFile`'s JSON-Schema
 * via the `definition` "tag".
 */
export type Tag = string;
/**
 * This interface was referenced by `AssetRegistryFile`'s JSON-Schema
 * via the `definition` "pattern".
 */
export type Pattern = string;
/**
 * This interface was referenced by `AssetRegistryFile`'s JSON-Schema
 * via the `definition` "assetId".
 */
export type AssetId = string;
/**
 * This interface was referenced by `AssetRegistryFile`'s JSON-Schema
 * via the `definition` "fraction".
 */
export type Fraction = number;

/**
 * One file of the asset registry (assets/*.yaml): which resources belong to which asset, who owns it, where it runs, how much it matters. Triage matches an incident's resource ids, ARNs, names and accounts against each asset's patterns; the most critical asset matched weighs in the score.
 */
export interface AssetRegistryFile {
  /**
   * @maxItems 10000
   */
  assets: AssetEntry[];
}
/**
 * This interface was referenced by `AssetRegistryFile`'s JSON-Schema
 * via the `definition` "asset".
 */
export interface AssetEntry {
  /**
   * Unique across the registry.
   */
  id: string;
  description?: Text;
  /**
   * Who answers for the asset: a team, an address, a handle.
   */
  owner?: string;
  /**
   * Where it runs, as routing conditions name it: prod, staging, dev, ...
   */
  environment?: string;
  /**
   * How much a compromise of this asset matters, from 0 (none) to 1 (the business stops).
   */
  criticality: number;
  /**
   * Regimes the asset falls under (pci-dss, hipaa, soc2, gdpr, ...).
   *
   * @maxItems 32
   */
  compliance?: Tag[];
  /**
   * The identifiers that belong to the asset: glob patterns over resource ids, ARNs, names and account ids ('*' any run of characters, '?' one character, '\' quotes the next one; case-insensitive). An object limits a pattern to one kind of resource.
   *
   * @minItems 1
   * @maxItems 1000
   */
  match: [Pattern | TypedPattern, ...(Pattern | TypedPattern)[]];
}
/**
 * This interface was referenced by `AssetRegistryFile`'s JSON-Schema
 * via the `definition` "typedPattern".
 */
export interface TypedPattern {
  pattern: Pattern;
  /**
   * The resource type the pattern applies to (aws.ec2.instance, k8s.pod, host, ...; '*' allowed), or account for the account an event belongs to.
   */
  type: string;
}
/**
 * What an HTTP asset registry answers to GET {endpoint}/assets?identifier=ID[&type=TYPE]: the assets the identifier belongs to.
 *
 * This interface was referenced by `AssetRegistryFile`'s JSON-Schema
 * via the `definition` "answer".
 */
export interface AssetRegistryAnswer {
  /**
   * @maxItems 100
   */
  assets: AssetRegistryAnswerAsset[];
}
/**
 * This interface was referenced by `AssetRegistryFile`'s JSON-Schema
 * via the `definition` "answerAsset".
 */
export interface AssetRegistryAnswerAsset {
  id: AssetId;
  owner?: Text;
  environment?: Tag;
  criticality: Fraction;
  /**
   * @maxItems 32
   */
  compliance?: Tag[];
  /**
   * The registry's own pattern or rule that the identifier matched.
   */
  matched?: string;
}

/**
 * This interface was referenced by `IntelFeedFile`'s JSON-Schema
 * via the `definition` "note".
 */
export type Note = string;
/**
 * This interface was referenced by `IntelFeedFile`'s JSON-Schema
 * via the `definition` "score".
 */
export type Score = number;

/**
 * A threat-intelligence feed kept in the repository (intel/*.yaml): indicators with a score and a note each. Plain-text lists (one indicator per line) sit beside it for feeds taken as they are published.
 */
export interface IntelFeedFile {
  description?: Note;
  /**
   * The score of indicators that do not give their own: how sure a match makes the feed's author that the incident is malicious, from 0 to 1.
   */
  score?: number;
  /**
   * @maxItems 100000
   */
  indicators: IntelFeedIndicator[];
}
/**
 * This interface was referenced by `IntelFeedFile`'s JSON-Schema
 * via the `definition` "indicator".
 */
export interface IntelFeedIndicator {
  /**
   * An IP address, a CIDR block (IPv4 or IPv6), a domain (its subdomains match too), a URL, an MD5, SHA-1 or SHA-256 hash, or an email address.
   */
  value: string;
  /**
   * What the value is; recognized from its form when absent.
   */
  type?: 'ip' | 'cidr' | 'domain' | 'url' | 'md5' | 'sha1' | 'sha256' | 'email';
  score?: Score;
  /**
   * Why it is listed: shown beside the match in the decision.
   */
  note?: string;
}
