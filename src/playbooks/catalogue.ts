// The catalogue of actions a playbook step may name: data in schemas/actions/<connector>/<name>.json,
// each checked against schemas/action.schema.json. What an action risks (destructive, reversible) and
// needs (permissions) is written once, here, and lint, the planner and `irac iam-policy` read it.
//
// The files are imported one by one rather than read from disk at run time, so that the bundled
// Action carries them (test/playbooks/catalogue.test.ts fails when a file is missing from this list).

import type { ValidateFunction } from 'ajv/dist/2020.js';
import autoscalingStandby from '../../schemas/actions/aws/autoscaling.standby.json' with { type: 'json' };
import cloudtrailLookupEvents from '../../schemas/actions/aws/cloudtrail.lookup_events.json' with {
  type: 'json',
};
import ec2BlockIp from '../../schemas/actions/aws/ec2.block_ip.json' with { type: 'json' };
import ec2DisableImds from '../../schemas/actions/aws/ec2.disable_imds.json' with { type: 'json' };
import ec2IsolateInstance from '../../schemas/actions/aws/ec2.isolate_instance.json' with { type: 'json' };
import ec2ProtectInstance from '../../schemas/actions/aws/ec2.protect_instance.json' with { type: 'json' };
import ec2ReplaceInstanceProfile from '../../schemas/actions/aws/ec2.replace_instance_profile.json' with {
  type: 'json',
};
import ec2SnapshotInstance from '../../schemas/actions/aws/ec2.snapshot_instance.json' with { type: 'json' };
import ec2TagResource from '../../schemas/actions/aws/ec2.tag_resource.json' with { type: 'json' };
import iamDeactivateAccessKeys from '../../schemas/actions/aws/iam.deactivate_access_keys.json' with {
  type: 'json',
};
import iamDenyAll from '../../schemas/actions/aws/iam.deny_all.json' with { type: 'json' };
import iamRevokeRoleSessions from '../../schemas/actions/aws/iam.revoke_role_sessions.json' with {
  type: 'json',
};
import s3BlockPublicAccess from '../../schemas/actions/aws/s3.block_public_access.json' with { type: 'json' };
import cloudFetchAuditLogs from '../../schemas/actions/cloud/fetch_audit_logs.json' with { type: 'json' };
import cloudRevokeSession from '../../schemas/actions/cloud/revoke_session.json' with { type: 'json' };
import cloudSecurityGroupDenyAll from '../../schemas/actions/cloud/security_group_deny_all.json' with {
  type: 'json',
};
import githubComment from '../../schemas/actions/github/comment.json' with { type: 'json' };
import githubCreateIssue from '../../schemas/actions/github/create_issue.json' with { type: 'json' };
import jiraCreateIssue from '../../schemas/actions/jira/create_issue.json' with { type: 'json' };
import slackPostMessage from '../../schemas/actions/slack/post_message.json' with { type: 'json' };
import { schemaProblem } from '../config/schema-problems.js';
import { InputError } from '../errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import type { ActionDefinition } from '../types.js';
import { actionValidator, readableValidator, shippedParametersValidator } from '../validation.js';
import { type CompiledValue, compileValue } from './templates.js';

export const SHIPPED_ACTIONS: readonly unknown[] = [
  iamRevokeRoleSessions,
  iamDeactivateAccessKeys,
  iamDenyAll,
  ec2SnapshotInstance,
  ec2ProtectInstance,
  autoscalingStandby,
  ec2IsolateInstance,
  ec2ReplaceInstanceProfile,
  ec2DisableImds,
  ec2BlockIp,
  s3BlockPublicAccess,
  cloudtrailLookupEvents,
  ec2TagResource,
  slackPostMessage,
  githubCreateIssue,
  githubComment,
  jiraCreateIssue,
  cloudRevokeSession,
  cloudSecurityGroupDenyAll,
  cloudFetchAuditLogs,
];

/** A step's timeout when neither the step nor its action says otherwise. */
export const DEFAULT_TIMEOUT = '5m';

/** An action as steps use it: an alias carries everything of the action it stands for. */
export interface ActionSpec {
  /** The name the step wrote: `cloud:revoke_session` for an alias. */
  readonly name: string;
  /** The action that runs: `aws:iam.revoke_role_sessions` for that alias, else the name itself. */
  readonly runs: string;
  readonly description: string;
  readonly destructive: boolean;
  readonly reversible: boolean;
  readonly undo: string;
  readonly permissions: readonly string[];
  readonly timeout: string;
  /** The JSON Schema of the parameters. */
  readonly parameters: JsonObject;
  /** Checks a step's parameters (readable errors: all of them, each with its schema). */
  readonly validate: ValidateFunction;
  /** The parameters' defaults, templates compiled: where a target comes from in the incident. */
  readonly defaults: Readonly<Record<string, CompiledValue>>;
}

export interface Catalogue {
  /** The action a step names, aliases resolved; undefined when there is none by that name. */
  get(name: string): ActionSpec | undefined;
  readonly names: readonly string[];
}

/** schemas/actions/<connector>/<name>.json: where an action is defined. */
export function actionFile(name: string): string {
  const colon = name.indexOf(':');
  return `schemas/actions/${name.slice(0, colon)}/${name.slice(colon + 1)}.json`;
}

function checked(definition: unknown, index: number): ActionDefinition {
  const validate = actionValidator();
  if (validate(definition)) return definition;
  const name = isJsonObject(definition) && typeof definition.name === 'string' ? definition.name : undefined;
  const where = name ? actionFile(name) : `action #${index + 1}`;
  const problems = (validate.errors ?? []).flatMap((error) => schemaProblem(error, {}, 'the action') ?? []);
  throw new InputError(where, problems.map((p) => p.what).join('; ') || 'is not a valid action');
}

function specOf(definition: ActionDefinition, file: string): Omit<ActionSpec, 'name' | 'runs'> {
  // The schema's `else` branch makes these present for an action that is not an alias.
  const parameters = definition.parameters as unknown as JsonObject;
  const properties = (parameters.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((parameters.required ?? []) as string[]);
  const defaults: Record<string, CompiledValue> = {};
  for (const [key, schema] of Object.entries(properties)) {
    if (!('default' in schema)) continue;
    if (required.has(key)) throw new InputError(file, `parameter "${key}" is required and has a default`);
    const where = `${file}: parameters.properties.${key}.default`;
    defaults[key] = compileValue(
      schema.default as JsonValue,
      () => where,
      (_, error) => {
        throw error;
      },
    );
  }
  return {
    description: definition.description,
    destructive: definition.destructive ?? false,
    reversible: definition.reversible ?? false,
    undo: definition.undo ?? '',
    permissions: definition.permissions ?? [],
    timeout: definition.timeout ?? DEFAULT_TIMEOUT,
    parameters,
    // A shipped definition (the very object imported above) has its validator compiled ahead of time.
    validate:
      (SHIPPED_ACTIONS.includes(definition) ? shippedParametersValidator(definition.name) : undefined) ??
      readableValidator(parameters),
    defaults,
  };
}

/**
 * A catalogue of these definitions: each checked against the action schema, its parameters schema and
 * default templates compiled once. Throws an InputError naming the action's file at the first problem.
 */
export function catalogueOf(definitions: readonly unknown[]): Catalogue {
  const byName = new Map<string, ActionDefinition>();
  for (const [index, definition] of definitions.entries()) {
    const action = checked(definition, index);
    if (byName.has(action.name)) throw new InputError(actionFile(action.name), 'is defined twice');
    byName.set(action.name, action);
  }
  const actions = new Map<string, ActionSpec>();
  for (const action of byName.values()) {
    if (action.alias_of !== undefined) continue;
    actions.set(action.name, {
      name: action.name,
      runs: action.name,
      ...specOf(action, actionFile(action.name)),
    });
  }
  const specs = new Map(actions);
  for (const action of byName.values()) {
    if (action.alias_of === undefined) continue;
    const target = actions.get(action.alias_of);
    if (!target) {
      throw new InputError(
        actionFile(action.name),
        `is an alias of "${action.alias_of}", which is not an action${byName.has(action.alias_of) ? ' but another alias' : ''}`,
      );
    }
    specs.set(action.name, { ...target, name: action.name, description: action.description });
  }
  const names = [...specs.keys()].sort();
  return { get: (name) => specs.get(name), names };
}

let shipped: Catalogue | undefined;
/** The actions irac ships, checked once. */
export function shippedCatalogue(): Catalogue {
  shipped ??= catalogueOf(SHIPPED_ACTIONS);
  return shipped;
}
