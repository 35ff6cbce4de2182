export const id = 4111;
export const ids = [4111];
export const modules = {

/***/ 87409:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   executionSummary: () => (/* binding */ executionSummary),
/* harmony export */   runSummary: () => (/* binding */ runSummary)
/* harmony export */ });
/* unused harmony exports runUrl, decisionLines */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _store_incident_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81720);
/* harmony import */ var _store_layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32064);
/* harmony import */ var _store_markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82823);
/* harmony import */ var _store_readme_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(62248);
/* harmony import */ var _store_record_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(56887);
// The job summary (GITHUB_STEP_SUMMARY) a responder reads on the run's page: per incident, the decision
// with its score factor by factor, the plan with its hash and what each step will do, how to approve,
// what the run did, and the incident's timeline as a Mermaid diagram. Read from the files the run
// committed, so the page says what the repository says. Every value that came from an event is shown
// in a code span (see store/markdown.ts): the summary renders Markdown and must not render an attacker's.







/** Where the run is seen and approved, from the runner's variables. */
function runUrl(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = env;
    return server && repository && run ? `${server}/${repository}/actions/runs/${run}` : undefined;
}
async function readJson(root, path) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, path), 'utf8').catch(() => undefined);
    return text === undefined ? undefined : JSON.parse(text);
}
function decisionLines(decision) {
    const { score } = decision;
    const threshold = score.threshold
        ? `≥ ${score.threshold.severity} threshold ${score.threshold.at}`
        : 'below every threshold';
    return [
        `**Severity ${decision.severity}** (the events said ${decision.event_severity}), score ${score.value.toFixed(2)} ${threshold}.`,
        '',
        `Why: ${(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(decision.route.reason, 400)}`,
        '',
        (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .tableRow */ .jD)(['Factor', 'Raw', 'Value', 'Weight', 'Share', 'From']),
        (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .tableRow */ .jD)(['---', '---', '---:', '---:', '---:', '---']),
        ...score.factors.map((factor) => (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .tableRow */ .jD)([
            factor.name,
            (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(String(factor.raw), 60),
            factor.normalized.toFixed(2),
            String(factor.weight),
            factor.contribution.toFixed(2),
            (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(factor.why, 200),
        ])),
        ...decision.degraded.map((reason) => `\n> degraded: ${(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(reason, 300)}`),
    ];
}
function planLines(plan, hash) {
    const rows = plan.steps.map((step) => {
        const gate = !step.applies
            ? `skipped: ${(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(step.skipped ?? '')}`
            : step.needs_approval
                ? `waits for a reviewer of ${(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(plan.environment)}`
                : 'runs without a reviewer';
        const where = step.target.region
            ? (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(`${step.target.account ?? ''}/${step.target.region}`)
            : _store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .NOTHING */ .K$;
        const calls = step.calls.map((call) => (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(`${call.call} ${call.target}: ${call.effect}`, 240));
        return (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .tableRow */ .jD)([(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(step.id), (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(step.action), where, gate, calls.join('<br>') || _store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .NOTHING */ .K$]);
    });
    return [
        `Playbook ${(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(plan.playbook.id)} (${(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(plan.playbook.file)}), plan \`${hash}\`.`,
        '',
        (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .tableRow */ .jD)(['Step', 'Action', 'Where', 'Gate', 'What it does']),
        (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .tableRow */ .jD)(['---', '---', '---', '---', '---']),
        ...rows,
    ];
}
function executionLines(run) {
    return [
        `${run.live ? 'Live run' : 'Dry run'} of plan \`${run.plan_sha256}\`:`,
        '',
        (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .tableRow */ .jD)(['Step', 'Result', 'Detail']),
        (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .tableRow */ .jD)(['---', '---', '---']),
        ...run.steps.map((step) => (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .tableRow */ .jD)([(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(step.step), step.result, (0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(step.detail, 300)])),
    ];
}
function approvalLines(outcome, env) {
    if (!outcome.needs_approval || !outcome.environment)
        return [];
    const url = runUrl(env);
    return [
        '### Approval',
        '',
        `The containment steps wait for a required reviewer of the ${(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(outcome.environment)} environment.` +
            (url ? ` Review this run's pending deployment: ${url}` : '') +
            ` — the approval is bound to plan \`${outcome.plan_sha256}\`: a plan changed since is refused.`,
        '',
    ];
}
async function timelineLines(root, id) {
    const [incidentText, auditText] = await Promise.all([
        (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .incidentFile */ .rx)(id)), 'utf8').catch(() => undefined),
        (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .auditFile */ .UA)(id)), 'utf8').catch(() => undefined),
    ]);
    if (incidentText === undefined || auditText === undefined)
        return [];
    const incident = (0,_store_incident_js__WEBPACK_IMPORTED_MODULE_2__/* .parseIncident */ .w4)(incidentText, (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .incidentFile */ .rx)(id));
    const entries = (0,_store_record_js__WEBPACK_IMPORTED_MODULE_6__/* .parseAuditEntries */ .r$)(auditText).slice(-_store_readme_js__WEBPACK_IMPORTED_MODULE_5__/* .TIMELINE_MAX */ .LM);
    return [
        '### Timeline',
        '',
        '```mermaid',
        ...(0,_store_readme_js__WEBPACK_IMPORTED_MODULE_5__/* .mermaidTimeline */ .Jz)(`${incident.id} ${incident.title}`, entries.map(_store_readme_js__WEBPACK_IMPORTED_MODULE_5__/* .auditPoint */ .ej)),
        '```',
        '',
    ];
}
/** One section per incident the run opened or joined. */
async function runSummary(root, outcomes, env) {
    if (outcomes.length === 0)
        return '## irac\n\nNothing new: every event was already recorded.\n';
    const sections = [];
    for (const outcome of outcomes) {
        const decision = await readJson(root, (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .triageFile */ .Zt)(outcome.incident));
        const plan = outcome.plan_sha256 ? await readJson(root, (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__.planFile)(outcome.incident)) : undefined;
        const route = outcome.playbook ? `routed to ${(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(outcome.playbook)}` : outcome.outcome;
        sections.push(`## ${outcome.incident} — ${route}`, '', ...(decision ? [...decisionLines(decision), ''] : []), ...(plan && outcome.plan_sha256 ? ['### Plan', '', ...planLines(plan, outcome.plan_sha256), ''] : []), ...approvalLines(outcome, env), ...(outcome.execution ? ['### What ran', '', ...executionLines(outcome.execution), ''] : []), ...(await timelineLines(root, outcome.incident)));
    }
    return `${sections.join('\n')}\n`;
}
/** A containment (or undo) run: what each step did, then the timeline. */
async function executionSummary(root, run, approvedBy) {
    return [
        `## ${run.incident} — ${run.live ? 'containment' : 'dry run'}`,
        '',
        ...(approvedBy ? [`Approved by ${(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(approvedBy)} for plan \`${run.plan_sha256}\`.`, ''] : []),
        ...executionLines(run),
        '',
        ...(run.failure ? [`> stopped: ${(0,_store_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(run.failure, 400)}`, ''] : []),
        ...(await timelineLines(root, run.incident)),
    ].join('\n');
}
//# sourceMappingURL=summary.js.map

/***/ }),

/***/ 81720:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rr: () => (/* binding */ serializeIncident),
/* harmony export */   TT: () => (/* binding */ higherSeverity),
/* harmony export */   W2: () => (/* binding */ addEvent),
/* harmony export */   pF: () => (/* binding */ openIncident),
/* harmony export */   w4: () => (/* binding */ parseIncident)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65071);
/* harmony import */ var _validation_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69839);
// incident.yaml: reading it back (validated against schemas/incident.schema.json) and writing it in a
// fixed key order, so that two runs that reach the same state write the same bytes.



const HEADER = '# Written by irac: every version is hashed into audit.jsonl, so a hand edit fails `irac verify`.\n';
function parseIncident(text, path) {
    let value;
    try {
        value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { uniqueKeys: true, maxAliasCount: 0 });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, `is not valid YAML: ${error.message.split('\n')[0]}`);
    }
    const validate = (0,_validation_js__WEBPACK_IMPORTED_MODULE_2__/* .incidentValidator */ .$I)();
    if (!validate(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, `is not a valid incident: ${(0,_validation_js__WEBPACK_IMPORTED_MODULE_2__/* .describeErrors */ .rg)(validate.errors)}`);
    return value;
}
function serializeIncident(incident) {
    const ordered = {
        id: incident.id,
        title: incident.title,
        status: incident.status,
        severity: incident.severity,
        score: incident.score,
        playbook: incident.playbook,
        decision: incident.decision,
        fingerprint: incident.fingerprint,
        timestamps: {
            detected: incident.timestamps.detected,
            opened: incident.timestamps.opened,
            updated: incident.timestamps.updated,
            acknowledged: incident.timestamps.acknowledged,
            triaged: incident.timestamps.triaged,
            contained: incident.timestamps.contained,
            resolved: incident.timestamps.resolved,
        },
        events: incident.events,
        vendors: incident.vendors,
        kinds: incident.kinds,
        resources: incident.resources,
        actors: incident.actors,
        accounts: incident.accounts,
        approvals: incident.approvals,
        notifications: incident.notifications,
    };
    return HEADER + (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(ordered, { lineWidth: 0, aliasDuplicateObjects: false });
}
const SEVERITY_RANK = { low: 0, medium: 1, high: 2, critical: 3 };
function higherSeverity(a, b) {
    return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}
const LIST_LIMIT = 20;
function withDistinct(list, value) {
    if (value === undefined || list.includes(value) || list.length >= LIST_LIMIT)
        return [...list];
    return [...list, value];
}
function earlier(a, b) {
    return Date.parse(b) < Date.parse(a) ? b : a;
}
/** A new incident holding its first event. */
function openIncident(id, event, at) {
    return addEvent({
        id,
        title: event.title,
        status: 'open',
        severity: event.severity,
        score: null,
        playbook: null,
        decision: null,
        fingerprint: event.fingerprint,
        timestamps: {
            detected: event.timestamp,
            opened: at,
            updated: at,
            acknowledged: null,
            triaged: null,
            contained: null,
            resolved: null,
        },
        events: 0,
        vendors: [],
        kinds: [],
        resources: [],
        actors: [],
        accounts: [],
        approvals: [],
        notifications: {},
    }, event, at);
}
/** The incident with one more event: severity raised to the highest, summaries extended. */
function addEvent(incident, event, at) {
    return {
        ...incident,
        severity: higherSeverity(incident.severity, event.severity),
        timestamps: {
            ...incident.timestamps,
            detected: earlier(incident.timestamps.detected, event.timestamp),
            updated: at,
        },
        events: incident.events + 1,
        vendors: withDistinct(incident.vendors, event.vendor),
        kinds: withDistinct(incident.kinds, event.kind),
        resources: withDistinct(incident.resources, event.resource),
        actors: withDistinct(incident.actors, event.actor),
        accounts: withDistinct(incident.accounts, event.account),
    };
}
//# sourceMappingURL=incident.js.map

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
