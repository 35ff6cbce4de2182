// Splunk alerts: the body of Splunk's webhook alert action, `{sid, search_name, app, owner, results_link,
// result}` where `result` is the first row of the triggering search
// (https://help.splunk.com/splunk-enterprise/alert-and-respond/alerting-manual/10.0/configure-alert-actions/use-a-webhook-alert-action),
// and Splunk Enterprise Security notables forwarded flat (search_name and the row's fields at the top).
// Row fields are whatever the search produced — CIM names (dest, src, user, ...) where ES is in use —
// and each is a string, or an array of strings for a multivalue field.

import { canonicalJson, sha256Hex } from '../../digest.js';
import { isJsonObject, type JsonObject } from '../../json.js';
import type { ResourceRef, Severity } from '../../types.js';
import { AttackCollector } from '../attack.js';
import table from '../data/splunk-severity.json' with { type: 'json' };
import type { FieldPath, FieldReader } from '../fields.js';
import { IndicatorSet } from '../indicators.js';
import type { EventDraft, Normalizer } from '../normalizer.js';

const LEVELS: ReadonlyMap<string, Severity> = new Map(
  Object.entries(table.levels as Record<string, Severity>),
);
const UNRATED: ReadonlySet<string> = new Set(table.unrated);
const RISK_BANDS = table.riskScoreBands as readonly { below: number; severity: Severity }[];
const RISK_ABOVE_BANDS = table.riskScoreAbove as Severity;

/**
 * Where the affected machine is named, most specific first: what containment acts on. CIM src is
 * where the activity came from, often the attacker's address (`| stats count by src, user`): it is an
 * indicator, never the resource. `host` is the machine that sent the log, so it comes after the
 * accounts (see resourcesOf).
 */
const TARGET_HOST_FIELDS = ['dest', 'dest_host', 'dest_nt_host'] as const;
const RISK_OBJECT_TYPES: ReadonlyMap<string, string> = new Map([
  ['system', 'host'],
  ['user', 'user'],
]);
const IP_FIELDS = ['src_ip', 'dest_ip'];
const HOST_OR_IP_FIELDS = ['src', 'dest'];
const DOMAIN_FIELDS = ['domain', 'query'];
const HASH_FIELDS = ['file_hash', 'sha256', 'sha1', 'md5'];
// ES annotates notables with ATT&CK ids; searches over the notable index see them as dotted fields.
const TECHNIQUE_FIELDS: readonly (readonly string[])[] = [
  ['annotations.mitre_attack'],
  ['annotations.mitre_attack.mitre_technique_id'],
  ['mitre_technique_id'],
];
const TACTIC_FIELDS: readonly (readonly string[])[] = [
  ['annotations.mitre_attack.mitre_tactic_id'],
  ['annotations.mitre_attack.mitre_tactic'],
  ['mitre_tactic_id'],
  ['mitre_tactic'],
];

function firstAt(row: FieldReader, field: string): string | undefined {
  return row.texts([field])[0];
}

/** The path of a field's first value, for error messages that point at it. */
function firstPath(row: FieldReader, field: string): FieldPath {
  return Array.isArray(row.get([field])) ? [field, 0] : [field];
}

/**
 * Notable markers: ES writes a notable with an event_id of the form <guid>@@notable@@<hash> and the
 * correlation search's rule_name (rule_id, and orig_rule_name on risk notables)
 * (https://help.splunk.com/splunk-enterprise-security-7/user-guide/7.3/incident-review/how-urgency-is-assigned-to-notable-events-in-splunk-enterprise-security).
 */
const NOTABLE_RULE_FIELDS = ['rule_name', 'rule_id', 'orig_rule_name'] as const;

/**
 * Only an ES notable's severity, urgency and risk score were set by ES. In the row of a plain saved
 * search these fields are often extracted from the raw log line, so the attacker writes them
 * (`severity=informational` in a request): they are kept in context and not trusted.
 */
function isNotable(row: FieldReader): boolean {
  if (firstAt(row, 'event_id')?.includes('@@notable@@')) return true;
  return NOTABLE_RULE_FIELDS.some((field) => firstAt(row, field) !== undefined);
}

interface Rating {
  readonly severity: Severity;
  readonly basis: string;
  readonly value?: string;
}

function riskBand(score: number): Severity {
  return RISK_BANDS.find((band) => score < band.below)?.severity ?? RISK_ABOVE_BANDS;
}

/**
 * ES urgency first: it is what analysts triage on (severity raised or lowered by the asset's and
 * identity's priority), then the correlation search's severity, then a risk score.
 */
function rate(row: FieldReader, notable: boolean): Rating {
  // A plain saved search carries no rating: that it fired at all is the finding. Medium means
  // "investigate", which is what an untriaged alert needs; context.severity_basis says it was assumed.
  if (!notable) return { severity: 'medium', basis: 'default' };
  for (const field of ['urgency', 'severity']) {
    const value = firstAt(row, field);
    if (value === undefined) continue;
    const key = value.trim().toLowerCase();
    if (UNRATED.has(key)) continue;
    const severity = LEVELS.get(key);
    if (!severity) {
      row.fail(
        firstPath(row, field),
        `unknown Splunk ${field} "${value.slice(0, 40)}"; expected informational, low, medium, high or critical`,
      );
    }
    return { severity, basis: field, value };
  }
  const risk = firstAt(row, 'risk_score');
  if (risk !== undefined) {
    const score = Number(risk);
    if (risk.trim() === '' || !Number.isFinite(score)) {
      row.fail(firstPath(row, 'risk_score'), `risk score "${risk.slice(0, 40)}" is not a number`);
    }
    return { severity: riskBand(score), basis: 'risk_score', value: risk };
  }
  return { severity: 'medium', basis: 'default' };
}

function resourcesOf(row: FieldReader): ResourceRef[] {
  const resources: ResourceRef[] = [];
  for (const field of TARGET_HOST_FIELDS) {
    for (const id of row.texts([field])) resources.push({ type: 'host', id });
  }
  for (const id of row.texts(['user'])) resources.push({ type: 'user', id });
  // A risk notable (ES risk-based alerting) names its entity as risk_object of type system or user.
  const riskType = RISK_OBJECT_TYPES.get(firstAt(row, 'risk_object_type')?.toLowerCase() ?? '');
  if (riskType) for (const id of row.texts(['risk_object'])) resources.push({ type: riskType, id });
  // The log's sender: the affected machine for a host's own logs, a firewall or collector otherwise.
  for (const id of row.texts(['host'])) resources.push({ type: 'host', id });
  return resources;
}

function indicatorsOf(row: FieldReader): IndicatorSet {
  const indicators = new IndicatorSet();
  for (const field of IP_FIELDS) for (const value of row.texts([field])) indicators.ip(value);
  for (const field of HOST_OR_IP_FIELDS) for (const value of row.texts([field])) indicators.host(value);
  for (const value of row.texts(['url'])) indicators.url(value);
  for (const field of DOMAIN_FIELDS) for (const value of row.texts([field])) indicators.domain(value);
  for (const field of HASH_FIELDS) for (const value of row.texts([field])) indicators.hash(value);
  // In the CIM Email model src_user is the sender: a phishing sender is worth enriching.
  for (const value of row.texts(['src_user'])) indicators.email(value);
  return indicators;
}

function attackOf(row: FieldReader): AttackCollector {
  const attack = new AttackCollector();
  for (const path of TECHNIQUE_FIELDS) for (const value of row.texts(path)) attack.label(value);
  for (const path of TACTIC_FIELDS) for (const value of row.texts(path)) attack.tactic(value);
  // The notable's annotations as an object, when the search kept the JSON structure.
  const nested = row.get(['annotations', 'mitre_attack']);
  if (typeof nested === 'string' || Array.isArray(nested)) {
    for (const value of row.texts(['annotations', 'mitre_attack'])) attack.label(value);
  }
  return attack;
}

/**
 * The same webhook retried carries the same sid and row; a "for each result" alert sends one webhook
 * per row under one sid, so the row's own address (_cd, else _serial) and time tell those apart. A
 * transforming search (`| stats ... by src, user`) gives rows with no address, and often no _time:
 * a digest of the row's canonical JSON tells them apart (two different rows under one id would
 * lose one) while a retry, the same row, keeps its id.
 */
function vendorIdOf(reader: FieldReader, row: FieldReader): string | undefined {
  const sid = reader.text('sid');
  if (sid === undefined) return firstAt(row, 'event_id');
  const address = firstAt(row, '_cd') ?? firstAt(row, '_serial');
  const rowKey =
    address === undefined
      ? `row_sha256=${sha256Hex(canonicalJson(row.value)).slice(0, 32)}`
      : `row=${address}`;
  const time = firstAt(row, '_time');
  return [sid, rowKey, time && `time=${time}`].filter(Boolean).join(' ');
}

/** Values of a field, joined, for context. */
function joined(row: FieldReader, field: string): string | undefined {
  const values = row.texts([field]);
  return values.length === 0 ? undefined : values.join(', ');
}

function normalizeAlert(reader: FieldReader): EventDraft {
  const row = reader.child('result') ?? reader;
  const app = reader.string('app');
  const kind = reader.string('search_name') ?? (app ? `Splunk alert (app ${app})` : 'Splunk alert');
  const notable = isNotable(row);
  const rating = rate(row, notable);
  const resources = resourcesOf(row);
  const primary = resources[0];
  // rule_title is the notable's title; in a plain search's row it may come from the log line.
  const ruleTitle = notable ? firstAt(row, 'rule_title') : undefined;
  const title = ruleTitle ?? (primary ? `${kind} on ${primary.id}` : kind);

  return {
    from: reader,
    vendorId: vendorIdOf(reader, row),
    timestamp: row.time(firstPath(row, '_time')),
    source: 'siem',
    severity: rating.severity,
    kind,
    title,
    resources,
    account: firstAt(row, 'vendor_account'),
    region: firstAt(row, 'vendor_region'),
    // CIM: src_user is who initiated a change or privilege escalation; user the account acted on or with.
    actor: firstAt(row, 'src_user') ?? firstAt(row, 'user'),
    indicators: indicatorsOf(row).list,
    attack: attackOf(row),
    context: {
      vendor_severity: rating.value,
      severity_basis: rating.basis,
      // What the row said, not trusted: see isNotable.
      row_urgency: notable ? undefined : firstAt(row, 'urgency'),
      row_severity: notable ? undefined : firstAt(row, 'severity'),
      row_risk_score: notable ? undefined : firstAt(row, 'risk_score'),
      src: joined(row, 'src'),
      src_ip: joined(row, 'src_ip'),
      sid: reader.text('sid'),
      app,
      owner: reader.string('owner'),
      link: reader.string('results_link'),
      sourcetype: firstAt(row, 'sourcetype'),
      security_domain: firstAt(row, 'security_domain'),
      rule_name: firstAt(row, 'rule_name'),
      notable_event_id: firstAt(row, 'event_id'),
      result_count: firstAt(row, 'count'),
    },
  };
}

export const splunk: Normalizer = {
  vendor: 'splunk',
  accepts: 'Splunk webhook alert action bodies ({sid, search_name, result, ...}) and flat Splunk ES notables',
  detect(payload: JsonObject): boolean {
    return (
      typeof payload.search_name === 'string' ||
      (typeof payload.sid === 'string' && isJsonObject(payload.result))
    );
  },
  normalize: (reader) => [normalizeAlert(reader)],
};
