// How actions reach AWS, Slack, GitHub and Jira: real SDK clients, built lazily (a run that only posts to
// Slack never loads the AWS SDK), one per service, region and account, with the SDKs' own retry — adaptive
// for AWS, the plugins for Octokit, WebClient's retry policy for Slack. The one loop written here is Jira's:
// jira.js has no retry at all, and Atlassian asks clients to honour a 429's Retry-After.
//
// AWS credentials come from the standard chain (in Actions: OIDC through aws-actions/configure-aws-credentials)
// unless the configuration maps the event's account to a role, which is then assumed through STS. A run never
// acts in an account it was not pointed at: credentials that belong to another account are refused before
// the first call.

import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryStrategyV2 } from '@aws-sdk/types';
import type { Octokit } from '@octokit/rest';
import type { WebClient } from '@slack/web-api';
import type { Version3Client } from 'jira.js';
import { OperationError } from '../errors.js';
import { redactSecrets, registerSecret } from './redact.js';

/** Where an AWS action acts: the event's region, and its account when the event names one. */
export interface AwsTarget {
  readonly region: string;
  readonly account?: string;
}

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface ConnectorEnvironment {
  readonly aws?: {
    /** An endpoint for every AWS client (the loopback sim); otherwise the SDK's own, AWS_ENDPOINT_URL included. */
    readonly endpoint?: string;
    /** Fixed credentials (the sim's); otherwise the SDK's default chain. */
    readonly credentials?: AwsCredentials;
    /** Account id → role ARN assumed for actions in that account. */
    readonly roles?: Readonly<Record<string, string>>;
    /** Attempts per call, the first included, for the SDK's adaptive retry. */
    readonly maxAttempts?: number;
    /** The SDK's retry strategy instead of adaptive retry: tests and drills use a short, fixed backoff. */
    readonly retryStrategy?: RetryStrategyV2;
  };
  readonly slack?: { readonly token: string; readonly apiUrl?: string; readonly retries?: number };
  readonly github?: {
    readonly token: string;
    readonly baseUrl?: string;
    readonly retries?: number;
    /** owner/name a step acts in when it names no repository: the workflow's own (GITHUB_REPOSITORY). */
    readonly repository?: string;
    /**
     * How long the Octokit plugins' second lasts, in milliseconds: their waits after a Retry-After or a
     * 5xx, and the spacing of writes GitHub asks for (a second; three for writes that notify). 1000 in a
     * real run; tests and drills shorten it.
     */
    readonly secondMs?: number;
  };
  readonly jira?: {
    readonly host: string;
    readonly email: string;
    readonly apiToken: string;
    /** Retries after the first attempt, on 429 and transient 5xx. */
    readonly retries?: number;
    /** The first backoff when Jira names no Retry-After, doubled per attempt. */
    readonly backoffMs?: number;
  };
}

/** The configuration every AWS SDK v3 client constructor accepts, as far as irac sets it. */
export interface AwsClientConfig {
  region: string;
  endpoint?: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  maxAttempts: number;
  retryMode: 'adaptive';
  retryStrategy?: RetryStrategyV2;
  forcePathStyle?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: each SDK client class has its own config type.
export type AwsClientClass<C> = new (config: any) => C;

export interface Clients {
  /** A client of that class for the target's region and account, its credentials checked for that account. */
  aws<C>(Client: AwsClientClass<C>, target: AwsTarget): Promise<C>;
  slack(): Promise<WebClient>;
  github(): Promise<Octokit>;
  /** The repository a GitHub step acts in when it names none. */
  githubRepository(): string;
  jira(): Promise<Version3Client>;
  /**
   * Resolves when the service an action calls can be reached at all (AWS credentials found by the SDK's
   * chain, a token set), without loading the service's SDK; rejects with ConnectorUnavailable otherwise.
   * A job without credentials learns it in milliseconds, before the first client is built.
   */
  available(action: string): Promise<void>;
}

/** A service the run has no way to reach: no credentials found, no token set. Nothing was sent to it. */
export class ConnectorUnavailable extends OperationError {}

const DEFAULT_MAX_ATTEMPTS = 5;
const ACCOUNT_ID = /^[0-9]{12}$/;

function missing(service: string, how: string): never {
  throw new ConnectorUnavailable(`${service} is not configured: ${how}`);
}

/**
 * The Octokit plugins' settings for a second of `second` milliseconds. The throttling plugin's own write
 * queues are shared by the whole process at a fixed pace, so a shortened second needs queues of its own,
 * from the scheduler the plugin itself uses.
 */
async function octokitPacing(second: number) {
  const { default: Bottleneck } = await import('bottleneck');
  const queue = (minTime: number) => new Bottleneck.Group({ maxConcurrent: 1, minTime });
  return {
    retry: { retryAfterBaseValue: second },
    throttle: { retryAfterBaseValue: second, write: queue(second), notifications: queue(3 * second) },
  };
}

export function createClients(environment: ConnectorEnvironment): Clients {
  const aws = environment.aws ?? {};
  const cache = new Map<unknown, Map<string, unknown>>();
  const checkedAccounts = new Map<string, Promise<void>>();
  let slack: Promise<WebClient> | undefined;
  let github: Promise<Octokit> | undefined;
  let jira: Promise<Version3Client> | undefined;
  registerSecret(aws.credentials?.secretAccessKey);
  registerSecret(aws.credentials?.sessionToken);
  registerSecret(environment.slack?.token);
  registerSecret(environment.github?.token);
  registerSecret(environment.jira?.apiToken);

  // The credentials every AWS client of this run starts from: the fixed ones, or the SDK's default chain
  // (environment, web identity, profiles, container and instance metadata), built once and shared so the
  // chain is walked once, not once per client.
  let baseCredentials: Promise<AwsCredentialIdentity | AwsCredentialIdentityProvider> | undefined;
  const base = () => {
    baseCredentials ??= aws.credentials
      ? Promise.resolve(aws.credentials)
      : import('@aws-sdk/credential-providers').then(({ fromNodeProviderChain }) => fromNodeProviderChain());
    return baseCredentials;
  };
  let awsReachable: Promise<void> | undefined;
  const awsAvailable = () => {
    awsReachable ??= (async () => {
      const credentials = await base();
      if (typeof credentials !== 'function') return;
      try {
        await credentials();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new ConnectorUnavailable(`AWS has no credentials here: ${redactSecrets(why)}`);
      }
    })();
    return awsReachable;
  };

  const credentialsFor = async (
    target: AwsTarget,
  ): Promise<AwsCredentialIdentity | AwsCredentialIdentityProvider> => {
    const roles = aws.roles ?? {};
    const roleArn =
      target.account !== undefined && Object.hasOwn(roles, target.account)
        ? roles[target.account]
        : undefined;
    if (!roleArn) return base();
    const { fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
    return fromTemporaryCredentials({
      masterCredentials: await base(),
      params: { RoleArn: roleArn, RoleSessionName: 'irac-containment', DurationSeconds: 900 },
      clientConfig: { region: target.region, ...(aws.endpoint ? { endpoint: aws.endpoint } : {}) },
    });
  };

  const configFor = async (target: AwsTarget): Promise<AwsClientConfig> => {
    const credentials = await credentialsFor(target);
    return {
      region: target.region,
      ...(aws.endpoint ? { endpoint: aws.endpoint, forcePathStyle: true } : {}),
      credentials,
      maxAttempts: aws.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      retryMode: 'adaptive',
      ...(aws.retryStrategy ? { retryStrategy: aws.retryStrategy } : {}),
    };
  };

  // Acting with credentials of the wrong account would contain the wrong thing, or fail halfway.
  const checkAccount = (target: AwsTarget): Promise<void> => {
    const account = target.account;
    if (!account) return Promise.resolve();
    const key = `${account}/${target.region}`;
    let check = checkedAccounts.get(key);
    if (!check) {
      check = (async () => {
        const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
        const sts = new STSClient(await configFor(target));
        const identity = await sts.send(new GetCallerIdentityCommand({}));
        if (identity.Account !== account) {
          throw new OperationError(
            `the AWS credentials are for account ${identity.Account ?? 'unknown'}, the resource is in ${account}: ` +
              `map ${account} to a role under connectors.aws.accounts`,
          );
        }
      })();
      // A failed check (a network error, a throttled STS) is tried again by the next call.
      check.catch(() => checkedAccounts.delete(key));
      checkedAccounts.set(key, check);
    }
    return check;
  };

  return {
    async aws<C>(Client: AwsClientClass<C>, target: AwsTarget): Promise<C> {
      // The account comes from the event, that is from whoever wrote it: anything but an account id is
      // refused before it can pick a role or reach STS.
      if (target.account !== undefined && !ACCOUNT_ID.test(target.account)) {
        throw new OperationError(
          `${JSON.stringify(target.account.slice(0, 40))} is not an AWS account id (12 digits): nothing was done`,
        );
      }
      await checkAccount(target);
      const key = `${target.account ?? ''}/${target.region}`;
      const byTarget = cache.get(Client) ?? new Map<string, unknown>();
      cache.set(Client, byTarget);
      let client = byTarget.get(key) as C | undefined;
      if (!client) {
        client = new Client(await configFor(target));
        byTarget.set(key, client);
      }
      return client;
    },

    slack() {
      slack ??= (async () => {
        const settings = environment.slack ?? missing('Slack', 'set SLACK_BOT_TOKEN');
        const { WebClient } = await import('@slack/web-api');
        return new WebClient(settings.token, {
          ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
          retryConfig: { retries: settings.retries ?? 5, factor: 2, minTimeout: 100, maxTimeout: 5000 },
        });
      })();
      return slack;
    },

    github() {
      github ??= (async () => {
        const settings = environment.github ?? missing('GitHub', 'set GITHUB_TOKEN');
        const [{ Octokit }, { retry }, { throttling }] = await Promise.all([
          import('@octokit/rest'),
          import('@octokit/plugin-retry'),
          import('@octokit/plugin-throttling'),
        ]);
        const retries = settings.retries ?? 3;
        const pacing = settings.secondMs === undefined ? undefined : await octokitPacing(settings.secondMs);
        const Client = Octokit.plugin(retry, throttling);
        return new Client({
          auth: settings.token,
          ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
          userAgent: 'irac',
          // A failed request reaches the step's record with GitHub's own words; Octokit's request log would
          // print it (URL and all) a second time on stderr.
          log: { debug: () => {}, info: () => {}, warn: console.warn, error: () => {} },
          // The plugin's own `retries`, not `request.retries`: set per request, it retries every refusal
          // (401, 403, 404, 422 too), as plugin-retry documents.
          retry: { retries, ...pacing?.retry },
          throttle: {
            onRateLimit: (_after: number, _options: unknown, _octokit: unknown, count: number) =>
              count < retries,
            onSecondaryRateLimit: (_after: number, _options: unknown, _octokit: unknown, count: number) =>
              count < retries,
            ...pacing?.throttle,
          },
        }) as unknown as Octokit;
      })();
      return github;
    },

    githubRepository() {
      const settings = environment.github ?? missing('GitHub', 'set GITHUB_TOKEN');
      return (
        settings.repository ?? missing('the GitHub repository', 'set GITHUB_REPOSITORY or name a repository')
      );
    },

    jira() {
      jira ??= (async () => {
        const settings =
          environment.jira ?? missing('Jira', 'set connectors.jira.base_url, JIRA_EMAIL and JIRA_API_TOKEN');
        const { Version3Client } = await import('jira.js');
        const retries = settings.retries ?? 4;
        const backoffMs = settings.backoffMs ?? 500;
        // jira.js has no retry of its own and there is no plugin for it, while Atlassian's rate-limiting
        // guide asks clients to wait out a 429's Retry-After and back off on transient 5xx. Every call
        // passes through sendRequestFullResponse, so this is the one place that does it.
        const delayBefore = (attempt: number, error: unknown): number | null => {
          const response = (error as { response?: { status?: number; headers?: Record<string, unknown> } })
            .response;
          const status = response?.status ?? 0;
          if (attempt > retries || ![429, 500, 502, 503, 504].includes(status)) return null;
          const retryAfter = Number(response?.headers?.['retry-after'] ?? Number.NaN);
          // A wait longer than a minute is Jira telling the run to stop, not to sleep through an incident.
          if (Number.isFinite(retryAfter)) return retryAfter <= 60 ? retryAfter * 1000 : null;
          return backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
        };
        class RetryingJiraClient extends Version3Client {
          override async sendRequestFullResponse<T>(
            requestConfig: Parameters<Version3Client['sendRequestFullResponse']>[0],
          ) {
            for (let attempt = 1; ; attempt++) {
              try {
                return await super.sendRequestFullResponse<T>(requestConfig);
              } catch (error) {
                const delay = delayBefore(attempt, error);
                if (delay === null) throw error;
                await new Promise((resolve) => setTimeout(resolve, delay));
              }
            }
          }
        }
        return new RetryingJiraClient({
          host: settings.host,
          authentication: { basic: { email: settings.email, apiToken: settings.apiToken } },
        });
      })();
      return jira;
    },

    async available(action) {
      const service = action.slice(0, action.indexOf(':'));
      if (service === 'aws') return awsAvailable();
      if (service === 'slack' && !environment.slack) missing('Slack', 'set SLACK_BOT_TOKEN');
      if (service === 'github' && !environment.github) missing('GitHub', 'set GITHUB_TOKEN');
      if (service === 'jira' && !environment.jira) {
        missing('Jira', 'set connectors.jira.base_url, JIRA_EMAIL and JIRA_API_TOKEN');
      }
    },
  };
}
