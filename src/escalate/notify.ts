// Paging a role: a reply in each of the incident's Slack threads mentioning the role's user group, and a
// comment on the incident's ticket (the open issue labelled with its id) mentioning its GitHub team. The
// text is built from the incident id, its severity and the matrix only — nothing an event's sender wrote —
// so the one mention in it is the one the configuration asked for.
//
// The comment carries a hidden marker per incident, severity and level: a run that paged but died before
// recording it finds its comment on the next run instead of posting it twice — a comment irac's own
// identity wrote; the same marker posted by anyone else does not count. A Slack reply has no such handle,
// so it may be sent twice in that one case; a page sent twice is the lesser failure than one never sent.
//
// A refusal (the bot is not in the channel, the channel is archived, the thread is gone, the issue is
// locked) is final for that place and that level: it is reported as skipped, with Slack's or GitHub's
// reason, and the other places are still paged. Only a failure that may pass (no answer, a 5xx, a rate
// limit) is worth another run; escalate.ts records the level unless that is all that happened.

import type { Octokit } from '@octokit/rest';
import type { Clients } from '../connectors/clients.js';
import { ConnectorUnavailable } from '../connectors/clients.js';
import { commentMarker, githubSelf, writtenBySelf } from '../connectors/github.js';
import type { Severity } from '../types.js';
import type { EscalationRole } from './roles.js';
import type { EscalationLevel } from './schedule.js';

/** One place a level was delivered to, as the audit entry records it. */
export interface Delivery {
  readonly [key: string]: string | number;
  readonly via: 'slack' | 'github';
  /** `#channel thread 1712.000100` or `owner/name#12`. */
  readonly where: string;
  /** Slack's ts of the reply, or the comment's URL. */
  readonly ref: string;
}

export interface Notification {
  readonly delivered: readonly Delivery[];
  /** Why a way of paging was not used: no thread, no ticket, no token, a refusal. */
  readonly skipped: readonly string[];
  /** Places that failed in a way a later run may not (no answer, 5xx, rate limit), with why. */
  readonly failed: readonly string[];
}

/** What a page collects while it tries each place. */
interface Outcome {
  readonly delivered: Delivery[];
  readonly skipped: string[];
  readonly failed: string[];
}

export interface PageRequest {
  readonly incident: string;
  readonly severity: Severity;
  readonly level: EscalationLevel;
  readonly role: EscalationRole | undefined;
  /** The incident's threads, channel → ts of the thread's first message (incident.yaml notifications). */
  readonly threads: Readonly<Record<string, string>>;
  readonly clients: Clients;
}

const TS = /^[0-9]{1,10}\.[0-9]{6}$/;

function headline(request: PageRequest): string {
  const { level, severity, incident } = request;
  const when = level.level === 1 ? 'recorded' : `unacknowledged ${level.after} after it was recorded`;
  return `escalation ${level.level}/${level.of} (${level.role}): ${severity} incident ${incident}, ${when}`;
}

const howToAck = (incident: string) =>
  `Acknowledge with a \`/ack\` comment on the incident's issue, or \`irac ack ${incident} --by <you>\`.`;

export function slackText(request: PageRequest): string {
  const group = request.role?.slack_user_group;
  const who = group ? `<!subteam^${group}>` : request.level.role;
  return `${who} ${headline(request)}. ${howToAck(request.incident)}`;
}

export function githubText(request: PageRequest): string {
  const team = request.role?.github_team;
  const who = team ? `@${team}` : `\`${request.level.role}\``;
  return `${who} ${headline(request)}.\n\n${howToAck(request.incident)}`;
}

/** The hidden marker of a level's comment: the same for every run that pages that level of that chain. */
export const levelMarker = (incident: string, severity: Severity, level: number) =>
  commentMarker(incident, `escalate ${severity} level ${level}`);

async function reachable(clients: Clients, action: string): Promise<string | undefined> {
  try {
    await clients.available(action);
    return undefined;
  } catch (error) {
    if (error instanceof ConnectorUnavailable) return error.message;
    throw error;
  }
}

/** Slack's refusal code (`not_in_channel`, `is_archived`, `thread_not_found`), or undefined for any other failure. */
async function slackRefusal(error: unknown): Promise<string | undefined> {
  const { WebAPIPlatformError } = await import('@slack/web-api');
  return error instanceof WebAPIPlatformError ? String(error.data.error) : undefined;
}

/** A 4xx GitHub answered for good: not a rate limit, which passes. */
function githubRefusal(error: unknown): string | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500 || status === 429) return undefined;
  const message = error instanceof Error ? error.message : '';
  return /rate limit/i.test(message) ? undefined : `HTTP ${status}: ${message}`.slice(0, 300);
}

const failureText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 300);

async function pageInSlack(request: PageRequest, outcome: Outcome): Promise<void> {
  const threads = Object.entries(request.threads).filter(([, ts]) => TS.test(ts));
  if (threads.length === 0) {
    outcome.skipped.push('slack: the incident has no thread');
    return;
  }
  const unavailable = await reachable(request.clients, 'slack:chat.postMessage');
  if (unavailable) {
    outcome.skipped.push(`slack: ${unavailable}`);
    return;
  }
  const client = await request.clients.slack();
  const text = slackText(request);
  for (const [channel, thread] of threads) {
    const where = `${channel} thread ${thread}`;
    try {
      const posted = await client.chat.postMessage({
        channel,
        thread_ts: thread,
        text,
        unfurl_links: false,
        unfurl_media: false,
      });
      outcome.delivered.push({ via: 'slack', where, ref: posted.ts ?? '' });
    } catch (error) {
      const refused = await slackRefusal(error);
      if (refused !== undefined) outcome.skipped.push(`slack: ${where}: refused: ${refused}`);
      else outcome.failed.push(`slack: ${where}: ${failureText(error)}`);
    }
  }
}

/** The oldest open issue (not pull request) labelled with the incident id: its ticket. */
async function ticketOf(octokit: Octokit, owner: string, repo: string, incident: string) {
  const { data } = await octokit.issues.listForRepo({
    owner,
    repo,
    labels: incident,
    state: 'open',
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
  return data.find((issue) => issue.pull_request === undefined);
}

async function pageOnGitHub(request: PageRequest, outcome: Outcome): Promise<void> {
  const unavailable = await reachable(request.clients, 'github:issues.createComment');
  if (unavailable) {
    outcome.skipped.push(`github: ${unavailable}`);
    return;
  }
  try {
    await commentOnTicket(request, outcome);
  } catch (error) {
    const refused = githubRefusal(error);
    if (refused !== undefined) outcome.skipped.push(`github: refused: ${refused}`);
    else outcome.failed.push(`github: ${failureText(error)}`);
  }
}

async function commentOnTicket(request: PageRequest, { delivered, skipped }: Outcome): Promise<void> {
  const repository = request.clients.githubRepository();
  const [owner = '', repo = ''] = repository.split('/');
  const octokit = await request.clients.github();
  const ticket = await ticketOf(octokit, owner, repo, request.incident);
  if (!ticket) {
    skipped.push(`github: no open issue in ${repository} is labelled ${request.incident}`);
    return;
  }
  const where = `${repository}#${ticket.number}`;
  const marker = levelMarker(request.incident, request.level.severity, request.level.level);
  const comments = await octokit.paginate(octokit.issues.listComments, {
    owner,
    repo,
    issue_number: ticket.number,
    per_page: 100,
  });
  const marked = comments.filter((comment) => comment.body?.trimEnd().endsWith(marker));
  const self = marked.length > 0 ? await githubSelf(octokit) : undefined;
  const earlier = self && marked.find((comment) => writtenBySelf(self, comment));
  if (earlier) {
    delivered.push({ via: 'github', where, ref: earlier.html_url });
    return;
  }
  const { data } = await octokit.issues.createComment({
    owner,
    repo,
    issue_number: ticket.number,
    body: `${githubText(request)}\n\n${marker}`,
  });
  delivered.push({ via: 'github', where, ref: data.html_url });
}

/** Pages the level's role wherever the incident is discussed; a place that fails does not stop the others. */
export async function pageRole(request: PageRequest): Promise<Notification> {
  const outcome: Outcome = { delivered: [], skipped: [], failed: [] };
  if (!request.role) outcome.skipped.push(`${request.level.role}: no Slack user group or GitHub team mapped`);
  await pageInSlack(request, outcome);
  await pageOnGitHub(request, outcome);
  return outcome;
}
