// The incident's GitHub issue and its comments, through the real Octokit (retry and throttling plugins)
// against the simulated GitHub: what the repository holds afterwards, read from the sim's state.

import { describe, expect, it } from 'vitest';
import {
  type ActionContext,
  ActionFailure,
  dryRun,
  execute,
  type Journal,
  undo,
  verify,
} from '../../src/connectors/action.js';
import { createClients } from '../../src/connectors/clients.js';
import {
  type CommentRecord,
  comment,
  commentMarker,
  createIssue,
  markedComment,
} from '../../src/connectors/github.js';
import { type GitHubFault, type GitHubRoute, type GitHubSim, startGitHubSim } from '../../src/sim/github.js';
import { actionContract, type ContractWorld, MemoryJournal, within } from '../support/action-contract.js';

const REPO = 'acme/security-incidents';
const INCIDENT = 'IR-20260314-7QK2M4XD';
const NOW = new Date('2026-03-14T09:30:00Z');
const LINKS = {
  incident: 'https://github.com/acme/security-incidents/blob/main/incidents/IR-20260314-7QK2M4XD.json',
  run: 'https://github.com/acme/security-incidents/actions/runs/4242',
};
const ISSUE_PARAMS = {
  title: `[${INCIDENT}] high: GuardDuty UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration`,
  labels: ['irac', INCIDENT, 'severity:high'],
  assignees: ['oncall-lead'],
};

/** Faults in GitHub's words: a secondary rate limit, a 502, and the refusal a token without the permission meets. */
const GITHUB_FAULTS = {
  throttle: { kind: 'secondary-rate-limit', retryAfterSeconds: 1 },
  unavailable: { kind: 'error', status: 502, message: 'Server Error' },
  hard: { kind: 'error', status: 403, message: 'Resource not accessible by integration' },
} as const satisfies Record<string, GitHubFault>;

interface GitHubWorld extends ContractWorld<GitHubFault> {
  readonly sim: GitHubSim;
}

async function githubWorld(
  seed: (sim: GitHubSim) => void,
  state: (sim: GitHubSim) => unknown,
  settings: { repository?: string } = { repository: REPO },
): Promise<GitHubWorld> {
  const sim = await startGitHubSim();
  sim.addRepository(REPO);
  seed(sim);
  const context: ActionContext = {
    incidentId: INCIDENT,
    aws: { region: 'us-east-1' },
    // A millisecond for the plugins' second: real retries and pacing, without real waits.
    clients: createClients({ github: { token: sim.token, baseUrl: sim.url, secondMs: 1, ...settings } }),
    now: () => NOW,
    links: LINKS,
  };
  return {
    sim,
    context,
    state: () => state(sim),
    requests: () =>
      sim.requests.map((request) => ({
        operation: request.route ?? `${request.method} ${request.path}`,
        mutating: request.mutating,
      })),
    failNext: (operation, fault, options) => sim.failNext(operation as GitHubRoute, fault, options),
    close: () => sim.close(),
  };
}

/** What the incident has in the repository: its open issues, as a responder sees them. */
const openIncidentIssues = (sim: GitHubSim) =>
  sim
    .issues(REPO)
    .filter((issue) => issue.state === 'open' && issue.labels.includes(INCIDENT))
    .map(({ title, body, labels, assignees }) => ({ title, body, labels, assignees }));

const issueWorld = (settings?: { repository?: string }) =>
  githubWorld(
    (sim) => {
      // Another incident's issue, and this incident's issue from an earlier run that was undone.
      sim.addIssue(REPO, { title: 'IR-20260301-AAAAAAAA', labels: ['irac', 'IR-20260301-AAAAAAAA'] });
      sim.addIssue(REPO, { title: 'undone', labels: ['irac', INCIDENT], state: 'closed' });
    },
    openIncidentIssues,
    settings,
  );

/** The incident's open issue, #1, and the comments on it. */
const commentWorld = () =>
  githubWorld(
    (sim) => {
      sim.addIssue(REPO, { title: `[${INCIDENT}] high`, labels: ['irac', INCIDENT] });
      sim.addIssue(REPO, { title: 'unrelated' });
    },
    (sim) => sim.comments(REPO, 1).map((posted) => posted.body),
  );

describe('github:create_issue', () => {
  actionContract({
    action: createIssue,
    params: ISSUE_PARAMS,
    setup: () => issueWorld(),
    faults: GITHUB_FAULTS,
  });

  it('opens one issue for the incident, labelled and assigned, linking the incident file and the run', async () => {
    await within(issueWorld(), async ({ sim, context }) => {
      const outcome = await execute(createIssue, ISSUE_PARAMS, context, new MemoryJournal());
      expect(outcome.record).toEqual({
        repository: REPO,
        label: INCIDENT,
        issue_number: 3,
        issue_url: `${sim.url}/${REPO}/issues/3`,
        opened: true,
      });
      expect(sim.issue(REPO, 3)).toMatchObject({
        title: ISSUE_PARAMS.title,
        labels: ['irac', INCIDENT, 'severity:high'],
        assignees: ['oncall-lead'],
        state: 'open',
        author: 'github-actions[bot]',
      });
      expect(sim.issue(REPO, 3)?.body).toBe(
        [
          `Opened by irac for incident \`${INCIDENT}\`.`,
          '',
          `- [Incident file](${LINKS.incident})`,
          `- [Workflow run](${LINKS.run})`,
        ].join('\n'),
      );
      expect(sim.mutatingRequests().map((request) => request.route)).toEqual([
        'POST /repos/{owner}/{repo}/issues',
      ]);
    });
  });

  it('labels the issue with the incident id even when the step’s labels leave it out', async () => {
    await within(issueWorld(), async ({ sim, context }) => {
      await execute(createIssue, { title: 'Breach', labels: ['security'] }, context, new MemoryJournal());
      expect(sim.issue(REPO, 3)?.labels).toEqual(['security', INCIDENT]);
    });
  });

  it('reuses an open issue already labelled with the incident id, and undo leaves it open: this run did not open it', async () => {
    await within(issueWorld(), async ({ sim, context }) => {
      const opened = sim.addIssue(REPO, { title: 'opened by a responder', labels: [INCIDENT] });
      const outcome = await execute(createIssue, ISSUE_PARAMS, context, new MemoryJournal());
      expect(outcome.changed).toBe(false);
      expect(outcome.state).toBe(`${REPO}#${opened} is already labelled ${INCIDENT}`);
      expect(outcome.record).toMatchObject({ issue_number: opened, opened: false });
      const undone = await undo(createIssue, ISSUE_PARAMS, context, outcome.record);
      expect(undone.changed).toBe(false);
      expect(sim.issue(REPO, opened)?.state).toBe('open');
      expect(sim.mutatingRequests()).toEqual([]);
    });
  });

  it('undo closes the issue it opened as not planned, and verify then reports it closed', async () => {
    await within(issueWorld(), async ({ sim, context }) => {
      const outcome = await execute(createIssue, ISSUE_PARAMS, context, new MemoryJournal());
      await undo(createIssue, ISSUE_PARAMS, context, outcome.record);
      expect(sim.issue(REPO, 3)).toMatchObject({ state: 'closed', stateReason: 'not_planned' });
      expect(await verify(createIssue, ISSUE_PARAMS, context, outcome.record)).toEqual({
        ok: false,
        detail: `${REPO}#3 is closed, labelled ${INCIDENT}`,
      });
    });
  });

  it('refuses to guess a repository when the step names none and the workflow’s own is not configured', async () => {
    await within(issueWorld({}), async ({ context }) => {
      await expect(dryRun(createIssue, ISSUE_PARAMS, context)).rejects.toThrow(
        'github:create_issue: OperationError: the GitHub repository is not configured: set GITHUB_REPOSITORY or name a repository',
      );
      const planned = await dryRun(createIssue, { ...ISSUE_PARAMS, repository: REPO }, context);
      expect(planned.calls.map((call) => call.call)).toEqual(['github:issues.create']);
    });
  });

  it('names the call and GitHub’s words when the token may not write issues', async () => {
    await within(issueWorld(), async ({ sim, context }) => {
      sim.failNext('POST /repos/{owner}/{repo}/issues', GITHUB_FAULTS.hard);
      const failure = await execute(createIssue, ISSUE_PARAMS, context, new MemoryJournal()).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ActionFailure);
      expect((failure as ActionFailure).message).toBe(
        `github:create_issue: github:issues.create on ${REPO}: GitHubRefusal: HTTP 403: ` +
          'Resource not accessible by integration - https://docs.github.com/rest',
      );
    });
  });

  it('describes its calls for the plan without reaching GitHub', () => {
    expect(
      createIssue.describe(ISSUE_PARAMS, { incidentId: INCIDENT, aws: { region: 'us-east-1' } }),
    ).toEqual([
      {
        call: 'github:issues.listForRepo',
        target: 'the workflow repository',
        effect: `find an open issue labelled ${INCIDENT}`,
      },
      {
        call: 'github:issues.create',
        target: 'the workflow repository',
        effect: `open "${ISSUE_PARAMS.title}", unless one exists`,
      },
    ]);
  });
});

describe('github:comment', () => {
  const params = { body: 'Instance i-0abc isolated; snapshot snap-0def taken.' };

  actionContract({
    action: comment,
    params,
    setup: commentWorld,
    faults: GITHUB_FAULTS,
  });

  it('comments on the incident’s issue, found by its label, ending with a hidden marker', async () => {
    await within(commentWorld(), async ({ sim, context }) => {
      const outcome = await execute(comment, params, context, new MemoryJournal());
      const marker = commentMarker(INCIDENT, params.body);
      expect(marker).toMatch(/^<!-- irac:[0-9a-f]{32} -->$/);
      expect(sim.comments(REPO, 1).map((posted) => posted.body)).toEqual([`${params.body}\n\n${marker}`]);
      const [posted] = sim.comments(REPO, 1);
      expect(outcome.record).toEqual({
        repository: REPO,
        issue_number: 1,
        marker,
        comment_id: posted?.id,
        comment_url: `${sim.url}/${REPO}/issues/1#issuecomment-${posted?.id}`,
      });
    });
  });

  it('comments on the issue the step names', async () => {
    await within(commentWorld(), async ({ sim, context }) => {
      await execute(comment, { ...params, issue_number: 2 }, context, new MemoryJournal());
      expect(sim.comments(REPO, 2)).toHaveLength(1);
      expect(sim.comments(REPO, 1)).toEqual([]);
      expect(sim.requests.map((request) => request.route)).not.toContain('GET /repos/{owner}/{repo}/issues');
    });
  });

  it('finds a comment posted by a run that died before journaling it, rather than posting it twice', async () => {
    await within(commentWorld(), async ({ sim, context }) => {
      const journal = new MemoryJournal<CommentRecord>();
      const dying: Journal<CommentRecord> = {
        get prior() {
          return journal.prior;
        },
        // The runner saves the record before posting, then again with the comment's id: that second
        // save is where this run dies.
        save: async (record) => {
          if (record.comment_id !== null) throw new Error('the runner was killed');
          await journal.save(record);
        },
      };
      await expect(execute(comment, params, context, dying)).rejects.toThrow('the runner was killed');
      expect(journal.prior?.comment_id).toBeNull();

      const resumed = await execute(comment, params, context, journal);
      expect(resumed.changed).toBe(false);
      expect(resumed.state).toBe(`${REPO}#1 already has this comment`);
      expect(resumed.record.comment_id).toBe(sim.comments(REPO, 1)[0]?.id);
      expect(sim.comments(REPO, 1)).toHaveLength(1);
    });
  });

  it('refuses to comment when the incident has no open issue and the step names none', async () => {
    await within(
      await githubWorld(
        (sim) => {
          sim.addIssue(REPO, { title: 'closed', labels: [INCIDENT], state: 'closed' });
        },
        () => null,
      ),
      async ({ sim, context }) => {
        await expect(execute(comment, params, context, new MemoryJournal())).rejects.toThrow(
          `github:comment: no open issue in ${REPO} is labelled ${INCIDENT}: ` +
            'open one with github:create_issue first, or name issue_number',
        );
        expect(sim.mutatingRequests()).toEqual([]);
      },
    );
  });

  it('cuts a text too long to carry its marker, visibly, within GitHub’s 65,536 characters', async () => {
    const long = 'x'.repeat(65536);
    const marker = commentMarker(INCIDENT, long);
    const marked = markedComment(long, marker);
    expect([...marked]).toHaveLength(65536);
    expect(marked.endsWith(`…\n\n${marker}`)).toBe(true);
    expect(markedComment('short', marker)).toBe(`short\n\n${marker}`);

    await within(commentWorld(), async ({ sim, context }) => {
      await execute(comment, { body: long }, context, new MemoryJournal());
      expect(sim.comments(REPO, 1)[0]?.body).toBe(marked);
      expect(
        (
          await verify(
            comment,
            { body: long },
            context,
            (
              await dryRun(comment, { body: long }, context)
            ).record,
          )
        ).ok,
      ).toBe(true);
    });
  });
});

describe('mentions in comments', () => {
  it('makes every @user and @org/team inert, keeping the text readable', async () => {
    const { quietMentions, markedComment } = await import('../../src/connectors/github.js');
    expect(quietMentions('ping @octocat and @acme/security, mail ir@example.com')).toBe(
      'ping @\u2060octocat and @\u2060acme/security, mail ir@example.com',
    );
    expect(markedComment('@here look', '<!-- m -->')).toBe('@\u2060here look\n\n<!-- m -->');
  });
});
