// `irac timeline`: the story in time order, vendor clocks and irac's interleaved, each recorded step
// tied to its commit.

import { describe, expect, it } from 'vitest';
import { incidentTimeline } from '../../src/forensics/timeline.js';
import { normalizeWithEvidence } from '../../src/ingest/normalize.js';
import { Git } from '../../src/store/git.js';
import { recordEvents } from '../../src/store/record.js';
import { IncidentRepository } from '../../src/store/repository.js';
import { git, scratchRepo } from '../helpers/git.js';

function payload(id: string, timestamp: string): string {
  return JSON.stringify({
    id,
    timestamp,
    severity: 'high',
    kind: 'okta.impossible_travel',
    title: `Travel ${id}`,
    resource: 'okta:user/jdoe',
  });
}

describe('incidentTimeline', () => {
  it('interleaves vendor times and record times, and names the commit of every recorded step', async () => {
    const dir = scratchRepo();
    const repository = await IncidentRepository.open(dir);
    let clock = Date.parse('2026-03-01T12:00:00Z');
    const context = {
      actor: 'analyst',
      correlationWindowMs: 3_600_000,
      now: () => {
        clock += 60_000;
        return new Date(clock);
      },
    };
    // The second event happened before the first was even recorded, but arrived later.
    const input = `${payload('late', '2026-03-01T11:00:00Z')}\n${payload('early', '2026-03-01T10:00:00Z')}\n`;
    const items = [...normalizeWithEvidence(Buffer.from(input), { source: 'generic' })];
    const applied = await repository.apply((tx) => recordEvents(tx, items, context), {
      pushAttempts: 1,
      backoffBaseMs: 0,
      backoffMaxMs: 0,
    });
    const id = applied.result[0]?.incident ?? '';

    const { incident, items: story } = await incidentTimeline(new Git(dir), id);
    expect(incident.events).toBe(2);
    expect(story.map((item) => [item.at, item.what])).toEqual([
      ['2026-03-01T10:00:00.000Z', 'detected'],
      ['2026-03-01T11:00:00.000Z', 'detected'],
      ['2026-03-01T12:01:00.000Z', 'ingest'],
      ['2026-03-01T12:02:00.000Z', 'ingest'],
    ]);
    const commits = git(dir, 'log', '--reverse', '--format=%H', '-2').split('\n');
    expect(story.filter((item) => item.what === 'ingest').map((item) => item.commit)).toEqual(commits);
    expect(story.filter((item) => item.what === 'ingest').map((item) => item.seq)).toEqual([1, 2]);
  });
});
