export const id = 3012;
export const ids = [3012,1338];
export const modules = {

/***/ 31961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeIncident: () => (/* binding */ executeIncident),
  T9: () => (/* binding */ governance)
});

// UNUSED EXPORTS: executeCommand, explainExecution, resolveCommand, undoCommand

// EXTERNAL MODULE: ./lib/src/connectors/clients.js
var clients = __webpack_require__(1875);
// EXTERNAL MODULE: ./lib/src/connectors/environment.js
var environment = __webpack_require__(31338);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/plan/execute.js
var execute = __webpack_require__(89115);
// EXTERNAL MODULE: ./lib/src/digest.js
var digest = __webpack_require__(24880);
// EXTERNAL MODULE: ./lib/src/store/audit.js
var audit = __webpack_require__(5611);
// EXTERNAL MODULE: ./lib/src/store/incident.js
var incident = __webpack_require__(81720);
// EXTERNAL MODULE: ./lib/src/store/layout.js
var layout = __webpack_require__(32064);
// EXTERNAL MODULE: ./lib/src/store/readme.js
var readme = __webpack_require__(62248);
// EXTERNAL MODULE: ./lib/src/store/record.js
var record = __webpack_require__(56887);
;// CONCATENATED MODULE: ./lib/src/plan/resolve.js
// Closing an incident: `irac resolve ID --note TEXT` records who closed it, when and why, in one commit.







const MAX_NOTE = 2000;
/** A note goes into the audit trail and the commit message: printable text, lines allowed, bounded. */
function resolve_checkNote(text) {
    const note = text.trim();
    if (note === '')
        throw new InputError('--note', 'must say why the incident is resolved');
    if (note.length > MAX_NOTE)
        throw new InputError('--note', `is longer than ${MAX_NOTE} characters`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
    if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(note)) {
        throw new InputError('--note', 'contains control or bidirectional formatting characters');
    }
    return note;
}
async function resolve_resolveIncident(tx, id, context) {
    const incident = await readIncident(tx, id);
    if (!incident)
        throw new InputError(id, 'no such incident in the store');
    if (incident.status === 'resolved')
        return {};
    const at = context.now().toISOString();
    const resolved = {
        ...incident,
        status: 'resolved',
        timestamps: { ...incident.timestamps, resolved: at, updated: at },
    };
    const incidentYaml = serializeIncident(resolved);
    const auditText = (await tx.readText(auditFile(id))) ?? '';
    const { entry, line } = nextEntry(auditText, {
        at,
        actor: context.actor,
        action: 'resolve',
        incident: id,
        data: {
            summary: `resolved from ${incident.status}`,
            note: context.note,
            incident_sha256: sha256Hex(incidentYaml),
        },
    });
    const audit = auditText + line;
    tx.write(incidentFile(id), incidentYaml);
    tx.write(auditFile(id), audit);
    tx.write(readmeFile(id), renderIncidentReadme(resolved, parseAuditEntries(audit)));
    const commit = await tx.commit({
        subject: `resolve: ${id}`,
        body: [context.note],
        trailers: auditTrailers(entry),
    });
    return { commit };
}
//# sourceMappingURL=resolve.js.map
// EXTERNAL MODULE: ./lib/src/cli/store-context.js + 1 modules
var store_context = __webpack_require__(96752);
;// CONCATENATED MODULE: ./lib/src/cli/execute-command.js
// `irac execute ID [--live] [--dry-run] [--approved-by USER --plan-hash HASH] [--only STEP...]`,
// `irac undo ID [--step STEP...]` and `irac resolve ID --note TEXT`: carry out the incident's committed
// plan (a dry run unless live), take back what it changed, close the incident.







/** Links a notification carries, from the runner's variables when irac runs in a workflow. */
function linksFor(id, env) {
    const server = env.GITHUB_SERVER_URL;
    const repository = env.GITHUB_REPOSITORY;
    if (!server || !repository)
        return undefined;
    const branch = env.GITHUB_REF_NAME || 'main';
    return {
        incident: `${server}/${repository}/blob/${branch}/${(0,layout/* incidentDir */.Qe)(id)}/README.md`,
        ...(env.GITHUB_RUN_ID ? { run: `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` } : {}),
    };
}
function bound(store) {
    return (operation) => store.repository.apply(operation, store.publish).then((applied) => applied.result);
}
/** What the configuration asks of every live run in this clone: its budgets, and how many run at once. */
function governance(store) {
    const { budgets, max_concurrent_playbooks: max } = store.config.settings.orchestrator;
    return { budgets, hold: (incident) => store.repository.holdExecution(incident, max) };
}
/** The run as a responder reads it: one line per step, then what waits for whom. */
function explainExecution(run) {
    const lines = [`${run.live ? 'live' : 'dry run'}: ${run.incident}, plan ${run.plan_sha256}`];
    for (const step of run.steps) {
        lines.push(`  - ${step.step} (${step.action}): ${step.result}${step.detail ? ` — ${step.detail}` : ''}`);
        if (step.result === 'would-run' || step.result === 'succeeded') {
            for (const call of step.calls)
                lines.push(`      ${call.call} ${call.target}: ${call.effect}`);
        }
    }
    if (run.waiting.length > 0) {
        lines.push(`waiting for approval in ${run.environment}: ${run.waiting.join(', ')} (plan ${run.plan_sha256})`);
    }
    return `${lines.join('\n')}\n`;
}
/** The incident's committed plan carried out (or dry-run), in one batch of operations. */
async function executeIncident(id, options) {
    (0,layout.checkIncidentId)(id, 'ID');
    const store = await (0,store_context.openStore)(options);
    const live = options.dryRun
        ? false
        : (options.live ?? false) || !store.config.settings.orchestrator.dry_run_default;
    const { result: run, warnings } = await store.repository.batch(() => (0,execute/* executePlan */.vY)(bound(store), id, {
        live,
        ...(options.approvedBy !== undefined ? { approvedBy: options.approvedBy } : {}),
        ...(options.planHash !== undefined ? { planHash: options.planHash } : {}),
        ...(options.only?.length ? { only: options.only } : {}),
        actor: store.actor,
        clients: (0,clients.createClients)((0,environment.connectorEnvironment)(store.config.settings, process.env)),
        now: () => new Date(),
        ...(linksFor(id, process.env) ? { links: linksFor(id, process.env) } : {}),
        ...governance(store),
    }));
    return { run, warnings };
}
async function executeCommand(id, options, io) {
    const { run, warnings } = await executeIncident(id, options);
    for (const warning of warnings)
        io.stderr(`irac: warning: ${warning}\n`);
    io.stdout(options.json ? `${JSON.stringify(run)}\n` : explainExecution(run));
    if (run.failure)
        throw new OperationError(run.failure);
}
async function undoCommand(id, options, io) {
    checkIncidentId(id, 'ID');
    const store = await openStore(options);
    const { result: run, warnings } = await store.repository.batch(() => undoPlan(bound(store), id, {
        actor: store.actor,
        clients: createClients(connectorEnvironment(store.config.settings, process.env)),
        now: () => new Date(),
        ...(options.step?.length ? { only: options.step } : {}),
        hold: governance(store).hold,
    }));
    for (const warning of warnings)
        io.stderr(`irac: warning: ${warning}\n`);
    io.stdout(options.json ? `${JSON.stringify(run)}\n` : explainExecution(run));
    if (run.failure)
        throw new OperationError(run.failure);
}
async function resolveCommand(id, options, io) {
    checkIncidentId(id, 'ID');
    const note = checkNote(options.note);
    const store = await openStore(options);
    const { commit } = await bound(store)((tx) => resolveIncident(tx, id, { actor: store.actor, note, now: () => new Date() }));
    io.stdout(commit ? `resolved: ${id} in ${commit.slice(0, 12)}\n` : `unchanged: ${id} is already resolved\n`);
}
//# sourceMappingURL=execute-command.js.map

/***/ }),

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

/***/ 31338:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connectorEnvironment: () => (/* binding */ connectorEnvironment)
/* harmony export */ });
// Where the connectors' settings come from in a real run: the configuration's `connectors` section for
// what may be reviewed in a pull request (which role to assume in which account, which Jira site), and
// the environment for every credential — the standard variables each SDK and the runner already use.
// AWS credentials and AWS_ENDPOINT_URL* are left to the SDK's own chain.
const nonEmpty = (value) => value === undefined || value === '' ? undefined : value;
function connectorEnvironment(settings, env) {
    const { aws, slack, github, jira } = settings.connectors;
    const slackToken = nonEmpty(env.SLACK_BOT_TOKEN);
    const slackUrl = nonEmpty(env.SLACK_API_URL) ?? slack?.api_url;
    const githubToken = nonEmpty(env.GITHUB_TOKEN);
    const githubUrl = nonEmpty(env.GITHUB_API_URL);
    const githubRepository = github?.repository ?? nonEmpty(env.GITHUB_REPOSITORY);
    const jiraEmail = nonEmpty(env.JIRA_EMAIL);
    const jiraToken = nonEmpty(env.JIRA_API_TOKEN);
    return {
        aws: {
            ...(aws?.accounts ? { roles: aws.accounts } : {}),
            ...(aws?.max_attempts ? { maxAttempts: aws.max_attempts } : {}),
        },
        ...(slackToken ? { slack: { token: slackToken, ...(slackUrl ? { apiUrl: slackUrl } : {}) } } : {}),
        ...(githubToken
            ? {
                github: {
                    token: githubToken,
                    ...(githubUrl ? { baseUrl: githubUrl } : {}),
                    ...(githubRepository ? { repository: githubRepository } : {}),
                },
            }
            : {}),
        ...(jira?.base_url && jiraEmail && jiraToken
            ? { jira: { host: jira.base_url, email: jiraEmail, apiToken: jiraToken } }
            : {}),
    };
}
//# sourceMappingURL=environment.js.map

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

/***/ })

};
