// `irac relay` on loopback: webhook senders POST to it over real HTTP, it forwards through the real Octokit
// (retry and throttling plugins, their second shortened to a millisecond) to the loopback GitHub, and the
// tests read what GitHub recorded — every event delivered once, in as few dispatches as the limits allow.

import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { relayCommand } from '../src/cli/relay-command.js';
import { sendCommand } from '../src/cli/send-command.js';
import { InputError } from '../src/errors.js';
import type { JsonObject } from '../src/json.js';
import { type Relay, type RelayOptions, startRelay } from '../src/relay/server.js';
import type { DispatchBody } from '../src/send/dispatches.js';
import { dispatchPoster, type GitHubSettings } from '../src/send/github.js';
import { type GitHubSim, startGitHubSim } from '../src/sim/github.js';
import { REPO_ROOT } from './helpers/corpus.js';
import { alertsIn, falcoAlert, uuidsOf } from './support/falco-alerts.js';

const REPO = 'acme/security-incidents';
const SECRET = 'relay-shared-secret-4f9c2a7e1b';
const HMAC_KEY = 'relay-hmac-key-8d3b6e0f5a91';
const DISPATCHES = 'POST /repos/{owner}/{repo}/dispatches' as const;

interface World {
  readonly sim: GitHubSim;
  readonly relay: Relay;
  readonly logs: string[];
  readonly deadLetters: DispatchBody[];
}

const worlds: World[] = [];

async function startWorld(
  overrides: Partial<RelayOptions> = {},
  github?: Partial<GitHubSettings>,
): Promise<World> {
  const sim = await startGitHubSim();
  sim.addRepository(REPO);
  const logs: string[] = [];
  const deadLetters: DispatchBody[] = [];
  const relay = await startRelay({
    host: '127.0.0.1',
    port: 0,
    credentials: { sharedSecret: SECRET, hmacKey: HMAC_KEY },
    post: dispatchPoster(
      { token: sim.token, baseUrl: sim.url, secondMs: 1, ...github },
      { owner: 'acme', repo: 'security-incidents' },
    ),
    windowMs: 20,
    redeliveryMs: 10,
    log: (line) => logs.push(line),
    deadLetter: (dispatch) => deadLetters.push(dispatch.body),
    ...overrides,
  });
  const world = { sim, relay, logs, deadLetters };
  worlds.push(world);
  return world;
}

afterEach(async () => {
  for (const world of worlds.splice(0)) {
    await world.relay.close();
    await world.sim.close();
  }
});

const bearer = { authorization: `Bearer ${SECRET}` };

function post(relay: Relay, body: string, headers: Record<string, string> = bearer, path = '/events') {
  return fetch(`${relay.url}${path}`, { method: 'POST', body, headers });
}

/** A POST through node:http's keep-alive agent: many thousands of them cost less than through fetch. */
function rawPost(agent: Agent, relay: Relay, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${relay.url}/events`,
      { method: 'POST', agent, headers: bearer },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const sign = (text: string) => `sha256=${createHmac('sha256', HMAC_KEY).update(text).digest('hex')}`;

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly retryAfter: string | undefined;
}

/**
 * A POST over node:http whose body the test writes (or holds back) itself; `answered` settles on the
 * relay's answer, whether or not the body was sent. Content-Length is announced unless `chunked`.
 */
function openPost(relay: Relay, headers: Record<string, string>, length?: number) {
  const request = httpRequest(`${relay.url}/events`, {
    method: 'POST',
    headers: { ...headers, ...(length === undefined ? {} : { 'content-length': String(length) }) },
  });
  const answered = new Promise<Answer>((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      const retryAfter = response.headers['retry-after'];
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text, retryAfter }));
    });
    // Once answered, the relay may close before the rest of the body is written: that is its refusal.
    request.on('error', reject);
  });
  request.flushHeaders();
  return { request, answered };
}

/** `promise`, or a rejection naming `what` after `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A body of exactly `bytes` bytes that the Falco normalizer takes: an alert, then JSON whitespace. */
const paddedAlert = (n: number, bytes: number) => {
  const alert = JSON.stringify(falcoAlert(n));
  return alert + ' '.repeat(bytes - alert.length);
};

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the relay');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Runs `tasks` with at most `width` at a time. */
async function inParallel<T>(count: number, width: number, task: (n: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      results[n] = await task(n);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

describe('irac relay: who may send', () => {
  it('takes a request carrying the shared secret as a Bearer token and forwards its event', async () => {
    const { sim, relay } = await startWorld();
    const response = await post(relay, JSON.stringify(falcoAlert(1)));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1 });
    await until(() => relay.stats().delivered === 1);
    expect(alertsIn(sim.dispatches(REPO))).toEqual([falcoAlert(1)]);
  });

  it('takes a body signed with the HMAC key, and refuses one whose signature is for other bytes', async () => {
    const { sim, relay } = await startWorld();
    const body = JSON.stringify(falcoAlert(2));
    expect((await post(relay, body, { 'x-irac-signature-256': sign(body) })).status).toBe(202);
    const forged = await post(relay, JSON.stringify(falcoAlert(3)), { 'x-irac-signature-256': sign(body) });
    expect(forged.status).toBe(401);
    await until(() => relay.stats().delivered === 1);
    expect(uuidsOf(alertsIn(sim.dispatches(REPO)))).toEqual(['alert-000002']);
  });

  it('refuses a request without credentials or with the wrong secret, with 401 and one line', async () => {
    const { sim, relay } = await startWorld();
    const body = JSON.stringify(falcoAlert(1));
    const anonymous = await post(relay, body, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="irac-relay"');
    expect(await anonymous.text()).toBe(
      'not authenticated: send the shared secret as a Bearer token, or sign the body\n',
    );
    expect((await post(relay, body, { authorization: `Bearer ${SECRET}x` })).status).toBe(401);
    expect((await post(relay, body, { 'x-irac-signature-256': `sha256=${'0'.repeat(64)}` })).status).toBe(
      401,
    );
    await relay.close();
    expect(sim.requests).toEqual([]);
  });

  it('refuses a signature header that cannot be a signature with 401, before reading a byte of the body', async () => {
    const { relay } = await startWorld();
    for (const signature of [
      'anything',
      'sha256=abc',
      `sha256=${'A'.repeat(64)}`,
      `sha1=${'0'.repeat(40)}`,
    ]) {
      // A million bytes announced and none sent: an answer at all means the relay did not wait for them.
      const { request, answered } = openPost(relay, { 'x-irac-signature-256': signature }, 1_000_000);
      const answer = await within(answered, 5000, signature);
      request.destroy();
      expect(answer).toEqual({
        status: 401,
        text: 'not authenticated: send the shared secret as a Bearer token, or sign the body\n',
        retryAfter: undefined,
      });
    }
    expect(relay.stats()).toMatchObject({ held: 0, checking: 0 });
  });

  it('holds at most its budget of signed bodies not yet checked, answering 503 past it; Bearer senders are not held up', async () => {
    const { sim, relay } = await startWorld({ maxUnauthenticatedBytes: 4096 });
    // A slow signer: 3000 bytes announced, 1000 sent.
    const slowBody = paddedAlert(1, 3000);
    const slow = openPost(relay, { 'x-irac-signature-256': sign(slowBody) }, 3000);
    slow.request.write(slowBody.slice(0, 1000));
    await until(() => relay.stats().checking === 3000);

    // Announced past what is left: refused before its body is read.
    const announcedBody = paddedAlert(2, 2000);
    const announced = openPost(relay, { 'x-irac-signature-256': sign(announcedBody) }, 2000);
    announced.request.end(announcedBody);
    expect(await within(announced.answered, 5000, 'announced')).toEqual({
      status: 503,
      text: 'too many signed bodies being checked at once; try again later\n',
      retryAfter: '1',
    });
    // Chunked, nothing announced: refused as the bytes arrive past the budget.
    const chunkedBody = paddedAlert(3, 1500);
    const chunked = openPost(relay, { 'x-irac-signature-256': sign(chunkedBody) });
    chunked.request.end(chunkedBody);
    expect((await within(chunked.answered, 5000, 'chunked')).status).toBe(503);
    expect(relay.stats().checking).toBe(3000);

    expect((await post(relay, JSON.stringify(falcoAlert(4)))).status).toBe(202);
    slow.request.end(slowBody.slice(1000));
    expect((await slow.answered).status).toBe(202);
    expect(relay.stats().checking).toBe(0);
    // The budget is free again.
    const laterBody = paddedAlert(5, 3000);
    expect((await post(relay, laterBody, { 'x-irac-signature-256': sign(laterBody) })).status).toBe(202);
    await until(() => relay.stats().delivered === 3);
    expect(uuidsOf(alertsIn(sim.dispatches(REPO))).sort()).toEqual([
      'alert-000001',
      'alert-000004',
      'alert-000005',
    ]);
  });

  it('closes connections past maxConnections at once, says so once, and serves again when one ends', async () => {
    const { relay, logs } = await startWorld({ maxConnections: 2 });
    const { port } = new URL(relay.url);
    const open = async () => {
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      return socket;
    };
    /** What a GET /healthz on a new connection gets back, '' when the relay closed it unanswered. */
    const health = async () => {
      const socket = await open();
      let received = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => {
        received += chunk;
      });
      socket.on('error', () => {});
      socket.write('GET /healthz HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n\r\n');
      await once(socket, 'close');
      return received;
    };
    const held: Socket[] = [await open(), await open()];
    try {
      expect(await within(health(), 5000, 'third connection')).toBe('');
      expect(await within(health(), 5000, 'fourth connection')).toBe('');
      expect(logs.filter((line) => line.includes('connections open'))).toEqual([
        '2 connections open: closing new ones until some end',
      ]);
      held.pop()?.destroy();
      // The relay counts the ended connection out as soon as it sees it close.
      let answer = '';
      const retry = async () => {
        while (!answer) answer = await health();
      };
      await within(retry(), 5000, 'after one ended');
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });

  it('does not start without a secret in the environment, nor with a short one', async () => {
    await expect(
      relayCommand(
        {},
        { stdout: () => {}, stderr: () => {}, readStdin: async () => undefined },
        {
          env: { GITHUB_TOKEN: 'x', GITHUB_REPOSITORY: REPO },
          stop: new Promise(() => {}),
        },
      ),
    ).rejects.toThrow(
      new InputError(
        'environment',
        'set IRAC_RELAY_SECRET (shared secret) or IRAC_RELAY_HMAC_KEY (body signatures): the relay does not run open',
      ),
    );
    await expect(
      relayCommand(
        {},
        { stdout: () => {}, stderr: () => {}, readStdin: async () => undefined },
        {
          env: { IRAC_RELAY_SECRET: 'hunter2', GITHUB_TOKEN: 'x', GITHUB_REPOSITORY: REPO },
          stop: new Promise(() => {}),
        },
      ),
    ).rejects.toThrow('IRAC_RELAY_SECRET: is 7 characters; use at least 16 random ones');
  });
});

describe('irac relay: what it accepts', () => {
  it('answers 413 to a body over the limit, announced or streamed, and queues nothing', async () => {
    const { relay } = await startWorld({ maxBodyBytes: 2048 });
    const announced = await post(relay, JSON.stringify({ ...falcoAlert(1), pad: 'x'.repeat(4000) }));
    expect(announced.status).toBe(413);
    expect(await announced.text()).toBe('body is over 2048 bytes\n');

    // Chunked, with no Content-Length: counted as it arrives.
    const streamed = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${relay.url}/events`, { method: 'POST', headers: bearer }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      for (let i = 0; i < 3; i++) request.write('x'.repeat(1500));
      request.end();
    });
    expect(streamed).toBe(413);
    expect(relay.stats().held).toBe(0);
  });

  it('answers 400 with the normalizer’s one line to a payload that would never become an incident', async () => {
    const { relay } = await startWorld();
    const response = await post(relay, JSON.stringify({ ...falcoAlert(1), priority: 'Loud' }));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('body: $.priority: unknown Falco priority "Loud"\n');
    const unknown = await post(relay, JSON.stringify({ hello: 'world' }));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toMatch(/^body: \$: unrecognised payload \(keys: hello\); known sources: /);
  });

  it('forwards a source named in the path as client_payload.source, and refuses one it does not know', async () => {
    const { sim, relay } = await startWorld();
    expect((await post(relay, JSON.stringify(falcoAlert(1)), bearer, '/events/falco')).status).toBe(202);
    const wrong = await post(relay, JSON.stringify(falcoAlert(1)), bearer, '/events/nagios');
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toMatch(/^no source "nagios"; known: cloudtrail, datadog, /);
    await until(() => relay.stats().delivered === 1);
    expect(sim.dispatches(REPO)[0]?.clientPayload).toEqual({ source: 'falco', event: falcoAlert(1) });
  });

  it('answers 503 with Retry-After once its queue is full, and delivers what it holds', async () => {
    const { sim, relay } = await startWorld({ maxQueuedEvents: 5, windowMs: 60_000 });
    for (let n = 0; n < 5; n++) expect((await post(relay, JSON.stringify(falcoAlert(n)))).status).toBe(202);
    const full = await post(relay, JSON.stringify(falcoAlert(5)));
    expect(full.status).toBe(503);
    expect(full.headers.get('retry-after')).toBe('60');
    expect(await full.text()).toBe('queue full (5 events held); try again later\n');
    const health = await fetch(`${relay.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', held: 5 });
    await relay.close();
    expect(uuidsOf(alertsIn(sim.dispatches(REPO)))).toHaveLength(5);
  });
});

describe('irac relay: storms, outages and stopping', () => {
  it('turns a storm of 10,000 alerts into a bounded number of dispatches: none lost, none twice', async () => {
    const { sim, relay, logs } = await startWorld({ windowMs: 200 });
    const total = 10_000;
    const started = performance.now();
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const statuses = await inParallel(total, 32, (n) =>
      rawPost(agent, relay, JSON.stringify(falcoAlert(n, 25))),
    );
    agent.destroy();
    const received = performance.now();
    await until(() => relay.stats().delivered === total, 30_000);
    const delivered = performance.now();

    expect(statuses.every((status) => status === 202)).toBe(true);
    const dispatches = sim.dispatches(REPO);
    const uuids = uuidsOf(alertsIn(dispatches));
    expect(uuids).toHaveLength(total);
    expect(new Set(uuids).size).toBe(total);
    // Packed to the limit, except the last dispatch of each window.
    const bytes = JSON.stringify(falcoAlert(0, 25)).length + 1;
    const perDispatch = Math.floor((64 * 1024 - 16) / bytes);
    const windows = logs.filter((line) => line.startsWith('delivered ')).length;
    expect(dispatches.length).toBeLessThanOrEqual(Math.ceil(total / perDispatch) + windows);
    // Alerts of one fingerprint travel together: within a dispatch, each rule's alerts are one run.
    for (const dispatch of dispatches) {
      const rules = alertsIn([dispatch]).map((alert) => (alert as JsonObject).rule);
      const runs = rules.filter((rule, i) => i === 0 || rule !== rules[i - 1]);
      expect(new Set(runs).size).toBe(runs.length);
    }
    console.info(
      `relay storm: ${total} alerts in, ${dispatches.length} dispatches out over ${windows} windows; ` +
        `received in ${Math.round(received - started)} ms, all delivered after ${Math.round(delivered - started)} ms`,
    );
  });

  it('holds events through a GitHub outage longer than the retry plugin’s patience, then delivers them once', async () => {
    const { sim, relay, logs } = await startWorld();
    // The plugin makes four attempts per dispatch; eight 503s outlast two rounds of them.
    for (let i = 0; i < 8; i++)
      sim.failNext(DISPATCHES, { kind: 'error', status: 503, message: 'Service Unavailable' });
    for (let n = 0; n < 3; n++) expect((await post(relay, JSON.stringify(falcoAlert(n)))).status).toBe(202);
    await until(() => relay.stats().delivered === 3);

    expect(sim.requests.map((request) => request.status)).toEqual([...Array(8).fill(503), 204]);
    expect(uuidsOf(alertsIn(sim.dispatches(REPO)))).toEqual(['alert-000000', 'alert-000001', 'alert-000002']);
    expect(logs.filter((line) => line.startsWith('delivery failed: GitHub answered HTTP 503'))).toHaveLength(
      2,
    );
    expect(relay.stats()).toMatchObject({ delivered: 3, dispatches: 1, failedAttempts: 2, deadLettered: 0 });
  });

  it('delivers what it holds when it stops, without waiting for the window', async () => {
    const { sim, relay } = await startWorld({ windowMs: 60_000 });
    for (let n = 0; n < 3; n++) await post(relay, JSON.stringify(falcoAlert(n)));
    expect(sim.dispatches(REPO)).toEqual([]);
    await relay.close();
    expect(uuidsOf(alertsIn(sim.dispatches(REPO)))).toEqual(['alert-000000', 'alert-000001', 'alert-000002']);
    await expect(post(relay, JSON.stringify(falcoAlert(4)))).rejects.toThrow();
  });

  it('sets aside what GitHub cannot take before it stops, as dispatches `irac send` replays', async () => {
    const unreachable = await startGitHubSim();
    await unreachable.close();
    const { sim, relay, deadLetters } = await startWorld({ windowMs: 60_000 }, { baseUrl: unreachable.url });
    for (let n = 0; n < 3; n++) await post(relay, JSON.stringify(falcoAlert(n)), bearer, '/events/falco');
    await relay.close();
    expect(relay.stats()).toMatchObject({ delivered: 0, deadLettered: 3 });
    expect(deadLetters).toEqual([
      {
        event_type: 'security-event',
        client_payload: { source: 'falco', events: [0, 1, 2].map((n) => falcoAlert(n)) },
      },
    ]);

    const dir = await mkdtemp(join(tmpdir(), 'irac-relay-'));
    try {
      const file = join(dir, 'dead-letters.ndjson');
      await writeFile(file, deadLetters.map((body) => `${JSON.stringify(body)}\n`).join(''));
      const io = { stdout: () => {}, stderr: () => {}, readStdin: async () => undefined };
      await sendCommand(file, { repo: REPO }, io, { token: sim.token, baseUrl: sim.url, secondMs: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(sim.dispatches(REPO).map((d) => d.clientPayload)).toEqual([
      { source: 'falco', events: [0, 1, 2].map((n) => falcoAlert(n)) },
    ]);
  });

  it('survives a dead-letter sink that fails (EPIPE): says so in one line, keeps the events, tries again', async () => {
    let sinkBroken = true;
    const written: DispatchBody[] = [];
    const { sim, relay, logs } = await startWorld({
      deadLetter: (dispatch) => {
        if (sinkBroken) {
          sinkBroken = false;
          throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
        }
        written.push(dispatch.body);
      },
    });
    // GitHub refuses the dispatch for its content, twice: the first dead letter cannot be written.
    for (let i = 0; i < 2; i++)
      sim.failNext(DISPATCHES, { kind: 'error', status: 422, message: 'Unprocessable Entity' });
    expect((await post(relay, JSON.stringify(falcoAlert(1)), bearer, '/events/falco')).status).toBe(202);
    await until(() => relay.stats().deadLettered === 1);
    expect(logs.filter((line) => line.startsWith('flush failed'))).toEqual([
      'flush failed: write EPIPE; holding 1 events, next attempt in 1 s',
    ]);
    expect(written).toEqual([
      { event_type: 'security-event', client_payload: { source: 'falco', event: falcoAlert(1) } },
    ]);
    expect(relay.stats().held).toBe(0);

    // And the relay still forwards what comes next.
    expect((await post(relay, JSON.stringify(falcoAlert(2)))).status).toBe(202);
    await until(() => relay.stats().delivered === 1);
    expect(uuidsOf(alertsIn(sim.dispatches(REPO)))).toEqual(['alert-000002']);
  });

  it('cuts off a request still trickling in when its shutdown time is up, unanswered, and delivers the rest', async () => {
    const { sim, relay, logs } = await startWorld({ windowMs: 60_000, drainTimeLimitMs: 300 });
    expect((await post(relay, JSON.stringify(falcoAlert(1)))).status).toBe(202);
    const trickle = openPost(relay, bearer, 1000);
    const outcome = trickle.answered.then(
      (answer) => answer.status,
      () => 'cut off',
    );
    trickle.request.write('{"uuid":');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await relay.close();
    expect(performance.now() - started).toBeLessThan(2000);
    // Never answered 202: the sender knows to send it again.
    expect(await outcome).toBe('cut off');
    expect(uuidsOf(alertsIn(sim.dispatches(REPO)))).toEqual(['alert-000001']);
    expect(logs.filter((line) => line.startsWith('internal error'))).toEqual([]);
  });

  describe('within its shutdown time limit, against a GitHub that accepts connections and never answers', () => {
    let silent: Server;
    const sockets = new Set<Socket>();
    const requestsSeen = () => sockets.size;

    beforeEach(async () => {
      silent = createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => {});
      });
      silent.listen(0, '127.0.0.1');
      await once(silent, 'listening');
    });
    afterEach(async () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      silent.close();
      await once(silent, 'close');
    });
    const silentUrl = () => `http://127.0.0.1:${(silent.address() as { port: number }).port}`;

    it('sets aside the batch whose delivery is under way when the limit passes', async () => {
      const { relay, deadLetters, logs } = await startWorld(
        { windowMs: 20, drainTimeLimitMs: 300 },
        { baseUrl: silentUrl() },
      );
      for (let n = 0; n < 3; n++) await post(relay, JSON.stringify(falcoAlert(n)));
      await until(() => requestsSeen() > 0);
      const started = performance.now();
      await relay.close();
      expect(performance.now() - started).toBeLessThan(2000);
      expect(relay.stats()).toMatchObject({ delivered: 0, deadLettered: 3, held: 0 });
      expect(deadLetters).toEqual([
        { event_type: 'security-event', client_payload: { events: [0, 1, 2].map((n) => falcoAlert(n)) } },
      ]);
      expect(logs).toContain(
        '3 events set aside as dead letters, first from body: $: not delivered before shutdown (the shutdown time limit of 0.3 s passed)',
      );
    });

    it('sets aside what it was still to deliver when the limit passes', async () => {
      const { relay, deadLetters } = await startWorld(
        { windowMs: 60_000, drainTimeLimitMs: 300 },
        { baseUrl: silentUrl() },
      );
      for (let n = 0; n < 3; n++) await post(relay, JSON.stringify(falcoAlert(n)));
      expect(requestsSeen()).toBe(0);
      const started = performance.now();
      await relay.close();
      expect(performance.now() - started).toBeLessThan(2000);
      expect(requestsSeen()).toBe(1);
      expect(relay.stats()).toMatchObject({ delivered: 0, deadLettered: 3, held: 0 });
      expect(deadLetters).toHaveLength(1);
    });
  });

  it('runs as a command until SIGTERM, then delivers what it holds and says so', async () => {
    const sim = await startGitHubSim();
    sim.addRepository(REPO);
    let stderr = '';
    let stop: (signal: string) => void = () => {};
    let listening: (relay: Relay) => void = () => {};
    const started = new Promise<Relay>((resolve) => {
      listening = resolve;
    });
    const running = relayCommand(
      { port: 0, windowMs: 60_000 },
      {
        stdout: () => {},
        stderr: (text) => {
          stderr += text;
        },
        readStdin: async () => undefined,
      },
      {
        env: { IRAC_RELAY_SECRET: SECRET, GITHUB_REPOSITORY: REPO },
        github: { token: sim.token, baseUrl: sim.url, secondMs: 1 },
        stop: new Promise((resolve) => {
          stop = resolve;
        }),
        listening,
      },
    );
    try {
      const relay = await started;
      expect((await post(relay, JSON.stringify(falcoAlert(7)))).status).toBe(202);
      stop('SIGTERM');
      await running;
      expect(uuidsOf(alertsIn(sim.dispatches(REPO)))).toEqual(['alert-000007']);
      expect(stderr).toMatch(
        /^irac relay: listening on http:\/\/127\.0\.0\.1:\d+\/events, forwarding to acme\/security-incidents \(auth: shared secret\)\n/,
      );
      expect(stderr).toContain('irac relay: SIGTERM: delivering 1 held events before stopping\n');
      expect(stderr).toContain('irac relay: stopped: 1 events delivered in 1 dispatches\n');
    } finally {
      await sim.close();
    }
  });

  it('stops on a real SIGTERM: the compiled relay delivers what it holds and exits 0', async () => {
    const sim = await startGitHubSim();
    sim.addRepository(REPO);
    // The compiled command in its own process, as a container runs it (npm run build first).
    const script =
      `const { relayCommand } = await import(${JSON.stringify(join(REPO_ROOT, 'lib/src/cli/relay-command.js'))});` +
      `const { processIo } = await import(${JSON.stringify(join(REPO_ROOT, 'lib/src/cli/io.js'))});` +
      'await relayCommand({ port: 0, windowMs: 60000 }, processIo);';
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH,
        IRAC_RELAY_SECRET: SECRET,
        GITHUB_TOKEN: sim.token,
        GITHUB_API_URL: sim.url,
        GITHUB_REPOSITORY: REPO,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    try {
      await until(() => /listening on (\S+)\/events/.test(stderr));
      const url = /listening on (\S+)\/events/.exec(stderr)?.[1] ?? '';
      const response = await fetch(`${url}/events`, {
        method: 'POST',
        body: JSON.stringify(falcoAlert(9)),
        headers: bearer,
      });
      expect(response.status).toBe(202);
      expect(sim.dispatches(REPO)).toEqual([]);
      child.kill('SIGTERM');
      const [code] = await once(child, 'close');
      expect({ code, stderr }).toMatchObject({
        code: 0,
        stderr: expect.stringContaining('SIGTERM: delivering 1 held events'),
      });
      expect(uuidsOf(alertsIn(sim.dispatches(REPO)))).toEqual(['alert-000009']);
    } finally {
      child.kill('SIGKILL');
      await sim.close();
    }
  });
});
