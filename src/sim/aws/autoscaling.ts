// A stateful EC2 Auto Scaling for the Query sim, limited to what containment touches: groups with their
// min/max/desired capacity and member instances (in any lifecycle state a test puts them in), moving
// instances into and out of Standby, and the scaling activities that leaves behind. It answers as Auto
// Scaling does — `<member>` lists, opaque NextToken pages, every refusal a ValidationError worded as the
// service words it — so the standby action tested against it meets the capacity arithmetic of the real
// service: decrementing desired capacity may not go below MinSize, returning an instance may not push it
// above MaxSize, and entering Standby without decrementing makes the group launch a replacement, which
// the sim records as AWS would.

import { randomBytes, randomUUID } from 'node:crypto';
import { shown } from '../http.js';
import { QueryError, type QueryHandler, type QueryParams, type QueryService } from './query.js';
import { el, members, type Xml, xmlJoin } from './xml.js';

export interface AsgGroupSeed {
  readonly name: string;
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredCapacity: number;
  /** EC2 instance ids (the EC2 sim's, if the test wants both); they start InService. */
  readonly instanceIds: readonly string[];
  /** Where the instances run; the region's `a` zone by default. */
  readonly availabilityZone?: string;
}

/**
 * The lifecycle states an Auto Scaling instance reports (Auto Scaling user guide, "instance lifecycle");
 * only an InService instance can enter Standby, only a Standby one can leave it.
 */
export type AsgLifecycleState =
  | 'Pending'
  | 'Pending:Wait'
  | 'Pending:Proceed'
  | 'Quarantined'
  | 'InService'
  | 'Terminating'
  | 'Terminating:Wait'
  | 'Terminating:Proceed'
  | 'Detaching'
  | 'EnteringStandby'
  | 'Standby';

export interface AsgInstanceState {
  readonly instanceId: string;
  readonly lifecycleState: AsgLifecycleState;
  readonly availabilityZone: string;
  /** True for an instance the group launched itself, to replace one moved to Standby. */
  readonly launchedAsReplacement: boolean;
}

export interface AsgActivityState {
  readonly activityId: string;
  readonly description: string;
  readonly cause: string;
  readonly startTime: Date;
  readonly statusCode: string;
  readonly progress: number;
}

export interface AsgGroupState {
  readonly name: string;
  readonly arn: string;
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredCapacity: number;
  readonly instances: readonly AsgInstanceState[];
  /** Newest first, as DescribeScalingActivities lists them. */
  readonly activities: readonly AsgActivityState[];
}

export interface AutoScalingSim {
  readonly service: QueryService;
  /** Seeds a group, as CreateAutoScalingGroup would once its instances are in service. */
  createGroup(seed: AsgGroupSeed): AsgGroupState;
  /** What Auto Scaling now holds (copies; changing them changes nothing). */
  group(name: string): AsgGroupState | undefined;
  /** The group an instance belongs to, and its state there. */
  instance(instanceId: string): (AsgInstanceState & { readonly groupName: string }) | undefined;
  /**
   * Puts a member in a lifecycle state, as the group's own work would (a launch still Pending, a
   * scale-in Terminating it, a hook holding it in Terminating:Wait).
   */
  setLifecycleState(instanceId: string, state: AsgLifecycleState): void;
}

interface Instance {
  readonly instanceId: string;
  lifecycleState: AsgLifecycleState;
  readonly availabilityZone: string;
  readonly launchedAsReplacement: boolean;
}

interface Activity extends AsgActivityState {
  readonly groupName: string;
  readonly groupArn: string;
  readonly details: string;
  readonly endTime: Date;
}

interface Group {
  readonly name: string;
  readonly arn: string;
  readonly minSize: number;
  readonly maxSize: number;
  desiredCapacity: number;
  readonly availabilityZone: string;
  readonly createdTime: Date;
  readonly instances: Instance[];
}

const NAMESPACE = 'http://autoscaling.amazonaws.com/doc/2011-01-01/';
// Auto Scaling's documented bounds: names up to 255 characters, 20 instances per standby call, and the
// page sizes of each Describe call (default and maximum).
const NAME_LENGTH = 255;
const STANDBY_BATCH = 20;
const DESCRIBE_INSTANCE_IDS = 50;
const PAGES = {
  DescribeAutoScalingInstances: { default: 50, max: 50 },
  DescribeAutoScalingGroups: { default: 50, max: 100 },
  DescribeScalingActivities: { default: 100, max: 100 },
} as const;
const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

function validation(message: string): QueryError {
  return new QueryError('ValidationError', message);
}

/** The service's generic wording for a parameter outside its constraints. */
function constraint(value: string, member: string, rule: string): QueryError {
  return validation(
    `1 validation error detected: Value '${shown(value)}' at '${member}' failed to satisfy constraint: ${rule}`,
  );
}

function groupNameParam(params: QueryParams): string {
  const name = params.required('AutoScalingGroupName');
  if (name.length < 1 || name.length > NAME_LENGTH) {
    throw constraint(name, 'autoScalingGroupName', `Member must have length between 1 and ${NAME_LENGTH}`);
  }
  return name;
}

function booleanParam(params: QueryParams, name: string, member: string): boolean {
  const value = params.required(name);
  if (value !== 'true' && value !== 'false') {
    throw constraint(value, member, 'Member must be a boolean');
  }
  return value === 'true';
}

/** AWS's timestamps in activity causes: seconds, no fraction (`2020-10-31T20:31:00Z`). */
function causeTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One page of a Describe call: MaxRecords checked against the call's bounds, NextToken opaque. */
function paginate<T>(
  items: readonly T[],
  params: QueryParams,
  bounds: { readonly default: number; readonly max: number },
): { page: T[]; nextToken: Xml } {
  const requested = params.get('MaxRecords');
  const maxRecords = requested === undefined ? bounds.default : Number(requested);
  if (!Number.isInteger(maxRecords) || maxRecords < 1 || maxRecords > bounds.max) {
    throw constraint(requested ?? '', 'maxRecords', `Member must have value between 1 and ${bounds.max}`);
  }
  const token = params.get('NextToken');
  const start = token === undefined ? 0 : offsetOf(token, items.length);
  const page = items.slice(start, start + maxRecords);
  const next = start + page.length;
  return {
    page,
    nextToken: next < items.length ? el('NextToken', tokenFor(next)) : xmlJoin(),
  };
}

function tokenFor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function offsetOf(token: string, total: number): number {
  const match = /^offset:([0-9]{1,7})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  const offset = Number(match?.[1]);
  if (!match || offset > total) throw new QueryError('InvalidNextToken', 'The token is invalid.');
  return offset;
}

export function createAutoScalingSim(accountId: string, region: string): AutoScalingSim {
  const groups = new Map<string, Group>();
  const groupOfInstance = new Map<string, Group>();
  const activities: Activity[] = [];

  const findGroup = (name: string): Group => {
    const group = groups.get(name);
    if (!group) {
      throw validation(`AutoScalingGroup name not found - AutoScalingGroup ${shown(name)} not found`);
    }
    return group;
  };

  const createGroup = (seed: AsgGroupSeed): Group => {
    const { name, minSize, maxSize, desiredCapacity, instanceIds } = seed;
    if (name.length < 1 || name.length > NAME_LENGTH || groups.has(name)) {
      throw new Error(`createGroup: "${name}" is not a new group name of 1 to ${NAME_LENGTH} characters`);
    }
    const sizes = [minSize, maxSize, desiredCapacity];
    if (!sizes.every((size) => Number.isInteger(size) && size >= 0)) {
      throw new Error(`createGroup: sizes of ${name} must be non-negative integers`);
    }
    if (minSize > desiredCapacity || desiredCapacity > maxSize || instanceIds.length > maxSize) {
      throw new Error(`createGroup: ${name} needs min <= desired <= max and at most max instances`);
    }
    for (const instanceId of instanceIds) {
      if (!INSTANCE_ID.test(instanceId) || groupOfInstance.has(instanceId)) {
        throw new Error(`createGroup: ${instanceId} is not a valid instance id free of other groups`);
      }
    }
    const availabilityZone = seed.availabilityZone ?? `${region}a`;
    const group: Group = {
      name,
      arn: `arn:aws:autoscaling:${region}:${accountId}:autoScalingGroup:${randomUUID()}:autoScalingGroupName/${name}`,
      minSize,
      maxSize,
      desiredCapacity,
      availabilityZone,
      createdTime: new Date(),
      instances: [...new Set(instanceIds)].map((instanceId) => ({
        instanceId,
        lifecycleState: 'InService',
        availabilityZone,
        launchedAsReplacement: false,
      })),
    };
    groups.set(name, group);
    for (const instance of group.instances) groupOfInstance.set(instance.instanceId, group);
    return group;
  };

  /** The instances a standby call names, each checked to be in the group and in the state it needs. */
  const membersNamed = (group: Group, params: QueryParams, from: AsgLifecycleState): Instance[] => {
    const instanceIds = [...new Set(params.list('InstanceIds'))];
    if (instanceIds.length === 0) {
      throw validation(
        "1 validation error detected: Value null at 'instanceIds' failed to satisfy constraint: " +
          'Member must not be null',
      );
    }
    if (instanceIds.length > STANDBY_BATCH) {
      throw constraint(
        `[${instanceIds.slice(0, 3).join(', ')}, …]`,
        'instanceIds',
        `Member must have length less than or equal to ${STANDBY_BATCH}`,
      );
    }
    return instanceIds.map((instanceId) => {
      const instance = group.instances.find((candidate) => candidate.instanceId === instanceId);
      if (!instance) {
        throw validation(
          `The instance ${shown(instanceId)} is not part of Auto Scaling group ${group.name}.`,
        );
      }
      if (instance.lifecycleState !== from) {
        throw validation(`The instance ${instanceId} is not in ${from}.`);
      }
      return instance;
    });
  };

  const record = (
    group: Group,
    instance: Instance,
    startTime: Date,
    description: string,
    cause: string,
  ): Activity => {
    const activity: Activity = {
      activityId: randomUUID(),
      groupName: group.name,
      groupArn: group.arn,
      description,
      cause,
      startTime,
      // The sim moves instances at once, so what it keeps has already finished.
      endTime: startTime,
      statusCode: 'Successful',
      progress: 100,
      details: JSON.stringify({ 'Availability Zone': instance.availabilityZone }),
    };
    activities.unshift(activity);
    return activity;
  };

  /** An activity as the standby call answers it: still running, as AWS reports it at that moment. */
  const answeredActivityXml = (activity: Activity, statusCode: string, progress: number): Xml =>
    xmlJoin(
      el('ActivityId', activity.activityId),
      el('AutoScalingGroupName', activity.groupName),
      el('Description', activity.description),
      el('Cause', activity.cause),
      el('StartTime', activity.startTime),
      el('StatusCode', statusCode),
      el('Progress', progress),
      el('Details', activity.details),
    );

  const activityXml = (activity: Activity): Xml =>
    xmlJoin(
      el('ActivityId', activity.activityId),
      el('AutoScalingGroupName', activity.groupName),
      el('Description', activity.description),
      el('Cause', activity.cause),
      el('StartTime', activity.startTime),
      el('EndTime', activity.endTime),
      el('StatusCode', activity.statusCode),
      el('Progress', activity.progress),
      el('Details', activity.details),
      el('AutoScalingGroupARN', activity.groupArn),
    );

  const sizesOf = (group: Group) =>
    `AutoScalingGroup ${group.name} has min-size=${group.minSize}, max-size=${group.maxSize}, and ` +
    `desired-size=${group.desiredCapacity}.`;

  const inService = (group: Group) =>
    group.instances.filter((instance) => instance.lifecycleState === 'InService').length;

  /** What the group does when an instance leaves service and desired capacity stays: launch another. */
  const launchReplacement = (group: Group, now: Date): void => {
    const before = inService(group);
    const replacement: Instance = {
      instanceId: `i-${randomBytes(9).toString('hex').slice(0, 17)}`,
      lifecycleState: 'InService',
      availabilityZone: group.availabilityZone,
      launchedAsReplacement: true,
    };
    group.instances.push(replacement);
    groupOfInstance.set(replacement.instanceId, group);
    record(
      group,
      replacement,
      now,
      `Launching a new EC2 instance: ${replacement.instanceId}`,
      `At ${causeTime(now)} an instance was started in response to a difference between desired and ` +
        `actual capacity, increasing the capacity from ${before} to ${before + 1}.`,
    );
  };

  const enterStandby: QueryHandler = ({ params }) => {
    const group = findGroup(groupNameParam(params));
    const decrement = booleanParam(
      params,
      'ShouldDecrementDesiredCapacity',
      'shouldDecrementDesiredCapacity',
    );
    const moving = membersNamed(group, params, 'InService');
    if (decrement && group.desiredCapacity - moving.length < group.minSize) {
      throw validation(
        `${sizesOf(group)} To place into standby ${plural(moving.length, 'instance')}, please update the ` +
          'AutoScalingGroup sizes appropriately.',
      );
    }
    const now = new Date();
    const answered = moving.map((instance) => {
      instance.lifecycleState = 'Standby';
      const from = group.desiredCapacity;
      if (decrement) group.desiredCapacity -= 1;
      const shrinking = decrement ? `, shrinking the capacity from ${from} to ${group.desiredCapacity}` : '';
      return record(
        group,
        instance,
        now,
        `Moving EC2 instance to Standby: ${instance.instanceId}`,
        `At ${causeTime(now)} instance ${instance.instanceId} was moved to standby in response to a user ` +
          `request${shrinking}.`,
      );
    });
    if (!decrement) {
      for (let launched = 0; launched < moving.length; launched++) launchReplacement(group, now);
    }
    return members(
      'Activities',
      answered.map((activity) => answeredActivityXml(activity, 'InProgress', 50)),
    );
  };

  const exitStandby: QueryHandler = ({ params }) => {
    const group = findGroup(groupNameParam(params));
    const returning = membersNamed(group, params, 'Standby');
    if (group.desiredCapacity + returning.length > group.maxSize) {
      throw validation(
        `${sizesOf(group)} To move out of standby ${plural(returning.length, 'instance')}, please update ` +
          'the AutoScalingGroup sizes appropriately.',
      );
    }
    const now = new Date();
    const answered = returning.map((instance) => {
      instance.lifecycleState = 'InService';
      const from = group.desiredCapacity;
      group.desiredCapacity += 1;
      return record(
        group,
        instance,
        now,
        `Moving EC2 instance out of Standby: ${instance.instanceId}`,
        `At ${causeTime(now)} instance ${instance.instanceId} was moved out of standby in response to a ` +
          `user request, increasing the capacity from ${from} to ${group.desiredCapacity}.`,
      );
    });
    return members(
      'Activities',
      answered.map((activity) => answeredActivityXml(activity, 'PreInService', 30)),
    );
  };

  const describeAutoScalingInstances: QueryHandler = ({ params }) => {
    const wanted = params.list('InstanceIds');
    if (wanted.length > DESCRIBE_INSTANCE_IDS) {
      throw constraint(
        `[${wanted.slice(0, 3).join(', ')}, …]`,
        'instanceIds',
        `Member must have length less than or equal to ${DESCRIBE_INSTANCE_IDS}`,
      );
    }
    // Ids that are not in any group are left out without an error, as the service documents.
    const found = [...groups.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((group) => group.instances.map((instance) => ({ group, instance })))
      .filter(({ instance }) => wanted.length === 0 || wanted.includes(instance.instanceId));
    const { page, nextToken } = paginate(found, params, PAGES.DescribeAutoScalingInstances);
    const details = page.map(({ group, instance }) =>
      xmlJoin(
        el('InstanceId', instance.instanceId),
        el('AutoScalingGroupName', group.name),
        el('AvailabilityZone', instance.availabilityZone),
        el('LifecycleState', instance.lifecycleState),
        // This call spells health in capitals, unlike the Instances of DescribeAutoScalingGroups.
        el('HealthStatus', 'HEALTHY'),
        el('ProtectedFromScaleIn', false),
      ),
    );
    return xmlJoin(members('AutoScalingInstances', details), nextToken);
  };

  const describeAutoScalingGroups: QueryHandler = ({ params }) => {
    if (params.structures('Filters').length > 0) {
      throw validation('Filters are not supported by this simulation; name the groups instead.');
    }
    const names = params.list('AutoScalingGroupNames');
    // Names that match no group are left out without an error, as the service does.
    const found = [...groups.values()]
      .filter((group) => names.length === 0 || names.includes(group.name))
      .sort((a, b) => a.name.localeCompare(b.name));
    const { page, nextToken } = paginate(found, params, PAGES.DescribeAutoScalingGroups);
    const described = page.map((group) =>
      xmlJoin(
        el('AutoScalingGroupName', group.name),
        el('AutoScalingGroupARN', group.arn),
        el('MinSize', group.minSize),
        el('MaxSize', group.maxSize),
        el('DesiredCapacity', group.desiredCapacity),
        el('DefaultCooldown', 300),
        members('AvailabilityZones', [group.availabilityZone]),
        members('LoadBalancerNames', []),
        members('TargetGroupARNs', []),
        el('HealthCheckType', 'EC2'),
        el('HealthCheckGracePeriod', 300),
        members(
          'Instances',
          group.instances.map((instance) =>
            xmlJoin(
              el('InstanceId', instance.instanceId),
              el('AvailabilityZone', instance.availabilityZone),
              el('LifecycleState', instance.lifecycleState),
              el('HealthStatus', 'Healthy'),
              el('ProtectedFromScaleIn', false),
            ),
          ),
        ),
        el('CreatedTime', group.createdTime),
        members('SuspendedProcesses', []),
        members('EnabledMetrics', []),
        members('Tags', []),
        members('TerminationPolicies', ['Default']),
        el('NewInstancesProtectedFromScaleIn', false),
      ),
    );
    return xmlJoin(members('AutoScalingGroups', described), nextToken);
  };

  const describeScalingActivities: QueryHandler = ({ params }) => {
    const groupName = params.get('AutoScalingGroupName');
    const activityIds = params.list('ActivityIds');
    const found = activities.filter(
      (activity) =>
        (groupName === undefined || activity.groupName === groupName) &&
        (activityIds.length === 0 || activityIds.includes(activity.activityId)),
    );
    const { page, nextToken } = paginate(found, params, PAGES.DescribeScalingActivities);
    return xmlJoin(members('Activities', page.map(activityXml)), nextToken);
  };

  const actions = new Map<string, QueryHandler>([
    ['DescribeAutoScalingInstances', describeAutoScalingInstances],
    ['DescribeAutoScalingGroups', describeAutoScalingGroups],
    ['DescribeScalingActivities', describeScalingActivities],
    ['EnterStandby', enterStandby],
    ['ExitStandby', exitStandby],
  ]);

  const instanceState = (instance: Instance): AsgInstanceState => ({
    instanceId: instance.instanceId,
    lifecycleState: instance.lifecycleState,
    availabilityZone: instance.availabilityZone,
    launchedAsReplacement: instance.launchedAsReplacement,
  });
  const groupState = (group: Group): AsgGroupState => ({
    name: group.name,
    arn: group.arn,
    minSize: group.minSize,
    maxSize: group.maxSize,
    desiredCapacity: group.desiredCapacity,
    instances: group.instances.map(instanceState),
    activities: activities
      .filter((activity) => activity.groupName === group.name)
      .map(({ activityId, description, cause, startTime, statusCode, progress }) => ({
        activityId,
        description,
        cause,
        startTime,
        statusCode,
        progress,
      })),
  });

  return {
    service: { version: '2011-01-01', namespace: NAMESPACE, actions },
    createGroup: (seed) => groupState(createGroup(seed)),
    group(name) {
      const group = groups.get(name);
      return group && groupState(group);
    },
    instance(instanceId) {
      const group = groupOfInstance.get(instanceId);
      const instance = group?.instances.find((candidate) => candidate.instanceId === instanceId);
      return group && instance && { ...instanceState(instance), groupName: group.name };
    },
    setLifecycleState(instanceId, state) {
      const instance = groupOfInstance
        .get(instanceId)
        ?.instances.find((candidate) => candidate.instanceId === instanceId);
      if (!instance) throw new Error(`setLifecycleState: ${instanceId} is in no group`);
      instance.lifecycleState = state;
    },
  };
}
