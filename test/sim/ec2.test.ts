// The simulated EC2 driven by the real AWS SDK v3 client: what the containment actions will meet.

import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotsCommand,
  CreateTagsCommand,
  DeleteSecurityGroupCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeTagsCommand,
  EC2Client,
  EC2ServiceException,
  ModifyInstanceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommand,
  RevokeSecurityGroupEgressCommand,
} from '@aws-sdk/client-ec2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../../src/sim/aws/index.js';

const ACCOUNT = '123456789012';
const VPC = 'vpc-0a1b2c3d4e5f60718';
const OTHER_VPC = 'vpc-0ffffffffffffffff';
const INSTANCE = 'i-0123456789abcdef0';
const ENI_PRIMARY = 'eni-0aaaaaaaaaaaaaaaa';
const ENI_SECONDARY = 'eni-0bbbbbbbbbbbbbbbb';
const SCOPE = 'eu-west-1/ec2/aws4_request';
const PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/orders-api`;

let sim: AwsSim;
let ec2: EC2Client;
let webGroup: string;
let dbGroup: string;

async function rejection(promise: Promise<unknown>): Promise<EC2ServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as EC2ServiceException;
  }
  throw new Error('expected the call to be refused');
}

beforeEach(async () => {
  sim = await startAwsSim({ accountId: ACCOUNT, region: 'eu-west-1' });
  ec2 = new EC2Client({ endpoint: sim.endpoint, region: 'eu-west-1', credentials: sim.credentials });
  webGroup = sim.ec2.createSecurityGroup(VPC, 'web', 'web tier');
  dbGroup = sim.ec2.createSecurityGroup(VPC, 'db', 'database tier');
  sim.ec2.addInstance({
    instanceId: INSTANCE,
    vpcId: VPC,
    subnetId: 'subnet-0123456789abcdef0',
    networkInterfaces: [
      { networkInterfaceId: ENI_PRIMARY, groupIds: [webGroup, dbGroup] },
      { networkInterfaceId: ENI_SECONDARY, groupIds: [dbGroup] },
    ],
    volumes: [
      { volumeId: 'vol-0111111111111111a', deviceName: '/dev/xvda', sizeGiB: 20, deleteOnTermination: true },
      { volumeId: 'vol-0222222222222222b', deviceName: '/dev/sdf', sizeGiB: 100, deleteOnTermination: true },
    ],
    iamInstanceProfileArn: PROFILE,
    metadataOptions: { httpTokens: 'optional' },
    tags: { Name: 'orders-api-1', team: 'orders' },
  });
});

afterEach(async () => {
  ec2.destroy();
  await sim.close();
});

describe('instances', () => {
  it('describes a seeded instance: interfaces, groups, volumes, profile, metadata options', async () => {
    const answer = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [INSTANCE] }));
    const instance = answer.Reservations?.[0]?.Instances?.[0];
    expect(answer.Reservations).toHaveLength(1);
    expect(instance?.InstanceId).toBe(INSTANCE);
    expect(instance?.VpcId).toBe(VPC);
    expect(instance?.State).toEqual({ Code: 16, Name: 'running' });
    expect(instance?.SecurityGroups?.map((group) => group.GroupName)).toEqual(['web', 'db']);
    expect(instance?.NetworkInterfaces?.map((eni) => eni.NetworkInterfaceId)).toEqual([
      ENI_PRIMARY,
      ENI_SECONDARY,
    ]);
    expect(instance?.NetworkInterfaces?.[1]?.Groups?.map((group) => group.GroupId)).toEqual([dbGroup]);
    expect(instance?.BlockDeviceMappings?.map((mapping) => mapping.Ebs?.VolumeId)).toEqual([
      'vol-0111111111111111a',
      'vol-0222222222222222b',
    ]);
    expect(instance?.BlockDeviceMappings?.[0]?.Ebs?.DeleteOnTermination).toBe(true);
    expect(instance?.IamInstanceProfile?.Arn).toBe(PROFILE);
    expect(instance?.MetadataOptions).toMatchObject({ HttpTokens: 'optional', HttpEndpoint: 'enabled' });
    expect(instance?.Tags).toContainEqual({ Key: 'team', Value: 'orders' });
    expect(answer.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('filters by instance-id and by tag, and an unmatched filter answers an empty list', async () => {
    const byId = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: [INSTANCE] }] }),
    );
    expect(byId.Reservations?.[0]?.Instances?.[0]?.InstanceId).toBe(INSTANCE);
    const byTag = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['orders-*'] }] }),
    );
    expect(byTag.Reservations).toHaveLength(1);
    const none = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: ['i-0fffffffffffffff0'] }] }),
    );
    expect(none.Reservations ?? []).toEqual([]);
  });

  it('refuses a missing instance with InvalidInstanceID.NotFound, status 400', async () => {
    const error = await rejection(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0fffffffffffffff0'] })),
    );
    expect(error).toBeInstanceOf(EC2ServiceException);
    expect(error.name).toBe('InvalidInstanceID.NotFound');
    expect(error.message).toBe("The instance ID 'i-0fffffffffffffff0' does not exist");
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.$fault).toBe('client');
    const malformed = await rejection(ec2.send(new DescribeInstancesCommand({ InstanceIds: ['../etc'] })));
    expect(malformed.name).toBe('InvalidInstanceID.Malformed');
  });

  it('reads and changes termination protection, shutdown behaviour and DeleteOnTermination', async () => {
    const before = await ec2.send(
      new DescribeInstanceAttributeCommand({ InstanceId: INSTANCE, Attribute: 'disableApiTermination' }),
    );
    expect(before.DisableApiTermination?.Value).toBe(false);

    await ec2.send(
      new ModifyInstanceAttributeCommand({ InstanceId: INSTANCE, DisableApiTermination: { Value: true } }),
    );
    await ec2.send(
      new ModifyInstanceAttributeCommand({
        InstanceId: INSTANCE,
        InstanceInitiatedShutdownBehavior: { Value: 'stop' },
      }),
    );
    await ec2.send(
      new ModifyInstanceAttributeCommand({
        InstanceId: INSTANCE,
        BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { DeleteOnTermination: false } }],
      }),
    );

    const state = sim.ec2.instance(INSTANCE);
    expect(state?.disableApiTermination).toBe(true);
    expect(state?.instanceInitiatedShutdownBehavior).toBe('stop');
    expect(state?.volumes.map((volume) => volume.deleteOnTermination)).toEqual([true, false]);

    const shutdown = await ec2.send(
      new DescribeInstanceAttributeCommand({
        InstanceId: INSTANCE,
        Attribute: 'instanceInitiatedShutdownBehavior',
      }),
    );
    expect(shutdown.InstanceInitiatedShutdownBehavior?.Value).toBe('stop');
    const devices = await ec2.send(
      new DescribeInstanceAttributeCommand({ InstanceId: INSTANCE, Attribute: 'blockDeviceMapping' }),
    );
    expect(devices.BlockDeviceMappings?.map((mapping) => mapping.Ebs?.DeleteOnTermination)).toEqual([
      true,
      false,
    ]);

    const bad = await rejection(
      ec2.send(
        new ModifyInstanceAttributeCommand({
          InstanceId: INSTANCE,
          InstanceInitiatedShutdownBehavior: { Value: 'hibernate' },
        }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterValue');
    expect(sim.ec2.instance(INSTANCE)?.instanceInitiatedShutdownBehavior).toBe('stop');
  });
});

describe('security groups', () => {
  it('creates a group with the default all-egress rule, found by name, VPC and tag', async () => {
    const created = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: 'irac-isolation',
        Description: 'no traffic',
        VpcId: VPC,
        TagSpecifications: [
          { ResourceType: 'security-group', Tags: [{ Key: 'irac:purpose', Value: 'isolation' }] },
        ],
      }),
    );
    expect(created.GroupId).toMatch(/^sg-[0-9a-f]{17}$/);
    const groupId = created.GroupId as string;
    expect(sim.ec2.securityGroup(groupId)?.egress).toEqual([
      { ipProtocol: '-1', fromPort: null, toPort: null, peer: { cidrIp: '0.0.0.0/0' } },
    ]);

    const found = await ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: 'group-name', Values: ['irac-isolation'] },
          { Name: 'vpc-id', Values: [VPC] },
          { Name: 'tag:irac:purpose', Values: ['isolation'] },
        ],
      }),
    );
    expect(found.SecurityGroups?.map((group) => group.GroupId)).toEqual([groupId]);
    const group = found.SecurityGroups?.[0];
    expect(group?.Description).toBe('no traffic');
    expect(group?.IpPermissions ?? []).toEqual([]);
    expect(group?.IpPermissionsEgress?.[0]).toMatchObject({
      IpProtocol: '-1',
      IpRanges: [{ CidrIp: '0.0.0.0/0' }],
    });
    expect(group?.Tags).toEqual([{ Key: 'irac:purpose', Value: 'isolation' }]);

    const elsewhere = await ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [OTHER_VPC] }] }),
    );
    expect(elsewhere.SecurityGroups ?? []).toEqual([]);
  });

  it('refuses a duplicate name in the same VPC and an unknown VPC', async () => {
    const duplicate = await rejection(
      ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'again', VpcId: VPC })),
    );
    expect(duplicate.name).toBe('InvalidGroup.Duplicate');
    expect(duplicate.$metadata.httpStatusCode).toBe(400);
    const noVpc = await rejection(
      ec2.send(new CreateSecurityGroupCommand({ GroupName: 'x', Description: 'x', VpcId: OTHER_VPC })),
    );
    expect(noVpc.name).toBe('InvalidVpcID.NotFound');
  });

  it('authorizes ingress, revokes the default egress, refuses duplicates, deletes', async () => {
    const { GroupId } = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: 'forensics', Description: 'analyst access', VpcId: VPC }),
    );
    const groupId = GroupId as string;
    const ssh = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/24' }] };
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [ssh] }));
    await ec2.send(
      new RevokeSecurityGroupEgressCommand({
        GroupId: groupId,
        IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      }),
    );
    expect(sim.ec2.securityGroup(groupId)).toMatchObject({
      ingress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, peer: { cidrIp: '10.0.0.0/24' } }],
      egress: [],
    });

    const again = await rejection(
      ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [ssh] })),
    );
    expect(again.name).toBe('InvalidPermission.Duplicate');
    const revokedTwice = await rejection(
      ec2.send(
        new RevokeSecurityGroupEgressCommand({
          GroupId: groupId,
          IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        }),
      ),
    );
    expect(revokedTwice.name).toBe('InvalidPermission.NotFound');

    const described = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }));
    expect(described.SecurityGroups?.[0]?.IpPermissions).toEqual([
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        IpRanges: [{ CidrIp: '10.0.0.0/24' }],
      }),
    ]);
    expect(described.SecurityGroups?.[0]?.IpPermissionsEgress ?? []).toEqual([]);

    await ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
    expect(sim.ec2.securityGroup(groupId)).toBeUndefined();
    const gone = await rejection(ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId })));
    expect(gone.name).toBe('InvalidGroup.NotFound');
    expect(gone.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses to delete a group an interface still uses', async () => {
    const error = await rejection(ec2.send(new DeleteSecurityGroupCommand({ GroupId: webGroup })));
    expect(error.name).toBe('DependencyViolation');
    expect(sim.ec2.securityGroup(webGroup)).toBeDefined();
  });
});

describe('network interfaces', () => {
  it("replaces an interface's groups, leaving the other interface alone", async () => {
    const isolation = sim.ec2.createSecurityGroup(VPC, 'irac-isolation');
    const listed = await ec2.send(
      new DescribeNetworkInterfacesCommand({
        Filters: [{ Name: 'attachment.instance-id', Values: [INSTANCE] }],
      }),
    );
    expect(
      listed.NetworkInterfaces?.map((eni) => [eni.NetworkInterfaceId, eni.Groups?.map((g) => g.GroupId)]),
    ).toEqual([
      [ENI_PRIMARY, [webGroup, dbGroup]],
      [ENI_SECONDARY, [dbGroup]],
    ]);
    expect(listed.NetworkInterfaces?.[0]?.Attachment?.InstanceId).toBe(INSTANCE);

    await ec2.send(
      new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: ENI_PRIMARY, Groups: [isolation] }),
    );
    expect(sim.ec2.networkInterfaceGroups(ENI_PRIMARY)).toEqual([isolation]);
    expect(sim.ec2.networkInterfaceGroups(ENI_SECONDARY)).toEqual([dbGroup]);
    const instance = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [INSTANCE] }));
    expect(instance.Reservations?.[0]?.Instances?.[0]?.SecurityGroups?.map((g) => g.GroupId)).toEqual([
      isolation,
    ]);
  });

  it('refuses an unknown group, a group of another VPC, an unknown interface', async () => {
    const foreign = sim.ec2.createSecurityGroup(OTHER_VPC, 'foreign');
    const unknown = await rejection(
      ec2.send(
        new ModifyNetworkInterfaceAttributeCommand({
          NetworkInterfaceId: ENI_PRIMARY,
          Groups: ['sg-0fffffffffffffff0'],
        }),
      ),
    );
    expect(unknown.name).toBe('InvalidGroup.NotFound');
    const crossVpc = await rejection(
      ec2.send(
        new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: ENI_PRIMARY, Groups: [foreign] }),
      ),
    );
    expect(crossVpc.name).toBe('InvalidParameter');
    const noEni = await rejection(
      ec2.send(
        new ModifyNetworkInterfaceAttributeCommand({
          NetworkInterfaceId: 'eni-0fffffffffffffff0',
          Groups: [webGroup],
        }),
      ),
    );
    expect(noEni.name).toBe('InvalidNetworkInterfaceID.NotFound');
    expect(sim.ec2.networkInterfaceGroups(ENI_PRIMARY)).toEqual([webGroup, dbGroup]);
  });
});

describe('tags and snapshots', () => {
  it('tags resources and describes the tags by resource id', async () => {
    await ec2.send(
      new CreateTagsCommand({
        Resources: [INSTANCE, webGroup],
        Tags: [{ Key: 'irac:incident', Value: 'INC-2026-0001' }],
      }),
    );
    expect(sim.ec2.tags(webGroup).get('irac:incident')).toBe('INC-2026-0001');
    const described = await ec2.send(
      new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [INSTANCE] }] }),
    );
    expect(described.Tags).toContainEqual({
      ResourceId: INSTANCE,
      ResourceType: 'instance',
      Key: 'irac:incident',
      Value: 'INC-2026-0001',
    });
    const unknown = await rejection(
      ec2.send(
        new CreateTagsCommand({ Resources: ['i-0fffffffffffffff0'], Tags: [{ Key: 'k', Value: 'v' }] }),
      ),
    );
    expect(unknown.name).toBe('InvalidID');
    const reserved = await rejection(
      ec2.send(new CreateTagsCommand({ Resources: [INSTANCE], Tags: [{ Key: 'aws:x', Value: 'v' }] })),
    );
    expect(reserved.name).toBe('InvalidParameterValue');
  });

  it('snapshots every volume of an instance, tagged, and finds the snapshots by tag', async () => {
    const created = await ec2.send(
      new CreateSnapshotsCommand({
        InstanceSpecification: { InstanceId: INSTANCE },
        Description: 'evidence',
        TagSpecifications: [
          { ResourceType: 'snapshot', Tags: [{ Key: 'irac:incident', Value: 'INC-2026-0001' }] },
        ],
      }),
    );
    expect(created.Snapshots?.map((snapshot) => snapshot.VolumeId)).toEqual([
      'vol-0111111111111111a',
      'vol-0222222222222222b',
    ]);
    expect(sim.ec2.snapshots().map((snapshot) => snapshot.tags.get('irac:incident'))).toEqual([
      'INC-2026-0001',
      'INC-2026-0001',
    ]);
    const found = await ec2.send(
      new DescribeSnapshotsCommand({ Filters: [{ Name: 'tag:irac:incident', Values: ['INC-2026-0001'] }] }),
    );
    expect(found.Snapshots?.map((snapshot) => snapshot.SnapshotId).sort()).toEqual(
      created.Snapshots?.map((snapshot) => snapshot.SnapshotId).sort(),
    );
    expect(found.Snapshots?.[0]?.VolumeSize).toBe(20);
    const other = await ec2.send(
      new DescribeSnapshotsCommand({ Filters: [{ Name: 'tag:irac:incident', Values: ['INC-2026-0002'] }] }),
    );
    expect(other.Snapshots ?? []).toEqual([]);

    const missing = await rejection(
      ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: 'i-0fffffffffffffff0' } })),
    );
    expect(missing.name).toBe('InvalidInstanceID.NotFound');
  });
});

describe('the wire', () => {
  it('logs reads as read-only and changes as mutating, with the flattened parameters EC2 uses', async () => {
    await ec2.send(new DescribeInstancesCommand({ InstanceIds: [INSTANCE] }));
    await ec2.send(
      new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: ENI_PRIMARY, Groups: [webGroup] }),
    );
    expect(sim.requests.map((request) => [request.action, request.version, request.mutating])).toEqual([
      ['DescribeInstances', '2016-11-15', false],
      ['ModifyNetworkInterfaceAttribute', '2016-11-15', true],
    ]);
    expect(sim.requests[0]?.params.get('InstanceId.1')).toBe(INSTANCE);
    expect(sim.requests[1]?.params.get('SecurityGroupId.1')).toBe(webGroup);
    expect(sim.mutatingRequests()).toHaveLength(1);
  });

  it('answers in the EC2 envelopes, success and error', async () => {
    // The sim reads the signer from the Authorization header (it does not check signatures), so a
    // plain POST shows the exact bytes the SDK's ec2Query parser is given.
    const post = (body: string) =>
      fetch(sim.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `AWS4-HMAC-SHA256 Credential=${sim.credentials.accessKeyId}/20260101/${SCOPE}`,
        },
        body,
      });
    const ok = await post(`Action=DescribeInstances&Version=2016-11-15&InstanceId.1=${INSTANCE}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(
      new RegExp(
        '^<\\?xml[^>]*\\?>\n' +
          '<DescribeInstancesResponse xmlns="http://ec2\\.amazonaws\\.com/doc/2016-11-15/">' +
          '<requestId>[0-9a-f-]{36}</requestId><reservationSet><item>',
      ),
    );
    const refused = await post(
      'Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-0fffffffffffffff0',
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(
      new RegExp(
        '<Response><Errors><Error><Code>InvalidInstanceID\\.NotFound</Code>' +
          '<Message>The instance ID &apos;i-0fffffffffffffff0&apos; does not exist</Message>' +
          '</Error></Errors>' +
          '<RequestID>[0-9a-f-]{36}</RequestID></Response>',
      ),
    );
  });

  it('lets the SDK retry a throttled call (RequestLimitExceeded) to success', async () => {
    sim.failNext('ModifyNetworkInterfaceAttribute', { status: 503, code: 'RequestLimitExceeded' });
    sim.failNext('ModifyNetworkInterfaceAttribute', { status: 503, code: 'RequestLimitExceeded' });
    const answer = await ec2.send(
      new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: ENI_PRIMARY, Groups: [dbGroup] }),
    );
    expect(answer.$metadata.attempts).toBe(3);
    expect(sim.requests.map((request) => request.errorCode)).toEqual([
      'RequestLimitExceeded',
      'RequestLimitExceeded',
      null,
    ]);
    expect(sim.ec2.networkInterfaceGroups(ENI_PRIMARY)).toEqual([dbGroup]);
  });

  it('refuses an unknown filter and a hostile tag key without a stack trace', async () => {
    const filter = await rejection(
      ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: '__proto__', Values: ['x'] }] })),
    );
    expect(filter.name).toBe('InvalidParameterValue');
    expect(filter.message).toBe("The filter '__proto__' is invalid");
    await ec2.send(
      new CreateTagsCommand({ Resources: [INSTANCE], Tags: [{ Key: '__proto__', Value: '<x>&' }] }),
    );
    expect(sim.ec2.tags(INSTANCE).get('__proto__')).toBe('<x>&');
    const described = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'tag:__proto__', Values: ['<x>&'] }] }),
    );
    expect(described.Reservations?.[0]?.Instances?.[0]?.Tags).toContainEqual({
      Key: '__proto__',
      Value: '<x>&',
    });
  });
});
