// The `irac` command line: parses arguments (commander), dispatches to one command, and turns the
// typed errors into exit codes — 0 success, 1 rejected input, 2 usage — with one line on stderr.
// A command's module is imported when that command runs: `irac run`, started once per dispatched
// event, does not load the simulator, the linter or replay.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError, OperationError, UsageError } from '../errors.js';
import { displayText } from '../ingest/display.js';
import { SOURCE_NAMES } from '../ingest/registry.js';
import { GitError } from '../store/git.js';
import type { Vendor } from '../types.js';
import type { ExecuteCommandOptions } from './execute-command.js';
import type { ExportCommandOptions } from './export-command.js';
import { type CliIo, processIo } from './io.js';
import type { MetricsCommandOptions } from './metrics-command.js';
import type { RelayCommandOptions } from './relay-command.js';
import type { RunCommandOptions } from './run-command.js';
import type { SendCommandOptions } from './send-command.js';
import type { SimulateOptions } from './simulate-command.js';
import { TIMELINE_FORMATS, type TimelineFormat, timelineCommand } from './timeline-command.js';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) {
    throw new InvalidArgumentError('expected a positive whole number');
  }
  return n;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('expected a port, 0 to 65535');
  return n;
}

function buildProgram(io: CliIo): Command {
  const program = new Command('irac')
    .description(
      'Incident response as code: security events in, incidents in git, containment behind approvals.',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError();

  program
    .command('normalize')
    .description('print the SecurityEvents a payload becomes (nothing is stored)')
    .argument(
      '[file]',
      'payload file: JSON, NDJSON, array, CloudTrail Records[], or repository_dispatch; - or none for stdin',
    )
    .addOption(
      new Option('--source <name>', 'use this normalizer instead of detecting one').choices(SOURCE_NAMES),
    )
    .option('--max-bytes <n>', 'largest payload accepted, per document or NDJSON line', positiveInteger)
    .option('--json', 'one SecurityEvent JSON per line')
    .addOption(
      new Option('--format <format>', 'one OCSF Detection Finding (class 2004) JSON per line').choices([
        'ocsf',
      ]),
    )
    .action(
      async (
        file: string | undefined,
        options: { source?: Vendor; maxBytes?: number; json?: boolean; format?: 'ocsf' },
      ) => {
        const { normalizeCommand } = await import('./normalize-command.js');
        await normalizeCommand(file, options, io);
      },
    );

  program
    .command('ingest')
    .description('record payloads as incidents in the repository: correlate, commit, push')
    .argument('[file]', 'payload file (as for normalize); - or none for stdin')
    .addOption(
      new Option('--source <name>', 'use this normalizer instead of detecting one').choices(SOURCE_NAMES),
    )
    .option('--max-bytes <n>', 'largest payload accepted, per document or NDJSON line', positiveInteger)
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option('--json', 'one JSON line per event: event, incident, outcome, commit')
    .action(
      async (
        file: string | undefined,
        options: { source?: Vendor; maxBytes?: number; repo?: string; config?: string; json?: boolean },
      ) => {
        const { ingestCommand } = await import('./ingest-command.js');
        await ingestCommand(file, options, io);
      },
    );

  program
    .command('verify')
    .description('check the audit chains, evidence hashes, commits and signatures of every incident')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option('--allowed-signers <file>', "trust this allowed-signers file instead of the repository's copy")
    .option(
      '--anchors',
      'fetch the audit heads anchored in Slack threads and tickets and check each is still in the history',
    )
    .option('--json', 'the report as one JSON object')
    .action(async (options: import('./verify-command.js').VerifyCommandOptions) => {
      const { verifyCommand } = await import('./verify-command.js');
      await verifyCommand(options, io);
    });

  program
    .command('anchor')
    .description(
      "post incidents' audit heads in their Slack threads and on their tickets, out of reach of a force push",
    )
    .argument('[ids...]', 'incident ids (default: every incident with a Slack thread or a ticket)')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option('--json', 'the anchored incidents as one JSON array')
    .action(async (ids: string[], options: { repo?: string; config?: string; json?: boolean }) => {
      const { anchorCommand } = await import('./anchor-command.js');
      await anchorCommand(ids, options, io);
    });

  program
    .command('timeline')
    .description("an incident's story from its audit trail and git history")
    .argument('<id>', 'incident id (IR-yyyymmdd-xxxxxxxx)')
    .addOption(new Option('--format <format>', 'output format').choices(TIMELINE_FORMATS).default('md'))
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .action(async (id: string, options: { repo?: string; format?: TimelineFormat }) => {
      await timelineCommand(id, options, io);
    });

  program
    .command('triage')
    .description('enrich, score and route an incident; commit the decision and say why')
    .argument('<id>', 'incident id (IR-yyyymmdd-xxxxxxxx)')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option('--json', 'the decision (triage.json) and its commit as one JSON object')
    .action(async (id: string, options: { repo?: string; config?: string; json?: boolean }) => {
      const { triageCommand } = await import('./triage-command.js');
      await triageCommand(id, options, io);
    });

  program
    .command('replay')
    .description('backtest triage over raw events (NDJSON): routes, counts, events/s; writes nothing')
    .argument('<file>', 'events, one payload per line (or any input normalize reads); - for stdin')
    .option('--repo <dir>', 'the repository whose playbooks and configuration decide', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option(
      '--compare <ref>',
      'also decide with the configuration and playbooks at this git ref; list the changes',
    )
    .option(
      '--remote-enrichment',
      'also ask network sources (HTTP registries, AbuseIPDB); local only by default',
    )
    .option('--json', 'the report as one JSON object')
    .action(
      async (
        file: string,
        options: {
          repo?: string;
          config?: string;
          compare?: string;
          remoteEnrichment?: boolean;
          json?: boolean;
        },
      ) => {
        const { replayCommand } = await import('./replay-command.js');
        await replayCommand(file, options, io);
      },
    );

  program
    .command('plan')
    .description(
      'resolve the routed playbook for an incident into the plan a reviewer approves; commit plan.json',
    )
    .argument('<id>', 'incident id (IR-yyyymmdd-xxxxxxxx)')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option('--json', 'the plan, its hash and its commit as one JSON object')
    .action(async (id: string, options: { repo?: string; config?: string; json?: boolean }) => {
      const { planCommand } = await import('./plan-command.js');
      await planCommand(id, options, io);
    });

  program
    .command('run')
    .description(
      'ingest, triage, plan and carry out the steps that need no reviewer: what the ingest workflow calls',
    )
    .argument('[file]', 'payloads (JSON, NDJSON, a batch or envelope); - or nothing for stdin')
    .addOption(
      new Option('--source <name>', 'use this normalizer instead of detecting one').choices(SOURCE_NAMES),
    )
    .option('--max-bytes <n>', 'largest payload accepted, per document or NDJSON line', positiveInteger)
    .option('--live', 'make the changes of the steps that need no reviewer (otherwise a dry run)')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option('--json', 'one JSON object per incident')
    .action(async (file: string | undefined, options: RunCommandOptions) => {
      const { runCommand } = await import('./run-command.js');
      await runCommand(file, options, io);
    });

  program
    .command('execute')
    .description(
      "carry out the incident's committed plan: a dry run unless --live; steps needing a reviewer need the approval",
    )
    .argument('<id>', 'incident id (IR-yyyymmdd-xxxxxxxx)')
    .option('--live', 'make the changes (otherwise only read and say what would change)')
    .option('--dry-run', 'read and say what would change, whatever the configuration says')
    .option('--approved-by <user>', 'who approved the steps that need a reviewer')
    .option('--plan-hash <sha256>', 'the hash of the plan that was approved')
    .option('--only <steps...>', 'only these steps')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option('--json', 'the run as one JSON object')
    .action(async (id: string, options: ExecuteCommandOptions) => {
      const { executeCommand } = await import('./execute-command.js');
      await executeCommand(id, options, io);
    });

  program
    .command('undo')
    .description("take back what the plan's steps changed, newest first, each recorded")
    .argument('<id>', 'incident id (IR-yyyymmdd-xxxxxxxx)')
    .option('--step <steps...>', 'only these steps')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option('--json', 'the run as one JSON object')
    .action(
      async (id: string, options: { repo?: string; config?: string; step?: string[]; json?: boolean }) => {
        const { undoCommand } = await import('./execute-command.js');
        await undoCommand(id, options, io);
      },
    );

  program
    .command('resolve')
    .description('close the incident, saying why')
    .argument('<id>', 'incident id (IR-yyyymmdd-xxxxxxxx)')
    .requiredOption('--note <text>', 'why it is resolved')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .action(async (id: string, options: { repo?: string; config?: string; note: string }) => {
      const { resolveCommand } = await import('./execute-command.js');
      await resolveCommand(id, options, io);
    });

  program
    .command('export')
    .description('a playbook in an exchange format: an OASIS CACAO 2.0 playbook (JSON) on stdout')
    .argument('<playbook>', 'the playbook id')
    .addOption(
      new Option('--format <format>', 'the exchange format').choices(['cacao']).makeOptionMandatory(),
    )
    .option('--ref <ref>', 'the commit to read the playbook at (its first and last commit date it)', 'HEAD')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .action(async (playbook: string, options: ExportCommandOptions) => {
      const { exportCommand } = await import('./export-command.js');
      await exportCommand(playbook, options, io);
    });

  program
    .command('iam-policy')
    .description('the least-privilege IAM policy for the AWS actions the playbooks use')
    .option('--playbook <id>', 'only the actions of this playbook')
    .option('--repo <dir>', 'the repository whose playbooks are read', process.cwd())
    .option('--config <file>', 'configuration file (default: incident-response-config.yaml in --repo)')
    .action(async (options: { repo?: string; config?: string; playbook?: string }) => {
      const { iamPolicyCommand } = await import('./iam-policy-command.js');
      await iamPolicyCommand(options, io);
    });

  program
    .command('simulate')
    .description(
      'scenarios through the whole pipeline in a scratch fork, against a simulated AWS, Slack and GitHub on loopback',
    )
    .option('--keep', 'keep the scratch fork (its path is printed) instead of deleting it')
    .option('--json', 'the outcome of every scenario and check as one JSON object')
    .action(async (options: SimulateOptions) => {
      const { simulateCommand } = await import('./simulate-command.js');
      await simulateCommand(options, io);
    });

  program
    .command('test')
    .description('run the playbook test cases of playbooks/tests/: event in, expected route and plan out')
    .argument('[names...]', 'case files (name or path) or case names to run (default: all)')
    .option('--repo <dir>', 'the repository whose cases, playbooks and configuration are used', process.cwd())
    .option('--config <file>', 'configuration file (default: incident-response-config.yaml in --repo)')
    .option('--json', 'one JSON object per case')
    .action(async (names: string[], options: { repo?: string; config?: string; json?: boolean }) => {
      const { testCommand } = await import('./test-command.js');
      await testCommand(names, options, io);
    });

  program
    .command('report')
    .description('blameless post-incident report in Markdown; --pr proposes it as a pull request')
    .argument('<id>', 'incident id (IR-yyyymmdd-xxxxxxxx)')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option(
      '--pr',
      'open it as a pull request (postmortems/<id>.md) and file remediation issues, through GITHUB_REPOSITORY and GITHUB_TOKEN',
    )
    .option('--json', "the report's parts, its Markdown and what --pr did, as one JSON object")
    .action(async (id: string, options: { repo?: string; config?: string; pr?: boolean; json?: boolean }) => {
      const { reportCommand } = await import('./report-command.js');
      await reportCommand(id, options, io);
    });

  program
    .command('drill')
    .description(
      'run the drills of drills/ in a scratch fork against a simulated AWS, Slack and GitHub, and score them',
    )
    .argument('[names...]', 'drills to run, by name or file (default: all)')
    .option(
      '--repo <dir>',
      'the repository whose drills, playbooks and configuration are used',
      process.cwd(),
    )
    .option('--keep', 'keep the scratch forks (their path is printed) instead of deleting them')
    .option('--json', 'every drill with its stages, what was observed and each check, as one JSON object')
    .action(async (names: string[], options: { repo?: string; keep?: boolean; json?: boolean }) => {
      const { drillCommand } = await import('./drill-command.js');
      await drillCommand(names, options, io);
    });

  program
    .command('escalate')
    .description('page the next role of every incident whose escalation level timed out; each level once')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option('--json', 'the report as one JSON object')
    .action(async (options: { repo?: string; config?: string; json?: boolean }) => {
      const { escalateCommand } = await import('./escalate-command.js');
      await escalateCommand(options, io);
    });

  program
    .command('ack')
    .description('acknowledge an incident: record who took it, and stop its escalation')
    .argument('<id>', 'incident id (IR-yyyymmdd-xxxxxxxx)')
    .requiredOption('--by <user>', 'who acknowledges')
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option(
      '--config <file>',
      'configuration file (default: incident-response-config.yaml in the repository)',
    )
    .option('--json', 'the outcome as one JSON object')
    .action(async (id: string, options: { by: string; repo?: string; config?: string; json?: boolean }) => {
      const { ackCommand } = await import('./escalate-command.js');
      await ackCommand(id, options, io);
    });

  program
    .command('metrics')
    .description(
      'MTTD, MTTA, MTTC and MTTR per severity and playbook, and SLA breaches, from the store at HEAD',
    )
    .option('--since <date>', 'only incidents ingested from then on (2026-03-01 or 2026-03-01T08:00:00Z)')
    .option(
      '--write',
      'regenerate incidents/README.md in one commit of its own (otherwise nothing is written)',
    )
    .option('--repo <dir>', 'the repository (any directory inside it)', process.cwd())
    .option('--json', 'the metrics as one JSON object')
    .action(async (options: MetricsCommandOptions) => {
      const { metricsCommand } = await import('./metrics-command.js');
      await metricsCommand(options, io);
    });

  program
    .command('send')
    .description("post events to a repository as repository_dispatch, split to GitHub's limits")
    .argument('<file>', 'payloads (anything normalize reads, a dispatch included); - for stdin')
    .option(
      '--repo <owner/name>',
      'the repository whose ingest workflow receives them (default: GITHUB_REPOSITORY)',
    )
    .addOption(
      new Option('--source <name>', 'use this normalizer (sent as client_payload.source)').choices(
        SOURCE_NAMES,
      ),
    )
    .option('--max-bytes <n>', 'largest payload accepted, per document or NDJSON line', positiveInteger)
    .option('--dry-run', 'print what would be sent; send nothing')
    .option('--json', 'one JSON object per dispatch (with its body under --dry-run)')
    .action(async (file: string, options: SendCommandOptions) => {
      const { sendCommand } = await import('./send-command.js');
      await sendCommand(file, options, io);
    });

  program
    .command('relay')
    .description(
      'webhook receiver that batches events into repository_dispatch (secrets and GITHUB_TOKEN from the environment)',
    )
    .option('--port <n>', 'port to listen on (default 8080)', portNumber)
    .option('--host <address>', 'address to listen on (default 127.0.0.1)')
    .option('--repo <owner/name>', 'the repository to dispatch to (default: GITHUB_REPOSITORY)')
    .option(
      '--window-ms <ms>',
      'how long the first event of a batch waits for more (default 2000)',
      positiveInteger,
    )
    .option('--max-body-bytes <n>', 'largest request body accepted (default 1 MiB)', positiveInteger)
    .option('--max-queued-events <n>', 'events held before answering 503 (default 20000)', positiveInteger)
    .action(async (options: RelayCommandOptions) => {
      const { relayCommand } = await import('./relay-command.js');
      await relayCommand(options, io);
    });

  program
    .command('doctor')
    .description(
      "check the live repository's environments, branch protection, OIDC role, allowed signers and workflows",
    )
    .option(
      '--repo <dir>',
      'the repository whose configuration and playbooks name the environments',
      process.cwd(),
    )
    .option('--config <file>', 'configuration file (default: incident-response-config.yaml in --repo)')
    .option('--github <owner/name>', 'the repository on GitHub (default: GITHUB_REPOSITORY)')
    .option('--role-arn <arn>', 'the IAM role the containment job assumes (default: IRAC_AWS_ROLE_ARN)')
    .option(
      '--preauthorized-environment <name>',
      "the action's preauthorized-environment (default: ir-preauthorized)",
    )
    .option('--json', 'the checks as one JSON object')
    .action(async (options: import('./doctor-command.js').DoctorCommandOptions) => {
      const { doctorCommand } = await import('./doctor-command.js');
      await doctorCommand(options, io);
    });

  program
    .command('lint')
    .description('check the configuration and the playbooks: every problem, at its line')
    .argument('[paths...]', 'files or directories (default: the configuration and playbooks/*.yaml)')
    .option('--repo <dir>', 'the directory the default paths are in', process.cwd())
    .option('--config <file>', 'configuration file (default: incident-response-config.yaml in --repo)')
    .option('--json', 'the problems as one JSON array')
    .action(async (paths: string[], options: { repo?: string; config?: string; json?: boolean }) => {
      const { lintCommand } = await import('./lint-command.js');
      await lintCommand(paths, options, io);
    });

  return program;
}

function errorLine(message: string): string {
  return `irac: ${displayText(message, 2000) ?? 'error'}\n`;
}

export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed the usage problem; help and --version are successes.
      return error.exitCode === 0 ? 0 : 2;
    }
    // A git command irac ran failed (a full disk, a key with a passphrase, permissions): the message
    // names the command and git's own last line, which is what the user can act on.
    if (error instanceof InputError || error instanceof OperationError || error instanceof GitError) {
      io.stderr(errorLine(error.message));
      return 1;
    }
    if (error instanceof UsageError) {
      io.stderr(errorLine(error.message));
      return 2;
    }
    io.stderr(
      errorLine(
        `internal error (a bug in irac, please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
    );
    return 70;
  }
}
