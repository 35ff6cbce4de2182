// All git plumbing behind one class whose methods are named for what the store wants. The store builds
// commits from objects (blobs, trees, commit-tree) and moves refs with compare-and-swap, so it never
// needs the working tree or the index to record an incident, and a user's unrelated changes stay
// untouched. Reads and writes of objects (and reads of refs) go through long-lived `git cat-file
// --batch` and `git hash-object --stdin-paths` processes: one process per kind for an operation and
// the ones that follow it, not one per object.

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

export interface FileChange {
  readonly path: string;
  readonly oldMode: string;
  readonly newMode: string;
  /** A(dded), M(odified), D(eleted), T(ype changed). */
  readonly status: string;
}

/** Pathspecs per git call: far below any command-line limit. */
const PATHS_PER_CALL = 500;

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
  private format: Promise<'sha1' | 'sha256'> | undefined;

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

  /**
   * Paths whose index entry differs from HEAD (relative to the top level). Index against tree only:
   * no file is stat'ed, and the cache-tree lets git skip unchanged directories, whatever their size.
   */
  async stagedPaths(head: string | undefined): Promise<string[]> {
    const listing = head
      ? await this.run(['diff-index', '--cached', '--name-only', '-z', '--no-renames', head])
      : await this.run(['ls-files', '-z']);
    return listing.stdout.split('\0').filter((path) => path !== '');
  }

  /** Which of `paths` have local changes: modified, staged, or untracked files in the way. */
  async localChanges(paths: readonly string[]): Promise<string[]> {
    const changed: string[] = [];
    for (let at = 0; at < paths.length; at += PATHS_PER_CALL) {
      const chunk = paths.slice(at, at + PATHS_PER_CALL);
      const status = await this.run([
        '--literal-pathspecs',
        'status',
        '--porcelain=v1',
        '-z',
        '--untracked-files=all',
        '--no-renames',
        '--',
        ...chunk,
      ]);
      for (const record of status.stdout.split('\0')) if (record.length > 3) changed.push(record.slice(3));
    }
    return changed;
  }

  /** The files that differ between two commits, as `git diff-tree -r` reports them. */
  async changedFiles(from: string, to: string): Promise<FileChange[]> {
    const out = await this.run(['diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', from, to]);
    const fields = out.stdout.split('\0');
    const changes: FileChange[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const [oldMode = '', newMode = '', , , status = ''] = (fields[i] ?? '').slice(1).split(' ');
      changes.push({ path: fields[i + 1] ?? '', oldMode, newMode, status });
    }
    return changes;
  }

  /**
   * Sets the index entries and working-tree files of `paths` to what commit `to` holds: one index
   * read and write, however many paths (the index of a large store is megabytes).
   */
  async checkoutFiles(to: string, paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.run(
      [
        '--literal-pathspecs',
        'restore',
        `--source=${to}`,
        '--staged',
        '--worktree',
        '--pathspec-from-file=-',
        '--pathspec-file-nul',
      ],
      { input: paths.map((path) => `${path}\0`).join('') },
    );
  }

  /**
   * Fetches `branch` from `remote` into its remote-tracking ref and returns the commit it points at
   * (read by `resolve`); undefined when the remote has no such branch yet (a fresh bare repository).
   */
  async fetchBranch(
    remote: string,
    branch: string,
    resolve: (ref: string) => Promise<string | undefined> = (ref) => this.resolveCommit(ref),
  ): Promise<string | undefined> {
    const tracking = `refs/remotes/${remote}/${branch}`;
    const args = ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--end-of-options', remote];
    const result = await this.run([...args, `+refs/heads/${branch}:${tracking}`], { okCodes: [0, 128] });
    if (result.exitCode === 0) return resolve(tracking);
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

  /** A repository's object format never changes: asked once per Git, not once per operation. */
  objectFormat(): Promise<'sha1' | 'sha256'> {
    this.format ??= this.output(['rev-parse', '--show-object-format']).then(
      (format) => (format === 'sha256' ? 'sha256' : 'sha1'),
      (error: unknown) => {
        this.format = undefined; // a failed call (a full disk) is asked again next time
        throw error;
      },
    );
    return this.format;
  }

  /** A reader and writer of objects (and reader of refs); close it when done. */
  async objects(): Promise<ObjectStore> {
    return new ObjectStore(this, await this.objectFormat());
  }
}

/**
 * Request/response over a long-lived git process. Requests are serialized; responses are read from
 * a buffer by the parser that knows their shape. Between requests the process does not keep this one
 * alive: an object store kept open between operations must not hold up the end of a command.
 */
class GitPipe {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffered: Buffer = Buffer.alloc(0);
  private wake: (() => void) | undefined;
  private failure: Error | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private stderr = '';
  private pending = 0;

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

  /**
   * Sends a request at once and reads its response after the responses to earlier requests: callers
   * that issue many requests without waiting (Promise.all) get them pipelined, not one round trip each.
   */
  exchange<T>(request: string | Buffer, parse: () => Promise<T>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending++ === 0) this.keepAlive(true);
    this.child.stdin.write(request);
    const next = this.queue.then(() => parse());
    this.queue = next
      .catch(() => {})
      .finally(() => {
        if (--this.pending === 0) this.keepAlive(false);
      });
    return next;
  }

  /** Whether the process and its pipes keep this process's event loop running. */
  private keepAlive(on: boolean): void {
    const { child } = this;
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as {
      ref(): void;
      unref(): void;
    }[]) {
      if (on) handle.ref();
      else handle.unref();
    }
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
    this.keepAlive(true); // whoever awaits the close must see it
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
  private readonly writers = new Map<'blob' | 'tree', GitPipe>();
  private scratch: { dir: string; count: number } | undefined;
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

  /**
   * The commit `rev` names, or undefined when it names none: what `git rev-parse --verify` answers,
   * without a process of its own. git reads a ref afresh on every request, so a long-lived reader sees
   * every move of it.
   */
  async resolveCommit(rev: string): Promise<string | undefined> {
    const object = await this.read(`${rev}^{commit}`);
    return object?.type === 'commit' ? object.sha : undefined;
  }

  async readBlob(spec: string): Promise<Buffer | undefined> {
    const object = await this.read(spec);
    return object?.type === 'blob' ? object.content : undefined;
  }

  async readTree(spec: string): Promise<TreeEntry[] | undefined> {
    const object = await this.read(spec);
    return object?.type === 'tree' ? parseTree(object.content, this.hashBytes) : undefined;
  }

  /**
   * Writes an object through `git hash-object -w --stdin-paths`, one long-lived process per type: the
   * content goes through a scratch file, since hash-object reads objects from paths, not a stream.
   */
  private async writeObject(type: 'blob' | 'tree', content: string | Buffer): Promise<string> {
    let pipe = this.writers.get(type);
    if (!pipe) {
      // --no-filters: stored byte for byte, whatever .gitattributes say (evidence must not be converted).
      pipe = new GitPipe(this.git, ['hash-object', '-w', '-t', type, '--no-filters', '--stdin-paths']);
      this.writers.set(type, pipe);
    }
    this.scratch ??= { dir: await mkdtemp(join(tmpdir(), 'irac-objects-')), count: 0 };
    const file = join(this.scratch.dir, String(this.scratch.count++));
    await writeFile(file, content);
    const writer = pipe;
    const sha = await writer.exchange(`${file}\n`, () => writer.readLine());
    await rm(file);
    return sha;
  }

  writeBlob(content: string | Buffer): Promise<string> {
    return this.writeObject('blob', content);
  }

  /**
   * Writes a tree object from its entries, serialized here in git's format (sorted as git sorts,
   * directories compared as if their names ended in `/`): `git mktree` would look up every entry's
   * object, which in a month holding thousands of incidents costs more than the whole rest of a commit.
   */
  writeTree(entries: readonly TreeEntry[]): Promise<string> {
    const key = (e: TreeEntry) => Buffer.from(e.type === 'tree' ? `${e.name}/` : e.name, 'latin1');
    const sorted = [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
    const parts: Buffer[] = [];
    for (const entry of sorted) {
      const mode = entry.type === 'tree' ? '40000' : entry.mode.replace(/^0+/, '');
      parts.push(Buffer.from(`${mode} ${entry.name}\0`, 'latin1'), Buffer.from(entry.sha, 'hex'));
    }
    return this.writeObject('tree', Buffer.concat(parts));
  }

  /** Removes the scratch directory writes go through (made again by the next write): between operations. */
  async clearScratch(): Promise<void> {
    const scratch = this.scratch;
    this.scratch = undefined;
    if (scratch) await rm(scratch.dir, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    await Promise.all([this.reader?.close(), ...[...this.writers.values()].map((pipe) => pipe.close())]);
    await this.clearScratch();
    this.reader = undefined;
    this.writers.clear();
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
