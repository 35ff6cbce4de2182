export const id = 7545;
export const ids = [7545];
export const modules = {

/***/ 87545:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   approverOf: () => (/* binding */ approverOf)
/* harmony export */ });
/* harmony import */ var _connectors_action_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31941);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65071);
// Who approved the containment job: GitHub's review history of this workflow run, as the approvals API
// gives it. The job only starts once a required reviewer of its environment approved; the approver the
// trail records is the one GitHub recorded for that environment, not a name anyone typed.


async function approverOf(clients, env, environment) {
    const runId = env.GITHUB_RUN_ID;
    if (!runId || !/^[0-9]+$/.test(runId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('GITHUB_RUN_ID is not set: the approver is read from the run, which needs one');
    }
    // The run's own repository, whatever repository the playbooks file their tickets in.
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('GITHUB_REPOSITORY is not set: the run cannot be found');
    const octokit = await clients.github();
    const { data } = await octokit
        .request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
        owner,
        repo,
        run_id: Number(runId),
    })
        .catch((error) => {
        // Without the review history there is no approver to record: nothing runs.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`could not read who approved run ${runId} of ${owner}/${repo} (${(0,_connectors_action_js__WEBPACK_IMPORTED_MODULE_0__/* .reasonOf */ .A3)(error)}): the job needs \`actions: read\``);
    });
    const approvals = data.filter((review) => review.state === 'approved' && review.environments.some((env) => env.name === environment));
    const approver = approvals.at(-1)?.user.login;
    if (!approver) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`no reviewer of ${environment} approved this run: bind the job to \`environment: ${environment}\` and give it required reviewers`);
    }
    return approver;
}
//# sourceMappingURL=approvals.js.map

/***/ }),

/***/ 31941:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ reasonOf),
/* harmony export */   MX: () => (/* binding */ verify),
/* harmony export */   PA: () => (/* binding */ dryRun),
/* harmony export */   dR: () => (/* binding */ ActionFailure),
/* harmony export */   g7: () => (/* binding */ execute),
/* harmony export */   tN: () => (/* binding */ undo)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50878);
// The shape every connector action has — AWS containment, Slack, GitHub, Jira alike — and the one
// runner that drives it. An action never changes anything blind: `inspect` reads the current state and
// returns the changes still needed (none when the effect is already in place, which is what makes a
// second run a no-op), together with the record of what those changes will overwrite. The runner
// journals that record before the first change, so a run that dies halfway can be resumed — and undone
// — from what it wrote down rather than from what the world looks like after the crash.
//
// A dry run is `inspect` alone: the same reads, the same list of changes, nothing sent.

/** An action that failed: which action, at which call, and the service's error with secrets removed. */
class ActionFailure extends Error {
    action;
    call;
    reason;
    record;
    name = 'ActionFailure';
    constructor(action, call, reason, 
    /** The record journaled before the failure, for a resumed run and for undo. */
    record) {
        super(`${action}: ${call ? `${call.call} on ${call.target}: ` : ''}${reason}`);
        this.action = action;
        this.call = call;
        this.reason = reason;
        this.record = record;
    }
}
/** The service's own words for a failure: `InvalidGroup.NotFound: The security group … does not exist`. */
function reasonOf(error) {
    if (error instanceof Error) {
        const code = error.code;
        const name = typeof code === 'string' && code !== '' ? code : error.name;
        const text = name && name !== 'Error' && !error.message.startsWith(name)
            ? `${name}: ${error.message}`
            : error.message;
        return (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactSecrets */ .f)(text);
    }
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactSecrets */ .f)(String(error));
}
const call = ({ call, target, effect }) => ({ call, target, effect });
async function applyAll(name, inspection, journal) {
    let record = inspection.record;
    if (inspection.mutations.length === 0) {
        return { changed: false, state: inspection.state, record, calls: [] };
    }
    await journal?.save(record);
    const calls = [];
    for (const mutation of inspection.mutations) {
        if (journal?.signal?.aborted) {
            throw new ActionFailure(name, call(mutation), 'not sent: the step ran past its timeout', record);
        }
        let updated;
        try {
            updated = await mutation.apply();
        }
        catch (error) {
            throw new ActionFailure(name, call(mutation), reasonOf(error), record);
        }
        calls.push(call(mutation));
        if (updated !== undefined) {
            record = updated;
            await journal?.save(record);
        }
    }
    return { changed: true, state: inspection.state, record, calls };
}
async function inspected(name, context, reading, prior) {
    try {
        // No credentials, no token: said in those words, before the service's SDK is loaded to find it out.
        await context.clients.available(name);
        return await reading();
    }
    catch (error) {
        if (error instanceof ActionFailure)
            throw error;
        throw new ActionFailure(name, null, reasonOf(error), prior);
    }
}
/** Reads, and lists what a live run would change. Sends nothing that changes state. */
async function dryRun(action, params, context, prior) {
    const inspection = await inspected(action.name, context, () => action.inspect(params, context, prior), prior);
    return {
        changed: false,
        state: inspection.state,
        record: inspection.record,
        calls: inspection.mutations.map(call),
    };
}
/**
 * Makes the changes still needed, journaling the record first. Idempotent: a run that finds the effect in
 * place changes nothing; a run given an interrupted run's record finishes its work.
 */
async function execute(action, params, context, journal) {
    const inspection = await inspected(action.name, context, () => action.inspect(params, context, journal.prior), journal.prior);
    return applyAll(action.name, inspection, journal);
}
async function verify(action, params, context, record) {
    try {
        return await action.verify(params, context, record);
    }
    catch (error) {
        return { ok: false, detail: `could not read back: ${reasonOf(error)}` };
    }
}
/** Restores what a run recorded; a second undo finds nothing to restore. */
async function undo(action, params, context, record) {
    const restore = action.undo;
    if (!restore)
        throw new ActionFailure(action.name, null, 'this action cannot be undone', record);
    const inspection = await inspected(action.name, context, () => restore(params, context, record), record);
    return applyAll(action.name, inspection, null);
}
//# sourceMappingURL=action.js.map

/***/ }),

/***/ 50878:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ registerSecret),
/* harmony export */   f: () => (/* binding */ redactSecrets)
/* harmony export */ });
// Credentials must never reach a log, an audit entry or a Slack thread. Service errors can carry them
// (S3's SignatureDoesNotMatch echoes the access key id and the string it signed; an HTTP client error can
// quote an Authorization header), so every error text leaving a connector passes through here.
const SECRET_PATTERNS = [
    // AWS access key ids (long-term AKIA, temporary ASIA) and whatever follows a secret/session key name.
    [/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '[redacted access key]'],
    [
        /((?:aws_)?(?:secret_?access_?key|session_?token|secretAccessKey|sessionToken)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
        '$1[redacted]',
    ],
    // As a query parameter (`X-Amz-Security-Token=…`) and as a header, the way S3's SignatureDoesNotMatch
    // quotes the canonical request it signed (`x-amz-security-token:…`) or a client dumps its headers.
    [/(X-Amz-(?:Security-Token|Signature|Credential)["']?\s*[:=]\s*["']?)[^&\s"',}]+/gi, '$1[redacted]'],
    [/(Signature=)[0-9a-f]{16,}/gi, '$1[redacted]'],
    // Slack tokens, GitHub tokens, bearer and basic credentials in headers.
    [/\bxox[abposr]-[A-Za-z0-9-]{8,}/g, '[redacted slack token]'],
    [/\bxapp-[A-Za-z0-9-]{8,}/g, '[redacted slack token]'],
    [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, '[redacted github token]'],
    [
        /\b(authorization["']?\s*[:=]\s*["']?)(?:bearer|basic|token|aws4-hmac-sha256)\s+[^\s"',}]+(?:[^"'\n}]*)/gi,
        '$1[redacted]',
    ],
    [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{12,}/gi, '$1 [redacted]'],
];
const known = new Set();
/** A secret this process holds (a token from the environment): redacted wherever it appears. */
function registerSecret(secret) {
    if (secret && secret.length >= 8)
        known.add(secret);
}
/** The text with every known secret and every credential-shaped substring replaced. */
function redactSecrets(text) {
    let out = text;
    for (const secret of known)
        out = out.split(secret).join('[redacted]');
    for (const [pattern, replacement] of SECRET_PATTERNS)
        out = out.replace(pattern, replacement);
    return out;
}
//# sourceMappingURL=redact.js.map

/***/ })

};
