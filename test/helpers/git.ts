// Real git for the store's tests: scratch repositories with a bare `origin`, clones of it, and the
// commands the tests use to look at what irac did (or to play the other writer).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// Scratch directories of the test file that imported this helper, removed when it is done.
const scratchDirs: string[] = [];
// Fifty clones take a while to delete on a busy machine: the hook gets a minute, not vitest's 10 s.
afterAll(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const IDENTITY = [
  '-c',
  'user.name=Test User',
  '-c',
  'user.email=test@example.com',
  '-c',
  'init.defaultBranch=main',
];

/** Runs git in `cwd` and returns its stdout without the final line break. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  }).replace(/\n$/, '');
}

export function scratchDir(prefix = 'irac-store-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

/** A repository on `main` with one commit (a README), like a freshly forked template. */
export function scratchRepo(): string {
  const dir = scratchDir();
  git(dir, 'init', '--quiet');
  writeFileSync(join(dir, 'README.md'), '# security team\n');
  git(dir, 'add', 'README.md');
  git(dir, 'commit', '--quiet', '-m', 'initial');
  return dir;
}

/** A bare `origin` holding a first commit on main, and a function that clones it (a workflow's checkout). */
export function scratchRemote(): { origin: string; clone: () => string } {
  const seed = scratchRepo();
  const origin = `${scratchDir('irac-origin-')}/origin.git`;
  git(seed, 'clone', '--quiet', '--bare', seed, origin);
  return {
    origin,
    clone: () => {
      const dir = `${scratchDir('irac-clone-')}/work`;
      git(origin, 'clone', '--quiet', origin, dir);
      return dir;
    },
  };
}

/** Commit subjects and trailers of a branch, newest first. */
export function commitLog(
  cwd: string,
  rev = 'HEAD',
): { subject: string; trailers: Record<string, string> }[] {
  const out = git(cwd, 'log', '--format=%s%x1f%(trailers:only,unfold)%x1e', rev);
  return out
    .split('\x1e')
    .map((record) => record.trim())
    .filter((record) => record !== '')
    .map((record) => {
      const [subject = '', trailerText = ''] = record.split('\x1f');
      const trailers: Record<string, string> = {};
      for (const line of trailerText.split('\n')) {
        const colon = line.indexOf(': ');
        if (colon > 0) trailers[line.slice(0, colon)] = line.slice(colon + 2);
      }
      return { subject, trailers };
    });
}

/** The files of a commit's tree under `dir`. */
export function filesAt(cwd: string, rev: string, dir = 'incidents'): string[] {
  const out = git(cwd, 'ls-tree', '-r', '--name-only', rev, '--', dir);
  return out === '' ? [] : out.split('\n');
}
