// The files of a repository as configuration is read from them: the working tree, or the tree of a
// commit (`irac replay --compare REF` loads the configuration and playbooks as they were at REF).
// Read-only. Paths are relative to the repository root, '/'-separated, and never leave it.

import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { Git } from '../store/git.js';

/** Larger than any playbook or configuration by far; a file is read whole before parsing. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface RepoFiles {
  /** The text of the file at `path`, or undefined when there is none. */
  readText(path: string): Promise<string | undefined>;
  /** The names of the regular files directly in `dir`, sorted; [] when there is no such directory. */
  list(dir: string): Promise<string[]>;
}

/** Refuses a path that could leave the repository: absolute, `..`, empty or odd segments. */
function checkedPath(path: string): string {
  const segments = path.split('/');
  if (
    path === '' ||
    segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))
  ) {
    throw new InputError(path, 'is not a path inside the repository');
  }
  return path;
}

function decoded(bytes: Uint8Array, path: string): string {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new InputError(path, `is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(path, 'is not UTF-8 text');
  }
}

/**
 * The working tree under `root`. A symbolic link is refused rather than followed: it could point
 * anywhere on the runner, and what a workflow reads must be what the repository holds.
 */
export function workingTreeFiles(root: string): RepoFiles {
  return {
    async readText(path) {
      const full = join(root, checkedPath(path));
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        const info = await lstat(full);
        if (info.isSymbolicLink()) throw new InputError(path, 'is a symbolic link; irac reads only files');
        if (!info.isFile()) throw new InputError(path, 'is not a file');
        if (info.size > MAX_FILE_BYTES) {
          throw new InputError(path, `is ${info.size} bytes; the limit is ${MAX_FILE_BYTES}`);
        }
        handle = await open(full, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        return decoded(await handle.readFile(), path);
      } finally {
        await handle.close();
      }
    },
    async list(dir) {
      try {
        const entries = await readdir(join(root, checkedPath(dir)), { withFileTypes: true });
        return entries
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name)
          .sort();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return [];
        throw error;
      }
    },
  };
}

/** One ls-tree line: `<mode> SP <type> SP <sha> SP <size> TAB <name>`. */
const TREE_LINE = /^(\d{6}) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s;

/**
 * The tree of the commit `ref` names, in the repository at `root`. Throws an InputError when `ref`
 * names no commit. Symbolic links and submodules are not files here either.
 */
export async function gitRefFiles(root: string, ref: string): Promise<RepoFiles> {
  // Paths are names, never patterns.
  const git = new Git(root, { GIT_LITERAL_PATHSPECS: '1' });
  const commit = await git.resolveCommit(ref);
  if (commit === undefined) throw new InputError(ref, 'names no commit in this repository');
  const entries = async (path: string) => {
    const out = await git.output(['ls-tree', '-z', '-l', '--full-tree', commit, '--', path]);
    return out
      .split('\0')
      .filter(Boolean)
      .flatMap((line) => {
        const match = TREE_LINE.exec(line);
        return match
          ? [
              {
                mode: match[1],
                type: match[2],
                sha: match[3] as string,
                size: match[4],
                name: match[5] as string,
              },
            ]
          : [];
      });
  };
  return {
    async readText(path) {
      const [entry] = await entries(checkedPath(path));
      if (!entry || entry.name !== path) return undefined;
      if (entry.type !== 'blob' || entry.mode === '120000') {
        throw new InputError(`${ref}:${path}`, 'is not a file');
      }
      if (Number(entry.size) > MAX_FILE_BYTES) {
        throw new InputError(`${ref}:${path}`, `is ${entry.size} bytes; the limit is ${MAX_FILE_BYTES}`);
      }
      return decoded(await blob(git, entry.sha), `${ref}:${path}`);
    },
    async list(dir) {
      const prefix = `${checkedPath(dir)}/`;
      return (await entries(prefix))
        .filter((entry) => entry.type === 'blob' && entry.mode !== '120000' && entry.name.startsWith(prefix))
        .map((entry) => entry.name.slice(prefix.length))
        .filter((name) => !name.includes('/'))
        .sort();
    },
  };
}

/** A blob's bytes as stored: read raw, so that text which is not UTF-8 is refused, not mangled. */
function blob(git: Git, sha: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = git.spawn(['cat-file', 'blob', sha]);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(chunks));
      else reject(new Error(`git cat-file blob ${sha} exited with ${code}`));
    });
    child.stdin.end();
  });
}
