// incident-response-config.yaml: read, checked against schemas/config.schema.json and a few rules a
// schema cannot say (unique ids, weights that add up), completed with defaults. The first problem is
// reported as one line, `file:line:col: what`, pointing at the key or value to fix. Inline playbooks
// are checked here as the schema shapes them; src/playbooks/ compiles and checks them further.

import { open } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { InputError } from '../errors.js';
import type { JsonPath } from '../json.js';
import type { RepoFiles } from '../playbooks/repo-files.js';
import { compileCondition } from '../triage/expressions.js';
import type {
  AggregationConfig,
  Config,
  ConnectorsConfig,
  EnrichmentSource,
  EscalationMatrix,
  EscalationRole,
  OrchestratorConfig,
  PlaybookDefinition,
  ScoringConfig,
  SigningConfig,
  StoreConfig,
  SuppressionRule,
} from '../types.js';
import { configValidator } from '../validation.js';
import { type LocatedYaml, type Location, parseLocatedYaml, YamlError } from './located-yaml.js';
import { type PatternPhrases, schemaProblem, subjectOf } from './schema-problems.js';

export const DEFAULT_CONFIG_FILE = 'incident-response-config.yaml';

/** Larger than any real configuration by far; the file is read whole before parsing. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** T with the keys K always present: the loader fills in their defaults. */
type WithDefaults<T, K extends keyof T> = T & { readonly [P in K]-?: Exclude<T[P], undefined> };

/** The configuration with every default applied: what the rest of irac reads. Frozen. */
export interface Settings {
  readonly orchestrator: WithDefaults<
    OrchestratorConfig,
    | 'dry_run_default'
    | 'max_concurrent_playbooks'
    | 'correlation_window'
    | 'approval_environments'
    | 'budgets'
    | 'store'
    | 'signing'
  > & {
    readonly store: Required<StoreConfig>;
    readonly signing: WithDefaults<SigningConfig, 'allowed_signers' | 'require_signed'>;
  };
  readonly triage: {
    readonly enrichment_sources: readonly EnrichmentSource[];
    readonly enrichment_timeout: string;
    readonly scoring: Required<ScoringConfig>;
    readonly suppressions: readonly SuppressionRule[];
    readonly aggregation: Required<AggregationConfig>;
    readonly default_playbook: string | null;
  };
  /** Inline playbooks as written; loadPlaybooks (src/playbooks/load.ts) compiles them with the files. */
  readonly playbooks: readonly PlaybookDefinition[];
  readonly notifications: {
    readonly escalation_matrix: EscalationMatrix;
    /** Role → where it is paged (a Slack user group, a GitHub team). */
    readonly roles: Readonly<Record<string, EscalationRole>>;
    /** org/team-slug whose active members may /ack from GitHub; undefined: nobody may. */
    readonly ack_team?: string;
  };
  readonly connectors: ConnectorsConfig;
}

/** What the store needs, in the units it works in. */
export interface StoreSettings {
  readonly correlationWindowMs: number;
  readonly pushAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly committer?: { readonly name: string; readonly email: string };
  readonly signing: {
    /** Absolute path of the SSH private key; commits are unsigned without one. */
    readonly key?: string;
    /** Relative to the repository root. */
    readonly allowedSigners: string;
    readonly requireSigned: boolean;
  };
}

/** The configuration read from text: its settings, and where each of them is written. */
export interface ParsedConfig {
  /** The file's name in messages. */
  readonly origin: string;
  readonly settings: Settings;
  /** The file as parsed, with positions; undefined when there is none and the defaults apply. */
  readonly yaml?: LocatedYaml;
}

export interface LoadedConfig extends StoreSettings, ParsedConfig {
  /** Absolute path of the file read; undefined when no file exists and the built-in defaults apply. */
  readonly path: string | undefined;
}

// The defaults, also written as `default` in the schema (a test holds the two together) and in the
// shipped incident-response-config.yaml.
const ORCHESTRATOR_DEFAULTS: Required<
  Pick<
    OrchestratorConfig,
    | 'dry_run_default'
    | 'max_concurrent_playbooks'
    | 'correlation_window'
    | 'approval_environments'
    | 'budgets'
  >
> = {
  dry_run_default: true,
  max_concurrent_playbooks: 10,
  correlation_window: '1h',
  approval_environments: ['ir-containment'],
  // An alert storm must not contain the fleet unreviewed: the same budgets the template writes out.
  budgets: [
    { action: 'aws:ec2.isolate_instance', max: 5, per: 'account', window: '1h' },
    { action: 'aws:iam.deactivate_access_keys', max: 10, per: 'account', window: '1h' },
    { action: 'aws:autoscaling.standby', max: 5, per: 'account', window: '1h' },
  ],
};
const STORE_DEFAULTS: Required<StoreConfig> = { push_attempts: 20, backoff_base: '200ms', backoff_max: '5s' };
const SIGNING_DEFAULTS = { allowed_signers: '.github/allowed_signers', require_signed: false };
const SCORING_DEFAULTS: Required<ScoringConfig> = {
  weights: { severity: 0.4, asset_criticality: 0.3, historical_frequency: 0.2, threat_score: 0.1 },
  thresholds: { critical: 0.8, high: 0.5, medium: 0.2 },
  unknown_asset_criticality: 0.5,
  history_saturation: 5,
};
const TRIAGE_DEFAULTS = { enrichment_timeout: '5s', default_playbook: 'queue-for-review' };
const AGGREGATION_DEFAULTS: Required<AggregationConfig> = {
  max_incidents: 5,
  window: '24h',
  max_severity: 'medium',
};

/** What each pattern of the configuration and playbook schemas asks for, in words. */
export const PATTERN_PHRASES: PatternPhrases = {
  duration: 'a duration like "200ms", "30s", "5m", "1h" or "7d"',
  slug: 'an id of lowercase letters, digits and dashes (at most 64 characters)',
  snakeName: 'a name of lowercase letters, digits and underscores (at most 64 characters)',
  repoPath: 'a path inside the repository (relative, without "..")',
  action: 'an action like "slack:post_message"',
  endpoint: 'an http:// or https:// URL',
  rate_limit: 'a rate like "100/min" (per s, min or h)',
  name: 'a name of at most 200 characters without "<", ">" or control characters',
  email: 'an email address',
  api_key_env: 'an environment variable name (upper case letters, digits and underscores)',
  expires: 'a day like "2027-03-31" or an instant like "2027-03-31T12:00:00Z"',
  version: 'a semantic version like "1.2.0"',
  owner:
    'a team, an e-mail address or @org/team, of at most 200 characters without "<", ">" or control characters',
  environment: 'a GitHub Environment name (letters, digits, ".", "_" and "-"; at most 100 characters)',
};

const DURATION = new RegExp(configSchema.$defs.duration.pattern);
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds in a duration such as "200ms", "30s", "5m", "1h", "7d". */
export function durationMs(text: string): number {
  const unit = DURATION.exec(text)?.[1];
  const perUnit = unit === undefined ? undefined : UNIT_MS[unit];
  if (unit === undefined || perUnit === undefined) {
    throw new RangeError(`not a duration: ${JSON.stringify(text)}`);
  }
  return Number(text.slice(0, -unit.length)) * perUnit;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function withDefaults(config: Config): Settings {
  const orchestrator = config.orchestrator ?? {};
  return deepFreeze({
    ...config,
    orchestrator: {
      ...ORCHESTRATOR_DEFAULTS,
      ...orchestrator,
      store: { ...STORE_DEFAULTS, ...orchestrator.store },
      signing: { ...SIGNING_DEFAULTS, ...orchestrator.signing },
    },
    triage: {
      ...TRIAGE_DEFAULTS,
      ...config.triage,
      enrichment_sources: config.triage?.enrichment_sources ?? [],
      scoring: structuredClone({ ...SCORING_DEFAULTS, ...config.triage?.scoring }),
      suppressions: config.triage?.suppressions ?? [],
      aggregation: { ...AGGREGATION_DEFAULTS, ...config.triage?.aggregation },
    },
    playbooks: config.playbooks ?? [],
    notifications: {
      ...config.notifications,
      escalation_matrix: config.notifications?.escalation_matrix ?? {},
      roles: config.notifications?.roles ?? {},
    },
    connectors: config.connectors ?? {},
  });
}

/**
 * Plain http may reach only this host itself: the loopback simulators of tests and drills. Anywhere
 * else, the key and the incident's addresses and resource names would cross the network in clear.
 * `hostname` is as URL gives it, which has already spelled `127.1` and `0x7f.0.0.1` as `127.0.0.1`.
 */
function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * Credentials that a run of irac has in its environment for other ends, which an enrichment source must
 * never be handed as its key: `api_key_env: GITHUB_TOKEN` with an endpoint of the author's choosing
 * would post the token there. The list names what a workflow running irac is given (the runner's
 * variables, whose ACTIONS_ID_TOKEN_REQUEST_* mint OIDC tokens for AWS; GitHub's, AWS's and Slack's
 * credentials; irac's signing key) and the words cloud credentials and private keys are spelled with.
 * It cannot know every secret: a source's key gets a variable of its own, named for the source.
 */
const FOREIGN_CREDENTIALS: readonly (readonly [RegExp, string])[] = [
  [/^(GITHUB_|GH_TOKEN$|GH_ENTERPRISE_TOKEN$)/, "GitHub's"],
  [/^(ACTIONS_|RUNNER_)/, "the Actions runner's"],
  [/^AWS_/, "AWS's"],
  [/^SLACK_/, "Slack's"],
  [/^IRAC_SIGNING_KEY$/, "irac's signing key"],
  [/SECRET_ACCESS|SESSION_TOKEN|PRIVATE_KEY/, 'named like a cloud credential or a private key'],
];

/** Why a URL irac would send credentials and incident data to is refused; undefined when it is fine. */
function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    // Only the scheme and host are shown: the rest of a URL is where credentials hide.
    return `must be an https:// URL (http:// only to localhost, 127.0.0.0/8 or ::1), not ${url.protocol}//${url.host}`;
  }
  return undefined;
}

interface SourceProblem {
  /** The key to point at; the source itself when absent. */
  readonly key?: 'endpoint' | 'api_key_env';
  readonly what: string;
}

/**
 * What is wrong with an enrichment source: its keys, then where a network source may send its key and
 * the incident's data: over https (or to loopback), and never a credential meant for another end.
 */
function sourceProblem(source: EnrichmentSource): SourceProblem | undefined {
  const shape = sourceShapeProblem(source);
  if (shape !== undefined) return { what: shape };
  const endpoint = source.endpoint === undefined ? undefined : urlProblem(source.endpoint);
  if (endpoint !== undefined) return { key: 'endpoint', what: endpoint };
  const name = source.api_key_env;
  const whose = name === undefined ? undefined : FOREIGN_CREDENTIALS.find(([pattern]) => pattern.test(name));
  if (whose !== undefined) {
    return {
      key: 'api_key_env',
      what: `must name the source's own key, not ${name}: that variable is ${whose[1]}`,
    };
  }
  return undefined;
}

/** Which keys each kind of enrichment source needs: said here, where the message can name them. */
function sourceShapeProblem(source: EnrichmentSource): string | undefined {
  const has = (key: keyof EnrichmentSource) => source[key] !== undefined;
  const refuse = (keys: (keyof EnrichmentSource)[]) => {
    const extra = keys.filter(has);
    return extra.length > 0 ? `does not take ${extra.map((k) => `"${k}"`).join(', ')}` : undefined;
  };
  switch (source.type) {
    case 'asset_registry':
      if (has('path') === has('endpoint'))
        return 'needs either "path" (registry files in the repository) or "endpoint" (an HTTP registry)';
      return (
        refuse(['provider', 'window', 'rate_limit']) ??
        (has('path') ? refuse(['api_key_env', 'cache_ttl']) : undefined)
      );
    case 'threat_intel':
      if (has('path') === has('provider'))
        return 'needs either "path" (feeds in the repository) or "provider" (abuse_ip_db)';
      return (
        refuse(['window']) ??
        (has('path') ? refuse(['endpoint', 'api_key_env', 'rate_limit', 'cache_ttl']) : undefined)
      );
    case 'history':
      return refuse(['path', 'endpoint', 'provider', 'api_key_env', 'rate_limit', 'cache_ttl']);
  }
}

/**
 * When a suppression rule stops applying, in epoch milliseconds: a bare day lasts until its end (UTC).
 * NaN for a date that matches the pattern but does not exist (2027-02-30).
 */
export function expiryMs(expires: string): number {
  if (expires.length === 10) {
    const start = Date.parse(`${expires}T00:00:00Z`);
    return new Date(start).toISOString().startsWith(expires) ? start + 86_400_000 : Number.NaN;
  }
  const at = Date.parse(expires);
  return Number.isNaN(at) ||
    !new Date(Date.parse(`${expires.slice(0, 10)}T00:00:00Z`)).toISOString().startsWith(expires.slice(0, 10))
    ? Number.NaN
    : at;
}

/** The settings irac runs with when the repository has no configuration file. */
export function defaultSettings(): Settings {
  return withDefaults({});
}

/** A problem with the configuration, at the key or value to fix. */
export interface ConfigProblem {
  readonly at: Location;
  readonly what: string;
}

/**
 * Rules the schema cannot express, checked on a value the schema accepted. Playbooks are checked with
 * the playbook files (src/playbooks/load.ts), where ids must be unique across both.
 */
function ruleProblems(config: Config, yaml: LocatedYaml): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report = (path: JsonPath, what: string, key?: string): void => {
    problems.push({ at: yaml.locate(path, key), what });
  };

  for (const [i, source] of (config.triage?.enrichment_sources ?? []).entries()) {
    const problem = sourceProblem(source);
    if (problem?.key !== undefined) {
      const path = ['triage', 'enrichment_sources', i, problem.key];
      report(path, `${subjectOf(path)} ${problem.what}`);
    } else if (problem) {
      report(
        ['triage', 'enrichment_sources', i],
        `triage.enrichment_sources[${i}] (${source.type}) ${problem.what}`,
      );
    }
  }

  const ruleLines = new Map<string, number>();
  for (const [i, rule] of (config.triage?.suppressions ?? []).entries()) {
    const path = ['triage', 'suppressions', i];
    const first = ruleLines.get(rule.id);
    if (first === undefined) ruleLines.set(rule.id, yaml.locate([...path, 'id']).line);
    else report([...path, 'id'], `duplicate suppression id "${rule.id}" (first at line ${first})`);
    const when = yaml.locate([...path, 'when']);
    try {
      compileCondition(rule.when, when.where);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push({ at: when, what: `${subjectOf([...path, 'when'])}: ${error.what}` });
    }
    if (Number.isNaN(expiryMs(rule.expires)))
      report(
        [...path, 'expires'],
        `${subjectOf([...path, 'expires'])} ${JSON.stringify(rule.expires)} is not a real date`,
      );
  }

  const weights = config.triage?.scoring?.weights;
  if (weights) {
    const sum = Object.values(weights).reduce((total, weight) => total + weight, 0);
    if (Math.abs(sum - 1) > 1e-9) {
      report(
        ['triage', 'scoring', 'weights'],
        `triage.scoring.weights must sum to 1, not ${Number(sum.toFixed(6))}`,
      );
    }
  }
  const thresholds = config.triage?.scoring?.thresholds;
  if (thresholds && !(thresholds.critical > thresholds.high && thresholds.high > thresholds.medium)) {
    report(
      ['triage', 'scoring', 'thresholds'],
      `triage.scoring.thresholds must descend from critical to high to medium, not ${thresholds.critical}, ${thresholds.high}, ${thresholds.medium}`,
    );
  }

  for (const [account, roleArn] of Object.entries(config.connectors?.aws?.accounts ?? {})) {
    const inArn = roleArn.split(':')[4];
    if (inArn !== account) {
      report(
        ['connectors', 'aws', 'accounts', account],
        `connectors.aws.accounts: the role for ${account} must be in that account, not in ${inArn}`,
      );
    }
  }
  const urls: [string[], string | undefined][] = [
    [['connectors', 'slack', 'api_url'], config.connectors?.slack?.api_url],
    [['connectors', 'jira', 'base_url'], config.connectors?.jira?.base_url],
  ];
  for (const [path, url] of urls) {
    const what = url === undefined ? undefined : urlProblem(url);
    if (what !== undefined) report(path, `${path.join('.')} ${what}`);
  }

  const store = config.orchestrator?.store;
  const base = store?.backoff_base ?? STORE_DEFAULTS.backoff_base;
  const max = store?.backoff_max ?? STORE_DEFAULTS.backoff_max;
  if (durationMs(max) < durationMs(base)) {
    if (store?.backoff_max === undefined) {
      report(
        ['orchestrator', 'store', 'backoff_base'],
        `orchestrator.store.backoff_base (${base}) is longer than backoff_max (${max}, the default)`,
      );
    } else {
      report(
        ['orchestrator', 'store', 'backoff_max'],
        `orchestrator.store.backoff_max (${max}) is shorter than backoff_base (${base})`,
      );
    }
  }
  return problems;
}

export interface ConfigCheck {
  /** The file as parsed; undefined when it is not YAML irac reads. */
  readonly yaml?: LocatedYaml;
  /** The settings, when there is no problem. */
  readonly settings?: Settings;
  /** Every problem, in file order. */
  readonly problems: readonly ConfigProblem[];
}

/** Checks the configuration in `text`, read from `origin` (the name used in messages). */
export function checkConfig(text: string, origin: string): ConfigCheck {
  let yaml: LocatedYaml;
  try {
    yaml = parseLocatedYaml(text, origin);
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    return { problems: [{ at: error.at, what: error.what }] };
  }
  // A file with nothing but comments configures nothing: every default applies.
  const value = yaml.value ?? {};
  const validate = configValidator();
  let problems: ConfigProblem[];
  if (validate(value)) {
    problems = ruleProblems(value, yaml);
  } else {
    problems = (validate.errors ?? []).flatMap((error) => {
      const problem = schemaProblem(error, PATTERN_PHRASES);
      return problem ? [{ at: yaml.locate(problem.path, problem.key), what: problem.what }] : [];
    });
    if (problems.length === 0) throw new Error(`the config schema rejected ${origin} without saying why`);
  }
  problems.sort((a, b) => a.at.offset - b.at.offset);
  if (problems.length > 0) return { yaml, problems };
  return { yaml, settings: withDefaults(value as Config), problems };
}

/**
 * The configuration in `text`, read from `origin` (the name used in messages), with defaults applied.
 * Throws an InputError at the first problem in file order.
 */
export function parseSettings(text: string, origin: string): ParsedConfig & { readonly yaml: LocatedYaml } {
  const { yaml, settings, problems } = checkConfig(text, origin);
  const [first] = problems;
  if (first) throw new InputError(first.at.where, first.what);
  if (!settings || !yaml) throw new Error(`${origin}: checked without problems yet without settings`);
  return { origin, settings, yaml };
}

/**
 * The configuration file at `path` of a repository's files (the working tree, or a commit's tree):
 * the built-in defaults when there is none.
 */
export async function readSettings(files: RepoFiles, path = DEFAULT_CONFIG_FILE): Promise<ParsedConfig> {
  const text = await files.readText(path);
  return text === undefined ? { origin: path, settings: defaultSettings() } : parseSettings(text, path);
}

/** How a path appears in messages: relative to the working directory when it lies under it. */
export function shownPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd === '' || fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
}

async function readConfigFile(path: string, shown: string, explicit: boolean): Promise<string | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return undefined;
    throw new InputError(
      shown,
      code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`,
    );
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new InputError(shown, 'is not a file');
    if (stats.size > MAX_CONFIG_BYTES) {
      throw new InputError(shown, `is ${stats.size} bytes; the limit is ${MAX_CONFIG_BYTES}`);
    }
    const bytes = await handle.readFile();
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(shown, 'is not UTF-8 text');
    }
  } finally {
    await handle.close();
  }
}

/**
 * The signing key's absolute path. The IRAC_SIGNING_KEY environment variable overrides
 * orchestrator.signing.key, so that a workflow can point at a key it wrote from a secret at run time
 * without a configuration change. A key inside the repository is refused: one `git add .` publishes it.
 */
function signingKey(settings: Settings, repoRoot: string, keyWhere: () => string): string | undefined {
  const fromEnv = process.env.IRAC_SIGNING_KEY || undefined;
  const written = fromEnv ?? settings.orchestrator.signing.key;
  if (written === undefined) return undefined;
  // The key itself where its path belongs: said without repeating it, which would print it.
  if (/[\r\n]|PRIVATE KEY/.test(written)) {
    throw new InputError(
      fromEnv === undefined ? keyWhere() : 'IRAC_SIGNING_KEY',
      'holds key material, not a path: write the key to a file outside the repository and name that file',
    );
  }
  const key = written.startsWith('~/') ? join(homedir(), written.slice(2)) : resolve(written);
  const fromRoot = relative(resolve(repoRoot), key);
  if (!fromRoot.startsWith('..') && !isAbsolute(fromRoot)) {
    const where = fromEnv === undefined ? keyWhere() : 'IRAC_SIGNING_KEY';
    throw new InputError(where, `signing key ${key} is inside the repository; keep private keys out of it`);
  }
  return key;
}

function storeSettings(settings: Settings, key: string | undefined): StoreSettings {
  const { correlation_window, store, committer, signing } = settings.orchestrator;
  return {
    correlationWindowMs: durationMs(correlation_window),
    pushAttempts: store.push_attempts,
    backoffBaseMs: durationMs(store.backoff_base),
    backoffMaxMs: durationMs(store.backoff_max),
    ...(committer && { committer: { name: committer.name, email: committer.email } }),
    signing: {
      ...(key !== undefined && { key }),
      allowedSigners: signing.allowed_signers,
      requireSigned: signing.require_signed,
    },
  };
}

/**
 * Reads the configuration: `file` (relative to the working directory) when given, which must then
 * exist; otherwise `<repoRoot>/incident-response-config.yaml`, and the built-in defaults when that
 * does not exist.
 */
export async function loadConfig(options: { repoRoot: string; file?: string }): Promise<LoadedConfig> {
  const explicit = options.file !== undefined;
  const path = resolve(options.file ?? join(options.repoRoot, DEFAULT_CONFIG_FILE));
  const origin = shownPath(path);
  const text = await readConfigFile(path, origin, explicit);
  if (text === undefined) {
    const settings = defaultSettings();
    // Only IRAC_SIGNING_KEY can name a key here, and a problem with it names the variable.
    const key = signingKey(settings, options.repoRoot, () => origin);
    return deepFreeze({ path: undefined, origin, settings, ...storeSettings(settings, key) });
  }
  const { settings, yaml } = parseSettings(text, origin);
  const key = signingKey(
    settings,
    options.repoRoot,
    () => yaml.locate(['orchestrator', 'signing', 'key']).where,
  );
  return deepFreeze({ path, origin, settings, yaml, ...storeSettings(settings, key) });
}
