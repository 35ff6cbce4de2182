// `irac export PLAYBOOK --format cacao [--ref REF] [--repo DIR] [--config FILE]`: one playbook as an
// OASIS CACAO 2.0 playbook (JSON) on stdout. The playbook is read at a commit (HEAD by default), not
// from the working tree, and CACAO's created and modified are the commit times of the first and last
// commit that touched its file there: anyone with a clone exports the same bytes.

import { relative, resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE, readSettings } from '../config/config.js';
import { InputError } from '../errors.js';
import { cacaoOf } from '../interop/cacao.js';
import { loadPlaybooks } from '../playbooks/load.js';
import { gitRefFiles } from '../playbooks/repo-files.js';
import { Git, GitError } from '../store/git.js';
import type { CliIo } from './io.js';

export const EXPORT_FORMATS = ['cacao'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportCommandOptions {
  readonly format: ExportFormat;
  readonly ref?: string;
  readonly repo?: string;
  readonly config?: string;
}

async function topLevel(dir: string): Promise<string> {
  try {
    return await new Git(dir).output(['rev-parse', '--show-toplevel']);
  } catch (error) {
    if (error instanceof GitError) throw new InputError(dir, 'is not inside a git repository');
    throw error;
  }
}

/** When `file` was first and last committed in the history of `ref`. */
async function commitTimes(
  root: string,
  ref: string,
  file: string,
): Promise<{ created: Date; modified: Date }> {
  const git = new Git(root, { GIT_LITERAL_PATHSPECS: '1' });
  const times = (await git.output(['log', '--format=%ct', '--end-of-options', ref, '--', file]))
    .split('\n')
    .filter(Boolean)
    .map((seconds) => new Date(Number(seconds) * 1000));
  const modified = times[0];
  const created = times.at(-1);
  if (!modified || !created) throw new InputError(`${ref}:${file}`, 'has no commit in this history');
  return { created, modified };
}

export async function exportCommand(
  playbookId: string,
  options: ExportCommandOptions,
  io: CliIo,
): Promise<void> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new InputError('--format', `"${options.format}" is not one of: ${EXPORT_FORMATS.join(', ')}`);
  }
  const root = await topLevel(options.repo ?? process.cwd());
  const ref = options.ref ?? 'HEAD';
  const files = await gitRefFiles(root, ref);
  const configPath = options.config ? relative(root, resolve(options.config)) : DEFAULT_CONFIG_FILE;
  if (configPath.startsWith('..'))
    throw new InputError(options.config ?? configPath, 'is outside the repository');
  const playbooks = await loadPlaybooks(files, await readSettings(files, configPath));
  const playbook = playbooks.find((candidate) => candidate.id === playbookId);
  if (!playbook) {
    throw new InputError(
      playbookId,
      `is not a playbook at ${ref} (there are: ${playbooks.map((candidate) => candidate.id).join(', ') || 'none'})`,
    );
  }
  const times = await commitTimes(root, ref, playbook.file);
  io.stdout(`${JSON.stringify(cacaoOf(playbook, times), null, 2)}\n`);
}
