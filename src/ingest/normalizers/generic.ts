// Payloads that already have the SecurityEvent shape — the seed's `{id, timestamp, source, severity,
// resource, payload, context}` or a full event printed by `irac normalize --json` — sent by a custom
// detector or a SIEM rule whose webhook template a team wrote themselves. What the sender claims about
// identity (id, fingerprint, hashes) is never trusted: it is recomputed like for any other source.

import type { JsonObject } from '../../json.js';
import type { ResourceRef, Severity, SourceClass } from '../../types.js';
import { AttackCollector } from '../attack.js';
import type { FieldReader } from '../fields.js';
import { IndicatorSet } from '../indicators.js';
import type { EventDraft, Normalizer } from '../normalizer.js';

const SEVERITIES: readonly string[] = ['low', 'medium', 'high', 'critical'] satisfies Severity[];
const SOURCES: readonly string[] = ['siem', 'cloudtrail', 'runtime', 'threatintel'] satisfies SourceClass[];

function oneOf<T extends string>(
  reader: FieldReader,
  path: string,
  allowed: readonly string[],
): T | undefined {
  const value = reader.string(path);
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (!allowed.includes(lower)) reader.fail(path, `must be one of ${allowed.join(', ')}`);
  return lower as T;
}

function indicatorsOf(reader: FieldReader): IndicatorSet {
  const set = new IndicatorSet();
  for (const item of reader.children('indicators')) {
    const value = item.requireString('value');
    const type = item.requireString('type');
    if (type === 'ip') set.ip(value);
    else if (type === 'domain') set.domain(value);
    else if (type === 'url') set.url(value);
    else if (type === 'email') set.email(value);
    else if (type === 'md5' || type === 'sha1' || type === 'sha256') set.hash(value);
    else item.fail('type', 'must be one of ip, domain, url, md5, sha1, sha256, email');
  }
  return set;
}

function resourcesOf(reader: FieldReader): ResourceRef[] {
  return reader.children('resources').map((item) => {
    const ref: ResourceRef = { type: item.requireString('type'), id: item.requireString('id') };
    const arn = item.string('arn');
    const name = item.string('name');
    if (arn) ref.arn = arn;
    if (name) ref.name = name;
    return ref;
  });
}

function contextOf(reader: FieldReader): Record<string, string> {
  const context: Record<string, string> = {};
  const object = reader.object('context') ?? {};
  for (const key of Object.keys(object)) {
    const value = reader.text(['context', key]);
    if (value !== undefined) context[key] = value;
  }
  return context;
}

function normalizeEvent(reader: FieldReader): EventDraft {
  const severity = oneOf<Severity>(reader, 'severity', SEVERITIES) ?? reader.fail('severity', 'required');
  const attack = new AttackCollector();
  for (const tactic of reader.strings('attack.tactics')) attack.tactic(tactic);
  for (const technique of reader.strings('attack.techniques')) attack.technique(technique);
  reader.object('payload');
  return {
    from: reader,
    vendorId: reader.text('id'),
    timestamp: reader.time('timestamp'),
    source: oneOf<SourceClass>(reader, 'source', SOURCES) ?? 'siem',
    severity,
    kind: reader.string('kind') ?? 'generic',
    title: reader.string('title'),
    resource: reader.requireString('resource'),
    resources: resourcesOf(reader),
    account: reader.text('account'),
    region: reader.string('region'),
    actor: reader.string('actor'),
    indicators: indicatorsOf(reader).list,
    attack,
    context: contextOf(reader),
  };
}

export const generic: Normalizer = {
  vendor: 'generic',
  accepts: 'payloads already shaped as a SecurityEvent (at least severity and resource)',
  detect(payload: JsonObject): boolean {
    return (
      typeof payload.severity === 'string' &&
      SEVERITIES.includes(payload.severity.toLowerCase()) &&
      typeof payload.resource === 'string'
    );
  },
  normalize: (reader) => [normalizeEvent(reader)],
};
