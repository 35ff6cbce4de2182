// `irac relay`'s HTTP side: a receiver for senders that cannot shape a repository_dispatch themselves
// (Falcosidekick, Splunk's and Elastic's webhooks). Each request is authenticated, bounded, and normalized
// exactly as the ingest workflow will normalize it, so a sender learns at once, with one line, that a
// payload will never become an incident; what is accepted is answered 202, queued, and forwarded in
// batches (forwarder.ts).
//
//   POST /events            the payload's source detected from its shape, as `irac normalize` does
//   POST /events/{source}   that normalizer (falco, splunk, elastic, …), sent as client_payload.source
//   GET  /healthz           liveness, and how many events are held

import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../errors.js';
import { DEFAULT_LIMITS } from '../ingest/documents.js';
import { isSourceName, SOURCE_NAMES } from '../ingest/registry.js';
import { type Dispatch, readOutgoingPayloads } from '../send/dispatches.js';
import type { PostDispatch } from '../send/github.js';
import type { Vendor } from '../types.js';
import { admittedByHeaders, admittedBySignature, type RelayCredentials } from './auth.js';
import { Forwarder, type ForwarderStats } from './forwarder.js';
import { RelayQueue } from './queue.js';

export interface RelayOptions {
  readonly host: string;
  /** 0 lets the system pick one. */
  readonly port: number;
  readonly credentials: RelayCredentials;
  /** Delivers one dispatch (to GitHub, through Octokit). */
  readonly post: PostDispatch;
  /** Batching window, in milliseconds. */
  readonly windowMs?: number | undefined;
  readonly maxBodyBytes?: number | undefined;
  readonly maxQueuedEvents?: number | undefined;
  readonly maxQueuedBytes?: number | undefined;
  /** Wait after a delivery GitHub did not take, doubled per failure up to maxRedeliveryMs. */
  readonly redeliveryMs?: number | undefined;
  readonly maxRedeliveryMs?: number | undefined;
  /** Connections open at once; past it, a new connection is closed as soon as it opens. */
  readonly maxConnections?: number | undefined;
  /**
   * Bytes of signed bodies read before their signature is checked, over all requests at once: what a
   * sender without the key can make the relay hold. Past it, 503.
   */
  readonly maxUnauthenticatedBytes?: number | undefined;
  /** How long a stop may take to deliver what is held before the rest becomes dead letters. */
  readonly drainTimeLimitMs?: number | undefined;
  readonly log: (line: string) => void;
  readonly deadLetter: (dispatch: Dispatch) => void;
}

export const RELAY_DEFAULTS = {
  windowMs: 2000,
  maxBodyBytes: DEFAULT_LIMITS.maxPayloadBytes,
  maxQueuedEvents: 20_000,
  maxQueuedBytes: 64 * 1024 * 1024,
  redeliveryMs: 5000,
  maxRedeliveryMs: 5 * 60 * 1000,
  maxConnections: 256,
  maxUnauthenticatedBytes: 16 * 1024 * 1024,
  // Inside the 30 s an orchestrator (Kubernetes, ECS) grants between SIGTERM and SIGKILL.
  drainTimeLimitMs: 25_000,
} as const;

export interface Relay {
  /** `http://host:port`. */
  readonly url: string;
  /** What was forwarded; `held` events; `checking`, bytes of signed bodies read before their check. */
  stats(): ForwarderStats & { held: number; checking: number };
  /**
   * Graceful stop (SIGTERM): refuses new requests, finishes those under way, delivers everything held,
   * and sets aside as dead letters what GitHub would not take — all within drainTimeLimitMs: requests
   * still under way at half of it are cut off (their senders were not answered, so they send again), and
   * what is still held at its end is set aside.
   */
  close(): Promise<void>;
}

/** A refusal: status, one line, and any headers it needs. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

const ROUTE = /^\/events(?:\/([^/]+))?\/?$/;

function answer(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  const json = headers['content-type'] !== undefined;
  const text = json ? body : `${body.replace(/[\r\n]+/g, ' ')}\n`;
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    ...headers,
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * The body, or a 413 once it passes `max` bytes (announced or received). `holding` hears how many bytes
 * the body will take, announced then as received, and may refuse to hold them by throwing.
 */
async function boundedBody(
  request: IncomingMessage,
  max: number,
  holding: (bytes: number) => void = () => {},
): Promise<Buffer> {
  const tooLarge = () => new Refusal(413, `body is over ${max} bytes`, { connection: 'close' });
  const announced = Number(request.headers['content-length'] ?? Number.NaN);
  if (announced > max) throw tooLarge();
  if (announced > 0) holding(announced);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge();
    holding(size);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function sourceOf(segment: string | undefined): Vendor | undefined {
  if (segment === undefined) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    name = segment;
  }
  if (!isSourceName(name)) {
    throw new Refusal(404, `no source "${name.slice(0, 40)}"; known: ${SOURCE_NAMES.join(', ')}`);
  }
  return name;
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const settings = { ...RELAY_DEFAULTS, ...definedOnly(options) };
  const queue = new RelayQueue({ maxEvents: settings.maxQueuedEvents, maxBytes: settings.maxQueuedBytes });
  const forwarder = new Forwarder({
    queue,
    post: options.post,
    windowMs: settings.windowMs,
    redeliveryMs: settings.redeliveryMs,
    maxRedeliveryMs: settings.maxRedeliveryMs,
    drainTimeLimitMs: settings.drainTimeLimitMs,
    log: options.log,
    deadLetter: options.deadLetter,
  });
  const limits = { ...DEFAULT_LIMITS, maxPayloadBytes: settings.maxBodyBytes };
  const retryAfter = String(Math.max(1, Math.ceil(settings.windowMs / 1000)));
  let closing = false;
  let stopped: Promise<void> | undefined;
  let unauthenticatedBytes = 0;

  /**
   * Reads a body whose signature is still to be checked, within the budget all such bodies share: a
   * sender without the key gets 503 rather than the relay's memory.
   */
  const unauthenticatedBody = async (request: IncomingMessage): Promise<Buffer> => {
    let reserved = 0;
    const holding = (bytes: number) => {
      if (bytes <= reserved) return;
      if (unauthenticatedBytes + bytes - reserved > settings.maxUnauthenticatedBytes) {
        throw new Refusal(503, 'too many signed bodies being checked at once; try again later', {
          'retry-after': retryAfter,
          connection: 'close',
        });
      }
      unauthenticatedBytes += bytes - reserved;
      reserved = bytes;
    };
    try {
      return await boundedBody(request, settings.maxBodyBytes, holding);
    } finally {
      unauthenticatedBytes -= reserved;
    }
  };

  /** Authenticates, reads, validates and queues one POST; returns how many events it queued. */
  const accept = async (request: IncomingMessage, sourceSegment: string | undefined): Promise<number> => {
    const byHeaders = admittedByHeaders(request.headers, options.credentials);
    const unauthorized = () =>
      new Refusal(401, 'not authenticated: send the shared secret as a Bearer token, or sign the body', {
        'www-authenticate': 'Bearer realm="irac-relay"',
        connection: 'close',
      });
    if (byHeaders === false) throw unauthorized();
    const source = sourceOf(sourceSegment);
    const body =
      byHeaders === undefined
        ? await unauthenticatedBody(request)
        : await boundedBody(request, settings.maxBodyBytes);
    if (byHeaders === undefined && !admittedBySignature(request.headers, body, options.credentials)) {
      throw unauthorized();
    }
    let payloads: ReturnType<typeof readOutgoingPayloads>;
    try {
      payloads = readOutgoingPayloads(body, { source, limits, name: 'body' });
    } catch (error) {
      if (error instanceof InputError) throw new Refusal(400, error.message);
      throw error;
    }
    // A request under way when the stop began is still taken: the stop waits for it, then delivers.
    if (!queue.offer(payloads)) {
      throw new Refusal(503, `queue full (${queue.held} events held); try again later`, {
        'retry-after': retryAfter,
      });
    }
    forwarder.wake();
    return payloads.length;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://relay').pathname;
    if (path === '/healthz' && (request.method === 'GET' || request.method === 'HEAD')) {
      const status = closing ? 503 : 200;
      answer(response, status, JSON.stringify({ status: closing ? 'closing' : 'ok', held: queue.held }), {
        'content-type': 'application/json',
      });
      return;
    }
    const route = ROUTE.exec(path);
    if (!route) throw new Refusal(404, 'not found: POST events to /events or /events/{source}');
    if (request.method !== 'POST') throw new Refusal(405, 'use POST', { allow: 'POST' });
    if (closing) throw new Refusal(503, 'shutting down', { 'retry-after': retryAfter, connection: 'close' });
    const accepted = await accept(request, route[1]);
    answer(response, 202, JSON.stringify({ accepted }), { 'content-type': 'application/json' });
  };

  const underWay = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const handling = handle(request, response)
      .catch((error: unknown) => {
        // A request the stop's time limit cut off: nobody is left to answer, nothing went wrong.
        if (closing && request.destroyed && !request.complete) return;
        if (error instanceof Refusal) {
          answer(response, error.status, error.message, { ...error.headers });
          return;
        }
        options.log(
          `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        if (!response.headersSent) answer(response, 500, 'internal error', { connection: 'close' });
        else response.destroy();
      })
      .finally(() => underWay.delete(handling));
    underWay.add(handling);
  });
  // A sender that trickles its headers or body holds a connection; these bound how long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // Past this the server closes new connections at once; said at most once a minute, not per connection.
  server.maxConnections = settings.maxConnections;
  let saidFullAt = Number.NEGATIVE_INFINITY;
  server.on('drop', () => {
    if (Date.now() - saidFullAt < 60_000) return;
    saidFullAt = Date.now();
    options.log(`${settings.maxConnections} connections open: closing new ones until some end`);
  });
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${host}:${port}`,
    stats: () => ({ ...forwarder.stats, held: queue.held, checking: unauthenticatedBytes }),
    close() {
      stopped ??= (async () => {
        const stoppedAt = Date.now();
        closing = true;
        const closed = once(server, 'close');
        server.close();
        server.closeIdleConnections();
        // Requests under way get half the time; the other half is for delivering what is held.
        await within(Promise.all(underWay), settings.drainTimeLimitMs / 2);
        server.closeAllConnections();
        await closed;
        // Those cut off end as their sockets close; none may queue after the drain began.
        await Promise.all(underWay);
        await forwarder.drain(stoppedAt);
      })();
      return stopped;
    },
  };
}

/** The options that were given, so that an undefined one keeps its default. */
function definedOnly(options: RelayOptions): Partial<typeof RELAY_DEFAULTS> {
  return Object.fromEntries(
    Object.entries({
      windowMs: options.windowMs,
      maxBodyBytes: options.maxBodyBytes,
      maxQueuedEvents: options.maxQueuedEvents,
      maxQueuedBytes: options.maxQueuedBytes,
      redeliveryMs: options.redeliveryMs,
      maxRedeliveryMs: options.maxRedeliveryMs,
      maxConnections: options.maxConnections,
      maxUnauthenticatedBytes: options.maxUnauthenticatedBytes,
      drainTimeLimitMs: options.drainTimeLimitMs,
    }).filter(([, value]) => value !== undefined),
  );
}

/** Waits for `work`, or `ms` milliseconds, whichever is first. */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
