// The simulated GitHub's settings routes — the repository, environments and their protection rules, branch
// protection, rulesets and file contents — read through the real Octokit, as `irac doctor` reads them,
// and answered in GitHub's shapes, refusals included.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubSim, startGitHubSim } from '../../src/sim/github.js';
import { git, scratchRepo } from '../helpers/git.js';
import { rejectionOf } from '../support/rejection.js';

const REPO = 'Acme/Incidents';
const owner = 'acme';
const repo = 'incidents';

interface OctokitError extends Error {
  readonly status: number;
  readonly response?: { readonly data: { readonly message?: string; readonly documentation_url?: string } };
}

let sim: GitHubSim;
let octokit: Octokit;

beforeEach(async () => {
  sim = await startGitHubSim({ login: 'octo-admin' });
  sim.addRepository(REPO, { defaultBranch: 'trunk', visibility: 'private' });
  octokit = new Octokit({
    baseUrl: sim.url,
    auth: sim.token,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
});

afterEach(async () => {
  await sim.close();
});

const refusal = async (promise: Promise<unknown>) => {
  const error = await rejectionOf<OctokitError>(promise);
  return { status: error.status, message: error.response?.data.message };
};

describe('GET /repos/{owner}/{repo}', () => {
  it('answers with the name as seeded, the default branch, the visibility and the token holder’s rights', async () => {
    const { data } = await octokit.rest.repos.get({ owner, repo });
    expect(data).toMatchObject({
      full_name: 'Acme/Incidents',
      name: 'Incidents',
      owner: { login: 'Acme', type: 'User' },
      default_branch: 'trunk',
      private: true,
      visibility: 'private',
      html_url: `${sim.url}/Acme/Incidents`,
      url: `${sim.url}/repos/Acme/Incidents`,
      permissions: { admin: true, push: true, pull: true },
    });
    expect(await refusal(octokit.rest.repos.get({ owner, repo: 'elsewhere' }))).toEqual({
      status: 404,
      message: 'Not Found',
    });
  });
});

describe('GET /repos/{owner}/{repo}/environments/{environment_name}', () => {
  it('lists the required reviewers (users and teams), self-review prevention, wait timer and branch policy', async () => {
    sim.setEnvironment(REPO, 'ir-containment', {
      reviewers: [{ user: 'alice' }, { team: 'security-oncall' }],
      preventSelfReview: true,
      waitTimer: 5,
      protectedBranchesOnly: true,
    });
    const { data } = await octokit.rest.repos.getEnvironment({
      owner,
      repo,
      environment_name: 'ir-containment',
    });
    expect(data.name).toBe('ir-containment');
    expect(data.url).toBe(`${sim.url}/repos/Acme/Incidents/environments/ir-containment`);
    expect(data.deployment_branch_policy).toEqual({
      protected_branches: true,
      custom_branch_policies: false,
    });
    const rules = data.protection_rules ?? [];
    expect(rules.map((rule) => rule.type)).toEqual(['wait_timer', 'required_reviewers', 'branch_policy']);
    expect(rules[0]).toMatchObject({ wait_timer: 5 });
    expect(rules[1]).toMatchObject({
      prevent_self_review: true,
      reviewers: [
        { type: 'User', reviewer: { login: 'alice', type: 'User' } },
        {
          type: 'Team',
          reviewer: { slug: 'security-oncall', html_url: `${sim.url}/orgs/Acme/teams/security-oncall` },
        },
      ],
    });
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(3);
  });

  it('finds environments regardless of case, and a job-created one has no protection rules at all', async () => {
    sim.setEnvironment(REPO, 'IR-Containment', { reviewers: [{ user: 'alice' }] });
    sim.addPendingDeployment(REPO, 7, { environment: 'staging' });
    const named = await octokit.rest.repos.getEnvironment({
      owner,
      repo,
      environment_name: 'ir-containment',
    });
    expect(named.data.name).toBe('IR-Containment');
    expect(named.data.protection_rules?.[0]).toMatchObject({
      type: 'required_reviewers',
      prevent_self_review: false,
    });
    const created = await octokit.rest.repos.getEnvironment({ owner, repo, environment_name: 'staging' });
    expect(created.data.protection_rules).toEqual([]);
    expect(created.data.deployment_branch_policy).toBeNull();
  });

  it('answers 404 Not Found for an environment that does not exist, and a PUT-like reseed replaces the rules', async () => {
    expect(
      await refusal(octokit.rest.repos.getEnvironment({ owner, repo, environment_name: 'prod' })),
    ).toEqual({
      status: 404,
      message: 'Not Found',
    });
    sim.setEnvironment(REPO, 'prod', { reviewers: [{ user: 'alice' }], preventSelfReview: true });
    sim.setEnvironment(REPO, 'prod', {});
    const { data } = await octokit.rest.repos.getEnvironment({ owner, repo, environment_name: 'prod' });
    expect(data.protection_rules).toEqual([]);
  });
});

describe('GET /repos/{owner}/{repo}/branches/{branch}/protection', () => {
  it('answers the protection with GitHub’s defaults: force pushes and deletions refused', async () => {
    sim.protectBranch(REPO, 'trunk', { enforceAdmins: true });
    const { data } = await octokit.rest.repos.getBranchProtection({ owner, repo, branch: 'trunk' });
    const url = `${sim.url}/repos/Acme/Incidents/branches/trunk/protection`;
    expect(data).toMatchObject({
      url,
      allow_force_pushes: { enabled: false },
      allow_deletions: { enabled: false },
      enforce_admins: { url: `${url}/enforce_admins`, enabled: true },
      required_signatures: { enabled: false },
    });
  });

  it('reads a branch whose name has a slash, and says what it allows', async () => {
    sim.protectBranch(REPO, 'release/2026', { allowForcePushes: true, allowDeletions: true });
    const { data } = await octokit.rest.repos.getBranchProtection({ owner, repo, branch: 'release/2026' });
    expect(data.allow_force_pushes).toEqual({ enabled: true });
    expect(data.allow_deletions).toEqual({ enabled: true });
  });

  it('answers 404 "Branch not protected" for an unprotected branch and "Branch not found" for none', async () => {
    expect(await refusal(octokit.rest.repos.getBranchProtection({ owner, repo, branch: 'trunk' }))).toEqual({
      status: 404,
      message: 'Branch not protected',
    });
    expect(await refusal(octokit.rest.repos.getBranchProtection({ owner, repo, branch: 'nope' }))).toEqual({
      status: 404,
      message: 'Branch not found',
    });
  });

  it('gives a queued refusal instead, as a token without administration rights meets', async () => {
    sim.protectBranch(REPO, 'trunk');
    sim.failNext('GET /repos/{owner}/{repo}/branches/{branch}/protection', {
      kind: 'error',
      status: 403,
      message: 'Resource not accessible by integration',
    });
    expect(await refusal(octokit.rest.repos.getBranchProtection({ owner, repo, branch: 'trunk' }))).toEqual({
      status: 403,
      message: 'Resource not accessible by integration',
    });
  });
});

describe('GET /repos/{owner}/{repo}/rules/branches/{branch}', () => {
  it('lists the rules of the active rulesets that take the branch in, with where each comes from', async () => {
    const id = sim.addRuleset(REPO, {
      name: 'audit trail',
      include: ['~DEFAULT_BRANCH'],
      rules: ['non_fast_forward', 'deletion'],
    });
    sim.addRuleset(REPO, {
      name: 'trial',
      enforcement: 'evaluate',
      include: ['~ALL'],
      rules: ['required_signatures'],
    });
    sim.addRuleset(REPO, { name: 'off', enforcement: 'disabled', include: ['~ALL'], rules: ['creation'] });
    const { data } = await octokit.rest.repos.getBranchRules({ owner, repo, branch: 'trunk' });
    expect(data).toEqual([
      {
        type: 'non_fast_forward',
        ruleset_source_type: 'Repository',
        ruleset_source: 'Acme/Incidents',
        ruleset_id: id,
      },
      {
        type: 'deletion',
        ruleset_source_type: 'Repository',
        ruleset_source: 'Acme/Incidents',
        ruleset_id: id,
      },
    ]);
  });

  it('matches full refs and exclusions, for branches that need not exist', async () => {
    sim.addRuleset(REPO, {
      name: 'everything but sandboxes',
      include: ['~ALL'],
      exclude: ['refs/heads/sandbox'],
      rules: ['non_fast_forward'],
    });
    sim.addRuleset(REPO, { name: 'hotfix', include: ['refs/heads/hotfix/1'], rules: ['deletion'] });
    const types = async (branch: string) =>
      (await octokit.rest.repos.getBranchRules({ owner, repo, branch })).data.map((rule) => rule.type);
    expect(await types('feature')).toEqual(['non_fast_forward']);
    expect(await types('sandbox')).toEqual([]);
    expect(await types('hotfix/1')).toEqual(['non_fast_forward', 'deletion']);
  });

  it('refuses to seed fnmatch patterns it would not match as GitHub does', () => {
    expect(() =>
      sim.addRuleset(REPO, { name: 'x', include: ['refs/heads/release/*'], rules: ['deletion'] }),
    ).toThrow(/not patterns/);
  });
});

describe('GET /repos/{owner}/{repo}/contents/{path}', () => {
  const WORKFLOW = 'name: ingest\non: repository_dispatch\n'.repeat(5);
  const SIGNERS = 'irac@ci namespaces="git" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ\n';

  it('answers a file as GitHub does: base64 in 60-character lines, and the sha git itself gives it', async () => {
    sim.putFile(REPO, '.github/workflows/ir-ingest.yml', WORKFLOW);
    const { data } = await octokit.rest.repos.getContent({
      owner,
      repo,
      path: '.github/workflows/ir-ingest.yml',
    });
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
    expect(data).toMatchObject({
      name: 'ir-ingest.yml',
      path: '.github/workflows/ir-ingest.yml',
      encoding: 'base64',
    });
    expect(data.size).toBe(Buffer.byteLength(WORKFLOW));
    expect(data.content.split('\n').every((line) => line.length <= 60)).toBe(true);
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(WORKFLOW);
    const checkout = scratchRepo();
    writeFileSync(join(checkout, 'ir-ingest.yml'), WORKFLOW);
    expect(data.sha).toBe(git(checkout, 'hash-object', 'ir-ingest.yml'));
    expect(data.url).toBe(
      `${sim.url}/repos/Acme/Incidents/contents/.github/workflows/ir-ingest.yml?ref=trunk`,
    );
    expect(sim.requests.at(-1)).toMatchObject({
      route: 'GET /repos/{owner}/{repo}/contents/{path}',
      status: 200,
      mutating: false,
    });
  });

  it('lists a directory with the tree ids a real git repository has for it', async () => {
    const files = {
      '.github/workflows/ir-ingest.yml': WORKFLOW,
      '.github/workflows/ci.yml': 'name: ci\n',
      '.github/allowed_signers': SIGNERS,
      '.github/ISSUE_TEMPLATE/incident.md': '# incident\n',
    };
    const checkout = scratchRepo();
    for (const [path, content] of Object.entries(files)) {
      sim.putFile(REPO, path, content);
      mkdirSync(dirname(join(checkout, path)), { recursive: true });
      writeFileSync(join(checkout, path), content);
    }
    git(checkout, 'add', '.github');
    git(checkout, 'commit', '--quiet', '-m', 'settings');
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: '.github' });
    if (!Array.isArray(data)) throw new Error('expected a directory');
    expect(data.map((entry) => [entry.type, entry.name])).toEqual([
      ['dir', 'ISSUE_TEMPLATE'],
      ['file', 'allowed_signers'],
      ['dir', 'workflows'],
    ]);
    for (const entry of data) expect(entry.sha).toBe(git(checkout, 'rev-parse', `HEAD:${entry.path}`));
    expect(data.every((entry) => entry.content === undefined)).toBe(true);
  });

  it('reads another branch through ref, and refuses what is not there as GitHub words it', async () => {
    expect(await refusal(octokit.rest.repos.getContent({ owner, repo, path: 'README.md' }))).toEqual({
      status: 404,
      message: 'This repository is empty.',
    });
    sim.putFile(REPO, '.github/allowed_signers', SIGNERS, { branch: 'keys' });
    sim.putFile(REPO, 'README.md', '# incidents\n');
    const onBranch = await octokit.rest.repos.getContent({
      owner,
      repo,
      path: '.github/allowed_signers',
      ref: 'keys',
    });
    expect(Array.isArray(onBranch.data) ? undefined : onBranch.data.type).toBe('file');
    expect(
      await refusal(octokit.rest.repos.getContent({ owner, repo, path: '.github/allowed_signers' })),
    ).toEqual({
      status: 404,
      message: 'Not Found',
    });
    expect(
      await refusal(octokit.rest.repos.getContent({ owner, repo, path: 'README.md', ref: 'gone' })),
    ).toEqual({
      status: 404,
      message: 'No commit found for the ref gone',
    });
  });
});
