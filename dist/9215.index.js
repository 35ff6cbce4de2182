export const id = 9215;
export const ids = [9215];
export const modules = {

/***/ 9215:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ MAX_FOR_EACH),
  F: () => (/* binding */ compilePlaybook)
});

// EXTERNAL MODULE: ./node_modules/@marcbachmann/cel-js/lib/index.js + 13 modules
var lib = __webpack_require__(47337);
// EXTERNAL MODULE: ./lib/src/config/config.js + 1 modules
var config = __webpack_require__(96435);
// EXTERNAL MODULE: ./lib/src/config/schema-problems.js
var schema_problems = __webpack_require__(84035);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/store/incident.js
var incident = __webpack_require__(81720);
// EXTERNAL MODULE: ./lib/src/triage/decide.js + 1 modules
var decide = __webpack_require__(95288);
// EXTERNAL MODULE: ./lib/src/triage/expressions.js
var expressions = __webpack_require__(79512);
// EXTERNAL MODULE: ./lib/src/playbooks/catalogue.js + 20 modules
var catalogue = __webpack_require__(50900);
// EXTERNAL MODULE: ./lib/src/json.js
var json = __webpack_require__(38674);
;// CONCATENATED MODULE: ./lib/src/playbooks/parameters.js
// Whether a step's parameters fit its action's schema, checked when the playbook is loaded. Written
// values are checked as they are. A template's value is only known per incident, so it is checked as
// far as CEL's type checker knows it: `{{ size(event.resources) }}` is an int, and an int is not a
// string; `{{ event.resources[0].id }}` is dyn, and passes; text around a template is a string whose
// pattern cannot be judged before it is rendered.


/** Stands for a template that did not compile: like `dyn`, it passes. */
const UNKNOWN = {
    source: '',
    where: '',
    whole: true,
    type: 'dyn',
    reads: new Set(),
    render: () => null,
};
/** A value of the template's CEL type, standing in for it during validation. */
function placeholder(template) {
    const { type } = template;
    if (type === 'int' || type === 'uint')
        return 0;
    if (type === 'double')
        return 0.5;
    if (type === 'bool')
        return false;
    if (type === 'null')
        return null;
    if (type.startsWith('list'))
        return [];
    if (type.startsWith('map'))
        return {};
    // string, and timestamps and durations, which render as text.
    return template.source;
}
function substituted(value, templates, path) {
    const template = templates.get(JSON.stringify(path));
    if (template)
        return placeholder(template);
    if (Array.isArray(value))
        return value.map((item, i) => substituted(item, templates, [...path, i]));
    if ((0,json/* isJsonObject */.OW)(value)) {
        const out = {};
        for (const [key, item] of Object.entries(value)) {
            Object.defineProperty(out, key, {
                value: substituted(item, templates, [...path, key]),
                enumerable: true,
                writable: true,
            });
        }
        return out;
    }
    return value;
}
function isPrefix(prefix, path) {
    return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}
function instancePath(error) {
    if (error.instancePath === '')
        return [];
    return error.instancePath
        .slice(1)
        .split('/')
        .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
        .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}
/**
 * Every way the step's parameters do not fit `spec` (its schema), each at the place to fix.
 * `stepPath` locates the step itself, for a parameter it lacks; `subjectOf` names a path in messages.
 */
function parameterProblems(spec, stepId, parameters, stepPath, subjectOf) {
    const templates = new Map();
    const probe = {};
    for (const [name, { value }] of Object.entries(parameters)) {
        for (const { path, template } of value.templates)
            templates.set(JSON.stringify([name, ...path]), template);
        // A template that did not compile has been reported; what it would give is anyone's guess.
        for (const path of value.broken)
            templates.set(JSON.stringify([name, ...path]), UNKNOWN);
        probe[name] = substituted(value.written, templates, [name]);
    }
    if (spec.validate(probe))
        return [];
    const known = Object.keys((spec.parameters.properties ?? {}));
    const problems = [];
    for (const error of spec.validate.errors ?? []) {
        const path = instancePath(error);
        const [name, ...inner] = path;
        const params = error.params;
        if (name === undefined) {
            if (error.keyword === 'additionalProperties') {
                const key = String(params.additionalProperty);
                const where = parameters[key]?.path ?? [...stepPath, key];
                const guess = (0,schema_problems/* closestOf */.P9)(key, known);
                problems.push({
                    path: where.slice(0, -1),
                    key,
                    what: `step "${stepId}": ${spec.name} has no parameter "${key}"${guess ? ` (did you mean "${guess}"?)` : ` (it takes ${known.map((k) => `"${k}"`).join(', ') || 'none'})`}`,
                });
            }
            else if (error.keyword === 'required') {
                problems.push({
                    path: stepPath,
                    what: `step "${stepId}" lacks parameter "${String(params.missingProperty)}", which ${spec.name} requires`,
                });
            }
            continue;
        }
        const written = parameters[String(name)];
        if (!written)
            continue;
        const docPath = [...written.path, ...inner];
        const subject = subjectOf(docPath);
        // A template decides what is at and below its path: only a type its checker knows is judged.
        const covering = [...templates].find(([key]) => isPrefix(JSON.parse(key), path));
        if (covering) {
            const [key, template] = covering;
            const exact = JSON.parse(key).length === path.length;
            if (!exact || error.keyword !== 'type' || template.type === 'dyn')
                continue;
            const article = /^[aeiou]/.test(template.type) ? 'an' : 'a';
            const gives = template.whole ? `gives ${article} ${template.type}` : 'gives text';
            problems.push({
                path: docPath,
                what: `${subject} must be ${(0,schema_problems/* expectedType */.nz)(params.type)}, but ${JSON.stringify(template.source)} ${gives}`,
            });
            continue;
        }
        const problem = (0,schema_problems/* schemaProblem */.Zg)(error, {});
        if (!problem)
            continue;
        const rest = problem.what.slice((0,schema_problems/* subjectOf */.et)(problem.path).length);
        problems.push(problem.key === undefined
            ? { path: docPath, what: `${subject}${rest}` }
            : { path: docPath, key: problem.key, what: `${subject}${rest}` });
    }
    return problems;
}
//# sourceMappingURL=parameters.js.map
// EXTERNAL MODULE: ./lib/src/playbooks/problems.js
var playbooks_problems = __webpack_require__(61045);
// EXTERNAL MODULE: ./lib/src/playbooks/templates.js
var templates = __webpack_require__(60458);
;// CONCATENATED MODULE: ./lib/src/playbooks/compile.js
// One playbook definition, already shaped as the schema says, checked for everything a schema cannot
// see and compiled: conditions and templates, actions against the catalogue, parameters against each
// action's schema, approvals against what each action risks. Every problem is reported, each at the
// line to fix, so that `irac lint` can list them all.











/** The keys a step has; any other key is a parameter of its action. */
const STEP_KEYS = [
    'id',
    'action',
    'when',
    'with',
    'requires_approval',
    'dry_run_supported',
    'timeout',
    'retries',
    'on_failure',
    'for_each',
    'canary',
];
/** Most targets one for_each step may act on: more is a fleet operation, not an incident's containment. */
const MAX_FOR_EACH = 100;
/** How a pre-authorized scope holds for the incident as a whole: every asset known, none production. */
const SCOPE_EXAMPLE = "asset.all_known && size(asset.environments) > 0 && asset.environments.all(e, e in ['dev', 'staging'])";
const DEFAULT_PRIORITY = 100;
const DEFAULT_ENVIRONMENT = 'ir-containment';
/** Whether a condition reads anything of the incident, or would give the same answer for every one. */
function readsIncident(source) {
    return [...(0,expressions/* variablesOf */.ht)((0,lib/* parse */.qg)(source).ast)].some((name) => name in expressions/* CONDITION_VARIABLES */.AJ);
}
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const SCORES = [0, 0.2, 0.5, 0.8, 1];
/**
 * What conditions see of an incident on resources no registry knows, with no threat intelligence and
 * no history, made by triage's own conditionContext: one per severity and score. A pre-authorized
 * scope must hold for none of them.
 */
function unknownAssetIncidents() {
    const time = '2026-01-01T00:00:00.000Z';
    return SEVERITIES.flatMap((severity) => SCORES.map((score) => {
        const event = {
            id: 'unknown-asset',
            timestamp: time,
            source: 'siem',
            severity,
            vendor: 'generic',
            kind: 'unknown',
            title: 'An incident on resources no registry knows',
            resource: '',
            resources: [],
            indicators: [],
            attack: { tactics: [], techniques: [] },
            fingerprint: 'unknown-asset',
            raw_sha256: '0'.repeat(64),
            raw_pointer: '',
            payload: {},
            context: {},
        };
        const context = (0,decide/* conditionContext */.FQ)({
            incident: (0,incident/* openIncident */.pF)('IR-20260101-aaaaaaaa', event, time),
            events: [event],
            enrichment: { asset: null, intel: { score: 0, hits: [] }, providers: [], degraded: [] },
            history: { fingerprints: [], resources: [], actors: [] },
            now: new Date(time),
        }, {
            score: { value: score, severity, factors: [] },
            history: {
                window: null,
                same_fingerprint: 0,
                same_resource: 0,
                same_actor: 0,
                incidents: 0,
                recent: [],
            },
        });
        return { severity, score, context };
    }));
}
let unknownAssets;
/**
 * The first incident on unknown assets a scope pre-authorizes, if any. A scope that fails on one does
 * not hold for it: at plan time, a failing scope pre-authorizes nothing either.
 */
function preauthorizesUnknown(scope) {
    unknownAssets ??= unknownAssetIncidents();
    return unknownAssets.find(({ context }) => {
        try {
            return scope.evaluate(context);
        }
        catch (error) {
            if (error instanceof expressions/* ConditionError */.iG)
                return false;
            throw error;
        }
    });
}
/**
 * Compiles one definition, reporting every problem. `environments` are the configuration's
 * orchestrator.approval_environments, the only ones a tier may name; undefined when the configuration
 * has problems of its own (reported by it) and they are not known.
 */
function compilePlaybook(definition, source, catalogue, environments) {
    const problems = [];
    const path = (rel) => [...source.base, ...rel];
    const locate = (rel, key) => source.yaml.locate(path(rel), key);
    const subject = (rel) => (0,schema_problems/* subjectOf */.et)(path(rel), 'the playbook');
    const error = (rel, what, key) => {
        problems.push((0,playbooks_problems/* problemAt */.l4)(locate(rel, key), what));
    };
    const condition = (rel, text) => {
        const at = locate(rel);
        try {
            return (0,expressions/* compileCondition */.vs)(text, at.where);
        }
        catch (caught) {
            if (!(caught instanceof errors/* InputError */.dz))
                throw caught;
            problems.push((0,playbooks_problems/* problemAt */.l4)(at, `${subject(rel)}: ${caught.what}`));
            return undefined;
        }
    };
    const trigger = condition(['trigger'], definition.trigger);
    const scope = definition.tier?.preauthorized_when;
    const preauthorizedWhen = scope === undefined ? undefined : condition(['tier', 'preauthorized_when'], scope);
    if (preauthorizedWhen && !readsIncident(scope)) {
        error(['tier', 'preauthorized_when'], `${subject(['tier', 'preauthorized_when'])} ${JSON.stringify(scope)} reads nothing of the incident: pre-authorization must be scoped, e.g. asset.all_known && size(asset.environments) > 0 && asset.environments.all(e, e in ['dev', 'staging'])`);
    }
    else if (preauthorizedWhen) {
        const unknown = preauthorizesUnknown(preauthorizedWhen);
        if (unknown) {
            error(['tier', 'preauthorized_when'], `${subject(['tier', 'preauthorized_when'])} ${JSON.stringify(scope)} holds for an incident whose assets no registry knows (severity ${unknown.severity}, score ${unknown.score}, no threat intelligence): it would contain what nobody has said is safe to contain without a reviewer; require known, non-production assets, e.g. ${SCOPE_EXAMPLE}`);
        }
    }
    const environment = definition.tier?.environment ?? DEFAULT_ENVIRONMENT;
    if (environments !== undefined && !environments.includes(environment)) {
        // GitHub creates an environment a job names on first use, with no protection rules: a misspelled
        // one would run every step "approved" by nobody.
        const guess = (0,schema_problems/* closestOf */.P9)(environment, environments);
        const listed = `orchestrator.approval_environments lists those with reviewers (${environments.join(', ')})`;
        if (definition.tier === undefined) {
            error(['id'], `playbook "${definition.id}" has no tier, so its approvals go to the GitHub Environment "${environment}", which is not an approval environment: set tier.environment; ${listed}`);
        }
        else {
            error(['tier', 'environment'], `${subject(['tier', 'environment'])} "${environment}" is not an approval environment${guess ? ` (did you mean "${guess}"?)` : ''}: GitHub would create it on first use without required reviewers; ${listed}`);
        }
    }
    if (definition.owner === undefined) {
        problems.push((0,playbooks_problems/* problemAt */.l4)(locate(['id']), `playbook "${definition.id}" has no owner: say who answers for it (owner: a team, an e-mail address or @org/team)`, 'warning'));
    }
    const steps = [];
    const stepLines = new Map();
    for (const [index, step] of definition.steps.entries()) {
        const rel = ['steps', index];
        const first = stepLines.get(step.id);
        if (first === undefined)
            stepLines.set(step.id, locate([...rel, 'id']).line);
        else
            error([...rel, 'id'], `duplicate step id "${step.id}" in playbook "${definition.id}" (first at line ${first})`);
        const compiled = compileStep(step, rel, {
            catalogue,
            scoped: scope !== undefined,
            locate,
            subject,
            problems,
            condition,
        });
        if (compiled)
            steps.push(compiled);
    }
    const failed = problems.some((problem) => problem.severity === 'error');
    if (failed || !trigger)
        return { playbook: undefined, problems };
    const where = locate(['id']);
    return {
        playbook: {
            id: definition.id,
            ...(definition.description !== undefined && { description: definition.description }),
            ...(definition.version !== undefined && { version: definition.version }),
            ...(definition.owner !== undefined && { owner: definition.owner }),
            trigger,
            priority: definition.priority ?? DEFAULT_PRIORITY,
            tier: {
                environment,
                ...(preauthorizedWhen && { preauthorizedWhen }),
            },
            steps,
            file: where.file,
            where: where.where,
        },
        problems,
    };
}
function compileStep(step, rel, ctx) {
    const { locate, subject, problems } = ctx;
    const before = problems.length;
    const error = (at, what, key) => {
        problems.push((0,playbooks_problems/* problemAt */.l4)(locate(at, key), what));
    };
    const action = ctx.catalogue.get(step.action);
    if (!action) {
        const guess = (0,schema_problems/* closestOf */.P9)(step.action, ctx.catalogue.names);
        error([...rel, 'action'], `step "${step.id}" has unknown action "${step.action}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
    }
    const takes = new Set(Object.keys((action?.parameters.properties ?? {})));
    // The seed's shape writes parameters inline; `with` is the explicit one. A key that is neither a
    // step key nor a parameter of the action, but close to a step key, is a typo of that key: a
    // misspelled requires_approval would otherwise pass for a parameter and run the step unapproved.
    const written = {};
    const add = (name, value, at) => {
        const compiled = (0,templates/* compileValue */.hX)(value, (inner) => locate([...at, ...inner]).where, (inner, caught) => {
            problems.push((0,playbooks_problems/* problemAt */.l4)(locate([...at, ...inner]), `${subject([...at, ...inner])}: ${caught.what}`));
        });
        written[name] = { value: compiled, path: at };
    };
    for (const [name, value] of Object.entries(step.with ?? {}))
        add(name, value, [...rel, 'with', name]);
    for (const [key, value] of Object.entries(step)) {
        if (STEP_KEYS.includes(key) || value === undefined)
            continue;
        const meant = takes.has(key)
            ? undefined
            : ((0,schema_problems/* closestOf */.P9)(key, STEP_KEYS) ?? (key.includes('approv') ? 'requires_approval' : undefined));
        if (meant !== undefined) {
            error(rel, `${subject(rel)} has unknown key "${key}" (did you mean "${meant}"?)`, key);
        }
        else if (written[key] !== undefined) {
            error(rel, `step "${step.id}" gives parameter "${key}" both inline and under "with"`, key);
        }
        else {
            add(key, value, [...rel, key]);
        }
    }
    if (action) {
        for (const problem of parameterProblems(action, step.id, written, rel, subject)) {
            problems.push((0,playbooks_problems/* problemAt */.l4)(locate(problem.path, problem.key), problem.what));
        }
    }
    const when = step.when === undefined ? undefined : ctx.condition([...rel, 'when'], step.when);
    const requiresApproval = step.requires_approval ?? false;
    const dryRunSupported = step.dry_run_supported ?? false;
    if (action?.destructive) {
        const does = `step "${step.id}" runs ${action.name}${action.runs !== action.name ? ` (${action.runs})` : ''}`;
        if (!requiresApproval && !action.reversible) {
            error([...rel, 'action'], `${does}, which is destructive and cannot be undone, without requires_approval: true — a pre-authorized tier does not cover what cannot be undone`);
        }
        else if (!requiresApproval && !ctx.scoped) {
            error([...rel, 'action'], `${does}, which is destructive, without requires_approval: true, and the playbook has no pre-authorized scope (tier.preauthorized_when)`);
        }
        if (dryRunSupported) {
            error([...rel, 'dry_run_supported'], `${does}, which is destructive: dry_run_supported: true would run it during a dry run`);
        }
    }
    const forEach = step.for_each === undefined ? undefined : targetsTemplate(step, rel, ctx);
    if (step.for_each === undefined) {
        for (const [name, { value, path }] of Object.entries(written)) {
            const reading = value.templates.find(({ template }) => template.reads.has('item'));
            if (reading) {
                error([...path, ...reading.path], `step "${step.id}": parameter "${name}" reads item, which only a step with for_each has`);
            }
        }
    }
    if (step.for_each !== undefined &&
        !Object.values(written).some(({ value }) => value.templates.some(({ template }) => template.reads.has('item')))) {
        error([...rel, 'for_each'], `step "${step.id}" has for_each, but none of its parameters reads item: every target would get the same parameters (write e.g. instance_id: "{{ item }}")`);
    }
    const canary = step.canary === undefined ? undefined : canaryOf(step, rel, ctx);
    if (step.timeout !== undefined && (0,config/* durationMs */.pc)(step.timeout) === 0) {
        error([...rel, 'timeout'], `step "${step.id}" has a timeout of ${step.timeout}: it could never finish`);
    }
    if (!action || problems.slice(before).some((p) => p.severity === 'error'))
        return undefined;
    const timeout = step.timeout ?? action.timeout ?? catalogue/* DEFAULT_TIMEOUT */.cS;
    return {
        id: step.id,
        action,
        ...(when && { when }),
        parameters: Object.fromEntries(Object.entries(written).map(([name, { value }]) => [name, value])),
        requiresApproval,
        dryRunSupported,
        timeout,
        timeoutMs: (0,config/* durationMs */.pc)(timeout),
        retries: step.retries ?? 0,
        onFailure: step.on_failure ?? 'stop',
        ...(forEach && { forEach }),
        ...(canary && { canary }),
        where: locate(rel).where,
    };
}
/** A for_each: one whole `{{ }}` over the incident, giving a list (it cannot read the item it makes). */
function targetsTemplate(step, rel, ctx) {
    const at = [...rel, 'for_each'];
    const report = (what) => ctx.problems.push((0,playbooks_problems/* problemAt */.l4)(ctx.locate(at), `${ctx.subject(at)}: ${what}`));
    let template;
    try {
        template = (0,templates/* compileTemplate */.Gq)(step.for_each ?? '', ctx.locate(at).where);
    }
    catch (caught) {
        if (!(caught instanceof errors/* InputError */.dz))
            throw caught;
        report(caught.what);
        return undefined;
    }
    if (!template?.whole) {
        report(`must be one "{{ expr }}" giving a list (of instance ids, user names…), e.g. "{{ event.resources.filter(r, r.type == 'aws.ec2.instance').map(r, r.id) }}"`);
        return undefined;
    }
    if (template.reads.has('item')) {
        report('reads item, which it is what defines');
        return undefined;
    }
    if (template.type !== 'dyn' && !template.type.startsWith('list')) {
        report(`gives a ${template.type}, not a list`);
        return undefined;
    }
    return template;
}
function canaryOf(step, rel, ctx) {
    const at = [...rel, 'canary'];
    const canary = step.canary;
    if (canary === undefined)
        return undefined;
    if (step.for_each === undefined) {
        ctx.problems.push((0,playbooks_problems/* problemAt */.l4)(ctx.locate(rel, 'canary'), `step "${step.id}" has a canary but no for_each: a canary holds back some of a step's targets, and this step has one`));
        return undefined;
    }
    let verify;
    if (canary.verify !== undefined) {
        const where = ctx.locate([...at, 'verify']);
        try {
            verify = (0,expressions/* compileCondition */.vs)(canary.verify, where.where, (0,expressions/* canaryConditions */.LA)());
        }
        catch (caught) {
            if (!(caught instanceof errors/* InputError */.dz))
                throw caught;
            ctx.problems.push((0,playbooks_problems/* problemAt */.l4)(where, `${ctx.subject([...at, 'verify'])}: ${caught.what} (a canary check sees only canary: targets, size, of)`));
            return undefined;
        }
    }
    const wait = canary.wait ?? '0s';
    return { percent: canary.percent, wait, waitMs: (0,config/* durationMs */.pc)(wait), ...(verify && { verify }) };
}
//# sourceMappingURL=compile.js.map

/***/ }),

/***/ 61045:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wj: () => (/* binding */ fileProblem),
/* harmony export */   im: () => (/* binding */ compareProblems),
/* harmony export */   l4: () => (/* binding */ problemAt)
/* harmony export */ });
/* unused harmony export formatProblem */
// What `irac lint` reports and what loading refuses: a problem at a place in a file. Errors stop a
// load (the first one becomes the InputError); warnings are for the reviewer.
function problemAt(at, message, severity = 'error') {
    return { file: at.file, line: at.line, col: at.col, severity, message };
}
/** A problem with a whole file (unreadable, not UTF-8): reported at its first line. */
function fileProblem(file, message) {
    return { file, line: 1, col: 1, severity: 'error', message };
}
/** `playbooks/x.yaml:14:9: error: step "isolate" has unknown action "cloud:isolate"` */
function formatProblem(problem) {
    return `${problem.file}:${problem.line}:${problem.col}: ${problem.severity}: ${problem.message}`;
}
/** By file, then by position in it, as a reader goes through them. */
function compareProblems(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
//# sourceMappingURL=problems.js.map

/***/ }),

/***/ 95288:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nb: () => (/* binding */ compileRules),
  FQ: () => (/* binding */ conditionContext),
  LD: () => (/* binding */ decide)
});

// UNUSED EXPORTS: primaryEvent

// EXTERNAL MODULE: ./lib/src/config/config.js + 1 modules
var config = __webpack_require__(96435);
// EXTERNAL MODULE: ./lib/src/ingest/display.js
var display = __webpack_require__(6481);
// EXTERNAL MODULE: ./lib/src/triage/expressions.js
var expressions = __webpack_require__(79512);
;// CONCATENATED MODULE: ./lib/src/triage/score.js
// The seed's scoring, explainable: each factor's raw value, its normalized value in [0, 1], its weight
// and what it contributed; the score is their sum, and the first threshold it reaches names the
// severity. A reviewer can recompute every number in triage.json by hand.
/** How much each vendor severity counts, before its weight. */
const SEVERITY_VALUES = {
    low: 0.25,
    medium: 0.5,
    high: 0.75,
    critical: 1,
};
/** Scores are written with four decimals: the sum of rounded parts is what the file shows. */
const round = (value) => Math.round(value * 10_000) / 10_000;
const clamp = (value) => Math.min(1, Math.max(0, value));
function score(measures, scoring) {
    const { weights, thresholds } = scoring;
    const normalized = {
        severity: SEVERITY_VALUES[measures.severity.raw],
        asset_criticality: clamp(measures.asset_criticality.normalized),
        historical_frequency: clamp(measures.historical_frequency.raw / scoring.history_saturation),
        threat_score: clamp(measures.threat_score.normalized),
    };
    const names = ['severity', 'asset_criticality', 'historical_frequency', 'threat_score'];
    // Each contribution from the normalized value as written, so that the file recomputes by hand.
    const factors = names.map((name) => {
        const weight = weights[name];
        const shown = round(normalized[name]);
        return {
            name,
            raw: measures[name].raw,
            normalized: shown,
            weight,
            contribution: round(weight * shown),
            why: measures[name].why,
        };
    });
    const value = round(clamp(factors.reduce((sum, factor) => sum + factor.contribution, 0)));
    for (const severity of ['critical', 'high', 'medium']) {
        if (value >= thresholds[severity]) {
            return { value, severity, threshold: { severity, at: thresholds[severity] }, factors };
        }
    }
    return { value, severity: 'low', factors };
}
//# sourceMappingURL=score.js.map
;// CONCATENATED MODULE: ./lib/src/triage/decide.js
// The decision: from an incident, its events and what enrichment found, to a score, a severity and a
// route — or a suppression, or an aggregation — with every reason written down. Pure: the same inputs
// give the same decision, which is what lets `irac replay` backtest a playbook change.




function compileRules(settings, routes, origin) {
    const history = settings.triage.enrichment_sources.find((source) => source.type === 'history');
    const historyWindow = history ? (history.window ?? '30d') : undefined;
    const { max_incidents, window, max_severity } = settings.triage.aggregation;
    return {
        scoring: settings.triage.scoring,
        ...(historyWindow && { historyWindow: { text: historyWindow, ms: (0,config/* durationMs */.pc)(historyWindow) } }),
        suppressions: settings.triage.suppressions.map((rule, i) => ({
            rule,
            condition: (0,expressions/* compileCondition */.vs)(rule.when, `${origin}: triage.suppressions[${i}].when`),
            expiresMs: (0,config/* expiryMs */.yt)(rule.expires),
        })),
        aggregation: {
            maxIncidents: max_incidents,
            window,
            windowMs: (0,config/* durationMs */.pc)(window),
            maxSeverity: max_severity,
        },
        routes: [...routes].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
        defaultPlaybook: settings.triage.default_playbook,
    };
}
const SEVERITY_ORDER = ['low', 'medium', 'high', 'critical'];
const RECENT_KEPT = 50;
const REASON_LENGTH = 300;
/** Reasons quote what failed, and a failing expression may quote the event: neutralized, bounded. */
const reasonText = (text) => (0,display/* displayText */.WV)(text, REASON_LENGTH) ?? 'unreadable reason';
/** The event conditions see as `event`: the most severe, earliest first; optional fields present as null. */
function primaryEvent(events) {
    let primary = events[0];
    if (!primary)
        throw new Error('an incident without events');
    for (const event of events) {
        if (SEVERITY_ORDER.indexOf(event.severity) > SEVERITY_ORDER.indexOf(primary.severity))
            primary = event;
    }
    return primary;
}
function withinWindow(history, incident, windowMs) {
    const opened = Date.parse(incident.timestamps.opened);
    const keep = (lines) => windowMs === undefined ? [] : lines.filter((line) => opened - line.openedMs <= windowMs);
    return {
        fingerprints: keep(history.fingerprints),
        resources: keep(history.resources),
        actors: keep(history.actors),
    };
}
function summarizeHistory(history, incident, rules) {
    const inWindow = withinWindow(history, incident, rules.historyWindow?.ms);
    const all = new Map();
    for (const line of [...inWindow.fingerprints, ...inWindow.resources, ...inWindow.actors]) {
        all.set(line.incident, line.openedMs);
    }
    return {
        window: rules.historyWindow?.text ?? null,
        same_fingerprint: inWindow.fingerprints.length,
        same_resource: new Set(inWindow.resources.map((line) => line.incident)).size,
        same_actor: new Set(inWindow.actors.map((line) => line.incident)).size,
        incidents: all.size,
        recent: [...all.entries()]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))
            .slice(0, 10)
            .map(([id]) => id),
    };
}
function measures(input, history, rules) {
    const eventSeverity = input.events.reduce((highest, event) => SEVERITY_ORDER.indexOf(event.severity) > SEVERITY_ORDER.indexOf(highest) ? event.severity : highest, 'low');
    const { asset, intel } = input.enrichment;
    const top = [...intel.hits].sort((a, b) => b.score - a.score)[0];
    return {
        severity: {
            raw: eventSeverity,
            why: `the highest severity among ${input.incident.events} event${input.incident.events === 1 ? '' : 's'}`,
        },
        asset_criticality: asset
            ? {
                raw: asset.id,
                normalized: asset.criticality,
                why: `${asset.matched.identifier} matches ${asset.matched.pattern} in ${asset.source}`,
            }
            : {
                raw: 'unknown',
                normalized: rules.scoring.unknown_asset_criticality,
                why: 'no asset registry knows the resources; unknown_asset_criticality applies',
            },
        historical_frequency: {
            raw: history.incidents,
            why: history.window === null
                ? 'no history source is configured'
                : `past incidents within ${history.window} sharing the fingerprint (${history.same_fingerprint}), a resource (${history.same_resource}) or an actor (${history.same_actor}); ${rules.scoring.history_saturation} or more count fully`,
        },
        threat_score: top
            ? {
                raw: `${top.type} ${top.value}`,
                normalized: intel.score,
                why: `listed by ${top.source}${top.detail ? ` (${top.detail})` : ''}${intel.hits.length > 1 ? `; ${intel.hits.length} matches in all` : ''}`,
            }
            : { raw: 'none', normalized: 0, why: 'no indicator is known to the threat intelligence sources' },
    };
}
/** The values conditions see. Keys that enrichment could not fill are present and null. */
function conditionContext(input, decision) {
    const event = primaryEvent(input.events);
    const { asset, intel, assets = asset ? [asset] : [], unknown_resources } = input.enrichment;
    // An asset without an environment is null here, so `environments.all(e, e in [...])` fails on it.
    const environments = [...new Set(assets.map((a) => a.environment ?? null))];
    return {
        event: { account: null, region: null, actor: null, ...event },
        incident: { ...input.incident },
        asset: {
            known: asset !== null,
            id: asset?.id ?? null,
            owner: asset?.owner ?? null,
            environment: asset?.environment ?? null,
            criticality: asset?.criticality ?? null,
            compliance: [...(asset?.compliance ?? [])],
            // Every resource the incident names is known to a registry: what a pre-authorized scope must
            // require, or one known dev instance in the event lets an unknown one be contained unreviewed.
            all_known: asset !== null && unknown_resources !== undefined && unknown_resources.length === 0,
            environments,
        },
        intel: {
            score: intel.score,
            matched: intel.hits.length > 0,
            hits: intel.hits.map((hit) => ({ ...hit })),
        },
        history: { ...decision.history, recent: [...decision.history.recent] },
        score: decision.score.value,
        severity: decision.score.severity,
    };
}
function evaluate(condition, context) {
    try {
        return { result: condition.evaluate(context) };
    }
    catch (error) {
        if (!(error instanceof expressions/* ConditionError */.iG))
            throw error;
        return { result: 'error', error: reasonText(error.message) };
    }
}
function decide(input, rules) {
    const history = summarizeHistory(input.history, input.incident, rules);
    const scored = score(measures(input, history, rules), rules.scoring);
    const context = conditionContext(input, { score: scored, history });
    const degraded = [...input.enrichment.degraded];
    const base = {
        incident: input.incident.id,
        decided_at: input.now.toISOString(),
        events: input.incident.events,
        severity: scored.severity,
        event_severity: scored.factors[0]?.raw,
        score: scored,
        enrichment: {
            asset: input.enrichment.asset,
            assets: input.enrichment.assets ?? (input.enrichment.asset ? [input.enrichment.asset] : []),
            unknown_resources: input.enrichment.unknown_resources ?? null,
            intel: input.enrichment.intel,
            history,
            providers: input.enrichment.providers,
        },
    };
    // Suppression first: a known benign pattern never reaches a playbook.
    for (const { rule, condition, expiresMs } of rules.suppressions) {
        if (input.now.getTime() >= expiresMs)
            continue;
        const outcome = evaluate(condition, context);
        if (outcome.result === 'error') {
            degraded.push(`suppression ${rule.id}: ${outcome.error}`);
            continue;
        }
        if (!outcome.result)
            continue;
        return {
            ...base,
            outcome: 'suppressed',
            playbook: null,
            route: {
                reason: `suppressed by rule ${rule.id} (${rule.owner}, until ${rule.expires}): ${rule.reason}`,
                evaluated: [],
            },
            suppression: { rule: rule.id, reason: rule.reason, owner: rule.owner, expires: rule.expires },
            aggregation: null,
            degraded,
        };
    }
    // Dynamic threshold: the same problem keeps coming back; record it, do not run the playbook again.
    const recent = withinWindow(input.history, input.incident, rules.aggregation.windowMs).fingerprints;
    const aggregable = SEVERITY_ORDER.indexOf(scored.severity) <= SEVERITY_ORDER.indexOf(rules.aggregation.maxSeverity);
    if (aggregable && recent.length >= rules.aggregation.maxIncidents) {
        const ids = [...recent]
            .sort((a, b) => b.openedMs - a.openedMs || (a.incident < b.incident ? 1 : -1))
            .slice(0, RECENT_KEPT)
            .map((line) => line.incident);
        return {
            ...base,
            outcome: 'aggregated',
            playbook: null,
            route: {
                reason: `aggregated: the fingerprint opened ${recent.length} incidents within ${rules.aggregation.window} before this one (max_incidents ${rules.aggregation.maxIncidents})`,
                evaluated: [],
            },
            suppression: null,
            aggregation: {
                window: rules.aggregation.window,
                max_incidents: rules.aggregation.maxIncidents,
                max_severity: rules.aggregation.maxSeverity,
                count: recent.length,
                recent_incidents: ids,
            },
            degraded,
        };
    }
    const evaluated = [];
    for (const route of rules.routes) {
        const outcome = evaluate(route.trigger, context);
        if (outcome.result === 'error') {
            evaluated.push({
                playbook: route.id,
                trigger: route.trigger.source,
                result: 'error',
                error: outcome.error,
            });
            degraded.push(`playbook ${route.id}: trigger ${outcome.error}`);
            // Not a reason to try the next playbook: that one may contain harder than this one would.
            // The incident waits at the default route, for a person, with the failure on record.
            const fallback = rules.defaultPlaybook;
            return {
                ...base,
                outcome: fallback === null ? 'unrouted' : 'routed',
                playbook: fallback,
                route: {
                    reason: `the trigger of ${route.id} could not be evaluated on this incident; ${fallback === null ? 'no default_playbook is configured' : `held at default_playbook ${fallback}`} rather than tried against the playbooks after it`,
                    evaluated,
                },
                suppression: null,
                aggregation: null,
                degraded,
            };
        }
        evaluated.push({ playbook: route.id, trigger: route.trigger.source, result: outcome.result });
        if (outcome.result) {
            return {
                ...base,
                outcome: 'routed',
                playbook: route.id,
                route: { reason: `trigger of ${route.id} holds: ${route.trigger.source}`, evaluated },
                suppression: null,
                aggregation: null,
                degraded,
            };
        }
    }
    const fallback = rules.defaultPlaybook;
    return {
        ...base,
        outcome: fallback === null ? 'unrouted' : 'routed',
        playbook: fallback,
        route: {
            reason: fallback === null
                ? 'no trigger matched and no default_playbook is configured'
                : `no trigger matched: default_playbook ${fallback}`,
            evaluated,
        },
        suppression: null,
        aggregation: null,
        degraded,
    };
}
//# sourceMappingURL=decide.js.map

/***/ })

};
