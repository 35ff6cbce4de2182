// A compiled playbook as an OASIS CACAO 2.0 playbook, for SOAR platforms and playbook libraries that
// exchange CACAO: `irac export PLAYBOOK --format cacao`. The workflow is the playbook's steps in order,
// each an `action` step chained by on_completion (a step that stops the playbook on failure uses
// on_success, so that a failure goes to the workflow's exception end); a step with `when` sits behind
// an `if-condition` whose true branch ends in its own end step, as CACAO requires of branches.
//
// Everything is derived from the playbook and the two times the caller passes (its first and last
// commit), so the same commit exports to the same bytes. CACAO wants UUIDv4 for steps; irac uses UUIDv5
// names under the playbook's own id instead, because an export that changed every time would make
// every re-export look like a new playbook to whoever imports it.
//
// What CACAO has no property for (the trigger, the approval tier, each step's action, parameters,
// retries and undo) goes into an irac extension (`playbook_extensions`, `step_extensions`), declared
// in `extension_definitions`. Conditions are CEL, not the STIX patterning CACAO suggests: the
// extension says so.

import { createHash } from 'node:crypto';
import type { JsonObject, JsonValue } from '../json.js';
import type { ActionSpec } from '../playbooks/catalogue.js';
import type { Playbook, PlaybookStep } from '../playbooks/playbook.js';

/** When the playbook's file was first and last committed: CACAO's created and modified. */
export interface CacaoTimes {
  readonly created: Date;
  readonly modified: Date;
}

// RFC 4122 name-based namespace for URLs; irac's own namespace is a name in it. Not CACAO's
// playbook namespace (aa7caf3a-…), which is reserved for ids derived from name and playbook_types.
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** A UUIDv5 (SHA-1, name-based): the same namespace and name always give the same UUID. */
export function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const IRAC_NAMESPACE = uuidV5(URL_NAMESPACE, 'urn:irac:cacao');

/** The irac extension: one definition, used by the playbook and by every step. */
const EXTENSION_ID = `extension-definition--${uuidV5(IRAC_NAMESPACE, 'extension:irac-playbook')}`;
const EXTENSION_VERSION = '1.0.0';

/** The CACAO id of a playbook: stable across its versions (CACAO versions a playbook by `modified`). */
export function cacaoPlaybookId(playbookId: string): string {
  return `playbook--${uuidV5(IRAC_NAMESPACE, `playbook:${playbookId}`)}`;
}

/** Ids of the objects inside one playbook: named under the playbook's own UUID. */
function idsOf(playbook: Playbook) {
  const namespace = uuidV5(IRAC_NAMESPACE, `playbook:${playbook.id}`);
  const id = (type: string, name: string) => `${type}--${uuidV5(namespace, `${type}:${name}`)}`;
  return {
    start: id('start', 'start'),
    end: id('end', 'end'),
    exception: id('end', 'exception'),
    action: (step: PlaybookStep) => id('action', step.id),
    condition: (step: PlaybookStep) => id('if-condition', step.id),
    branchEnd: (step: PlaybookStep) => id('end', `branch:${step.id}`),
    agent: id('security-category', 'irac'),
    target: (connector: string) => id('http-api', connector),
  };
}

type Ids = ReturnType<typeof idsOf>;

/** `aws`, `slack`, `github`, `jira`: the connector that runs an action (an alias's target decides). */
function connectorOf(action: ActionSpec): string {
  return action.runs.slice(0, action.runs.indexOf(':'));
}

/** What each connector's actions talk to, for the target's address. */
function endpointsOf(connector: string, actions: readonly ActionSpec[]): string[] {
  if (connector === 'aws') {
    const services = new Set(actions.flatMap((a) => a.permissions.map((p) => p.slice(0, p.indexOf(':')))));
    return [...services].sort().map((service) => `${service}.amazonaws.com`);
  }
  if (connector === 'slack') return ['slack.com'];
  if (connector === 'github') return ['api.github.com'];
  if (connector === 'jira') return ['__jira_site__:value'];
  return [connector];
}

const TARGET_DESCRIPTIONS: Readonly<Record<string, string>> = {
  aws: 'The AWS account and region of the incident’s resource (__aws_account__, __aws_region__), through the role the containment job assumes by OIDC.',
  slack: 'The Slack workspace of the bot token SLACK_BOT_TOKEN.',
  github: 'The repository’s GitHub issues, with the job’s own token.',
  jira: 'The Jira site of the configuration (__jira_site__).',
};

/** CACAO's playbook-activity vocabulary, by what the action does. */
function activityOf(action: ActionSpec): string {
  const name = action.runs;
  if (/^(slack|github|jira):/.test(name)) return 'deliver-content';
  if (/isolate_instance|security_group_deny_all|block_ip/.test(name)) return 'disconnect-system';
  if (/deny_all|deactivate_access_keys|revoke_role_sessions|revoke_session|block_public_access/.test(name))
    return 'restrict-access';
  if (/snapshot|lookup_events|fetch_audit_logs/.test(name)) return 'analyze-collected-data';
  return 'configure-systems';
}

/** CACAO's playbook types the actions add up to. */
function typesOf(actions: readonly ActionSpec[]): string[] {
  const types = new Set<string>();
  for (const action of actions) {
    const activity = activityOf(action);
    if (activity === 'deliver-content') types.add('notification');
    else if (activity === 'analyze-collected-data') types.add('investigation');
    else types.add('mitigation');
  }
  return [...types].sort();
}

/** The calls a step makes, as the catalogue lists them (describe() needs an incident; an export has none). */
function commandOf(action: ActionSpec): JsonObject {
  const calls = action.permissions.length > 0 ? ` API calls: ${action.permissions.join(', ')}.` : '';
  return {
    type: 'http-api',
    description: `${action.runs}: ${action.description}${calls}`,
    playbook_activity: activityOf(action),
  };
}

/** The step as irac runs it: what CACAO has no property for. */
function stepExtension(step: PlaybookStep): JsonObject {
  const parameters: JsonObject = {};
  for (const [key, value] of Object.entries({ ...step.action.defaults, ...step.parameters })) {
    parameters[key] = value.written;
  }
  const out: JsonObject = {
    step_id: step.id,
    action: step.action.name,
    runs: step.action.runs,
    destructive: step.action.destructive,
    reversible: step.action.reversible,
    requires_approval: step.requiresApproval,
    dry_run_supported: step.dryRunSupported,
    timeout: step.timeout,
    retries: step.retries,
    on_failure: step.onFailure,
    parameters,
    permissions: [...step.action.permissions],
  };
  if (step.action.undo) out.undo = step.action.undo;
  if (step.when) out.when = { language: 'cel', expression: step.when.source };
  if (step.forEach) out.for_each = step.forEach.source;
  if (step.canary) {
    const canary: JsonObject = { percent: step.canary.percent, wait: step.canary.wait };
    if (step.canary.verify) canary.verify = step.canary.verify.source;
    out.canary = canary;
  }
  return { [EXTENSION_ID]: out };
}

/** The action step, pointing at `next` when it is done (or, for a stopping step, when it succeeded). */
function actionStep(step: PlaybookStep, next: string, ids: Ids): JsonObject {
  const out: JsonObject = {
    type: 'action',
    name: step.id,
    description: step.action.description,
    commands: [commandOf(step.action)],
    agent: ids.agent,
    targets: [ids.target(connectorOf(step.action))],
    timeout: step.timeoutMs,
    step_extensions: stepExtension(step),
  };
  // on_completion goes on whatever happened; on_success alone sends a failure to workflow_exception.
  if (step.onFailure === 'continue') out.on_completion = next;
  else out.on_success = next;
  return out;
}

function workflowOf(playbook: Playbook, ids: Ids): JsonObject {
  const steps: [string, JsonValue][] = [];
  let next = ids.end;
  // Built from the last step back, so that each step knows the one after it; listed first to last.
  for (const step of [...playbook.steps].reverse()) {
    if (!step.when) {
      steps.unshift([ids.action(step), actionStep(step, next, ids)]);
      next = ids.action(step);
      continue;
    }
    steps.unshift(
      [
        ids.condition(step),
        {
          type: 'if-condition',
          name: `${step.id}: when`,
          description: `Runs ${step.id} only for incidents where this CEL condition holds.`,
          condition: step.when.source,
          on_true: ids.action(step),
          on_completion: next,
        },
      ],
      [ids.action(step), actionStep(step, ids.branchEnd(step), ids)],
      [ids.branchEnd(step), { type: 'end', name: `${step.id} done` }],
    );
    next = ids.condition(step);
  }
  return Object.fromEntries([
    [ids.start, { type: 'start', name: 'start', on_completion: next }],
    ...steps,
    [ids.end, { type: 'end', name: 'end' }],
    [
      ids.exception,
      {
        type: 'end',
        name: 'stopped',
        description:
          'A step failed and its on_failure is stop or undo: the playbook stops here (undo first puts back what the completed steps changed).',
      },
    ],
  ]);
}

function definitionsOf(playbook: Playbook, ids: Ids) {
  const byConnector = new Map<string, ActionSpec[]>();
  for (const step of playbook.steps) {
    const connector = connectorOf(step.action);
    byConnector.set(connector, [...(byConnector.get(connector) ?? []), step.action]);
  }
  const targets: JsonObject = {};
  for (const [connector, actions] of [...byConnector].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    targets[ids.target(connector)] = {
      type: 'http-api',
      name: `${connector} API`,
      description: TARGET_DESCRIPTIONS[connector] ?? `The ${connector} API.`,
      address: { dname: endpointsOf(connector, actions) },
      port: '443',
    };
  }
  const agents: JsonObject = {
    [ids.agent]: {
      type: 'security-category',
      name: 'irac',
      description: `The irac GitHub Action: the containment job runs each step; steps that need a reviewer wait in the GitHub Environment ${playbook.tier.environment}.`,
      category: ['orchestrator'],
    },
  };
  return { agents, targets, usesJira: byConnector.has('jira') };
}

function variablesOf(usesJira: boolean): JsonObject {
  const variable = (description: string): JsonValue => ({ type: 'string', description, external: true });
  const out: JsonObject = {
    __incident_id__: variable('The irac incident the playbook runs for (IR-yyyymmdd-xxxxxxxx).'),
    __aws_account__: variable('The AWS account of the incident’s resource.'),
    __aws_region__: variable('The AWS region of the incident’s resource.'),
  };
  if (usesJira) out.__jira_site__ = variable('The Jira site of the configuration.');
  return out;
}

function playbookExtension(playbook: Playbook): JsonObject {
  const tier: JsonObject = { environment: playbook.tier.environment };
  if (playbook.tier.preauthorizedWhen) tier.preauthorized_when = playbook.tier.preauthorizedWhen.source;
  const out: JsonObject = {
    playbook_id: playbook.id,
    file: playbook.file,
    priority: playbook.priority,
    trigger: { language: 'cel', expression: playbook.trigger.source },
    tier,
  };
  if (playbook.version !== undefined) out.version = playbook.version;
  if (playbook.owner !== undefined) out.owner = playbook.owner;
  return { [EXTENSION_ID]: out };
}

/** CACAO timestamps carry exactly three decimals. */
function timestamp(date: Date): string {
  return date.toISOString();
}

/** The playbook as a CACAO 2.0 playbook object. Pure: the same playbook and times give the same object. */
export function cacaoOf(playbook: Playbook, times: CacaoTimes): JsonObject {
  const ids = idsOf(playbook);
  const actions = playbook.steps.map((step) => step.action);
  const { agents, targets, usesJira } = definitionsOf(playbook, ids);
  const createdBy = `identity--${uuidV5(IRAC_NAMESPACE, `identity:${playbook.owner ?? 'irac'}`)}`;
  const activities = [...new Set(actions.map(activityOf))].sort();
  const out: JsonObject = {
    type: 'playbook',
    spec_version: 'cacao-2.0',
    id: cacaoPlaybookId(playbook.id),
    name: playbook.id,
    description: playbook.description ?? `The irac playbook ${playbook.id}.`,
    playbook_types: typesOf(actions),
    created_by: createdBy,
    created: timestamp(times.created),
    modified: timestamp(times.modified),
    labels: ['irac', playbook.id, ...(playbook.version !== undefined ? [`version:${playbook.version}`] : [])],
    external_references: [
      {
        name: playbook.file,
        description: `The irac playbook this was exported from${playbook.version ? `, version ${playbook.version}` : ''}.`,
        source: playbook.where,
      },
    ],
    playbook_processing_summary: {
      manual_playbook: false,
      if_logic: playbook.steps.some((step) => step.when !== undefined),
      temporal_logic: true,
      extensions: true,
    },
    playbook_variables: variablesOf(usesJira),
    workflow_start: ids.start,
    workflow_exception: ids.exception,
    workflow: workflowOf(playbook, ids),
    agent_definitions: agents,
    target_definitions: targets,
    extension_definitions: {
      [EXTENSION_ID]: {
        type: 'extension-definition',
        name: 'irac playbook',
        description:
          'How irac runs the playbook: the CEL trigger and step conditions, the GitHub Environment whose reviewers approve, and each step’s catalogue action, parameters (templates as written), retries, timeout, on_failure and undo.',
        created_by: createdBy,
        schema:
          'Text: the properties are those of an irac playbook (schemas/playbook.schema.json of the repository it comes from), in snake_case; conditions are CEL.',
        version: EXTENSION_VERSION,
      },
    },
    playbook_extensions: playbookExtension(playbook),
  };
  if (activities.length > 0) out.playbook_activities = activities;
  return out;
}
