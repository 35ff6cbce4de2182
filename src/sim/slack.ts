// A simulated Slack Web API on loopback, for @slack/web-api's WebClient (`slackApiUrl: sim.url + '/api/'`).
// It answers as Slack does: POST /api/<method> with a form or JSON body, the token as `Authorization:
// Bearer`, every answer HTTP 200 with `{ok: true, …}` or `{ok: false, error}` — except rate limiting (429
// with Retry-After) and server failures (5xx), which the client retries itself. Channels, messages and
// threads are kept as Slack would keep them, and each message carries the mentions Slack would turn into
// notifications, so a test can prove that text taken from an event pings nobody. Every request is logged,
// and faults can be injected per method, as in the AWS sim.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultQueue, readBoundedBody, sendAnswer, serveOnLoopback } from './http.js';

/**
 * A failure to give one request for a method: a Slack error string (HTTP 200, `ok: false`), a rate limit
 * (429 with Retry-After, in seconds), or a server failure.
 */
export type SlackFault =
  | string
  | { readonly status: 429; readonly retryAfter: number }
  | { readonly status: 500 | 502 | 503 | 504 };

export interface LoggedSlackRequest {
  readonly method: string;
  /** The arguments as sent, except the token; JSON values that are not strings are re-serialized. */
  readonly params: ReadonlyMap<string, string>;
  /** The token presented (Authorization header or `token` argument), or null. */
  readonly token: string | null;
  /** False for reads (auth.test, *.list, *.info, *.history, *.replies, *.get*); true otherwise. */
  readonly mutating: boolean;
  readonly status: number;
  /** Slack's error string (`channel_not_found`, `ratelimited`, …), or null when answered ok or with a 5xx. */
  readonly error: string | null;
}

export interface SlackChannelState {
  readonly id: string;
  readonly name: string;
  readonly isPrivate: boolean;
  /** Whether the app's bot user is in the channel. */
  readonly isMember: boolean;
}

export interface SlackMessageState {
  readonly channel: string;
  readonly ts: string;
  /** The parent's ts for a reply; null for a top-level message. */
  readonly threadTs: string | null;
  /** The author: the bot user for messages the app posted. */
  readonly user: string;
  /** Set for messages the app posted. */
  readonly botId: string | null;
  readonly text: string;
  readonly blocks: readonly unknown[] | null;
  readonly mrkdwn: boolean;
  readonly unfurlLinks: boolean | null;
  readonly unfurlMedia: boolean | null;
  /** A reply also shown in the channel. */
  readonly replyBroadcast: boolean;
  /** The replies' ts, oldest first (a parent's only). */
  readonly replies: readonly string[];
  /** The ts of the last chat.update, or null. */
  readonly editedTs: string | null;
  /**
   * What Slack would notify, normalized: `<!channel>`, `<!here>`, `<!everyone>`, `<@U…>`, `<!subteam^S…>`.
   * Counted in the text and in the blocks' mrkdwn, whatever `mrkdwn` says: where Slack's behaviour is
   * ambiguous the sim reports a mention, since a missed ping is the failure an escaping test exists for.
   */
  readonly mentions: ReadonlySet<string>;
}

export interface SlackChannelOptions {
  /** Whether the bot user is in the channel; default true. */
  readonly member?: boolean;
  readonly private?: boolean;
}

export interface SlackSimOptions {
  /** The scopes granted to the bot token; default chat:write and read access to channels and history. */
  readonly scopes?: readonly string[];
  /** The wall clock message timestamps follow, in epoch milliseconds; default Date.now. */
  readonly clock?: () => number;
}

export interface SlackSim {
  /** `http://127.0.0.1:PORT`; the WebClient's `slackApiUrl` is this plus `/api/`. */
  readonly url: string;
  /** The bot token the sim accepts. */
  readonly token: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  /** Seeds a channel, as an admin creating it (and inviting the bot, unless `member: false`) would. */
  addChannel(name: string, options?: SlackChannelOptions): SlackChannelState;
  /** Seeds a message from a person, top-level or in a thread, as if typed in the Slack client. */
  addMessage(channel: string, message: { user: string; text: string; threadTs?: string }): SlackMessageState;
  /** Deletes a message, as someone with the right would in the client; its replies stay, orphaned. */
  removeMessage(channel: string, ts: string): void;
  /** A channel by id, `#name` or name. */
  channel(channel: string): SlackChannelState | undefined;
  /** Every message in a channel (by id, `#name` or name), replies included, oldest first. */
  messages(channel: string): SlackMessageState[];
  /** Every request received, in order, including refused and fault-injected ones. */
  readonly requests: LoggedSlackRequest[];
  mutatingRequests(): LoggedSlackRequest[];
  /**
   * The next request for `method` (after `skip` more of them are answered) gets this fault instead of an
   * answer; call again to queue more.
   */
  failNext(method: string, fault: SlackFault, options?: { skip?: number }): void;
  close(): Promise<void>;
}

/** A refusal as Slack words it: HTTP 200, `ok: false`, the error string and any detail Slack adds. */
class SlackError extends Error {
  override readonly name = 'SlackError';
  constructor(
    readonly error: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(error);
  }
}

// Bounds on hostile requests, beyond the body's size (src/sim/http.ts).
const MAX_ARGS = 100;
const MAX_JSON_DEPTH = 32;
const ARG_NAME = /^[A-Za-z0-9_]{1,64}$/;

// Slack's documented limits: message text, blocks per message, and text-object lengths by place.
const MAX_TEXT_CHARS = 40_000;
const MAX_BLOCKS = 50;
const SECTION_TEXT_CHARS = 3000;
const SECTION_FIELD_CHARS = 2000;
const SECTION_FIELDS = 10;
const HEADER_TEXT_CHARS = 150;
const CONTEXT_ELEMENTS = 10;
const MARKDOWN_BLOCKS_CHARS = 12_000;
const BLOCK_ID_CHARS = 255;
const MESSAGE_BLOCK_TYPES = new Set([
  'actions',
  'context',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);

const DEFAULT_SCOPES = ['chat:write', 'channels:read', 'groups:read', 'channels:history', 'groups:history'];
const CHANNEL_NAME = /^[a-z0-9][a-z0-9._-]{0,79}$/;
const TS = /^([0-9]{1,10})\.([0-9]{6})$/;
const TS_BOUND = /^([0-9]{1,10})(?:\.([0-9]{1,6}))?$/;
const READ_METHOD = /\.(?:list|info|history|replies|test|get[A-Za-z]*)$/;

/** Whether a method changes state, by Slack's naming: reads are *.list, *.info, *.history, *.replies, *.get*. */
export function isMutatingMethod(method: string): boolean {
  return !READ_METHOD.test(method);
}

// Explicit mentions, with an optional `|label`; `<!group>` is Slack's old synonym for `<!channel>`.
const MENTION =
  /<(@[UW][A-Z0-9]{1,20}|!(?:channel|here|everyone|group)|!subteam\^[A-Z0-9]{1,20})(?:\|[^<>]{0,200})?>/g;
// Plain words Slack turns into broadcasts when it parses the text (link_names, parse=full, non-verbatim mrkdwn).
const BARE_BROADCAST = /(?<![\w@])@(channel|here|everyone)\b/g;

/** Adds to `into` the mentions Slack would notify for one piece of mrkdwn. */
function collectMentions(text: string, parsesPlainWords: boolean, into: Set<string>): void {
  for (const match of text.matchAll(MENTION)) {
    const target = match[1] === '!group' ? '!channel' : match[1];
    into.add(`<${target}>`);
  }
  if (!parsesPlainWords) return;
  for (const match of text.matchAll(BARE_BROADCAST)) into.add(`<!${match[1]}>`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(value, name) ? value[name] : undefined;
}

/**
 * Mentions in blocks: mrkdwn text objects (plain words too unless `verbatim`), markdown blocks, and rich
 * text's user, usergroup and broadcast elements. plain_text never notifies. Depth is already bounded.
 */
function collectBlockMentions(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectBlockMentions(item, into);
    return;
  }
  if (!isRecord(value)) return;
  const type = field(value, 'type');
  const text = field(value, 'text');
  if (type === 'mrkdwn' && typeof text === 'string') {
    collectMentions(text, field(value, 'verbatim') !== true, into);
  } else if (type === 'markdown' && typeof text === 'string') {
    collectMentions(text, true, into);
  }
  const range = field(value, 'range');
  if (type === 'broadcast' && typeof range === 'string')
    into.add(`<!${range === 'group' ? 'channel' : range}>`);
  const userId = field(value, 'user_id');
  if (type === 'user' && typeof userId === 'string') into.add(`<@${userId}>`);
  const groupId = field(value, 'usergroup_id');
  if (type === 'usergroup' && typeof groupId === 'string') into.add(`<!subteam^${groupId}>`);
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) collectBlockMentions(child, into);
  }
}

function deeperThan(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth === 0) return true;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => deeperThan(child, depth - 1));
}

/** Characters as Slack counts them for its limits: code points, not UTF-16 units. */
function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** A value echoed in an error, cut short: the error is one line, not the attacker's payload. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const at = (message: string, pointer: string) => `${message} [json-pointer:${pointer}]`;

/** Block Kit's checks on a text object, worded as Slack's schema validator words them. */
function textObjectErrors(
  value: unknown,
  pointer: string,
  maxChars: number,
  types: readonly string[],
): string[] {
  const problems: string[] = [];
  if (!isRecord(value)) return [at('expected object', pointer)];
  const type = field(value, 'type');
  const text = field(value, 'text');
  if (typeof type !== 'string' || !types.includes(type)) {
    problems.push(at(`unsupported type: ${shown(type)}`, `${pointer}/type`));
  }
  if (typeof text !== 'string') {
    problems.push(at('expected string', `${pointer}/text`));
  } else if (text.length === 0) {
    problems.push(at('must be more than 0 characters', `${pointer}/text`));
  } else if (charCount(text) > maxChars) {
    problems.push(at(`must be less than ${maxChars + 1} characters`, `${pointer}/text`));
  }
  return problems.length === 0 ? [] : [at('failed to match all allowed schemas', pointer), ...problems];
}

function listErrors(
  value: unknown,
  pointer: string,
  max: number,
  each: (item: unknown, pointer: string) => string[],
): string[] {
  if (!Array.isArray(value)) return [at('expected array', pointer)];
  if (value.length === 0) return [at('must contain at least 1 item', pointer)];
  if (value.length > max) return [at(`no more than ${max} items allowed`, pointer)];
  return value.flatMap((item, index) => each(item, `${pointer}/${index}`));
}

/** What Slack's validator says about a message's blocks; empty when they would be accepted. */
function blockErrors(blocks: readonly unknown[]): string[] {
  if (blocks.length > MAX_BLOCKS) return [at(`no more than ${MAX_BLOCKS} items allowed`, '/blocks')];
  let markdownChars = 0;
  const problems = blocks.flatMap((block, index): string[] => {
    const pointer = `/blocks/${index}`;
    if (!isRecord(block)) return [at('expected object', pointer)];
    const type = field(block, 'type');
    if (typeof type !== 'string' || !MESSAGE_BLOCK_TYPES.has(type)) {
      return [at(`unsupported type: ${shown(type)}`, `${pointer}/type`)];
    }
    const blockId = field(block, 'block_id');
    if (blockId !== undefined && (typeof blockId !== 'string' || charCount(blockId) > BLOCK_ID_CHARS)) {
      return [at(`must be a string of less than ${BLOCK_ID_CHARS + 1} characters`, `${pointer}/block_id`)];
    }
    switch (type) {
      case 'section': {
        const text = field(block, 'text');
        const fields = field(block, 'fields');
        if (text === undefined && fields === undefined) {
          return [at('must provide either text or fields', pointer)];
        }
        return [
          ...(text === undefined
            ? []
            : textObjectErrors(text, `${pointer}/text`, SECTION_TEXT_CHARS, ['plain_text', 'mrkdwn'])),
          ...(fields === undefined
            ? []
            : listErrors(fields, `${pointer}/fields`, SECTION_FIELDS, (item, at) =>
                textObjectErrors(item, at, SECTION_FIELD_CHARS, ['plain_text', 'mrkdwn']),
              )),
        ];
      }
      case 'header':
        return textObjectErrors(field(block, 'text'), `${pointer}/text`, HEADER_TEXT_CHARS, ['plain_text']);
      case 'context':
        return listErrors(field(block, 'elements'), `${pointer}/elements`, CONTEXT_ELEMENTS, (item, at) =>
          isRecord(item) && field(item, 'type') === 'image'
            ? []
            : textObjectErrors(item, at, SECTION_TEXT_CHARS, ['plain_text', 'mrkdwn']),
        );
      case 'markdown': {
        const text = field(block, 'text');
        if (typeof text !== 'string') return [at('expected string', `${pointer}/text`)];
        markdownChars += charCount(text);
        return markdownChars > MARKDOWN_BLOCKS_CHARS
          ? [at(`markdown blocks must total less than ${MARKDOWN_BLOCKS_CHARS + 1} characters`, pointer)]
          : [];
      }
      default:
        return [];
    }
  });
  return problems;
}

function invalidBlocks(problems: string[]): SlackError {
  return new SlackError('invalid_blocks', {
    errors: problems,
    response_metadata: { messages: problems.map((problem) => `[ERROR] ${problem}`) },
  });
}

const NOT_JSON = Symbol('not JSON');

/** A request's arguments, from a form or a JSON body. Names are never object keys. */
class SlackArgs {
  constructor(private readonly values: ReadonlyMap<string, unknown>) {}

  string(name: string): string | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new SlackError('invalid_arguments');
  }

  /** Slack reads `true`, `1` (and their string forms) as true. */
  flag(name: string): boolean | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null) return undefined;
    return value === true || value === 1 || value === 'true' || value === '1';
  }

  /** A JSON argument: a form sends it as a string, a JSON body as the value itself. */
  json(name: string): unknown {
    const value = this.values.get(name);
    if (typeof value !== 'string') return value ?? undefined;
    if (value === '') return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return NOT_JSON;
    }
  }

  logged(): Map<string, string> {
    const logged = new Map<string, string>();
    for (const [name, value] of this.values) {
      if (name === 'token') continue;
      logged.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    return logged;
  }
}

function parseArgs(request: IncomingMessage, query: URLSearchParams, body: string): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const add = (name: string, value: unknown) => {
    if (!ARG_NAME.test(name)) {
      throw new SlackError(name.includes('[') ? 'invalid_array_arg' : 'invalid_arg_name');
    }
    if (values.size >= MAX_ARGS) throw new SlackError('invalid_arguments');
    values.set(name, value);
  };
  for (const [name, value] of query) add(name, value);
  if (body === '') return values;
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType === '') throw new SlackError('missing_post_type');
  if (contentType === 'application/x-www-form-urlencoded') {
    for (const [name, value] of new URLSearchParams(body)) add(name, value);
  } else if (contentType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new SlackError('invalid_json');
    }
    if (!isRecord(parsed)) throw new SlackError('json_not_object');
    // Deeper than any Block Kit payload; walking it later would only risk the stack.
    if (deeperThan(parsed, MAX_JSON_DEPTH)) throw new SlackError('invalid_arguments');
    for (const [name, value] of Object.entries(parsed)) add(name, value);
  } else {
    throw new SlackError('invalid_post_type');
  }
  return values;
}

function bearerOf(request: IncomingMessage): string | undefined {
  const match = /^Bearer ([\x21-\x7e]{1,256})$/.exec(request.headers.authorization ?? '');
  return match?.[1];
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function slackId(prefix: string): string {
  return prefix + [...randomBytes(10)].map((byte) => ID_ALPHABET[byte % 36]).join('');
}

function digits(count: number): string {
  return [...randomBytes(count)].map((byte) => String(byte % 10)).join('');
}

/** Slack's cursors are opaque base64; the sim's say where the next page starts. */
const encodeCursor = (position: string) => Buffer.from(position, 'utf8').toString('base64');
function decodeCursor(cursor: string, prefix: string): string {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  if (!decoded.startsWith(prefix)) throw new SlackError('invalid_cursor');
  return decoded.slice(prefix.length);
}

/** `ts` in microseconds, for ordering and ranges; Slack's ts are seconds with six decimals. */
function micros(ts: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(ts);
  if (!match) return undefined;
  return Number(match[1]) * 1_000_000 + Number((match[2] ?? '').padEnd(6, '0'));
}

function tsOf(microseconds: number): string {
  const seconds = Math.floor(microseconds / 1_000_000);
  return `${seconds}.${String(microseconds % 1_000_000).padStart(6, '0')}`;
}

interface Channel {
  readonly id: string;
  readonly name: string;
  readonly isPrivate: boolean;
  readonly isMember: boolean;
  readonly created: number;
  /** In ts order. */
  readonly messages: Message[];
  readonly byTs: Map<string, Message>;
}

interface Message {
  readonly channel: Channel;
  readonly ts: string;
  readonly threadTs: string | null;
  readonly user: string;
  readonly botId: string | null;
  text: string;
  blocks: unknown[] | null;
  mrkdwn: boolean;
  readonly unfurlLinks: boolean | null;
  readonly unfurlMedia: boolean | null;
  readonly replyBroadcast: boolean;
  readonly replies: string[];
  editedTs: string | null;
  mentions: Set<string>;
}

/** What a request asked to show: text and blocks, validated, and the mentions Slack would notify. */
interface Content {
  readonly text: string;
  readonly blocks: unknown[] | null;
  readonly mentions: Set<string>;
}

export async function startSlackSim(options: SlackSimOptions = {}): Promise<SlackSim> {
  const clock = options.clock ?? Date.now;
  const scopes = new Set(options.scopes ?? DEFAULT_SCOPES);
  const teamId = slackId('T');
  const botUserId = slackId('U');
  const botId = slackId('B');
  const appId = slackId('A');
  const token = `xoxb-${digits(12)}-${digits(13)}-${randomBytes(18).toString('base64url').slice(0, 24)}`;
  const channelsById = new Map<string, Channel>();
  const channelsByName = new Map<string, Channel>();
  const requests: LoggedSlackRequest[] = [];
  const faults = new FaultQueue<SlackFault>();
  let lastMicros = 0;

  // Unique and increasing, as Slack's are within a channel; following the clock, 100 µs apart at least.
  const nextTs = (): string => {
    lastMicros = Math.max(Math.floor(clock()) * 1000, lastMicros + 100);
    return tsOf(lastMicros);
  };

  const lookup = (channel: string): Channel | undefined =>
    channelsById.get(channel) ?? channelsByName.get(channel.startsWith('#') ? channel.slice(1) : channel);

  const requireScope = (needed: string) => {
    if (!scopes.has(needed)) {
      throw new SlackError('missing_scope', { needed, provided: [...scopes].join(',') });
    }
  };

  /** chat.postMessage takes an id or a name; a private channel the bot is not in does not exist for it. */
  const channelToPost = (value: string | undefined): Channel => {
    const channel = value ? lookup(value) : undefined;
    if (!channel || (channel.isPrivate && !channel.isMember)) throw new SlackError('channel_not_found');
    if (!channel.isMember) throw new SlackError('not_in_channel');
    return channel;
  };

  /** The conversations.* methods take ids only. */
  const channelToRead = (value: string | undefined, scope: 'read' | 'history'): Channel => {
    const channel = value ? channelsById.get(value) : undefined;
    if (!channel || (channel.isPrivate && !channel.isMember)) throw new SlackError('channel_not_found');
    requireScope(`${channel.isPrivate ? 'groups' : 'channels'}:${scope}`);
    if (scope === 'history' && !channel.isMember) throw new SlackError('not_in_channel');
    return channel;
  };

  const contentOf = (args: SlackArgs): Content => {
    const text = args.string('text') ?? '';
    const blocksArg = args.json('blocks');
    let blocks: unknown[] | null = null;
    if (blocksArg !== undefined) {
      if (!Array.isArray(blocksArg) || deeperThan(blocksArg, MAX_JSON_DEPTH)) {
        throw new SlackError('invalid_blocks_format');
      }
      const problems = blockErrors(blocksArg);
      if (problems.length > 0) throw invalidBlocks(problems);
      blocks = blocksArg.length > 0 ? blocksArg : null;
    }
    if (text === '' && blocks === null) throw new SlackError('no_text');
    if (charCount(text) > MAX_TEXT_CHARS) throw new SlackError('msg_too_long');
    const mentions = new Set<string>();
    collectMentions(text, args.flag('link_names') === true || args.string('parse') === 'full', mentions);
    if (blocks) collectBlockMentions(blocks, mentions);
    return { text, blocks, mentions };
  };

  /** The parent a reply goes under: Slack files a reply to a reply under the first reply's parent. */
  const threadRoot = (channel: Channel, threadTs: string): Message => {
    const target = channel.byTs.get(threadTs);
    if (!target) throw new SlackError('thread_not_found');
    return target.threadTs === null ? target : (channel.byTs.get(target.threadTs) ?? target);
  };

  const store = (channel: Channel, message: Omit<Message, 'channel' | 'ts' | 'replies' | 'editedTs'>) => {
    const stored: Message = { ...message, channel, ts: nextTs(), replies: [], editedTs: null };
    channel.messages.push(stored);
    channel.byTs.set(stored.ts, stored);
    if (stored.threadTs !== null) channel.byTs.get(stored.threadTs)?.replies.push(stored.ts);
    return stored;
  };

  const wireMessage = (message: Message): Record<string, unknown> => {
    const replies = message.replies.flatMap((ts) => message.channel.byTs.get(ts) ?? []);
    const replyUsers = [...new Set(replies.map((reply) => reply.user))];
    const parent = message.threadTs === null ? undefined : message.channel.byTs.get(message.threadTs);
    return {
      type: 'message',
      ...(message.threadTs !== null && message.replyBroadcast && { subtype: 'thread_broadcast' }),
      text: message.text,
      user: message.user,
      ...(message.botId !== null && { bot_id: message.botId, app_id: appId }),
      ...(message.blocks !== null && { blocks: message.blocks }),
      team: teamId,
      ts: message.ts,
      ...(replies.length > 0 && {
        thread_ts: message.ts,
        reply_count: replies.length,
        reply_users_count: replyUsers.length,
        latest_reply: replies.at(-1)?.ts,
        reply_users: replyUsers,
      }),
      ...(parent && { thread_ts: parent.ts, parent_user_id: parent.user }),
      ...(message.editedTs !== null && { edited: { user: message.user, ts: message.editedTs } }),
    };
  };

  const wireChannel = (channel: Channel): Record<string, unknown> => ({
    id: channel.id,
    name: channel.name,
    is_channel: true,
    is_group: false,
    is_im: false,
    is_mpim: false,
    is_private: channel.isPrivate,
    created: channel.created,
    is_archived: false,
    is_general: false,
    name_normalized: channel.name,
    is_member: channel.isMember,
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
  });

  /** A page of `items` from the cursor's position; Slack's `limit` is a ceiling it may go under. */
  const paginate = <T>(
    args: SlackArgs,
    items: readonly T[],
    positionOf: (item: T) => string,
    prefix: string,
    limits: { readonly fallback: number; readonly max: number },
  ) => {
    const limitArg = args.string('limit');
    const limit = limitArg === undefined || limitArg === '' ? 0 : Number(limitArg);
    if (!Number.isInteger(limit) || limit < 0) throw new SlackError('invalid_limit');
    const cursor = args.string('cursor');
    let start = 0;
    if (cursor) {
      const position = decodeCursor(cursor, prefix);
      start = items.findIndex((item) => positionOf(item) === position);
      if (start < 0) throw new SlackError('invalid_cursor');
    }
    const end = start + (limit === 0 ? limits.fallback : Math.min(limit, limits.max));
    const next = items[end];
    return {
      page: items.slice(start, end),
      hasMore: next !== undefined,
      nextCursor: next === undefined ? '' : encodeCursor(prefix + positionOf(next)),
    };
  };

  const handlers = new Map<string, (args: SlackArgs) => Record<string, unknown>>([
    [
      'auth.test',
      () => ({
        url: 'https://irac-sim.slack.com/',
        team: 'irac sim',
        user: 'irac',
        team_id: teamId,
        user_id: botUserId,
        bot_id: botId,
        is_enterprise_install: false,
      }),
    ],
    [
      'chat.postMessage',
      (args) => {
        requireScope('chat:write');
        const channel = channelToPost(args.string('channel'));
        const content = contentOf(args);
        const threadTs = args.string('thread_ts');
        const root = threadTs ? threadRoot(channel, threadTs) : undefined;
        const message = store(channel, {
          threadTs: root?.ts ?? null,
          user: botUserId,
          botId,
          text: content.text,
          blocks: content.blocks,
          mrkdwn: args.flag('mrkdwn') ?? true,
          unfurlLinks: args.flag('unfurl_links') ?? null,
          unfurlMedia: args.flag('unfurl_media') ?? null,
          replyBroadcast: root !== undefined && args.flag('reply_broadcast') === true,
          mentions: content.mentions,
        });
        return { channel: channel.id, ts: message.ts, message: wireMessage(message) };
      },
    ],
    [
      'chat.update',
      (args) => {
        requireScope('chat:write');
        const id = args.string('channel');
        const channel = id ? channelsById.get(id) : undefined;
        if (!channel || (channel.isPrivate && !channel.isMember)) throw new SlackError('channel_not_found');
        const message = channel.byTs.get(args.string('ts') ?? '');
        if (!message) throw new SlackError('message_not_found');
        if (message.botId !== botId) throw new SlackError('cant_update_message');
        const content = contentOf(args);
        message.text = content.text;
        message.blocks = content.blocks;
        message.mentions = content.mentions;
        if (args.flag('mrkdwn') !== undefined) message.mrkdwn = args.flag('mrkdwn') === true;
        message.editedTs = nextTs();
        return { channel: channel.id, ts: message.ts, text: message.text, message: wireMessage(message) };
      },
    ],
    [
      'chat.getPermalink',
      (args) => {
        const id = args.string('channel');
        const channel = id ? channelsById.get(id) : undefined;
        if (!channel || (channel.isPrivate && !channel.isMember)) throw new SlackError('channel_not_found');
        const message = channel.byTs.get(args.string('message_ts') ?? '');
        if (!message) throw new SlackError('message_not_found');
        const thread = message.threadTs === null ? '' : `?thread_ts=${message.threadTs}&cid=${channel.id}`;
        return {
          channel: channel.id,
          permalink: `https://irac-sim.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}${thread}`,
        };
      },
    ],
    [
      'conversations.history',
      (args) => {
        const channel = channelToRead(args.string('channel'), 'history');
        const bound = (name: 'oldest' | 'latest') => {
          const value = args.string(name);
          if (value === undefined || value === '') return undefined;
          const parsed = micros(value, TS_BOUND);
          if (parsed === undefined) throw new SlackError(`invalid_ts_${name}`);
          return parsed;
        };
        const oldest = bound('oldest') ?? 0;
        const latest = bound('latest') ?? Number.POSITIVE_INFINITY;
        const inclusive = args.flag('inclusive') === true;
        const inRange = (ts: number) =>
          inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
        // Newest first; replies only when broadcast to the channel.
        const visible = channel.messages
          .filter((message) => message.threadTs === null || message.replyBroadcast)
          .filter((message) => inRange(micros(message.ts, TS) ?? 0))
          .reverse();
        const { page, hasMore, nextCursor } = paginate(args, visible, (message) => message.ts, 'next_ts:', {
          fallback: 100,
          max: 999,
        });
        return {
          messages: page.map(wireMessage),
          has_more: hasMore,
          pin_count: 0,
          response_metadata: { next_cursor: nextCursor },
        };
      },
    ],
    [
      'conversations.replies',
      (args) => {
        const channel = channelToRead(args.string('channel'), 'history');
        const root = threadRoot(channel, args.string('ts') ?? '');
        const thread = [root, ...root.replies.flatMap((ts) => channel.byTs.get(ts) ?? [])];
        const { page, hasMore, nextCursor } = paginate(args, thread, (message) => message.ts, 'next_ts:', {
          fallback: 1000,
          max: 1000,
        });
        return {
          messages: page.map(wireMessage),
          has_more: hasMore,
          response_metadata: { next_cursor: nextCursor },
        };
      },
    ],
    [
      'conversations.list',
      (args) => {
        const types = new Set(
          (args.string('types') || 'public_channel').split(',').map((type) => type.trim()),
        );
        for (const type of types) {
          if (!['public_channel', 'private_channel', 'mpim', 'im'].includes(type)) {
            throw new SlackError('invalid_types');
          }
        }
        if (types.has('public_channel')) requireScope('channels:read');
        if (types.has('private_channel')) requireScope('groups:read');
        const listed = [...channelsById.values()].filter((channel) =>
          channel.isPrivate ? types.has('private_channel') && channel.isMember : types.has('public_channel'),
        );
        const { page, nextCursor } = paginate(args, listed, (channel) => channel.id, 'team:', {
          fallback: 100,
          max: 1000,
        });
        return { channels: page.map(wireChannel), response_metadata: { next_cursor: nextCursor } };
      },
    ],
    [
      'conversations.info',
      (args) => ({ channel: wireChannel(channelToRead(args.string('channel'), 'read')) }),
    ],
  ]);

  const sendJson = (
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Readonly<Record<string, string>> = {},
  ) =>
    sendAnswer(response, {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
    });

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = /^\/api\/([A-Za-z0-9._-]{1,100})$/.exec(url.pathname)?.[1] ?? '';
    const body = await readBoundedBody(request);
    let args = new SlackArgs(new Map());
    let presented: string | null = bearerOf(request) ?? null;
    const log = (status: number, error: string | null) =>
      requests.push({
        method,
        params: args.logged(),
        token: presented,
        mutating: isMutatingMethod(method),
        status,
        error,
      });

    if (method === '') {
      log(404, null);
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not Found');
      return;
    }
    if (body === null) {
      log(413, 'request_too_large');
      sendJson(response, 413, { ok: false, error: 'request_too_large' });
      return;
    }
    try {
      args = new SlackArgs(parseArgs(request, url.searchParams, body));
      presented ??= args.string('token') ?? null;
      const handler = handlers.get(method);
      if (!handler) throw new SlackError('unknown_method', { req_method: method });
      const fault = faults.take(method);
      if (typeof fault === 'string') throw new SlackError(fault);
      if (fault?.status === 429) {
        log(429, 'ratelimited');
        sendJson(
          response,
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(fault.retryAfter) },
        );
        return;
      }
      if (fault) {
        log(fault.status, null);
        response.writeHead(fault.status, { 'content-type': 'text/html' });
        response.end('<html><body>Slack is having trouble.</body></html>');
        return;
      }
      if (presented === null || presented === '') throw new SlackError('not_authed');
      if (presented !== token) throw new SlackError('invalid_auth');
      const result = handler(args);
      log(200, null);
      sendJson(response, 200, { ok: true, ...result }, { 'x-oauth-scopes': [...scopes].join(',') });
    } catch (error) {
      const refusal = error instanceof SlackError ? error : new SlackError('internal_error');
      log(200, refusal.error);
      sendJson(response, 200, { ok: false, error: refusal.error, ...refusal.details });
    }
  };

  const loopback = await serveOnLoopback(answer);

  const stateOf = (message: Message): SlackMessageState => ({
    channel: message.channel.id,
    ts: message.ts,
    threadTs: message.threadTs,
    user: message.user,
    botId: message.botId,
    text: message.text,
    blocks: message.blocks === null ? null : structuredClone(message.blocks),
    mrkdwn: message.mrkdwn,
    unfurlLinks: message.unfurlLinks,
    unfurlMedia: message.unfurlMedia,
    replyBroadcast: message.replyBroadcast,
    replies: [...message.replies],
    editedTs: message.editedTs,
    mentions: new Set(message.mentions),
  });
  const channelState = ({ id, name, isPrivate, isMember }: Channel): SlackChannelState => ({
    id,
    name,
    isPrivate,
    isMember,
  });

  return {
    url: loopback.url,
    token,
    teamId,
    botUserId,
    botId,
    addChannel(name, channelOptions = {}) {
      if (!CHANNEL_NAME.test(name)) throw new Error(`addChannel: "${name}" is not a Slack channel name`);
      if (channelsByName.has(name)) throw new Error(`addChannel: #${name} already exists`);
      const channel: Channel = {
        id: slackId('C'),
        name,
        isPrivate: channelOptions.private ?? false,
        isMember: channelOptions.member ?? true,
        created: Math.floor(clock() / 1000),
        messages: [],
        byTs: new Map(),
      };
      channelsById.set(channel.id, channel);
      channelsByName.set(name, channel);
      return channelState(channel);
    },
    addMessage(channelRef, { user, text, threadTs }) {
      const channel = lookup(channelRef);
      if (!channel) throw new Error(`addMessage: no channel ${channelRef}`);
      const root = threadTs === undefined ? undefined : channel.byTs.get(threadTs);
      if (threadTs !== undefined && !root) throw new Error(`addMessage: no message ${threadTs} to reply to`);
      const mentions = new Set<string>();
      collectMentions(text, true, mentions);
      return stateOf(
        store(channel, {
          threadTs: root ? (root.threadTs ?? root.ts) : null,
          user,
          botId: null,
          text,
          blocks: null,
          mrkdwn: true,
          unfurlLinks: null,
          unfurlMedia: null,
          replyBroadcast: false,
          mentions,
        }),
      );
    },
    removeMessage(channelRef, ts) {
      const channel = lookup(channelRef);
      const index = channel?.messages.findIndex((message) => message.ts === ts) ?? -1;
      if (!channel || index < 0) throw new Error(`removeMessage: no message ${ts} in ${channelRef}`);
      channel.messages.splice(index, 1);
      channel.byTs.delete(ts);
    },
    channel(channelRef) {
      const channel = lookup(channelRef);
      return channel && channelState(channel);
    },
    messages(channelRef) {
      return (lookup(channelRef)?.messages ?? []).map(stateOf);
    },
    requests,
    mutatingRequests: () => requests.filter((request) => request.mutating),
    failNext: (method, fault, failOptions) => faults.failNext(method, fault, failOptions),
    close: () => loopback.close(),
  };
}
