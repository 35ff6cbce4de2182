// AWS Security Hub findings in the AWS Security Finding Format (ASFF): EventBridge "Security Hub
// Findings - Imported" and "Security Hub Findings - Custom Action" events (one event per
// detail.findings[] item), bare findings, and GetFindings responses {Findings: [...]}.
// ASFF: https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings-format.html
// "Security Hub Insight Results" events are refused: they carry an insight's aggregated counts
// (`{"kapil": 2}` per grouped value), not findings — no resource, no time of occurrence, no severity.
// Findings that GuardDuty produced are read with the GuardDuty tables (finding type → ATT&CK, Runtime).

import { isIP } from 'node:net';
import { isJsonObject, type JsonObject, type JsonValue } from '../../json.js';
import type { ResourceRef, Severity, SourceClass } from '../../types.js';
import typeTable from '../data/securityhub-resource-types.json' with { type: 'json' };
import severityTable from '../data/securityhub-severity.json' with { type: 'json' };
import { quoteForMessage } from '../display.js';
import type { FieldPath, FieldReader } from '../fields.js';
import type { EventDraft, Normalizer } from '../normalizer.js';
import {
  type AwsScope,
  actorOf,
  addFindingTypeAttack,
  arnResourceId,
  arnResourceType,
  awsScope,
  FindingFacts,
  findingSource,
  guardDutySeverity,
  instanceArn,
  items,
  onScale,
  parseArn,
  principalRef,
  readAction,
  readSequence,
  refFromArn,
  resourceRef,
  safeResourceType,
  severityScale,
  validArn,
} from './guardduty.js';

// ---------------------------------------------------------------------------------------------
// Severity (data/securityhub-severity.json)

const LABELS = new Map<string, Severity>();
for (const [label, severity] of Object.entries(severityTable.labels)) {
  severityScale({ min: 0, max: 0, bands: [{ from: 0, severity }] });
  LABELS.set(label, severity as Severity);
}
const NORMALIZED = severityScale(severityTable.normalized);

interface SeverityReading {
  readonly severity: Severity;
  readonly vendor: string;
}

function fromLabel(finding: FieldReader, path: FieldPath): SeverityReading | undefined {
  const label = finding.string(path);
  if (label === undefined) return undefined;
  const severity =
    LABELS.get(label.toUpperCase()) ??
    finding.fail(
      path,
      `unknown ASFF severity label ${quoteForMessage(label, 40)}; expected INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL`,
    );
  return { severity, vendor: label };
}

/**
 * Severity.Label, else Severity.Normalized (deprecated, 0–100), else the provider's own label. A
 * finding with only Severity.Product is on its product's private scale: GuardDuty's is documented
 * (1–10), any other is refused rather than guessed.
 */
function severityOf(finding: FieldReader, fromGuardDuty: boolean): SeverityReading {
  const label = fromLabel(finding, 'Severity.Label');
  if (label) return label;
  const normalized = finding.numeric('Severity.Normalized');
  if (normalized !== undefined) {
    const severity =
      onScale(NORMALIZED, normalized) ??
      finding.fail('Severity.Normalized', `${normalized} is outside ASFF's 0–100 range`);
    return { severity, vendor: String(normalized) };
  }
  const fallback =
    fromLabel(finding, 'FindingProviderFields.Severity.Label') ??
    fromLabel(finding, ['ProductFields', 'aws/securityhub/SeverityLabel']);
  if (fallback) return fallback;
  const product = finding.numeric('Severity.Product');
  if (product !== undefined && fromGuardDuty) {
    const severity =
      guardDutySeverity(product) ??
      finding.fail('Severity.Product', `${product} is outside GuardDuty's documented 0–10 severity scale`);
    return { severity, vendor: String(product) };
  }
  return finding.fail(
    'Severity',
    'has neither Label nor Normalized (ASFF requires one; Severity.Product is on the product’s own scale)',
  );
}

// ---------------------------------------------------------------------------------------------
// What the finding is about

const GUARDDUTY_PRODUCT = /:product\/aws\/guardduty$/;
// GuardDuty types in ASFF Types[]: "TTPs/Discovery/Recon:IAMUser-UserPermissions" ('/' became '-').
const ASFF_GUARDDUTY_TYPE = /^([A-Za-z0-9]+:[A-Za-z0-9]+)-(.+)$/;
const STANDARD_ARN = /^arn:[^:]*:securityhub:[^:]*:[^:]*:(?:standards|ruleset)\/(.+)$/;

function fromGuardDuty(finding: FieldReader, productArn: string | undefined): boolean {
  return (
    (productArn !== undefined && GUARDDUTY_PRODUCT.test(productArn)) ||
    finding.string('ProductName') === 'GuardDuty' ||
    finding.string(['ProductFields', 'aws/securityhub/ProductName']) === 'GuardDuty'
  );
}

function guardDutyType(types: readonly string[]): string | undefined {
  for (const type of types) {
    const match = ASFF_GUARDDUTY_TYPE.exec(type.slice(type.lastIndexOf('/') + 1));
    if (match) return `${match[1]}/${match[2]}`;
  }
  return undefined;
}

interface Control {
  readonly id: string;
  readonly standard: string | undefined;
}

/**
 * A Security Hub control finding: the control (AFSBP "EC2.6", CIS "1.4", consolidated "EC2.6") in its
 * standard. Control numbers are only meaningful within a standard version (CIS 1.2.0's 1.4 is not CIS
 * 1.4.0's), so the kind is `<standard>/<control>` — AWS's own GeneratorId spelling for AFSBP.
 */
function controlOf(finding: FieldReader): Control | undefined {
  const id =
    finding.string(['ProductFields', 'ControlId']) ??
    finding.string(['ProductFields', 'RuleId']) ??
    finding.string('Compliance.SecurityControlId');
  if (!id) return undefined;
  const generator = finding.string('GeneratorId');
  const standardsArn =
    finding.string(['ProductFields', 'StandardsArn']) ??
    finding.string(['ProductFields', 'StandardsGuideArn']);
  const fromArn = standardsArn ? STANDARD_ARN.exec(standardsArn)?.[1] : undefined;
  const fromGenerator = generator?.startsWith('security-control/')
    ? 'security-control'
    : generator?.endsWith(`/${id}`)
      ? generator.slice(0, -id.length - 1)
      : undefined;
  return { id, standard: fromArn ?? fromGenerator };
}

// ---------------------------------------------------------------------------------------------
// Resources: https://docs.aws.amazon.com/securityhub/latest/userguide/asff-resources.html

const KNOWN_TYPES = new Map<string, string>(Object.entries(typeTable.types));

/** `AwsEc2SecurityGroup` → aws.ec2.security_group; names the table lists are taken from it. */
function dottedType(type: string): string | undefined {
  const known = KNOWN_TYPES.get(type);
  if (known) return known;
  if (type.length > 100 || !/^Aws[A-Z][A-Za-z0-9]*$/.test(type)) return undefined;
  const [service, ...rest] = type.slice(3).match(/[A-Z][a-z0-9]*/g) ?? [];
  if (!service) return undefined;
  const dotted = safeResourceType(rest.length > 0 ? `aws.${service}.${rest.join('_')}` : `aws.${service}`);
  return dotted === 'other' ? undefined : dotted;
}

/** `AWS::::Account:111122223333`, an ARN, or the bare number. */
function accountIdOf(id: string | undefined): string | undefined {
  const arn = parseArn(id);
  if (arn) return arn.account || undefined;
  return id?.slice(id.lastIndexOf(':') + 1) || undefined;
}

interface ResourceReading {
  readonly refs: ResourceRef[];
  readonly actor?: string | undefined;
}

function accessKeyResource(resource: FieldReader, id: string | undefined, scope: AwsScope): ResourceReading {
  const details = resource.child('Details.AwsIamAccessKey');
  const keyId = details?.string('AccessKeyId') ?? id?.replace(/^AWS::IAM::AccessKey:/, '');
  const userName = details?.string('UserName');
  const name = details?.string('PrincipalName') ?? userName;
  // UserName (deprecated) named the IAM user that owns the key.
  const type = details?.string('PrincipalType') ?? (userName ? 'IAMUser' : undefined);
  const keyScope = awsScope(scope.partition, scope.region, details?.string('AccountId') ?? scope.account);
  const issuer = validArn(details?.string('SessionContext.SessionIssuer.Arn'));
  const principal = issuer
    ? refFromArn(issuer)
    : principalRef(keyScope, type, name, details?.string('PrincipalId'));
  const refs: ResourceRef[] = [];
  const key =
    keyId && keyId !== 'null' ? resourceRef('aws.iam.access_key', keyId, undefined, name) : undefined;
  if (key) refs.push(key);
  if (principal) refs.push(principal);
  return { refs, actor: actorOf(principal) };
}

function readResource(resource: FieldReader, facts: FindingFacts): ResourceReading {
  const type = resource.string('Type');
  const id = resource.text('Id');
  const scope = awsScope(
    resource.string('Partition') ?? facts.scope.partition,
    resource.string('Region') ?? facts.scope.region,
    facts.scope.account,
  );
  const arn = parseArn(id);
  const one = (ref: ResourceRef | undefined): ResourceReading => ({ refs: ref ? [ref] : [] });
  switch (type) {
    case 'AwsAccount':
      return one(resourceRef('aws.account', accountIdOf(id)));
    case 'AwsIamAccessKey':
      return accessKeyResource(resource, id, scope);
    case 'Container':
      return one(resourceRef('container', id, undefined, resource.string('Details.Container.ImageName')));
    default: {
      const dotted =
        (type && dottedType(type)) ?? (arn ? arnResourceType(arn) : id && isIP(id) ? 'host' : 'other');
      const ref = arn
        ? resourceRef(dotted, arnResourceId(arn), id)
        : resourceRef(dotted, id, dotted === 'aws.ec2.instance' ? instanceArn(scope, id) : undefined);
      const isPrincipal = dotted === 'aws.iam.role' || dotted === 'aws.iam.user';
      return { refs: ref ? [ref] : [], actor: isPrincipal && arn ? id : undefined };
    }
  }
}

/**
 * Resources that contain others: the finding's account, an EKS or ECS cluster. Containment acts on
 * the first resource, so these come after the specific ones (an attack sequence names the account in
 * Resources[] and the compromised key and user in Detection.Sequence; a runtime finding names the
 * cluster beside the container): the caller adds them last.
 */
const ENCLOSING_TYPES: ReadonlySet<string> = new Set(['aws.account', 'aws.eks.cluster', 'aws.ecs.cluster']);

/**
 * Resources in the order a responder acts on them: targets first, the actor's credentials and
 * principal (ResourceRole "Actor") after, enclosing resources (returned) last. The actor is the
 * Actor-role principal, else the principal of an access key the finding names.
 */
function readResources(finding: FieldReader, facts: FindingFacts): ResourceRef[] {
  const targets: ResourceRef[] = [];
  const actors: ResourceRef[] = [];
  const enclosing: ResourceRef[] = [];
  let roleActor: string | undefined;
  let keyActor: string | undefined;
  for (const resource of items(finding, 'Resources')) {
    const reading = readResource(resource, facts);
    const isActor = resource.string('ResourceRole')?.toLowerCase() === 'actor';
    for (const ref of reading.refs) {
      (ENCLOSING_TYPES.has(ref.type) ? enclosing : isActor ? actors : targets).push(ref);
    }
    if (isActor) roleActor ??= reading.actor;
    else if (resource.string('Type') === 'AwsIamAccessKey') keyActor ??= reading.actor;
  }
  for (const ref of [...targets, ...actors]) facts.add(ref);
  facts.actedBy(roleActor ?? keyActor);
  return enclosing;
}

// ---------------------------------------------------------------------------------------------
// Indicators and ATT&CK

function threatIntel(finding: FieldReader, facts: FindingFacts): void {
  const { indicators } = facts;
  // The local end of a connection is the monitored host itself, not an observable to look up.
  const direction = finding.string('Network.Direction');
  const ends =
    direction === 'OUT' ? ['Destination'] : direction === 'IN' ? ['Source'] : ['Source', 'Destination'];
  for (const end of ends) {
    indicators.ip(finding.string(['Network', `${end}IpV4`]));
    indicators.ip(finding.string(['Network', `${end}IpV6`]));
    indicators.domain(finding.string(['Network', `${end}Domain`]));
  }
  for (const indicator of items(finding, 'ThreatIntelIndicators')) {
    const value = indicator.string('Value');
    switch (indicator.string('Type')) {
      case 'IPV4_ADDRESS':
      case 'IPV6_ADDRESS':
        indicators.ip(value);
        break;
      case 'DOMAIN':
        indicators.domain(value);
        break;
      case 'URL':
        indicators.url(value);
        break;
      case 'EMAIL_ADDRESS':
        indicators.email(value);
        break;
      case 'HASH_MD5':
      case 'HASH_SHA1':
      case 'HASH_SHA256':
        indicators.hash(value);
        break;
    }
  }
  for (const threat of items(finding, 'Threats')) {
    for (const file of items(threat, 'FilePaths')) indicators.hash(file.string('Hash'));
  }
}

// Findings imported before ASFF had Action keep GuardDuty's details as flat ProductFields entries:
// "action/awsApiCallAction/remoteIpDetails/ipAddressV4", "aws/guardduty/service/action/…/ipAddressV4".
function productFieldIndicators(finding: FieldReader, facts: FindingFacts): void {
  const fields = finding.object('ProductFields');
  if (!fields) return;
  for (const key of Object.keys(fields)) {
    if (key.endsWith('/ipAddressV4') || key.endsWith('/ipAddressV6')) {
      facts.indicators.ip(finding.string(['ProductFields', key]));
    } else if (key.endsWith('dnsRequestAction/domain')) {
      facts.indicators.domain(finding.string(['ProductFields', key]));
    }
  }
}

/** ASFF's TTPs namespace is ATT&CK's tactics: "TTPs/Defense Evasion/…"; any segment may be a technique id. */
function typesAttack(types: readonly string[], facts: FindingFacts): void {
  for (const type of types) {
    const segments = type.split('/');
    if (segments[0] === 'TTPs' && segments[1]) facts.attack.tactic(segments[1]);
    for (const segment of segments.slice(1)) facts.attack.technique(segment);
  }
}

// ---------------------------------------------------------------------------------------------
// One finding

interface Envelope {
  readonly region?: string | undefined;
  readonly account?: string | undefined;
  readonly detailType?: string | undefined;
  readonly customAction?: string | undefined;
  /** The EventBridge event's id: one per event, the same when EventBridge retries its delivery. */
  readonly eventId?: string | undefined;
}

const CUSTOM_ACTION = 'Security Hub Findings - Custom Action';

/**
 * ASFF identifies a finding by ProductArn and Id together (two products, or two accounts of one
 * product, may use the same Id), and each update by UpdatedAt. A Custom Action is an analyst sending
 * the finding on purpose: a new event, even when that finding version was imported already, keyed by
 * the action and the EventBridge event so a retried delivery keeps its id.
 */
function vendorIdOf(
  id: string | undefined,
  updatedAt: string | undefined,
  productArn: string | undefined,
  envelope: Envelope,
): string | undefined {
  if (!id) return undefined;
  const version = updatedAt ? `${id}@${updatedAt}` : id;
  const finding = productArn ? `${productArn} ${version}` : version;
  if (envelope.detailType !== CUSTOM_ACTION) return finding;
  return [finding, `action=${envelope.customAction ?? ''}`, envelope.eventId && `event=${envelope.eventId}`]
    .filter(Boolean)
    .join(' ');
}

const INACTIVE_WORKFLOW: ReadonlySet<string> = new Set(['RESOLVED', 'SUPPRESSED']);

/** Whether the finding still describes an open problem, and if not, why (triage reads this). */
function activity(finding: FieldReader) {
  const workflow = finding.string('Workflow.Status') ?? finding.string('WorkflowState');
  const recordState = finding.string('RecordState');
  const compliance = finding.string('Compliance.Status');
  const reasons: string[] = [];
  if (recordState === 'ARCHIVED') reasons.push('RecordState ARCHIVED');
  if (workflow !== undefined && INACTIVE_WORKFLOW.has(workflow)) reasons.push(`Workflow.Status ${workflow}`);
  if (compliance === 'PASSED') reasons.push('Compliance.Status PASSED');
  return {
    workflow_status: workflow,
    record_state: recordState,
    compliance_status: compliance,
    active: reasons.length === 0,
    inactive_reason: reasons.length > 0 ? reasons.join('; ') : undefined,
  };
}

function normalizeFinding(finding: FieldReader, envelope: Envelope): EventDraft {
  const productArn = finding.string('ProductArn');
  const guardDuty = fromGuardDuty(finding, productArn);
  const { severity, vendor: vendorSeverity } = severityOf(finding, guardDuty);
  const types = finding.strings('Types').slice(0, 64);
  const gdType = guardDuty ? guardDutyType(types) : undefined;
  const control = controlOf(finding);
  const vulnerability = finding.string(['Vulnerabilities', 0, 'Id']);
  const generator = finding.string('GeneratorId');
  const kind =
    (control && (control.standard ? `${control.standard}/${control.id}` : control.id)) ??
    gdType ??
    vulnerability ??
    generator ??
    types[0] ??
    'securityhub-finding';

  const id = finding.string('Id');
  const updatedAt = finding.time('UpdatedAt');
  const firstSeen = finding.time('FirstObservedAt');
  const lastSeen = finding.time('LastObservedAt');
  const account = finding.text('AwsAccountId') ?? envelope.account;
  const region =
    finding.string('Region') ??
    envelope.region ??
    finding.string(['Resources', 0, 'Region']) ??
    (parseArn(productArn)?.region || undefined);
  const facts = new FindingFacts(awsScope(finding.string(['Resources', 0, 'Partition']), region, account));

  const enclosing = readResources(finding, facts);
  const action = finding.child('Action')?.withOptions({ pascalCaseFallback: true });
  if (action) readAction(action, facts);
  threatIntel(finding, facts);
  productFieldIndicators(finding, facts);
  typesAttack(types, facts);
  if (gdType) addFindingTypeAttack(gdType, facts.attack);
  const sequence = finding.child('Detection.Sequence')?.withOptions({ pascalCaseFallback: true });
  const signals = sequence && readSequence(sequence, facts);
  for (const ref of enclosing) facts.add(ref);
  if (facts.resources.length === 0) facts.add(resourceRef('aws.account', account));

  const sample =
    finding.boolean('Sample') === true ||
    finding.string(['ProductFields', 'aws/guardduty/service/additionalInfo/sample']) === 'true';
  const title = finding.string('Title') ?? kind;
  const source: SourceClass = guardDuty ? findingSource(gdType) : 'siem';
  return {
    from: finding,
    vendorId: vendorIdOf(id, updatedAt, productArn, envelope),
    timestamp: lastSeen ?? updatedAt ?? finding.time('CreatedAt'),
    source,
    severity,
    kind,
    title: sample && !title.startsWith('[SAMPLE]') ? `[SAMPLE] ${title}` : title,
    resources: facts.resources,
    account,
    region,
    actor: facts.actor,
    indicators: facts.indicators.list,
    attack: facts.attack,
    context: {
      vendor_severity: vendorSeverity,
      severity_normalized: finding.numeric('Severity.Normalized'),
      product:
        finding.string('ProductName') ?? finding.string(['ProductFields', 'aws/securityhub/ProductName']),
      company:
        finding.string('CompanyName') ?? finding.string(['ProductFields', 'aws/securityhub/CompanyName']),
      product_arn: productArn,
      generator_id: generator,
      finding_type: types[0],
      guardduty_type: gdType,
      control_id: control?.id,
      standard: control?.standard,
      ...activity(finding),
      sample,
      cve: vulnerability,
      cvss: finding.numeric(['Vulnerabilities', 0, 'Cvss', 0, 'BaseScore']),
      malware: finding.string(['Malware', 0, 'Name']),
      confidence: finding.numeric('Confidence'),
      criticality: finding.numeric('Criticality'),
      signals,
      first_seen: firstSeen,
      last_seen: lastSeen,
      updated_at: updatedAt,
      description: finding.string('Description'),
      link: finding.string('SourceUrl'),
      remediation: finding.string('Remediation.Recommendation.Url'),
      event_type: envelope.detailType,
      custom_action: envelope.customAction,
      eventbridge_id: envelope.eventId,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Detection and entry point

const SOURCE = 'aws.securityhub';
const INSIGHT_RESULTS = 'Security Hub Insight Results';

function isSecurityHubDetailType(value: JsonValue | undefined): boolean {
  const named = (item: JsonValue | undefined) => typeof item === 'string' && item.startsWith('Security Hub');
  return named(value) || (Array.isArray(value) && value.some(named));
}

/** Every ASFF finding has SchemaVersion, ProductArn and Id; no other format has all three at its top. */
function looksLikeAsff(value: JsonValue | undefined): boolean {
  return (
    isJsonObject(value) &&
    typeof value.SchemaVersion === 'string' &&
    typeof value.ProductArn === 'string' &&
    Object.hasOwn(value, 'Id')
  );
}

function fromEventBridge(reader: FieldReader): EventDraft[] {
  const detailType = reader.get('detail-type');
  if (Array.isArray(detailType) || Array.isArray(reader.get('source'))) {
    reader.fail(
      'detail-type',
      'is a list: this is an EventBridge event pattern (a rule’s filter), not an event',
    );
  }
  const type = reader.requireString('detail-type');
  if (type === INSIGHT_RESULTS) {
    reader.fail(
      'detail-type',
      `"${INSIGHT_RESULTS}" carries an insight's aggregated counts, not findings; send the findings themselves ("Security Hub Findings - Imported" or "- Custom Action" on the findings)`,
    );
  }
  if (!type.startsWith('Security Hub Findings')) {
    reader.fail(
      'detail-type',
      `is ${quoteForMessage(type, 60)}; the securityhub source takes "Security Hub Findings - Imported" and "Security Hub Findings - Custom Action" events`,
    );
  }
  const detail = reader.child('detail') ?? reader.fail('detail', 'the event carries no findings');
  const findings = detail.children('findings');
  if (findings.length === 0) detail.fail('findings', 'is empty: the event carries no finding');
  const envelope: Envelope = {
    region: reader.string('region'),
    account: reader.text('account'),
    detailType: type,
    customAction: detail.string('actionName'),
    eventId: reader.text('id'),
  };
  return findings.map((finding) => normalizeFinding(finding, envelope));
}

export const securityhub: Normalizer = {
  vendor: 'securityhub',
  accepts:
    'AWS Security Hub ASFF findings: EventBridge "Security Hub Findings - Imported" / "- Custom Action" events, bare findings and GetFindings responses {Findings: [...]}',
  detect(payload: JsonObject): boolean {
    const source = payload.source;
    if (source === SOURCE || (Array.isArray(source) && source.includes(SOURCE))) {
      // aws.securityhub also emits "AWS API Call via CloudTrail" events: those are cloudtrail's.
      return isSecurityHubDetailType(payload['detail-type']);
    }
    if (looksLikeAsff(payload)) return true;
    return Array.isArray(payload.Findings) && looksLikeAsff(payload.Findings[0]);
  },
  normalize(reader: FieldReader): EventDraft[] {
    const value = reader.value;
    if (
      Object.hasOwn(value, 'detail-type') ||
      (Object.hasOwn(value, 'source') && Object.hasOwn(value, 'detail'))
    ) {
      return fromEventBridge(reader);
    }
    if (Array.isArray(value.Findings)) return reader.children('Findings').map((f) => normalizeFinding(f, {}));
    return [normalizeFinding(reader, {})];
  },
};
