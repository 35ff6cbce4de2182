export const id = 6887;
export const ids = [6887];
export const modules = {

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

/***/ 5611:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H5: () => (/* binding */ verifyChain),
/* harmony export */   oP: () => (/* binding */ nextEntry)
/* harmony export */ });
/* unused harmony exports GENESIS, entryHash */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24880);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38674);
// The per-incident audit trail, `audit.jsonl`: append-only, one JSON object per line, hash-chained.
// Each entry's hash is the sha256 of its canonical JSON (RFC 8785: sorted keys, fixed number form)
// without the hash field, and each entry names the previous entry's hash, so anyone can recompute the
// chain with any JSON library and a changed byte, a deleted line or a reordered line shows.


/** The `prev` of the first entry: no entry before it. */
const GENESIS = '0'.repeat(64);
function entryHash(entry) {
    return (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .f)((0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .d)(entry));
}
function lines(text) {
    return text.split('\n').filter((line) => line !== '');
}
/** The entry that would follow the chain in `text` (verified first), and the line to append for it. */
function nextEntry(text, record) {
    const last = lines(text).at(-1);
    const previous = last === undefined ? undefined : JSON.parse(last);
    const body = {
        seq: previous ? previous.seq + 1 : 1,
        at: record.at,
        actor: record.actor,
        action: record.action,
        incident: record.incident,
        data: record.data,
        prev: previous ? previous.hash : GENESIS,
    };
    const entry = { ...body, hash: entryHash(body) };
    return { entry, line: `${JSON.stringify(entry)}\n` };
}
const FIELDS = ['seq', 'at', 'actor', 'action', 'incident', 'data', 'prev', 'hash'];
const HEX64 = /^[0-9a-f]{64}$/;
function shapeProblem(value) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(value))
        return 'is not a JSON object';
    const keys = Object.keys(value);
    const missing = FIELDS.filter((field) => !Object.hasOwn(value, field));
    if (missing.length > 0)
        return `lacks ${missing.join(', ')}`;
    const extra = keys.filter((key) => !FIELDS.includes(key));
    if (extra.length > 0)
        return `has unexpected ${extra.join(', ')}`;
    if (!Number.isSafeInteger(value.seq))
        return 'seq is not an integer';
    for (const field of ['at', 'actor', 'action', 'incident']) {
        if (typeof value[field] !== 'string')
            return `${field} is not a string`;
    }
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(value.data))
        return 'data is not an object';
    if (typeof value.prev !== 'string' || !HEX64.test(value.prev))
        return 'prev is not a sha256';
    if (typeof value.hash !== 'string' || !HEX64.test(value.hash))
        return 'hash is not a sha256';
    return undefined;
}
/**
 * Every problem in an audit trail, as `<path>:<line>: what`: lines that do not parse or lack fields,
 * hashes that do not match the entry, links to the wrong previous entry, sequence gaps, and entries
 * for another incident. An empty list means the chain is intact.
 */
function verifyChain(text, path, incident) {
    const problems = [];
    let previous;
    const all = text.split('\n');
    if (text !== '' && !text.endsWith('\n'))
        problems.push(`${path}:${all.length}: last line is not terminated`);
    all.forEach((line, index) => {
        const where = `${path}:${index + 1}`;
        if (line === '') {
            if (index < all.length - 1)
                problems.push(`${where}: empty line inside the chain`);
            return;
        }
        let value;
        try {
            value = JSON.parse(line);
        }
        catch {
            problems.push(`${where}: not JSON`);
            previous = undefined;
            return;
        }
        const shape = shapeProblem(value);
        if (shape) {
            problems.push(`${where}: entry ${shape}`);
            previous = undefined;
            return;
        }
        const entry = value;
        const { hash, ...body } = entry;
        if (entryHash(body) !== hash)
            problems.push(`${where}: hash does not match the entry (altered)`);
        if (entry.incident !== incident)
            problems.push(`${where}: entry belongs to ${entry.incident}, not ${incident}`);
        const expectedSeq = previous ? previous.seq + 1 : 1;
        if (entry.seq !== expectedSeq)
            problems.push(`${where}: seq ${entry.seq}, expected ${expectedSeq}`);
        const expectedPrev = previous ? previous.hash : GENESIS;
        if (entry.prev !== expectedPrev)
            problems.push(`${where}: prev does not name the entry before it`);
        previous = entry;
    });
    return problems;
}
//# sourceMappingURL=audit.js.map

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

/***/ 82823:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hg: () => (/* binding */ mermaidText),
/* harmony export */   K$: () => (/* binding */ NOTHING),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   jD: () => (/* binding */ tableRow)
/* harmony export */ });
/* unused harmony export MERMAID_TEXT_MAX */
/* harmony import */ var _ingest_display_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6481);
// Untrusted text (event titles, kinds, resources, actors) in the Markdown and Mermaid that GitHub
// renders. Markdown escaping by backslashes is a losing game (links, images, raw HTML, autolinks,
// @mentions, emoji, entities each have their own rules), so every untrusted value goes into a code
// span, where GitHub renders nothing but the text. Mermaid has no such literal form: its lexer treats
// `:`, `#`, `;` and `%%` as syntax anywhere on a line, so diagram text keeps a small, inert alphabet.

/** What a table or list shows for a value that is absent or has nothing printable. */
const NOTHING = '—';
function longestBacktickRun(text) {
    let longest = 0;
    for (const run of text.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    return longest;
}
/**
 * A value as a CommonMark code span: control and bidi characters neutralized and line breaks turned
 * into spaces (displayText), delimited by one backtick more than the longest run inside, padded with
 * a space where the value starts or ends with a backtick or a space (the parser strips one from each
 * side). Outside a table only: inside one, tableRow escapes the pipes.
 */
function codeSpan(value, max = _ingest_display_js__WEBPACK_IMPORTED_MODULE_0__/* .DISPLAY_MAX */ .M$) {
    const text = (0,_ingest_display_js__WEBPACK_IMPORTED_MODULE_0__/* .displayText */ .WV)(value, max);
    if (text === undefined)
        return NOTHING;
    const fence = '`'.repeat(longestBacktickRun(text) + 1);
    const padding = /^[` ]|[` ]$/.test(text) ? ' ' : '';
    return `${fence}${padding}${text}${padding}${fence}`;
}
/**
 * One GFM table row. GFM splits a row on pipes before it parses anything inline, code spans
 * included, so every pipe in a cell is escaped; a line break would end the row, and in a code span
 * it means a space anyway.
 */
function tableRow(cells) {
    const escaped = cells.map((cell) => cell.replace(/\r\n|[\r\n]/g, ' ').replaceAll('|', '\\|'));
    return `| ${escaped.join(' | ')} |`;
}
// Letters and digits of any script, and punctuation no Mermaid diagram gives a meaning to.
const MERMAID_UNSAFE = /[^\p{L}\p{Nd} ._\-/()@,]+/gu;
const MERMAID_TEXT_MAX = 60;
/**
 * Text for a Mermaid label: NFC (so accented letters stay letters rather than a letter and a
 * combining mark), every run of other characters one space, cut at `max` code points with `...`.
 * Empty when nothing is left: callers supply their own fallback.
 */
function mermaidText(value, max = MERMAID_TEXT_MAX) {
    const text = value.normalize('NFC').replace(MERMAID_UNSAFE, ' ').replace(/ {2,}/g, ' ').trim();
    const codePoints = Array.from(text);
    if (codePoints.length <= max)
        return text;
    return `${codePoints
        .slice(0, max - 3)
        .join('')
        .trimEnd()}...`;
}
//# sourceMappingURL=markdown.js.map

/***/ }),

/***/ 62248:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jz: () => (/* binding */ mermaidTimeline),
/* harmony export */   LM: () => (/* binding */ TIMELINE_MAX),
/* harmony export */   Lt: () => (/* binding */ renderIncidentReadme),
/* harmony export */   ej: () => (/* binding */ auditPoint)
/* harmony export */ });
/* unused harmony export auditSummary */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82823);
// The generated README.md of an incident directory: what GitHub shows first when someone opens the
// incident. A pure function of incident.yaml and audit.jsonl, byte for byte, so `irac verify` can
// render it again and compare. Every string that came from an event or an actor goes through
// markdown.ts: a crafted finding title must not turn the page into a phishing link or a ping.

/** The timeline shows the most recent entries only: Mermaid lays a timeline out in one long row. */
const TIMELINE_MAX = 50;
const SUMMARY_MAX = 160;
const MERMAID_TITLE_MAX = 80;
// The form irac writes. Anything else is shown verbatim in a code span rather than guessed at
// (Date.parse accepts implementation-defined forms, which would make the bytes depend on the runtime).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
function utcTime(value) {
    if (!RFC3339.test(value))
        return undefined;
    const date = new Date(value);
    if (Number.isNaN(date.getTime()))
        return undefined;
    const iso = date.toISOString();
    return { day: iso.slice(0, 10), time: iso.slice(11, 19) };
}
function timeCell(value) {
    if (value === null)
        return _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .NOTHING */ .K$;
    const utc = utcTime(value);
    return utc ? `${utc.day} ${utc.time} UTC` : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(value);
}
function listCell(values) {
    return values.length === 0 ? _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .NOTHING */ .K$ : values.map((value) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(value)).join(', ');
}
function summaryTable(incident) {
    const { timestamps } = incident;
    const rows = [
        ['Status', incident.status],
        ['Severity', incident.severity],
        ['Score', incident.score === null ? _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .NOTHING */ .K$ : incident.score.toFixed(2)],
        ['Playbook', incident.playbook === null ? _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .NOTHING */ .K$ : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(incident.playbook)],
        ['Decision', incident.decision ?? _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .NOTHING */ .K$],
        ['Detected', timeCell(timestamps.detected)],
        ['Opened', timeCell(timestamps.opened)],
        ['Acknowledged', timeCell(timestamps.acknowledged)],
        ['Triaged', timeCell(timestamps.triaged)],
        ['Contained', timeCell(timestamps.contained)],
        ['Resolved', timeCell(timestamps.resolved)],
        ['Updated', timeCell(timestamps.updated)],
        ['Events', String(incident.events)],
        ['Vendors', listCell(incident.vendors)],
        ['Kinds', listCell(incident.kinds)],
        ['Resources', listCell(incident.resources)],
        ['Actors', listCell(incident.actors)],
        ['Accounts', listCell(incident.accounts)],
    ];
    return [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableRow */ .jD)(['Field', 'Value']), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableRow */ .jD)(['---', '---']), ...rows.map((row) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableRow */ .jD)(row))];
}
function stringAt(data, key) {
    const value = data[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/**
 * One line about an audit entry. Actions that know best say it in `data.summary`; without one, the
 * line is built from the keys an ingest entry carries, so any action renders, just less eloquently.
 * The title leads: it is what a reader recognizes, and what survives when a label is cut short.
 */
function auditSummary(data) {
    const summary = stringAt(data, 'summary');
    if (summary !== undefined)
        return summary;
    const execution = executionSummary(data);
    if (execution !== undefined)
        return execution;
    const finding = [stringAt(data, 'severity'), stringAt(data, 'vendor'), stringAt(data, 'kind')]
        .filter((part) => part !== undefined)
        .join(' ');
    const details = [finding];
    if (data.joined === true)
        details.push('joined the incident');
    if (data.joined === false)
        details.push('opened the incident');
    const detail = details.filter((part) => part !== '').join(', ');
    const title = stringAt(data, 'title');
    if (title === undefined)
        return detail;
    return detail === '' ? title : `${title} (${detail})`;
}
/** A line about a plan's execution: a step's transition, a canary check, a dry run; undefined otherwise. */
function executionSummary(data) {
    const step = stringAt(data, 'step');
    const state = stringAt(data, 'state');
    if (step !== undefined && state !== undefined) {
        const by = stringAt(data, 'approved_by');
        const over = stringAt(data, 'over_budget');
        const said = stringAt(data, 'error') ?? stringAt(data, 'detail');
        if (state === 'journal')
            return `${step}: record journaled`;
        if (state === 'running') {
            return [`${step} running`, by && `approved by ${by}`, over && `over budget (${over})`]
                .filter(Boolean)
                .join(', ');
        }
        return said === undefined ? `${step} ${state}` : `${step} ${state}: ${said}`;
    }
    if (step !== undefined && typeof data.held === 'boolean') {
        return `canary of ${step} ${data.held ? 'held' : 'failed'}: ${stringAt(data, 'detail') ?? ''}`;
    }
    if (Array.isArray(data.steps) && stringAt(data, 'plan') !== undefined) {
        const results = data.steps.map((entry) => entry !== null && typeof entry === 'object' && !Array.isArray(entry)
            ? `${stringAt(entry, 'step')} ${stringAt(entry, 'result')}`
            : '');
        return `dry run: ${results.filter(Boolean).join(', ')}`;
    }
    return undefined;
}
// The Mermaid timeline lexer ends a period at the first ASCII colon, so `10:04` would be period `10`
// followed by a syntax error; U+2236 RATIO reads the same and is an ordinary character to it.
const RATIO = '\u2236';
/**
 * The lines of a Mermaid `timeline`, one section per UTC day in the order the points come, one
 * `HH∶MM : text` period per point. Lines only: the caller puts them in a fence or prints them bare.
 */
function mermaidTimeline(title, points) {
    const heading = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mermaidText */ .Hg)(title, MERMAID_TITLE_MAX);
    const lines = heading === '' ? ['timeline'] : ['timeline', `    title ${heading}`];
    let section;
    for (const point of points) {
        const utc = utcTime(point.at);
        const day = utc?.day ?? 'undated';
        if (day !== section) {
            lines.push(`    section ${day}`);
            section = day;
        }
        const period = utc ? `${utc.time.slice(0, 2)}${RATIO}${utc.time.slice(3, 5)}` : `--${RATIO}--`;
        // An event needs at least one character after `: `; a period alone is valid.
        const text = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mermaidText */ .Hg)(point.text);
        lines.push(text === '' ? `        ${period}` : `        ${period} : ${text}`);
    }
    return lines;
}
/** An audit entry as a point of a Mermaid timeline. */
function auditPoint(entry) {
    const summary = auditSummary(entry.data);
    return { at: entry.at, text: `${entry.action} by ${entry.actor}${summary === '' ? '' : ` - ${summary}`}` };
}
function auditTable(entries) {
    const rows = entries.map((entry) => {
        const utc = utcTime(entry.at);
        return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableRow */ .jD)([
            String(entry.seq),
            utc ? `${utc.day} ${utc.time}` : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(entry.at),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(entry.action),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(entry.actor),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(auditSummary(entry.data), SUMMARY_MAX),
        ]);
    });
    return [
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableRow */ .jD)(['Seq', 'Time (UTC)', 'Action', 'Actor', 'Summary']),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableRow */ .jD)(['---:', '---', '---', '---', '---']),
        ...rows,
    ];
}
function timeline(incident, entries) {
    if (entries.length === 0)
        return ['## Timeline', '', '_No audit entries yet._'];
    const shown = entries.slice(-TIMELINE_MAX);
    const leftOut = entries.length - shown.length;
    const scope = leftOut === 0
        ? `All ${entries.length} audit ${entries.length === 1 ? 'entry' : 'entries'}`
        : `The last ${shown.length} of ${entries.length} audit entries (${leftOut} earlier ${leftOut === 1 ? 'entry is' : 'entries are'} left out; \`audit.jsonl\` has every one)`;
    return [
        '## Timeline',
        '',
        `${scope}. Times are UTC.`,
        '',
        '```mermaid',
        ...mermaidTimeline(`${incident.id} ${incident.title}`, shown.map(auditPoint)),
        '```',
        '',
        ...auditTable(shown),
    ];
}
/** README.md for an incident directory, from its incident.yaml and its audit entries in chain order. */
function renderIncidentReadme(incident, entries) {
    const lines = [
        `# ${incident.id} — ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(incident.title)}`,
        '',
        '> Generated by irac from `incident.yaml` and `audit.jsonl`: do not edit.',
        '> `irac verify` renders it again and reports any difference.',
        '',
        ...summaryTable(incident),
        '',
        ...timeline(incident, entries),
    ];
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=readme.js.map

/***/ }),

/***/ 56887:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FW: () => (/* binding */ recordEvents),
/* harmony export */   YT: () => (/* binding */ auditTrailers),
/* harmony export */   r$: () => (/* binding */ parseAuditEntries),
/* harmony export */   rM: () => (/* binding */ readIncident)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24880);
/* harmony import */ var _audit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5611);
/* harmony import */ var _incident_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81720);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32064);
/* harmony import */ var _readme_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62248);
// Recording events: idempotency by event id, correlation by fingerprint within a window, and the files
// of one incident written together with its audit entry — one commit per event.





/** Reads an incident as the transaction sees it; undefined when there is none at that id. */
async function readIncident(tx, id) {
    const text = await tx.readText((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .incidentFile */ .rx)(id));
    return text === undefined ? undefined : (0,_incident_js__WEBPACK_IMPORTED_MODULE_2__/* .parseIncident */ .w4)(text, (0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .incidentFile */ .rx)(id));
}
function parseAuditEntries(text) {
    return text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line));
}
/** The open incident the event correlates with, if its fingerprint has one updated within the window. */
async function correlatedIncident(tx, event, now, windowMs) {
    const text = (await tx.readText((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .keyIndexFile */ ._H)('fingerprints', event.fingerprint))) ?? '';
    const latest = (0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .parseKeyIndex */ .$n)(text).at(-1)?.incident;
    if (latest === undefined)
        return undefined;
    const incident = await readIncident(tx, latest);
    // A suppressed incident takes no more events: the rule judged the events it had, and a later one
    // (from another address, say) must be judged on its own rather than hidden with them.
    if (!incident || incident.status === 'resolved' || incident.decision === 'suppressed')
        return undefined;
    const idle = now.getTime() - Date.parse(incident.timestamps.updated);
    return idle <= windowMs ? incident : undefined;
}
async function freshIncidentId(tx, now) {
    for (;;) {
        const id = (0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .newIncidentId */ .Ms)(now);
        if ((await tx.read((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .incidentFile */ .rx)(id))) === undefined)
            return id;
    }
}
/**
 * Adds the incident to the history index of each key it gained: its fingerprint when it opens, each
 * resource and actor the first time the incident lists it.
 */
async function indexKeys(tx, before, after) {
    const gained = [
        ...(before ? [] : [['fingerprints', after.fingerprint]]),
        ...after.resources
            .filter((r) => !before?.resources.includes(r))
            .map((r) => ['resources', r]),
        ...after.actors
            .filter((a) => !before?.actors.includes(a))
            .map((a) => ['actors', a]),
    ];
    for (const [index, value] of gained) {
        const path = (0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .keyIndexFile */ ._H)(index, value);
        const updated = (0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .withKeyIndexLine */ .ST)((await tx.readText(path)) ?? '', after.id, after.timestamps.opened);
        if (updated !== undefined)
            tx.write(path, updated);
    }
}
const SUBJECT_KIND_LENGTH = 60;
/** Records each event not recorded before, in order; one commit per recorded event. */
async function recordEvents(tx, items, context) {
    const recorded = [];
    for (const { event, raw } of items) {
        const already = (await tx.readText((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .eventIndexFile */ .Ds)(event.id)))?.trim();
        if (already !== undefined && (0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .isIncidentId */ .iX)(already)) {
            recorded.push({ event, incident: already, outcome: 'duplicate' });
            continue;
        }
        const now = context.now();
        const at = now.toISOString();
        const existing = await correlatedIncident(tx, event, now, context.correlationWindowMs);
        const incident = existing
            ? (0,_incident_js__WEBPACK_IMPORTED_MODULE_2__/* .addEvent */ .W2)(existing, event, at)
            : (0,_incident_js__WEBPACK_IMPORTED_MODULE_2__/* .openIncident */ .pF)(await freshIncidentId(tx, now), event, at);
        const id = incident.id;
        const eventJson = `${JSON.stringify(event, null, 2)}\n`;
        const incidentYaml = (0,_incident_js__WEBPACK_IMPORTED_MODULE_2__/* .serializeIncident */ .Rr)(incident);
        const auditText = (await tx.readText((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .auditFile */ .UA)(id))) ?? '';
        const { entry, line } = (0,_audit_js__WEBPACK_IMPORTED_MODULE_1__/* .nextEntry */ .oP)(auditText, {
            at,
            actor: context.actor,
            action: 'ingest',
            incident: id,
            data: {
                event: event.id,
                joined: existing !== undefined,
                vendor: event.vendor,
                kind: event.kind,
                severity: event.severity,
                title: event.title,
                timestamp: event.timestamp,
                event_sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .f)(eventJson),
                raw_sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .f)(raw),
                incident_sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .f)(incidentYaml),
            },
        });
        const audit = auditText + line;
        tx.write((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .eventFile */ .Rm)(id, event.id), eventJson);
        tx.write((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .rawFile */ .Hg)(id, event.id), raw);
        tx.write((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .incidentFile */ .rx)(id), incidentYaml);
        tx.write((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .auditFile */ .UA)(id), audit);
        tx.write((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .readmeFile */ .tK)(id), (0,_readme_js__WEBPACK_IMPORTED_MODULE_4__/* .renderIncidentReadme */ .Lt)(incident, parseAuditEntries(audit)));
        tx.write((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .eventIndexFile */ .Ds)(event.id), `${id}\n`);
        await indexKeys(tx, existing, incident);
        const kind = event.kind.length > SUBJECT_KIND_LENGTH
            ? `${event.kind.slice(0, SUBJECT_KIND_LENGTH - 1)}…`
            : event.kind;
        const commit = await tx.commit({
            subject: `ingest: ${id} ${existing ? 'joined by' : 'opened by'} ${event.severity} ${event.vendor} ${kind}`,
            body: [`event ${event.id}, vendor time ${event.timestamp}`, `resource ${event.resource}`],
            trailers: auditTrailers(entry),
        });
        recorded.push({ event, incident: id, outcome: existing ? 'joined' : 'opened', commit });
    }
    return recorded;
}
/** The trailers that tie a commit to the audit entry it appends; verify checks both ways. */
function auditTrailers(entry) {
    return [
        { key: 'Incident-Id', value: entry.incident },
        { key: 'Irac-Action', value: entry.action },
        { key: 'Irac-Actor', value: entry.actor },
        { key: 'Irac-Audit', value: `${entry.seq} ${entry.hash}` },
    ];
}
//# sourceMappingURL=record.js.map

/***/ })

};
