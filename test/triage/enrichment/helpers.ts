// What the enrichment tests share: a scratch repository with a few files, a subject built by hand,
// settings from a configuration snippet.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseSettings, type Settings } from '../../../src/config/config.js';
import { type RepoFiles, workingTreeFiles } from '../../../src/playbooks/repo-files.js';
import type { Subject } from '../../../src/triage/enrichment/types.js';

export interface ScratchRepo {
  readonly root: string;
  readonly files: RepoFiles;
  remove(): Promise<void>;
}

/** A directory holding `contents` (path → text), read through a working-tree RepoFiles. */
export async function scratchRepo(contents: Readonly<Record<string, string>>): Promise<ScratchRepo> {
  const root = await mkdtemp(join(tmpdir(), 'irac-enrichment-'));
  for (const [path, text] of Object.entries(contents)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return { root, files: workingTreeFiles(root), remove: () => rm(root, { recursive: true, force: true }) };
}

export function subject(parts: Partial<Subject> = {}): Subject {
  return { resources: [], accounts: [], actors: [], indicators: [], fingerprint: 'f'.repeat(64), ...parts };
}

/** The settings of a configuration whose triage section is `triage` (YAML, indented two spaces). */
export function settingsWith(triage: string): Settings {
  return parseSettings(`triage:\n${triage}`, 'test-config.yaml').settings;
}
