export const id = 9824;
export const ids = [9824];
export const modules = {

/***/ 19824:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ IncidentRepository)
});

// UNUSED EXPORTS: backoffMs

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./node_modules/proper-lockfile/index.js
var proper_lockfile = __webpack_require__(83648);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/store/git.js
var store_git = __webpack_require__(43060);
// EXTERNAL MODULE: ./lib/src/store/layout.js
var layout = __webpack_require__(32064);
;// CONCATENATED MODULE: ./lib/src/store/transaction.js
// One operation's view of the repository: reads come from the commit it started from (plus what it
// has written), writes accumulate until `commit()` turns them into a commit object. Nothing touches a
// ref, the index or the working tree; publishing the commits is the repository's job.
const ONE_LINE = /[\r\n\u2028\u2029]/g;
/** A commit message whose last paragraph is git trailers (`git interpret-trailers` reads it back). */
function commitMessage(spec) {
    const paragraphs = [spec.subject.replace(ONE_LINE, ' ')];
    if (spec.body && spec.body.length > 0)
        paragraphs.push(spec.body.map((l) => l.replace(ONE_LINE, ' ')).join('\n'));
    paragraphs.push(spec.trailers.map((t) => `${t.key}: ${t.value.replace(ONE_LINE, ' ')}`).join('\n'));
    return `${paragraphs.join('\n\n')}\n`;
}
class Transaction {
    objects;
    base;
    signer;
    /** Everything written in this operation, for reads that must see it. */
    written = new Map();
    /** Written since the last commit. */
    pending = new Map();
    headTree;
    treeResolved = false;
    head;
    commits = [];
    constructor(objects, 
    /** The commit the operation starts from; undefined in a repository without commits. */
    base, signer) {
        this.objects = objects;
        this.base = base;
        this.signer = signer;
        this.head = base;
    }
    /** The file's bytes at the base commit, as changed by this operation; undefined when absent. */
    async read(path) {
        const written = this.written.get(path);
        if (written)
            return written;
        return this.base === undefined ? undefined : this.objects.readBlob(`${this.base}:${path}`);
    }
    async readText(path) {
        return (await this.read(path))?.toString('utf8');
    }
    write(path, content) {
        const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
        this.written.set(path, bytes);
        this.pending.set(path, bytes);
    }
    /** The last commit made, or the base when none was. */
    get tip() {
        return this.head;
    }
    /** Turns the writes since the last commit into one commit on top of it. */
    async commit(spec) {
        if (!this.treeResolved) {
            this.headTree =
                this.base === undefined ? undefined : (await this.objects.read(`${this.base}^{tree}`))?.sha;
            this.treeResolved = true;
        }
        const changes = new Map();
        for (const [path, bytes] of this.pending)
            changes.set(path, { blob: await this.objects.writeBlob(bytes) });
        const tree = (await writeTreeWith(this.objects, this.headTree, changes)) ?? (await this.objects.writeTree([]));
        const parents = this.head === undefined ? [] : [this.head];
        const commit = await this.signer.commitTree(tree, parents, commitMessage(spec));
        this.head = commit;
        this.headTree = tree;
        this.pending = new Map();
        this.commits.push(commit);
        return commit;
    }
}
/**
 * The tree `base` becomes with `changes` (path → new blob, or null to delete) applied; only the trees
 * along changed paths are read and rewritten. Undefined when the result is empty.
 */
function writeTreeWith(objects, base, changes) {
    // Tree entry names are bytes, carried as latin1 strings (see TreeEntry); paths here are text (UTF-8).
    const asBytes = new Map([...changes].map(([path, change]) => [Buffer.from(path, 'utf8').toString('latin1'), change]));
    return editTree(objects, base, asBytes);
}
async function editTree(objects, base, changes) {
    const entries = new Map();
    if (base !== undefined) {
        for (const entry of (await objects.readTree(base)) ?? [])
            entries.set(entry.name, entry);
    }
    const below = new Map();
    for (const [path, change] of changes) {
        const slash = path.indexOf('/');
        if (slash === -1) {
            if (change === null)
                entries.delete(path);
            else
                entries.set(path, { mode: '100644', type: 'blob', sha: change.blob, name: path });
            continue;
        }
        const name = path.slice(0, slash);
        const group = below.get(name) ?? new Map();
        below.set(name, group);
        group.set(path.slice(slash + 1), change);
    }
    for (const [name, group] of below) {
        const existing = entries.get(name);
        const subtree = await editTree(objects, existing?.type === 'tree' ? existing.sha : undefined, group);
        if (subtree === undefined)
            entries.delete(name);
        else
            entries.set(name, { mode: '040000', type: 'tree', sha: subtree, name });
    }
    if (entries.size === 0)
        return undefined;
    return objects.writeTree([...entries.values()]);
}
//# sourceMappingURL=transaction.js.map
;// CONCATENATED MODULE: ./lib/src/store/repository.js
// The repository an incident store lives in, and the one way to change it: `apply(operation)`.
//
// Optimistic concurrency. Each attempt starts from the freshest state (the remote's branch after a
// fetch, or the local branch when there is no remote), runs the operation against it, and publishes
// the resulting commits with a compare-and-swap: a push that is a fast-forward, or `update-ref` with
// the old value. When another writer got there first, the attempt is thrown away and the operation
// runs again on the new state, after a jittered exponential backoff. Incident files are never merged
// as text, and an operation that finds its work already done (an event already recorded) is a no-op,
// so a re-run after any failure is safe.








const GITHUB_ACTIONS_BOT = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
};
/** Failures of git's own locks (a concurrent fetch, a concurrent `git status`): worth another attempt. */
function isLockContention(error) {
    return (error instanceof store_git/* GitError */.XS &&
        /cannot lock ref|Unable to create '.*\.lock'|unable to lock/i.test(error.stderr));
}
/** How long an unused object store stays open, waiting for the next operation. */
const OBJECTS_IDLE_MS = 1000;
class IncidentRepository {
    git;
    root;
    gitDir;
    branchRef;
    remote;
    remoteBranch;
    userEmail;
    kept;
    batchOf;
    constructor(git, 
    /** The working tree's top level. */
    root, gitDir, branchRef, 
    /** The remote to publish to, or undefined: commit locally only. */
    remote, 
    /** The branch's name on the remote. */
    remoteBranch) {
        this.git = git;
        this.root = root;
        this.gitDir = gitDir;
        this.branchRef = branchRef;
        this.remote = remote;
        this.remoteBranch = remoteBranch;
    }
    /** Opens the repository containing `dir` (any subdirectory works); refuses anything else clearly. */
    static async open(dir) {
        const info = await (0,promises_.stat)(dir).catch(() => undefined);
        if (!info)
            throw new errors/* InputError */.dz(dir, 'no such directory');
        if (!info.isDirectory())
            throw new errors/* InputError */.dz(dir, 'is not a directory');
        const probe = await new store_git/* Git */.TU(dir).run(['rev-parse', '--is-bare-repository', '--absolute-git-dir'], {
            okCodes: [0, 128],
        });
        if (probe.exitCode !== 0) {
            throw new errors/* InputError */.dz(dir, 'is not in a git repository (run `git init`, or point --repo at one)');
        }
        const [bare, gitDir] = probe.stdout.trim().split('\n');
        if (bare === 'true' || !gitDir) {
            throw new errors/* InputError */.dz(dir, 'is a bare repository: irac records incidents in a clone with a working tree');
        }
        const root = await new store_git/* Git */.TU(dir).output(['rev-parse', '--show-toplevel']);
        const git = new store_git/* Git */.TU(root);
        // Questions that do not depend on each other are asked at once: a workflow opens the store per event.
        const [branchRef, remotes] = await Promise.all([git.currentBranchRef(), git.remotes()]);
        if (!branchRef) {
            throw new errors/* InputError */.dz(root, 'HEAD is detached: check out the branch incidents are recorded on (e.g. `git switch main`)');
        }
        const branch = branchRef.replace(/^refs\/heads\//, '');
        const [configured, merge] = await Promise.all([
            git.config(`branch.${branch}.remote`),
            git.config(`branch.${branch}.merge`),
        ]);
        const remote = configured && remotes.includes(configured)
            ? configured
            : remotes.includes('origin')
                ? 'origin'
                : undefined;
        const remoteBranch = merge?.startsWith('refs/heads/') ? merge.slice('refs/heads/'.length) : branch;
        return new IncidentRepository(git, root, gitDir, branchRef, remote, remoteBranch);
    }
    get branch() {
        return this.branchRef.replace(/^refs\/heads\//, '');
    }
    /** The commit incidents are read from: the local branch (a fresh remote state arrives with `apply`). */
    async head() {
        return this.refCommit(this.branchRef);
    }
    /** What `ref` points at now, asked of the kept object reader rather than of a git process of its own. */
    async refCommit(ref) {
        const objects = this.openObjects();
        let failed = false;
        try {
            return await (await objects.store).resolveCommit(ref);
        }
        catch (error) {
            failed = true;
            throw error;
        }
        finally {
            await this.releaseObjects(objects, failed);
        }
    }
    /**
     * Runs `operation` against the freshest state and publishes the commits it makes, again and again
     * until it lands, the attempts run out, or something that is not a race stops it.
     */
    async apply(operation, settings) {
        // Under the lock: another irac process in this clone may be between moving the index and the ref.
        // The branch read there serves the first attempt: should a writer move it meanwhile, publishing
        // notices (a refused push or compare-and-swap) and the next attempt reads it again.
        let local = this.batchOf ? this.batchOf.local : await this.withLocalLock(() => this.checkIndex());
        const signer = await this.signer(settings);
        const target = this.remote ? `${this.remote}/${this.remoteBranch}` : this.branch;
        let lastReason = '';
        for (let attempt = 1; attempt <= settings.pushAttempts; attempt++) {
            if (attempt > 1)
                await (0,external_node_timers_promises_.setTimeout)(backoffMs(attempt - 1, settings));
            const objects = this.openObjects();
            let failed = false;
            try {
                if (attempt > 1)
                    local = await this.head();
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
                            throw new errors/* OperationError */.OK(`${this.remote} refused the push to ${this.remoteBranch}: ${pushed.reason}; nothing was recorded`);
                        }
                        lastReason = `${target} moved on (${pushed.reason})`;
                        if (this.batchOf)
                            this.batchOf.contended = true;
                        continue;
                    }
                    if (batch) {
                        if (batch.tip === undefined)
                            batch.base = base;
                        batch.tip = tip;
                        return { result, commits: tx.commits, attempts: attempt, target, warnings: [] };
                    }
                    const warnings = await this.withLocalLock(() => this.catchUp(base, tip));
                    return { result, commits: tx.commits, attempts: attempt, target, warnings };
                }
                const landed = await this.withLocalLock(() => this.advanceLocal(base, tip));
                if (landed)
                    return { result, commits: tx.commits, attempts: attempt, target, warnings: [] };
                lastReason = `${target} moved on`;
            }
            catch (error) {
                failed = true;
                if (!isLockContention(error))
                    throw error;
                lastReason = error.stderr.trim().split('\n').at(-1) ?? 'a git lock was held';
            }
            finally {
                await this.releaseObjects(objects, failed);
            }
        }
        throw new errors/* OperationError */.OK(`gave up after ${settings.pushAttempts} attempts, other writers kept winning (${lastReason}); nothing was recorded by this run — run it again: recording is idempotent`);
    }
    /**
     * Runs `work`, whose operations publish as `apply` always does, one push each, but brings the local
     * branch and its checkout up to what they pushed once, when `work` is done, instead of after every
     * operation; the index is checked once, at the start. A run of several operations (`irac run`,
     * `irac execute`) saves four git processes per operation. Resolves with `work`'s result and the
     * catch-up's warnings; the catch-up happens whether `work` succeeds or throws. Without a remote each
     * commit lands on the local branch itself, and the batch changes nothing.
     */
    async batch(work) {
        if (this.batchOf || !this.remote)
            return { result: await work(), warnings: [] };
        const batch = { local: await this.withLocalLock(() => this.checkIndex()) };
        this.batchOf = batch;
        let done = false;
        try {
            const result = await work();
            done = true;
            return { result, warnings: await this.settle(batch) };
        }
        finally {
            this.batchOf = undefined;
            // What `work` threw is what the caller needs to hear; a checkout left behind only asks for `git pull`.
            if (!done)
                await this.settle(batch).catch(() => []);
        }
    }
    async settle(batch) {
        const tip = batch.tip;
        if (tip === undefined)
            return [];
        return this.withLocalLock(() => this.catchUp(batch.base, tip));
    }
    /**
     * Staged unrelated changes would ride along in a user's next commit: refuse rather than guess.
     * Returns the branch's commit it compared the index with.
     */
    async checkIndex() {
        const head = await this.head();
        const staged = await this.git.stagedPaths(head);
        if (staged.length > 0) {
            const shown = staged.slice(0, 3).join(', ') + (staged.length > 3 ? `, … (${staged.length} paths)` : '');
            throw new errors/* InputError */.dz(this.root, `the index has staged changes (${shown}): commit or unstage them first; irac commits only its own files`);
        }
        return head;
    }
    /**
     * Brings the index and working tree from `from` to `to` as a fast-forward would, refusing (and
     * changing nothing) where that would overwrite a local change. Only the files that differ are
     * looked at and written, so the cost follows the change, not the number of incidents; anything but
     * plain files added or modified (a deletion, a link, a mode change) is left to git's read-tree.
     */
    async syncCheckout(from, to) {
        const changes = from === undefined ? undefined : await this.git.changedFiles(from, to);
        const plain = changes?.every((c) => c.newMode === '100644' && (c.status === 'A' || (c.status === 'M' && c.oldMode === '100644')));
        if (!changes || !plain) {
            await this.git.checkoutFastForward(from, to);
            return;
        }
        const blocked = await this.git.localChanges(changes.map((c) => c.path));
        if (blocked.length > 0) {
            throw new errors/* InputError */.dz((0,external_node_path_.join)(this.root, blocked[0] ?? layout/* INCIDENTS_DIR */.k9), 'has local changes: commit, stash or discard them first; irac will not overwrite them');
        }
        await this.git.checkoutFiles(to, changes.map((c) => c.path));
    }
    async remoteBase(local) {
        const remote = this.remote;
        const remoteHead = await this.git.fetchBranch(remote, this.remoteBranch, (ref) => this.refCommit(ref));
        if (remoteHead === undefined)
            return local; // a fresh remote: the first push creates the branch
        if (local !== undefined && local !== remoteHead && !(await this.isAncestor(local, remoteHead))) {
            throw new errors/* InputError */.dz(this.root, `${this.branch} has commits that ${remote}/${this.remoteBranch} lacks: push or drop them first; irac publishes only its own commits`);
        }
        return remoteHead;
    }
    async isAncestor(ancestor, descendant) {
        const result = await this.git.run(['merge-base', '--is-ancestor', ancestor, descendant], {
            okCodes: [0, 1],
        });
        return result.exitCode === 0;
    }
    /** Local mode: the branch moves from `base` to `tip` only if nobody moved it meanwhile. */
    async advanceLocal(base, tip) {
        if ((await this.head()) !== base)
            return false;
        await this.syncCheckout(base, tip);
        if (await this.git.compareAndSwapRef(this.branchRef, tip, base, 'irac: record'))
            return true;
        await this.git.checkoutFastForward(tip, base ?? tip); // put the working tree back; the next attempt redoes it
        return false;
    }
    /**
     * After a push: bring the local branch and its checkout up to the pushed commit when that is safe.
     * A branch still at the operation's base needs no asking: the pushed commits were built on it.
     */
    async catchUp(base, tip) {
        const local = await this.head();
        if (local !== undefined && local !== base && !(await this.isAncestor(local, tip))) {
            // Another irac process of this clone may have caught up past this run's commits already.
            if (await this.isAncestor(tip, local))
                return [];
            return [`${this.branch} moved while irac worked; it was not updated — run \`git pull\``];
        }
        try {
            await this.syncCheckout(local, tip);
        }
        catch (error) {
            const why = error instanceof store_git/* GitError */.XS
                ? error.stderr.trim().split('\n')[0]
                : error instanceof errors/* InputError */.dz
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
    async holdExecution(incident, max, waitMs = 15 * 60_000) {
        if (!(0,layout/* isIncidentId */.iX)(incident))
            throw new errors/* InputError */.dz(incident, 'is not an incident id (IR-yyyymmdd-xxxxxxxx)');
        const dir = (0,external_node_path_.join)(this.gitDir, 'irac-executions');
        await (0,promises_.mkdir)(dir, { recursive: true });
        const deadline = Date.now() + waitMs;
        const options = {
            realpath: false,
            stale: 30_000,
            // A lock whose refresh failed (a stalled disk) must not kill a run in the middle of containment.
            onCompromised: () => { },
        };
        const tryLock = async (name) => {
            try {
                return await proper_lockfile.lock((0,external_node_path_.join)(dir, name), options);
            }
            catch (error) {
                if (error.code === 'ELOCKED')
                    return undefined;
                throw error;
            }
        };
        const waitForLock = async (names, busy) => {
            for (;;) {
                for (const name of names) {
                    const release = await tryLock(name);
                    if (release)
                        return release;
                }
                if (Date.now() >= deadline)
                    throw new errors/* OperationError */.OK(busy());
                await (0,external_node_timers_promises_.setTimeout)(100 + Math.random() * 400);
            }
        };
        const own = await waitForLock([incident], () => `${incident}: another live run of this incident is still going after ${Math.round(waitMs / 1000)}s of waiting; run again once it ends`);
        try {
            const slots = Array.from({ length: max }, (_, i) => `slot-${i}`);
            const slot = await waitForLock(slots, () => `${max} playbook execution${max > 1 ? 's are' : ' is'} already running in this clone (orchestrator.max_concurrent_playbooks) after ${Math.round(waitMs / 1000)}s of waiting; run again later`);
            return async () => {
                await slot();
                await own();
            };
        }
        catch (error) {
            await own();
            throw error;
        }
    }
    /**
     * The object reader and writers, which also read refs. They stay open for the next operation (a
     * pipeline makes four in a row, and starting them is three git processes each time); objects a fetch
     * brings in meanwhile are found all the same, since git looks again for an object it does not know.
     */
    openObjects() {
        if (!this.kept) {
            const store = this.git.objects();
            store.catch(() => { }); // awaited by the operation, which meets the failure there
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
    async releaseObjects(kept, failed) {
        kept.users--;
        if (failed && this.kept === kept)
            this.kept = undefined; // the next attempt starts afresh
        if (kept.users > 0)
            return;
        const close = () => {
            if (this.kept === kept)
                this.kept = undefined;
            return kept.store.then((objects) => objects.close()).catch(() => { }); // a failed start has nothing to close
        };
        if (this.kept !== kept)
            return close();
        kept.idle = setTimeout(close, OBJECTS_IDLE_MS).unref();
        await kept.store.then((objects) => objects.clearScratch()).catch(() => { });
    }
    /** Serializes changes to the index and working tree between irac processes sharing this clone. */
    async withLocalLock(work) {
        const release = await proper_lockfile.lock((0,external_node_path_.join)(this.gitDir, 'irac'), {
            realpath: false,
            stale: 30_000,
            retries: { retries: 200, minTimeout: 10, maxTimeout: 250, randomize: true },
        });
        try {
            return await work();
        }
        finally {
            await release();
        }
    }
    async signer(settings) {
        const identityEnv = await this.identityEnv(settings.committer);
        const git = this.git;
        const signingKey = settings.signingKey;
        return {
            identityEnv,
            signingKey,
            commitTree: (tree, parents, message) => git.commitTree({ tree, parents, message, identityEnv, signingKey }),
        };
    }
    /** git's user.email for this clone, read once: it only decides whether irac needs an identity of its own. */
    configuredEmail() {
        this.userEmail ??= this.git.config('user.email').catch((error) => {
            this.userEmail = undefined; // asked again next time
            throw error;
        });
        return this.userEmail;
    }
    async identityEnv(committer) {
        const chosen = committer ??
            (process.env.GITHUB_ACTIONS === 'true'
                ? GITHUB_ACTIONS_BOT
                : (await this.configuredEmail()) === undefined
                    ? { name: 'irac', email: 'irac@localhost' }
                    : undefined);
        if (!chosen)
            return {};
        return {
            GIT_AUTHOR_NAME: chosen.name,
            GIT_AUTHOR_EMAIL: chosen.email,
            GIT_COMMITTER_NAME: chosen.name,
            GIT_COMMITTER_EMAIL: chosen.email,
        };
    }
}
/** Full jitter (AWS's recommendation): uniform in [0, min(max, base · 2^n)). */
function backoffMs(retry, settings) {
    return Math.random() * Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** retry);
}
//# sourceMappingURL=repository.js.map

/***/ })

};
