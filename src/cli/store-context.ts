// What every command that works on the incident store starts with: the repository (from --repo),
// its configuration (from --config), who is acting, and how commits are published.

import { type LoadedConfig, loadConfig } from '../config/config.js';
import { InputError } from '../errors.js';
import { IncidentRepository, type PublishSettings } from '../store/repository.js';
import { actorFromEnvironment } from './actor.js';

export interface StoreOptions {
  readonly repo?: string;
  readonly config?: string;
}

export interface StoreContext {
  readonly repository: IncidentRepository;
  readonly config: LoadedConfig;
  readonly actor: string;
  readonly publish: PublishSettings;
}

export async function openStore(options: StoreOptions): Promise<StoreContext> {
  const repository = await IncidentRepository.open(options.repo ?? process.cwd());
  const config = await loadConfig({
    repoRoot: repository.root,
    ...(options.config ? { file: options.config } : {}),
  });
  if (config.signing.requireSigned && config.signing.key === undefined) {
    throw new InputError(
      config.path ?? 'configuration',
      'orchestrator.signing.require_signed is set but no signing key is configured (orchestrator.signing.key or IRAC_SIGNING_KEY)',
    );
  }
  return {
    repository,
    config,
    actor: await actorFromEnvironment(repository.git),
    publish: {
      pushAttempts: config.pushAttempts,
      backoffBaseMs: config.backoffBaseMs,
      backoffMaxMs: config.backoffMaxMs,
      committer: config.committer,
      signingKey: config.signing.key,
    },
  };
}
