// A simulated GitHub REST API on loopback, for the parts incident response touches: issues (create, read,
// update, list with filters and Link pagination), issue comments, labels, repository_dispatch events, a
// workflow run's deployment reviews and pending deployments, the settings `irac doctor` reads — the
// repository, its environments' protection rules, branch protection, rulesets, and file contents — what
// opening a pull request through the API takes (branch refs, commits of one file through the contents API,
// pull requests), and organisation team memberships. It answers as api.github.com does — token
// auth (401 "Bad credentials"), 404 "Not Found" for what the caller may not see, 422 "Validation Failed"
// with `errors: [{resource, field, code}]` and 422 "Invalid request." for bodies that break the schema,
// X-RateLimit-* headers and a primary limit that runs out, secondary rate limits (403 or 429 with
// Retry-After) on demand — so code driving a real Octokit with the retry and throttling plugins meets
// GitHub's behaviour. Every request is logged by route, as Octokit names it, so a test can show that a dry
// run made no mutating call; `failNext` queues faults per route, as the AWS sim does per action.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { RestEndpointMethodTypes } from '@octokit/rest';
import { FaultQueue, readBoundedBody, sendAnswer, serveOnLoopback } from './http.js';

// The wire shapes, from GitHub's own OpenAPI description (through Octokit's types), so an answer the
// sim builds cannot drift from what the real API documents.
type IssueJson = RestEndpointMethodTypes['issues']['get']['response']['data'];
type CommentJson = RestEndpointMethodTypes['issues']['createComment']['response']['data'];
type LabelJson = RestEndpointMethodTypes['issues']['getLabel']['response']['data'];
type ApprovalJson = RestEndpointMethodTypes['actions']['getReviewsForRun']['response']['data'][number];
type PendingDeploymentJson =
  RestEndpointMethodTypes['actions']['getPendingDeploymentsForRun']['response']['data'][number];
type UserJson = ApprovalJson['user'];
type RepositoryJson = RestEndpointMethodTypes['repos']['get']['response']['data'];
type EnvironmentJson = RestEndpointMethodTypes['repos']['getEnvironment']['response']['data'];
type ProtectionRuleJson = NonNullable<EnvironmentJson['protection_rules']>[number];
type TeamJson = Extract<
  NonNullable<Extract<ProtectionRuleJson, { reviewers?: unknown }>['reviewers']>[number]['reviewer'],
  { slug: string }
>;
type BranchProtectionJson = RestEndpointMethodTypes['repos']['getBranchProtection']['response']['data'];
type BranchRuleJson = RestEndpointMethodTypes['repos']['getBranchRules']['response']['data'][number];
type FileJson = Extract<RestEndpointMethodTypes['repos']['getContent']['response']['data'], { type: 'file' }>;
type DirectoryEntryJson = Extract<
  RestEndpointMethodTypes['repos']['getContent']['response']['data'],
  unknown[]
>[number];
type FileCommitJson = RestEndpointMethodTypes['repos']['createOrUpdateFileContents']['response']['data'];
type RefJson = RestEndpointMethodTypes['git']['getRef']['response']['data'];
type PullJson = RestEndpointMethodTypes['pulls']['create']['response']['data'];
type PullSimpleJson = RestEndpointMethodTypes['pulls']['list']['response']['data'][number];
type TeamMembershipJson = RestEndpointMethodTypes['teams']['getMembershipForUserInOrg']['response']['data'];

/** The routes the sim serves, named as Octokit and GitHub's documentation name them. */
export type GitHubRoute =
  | 'POST /repos/{owner}/{repo}/issues'
  | 'GET /repos/{owner}/{repo}/issues'
  | 'GET /repos/{owner}/{repo}/issues/{issue_number}'
  | 'PATCH /repos/{owner}/{repo}/issues/{issue_number}'
  | 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
  | 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
  | 'GET /repos/{owner}/{repo}/issues/comments'
  | 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
  | 'GET /user'
  | 'POST /repos/{owner}/{repo}/labels'
  | 'GET /repos/{owner}/{repo}/labels/{name}'
  | 'POST /repos/{owner}/{repo}/dispatches'
  | 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals'
  | 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments'
  | 'GET /repos/{owner}/{repo}'
  | 'GET /repos/{owner}/{repo}/environments/{environment_name}'
  | 'GET /repos/{owner}/{repo}/branches/{branch}/protection'
  | 'GET /repos/{owner}/{repo}/rules/branches/{branch}'
  | 'GET /repos/{owner}/{repo}/contents/{path}'
  | 'PUT /repos/{owner}/{repo}/contents/{path}'
  | 'GET /repos/{owner}/{repo}/git/ref/{ref}'
  | 'POST /repos/{owner}/{repo}/git/refs'
  | 'POST /repos/{owner}/{repo}/pulls'
  | 'GET /repos/{owner}/{repo}/pulls'
  | 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}';

/**
 * A failure to give one request instead of its answer. `secondary-rate-limit` is GitHub's abuse limit
 * (its own wording, 403 by default or 429, with `retry-after` when given); `error` is any other status.
 */
export type GitHubFault =
  | {
      readonly kind: 'secondary-rate-limit';
      readonly status?: 403 | 429;
      readonly retryAfterSeconds?: number;
    }
  | { readonly kind: 'error'; readonly status: number; readonly message?: string };

export interface LoggedGitHubRequest {
  readonly method: string;
  /** The route as Octokit names it (`POST /repos/{owner}/{repo}/issues`); null when none matched. */
  readonly route: GitHubRoute | null;
  /** The path as requested, without the query string. */
  readonly path: string;
  /** False for GET and HEAD; true for anything that could change state. */
  readonly mutating: boolean;
  readonly status: number;
  /** Whose token authenticated it; null when it was refused before or at authentication. */
  readonly login: string | null;
}

export type GitHubStateReason = 'completed' | 'not_planned' | 'duplicate' | 'reopened';

export interface GitHubCommentState {
  readonly id: number;
  readonly body: string;
  readonly author: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface GitHubIssueState {
  readonly number: number;
  readonly title: string;
  readonly body: string | null;
  readonly state: 'open' | 'closed';
  readonly stateReason: GitHubStateReason | null;
  /** Label names as the repository spells them. */
  readonly labels: readonly string[];
  readonly assignees: readonly string[];
  readonly author: string;
  readonly comments: readonly GitHubCommentState[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly closedAt: Date | null;
}

export interface GitHubPullState {
  readonly number: number;
  readonly title: string;
  readonly body: string | null;
  readonly state: 'open' | 'closed';
  /** Branch names in the repository itself (the sim has no forks). */
  readonly head: string;
  readonly base: string;
  readonly draft: boolean;
  readonly author: string;
  readonly createdAt: Date;
}

export interface GitHubLabelState {
  readonly name: string;
  readonly color: string;
  readonly description: string | null;
}

export interface GitHubDispatchState {
  readonly eventType: string;
  /** As sent (parsed JSON); `{}` when the caller sent none. */
  readonly clientPayload: Readonly<Record<string, unknown>>;
  readonly sender: string;
  readonly receivedAt: Date;
}

export interface GitHubIssueSeed {
  readonly title: string;
  readonly body?: string;
  readonly labels?: readonly string[];
  readonly assignees?: readonly string[];
  readonly state?: 'open' | 'closed';
  readonly author?: string;
}

export interface GitHubLabelSeed {
  readonly name: string;
  readonly color?: string;
  readonly description?: string;
}

/** One entry of a run's deployment review history. */
export interface GitHubApprovalSeed {
  readonly environments: readonly string[];
  readonly state: 'approved' | 'rejected' | 'pending';
  readonly user: string;
  readonly comment?: string;
}

/** One environment a run waits on before its protection rules let it deploy. */
export interface GitHubPendingDeploymentSeed {
  readonly environment: string;
  /** Minutes. */
  readonly waitTimer?: number;
  readonly waitTimerStartedAt?: Date | null;
  /** Whether the sim's token user may approve it. */
  readonly currentUserCanApprove?: boolean;
  /** User logins. */
  readonly reviewers?: readonly string[];
}

export interface GitHubRepositorySeed {
  /** Default `main`. */
  readonly defaultBranch?: string;
  /** Default `public`. */
  readonly visibility?: 'public' | 'private';
}

/** A required reviewer of an environment: a user's login, or the slug of a team of the repository's owner. */
export type GitHubReviewerSeed = { readonly user: string } | { readonly team: string };

/** An environment's protection, as `PUT /repos/{owner}/{repo}/environments/{environment_name}` sets it. */
export interface GitHubEnvironmentSeed {
  /** At most six, as GitHub allows; none means no required-reviewers rule. */
  readonly reviewers?: readonly GitHubReviewerSeed[];
  readonly preventSelfReview?: boolean;
  /** Minutes; 0 (the default) means no wait-timer rule. */
  readonly waitTimer?: number;
  /** Deployments only from protected branches; otherwise from any branch (no branch policy). */
  readonly protectedBranchesOnly?: boolean;
}

/** Classic branch protection; what is not said is as GitHub defaults it (force pushes and deletions refused). */
export interface GitHubBranchProtectionSeed {
  readonly allowForcePushes?: boolean;
  readonly allowDeletions?: boolean;
  readonly enforceAdmins?: boolean;
  readonly requiredSignatures?: boolean;
  readonly requiredLinearHistory?: boolean;
}

/** The rules of a ruleset that take no parameters. */
export type GitHubRuleType =
  | 'creation'
  | 'deletion'
  | 'non_fast_forward'
  | 'required_linear_history'
  | 'required_signatures';

/** A repository branch ruleset. */
export interface GitHubRulesetSeed {
  readonly name: string;
  /** Default `active`; only active rulesets' rules apply. */
  readonly enforcement?: 'active' | 'evaluate' | 'disabled';
  /**
   * `ref_name` conditions: `~DEFAULT_BRANCH`, `~ALL` or a full ref (`refs/heads/main`). GitHub also takes
   * fnmatch patterns; the sim refuses them rather than match them differently.
   */
  readonly include: readonly string[];
  readonly exclude?: readonly string[];
  readonly rules: readonly GitHubRuleType[];
}

export interface GitHubSimOptions {
  /** Whose token `sim.token` is; a `[bot]` suffix makes it a Bot. Default `github-actions[bot]`. */
  readonly login?: string;
  /** Requests per token per hour before the primary limit answers 403. Default 5000, as for a PAT. */
  readonly rateLimit?: number;
}

export interface GitHubSim {
  /** `http://127.0.0.1:PORT`, the `baseUrl` for Octokit. */
  readonly url: string;
  /** A token the sim accepts, as `Authorization: token …` or `Bearer …`. */
  readonly token: string;
  readonly login: string;
  /** Every request received, in order, including refused and fault-injected ones. */
  readonly requests: LoggedGitHubRequest[];
  mutatingRequests(): LoggedGitHubRequest[];
  /**
   * The next request for `route` (after `skip` more of them are answered) gets this fault instead of an
   * answer; call again to queue more.
   */
  failNext(route: GitHubRoute, fault: GitHubFault, options?: { skip?: number }): void;
  /** Seeds a repository, `owner/name`; names are matched regardless of case, as GitHub does. */
  addRepository(fullName: string, seed?: GitHubRepositorySeed): void;
  /**
   * Creates the environment, or replaces its protection, as a PUT would; without a seed it has no
   * protection rules, as when a job names an environment that did not exist.
   */
  setEnvironment(repository: string, name: string, seed?: GitHubEnvironmentSeed): void;
  /** Protects a branch (creating it if needed), replacing any protection it had. */
  protectBranch(repository: string, branch: string, seed?: GitHubBranchProtectionSeed): void;
  /** Adds a branch ruleset; returns its id. */
  addRuleset(repository: string, ruleset: GitHubRulesetSeed): number;
  /** Commits a file on a branch (the default branch unless named), creating the branch if needed. */
  putFile(repository: string, path: string, content: string, options?: { branch?: string }): void;
  /** A file as a branch (the default branch unless named) now holds it; undefined when it has none. */
  file(repository: string, path: string, options?: { branch?: string }): string | undefined;
  /** The repository's pull requests, in number order. */
  pulls(repository: string): GitHubPullState[];
  /**
   * Makes `login` a member of the organisation's team (creating the team), as an organisation owner
   * would; `state: 'pending'` is an invitation not yet accepted. Default role `member`, state `active`.
   */
  addTeamMember(
    org: string,
    team: string,
    login: string,
    options?: { role?: 'member' | 'maintainer'; state?: 'active' | 'pending' },
  ): void;
  addLabel(repository: string, label: GitHubLabelSeed): void;
  /** Seeds an issue as if created through the API (missing labels are created); returns its number. */
  addIssue(repository: string, issue: GitHubIssueSeed): number;
  /** Seeds a comment by `author` (anyone, not only the token's user), as if they had posted it. */
  addComment(repository: string, issueNumber: number, comment: { author: string; body: string }): void;
  /** Seeds a workflow run with no reviews and nothing pending. */
  addWorkflowRun(repository: string, runId: number): void;
  /** Adds to a run's review history (creating the run if needed). */
  addApproval(repository: string, runId: number, approval: GitHubApprovalSeed): void;
  addPendingDeployment(repository: string, runId: number, pending: GitHubPendingDeploymentSeed): void;
  /** What the repository now holds (copies; changing them changes nothing). Issues in number order. */
  issues(repository: string): GitHubIssueState[];
  issue(repository: string, issueNumber: number): GitHubIssueState | undefined;
  comments(repository: string, issueNumber: number): GitHubCommentState[];
  labels(repository: string): GitHubLabelState[];
  dispatches(repository: string): GitHubDispatchState[];
  close(): Promise<void>;
}

// GitHub's documented and observed limits; the largest legitimate request body is a 65,536-character
// issue body, far under the sims' bound on bodies.
const MAX_BODY_CHARACTERS = 65536;
const MAX_LABEL_NAME = 50;
const MAX_LABEL_DESCRIPTION = 100;
const MAX_EVENT_TYPE = 100;
const MAX_CLIENT_PAYLOAD_PROPERTIES = 10;
const MAX_CLIENT_PAYLOAD_BYTES = 64 * 1024;
const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;
const MAX_LABELS_PER_ISSUE = 100;
const MAX_ASSIGNEES = 10;
const MAX_ENVIRONMENT_REVIEWERS = 6;
// The colour GitHub gives a label created implicitly, by naming it on an issue.
const IMPLICIT_LABEL_COLOR = 'ededed';
const RATE_LIMIT_WINDOW_SECONDS = 3600;

const DOCS = 'https://docs.github.com/rest';
const RATE_LIMIT_DOCS = `${DOCS}/overview/rate-limits-for-the-rest-api`;
const SECONDARY_RATE_LIMIT_DOCS = `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`;

/** One validation problem, in GitHub's `errors[]` shape. */
interface FieldError {
  readonly resource: string;
  /** Absent for a `custom` error about the request as a whole. */
  readonly field?: string;
  readonly code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  readonly message?: string;
}

/** A refusal as GitHub words it; the documentation URL is the route's unless given. */
class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: readonly FieldError[],
    readonly documentationUrl?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

const notFound = (documentationUrl?: string) =>
  new GitHubError(404, 'Not Found', undefined, documentationUrl);

const validationFailed = (...errors: FieldError[]) => new GitHubError(422, 'Validation Failed', errors);

/** GitHub's schema refusals: `Invalid request.` and what broke it, e.g. `"title" wasn't supplied.` */
const invalidRequest = (detail: string) => new GitHubError(422, `Invalid request.\n\n${detail}`);

/** A value echoed in a schema refusal, as GitHub's validator prints it (`nil`, `"bug"`, `{}`), cut short. */
function inspect(value: unknown): string {
  const text = value === null ? 'nil' : (JSON.stringify(value) ?? String(value));
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}

/** Characters as GitHub counts them (code points, not UTF-16 units). */
function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** A request's JSON body, read field by field without trusting its keys. */
class JsonBody {
  constructor(private readonly value: Readonly<Record<string, unknown>>) {}

  has(field: string): boolean {
    return Object.hasOwn(this.value, field);
  }

  get(field: string): unknown {
    return this.has(field) ? this.value[field] : undefined;
  }

  /** A required string: absent is `wasn't supplied`; anything but a string is named with its type. */
  requiredString(field: string): string {
    const value = this.get(field);
    if (value === undefined) throw invalidRequest(`"${field}" wasn't supplied.`);
    if (typeof value !== 'string') notA(field, value, 'a string');
    return value;
  }

  optionalString(field: string): string | undefined {
    const value = this.get(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') notA(field, value, 'a string');
    return value;
  }
}

function notA(field: string, value: unknown, type: string): never {
  throw invalidRequest(`For 'properties/${field}', ${inspect(value)} is not ${type}.`);
}

function parseJsonBody(text: string): JsonBody {
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new GitHubError(400, 'Problems parsing JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new GitHubError(400, 'Body should be a JSON object');
  }
  return new JsonBody(parsed as Record<string, unknown>);
}

interface Label {
  readonly id: number;
  readonly name: string;
  readonly color: string;
  readonly description: string | null;
}

interface Comment {
  readonly id: number;
  body: string;
  readonly author: string;
  readonly createdAt: Date;
  updatedAt: Date;
}

interface Issue {
  readonly id: number;
  readonly number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: GitHubStateReason | null;
  /** Lower-cased label names; the repository's label holds the spelling. */
  labels: string[];
  assignees: string[];
  readonly author: string;
  readonly comments: Comment[];
  readonly createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
}

interface EnvironmentRules {
  readonly reviewers: readonly GitHubReviewerSeed[];
  readonly preventSelfReview: boolean;
  readonly waitTimer: number;
  readonly protectedBranchesOnly: boolean;
  /** GitHub numbers every rule it stores. */
  readonly ids: { readonly reviewers: number; readonly waitTimer: number; readonly branchPolicy: number };
}

interface Environment {
  readonly id: number;
  readonly name: string;
  readonly createdAt: Date;
  updatedAt: Date;
  /** Null for an environment created by a job that named it: no protection rules at all. */
  rules: EnvironmentRules | null;
}

/** A pull request; head and base are branches of the same repository. */
interface Pull {
  readonly id: number;
  readonly number: number;
  readonly title: string;
  readonly body: string | null;
  readonly state: 'open' | 'closed';
  readonly head: string;
  readonly base: string;
  readonly draft: boolean;
  readonly author: string;
  readonly createdAt: Date;
}

/** A commit the sim made: the whole tree it left (flat path → content), and its parent. */
interface SimCommit {
  readonly sha: string;
  readonly files: ReadonlyMap<string, string>;
  readonly parents: readonly string[];
  readonly message: string;
  readonly author: string;
  readonly date: Date;
}

interface Ruleset extends GitHubRulesetSeed {
  readonly id: number;
}

interface WorkflowRun {
  readonly approvals: { environments: Environment[]; seed: GitHubApprovalSeed }[];
  readonly pending: { environment: Environment; seed: GitHubPendingDeploymentSeed }[];
}

interface Repository {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
  /** By lower-cased name: GitHub label names are unique regardless of case. */
  readonly labels: Map<string, Label>;
  readonly issues: Map<number, Issue>;
  readonly dispatches: GitHubDispatchState[];
  readonly runs: Map<number, WorkflowRun>;
  /** By lower-cased name: environment names are not case sensitive. */
  readonly environments: Map<string, Environment>;
  readonly defaultBranch: string;
  readonly visibility: 'public' | 'private';
  readonly createdAt: Date;
  /** By branch name. */
  readonly protections: Map<string, Required<GitHubBranchProtectionSeed>>;
  readonly rulesets: Ruleset[];
  /** Branch → path → content: each branch's tree of files. */
  readonly branches: Map<string, Map<string, string>>;
  /** Branch → the sha of its head commit. */
  readonly heads: Map<string, string>;
  readonly commits: Map<string, SimCommit>;
  /** By number: pull requests and issues share one sequence of numbers, as on GitHub. */
  readonly pulls: Map<number, Pull>;
}

/** One request as a route handler sees it. */
interface Call {
  readonly repository: Repository;
  readonly params: ReadonlyMap<string, string>;
  readonly query: URLSearchParams;
  readonly body: () => JsonBody;
  readonly login: string;
  /** The request's own URL, for the Link header. */
  readonly url: URL;
}

interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A request to an organisation's route (no repository in its path). */
interface OrganizationCall {
  readonly params: ReadonlyMap<string, string>;
  readonly login: string;
}

type RouteDefinition = {
  readonly route: GitHubRoute;
  /** Where GitHub's errors for this route point. */
  readonly docs: string;
} & (
  | { readonly answer: (call: Call) => Answer }
  | { readonly organization: (call: OrganizationCall) => Answer }
);

/** GitHub's timestamps: ISO 8601 in UTC, to the second. */
const timestamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const REPOSITORY_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** A query parameter that is a positive integer; anything else is as if it were absent. */
function positiveInteger(text: string | null): number | undefined {
  return text !== null && /^0*[1-9][0-9]{0,8}$/.test(text) ? Number(text) : undefined;
}

function pageOf(query: URLSearchParams): { page: number; perPage: number } {
  // Out-of-range sizes fall back or are capped, as GitHub does, rather than refused.
  const perPage = positiveInteger(query.get('per_page'));
  return {
    perPage: perPage === undefined ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE),
    page: positiveInteger(query.get('page')) ?? 1,
  };
}

/** One page of `items`, with GitHub's Link header (prev, next, last, first) when there is more than one. */
function paginate<T>(items: readonly T[], call: Call): { page: T[]; headers: Record<string, string> } {
  const { page, perPage } = pageOf(call.query);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const link = (target: number, rel: string) => {
    const url = new URL(call.url);
    url.searchParams.set('page', String(target));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(Math.min(page - 1, lastPage), 'prev')] : []),
    ...(page < lastPage ? [link(page + 1, 'next'), link(lastPage, 'last')] : []),
    ...(page > 1 ? [link(1, 'first')] : []),
  ];
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

/** Git's object id, sha1 over `<kind> <size>\0<bytes>`: a file's sha is the one `git hash-object` gives. */
function gitObjectId(kind: 'blob' | 'tree' | 'commit', bytes: Buffer): string {
  return createHash('sha1').update(`${kind} ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The id of the git tree `directory` would be, from the flat map of a branch's files. */
function treeId(files: ReadonlyMap<string, string>, directory: string): string {
  const prefix = directory === '' ? '' : `${directory}/`;
  const children = new Map<string, { mode: string; id: string }>();
  for (const [path, content] of files) {
    if (!path.startsWith(prefix)) continue;
    const [name = '', ...rest] = path.slice(prefix.length).split('/');
    if (children.has(name)) continue;
    children.set(
      name,
      rest.length === 0
        ? { mode: '100644', id: gitObjectId('blob', Buffer.from(content)) }
        : { mode: '40000', id: treeId(files, `${prefix}${name}`) },
    );
  }
  // Git orders a tree's entries by name, a directory's name as if it ended in '/'.
  const key = (name: string) => (children.get(name)?.mode === '40000' ? `${name}/` : name);
  const entries = [...children.keys()]
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .map((name) => {
      const { mode, id } = children.get(name) as { mode: string; id: string };
      return Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(id, 'hex')]);
    });
  return gitObjectId('tree', Buffer.concat(entries));
}

export async function startGitHubSim(options: GitHubSimOptions = {}): Promise<GitHubSim> {
  const login = options.login ?? 'github-actions[bot]';
  const rateLimit = options.rateLimit ?? 5000;
  const token = `ghs_${randomBytes(18).toString('base64url')}`;
  const tokens = new Map([[token, login]]);
  const usage = new Map<string, { used: number; resetAt: number }>();
  const repositories = new Map<string, Repository>();
  const requests: LoggedGitHubRequest[] = [];
  const faults = new FaultQueue<GitHubFault>();
  const userIds = new Map<string, number>();
  /** `org/team` (lower case) → the team's id and its members by lower-cased login. */
  const teams = new Map<
    string,
    {
      id: number;
      members: Map<string, { login: string; role: 'member' | 'maintainer'; state: 'active' | 'pending' }>;
    }
  >();
  let nextId = 1000;
  const newId = () => nextId++;
  let base = '';

  const repositoryOf = (fullName: string): Repository => {
    const repository = repositories.get(fullName.toLowerCase());
    if (!repository) throw new Error(`GitHub sim: no repository "${fullName}"; seed it with addRepository`);
    return repository;
  };

  const userJson = (userLogin: string): UserJson => {
    const id = userIds.get(userLogin) ?? newId();
    userIds.set(userLogin, id);
    const url = `${base}/users/${encodeURIComponent(userLogin)}`;
    return {
      login: userLogin,
      id,
      node_id: `U_${Buffer.from(`user:${id}`).toString('base64url')}`,
      avatar_url: `${base}/avatars/u/${id}`,
      gravatar_id: '',
      url,
      html_url: `${base}/${encodeURIComponent(userLogin)}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: userLogin.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false,
    };
  };

  const apiPath = (repository: Repository) =>
    `${base}/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}`;
  const htmlPath = (repository: Repository) =>
    `${base}/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}`;
  const association = (repository: Repository, userLogin: string) =>
    userLogin.toLowerCase() === repository.owner.toLowerCase() ? ('OWNER' as const) : ('NONE' as const);

  const labelJson = (repository: Repository, label: Label): LabelJson => ({
    id: label.id,
    node_id: `LA_${Buffer.from(`label:${label.id}`).toString('base64url')}`,
    url: `${apiPath(repository)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  });

  const issueJson = (repository: Repository, issue: Issue): IssueJson => {
    const url = `${apiPath(repository)}/issues/${issue.number}`;
    return {
      id: issue.id,
      node_id: `I_${Buffer.from(`issue:${issue.id}`).toString('base64url')}`,
      url,
      repository_url: apiPath(repository),
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${htmlPath(repository)}/issues/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.stateReason,
      title: issue.title,
      body: issue.body,
      user: userJson(issue.author),
      labels: issue.labels.flatMap((key) => {
        const label = repository.labels.get(key);
        return label ? [labelJson(repository, label)] : [];
      }),
      assignee: issue.assignees[0] === undefined ? null : userJson(issue.assignees[0]),
      assignees: issue.assignees.map(userJson),
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: issue.comments.length,
      closed_at: issue.closedAt ? timestamp(issue.closedAt) : null,
      created_at: timestamp(issue.createdAt),
      updated_at: timestamp(issue.updatedAt),
      closed_by: issue.closedBy ? userJson(issue.closedBy) : null,
      author_association: association(repository, issue.author),
    };
  };

  const commentJson = (repository: Repository, issue: Issue, comment: Comment): CommentJson => ({
    id: comment.id,
    node_id: `IC_${Buffer.from(`comment:${comment.id}`).toString('base64url')}`,
    url: `${apiPath(repository)}/issues/comments/${comment.id}`,
    html_url: `${htmlPath(repository)}/issues/${issue.number}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userJson(comment.author),
    created_at: timestamp(comment.createdAt),
    updated_at: timestamp(comment.updatedAt),
    issue_url: `${apiPath(repository)}/issues/${issue.number}`,
    author_association: association(repository, comment.author),
    performed_via_github_app: null,
  });

  const environmentOf = (repository: Repository, name: string): Environment => {
    const known = repository.environments.get(name.toLowerCase());
    if (known) return known;
    const now = new Date();
    const created: Environment = { id: newId(), name, createdAt: now, updatedAt: now, rules: null };
    repository.environments.set(name.toLowerCase(), created);
    return created;
  };

  const environmentJson = (repository: Repository, environment: Environment) => ({
    id: environment.id,
    node_id: `EN_${Buffer.from(`environment:${environment.id}`).toString('base64url')}`,
    name: environment.name,
    url: `${apiPath(repository)}/environments/${encodeURIComponent(environment.name)}`,
    html_url: `${htmlPath(repository)}/deployments/activity_log?environments_filter=${encodeURIComponent(environment.name)}`,
  });

  const teamJson = (repository: Repository, slug: string): TeamJson => {
    const id = userIds.get(`team:${repository.owner}/${slug}`) ?? newId();
    userIds.set(`team:${repository.owner}/${slug}`, id);
    const url = `${base}/orgs/${encodeURIComponent(repository.owner)}/teams/${encodeURIComponent(slug)}`;
    return {
      id,
      node_id: `T_${Buffer.from(`team:${id}`).toString('base64url')}`,
      name: slug,
      slug,
      description: null,
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      permission: 'pull',
      url,
      html_url: url,
      members_url: `${url}/members{/member}`,
      repositories_url: `${url}/repos`,
      type: 'organization',
      parent: null,
    };
  };

  /** The built-in protection rules GitHub lists: only those the environment has. */
  const protectionRulesJson = (repository: Repository, rules: EnvironmentRules): ProtectionRuleJson[] => {
    const nodeId = (id: number) => `GA_${Buffer.from(`gate:${id}`).toString('base64url')}`;
    return [
      ...(rules.waitTimer > 0
        ? [
            {
              id: rules.ids.waitTimer,
              node_id: nodeId(rules.ids.waitTimer),
              type: 'wait_timer',
              wait_timer: rules.waitTimer,
            },
          ]
        : []),
      ...(rules.reviewers.length > 0
        ? [
            {
              id: rules.ids.reviewers,
              node_id: nodeId(rules.ids.reviewers),
              prevent_self_review: rules.preventSelfReview,
              type: 'required_reviewers',
              reviewers: rules.reviewers.map((reviewer) =>
                'user' in reviewer
                  ? { type: 'User' as const, reviewer: userJson(reviewer.user) }
                  : { type: 'Team' as const, reviewer: teamJson(repository, reviewer.team) },
              ),
            },
          ]
        : []),
      ...(rules.protectedBranchesOnly
        ? [{ id: rules.ids.branchPolicy, node_id: nodeId(rules.ids.branchPolicy), type: 'branch_policy' }]
        : []),
    ];
  };

  const environmentDetailJson = (repository: Repository, environment: Environment): EnvironmentJson => ({
    ...environmentJson(repository, environment),
    created_at: timestamp(environment.createdAt),
    updated_at: timestamp(environment.updatedAt),
    protection_rules: environment.rules ? protectionRulesJson(repository, environment.rules) : [],
    deployment_branch_policy: environment.rules?.protectedBranchesOnly
      ? { protected_branches: true, custom_branch_policies: false }
      : null,
  });

  const repositoryJson = (repository: Repository): RepositoryJson => {
    const api = apiPath(repository);
    const html = htmlPath(repository);
    const gitUrl = `${html.replace(/^http/, 'git')}.git`;
    const openIssues = [...repository.issues.values()].filter((issue) => issue.state === 'open').length;
    return {
      id: repository.id,
      node_id: `R_${Buffer.from(`repository:${repository.id}`).toString('base64url')}`,
      name: repository.name,
      full_name: `${repository.owner}/${repository.name}`,
      owner: userJson(repository.owner),
      private: repository.visibility === 'private',
      html_url: html,
      description: null,
      fork: false,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      assignees_url: `${api}/assignees{/user}`,
      blobs_url: `${api}/git/blobs{/sha}`,
      branches_url: `${api}/branches{/branch}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      comments_url: `${api}/comments{/number}`,
      commits_url: `${api}/commits{/sha}`,
      compare_url: `${api}/compare/{base}...{head}`,
      contents_url: `${api}/contents/{+path}`,
      contributors_url: `${api}/contributors`,
      deployments_url: `${api}/deployments`,
      downloads_url: `${api}/downloads`,
      events_url: `${api}/events`,
      forks_url: `${api}/forks`,
      git_commits_url: `${api}/git/commits{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_url: gitUrl,
      issue_comment_url: `${api}/issues/comments{/number}`,
      issue_events_url: `${api}/issues/events{/number}`,
      issues_url: `${api}/issues{/number}`,
      keys_url: `${api}/keys{/key_id}`,
      labels_url: `${api}/labels{/name}`,
      languages_url: `${api}/languages`,
      merges_url: `${api}/merges`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      pulls_url: `${api}/pulls{/number}`,
      releases_url: `${api}/releases{/id}`,
      ssh_url: `git@${new URL(base).host}:${repository.owner}/${repository.name}.git`,
      stargazers_url: `${api}/stargazers`,
      statuses_url: `${api}/statuses/{sha}`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      tags_url: `${api}/tags`,
      teams_url: `${api}/teams`,
      trees_url: `${api}/git/trees{/sha}`,
      clone_url: `${html}.git`,
      mirror_url: null,
      hooks_url: `${api}/hooks`,
      svn_url: html,
      homepage: null,
      language: null,
      forks_count: 0,
      stargazers_count: 0,
      watchers_count: 0,
      size: 0,
      default_branch: repository.defaultBranch,
      open_issues_count: openIssues,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: repository.visibility,
      pushed_at: timestamp(repository.createdAt),
      created_at: timestamp(repository.createdAt),
      updated_at: timestamp(repository.createdAt),
      // The sim's token is the repository administrator's.
      permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
      allow_forking: true,
      web_commit_signoff_required: false,
      subscribers_count: 0,
      network_count: 0,
      license: null,
      forks: 0,
      open_issues: openIssues,
      watchers: 0,
    };
  };

  const branchExists = (repository: Repository, branch: string) =>
    branch === repository.defaultBranch ||
    repository.branches.has(branch) ||
    repository.protections.has(branch);

  const protectionJson = (repository: Repository, branch: string): BranchProtectionJson => {
    const protection = repository.protections.get(branch);
    if (!protection) throw new GitHubError(404, 'Branch not protected');
    const url = `${apiPath(repository)}/branches/${encodeURIComponent(branch)}/protection`;
    return {
      url,
      required_signatures: { url: `${url}/required_signatures`, enabled: protection.requiredSignatures },
      enforce_admins: { url: `${url}/enforce_admins`, enabled: protection.enforceAdmins },
      required_linear_history: { enabled: protection.requiredLinearHistory },
      allow_force_pushes: { enabled: protection.allowForcePushes },
      allow_deletions: { enabled: protection.allowDeletions },
      block_creations: { enabled: false },
      required_conversation_resolution: { enabled: false },
      lock_branch: { enabled: false },
      allow_fork_syncing: { enabled: false },
    };
  };

  /** Whether one `ref_name` condition names the branch. */
  const refMatches = (repository: Repository, condition: string, branch: string) =>
    condition === '~ALL' ||
    (condition === '~DEFAULT_BRANCH' && branch === repository.defaultBranch) ||
    condition === `refs/heads/${branch}`;

  /** The rules of the active rulesets whose conditions take in the branch, in ruleset order. */
  const branchRules = (repository: Repository, branch: string): BranchRuleJson[] =>
    repository.rulesets
      .filter((ruleset) => (ruleset.enforcement ?? 'active') === 'active')
      .filter((ruleset) => ruleset.include.some((condition) => refMatches(repository, condition, branch)))
      .filter(
        (ruleset) => !(ruleset.exclude ?? []).some((condition) => refMatches(repository, condition, branch)),
      )
      .flatMap((ruleset) =>
        ruleset.rules.map(
          (type): BranchRuleJson => ({
            type,
            ruleset_source_type: 'Repository',
            ruleset_source: `${repository.owner}/${repository.name}`,
            ruleset_id: ruleset.id,
          }),
        ),
      );

  /** The tree of `ref`: the default branch unless named, refused as GitHub refuses a ref it cannot find. */
  const treeOf = (
    repository: Repository,
    ref: string | null,
  ): { branch: string; files: Map<string, string> } => {
    const branch = ref ?? repository.defaultBranch;
    const files = repository.branches.get(branch);
    if (files) return { branch, files };
    if (repository.branches.size === 0) throw new GitHubError(404, 'This repository is empty.');
    throw new GitHubError(404, `No commit found for the ref ${branch}`);
  };

  const contentLinks = (
    repository: Repository,
    branch: string,
    path: string,
    kind: 'blob' | 'tree',
    sha: string,
  ) => {
    const self = `${apiPath(repository)}/contents/${path.split('/').map(encodeURIComponent).join('/')}?ref=${encodeURIComponent(branch)}`;
    const git = `${apiPath(repository)}/git/${kind === 'blob' ? 'blobs' : 'trees'}/${sha}`;
    const html = `${htmlPath(repository)}/${kind}/${encodeURIComponent(branch)}/${path}`;
    return { url: self, git_url: git, html_url: html, _links: { self, git, html } };
  };

  const fileJson = (repository: Repository, branch: string, path: string, content: string): FileJson => {
    const bytes = Buffer.from(content);
    const sha = gitObjectId('blob', bytes);
    return {
      type: 'file',
      encoding: 'base64',
      size: bytes.length,
      name: path.slice(path.lastIndexOf('/') + 1),
      path,
      // GitHub wraps the base64 at 60 characters a line.
      content: `${(bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n')}\n`,
      sha,
      ...contentLinks(repository, branch, path, 'blob', sha),
      download_url: `${base}/raw/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}/${encodeURIComponent(branch)}/${path}`,
    };
  };

  const directoryJson = (
    repository: Repository,
    branch: string,
    files: ReadonlyMap<string, string>,
    directory: string,
  ): DirectoryEntryJson[] => {
    const prefix = directory === '' ? '' : `${directory}/`;
    const names = new Set<string>();
    for (const path of files.keys()) {
      if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0] ?? '');
    }
    return [...names].sort().map((name): DirectoryEntryJson => {
      const path = `${prefix}${name}`;
      const content = files.get(path);
      if (content !== undefined) {
        const {
          content: _encoded,
          encoding: _encoding,
          ...entry
        } = fileJson(repository, branch, path, content);
        return entry;
      }
      const sha = treeId(files, path);
      return {
        type: 'dir',
        size: 0,
        name,
        path,
        sha,
        ...contentLinks(repository, branch, path, 'tree', sha),
        download_url: null,
      };
    });
  };

  /** The labels an issue names, created as GitHub creates them when they do not exist yet. */
  const ensureLabels = (repository: Repository, names: readonly string[]): string[] => {
    const keys: string[] = [];
    for (const name of names) {
      const key = name.toLowerCase();
      if (!repository.labels.has(key)) {
        repository.labels.set(key, { id: newId(), name, color: IMPLICIT_LABEL_COLOR, description: null });
      }
      if (!keys.includes(key)) keys.push(key);
    }
    return keys;
  };

  /** `labels` as issues take them: names, or objects with a name. */
  const labelNamesOf = (value: unknown): string[] => {
    if (!Array.isArray(value)) notA('labels', value, 'an array');
    if (value.length > MAX_LABELS_PER_ISSUE) {
      throw validationFailed({
        resource: 'Issue',
        field: 'labels',
        code: 'custom',
        message: `No more than ${MAX_LABELS_PER_ISSUE} labels may be applied to an issue.`,
      });
    }
    return value.map((entry: unknown, index) => {
      const name =
        typeof entry === 'object' && entry !== null && Object.hasOwn(entry, 'name')
          ? (entry as { name: unknown }).name
          : entry;
      if (typeof name !== 'string' || name.trim() === '') {
        notA(`labels/${index}`, entry, 'a string or an object with a name');
      }
      return name.trim();
    });
  };

  /** Logins to assign; GitHub would also refuse people who may not be assigned, which the sim does not model. */
  const assigneesOf = (value: unknown): string[] => {
    if (!Array.isArray(value)) notA('assignees', value, 'an array');
    return value.map((login: unknown, index) => {
      if (typeof login !== 'string') notA(`assignees/${index}`, login, 'a string');
      return login;
    });
  };

  const issueTitleOf = (value: unknown): string => {
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    if (typeof value !== 'string') notA('title', value, 'a string or integer');
    if (value.trim() === '') {
      throw validationFailed({ resource: 'Issue', field: 'title', code: 'missing_field' });
    }
    return value;
  };

  const issueBodyOf = (value: unknown): string | null => {
    if (value === null) return null;
    if (typeof value !== 'string') notA('body', value, 'a string');
    if (characters(value) > MAX_BODY_CHARACTERS) {
      throw validationFailed({
        resource: 'Issue',
        field: 'body',
        code: 'custom',
        message: `body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
      });
    }
    return value;
  };

  const createIssue = (repository: Repository, author: string, seed: GitHubIssueSeed): Issue => {
    const now = new Date();
    const closed = seed.state === 'closed';
    const issue: Issue = {
      id: newId(),
      number: repository.issues.size + repository.pulls.size + 1,
      title: seed.title,
      body: seed.body ?? null,
      state: closed ? 'closed' : 'open',
      stateReason: closed ? 'completed' : null,
      labels: ensureLabels(repository, seed.labels ?? []),
      assignees: [...new Set(seed.assignees ?? [])].slice(0, MAX_ASSIGNEES),
      author,
      comments: [],
      createdAt: now,
      updatedAt: now,
      closedAt: closed ? now : null,
      closedBy: closed ? author : null,
    };
    repository.issues.set(issue.number, issue);
    return issue;
  };

  const issueOf = (call: Call): Issue => {
    const issue = call.repository.issues.get(Number(call.params.get('issue_number')));
    if (!issue) throw notFound();
    return issue;
  };

  const runOf = (call: Call): WorkflowRun => {
    const run = call.repository.runs.get(Number(call.params.get('run_id')));
    if (!run) throw notFound();
    return run;
  };

  /** Commits the branch's files as they now are, on top of its head, and moves the branch there. */
  const commitOn = (repository: Repository, branch: string, message: string, author: string): SimCommit => {
    const files = new Map(repository.branches.get(branch) ?? []);
    const parent = repository.heads.get(branch);
    const date = new Date();
    const seconds = Math.floor(date.getTime() / 1000);
    const text = [
      `tree ${treeId(files, '')}`,
      ...(parent ? [`parent ${parent}`] : []),
      `author ${author} <${author}@users.noreply.github.com> ${seconds} +0000`,
      `committer GitHub <noreply@github.com> ${seconds} +0000`,
      '',
      message,
      '',
    ].join('\n');
    const commit: SimCommit = {
      sha: gitObjectId('commit', Buffer.from(text)),
      files,
      parents: parent ? [parent] : [],
      message,
      author,
      date,
    };
    repository.commits.set(commit.sha, commit);
    repository.heads.set(branch, commit.sha);
    return commit;
  };

  const refJson = (repository: Repository, branch: string, sha: string): RefJson => {
    const url = `${apiPath(repository)}/git/refs/heads/${branch.split('/').map(encodeURIComponent).join('/')}`;
    return {
      ref: `refs/heads/${branch}`,
      node_id: `REF_${Buffer.from(`ref:${repository.id}:${branch}`).toString('base64url')}`,
      url,
      object: { type: 'commit', sha, url: `${apiPath(repository)}/git/commits/${sha}` },
    };
  };

  const gitCommitJson = (repository: Repository, commit: SimCommit): FileCommitJson['commit'] => {
    const when = timestamp(commit.date);
    return {
      sha: commit.sha,
      node_id: `C_${Buffer.from(`commit:${commit.sha}`).toString('base64url')}`,
      url: `${apiPath(repository)}/git/commits/${commit.sha}`,
      html_url: `${htmlPath(repository)}/commit/${commit.sha}`,
      author: { name: commit.author, email: `${commit.author}@users.noreply.github.com`, date: when },
      committer: { name: 'GitHub', email: 'noreply@github.com', date: when },
      message: commit.message,
      tree: {
        sha: treeId(commit.files, ''),
        url: `${apiPath(repository)}/git/trees/${treeId(commit.files, '')}`,
      },
      parents: commit.parents.map((sha) => ({
        sha,
        url: `${apiPath(repository)}/git/commits/${sha}`,
        html_url: `${htmlPath(repository)}/commit/${sha}`,
      })),
      // Commits made through the contents API are signed by GitHub's web-flow key.
      verification: { verified: true, reason: 'valid', signature: null, payload: null, verified_at: when },
    };
  };

  const branchEnd = (repository: Repository, branch: string): PullJson['head'] & PullSimpleJson['head'] => ({
    label: `${repository.owner}:${branch}`,
    ref: branch,
    repo: { ...repositoryJson(repository), has_downloads: true, temp_clone_token: '' },
    sha: repository.heads.get(branch) ?? '',
    user: userJson(repository.owner),
  });

  const pullSimpleJson = (repository: Repository, pull: Pull): PullSimpleJson => {
    const url = `${apiPath(repository)}/pulls/${pull.number}`;
    const html = `${htmlPath(repository)}/pull/${pull.number}`;
    const issue = `${apiPath(repository)}/issues/${pull.number}`;
    const statuses = `${apiPath(repository)}/statuses/${repository.heads.get(pull.head) ?? ''}`;
    const link = (href: string) => ({ href });
    return {
      url,
      id: pull.id,
      node_id: `PR_${Buffer.from(`pull:${pull.id}`).toString('base64url')}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issue,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${apiPath(repository)}/pulls/comments{/number}`,
      comments_url: `${issue}/comments`,
      statuses_url: statuses,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: userJson(pull.author),
      body: pull.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: timestamp(pull.createdAt),
      updated_at: timestamp(pull.createdAt),
      closed_at: null,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: branchEnd(repository, pull.head),
      base: branchEnd(repository, pull.base),
      _links: {
        comments: link(`${issue}/comments`),
        commits: link(`${url}/commits`),
        statuses: link(statuses),
        html: link(html),
        issue: link(issue),
        review_comments: link(`${url}/comments`),
        review_comment: link(`${apiPath(repository)}/pulls/comments{/number}`),
        self: link(url),
      },
      author_association: association(repository, pull.author),
      auto_merge: null,
      draft: pull.draft,
    };
  };

  /** Commits on `head` that `base` does not have, walking first parents. */
  const commitsAhead = (repository: Repository, head: string, base: string): number => {
    const reachable = new Set<string>();
    for (let at = repository.heads.get(base); at; at = repository.commits.get(at)?.parents[0])
      reachable.add(at);
    let ahead = 0;
    for (
      let at = repository.heads.get(head);
      at && !reachable.has(at);
      at = repository.commits.get(at)?.parents[0]
    )
      ahead++;
    return ahead;
  };

  const pullJson = (repository: Repository, pull: Pull): PullJson => {
    const files = repository.branches.get(pull.head) ?? new Map<string, string>();
    const baseFiles = repository.branches.get(pull.base) ?? new Map<string, string>();
    const changed = [...new Set([...files.keys(), ...baseFiles.keys()])].filter(
      (path) => files.get(path) !== baseFiles.get(path),
    );
    return {
      ...pullSimpleJson(repository, pull),
      state: pull.state,
      user: userJson(pull.author),
      head: branchEnd(repository, pull.head),
      base: branchEnd(repository, pull.base),
      merged: false,
      mergeable: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      merged_by: null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: commitsAhead(repository, pull.head, pull.base),
      additions: changed.reduce((sum, path) => sum + (files.get(path)?.split('\n').length ?? 0), 0),
      deletions: changed.reduce((sum, path) => sum + (baseFiles.get(path)?.split('\n').length ?? 0), 0),
      changed_files: changed.length,
    };
  };

  /** `owner:branch` or `branch`, as the pulls API takes `head`; a fork's owner names no branch here. */
  const headBranchOf = (repository: Repository, head: string): string | undefined => {
    const colon = head.indexOf(':');
    if (colon < 0) return head;
    return head.slice(0, colon).toLowerCase() === repository.owner.toLowerCase()
      ? head.slice(colon + 1)
      : undefined;
  };

  const routes: RouteDefinition[] = [
    {
      route: 'POST /repos/{owner}/{repo}/issues',
      docs: `${DOCS}/issues/issues#create-an-issue`,
      answer: (call) => {
        const body = call.body();
        if (!body.has('title')) throw invalidRequest(`"title" wasn't supplied.`);
        const title = issueTitleOf(body.get('title'));
        const text = body.has('body') ? issueBodyOf(body.get('body')) : null;
        const labels = body.has('labels') ? labelNamesOf(body.get('labels')) : [];
        const assignees = body.has('assignees') ? assigneesOf(body.get('assignees')) : [];
        const issue = createIssue(call.repository, call.login, {
          title,
          ...(text !== null && { body: text }),
          labels,
          assignees,
        });
        const json = issueJson(call.repository, issue);
        return { status: 201, body: json, headers: { location: json.url } };
      },
    },
    {
      route: 'GET /repos/{owner}/{repo}/issues',
      docs: `${DOCS}/issues/issues#list-repository-issues`,
      answer: (call) => {
        const state = call.query.get('state') ?? 'open';
        if (state !== 'open' && state !== 'closed' && state !== 'all') {
          throw validationFailed({ resource: 'Issue', field: 'state', code: 'invalid' });
        }
        const sort = call.query.get('sort') ?? 'created';
        if (sort !== 'created' && sort !== 'updated' && sort !== 'comments') {
          throw validationFailed({ resource: 'Issue', field: 'sort', code: 'invalid' });
        }
        const direction = call.query.get('direction') ?? 'desc';
        if (direction !== 'asc' && direction !== 'desc') {
          throw validationFailed({ resource: 'Issue', field: 'direction', code: 'invalid' });
        }
        const wanted = (call.query.get('labels') ?? '')
          .split(',')
          .map((name) => name.trim().toLowerCase())
          .filter((name) => name !== '');
        const key = (issue: Issue) =>
          sort === 'comments'
            ? issue.comments.length
            : (sort === 'updated' ? issue.updatedAt : issue.createdAt).getTime();
        const matching = [...call.repository.issues.values()]
          .filter((issue) => state === 'all' || issue.state === state)
          .filter((issue) => wanted.every((name) => issue.labels.includes(name)))
          .sort((a, b) => {
            const order = key(a) - key(b) || a.number - b.number;
            return direction === 'asc' ? order : -order;
          });
        const { page, headers } = paginate(matching, call);
        return { status: 200, body: page.map((issue) => issueJson(call.repository, issue)), headers };
      },
    },
    {
      route: 'GET /repos/{owner}/{repo}/issues/comments',
      docs: `${DOCS}/issues/comments#list-issue-comments-for-a-repository`,
      answer: (call) => {
        // Ascending by creation, GitHub's default sort for this list.
        const all = [...call.repository.issues.values()]
          .flatMap((issue) => issue.comments.map((comment) => ({ issue, comment })))
          .sort(
            (a, b) =>
              a.comment.createdAt.getTime() - b.comment.createdAt.getTime() || a.comment.id - b.comment.id,
          );
        const { page, headers } = paginate(all, call);
        return {
          status: 200,
          body: page.map(({ issue, comment }) => commentJson(call.repository, issue, comment)),
          headers,
        };
      },
    },
    {
      route: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      docs: `${DOCS}/issues/comments#update-an-issue-comment`,
      answer: (call) => {
        const id = Number(call.params.get('comment_id'));
        const found = [...call.repository.issues.values()].flatMap((issue) =>
          issue.comments.filter((comment) => comment.id === id).map((comment) => ({ issue, comment })),
        )[0];
        if (!found) throw notFound();
        found.comment.body = call.body().requiredString('body');
        found.comment.updatedAt = new Date(Math.max(Date.now(), found.comment.createdAt.getTime() + 1000));
        return { status: 200, body: commentJson(call.repository, found.issue, found.comment) };
      },
    },
    {
      route: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
      docs: `${DOCS}/issues/issues#get-an-issue`,
      answer: (call) => ({ status: 200, body: issueJson(call.repository, issueOf(call)) }),
    },
    {
      route: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      docs: `${DOCS}/issues/issues#update-an-issue`,
      answer: (call) => {
        const issue = issueOf(call);
        const body = call.body();
        // Everything is checked before anything changes: a refused update leaves the issue as it was.
        const title = body.has('title') ? issueTitleOf(body.get('title')) : undefined;
        const text = body.has('body') ? issueBodyOf(body.get('body')) : undefined;
        const state = body.get('state');
        if (state !== undefined && state !== 'open' && state !== 'closed') {
          notA('state', state, 'one of ["open", "closed"]');
        }
        const reason = body.get('state_reason');
        const reasons: readonly unknown[] = ['completed', 'not_planned', 'duplicate', 'reopened', null];
        if (reason !== undefined && !reasons.includes(reason)) {
          notA('state_reason', reason, 'one of ["completed", "not_planned", "duplicate", "reopened", nil]');
        }
        const labels = body.has('labels') ? labelNamesOf(body.get('labels')) : undefined;
        const assignees = body.has('assignees') ? assigneesOf(body.get('assignees')) : undefined;

        const now = new Date();
        if (title !== undefined) issue.title = title;
        if (text !== undefined) issue.body = text;
        if (labels !== undefined) issue.labels = ensureLabels(call.repository, labels);
        if (assignees !== undefined) issue.assignees = [...new Set(assignees)].slice(0, MAX_ASSIGNEES);
        // `state_reason` only counts when the state changes, as GitHub documents.
        if (state === 'closed' && issue.state === 'open') {
          issue.state = 'closed';
          issue.stateReason = (reason as GitHubStateReason | null | undefined) ?? 'completed';
          issue.closedAt = now;
          issue.closedBy = call.login;
        } else if (state === 'open' && issue.state === 'closed') {
          issue.state = 'open';
          issue.stateReason = 'reopened';
          issue.closedAt = null;
          issue.closedBy = null;
        }
        issue.updatedAt = now;
        return { status: 200, body: issueJson(call.repository, issue) };
      },
    },
    {
      route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      docs: `${DOCS}/issues/comments#create-an-issue-comment`,
      answer: (call) => {
        const issue = issueOf(call);
        const text = call.body().requiredString('body');
        if (characters(text) > MAX_BODY_CHARACTERS) {
          throw validationFailed({
            resource: 'IssueComment',
            field: 'data',
            code: 'unprocessable',
            message: `Body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
          });
        }
        const now = new Date();
        const comment: Comment = {
          id: newId(),
          body: text,
          author: call.login,
          createdAt: now,
          updatedAt: now,
        };
        issue.comments.push(comment);
        issue.updatedAt = comment.createdAt;
        const json = commentJson(call.repository, issue, comment);
        return { status: 201, body: json, headers: { location: json.url } };
      },
    },
    {
      route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      docs: `${DOCS}/issues/comments#list-issue-comments`,
      answer: (call) => {
        const issue = issueOf(call);
        const { page, headers } = paginate(issue.comments, call);
        return {
          status: 200,
          body: page.map((comment) => commentJson(call.repository, issue, comment)),
          headers,
        };
      },
    },
    {
      route: 'POST /repos/{owner}/{repo}/labels',
      docs: `${DOCS}/issues/labels#create-a-label`,
      answer: (call) => {
        const body = call.body();
        const name = body.requiredString('name').trim();
        const color = body.optionalString('color') ?? IMPLICIT_LABEL_COLOR;
        const description = body.optionalString('description') ?? null;
        if (name === '') throw validationFailed({ resource: 'Label', field: 'name', code: 'missing_field' });
        if (characters(name) > MAX_LABEL_NAME) {
          throw validationFailed({
            resource: 'Label',
            field: 'name',
            code: 'custom',
            message: `name is too long (maximum is ${MAX_LABEL_NAME} characters)`,
          });
        }
        if (!/^[0-9a-fA-F]{6}$/.test(color)) {
          throw validationFailed({ resource: 'Label', field: 'color', code: 'invalid' });
        }
        if (description !== null && characters(description) > MAX_LABEL_DESCRIPTION) {
          throw validationFailed({
            resource: 'Label',
            field: 'description',
            code: 'custom',
            message: `description is too long (maximum is ${MAX_LABEL_DESCRIPTION} characters)`,
          });
        }
        const key = name.toLowerCase();
        if (call.repository.labels.has(key)) {
          throw validationFailed({ resource: 'Label', field: 'name', code: 'already_exists' });
        }
        const label: Label = { id: newId(), name, color: color.toLowerCase(), description };
        call.repository.labels.set(key, label);
        const json = labelJson(call.repository, label);
        return { status: 201, body: json, headers: { location: json.url } };
      },
    },
    {
      route: 'GET /repos/{owner}/{repo}/labels/{name}',
      docs: `${DOCS}/issues/labels#get-a-label`,
      answer: (call) => {
        const label = call.repository.labels.get((call.params.get('name') ?? '').toLowerCase());
        if (!label) throw notFound();
        return { status: 200, body: labelJson(call.repository, label) };
      },
    },
    {
      route: 'POST /repos/{owner}/{repo}/dispatches',
      docs: `${DOCS}/repos/repos#create-a-repository-dispatch-event`,
      answer: (call) => {
        const body = call.body();
        const eventType = body.requiredString('event_type');
        if (eventType === '') {
          throw validationFailed({ resource: 'Repository', field: 'event_type', code: 'missing_field' });
        }
        if (characters(eventType) > MAX_EVENT_TYPE) {
          throw invalidRequest(
            `For 'properties/event_type', ${inspect(eventType)} is longer than ${MAX_EVENT_TYPE} characters.`,
          );
        }
        const payload = body.has('client_payload') ? body.get('client_payload') : {};
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
          notA('client_payload', payload, 'an object');
        }
        const properties = Object.keys(payload).length;
        if (properties > MAX_CLIENT_PAYLOAD_PROPERTIES) {
          throw invalidRequest(
            `No more than ${MAX_CLIENT_PAYLOAD_PROPERTIES} properties are allowed; ${properties} were supplied.`,
          );
        }
        if (Buffer.byteLength(JSON.stringify(payload)) >= MAX_CLIENT_PAYLOAD_BYTES) {
          throw invalidRequest('client_payload must be less than 64KB.');
        }
        call.repository.dispatches.push({
          eventType,
          clientPayload: payload as Record<string, unknown>,
          sender: call.login,
          receivedAt: new Date(),
        });
        return { status: 204 };
      },
    },
    {
      route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals',
      docs: `${DOCS}/actions/workflow-runs#get-the-review-history-for-a-workflow-run`,
      answer: (call) => ({
        status: 200,
        body: runOf(call).approvals.map(
          ({ environments, seed }): ApprovalJson => ({
            environments: environments.map((environment) => ({
              ...environmentJson(call.repository, environment),
              created_at: timestamp(environment.createdAt),
              updated_at: timestamp(environment.createdAt),
            })),
            state: seed.state,
            user: userJson(seed.user),
            comment: seed.comment ?? '',
          }),
        ),
      }),
    },
    {
      route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments',
      docs: `${DOCS}/actions/workflow-runs#get-pending-deployments-for-a-workflow-run`,
      answer: (call) => ({
        status: 200,
        body: runOf(call).pending.map(
          ({ environment, seed }): PendingDeploymentJson => ({
            environment: environmentJson(call.repository, environment),
            wait_timer: seed.waitTimer ?? 0,
            wait_timer_started_at: seed.waitTimerStartedAt ? timestamp(seed.waitTimerStartedAt) : null,
            current_user_can_approve: seed.currentUserCanApprove ?? false,
            reviewers: (seed.reviewers ?? []).map((reviewer) => ({
              type: 'User' as const,
              reviewer: userJson(reviewer),
            })),
          }),
        ),
      }),
    },
    {
      route: 'GET /repos/{owner}/{repo}',
      docs: `${DOCS}/repos/repos#get-a-repository`,
      answer: (call) => ({ status: 200, body: repositoryJson(call.repository) }),
    },
    {
      route: 'GET /repos/{owner}/{repo}/environments/{environment_name}',
      docs: `${DOCS}/deployments/environments#get-an-environment`,
      answer: (call) => {
        const name = call.params.get('environment_name') ?? '';
        const environment = call.repository.environments.get(name.toLowerCase());
        if (!environment) throw notFound();
        return { status: 200, body: environmentDetailJson(call.repository, environment) };
      },
    },
    {
      route: 'GET /repos/{owner}/{repo}/branches/{branch}/protection',
      docs: `${DOCS}/branches/branch-protection#get-branch-protection`,
      answer: (call) => {
        const branch = call.params.get('branch') ?? '';
        if (!branchExists(call.repository, branch)) throw new GitHubError(404, 'Branch not found');
        return { status: 200, body: protectionJson(call.repository, branch) };
      },
    },
    {
      route: 'GET /repos/{owner}/{repo}/rules/branches/{branch}',
      docs: `${DOCS}/repos/rules#get-rules-for-a-branch`,
      answer: (call) => {
        // The branch need not exist: the rules that would apply to it are listed.
        const { page, headers } = paginate(
          branchRules(call.repository, call.params.get('branch') ?? ''),
          call,
        );
        return { status: 200, body: page, headers };
      },
    },
    {
      route: 'GET /repos/{owner}/{repo}/contents/{path}',
      docs: `${DOCS}/repos/contents#get-repository-content`,
      answer: (call) => {
        const { branch, files } = treeOf(call.repository, call.query.get('ref'));
        const path = (call.params.get('path') ?? '').replace(/^\/+|\/+$/g, '');
        const content = files.get(path);
        if (content !== undefined) {
          return { status: 200, body: fileJson(call.repository, branch, path, content) };
        }
        const listing = directoryJson(call.repository, branch, files, path);
        if (listing.length === 0) throw notFound();
        return { status: 200, body: listing };
      },
    },
    {
      route: 'PUT /repos/{owner}/{repo}/contents/{path}',
      docs: `${DOCS}/repos/contents#create-or-update-file-contents`,
      answer: (call) => {
        const repository = call.repository;
        const body = call.body();
        const message = body.requiredString('message');
        const encoded = body.requiredString('content');
        const sha = body.optionalString('sha');
        const branch = body.optionalString('branch') ?? repository.defaultBranch;
        const path = (call.params.get('path') ?? '').replace(/^\/+|\/+$/g, '');
        if (!/^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/.test(encoded)) {
          throw invalidRequest('content is not valid Base64');
        }
        // The first commit of an empty repository goes to its default branch; any other branch must exist.
        const files = repository.branches.get(branch);
        if (!files && !(branch === repository.defaultBranch && repository.branches.size === 0)) {
          throw new GitHubError(404, `Branch ${branch} not found`);
        }
        const existing = files?.get(path);
        if (existing !== undefined) {
          const current = gitObjectId('blob', Buffer.from(existing));
          if (sha === undefined) throw invalidRequest(`"sha" wasn't supplied.`);
          if (sha !== current) throw new GitHubError(409, `${path} does not match ${sha}`);
        }
        const content = Buffer.from(encoded, 'base64').toString('utf8');
        const tree = files ?? new Map<string, string>();
        repository.branches.set(branch, tree);
        tree.set(path, content);
        const commit = commitOn(repository, branch, message, call.login);
        const written = fileJson(repository, branch, path, content);
        const file = {
          name: written.name,
          path,
          sha: written.sha,
          size: written.size,
          url: written.url,
          html_url: written._links.html ?? '',
          git_url: written._links.git ?? '',
          download_url: written.download_url ?? '',
          type: 'file',
          _links: {
            self: written._links.self,
            git: written._links.git ?? '',
            html: written._links.html ?? '',
          },
        };
        return {
          status: existing === undefined ? 201 : 200,
          body: { content: file, commit: gitCommitJson(repository, commit) } satisfies FileCommitJson,
        };
      },
    },
    {
      route: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
      docs: `${DOCS}/git/refs#get-a-reference`,
      answer: (call) => {
        const ref = call.params.get('ref') ?? '';
        if (call.repository.heads.size === 0) throw new GitHubError(409, 'Git Repository is empty.');
        // Branches only: the sim keeps no tags.
        const branch = ref.startsWith('heads/') ? ref.slice('heads/'.length) : undefined;
        const sha = branch === undefined ? undefined : call.repository.heads.get(branch);
        if (branch === undefined || sha === undefined) throw notFound();
        return { status: 200, body: refJson(call.repository, branch, sha) };
      },
    },
    {
      route: 'POST /repos/{owner}/{repo}/git/refs',
      docs: `${DOCS}/git/refs#create-a-reference`,
      answer: (call) => {
        const body = call.body();
        const ref = body.requiredString('ref');
        const sha = body.requiredString('sha');
        if (!ref.startsWith('refs/') || ref.split('/').length < 3) {
          throw new GitHubError(422, "Reference name must start with 'refs/' and have at least two slashes.");
        }
        if (!ref.startsWith('refs/heads/')) throw new GitHubError(422, 'Reference update failed');
        const branch = ref.slice('refs/heads/'.length);
        const commit = call.repository.commits.get(sha);
        if (!commit) throw new GitHubError(422, 'Object does not exist');
        if (call.repository.heads.has(branch)) throw new GitHubError(422, 'Reference already exists');
        call.repository.branches.set(branch, new Map(commit.files));
        call.repository.heads.set(branch, commit.sha);
        const json = refJson(call.repository, branch, commit.sha);
        return { status: 201, body: json, headers: { location: json.url } };
      },
    },
    {
      route: 'POST /repos/{owner}/{repo}/pulls',
      docs: `${DOCS}/pulls/pulls#create-a-pull-request`,
      answer: (call) => {
        const repository = call.repository;
        const body = call.body();
        const head = body.requiredString('head');
        const base = body.requiredString('base');
        const title = body.optionalString('title');
        const text = body.has('body') ? issueBodyOf(body.get('body')) : null;
        const draft = body.get('draft') ?? false;
        if (typeof draft !== 'boolean') notA('draft', draft, 'a boolean');
        if (title === undefined || title.trim() === '') {
          throw validationFailed({ resource: 'PullRequest', field: 'title', code: 'missing_field' });
        }
        const branch = headBranchOf(repository, head);
        if (!repository.heads.has(base)) {
          throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
        }
        if (branch === undefined || !repository.heads.has(branch)) {
          throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
        }
        const open = [...repository.pulls.values()].find(
          (pull) => pull.state === 'open' && pull.head === branch && pull.base === base,
        );
        if (open) {
          throw validationFailed({
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${repository.owner}:${branch}.`,
          });
        }
        if (commitsAhead(repository, branch, base) === 0) {
          throw validationFailed({
            resource: 'PullRequest',
            code: 'custom',
            message: `No commits between ${base} and ${branch}`,
          });
        }
        const pull: Pull = {
          id: newId(),
          number: repository.issues.size + repository.pulls.size + 1,
          title,
          body: text,
          state: 'open',
          head: branch,
          base,
          draft,
          author: call.login,
          createdAt: new Date(),
        };
        repository.pulls.set(pull.number, pull);
        const json = pullJson(repository, pull);
        return { status: 201, body: json, headers: { location: json.url } };
      },
    },
    {
      route: 'GET /repos/{owner}/{repo}/pulls',
      docs: `${DOCS}/pulls/pulls#list-pull-requests`,
      answer: (call) => {
        const repository = call.repository;
        const state = call.query.get('state') ?? 'open';
        if (state !== 'open' && state !== 'closed' && state !== 'all') {
          throw validationFailed({ resource: 'PullRequest', field: 'state', code: 'invalid' });
        }
        // `head` filters only in its documented `user:ref-name` form.
        const head = call.query.get('head');
        const headBranch = head?.includes(':') ? (headBranchOf(repository, head) ?? null) : undefined;
        const base = call.query.get('base');
        const direction = call.query.get('direction') ?? 'desc';
        const matching = [...repository.pulls.values()]
          .filter((pull) => state === 'all' || pull.state === state)
          .filter((pull) => headBranch === undefined || pull.head === headBranch)
          .filter((pull) => base === null || pull.base === base)
          .sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
        const { page, headers } = paginate(matching, call);
        return { status: 200, body: page.map((pull) => pullSimpleJson(repository, pull)), headers };
      },
    },
    {
      route: 'GET /user',
      docs: `${DOCS}/users/users#get-the-authenticated-user`,
      organization: (call) => ({ status: 200, body: userJson(call.login) }),
    },
    {
      route: 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}',
      docs: `${DOCS}/teams/members#get-team-membership-for-a-user`,
      organization: (call) => {
        const team = teams.get(
          `${call.params.get('org') ?? ''}/${call.params.get('team_slug') ?? ''}`.toLowerCase(),
        );
        const member = team?.members.get((call.params.get('username') ?? '').toLowerCase());
        if (!team || !member) throw notFound();
        const body: TeamMembershipJson = {
          url: `${base}/teams/${team.id}/memberships/${encodeURIComponent(member.login)}`,
          role: member.role,
          state: member.state,
        };
        return { status: 200, body };
      },
    },
  ];

  // Each route's path as segments, `{name}` segments capturing; a last `{path}` or `{ref}` takes the rest
  // of the path, slashes and all, as GitHub's contents and git refs APIs do (`heads/irac/postmortem-…`).
  const REST_PARAMETERS = new Set(['{path}', '{ref}']);
  const patterns = routes.map((definition) => {
    const [method, template] = definition.route.split(' ') as [string, string];
    return { definition, method, segments: template.split('/').slice(1) };
  });

  const match = (
    method: string,
    segments: readonly string[],
  ): { definition: RouteDefinition; params: Map<string, string> } | undefined => {
    for (const pattern of patterns) {
      const rest = REST_PARAMETERS.has(pattern.segments.at(-1) ?? '');
      if (pattern.method !== method) continue;
      if (rest ? segments.length < pattern.segments.length : pattern.segments.length !== segments.length) {
        continue;
      }
      const params = new Map<string, string>();
      const matched = pattern.segments.every((expected, index) => {
        const actual =
          rest && index === pattern.segments.length - 1
            ? segments.slice(index).join('/')
            : (segments[index] ?? '');
        if (!expected.startsWith('{')) return expected === actual;
        params.set(expected.slice(1, -1), actual);
        return actual !== '';
      });
      const numeric = ['issue_number', 'run_id'].every((name) =>
        /^[0-9]{1,15}$/.test(params.get(name) ?? '0'),
      );
      if (matched && numeric) return { definition: pattern.definition, params };
    }
    return undefined;
  };

  const faultError = (fault: GitHubFault, requestId: string): GitHubError => {
    if (fault.kind === 'error') {
      return new GitHubError(
        fault.status,
        fault.message ?? STATUS_CODES[fault.status] ?? 'Error',
        undefined,
        DOCS,
      );
    }
    return new GitHubError(
      fault.status ?? 403,
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
        `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      undefined,
      SECONDARY_RATE_LIMIT_DOCS,
      fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) },
    );
  };

  /** The `x-ratelimit-*` headers after counting this request, or the primary limit's refusal. */
  const countRequest = (caller: string, callerToken: string): Record<string, string> => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const current = usage.get(callerToken);
    const window =
      current && current.resetAt > nowSeconds
        ? current
        : { used: 0, resetAt: nowSeconds + RATE_LIMIT_WINDOW_SECONDS };
    usage.set(callerToken, window);
    const headers = (used: number) => ({
      'x-ratelimit-limit': String(rateLimit),
      'x-ratelimit-remaining': String(Math.max(0, rateLimit - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(window.resetAt),
      'x-ratelimit-resource': 'core',
    });
    if (window.used >= rateLimit) {
      throw new GitHubError(
        403,
        `API rate limit exceeded for user ID ${userJson(caller).id}.`,
        undefined,
        RATE_LIMIT_DOCS,
        headers(window.used),
      );
    }
    window.used += 1;
    return headers(window.used);
  };

  const tokenOf = (request: IncomingMessage): string | null => {
    const match = /^(?:token|bearer) +([\x21-\x7e]{1,255})$/i.exec(request.headers.authorization ?? '');
    return match?.[1] ?? null;
  };

  const send = (response: ServerResponse, answer: Answer, requestId: string) => {
    const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
    sendAnswer(response, {
      status: answer.status,
      headers: {
        ...(body !== '' && { 'content-type': 'application/json; charset=utf-8' }),
        ...answer.headers,
        'x-github-request-id': requestId,
      },
      body,
    });
  };

  const errorAnswer = (error: GitHubError, docs: string, headers: Record<string, string>): Answer => ({
    status: error.status,
    headers: { ...headers, ...error.headers },
    body: {
      message: error.message,
      ...(error.errors && { errors: error.errors }),
      documentation_url: error.documentationUrl ?? docs,
      status: String(error.status),
    },
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const requestId = randomUUID().toUpperCase();
    const method = request.method ?? 'GET';
    // Appended, not resolved: a request for `//elsewhere/x` must not move the Link headers' host.
    const url = new URL(`${base}${request.url ?? '/'}`);
    let segments: string[];
    try {
      segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
    } catch {
      segments = [];
    }
    const found = match(method, segments);
    const docs = found?.definition.docs ?? DOCS;
    let caller: string | null = null;
    let rateHeaders: Record<string, string> = {};
    const answer = async (): Promise<Answer> => {
      const text = await readBoundedBody(request);
      const fault = found && faults.take(found.definition.route);
      if (fault) throw faultError(fault, requestId);
      if (request.headers.authorization === undefined) {
        throw new GitHubError(401, 'Requires authentication', undefined, DOCS);
      }
      const callerToken = tokenOf(request);
      const known = callerToken === null ? undefined : tokens.get(callerToken);
      if (callerToken === null || known === undefined) {
        throw new GitHubError(401, 'Bad credentials', undefined, DOCS);
      }
      caller = known;
      rateHeaders = countRequest(known, callerToken);
      if (text === null) throw new GitHubError(413, 'Request body too large', undefined, DOCS);
      if (!found) throw notFound(DOCS);
      if ('organization' in found.definition) {
        const result = found.definition.organization({ params: found.params, login: known });
        return { ...result, headers: { ...rateHeaders, ...result.headers } };
      }
      const repository = repositories.get(
        `${found.params.get('owner') ?? ''}/${found.params.get('repo') ?? ''}`.toLowerCase(),
      );
      if (!repository) throw notFound();
      const result = found.definition.answer({
        repository,
        params: found.params,
        query: url.searchParams,
        body: () => parseJsonBody(text),
        login: known,
        url,
      });
      return { ...result, headers: { ...rateHeaders, ...result.headers } };
    };
    let result: Answer;
    try {
      result = await answer();
    } catch (error) {
      const refusal =
        error instanceof GitHubError ? error : new GitHubError(500, 'Server Error', undefined, DOCS);
      result = errorAnswer(refusal, docs, rateHeaders);
    }
    requests.push({
      method,
      route: found?.definition.route ?? null,
      path: url.pathname,
      mutating: method !== 'GET' && method !== 'HEAD',
      status: result.status,
      login: caller,
    });
    send(response, result, requestId);
  };

  const loopback = await serveOnLoopback(handle);
  base = loopback.url;

  const runFor = (repository: Repository, runId: number): WorkflowRun => {
    const known = repository.runs.get(runId);
    if (known) return known;
    const run: WorkflowRun = { approvals: [], pending: [] };
    repository.runs.set(runId, run);
    return run;
  };

  const issueState = (repository: Repository, issue: Issue): GitHubIssueState => ({
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    stateReason: issue.stateReason,
    labels: issue.labels.map((key) => repository.labels.get(key)?.name ?? key),
    assignees: [...issue.assignees],
    author: issue.author,
    comments: issue.comments.map((comment) => ({ ...comment })),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    closedAt: issue.closedAt,
  });

  return {
    url: base,
    token,
    login,
    requests,
    mutatingRequests: () => requests.filter((request) => request.mutating),
    failNext: (route, fault, failOptions) => faults.failNext(route, fault, failOptions),
    addRepository(fullName, seed = {}) {
      const parsed = REPOSITORY_NAME.exec(fullName);
      if (!parsed?.[1] || !parsed[2]) {
        throw new Error(`GitHub sim: "${fullName}" is not an owner/name repository`);
      }
      if (repositories.has(fullName.toLowerCase())) return;
      repositories.set(fullName.toLowerCase(), {
        id: newId(),
        owner: parsed[1],
        name: parsed[2],
        labels: new Map(),
        issues: new Map(),
        dispatches: [],
        runs: new Map(),
        environments: new Map(),
        defaultBranch: seed.defaultBranch ?? 'main',
        visibility: seed.visibility ?? 'public',
        createdAt: new Date(),
        protections: new Map(),
        rulesets: [],
        branches: new Map(),
        heads: new Map(),
        commits: new Map(),
        pulls: new Map(),
      });
    },
    setEnvironment(repository, name, seed) {
      const target = repositoryOf(repository);
      if ((seed?.reviewers?.length ?? 0) > MAX_ENVIRONMENT_REVIEWERS) {
        throw new Error(
          `GitHub sim: at most ${MAX_ENVIRONMENT_REVIEWERS} required reviewers per environment`,
        );
      }
      const environment = environmentOf(target, name);
      environment.updatedAt = new Date();
      environment.rules = seed
        ? {
            reviewers: [...(seed.reviewers ?? [])],
            preventSelfReview: seed.preventSelfReview ?? false,
            waitTimer: seed.waitTimer ?? 0,
            protectedBranchesOnly: seed.protectedBranchesOnly ?? false,
            ids: { reviewers: newId(), waitTimer: newId(), branchPolicy: newId() },
          }
        : null;
    },
    protectBranch(repository, branch, seed = {}) {
      repositoryOf(repository).protections.set(branch, {
        allowForcePushes: seed.allowForcePushes ?? false,
        allowDeletions: seed.allowDeletions ?? false,
        enforceAdmins: seed.enforceAdmins ?? false,
        requiredSignatures: seed.requiredSignatures ?? false,
        requiredLinearHistory: seed.requiredLinearHistory ?? false,
      });
    },
    addRuleset(repository, ruleset) {
      const conditions = [...ruleset.include, ...(ruleset.exclude ?? [])];
      const pattern = conditions.find(
        (condition) => !/^(~ALL|~DEFAULT_BRANCH|refs\/heads\/[^*?[\]]+)$/.test(condition),
      );
      if (pattern !== undefined) {
        throw new Error(
          `GitHub sim: ruleset condition "${pattern}": the sim matches ~ALL, ~DEFAULT_BRANCH and full refs, not patterns`,
        );
      }
      const id = newId();
      repositoryOf(repository).rulesets.push({ ...ruleset, id });
      return id;
    },
    putFile(repository, path, content, options = {}) {
      const target = repositoryOf(repository);
      const branch = options.branch ?? target.defaultBranch;
      const files = target.branches.get(branch) ?? new Map<string, string>();
      target.branches.set(branch, files);
      files.set(path, content);
      commitOn(target, branch, `Add ${path}`, login);
    },
    file(repository, path, options = {}) {
      const target = repositoryOf(repository);
      return target.branches.get(options.branch ?? target.defaultBranch)?.get(path);
    },
    pulls(repository) {
      return [...repositoryOf(repository).pulls.values()]
        .sort((a, b) => a.number - b.number)
        .map(({ id: _id, ...pull }) => ({ ...pull }));
    },
    addTeamMember(org, team, member, memberOptions = {}) {
      const key = `${org}/${team}`.toLowerCase();
      const known = teams.get(key) ?? { id: newId(), members: new Map() };
      teams.set(key, known);
      known.members.set(member.toLowerCase(), {
        login: member,
        role: memberOptions.role ?? 'member',
        state: memberOptions.state ?? 'active',
      });
    },
    addLabel(repository, label) {
      const target = repositoryOf(repository);
      target.labels.set(label.name.toLowerCase(), {
        id: newId(),
        name: label.name,
        color: label.color ?? IMPLICIT_LABEL_COLOR,
        description: label.description ?? null,
      });
    },
    addIssue(repository, issue) {
      return createIssue(repositoryOf(repository), issue.author ?? login, issue).number;
    },
    addComment(repository, issueNumber, { author, body }) {
      const issue = repositoryOf(repository).issues.get(issueNumber);
      if (!issue) throw new Error(`GitHub sim: no issue #${issueNumber} in ${repository}`);
      const now = new Date();
      issue.comments.push({ id: newId(), body, author, createdAt: now, updatedAt: now });
      issue.updatedAt = now;
    },
    addWorkflowRun(repository, runId) {
      runFor(repositoryOf(repository), runId);
    },
    addApproval(repository, runId, approval) {
      const target = repositoryOf(repository);
      runFor(target, runId).approvals.push({
        environments: approval.environments.map((name) => environmentOf(target, name)),
        seed: approval,
      });
    },
    addPendingDeployment(repository, runId, pending) {
      const target = repositoryOf(repository);
      runFor(target, runId).pending.push({
        environment: environmentOf(target, pending.environment),
        seed: pending,
      });
    },
    issues(repository) {
      const target = repositoryOf(repository);
      return [...target.issues.values()].map((issue) => issueState(target, issue));
    },
    issue(repository, issueNumber) {
      const target = repositoryOf(repository);
      const issue = target.issues.get(issueNumber);
      return issue && issueState(target, issue);
    },
    comments(repository, issueNumber) {
      const issue = repositoryOf(repository).issues.get(issueNumber);
      return (issue?.comments ?? []).map((comment) => ({ ...comment }));
    },
    labels(repository) {
      return [...repositoryOf(repository).labels.values()].map(({ name, color, description }) => ({
        name,
        color,
        description,
      }));
    },
    dispatches(repository) {
      return repositoryOf(repository).dispatches.map((dispatch) => ({ ...dispatch }));
    },
    close: () => loopback.close(),
  };
}
