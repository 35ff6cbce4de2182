// The simulated IAM and STS driven by the real AWS SDK v3 clients: what the connectors will meet.

import {
  AddRoleToInstanceProfileCommand,
  CreateAccessKeyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteRolePolicyCommand,
  EntityAlreadyExistsException,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  LimitExceededException,
  ListAccessKeysCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  paginateListRolePolicies,
  UnmodifiableEntityException,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../../src/sim/aws/index.js';
import { adminClient } from '../support/aws-admin.js';
import { rejectionOf } from '../support/rejection.js';

const ACCOUNT = '123456789012';
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const REVOKE_OLDER_SESSIONS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Action: ['*'],
      Resource: ['*'],
      Condition: { DateLessThan: { 'aws:TokenIssueTime': '2024-05-01T12:00:00Z' } },
    },
  ],
});

let sim: AwsSim;
let iam: IAMClient;

function clientFor(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  return new IAMClient({ endpoint: sim.endpoint, region: 'us-east-1', credentials });
}

const rejection = (promise: Promise<unknown>) =>
  rejectionOf<Error & { $metadata: { httpStatusCode?: number } }>(promise);

beforeEach(async () => {
  sim = await startAwsSim({ accountId: ACCOUNT, region: 'us-east-1' });
  iam = clientFor(sim.credentials);
});

afterEach(async () => {
  iam.destroy();
  await sim.close();
});

describe('users and roles', () => {
  it('creates a user and reads it back, and GetUser without a name answers for the caller', async () => {
    const created = await iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/eng/' }));
    expect(created.User?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/eng/alice`);
    expect(created.User?.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(created.User?.CreateDate).toBeInstanceOf(Date);

    const read = await iam.send(new GetUserCommand({ UserName: 'alice' }));
    expect(read.User?.UserId).toBe(created.User?.UserId);
    expect(sim.iam.user('alice')?.path).toBe('/eng/');

    const self = await iam.send(new GetUserCommand({}));
    expect(self.User?.UserName).toBe('admin');
  });

  it('creates a role whose trust policy GetRole returns URL-encoded, as IAM does', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'web', AssumeRolePolicyDocument: TRUST }));
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'web' }));
    expect(Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/web`);
    expect(Role?.AssumeRolePolicyDocument).toMatch(/^%7B%22Version%22%3A/);
    expect(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '')).toBe(TRUST);
    expect(sim.iam.role('web')?.assumeRolePolicyDocument).toBe(TRUST);
  });

  it('refuses a second user of the same name in any case with EntityAlreadyExists (409)', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'Bob' }));
    const error = await rejection(iam.send(new CreateUserCommand({ UserName: 'bob' })));
    expect(error).toBeInstanceOf(EntityAlreadyExistsException);
    expect(error.name).toBe('EntityAlreadyExistsException');
    expect(error.message).toBe('User with name bob already exists.');
    expect(error.$metadata.httpStatusCode).toBe(409);
  });

  it('answers NoSuchEntity (404) with IAM wording for a missing user or role', async () => {
    const user = await rejection(iam.send(new GetUserCommand({ UserName: 'nobody' })));
    expect(user).toBeInstanceOf(NoSuchEntityException);
    expect(user.message).toBe('The user with name nobody cannot be found.');
    expect(user.$metadata.httpStatusCode).toBe(404);
    const role = await rejection(iam.send(new GetRoleCommand({ RoleName: 'ghost' })));
    expect(role).toBeInstanceOf(NoSuchEntityException);
  });

  it('refuses names outside IAM pattern with ValidationError, escaping what it echoes', async () => {
    const error = await rejection(iam.send(new CreateUserCommand({ UserName: '<x>&"\u0001' })));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toContain("Value '<x>&\"\uFFFD' at 'userName'");
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(sim.iam.user('<x>&"\u0001')).toBeUndefined();
  });
});

describe('inline policies', () => {
  beforeEach(async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'web', AssumeRolePolicyDocument: TRUST }));
  });

  it('puts, lists, reads back URL-encoded, and deletes a role policy', async () => {
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'web',
        PolicyName: 'AWSRevokeOlderSessions',
        PolicyDocument: REVOKE_OLDER_SESSIONS,
      }),
    );
    const stored = sim.iam.role('web')?.inlinePolicies.get('AWSRevokeOlderSessions') ?? '{}';
    expect(JSON.parse(stored).Statement[0].Condition.DateLessThan['aws:TokenIssueTime']).toBe(
      '2024-05-01T12:00:00Z',
    );

    const listed = await iam.send(new ListRolePoliciesCommand({ RoleName: 'web' }));
    expect(listed.PolicyNames).toEqual(['AWSRevokeOlderSessions']);
    expect(listed.IsTruncated).toBe(false);

    const read = await iam.send(
      new GetRolePolicyCommand({ RoleName: 'web', PolicyName: 'AWSRevokeOlderSessions' }),
    );
    expect(read.PolicyDocument).not.toContain('{');
    expect(decodeURIComponent(read.PolicyDocument ?? '')).toBe(REVOKE_OLDER_SESSIONS);

    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'web', PolicyName: 'AWSRevokeOlderSessions' }));
    expect(sim.iam.role('web')?.inlinePolicies.size).toBe(0);
    const gone = await rejection(
      iam.send(new GetRolePolicyCommand({ RoleName: 'web', PolicyName: 'AWSRevokeOlderSessions' })),
    );
    expect(gone).toBeInstanceOf(NoSuchEntityException);
    expect(gone.message).toBe('The role policy with name AWSRevokeOlderSessions cannot be found.');
  });

  it('refuses to change the policies of a service-linked or IAM Identity Center role, as only AWS may', async () => {
    const protectedRoles = [
      ['AWSServiceRoleForAutoScaling', '/aws-service-role/autoscaling.amazonaws.com/'],
      ['AWSReservedSSO_AdministratorAccess_0123456789abcdef', '/aws-reserved/sso.amazonaws.com/'],
    ] as const;
    for (const [roleName, path] of protectedRoles) {
      sim.iam.createRole(roleName, TRUST, path);
      const put = await rejection(
        iam.send(
          new PutRolePolicyCommand({
            RoleName: roleName,
            PolicyName: 'AWSRevokeOlderSessions',
            PolicyDocument: REVOKE_OLDER_SESSIONS,
          }),
        ),
      );
      expect(put).toBeInstanceOf(UnmodifiableEntityException);
      expect(put.message).toBe(
        `Cannot perform the operation on the protected role '${roleName}' - this role is only modifiable by AWS`,
      );
      expect(put.$metadata.httpStatusCode).toBe(400);
      const deleted = await rejection(
        iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: 'AWSRevokeOlderSessions' })),
      );
      expect(deleted).toBeInstanceOf(UnmodifiableEntityException);
      expect(sim.iam.role(roleName)?.inlinePolicies.size).toBe(0);
      // Reading it is allowed: GetRole names the path that gives the role away.
      const { Role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
      expect(Role?.Path).toBe(path);
    }
  });

  it('replaces a policy put again under the same name rather than adding one', async () => {
    const allow = JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } });
    await iam.send(new PutRolePolicyCommand({ RoleName: 'web', PolicyName: 'p', PolicyDocument: allow }));
    await iam.send(
      new PutRolePolicyCommand({ RoleName: 'web', PolicyName: 'p', PolicyDocument: REVOKE_OLDER_SESSIONS }),
    );
    expect([...(sim.iam.role('web')?.inlinePolicies.entries() ?? [])]).toEqual([
      ['p', REVOKE_OLDER_SESSIONS],
    ]);
  });

  it('pages role policies for the SDK paginator', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    for (const name of names) {
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: 'web',
          PolicyName: name,
          PolicyDocument: REVOKE_OLDER_SESSIONS,
        }),
      );
    }
    const seen: string[] = [];
    for await (const page of paginateListRolePolicies({ client: iam, pageSize: 2 }, { RoleName: 'web' })) {
      seen.push(...(page.PolicyNames ?? []));
    }
    expect(seen).toEqual(names);
    expect(sim.requests.filter((request) => request.action === 'ListRolePolicies')).toHaveLength(3);
  });

  it('refuses a malformed document with MalformedPolicyDocument and stores nothing', async () => {
    for (const document of ['{not json', '[]', '{"Statement":[{"Effect":"Maybe","Action":"*"}]}']) {
      const error = await rejection(
        iam.send(new PutRolePolicyCommand({ RoleName: 'web', PolicyName: 'bad', PolicyDocument: document })),
      );
      expect(error).toBeInstanceOf(MalformedPolicyDocumentException);
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
    expect(sim.iam.role('web')?.inlinePolicies.size).toBe(0);
  });

  it('holds user policies to the 2048-character quota with LimitExceeded (409)', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    const big = JSON.stringify({
      Statement: [
        { Effect: 'Deny', Action: '*', Resource: Array.from({ length: 200 }, (_, i) => `r${i}xxxxxxxxxx`) },
      ],
    });
    const once = adminClient(sim, IAMClient, { maxAttempts: 1 });
    const error = await rejection(
      once.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'big', PolicyDocument: big })),
    );
    once.destroy();
    expect(error).toBeInstanceOf(LimitExceededException);
    expect(error.message).toBe('Maximum policy size of 2048 bytes exceeded for user alice');
    expect(sim.iam.user('alice')?.inlinePolicies.size).toBe(0);
    expect(error.$metadata.httpStatusCode).toBe(409);

    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'alice',
        PolicyName: 'deny-all',
        PolicyDocument: REVOKE_OLDER_SESSIONS,
      }),
    );
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'alice' }))).PolicyNames).toEqual([
      'deny-all',
    ]);
    const read = await iam.send(new GetUserPolicyCommand({ UserName: 'alice', PolicyName: 'deny-all' }));
    expect(decodeURIComponent(read.PolicyDocument ?? '')).toBe(REVOKE_OLDER_SESSIONS);
  });
});

describe('access keys', () => {
  it('deactivates a key, which then no longer signs anything, and reactivates it', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    expect(AccessKey?.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(AccessKey?.Status).toBe('Active');
    const alice = clientFor({
      accessKeyId: AccessKey?.AccessKeyId ?? '',
      secretAccessKey: AccessKey?.SecretAccessKey ?? '',
    });
    expect((await alice.send(new GetUserCommand({}))).User?.UserName).toBe('alice');

    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: 'alice',
        AccessKeyId: AccessKey?.AccessKeyId,
        Status: 'Inactive',
      }),
    );
    expect(sim.iam.user('alice')?.accessKeys.map((key) => key.status)).toEqual(['Inactive']);
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'alice' }));
    expect(listed.AccessKeyMetadata?.map((key) => [key.AccessKeyId, key.Status])).toEqual([
      [AccessKey?.AccessKeyId, 'Inactive'],
    ]);
    const refused = await rejection(alice.send(new GetUserCommand({})));
    expect(refused.name).toBe('InvalidClientTokenId');
    expect(refused.$metadata.httpStatusCode).toBe(403);

    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: 'alice',
        AccessKeyId: AccessKey?.AccessKeyId,
        Status: 'Active',
      }),
    );
    expect((await alice.send(new GetUserCommand({}))).User?.UserName).toBe('alice');
    alice.destroy();
  });

  it('refuses a third key, a key of another user, and deletes a key', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    const first = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    // The SDK counts LimitExceededException among throttling errors and would retry it: one attempt here.
    const once = adminClient(sim, IAMClient, { maxAttempts: 1 });
    const third = await rejection(once.send(new CreateAccessKeyCommand({ UserName: 'alice' })));
    once.destroy();
    expect(third).toBeInstanceOf(LimitExceededException);
    expect(third.message).toBe('Cannot exceed quota for AccessKeysPerUser: 2');
    expect(sim.iam.user('alice')?.accessKeys).toHaveLength(2);

    const foreign = await rejection(
      iam.send(
        new UpdateAccessKeyCommand({
          UserName: 'admin',
          AccessKeyId: first.AccessKey?.AccessKeyId,
          Status: 'Inactive',
        }),
      ),
    );
    expect(foreign).toBeInstanceOf(NoSuchEntityException);
    expect(sim.iam.user('alice')?.accessKeys.every((key) => key.status === 'Active')).toBe(true);

    await iam.send(
      new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: first.AccessKey?.AccessKeyId }),
    );
    expect(sim.iam.user('alice')?.accessKeys).toHaveLength(1);
  });

  it('refuses a status that is neither Active nor Inactive', async () => {
    const [key] = sim.iam.user('admin')?.accessKeys ?? [];
    const error = await rejection(
      iam.send(
        new UpdateAccessKeyCommand({
          AccessKeyId: key?.accessKeyId,
          Status: 'Disabled' as 'Active',
        }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(sim.iam.user('admin')?.accessKeys[0]?.status).toBe('Active');
  });
});

describe('the request log and fault injection', () => {
  it('logs every call with its parameters, and tells reads from mutations', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await iam.send(new GetUserCommand({ UserName: 'alice' }));
    await iam.send(new ListAccessKeysCommand({ UserName: 'alice' }));
    expect(sim.requests.map((request) => [request.action, request.mutating, request.status])).toEqual([
      ['CreateUser', true, 200],
      ['GetUser', false, 200],
      ['ListAccessKeys', false, 200],
    ]);
    expect(sim.requests[0]?.params.get('UserName')).toBe('alice');
    expect(sim.requests[0]?.params.get('Version')).toBe('2010-05-08');
    expect(sim.requests[0]?.accessKeyId).toBe(sim.credentials.accessKeyId);
    expect(sim.mutatingRequests().map((request) => request.action)).toEqual(['CreateUser']);
  });

  it('throttles once; the SDK retries by itself and the call succeeds', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    sim.failNext('UpdateAccessKey', { status: 400, code: 'Throttling', message: 'Rate exceeded' });
    const [key] = sim.iam.user('admin')?.accessKeys ?? [];
    const result = await iam.send(
      new UpdateAccessKeyCommand({ UserName: 'admin', AccessKeyId: key?.accessKeyId, Status: 'Active' }),
    );
    expect(result.$metadata.attempts).toBe(2);
    expect(
      sim.requests
        .filter((request) => request.action === 'UpdateAccessKey')
        .map((request) => request.errorCode),
    ).toEqual(['Throttling', null]);
  });

  it('answers a 503 once; the SDK retries it too', async () => {
    sim.failNext('GetUser', { status: 503, code: 'ServiceUnavailable' });
    const result = await iam.send(new GetUserCommand({ UserName: 'admin' }));
    expect(result.User?.UserName).toBe('admin');
    expect(sim.requests.map((request) => request.status)).toEqual([503, 200]);
  });

  it('gives up after the SDK maximum attempts and surfaces the service error', async () => {
    for (let i = 0; i < 3; i++) sim.failNext('GetRole', { status: 500, code: 'ServiceFailure' });
    const client = adminClient(sim, IAMClient, { maxAttempts: 2 });
    const error = await rejection(client.send(new GetRoleCommand({ RoleName: 'web' })));
    expect(error.name).toBe('ServiceFailureException');
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(sim.requests).toHaveLength(2);
    client.destroy();
  });

  it('refuses unsigned and unknown callers, and answers an unknown action with InvalidAction', async () => {
    const unsigned = await fetch(sim.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetUser&Version=2010-05-08',
    });
    expect(unsigned.status).toBe(403);
    const body = await unsigned.text();
    expect(body).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
    expect(body).toMatch(
      /<Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code><Message>[^<]+<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId>/,
    );
    expect(unsigned.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);

    const stranger = clientFor({ accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'x' });
    const refused = await rejection(stranger.send(new GetUserCommand({})));
    expect(refused.name).toBe('InvalidClientTokenId');
    stranger.destroy();

    const unknown = await fetch(sim.endpoint, {
      method: 'POST',
      body: new URLSearchParams({ Action: 'DeleteAccountAlias', Version: '2010-05-08' }),
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code>');
  });

  it('refuses an oversized body without reading it all', async () => {
    const response = await fetch(sim.endpoint, {
      method: 'POST',
      body: `Action=CreateUser&Version=2010-05-08&UserName=${'a'.repeat(2 * 1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(sim.iam.user('a'.repeat(64))).toBeUndefined();
  });
});

describe('endpoint configuration and STS', () => {
  it('is reached through AWS_ENDPOINT_URL_IAM and through AWS_ENDPOINT_URL', async () => {
    const saved = { iam: process.env.AWS_ENDPOINT_URL_IAM, any: process.env.AWS_ENDPOINT_URL };
    try {
      for (const variable of ['AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL'] as const) {
        delete process.env.AWS_ENDPOINT_URL_IAM;
        delete process.env.AWS_ENDPOINT_URL;
        process.env[variable] = sim.endpoint;
        const client = new IAMClient({ region: 'us-east-1', credentials: sim.credentials });
        const { User } = await client.send(new GetUserCommand({}));
        expect(User?.UserName).toBe('admin');
        client.destroy();
      }
      expect(sim.requests.map((request) => request.action)).toEqual(['GetUser', 'GetUser']);
    } finally {
      for (const [variable, value] of [
        ['AWS_ENDPOINT_URL_IAM', saved.iam],
        ['AWS_ENDPOINT_URL', saved.any],
      ] as const) {
        if (value === undefined) delete process.env[variable];
        else process.env[variable] = value;
      }
    }
  });

  it('assumes a role into a session that GetCallerIdentity and IAM recognise', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'responder', AssumeRolePolicyDocument: TRUST }));
    const sts = adminClient(sim, STSClient);
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe(ACCOUNT);
    expect(me.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/admin`);

    const roleArn = `arn:aws:iam::${ACCOUNT}:role/responder`;
    const assumed = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'irac-inc-1' }),
    );
    expect(assumed.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(assumed.Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now());
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/responder/irac-inc-1`);

    const session = new STSClient({
      endpoint: sim.endpoint,
      region: 'us-east-1',
      credentials: {
        accessKeyId: assumed.Credentials?.AccessKeyId ?? '',
        secretAccessKey: assumed.Credentials?.SecretAccessKey ?? '',
        sessionToken: assumed.Credentials?.SessionToken ?? '',
      },
    });
    const who = await session.send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(assumed.AssumedRoleUser?.Arn);
    expect(who.UserId).toBe(`${sim.iam.role('responder')?.roleId}:irac-inc-1`);

    const missing = await rejection(
      sts.send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/absent`, RoleSessionName: 'x1' }),
      ),
    );
    expect(missing.name).toBe('AccessDenied');
    expect(missing.$metadata.httpStatusCode).toBe(403);
    sts.destroy();
    session.destroy();
  });
});

describe('instance profiles', () => {
  it('creates an instance profile, adds its one role, and reads it back', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'quarantine', AssumeRolePolicyDocument: TRUST }));
    const created = await iam.send(
      new CreateInstanceProfileCommand({ InstanceProfileName: 'quarantine', Path: '/irac/' }),
    );
    expect(created.InstanceProfile).toMatchObject({
      InstanceProfileName: 'quarantine',
      Path: '/irac/',
      Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/irac/quarantine`,
      InstanceProfileId: expect.stringMatching(/^AIPA[A-Z2-7]{17}$/),
      CreateDate: expect.any(Date),
    });
    expect(created.InstanceProfile?.Roles ?? []).toEqual([]);

    await iam.send(
      new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'quarantine', RoleName: 'quarantine' }),
    );
    const read = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'quarantine' }));
    expect(read.InstanceProfile?.Roles?.map((role) => [role.RoleName, role.Arn])).toEqual([
      ['quarantine', `arn:aws:iam::${ACCOUNT}:role/quarantine`],
    ]);
    expect(sim.iam.instanceProfile('quarantine')).toMatchObject({
      arn: created.InstanceProfile?.Arn,
      instanceProfileId: created.InstanceProfile?.InstanceProfileId,
      roleName: 'quarantine',
    });
  });

  it('holds one role per profile (LimitExceeded, 409) and refuses duplicates and unknown names', async () => {
    sim.iam.createRole('web', TRUST);
    sim.iam.createRole('db', TRUST);
    const arn = sim.iam.createInstanceProfile('app', 'web');
    expect(arn).toBe(`arn:aws:iam::${ACCOUNT}:instance-profile/app`);
    // The SDK takes LimitExceeded for throttling and retries it; one attempt shows the refusal itself.
    const once = adminClient(sim, IAMClient, { maxAttempts: 1 });
    const second = await rejection(
      once.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'app', RoleName: 'db' })),
    );
    once.destroy();
    expect(second).toBeInstanceOf(LimitExceededException);
    expect(second.message).toBe('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
    expect(second.$metadata.httpStatusCode).toBe(409);
    expect(sim.iam.instanceProfile('app')?.roleName).toBe('web');

    const duplicate = await rejection(
      iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'APP' })),
    );
    expect(duplicate).toBeInstanceOf(EntityAlreadyExistsException);
    expect(duplicate.message).toBe('Instance Profile APP already exists.');
    const missing = await rejection(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'nope' })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe('Instance Profile nope cannot be found.');
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const noRole = await rejection(
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'app', RoleName: 'nope' })),
    );
    expect(noRole).toBeInstanceOf(NoSuchEntityException);
  });
});
