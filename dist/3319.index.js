export const id = 3319;
export const ids = [3319];
export const modules = {

/***/ 23319:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   disableImds: () => (/* binding */ disableImds),
/* harmony export */   protectInstance: () => (/* binding */ protectInstance),
/* harmony export */   replaceInstanceProfile: () => (/* binding */ replaceInstanceProfile)
/* harmony export */ });
// Taking away what a compromised instance can reach and keeping it from disappearing, without touching
// its network: the metadata service turned off (nothing on the box fetches the role's credentials again),
// its instance profile swapped for a quarantine one or removed, and termination protection with every
// volume kept on termination, so the evidence outlives a panicked "terminate". Each reads the instance
// first and records the values it overwrites; undo puts back only what this run changed and nobody has
// changed since, so it never weakens hardening a responder added during the incident.
// Loaded on the first call, not with the module: describe() and the plan need no SDK.
const sdk = () => Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(5193)]).then(__webpack_require__.t.bind(__webpack_require__, 35193, 19));
const ec2 = async (context) => context.clients.aws((await sdk()).EC2Client, context.aws);
async function metadataOptions(client, instanceId) {
    const { DescribeInstancesCommand } = await sdk();
    const { Reservations } = await client.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const options = Reservations?.[0]?.Instances?.[0]?.MetadataOptions;
    if (!options)
        throw new Error(`${instanceId} was not found, or EC2 reported no metadata options for it`);
    // EC2's documented defaults, for an answer that leaves one out.
    return {
        http_endpoint: options.HttpEndpoint ?? 'enabled',
        http_tokens: options.HttpTokens ?? 'optional',
        http_put_response_hop_limit: options.HttpPutResponseHopLimit ?? 1,
        // EC2 answers `pending` until the change is in force on the instance.
        applied: options.State !== 'pending',
    };
}
const metadataState = (instanceId, options) => `${instanceId}: metadata endpoint ${options.http_endpoint}, tokens ${options.http_tokens}, ` +
    `hop limit ${options.http_put_response_hop_limit}${options.applied ? '' : ' (change pending)'}`;
const disableImds = {
    name: 'aws:ec2.disable_imds',
    describe: ({ instance_id }) => [
        { call: 'ec2:DescribeInstances', target: instance_id, effect: 'record its metadata options' },
        {
            call: 'ec2:ModifyInstanceMetadataOptions',
            target: instance_id,
            effect: 'metadata endpoint → disabled (no more role credentials from IMDS)',
        },
    ],
    async inspect({ instance_id }, context, prior) {
        const client = await ec2(context);
        const current = await metadataOptions(client, instance_id);
        const record = prior ?? {
            instance_id,
            http_endpoint: current.http_endpoint,
            http_tokens: current.http_tokens,
            http_put_response_hop_limit: current.http_put_response_hop_limit,
        };
        const state = metadataState(instance_id, current);
        // A change still pending is on its way: sending it again would change nothing.
        if (current.http_endpoint === 'disabled')
            return { state, record, mutations: [] };
        return {
            state,
            record,
            mutations: [
                {
                    call: 'ec2:ModifyInstanceMetadataOptions',
                    target: instance_id,
                    effect: 'metadata endpoint enabled → disabled',
                    apply: async () => {
                        const { ModifyInstanceMetadataOptionsCommand } = await sdk();
                        // EC2 answers `pending`; verify reads the applied state back.
                        await client.send(new ModifyInstanceMetadataOptionsCommand({ InstanceId: instance_id, HttpEndpoint: 'disabled' }));
                        return undefined;
                    },
                },
            ],
        };
    },
    async verify({ instance_id }, context) {
        const current = await metadataOptions(await ec2(context), instance_id);
        return {
            ok: current.http_endpoint === 'disabled' && current.applied,
            detail: metadataState(instance_id, current),
        };
    },
    async undo({ instance_id }, context, record) {
        const client = await ec2(context);
        const current = await metadataOptions(client, instance_id);
        const state = metadataState(instance_id, current);
        // Only the endpoint this run turned off is turned back on, and only while it is still off: a
        // responder who turned it on again decided so. Tokens and hop limit are someone else's since the run
        // (requiring IMDSv2 during an incident is hardening undo must keep).
        if (record.http_endpoint !== 'enabled' || current.http_endpoint !== 'disabled') {
            return { state, record, mutations: [] };
        }
        return {
            state,
            record,
            mutations: [
                {
                    call: 'ec2:ModifyInstanceMetadataOptions',
                    target: instance_id,
                    effect: `metadata endpoint disabled → enabled, tokens kept ${current.http_tokens}`,
                    apply: async () => {
                        const { ModifyInstanceMetadataOptionsCommand } = await sdk();
                        // HttpTokens goes with it, as it is now: older EC2 documentation has an omitted HttpTokens
                        // fall back to `optional`, which would re-open IMDSv1 on an instance that requires v2.
                        await client.send(new ModifyInstanceMetadataOptionsCommand({
                            InstanceId: instance_id,
                            HttpEndpoint: 'enabled',
                            HttpTokens: current.http_tokens,
                        }));
                        return undefined;
                    },
                },
            ],
        };
    },
};
/** The instance's current association, if any (one being taken away no longer counts). */
async function profileAssociation(client, instanceId) {
    const { paginateDescribeIamInstanceProfileAssociations } = await sdk();
    const pages = paginateDescribeIamInstanceProfileAssociations({ client }, { Filters: [{ Name: 'instance-id', Values: [instanceId] }] });
    for await (const page of pages) {
        const current = (page.IamInstanceProfileAssociations ?? []).find((association) => association.State === 'associated' || association.State === 'associating');
        if (current)
            return current;
    }
    return undefined;
}
const profileState = (instanceId, association) => association?.IamInstanceProfile?.Arn
    ? `${instanceId}: instance profile ${association.IamInstanceProfile.Arn} (${association.AssociationId})`
    : `${instanceId}: no instance profile`;
/** The one change that takes the instance from its current association to `target` (an ARN, or none). */
function profileMutation(client, instanceId, current, target) {
    const currentArn = current?.IamInstanceProfile?.Arn ?? null;
    const associationId = current?.AssociationId;
    if (currentArn === target)
        return undefined;
    if (target === null) {
        return {
            call: 'ec2:DisassociateIamInstanceProfile',
            target: instanceId,
            effect: `remove ${currentArn}`,
            apply: async () => {
                const { DisassociateIamInstanceProfileCommand } = await sdk();
                await client.send(new DisassociateIamInstanceProfileCommand({ AssociationId: associationId }));
                return undefined;
            },
        };
    }
    if (associationId === undefined) {
        return {
            call: 'ec2:AssociateIamInstanceProfile',
            target: instanceId,
            effect: `associate ${target}`,
            apply: async () => {
                const { AssociateIamInstanceProfileCommand } = await sdk();
                await client.send(new AssociateIamInstanceProfileCommand({
                    InstanceId: instanceId,
                    IamInstanceProfile: { Arn: target },
                }));
                return undefined;
            },
        };
    }
    return {
        call: 'ec2:ReplaceIamInstanceProfileAssociation',
        target: instanceId,
        effect: `${currentArn} → ${target}`,
        apply: async () => {
            const { ReplaceIamInstanceProfileAssociationCommand } = await sdk();
            await client.send(new ReplaceIamInstanceProfileAssociationCommand({
                AssociationId: associationId,
                IamInstanceProfile: { Arn: target },
            }));
            return undefined;
        },
    };
}
const replaceInstanceProfile = {
    name: 'aws:ec2.replace_instance_profile',
    describe: ({ instance_id, quarantine_profile_arn }) => [
        {
            call: 'ec2:DescribeIamInstanceProfileAssociations',
            target: instance_id,
            effect: 'record its instance profile',
        },
        quarantine_profile_arn
            ? {
                call: 'ec2:ReplaceIamInstanceProfileAssociation',
                target: instance_id,
                effect: `instance profile → ${quarantine_profile_arn} (AssociateIamInstanceProfile if it has none)`,
            }
            : {
                call: 'ec2:DisassociateIamInstanceProfile',
                target: instance_id,
                effect: 'remove its instance profile (credentials already issued stay valid until they expire)',
            },
    ],
    async inspect({ instance_id, quarantine_profile_arn }, context, prior) {
        const client = await ec2(context);
        const current = await profileAssociation(client, instance_id);
        const record = prior ?? {
            instance_id,
            previous_profile_arn: current?.IamInstanceProfile?.Arn ?? null,
            target_profile_arn: quarantine_profile_arn ?? null,
        };
        const mutation = profileMutation(client, instance_id, current, record.target_profile_arn);
        return { state: profileState(instance_id, current), record, mutations: mutation ? [mutation] : [] };
    },
    async verify({ instance_id }, context, record) {
        const current = await profileAssociation(await ec2(context), instance_id);
        const ok = (current?.IamInstanceProfile?.Arn ?? null) === record.target_profile_arn;
        return { ok, detail: profileState(instance_id, current) };
    },
    async undo({ instance_id }, context, record) {
        const client = await ec2(context);
        const current = await profileAssociation(client, instance_id);
        const state = profileState(instance_id, current);
        // Only the profile this run put in place is taken back: a responder who has since removed or swapped
        // it decided so, and undo must not hand the compromised role's credentials back to the instance.
        if ((current?.IamInstanceProfile?.Arn ?? null) !== record.target_profile_arn) {
            return { state, record, mutations: [] };
        }
        const mutation = profileMutation(client, instance_id, current, record.previous_profile_arn);
        return { state, record, mutations: mutation ? [mutation] : [] };
    },
};
async function protection(client, instanceId) {
    const { DescribeInstanceAttributeCommand, DescribeInstancesCommand } = await sdk();
    const attribute = (Attribute) => client.send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute }));
    const [described, termination, shutdown, devices] = await Promise.all([
        client.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })),
        attribute('disableApiTermination'),
        attribute('instanceInitiatedShutdownBehavior'),
        attribute('blockDeviceMapping'),
    ]);
    const instance = described.Reservations?.[0]?.Instances?.[0];
    if (!instance)
        throw new Error(`${instanceId} was not found`);
    const deleteOnTermination = {};
    for (const mapping of devices.BlockDeviceMappings ?? []) {
        if (mapping.DeviceName && mapping.Ebs) {
            deleteOnTermination[mapping.DeviceName] = mapping.Ebs.DeleteOnTermination ?? false;
        }
    }
    return {
        spot: instance.InstanceLifecycle === 'spot',
        disable_api_termination: termination.DisableApiTermination?.Value ?? false,
        shutdown_behavior: shutdown.InstanceInitiatedShutdownBehavior?.Value ?? 'stop',
        delete_on_termination: deleteOnTermination,
    };
}
function protectionState(instanceId, current) {
    const devices = Object.entries(current.delete_on_termination)
        .map(([device, deleted]) => `${device} ${deleted ? 'deleted' : 'kept'}`)
        .join(', ');
    const termination = current.spot
        ? 'Spot Instance (EC2 allows it no termination protection)'
        : `termination protection ${current.disable_api_termination ? 'on' : 'off'}`;
    return `${instanceId}: ${termination}, shutdown ${current.shutdown_behavior}, volumes on termination: ${devices || 'none'}`;
}
/** The ModifyInstanceAttribute calls (one attribute each, as EC2 takes them) from `current` to `wanted`. */
function protectionMutations(client, instanceId, current, wanted) {
    const modify = (effect, change) => ({
        call: 'ec2:ModifyInstanceAttribute',
        target: instanceId,
        effect,
        apply: async () => {
            const { ModifyInstanceAttributeCommand } = await sdk();
            await client.send(new ModifyInstanceAttributeCommand({ InstanceId: instanceId, ...change }));
            return undefined;
        },
    });
    const mutations = [];
    // EC2 refuses DisableApiTermination, on or off, for a Spot Instance ("not supported for spot
    // instances"): asking would stop the run before the volumes are kept.
    if (!current.spot && current.disable_api_termination !== wanted.disable_api_termination) {
        mutations.push(modify(`termination protection → ${wanted.disable_api_termination ? 'on' : 'off'}`, {
            DisableApiTermination: { Value: wanted.disable_api_termination },
        }));
    }
    if (current.shutdown_behavior !== wanted.shutdown_behavior) {
        mutations.push(modify(`shutdown behaviour → ${wanted.shutdown_behavior}`, {
            InstanceInitiatedShutdownBehavior: { Value: wanted.shutdown_behavior },
        }));
    }
    // Only the volumes still attached: one detached since has nothing to set.
    const changed = Object.entries(wanted.delete_on_termination).filter(([device, deleted]) => device in current.delete_on_termination && current.delete_on_termination[device] !== deleted);
    if (changed.length > 0) {
        mutations.push(modify(`DeleteOnTermination → ${changed.map(([device, deleted]) => `${device} ${deleted}`).join(', ')}`, {
            BlockDeviceMappings: changed.map(([DeviceName, deleted]) => ({
                DeviceName,
                Ebs: { DeleteOnTermination: deleted },
            })),
        }));
    }
    return mutations;
}
const protectedFrom = (current) => ({
    spot: current.spot,
    disable_api_termination: true,
    shutdown_behavior: 'stop',
    delete_on_termination: Object.fromEntries(Object.keys(current.delete_on_termination).map((device) => [device, false])),
});
const protectInstance = {
    name: 'aws:ec2.protect_instance',
    describe: ({ instance_id }) => [
        { call: 'ec2:DescribeInstances', target: instance_id, effect: 'whether it is a Spot Instance' },
        {
            call: 'ec2:DescribeInstanceAttribute',
            target: instance_id,
            effect: 'record termination protection, shutdown behaviour and each volume’s DeleteOnTermination',
        },
        {
            call: 'ec2:ModifyInstanceAttribute',
            target: instance_id,
            effect: 'termination protection on (not for a Spot Instance: EC2 refuses it), shutdown → stop, ' +
                'every volume kept on termination',
        },
    ],
    async inspect({ instance_id }, context, prior) {
        const client = await ec2(context);
        const current = await protection(client, instance_id);
        const record = prior ?? { instance_id, ...current };
        return {
            state: protectionState(instance_id, current),
            record,
            mutations: protectionMutations(client, instance_id, current, protectedFrom(current)),
        };
    },
    async verify({ instance_id }, context) {
        const current = await protection(await ec2(context), instance_id);
        const ok = (current.disable_api_termination || current.spot) &&
            current.shutdown_behavior === 'stop' &&
            Object.values(current.delete_on_termination).every((deleted) => !deleted);
        return { ok, detail: protectionState(instance_id, current) };
    },
    async undo({ instance_id }, context, record) {
        const client = await ec2(context);
        const current = await protection(client, instance_id);
        return {
            state: protectionState(instance_id, current),
            record,
            mutations: protectionMutations(client, instance_id, current, record),
        };
    },
};
//# sourceMappingURL=ec2-instance.js.map

/***/ })

};
