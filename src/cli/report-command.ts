// `irac report ID [--pr] [--json] [--repo DIR] [--config FILE]`: the blameless post-incident report.
//
// Without --pr it prints the report (Markdown, or with --json the report's parts and the Markdown as one
// object) and changes nothing. With --pr it proposes the report to the repository through the GitHub API —
// GITHUB_REPOSITORY, GITHUB_TOKEN and GITHUB_API_URL, as in a workflow — as `postmortems/<id>.md` on the
// branch `irac/postmortem-<id>`, and files each remediation item as an issue labelled with the incident id
// and `remediation`. Both are idempotent: a second run finds the open pull request and updates the file on
// its branch (or leaves it, when the report has not changed), and finds each issue again by the hidden
// marker in its body, however it was retitled.
//
// The pull request invites people to edit the report, so irac never writes over their words: the file
// ends with a hidden marker holding the sha256 of the text irac generated, and irac rewrites the file
// only while its body still hashes to its marker. Once the report is merged (its branch gone), the same
// check guards the default branch's copy.

import type { Octokit } from '@octokit/rest';
import { loadConfig } from '../config/config.js';
import { createClients } from '../connectors/clients.js';
import { quietMentions, REMEDIATION_LABEL } from '../connectors/github.js';
import { redactSecrets } from '../connectors/redact.js';
import { sha256Hex } from '../digest.js';
import { InputError, OperationError } from '../errors.js';
import {
  buildReport,
  type PostIncidentReport,
  type RemediationItem,
  readReportInput,
} from '../forensics/report.js';
import { displayText } from '../ingest/display.js';
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
  /**
   * `opened`; `updated` (the file on its branch changed); `unchanged`; `merged` (already in the base);
   * `edited` (people changed the file irac wrote, on the branch or, with no pull request open, on the
   * default branch: left as they wrote it; `number` is 0 when no pull request is open).
   */
  readonly state: 'opened' | 'updated' | 'unchanged' | 'merged' | 'edited';
}

export interface IssueOutcome {
  readonly number: number;
  readonly title: string;
  readonly state: 'opened' | 'exists';
}

// GitHub's own rules for owner and repository names.
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
const ISSUE_TITLE_MAX = 256;
const REPORT_MARKER = /\n<!-- irac:report sha256=([0-9a-f]{64}) -->\n$/;

/** The file irac writes: the report, then a marker of what irac generated, which GitHub does not render. */
export function postmortemFile(markdown: string): string {
  return `${markdown}\n<!-- irac:report sha256=${sha256Hex(markdown)} -->\n`;
}

/** Whether a file is, byte for byte, a version irac generated: its body still hashes to its marker. */
export function isGeneratedPostmortem(text: string): boolean {
  const marker = REPORT_MARKER.exec(text);
  return marker !== null && sha256Hex(text.slice(0, marker.index)) === marker[1];
}

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
  const content = postmortemFile(report.markdown);
  const where = `${repo.owner}/${repo.repo}`;
  const { data: repository } = await github(`reading ${where}`, octokit.repos.get({ ...repo }));
  const base = repository.default_branch;
  const { data: open } = await github(
    `listing pull requests from ${branch}`,
    octokit.pulls.list({ ...repo, state: 'open', head: `${repo.owner}:${branch}`, base }),
  );
  const found = open[0];
  const outcome = (state: PullRequestOutcome['state']): PullRequestOutcome =>
    found
      ? { number: found.number, url: found.html_url, branch, path, state }
      : { number: 0, url: '', branch, path, state };
  if (!found) {
    // No pull request open: the report was merged, or never proposed. The default branch's copy is the
    // one people read and edit now.
    const merged = await fileOn(octokit, repo, path, base);
    if (merged?.text === content) return outcome('merged');
    if (merged && !isGeneratedPostmortem(merged.text)) return outcome('edited');
  }
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
  if (existing && existing.text !== content && !isGeneratedPostmortem(existing.text))
    return outcome('edited');
  const changed = existing?.text !== content;
  if (changed) {
    await github(
      `writing ${path} on ${branch}`,
      octokit.repos.createOrUpdateFileContents({
        ...repo,
        path,
        branch,
        message: `postmortem: ${id}${existing ? ' updated' : ''}`,
        content: Buffer.from(content).toString('base64'),
        ...(existing ? { sha: existing.sha } : {}),
      }),
    );
  }
  if (found) return outcome(changed ? 'updated' : 'unchanged');
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
      return outcome('merged');
    }
    return github(`opening a pull request from ${branch}`, Promise.reject(error));
  }
}

/** At most `max` UTF-16 units (GitHub's measure), cut between code points, visibly. */
function cutTitle(title: string, max: number): string {
  if (title.length <= max) return title;
  let cut = '';
  for (const character of title) {
    if (cut.length + character.length > max - 1) break;
    cut += character;
  }
  return `${cut}…`;
}

/** Hidden in the issue's body: which incident and which item, so a retitled issue is still found. */
export function remediationMarker(id: string, item: RemediationItem): string {
  return `<!-- irac:remediation ${id} ${sha256Hex(item.text)} -->`;
}

/** Controls and bidi characters neutralized (GitHub would rewrite them), mentions inert, cut by code point. */
export function issueTitle(id: string, item: RemediationItem): string {
  const text = displayText(item.text, ISSUE_TITLE_MAX) ?? item.source;
  return cutTitle(`[${id}] ${quietMentions(text)}`, ISSUE_TITLE_MAX);
}

/**
 * One issue per remediation item, labelled with the incident id and `remediation`; found again by the
 * marker in its body (an issue filed before markers, by its title).
 */
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
    const marker = remediationMarker(report.incident, item);
    const existing =
      known.find((issue) => issue.body?.includes(marker)) ??
      known.find((issue) => issue.title === title && !issue.body?.includes('<!-- irac:remediation '));
    if (existing) {
      outcomes.push({ number: existing.number, title: existing.title, state: 'exists' });
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
          '',
          marker,
        ].join('\n'),
      }),
    );
    outcomes.push({ number: issue.number, title, state: 'opened' });
  }
  return outcomes;
}

function pullRequestLine(pull: PullRequestOutcome): string {
  if (pull.state === 'merged') return `${pull.path} is already in the default branch; no pull request needed`;
  if (pull.state === 'edited')
    return `${pull.path} ${pull.number > 0 ? `on ${pull.branch} (pull request #${pull.number})` : 'in the default branch'} was edited by people; left as they wrote it`;
  return `pull request #${pull.number} ${pull.state}: ${pull.url}`;
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
    io.stderr(`report: ${pullRequestLine(pull)}\n`);
    for (const issue of published.issues)
      io.stderr(`report: issue #${issue.number} ${issue.state}: ${issue.title}\n`);
  }
}
