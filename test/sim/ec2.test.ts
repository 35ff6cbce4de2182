// The simulated EC2 driven by the real AWS SDK v3 client: what the containment actions will meet.

import {
  AssociateIamInstanceProfileCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkAclEntryCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotsCommand,
  CreateTagsCommand,
  DeleteNetworkAclEntryCommand,
  DeleteSecurityGroupCommand,
  DescribeIamInstanceProfileAssociationsCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeTagsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  DisassociateIamInstanceProfileCommand,
  EC2Client,
  EC2ServiceException,
  ModifyInstanceAttributeCommand,
  ModifyInstanceMetadataOptionsCommand,
  ModifyNetworkInterfaceAttributeCommand,
  paginateDescribeIamInstanceProfileAssociations,
  paginateDescribeInstances,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
  ReplaceIamInstanceProfileAssociationCommand,
  ReplaceNetworkAclEntryCommand,
  RevokeSecurityGroupEgressCommand,
} from '@aws-sdk/client-ec2';
import { CreateAccessKeyCommand, IAMClient, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AwsSim, startAwsSim } from '../../src/sim/aws/index.js';
import { adminClient } from '../support/aws-admin.js';
import { rejectionOf } from '../support/rejection.js';

const ACCOUNT = '123456789012';
const VPC = 'vpc-0a1b2c3d4e5f60718';
const OTHER_VPC = 'vpc-0ffffffffffffffff';
const INSTANCE = 'i-0123456789abcdef0';
const ENI_PRIMARY = 'eni-0aaaaaaaaaaaaaaaa';
const ENI_SECONDARY = 'eni-0bbbbbbbbbbbbbbbb';
const SCOPE = 'eu-west-1/ec2/aws4_request';
const SUBNET = 'subnet-0123456789abcdef0';
const PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/orders-api`;
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

let sim: AwsSim;
let ec2: EC2Client;
let webGroup: string;
let dbGroup: string;

const rejection = (promise: Promise<unknown>) => rejectionOf<EC2ServiceException>(promise);

beforeEach(async () => {
  sim = await startAwsSim({ accountId: ACCOUNT, region: 'eu-west-1' });
  ec2 = adminClient(sim, EC2Client);
  webGroup = sim.ec2.createSecurityGroup(VPC, 'web', 'web tier');
  dbGroup = sim.ec2.createSecurityGroup(VPC, 'db', 'database tier');
  sim.iam.createRole('orders-api', TRUST);
  expect(sim.iam.createInstanceProfile('orders-api', 'orders-api')).toBe(PROFILE);
  sim.ec2.addInstance({
    instanceId: INSTANCE,
    vpcId: VPC,
    subnetId: SUBNET,
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

describe('Spot Instances', () => {
  const SPOT = 'i-05b07ca5e5b07ca5e';
  beforeEach(() => {
    sim.ec2.addInstance({
      instanceId: SPOT,
      vpcId: VPC,
      subnetId: SUBNET,
      networkInterfaces: [{ networkInterfaceId: 'eni-05b07ca5e5b07ca5e' }],
      volumes: [{ volumeId: 'vol-05b07ca5e5b07ca5e', deviceName: '/dev/xvda', deleteOnTermination: true }],
      instanceInitiatedShutdownBehavior: 'terminate',
      instanceLifecycle: 'spot',
    });
  });

  it('says an instance is Spot, with its request id, and finds it by the instance-lifecycle filter', async () => {
    const answer = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [SPOT, INSTANCE] }));
    const instances = answer.Reservations?.map((reservation) => reservation.Instances?.[0]) ?? [];
    const spot = instances.find((instance) => instance?.InstanceId === SPOT);
    const onDemand = instances.find((instance) => instance?.InstanceId === INSTANCE);
    expect(spot?.InstanceLifecycle).toBe('spot');
    expect(spot?.SpotInstanceRequestId).toMatch(/^sir-[0-9a-f]{17}$/);
    expect(onDemand?.InstanceLifecycle).toBeUndefined();
    const filtered = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'instance-lifecycle', Values: ['spot'] }] }),
    );
    expect(filtered.Reservations?.map((reservation) => reservation.Instances?.[0]?.InstanceId)).toEqual([
      SPOT,
    ]);
    expect(sim.ec2.instance(SPOT)?.instanceLifecycle).toBe('spot');
    expect(sim.ec2.instance(INSTANCE)?.instanceLifecycle).toBeNull();
  });

  it("refuses termination protection, on or off, in EC2's words, and lets the rest change", async () => {
    for (const Value of [true, false]) {
      const refused = await rejection(
        ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: SPOT, DisableApiTermination: { Value } })),
      );
      expect(refused.name).toBe('UnsupportedOperation');
      expect(refused.message).toBe("Modifying 'disableApiTermination' is not supported for spot instances.");
      expect(refused.$metadata.httpStatusCode).toBe(400);
    }
    expect(sim.ec2.instance(SPOT)?.disableApiTermination).toBe(false);
    await ec2.send(
      new ModifyInstanceAttributeCommand({
        InstanceId: SPOT,
        InstanceInitiatedShutdownBehavior: { Value: 'stop' },
      }),
    );
    await ec2.send(
      new ModifyInstanceAttributeCommand({
        InstanceId: SPOT,
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: false } }],
      }),
    );
    expect(sim.ec2.instance(SPOT)).toMatchObject({
      instanceInitiatedShutdownBehavior: 'stop',
      volumes: [expect.objectContaining({ deleteOnTermination: false })],
    });
    expect(() =>
      sim.ec2.addInstance({
        instanceId: 'i-05b07ca5e5b07ca5f',
        vpcId: VPC,
        subnetId: SUBNET,
        networkInterfaces: [{ networkInterfaceId: 'eni-05b07ca5e5b07ca5f' }],
        volumes: [],
        instanceLifecycle: 'spot',
        disableApiTermination: true,
      }),
    ).toThrow('is a Spot Instance, which EC2 never protects');
  });
});

describe('VPCs', () => {
  it('describes a VPC with its IPv4 and IPv6 blocks, found by id and by CIDR filter', async () => {
    const seeded = 'vpc-0c1d2e3f405162738';
    sim.ec2.addVpc(seeded, {
      cidrBlocks: ['10.20.0.9/16', '100.64.0.0/16'],
      ipv6CidrBlocks: ['2600:1f18:4b2:e300::/56'],
    });
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ VpcIds: [seeded] }));
    expect(Vpcs).toHaveLength(1);
    expect(Vpcs?.[0]).toMatchObject({
      VpcId: seeded,
      OwnerId: ACCOUNT,
      State: 'available',
      CidrBlock: '10.20.0.0/16',
      IsDefault: false,
    });
    expect(
      Vpcs?.[0]?.CidrBlockAssociationSet?.map((block) => [block.CidrBlock, block.CidrBlockState?.State]),
    ).toEqual([
      ['10.20.0.0/16', 'associated'],
      ['100.64.0.0/16', 'associated'],
    ]);
    expect(Vpcs?.[0]?.CidrBlockAssociationSet?.[0]?.AssociationId).toMatch(/^vpc-cidr-assoc-[0-9a-f]{17}$/);
    expect(Vpcs?.[0]?.Ipv6CidrBlockAssociationSet?.map((block) => block.Ipv6CidrBlock)).toEqual([
      '2600:1f18:4b2:e300::/56',
    ]);
    // A VPC seeded without blocks has 10.0.0.0/16 and no IPv6 block.
    const plain = await ec2.send(new DescribeVpcsCommand({ VpcIds: [VPC] }));
    expect(plain.Vpcs?.[0]?.CidrBlock).toBe('10.0.0.0/16');
    expect(plain.Vpcs?.[0]?.Ipv6CidrBlockAssociationSet).toBeUndefined();
    const byCidr = await ec2.send(
      new DescribeVpcsCommand({
        Filters: [{ Name: 'cidr-block-association.cidr-block', Values: ['100.64.0.0/16'] }],
      }),
    );
    expect(byCidr.Vpcs?.map((vpc) => vpc.VpcId)).toEqual([seeded]);
  });

  it('refuses an unknown VPC and a malformed id as EC2 does', async () => {
    const unknown = await rejection(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0eeeeeeeeeeeeeeee'] })));
    expect(unknown.name).toBe('InvalidVpcID.NotFound');
    expect(unknown.message).toBe("The vpc ID 'vpc-0eeeeeeeeeeeeeeee' does not exist");
    const malformed = await rejection(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-nope'] })));
    expect(malformed.name).toBe('InvalidVpcID.Malformed');
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
      ec2.send(new CreateTagsCommand({ Resources: ['sg-x'], Tags: [{ Key: 'k', Value: 'v' }] })),
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

  it('reports a snapshot EBS failed as error, with a status message, and filters by status', async () => {
    const created = await ec2.send(
      new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: INSTANCE } }),
    );
    const [failed, good] = created.Snapshots?.map((snapshot) => snapshot.SnapshotId as string) ?? [];
    sim.ec2.failSnapshot(failed as string);
    const { Snapshots } = await ec2.send(
      new DescribeSnapshotsCommand({ SnapshotIds: [failed as string, good as string] }),
    );
    expect(Snapshots?.map((snapshot) => [snapshot.SnapshotId, snapshot.State, snapshot.Progress])).toEqual([
      [failed, 'error', '0%'],
      [good, 'completed', '100%'],
    ]);
    expect(Snapshots?.[0]?.StateMessage).toBe('Snapshot creation failed.');
    expect(Snapshots?.[1]?.StateMessage).toBeUndefined();
    const errors = await ec2.send(
      new DescribeSnapshotsCommand({ Filters: [{ Name: 'status', Values: ['error'] }] }),
    );
    expect(errors.Snapshots?.map((snapshot) => snapshot.SnapshotId)).toEqual([failed]);
    expect(sim.ec2.snapshots().map((snapshot) => snapshot.status)).toEqual(['error', 'completed']);
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

/** Seeds `count` more instances in VPC, each with one volume, one interface and an instance profile. */
function addInstances(count: number, profileArn: string): string[] {
  return Array.from({ length: count }, (_, index) => {
    const suffix = (0x100 + index).toString(16).padStart(17, '0');
    const instanceId = `i-${suffix}`;
    sim.ec2.addInstance({
      instanceId,
      vpcId: VPC,
      subnetId: SUBNET,
      networkInterfaces: [{ networkInterfaceId: `eni-${suffix}` }],
      volumes: [{ volumeId: `vol-${suffix}`, deviceName: '/dev/xvda', deleteOnTermination: true }],
      iamInstanceProfileArn: profileArn,
    });
    return instanceId;
  });
}

describe('instance metadata options', () => {
  it('turns the metadata endpoint off: pending in the answer, applied in DescribeInstances', async () => {
    const answer = await ec2.send(
      new ModifyInstanceMetadataOptionsCommand({ InstanceId: INSTANCE, HttpEndpoint: 'disabled' }),
    );
    expect(answer.InstanceId).toBe(INSTANCE);
    expect(answer.InstanceMetadataOptions).toEqual({
      State: 'pending',
      HttpTokens: 'optional',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'disabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    });
    expect(sim.ec2.instance(INSTANCE)?.metadataOptions).toEqual({
      httpTokens: 'optional',
      httpEndpoint: 'disabled',
      httpPutResponseHopLimit: 2,
      httpProtocolIpv6: 'disabled',
      instanceMetadataTags: 'disabled',
    });
    const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [INSTANCE] }));
    expect(described.Reservations?.[0]?.Instances?.[0]?.MetadataOptions).toEqual({
      State: 'applied',
      HttpTokens: 'optional',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'disabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    });

    await ec2.send(
      new ModifyInstanceMetadataOptionsCommand({
        InstanceId: INSTANCE,
        HttpTokens: 'required',
        HttpPutResponseHopLimit: 1,
      }),
    );
    expect(sim.ec2.instance(INSTANCE)?.metadataOptions).toMatchObject({
      httpTokens: 'required',
      httpEndpoint: 'disabled',
      httpPutResponseHopLimit: 1,
    });
  });

  it('keeps a change pending for as many describes as told, then reports it applied', async () => {
    sim.ec2.metadataOptionsPendingFor(2);
    await ec2.send(
      new ModifyInstanceMetadataOptionsCommand({ InstanceId: INSTANCE, HttpEndpoint: 'disabled' }),
    );
    const states: (string | undefined)[] = [];
    for (let describes = 0; describes < 3; describes += 1) {
      const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [INSTANCE] }));
      const options = described.Reservations?.[0]?.Instances?.[0]?.MetadataOptions;
      expect(options?.HttpEndpoint).toBe('disabled');
      states.push(options?.State);
    }
    expect(states).toEqual(['pending', 'pending', 'applied']);
  });

  it('refuses a hop limit past 64, an unknown token setting and an unknown instance, changing nothing', async () => {
    const hops = await rejection(
      ec2.send(
        new ModifyInstanceMetadataOptionsCommand({ InstanceId: INSTANCE, HttpPutResponseHopLimit: 65 }),
      ),
    );
    expect(hops.name).toBe('InvalidParameterValue');
    const tokens = await rejection(
      ec2.send(
        new ModifyInstanceMetadataOptionsCommand({
          InstanceId: INSTANCE,
          HttpEndpoint: 'disabled',
          HttpTokens: 'sometimes' as 'required',
        }),
      ),
    );
    expect(tokens.name).toBe('InvalidParameterValue');
    expect(tokens.message).toBe('Value (sometimes) for parameter HttpTokens is invalid.');
    const missing = await rejection(
      ec2.send(
        new ModifyInstanceMetadataOptionsCommand({
          InstanceId: 'i-0fffffffffffffff0',
          HttpEndpoint: 'disabled',
        }),
      ),
    );
    expect(missing.name).toBe('InvalidInstanceID.NotFound');
    expect(sim.ec2.instance(INSTANCE)?.metadataOptions).toMatchObject({
      httpEndpoint: 'enabled',
      httpPutResponseHopLimit: 2,
    });
  });
});

describe('IAM instance profile associations', () => {
  it('shows the seeded association in DescribeIamInstanceProfileAssociations and DescribeInstances', async () => {
    const profileId = sim.iam.instanceProfile('orders-api')?.instanceProfileId;
    const listed = await ec2.send(
      new DescribeIamInstanceProfileAssociationsCommand({
        Filters: [{ Name: 'instance-id', Values: [INSTANCE] }],
      }),
    );
    expect(listed.IamInstanceProfileAssociations).toEqual([
      {
        AssociationId: expect.stringMatching(/^iip-assoc-[0-9a-f]{17}$/),
        InstanceId: INSTANCE,
        IamInstanceProfile: { Arn: PROFILE, Id: profileId },
        State: 'associated',
        Timestamp: expect.any(Date),
      },
    ]);
    const associationId = listed.IamInstanceProfileAssociations?.[0]?.AssociationId;
    expect(sim.ec2.instance(INSTANCE)?.iamInstanceProfileAssociationId).toBe(associationId);
    const instance = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [INSTANCE] }));
    expect(instance.Reservations?.[0]?.Instances?.[0]?.IamInstanceProfile).toEqual({
      Arn: PROFILE,
      Id: profileId,
    });
    const byState = await ec2.send(
      new DescribeIamInstanceProfileAssociationsCommand({
        Filters: [{ Name: 'state', Values: ['associating'] }],
      }),
    );
    expect(byState.IamInstanceProfileAssociations ?? []).toEqual([]);
  });

  it('keeps an association whose profile IAM no longer holds, with an id of its own', async () => {
    const gone = `arn:aws:iam::${ACCOUNT}:instance-profile/deleted-since`;
    sim.ec2.addInstance({
      instanceId: 'i-0aaaaaaaaaaaaaaa1',
      vpcId: VPC,
      subnetId: SUBNET,
      networkInterfaces: [{ networkInterfaceId: 'eni-0aaaaaaaaaaaaaaa1' }],
      volumes: [],
      iamInstanceProfileArn: gone,
    });
    const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0aaaaaaaaaaaaaaa1'] }));
    expect(described.Reservations?.[0]?.Instances?.[0]?.IamInstanceProfile).toEqual({
      Arn: gone,
      Id: expect.stringMatching(/^AIPA[0-9A-F]{17}$/),
    });
  });

  it('replaces the profile under a new association id, and the old id is then unknown', async () => {
    sim.iam.createRole('quarantine', TRUST);
    const quarantine = sim.iam.createInstanceProfile('quarantine', 'quarantine');
    const before = sim.ec2.instance(INSTANCE)?.iamInstanceProfileAssociationId as string;

    const replaced = await ec2.send(
      new ReplaceIamInstanceProfileAssociationCommand({
        AssociationId: before,
        IamInstanceProfile: { Arn: quarantine },
      }),
    );
    const association = replaced.IamInstanceProfileAssociation;
    expect(association).toMatchObject({
      InstanceId: INSTANCE,
      IamInstanceProfile: { Arn: quarantine, Id: sim.iam.instanceProfile('quarantine')?.instanceProfileId },
      State: 'associating',
    });
    expect(association?.AssociationId).toMatch(/^iip-assoc-[0-9a-f]{17}$/);
    expect(association?.AssociationId).not.toBe(before);
    expect(sim.ec2.instance(INSTANCE)).toMatchObject({
      iamInstanceProfileArn: quarantine,
      iamInstanceProfileAssociationId: association?.AssociationId,
    });

    const stale = await rejection(
      ec2.send(new DisassociateIamInstanceProfileCommand({ AssociationId: before })),
    );
    expect(stale.name).toBe('InvalidAssociationID.NotFound');
    expect(stale.message).toBe(`The association ID '${before}' does not exist`);
    const described = await rejection(
      ec2.send(new DescribeIamInstanceProfileAssociationsCommand({ AssociationIds: [before] })),
    );
    expect(described.name).toBe('InvalidAssociationID.NotFound');
  });

  it('disassociates, associates again by name, and refuses a second association', async () => {
    const current = sim.ec2.instance(INSTANCE)?.iamInstanceProfileAssociationId as string;
    const removed = await ec2.send(new DisassociateIamInstanceProfileCommand({ AssociationId: current }));
    expect(removed.IamInstanceProfileAssociation).toMatchObject({
      AssociationId: current,
      InstanceId: INSTANCE,
      IamInstanceProfile: { Arn: PROFILE },
      State: 'disassociating',
    });
    expect(sim.ec2.instance(INSTANCE)).toMatchObject({
      iamInstanceProfileArn: null,
      iamInstanceProfileAssociationId: null,
    });
    const bare = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [INSTANCE] }));
    expect(bare.Reservations?.[0]?.Instances?.[0]?.IamInstanceProfile).toBeUndefined();

    const associated = await ec2.send(
      new AssociateIamInstanceProfileCommand({
        InstanceId: INSTANCE,
        IamInstanceProfile: { Name: 'orders-api' },
      }),
    );
    expect(associated.IamInstanceProfileAssociation).toMatchObject({
      InstanceId: INSTANCE,
      IamInstanceProfile: { Arn: PROFILE },
      State: 'associating',
    });
    expect(sim.ec2.instance(INSTANCE)?.iamInstanceProfileArn).toBe(PROFILE);

    const again = await rejection(
      ec2.send(
        new AssociateIamInstanceProfileCommand({
          InstanceId: INSTANCE,
          IamInstanceProfile: { Arn: PROFILE },
        }),
      ),
    );
    expect(again.name).toBe('IncorrectState');
    expect(again.message).toBe(`There is an existing association for instance ${INSTANCE}`);
  });

  it("refuses a profile IAM does not hold, and an association id that is not one, in EC2's words", async () => {
    const current = sim.ec2.instance(INSTANCE)?.iamInstanceProfileAssociationId as string;
    const unknownArn = `arn:aws:iam::${ACCOUNT}:instance-profile/nope`;
    const byArn = await rejection(
      ec2.send(
        new ReplaceIamInstanceProfileAssociationCommand({
          AssociationId: current,
          IamInstanceProfile: { Arn: unknownArn },
        }),
      ),
    );
    expect(byArn.name).toBe('InvalidParameterValue');
    expect(byArn.message).toBe(
      `Value (${unknownArn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`,
    );
    const byName = await rejection(
      ec2.send(
        new ReplaceIamInstanceProfileAssociationCommand({
          AssociationId: current,
          IamInstanceProfile: { Name: 'nope' },
        }),
      ),
    );
    expect(byName.message).toBe(
      'Value (nope) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
    );
    const notAnAssociation = await rejection(
      ec2.send(new DisassociateIamInstanceProfileCommand({ AssociationId: INSTANCE })),
    );
    expect(notAnAssociation.name).toBe('InvalidParameterValue');
    expect(notAnAssociation.message).toBe('Invalid value for associationId.');
    const noInstance = await rejection(
      ec2.send(
        new AssociateIamInstanceProfileCommand({
          InstanceId: 'i-0fffffffffffffff0',
          IamInstanceProfile: { Arn: PROFILE },
        }),
      ),
    );
    expect(noInstance.name).toBe('InvalidInstanceID.NotFound');
    expect(sim.ec2.instance(INSTANCE)).toMatchObject({
      iamInstanceProfileArn: PROFILE,
      iamInstanceProfileAssociationId: current,
    });
  });
});

describe('network ACLs', () => {
  async function subnetAcl() {
    const answer = await ec2.send(
      new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [SUBNET] }] }),
    );
    expect(answer.NetworkAcls).toHaveLength(1);
    return answer.NetworkAcls?.[0];
  }

  it("gives each VPC a default ACL, associated with the VPC's subnets, with the default entries", async () => {
    const acl = await subnetAcl();
    expect(acl?.NetworkAclId).toMatch(/^acl-[0-9a-f]{17}$/);
    expect(acl?.VpcId).toBe(VPC);
    expect(acl?.IsDefault).toBe(true);
    expect(acl?.OwnerId).toBe(ACCOUNT);
    expect(acl?.Associations).toEqual([
      {
        NetworkAclAssociationId: expect.stringMatching(/^aclassoc-[0-9a-f]{17}$/),
        NetworkAclId: acl?.NetworkAclId,
        SubnetId: SUBNET,
      },
    ]);
    const all = { Protocol: '-1', CidrBlock: '0.0.0.0/0' };
    expect(acl?.Entries).toEqual([
      { ...all, RuleNumber: 100, RuleAction: 'allow', Egress: true },
      { ...all, RuleNumber: 32767, RuleAction: 'deny', Egress: true },
      { ...all, RuleNumber: 100, RuleAction: 'allow', Egress: false },
      { ...all, RuleNumber: 32767, RuleAction: 'deny', Egress: false },
    ]);
    expect(sim.ec2.networkAclOfSubnet(SUBNET)).toMatchObject({
      networkAclId: acl?.NetworkAclId,
      vpcId: VPC,
      isDefault: true,
      subnetIds: [SUBNET],
    });

    sim.ec2.addVpc(OTHER_VPC);
    const defaults = await ec2.send(
      new DescribeNetworkAclsCommand({
        Filters: [
          { Name: 'default', Values: ['true'] },
          { Name: 'vpc-id', Values: [OTHER_VPC] },
        ],
      }),
    );
    expect(defaults.NetworkAcls?.map((other) => [other.VpcId, other.Associations])).toEqual([
      [OTHER_VPC, []],
    ]);
  });

  it('denies an address both ways below the allow-all rule, as EC2 stores it (canonical CIDR)', async () => {
    const aclId = (await subnetAcl())?.NetworkAclId as string;
    for (const egress of [false, true]) {
      await ec2.send(
        new CreateNetworkAclEntryCommand({
          NetworkAclId: aclId,
          RuleNumber: 90,
          Protocol: '-1',
          RuleAction: 'deny',
          Egress: egress,
          CidrBlock: '203.0.113.77/24',
        }),
      );
    }
    await ec2.send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId: aclId,
        RuleNumber: 91,
        Protocol: 'tcp',
        RuleAction: 'deny',
        Egress: false,
        Ipv6CidrBlock: '2001:DB8:0:0:1::5/64',
        PortRange: { From: 22, To: 22 },
      }),
    );
    expect(sim.ec2.networkAcl(aclId)?.entries).toEqual([
      { ruleNumber: 90, egress: true, protocol: '-1', ruleAction: 'deny', cidrBlock: '203.0.113.0/24' },
      { ruleNumber: 100, egress: true, protocol: '-1', ruleAction: 'allow', cidrBlock: '0.0.0.0/0' },
      { ruleNumber: 32767, egress: true, protocol: '-1', ruleAction: 'deny', cidrBlock: '0.0.0.0/0' },
      { ruleNumber: 90, egress: false, protocol: '-1', ruleAction: 'deny', cidrBlock: '203.0.113.0/24' },
      {
        ruleNumber: 91,
        egress: false,
        protocol: '6',
        ruleAction: 'deny',
        ipv6CidrBlock: '2001:db8::/64',
        portRange: { from: 22, to: 22 },
      },
      { ruleNumber: 100, egress: false, protocol: '-1', ruleAction: 'allow', cidrBlock: '0.0.0.0/0' },
      { ruleNumber: 32767, egress: false, protocol: '-1', ruleAction: 'deny', cidrBlock: '0.0.0.0/0' },
    ]);
    const described = await ec2.send(
      new DescribeNetworkAclsCommand({
        NetworkAclIds: [aclId],
        Filters: [{ Name: 'entry.cidr', Values: ['203.0.113.0/24'] }],
      }),
    );
    expect(described.NetworkAcls?.[0]?.Entries).toContainEqual({
      RuleNumber: 91,
      Protocol: '6',
      RuleAction: 'deny',
      Egress: false,
      Ipv6CidrBlock: '2001:db8::/64',
      PortRange: { From: 22, To: 22 },
    });
    // The SDK's own names for these parameters, as EC2 reads them.
    const create = sim.requests.filter((request) => request.action === 'CreateNetworkAclEntry')[2];
    expect(Object.fromEntries(create?.params ?? [])).toMatchObject({
      NetworkAclId: aclId,
      RuleNumber: '91',
      Protocol: 'tcp',
      RuleAction: 'deny',
      Egress: 'false',
      Ipv6CidrBlock: '2001:DB8:0:0:1::5/64',
      'PortRange.From': '22',
      'PortRange.To': '22',
    });
  });

  it('refuses a taken rule number, numbers outside 1–32766, a bad CIDR, a missing port range or ACL', async () => {
    const aclId = (await subnetAcl())?.NetworkAclId as string;
    const entry = {
      NetworkAclId: aclId,
      RuleNumber: 100,
      Protocol: '-1',
      RuleAction: 'deny' as const,
      Egress: false,
      CidrBlock: '198.51.100.7/32',
    };
    const taken = await rejection(ec2.send(new CreateNetworkAclEntryCommand(entry)));
    expect(taken.name).toBe('NetworkAclEntryAlreadyExists');
    expect(taken.message).toBe('The network acl entry identified by 100 already exists.');
    for (const RuleNumber of [0, 32767]) {
      const reserved = await rejection(ec2.send(new CreateNetworkAclEntryCommand({ ...entry, RuleNumber })));
      expect(reserved.name).toBe('InvalidParameterValue');
    }
    const cidr = await rejection(
      ec2.send(
        new CreateNetworkAclEntryCommand({ ...entry, RuleNumber: 80, CidrBlock: '198.51.100.300/32' }),
      ),
    );
    expect(cidr.name).toBe('InvalidParameterValue');
    const ports = await rejection(
      ec2.send(new CreateNetworkAclEntryCommand({ ...entry, RuleNumber: 80, Protocol: '6' })),
    );
    expect(ports.name).toBe('InvalidParameterValue');
    const both = await rejection(
      ec2.send(new CreateNetworkAclEntryCommand({ ...entry, RuleNumber: 80, Ipv6CidrBlock: '::/0' })),
    );
    expect(both.name).toBe('InvalidParameterCombination');
    const noAcl = await rejection(
      ec2.send(new CreateNetworkAclEntryCommand({ ...entry, NetworkAclId: 'acl-0fffffffffffffff0' })),
    );
    expect(noAcl.name).toBe('InvalidNetworkAclID.NotFound');
    expect(noAcl.message).toBe("The networkAcl ID 'acl-0fffffffffffffff0' does not exist");
    const described = await rejection(
      ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: ['acl-0fffffffffffffff0'] })),
    );
    expect(described.name).toBe('InvalidNetworkAclID.NotFound');
    expect(sim.ec2.networkAcl(aclId)?.entries).toHaveLength(4);
  });

  it('replaces and deletes an entry of one direction, and refuses one that is not there', async () => {
    const aclId = (await subnetAcl())?.NetworkAclId as string;
    await ec2.send(
      new ReplaceNetworkAclEntryCommand({
        NetworkAclId: aclId,
        RuleNumber: 100,
        Protocol: '1',
        RuleAction: 'allow',
        Egress: true,
        CidrBlock: '10.0.0.0/8',
        IcmpTypeCode: { Type: -1, Code: -1 },
      }),
    );
    expect(sim.ec2.networkAcl(aclId)?.entries[0]).toEqual({
      ruleNumber: 100,
      egress: true,
      protocol: '1',
      ruleAction: 'allow',
      cidrBlock: '10.0.0.0/8',
      icmpTypeCode: { type: -1, code: -1 },
    });
    expect(sim.requests.at(-1)?.params.get('Icmp.Type')).toBe('-1');
    await ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: aclId, RuleNumber: 100, Egress: true }));
    expect(sim.ec2.networkAcl(aclId)?.entries.map((entry) => [entry.ruleNumber, entry.egress])).toEqual([
      [32767, true],
      [100, false],
      [32767, false],
    ]);
    const gone = await rejection(
      ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: aclId, RuleNumber: 100, Egress: true })),
    );
    expect(gone.name).toBe('InvalidNetworkAclEntry.NotFound');
    expect(gone.message).toBe('no egress entry with number 100');
    const replaceMissing = await rejection(
      ec2.send(
        new ReplaceNetworkAclEntryCommand({
          NetworkAclId: aclId,
          RuleNumber: 77,
          Protocol: '-1',
          RuleAction: 'deny',
          Egress: false,
          CidrBlock: '0.0.0.0/0',
        }),
      ),
    );
    expect(replaceMissing.message).toBe('no ingress entry with number 77');
    const defaultRule = await rejection(
      ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: aclId, RuleNumber: 32767, Egress: false })),
    );
    expect(defaultRule.name).toBe('InvalidParameterValue');
    expect(sim.mutatingRequests().map((request) => request.action)).toEqual([
      'ReplaceNetworkAclEntry',
      'DeleteNetworkAclEntry',
      'DeleteNetworkAclEntry',
      'ReplaceNetworkAclEntry',
      'DeleteNetworkAclEntry',
    ]);
  });
});

describe('volumes', () => {
  it("describes an instance's volumes with their attachments, following DeleteOnTermination changes", async () => {
    const byInstance = () =>
      ec2.send(
        new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [INSTANCE] }] }),
      );
    const before = await byInstance();
    expect(before.Volumes?.map((volume) => [volume.VolumeId, volume.Size, volume.State])).toEqual([
      ['vol-0111111111111111a', 20, 'in-use'],
      ['vol-0222222222222222b', 100, 'in-use'],
    ]);
    expect(before.Volumes?.[1]?.Attachments).toEqual([
      {
        VolumeId: 'vol-0222222222222222b',
        InstanceId: INSTANCE,
        Device: '/dev/sdf',
        State: 'attached',
        AttachTime: expect.any(Date),
        DeleteOnTermination: true,
      },
    ]);

    await ec2.send(
      new ModifyInstanceAttributeCommand({
        InstanceId: INSTANCE,
        BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { DeleteOnTermination: false } }],
      }),
    );
    const after = await byInstance();
    expect(after.Volumes?.map((volume) => volume.Attachments?.[0]?.DeleteOnTermination)).toEqual([
      true,
      false,
    ]);
    const kept = await ec2.send(
      new DescribeVolumesCommand({
        Filters: [{ Name: 'attachment.delete-on-termination', Values: ['false'] }],
      }),
    );
    expect(kept.Volumes?.map((volume) => volume.VolumeId)).toEqual(['vol-0222222222222222b']);

    const missing = await rejection(
      ec2.send(new DescribeVolumesCommand({ VolumeIds: ['vol-0fffffffffffffff0'] })),
    );
    expect(missing.name).toBe('InvalidVolume.NotFound');
    expect(missing.message).toBe("The volume 'vol-0fffffffffffffff0' does not exist.");
  });
});

describe('pagination', () => {
  it('pages every paginated Describe for the SDK paginators, each item once', async () => {
    const instanceIds = [INSTANCE, ...addInstances(11, PROFILE)];
    for (const instanceId of instanceIds.slice(0, 6)) {
      await ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instanceId } }));
    }
    for (let index = 0; index < 6; index += 1)
      sim.ec2.addVpc(`vpc-${(0xa00 + index).toString(16).padStart(17, '0')}`);
    const collect = async <P, T>(pages: AsyncIterable<P>, itemsOf: (page: P) => T[] | undefined) => {
      const sizes: number[] = [];
      const all: T[] = [];
      for await (const page of pages) {
        const found = itemsOf(page) ?? [];
        sizes.push(found.length);
        all.push(...found);
      }
      return { sizes, all };
    };
    const config = { client: ec2, pageSize: 5 };

    const instances = await collect(paginateDescribeInstances(config, {}), (page) =>
      page.Reservations?.flatMap((reservation) => reservation.Instances ?? []),
    );
    expect(instances.sizes).toEqual([5, 5, 2]);
    expect(instances.all.map((instance) => instance.InstanceId).sort()).toEqual([...instanceIds].sort());

    const volumes = await collect(paginateDescribeVolumes(config, {}), (page) => page.Volumes);
    expect(volumes.sizes).toEqual([5, 5, 3]);
    expect(new Set(volumes.all.map((volume) => volume.VolumeId)).size).toBe(13);

    const snapshots = await collect(paginateDescribeSnapshots(config, {}), (page) => page.Snapshots);
    expect(snapshots.sizes).toEqual([5, 2]);

    const interfaces = await collect(
      paginateDescribeNetworkInterfaces(config, {}),
      (page) => page.NetworkInterfaces,
    );
    expect(interfaces.sizes).toEqual([5, 5, 3]);
    expect(new Set(interfaces.all.map((eni) => eni.NetworkInterfaceId)).size).toBe(13);

    // The default groups of the six new VPCs, plus this VPC's default, web and db.
    const groups = await collect(paginateDescribeSecurityGroups(config, {}), (page) => page.SecurityGroups);
    expect(groups.sizes).toEqual([5, 4]);

    const acls = await collect(paginateDescribeNetworkAcls(config, {}), (page) => page.NetworkAcls);
    expect(acls.sizes).toEqual([5, 2]);
    expect(new Set(acls.all.map((acl) => acl.VpcId)).size).toBe(7);

    const vpcs = await collect(paginateDescribeVpcs(config, {}), (page) => page.Vpcs);
    expect(vpcs.sizes).toEqual([5, 2]);
    expect(new Set(vpcs.all.map((vpc) => vpc.VpcId)).size).toBe(7);

    const associations = await collect(
      paginateDescribeIamInstanceProfileAssociations(config, {}),
      (page) => page.IamInstanceProfileAssociations,
    );
    expect(associations.sizes).toEqual([5, 5, 2]);
    expect(new Set(associations.all.map((association) => association.InstanceId)).size).toBe(12);

    const instancePages = sim.requests.filter((request) => request.action === 'DescribeInstances');
    expect(instancePages.map((request) => request.params.get('MaxResults'))).toEqual(['5', '5', '5']);
    expect(instancePages[0]?.params.has('NextToken')).toBe(false);
    expect(instancePages[1]?.params.get('NextToken')).toMatch(/^[\w-]{32}$/);
  });

  it('refuses MaxResults out of bounds, ids with MaxResults, and a token it did not issue for that call', async () => {
    addInstances(6, PROFILE);
    const small = await rejection(ec2.send(new DescribeInstancesCommand({ MaxResults: 4 })));
    expect(small.name).toBe('InvalidParameterValue');
    expect(small.message).toBe(
      'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.',
    );
    const large = await rejection(ec2.send(new DescribeNetworkAclsCommand({ MaxResults: 1001 })));
    expect(large.name).toBe('InvalidParameterValue');
    // DescribeVolumes answers a larger MaxResults with at most 500, as EC2 documents.
    const clamped = await ec2.send(new DescribeVolumesCommand({ MaxResults: 600 }));
    expect(clamped.Volumes).toHaveLength(8);
    expect(clamped.NextToken).toBeUndefined();
    const combined = await rejection(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: [INSTANCE], MaxResults: 5 })),
    );
    expect(combined.name).toBe('InvalidParameterCombination');
    expect(combined.message).toBe('The parameter instancesSet cannot be used with the parameter maxResults');

    const first = await ec2.send(new DescribeVolumesCommand({ MaxResults: 5 }));
    expect(first.NextToken).toBeDefined();
    const rest = await ec2.send(new DescribeVolumesCommand({ MaxResults: 5, NextToken: first.NextToken }));
    expect(rest.Volumes).toHaveLength(3);
    const elsewhere = await rejection(
      ec2.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: first.NextToken })),
    );
    expect(elsewhere.name).toBe('InvalidParameterValue');
    const forged = await rejection(
      ec2.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: 'AAAA' })),
    );
    expect(forged.message).toBe('Value (AAAA) for parameter NextToken is invalid. The token is invalid.');
  });
});

describe('credentials EC2 refuses', () => {
  it('words an inactive key as AuthFailure (401), where IAM says InvalidClientTokenId', async () => {
    const iam = adminClient(sim, IAMClient);
    sim.iam.createUser('departed');
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'departed' }));
    const key = {
      accessKeyId: AccessKey?.AccessKeyId as string,
      secretAccessKey: AccessKey?.SecretAccessKey as string,
    };
    await iam.send(
      new UpdateAccessKeyCommand({ UserName: 'departed', AccessKeyId: key.accessKeyId, Status: 'Inactive' }),
    );
    const theirs = new EC2Client({ endpoint: sim.endpoint, region: 'eu-west-1', credentials: key });
    const refused = await rejection(theirs.send(new DescribeInstancesCommand({})));
    expect(refused.name).toBe('AuthFailure');
    expect(refused.message).toBe('AWS was not able to validate the provided access credentials');
    expect(refused.$metadata.httpStatusCode).toBe(401);
    const stranger = new EC2Client({
      endpoint: sim.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'x' },
    });
    expect((await rejection(stranger.send(new DescribeInstancesCommand({})))).name).toBe('AuthFailure');
    const theirIam = new IAMClient({ endpoint: sim.endpoint, region: 'eu-west-1', credentials: key });
    const iamRefusal = await rejection(theirIam.send(new CreateAccessKeyCommand({})));
    expect(iamRefusal.name).toBe('InvalidClientTokenId');
    expect(
      sim.requests.map((request) => [request.action, request.status, request.errorCode]).slice(-3),
    ).toEqual([
      ['DescribeInstances', 401, 'AuthFailure'],
      ['DescribeInstances', 401, 'AuthFailure'],
      ['CreateAccessKey', 403, 'InvalidClientTokenId'],
    ]);
    for (const client of [iam, theirs, stranger, theirIam]) client.destroy();
  });

  it('words an expired session as RequestExpired', async () => {
    sim.iam.createRole('responder', TRUST);
    const sts = adminClient(sim, STSClient);
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/responder`,
        RoleSessionName: 'incident',
        DurationSeconds: 900,
      }),
    );
    const session = new EC2Client({
      endpoint: sim.endpoint,
      region: 'eu-west-1',
      credentials: {
        accessKeyId: Credentials?.AccessKeyId as string,
        secretAccessKey: Credentials?.SecretAccessKey as string,
        sessionToken: Credentials?.SessionToken as string,
      },
      maxAttempts: 1,
    });
    await session.send(new DescribeInstancesCommand({ InstanceIds: [INSTANCE] }));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 901_000);
      const expired = await rejection(
        session.send(new DescribeInstancesCommand({ InstanceIds: [INSTANCE] })),
      );
      expect(expired.name).toBe('RequestExpired');
      expect(expired.$metadata.httpStatusCode).toBe(400);
    } finally {
      vi.useRealTimers();
      session.destroy();
      sts.destroy();
    }
  });
});

describe('CreateTags on an instance that is gone', () => {
  it('answers InvalidInstanceID.NotFound, as EC2 does, not InvalidID', async () => {
    const { startAwsSim } = await import('../../src/sim/aws/index.js');
    const { EC2Client, CreateTagsCommand } = await import('@aws-sdk/client-ec2');
    const sim = await startAwsSim({ accountId: '123456789012', region: 'us-east-1' });
    const ec2 = new EC2Client({
      endpoint: sim.endpoint,
      region: 'us-east-1',
      credentials: sim.credentials,
      maxAttempts: 1,
    });
    try {
      const refusal = await ec2
        .send(new CreateTagsCommand({ Resources: ['i-0000000000000dead'], Tags: [{ Key: 'k', Value: 'v' }] }))
        .then(
          () => null,
          (error: Error) => error,
        );
      expect(refusal?.name).toBe('InvalidInstanceID.NotFound');
      expect(refusal?.message).toBe("The instance ID 'i-0000000000000dead' does not exist");
    } finally {
      ec2.destroy();
      await sim.close();
    }
  });
});
