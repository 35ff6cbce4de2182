// incident.yaml: reading it back (validated against schemas/incident.schema.json) and writing it in a
// fixed key order, so that two runs that reach the same state write the same bytes.

import { parse, stringify } from 'yaml';
import { InputError } from '../errors.js';
import type { Incident, SecurityEvent, Severity } from '../types.js';
import { describeErrors, incidentValidator } from '../validation.js';

const HEADER =
  '# Written by irac: every version is hashed into audit.jsonl, so a hand edit fails `irac verify`.\n';

export function parseIncident(text: string, path: string): Incident {
  let value: unknown;
  try {
    value = parse(text, { uniqueKeys: true, maxAliasCount: 0 });
  } catch (error) {
    throw new InputError(path, `is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const validate = incidentValidator();
  if (!validate(value))
    throw new InputError(path, `is not a valid incident: ${describeErrors(validate.errors)}`);
  return value;
}

export function serializeIncident(incident: Incident): string {
  const ordered: Incident = {
    id: incident.id,
    title: incident.title,
    status: incident.status,
    severity: incident.severity,
    score: incident.score,
    playbook: incident.playbook,
    decision: incident.decision,
    fingerprint: incident.fingerprint,
    timestamps: {
      detected: incident.timestamps.detected,
      opened: incident.timestamps.opened,
      updated: incident.timestamps.updated,
      acknowledged: incident.timestamps.acknowledged,
      triaged: incident.timestamps.triaged,
      contained: incident.timestamps.contained,
      resolved: incident.timestamps.resolved,
    },
    events: incident.events,
    vendors: incident.vendors,
    kinds: incident.kinds,
    resources: incident.resources,
    actors: incident.actors,
    accounts: incident.accounts,
    approvals: incident.approvals,
    notifications: incident.notifications,
  };
  return HEADER + stringify(ordered, { lineWidth: 0, aliasDuplicateObjects: false });
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

export function higherSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

const LIST_LIMIT = 20;

function withDistinct(list: readonly string[], value: string | undefined): string[] {
  if (value === undefined || list.includes(value) || list.length >= LIST_LIMIT) return [...list];
  return [...list, value];
}

function earlier(a: string, b: string): string {
  return Date.parse(b) < Date.parse(a) ? b : a;
}

/** A new incident holding its first event. */
export function openIncident(id: string, event: SecurityEvent, at: string): Incident {
  return addEvent(
    {
      id,
      title: event.title,
      status: 'open',
      severity: event.severity,
      score: null,
      playbook: null,
      decision: null,
      fingerprint: event.fingerprint,
      timestamps: {
        detected: event.timestamp,
        opened: at,
        updated: at,
        acknowledged: null,
        triaged: null,
        contained: null,
        resolved: null,
      },
      events: 0,
      vendors: [],
      kinds: [],
      resources: [],
      actors: [],
      accounts: [],
      approvals: [],
      notifications: {},
    },
    event,
    at,
  );
}

/** The incident with one more event: severity raised to the highest, summaries extended. */
export function addEvent(incident: Incident, event: SecurityEvent, at: string): Incident {
  return {
    ...incident,
    severity: higherSeverity(incident.severity, event.severity),
    timestamps: {
      ...incident.timestamps,
      detected: earlier(incident.timestamps.detected, event.timestamp),
      updated: at,
    },
    events: incident.events + 1,
    vendors: withDistinct(incident.vendors, event.vendor),
    kinds: withDistinct(incident.kinds, event.kind),
    resources: withDistinct(incident.resources, event.resource),
    actors: withDistinct(incident.actors, event.actor),
    accounts: withDistinct(incident.accounts, event.account),
  };
}
