// The simulated Slack Web API driven by the real @slack/web-api WebClient: what the Slack connector will meet.

import {
  type Logger,
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebClient,
} from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackSim, startSlackSim } from '../../src/sim/slack.js';
import { rejectionOf } from '../support/rejection.js';

// A fixed wall clock, so that timestamps are predictable: 2024-11-28T13:20:00Z.
const NOW = 1_732_800_000_000;

// The client logs Slack's warnings and `[ERROR]` metadata; the tests assert on them instead.
const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

let sim: SlackSim;
let slack: WebClient;

function clientFor(token: string | undefined, options: { rejectRateLimitedCalls?: boolean } = {}) {
  return new WebClient(token, {
    slackApiUrl: `${sim.url}/api/`,
    logger: quiet,
    retryConfig: { retries: 2, minTimeout: 1, maxTimeout: 5 },
    ...options,
  });
}

/** A platform error's body (`ok: false`): the Slack error string and the detail Slack sends with it. */
type PlatformErrorBody = WebAPIPlatformError['data'] & { errors?: string[] };

async function slackError(promise: Promise<unknown>): Promise<PlatformErrorBody> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(WebAPIPlatformError);
  return (error as WebAPIPlatformError).data;
}

beforeEach(async () => {
  sim = await startSlackSim({ clock: () => NOW });
  slack = clientFor(sim.token);
});

afterEach(async () => {
  await sim.close();
});

describe('authentication', () => {
  it('answers auth.test for the bot the token belongs to', async () => {
    const answer = await slack.auth.test();
    expect(answer).toMatchObject({
      ok: true,
      team_id: sim.teamId,
      user_id: sim.botUserId,
      bot_id: sim.botId,
    });
    expect(answer.response_metadata?.scopes).toContain('chat:write');
    expect(sim.requests).toEqual([
      { method: 'auth.test', params: new Map(), token: sim.token, mutating: false, status: 200, error: null },
    ]);
  });

  it('refuses a wrong token with invalid_auth and a missing one with not_authed', async () => {
    expect((await slackError(clientFor('xoxb-1-2-forged').auth.test())).error).toBe('invalid_auth');
    expect((await slackError(clientFor(undefined).auth.test())).error).toBe('not_authed');
    expect(sim.requests.map((request) => [request.token, request.error])).toEqual([
      ['xoxb-1-2-forged', 'invalid_auth'],
      [null, 'not_authed'],
    ]);
  });

  it('takes the token as a form argument too, and never logs it among the arguments', async () => {
    const answer = await clientFor(undefined).apiCall('auth.test', { token: sim.token });
    expect(answer.ok).toBe(true);
    expect(sim.requests[0]?.token).toBe(sim.token);
    expect(sim.requests[0]?.params.has('token')).toBe(false);
  });

  it('refuses a method its token has no scope for with missing_scope, naming the scope', async () => {
    await sim.close();
    sim = await startSlackSim({ scopes: ['chat:write'] });
    const channel = sim.addChannel('ir-critical');
    const client = clientFor(sim.token);
    const data = await slackError(client.conversations.history({ channel: channel.id }));
    expect(data).toMatchObject({
      error: 'missing_scope',
      needed: 'channels:history',
      provided: 'chat:write',
    });
    expect((await client.chat.postMessage({ channel: channel.id, text: 'ok' })).ok).toBe(true);
  });
});

describe('chat.postMessage', () => {
  it('posts to a channel named #name, answering its id, the ts and the message, and keeps it', async () => {
    const channel = sim.addChannel('ir-critical');
    const answer = await slack.chat.postMessage({
      channel: '#ir-critical',
      text: 'Incident INC-7: i-0abc isolated',
      unfurl_links: false,
      unfurl_media: false,
    });
    expect(answer).toMatchObject({
      ok: true,
      channel: channel.id,
      ts: '1732800000.000000',
      message: {
        type: 'message',
        text: 'Incident INC-7: i-0abc isolated',
        user: sim.botUserId,
        bot_id: sim.botId,
        ts: '1732800000.000000',
      },
    });
    expect(sim.messages('#ir-critical')).toEqual([
      expect.objectContaining({
        channel: channel.id,
        ts: '1732800000.000000',
        threadTs: null,
        text: 'Incident INC-7: i-0abc isolated',
        unfurlLinks: false,
        unfurlMedia: false,
        mrkdwn: true,
        mentions: new Set(),
      }),
    ]);
    expect(sim.requests[0]).toMatchObject({ method: 'chat.postMessage', mutating: true, status: 200 });
    expect(sim.requests[0]?.params.get('channel')).toBe('#ir-critical');
    expect(sim.requests[0]?.params.get('unfurl_links')).toBe('false');
  });

  it('gives every message a unique, increasing ts in Slack format even when the clock stands still', async () => {
    sim.addChannel('ir');
    const stamps: string[] = [];
    for (let index = 0; index < 3; index++) {
      stamps.push((await slack.chat.postMessage({ channel: '#ir', text: `update ${index}` })).ts ?? '');
    }
    expect(stamps).toEqual(['1732800000.000000', '1732800000.000100', '1732800000.000200']);
  });

  it('posts Block Kit blocks and keeps them, with the text as the notification fallback', async () => {
    sim.addChannel('ir');
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'CRITICAL: credential exfiltration' } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Score*\n92' }] },
      { type: 'divider' },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: '<https://github.com/o/r/actions/runs/1|run>' }],
      },
    ];
    await slack.chat.postMessage({ channel: '#ir', text: 'CRITICAL incident', blocks });
    expect(sim.messages('ir')[0]?.blocks).toEqual(blocks);
  });

  it('accepts a JSON body with the token in the Authorization header', async () => {
    const channel = sim.addChannel('ir');
    const response = await fetch(`${sim.url}/api/chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: channel.id, text: 'from JSON', unfurl_links: false }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, channel: channel.id });
    expect(sim.messages(channel.id)[0]).toMatchObject({ text: 'from JSON', unfurlLinks: false });
    expect(sim.requests[0]?.params.get('unfurl_links')).toBe('false');
  });

  it('refuses an unknown channel and a private one the bot is not in with channel_not_found', async () => {
    sim.addChannel('secret', { private: true, member: false });
    expect((await slackError(slack.chat.postMessage({ channel: '#nowhere', text: 'x' }))).error).toBe(
      'channel_not_found',
    );
    expect((await slackError(slack.chat.postMessage({ channel: '#secret', text: 'x' }))).error).toBe(
      'channel_not_found',
    );
    expect(sim.messages('secret')).toEqual([]);
  });

  it('refuses a public channel the bot was never invited to with not_in_channel', async () => {
    sim.addChannel('general', { member: false });
    const data = await slackError(slack.chat.postMessage({ channel: '#general', text: 'x' }));
    expect(data.error).toBe('not_in_channel');
    expect(sim.requests[0]).toMatchObject({ status: 200, error: 'not_in_channel', mutating: true });
  });

  it('refuses a message with neither text nor blocks with no_text', async () => {
    sim.addChannel('ir');
    expect((await slackError(slack.chat.postMessage({ channel: '#ir', text: '' }))).error).toBe('no_text');
    expect((await slackError(slack.chat.postMessage({ channel: '#ir', text: '', blocks: [] }))).error).toBe(
      'no_text',
    );
  });

  it('takes 40,000 characters of text and refuses one more with msg_too_long', async () => {
    sim.addChannel('ir');
    await slack.chat.postMessage({ channel: '#ir', text: 'é'.repeat(40_000) });
    const data = await slackError(slack.chat.postMessage({ channel: '#ir', text: 'x'.repeat(40_001) }));
    expect(data.error).toBe('msg_too_long');
    expect(sim.messages('ir')).toHaveLength(1);
  });
});

describe('Block Kit validation', () => {
  beforeEach(() => {
    sim.addChannel('ir');
  });

  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

  it('refuses more than 50 blocks with invalid_blocks, pointing at /blocks', async () => {
    await slack.chat.postMessage({
      channel: '#ir',
      text: 'fifty',
      blocks: Array(50).fill({ type: 'divider' }),
    });
    const data = await slackError(
      slack.chat.postMessage({ channel: '#ir', text: 'x', blocks: Array(51).fill({ type: 'divider' }) }),
    );
    expect(data.error).toBe('invalid_blocks');
    expect(data.errors).toEqual(['no more than 50 items allowed [json-pointer:/blocks]']);
    expect(data.response_metadata?.messages).toEqual([
      '[ERROR] no more than 50 items allowed [json-pointer:/blocks]',
    ]);
  });

  it('refuses a section text over 3000 characters, as Slack words it', async () => {
    await slack.chat.postMessage({ channel: '#ir', text: 'x', blocks: [section('a'.repeat(3000))] });
    const data = await slackError(
      slack.chat.postMessage({
        channel: '#ir',
        text: 'x',
        blocks: [section('a'), section('a'.repeat(3001))],
      }),
    );
    expect(data.errors).toEqual([
      'failed to match all allowed schemas [json-pointer:/blocks/1/text]',
      'must be less than 3001 characters [json-pointer:/blocks/1/text/text]',
    ]);
  });

  it('refuses an unknown block type and a header that is not plain_text', async () => {
    const unknown = await slackError(
      slack.chat.postMessage({ channel: '#ir', text: 'x', blocks: [{ type: 'marquee' }] }),
    );
    expect(unknown.errors).toEqual(['unsupported type: marquee [json-pointer:/blocks/0/type]']);
    // The client's types forbid this block; apiCall sends what a careless caller would.
    const header = await slackError(
      slack.apiCall('chat.postMessage', {
        channel: '#ir',
        text: 'x',
        blocks: [{ type: 'header', text: { type: 'mrkdwn', text: '*bold*' } }],
      }),
    );
    expect(header.errors).toContain('unsupported type: mrkdwn [json-pointer:/blocks/0/text/type]');
    expect(sim.messages('ir')).toEqual([]);
  });

  it('refuses blocks that are not a JSON array with invalid_blocks_format', async () => {
    const data = await slackError(
      slack.apiCall('chat.postMessage', { channel: '#ir', text: 'x', blocks: '[{"type": "divider"' }),
    );
    expect(data.error).toBe('invalid_blocks_format');
  });
});

describe('mentions Slack would notify', () => {
  beforeEach(() => {
    sim.addChannel('ir');
  });

  const mentionsOfLast = () => sim.messages('ir').at(-1)?.mentions;

  it('finds broadcasts, users and user groups in the text, labelled or not', async () => {
    await slack.chat.postMessage({
      channel: '#ir',
      text: 'ping <!channel> <!here|here> <!everyone> <@U024BE7LH|bob> <@W0123ABC> <!subteam^SAZ94GDB8|@sec>',
    });
    expect(mentionsOfLast()).toEqual(
      new Set([
        '<!channel>',
        '<!here>',
        '<!everyone>',
        '<@U024BE7LH>',
        '<@W0123ABC>',
        '<!subteam^SAZ94GDB8>',
      ]),
    );
  });

  it('counts the old <!group> as <!channel>', async () => {
    await slack.chat.postMessage({ channel: '#ir', text: 'legacy <!group>' });
    expect(mentionsOfLast()).toEqual(new Set(['<!channel>']));
  });

  it('finds nothing in escaped text, nor in a bare @here unless link_names asks Slack to parse it', async () => {
    await slack.chat.postMessage({ channel: '#ir', text: '&lt;!channel&gt; &lt;@U024BE7LH&gt; @here' });
    expect(mentionsOfLast()).toEqual(new Set());
    await slack.chat.postMessage({ channel: '#ir', text: 'hey @here', link_names: true });
    expect(mentionsOfLast()).toEqual(new Set(['<!here>']));
  });

  it("finds mentions in blocks' mrkdwn, bare words too unless verbatim, and none in plain_text", async () => {
    await slack.chat.postMessage({
      channel: '#ir',
      text: 'fallback',
      blocks: [
        { type: 'section', text: { type: 'plain_text', text: '<!channel> @everyone' } },
        { type: 'section', fields: [{ type: 'mrkdwn', text: 'owner <@U0OWNER1>' }] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'cc @here' }] },
        { type: 'section', text: { type: 'mrkdwn', text: 'quiet @channel', verbatim: true } },
      ],
    });
    expect(mentionsOfLast()).toEqual(new Set(['<@U0OWNER1>', '<!here>']));
  });

  it('finds rich text user, usergroup and broadcast elements', async () => {
    await slack.chat.postMessage({
      channel: '#ir',
      text: 'fallback',
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'broadcast', range: 'here' },
                { type: 'user', user_id: 'U0RICH01' },
                { type: 'usergroup', usergroup_id: 'S0GROUP1' },
              ],
            },
          ],
        },
      ],
    });
    expect(mentionsOfLast()).toEqual(new Set(['<!here>', '<@U0RICH01>', '<!subteam^S0GROUP1>']));
  });
});

describe('threads', () => {
  let parentTs: string;

  beforeEach(async () => {
    sim.addChannel('ir');
    parentTs = (await slack.chat.postMessage({ channel: '#ir', text: 'INC-7 opened' })).ts ?? '';
  });

  it('files replies under the parent, which conversations.replies returns first', async () => {
    const reply = await slack.chat.postMessage({ channel: '#ir', text: 'contained', thread_ts: parentTs });
    expect(reply.message).toMatchObject({ thread_ts: parentTs, parent_user_id: sim.botUserId });
    const channel = reply.channel ?? '';

    const thread = await slack.conversations.replies({ channel, ts: parentTs });
    expect(thread.messages?.map((message) => message.text)).toEqual(['INC-7 opened', 'contained']);
    expect(thread.messages?.[0]).toMatchObject({
      thread_ts: parentTs,
      reply_count: 1,
      latest_reply: reply.ts,
    });
    expect(sim.messages('ir').map((message) => message.threadTs)).toEqual([null, parentTs]);
    expect(sim.messages('ir')[0]?.replies).toEqual([reply.ts]);
  });

  it("puts a reply to a reply under the first reply's parent", async () => {
    const first = await slack.chat.postMessage({ channel: '#ir', text: 'one', thread_ts: parentTs });
    await slack.chat.postMessage({ channel: '#ir', text: 'two', thread_ts: first.ts ?? '' });
    expect(sim.messages('ir').map((message) => message.threadTs)).toEqual([null, parentTs, parentTs]);
    const thread = await slack.conversations.replies({ channel: first.channel ?? '', ts: first.ts ?? '' });
    expect(thread.messages).toHaveLength(3);
  });

  it('refuses a thread_ts that is no message in the channel with thread_not_found', async () => {
    const data = await slackError(
      slack.chat.postMessage({ channel: '#ir', text: 'lost', thread_ts: '1600000000.000100' }),
    );
    expect(data.error).toBe('thread_not_found');
    const channel = sim.channel('#ir')?.id ?? '';
    const replies = await slackError(slack.conversations.replies({ channel, ts: '1600000000.000100' }));
    expect(replies.error).toBe('thread_not_found');
  });

  it('leaves replies out of the history unless broadcast to the channel', async () => {
    await slack.chat.postMessage({ channel: '#ir', text: 'quiet reply', thread_ts: parentTs });
    const loud = await slack.chat.postMessage({
      channel: '#ir',
      text: 'loud reply',
      thread_ts: parentTs,
      reply_broadcast: true,
    });
    const history = await slack.conversations.history({ channel: loud.channel ?? '' });
    expect(history.messages?.map((message) => [message.text, message.subtype])).toEqual([
      ['loud reply', 'thread_broadcast'],
      ['INC-7 opened', undefined],
    ]);
  });
});

describe('chat.update', () => {
  it('rewrites a message the app posted, marks it edited and re-reads its mentions', async () => {
    const channel = sim.addChannel('ir');
    const posted = await slack.chat.postMessage({ channel: channel.id, text: 'INC-7 <!here>' });
    const updated = await slack.chat.update({
      channel: channel.id,
      ts: posted.ts ?? '',
      text: 'INC-7 resolved',
    });
    expect(updated).toMatchObject({ ok: true, channel: channel.id, ts: posted.ts, text: 'INC-7 resolved' });
    expect(updated.message?.edited).toEqual({ user: sim.botUserId, ts: '1732800000.000100' });
    expect(sim.messages(channel.id)).toEqual([
      expect.objectContaining({ text: 'INC-7 resolved', editedTs: '1732800000.000100', mentions: new Set() }),
    ]);
  });

  it("refuses a missing message with message_not_found and a person's message with cant_update_message", async () => {
    const channel = sim.addChannel('ir');
    const human = sim.addMessage('ir', { user: 'U0HUMAN01', text: 'I saw something odd' });
    expect(
      (await slackError(slack.chat.update({ channel: channel.id, ts: '1.000000', text: 'x' }))).error,
    ).toBe('message_not_found');
    expect(
      (await slackError(slack.chat.update({ channel: channel.id, ts: human.ts, text: 'x' }))).error,
    ).toBe('cant_update_message');
    expect(sim.messages('ir')[0]?.text).toBe('I saw something odd');
  });
});

describe('chat.getPermalink', () => {
  it('links to a message, and to a reply within its thread; a removed message is message_not_found', async () => {
    const channel = sim.addChannel('ir');
    const parent = await slack.chat.postMessage({ channel: channel.id, text: 'INC-7' });
    const reply = await slack.chat.postMessage({
      channel: channel.id,
      text: 'update',
      thread_ts: parent.ts ?? '',
    });
    const link = await slack.chat.getPermalink({ channel: channel.id, message_ts: parent.ts ?? '' });
    expect(link.permalink).toBe(`https://irac-sim.slack.com/archives/${channel.id}/p1732800000000000`);
    const replyLink = await slack.chat.getPermalink({ channel: channel.id, message_ts: reply.ts ?? '' });
    expect(replyLink.permalink).toBe(
      `https://irac-sim.slack.com/archives/${channel.id}/p1732800000000100?thread_ts=1732800000.000000&cid=${channel.id}`,
    );
    expect(sim.mutatingRequests().map((request) => request.method)).toEqual([
      'chat.postMessage',
      'chat.postMessage',
    ]);

    sim.removeMessage('ir', parent.ts ?? '');
    const gone = await slackError(
      slack.chat.getPermalink({ channel: channel.id, message_ts: parent.ts ?? '' }),
    );
    expect(gone.error).toBe('message_not_found');
    expect(sim.messages('ir').map((message) => message.text)).toEqual(['update']);
  });
});

describe('conversations', () => {
  it('lists channels page by page through the cursor, hiding private channels the bot is not in', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) sim.addChannel(`ir-${name}`);
    sim.addChannel('ir-private', { private: true });
    sim.addChannel('hr-private', { private: true, member: false });

    const pages: string[][] = [];
    for await (const page of slack.paginate('conversations.list', {
      types: 'public_channel,private_channel',
      limit: 2,
    })) {
      const { channels = [] } = page as { channels?: { name: string }[] };
      pages.push(channels.map((channel) => channel.name));
    }
    expect(pages).toEqual([
      ['ir-a', 'ir-b'],
      ['ir-c', 'ir-d'],
      ['ir-e', 'ir-private'],
    ]);
    expect(sim.requests.map((request) => request.params.get('cursor') === undefined)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('refuses a cursor it never issued with invalid_cursor and unknown types with invalid_types', async () => {
    const cursor = await slackError(slack.conversations.list({ cursor: 'bm90LWEtY3Vyc29y' }));
    expect(cursor.error).toBe('invalid_cursor');
    const types = await slackError(slack.conversations.list({ types: 'public_channel,secret_channel' }));
    expect(types.error).toBe('invalid_types');
  });

  it('pages through history newest first and honours oldest', async () => {
    const channel = sim.addChannel('ir');
    for (let index = 0; index < 5; index++)
      await slack.chat.postMessage({ channel: channel.id, text: `m${index}` });
    const first = await slack.conversations.history({ channel: channel.id, limit: 3 });
    expect(first.messages?.map((message) => message.text)).toEqual(['m4', 'm3', 'm2']);
    expect(first.has_more).toBe(true);
    const second = await slack.conversations.history({
      channel: channel.id,
      limit: 3,
      cursor: first.response_metadata?.next_cursor ?? '',
    });
    expect(second.messages?.map((message) => message.text)).toEqual(['m1', 'm0']);
    expect(second).toMatchObject({ has_more: false, response_metadata: { next_cursor: '' } });

    const recent = await slack.conversations.history({ channel: channel.id, oldest: '1732800000.000200' });
    expect(recent.messages?.map((message) => message.text)).toEqual(['m4', 'm3']);
    const invalid = await slackError(
      slack.conversations.history({ channel: channel.id, oldest: 'yesterday' }),
    );
    expect(invalid.error).toBe('invalid_ts_oldest');
  });

  it('refuses history of a public channel the bot is not in with not_in_channel, and names instead of ids', async () => {
    const outside = sim.addChannel('general', { member: false });
    expect((await slackError(slack.conversations.history({ channel: outside.id }))).error).toBe(
      'not_in_channel',
    );
    expect((await slackError(slack.conversations.history({ channel: '#general' }))).error).toBe(
      'channel_not_found',
    );
  });

  it('describes a channel by id', async () => {
    const channel = sim.addChannel('ir-critical', { private: true });
    const info = await slack.conversations.info({ channel: channel.id });
    expect(info.channel).toMatchObject({
      id: channel.id,
      name: 'ir-critical',
      is_private: true,
      is_member: true,
    });
    expect(sim.mutatingRequests()).toEqual([]);
  });
});

describe('faults', () => {
  beforeEach(() => {
    sim.addChannel('ir');
  });

  it('answers an injected Slack error once, then serves again', async () => {
    sim.failNext('chat.postMessage', 'channel_not_found');
    expect((await slackError(slack.chat.postMessage({ channel: '#ir', text: 'x' }))).error).toBe(
      'channel_not_found',
    );
    await slack.chat.postMessage({ channel: '#ir', text: 'x' });
    expect(sim.requests.map((request) => [request.status, request.error])).toEqual([
      [200, 'channel_not_found'],
      [200, null],
    ]);
  });

  it('rate limits with 429 and Retry-After, which the client waits out and retries', async () => {
    sim.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    await slack.chat.postMessage({ channel: '#ir', text: 'after the wait' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(sim.requests.map((request) => [request.status, request.error])).toEqual([
      [429, 'ratelimited'],
      [200, null],
    ]);
    expect(sim.messages('ir')).toHaveLength(1);
  });

  it('hands the Retry-After to a client that rejects rate-limited calls', async () => {
    sim.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    const error = await rejectionOf(
      clientFor(sim.token, { rejectRateLimitedCalls: true }).chat.postMessage({ channel: '#ir', text: 'x' }),
    );
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBe(30);
    expect(sim.messages('ir')).toEqual([]);
  });

  it('fails with a 5xx that the client retries, and gives up when every attempt fails', async () => {
    sim.failNext('chat.postMessage', { status: 503 });
    await slack.chat.postMessage({ channel: '#ir', text: 'second attempt' });
    expect(sim.requests.map((request) => request.status)).toEqual([503, 200]);

    for (let attempt = 0; attempt < 3; attempt++) sim.failNext('chat.postMessage', { status: 500 });
    const error = await rejectionOf(slack.chat.postMessage({ channel: '#ir', text: 'never' }));
    expect(error).toBeInstanceOf(WebAPIHTTPError);
    expect((error as WebAPIHTTPError).statusCode).toBe(500);
    expect(sim.messages('ir').map((message) => message.text)).toEqual(['second attempt']);
  });

  it('skips as many requests as asked before failing one', async () => {
    sim.failNext('chat.postMessage', 'not_in_channel', { skip: 1 });
    await slack.chat.postMessage({ channel: '#ir', text: 'first' });
    expect((await slackError(slack.chat.postMessage({ channel: '#ir', text: 'second' }))).error).toBe(
      'not_in_channel',
    );
  });
});

describe('hostile requests', () => {
  const post = (path: string, body: string, contentType = 'application/x-www-form-urlencoded') =>
    fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.token}`, 'content-type': contentType },
      body,
    });

  it('refuses a body over 1 MiB with 413, storing nothing', async () => {
    sim.addChannel('ir');
    const response = await post('/api/chat.postMessage', `channel=%23ir&text=${'x'.repeat(1024 * 1024)}`);
    expect(response.status).toBe(413);
    expect(sim.messages('ir')).toEqual([]);
    expect(sim.requests[0]).toMatchObject({
      method: 'chat.postMessage',
      status: 413,
      error: 'request_too_large',
    });
  });

  it('answers unknown_method, invalid_json, json_not_object, invalid_arg_name and invalid_array_arg', async () => {
    const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;
    expect(await errorOf(await post('/api/chat.explode', 'a=1'))).toBe('unknown_method');
    expect(await errorOf(await post('/api/auth.test', '{', 'application/json'))).toBe('invalid_json');
    expect(await errorOf(await post('/api/auth.test', '[1]', 'application/json'))).toBe('json_not_object');
    expect(await errorOf(await post('/api/auth.test', 'bad-name=1'))).toBe('invalid_arg_name');
    expect(await errorOf(await post('/api/auth.test', 'text%5B0%5D=1'))).toBe('invalid_array_arg');
  });

  it('refuses JSON nested deeper than any Block Kit payload without walking it', async () => {
    const deep = `{"channel":"#ir","text":"x","blocks":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const response = await post('/api/chat.postMessage', deep, 'application/json');
    expect(await response.json()).toEqual({ ok: false, error: 'invalid_arguments' });
  });

  it('keeps an echoed block type short and inside its JSON string', async () => {
    sim.addChannel('ir');
    const type = `"><script>${'x'.repeat(200)}`;
    const data = await slackError(slack.chat.postMessage({ channel: '#ir', text: 'x', blocks: [{ type }] }));
    expect(data.errors?.[0]).toBe(`unsupported type: ${type.slice(0, 40)}… [json-pointer:/blocks/0/type]`);
  });

  it('answers 404 outside /api/', async () => {
    const response = await post('/admin', '');
    expect(response.status).toBe(404);
  });
});
