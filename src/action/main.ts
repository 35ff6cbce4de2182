// The GitHub Action's door (action.yml → dist/index.js): reads the inputs and the runner's variables,
// runs one irac command in the workspace, sets the outputs, writes the job summary, and turns a typed
// error into one failed-step line. Everything it does is what the CLI does; only how it is told and
// how it answers differ. What a command needs is imported when it runs: a runner starts this file cold
// for every event, and parsing the whole bundle up front would cost every command the largest one's start.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import * as core from '@actions/core';
import { InputError, OperationError, UsageError } from '../errors.js';
import { displayText } from '../ingest/display.js';
import type { IncidentOutcome } from '../pipeline.js';

// No `undo`: taking containment back re-opens what it closed, and needs the same gate as containment;
// until it has one, a responder runs `irac undo` where they are accountable for it.
export const COMMANDS = ['run', 'execute', 'escalate', 'ack', 'lint', 'test', 'replay', 'verify'] as const;
type Command = (typeof COMMANDS)[number];

interface Inputs {
  readonly command: Command;
  readonly incidentId: string;
  readonly planHash: string;
  readonly live: boolean;
  readonly repo: string;
  readonly config: string;
  readonly events: string;
  readonly compare: string;
  readonly preauthorizedEnvironment: string;
  /** The signing key's text (the input); written to a private file for the run. */
  readonly signingKey: string;
}

/** The CLI's output, sent to the step's log. */
const logIo = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  readStdin: async () => undefined,
};

function readInputs(env: NodeJS.ProcessEnv): Inputs {
  const command = core.getInput('command', { required: true });
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new InputError(
      'input command',
      `must be one of ${COMMANDS.join(', ')}, not ${JSON.stringify(command)}`,
    );
  }
  // Secrets go to the process's environment, where the connectors read them, and are masked in the log.
  const token = core.getInput('github-token');
  if (token) {
    core.setSecret(token);
    process.env.GITHUB_TOKEN = token;
  }
  const signingKey = core.getInput('signing-key');
  if (signingKey) for (const line of signingKey.split('\n')) if (line.trim()) core.setSecret(line.trim());
  const repo = env.GITHUB_WORKSPACE || process.cwd();
  const config = core.getInput('config');
  return {
    command: command as Command,
    incidentId: core.getInput('incident-id'),
    planHash: core.getInput('plan-hash'),
    live: core.getInput('live') === 'true',
    repo,
    config: config && !isAbsolute(config) ? join(repo, config) : config,
    events: core.getInput('events'),
    compare: core.getInput('compare'),
    preauthorizedEnvironment: core.getInput('preauthorized-environment') || 'ir-preauthorized',
    signingKey,
  };
}

/** The payload of the event that started the workflow: a repository_dispatch, or a manual report. */
async function eventPayload(env: NodeJS.ProcessEnv): Promise<{ bytes: Uint8Array; name: string }> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) throw new InputError('GITHUB_EVENT_PATH', 'is not set: `run` reads the workflow event');
  const bytes = await readFile(path);
  if (env.GITHUB_EVENT_NAME === 'repository_dispatch') return { bytes, name: 'repository_dispatch event' };
  if (env.GITHUB_EVENT_NAME === 'workflow_dispatch') {
    const payload = (JSON.parse(bytes.toString('utf8')) as { inputs?: { payload?: unknown } }).inputs
      ?.payload;
    if (typeof payload !== 'string' || payload.trim() === '') {
      throw new InputError('workflow_dispatch input payload', 'is empty: paste the security event (JSON)');
    }
    return { bytes: Buffer.from(payload), name: 'workflow_dispatch input payload' };
  }
  throw new InputError(
    'GITHUB_EVENT_NAME',
    `\`run\` takes a repository_dispatch or workflow_dispatch event, not ${JSON.stringify(env.GITHUB_EVENT_NAME ?? '')}`,
  );
}

async function summarize(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
}

async function run(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<void> {
  const { runEvents } = await import('../cli/run-command.js');
  const { outcomes, warnings, root } = await runEvents(await eventPayload(env), {
    repo: inputs.repo,
    config: inputs.config,
    live: inputs.live,
    dryRun: !inputs.live,
    anchor: true,
  });
  for (const warning of warnings) core.warning(warning);
  const waiting = outcomes.filter((outcome) => outcome.needs_approval);
  const planned = outcomes.filter((outcome) => outcome.plan_sha256 !== null);
  const first = waiting[0] ?? planned[0] ?? outcomes[0];
  // The triage job has no cloud credentials: every plan is carried out by a containment job, bound to an
  // environment — the plan's own, whose reviewers approve, or the pre-authorized one, which has none.
  const environmentOf = (outcome: IncidentOutcome) =>
    outcome.needs_approval && outcome.environment ? outcome.environment : inputs.preauthorizedEnvironment;
  core.setOutput('incident-id', first?.incident ?? '');
  core.setOutput('severity', first?.severity ?? '');
  core.setOutput('playbook', first?.playbook ?? '');
  core.setOutput('needs-approval', String(waiting.length > 0));
  core.setOutput('environment', first?.plan_sha256 ? environmentOf(first) : '');
  core.setOutput('plan-hash', first?.plan_sha256 ?? '');
  core.setOutput(
    'containment',
    JSON.stringify(
      planned.map((outcome) => ({
        incident: outcome.incident,
        environment: environmentOf(outcome),
        'plan-hash': outcome.plan_sha256,
      })),
    ),
  );
  for (const outcome of outcomes) {
    core.info(
      displayText(
        `${outcome.incident}: ${outcome.severity} ${outcome.outcome}${outcome.playbook ? ` → ${outcome.playbook}` : ''}` +
          (outcome.needs_approval ? `, waits for a reviewer of ${outcome.environment}` : ''),
        1000,
      ) ?? outcome.incident,
    );
  }
  const { runSummary } = await import('./summary.js');
  await summarize(await runSummary(root, outcomes, env));
  const failed = outcomes.find((outcome) => outcome.execution?.failure);
  if (failed?.execution?.failure) throw new OperationError(`${failed.incident}: ${failed.execution.failure}`);
}

async function execute(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<void> {
  if (!inputs.incidentId) throw new InputError('input incident-id', 'is required for execute');
  const { checkIncidentId, planFile } = await import('../store/layout.js');
  checkIncidentId(inputs.incidentId, 'input incident-id');
  if (inputs.live && !inputs.planHash) {
    throw new InputError('input plan-hash', 'is required for a live execute: the plan the triage job showed');
  }
  const { executeIncident } = await import('../cli/execute-command.js');
  const { openStore } = await import('../cli/store-context.js');
  const store = await openStore({ repo: inputs.repo, config: inputs.config });
  let approvedBy: string | undefined;
  if (inputs.live) {
    // The plan as the store reads it from origin: the job's checkout is the commit that started the
    // workflow, from before triage recorded anything. Its environment is the one whose approval counts;
    // the hash binds the rest, and execute refuses a plan that is not the one the hash names.
    const text = await store.repository.apply(
      (tx) => tx.readText(planFile(inputs.incidentId)),
      store.publish,
    );
    if (text.result === undefined) {
      throw new InputError('input incident-id', `${inputs.incidentId} has no plan on ${text.target}`);
    }
    const plan = JSON.parse(text.result) as { environment: string; needs_approval: boolean };
    if (plan.needs_approval) {
      const [{ createClients }, { connectorEnvironment }, { approverOf }] = await Promise.all([
        import('../connectors/clients.js'),
        import('../connectors/environment.js'),
        import('./approvals.js'),
      ]);
      const clients = createClients(connectorEnvironment(store.config.settings, process.env));
      approvedBy = await approverOf(clients, env, plan.environment);
    }
  }
  const { run: report, warnings } = await executeIncident(inputs.incidentId, {
    repo: inputs.repo,
    config: inputs.config,
    live: inputs.live,
    dryRun: !inputs.live,
    ...(inputs.planHash ? { planHash: inputs.planHash } : {}),
    ...(approvedBy ? { approvedBy } : {}),
    anchor: true,
  });
  for (const warning of warnings) core.warning(warning);
  core.setOutput('incident-id', report.incident);
  core.setOutput('plan-hash', report.plan_sha256);
  core.setOutput('needs-approval', String(report.waiting.length > 0));
  core.setOutput('environment', report.waiting.length > 0 ? report.environment : '');
  for (const step of report.steps) {
    core.info(
      displayText(`${step.step} (${step.action}): ${step.result} — ${step.detail}`, 1000) ?? step.step,
    );
  }
  const { executionSummary } = await import('./summary.js');
  await summarize(await executionSummary(inputs.repo, report, approvedBy));
  if (report.failure) throw new OperationError(report.failure);
}

async function lintWithAnnotations(inputs: Inputs): Promise<void> {
  const { lint } = await import('../playbooks/lint.js');
  const report = await lint({
    root: inputs.repo,
    paths: [],
    ...(inputs.config ? { config: inputs.config } : {}),
    now: new Date(),
  });
  for (const problem of report.problems) {
    const annotate = problem.severity === 'error' ? core.error : core.warning;
    annotate(problem.message, { file: problem.file, startLine: problem.line, startColumn: problem.col });
  }
  const errors = report.problems.filter((problem) => problem.severity === 'error').length;
  core.info(`lint: ${report.problems.length} problems in ${report.files.length} files`);
  if (errors > 0) throw new OperationError(`lint: ${errors} errors in ${report.files.length} files`);
}

async function dispatch(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<void> {
  const options = { repo: inputs.repo, ...(inputs.config ? { config: inputs.config } : {}) };
  switch (inputs.command) {
    case 'run':
      return run(inputs, env);
    case 'execute':
      return execute(inputs, env);
    case 'escalate': {
      const { escalateIncidents, explainEscalation } = await import('../cli/escalate-command.js');
      const report = await escalateIncidents(options);
      for (const warning of report.warnings) core.warning(warning);
      core.info(explainEscalation(report));
      return;
    }
    case 'ack': {
      // The comment is read from the event file: who wrote it, on which issue, and whether it is `/ack`.
      const { ackFromComment } = await import('../cli/escalate-command.js');
      const result = await ackFromComment({ ...options, env });
      for (const warning of result.warnings) core.warning(warning);
      core.info(
        `${result.incident}: ${result.outcome === 'acknowledged' ? `acknowledged by ${result.by}` : result.outcome}`,
      );
      return;
    }
    case 'lint':
      return lintWithAnnotations(inputs);
    case 'test': {
      const { testCommand } = await import('../cli/test-command.js');
      return testCommand([], options, logIo);
    }
    case 'replay': {
      const { replayCommand } = await import('../cli/replay-command.js');
      const events = isAbsolute(inputs.events) ? inputs.events : join(inputs.repo, inputs.events);
      return replayCommand(
        events,
        { ...options, ...(inputs.compare ? { compare: inputs.compare } : {}) },
        logIo,
      );
    }
    case 'verify': {
      const { verifyCommand } = await import('../cli/verify-command.js');
      return verifyCommand(options, logIo, false);
    }
  }
}

/** Runs the action; the step fails with one line on a typed error, and with the stack on anything else. */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let keyDir: string | undefined;
  try {
    const inputs = readInputs(env);
    if (inputs.signingKey) {
      // The key goes to a file only this user can read, outside the workspace, for the run's length.
      keyDir = await mkdtemp(join(env.RUNNER_TEMP || tmpdir(), 'irac-signing-'));
      const file = join(keyDir, 'key');
      await writeFile(file, inputs.signingKey.endsWith('\n') ? inputs.signingKey : `${inputs.signingKey}\n`, {
        mode: 0o600,
      });
      process.env.IRAC_SIGNING_KEY = file;
    }
    await dispatch(inputs, env);
  } catch (error) {
    if (error instanceof InputError || error instanceof OperationError || error instanceof UsageError) {
      core.setFailed(displayText(error.message, 2000) ?? error.name);
      return;
    }
    core.setFailed(
      `irac: unexpected error (a bug): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  } finally {
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  }
}
