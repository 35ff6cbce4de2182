// Who is acting, as the audit trail and the commit trailers name them. In a workflow run: the account
// that triggered it and the run's URL. Locally: IRAC_ACTOR, else the git user's email, else the login.

import { userInfo } from 'node:os';
import { displayText } from '../ingest/display.js';
import type { Git } from '../store/git.js';

const MAX_ACTOR = 200;

export async function actorFromEnvironment(git: Git, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  let actor: string | undefined = env.IRAC_ACTOR || undefined;
  if (!actor && env.GITHUB_ACTIONS === 'true' && env.GITHUB_ACTOR) {
    const run =
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? ` (${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID})`
        : '';
    actor = `${env.GITHUB_ACTOR}${run}`;
  }
  actor ??= (await git.config('user.email')) ?? userInfo().username;
  return displayText(actor, MAX_ACTOR) ?? 'unknown';
}
