// Externally anchored audit heads. Whoever can force-push can rewrite the branch, and `irac verify` would
// then check the rewritten history against itself. So each incident's audit head — the seq and hash of the
// last entry of its audit.jsonl, and the commit that appended it — is posted where the repository's
// writers cannot take it back: a reply in each of the incident's Slack threads and a comment on its ticket
// (the issue labelled with its id). `verifyAnchors` fetches every anchor back and proves the local history
// still holds it: the chain at HEAD has that entry at that seq, and the commit is an ancestor of HEAD. It
// finds them without asking that history where to look — it reads the configured channels' history and
// threads and every issue comment of the repository — so dropping an incident or its ticket's label hides
// nothing.
//
// An anchor is one line and nothing else, read back by a strict regex, posted by irac's own Slack bot or
// GitHub token and never edited; the same line from anyone else is only worth a warning, an edited one is
// a problem. Everything else in a thread or on a ticket is ignored. The line holds only the id, numbers and hashes — nothing from an event — so it can
// never carry a mention or a link. Posting is idempotent: a place whose newest anchor is already this head
// gets nothing new.

import type { Octokit } from '@octokit/rest';
import type { ConversationsListResponse, ConversationsRepliesResponse, WebClient } from '@slack/web-api';
import { type Clients, ConnectorUnavailable } from '../connectors/clients.js';
import { type GitHubSelf, githubSelf, writtenBySelf } from '../connectors/github.js';
import type { Playbook } from '../playbooks/playbook.js';
import type { AuditEntry } from '../store/audit.js';
import type { Git, ObjectStore } from '../store/git.js';
import { parseIncident } from '../store/incident.js';
import { auditFile, INCIDENTS_DIR, incidentDir, incidentFile } from '../store/layout.js';
import { parseAuditEntries } from '../store/record.js';

/** An incident's audit head: its last audit entry, and the commit that appended it. */
export interface AuditHead {
  readonly incident: string;
  readonly seq: number;
  /** The entry's hash (sha256 hex). */
  readonly entry: string;
  readonly commit: string;
}

/** An anchor as found outside the repository. */
export interface PostedAnchor extends AuditHead {
  readonly via: 'slack' | 'github';
  /** `#ir-aws thread 1712345678.000100`, or `owner/name#12`. */
  readonly where: string;
  /** Slack's ts of the reply, or the comment's URL. */
  readonly ref: string;
}

const INCIDENT_ID = 'IR-\\d{8}-[0-9a-hjkmnp-tv-z]{8}';
const ANCHOR = new RegExp(
  `^irac anchor (${INCIDENT_ID}) seq ([1-9][0-9]{0,14}) entry ([0-9a-f]{64}) commit ([0-9a-f]{40}|[0-9a-f]{64})$`,
);
const INCIDENT_TREE = new RegExp(`^${INCIDENTS_DIR}/\\d{4}/\\d{2}/(${INCIDENT_ID})$`);
const LABEL = new RegExp(`^${INCIDENT_ID}$`);
const THREAD_TS = /^[0-9]{1,10}\.[0-9]{6}$/;
const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;

export function anchorLine(head: AuditHead): string {
  return `irac anchor ${head.incident} seq ${head.seq} entry ${head.entry} commit ${head.commit}`;
}

/** The head a message or comment anchors, when its whole text is an anchor line; anything else is not one. */
export function parseAnchorLine(text: string | undefined): AuditHead | undefined {
  const match = ANCHOR.exec((text ?? '').trim());
  if (!match) return undefined;
  const [, incident = '', seq = '', entry = '', commit = ''] = match;
  return { incident, seq: Number(seq), entry, commit };
}

// ---------------------------------------------------------------------------------------------------------
// The store, as anchoring reads it at one commit

/** What anchoring needs of an incident at one commit: where it is discussed, and its audit chain. */
export interface IncidentAtCommit {
  readonly id: string;
  /** incident.yaml `notifications`: channel as the steps name it → ts of the thread's first message. */
  readonly threads: Readonly<Record<string, string>>;
  readonly entries: readonly AuditEntry[];
}

/** Every incident id in the tree of `commit`. */
export async function incidentsAt(git: Git, commit: string): Promise<string[]> {
  const trees = await git.output(['ls-tree', '-r', '-d', '--name-only', commit, '--', INCIDENTS_DIR]);
  return trees.split('\n').flatMap((path) => INCIDENT_TREE.exec(path)?.[1] ?? []);
}

export async function readIncidentAt(
  objects: ObjectStore,
  commit: string,
  id: string,
): Promise<IncidentAtCommit | undefined> {
  const [yaml, audit] = await Promise.all([
    objects.readBlob(`${commit}:${incidentFile(id)}`),
    objects.readBlob(`${commit}:${auditFile(id)}`),
  ]);
  if (yaml === undefined) return undefined;
  const incident = parseIncident(yaml.toString('utf8'), incidentFile(id));
  const threads = Object.fromEntries(
    Object.entries(incident.notifications).filter(([, ts]) => THREAD_TS.test(ts)),
  );
  return { id, threads, entries: parseAuditEntries(audit?.toString('utf8') ?? '') };
}

/** The incident's head at `commit`: its last entry, and the commit (at or before `commit`) that appended it. */
export async function headOf(
  git: Git,
  commit: string,
  incident: IncidentAtCommit,
): Promise<AuditHead | undefined> {
  const last = incident.entries.at(-1);
  if (!last) return undefined;
  const appended = await git.output(['log', '-1', '--format=%H', commit, '--', auditFile(incident.id)]);
  return { incident: incident.id, seq: last.seq, entry: last.hash, commit: appended };
}

// ---------------------------------------------------------------------------------------------------------
// Who posts anchors: irac's own bot and token, and nobody else

/** An anchor-looking line as found outside the repository, before it is trusted as an anchor. */
interface FoundLine extends PostedAnchor {
  /** Posted by irac's own bot or token: anything else is somebody typing an anchor line. */
  readonly ours: boolean;
  /** Changed after it was posted: irac never edits an anchor. */
  readonly edited: boolean;
  /** Who posted it, as the service names them. */
  readonly by: string;
}

/** The Slack identity irac posts as: the bot user, and the bot itself (auth.test). */
interface SlackSelf {
  readonly userId: string;
  readonly botId: string;
}

/** A Slack message as the anchor reading needs it. */
interface SlackMessage {
  readonly ts?: string;
  readonly text?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly edited?: unknown;
  readonly reply_count?: number;
}

function slackLine(self: SlackSelf, message: SlackMessage, where: string): FoundLine | undefined {
  const head = parseAnchorLine(message.text);
  if (!head) return undefined;
  const ours =
    (self.botId !== '' && message.bot_id === self.botId) ||
    (self.userId !== '' && message.user === self.userId);
  return {
    ...head,
    via: 'slack',
    where,
    ref: message.ts ?? '',
    ours,
    edited: message.edited !== undefined,
    by: message.bot_id ? `bot ${message.bot_id}` : `user ${message.user ?? 'unknown'}`,
  };
}

/** A comment as the anchor reading needs it. */
interface IssueComment {
  readonly body?: string;
  readonly html_url: string;
  readonly issue_url: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly user: { readonly login: string } | null;
  readonly performed_via_github_app?: { readonly slug?: string } | null;
}

function githubLine(self: GitHubSelf, comment: IssueComment, where: string): FoundLine | undefined {
  const head = parseAnchorLine(comment.body);
  if (!head) return undefined;
  const author = comment.user?.login ?? 'a deleted user';
  const ours = writtenBySelf(self, comment);
  return {
    ...head,
    via: 'github',
    where,
    ref: comment.html_url,
    ours,
    edited: comment.updated_at !== comment.created_at,
    by: author,
  };
}

/** Only irac's own, unedited lines are anchors, when posting as when checking. */
const trusted = (line: FoundLine) => line.ours && !line.edited;

// ---------------------------------------------------------------------------------------------------------
// The places anchors go: Slack threads and GitHub tickets

/** A thread or ticket that is no longer there to read or post in (deleted, archived away, moved). */
export class AnchorPlaceGone extends Error {}

interface AnchorPlace {
  readonly via: 'slack' | 'github';
  readonly where: string;
  /** Every anchor-looking line in it, oldest first. */
  read(): Promise<FoundLine[]>;
  /** Posts the line; resolves with the reply's ts or the comment's URL. */
  post(line: string): Promise<string>;
}

async function slackErrorCode(error: unknown): Promise<string | undefined> {
  const { WebAPIPlatformError } = await import('@slack/web-api');
  return error instanceof WebAPIPlatformError ? error.data.error : undefined;
}

/** The Slack refusals that mean the thread is not there (any other failure is the caller's to hear). */
async function whenGone<T>(where: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const code = await slackErrorCode(error);
    if (code === 'thread_not_found' || code === 'channel_not_found' || code === 'is_archived') {
      throw new AnchorPlaceGone(`${where}: ${code}`);
    }
    throw error;
  }
}

/**
 * Channel ids by name. The conversations.* methods take ids only, while incident.yaml keys a thread by the
 * channel as the steps name it (`#ir-aws`). Public channels are listed first, private ones only when a
 * name is still unknown, so a workspace whose incident channels are public needs no groups:read. Archived
 * channels are listed too: their anchors still count.
 */
function channelDirectory(client: WebClient): (channel: string) => Promise<string | undefined> {
  const byName = new Map<string, string>();
  const listed = new Set<string>();
  const list = async (types: string) => {
    if (listed.has(types)) return;
    listed.add(types);
    for await (const page of client.paginate('conversations.list', {
      types,
      exclude_archived: false,
      limit: 200,
    })) {
      for (const channel of (page as ConversationsListResponse).channels ?? []) {
        if (channel.id && channel.name) byName.set(channel.name, channel.id);
      }
    }
  };
  return async (channel) => {
    if (CHANNEL_ID.test(channel)) return channel;
    const name = channel.replace(/^#/, '');
    for (const types of ['public_channel', 'private_channel']) {
      if (byName.has(name)) break;
      await list(types);
    }
    return byName.get(name);
  };
}

/** Slack as a run reaches it: the client, channel ids by name, and who the bot is (asked once). */
interface SlackReach {
  readonly client: WebClient;
  readonly channelId: (channel: string) => Promise<string | undefined>;
  readonly self: () => Promise<SlackSelf>;
}

function slackThread(slack: SlackReach, channel: string, thread: string): AnchorPlace {
  const { client } = slack;
  const where = `${channel} thread ${thread}`;
  const id = async () => {
    const found = await slack.channelId(channel);
    if (!found) throw new AnchorPlaceGone(`${where}: the bot sees no channel ${channel}`);
    return found;
  };
  return {
    via: 'slack',
    where,
    read: async () => {
      const channelIdFound = await id();
      const self = await slack.self();
      const lines: FoundLine[] = [];
      await whenGone(where, async () => {
        for await (const page of client.paginate('conversations.replies', {
          channel: channelIdFound,
          ts: thread,
          limit: 200,
        })) {
          for (const message of (page as ConversationsRepliesResponse).messages ?? []) {
            const line = slackLine(self, message, where);
            if (line) lines.push(line);
          }
        }
      });
      return lines;
    },
    post: async (line) => {
      const channelIdFound = await id();
      const posted = await whenGone(where, () =>
        client.chat.postMessage({
          channel: channelIdFound,
          thread_ts: thread,
          text: line,
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      return posted.ts ?? '';
    },
  };
}

/** An issue as the ticket lookups need it. */
interface Ticket {
  readonly number: number;
  readonly state: string;
  readonly labels: readonly (string | { name?: string | null })[];
  readonly pull_request?: unknown;
}

interface GitHubRepo {
  readonly octokit: Octokit;
  readonly repository: string;
  readonly owner: string;
  readonly repo: string;
  readonly self: () => Promise<GitHubSelf>;
}

const labelNames = (ticket: Ticket) =>
  ticket.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? '')));

/** Issues (not pull requests) labelled with the incident id, open or closed, oldest first. */
async function ticketsLabelled(github: GitHubRepo, incident: string): Promise<Ticket[]> {
  const { octokit, owner, repo } = github;
  const issues: Ticket[] = await octokit.paginate(octokit.issues.listForRepo, {
    owner,
    repo,
    labels: incident,
    state: 'all',
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
  return issues.filter((issue) => issue.pull_request === undefined);
}

/** Every issue of the repository labelled with an incident id, by incident, oldest first. */
async function everyTicket(github: GitHubRepo): Promise<Map<string, Ticket[]>> {
  const { octokit, owner, repo } = github;
  const issues: Ticket[] = await octokit.paginate(octokit.issues.listForRepo, {
    owner,
    repo,
    state: 'all',
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
  const byIncident = new Map<string, Ticket[]>();
  for (const issue of issues) {
    if (issue.pull_request !== undefined) continue;
    for (const label of labelNames(issue).filter((name) => LABEL.test(name))) {
      byIncident.set(label, [...(byIncident.get(label) ?? []), issue]);
    }
  }
  return byIncident;
}

function githubTicket(github: GitHubRepo, issueNumber: number): AnchorPlace {
  const { octokit, owner, repo } = github;
  const where = `${github.repository}#${issueNumber}`;
  return {
    via: 'github',
    where,
    read: async () => {
      const self = await github.self();
      const comments: IssueComment[] = await octokit.paginate(octokit.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      return comments.flatMap((comment) => githubLine(self, comment, where) ?? []);
    },
    post: async (line) => {
      const { data } = await octokit.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body: line,
      });
      return data.html_url;
    },
  };
}

/** Memoizes one call: the identity is asked of a service once per run, and only when needed. */
function once<T>(call: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => {
    result ??= call();
    return result;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reaching the services

/** The services this run can reach, and why the others were skipped. */
interface Reach {
  readonly slack?: SlackReach;
  readonly github?: GitHubRepo;
  readonly skipped: { slack?: string; github?: string };
}

async function unavailable(check: () => Promise<unknown> | unknown): Promise<string | undefined> {
  try {
    await check();
    return undefined;
  } catch (error) {
    if (error instanceof ConnectorUnavailable) return error.message;
    throw error;
  }
}

async function reach(clients: Clients, action: 'read' | 'post'): Promise<Reach> {
  const slackWhy = await unavailable(() =>
    clients.available(action === 'post' ? 'slack:chat.postMessage' : 'slack:conversations.replies'),
  );
  const githubWhy = await unavailable(async () => {
    await clients.available(action === 'post' ? 'github:issues.createComment' : 'github:issues.listComments');
    clients.githubRepository();
  });
  let slack: SlackReach | undefined;
  if (slackWhy === undefined) {
    const client = await clients.slack();
    const self = once(async () => {
      const auth = await client.auth.test();
      return { userId: auth.user_id ?? '', botId: auth.bot_id ?? '' };
    });
    slack = { client, channelId: channelDirectory(client), self };
  }
  let github: GitHubRepo | undefined;
  if (githubWhy === undefined) {
    const repository = clients.githubRepository();
    const [owner = '', repo = ''] = repository.split('/');
    const octokit = await clients.github();
    github = { octokit, repository, owner, repo, self: once(() => githubSelf(octokit)) };
  }
  return {
    ...(slack ? { slack } : {}),
    ...(github ? { github } : {}),
    skipped: {
      ...(slackWhy ? { slack: slackWhy } : {}),
      ...(githubWhy ? { github: githubWhy } : {}),
    },
  };
}

/** The places of an incident this run can reach: its threads, and its tickets (open ones only, to post). */
function placesOf(reached: Reach, incident: IncidentAtCommit, tickets: readonly Ticket[]) {
  const places: AnchorPlace[] = [];
  const { slack, github } = reached;
  if (slack) {
    for (const [channel, thread] of Object.entries(incident.threads)) {
      places.push(slackThread(slack, channel, thread));
    }
  }
  if (github) for (const ticket of tickets) places.push(githubTicket(github, ticket.number));
  return places;
}

/** Why a service was not used, when it mattered: Slack only when some incident has a thread. */
function skippedWarnings(reached: Reach, anyThread: boolean): string[] {
  return [
    ...(reached.skipped.slack && anyThread ? [`Slack skipped: ${reached.skipped.slack}`] : []),
    ...(reached.skipped.github ? [`GitHub skipped: ${reached.skipped.github}`] : []),
  ];
}

const reachedAny = (reached: Reach) => reached.slack !== undefined || reached.github !== undefined;

// ---------------------------------------------------------------------------------------------------------
// Posting

export interface AnchoredIncident {
  readonly incident: string;
  readonly head: AuditHead;
  /** Where this run posted the head. */
  readonly posted: readonly PostedAnchor[];
  /** Places whose newest anchor already was this head. */
  readonly current: readonly string[];
}

export interface AnchoringReport {
  readonly anchored: readonly AnchoredIncident[];
  /** Services skipped, threads and tickets gone: things to know that did not stop anything. */
  readonly warnings: readonly string[];
  /** False when neither Slack nor GitHub could be reached: nothing was read or posted. */
  readonly reachable: boolean;
}

/**
 * Posts the heads at `commit` of the incidents `ids` (all of them with a thread or ticket when `ids` is
 * undefined) in each of their threads and on their open ticket, where the newest anchor is not that head.
 */
export async function postAnchors(
  git: Git,
  commit: string,
  ids: readonly string[] | undefined,
  clients: Clients,
): Promise<AnchoringReport> {
  const reached = await reach(clients, 'post');
  if (!reachedAny(reached)) return { anchored: [], warnings: [], reachable: false };
  const objects = await git.objects();
  try {
    const all = ids === undefined && reached.github ? await everyTicket(reached.github) : undefined;
    const wanted = ids ?? (await incidentsAt(git, commit));
    const incidents = await Promise.all(wanted.map((id) => readIncidentAt(objects, commit, id)));
    const warnings = skippedWarnings(
      reached,
      incidents.some((incident) => incident && Object.keys(incident.threads).length > 0),
    );
    const anchored: AnchoredIncident[] = [];
    for (const incident of incidents) {
      if (!incident) continue;
      const tickets = !reached.github
        ? []
        : all
          ? (all.get(incident.id) ?? [])
          : await ticketsLabelled(reached.github, incident.id);
      // The ticket is the oldest open issue labelled with the id, as github:create_issue finds it.
      const ticket = tickets.filter((issue) => issue.state === 'open').slice(0, 1);
      const places = placesOf(reached, incident, ticket);
      const head = places.length > 0 ? await headOf(git, commit, incident) : undefined;
      if (head) anchored.push(await anchorIn(places, head, warnings));
    }
    return { anchored, warnings, reachable: true };
  } finally {
    await objects.close();
  }
}

async function anchorIn(places: readonly AnchorPlace[], head: AuditHead, warnings: string[]) {
  const line = anchorLine(head);
  const posted: PostedAnchor[] = [];
  const current: string[] = [];
  for (const place of places) {
    try {
      const newest = (await place.read())
        .filter((line) => trusted(line) && line.incident === head.incident)
        .at(-1);
      if (newest && anchorLine(newest) === line) {
        current.push(place.where);
        continue;
      }
      const ref = await place.post(line);
      posted.push({ ...head, via: place.via, where: place.where, ref });
    } catch (error) {
      if (!(error instanceof AnchorPlaceGone)) throw error;
      warnings.push(`${head.incident}: not anchored in ${error.message}`);
    }
  }
  return { incident: head.incident, head, posted, current };
}

// ---------------------------------------------------------------------------------------------------------
// Collecting and checking

/**
 * Where anchors are looked for, from the configuration rather than from the history being checked: the
 * channels the playbooks' slack:post_message steps post to, and the repository's issue comments when some
 * step works on GitHub. A channel written as a template is not known until an incident renders it.
 */
export interface AnchorSources {
  readonly channels: readonly string[];
  readonly github: boolean;
}

export function anchorSourcesOf(playbooks: readonly Playbook[]): AnchorSources {
  const steps = playbooks.flatMap((playbook) => playbook.steps);
  const channels = steps.flatMap((step) => {
    const written = step.action.runs === 'slack:post_message' ? step.parameters.channel?.written : undefined;
    return typeof written === 'string' && !written.includes('{{') ? [written] : [];
  });
  return {
    channels: [...new Set(channels)].sort(),
    github: steps.some((step) => step.action.runs.startsWith('github:')),
  };
}

export interface IncidentAnchors {
  readonly incident: string;
  /** Anchors found and checked. */
  readonly checked: number;
  /** Where they were found, with how many each. */
  readonly places: readonly { readonly where: string; readonly anchors: number }[];
}

export interface AnchorVerification {
  readonly incidents: readonly IncidentAnchors[];
  /**
   * One per anchor the local history does not hold, naming the incident, the place, the seq and hash;
   * one per edited anchor; one per place the anchors are looked for that cannot be read.
   */
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  /** Incidents at HEAD with an audit trail and no anchor found anywhere. */
  readonly unanchored: readonly string[];
  readonly reachable: boolean;
}

/** What a service answered when it refused: Slack's error code, or GitHub's status and message. */
async function refusalOf(error: unknown): Promise<string | undefined> {
  const code = await slackErrorCode(error);
  if (code !== undefined) return code;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? `${status} ${(error as Error).message}` : undefined;
}

/** Runs a read; a refusal becomes a problem (the anchors there are unknown), anything else is thrown. */
async function readOr(problems: string[], what: string, read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch (error) {
    const refusal = await refusalOf(error);
    if (refusal === undefined) throw error;
    problems.push(`${what}: anchors cannot be read: ${refusal}`);
  }
}

/** Every anchor-looking line in a channel: its messages and every thread's replies, archived or not. */
async function linesInChannel(slack: SlackReach, channel: string, lines: FoundLine[], warnings: string[]) {
  const id = await slack.channelId(channel);
  if (!id) {
    warnings.push(`Slack ${channel}: the bot sees no such channel: no anchor read there`);
    return;
  }
  const self = await slack.self();
  for await (const page of slack.client.paginate('conversations.history', { channel: id, limit: 200 })) {
    for (const message of (page as { messages?: SlackMessage[] }).messages ?? []) {
      const line = slackLine(self, message, `${channel} ${message.ts ?? ''}`);
      if (line) lines.push(line);
      if ((message.reply_count ?? 0) === 0 || !message.ts) continue;
      const where = `${channel} thread ${message.ts}`;
      for await (const replies of slack.client.paginate('conversations.replies', {
        channel: id,
        ts: message.ts,
        limit: 200,
      })) {
        for (const reply of (replies as ConversationsRepliesResponse).messages ?? []) {
          const found = reply.ts === message.ts ? undefined : slackLine(self, reply, where);
          if (found) lines.push(found);
        }
      }
    }
  }
}

/** Every anchor-looking comment of the repository, on any issue, labelled or not. */
async function linesInComments(github: GitHubRepo, lines: FoundLine[]) {
  const { octokit, owner, repo } = github;
  const self = await github.self();
  const comments: IssueComment[] = await octokit.paginate(octokit.issues.listCommentsForRepo, {
    owner,
    repo,
    per_page: 100,
  });
  for (const comment of comments) {
    const issue = /\/issues\/([0-9]+)$/.exec(comment.issue_url)?.[1] ?? '?';
    const line = githubLine(self, comment, `${github.repository}#${issue}`);
    if (line) lines.push(line);
  }
}

/**
 * Finds every anchor where irac posts them — the configured channels' history and threads, the
 * repository's issue comments — without asking the history being checked where to look, and checks each
 * against `head`. Under verification a service that cannot be read is a problem, not a warning: its
 * anchors could be the ones that say the history was rewritten.
 */
export async function verifyAnchors(
  git: Git,
  head: string,
  clients: Clients,
  sources: AnchorSources,
): Promise<AnchorVerification> {
  const reached = await reach(clients, 'read');
  if (!reachedAny(reached)) {
    return { incidents: [], problems: [], warnings: [], unanchored: [], reachable: false };
  }
  const problems: string[] = [];
  const warnings: string[] = [];
  if (sources.channels.length > 0 && reached.skipped.slack) {
    problems.push(`Slack: anchors cannot be read: ${reached.skipped.slack}`);
  }
  if (sources.github && reached.skipped.github) {
    problems.push(`GitHub: anchors cannot be read: ${reached.skipped.github}`);
  }
  const lines: FoundLine[] = [];
  const { slack, github } = reached;
  if (slack) {
    for (const channel of sources.channels) {
      await readOr(problems, `Slack ${channel}`, () => linesInChannel(slack, channel, lines, warnings));
    }
  }
  if (github) await readOr(problems, `GitHub ${github.repository}`, () => linesInComments(github, lines));

  const objects = await git.objects();
  try {
    const atHead = await incidentsAt(git, head);
    const ids = [...new Set([...atHead, ...lines.map((line) => line.incident)])].sort();
    const incidents = new Map<string, IncidentAtCommit | undefined>();
    for (const id of ids) incidents.set(id, await readIncidentAt(objects, head, id));
    const checks = new AnchorChecks(git, head);
    const report: IncidentAnchors[] = [];
    for (const id of ids) {
      const incident = incidents.get(id);
      const places = new Map<string, number>();
      for (const line of lines.filter((candidate) => candidate.incident === id)) {
        if (!line.ours) {
          warnings.push(
            `${line.where} (${line.ref}): an anchor line for ${id} posted by ${line.by}, not by irac: not an anchor`,
          );
          continue;
        }
        places.set(line.where, (places.get(line.where) ?? 0) + 1);
        const problem = line.edited
          ? editedProblem(line, incident)
          : await checks.problemWith(line, incident);
        if (problem) problems.push(problem);
      }
      const checked = [...places.values()].reduce((sum, count) => sum + count, 0);
      if (checked > 0) {
        report.push({
          incident: id,
          checked,
          places: [...places].map(([where, anchors]) => ({ where, anchors })),
        });
      }
    }
    const anchoredIds = new Set(report.map((incident) => incident.incident));
    const unanchored = atHead.filter(
      (id) => (incidents.get(id)?.entries.length ?? 0) > 0 && !anchoredIds.has(id),
    );
    return { incidents: report, problems: problems.sort(), warnings, unanchored, reachable: true };
  } finally {
    await objects.close();
  }
}

function editedProblem(line: FoundLine, incident: IncidentAtCommit | undefined): string {
  const path = incident ? auditFile(line.incident) : incidentDir(line.incident);
  return (
    `${path}: ${line.incident}'s head anchored in ${line.where} (${line.ref}), seq ${line.seq} entry ${line.entry}, ` +
    'was edited after it was posted: irac never edits an anchor, so what it anchored is unknown'
  );
}

/** The checks of anchors against one HEAD, each commit asked of git once. */
class AnchorChecks {
  private readonly commits = new Map<string, Promise<'ancestor' | 'not-ancestor' | 'missing'>>();

  constructor(
    private readonly git: Git,
    private readonly head: string,
  ) {}

  private commitState(commit: string) {
    let state = this.commits.get(commit);
    if (!state) {
      state = (async () => {
        if ((await this.git.resolveCommit(commit)) !== commit) return 'missing' as const;
        const result = await this.git.run(['merge-base', '--is-ancestor', commit, this.head], {
          okCodes: [0, 1],
        });
        return result.exitCode === 0 ? ('ancestor' as const) : ('not-ancestor' as const);
      })();
      this.commits.set(commit, state);
    }
    return state;
  }

  async problemWith(
    anchor: PostedAnchor,
    incident: IncidentAtCommit | undefined,
  ): Promise<string | undefined> {
    const reasons: string[] = [];
    if (!incident) {
      reasons.push('the incident is not in the store at HEAD');
    } else {
      const entry = incident.entries.find((candidate) => candidate.seq === anchor.seq);
      if (!entry) reasons.push(`the chain at HEAD has no entry ${anchor.seq}`);
      else if (entry.hash !== anchor.entry) reasons.push(`entry ${anchor.seq} at HEAD is ${entry.hash}`);
    }
    const state = await this.commitState(anchor.commit);
    if (state === 'missing') reasons.push(`commit ${anchor.commit} is not in this repository`);
    if (state === 'not-ancestor') reasons.push(`commit ${anchor.commit} is not an ancestor of HEAD`);
    if (reasons.length === 0) return undefined;
    const path = incident ? auditFile(anchor.incident) : incidentDir(anchor.incident);
    return (
      `${path}: ${anchor.incident}'s head anchored in ${anchor.where} (${anchor.ref}), seq ${anchor.seq} entry ${anchor.entry}, ` +
      `is missing from the local history: ${reasons.join('; ')} — the history was rewritten after it was anchored`
    );
  }
}
