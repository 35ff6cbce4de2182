// All git plumbing behind one class whose methods are named for what the store wants. The store builds
// commits from objects (blobs, trees, commit-tree) and moves refs with compare-and-swap, so it never
// needs the working tree or the index to record an incident, and a user's unrelated changes stay
// untouched. Reads and writes of objects go through long-lived `git cat-file --batch`,
// `git hash-object --stdin-paths` and `git mktree --batch` processes: one process per kind per
// operation, not one per object.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** git's own environment for every call: no prompts, untranslated messages, no optional locks. */
const QUIET_ENV = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C', GIT_OPTIONAL_LOCKS: '0' };

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    const last = stderr.trim().split('\n').at(-1) ?? '';
    super(
      `git ${args.find((a) => !a.startsWith('-')) ?? ''} failed (exit ${exitCode})${last ? `: ${last}` : ''}`,
    );
  }
}

export interface RunOptions {
  readonly input?: string | Buffer;
  readonly env?: Readonly<Record<string, string>>;
  /** Exit codes that are answers rather than failures (e.g. 1 for "no"). */
  readonly okCodes?: readonly number[];
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export type TreeEntryType = 'blob' | 'tree' | 'commit';

export interface TreeEntry {
  readonly mode: string;
  readonly type: TreeEntryType;
  readonly sha: string;
  /** The name's bytes as latin1, so names that are not UTF-8 survive a rewrite unchanged. */
  readonly name: string;
}

export interface CommitRequest {
  readonly tree: string;
  readonly parents: readonly string[];
  readonly message: string;
  /** GIT_AUTHOR_* / GIT_COMMITTER_* values; absent keys fall back to git's configuration. */
  readonly identityEnv: Readonly<Record<string, string>>;
  /** Path of an SSH private key: the commit is SSH-signed (gpg.format=ssh). */
  readonly signingKey?: string | undefined;
}

export type PushOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryable: boolean; readonly reason: string };

function collect(child: ChildProcessWithoutNullStreams, args: readonly string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) =>
      reject(new GitError(args, 127, `cannot run git: ${(error as Error).message}`)),
    );
    child.on('close', (code) =>
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        exitCode: code ?? 128,
      }),
    );
  });
}

export class Git {
  constructor(
    /** The working tree's top level (or the repository for a bare one). */
    readonly dir: string,
    private readonly baseEnv: Readonly<Record<string, string>> = {},
  ) {}

  spawn(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
    return spawn('git', args, {
      cwd: this.dir,
      env: { ...process.env, ...QUIET_ENV, ...this.baseEnv, ...env },
      stdio: 'pipe',
    });
  }

  async run(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    const child = this.spawn(args, options.env);
    const result = collect(child, args);
    child.stdin.on('error', () => {}); // git may exit before reading all input; its exit code tells.
    child.stdin.end(options.input ?? '');
    const outcome = await result;
    if (!(options.okCodes ?? [0]).includes(outcome.exitCode)) {
      throw new GitError(args, outcome.exitCode, outcome.stderr);
    }
    return outcome;
  }

  /** stdout without its final line break. */
  async output(args: readonly string[], options: RunOptions = {}): Promise<string> {
    return (await this.run(args, options)).stdout.replace(/\n$/, '');
  }

  /** The commit a revision names, or undefined when it names none (an unborn branch, a missing ref). */
  async resolveCommit(rev: string): Promise<string | undefined> {
    const result = await this.run(
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`],
      {
        okCodes: [0, 1, 128],
      },
    );
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  /** `refs/heads/<name>` that HEAD points at, or undefined when HEAD is detached. */
  async currentBranchRef(): Promise<string | undefined> {
    const result = await this.run(['symbolic-ref', '--quiet', 'HEAD'], { okCodes: [0, 1] });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async config(key: string): Promise<string | undefined> {
    const result = await this.run(['config', '--get', key], { okCodes: [0, 1] });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async remotes(): Promise<string[]> {
    return (await this.output(['remote'])).split('\n').filter((name) => name !== '');
  }

  /** Paths with changes staged in the index (relative to the top level). */
  async stagedPaths(): Promise<string[]> {
    const status = await this.run(['status', '--porcelain=v1', '-z', '--untracked-files=no']);
    return porcelainPaths(status.stdout)
      .filter((entry) => entry.index !== ' ' && entry.index !== '?')
      .map((e) => e.path);
  }

  /** Paths under `dir` that differ from HEAD in the index or the working tree, untracked ones included. */
  async changedPaths(dir: string): Promise<string[]> {
    const status = await this.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', dir]);
    return porcelainPaths(status.stdout).map((e) => e.path);
  }

  /**
   * Fetches `branch` from `remote` into its remote-tracking ref and returns the commit it points at;
   * undefined when the remote has no such branch yet (a fresh bare repository).
   */
  async fetchBranch(remote: string, branch: string): Promise<string | undefined> {
    const tracking = `refs/remotes/${remote}/${branch}`;
    const args = ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--end-of-options', remote];
    const result = await this.run([...args, `+refs/heads/${branch}:${tracking}`], { okCodes: [0, 128] });
    if (result.exitCode === 0) return this.resolveCommit(tracking);
    if (/couldn't find remote ref/.test(result.stderr)) return undefined;
    throw new GitError(args, result.exitCode, result.stderr);
  }

  /**
   * Pushes `commit` to `branch` on `remote`. A rejection because the remote moved on (non-fast-forward,
   * a lost race for the ref's lock) is retryable; anything else (a hook, a protected branch, no access)
   * is not, and says why.
   */
  async push(remote: string, commit: string, branch: string): Promise<PushOutcome> {
    const result = await this.run(
      ['push', '--porcelain', '--no-verify', '--end-of-options', remote, `${commit}:refs/heads/${branch}`],
      { okCodes: [0, 1, 128] },
    );
    if (result.exitCode === 0) return { ok: true };
    const statusLine = result.stdout.split('\n').find((line) => /^[!=*+ -]\t/.test(line));
    const reason = (
      statusLine?.split('\t')[2] ??
      result.stderr.trim().split('\n').at(-1) ??
      'push failed'
    ).trim();
    const raced =
      /\[rejected\] \((fetch first|non-fast-forward|stale info)\)/.test(reason) ||
      /\[remote rejected\] \((failed to update ref|failed to lock|cannot lock ref|incorrect old value provided)/.test(
        reason,
      ) ||
      /cannot lock ref|failed to lock|incorrect old value/.test(result.stderr);
    return { ok: false, retryable: raced, reason };
  }

  async commitTree(request: CommitRequest): Promise<string> {
    const signing = request.signingKey
      ? ['-c', 'gpg.format=ssh', '-c', `user.signingKey=${request.signingKey}`]
      : [];
    const args = [
      ...signing,
      'commit-tree',
      ...(request.signingKey ? ['-S'] : []),
      ...request.parents.flatMap((parent) => ['-p', parent]),
      '-F',
      '-',
      request.tree,
    ];
    return this.output(args, { input: request.message, env: request.identityEnv });
  }

  /** Moves `ref` to `next` only if it still points at `previous` (undefined: only if it does not exist). */
  async compareAndSwapRef(ref: string, next: string, previous: string | undefined, reason: string) {
    const result = await this.run(['update-ref', '-m', reason, ref, next, previous ?? ''], {
      okCodes: [0, 1, 128],
    });
    return result.exitCode === 0;
  }

  /**
   * Brings the index and working tree from `from` to `to` the way a fast-forward does: only paths that
   * differ between the two are touched, and git refuses (changing nothing) when that would overwrite a
   * local change.
   */
  async checkoutFastForward(from: string | undefined, to: string): Promise<void> {
    await this.run(from ? ['read-tree', '-m', '-u', from, to] : ['read-tree', '-m', '-u', to]);
  }

  async objectFormat(): Promise<'sha1' | 'sha256'> {
    const format = await this.output(['rev-parse', '--show-object-format']);
    return format === 'sha256' ? 'sha256' : 'sha1';
  }

  /** A reader and writer of objects for one operation; close it when done. */
  async objects(): Promise<ObjectStore> {
    return new ObjectStore(this, await this.objectFormat());
  }
}

function porcelainPaths(stdout: string): { index: string; path: string }[] {
  const records = stdout.split('\0');
  const entries: { index: string; path: string }[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i] ?? '';
    if (record.length < 4) continue;
    entries.push({ index: record[0] ?? ' ', path: record.slice(3) });
    if (record[0] === 'R' || record[0] === 'C') i++; // the rename's source path follows
  }
  return entries;
}

/**
 * Request/response over a long-lived git process. Requests are serialized; responses are read from
 * a buffer by the parser that knows their shape.
 */
class GitPipe {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffered: Buffer = Buffer.alloc(0);
  private wake: (() => void) | undefined;
  private failure: Error | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private stderr = '';

  constructor(git: Git, args: readonly string[]) {
    this.child = git.spawn(args);
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.wake?.();
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      this.wake?.();
    };
    this.child.on('error', (error) => fail(new GitError(args, 127, `cannot run git: ${error.message}`)));
    this.child.on('close', (code) => fail(new GitError(args, code ?? 128, this.stderr || 'exited')));
    this.child.stdin.on('error', (error) => fail(new GitError(args, 128, error.message)));
  }

  exchange<T>(request: string | Buffer, parse: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.failure) throw this.failure;
      this.child.stdin.write(request);
      return parse();
    });
    this.queue = next.catch(() => {});
    return next;
  }

  private async waitFor(bytes: number | 'line'): Promise<number> {
    for (;;) {
      const end = bytes === 'line' ? this.buffered.indexOf(0x0a) : this.buffered.length >= bytes ? bytes : -1;
      if (end !== -1) return end;
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }

  async readLine(): Promise<string> {
    const end = await this.waitFor('line');
    const line = this.buffered.toString('utf8', 0, end);
    this.buffered = this.buffered.subarray(end + 1);
    return line;
  }

  async readBytes(count: number): Promise<Buffer> {
    await this.waitFor(count);
    const bytes = Buffer.from(this.buffered.subarray(0, count));
    this.buffered = this.buffered.subarray(count);
    return bytes;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const closed = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    this.child.stdin.end();
    await closed;
  }
}

export interface StoredObject {
  readonly type: string;
  readonly sha: string;
  readonly content: Buffer;
}

/** Reads and writes git objects through three long-lived processes, started on first use. */
export class ObjectStore {
  private reader: GitPipe | undefined;
  private blobWriter: { pipe: GitPipe; dir: string; count: number } | undefined;
  private treeWriter: GitPipe | undefined;
  private readonly hashBytes: number;

  constructor(
    private readonly git: Git,
    format: 'sha1' | 'sha256',
  ) {
    this.hashBytes = format === 'sha256' ? 32 : 20;
  }

  /** The object `spec` names (`<sha>`, `<commit>:<path>`), or undefined when there is none. */
  read(spec: string): Promise<StoredObject | undefined> {
    this.reader ??= new GitPipe(this.git, ['cat-file', '--batch']);
    const pipe = this.reader;
    return pipe.exchange(`${spec}\n`, async () => {
      const header = await pipe.readLine();
      const match = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
      if (!match) return undefined; // `<spec> missing` or `ambiguous`
      const content = await pipe.readBytes(Number(match[3]));
      await pipe.readBytes(1); // the line break after the content
      return { sha: match[1] as string, type: match[2] as string, content };
    });
  }

  async readBlob(spec: string): Promise<Buffer | undefined> {
    const object = await this.read(spec);
    return object?.type === 'blob' ? object.content : undefined;
  }

  async readTree(spec: string): Promise<TreeEntry[] | undefined> {
    const object = await this.read(spec);
    return object?.type === 'tree' ? parseTree(object.content, this.hashBytes) : undefined;
  }

  async writeBlob(content: string | Buffer): Promise<string> {
    if (!this.blobWriter) {
      const dir = await mkdtemp(join(tmpdir(), 'irac-blobs-'));
      // --no-filters: stored byte for byte, whatever .gitattributes say (evidence must not be converted).
      this.blobWriter = {
        pipe: new GitPipe(this.git, ['hash-object', '-w', '--no-filters', '--stdin-paths']),
        dir,
        count: 0,
      };
    }
    const writer = this.blobWriter;
    const file = join(writer.dir, String(writer.count++));
    await writeFile(file, content);
    const sha = await writer.pipe.exchange(`${file}\n`, () => writer.pipe.readLine());
    await rm(file);
    return sha;
  }

  async writeTree(entries: readonly TreeEntry[]): Promise<string> {
    this.treeWriter ??= new GitPipe(this.git, ['mktree', '-z', '--batch']);
    const pipe = this.treeWriter;
    const request = Buffer.concat([
      ...entries.map((e) => Buffer.from(`${e.mode} ${e.type} ${e.sha}\t${e.name}\0`, 'latin1')),
      Buffer.from([0]),
    ]);
    return pipe.exchange(request, () => pipe.readLine());
  }

  async close(): Promise<void> {
    await Promise.all([this.reader?.close(), this.blobWriter?.pipe.close(), this.treeWriter?.close()]);
    if (this.blobWriter) await rm(this.blobWriter.dir, { recursive: true, force: true });
    this.reader = undefined;
    this.blobWriter = undefined;
    this.treeWriter = undefined;
  }
}

function entryType(mode: string): TreeEntryType {
  if (mode === '40000' || mode === '040000') return 'tree';
  if (mode === '160000') return 'commit';
  return 'blob';
}

function parseTree(content: Buffer, hashBytes: number): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0x00, space + 1);
    const mode = content.toString('latin1', at, space);
    entries.push({
      mode,
      type: entryType(mode),
      name: content.toString('latin1', space + 1, nul),
      sha: content.toString('hex', nul + 1, nul + 1 + hashBytes),
    });
    at = nul + 1 + hashBytes;
  }
  return entries;
}
