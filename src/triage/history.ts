// History: the incidents this store recorded before the one being triaged that share its fingerprint,
// one of its resources or one of its actors, read from the history indexes (one small file per key,
// so the cost does not grow with the store). Replay keeps the same lists in memory instead.

import {
  KEY_INDEXES,
  type KeyIndex,
  type KeyIndexLine,
  keyIndexFile,
  parseKeyIndex,
} from '../store/layout.js';
import type { Incident } from '../types.js';

/** Past incidents per key kind, each with its opening time; never the incident itself. */
export interface PastIncidents {
  readonly fingerprints: readonly KeyIndexLine[];
  readonly resources: readonly KeyIndexLine[];
  readonly actors: readonly KeyIndexLine[];
}

/** What an incident is indexed under, per index. */
export function keysOf(incident: Pick<Incident, 'fingerprint' | 'resources' | 'actors'>) {
  return {
    fingerprints: [incident.fingerprint],
    resources: incident.resources,
    actors: incident.actors,
  } satisfies Record<KeyIndex, readonly string[]>;
}

/** Lines opened before `incident` (or at the same instant, when another incident), deduplicated. */
function before(
  lines: Iterable<KeyIndexLine>,
  incident: Pick<Incident, 'id' | 'timestamps'>,
): KeyIndexLine[] {
  const opened = Date.parse(incident.timestamps.opened);
  const seen = new Map<string, KeyIndexLine>();
  for (const line of lines) {
    if (line.incident !== incident.id && line.openedMs <= opened) seen.set(line.incident, line);
  }
  return [...seen.values()];
}

/** Reads the history indexes through `read` (a transaction, a tree at some commit). */
export async function pastIncidents(
  read: (path: string) => Promise<string | undefined>,
  incident: Pick<Incident, 'id' | 'timestamps' | 'fingerprint' | 'resources' | 'actors'>,
): Promise<PastIncidents> {
  const keys = keysOf(incident);
  const linesOf = async (index: KeyIndex) => {
    const texts = await Promise.all(keys[index].map((value) => read(keyIndexFile(index, value))));
    return before(
      texts.flatMap((text) => parseKeyIndex(text ?? '')),
      incident,
    );
  };
  const [fingerprints, resources, actors] = await Promise.all([
    linesOf('fingerprints'),
    linesOf('resources'),
    linesOf('actors'),
  ]);
  return { fingerprints, resources, actors };
}

/**
 * The same lists, kept in memory: replay's history is the events replayed before. A key's lines are
 * read from the newest back, at most `limit` of them within `windowMs`: enough for every measure
 * triage takes from them (history saturates, aggregation has a maximum), and a key shared by thousands
 * of incidents (one role behind every API call) does not make each lookup scan them all.
 */
export class MemoryHistory {
  private readonly lines: Record<KeyIndex, Map<string, KeyIndexLine[]>> = {
    fingerprints: new Map(),
    resources: new Map(),
    actors: new Map(),
  };
  /** Incidents already listed under a key, so a join does not list its incident again. */
  private readonly listed = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  add(incident: Pick<Incident, 'id' | 'timestamps' | 'fingerprint' | 'resources' | 'actors'>): void {
    const keys = keysOf(incident);
    for (const index of KEY_INDEXES) {
      for (const value of keys[index]) {
        const marker = `${index}\u0000${value}\u0000${incident.id}`;
        if (this.listed.has(marker)) continue;
        this.listed.add(marker);
        const list = this.lines[index].get(value) ?? [];
        list.push({
          incident: incident.id,
          opened: incident.timestamps.opened,
          openedMs: Date.parse(incident.timestamps.opened),
        });
        this.lines[index].set(value, list);
      }
    }
  }

  past(
    incident: Pick<Incident, 'id' | 'timestamps' | 'fingerprint' | 'resources' | 'actors'>,
  ): PastIncidents {
    const keys = keysOf(incident);
    const opened = Date.parse(incident.timestamps.opened);
    const recent = (list: readonly KeyIndexLine[]) => {
      const found: KeyIndexLine[] = [];
      for (let i = list.length - 1; i >= 0 && found.length < this.limit; i--) {
        const line = list[i] as KeyIndexLine;
        const at = line.openedMs;
        if (line.incident !== incident.id && at <= opened && opened - at <= this.windowMs) found.push(line);
      }
      return found;
    };
    const of = (index: KeyIndex) =>
      before(
        keys[index].flatMap((value) => recent(this.lines[index].get(value) ?? [])),
        incident,
      );
    return { fingerprints: of('fingerprints'), resources: of('resources'), actors: of('actors') };
  }
}
