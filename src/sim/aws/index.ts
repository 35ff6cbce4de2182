// One simulated AWS account on loopback: IAM, STS, EC2 and Auto Scaling behind one Query endpoint, which
// SDK clients reach through `endpoint`, or through AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_IAM as a LocalStack
// user would.
// Calls must be signed by a key the account knows: the administrator's (`credentials`), another
// user's active key, or a session AssumeRole issued — an Inactive key is refused as AWS refuses it.

import { type AutoScalingSim, createAutoScalingSim } from './autoscaling.js';
import { type CloudTrailSim, createCloudTrailSim } from './cloudtrail.js';
import { createEc2Sim, type Ec2Sim } from './ec2.js';
import { createIamSim, type IamSim } from './iam.js';
import {
  type LoggedQueryRequest,
  type QueryCaller,
  type QueryCredentials,
  QueryError,
  type QueryFault,
  startQueryServer,
} from './query.js';
import { createS3Sim, type S3Sim } from './s3.js';
import { createStsSim, type StsSim } from './sts.js';

export interface AwsSimOptions {
  /** Twelve digits. */
  readonly accountId: string;
  readonly region: string;
}

export interface AwsSim {
  /** `http://127.0.0.1:PORT`, for the clients' `endpoint` or AWS_ENDPOINT_URL. */
  readonly endpoint: string;
  readonly accountId: string;
  readonly region: string;
  /** The access key of the account's `admin` user, created with the sim, for the clients to sign with. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly iam: IamSim;
  readonly sts: StsSim;
  readonly ec2: Ec2Sim;
  /** S3 buckets' Block Public Access and policy status, answered path-style on the same endpoint. */
  readonly s3: S3Sim;
  readonly autoscaling: AutoScalingSim;
  /**
   * LookupEvents over seeded events and every mutating call this account's IAM, EC2, ASG and S3 answered,
   * each region's history answering the lookups signed for that region (IAM's in us-east-1).
   */
  readonly cloudtrail: CloudTrailSim;
  /** Every request received, in order. */
  readonly requests: LoggedQueryRequest[];
  /** Mutating requests received (anything but Get*, List*, Describe*, Lookup*). */
  mutatingRequests(): LoggedQueryRequest[];
  failNext(action: string, fault: QueryFault, options?: { skip?: number }): void;
  close(): Promise<void>;
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';

export async function startAwsSim(options: AwsSimOptions): Promise<AwsSim> {
  if (!/^[0-9]{12}$/.test(options.accountId)) {
    throw new Error(`startAwsSim: account id must be twelve digits, got "${options.accountId}"`);
  }
  const iam = createIamSim(options.accountId);
  const sts = createStsSim(options.accountId, iam);
  // EC2 asks IAM whether an instance profile exists before associating it.
  const ec2 = createEc2Sim(options.accountId, options.region, (reference) => {
    const name =
      'name' in reference ? reference.name : reference.arn.slice(reference.arn.lastIndexOf('/') + 1);
    const profile = iam.instanceProfile(name);
    if (!profile || ('arn' in reference && profile.arn !== reference.arn)) return undefined;
    return { arn: profile.arn, id: profile.instanceProfileId };
  });
  const s3 = createS3Sim(options.accountId, options.region);
  const autoscaling = createAutoScalingSim(options.accountId, options.region);
  const cloudtrail = createCloudTrailSim(options.accountId, options.region);
  iam.createUser('admin');
  const credentials = iam.createAccessKey('admin');

  const authenticate = ({ accessKeyId, sessionToken }: QueryCredentials): QueryCaller => {
    const session = sts.callerOfSession(accessKeyId, sessionToken);
    if (session === 'expired')
      throw new QueryError('ExpiredToken', 'The security token included in the request is expired', 403);
    if (session === 'invalid') throw new QueryError('InvalidClientTokenId', INVALID_TOKEN, 403);
    if (session) return session;
    const caller = iam.callerOfKey(accessKeyId);
    if (caller === undefined || caller === 'inactive') {
      throw new QueryError('InvalidClientTokenId', INVALID_TOKEN, 403);
    }
    return caller;
  };

  const server = await startQueryServer({
    services: [
      cloudtrail.trailQuery(iam.service, 'iam'),
      sts.service,
      cloudtrail.trailQuery(ec2.service, 'ec2'),
      cloudtrail.trailQuery(autoscaling.service, 'autoscaling'),
    ],
    jsonServices: [cloudtrail.service],
    restServices: [cloudtrail.trailRest(s3.service, 's3')],
    authenticate,
  });
  return {
    endpoint: server.endpoint,
    accountId: options.accountId,
    region: options.region,
    credentials,
    iam,
    sts,
    ec2,
    s3,
    autoscaling,
    cloudtrail,
    requests: server.requests,
    mutatingRequests: () => server.requests.filter((request) => request.mutating),
    failNext: (action, fault, options) => server.failNext(action, fault, options),
    close: () => server.close(),
  };
}
