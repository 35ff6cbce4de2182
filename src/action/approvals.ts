// Who approved the containment job: GitHub's review history of this workflow run, as the approvals API
// gives it. The job only starts once a required reviewer of its environment approved; the approver the
// trail records is the one GitHub recorded for that environment, not a name anyone typed.

import { reasonOf } from '../connectors/action.js';
import type { Clients } from '../connectors/clients.js';
import { OperationError } from '../errors.js';

export async function approverOf(
  clients: Clients,
  env: NodeJS.ProcessEnv,
  environment: string,
): Promise<string> {
  const runId = env.GITHUB_RUN_ID;
  if (!runId || !/^[0-9]+$/.test(runId)) {
    throw new OperationError('GITHUB_RUN_ID is not set: the approver is read from the run, which needs one');
  }
  // The run's own repository, whatever repository the playbooks file their tickets in.
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new OperationError('GITHUB_REPOSITORY is not set: the run cannot be found');
  const octokit = await clients.github();
  const { data } = await octokit
    .request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
      owner,
      repo,
      run_id: Number(runId),
    })
    .catch((error: unknown) => {
      // Without the review history there is no approver to record: nothing runs.
      throw new OperationError(
        `could not read who approved run ${runId} of ${owner}/${repo} (${reasonOf(error)}): the job needs \`actions: read\``,
      );
    });
  const approvals = data.filter(
    (review) => review.state === 'approved' && review.environments.some((env) => env.name === environment),
  );
  const approver = approvals.at(-1)?.user.login;
  if (!approver) {
    throw new OperationError(
      `no reviewer of ${environment} approved this run: bind the job to \`environment: ${environment}\` and give it required reviewers`,
    );
  }
  return approver;
}
