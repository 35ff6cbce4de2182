// Falco alerts: the JSON Falco prints with json_output=true, which is also the body Falcosidekick
// forwards to webhooks (it adds `uuid`). Syscall alerts name a container / k8s pod, k8s_audit alerts
// name the API object (ka.target.*), internal ones (metrics snapshots) name the host.

import { type JsonObject, tableOf } from '../../json.js';
import type { ResourceRef, Severity } from '../../types.js';
import { AttackCollector } from '../attack.js';
import type { FieldReader } from '../fields.js';
import { IndicatorSet } from '../indicators.js';
import type { EventDraft, Normalizer } from '../normalizer.js';

// Falco's priorities, from syslog: https://falco.org/docs/concepts/rules/basic-elements/#priority
const SEVERITY_BY_PRIORITY: ReadonlyMap<string, Severity> = tableOf<Severity>({
  emergency: 'critical',
  alert: 'critical',
  critical: 'critical',
  error: 'high',
  warning: 'medium',
  notice: 'low',
  informational: 'low',
  info: 'low',
  debug: 'low',
});

const IP_FIELDS = ['fd.cip', 'fd.sip', 'fd.rip', 'fd.lip', 'ka.sourceips'];
const DOMAIN_FIELDS = ['fd.sip.name', 'fd.rip.name', 'fd.cip.name'];
const HASH_FIELDS = ['proc.exe_sha256', 'proc.hash.sha256', 'container.image.digest'];

function field(reader: FieldReader, name: string): string | undefined {
  return reader.text(['output_fields', name]);
}

/** The k8s object an audit alert is about: ka.target.resource "pods" → type k8s.pod. */
function auditTarget(reader: FieldReader): ResourceRef | undefined {
  const name = field(reader, 'ka.target.name');
  const kind = field(reader, 'ka.target.resource');
  if (!name || !kind) return undefined;
  const namespace = field(reader, 'ka.target.namespace');
  const type = `k8s.${kind
    .toLowerCase()
    .replace(/s$/, '')
    .replace(/[^a-z0-9_]/g, '_')}`;
  return { type, id: namespace ? `${namespace}/${name}` : name };
}

function resourcesOf(reader: FieldReader, hostname: string | undefined): ResourceRef[] {
  const resources: ResourceRef[] = [];
  const target = auditTarget(reader);
  if (target) resources.push(target);
  const namespace = field(reader, 'k8s.ns.name');
  const pod = field(reader, 'k8s.pod.name');
  if (namespace && pod) resources.push({ type: 'k8s.pod', id: `${namespace}/${pod}` });
  const container = field(reader, 'container.id');
  if (container && container !== 'host') {
    const image = field(reader, 'container.image.repository');
    resources.push(
      image ? { type: 'container', id: container, name: image } : { type: 'container', id: container },
    );
  }
  if (namespace && !pod) resources.push({ type: 'k8s.namespace', id: namespace });
  if (hostname) resources.push({ type: 'host', id: hostname });
  return resources;
}

function normalizeAlert(reader: FieldReader): EventDraft {
  const rule = reader.requireString('rule');
  const priority = reader.requireString('priority');
  const severity =
    SEVERITY_BY_PRIORITY.get(priority.toLowerCase()) ??
    reader.fail('priority', `unknown Falco priority "${priority}"`);
  reader.object('output_fields');
  const hostname = reader.string('hostname') ?? field(reader, 'evt.hostname');

  const indicators = new IndicatorSet();
  for (const name of IP_FIELDS) for (const ip of (field(reader, name) ?? '').split(',')) indicators.ip(ip);
  for (const name of DOMAIN_FIELDS) indicators.domain(field(reader, name));
  for (const name of HASH_FIELDS) indicators.hash(field(reader, name)?.replace(/^sha256:/, ''));

  const attack = new AttackCollector();
  for (const tag of reader.strings('tags')) attack.label(tag);

  const output = reader.string('output');
  return {
    from: reader,
    vendorId: reader.string('uuid'),
    timestamp: reader.time('time'),
    source: 'runtime',
    severity,
    kind: rule,
    title: output ? `${rule}: ${output.replace(/^\d{2}:\d{2}:\d{2}\.\d+: \w+ /, '')}` : rule,
    resources: resourcesOf(reader, hostname),
    actor: field(reader, 'ka.user.name') ?? field(reader, 'user.name'),
    indicators: indicators.list,
    attack,
    context: {
      vendor_severity: priority,
      falco_source: reader.string('source'),
      hostname,
      process: field(reader, 'proc.cmdline'),
      image: field(reader, 'container.image.repository'),
    },
  };
}

export const falco: Normalizer = {
  vendor: 'falco',
  accepts: 'Falco JSON alerts (json_output: true) and Falcosidekick webhook bodies',
  detect(payload: JsonObject): boolean {
    return (
      typeof payload.rule === 'string' &&
      typeof payload.priority === 'string' &&
      (Object.hasOwn(payload, 'output') || Object.hasOwn(payload, 'output_fields'))
    );
  },
  normalize: (reader) => [normalizeAlert(reader)],
};
