// The asset registry kept in the repository (`asset_registry` with a `path`): assets/*.yaml, reviewed
// in pull requests like the playbooks. Read once per process; a file that does not parse or fit the
// schema is reported at its line and column, and leaves the provider degraded rather than triage stopped.

import { parseLocatedYaml } from '../../../config/located-yaml.js';
import { InputError } from '../../../errors.js';
import type { RepoFiles } from '../../../playbooks/repo-files.js';
import { filesAt, loadedOnce } from '../repo.js';
import { assetFileValidator, validatedYaml } from '../schemas.js';
import { identifiersOf } from '../subject.js';
import type { AssetMatch, EnrichmentProvider } from '../types.js';
import { AssetRegistry, type RegisteredAsset, type RegistryMatch } from './registry.js';

const YAML_FILE = /\.ya?ml$/;

/** Reads and checks every file of the registry at `path`; throws an InputError at the first problem. */
export async function loadAssetRegistry(files: RepoFiles, path: string): Promise<AssetRegistry> {
  const assets: RegisteredAsset[] = [];
  const firstAt = new Map<string, string>();
  for (const file of await filesAt(files, path, (name) => YAML_FILE.test(name))) {
    const text = (await files.readText(file)) ?? '';
    const yaml = parseLocatedYaml(text, file);
    // A file of comments only holds no asset yet.
    if (yaml.value === null || yaml.value === undefined) continue;
    const registry = validatedYaml(yaml, assetFileValidator(), 'the asset registry file');
    for (const [index, entry] of registry.assets.entries()) {
      const at = yaml.locate(['assets', index, 'id']).where;
      const first = firstAt.get(entry.id);
      if (first !== undefined) throw new InputError(at, `asset "${entry.id}" is already defined at ${first}`);
      firstAt.set(entry.id, at);
      assets.push({ entry, at: yaml.locate(['assets', index]).where });
    }
  }
  return new AssetRegistry(assets);
}

/** A registry match as triage records it. */
export function assetMatchOf(match: RegistryMatch, source: string): AssetMatch {
  const { entry, at } = match.asset;
  return {
    id: entry.id,
    ...(entry.owner !== undefined && { owner: entry.owner }),
    ...(entry.environment !== undefined && { environment: entry.environment }),
    criticality: entry.criticality,
    compliance: entry.compliance ?? [],
    matched: {
      identifier: match.identifier.text,
      ...(match.identifier.type !== undefined && { type: match.identifier.type }),
      pattern: match.pattern,
    },
    source,
    ...(at !== undefined && { at }),
  };
}

export function fileAssetProvider(options: {
  readonly files: RepoFiles;
  readonly path: string;
  readonly timeoutMs: number;
}): EnrichmentProvider {
  const name = `asset_registry ${options.path}`;
  return {
    name,
    kind: 'asset',
    timeoutMs: options.timeoutMs,
    ...loadedOnce(
      options.files,
      `assets\u0000${options.path}`,
      () => loadAssetRegistry(options.files, options.path),
      (registry, subject) => ({
        assets: registry.lookup(identifiersOf(subject)).map((match) => assetMatchOf(match, name)),
      }),
    ),
  };
}
