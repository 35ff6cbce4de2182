export const id = 9939;
export const ids = [9939];
export const modules = {

/***/ 99939:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   INCIDENT_PROPERTY: () => (/* binding */ INCIDENT_PROPERTY),
/* harmony export */   createIssue: () => (/* binding */ createIssue)
/* harmony export */ });
// Opening the incident's Jira ticket. The ticket carries the incident id as a label, which is how a
// second run, a resumed run or a responder finds it again: an issue in the project already labelled
// with the id is reused, never duplicated. The id also goes into an issue property (`irac.incident`),
// which survives a person editing the labels. Tickets are closed by people, with a resolution, so
// nothing here is undone.
/** The entity property holding the incident id on tickets irac opens. */
const INCIDENT_PROPERTY = 'irac.incident';
/** A refusal in Jira's own words (`priority: The priority selected is invalid.`), not axios's. */
class JiraRefusal extends Error {
    name = 'JiraRefusal';
}
/**
 * Jira's HttpException class, for the catch paths. They follow a call made with the client, so jira.js is
 * loaded already: describe() and the plan never load it (it is the slowest SDK to load).
 */
const httpException = async () => (await __webpack_require__.e(/* import() */ 2670).then(__webpack_require__.bind(__webpack_require__, 32670))).HttpException;
async function jiraWords(error) {
    if (!(error instanceof (await httpException())))
        return error;
    const data = error.response?.data;
    const body = typeof data === 'object' && data !== null ? data : {};
    const messages = Array.isArray(body.errorMessages) ? body.errorMessages.map(String) : [];
    const fields = typeof body.errors === 'object' && body.errors !== null ? Object.entries(body.errors) : [];
    const words = [
        ...messages,
        ...fields.map(([field, message]) => `${field}: ${String(message)}`),
        ...(typeof body.message === 'string' ? [body.message] : []),
    ];
    return new JiraRefusal(`HTTP ${error.status}: ${words.join('; ') || error.message}`);
}
/** A jira.js call whose refusal is reported as Jira worded it. */
async function jiraCall(call) {
    try {
        return await call;
    }
    catch (error) {
        throw await jiraWords(error);
    }
}
/** Labels cannot hold spaces; an incident id never should, but one that did must not fail the ticket. */
const labelOf = (incidentId) => incidentId.replace(/\s+/g, '-');
/** Jira's limit on a summary, in characters. */
const SUMMARY_CHARACTERS = 255;
/**
 * The summary as Jira takes it: on one line (a newline makes Jira refuse the whole ticket, and the summary
 * comes from the event, so whoever wrote the event could otherwise keep the incident from being filed),
 * and cut visibly to Jira's length without splitting a character.
 */
function oneLineSummary(text) {
    const line = text.replace(/\p{Cc}+/gu, ' ').trim();
    if (line.length <= SUMMARY_CHARACTERS)
        return line;
    let cut = '';
    for (const character of line) {
        if (cut.length + character.length > SUMMARY_CHARACTERS - 1)
            break;
        cut += character;
    }
    return `${cut}…`;
}
/** A JQL string literal. */
const quoted = (value) => `"${value.replace(/["\\]/g, '\\$&')}"`;
const browseUrl = (self, key) => `${new URL(self).origin}/browse/${key}`;
async function issueByKey(client, key) {
    try {
        return await client.issues.getIssue({
            issueIdOrKey: key,
            fields: ['labels', 'project'],
            properties: [INCIDENT_PROPERTY],
        });
    }
    catch (error) {
        if (error instanceof (await httpException()) && error.status === 404)
            return null;
        throw await jiraWords(error);
    }
}
/** The oldest issue of the project carrying the incident's label, if any. */
async function labelledIssue(client, project, label) {
    const found = await jiraCall(client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
        jql: `project = ${quoted(project)} AND labels = ${quoted(label)}`,
        fields: ['labels'],
    }));
    const issues = (found.issues ?? []).filter((issue) => issue.key !== undefined && issue.self !== undefined);
    return issues.sort((a, b) => Number(a.id) - Number(b.id))[0] ?? null;
}
/** The ticket's body: what opened it, and the links a responder follows from it. */
function description(context) {
    const line = (text, href) => ({
        type: 'paragraph',
        content: [{ type: 'text', text, ...(href && { marks: [{ type: 'link', attrs: { href } }] }) }],
    });
    const { incident, run } = context.links ?? {};
    return {
        type: 'doc',
        version: 1,
        content: [
            line(`Opened by irac for incident ${context.incidentId}.`),
            ...(incident ? [line('Incident file', incident)] : []),
            ...(run ? [line('Workflow run', run)] : []),
        ],
    };
}
const createIssue = {
    name: 'jira:create_issue',
    describe: ({ project, issue_type }, { incidentId }) => [
        {
            call: 'jira:issue.search',
            target: project,
            effect: `find an issue labelled ${labelOf(incidentId)}`,
        },
        {
            call: 'jira:issue.create',
            target: project,
            effect: `open a ${issue_type} labelled ${labelOf(incidentId)}, unless one exists`,
        },
    ],
    async inspect(params, context, prior) {
        const client = await context.clients.jira();
        const label = labelOf(context.incidentId);
        let record = prior ?? {
            project: params.project,
            label,
            issue_key: null,
            issue_url: null,
        };
        // The recorded ticket first: a search right after a create may not list it yet.
        if (record.issue_key !== null && (await issueByKey(client, record.issue_key))) {
            return { state: `${record.issue_key} is open for ${label}`, record, mutations: [] };
        }
        const existing = await labelledIssue(client, params.project, label);
        if (existing?.key && existing.self) {
            record = { ...record, issue_key: existing.key, issue_url: browseUrl(existing.self, existing.key) };
            return { state: `${existing.key} is already labelled ${label}`, record, mutations: [] };
        }
        const labels = [...new Set([...params.labels, label])];
        const summary = oneLineSummary(params.summary);
        return {
            state: `no issue in ${params.project} is labelled ${label}`,
            record,
            mutations: [
                {
                    call: 'jira:issue.create',
                    target: params.project,
                    effect: `open a ${params.issue_type}: ${summary}`,
                    apply: async () => {
                        const created = await jiraCall(client.issues.createIssue({
                            fields: {
                                project: { key: params.project },
                                issuetype: { name: params.issue_type },
                                summary,
                                description: description(context),
                                labels,
                                ...(params.priority !== undefined && { priority: { name: params.priority } }),
                            },
                            properties: [{ key: INCIDENT_PROPERTY, value: { incident_id: context.incidentId } }],
                        }));
                        return { ...record, issue_key: created.key, issue_url: browseUrl(created.self, created.key) };
                    },
                },
            ],
        };
    },
    async verify(_params, context, record) {
        if (record.issue_key === null)
            return { ok: false, detail: `no issue was opened for ${record.label}` };
        const client = await context.clients.jira();
        const issue = await issueByKey(client, record.issue_key);
        if (!issue)
            return { ok: false, detail: `${record.issue_key} does not exist (deleted, or moved away)` };
        const labelled = (issue.fields.labels ?? []).includes(record.label);
        const property = issue.properties?.[INCIDENT_PROPERTY];
        return {
            ok: labelled && issue.fields.project.key === record.project,
            detail: `${issue.key} in ${issue.fields.project.key}, ${labelled ? 'labelled' : 'no longer labelled'} ` +
                `${record.label}${property === undefined ? '' : `, ${INCIDENT_PROPERTY} set`}`,
        };
    },
    undo: null,
};
//# sourceMappingURL=jira.js.map

/***/ })

};
