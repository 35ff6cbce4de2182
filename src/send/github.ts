// Posting dispatches: POST /repos/{owner}/{repo}/dispatches through the same Octokit the connectors use —
// plugin-retry for 5xx and network failures, plugin-throttling for rate limits and for the spacing GitHub
// asks of writes (one at a time, a second apart), which also keeps a sender far below the 500 workflow
// runs per 10 seconds that GitHub queues for a repository.

import { type ConnectorEnvironment, createClients } from '../connectors/clients.js';
import { redactSecrets } from '../connectors/redact.js';
import { OperationError, UsageError } from '../errors.js';
import type { Dispatch } from './dispatches.js';

export type GitHubSettings = NonNullable<ConnectorEnvironment['github']>;

/** `owner/name`, split as the REST route takes it. */
export interface Repository {
  readonly owner: string;
  readonly repo: string;
}

// GitHub's own rules for owner and repository names.
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** The `--repo OWNER/NAME` of send and relay, or GITHUB_REPOSITORY when it is not given. */
export function repositoryFrom(option: string | undefined, env: NodeJS.ProcessEnv): Repository {
  const text = option ?? (env.GITHUB_REPOSITORY || undefined);
  if (text === undefined) throw new UsageError('--repo OWNER/NAME is required (or set GITHUB_REPOSITORY)');
  const match = REPOSITORY.exec(text);
  if (!match?.[1] || !match[2] || match[2] === '.' || match[2] === '..') {
    throw new UsageError(`--repo ${JSON.stringify(text.slice(0, 140))} is not OWNER/NAME`);
  }
  return { owner: match[1], repo: match[2] };
}

/** The token and API URL from the standard variables; undefined without a token. */
export function githubSettingsFrom(env: NodeJS.ProcessEnv): GitHubSettings | undefined {
  const token = env.GITHUB_TOKEN || undefined;
  if (token === undefined) return undefined;
  const baseUrl = env.GITHUB_API_URL || undefined;
  return { token, ...(baseUrl ? { baseUrl } : {}) };
}

export type PostDispatch = (dispatch: Dispatch) => Promise<void>;

/** A refusal or failure of one dispatch, in GitHub's words, after the retry plugin has given up. */
export class DispatchFailure extends OperationError {
  constructor(
    message: string,
    /** The HTTP status GitHub answered, if it answered. */
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

function failureOf(error: unknown): DispatchFailure {
  // Octokit reports a request that got no answer (refused, reset, timed out) as a status 500 without a
  // response: that is not GitHub speaking.
  const { status, response } = (error ?? {}) as { status?: unknown; response?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  return typeof status === 'number' && response !== undefined
    ? new DispatchFailure(redactSecrets(`GitHub answered HTTP ${status}: ${message}`), status)
    : new DispatchFailure(redactSecrets(`GitHub could not be reached: ${message}`), undefined);
}

/** Posts dispatches to `repository`; a failure is a DispatchFailure. */
export function dispatchPoster(settings: GitHubSettings | undefined, repository: Repository): PostDispatch {
  const clients = createClients(settings ? { github: settings } : {});
  return async (dispatch) => {
    const octokit = await clients.github();
    try {
      await octokit.repos.createDispatchEvent({
        ...repository,
        event_type: dispatch.body.event_type,
        client_payload: dispatch.body.client_payload as { [key: string]: unknown },
      });
    } catch (error) {
      throw failureOf(error);
    }
  };
}
