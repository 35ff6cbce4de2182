export const id = 9731;
export const ids = [9731];
export const modules = {

/***/ 29731:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyCommand: () => (/* binding */ verifyCommand)
});

// EXTERNAL MODULE: ./lib/src/config/config.js + 1 modules
var config_config = __webpack_require__(96435);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
// EXTERNAL MODULE: ./lib/src/digest.js
var src_digest = __webpack_require__(24880);
// EXTERNAL MODULE: ./lib/src/json.js
var json = __webpack_require__(38674);
// EXTERNAL MODULE: ./lib/src/store/audit.js
var audit = __webpack_require__(5611);
// EXTERNAL MODULE: ./lib/src/store/incident.js
var store_incident = __webpack_require__(81720);
// EXTERNAL MODULE: ./lib/src/store/layout.js
var layout = __webpack_require__(32064);
// EXTERNAL MODULE: ./lib/src/store/readme.js
var store_readme = __webpack_require__(62248);
;// CONCATENATED MODULE: ./lib/src/forensics/verify.js
// `irac verify`: is the incident store what irac's operations, and only they, made of it?
//
// What is checked, and what each check catches:
// - every audit chain links and hashes (a changed byte, a deleted, inserted or reordered line);
// - every file of an incident is accounted for by its chain: evidence and normalized events by the
//   sha256 their ingest entry recorded, incident.yaml by the hash of its last version, README.md by
//   rendering it again — so an edit anywhere under incidents/ shows;
// - documents written by later operations (triage.json) are the versions their entries recorded;
// - the index files agree with the incidents (an event recorded twice, a dangling pointer, a history
//   index missing an incident or naming one that does not have the key);
// - history: each commit touching incidents/ carries irac's trailers and appends exactly the audit
//   entry it names, to the incident it names, and each audit entry has that commit — a hand-made
//   commit, a rewritten message, an entry smuggled into an existing commit all show;
// - signatures, when an allowed-signers file is configured: each such commit is signed by a key the
//   file allows (and, with require_signed, an unsigned one is a problem too).
// Problems read `path:line: what` (or `commit <sha>: what`), sorted, so two runs diff cleanly.











const TRAILERS = ['Incident-Id', 'Irac-Action', 'Irac-Actor', 'Irac-Audit'];
const INCIDENTS_IN_FLIGHT = 32;
async function verifyStore(git, options) {
    const head = await git.resolveCommit('HEAD');
    if (head === undefined)
        return { head, incidents: 0, events: 0, commits: 0, signed: 0, problems: [] };
    if ((await git.output(['rev-parse', '--is-shallow-repository'])) === 'true') {
        throw new errors/* OperationError */.OK(`${git.dir} is a shallow clone: verify needs the whole history (\`git fetch --unshallow\`, or actions/checkout with fetch-depth: 0)`);
    }
    const objects = await git.objects();
    try {
        const problems = [];
        const { incidents, eventIndex, keyIndex } = await listStore(git, head, problems);
        const chains = new Map();
        const parsed = new Map();
        // The history walk runs in git while the incidents are checked here; commits are matched after.
        const history = readHistory(git, objects, head, options, problems);
        history.catch(() => { }); // awaited below; a failure must not count as unhandled meanwhile
        let events = 0;
        let done = 0;
        const ids = [...incidents.keys()];
        for (let at = 0; at < ids.length; at += INCIDENTS_IN_FLIGHT) {
            // Several incidents at once, so their object reads are pipelined to cat-file.
            await Promise.all(ids.slice(at, at + INCIDENTS_IN_FLIGHT).map(async (id) => {
                const files = incidents.get(id);
                events += files.events.size;
                const { chain, incident } = await verifyIncident(objects, id, files, problems);
                chains.set(id, chain);
                if (incident)
                    parsed.set(id, incident);
            }));
            done = Math.min(at + INCIDENTS_IN_FLIGHT, ids.length);
            options.onProgress?.('incidents', done, ids.length);
        }
        await verifyIndex(objects, incidents, eventIndex, problems);
        await verifyKeyIndexes(objects, parsed, keyIndex, problems);
        const { commits, signed } = await history;
        for (const commit of commits)
            checkCommit(commit, chains, problems);
        for (const [id, chain] of chains) {
            for (const { line, claimedBy } of chain.values()) {
                if (!claimedBy) {
                    problems.push(`${(0,layout/* incidentDir */.Qe)(id)}/audit.jsonl:${line}: entry has no commit naming it (written outside irac, or its commit was rewritten)`);
                }
            }
        }
        return {
            head,
            incidents: incidents.size,
            events,
            commits: commits.length,
            signed,
            problems: [...new Set(problems)].sort(),
        };
    }
    finally {
        await objects.close();
    }
}
async function listStore(git, head, problems) {
    const incidents = new Map();
    const eventIndex = new Map();
    /** Index file path → blob sha. */
    const keyIndex = new Map();
    const filesOf = (id) => {
        const files = incidents.get(id) ?? { events: new Map(), raws: new Map(), steps: new Map() };
        incidents.set(id, files);
        return files;
    };
    const listing = await git.run(['ls-tree', '-r', '-z', '--full-tree', head, '--', `${layout/* INCIDENTS_DIR */.k9}/`]);
    for (const record of listing.stdout.split('\0')) {
        if (record === '')
            continue;
        const tab = record.indexOf('\t');
        const [mode, , sha = ''] = record.slice(0, tab).split(' ');
        const path = record.slice(tab + 1);
        const place = (0,layout/* classifyPath */.qK)(path);
        if (mode !== '100644' || place.kind === 'unknown') {
            problems.push(`${path}: not part of the incident store's layout (irac never writes it)`);
            continue;
        }
        switch (place.kind) {
            case 'incident':
            case 'audit':
            case 'readme':
            case 'triage':
            case 'plan':
                filesOf(place.incident)[place.kind] = sha;
                break;
            case 'event':
                filesOf(place.incident).events.set(place.event, sha);
                break;
            case 'raw':
                filesOf(place.incident).raws.set(place.event, sha);
                break;
            case 'step':
                filesOf(place.incident).steps.set(place.step, sha);
                break;
            case 'event-index':
                eventIndex.set(place.event, sha);
                break;
            case 'key-index':
                keyIndex.set(path, sha);
                break;
            case 'budget-index':
                // A budget ledger is a cache of the `running` entries that reserved from it (each names its budget
                // scopes), which the audit chains hold and verify; it is not a record of its own.
                break;
        }
    }
    return { incidents, eventIndex, keyIndex };
}
async function blobText(objects, sha) {
    return (await objects.readBlob(sha)) ?? Buffer.alloc(0);
}
/**
 * Documents that operations after ingest write whole, each hashed into the entry that wrote it: the
 * file must be the version the last such entry recorded.
 */
const DOCUMENTS = [
    { name: 'triage', file: 'triage.json', key: 'triage_sha256', digest: src_digest/* sha256Hex */.f },
    // A plan's hash is over its canonical JSON, the value an approval is bound to.
    { name: 'plan', file: 'plan.json', key: 'plan_sha256', digest: canonicalDigest },
];
function canonicalDigest(bytes) {
    try {
        return (0,src_digest/* sha256Hex */.f)((0,src_digest/* canonicalJson */.d)(JSON.parse(bytes.toString('utf8'))));
    }
    catch {
        return 'not JSON';
    }
}
/** Checks one incident's files against its chain; returns the chain's entries by hash. */
async function verifyIncident(objects, id, files, problems) {
    const dir = (0,layout/* incidentDir */.Qe)(id);
    const chain = new Map();
    for (const name of ['incident', 'audit', 'readme']) {
        if (files[name] === undefined) {
            const file = { incident: 'incident.yaml', audit: 'audit.jsonl', readme: 'README.md' }[name];
            problems.push(`${dir}/${file}: missing`);
        }
    }
    if (files.audit === undefined)
        return { chain };
    const auditPath = `${dir}/audit.jsonl`;
    const auditText = (await blobText(objects, files.audit)).toString('utf8');
    const chainProblems = (0,audit/* verifyChain */.H5)(auditText, auditPath, id);
    problems.push(...chainProblems);
    const entries = [];
    auditText.split('\n').forEach((text, index) => {
        if (text === '')
            return;
        try {
            const entry = JSON.parse(text);
            if ((0,json/* isJsonObject */.OW)(entry) && typeof entry.hash === 'string') {
                entries.push(entry);
                chain.set(entry.hash, { entry, line: index + 1 });
            }
        }
        catch {
            // verifyChain has reported the line.
        }
    });
    // Evidence and events: each file exactly as its ingest entry recorded it, and nothing unrecorded.
    const recorded = new Set();
    for (const { entry, line } of chain.values()) {
        if (entry.action !== 'ingest')
            continue;
        const data = entry.data;
        const event = typeof data.event === 'string' ? data.event : '';
        recorded.add(event);
        const where = `${auditPath}:${line}`;
        for (const [kind, map, key] of [
            ['events', files.events, 'event_sha256'],
            ['raw', files.raws, 'raw_sha256'],
        ]) {
            const sha = map.get(event);
            const file = `${dir}/events/${event}${kind === 'raw' ? '.raw' : ''}.json`;
            if (sha === undefined) {
                problems.push(`${file}: missing (recorded at ${where})`);
                continue;
            }
            const digest = (0,src_digest/* sha256Hex */.f)(await blobText(objects, sha));
            if (digest !== data[key])
                problems.push(`${file}: sha256 ${digest} is not the ${data[key]} recorded at ${where} (altered)`);
        }
    }
    for (const event of new Set([...files.events.keys(), ...files.raws.keys()])) {
        if (!recorded.has(event))
            problems.push(`${dir}/events/${event}.json: not recorded in ${auditPath}`);
    }
    for (const { name, file, key, digest: digestOf } of DOCUMENTS) {
        const last = [...chain.values()].filter((c) => typeof c.entry.data[key] === 'string').at(-1);
        const sha = files[name];
        if (sha === undefined) {
            if (last)
                problems.push(`${dir}/${file}: missing (recorded at ${auditPath}:${last.line})`);
        }
        else if (!last) {
            problems.push(`${dir}/${file}: not recorded in ${auditPath}`);
        }
        else {
            const digest = digestOf(await blobText(objects, sha));
            if (digest !== last.entry.data[key])
                problems.push(`${dir}/${file}: not the version recorded at ${auditPath}:${last.line} (edited outside irac)`);
        }
    }
    // steps/<step>.json: the record the last entry about that step journaled.
    for (const [step, sha] of files.steps) {
        const last = [...chain.values()]
            .filter((c) => c.entry.data.step === step && typeof c.entry.data.record_sha256 === 'string')
            .at(-1);
        const file = `${dir}/steps/${step}.json`;
        if (!last)
            problems.push(`${file}: not recorded in ${auditPath}`);
        else if ((0,src_digest/* sha256Hex */.f)(await blobText(objects, sha)) !== last.entry.data.record_sha256) {
            problems.push(`${file}: not the version recorded at ${auditPath}:${last.line} (edited outside irac)`);
        }
    }
    // incident.yaml: the version the last entry that wrote it recorded; README.md: what irac renders.
    let incident;
    if (files.incident !== undefined) {
        const yamlBytes = await blobText(objects, files.incident);
        const last = [...chain.values()].filter((c) => typeof c.entry.data.incident_sha256 === 'string').at(-1);
        if (last && (0,src_digest/* sha256Hex */.f)(yamlBytes) !== last.entry.data.incident_sha256) {
            problems.push(`${dir}/incident.yaml: not the version recorded at ${auditPath}:${last.line} (edited outside irac)`);
        }
        try {
            incident = (0,store_incident/* parseIncident */.w4)(yamlBytes.toString('utf8'), `${dir}/incident.yaml`);
        }
        catch (error) {
            problems.push(error.message);
        }
        if (incident && incident.id !== id)
            problems.push(`${dir}/incident.yaml: id ${incident.id} is not the directory's ${id}`);
        if (incident && files.readme !== undefined && chainProblems.length === 0) {
            const readme = (await blobText(objects, files.readme)).toString('utf8');
            if (readme !== (0,store_readme/* renderIncidentReadme */.Lt)(incident, entries)) {
                problems.push(`${dir}/README.md: not what irac renders from incident.yaml and audit.jsonl (edited outside irac)`);
            }
        }
    }
    return incident ? { chain, incident } : { chain };
}
async function verifyIndex(objects, incidents, eventIndex, problems) {
    const holder = new Map();
    for (const [id, files] of incidents) {
        for (const event of files.events.keys()) {
            const other = holder.get(event);
            if (other)
                problems.push(`${(0,layout/* incidentDir */.Qe)(id)}/events/${event}.json: event also recorded in ${other}`);
            holder.set(event, id);
        }
    }
    for (const [event, sha] of eventIndex) {
        const named = (await blobText(objects, sha)).toString('utf8').trim();
        const actual = holder.get(event);
        if (named !== actual) {
            problems.push(`${layout/* INCIDENTS_DIR */.k9}/.index/events/${event.split('-')[1]?.slice(0, 2)}/${event}: names ${JSON.stringify(named.slice(0, 40))}, but the event is ${actual ? `in ${actual}` : 'in no incident'}`);
        }
    }
    for (const [event, id] of holder) {
        if (!eventIndex.has(event))
            problems.push(`${(0,layout/* incidentDir */.Qe)(id)}/events/${event}.json: has no index entry (a re-delivery would be recorded again)`);
    }
}
/** The keys an incident is indexed under, by the path of each index file. */
function keysOf(incident) {
    const values = {
        fingerprints: [incident.fingerprint],
        resources: incident.resources,
        actors: incident.actors,
    };
    const paths = new Map();
    for (const index of layout/* KEY_INDEXES */.nC)
        for (const value of values[index])
            paths.set((0,layout/* keyIndexFile */._H)(index, value), index);
    return paths;
}
/**
 * Each history index file lists the incidents that have its key, each once, with its opening time:
 * all of them, or the KEY_INDEX_LIMIT most recent. (Not in order of opening time: two runners opening
 * incidents at once append in the order their pushes land, which their clocks need not agree with.)
 */
async function verifyKeyIndexes(objects, incidents, keyIndex, problems) {
    const expected = new Map();
    for (const incident of incidents.values()) {
        for (const path of keysOf(incident).keys()) {
            const holders = expected.get(path) ?? new Set();
            holders.add(incident.id);
            expected.set(path, holders);
        }
    }
    const some = (ids) => {
        const sorted = [...ids].sort();
        return sorted.length > 5
            ? `${sorted.slice(0, 5).join(', ')} and ${sorted.length - 5} more`
            : sorted.join(', ');
    };
    for (const [path, sha] of keyIndex) {
        const text = (await blobText(objects, sha)).toString('utf8');
        const holders = expected.get(path) ?? new Set();
        const listed = new Map();
        let malformed = !text.endsWith('\n');
        let oldest = Number.POSITIVE_INFINITY;
        text.split('\n').forEach((raw, index) => {
            if (raw === '' && index > 0)
                return;
            const line = index + 1;
            const entry = (0,layout/* parseKeyIndexLine */.Pe)(raw);
            if (!entry) {
                malformed = true;
                return;
            }
            const { incident, opened, openedMs } = entry;
            if (listed.has(incident))
                problems.push(`${path}:${line}: lists ${incident} twice`);
            listed.set(incident, line);
            oldest = Math.min(oldest, openedMs);
            const known = incidents.get(incident);
            if (!holders.has(incident)) {
                problems.push(`${path}:${line}: lists ${incident}, which ${known ? 'does not have this key' : 'is no incident'}`);
            }
            else if (known && known.timestamps.opened !== opened) {
                problems.push(`${path}:${line}: says ${incident} opened at ${opened}, not ${known.timestamps.opened}`);
            }
        });
        if (malformed)
            problems.push(`${path}: has lines that are not "<incident id> <opened>"`);
        const full = listed.size >= layout/* KEY_INDEX_LIMIT */.NJ;
        const unlisted = [...holders].filter((id) => {
            if (listed.has(id))
                return false;
            // A full file has dropped its oldest lines: an incident older than all it lists may be gone.
            const opened = Date.parse(incidents.get(id)?.timestamps.opened ?? '');
            return !(full && opened <= oldest);
        });
        if (unlisted.length > 0)
            problems.push(`${path}: does not list ${some(unlisted)}, which ${unlisted.length === 1 ? 'has' : 'have'} its key`);
    }
    for (const [path, holders] of expected) {
        if (!keyIndex.has(path))
            problems.push(`${path}: missing (it should list ${some(holders)})`);
    }
}
function parseTrailers(text) {
    const trailers = new Map();
    for (const line of text.split('\n')) {
        const colon = line.indexOf(': ');
        if (colon <= 0)
            continue;
        const key = line.slice(0, colon);
        trailers.set(key, [...(trailers.get(key) ?? []), line.slice(colon + 2)]);
    }
    return trailers;
}
async function allowedSignersFile(objects, head, options) {
    if (options.allowedSignersFile)
        return { file: options.allowedSignersFile, cleanup: async () => { } };
    const content = await objects.readBlob(`${head}:${options.allowedSignersPath}`);
    if (content === undefined)
        return undefined;
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'irac-signers-'));
    const file = (0,external_node_path_.join)(dir, 'allowed_signers');
    await (0,promises_.writeFile)(file, content);
    return { file, cleanup: () => (0,promises_.rm)(dir, { recursive: true, force: true }) };
}
const SIGNATURE_PROBLEMS = {
    B: 'has a bad signature (the commit was altered after signing)',
    U: 'is signed by a key the allowed-signers file does not allow',
    X: 'is signed with an expired signature',
    Y: 'is signed by an expired key',
    R: 'is signed by a revoked key',
    E: 'has a signature that cannot be checked (key not in the allowed-signers file)',
};
/** The commits that touched incidents/, newest first, with their signature verdicts counted. */
async function readHistory(git, objects, head, options, problems) {
    const signers = await allowedSignersFile(objects, head, options);
    if (!signers && options.requireSigned) {
        problems.push(`${options.allowedSignersPath}: missing, but signed commits are required`);
    }
    const checkSignatures = signers !== undefined;
    const config = signers ? ['-c', `gpg.ssh.allowedSignersFile=${signers.file}`] : [];
    const format = `%x1e%H%x1f%P%x1f${checkSignatures ? '%G?' : '-'}%x1f%(trailers:only,unfold)%x1f`;
    // dense-combined: a merge shows only paths it changed beyond its parents (an "evil merge").
    const child = git.spawn([
        ...config,
        '-c',
        'core.quotePath=true',
        'log',
        `--format=${format}`,
        '--name-only',
        '--diff-merges=dense-combined',
        head,
        '--',
        `${layout/* INCIDENTS_DIR */.k9}/`,
    ]);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
        stderr += chunk.toString('utf8');
    });
    const exited = new Promise((resolve) => child.on('close', (code) => resolve(code ?? 128)));
    const commits = [];
    let signed = 0;
    let pending = '';
    const finish = (record) => {
        if (record.trim() === '')
            return;
        const [sha = '', parents = '', signature = '', trailerText = '', pathText = ''] = record.split('\x1f');
        const commit = {
            sha,
            parents: parents.split(' ').filter((p) => p !== ''),
            signature,
            trailers: parseTrailers(trailerText),
            paths: pathText.split('\n').filter((p) => p !== ''),
        };
        commits.push(commit);
        if (commits.length % 500 === 0)
            options.onProgress?.('commits', commits.length);
        if (checkSignatures) {
            if (commit.signature === 'G')
                signed++;
            else if (commit.signature === 'N') {
                if (options.requireSigned)
                    problems.push(`commit ${sha}: is not signed, and signed commits are required`);
            }
            else
                problems.push(`commit ${sha}: ${SIGNATURE_PROBLEMS[commit.signature] ?? `signature status ${commit.signature}`}`);
        }
    };
    const lines = (0,external_node_readline_.createInterface)({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
        if (line.startsWith('\x1e')) {
            finish(pending);
            pending = line.slice(1);
        }
        else {
            pending += `\n${line}`;
        }
    }
    finish(pending);
    const code = await exited;
    await signers?.cleanup();
    if (code !== 0)
        throw new Error(`git log failed: ${stderr.trim()}`);
    return { commits, signed };
}
function checkCommit(commit, chains, problems) {
    const where = `commit ${commit.sha}`;
    const missing = TRAILERS.filter((key) => !commit.trailers.has(key));
    if (missing.length > 0) {
        problems.push(`${where}: changes ${commit.paths[0] ?? layout/* INCIDENTS_DIR */.k9} without irac's trailers (${missing.join(', ')}): not made by irac`);
        return;
    }
    const one = (key) => {
        const values = commit.trailers.get(key) ?? [];
        if (values.length > 1)
            problems.push(`${where}: has ${values.length} ${key} trailers`);
        return values[0] ?? '';
    };
    const id = one('Incident-Id');
    const action = one('Irac-Action');
    const actor = one('Irac-Actor');
    const [seqText = '', hash = ''] = one('Irac-Audit').split(' ');
    const dir = /^IR-\d{8}-[0-9a-hjkmnp-tv-z]{8}$/.test(id) ? (0,layout/* incidentDir */.Qe)(id) : undefined;
    for (const path of commit.paths) {
        const place = (0,layout/* classifyPath */.qK)(path.replace(/^"|"$/g, ''));
        const own = dir !== undefined && path.startsWith(`${dir}/`);
        if (!own && place.kind !== 'event-index' && place.kind !== 'key-index' && place.kind !== 'budget-index') {
            problems.push(`${where}: Incident-Id ${id} but it changes ${path}`);
        }
    }
    const entry = chains.get(id)?.get(hash);
    if (!entry) {
        problems.push(`${where}: names audit entry ${seqText} ${hash.slice(0, 12)} of ${id}, which is not in its chain`);
        return;
    }
    if (entry.claimedBy) {
        problems.push(`${where}: names the audit entry that commit ${entry.claimedBy} made`);
        return;
    }
    entry.claimedBy = commit.sha;
    if (String(entry.entry.seq) !== seqText || entry.entry.action !== action || entry.entry.actor !== actor) {
        problems.push(`${where}: trailers (${action} by ${actor}, seq ${seqText}) disagree with ${(0,layout/* incidentDir */.Qe)(id)}/audit.jsonl:${entry.line} (${entry.entry.action} by ${entry.entry.actor}, seq ${entry.entry.seq})`);
    }
}
//# sourceMappingURL=verify.js.map
// EXTERNAL MODULE: ./lib/src/store/repository.js + 1 modules
var store_repository = __webpack_require__(19824);
;// CONCATENATED MODULE: ./lib/src/cli/verify-command.js
// `irac verify [--repo DIR] [--config FILE] [--allowed-signers FILE] [--json]`: the store's integrity.
// Problems go to stdout, one `path:line: what` per line; the verdict to stderr; exit 1 when any.




async function verifyCommand(options, io, isTty = process.stderr.isTTY) {
    const repository = await store_repository/* IncidentRepository */.X.open(options.repo ?? process.cwd());
    const config = await (0,config_config/* loadConfig */.Z9)({
        repoRoot: repository.root,
        ...(options.config ? { file: options.config } : {}),
    });
    const report = await verifyStore(repository.git, {
        allowedSignersPath: config.signing.allowedSigners,
        allowedSignersFile: options.allowedSigners,
        requireSigned: config.signing.requireSigned,
        onProgress: isTty
            ? (phase, done, total) => io.stderr(`\rverifying ${phase}: ${done}${total ? `/${total}` : ''}\x1b[K`)
            : undefined,
    });
    if (isTty)
        io.stderr('\r\x1b[K');
    if (options.json) {
        io.stdout(`${JSON.stringify({ ok: report.problems.length === 0, ...report })}\n`);
    }
    else {
        for (const problem of report.problems)
            io.stdout(`${problem}\n`);
    }
    const scope = `${report.incidents} incident${report.incidents === 1 ? '' : 's'}, ${report.events} event${report.events === 1 ? '' : 's'}, ${report.commits} commit${report.commits === 1 ? '' : 's'}${report.signed > 0 ? ` (${report.signed} signed)` : ''}`;
    if (report.problems.length > 0) {
        throw new errors/* OperationError */.OK(`verify: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${scope}`);
    }
    if (!options.json)
        io.stdout(`verify: ok — ${scope}\n`);
}
//# sourceMappingURL=verify-command.js.map

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
