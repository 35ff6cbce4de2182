// An asset registry behind HTTP, exercised against the loopback registry: what is asked, with which
// token, what is kept, and how a slow, failing or off-contract registry leaves triage — degraded, in time.

import { afterEach, describe, expect, it } from 'vitest';
import { type AssetRegistrySim, startAssetRegistrySim } from '../../../src/sim/asset-registry.js';
import { httpAssetProvider } from '../../../src/triage/enrichment/assets/http.js';
import { enrich } from '../../../src/triage/enrichment/enrich.js';
import type { AssetEntry } from '../../../src/triage/enrichment/schema-types.js';
import { subject } from './helpers.js';

const ASSETS: AssetEntry[] = [
  {
    id: 'orders-api',
    owner: 'team-orders@example.com',
    environment: 'prod',
    criticality: 0.8,
    compliance: ['pci-dss'],
    match: ['arn:aws:iam::123456789012:role/orders-api-*'],
  },
  {
    id: 'payments',
    criticality: 0.95,
    environment: 'prod',
    match: [{ type: 'k8s.pod', pattern: 'payments/*' }],
  },
];

const ROLE = 'arn:aws:iam::123456789012:role/orders-api-instance-role';
const INCIDENT = subject({
  resources: [
    { type: 'aws.iam.role', id: 'orders-api-instance-role', arn: ROLE },
    { type: 'k8s.pod', id: 'payments/api-1' },
  ],
});

let sim: AssetRegistrySim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function registry(
  options: { token?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; cacheTtlMs?: number } = {},
) {
  if (!sim) throw new Error('start the simulator first');
  return httpAssetProvider({
    endpoint: sim.endpoint,
    apiKeyEnv: options.token === undefined ? undefined : 'CMDB_TOKEN',
    env: options.env ?? { CMDB_TOKEN: options.token },
    timeoutMs: options.timeoutMs ?? 2000,
    // A TTL of 0 keeps nothing: each test sees its own requests.
    cacheTtlMs: options.cacheTtlMs ?? 0,
  });
}

describe('asset registry over HTTP', () => {
  it('asks about every identifier with the bearer token, and explains each match with the registry’s rule', async () => {
    sim = await startAssetRegistrySim({ assets: ASSETS, token: 's3cret' });
    const enrichment = await enrich(INCIDENT, [registry({ token: 's3cret' })]);
    expect(enrichment.degraded).toEqual([]);
    expect(enrichment.assets).toEqual([
      {
        id: 'payments',
        environment: 'prod',
        criticality: 0.95,
        compliance: [],
        matched: { identifier: 'payments/api-1', type: 'k8s.pod', pattern: 'payments/*' },
        source: `asset_registry ${sim.endpoint}`,
      },
      {
        id: 'orders-api',
        owner: 'team-orders@example.com',
        environment: 'prod',
        criticality: 0.8,
        compliance: ['pci-dss'],
        matched: {
          identifier: ROLE,
          type: 'aws.iam.role',
          pattern: 'arn:aws:iam::123456789012:role/orders-api-*',
        },
        source: `asset_registry ${sim.endpoint}`,
      },
    ]);
    expect(sim.requests.map((r) => [r.path, r.identifier, r.type, r.authorized])).toEqual([
      ['/api/v1/assets', ROLE, 'aws.iam.role', true],
      ['/api/v1/assets', 'orders-api-instance-role', 'aws.iam.role', true],
      ['/api/v1/assets', 'payments/api-1', 'k8s.pod', true],
    ]);
  });

  it('sends nothing when the token variable is unset, and says which variable', async () => {
    sim = await startAssetRegistrySim({ assets: ASSETS, token: 's3cret' });
    const enrichment = await enrich(INCIDENT, [registry({ token: 'x', env: {} })]);
    expect(enrichment.degraded).toEqual([`asset_registry ${sim.endpoint}: CMDB_TOKEN is not set`]);
    expect(sim.requests).toEqual([]);
  });

  it('reports a refused token by its status, never by its value', async () => {
    sim = await startAssetRegistrySim({ assets: ASSETS, token: 's3cret' });
    const enrichment = await enrich(INCIDENT, [registry({ token: 'wrong-token' })]);
    expect(enrichment.degraded).toEqual([
      `asset_registry ${sim.endpoint}: HTTP 401 from ${sim.endpoint}/assets`,
    ]);
    expect(JSON.stringify(enrichment)).not.toContain('wrong-token');
  });

  it('asks once per identifier within the cache TTL', async () => {
    sim = await startAssetRegistrySim({ assets: ASSETS });
    const provider = registry({ cacheTtlMs: 60_000 });
    const first = await enrich(INCIDENT, [provider]);
    const asked = sim.requests.length;
    const second = await enrich(INCIDENT, [provider]);
    expect(asked).toBe(3);
    expect(sim.requests).toHaveLength(3);
    expect(second.assets).toEqual(first.assets);
  });

  it('gives up on a registry that never answers within the timeout', async () => {
    sim = await startAssetRegistrySim({ assets: ASSETS });
    sim.mode = 'hang';
    const started = performance.now();
    const enrichment = await enrich(INCIDENT, [registry({ timeoutMs: 200 })]);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(enrichment.degraded).toEqual([`asset_registry ${sim.endpoint}: timed out after 200 ms`]);
    expect(enrichment.asset).toBeNull();
  });

  it('reports an error status, an off-contract answer and an oversized one as degraded', async () => {
    sim = await startAssetRegistrySim({ assets: ASSETS });
    const reasons: string[] = [];
    for (const mode of ['fail', 'malformed', 'oversized'] as const) {
      sim.mode = mode;
      reasons.push(...(await enrich(INCIDENT, [registry()])).degraded);
    }
    expect(reasons).toEqual([
      `asset_registry ${sim.endpoint}: HTTP 500 from ${sim.endpoint}/assets`,
      `asset_registry ${sim.endpoint}: malformed answer: assets[0].criticality must be at most 1, not 7`,
      `asset_registry ${sim.endpoint}: answer is over the limit of 262144 bytes`,
    ]);
  });

  it('reports a registry that is down', async () => {
    sim = await startAssetRegistrySim({ assets: ASSETS });
    const provider = registry();
    await sim.close();
    sim = undefined;
    const [reason] = (await enrich(INCIDENT, [provider])).degraded;
    expect(reason).toMatch(/: connection failed \(ECONNREFUSED\)$/);
  });
});
