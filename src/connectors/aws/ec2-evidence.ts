// Preserving and marking evidence before anything else touches an instance: crash-consistent snapshots of
// every attached volume, tagged with the incident (never deleted by irac: evidence has no undo), and tags
// that tell the next responder — and automation that would "fix" the instance — that it is under
// investigation.

import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ActionContext, ConnectorAction, Inspection } from '../action.js';

// Loaded on the first call, not with the module: describe() and the plan need no SDK.
const sdk = () => import('@aws-sdk/client-ec2');

const ec2 = async (context: ActionContext) => context.clients.aws((await sdk()).EC2Client, context.aws);

/** The tag every irac snapshot carries, with the incident id as its value. */
export const INCIDENT_TAG = 'irac:incident';

// ---------------------------------------------------------------------------------------------------------
// aws:ec2.snapshot_instance

export interface SnapshotInstanceParams {
  readonly instance_id: string;
}

export interface SnapshotInstanceRecord {
  readonly [key: string]: string | Record<string, string>;
  readonly instance_id: string;
  /** Volume id → the snapshot taken of it for this incident. */
  readonly snapshots: Record<string, string>;
}

interface AttachedVolumes {
  /** In device order; `boot` is the one on the root device. */
  readonly volumes: { readonly volumeId: string; readonly boot: boolean }[];
}

async function attachedVolumes(client: EC2Client, instanceId: string): Promise<AttachedVolumes> {
  const { DescribeInstancesCommand } = await sdk();
  const { Reservations } = await client.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  const instance = Reservations?.[0]?.Instances?.[0];
  if (!instance) throw new Error(`${instanceId} was not found`);
  const volumes = (instance.BlockDeviceMappings ?? []).flatMap((mapping) =>
    mapping.Ebs?.VolumeId
      ? [{ volumeId: mapping.Ebs.VolumeId, boot: mapping.DeviceName === instance.RootDeviceName }]
      : [],
  );
  return { volumes };
}

/** This incident's snapshots of these volumes: the good ones by volume, and the ids of failed ones. */
interface IncidentSnapshots {
  /** Volume → every snapshot of it that is complete or on its way, in the order EC2 lists them. */
  readonly good: Map<string, string[]>;
  /** Snapshots EBS could not complete (`error`): no evidence, whatever a record says. */
  readonly failed: Set<string>;
}

async function incidentSnapshots(
  client: EC2Client,
  incidentId: string,
  volumeIds: readonly string[],
): Promise<IncidentSnapshots> {
  const { paginateDescribeSnapshots } = await sdk();
  const found: IncidentSnapshots = { good: new Map(), failed: new Set() };
  if (volumeIds.length === 0) return found;
  const pages = paginateDescribeSnapshots(
    { client },
    {
      OwnerIds: ['self'],
      Filters: [
        { Name: `tag:${INCIDENT_TAG}`, Values: [incidentId] },
        { Name: 'volume-id', Values: [...volumeIds] },
      ],
    },
  );
  for await (const page of pages) {
    for (const { VolumeId, SnapshotId, State } of page.Snapshots ?? []) {
      if (!VolumeId || !SnapshotId) continue;
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
async function evidenceOf(
  client: EC2Client,
  incidentId: string,
  instanceId: string,
): Promise<AttachedVolumes & IncidentSnapshots> {
  const { volumes } = await attachedVolumes(client, instanceId);
  const snapshots = await incidentSnapshots(
    client,
    incidentId,
    volumes.map((volume) => volume.volumeId),
  );
  return { volumes, ...snapshots };
}

const listSnapshots = (snapshots: ReadonlyMap<string, string>): string =>
  [...snapshots].map(([volume, snapshot]) => `${volume} → ${snapshot}`).join(', ');

export const snapshotInstance: ConnectorAction<SnapshotInstanceParams, SnapshotInstanceRecord> = {
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

  async inspect({ instance_id }, context, prior): Promise<Inspection<SnapshotInstanceRecord>> {
    const client = await ec2(context);
    const { volumes, good, failed } = await evidenceOf(client, context.incidentId, instance_id);
    // Per volume, the snapshot a resumed run recorded while it is still good, else the first good one.
    // A recorded snapshot DescribeSnapshots does not list yet still counts (EC2 is eventually
    // consistent); one it lists as failed never does, and the volume is taken again.
    const taken = new Map<string, string>();
    for (const [volume, snapshots] of good) taken.set(volume, snapshots[0] as string);
    for (const [volume, snapshot] of Object.entries(prior?.snapshots ?? {})) {
      const listed = good.get(volume) ?? [];
      if (!failed.has(snapshot) && (listed.length === 0 || listed.includes(snapshot))) {
        taken.set(volume, snapshot);
      }
    }
    const record: SnapshotInstanceRecord = { instance_id, snapshots: Object.fromEntries(taken) };
    const missing = volumes.filter((volume) => !taken.has(volume.volumeId));
    const state =
      taken.size === 0
        ? `${instance_id}: ${volumes.length} volume(s), none snapshotted for ${context.incidentId}`
        : `${instance_id}: ${listSnapshots(taken)}`;
    if (missing.length === 0) return { state, record, mutations: [] };
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
            const { Snapshots } = await client.send(
              new CreateSnapshotsCommand({
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
              }),
            );
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
    const recorded = (volumeId: string) => {
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

// ---------------------------------------------------------------------------------------------------------
// aws:ec2.tag_resource

export interface TagResourceParams {
  readonly resource_id: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface TagResourceRecord {
  readonly [key: string]: string | Record<string, string | null>;
  readonly resource_id: string;
  /** The value each tag this run set had before it, or null where the tag did not exist. */
  readonly previous: Record<string, string | null>;
}

async function tagsOf(client: EC2Client, resourceId: string): Promise<Map<string, string>> {
  const { paginateDescribeTags } = await sdk();
  const tags = new Map<string, string>();
  const pages = paginateDescribeTags(
    { client },
    { Filters: [{ Name: 'resource-id', Values: [resourceId] }] },
  );
  for await (const page of pages) {
    for (const tag of page.Tags ?? []) {
      if (tag.Key !== undefined) tags.set(tag.Key, tag.Value ?? '');
    }
  }
  return tags;
}

const listTags = (tags: ReadonlyMap<string, string> | Readonly<Record<string, string>>): string => {
  const entries = tags instanceof Map ? [...tags] : Object.entries(tags);
  return entries.length === 0 ? 'no tags' : entries.map(([key, value]) => `${key}=${value}`).join(', ');
};

export const tagResource: ConnectorAction<TagResourceParams, TagResourceRecord> = {
  name: 'aws:ec2.tag_resource',

  describe: ({ resource_id, tags }) => [
    { call: 'ec2:DescribeTags', target: resource_id, effect: 'read its tags' },
    { call: 'ec2:CreateTags', target: resource_id, effect: listTags(tags) },
  ],

  async inspect({ resource_id, tags }, context, prior) {
    const client = await ec2(context);
    const current = await tagsOf(client, resource_id);
    const changed = Object.entries(tags).filter(([key, value]) => current.get(key) !== value);
    const previous: Record<string, string | null> = { ...(prior?.previous ?? {}) };
    for (const [key] of changed) {
      if (!Object.hasOwn(previous, key)) previous[key] = current.get(key) ?? null;
    }
    const record: TagResourceRecord = { resource_id, previous };
    const state = `${resource_id}: ${listTags(current)}`;
    if (changed.length === 0) return { state, record, mutations: [] };
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
            await client.send(
              new CreateTagsCommand({
                Resources: [resource_id],
                Tags: changed.map(([Key, Value]) => ({ Key, Value })),
              }),
            );
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
    const ours = Object.entries(record.previous).filter(
      ([key]) => Object.hasOwn(tags, key) && current.get(key) === tags[key],
    );
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
