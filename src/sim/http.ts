// What every loopback sim shares at its HTTP edge: a server on 127.0.0.1 that a test can close even while a
// request hangs, request bodies read no further than a bound, answers written with their length, faults
// queued per operation, and request values echoed in errors cut short. Each sim keeps its own wording of
// errors and statuses; only the plumbing is here.

import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// Far above anything the simulated APIs take (an IAM policy is a few KiB, a Slack message with 50 full
// blocks or a Jira issue well under 1 MiB): only a hostile or broken client reaches it.
const MAX_BODY_BYTES = 1024 * 1024;

/** A request's body as UTF-8 text, or null once it passes the bound (the sim answers 413 in its words). */
export async function readBoundedBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An HTTP answer as the sims build it, before it is written. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Writes an answer with its Content-Length, so clients that keep connections alive read it whole. */
export function sendAnswer(response: ServerResponse, answer: HttpAnswer): void {
  const body = answer.body ?? '';
  response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/**
 * Faults queued per operation: the next request for it, after `skip` more of them are answered, gets the
 * fault instead of an answer. Queued faults are given in order; operation names are never object keys.
 */
export class FaultQueue<F> {
  readonly #queued = new Map<string, { skip: number; fault: F }[]>();

  failNext(operation: string, fault: F, options?: { skip?: number }): void {
    const queued = this.#queued.get(operation) ?? [];
    queued.push({ skip: options?.skip ?? 0, fault });
    this.#queued.set(operation, queued);
  }

  /** The fault for this request of `operation`, if one is due now; counts the request against `skip`. */
  take(operation: string): F | undefined {
    const queued = this.#queued.get(operation);
    const next = queued?.[0];
    if (!queued || !next) return undefined;
    if (next.skip > 0) {
      next.skip -= 1;
      return undefined;
    }
    queued.shift();
    return next.fault;
  }
}

export interface LoopbackServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Stops the server, cutting open connections: a request the sim leaves hanging would otherwise hold it. */
  close(): Promise<void>;
}

/**
 * Serves `handle` on 127.0.0.1 at a port the system picks. A handler that fails — the client went away
 * mid-request — drops that connection rather than the sim.
 */
export async function serveOnLoopback(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<unknown>,
): Promise<LoopbackServer> {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A request value echoed in an error message, cut short: the message is one line, not the caller's payload. */
export function shown(value: string): string {
  return value.length > 64 ? `${value.slice(0, 64)}…` : value;
}
