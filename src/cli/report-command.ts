// `irac report ID [--pr] [--json] [--repo DIR] [--config FILE]`: the blameless post-incident report.
//
// Without --pr it prints the report (Markdown, or with --json the report's parts and the Markdown as one
// object) and changes nothing. With --pr it proposes the report to the repository through the GitHub API —
// GITHUB_REPOSITORY, GITHUB_TOKEN and GITHUB_API_URL, as in a workflow — as `postmortems/<id>.md` on the
// branch `irac/postmortem-<id>`, and files each remediation item as an issue labelled with the incident id.
// Both are idempotent: a second run finds the open pull request and updates the file on its branch (or
// leaves it, when the report has not changed), and finds each issue again by its label and title.

import type { Octokit } from '@octokit/rest';
import { loadConfig } from '../config/config.js';
import { createClients } from '../connectors/clients.js';
import { quietMentions } from '../connectors/github.js';
import { redactSecrets } from '../connectors/redact.js';
import { InputError, OperationError } from '../errors.js';
import {
  buildReport,
  type PostIncidentReport,
  type RemediationItem,
  readReportInput,
} from '../forensics/report.js';
import { codeSpan } from '../store/markdown.js';
import { IncidentRepository } from '../store/repository.js';
import type { CliIo } from './io.js';

export interface ReportCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly pr?: boolean;
  readonly json?: boolean;
}

/** Where --pr finds GitHub; tests shorten the Octokit plugins' second. */
export interface ReportEnvironment {
  readonly env: NodeJS.ProcessEnv;
  readonly secondMs?: number;
}

interface Repo {
  readonly owner: string;
  readonly repo: string;
}

export interface PullRequestOutcome {
  readonly number: number;
  readonly url: string;
  readonly branch: string;
  readonly path: string;
  /** `opened`; `updated` (the file on its branch changed); `unchanged`; `merged` (already in the base). */
  readonly state: 'opened' | 'updated' | 'unchanged' | 'merged';
}

export interface IssueOutcome {
  readonly number: number;
  readonly title: string;
  readonly state: 'opened' | 'exists';
}

// GitHub's own rules for owner and repository names.
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
const ISSUE_TITLE_MAX = 256;
const REMEDIATION_LABEL = 'remediation';

function githubTarget(environment: ReportEnvironment): { repo: Repo; token: string; baseUrl?: string } {
  const { GITHUB_REPOSITORY: name, GITHUB_TOKEN: token, GITHUB_API_URL: baseUrl } = environment.env;
  const match = REPOSITORY.exec(name ?? '');
  if (!match?.[1] || !match[2]) {
    throw new InputError(
      'GITHUB_REPOSITORY',
      '--pr needs the repository to propose the report to, as owner/name',
    );
  }
  if (!token) {
    throw new InputError(
      'GITHUB_TOKEN',
      '--pr needs a token that may write contents, pull requests and issues',
    );
  }
  return { repo: { owner: match[1], repo: match[2] }, token, ...(baseUrl ? { baseUrl } : {}) };
}

const statusOf = (error: unknown) => (error as { status?: unknown } | null)?.status;

/** A GitHub call; a refusal becomes one line in GitHub's words, credentials redacted. */
async function github<T>(what: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const status = statusOf(error);
    const message = error instanceof Error ? error.message : String(error);
    throw new OperationError(
      redactSecrets(
        `${what}: ${typeof status === 'number' ? `GitHub answered HTTP ${status}: ` : ''}${message}`,
      ),
    );
  }
}

/** The commit a branch points at; undefined when there is no such branch (or the repository is empty). */
async function branchHead(octokit: Octokit, repo: Repo, branch: string): Promise<string | undefined> {
  try {
    return (await octokit.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 409) return undefined;
    return github(`reading branch ${branch}`, Promise.reject(error));
  }
}

/** The file on a branch, with its blob sha; undefined when the branch has none. */
async function fileOn(octokit: Octokit, repo: Repo, path: string, branch: string) {
  try {
    const { data } = await octokit.repos.getContent({ ...repo, path, ref: branch });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
      throw new OperationError(`${repo.owner}/${repo.repo}: ${path} on ${branch} is not a file`);
    }
    return { sha: data.sha, text: Buffer.from(data.content, 'base64').toString('utf8') };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    if (error instanceof OperationError) throw error;
    return github(`reading ${path} on ${branch}`, Promise.reject(error));
  }
}

function pullRequestBody(report: PostIncidentReport, path: string): string {
  return [
    `Blameless post-incident report for \`${report.incident}\`, generated by \`irac report ${report.incident} --pr\` from the incident's files and audit trail.`,
    '',
    `Review \`${path}\`: correct what the tooling could not know, add what people saw and did. Remediation items are issues labelled \`${report.incident}\`.`,
  ].join('\n');
}

/** Proposes the report as `postmortems/<id>.md`; one open pull request per incident, however often run. */
export async function proposeReport(
  octokit: Octokit,
  repo: Repo,
  report: PostIncidentReport,
): Promise<PullRequestOutcome> {
  const id = report.incident;
  const branch = `irac/postmortem-${id}`;
  const path = `postmortems/${id}.md`;
  const where = `${repo.owner}/${repo.repo}`;
  const { data: repository } = await github(`reading ${where}`, octokit.repos.get({ ...repo }));
  const base = repository.default_branch;
  if ((await branchHead(octokit, repo, branch)) === undefined) {
    const from = await branchHead(octokit, repo, base);
    if (from === undefined)
      throw new OperationError(`${where}: the default branch ${base} has no commit to branch from`);
    await github(
      `creating branch ${branch}`,
      octokit.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: from }),
    );
  }
  const existing = await fileOn(octokit, repo, path, branch);
  const changed = existing?.text !== report.markdown;
  if (changed) {
    await github(
      `writing ${path} on ${branch}`,
      octokit.repos.createOrUpdateFileContents({
        ...repo,
        path,
        branch,
        message: `postmortem: ${id}${existing ? ' updated' : ''}`,
        content: Buffer.from(report.markdown).toString('base64'),
        ...(existing ? { sha: existing.sha } : {}),
      }),
    );
  }
  const { data: open } = await github(
    `listing pull requests from ${branch}`,
    octokit.pulls.list({ ...repo, state: 'open', head: `${repo.owner}:${branch}`, base }),
  );
  const found = open[0];
  if (found)
    return {
      number: found.number,
      url: found.html_url,
      branch,
      path,
      state: changed ? 'updated' : 'unchanged',
    };
  try {
    const { data: pull } = await octokit.pulls.create({
      ...repo,
      title: `Post-incident report: ${id}`,
      head: branch,
      base,
      body: pullRequestBody(report, path),
    });
    return { number: pull.number, url: pull.html_url, branch, path, state: 'opened' };
  } catch (error) {
    // A report already merged leaves its branch with nothing new: there is nothing to propose.
    if (statusOf(error) === 422 && /No commits between/.test(String((error as Error).message))) {
      return { number: 0, url: '', branch, path, state: 'merged' };
    }
    return github(`opening a pull request from ${branch}`, Promise.reject(error));
  }
}

function issueTitle(id: string, item: RemediationItem): string {
  const title = `[${id}] ${quietMentions(item.text)}`;
  return title.length > ISSUE_TITLE_MAX ? `${title.slice(0, ISSUE_TITLE_MAX - 1)}…` : title;
}

/** One issue per remediation item, labelled with the incident id; found again by label and title. */
export async function fileRemediation(
  octokit: Octokit,
  repo: Repo,
  report: PostIncidentReport,
): Promise<IssueOutcome[]> {
  if (report.remediation.length === 0) return [];
  const known = await github(
    `listing issues labelled ${report.incident}`,
    octokit.paginate(octokit.issues.listForRepo, {
      ...repo,
      labels: report.incident,
      state: 'all',
      per_page: 100,
    }),
  );
  const outcomes: IssueOutcome[] = [];
  for (const item of report.remediation) {
    const title = issueTitle(report.incident, item);
    const existing = known.find((issue) => issue.title === title);
    if (existing) {
      outcomes.push({ number: existing.number, title, state: 'exists' });
      continue;
    }
    const { data: issue } = await github(
      `opening remediation issue "${title.slice(0, 80)}"`,
      octokit.issues.create({
        ...repo,
        title,
        labels: [report.incident, REMEDIATION_LABEL],
        body: [
          `Remediation item from the post-incident report of \`${report.incident}\` (\`postmortems/${report.incident}.md\`), derived from: ${item.source}.`,
          '',
          codeSpan(item.text, 2000),
        ].join('\n'),
      }),
    );
    outcomes.push({ number: issue.number, title, state: 'opened' });
  }
  return outcomes;
}

export async function reportCommand(
  id: string,
  options: ReportCommandOptions,
  io: CliIo,
  environment: ReportEnvironment = { env: process.env },
) {
  const repository = await IncidentRepository.open(options.repo ?? process.cwd());
  const config = await loadConfig({
    repoRoot: repository.root,
    ...(options.config ? { file: options.config } : {}),
  });
  const target = options.pr ? githubTarget(environment) : undefined;
  const input = await readReportInput(repository.git, id, {
    allowedSignersPath: config.signing.allowedSigners,
    requireSigned: config.signing.requireSigned,
  });
  const report = buildReport(input);
  let published: { pull_request: PullRequestOutcome; issues: IssueOutcome[] } | undefined;
  if (target) {
    const clients = createClients({
      github: {
        token: target.token,
        ...(target.baseUrl ? { baseUrl: target.baseUrl } : {}),
        ...(environment.secondMs !== undefined ? { secondMs: environment.secondMs } : {}),
      },
    });
    const octokit = await clients.github();
    const issues = await fileRemediation(octokit, target.repo, report);
    published = { pull_request: await proposeReport(octokit, target.repo, report), issues };
  }
  if (options.json) {
    io.stdout(`${JSON.stringify({ ...report, ...(published ?? {}) }, null, 2)}\n`);
    return;
  }
  io.stdout(report.markdown);
  if (published) {
    const pull = published.pull_request;
    // Standard output stays the report; what --pr did goes beside it.
    io.stderr(
      pull.state === 'merged'
        ? `report: ${pull.path} is already in the default branch; no pull request needed\n`
        : `report: pull request #${pull.number} ${pull.state}: ${pull.url}\n`,
    );
    for (const issue of published.issues)
      io.stderr(`report: issue #${issue.number} ${issue.state}: ${issue.title}\n`);
  }
}
