// `irac run` end to end, as the ingest workflow starts it: a fresh `node bin/irac.js run FILE --repo CLONE`
// per dispatch file, in a clone of a bare origin forked from this template (configuration, playbooks,
// asset registry, intel feeds, schemas — as scripts/demo.mjs forks it). Every run carries one GuardDuty
// C&C finding about an instance of its own, so it opens an incident (a new finding id alone would join
// the previous run's incident, and each run would carry more events than the last), triages it, routes
// it to aws-compromised-ec2-instance, commits the plan and dry-runs the steps that need no reviewer (the
// default) — one commit per operation, each pushed. Two settings of the connectors:
// - none: no AWS credentials (no profile files, no instance metadata), no Slack or GitHub token, as in
//   the ingest job, which gets no cloud credentials (only the containment job does, through OIDC): the
//   dry run finds that out without loading an SDK and records each step as not checked. The issue's
//   target, ≤ 500 ms median, is this run's;
// - the loopback sims (src/sim) with the instance in the simulated account: the dry run loads the AWS,
//   Slack and GitHub clients and reads for real. Reported, without a target: loading the EC2 client
//   alone costs about 150 ms here.
// Each is measured twice per round: as the CLI runs on a machine that ran it before (V8's compile cache,
// which bin/irac.js turns on, filled by the warm-up runs), and with the cache off, as on a fresh runner.
// The baseline, measured in the same run and clone, is the git work alone: as many rounds of fetch,
// commit and push with plain git as the run made commits; the ratio is the run over that, and the target
// ratio is 500 ms over it.

import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAwsSim } from '../src/sim/aws/index.js';
import { startGitHubSim } from '../src/sim/github.js';
import { startSlackSim } from '../src/sim/slack.js';
import { type BenchResult, git, median, ms, REPO_ROOT, Scratch, targetText, timed } from './helpers.js';

const RUNS = 15;
const WARM_UP_RUNS = 2;
const TARGET_MS = 500;
const PLAYBOOK = 'aws-compromised-ec2-instance';
/** What a team's fork starts from, as scripts/demo.mjs copies it. */
const TEMPLATE = ['incident-response-config.yaml', 'playbooks', 'assets', 'intel', 'schemas'];
/** GuardDuty's C&C finding on an EC2 instance, in the account and region the AWS sim is given. */
export const FINDING = join(REPO_ROOT, 'test/fixtures/guardduty/get-findings.json');
const ACCOUNT = '123456789012';
const REGION = 'us-east-2';
const VPC = 'vpc-0c2c2c2c2c2c2c2c2';

export interface Finding {
  Id: string;
  Arn: string;
  Type: string;
  Resource: { InstanceDetails: { InstanceId: string } };
}

export interface Connectors {
  readonly label: string;
  /** Whether this setting's figure is held to the target. */
  readonly targeted: boolean;
  /** Variables the bin gets besides the bench's own (scrubbed of AWS_, GITHUB_, SLACK_, JIRA_, IRAC_). */
  readonly env: NodeJS.ProcessEnv;
  /** Puts the run's instance where the dry run will look for it. */
  readonly addInstance: (instanceId: string, serial: number) => void;
  readonly close: () => Promise<void>;
}

/** Nothing to read with: the AWS chain finds no credentials at once, Slack and GitHub have no token. */
export function noConnectors(): Connectors {
  return {
    label: 'no credentials',
    targeted: true,
    env: {
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    addInstance: () => {},
    close: async () => {},
  };
}

/** The simulated AWS account, Slack workspace and GitHub repository, reached through the standard variables. */
async function simulatedConnectors(): Promise<Connectors> {
  const aws = await startAwsSim({ accountId: ACCOUNT, region: REGION });
  aws.iam.createRole(
    'orders-worker',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  );
  aws.iam.createInstanceProfile('orders-worker', 'orders-worker');
  aws.ec2.addVpc(VPC);
  const web = aws.ec2.createSecurityGroup(VPC, 'orders-web');
  const slack = await startSlackSim();
  slack.addChannel('ir-aws');
  const github = await startGitHubSim();
  const repository = 'example-org/security-incidents';
  github.addRepository(repository);
  const hex = (serial: number, width: number) => serial.toString(16).padStart(width, '0');
  return {
    label: 'loopback sims',
    targeted: false,
    env: {
      AWS_ENDPOINT_URL: aws.endpoint,
      AWS_ACCESS_KEY_ID: aws.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.credentials.secretAccessKey,
      AWS_REGION: REGION,
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: `${slack.url}/api/`,
      GITHUB_TOKEN: github.token,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: repository,
    },
    addInstance: (instanceId, serial) => {
      aws.ec2.addInstance({
        instanceId,
        vpcId: VPC,
        subnetId: 'subnet-0c2c2c2c2c2c2c2c1',
        networkInterfaces: [{ networkInterfaceId: `eni-${hex(serial, 17)}`, groupIds: [web] }],
        volumes: [{ volumeId: `vol-${hex(serial, 17)}`, deviceName: '/dev/xvda', deleteOnTermination: true }],
        iamInstanceProfileArn: `arn:aws:iam::${ACCOUNT}:instance-profile/orders-worker`,
        metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 },
        instanceInitiatedShutdownBehavior: 'terminate',
        tags: { Name: `orders-worker-${serial}`, team: 'orders' },
      });
      aws.autoscaling.createGroup({
        name: `orders-workers-${serial}`,
        minSize: 1,
        maxSize: 4,
        desiredCapacity: 1,
        instanceIds: [instanceId],
      });
    },
    close: async () => {
      await Promise.all([aws.close(), slack.close(), github.close()]);
    },
  };
}

/** A clone of a bare origin holding a fork of the template, as a workflow checks it out. */
export function forkOfTemplate(scratch: Scratch, label: string): { clone: string; origin: string } {
  const dir = scratch.dir(label);
  const seed = join(dir, 'seed');
  git(dir, 'init', '--quiet', '--initial-branch=main', 'seed');
  writeFileSync(join(seed, 'README.md'), '# security team incident response\n');
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(seed, path), { recursive: true });
  git(seed, 'add', '.');
  git(seed, 'commit', '--quiet', '-m', 'fork of the irac template');
  const origin = join(dir, 'origin.git');
  const clone = join(dir, 'clone');
  git(dir, 'clone', '--quiet', '--bare', 'seed', origin);
  git(dir, 'clone', '--quiet', origin, clone);
  return { clone, origin };
}

let serial = 0;

/** The runner's event file for a repository_dispatch carrying a finding about an instance of its own. */
export function dispatchFile(dir: string, template: Finding, connectors: Connectors): string {
  serial++;
  const id = `${serial.toString(16).padStart(8, '0')}${template.Id.slice(8)}`;
  const instanceId = `i-${serial.toString(16).padStart(17, '0')}`;
  connectors.addInstance(instanceId, serial);
  const finding: Finding = {
    ...template,
    Id: id,
    Arn: `${template.Arn.slice(0, template.Arn.lastIndexOf('/') + 1)}${id}`,
    Resource: {
      ...template.Resource,
      InstanceDetails: { ...template.Resource.InstanceDetails, InstanceId: instanceId },
    },
  };
  const file = join(dir, `dispatch-${serial}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      action: 'security-event',
      client_payload: { event: finding },
      repository: { full_name: 'example-org/security-incidents' },
      sender: { login: 'eventbridge-relay' },
    }),
  );
  return file;
}

interface Spawned {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Outcome {
  incident: string;
  outcome: string;
  playbook: string | null;
  plan_sha256: string | null;
  execution: { live: boolean; steps: { step: string; result: string }[] } | null;
}

/** One `irac run`, checked: the incident routed, its plan committed, the dry run recorded, all on origin. */
async function iracRun(clone: string, origin: string, file: string, env: NodeJS.ProcessEnv) {
  const before = Number(git(origin, 'rev-list', '--count', 'main'));
  const { ms: took, value: result } = await timed(() =>
    run(
      process.execPath,
      [join(REPO_ROOT, 'bin/irac.js'), 'run', file, '--repo', clone, '--json'],
      clone,
      env,
    ),
  );
  if (result.code !== 0) throw new Error(`irac run exited ${result.code}: ${result.stderr.trim()}`);
  const outcomes = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Outcome);
  const routed = outcomes.length === 1 ? outcomes[0] : undefined;
  if (routed?.playbook !== PLAYBOOK || !routed.plan_sha256 || routed.execution?.live !== false) {
    throw new Error(`irac run did not route, plan and dry-run one incident: ${result.stdout.trim()}`);
  }
  const commits = Number(git(origin, 'rev-list', '--count', 'main')) - before;
  return { ms: took, commits, steps: routed.execution.steps };
}

/** The git work of `commits` operations with plain git in the same clone: fetch, commit, push each. */
export async function plainGit(clone: string, commits: number): Promise<number> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'irac bench',
    GIT_AUTHOR_EMAIL: 'bench@irac.invalid',
    GIT_COMMITTER_NAME: 'irac bench',
    GIT_COMMITTER_EMAIL: 'bench@irac.invalid',
  };
  const plain = async (...args: string[]) => {
    const result = await run('git', args, clone, env);
    if (result.code !== 0) throw new Error(`git ${args[0]} exited ${result.code}: ${result.stderr.trim()}`);
  };
  const { ms: took } = await timed(async () => {
    for (let i = 0; i < commits; i++) {
      await plain('fetch', '--quiet', 'origin');
      writeFileSync(join(clone, 'baseline.txt'), `${serial} ${i}\n`); // outside incidents/: verify ignores it
      await plain('add', 'baseline.txt');
      await plain('commit', '--quiet', '-m', 'baseline');
      await plain('push', '--quiet', 'origin', 'HEAD:main');
    }
  });
  return took;
}

function tally(steps: readonly { result: string }[]): string {
  const counts = new Map<string, number>();
  for (const step of steps) counts.set(step.result, (counts.get(step.result) ?? 0) + 1);
  return [...counts].map(([result, count]) => `${count} ${result}`).join(', ');
}

async function benchRun(scratch: Scratch, connectors: Connectors): Promise<BenchResult> {
  const template = (JSON.parse(readFileSync(FINDING, 'utf8')) as { Findings: Finding[] })
    .Findings[0] as Finding;
  const { clone, origin } = forkOfTemplate(scratch, 'run');
  const files = scratch.dir('run-dispatches');
  const scrubbed = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(AWS_|GITHUB_|SLACK_|JIRA_|IRAC_)/.test(name)),
  );
  const env = { ...scrubbed, ...connectors.env, IRAC_ACTOR: 'bench' };
  const runMs: number[] = [];
  const coldMs: number[] = [];
  const gitMs: number[] = [];
  const nodeMs: number[] = [];
  const cold = { ...env, NODE_DISABLE_COMPILE_CACHE: '1' };
  let last: Awaited<ReturnType<typeof iracRun>> | undefined;
  for (let i = 0; i < WARM_UP_RUNS + RUNS; i++) {
    last = await iracRun(clone, origin, dispatchFile(files, template, connectors), env);
    const fresh = await iracRun(clone, origin, dispatchFile(files, template, connectors), cold);
    const baseline = await plainGit(clone, last.commits);
    const started = await timed(() => run(process.execPath, ['-e', '0'], clone, env));
    if (i < WARM_UP_RUNS) continue; // the first runs fill the page cache, git's own, and V8's
    runMs.push(last.ms);
    coldMs.push(fresh.ms);
    gitMs.push(baseline);
    nodeMs.push(started.ms);
  }
  const verify = await run(
    process.execPath,
    [join(REPO_ROOT, 'bin/irac.js'), 'verify', '--repo', clone],
    clone,
    env,
  );
  if (verify.code !== 0) throw new Error(`verify after the runs: ${verify.stdout}${verify.stderr}`);
  const runMedian = median(runMs);
  const coldMedian = median(coldMs);
  const gitMedian = median(gitMs);
  const ratio = runMedian / gitMedian;
  const target = {
    better: 'lower',
    target: connectors.targeted ? Number((TARGET_MS / gitMedian).toFixed(2)) : null,
  } as const;
  const name = `run (${connectors.label})`;
  const against = connectors.targeted ? `, that is ${TARGET_MS} ms` : '';
  return {
    name,
    ratio,
    ...target,
    lines: [
      `${name}: median of ${RUNS} \`irac run\` processes, one GuardDuty finding each, dispatch file → ${last?.commits} commits pushed to a bare origin`,
      `  dry run of the steps needing no reviewer: ${tally(last?.steps ?? [])}`,
      `  node -e 0               ${ms(median(nodeMs))}`,
      `  plain git: ${last?.commits}× fetch, commit, push  ${ms(gitMedian)}`,
      `  irac run                ${ms(runMedian).padEnd(11)}ratio ${ratio.toFixed(2)} ${targetText(target)}${against}`,
      `  irac run, compile cache off (a fresh runner)  ${ms(coldMedian).padEnd(11)}ratio ${(coldMedian / gitMedian).toFixed(2)}`,
    ],
  };
}

/** `irac run` without credentials, then with the loopback sims; temp dirs removed at the end. */
export async function* benchPipeline(): AsyncGenerator<BenchResult> {
  const scratch = new Scratch();
  try {
    yield await benchRun(scratch, noConnectors());
    const sims = await simulatedConnectors();
    try {
      yield await benchRun(scratch, sims);
    } finally {
      await sims.close();
    }
  } finally {
    scratch.dispose();
  }
}
