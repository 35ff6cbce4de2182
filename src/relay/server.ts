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
} as const;

export interface Relay {
  /** `http://host:port`. */
  readonly url: string;
  stats(): ForwarderStats & { held: number };
  /**
   * Graceful stop (SIGTERM): refuses new requests, finishes those under way, delivers everything held,
   * and sets aside as dead letters what GitHub would not take.
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

/** The body, or a 413 once it passes `max` bytes (announced or received). */
async function boundedBody(request: IncomingMessage, max: number): Promise<Buffer> {
  const tooLarge = () => new Refusal(413, `body is over ${max} bytes`, { connection: 'close' });
  const announced = Number(request.headers['content-length'] ?? Number.NaN);
  if (announced > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge();
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
    log: options.log,
    deadLetter: options.deadLetter,
  });
  const limits = { ...DEFAULT_LIMITS, maxPayloadBytes: settings.maxBodyBytes };
  const retryAfter = String(Math.max(1, Math.ceil(settings.windowMs / 1000)));
  let closing = false;
  let stopped: Promise<void> | undefined;

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
    const body = await boundedBody(request, settings.maxBodyBytes);
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
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${host}:${port}`,
    stats: () => ({ ...forwarder.stats, held: queue.held }),
    close() {
      stopped ??= (async () => {
        closing = true;
        const closed = once(server, 'close');
        server.close();
        server.closeIdleConnections();
        await Promise.all(underWay);
        server.closeAllConnections();
        await closed;
        await forwarder.drain();
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
    }).filter(([, value]) => value !== undefined),
  );
}
