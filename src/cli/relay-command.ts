// `irac relay [--port N] [--host H] [--repo OWNER/NAME] [--window-ms MS] [--max-body-bytes N]
// [--max-queued-events N]`: a webhook receiver that batches what it receives into repository_dispatch.
// Secrets come from the environment only (IRAC_RELAY_SECRET, IRAC_RELAY_HMAC_KEY, GITHUB_TOKEN): argv is
// visible to every user of the host. It runs until SIGTERM or SIGINT, then delivers what it holds; what
// GitHub would not take goes to standard output as dispatch bodies, one per line, for `irac send -`.

import { OperationError } from '../errors.js';
import { credentialsFrom } from '../relay/auth.js';
import { type Relay, startRelay } from '../relay/server.js';
import { dispatchPoster, type GitHubSettings, githubSettingsFrom, repositoryFrom } from '../send/github.js';
import type { CliIo } from './io.js';

export interface RelayCommandOptions {
  readonly port?: number;
  readonly host?: string;
  /** OWNER/NAME; GITHUB_REPOSITORY when absent. */
  readonly repo?: string;
  readonly windowMs?: number;
  readonly maxBodyBytes?: number;
  readonly maxQueuedEvents?: number;
}

/** What the process gives the relay; tests give their own. */
export interface RelayRuntime {
  readonly env: NodeJS.ProcessEnv;
  /** GitHub's token and URL; from GITHUB_TOKEN and GITHUB_API_URL unless given. */
  readonly github?: GitHubSettings;
  /** Resolves with the signal's name when the relay should stop. */
  readonly stop: Promise<string>;
  /** Called once the relay listens. */
  readonly listening?: (relay: Relay) => void;
}

export const DEFAULT_RELAY_PORT = 8080;
export const DEFAULT_RELAY_HOST = '127.0.0.1';

/** The first SIGTERM or SIGINT; a second one, with the handlers gone, stops the process at once. */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

export async function relayCommand(
  options: RelayCommandOptions,
  io: CliIo,
  runtime: RelayRuntime = { env: process.env, stop: stopSignal() },
): Promise<void> {
  const credentials = credentialsFrom(runtime.env);
  const repository = repositoryFrom(options.repo, runtime.env);
  const github = runtime.github ?? githubSettingsFrom(runtime.env);
  if (!github) {
    throw new OperationError(
      'GitHub is not configured: set GITHUB_TOKEN (a token with Contents: write on the repository)',
    );
  }
  const target = `${repository.owner}/${repository.repo}`;
  const log = (line: string) => io.stderr(`irac relay: ${line}\n`);
  const relay = await startRelay({
    host: options.host ?? DEFAULT_RELAY_HOST,
    port: options.port ?? DEFAULT_RELAY_PORT,
    credentials,
    post: dispatchPoster(github, repository),
    windowMs: options.windowMs,
    maxBodyBytes: options.maxBodyBytes,
    maxQueuedEvents: options.maxQueuedEvents,
    log,
    deadLetter: (dispatch) => io.stdout(`${JSON.stringify(dispatch.body)}\n`),
  });
  const auth = [credentials.sharedSecret && 'shared secret', credentials.hmacKey && 'HMAC signature']
    .filter(Boolean)
    .join(' or ');
  log(`listening on ${relay.url}/events, forwarding to ${target} (auth: ${auth})`);
  runtime.listening?.(relay);
  const signal = await runtime.stop;
  log(`${signal}: delivering ${relay.stats().held} held events before stopping`);
  await relay.close();
  const { delivered, dispatches, deadLettered } = relay.stats();
  log(`stopped: ${delivered} events delivered in ${dispatches} dispatches`);
  if (deadLettered > 0) {
    throw new OperationError(
      `${deadLettered} events were not delivered; their dispatches are on standard output, one per line: ` +
        `replay them with irac send - --repo ${target}`,
    );
  }
}
