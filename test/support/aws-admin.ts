// SDK clients of a simulated account signed with its administrator's key: for tests that drive the sim
// directly, and for connector tests that play someone other than irac changing the account.

import type { AwsSim } from '../../src/sim/aws/index.js';

/** What an SDK client needs to reach the simulated account as its administrator. */
interface AdminConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: AwsSim['credentials'];
  readonly maxAttempts?: number;
}

/**
 * An SDK client of the simulated account, signed with the administrator's key and in the sim's region:
 * for a test that drives the sim directly. `maxAttempts: 1` shows a refusal the SDK would otherwise retry.
 */
export function adminClient<C>(
  sim: AwsSim,
  Client: new (config: AdminConfig) => C,
  options: { readonly maxAttempts?: number } = {},
): C {
  return new Client({ endpoint: sim.endpoint, region: sim.region, credentials: sim.credentials, ...options });
}

/**
 * Changes the account as someone other than irac would, before or between its runs, through an admin
 * client that is destroyed afterwards.
 */
export async function asAdmin<C extends { destroy(): void }, T>(
  sim: AwsSim,
  Client: new (config: AdminConfig) => C,
  run: (admin: C) => Promise<T>,
): Promise<T> {
  const admin = adminClient(sim, Client);
  try {
    return await run(admin);
  } finally {
    admin.destroy();
  }
}
