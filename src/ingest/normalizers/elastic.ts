// Elastic Security detection alerts, as a Kibana webhook connector or a search returns them: the alert
// document (https://www.elastic.co/guide/en/security/current/alert-schema.html) with its `kibana.alert.*`
// fields as dotted keys, as nested objects, or both mixed (8.x stores dotted kibana.alert keys beside
// nested ECS objects); the 7.x detection engine's `signal.rule.*` document; a search hit
// (`{_id, _source}`) and a search response (`{hits: {hits: [...]}}`). ECS allows any field to be an
// array, and the search API's `fields` option returns every one as such, so single values are read as
// "the first of possibly several".

import { isJsonObject, type JsonObject } from '../../json.js';
import type { ResourceRef, Severity } from '../../types.js';
import { AttackCollector } from '../attack.js';
import table from '../data/elastic-severity.json' with { type: 'json' };
import type { FieldReader } from '../fields.js';
import { IndicatorSet } from '../indicators.js';
import type { EventDraft, Normalizer } from '../normalizer.js';

const LEVELS: ReadonlyMap<string, Severity> = new Map(
  Object.entries(table.levels as Record<string, Severity>),
);
const RISK_BANDS = table.riskScoreBands as readonly { atMost: number; severity: Severity }[];

const SEVERITY_FIELDS = [
  'kibana.alert.severity',
  'kibana.alert.rule.severity',
  'kibana.alert.rule.parameters.severity',
  'signal.rule.severity',
];
const RISK_SCORE_FIELDS = [
  'kibana.alert.risk_score',
  'kibana.alert.rule.risk_score',
  'kibana.alert.rule.parameters.risk_score',
  'signal.rule.risk_score',
];
const THREAT_FIELDS = [
  'kibana.alert.rule.threat',
  'kibana.alert.rule.parameters.threat',
  'signal.rule.threat',
];
const IP_FIELDS = ['source.ip', 'destination.ip', 'client.ip', 'server.ip'];
const DOMAIN_FIELDS = ['dns.question.name', 'destination.domain', 'url.domain'];
const URL_FIELDS = ['url.full', 'url.original'];
const HASH_FIELDS = [
  'file.hash.sha256',
  'file.hash.sha1',
  'file.hash.md5',
  'process.hash.sha256',
  'process.hash.sha1',
  'process.hash.md5',
];
const AWS_INSTANCE = /^i-[0-9a-f]{8,17}$/;

/** Field names are constants of this module: their split is computed once. */
const SEGMENTS = new Map<string, readonly string[]>();

function segmentsOf(field: string): readonly string[] {
  let segments = SEGMENTS.get(field);
  if (!segments) {
    segments = field.split('.');
    SEGMENTS.set(field, segments);
  }
  return segments;
}

interface KeyShape {
  /** First segments of the object's keys: `host` for both `host` and `host.name`. */
  readonly heads: ReadonlySet<string>;
  readonly dotted: boolean;
}

const SHAPES = new WeakMap<JsonObject, KeyShape>();

/** One pass over an object's own keys (not its values), remembered for the document's other fields. */
function shapeOf(node: JsonObject): KeyShape {
  let shape = SHAPES.get(node);
  if (!shape) {
    const heads = new Set<string>();
    let dotted = false;
    for (const key of Object.keys(node)) {
      const dot = key.indexOf('.');
      if (dot >= 0) dotted = true;
      heads.add(dot < 0 ? key : key.slice(0, dot));
    }
    shape = { heads, dotted };
    SHAPES.set(node, shape);
  }
  return shape;
}

/**
 * Finds a field's own path in a document that may spell `host.name` as a dotted key, nested objects, or
 * a mix: at each level the key grows one segment at a time (`host`, then `host.name`).
 */
function locate(node: JsonObject, segments: readonly string[], start: number): string[] | undefined {
  const shape = shapeOf(node);
  if (!shape.heads.has(segments[start] as string)) return undefined;
  let key = '';
  for (let end = start; end < segments.length; end++) {
    if (end > start && !shape.dotted) return undefined;
    key = end === start ? (segments[end] as string) : `${key}.${segments[end]}`;
    if (!Object.hasOwn(node, key)) continue;
    if (end === segments.length - 1) return [key];
    const child = node[key];
    if (!isJsonObject(child)) continue;
    const rest = locate(child, segments, end + 1);
    if (rest) return [key, ...rest];
  }
  return undefined;
}

/** Reads ECS fields of one alert document, wherever the document put them. */
class AlertFields {
  constructor(readonly doc: FieldReader) {}

  path(field: string): readonly string[] {
    // Kibana 8 writes its own fields as whole dotted keys: the cheapest test first.
    if (Object.hasOwn(this.doc.value, field)) return [field];
    const segments = segmentsOf(field);
    return locate(this.doc.value, segments, 0) ?? segments;
  }

  /** Every value of a field: ECS fields may be arrays. */
  values(field: string): string[] {
    const path = this.path(field);
    const value = this.doc.get(path);
    if (!Array.isArray(value)) {
      const text = this.doc.text(path);
      return text === undefined ? [] : [text];
    }
    return value.flatMap((_, i) => this.doc.text([...path, i]) ?? []);
  }

  first(...fields: string[]): string | undefined {
    for (const field of fields) {
      const value = this.values(field)[0];
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** The path of a field's first value, for reads and error messages. */
  firstPath(field: string): readonly (string | number)[] {
    const path = this.path(field);
    return Array.isArray(this.doc.get(path)) ? [...path, 0] : path;
  }

  time(...fields: string[]): string | undefined {
    return this.doc.firstTime(...fields.map((field) => this.firstPath(field)));
  }

  number(field: string): number | undefined {
    return this.doc.numeric(this.firstPath(field));
  }
}

function isAlertDocument(doc: JsonObject): boolean {
  if (
    Object.hasOwn(doc, 'kibana.alert.rule.name') ||
    Object.hasOwn(doc, 'kibana.alert.uuid') ||
    Object.hasOwn(doc, 'signal.rule.name')
  ) {
    return true;
  }
  const { kibana, signal } = doc;
  if (isJsonObject(kibana) && (isJsonObject(kibana.alert) || Object.hasOwn(kibana, 'alert.rule.name')))
    return true;
  return isJsonObject(signal) && isJsonObject(signal.rule);
}

function isSearchResponse(payload: JsonObject): boolean {
  const hits = isJsonObject(payload.hits) ? payload.hits.hits : undefined;
  const first = Array.isArray(hits) ? hits[0] : undefined;
  return isJsonObject(first) && isJsonObject(first._source) && isAlertDocument(first._source);
}

function rate(alert: AlertFields): { severity: Severity; value: string } {
  for (const field of SEVERITY_FIELDS) {
    const value = alert.first(field);
    if (value === undefined) continue;
    const severity = LEVELS.get(value.trim().toLowerCase());
    if (!severity) {
      alert.doc.fail(
        alert.firstPath(field),
        `unknown Elastic severity "${value.slice(0, 40)}"; expected low, medium, high or critical`,
      );
    }
    return { severity, value };
  }
  for (const field of RISK_SCORE_FIELDS) {
    const score = alert.number(field);
    if (score === undefined) continue;
    const band = score >= 0 ? RISK_BANDS.find((b) => score <= b.atMost) : undefined;
    if (!band) alert.doc.fail(alert.firstPath(field), `risk score ${score} is outside Elastic's 0-100 range`);
    return { severity: band.severity, value: `risk_score ${score}` };
  }
  return alert.doc.fail(
    alert.path('kibana.alert.severity'),
    'the alert has neither a severity nor a risk score (not an Elastic Security detection alert?)',
  );
}

function attackOf(alert: AlertFields): AttackCollector {
  const attack = new AttackCollector();
  const threatField = THREAT_FIELDS.find((field) => Array.isArray(alert.doc.get(alert.path(field))));
  if (threatField) {
    for (const threat of alert.doc.children(alert.path(threatField))) {
      attack.tactic(threat.string(['tactic', 'id']) ?? threat.string(['tactic', 'name']));
      for (const technique of threat.children('technique')) {
        attack.technique(technique.string('id'));
        for (const sub of technique.children('subtechnique')) attack.technique(sub.string('id'));
      }
    }
    return attack;
  }
  // The search API's `fields` form flattens the threat objects into parallel arrays.
  for (const prefix of ['kibana.alert.rule.threat', 'signal.rule.threat']) {
    for (const id of alert.values(`${prefix}.tactic.id`)) attack.tactic(id);
    for (const id of alert.values(`${prefix}.technique.id`)) attack.technique(id);
    for (const id of alert.values(`${prefix}.technique.subtechnique.id`)) attack.technique(id);
  }
  return attack;
}

function cloudInstance(alert: AlertFields): ResourceRef | undefined {
  const id = alert.first('cloud.instance.id');
  if (!id) return undefined;
  const provider = alert.first('cloud.provider')?.toLowerCase();
  const name = alert.first('cloud.instance.name');
  if (provider === 'aws' || (provider === undefined && AWS_INSTANCE.test(id))) {
    const region = alert.first('cloud.region');
    const account = alert.first('cloud.account.id');
    const arn = region && account ? `arn:aws:ec2:${region}:${account}:instance/${id}` : undefined;
    return { type: 'aws.ec2.instance', id, ...(arn && { arn }), ...(name && { name }) };
  }
  const type =
    provider === 'azure' ? 'azure.vm' : provider === 'gcp' ? 'gcp.compute.instance' : 'cloud.instance';
  return { type, id, ...(name && { name }) };
}

/** The most contained thing first: a container, its pod, the VM, the host, then the user. */
function resourcesOf(alert: AlertFields, hostName: string | undefined): ResourceRef[] {
  const resources: ResourceRef[] = [];
  const container = alert.first('container.id');
  if (container) {
    const image = alert.first('container.image.name');
    resources.push({ type: 'container', id: container, ...(image && { name: image }) });
  }
  const namespace = alert.first('kubernetes.namespace', 'orchestrator.namespace');
  const pod = alert.first('kubernetes.pod.name');
  if (namespace && pod) resources.push({ type: 'k8s.pod', id: `${namespace}/${pod}` });
  const instance = cloudInstance(alert);
  if (instance) resources.push(instance);
  const host = hostName ?? alert.first('host.id');
  if (host) resources.push({ type: 'host', id: host });
  for (const user of alert.values('user.name')) resources.push({ type: 'user', id: user });
  return resources;
}

function indicatorsOf(alert: AlertFields): IndicatorSet {
  const indicators = new IndicatorSet();
  for (const field of IP_FIELDS) for (const value of alert.values(field)) indicators.ip(value);
  for (const field of DOMAIN_FIELDS) for (const value of alert.values(field)) indicators.domain(value);
  for (const field of URL_FIELDS) for (const value of alert.values(field)) indicators.url(value);
  for (const field of HASH_FIELDS) for (const value of alert.values(field)) indicators.hash(value);
  return indicators;
}

function normalizeAlert(from: FieldReader, doc: FieldReader, hitId: string | undefined): EventDraft {
  const alert = new AlertFields(doc);
  const rule =
    alert.first('kibana.alert.rule.name', 'signal.rule.name') ??
    doc.fail(alert.path('kibana.alert.rule.name'), 'required string is missing');
  const rating = rate(alert);
  const hostName = alert.first('host.name', 'host.hostname');
  const reason = alert.first('kibana.alert.reason', 'signal.reason');
  const resources = resourcesOf(alert, hostName);

  return {
    from,
    // An alert document is written once per detection; every action re-sending it re-sends that uuid.
    vendorId: alert.first('kibana.alert.uuid') ?? hitId ?? alert.first('_id'),
    timestamp: alert.time(
      'kibana.alert.original_time',
      'signal.original_time',
      'kibana.alert.start',
      '@timestamp',
    ),
    source: 'siem',
    severity: rating.severity,
    kind: rule,
    title: reason ?? (hostName ? `${rule} on ${hostName}` : rule),
    resources,
    account: alert.first('cloud.account.id'),
    region: alert.first('cloud.region'),
    actor: alert.first('aws.cloudtrail.user_identity.arn', 'user.name', 'user.id'),
    indicators: indicatorsOf(alert).list,
    attack: attackOf(alert),
    context: {
      vendor_severity: rating.value,
      rule_id: alert.first('kibana.alert.rule.rule_id', 'signal.rule.rule_id'),
      rule_uuid: alert.first('kibana.alert.rule.uuid', 'signal.rule.id'),
      rule_type: alert.first('kibana.alert.rule.type', 'signal.rule.type'),
      workflow_status: alert.first('kibana.alert.workflow_status', 'signal.status'),
      link: alert.first('kibana.alert.url'),
      space: alert.first('kibana.space_ids'),
      event_action: alert.first('event.action'),
      event_category: alert.first('event.category'),
      host_id: alert.first('host.id'),
      process: alert.first('process.command_line', 'process.executable'),
    },
  };
}

function normalizeHit(hit: FieldReader): EventDraft {
  const source = hit.child('_source') ?? hit.fail('_source', 'required object is missing');
  return normalizeAlert(hit, source, hit.text('_id'));
}

export const elastic: Normalizer = {
  vendor: 'elastic',
  accepts:
    'Elastic Security alerts (kibana.alert.* documents, nested or dotted; 7.x signal.rule.*), search hits and search responses',
  detect(payload: JsonObject): boolean {
    if (isAlertDocument(payload)) return true;
    if (isJsonObject(payload._source)) return isAlertDocument(payload._source);
    return isSearchResponse(payload);
  },
  normalize(reader: FieldReader): EventDraft[] {
    if (isAlertDocument(reader.value)) return [normalizeAlert(reader, reader, undefined)];
    if (Object.hasOwn(reader.value, '_source')) return [normalizeHit(reader)];
    if (Object.hasOwn(reader.value, 'hits')) return reader.children(['hits', 'hits']).map(normalizeHit);
    // Chosen with --source but shaped like none of the above: the missing rule name says why.
    return [normalizeAlert(reader, reader, undefined)];
  },
};
