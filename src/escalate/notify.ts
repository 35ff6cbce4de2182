// Paging a role: a reply in each of the incident's Slack threads mentioning the role's user group, and a
// comment on the incident's ticket (the open issue labelled with its id) mentioning its GitHub team. The
// text is built from the incident id, its severity and the matrix only — nothing an event's sender wrote —
// so the one mention in it is the one the configuration asked for.
//
// The comment carries a hidden marker per incident and level: a run that paged but died before recording
// it finds its comment on the next run instead of posting it twice. A Slack reply has no such handle, so
// it may be sent twice in that one case; a page sent twice is the lesser failure than one never sent.

import type { Octokit } from '@octokit/rest';
import type { Clients } from '../connectors/clients.js';
import { ConnectorUnavailable } from '../connectors/clients.js';
import { commentMarker } from '../connectors/github.js';
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
  /** Why a way of paging was not used: no thread, no ticket, no token. */
  readonly skipped: readonly string[];
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

/** The hidden marker of a level's comment: the same for every run that pages that level. */
export const levelMarker = (incident: string, level: number) =>
  commentMarker(incident, `escalate level ${level}`);

async function reachable(clients: Clients, action: string): Promise<string | undefined> {
  try {
    await clients.available(action);
    return undefined;
  } catch (error) {
    if (error instanceof ConnectorUnavailable) return error.message;
    throw error;
  }
}

async function pageInSlack(request: PageRequest, delivered: Delivery[], skipped: string[]): Promise<void> {
  const threads = Object.entries(request.threads).filter(([, ts]) => TS.test(ts));
  if (threads.length === 0) {
    skipped.push('slack: the incident has no thread');
    return;
  }
  const unavailable = await reachable(request.clients, 'slack:chat.postMessage');
  if (unavailable) {
    skipped.push(`slack: ${unavailable}`);
    return;
  }
  const client = await request.clients.slack();
  const text = slackText(request);
  for (const [channel, thread] of threads) {
    const posted = await client.chat.postMessage({
      channel,
      thread_ts: thread,
      text,
      unfurl_links: false,
      unfurl_media: false,
    });
    delivered.push({ via: 'slack', where: `${channel} thread ${thread}`, ref: posted.ts ?? '' });
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

async function pageOnGitHub(request: PageRequest, delivered: Delivery[], skipped: string[]): Promise<void> {
  const unavailable = await reachable(request.clients, 'github:issues.createComment');
  if (unavailable) {
    skipped.push(`github: ${unavailable}`);
    return;
  }
  const repository = request.clients.githubRepository();
  const [owner = '', repo = ''] = repository.split('/');
  const octokit = await request.clients.github();
  const ticket = await ticketOf(octokit, owner, repo, request.incident);
  if (!ticket) {
    skipped.push(`github: no open issue in ${repository} is labelled ${request.incident}`);
    return;
  }
  const where = `${repository}#${ticket.number}`;
  const marker = levelMarker(request.incident, request.level.level);
  const comments = await octokit.paginate(octokit.issues.listComments, {
    owner,
    repo,
    issue_number: ticket.number,
    per_page: 100,
  });
  const earlier = comments.find((comment) => comment.body?.trimEnd().endsWith(marker));
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

/** Pages the level's role wherever the incident is discussed; a refusal by either service throws. */
export async function pageRole(request: PageRequest): Promise<Notification> {
  const delivered: Delivery[] = [];
  const skipped: string[] = [];
  if (!request.role) skipped.push(`${request.level.role}: no Slack user group or GitHub team mapped`);
  await pageInSlack(request, delivered, skipped);
  await pageOnGitHub(request, delivered, skipped);
  return { delivered, skipped };
}
