// Cutting an IAM principal off, the three ways AWS's own runbooks do it: revoke a role's sessions issued
// before now (what the console's "Revoke active sessions" writes), turn a user's access keys Inactive
// (never delete them: the key id must stay searchable in CloudTrail), and deny a user everything with an
// inline policy (API and console at once). Each reads what is there first and records what it overwrote.

import type { IAMClient } from '@aws-sdk/client-iam';
import type { ActionContext, ConnectorAction, Inspection, Mutation } from '../action.js';

// Loaded on the first call, not with the module: describe() and the plan need no SDK.
const sdk = () => import('@aws-sdk/client-iam');

/** The policy name the console's "Revoke active sessions" writes; responders and tools look for it. */
export const REVOKE_POLICY_NAME = 'AWSRevokeOlderSessions';
export const DENY_ALL_POLICY_NAME = 'irac-deny-all';

const iam = async (context: ActionContext) => context.clients.aws((await sdk()).IAMClient, context.aws);

/** IAM answers policy documents URL-encoded (RFC 3986); null when the policy does not exist. */
async function readPolicy(reading: Promise<{ PolicyDocument?: string | undefined }>): Promise<string | null> {
  try {
    const { PolicyDocument } = await reading;
    return PolicyDocument === undefined ? null : decodeURIComponent(PolicyDocument);
  } catch (error) {
    // The SDK is loaded by now: the call that failed was made with its client.
    const { NoSuchEntityException } = await sdk();
    if (error instanceof NoSuchEntityException) return null;
    throw error;
  }
}

function parsePolicy(document: string | null): { Statement?: unknown } | null {
  if (document === null) return null;
  try {
    const parsed: unknown = JSON.parse(document);
    return typeof parsed === 'object' && parsed !== null ? (parsed as { Statement?: unknown }) : null;
  } catch {
    return null;
  }
}

function statements(document: string | null): Record<string, unknown>[] {
  const statement = parsePolicy(document)?.Statement;
  const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** A statement that denies every action on every resource, unconditionally unless `condition` is given. */
function deniesEverything(statement: Record<string, unknown>): boolean {
  return (
    statement.Effect === 'Deny' &&
    listOf(statement.Action).includes('*') &&
    listOf(statement.Resource).includes('*') &&
    statement.NotAction === undefined &&
    statement.NotResource === undefined
  );
}

// ---------------------------------------------------------------------------------------------------------
// aws:iam.revoke_role_sessions

export interface RevokeRoleSessionsParams {
  readonly role_name: string;
}

export interface RevokeRoleSessionsRecord {
  readonly [key: string]: string | null;
  readonly role_name: string;
  /** Sessions issued before this instant are denied everything. */
  readonly cutoff: string;
  /** The AWSRevokeOlderSessions document the role had before (an earlier revocation), or null. */
  readonly previous_policy: string | null;
}

/** The console's policy: deny everything to credentials whose token was issued before the cutoff. */
export function revokeOlderSessionsPolicy(cutoff: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: ['*'],
        Resource: ['*'],
        Condition: { DateLessThan: { 'aws:TokenIssueTime': cutoff } },
      },
    ],
  });
}

/** The cutoff an AWSRevokeOlderSessions document enforces, or null if it is not that policy. */
function cutoffOf(document: string | null): string | null {
  for (const statement of statements(document)) {
    const condition = statement.Condition as { DateLessThan?: Record<string, unknown> } | undefined;
    const cutoff = condition?.DateLessThan?.['aws:TokenIssueTime'];
    if (deniesEverything(statement) && typeof cutoff === 'string') return cutoff;
  }
  return null;
}

const secondsOf = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

// The roles AWS keeps for itself, where IAM refuses an inline policy (UnmodifiableEntity) and sessions are
// revoked elsewhere. IAM Identity Center names its roles AWSReservedSSO_<permission set>_<id> under this path.
const IDENTITY_CENTER_ROLE = /^AWSReservedSSO_/;
const IDENTITY_CENTER_PATH = '/aws-reserved/sso.amazonaws.com/';
const SERVICE_LINKED_PATH = '/aws-service-role/';

function identityCenterRole(roleName: string): Error {
  return new Error(
    `${roleName} is an IAM Identity Center role, which only Identity Center may change: nothing was done. ` +
      "Revoke the user's access there instead: deny the user (identitystore:userId) in the permission " +
      "set's inline policy or in an SCP, end their active sessions and disable the user",
  );
}

/**
 * Refuses, before any change, a role whose sessions an inline policy cannot revoke, saying what to do.
 * Identity Center's roles are known by name before any call; service-linked roles by their path.
 */
async function checkRevocable(context: ActionContext, roleName: string): Promise<IAMClient> {
  const { GetRoleCommand } = await sdk();
  if (IDENTITY_CENTER_ROLE.test(roleName)) throw identityCenterRole(roleName);
  const client = await iam(context);
  const { Role } = await client.send(new GetRoleCommand({ RoleName: roleName }));
  const path = Role?.Path ?? '/';
  if (path.startsWith(IDENTITY_CENTER_PATH)) throw identityCenterRole(roleName);
  if (path.startsWith(SERVICE_LINKED_PATH)) {
    throw new Error(
      `${roleName} is a service-linked role (path ${path}): only its AWS service may change it, and IAM ` +
        'cannot revoke its sessions: nothing was done. Contain what uses it instead (the resource, or the ' +
        "service's configuration)",
    );
  }
  return client;
}

/** What revoking costs, for the reviewer: the deny reaches every holder of the role, not only the attacker. */
const WHO_IS_CUT = 'every current session of the role is cut, whoever holds it (a fleet sharing it included)';

export const revokeRoleSessions: ConnectorAction<RevokeRoleSessionsParams, RevokeRoleSessionsRecord> = {
  name: 'aws:iam.revoke_role_sessions',

  describe: ({ role_name }) => [
    {
      call: 'iam:GetRole',
      target: role_name,
      effect: 'its path: a service-linked or IAM Identity Center role is refused before any change',
    },
    { call: 'iam:GetRolePolicy', target: role_name, effect: `read ${REVOKE_POLICY_NAME}` },
    {
      call: 'iam:PutRolePolicy',
      target: role_name,
      effect: `${REVOKE_POLICY_NAME}: deny everything to sessions issued before the run; ${WHO_IS_CUT}`,
    },
  ],

  async inspect({ role_name }, context, prior) {
    const { GetRolePolicyCommand } = await sdk();
    const client = await checkRevocable(context, role_name);
    const current = await readPolicy(
      client.send(new GetRolePolicyCommand({ RoleName: role_name, PolicyName: REVOKE_POLICY_NAME })),
    );
    const record: RevokeRoleSessionsRecord = prior ?? {
      role_name,
      cutoff: secondsOf(context.now()),
      previous_policy: current,
    };
    const enforced = cutoffOf(current);
    const state =
      enforced === null
        ? `${role_name} has no ${REVOKE_POLICY_NAME} policy; revoking: ${WHO_IS_CUT}`
        : `${role_name} denies sessions issued before ${enforced}`;
    // A later cutoff already in place revokes at least as much as this one would.
    if (enforced !== null && Date.parse(enforced) >= Date.parse(record.cutoff)) {
      return { state, record, mutations: [] };
    }
    return {
      state,
      record,
      mutations: [
        {
          call: 'iam:PutRolePolicy',
          target: role_name,
          effect: `${REVOKE_POLICY_NAME}: deny everything to sessions issued before ${record.cutoff}; ${WHO_IS_CUT}`,
          apply: async () => {
            const { PutRolePolicyCommand } = await sdk();
            await client.send(
              new PutRolePolicyCommand({
                RoleName: role_name,
                PolicyName: REVOKE_POLICY_NAME,
                PolicyDocument: revokeOlderSessionsPolicy(record.cutoff),
              }),
            );
            return undefined;
          },
        },
      ],
    };
  },

  async verify({ role_name }, context, record) {
    const { GetRolePolicyCommand } = await sdk();
    const client = await iam(context);
    const current = await readPolicy(
      client.send(new GetRolePolicyCommand({ RoleName: role_name, PolicyName: REVOKE_POLICY_NAME })),
    );
    const enforced = cutoffOf(current);
    const ok = enforced !== null && Date.parse(enforced) >= Date.parse(record.cutoff);
    return {
      ok,
      detail: enforced
        ? `${role_name}: ${REVOKE_POLICY_NAME} denies sessions issued before ${enforced}`
        : `${role_name}: no ${REVOKE_POLICY_NAME} policy denying older sessions`,
    };
  },

  async undo({ role_name }, context, record) {
    const { GetRolePolicyCommand } = await sdk();
    const client = await iam(context);
    const current = await readPolicy(
      client.send(new GetRolePolicyCommand({ RoleName: role_name, PolicyName: REVOKE_POLICY_NAME })),
    );
    const state =
      current === null
        ? `${role_name} has no ${REVOKE_POLICY_NAME} policy`
        : `${role_name} has ${REVOKE_POLICY_NAME}`;
    // Only the document this run wrote is taken back; a newer revocation by someone else stays.
    if (cutoffOf(current) !== record.cutoff || current === record.previous_policy) {
      return { state, record, mutations: [] };
    }
    const previous = record.previous_policy;
    const mutation: Mutation<RevokeRoleSessionsRecord> =
      previous === null
        ? {
            call: 'iam:DeleteRolePolicy',
            target: role_name,
            effect: `remove ${REVOKE_POLICY_NAME}`,
            apply: async () => {
              const { DeleteRolePolicyCommand } = await sdk();
              await client.send(
                new DeleteRolePolicyCommand({ RoleName: role_name, PolicyName: REVOKE_POLICY_NAME }),
              );
              return undefined;
            },
          }
        : {
            call: 'iam:PutRolePolicy',
            target: role_name,
            effect: `put back the earlier ${REVOKE_POLICY_NAME} (cutoff ${cutoffOf(previous) ?? 'unknown'})`,
            apply: async () => {
              const { PutRolePolicyCommand } = await sdk();
              await client.send(
                new PutRolePolicyCommand({
                  RoleName: role_name,
                  PolicyName: REVOKE_POLICY_NAME,
                  PolicyDocument: previous,
                }),
              );
              return undefined;
            },
          };
    return { state, record, mutations: [mutation] };
  },
};

// ---------------------------------------------------------------------------------------------------------
// aws:iam.deactivate_access_keys

export interface DeactivateAccessKeysParams {
  readonly user_name: string;
  /** Only these keys; by default every key of the user. */
  readonly access_key_ids?: readonly string[];
}

export interface DeactivateAccessKeysRecord {
  readonly [key: string]: string | string[];
  readonly user_name: string;
  /** The keys this run turned (or is turning) Inactive; undo reactivates exactly these. */
  readonly deactivated: string[];
}

async function accessKeys(client: IAMClient, userName: string): Promise<Map<string, string>> {
  const { paginateListAccessKeys } = await sdk();
  const keys = new Map<string, string>();
  for await (const page of paginateListAccessKeys({ client }, { UserName: userName })) {
    for (const key of page.AccessKeyMetadata ?? []) {
      if (key.AccessKeyId) keys.set(key.AccessKeyId, key.Status ?? 'Unknown');
    }
  }
  return keys;
}

function keyState(userName: string, keys: ReadonlyMap<string, string>): string {
  if (keys.size === 0) return `${userName} has no access keys`;
  return `${userName}: ${[...keys].map(([id, status]) => `${id} ${status}`).join(', ')}`;
}

function setStatus(
  client: IAMClient,
  userName: string,
  keyId: string,
  status: 'Active' | 'Inactive',
): Mutation<DeactivateAccessKeysRecord> {
  return {
    call: 'iam:UpdateAccessKey',
    target: keyId,
    effect: `${userName}'s key → ${status}`,
    apply: async () => {
      const { UpdateAccessKeyCommand } = await sdk();
      await client.send(
        new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: keyId, Status: status }),
      );
      return undefined;
    },
  };
}

export const deactivateAccessKeys: ConnectorAction<DeactivateAccessKeysParams, DeactivateAccessKeysRecord> = {
  name: 'aws:iam.deactivate_access_keys',

  describe: ({ user_name, access_key_ids }) => [
    { call: 'iam:ListAccessKeys', target: user_name, effect: 'read the keys and their status' },
    {
      call: 'iam:UpdateAccessKey',
      target: access_key_ids?.length ? access_key_ids.join(', ') : `every active key of ${user_name}`,
      effect: 'Active → Inactive (kept, not deleted: the key id stays searchable in CloudTrail)',
    },
  ],

  async inspect({ user_name, access_key_ids }, context, prior) {
    const client = await iam(context);
    const keys = await accessKeys(client, user_name);
    for (const id of access_key_ids ?? []) {
      if (!keys.has(id)) throw new Error(`${user_name} has no access key ${id}`);
    }
    const targets = access_key_ids ?? [...keys.keys()];
    const active = targets.filter((id) => keys.get(id) === 'Active');
    const deactivated = [...new Set([...(prior?.deactivated ?? []), ...active])];
    return {
      state: keyState(user_name, keys),
      record: { user_name, deactivated },
      mutations: active.map((id) => setStatus(client, user_name, id, 'Inactive')),
    };
  },

  async verify({ user_name, access_key_ids }, context, record) {
    const keys = await accessKeys(await iam(context), user_name);
    // Every key the step targets, not only those this run switched off: a key created since (the
    // classic persistence move of whoever holds the user) is as live as one the run missed.
    const targets = new Set([...(access_key_ids ?? keys.keys()), ...record.deactivated]);
    const stillActive = [...targets].filter((id) => keys.get(id) === 'Active');
    return {
      ok: stillActive.length === 0,
      detail: stillActive.length ? `still Active: ${stillActive.join(', ')}` : keyState(user_name, keys),
    };
  },

  async undo({ user_name }, context, record) {
    const client = await iam(context);
    const keys = await accessKeys(client, user_name);
    // A key deleted since cannot come back; reactivate what is still there.
    const inactive = record.deactivated.filter((id) => keys.get(id) === 'Inactive');
    return {
      state: keyState(user_name, keys),
      record,
      mutations: inactive.map((id) => setStatus(client, user_name, id, 'Active')),
    };
  },
};

// ---------------------------------------------------------------------------------------------------------
// aws:iam.deny_all

export interface DenyAllParams {
  readonly user_name: string;
}

export interface DenyAllRecord {
  readonly [key: string]: string | null;
  readonly user_name: string;
  /** The irac-deny-all document the user had before, or null. */
  readonly previous_policy: string | null;
}

export function denyAllPolicy(incidentId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: `IracContainment${incidentId.replace(/[^A-Za-z0-9]/g, '')}`,
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
      },
    ],
  });
}

const deniesAll = (document: string | null): boolean =>
  statements(document).some((statement) => deniesEverything(statement) && statement.Condition === undefined);

async function readUserPolicy(client: IAMClient, userName: string): Promise<string | null> {
  const { GetUserPolicyCommand } = await sdk();
  return readPolicy(
    client.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: DENY_ALL_POLICY_NAME })),
  );
}

export const denyAll: ConnectorAction<DenyAllParams, DenyAllRecord> = {
  name: 'aws:iam.deny_all',

  describe: ({ user_name }) => [
    { call: 'iam:GetUserPolicy', target: user_name, effect: `read ${DENY_ALL_POLICY_NAME}` },
    {
      call: 'iam:PutUserPolicy',
      target: user_name,
      effect: `${DENY_ALL_POLICY_NAME}: deny every action on every resource`,
    },
  ],

  async inspect({ user_name }, context, prior): Promise<Inspection<DenyAllRecord>> {
    const client = await iam(context);
    const current = await readUserPolicy(client, user_name);
    const record = prior ?? { user_name, previous_policy: current };
    const state = deniesAll(current)
      ? `${user_name} is denied everything`
      : `${user_name} has no deny-all policy`;
    if (deniesAll(current)) return { state, record, mutations: [] };
    return {
      state,
      record,
      mutations: [
        {
          call: 'iam:PutUserPolicy',
          target: user_name,
          effect: `${DENY_ALL_POLICY_NAME}: deny every action on every resource`,
          apply: async () => {
            const { PutUserPolicyCommand } = await sdk();
            await client.send(
              new PutUserPolicyCommand({
                UserName: user_name,
                PolicyName: DENY_ALL_POLICY_NAME,
                PolicyDocument: denyAllPolicy(context.incidentId),
              }),
            );
            return undefined;
          },
        },
      ],
    };
  },

  async verify({ user_name }, context) {
    const current = await readUserPolicy(await iam(context), user_name);
    return {
      ok: deniesAll(current),
      detail: deniesAll(current)
        ? `${user_name}: ${DENY_ALL_POLICY_NAME} denies every action`
        : `${user_name}: no ${DENY_ALL_POLICY_NAME} policy denying every action`,
    };
  },

  async undo({ user_name }, context, record) {
    const client = await iam(context);
    const current = await readUserPolicy(client, user_name);
    const state =
      current === null
        ? `${user_name} has no ${DENY_ALL_POLICY_NAME}`
        : `${user_name} has ${DENY_ALL_POLICY_NAME}`;
    if (current === record.previous_policy) return { state, record, mutations: [] };
    const previous = record.previous_policy;
    return {
      state,
      record,
      mutations: [
        previous === null
          ? {
              call: 'iam:DeleteUserPolicy',
              target: user_name,
              effect: `remove ${DENY_ALL_POLICY_NAME}`,
              apply: async () => {
                const { DeleteUserPolicyCommand } = await sdk();
                await client.send(
                  new DeleteUserPolicyCommand({ UserName: user_name, PolicyName: DENY_ALL_POLICY_NAME }),
                );
                return undefined;
              },
            }
          : {
              call: 'iam:PutUserPolicy',
              target: user_name,
              effect: `put back the earlier ${DENY_ALL_POLICY_NAME}`,
              apply: async () => {
                const { PutUserPolicyCommand } = await sdk();
                await client.send(
                  new PutUserPolicyCommand({
                    UserName: user_name,
                    PolicyName: DENY_ALL_POLICY_NAME,
                    PolicyDocument: previous,
                  }),
                );
                return undefined;
              },
            },
      ],
    };
  },
};
