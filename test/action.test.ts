// The Action as the runner starts it: `node dist/index.js` (the committed ncc bundle), its inputs as
// INPUT_* variables with action.yml's defaults filled in, the runner's GITHUB_* variables, the event in
// GITHUB_EVENT_PATH, outputs and the job summary in files, the workspace a clone of a bare origin, and
// AWS, Slack and GitHub the loopback sims (approvals included). Each scenario is the ir-ingest workflow's
// jobs in order: `triage` (command run, no cloud credentials), then `contain` (command execute, live).

import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { incidentDir } from '../src/store/layout.js';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/corpus.js';
import { commitLog, git, scratchDir, scratchRemote } from './helpers/git.js';
import {
  ENIS,
  INSTANCE,
  REPOSITORY,
  type ResponseWorld,
  startResponseWorld,
} from './support/response-world.js';

const DIST = join(REPO_ROOT, 'dist/index.js');
const TEMPLATE = ['incident-response-config.yaml', 'playbooks', 'assets', 'intel'];
/** GuardDuty's Backdoor C&C finding on INSTANCE, among two findings. */
const FINDINGS = join(FIXTURES_DIR, 'guardduty/get-findings.json');
const RUN_ID = 4242;

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
}

let world: ResponseWorld;
beforeEach(async () => {
  world = await startResponseWorld();
});
afterEach(async () => {
  await world.close();
});

/** A clone of a team's repository (the template, committed and pushed), as actions/checkout leaves it. */
function workspace(): string {
  const { clone } = scratchRemote();
  const dir = clone();
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  git(dir, 'add', '--', ...TEMPLATE);
  git(dir, 'commit', '--quiet', '-m', 'start from the irac template');
  git(dir, 'push', '--quiet', 'origin', 'HEAD');
  return dir;
}

/** A repository_dispatch event file, as the runner writes it. */
function dispatchEvent(clientPayload: unknown): string {
  const file = join(scratchDir('irac-event-'), 'event.json');
  writeFileSync(
    file,
    JSON.stringify({
      action: 'security-event',
      client_payload: clientPayload,
      repository: { full_name: REPOSITORY },
      sender: { login: 'eventbridge-relay' },
    }),
  );
  return file;
}

interface StepRun {
  readonly code: number | null;
  readonly log: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

/** GITHUB_OUTPUT's `name<<delimiter … delimiter` blocks, as @actions/core writes them. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name = '', delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}

/** One step `uses: ./` with these inputs, in the job `job`, the way the runner starts node24 actions. */
async function runStep(
  dir: string,
  inputs: Record<string, string>,
  runner: { event: string; eventName?: string; job: string; env?: NodeJS.ProcessEnv },
): Promise<StepRun> {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYaml;
  const files = scratchDir('irac-runner-');
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {
    ...world.env,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: runner.eventName ?? 'repository_dispatch',
    GITHUB_EVENT_PATH: runner.event,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_RUN_ID: String(RUN_ID),
    GITHUB_JOB: runner.job,
    GITHUB_ACTOR: 'eventbridge-relay',
    ...runner.env,
  };
  // The runner fills every input action.yml declares, its default when the step gives none.
  for (const [name, input] of Object.entries(action.inputs)) {
    const given = inputs[name] ?? input.default ?? '';
    // The one expression a default holds: the job's token, which the runner evaluates.
    const value = /^\$\{\{ github\.token \}\}$/.test(given) ? world.github.token : given;
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const child = spawn(process.execPath, [DIST], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  return {
    code,
    log,
    outputs: parseOutputs(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
  };
}

interface Containment {
  incident: string;
  environment: string;
  'plan-hash': string;
}

const findingEvent = () => {
  const { Findings } = JSON.parse(readFileSync(FINDINGS, 'utf8')) as { Findings: unknown[] };
  return dispatchEvent({ event: Findings[0] });
};

describe('the Action, as the runner starts it', () => {
  it('a critical finding: triage commits the plan and waits; the approved containment job isolates the instance', async () => {
    const dir = workspace();
    const started = git(dir, 'rev-parse', 'HEAD');
    const event = findingEvent();
    const triage = await runStep(dir, { command: 'run' }, { event, job: 'triage' });
    expect(triage.code, triage.log).toBe(0);
    const { outputs } = triage;
    expect(outputs).toMatchObject({
      severity: 'high',
      playbook: 'aws-compromised-ec2-instance',
      'needs-approval': 'true',
      environment: 'ir-containment',
    });
    expect(outputs['plan-hash']).toMatch(/^[0-9a-f]{64}$/);
    const containment = JSON.parse(outputs.containment ?? '[]') as Containment[];
    expect(containment).toEqual([
      { incident: outputs['incident-id'], environment: 'ir-containment', 'plan-hash': outputs['plan-hash'] },
    ]);
    // The summary: the decision factor by factor, the plan and its hash, where to approve, the timeline.
    expect(triage.summary).toContain(
      `## ${outputs['incident-id']} — routed to \`aws-compromised-ec2-instance\``,
    );
    expect(triage.summary).toMatch(/\| asset_criticality \| .* \|/);
    expect(triage.summary).toContain(`plan \`${outputs['plan-hash']}\``);
    expect(triage.summary).toContain(`https://github.com/${REPOSITORY}/actions/runs/${RUN_ID}`);
    expect(triage.summary).toContain('```mermaid\ntimeline');
    // Committed and on origin; nothing changed anywhere by the dry run.
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(git(dir, 'rev-parse', 'origin/HEAD'));
    expect(commitLog(dir).map((c) => c.subject.split(':')[0])).toEqual(
      expect.arrayContaining(['ingest', 'triage', 'plan', 'dry-run']),
    );
    expect(world.mutations().aws).toBe(0);

    // GitHub holds `contain` until a required reviewer of ir-containment approves; then it starts, on a
    // runner of its own whose checkout is the commit that started the workflow, from before triage.
    const containDir = join(scratchDir('irac-contain-'), 'work');
    git(dir, 'clone', '--quiet', git(dir, 'remote', 'get-url', 'origin'), containDir);
    git(containDir, 'reset', '--quiet', '--hard', started);
    world.github.addApproval(REPOSITORY, RUN_ID, {
      environments: ['ir-containment'],
      state: 'approved',
      user: 'alice',
      comment: 'isolate it',
    });
    const contain = await runStep(
      containDir,
      {
        command: 'execute',
        'incident-id': containment[0]?.incident ?? '',
        'plan-hash': containment[0]?.['plan-hash'] ?? '',
        live: 'true',
      },
      { event, job: 'contain' },
    );
    expect(contain.code, contain.log).toBe(0);
    const eni = world.aws.ec2
      .instance(INSTANCE)
      ?.networkInterfaces.find((entry) => entry.networkInterfaceId === ENIS[0]);
    const isolation = world.aws.ec2.findSecurityGroup('vpc-0c2c2c2c2c2c2c2c2', 'irac-isolation')?.groupId;
    expect(eni?.groupIds).toEqual([isolation]);
    expect(world.aws.ec2.instance(INSTANCE)?.iamInstanceProfileArn).toBeNull();
    expect(contain.summary).toContain('Approved by `alice`');
    const id = containment[0]?.incident ?? '';
    const audit = readFileSync(join(containDir, incidentDir(id), 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"approved_by":"alice"');
    expect(readFileSync(join(containDir, incidentDir(id), 'incident.yaml'), 'utf8')).toMatch(/by: alice/);
    expect(git(containDir, 'rev-parse', 'HEAD')).toBe(git(containDir, 'rev-parse', 'origin/HEAD'));
  });

  it('a containment job no reviewer approved changes nothing and says why', async () => {
    const dir = workspace();
    const event = findingEvent();
    const triage = await runStep(dir, { command: 'run' }, { event, job: 'triage' });
    expect(triage.code, triage.log).toBe(0);
    world.github.addWorkflowRun(REPOSITORY, RUN_ID); // the run exists; nobody reviewed it
    const before = world.mutations().aws;
    const contain = await runStep(
      dir,
      {
        command: 'execute',
        'incident-id': triage.outputs['incident-id'] ?? '',
        'plan-hash': triage.outputs['plan-hash'] ?? '',
        live: 'true',
      },
      { event, job: 'contain' },
    );
    expect(contain.code).toBe(1);
    expect(contain.log).toContain('::error::no reviewer of ir-containment approved this run');
    expect(world.mutations().aws).toBe(before);
  });

  it('a staging instance: nothing waits for a reviewer; the pre-authorized environment carries the plan out', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'assets/staging.yaml'),
      [
        'assets:',
        '  - id: orders-staging',
        '    description: the orders service, staging',
        '    owner: team-orders@example.com',
        '    environment: staging',
        '    criticality: 0.3',
        '    match:',
        `      - "*${INSTANCE}"`,
        '      - type: account',
        '        pattern: "123456789012"',
        '',
      ].join('\n'),
    );
    git(dir, 'add', 'assets/staging.yaml');
    git(dir, 'commit', '--quiet', '-m', 'staging assets');
    git(dir, 'push', '--quiet', 'origin', 'HEAD');
    const event = findingEvent();
    const triage = await runStep(dir, { command: 'run' }, { event, job: 'triage' });
    expect(triage.code, triage.log).toBe(0);
    expect(triage.outputs['needs-approval']).toBe('false');
    const [planned] = JSON.parse(triage.outputs.containment ?? '[]') as Containment[];
    expect(planned?.environment).toBe('ir-preauthorized');
    // No approval exists for this run: none is needed.
    const contain = await runStep(
      dir,
      {
        command: 'execute',
        'incident-id': planned?.incident ?? '',
        'plan-hash': planned?.['plan-hash'] ?? '',
        live: 'true',
      },
      { event, job: 'contain' },
    );
    expect(contain.code, contain.log).toBe(0);
    const isolation = world.aws.ec2.findSecurityGroup('vpc-0c2c2c2c2c2c2c2c2', 'irac-isolation')?.groupId;
    const eni = world.aws.ec2
      .instance(INSTANCE)
      ?.networkInterfaces.find((entry) => entry.networkInterfaceId === ENIS[0]);
    expect(eni?.groupIds).toEqual([isolation]);
  });

  it('signs its commits with the signing-key input, masks it, and leaves no key file behind', async () => {
    const dir = workspace();
    const keys = scratchDir('irac-key-');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'irac-ci', '-f', join(keys, 'id')]);
    const key = readFileSync(join(keys, 'id'), 'utf8');
    const runnerTemp = scratchDir('irac-runner-temp-');
    const triage = await runStep(
      dir,
      { command: 'run', 'signing-key': key },
      { event: findingEvent(), job: 'triage', env: { RUNNER_TEMP: runnerTemp } },
    );
    expect(triage.code, triage.log).toBe(0);
    expect(git(dir, 'cat-file', 'commit', 'HEAD')).toContain('-----BEGIN SSH SIGNATURE-----');
    // Every line of the key is masked for the rest of the job, and none of it is printed.
    const body = key.split('\n').filter((line) => line.trim() && !line.startsWith('-----'));
    for (const line of body) {
      expect(triage.log).toContain(`::add-mask::${line}`);
      expect(triage.log.replaceAll(`::add-mask::${line}`, '')).not.toContain(line);
    }
    expect(readdirSync(runnerTemp)).toEqual([]);
  });

  it('the same dispatch again: already recorded, nothing committed, nothing to contain', async () => {
    const dir = workspace();
    const event = findingEvent();
    expect((await runStep(dir, { command: 'run' }, { event, job: 'triage' })).code).toBe(0);
    const head = git(dir, 'rev-parse', 'origin/HEAD');
    const again = await runStep(dir, { command: 'run' }, { event, job: 'triage' });
    expect(again.code, again.log).toBe(0);
    expect(again.outputs.containment).toBe('[]');
    expect(again.outputs['incident-id']).toBe('');
    expect(again.summary).toContain('Nothing new: every event was already recorded.');
    expect(git(dir, 'rev-parse', 'origin/HEAD')).toBe(head);
  });

  it('a hostile payload fails the step in one line, and nothing reaches origin', async () => {
    const dir = workspace();
    const head = git(dir, 'rev-parse', 'origin/HEAD');
    const event = join(scratchDir('irac-event-'), 'event.json');
    // A payload that smuggles a prototype key and a path out of the store, nested past any sane depth.
    let nested: unknown = { id: '../../../.git/config', __proto__: { admin: true } };
    for (let i = 0; i < 200; i++) nested = { a: nested };
    writeFileSync(
      event,
      `{"action":"security-event","client_payload":{"event":${JSON.stringify(nested)},"__proto__":{"polluted":1}}}`,
    );
    const triage = await runStep(dir, { command: 'run' }, { event, job: 'triage' });
    expect(triage.code).toBe(1);
    const errors = triage.log.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/repository_dispatch event/);
    expect(triage.outputs).toEqual({});
    expect(git(dir, 'rev-parse', 'origin/HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('a manual report through workflow_dispatch: the payload input is the event', async () => {
    const dir = workspace();
    const { Findings } = JSON.parse(readFileSync(FINDINGS, 'utf8')) as { Findings: unknown[] };
    const event = join(scratchDir('irac-event-'), 'event.json');
    writeFileSync(
      event,
      JSON.stringify({ inputs: { payload: JSON.stringify(Findings[0]) }, ref: 'refs/heads/main' }),
    );
    const triage = await runStep(
      dir,
      { command: 'run' },
      { event, eventName: 'workflow_dispatch', job: 'triage' },
    );
    expect(triage.code, triage.log).toBe(0);
    expect(triage.outputs.playbook).toBe('aws-compromised-ec2-instance');
  });

  it('lint: each problem an annotation at its file and line, and the step fails on an error', async () => {
    const dir = workspace();
    const file = 'playbooks/aws-compromised-ec2-instance.yaml';
    const text = readFileSync(join(dir, file), 'utf8');
    writeFileSync(
      join(dir, file),
      text.replace('action: aws:ec2.tag_resource', 'action: aws:ec2.tag_everything'),
    );
    const line = text.split('\n').findIndex((l) => l.includes('action: aws:ec2.tag_resource')) + 1;
    const step = await runStep(dir, { command: 'lint' }, { event: findingEvent(), job: 'lint' });
    expect(step.code).toBe(1);
    const annotation = step.log.split('\n').find((l) => l.startsWith('::error file='));
    expect(annotation).toMatch(
      new RegExp(`^::error file=${file},line=${line},col=\\d+::.*aws:ec2\\.tag_everything`),
    );
    expect(step.log).toMatch(/::error::lint: 1 errors in \d+ files/);
  });

  it('test and replay: the pull-request checks pass on the template as shipped', async () => {
    const dir = workspace();
    git(dir, 'commit', '--quiet', '--allow-empty', '-m', 'a pull request');
    const test = await runStep(dir, { command: 'test' }, { event: findingEvent(), job: 'playbooks' });
    expect(test.code, test.log).toBe(0);
    expect(test.log).toMatch(/^ok {3}/m);
    cpSync(join(REPO_ROOT, 'samples'), join(dir, 'samples'), { recursive: true });
    const replay = await runStep(
      dir,
      { command: 'replay', compare: 'HEAD~1' },
      { event: findingEvent(), job: 'playbooks' },
    );
    expect(replay.code, replay.log).toBe(0);
    expect(replay.log).toMatch(/replayed \d+ events/);
  });

  it('refuses a command it does not know, naming the input', async () => {
    const dir = workspace();
    const step = await runStep(dir, { command: 'rm -rf /' }, { event: findingEvent(), job: 'triage' });
    expect(step.code).toBe(1);
    expect(step.log).toContain(
      '::error::input command: must be one of run, execute, escalate, ack, lint, test, replay, verify',
    );
  });
});
