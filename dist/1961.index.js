export const id = 1961;
export const ids = [1961];
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

/***/ })

};
