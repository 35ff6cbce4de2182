export const id = 554;
export const ids = [554,1875];
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

/***/ 90554:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ackFromComment: () => (/* binding */ ackFromComment),
  escalateIncidents: () => (/* binding */ escalateIncidents),
  explainEscalation: () => (/* binding */ explainEscalation)
});

// UNUSED EXPORTS: ackCommand, escalateCommand

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/src/connectors/clients.js
var connectors_clients = __webpack_require__(1875);
// EXTERNAL MODULE: ./lib/src/connectors/environment.js
var environment = __webpack_require__(31338);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/digest.js
var digest = __webpack_require__(24880);
// EXTERNAL MODULE: ./lib/src/json.js
var json = __webpack_require__(38674);
// EXTERNAL MODULE: ./lib/src/store/audit.js
var store_audit = __webpack_require__(5611);
// EXTERNAL MODULE: ./lib/src/store/incident.js
var store_incident = __webpack_require__(81720);
// EXTERNAL MODULE: ./lib/src/store/layout.js
var layout = __webpack_require__(32064);
// EXTERNAL MODULE: ./lib/src/store/readme.js
var readme = __webpack_require__(62248);
// EXTERNAL MODULE: ./lib/src/store/record.js
var record = __webpack_require__(56887);
;// CONCATENATED MODULE: ./lib/src/escalate/roles.js
// Who a role of the escalation matrix is, where it is paged: a Slack user group (mentioned in the
// incident's thread) and a GitHub team (mentioned on the incident's ticket), and which GitHub team may
// acknowledge an incident with `/ack` — the configuration's notifications.roles and notifications.ack_team,
// checked against schemas/config.schema.json when it is loaded. What they name is mentioned as written:
// it is reviewed in pull requests like the rest of the configuration, never text from an event.
/** Where the mapping is written, for messages. */
const ROLES_SETTING = 'notifications.roles';
const ACK_TEAM_SETTING = 'notifications.ack_team';
function splitTeam(team) {
    const [org = '', slug = ''] = team.split('/');
    return { org, slug };
}
/** The configuration's mapping; none (every role unmapped, nobody may /ack) when it names none. */
function escalationRoles(config) {
    const { roles, ack_team } = config.settings.notifications;
    return { roles, ...(ack_team !== undefined && { ack_team }) };
}
//# sourceMappingURL=roles.js.map
// EXTERNAL MODULE: ./lib/src/escalate/schedule.js
var schedule = __webpack_require__(99790);
;// CONCATENATED MODULE: ./lib/src/escalate/ack.js
// Acknowledging an incident stops its escalation: `irac ack ID --by USER`, or a `/ack` comment on the
// incident's GitHub issue (the ir-ack workflow). Either way one `ack` audit entry (who, when, how) and
// incident.yaml's `acknowledged` time, in one commit; the first acknowledgement is the one that counts.
//
// From GitHub, the comment is only the request: its author must be an active member of the team the
// configuration allows (asked of GitHub's API, never inferred from the comment or the author's
// association), and the incident is the one whose id labels the issue — the comment's text names nothing.










// A login or an address: printable, no spaces or controls, so it cannot forge a line in a log or a commit.
const WHO = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/;
function ack_checkAcknowledger(text, where = '--by') {
    if (!WHO.test(text)) {
        throw new errors/* InputError */.dz(where, 'must be a login or an address (letters, digits, . _ @ + -; at most 100 characters)');
    }
    return text;
}
async function ack_acknowledgeIncident(tx, id, context) {
    const incident = await (0,record/* readIncident */.rM)(tx, id);
    if (!incident)
        throw new errors/* InputError */.dz(id, 'no such incident in the store');
    const auditText = (await tx.readText((0,layout/* auditFile */.UA)(id))) ?? '';
    const earlier = (0,schedule/* acknowledgement */.Jt)((0,record/* parseAuditEntries */.r$)(auditText));
    if (earlier)
        return { outcome: 'already', ...earlier };
    if (incident.status === 'resolved')
        return { outcome: 'resolved' };
    const at = context.now().toISOString();
    const acknowledged = {
        ...incident,
        timestamps: { ...incident.timestamps, acknowledged: at, updated: at },
    };
    const incidentYaml = (0,store_incident/* serializeIncident */.Rr)(acknowledged);
    const data = {
        summary: `acknowledged by ${context.by}`,
        by: context.by,
        via: context.via,
        ...(context.comment ? { comment: context.comment } : {}),
        incident_sha256: (0,digest/* sha256Hex */.f)(incidentYaml),
    };
    const { entry, line } = (0,store_audit/* nextEntry */.oP)(auditText, {
        at,
        actor: context.actor,
        action: 'ack',
        incident: id,
        data,
    });
    const audit = auditText + line;
    tx.write((0,layout/* incidentFile */.rx)(id), incidentYaml);
    tx.write((0,layout/* auditFile */.UA)(id), audit);
    tx.write((0,layout/* readmeFile */.tK)(id), (0,readme/* renderIncidentReadme */.Lt)(acknowledged, (0,record/* parseAuditEntries */.r$)(audit)));
    const commit = await tx.commit({
        subject: `ack: ${id} by ${context.by}`,
        trailers: (0,record/* auditTrailers */.YT)(entry),
    });
    return { outcome: 'acknowledged', at, commit };
}
const field = (value, key) => (0,json/* isJsonObject */.OW)(value) ? value[key] : undefined;
/**
 * The acknowledgement an issue_comment event (the runner's event file) asks for: a new comment whose
 * whole text is `/ack`, on an issue (not a pull request) carrying exactly one incident id as a label.
 * Anything else is refused in one line.
 */
function ackRequestOf(event) {
    const where = 'issue_comment event';
    if (field(event, 'action') !== 'created')
        throw new errors/* InputError */.dz(where, 'is not a new comment');
    const comment = field(event, 'comment');
    const body = field(comment, 'body');
    if (typeof body !== 'string' || body.trim() !== '/ack') {
        throw new errors/* InputError */.dz(where, 'the comment is not exactly /ack');
    }
    const issue = field(event, 'issue');
    if (field(issue, 'pull_request') !== undefined)
        throw new errors/* InputError */.dz(where, 'is on a pull request, not an incident issue');
    const labels = field(issue, 'labels');
    const ids = (Array.isArray(labels) ? labels : [])
        .map((label) => field(label, 'name'))
        .filter((name) => typeof name === 'string' && (0,layout/* isIncidentId */.iX)(name));
    if (ids.length !== 1) {
        throw new errors/* InputError */.dz(where, ids.length === 0
            ? 'the issue is labelled with no incident id'
            : `the issue is labelled with ${ids.length} incident ids`);
    }
    const login = field(field(comment, 'user'), 'login');
    if (typeof login !== 'string')
        throw new errors/* InputError */.dz(where, 'the comment has no author');
    const url = field(comment, 'html_url');
    return {
        incident: ids[0],
        login: ack_checkAcknowledger(login, `${where}: comment.user.login`),
        comment: typeof url === 'string' ? url : '',
    };
}
/**
 * Whether `login` is an active member of `team` (`org/slug`), asked of GitHub:
 * `GET /orgs/{org}/teams/{team_slug}/memberships/{username}` is 200 with state `active` for one.
 * A pending invitation, a 404 (not a member, or a team the token cannot see) is no.
 */
async function isActiveMember(octokit, team, login) {
    const { org, slug } = splitTeam(team);
    try {
        const { data } = await octokit.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
        return data.state === 'active';
    }
    catch (error) {
        const status = error.status;
        if (status === 404)
            return false;
        if (status === 401 || status === 403) {
            throw new errors/* OperationError */.OK(`cannot read ${team}'s members (HTTP ${status}): the token needs the organisation's Members: read permission`);
        }
        throw error;
    }
}
//# sourceMappingURL=ack.js.map
// EXTERNAL MODULE: ./lib/src/connectors/github.js
var github = __webpack_require__(55700);
;// CONCATENATED MODULE: ./lib/src/escalate/notify.js
// Paging a role: a reply in each of the incident's Slack threads mentioning the role's user group, and a
// comment on the incident's ticket (the open issue labelled with its id) mentioning its GitHub team. The
// text is built from the incident id, its severity and the matrix only — nothing an event's sender wrote —
// so the one mention in it is the one the configuration asked for.
//
// The comment carries a hidden marker per incident, severity and level: a run that paged but died before
// recording it finds its comment on the next run instead of posting it twice — a comment irac's own
// identity wrote; the same marker posted by anyone else does not count. A Slack reply has no such handle,
// so it may be sent twice in that one case; a page sent twice is the lesser failure than one never sent.
//
// A refusal (the bot is not in the channel, the channel is archived, the thread is gone, the issue is
// locked) is final for that place and that level: it is reported as skipped, with Slack's or GitHub's
// reason, and the other places are still paged. Only a failure that may pass (no answer, a 5xx, a rate
// limit) is worth another run; escalate.ts records the level unless that is all that happened.


const TS = /^[0-9]{1,10}\.[0-9]{6}$/;
function headline(request) {
    const { level, severity, incident } = request;
    const when = level.level === 1 ? 'recorded' : `unacknowledged ${level.after} after it was recorded`;
    return `escalation ${level.level}/${level.of} (${level.role}): ${severity} incident ${incident}, ${when}`;
}
const howToAck = (incident) => `Acknowledge with a \`/ack\` comment on the incident's issue, or \`irac ack ${incident} --by <you>\`.`;
function slackText(request) {
    const group = request.role?.slack_user_group;
    const who = group ? `<!subteam^${group}>` : request.level.role;
    return `${who} ${headline(request)}. ${howToAck(request.incident)}`;
}
function githubText(request) {
    const team = request.role?.github_team;
    const who = team ? `@${team}` : `\`${request.level.role}\``;
    return `${who} ${headline(request)}.\n\n${howToAck(request.incident)}`;
}
/** The hidden marker of a level's comment: the same for every run that pages that level of that chain. */
const levelMarker = (incident, severity, level) => (0,github.commentMarker)(incident, `escalate ${severity} level ${level}`);
async function reachable(clients, action) {
    try {
        await clients.available(action);
        return undefined;
    }
    catch (error) {
        if (error instanceof connectors_clients.ConnectorUnavailable)
            return error.message;
        throw error;
    }
}
/** Slack's refusal code (`not_in_channel`, `is_archived`, `thread_not_found`), or undefined for any other failure. */
async function slackRefusal(error) {
    const { WebAPIPlatformError } = await __webpack_require__.e(/* import() */ 5105).then(__webpack_require__.t.bind(__webpack_require__, 85105, 19));
    return error instanceof WebAPIPlatformError ? String(error.data.error) : undefined;
}
/** A 4xx GitHub answered for good: not a rate limit, which passes. */
function githubRefusal(error) {
    const status = error?.status;
    if (typeof status !== 'number' || status < 400 || status >= 500 || status === 429)
        return undefined;
    const message = error instanceof Error ? error.message : '';
    return /rate limit/i.test(message) ? undefined : `HTTP ${status}: ${message}`.slice(0, 300);
}
const failureText = (error) => (error instanceof Error ? error.message : String(error)).slice(0, 300);
async function pageInSlack(request, outcome) {
    const threads = Object.entries(request.threads).filter(([, ts]) => TS.test(ts));
    if (threads.length === 0) {
        outcome.skipped.push('slack: the incident has no thread');
        return;
    }
    const unavailable = await reachable(request.clients, 'slack:chat.postMessage');
    if (unavailable) {
        outcome.skipped.push(`slack: ${unavailable}`);
        return;
    }
    const client = await request.clients.slack();
    const text = slackText(request);
    for (const [channel, thread] of threads) {
        const where = `${channel} thread ${thread}`;
        try {
            const posted = await client.chat.postMessage({
                channel,
                thread_ts: thread,
                text,
                unfurl_links: false,
                unfurl_media: false,
            });
            outcome.delivered.push({ via: 'slack', where, ref: posted.ts ?? '' });
        }
        catch (error) {
            const refused = await slackRefusal(error);
            if (refused !== undefined)
                outcome.skipped.push(`slack: ${where}: refused: ${refused}`);
            else
                outcome.failed.push(`slack: ${where}: ${failureText(error)}`);
        }
    }
}
/** The oldest open issue (not pull request) labelled with the incident id: its ticket. */
async function ticketOf(octokit, owner, repo, incident) {
    const { data } = await octokit.issues.listForRepo({
        owner,
        repo,
        labels: incident,
        state: 'open',
        sort: 'created',
        direction: 'asc',
        per_page: 100,
    });
    return data.find((issue) => issue.pull_request === undefined);
}
async function pageOnGitHub(request, outcome) {
    const unavailable = await reachable(request.clients, 'github:issues.createComment');
    if (unavailable) {
        outcome.skipped.push(`github: ${unavailable}`);
        return;
    }
    try {
        await commentOnTicket(request, outcome);
    }
    catch (error) {
        const refused = githubRefusal(error);
        if (refused !== undefined)
            outcome.skipped.push(`github: refused: ${refused}`);
        else
            outcome.failed.push(`github: ${failureText(error)}`);
    }
}
async function commentOnTicket(request, { delivered, skipped }) {
    const repository = request.clients.githubRepository();
    const [owner = '', repo = ''] = repository.split('/');
    const octokit = await request.clients.github();
    const ticket = await ticketOf(octokit, owner, repo, request.incident);
    if (!ticket) {
        skipped.push(`github: no open issue in ${repository} is labelled ${request.incident}`);
        return;
    }
    const where = `${repository}#${ticket.number}`;
    const marker = levelMarker(request.incident, request.level.severity, request.level.level);
    const comments = await octokit.paginate(octokit.issues.listComments, {
        owner,
        repo,
        issue_number: ticket.number,
        per_page: 100,
    });
    const marked = comments.filter((comment) => comment.body?.trimEnd().endsWith(marker));
    const self = marked.length > 0 ? await (0,github.githubSelf)(octokit) : undefined;
    const earlier = self && marked.find((comment) => (0,github.writtenBySelf)(self, comment));
    if (earlier) {
        delivered.push({ via: 'github', where, ref: earlier.html_url });
        return;
    }
    const { data } = await octokit.issues.createComment({
        owner,
        repo,
        issue_number: ticket.number,
        body: `${githubText(request)}\n\n${marker}`,
    });
    delivered.push({ via: 'github', where, ref: data.html_url });
}
/** Pages the level's role wherever the incident is discussed; a place that fails does not stop the others. */
async function pageRole(request) {
    const outcome = { delivered: [], skipped: [], failed: [] };
    if (!request.role)
        outcome.skipped.push(`${request.level.role}: no Slack user group or GitHub team mapped`);
    await pageInSlack(request, outcome);
    await pageOnGitHub(request, outcome);
    return outcome;
}
//# sourceMappingURL=notify.js.map
;// CONCATENATED MODULE: ./lib/src/escalate/escalate.js
// `irac escalate`: for every incident nobody has acknowledged or resolved, page each escalation level that
// has fallen due (src/escalate/schedule.ts) and record it — one `escalate` audit entry and one commit per
// level — so that the next run, from any clone, pages nobody twice. A level is paged first and recorded
// after: a run that dies in between pages again rather than never.
//
// One incident's trouble is not the next one's: a place that refuses is recorded as skipped, with its
// reason, and the level is recorded even when nobody could be reached — a refusal does not pass, so
// paging again every run would only repeat the pages that did go out. Only a level where nothing was
// delivered and something may pass (no answer, a 5xx) is left unrecorded, for the next run; whatever
// fails in an incident is reported in `failures` and the run goes on with the next one.






const INCIDENT_TREE = /^incidents\/\d{4}\/\d{2}\/(IR-\d{8}-[0-9a-hjkmnp-tv-z]{8})$/;
/** Every incident id at `commit`, from its tree (the store keeps no index of open incidents). */
async function incidentIds(git, commit) {
    if (commit === undefined)
        return [];
    const trees = await git.output(['ls-tree', '-r', '-d', '--name-only', commit, '--', layout/* INCIDENTS_DIR */.k9]);
    return trees.split('\n').flatMap((path) => INCIDENT_TREE.exec(path)?.[1] ?? []);
}
/** What is due now, read from one state of the store. */
async function pendingEscalations(tx, git, matrix, now) {
    const ids = await incidentIds(git, tx.base);
    const pending = [];
    const upcoming = [];
    for (const id of ids) {
        const incident = await (0,record/* readIncident */.rM)(tx, id);
        if (!incident)
            continue;
        const entries = (0,record/* parseAuditEntries */.r$)((await tx.readText((0,layout/* auditFile */.UA)(id))) ?? '');
        const state = (0,schedule/* escalationState */.to)(incident, entries, matrix, now);
        if (state.kind !== 'escalating')
            continue;
        if (state.due.length > 0)
            pending.push({ incident, due: state.due });
        if (state.next)
            upcoming.push({ incident: id, role: state.next.role, due_at: state.next.due_at });
    }
    return { pending, upcoming, incidents: ids.length };
}
/**
 * Records that a level was paged: one `escalate` entry, the README rendered again, one commit. Nothing
 * when the trail already has that level (another run recorded it meanwhile).
 */
async function recordEscalation(tx, id, level, context) {
    const incident = await (0,record/* readIncident */.rM)(tx, id);
    if (!incident)
        return null;
    const auditText = (await tx.readText((0,layout/* auditFile */.UA)(id))) ?? '';
    const entries = (0,record/* parseAuditEntries */.r$)(auditText);
    if (entries.some((entry) => (0,schedule/* wasSent */.Kk)(entry, level.severity, level.level)))
        return null;
    const reached = context.delivered.map((delivery) => delivery.where);
    const summary = `level ${level.level}/${level.of} ${level.role} paged${reached.length > 0 ? ` (${reached.join(', ')})` : ': nobody reachable'}`;
    const { entry, line } = (0,store_audit/* nextEntry */.oP)(auditText, {
        at: context.at,
        actor: context.actor,
        action: 'escalate',
        incident: id,
        data: {
            summary,
            level: level.level,
            of: level.of,
            role: level.role,
            severity: level.severity,
            due_at: level.due_at,
            delivered: [...context.delivered],
            skipped: [...context.skipped],
        },
    });
    const audit = auditText + line;
    tx.write((0,layout/* auditFile */.UA)(id), audit);
    tx.write((0,layout/* readmeFile */.tK)(id), (0,readme/* renderIncidentReadme */.Lt)(incident, (0,record/* parseAuditEntries */.r$)(audit)));
    return tx.commit({
        subject: `escalate: ${id} ${summary}`.slice(0, 120),
        body: [`due ${level.due_at}: unacknowledged ${level.after} after it was recorded`],
        trailers: (0,record/* auditTrailers */.YT)(entry),
    });
}
/** Pages and records one incident's due levels in order; stops at a level neither delivered nor recorded. */
async function escalateIncident(context, { incident, due }, at, report) {
    const { apply, roles, clients, actor } = context;
    for (const level of due) {
        const page = await pageRole({
            incident: incident.id,
            severity: level.severity,
            level,
            role: Object.hasOwn(roles.roles, level.role) ? roles.roles[level.role] : undefined,
            threads: incident.notifications,
            clients,
        });
        if (page.delivered.length === 0 && page.failed.length > 0) {
            // Nothing went out and it may next time: the next run pages it (and the levels after it) again.
            const reason = `level ${level.level} ${level.role} not paged, retried next run: ${page.failed.join('; ')}`;
            report.failures.push({ incident: incident.id, level: level.level, reason });
            return;
        }
        const skipped = [...page.skipped, ...page.failed];
        const commit = await apply((tx) => recordEscalation(tx, incident.id, level, { actor, at, delivered: page.delivered, skipped }));
        report.escalations.push({
            incident: incident.id,
            severity: level.severity,
            level: level.level,
            of: level.of,
            role: level.role,
            due_at: level.due_at,
            delivered: page.delivered,
            skipped,
            commit,
        });
    }
}
/** Pages every level due at `now`, each recorded in its own commit; what the scheduled workflow runs. */
async function escalate(context) {
    const at = context.now.toISOString();
    const { pending, upcoming, incidents } = await context.apply((tx) => pendingEscalations(tx, context.git, context.matrix, context.now));
    const report = { escalations: [], failures: [] };
    for (const one of pending) {
        try {
            await escalateIncident(context, one, at, report);
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            report.failures.push({ incident: one.incident.id, level: null, reason: reason.slice(0, 500) });
        }
    }
    return { at, incidents, ...report, upcoming };
}
//# sourceMappingURL=escalate.js.map
// EXTERNAL MODULE: ./lib/src/cli/anchor-command.js
var anchor_command = __webpack_require__(95054);
// EXTERNAL MODULE: ./lib/src/cli/store-context.js + 1 modules
var store_context = __webpack_require__(96752);
;// CONCATENATED MODULE: ./lib/src/cli/escalate-command.js
// `irac escalate [--json]`: page the next role of every incident whose escalation level has timed out.
// `irac ack ID --by USER`: acknowledge an incident, which stops its escalation. And the two as the Action
// runs them: escalateIncidents (the scheduled ir-escalate workflow) and ackFromComment (ir-ack, on a
// `/ack` comment, which reads the runner's event file itself).










function applier(store) {
    return (operation) => store.repository.apply(operation, store.publish).then((applied) => applied.result);
}
const clientsOf = (store) => (0,connectors_clients.createClients)((0,environment.connectorEnvironment)(store.config.settings, process.env));
/** Every level due now paged and recorded; the checkout catches up once, at the end. */
async function escalateIncidents(options = {}) {
    const store = await (0,store_context.openStore)(options);
    const roles = escalationRoles(store.config);
    const clients = options.clients ?? clientsOf(store);
    const { result, warnings } = await store.repository.batch(() => escalate({
        apply: applier(store),
        git: store.repository.git,
        matrix: store.config.settings.notifications.escalation_matrix,
        roles,
        clients,
        actor: store.actor,
        now: (options.now ?? (() => new Date()))(),
    }));
    const recorded = result.escalations.flatMap((e) => (e.commit ? [e.incident] : []));
    const anchoring = await (0,anchor_command/* anchorAfterOperations */.OC)(store, recorded, clients);
    // An incident whose paging failed is in the report's failures; say so where people read, too.
    const failed = result.failures.map((failure) => `${failure.incident}: level ${failure.level} not paged: ${failure.reason}`);
    return { ...result, warnings: [...warnings, ...failed, ...anchoring.warnings] };
}
/** The report as a responder reads it: one line per page, then what comes next. */
function explainEscalation(report) {
    const lines = [];
    for (const e of report.escalations) {
        const where = e.delivered.map((d) => d.where).join(', ') || 'nobody reachable';
        const recorded = e.commit ? `recorded in ${e.commit.slice(0, 12)}` : 'already recorded by another run';
        lines.push(`escalated ${e.incident} ${e.severity}: level ${e.level}/${e.of} ${e.role} → ${where} (${recorded})`);
        for (const skipped of e.skipped)
            lines.push(`  not paged: ${skipped}`);
    }
    for (const u of report.upcoming)
        lines.push(`next: ${u.incident} ${u.role} at ${u.due_at}`);
    lines.push(`${report.escalations.length} level${report.escalations.length === 1 ? '' : 's'} paged, ${report.upcoming.length} incident${report.upcoming.length === 1 ? '' : 's'} still escalating, ${report.incidents} looked at`);
    return `${lines.join('\n')}\n`;
}
async function escalateCommand(options, io) {
    const report = await escalateIncidents(options);
    for (const warning of report.warnings)
        io.stderr(`irac: warning: ${warning}\n`);
    io.stdout(options.json ? `${JSON.stringify(report)}\n` : explainEscalation(report));
}
function explainAck(id, outcome) {
    switch (outcome.outcome) {
        case 'acknowledged':
            return `acknowledged: ${id} at ${outcome.at} in ${outcome.commit.slice(0, 12)}\n`;
        case 'already':
            return `unchanged: ${id} was acknowledged by ${outcome.by} at ${outcome.at}\n`;
        case 'resolved':
            return `unchanged: ${id} is resolved\n`;
    }
}
async function ackCommand(id, options, io) {
    checkIncidentId(id, 'ID');
    const by = checkAcknowledger(options.by);
    const store = await openStore(options);
    const outcome = await applier(store)((tx) => acknowledgeIncident(tx, id, { by, via: 'cli', actor: store.actor, now: () => new Date() }));
    io.stdout(options.json ? `${JSON.stringify({ incident: id, ...outcome })}\n` : explainAck(id, outcome));
}
/**
 * The ir-ack workflow's step: the `/ack` comment of the runner's event file, its author checked against
 * the allowed team through GitHub's API, recorded as the incident's acknowledgement. Refused in one line
 * (InputError or OperationError) otherwise, with nothing written.
 */
async function ackFromComment(options = {}) {
    const env = options.env ?? process.env;
    if (env.GITHUB_EVENT_NAME !== 'issue_comment') {
        throw new errors/* InputError */.dz('GITHUB_EVENT_NAME', `\`ack\` takes an issue_comment event, not ${JSON.stringify(env.GITHUB_EVENT_NAME ?? '')}`);
    }
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        throw new errors/* InputError */.dz('GITHUB_EVENT_PATH', 'is not set: `ack` reads the comment from the event file');
    let event;
    try {
        event = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (error) {
        throw new errors/* InputError */.dz('GITHUB_EVENT_PATH', `cannot be read as JSON: ${error.message.split('\n')[0]}`);
    }
    const request = ackRequestOf(event);
    const store = await (0,store_context.openStore)(options);
    const roles = escalationRoles(store.config);
    if (!roles.ack_team) {
        throw new errors/* InputError */.dz(store.config.path ?? 'configuration', `sets no ${ACK_TEAM_SETTING}: nobody may acknowledge from GitHub`);
    }
    const clients = options.clients ?? clientsOf(store);
    const octokit = await clients.github();
    if (!(await isActiveMember(octokit, roles.ack_team, request.login))) {
        throw new errors/* OperationError */.OK(`${request.login} is not an active member of ${roles.ack_team}: ${request.incident} is not acknowledged`);
    }
    const outcome = await applier(store)((tx) => ack_acknowledgeIncident(tx, request.incident, {
        by: request.login,
        via: 'github-comment',
        ...(request.comment ? { comment: request.comment } : {}),
        actor: store.actor,
        now: options.now ?? (() => new Date()),
    }));
    const ids = outcome.outcome === 'acknowledged' ? [request.incident] : [];
    const { warnings } = await (0,anchor_command/* anchorAfterOperations */.OC)(store, ids, clients);
    return { incident: request.incident, by: request.login, ...outcome, warnings };
}
//# sourceMappingURL=escalate-command.js.map

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

/***/ 99790:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jt: () => (/* binding */ acknowledgement),
/* harmony export */   Kk: () => (/* binding */ wasSent),
/* harmony export */   Ow: () => (/* binding */ severitySince),
/* harmony export */   to: () => (/* binding */ escalationState)
/* harmony export */ });
/* unused harmony exports ingestedAt, escalationLevels, sentLevels */
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96435);
/* harmony import */ var _store_incident_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81720);
// When each role of the escalation matrix is due for an incident, from its audit trail alone: the first
// role as soon as the incident reached its current severity, each next one once the previous one's
// timeout has run out without an acknowledgement. A level is due once per severity: the trail's
// `escalate` entries say which were sent, and for which severity. Pure, so a clone computes the same
// schedule as the run.
//
// Severity can rise after the incident opened (a more severe event joins it, or triage scores it
// higher). The raised severity's chain starts then, not at the first ingest: an incident raised to
// critical a day later pages critical's first role, not every role at once; and medium's first page does
// not count as critical's.


/** The time the incident was first recorded: its first `ingest` entry. */
function ingestedAt(entries) {
    return entries.find((entry) => entry.action === 'ingest')?.at;
}
const SEVERITIES = new Set(['low', 'medium', 'high', 'critical']);
const severityIn = (value) => typeof value === 'string' && SEVERITIES.has(value) ? value : undefined;
/**
 * When the incident reached `severity`: the time of the first audit entry after which its recorded
 * severity was `severity`. The trail is replayed as the store wrote incident.yaml: an `ingest` entry
 * raises the severity to its event's (higherSeverity; the first one opens it at that), a `triage` entry
 * sets it to the one triage decided. Undefined when the replay never reaches it (a trail written before
 * entries carried severities); callers then start from the first ingest.
 */
function severitySince(entries, severity) {
    let current;
    for (const entry of entries) {
        const recorded = severityIn(entry.data.severity);
        if (recorded === undefined)
            continue;
        if (entry.action === 'ingest')
            current = current ? (0,_store_incident_js__WEBPACK_IMPORTED_MODULE_1__/* .higherSeverity */ .TT)(current, recorded) : recorded;
        else if (entry.action === 'triage')
            current = recorded;
        else
            continue;
        if (current === severity)
            return entry.at;
    }
    return undefined;
}
/** The levels of a severity's chain, each with when it falls due for a chain started at `started`. */
function escalationLevels(severity, chain, started) {
    const start = Date.parse(started);
    let elapsedMs = 0;
    let after = '0m';
    return chain.map((step, index) => {
        const level = {
            severity,
            level: index + 1,
            of: chain.length,
            role: step.role,
            due_at: new Date(start + elapsedMs).toISOString(),
            after,
        };
        elapsedMs += (0,_config_config_js__WEBPACK_IMPORTED_MODULE_0__/* .durationMs */ .pc)(step.timeout);
        after = index === 0 ? step.timeout : `${after} + ${step.timeout}`;
        return level;
    });
}
/** Whether the trail has a page of this level of this severity's chain. */
const wasSent = (entry, severity, level) => entry.action === 'escalate' && entry.data.severity === severity && entry.data.level === level;
/** The levels of `severity`'s chain the trail says were sent. */
function sentLevels(entries, severity) {
    return new Set(entries
        .filter((entry) => wasSent(entry, severity, entry.data.level))
        .map((entry) => entry.data.level));
}
/**
 * The incident's acknowledgement, from its trail: the first `ack`, or the first approval — a reviewer who
 * approved its containment has taken it (irac metrics counts the same). Undefined when neither happened.
 */
function acknowledgement(entries) {
    // An empty approved_by names nobody: it acknowledges nothing (metrics requires a name too).
    const taken = entries.find((entry) => entry.action === 'ack' || (typeof entry.data.approved_by === 'string' && entry.data.approved_by !== ''));
    if (!taken)
        return undefined;
    const by = taken.action === 'ack' ? (taken.data.by ?? taken.actor) : taken.data.approved_by;
    return { by: String(by), at: taken.at };
}
function escalationState(incident, entries, matrix, now) {
    if (incident.status === 'resolved')
        return { kind: 'quiet', why: 'resolved' };
    const ack = acknowledgement(entries);
    if (ack)
        return { kind: 'quiet', why: `acknowledged by ${ack.by}` };
    // Triage judged these not worth a person's time (a suppression rule) or already covered by others.
    if (incident.decision === 'suppressed' || incident.decision === 'aggregated') {
        return { kind: 'quiet', why: incident.decision };
    }
    const chain = matrix[incident.severity];
    if (!chain)
        return { kind: 'quiet', why: `no escalation chain for ${incident.severity}` };
    const ingested = ingestedAt(entries);
    if (ingested === undefined)
        return { kind: 'quiet', why: 'no ingest entry in its audit trail' };
    const started = severitySince(entries, incident.severity) ?? ingested;
    const sent = sentLevels(entries, incident.severity);
    const levels = escalationLevels(incident.severity, chain, started).filter((level) => !sent.has(level.level));
    const due = levels.filter((level) => Date.parse(level.due_at) <= now.getTime());
    return { kind: 'escalating', due, next: levels.find((level) => !due.includes(level)) };
}
//# sourceMappingURL=schedule.js.map

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

/***/ })

};
