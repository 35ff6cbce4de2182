// `irac send`: events split into repository_dispatch bodies GitHub accepts, and posted through the real
// Octokit (retry and throttling plugins) to the loopback GitHub — what it recorded is what was sent.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SendCommandOptions, sendCommand } from '../src/cli/send-command.js';
import { InputError, OperationError } from '../src/errors.js';
import { readDocuments } from '../src/ingest/documents.js';
import { DISPATCH_LIMITS, unwrapDocument } from '../src/ingest/envelopes.js';
import type { JsonObject } from '../src/json.js';
import { type OutgoingPayload, readOutgoingPayloads, splitIntoDispatches } from '../src/send/dispatches.js';
import { type GitHubSim, startGitHubSim } from '../src/sim/github.js';
import type { Vendor } from '../src/types.js';
import { alertsIn, falcoAlert, uuidsOf } from './support/falco-alerts.js';

const REPO = 'acme/security-incidents';
const ENCODER = new TextEncoder();

function outgoing(payload: JsonObject, index: number, source?: Vendor): OutgoingPayload {
  return {
    payload,
    origin: `input: $[${index}]`,
    fingerprint: 'f',
    events: 1,
    bytes: Buffer.byteLength(JSON.stringify(payload)),
    ...(source ? { source } : {}),
  };
}

// Keys irac's intake treats specially (a CloudTrail log's Records[] is unwrapped; prototype keys refused).
const payloadKey = fc
  .string({ maxLength: 12 })
  .filter((k) => !['Records', '__proto__', 'constructor'].includes(k));
const payloadArbitrary = fc.oneof(
  {
    weight: 4,
    // As JSON carries them: -0 comes back from a round trip as 0, which is not what a sender wrote differently.
    arbitrary: fc
      .dictionary(payloadKey, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })
      .map((value) => JSON.parse(JSON.stringify(value)) as JsonObject),
  },
  // Payloads of 1–30 KB, so that batches fill and split.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.integer({ min: 1_000, max: 30_000 }))
      .map(([text, size]) => ({ blob: text.padEnd(size, 'x') }) as JsonObject),
  },
);
const sourceArbitrary = fc.constantFrom<Vendor | undefined>(undefined, 'falco', 'splunk');

describe('splitting events into dispatches', () => {
  it('puts every payload in exactly one dispatch, each within GitHub’s limits and accepted by irac’s intake', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(payloadArbitrary, sourceArbitrary), { maxLength: 40 }), (items) => {
        const payloads = items.map(([payload, source], i) => outgoing(payload, i, source));
        const dispatches = splitIntoDispatches(payloads);
        const carried = dispatches.flatMap((dispatch) => dispatch.payloads);
        expect(carried).toHaveLength(payloads.length);
        expect(new Set(carried)).toEqual(new Set(payloads));
        for (const dispatch of dispatches) {
          const { client_payload } = dispatch.body;
          const serialized = JSON.stringify(client_payload);
          expect(Buffer.byteLength(serialized)).toBe(dispatch.bytes);
          expect(dispatch.bytes).toBeLessThan(DISPATCH_LIMITS.clientPayloadMaxBytes);
          expect(Object.keys(client_payload).length).toBeLessThanOrEqual(
            DISPATCH_LIMITS.clientPayloadMaxProperties,
          );
          expect(dispatch.payloads.every((p) => p.source === client_payload.source)).toBe(true);
          // What the receiving run reads: the same payloads, in the same order, with the same source.
          const bytes = ENCODER.encode(JSON.stringify(dispatch.body));
          const units = [...readDocuments(bytes, 'dispatch')].flatMap(unwrapDocument);
          expect(units.map((unit) => unit.reader.value)).toEqual(dispatch.payloads.map((p) => p.payload));
          expect(units.every((unit) => unit.sourceHint === client_payload.source)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('fills each dispatch: the next event would not have fitted in it', () => {
    const payloads = Array.from({ length: 2000 }, (_, n) => outgoing(falcoAlert(n), n));
    const dispatches = splitIntoDispatches(payloads);
    expect(dispatches.length).toBeGreaterThan(20);
    dispatches.slice(0, -1).forEach((dispatch, i) => {
      const next = dispatches[i + 1]?.payloads[0]?.bytes ?? 0;
      expect(dispatch.bytes + 1 + next).toBeGreaterThanOrEqual(DISPATCH_LIMITS.clientPayloadMaxBytes);
    });
  });

  it('refuses an event too large for any dispatch, saying which, how large, and the limit', () => {
    const big = outgoing({ blob: 'x'.repeat(70_000) }, 3);
    expect(() => splitIntoDispatches([outgoing({ a: 1 }, 0), big])).toThrow(
      new InputError(
        'input: $[3]',
        'is 70011 bytes (70021 as a client_payload); GitHub refuses a client_payload of 65536 bytes (64 KB) or more, so it cannot be sent as a dispatch',
      ),
    );
  });

  it('refuses an event nested so deep that, wrapped in a dispatch, irac’s intake would refuse it', () => {
    let deep: JsonObject = { leaf: true };
    for (let i = 0; i < 61; i++) deep = { deeper: deep };
    const input = ENCODER.encode(JSON.stringify({ ...falcoAlert(1), extra: deep }));
    expect(() => readOutgoingPayloads(input, { name: 'deep.json' })).toThrow(
      /deep\.json: \$: nesting is deeper than 61 levels once wrapped in a dispatch/,
    );
  });
});

describe('irac send', () => {
  let sim: GitHubSim;
  let dir: string;
  let out: string;
  const io = {
    stdout: (text: string) => {
      out += text;
    },
    stderr: () => {},
    readStdin: async () => undefined,
  };
  const send = (file: string, options: Omit<SendCommandOptions, 'repo'> = {}) =>
    sendCommand(file, { repo: REPO, ...options }, io, { token: sim.token, baseUrl: sim.url, secondMs: 1 });
  const writeNdjson = async (name: string, lines: readonly unknown[]) => {
    const file = join(dir, name);
    await writeFile(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    return file;
  };

  beforeEach(async () => {
    sim = await startGitHubSim();
    sim.addRepository(REPO);
    dir = await mkdtemp(join(tmpdir(), 'irac-send-'));
    out = '';
  });
  afterEach(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('splits a batch to GitHub’s limits and delivers every event, in order, once', async () => {
    const alerts = Array.from({ length: 300 }, (_, n) => falcoAlert(n, 7));
    await send(await writeNdjson('alerts.ndjson', alerts));

    const received = sim.dispatches(REPO);
    expect(received.length).toBeGreaterThan(1);
    expect(alertsIn(received)).toEqual(alerts);
    for (const dispatch of received) {
      expect(dispatch.eventType).toBe('security-event');
      expect(Buffer.byteLength(JSON.stringify(dispatch.clientPayload))).toBeLessThan(64 * 1024);
    }
    expect(out).toContain(`sent 300 payloads (300 events) in ${received.length} dispatches to ${REPO}\n`);
  });

  it('keeps the source the sender named, so the receiving run uses the same normalizer', async () => {
    await send(await writeNdjson('alerts.ndjson', [falcoAlert(1), falcoAlert(2)]), {
      source: 'falco',
      json: true,
    });
    const [dispatch] = sim.dispatches(REPO);
    expect(dispatch?.clientPayload).toEqual({ source: 'falco', events: [falcoAlert(1), falcoAlert(2)] });
    expect(JSON.parse(out)).toEqual({
      dispatch: 1,
      payloads: 2,
      events: 2,
      bytes: expect.any(Number),
      source: 'falco',
      sent: true,
    });
  });

  it('sends nothing when one event of the file is bad, and names its line', async () => {
    const alerts: unknown[] = Array.from({ length: 10 }, (_, n) => falcoAlert(n));
    alerts[6] = { ...falcoAlert(6), priority: 'Loud' };
    const file = await writeNdjson('alerts.ndjson', alerts);
    await expect(send(file)).rejects.toThrow(`${file}:7: $.priority: unknown Falco priority "Loud"`);
    expect(sim.requests).toEqual([]);
  });

  it('shows what it would send with --dry-run, and sends nothing', async () => {
    await send(await writeNdjson('alerts.ndjson', [falcoAlert(1)]), { dryRun: true, json: true });
    expect(sim.requests).toEqual([]);
    expect(JSON.parse(out).body).toEqual({
      event_type: 'security-event',
      client_payload: { event: falcoAlert(1) },
    });
  });

  it('rides out GitHub answering 503 twice: the retry plugin delivers it once it recovers', async () => {
    sim.failNext('POST /repos/{owner}/{repo}/dispatches', { kind: 'error', status: 503 });
    sim.failNext('POST /repos/{owner}/{repo}/dispatches', { kind: 'error', status: 503 });
    await send(await writeNdjson('alerts.ndjson', [falcoAlert(1), falcoAlert(2)]));
    expect(sim.requests.map((request) => request.status)).toEqual([503, 503, 204]);
    expect(uuidsOf(alertsIn(sim.dispatches(REPO)))).toEqual(['alert-000001', 'alert-000002']);
  });

  it('says which dispatches were delivered when GitHub refuses one', async () => {
    sim.failNext(
      'POST /repos/{owner}/{repo}/dispatches',
      { kind: 'error', status: 403, message: 'Resource not accessible by personal access token' },
      { skip: 1 },
    );
    const alerts = Array.from({ length: 200 }, (_, n) => falcoAlert(n));
    const file = await writeNdjson('alerts.ndjson', alerts);
    const sending = send(file);
    await expect(sending).rejects.toBeInstanceOf(OperationError);
    await expect(sending).rejects.toThrow(
      /^dispatch 2 of 3 failed: GitHub answered HTTP 403: Resource not accessible by personal access token - https:\/\/docs\.github\.com\/rest; dispatch 1 \(\d+ payloads\) was delivered, \d+ payloads from .*alerts\.ndjson:\d+: \$ on were not$/,
    );
    expect(sim.dispatches(REPO)).toHaveLength(1);
  });

  it('refuses a repository that is not OWNER/NAME before reading anything', async () => {
    await expect(sendCommand('-', { repo: 'acme' }, io, undefined)).rejects.toThrow(
      '--repo "acme" is not OWNER/NAME',
    );
  });
});
