// `irac doctor [--repo DIR] [--config FILE] [--github OWNER/NAME] [--role-arn ARN] [--json]`: checks the
// live repository's settings the approval gate and the audit trail depend on (src/doctor/checks.ts), one
// line per check, `ok` or `FIX` with what to change and where; exit 1 when any needs a fix.
// The environments checked are those the local playbooks and configuration name; the token is
// GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise Server); the role is read with the AWS SDK's own
// credential chain.

import { loadConfig } from '../config/config.js';
import { createClients } from '../connectors/clients.js';
import { connectorEnvironment } from '../connectors/environment.js';
import { type CheckResult, parseRoleArn, runDoctor } from '../doctor/checks.js';
import { InputError, OperationError } from '../errors.js';
import { planningPlaybooks } from '../pipeline.js';
import type { CliIo } from './io.js';

export interface DoctorCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  /** OWNER/NAME; GITHUB_REPOSITORY when absent. */
  readonly github?: string | undefined;
  /** The role the containment job assumes; IRAC_AWS_ROLE_ARN when absent. */
  readonly roleArn?: string | undefined;
  /** The action's `preauthorized-environment`; ir-preauthorized when absent. */
  readonly preauthorizedEnvironment?: string | undefined;
  readonly json?: boolean;
}

const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;

// IAM is global; its API is signed for us-east-1 in the commercial partition.
const IAM_REGION = 'us-east-1';

function repositoryOf(options: DoctorCommandOptions, env: NodeJS.ProcessEnv): string {
  const given = options.github ?? (env.GITHUB_REPOSITORY || undefined);
  if (given === undefined) {
    throw new InputError('--github', 'name the repository to check as OWNER/NAME (or set GITHUB_REPOSITORY)');
  }
  if (!REPOSITORY.test(given)) {
    throw new InputError(
      options.github ? '--github' : 'GITHUB_REPOSITORY',
      `"${given.slice(0, 140)}" is not OWNER/NAME`,
    );
  }
  return given;
}

function roleArnOf(options: DoctorCommandOptions, env: NodeJS.ProcessEnv) {
  const arn = options.roleArn ?? (env.IRAC_AWS_ROLE_ARN || undefined);
  if (arn === undefined) return undefined;
  const parsed = parseRoleArn(arn);
  if (!parsed) {
    throw new InputError(
      options.roleArn ? '--role-arn' : 'IRAC_AWS_ROLE_ARN',
      `"${arn.slice(0, 200)}" is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)`,
    );
  }
  return { arn, account: parsed.account };
}

function line(result: CheckResult): string {
  return result.ok
    ? `ok   ${result.name}: ${result.detail}\n`
    : `FIX  ${result.name}: ${result.detail} — fix: ${result.fix}\n`;
}

export async function doctorCommand(options: DoctorCommandOptions, io: CliIo): Promise<void> {
  const env = process.env;
  const root = options.repo ?? process.cwd();
  const repository = repositoryOf(options, env);
  const role = roleArnOf(options, env);
  const config = await loadConfig({ repoRoot: root, ...(options.config ? { file: options.config } : {}) });
  const playbooks = await planningPlaybooks(root, config);
  const environments = [
    ...new Set([
      ...config.settings.orchestrator.approval_environments,
      ...playbooks.map((playbook) => playbook.tier.environment),
    ]),
  ];
  const clients = createClients(connectorEnvironment(config.settings, env));
  const results = await runDoctor({
    github: await clients.github(),
    repository,
    environments,
    preauthorized: options.preauthorizedEnvironment ?? 'ir-preauthorized',
    signing: config.signing,
    usesAws: playbooks.some((playbook) => playbook.steps.some((step) => step.action.runs.startsWith('aws:'))),
    role: role && {
      arn: role.arn,
      iam: async () => {
        const { IAMClient } = await import('@aws-sdk/client-iam');
        return clients.aws(IAMClient, { region: IAM_REGION, account: role.account });
      },
    },
  });
  const failed = results.filter((result) => !result.ok).length;
  if (options.json) {
    io.stdout(`${JSON.stringify({ ok: failed === 0, repository, checks: results })}\n`);
  } else {
    for (const result of results) io.stdout(line(result));
  }
  if (failed > 0) {
    throw new OperationError(`doctor: ${failed} of ${results.length} checks of ${repository} need a fix`);
  }
  if (!options.json) io.stdout(`doctor: all ${results.length} checks of ${repository} ok\n`);
}
