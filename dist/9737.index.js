export const id = 9737;
export const ids = [9737];
export const modules = {

/***/ 96752:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openStore: () => (/* binding */ openStore)
});

// EXTERNAL MODULE: ./lib/src/config/config.js + 1 modules
var config_config = __webpack_require__(96435);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/store/repository.js + 1 modules
var store_repository = __webpack_require__(19824);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/src/ingest/display.js
var display = __webpack_require__(6481);
;// CONCATENATED MODULE: ./lib/src/cli/actor.js
// Who is acting, as the audit trail and the commit trailers name them. In a workflow run: the account
// that triggered it and the run's URL. Locally: IRAC_ACTOR, else the git user's email, else the login.


const MAX_ACTOR = 200;
async function actorFromEnvironment(git, env = process.env) {
    let actor = env.IRAC_ACTOR || undefined;
    if (!actor && env.GITHUB_ACTIONS === 'true' && env.GITHUB_ACTOR) {
        const run = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
            ? ` (${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID})`
            : '';
        actor = `${env.GITHUB_ACTOR}${run}`;
    }
    actor ??= (await git.config('user.email')) ?? (0,external_node_os_.userInfo)().username;
    return (0,display/* displayText */.WV)(actor, MAX_ACTOR) ?? 'unknown';
}
//# sourceMappingURL=actor.js.map
;// CONCATENATED MODULE: ./lib/src/cli/store-context.js
// What every command that works on the incident store starts with: the repository (from --repo),
// its configuration (from --config), who is acting, and how commits are published.




async function openStore(options) {
    const repository = await store_repository/* IncidentRepository */.X.open(options.repo ?? process.cwd());
    const config = await (0,config_config/* loadConfig */.Z9)({
        repoRoot: repository.root,
        ...(options.config ? { file: options.config } : {}),
    });
    if (config.signing.requireSigned && config.signing.key === undefined) {
        throw new errors/* InputError */.dz(config.path ?? 'configuration', 'orchestrator.signing.require_signed is set but no signing key is configured (orchestrator.signing.key or IRAC_SIGNING_KEY)');
    }
    return {
        repository,
        config,
        actor: await actorFromEnvironment(repository.git),
        publish: {
            pushAttempts: config.pushAttempts,
            backoffBaseMs: config.backoffBaseMs,
            backoffMaxMs: config.backoffMaxMs,
            committer: config.committer,
            signingKey: config.signing.key,
        },
    };
}
//# sourceMappingURL=store-context.js.map

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

/***/ })

};
