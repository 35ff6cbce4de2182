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

function trustsGitHub(statement: { [key: string]: Json }): boolean {
  if (statement.Effect !== 'Allow') return false;
  const principal = statement.Principal;
  const federated = isObject(principal) ? asList(principal.Federated) : [];
  const fromGitHub = federated.some(
    (arn) => typeof arn === 'string' && arn.endsWith(`:oidc-provider/${GITHUB_OIDC_HOST}`),
  );
  const actions = asList(statement.Action);
  return (
    fromGitHub &&
    actions.some(
      (action) => action === 'sts:AssumeRoleWithWebIdentity' || action === 'sts:*' || action === '*',
    )
  );
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
  const fromGitHub = statements.filter(isObject).filter(trustsGitHub);
  if (fromGitHub.length === 0) {
    return {
      problems: [`no statement allows sts:AssumeRoleWithWebIdentity from the ${GITHUB_OIDC_HOST} provider`],
      environments: [],
    };
  }
  const problems: string[] = [];
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
