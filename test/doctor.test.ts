// `irac doctor` against a simulated GitHub and AWS account on loopback, through the real Octokit and the
// real IAM client, from a fork of the template: a repository set up right passes every check, and each
// misconfiguration a security team can leave behind fails its own check with the fix.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DoctorCommandOptions, doctorCommand } from '../src/cli/doctor-command.js';
import type { CliIo } from '../src/cli/io.js';
import type { CheckResult } from '../src/doctor/checks.js';
import { assessTrustPolicy } from '../src/doctor/trust-policy.js';
import { InputError, OperationError } from '../src/errors.js';
import { type AwsSim, startAwsSim } from '../src/sim/aws/index.js';
import { type GitHubSim, startGitHubSim } from '../src/sim/github.js';
import { REPO_ROOT } from './helpers/corpus.js';
import { scratchDir } from './helpers/git.js';
import { rejectionOf } from './support/rejection.js';

const REPO = 'acme/incidents';
const ACCOUNT = '111122223333';
const ROLE = 'irac-containment';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`;
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const INGEST = '.github/workflows/ir-ingest.yml';

let aws: AwsSim;
let github: GitHubSim;
let fork: string;

/** A team's fork of the template: its configuration and playbooks, as doctor reads them locally. */
function templateFork(edit: (config: string) => string = (config) => config): string {
  const dir = scratchDir('irac-doctor-');
  for (const entry of ['playbooks', 'assets', 'intel']) {
    cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
  }
  const config = readFileSync(join(REPO_ROOT, 'incident-response-config.yaml'), 'utf8');
  writeFileSync(join(dir, 'incident-response-config.yaml'), edit(config));
  return dir;
}

const trustPolicy = (condition: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: condition,
        ...extra,
      },
    ],
  });

const PINNED = {
  StringEquals: {
    'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    'token.actions.githubusercontent.com:sub': `repo:${REPO}:environment:ir-containment`,
  },
};

/** The repository as the README's "Deploy in your organisation" leaves it. */
function setUpRight() {
  github.addRepository(REPO);
  github.setEnvironment(REPO, 'ir-containment', {
    reviewers: [{ user: 'alice' }, { team: 'security-oncall' }],
    preventSelfReview: true,
  });
  github.setEnvironment(REPO, 'ir-preauthorized');
  github.addRuleset(REPO, {
    name: 'audit trail',
    include: ['~DEFAULT_BRANCH'],
    rules: ['deletion', 'non_fast_forward'],
  });
  github.putFile(REPO, INGEST, 'name: ir-ingest\non:\n  repository_dispatch:\n    types: [security-event]\n');
  aws.iam.createRole(ROLE, trustPolicy(PINNED));
}

beforeEach(async () => {
  aws = await startAwsSim({ accountId: ACCOUNT, region: 'eu-west-1' });
  github = await startGitHubSim({ login: 'octo-admin' });
  fork = templateFork();
  // Where a responder's shell would point irac: GitHub's API and token, and the SDK's own chain.
  vi.stubEnv('GITHUB_TOKEN', github.token);
  vi.stubEnv('GITHUB_API_URL', github.url);
  vi.stubEnv('GITHUB_REPOSITORY', undefined);
  vi.stubEnv('IRAC_AWS_ROLE_ARN', undefined);
  vi.stubEnv('AWS_ACCESS_KEY_ID', aws.credentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', aws.credentials.secretAccessKey);
  vi.stubEnv('AWS_SESSION_TOKEN', undefined);
  vi.stubEnv('AWS_PROFILE', undefined);
  vi.stubEnv('AWS_ENDPOINT_URL', aws.endpoint);
  vi.stubEnv('AWS_ENDPOINT_URL_IAM', undefined);
  vi.stubEnv('AWS_ENDPOINT_URL_STS', undefined);
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/aws-config');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/aws-credentials');
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all([github.close(), aws.close()]);
});

/** Another role of the account, trusting as `condition` says: what doctor is pointed at next. */
function roleTrusting(name: string, condition: unknown): string {
  return aws.iam.createRole(name, trustPolicy(condition)).arn;
}

interface Doctored {
  readonly stdout: string;
  readonly error: Error | undefined;
}

async function doctor(options: DoctorCommandOptions = {}): Promise<Doctored> {
  let stdout = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: () => {},
    readStdin: async () => undefined,
  };
  try {
    await doctorCommand({ repo: fork, github: REPO, roleArn: ROLE_ARN, ...options }, io);
    return { stdout, error: undefined };
  } catch (error) {
    return { stdout, error: error as Error };
  }
}

/** The checks' results, from `--json`. */
async function checks(options: DoctorCommandOptions = {}): Promise<CheckResult[]> {
  const { stdout } = await doctor({ ...options, json: true });
  return (JSON.parse(stdout) as { checks: CheckResult[] }).checks;
}

async function check(name: string, options: DoctorCommandOptions = {}): Promise<CheckResult> {
  const found = (await checks(options)).find((result) => result.name === name);
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}

describe('irac doctor on a repository set up right', () => {
  it('passes every check, one ok line each, and changes nothing on GitHub or in AWS', async () => {
    setUpRight();
    const awsWrites = aws.mutatingRequests().length;
    const run = await doctor();
    expect(run.error).toBeUndefined();
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      'ok   environment ir-containment: 2 required reviewers (alice, team security-oncall), self-review prevented',
      'ok   environment ir-preauthorized (pre-authorized): exists, no required reviewers: the playbooks decide what runs without one',
      'ok   branch protection main: force pushes and deletion of main refused (a ruleset)',
      `ok   OIDC role: ${ROLE} trusts token.actions.githubusercontent.com only for jobs in environment ir-containment of ${REPO}`,
      'ok   allowed signers: signed commits are not required (orchestrator.signing.require_signed is false)',
      `ok   workflow ir-ingest.yml: ${INGEST} is on main`,
      `doctor: all 6 checks of ${REPO} ok`,
    ]);
    expect(github.mutatingRequests()).toEqual([]);
    expect(aws.mutatingRequests().length).toBe(awsWrites);
    expect(aws.requests.map((request) => request.action)).toContain('GetRole');
  });

  it('accepts classic branch protection as well as a ruleset', async () => {
    setUpRight();
    github.protectBranch(REPO, 'main');
    expect(await check('branch protection main')).toMatchObject({
      ok: true,
      detail: 'force pushes and deletion of main refused (branch protection and a ruleset)',
    });
  });

  it('says so as one JSON object with --json', async () => {
    setUpRight();
    const run = await doctor({ json: true });
    const report = JSON.parse(run.stdout) as { ok: boolean; repository: string; checks: CheckResult[] };
    expect(report.ok).toBe(true);
    expect(report.repository).toBe(REPO);
    expect(report.checks.every((result) => result.ok && result.fix === null)).toBe(true);
  });
});

describe('each misconfiguration fails its check with the fix', () => {
  it('a pre-authorized environment with required reviewers would make pre-authorized containment wait', async () => {
    setUpRight();
    github.setEnvironment(REPO, 'ir-preauthorized', { reviewers: [{ user: 'bob' }] });
    const result = await check('environment ir-preauthorized (pre-authorized)');
    expect(result.ok).toBe(false);
    expect(result.detail).toBe('has required reviewers: pre-authorized containment would wait for a person');
    expect(result.fix).toMatch(
      /→ ir-preauthorized → Deployment protection rules, untick "Required reviewers"/,
    );
  });

  it('an approval environment that does not exist: GitHub would create it unprotected', async () => {
    setUpRight();
    const fresh = await startGitHubSim();
    try {
      fresh.addRepository(REPO);
      fresh.putFile(REPO, INGEST, 'name: ir-ingest\n');
      fresh.addRuleset(REPO, { name: 'trail', include: ['~ALL'], rules: ['deletion', 'non_fast_forward'] });
      vi.stubEnv('GITHUB_TOKEN', fresh.token);
      vi.stubEnv('GITHUB_API_URL', fresh.url);
      const run = await doctor();
      expect(run.error).toBeInstanceOf(OperationError);
      expect(run.error?.message).toBe(`doctor: 2 of 6 checks of ${REPO} need a fix`);
      const line = run.stdout.split('\n').find((text) => text.includes('environment ir-containment'));
      expect(line).toBe(
        'FIX  environment ir-containment: does not exist: the first job naming it would create it with no required reviewers, and containment would run unapproved' +
          ` — fix: create it at ${fresh.url}/acme/incidents/settings/environments (New environment "ir-containment"), add required reviewers and tick "Prevent self-review";` +
          ' or PUT /repos/acme/incidents/environments/ir-containment with reviewers and "prevent_self_review": true',
      );
    } finally {
      await fresh.close();
    }
  });

  it('an environment with no required reviewers, as a job that named it created it', async () => {
    setUpRight();
    github.setEnvironment(REPO, 'ir-containment');
    expect(await check('environment ir-containment')).toEqual({
      name: 'environment ir-containment',
      ok: false,
      detail: 'has no required reviewers: containment steps bound to it run without anyone approving them',
      fix: `at ${github.url}/acme/incidents/settings/environments → ir-containment → Deployment protection rules, tick "Required reviewers", add up to 6 people or teams and tick "Prevent self-review"; or PUT /repos/acme/incidents/environments/ir-containment with reviewers and "prevent_self_review": true`,
    });
  });

  it('says that required reviewers on a private repository need GitHub Enterprise', async () => {
    github.addRepository(REPO, { visibility: 'private' });
    github.setEnvironment(REPO, 'ir-containment', { waitTimer: 10 });
    const result = await check('environment ir-containment');
    expect(result.ok).toBe(false);
    expect(result.fix).toMatch(/ \(on a private repository this needs GitHub Enterprise\)$/);
  });

  it('reviewers who may approve their own runs', async () => {
    setUpRight();
    github.setEnvironment(REPO, 'ir-containment', {
      reviewers: [{ user: 'alice' }],
      preventSelfReview: false,
    });
    const result = await check('environment ir-containment');
    expect(result.ok).toBe(false);
    expect(result.detail).toBe(
      '1 required reviewer (alice), but whoever triggers a run may approve it themselves',
    );
    expect(result.fix).toMatch(
      /^at .*\/settings\/environments → ir-containment → Deployment protection rules, tick "Prevent self-review"/,
    );
  });

  it('a default branch nothing protects', async () => {
    github.addRepository(REPO, { defaultBranch: 'trunk' });
    github.setEnvironment(REPO, 'ir-containment', {
      reviewers: [{ user: 'alice' }],
      preventSelfReview: true,
    });
    const result = await check('branch protection trunk');
    expect(result).toMatchObject({
      ok: false,
      detail:
        'trunk allows force pushes and deletion: whoever can push could rewrite or delete the audit trail',
    });
    expect(result.fix).toContain(`at ${github.url}/acme/incidents/settings/rules add a branch ruleset`);
    expect(result.fix).toContain(
      'POST /repos/acme/incidents/rulesets with rules deletion and non_fast_forward',
    );
  });

  it('branch protection that allows force pushes, a ruleset only in evaluate mode', async () => {
    github.addRepository(REPO);
    github.protectBranch(REPO, 'main', { allowForcePushes: true });
    github.addRuleset(REPO, {
      name: 'trial',
      enforcement: 'evaluate',
      include: ['~DEFAULT_BRANCH'],
      rules: ['non_fast_forward'],
    });
    expect(await check('branch protection main')).toMatchObject({
      ok: false,
      detail: 'main allows force pushes: whoever can push could rewrite or delete the audit trail',
    });
  });

  it('protection a token without administration rights cannot read, and no ruleset to tell', async () => {
    github.addRepository(REPO);
    github.protectBranch(REPO, 'main');
    github.failNext('GET /repos/{owner}/{repo}/branches/{branch}/protection', {
      kind: 'error',
      status: 403,
      message: 'Resource not accessible by integration',
    });
    expect(await check('branch protection main')).toEqual({
      name: 'branch protection main',
      ok: false,
      detail: 'could not read the branch protection of main: 403 Resource not accessible by integration',
      fix: 'run irac doctor with a token that has Administration: read on the repository',
    });
  });

  it('a trust policy that pins the repository with a wildcard', async () => {
    setUpRight();
    const roleArn = roleTrusting('irac-loose', {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': `repo:${REPO}:*` },
    });
    const result = await check('OIDC role', { roleArn });
    expect(result.ok).toBe(false);
    expect(result.detail).toBe(
      `irac-loose's trust policy: sub "repo:${REPO}:*" is a wildcard: a job of any workflow it matches (any branch, any environment, including one a job creates unprotected by naming it) can assume the role`,
    );
    expect(result.fix).toBe(
      `in IAM console → Roles → irac-loose → Trust relationships (or aws iam update-assume-role-policy --role-name irac-loose), make every statement for token.actions.githubusercontent.com carry the condition ` +
        JSON.stringify({
          StringEquals: {
            ...PINNED.StringEquals,
            'token.actions.githubusercontent.com:sub': [
              `repo:${REPO}:environment:ir-containment`,
              `repo:${REPO}:environment:ir-preauthorized`,
            ],
          },
        }),
    );
  });

  it('a trust policy that pins a branch (ref:) rather than an environment', async () => {
    setUpRight();
    const roleArn = roleTrusting('irac-main-branch', {
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': `repo:${REPO}:ref:refs/heads/main`,
      },
    });
    expect((await check('OIDC role', { roleArn })).detail).toBe(
      `irac-main-branch's trust policy: sub "repo:${REPO}:ref:refs/heads/main" pins a branch or tag (ref:): every workflow run on it assumes the role, no reviewer involved`,
    );
  });

  it('a trust policy with no sub condition, or no audience, or another environment', async () => {
    setUpRight();
    const detailFor = async (name: string, condition: unknown) =>
      (await check('OIDC role', { roleArn: roleTrusting(name, condition) })).detail;
    expect(
      await detailFor('irac-any-repo', {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      }),
    ).toBe(
      "irac-any-repo's trust policy: the GitHub statement has no sub condition: a workflow in any repository on GitHub can assume the role",
    );
    expect(
      await detailFor('irac-no-audience', {
        StringEquals: {
          'token.actions.githubusercontent.com:sub': `repo:${REPO}:environment:ir-containment`,
        },
      }),
    ).toBe(
      "irac-no-audience's trust policy: the GitHub statement does not require the audience sts.amazonaws.com",
    );
    expect(
      await detailFor('irac-staging', {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': `repo:${REPO}:environment:staging`,
        },
      }),
    ).toBe(
      `irac-staging's trust policy: sub "repo:${REPO}:environment:staging" names an environment that is not a containment environment (ir-containment, ir-preauthorized)`,
    );
  });

  it('a role that does not exist, and no role named at all while the playbooks act in AWS', async () => {
    setUpRight();
    const gone = `arn:aws:iam::${ACCOUNT}:role/irac-deleted`;
    expect(await check('OIDC role', { roleArn: gone })).toMatchObject({
      ok: false,
      detail: `${gone} does not exist`,
    });
    const unnamed = await checks({ roleArn: undefined });
    expect(unnamed.find((result) => result.name === 'OIDC role')).toEqual({
      name: 'OIDC role',
      ok: false,
      detail: 'no role to check: the playbooks act in AWS through the role the containment job assumes',
      fix: 'pass --role-arn arn:aws:iam::ACCOUNT:role/NAME or set IRAC_AWS_ROLE_ARN',
    });
  });

  it('reads the role named by IRAC_AWS_ROLE_ARN when --role-arn is not given', async () => {
    setUpRight();
    vi.stubEnv('IRAC_AWS_ROLE_ARN', ROLE_ARN);
    expect((await check('OIDC role', { roleArn: undefined })).ok).toBe(true);
  });

  it('signed commits required and no allowed-signers file on the default branch', async () => {
    setUpRight();
    fork = templateFork((config) => config.replace('require_signed: false', 'require_signed: true'));
    const missing = await check('allowed signers');
    expect(missing).toMatchObject({
      ok: false,
      detail:
        '.github/allowed_signers is not on main, and signed commits are required: irac verify fails every incident commit',
    });
    expect(missing.fix).toMatch(/^commit \.github\/allowed_signers to main with one line per signing key/);
    github.putFile(REPO, '.github/allowed_signers', '# irac signing keys\n');
    expect((await check('allowed signers')).detail).toMatch(
      /^\.github\/allowed_signers lists no signer on main/,
    );
    github.putFile(REPO, '.github/allowed_signers', 'irac@ci namespaces="git" ssh-ed25519 AAAAC3Nza\n');
    expect(await check('allowed signers')).toMatchObject({
      ok: true,
      detail: '.github/allowed_signers on main lists 1 signer',
    });
  });

  it('the ingest workflow only on another branch: dispatches would start nothing', async () => {
    github.addRepository(REPO);
    github.putFile(REPO, 'README.md', '# incidents\n');
    github.putFile(REPO, INGEST, 'name: ir-ingest\n', { branch: 'add-workflows' });
    expect(await check('workflow ir-ingest.yml')).toEqual({
      name: 'workflow ir-ingest.yml',
      ok: false,
      detail: `${INGEST} is not on main: repository_dispatch runs only workflows on the default branch, so no event would be ingested`,
      fix: `commit ${INGEST} from the irac template to main (then GET /repos/acme/incidents/contents/${INGEST}?ref=main finds it)`,
    });
  });
});

describe('what doctor refuses before checking anything', () => {
  it('a repository it cannot read, a missing --github, a role ARN that is not one, a missing token', async () => {
    const unknown = await doctor();
    expect(unknown.error).toBeInstanceOf(OperationError);
    expect(unknown.error?.message).toBe(
      `doctor: could not read the repository ${REPO} (404 Not Found): check --github and that GITHUB_TOKEN may read it`,
    );
    const unnamed = await rejectionOf<InputError>(
      doctorCommand({ repo: fork }, { stdout: () => {}, stderr: () => {}, readStdin: async () => undefined }),
    );
    expect(unnamed.message).toBe(
      '--github: name the repository to check as OWNER/NAME (or set GITHUB_REPOSITORY)',
    );
    const badArn = await doctor({ roleArn: 'arn:aws:iam::1234:user/alice' });
    expect(badArn.error).toBeInstanceOf(InputError);
    expect(badArn.error?.message).toBe(
      '--role-arn: "arn:aws:iam::1234:user/alice" is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)',
    );
    vi.stubEnv('GITHUB_TOKEN', undefined);
    expect((await doctor()).error?.message).toBe('GitHub is not configured: set GITHUB_TOKEN');
  });
});

describe('the trust policy assessment', () => {
  const GITHUB_STATEMENT = {
    Effect: 'Allow',
    Principal: { Federated: PROVIDER },
    Action: 'sts:AssumeRoleWithWebIdentity',
  };

  it('holds every GitHub statement to the pin, whichever of several it is', () => {
    const policy = {
      Statement: [
        { ...GITHUB_STATEMENT, Condition: PINNED },
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        {
          ...GITHUB_STATEMENT,
          Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
        },
      ],
    };
    expect(assessTrustPolicy(policy, REPO, ['ir-containment']).problems).toEqual([
      'GitHub statement 2 has no sub condition: a workflow in any repository on GitHub can assume the role',
    ]);
  });

  it('takes a StringLike value without wildcards as exact, and refuses IfExists and another repository', () => {
    const audience = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };
    const condition = (operator: string, sub: string) => ({
      ...GITHUB_STATEMENT,
      Condition: {
        StringEquals: audience,
        [operator]: {
          ...(operator === 'StringEquals' ? audience : {}),
          'token.actions.githubusercontent.com:sub': sub,
        },
      },
    });
    const pinned = `repo:${REPO}:environment:ir-containment`;
    expect(
      assessTrustPolicy({ Statement: condition('StringLike', pinned) }, REPO, ['ir-containment']),
    ).toEqual({
      problems: [],
      environments: ['ir-containment'],
    });
    expect(
      assessTrustPolicy({ Statement: condition('StringLikeIfExists', pinned) }, REPO, ['ir-containment'])
        .problems,
    ).toEqual([
      'the GitHub statement has no sub condition: a workflow in any repository on GitHub can assume the role',
    ]);
    expect(
      assessTrustPolicy(
        { Statement: condition('StringEquals', 'repo:evil/fork:environment:ir-containment') },
        REPO,
        ['ir-containment'],
      ).problems,
    ).toEqual([`sub "repo:evil/fork:environment:ir-containment" names another repository than ${REPO}`]);
  });

  // Beside a statement pinned right, one that lets the provider in without a sub condition.
  const besidePinned = (loose: Record<string, unknown>) => ({
    Statement: [
      { ...GITHUB_STATEMENT, Condition: PINNED },
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
        ...loose,
      },
    ],
  });
  const NO_SUB =
    'GitHub statement 2 has no sub condition: a workflow in any repository on GitHub can assume the role';

  it('matches the action as IAM does: case-insensitive, with * and ? wildcards', () => {
    for (const Action of [
      'sts:AssumeRoleWith*',
      'sts:assumerolewithwebidentity',
      'STS:AssumeRole?ithWebIdentity',
      ['sts:TagSession', 'sts:Assume*'],
      '*:*',
    ]) {
      expect(
        assessTrustPolicy(besidePinned({ Action }), REPO, ['ir-containment']).problems,
        String(Action),
      ).toEqual([NO_SUB]);
    }
  });

  it('counts a NotAction statement unless it lists the web identity action, by the same matching', () => {
    for (const NotAction of ['sts:AssumeRole', ['iam:*', 'sts:TagSession'], 'sts:AssumeRoleWith?AML']) {
      expect(
        assessTrustPolicy(besidePinned({ NotAction }), REPO, ['ir-containment']).problems,
        String(NotAction),
      ).toEqual([NO_SUB]);
    }
    for (const NotAction of ['sts:*', 'STS:assumeRoleWithWebIdentity', ['s3:*', 'sts:AssumeRoleWith*']]) {
      expect(
        assessTrustPolicy(besidePinned({ NotAction }), REPO, ['ir-containment']),
        String(NotAction),
      ).toEqual({ problems: [], environments: ['ir-containment'] });
    }
    for (const Action of [
      'sts:AssumeRole',
      'sts:AssumeRoleWithSAML',
      'sts:TagSession',
      'sts:AssumeRoleWith',
    ]) {
      expect(assessTrustPolicy(besidePinned({ Action }), REPO, ['ir-containment']).problems, Action).toEqual(
        [],
      );
    }
  });

  it('refuses a statement that lets any principal assume the role, whatever else it pins', () => {
    const open = (statement: Record<string, unknown>) => ({
      Statement: [
        { ...GITHUB_STATEMENT, Condition: PINNED },
        { Effect: 'Allow', ...statement },
      ],
    });
    const ANYONE =
      'statement 2 allows sts:AssumeRole* to any principal: anyone, in any AWS account or with any web identity its conditions let through, can assume the role; remove it';
    for (const statement of [
      { Principal: '*', Action: 'sts:AssumeRole' },
      { Principal: { AWS: '*' }, Action: 'sts:Assume*' },
      { Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] }, Action: 'sts:assumerole' },
      { Principal: { Federated: '*' }, Action: 'sts:AssumeRoleWithWebIdentity' },
      { Principal: '*', NotAction: 'sts:TagSession' },
      { NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
    ]) {
      expect(
        assessTrustPolicy(open(statement), REPO, ['ir-containment']).problems,
        JSON.stringify(statement),
      ).toEqual([ANYONE]);
    }
    // Open, but to nothing that assumes the role; or not an Allow.
    for (const statement of [
      { Principal: '*', Action: 'sts:TagSession' },
      { Principal: { AWS: '*' }, NotAction: 'sts:*' },
      { Effect: 'Deny', Principal: '*', Action: 'sts:*' },
    ]) {
      expect(assessTrustPolicy(open(statement), REPO, ['ir-containment']).problems).toEqual([]);
    }
  });

  it('says when nothing trusts GitHub at all', () => {
    expect(assessTrustPolicy({ Statement: [] }, REPO, ['ir-containment']).problems).toEqual([
      'no statement allows sts:AssumeRoleWithWebIdentity from the token.actions.githubusercontent.com provider',
    ]);
  });
});
