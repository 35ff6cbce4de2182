// Datadog Cloud SIEM / Workload Security signals, in the Security Monitoring API v2 shape
// (`{id, type: "signal", attributes: {timestamp, status, tags[], host, attributes | custom: {...}}}`, alone,
// as a GET response `{data: {...}}` or a list `{data: [...]}`), and webhook bodies. Datadog has no
// fixed webhook body for signals: the webhook integration's payload is a template of $VARIABLES
// (https://docs.datadoghq.com/integrations/webhooks/). irac reads this template:
//
//   {
//     "id": "$ID",
//     "date": "$DATE",
//     "link": "$LINK",
//     "tags": "$TAGS",
//     "title": "$SECURITY_SIGNAL_TITLE",
//     "signal_id": "$SECURITY_SIGNAL_ID",
//     "severity": "$SECURITY_SIGNAL_SEVERITY",
//     "rule_id": "$SECURITY_RULE_ID",
//     "rule_name": "$SECURITY_RULE_NAME",
//     "rule_type": "$SECURITY_RULE_TYPE",
//     "attributes": $SECURITY_SIGNAL_ATTRIBUTES
//   }
//
// signal_id, rule_name (or rule_id) and severity are required; `attributes` must stay unquoted (it is JSON).

import { isJsonObject, type JsonObject } from '../../json.js';
import type { ResourceRef, Severity } from '../../types.js';
import { AttackCollector } from '../attack.js';
import table from '../data/datadog-severity.json' with { type: 'json' };
import type { FieldPath, FieldReader } from '../fields.js';
import { IndicatorSet } from '../indicators.js';
import type { EventDraft, Normalizer } from '../normalizer.js';

const LEVELS: ReadonlyMap<string, Severity> = new Map(
  Object.entries(table.levels as Record<string, Severity>),
);
const BY_NUMBER = table.byNumber as readonly Severity[];

const AWS_INSTANCE = /^i-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
const IAM_ARN = /^arn:(aws[a-z-]*):(?:iam|sts)::(\d{12}):(user|role|assumed-role|root)(?:\/(.+))?$/;

/** A field as a list: Datadog attributes hold a value or an array of values. */
function firstAt(reader: FieldReader | undefined, path: FieldPath): string | undefined {
  return reader?.texts(path)[0];
}

/** Values of `key:value` tags. */
function tagValues(tags: readonly string[], key: string): string[] {
  const prefix = `${key}:`;
  return tags.filter((tag) => tag.startsWith(prefix)).map((tag) => tag.slice(prefix.length));
}

function severityNamed(reader: FieldReader, path: FieldPath, value: string): Severity {
  return (
    LEVELS.get(value.trim().toLowerCase()) ??
    reader.fail(
      path,
      `unknown Datadog severity "${value.slice(0, 40)}"; expected info, low, medium, high or critical`,
    )
  );
}

/** The IAM principal a CloudTrail-based signal names, as the resource to act on. */
function principalOf(arn: string): ResourceRef | undefined {
  const match = IAM_ARN.exec(arn);
  if (!match) return undefined;
  const [, partition, account, kind, rest = ''] = match;
  if (kind === 'root') return { type: 'aws.account', id: account as string };
  const name = kind === 'assumed-role' ? rest.split('/')[0] : rest.split('/').pop();
  if (!name) return undefined;
  if (kind === 'user') return { type: 'aws.iam.user', id: name, arn };
  return { type: 'aws.iam.role', id: name, arn: `arn:${partition}:iam::${account}:role/${name}` };
}

function machineOf(host: string | undefined, tags: readonly string[], account?: string, region?: string) {
  const instance = host && AWS_INSTANCE.test(host) ? host : tagValues(tags, 'instance-id')[0];
  if (instance && AWS_INSTANCE.test(instance)) {
    const arn = account && region ? `arn:aws:ec2:${region}:${account}:instance/${instance}` : undefined;
    const ref: ResourceRef = { type: 'aws.ec2.instance', id: instance };
    if (arn) ref.arn = arn;
    if (host && host !== instance) ref.name = host;
    return ref;
  }
  return host ? { type: 'host', id: host } : undefined;
}

/** What the signal's attributes (the matched logs' grouped fields) and tags say, in both shapes. */
function describe(attributes: FieldReader | undefined, tags: readonly string[], host: string | undefined) {
  const identity = attributes?.child('userIdentity');
  const principalArn = identity?.string('arn');
  const account =
    identity?.text('accountId') ??
    firstAt(attributes, 'recipientAccountId') ??
    tagValues(tags, 'aws_account')[0];
  const region = firstAt(attributes, 'awsRegion') ?? tagValues(tags, 'region')[0];
  const user = firstAt(attributes, ['usr', 'name']) ?? firstAt(attributes, ['usr', 'id']);

  // Credentials first (what to disable), then the principal, the machine, the workload, the user.
  const resources: ResourceRef[] = [];
  const accessKey = identity?.string('accessKeyId');
  if (accessKey) resources.push({ type: 'aws.iam.access_key', id: accessKey });
  const principal = principalArn ? principalOf(principalArn) : undefined;
  if (principal) resources.push(principal);
  const machine = machineOf(host, tags, account, region);
  if (machine) resources.push(machine);
  const namespace = tagValues(tags, 'kube_namespace')[0];
  const pod = tagValues(tags, 'pod_name')[0];
  if (namespace && pod) resources.push({ type: 'k8s.pod', id: `${namespace}/${pod}` });
  const cluster = tagValues(tags, 'kube_cluster_name')[0];
  if (cluster) resources.push({ type: 'k8s.cluster', id: cluster });
  if (user && !principal) resources.push({ type: 'user', id: user });

  const indicators = new IndicatorSet();
  for (const ip of attributes?.texts(['network', 'client', 'ip']) ?? []) indicators.ip(ip);
  for (const ip of attributes?.texts('sourceIPAddress') ?? []) indicators.ip(ip);
  for (const name of attributes?.texts(['dns', 'question', 'name']) ?? []) indicators.domain(name);
  for (const url of attributes?.texts(['http', 'url']) ?? []) indicators.url(url);
  for (const email of attributes?.texts(['usr', 'email']) ?? []) indicators.email(email);

  // `tactic:ta0006-credential-access`, `technique:t1078.004-cloud-accounts`: the id leads the value.
  const attack = new AttackCollector();
  for (const value of tagValues(tags, 'tactic')) attack.tactic(value.split('-')[0]).tactic(value);
  for (const value of tagValues(tags, 'technique')) attack.technique(value.split('-')[0]);

  return {
    resources,
    account,
    region,
    actor: principalArn ?? user ?? firstAt(attributes, ['usr', 'email']) ?? identity?.string('userName'),
    indicators: indicators.list,
    attack,
    context: {
      log_source: tagValues(tags, 'source')[0],
      env: tagValues(tags, 'env')[0],
      service: [...new Set(attributes?.texts('service'))].join(', ') || undefined,
      event_name: firstAt(attributes, ['evt', 'name']) ?? firstAt(attributes, 'eventName'),
    },
  };
}

function rateSignal(signal: FieldReader, attributes: FieldReader | undefined, tags: readonly string[]) {
  const status = signal.string(['attributes', 'status']);
  if (status !== undefined) {
    return { severity: severityNamed(signal, ['attributes', 'status'], status), value: status };
  }
  const level = signal.number(['attributes', 'severity']);
  if (level !== undefined) {
    const severity = Number.isInteger(level) && level >= 0 ? BY_NUMBER[level] : undefined;
    return {
      severity:
        severity ??
        signal.fail(['attributes', 'severity'], `severity ${level} is outside Datadog's 0-4 scale`),
      value: String(level),
    };
  }
  const caseStatus = attributes?.string(['triggeringRuleCase', 'status']);
  if (attributes && caseStatus !== undefined) {
    return {
      severity: severityNamed(attributes, ['triggeringRuleCase', 'status'], caseStatus),
      value: caseStatus,
    };
  }
  const tagged = tagValues(tags, 'status')[0];
  if (tagged !== undefined)
    return { severity: severityNamed(signal, ['attributes', 'tags'], tagged), value: tagged };
  return signal.fail(['attributes', 'status'], 'the signal has no severity (status)');
}

function normalizeSignal(signal: FieldReader): EventDraft {
  const outer = signal.child('attributes') ?? signal.fail('attributes', 'required object is missing');
  // The list endpoint nests the matched logs' fields under attributes.attributes, the details endpoint under custom.
  const attributes = outer.child('attributes') ?? outer.child('custom');
  const tags = outer.strings('tags');
  const rule = attributes?.child(['workflow', 'rule']);
  const title = attributes?.string('title');
  const kind =
    rule?.string('name') ??
    title ??
    signal.fail(['attributes', 'attributes', 'workflow', 'rule', 'name'], 'the signal names no rule');
  const rating = rateSignal(signal, attributes, tags);
  const host = outer.string('host') ?? firstAt(attributes, 'host') ?? firstAt(attributes, 'hostname');
  // What the signal says about resources, principal and indicators; its own facts go to context.
  const { context: facts, ...found } = describe(attributes, tags, host);

  return {
    from: signal,
    // Datadog updates a signal in place as more logs match; its id stays the signal's identity.
    vendorId: signal.text('id'),
    timestamp: attributes?.time(['workflow', 'first_seen']) ?? outer.time('timestamp'),
    source: 'siem',
    severity: rating.severity,
    kind,
    title: title ?? kind,
    ...found,
    context: {
      ...facts,
      vendor_severity: rating.value,
      rule_id: rule?.string('id'),
      rule_type: rule?.string('type'),
      triage_state: attributes?.string(['workflow', 'triage', 'state']),
      events_matched: attributes?.text(['workflow', 'events_matched']),
    },
  };
}

function webhookTags(webhook: FieldReader): string[] {
  // $TAGS renders as "a:b, c:d"; a hand-written template may send an array.
  if (Array.isArray(webhook.get('tags'))) return webhook.strings('tags');
  const tags = webhook.string('tags') ?? '';
  return tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

function normalizeWebhook(webhook: FieldReader): EventDraft {
  const severityText =
    webhook.string('severity') ??
    webhook.fail('severity', 'required: add "severity": "$SECURITY_SIGNAL_SEVERITY" to the webhook payload');
  const severity = severityNamed(webhook, 'severity', severityText);
  const title = webhook.string('title');
  const kind =
    webhook.string('rule_name') ??
    title ??
    webhook.fail('rule_name', 'required: "rule_name": "$SECURITY_RULE_NAME"');
  const attributes = webhook.child('attributes');
  const tags = webhookTags(webhook);
  const host = firstAt(attributes, 'host') ?? firstAt(attributes, 'hostname');
  // What the signal says about resources, principal and indicators; its own facts go to context.
  const { context: facts, ...found } = describe(attributes, tags, host);

  return {
    from: webhook,
    vendorId: webhook.text('signal_id'),
    timestamp: webhook.time('date'),
    source: 'siem',
    severity,
    kind,
    title: title ?? kind,
    ...found,
    context: {
      ...facts,
      vendor_severity: severityText,
      rule_id: webhook.text('rule_id'),
      rule_type: webhook.string('rule_type'),
      link: webhook.string('link'),
      notification_id: webhook.text('id'),
    },
  };
}

function isSignal(value: unknown): boolean {
  return isJsonObject(value) && value.type === 'signal' && isJsonObject(value.attributes);
}

function isWebhook(payload: JsonObject): boolean {
  return (
    typeof payload.signal_id === 'string' &&
    (typeof payload.rule_name === 'string' || typeof payload.rule_id === 'string')
  );
}

export const datadog: Normalizer = {
  vendor: 'datadog',
  accepts:
    'Datadog security signals (API v2: a signal, {data: signal}, {data: [signals]}) and webhook bodies of $SECURITY_* variables',
  detect(payload: JsonObject): boolean {
    const { data } = payload;
    return (
      isSignal(payload) || isSignal(data) || (Array.isArray(data) && isSignal(data[0])) || isWebhook(payload)
    );
  },
  normalize(reader: FieldReader): EventDraft[] {
    const { data } = reader.value;
    if (Array.isArray(data)) return reader.children('data').map(normalizeSignal);
    if (isJsonObject(data)) return [normalizeSignal(reader.child('data') as FieldReader)];
    if (isWebhook(reader.value)) return [normalizeWebhook(reader)];
    return [normalizeSignal(reader)];
  },
};
