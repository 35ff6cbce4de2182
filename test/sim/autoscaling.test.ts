// The simulated Auto Scaling driven by the real AWS SDK v3 client: what the standby action will meet.

import {
  AutoScalingClient,
  type AutoScalingServiceException,
  DescribeAutoScalingGroupsCommand,
  DescribeAutoScalingInstancesCommand,
  DescribeScalingActivitiesCommand,
  EnterStandbyCommand,
  ExitStandbyCommand,
  InvalidNextToken,
  paginateDescribeAutoScalingInstances,
} from '@aws-sdk/client-auto-scaling';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../../src/sim/aws/index.js';
import { adminClient } from '../support/aws-admin.js';
import { rejectionOf } from '../support/rejection.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const GROUP = 'orders-api';
const WEB_1 = 'i-0aaaaaaaaaaaaaaa1';
const WEB_2 = 'i-0aaaaaaaaaaaaaaa2';
const WEB_3 = 'i-0aaaaaaaaaaaaaaa3';
const STRANGER = 'i-0fffffffffffffff0';

let sim: AwsSim;
let autoscaling: AutoScalingClient;

const rejection = (promise: Promise<unknown>) => rejectionOf<AutoScalingServiceException>(promise);

function lifecycleOf(instanceId: string): string | undefined {
  return sim.autoscaling.instance(instanceId)?.lifecycleState;
}

beforeEach(async () => {
  sim = await startAwsSim({ accountId: ACCOUNT, region: REGION });
  autoscaling = adminClient(sim, AutoScalingClient);
  sim.autoscaling.createGroup({
    name: GROUP,
    minSize: 1,
    maxSize: 4,
    desiredCapacity: 3,
    instanceIds: [WEB_1, WEB_2, WEB_3],
  });
});

afterEach(async () => {
  autoscaling.destroy();
  await sim.close();
});

describe('describing groups and instances', () => {
  it('describes a seeded group with its capacity and in-service instances', async () => {
    const answer = await autoscaling.send(
      new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [GROUP] }),
    );
    const [group] = answer.AutoScalingGroups ?? [];
    expect(answer.AutoScalingGroups).toHaveLength(1);
    expect(group?.AutoScalingGroupARN).toMatch(
      new RegExp(
        `^arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName/${GROUP}$`,
      ),
    );
    expect([group?.MinSize, group?.MaxSize, group?.DesiredCapacity]).toEqual([1, 4, 3]);
    expect(group?.AvailabilityZones).toEqual(['eu-west-1a']);
    expect(group?.CreatedTime).toBeInstanceOf(Date);
    expect(
      group?.Instances?.map((instance) => [
        instance.InstanceId,
        instance.LifecycleState,
        instance.HealthStatus,
      ]),
    ).toEqual([
      [WEB_1, 'InService', 'Healthy'],
      [WEB_2, 'InService', 'Healthy'],
      [WEB_3, 'InService', 'Healthy'],
    ]);
    expect(answer.NextToken).toBeUndefined();

    const none = await autoscaling.send(
      new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['absent'] }),
    );
    expect(none.AutoScalingGroups).toEqual([]);
  });

  it('describes instances by id, ignoring ids in no group, with health in capitals as the service spells it', async () => {
    const answer = await autoscaling.send(
      new DescribeAutoScalingInstancesCommand({ InstanceIds: [WEB_2, STRANGER] }),
    );
    expect(answer.AutoScalingInstances).toEqual([
      {
        InstanceId: WEB_2,
        AutoScalingGroupName: GROUP,
        AvailabilityZone: 'eu-west-1a',
        LifecycleState: 'InService',
        HealthStatus: 'HEALTHY',
        ProtectedFromScaleIn: false,
      },
    ]);
    expect(sim.requests.map((request) => [request.action, request.mutating])).toEqual([
      ['DescribeAutoScalingInstances', false],
    ]);
    expect(sim.requests[0]?.params.get('InstanceIds.member.2')).toBe(STRANGER);
  });

  it('pages instances across groups for the SDK paginator, and refuses a forged token', async () => {
    sim.autoscaling.createGroup({
      name: 'batch',
      minSize: 0,
      maxSize: 10,
      desiredCapacity: 4,
      instanceIds: [
        'i-0bbbbbbbbbbbbbbb1',
        'i-0bbbbbbbbbbbbbbb2',
        'i-0bbbbbbbbbbbbbbb3',
        'i-0bbbbbbbbbbbbbbb4',
      ],
    });
    const seen: string[] = [];
    for await (const page of paginateDescribeAutoScalingInstances({ client: autoscaling, pageSize: 3 }, {})) {
      seen.push(...(page.AutoScalingInstances ?? []).map((instance) => instance.InstanceId ?? ''));
    }
    expect(seen).toEqual([
      'i-0bbbbbbbbbbbbbbb1',
      'i-0bbbbbbbbbbbbbbb2',
      'i-0bbbbbbbbbbbbbbb3',
      'i-0bbbbbbbbbbbbbbb4',
      WEB_1,
      WEB_2,
      WEB_3,
    ]);
    const pages = sim.requests.filter((request) => request.action === 'DescribeAutoScalingInstances');
    expect(pages.map((request) => request.params.get('MaxRecords'))).toEqual(['3', '3', '3']);

    const forged = await rejection(
      autoscaling.send(new DescribeAutoScalingInstancesCommand({ NextToken: 'b2Zmc2V0Ojk5OQ' })),
    );
    expect(forged).toBeInstanceOf(InvalidNextToken);
    expect(forged.$metadata.httpStatusCode).toBe(400);

    const tooMany = await rejection(
      autoscaling.send(new DescribeAutoScalingInstancesCommand({ MaxRecords: 51 })),
    );
    expect(tooMany.name).toBe('ValidationError');
    expect(tooMany.message).toContain("at 'maxRecords'");
  });
});

describe('entering and leaving standby', () => {
  it('moves an instance to Standby and decrements desired capacity, answering the activity as AWS does', async () => {
    const answer = await autoscaling.send(
      new EnterStandbyCommand({
        AutoScalingGroupName: GROUP,
        InstanceIds: [WEB_1],
        ShouldDecrementDesiredCapacity: true,
      }),
    );
    const [activity] = answer.Activities ?? [];
    expect(answer.Activities).toHaveLength(1);
    expect(activity?.ActivityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(activity?.AutoScalingGroupName).toBe(GROUP);
    expect(activity?.Description).toBe(`Moving EC2 instance to Standby: ${WEB_1}`);
    expect(activity?.Cause).toMatch(
      new RegExp(
        `^At \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ instance ${WEB_1} was moved to standby in response ` +
          'to a user request, shrinking the capacity from 3 to 2\\.$',
      ),
    );
    expect(activity?.StatusCode).toBe('InProgress');
    expect(activity?.Progress).toBe(50);
    expect(activity?.StartTime).toBeInstanceOf(Date);
    expect(JSON.parse(activity?.Details ?? '{}')).toEqual({ 'Availability Zone': 'eu-west-1a' });

    expect(sim.autoscaling.group(GROUP)?.desiredCapacity).toBe(2);
    expect(lifecycleOf(WEB_1)).toBe('Standby');
    expect(lifecycleOf(WEB_2)).toBe('InService');
    expect(sim.autoscaling.group(GROUP)?.instances).toHaveLength(3);
    expect(sim.mutatingRequests().map((request) => request.action)).toEqual(['EnterStandby']);
    expect(sim.requests[0]?.params.get('ShouldDecrementDesiredCapacity')).toBe('true');
  });

  it('keeps desired capacity without decrementing, so the group launches a replacement', async () => {
    await autoscaling.send(
      new EnterStandbyCommand({
        AutoScalingGroupName: GROUP,
        InstanceIds: [WEB_1],
        ShouldDecrementDesiredCapacity: false,
      }),
    );
    const group = sim.autoscaling.group(GROUP);
    expect(group?.desiredCapacity).toBe(3);
    const replacements = group?.instances.filter((instance) => instance.launchedAsReplacement) ?? [];
    expect(replacements).toHaveLength(1);
    expect(replacements[0]?.instanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(replacements[0]?.lifecycleState).toBe('InService');
    expect(group?.instances.filter((instance) => instance.lifecycleState === 'InService')).toHaveLength(3);

    const { Activities } = await autoscaling.send(
      new DescribeScalingActivitiesCommand({ AutoScalingGroupName: GROUP }),
    );
    expect(Activities?.map((activity) => activity.Description)).toEqual([
      `Launching a new EC2 instance: ${replacements[0]?.instanceId}`,
      `Moving EC2 instance to Standby: ${WEB_1}`,
    ]);
    expect(Activities?.[0]?.Cause).toMatch(
      /an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 2 to 3\.$/,
    );
    expect(Activities?.[1]?.Cause).toMatch(/was moved to standby in response to a user request\.$/);
    expect(Activities?.every((activity) => activity.StatusCode === 'Successful')).toBe(true);
    expect(Activities?.[0]?.AutoScalingGroupARN).toBe(group?.arn);
  });

  it('returns an instance to service and increments desired capacity back', async () => {
    await autoscaling.send(
      new EnterStandbyCommand({
        AutoScalingGroupName: GROUP,
        InstanceIds: [WEB_1, WEB_2],
        ShouldDecrementDesiredCapacity: true,
      }),
    );
    expect(sim.autoscaling.group(GROUP)?.desiredCapacity).toBe(1);

    const answer = await autoscaling.send(
      new ExitStandbyCommand({ AutoScalingGroupName: GROUP, InstanceIds: [WEB_2] }),
    );
    const [activity] = answer.Activities ?? [];
    expect(activity?.Description).toBe(`Moving EC2 instance out of Standby: ${WEB_2}`);
    expect(activity?.Cause).toMatch(
      new RegExp(
        `instance ${WEB_2} was moved out of standby in response to a user request, increasing the capacity ` +
          'from 1 to 2\\.$',
      ),
    );
    expect(activity?.StatusCode).toBe('PreInService');
    expect(activity?.Progress).toBe(30);
    expect(sim.autoscaling.group(GROUP)?.desiredCapacity).toBe(2);
    expect([lifecycleOf(WEB_1), lifecycleOf(WEB_2), lifecycleOf(WEB_3)]).toEqual([
      'Standby',
      'InService',
      'InService',
    ]);
  });
});

describe('refusals', () => {
  it('refuses to decrement below MinSize with the service wording, and changes nothing', async () => {
    const error = await rejection(
      autoscaling.send(
        new EnterStandbyCommand({
          AutoScalingGroupName: GROUP,
          InstanceIds: [WEB_1, WEB_2, WEB_3],
          ShouldDecrementDesiredCapacity: true,
        }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(
      `AutoScalingGroup ${GROUP} has min-size=1, max-size=4, and desired-size=3. To place into standby ` +
        '3 instances, please update the AutoScalingGroup sizes appropriately.',
    );
    expect(sim.autoscaling.group(GROUP)?.desiredCapacity).toBe(3);
    expect([lifecycleOf(WEB_1), lifecycleOf(WEB_2), lifecycleOf(WEB_3)]).toEqual([
      'InService',
      'InService',
      'InService',
    ]);
    expect(sim.autoscaling.group(GROUP)?.activities).toEqual([]);
  });

  it('refuses to exit standby above MaxSize', async () => {
    sim.autoscaling.createGroup({
      name: 'full',
      minSize: 0,
      maxSize: 2,
      desiredCapacity: 2,
      instanceIds: ['i-0ccccccccccccccc1', 'i-0ccccccccccccccc2'],
    });
    await autoscaling.send(
      new EnterStandbyCommand({
        AutoScalingGroupName: 'full',
        InstanceIds: ['i-0ccccccccccccccc1'],
        ShouldDecrementDesiredCapacity: false,
      }),
    );
    const error = await rejection(
      autoscaling.send(
        new ExitStandbyCommand({ AutoScalingGroupName: 'full', InstanceIds: ['i-0ccccccccccccccc1'] }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(
      'AutoScalingGroup full has min-size=0, max-size=2, and desired-size=2. To move out of standby 1 instance, ' +
        'please update the AutoScalingGroup sizes appropriately.',
    );
    expect(lifecycleOf('i-0ccccccccccccccc1')).toBe('Standby');
    expect(sim.autoscaling.group('full')?.desiredCapacity).toBe(2);
  });

  it('refuses an instance outside the group, one not InService, and one not in Standby', async () => {
    const outside = await rejection(
      autoscaling.send(
        new EnterStandbyCommand({
          AutoScalingGroupName: GROUP,
          InstanceIds: [WEB_1, STRANGER],
          ShouldDecrementDesiredCapacity: true,
        }),
      ),
    );
    expect(outside.name).toBe('ValidationError');
    expect(outside.message).toBe(`The instance ${STRANGER} is not part of Auto Scaling group ${GROUP}.`);
    // The whole call is refused: the valid instance in it did not move either.
    expect(lifecycleOf(WEB_1)).toBe('InService');

    await autoscaling.send(
      new EnterStandbyCommand({
        AutoScalingGroupName: GROUP,
        InstanceIds: [WEB_1],
        ShouldDecrementDesiredCapacity: true,
      }),
    );
    const twice = await rejection(
      autoscaling.send(
        new EnterStandbyCommand({
          AutoScalingGroupName: GROUP,
          InstanceIds: [WEB_1],
          ShouldDecrementDesiredCapacity: true,
        }),
      ),
    );
    expect(twice.message).toBe(`The instance ${WEB_1} is not in InService.`);
    expect(sim.autoscaling.group(GROUP)?.desiredCapacity).toBe(2);

    const notStandby = await rejection(
      autoscaling.send(new ExitStandbyCommand({ AutoScalingGroupName: GROUP, InstanceIds: [WEB_2] })),
    );
    expect(notStandby.message).toBe(`The instance ${WEB_2} is not in Standby.`);
  });

  it('refuses Standby to an instance still Pending or already Terminating, in the service wording', async () => {
    for (const state of ['Pending', 'Terminating:Wait', 'Detaching'] as const) {
      sim.autoscaling.setLifecycleState(WEB_1, state);
      const described = await autoscaling.send(
        new DescribeAutoScalingInstancesCommand({ InstanceIds: [WEB_1] }),
      );
      expect(described.AutoScalingInstances?.[0]?.LifecycleState).toBe(state);
      const refused = await rejection(
        autoscaling.send(
          new EnterStandbyCommand({
            AutoScalingGroupName: GROUP,
            InstanceIds: [WEB_1],
            ShouldDecrementDesiredCapacity: true,
          }),
        ),
      );
      expect(refused.name).toBe('ValidationError');
      expect(refused.message).toBe(`The instance ${WEB_1} is not in InService.`);
    }
    expect(sim.autoscaling.group(GROUP)?.desiredCapacity).toBe(3);
    expect(() => sim.autoscaling.setLifecycleState(STRANGER, 'Pending')).toThrow('is in no group');
  });

  it('refuses an unknown group, escaping the name it echoes', async () => {
    const name = '<g>&"\u0001';
    const error = await rejection(
      autoscaling.send(
        new EnterStandbyCommand({
          AutoScalingGroupName: name,
          InstanceIds: [WEB_1],
          ShouldDecrementDesiredCapacity: true,
        }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('AutoScalingGroup name not found - AutoScalingGroup <g>&"\uFFFD not found');
  });

  it('requires ShouldDecrementDesiredCapacity and at least one instance', async () => {
    const missing = await rejection(
      autoscaling.send(
        new EnterStandbyCommand({
          AutoScalingGroupName: GROUP,
          InstanceIds: [WEB_1],
          ShouldDecrementDesiredCapacity: undefined as unknown as boolean,
        }),
      ),
    );
    expect(missing.name).toBe('ValidationError');
    expect(missing.message).toBe(
      "1 validation error detected: Value null at 'shouldDecrementDesiredCapacity' failed to satisfy " +
        'constraint: Member must not be null',
    );
    const empty = await rejection(
      autoscaling.send(
        new EnterStandbyCommand({
          AutoScalingGroupName: GROUP,
          InstanceIds: [],
          ShouldDecrementDesiredCapacity: true,
        }),
      ),
    );
    expect(empty.name).toBe('ValidationError');
    expect(sim.mutatingRequests().map((request) => request.status)).toEqual([400, 400]);
    expect(lifecycleOf(WEB_1)).toBe('InService');
  });
});

describe('fault injection', () => {
  it('throttles EnterStandby once; the SDK retries and the instance moves exactly once', async () => {
    sim.failNext('EnterStandby', { status: 400, code: 'Throttling', message: 'Rate exceeded' });
    const answer = await autoscaling.send(
      new EnterStandbyCommand({
        AutoScalingGroupName: GROUP,
        InstanceIds: [WEB_3],
        ShouldDecrementDesiredCapacity: true,
      }),
    );
    expect(answer.$metadata.attempts).toBe(2);
    expect(sim.requests.map((request) => [request.action, request.errorCode])).toEqual([
      ['EnterStandby', 'Throttling'],
      ['EnterStandby', null],
    ]);
    expect(sim.autoscaling.group(GROUP)?.desiredCapacity).toBe(2);
    expect(sim.autoscaling.group(GROUP)?.activities).toHaveLength(1);
  });

  it('answers ResourceContention (500) to ExitStandby once; the SDK retries it as a server fault', async () => {
    await autoscaling.send(
      new EnterStandbyCommand({
        AutoScalingGroupName: GROUP,
        InstanceIds: [WEB_3],
        ShouldDecrementDesiredCapacity: true,
      }),
    );
    sim.failNext('ExitStandby', {
      status: 500,
      code: 'ResourceContention',
      message: 'You already have a pending update to an Auto Scaling resource.',
    });
    const answer = await autoscaling.send(
      new ExitStandbyCommand({ AutoScalingGroupName: GROUP, InstanceIds: [WEB_3] }),
    );
    expect(answer.$metadata.attempts).toBe(2);
    expect(lifecycleOf(WEB_3)).toBe('InService');
    expect(sim.autoscaling.group(GROUP)?.desiredCapacity).toBe(3);
  });

  it('gives up after the SDK maximum attempts and surfaces the typed fault', async () => {
    for (let i = 0; i < 2; i++) {
      sim.failNext('ExitStandby', { status: 500, code: 'ResourceContention', message: 'pending update' });
    }
    const client = adminClient(sim, AutoScalingClient, { maxAttempts: 2 });
    const error = await rejection(
      client.send(new ExitStandbyCommand({ AutoScalingGroupName: GROUP, InstanceIds: [WEB_1] })),
    );
    client.destroy();
    expect(error.name).toBe('ResourceContentionFault');
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(sim.requests).toHaveLength(2);
  });
});
