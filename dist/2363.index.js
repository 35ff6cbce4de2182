export const id = 2363;
export const ids = [2363,2064];
export const modules = {

/***/ 97819:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ readInput)
/* harmony export */ });
/* unused harmony export processIo */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65071);
// The CLI's contact with the process, injectable so tests run commands in-process.


const processIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
        if (process.stdin.isTTY)
            return undefined;
        const chunks = [];
        for await (const chunk of process.stdin)
            chunks.push(chunk);
        return Buffer.concat(chunks);
    },
};
/** Reads FILE, or standard input for `-`; returns the bytes and the name errors should use. */
async function readInput(file, io) {
    if (file === undefined || file === '-') {
        const bytes = await io.readStdin();
        if (bytes === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('stdin', 'no input: give a FILE or pipe events to standard input');
        return { bytes, name: 'stdin' };
    }
    try {
        if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file)).isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(file, 'is a directory, expected a file');
        return { bytes: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file), name: file };
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz)
            throw error;
        const code = error.code;
        const what = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(file, what);
    }
}
//# sourceMappingURL=io.js.map

/***/ }),

/***/ 39708:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  replayCommand: () => (/* binding */ replayCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/config/config.js + 1 modules
var config_config = __webpack_require__(96435);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/ingest/display.js
var display = __webpack_require__(6481);
// EXTERNAL MODULE: ./lib/src/store/git.js
var store_git = __webpack_require__(43060);
// EXTERNAL MODULE: ./lib/src/triage/engine.js + 7 modules
var engine = __webpack_require__(23458);
// EXTERNAL MODULE: ./lib/src/ingest/documents.js
var documents = __webpack_require__(62281);
// EXTERNAL MODULE: ./lib/src/ingest/envelopes.js
var envelopes = __webpack_require__(55310);
// EXTERNAL MODULE: ./lib/src/ingest/normalize.js + 29 modules
var normalize = __webpack_require__(2218);
// EXTERNAL MODULE: ./lib/src/store/incident.js
var store_incident = __webpack_require__(81720);
// EXTERNAL MODULE: ./lib/src/triage/decide.js + 1 modules
var decide = __webpack_require__(95288);
// EXTERNAL MODULE: ./lib/src/triage/history.js
var triage_history = __webpack_require__(66055);
;// CONCATENATED MODULE: ./lib/src/triage/replay.js
// Backtesting triage: raw events from an NDJSON file go through normalization, correlation (as the
// store would do it, by fingerprint within the window, on the events' own times), enrichment and the
// decision, without writing anything. With two rule sets — the working tree's and a git ref's — every
// event is decided by both over the same enrichment, and the events whose route differs are listed:
// what a playbook pull request would change.






const NO_HISTORY = { fingerprints: [], resources: [], actors: [] };
const CHANGES_KEPT = 1000;
function routeKey(decision) {
    return decision.outcome === 'routed' ? `routed:${decision.playbook}` : decision.outcome;
}
function emptyTally() {
    return {
        routes: {},
        severities: { low: 0, medium: 0, high: 0, critical: 0 },
        suppressed: 0,
        aggregated: 0,
        degraded: 0,
    };
}
function count(tally, decision) {
    const key = routeKey(decision);
    const route = tally.routes[key] ?? { events: 0, incidents: new Set() };
    route.events++;
    route.incidents.add(decision.incident);
    tally.routes[key] = route;
    tally.severities[decision.severity]++;
    const outcome = decision.outcome;
    if (outcome === 'suppressed')
        tally.suppressed++;
    if (outcome === 'aggregated')
        tally.aggregated++;
    if (decision.degraded.length > 0)
        tally.degraded++;
}
function closeTally(tally) {
    const routes = {};
    for (const key of Object.keys(tally.routes).sort()) {
        const route = tally.routes[key];
        if (route)
            routes[key] = { events: route.events, incidents: route.incidents.size };
    }
    return { ...tally, routes };
}
/** Simulated incidents: ids in the store's format, numbered so that replays are reproducible. */
function replayId(sequence, at) {
    const day = at.slice(0, 10).replaceAll('-', '');
    const digits = '0123456789abcdefghjkmnpqrstvwxyz';
    let suffix = '';
    for (let n = sequence, i = 0; i < 8; i++, n = Math.floor(n / 32))
        suffix = digits[n % 32] + suffix;
    return `IR-${day}-${suffix}`;
}
const RANK = { low: 0, medium: 1, high: 2, critical: 3 };
/**
 * Enrichment of an incident that gains an event: what was found for the events before and what is
 * found for the new one, as if the whole incident were looked up again (the most critical asset, the
 * first on a tie; every intel hit; every degradation) — without looking up the old events again.
 */
function mergeEnrichment(before, added) {
    const asset = before.asset && (!added.asset || before.asset.criticality >= added.asset.criticality)
        ? before.asset
        : added.asset;
    const seen = new Set(before.intel.hits.map((hit) => `${hit.type}\u0000${hit.value}\u0000${hit.source}`));
    const hits = [
        ...before.intel.hits,
        ...added.intel.hits.filter((hit) => !seen.has(`${hit.type}\u0000${hit.value}\u0000${hit.source}`)),
    ]
        .sort((a, b) => b.score - a.score)
        .slice(0, MAX_HITS);
    const known = new Set((before.assets ?? []).map((a) => `${a.id}\u0000${a.source}`));
    const assets = [
        ...(before.assets ?? []),
        ...(added.assets ?? []).filter((a) => !known.has(`${a.id}\u0000${a.source}`)),
    ].sort((a, b) => b.criticality - a.criticality);
    const unknown = before.unknown_resources === undefined || added.unknown_resources === undefined
        ? undefined
        : [...new Set([...before.unknown_resources, ...added.unknown_resources])];
    return {
        asset,
        assets,
        ...(unknown !== undefined && { unknown_resources: unknown }),
        intel: { score: Math.max(before.intel.score, added.intel.score), hits },
        providers: added.providers,
        degraded: [...new Set([...before.degraded, ...added.degraded])],
    };
}
const MAX_HITS = 64;
const PROGRESS_EVERY = 1000;
async function replay(input, name, rulesets, options) {
    const started = performance.now();
    const startedAt = options.now ?? new Date();
    const tallies = rulesets.map(emptyTally);
    const histories = rulesets.map((rules) => {
        const { maxIncidents, windowMs } = rules.aggregation;
        const limit = Math.max(100, rules.scoring.history_saturation, maxIncidents);
        return new triage_history/* MemoryHistory */.E2(limit, Math.max(windowMs, rules.historyWindow?.ms ?? 0));
    });
    const open = new Map();
    const changes = [];
    let changed = 0;
    let events = 0;
    let incidents = 0;
    let bytes = 0;
    let duplicates = 0;
    // The store records an event id once; a re-delivered event is not a new one here either.
    const seen = new Set();
    for (const document of (0,documents/* readDocuments */.r9)(input, name, documents/* DEFAULT_LIMITS */.dR)) {
        bytes += document.bytes.length + 1;
        for (const unit of (0,envelopes/* unwrapDocument */.NZ)(document)) {
            for (const event of (0,normalize/* normalizeUnit */.cg)(unit, {}, event0Time(document.origin))) {
                if (seen.has(event.id)) {
                    duplicates++;
                    continue;
                }
                seen.add(event.id);
                events++;
                // Correlation as the store does it, on the events' own times: replays are reproducible.
                const at = event.timestamp;
                const current = open.get(event.fingerprint);
                const idle = current ? Date.parse(at) - Date.parse(current.incident.timestamps.updated) : Infinity;
                const joins = current !== undefined && idle <= options.correlationWindowMs;
                const incident = joins
                    ? (0,store_incident/* addEvent */.W2)(current.incident, event, laterOf(current.incident.timestamps.updated, at))
                    : (0,store_incident/* openIncident */.pF)(replayId(incidents++, at), event, at);
                // Only the new event is looked up; what the incident's earlier events found is kept.
                const found = await options.enrich([event], incident);
                const state = joins
                    ? {
                        incident,
                        primary: RANK[event.severity] > RANK[current.primary.severity] ? event : current.primary,
                        enrichment: mergeEnrichment(current.enrichment, found),
                    }
                    : { incident, primary: event, enrichment: found };
                open.set(event.fingerprint, state);
                const { enrichment } = state;
                // History windows run on the events' times; whether a suppression still applies is judged now,
                // as it would be for the next event: a backtest answers "what would this config do today".
                const now = startedAt;
                const decisions = rulesets.map((rules, i) => {
                    const history = histories[i];
                    const decision = (0,decide/* decide */.LD)({ incident, events: [state.primary], enrichment, history: history.past(incident), now }, rules);
                    history.add(incident);
                    count(tallies[i], decision);
                    return decision;
                });
                const [before, after] = decisions;
                const unreviewed = decisions.map((decision, i) => {
                    const route = rulesets[i].routes.find((r) => r.id === decision.playbook);
                    if (decision.outcome !== 'routed' || !route?.unreviewed)
                        return [];
                    const input = { incident, events: [state.primary], enrichment, history: NO_HISTORY, now };
                    return route.unreviewed((0,decide/* conditionContext */.FQ)(input, { score: decision.score, history: decision.enrichment.history }));
                });
                const [autoBefore = [], autoAfter = []] = unreviewed;
                if (before &&
                    after &&
                    (routeKey(before) !== routeKey(after) || autoBefore.join('\n') !== autoAfter.join('\n'))) {
                    changed++;
                    if (changes.length < CHANGES_KEPT) {
                        changes.push({
                            origin: document.origin,
                            event: event.id,
                            kind: event.kind,
                            resource: event.resource,
                            before: routeKey(before),
                            after: routeKey(after),
                            unreviewed_before: autoBefore,
                            unreviewed_after: autoAfter,
                        });
                    }
                }
                if (events % PROGRESS_EVERY === 0)
                    options.onProgress?.(events, bytes, input.length);
            }
        }
    }
    options.onProgress?.(events, input.length, input.length);
    const ms = performance.now() - started;
    return {
        events,
        duplicates,
        incidents,
        bytes: input.length,
        ms,
        eventsPerSecond: ms > 0 ? events / (ms / 1000) : 0,
        tallies: tallies.map(closeTally),
        changes,
        changed,
    };
}
function laterOf(a, b) {
    return Date.parse(b) > Date.parse(a) ? b : a;
}
/** Events without a time of their own get the epoch: a replay must not depend on when it runs. */
function event0Time(_origin) {
    return '1970-01-01T00:00:00.000Z';
}
//# sourceMappingURL=replay.js.map
// EXTERNAL MODULE: ./lib/src/cli/io.js
var cli_io = __webpack_require__(97819);
;// CONCATENATED MODULE: ./lib/src/cli/replay-command.js
// `irac replay FILE.ndjson [--repo DIR] [--config FILE] [--compare REF] [--remote-enrichment] [--json]`:
// backtests triage over many raw events and writes nothing. With --compare, the configuration and
// playbooks as they were at REF decide too, and the events whose route changes are listed.









const number = (n) => Math.round(n).toLocaleString('en');
/** `1 event`, `2 events`, `0 events`. */
const counted = (n, one, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;
function progress(io) {
    if (!process.stderr.isTTY)
        return undefined;
    let last = 0;
    return (events, bytes, total) => {
        const now = Date.now();
        if (now - last < 100 && bytes < total)
            return;
        last = now;
        const share = total === 0 ? 1 : bytes / total;
        const width = 30;
        const filled = Math.round(share * width);
        io.stderr(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${number(events)} events${bytes >= total ? '\n' : ''}`);
    };
}
function tallyLines(tallies, labels) {
    const keys = [...new Set(tallies.flatMap((tally) => Object.keys(tally.routes)))].sort();
    const width = Math.max(24, ...keys.map((key) => key.length));
    const head = ['ROUTE'.padEnd(width), ...labels.map((label) => `${label} events/incidents`.padStart(28))];
    const rows = keys.map((key) => [
        key.padEnd(width),
        ...tallies.map((tally) => {
            const count = tally.routes[key];
            return (count ? `${number(count.events)} / ${number(count.incidents)}` : '-').padStart(28);
        }),
    ]);
    const severity = (tally) => ['critical', 'high', 'medium', 'low']
        .map((s) => `${s} ${number(tally.severities[s])}`)
        .join(', ');
    return [
        head.join('  ').trimEnd(),
        ...rows.map((row) => row.join('  ').trimEnd()),
        '',
        ...tallies.map((tally, i) => `${labels.length > 1 ? `${labels[i]}: ` : ''}severity ${severity(tally)}; suppressed ${number(tally.suppressed)}, aggregated ${number(tally.aggregated)}, degraded ${number(tally.degraded)}`),
    ];
}
function render(report, labels, file) {
    const lines = [
        `replayed ${counted(report.events, 'event')} from ${file} as ${counted(report.incidents, 'incident')} in ${(report.ms / 1000).toFixed(2)} s (${number(report.eventsPerSecond)} events/s)${report.duplicates ? `; ${counted(report.duplicates, 're-delivery', 're-deliveries')} left out` : ''}`,
        '',
        ...tallyLines(report.tallies, labels),
    ];
    if (labels.length > 1) {
        const change = report.changed === 1 ? 'event changes' : 'events change';
        lines.push('', `${number(report.changed)} ${change} route, or what runs without a reviewer, from ${labels[0]} to ${labels[1]}`);
        const steps = (list) => (list.length === 0 ? 'none' : list.join(', '));
        for (const change of report.changes.slice(0, 50)) {
            lines.push(`  ${change.origin}  ${change.before} → ${change.after}  ${(0,display/* displayText */.WV)(change.kind, 60) ?? ''}  ${(0,display/* displayText */.WV)(change.resource, 80) ?? ''}`);
            if (change.unreviewed_before.join('\n') !== change.unreviewed_after.join('\n')) {
                lines.push(`      unreviewed destructive steps: ${steps(change.unreviewed_before)} → ${steps(change.unreviewed_after)}`);
            }
        }
        if (report.changed > 50)
            lines.push(`  … and ${number(report.changed - 50)} more (--json lists up to 1,000)`);
    }
    return `${lines.join('\n')}\n`;
}
/**
 * Where the configuration and playbooks are: the top level of the git repository `dir` is in, as for
 * `irac triage` (so that replay from a subdirectory decides as triage would, and `--compare` reads the
 * same paths at REF), or `dir` itself when it is in none: a directory of rules alone can be replayed.
 */
async function rulesRoot(dir) {
    const info = await (0,promises_.stat)(dir).catch(() => undefined);
    if (!info)
        throw new errors/* InputError */.dz(dir, 'no such directory');
    if (!info.isDirectory())
        throw new errors/* InputError */.dz(dir, 'is not a directory');
    const top = await new store_git/* Git */.TU(dir).run(['rev-parse', '--show-toplevel'], { okCodes: [0, 128] });
    return top.exitCode === 0 ? top.stdout.trim() : dir;
}
async function replayCommand(file, options, io) {
    const { bytes, name } = await (0,cli_io/* readInput */.R)(file, io);
    const repoRoot = await rulesRoot((0,external_node_path_.resolve)(options.repo ?? process.cwd()));
    const config = await (0,config_config/* loadConfig */.Z9)({ repoRoot, ...(options.config ? { file: options.config } : {}) });
    const localOnly = !options.remoteEnrichment;
    const current = await (0,engine/* loadTriageEngine */.fM)({ repoRoot, config, localOnly });
    const engines = [current];
    const labels = ['now'];
    if (options.compare !== undefined) {
        if (options.compare.startsWith('-'))
            throw new errors/* UsageError */.eb(`--compare takes a git ref, not ${options.compare}`);
        const git = new store_git/* Git */.TU(repoRoot);
        const configPath = config.path === undefined ? undefined : (0,external_node_path_.relative)(repoRoot, config.path);
        engines.unshift(await (0,engine/* loadTriageAt */.im)(git, options.compare, { configPath }));
        labels.unshift(options.compare);
    }
    const onProgress = progress(io);
    const report = await replay(bytes, name, engines.map((engine) => engine.rules), {
        correlationWindowMs: config.correlationWindowMs,
        enrich: current.enrich,
        ...(onProgress && { onProgress }),
    });
    if (options.json) {
        io.stdout(`${JSON.stringify({ ...report, rulesets: labels })}\n`);
        return;
    }
    io.stdout(render(report, labels, name));
}
//# sourceMappingURL=replay-command.js.map

/***/ }),

/***/ 24880:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ canonicalJson),
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var canonicalize__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98799);
// The hashes irac's records rest on: sha256 of exact bytes, and of canonical JSON (RFC 8785: sorted
// keys, one number form) so that anyone can recompute a hash over a JSON value with any library.


function sha256Hex(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)('sha256', data, 'hex');
}
/** RFC 8785 canonical JSON of a value. */
function canonicalJson(value) {
    return (0,canonicalize__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)(value) ?? '';
}
//# sourceMappingURL=digest.js.map

/***/ }),

/***/ 28238:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ renderParameters),
/* harmony export */   v: () => (/* binding */ needsApproval)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65071);
/* harmony import */ var _triage_expressions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79512);
// A playbook as the rest of irac uses it: checked, conditions and templates compiled, defaults applied.
// Triage routes on `trigger` in `priority` order; the planner asks each step whether it applies
// (`when`), what its parameters are for this incident and whether it needs a reviewer.


/**
 * Whether a step waits for a reviewer on this incident: when it says so, and for a destructive action
 * unless the playbook's pre-authorized scope holds for the incident. A scope that fails on the incident
 * (a key it lacks) does not hold: pre-authorization is what must be shown, not what is left over.
 */
function needsApproval(playbook, step, context) {
    if (step.requiresApproval)
        return true;
    if (!step.action.destructive)
        return false;
    const scope = playbook.tier.preauthorizedWhen;
    if (!scope)
        return true;
    try {
        return !scope.evaluate(context);
    }
    catch (error) {
        if (error instanceof _triage_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .ConditionError */ .iG)
            return true;
        throw error;
    }
}
/**
 * The step's parameters for one incident: the written ones and the action's defaults, templates
 * rendered, checked against the action's schema. Throws a TemplateError when a template fails on this
 * incident (the event names no instance), an InputError when the result does not fit the action.
 */
function renderParameters(step, context, item) {
    const rendered = {};
    const seen = item === undefined ? context : { ...context, item };
    for (const [key, value] of Object.entries({ ...step.action.defaults, ...step.parameters })) {
        rendered[key] = value.render(seen);
    }
    if (!step.action.validate(rendered)) {
        const [error] = step.action.validate.errors ?? [];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(step.where, `step "${step.id}": parameters for ${step.action.name} ${error ? `${error.instancePath || '/'} ${error.message ?? 'are invalid'}` : 'are invalid'}: ${JSON.stringify(rendered).slice(0, 500)}`);
    }
    return rendered;
}
//# sourceMappingURL=playbook.js.map

/***/ }),

/***/ 32064:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $n: () => (/* binding */ parseKeyIndex),
/* harmony export */   Ds: () => (/* binding */ eventIndexFile),
/* harmony export */   Hc: () => (/* binding */ BUDGET_INDEX_LIMIT),
/* harmony export */   Hg: () => (/* binding */ rawFile),
/* harmony export */   Ms: () => (/* binding */ newIncidentId),
/* harmony export */   NJ: () => (/* binding */ KEY_INDEX_LIMIT),
/* harmony export */   Pe: () => (/* binding */ parseKeyIndexLine),
/* harmony export */   Qe: () => (/* binding */ incidentDir),
/* harmony export */   Rm: () => (/* binding */ eventFile),
/* harmony export */   ST: () => (/* binding */ withKeyIndexLine),
/* harmony export */   UA: () => (/* binding */ auditFile),
/* harmony export */   Zt: () => (/* binding */ triageFile),
/* harmony export */   _H: () => (/* binding */ keyIndexFile),
/* harmony export */   checkIncidentId: () => (/* binding */ checkIncidentId),
/* harmony export */   eO: () => (/* binding */ STORE_README_FILE),
/* harmony export */   iX: () => (/* binding */ isIncidentId),
/* harmony export */   k9: () => (/* binding */ INCIDENTS_DIR),
/* harmony export */   kA: () => (/* binding */ budgetIndexFile),
/* harmony export */   nC: () => (/* binding */ KEY_INDEXES),
/* harmony export */   nr: () => (/* binding */ stepFile),
/* harmony export */   planFile: () => (/* binding */ planFile),
/* harmony export */   qK: () => (/* binding */ classifyPath),
/* harmony export */   rx: () => (/* binding */ incidentFile),
/* harmony export */   tK: () => (/* binding */ readmeFile)
/* harmony export */ });
/* unused harmony exports INDEX_DIR, keyIndexLine */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24880);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65071);
// Where things live in the repository. Every path irac writes is built here from generated ids and
// hex digests, never from input text, and every one of them is under `incidents/`.



const INCIDENTS_DIR = 'incidents';
/** Crockford's base32 in lower case: no i, l, o, u, so an id read aloud or retyped stays the same. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const INCIDENT_ID = /^IR-(\d{4})(\d{2})(\d{2})-[0-9a-hjkmnp-tv-z]{8}$/;
/** A fresh id: `IR-<yyyymmdd>-<8 random characters>` (40 random bits), dated by `now` in UTC. */
function newIncidentId(now) {
    const day = now.toISOString().slice(0, 10).replaceAll('-', '');
    let suffix = '';
    for (let i = 0; i < 8; i++)
        suffix += ALPHABET[(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomInt)(ALPHABET.length)];
    return `IR-${day}-${suffix}`;
}
function isIncidentId(text) {
    return INCIDENT_ID.test(text);
}
/** Rejects anything that is not an incident id before it comes near a path. */
function checkIncidentId(text, where = 'incident id') {
    if (!isIncidentId(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(where, `${JSON.stringify(text.slice(0, 80))} is not an incident id (IR-yyyymmdd-xxxxxxxx)`);
    }
    return text;
}
/** `incidents/<yyyy>/<mm>/<id>`: the date part of the id places it, so no lookup is needed. */
function incidentDir(id) {
    const match = INCIDENT_ID.exec(id);
    if (!match)
        throw new Error(`not an incident id: ${id}`);
    return `${INCIDENTS_DIR}/${match[1]}/${match[2]}/${id}`;
}
const incidentFile = (id) => `${incidentDir(id)}/incident.yaml`;
const auditFile = (id) => `${incidentDir(id)}/audit.jsonl`;
const readmeFile = (id) => `${incidentDir(id)}/README.md`;
const eventFile = (id, eventId) => `${incidentDir(id)}/events/${eventId}.json`;
const rawFile = (id, eventId) => `${incidentDir(id)}/events/${eventId}.raw.json`;
/**
 * Index files: one small file per key, sharded by the key's first two hex digits, so a lookup is one
 * object read whatever the size of the store, and writers of different keys never touch the same file.
 */
const INDEX_DIR = `${INCIDENTS_DIR}/.index`;
const EVENT_ID = /^([a-z]+)-([0-9a-f]{2})[0-9a-f]{30}$/;
const FINGERPRINT = /^([0-9a-f]{2})[0-9a-f]{62}$/;
/** `incidents/.index/events/<2 hex>/<event id>`: holds the id of the incident that recorded the event. */
function eventIndexFile(eventId) {
    const match = EVENT_ID.exec(eventId);
    if (!match)
        throw new Error(`not an event id: ${eventId}`);
    return `${INDEX_DIR}/events/${match[2]}/${eventId}`;
}
/**
 * History indexes: for a key — a fingerprint, a resource, an actor — every incident that has it, one
 * line each (`<incident id> <opened>`), in the order irac recorded them. The last line of a fingerprint's
 * file is the incident an event may correlate with; triage counts past incidents from all three.
 */
const KEY_INDEXES = ['fingerprints', 'resources', 'actors'];
/**
 * `incidents/.index/<index>/<2 hex>/<key>`. A fingerprint is its own key; a resource or an actor, which
 * are text from events, is keyed by its sha256, so no input ever names a path.
 */
function keyIndexFile(index, value) {
    const key = index === 'fingerprints' ? value : (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .f)(value);
    if (!FINGERPRINT.test(key))
        throw new Error(`not a fingerprint: ${key}`);
    return `${INDEX_DIR}/${index}/${key.slice(0, 2)}/${key}`;
}
function keyIndexLine(incident, opened) {
    return `${incident} ${opened}\n`;
}
/**
 * How many incidents a history index file lists: the most recent ones. Triage's measures saturate
 * long before (history_saturation, max_incidents), and a key behind every incident — one role making
 * every API call — must not make each ingest read and rewrite a file the size of the store.
 */
const KEY_INDEX_LIMIT = 256;
/** One line of an index file, or undefined when it is not `<incident id> <opened>`. */
function parseKeyIndexLine(line) {
    const [incident = '', opened = '', ...rest] = line.split(' ');
    const openedMs = Date.parse(opened);
    return isIncidentId(incident) && rest.length === 0 && !Number.isNaN(openedMs)
        ? { incident, opened, openedMs }
        : undefined;
}
/** The lines of an index file that are well formed; verify reports the others. */
function parseKeyIndex(text) {
    return text.split('\n').flatMap((line) => parseKeyIndexLine(line) ?? []);
}
/** The index file with `incident` added as its newest line, the oldest dropped past the limit. */
function withKeyIndexLine(text, incident, opened) {
    const lines = parseKeyIndex(text);
    if (lines.some((line) => line.incident === incident))
        return undefined;
    return [...lines.map((line) => keyIndexLine(line.incident, line.opened)), keyIndexLine(incident, opened)]
        .slice(-KEY_INDEX_LIMIT)
        .join('');
}
/**
 * Blast-radius budget ledgers: for one budget's action and scope (an account, an account and region, or
 * everything), one line per target a live run was allowed to act on — `<incident id> <at> <step>` — written
 * in the same commit as the step's `running` entry, so concurrent runs cannot both take the last unit.
 * `incidents/.index/budgets/<2 hex>/<sha256 of the scope>`.
 */
function budgetIndexFile(scope) {
    const key = (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .f)(scope);
    return `${INDEX_DIR}/budgets/${key.slice(0, 2)}/${key}`;
}
/** How many lines a budget ledger keeps: more than any budget's max, which is at most 1000. */
const BUDGET_INDEX_LIMIT = 1000;
const triageFile = (id) => `${incidentDir(id)}/triage.json`;
const planFile = (id) => `${incidentDir(id)}/plan.json`;
/** A plan step's record: what it changed and undo restores (and a lookup's evidence), as last journaled. */
const stepFile = (id, step) => `${incidentDir(id)}/steps/${step}.json`;
/** The store's own README, regenerated by `irac metrics --write`: open incidents, breaches, a chart. */
const STORE_README_FILE = `${INCIDENTS_DIR}/README.md`;
const INCIDENT_PATH = /^incidents\/(\d{4})\/(\d{2})\/(IR-\d{8}-[0-9a-hjkmnp-tv-z]{8})\/(incident\.yaml|audit\.jsonl|README\.md|triage\.json|plan\.json|events\/([a-z]+-[0-9a-f]{32})(\.raw)?\.json|steps\/([a-z0-9][a-z0-9-]{0,63}(?:\.[1-9][0-9]{0,2})?)\.json)$/;
const INDEX_PATH = /^incidents\/\.index\/(events|fingerprints|resources|actors|budgets)\/([0-9a-f]{2})\/([a-z0-9-]+)$/;
const FILE_KINDS = {
    'incident.yaml': 'incident',
    'audit.jsonl': 'audit',
    'README.md': 'readme',
    'triage.json': 'triage',
    'plan.json': 'plan',
};
function classifyPath(path) {
    if (path === STORE_README_FILE)
        return { kind: 'store-readme' };
    const incident = INCIDENT_PATH.exec(path);
    if (incident) {
        const id = incident[3];
        if (incidentDir(id) !== `incidents/${incident[1]}/${incident[2]}/${id}`)
            return { kind: 'unknown' };
        const file = incident[4];
        if (file in FILE_KINDS)
            return { kind: FILE_KINDS[file], incident: id };
        if (incident[7])
            return { kind: 'step', incident: id, step: incident[7] };
        return { kind: incident[6] ? 'raw' : 'event', incident: id, event: incident[5] };
    }
    const index = INDEX_PATH.exec(path);
    if (index) {
        const [, name = '', shard = '', key = ''] = index;
        if (name === 'events') {
            if (EVENT_ID.test(key) && eventIndexFile(key) === path)
                return { kind: 'event-index', event: key };
        }
        else if (FINGERPRINT.test(key) && key.startsWith(shard)) {
            if (name === 'budgets')
                return { kind: 'budget-index', key };
            return { kind: 'key-index', index: name, key };
        }
    }
    return { kind: 'unknown' };
}
//# sourceMappingURL=layout.js.map

/***/ }),

/***/ 66055:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ MemoryHistory),
/* harmony export */   Ih: () => (/* binding */ pastIncidents)
/* harmony export */ });
/* unused harmony export keysOf */
/* harmony import */ var _store_layout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32064);
// History: the incidents this store recorded before the one being triaged that share its fingerprint,
// one of its resources or one of its actors, read from the history indexes (one small file per key,
// so the cost does not grow with the store). Replay keeps the same lists in memory instead.

/** What an incident is indexed under, per index. */
function keysOf(incident) {
    return {
        fingerprints: [incident.fingerprint],
        resources: incident.resources,
        actors: incident.actors,
    };
}
/** Lines opened before `incident` (or at the same instant, when another incident), deduplicated. */
function before(lines, incident) {
    const opened = Date.parse(incident.timestamps.opened);
    const seen = new Map();
    for (const line of lines) {
        if (line.incident !== incident.id && line.openedMs <= opened)
            seen.set(line.incident, line);
    }
    return [...seen.values()];
}
/** Reads the history indexes through `read` (a transaction, a tree at some commit). */
async function pastIncidents(read, incident) {
    const keys = keysOf(incident);
    const linesOf = async (index) => {
        const texts = await Promise.all(keys[index].map((value) => read((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .keyIndexFile */ ._H)(index, value))));
        return before(texts.flatMap((text) => (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .parseKeyIndex */ .$n)(text ?? '')), incident);
    };
    const [fingerprints, resources, actors] = await Promise.all([
        linesOf('fingerprints'),
        linesOf('resources'),
        linesOf('actors'),
    ]);
    return { fingerprints, resources, actors };
}
/**
 * The same lists, kept in memory: replay's history is the events replayed before. A key's lines are
 * read from the newest back, at most `limit` of them within `windowMs`: enough for every measure
 * triage takes from them (history saturates, aggregation has a maximum), and a key shared by thousands
 * of incidents (one role behind every API call) does not make each lookup scan them all.
 */
class MemoryHistory {
    limit;
    windowMs;
    lines = {
        fingerprints: new Map(),
        resources: new Map(),
        actors: new Map(),
    };
    /** Incidents already listed under a key, so a join does not list its incident again. */
    listed = new Set();
    constructor(limit, windowMs) {
        this.limit = limit;
        this.windowMs = windowMs;
    }
    add(incident) {
        const keys = keysOf(incident);
        for (const index of _store_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .KEY_INDEXES */ .nC) {
            for (const value of keys[index]) {
                const marker = `${index}\u0000${value}\u0000${incident.id}`;
                if (this.listed.has(marker))
                    continue;
                this.listed.add(marker);
                const list = this.lines[index].get(value) ?? [];
                list.push({
                    incident: incident.id,
                    opened: incident.timestamps.opened,
                    openedMs: Date.parse(incident.timestamps.opened),
                });
                this.lines[index].set(value, list);
            }
        }
    }
    past(incident) {
        const keys = keysOf(incident);
        const opened = Date.parse(incident.timestamps.opened);
        const recent = (list) => {
            const found = [];
            for (let i = list.length - 1; i >= 0 && found.length < this.limit; i--) {
                const line = list[i];
                const at = line.openedMs;
                if (line.incident !== incident.id && at <= opened && opened - at <= this.windowMs)
                    found.push(line);
            }
            return found;
        };
        const of = (index) => before(keys[index].flatMap((value) => recent(this.lines[index].get(value) ?? [])), incident);
        return { fingerprints: of('fingerprints'), resources: of('resources'), actors: of('actors') };
    }
}
//# sourceMappingURL=history.js.map

/***/ }),

/***/ 98799:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ canonicalize)
/* harmony export */ });
function hasLoneSurrogate (value) {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);

    if (code >= 0xD800 && code <= 0xDBFF) {
      if (i === value.length - 1) {
        return true;
      }
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xDC00 && next <= 0xDFFF)) {
        return true;
      }
      i++;
    } else if (code >= 0xDC00 && code <= 0xDFFF) {
      return true;
    }
  }

  return false;
}

function canonicalize (object, seen = new Set()) {
  if (typeof object === 'number' && isNaN(object)) {
    throw new Error('NaN is not allowed');
  }

  if (typeof object === 'number' && !isFinite(object)) {
    throw new Error('Infinity is not allowed');
  }

  if (typeof object === 'string' && hasLoneSurrogate(object)) {
    throw new Error('Lone surrogate is not allowed');
  }

  if (object === null || typeof object !== 'object') {
    return JSON.stringify(object);
  }

  if (typeof object.toJSON === 'function') {
    if (seen.has(object)) {
      throw new Error('Circular reference detected');
    }
    seen.add(object);
    const result = canonicalize(object.toJSON(), seen);
    seen.delete(object);
    return result;
  }

  if (seen.has(object)) {
    throw new Error('Circular reference detected');
  }
  seen.add(object);

  let result;
  if (Array.isArray(object)) {
    const values = object.map((cv) => {
      const value = cv === undefined || typeof cv === 'symbol' ? null : cv;
      return canonicalize(value, seen);
    });
    result = `[${values.join(',')}]`;
  } else {
    const parts = [];
    for (const key of Object.keys(object).sort()) {
      if (object[key] === undefined || typeof object[key] === 'symbol') {
        continue;
      }
      parts.push(`${canonicalize(key)}:${canonicalize(object[key], seen)}`);
    }
    result = `{${parts.join(',')}}`;
  }

  seen.delete(object);
  return result;
}


/***/ })

};
