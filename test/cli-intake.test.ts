// `irac send`, `irac relay` and `irac doctor` as the compiled bin runs them: wired to the command line, their
// inputs refused in one line, and `send` delivering to the loopback GitHub through its standard variables.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubSim, startGitHubSim } from '../src/sim/github.js';
import { runBin } from './helpers/bin.js';
import { REPO_ROOT } from './helpers/corpus.js';

const EVENTS = join(REPO_ROOT, 'samples/events.ndjson');
const REPOSITORY = 'example-org/security-incidents';

let github: GitHubSim;
beforeEach(async () => {
  github = await startGitHubSim();
  github.addRepository(REPOSITORY);
});
afterEach(async () => {
  await github.close();
});

/** Only what the test gives: none of the machine's GitHub or relay settings. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

describe('irac send', () => {
  it('delivers every sample event to the repository as repository_dispatch', async () => {
    const run = await runBin(
      ['send', EVENTS, '--repo', REPOSITORY],
      REPO_ROOT,
      env({ GITHUB_TOKEN: github.token, GITHUB_API_URL: github.url }),
    );
    expect(run.code, run.stderr).toBe(0);
    const dispatches = github.dispatches(REPOSITORY);
    expect(dispatches.length).toBeGreaterThan(0);
    expect(dispatches.every((dispatch) => dispatch.eventType === 'security-event')).toBe(true);
    const lines = readFileSync(EVENTS, 'utf8').trim().split('\n').length;
    const sent = dispatches.flatMap((dispatch) => {
      const payload = dispatch.clientPayload as { event?: unknown; events?: unknown[] };
      return payload.events ?? [payload.event];
    });
    expect(sent).toHaveLength(lines);
  });

  it('without a token, says so in one line and sends nothing', async () => {
    const run = await runBin(['send', EVENTS, '--repo', REPOSITORY], REPO_ROOT, env());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('irac: GitHub is not configured: set GITHUB_TOKEN\n');
    expect(github.dispatches(REPOSITORY)).toEqual([]);
  });
});

describe('irac relay and irac doctor refuse what they cannot work with', () => {
  it('relay: a port out of range is a usage error; no secret, no relay', async () => {
    const port = await runBin(['relay', '--port', '70000'], REPO_ROOT, env());
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/expected a port, 0 to 65535/);
    const open = await runBin(['relay', '--repo', REPOSITORY], REPO_ROOT, env());
    expect(open.code).toBe(1);
    expect(open.stderr.trim().split('\n')).toHaveLength(1);
    expect(open.stderr).toMatch(/IRAC_RELAY_SECRET .* or IRAC_RELAY_HMAC_KEY/);
  });

  it('doctor: needs to know which repository to check', async () => {
    const run = await runBin(['doctor', '--repo', REPO_ROOT], REPO_ROOT, env());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'irac: --github: name the repository to check as OWNER/NAME (or set GITHUB_REPOSITORY)\n',
    );
  });
});
