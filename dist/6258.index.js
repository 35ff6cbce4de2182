export const id = 6258;
export const ids = [6258];
export const modules = {

/***/ 56258:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GLOBAL_EVENTS_REGION: () => (/* binding */ GLOBAL_EVENTS_REGION),
/* harmony export */   evidenceDigest: () => (/* binding */ evidenceDigest),
/* harmony export */   lookupEvents: () => (/* binding */ lookupEvents),
/* harmony export */   regionsToSearch: () => (/* binding */ regionsToSearch)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24880);
// Collecting what the actor did: CloudTrail's management events for each of the incident's access keys,
// users and resources over a window, kept as evidence in the record — the Event items exactly as
// `aws cloudtrail lookup-events` prints them (irac's CloudTrail normalizer reads them back), each once,
// with the sha256 of their canonical JSON. It changes nothing in AWS: the "change" it makes is the
// evidence it adds to the incident, one lookup at a time, so a run cut short resumes at the lookup it
// was on rather than starting over.
//
// LookupEvents takes one attribute per request, pages of at most 50, and two requests a second per
// account and region, shared by everyone looking: every lookup this process makes waits for its slot.
//
// Event history is regional, and since 22 Nov 2021 CloudTrail keeps the events of IAM, STS and console
// sign-in only in us-east-1 (CloudTrail user guide, "Viewing CloudTrail events with the AWS CLI"). An
// incident in eu-west-1 looked up in eu-west-1 alone would show no CreateAccessKey, AttachUserPolicy or
// ConsoleLogin: every attribute is looked up in us-east-1 too, and the record says where each lookup and
// each event was found.


// Loaded on the first call, not with the module: describe() and the plan need no SDK.
const sdk = () => Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(7392)]).then(__webpack_require__.t.bind(__webpack_require__, 57392, 19));
/** Where CloudTrail keeps IAM, STS and sign-in events in the commercial partition. */
const GLOBAL_EVENTS_REGION = 'us-east-1';
const DEFAULT_RETENTION = '7d';
const DEFAULT_MAX_EVENTS = 5000;
const PAGE_SIZE = 50;
// Two lookups a second per account and region; the margin keeps the request's own time on the wire
// from putting a third one inside CloudTrail's second.
const LOOKUP_SPACING_MS = 550;
const nextSlot = new Map();
/** Waits until this process may send its next lookup to the target's account and region. */
async function lookupSlot(target) {
    const key = `${target.account ?? ''}/${target.region}`;
    const now = Date.now();
    const slot = Math.max(now, nextSlot.get(key) ?? 0);
    nextSlot.set(key, slot + LOOKUP_SPACING_MS);
    if (slot > now)
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(slot - now);
}
function retentionMillis(retention) {
    const match = /^([0-9]{1,3})([dh])$/.exec(retention);
    if (!match)
        throw new Error(`retention "${retention}" is not a number of days (7d) or hours (36h)`);
    return Number(match[1]) * (match[2] === 'd' ? 86_400_000 : 3_600_000);
}
const lookupName = ({ key, value }) => `${key}=${value}`;
/** A lookup as the plan and the record name it: where, and for what. */
const lookupTarget = (region, attribute) => `${region}: ${lookupName(attribute)}`;
/**
 * The regions to search: the target's, then us-east-1 when the target is another region of the
 * commercial partition. China and GovCloud keep their own global events, in a region AWS's notice does
 * not name; there the target region alone is searched.
 */
function regionsToSearch(region) {
    const commercial = !region.startsWith('cn-') && !region.startsWith('us-gov-');
    return commercial && region !== GLOBAL_EVENTS_REGION ? [region, GLOBAL_EVENTS_REGION] : [region];
}
/** Every lookup to make, region by region: the target's first, then us-east-1. */
function plannedLookups(regions, attributes) {
    return regions.flatMap((region) => attributes.map((attribute) => ({ region, attribute })));
}
const regionList = (regions) => regions.join(' and ');
/** An Event as JSON, as the AWS CLI prints it: absent fields left out, the time in ISO 8601. */
function eventJson(event) {
    const json = {};
    if (event.EventId !== undefined)
        json.EventId = event.EventId;
    if (event.EventName !== undefined)
        json.EventName = event.EventName;
    if (event.ReadOnly !== undefined)
        json.ReadOnly = event.ReadOnly;
    if (event.AccessKeyId !== undefined)
        json.AccessKeyId = event.AccessKeyId;
    if (event.EventTime !== undefined)
        json.EventTime = event.EventTime.toISOString();
    if (event.EventSource !== undefined)
        json.EventSource = event.EventSource;
    if (event.Username !== undefined)
        json.Username = event.Username;
    json.Resources = (event.Resources ?? []).map((resource) => {
        const item = {};
        if (resource.ResourceType !== undefined)
            item.ResourceType = resource.ResourceType;
        if (resource.ResourceName !== undefined)
            item.ResourceName = resource.ResourceName;
        return item;
    });
    if (event.CloudTrailEvent !== undefined)
        json.CloudTrailEvent = event.CloudTrailEvent;
    return json;
}
function evidenceDigest(events) {
    return (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .f)((0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)({ Events: events }));
}
/** The events of both, each once (by EventId), newest first; equal times keep the order found. */
function merged(known, found) {
    const byId = new Map();
    for (const event of [...known, ...found]) {
        const id = typeof event.EventId === 'string' ? event.EventId : (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .f)((0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)(event));
        if (!byId.has(id))
            byId.set(id, event);
    }
    const timeOf = (event) => (typeof event.EventTime === 'string' ? event.EventTime : '');
    return [...byId.values()].sort((a, b) => timeOf(b).localeCompare(timeOf(a)));
}
/** Every page of one lookup in one region over the window, up to `maxEvents`, each request in its slot. */
async function lookUp(context, region, attribute, record, maxEvents) {
    // One client and one pace per account and region: us-east-1 has its own two lookups a second.
    const target = { ...context.aws, region };
    const { CloudTrailClient, LookupEventsCommand } = await sdk();
    const client = await context.clients.aws(CloudTrailClient, target);
    const events = [];
    let nextToken;
    do {
        await lookupSlot(target);
        const page = await client.send(new LookupEventsCommand({
            LookupAttributes: [{ AttributeKey: attribute.key, AttributeValue: attribute.value }],
            StartTime: new Date(record.start_time),
            EndTime: new Date(record.end_time),
            MaxResults: Math.min(PAGE_SIZE, maxEvents - events.length),
            NextToken: nextToken,
        }));
        events.push(...(page.Events ?? []).map(eventJson));
        nextToken = page.NextToken;
    } while (nextToken && events.length < maxEvents);
    return { events, truncated: nextToken !== undefined };
}
const lookupEvents = {
    name: 'aws:cloudtrail.lookup_events',
    describe: ({ lookup_attributes, retention = DEFAULT_RETENTION, max_events = DEFAULT_MAX_EVENTS }, { aws }) => plannedLookups(regionsToSearch(aws.region), lookup_attributes).map(({ region, attribute }) => ({
        call: 'cloudtrail:LookupEvents',
        target: lookupTarget(region, attribute),
        effect: `management events of the last ${retention}, at most ${max_events}, kept as evidence` +
            (region === aws.region ? '' : ' (IAM, STS and sign-in events are kept in this region only)'),
    })),
    async inspect(params, context, prior) {
        const { lookup_attributes, retention = DEFAULT_RETENTION, max_events = DEFAULT_MAX_EVENTS } = params;
        const end = context.now();
        let record = prior ?? {
            start_time: new Date(end.getTime() - retentionMillis(retention)).toISOString(),
            end_time: end.toISOString(),
            regions: regionsToSearch(context.aws.region),
            lookups: [],
            events: [],
            event_regions: {},
            sha256: evidenceDigest([]),
        };
        const planned = plannedLookups(record.regions, lookup_attributes);
        const done = new Set(record.lookups.map((lookup) => lookupTarget(lookup.region, lookup)));
        const remaining = planned.filter(({ region, attribute }) => !done.has(lookupTarget(region, attribute)));
        const window = `${record.start_time} to ${record.end_time}, in ${regionList(record.regions)}`;
        const state = record.lookups.length === 0
            ? `no events collected yet (${window})`
            : `${record.events.length} events collected by ${record.lookups.length} of ` +
                `${planned.length} lookups (${window})`;
        const mutations = remaining.map(({ region, attribute }) => ({
            call: 'cloudtrail:LookupEvents',
            target: lookupTarget(region, attribute),
            effect: `events from ${record.start_time} to ${record.end_time}, at most ${max_events}`,
            apply: async () => {
                const found = await lookUp(context, region, attribute, record, max_events);
                const events = merged(record.events, found.events);
                const eventRegions = new Map(Object.entries(record.event_regions));
                for (const event of found.events) {
                    if (typeof event.EventId === 'string' && !eventRegions.has(event.EventId)) {
                        eventRegions.set(event.EventId, region);
                    }
                }
                record = {
                    ...record,
                    lookups: [
                        ...record.lookups,
                        {
                            key: attribute.key,
                            value: attribute.value,
                            region,
                            events: found.events.length,
                            truncated: found.truncated,
                        },
                    ],
                    events,
                    event_regions: Object.fromEntries(eventRegions),
                    sha256: evidenceDigest(events),
                };
                return record;
            },
        }));
        return { state, record, mutations };
    },
    async verify({ lookup_attributes }, _context, record) {
        const done = new Set(record.lookups.map((lookup) => lookupTarget(lookup.region, lookup)));
        const missing = plannedLookups(record.regions, lookup_attributes)
            .map(({ region, attribute }) => lookupTarget(region, attribute))
            .filter((lookup) => !done.has(lookup));
        const digest = evidenceDigest(record.events);
        if (digest !== record.sha256) {
            return { ok: false, detail: `the events no longer match their sha256 ${record.sha256}` };
        }
        if (missing.length > 0) {
            return { ok: false, detail: `not looked up yet: ${missing.join(', ')}` };
        }
        const truncated = record.lookups
            .filter((lookup) => lookup.truncated)
            .map((lookup) => lookupTarget(lookup.region, lookup));
        return {
            ok: true,
            detail: `${record.events.length} events from ${record.lookups.length} lookups in ` +
                `${regionList(record.regions)}, sha256 ${digest}` +
                (truncated.length > 0 ? `; stopped at max_events: ${truncated.join(', ')}` : ''),
        };
    },
    undo: null,
};
//# sourceMappingURL=cloudtrail.js.map

/***/ })

};
