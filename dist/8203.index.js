export const id = 8203;
export const ids = [8203];
export const modules = {

/***/ 98203:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ISOLATION_GROUP_NAME: () => (/* binding */ ISOLATION_GROUP_NAME),
/* harmony export */   OPEN_GROUP_NAME: () => (/* binding */ OPEN_GROUP_NAME),
/* harmony export */   isolateInstance: () => (/* binding */ isolateInstance)
/* harmony export */ });
// Network isolation of an instance, in the order AWSSupport-ContainEC2Instance uses — and the order
// matters. Security groups track connections: swapping an interface straight to a no-rules group leaves
// every connection already established (the attacker's shell) open. So each interface first gets a group
// allowing all traffic in and out from anywhere, under which connections are untracked, and only then the
// group with no rules at all, which cuts every untracked flow at once. The two groups are created once per
// VPC, found again by name, and tagged; what each interface had before is recorded and restored by undo.
// Loaded on the first call, not with the module: describe() and the plan need no SDK.
const sdk = () => Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(5193)]).then(__webpack_require__.t.bind(__webpack_require__, 35193, 19));
/** Allows everything both ways: connections under it are untracked, so the next swap cuts them. */
const OPEN_GROUP_NAME = 'irac-isolation-untrack';
/** No inbound and no outbound rule: nothing gets in or out. */
const ISOLATION_GROUP_NAME = 'irac-isolation';
const ALL_TRAFFIC = [
    { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
];
const ec2 = async (context) => context.clients.aws((await sdk()).EC2Client, context.aws);
async function instanceVpc(client, instanceId) {
    const { DescribeInstancesCommand } = await sdk();
    const { Reservations } = await client.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const vpcId = Reservations?.[0]?.Instances?.[0]?.VpcId;
    if (!vpcId)
        throw new Error(`${instanceId} is not in a VPC: there are no security groups to isolate it with`);
    return vpcId;
}
/** Every interface attached to the instance (not only the primary) with its groups, by device index. */
async function interfacesOf(client, instanceId) {
    const { paginateDescribeNetworkInterfaces } = await sdk();
    const found = [];
    const pages = paginateDescribeNetworkInterfaces({ client }, { Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }] });
    for await (const page of pages) {
        for (const eni of page.NetworkInterfaces ?? []) {
            if (!eni.NetworkInterfaceId)
                continue;
            found.push({
                id: eni.NetworkInterfaceId,
                index: eni.Attachment?.DeviceIndex ?? 0,
                groups: (eni.Groups ?? []).flatMap((group) => (group.GroupId ? [group.GroupId] : [])),
            });
        }
    }
    if (found.length === 0)
        throw new Error(`${instanceId} has no network interface`);
    return new Map(found.sort((a, b) => a.index - b.index).map((eni) => [eni.id, eni.groups]));
}
async function groupNamed(client, vpcId, name) {
    const { DescribeSecurityGroupsCommand } = await sdk();
    const { SecurityGroups } = await client.send(new DescribeSecurityGroupsCommand({
        Filters: [
            { Name: 'vpc-id', Values: [vpcId] },
            { Name: 'group-name', Values: [name] },
        ],
    }));
    return SecurityGroups?.[0];
}
const allowsAll = (rules) => {
    const all = (rules ?? []).filter((rule) => rule.IpProtocol === '-1');
    return {
        v4: all.some((rule) => rule.IpRanges?.some((range) => range.CidrIp === '0.0.0.0/0')),
        v6: all.some((rule) => rule.Ipv6Ranges?.some((range) => range.CidrIpv6 === '::/0')),
    };
};
/** The all-traffic rules a group still lacks, given what it allows: EC2 refuses a rule it already has. */
const missingAllTraffic = (allowed) => ALL_TRAFFIC.map((rule) => ({
    ...rule,
    IpRanges: allowed.v4 ? [] : rule.IpRanges,
    Ipv6Ranges: allowed.v6 ? [] : rule.Ipv6Ranges,
}));
const isClosed = (group) => (group.IpPermissions?.length ?? 0) === 0 && (group.IpPermissionsEgress?.length ?? 0) === 0;
const sameGroups = (a, b) => a !== undefined && a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);
function groupMutations(client, context, vpcId, open, isolation, ids, 
/** False when every interface is already isolated: only the isolation group needs closing again. */
needOpen) {
    const mutations = [];
    const create = (name, description, assign) => ({
        call: 'ec2:CreateSecurityGroup',
        target: vpcId,
        effect: `create ${name}, tagged irac:purpose`,
        apply: async () => {
            const { CreateSecurityGroupCommand } = await sdk();
            const { GroupId } = await client.send(new CreateSecurityGroupCommand({
                VpcId: vpcId,
                GroupName: name,
                Description: description,
                TagSpecifications: [
                    {
                        ResourceType: 'security-group',
                        Tags: [
                            { Key: 'irac:purpose', Value: name },
                            { Key: 'irac:created-by', Value: context.incidentId },
                        ],
                    },
                ],
            }));
            if (!GroupId)
                throw new Error(`CreateSecurityGroup returned no group id for ${name}`);
            assign(GroupId);
            return undefined;
        },
    });
    const groupId = (which) => {
        const id = ids[which];
        if (!id)
            throw new Error(`the ${which} isolation group was not created`);
        return id;
    };
    if (!open && needOpen) {
        mutations.push(create(OPEN_GROUP_NAME, 'irac isolation, step 1: all traffic, so existing connections become untracked', (id) => {
            ids.open = id;
        }));
    }
    const openIngress = allowsAll(open?.IpPermissions);
    if (needOpen && (!openIngress.v4 || !openIngress.v6)) {
        mutations.push({
            call: 'ec2:AuthorizeSecurityGroupIngress',
            target: open?.GroupId ?? OPEN_GROUP_NAME,
            effect: 'allow all traffic in from 0.0.0.0/0 and ::/0',
            apply: async () => {
                const { AuthorizeSecurityGroupIngressCommand } = await sdk();
                await client.send(new AuthorizeSecurityGroupIngressCommand({
                    GroupId: groupId('open'),
                    IpPermissions: missingAllTraffic(openIngress),
                }));
                return undefined;
            },
        });
    }
    // A new group allows all IPv4 egress by default, not IPv6.
    const openEgress = open ? allowsAll(open.IpPermissionsEgress) : { v4: true, v6: false };
    if (needOpen && (!openEgress.v4 || !openEgress.v6)) {
        mutations.push({
            call: 'ec2:AuthorizeSecurityGroupEgress',
            target: open?.GroupId ?? OPEN_GROUP_NAME,
            effect: 'allow all traffic out to 0.0.0.0/0 and ::/0',
            apply: async () => {
                const { AuthorizeSecurityGroupEgressCommand } = await sdk();
                await client.send(new AuthorizeSecurityGroupEgressCommand({
                    GroupId: groupId('open'),
                    IpPermissions: missingAllTraffic(openEgress),
                }));
                return undefined;
            },
        });
    }
    if (!isolation) {
        mutations.push(create(ISOLATION_GROUP_NAME, 'irac isolation, step 2: no rules, no traffic', (id) => {
            ids.isolation = id;
        }));
    }
    if (isolation?.IpPermissions?.length) {
        const rules = isolation.IpPermissions;
        mutations.push({
            call: 'ec2:RevokeSecurityGroupIngress',
            target: isolation.GroupId ?? ISOLATION_GROUP_NAME,
            effect: 'remove every inbound rule someone added',
            apply: async () => {
                const { RevokeSecurityGroupIngressCommand } = await sdk();
                await client.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId('isolation'), IpPermissions: rules }));
                return undefined;
            },
        });
    }
    // A new group comes with the default allow-all egress rule, which must go.
    const egress = isolation
        ? (isolation.IpPermissionsEgress ?? [])
        : [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
    if (egress.length > 0) {
        mutations.push({
            call: 'ec2:RevokeSecurityGroupEgress',
            target: isolation?.GroupId ?? ISOLATION_GROUP_NAME,
            effect: 'remove every outbound rule',
            apply: async () => {
                const { RevokeSecurityGroupEgressCommand } = await sdk();
                await client.send(new RevokeSecurityGroupEgressCommand({ GroupId: groupId('isolation'), IpPermissions: egress }));
                return undefined;
            },
        });
    }
    return mutations;
}
function setGroups(client, eniId, groups, effect) {
    return {
        call: 'ec2:ModifyNetworkInterfaceAttribute',
        target: eniId,
        effect,
        apply: async () => {
            const { ModifyNetworkInterfaceAttributeCommand } = await sdk();
            await client.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, Groups: groups() }));
            return undefined;
        },
    };
}
const describeGroups = (interfaces) => [...interfaces].map(([id, groups]) => `${id}: [${groups.join(', ')}]`).join('; ');
const isolateInstance = {
    name: 'aws:ec2.isolate_instance',
    describe: ({ instance_id }) => [
        { call: 'ec2:DescribeInstances', target: instance_id, effect: 'find its VPC' },
        {
            call: 'ec2:DescribeNetworkInterfaces',
            target: instance_id,
            effect: "record every interface's security groups",
        },
        {
            call: 'ec2:DescribeSecurityGroups',
            target: instance_id,
            effect: `find ${OPEN_GROUP_NAME} and ${ISOLATION_GROUP_NAME} in the VPC`,
        },
        {
            call: 'ec2:CreateSecurityGroup',
            target: instance_id,
            effect: `create whichever of the two groups the VPC lacks (all traffic; no rules), tagged`,
        },
        {
            call: 'ec2:ModifyNetworkInterfaceAttribute',
            target: instance_id,
            effect: `each interface → ${OPEN_GROUP_NAME} (connections become untracked), then → ${ISOLATION_GROUP_NAME} (all traffic cut)`,
        },
    ],
    async inspect({ instance_id }, context, prior) {
        const client = await ec2(context);
        const vpcId = prior?.vpc_id ?? (await instanceVpc(client, instance_id));
        const interfaces = await interfacesOf(client, instance_id);
        const [open, isolation] = await Promise.all([
            groupNamed(client, vpcId, OPEN_GROUP_NAME),
            groupNamed(client, vpcId, ISOLATION_GROUP_NAME),
        ]);
        const ids = {
            ...(open?.GroupId ? { open: open.GroupId } : {}),
            ...(isolation?.GroupId ? { isolation: isolation.GroupId } : {}),
        };
        const isolated = (groups) => ids.isolation !== undefined && sameGroups(groups, [ids.isolation]);
        const pending = [...interfaces].filter(([, groups]) => !isolated(groups));
        // The groups an interface had before: as an interrupted run recorded them, else as they are now.
        const original = {};
        for (const [eniId, groups] of interfaces) {
            original[eniId] = prior?.interfaces[eniId] ?? groups;
        }
        const record = { instance_id, vpc_id: vpcId, interfaces: original };
        // Rules added to the isolation group since (by a person, or by whoever holds the instance) open
        // every interface already in it: a second run closes the group again rather than trusting it.
        const opened = isolation !== undefined && !isClosed(isolation);
        const state = `${describeGroups(interfaces)}${opened ? `; ${ISOLATION_GROUP_NAME} has rules` : ''}`;
        if (pending.length === 0 && !opened)
            return { state, record, mutations: [] };
        const mutations = groupMutations(client, context, vpcId, open, isolation, ids, pending.length > 0);
        for (const [eniId, groups] of pending) {
            // An interface an interrupted run already moved to the open group skips straight to the second step.
            if (!(ids.open !== undefined && sameGroups(groups, [ids.open]))) {
                mutations.push(setGroups(client, eniId, () => [ids.open ?? ''], `[${groups.join(', ')}] → ${OPEN_GROUP_NAME}`));
            }
            mutations.push(setGroups(client, eniId, () => [ids.isolation ?? ''], `${OPEN_GROUP_NAME} → ${ISOLATION_GROUP_NAME}`));
        }
        return { state, record, mutations };
    },
    async verify({ instance_id }, context, record) {
        const client = await ec2(context);
        const isolation = await groupNamed(client, record.vpc_id, ISOLATION_GROUP_NAME);
        const interfaces = await interfacesOf(client, instance_id);
        const closed = isolation === undefined || isClosed(isolation);
        const ok = isolation?.GroupId !== undefined &&
            closed &&
            [...interfaces.values()].every((groups) => sameGroups(groups, [isolation.GroupId ?? '']));
        return {
            ok,
            detail: `${describeGroups(interfaces)}${isolation && !closed ? `; ${ISOLATION_GROUP_NAME} has rules` : ''}`,
        };
    },
    async undo({ instance_id }, context, record) {
        const client = await ec2(context);
        const interfaces = await interfacesOf(client, instance_id);
        const [open, isolation] = await Promise.all([
            groupNamed(client, record.vpc_id, OPEN_GROUP_NAME),
            groupNamed(client, record.vpc_id, ISOLATION_GROUP_NAME),
        ]);
        const ours = [open?.GroupId, isolation?.GroupId].filter((id) => id !== undefined);
        const inOurGroup = (groups) => ours.some((id) => sameGroups(groups, [id]));
        // Only an interface still in one of irac's groups is put back: one someone has moved since is theirs.
        // And never into the all-traffic group: a run that started on a half-isolated instance recorded it
        // as the "original", and restoring it would open the instance to the whole Internet.
        const mutations = Object.entries(record.interfaces)
            .filter(([eniId, groups]) => inOurGroup(interfaces.get(eniId)) &&
            !sameGroups(interfaces.get(eniId), groups) &&
            !(open?.GroupId !== undefined && groups.includes(open.GroupId)))
            .map(([eniId, groups]) => setGroups(client, eniId, () => groups, `[${(interfaces.get(eniId) ?? []).join(', ')}] → [${groups.join(', ')}]`));
        return { state: describeGroups(interfaces), record, mutations };
    },
};
//# sourceMappingURL=ec2-isolate.js.map

/***/ })

};
