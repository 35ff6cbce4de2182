export const id = 519;
export const ids = [519];
export const modules = {

/***/ 43257:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  testCommand: () => (/* binding */ testCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/config/config.js + 1 modules
var config_config = __webpack_require__(96435);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/ingest/display.js
var display = __webpack_require__(6481);
// EXTERNAL MODULE: ./lib/src/config/located-yaml.js
var located_yaml = __webpack_require__(88703);
// EXTERNAL MODULE: ./lib/src/config/schema-problems.js
var schema_problems = __webpack_require__(84035);
// EXTERNAL MODULE: ./lib/src/digest.js
var digest = __webpack_require__(24880);
// EXTERNAL MODULE: ./lib/src/ingest/normalize.js + 29 modules
var normalize = __webpack_require__(2218);
// EXTERNAL MODULE: ./lib/src/pipeline.js
var pipeline = __webpack_require__(87830);
// EXTERNAL MODULE: ./lib/src/plan/plan.js
var plan_plan = __webpack_require__(30153);
// EXTERNAL MODULE: ./lib/src/store/incident.js
var store_incident = __webpack_require__(81720);
// EXTERNAL MODULE: ./lib/src/triage/decide.js + 1 modules
var decide = __webpack_require__(95288);
// EXTERNAL MODULE: ./lib/src/triage/engine.js + 7 modules
var triage_engine = __webpack_require__(23458);
// EXTERNAL MODULE: ./lib/src/validation.js + 1 modules
var validation = __webpack_require__(69839);
// EXTERNAL MODULE: ./lib/src/playbooks/load.js
var load = __webpack_require__(98273);
// EXTERNAL MODULE: ./lib/src/playbooks/repo-files.js
var repo_files = __webpack_require__(20055);
;// CONCATENATED MODULE: ./lib/src/playbooks/cases.js
// Playbook test cases, kept next to the playbooks (playbooks/tests/<name>.yaml): an event as a vendor
// sends it, and what the repository's triage and playbooks must make of it — the route, the severity,
// whether a reviewer must approve and in which GitHub Environment, and the plan's steps with their
// parameters and API calls. A playbook pull request that changes any of it fails `irac test`.
//
// A case runs the code the store runs, without the store: the payload is normalized, made into an
// incident as ingest makes one (store/incident.ts), enriched from the repository's own asset registry and
// feeds, decided (triage/decide.ts) with no history, and planned (plan/plan.ts) from the decision as
// triage.json records it. Network sources (an HTTP registry, AbuseIPDB) are left out and reported
// skipped: a check on a pull request must not depend on a service being up, nor spend its quota.
// Nothing is written anywhere.















/** A case's incident has no past: what a case checks must not depend on the incidents of the day. */
const NO_HISTORY = { fingerprints: [], resources: [], actors: [] };
const PHRASES = {
    ...config_config/* PATTERN_PHRASES */.yI,
    name: 'a name of at most 200 characters without control characters',
    id: config_config/* PATTERN_PHRASES */.yI.slug ?? 'an id',
    playbook: config_config/* PATTERN_PHRASES */.yI.slug ?? 'an id',
    event_file: config_config/* PATTERN_PHRASES */.yI.repoPath ?? 'a path inside the repository',
    now: 'an instant with its zone, like "2026-03-02T08:20:00Z"',
};
/**
 * The id of every case's incident. The store draws ids at random; a case's must be the same every run,
 * or a parameter holding it (a ticket's labels) could not be expected. `testcase` is Crockford base32.
 */
function caseIncidentId(now) {
    return `IR-${now.toISOString().slice(0, 10).replaceAll('-', '')}-testcase`;
}
/** The file parsed and checked against schemas/playbook-test.schema.json; the first problem thrown. */
function parseCaseFile(text, file) {
    const yaml = (0,located_yaml/* parseLocatedYaml */.vJ)(text, file);
    if (yaml.value === null || yaml.value === undefined) {
        throw new errors/* InputError */.dz(`${file}:1:1`, 'is empty: a case file holds `cases:`, a list of cases');
    }
    const validate = (0,validation/* playbookTestValidator */.W_)();
    if (!validate(yaml.value)) {
        const problems = (validate.errors ?? []).flatMap((error) => {
            const problem = (0,schema_problems/* schemaProblem */.Zg)(error, PHRASES, 'the case file');
            return problem ? [{ at: yaml.locate(problem.path, problem.key), what: problem.what }] : [];
        });
        const [first] = problems.sort((a, b) => a.at.offset - b.at.offset);
        throw new errors/* InputError */.dz(first?.at.where ?? `${file}:1:1`, first?.what ?? 'is not a valid case file');
    }
    const value = yaml.value;
    const seen = new Map();
    for (const [index, testCase] of value.cases.entries()) {
        const at = yaml.locate(['cases', index, 'name']);
        const first = seen.get(testCase.name);
        if (first !== undefined) {
            throw new errors/* InputError */.dz(at.where, `duplicate case name ${(0,display/* quoteForMessage */.Hx)(testCase.name)} (first at line ${first})`);
        }
        seen.set(testCase.name, at.line);
        const payloads = ['event', 'event_file'].filter((key) => key in testCase);
        if (payloads.length !== 1) {
            throw new errors/* InputError */.dz(yaml.locate(['cases', index]).where, payloads.length === 0
                ? `case ${(0,display/* quoteForMessage */.Hx)(testCase.name)} has no event: give the payload inline (event) or in a file (event_file)`
                : `case ${(0,display/* quoteForMessage */.Hx)(testCase.name)} has both event and event_file: give one`);
        }
    }
    return { yaml, value };
}
function instant(text, at) {
    const ms = Date.parse(text);
    // Date.parse takes February 30 for March 2; the day as written must be one the calendar has.
    const day = text.slice(0, 10);
    const real = new Date(Date.parse(`${day}T00:00:00Z`)).toISOString().startsWith(day);
    if (Number.isNaN(ms) || !real)
        throw new errors/* InputError */.dz(at.where, `now ${(0,display/* quoteForMessage */.Hx)(text)} is not a time`);
    return new Date(ms);
}
/** The case's payload bytes, the name normalize's errors give them, and where the case names them. */
async function payloadOf(files, testCase, at) {
    if (testCase.event_file === undefined) {
        const { event } = testCase;
        const text = typeof event === 'string' ? event : JSON.stringify(event);
        return { bytes: Buffer.from(text, 'utf8'), name: 'event', at: at('event') };
    }
    const path = testCase.event_file;
    const where = at('event_file');
    // Read as the repository's other files are: inside it, no symbolic link, at most MAX_FILE_BYTES.
    let text;
    try {
        text = await files.readText(path);
    }
    catch (error) {
        if (!(error instanceof errors/* InputError */.dz))
            throw error;
        throw new errors/* InputError */.dz(where.where, `event_file ${(0,display/* quoteForMessage */.Hx)(path)} ${error.what}`);
    }
    if (text === undefined)
        throw new errors/* InputError */.dz(where.where, `event_file ${(0,display/* quoteForMessage */.Hx)(path)}: no such file`);
    return { bytes: Buffer.from(text, 'utf8'), name: path, at: where };
}
async function resolveCase(files, file, yaml, index, runNow) {
    const testCase = yaml.value.cases[index];
    const at = (key) => yaml.locate(['cases', index, key]);
    const now = testCase.now === undefined ? runNow : instant(testCase.now, at('now'));
    const payload = await payloadOf(files, testCase, at);
    const label = `case ${(0,display/* quoteForMessage */.Hx)(testCase.name)}`;
    let events;
    try {
        events = (0,normalize/* normalizeInput */.kz)(payload.bytes, {
            source: testCase.source,
            name: payload.name,
            receivedAt: now.toISOString(),
        });
    }
    catch (error) {
        if (!(error instanceof errors/* InputError */.dz))
            throw error;
        throw new errors/* InputError */.dz(payload.at.where, `${label}: ${error.message}`);
    }
    // The store records an event id once, and joins events of one fingerprint into one incident.
    const unique = [...new Map(events.map((event) => [event.id, event])).values()];
    const fingerprints = new Set(unique.map((event) => event.fingerprint));
    if (fingerprints.size > 1) {
        throw new errors/* InputError */.dz(payload.at.where, `${label}: its events would open ${fingerprints.size} incidents (they differ in vendor, kind, resource or actor); a case is one incident`);
    }
    return {
        file,
        name: testCase.name,
        where: yaml.locate(['cases', index]).where,
        now,
        events: unique,
        expect: testCase.expect,
    };
}
/** A case file's text; what keeps it from being read (too large, a link) is its problem at line 1. */
async function readCaseFile(files, file) {
    try {
        return await files.readText(file);
    }
    catch (error) {
        if (!(error instanceof errors/* InputError */.dz))
            throw error;
        throw new errors/* InputError */.dz(`${file}:1:1`, error.what);
    }
}
/** Whether NAME selects the case file `file`: its path, its name, or its name without `.yaml`. */
function selectsFile(name, file) {
    const base = file.slice(load/* CASES_DIR */.Cd.length + 1);
    return name === file || name === base || name === base.replace(/\.ya?ml$/, '');
}
/**
 * The cases of the repository's case files that `selection` names, in file order. Every file is
 * checked, selected or not; the first problem is thrown as an InputError at its `file:line:col`.
 */
async function loadCases(files, selection) {
    const cases = [];
    const used = new Set();
    for (const name of (await files.list(load/* CASES_DIR */.Cd)).filter(load/* isPlaybookFileName */.p7)) {
        const file = `${load/* CASES_DIR */.Cd}/${name}`;
        const text = await readCaseFile(files, file);
        if (text === undefined)
            continue;
        const { yaml, value } = parseCaseFile(text, file);
        const byFile = selection.names.filter((wanted) => selectsFile(wanted, file));
        for (const wanted of byFile)
            used.add(wanted);
        for (const [index, testCase] of value.cases.entries()) {
            const byName = selection.names.includes(testCase.name);
            if (byName)
                used.add(testCase.name);
            if (selection.names.length === 0 || byFile.length > 0 || byName) {
                cases.push(await resolveCase(files, file, yaml, index, selection.now));
            }
        }
    }
    const unknown = selection.names.find((wanted) => !used.has(wanted));
    if (unknown !== undefined) {
        throw new errors/* InputError */.dz((0,display/* quoteForMessage */.Hx)(unknown), `names no case file in ${load/* CASES_DIR */.Cd}/ and no case in one`);
    }
    return cases;
}
async function caseBench(root, config) {
    const engine = await (0,triage_engine/* loadTriageEngine */.fM)({ repoRoot: root, config, localOnly: true });
    const files = (0,repo_files/* workingTreeFiles */.rk)(root);
    return {
        rules: engine.rules,
        enrich: engine.enrich,
        playbooks: await (0,pipeline/* planningPlaybooks */.I)(root, config),
        playbookText: (file) => files.readText(file),
    };
}
/** The incident as triage leaves it (triage/record.ts), which is what planning reads. */
function triagedIncident(incident, decision, at) {
    return {
        ...incident,
        status: 'triaged',
        severity: decision.severity,
        score: decision.score.value,
        playbook: decision.playbook,
        decision: decision.outcome,
        timestamps: { ...incident.timestamps, triaged: at, updated: at },
    };
}
/** Records, triages and plans the case's incident as `irac run` would, in memory. */
async function triageAndPlan(bench, testCase) {
    const { events, now } = testCase;
    const at = now.toISOString();
    const [first, ...rest] = events;
    if (!first)
        throw new errors/* InputError */.dz(testCase.where, 'holds no security event');
    const incident = rest.reduce((joined, event) => (0,store_incident/* addEvent */.W2)(joined, event, at), (0,store_incident/* openIncident */.pF)(caseIncidentId(now), first, at));
    const enrichment = await bench.enrich(events, incident);
    const decision = (0,decide/* decide */.LD)({ incident, events, enrichment, history: NO_HISTORY, now }, bench.rules);
    const outcome = {
        outcome: decision.outcome,
        playbook: decision.playbook,
        severity: decision.severity,
        reason: decision.route.reason,
        degraded: decision.degraded,
    };
    if (decision.outcome !== 'routed' || decision.playbook === null) {
        return { ...outcome, needs_approval: false, environment: null, plan: null };
    }
    const playbook = bench.playbooks.find((candidate) => candidate.id === decision.playbook);
    if (!playbook) {
        throw new errors/* InputError */.dz(testCase.where, `is routed to playbook "${decision.playbook}", which could not be loaded`);
    }
    // Planning reads the decision back from triage.json: the plan is made from that text, as in the store.
    const decisionText = `${JSON.stringify(decision, null, 2)}\n`;
    const plan = await (0,plan_plan/* buildPlan */.Gg)({
        incident: triagedIncident(incident, decision, at),
        events,
        decision: JSON.parse(decisionText),
        decisionText,
        playbook,
        playbookText: (await bench.playbookText(playbook.file)) ?? '',
    });
    return {
        ...outcome,
        needs_approval: plan.needs_approval,
        environment: plan.needs_approval ? plan.environment : null,
        plan,
    };
}
/** A value in a one-line message: as JSON (strings quoted, controls escaped), neutralized and bounded. */
function shown(value, max = 160) {
    return (0,display/* displayText */.WV)(JSON.stringify(value) ?? String(value), max) ?? '?';
}
function differs(subject, expected, got) {
    return (0,digest/* canonicalJson */.d)(expected) === (0,digest/* canonicalJson */.d)(got)
        ? undefined
        : `${subject}: expected ${shown(expected)}, got ${shown(got)}`;
}
function stepDifferences(expected, step) {
    const found = [];
    const subject = `step ${expected.id}`;
    const why = step.skipped ? ` (${step.skipped})` : '';
    if (expected.applies !== undefined && expected.applies !== step.applies) {
        found.push(`${subject} applies: expected ${expected.applies}, got ${step.applies}${why}`);
    }
    if (expected.needs_approval !== undefined && expected.needs_approval !== step.needs_approval) {
        found.push(`${subject} needs_approval: expected ${expected.needs_approval}, got ${step.needs_approval}`);
    }
    for (const key of ['region', 'account']) {
        if (expected[key] === undefined)
            continue;
        const difference = differs(`${subject} ${key}`, expected[key], step.target[key]);
        if (difference)
            found.push(difference);
    }
    for (const [key, value] of Object.entries(expected.parameters ?? {})) {
        if (step.parameters === null) {
            found.push(`${subject} parameter ${key}: expected ${shown(value)}, got none: the step does not apply${why}`);
        }
        else if (!Object.hasOwn(step.parameters, key)) {
            found.push(`${subject} parameter ${key}: expected ${shown(value)}, got none`);
        }
        else {
            const difference = differs(`${subject} parameter ${key}`, value, step.parameters[key]);
            if (difference)
                found.push(difference);
        }
    }
    for (const call of expected.calls ?? []) {
        if (!step.calls.some((made) => made.call === call.call && made.target === call.target)) {
            const made = step.calls.map((c) => `${c.call} on ${c.target}`).join(', ');
            found.push(`${subject}: expected a call ${shown(call.call)} on ${shown(call.target)}, got ${(0,display/* displayText */.WV)(made, 300) ?? 'no calls'}${why}`);
        }
    }
    return found;
}
/** What differs in the plan's steps: each listed step, and with steps_exact the list itself. */
function planDifferences(expect, got) {
    const steps = expect.steps ?? [];
    if (steps.length === 0 && !expect.steps_exact)
        return [];
    if (got.plan === null)
        return [`steps: expected a plan, got none (${got.outcome})`];
    const { playbook, steps: planned } = got.plan;
    const found = [];
    for (const expected of steps) {
        const step = planned.find((candidate) => candidate.id === expected.id);
        if (step)
            found.push(...stepDifferences(expected, step));
        else
            found.push(`step ${expected.id}: expected in the plan of ${playbook.id}, got none`);
    }
    const [want, have] = [steps.map((step) => step.id), planned.map((step) => step.id)];
    if (expect.steps_exact && want.join('\n') !== have.join('\n')) {
        found.push(`steps: expected ${shown(want, 1000)}, got ${shown(have, 1000)}`);
    }
    return found;
}
/** What differs between a case's expectation and its outcome, one sentence each; [] when it passes. */
function caseDifferences(expect, got) {
    const found = [];
    const routing = [
        differs('outcome', expect.outcome, got.outcome),
        expect.playbook === undefined ? undefined : differs('playbook', expect.playbook, got.playbook),
    ].filter((difference) => difference !== undefined);
    // A wrong route is the failure that matters; why triage chose it is what the reader needs next.
    if (routing.length > 0)
        found.push(...routing, `why: ${(0,display/* displayText */.WV)(got.reason, 400) ?? 'unknown'}`);
    for (const key of ['severity', 'needs_approval', 'environment']) {
        if (expect[key] === undefined)
            continue;
        const difference = differs(key, expect[key], got[key]);
        if (difference)
            found.push(difference);
    }
    // The steps of another playbook than the one expected say nothing the route has not said.
    if (routing.length === 0)
        found.push(...planDifferences(expect, got));
    if (found.length > 0 && got.degraded.length > 0) {
        found.push(`decision degraded: ${(0,display/* displayText */.WV)(got.degraded.join('; '), 400) ?? 'unknown'}`);
    }
    return found;
}
async function runCase(bench, testCase) {
    const got = await triageAndPlan(bench, testCase);
    return { case: testCase, got, differences: caseDifferences(testCase.expect, got) };
}
//# sourceMappingURL=cases.js.map
;// CONCATENATED MODULE: ./lib/src/cli/test-command.js
// `irac test [NAME...] [--repo DIR] [--config FILE] [--json]`: runs the playbook test cases of
// playbooks/tests/ (src/playbooks/cases.ts) and prints one line per case; exits 1 when any fails, which
// is what the playbooks workflow checks on a pull request.







const counted = (n, one) => `${n} ${one}${n === 1 ? '' : 's'}`;
const test_command_text = (value) => (0,display/* displayText */.WV)(value, 200) ?? '?';
/** One line, whatever the names and values hold: a case file is text anyone may propose in a pull request. */
function caseLine(result) {
    const { file, name } = result.case;
    if (result.differences.length === 0)
        return `ok   ${test_command_text(file)} ${test_command_text(name)}\n`;
    return `FAIL ${test_command_text(file)} ${test_command_text(name)}: ${(0,display/* displayText */.WV)(result.differences.join('; '), 8000)}\n`;
}
function caseJson(result) {
    const { file, name, where, now } = result.case;
    const { plan, ...got } = result.got;
    return `${JSON.stringify({
        file,
        case: name,
        where,
        now: now.toISOString(),
        ok: result.differences.length === 0,
        differences: result.differences,
        ...got,
        steps: (plan?.steps ?? []).map((step) => ({
            id: step.id,
            applies: step.applies,
            needs_approval: step.needs_approval,
            skipped: step.skipped,
            target: step.target,
            parameters: step.parameters,
            calls: step.calls.map(({ call, target }) => ({ call, target })),
        })),
    })}\n`;
}
/** The playbooks no case routes to: a playbook added without a case is worth a line in the review. */
function untested(results, playbooks) {
    const routed = new Set(results.map((result) => result.got.playbook));
    return playbooks.filter((id) => !routed.has(id));
}
async function testCommand(names, options, io) {
    const started = performance.now();
    const root = (0,external_node_path_.resolve)(options.repo ?? process.cwd());
    const config = await (0,config_config/* loadConfig */.Z9)({ repoRoot: root, ...(options.config ? { file: options.config } : {}) });
    const cases = await loadCases((0,repo_files/* workingTreeFiles */.rk)(root), { names, now: new Date() });
    if (cases.length === 0) {
        if (!options.json)
            io.stdout(`test: no cases in ${load/* CASES_DIR */.Cd}/\n`);
        return;
    }
    const bench = await caseBench(root, config);
    const results = [];
    for (const testCase of cases) {
        const result = await runCase(bench, testCase);
        results.push(result);
        io.stdout(options.json ? caseJson(result) : caseLine(result));
    }
    const failed = results.filter((result) => result.differences.length > 0).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (failed > 0)
        throw new errors/* OperationError */.OK(`test: ${failed} of ${counted(results.length, 'case')} failed`);
    if (options.json)
        return;
    const files = new Set(cases.map((testCase) => testCase.file)).size;
    const missing = names.length === 0
        ? untested(results, bench.playbooks.map((p) => p.id))
        : [];
    if (missing.length > 0)
        io.stdout(`test: no case routes to ${missing.join(', ')}\n`);
    io.stdout(`test: ok — ${counted(results.length, 'case')} in ${counted(files, 'file')} (${seconds} s)\n`);
}
//# sourceMappingURL=test-command.js.map

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
