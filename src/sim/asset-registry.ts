// A simulated HTTP asset registry on loopback, speaking the contract of
// src/triage/enrichment/assets/http.ts (GET {endpoint}/assets?identifier=…[&type=…] → {"assets": […]}),
// and answering from the same entries assets/*.yaml hold, matched the same way. Drills use it to show
// triage with a CMDB that is slow, down or broken; tests use it to assert what was asked.

import type { ServerResponse } from 'node:http';
import { AssetRegistry } from '../triage/enrichment/assets/registry.js';
import type { AssetEntry } from '../triage/enrichment/schema-types.js';
import { sendAnswer, serveOnLoopback } from './http.js';

export interface AssetRegistrySimOptions {
  readonly assets: readonly AssetEntry[];
  /** The bearer token it requires; none when absent. */
  readonly token?: string;
}

/**
 * serve: answers from its entries. hang: never answers. fail: 500. malformed: 200 with JSON that breaks
 * the contract. oversized: 200 with a body of several megabytes.
 */
export type AssetRegistrySimMode = 'serve' | 'hang' | 'fail' | 'malformed' | 'oversized';

export interface AssetRegistryRequest {
  readonly path: string;
  readonly identifier: string | null;
  readonly type: string | null;
  readonly authorized: boolean;
}

export interface AssetRegistrySim {
  /** The endpoint to configure: `http://127.0.0.1:PORT/api/v1`. */
  readonly endpoint: string;
  mode: AssetRegistrySimMode;
  readonly requests: AssetRegistryRequest[];
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  sendAnswer(response, {
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function startAssetRegistrySim(options: AssetRegistrySimOptions): Promise<AssetRegistrySim> {
  const registry = new AssetRegistry(options.assets.map((entry) => ({ entry })));
  const requests: AssetRegistryRequest[] = [];
  const sim = { mode: 'serve' as AssetRegistrySimMode };

  const loopback = await serveOnLoopback(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const identifier = url.searchParams.get('identifier');
    const type = url.searchParams.get('type');
    const authorized =
      options.token === undefined || request.headers.authorization === `Bearer ${options.token}`;
    requests.push({ path: url.pathname, identifier, type, authorized });

    switch (sim.mode) {
      case 'hang':
        return;
      case 'fail':
        return send(response, 500, { error: 'internal error' });
      case 'malformed':
        return send(response, 200, { assets: [{ id: 'x', criticality: 7 }] });
      case 'oversized': {
        // Streamed without a length, as a misbehaving proxy would: only counting the bytes stops it.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"assets": [], "padding": "');
        for (let i = 0; i < 64 && !response.destroyed; i++) response.write('x'.repeat(64 * 1024));
        return response.end('"}');
      }
    }
    if (request.method !== 'GET' || url.pathname !== '/api/v1/assets')
      return send(response, 404, { error: 'not found' });
    if (!authorized) return send(response, 401, { error: 'unauthorized' });
    if (identifier === null || identifier === '')
      return send(response, 400, { error: 'identifier is required' });

    const matches = registry.lookup([type === null ? { text: identifier } : { text: identifier, type }]);
    send(response, 200, {
      assets: matches.map(({ asset: { entry }, pattern }) => ({
        id: entry.id,
        ...(entry.owner !== undefined && { owner: entry.owner }),
        ...(entry.environment !== undefined && { environment: entry.environment }),
        criticality: entry.criticality,
        compliance: entry.compliance ?? [],
        matched: pattern,
      })),
    });
  });

  return Object.assign(sim, {
    endpoint: `${loopback.url}/api/v1`,
    requests,
    close: () => loopback.close(),
  });
}
