export const id = 5700;
export const ids = [5700];
export const modules = {

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

/***/ })

};
