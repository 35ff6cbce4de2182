// IAM containment through the real @aws-sdk/client-iam against the simulated account: what the role's
// and user's policies and keys are afterwards, read from the sim's state.

import {
  CreateAccessKeyCommand,
  IAMClient,
  PutRolePolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it, vi } from 'vitest';
import { ActionFailure, dryRun, execute, undo, verify } from '../../src/connectors/action.js';
import {
  DENY_ALL_POLICY_NAME,
  deactivateAccessKeys,
  denyAll,
  REVOKE_POLICY_NAME,
  revokeOlderSessionsPolicy,
  revokeRoleSessions,
} from '../../src/connectors/aws/iam.js';
import { createClients } from '../../src/connectors/clients.js';
import { actionContract, MemoryJournal, within } from '../support/action-contract.js';
import { asAdmin } from '../support/aws-admin.js';
import { ACCOUNT, AWS_FAULTS, awsWorld, NOW, REGION } from '../support/aws-world.js';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

const roleWorld = () =>
  awsWorld(
    (sim) => {
      sim.iam.createRole('web-server', TRUST);
    },
    (sim) => Object.fromEntries(sim.iam.role('web-server')?.inlinePolicies ?? []),
  );

const userWorld = (keys: number) =>
  awsWorld(
    (sim) => {
      sim.iam.createUser('ci-deployer');
      for (let i = 0; i < keys; i++) sim.iam.createAccessKey('ci-deployer');
    },
    (sim) => {
      const user = sim.iam.user('ci-deployer');
      return {
        keys: (user?.accessKeys ?? []).map((key, index) => `${index}:${key.status}`),
        policies: Object.fromEntries(user?.inlinePolicies ?? []),
      };
    },
  );

describe('aws:iam.revoke_role_sessions', () => {
  actionContract({
    action: revokeRoleSessions,
    params: { role_name: 'web-server' },
    setup: roleWorld,
    faults: AWS_FAULTS,
  });

  it('writes the console policy denying sessions issued before the run, and records the cutoff', async () => {
    await within(roleWorld(), async (world) => {
      const outcome = await execute(
        revokeRoleSessions,
        { role_name: 'web-server' },
        world.context,
        new MemoryJournal(),
      );
      expect(outcome.record).toEqual({
        role_name: 'web-server',
        cutoff: '2026-03-14T09:30:00Z',
        previous_policy: null,
      });
      const policy = JSON.parse(
        world.sim.iam.role('web-server')?.inlinePolicies.get(REVOKE_POLICY_NAME) ?? '{}',
      );
      expect(policy.Statement).toEqual([
        {
          Effect: 'Deny',
          Action: ['*'],
          Resource: ['*'],
          Condition: { DateLessThan: { 'aws:TokenIssueTime': '2026-03-14T09:30:00Z' } },
        },
      ]);
    });
  });

  it('keeps a later revocation already in place, and undo puts an earlier one back rather than deleting it', async () => {
    await within(roleWorld(), async (world) => {
      const later = revokeOlderSessionsPolicy('2026-03-14T10:00:00Z');
      world.sim.iam.role('web-server');
      const putRevocation = (document: string) =>
        asAdmin(world.sim, IAMClient, (admin) =>
          admin.send(
            new PutRolePolicyCommand({
              RoleName: 'web-server',
              PolicyName: REVOKE_POLICY_NAME,
              PolicyDocument: document,
            }),
          ),
        );
      await putRevocation(later);
      const kept = await execute(
        revokeRoleSessions,
        { role_name: 'web-server' },
        world.context,
        new MemoryJournal(),
      );
      expect(kept.changed).toBe(false);
      expect(kept.state).toBe('web-server denies sessions issued before 2026-03-14T10:00:00Z');

      const earlier = revokeOlderSessionsPolicy('2026-03-01T00:00:00Z');
      await putRevocation(earlier);
      const outcome = await execute(
        revokeRoleSessions,
        { role_name: 'web-server' },
        world.context,
        new MemoryJournal(),
      );
      expect(outcome.record.previous_policy).toBe(earlier);
      await undo(revokeRoleSessions, { role_name: 'web-server' }, world.context, outcome.record);
      expect(world.sim.iam.role('web-server')?.inlinePolicies.get(REVOKE_POLICY_NAME)).toBe(earlier);
    });
  });

  it("names the role and IAM's error when the role does not exist, having changed nothing", async () => {
    await within(roleWorld(), async (world) => {
      await expect(
        execute(revokeRoleSessions, { role_name: 'no-such-role' }, world.context, new MemoryJournal()),
      ).rejects.toThrow(
        'aws:iam.revoke_role_sessions: NoSuchEntityException: The role with name no-such-role cannot be found.',
      );
      expect(world.sim.mutatingRequests()).toEqual([]);
    });
  });

  it('tells the reviewer that every current session of the role is cut, not only the attacker’s', async () => {
    await within(roleWorld(), async (world) => {
      const params = { role_name: 'web-server' };
      const cut = 'every current session of the role is cut, whoever holds it (a fleet sharing it included)';
      expect(revokeRoleSessions.describe(params, world.context).at(-1)?.effect).toContain(cut);
      const plan = await dryRun(revokeRoleSessions, params, world.context);
      expect(plan.state).toBe(`web-server has no ${REVOKE_POLICY_NAME} policy; revoking: ${cut}`);
      expect(plan.calls.map((call) => call.effect)).toEqual([
        `${REVOKE_POLICY_NAME}: deny everything to sessions issued before 2026-03-14T09:30:00Z; ${cut}`,
      ]);
    });
  });

  it('refuses an IAM Identity Center role before any call, saying to revoke in Identity Center', async () => {
    const sso = 'AWSReservedSSO_AdministratorAccess_0123456789abcdef';
    const setup = awsWorld(
      (sim) => {
        sim.iam.createRole(sso, TRUST, '/aws-reserved/sso.amazonaws.com/');
      },
      (sim) => Object.fromEntries(sim.iam.role(sso)?.inlinePolicies ?? []),
    );
    await within(setup, async (world) => {
      const from = world.sim.requests.length;
      const failure = await execute(
        revokeRoleSessions,
        { role_name: sso },
        world.context,
        new MemoryJournal(),
      ).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ActionFailure);
      expect((failure as ActionFailure).reason).toBe(
        `${sso} is an IAM Identity Center role, which only Identity Center may change: nothing was done. ` +
          "Revoke the user's access there instead: deny the user (identitystore:userId) in the permission " +
          "set's inline policy or in an SCP, end their active sessions and disable the user",
      );
      expect(world.sim.requests.slice(from)).toEqual([]);
    });
  });

  it('refuses a service-linked role by its path before any change, instead of failing on IAM’s refusal', async () => {
    const linked = 'AWSServiceRoleForAutoScaling';
    const setup = awsWorld(
      (sim) => {
        sim.iam.createRole(linked, TRUST, '/aws-service-role/autoscaling.amazonaws.com/');
      },
      (sim) => Object.fromEntries(sim.iam.role(linked)?.inlinePolicies ?? []),
    );
    await within(setup, async (world) => {
      const failure = await execute(
        revokeRoleSessions,
        { role_name: linked },
        world.context,
        new MemoryJournal(),
      ).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ActionFailure);
      expect((failure as ActionFailure).call).toBeNull();
      expect((failure as ActionFailure).reason).toBe(
        `${linked} is a service-linked role (path /aws-service-role/autoscaling.amazonaws.com/): only its ` +
          'AWS service may change it, and IAM cannot revoke its sessions: nothing was done. Contain what ' +
          "uses it instead (the resource, or the service's configuration)",
      );
      expect(world.sim.requests.map((request) => request.action)).not.toContain('PutRolePolicy');
      expect(world.sim.mutatingRequests()).toEqual([]);
    });
  });
});

describe('aws:iam.deactivate_access_keys', () => {
  actionContract({
    action: deactivateAccessKeys,
    params: { user_name: 'ci-deployer' },
    setup: () => userWorld(2),
    faults: AWS_FAULTS,
  });

  it('turns every active key Inactive without deleting it, and undo reactivates exactly those', async () => {
    await within(userWorld(2), async (world) => {
      const [first, second] = world.sim.iam.user('ci-deployer')?.accessKeys ?? [];
      // A key already switched off by someone else is not this run's to switch back on.
      await asAdmin(world.sim, IAMClient, (admin) =>
        admin.send(
          new UpdateAccessKeyCommand({
            UserName: 'ci-deployer',
            AccessKeyId: second?.accessKeyId,
            Status: 'Inactive',
          }),
        ),
      );
      const outcome = await execute(
        deactivateAccessKeys,
        { user_name: 'ci-deployer' },
        world.context,
        new MemoryJournal(),
      );
      expect(outcome.record.deactivated).toEqual([first?.accessKeyId]);
      expect(world.sim.iam.user('ci-deployer')?.accessKeys.map((key) => key.status)).toEqual([
        'Inactive',
        'Inactive',
      ]);
      await undo(deactivateAccessKeys, { user_name: 'ci-deployer' }, world.context, outcome.record);
      expect(world.sim.iam.user('ci-deployer')?.accessKeys.map((key) => key.status)).toEqual([
        'Active',
        'Inactive',
      ]);
    });
  });

  it('verify fails on a key created after the run: the user is not contained while any key is active', async () => {
    await within(userWorld(1), async (world) => {
      const outcome = await execute(
        deactivateAccessKeys,
        { user_name: 'ci-deployer' },
        world.context,
        new MemoryJournal(),
      );
      // Whoever holds the user mints a new key.
      const { AccessKey } = await asAdmin(world.sim, IAMClient, (admin) =>
        admin.send(new CreateAccessKeyCommand({ UserName: 'ci-deployer' })),
      );
      const check = await verify(
        deactivateAccessKeys,
        { user_name: 'ci-deployer' },
        world.context,
        outcome.record,
      );
      expect(check.ok).toBe(false);
      expect(check.detail).toBe(`still Active: ${AccessKey?.AccessKeyId}`);
    });
  });

  it('deactivates only the keys named, and refuses a key the user does not have', async () => {
    await within(userWorld(2), async (world) => {
      const [, second] = world.sim.iam.user('ci-deployer')?.accessKeys ?? [];
      const id = second?.accessKeyId ?? '';
      await execute(
        deactivateAccessKeys,
        { user_name: 'ci-deployer', access_key_ids: [id] },
        world.context,
        new MemoryJournal(),
      );
      expect(world.sim.iam.user('ci-deployer')?.accessKeys.map((key) => key.status)).toEqual([
        'Active',
        'Inactive',
      ]);
      await expect(
        dryRun(
          deactivateAccessKeys,
          { user_name: 'ci-deployer', access_key_ids: ['AKIAIOSFODNN7EXAMPLE'] },
          world.context,
        ),
      ).rejects.toThrow(/ci-deployer has no access key \[redacted access key\]/);
    });
  });
});

describe('aws:iam.deny_all', () => {
  actionContract({
    action: denyAll,
    params: { user_name: 'ci-deployer' },
    setup: () => userWorld(1),
    faults: AWS_FAULTS,
  });

  it('puts an inline policy denying every action on every resource', async () => {
    await within(userWorld(1), async (world) => {
      await execute(denyAll, { user_name: 'ci-deployer' }, world.context, new MemoryJournal());
      const policy = JSON.parse(
        world.sim.iam.user('ci-deployer')?.inlinePolicies.get(DENY_ALL_POLICY_NAME) ?? '{}',
      );
      expect(policy.Statement).toEqual([
        { Sid: 'IracContainmentINC202603140001', Effect: 'Deny', Action: '*', Resource: '*' },
      ]);
    });
  });
});

describe('credentials', () => {
  it('refuses to act in an account its credentials do not belong to', async () => {
    await within(userWorld(1), async (world) => {
      const context = { ...world.context, aws: { region: REGION, account: '999999999999' } };
      await expect(dryRun(denyAll, { user_name: 'ci-deployer' }, context)).rejects.toThrow(
        `the AWS credentials are for account ${ACCOUNT}, the resource is in 999999999999: map 999999999999 to a role under connectors.aws.accounts`,
      );
      expect(world.sim.requests.map((request) => request.action)).toEqual(['GetCallerIdentity']);
    });
  });

  it('refuses an account from the event that is not an account id, before it can pick a role or reach AWS', async () => {
    await within(userWorld(1), async (world) => {
      const clients = createClients({
        aws: {
          endpoint: world.sim.endpoint,
          credentials: world.sim.credentials,
          roles: { [ACCOUNT]: `arn:aws:iam::${ACCOUNT}:role/irac-containment` },
        },
      });
      for (const account of ['constructor', '__proto__', `${ACCOUNT}\n`]) {
        const context = { ...world.context, clients, aws: { region: REGION, account } };
        await expect(dryRun(denyAll, { user_name: 'ci-deployer' }, context)).rejects.toThrow(
          `${JSON.stringify(account)} is not an AWS account id (12 digits): nothing was done`,
        );
      }
      expect(world.sim.requests).toEqual([]);
    });
  });

  it('uses the standard SDK chain and AWS_ENDPOINT_URL when nothing is configured, as in a runner', async () => {
    const world = await userWorld(1);
    try {
      vi.stubEnv('AWS_ENDPOINT_URL', world.sim.endpoint);
      vi.stubEnv('AWS_ACCESS_KEY_ID', world.sim.credentials.accessKeyId);
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', world.sim.credentials.secretAccessKey);
      vi.stubEnv('AWS_SESSION_TOKEN', '');
      vi.stubEnv('AWS_PROFILE', '');
      const context = { ...world.context, clients: createClients({}) };
      await execute(denyAll, { user_name: 'ci-deployer' }, context, new MemoryJournal());
      expect(world.sim.iam.user('ci-deployer')?.inlinePolicies.has(DENY_ALL_POLICY_NAME)).toBe(true);
    } finally {
      vi.unstubAllEnvs();
      await world.close();
    }
  });

  it('assumes the role mapped to the account and acts as that role', async () => {
    await within(userWorld(1), async (world) => {
      world.sim.iam.createRole(
        'irac-containment',
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
          ],
        }),
      );
      const clients = createClients({
        aws: {
          endpoint: world.sim.endpoint,
          credentials: world.sim.credentials,
          roles: { [ACCOUNT]: `arn:aws:iam::${ACCOUNT}:role/irac-containment` },
        },
      });
      const context = { ...world.context, clients };
      await execute(denyAll, { user_name: 'ci-deployer' }, context, new MemoryJournal());
      const signers = new Set(
        world.sim.requests.filter((r) => r.action === 'PutUserPolicy').map((r) => r.accessKeyId),
      );
      expect(signers.has(world.sim.credentials.accessKeyId)).toBe(false);
      expect([...signers][0]).toMatch(/^ASIA/);
      const sts = await clients.aws(STSClient, { region: REGION, account: ACCOUNT });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toMatch(
        /assumed-role\/irac-containment\/irac-containment$/,
      );
      void NOW;
    });
  });
});
