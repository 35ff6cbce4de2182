// The Action as a runner starts it: a fresh `node dist/index.js` per event, the inputs as INPUT_*
// variables (action.yml's defaults), the runner's GITHUB_* variables, the event in GITHUB_EVENT_PATH, the
// workspace a clone of a bare origin forked from this template, no cloud credentials (the triage job has
// none). Two figures, each against `node -e 0` measured in the same rounds:
// - start: the bundle loaded, its inputs read, and an input it refuses reported — what every job pays
//   before it does anything (the target, ratio ≤ 2.5);
// - one event handled: recorded, triaged, planned, dry-run, 4 commits pushed, outputs and summary
//   written. Reported with the plain-git floor beside it: four fetch/commit/push rounds alone cost several
//   times `node -e 0`, so no git-native run of one event can come near the start's target.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchResult, median, ms, REPO_ROOT, Scratch, targetText, timed } from './helpers.js';
import {
  dispatchFile,
  FINDING,
  type Finding,
  forkOfTemplate,
  noConnectors,
  plainGit,
  run,
} from './pipeline.js';

const RUNS = 15;
const WARM_UP_RUNS = 2;
const TARGET_RATIO = 2.5;
const DIST = join(REPO_ROOT, 'dist/index.js');

function runnerEnv(clone: string, files: string, event: string, command: string): NodeJS.ProcessEnv {
  const scrubbed = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(AWS_|GITHUB_|SLACK_|JIRA_|IRAC_|INPUT_)/.test(name)),
  );
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  return {
    ...scrubbed,
    ...noConnectors().env,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'repository_dispatch',
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: clone,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'example-org/security-incidents',
    GITHUB_RUN_ID: '4242',
    GITHUB_ACTOR: 'eventbridge-relay',
    INPUT_COMMAND: command,
    INPUT_LIVE: 'false',
    INPUT_CONFIG: 'incident-response-config.yaml',
    INPUT_EVENTS: 'samples/events.ndjson',
    'INPUT_PREAUTHORIZED-ENVIRONMENT': 'ir-preauthorized',
    'INPUT_GITHUB-TOKEN': '',
  };
}

export async function benchAction(): Promise<BenchResult> {
  const scratch = new Scratch();
  try {
    const template = (JSON.parse(readFileSync(FINDING, 'utf8')) as { Findings: Finding[] })
      .Findings[0] as Finding;
    const { clone } = forkOfTemplate(scratch, 'action');
    const files = scratch.dir('action-runner');
    const connectors = noConnectors();
    const startMs: number[] = [];
    const eventMs: number[] = [];
    const nodeMs: number[] = [];
    const gitMs: number[] = [];
    for (let i = 0; i < WARM_UP_RUNS + RUNS; i++) {
      const event = dispatchFile(files, template, connectors);
      const start = await timed(() =>
        run(process.execPath, [DIST], clone, runnerEnv(clone, files, event, 'not-a-command')),
      );
      if (start.value.code !== 1 || !start.value.stdout.includes('::error::input command')) {
        throw new Error(`the action did not refuse the command: ${start.value.stdout}${start.value.stderr}`);
      }
      const handled = await timed(() =>
        run(process.execPath, [DIST], clone, runnerEnv(clone, files, event, 'run')),
      );
      if (handled.value.code !== 0) {
        throw new Error(`the action failed: ${handled.value.stdout}${handled.value.stderr}`);
      }
      if (!readFileSync(join(files, 'output'), 'utf8').includes('plan-hash')) {
        throw new Error('the action set no plan-hash output');
      }
      const bare = await timed(() => run(process.execPath, ['-e', '0'], clone, process.env));
      const floor = await plainGit(clone, 4);
      if (i < WARM_UP_RUNS) continue;
      startMs.push(start.ms);
      eventMs.push(handled.ms);
      nodeMs.push(bare.ms);
      gitMs.push(floor);
    }
    const node = median(nodeMs);
    const ratio = median(startMs) / node;
    const target = { better: 'lower', target: TARGET_RATIO } as const;
    return {
      name: 'action',
      ratio,
      ...target,
      lines: [
        `action: median of ${RUNS} \`node dist/index.js\` processes with the runner's variables, no cloud credentials`,
        `  node -e 0                          ${ms(node)}`,
        `  start (bundle loaded, inputs read) ${ms(median(startMs)).padEnd(11)}ratio ${ratio.toFixed(2)} ${targetText(target)}`,
        `  one event handled, 4 commits pushed ${ms(median(eventMs)).padEnd(10)}ratio ${(median(eventMs) / node).toFixed(2)} (no target)`,
        `  plain git: 4× fetch, commit, push  ${ms(median(gitMs)).padEnd(11)}ratio ${(median(gitMs) / node).toFixed(2)}, the floor of any run that commits`,
      ],
    };
  } finally {
    scratch.dispose();
  }
}
