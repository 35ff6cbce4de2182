// `irac iam-policy [--playbook ID] [--repo DIR] [--config FILE]`: the IAM policy document that covers
// exactly the AWS actions the repository's playbooks (or one of them) use, on stdout, for the containment
// role; what Slack, GitHub and Jira need besides goes to stderr.

import { loadConfig } from '../config/config.js';
import { requiredAccess } from '../connectors/iam-policy.js';
import { InputError } from '../errors.js';
import { loadPlaybooks } from '../playbooks/load.js';
import { workingTreeFiles } from '../playbooks/repo-files.js';
import type { CliIo } from './io.js';

export interface IamPolicyCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly playbook?: string;
}

export async function iamPolicyCommand(options: IamPolicyCommandOptions, io: CliIo): Promise<void> {
  const root = options.repo ?? process.cwd();
  const config = await loadConfig({ repoRoot: root, ...(options.config ? { file: options.config } : {}) });
  const playbooks = await loadPlaybooks(workingTreeFiles(root), config);
  const chosen =
    options.playbook === undefined
      ? playbooks
      : playbooks.filter((playbook) => playbook.id === options.playbook);
  if (chosen.length === 0) {
    throw new InputError(
      '--playbook',
      options.playbook === undefined
        ? 'the repository has no playbooks'
        : `no playbook "${options.playbook}" (there are: ${playbooks.map((playbook) => playbook.id).join(', ')})`,
    );
  }
  const { policy, scopes } = requiredAccess(chosen);
  io.stdout(`${JSON.stringify(policy, null, 2)}\n`);
  for (const [connector, permissions] of scopes) {
    io.stderr(`irac: ${connector} also needs: ${permissions.join(', ')}\n`);
  }
}
