export const id = 9115;
export const ids = [9115,1875];
export const modules = {

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

/***/ 1875:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ConnectorUnavailable: () => (/* binding */ ConnectorUnavailable),
/* harmony export */   createClients: () => (/* binding */ createClients)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65071);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50878);
// How actions reach AWS, Slack, GitHub and Jira: real SDK clients, built lazily (a run that only posts to
// Slack never loads the AWS SDK), one per service, region and account, with the SDKs' own retry — adaptive
// for AWS, the plugins for Octokit, WebClient's retry policy for Slack. The one loop written here is Jira's:
// jira.js has no retry at all, and Atlassian asks clients to honour a 429's Retry-After.
//
// AWS credentials come from the standard chain (in Actions: OIDC through aws-actions/configure-aws-credentials)
// unless the configuration maps the event's account to a role, which is then assumed through STS. A run never
// acts in an account it was not pointed at: credentials that belong to another account are refused before
// the first call.


/** A service the run has no way to reach: no credentials found, no token set. Nothing was sent to it. */
class ConnectorUnavailable extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK {
}
const DEFAULT_MAX_ATTEMPTS = 5;
const ACCOUNT_ID = /^[0-9]{12}$/;
function missing(service, how) {
    throw new ConnectorUnavailable(`${service} is not configured: ${how}`);
}
/**
 * The Octokit plugins' settings for a second of `second` milliseconds. The throttling plugin's own write
 * queues are shared by the whole process at a fixed pace, so a shortened second needs queues of its own,
 * from the scheduler the plugin itself uses.
 */
async function octokitPacing(second) {
    const { default: Bottleneck } = await __webpack_require__.e(/* import() */ 2203).then(__webpack_require__.t.bind(__webpack_require__, 62203, 19));
    const queue = (minTime) => new Bottleneck.Group({ maxConcurrent: 1, minTime });
    return {
        retry: { retryAfterBaseValue: second },
        throttle: { retryAfterBaseValue: second, write: queue(second), notifications: queue(3 * second) },
    };
}
function createClients(environment) {
    const aws = environment.aws ?? {};
    const cache = new Map();
    const checkedAccounts = new Map();
    let slack;
    let github;
    let jira;
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .c)(aws.credentials?.secretAccessKey);
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .c)(aws.credentials?.sessionToken);
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .c)(environment.slack?.token);
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .c)(environment.github?.token);
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .c)(environment.jira?.apiToken);
    // The credentials every AWS client of this run starts from: the fixed ones, or the SDK's default chain
    // (environment, web identity, profiles, container and instance metadata), built once and shared so the
    // chain is walked once, not once per client.
    let baseCredentials;
    const base = () => {
        baseCredentials ??= aws.credentials
            ? Promise.resolve(aws.credentials)
            : Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(9719)]).then(__webpack_require__.t.bind(__webpack_require__, 29719, 19)).then(({ fromNodeProviderChain }) => fromNodeProviderChain());
        return baseCredentials;
    };
    let awsReachable;
    const awsAvailable = () => {
        awsReachable ??= (async () => {
            const credentials = await base();
            if (typeof credentials !== 'function')
                return;
            try {
                await credentials();
            }
            catch (error) {
                const why = error instanceof Error ? error.message : String(error);
                throw new ConnectorUnavailable(`AWS has no credentials here: ${(0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .f)(why)}`);
            }
        })();
        return awsReachable;
    };
    const credentialsFor = async (target) => {
        const roles = aws.roles ?? {};
        const roleArn = target.account !== undefined && Object.hasOwn(roles, target.account)
            ? roles[target.account]
            : undefined;
        if (!roleArn)
            return base();
        const { fromTemporaryCredentials } = await Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(9719)]).then(__webpack_require__.t.bind(__webpack_require__, 29719, 19));
        return fromTemporaryCredentials({
            masterCredentials: await base(),
            params: { RoleArn: roleArn, RoleSessionName: 'irac-containment', DurationSeconds: 900 },
            clientConfig: { region: target.region, ...(aws.endpoint ? { endpoint: aws.endpoint } : {}) },
        });
    };
    const configFor = async (target) => {
        const credentials = await credentialsFor(target);
        return {
            region: target.region,
            ...(aws.endpoint ? { endpoint: aws.endpoint, forcePathStyle: true } : {}),
            credentials,
            maxAttempts: aws.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
            retryMode: 'adaptive',
            ...(aws.retryStrategy ? { retryStrategy: aws.retryStrategy } : {}),
        };
    };
    // Acting with credentials of the wrong account would contain the wrong thing, or fail halfway.
    const checkAccount = (target) => {
        const account = target.account;
        if (!account)
            return Promise.resolve();
        const key = `${account}/${target.region}`;
        let check = checkedAccounts.get(key);
        if (!check) {
            check = (async () => {
                const { STSClient, GetCallerIdentityCommand } = await Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(1695)]).then(__webpack_require__.t.bind(__webpack_require__, 71695, 19));
                const sts = new STSClient(await configFor(target));
                const identity = await sts.send(new GetCallerIdentityCommand({}));
                if (identity.Account !== account) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK(`the AWS credentials are for account ${identity.Account ?? 'unknown'}, the resource is in ${account}: ` +
                        `map ${account} to a role under connectors.aws.accounts`);
                }
            })();
            // A failed check (a network error, a throttled STS) is tried again by the next call.
            check.catch(() => checkedAccounts.delete(key));
            checkedAccounts.set(key, check);
        }
        return check;
    };
    return {
        async aws(Client, target) {
            // The account comes from the event, that is from whoever wrote it: anything but an account id is
            // refused before it can pick a role or reach STS.
            if (target.account !== undefined && !ACCOUNT_ID.test(target.account)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK(`${JSON.stringify(target.account.slice(0, 40))} is not an AWS account id (12 digits): nothing was done`);
            }
            await checkAccount(target);
            const key = `${target.account ?? ''}/${target.region}`;
            const byTarget = cache.get(Client) ?? new Map();
            cache.set(Client, byTarget);
            let client = byTarget.get(key);
            if (!client) {
                client = new Client(await configFor(target));
                byTarget.set(key, client);
            }
            return client;
        },
        slack() {
            slack ??= (async () => {
                const settings = environment.slack ?? missing('Slack', 'set SLACK_BOT_TOKEN');
                const { WebClient } = await __webpack_require__.e(/* import() */ 5105).then(__webpack_require__.t.bind(__webpack_require__, 85105, 19));
                return new WebClient(settings.token, {
                    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
                    retryConfig: { retries: settings.retries ?? 5, factor: 2, minTimeout: 100, maxTimeout: 5000 },
                });
            })();
            return slack;
        },
        github() {
            github ??= (async () => {
                const settings = environment.github ?? missing('GitHub', 'set GITHUB_TOKEN');
                const [{ Octokit }, { retry }, { throttling }] = await Promise.all([
                    __webpack_require__.e(/* import() */ 9988).then(__webpack_require__.bind(__webpack_require__, 59988)),
                    Promise.all(/* import() */[__webpack_require__.e(3251), __webpack_require__.e(9735)]).then(__webpack_require__.bind(__webpack_require__, 49735)),
                    Promise.all(/* import() */[__webpack_require__.e(3251), __webpack_require__.e(6856)]).then(__webpack_require__.bind(__webpack_require__, 86856)),
                ]);
                const retries = settings.retries ?? 3;
                const pacing = settings.secondMs === undefined ? undefined : await octokitPacing(settings.secondMs);
                const Client = Octokit.plugin(retry, throttling);
                return new Client({
                    auth: settings.token,
                    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
                    userAgent: 'irac',
                    // A failed request reaches the step's record with GitHub's own words; Octokit's request log would
                    // print it (URL and all) a second time on stderr.
                    log: { debug: () => { }, info: () => { }, warn: console.warn, error: () => { } },
                    // The plugin's own `retries`, not `request.retries`: set per request, it retries every refusal
                    // (401, 403, 404, 422 too), as plugin-retry documents.
                    retry: { retries, ...pacing?.retry },
                    throttle: {
                        onRateLimit: (_after, _options, _octokit, count) => count < retries,
                        onSecondaryRateLimit: (_after, _options, _octokit, count) => count < retries,
                        ...pacing?.throttle,
                    },
                });
            })();
            return github;
        },
        githubRepository() {
            const settings = environment.github ?? missing('GitHub', 'set GITHUB_TOKEN');
            return (settings.repository ?? missing('the GitHub repository', 'set GITHUB_REPOSITORY or name a repository'));
        },
        jira() {
            jira ??= (async () => {
                const settings = environment.jira ?? missing('Jira', 'set connectors.jira.base_url, JIRA_EMAIL and JIRA_API_TOKEN');
                const { Version3Client } = await __webpack_require__.e(/* import() */ 2670).then(__webpack_require__.bind(__webpack_require__, 32670));
                const retries = settings.retries ?? 4;
                const backoffMs = settings.backoffMs ?? 500;
                // jira.js has no retry of its own and there is no plugin for it, while Atlassian's rate-limiting
                // guide asks clients to wait out a 429's Retry-After and back off on transient 5xx. Every call
                // passes through sendRequestFullResponse, so this is the one place that does it.
                const delayBefore = (attempt, error) => {
                    const response = error
                        .response;
                    const status = response?.status ?? 0;
                    if (attempt > retries || ![429, 500, 502, 503, 504].includes(status))
                        return null;
                    const retryAfter = Number(response?.headers?.['retry-after'] ?? Number.NaN);
                    // A wait longer than a minute is Jira telling the run to stop, not to sleep through an incident.
                    if (Number.isFinite(retryAfter))
                        return retryAfter <= 60 ? retryAfter * 1000 : null;
                    return backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
                };
                class RetryingJiraClient extends Version3Client {
                    async sendRequestFullResponse(requestConfig) {
                        for (let attempt = 1;; attempt++) {
                            try {
                                return await super.sendRequestFullResponse(requestConfig);
                            }
                            catch (error) {
                                const delay = delayBefore(attempt, error);
                                if (delay === null)
                                    throw error;
                                await new Promise((resolve) => setTimeout(resolve, delay));
                            }
                        }
                    }
                }
                return new RetryingJiraClient({
                    host: settings.host,
                    authentication: { basic: { email: settings.email, apiToken: settings.apiToken } },
                });
            })();
            return jira;
        },
        async available(action) {
            const service = action.slice(0, action.indexOf(':'));
            if (service === 'aws')
                return awsAvailable();
            if (service === 'slack' && !environment.slack)
                missing('Slack', 'set SLACK_BOT_TOKEN');
            if (service === 'github' && !environment.github)
                missing('GitHub', 'set GITHUB_TOKEN');
            if (service === 'jira' && !environment.jira) {
                missing('Jira', 'set connectors.jira.base_url, JIRA_EMAIL and JIRA_API_TOKEN');
            }
        },
    };
}
//# sourceMappingURL=clients.js.map

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

/***/ }),

/***/ 50700:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ loadConnector)
/* harmony export */ });
/* unused harmony export connectorNames */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65071);
// The connector behind each catalogue action, loaded on first use so that a run which only notifies
// Slack never loads the AWS SDK (the bundled Action starts faster, and carries less it does not run).
// Adding an action is a catalogue file, a module, and one line here; test/connectors/registry.test.ts
// fails while the three disagree.

const CONNECTORS = new Map([
    ['aws:iam.revoke_role_sessions', async () => (await __webpack_require__.e(/* import() */ 3664).then(__webpack_require__.bind(__webpack_require__, 63664))).revokeRoleSessions],
    ['aws:iam.deactivate_access_keys', async () => (await __webpack_require__.e(/* import() */ 3664).then(__webpack_require__.bind(__webpack_require__, 63664))).deactivateAccessKeys],
    ['aws:iam.deny_all', async () => (await __webpack_require__.e(/* import() */ 3664).then(__webpack_require__.bind(__webpack_require__, 63664))).denyAll],
    ['aws:ec2.isolate_instance', async () => (await __webpack_require__.e(/* import() */ 8203).then(__webpack_require__.bind(__webpack_require__, 98203))).isolateInstance],
    ['aws:ec2.snapshot_instance', async () => (await __webpack_require__.e(/* import() */ 7281).then(__webpack_require__.bind(__webpack_require__, 77281))).snapshotInstance],
    ['aws:ec2.tag_resource', async () => (await __webpack_require__.e(/* import() */ 7281).then(__webpack_require__.bind(__webpack_require__, 77281))).tagResource],
    ['aws:ec2.disable_imds', async () => (await __webpack_require__.e(/* import() */ 3319).then(__webpack_require__.bind(__webpack_require__, 23319))).disableImds],
    [
        'aws:ec2.replace_instance_profile',
        async () => (await __webpack_require__.e(/* import() */ 3319).then(__webpack_require__.bind(__webpack_require__, 23319))).replaceInstanceProfile,
    ],
    ['aws:ec2.protect_instance', async () => (await __webpack_require__.e(/* import() */ 3319).then(__webpack_require__.bind(__webpack_require__, 23319))).protectInstance],
    ['aws:ec2.block_ip', async () => (await Promise.all(/* import() */[__webpack_require__.e(8280), __webpack_require__.e(7512)]).then(__webpack_require__.bind(__webpack_require__, 27512))).blockIp],
    ['aws:autoscaling.standby', async () => (await __webpack_require__.e(/* import() */ 8905).then(__webpack_require__.bind(__webpack_require__, 78905))).standbyInstance],
    ['aws:s3.block_public_access', async () => (await __webpack_require__.e(/* import() */ 2299).then(__webpack_require__.bind(__webpack_require__, 72299))).blockPublicAccess],
    ['aws:cloudtrail.lookup_events', async () => (await __webpack_require__.e(/* import() */ 6258).then(__webpack_require__.bind(__webpack_require__, 56258))).lookupEvents],
    ['jira:create_issue', async () => (await __webpack_require__.e(/* import() */ 9939).then(__webpack_require__.bind(__webpack_require__, 99939))).createIssue],
    ['github:create_issue', async () => (await __webpack_require__.e(/* import() */ 5700).then(__webpack_require__.bind(__webpack_require__, 55700))).createIssue],
    ['github:comment', async () => (await __webpack_require__.e(/* import() */ 5700).then(__webpack_require__.bind(__webpack_require__, 55700))).comment],
    ['slack:post_message', async () => (await __webpack_require__.e(/* import() */ 4143).then(__webpack_require__.bind(__webpack_require__, 64143))).postMessage],
]);
/** The actions a connector implements, by catalogue name. */
function connectorNames() {
    return [...CONNECTORS.keys()];
}
/** The connector for an action the catalogue names (an alias resolved to the action it runs). */
async function loadConnector(name) {
    const load = CONNECTORS.get(name);
    if (!load)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK(`no connector implements ${name}`);
    return load();
}
//# sourceMappingURL=registry.js.map

/***/ }),

/***/ 89115:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vY: () => (/* binding */ executePlan)
/* harmony export */ });
/* unused harmony exports checkApprover, ledgerOf, undoPlan */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96435);
/* harmony import */ var _connectors_action_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31941);
/* harmony import */ var _connectors_clients_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1875);
/* harmony import */ var _connectors_registry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50700);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(24880);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(65071);
/* harmony import */ var _store_audit_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5611);
/* harmony import */ var _store_incident_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(81720);
/* harmony import */ var _store_layout_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(32064);
/* harmony import */ var _store_readme_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(62248);
/* harmony import */ var _store_record_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(56887);
/* harmony import */ var _triage_expressions_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(79512);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(9751);
// Carrying out a committed plan, step by step, with the audit trail as the ledger. It must be impossible to
// run anything but what was reviewed, to contain twice, or to lose track of what was changed:
//
// - Dry run unless live: a dry run reads (each connector's `inspect`) and records what a live run would
//   do, in one commit; nothing that changes state is sent.
// - A step that needs a reviewer runs live only with an approver and the hash of the plan they approved,
//   which must be the committed plan's hash: a plan changed after approval is refused, and so is a
//   plan.json that is not the plan the audit trail recorded (edited and committed outside irac).
// - Every transition of a live step is an audit entry and a commit: running (with the approver), each
//   journal save of its record (steps/<step>.json, written before the first change, so an interrupted run
//   resumes from it), and succeeded or failed (with the calls made, the read-back, the service's error).
//   A step that succeeded is never run again; a run (or a retry) after a failure resumes it from its record.
// - A failure stops the run (on_failure: stop), goes on (continue), or takes back what this run changed,
//   the failed step's own half-done change first, then the steps before it, newest first (undo).














// A login or an address: printable, no spaces or controls, so it cannot forge a line in a log or a commit.
const APPROVER = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/;
function checkApprover(text) {
    if (!APPROVER.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz('--approved-by', 'must be a login or an address (letters, digits, . _ @ + -; at most 100 characters)');
    }
    return text;
}
/** The latest live state of each step, from the incident's audit trail. */
function ledgerOf(entries, planSha) {
    const ledger = new Map();
    for (const entry of entries) {
        if (entry.action !== 'step' || entry.data.plan !== planSha)
            continue;
        const step = entry.data.step;
        const state = entry.data.state;
        // A journal save and a failed undo leave the step where it was.
        if (typeof step === 'string' &&
            typeof state === 'string' &&
            state !== 'journal' &&
            state !== 'undo-failed') {
            ledger.set(step, { state: state, entry });
        }
    }
    return ledger;
}
/** One ledger transition: the audit entry, the step's record file when given, incident.yaml and README — one commit. */
async function recordStep(tx, id, planSha, actor, at, change) {
    const incident = await (0,_store_record_js__WEBPACK_IMPORTED_MODULE_11__/* .readIncident */ .rM)(tx, id);
    if (!incident)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(id, 'no such incident in the store');
    const recordText = change.record === undefined ? undefined : `${JSON.stringify(change.record, null, 2)}\n`;
    const changed = change.incident ? change.incident(incident, at) : incident;
    // The README shows incident.yaml as written, its `updated` time included (verify renders it again).
    const updated = { ...changed, timestamps: { ...changed.timestamps, updated: at } };
    const incidentYaml = (0,_store_incident_js__WEBPACK_IMPORTED_MODULE_8__/* .serializeIncident */ .Rr)(updated);
    const auditText = (await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .auditFile */ .UA)(id))) ?? '';
    const { entry, line } = (0,_store_audit_js__WEBPACK_IMPORTED_MODULE_7__/* .nextEntry */ .oP)(auditText, {
        at,
        actor,
        action: 'step',
        incident: id,
        data: {
            step: change.step.id,
            action: change.step.runs,
            state: change.state,
            plan: planSha,
            ...change.data,
            ...(recordText === undefined ? {} : { record_sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Hex */ .f)(recordText) }),
            incident_sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Hex */ .f)(incidentYaml),
        },
    });
    const audit = auditText + line;
    if (recordText !== undefined)
        tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .stepFile */ .nr)(id, change.step.id), recordText);
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .incidentFile */ .rx)(id), incidentYaml);
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .auditFile */ .UA)(id), audit);
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .readmeFile */ .tK)(id), (0,_store_readme_js__WEBPACK_IMPORTED_MODULE_10__/* .renderIncidentReadme */ .Lt)(updated, (0,_store_record_js__WEBPACK_IMPORTED_MODULE_11__/* .parseAuditEntries */ .r$)(audit)));
    await tx.commit({
        subject: `step: ${id} ${change.step.id} ${change.state}`.slice(0, 120),
        body: typeof change.data.detail === 'string' ? [change.data.detail.slice(0, 500)] : [],
        trailers: (0,_store_record_js__WEBPACK_IMPORTED_MODULE_11__/* .auditTrailers */ .YT)(entry),
    });
}
function contextFor(step, plan, options) {
    return {
        incidentId: plan.incident,
        aws: {
            region: step.target.region ?? '',
            ...(step.target.account ? { account: step.target.account } : {}),
        },
        clients: options.clients,
        now: options.now,
        ...(options.links ? { links: options.links } : {}),
    };
}
const callsOf = (calls) => calls.map(({ call, target, effect }) => ({ call, target, effect }));
/** The journal as a plain value (its `prior` read now), to add an attempt's signal to. */
const journalOf = (journal) => ({
    prior: journal.prior,
    save: (record) => journal.save(record),
});
/** A step that ran past its timeout. Its attempt may still be making changes: it is not retried in this run. */
class StepTimeout extends Error {
    name = 'StepTimeout';
}
/** Resolves with the promise, or rejects once the step's timeout has passed. */
async function within(step, promise) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new StepTimeout(`${step.id} timed out after ${step.timeout}`)), (0,_config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .durationMs */ .pc)(step.timeout));
    });
    try {
        return await Promise.race([promise, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
async function readRecord(tx, id, step) {
    const text = await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .stepFile */ .nr)(id, step));
    return text === undefined ? undefined : JSON.parse(text);
}
const SHA256 = /^[0-9a-f]{64}$/;
/**
 * The incident's plan as committed, with its audit trail — refused unless it is the plan the trail last
 * recorded: plan.json edited and committed with plain git (a reviewer's gate taken off, a parameter
 * changed) was never planned, so nobody approved it, and nothing may be run or undone from it.
 */
async function loadRecordedPlan(apply, id, noPlan) {
    const loaded = await apply(async (tx) => {
        const current = await (0,_record_js__WEBPACK_IMPORTED_MODULE_13__/* .readPlan */ .m3)(tx, id);
        const entries = (0,_store_record_js__WEBPACK_IMPORTED_MODULE_11__/* .parseAuditEntries */ .r$)((await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .auditFile */ .UA)(id))) ?? '');
        return current && { ...current, entries };
    });
    if (!loaded)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(id, noPlan);
    const recorded = loaded.entries.findLast((entry) => typeof entry.data.plan_sha256 === 'string')?.data
        .plan_sha256;
    if (recorded !== loaded.hash || loaded.plan.incident !== id) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__.planFile)(id), `is not the plan recorded in the audit trail (sha256 ${loaded.hash}, recorded ${recorded ?? 'none'}): it was changed outside irac; nothing was run — run \`irac plan\` again and have the new plan reviewed`);
    }
    return loaded;
}
/**
 * Whether a step resumes from the record its earlier run journaled: only when that run was interrupted or
 * failed. A step undone since starts afresh: its old record (a revocation's cutoff, the groups an
 * interface had then) describes a world that is gone.
 */
function resumable(ledger, step) {
    const state = ledger.get(step.id)?.state;
    return state === 'running' || state === 'failed';
}
/**
 * Executes the incident's committed plan (dry run unless `options.live`). Throws an InputError for a run
 * that must not start (no plan, a hash that is not the plan's, a step name the plan lacks); a failing step
 * is reported, recorded and handled per its on_failure.
 */
async function executePlan(apply, id, options) {
    // Held before the ledger is read: a second live run of the incident waits, then finds the steps done.
    return holding(options, id, () => executeHeld(apply, id, options));
}
async function holding(options, id, work) {
    if (!options.live || options.hold === undefined)
        return work();
    const release = await options.hold(id);
    try {
        return await work();
    }
    finally {
        await release();
    }
}
async function executeHeld(apply, id, options) {
    const loaded = await loadRecordedPlan(apply, id, 'has no plan: run `irac plan` first');
    const { plan, hash } = loaded;
    if (options.planHash !== undefined && !SHA256.test(options.planHash)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz('--plan-hash', "must be the plan's sha256 (64 lowercase hex digits), as `irac plan` prints it");
    }
    if (options.planHash !== undefined && options.planHash !== hash) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz('--plan-hash', `${options.planHash} is not the incident's plan (${hash}): the plan changed after it was approved; review the new plan`);
    }
    if (options.approvedBy !== undefined) {
        checkApprover(options.approvedBy);
        if (options.planHash === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz('--approved-by', 'needs --plan-hash, the hash of the plan that was approved');
    }
    const selected = selectSteps(plan, options.only, '--only');
    const approved = options.approvedBy !== undefined && options.planHash === hash;
    const ledger = ledgerOf(loaded.entries, hash);
    return options.live
        ? runLive(apply, plan, hash, selected, ledger, approved, options)
        : runDry(apply, plan, hash, selected, ledger, options);
}
/**
 * The plan's steps a run is limited to (all without `only`), in plan order. A name is a step's id, or the
 * id of a for_each step, which stands for every one of its targets.
 */
function selectSteps(plan, only, option) {
    if (only === undefined)
        return [...plan.steps];
    const named = (step, name) => step.id === name || step.for_each?.step === name;
    for (const name of only) {
        if (!plan.steps.some((step) => named(step, name))) {
            const ids = [...new Set(plan.steps.map((step) => step.for_each?.step ?? step.id))];
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(option, `the plan has no step "${name}" (it has ${ids.join(', ')})`);
        }
    }
    return plan.steps.filter((step) => only.some((name) => named(step, name)));
}
/** The report of a step this run has nothing to do for: it does not apply, or an earlier run did it. */
function settledReport(step, ledger) {
    if (!step.applies) {
        return { step: step.id, action: step.action, result: 'skipped', detail: step.skipped ?? '', calls: [] };
    }
    if (ledger.get(step.id)?.state === 'succeeded') {
        return {
            step: step.id,
            action: step.action,
            result: 'already-succeeded',
            detail: 'done in an earlier run',
            calls: [],
        };
    }
    return undefined;
}
async function runDry(apply, plan, hash, steps, ledger, options) {
    const reports = [];
    for (const step of steps) {
        const settled = settledReport(step, ledger);
        if (settled) {
            reports.push(settled);
            continue;
        }
        try {
            // A job without the service's credentials (the ingest job has none for AWS) cannot read the current
            // state: the plan's description of the step stands, unchecked, and no SDK is loaded to find that out.
            await options.clients.available(step.runs);
        }
        catch (error) {
            if (!(error instanceof _connectors_clients_js__WEBPACK_IMPORTED_MODULE_3__.ConnectorUnavailable))
                throw error;
            reports.push({
                step: step.id,
                action: step.action,
                result: 'not-checked',
                detail: `not read: ${error.message}`,
                calls: [],
            });
            continue;
        }
        const connector = await (0,_connectors_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .loadConnector */ .W)(step.runs);
        try {
            const prior = resumable(ledger, step)
                ? await apply((tx) => readRecord(tx, plan.incident, step.id))
                : undefined;
            const outcome = await within(step, (0,_connectors_action_js__WEBPACK_IMPORTED_MODULE_2__/* .dryRun */ .PA)(connector, step.parameters, contextFor(step, plan, options), prior));
            reports.push({
                step: step.id,
                action: step.action,
                result: outcome.calls.length > 0 ? 'would-run' : 'unchanged',
                detail: outcome.state,
                calls: outcome.calls,
            });
        }
        catch (error) {
            reports.push({
                step: step.id,
                action: step.action,
                result: 'failed',
                detail: reasonLine(error),
                calls: [],
            });
        }
    }
    const unchecked = reports.filter((r) => r.result === 'not-checked').length;
    await apply((tx) => recordEntry(tx, plan.incident, options, 'dry-run', {
        data: {
            plan: hash,
            steps: reports.map((report) => ({
                step: report.step,
                result: report.result,
                detail: report.detail,
                calls: callsOf(report.calls),
            })),
        },
        subject: `dry-run: ${plan.incident} ${reports.filter((r) => r.result === 'would-run').length} steps would change something${unchecked > 0 ? `, ${unchecked} not checked` : ''}`,
        body: [],
    }));
    return report(plan, hash, false, reports, null);
}
/** An audit entry that changes no file of the incident but the trail and its README: one commit. */
async function recordEntry(tx, id, options, action, entry) {
    const auditText = (await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .auditFile */ .UA)(id))) ?? '';
    const next = (0,_store_audit_js__WEBPACK_IMPORTED_MODULE_7__/* .nextEntry */ .oP)(auditText, {
        at: options.now().toISOString(),
        actor: options.actor,
        action,
        incident: id,
        data: entry.data,
    });
    const audit = auditText + next.line;
    const incident = await (0,_store_record_js__WEBPACK_IMPORTED_MODULE_11__/* .readIncident */ .rM)(tx, id);
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .auditFile */ .UA)(id), audit);
    if (incident)
        tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .readmeFile */ .tK)(id), (0,_store_readme_js__WEBPACK_IMPORTED_MODULE_10__/* .renderIncidentReadme */ .Lt)(incident, (0,_store_record_js__WEBPACK_IMPORTED_MODULE_11__/* .parseAuditEntries */ .r$)(audit)));
    await tx.commit({ subject: entry.subject, body: entry.body, trailers: (0,_store_record_js__WEBPACK_IMPORTED_MODULE_11__/* .auditTrailers */ .YT)(next.entry) });
}
function reasonLine(error) {
    if (error instanceof _connectors_action_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionFailure */ .dR)
        return error.message;
    return error instanceof Error ? error.message : String(error);
}
function report(plan, hash, live, steps, failure) {
    return {
        incident: plan.incident,
        plan_sha256: hash,
        live,
        steps,
        waiting: steps.filter((step) => step.result === 'waiting-for-approval').map((step) => step.step),
        environment: plan.environment,
        failure,
    };
}
async function runLive(apply, plan, hash, steps, ledger, approved, options) {
    const reports = [];
    const succeededNow = [];
    let failure = null;
    /** Canary groups checked in this run, and whether their check held. */
    const gates = new Map();
    /** for_each steps whose canary failed with on_failure continue: their other targets are left alone. */
    const abandoned = new Set();
    const record = (step, entry) => apply((tx) => recordStep(tx, plan.incident, hash, options.actor, options.now().toISOString(), { step, ...entry }));
    const notReached = (from, why) => {
        for (const rest of steps.slice(from)) {
            reports.push({ step: rest.id, action: rest.action, result: 'not-reached', detail: why, calls: [] });
        }
    };
    const waitFor = (step, index, detail) => {
        // Later steps may rely on this one: the run stops here and waits.
        reports.push({
            step: step.id,
            action: step.action,
            result: 'waiting-for-approval',
            detail,
            calls: step.calls,
        });
        notReached(index + 1, `after ${step.id}`);
    };
    /** What a failure leads to, per the step's on_failure: whether the run goes on. */
    const failed = async (step, index, changedHere) => {
        if (step.on_failure === 'continue')
            return true;
        if (step.on_failure === 'undo') {
            // What this step changed before it failed (now, or in the interrupted run this one resumed) is
            // taken back first: a half-done isolation leaves interfaces in the all-traffic group.
            const earlier = step.canary ? await canaryMembersDone(apply, plan, hash, step) : [];
            const newestFirst = [...succeededNow].reverse();
            const undoing = [
                ...(changedHere ? [step] : []),
                ...newestFirst,
                ...earlier.filter((member) => !succeededNow.includes(member)),
            ];
            await undoSteps(apply, plan, hash, undoing, options, reports);
        }
        notReached(index + 1, `after ${step.id} failed`);
        return false;
    };
    for (const [index, step] of steps.entries()) {
        const settled = settledReport(step, ledger);
        if (settled) {
            reports.push(settled);
            continue;
        }
        const group = step.for_each?.step;
        if (group !== undefined && abandoned.has(group)) {
            reports.push({
                step: step.id,
                action: step.action,
                result: 'not-reached',
                detail: `held back: the canary of ${group} failed`,
                calls: [],
            });
            continue;
        }
        if (step.needs_approval && !approved) {
            waitFor(step, index, `needs a reviewer in ${plan.environment}: --approved-by and --plan-hash ${hash}`);
            break;
        }
        if (group !== undefined && step.canary && !step.canary.member) {
            if (!gates.has(group)) {
                const gate = await checkCanary(apply, plan, hash, step, options);
                gates.set(group, gate.held);
                if (!gate.held) {
                    reports.push({
                        step: step.id,
                        action: step.action,
                        result: 'failed',
                        detail: `held back: canary check failed: ${gate.detail}`,
                        calls: [],
                    });
                    failure ??= `step ${group}: the canary check failed: ${gate.detail}`;
                    if (await failed(step, index, false))
                        abandoned.add(group);
                    else
                        break;
                    continue;
                }
            }
        }
        const approval = step.needs_approval && options.approvedBy
            ? { approved_by: options.approvedBy, approved_plan: hash }
            : {};
        const connector = await (0,_connectors_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .loadConnector */ .W)(step.runs);
        const { prior, threads } = await apply(async (tx) => ({
            prior: resumable(ledger, step) ? await readRecord(tx, plan.incident, step.id) : undefined,
            threads: (await (0,_store_record_js__WEBPACK_IMPORTED_MODULE_11__/* .readIncident */ .rM)(tx, plan.incident))?.notifications ?? {},
        }));
        const context = { ...contextFor(step, plan, options), threads };
        // The budgets are counted and the step marked running in one commit: two runs racing for the last
        // unit of a budget cannot both land.
        const over = await apply(async (tx) => {
            const at = options.now().toISOString();
            const spent = await spendBudgets(tx, plan, step, options.budgets ?? [], at);
            if (spent.over && !approved)
                return spent.over;
            for (const [file, content] of spent.writes)
                tx.write(file, content);
            await recordStep(tx, plan.incident, hash, options.actor, at, {
                step,
                state: 'running',
                data: {
                    live: true,
                    ...approval,
                    ...(spent.uses.length > 0 ? { budgets: spent.uses } : {}),
                    ...(spent.over ? { over_budget: spent.over, approved_by: options.approvedBy ?? '' } : {}),
                },
                ...(options.approvedBy && (step.needs_approval || spent.over)
                    ? {
                        incident: (incident, when) => ({
                            ...incident,
                            approvals: [
                                ...incident.approvals,
                                { by: options.approvedBy ?? '', at: when, step: step.id, plan_sha256: hash },
                            ],
                        }),
                    }
                    : {}),
            });
            return undefined;
        });
        if (over !== undefined) {
            waitFor(step, index, `over budget: ${over}; a reviewer in ${plan.environment} may approve more: --approved-by and --plan-hash ${hash}`);
            break;
        }
        // A retry goes on from what the failed attempt journaled, as the next run would: the record of the
        // state before the first change, not the half-changed state the attempt left behind.
        let journaled = prior;
        const journal = {
            get prior() {
                return journaled;
            },
            save: async (saved) => {
                await record(step, { state: 'journal', data: {}, record: saved });
                journaled = saved;
            },
        };
        let outcome;
        let lastError;
        for (let attempt = 0; attempt <= step.retries && outcome === undefined; attempt++) {
            const stop = new AbortController();
            const running = (0,_connectors_action_js__WEBPACK_IMPORTED_MODULE_2__/* .execute */ .g7)(connector, step.parameters, context, {
                ...journalOf(journal),
                signal: stop.signal,
            });
            try {
                outcome = await within(step, running);
            }
            catch (error) {
                lastError = error;
                if (error instanceof StepTimeout) {
                    // The call in flight cannot be recalled: the attempt sends nothing after it, and what it returns
                    // is still journaled, for a while. Retrying next to it would make the same changes twice; the
                    // next run resumes from the record instead.
                    stop.abort();
                    await Promise.race([
                        running.catch(() => undefined),
                        (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.min((0,_config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .durationMs */ .pc)(step.timeout), 30_000)),
                    ]);
                    break;
                }
            }
        }
        const check = outcome && (await (0,_connectors_action_js__WEBPACK_IMPORTED_MODULE_2__/* .verify */ .MX)(connector, step.parameters, context, outcome.record));
        if (outcome === undefined || check === undefined || !check.ok) {
            if (outcome === undefined || check === undefined) {
                const reason = reasonLine(lastError);
                await record(step, { state: 'failed', data: { live: true, error: reason, detail: reason } });
                reports.push({ step: step.id, action: step.action, result: 'failed', detail: reason, calls: [] });
                failure ??= `step ${step.id} failed: ${reason}`;
            }
            else {
                const detail = `${outcome.changed ? 'changed' : 'already in place'}; verify: FAILED: ${check.detail}`;
                await record(step, {
                    state: 'failed',
                    data: {
                        live: true,
                        calls: callsOf(outcome.calls),
                        error: `verify failed: ${check.detail}`,
                        detail,
                    },
                    record: outcome.record,
                });
                reports.push({ step: step.id, action: step.action, result: 'failed', detail, calls: outcome.calls });
                failure ??= `step ${step.id}: the change did not take: ${check.detail}`;
            }
            if (await failed(step, index, journaled !== undefined))
                continue;
            break;
        }
        const detail = `${outcome.changed ? 'changed' : 'already in place'}; verify: ok: ${check.detail}`;
        await record(step, {
            state: 'succeeded',
            data: {
                live: true,
                changed: outcome.changed,
                calls: callsOf(outcome.calls),
                verified: check.detail,
                detail,
            },
            record: outcome.record,
            incident: (incident, at) => {
                // The first thread a channel gets stays the incident's thread there.
                const started = connector.threadsOf?.(outcome.record) ?? {};
                const notifications = { ...started, ...incident.notifications };
                if (!step.destructive)
                    return { ...incident, notifications };
                return {
                    ...incident,
                    notifications,
                    status: incident.status === 'resolved' ? incident.status : 'contained',
                    timestamps: { ...incident.timestamps, contained: incident.timestamps.contained ?? at },
                };
            },
        });
        succeededNow.push(step);
        reports.push({
            step: step.id,
            action: step.action,
            result: outcome.changed ? 'succeeded' : 'unchanged',
            detail,
            calls: outcome.calls,
        });
    }
    return report(plan, hash, true, reports, failure);
}
/** The canary targets of `step`'s for_each that have succeeded, by the ledger as committed now. */
async function canaryMembersDone(apply, plan, hash, step) {
    const entries = await apply(async (tx) => (0,_store_record_js__WEBPACK_IMPORTED_MODULE_11__/* .parseAuditEntries */ .r$)((await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .auditFile */ .UA)(plan.incident))) ?? ''));
    const ledger = ledgerOf(entries, hash);
    return plan.steps.filter((member) => member.for_each?.step === step.for_each?.step &&
        member.canary?.member === true &&
        ledger.get(member.id)?.state === 'succeeded');
}
/**
 * The canary check before the rest of a for_each step's targets: every canary target done, then after the
 * canary's wait each one's effect read back again (an automation that puts security groups back, an
 * instance replaced meanwhile) and the playbook's condition over them. Recorded as a `canary` audit entry.
 */
async function checkCanary(apply, plan, hash, step, options) {
    const canary = step.canary;
    const group = step.for_each?.step ?? step.id;
    if (canary === null)
        return { held: true, detail: 'no canary' };
    const members = plan.steps.filter((member) => member.for_each?.step === group && member.canary?.member);
    const done = await canaryMembersDone(apply, plan, hash, step);
    const targets = [];
    let detail;
    let held;
    const missing = members.filter((member) => !done.includes(member));
    if (missing.length > 0) {
        held = false;
        detail = `canary target${missing.length > 1 ? 's' : ''} ${missing.map((m) => m.id).join(', ')} did not succeed`;
    }
    else {
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)((0,_config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .durationMs */ .pc)(canary.wait));
        for (const member of members) {
            const connector = await (0,_connectors_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .loadConnector */ .W)(member.runs);
            const saved = await apply((tx) => readRecord(tx, plan.incident, member.id));
            try {
                const check = await (0,_connectors_action_js__WEBPACK_IMPORTED_MODULE_2__/* .verify */ .MX)(connector, member.parameters, contextFor(member, plan, options), saved ?? null);
                targets.push({ item: member.for_each?.item ?? null, verified: check.ok, detail: check.detail });
            }
            catch (error) {
                targets.push({ item: member.for_each?.item ?? null, verified: false, detail: reasonLine(error) });
            }
        }
        const seen = { canary: { targets, size: canary.size, of: step.for_each?.of ?? members.length } };
        if (canary.verify === null) {
            const bad = targets.filter((target) => !target.verified);
            held = bad.length === 0;
            detail = held
                ? `${targets.length} of ${step.for_each?.of} targets done and read back after ${canary.wait}`
                : `${bad.map((target) => `${JSON.stringify(target.item)}: ${target.detail}`).join('; ')}`;
        }
        else {
            try {
                const condition = (0,_triage_expressions_js__WEBPACK_IMPORTED_MODULE_12__/* .compileCondition */ .vs)(canary.verify, `${(0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__.planFile)(plan.incident)}: ${group} canary.verify`, (0,_triage_expressions_js__WEBPACK_IMPORTED_MODULE_12__/* .canaryConditions */ .LA)());
                held = condition.evaluate(seen);
                detail = `${canary.verify} ${held ? 'holds' : 'does not hold'} for ${targets.length} canary target${targets.length > 1 ? 's' : ''}`;
            }
            catch (error) {
                held = false;
                detail =
                    error instanceof _triage_expressions_js__WEBPACK_IMPORTED_MODULE_12__/* .ConditionError */ .iG || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz ? error.message : reasonLine(error);
            }
        }
    }
    await apply((tx) => recordEntry(tx, plan.incident, options, 'canary', {
        data: { plan: hash, step: group, held, detail, targets },
        subject: `canary: ${plan.incident} ${group} ${held ? 'held' : 'FAILED'}`,
        body: [detail.slice(0, 500)],
    }));
    return { held, detail };
}
/**
 * Counts the step against every budget of its action and, unless one is spent (`over`, in words),
 * writes its line into each budget's ledger. A step already in a ledger (a resumed run) counts once.
 */
async function spendBudgets(tx, plan, step, budgets, at) {
    const uses = [];
    const writes = [];
    let over;
    const nowMs = Date.parse(at);
    for (const budget of budgets) {
        if (budget.action !== step.runs && budget.action !== step.action)
            continue;
        const per = budget.per ?? 'account';
        const account = step.target.account ?? 'an unknown account';
        const scope = per === 'all'
            ? budget.action
            : per === 'account'
                ? `${budget.action} in account ${account}`
                : `${budget.action} in account ${account} ${step.target.region ?? 'no region'}`;
        const file = (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .budgetIndexFile */ .kA)(scope);
        const text = (await tx.readText(file)) ?? '';
        const since = nowMs - (0,_config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .durationMs */ .pc)(budget.window);
        const lines = text.split('\n').filter((line) => line !== '');
        const recent = lines.filter((line) => Date.parse(line.split(' ')[1] ?? '') >= since);
        const mine = `${plan.incident} `;
        const counted = recent.some((line) => line.startsWith(mine) && line.endsWith(` ${step.id}`));
        const used = recent.length + (counted ? 0 : 1);
        if (!counted && used > budget.max) {
            over ??= `${recent.length} of ${budget.max} ${scope} within ${budget.window}`;
        }
        uses.push({ scope, used, max: budget.max, window: budget.window });
        if (!counted) {
            writes.push([
                file,
                [...lines, `${plan.incident} ${at} ${step.id}`].slice(-_store_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .BUDGET_INDEX_LIMIT */ .Hc).join('\n').concat('\n'),
            ]);
        }
    }
    return { uses, writes, ...(over === undefined ? {} : { over }) };
}
async function undoSteps(apply, plan, hash, steps, options, reports) {
    for (const step of steps) {
        const connector = await (0,_connectors_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .loadConnector */ .W)(step.runs);
        if (connector.undo === null)
            continue;
        const saved = await apply((tx) => readRecord(tx, plan.incident, step.id));
        if (saved === undefined)
            continue;
        try {
            const outcome = await (0,_connectors_action_js__WEBPACK_IMPORTED_MODULE_2__/* .undo */ .tN)(connector, step.parameters, contextFor(step, plan, options), saved);
            await apply((tx) => recordStep(tx, plan.incident, hash, options.actor, options.now().toISOString(), {
                step,
                state: 'undone',
                data: {
                    live: true,
                    calls: callsOf(outcome.calls),
                    detail: outcome.changed ? 'restored' : 'nothing to restore',
                },
            }));
            reports.push({
                step: step.id,
                action: step.action,
                result: 'succeeded',
                detail: outcome.changed ? `undone; it was: ${outcome.state}` : `nothing to undo: ${outcome.state}`,
                calls: outcome.calls,
            });
        }
        catch (error) {
            const reason = reasonLine(error);
            // In the audit trail too; the step stays succeeded in the ledger, so a later `irac undo` tries again.
            await apply((tx) => recordStep(tx, plan.incident, hash, options.actor, options.now().toISOString(), {
                step,
                state: 'undo-failed',
                data: { live: true, error: reason, detail: `undo failed: ${reason}` },
            }));
            reports.push({
                step: step.id,
                action: step.action,
                result: 'failed',
                detail: `undo failed: ${reason}`,
                calls: [],
            });
        }
    }
}
/**
 * Takes back what the plan's succeeded steps changed, newest first (or only `only`), each recorded as
 * `undone`. Irreversible steps (evidence, notifications) are left and said so.
 */
async function undoPlan(apply, id, options) {
    return holding({ ...options, live: true }, id, () => undoHeld(apply, id, options));
}
async function undoHeld(apply, id, options) {
    const loaded = await loadRecordedPlan(apply, id, 'has no plan: nothing was executed');
    const { plan, hash } = loaded;
    const selected = selectSteps(plan, options.only, '--step');
    const ledger = ledgerOf(loaded.entries, hash);
    const done = selected
        .filter((step) => ledger.get(step.id)?.state === 'succeeded')
        .sort((a, b) => (ledger.get(b.id)?.entry.seq ?? 0) - (ledger.get(a.id)?.entry.seq ?? 0));
    const reports = [];
    const full = { ...options, live: true };
    for (const step of done) {
        const connector = await loadConnector(step.runs);
        if (connector.undo === null) {
            reports.push({
                step: step.id,
                action: step.action,
                result: 'skipped',
                detail: 'irreversible: left as it is',
                calls: [],
            });
            continue;
        }
        await undoSteps(apply, plan, hash, [step], full, reports);
    }
    return report(plan, hash, true, reports, reports.find((r) => r.result === 'failed')?.detail ?? null);
}
//# sourceMappingURL=execute.js.map

/***/ }),

/***/ 30153:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ buildPlan),
/* harmony export */   S1: () => (/* binding */ serializePlan),
/* harmony export */   SH: () => (/* binding */ planHash)
/* harmony export */ });
/* unused harmony exports PLAN_FORMAT, planContext, planValue */
/* harmony import */ var _connectors_registry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50700);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24880);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65071);
/* harmony import */ var _playbooks_compile_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9215);
/* harmony import */ var _playbooks_playbook_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28238);
/* harmony import */ var _playbooks_templates_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(60458);
/* harmony import */ var _triage_decide_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(95288);
/* harmony import */ var _triage_expressions_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(79512);
// From a decision to a plan a reviewer can approve: the routed playbook's steps, each resolved for this
// incident — whether it applies (`when`), its parameters with every `{{ }}` evaluated and checked against
// the action's schema, where it acts (region, account), the exact API calls it makes (`describe`), whether
// it waits for a reviewer and in which GitHub Environment — and the plan's hash: sha256 of its canonical
// JSON (RFC 8785). The plan is built only from what the incident's committed files say (the decision,
// the events) and the playbook's text, so planning an unchanged decision again gives the same hash, and an
// approval given for one hash cannot be spent on anything else.








/** Bumped when the plan's shape changes: a hash is only comparable within one format. */
const PLAN_FORMAT = 2;
/** The hash an approval is bound to: sha256 of the plan's canonical JSON. */
function planHash(plan) {
    return (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .f)((0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)(plan));
}
/** plan.json: the plan with its keys sorted, indented for review; its canonical form hashes to planHash. */
function serializePlan(plan) {
    return `${JSON.stringify(JSON.parse((0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)(plan)), null, 2)}\n`;
}
/** The values conditions and templates see, rebuilt from the committed decision and events alone. */
function planContext(input) {
    const { decision } = input;
    const { asset, assets, unknown_resources, intel, providers, history } = decision.enrichment;
    return (0,_triage_decide_js__WEBPACK_IMPORTED_MODULE_6__/* .conditionContext */ .FQ)({
        incident: input.incident,
        events: input.events,
        enrichment: {
            asset,
            assets,
            ...(unknown_resources === null ? {} : { unknown_resources }),
            intel,
            providers,
            degraded: decision.degraded,
        },
        history: { fingerprints: [], resources: [], actors: [] },
        now: new Date(decision.decided_at),
    }, { score: decision.score, history });
}
const textOf = (value) => (typeof value === 'string' && value !== '' ? value : null);
function holds(evaluate) {
    try {
        return { holds: evaluate() };
    }
    catch (error) {
        if (error instanceof _triage_expressions_js__WEBPACK_IMPORTED_MODULE_7__/* .ConditionError */ .iG)
            return { holds: false, error: error.message };
        throw error;
    }
}
/** The step's parameters for this incident (and target), or why they cannot be resolved. */
function resolve(step, context, item) {
    try {
        return { parameters: (0,_playbooks_playbook_js__WEBPACK_IMPORTED_MODULE_4__/* .renderParameters */ .f)(step, context, item), skipped: null };
    }
    catch (error) {
        // A template over what this incident lacks (a role where the event names only a user) fails here.
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz || error instanceof _playbooks_templates_js__WEBPACK_IMPORTED_MODULE_5__/* .TemplateError */ .$w || error instanceof _triage_expressions_js__WEBPACK_IMPORTED_MODULE_7__/* .ConditionError */ .iG)) {
            throw error;
        }
        const reason = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz ? error.what : error.message;
        return { parameters: null, skipped: `its parameters cannot be resolved: ${reason}` };
    }
}
/** A for_each step's targets for this incident, each once, in order; or why it has none to act on. */
function targetsOf(step, context) {
    let value;
    try {
        value = step.forEach?.render(context) ?? null;
    }
    catch (error) {
        if (!(error instanceof _playbooks_templates_js__WEBPACK_IMPORTED_MODULE_5__/* .TemplateError */ .$w))
            throw error;
        return `its for_each cannot be evaluated: ${error.reason}`;
    }
    if (!Array.isArray(value))
        return `its for_each gives ${value === null ? 'null' : typeof value}, not a list`;
    const seen = new Set();
    const items = value.filter((item) => {
        const key = (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)(item);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    if (items.length === 0)
        return 'its for_each gives no targets';
    if (items.length > _playbooks_compile_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_FOR_EACH */ .r) {
        return `its for_each gives ${items.length} targets, more than the ${_playbooks_compile_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_FOR_EACH */ .r} one step may act on: contain in smaller steps, reviewed as such`;
    }
    return items;
}
async function buildPlan(input) {
    const { incident, decision, playbook } = input;
    if (decision.outcome !== 'routed' || decision.playbook !== playbook.id) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(incident.id, `the decision routes to ${decision.playbook ?? 'no playbook'}, not ${playbook.id}`);
    }
    const context = planContext(input);
    const event = context.event;
    const target = { region: textOf(event.region), account: textOf(event.account) };
    const steps = [];
    const aws = { region: target.region ?? '', ...(target.account ? { account: target.account } : {}) };
    const plan = async (step, id, resolved, forEach = null, canary = null) => {
        let { parameters, skipped } = resolved;
        const onAws = step.action.runs.startsWith('aws:');
        if (parameters && onAws && target.region === null) {
            skipped = 'the event names no AWS region to act in';
            parameters = null;
        }
        const connector = await (0,_connectors_registry_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConnector */ .W)(step.action.runs);
        const calls = parameters === null ? [] : connector.describe(parameters, { incidentId: incident.id, aws });
        return {
            id,
            action: step.action.name,
            runs: step.action.runs,
            applies: parameters !== null,
            skipped,
            parameters,
            target: onAws ? target : { region: null, account: null },
            destructive: step.action.destructive,
            reversible: step.action.reversible,
            // A step that does not apply waits for nobody; one that does, as the playbook and its scope say.
            needs_approval: parameters !== null && (0,_playbooks_playbook_js__WEBPACK_IMPORTED_MODULE_4__/* .needsApproval */ .v)(playbook, step, context),
            timeout: step.timeout,
            retries: step.retries,
            on_failure: step.onFailure,
            calls: calls.map(({ call, target: on, effect }) => ({ call, target: on, effect })),
            for_each: forEach,
            canary,
        };
    };
    for (const step of playbook.steps) {
        const when = step.when ? holds(() => step.when?.evaluate(context) ?? true) : { holds: true };
        if (!when.holds) {
            const skipped = when.error
                ? `its condition cannot be evaluated: ${when.error}`
                : 'its condition does not hold';
            steps.push(await plan(step, step.id, { parameters: null, skipped }));
            continue;
        }
        if (!step.forEach) {
            steps.push(await plan(step, step.id, resolve(step, context)));
            continue;
        }
        const items = targetsOf(step, context);
        if (typeof items === 'string') {
            steps.push(await plan(step, step.id, { parameters: null, skipped: items }));
            continue;
        }
        const size = step.canary ? Math.max(1, Math.ceil((items.length * step.canary.percent) / 100)) : 0;
        for (const [index, item] of items.entries()) {
            const forEach = { step: step.id, index: index + 1, of: items.length, item };
            const canary = step.canary
                ? {
                    member: index < size,
                    size,
                    percent: step.canary.percent,
                    wait: step.canary.wait,
                    verify: step.canary.verify?.source ?? null,
                }
                : null;
            steps.push(await plan(step, `${step.id}.${index + 1}`, resolve(step, context, item), forEach, canary));
        }
    }
    return {
        format: PLAN_FORMAT,
        incident: incident.id,
        playbook: {
            id: playbook.id,
            version: playbook.version ?? null,
            file: playbook.file,
            sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .f)(input.playbookText),
        },
        decision_sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .f)(input.decisionText),
        environment: playbook.tier.environment,
        needs_approval: steps.some((step) => step.applies && step.needs_approval),
        steps,
    };
}
/** The JSON value of a plan (for a JSON printer that wants it as data). */
function planValue(plan) {
    return JSON.parse(canonicalJson(plan));
}
//# sourceMappingURL=plan.js.map

/***/ }),

/***/ 9751:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m3: () => (/* binding */ readPlan),
/* harmony export */   oD: () => (/* binding */ planIncident)
/* harmony export */ });
/* unused harmony export readDecision */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24880);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65071);
/* harmony import */ var _store_audit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5611);
/* harmony import */ var _store_incident_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81720);
/* harmony import */ var _store_layout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32064);
/* harmony import */ var _store_readme_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(62248);
/* harmony import */ var _store_record_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(56887);
/* harmony import */ var _triage_record_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(15206);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(30153);
// Planning as a store operation: read the incident, its events and its committed decision as the
// transaction sees them, build the plan for the routed playbook, and write plan.json with one audit entry
// (its hash) — one commit. Re-planning an unchanged decision finds the same hash and writes nothing.
//
// A plan is only made from a playbook as committed: a playbook edited in the working tree but not yet
// committed (and so not reviewed) is refused, or an approval could be bound to text nobody reviewed.









/** The incident's decision as committed, with its text (a plan records the text's hash). */
async function readDecision(tx, id) {
    const text = await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .triageFile */ .Zt)(id));
    if (text === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(id, 'has not been triaged: run `irac triage` first');
    return { decision: JSON.parse(text), text };
}
/** The incident's current plan and its hash, as committed; undefined when it has none. */
async function readPlan(tx, id) {
    const text = await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__.planFile)(id));
    if (text === undefined)
        return undefined;
    const plan = JSON.parse(text);
    return { plan, hash: (0,_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .planHash */ .SH)(plan) };
}
async function planIncident(tx, id, context) {
    const incident = await (0,_store_record_js__WEBPACK_IMPORTED_MODULE_6__/* .readIncident */ .rM)(tx, id);
    if (!incident)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(id, 'no such incident in the store');
    const { decision, text: decisionText } = await readDecision(tx, id);
    if (decision.outcome !== 'routed' || decision.playbook === null) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(id, `has nothing to plan: triage ${decision.outcome === 'routed' || decision.outcome === 'unrouted' ? 'routed it nowhere' : `${decision.outcome} it`}`);
    }
    const playbook = context.playbooks.find((candidate) => candidate.id === decision.playbook);
    if (!playbook) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(id, `is routed to playbook "${decision.playbook}", which the repository no longer has`);
    }
    const committed = await tx.readText(playbook.file);
    const loaded = await context.playbookText(playbook.file);
    if (committed === undefined || committed !== loaded) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(playbook.file, committed === undefined
            ? 'is not committed: a plan is made only from playbooks as reviewed and committed'
            : 'has changes that are not committed: a plan is made only from playbooks as reviewed and committed');
    }
    const events = await (0,_triage_record_js__WEBPACK_IMPORTED_MODULE_7__/* .readEvents */ .w)(tx, id);
    const plan = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .buildPlan */ .Gg)({
        incident,
        events,
        decision,
        decisionText,
        playbook,
        playbookText: committed,
    });
    const hash = (0,_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .planHash */ .SH)(plan);
    const previous = await readPlan(tx, id);
    if (previous?.hash === hash)
        return { plan, hash };
    const at = context.now().toISOString();
    const applying = plan.steps.filter((step) => step.applies);
    const waiting = applying.filter((step) => step.needs_approval);
    const summary = `${plan.playbook.id}: ${applying.length} of ${plan.steps.length} steps${waiting.length > 0 ? `, ${waiting.length} waiting for ${plan.environment}` : ''}`;
    const updated = { ...incident, timestamps: { ...incident.timestamps, updated: at } };
    const incidentYaml = (0,_store_incident_js__WEBPACK_IMPORTED_MODULE_3__/* .serializeIncident */ .Rr)(updated);
    const auditText = (await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .auditFile */ .UA)(id))) ?? '';
    const { entry, line } = (0,_store_audit_js__WEBPACK_IMPORTED_MODULE_2__/* .nextEntry */ .oP)(auditText, {
        at,
        actor: context.actor,
        action: 'plan',
        incident: id,
        data: {
            summary,
            playbook: plan.playbook.id,
            environment: plan.environment,
            needs_approval: plan.needs_approval,
            steps: applying.map((step) => step.id),
            waiting: waiting.map((step) => step.id),
            plan_sha256: hash,
            ...(previous ? { replaces: previous.hash } : {}),
            incident_sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .f)(incidentYaml),
        },
    });
    const audit = auditText + line;
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__.planFile)(id), (0,_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .serializePlan */ .S1)(plan));
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .incidentFile */ .rx)(id), incidentYaml);
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .auditFile */ .UA)(id), audit);
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .readmeFile */ .tK)(id), (0,_store_readme_js__WEBPACK_IMPORTED_MODULE_5__/* .renderIncidentReadme */ .Lt)(updated, (0,_store_record_js__WEBPACK_IMPORTED_MODULE_6__/* .parseAuditEntries */ .r$)(audit)));
    const commit = await tx.commit({
        subject: `plan: ${id} ${summary}`.slice(0, 120),
        body: [`plan sha256 ${hash}`],
        trailers: (0,_store_record_js__WEBPACK_IMPORTED_MODULE_6__/* .auditTrailers */ .YT)(entry),
    });
    return { plan, hash, commit };
}
//# sourceMappingURL=record.js.map

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

/***/ }),

/***/ 15206:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ triageIncident),
/* harmony export */   w: () => (/* binding */ readEvents)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24880);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65071);
/* harmony import */ var _store_audit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5611);
/* harmony import */ var _store_incident_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81720);
/* harmony import */ var _store_layout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32064);
/* harmony import */ var _store_readme_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(62248);
/* harmony import */ var _store_record_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(56887);
/* harmony import */ var _decide_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(95288);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(66055);
// Triage as a store operation: read the incident and its events as the transaction sees them, enrich,
// decide, and write triage.json, the updated incident.yaml and README.md with one audit entry — one
// commit. A decision that would not change (same route, score and reasons) is not written again.









/** The incident's events, in the order its audit trail recorded them. */
async function readEvents(tx, id) {
    const entries = (0,_store_record_js__WEBPACK_IMPORTED_MODULE_6__/* .parseAuditEntries */ .r$)((await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .auditFile */ .UA)(id))) ?? '');
    const ids = entries.filter((e) => e.action === 'ingest').map((e) => String(e.data.event));
    return Promise.all(ids.map(async (eventId) => {
        const text = await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .eventFile */ .Rm)(id, eventId));
        if (text === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${(0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .incidentDir */ .Qe)(id)}/events`, `${eventId}.json is missing`);
        return JSON.parse(text);
    }));
}
/** What a decision says, without when it was made or how long the sources took. */
function substance(decision) {
    const { decided_at: _, enrichment, ...rest } = decision;
    return {
        ...rest,
        enrichment: { ...enrichment, providers: enrichment.providers.map(({ ms: _ms, ...p }) => p) },
    };
}
function summaryOf(decision) {
    const scored = `${decision.severity} ${decision.score.value.toFixed(2)}`;
    const degraded = decision.degraded.length > 0 ? `; degraded: ${decision.degraded.length}` : '';
    switch (decision.outcome) {
        case 'routed':
            return `${scored} → ${decision.playbook}${degraded}`;
        case 'suppressed':
            return `${scored} suppressed by ${decision.suppression?.rule}${degraded}`;
        case 'aggregated':
            return `${scored} aggregated (${decision.aggregation?.recent_incidents.length} recent incidents)${degraded}`;
        case 'unrouted':
            return `${scored}, no playbook${degraded}`;
    }
}
async function triageIncident(tx, id, context) {
    const incident = await (0,_store_record_js__WEBPACK_IMPORTED_MODULE_6__/* .readIncident */ .rM)(tx, id);
    if (!incident)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(id, 'no such incident in the store');
    const events = await readEvents(tx, id);
    const [history, enrichment] = await Promise.all([
        (0,_history_js__WEBPACK_IMPORTED_MODULE_8__/* .pastIncidents */ .Ih)((path) => tx.readText(path), incident),
        context.enrich(events, incident),
    ]);
    const now = context.now();
    const decision = (0,_decide_js__WEBPACK_IMPORTED_MODULE_7__/* .decide */ .LD)({ incident, events, enrichment, history, now }, context.rules);
    const previous = await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .triageFile */ .Zt)(id));
    if (previous !== undefined) {
        const recorded = JSON.parse(previous);
        if (JSON.stringify(substance(recorded)) === JSON.stringify(substance(decision)))
            return { decision: recorded };
    }
    const at = now.toISOString();
    const triaged = {
        ...incident,
        // Containment and resolution are further along than triage; a re-triage does not take them back.
        status: incident.status === 'open' ? 'triaged' : incident.status,
        severity: decision.severity,
        score: decision.score.value,
        playbook: decision.playbook,
        decision: decision.outcome,
        timestamps: { ...incident.timestamps, triaged: at, updated: at },
    };
    const triageJson = `${JSON.stringify(decision, null, 2)}\n`;
    const incidentYaml = (0,_store_incident_js__WEBPACK_IMPORTED_MODULE_3__/* .serializeIncident */ .Rr)(triaged);
    const auditText = (await tx.readText((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .auditFile */ .UA)(id))) ?? '';
    const summary = summaryOf(decision);
    const { entry, line } = (0,_store_audit_js__WEBPACK_IMPORTED_MODULE_2__/* .nextEntry */ .oP)(auditText, {
        at,
        actor: context.actor,
        action: 'triage',
        incident: id,
        data: {
            summary,
            outcome: decision.outcome,
            playbook: decision.playbook,
            severity: decision.severity,
            score: decision.score.value,
            events: decision.events,
            degraded: [...decision.degraded],
            triage_sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .f)(triageJson),
            incident_sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .f)(incidentYaml),
        },
    });
    const audit = auditText + line;
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .triageFile */ .Zt)(id), triageJson);
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .incidentFile */ .rx)(id), incidentYaml);
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .auditFile */ .UA)(id), audit);
    tx.write((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .readmeFile */ .tK)(id), (0,_store_readme_js__WEBPACK_IMPORTED_MODULE_5__/* .renderIncidentReadme */ .Lt)(triaged, (0,_store_record_js__WEBPACK_IMPORTED_MODULE_6__/* .parseAuditEntries */ .r$)(audit)));
    const commit = await tx.commit({
        subject: `triage: ${id} ${summary}`.slice(0, 120),
        body: [decision.route.reason, ...decision.degraded.map((reason) => `degraded: ${reason}`)],
        trailers: (0,_store_record_js__WEBPACK_IMPORTED_MODULE_6__/* .auditTrailers */ .YT)(entry),
    });
    return { decision, commit };
}
//# sourceMappingURL=record.js.map

/***/ })

};
