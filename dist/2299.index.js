export const id = 2299;
export const ids = [2299];
export const modules = {

/***/ 72299:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   blockPublicAccess: () => (/* binding */ blockPublicAccess)
/* harmony export */ });
// Closing a bucket to the world the way AWS's S3 exposure guidance does: turn on all four of the bucket's
// Block Public Access settings. IgnorePublicAcls silences public ACLs and RestrictPublicBuckets silences a
// public bucket policy, both without rewriting them, so the evidence of how the bucket was opened stays in
// place for the investigation; the two Block settings stop it being opened again. Account-level settings
// can only add to these, so the bucket's own four decide. Every call names the account the event came
// from as the expected bucket owner: a same-named bucket elsewhere is refused, never changed.
// Loaded on the first call, not with the module: describe() and the plan need no SDK.
const sdk = () => Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(3711)]).then(__webpack_require__.t.bind(__webpack_require__, 53711, 19));
const ALL_BLOCKED = {
    BlockPublicAcls: true,
    IgnorePublicAcls: true,
    BlockPublicPolicy: true,
    RestrictPublicBuckets: true,
};
const SETTING_NAMES = [
    'BlockPublicAcls',
    'IgnorePublicAcls',
    'BlockPublicPolicy',
    'RestrictPublicBuckets',
];
const s3 = async (context) => context.clients.aws((await sdk()).S3Client, context.aws);
/** The event's account as the bucket's expected owner, when the event names one. */
const owner = (context) => context.aws.account === undefined ? {} : { ExpectedBucketOwner: context.aws.account };
/** S3 words its NoSuch… refusals as error names; the SDK models none of them for these operations. */
function isRefusal(error, name) {
    return error instanceof Error && error.name === name;
}
/** The bucket's configuration, or null when it has none. */
async function readSettings(client, bucket, context) {
    const { GetPublicAccessBlockCommand } = await sdk();
    try {
        const { PublicAccessBlockConfiguration: found } = await client.send(new GetPublicAccessBlockCommand({ Bucket: bucket, ...owner(context) }));
        // A setting S3 leaves out of its answer is off.
        return {
            BlockPublicAcls: found?.BlockPublicAcls ?? false,
            IgnorePublicAcls: found?.IgnorePublicAcls ?? false,
            BlockPublicPolicy: found?.BlockPublicPolicy ?? false,
            RestrictPublicBuckets: found?.RestrictPublicBuckets ?? false,
        };
    }
    catch (error) {
        if (isRefusal(error, 'NoSuchPublicAccessBlockConfiguration'))
            return null;
        throw error;
    }
}
/** Whether the bucket policy grants public access (regardless of the settings), or null without a policy. */
async function readPolicyIsPublic(client, bucket, context) {
    const { GetBucketPolicyStatusCommand } = await sdk();
    try {
        const { PolicyStatus } = await client.send(new GetBucketPolicyStatusCommand({ Bucket: bucket, ...owner(context) }));
        return PolicyStatus?.IsPublic ?? false;
    }
    catch (error) {
        if (isRefusal(error, 'NoSuchBucketPolicy'))
            return null;
        throw error;
    }
}
const allBlocked = (settings) => settings !== null && SETTING_NAMES.every((name) => settings[name]);
const sameSettings = (a, b) => a === null || b === null ? a === b : SETTING_NAMES.every((name) => a[name] === b[name]);
function describeSettings(settings) {
    if (settings === null)
        return 'no Block Public Access configuration';
    if (allBlocked(settings))
        return 'all four Block Public Access settings on';
    const on = SETTING_NAMES.filter((name) => settings[name]);
    return on.length === 0 ? 'every Block Public Access setting off' : `only ${on.join(', ')} on`;
}
function describePolicy(policyIsPublic, settings) {
    if (policyIsPublic === null)
        return 'no bucket policy';
    if (!policyIsPublic)
        return 'bucket policy not public';
    return settings?.RestrictPublicBuckets
        ? 'bucket policy public, restricted by RestrictPublicBuckets'
        : 'bucket policy public';
}
async function stateOf(client, bucket, context) {
    const settings = await readSettings(client, bucket, context);
    const policyIsPublic = await readPolicyIsPublic(client, bucket, context);
    return {
        settings,
        line: `${bucket}: ${describeSettings(settings)}; ${describePolicy(policyIsPublic, settings)}`,
    };
}
function putSettings(client, bucket, context, settings, effect) {
    return {
        call: 's3:PutBucketPublicAccessBlock',
        target: bucket,
        effect,
        apply: async () => {
            const { PutPublicAccessBlockCommand } = await sdk();
            await client.send(new PutPublicAccessBlockCommand({
                Bucket: bucket,
                ...owner(context),
                PublicAccessBlockConfiguration: {
                    BlockPublicAcls: settings.BlockPublicAcls,
                    IgnorePublicAcls: settings.IgnorePublicAcls,
                    BlockPublicPolicy: settings.BlockPublicPolicy,
                    RestrictPublicBuckets: settings.RestrictPublicBuckets,
                },
            }));
            return undefined;
        },
    };
}
const blockPublicAccess = {
    name: 'aws:s3.block_public_access',
    describe: ({ bucket }) => [
        {
            call: 's3:GetBucketPublicAccessBlock',
            target: bucket,
            effect: 'read the Block Public Access settings',
        },
        { call: 's3:GetBucketPolicyStatus', target: bucket, effect: 'read whether the bucket policy is public' },
        {
            call: 's3:PutBucketPublicAccessBlock',
            target: bucket,
            effect: 'all four Block Public Access settings on (policy and ACLs kept, no longer in effect)',
        },
    ],
    async inspect({ bucket }, context, prior) {
        const client = await s3(context);
        const { settings, line } = await stateOf(client, bucket, context);
        const record = prior ?? { bucket, previous: settings };
        if (allBlocked(settings))
            return { state: line, record, mutations: [] };
        return {
            state: line,
            record,
            mutations: [
                putSettings(client, bucket, context, ALL_BLOCKED, `${describeSettings(settings)} → all four Block Public Access settings on`),
            ],
        };
    },
    async verify({ bucket }, context) {
        const { settings, line } = await stateOf(await s3(context), bucket, context);
        return { ok: allBlocked(settings), detail: line };
    },
    async undo({ bucket }, context, record) {
        const client = await s3(context);
        const { settings, line } = await stateOf(client, bucket, context);
        // Only the configuration this run wrote is taken back: one changed since is someone's decision.
        if (!allBlocked(settings) || sameSettings(settings, record.previous)) {
            return { state: line, record, mutations: [] };
        }
        const previous = record.previous;
        const mutation = previous === null
            ? {
                // DeletePublicAccessBlock is authorised by the Put permission.
                call: 's3:PutBucketPublicAccessBlock',
                target: bucket,
                effect: 'remove the Block Public Access configuration (DeletePublicAccessBlock), as before the run',
                apply: async () => {
                    const { DeletePublicAccessBlockCommand } = await sdk();
                    await client.send(new DeletePublicAccessBlockCommand({ Bucket: bucket, ...owner(context) }));
                    return undefined;
                },
            }
            : putSettings(client, bucket, context, previous, `put back ${describeSettings(previous)}`);
        return { state: line, record, mutations: [mutation] };
    },
};
//# sourceMappingURL=s3.js.map

/***/ })

};
