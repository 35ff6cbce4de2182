export const id = 3664;
export const ids = [3664];
export const modules = {

/***/ 63664:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DENY_ALL_POLICY_NAME: () => (/* binding */ DENY_ALL_POLICY_NAME),
/* harmony export */   REVOKE_POLICY_NAME: () => (/* binding */ REVOKE_POLICY_NAME),
/* harmony export */   deactivateAccessKeys: () => (/* binding */ deactivateAccessKeys),
/* harmony export */   denyAll: () => (/* binding */ denyAll),
/* harmony export */   denyAllPolicy: () => (/* binding */ denyAllPolicy),
/* harmony export */   revokeOlderSessionsPolicy: () => (/* binding */ revokeOlderSessionsPolicy),
/* harmony export */   revokeRoleSessions: () => (/* binding */ revokeRoleSessions)
/* harmony export */ });
// Cutting an IAM principal off, the three ways AWS's own runbooks do it: revoke a role's sessions issued
// before now (what the console's "Revoke active sessions" writes), turn a user's access keys Inactive
// (never delete them: the key id must stay searchable in CloudTrail), and deny a user everything with an
// inline policy (API and console at once). Each reads what is there first and records what it overwrote.
// Loaded on the first call, not with the module: describe() and the plan need no SDK.
const sdk = () => Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(6764)]).then(__webpack_require__.t.bind(__webpack_require__, 16764, 19));
/** The policy name the console's "Revoke active sessions" writes; responders and tools look for it. */
const REVOKE_POLICY_NAME = 'AWSRevokeOlderSessions';
const DENY_ALL_POLICY_NAME = 'irac-deny-all';
const iam = async (context) => context.clients.aws((await sdk()).IAMClient, context.aws);
/** IAM answers policy documents URL-encoded (RFC 3986); null when the policy does not exist. */
async function readPolicy(reading) {
    try {
        const { PolicyDocument } = await reading;
        return PolicyDocument === undefined ? null : decodeURIComponent(PolicyDocument);
    }
    catch (error) {
        // The SDK is loaded by now: the call that failed was made with its client.
        const { NoSuchEntityException } = await sdk();
        if (error instanceof NoSuchEntityException)
            return null;
        throw error;
    }
}
function parsePolicy(document) {
    if (document === null)
        return null;
    try {
        const parsed = JSON.parse(document);
        return typeof parsed === 'object' && parsed !== null ? parsed : null;
    }
    catch {
        return null;
    }
}
function statements(document) {
    const statement = parsePolicy(document)?.Statement;
    const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
    return list.filter((item) => typeof item === 'object' && item !== null);
}
const listOf = (value) => (Array.isArray(value) ? value : [value]);
/** A statement that denies every action on every resource, unconditionally unless `condition` is given. */
function deniesEverything(statement) {
    return (statement.Effect === 'Deny' &&
        listOf(statement.Action).includes('*') &&
        listOf(statement.Resource).includes('*') &&
        statement.NotAction === undefined &&
        statement.NotResource === undefined);
}
/** The console's policy: deny everything to credentials whose token was issued before the cutoff. */
function revokeOlderSessionsPolicy(cutoff) {
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
function cutoffOf(document) {
    for (const statement of statements(document)) {
        const condition = statement.Condition;
        const cutoff = condition?.DateLessThan?.['aws:TokenIssueTime'];
        if (deniesEverything(statement) && typeof cutoff === 'string')
            return cutoff;
    }
    return null;
}
const secondsOf = (date) => `${date.toISOString().slice(0, 19)}Z`;
// The roles AWS keeps for itself, where IAM refuses an inline policy (UnmodifiableEntity) and sessions are
// revoked elsewhere. IAM Identity Center names its roles AWSReservedSSO_<permission set>_<id> under this path.
const IDENTITY_CENTER_ROLE = /^AWSReservedSSO_/;
const IDENTITY_CENTER_PATH = '/aws-reserved/sso.amazonaws.com/';
const SERVICE_LINKED_PATH = '/aws-service-role/';
function identityCenterRole(roleName) {
    return new Error(`${roleName} is an IAM Identity Center role, which only Identity Center may change: nothing was done. ` +
        "Revoke the user's access there instead: deny the user (identitystore:userId) in the permission " +
        "set's inline policy or in an SCP, end their active sessions and disable the user");
}
/**
 * Refuses, before any change, a role whose sessions an inline policy cannot revoke, saying what to do.
 * Identity Center's roles are known by name before any call; service-linked roles by their path.
 */
async function checkRevocable(context, roleName) {
    const { GetRoleCommand } = await sdk();
    if (IDENTITY_CENTER_ROLE.test(roleName))
        throw identityCenterRole(roleName);
    const client = await iam(context);
    const { Role } = await client.send(new GetRoleCommand({ RoleName: roleName }));
    const path = Role?.Path ?? '/';
    if (path.startsWith(IDENTITY_CENTER_PATH))
        throw identityCenterRole(roleName);
    if (path.startsWith(SERVICE_LINKED_PATH)) {
        throw new Error(`${roleName} is a service-linked role (path ${path}): only its AWS service may change it, and IAM ` +
            'cannot revoke its sessions: nothing was done. Contain what uses it instead (the resource, or the ' +
            "service's configuration)");
    }
    return client;
}
/** What revoking costs, for the reviewer: the deny reaches every holder of the role, not only the attacker. */
const WHO_IS_CUT = 'every current session of the role is cut, whoever holds it (a fleet sharing it included)';
const revokeRoleSessions = {
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
        const current = await readPolicy(client.send(new GetRolePolicyCommand({ RoleName: role_name, PolicyName: REVOKE_POLICY_NAME })));
        const record = prior ?? {
            role_name,
            cutoff: secondsOf(context.now()),
            previous_policy: current,
        };
        const enforced = cutoffOf(current);
        const state = enforced === null
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
                        await client.send(new PutRolePolicyCommand({
                            RoleName: role_name,
                            PolicyName: REVOKE_POLICY_NAME,
                            PolicyDocument: revokeOlderSessionsPolicy(record.cutoff),
                        }));
                        return undefined;
                    },
                },
            ],
        };
    },
    async verify({ role_name }, context, record) {
        const { GetRolePolicyCommand } = await sdk();
        const client = await iam(context);
        const current = await readPolicy(client.send(new GetRolePolicyCommand({ RoleName: role_name, PolicyName: REVOKE_POLICY_NAME })));
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
        const current = await readPolicy(client.send(new GetRolePolicyCommand({ RoleName: role_name, PolicyName: REVOKE_POLICY_NAME })));
        const state = current === null
            ? `${role_name} has no ${REVOKE_POLICY_NAME} policy`
            : `${role_name} has ${REVOKE_POLICY_NAME}`;
        // Only the document this run wrote is taken back; a newer revocation by someone else stays.
        if (cutoffOf(current) !== record.cutoff || current === record.previous_policy) {
            return { state, record, mutations: [] };
        }
        const previous = record.previous_policy;
        const mutation = previous === null
            ? {
                call: 'iam:DeleteRolePolicy',
                target: role_name,
                effect: `remove ${REVOKE_POLICY_NAME}`,
                apply: async () => {
                    const { DeleteRolePolicyCommand } = await sdk();
                    await client.send(new DeleteRolePolicyCommand({ RoleName: role_name, PolicyName: REVOKE_POLICY_NAME }));
                    return undefined;
                },
            }
            : {
                call: 'iam:PutRolePolicy',
                target: role_name,
                effect: `put back the earlier ${REVOKE_POLICY_NAME} (cutoff ${cutoffOf(previous) ?? 'unknown'})`,
                apply: async () => {
                    const { PutRolePolicyCommand } = await sdk();
                    await client.send(new PutRolePolicyCommand({
                        RoleName: role_name,
                        PolicyName: REVOKE_POLICY_NAME,
                        PolicyDocument: previous,
                    }));
                    return undefined;
                },
            };
        return { state, record, mutations: [mutation] };
    },
};
async function accessKeys(client, userName) {
    const { paginateListAccessKeys } = await sdk();
    const keys = new Map();
    for await (const page of paginateListAccessKeys({ client }, { UserName: userName })) {
        for (const key of page.AccessKeyMetadata ?? []) {
            if (key.AccessKeyId)
                keys.set(key.AccessKeyId, key.Status ?? 'Unknown');
        }
    }
    return keys;
}
function keyState(userName, keys) {
    if (keys.size === 0)
        return `${userName} has no access keys`;
    return `${userName}: ${[...keys].map(([id, status]) => `${id} ${status}`).join(', ')}`;
}
function setStatus(client, userName, keyId, status) {
    return {
        call: 'iam:UpdateAccessKey',
        target: keyId,
        effect: `${userName}'s key → ${status}`,
        apply: async () => {
            const { UpdateAccessKeyCommand } = await sdk();
            await client.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: keyId, Status: status }));
            return undefined;
        },
    };
}
const deactivateAccessKeys = {
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
            if (!keys.has(id))
                throw new Error(`${user_name} has no access key ${id}`);
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
function denyAllPolicy(incidentId) {
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
const deniesAll = (document) => statements(document).some((statement) => deniesEverything(statement) && statement.Condition === undefined);
async function readUserPolicy(client, userName) {
    const { GetUserPolicyCommand } = await sdk();
    return readPolicy(client.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: DENY_ALL_POLICY_NAME })));
}
const denyAll = {
    name: 'aws:iam.deny_all',
    describe: ({ user_name }) => [
        { call: 'iam:GetUserPolicy', target: user_name, effect: `read ${DENY_ALL_POLICY_NAME}` },
        {
            call: 'iam:PutUserPolicy',
            target: user_name,
            effect: `${DENY_ALL_POLICY_NAME}: deny every action on every resource`,
        },
    ],
    async inspect({ user_name }, context, prior) {
        const client = await iam(context);
        const current = await readUserPolicy(client, user_name);
        const record = prior ?? { user_name, previous_policy: current };
        const state = deniesAll(current)
            ? `${user_name} is denied everything`
            : `${user_name} has no deny-all policy`;
        if (deniesAll(current))
            return { state, record, mutations: [] };
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
                        await client.send(new PutUserPolicyCommand({
                            UserName: user_name,
                            PolicyName: DENY_ALL_POLICY_NAME,
                            PolicyDocument: denyAllPolicy(context.incidentId),
                        }));
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
        const state = current === null
            ? `${user_name} has no ${DENY_ALL_POLICY_NAME}`
            : `${user_name} has ${DENY_ALL_POLICY_NAME}`;
        if (current === record.previous_policy)
            return { state, record, mutations: [] };
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
                            await client.send(new DeleteUserPolicyCommand({ UserName: user_name, PolicyName: DENY_ALL_POLICY_NAME }));
                            return undefined;
                        },
                    }
                    : {
                        call: 'iam:PutUserPolicy',
                        target: user_name,
                        effect: `put back the earlier ${DENY_ALL_POLICY_NAME}`,
                        apply: async () => {
                            const { PutUserPolicyCommand } = await sdk();
                            await client.send(new PutUserPolicyCommand({
                                UserName: user_name,
                                PolicyName: DENY_ALL_POLICY_NAME,
                                PolicyDocument: previous,
                            }));
                            return undefined;
                        },
                    },
            ],
        };
    },
};
//# sourceMappingURL=iam.js.map

/***/ })

};
