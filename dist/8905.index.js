export const id = 8905;
export const ids = [8905];
export const modules = {

/***/ 78905:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   standbyInstance: () => (/* binding */ standbyInstance)
/* harmony export */ });
// Taking a compromised instance out of its Auto Scaling group's hands without taking it out of the group.
// An instance in Standby stays a member, but the group no longer health-checks it (so it will not terminate
// and replace the evidence) and its load balancers stop sending it traffic. Without lowering the desired
// capacity the group launches a replacement, so the service keeps its capacity while the responder works;
// lowering it launches nothing, and Auto Scaling refuses when that would go below the group's MinSize.
// Undo is ExitStandby, which always raises the desired capacity by one again — after a run that did not
// lower it, the replacement stays and the group ends one larger, as Auto Scaling itself would have it.
//
// Only an InService instance can enter Standby (Auto Scaling user guide, "Temporarily remove instances
// from your Auto Scaling group"). An instance in any other state is not refused as an error: standby
// exists to keep the evidence and let isolation go ahead, and failing here would hold isolation back for
// nothing. The state says what the group is doing with it, and verify tells whether the group can still
// replace it.
// Loaded on the first call, not with the module: describe() and the plan need no SDK.
const sdk = () => Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(8932)]).then(__webpack_require__.t.bind(__webpack_require__, 48932, 19));
// EnteringStandby is Standby on its way (the group's lifecycle hooks run first): the effect is under way.
const IN_STANDBY = new Set(['Standby', 'EnteringStandby']);
// Leaving the group: once detached the group neither health-checks nor replaces it, as in Standby.
const LEAVING = new Set(['Detaching', 'Detached']);
/** Why an instance in this state cannot be moved to Standby now, and what that means for the evidence. */
function cannotEnterStandby(lifecycleState) {
    if (lifecycleState.startsWith('Pending') || lifecycleState === 'Quarantined') {
        return 'it is not in service yet, and only an InService instance can enter Standby: run the step again once it is';
    }
    if (lifecycleState.startsWith('Terminating') || lifecycleState === 'Terminated') {
        return 'the group is terminating it, and Standby can no longer stop that: snapshots are the evidence that stays';
    }
    if (lifecycleState.startsWith('Warmed')) {
        return 'it is in the warm pool, out of service, and only an InService instance can enter Standby';
    }
    return 'only an InService instance can enter Standby';
}
const autoscaling = async (context) => context.clients.aws((await sdk()).AutoScalingClient, context.aws);
async function membershipOf(client, instanceId) {
    const { DescribeAutoScalingInstancesCommand } = await sdk();
    const { AutoScalingInstances } = await client.send(new DescribeAutoScalingInstancesCommand({ InstanceIds: [instanceId] }));
    const found = AutoScalingInstances?.find((instance) => instance.InstanceId === instanceId);
    if (!found?.AutoScalingGroupName)
        return null;
    return { groupName: found.AutoScalingGroupName, lifecycleState: found.LifecycleState ?? 'Unknown' };
}
function stateOf(instanceId, membership) {
    if (!membership)
        return `${instanceId} is in no Auto Scaling group`;
    const { lifecycleState, groupName } = membership;
    const where = `${instanceId} is ${lifecycleState} in Auto Scaling group ${groupName}`;
    if (lifecycleState === 'InService' || IN_STANDBY.has(lifecycleState))
        return where;
    if (LEAVING.has(lifecycleState))
        return `${where}: it is leaving the group, which will not replace it`;
    return `${where}: ${cannotEnterStandby(lifecycleState)}`;
}
function capacityEffect(decrement) {
    return decrement
        ? 'desired capacity lowered by one, no replacement launched'
        : 'desired capacity kept, the group launches a replacement';
}
const standbyInstance = {
    name: 'aws:autoscaling.standby',
    describe: ({ instance_id, decrement_desired_capacity = false }) => [
        {
            call: 'autoscaling:DescribeAutoScalingInstances',
            target: instance_id,
            effect: 'read its Auto Scaling group and lifecycle state',
        },
        {
            call: 'autoscaling:EnterStandby',
            target: instance_id,
            effect: `InService → Standby in its group (if it has one); ${capacityEffect(decrement_desired_capacity)}`,
        },
    ],
    async inspect({ instance_id, decrement_desired_capacity = false }, context, prior) {
        const client = await autoscaling(context);
        const membership = await membershipOf(client, instance_id);
        const state = stateOf(instance_id, membership);
        const record = prior ?? {
            instance_id,
            group_name: membership?.groupName ?? null,
            previous_state: membership?.lifecycleState ?? null,
            decremented: decrement_desired_capacity,
        };
        if (membership?.lifecycleState !== 'InService')
            return { state, record, mutations: [] };
        const { groupName } = membership;
        return {
            state,
            record,
            mutations: [
                {
                    call: 'autoscaling:EnterStandby',
                    target: instance_id,
                    effect: `InService → Standby in ${groupName}; ${capacityEffect(record.decremented)}`,
                    apply: async () => {
                        const { EnterStandbyCommand } = await sdk();
                        await client.send(new EnterStandbyCommand({
                            AutoScalingGroupName: groupName,
                            InstanceIds: [instance_id],
                            ShouldDecrementDesiredCapacity: record.decremented,
                        }));
                        return undefined;
                    },
                },
            ],
        };
    },
    async verify({ instance_id }, context, record) {
        const membership = await membershipOf(await autoscaling(context), instance_id);
        if (record.group_name === null && membership === null) {
            return { ok: true, detail: `${instance_id} is in no Auto Scaling group: no group can replace it` };
        }
        return {
            ok: membership !== null &&
                (IN_STANDBY.has(membership.lifecycleState) || LEAVING.has(membership.lifecycleState)),
            detail: stateOf(instance_id, membership),
        };
    },
    async undo({ instance_id }, context, record) {
        const client = await autoscaling(context);
        const membership = await membershipOf(client, instance_id);
        const state = stateOf(instance_id, membership);
        // A Standby someone else set before this run is theirs to end; so is an instance already back.
        if (record.previous_state !== 'InService' || membership?.lifecycleState !== 'Standby') {
            return { state, record, mutations: [] };
        }
        const { groupName } = membership;
        return {
            state,
            record,
            mutations: [
                {
                    call: 'autoscaling:ExitStandby',
                    target: instance_id,
                    effect: `Standby → InService in ${groupName}; desired capacity raised by one`,
                    apply: async () => {
                        const { ExitStandbyCommand } = await sdk();
                        await client.send(new ExitStandbyCommand({ AutoScalingGroupName: groupName, InstanceIds: [instance_id] }));
                        return undefined;
                    },
                },
            ],
        };
    },
};
//# sourceMappingURL=autoscaling.js.map

/***/ })

};
