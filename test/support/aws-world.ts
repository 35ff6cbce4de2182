// A fresh simulated AWS account per test world, and the action context that reaches it through the real
// SDK clients: the fixture every AWS connector test seeds and then holds to the action contract.

import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { ActionContext } from '../../src/connectors/action.js';
import { createClients } from '../../src/connectors/clients.js';
import { type AwsSim, startAwsSim } from '../../src/sim/aws/index.js';
import type { QueryFault } from '../../src/sim/aws/query.js';
import type { ContractWorld } from './action-contract.js';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const INCIDENT = 'INC-20260314-0001';
/** Every test world runs at this instant, so records holding a time compare equal across worlds. */
export const NOW = new Date('2026-03-14T09:30:00Z');

/**
 * The SDK's own retry with a 5 ms backoff, so the fault tests exercise real retries without waiting out
 * adaptive mode's throttling delays (production clients keep adaptive retry).
 */
export const FAST_RETRY = new ConfiguredRetryStrategy(5, 5);

export interface AwsWorld extends ContractWorld<QueryFault> {
  readonly sim: AwsSim;
}

/** Faults in AWS's words: Query/JSON services throttle with 400 Throttling, fail with 503, refuse with 403. */
export const AWS_FAULTS = {
  throttle: { status: 400, code: 'Throttling', message: 'Rate exceeded' },
  unavailable: { status: 503, code: 'ServiceUnavailable', message: 'Service is unavailable' },
  hard: { status: 403, code: 'AccessDenied', message: 'User is not authorized to perform this action' },
} as const satisfies Record<string, QueryFault>;

/** Faults in EC2's words: it throttles with 503 RequestLimitExceeded; the rest as other Query services. */
export const EC2_FAULTS = {
  ...AWS_FAULTS,
  throttle: { status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.' },
} as const satisfies Record<string, QueryFault>;

/** Faults in S3's words: it throttles with 503 SlowDown, fails with 500 InternalError, refuses with 403. */
export const S3_FAULTS = {
  throttle: { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
  unavailable: {
    status: 500,
    code: 'InternalError',
    message: 'We encountered an internal error. Please try again.',
  },
  hard: { status: 403, code: 'AccessDenied', message: 'Access Denied' },
} as const satisfies Record<string, QueryFault>;

export async function awsWorld(
  seed: (sim: AwsSim) => void | Promise<void>,
  state: (sim: AwsSim) => unknown,
): Promise<AwsWorld> {
  const sim = await startAwsSim({ accountId: ACCOUNT, region: REGION });
  await seed(sim);
  const context: ActionContext = {
    incidentId: INCIDENT,
    aws: { region: REGION, account: ACCOUNT },
    clients: createClients({
      aws: { endpoint: sim.endpoint, credentials: sim.credentials, retryStrategy: FAST_RETRY },
    }),
    now: () => NOW,
  };
  return {
    sim,
    context,
    state: () => state(sim),
    requests: () =>
      sim.requests.map((request) => ({ operation: request.action, mutating: request.mutating })),
    failNext: (operation, fault, options) => sim.failNext(operation, fault, options),
    close: () => sim.close(),
  };
}
