export const id = 5899;
export const ids = [5899];
export const modules = {

/***/ 25899:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyCommand: () => (/* binding */ verifyCommand)
});

// EXTERNAL MODULE: ./lib/src/config/config.js + 1 modules
var config_config = __webpack_require__(96435);
// EXTERNAL MODULE: ./lib/src/connectors/clients.js
var connectors_clients = __webpack_require__(1875);
// EXTERNAL MODULE: ./lib/src/connectors/environment.js
var environment = __webpack_require__(31338);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/forensics/anchors.js
var forensics_anchors = __webpack_require__(45273);
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
// EXTERNAL MODULE: ./lib/src/playbooks/catalogue.js + 20 modules
var playbooks_catalogue = __webpack_require__(50900);
// EXTERNAL MODULE: ./lib/src/playbooks/repo-files.js
var repo_files = __webpack_require__(20055);
// EXTERNAL MODULE: ./lib/src/store/record.js
var record = __webpack_require__(56887);
// EXTERNAL MODULE: ./lib/src/escalate/schedule.js
var schedule = __webpack_require__(99790);
// EXTERNAL MODULE: ./lib/src/store/markdown.js
var markdown = __webpack_require__(82823);
;// CONCATENATED MODULE: ./lib/src/forensics/metrics.js
// `irac metrics`: how fast the team detects, acknowledges, contains and resolves, computed only from
// what the store holds — each incident's incident.yaml and audit.jsonl — so anyone with a clone gets
// the same numbers. Pure: the store is read elsewhere (metrics-store.ts); nothing here looks at a clock.
//
// The moments of one incident, each from its audit trail:
// - detected: the earliest vendor timestamp among its events (the `timestamp` of each `ingest` entry);
// - ingested: its first audit entry (the `ingest` that opened it);
// - approved: the first entry carrying `approved_by` (a reviewer let a step run: `step` running);
// - acknowledged: the first of an `ack` entry, that approval, or the `resolve` entry — whichever came
//   first, someone had taken the incident on;
// - contained: the first `step` entry that is `succeeded`, live, with a read-back that held (`verified`),
//   of a destructive action — the same moment `irac execute` stamps incident.yaml's `contained`;
// - resolved: the `resolve` entry.
// MTTD = ingested − detected (a vendor clock ahead of irac's makes it negative; it is kept, not hidden),
// MTTA = approved − ingested, MTTC = contained − ingested, MTTR = resolved − ingested. Each is summarised
// by its count, median and 90th percentile (linear interpolation between closest ranks, as numpy's and
// Excel's PERCENTILE.INC; the median is the 50th), over all incidents, per severity and per playbook.
//
// SLA: the escalation matrix gives each severity a chain of roles, each with a timeout; the whole chain
// is the time the last role has to acknowledge. The clock starts when the incident reached its current
// severity (severitySince, the same start `irac escalate` pages from: ingest, unless a later event or
// triage raised it). An incident breaches when it was acknowledged later than that after the start, or
// is still unacknowledged that long after it as of the store's own latest audit entry (`pending`).
// Severities without a chain have no SLA; suppressed and aggregated incidents page nobody and have
// none either.




const MEASURES = ['mttd', 'mtta', 'mttc', 'mttr'];
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
// ---- one incident ----
function stringAt(data, key) {
    const value = data[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function ms(at) {
    if (at === null || at === undefined)
        return undefined;
    const value = Date.parse(at);
    return Number.isNaN(value) ? undefined : value;
}
/** The earliest of several times, as written; null when there is none. */
function earliest(times) {
    let best = null;
    for (const at of times) {
        if (at === undefined || ms(at) === undefined)
            continue;
        if (best === null || ms(at) < ms(best))
            best = at;
    }
    return best;
}
function firstEntry(entries, holds) {
    return earliest(entries.filter(holds).map((entry) => entry.at)) ?? undefined;
}
function between(from, to) {
    const start = ms(from);
    const end = ms(to);
    return start === undefined || end === undefined ? null : end - start;
}
/** The moments of one incident from its audit trail; undefined when it has no entries to start from. */
function incidentTimes({ incident, entries }, isDestructive) {
    const ingested = entries[0]?.at;
    if (ingested === undefined || ms(ingested) === undefined)
        return undefined;
    const detected = earliest(entries.filter((e) => e.action === 'ingest').map((e) => stringAt(e.data, 'timestamp')));
    const approved = firstEntry(entries, (e) => stringAt(e.data, 'approved_by') !== undefined) ?? null;
    const resolved = firstEntry(entries, (e) => e.action === 'resolve') ?? null;
    const acked = firstEntry(entries, (e) => e.action === 'ack');
    const contained = firstEntry(entries, (e) => e.action === 'step' &&
        e.data.state === 'succeeded' &&
        e.data.live === true &&
        stringAt(e.data, 'verified') !== undefined &&
        isDestructive(stringAt(e.data, 'action') ?? '')) ?? null;
    return {
        id: incident.id,
        title: incident.title,
        severity: incident.severity,
        playbook: incident.playbook,
        status: incident.status,
        decision: incident.decision,
        detected,
        ingested,
        approved,
        acknowledged: earliest([acked, approved ?? undefined, resolved ?? undefined]),
        contained,
        resolved,
        durations: {
            mttd: between(detected, ingested),
            mtta: between(ingested, approved),
            mttc: between(ingested, contained),
            mttr: between(ingested, resolved),
        },
    };
}
// ---- summaries ----
/** The p-th percentile (0..1) of sorted values, interpolated between closest ranks; whole ms. */
function percentile(sorted, p) {
    if (sorted.length === 0)
        return null;
    const rank = (sorted.length - 1) * p;
    const low = Math.floor(rank);
    const high = Math.ceil(rank);
    const below = sorted[low];
    const above = sorted[high];
    return Math.round(below + (above - below) * (rank - low));
}
function summarize(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return { count: sorted.length, median_ms: percentile(sorted, 0.5), p90_ms: percentile(sorted, 0.9) };
}
function group(key, times) {
    const of = (measure) => summarize(times.flatMap((t) => (t.durations[measure] === null ? [] : [t.durations[measure]])));
    return {
        key,
        incidents: times.length,
        mttd: of('mttd'),
        mtta: of('mtta'),
        mttc: of('mttc'),
        mttr: of('mttr'),
    };
}
// ---- SLA ----
/** The time the whole escalation chain of a severity allows; undefined when it has none. */
function slaMs(matrix, severity) {
    const chain = matrix[severity];
    if (!chain || chain.length === 0)
        return undefined;
    return chain.reduce((total, step) => total + (0,config_config/* durationMs */.pc)(step.timeout), 0);
}
function acknowledgedBy(times, acks) {
    if (times.acknowledged === null)
        return null;
    if (times.acknowledged === times.approved)
        return 'approval';
    if (acks.some((entry) => entry.at === times.acknowledged))
        return 'ack';
    return 'resolve';
}
function breachOf(times, entries, matrix, asOfMs) {
    if (times.decision === 'suppressed' || times.decision === 'aggregated')
        return undefined;
    const sla = slaMs(matrix, times.severity);
    if (sla === undefined)
        return undefined;
    const start = ms((0,schedule/* severitySince */.Ow)(entries, times.severity)) ?? ms(times.ingested);
    const end = ms(times.acknowledged) ?? asOfMs;
    if (end - start <= sla)
        return undefined;
    return {
        incident: times.id,
        severity: times.severity,
        playbook: times.playbook,
        ingested: times.ingested,
        deadline: new Date(start + sla).toISOString(),
        sla_ms: sla,
        acknowledged: times.acknowledged,
        acknowledged_by: acknowledgedBy(times, entries.filter((entry) => entry.action === 'ack')),
        late_ms: end - start - sla,
        pending: times.acknowledged === null,
    };
}
// ---- the store ----
function newestEntry(records) {
    let newest = null;
    for (const { entries } of records) {
        for (const entry of entries) {
            const at = ms(entry.at);
            if (at !== undefined && (newest === null || at > ms(newest)))
                newest = entry.at;
        }
    }
    return newest;
}
const byIngest = (a, b) => ms(a.ingested) - ms(b.ingested) || a.id.localeCompare(b.id);
/** The store's metrics: every incident (ingested since `sinceMs`, when given) and its SLA breaches. */
function storeMetrics(records, options) {
    const asOf = newestEntry(records);
    const entriesOf = new Map(records.map((record) => [record.incident.id, record.entries]));
    const times = records
        .flatMap((record) => incidentTimes(record, options.isDestructive) ?? [])
        .filter((t) => options.sinceMs === undefined || ms(t.ingested) >= options.sinceMs)
        .sort(byIngest);
    const severities = SEVERITIES.filter((severity) => times.some((t) => t.severity === severity));
    const playbooks = [...new Set(times.map((t) => t.playbook))].sort((a, b) => a === null ? 1 : b === null ? -1 : a.localeCompare(b));
    const asOfMs = ms(asOf) ?? 0;
    return {
        as_of: asOf,
        since: options.sinceMs === undefined ? null : new Date(options.sinceMs).toISOString(),
        incidents: times.length,
        overall: group('all', times),
        by_severity: severities.map((severity) => group(severity, times.filter((t) => t.severity === severity))),
        by_playbook: playbooks.map((playbook) => group(playbook, times.filter((t) => t.playbook === playbook))),
        breaches: times.flatMap((t) => breachOf(t, entriesOf.get(t.id) ?? [], options.escalationMatrix, asOfMs) ?? []),
        open: times.filter((t) => t.status !== 'resolved').reverse(),
        times,
    };
}
// ---- presentation ----
/** A duration for people: `850ms`, `42s`, `4m 12s`, `1h 05m`, `2d 03h`; negative with a minus. */
function formatDuration(value) {
    if (value === null)
        return markdown/* NOTHING */.K$;
    if (value < 0)
        return `-${formatDuration(-value)}`;
    if (value < 1000)
        return `${value}ms`;
    const seconds = Math.floor(value / 1000);
    const pad = (n) => String(n).padStart(2, '0');
    if (seconds < 60)
        return `${seconds}s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60)
        return `${minutes}m ${pad(seconds % 60)}s`;
    const hours = Math.floor(minutes / 60);
    if (hours < 24)
        return `${hours}h ${pad(minutes % 60)}m`;
    return `${Math.floor(hours / 24)}d ${pad(hours % 24)}h`;
}
/** `median / p90`, or — when nothing was measured. */
function summaryCell(summary) {
    if (summary.count === 0)
        return markdown/* NOTHING */.K$;
    return `${formatDuration(summary.median_ms)} / ${formatDuration(summary.p90_ms)}`;
}
/** The form irac writes, shown as `2026-03-02 08:11:37 UTC`; anything else verbatim in a code span. */
function timeCell(at) {
    if (at === null)
        return markdown/* NOTHING */.K$;
    const value = ms(at);
    if (value === undefined)
        return (0,markdown/* codeSpan */.SS)(at);
    return `${new Date(value).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
const STORE_README = (/* unused pure expression or super */ null && (`${INCIDENTS_DIR}/README.md`));
/** A link from incidents/README.md to an incident's own README: built from the validated id only. */
function incidentLink(id) {
    return `[${id}](${(0,layout/* incidentDir */.Qe)(id).slice(layout/* INCIDENTS_DIR */.k9.length + 1)}/README.md)`;
}
function groupRows(groups, label) {
    return groups.map((g) => (0,markdown/* tableRow */.jD)([
        label(g.key),
        String(g.incidents),
        ...MEASURES.map((measure) => `${summaryCell(g[measure])} (${g[measure].count})`),
    ]));
}
function responseTimes(metrics) {
    return [
        '## Response times',
        '',
        'Median / 90th percentile, with how many incidents each is measured over. MTTD: vendor detection → ingest; MTTA: ingest → first approval; MTTC: ingest → first destructive step verified; MTTR: ingest → resolved.',
        '',
        (0,markdown/* tableRow */.jD)(['Scope', 'Incidents', 'MTTD', 'MTTA', 'MTTC', 'MTTR']),
        (0,markdown/* tableRow */.jD)(['---', '---:', '---', '---', '---', '---']),
        ...groupRows([metrics.overall], () => 'all'),
        ...groupRows(metrics.by_severity, (key) => `severity ${key ?? markdown/* NOTHING */.K$}`),
        ...groupRows(metrics.by_playbook, (key) => `playbook ${key === null ? '(none)' : (0,markdown/* codeSpan */.SS)(key)}`),
    ];
}
function openIncidents(metrics) {
    const heading = `## Open incidents (${metrics.open.length})`;
    if (metrics.open.length === 0)
        return [heading, '', '_None._'];
    return [
        heading,
        '',
        (0,markdown/* tableRow */.jD)(['Incident', 'Severity', 'Status', 'Playbook', 'Opened', 'Acknowledged', 'Title']),
        (0,markdown/* tableRow */.jD)(['---', '---', '---', '---', '---', '---', '---']),
        ...metrics.open.map((t) => (0,markdown/* tableRow */.jD)([
            incidentLink(t.id),
            t.severity,
            t.status,
            t.playbook === null ? markdown/* NOTHING */.K$ : (0,markdown/* codeSpan */.SS)(t.playbook),
            timeCell(t.ingested),
            timeCell(t.acknowledged),
            (0,markdown/* codeSpan */.SS)(t.title, 120),
        ])),
    ];
}
function breachList(metrics) {
    const heading = `## SLA breaches (${metrics.breaches.length})`;
    const rule = 'Against `notifications.escalation_matrix`: acknowledged (an `ack`, an approval or the resolution) later, after it reached its severity (ingest, or a later raise), than the whole escalation chain of that severity allows, or still unacknowledged that long after (pending).';
    if (metrics.breaches.length === 0)
        return [heading, '', rule, '', '_None._'];
    return [
        heading,
        '',
        rule,
        '',
        (0,markdown/* tableRow */.jD)(['Incident', 'Severity', 'SLA', 'Deadline', 'Acknowledged', 'Late by']),
        (0,markdown/* tableRow */.jD)(['---', '---', '---', '---', '---', '---']),
        ...metrics.breaches.map((b) => (0,markdown/* tableRow */.jD)([
            incidentLink(b.incident),
            b.severity,
            formatDuration(b.sla_ms),
            timeCell(b.deadline),
            b.pending ? 'pending' : `${timeCell(b.acknowledged)} (${b.acknowledged_by})`,
            formatDuration(b.late_ms),
        ])),
    ];
}
function severityChart(metrics) {
    const heading = '## Incidents per severity';
    if (metrics.incidents === 0)
        return [heading, '', '_No incidents._'];
    return [
        heading,
        '',
        '```mermaid',
        `pie showData title ${(0,markdown/* mermaidText */.Hg)('Incidents per severity')}`,
        ...metrics.by_severity.map((g) => `    "${(0,markdown/* mermaidText */.Hg)(g.key ?? '')}" : ${g.incidents}`),
        '```',
    ];
}
/**
 * incidents/README.md: a pure function of the metrics of the whole store, so that it is the same bytes
 * whoever renders it from the same commit (`irac verify` renders it again).
 */
function renderStoreReadme(metrics) {
    const asOf = metrics.as_of === null
        ? 'The store has no audit entries yet.'
        : `As of ${timeCell(metrics.as_of)}, the newest audit entry. Times are UTC, as irac recorded them; detection is the vendor's.`;
    const lines = [
        '# Incidents',
        '',
        '> Generated by `irac metrics --write` from every incident’s `incident.yaml` and `audit.jsonl` and the',
        '> configuration’s escalation matrix at the commit that wrote it: do not edit. `irac verify` renders it again.',
        '',
        `${metrics.incidents} incident${metrics.incidents === 1 ? '' : 's'}. ${asOf}`,
        '',
        ...openIncidents(metrics),
        '',
        ...breachList(metrics),
        '',
        ...severityChart(metrics),
        '',
        ...responseTimes(metrics),
    ];
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=metrics.js.map
;// CONCATENATED MODULE: ./lib/src/forensics/metrics-store.js
// What `irac metrics` reads, and only from one commit: every incident's incident.yaml and audit.jsonl
// and the configuration's escalation matrix as that commit holds them — never the working tree, so the
// numbers, and incidents/README.md rendered from them, are the same for anyone with the same commit.








/** Incidents read at once, so their object reads are pipelined to one cat-file. */
const IN_FLIGHT = 32;
/** The ids of the incidents in `commit`'s tree that have both an incident.yaml and an audit.jsonl. */
async function incidentIds(git, commit) {
    const listing = await git.output([
        'ls-tree',
        '-r',
        '-z',
        '--name-only',
        '--full-tree',
        commit,
        '--',
        `${layout/* INCIDENTS_DIR */.k9}/`,
    ]);
    const files = new Map();
    for (const path of listing.split('\0')) {
        const place = (0,layout/* classifyPath */.qK)(path);
        if (place.kind !== 'incident' && place.kind !== 'audit')
            continue;
        const kinds = files.get(place.incident) ?? new Set();
        kinds.add(place.kind);
        files.set(place.incident, kinds);
    }
    return [...files]
        .filter(([, kinds]) => kinds.size === 2)
        .map(([id]) => id)
        .sort();
}
async function readRecord(objects, commit, id) {
    const [yaml, audit] = await Promise.all([
        objects.readBlob(`${commit}:${(0,layout/* incidentFile */.rx)(id)}`),
        objects.readBlob(`${commit}:${(0,layout/* auditFile */.UA)(id)}`),
    ]);
    const incident = (0,store_incident/* parseIncident */.w4)(yaml?.toString('utf8') ?? '', (0,layout/* incidentFile */.rx)(id));
    try {
        return { incident, entries: (0,record/* parseAuditEntries */.r$)(audit?.toString('utf8') ?? '') };
    }
    catch {
        throw new errors/* InputError */.dz((0,layout/* auditFile */.UA)(id), 'has a line that is not JSON: `irac verify` says where');
    }
}
/** Every incident of the store at `commit`, with its audit entries. */
async function readIncidentsAt(git, commit) {
    const ids = await incidentIds(git, commit);
    const objects = await git.objects();
    try {
        const records = [];
        for (let at = 0; at < ids.length; at += IN_FLIGHT) {
            records.push(...(await Promise.all(ids.slice(at, at + IN_FLIGHT).map((id) => readRecord(objects, commit, id)))));
        }
        return records;
    }
    finally {
        await objects.close();
    }
}
/** How metrics are computed at `commit`: its configuration's escalation matrix, the shipped catalogue. */
async function metricsOptionsAt(root, commit) {
    const { settings } = await (0,config_config/* readSettings */.sb)(await (0,repo_files/* gitRefFiles */.NZ)(root, commit));
    const catalogue = (0,playbooks_catalogue/* shippedCatalogue */.RY)();
    return {
        escalationMatrix: settings.notifications.escalation_matrix,
        isDestructive: (action) => catalogue.get(action)?.destructive ?? false,
    };
}
/**
 * incidents/README.md as `irac metrics --write` renders it on top of `commit`: the whole store, whatever
 * `--since` says. `irac verify` calls this with the commit that last wrote the file.
 */
async function storeReadmeAt(git, root, commit) {
    const [records, options] = await Promise.all([
        readIncidentsAt(git, commit),
        metricsOptionsAt(root, commit),
    ]);
    return renderStoreReadme(storeMetrics(records, options));
}
//# sourceMappingURL=metrics-store.js.map
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
        const { incidents, eventIndex, keyIndex, storeReadme } = await listStore(git, head, problems);
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
        for (const commit of commits) {
            if (isMetricsCommit(commit))
                await checkMetricsCommit(objects, commit, problems);
            else
                checkCommit(commit, chains, problems);
        }
        await verifyStoreReadme(git, objects, storeReadme, commits, problems);
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
    let storeReadme;
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
            case 'store-readme':
                storeReadme = sha;
                break;
            case 'budget-index':
                // A budget ledger is a cache of the `running` entries that reserved from it (each names its budget
                // scopes), which the audit chains hold and verify; it is not a record of its own.
                break;
        }
    }
    return { incidents, eventIndex, keyIndex, storeReadme };
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
/** A commit of `irac metrics --write`: it regenerates incidents/README.md and belongs to no incident. */
function isMetricsCommit(commit) {
    return commit.trailers.get('Irac-Action')?.[0] === 'metrics' && !commit.trailers.has('Incident-Id');
}
/** A metrics commit changes incidents/README.md alone, says who made it, and names the bytes it wrote. */
async function checkMetricsCommit(objects, commit, problems) {
    const where = `commit ${commit.sha}`;
    for (const path of commit.paths) {
        if (path !== layout/* STORE_README_FILE */.eO)
            problems.push(`${where}: a metrics commit, but it changes ${path}`);
    }
    if (!commit.trailers.has('Irac-Actor'))
        problems.push(`${where}: a metrics commit without Irac-Actor`);
    const written = await objects.readBlob(`${commit.sha}:${layout/* STORE_README_FILE */.eO}`);
    const named = commit.trailers.get('Irac-Readme')?.[0];
    if (written === undefined || named !== (0,src_digest/* sha256Hex */.f)(written)) {
        problems.push(`${where}: ${layout/* STORE_README_FILE */.eO} is not the sha256 its Irac-Readme trailer names`);
    }
}
/**
 * incidents/README.md at HEAD: what the newest metrics commit wrote (only those may touch it, and each
 * is checked), and what irac renders from the store and configuration at that commit.
 */
async function verifyStoreReadme(git, objects, sha, commits, problems) {
    if (sha === undefined)
        return;
    const writer = commits.find((commit) => isMetricsCommit(commit) && commit.paths.includes(layout/* STORE_README_FILE */.eO));
    if (writer === undefined) {
        problems.push(`${layout/* STORE_README_FILE */.eO}: not written by \`irac metrics --write\``);
        return;
    }
    const readme = (await blobText(objects, sha)).toString('utf8');
    if (readme !== (await storeReadmeAt(git, git.dir, writer.sha))) {
        problems.push(`${layout/* STORE_README_FILE */.eO}: not what irac renders from the store at ${writer.sha} (edited outside irac)`);
    }
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
// EXTERNAL MODULE: ./lib/src/pipeline.js
var pipeline = __webpack_require__(87830);
// EXTERNAL MODULE: ./lib/src/store/repository.js + 1 modules
var store_repository = __webpack_require__(19824);
;// CONCATENATED MODULE: ./lib/src/cli/verify-command.js
// `irac verify [--anchors] [--repo DIR] [--config FILE] [--allowed-signers FILE] [--json]`: the store's
// integrity. Problems go to stdout, one `path:line: what` per line; the verdict to stderr; exit 1 when any.
// With --anchors, the audit heads irac posted — in the channels the playbooks post to and in the
// repository's issue comments, found without asking the history under check — are fetched back and each
// must still be in the local history (src/forensics/anchors.ts).








const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
async function verifyCommand(options, io, isTty = process.stderr.isTTY, clients) {
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
    let anchors;
    if (options.anchors && report.head !== undefined) {
        anchors = await (0,forensics_anchors/* verifyAnchors */.ks)(repository.git, report.head, clients ?? (0,connectors_clients.createClients)((0,environment.connectorEnvironment)(config.settings, process.env)), (0,forensics_anchors/* anchorSourcesOf */.Jt)(await (0,pipeline/* planningPlaybooks */.I)(repository.root, config)));
        if (!anchors.reachable) {
            throw new errors/* OperationError */.OK('verify --anchors: neither Slack (SLACK_BOT_TOKEN) nor GitHub (GITHUB_TOKEN, GITHUB_REPOSITORY) is configured: no anchor could be fetched');
        }
        for (const warning of anchors.warnings)
            io.stderr(`irac: warning: ${warning}\n`);
    }
    const problems = [...report.problems, ...(anchors?.problems ?? [])];
    if (options.json) {
        const anchored = anchors ? { anchors: anchors.incidents, unanchored: anchors.unanchored } : {};
        io.stdout(`${JSON.stringify({ ok: problems.length === 0, ...report, problems, ...anchored })}\n`);
    }
    else {
        for (const problem of problems)
            io.stdout(`${problem}\n`);
        for (const incident of anchors?.incidents ?? []) {
            const places = incident.places.map((place) => `${place.where}: ${place.anchors}`).join(', ');
            io.stdout(`anchors: ${incident.incident} ${incident.checked} checked (${places})\n`);
        }
        for (const id of anchors?.unanchored ?? [])
            io.stdout(`anchors: ${id} none found\n`);
    }
    const checked = anchors?.incidents.reduce((sum, incident) => sum + incident.checked, 0);
    const scope = `${plural(report.incidents, 'incident')}, ${plural(report.events, 'event')}, ${plural(report.commits, 'commit')}${report.signed > 0 ? ` (${report.signed} signed)` : ''}${checked === undefined ? '' : `, ${plural(checked, 'anchor')}`}`;
    if (problems.length > 0) {
        throw new errors/* OperationError */.OK(`verify: ${plural(problems.length, 'problem')} in ${scope}`);
    }
    if (!options.json)
        io.stdout(`verify: ok — ${scope}\n`);
}
//# sourceMappingURL=verify-command.js.map

/***/ }),

/***/ 99790:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jt: () => (/* binding */ acknowledgement),
/* harmony export */   Kk: () => (/* binding */ wasSent),
/* harmony export */   Ow: () => (/* binding */ severitySince),
/* harmony export */   to: () => (/* binding */ escalationState)
/* harmony export */ });
/* unused harmony exports ingestedAt, escalationLevels, sentLevels */
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96435);
/* harmony import */ var _store_incident_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81720);
// When each role of the escalation matrix is due for an incident, from its audit trail alone: the first
// role as soon as the incident reached its current severity, each next one once the previous one's
// timeout has run out without an acknowledgement. A level is due once per severity: the trail's
// `escalate` entries say which were sent, and for which severity. Pure, so a clone computes the same
// schedule as the run.
//
// Severity can rise after the incident opened (a more severe event joins it, or triage scores it
// higher). The raised severity's chain starts then, not at the first ingest: an incident raised to
// critical a day later pages critical's first role, not every role at once; and medium's first page does
// not count as critical's.


/** The time the incident was first recorded: its first `ingest` entry. */
function ingestedAt(entries) {
    return entries.find((entry) => entry.action === 'ingest')?.at;
}
const SEVERITIES = new Set(['low', 'medium', 'high', 'critical']);
const severityIn = (value) => typeof value === 'string' && SEVERITIES.has(value) ? value : undefined;
/**
 * When the incident reached `severity`: the time of the first audit entry after which its recorded
 * severity was `severity`. The trail is replayed as the store wrote incident.yaml: an `ingest` entry
 * raises the severity to its event's (higherSeverity; the first one opens it at that), a `triage` entry
 * sets it to the one triage decided. Undefined when the replay never reaches it (a trail written before
 * entries carried severities); callers then start from the first ingest.
 */
function severitySince(entries, severity) {
    let current;
    for (const entry of entries) {
        const recorded = severityIn(entry.data.severity);
        if (recorded === undefined)
            continue;
        if (entry.action === 'ingest')
            current = current ? (0,_store_incident_js__WEBPACK_IMPORTED_MODULE_1__/* .higherSeverity */ .TT)(current, recorded) : recorded;
        else if (entry.action === 'triage')
            current = recorded;
        else
            continue;
        if (current === severity)
            return entry.at;
    }
    return undefined;
}
/** The levels of a severity's chain, each with when it falls due for a chain started at `started`. */
function escalationLevels(severity, chain, started) {
    const start = Date.parse(started);
    let elapsedMs = 0;
    let after = '0m';
    return chain.map((step, index) => {
        const level = {
            severity,
            level: index + 1,
            of: chain.length,
            role: step.role,
            due_at: new Date(start + elapsedMs).toISOString(),
            after,
        };
        elapsedMs += (0,_config_config_js__WEBPACK_IMPORTED_MODULE_0__/* .durationMs */ .pc)(step.timeout);
        after = index === 0 ? step.timeout : `${after} + ${step.timeout}`;
        return level;
    });
}
/** Whether the trail has a page of this level of this severity's chain. */
const wasSent = (entry, severity, level) => entry.action === 'escalate' && entry.data.severity === severity && entry.data.level === level;
/** The levels of `severity`'s chain the trail says were sent. */
function sentLevels(entries, severity) {
    return new Set(entries
        .filter((entry) => wasSent(entry, severity, entry.data.level))
        .map((entry) => entry.data.level));
}
/**
 * The incident's acknowledgement, from its trail: the first `ack`, or the first approval — a reviewer who
 * approved its containment has taken it (irac metrics counts the same). Undefined when neither happened.
 */
function acknowledgement(entries) {
    // An empty approved_by names nobody: it acknowledges nothing (metrics requires a name too).
    const taken = entries.find((entry) => entry.action === 'ack' || (typeof entry.data.approved_by === 'string' && entry.data.approved_by !== ''));
    if (!taken)
        return undefined;
    const by = taken.action === 'ack' ? (taken.data.by ?? taken.actor) : taken.data.approved_by;
    return { by: String(by), at: taken.at };
}
function escalationState(incident, entries, matrix, now) {
    if (incident.status === 'resolved')
        return { kind: 'quiet', why: 'resolved' };
    const ack = acknowledgement(entries);
    if (ack)
        return { kind: 'quiet', why: `acknowledged by ${ack.by}` };
    // Triage judged these not worth a person's time (a suppression rule) or already covered by others.
    if (incident.decision === 'suppressed' || incident.decision === 'aggregated') {
        return { kind: 'quiet', why: incident.decision };
    }
    const chain = matrix[incident.severity];
    if (!chain)
        return { kind: 'quiet', why: `no escalation chain for ${incident.severity}` };
    const ingested = ingestedAt(entries);
    if (ingested === undefined)
        return { kind: 'quiet', why: 'no ingest entry in its audit trail' };
    const started = severitySince(entries, incident.severity) ?? ingested;
    const sent = sentLevels(entries, incident.severity);
    const levels = escalationLevels(incident.severity, chain, started).filter((level) => !sent.has(level.level));
    const due = levels.filter((level) => Date.parse(level.due_at) <= now.getTime());
    return { kind: 'escalating', due, next: levels.find((level) => !due.includes(level)) };
}
//# sourceMappingURL=schedule.js.map

/***/ }),

/***/ 87830:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ planningPlaybooks),
/* harmony export */   a: () => (/* binding */ runPipeline)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96435);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65071);
/* harmony import */ var _plan_execute_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89115);
/* harmony import */ var _plan_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9751);
/* harmony import */ var _playbooks_load_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(98273);
/* harmony import */ var _playbooks_repo_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(20055);
/* harmony import */ var _store_record_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(56887);
/* harmony import */ var _triage_engine_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(23458);
/* harmony import */ var _triage_record_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(15206);
// The whole path of a security event, as the ingest workflow runs it: normalize and record the event,
// triage each incident it opened or joined, plan the routed playbook, and carry out the steps that need
// no reviewer — one commit per operation, so every stage is in the audit trail whatever happens next.
// Steps that need a reviewer stop the run; the workflow's containment job, bound to the plan's GitHub
// Environment, runs them once approved.










/**
 * The playbooks a plan is made from. An inline playbook is named by the configuration's file, from the
 * repository root rather than from where irac runs, so its committed text can be read and the plan (and
 * its hash) is the same from anywhere.
 */
async function planningPlaybooks(root, config) {
    const files = (0,_playbooks_repo_files_js__WEBPACK_IMPORTED_MODULE_6__/* .workingTreeFiles */ .rk)(root);
    const fromRoot = config.path === undefined ? undefined : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(root, config.path);
    const inRepository = fromRoot !== undefined && !fromRoot.startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(fromRoot);
    return (0,_playbooks_load_js__WEBPACK_IMPORTED_MODULE_5__/* .loadPlaybooks */ .Dw)(files, inRepository ? await (0,_config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .readSettings */ .sb)(files, fromRoot) : config);
}
async function runPipeline(items, context) {
    if (items.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('input', 'holds no security event');
    const { config, actor, apply, now } = context;
    const recorded = await apply((tx) => (0,_store_record_js__WEBPACK_IMPORTED_MODULE_7__/* .recordEvents */ .FW)(tx, items, { actor, correlationWindowMs: config.correlationWindowMs, now }));
    // An event already recorded was carried through the pipeline when it first came.
    const incidents = [...new Set(recorded.filter((r) => r.outcome !== 'duplicate').map((r) => r.incident))];
    if (incidents.length === 0)
        return [];
    const engine = await (0,_triage_engine_js__WEBPACK_IMPORTED_MODULE_8__/* .loadTriageEngine */ .fM)({ repoRoot: context.root, config });
    const playbooks = await planningPlaybooks(context.root, config);
    const files = (0,_playbooks_repo_files_js__WEBPACK_IMPORTED_MODULE_6__/* .workingTreeFiles */ .rk)(context.root);
    const outcomes = [];
    for (const id of incidents) {
        const { decision } = await apply((tx) => (0,_triage_record_js__WEBPACK_IMPORTED_MODULE_9__/* .triageIncident */ .j)(tx, id, { actor, rules: engine.rules, enrich: engine.enrich, now }));
        if (decision.outcome !== 'routed' || decision.playbook === null) {
            outcomes.push({
                incident: id,
                severity: decision.severity,
                outcome: decision.outcome,
                playbook: decision.playbook,
                needs_approval: false,
                environment: null,
                plan_sha256: null,
                execution: null,
            });
            continue;
        }
        const { plan, hash } = await apply((tx) => (0,_plan_record_js__WEBPACK_IMPORTED_MODULE_4__/* .planIncident */ .oD)(tx, id, { actor, playbooks, playbookText: (file) => files.readText(file), now }));
        const execution = await (0,_plan_execute_js__WEBPACK_IMPORTED_MODULE_3__/* .executePlan */ .vY)(apply, id, {
            live: context.live,
            actor,
            clients: context.clients,
            now,
            ...context.governance,
        });
        const waiting = execution.waiting.length > 0 || (!context.live && plan.needs_approval);
        outcomes.push({
            incident: id,
            severity: decision.severity,
            outcome: decision.outcome,
            playbook: decision.playbook,
            needs_approval: waiting,
            environment: waiting ? plan.environment : null,
            plan_sha256: hash,
            execution,
        });
    }
    return outcomes;
}
//# sourceMappingURL=pipeline.js.map

/***/ })

};
