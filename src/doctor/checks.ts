// `irac doctor`'s checks of a live repository's setup, each read through GitHub's REST API (and IAM for the
// OIDC role) and answered with what to change and where. The approval gate, the audit trail and the cloud
// credentials all rest on settings that live outside the repository's files, where no pull request
// review sees them change: a missing environment is created unprotected the first time a job names it, a
// force push rewrites the audit trail, a loose trust policy hands the containment role to any workflow.

import type { IAMClient } from '@aws-sdk/client-iam';
import type { Octokit } from '@octokit/rest';
import { OperationError } from '../errors.js';
import {
  assessTrustPolicy,
  decodePolicyDocument,
  GITHUB_OIDC_HOST,
  pinnedCondition,
} from './trust-policy.js';

export interface CheckResult {
  /** What was checked: `environment ir-containment`, `branch protection main`. */
  readonly name: string;
  readonly ok: boolean;
  /** What was found, one sentence. */
  readonly detail: string;
  /** What to change and where (settings page, API call); null when nothing needs to. */
  readonly fix: string | null;
}

/** The workflows that must be on the default branch: repository_dispatch runs only those. */
export const REQUIRED_WORKFLOWS = ['.github/workflows/ir-ingest.yml'] as const;

export interface DoctorTarget {
  readonly github: Octokit;
  /** `owner/name` as given; GitHub's own spelling is read back. */
  readonly repository: string;
  /** The GitHub Environments whose reviewers approve containment: the playbooks' and the configuration's. */
  readonly environments: readonly string[];
  readonly signing: { readonly allowedSigners: string; readonly requireSigned: boolean };
  /**
   * The environment a plan needing no reviewer is carried out in (the action's `preauthorized-environment`):
   * it must exist, without required reviewers, and the OIDC role may trust it too.
   */
  readonly preauthorized: string;
  /** Whether any playbook step acts in AWS, so that a containment job needs the OIDC role. */
  readonly usesAws: boolean;
  /** The role the containment job assumes, and an IAM client that can read it; undefined when not given. */
  readonly role?: { readonly arn: string; readonly iam: () => Promise<IAMClient> } | undefined;
}

/** What the checks need to know of the repository, read once. */
interface Repository {
  readonly owner: string;
  readonly name: string;
  readonly fullName: string;
  readonly defaultBranch: string;
  readonly htmlUrl: string;
  readonly api: string;
  readonly private: boolean;
}

interface HttpError {
  readonly status?: number;
  readonly message?: string;
  readonly response?: { readonly data?: { readonly message?: unknown } };
}

const statusOf = (error: unknown): number | undefined => (error as HttpError)?.status;

/** GitHub's own words for a refusal (`Branch not protected`), not Octokit's message with the URL. */
function githubMessage(error: unknown): string {
  const data = (error as HttpError)?.response?.data?.message;
  if (typeof data === 'string') return data;
  return error instanceof Error ? error.message : String(error);
}

/** Answers the checks cannot act on: a missing token permission, GitHub down. */
const unreadable = (name: string, what: string, error: unknown, permission: string): CheckResult => ({
  name,
  ok: false,
  detail: `could not read ${what}: ${statusOf(error) ?? 'error'} ${githubMessage(error)}`,
  fix: `run irac doctor with a token that has ${permission} on the repository`,
});

const ok = (name: string, detail: string): CheckResult => ({ name, ok: true, detail, fix: null });
const fails = (name: string, detail: string, fix: string): CheckResult => ({ name, ok: false, detail, fix });

/** The repository as GitHub spells it, or the one reason nothing else can be checked. */
export async function readRepository(github: Octokit, fullName: string): Promise<Repository> {
  const [owner = '', repo = ''] = fullName.split('/');
  const { data } = await github.rest.repos.get({ owner, repo });
  return {
    owner: data.owner.login,
    name: data.name,
    fullName: data.full_name,
    defaultBranch: data.default_branch,
    htmlUrl: data.html_url,
    api: `/repos/${data.full_name}`,
    private: data.private,
  };
}

async function checkEnvironment(github: Octokit, repository: Repository, environment: string) {
  const name = `environment ${environment}`;
  const page = `${repository.htmlUrl}/settings/environments`;
  const put = `PUT ${repository.api}/environments/${environment} with reviewers and "prevent_self_review": true`;
  let data: Awaited<ReturnType<Octokit['rest']['repos']['getEnvironment']>>['data'];
  try {
    ({ data } = await github.rest.repos.getEnvironment({
      owner: repository.owner,
      repo: repository.name,
      environment_name: environment,
    }));
  } catch (error) {
    if (statusOf(error) !== 404) return unreadable(name, 'the environment', error, 'Actions: read');
    return fails(
      name,
      'does not exist: the first job naming it would create it with no required reviewers, and containment would run unapproved',
      `create it at ${page} (New environment "${environment}"), add required reviewers and tick "Prevent self-review"; or ${put}`,
    );
  }
  const rule = (data.protection_rules ?? []).find((candidate) => candidate.type === 'required_reviewers');
  const reviewers = rule && 'reviewers' in rule ? (rule.reviewers ?? []) : [];
  const where = `${page} → ${environment} → Deployment protection rules`;
  if (reviewers.length === 0) {
    // GitHub offers required reviewers on private repositories only to Enterprise plans.
    const plan = repository.private ? ' (on a private repository this needs GitHub Enterprise)' : '';
    return fails(
      name,
      'has no required reviewers: containment steps bound to it run without anyone approving them',
      `at ${where}, tick "Required reviewers", add up to 6 people or teams and tick "Prevent self-review"; or ${put}${plan}`,
    );
  }
  const names = reviewers.map(({ type, reviewer }) =>
    reviewer && 'slug' in reviewer ? `team ${reviewer.slug}` : `${reviewer?.login ?? type ?? 'unknown'}`,
  );
  const who = `${reviewers.length} required reviewer${reviewers.length === 1 ? '' : 's'} (${names.join(', ')})`;
  if (!(rule && 'prevent_self_review' in rule && rule.prevent_self_review === true)) {
    return fails(
      name,
      `${who}, but whoever triggers a run may approve it themselves`,
      `at ${where}, tick "Prevent self-review"; or ${put}`,
    );
  }
  return ok(name, `${who}, self-review prevented`);
}

/**
 * The pre-authorized environment: it has to exist (a job naming a missing one creates it, unprotected but
 * also unrestricted to branches), and a reviewer on it would make every pre-authorized plan wait for a person.
 */
async function checkPreauthorizedEnvironment(github: Octokit, repository: Repository, environment: string) {
  const name = `environment ${environment} (pre-authorized)`;
  const page = `${repository.htmlUrl}/settings/environments`;
  let data: Awaited<ReturnType<Octokit['rest']['repos']['getEnvironment']>>['data'];
  try {
    ({ data } = await github.rest.repos.getEnvironment({
      owner: repository.owner,
      repo: repository.name,
      environment_name: environment,
    }));
  } catch (error) {
    if (statusOf(error) !== 404) return unreadable(name, 'the environment', error, 'Actions: read');
    return fails(
      name,
      'does not exist: plans whose steps are all pre-authorized are carried out in it',
      `create it at ${page} (New environment "${environment}") without required reviewers, its deployment branches limited to ${repository.defaultBranch}`,
    );
  }
  const reviewers = (data.protection_rules ?? []).some((rule) => rule.type === 'required_reviewers');
  if (reviewers) {
    return fails(
      name,
      'has required reviewers: pre-authorized containment would wait for a person',
      `at ${page} → ${environment} → Deployment protection rules, untick "Required reviewers" (the playbooks' tiers decide what needs one)`,
    );
  }
  return ok(name, 'exists, no required reviewers: the playbooks decide what runs without one');
}

/** Whether classic protection refuses force pushes and deletions; undefined when the branch has none. */
async function classicProtection(github: Octokit, repository: Repository) {
  try {
    const { data } = await github.rest.repos.getBranchProtection({
      owner: repository.owner,
      repo: repository.name,
      branch: repository.defaultBranch,
    });
    return {
      forcePushes: data.allow_force_pushes?.enabled !== true,
      deletions: data.allow_deletions?.enabled !== true,
    };
  } catch (error) {
    if (statusOf(error) === 404 && githubMessage(error) === 'Branch not protected') return undefined;
    throw error;
  }
}

async function checkBranchProtection(github: Octokit, repository: Repository): Promise<CheckResult> {
  const branch = repository.defaultBranch;
  const name = `branch protection ${branch}`;
  let classic: { forcePushes: boolean; deletions: boolean } | undefined;
  let classicUnread: unknown;
  try {
    classic = await classicProtection(github, repository);
  } catch (error) {
    // Reading classic protection takes administration rights a workflow token lacks; rulesets may still say.
    classicUnread = error;
  }
  let rules: string[];
  try {
    const listed = await github.paginate(github.rest.repos.getBranchRules, {
      owner: repository.owner,
      repo: repository.name,
      branch,
      per_page: 100,
    });
    rules = listed.map((rule) => rule.type);
  } catch (error) {
    return unreadable(name, `the rules of ${branch}`, error, 'Metadata: read');
  }
  const forcePushes = (classic?.forcePushes ?? false) || rules.includes('non_fast_forward');
  const deletions = (classic?.deletions ?? false) || rules.includes('deletion');
  const by = [
    ...(classic ? ['branch protection'] : []),
    ...(rules.includes('non_fast_forward') || rules.includes('deletion') ? ['a ruleset'] : []),
  ].join(' and ');
  if (forcePushes && deletions) return ok(name, `force pushes and deletion of ${branch} refused (${by})`);
  if (classicUnread !== undefined && !classic) {
    return unreadable(name, `the branch protection of ${branch}`, classicUnread, 'Administration: read');
  }
  const allowed = [...(forcePushes ? [] : ['force pushes']), ...(deletions ? [] : ['deletion'])].join(
    ' and ',
  );
  return fails(
    name,
    `${branch} allows ${allowed}: whoever can push could rewrite or delete the audit trail`,
    `at ${repository.htmlUrl}/settings/rules add a branch ruleset targeting the default branch with "Restrict deletions" and "Block force pushes" (POST ${repository.api}/rulesets with rules deletion and non_fast_forward), or protect ${branch} at ${repository.htmlUrl}/settings/branches leaving "Allow force pushes" and "Allow deletions" off`,
  );
}

/** A file's text on the default branch; undefined when there is no file at that path. */
async function defaultBranchFile(github: Octokit, repository: Repository, path: string) {
  try {
    const { data } = await github.rest.repos.getContent({
      owner: repository.owner,
      repo: repository.name,
      path,
      ref: repository.defaultBranch,
    });
    if (Array.isArray(data) || data.type !== 'file') return undefined;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

async function checkAllowedSigners(github: Octokit, repository: Repository, target: DoctorTarget) {
  const path = target.signing.allowedSigners;
  const name = 'allowed signers';
  if (!target.signing.requireSigned) {
    return ok(name, 'signed commits are not required (orchestrator.signing.require_signed is false)');
  }
  let text: string | undefined;
  try {
    text = await defaultBranchFile(github, repository, path);
  } catch (error) {
    return unreadable(name, path, error, 'Contents: read');
  }
  const signers = (text ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (signers.length > 0) {
    return ok(
      name,
      `${path} on ${repository.defaultBranch} lists ${signers.length} signer${signers.length === 1 ? '' : 's'}`,
    );
  }
  return fails(
    name,
    `${path} ${text === undefined ? 'is not' : 'lists no signer'} on ${repository.defaultBranch}, and signed commits are required: irac verify fails every incident commit`,
    `commit ${path} to ${repository.defaultBranch} with one line per signing key ("irac@ci namespaces=\\"git\\" ssh-ed25519 AAAA…", ssh-keygen's ALLOWED SIGNERS format), or point orchestrator.signing.allowed_signers at the file`,
  );
}

async function checkWorkflow(github: Octokit, repository: Repository, path: string): Promise<CheckResult> {
  const name = `workflow ${path.slice(path.lastIndexOf('/') + 1)}`;
  let text: string | undefined;
  try {
    text = await defaultBranchFile(github, repository, path);
  } catch (error) {
    return unreadable(name, path, error, 'Contents: read');
  }
  if (text !== undefined) return ok(name, `${path} is on ${repository.defaultBranch}`);
  return fails(
    name,
    `${path} is not on ${repository.defaultBranch}: repository_dispatch runs only workflows on the default branch, so no event would be ingested`,
    `commit ${path} from the irac template to ${repository.defaultBranch} (then GET ${repository.api}/contents/${path}?ref=${repository.defaultBranch} finds it)`,
  );
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::([0-9]{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

/** The account and name of a role ARN; undefined when it is not one. */
export function parseRoleArn(arn: string): { account: string; roleName: string } | undefined {
  const match = ROLE_ARN.exec(arn);
  return match?.[1] && match[2] ? { account: match[1], roleName: match[2] } : undefined;
}

async function checkOidcRole(repository: Repository, target: DoctorTarget): Promise<CheckResult> {
  const name = 'OIDC role';
  if (!target.role) {
    if (!target.usesAws) return ok(name, 'no playbook acts in AWS, so containment needs no role');
    return fails(
      name,
      'no role to check: the playbooks act in AWS through the role the containment job assumes',
      'pass --role-arn arn:aws:iam::ACCOUNT:role/NAME or set IRAC_AWS_ROLE_ARN',
    );
  }
  const { arn } = target.role;
  const roleName = parseRoleArn(arn)?.roleName ?? arn;
  const trustPage = `IAM console → Roles → ${roleName} → Trust relationships (or aws iam update-assume-role-policy --role-name ${roleName})`;
  let document: string | undefined;
  try {
    const { GetRoleCommand } = await import('@aws-sdk/client-iam');
    const iam = await target.role.iam();
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
    document = Role?.AssumeRolePolicyDocument;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchEntityException') {
      return fails(
        name,
        `${arn} does not exist`,
        `create the role with a trust policy for ${GITHUB_OIDC_HOST} (see ${trustPage}), or pass the right --role-arn`,
      );
    }
    const why = error instanceof Error ? error.message : String(error);
    return fails(
      name,
      `could not read ${arn}: ${why}`,
      `run irac doctor with AWS credentials allowed iam:GetRole on ${arn}`,
    );
  }
  let policy: unknown;
  try {
    policy = decodePolicyDocument(document ?? '');
  } catch {
    return fails(name, `${arn} has a trust policy that is not JSON`, `rewrite it in ${trustPage}`);
  }
  const trusted = [...target.environments, target.preauthorized];
  const { problems, environments } = assessTrustPolicy(policy, repository.fullName, trusted);
  if (problems.length === 0) {
    return ok(
      name,
      `${roleName} trusts ${GITHUB_OIDC_HOST} only for jobs in ${environments.map((environment) => `environment ${environment}`).join(', ')} of ${repository.fullName}`,
    );
  }
  return fails(
    name,
    `${roleName}'s trust policy: ${problems.join('; ')}`,
    `in ${trustPage}, make every statement for ${GITHUB_OIDC_HOST} carry the condition ${pinnedCondition(repository.fullName, trusted)}`,
  );
}

/** Every check, in the order a team sets things up: environments, branch, role, signers, workflows. */
export async function runDoctor(target: DoctorTarget): Promise<CheckResult[]> {
  const { github } = target;
  let repository: Repository;
  try {
    repository = await readRepository(github, target.repository);
  } catch (error) {
    throw new OperationError(
      `doctor: could not read the repository ${target.repository} (${statusOf(error) ?? 'error'} ${githubMessage(error)}): check --github and that GITHUB_TOKEN may read it`,
    );
  }
  return Promise.all([
    ...target.environments.map((environment) => checkEnvironment(github, repository, environment)),
    checkPreauthorizedEnvironment(github, repository, target.preauthorized),
    checkBranchProtection(github, repository),
    checkOidcRole(repository, target),
    checkAllowedSigners(github, repository, target),
    ...REQUIRED_WORKFLOWS.map((path) => checkWorkflow(github, repository, path)),
  ]);
}
