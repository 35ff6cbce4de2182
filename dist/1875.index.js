export const id = 1875;
export const ids = [1875];
export const modules = {

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

/***/ })

};
