// The world a plan is executed against: one simulated AWS account holding the compromised instance of the
// GuardDuty fixture (two network interfaces, an instance profile, its metadata endpoint on, a member of an
// Auto Scaling group), a Slack workspace with the SOC's channel, and a GitHub repository for tickets — each
// reached through the real SDK clients, in process (createClients) or from the compiled bin (environment).

import type { ConnectorEnvironment } from '../../src/connectors/clients.js';
import { createClients } from '../../src/connectors/clients.js';
import { type AwsSim, startAwsSim } from '../../src/sim/aws/index.js';
import { type GitHubSim, startGitHubSim } from '../../src/sim/github.js';
import { type SlackSim, startSlackSim } from '../../src/sim/slack.js';
import { FAST_RETRY } from './aws-world.js';

/** Where the instance of `guardduty/get-findings.json`'s Backdoor finding lives. */
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-2';
export const INSTANCE = 'i-07a8b9c0d1e2f3a4b';
export const VPC = 'vpc-0c2c2c2c2c2c2c2c2';
export const ENIS = ['eni-0c2c2c2c2c2c2c2c1', 'eni-0c2c2c2c2c2c2c2c2'] as const;
export const PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/orders-worker`;
export const GROUP = 'orders-workers';
/** The template's notify-channel step posts here. */
export const CHANNEL = 'ir-aws';
/** The workflow's own repository, where open-ticket files its issue. */
export const REPOSITORY = 'example-org/security-incidents';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** EC2's own refusal of a caller its policy does not allow: HTTP 403, never retried by the SDK. */
export const UNAUTHORIZED = {
  status: 403,
  code: 'UnauthorizedOperation',
  message: 'You are not authorized to perform this operation.',
} as const;

export interface ResponseWorld {
  readonly aws: AwsSim;
  readonly slack: SlackSim;
  readonly github: GitHubSim;
  /** Real SDK clients on the sims, with short retry waits. */
  readonly connectors: ConnectorEnvironment;
  /** The standard variables the bin reads, pointing at the sims (and nothing else of the caller's). */
  readonly env: NodeJS.ProcessEnv;
  /** Mutating requests each service has received so far. */
  mutations(): { aws: number; slack: number; github: number };
  /** What containment changes on the instance, by name: comparable before and after. */
  instanceState(): unknown;
  close(): Promise<void>;
}

/** A fresh world; `instance: false` leaves the instance out, as if it had been terminated since. */
export async function startResponseWorld(options: { instance?: boolean } = {}): Promise<ResponseWorld> {
  const aws = await startAwsSim({ accountId: ACCOUNT, region: REGION });
  if (options.instance !== false) {
    aws.iam.createRole('orders-worker', TRUST);
    aws.iam.createInstanceProfile('orders-worker', 'orders-worker');
    aws.ec2.addVpc(VPC);
    const web = aws.ec2.createSecurityGroup(VPC, 'orders-web');
    const admin = aws.ec2.createSecurityGroup(VPC, 'orders-admin');
    aws.ec2.addInstance({
      instanceId: INSTANCE,
      vpcId: VPC,
      subnetId: 'subnet-0c2c2c2c2c2c2c2c1',
      networkInterfaces: [
        { networkInterfaceId: ENIS[0], groupIds: [web, admin] },
        { networkInterfaceId: ENIS[1], groupIds: [admin] },
      ],
      volumes: [
        { volumeId: 'vol-0c2c2c2c2c2c2c2c1', deviceName: '/dev/xvda', deleteOnTermination: true },
        { volumeId: 'vol-0c2c2c2c2c2c2c2c2', deviceName: '/dev/sdf', deleteOnTermination: true },
      ],
      iamInstanceProfileArn: PROFILE,
      metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 },
      instanceInitiatedShutdownBehavior: 'terminate',
      tags: { Name: 'orders-worker-3', team: 'orders' },
    });
    aws.autoscaling.createGroup({
      name: GROUP,
      minSize: 1,
      maxSize: 4,
      desiredCapacity: 1,
      instanceIds: [INSTANCE],
    });
  }
  const slack = await startSlackSim();
  slack.addChannel(CHANNEL);
  const github = await startGitHubSim();
  github.addRepository(REPOSITORY);

  const scrubbed = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(AWS_|GITHUB_|SLACK_|JIRA_|IRAC_)/.test(name)),
  );
  return {
    aws,
    slack,
    github,
    connectors: {
      aws: { endpoint: aws.endpoint, credentials: aws.credentials, retryStrategy: FAST_RETRY },
      slack: { token: slack.token, apiUrl: `${slack.url}/api/`, retries: 1 },
      github: { token: github.token, baseUrl: github.url, repository: REPOSITORY, retries: 1, secondMs: 1 },
    },
    env: {
      ...scrubbed,
      AWS_ENDPOINT_URL: aws.endpoint,
      AWS_ACCESS_KEY_ID: aws.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.credentials.secretAccessKey,
      AWS_REGION: REGION,
      // Nothing from the machine's own AWS set-up: no profile files, no instance metadata.
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: `${slack.url}/api/`,
      GITHUB_TOKEN: github.token,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: REPOSITORY,
    },
    mutations: () => ({
      aws: aws.mutatingRequests().length,
      slack: slack.mutatingRequests().length,
      github: github.mutatingRequests().length,
    }),
    instanceState: () => {
      const instance = aws.ec2.instance(INSTANCE);
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
        tags: Object.fromEntries([...aws.ec2.tags(INSTANCE)].sort(([a], [b]) => (a < b ? -1 : 1))),
        autoScaling: aws.autoscaling.instance(INSTANCE)?.lifecycleState,
      };
    },
    close: async () => {
      await Promise.all([aws.close(), slack.close(), github.close()]);
    },
  };
}

/** The clients a store-level run uses: the world's, built once so the account check is made once. */
export const worldClients = (world: ResponseWorld) => createClients(world.connectors);
