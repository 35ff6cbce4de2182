// The subject of enrichment: what an incident's events name, in one place. An incident can hold
// thousands of events that name the same few things; the subject holds each thing once, first seen
// first, and stops at a bound so that a flood of events cannot make every lookup slower.

import type { Indicator, SecurityEvent } from '../../types.js';
import type { Subject, SubjectResource } from './types.js';

export const SUBJECT_LIMITS = { resources: 256, accounts: 64, actors: 64, indicators: 512 } as const;

/** An ordered set with a capacity: later additions past it are dropped. */
class BoundedSet<T> {
  private readonly byKey = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  add(key: string, value: T): void {
    if (this.byKey.size < this.capacity && !this.byKey.has(key)) this.byKey.set(key, value);
  }

  values(): T[] {
    return [...this.byKey.values()];
  }
}

function resourceKey(resource: SubjectResource): string {
  return [resource.type ?? '', resource.id, resource.arn ?? '', resource.name ?? ''].join('\u0000');
}

/** The subject of the incident `events` make up. Events of one incident share their fingerprint. */
export function subjectOf(events: readonly SecurityEvent[]): Subject {
  const [first] = events;
  if (first === undefined) throw new RangeError('an incident has at least one event');
  const resources = new BoundedSet<SubjectResource>(SUBJECT_LIMITS.resources);
  const accounts = new BoundedSet<string>(SUBJECT_LIMITS.accounts);
  const actors = new BoundedSet<string>(SUBJECT_LIMITS.actors);
  const indicators = new BoundedSet<Indicator>(SUBJECT_LIMITS.indicators);

  for (const event of events) {
    const typed = event.resources.map(
      ({ type, id, arn, name }): SubjectResource => ({
        type,
        id,
        ...(arn !== undefined && { arn }),
        ...(name !== undefined && { name }),
      }),
    );
    // The primary resource is usually one of the typed ones, by ARN or id; alone, it is still a name.
    if (!typed.some((r) => r.arn === event.resource || r.id === event.resource)) {
      resources.add(resourceKey({ id: event.resource }), { id: event.resource });
    }
    for (const resource of typed) resources.add(resourceKey(resource), resource);
    if (event.account !== undefined) accounts.add(event.account, event.account);
    if (event.actor !== undefined) actors.add(event.actor, event.actor);
    for (const { type, value } of event.indicators) indicators.add(`${type}\u0000${value}`, { type, value });
  }

  return {
    resources: resources.values(),
    accounts: accounts.values(),
    actors: actors.values(),
    indicators: indicators.values(),
    fingerprint: first.fingerprint,
  };
}

/** One identifier to look an asset up by, with the kind of resource it names. */
export interface Identifier {
  readonly text: string;
  /** A resource type, `account`, or undefined for a bare resource string. */
  readonly type?: string;
}

/** Every identifier of the subject an asset registry can match: ids, ARNs, names, accounts. */
export function identifiersOf(subject: Subject): Identifier[] {
  const seen = new Set<string>();
  const found: Identifier[] = [];
  const add = (text: string | undefined, type: string | undefined) => {
    if (text === undefined || text === '') return;
    const key = `${type ?? ''}\u0000${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(type === undefined ? { text } : { text, type });
  };
  for (const resource of subject.resources) {
    add(resource.arn, resource.type);
    add(resource.id, resource.type);
    add(resource.name, resource.type);
  }
  for (const account of subject.accounts) add(account, 'account');
  return found;
}
