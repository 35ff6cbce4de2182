export const id = 3349;
export const ids = [3349];
export const modules = {

/***/ 43060:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   XS: () => (/* binding */ GitError)
/* harmony export */ });
/* unused harmony export ObjectStore */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
// All git plumbing behind one class whose methods are named for what the store wants. The store builds
// commits from objects (blobs, trees, commit-tree) and moves refs with compare-and-swap, so it never
// needs the working tree or the index to record an incident, and a user's unrelated changes stay
// untouched. Reads and writes of objects (and reads of refs) go through long-lived `git cat-file
// --batch` and `git hash-object --stdin-paths` processes: one process per kind for an operation and
// the ones that follow it, not one per object.




/** git's own environment for every call: no prompts, untranslated messages, no optional locks. */
const QUIET_ENV = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C', GIT_OPTIONAL_LOCKS: '0' };
class GitError extends Error {
    args;
    exitCode;
    stderr;
    constructor(args, exitCode, stderr) {
        const last = stderr.trim().split('\n').at(-1) ?? '';
        super(`git ${args.find((a) => !a.startsWith('-')) ?? ''} failed (exit ${exitCode})${last ? `: ${last}` : ''}`);
        this.args = args;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
/** Pathspecs per git call: far below any command-line limit. */
const PATHS_PER_CALL = 500;
function collect(child, args) {
    return new Promise((resolve, reject) => {
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', (error) => reject(new GitError(args, 127, `cannot run git: ${error.message}`)));
        child.on('close', (code) => resolve({
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8'),
            exitCode: code ?? 128,
        }));
    });
}
class Git {
    dir;
    baseEnv;
    format;
    constructor(
    /** The working tree's top level (or the repository for a bare one). */
    dir, baseEnv = {}) {
        this.dir = dir;
        this.baseEnv = baseEnv;
    }
    spawn(args, env = {}) {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', args, {
            cwd: this.dir,
            env: { ...process.env, ...QUIET_ENV, ...this.baseEnv, ...env },
            stdio: 'pipe',
        });
    }
    async run(args, options = {}) {
        const child = this.spawn(args, options.env);
        const result = collect(child, args);
        child.stdin.on('error', () => { }); // git may exit before reading all input; its exit code tells.
        child.stdin.end(options.input ?? '');
        const outcome = await result;
        if (!(options.okCodes ?? [0]).includes(outcome.exitCode)) {
            throw new GitError(args, outcome.exitCode, outcome.stderr);
        }
        return outcome;
    }
    /** stdout without its final line break. */
    async output(args, options = {}) {
        return (await this.run(args, options)).stdout.replace(/\n$/, '');
    }
    /** The commit a revision names, or undefined when it names none (an unborn branch, a missing ref). */
    async resolveCommit(rev) {
        const result = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
            okCodes: [0, 1, 128],
        });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    /** `refs/heads/<name>` that HEAD points at, or undefined when HEAD is detached. */
    async currentBranchRef() {
        const result = await this.run(['symbolic-ref', '--quiet', 'HEAD'], { okCodes: [0, 1] });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    async config(key) {
        const result = await this.run(['config', '--get', key], { okCodes: [0, 1] });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    async remotes() {
        return (await this.output(['remote'])).split('\n').filter((name) => name !== '');
    }
    /**
     * Paths whose index entry differs from HEAD (relative to the top level). Index against tree only:
     * no file is stat'ed, and the cache-tree lets git skip unchanged directories, whatever their size.
     */
    async stagedPaths(head) {
        const listing = head
            ? await this.run(['diff-index', '--cached', '--name-only', '-z', '--no-renames', head])
            : await this.run(['ls-files', '-z']);
        return listing.stdout.split('\0').filter((path) => path !== '');
    }
    /** Which of `paths` have local changes: modified, staged, or untracked files in the way. */
    async localChanges(paths) {
        const changed = [];
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
            for (const record of status.stdout.split('\0'))
                if (record.length > 3)
                    changed.push(record.slice(3));
        }
        return changed;
    }
    /** The files that differ between two commits, as `git diff-tree -r` reports them. */
    async changedFiles(from, to) {
        const out = await this.run(['diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', from, to]);
        const fields = out.stdout.split('\0');
        const changes = [];
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
    async checkoutFiles(to, paths) {
        if (paths.length === 0)
            return;
        await this.run([
            '--literal-pathspecs',
            'restore',
            `--source=${to}`,
            '--staged',
            '--worktree',
            '--pathspec-from-file=-',
            '--pathspec-file-nul',
        ], { input: paths.map((path) => `${path}\0`).join('') });
    }
    /**
     * Fetches `branch` from `remote` into its remote-tracking ref and returns the commit it points at
     * (read by `resolve`); undefined when the remote has no such branch yet (a fresh bare repository).
     */
    async fetchBranch(remote, branch, resolve = (ref) => this.resolveCommit(ref)) {
        const tracking = `refs/remotes/${remote}/${branch}`;
        const args = ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--end-of-options', remote];
        const result = await this.run([...args, `+refs/heads/${branch}:${tracking}`], { okCodes: [0, 128] });
        if (result.exitCode === 0)
            return resolve(tracking);
        if (/couldn't find remote ref/.test(result.stderr))
            return undefined;
        throw new GitError(args, result.exitCode, result.stderr);
    }
    /**
     * Pushes `commit` to `branch` on `remote`. A rejection because the remote moved on (non-fast-forward,
     * a lost race for the ref's lock) is retryable; anything else (a hook, a protected branch, no access)
     * is not, and says why.
     */
    async push(remote, commit, branch) {
        const result = await this.run(['push', '--porcelain', '--no-verify', '--end-of-options', remote, `${commit}:refs/heads/${branch}`], { okCodes: [0, 1, 128] });
        if (result.exitCode === 0)
            return { ok: true };
        const statusLine = result.stdout.split('\n').find((line) => /^[!=*+ -]\t/.test(line));
        const reason = (statusLine?.split('\t')[2] ??
            result.stderr.trim().split('\n').at(-1) ??
            'push failed').trim();
        const raced = /\[rejected\] \((fetch first|non-fast-forward|stale info)\)/.test(reason) ||
            /\[remote rejected\] \((failed to update ref|failed to lock|cannot lock ref|incorrect old value provided)/.test(reason) ||
            /cannot lock ref|failed to lock|incorrect old value/.test(result.stderr);
        return { ok: false, retryable: raced, reason };
    }
    async commitTree(request) {
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
    async compareAndSwapRef(ref, next, previous, reason) {
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
    async checkoutFastForward(from, to) {
        await this.run(from ? ['read-tree', '-m', '-u', from, to] : ['read-tree', '-m', '-u', to]);
    }
    /** A repository's object format never changes: asked once per Git, not once per operation. */
    objectFormat() {
        this.format ??= this.output(['rev-parse', '--show-object-format']).then((format) => (format === 'sha256' ? 'sha256' : 'sha1'), (error) => {
            this.format = undefined; // a failed call (a full disk) is asked again next time
            throw error;
        });
        return this.format;
    }
    /** A reader and writer of objects (and reader of refs); close it when done. */
    async objects() {
        return new ObjectStore(this, await this.objectFormat());
    }
}
/**
 * Request/response over a long-lived git process. Requests are serialized; responses are read from
 * a buffer by the parser that knows their shape. Between requests the process does not keep this one
 * alive: an object store kept open between operations must not hold up the end of a command.
 */
class GitPipe {
    child;
    buffered = Buffer.alloc(0);
    wake;
    failure;
    queue = Promise.resolve();
    stderr = '';
    pending = 0;
    constructor(git, args) {
        this.child = git.spawn(args);
        this.child.stdout.on('data', (chunk) => {
            this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
            this.wake?.();
        });
        this.child.stderr.on('data', (chunk) => {
            this.stderr += chunk.toString('utf8');
        });
        const fail = (error) => {
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
    exchange(request, parse) {
        if (this.failure)
            return Promise.reject(this.failure);
        if (this.pending++ === 0)
            this.keepAlive(true);
        this.child.stdin.write(request);
        const next = this.queue.then(() => parse());
        this.queue = next
            .catch(() => { })
            .finally(() => {
            if (--this.pending === 0)
                this.keepAlive(false);
        });
        return next;
    }
    /** Whether the process and its pipes keep this process's event loop running. */
    keepAlive(on) {
        const { child } = this;
        for (const handle of [child, child.stdin, child.stdout, child.stderr]) {
            if (on)
                handle.ref();
            else
                handle.unref();
        }
    }
    async waitFor(bytes) {
        for (;;) {
            const end = bytes === 'line' ? this.buffered.indexOf(0x0a) : this.buffered.length >= bytes ? bytes : -1;
            if (end !== -1)
                return end;
            if (this.failure)
                throw this.failure;
            await new Promise((resolve) => {
                this.wake = resolve;
            });
            this.wake = undefined;
        }
    }
    async readLine() {
        const end = await this.waitFor('line');
        const line = this.buffered.toString('utf8', 0, end);
        this.buffered = this.buffered.subarray(end + 1);
        return line;
    }
    async readBytes(count) {
        await this.waitFor(count);
        const bytes = Buffer.from(this.buffered.subarray(0, count));
        this.buffered = this.buffered.subarray(count);
        return bytes;
    }
    async close() {
        if (this.child.exitCode !== null || this.child.signalCode !== null)
            return;
        const closed = new Promise((resolve) => this.child.once('close', () => resolve()));
        this.keepAlive(true); // whoever awaits the close must see it
        this.child.stdin.end();
        await closed;
    }
}
/** Reads and writes git objects through three long-lived processes, started on first use. */
class ObjectStore {
    git;
    reader;
    writers = new Map();
    scratch;
    hashBytes;
    constructor(git, format) {
        this.git = git;
        this.hashBytes = format === 'sha256' ? 32 : 20;
    }
    /** The object `spec` names (`<sha>`, `<commit>:<path>`), or undefined when there is none. */
    read(spec) {
        this.reader ??= new GitPipe(this.git, ['cat-file', '--batch']);
        const pipe = this.reader;
        return pipe.exchange(`${spec}\n`, async () => {
            const header = await pipe.readLine();
            const match = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
            if (!match)
                return undefined; // `<spec> missing` or `ambiguous`
            const content = await pipe.readBytes(Number(match[3]));
            await pipe.readBytes(1); // the line break after the content
            return { sha: match[1], type: match[2], content };
        });
    }
    /**
     * The commit `rev` names, or undefined when it names none: what `git rev-parse --verify` answers,
     * without a process of its own. git reads a ref afresh on every request, so a long-lived reader sees
     * every move of it.
     */
    async resolveCommit(rev) {
        const object = await this.read(`${rev}^{commit}`);
        return object?.type === 'commit' ? object.sha : undefined;
    }
    async readBlob(spec) {
        const object = await this.read(spec);
        return object?.type === 'blob' ? object.content : undefined;
    }
    async readTree(spec) {
        const object = await this.read(spec);
        return object?.type === 'tree' ? parseTree(object.content, this.hashBytes) : undefined;
    }
    /**
     * Writes an object through `git hash-object -w --stdin-paths`, one long-lived process per type: the
     * content goes through a scratch file, since hash-object reads objects from paths, not a stream.
     */
    async writeObject(type, content) {
        let pipe = this.writers.get(type);
        if (!pipe) {
            // --no-filters: stored byte for byte, whatever .gitattributes say (evidence must not be converted).
            pipe = new GitPipe(this.git, ['hash-object', '-w', '-t', type, '--no-filters', '--stdin-paths']);
            this.writers.set(type, pipe);
        }
        this.scratch ??= { dir: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'irac-objects-')), count: 0 };
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.scratch.dir, String(this.scratch.count++));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, content);
        const writer = pipe;
        const sha = await writer.exchange(`${file}\n`, () => writer.readLine());
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file);
        return sha;
    }
    writeBlob(content) {
        return this.writeObject('blob', content);
    }
    /**
     * Writes a tree object from its entries, serialized here in git's format (sorted as git sorts,
     * directories compared as if their names ended in `/`): `git mktree` would look up every entry's
     * object, which in a month holding thousands of incidents costs more than the whole rest of a commit.
     */
    writeTree(entries) {
        const key = (e) => Buffer.from(e.type === 'tree' ? `${e.name}/` : e.name, 'latin1');
        const sorted = [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
        const parts = [];
        for (const entry of sorted) {
            const mode = entry.type === 'tree' ? '40000' : entry.mode.replace(/^0+/, '');
            parts.push(Buffer.from(`${mode} ${entry.name}\0`, 'latin1'), Buffer.from(entry.sha, 'hex'));
        }
        return this.writeObject('tree', Buffer.concat(parts));
    }
    /** Removes the scratch directory writes go through (made again by the next write): between operations. */
    async clearScratch() {
        const scratch = this.scratch;
        this.scratch = undefined;
        if (scratch)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(scratch.dir, { recursive: true, force: true });
    }
    async close() {
        await Promise.all([this.reader?.close(), ...[...this.writers.values()].map((pipe) => pipe.close())]);
        await this.clearScratch();
        this.reader = undefined;
        this.writers.clear();
    }
}
function entryType(mode) {
    if (mode === '40000' || mode === '040000')
        return 'tree';
    if (mode === '160000')
        return 'commit';
    return 'blob';
}
function parseTree(content, hashBytes) {
    const entries = [];
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
//# sourceMappingURL=git.js.map

/***/ }),

/***/ 81720:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rr: () => (/* binding */ serializeIncident),
/* harmony export */   W2: () => (/* binding */ addEvent),
/* harmony export */   pF: () => (/* binding */ openIncident),
/* harmony export */   w4: () => (/* binding */ parseIncident)
/* harmony export */ });
/* unused harmony export higherSeverity */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65071);
/* harmony import */ var _validation_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69839);
// incident.yaml: reading it back (validated against schemas/incident.schema.json) and writing it in a
// fixed key order, so that two runs that reach the same state write the same bytes.



const HEADER = '# Written by irac: every version is hashed into audit.jsonl, so a hand edit fails `irac verify`.\n';
function parseIncident(text, path) {
    let value;
    try {
        value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { uniqueKeys: true, maxAliasCount: 0 });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, `is not valid YAML: ${error.message.split('\n')[0]}`);
    }
    const validate = (0,_validation_js__WEBPACK_IMPORTED_MODULE_2__/* .incidentValidator */ .$I)();
    if (!validate(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, `is not a valid incident: ${(0,_validation_js__WEBPACK_IMPORTED_MODULE_2__/* .describeErrors */ .rg)(validate.errors)}`);
    return value;
}
function serializeIncident(incident) {
    const ordered = {
        id: incident.id,
        title: incident.title,
        status: incident.status,
        severity: incident.severity,
        score: incident.score,
        playbook: incident.playbook,
        decision: incident.decision,
        fingerprint: incident.fingerprint,
        timestamps: {
            detected: incident.timestamps.detected,
            opened: incident.timestamps.opened,
            updated: incident.timestamps.updated,
            acknowledged: incident.timestamps.acknowledged,
            triaged: incident.timestamps.triaged,
            contained: incident.timestamps.contained,
            resolved: incident.timestamps.resolved,
        },
        events: incident.events,
        vendors: incident.vendors,
        kinds: incident.kinds,
        resources: incident.resources,
        actors: incident.actors,
        accounts: incident.accounts,
        approvals: incident.approvals,
        notifications: incident.notifications,
    };
    return HEADER + (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(ordered, { lineWidth: 0, aliasDuplicateObjects: false });
}
const SEVERITY_RANK = { low: 0, medium: 1, high: 2, critical: 3 };
function higherSeverity(a, b) {
    return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}
const LIST_LIMIT = 20;
function withDistinct(list, value) {
    if (value === undefined || list.includes(value) || list.length >= LIST_LIMIT)
        return [...list];
    return [...list, value];
}
function earlier(a, b) {
    return Date.parse(b) < Date.parse(a) ? b : a;
}
/** A new incident holding its first event. */
function openIncident(id, event, at) {
    return addEvent({
        id,
        title: event.title,
        status: 'open',
        severity: event.severity,
        score: null,
        playbook: null,
        decision: null,
        fingerprint: event.fingerprint,
        timestamps: {
            detected: event.timestamp,
            opened: at,
            updated: at,
            acknowledged: null,
            triaged: null,
            contained: null,
            resolved: null,
        },
        events: 0,
        vendors: [],
        kinds: [],
        resources: [],
        actors: [],
        accounts: [],
        approvals: [],
        notifications: {},
    }, event, at);
}
/** The incident with one more event: severity raised to the highest, summaries extended. */
function addEvent(incident, event, at) {
    return {
        ...incident,
        severity: higherSeverity(incident.severity, event.severity),
        timestamps: {
            ...incident.timestamps,
            detected: earlier(incident.timestamps.detected, event.timestamp),
            updated: at,
        },
        events: incident.events + 1,
        vendors: withDistinct(incident.vendors, event.vendor),
        kinds: withDistinct(incident.kinds, event.kind),
        resources: withDistinct(incident.resources, event.resource),
        actors: withDistinct(incident.actors, event.actor),
        accounts: withDistinct(incident.accounts, event.account),
    };
}
//# sourceMappingURL=incident.js.map

/***/ })

};
