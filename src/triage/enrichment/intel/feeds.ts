// Threat-intel feeds kept in the repository (`threat_intel` with a `path`), in two forms:
//
// - plain lists, as Spamhaus DROP, abuse.ch and FireHOL publish them (*.txt, *.list, *.netset,
//   *.ipset): one IP address, CIDR block, domain, URL, hash or email address per line; `#` and `;`
//   start a comment at the beginning of a line or after a space, and a trailing comment becomes the
//   entry's note (`1.10.16.0/20 ; SBL256894`). Every entry scores 1 unless a `# irac-score: 0.6` line
//   before the first entry says otherwise.
// - YAML feeds (*.yaml, schemas/intel-feed.schema.json): per-indicator type, score and note.
//
// Other files (a README) are not feeds. Every line must be understood: a feed that is half read would
// look like a feed that knows nothing.

import { parseLocatedYaml } from '../../../config/located-yaml.js';
import { InputError } from '../../../errors.js';
import type { RepoFiles } from '../../../playbooks/repo-files.js';
import type { Indicator } from '../../../types.js';
import { filesAt, loadedOnce } from '../repo.js';
import { intelFeedValidator, validatedYaml } from '../schemas.js';
import type { EnrichmentProvider, IntelHit } from '../types.js';
import { type EntryType, entryTypeOf, type IntelEntry, IntelIndex } from './index.js';

const YAML_FEED = /\.ya?ml$/;
const PLAIN_FEED = /\.(txt|list|netset|ipset)$/;
const SCORE_DIRECTIVE = /^#\s*irac-score:\s*(\S+)\s*$/;
/** A comment: `#` or `;` at the start of the line or after whitespace. */
const COMMENT = /(?:^|\s)[#;]/;

const TYPE_WORDS = 'an IP address, CIDR block, domain, URL, MD5/SHA-1/SHA-256 hash or email address';

function scoreOf(text: string, where: string): number {
  const score = Number(text);
  if (text === '' || !Number.isFinite(score) || score < 0 || score > 1) {
    throw new InputError(where, `irac-score must be a number from 0 to 1, not ${JSON.stringify(text)}`);
  }
  return score;
}

/** The entries of a plain list; `file` is the name messages give (`intel/drop.txt`). */
export function parsePlainFeed(text: string, file: string): IntelEntry[] {
  const entries: IntelEntry[] = [];
  let score = 1;
  for (const [index, raw] of text.split('\n').entries()) {
    const where = `${file}:${index + 1}`;
    const line = raw.replace(/\r$/, '');
    const directive = SCORE_DIRECTIVE.exec(line.trim());
    if (directive) {
      if (entries.length > 0) throw new InputError(where, 'irac-score must come before the first entry');
      score = scoreOf(directive[1] ?? '', where);
      continue;
    }
    const comment = COMMENT.exec(line);
    const content = (comment ? line.slice(0, comment.index) : line).trim();
    if (content === '') continue;
    const value = content.split(/\s+/)[0] ?? '';
    const type = entryTypeOf(value);
    if (type === undefined) {
      throw new InputError(where, `${JSON.stringify(value.slice(0, 100))} is not ${TYPE_WORDS}`);
    }
    const note = comment
      ? line
          .slice(comment.index)
          .replace(/^\s*[#;]\s*/, '')
          .trim()
      : '';
    entries.push({ type, value, score, at: where, ...(note !== '' && { note: note.slice(0, 512) }) });
  }
  return entries;
}

/** True when `value` is an entry of `type` (a CIDR block also counts as written with type ip). */
function fits(value: string, type: EntryType): boolean {
  const actual = entryTypeOf(value);
  return actual === type || (type === 'cidr' && actual === 'ip') || (type === 'ip' && actual === 'cidr');
}

/** The entries of a YAML feed; `file` is the name messages give. */
export function parseYamlFeed(text: string, file: string): IntelEntry[] {
  const yaml = parseLocatedYaml(text, file);
  if (yaml.value === null || yaml.value === undefined) return [];
  const feed = validatedYaml(yaml, intelFeedValidator(), 'the feed');
  return feed.indicators.map((indicator, index) => {
    const where = yaml.locate(['indicators', index, 'value']).where;
    const detected = entryTypeOf(indicator.value);
    if (indicator.type !== undefined && !fits(indicator.value, indicator.type)) {
      throw new InputError(
        where,
        `indicators[${index}].value ${JSON.stringify(indicator.value)} is not a ${indicator.type}`,
      );
    }
    // A declared `ip` with a block is the block; a declared `cidr` with one address is that address.
    const type = detected === 'ip' || detected === 'cidr' ? detected : (indicator.type ?? detected);
    if (type === undefined) {
      throw new InputError(
        where,
        `indicators[${index}].value ${JSON.stringify(indicator.value)} is not ${TYPE_WORDS}`,
      );
    }
    return {
      type,
      value: indicator.value,
      score: indicator.score ?? feed.score ?? 1,
      at: where,
      ...(indicator.note !== undefined && { note: indicator.note }),
    };
  });
}

/** Reads and indexes every feed at `path`; throws an InputError at the first problem. */
export async function loadIntelFeeds(files: RepoFiles, path: string): Promise<IntelIndex> {
  const entries: IntelEntry[] = [];
  const feeds = await filesAt(files, path, (name) => YAML_FEED.test(name) || PLAIN_FEED.test(name));
  for (const file of feeds) {
    const text = (await files.readText(file)) ?? '';
    // One by one: a feed of 100 000 entries spread into push() would overflow the stack.
    for (const entry of YAML_FEED.test(file) ? parseYamlFeed(text, file) : parsePlainFeed(text, file)) {
      entries.push(entry);
    }
  }
  return new IntelIndex(entries);
}

/** The hits of `indicators` in `index`, named after the provider `source`. */
export function hitsOf(index: IntelIndex, indicators: readonly Indicator[], source: string): IntelHit[] {
  return indicators.flatMap((indicator) =>
    index.lookup(indicator).map(
      (entry): IntelHit => ({
        type: indicator.type,
        value: indicator.value,
        score: entry.score,
        source,
        matched: entry.value,
        at: entry.at,
        ...(entry.note !== undefined && { detail: entry.note }),
      }),
    ),
  );
}

export function fileIntelProvider(options: {
  readonly files: RepoFiles;
  readonly path: string;
  readonly timeoutMs: number;
}): EnrichmentProvider {
  const name = `threat_intel ${options.path}`;
  return {
    name,
    kind: 'intel',
    timeoutMs: options.timeoutMs,
    ...loadedOnce(
      options.files,
      `intel\u0000${options.path}`,
      () => loadIntelFeeds(options.files, options.path),
      (index, subject) => ({ hits: hitsOf(index, subject.indicators, name) }),
    ),
  };
}
