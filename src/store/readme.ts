// The generated README.md of an incident directory: what GitHub shows first when someone opens the
// incident. A pure function of incident.yaml and audit.jsonl, byte for byte, so `irac verify` can
// render it again and compare. Every string that came from an event or an actor goes through
// markdown.ts: a crafted finding title must not turn the page into a phishing link or a ping.

import type { JsonObject } from '../json.js';
import type { Incident } from '../types.js';
import type { AuditEntry } from './audit.js';
import { codeSpan, mermaidText, NOTHING, tableRow } from './markdown.js';

/** The timeline shows the most recent entries only: Mermaid lays a timeline out in one long row. */
export const TIMELINE_MAX = 50;
const SUMMARY_MAX = 160;
const MERMAID_TITLE_MAX = 80;

// The form irac writes. Anything else is shown verbatim in a code span rather than guessed at
// (Date.parse accepts implementation-defined forms, which would make the bytes depend on the runtime).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

interface UtcTime {
  /** 2026-03-01 */
  readonly day: string;
  /** 10:04:05 */
  readonly time: string;
}

function utcTime(value: string): UtcTime | undefined {
  if (!RFC3339.test(value)) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  const iso = date.toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 19) };
}

function timeCell(value: string | null): string {
  if (value === null) return NOTHING;
  const utc = utcTime(value);
  return utc ? `${utc.day} ${utc.time} UTC` : codeSpan(value);
}

function listCell(values: readonly string[]): string {
  return values.length === 0 ? NOTHING : values.map((value) => codeSpan(value)).join(', ');
}

function summaryTable(incident: Incident): string[] {
  const { timestamps } = incident;
  const rows: [field: string, value: string][] = [
    ['Status', incident.status],
    ['Severity', incident.severity],
    ['Score', incident.score === null ? NOTHING : incident.score.toFixed(2)],
    ['Playbook', incident.playbook === null ? NOTHING : codeSpan(incident.playbook)],
    ['Decision', incident.decision ?? NOTHING],
    ['Detected', timeCell(timestamps.detected)],
    ['Opened', timeCell(timestamps.opened)],
    ['Acknowledged', timeCell(timestamps.acknowledged)],
    ['Triaged', timeCell(timestamps.triaged)],
    ['Contained', timeCell(timestamps.contained)],
    ['Resolved', timeCell(timestamps.resolved)],
    ['Updated', timeCell(timestamps.updated)],
    ['Events', String(incident.events)],
    ['Vendors', listCell(incident.vendors)],
    ['Kinds', listCell(incident.kinds)],
    ['Resources', listCell(incident.resources)],
    ['Actors', listCell(incident.actors)],
    ['Accounts', listCell(incident.accounts)],
  ];
  return [tableRow(['Field', 'Value']), tableRow(['---', '---']), ...rows.map((row) => tableRow(row))];
}

function stringAt(data: JsonObject, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * One line about an audit entry. Actions that know best say it in `data.summary`; without one, the
 * line is built from the keys an ingest entry carries, so any action renders, just less eloquently.
 * The title leads: it is what a reader recognizes, and what survives when a label is cut short.
 */
export function auditSummary(data: JsonObject): string {
  const summary = stringAt(data, 'summary');
  if (summary !== undefined) return summary;
  const execution = executionSummary(data);
  if (execution !== undefined) return execution;
  const finding = [stringAt(data, 'severity'), stringAt(data, 'vendor'), stringAt(data, 'kind')]
    .filter((part) => part !== undefined)
    .join(' ');
  const details = [finding];
  if (data.joined === true) details.push('joined the incident');
  if (data.joined === false) details.push('opened the incident');
  const detail = details.filter((part) => part !== '').join(', ');
  const title = stringAt(data, 'title');
  if (title === undefined) return detail;
  return detail === '' ? title : `${title} (${detail})`;
}

/** A line about a plan's execution: a step's transition, a canary check, a dry run; undefined otherwise. */
function executionSummary(data: JsonObject): string | undefined {
  const step = stringAt(data, 'step');
  const state = stringAt(data, 'state');
  if (step !== undefined && state !== undefined) {
    const by = stringAt(data, 'approved_by');
    const over = stringAt(data, 'over_budget');
    const said = stringAt(data, 'error') ?? stringAt(data, 'detail');
    if (state === 'journal') return `${step}: record journaled`;
    if (state === 'running') {
      return [`${step} running`, by && `approved by ${by}`, over && `over budget (${over})`]
        .filter(Boolean)
        .join(', ');
    }
    return said === undefined ? `${step} ${state}` : `${step} ${state}: ${said}`;
  }
  if (step !== undefined && typeof data.held === 'boolean') {
    return `canary of ${step} ${data.held ? 'held' : 'failed'}: ${stringAt(data, 'detail') ?? ''}`;
  }
  if (Array.isArray(data.steps) && stringAt(data, 'plan') !== undefined) {
    const results = data.steps.map((entry) =>
      entry !== null && typeof entry === 'object' && !Array.isArray(entry)
        ? `${stringAt(entry, 'step')} ${stringAt(entry, 'result')}`
        : '',
    );
    return `dry run: ${results.filter(Boolean).join(', ')}`;
  }
  return undefined;
}

// The Mermaid timeline lexer ends a period at the first ASCII colon, so `10:04` would be period `10`
// followed by a syntax error; U+2236 RATIO reads the same and is an ordinary character to it.
const RATIO = '\u2236';

/** One point of a Mermaid timeline: when (RFC 3339), and what, as untrusted text. */
export interface TimelinePoint {
  readonly at: string;
  readonly text: string;
}

/**
 * The lines of a Mermaid `timeline`, one section per UTC day in the order the points come, one
 * `HH∶MM : text` period per point. Lines only: the caller puts them in a fence or prints them bare.
 */
export function mermaidTimeline(title: string, points: readonly TimelinePoint[]): string[] {
  const heading = mermaidText(title, MERMAID_TITLE_MAX);
  const lines = heading === '' ? ['timeline'] : ['timeline', `    title ${heading}`];
  let section: string | undefined;
  for (const point of points) {
    const utc = utcTime(point.at);
    const day = utc?.day ?? 'undated';
    if (day !== section) {
      lines.push(`    section ${day}`);
      section = day;
    }
    const period = utc ? `${utc.time.slice(0, 2)}${RATIO}${utc.time.slice(3, 5)}` : `--${RATIO}--`;
    // An event needs at least one character after `: `; a period alone is valid.
    const text = mermaidText(point.text);
    lines.push(text === '' ? `        ${period}` : `        ${period} : ${text}`);
  }
  return lines;
}

/** An audit entry as a point of a Mermaid timeline. */
export function auditPoint(entry: AuditEntry): TimelinePoint {
  const summary = auditSummary(entry.data);
  return { at: entry.at, text: `${entry.action} by ${entry.actor}${summary === '' ? '' : ` - ${summary}`}` };
}

function auditTable(entries: readonly AuditEntry[]): string[] {
  const rows = entries.map((entry) => {
    const utc = utcTime(entry.at);
    return tableRow([
      String(entry.seq),
      utc ? `${utc.day} ${utc.time}` : codeSpan(entry.at),
      codeSpan(entry.action),
      codeSpan(entry.actor),
      codeSpan(auditSummary(entry.data), SUMMARY_MAX),
    ]);
  });
  return [
    tableRow(['Seq', 'Time (UTC)', 'Action', 'Actor', 'Summary']),
    tableRow(['---:', '---', '---', '---', '---']),
    ...rows,
  ];
}

function timeline(incident: Incident, entries: readonly AuditEntry[]): string[] {
  if (entries.length === 0) return ['## Timeline', '', '_No audit entries yet._'];
  const shown = entries.slice(-TIMELINE_MAX);
  const leftOut = entries.length - shown.length;
  const scope =
    leftOut === 0
      ? `All ${entries.length} audit ${entries.length === 1 ? 'entry' : 'entries'}`
      : `The last ${shown.length} of ${entries.length} audit entries (${leftOut} earlier ${leftOut === 1 ? 'entry is' : 'entries are'} left out; \`audit.jsonl\` has every one)`;
  return [
    '## Timeline',
    '',
    `${scope}. Times are UTC.`,
    '',
    '```mermaid',
    ...mermaidTimeline(`${incident.id} ${incident.title}`, shown.map(auditPoint)),
    '```',
    '',
    ...auditTable(shown),
  ];
}

/** README.md for an incident directory, from its incident.yaml and its audit entries in chain order. */
export function renderIncidentReadme(incident: Incident, entries: readonly AuditEntry[]): string {
  const lines = [
    `# ${incident.id} — ${codeSpan(incident.title)}`,
    '',
    '> Generated by irac from `incident.yaml` and `audit.jsonl`: do not edit.',
    '> `irac verify` renders it again and reports any difference.',
    '',
    ...summaryTable(incident),
    '',
    ...timeline(incident, entries),
  ];
  return `${lines.join('\n')}\n`;
}
