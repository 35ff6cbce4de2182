export const id = 4143;
export const ids = [4143];
export const modules = {

/***/ 64143:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   escapeMrkdwn: () => (/* binding */ escapeMrkdwn),
/* harmony export */   postMessage: () => (/* binding */ postMessage),
/* harmony export */   summaryOf: () => (/* binding */ summaryOf)
/* harmony export */ });
// Telling a channel about the incident: one Block Kit message with its severity, title, score, resources,
// playbook and links to the incident file and the workflow run, posted as a reply in the incident's
// thread when the channel already has one. The title and resources come from the event, that is from
// whoever caused it: every piece of them is escaped and set verbatim, so that nothing an attacker writes
// becomes a link, a formatting trick or a notification (<!channel>, @here, <@U…>) in the SOC's Slack.
// Slack's limits: section text 3000 characters, a field 2000, a header 150; ten fields to a section.
const SECTION_CHARS = 3000;
const FIELD_CHARS = 2000;
const FALLBACK_TITLE_CHARS = 300;
const RESOURCES_SHOWN = 10;
const TS = /^[0-9]{1,10}\.[0-9]{6}$/;
// Only links the run built itself, and nothing that would end Slack's <url|label> early.
const SAFE_URL = /^https:\/\/[^\s<>|]{1,2000}$/;
/**
 * Text for mrkdwn that Slack shows as written: its three control characters escaped, as Slack's
 * formatting reference asks, then cut to `max` characters without splitting an entity.
 */
function escapeMrkdwn(text, max) {
    const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const characters = [...escaped];
    if (characters.length <= max)
        return escaped;
    const cut = characters.slice(0, max - 1).join('');
    // A trailing `&`, `&l`, `&amp` … is an entity cut in two.
    return `${cut.replace(/&[a-z]{0,3}$/, '')}…`;
}
/** A mrkdwn text object that Slack leaves as written: no auto-links, no mentions from plain words. */
const verbatim = (text) => ({ type: 'mrkdwn', text, verbatim: true });
function severityLabel(params) {
    return params.severity ? params.severity.toUpperCase() : 'NEW';
}
/** The blocks and the notification text of the summary. Only the incident id and severity are unescaped. */
function summaryOf(params, context) {
    const label = severityLabel(params);
    const blocks = [
        { type: 'header', text: { type: 'plain_text', text: `${label} incident ${context.incidentId}` } },
    ];
    if (params.text)
        blocks.push({ type: 'section', text: verbatim(escapeMrkdwn(params.text, SECTION_CHARS)) });
    if (params.title) {
        blocks.push({ type: 'section', text: verbatim(`*${escapeMrkdwn(params.title, SECTION_CHARS - 2)}*`) });
    }
    const fields = [
        params.severity && `*Severity*\n${params.severity}`,
        params.score !== undefined && `*Score*\n${params.score.toFixed(2)}`,
        params.playbook && `*Playbook*\n${escapeMrkdwn(params.playbook, FIELD_CHARS - 20)}`,
        params.resources?.length && resourcesField(params.resources),
    ].filter((field) => typeof field === 'string');
    if (fields.length > 0)
        blocks.push({ type: 'section', fields: fields.map(verbatim) });
    const links = [
        context.links?.incident &&
            SAFE_URL.test(context.links.incident) &&
            `<${context.links.incident}|Incident file>`,
        context.links?.run && SAFE_URL.test(context.links.run) && `<${context.links.run}|Workflow run>`,
    ].filter((link) => typeof link === 'string');
    if (links.length > 0)
        blocks.push({ type: 'context', elements: [verbatim(links.join('  ·  '))] });
    const title = params.title ? `: ${escapeMrkdwn(params.title, FALLBACK_TITLE_CHARS)}` : '';
    return { text: `${label} incident ${context.incidentId}${title}`, blocks };
}
function resourcesField(resources) {
    const shown = resources.slice(0, RESOURCES_SHOWN).map((resource) => escapeMrkdwn(resource, 150));
    const more = resources.length > RESOURCES_SHOWN ? `\n… and ${resources.length - RESOURCES_SHOWN} more` : '';
    return `*Resources*\n${shown.join('\n')}${more}`;
}
/**
 * The thread to reply in: the incident's in this channel, when asked for and well-formed — as the step
 * names it, else as incident.yaml holds it when the step runs.
 */
function threadOf(params, context) {
    if (params.thread === false)
        return null;
    const threads = params.threads ?? context?.threads;
    const ts = threads && Object.hasOwn(threads, params.channel) ? threads[params.channel] : null;
    return ts && TS.test(ts) ? ts : null;
}
/**
 * Whether Slack refused with this error code. Only asked after a call made with the WebClient, so the
 * SDK it loads for the class is loaded already: describe() and the plan never load it.
 */
async function isSlackError(error, code) {
    const { WebAPIPlatformError } = await __webpack_require__.e(/* import() */ 5105).then(__webpack_require__.t.bind(__webpack_require__, 85105, 19));
    return error instanceof WebAPIPlatformError && error.data.error === code;
}
const slack = (context) => context.clients.slack();
const postMessage = {
    name: 'slack:post_message',
    describe: (params) => [
        { call: 'slack:auth.test', target: 'the bot token', effect: 'check the token and who it posts as' },
        {
            call: 'slack:chat.postMessage',
            target: params.channel,
            effect: `post the ${severityLabel(params).toLowerCase()} incident's summary${params.thread === false ? '' : ", in the incident's thread when the channel has one"}`,
        },
    ],
    async inspect(params, context, prior) {
        const client = await slack(context);
        const identity = await client.auth.test();
        const record = prior ?? {
            channel: params.channel,
            channel_id: null,
            ts: null,
            thread_ts: threadOf(params, context),
        };
        const poster = `posting as @${identity.user ?? 'unknown'} in ${identity.team ?? 'Slack'}`;
        if (record.ts !== null) {
            return { state: `${poster}; ${record.channel} has message ${record.ts}`, record, mutations: [] };
        }
        const where = record.thread_ts === null ? record.channel : `${record.channel} thread ${record.thread_ts}`;
        const summary = summaryOf(params, context);
        const post = (thread_ts) => client.chat.postMessage({
            channel: params.channel,
            text: summary.text,
            blocks: summary.blocks,
            unfurl_links: false,
            unfurl_media: false,
            ...(thread_ts === null ? {} : { thread_ts }),
        });
        return {
            state: `${poster}; nothing posted to ${record.channel} for ${context.incidentId}`,
            record,
            mutations: [
                {
                    call: 'slack:chat.postMessage',
                    target: where,
                    effect: `post "${summary.text.slice(0, 120)}"`,
                    apply: async () => {
                        let thread = record.thread_ts;
                        let posted;
                        try {
                            posted = await post(thread);
                        }
                        catch (error) {
                            // The thread's first message was deleted: a message of its own beats one never seen.
                            if (thread === null || !(await isSlackError(error, 'thread_not_found')))
                                throw error;
                            thread = null;
                            posted = await post(null);
                        }
                        return {
                            ...record,
                            channel_id: posted.channel ?? null,
                            ts: posted.ts ?? null,
                            thread_ts: thread,
                        };
                    },
                },
            ],
        };
    },
    async verify(params, context, record) {
        if (record.ts === null || record.channel_id === null) {
            return { ok: false, detail: `nothing was posted to ${params.channel}` };
        }
        const client = await slack(context);
        try {
            const { permalink } = await client.chat.getPermalink({
                channel: record.channel_id,
                message_ts: record.ts,
            });
            return { ok: true, detail: `${record.channel}: message ${record.ts} is there: ${permalink ?? ''}` };
        }
        catch (error) {
            if (!(await isSlackError(error, 'message_not_found')))
                throw error;
            return { ok: false, detail: `${record.channel}: message ${record.ts} is no longer there` };
        }
    },
    // A message once read cannot be unsent; deleting it would erase part of the record.
    undo: null,
    // A message of its own starts the incident's thread in this channel; a reply keeps the thread it joined.
    threadsOf: (record) => {
        const first = record.thread_ts ?? record.ts;
        return first === null ? {} : { [record.channel]: first };
    },
};
//# sourceMappingURL=slack.js.map

/***/ })

};
