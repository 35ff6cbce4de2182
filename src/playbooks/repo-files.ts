// The files of a repository as configuration is read from them: the working tree, or the tree of a
// commit (`irac replay --compare REF` loads the configuration and playbooks as they were at REF).
// Read-only. Paths are relative to the repository root, '/'-separated, and never leave it.

import { constants, type Stats } from 'node:fs';
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
 * `path` under `root` and what lstat says of it, when no segment of it is a symbolic link; undefined
 * when it, or a directory on the way, does not exist. Every segment is looked at, not only the last:
 * `intel -> /etc` would otherwise make `intel/passwd` an ordinary file, and readdir follows a linked
 * directory without a word.
 */
async function unlinkedPath(
  root: string,
  path: string,
): Promise<{ readonly full: string; readonly info: Stats } | undefined> {
  const segments = path.split('/');
  let info: Stats | undefined;
  for (let i = 1; i <= segments.length; i++) {
    const through = segments.slice(0, i).join('/');
    try {
      info = await lstat(join(root, through));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
    if (info.isSymbolicLink()) {
      throw new InputError(
        path,
        i === segments.length
          ? 'is a symbolic link; irac reads only files'
          : `${through} is a symbolic link; irac reads only files inside the repository`,
      );
    }
  }
  return info && { full: join(root, path), info };
}

/**
 * The working tree under `root`. A symbolic link, to a file or to a directory on the way to one, is
 * refused rather than followed: it could point anywhere on the runner, and what a workflow reads must
 * be what the repository holds.
 */
export function workingTreeFiles(root: string): RepoFiles {
  return {
    async readText(path) {
      const found = await unlinkedPath(root, checkedPath(path));
      if (found === undefined) return undefined;
      // Checked before opening: opening a FIFO would wait for a writer for ever.
      if (!found.info.isFile()) throw new InputError(path, 'is not a file');
      if (found.info.size > MAX_FILE_BYTES) {
        throw new InputError(path, `is ${found.info.size} bytes; the limit is ${MAX_FILE_BYTES}`);
      }
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        // O_NOFOLLOW: a link put in place after the check above is refused by the kernel (ELOOP).
        handle = await open(found.full, constants.O_RDONLY | constants.O_NOFOLLOW);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return undefined;
        if (code === 'ELOOP') throw new InputError(path, 'is a symbolic link; irac reads only files');
        throw error;
      }
      try {
        // decoded() checks the size again: the file may have grown since lstat.
        return decoded(await handle.readFile(), path);
      } finally {
        await handle.close();
      }
    },
    async list(dir) {
      const found = await unlinkedPath(root, checkedPath(dir));
      if (found === undefined) return [];
      try {
        const entries = await readdir(found.full, { withFileTypes: true });
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
