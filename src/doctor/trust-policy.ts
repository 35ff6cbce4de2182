// Whether an IAM role's trust policy lets exactly the containment jobs of one repository assume it through
// GitHub's OIDC provider. The token's `sub` claim is `repo:OWNER/NAME:environment:ENV` for a job bound to an
// environment and `repo:OWNER/NAME:ref:refs/heads/BRANCH` for any other job: only the environment form
// puts the environment's required reviewers between a workflow and the role. A wildcard over the
// repository, or a `ref:` pin, lets any workflow on that branch (or any branch) act in AWS unapproved.
// Pure: the document in, the problems out.

/** GitHub Actions' OIDC provider, as it appears in the provider ARN and in condition keys. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
const SUB_KEY = `${GITHUB_OIDC_HOST}:sub`;
const AUD_KEY = `${GITHUB_OIDC_HOST}:aud`;
const STS_AUDIENCE = 'sts.amazonaws.com';

export interface TrustAssessment {
  /** Each a sentence; none when the policy pins the repository's approval environments. */
  readonly problems: readonly string[];
  /** The environments whose jobs may assume the role. */
  readonly environments: readonly string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const asList = (value: Json | undefined): Json[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** GetRole returns the document URL-encoded, as IAM stores it; a document given as JSON is taken as is. */
export function decodePolicyDocument(document: string): unknown {
  const text = document.trimStart().startsWith('{') ? document : decodeURIComponent(document);
  return JSON.parse(text);
}

const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
// Every way into a role: a principal anyone can be may use whichever of them its kind of credential allows.
const ASSUME_ROLE_ACTIONS = ['sts:AssumeRole', WEB_IDENTITY, 'sts:AssumeRoleWithSAML'];

const strings = (value: Json | undefined): string[] =>
  asList(value).filter((item): item is string => typeof item === 'string');

/** IAM's action matching: case-insensitive, `*` any run of characters, `?` any one. */
function actionMatches(pattern: string, action: string): boolean {
  const source = pattern
    .split(/([*?])/)
    .map((part) => (part === '*' ? '.*' : part === '?' ? '.' : part.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'is').test(action);
}

/**
 * Whether a statement's Action (or NotAction) may cover one of `actions`. A statement with neither is
 * not a valid policy; counting it in holds it to the same scrutiny rather than waving it through.
 */
function coversAny(statement: { [key: string]: Json }, actions: readonly string[]): boolean {
  if (statement.Action !== undefined) {
    const patterns = strings(statement.Action);
    return actions.some((action) => patterns.some((pattern) => actionMatches(pattern, action)));
  }
  if (statement.NotAction !== undefined) {
    const excluded = strings(statement.NotAction);
    return actions.some((action) => !excluded.some((pattern) => actionMatches(pattern, action)));
  }
  return true;
}

function trustsGitHub(statement: { [key: string]: Json }): boolean {
  if (statement.Effect !== 'Allow') return false;
  const principal = statement.Principal;
  const fromGitHub = strings(isObject(principal) ? principal.Federated : undefined).some((arn) =>
    arn.endsWith(`:oidc-provider/${GITHUB_OIDC_HOST}`),
  );
  return fromGitHub && coversAny(statement, [WEB_IDENTITY]);
}

/**
 * Whether a statement lets any principal at all assume the role: `"*"` as the principal or as any of its
 * kinds (AWS, Federated, …), or an Allow with NotPrincipal (everyone but those named).
 */
function trustsAnyone(statement: { [key: string]: Json }): boolean {
  if (statement.Effect !== 'Allow') return false;
  const principal = statement.Principal;
  const anyone =
    statement.NotPrincipal !== undefined ||
    principal === '*' ||
    (isObject(principal) && Object.values(principal).some((value) => strings(value).includes('*')));
  return anyone && coversAny(statement, ASSUME_ROLE_ACTIONS);
}

/**
 * The values a statement requires of a condition key, and whether they are patterns. Only the operators
 * that require a match pin anything: a negated operator excludes, and `…IfExists` or `ForAllValues:` hold
 * when the key is missing.
 */
function requiredValues(
  condition: Json | undefined,
  key: string,
): { readonly values: readonly string[]; readonly patterns: boolean } | undefined {
  if (!isObject(condition)) return undefined;
  let like: string[] | undefined;
  for (const [operator, block] of Object.entries(condition)) {
    if (!isObject(block)) continue;
    const base = operator.replace(/^ForAnyValue:/, '');
    const entry = Object.entries(block).find(([name]) => name.toLowerCase() === key);
    if (!entry) continue;
    const values = asList(entry[1]).filter((value): value is string => typeof value === 'string');
    // Conditions are ANDed: an exact match, where there is one, is what the claim must be.
    if (base === 'StringEquals' || base === 'StringEqualsIgnoreCase') return { values, patterns: false };
    if (base === 'StringLike') like = values;
  }
  return like === undefined ? undefined : { values: like, patterns: true };
}

/** What one allowed `sub` value lets in, as a problem sentence; undefined when it pins an approval environment. */
function subProblem(
  value: string,
  pattern: boolean,
  repository: string,
  environments: readonly string[],
): string | undefined {
  if (pattern && /[*?]/.test(value)) {
    return `sub "${value}" is a wildcard: a job of any workflow it matches (any branch, any environment, including one a job creates unprotected by naming it) can assume the role`;
  }
  const pinned = /^repo:([^:]+\/[^:]+):environment:(.+)$/.exec(value);
  if (!pinned) {
    const what = /^repo:[^:]+:ref:/.test(value)
      ? 'pins a branch or tag (ref:): every workflow run on it assumes the role, no reviewer involved'
      : 'does not pin an environment';
    return `sub "${value}" ${what}`;
  }
  if (pinned[1] !== repository) return `sub "${value}" names another repository than ${repository}`;
  if (!environments.includes(pinned[2] ?? '')) {
    return `sub "${value}" names an environment that is not a containment environment (${environments.join(', ')})`;
  }
  return undefined;
}

/**
 * Checks every statement that lets GitHub's OIDC provider assume the role: each must require the
 * `sts.amazonaws.com` audience and a `sub` of `repo:<repository>:environment:<one of environments>`.
 */
export function assessTrustPolicy(
  document: unknown,
  repository: string,
  environments: readonly string[],
): TrustAssessment {
  const statements = isObject(document as Json)
    ? asList((document as { [key: string]: Json }).Statement)
    : [];
  const objects = statements.filter(isObject);
  // Numbered as they stand in the document, so the number finds the statement in the IAM console.
  const problems = statements.flatMap((statement, index) =>
    isObject(statement) && trustsAnyone(statement)
      ? [
          `statement ${index + 1} allows sts:AssumeRole* to any principal: anyone, in any AWS account or with any web identity its conditions let through, can assume the role; remove it`,
        ]
      : [],
  );
  const fromGitHub = objects.filter(trustsGitHub);
  if (fromGitHub.length === 0) {
    problems.push(`no statement allows ${WEB_IDENTITY} from the ${GITHUB_OIDC_HOST} provider`);
    return { problems, environments: [] };
  }
  const pinnedEnvironments = new Set<string>();
  for (const [index, statement] of fromGitHub.entries()) {
    const which = fromGitHub.length === 1 ? 'the GitHub statement' : `GitHub statement ${index + 1}`;
    const audience = requiredValues(statement.Condition, AUD_KEY);
    if (
      !audience ||
      audience.values.length === 0 ||
      audience.values.some((value) => value !== STS_AUDIENCE)
    ) {
      problems.push(`${which} does not require the audience ${STS_AUDIENCE}`);
    }
    const sub = requiredValues(statement.Condition, SUB_KEY);
    if (!sub || sub.values.length === 0) {
      problems.push(
        `${which} has no sub condition: a workflow in any repository on GitHub can assume the role`,
      );
      continue;
    }
    for (const value of sub.values) {
      const problem = subProblem(value, sub.patterns, repository, environments);
      if (problem) problems.push(problem);
      else pinnedEnvironments.add(value.slice(value.lastIndexOf(':environment:') + ':environment:'.length));
    }
  }
  if (problems.length === 0 && pinnedEnvironments.size === 0) {
    problems.push('no statement lets a job in an approval environment assume the role');
  }
  return { problems, environments: [...pinnedEnvironments].sort() };
}

/** The condition block a trust statement should carry, for the fix sentence. */
export function pinnedCondition(repository: string, environments: readonly string[]): string {
  const subs = environments.map((environment) => `repo:${repository}:environment:${environment}`);
  return JSON.stringify({
    StringEquals: {
      [AUD_KEY]: STS_AUDIENCE,
      [SUB_KEY]: subs.length === 1 ? subs[0] : subs,
    },
  });
}
