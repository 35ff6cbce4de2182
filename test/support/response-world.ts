// The world a plan is executed against: one simulated AWS account holding the compromised instance of the
// GuardDuty fixture (two network interfaces, an instance profile, its metadata endpoint on, a member of an
// Auto Scaling group), a Slack workspace with the SOC's channel, and a GitHub repository for tickets — each
// reached through the real SDK clients, in process (createClients) or from the compiled bin (environment).
// The sims and the instance's state are src/sim/world.ts's, as `irac simulate` uses them.

import type { ConnectorEnvironment } from '../../src/connectors/clients.js';
import { createClients } from '../../src/connectors/clients.js';
import { EC2_TRUST, instanceState, type Sims, startSims } from '../../src/sim/world.js';
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

/** EC2's own refusal of a caller its policy does not allow: HTTP 403, never retried by the SDK. */
export const UNAUTHORIZED = {
  status: 403,
  code: 'UnauthorizedOperation',
  message: 'You are not authorized to perform this operation.',
} as const;

export interface ResponseWorld extends Sims {
  /** Real SDK clients on the sims, with short retry waits. */
  readonly connectors: ConnectorEnvironment;
  /** What containment changes on the instance, by name: comparable before and after. */
  instanceState(): unknown;
}

/** A fresh world; `instance: false` leaves the instance out, as if it had been terminated since. */
export async function startResponseWorld(options: { instance?: boolean } = {}): Promise<ResponseWorld> {
  const sims = await startSims({
    account: ACCOUNT,
    region: REGION,
    channels: [CHANNEL],
    repository: REPOSITORY,
  });
  const { aws } = sims;
  if (options.instance !== false) {
    aws.iam.createRole('orders-worker', EC2_TRUST);
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
  return {
    ...sims,
    connectors: { ...sims.connectors, aws: { ...sims.connectors.aws, retryStrategy: FAST_RETRY } },
    instanceState: () => instanceState(aws, INSTANCE),
  };
}

/** The clients a store-level run uses: the world's, built once so the account check is made once. */
export const worldClients = (world: ResponseWorld) => createClients(world.connectors);
