export const id = 918;
export const ids = [918];
export const modules = {

/***/ 96435:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cu: () => (/* binding */ DEFAULT_CONFIG_FILE),
  yI: () => (/* binding */ PATTERN_PHRASES),
  l2: () => (/* binding */ checkConfig),
  L6: () => (/* binding */ defaultSettings),
  pc: () => (/* binding */ durationMs),
  yt: () => (/* binding */ expiryMs),
  Z9: () => (/* binding */ loadConfig),
  sb: () => (/* binding */ readSettings),
  pS: () => (/* binding */ shownPath)
});

// UNUSED EXPORTS: MAX_CONFIG_BYTES, parseSettings

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./lib/schemas/config.schema.json
const config_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"L2":{"p0":{"T1":"^[0-9]{1,8}(ms|s|m|h|d)$"}}}');
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/triage/expressions.js
var expressions = __webpack_require__(79512);
// EXTERNAL MODULE: ./lib/src/validation.js + 1 modules
var validation = __webpack_require__(69839);
// EXTERNAL MODULE: ./lib/src/config/located-yaml.js
var located_yaml = __webpack_require__(88703);
// EXTERNAL MODULE: ./lib/src/config/schema-problems.js
var schema_problems = __webpack_require__(84035);
;// CONCATENATED MODULE: ./lib/src/config/config.js
// incident-response-config.yaml: read, checked against schemas/config.schema.json and a few rules a
// schema cannot say (unique ids, weights that add up), completed with defaults. The first problem is
// reported as one line, `file:line:col: what`, pointing at the key or value to fix. Inline playbooks
// are checked here as the schema shapes them; src/playbooks/ compiles and checks them further.









const DEFAULT_CONFIG_FILE = 'incident-response-config.yaml';
/** Larger than any real configuration by far; the file is read whole before parsing. */
const MAX_CONFIG_BYTES = 1024 * 1024;
// The defaults, also written as `default` in the schema (a test holds the two together) and in the
// shipped incident-response-config.yaml.
const ORCHESTRATOR_DEFAULTS = {
    dry_run_default: true,
    max_concurrent_playbooks: 10,
    correlation_window: '1h',
    approval_environments: ['ir-containment'],
    // An alert storm must not contain the fleet unreviewed: the same budgets the template writes out.
    budgets: [
        { action: 'aws:ec2.isolate_instance', max: 5, per: 'account', window: '1h' },
        { action: 'aws:iam.deactivate_access_keys', max: 10, per: 'account', window: '1h' },
        { action: 'aws:autoscaling.standby', max: 5, per: 'account', window: '1h' },
    ],
};
const STORE_DEFAULTS = { push_attempts: 20, backoff_base: '200ms', backoff_max: '5s' };
const SIGNING_DEFAULTS = { allowed_signers: '.github/allowed_signers', require_signed: false };
const SCORING_DEFAULTS = {
    weights: { severity: 0.4, asset_criticality: 0.3, historical_frequency: 0.2, threat_score: 0.1 },
    thresholds: { critical: 0.8, high: 0.5, medium: 0.2 },
    unknown_asset_criticality: 0.5,
    history_saturation: 5,
};
const TRIAGE_DEFAULTS = { enrichment_timeout: '5s', default_playbook: 'queue-for-review' };
const AGGREGATION_DEFAULTS = {
    max_incidents: 5,
    window: '24h',
    max_severity: 'medium',
};
/** What each pattern of the configuration and playbook schemas asks for, in words. */
const PATTERN_PHRASES = {
    duration: 'a duration like "200ms", "30s", "5m", "1h" or "7d"',
    slug: 'an id of lowercase letters, digits and dashes (at most 64 characters)',
    snakeName: 'a name of lowercase letters, digits and underscores (at most 64 characters)',
    repoPath: 'a path inside the repository (relative, without "..")',
    action: 'an action like "slack:post_message"',
    endpoint: 'an http:// or https:// URL',
    rate_limit: 'a rate like "100/min" (per s, min or h)',
    name: 'a name of at most 200 characters without "<", ">" or control characters',
    email: 'an email address',
    api_key_env: 'an environment variable name (upper case letters, digits and underscores)',
    expires: 'a day like "2027-03-31" or an instant like "2027-03-31T12:00:00Z"',
    version: 'a semantic version like "1.2.0"',
    owner: 'a team, an e-mail address or @org/team, of at most 200 characters without "<", ">" or control characters',
    environment: 'a GitHub Environment name (letters, digits, ".", "_" and "-"; at most 100 characters)',
};
const DURATION = new RegExp(config_schema_namespaceObject.L2.p0.T1);
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Milliseconds in a duration such as "200ms", "30s", "5m", "1h", "7d". */
function durationMs(text) {
    const unit = DURATION.exec(text)?.[1];
    const perUnit = unit === undefined ? undefined : UNIT_MS[unit];
    if (unit === undefined || perUnit === undefined) {
        throw new RangeError(`not a duration: ${JSON.stringify(text)}`);
    }
    return Number(text.slice(0, -unit.length)) * perUnit;
}
function deepFreeze(value) {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value))
            deepFreeze(child);
    }
    return value;
}
function withDefaults(config) {
    const orchestrator = config.orchestrator ?? {};
    return deepFreeze({
        ...config,
        orchestrator: {
            ...ORCHESTRATOR_DEFAULTS,
            ...orchestrator,
            store: { ...STORE_DEFAULTS, ...orchestrator.store },
            signing: { ...SIGNING_DEFAULTS, ...orchestrator.signing },
        },
        triage: {
            ...TRIAGE_DEFAULTS,
            ...config.triage,
            enrichment_sources: config.triage?.enrichment_sources ?? [],
            scoring: structuredClone({ ...SCORING_DEFAULTS, ...config.triage?.scoring }),
            suppressions: config.triage?.suppressions ?? [],
            aggregation: { ...AGGREGATION_DEFAULTS, ...config.triage?.aggregation },
        },
        playbooks: config.playbooks ?? [],
        notifications: {
            ...config.notifications,
            escalation_matrix: config.notifications?.escalation_matrix ?? {},
            roles: config.notifications?.roles ?? {},
        },
        connectors: config.connectors ?? {},
    });
}
/**
 * Plain http may reach only this host itself: the loopback simulators of tests and drills. Anywhere
 * else, the key and the incident's addresses and resource names would cross the network in clear.
 * `hostname` is as URL gives it, which has already spelled `127.1` and `0x7f.0.0.1` as `127.0.0.1`.
 */
function isLoopbackHost(hostname) {
    return (hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname));
}
/**
 * Credentials that a run of irac has in its environment for other ends, which an enrichment source must
 * never be handed as its key: `api_key_env: GITHUB_TOKEN` with an endpoint of the author's choosing
 * would post the token there. The list names what a workflow running irac is given (the runner's
 * variables, whose ACTIONS_ID_TOKEN_REQUEST_* mint OIDC tokens for AWS; GitHub's, AWS's and Slack's
 * credentials; irac's signing key) and the words cloud credentials and private keys are spelled with.
 * It cannot know every secret: a source's key gets a variable of its own, named for the source.
 */
const FOREIGN_CREDENTIALS = [
    [/^(GITHUB_|GH_TOKEN$|GH_ENTERPRISE_TOKEN$)/, "GitHub's"],
    [/^(ACTIONS_|RUNNER_)/, "the Actions runner's"],
    [/^AWS_/, "AWS's"],
    [/^SLACK_/, "Slack's"],
    [/^IRAC_SIGNING_KEY$/, "irac's signing key"],
    [/SECRET_ACCESS|SESSION_TOKEN|PRIVATE_KEY/, 'named like a cloud credential or a private key'],
];
/** Why a URL irac would send credentials and incident data to is refused; undefined when it is fine. */
function urlProblem(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return 'is not a URL';
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        // Only the scheme and host are shown: the rest of a URL is where credentials hide.
        return `must be an https:// URL (http:// only to localhost, 127.0.0.0/8 or ::1), not ${url.protocol}//${url.host}`;
    }
    return undefined;
}
/**
 * What is wrong with an enrichment source: its keys, then where a network source may send its key and
 * the incident's data: over https (or to loopback), and never a credential meant for another end.
 */
function sourceProblem(source) {
    const shape = sourceShapeProblem(source);
    if (shape !== undefined)
        return { what: shape };
    const endpoint = source.endpoint === undefined ? undefined : urlProblem(source.endpoint);
    if (endpoint !== undefined)
        return { key: 'endpoint', what: endpoint };
    const name = source.api_key_env;
    const whose = name === undefined ? undefined : FOREIGN_CREDENTIALS.find(([pattern]) => pattern.test(name));
    if (whose !== undefined) {
        return {
            key: 'api_key_env',
            what: `must name the source's own key, not ${name}: that variable is ${whose[1]}`,
        };
    }
    return undefined;
}
/** Which keys each kind of enrichment source needs: said here, where the message can name them. */
function sourceShapeProblem(source) {
    const has = (key) => source[key] !== undefined;
    const refuse = (keys) => {
        const extra = keys.filter(has);
        return extra.length > 0 ? `does not take ${extra.map((k) => `"${k}"`).join(', ')}` : undefined;
    };
    switch (source.type) {
        case 'asset_registry':
            if (has('path') === has('endpoint'))
                return 'needs either "path" (registry files in the repository) or "endpoint" (an HTTP registry)';
            return (refuse(['provider', 'window', 'rate_limit']) ??
                (has('path') ? refuse(['api_key_env', 'cache_ttl']) : undefined));
        case 'threat_intel':
            if (has('path') === has('provider'))
                return 'needs either "path" (feeds in the repository) or "provider" (abuse_ip_db)';
            return (refuse(['window']) ??
                (has('path') ? refuse(['endpoint', 'api_key_env', 'rate_limit', 'cache_ttl']) : undefined));
        case 'history':
            return refuse(['path', 'endpoint', 'provider', 'api_key_env', 'rate_limit', 'cache_ttl']);
    }
}
/**
 * When a suppression rule stops applying, in epoch milliseconds: a bare day lasts until its end (UTC).
 * NaN for a date that matches the pattern but does not exist (2027-02-30).
 */
function expiryMs(expires) {
    if (expires.length === 10) {
        const start = Date.parse(`${expires}T00:00:00Z`);
        return new Date(start).toISOString().startsWith(expires) ? start + 86_400_000 : Number.NaN;
    }
    const at = Date.parse(expires);
    return Number.isNaN(at) ||
        !new Date(Date.parse(`${expires.slice(0, 10)}T00:00:00Z`)).toISOString().startsWith(expires.slice(0, 10))
        ? Number.NaN
        : at;
}
/** The settings irac runs with when the repository has no configuration file. */
function defaultSettings() {
    return withDefaults({});
}
/**
 * Rules the schema cannot express, checked on a value the schema accepted. Playbooks are checked with
 * the playbook files (src/playbooks/load.ts), where ids must be unique across both.
 */
function ruleProblems(config, yaml) {
    const problems = [];
    const report = (path, what, key) => {
        problems.push({ at: yaml.locate(path, key), what });
    };
    for (const [i, source] of (config.triage?.enrichment_sources ?? []).entries()) {
        const problem = sourceProblem(source);
        if (problem?.key !== undefined) {
            const path = ['triage', 'enrichment_sources', i, problem.key];
            report(path, `${(0,schema_problems/* subjectOf */.et)(path)} ${problem.what}`);
        }
        else if (problem) {
            report(['triage', 'enrichment_sources', i], `triage.enrichment_sources[${i}] (${source.type}) ${problem.what}`);
        }
    }
    const ruleLines = new Map();
    for (const [i, rule] of (config.triage?.suppressions ?? []).entries()) {
        const path = ['triage', 'suppressions', i];
        const first = ruleLines.get(rule.id);
        if (first === undefined)
            ruleLines.set(rule.id, yaml.locate([...path, 'id']).line);
        else
            report([...path, 'id'], `duplicate suppression id "${rule.id}" (first at line ${first})`);
        const when = yaml.locate([...path, 'when']);
        try {
            (0,expressions/* compileCondition */.vs)(rule.when, when.where);
        }
        catch (error) {
            if (!(error instanceof errors/* InputError */.dz))
                throw error;
            problems.push({ at: when, what: `${(0,schema_problems/* subjectOf */.et)([...path, 'when'])}: ${error.what}` });
        }
        if (Number.isNaN(expiryMs(rule.expires)))
            report([...path, 'expires'], `${(0,schema_problems/* subjectOf */.et)([...path, 'expires'])} ${JSON.stringify(rule.expires)} is not a real date`);
    }
    const weights = config.triage?.scoring?.weights;
    if (weights) {
        const sum = Object.values(weights).reduce((total, weight) => total + weight, 0);
        if (Math.abs(sum - 1) > 1e-9) {
            report(['triage', 'scoring', 'weights'], `triage.scoring.weights must sum to 1, not ${Number(sum.toFixed(6))}`);
        }
    }
    const thresholds = config.triage?.scoring?.thresholds;
    if (thresholds && !(thresholds.critical > thresholds.high && thresholds.high > thresholds.medium)) {
        report(['triage', 'scoring', 'thresholds'], `triage.scoring.thresholds must descend from critical to high to medium, not ${thresholds.critical}, ${thresholds.high}, ${thresholds.medium}`);
    }
    for (const [account, roleArn] of Object.entries(config.connectors?.aws?.accounts ?? {})) {
        const inArn = roleArn.split(':')[4];
        if (inArn !== account) {
            report(['connectors', 'aws', 'accounts', account], `connectors.aws.accounts: the role for ${account} must be in that account, not in ${inArn}`);
        }
    }
    const urls = [
        [['connectors', 'slack', 'api_url'], config.connectors?.slack?.api_url],
        [['connectors', 'jira', 'base_url'], config.connectors?.jira?.base_url],
    ];
    for (const [path, url] of urls) {
        const what = url === undefined ? undefined : urlProblem(url);
        if (what !== undefined)
            report(path, `${path.join('.')} ${what}`);
    }
    const store = config.orchestrator?.store;
    const base = store?.backoff_base ?? STORE_DEFAULTS.backoff_base;
    const max = store?.backoff_max ?? STORE_DEFAULTS.backoff_max;
    if (durationMs(max) < durationMs(base)) {
        if (store?.backoff_max === undefined) {
            report(['orchestrator', 'store', 'backoff_base'], `orchestrator.store.backoff_base (${base}) is longer than backoff_max (${max}, the default)`);
        }
        else {
            report(['orchestrator', 'store', 'backoff_max'], `orchestrator.store.backoff_max (${max}) is shorter than backoff_base (${base})`);
        }
    }
    return problems;
}
/** Checks the configuration in `text`, read from `origin` (the name used in messages). */
function checkConfig(text, origin) {
    let yaml;
    try {
        yaml = (0,located_yaml/* parseLocatedYaml */.vJ)(text, origin);
    }
    catch (error) {
        if (!(error instanceof located_yaml/* YamlError */.Iz))
            throw error;
        return { problems: [{ at: error.at, what: error.what }] };
    }
    // A file with nothing but comments configures nothing: every default applies.
    const value = yaml.value ?? {};
    const validate = (0,validation/* configValidator */.Vl)();
    let problems;
    if (validate(value)) {
        problems = ruleProblems(value, yaml);
    }
    else {
        problems = (validate.errors ?? []).flatMap((error) => {
            const problem = (0,schema_problems/* schemaProblem */.Zg)(error, PATTERN_PHRASES);
            return problem ? [{ at: yaml.locate(problem.path, problem.key), what: problem.what }] : [];
        });
        if (problems.length === 0)
            throw new Error(`the config schema rejected ${origin} without saying why`);
    }
    problems.sort((a, b) => a.at.offset - b.at.offset);
    if (problems.length > 0)
        return { yaml, problems };
    return { yaml, settings: withDefaults(value), problems };
}
/**
 * The configuration in `text`, read from `origin` (the name used in messages), with defaults applied.
 * Throws an InputError at the first problem in file order.
 */
function parseSettings(text, origin) {
    const { yaml, settings, problems } = checkConfig(text, origin);
    const [first] = problems;
    if (first)
        throw new errors/* InputError */.dz(first.at.where, first.what);
    if (!settings || !yaml)
        throw new Error(`${origin}: checked without problems yet without settings`);
    return { origin, settings, yaml };
}
/**
 * The configuration file at `path` of a repository's files (the working tree, or a commit's tree):
 * the built-in defaults when there is none.
 */
async function readSettings(files, path = DEFAULT_CONFIG_FILE) {
    const text = await files.readText(path);
    return text === undefined ? { origin: path, settings: defaultSettings() } : parseSettings(text, path);
}
/** How a path appears in messages: relative to the working directory when it lies under it. */
function shownPath(path) {
    const fromCwd = (0,external_node_path_.relative)(process.cwd(), path);
    return fromCwd === '' || fromCwd.startsWith('..') || (0,external_node_path_.isAbsolute)(fromCwd) ? path : fromCwd;
}
async function readConfigFile(path, shown, explicit) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, 'r');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' && !explicit)
            return undefined;
        throw new errors/* InputError */.dz(shown, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`);
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw new errors/* InputError */.dz(shown, 'is not a file');
        if (stats.size > MAX_CONFIG_BYTES) {
            throw new errors/* InputError */.dz(shown, `is ${stats.size} bytes; the limit is ${MAX_CONFIG_BYTES}`);
        }
        const bytes = await handle.readFile();
        try {
            return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        }
        catch {
            throw new errors/* InputError */.dz(shown, 'is not UTF-8 text');
        }
    }
    finally {
        await handle.close();
    }
}
/**
 * The signing key's absolute path. The IRAC_SIGNING_KEY environment variable overrides
 * orchestrator.signing.key, so that a workflow can point at a key it wrote from a secret at run time
 * without a configuration change. A key inside the repository is refused: one `git add .` publishes it.
 */
function signingKey(settings, repoRoot, keyWhere) {
    const fromEnv = process.env.IRAC_SIGNING_KEY || undefined;
    const written = fromEnv ?? settings.orchestrator.signing.key;
    if (written === undefined)
        return undefined;
    // The key itself where its path belongs: said without repeating it, which would print it.
    if (/[\r\n]|PRIVATE KEY/.test(written)) {
        throw new errors/* InputError */.dz(fromEnv === undefined ? keyWhere() : 'IRAC_SIGNING_KEY', 'holds key material, not a path: write the key to a file outside the repository and name that file');
    }
    const key = written.startsWith('~/') ? (0,external_node_path_.join)((0,external_node_os_.homedir)(), written.slice(2)) : (0,external_node_path_.resolve)(written);
    const fromRoot = (0,external_node_path_.relative)((0,external_node_path_.resolve)(repoRoot), key);
    if (!fromRoot.startsWith('..') && !(0,external_node_path_.isAbsolute)(fromRoot)) {
        const where = fromEnv === undefined ? keyWhere() : 'IRAC_SIGNING_KEY';
        throw new errors/* InputError */.dz(where, `signing key ${key} is inside the repository; keep private keys out of it`);
    }
    return key;
}
function storeSettings(settings, key) {
    const { correlation_window, store, committer, signing } = settings.orchestrator;
    return {
        correlationWindowMs: durationMs(correlation_window),
        pushAttempts: store.push_attempts,
        backoffBaseMs: durationMs(store.backoff_base),
        backoffMaxMs: durationMs(store.backoff_max),
        ...(committer && { committer: { name: committer.name, email: committer.email } }),
        signing: {
            ...(key !== undefined && { key }),
            allowedSigners: signing.allowed_signers,
            requireSigned: signing.require_signed,
        },
    };
}
/**
 * Reads the configuration: `file` (relative to the working directory) when given, which must then
 * exist; otherwise `<repoRoot>/incident-response-config.yaml`, and the built-in defaults when that
 * does not exist.
 */
async function loadConfig(options) {
    const explicit = options.file !== undefined;
    const path = (0,external_node_path_.resolve)(options.file ?? (0,external_node_path_.join)(options.repoRoot, DEFAULT_CONFIG_FILE));
    const origin = shownPath(path);
    const text = await readConfigFile(path, origin, explicit);
    if (text === undefined) {
        const settings = defaultSettings();
        // Only IRAC_SIGNING_KEY can name a key here, and a problem with it names the variable.
        const key = signingKey(settings, options.repoRoot, () => origin);
        return deepFreeze({ path: undefined, origin, settings, ...storeSettings(settings, key) });
    }
    const { settings, yaml } = parseSettings(text, origin);
    const key = signingKey(settings, options.repoRoot, () => yaml.locate(['orchestrator', 'signing', 'key']).where);
    return deepFreeze({ path, origin, settings, yaml, ...storeSettings(settings, key) });
}
//# sourceMappingURL=config.js.map

/***/ }),

/***/ 88703:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iz: () => (/* binding */ YamlError),
/* harmony export */   vJ: () => (/* binding */ parseLocatedYaml)
/* harmony export */ });
/* unused harmony exports MAX_ALIAS_COUNT, MAX_DEPTH */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65071);
// YAML as irac reads the files people write (configuration, playbooks): one document, YAML 1.2 core
// types only, no duplicate keys, aliases and nesting bounded, and every value traceable to its line and
// column, so that a problem found after parsing (by the schema, by a cross-check) is reported where
// the reader has to fix it: `incident-response-config.yaml:3:3: orchestrator has unknown key ...`.


/**
 * How often an anchor holding other aliases may be expanded (the yaml package's own measure). The
 * billion-laughs document nests aliases of aliases; plain reuse of an anchor stays cheap.
 */
const MAX_ALIAS_COUNT = 100;
/**
 * How deeply mappings and lists may nest. A configuration needs about six levels, a step parameter a
 * few more; thousands would only exhaust the stack of whatever walks the value next.
 */
const MAX_DEPTH = 64;
/** What YAML itself refuses, with the place: lint reports it among the file's other problems. */
class YamlError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz {
    at;
    constructor(at, what) {
        super(at.where, what);
        this.at = at;
    }
}
function kindOf(node) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return 'a mapping';
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
        return 'a list';
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
        return node.value === null ? 'null' : `the ${typeof node.value} ${String(node.value)}`;
    return 'an alias';
}
function yamlProblem(error, doc) {
    if (error.code === 'DUPLICATE_KEY') {
        let key;
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
            Pair(_, pair) {
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && pair.key.range?.[0] === error.pos[0]) {
                    key = pair.key.value;
                    return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
                }
                return undefined;
            },
        });
        return key === undefined ? 'duplicate key' : `duplicate key "${String(key)}"`;
    }
    if (error.code === 'MULTIPLE_DOCS')
        return 'holds more than one YAML document; irac reads one';
    return `invalid YAML: ${error.message}`;
}
/**
 * Parses `text` (read from `origin`, the name used in messages). Throws an InputError at the first
 * problem YAML itself sees: a syntax error, a duplicate key, an unknown tag, a key that is not a
 * string, an alias without its anchor, aliases that expand too far, nesting deeper than MAX_DEPTH.
 */
function parseLocatedYaml(text, origin) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
        // YAML 1.1's !!binary, !!set, !!timestamp... would come back as Buffers, Sets and Dates.
        resolveKnownTags: false,
    });
    const at = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { file: origin, offset, line, col, where: `${origin}:${line}:${col}` };
    };
    const fail = (offset, what) => {
        throw new YamlError(at(offset), what);
    };
    const [error] = doc.errors;
    if (error)
        fail(error.pos[0], yamlProblem(error, doc));
    const [warning] = doc.warnings;
    if (warning)
        fail(warning.pos[0], `invalid YAML: ${warning.message}`);
    let firstAlias;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Pair(_, pair) {
            const key = pair.key;
            // A number or null as a key would become the string "1" or "": no configuration key is written so.
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key) || typeof key.value !== 'string') {
                fail(startOf(key) ?? 0, `keys must be strings, not ${kindOf(key)}`);
            }
            // Whatever reads the value next may assign it key by key: "__proto__" would rewrite a prototype.
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key) && key.value === '__proto__')
                fail(startOf(key) ?? 0, 'the key "__proto__" is not allowed');
        },
        Alias(_, alias) {
            firstAlias ??= startOf(alias) ?? 0;
            if (!alias.resolve(doc))
                fail(startOf(alias) ?? 0, `alias *${alias.source} has no anchor before it`);
        },
        Collection(_, collection, ancestors) {
            // The walk stops at the first collection too deep, so counting its ancestors stays cheap.
            if (ancestors.filter(yaml__WEBPACK_IMPORTED_MODULE_0__/* .isCollection */ .P3).length >= MAX_DEPTH) {
                fail(startOf(collection) ?? 0, `nests deeper than ${MAX_DEPTH} levels`);
            }
        },
    });
    let value;
    try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (cause) {
        if (!(cause instanceof ReferenceError) || firstAlias === undefined)
            throw cause;
        fail(firstAlias, `aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions of nested aliases)`);
    }
    return {
        value,
        locate(path, key) {
            return at(offsetOf(doc, path, key));
        },
    };
}
function startOf(node) {
    return node?.range?.[0];
}
function offsetOf(doc, path, key) {
    let node = doc.contents;
    let offset = startOf(node) ?? 0;
    const steps = key === undefined ? path : [...path, key];
    for (const [index, segment] of steps.entries()) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
            break;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && item.key.value === String(segment));
            if (!pair)
                break;
            if (key !== undefined && index === steps.length - 1)
                return startOf(pair.key) ?? offset;
            node = pair.value;
            // `key:` with nothing after it: the empty value has no place of its own, its key does.
            offset = ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.value === null ? startOf(pair.key) : startOf(node)) ?? offset;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof segment === 'number') {
            node = node.items[segment];
            offset = startOf(node) ?? offset;
        }
        else {
            break;
        }
    }
    return offset;
}
//# sourceMappingURL=located-yaml.js.map

/***/ }),

/***/ 84035:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P9: () => (/* binding */ closestOf),
/* harmony export */   Zg: () => (/* binding */ schemaProblem),
/* harmony export */   et: () => (/* binding */ subjectOf),
/* harmony export */   nz: () => (/* binding */ expectedType)
/* harmony export */ });
/* unused harmony export shown */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38674);
// Ajv's errors as sentences a person can act on ("orchestrator has unknown key "audit_store""), each
// pointing at the key or value to fix. Needs errors from a validator compiled with `verbose` (the
// failing value and schema come with each error).

/** `playbooks[0].steps[1].action`; the root is `root`, "the configuration" unless said otherwise. */
function subjectOf(path, root = 'the configuration') {
    if (path.length === 0)
        return root;
    return path
        .map((segment, index) => typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)
        .join('');
}
function pathOf(instancePath) {
    if (instancePath === '')
        return [];
    return instancePath
        .slice(1)
        .split('/')
        .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
        .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}
/** A value as the reader wrote it, short. */
function shown(value) {
    if (value === null || value === undefined)
        return 'empty';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
    return String(value);
}
const TYPE_WORDS = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'a boolean',
    null: 'empty',
};
/** What a JSON Schema `type` asks for, in words: "a string", "true or false", "a list or a mapping". */
function expectedType(type) {
    const types = (Array.isArray(type) ? type : [type]).map(String);
    if (types.length === 1 && types[0] === 'boolean')
        return 'true or false';
    const words = types.map((t) => TYPE_WORDS[t] ?? t);
    return words.length === 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
/** Edit distance, for "did you mean": keys are short, so the quadratic table is nothing. */
function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
/** The candidate a misspelled `word` most likely meant: at most two edits away. */
function closestOf(word, candidates) {
    let best;
    let bestDistance = 3;
    for (const candidate of candidates) {
        const d = distance(word, candidate);
        if (d < bestDistance && d < candidate.length / 2)
            [best, bestDistance] = [candidate, d];
    }
    return best;
}
function patternOwner(schemaPath) {
    const segments = schemaPath.split('/');
    return segments[segments.length - 2] ?? '';
}
/**
 * The problem an ajv error describes, or undefined for the errors that only summarize others (a
 * failed `if`, a property name that failed its own schema, reported by that schema's error).
 */
function schemaProblem(error, phrases, root) {
    const path = pathOf(error.instancePath);
    const subject = subjectOf(path, root);
    const params = error.params;
    const phrase = () => phrases[patternOwner(error.schemaPath)] ?? `text matching ${String(error.schema)}`;
    if (error.propertyName !== undefined) {
        const key = error.propertyName;
        const rule = error.keyword === 'pattern' ? phrase() : (error.message ?? 'valid');
        return { path, key, what: `${subject} has key ${shown(key)}; keys must be ${rule}` };
    }
    switch (error.keyword) {
        case 'if':
        case 'propertyNames':
            return undefined;
        case 'additionalProperties': {
            const key = String(params.additionalProperty);
            const known = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(error.parentSchema?.properties)
                ? Object.keys(error.parentSchema.properties)
                : [];
            const guess = closestOf(key, known);
            const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
            return { path, key, what: `${subject} has unknown key "${key}"${hint}` };
        }
        case 'required':
            return { path, what: `${subject} lacks required key "${String(params.missingProperty)}"` };
        case 'type':
            return { path, what: `${subject} must be ${expectedType(params.type)}, not ${shown(error.data)}` };
        case 'pattern':
            return { path, what: `${subject} must be ${phrase()}, not ${shown(error.data)}` };
        case 'enum': {
            const allowed = (Array.isArray(error.schema) ? error.schema : [])
                .map((v) => JSON.stringify(v))
                .join(', ');
            return { path, what: `${subject} must be one of ${allowed}, not ${shown(error.data)}` };
        }
        case 'minimum':
            return { path, what: `${subject} must be at least ${String(params.limit)}, not ${shown(error.data)}` };
        case 'maximum':
            return { path, what: `${subject} must be at most ${String(params.limit)}, not ${shown(error.data)}` };
        case 'minItems':
        case 'minLength':
            return params.limit === 1
                ? { path, what: `${subject} must not be empty` }
                : {
                    path,
                    what: `${subject} must have at least ${String(params.limit)} ${error.keyword === 'minItems' ? 'items' : 'characters'}`,
                };
        case 'maxItems':
        case 'maxLength':
            return {
                path,
                what: `${subject} must have at most ${String(params.limit)} ${error.keyword === 'maxItems' ? 'items' : 'characters'}`,
            };
        default:
            return { path, what: `${subject} ${error.message ?? 'is invalid'}` };
    }
}
//# sourceMappingURL=schema-problems.js.map

/***/ }),

/***/ 43060:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   XS: () => (/* binding */ GitError)
/* harmony export */ });
/* unused harmony export ObjectStore */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
// All git plumbing behind one class whose methods are named for what the store wants. The store builds
// commits from objects (blobs, trees, commit-tree) and moves refs with compare-and-swap, so it never
// needs the working tree or the index to record an incident, and a user's unrelated changes stay
// untouched. Reads and writes of objects (and reads of refs) go through long-lived `git cat-file
// --batch` and `git hash-object --stdin-paths` processes: one process per kind for an operation and
// the ones that follow it, not one per object.




/** git's own environment for every call: no prompts, untranslated messages, no optional locks. */
const QUIET_ENV = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C', GIT_OPTIONAL_LOCKS: '0' };
class GitError extends Error {
    args;
    exitCode;
    stderr;
    constructor(args, exitCode, stderr) {
        const last = stderr.trim().split('\n').at(-1) ?? '';
        super(`git ${args.find((a) => !a.startsWith('-')) ?? ''} failed (exit ${exitCode})${last ? `: ${last}` : ''}`);
        this.args = args;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
/** Pathspecs per git call: far below any command-line limit. */
const PATHS_PER_CALL = 500;
function collect(child, args) {
    return new Promise((resolve, reject) => {
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', (error) => reject(new GitError(args, 127, `cannot run git: ${error.message}`)));
        child.on('close', (code) => resolve({
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8'),
            exitCode: code ?? 128,
        }));
    });
}
class Git {
    dir;
    baseEnv;
    format;
    constructor(
    /** The working tree's top level (or the repository for a bare one). */
    dir, baseEnv = {}) {
        this.dir = dir;
        this.baseEnv = baseEnv;
    }
    spawn(args, env = {}) {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', args, {
            cwd: this.dir,
            env: { ...process.env, ...QUIET_ENV, ...this.baseEnv, ...env },
            stdio: 'pipe',
        });
    }
    async run(args, options = {}) {
        const child = this.spawn(args, options.env);
        const result = collect(child, args);
        child.stdin.on('error', () => { }); // git may exit before reading all input; its exit code tells.
        child.stdin.end(options.input ?? '');
        const outcome = await result;
        if (!(options.okCodes ?? [0]).includes(outcome.exitCode)) {
            throw new GitError(args, outcome.exitCode, outcome.stderr);
        }
        return outcome;
    }
    /** stdout without its final line break. */
    async output(args, options = {}) {
        return (await this.run(args, options)).stdout.replace(/\n$/, '');
    }
    /** The commit a revision names, or undefined when it names none (an unborn branch, a missing ref). */
    async resolveCommit(rev) {
        const result = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
            okCodes: [0, 1, 128],
        });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    /** `refs/heads/<name>` that HEAD points at, or undefined when HEAD is detached. */
    async currentBranchRef() {
        const result = await this.run(['symbolic-ref', '--quiet', 'HEAD'], { okCodes: [0, 1] });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    async config(key) {
        const result = await this.run(['config', '--get', key], { okCodes: [0, 1] });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    async remotes() {
        return (await this.output(['remote'])).split('\n').filter((name) => name !== '');
    }
    /**
     * Paths whose index entry differs from HEAD (relative to the top level). Index against tree only:
     * no file is stat'ed, and the cache-tree lets git skip unchanged directories, whatever their size.
     */
    async stagedPaths(head) {
        const listing = head
            ? await this.run(['diff-index', '--cached', '--name-only', '-z', '--no-renames', head])
            : await this.run(['ls-files', '-z']);
        return listing.stdout.split('\0').filter((path) => path !== '');
    }
    /** Which of `paths` have local changes: modified, staged, or untracked files in the way. */
    async localChanges(paths) {
        const changed = [];
        for (let at = 0; at < paths.length; at += PATHS_PER_CALL) {
            const chunk = paths.slice(at, at + PATHS_PER_CALL);
            const status = await this.run([
                '--literal-pathspecs',
                'status',
                '--porcelain=v1',
                '-z',
                '--untracked-files=all',
                '--no-renames',
                '--',
                ...chunk,
            ]);
            for (const record of status.stdout.split('\0'))
                if (record.length > 3)
                    changed.push(record.slice(3));
        }
        return changed;
    }
    /** The files that differ between two commits, as `git diff-tree -r` reports them. */
    async changedFiles(from, to) {
        const out = await this.run(['diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', from, to]);
        const fields = out.stdout.split('\0');
        const changes = [];
        for (let i = 0; i + 1 < fields.length; i += 2) {
            const [oldMode = '', newMode = '', , , status = ''] = (fields[i] ?? '').slice(1).split(' ');
            changes.push({ path: fields[i + 1] ?? '', oldMode, newMode, status });
        }
        return changes;
    }
    /**
     * Sets the index entries and working-tree files of `paths` to what commit `to` holds: one index
     * read and write, however many paths (the index of a large store is megabytes).
     */
    async checkoutFiles(to, paths) {
        if (paths.length === 0)
            return;
        await this.run([
            '--literal-pathspecs',
            'restore',
            `--source=${to}`,
            '--staged',
            '--worktree',
            '--pathspec-from-file=-',
            '--pathspec-file-nul',
        ], { input: paths.map((path) => `${path}\0`).join('') });
    }
    /**
     * Fetches `branch` from `remote` into its remote-tracking ref and returns the commit it points at
     * (read by `resolve`); undefined when the remote has no such branch yet (a fresh bare repository).
     */
    async fetchBranch(remote, branch, resolve = (ref) => this.resolveCommit(ref)) {
        const tracking = `refs/remotes/${remote}/${branch}`;
        const args = ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--end-of-options', remote];
        const result = await this.run([...args, `+refs/heads/${branch}:${tracking}`], { okCodes: [0, 128] });
        if (result.exitCode === 0)
            return resolve(tracking);
        if (/couldn't find remote ref/.test(result.stderr))
            return undefined;
        throw new GitError(args, result.exitCode, result.stderr);
    }
    /**
     * Pushes `commit` to `branch` on `remote`. A rejection because the remote moved on (non-fast-forward,
     * a lost race for the ref's lock) is retryable; anything else (a hook, a protected branch, no access)
     * is not, and says why.
     */
    async push(remote, commit, branch) {
        const result = await this.run(['push', '--porcelain', '--no-verify', '--end-of-options', remote, `${commit}:refs/heads/${branch}`], { okCodes: [0, 1, 128] });
        if (result.exitCode === 0)
            return { ok: true };
        const statusLine = result.stdout.split('\n').find((line) => /^[!=*+ -]\t/.test(line));
        const reason = (statusLine?.split('\t')[2] ??
            result.stderr.trim().split('\n').at(-1) ??
            'push failed').trim();
        const raced = /\[rejected\] \((fetch first|non-fast-forward|stale info)\)/.test(reason) ||
            /\[remote rejected\] \((failed to update ref|failed to lock|cannot lock ref|incorrect old value provided)/.test(reason) ||
            /cannot lock ref|failed to lock|incorrect old value/.test(result.stderr);
        return { ok: false, retryable: raced, reason };
    }
    async commitTree(request) {
        const signing = request.signingKey
            ? ['-c', 'gpg.format=ssh', '-c', `user.signingKey=${request.signingKey}`]
            : [];
        const args = [
            ...signing,
            'commit-tree',
            ...(request.signingKey ? ['-S'] : []),
            ...request.parents.flatMap((parent) => ['-p', parent]),
            '-F',
            '-',
            request.tree,
        ];
        return this.output(args, { input: request.message, env: request.identityEnv });
    }
    /** Moves `ref` to `next` only if it still points at `previous` (undefined: only if it does not exist). */
    async compareAndSwapRef(ref, next, previous, reason) {
        const result = await this.run(['update-ref', '-m', reason, ref, next, previous ?? ''], {
            okCodes: [0, 1, 128],
        });
        return result.exitCode === 0;
    }
    /**
     * Brings the index and working tree from `from` to `to` the way a fast-forward does: only paths that
     * differ between the two are touched, and git refuses (changing nothing) when that would overwrite a
     * local change.
     */
    async checkoutFastForward(from, to) {
        await this.run(from ? ['read-tree', '-m', '-u', from, to] : ['read-tree', '-m', '-u', to]);
    }
    /** A repository's object format never changes: asked once per Git, not once per operation. */
    objectFormat() {
        this.format ??= this.output(['rev-parse', '--show-object-format']).then((format) => (format === 'sha256' ? 'sha256' : 'sha1'), (error) => {
            this.format = undefined; // a failed call (a full disk) is asked again next time
            throw error;
        });
        return this.format;
    }
    /** A reader and writer of objects (and reader of refs); close it when done. */
    async objects() {
        return new ObjectStore(this, await this.objectFormat());
    }
}
/**
 * Request/response over a long-lived git process. Requests are serialized; responses are read from
 * a buffer by the parser that knows their shape. Between requests the process does not keep this one
 * alive: an object store kept open between operations must not hold up the end of a command.
 */
class GitPipe {
    child;
    buffered = Buffer.alloc(0);
    wake;
    failure;
    queue = Promise.resolve();
    stderr = '';
    pending = 0;
    constructor(git, args) {
        this.child = git.spawn(args);
        this.child.stdout.on('data', (chunk) => {
            this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
            this.wake?.();
        });
        this.child.stderr.on('data', (chunk) => {
            this.stderr += chunk.toString('utf8');
        });
        const fail = (error) => {
            this.failure ??= error;
            this.wake?.();
        };
        this.child.on('error', (error) => fail(new GitError(args, 127, `cannot run git: ${error.message}`)));
        this.child.on('close', (code) => fail(new GitError(args, code ?? 128, this.stderr || 'exited')));
        this.child.stdin.on('error', (error) => fail(new GitError(args, 128, error.message)));
    }
    /**
     * Sends a request at once and reads its response after the responses to earlier requests: callers
     * that issue many requests without waiting (Promise.all) get them pipelined, not one round trip each.
     */
    exchange(request, parse) {
        if (this.failure)
            return Promise.reject(this.failure);
        if (this.pending++ === 0)
            this.keepAlive(true);
        this.child.stdin.write(request);
        const next = this.queue.then(() => parse());
        this.queue = next
            .catch(() => { })
            .finally(() => {
            if (--this.pending === 0)
                this.keepAlive(false);
        });
        return next;
    }
    /** Whether the process and its pipes keep this process's event loop running. */
    keepAlive(on) {
        const { child } = this;
        for (const handle of [child, child.stdin, child.stdout, child.stderr]) {
            if (on)
                handle.ref();
            else
                handle.unref();
        }
    }
    async waitFor(bytes) {
        for (;;) {
            const end = bytes === 'line' ? this.buffered.indexOf(0x0a) : this.buffered.length >= bytes ? bytes : -1;
            if (end !== -1)
                return end;
            if (this.failure)
                throw this.failure;
            await new Promise((resolve) => {
                this.wake = resolve;
            });
            this.wake = undefined;
        }
    }
    async readLine() {
        const end = await this.waitFor('line');
        const line = this.buffered.toString('utf8', 0, end);
        this.buffered = this.buffered.subarray(end + 1);
        return line;
    }
    async readBytes(count) {
        await this.waitFor(count);
        const bytes = Buffer.from(this.buffered.subarray(0, count));
        this.buffered = this.buffered.subarray(count);
        return bytes;
    }
    async close() {
        if (this.child.exitCode !== null || this.child.signalCode !== null)
            return;
        const closed = new Promise((resolve) => this.child.once('close', () => resolve()));
        this.keepAlive(true); // whoever awaits the close must see it
        this.child.stdin.end();
        await closed;
    }
}
/** Reads and writes git objects through three long-lived processes, started on first use. */
class ObjectStore {
    git;
    reader;
    writers = new Map();
    scratch;
    hashBytes;
    constructor(git, format) {
        this.git = git;
        this.hashBytes = format === 'sha256' ? 32 : 20;
    }
    /** The object `spec` names (`<sha>`, `<commit>:<path>`), or undefined when there is none. */
    read(spec) {
        this.reader ??= new GitPipe(this.git, ['cat-file', '--batch']);
        const pipe = this.reader;
        return pipe.exchange(`${spec}\n`, async () => {
            const header = await pipe.readLine();
            const match = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
            if (!match)
                return undefined; // `<spec> missing` or `ambiguous`
            const content = await pipe.readBytes(Number(match[3]));
            await pipe.readBytes(1); // the line break after the content
            return { sha: match[1], type: match[2], content };
        });
    }
    /**
     * The commit `rev` names, or undefined when it names none: what `git rev-parse --verify` answers,
     * without a process of its own. git reads a ref afresh on every request, so a long-lived reader sees
     * every move of it.
     */
    async resolveCommit(rev) {
        const object = await this.read(`${rev}^{commit}`);
        return object?.type === 'commit' ? object.sha : undefined;
    }
    async readBlob(spec) {
        const object = await this.read(spec);
        return object?.type === 'blob' ? object.content : undefined;
    }
    async readTree(spec) {
        const object = await this.read(spec);
        return object?.type === 'tree' ? parseTree(object.content, this.hashBytes) : undefined;
    }
    /**
     * Writes an object through `git hash-object -w --stdin-paths`, one long-lived process per type: the
     * content goes through a scratch file, since hash-object reads objects from paths, not a stream.
     */
    async writeObject(type, content) {
        let pipe = this.writers.get(type);
        if (!pipe) {
            // --no-filters: stored byte for byte, whatever .gitattributes say (evidence must not be converted).
            pipe = new GitPipe(this.git, ['hash-object', '-w', '-t', type, '--no-filters', '--stdin-paths']);
            this.writers.set(type, pipe);
        }
        this.scratch ??= { dir: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'irac-objects-')), count: 0 };
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.scratch.dir, String(this.scratch.count++));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, content);
        const writer = pipe;
        const sha = await writer.exchange(`${file}\n`, () => writer.readLine());
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file);
        return sha;
    }
    writeBlob(content) {
        return this.writeObject('blob', content);
    }
    /**
     * Writes a tree object from its entries, serialized here in git's format (sorted as git sorts,
     * directories compared as if their names ended in `/`): `git mktree` would look up every entry's
     * object, which in a month holding thousands of incidents costs more than the whole rest of a commit.
     */
    writeTree(entries) {
        const key = (e) => Buffer.from(e.type === 'tree' ? `${e.name}/` : e.name, 'latin1');
        const sorted = [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
        const parts = [];
        for (const entry of sorted) {
            const mode = entry.type === 'tree' ? '40000' : entry.mode.replace(/^0+/, '');
            parts.push(Buffer.from(`${mode} ${entry.name}\0`, 'latin1'), Buffer.from(entry.sha, 'hex'));
        }
        return this.writeObject('tree', Buffer.concat(parts));
    }
    /** Removes the scratch directory writes go through (made again by the next write): between operations. */
    async clearScratch() {
        const scratch = this.scratch;
        this.scratch = undefined;
        if (scratch)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(scratch.dir, { recursive: true, force: true });
    }
    async close() {
        await Promise.all([this.reader?.close(), ...[...this.writers.values()].map((pipe) => pipe.close())]);
        await this.clearScratch();
        this.reader = undefined;
        this.writers.clear();
    }
}
function entryType(mode) {
    if (mode === '40000' || mode === '040000')
        return 'tree';
    if (mode === '160000')
        return 'commit';
    return 'blob';
}
function parseTree(content, hashBytes) {
    const entries = [];
    let at = 0;
    while (at < content.length) {
        const space = content.indexOf(0x20, at);
        const nul = content.indexOf(0x00, space + 1);
        const mode = content.toString('latin1', at, space);
        entries.push({
            mode,
            type: entryType(mode),
            name: content.toString('latin1', space + 1, nul),
            sha: content.toString('hex', nul + 1, nul + 1 + hashBytes),
        });
        at = nul + 1 + hashBytes;
    }
    return entries;
}
//# sourceMappingURL=git.js.map

/***/ }),

/***/ 79512:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AJ: () => (/* binding */ CONDITION_VARIABLES),
/* harmony export */   AL: () => (/* binding */ patternProblem),
/* harmony export */   LA: () => (/* binding */ canaryConditions),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   aK: () => (/* binding */ hint),
/* harmony export */   ht: () => (/* binding */ variablesOf),
/* harmony export */   iG: () => (/* binding */ ConditionError),
/* harmony export */   jA: () => (/* binding */ conditions),
/* harmony export */   vs: () => (/* binding */ compileCondition)
/* harmony export */ });
/* harmony import */ var _marcbachmann_cel_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47337);
/* harmony import */ var safe_regex2__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38700);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65071);
// Conditions in playbooks and the configuration — triggers (`severity == 'critical' &&
// asset.environment == 'prod'`), suppression rules — are CEL: non-Turing-complete, side-effect free,
// and what Kubernetes and Google's IAM use for the same job.
//
// The implementation is @marcbachmann/cel-js: zero dependencies (the Action is one bundled file),
// an Environment that type-checks an expression against declared variables before it ever runs (so
// `irac lint` catches `severity == critical` — an unquoted, unknown variable — at review time), and
// parse-time limits on size and depth for hostile configurations. @bufbuild/cel is closer to the
// conformance suite but brings protobuf-es and an RE2 WebAssembly module along.



/** What a condition can see. Maps are JSON objects; a missing key is an error, `has()` tests for one. */
const CONDITION_VARIABLES = {
    event: 'map',
    incident: 'map',
    asset: 'map',
    intel: 'map',
    history: 'map',
    score: 'double',
    severity: 'string',
};
const LIMITS = {
    maxAstNodes: 2000,
    maxDepth: 32,
    maxListElements: 1000,
    maxMapEntries: 1000,
    maxCallArguments: 32,
};
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
let environment;
/** The CEL environment of conditions and of playbook templates: the variables above, the limits. */
function conditions() {
    if (!environment) {
        environment = new _marcbachmann_cel_js__WEBPACK_IMPORTED_MODULE_0__/* .Environment */ .OH({ limits: LIMITS });
        for (const [name, type] of Object.entries(CONDITION_VARIABLES))
            environment.registerVariable(name, type);
    }
    return environment;
}
/** A condition that failed while running (a missing key, a type mismatch on this input). */
class ConditionError extends Error {
    where;
    source;
    name = 'ConditionError';
    constructor(where, source, reason) {
        super(`${where}: ${JSON.stringify(source)}: ${reason}`);
        this.where = where;
        this.source = source;
    }
}
let canaryEnvironment;
/** The CEL environment of a step's canary.verify: only `canary`, checked before the rest is touched. */
function canaryConditions() {
    canaryEnvironment ??= new _marcbachmann_cel_js__WEBPACK_IMPORTED_MODULE_0__/* .Environment */ .OH({ limits: LIMITS }).registerVariable('canary', 'map');
    return canaryEnvironment;
}
/** The variables an expression reads (`event` in `event.region == 'x'`), from its parsed form. */
function variablesOf(ast) {
    const found = new Set();
    const visit = (node) => {
        if (Array.isArray(node)) {
            for (const item of node)
                visit(item);
            return;
        }
        if (typeof node !== 'object' || node === null)
            return;
        const { op, args } = node;
        if (op === 'id' && typeof args === 'string')
            found.add(args);
        else
            visit(args);
    };
    visit(ast);
    return found;
}
function firstLine(error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'invalid';
}
/** The checker's reason, with what the writer probably meant. */
function hint(reason) {
    const unknown = /^Unknown variable: (\w+)$/.exec(reason)?.[1];
    if (unknown && SEVERITIES.includes(unknown))
        return `${reason} (a string needs quotes: '${unknown}')`;
    if (unknown)
        return `${reason} (known: ${Object.keys(CONDITION_VARIABLES).join(', ')})`;
    return reason;
}
// cel-js runs `matches` as a JavaScript RegExp, built anew on every call: a backtracking engine, where
// CEL's spec assumes RE2's linear one. So a pattern must be a literal, fixed at review time (one from
// the incident could be written to backtrack for ever), valid as a RegExp (RE2-only syntax such as
// `(?i)` passes the type checker, then fails on every incident), and one that safe-regex2 (fastify's
// star-height and repetition-count check) accepts. That check is a heuristic: it refuses `(a+)+` and
// `(.*a){12}`, not every slow pattern (`(a|a)*` passes); a reviewer still reads the pattern.
/** The pattern argument of each `matches` call in a parsed expression: `s.matches(p)` and `matches(s, p)`. */
function patternsOf(node) {
    const found = [];
    const visit = (value) => {
        if (Array.isArray(value)) {
            for (const item of value)
                visit(item);
            return;
        }
        if (typeof value !== 'object' || value === null || !('op' in value))
            return;
        const ast = value;
        if (ast.op === 'rcall' && ast.args[0] === 'matches' && ast.args[2][0])
            found.push(ast.args[2][0]);
        if (ast.op === 'call' && ast.args[0] === 'matches' && ast.args[1][1])
            found.push(ast.args[1][1]);
        visit(ast.args);
    };
    visit(node);
    return found;
}
/**
 * Why an expression that type-checks is refused all the same: a `matches` pattern that is not a string
 * literal, not a valid regular expression, or may backtrack catastrophically. Undefined when none is.
 */
function patternProblem(ast, source) {
    for (const node of patternsOf(ast)) {
        if (node.op !== 'value' || typeof node.args !== 'string') {
            const written = source.slice(node.start, node.end);
            return `matches takes its pattern as a string literal, not ${written}: a pattern taken from the incident could be written to backtrack for ever`;
        }
        const pattern = node.args;
        try {
            new RegExp(pattern);
        }
        catch (error) {
            const reason = firstLine(error).replace(/^Invalid regular expression: \/.*\/\w*: /s, '');
            return `matches pattern ${JSON.stringify(pattern)} is not a valid regular expression (${reason}): patterns run as JavaScript RegExp, without RE2-only syntax such as (?i)`;
        }
        if (!safe_regex2__WEBPACK_IMPORTED_MODULE_1__(pattern)) {
            return `matches pattern ${JSON.stringify(pattern)} may backtrack catastrophically on a hostile string (a repetition inside a repetition, or more than 25 repetitions): write it without nesting quantifiers`;
        }
    }
    return undefined;
}
/** Parses and type-checks a condition once; refuses anything that is not a boolean expression. */
function compileCondition(source, where, environment = conditions()) {
    let checked;
    try {
        checked = environment.check(source);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(where, `condition ${JSON.stringify(source)}: ${firstLine(error)}`);
    }
    if (!checked.valid) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(where, `condition ${JSON.stringify(source)}: ${hint(firstLine(checked.error))}`);
    }
    if (checked.type !== 'bool' && checked.type !== 'dyn') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(where, `condition ${JSON.stringify(source)} is a ${checked.type}, not a bool`);
    }
    const program = environment.parse(source);
    const refused = patternProblem(program.ast, source);
    if (refused)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(where, `condition ${JSON.stringify(source)}: ${refused}`);
    return {
        source,
        where,
        evaluate(context) {
            let result;
            try {
                result = program(context);
            }
            catch (error) {
                throw new ConditionError(where, source, firstLine(error));
            }
            if (typeof result !== 'boolean')
                throw new ConditionError(where, source, `gave ${typeof result}, not a bool`);
            return result;
        },
    };
}
//# sourceMappingURL=expressions.js.map

/***/ })

};
