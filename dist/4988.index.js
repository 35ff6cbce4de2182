export const id = 4988;
export const ids = [4988,1338,5700];
export const modules = {

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

/***/ 55700:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   REMEDIATION_LABEL: () => (/* binding */ REMEDIATION_LABEL),
/* harmony export */   comment: () => (/* binding */ comment),
/* harmony export */   commentMarker: () => (/* binding */ commentMarker),
/* harmony export */   createIssue: () => (/* binding */ createIssue),
/* harmony export */   githubSelf: () => (/* binding */ githubSelf),
/* harmony export */   markedComment: () => (/* binding */ markedComment),
/* harmony export */   quietMentions: () => (/* binding */ quietMentions),
/* harmony export */   writtenBySelf: () => (/* binding */ writtenBySelf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
// The incident's GitHub issue, and comments on it. The issue carries the incident id as a label, which is
// how a second run, a resumed run or a responder finds it again: an open issue of the repository already
// labelled with the id is reused, never duplicated. A comment ends with a hidden marker (an HTML comment,
// which GitHub does not render) derived from the incident and the text, so a run that died between
// posting and journaling finds its comment instead of posting it twice — and the same text is posted
// once per incident.

function repoOf(fullName) {
    const [owner = '', repo = ''] = fullName.split('/');
    if (owner === '' || repo === '')
        throw new Error(`"${fullName}" is not an owner/name repository`);
    return { owner, repo };
}
/** A refusal in GitHub's own words (`HTTP 422: Validation Failed: {…}`), not the client's error type. */
class GitHubRefusal extends Error {
    name = 'GitHubRefusal';
}
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
function inGitHubWords(error) {
    const status = statusOf(error);
    if (status === undefined || !(error instanceof Error))
        return error;
    return new GitHubRefusal(`HTTP ${status}: ${error.message}`);
}
/** An Octokit call whose refusal is reported with GitHub's status and message. */
async function githubCall(call) {
    try {
        return await call;
    }
    catch (error) {
        throw inGitHubWords(error);
    }
}
/** The label that ties an issue to the incident: the incident id (`IR-20260314-ABCDEFGH`). */
const labelOf = (incidentId) => incidentId;
/** The oldest open issue (not pull request) of the repository carrying the label, if any. */
async function openIssueLabelled(octokit, repo, label) {
    const { data } = await githubCall(octokit.issues.listForRepo({
        ...repo,
        labels: label,
        state: 'open',
        sort: 'created',
        direction: 'asc',
        per_page: 100,
    }));
    // `irac report --pr` files remediation issues under the incident's label too: they are not its ticket.
    return (data.find((issue) => issue.pull_request === undefined && !labelNames(issue.labels).includes(REMEDIATION_LABEL)) ?? null);
}
/** The label `irac report --pr` gives the remediation issues it files. */
const REMEDIATION_LABEL = 'remediation';
/** The issue, or null when GitHub no longer shows it (deleted: 410; moved or hidden: 404). */
async function issueIfAny(octokit, repo, issueNumber) {
    try {
        return (await octokit.issues.get({ ...repo, issue_number: issueNumber })).data;
    }
    catch (error) {
        if (statusOf(error) === 404 || statusOf(error) === 410)
            return null;
        throw inGitHubWords(error);
    }
}
const labelNames = (labels) => labels.map((label) => (typeof label === 'string' ? label : (label.name ?? '')));
const at = (repository, issueNumber) => `${repository}#${issueNumber}`;
/** The issue's body: what opened it, and the links a responder follows from it. */
function issueBody(context) {
    const { incident, run } = context.links ?? {};
    return [
        `Opened by irac for incident \`${context.incidentId}\`.`,
        ...(incident || run ? [''] : []),
        ...(incident ? [`- [Incident file](${incident})`] : []),
        ...(run ? [`- [Workflow run](${run})`] : []),
    ].join('\n');
}
const createIssue = {
    name: 'github:create_issue',
    describe: ({ repository, title }, { incidentId }) => {
        const target = repository ?? 'the workflow repository';
        return [
            {
                call: 'github:issues.listForRepo',
                target,
                effect: `find an open issue labelled ${labelOf(incidentId)}`,
            },
            { call: 'github:issues.create', target, effect: `open "${title}", unless one exists` },
        ];
    },
    async inspect(params, context, prior) {
        const repository = prior?.repository ?? params.repository ?? context.clients.githubRepository();
        const repo = repoOf(repository);
        const label = labelOf(context.incidentId);
        const octokit = await context.clients.github();
        let record = prior ?? {
            repository,
            label,
            issue_number: null,
            issue_url: null,
            opened: false,
        };
        // The recorded issue first: it is the one this incident's earlier run opened or found.
        if (record.issue_number !== null) {
            const recorded = await issueIfAny(octokit, repo, record.issue_number);
            if (recorded?.state === 'open') {
                return { state: `${at(repository, recorded.number)} is open for ${label}`, record, mutations: [] };
            }
        }
        const existing = await openIssueLabelled(octokit, repo, label);
        if (existing) {
            record = {
                ...record,
                issue_number: existing.number,
                issue_url: existing.html_url,
                opened: record.opened && record.issue_number === existing.number,
            };
            return {
                state: `${at(repository, existing.number)} is already labelled ${label}`,
                record,
                mutations: [],
            };
        }
        const labels = [...new Set([...params.labels, label])];
        const assignees = [...(params.assignees ?? [])];
        return {
            state: `no open issue in ${repository} is labelled ${label}`,
            record,
            mutations: [
                {
                    call: 'github:issues.create',
                    target: repository,
                    effect: `open "${params.title}" labelled ${labels.join(', ')}`,
                    apply: async () => {
                        const { data } = await githubCall(octokit.issues.create({
                            ...repo,
                            title: params.title,
                            body: issueBody(context),
                            labels,
                            ...(assignees.length > 0 && { assignees }),
                        }));
                        return { ...record, issue_number: data.number, issue_url: data.html_url, opened: true };
                    },
                },
            ],
        };
    },
    async verify(_params, context, record) {
        if (record.issue_number === null)
            return { ok: false, detail: `no issue was opened for ${record.label}` };
        const octokit = await context.clients.github();
        const issue = await issueIfAny(octokit, repoOf(record.repository), record.issue_number);
        const where = at(record.repository, record.issue_number);
        if (!issue)
            return { ok: false, detail: `${where} does not exist (deleted, or moved away)` };
        const labelled = labelNames(issue.labels).includes(record.label);
        return {
            ok: labelled && issue.state === 'open',
            detail: `${where} is ${issue.state}, ${labelled ? 'labelled' : 'no longer labelled'} ${record.label}`,
        };
    },
    async undo(_params, context, record) {
        if (record.issue_number === null || !record.opened) {
            return { state: `this run opened no issue for ${record.label}`, record, mutations: [] };
        }
        const octokit = await context.clients.github();
        const repo = repoOf(record.repository);
        const issueNumber = record.issue_number;
        const where = at(record.repository, issueNumber);
        const issue = await issueIfAny(octokit, repo, issueNumber);
        if (issue?.state !== 'open') {
            return { state: `${where} is ${issue ? 'closed' : 'gone'}`, record, mutations: [] };
        }
        const close = {
            call: 'github:issues.update',
            target: where,
            effect: 'close as not planned',
            apply: async () => {
                await githubCall(octokit.issues.update({
                    ...repo,
                    issue_number: issueNumber,
                    state: 'closed',
                    state_reason: 'not_planned',
                }));
                return undefined;
            },
        };
        return { state: `${where} is open`, record, mutations: [close] };
    },
};
/** GitHub's limit on a comment, in characters. */
const MAX_COMMENT_CHARACTERS = 65536;
function commentMarker(incidentId, body) {
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${incidentId}\n${body}`).digest('hex').slice(0, 32);
    return `<!-- irac:${digest} -->`;
}
/**
 * The text with every `@name` and `@org/team` made inert — a word joiner after the `@` keeps it readable
 * but no longer a mention — so text from an event can never notify people on GitHub.
 */
function quietMentions(text) {
    return text.replace(/(^|[^\w`])@(?=[A-Za-z0-9])/g, '$1@\u2060');
}
/** The text, mentions made inert, with its marker on a line of its own; too long to carry it, cut visibly. */
function markedComment(body, marker) {
    const room = MAX_COMMENT_CHARACTERS - [...marker].length - 2;
    const quiet = quietMentions(body);
    const characters = [...quiet];
    const text = characters.length > room ? `${characters.slice(0, room - 1).join('')}…` : quiet;
    return `${text}\n\n${marker}`;
}
async function commentWithMarker(octokit, repo, issueNumber, marker) {
    const comments = await githubCall(octokit.paginate(octokit.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 }));
    return comments.find((comment) => comment.body?.trimEnd().endsWith(marker)) ?? null;
}
const comment = {
    name: 'github:comment',
    describe: ({ repository, issue_number, body }, { incidentId }) => {
        const where = repository ?? 'the workflow repository';
        const target = issue_number === undefined
            ? `${where}, the issue labelled ${labelOf(incidentId)}`
            : at(where, issue_number);
        const firstLine = body.split('\n', 1)[0] ?? '';
        return [
            ...(issue_number === undefined
                ? [
                    {
                        call: 'github:issues.listForRepo',
                        target: where,
                        effect: `find the open issue labelled ${labelOf(incidentId)}`,
                    },
                ]
                : []),
            { call: 'github:issues.listComments', target, effect: 'find this comment if it is already there' },
            {
                call: 'github:issues.createComment',
                target,
                effect: `comment "${firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine}"`,
            },
        ];
    },
    async inspect(params, context, prior) {
        const repository = prior?.repository ?? params.repository ?? context.clients.githubRepository();
        const repo = repoOf(repository);
        const octokit = await context.clients.github();
        let issueNumber = prior?.issue_number ?? params.issue_number;
        if (issueNumber === undefined) {
            const label = labelOf(context.incidentId);
            const issue = await openIssueLabelled(octokit, repo, label);
            if (!issue) {
                throw new Error(`no open issue in ${repository} is labelled ${label}: open one with github:create_issue first, or name issue_number`);
            }
            issueNumber = issue.number;
        }
        const where = at(repository, issueNumber);
        let record = prior ?? {
            repository,
            issue_number: issueNumber,
            marker: commentMarker(context.incidentId, params.body),
            comment_id: null,
            comment_url: null,
        };
        const existing = await commentWithMarker(octokit, repo, issueNumber, record.marker);
        if (existing) {
            record = { ...record, comment_id: existing.id, comment_url: existing.html_url };
            return { state: `${where} already has this comment`, record, mutations: [] };
        }
        const issueAt = issueNumber;
        return {
            state: `${where} does not have this comment`,
            record,
            mutations: [
                {
                    call: 'github:issues.createComment',
                    target: where,
                    effect: 'post the comment',
                    apply: async () => {
                        const { data } = await githubCall(octokit.issues.createComment({
                            ...repo,
                            issue_number: issueAt,
                            body: markedComment(params.body, record.marker),
                        }));
                        return { ...record, comment_id: data.id, comment_url: data.html_url };
                    },
                },
            ],
        };
    },
    async verify(_params, context, record) {
        const octokit = await context.clients.github();
        const found = await commentWithMarker(octokit, repoOf(record.repository), record.issue_number, record.marker);
        const where = at(record.repository, record.issue_number);
        return {
            ok: found !== null,
            detail: found ? `${where} has the comment (${found.html_url})` : `${where} does not have the comment`,
        };
    },
    undo: null,
};
async function githubSelf(octokit) {
    try {
        const { data } = await octokit.users.getAuthenticated();
        return { login: data.login };
    }
    catch (error) {
        if (statusOf(error) === 403)
            return { app: true };
        throw error;
    }
}
/**
 * Whether irac wrote the comment. A marker or an anchor line alone proves nothing — anyone who can
 * comment can write one — so only irac's own comments count.
 */
function writtenBySelf(self, comment) {
    const author = comment.user?.login;
    if ('login' in self)
        return author === self.login;
    const app = comment.performed_via_github_app?.slug;
    return app !== undefined && author === `${app}[bot]`;
}
//# sourceMappingURL=github.js.map

/***/ }),

/***/ 45273:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jt: () => (/* binding */ anchorSourcesOf),
/* harmony export */   ks: () => (/* binding */ verifyAnchors),
/* harmony export */   zI: () => (/* binding */ postAnchors)
/* harmony export */ });
/* unused harmony exports anchorLine, parseAnchorLine, incidentsAt, readIncidentAt, headOf, AnchorPlaceGone */
/* harmony import */ var _connectors_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1875);
/* harmony import */ var _connectors_github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55700);
/* harmony import */ var _store_incident_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81720);
/* harmony import */ var _store_layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32064);
/* harmony import */ var _store_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(56887);
// Externally anchored audit heads. Whoever can force-push can rewrite the branch, and `irac verify` would
// then check the rewritten history against itself. So each incident's audit head — the seq and hash of the
// last entry of its audit.jsonl, and the commit that appended it — is posted where the repository's
// writers cannot take it back: a reply in each of the incident's Slack threads and a comment on its ticket
// (the issue labelled with its id). `verifyAnchors` fetches every anchor back and proves the local history
// still holds it: the chain at HEAD has that entry at that seq, and the commit is an ancestor of HEAD. It
// finds them without asking that history where to look — it reads the configured channels' history and
// threads and every issue comment of the repository — so dropping an incident or its ticket's label hides
// nothing.
//
// An anchor is one line and nothing else, read back by a strict regex, posted by irac's own Slack bot or
// GitHub token and never edited; the same line from anyone else is only worth a warning, an edited one is
// a problem. Everything else in a thread or on a ticket is ignored. The line holds only the id, numbers and hashes — nothing from an event — so it can
// never carry a mention or a link. Posting is idempotent: a place whose newest anchor is already this head
// gets nothing new.





const INCIDENT_ID = 'IR-\\d{8}-[0-9a-hjkmnp-tv-z]{8}';
const ANCHOR = new RegExp(`^irac anchor (${INCIDENT_ID}) seq ([1-9][0-9]{0,14}) entry ([0-9a-f]{64}) commit ([0-9a-f]{40}|[0-9a-f]{64})$`);
const INCIDENT_TREE = new RegExp(`^${_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .INCIDENTS_DIR */ .k9}/\\d{4}/\\d{2}/(${INCIDENT_ID})$`);
const LABEL = new RegExp(`^${INCIDENT_ID}$`);
const THREAD_TS = /^[0-9]{1,10}\.[0-9]{6}$/;
const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;
function anchorLine(head) {
    return `irac anchor ${head.incident} seq ${head.seq} entry ${head.entry} commit ${head.commit}`;
}
/** The head a message or comment anchors, when its whole text is an anchor line; anything else is not one. */
function parseAnchorLine(text) {
    const match = ANCHOR.exec((text ?? '').trim());
    if (!match)
        return undefined;
    const [, incident = '', seq = '', entry = '', commit = ''] = match;
    return { incident, seq: Number(seq), entry, commit };
}
/** Every incident id in the tree of `commit`. */
async function incidentsAt(git, commit) {
    const trees = await git.output(['ls-tree', '-r', '-d', '--name-only', commit, '--', _store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .INCIDENTS_DIR */ .k9]);
    return trees.split('\n').flatMap((path) => INCIDENT_TREE.exec(path)?.[1] ?? []);
}
async function readIncidentAt(objects, commit, id) {
    const [yaml, audit] = await Promise.all([
        objects.readBlob(`${commit}:${(0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .incidentFile */ .rx)(id)}`),
        objects.readBlob(`${commit}:${(0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .auditFile */ .UA)(id)}`),
    ]);
    if (yaml === undefined)
        return undefined;
    const incident = (0,_store_incident_js__WEBPACK_IMPORTED_MODULE_2__/* .parseIncident */ .w4)(yaml.toString('utf8'), (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .incidentFile */ .rx)(id));
    const threads = Object.fromEntries(Object.entries(incident.notifications).filter(([, ts]) => THREAD_TS.test(ts)));
    return { id, threads, entries: (0,_store_record_js__WEBPACK_IMPORTED_MODULE_4__/* .parseAuditEntries */ .r$)(audit?.toString('utf8') ?? '') };
}
/** The incident's head at `commit`: its last entry, and the commit (at or before `commit`) that appended it. */
async function headOf(git, commit, incident) {
    const last = incident.entries.at(-1);
    if (!last)
        return undefined;
    const appended = await git.output(['log', '-1', '--format=%H', commit, '--', (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .auditFile */ .UA)(incident.id)]);
    return { incident: incident.id, seq: last.seq, entry: last.hash, commit: appended };
}
function slackLine(self, message, where) {
    const head = parseAnchorLine(message.text);
    if (!head)
        return undefined;
    const ours = (self.botId !== '' && message.bot_id === self.botId) ||
        (self.userId !== '' && message.user === self.userId);
    return {
        ...head,
        via: 'slack',
        where,
        ref: message.ts ?? '',
        ours,
        edited: message.edited !== undefined,
        by: message.bot_id ? `bot ${message.bot_id}` : `user ${message.user ?? 'unknown'}`,
    };
}
function githubLine(self, comment, where) {
    const head = parseAnchorLine(comment.body);
    if (!head)
        return undefined;
    const author = comment.user?.login ?? 'a deleted user';
    const ours = (0,_connectors_github_js__WEBPACK_IMPORTED_MODULE_1__.writtenBySelf)(self, comment);
    return {
        ...head,
        via: 'github',
        where,
        ref: comment.html_url,
        ours,
        edited: comment.updated_at !== comment.created_at,
        by: author,
    };
}
/** Only irac's own, unedited lines are anchors, when posting as when checking. */
const trusted = (line) => line.ours && !line.edited;
// ---------------------------------------------------------------------------------------------------------
// The places anchors go: Slack threads and GitHub tickets
/** A thread or ticket that is no longer there to read or post in (deleted, archived away, moved). */
class AnchorPlaceGone extends Error {
}
async function slackErrorCode(error) {
    const { WebAPIPlatformError } = await __webpack_require__.e(/* import() */ 5105).then(__webpack_require__.t.bind(__webpack_require__, 85105, 19));
    return error instanceof WebAPIPlatformError ? error.data.error : undefined;
}
/** The Slack refusals that mean the thread is not there (any other failure is the caller's to hear). */
async function whenGone(where, call) {
    try {
        return await call();
    }
    catch (error) {
        const code = await slackErrorCode(error);
        if (code === 'thread_not_found' || code === 'channel_not_found' || code === 'is_archived') {
            throw new AnchorPlaceGone(`${where}: ${code}`);
        }
        throw error;
    }
}
/**
 * Channel ids by name. The conversations.* methods take ids only, while incident.yaml keys a thread by the
 * channel as the steps name it (`#ir-aws`). Public channels are listed first, private ones only when a
 * name is still unknown, so a workspace whose incident channels are public needs no groups:read. Archived
 * channels are listed too: their anchors still count.
 */
function channelDirectory(client) {
    const byName = new Map();
    const listed = new Set();
    const list = async (types) => {
        if (listed.has(types))
            return;
        listed.add(types);
        for await (const page of client.paginate('conversations.list', {
            types,
            exclude_archived: false,
            limit: 200,
        })) {
            for (const channel of page.channels ?? []) {
                if (channel.id && channel.name)
                    byName.set(channel.name, channel.id);
            }
        }
    };
    return async (channel) => {
        if (CHANNEL_ID.test(channel))
            return channel;
        const name = channel.replace(/^#/, '');
        for (const types of ['public_channel', 'private_channel']) {
            if (byName.has(name))
                break;
            await list(types);
        }
        return byName.get(name);
    };
}
function slackThread(slack, channel, thread) {
    const { client } = slack;
    const where = `${channel} thread ${thread}`;
    const id = async () => {
        const found = await slack.channelId(channel);
        if (!found)
            throw new AnchorPlaceGone(`${where}: the bot sees no channel ${channel}`);
        return found;
    };
    return {
        via: 'slack',
        where,
        read: async () => {
            const channelIdFound = await id();
            const self = await slack.self();
            const lines = [];
            await whenGone(where, async () => {
                for await (const page of client.paginate('conversations.replies', {
                    channel: channelIdFound,
                    ts: thread,
                    limit: 200,
                })) {
                    for (const message of page.messages ?? []) {
                        const line = slackLine(self, message, where);
                        if (line)
                            lines.push(line);
                    }
                }
            });
            return lines;
        },
        post: async (line) => {
            const channelIdFound = await id();
            const posted = await whenGone(where, () => client.chat.postMessage({
                channel: channelIdFound,
                thread_ts: thread,
                text: line,
                unfurl_links: false,
                unfurl_media: false,
            }));
            return posted.ts ?? '';
        },
    };
}
const labelNames = (ticket) => ticket.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? '')));
/** Issues (not pull requests) labelled with the incident id, open or closed, oldest first. */
async function ticketsLabelled(github, incident) {
    const { octokit, owner, repo } = github;
    const issues = await octokit.paginate(octokit.issues.listForRepo, {
        owner,
        repo,
        labels: incident,
        state: 'all',
        sort: 'created',
        direction: 'asc',
        per_page: 100,
    });
    return issues.filter((issue) => issue.pull_request === undefined);
}
/** Every issue of the repository labelled with an incident id, by incident, oldest first. */
async function everyTicket(github) {
    const { octokit, owner, repo } = github;
    const issues = await octokit.paginate(octokit.issues.listForRepo, {
        owner,
        repo,
        state: 'all',
        sort: 'created',
        direction: 'asc',
        per_page: 100,
    });
    const byIncident = new Map();
    for (const issue of issues) {
        if (issue.pull_request !== undefined)
            continue;
        for (const label of labelNames(issue).filter((name) => LABEL.test(name))) {
            byIncident.set(label, [...(byIncident.get(label) ?? []), issue]);
        }
    }
    return byIncident;
}
function githubTicket(github, issueNumber) {
    const { octokit, owner, repo } = github;
    const where = `${github.repository}#${issueNumber}`;
    return {
        via: 'github',
        where,
        read: async () => {
            const self = await github.self();
            const comments = await octokit.paginate(octokit.issues.listComments, {
                owner,
                repo,
                issue_number: issueNumber,
                per_page: 100,
            });
            return comments.flatMap((comment) => githubLine(self, comment, where) ?? []);
        },
        post: async (line) => {
            const { data } = await octokit.issues.createComment({
                owner,
                repo,
                issue_number: issueNumber,
                body: line,
            });
            return data.html_url;
        },
    };
}
/** Memoizes one call: the identity is asked of a service once per run, and only when needed. */
function once(call) {
    let result;
    return () => {
        result ??= call();
        return result;
    };
}
async function unavailable(check) {
    try {
        await check();
        return undefined;
    }
    catch (error) {
        if (error instanceof _connectors_clients_js__WEBPACK_IMPORTED_MODULE_0__.ConnectorUnavailable)
            return error.message;
        throw error;
    }
}
async function reach(clients, action) {
    const slackWhy = await unavailable(() => clients.available(action === 'post' ? 'slack:chat.postMessage' : 'slack:conversations.replies'));
    const githubWhy = await unavailable(async () => {
        await clients.available(action === 'post' ? 'github:issues.createComment' : 'github:issues.listComments');
        clients.githubRepository();
    });
    let slack;
    if (slackWhy === undefined) {
        const client = await clients.slack();
        const self = once(async () => {
            const auth = await client.auth.test();
            return { userId: auth.user_id ?? '', botId: auth.bot_id ?? '' };
        });
        slack = { client, channelId: channelDirectory(client), self };
    }
    let github;
    if (githubWhy === undefined) {
        const repository = clients.githubRepository();
        const [owner = '', repo = ''] = repository.split('/');
        const octokit = await clients.github();
        github = { octokit, repository, owner, repo, self: once(() => (0,_connectors_github_js__WEBPACK_IMPORTED_MODULE_1__.githubSelf)(octokit)) };
    }
    return {
        ...(slack ? { slack } : {}),
        ...(github ? { github } : {}),
        skipped: {
            ...(slackWhy ? { slack: slackWhy } : {}),
            ...(githubWhy ? { github: githubWhy } : {}),
        },
    };
}
/** The places of an incident this run can reach: its threads, and its tickets (open ones only, to post). */
function placesOf(reached, incident, tickets) {
    const places = [];
    const { slack, github } = reached;
    if (slack) {
        for (const [channel, thread] of Object.entries(incident.threads)) {
            places.push(slackThread(slack, channel, thread));
        }
    }
    if (github)
        for (const ticket of tickets)
            places.push(githubTicket(github, ticket.number));
    return places;
}
/** Why a service was not used, when it mattered: Slack only when some incident has a thread. */
function skippedWarnings(reached, anyThread) {
    return [
        ...(reached.skipped.slack && anyThread ? [`Slack skipped: ${reached.skipped.slack}`] : []),
        ...(reached.skipped.github ? [`GitHub skipped: ${reached.skipped.github}`] : []),
    ];
}
const reachedAny = (reached) => reached.slack !== undefined || reached.github !== undefined;
/**
 * Posts the heads at `commit` of the incidents `ids` (all of them with a thread or ticket when `ids` is
 * undefined) in each of their threads and on their open ticket, where the newest anchor is not that head.
 */
async function postAnchors(git, commit, ids, clients) {
    const reached = await reach(clients, 'post');
    if (!reachedAny(reached))
        return { anchored: [], warnings: [], reachable: false };
    const objects = await git.objects();
    try {
        const all = ids === undefined && reached.github ? await everyTicket(reached.github) : undefined;
        const wanted = ids ?? (await incidentsAt(git, commit));
        const incidents = await Promise.all(wanted.map((id) => readIncidentAt(objects, commit, id)));
        const warnings = skippedWarnings(reached, incidents.some((incident) => incident && Object.keys(incident.threads).length > 0));
        const anchored = [];
        for (const incident of incidents) {
            if (!incident)
                continue;
            const tickets = !reached.github
                ? []
                : all
                    ? (all.get(incident.id) ?? [])
                    : await ticketsLabelled(reached.github, incident.id);
            // The ticket is the oldest open issue labelled with the id, as github:create_issue finds it.
            const ticket = tickets.filter((issue) => issue.state === 'open').slice(0, 1);
            const places = placesOf(reached, incident, ticket);
            const head = places.length > 0 ? await headOf(git, commit, incident) : undefined;
            if (head)
                anchored.push(await anchorIn(places, head, warnings));
        }
        return { anchored, warnings, reachable: true };
    }
    finally {
        await objects.close();
    }
}
async function anchorIn(places, head, warnings) {
    const line = anchorLine(head);
    const posted = [];
    const current = [];
    for (const place of places) {
        try {
            const newest = (await place.read())
                .filter((line) => trusted(line) && line.incident === head.incident)
                .at(-1);
            if (newest && anchorLine(newest) === line) {
                current.push(place.where);
                continue;
            }
            const ref = await place.post(line);
            posted.push({ ...head, via: place.via, where: place.where, ref });
        }
        catch (error) {
            if (!(error instanceof AnchorPlaceGone))
                throw error;
            warnings.push(`${head.incident}: not anchored in ${error.message}`);
        }
    }
    return { incident: head.incident, head, posted, current };
}
function anchorSourcesOf(playbooks) {
    const steps = playbooks.flatMap((playbook) => playbook.steps);
    const channels = steps.flatMap((step) => {
        const written = step.action.runs === 'slack:post_message' ? step.parameters.channel?.written : undefined;
        return typeof written === 'string' && !written.includes('{{') ? [written] : [];
    });
    return {
        channels: [...new Set(channels)].sort(),
        github: steps.some((step) => step.action.runs.startsWith('github:')),
    };
}
/** What a service answered when it refused: Slack's error code, or GitHub's status and message. */
async function refusalOf(error) {
    const code = await slackErrorCode(error);
    if (code !== undefined)
        return code;
    const status = error.status;
    return typeof status === 'number' ? `${status} ${error.message}` : undefined;
}
/** Runs a read; a refusal becomes a problem (the anchors there are unknown), anything else is thrown. */
async function readOr(problems, what, read) {
    try {
        await read();
    }
    catch (error) {
        const refusal = await refusalOf(error);
        if (refusal === undefined)
            throw error;
        problems.push(`${what}: anchors cannot be read: ${refusal}`);
    }
}
/** Every anchor-looking line in a channel: its messages and every thread's replies, archived or not. */
async function linesInChannel(slack, channel, lines, warnings) {
    const id = await slack.channelId(channel);
    if (!id) {
        warnings.push(`Slack ${channel}: the bot sees no such channel: no anchor read there`);
        return;
    }
    const self = await slack.self();
    for await (const page of slack.client.paginate('conversations.history', { channel: id, limit: 200 })) {
        for (const message of page.messages ?? []) {
            const line = slackLine(self, message, `${channel} ${message.ts ?? ''}`);
            if (line)
                lines.push(line);
            if ((message.reply_count ?? 0) === 0 || !message.ts)
                continue;
            const where = `${channel} thread ${message.ts}`;
            for await (const replies of slack.client.paginate('conversations.replies', {
                channel: id,
                ts: message.ts,
                limit: 200,
            })) {
                for (const reply of replies.messages ?? []) {
                    const found = reply.ts === message.ts ? undefined : slackLine(self, reply, where);
                    if (found)
                        lines.push(found);
                }
            }
        }
    }
}
/** Every anchor-looking comment of the repository, on any issue, labelled or not. */
async function linesInComments(github, lines) {
    const { octokit, owner, repo } = github;
    const self = await github.self();
    const comments = await octokit.paginate(octokit.issues.listCommentsForRepo, {
        owner,
        repo,
        per_page: 100,
    });
    for (const comment of comments) {
        const issue = /\/issues\/([0-9]+)$/.exec(comment.issue_url)?.[1] ?? '?';
        const line = githubLine(self, comment, `${github.repository}#${issue}`);
        if (line)
            lines.push(line);
    }
}
/**
 * Finds every anchor where irac posts them — the configured channels' history and threads, the
 * repository's issue comments — without asking the history being checked where to look, and checks each
 * against `head`. Under verification a service that cannot be read is a problem, not a warning: its
 * anchors could be the ones that say the history was rewritten.
 */
async function verifyAnchors(git, head, clients, sources) {
    const reached = await reach(clients, 'read');
    if (!reachedAny(reached)) {
        return { incidents: [], problems: [], warnings: [], unanchored: [], reachable: false };
    }
    const problems = [];
    const warnings = [];
    if (sources.channels.length > 0 && reached.skipped.slack) {
        problems.push(`Slack: anchors cannot be read: ${reached.skipped.slack}`);
    }
    if (sources.github && reached.skipped.github) {
        problems.push(`GitHub: anchors cannot be read: ${reached.skipped.github}`);
    }
    const lines = [];
    const { slack, github } = reached;
    if (slack) {
        for (const channel of sources.channels) {
            await readOr(problems, `Slack ${channel}`, () => linesInChannel(slack, channel, lines, warnings));
        }
    }
    if (github)
        await readOr(problems, `GitHub ${github.repository}`, () => linesInComments(github, lines));
    const objects = await git.objects();
    try {
        const atHead = await incidentsAt(git, head);
        const ids = [...new Set([...atHead, ...lines.map((line) => line.incident)])].sort();
        const incidents = new Map();
        for (const id of ids)
            incidents.set(id, await readIncidentAt(objects, head, id));
        const checks = new AnchorChecks(git, head);
        const report = [];
        for (const id of ids) {
            const incident = incidents.get(id);
            const places = new Map();
            for (const line of lines.filter((candidate) => candidate.incident === id)) {
                if (!line.ours) {
                    warnings.push(`${line.where} (${line.ref}): an anchor line for ${id} posted by ${line.by}, not by irac: not an anchor`);
                    continue;
                }
                places.set(line.where, (places.get(line.where) ?? 0) + 1);
                const problem = line.edited
                    ? editedProblem(line, incident)
                    : await checks.problemWith(line, incident);
                if (problem)
                    problems.push(problem);
            }
            const checked = [...places.values()].reduce((sum, count) => sum + count, 0);
            if (checked > 0) {
                report.push({
                    incident: id,
                    checked,
                    places: [...places].map(([where, anchors]) => ({ where, anchors })),
                });
            }
        }
        const anchoredIds = new Set(report.map((incident) => incident.incident));
        const unanchored = atHead.filter((id) => (incidents.get(id)?.entries.length ?? 0) > 0 && !anchoredIds.has(id));
        return { incidents: report, problems: problems.sort(), warnings, unanchored, reachable: true };
    }
    finally {
        await objects.close();
    }
}
function editedProblem(line, incident) {
    const path = incident ? (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .auditFile */ .UA)(line.incident) : (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .incidentDir */ .Qe)(line.incident);
    return (`${path}: ${line.incident}'s head anchored in ${line.where} (${line.ref}), seq ${line.seq} entry ${line.entry}, ` +
        'was edited after it was posted: irac never edits an anchor, so what it anchored is unknown');
}
/** The checks of anchors against one HEAD, each commit asked of git once. */
class AnchorChecks {
    git;
    head;
    commits = new Map();
    constructor(git, head) {
        this.git = git;
        this.head = head;
    }
    commitState(commit) {
        let state = this.commits.get(commit);
        if (!state) {
            state = (async () => {
                if ((await this.git.resolveCommit(commit)) !== commit)
                    return 'missing';
                const result = await this.git.run(['merge-base', '--is-ancestor', commit, this.head], {
                    okCodes: [0, 1],
                });
                return result.exitCode === 0 ? 'ancestor' : 'not-ancestor';
            })();
            this.commits.set(commit, state);
        }
        return state;
    }
    async problemWith(anchor, incident) {
        const reasons = [];
        if (!incident) {
            reasons.push('the incident is not in the store at HEAD');
        }
        else {
            const entry = incident.entries.find((candidate) => candidate.seq === anchor.seq);
            if (!entry)
                reasons.push(`the chain at HEAD has no entry ${anchor.seq}`);
            else if (entry.hash !== anchor.entry)
                reasons.push(`entry ${anchor.seq} at HEAD is ${entry.hash}`);
        }
        const state = await this.commitState(anchor.commit);
        if (state === 'missing')
            reasons.push(`commit ${anchor.commit} is not in this repository`);
        if (state === 'not-ancestor')
            reasons.push(`commit ${anchor.commit} is not an ancestor of HEAD`);
        if (reasons.length === 0)
            return undefined;
        const path = incident ? (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .auditFile */ .UA)(anchor.incident) : (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .incidentDir */ .Qe)(anchor.incident);
        return (`${path}: ${anchor.incident}'s head anchored in ${anchor.where} (${anchor.ref}), seq ${anchor.seq} entry ${anchor.entry}, ` +
            `is missing from the local history: ${reasons.join('; ')} — the history was rewritten after it was anchored`);
    }
}
//# sourceMappingURL=anchors.js.map

/***/ })

};
