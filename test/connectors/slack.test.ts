// slack:post_message through the real @slack/web-api WebClient against the simulated Slack: what the
// channel holds afterwards, read from the sim — and above all, that nothing an attacker put in the event
// notifies anyone.

import { readFileSync } from 'node:fs';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { type ActionContext, ActionFailure, execute, verify } from '../../src/connectors/action.js';
import { createClients } from '../../src/connectors/clients.js';
import { escapeMrkdwn, type PostMessageParams, postMessage } from '../../src/connectors/slack.js';
import { type SlackFault, type SlackSim, startSlackSim } from '../../src/sim/slack.js';
import { actionContract, type ContractWorld, MemoryJournal, within } from '../support/action-contract.js';

const INCIDENT = 'IR-20260314-abcd2345';
const NOW = new Date('2026-03-14T09:30:00Z');
const LINKS = {
  incident: `https://github.com/example-org/incidents/blob/main/incidents/${INCIDENT}/incident.md`,
  run: 'https://github.com/example-org/incidents/actions/runs/4242',
};

/** Faults in Slack's words: 429 with Retry-After, a 503 from its edge, and a refusal with `ok: false`. */
const SLACK_FAULTS = {
  throttle: { status: 429, retryAfter: 0 },
  unavailable: { status: 503 },
  hard: 'access_denied',
} as const satisfies Record<string, SlackFault>;

interface SlackWorld extends ContractWorld<SlackFault> {
  readonly sim: SlackSim;
}

async function slackWorld(
  options: { scopes?: readonly string[]; seed?: (sim: SlackSim) => void } = {},
): Promise<SlackWorld> {
  const sim = await startSlackSim({
    clock: () => NOW.getTime(),
    ...(options.scopes && { scopes: options.scopes }),
  });
  sim.addChannel('ir-critical');
  options.seed?.(sim);
  const context: ActionContext = {
    incidentId: INCIDENT,
    aws: { region: 'us-east-1' },
    clients: createClients({ slack: { token: sim.token, apiUrl: `${sim.url}/api/`, retries: 2 } }),
    now: () => NOW,
    links: LINKS,
  };
  return {
    sim,
    context,
    // Thread timestamps as "reply"/null, so that two worlds seeded alike compare equal.
    state: () =>
      sim.messages('ir-critical').map((message) => ({
        text: message.text,
        blocks: message.blocks,
        thread: message.threadTs === null ? null : 'reply',
        mentions: [...message.mentions],
      })),
    requests: () =>
      sim.requests.map((request) => ({ operation: request.method, mutating: request.mutating })),
    failNext: (operation, fault, failOptions) => sim.failNext(operation, fault, failOptions),
    close: () => sim.close(),
  };
}

const PARAMS: PostMessageParams = {
  channel: '#ir-critical',
  text: 'Containment is waiting for approval.',
  title: 'Backdoor:EC2/C&CActivity.B on i-0abc123def4567890',
  severity: 'critical',
  score: 0.92,
  resources: ['i-0abc123def4567890', 'arn:aws:iam::123456789012:role/orders-api'],
  playbook: 'aws-compromised-ec2-instance',
};

/** Every text object's text in the blocks, in order: what the channel reads. */
function textsOf(blocks: readonly unknown[] | null | undefined): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const { text, ...rest } = value as { text?: unknown };
      if (typeof text === 'string') texts.push(text);
      else walk(text);
      Object.values(rest).forEach(walk);
    }
  };
  walk(blocks);
  return texts;
}

describe('slack:post_message', () => {
  actionContract({
    action: postMessage,
    params: PARAMS,
    setup: () => slackWorld(),
    faults: SLACK_FAULTS,
    // The message is only found again through the ts the journal holds.
    idempotentWithoutJournal: false,
  });

  it('posts the incident to the channel: severity, title, score, playbook, resources and links, unfurls off', async () => {
    await within(slackWorld(), async ({ sim, context }) => {
      const outcome = await execute(postMessage, PARAMS, context, new MemoryJournal());
      const channel = sim.channel('#ir-critical');
      expect(outcome.record).toEqual({
        channel: '#ir-critical',
        channel_id: channel?.id,
        ts: '1773480600.000000',
        thread_ts: null,
      });
      const [message] = sim.messages('#ir-critical');
      expect(message).toMatchObject({
        text: `CRITICAL incident ${INCIDENT}: Backdoor:EC2/C&amp;CActivity.B on i-0abc123def4567890`,
        threadTs: null,
        unfurlLinks: false,
        unfurlMedia: false,
        user: sim.botUserId,
      });
      expect(textsOf(message?.blocks)).toEqual([
        `CRITICAL incident ${INCIDENT}`,
        'Containment is waiting for approval.',
        '*Backdoor:EC2/C&amp;CActivity.B on i-0abc123def4567890*',
        '*Severity*\ncritical',
        '*Score*\n0.92',
        '*Playbook*\naws-compromised-ec2-instance',
        '*Resources*\ni-0abc123def4567890\narn:aws:iam::123456789012:role/orders-api',
        `<${LINKS.incident}|Incident file>  ·  <${LINKS.run}|Workflow run>`,
      ]);
      expect(sim.mutatingRequests().map((request) => request.method)).toEqual(['chat.postMessage']);
    });
  });

  it('replies in the thread incident.yaml holds for the channel, and names the thread a first message starts', async () => {
    await within(slackWorld(), async ({ sim, context }) => {
      const first = await execute(postMessage, PARAMS, context, new MemoryJournal());
      const threads = postMessage.threadsOf?.(first.record) ?? {};
      expect(threads).toEqual({ '#ir-critical': first.record.ts });
      const reply = await execute(postMessage, PARAMS, { ...context, threads }, new MemoryJournal());
      expect(reply.record.thread_ts).toBe(first.record.ts);
      expect(postMessage.threadsOf?.(reply.record)).toEqual(threads);
      expect(sim.messages('#ir-critical').map((message) => message.threadTs)).toEqual([
        null,
        first.record.ts,
      ]);
    });
  });

  it('pings nobody whatever the event says: mentions, broadcasts and links arrive as plain text', async () => {
    const hostile = {
      ...PARAMS,
      text: 'FYI <@U0ONCALL1> @everyone',
      title:
        'Backdoor <!channel> <!here|here> @here <@U024BE7LH> <!subteam^SAZ94GDB8|@sec> <https://evil.example|login>',
      resources: ['i-0abc <!everyone>', '@channel', '&lt;!here&gt;'],
      playbook: '<!group>',
    };
    await within(slackWorld(), async ({ sim, context }) => {
      await execute(postMessage, hostile, context, new MemoryJournal());
      const [message] = sim.messages('#ir-critical');
      expect(message?.mentions).toEqual(new Set());
      const texts = textsOf(message?.blocks);
      expect(texts).toContain('FYI &lt;@U0ONCALL1&gt; @everyone');
      expect(texts).toContain('*Resources*\ni-0abc &lt;!everyone&gt;\n@channel\n&amp;lt;!here&amp;gt;');
      expect(message?.text).toContain('Backdoor &lt;!channel&gt; &lt;!here|here&gt; @here');

      // The same words sent as they came would have paged the whole channel: the check above can fail.
      const raw = new WebClient(sim.token, { slackApiUrl: `${sim.url}/api/` });
      await raw.chat.postMessage({
        channel: '#ir-critical',
        text: 'raw',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: hostile.title } }],
      });
      expect(sim.messages('#ir-critical')[1]?.mentions).toEqual(
        new Set(['<!channel>', '<!here>', '<@U024BE7LH>', '<!subteam^SAZ94GDB8>']),
      );
    });
  });

  it("replies in the incident's thread in that channel, and on its own when thread is false", async () => {
    await within(slackWorld(), async ({ sim, context }) => {
      const first = await execute(postMessage, PARAMS, context, new MemoryJournal());
      const threads = { '#ir-critical': first.record.ts ?? '', '#ir-other': '1600000000.000100' };

      const reply = await execute(postMessage, { ...PARAMS, threads }, context, new MemoryJournal());
      expect(reply.record).toMatchObject({ thread_ts: first.record.ts, ts: '1773480600.000100' });
      expect(reply.calls.map((call) => call.target)).toEqual([`#ir-critical thread ${first.record.ts}`]);

      const apart = await execute(
        postMessage,
        { ...PARAMS, threads, thread: false },
        context,
        new MemoryJournal(),
      );
      expect(apart.record.thread_ts).toBeNull();
      expect(sim.messages('#ir-critical').map((message) => message.threadTs)).toEqual([
        null,
        first.record.ts,
        null,
      ]);
    });
  });

  it("posts on its own when the thread's first message was deleted, and records no thread", async () => {
    await within(slackWorld(), async ({ sim, context }) => {
      const first = await execute(postMessage, PARAMS, context, new MemoryJournal());
      sim.removeMessage('#ir-critical', first.record.ts ?? '');
      const threads = { '#ir-critical': first.record.ts ?? '' };
      const outcome = await execute(postMessage, { ...PARAMS, threads }, context, new MemoryJournal());
      expect(outcome.record.thread_ts).toBeNull();
      expect(sim.messages('#ir-critical')).toEqual([expect.objectContaining({ threadTs: null })]);
      expect(
        sim.requests.filter((request) => request.method === 'chat.postMessage').map((r) => r.error),
      ).toEqual([null, 'thread_not_found', null]);
    });
  });

  it('cuts a title and text longer than Slack allows rather than losing the notification', async () => {
    const long = {
      ...PARAMS,
      title: '&<'.repeat(5000),
      text: '>'.repeat(3000),
      resources: ['r'.repeat(500)],
    };
    await within(slackWorld(), async ({ sim, context }) => {
      await execute(postMessage, long, context, new MemoryJournal());
      const [message] = sim.messages('#ir-critical');
      const [, text, title] = textsOf(message?.blocks);
      // At most Slack's 3000, less the part of an entity that would not fit.
      expect([...(text ?? '')].length).toBeGreaterThan(2990);
      expect([...(text ?? '')].length).toBeLessThanOrEqual(3000);
      expect(text).toMatch(/^(&gt;)+…$/);
      expect(title).toMatch(/^\*(&amp;&lt;)+(&amp;)?…\*$/);
      expect(sim.requests.map((request) => request.error)).toEqual([null, null]);
    });
  });

  it('escapes without ever cutting an entity in two', () => {
    expect(escapeMrkdwn('a<b>&c', 100)).toBe('a&lt;b&gt;&amp;c');
    expect(escapeMrkdwn('ab<', 6)).toBe('ab&lt;');
    expect(escapeMrkdwn('ab<', 5)).toBe('ab…');
    expect(escapeMrkdwn('ab&', 4)).toBe('ab…');
    expect(escapeMrkdwn('abcdef', 4)).toBe('abc…');
  });

  it('needs chat:write alone, the one scope the catalogue declares', async () => {
    const catalogue = JSON.parse(readFileSync('schemas/actions/slack/post_message.json', 'utf8'));
    expect(catalogue.permissions).toEqual(['chat:write']);
    await within(slackWorld({ scopes: catalogue.permissions }), async ({ sim, context }) => {
      const outcome = await execute(postMessage, PARAMS, context, new MemoryJournal());
      expect(await verify(postMessage, PARAMS, context, outcome.record)).toMatchObject({ ok: true });
      expect(sim.requests.map((request) => [request.method, request.error])).toEqual([
        ['auth.test', null],
        ['chat.postMessage', null],
        ['chat.getPermalink', null],
      ]);
    });
  });

  it('fails naming the call when the bot is not in the channel, keeping the token out of the reason', async () => {
    const world = await slackWorld({ seed: (sim) => sim.addChannel('general', { member: false }) });
    await within(world, async ({ sim, context }) => {
      const failure = await execute(
        postMessage,
        { ...PARAMS, channel: '#general' },
        context,
        new MemoryJournal(),
      ).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ActionFailure);
      const { call, reason } = failure as ActionFailure;
      expect(call?.call).toBe('slack:chat.postMessage');
      expect(reason).toContain('not_in_channel');
      expect(String(failure)).not.toContain(sim.token);
      expect(sim.messages('general')).toEqual([]);
    });
  });

  it('verify reads the message back, and says so once it has been deleted', async () => {
    await within(slackWorld(), async ({ sim, context }) => {
      const outcome = await execute(postMessage, PARAMS, context, new MemoryJournal());
      const held = await verify(postMessage, PARAMS, context, outcome.record);
      expect(held.detail).toContain(`/archives/${outcome.record.channel_id}/p1773480600000000`);
      sim.removeMessage('#ir-critical', outcome.record.ts ?? '');
      expect(await verify(postMessage, PARAMS, context, outcome.record)).toEqual({
        ok: false,
        detail: '#ir-critical: message 1773480600.000000 is no longer there',
      });
    });
  });
});
