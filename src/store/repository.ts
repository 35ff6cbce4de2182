// The repository an incident store lives in, and the one way to change it: `apply(operation)`.
//
// Optimistic concurrency. Each attempt starts from the freshest state (the remote's branch after a
// fetch, or the local branch when there is no remote), runs the operation against it, and publishes
// the resulting commits with a compare-and-swap: a push that is a fast-forward, or `update-ref` with
// the old value. When another writer got there first, the attempt is thrown away and the operation
// runs again on the new state, after a jittered exponential backoff. Incident files are never merged
// as text, and an operation that finds its work already done (an event already recorded) is a no-op,
// so a re-run after any failure is safe.

import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { InputError, OperationError } from '../errors.js';
import { Git, GitError, type ObjectStore } from './git.js';
import { INCIDENTS_DIR, isIncidentId } from './layout.js';
import { type CommitSigner, Transaction } from './transaction.js';

export interface Committer {
  readonly name: string;
  readonly email: string;
}

export interface PublishSettings {
  /** Attempts before giving up when other writers keep winning the race (≥ 1). */
  readonly pushAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** Identity of irac's commits; default: git's configuration, or github-actions[bot] in Actions. */
  readonly committer?: Committer | undefined;
  /** SSH private key (a path) to sign commits with. */
  readonly signingKey?: string | undefined;
}

export interface Applied<T> {
  readonly result: T;
  /** The commits published, oldest first; empty when the operation changed nothing. */
  readonly commits: readonly string[];
  readonly attempts: number;
  /** Where they went: `origin/main`, or `main` without a remote. */
  readonly target: string;
  /** Things the user should know that did not stop the operation. */
  readonly warnings: readonly string[];
}

const GITHUB_ACTIONS_BOT: Committer = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

/** Failures of git's own locks (a concurrent fetch, a concurrent `git status`): worth another attempt. */
function isLockContention(error: unknown): boolean {
  return (
    error instanceof GitError &&
    /cannot lock ref|Unable to create '.*\.lock'|unable to lock/i.test(error.stderr)
  );
}

/** An object store kept open between operations, and who is using it. */
interface KeptObjects {
  readonly store: Promise<ObjectStore>;
  users: number;
  idle: NodeJS.Timeout | undefined;
}

/** How long an unused object store stays open, waiting for the next operation. */
const OBJECTS_IDLE_MS = 1000;

/** A batch of operations whose checkout catches up once, at the end (IncidentRepository.batch). */
interface Batch {
  /** The local branch's commit, the index checked against it, when the batch began. */
  readonly local: string | undefined;
  /** The remote's commit the batch's first push was built on, and the last commit pushed. */
  base?: string | undefined;
  tip?: string;
  /** A push of the batch was refused: another writer is active, every operation fetches first again. */
  contended?: boolean;
}

export class IncidentRepository {
  private userEmail: Promise<string | undefined> | undefined;
  private kept: KeptObjects | undefined;
  private batchOf: Batch | undefined;

  private constructor(
    readonly git: Git,
    /** The working tree's top level. */
    readonly root: string,
    readonly gitDir: string,
    readonly branchRef: string,
    /** The remote to publish to, or undefined: commit locally only. */
    readonly remote: string | undefined,
    /** The branch's name on the remote. */
    readonly remoteBranch: string,
  ) {}

  /** Opens the repository containing `dir` (any subdirectory works); refuses anything else clearly. */
  static async open(dir: string): Promise<IncidentRepository> {
    const info = await stat(dir).catch(() => undefined);
    if (!info) throw new InputError(dir, 'no such directory');
    if (!info.isDirectory()) throw new InputError(dir, 'is not a directory');
    const probe = await new Git(dir).run(['rev-parse', '--is-bare-repository', '--absolute-git-dir'], {
      okCodes: [0, 128],
    });
    if (probe.exitCode !== 0) {
      throw new InputError(dir, 'is not in a git repository (run `git init`, or point --repo at one)');
    }
    const [bare, gitDir] = probe.stdout.trim().split('\n');
    if (bare === 'true' || !gitDir) {
      throw new InputError(
        dir,
        'is a bare repository: irac records incidents in a clone with a working tree',
      );
    }
    const root = await new Git(dir).output(['rev-parse', '--show-toplevel']);
    const git = new Git(root);
    // Questions that do not depend on each other are asked at once: a workflow opens the store per event.
    const [branchRef, remotes] = await Promise.all([git.currentBranchRef(), git.remotes()]);
    if (!branchRef) {
      throw new InputError(
        root,
        'HEAD is detached: check out the branch incidents are recorded on (e.g. `git switch main`)',
      );
    }
    const branch = branchRef.replace(/^refs\/heads\//, '');
    const [configured, merge] = await Promise.all([
      git.config(`branch.${branch}.remote`),
      git.config(`branch.${branch}.merge`),
    ]);
    const remote =
      configured && remotes.includes(configured)
        ? configured
        : remotes.includes('origin')
          ? 'origin'
          : undefined;
    const remoteBranch = merge?.startsWith('refs/heads/') ? merge.slice('refs/heads/'.length) : branch;
    return new IncidentRepository(git, root, gitDir, branchRef, remote, remoteBranch);
  }

  get branch(): string {
    return this.branchRef.replace(/^refs\/heads\//, '');
  }

  /** The commit incidents are read from: the local branch (a fresh remote state arrives with `apply`). */
  async head(): Promise<string | undefined> {
    return this.refCommit(this.branchRef);
  }

  /** What `ref` points at now, asked of the kept object reader rather than of a git process of its own. */
  private async refCommit(ref: string): Promise<string | undefined> {
    const objects = this.openObjects();
    let failed = false;
    try {
      return await (await objects.store).resolveCommit(ref);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      await this.releaseObjects(objects, failed);
    }
  }

  /**
   * Runs `operation` against the freshest state and publishes the commits it makes, again and again
   * until it lands, the attempts run out, or something that is not a race stops it.
   */
  async apply<T>(operation: (tx: Transaction) => Promise<T>, settings: PublishSettings): Promise<Applied<T>> {
    // Under the lock: another irac process in this clone may be between moving the index and the ref.
    // The branch read there serves the first attempt: should a writer move it meanwhile, publishing
    // notices (a refused push or compare-and-swap) and the next attempt reads it again.
    let local = this.batchOf ? this.batchOf.local : await this.withLocalLock(() => this.checkIndex());
    const signer = await this.signer(settings);
    const target = this.remote ? `${this.remote}/${this.remoteBranch}` : this.branch;
    let lastReason = '';
    for (let attempt = 1; attempt <= settings.pushAttempts; attempt++) {
      if (attempt > 1) await sleep(backoffMs(attempt - 1, settings));
      const objects = this.openObjects();
      let failed = false;
      try {
        if (attempt > 1) local = await this.head();
        // In a batch, the commit this process pushed last is where the remote most likely still is: the
        // next operation builds on it without asking, and a refused push (someone else wrote meanwhile)
        // sends it round again with a fetch. A snapshot read after a fetch is no fresher by the time it
        // is acted on; what keeps two writers apart is the push that refuses a stale base.
        const batch = this.batchOf;
        const known = attempt === 1 && !batch?.contended ? batch?.tip : undefined;
        const base = !this.remote ? local : (known ?? (await this.remoteBase(local)));
        const tx = new Transaction(await objects.store, base, signer);
        const result = await operation(tx);
        const tip = tx.tip;
        if (tx.commits.length === 0 || tip === undefined) {
          return { result, commits: [], attempts: attempt, target, warnings: [] };
        }
        if (this.remote) {
          const pushed = await this.git.push(this.remote, tip, this.remoteBranch);
          if (!pushed.ok) {
            if (!pushed.retryable) {
              throw new OperationError(
                `${this.remote} refused the push to ${this.remoteBranch}: ${pushed.reason}; nothing was recorded`,
              );
            }
            lastReason = `${target} moved on (${pushed.reason})`;
            if (this.batchOf) this.batchOf.contended = true;
            continue;
          }
          if (batch) {
            if (batch.tip === undefined) batch.base = base;
            batch.tip = tip;
            return { result, commits: tx.commits, attempts: attempt, target, warnings: [] };
          }
          const warnings = await this.withLocalLock(() => this.catchUp(base, tip));
          return { result, commits: tx.commits, attempts: attempt, target, warnings };
        }
        const landed = await this.withLocalLock(() => this.advanceLocal(base, tip));
        if (landed) return { result, commits: tx.commits, attempts: attempt, target, warnings: [] };
        lastReason = `${target} moved on`;
      } catch (error) {
        failed = true;
        if (!isLockContention(error)) throw error;
        lastReason = (error as GitError).stderr.trim().split('\n').at(-1) ?? 'a git lock was held';
      } finally {
        await this.releaseObjects(objects, failed);
      }
    }
    throw new OperationError(
      `gave up after ${settings.pushAttempts} attempts, other writers kept winning (${lastReason}); nothing was recorded by this run — run it again: recording is idempotent`,
    );
  }

  /**
   * Runs `work`, whose operations publish as `apply` always does, one push each, but brings the local
   * branch and its checkout up to what they pushed once, when `work` is done, instead of after every
   * operation; the index is checked once, at the start. A run of several operations (`irac run`,
   * `irac execute`) saves four git processes per operation. Resolves with `work`'s result and the
   * catch-up's warnings; the catch-up happens whether `work` succeeds or throws. Without a remote each
   * commit lands on the local branch itself, and the batch changes nothing.
   */
  async batch<T>(work: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
    if (this.batchOf || !this.remote) return { result: await work(), warnings: [] };
    const batch: Batch = { local: await this.withLocalLock(() => this.checkIndex()) };
    this.batchOf = batch;
    let done = false;
    try {
      const result = await work();
      done = true;
      return { result, warnings: await this.settle(batch) };
    } finally {
      this.batchOf = undefined;
      // What `work` threw is what the caller needs to hear; a checkout left behind only asks for `git pull`.
      if (!done) await this.settle(batch).catch(() => []);
    }
  }

  private async settle(batch: Batch): Promise<string[]> {
    const tip = batch.tip;
    if (tip === undefined) return [];
    return this.withLocalLock(() => this.catchUp(batch.base, tip));
  }

  /**
   * Staged unrelated changes would ride along in a user's next commit: refuse rather than guess.
   * Returns the branch's commit it compared the index with.
   */
  private async checkIndex(): Promise<string | undefined> {
    const head = await this.head();
    const staged = await this.git.stagedPaths(head);
    if (staged.length > 0) {
      const shown = staged.slice(0, 3).join(', ') + (staged.length > 3 ? `, … (${staged.length} paths)` : '');
      throw new InputError(
        this.root,
        `the index has staged changes (${shown}): commit or unstage them first; irac commits only its own files`,
      );
    }
    return head;
  }

  /**
   * Brings the index and working tree from `from` to `to` as a fast-forward would, refusing (and
   * changing nothing) where that would overwrite a local change. Only the files that differ are
   * looked at and written, so the cost follows the change, not the number of incidents; anything but
   * plain files added or modified (a deletion, a link, a mode change) is left to git's read-tree.
   */
  private async syncCheckout(from: string | undefined, to: string): Promise<void> {
    const changes = from === undefined ? undefined : await this.git.changedFiles(from, to);
    const plain = changes?.every(
      (c) => c.newMode === '100644' && (c.status === 'A' || (c.status === 'M' && c.oldMode === '100644')),
    );
    if (!changes || !plain) {
      await this.git.checkoutFastForward(from, to);
      return;
    }
    const blocked = await this.git.localChanges(changes.map((c) => c.path));
    if (blocked.length > 0) {
      throw new InputError(
        join(this.root, blocked[0] ?? INCIDENTS_DIR),
        'has local changes: commit, stash or discard them first; irac will not overwrite them',
      );
    }
    await this.git.checkoutFiles(
      to,
      changes.map((c) => c.path),
    );
  }

  private async remoteBase(local: string | undefined): Promise<string | undefined> {
    const remote = this.remote as string;
    const remoteHead = await this.git.fetchBranch(remote, this.remoteBranch, (ref) => this.refCommit(ref));
    if (remoteHead === undefined) return local; // a fresh remote: the first push creates the branch
    if (local !== undefined && local !== remoteHead && !(await this.isAncestor(local, remoteHead))) {
      throw new InputError(
        this.root,
        `${this.branch} has commits that ${remote}/${this.remoteBranch} lacks: push or drop them first; irac publishes only its own commits`,
      );
    }
    return remoteHead;
  }

  private async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const result = await this.git.run(['merge-base', '--is-ancestor', ancestor, descendant], {
      okCodes: [0, 1],
    });
    return result.exitCode === 0;
  }

  /** Local mode: the branch moves from `base` to `tip` only if nobody moved it meanwhile. */
  private async advanceLocal(base: string | undefined, tip: string): Promise<boolean> {
    if ((await this.head()) !== base) return false;
    await this.syncCheckout(base, tip);
    if (await this.git.compareAndSwapRef(this.branchRef, tip, base, 'irac: record')) return true;
    await this.git.checkoutFastForward(tip, base ?? tip); // put the working tree back; the next attempt redoes it
    return false;
  }

  /**
   * After a push: bring the local branch and its checkout up to the pushed commit when that is safe.
   * A branch still at the operation's base needs no asking: the pushed commits were built on it.
   */
  private async catchUp(base: string | undefined, tip: string): Promise<string[]> {
    const local = await this.head();
    if (local !== undefined && local !== base && !(await this.isAncestor(local, tip))) {
      // Another irac process of this clone may have caught up past this run's commits already.
      if (await this.isAncestor(tip, local)) return [];
      return [`${this.branch} moved while irac worked; it was not updated — run \`git pull\``];
    }
    try {
      await this.syncCheckout(local, tip);
    } catch (error) {
      const why =
        error instanceof GitError
          ? error.stderr.trim().split('\n')[0]
          : error instanceof InputError
            ? `${error.where} has local changes`
            : String(error);
      return [
        `recorded on ${this.remote}/${this.remoteBranch}, but the checkout could not follow (${why}) — run \`git pull\``,
      ];
    }
    await this.git.compareAndSwapRef(this.branchRef, tip, local, 'irac: record');
    return [];
  }

  /**
   * A live execution's place in this clone: first the incident's own lock (a second run of the same
   * incident waits, then finds its steps done), then one of `max` slots (orchestrator.max_concurrent_playbooks).
   * Waits up to `waitMs` for both; locks of a process that died go stale after 30 s. Resolves with the release.
   */
  async holdExecution(incident: string, max: number, waitMs = 15 * 60_000): Promise<() => Promise<void>> {
    if (!isIncidentId(incident))
      throw new InputError(incident, 'is not an incident id (IR-yyyymmdd-xxxxxxxx)');
    const dir = join(this.gitDir, 'irac-executions');
    await mkdir(dir, { recursive: true });
    const deadline = Date.now() + waitMs;
    const options = {
      realpath: false,
      stale: 30_000,
      // A lock whose refresh failed (a stalled disk) must not kill a run in the middle of containment.
      onCompromised: () => {},
    };
    const tryLock = async (name: string) => {
      try {
        return await lockfile.lock(join(dir, name), options);
      } catch (error) {
        if ((error as { code?: string }).code === 'ELOCKED') return undefined;
        throw error;
      }
    };
    const waitForLock = async (names: readonly string[], busy: () => string) => {
      for (;;) {
        for (const name of names) {
          const release = await tryLock(name);
          if (release) return release;
        }
        if (Date.now() >= deadline) throw new OperationError(busy());
        await sleep(100 + Math.random() * 400);
      }
    };
    const own = await waitForLock(
      [incident],
      () =>
        `${incident}: another live run of this incident is still going after ${Math.round(waitMs / 1000)}s of waiting; run again once it ends`,
    );
    try {
      const slots = Array.from({ length: max }, (_, i) => `slot-${i}`);
      const slot = await waitForLock(
        slots,
        () =>
          `${max} playbook execution${max > 1 ? 's are' : ' is'} already running in this clone (orchestrator.max_concurrent_playbooks) after ${Math.round(waitMs / 1000)}s of waiting; run again later`,
      );
      return async () => {
        await slot();
        await own();
      };
    } catch (error) {
      await own();
      throw error;
    }
  }

  /**
   * The object reader and writers, which also read refs. They stay open for the next operation (a
   * pipeline makes four in a row, and starting them is three git processes each time); objects a fetch
   * brings in meanwhile are found all the same, since git looks again for an object it does not know.
   */
  private openObjects(): KeptObjects {
    if (!this.kept) {
      const store = this.git.objects();
      store.catch(() => {}); // awaited by the operation, which meets the failure there
      this.kept = { store, users: 0, idle: undefined };
    }
    const kept = this.kept;
    clearTimeout(kept.idle);
    kept.users++;
    return kept;
  }

  /**
   * Done with `kept`: closed once unused for a while, or as soon as unused after a failure. Unused, it
   * keeps no scratch files, so a process that ends meanwhile leaves nothing behind.
   */
  private async releaseObjects(kept: KeptObjects, failed: boolean): Promise<void> {
    kept.users--;
    if (failed && this.kept === kept) this.kept = undefined; // the next attempt starts afresh
    if (kept.users > 0) return;
    const close = () => {
      if (this.kept === kept) this.kept = undefined;
      return kept.store.then((objects) => objects.close()).catch(() => {}); // a failed start has nothing to close
    };
    if (this.kept !== kept) return close();
    kept.idle = setTimeout(close, OBJECTS_IDLE_MS).unref();
    await kept.store.then((objects) => objects.clearScratch()).catch(() => {});
  }

  /** Serializes changes to the index and working tree between irac processes sharing this clone. */
  private async withLocalLock<T>(work: () => Promise<T>): Promise<T> {
    const release = await lockfile.lock(join(this.gitDir, 'irac'), {
      realpath: false,
      stale: 30_000,
      retries: { retries: 200, minTimeout: 10, maxTimeout: 250, randomize: true },
    });
    try {
      return await work();
    } finally {
      await release();
    }
  }

  private async signer(settings: PublishSettings): Promise<CommitSigner> {
    const identityEnv = await this.identityEnv(settings.committer);
    const git = this.git;
    const signingKey = settings.signingKey;
    return {
      identityEnv,
      signingKey,
      commitTree: (tree, parents, message) =>
        git.commitTree({ tree, parents, message, identityEnv, signingKey }),
    };
  }

  /** git's user.email for this clone, read once: it only decides whether irac needs an identity of its own. */
  private configuredEmail(): Promise<string | undefined> {
    this.userEmail ??= this.git.config('user.email').catch((error: unknown) => {
      this.userEmail = undefined; // asked again next time
      throw error;
    });
    return this.userEmail;
  }

  private async identityEnv(committer: Committer | undefined): Promise<Record<string, string>> {
    const chosen =
      committer ??
      (process.env.GITHUB_ACTIONS === 'true'
        ? GITHUB_ACTIONS_BOT
        : (await this.configuredEmail()) === undefined
          ? { name: 'irac', email: 'irac@localhost' }
          : undefined);
    if (!chosen) return {};
    return {
      GIT_AUTHOR_NAME: chosen.name,
      GIT_AUTHOR_EMAIL: chosen.email,
      GIT_COMMITTER_NAME: chosen.name,
      GIT_COMMITTER_EMAIL: chosen.email,
    };
  }
}

/** Full jitter (AWS's recommendation): uniform in [0, min(max, base · 2^n)). */
export function backoffMs(retry: number, settings: PublishSettings): number {
  return Math.random() * Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** retry);
}
