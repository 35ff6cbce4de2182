// Every file of the shared corpus of real vendor payloads, accounted for: which source it must be
// detected as (auto-detection, no --source), or that it must be rejected as a shape irac does not know.
// The per-source counts printed at the end are the figures the closing notes report.

import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { normalizeInput } from '../src/ingest/normalize.js';
import type { SecurityEvent } from '../src/types.js';
import {
  assertValidEvents,
  CORPUS_DIR,
  corpusAvailable,
  corpusExpectation,
  corpusFiles,
  exampleBody,
} from './helpers/corpus.js';

/** Files that hold no event and are rejected on purpose, with the message that says why. */
const NOT_EVENTS: ReadonlyMap<string, RegExp> = new Map([
  ['sentinel/azure-rest-api-specs/GetAllIncidentEntities.json', /entities list is not an incident or alert/],
  ['securityhub-asff/eventbridge/awsdocs/securityhub-cwe-event-formats__2.json', /Insight Results/],
  ['securityhub-asff/eventbridge/cloud-custodian/event-securityhub-insight-2.json', /Insight Results/],
  ['securityhub-asff/eventbridge/awsdocs/securityhub-cwe-all-findings__2.json', /event pattern/],
]);

/** The Sentinel corpus files are Azure REST API example files: the payload is the 200 response body. */
function payloadBytes(path: string, bytes: Buffer): Buffer {
  return path.startsWith('sentinel/')
    ? Buffer.from(JSON.stringify(exampleBody(join(CORPUS_DIR, path))))
    : bytes;
}

const tally = new Map<string, { files: number; events: number; rejected: number }>();
function count(key: string, events: number, rejected: boolean) {
  const row = tally.get(key) ?? { files: 0, events: 0, rejected: 0 };
  row.files++;
  row.events += events;
  if (rejected) row.rejected++;
  tally.set(key, row);
}

describe.skipIf(!corpusAvailable)('the shared corpus', () => {
  const files = corpusFiles('').map((file) => relative(CORPUS_DIR, file));

  afterAll(() => {
    const lines = [...tally.entries()]
      .sort()
      .map(
        ([k, v]) =>
          `${k.padEnd(24)} ${String(v.files).padStart(4)} files ${String(v.events).padStart(5)} events ${v.rejected ? `(${v.rejected} rejected)` : ''}`,
      );
    console.log(`corpus coverage:\n${lines.join('\n')}`);
  });

  it('has an expectation for every file', () => {
    expect(files.filter((f) => !corpusExpectation(f))).toEqual([]);
  });

  it.each(files.map((f) => [f]))('%s', (path) => {
    const expected = corpusExpectation(path);
    const bytes = payloadBytes(path, readFileSync(`${CORPUS_DIR}/${path}`));
    const folder = path.split('/').slice(0, 2).join('/');
    if (expected === 'unknown') {
      let error: unknown;
      try {
        normalizeInput(bytes, { name: path });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(
        /unrecognised payload .*known sources: cloudtrail, datadog, /,
      );
      count(`${folder} (unknown)`, 0, true);
      return;
    }
    let events: SecurityEvent[] = [];
    try {
      events = assertValidEvents(normalizeInput(bytes, { name: path }));
    } catch (error) {
      // Not events, rejected on purpose with a message saying so: Sentinel's entity lists, Security
      // Hub's insight counts, and an EventBridge rule's pattern that the AWS docs print beside events.
      const reason = NOT_EVENTS.get(path);
      if (reason && error instanceof InputError && reason.test(error.message)) {
        count(`${folder} (not events)`, 0, true);
        return;
      }
      throw error;
    }
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.vendor))).toEqual(new Set([expected]));
    count(`${folder} → ${expected}`, events.length, false);
  });
});
