// Closing a bucket to the world the way AWS's S3 exposure guidance does: turn on all four of the bucket's
// Block Public Access settings. IgnorePublicAcls silences public ACLs and RestrictPublicBuckets silences a
// public bucket policy, both without rewriting them, so the evidence of how the bucket was opened stays in
// place for the investigation; the two Block settings stop it being opened again. Account-level settings
// can only add to these, so the bucket's own four decide. Every call names the account the event came
// from as the expected bucket owner: a same-named bucket elsewhere is refused, never changed.

import type { S3Client } from '@aws-sdk/client-s3';
import type { ActionContext, ConnectorAction, Mutation } from '../action.js';

// Loaded on the first call, not with the module: describe() and the plan need no SDK.
const sdk = () => import('@aws-sdk/client-s3');

export interface BlockPublicAccessParams {
  readonly bucket: string;
}

/** A bucket's Block Public Access configuration, in S3's own names. */
export interface PublicAccessSettings {
  readonly [key: string]: boolean;
  readonly BlockPublicAcls: boolean;
  readonly IgnorePublicAcls: boolean;
  readonly BlockPublicPolicy: boolean;
  readonly RestrictPublicBuckets: boolean;
}

export interface BlockPublicAccessRecord {
  readonly [key: string]: string | PublicAccessSettings | null;
  readonly bucket: string;
  /** The configuration the bucket had before this run, or null when it had none; undo restores it. */
  readonly previous: PublicAccessSettings | null;
}

const ALL_BLOCKED: PublicAccessSettings = {
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
] as const;

const s3 = async (context: ActionContext) => context.clients.aws((await sdk()).S3Client, context.aws);

/** The event's account as the bucket's expected owner, when the event names one. */
const owner = (context: ActionContext) =>
  context.aws.account === undefined ? {} : { ExpectedBucketOwner: context.aws.account };

/** S3 words its NoSuch… refusals as error names; the SDK models none of them for these operations. */
function isRefusal(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

/** The bucket's configuration, or null when it has none. */
async function readSettings(
  client: S3Client,
  bucket: string,
  context: ActionContext,
): Promise<PublicAccessSettings | null> {
  const { GetPublicAccessBlockCommand } = await sdk();
  try {
    const { PublicAccessBlockConfiguration: found } = await client.send(
      new GetPublicAccessBlockCommand({ Bucket: bucket, ...owner(context) }),
    );
    // A setting S3 leaves out of its answer is off.
    return {
      BlockPublicAcls: found?.BlockPublicAcls ?? false,
      IgnorePublicAcls: found?.IgnorePublicAcls ?? false,
      BlockPublicPolicy: found?.BlockPublicPolicy ?? false,
      RestrictPublicBuckets: found?.RestrictPublicBuckets ?? false,
    };
  } catch (error) {
    if (isRefusal(error, 'NoSuchPublicAccessBlockConfiguration')) return null;
    throw error;
  }
}

/** Whether the bucket policy grants public access (regardless of the settings), or null without a policy. */
async function readPolicyIsPublic(
  client: S3Client,
  bucket: string,
  context: ActionContext,
): Promise<boolean | null> {
  const { GetBucketPolicyStatusCommand } = await sdk();
  try {
    const { PolicyStatus } = await client.send(
      new GetBucketPolicyStatusCommand({ Bucket: bucket, ...owner(context) }),
    );
    return PolicyStatus?.IsPublic ?? false;
  } catch (error) {
    if (isRefusal(error, 'NoSuchBucketPolicy')) return null;
    throw error;
  }
}

const allBlocked = (settings: PublicAccessSettings | null): boolean =>
  settings !== null && SETTING_NAMES.every((name) => settings[name]);

const sameSettings = (a: PublicAccessSettings | null, b: PublicAccessSettings | null): boolean =>
  a === null || b === null ? a === b : SETTING_NAMES.every((name) => a[name] === b[name]);

function describeSettings(settings: PublicAccessSettings | null): string {
  if (settings === null) return 'no Block Public Access configuration';
  if (allBlocked(settings)) return 'all four Block Public Access settings on';
  const on = SETTING_NAMES.filter((name) => settings[name]);
  return on.length === 0 ? 'every Block Public Access setting off' : `only ${on.join(', ')} on`;
}

function describePolicy(policyIsPublic: boolean | null, settings: PublicAccessSettings | null): string {
  if (policyIsPublic === null) return 'no bucket policy';
  if (!policyIsPublic) return 'bucket policy not public';
  return settings?.RestrictPublicBuckets
    ? 'bucket policy public, restricted by RestrictPublicBuckets'
    : 'bucket policy public';
}

async function stateOf(client: S3Client, bucket: string, context: ActionContext) {
  const settings = await readSettings(client, bucket, context);
  const policyIsPublic = await readPolicyIsPublic(client, bucket, context);
  return {
    settings,
    line: `${bucket}: ${describeSettings(settings)}; ${describePolicy(policyIsPublic, settings)}`,
  };
}

function putSettings(
  client: S3Client,
  bucket: string,
  context: ActionContext,
  settings: PublicAccessSettings,
  effect: string,
): Mutation<BlockPublicAccessRecord> {
  return {
    call: 's3:PutBucketPublicAccessBlock',
    target: bucket,
    effect,
    apply: async () => {
      const { PutPublicAccessBlockCommand } = await sdk();
      await client.send(
        new PutPublicAccessBlockCommand({
          Bucket: bucket,
          ...owner(context),
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: settings.BlockPublicAcls,
            IgnorePublicAcls: settings.IgnorePublicAcls,
            BlockPublicPolicy: settings.BlockPublicPolicy,
            RestrictPublicBuckets: settings.RestrictPublicBuckets,
          },
        }),
      );
      return undefined;
    },
  };
}

export const blockPublicAccess: ConnectorAction<BlockPublicAccessParams, BlockPublicAccessRecord> = {
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
    const record: BlockPublicAccessRecord = prior ?? { bucket, previous: settings };
    if (allBlocked(settings)) return { state: line, record, mutations: [] };
    return {
      state: line,
      record,
      mutations: [
        putSettings(
          client,
          bucket,
          context,
          ALL_BLOCKED,
          `${describeSettings(settings)} → all four Block Public Access settings on`,
        ),
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
    const mutation: Mutation<BlockPublicAccessRecord> =
      previous === null
        ? {
            // DeletePublicAccessBlock is authorised by the Put permission.
            call: 's3:PutBucketPublicAccessBlock',
            target: bucket,
            effect:
              'remove the Block Public Access configuration (DeletePublicAccessBlock), as before the run',
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
