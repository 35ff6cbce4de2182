export const id = 7042;
export const ids = [7042,1961];
export const modules = {

/***/ 95054:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OC: () => (/* binding */ anchorAfterOperations)
/* harmony export */ });
/* unused harmony exports clientsOf, anchorIncidents, explainAnchors, anchorCommand */
/* harmony import */ var _connectors_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1875);
/* harmony import */ var _connectors_environment_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31338);
/* harmony import */ var _connectors_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50878);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65071);
/* harmony import */ var _forensics_anchors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(45273);
/* harmony import */ var _store_layout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32064);
/* harmony import */ var _store_context_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96752);
// `irac anchor [ID...] [--json]`: post the incidents' audit heads outside the repository — a reply in each
// of their Slack threads, a comment on their ticket — where a force push cannot reach them; by default
// every incident that has a thread or a ticket. `irac run`, `execute`, `undo`, `resolve`, `escalate` and the
// `/ack` comment do the same for the incidents they touched (anchorAfterOperations), and `irac verify
// --anchors` reads them back.







const clientsOf = (store) => (0,_connectors_clients_js__WEBPACK_IMPORTED_MODULE_0__.createClients)((0,_connectors_environment_js__WEBPACK_IMPORTED_MODULE_6__.connectorEnvironment)(store.config.settings, process.env));
/**
 * Posts the heads, at the branch's commit, of the incidents `ids` — every incident with a thread or a
 * ticket when `ids` is undefined — wherever the newest anchor is not that head already.
 */
async function anchorIncidents(store, ids, clients = clientsOf(store)) {
    const head = await store.repository.head();
    if (head === undefined)
        return { anchored: [], warnings: [], reachable: true };
    return (0,_forensics_anchors_js__WEBPACK_IMPORTED_MODULE_3__/* .postAnchors */ .zI)(store.repository.git, head, ids, clients);
}
/**
 * Anchoring after an operation: the operation's result stands whatever happens here. Nowhere to post
 * (no Slack or GitHub token, as in a local dry run) is silence; a service that cannot be reached, a thread
 * that is gone, or a refusal is a warning.
 */
async function anchorAfterOperations(store, ids, clients) {
    if (ids.length === 0)
        return { anchored: [], warnings: [] };
    try {
        const report = await anchorIncidents(store, [...new Set(ids)], clients);
        if (!report.reachable)
            return { anchored: [], warnings: [] };
        return { anchored: report.anchored, warnings: report.warnings.map((warning) => `anchoring: ${warning}`) };
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { anchored: [], warnings: [`the audit heads were not anchored: ${(0,_connectors_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .f)(why)}`] };
    }
}
/** One line per anchor posted. */
function explainAnchors(anchored) {
    return anchored
        .flatMap((incident) => incident.posted.map((anchor) => `anchored ${anchor.incident} seq ${anchor.seq} in ${anchor.where}\n`))
        .join('');
}
async function anchorCommand(ids, options, io, clients) {
    for (const id of ids)
        checkIncidentId(id, 'ID');
    const store = await openStore(options);
    if (ids.length > 0) {
        const head = await store.repository.head();
        const known = new Set(head === undefined ? [] : await incidentsAt(store.repository.git, head));
        const unknown = ids.find((id) => !known.has(id));
        if (unknown)
            throw new InputError(unknown, 'no such incident in the store');
    }
    const report = await anchorIncidents(store, ids.length > 0 ? ids : undefined, clients ?? clientsOf(store));
    if (!report.reachable) {
        throw new OperationError('nowhere to anchor: neither Slack (SLACK_BOT_TOKEN) nor GitHub (GITHUB_TOKEN, GITHUB_REPOSITORY) is configured');
    }
    for (const warning of report.warnings)
        io.stderr(`irac: warning: ${warning}\n`);
    if (options.json) {
        io.stdout(`${JSON.stringify(report.anchored)}\n`);
        return;
    }
    io.stdout(explainAnchors(report.anchored));
    for (const incident of report.anchored) {
        if (incident.current.length > 0) {
            io.stdout(`${incident.incident} seq ${incident.head.seq} already anchored in ${incident.current.join(', ')}\n`);
        }
    }
    const posted = report.anchored.reduce((sum, incident) => sum + incident.posted.length, 0);
    io.stdout(`${posted} anchor${posted === 1 ? '' : 's'} posted for ${report.anchored.length} incident${report.anchored.length === 1 ? '' : 's'}\n`);
}
//# sourceMappingURL=anchor-command.js.map

/***/ }),

/***/ 31961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeIncident: () => (/* binding */ executeIncident),
  T9: () => (/* binding */ governance)
});

// UNUSED EXPORTS: executeCommand, explainExecution, resolveCommand, undoCommand

// EXTERNAL MODULE: ./lib/src/connectors/clients.js
var connectors_clients = __webpack_require__(1875);
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
// EXTERNAL MODULE: ./lib/src/cli/anchor-command.js
var anchor_command = __webpack_require__(95054);
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
    const clients = (0,connectors_clients.createClients)((0,environment.connectorEnvironment)(store.config.settings, process.env));
    const live = options.dryRun
        ? false
        : (options.live ?? false) || !store.config.settings.orchestrator.dry_run_default;
    const { result: run, warnings } = await store.repository.batch(() => (0,execute/* executePlan */.vY)(bound(store), id, {
        live,
        ...(options.approvedBy !== undefined ? { approvedBy: options.approvedBy } : {}),
        ...(options.planHash !== undefined ? { planHash: options.planHash } : {}),
        ...(options.only?.length ? { only: options.only } : {}),
        actor: store.actor,
        clients,
        now: () => new Date(),
        ...(linksFor(id, process.env) ? { links: linksFor(id, process.env) } : {}),
        ...governance(store),
    }));
    // A dry run reaches nothing outside the repository, anchors included.
    const anchoring = options.anchor && live
        ? await (0,anchor_command/* anchorAfterOperations */.OC)(store, [id], clients)
        : { anchored: [], warnings: [] };
    return { run, warnings: [...warnings, ...anchoring.warnings], anchored: anchoring.anchored };
}
async function executeCommand(id, options, io) {
    const { run, warnings } = await executeIncident(id, { ...options, anchor: true });
    for (const warning of warnings)
        io.stderr(`irac: warning: ${warning}\n`);
    io.stdout(options.json ? `${JSON.stringify(run)}\n` : explainExecution(run));
    if (run.failure)
        throw new OperationError(run.failure);
}
async function undoCommand(id, options, io) {
    checkIncidentId(id, 'ID');
    const store = await openStore(options);
    const clients = createClients(connectorEnvironment(store.config.settings, process.env));
    const { result: run, warnings } = await store.repository.batch(() => undoPlan(bound(store), id, {
        actor: store.actor,
        clients,
        now: () => new Date(),
        ...(options.step?.length ? { only: options.step } : {}),
        hold: governance(store).hold,
    }));
    const anchoring = await anchorAfterOperations(store, [id], clients);
    for (const warning of [...warnings, ...anchoring.warnings])
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
    if (!commit)
        return;
    const clients = createClients(connectorEnvironment(store.config.settings, process.env));
    const anchoring = await anchorAfterOperations(store, [id], clients);
    for (const warning of anchoring.warnings)
        io.stderr(`irac: warning: ${warning}\n`);
}
//# sourceMappingURL=execute-command.js.map

/***/ }),

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

/***/ 87042:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runEvents: () => (/* binding */ runEvents)
/* harmony export */ });
/* unused harmony export runCommand */
/* harmony import */ var _connectors_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1875);
/* harmony import */ var _connectors_environment_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(31338);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65071);
/* harmony import */ var _ingest_documents_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62281);
/* harmony import */ var _ingest_normalize_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2218);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(87830);
/* harmony import */ var _anchor_command_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(95054);
/* harmony import */ var _execute_command_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31961);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(97819);
/* harmony import */ var _store_context_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(96752);
// `irac run [FILE|-] [--source NAME] [--live] [--repo DIR] [--config FILE] [--json]`: what the ingest
// workflow calls — ingest, triage, plan, and the steps that need no reviewer, in one process, one commit
// per operation. Prints, per incident, what a workflow needs next: severity, playbook, whether approval
// is needed and in which environment, and the plan's hash the approval will be bound to.










/** The payload, all of it validated first, carried through the pipeline in one batch of operations. */
async function runEvents(input, options) {
    const limits = { ..._ingest_documents_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_LIMITS */ .dR, ...(options.maxBytes ? { maxPayloadBytes: options.maxBytes } : {}) };
    // Validated in full before the repository is touched: a rejected payload writes nothing.
    const items = [...(0,_ingest_normalize_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeWithEvidence */ .Nw)(input.bytes, { source: options.source, limits, name: input.name })];
    const store = await (0,_store_context_js__WEBPACK_IMPORTED_MODULE_8__.openStore)(options);
    const clients = (0,_connectors_clients_js__WEBPACK_IMPORTED_MODULE_0__.createClients)((0,_connectors_environment_js__WEBPACK_IMPORTED_MODULE_9__.connectorEnvironment)(store.config.settings, process.env));
    const live = options.dryRun
        ? false
        : (options.live ?? false) || !store.config.settings.orchestrator.dry_run_default;
    const { result: outcomes, warnings } = await store.repository.batch(() => (0,_pipeline_js__WEBPACK_IMPORTED_MODULE_4__/* .runPipeline */ .a)(items, {
        root: store.repository.root,
        config: store.config,
        actor: store.actor,
        apply: (operation) => store.repository.apply(operation, store.publish).then((applied) => applied.result),
        clients,
        live,
        now: () => new Date(),
        governance: (0,_execute_command_js__WEBPACK_IMPORTED_MODULE_6__/* .governance */ .T9)(store),
    }));
    // A dry run reaches nothing outside the repository, anchors included.
    const anchoring = options.anchor && live
        ? await (0,_anchor_command_js__WEBPACK_IMPORTED_MODULE_5__/* .anchorAfterOperations */ .OC)(store, outcomes.map((outcome) => outcome.incident), clients)
        : { anchored: [], warnings: [] };
    return {
        outcomes,
        warnings: [...warnings, ...anchoring.warnings],
        root: store.repository.root,
        anchored: anchoring.anchored,
    };
}
async function runCommand(file, options, io) {
    const eventFile = file === undefined && process.env.GITHUB_EVENT_NAME === 'repository_dispatch'
        ? process.env.GITHUB_EVENT_PATH
        : undefined;
    const { outcomes, warnings } = await runEvents(await readInput(file ?? eventFile, io), {
        ...options,
        anchor: true,
    });
    for (const warning of warnings)
        io.stderr(`irac: warning: ${warning}\n`);
    if (options.json) {
        for (const outcome of outcomes)
            io.stdout(`${JSON.stringify(outcome)}\n`);
    }
    else {
        if (outcomes.length === 0)
            io.stdout('nothing new: every event was already recorded\n');
        for (const outcome of outcomes) {
            io.stdout(`${outcome.incident}  ${outcome.severity}  ${outcome.outcome}${outcome.playbook ? ` → ${outcome.playbook}` : ''}` +
                `  approval: ${outcome.needs_approval ? `needed in ${outcome.environment}` : 'not needed'}` +
                `${outcome.plan_sha256 ? `  plan ${outcome.plan_sha256}` : ''}\n`);
            if (outcome.execution)
                io.stdout(explainExecution(outcome.execution));
        }
    }
    const failed = outcomes.find((outcome) => outcome.execution?.failure);
    if (failed?.execution?.failure)
        throw new OperationError(`${failed.incident}: ${failed.execution.failure}`);
}
//# sourceMappingURL=run-command.js.map

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
