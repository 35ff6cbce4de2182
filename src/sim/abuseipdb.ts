// A simulated AbuseIPDB on loopback, speaking API v2's check endpoint as the real one does: the `Key`
// header checked (401 with AbuseIPDB's error envelope when wrong), an invalid address refused (422), its
// own daily limit answered with 429 and Retry-After, scores per IP as configured, answers as slow as a
// distant or overloaded server's. Every request is logged, so that a test or a drill can show what left
// the runner — and what did not.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { sendAnswer, serveOnLoopback } from './http.js';

/** What the simulator knows about one address; unknown addresses have no reports. */
export interface AbuseIpDbReputation {
  readonly abuseConfidenceScore: number;
  readonly totalReports?: number;
  readonly numDistinctUsers?: number;
  readonly countryCode?: string;
  readonly usageType?: string;
  readonly isp?: string;
  readonly domain?: string;
  readonly isTor?: boolean;
  readonly isWhitelisted?: boolean;
  readonly lastReportedAt?: string | null;
}

export interface AbuseIpDbSimOptions {
  /** The API key it accepts. */
  readonly key: string;
  /** Per address: a confidence score (0-100) or a fuller record. */
  readonly reputations?: ReadonlyMap<string, number | AbuseIpDbReputation>;
  /** Checks answered before it answers 429, as when the plan's daily quota is spent. */
  readonly limit?: number;
  /** The Retry-After of its 429s, in seconds. */
  readonly retryAfterSeconds?: number;
}

/** serve: as AbuseIPDB. hang: never answers. fail: 500. malformed: 200 with a body that is not JSON. */
export type AbuseIpDbSimMode = 'serve' | 'hang' | 'fail' | 'malformed';

export interface AbuseIpDbRequest {
  readonly method: string;
  readonly path: string;
  readonly ipAddress: string | null;
  readonly maxAgeInDays: string | null;
  readonly keyAccepted: boolean;
  readonly accept: string | null;
}

export interface AbuseIpDbSim {
  /** The API base to configure as the source's endpoint: `http://127.0.0.1:PORT/api/v2`. */
  readonly endpoint: string;
  mode: AbuseIpDbSimMode;
  /** How long each answer takes, in milliseconds (0: at once). */
  latencyMs: number;
  /** Every request received, in order. */
  readonly requests: AbuseIpDbRequest[];
  close(): Promise<void>;
}

const AUTH_FAILED =
  'Authentication failed. Your API key is either missing, incorrect, or revoked. Note: The APIv2 key differs from the APIv1 key.';

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendAnswer(response, {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function errors(detail: string, status: number, parameter?: string): unknown {
  return { errors: [{ detail, status, ...(parameter && { source: { parameter } }) }] };
}

export async function startAbuseIpDbSim(options: AbuseIpDbSimOptions): Promise<AbuseIpDbSim> {
  const requests: AbuseIpDbRequest[] = [];
  let answered = 0;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const retryAfter = options.retryAfterSeconds ?? 3600;

  const sim = { mode: 'serve' as AbuseIpDbSimMode, latencyMs: 0 };
  const pending = new Set<NodeJS.Timeout>();
  // What the simulator says to a request, once its latency has passed.
  const answer = (request: IncomingMessage, url: URL, keyAccepted: boolean, response: ServerResponse) => {
    const ipAddress = url.searchParams.get('ipAddress');
    if (sim.mode === 'hang') return;
    if (sim.mode === 'fail') return send(response, 500, errors('Internal Server Error', 500));
    if (sim.mode === 'malformed') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end('{"data": {"abuseConfidenceScore": ');
    }
    if (request.method !== 'GET' || url.pathname !== '/api/v2/check') {
      return send(response, 404, errors('Not Found', 404));
    }
    if (!keyAccepted) return send(response, 401, errors(AUTH_FAILED, 401));
    if (answered >= limit) {
      return send(
        response,
        429,
        errors(
          `Daily rate limit of ${limit} requests exceeded for this endpoint. See headers for additional details.`,
          429,
        ),
        {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': String(limit),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + retryAfter),
        },
      );
    }
    if (ipAddress === null || isIP(ipAddress) === 0) {
      return send(
        response,
        422,
        errors(
          'The ip address must be a valid IPv4 or IPv6 address (e.g. 8.8.8.8 or 2001:4860:4860::8888).',
          422,
          'ipAddress',
        ),
      );
    }
    answered++;
    const known = options.reputations?.get(ipAddress);
    const reputation: AbuseIpDbReputation =
      typeof known === 'number'
        ? { abuseConfidenceScore: known, totalReports: known > 0 ? 1 : 0 }
        : (known ?? { abuseConfidenceScore: 0 });
    const reports = reputation.totalReports ?? 0;
    send(
      response,
      200,
      {
        data: {
          ipAddress,
          isPublic: true,
          ipVersion: isIP(ipAddress),
          isWhitelisted: reputation.isWhitelisted ?? false,
          abuseConfidenceScore: reputation.abuseConfidenceScore,
          countryCode: reputation.countryCode ?? null,
          usageType: reputation.usageType ?? null,
          isp: reputation.isp ?? null,
          domain: reputation.domain ?? null,
          hostnames: [],
          isTor: reputation.isTor ?? false,
          totalReports: reports,
          numDistinctUsers: reputation.numDistinctUsers ?? reports,
          lastReportedAt: reputation.lastReportedAt ?? null,
        },
      },
      Number.isFinite(limit)
        ? { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(limit - answered) }
        : {},
    );
  };

  const loopback = await serveOnLoopback(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const keyAccepted = request.headers.key === options.key;
    requests.push({
      method: request.method ?? '',
      path: url.pathname,
      ipAddress: url.searchParams.get('ipAddress'),
      maxAgeInDays: url.searchParams.get('maxAgeInDays'),
      keyAccepted,
      accept: request.headers.accept ?? null,
    });
    if (sim.latencyMs <= 0) return answer(request, url, keyAccepted, response);
    const timer = setTimeout(() => {
      pending.delete(timer);
      answer(request, url, keyAccepted, response);
    }, sim.latencyMs);
    pending.add(timer);
  });

  return Object.assign(sim, {
    endpoint: `${loopback.url}/api/v2`,
    requests,
    async close() {
      for (const timer of pending) clearTimeout(timer);
      await loopback.close();
    },
  });
}
