export const id = 7281;
export const ids = [7281];
export const modules = {

/***/ 77281:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   INCIDENT_TAG: () => (/* binding */ INCIDENT_TAG),
/* harmony export */   snapshotInstance: () => (/* binding */ snapshotInstance),
/* harmony export */   tagResource: () => (/* binding */ tagResource)
/* harmony export */ });
// Preserving and marking evidence before anything else touches an instance: crash-consistent snapshots of
// every attached volume, tagged with the incident (never deleted by irac: evidence has no undo), and tags
// that tell the next responder — and automation that would "fix" the instance — that it is under
// investigation.
// Loaded on the first call, not with the module: describe() and the plan need no SDK.
const sdk = () => Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(5193)]).then(__webpack_require__.t.bind(__webpack_require__, 35193, 19));
const ec2 = async (context) => context.clients.aws((await sdk()).EC2Client, context.aws);
/** The tag every irac snapshot carries, with the incident id as its value. */
const INCIDENT_TAG = 'irac:incident';
async function attachedVolumes(client, instanceId) {
    const { DescribeInstancesCommand } = await sdk();
    const { Reservations } = await client.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const instance = Reservations?.[0]?.Instances?.[0];
    if (!instance)
        throw new Error(`${instanceId} was not found`);
    const volumes = (instance.BlockDeviceMappings ?? []).flatMap((mapping) => mapping.Ebs?.VolumeId
        ? [{ volumeId: mapping.Ebs.VolumeId, boot: mapping.DeviceName === instance.RootDeviceName }]
        : []);
    return { volumes };
}
async function incidentSnapshots(client, incidentId, volumeIds) {
    const { paginateDescribeSnapshots } = await sdk();
    const found = { good: new Map(), failed: new Set() };
    if (volumeIds.length === 0)
        return found;
    const pages = paginateDescribeSnapshots({ client }, {
        OwnerIds: ['self'],
        Filters: [
            { Name: `tag:${INCIDENT_TAG}`, Values: [incidentId] },
            { Name: 'volume-id', Values: [...volumeIds] },
        ],
    });
    for await (const page of pages) {
        for (const { VolumeId, SnapshotId, State } of page.Snapshots ?? []) {
            if (!VolumeId || !SnapshotId)
                continue;
            if (State === 'error') {
                found.failed.add(SnapshotId);
                continue;
            }
            found.good.set(VolumeId, [...(found.good.get(VolumeId) ?? []), SnapshotId]);
        }
    }
    return found;
}
/** The instance's volumes, and this incident's snapshots of them. */
async function evidenceOf(client, incidentId, instanceId) {
    const { volumes } = await attachedVolumes(client, instanceId);
    const snapshots = await incidentSnapshots(client, incidentId, volumes.map((volume) => volume.volumeId));
    return { volumes, ...snapshots };
}
const listSnapshots = (snapshots) => [...snapshots].map(([volume, snapshot]) => `${volume} → ${snapshot}`).join(', ');
const snapshotInstance = {
    name: 'aws:ec2.snapshot_instance',
    describe: ({ instance_id }, { incidentId }) => [
        { call: 'ec2:DescribeInstances', target: instance_id, effect: 'list the attached EBS volumes' },
        {
            call: 'ec2:DescribeSnapshots',
            target: instance_id,
            effect: `find snapshots already tagged ${INCIDENT_TAG}=${incidentId}`,
        },
        {
            call: 'ec2:CreateSnapshots',
            target: instance_id,
            effect: `crash-consistent snapshots of every volume not yet taken, tagged ${INCIDENT_TAG}=${incidentId}`,
        },
    ],
    async inspect({ instance_id }, context, prior) {
        const client = await ec2(context);
        const { volumes, good, failed } = await evidenceOf(client, context.incidentId, instance_id);
        // Per volume, the snapshot a resumed run recorded while it is still good, else the first good one.
        // A recorded snapshot DescribeSnapshots does not list yet still counts (EC2 is eventually
        // consistent); one it lists as failed never does, and the volume is taken again.
        const taken = new Map();
        for (const [volume, snapshots] of good)
            taken.set(volume, snapshots[0]);
        for (const [volume, snapshot] of Object.entries(prior?.snapshots ?? {})) {
            const listed = good.get(volume) ?? [];
            if (!failed.has(snapshot) && (listed.length === 0 || listed.includes(snapshot))) {
                taken.set(volume, snapshot);
            }
        }
        const record = { instance_id, snapshots: Object.fromEntries(taken) };
        const missing = volumes.filter((volume) => !taken.has(volume.volumeId));
        const state = taken.size === 0
            ? `${instance_id}: ${volumes.length} volume(s), none snapshotted for ${context.incidentId}`
            : `${instance_id}: ${listSnapshots(taken)}`;
        if (missing.length === 0)
            return { state, record, mutations: [] };
        const excludeBoot = !missing.some((volume) => volume.boot);
        const excludeData = volumes
            .filter((volume) => !volume.boot && taken.has(volume.volumeId))
            .map((volume) => volume.volumeId);
        return {
            state,
            record,
            mutations: [
                {
                    call: 'ec2:CreateSnapshots',
                    target: instance_id,
                    effect: `snapshot ${missing.map((volume) => volume.volumeId).join(', ')}, tagged ${INCIDENT_TAG}=${context.incidentId}`,
                    apply: async () => {
                        const { CreateSnapshotsCommand } = await sdk();
                        const { Snapshots } = await client.send(new CreateSnapshotsCommand({
                            InstanceSpecification: {
                                InstanceId: instance_id,
                                ExcludeBootVolume: excludeBoot,
                                ...(excludeData.length > 0 ? { ExcludeDataVolumeIds: excludeData } : {}),
                            },
                            Description: `irac ${context.incidentId}: evidence of ${instance_id}`,
                            TagSpecifications: [
                                {
                                    ResourceType: 'snapshot',
                                    Tags: [
                                        { Key: INCIDENT_TAG, Value: context.incidentId },
                                        { Key: 'irac:instance', Value: instance_id },
                                        { Key: 'Name', Value: `${context.incidentId} ${instance_id}` },
                                    ],
                                },
                            ],
                        }));
                        const snapshots = { ...record.snapshots };
                        for (const snapshot of Snapshots ?? []) {
                            if (snapshot.VolumeId && snapshot.SnapshotId)
                                snapshots[snapshot.VolumeId] = snapshot.SnapshotId;
                        }
                        return { instance_id, snapshots };
                    },
                },
            ],
        };
    },
    async verify({ instance_id }, context, record) {
        const { volumes, good, failed } = await evidenceOf(await ec2(context), context.incidentId, instance_id);
        // The recorded snapshot must be among the volume's good ones: a second incident snapshot of the same
        // volume (a retried CreateSnapshots) may be listed first, and a failed one is no evidence.
        const recorded = (volumeId) => {
            const snapshot = Object.hasOwn(record.snapshots, volumeId) ? record.snapshots[volumeId] : undefined;
            return snapshot !== undefined && (good.get(volumeId) ?? []).includes(snapshot) ? snapshot : undefined;
        };
        const missing = volumes.filter((volume) => recorded(volume.volumeId) === undefined);
        const failedRecorded = Object.values(record.snapshots).filter((snapshot) => failed.has(snapshot));
        const held = new Map(volumes.map((volume) => [volume.volumeId, recorded(volume.volumeId) ?? '']));
        return {
            ok: volumes.length > 0 && missing.length === 0,
            detail: missing.length
                ? `no good ${context.incidentId} snapshot recorded for ${missing.map((volume) => volume.volumeId).join(', ')}` +
                    (failedRecorded.length ? ` (failed: ${failedRecorded.join(', ')})` : '')
                : `${instance_id}: ${listSnapshots(held)}`,
        };
    },
    // Evidence is never deleted by the tool that took it.
    undo: null,
};
async function tagsOf(client, resourceId) {
    const { paginateDescribeTags } = await sdk();
    const tags = new Map();
    const pages = paginateDescribeTags({ client }, { Filters: [{ Name: 'resource-id', Values: [resourceId] }] });
    for await (const page of pages) {
        for (const tag of page.Tags ?? []) {
            if (tag.Key !== undefined)
                tags.set(tag.Key, tag.Value ?? '');
        }
    }
    return tags;
}
const listTags = (tags) => {
    const entries = tags instanceof Map ? [...tags] : Object.entries(tags);
    return entries.length === 0 ? 'no tags' : entries.map(([key, value]) => `${key}=${value}`).join(', ');
};
const tagResource = {
    name: 'aws:ec2.tag_resource',
    describe: ({ resource_id, tags }) => [
        { call: 'ec2:DescribeTags', target: resource_id, effect: 'read its tags' },
        { call: 'ec2:CreateTags', target: resource_id, effect: listTags(tags) },
    ],
    async inspect({ resource_id, tags }, context, prior) {
        const client = await ec2(context);
        const current = await tagsOf(client, resource_id);
        const changed = Object.entries(tags).filter(([key, value]) => current.get(key) !== value);
        const previous = { ...(prior?.previous ?? {}) };
        for (const [key] of changed) {
            if (!Object.hasOwn(previous, key))
                previous[key] = current.get(key) ?? null;
        }
        const record = { resource_id, previous };
        const state = `${resource_id}: ${listTags(current)}`;
        if (changed.length === 0)
            return { state, record, mutations: [] };
        return {
            state,
            record,
            mutations: [
                {
                    call: 'ec2:CreateTags',
                    target: resource_id,
                    effect: listTags(Object.fromEntries(changed)),
                    apply: async () => {
                        const { CreateTagsCommand } = await sdk();
                        await client.send(new CreateTagsCommand({
                            Resources: [resource_id],
                            Tags: changed.map(([Key, Value]) => ({ Key, Value })),
                        }));
                        return undefined;
                    },
                },
            ],
        };
    },
    async verify({ resource_id, tags }, context) {
        const current = await tagsOf(await ec2(context), resource_id);
        const wrong = Object.entries(tags).filter(([key, value]) => current.get(key) !== value);
        return {
            ok: wrong.length === 0,
            detail: wrong.length
                ? `missing or different: ${wrong.map(([key]) => key).join(', ')}`
                : `${resource_id}: ${listTags(current)}`,
        };
    },
    async undo({ resource_id, tags }, context, record) {
        const client = await ec2(context);
        const current = await tagsOf(client, resource_id);
        // Only tags still holding the value this run set go back; a tag changed since belongs to someone else.
        const ours = Object.entries(record.previous).filter(([key]) => Object.hasOwn(tags, key) && current.get(key) === tags[key]);
        const restore = ours.flatMap(([key, value]) => (value === null ? [] : [{ Key: key, Value: value }]));
        const remove = ours.flatMap(([key, value]) => (value === null ? [{ Key: key }] : []));
        const state = `${resource_id}: ${listTags(current)}`;
        return {
            state,
            record,
            mutations: [
                ...(restore.length
                    ? [
                        {
                            call: 'ec2:CreateTags',
                            target: resource_id,
                            effect: `put back ${restore.map((tag) => `${tag.Key}=${tag.Value}`).join(', ')}`,
                            apply: async () => {
                                const { CreateTagsCommand } = await sdk();
                                await client.send(new CreateTagsCommand({ Resources: [resource_id], Tags: restore }));
                                return undefined;
                            },
                        },
                    ]
                    : []),
                ...(remove.length
                    ? [
                        {
                            call: 'ec2:DeleteTags',
                            target: resource_id,
                            effect: `remove ${remove.map((tag) => tag.Key).join(', ')}`,
                            apply: async () => {
                                const { DeleteTagsCommand } = await sdk();
                                await client.send(new DeleteTagsCommand({ Resources: [resource_id], Tags: remove }));
                                return undefined;
                            },
                        },
                    ]
                    : []),
            ],
        };
    },
};
//# sourceMappingURL=ec2-evidence.js.map

/***/ })

};
