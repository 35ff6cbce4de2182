// Collecting what the actor did: CloudTrail's management events for each of the incident's access keys,
// users and resources over a window, kept as evidence in the record — the Event items exactly as
// `aws cloudtrail lookup-events` prints them (irac's CloudTrail normalizer reads them back), each once,
// with the sha256 of their canonical JSON. It changes nothing in AWS: the "change" it makes is the
// evidence it adds to the incident, one lookup at a time, so a run cut short resumes at the lookup it
// was on rather than starting over.
//
// LookupEvents takes one attribute per request, pages of at most 50, and two requests a second per
// account and region, shared by everyone looking: every lookup this process makes waits for its slot.

import { setTimeout as sleep } from 'node:timers/promises';
import {
  CloudTrailClient,
  type Event,
  type LookupAttributeKey,
  LookupEventsCommand,
} from '@aws-sdk/client-cloudtrail';
import { canonicalJson, sha256Hex } from '../../digest.js';
import type { JsonObject } from '../../json.js';
import type { ActionContext, ConnectorAction, Mutation } from '../action.js';
import type { AwsTarget } from '../clients.js';

export interface LookupEventsParams {
  /** How far back from the run to look: `7d`, `36h`; at most 90 days, CloudTrail's own history. */
  readonly retention?: string;
  readonly lookup_attributes: readonly { readonly key: LookupAttributeKey; readonly value: string }[];
  /** Stop after this many events per lookup. */
  readonly max_events?: number;
}

export interface CollectedLookup {
  readonly [key: string]: string | number | boolean;
  readonly key: string;
  readonly value: string;
  /** Events this lookup found, before de-duplication across lookups. */
  readonly events: number;
  /** True when it stopped at max_events with more events left in the window. */
  readonly truncated: boolean;
}

export interface LookupEventsRecord {
  readonly [key: string]: string | CollectedLookup[] | JsonObject[];
  /** The window, fixed by the first run so a resumed run pages through the same one. */
  readonly start_time: string;
  readonly end_time: string;
  /** The lookups done so far, in the order asked. */
  readonly lookups: CollectedLookup[];
  /** LookupEvents' Event items (EventTime as ISO 8601), each event once, newest first. */
  readonly events: JsonObject[];
  /** sha256 of the RFC 8785 canonical JSON of `{"Events": events}`: the digest of the evidence. */
  readonly sha256: string;
}

const DEFAULT_RETENTION = '7d';
const DEFAULT_MAX_EVENTS = 5000;
const PAGE_SIZE = 50;
// Two lookups a second per account and region; the margin keeps the request's own time on the wire
// from putting a third one inside CloudTrail's second.
const LOOKUP_SPACING_MS = 550;

const nextSlot = new Map<string, number>();

/** Waits until this process may send its next lookup to the target's account and region. */
async function lookupSlot(target: AwsTarget): Promise<void> {
  const key = `${target.account ?? ''}/${target.region}`;
  const now = Date.now();
  const slot = Math.max(now, nextSlot.get(key) ?? 0);
  nextSlot.set(key, slot + LOOKUP_SPACING_MS);
  if (slot > now) await sleep(slot - now);
}

function retentionMillis(retention: string): number {
  const match = /^([0-9]{1,3})([dh])$/.exec(retention);
  if (!match) throw new Error(`retention "${retention}" is not a number of days (7d) or hours (36h)`);
  return Number(match[1]) * (match[2] === 'd' ? 86_400_000 : 3_600_000);
}

const lookupName = ({ key, value }: { key: string; value: string }) => `${key}=${value}`;

/** An Event as JSON, as the AWS CLI prints it: absent fields left out, the time in ISO 8601. */
function eventJson(event: Event): JsonObject {
  const json: JsonObject = {};
  if (event.EventId !== undefined) json.EventId = event.EventId;
  if (event.EventName !== undefined) json.EventName = event.EventName;
  if (event.ReadOnly !== undefined) json.ReadOnly = event.ReadOnly;
  if (event.AccessKeyId !== undefined) json.AccessKeyId = event.AccessKeyId;
  if (event.EventTime !== undefined) json.EventTime = event.EventTime.toISOString();
  if (event.EventSource !== undefined) json.EventSource = event.EventSource;
  if (event.Username !== undefined) json.Username = event.Username;
  json.Resources = (event.Resources ?? []).map((resource) => {
    const item: JsonObject = {};
    if (resource.ResourceType !== undefined) item.ResourceType = resource.ResourceType;
    if (resource.ResourceName !== undefined) item.ResourceName = resource.ResourceName;
    return item;
  });
  if (event.CloudTrailEvent !== undefined) json.CloudTrailEvent = event.CloudTrailEvent;
  return json;
}

export function evidenceDigest(events: readonly JsonObject[]): string {
  return sha256Hex(canonicalJson({ Events: events }));
}

/** The events of both, each once (by EventId), newest first; equal times keep the order found. */
function merged(known: readonly JsonObject[], found: readonly JsonObject[]): JsonObject[] {
  const byId = new Map<string, JsonObject>();
  for (const event of [...known, ...found]) {
    const id = typeof event.EventId === 'string' ? event.EventId : sha256Hex(canonicalJson(event));
    if (!byId.has(id)) byId.set(id, event);
  }
  const timeOf = (event: JsonObject) => (typeof event.EventTime === 'string' ? event.EventTime : '');
  return [...byId.values()].sort((a, b) => timeOf(b).localeCompare(timeOf(a)));
}

const cloudtrail = (context: ActionContext) => context.clients.aws(CloudTrailClient, context.aws);

/** Every page of one lookup over the window, up to `maxEvents`, each request in its slot. */
async function lookUp(
  context: ActionContext,
  attribute: { key: LookupAttributeKey; value: string },
  record: LookupEventsRecord,
  maxEvents: number,
): Promise<{ events: JsonObject[]; truncated: boolean }> {
  const client = await cloudtrail(context);
  const events: JsonObject[] = [];
  let nextToken: string | undefined;
  do {
    await lookupSlot(context.aws);
    const page = await client.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: attribute.key, AttributeValue: attribute.value }],
        StartTime: new Date(record.start_time),
        EndTime: new Date(record.end_time),
        MaxResults: Math.min(PAGE_SIZE, maxEvents - events.length),
        NextToken: nextToken,
      }),
    );
    events.push(...(page.Events ?? []).map(eventJson));
    nextToken = page.NextToken;
  } while (nextToken && events.length < maxEvents);
  return { events, truncated: nextToken !== undefined };
}

export const lookupEvents: ConnectorAction<LookupEventsParams, LookupEventsRecord> = {
  name: 'aws:cloudtrail.lookup_events',

  describe: ({ lookup_attributes, retention = DEFAULT_RETENTION, max_events = DEFAULT_MAX_EVENTS }) =>
    lookup_attributes.map((attribute) => ({
      call: 'cloudtrail:LookupEvents',
      target: lookupName(attribute),
      effect: `management events of the last ${retention}, at most ${max_events}, kept as evidence`,
    })),

  async inspect(params, context, prior) {
    const { lookup_attributes, retention = DEFAULT_RETENTION, max_events = DEFAULT_MAX_EVENTS } = params;
    const end = context.now();
    let record: LookupEventsRecord = prior ?? {
      start_time: new Date(end.getTime() - retentionMillis(retention)).toISOString(),
      end_time: end.toISOString(),
      lookups: [],
      events: [],
      sha256: evidenceDigest([]),
    };
    const done = new Set(record.lookups.map(lookupName));
    const remaining = lookup_attributes.filter((attribute) => !done.has(lookupName(attribute)));
    const state =
      record.lookups.length === 0
        ? `no events collected yet (${record.start_time} to ${record.end_time})`
        : `${record.events.length} events collected by ${record.lookups.length} of ` +
          `${lookup_attributes.length} lookups (${record.start_time} to ${record.end_time})`;

    const mutations = remaining.map(
      (attribute): Mutation<LookupEventsRecord> => ({
        call: 'cloudtrail:LookupEvents',
        target: lookupName(attribute),
        effect: `events from ${record.start_time} to ${record.end_time}, at most ${max_events}`,
        apply: async () => {
          const found = await lookUp(context, attribute, record, max_events);
          const events = merged(record.events, found.events);
          record = {
            ...record,
            lookups: [
              ...record.lookups,
              {
                key: attribute.key,
                value: attribute.value,
                events: found.events.length,
                truncated: found.truncated,
              },
            ],
            events,
            sha256: evidenceDigest(events),
          };
          return record;
        },
      }),
    );
    return { state, record, mutations };
  },

  async verify({ lookup_attributes }, _context, record) {
    const done = new Set(record.lookups.map(lookupName));
    const missing = lookup_attributes.filter((attribute) => !done.has(lookupName(attribute)));
    const digest = evidenceDigest(record.events);
    if (digest !== record.sha256) {
      return { ok: false, detail: `the events no longer match their sha256 ${record.sha256}` };
    }
    if (missing.length > 0) {
      return { ok: false, detail: `not looked up yet: ${missing.map(lookupName).join(', ')}` };
    }
    const truncated = record.lookups.filter((lookup) => lookup.truncated).map(lookupName);
    return {
      ok: true,
      detail:
        `${record.events.length} events from ${record.lookups.length} lookups, sha256 ${digest}` +
        (truncated.length > 0 ? `; stopped at max_events: ${truncated.join(', ')}` : ''),
    };
  },

  undo: null,
};
