// The simulated GitHub's branch refs, contents writes and pull requests, driven by the real Octokit as
// `irac report --pr` drives them; and team memberships, as `/ack` checks them.

import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubSim, startGitHubSim } from '../../src/sim/github.js';
import { rejectionOf } from '../support/rejection.js';

const REPO = 'acme/incidents';
const repo = { owner: 'acme', repo: 'incidents' };

interface OctokitError extends Error {
  readonly status: number;
  readonly response?: { readonly data: { message?: string; errors?: unknown[] } };
}

let sim: GitHubSim;
let octokit: Octokit;

beforeEach(async () => {
  sim = await startGitHubSim();
  sim.addRepository(REPO);
  sim.putFile(REPO, 'README.md', '# incidents\n');
  octokit = new Octokit({
    baseUrl: sim.url,
    auth: sim.token,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
});

afterEach(async () => {
  await sim.close();
});

const base64 = (text: string) => Buffer.from(text).toString('base64');

async function branchFromMain(branch: string): Promise<string> {
  const { data: main } = await octokit.git.getRef({ ...repo, ref: 'heads/main' });
  await octokit.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: main.object.sha });
  return main.object.sha;
}

describe('GitHub sim: refs and contents', () => {
  it('reads a branch ref, and creates a branch at a commit', async () => {
    const { data: main } = await octokit.git.getRef({ ...repo, ref: 'heads/main' });
    expect(main.ref).toBe('refs/heads/main');
    expect(main.object).toMatchObject({ type: 'commit', sha: expect.stringMatching(/^[0-9a-f]{40}$/) });

    const { data: created, status } = await octokit.git.createRef({
      ...repo,
      ref: 'refs/heads/irac/postmortem-x',
      sha: main.object.sha,
    });
    expect(status).toBe(201);
    expect(created.ref).toBe('refs/heads/irac/postmortem-x');
    const { data: again } = await octokit.git.getRef({ ...repo, ref: 'heads/irac/postmortem-x' });
    expect(again.object.sha).toBe(main.object.sha);
    expect(sim.file(REPO, 'README.md', { branch: 'irac/postmortem-x' })).toBe('# incidents\n');
  });

  it('refuses a missing ref, an existing one, a bad name and an unknown commit as GitHub does', async () => {
    expect((await rejectionOf<OctokitError>(octokit.git.getRef({ ...repo, ref: 'heads/nope' }))).status).toBe(
      404,
    );
    const sha = await branchFromMain('topic');
    const again = await rejectionOf<OctokitError>(
      octokit.git.createRef({ ...repo, ref: 'refs/heads/topic', sha }),
    );
    expect([again.status, again.response?.data.message]).toEqual([422, 'Reference already exists']);
    const bad = await rejectionOf<OctokitError>(octokit.git.createRef({ ...repo, ref: 'topic2', sha }));
    expect(bad.status).toBe(422);
    const unknown = await rejectionOf<OctokitError>(
      octokit.git.createRef({ ...repo, ref: 'refs/heads/topic3', sha: '0'.repeat(40) }),
    );
    expect([unknown.status, unknown.response?.data.message]).toEqual([422, 'Object does not exist']);
  });

  it('creates a file on a branch (201), updates it with its blob sha (200), and the branch moves', async () => {
    const start = await branchFromMain('topic');
    const created = await octokit.repos.createOrUpdateFileContents({
      ...repo,
      path: 'postmortems/IR-1.md',
      branch: 'topic',
      message: 'postmortem',
      content: base64('first\n'),
    });
    expect(created.status).toBe(201);
    expect(created.data.commit.parents?.map((parent) => parent.sha)).toEqual([start]);
    const { data: read } = await octokit.repos.getContent({
      ...repo,
      path: 'postmortems/IR-1.md',
      ref: 'topic',
    });
    expect(Array.isArray(read) ? undefined : read.sha).toBe(created.data.content?.sha);

    const updated = await octokit.repos.createOrUpdateFileContents({
      ...repo,
      path: 'postmortems/IR-1.md',
      branch: 'topic',
      message: 'postmortem updated',
      content: base64('second\n'),
      sha: created.data.content?.sha ?? '',
    });
    expect(updated.status).toBe(200);
    expect(updated.data.commit.parents?.map((parent) => parent.sha)).toEqual([created.data.commit.sha]);
    const { data: head } = await octokit.git.getRef({ ...repo, ref: 'heads/topic' });
    expect(head.object.sha).toBe(updated.data.commit.sha);
    expect(sim.file(REPO, 'postmortems/IR-1.md', { branch: 'topic' })).toBe('second\n');
    expect(sim.file(REPO, 'postmortems/IR-1.md')).toBeUndefined();
  });

  it('refuses to overwrite a file without its sha (422) or with a stale one (409)', async () => {
    const write = (sha?: string) =>
      octokit.repos.createOrUpdateFileContents({
        ...repo,
        path: 'README.md',
        message: 'edit',
        content: base64('edited\n'),
        ...(sha ? { sha } : {}),
      });
    expect((await rejectionOf<OctokitError>(write())).status).toBe(422);
    expect((await rejectionOf<OctokitError>(write('f'.repeat(40)))).status).toBe(409);
    const missing = await rejectionOf<OctokitError>(
      octokit.repos.createOrUpdateFileContents({
        ...repo,
        path: 'x.md',
        message: 'x',
        content: base64('x'),
        branch: 'nope',
      }),
    );
    expect(missing.status).toBe(404);
    expect(sim.file(REPO, 'README.md')).toBe('# incidents\n');
  });
});

describe('GitHub sim: pull requests', () => {
  async function branchWithChange(branch: string) {
    await branchFromMain(branch);
    await octokit.repos.createOrUpdateFileContents({
      ...repo,
      path: `${branch}.md`,
      branch,
      message: 'change',
      content: base64('change\n'),
    });
  }

  it('opens a pull request, lists it by head and base, and numbers it after the issues', async () => {
    sim.addIssue(REPO, { title: 'an issue' });
    await branchWithChange('topic');
    const { data: pull, status } = await octokit.pulls.create({
      ...repo,
      title: 'Post-incident report',
      head: 'topic',
      base: 'main',
      body: 'review me',
    });
    expect(status).toBe(201);
    expect(pull).toMatchObject({
      number: 2,
      state: 'open',
      title: 'Post-incident report',
      head: { ref: 'topic', label: 'acme:topic' },
      base: { ref: 'main' },
      commits: 1,
      changed_files: 1,
      merged: false,
    });
    const listed = await octokit.pulls.list({ ...repo, state: 'open', head: 'acme:topic', base: 'main' });
    expect(listed.data.map((item) => item.number)).toEqual([2]);
    expect((await octokit.pulls.list({ ...repo, head: 'acme:other' })).data).toEqual([]);
    expect(sim.pulls(REPO)).toMatchObject([{ number: 2, head: 'topic', base: 'main', body: 'review me' }]);
    // The next issue takes the number after the pull request.
    const { data: issue } = await octokit.issues.create({ ...repo, title: 'after' });
    expect(issue.number).toBe(3);
  });

  it('refuses a second open pull request for the same branch, and one with no commits', async () => {
    await branchWithChange('topic');
    await octokit.pulls.create({ ...repo, title: 'one', head: 'topic', base: 'main' });
    const twice = await rejectionOf<OctokitError>(
      octokit.pulls.create({ ...repo, title: 'two', head: 'acme:topic', base: 'main' }),
    );
    expect(twice.status).toBe(422);
    expect(JSON.stringify(twice.response?.data.errors)).toContain(
      'A pull request already exists for acme:topic.',
    );

    await branchFromMain('empty');
    const nothing = await rejectionOf<OctokitError>(
      octokit.pulls.create({ ...repo, title: 'empty', head: 'empty', base: 'main' }),
    );
    expect(JSON.stringify(nothing.response?.data.errors)).toContain('No commits between main and empty');
    const noHead = await rejectionOf<OctokitError>(
      octokit.pulls.create({ ...repo, title: 'x', head: 'missing', base: 'main' }),
    );
    expect(JSON.stringify(noHead.response?.data.errors)).toContain('"field":"head"');
    expect(sim.pulls(REPO)).toHaveLength(1);
  });
});

describe('GitHub sim: team memberships', () => {
  it('answers a member with role and state, and 404 for anyone else', async () => {
    sim.addTeamMember('acme', 'security-leads', 'alice');
    sim.addTeamMember('acme', 'security-leads', 'bob', { role: 'maintainer', state: 'pending' });
    const { data: alice } = await octokit.teams.getMembershipForUserInOrg({
      org: 'acme',
      team_slug: 'security-leads',
      username: 'alice',
    });
    expect(alice).toMatchObject({
      role: 'member',
      state: 'active',
      url: expect.stringContaining('/memberships/alice'),
    });
    const { data: bob } = await octokit.teams.getMembershipForUserInOrg({
      org: 'ACME',
      team_slug: 'security-leads',
      username: 'Bob',
    });
    expect(bob).toMatchObject({ role: 'maintainer', state: 'pending' });
    const mallory = await rejectionOf<OctokitError>(
      octokit.teams.getMembershipForUserInOrg({
        org: 'acme',
        team_slug: 'security-leads',
        username: 'mallory',
      }),
    );
    expect([mallory.status, mallory.response?.data.message]).toEqual([404, 'Not Found']);
    const noTeam = await rejectionOf<OctokitError>(
      octokit.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'nobody', username: 'alice' }),
    );
    expect(noTeam.status).toBe(404);
    const anonymous = new Octokit({
      baseUrl: sim.url,
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
    const refused = await rejectionOf<OctokitError>(
      anonymous.teams.getMembershipForUserInOrg({
        org: 'acme',
        team_slug: 'security-leads',
        username: 'alice',
      }),
    );
    expect(refused.status).toBe(401);
  });
});
