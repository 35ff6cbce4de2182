// Microsoft Sentinel incidents and alerts as Azure sends them: the incident ARM resource
// (`{id, name, type: "Microsoft.SecurityInsights/Incidents", properties: {...}}`,
// https://learn.microsoft.com/en-us/rest/api/securityinsights/incidents/get), the REST list `{value: [...]}`
// of incidents or of an incident's alerts (`kind: "SecurityAlert"` entities), and the body a Logic App's
// "Microsoft Sentinel incident" trigger receives from an automation rule (`{eventUniqueId,
// objectSchemaType: "Incident", objectEventType, workspaceInfo, workspaceId, object: <incident with
// relatedEntities[] and alerts[]>}`, https://learn.microsoft.com/en-us/azure/sentinel/playbook-triggers-actions).
// An incident's entities list (`{entities: [...], metaData: [...]}`) is refused: it names hosts and
// accounts but no detection, severity or time, so it is context for an incident, not an event.

import { isJsonObject, type JsonObject } from '../../json.js';
import type { ResourceRef, Severity } from '../../types.js';
import { AttackCollector } from '../attack.js';
import table from '../data/sentinel-severity.json' with { type: 'json' };
import type { FieldPath, FieldReader } from '../fields.js';
import { IndicatorSet } from '../indicators.js';
import type { EventDraft, Normalizer } from '../normalizer.js';

const LEVELS: ReadonlyMap<string, Severity> = new Map(
  Object.entries(table.levels as Record<string, Severity>),
);
const PROVIDER = 'microsoft.securityinsights/';
const SUBSCRIPTION = /^\/subscriptions\/([^/]+)\//i;
const VIRTUAL_MACHINE = /\/providers\/microsoft\.compute\/virtualmachines\/[^/]+$/i;

function typeOf(value: unknown): string | undefined {
  return isJsonObject(value) && typeof value.type === 'string' ? value.type.toLowerCase() : undefined;
}

function isSentinelResource(value: unknown): boolean {
  return typeOf(value)?.startsWith(PROVIDER) === true;
}

function isListOfSentinelResources(value: unknown): boolean {
  return Array.isArray(value) && isSentinelResource(value[0]);
}

/** Sentinel's scale stops at High: a Sentinel event is never critical (escalating is the playbook's call). */
function rate(properties: FieldReader): { severity: Severity; value: string } {
  const value = properties.requireString('severity');
  const severity =
    LEVELS.get(value.trim().toLowerCase()) ??
    properties.fail(
      'severity',
      `unknown Sentinel severity "${value.slice(0, 40)}"; expected Informational, Low, Medium or High`,
    );
  return { severity, value };
}

function azureResource(resourceId: string, name?: string): ResourceRef {
  const ref: ResourceRef = {
    type: VIRTUAL_MACHINE.test(resourceId) ? 'azure.vm' : 'azure.resource',
    id: resourceId,
  };
  if (name) ref.name = name;
  return ref;
}

function subscriptionOf(resourceId: string | undefined): string | undefined {
  return resourceId === undefined ? undefined : SUBSCRIPTION.exec(resourceId)?.[1];
}

/** An Account entity's name as people write it: user@upn-suffix, DOMAIN\user, or the bare name. */
function accountName(properties: FieldReader): string | undefined {
  const name = properties.string('accountName');
  const upnSuffix = properties.string('upnSuffix');
  const domain = properties.string('ntDomain');
  if (name && upnSuffix) return `${name}@${upnSuffix}`;
  if (name && domain) return `${domain}\\${name}`;
  return name ?? properties.string('userPrincipalName') ?? properties.string('friendlyName');
}

interface EntityFacts {
  readonly machines: ResourceRef[];
  readonly accounts: ResourceRef[];
  readonly indicators: IndicatorSet;
  /** The first account named: Sentinel puts the acting user among the entities. */
  actor?: string | undefined;
}

/** Entities are where Sentinel names the machines, the accounts and the observables of an incident. */
function readEntities(entities: readonly FieldReader[]): EntityFacts {
  const facts: EntityFacts = { machines: [], accounts: [], indicators: new IndicatorSet() };
  for (const entity of entities) {
    const properties = entity.child('properties') ?? entity;
    switch (entity.string('kind')?.toLowerCase()) {
      case 'host': {
        const host = properties.string('hostName') ?? properties.string('netBiosName');
        const domain = properties.string('dnsDomain');
        const fqdn = host && domain ? `${host}.${domain}` : host;
        const azureId = properties.string('azureID');
        if (azureId) facts.machines.push(azureResource(azureId, fqdn));
        if (fqdn) facts.machines.push({ type: 'host', id: fqdn });
        break;
      }
      case 'azureresource': {
        const resourceId = properties.string('resourceId');
        if (resourceId) facts.machines.push(azureResource(resourceId));
        break;
      }
      case 'account': {
        const name = accountName(properties);
        if (name) facts.accounts.push({ type: 'user', id: name });
        facts.actor ??= name;
        break;
      }
      case 'ip':
        facts.indicators.ip(properties.string('address'));
        break;
      case 'url':
        facts.indicators.url(properties.string('url'));
        break;
      case 'dnsresolution':
        facts.indicators.domain(properties.string('domainName'));
        break;
      case 'filehash':
        facts.indicators.hash(properties.string('hashValue'));
        break;
      case 'mailmessage':
        facts.indicators.email(properties.string('p1Sender')).email(properties.string('p2Sender'));
        facts.indicators.ip(properties.string('senderIP'));
        break;
    }
  }
  return facts;
}

function collectAttack(attack: AttackCollector, reader: FieldReader, paths: readonly FieldPath[]): void {
  for (const path of paths) for (const label of reader.strings(path)) attack.label(label);
}

function normalizeIncident(
  from: FieldReader,
  incident: FieldReader,
  trigger: {
    readonly context: Record<string, string | undefined>;
    readonly subscription?: string | undefined;
  },
): EventDraft {
  const properties =
    incident.child('properties') ?? incident.fail('properties', 'required object is missing');
  const rating = rate(properties);
  const title = properties.string('title');
  const resourceId = incident.string('id');
  const name = incident.text('name');
  const lastModified = properties.string('lastModifiedTimeUtc');
  const number = properties.text('incidentNumber');
  const alerts = properties.children('alerts');
  const entities = readEntities(properties.children('relatedEntities'));

  const attack = new AttackCollector();
  collectAttack(attack, properties, [
    ['additionalData', 'tactics'],
    ['additionalData', 'techniques'],
  ]);
  for (const alert of alerts)
    collectAttack(attack, alert, [
      ['properties', 'tactics'],
      ['properties', 'techniques'],
      ['properties', 'subTechniques'],
    ]);

  const self: ResourceRef | undefined =
    resourceId || name
      ? {
          type: 'azure.sentinel.incident',
          id: resourceId ?? (name as string),
          ...(number && { name: `#${number}` }),
        }
      : undefined;
  const ruleIds = properties.strings('relatedAnalyticRuleIds');

  return {
    from,
    // Every update (status, owner, new alerts) is a new lastModifiedTimeUtc: a new state of the incident.
    vendorId: name && (lastModified ? `${name}@${lastModified}` : name),
    timestamp: properties.firstTime('firstActivityTimeUtc', 'createdTimeUtc'),
    source: 'siem',
    severity: rating.severity,
    // Sentinel titles incidents after the analytics rule (or the alert) that raised them.
    kind: title ?? 'Sentinel incident',
    title: number && title ? `${title} (incident ${number})` : title,
    resources: [...entities.machines, ...entities.accounts, ...(self ? [self] : [])],
    account: subscriptionOf(resourceId) ?? trigger.subscription,
    actor: entities.actor,
    indicators: entities.indicators.list,
    attack,
    context: {
      ...trigger.context,
      vendor_severity: rating.value,
      incident_number: number,
      status: properties.string('status'),
      classification: properties.string('classification'),
      classification_reason: properties.string('classificationReason'),
      provider: properties.string('providerName'),
      link: properties.string('incidentUrl'),
      alerts_count: properties.text(['additionalData', 'alertsCount']),
      alert_products: properties.strings(['additionalData', 'alertProductNames']).join(', ') || undefined,
      rule_id: ruleIds[0]?.split('/').pop(),
      labels:
        properties
          .children('labels')
          .map((label) => label.string('labelName'))
          .filter(Boolean)
          .join(', ') || undefined,
      // The owner is who is assigned to investigate, not who acted.
      owner: properties.string(['owner', 'userPrincipalName']) ?? properties.string(['owner', 'email']),
      owner_name: properties.string(['owner', 'assignedTo']),
    },
  };
}

function normalizeAlert(alert: FieldReader): EventDraft {
  const properties = alert.child('properties') ?? alert.fail('properties', 'required object is missing');
  const rating = rate(properties);
  const display = properties.string('alertDisplayName') ?? properties.string('friendlyName');
  const kind = properties.string('alertType') ?? display ?? 'Sentinel alert';
  const resourceId = alert.string('id');

  // The Azure resources the alert is about, then the alert itself, then the workspace that raised it.
  const affected: ResourceRef[] = [];
  const workspaces: ResourceRef[] = [];
  let subscription: string | undefined;
  for (const identifier of properties.children('resourceIdentifiers')) {
    subscription ??= identifier.string('subscriptionId');
    const azureId = identifier.string('resourceId');
    if (azureId) affected.push(azureResource(azureId));
    const workspace = identifier.string('workspaceId');
    if (workspace) workspaces.push({ type: 'azure.log_analytics_workspace', id: workspace });
  }
  const self: ResourceRef[] = resourceId ? [{ type: 'azure.sentinel.alert', id: resourceId }] : [];
  const resources = [...affected, ...self, ...workspaces];

  const attack = new AttackCollector();
  collectAttack(attack, properties, ['tactics', 'techniques', 'subTechniques']);

  return {
    from: alert,
    // Alerts are immutable detections; their status changes belong to the incident.
    vendorId: properties.string('systemAlertId') ?? alert.text('name'),
    timestamp: properties.firstTime('startTimeUtc', 'timeGenerated'),
    source: 'siem',
    severity: rating.severity,
    kind,
    title: display ?? kind,
    resources,
    account: subscriptionOf(resourceId) ?? subscription,
    indicators: [],
    attack,
    context: {
      vendor_severity: rating.value,
      product: properties.string('productName'),
      vendor_name: properties.string('vendorName'),
      status: properties.string('status'),
      confidence: properties.string('confidenceLevel'),
      compromised_entity: properties.string('compromisedEntity'),
      provider_alert_id: properties.string('providerAlertId'),
      link: properties.string('alertLink'),
    },
  };
}

/** One item of a REST response: an incident, or an alert entity. */
function normalizeResource(item: FieldReader): EventDraft {
  const type = item.string('type');
  const lower = type?.toLowerCase();
  if (lower?.endsWith('/incidents') || (!type && isJsonObject(item.get('properties')))) {
    return normalizeIncident(item, item, { context: {} });
  }
  if (lower?.endsWith('/entities')) {
    const kind = item.string('kind');
    if (kind?.toLowerCase() === 'securityalert') return normalizeAlert(item);
    return item.fail('kind', `a Sentinel ${kind ?? 'untyped'} entity is not an incident or alert`);
  }
  return item.fail('type', `${type} is not a Sentinel incident or alert`);
}

function normalizeTrigger(body: FieldReader): EventDraft {
  const incident = body.child('object') ?? body.fail('object', 'required object is missing');
  return normalizeIncident(body, incident, {
    subscription: body.string(['workspaceInfo', 'SubscriptionId']),
    context: {
      trigger_event: body.string('objectEventType'),
      trigger_event_id: body.string('eventUniqueId'),
      workspace_id: body.string('workspaceId'),
      workspace: body.string(['workspaceInfo', 'WorkspaceName']),
    },
  });
}

export const sentinel: Normalizer = {
  vendor: 'sentinel',
  accepts:
    'Microsoft Sentinel incidents and alerts (ARM resources, {value: [...]} lists, Logic App incident trigger bodies)',
  detect(payload: JsonObject): boolean {
    const { properties, object } = payload;
    return (
      (isSentinelResource(payload) && isJsonObject(properties)) ||
      (isJsonObject(properties) && Object.hasOwn(properties, 'incidentNumber')) ||
      (isJsonObject(object) && (payload.objectSchemaType === 'Incident' || isSentinelResource(object))) ||
      isListOfSentinelResources(payload.value) ||
      isListOfSentinelResources(payload.entities)
    );
  },
  normalize(reader: FieldReader): EventDraft[] {
    const { value } = reader;
    if (isJsonObject(value.object)) return [normalizeTrigger(reader)];
    if (Array.isArray(value.value)) return reader.children('value').map(normalizeResource);
    if (Object.hasOwn(value, 'entities') && !Object.hasOwn(value, 'properties')) {
      return reader.fail(
        'entities',
        'a Sentinel entities list is not an incident or alert; send the incident (its trigger body carries its entities)',
      );
    }
    return [normalizeResource(reader)];
  },
};
