// Registries and feeds kept in the repository: which files a configured path names, and loading them
// once. Replay triages thousands of incidents; each must not read and parse the files again.

import { InputError } from '../../errors.js';
import type { RepoFiles } from '../../playbooks/repo-files.js';
import type { EnrichmentProvider, ProviderFacts, Subject } from './types.js';

/**
 * The files a registry or feed path names, as repository paths: the file itself, or the files directly
 * in the directory that `keep` accepts. A directory without files is empty; a path to nothing is a mistake.
 */
export async function filesAt(
  files: RepoFiles,
  path: string,
  keep: (name: string) => boolean,
): Promise<string[]> {
  const names = await files.list(path);
  if (names.length > 0) return names.filter(keep).map((name) => `${path}/${name}`);
  try {
    if ((await files.readText(path)) === undefined) throw new InputError(path, 'no such file or directory');
  } catch (error) {
    // A directory is not a file to read: here, one without files.
    if (error instanceof InputError && error.what === 'is not a file') return [];
    throw error;
  }
  return [path];
}

const loaded = new WeakMap<RepoFiles, Map<string, Promise<unknown>>>();

/**
 * What `load` makes of the files under `key` in `files`, made on first use and kept as long as `files`
 * is (one engine, one replay), failure included: every lookup then reports the same problem without
 * reading the files again.
 */
export function loadOnce<T>(files: RepoFiles, key: string, load: () => Promise<T>): Promise<T> {
  let cache = loaded.get(files);
  if (cache === undefined) {
    cache = new Map();
    loaded.set(files, cache);
  }
  let result = cache.get(key) as Promise<T> | undefined;
  if (result === undefined) {
    result = load();
    result.catch(() => undefined);
    cache.set(key, result);
  }
  return result;
}

/**
 * A source read from the repository once and then answered from memory: `lookup` loads it on first
 * use; `lookupNow` answers without waiting once it is loaded (and fails as `lookup` would when loading
 * failed).
 */
export function loadedOnce<T>(
  files: RepoFiles,
  key: string,
  load: () => Promise<T>,
  answer: (loaded: T, subject: Subject) => ProviderFacts,
): Pick<EnrichmentProvider, 'lookup' | 'lookupNow'> {
  let state: { value: T } | { error: unknown } | undefined;
  return {
    async lookup(subject) {
      try {
        const value = await loadOnce(files, key, load);
        state = { value };
        return answer(value, subject);
      } catch (error) {
        state = { error };
        throw error;
      }
    },
    lookupNow(subject) {
      if (state === undefined) return undefined;
      if ('error' in state) throw state.error;
      return answer(state.value, subject);
    },
  };
}
