// `irac lint [PATH...] [--config FILE] [--repo DIR] [--json]`: the configuration and the playbooks.
// Problems go to stdout, one `file:line:col: error|warning: message` per line (or one JSON array); the
// verdict to stderr; exit 1 when any is an error, 0 when there are only warnings.

import { OperationError } from '../errors.js';
import { lint } from '../playbooks/lint.js';
import { formatProblem } from '../playbooks/problems.js';
import type { CliIo } from './io.js';

export interface LintCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly json?: boolean;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export async function lintCommand(
  paths: readonly string[],
  options: LintCommandOptions,
  io: CliIo,
  now: Date = new Date(),
): Promise<void> {
  const report = await lint({
    root: options.repo ?? process.cwd(),
    paths,
    ...(options.config !== undefined && { config: options.config }),
    now,
  });
  if (options.json) io.stdout(`${JSON.stringify(report.problems)}\n`);
  else for (const problem of report.problems) io.stdout(`${formatProblem(problem)}\n`);

  const errors = report.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = report.problems.length - errors;
  const scope = count(report.files.length, 'file');
  if (errors > 0) {
    throw new OperationError(
      `lint: ${count(errors, 'error')}${warnings > 0 ? `, ${count(warnings, 'warning')}` : ''} in ${scope}`,
    );
  }
  if (!options.json) {
    io.stdout(`lint: ok — ${scope}${warnings > 0 ? `, ${count(warnings, 'warning')}` : ''}\n`);
  }
}
