// The shared corpus of real vendor payloads (../shared/corpus beside the repository, or $IRAC_CORPUS).
// Users' clones do not have it, CI does: corpus tests skip when it is absent; the project's own
// fixtures under test/fixtures/ always run.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type NormalizeOptions, normalizeInput } from '../../src/ingest/normalize.js';
import type { SecurityEvent } from '../../src/types.js';
import { describeErrors, securityEventValidator } from '../../src/validation.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CORPUS_DIR = process.env.IRAC_CORPUS ?? resolve(REPO_ROOT, '../shared/corpus');
export const corpusAvailable = existsSync(CORPUS_DIR);
export const FIXTURES_DIR = join(REPO_ROOT, 'test/fixtures');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** Every .json / .ndjson file below a corpus folder, as absolute paths; [] without the corpus. */
export function corpusFiles(folder: string): string[] {
  const dir = join(CORPUS_DIR, folder);
  if (!existsSync(dir)) return [];
  return walk(dir).filter((f) => /\.(json|ndjson)$/.test(f));
}

/** Every file below a folder of test/fixtures. */
export function fixtureFiles(folder: string): string[] {
  const dir = join(FIXTURES_DIR, folder);
  return existsSync(dir) ? walk(dir).filter((f) => /\.(json|ndjson)$/.test(f)) : [];
}

/** A path shortened for test names. */
export function shortName(file: string): string {
  return relative(file.startsWith(CORPUS_DIR) ? CORPUS_DIR : FIXTURES_DIR, file);
}

/** Events are valid by construction; the tests hold buildEvent to that, on every event they see. */
export function assertValidEvents(events: readonly SecurityEvent[]): SecurityEvent[] {
  const validate = securityEventValidator();
  for (const event of events) {
    const { id } = event;
    if (!validate(event)) throw new Error(`${id} breaks the schema: ${describeErrors(validate.errors)}`);
  }
  return [...events];
}

export function normalizeFile(file: string, options: NormalizeOptions = {}): SecurityEvent[] {
  const input = readFileSync(file);
  return assertValidEvents(
    normalizeInput(input, { name: shortName(file), receivedAt: '2026-01-01T00:00:00.000Z', ...options }),
  );
}
