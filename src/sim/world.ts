// The organisation `irac simulate` responds in: one AWS account (the production orders API on EC2 in an
// Auto Scaling group, the CI deployer whose access key leaked, the bastion the pentest vendor probes),
// the Slack channels the shipped playbooks post to, and the GitHub repository their tickets go to — all
// on loopback, speaking the real wire protocols, reached through the real SDK clients. Every resource the
// scenarios in samples/scenarios/ name exists here, so a plan made from them acts on something real.
// The state readers say what containment changed, by name, in a form that compares before and after.

import type { ConnectorEnvironment } from '../connectors/clients.js';
import { type AwsSim, startAwsSim } from './aws/index.js';
import { type GitHubSim, startGitHubSim } from './github.js';
import { type SlackSim, startSlackSim } from './slack.js';

/** The AWS account and region of the scenarios, and what the sims hold there. */
export const ORG = {
  account: '123456789012',
  region: 'eu-west-1',
  vpc: 'vpc-0a1b2c3d4e5f60009',
  /** The workflow's own repository, where the playbooks' tickets are filed. */
  repository: 'example-org/security-incidents',
  /** Every channel a shipped playbook posts to. */
  channels: ['ir-aws', 'ir-critical', 'ir-high', 'ir-queue'],
  /** orders-api-2: production (assets/aws.yaml, asset orders-api), the crypto-mining finding's instance. */
  ordersInstance: 'i-0abcd1234ef567890',
  ordersSibling: 'i-0abcd1234ef567891',
  ordersGroup: 'orders-api',
  ordersRole: 'orders-api-instance-role',
  ordersProfile: 'orders-api-instance',
  ordersInterfaces: ['eni-0a1b2c3d4e5f60001', 'eni-0a1b2c3d4e5f60002'],
  /** The bastion the penetration-test vendor probes. */
  bastion: 'i-0f1e2d3c4b5a69788',
  /** The CI deployment user (asset ci-deployer, production), its own key and the one the attacker made. */
  deployer: 'ci-deployer',
  deployerKey: 'AKIAEXAMPLECIDEPLOY1',
  persistenceKey: 'AKIAEXAMPLEPERSIST7Q',
  /** A Tor exit listed in intel/team-observations.yaml. */
  torExit: '203.0.113.77',
} as const;

/** The EC2 trust policy an instance role has. */
export const EC2_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** Loopback AWS, Slack and GitHub, and how to reach them: in process, or from a child through its environment. */
export interface Sims {
  readonly aws: AwsSim;
  readonly slack: SlackSim;
  readonly github: GitHubSim;
  /** Real SDK clients' settings for the sims (createClients). */
  readonly connectors: ConnectorEnvironment;
  /** The standard variables a child irac reads, pointing at the sims (and nothing else of the caller's). */
  readonly env: NodeJS.ProcessEnv;
  /** Mutating requests each service has received so far. */
  mutations(): { aws: number; slack: number; github: number };
  close(): Promise<void>;
}

export interface SimsOptions {
  readonly account: string;
  readonly region: string;
  readonly channels: readonly string[];
  readonly repository: string;
}

export async function startSims(options: SimsOptions): Promise<Sims> {
  const [aws, slack, github] = await Promise.all([
    startAwsSim({ accountId: options.account, region: options.region }),
    startSlackSim(),
    startGitHubSim(),
  ]);
  for (const channel of options.channels) slack.addChannel(channel);
  github.addRepository(options.repository);
  const scrubbed = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(AWS_|GITHUB_|SLACK_|JIRA_|IRAC_)/.test(name)),
  );
  return {
    aws,
    slack,
    github,
    connectors: {
      aws: { endpoint: aws.endpoint, credentials: aws.credentials },
      slack: { token: slack.token, apiUrl: `${slack.url}/api/`, retries: 1 },
      // GitHub paces writes a second apart (three for those that notify); a loopback sim needs no pacing.
      github: {
        token: github.token,
        baseUrl: github.url,
        repository: options.repository,
        retries: 1,
        secondMs: 1,
      },
    },
    env: {
      ...scrubbed,
      AWS_ENDPOINT_URL: aws.endpoint,
      AWS_ACCESS_KEY_ID: aws.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.credentials.secretAccessKey,
      AWS_REGION: options.region,
      // Nothing from the machine's own AWS set-up: no profile files, no instance metadata.
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: `${slack.url}/api/`,
      GITHUB_TOKEN: github.token,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: options.repository,
    },
    mutations: () => ({
      aws: aws.mutatingRequests().length,
      slack: slack.mutatingRequests().length,
      github: github.mutatingRequests().length,
    }),
    close: async () => {
      await Promise.all([aws.close(), slack.close(), github.close()]);
    },
  };
}

/** What containment changes on an instance, by name. */
export interface InstanceState {
  readonly interfaces: { readonly eni: string; readonly groups: (string | undefined)[] }[];
  readonly profile: string | null;
  readonly metadata: 'enabled' | 'disabled';
  readonly terminationProtection: boolean;
  readonly shutdown: 'stop' | 'terminate';
  readonly deleteOnTermination: boolean[];
  readonly tags: Record<string, string>;
  /** Its lifecycle state in its Auto Scaling group; undefined when in none. */
  readonly autoScaling: string | undefined;
}

export function instanceState(aws: AwsSim, instanceId: string): InstanceState | undefined {
  const instance = aws.ec2.instance(instanceId);
  if (!instance) return undefined;
  return {
    interfaces: instance.networkInterfaces.map((eni) => ({
      eni: eni.networkInterfaceId,
      groups: eni.groupIds.map((id) => aws.ec2.securityGroup(id)?.groupName),
    })),
    profile: instance.iamInstanceProfileArn,
    metadata: instance.metadataOptions.httpEndpoint,
    terminationProtection: instance.disableApiTermination,
    shutdown: instance.instanceInitiatedShutdownBehavior,
    deleteOnTermination: instance.volumes.map((volume) => volume.deleteOnTermination),
    tags: Object.fromEntries([...aws.ec2.tags(instanceId)].sort(([a], [b]) => (a < b ? -1 : 1))),
    autoScaling: aws.autoscaling.instance(instanceId)?.lifecycleState,
  };
}

/** An IAM user's keys and inline policies: what credential containment changes. */
export interface UserState {
  readonly keys: { readonly id: string; readonly status: 'Active' | 'Inactive' }[];
  readonly inlinePolicies: string[];
}

/** An Auto Scaling group's capacity and members. */
export interface GroupState {
  readonly desired: number;
  readonly instances: { readonly id: string; readonly state: string; readonly replacement: boolean }[];
}

/** The simulated organisation, on top of the sims. */
export interface World extends Sims {
  instance(instanceId?: string): InstanceState | undefined;
  /** Snapshots of the instance's volumes, with their tags. */
  snapshots(instanceId?: string): { id: string; volume: string; tags: Record<string, string> }[];
  group(name?: string): GroupState | undefined;
  user(userName?: string): UserState | undefined;
  /** The secret of a key the attacker holds: whoever has it can sign as the user while the key is active. */
  readonly stolenKeys: readonly { readonly accessKeyId: string; readonly secretAccessKey: string }[];
}

export interface WorldOptions {
  /**
   * When something the scenarios tell of happened, from its time as written in the scenario files: the
   * simulation replays them as if they had just happened. By default, as written.
   */
  readonly clock?: (written: string) => Date;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const clock = options.clock ?? ((written: string) => new Date(written));
  const sims = await startSims({
    account: ORG.account,
    region: ORG.region,
    channels: ORG.channels,
    repository: ORG.repository,
  });
  const { aws } = sims;
  seedOrdersApi(aws);
  seedBastion(aws);
  const stolenKeys = seedDeployer(aws, clock);
  const volumesOf = (id: string) => new Set(aws.ec2.instance(id)?.volumes.map((v) => v.volumeId) ?? []);
  return {
    ...sims,
    stolenKeys,
    instance: (instanceId = ORG.ordersInstance) => instanceState(aws, instanceId),
    snapshots: (instanceId = ORG.ordersInstance) => {
      const volumes = volumesOf(instanceId);
      return aws.ec2
        .snapshots()
        .filter((snapshot) => volumes.has(snapshot.volumeId))
        .map((snapshot) => ({
          id: snapshot.snapshotId,
          volume: snapshot.volumeId,
          tags: Object.fromEntries(snapshot.tags),
        }));
    },
    group: (name = ORG.ordersGroup) => {
      const group = aws.autoscaling.group(name);
      return (
        group && {
          desired: group.desiredCapacity,
          instances: group.instances.map((instance) => ({
            id: instance.instanceId,
            state: instance.lifecycleState,
            replacement: instance.launchedAsReplacement,
          })),
        }
      );
    },
    user: (userName = ORG.deployer) => {
      const user = aws.iam.user(userName);
      return (
        user && {
          keys: user.accessKeys.map((key) => ({ id: key.accessKeyId, status: key.status })),
          inlinePolicies: [...user.inlinePolicies.keys()].sort(),
        }
      );
    },
  };
}

/** Two orders-api instances behind their Auto Scaling group; orders-api-2 is the one mining. */
function seedOrdersApi(aws: AwsSim): void {
  aws.iam.createRole(ORG.ordersRole, EC2_TRUST);
  const profile = aws.iam.createInstanceProfile(ORG.ordersProfile, ORG.ordersRole);
  aws.ec2.addVpc(ORG.vpc, { cidrBlocks: ['10.20.0.0/16'] });
  const web = aws.ec2.createSecurityGroup(
    ORG.vpc,
    'orders-api-web',
    'Orders API: HTTPS from the load balancer',
  );
  const admin = aws.ec2.createSecurityGroup(ORG.vpc, 'orders-api-admin', 'Orders API: SSH from the bastion');
  const [primary, secondary] = ORG.ordersInterfaces;
  aws.ec2.addInstance({
    instanceId: ORG.ordersInstance,
    vpcId: ORG.vpc,
    subnetId: 'subnet-0a1b2c3d4e5f60003',
    networkInterfaces: [
      { networkInterfaceId: primary, groupIds: [web, admin] },
      { networkInterfaceId: secondary, groupIds: [admin] },
    ],
    volumes: [
      { volumeId: 'vol-0a1b2c3d4e5f60021', deviceName: '/dev/xvda', sizeGiB: 30, deleteOnTermination: true },
      { volumeId: 'vol-0a1b2c3d4e5f60022', deviceName: '/dev/sdf', sizeGiB: 100, deleteOnTermination: true },
    ],
    iamInstanceProfileArn: profile,
    metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 },
    instanceInitiatedShutdownBehavior: 'terminate',
    tags: { Name: 'orders-api-2', Environment: 'prod', team: 'orders' },
  });
  aws.ec2.addInstance({
    instanceId: ORG.ordersSibling,
    vpcId: ORG.vpc,
    subnetId: 'subnet-0a1b2c3d4e5f60004',
    networkInterfaces: [{ networkInterfaceId: 'eni-0a1b2c3d4e5f60005', groupIds: [web, admin] }],
    volumes: [
      { volumeId: 'vol-0a1b2c3d4e5f60023', deviceName: '/dev/xvda', sizeGiB: 30, deleteOnTermination: true },
    ],
    iamInstanceProfileArn: profile,
    tags: { Name: 'orders-api-1', Environment: 'prod', team: 'orders' },
  });
  aws.autoscaling.createGroup({
    name: ORG.ordersGroup,
    minSize: 2,
    maxSize: 6,
    desiredCapacity: 2,
    instanceIds: [ORG.ordersSibling, ORG.ordersInstance],
  });
}

function seedBastion(aws: AwsSim): void {
  const bastion = aws.ec2.createSecurityGroup(ORG.vpc, 'bastion', 'SSH from the office');
  aws.ec2.addInstance({
    instanceId: ORG.bastion,
    vpcId: ORG.vpc,
    subnetId: 'subnet-0a1b2c3d4e5f60001',
    networkInterfaces: [{ networkInterfaceId: 'eni-0f1e2d3c4b5a69701', groupIds: [bastion] }],
    volumes: [
      { volumeId: 'vol-0f1e2d3c4b5a69721', deviceName: '/dev/xvda', sizeGiB: 8, deleteOnTermination: true },
    ],
    tags: { Name: 'bastion-eu-west-1', Environment: 'prod' },
  });
}

/**
 * The CI deployer and its key, leaked months after it was made; what the attacker did with it from a Tor
 * exit before CloudTrail's CreateAccessKey record was noticed, kept in the account's event history for the
 * evidence step to find; and the second key they made, to stay in once the first is rotated.
 */
function seedDeployer(aws: AwsSim, clock: (written: string) => Date) {
  aws.iam.createUser(ORG.deployer);
  const leaked = aws.iam.createAccessKey(ORG.deployer, {
    accessKeyId: ORG.deployerKey,
    createDate: clock('2025-09-02T10:14:00Z'),
  });
  const persistence = aws.iam.createAccessKey(ORG.deployer, {
    accessKeyId: ORG.persistenceKey,
    createDate: clock('2026-03-14T09:18:22Z'),
  });
  const attacker = {
    userName: ORG.deployer,
    sourceIPAddress: ORG.torExit,
    userAgent: 'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.8',
  };
  const calls = [
    { at: '2026-03-14T09:11:40Z', eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity' },
    { at: '2026-03-14T09:12:03Z', eventSource: 'iam.amazonaws.com', eventName: 'ListUsers' },
    {
      at: '2026-03-14T09:13:27Z',
      eventSource: 'iam.amazonaws.com',
      eventName: 'ListAttachedUserPolicies',
      requestParameters: { userName: ORG.deployer },
      resources: [{ type: 'AWS::IAM::User', name: ORG.deployer }],
    },
    {
      at: '2026-03-14T09:18:22Z',
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateAccessKey',
      // The record samples/scenarios/cloudtrail-access-key-from-tor.json carries.
      eventId: 'c7a9e1b3-5d7f-4a2c-9e4b-6d8f0a2c4e6b',
      requestParameters: { userName: ORG.deployer },
      responseElements: {
        accessKey: { userName: ORG.deployer, accessKeyId: ORG.persistenceKey, status: 'Active' },
      },
      resources: [
        { type: 'AWS::IAM::User', name: ORG.deployer },
        { type: 'AWS::IAM::AccessKey', name: ORG.persistenceKey },
      ],
    },
  ] as const;
  for (const { at, ...call } of calls) {
    aws.cloudtrail.addEvent({ ...attacker, ...call, accessKeyId: ORG.deployerKey, eventTime: clock(at) });
  }
  // The new key tried straight away, from the same exit.
  aws.cloudtrail.addEvent({
    ...attacker,
    eventSource: 's3.amazonaws.com',
    eventName: 'ListBuckets',
    accessKeyId: ORG.persistenceKey,
    eventTime: clock('2026-03-14T09:19:10Z'),
    region: ORG.region,
  });
  return [leaked, persistence];
}
