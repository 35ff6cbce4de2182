export const id = 2218;
export const ids = [2218];
export const modules = {

/***/ 62281:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dR: () => (/* binding */ DEFAULT_LIMITS),
/* harmony export */   oF: () => (/* binding */ parseEmbeddedJson),
/* harmony export */   r9: () => (/* binding */ readDocuments)
/* harmony export */ });
/* unused harmony export structureProblem */
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24880);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65071);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38674);
/* harmony import */ var _display_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6481);
// Bytes in, JSON documents out. A document is one whole JSON text, or one line of NDJSON. The
// limits are enforced here, before any code recurses into a payload: size per document, nesting
// depth, and keys that could pollute prototypes downstream.





const DEFAULT_LIMITS = { maxPayloadBytes: 1024 * 1024, maxDepth: 64 };
/**
 * Prototype poisoning, as secure-json-parse defines it: a `__proto__` key anywhere (it rewrites a
 * prototype the moment code copies the object with Object.assign or a merge), and `constructor`
 * holding an object with `prototype` (the `constructor.prototype` path). A lone `constructor` or
 * `prototype` key is data — an AWS tag key, a Kubernetes label — and rejecting it would let anyone
 * who can name a tag make irac refuse the real events around it. JSON.parse makes every key an own
 * property, and every read in irac is own-property only (FieldReader, Maps for data tables).
 */
function isPoisonKey(key, value) {
    if (key === '__proto__')
        return true;
    return key === 'constructor' && (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value) && Object.hasOwn(value, 'prototype');
}
const NEWLINE = 0x0a;
function parseError(error) {
    const message = error instanceof Error ? error.message : String(error);
    return `invalid JSON: ${(0,_display_js__WEBPACK_IMPORTED_MODULE_3__/* .displayText */ .WV)(message, 160) ?? 'does not parse'}`;
}
/**
 * Where a parsed value breaks the limits: nesting deeper than maxDepth, or a prototype-polluting key.
 * Recursion stops at the depth limit, so hostile nesting cannot overflow the stack; the path is only
 * built when there is a problem (this runs for every event, and allocating paths dominated its cost).
 */
function structureProblem(value, maxDepth) {
    const problem = findProblem(value, 1, maxDepth);
    if (!problem)
        return undefined;
    const path = locateProblem(value, [], maxDepth) ?? [];
    if (problem === 'depth')
        return { path, what: `nesting is deeper than ${maxDepth} levels` };
    return { path, what: `key "${String(path[path.length - 1])}" is not accepted (prototype pollution guard)` };
}
function checkStructure(value, origin, maxDepth) {
    const problem = structureProblem(value, maxDepth);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${origin}: ${(0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .formatPath */ .jV)(problem.path)}`, problem.what);
}
/**
 * A JSON document a vendor embeds as a string (CloudTrail lookup-events' CloudTrailEvent, IAM policy
 * documents), parsed under the same limits as a received document.
 */
function parseEmbeddedJson(text, limits = DEFAULT_LIMITS) {
    if (text.length > limits.maxPayloadBytes) {
        return { path: [], what: `is ${text.length} characters; the limit is ${limits.maxPayloadBytes}` };
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return { path: [], what: parseError(error) };
    }
    return structureProblem(value, limits.maxDepth) ?? { value };
}
function findProblem(node, depth, maxDepth) {
    if (Array.isArray(node)) {
        for (const item of node) {
            if (typeof item === 'object' && item !== null) {
                if (depth >= maxDepth)
                    return 'depth';
                const problem = findProblem(item, depth + 1, maxDepth);
                if (problem)
                    return problem;
            }
        }
        return undefined;
    }
    for (const key in node) {
        const item = node[key];
        if (isPoisonKey(key, item))
            return 'key';
        if (typeof item === 'object' && item !== null) {
            if (depth >= maxDepth)
                return 'depth';
            const problem = findProblem(item, depth + 1, maxDepth);
            if (problem)
                return problem;
        }
    }
    return undefined;
}
/** The path to the first problem findProblem reported (slow, runs once, on rejection). */
function locateProblem(node, path, maxDepth) {
    if (typeof node !== 'object' || node === null)
        return undefined;
    if (path.length >= maxDepth)
        return path;
    const entries = Array.isArray(node)
        ? node.map((item, i) => [i, item])
        : Object.keys(node).map((key) => [key, node[key]]);
    for (const [key, item] of entries) {
        if (typeof key === 'string' && isPoisonKey(key, item))
            return [...path, key];
        const found = locateProblem(item, [...path, key], maxDepth);
        if (found)
            return found;
    }
    return undefined;
}
function tooLarge(origin, bytes, limits) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(origin, `payload is ${bytes} bytes; the limit is ${limits.maxPayloadBytes} (--max-bytes raises it)`);
}
function document(bytes, text, origin, limits) {
    if (bytes.length > limits.maxPayloadBytes)
        throw tooLarge(origin, bytes.length, limits);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(origin, parseError(error));
    }
    checkStructure(value, origin, limits.maxDepth);
    return { origin, value, sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .f)(bytes), bytes };
}
function isBlank(text) {
    const first = text.charCodeAt(0);
    // A JSON text starts with { [ " or a literal: only blank lines need the full check.
    if (first !== 0x20 && first !== 0x09 && first !== 0x0d && first !== 0x0a && !Number.isNaN(first))
        return false;
    return text.trim() === '';
}
/** JSON's insignificant whitespace only, checked on bytes so a large input is not decoded for it. */
function isBlankBytes(buffer, start, end) {
    for (let i = start; i < end; i++) {
        const byte = buffer[i];
        if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09)
            return false;
    }
    return true;
}
/**
 * Splits input into documents: the whole input when it is one JSON text, otherwise one document per
 * non-blank line (NDJSON). `name` is how errors refer to the input.
 */
function* readDocuments(input, name, limits = DEFAULT_LIMITS) {
    if (!(0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(input))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, 'input is not valid UTF-8 text');
    const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    if (isBlankBytes(buffer, bom, buffer.length))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, 'input is empty');
    const firstBreak = buffer.indexOf(NEWLINE, bom);
    const multiLine = firstBreak !== -1 && !isBlankBytes(buffer, firstBreak + 1, buffer.length);
    if (!multiLine) {
        // Checked before decoding: a string of a 600 MB document would pass V8's limit on string length.
        if (buffer.length > limits.maxPayloadBytes)
            throw tooLarge(name, buffer.length, limits);
        yield document(buffer, buffer.toString('utf8', bom), name, limits);
        return;
    }
    const ndjson = firstLineIsJson(buffer, bom, firstBreak);
    if (buffer.length <= limits.maxPayloadBytes) {
        let value;
        try {
            value = JSON.parse(buffer.toString('utf8', bom));
        }
        catch (error) {
            // A pretty-printed document that fails to parse is reported as such, not as bad NDJSON.
            if (!ndjson)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, parseError(error));
        }
        if (value !== undefined) {
            checkStructure(value, name, limits.maxDepth);
            yield { origin: name, value, sha256: (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .f)(buffer), bytes: buffer };
            return;
        }
    }
    else if (!ndjson) {
        throw tooLarge(name, buffer.length, limits);
    }
    yield* readLines(buffer, bom, name, limits);
}
function firstLineIsJson(buffer, start, end) {
    try {
        JSON.parse(buffer.toString('utf8', start, end));
        return true;
    }
    catch {
        return false;
    }
}
function* readLines(buffer, start, name, limits) {
    let line = 0;
    for (let begin = start; begin < buffer.length;) {
        line++;
        const newline = buffer.indexOf(NEWLINE, begin);
        const next = newline === -1 ? buffer.length : newline + 1;
        let end = newline === -1 ? buffer.length : newline;
        if (end > begin && buffer[end - 1] === 0x0d)
            end--; // CRLF
        const bytes = buffer.subarray(begin, end);
        begin = next;
        const origin = `${name}:${line}`;
        if (bytes.length > limits.maxPayloadBytes)
            throw tooLarge(origin, bytes.length, limits);
        const text = bytes.toString('utf8');
        if (isBlank(text))
            continue;
        yield document(bytes, text, origin, limits);
    }
}
//# sourceMappingURL=documents.js.map

/***/ }),

/***/ 55310:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NZ: () => (/* binding */ unwrapDocument)
/* harmony export */ });
/* unused harmony exports DISPATCH_LIMITS, DISPATCH_EVENT_TYPE */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65071);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38674);
/* harmony import */ var _validation_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(69839);
/* harmony import */ var _display_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6481);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11310);
// Containers that carry vendor payloads without being one: a repository_dispatch (as a sender POSTs
// it, or as the runner writes it to GITHUB_EVENT_PATH), a JSON array, and a CloudTrail log file's
// Records[]. Vendor-specific lists (Security Hub's findings[], Sentinel's value[]) are the
// normalizers' business.





/** GitHub's limits on POST /repos/{owner}/{repo}/dispatches. */
const DISPATCH_LIMITS = {
    eventTypeMaxLength: 100,
    clientPayloadMaxProperties: 10,
    /** client_payload must stay under 64 KB. */
    clientPayloadMaxBytes: 64 * 1024,
};
const DISPATCH_EVENT_TYPE = 'security-event';
function isDispatch(value) {
    return ((0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value) &&
        Object.hasOwn(value, 'client_payload') &&
        (Object.hasOwn(value, 'event_type') || Object.hasOwn(value, 'action')));
}
/** Checks a dispatch against GitHub's limits and irac's envelope schema. */
function dispatchPayload(document) {
    const root = new _fields_js__WEBPACK_IMPORTED_MODULE_3__/* .FieldReader */ .U(document.value, document.origin);
    // The runner's event file names the event type `action`; the request body names it `event_type`.
    const typeField = Object.hasOwn(root.value, 'event_type') ? 'event_type' : 'action';
    const eventType = root.requireString(typeField);
    if (eventType.length > DISPATCH_LIMITS.eventTypeMaxLength) {
        root.fail(typeField, `is ${eventType.length} characters; GitHub allows at most ${DISPATCH_LIMITS.eventTypeMaxLength}`);
    }
    if (eventType !== DISPATCH_EVENT_TYPE) {
        root.fail(typeField, `is ${(0,_display_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteForMessage */ .Hx)(eventType)}; irac handles "${DISPATCH_EVENT_TYPE}" dispatches`);
    }
    const clientPayload = root.object('client_payload') ?? root.fail('client_payload', 'must be an object');
    const keys = Object.keys(clientPayload).length;
    if (keys > DISPATCH_LIMITS.clientPayloadMaxProperties) {
        root.fail('client_payload', `has ${keys} top-level properties; GitHub rejects more than ${DISPATCH_LIMITS.clientPayloadMaxProperties}`);
    }
    const bytes = Buffer.byteLength(JSON.stringify(clientPayload));
    if (bytes >= DISPATCH_LIMITS.clientPayloadMaxBytes) {
        root.fail('client_payload', `is ${bytes} bytes; GitHub rejects a client_payload of 64 KB or more`);
    }
    const hasEvent = Object.hasOwn(clientPayload, 'event');
    if (hasEvent === Object.hasOwn(clientPayload, 'events')) {
        root.fail('client_payload', hasEvent
            ? 'has both event and events; send one of them'
            : 'needs event (one payload) or events (a list)');
    }
    const envelope = { event_type: eventType, client_payload: clientPayload };
    const validate = (0,_validation_js__WEBPACK_IMPORTED_MODULE_1__/* .dispatchValidator */ .bk)();
    if (!validate(envelope)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(document.origin, `not a valid irac dispatch: ${(0,_validation_js__WEBPACK_IMPORTED_MODULE_1__/* .describeErrors */ .rg)(validate.errors)}`);
    }
    const source = envelope.client_payload.source;
    const payload = root.child('client_payload');
    return source === undefined ? { payload } : { payload, source };
}
function objectsOf(items, document, base) {
    return items.map((item, i) => {
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(item)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${document.origin}: ${(0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .formatPath */ .jV)([...base, i])}`, `expected an event object, got ${(0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonTypeOf */ .WF)(item)}`);
        }
        return new _fields_js__WEBPACK_IMPORTED_MODULE_3__/* .FieldReader */ .U(item, document.origin, [...base, i]);
    });
}
/** A CloudTrail log file holds its records in Records[]. */
function recordsOf(reader, document) {
    const records = reader.value.Records;
    if (Array.isArray(records))
        return objectsOf(records, document, [...reader.base, 'Records']);
    return [reader];
}
/** The vendor payloads a document carries, in order. */
function unwrapDocument(document) {
    const { value } = document;
    if (Array.isArray(value)) {
        return objectsOf(value, document, []).flatMap((reader) => recordsOf(reader, document).map((r) => ({ reader: r, document })));
    }
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(document.origin, `top level is ${(0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonTypeOf */ .WF)(value)}; expected a JSON object or array`);
    }
    if (isDispatch(value)) {
        const { payload, source } = dispatchPayload(document);
        const readers = Object.hasOwn(payload.value, 'event')
            ? [payload.child('event')]
            : payload.children('events');
        return readers.flatMap((reader) => recordsOf(reader, document).map((r) => source ? { reader: r, sourceHint: source, document } : { reader: r, document }));
    }
    return recordsOf(new _fields_js__WEBPACK_IMPORTED_MODULE_3__/* .FieldReader */ .U(value, document.origin), document).map((reader) => ({ reader, document }));
}
//# sourceMappingURL=envelopes.js.map

/***/ }),

/***/ 11310:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ FieldReader)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65071);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38674);
/* harmony import */ var _display_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6481);
/* harmony import */ var _timestamps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66570);
// Typed, hostile-input-safe access to a vendor payload. Every normalizer reads through a FieldReader,
// so a field of the wrong type is always reported the same way — with the document, the line and the
// JSON path — instead of surfacing as a TypeError three stages later.




// Normalizers read the same few dozen dotted paths for every event: split each once.
const splitPaths = new Map();
function segmentsOf(path) {
    if (typeof path !== 'string')
        return path;
    let segments = splitPaths.get(path);
    if (!segments) {
        segments = path.split('.');
        if (splitPaths.size < 10_000)
            splitPaths.set(path, segments);
    }
    return segments;
}
class FieldReader {
    value;
    origin;
    base;
    options;
    constructor(
    /** The object this reader reads. */
    value, 
    /** Where the enclosing document came from: `file.json` or `events.ndjson:12`. */
    origin, 
    /** Path of `value` from the document's root. */
    base = [], options = {}) {
        this.value = value;
        this.origin = origin;
        this.base = base;
        this.options = options;
    }
    /** The raw value at a path, or undefined when any step is missing. Only own properties are read. */
    get(path) {
        let current = this.value;
        for (const segment of segmentsOf(path)) {
            if (current === undefined || current === null || typeof current !== 'object')
                return undefined;
            current = Array.isArray(current) ? current[Number(segment)] : this.property(current, String(segment));
        }
        return current;
    }
    property(object, key) {
        const own = this.spelling(object, key);
        return Object.hasOwn(object, own) ? object[own] : undefined;
    }
    /** The key as this object spells it: with the fallback on, `resource` may really be `Resource`. */
    spelling(object, key) {
        if (Object.hasOwn(object, key) || !this.options.pascalCaseFallback)
            return key;
        const pascal = key.charAt(0).toUpperCase() + key.slice(1);
        return Object.hasOwn(object, pascal) ? pascal : key;
    }
    /** A path below this reader's object, spelled as the payload spells it, for errors and child paths. */
    spelled(path) {
        const segments = [...segmentsOf(path)];
        if (!this.options.pascalCaseFallback)
            return segments;
        let current = this.value;
        return segments.map((segment) => {
            const key = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isJsonObject */ .OW)(current) && typeof segment === 'string' ? this.spelling(current, segment) : segment;
            current =
                current !== null && typeof current === 'object'
                    ? current[key]
                    : undefined;
            return key;
        });
    }
    /** Throws the InputError for a field of this reader. */
    fail(path, what) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${this.origin}: ${(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)([...this.base, ...this.spelled(path)])}`, what);
    }
    expected(path, expected, got) {
        const shown = typeof got === 'string' || typeof got === 'number' ? ` ${(0,_display_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteForMessage */ .Hx)(got, 40)}` : '';
        return this.fail(path, `expected ${expected}, got ${(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonTypeOf */ .WF)(got)}${shown}`);
    }
    /** A string field; absent or null gives undefined, any other type is rejected. */
    string(path) {
        const value = this.get(path);
        if (value === undefined || value === null)
            return undefined;
        if (typeof value !== 'string')
            return this.expected(path, 'a string', value);
        return value === '' ? undefined : value;
    }
    requireString(path) {
        return this.string(path) ?? this.fail(path, 'required string is missing');
    }
    /** A string or number field, as text (ids, ports, counts that vendors write either way). */
    text(path) {
        const value = this.get(path);
        if (typeof value === 'number' && Number.isFinite(value))
            return String(value);
        return this.string(path);
    }
    number(path) {
        const value = this.get(path);
        if (value === undefined || value === null)
            return undefined;
        if (typeof value !== 'number')
            return this.expected(path, 'a number', value);
        return value;
    }
    /** A number that some producers send as a numeric string (ASFF Normalized, Splunk results). */
    numeric(path) {
        const value = this.get(path);
        if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
            return Number(value);
        return this.number(path);
    }
    boolean(path) {
        const value = this.get(path);
        if (value === undefined || value === null)
            return undefined;
        if (typeof value !== 'boolean')
            return this.expected(path, 'a boolean', value);
        return value;
    }
    object(path) {
        const value = this.get(path);
        if (value === undefined || value === null)
            return undefined;
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isJsonObject */ .OW)(value))
            return this.expected(path, 'an object', value);
        return value;
    }
    array(path) {
        const value = this.get(path);
        if (value === undefined || value === null)
            return undefined;
        if (!Array.isArray(value))
            return this.expected(path, 'an array', value);
        return value;
    }
    /** Strings of an array field; non-string items are rejected. */
    strings(path) {
        const items = this.array(path) ?? [];
        const segments = segmentsOf(path);
        return items.flatMap((item, i) => {
            if (item === null || item === '')
                return [];
            if (typeof item !== 'string')
                return this.expected([...segments, i], 'a string', item);
            return [item];
        });
    }
    /** A field that holds one value or a list of them (Splunk multivalue fields, OCSF `message`), as texts. */
    texts(path) {
        const value = this.get(path);
        if (!Array.isArray(value)) {
            const text = this.text(path);
            return text === undefined ? [] : [text];
        }
        const segments = segmentsOf(path);
        return value.flatMap((_, i) => this.text([...segments, i]) ?? []);
    }
    /** A timestamp field as ISO 8601 UTC; present but unparseable is rejected. */
    time(path) {
        const value = this.get(path);
        if (value === undefined || value === null || value === '')
            return undefined;
        if (typeof value !== 'string' && typeof value !== 'number')
            return this.expected(path, 'a timestamp', value);
        return (0,_timestamps_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTimestamp */ .E)(value) ?? this.fail(path, `timestamp ${(0,_display_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteForMessage */ .Hx)(value, 40)} does not parse`);
    }
    /** The first of several timestamp fields that is present. */
    firstTime(...paths) {
        for (const path of paths) {
            const time = this.time(path);
            if (time !== undefined)
                return time;
        }
        return undefined;
    }
    /** A reader for a nested object (a finding inside an envelope), keeping full paths in errors. */
    child(path) {
        const value = this.object(path);
        return value && new FieldReader(value, this.origin, [...this.base, ...this.spelled(path)], this.options);
    }
    /** Readers for every object of an array field; non-object items are rejected. */
    children(path) {
        const segments = this.spelled(path);
        return (this.array(path) ?? []).map((item, i) => {
            if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isJsonObject */ .OW)(item))
                return this.expected([...segments, i], 'an object', item);
            return new FieldReader(item, this.origin, [...this.base, ...segments, i], this.options);
        });
    }
    withOptions(options) {
        return new FieldReader(this.value, this.origin, this.base, options);
    }
}
//# sourceMappingURL=fields.js.map

/***/ }),

/***/ 2218:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kz: () => (/* binding */ normalizeInput),
  cg: () => (/* binding */ normalizeUnit),
  Nw: () => (/* binding */ normalizeWithEvidence)
});

// UNUSED EXPORTS: normalizeStream

// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/json.js
var json = __webpack_require__(38674);
// EXTERNAL MODULE: ./lib/src/ingest/display.js
var display = __webpack_require__(6481);
// EXTERNAL MODULE: ./lib/src/ingest/documents.js
var documents = __webpack_require__(62281);
// EXTERNAL MODULE: ./lib/src/ingest/envelopes.js
var envelopes = __webpack_require__(55310);
// EXTERNAL MODULE: ./lib/src/digest.js
var digest = __webpack_require__(24880);
;// CONCATENATED MODULE: ./lib/src/ingest/data/attack-tactics.json
const attack_tactics_namespaceObject = /*#__PURE__*/JSON.parse('{"S":{"reconnaissance":"TA0043","resource_development":"TA0042","initial_access":"TA0001","execution":"TA0002","persistence":"TA0003","privilege_escalation":"TA0004","defense_evasion":"TA0005","credential_access":"TA0006","discovery":"TA0007","lateral_movement":"TA0008","collection":"TA0009","command_and_control":"TA0011","exfiltration":"TA0010","impact":"TA0040"}}');
;// CONCATENATED MODULE: ./lib/src/ingest/attack.js
// MITRE ATT&CK ids from the many ways vendors name them: "Privilege Escalation", "PrivilegeEscalation",
// "mitre_privilege_escalation", "TA0004", "T1078.004". The name table is data (data/attack-tactics.json).


const TACTICS = (0,json/* tableOf */.c_)(attack_tactics_namespaceObject.S);
const TACTIC_ID = /^TA\d{4}$/i;
const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/i;
/** ATT&CK has 14 tactics and a few hundred techniques; one event naming more is noise or an attack on us. */
const MAX_ATTACK_IDS = 64;
/** `Command and Control`, `CommandAndControl`, `mitre_command_and_control` → `command_and_control`. */
function tacticKey(name) {
    return name
        .trim()
        .replace(/^mitre[_\s-]*/i, '')
        .replace(/([a-z])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .replace(/[\s-]+/g, '_');
}
function tacticId(name) {
    if (TACTIC_ID.test(name.trim()))
        return name.trim().toUpperCase();
    return TACTICS.get(tacticKey(name));
}
function techniqueId(text) {
    const id = text.trim().toUpperCase();
    return TECHNIQUE_ID.test(id) ? id : undefined;
}
function addOnce(ids, id) {
    if (ids.length < MAX_ATTACK_IDS && !ids.includes(id))
        ids.push(id);
}
/** Collects tactic and technique ids from free-form labels (tags, categories), ignoring the rest. */
class AttackCollector {
    tactics = [];
    techniques = [];
    tactic(name) {
        const id = name === undefined ? undefined : tacticId(name);
        if (id)
            addOnce(this.tactics, id);
        return this;
    }
    technique(text) {
        const id = text === undefined ? undefined : techniqueId(text);
        if (id)
            addOnce(this.techniques, id);
        return this;
    }
    /** Ids already resolved (a data table's row, looked up once at load). */
    merge(ids) {
        for (const id of ids.tactics)
            addOnce(this.tactics, id);
        for (const id of ids.techniques)
            addOnce(this.techniques, id);
        return this;
    }
    /** A label that may be either: a tactic name, a tactic id or a technique id. */
    label(text) {
        return techniqueId(text) ? this.technique(text) : this.tactic(text);
    }
}
//# sourceMappingURL=attack.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/normalizer.js
// The contract every source implements, and the one place where a normalizer's draft becomes a
// SecurityEvent: display fields neutralized, ids and fingerprint derived, schema validated. A new
// source is a new file in normalizers/ that exports a Normalizer and one line in the registry.





const TACTIC = /^TA\d{4}$/;
const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;
const CONTEXT_KEY = /^[a-z][a-z0-9_]{0,63}$/;
const RESOURCE_TYPE = /^(?=.{1,64}$)[a-z0-9]+(\.[a-z0-9_]+)*$/;
const MAX_RESOURCES = 64;
const MAX_CONTEXT = 64;
const MAX_POINTER = 1024;
// Values normalizers take from JSON data tables, where TypeScript cannot check them.
const SEVERITIES = new Set(['low', 'medium', 'high', 'critical']);
const SOURCES = new Set([
    'siem',
    'cloudtrail',
    'runtime',
    'threatintel',
]);
function eventId(vendor, vendorId, payload) {
    // The vendor id is hashed, never used as is: it becomes a file name in the store.
    const basis = vendorId === undefined ? `content\0${(0,digest/* canonicalJson */.d)(payload)}` : `id\0${vendorId}`;
    return `${vendor}-${(0,digest/* sha256Hex */.f)(`${vendor}\0${basis}`).slice(0, 32)}`;
}
/**
 * The correlation key: the same vendor reporting the same kind of problem on the same resource by
 * the same actor. Display fields never contain NUL, so joining on it is unambiguous.
 */
function fingerprintOf(event) {
    return (0,digest/* sha256Hex */.f)(`${event.vendor}\0${event.kind}\0${event.resource}\0${event.actor ?? ''}`);
}
function optionalText(value, max = display/* DISPLAY_MAX */.M$) {
    return value === undefined ? undefined : (0,display/* displayText */.WV)(value, max);
}
function neutralizeResource(ref) {
    const id = (0,display/* displayText */.WV)(ref.id);
    if (!id || !RESOURCE_TYPE.test(ref.type))
        return undefined;
    const out = { type: ref.type, id };
    const arn = optionalText(ref.arn);
    const name = optionalText(ref.name);
    if (arn)
        out.arn = arn;
    if (name)
        out.name = name;
    return out;
}
function uniqueResources(refs) {
    const out = [];
    if (!refs)
        return out;
    for (const ref of refs) {
        const clean = neutralizeResource(ref);
        if (!clean || out.some((r) => r.type === clean.type && r.id === clean.id))
            continue;
        out.push(clean);
        if (out.length === MAX_RESOURCES)
            break;
    }
    return out;
}
// Normalizers use a fixed set of context keys: remember the ones already checked.
const checkedContextKeys = new Set();
function isContextKey(key) {
    if (checkedContextKeys.has(key))
        return true;
    if (!CONTEXT_KEY.test(key))
        return false;
    if (checkedContextKeys.size < 10_000)
        checkedContextKeys.add(key);
    return true;
}
/** At most 64 facts, keys like `vendor_severity`, values neutralized (the payload keeps everything). */
function contextOf(draft) {
    const context = {};
    const source = draft.context;
    if (!source)
        return context;
    let count = 0;
    for (const key in source) {
        const value = source[key];
        if (value === undefined || !isContextKey(key))
            continue;
        const text = (0,display/* displayText */.WV)(typeof value === 'string' ? value : String(value), 2048);
        if (text === undefined)
            continue;
        context[key] = text;
        if (++count === MAX_CONTEXT - 1)
            break; // one place stays free for timestamp_origin
    }
    return context;
}
function validIds(ids, pattern) {
    const out = [];
    if (!ids)
        return out;
    for (const id of ids) {
        if (out.length === MAX_ATTACK_IDS)
            break;
        if (pattern.test(id) && !out.includes(id))
            out.push(id);
    }
    return out;
}
/**
 * Turns a normalizer's draft into a SecurityEvent that conforms to the schema by construction:
 * every display field goes through displayText, every list is bounded and filtered, ids and hashes
 * are derived here. (Checking each event with ajv as well cost more than parsing it; the test suite
 * validates the output of every corpus file, fixture and property-test input against the schema.)
 */
function buildEvent(draft, provenance) {
    const { vendor } = provenance;
    if (!SEVERITIES.has(draft.severity) || !SOURCES.has(draft.source)) {
        throw new Error(`bug in the ${vendor} normalizer: severity "${draft.severity}", source "${draft.source}"`);
    }
    const from = draft.from;
    const pointer = (0,json/* toJsonPointer */.Hk)(from.base);
    if (pointer.length > MAX_POINTER) {
        throw new errors/* InputError */.dz(`${from.origin}: ${(0,json/* formatPath */.jV)(from.base)}`, 'the event is nested under too long a path');
    }
    const resources = uniqueResources(draft.resources);
    const first = resources[0];
    const kind = (0,display/* displayText */.WV)(draft.kind) ?? 'unknown';
    const resource = optionalText(draft.resource) ??
        first?.arn ??
        (first && (0,display/* displayText */.WV)(`${first.type}:${first.id}`)) ??
        'unknown';
    const actor = optionalText(draft.actor);
    const context = contextOf(draft);
    if (draft.timestamp === undefined)
        context.timestamp_origin = 'received';
    const event = {
        id: eventId(vendor, draft.vendorId, from.value),
        timestamp: draft.timestamp ?? provenance.receivedAt,
        source: draft.source,
        severity: draft.severity,
        vendor,
        kind,
        title: optionalText(draft.title) ?? kind,
        resource,
        resources,
        indicators: draft.indicators ? draft.indicators.slice(0, 256) : [],
        attack: {
            tactics: validIds(draft.attack?.tactics, TACTIC),
            techniques: validIds(draft.attack?.techniques, TECHNIQUE),
        },
        fingerprint: fingerprintOf({ vendor, kind, resource, actor }),
        raw_sha256: provenance.rawSha256,
        raw_pointer: pointer,
        payload: from.value,
        context,
    };
    const vendorId = optionalText(draft.vendorId);
    if (vendorId)
        event.vendor_id = vendorId;
    const account = optionalText(draft.account, 128);
    if (account)
        event.account = account;
    const region = optionalText(draft.region, 64);
    if (region)
        event.region = region;
    if (actor)
        event.actor = actor;
    return event;
}
//# sourceMappingURL=normalizer.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/data/cloudtrail-risk.json
const cloudtrail_risk_namespaceObject = /*#__PURE__*/JSON.parse('{"$comment":["How much a single CloudTrail record matters to an incident responder. CloudTrail records carry no severity of their own (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html), so irac assigns one from this table, keyed by eventName.","Sources: CIS AWS Foundations Benchmark v3.0 section 4 \'Monitoring\' (metric filters for unauthorized API calls, console sign-in without MFA, root usage, IAM policy, CloudTrail, CMK, S3 bucket policy, AWS Config, security group and Organizations changes); MITRE ATT&CK IaaS matrix https://attack.mitre.org/matrices/enterprise/cloud/iaas/ for tactic/technique ids; Stratus Red Team https://stratus-red-team.cloud/attack-techniques/AWS/ for which calls an attack is made of.","Row fields: source = the eventSource the name belongs to (a record naming another service does not match; a record without eventSource does; a row without source matches every service); severity = low|medium|high|critical for the call itself; title = what the call means, shown in the event title and context.risk; tactics/techniques = ATT&CK ids; when = conditions evaluated in code (src/ingest/normalizers/cloudtrail.ts, CONDITIONS) on the record\'s parameters, each raising severity and replacing the title when it holds.","Calls not listed here are low. Lambda\'s versioned names (UpdateFunctionCode20150331v2) are looked up without the version suffix.","What three conditions count, so that a caller cannot dodge them by spelling the same grant otherwise. adminPolicy: the AdministratorAccess managed policy, or an Allow statement granting every action (Action \\"*\\" or \\"*:*\\", or any NotAction) on every resource (Resource \\"*\\", \\"*:*\\", \\"arn:*\\", \\"arn:aws:*\\", \\"arn:aws*:*\\", or any NotResource). publicPolicy: an Allow statement to Principal \\"*\\" (or with NotPrincipal) unless its Condition narrows who or where: a key among aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:SourceAccount, aws:SourceOrgID, aws:SourceOrgPaths, aws:SourceArn, aws:PrincipalArn, aws:userid, aws:username (NARROWING_CONDITION_KEYS), under StringEquals/StringLike/ArnEquals/ArnLike/IpAddress, with values that are not wildcards alone, a world-open range or every ARN; any other key (aws:UserAgent, aws:SecureTransport) leaves it public. worldIngress: a range of /8 or wider for IPv4, /16 or wider for IPv6 (0.0.0.0/0 split into halves is still the internet), except 10.0.0.0/8 and fc00::/7, which hold no internet address."],"denied":{"$comment":"A denied call to an API listed below is what probing looks like (an attacker with stolen keys trying what they allow: Stratus ec2-get-password-data, ec2-download-user-data, ec2-launch-unusual-instances all leave only denied records). Such a call is raised to at least this severity; a denied call to an unlisted API stays low, since misconfigured applications produce those all day.","errorCodes":["AccessDenied","AccessDeniedException","UnauthorizedOperation","Client.UnauthorizedOperation","UnauthorizedAccess","Unauthorized"],"severity":"medium","title":"denied call to a sensitive API (probing)","tactics":["TA0007"]},"root":{"$comment":"Any use of the root user is at least high (CIS 4.3 \'ensure root account usage is monitored\'); root console sign-in and root access keys are critical (CIS 1.4, 1.7). Service events and calls a service made on root\'s behalf (invokedBy) are AWS acting, not root being used; a failed attempt stays high.","severity":"high","title":"root user activity","criticalEvents":["ConsoleLogin","CreateAccessKey"],"criticalTitle":"root user signed in or created an access key","tactics":["TA0001","TA0004"],"techniques":["T1078.004"]},"events":{"StopLogging":{"source":"cloudtrail.amazonaws.com","severity":"critical","title":"CloudTrail logging stopped","tactics":["TA0005"],"techniques":["T1562.008"]},"DeleteTrail":{"source":"cloudtrail.amazonaws.com","severity":"critical","title":"CloudTrail trail deleted","tactics":["TA0005"],"techniques":["T1562.008"]},"UpdateTrail":{"source":"cloudtrail.amazonaws.com","severity":"high","title":"CloudTrail trail reconfigured","tactics":["TA0005"],"techniques":["T1562.008"]},"PutEventSelectors":{"source":"cloudtrail.amazonaws.com","severity":"high","title":"CloudTrail event selectors changed","tactics":["TA0005"],"techniques":["T1562.008"],"when":[{"test":"managementEventsExcluded","severity":"critical","title":"CloudTrail stops recording management events"}]},"DeleteFlowLogs":{"source":"ec2.amazonaws.com","severity":"high","title":"VPC flow logs deleted","tactics":["TA0005"],"techniques":["T1562.008"]},"DeleteResolverQueryLogConfig":{"source":"route53resolver.amazonaws.com","severity":"high","title":"Route 53 Resolver query logging deleted","tactics":["TA0005"],"techniques":["T1562.008"]},"DisassociateResolverQueryLogConfig":{"source":"route53resolver.amazonaws.com","severity":"high","title":"Route 53 Resolver query logging detached from a VPC","tactics":["TA0005"],"techniques":["T1562.008"]},"DeleteLogGroup":{"source":"logs.amazonaws.com","severity":"medium","title":"CloudWatch log group deleted","tactics":["TA0005"],"techniques":["T1562.008"]},"StopConfigurationRecorder":{"source":"config.amazonaws.com","severity":"high","title":"AWS Config recorder stopped","tactics":["TA0005"],"techniques":["T1562.008"]},"DeleteConfigurationRecorder":{"source":"config.amazonaws.com","severity":"high","title":"AWS Config recorder deleted","tactics":["TA0005"],"techniques":["T1562.008"]},"DeleteDeliveryChannel":{"source":"config.amazonaws.com","severity":"high","title":"AWS Config delivery channel deleted","tactics":["TA0005"],"techniques":["T1562.008"]},"DeleteModelInvocationLoggingConfiguration":{"source":"bedrock.amazonaws.com","severity":"high","title":"Bedrock model invocation logging deleted","tactics":["TA0005"],"techniques":["T1562.008"]},"StopActivityStream":{"source":"rds.amazonaws.com","severity":"medium","title":"RDS database activity stream stopped","tactics":["TA0005"],"techniques":["T1562.008"]},"PutBucketLogging":{"source":"s3.amazonaws.com","severity":"low","title":"S3 server access logging changed","tactics":["TA0005"],"techniques":["T1562.008"],"when":[{"test":"bucketLoggingDisabled","severity":"medium","title":"S3 server access logging disabled"}]},"DeleteDetector":{"source":"guardduty.amazonaws.com","severity":"high","title":"GuardDuty detector deleted","tactics":["TA0005"],"techniques":["T1562.001"]},"DisassociateFromMasterAccount":{"source":"guardduty.amazonaws.com","severity":"high","title":"GuardDuty member left its administrator account","tactics":["TA0005"],"techniques":["T1562.001"]},"DisassociateFromAdministratorAccount":{"source":"guardduty.amazonaws.com","severity":"high","title":"GuardDuty member left its administrator account","tactics":["TA0005"],"techniques":["T1562.001"]},"UpdateDetector":{"source":"guardduty.amazonaws.com","severity":"low","title":"GuardDuty detector updated","when":[{"test":"detectorDisabled","severity":"high","title":"GuardDuty detector disabled","tactics":["TA0005"],"techniques":["T1562.001"]}]},"DisableSecurityHub":{"source":"securityhub.amazonaws.com","severity":"high","title":"Security Hub disabled","tactics":["TA0005"],"techniques":["T1562.001"]},"DisableMacie":{"source":"macie2.amazonaws.com","severity":"high","title":"Macie disabled","tactics":["TA0005"],"techniques":["T1562.001"]},"UpdateMacieSession":{"source":"macie2.amazonaws.com","severity":"low","title":"Macie settings changed","when":[{"test":"macieSessionPaused","severity":"high","title":"Macie paused","tactics":["TA0005"],"techniques":["T1562.001"]}]},"DeleteGuardrail":{"source":"bedrock.amazonaws.com","severity":"medium","title":"Bedrock guardrail deleted","tactics":["TA0005"],"techniques":["T1562.001"]},"AuthorizeSecurityGroupIngress":{"source":"ec2.amazonaws.com","severity":"low","title":"security group ingress rule added","tactics":["TA0005"],"techniques":["T1562.007"],"when":[{"test":"worldIngress","severity":"high","title":"security group opened to the internet"}]},"AuthorizeDBSecurityGroupIngress":{"source":"rds.amazonaws.com","severity":"low","title":"RDS security group ingress rule added","tactics":["TA0005"],"techniques":["T1562.007"],"when":[{"test":"worldIngress","severity":"high","title":"RDS security group opened to the internet"}]},"PutBucketPolicy":{"source":"s3.amazonaws.com","severity":"low","title":"S3 bucket policy changed","when":[{"test":"publicPolicy","severity":"high","title":"S3 bucket policy grants access to anyone","tactics":["TA0010"],"techniques":["T1530"]}]},"PutBucketAcl":{"source":"s3.amazonaws.com","severity":"low","title":"S3 bucket ACL changed","when":[{"test":"publicBucketAcl","severity":"high","title":"S3 bucket ACL grants access to all users","tactics":["TA0010"],"techniques":["T1530"]}]},"PutKeyPolicy":{"source":"kms.amazonaws.com","severity":"low","title":"KMS key policy changed","when":[{"test":"publicPolicy","severity":"high","title":"KMS key policy grants use to anyone","tactics":["TA0010"],"techniques":["T1537"]}]},"SetRepositoryPolicy":{"source":"ecr.amazonaws.com","severity":"low","title":"ECR repository policy changed","when":[{"test":"publicPolicy","severity":"high","title":"ECR repository policy grants access to anyone","tactics":["TA0010"],"techniques":["T1537"]}]},"SetQueueAttributes":{"source":"sqs.amazonaws.com","severity":"low","title":"SQS queue attributes changed","when":[{"test":"publicPolicy","severity":"high","title":"SQS queue policy grants access to anyone","tactics":["TA0010"],"techniques":["T1537"]}]},"PutResourcePolicy":{"$comment":"Secrets Manager, CloudWatch Logs, Glue and others share this name: no source.","severity":"low","title":"resource policy changed","when":[{"test":"publicPolicy","severity":"high","title":"resource policy grants access to anyone","tactics":["TA0010"],"techniques":["T1537"]}]},"DeleteBucketPolicy":{"source":"s3.amazonaws.com","severity":"high","title":"S3 bucket policy deleted","tactics":["TA0005"]},"PutBucketPublicAccessBlock":{"source":"s3.amazonaws.com","severity":"low","title":"S3 Block Public Access changed","when":[{"test":"publicAccessBlockOff","severity":"high","title":"S3 Block Public Access turned off for a bucket","tactics":["TA0005"]}]},"DeleteBucketPublicAccessBlock":{"source":"s3.amazonaws.com","severity":"high","title":"S3 Block Public Access removed from a bucket","tactics":["TA0005"]},"PutAccountPublicAccessBlock":{"source":"s3.amazonaws.com","severity":"low","title":"account-wide S3 Block Public Access changed","when":[{"test":"publicAccessBlockOff","severity":"high","title":"account-wide S3 Block Public Access turned off","tactics":["TA0005"]}]},"DeleteAccountPublicAccessBlock":{"source":"s3.amazonaws.com","severity":"high","title":"account-wide S3 Block Public Access removed","tactics":["TA0005"]},"ModifySnapshotAttribute":{"source":"ec2.amazonaws.com","severity":"low","title":"EBS snapshot permissions changed","when":[{"test":"volumePermissionAdded","severity":"high","title":"EBS snapshot shared with another account or made public","tactics":["TA0010"],"techniques":["T1537"]}]},"ModifyImageAttribute":{"source":"ec2.amazonaws.com","severity":"low","title":"AMI attribute changed","when":[{"test":"launchPermissionAdded","severity":"high","title":"AMI shared with another account or made public","tactics":["TA0010"],"techniques":["T1537"]}]},"ModifyDBSnapshotAttribute":{"source":"rds.amazonaws.com","severity":"low","title":"RDS snapshot attribute changed","when":[{"test":"dbSnapshotShared","severity":"high","title":"RDS snapshot shared with another account or made public","tactics":["TA0010"],"techniques":["T1537"]}]},"ModifyDBClusterSnapshotAttribute":{"source":"rds.amazonaws.com","severity":"low","title":"RDS cluster snapshot attribute changed","when":[{"test":"dbSnapshotShared","severity":"high","title":"RDS cluster snapshot shared with another account or made public","tactics":["TA0010"],"techniques":["T1537"]}]},"ModifyDBInstance":{"source":"rds.amazonaws.com","severity":"low","title":"RDS instance modified","when":[{"test":"publiclyAccessible","severity":"high","title":"RDS instance made publicly accessible","tactics":["TA0010"]}]},"RestoreDBInstanceFromDBSnapshot":{"source":"rds.amazonaws.com","severity":"low","title":"RDS instance restored from a snapshot","when":[{"test":"publiclyAccessible","severity":"high","title":"RDS snapshot restored to a publicly accessible instance","tactics":["TA0010"]}]},"UpdateProjectVisibility":{"source":"codebuild.amazonaws.com","severity":"low","title":"CodeBuild project visibility changed","when":[{"test":"codebuildPublic","severity":"high","title":"CodeBuild project made public","tactics":["TA0010"]}]},"CreateAccessKey":{"source":"iam.amazonaws.com","severity":"medium","title":"IAM access key created","tactics":["TA0003"],"techniques":["T1098.001"],"when":[{"test":"otherUser","severity":"high","title":"IAM access key created for another user"}]},"CreateLoginProfile":{"source":"iam.amazonaws.com","severity":"medium","title":"console password created for an IAM user","tactics":["TA0003"],"techniques":["T1098"]},"UpdateLoginProfile":{"source":"iam.amazonaws.com","severity":"medium","title":"IAM user console password changed","tactics":["TA0003","TA0004"],"techniques":["T1098"],"when":[{"test":"otherUser","severity":"high","title":"console password of another IAM user changed"}]},"CreateUser":{"source":"iam.amazonaws.com","severity":"high","title":"IAM user created","tactics":["TA0003"],"techniques":["T1136.003"]},"AddUserToGroup":{"source":"iam.amazonaws.com","severity":"high","title":"IAM user added to a group","tactics":["TA0003","TA0004"],"techniques":["T1098.003"]},"AttachUserPolicy":{"source":"iam.amazonaws.com","severity":"medium","title":"managed policy attached to an IAM user","tactics":["TA0003","TA0004"],"techniques":["T1098.003"],"when":[{"test":"adminPolicy","severity":"critical","title":"administrator access granted to an IAM user"}]},"AttachRolePolicy":{"source":"iam.amazonaws.com","severity":"medium","title":"managed policy attached to an IAM role","tactics":["TA0003","TA0004"],"techniques":["T1098.003"],"when":[{"test":"adminPolicy","severity":"critical","title":"administrator access granted to an IAM role"}]},"AttachGroupPolicy":{"source":"iam.amazonaws.com","severity":"medium","title":"managed policy attached to an IAM group","tactics":["TA0003","TA0004"],"techniques":["T1098.003"],"when":[{"test":"adminPolicy","severity":"critical","title":"administrator access granted to an IAM group"}]},"PutUserPolicy":{"source":"iam.amazonaws.com","severity":"medium","title":"inline policy set on an IAM user","tactics":["TA0003","TA0004"],"techniques":["T1098.003"],"when":[{"test":"adminPolicy","severity":"critical","title":"administrator access granted to an IAM user"}]},"PutRolePolicy":{"source":"iam.amazonaws.com","severity":"medium","title":"inline policy set on an IAM role","tactics":["TA0003","TA0004"],"techniques":["T1098.003"],"when":[{"test":"adminPolicy","severity":"critical","title":"administrator access granted to an IAM role"}]},"PutGroupPolicy":{"source":"iam.amazonaws.com","severity":"medium","title":"inline policy set on an IAM group","tactics":["TA0003","TA0004"],"techniques":["T1098.003"],"when":[{"test":"adminPolicy","severity":"critical","title":"administrator access granted to an IAM group"}]},"CreatePolicyVersion":{"source":"iam.amazonaws.com","severity":"medium","title":"new version of a managed policy created","tactics":["TA0004"],"techniques":["T1098.003"],"when":[{"test":"adminPolicy","severity":"critical","title":"managed policy rewritten to grant administrator access"}]},"UpdateAssumeRolePolicy":{"source":"iam.amazonaws.com","severity":"high","title":"IAM role trust policy changed","tactics":["TA0003","TA0004"],"techniques":["T1098.003"],"when":[{"test":"externalTrust","severity":"high","title":"IAM role now trusts another account or anyone"}]},"CreateRole":{"source":"iam.amazonaws.com","severity":"low","title":"IAM role created","tactics":["TA0003"],"techniques":["T1098.003"],"when":[{"test":"externalTrust","severity":"high","title":"IAM role created that trusts another account or anyone"}]},"DeactivateMFADevice":{"source":"iam.amazonaws.com","severity":"high","title":"MFA device deactivated","tactics":["TA0005","TA0006","TA0003"],"techniques":["T1556.006"]},"DeleteVirtualMFADevice":{"source":"iam.amazonaws.com","severity":"high","title":"virtual MFA device deleted","tactics":["TA0005","TA0006","TA0003"],"techniques":["T1556.006"]},"CreateSAMLProvider":{"source":"iam.amazonaws.com","severity":"high","title":"SAML identity provider created","tactics":["TA0004","TA0005"],"techniques":["T1484.002"]},"UpdateSAMLProvider":{"source":"iam.amazonaws.com","severity":"high","title":"SAML identity provider updated","tactics":["TA0004","TA0005"],"techniques":["T1484.002"]},"CreateTrustAnchor":{"source":"rolesanywhere.amazonaws.com","severity":"high","title":"IAM Roles Anywhere trust anchor created","tactics":["TA0003"],"techniques":["T1098.001"]},"CreateProfile":{"source":"rolesanywhere.amazonaws.com","severity":"medium","title":"IAM Roles Anywhere profile created","tactics":["TA0003"],"techniques":["T1098.001"]},"GetFederationToken":{"source":"sts.amazonaws.com","severity":"medium","title":"federation token issued to an IAM user","tactics":["TA0003","TA0005"],"techniques":["T1550.001"]},"GetSecretValue":{"$comment":"One read is what every application does at start-up; bursts need correlation across records, so a single read stays low and carries the technique for context.","source":"secretsmanager.amazonaws.com","severity":"low","title":"secret value read","tactics":["TA0006"],"techniques":["T1555.006"]},"BatchGetSecretValue":{"$comment":"Up to 20 secrets in one call, selected by filter: a bulk read in a single record.","source":"secretsmanager.amazonaws.com","severity":"medium","title":"secret values read in bulk","tactics":["TA0006"],"techniques":["T1555.006"]},"GetParameters":{"source":"ssm.amazonaws.com","severity":"low","title":"SSM parameters read","tactics":["TA0006"],"techniques":["T1555.006"]},"GetParameter":{"source":"ssm.amazonaws.com","severity":"low","title":"SSM parameter read","tactics":["TA0006"],"techniques":["T1555.006"]},"GetPasswordData":{"source":"ec2.amazonaws.com","severity":"medium","title":"EC2 Windows administrator password retrieved","tactics":["TA0006"],"techniques":["T1552"]},"SendCommand":{"source":"ssm.amazonaws.com","severity":"medium","title":"command sent to instances through SSM","tactics":["TA0002"],"techniques":["T1651"]},"StartSession":{"source":"ssm.amazonaws.com","severity":"medium","title":"SSM shell session started","tactics":["TA0002","TA0008"],"techniques":["T1651"]},"SendSSHPublicKey":{"source":"ec2-instance-connect.amazonaws.com","severity":"medium","title":"SSH key pushed to an instance through EC2 Instance Connect","tactics":["TA0008"],"techniques":["T1021.008"]},"SendSerialConsoleSSHPublicKey":{"source":"ec2-instance-connect.amazonaws.com","severity":"medium","title":"SSH key pushed to an instance\'s serial console","tactics":["TA0008"],"techniques":["T1021.008"]},"EnableSerialConsoleAccess":{"source":"ec2.amazonaws.com","severity":"medium","title":"EC2 serial console access enabled for the account","tactics":["TA0008"],"techniques":["T1021.008"]},"ModifyInstanceAttribute":{"source":"ec2.amazonaws.com","severity":"low","title":"EC2 instance attribute changed","when":[{"test":"userDataChanged","severity":"medium","title":"EC2 instance user data replaced","tactics":["TA0002","TA0004"],"techniques":["T1059.009"]}]},"DescribeInstanceAttribute":{"source":"ec2.amazonaws.com","severity":"low","title":"EC2 instance attribute read","tactics":["TA0007"],"techniques":["T1580"]},"RunInstances":{"source":"ec2.amazonaws.com","severity":"low","title":"EC2 instances launched","tactics":["TA0005"],"techniques":["T1578.002"],"when":[{"test":"acceleratedInstance","severity":"medium","title":"GPU or accelerator instances launched","tactics":["TA0040"],"techniques":["T1496"]}]},"UpdateFunctionCode":{"source":"lambda.amazonaws.com","severity":"medium","title":"Lambda function code replaced","tactics":["TA0003","TA0002"],"techniques":["T1648"]},"UpdateFunctionConfiguration":{"source":"lambda.amazonaws.com","severity":"low","title":"Lambda function configuration changed","when":[{"test":"layersChanged","severity":"medium","title":"Lambda function layers changed","tactics":["TA0003"],"techniques":["T1648"]},{"test":"foreignLayer","severity":"high","title":"Lambda function given a layer from another account","tactics":["TA0003"],"techniques":["T1648"]}]},"AddPermission":{"source":"lambda.amazonaws.com","severity":"low","title":"Lambda resource policy changed","when":[{"test":"lambdaOpenInvoke","severity":"high","title":"Lambda function invocable by anyone or another account","tactics":["TA0003"],"techniques":["T1648"]}]},"ScheduleKeyDeletion":{"source":"kms.amazonaws.com","severity":"high","title":"KMS key scheduled for deletion","tactics":["TA0040"],"techniques":["T1485"]},"DisableKey":{"source":"kms.amazonaws.com","severity":"high","title":"KMS key disabled","tactics":["TA0040"],"techniques":["T1485"]},"DeleteDBInstance":{"source":"rds.amazonaws.com","severity":"medium","title":"RDS instance deleted","tactics":["TA0040"],"techniques":["T1485"],"when":[{"test":"noFinalSnapshot","severity":"high","title":"RDS instance deleted without a final snapshot","techniques":["T1490"]}]},"DeleteDBCluster":{"source":"rds.amazonaws.com","severity":"medium","title":"RDS cluster deleted","tactics":["TA0040"],"techniques":["T1485"],"when":[{"test":"noFinalSnapshot","severity":"high","title":"RDS cluster deleted without a final snapshot","techniques":["T1490"]}]},"DeleteBucket":{"source":"s3.amazonaws.com","severity":"medium","title":"S3 bucket deleted","tactics":["TA0040"],"techniques":["T1485"]},"PutBucketVersioning":{"source":"s3.amazonaws.com","severity":"low","title":"S3 versioning changed","when":[{"test":"versioningSuspended","severity":"medium","title":"S3 versioning suspended","tactics":["TA0040"],"techniques":["T1490"]}]},"LeaveOrganization":{"source":"organizations.amazonaws.com","severity":"critical","title":"account left its AWS Organization","tactics":["TA0005"],"techniques":["T1666"]},"PutFoundationModelEntitlement":{"source":"bedrock.amazonaws.com","severity":"medium","title":"Bedrock model access enabled","tactics":["TA0040"],"techniques":["T1496"]},"CreateFoundationModelAgreement":{"source":"bedrock.amazonaws.com","severity":"medium","title":"Bedrock model agreement accepted","tactics":["TA0040"],"techniques":["T1496"]},"PutUseCaseForModelAccess":{"source":"bedrock.amazonaws.com","severity":"medium","title":"Bedrock model access use case submitted","tactics":["TA0040"],"techniques":["T1496"]},"CreateTrafficMirrorSession":{"source":"ec2.amazonaws.com","severity":"medium","title":"VPC traffic mirroring session created","tactics":["TA0006","TA0007"],"techniques":["T1040"]},"ConsoleLogin":{"source":"signin.amazonaws.com","severity":"low","title":"console sign-in","when":[{"test":"loginFailed","severity":"medium","title":"console sign-in failed","tactics":["TA0006"],"techniques":["T1110"]},{"test":"loginWithoutMfa","severity":"medium","title":"console sign-in without MFA","tactics":["TA0001"],"techniques":["T1078.004"]}]},"ListUsers":{"source":"iam.amazonaws.com","severity":"low","title":"IAM users listed","tactics":["TA0007"],"techniques":["T1087.004"]},"ListRoles":{"source":"iam.amazonaws.com","severity":"low","title":"IAM roles listed","tactics":["TA0007"],"techniques":["T1087.004"]},"ListAccessKeys":{"source":"iam.amazonaws.com","severity":"low","title":"IAM access keys listed","tactics":["TA0007"],"techniques":["T1087.004"]},"GetAccountAuthorizationDetails":{"source":"iam.amazonaws.com","severity":"low","title":"whole IAM configuration read","tactics":["TA0007"],"techniques":["T1087.004"]},"ListBuckets":{"source":"s3.amazonaws.com","severity":"low","title":"S3 buckets listed","tactics":["TA0007"],"techniques":["T1619"]},"ListSecrets":{"source":"secretsmanager.amazonaws.com","severity":"low","title":"secrets listed","tactics":["TA0007"]},"DescribeParameters":{"source":"ssm.amazonaws.com","severity":"low","title":"SSM parameters listed","tactics":["TA0007"]},"DescribeInstances":{"source":"ec2.amazonaws.com","severity":"low","title":"EC2 instances listed","tactics":["TA0007"],"techniques":["T1580"]},"GetCallerIdentity":{"source":"sts.amazonaws.com","severity":"low","title":"caller identity checked","tactics":["TA0007"],"techniques":["T1033"]}}}');
// EXTERNAL MODULE: ./lib/src/ingest/fields.js
var fields = __webpack_require__(11310);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./lib/src/ingest/indicators.js
// Observables collected from a payload for threat-intel enrichment. Normalizers offer candidates;
// only values that really are IPs, domains, hashes, URLs or e-mail addresses are kept (CloudTrail's
// sourceIPAddress is often "AWS Internal" or a service host name, Falco's fields are free text).


const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const HEX = /^[0-9a-f]+$/;
const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,255}$/;
const MAX_INDICATORS = 256;
/** Indicators end up in Slack and tickets too: one that display neutralization would change is not kept. */
function isShowable(text) {
    return text.length <= 2048 && (0,display/* displayText */.WV)(text, 2048) === text;
}
class IndicatorSet {
    list = [];
    add(type, value) {
        // A scan, not a Set: events carry a handful of indicators, and this runs for every event.
        if (this.list.length >= MAX_INDICATORS || this.list.some((i) => i.value === value && i.type === type))
            return;
        this.list.push({ type, value });
    }
    ip(value) {
        const text = value?.trim();
        if (text && (0,external_node_net_.isIP)(text))
            this.add('ip', text);
        return this;
    }
    domain(value) {
        const text = value?.trim().toLowerCase().replace(/\.$/, '');
        if (text && DOMAIN.test(text) && !(0,external_node_net_.isIP)(text))
            this.add('domain', text);
        return this;
    }
    /** An IP or a host name, whichever the value is. */
    host(value) {
        const text = value?.trim();
        if (text && (0,external_node_net_.isIP)(text))
            return this.ip(text);
        return this.domain(text);
    }
    /** Kept as the parser writes it back (controls stripped, the rest percent-encoded), if that is safe to show. */
    url(value) {
        const text = value?.trim();
        if (!text || text.length > 2048 || !URL.canParse(text))
            return this;
        const url = new URL(text);
        if ((url.protocol === 'http:' || url.protocol === 'https:') && isShowable(url.href)) {
            this.add('url', url.href);
            this.host(url.hostname.replace(/^\[|\]$/g, ''));
        }
        return this;
    }
    /** md5, sha1 or sha256, told apart by length. */
    hash(value) {
        const text = value?.trim().toLowerCase();
        if (!text || !HEX.test(text))
            return this;
        if (text.length === 32)
            this.add('md5', text);
        else if (text.length === 40)
            this.add('sha1', text);
        else if (text.length === 64)
            this.add('sha256', text);
        return this;
    }
    email(value) {
        const text = value?.trim().toLowerCase();
        if (text && EMAIL.test(text) && isShowable(text))
            this.add('email', text);
        return this;
    }
}
//# sourceMappingURL=indicators.js.map
// EXTERNAL MODULE: ./lib/src/ingest/timestamps.js
var timestamps = __webpack_require__(66570);
;// CONCATENATED MODULE: ./lib/src/ingest/normalizers/cloudtrail.js
// AWS CloudTrail records, as a single record, as the log file's Records[] (split by envelopes.ts), as
// the `detail` of an EventBridge "... via CloudTrail" event, and as the AWS CLI's lookup-events output
// (Events[] items carrying the record as a JSON string in CloudTrailEvent). Record fields:
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
//
// CloudTrail has no severity: a record says what was called, not whether it matters. The risk table
// (data/cloudtrail-risk.json) does, keyed by eventName; the few rows whose meaning depends on the
// parameters (a policy that grants "*", a security group opened to 0.0.0.0/0) name a condition
// implemented in CONDITIONS below. This runs on every record of a trail, so the common path is one
// Map lookup and a handful of field reads.
//
// The record's own fields (eventTime, eventSource, userIdentity.*, ...) are read strictly: a wrong type
// is an InputError. requestParameters / responseElements / additionalEventData / resources[] items are
// free-form per API (CloudTrail itself logs some as strings, RunInstances' instanceType appears as an
// object in the wild), so they are read leniently: a value of an unexpected type is ignored, never
// dereferenced, and stays in the payload as evidence.







const RANK = { low: 0, medium: 1, high: 2, critical: 3 };
function higher(a, b) {
    return RANK[b] > RANK[a] ? b : a;
}
function tableSeverity(value, where) {
    if (Object.hasOwn(RANK, value))
        return value;
    throw new Error(`cloudtrail-risk.json: ${where}: unknown severity "${value}"`);
}
/** The table's ATT&CK labels as ids (what AttackCollector would make of them), once instead of per record. */
function tableAttack(tactics = [], techniques = []) {
    return {
        tactics: tactics.flatMap((name) => tacticId(name) ?? []),
        techniques: techniques.flatMap((text) => techniqueId(text) ?? []),
    };
}
// ---------------------------------------------------------------------------------------------------
// Lenient reads of the free-form parts of a record
function at(value, key) {
    return (0,json/* isJsonObject */.OW)(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}
function textAt(value, key) {
    const found = at(value, key);
    return typeof found === 'string' && found !== '' ? found : undefined;
}
const NO_ITEMS = [];
/** EC2's XML-derived lists are `{items: [...]}`; other services use arrays or a single object. */
function itemsOf(value) {
    if (Array.isArray(value))
        return value;
    if (!(0,json/* isJsonObject */.OW)(value))
        return NO_ITEMS;
    const items = at(value, 'items');
    return Array.isArray(items) ? items : [value];
}
function includesText(value, wanted) {
    return value === wanted || (Array.isArray(value) && value.includes(wanted));
}
// IAM limits a policy document to 10,240 characters (inline) or 6,144 (managed); 64 KiB leaves room
// for whitespace and URL encoding without letting a hostile string cost much.
const MAX_POLICY_CHARS = 65_536;
/** An IAM policy document, which CloudTrail logs as a JSON string (sometimes URL-encoded). */
function policyDocument(value) {
    if ((0,json/* isJsonObject */.OW)(value))
        return value;
    if (typeof value !== 'string' || value.length > MAX_POLICY_CHARS)
        return undefined;
    let text = value.trimStart();
    if (text.startsWith('%7B') || text.startsWith('%7b')) {
        try {
            text = decodeURIComponent(text);
        }
        catch {
            return undefined;
        }
    }
    const parsed = (0,documents/* parseEmbeddedJson */.oF)(text);
    return 'value' in parsed ? parsed.value : undefined;
}
function allowStatements(document) {
    return itemsOf(at(document, 'Statement')).filter((s) => (0,json/* isJsonObject */.OW)(s) && at(s, 'Effect') === 'Allow');
}
// Every regex below runs on payload strings, so each one sees a string bounded first (a slice or a
// length check) and is linear in what it sees: no nested or overlapping quantifiers.
const ACCOUNT_ID = /^\d{12}$/;
const PRINCIPAL_ACCOUNT = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/;
// The account of a principal ARN ends within its first 64 characters: partitions are short
// (aws-us-gov, aws-iso-b), so a longer prefix is no ARN and the regex need not read further.
const PRINCIPAL_ACCOUNT_SPAN = 64;
function isAccountId(text) {
    return text.length === 12 && ACCOUNT_ID.test(text);
}
/** The account a principal ("123456789012", "arn:aws:iam::123456789012:root") belongs to. */
function principalAccount(principal) {
    if (isAccountId(principal))
        return principal;
    return PRINCIPAL_ACCOUNT.exec(principal.slice(0, PRINCIPAL_ACCOUNT_SPAN))?.[1];
}
/** "*", {"AWS": "*"} or {"AWS": [..., "*"]}: anyone. */
function isAnyone(principal) {
    return principal === '*' || includesText(at(principal, 'AWS'), '*');
}
/** Principals of a statement that are anyone or an AWS account other than `account`. */
function trustsOutsider(statement, account) {
    const principal = at(statement, 'Principal');
    if (isAnyone(principal))
        return true;
    if (account === undefined)
        return false;
    const aws = at(principal, 'AWS');
    return (Array.isArray(aws) ? aws : [aws]).some((p) => {
        const owner = typeof p === 'string' ? principalAccount(p) : undefined;
        return owner !== undefined && owner !== account;
    });
}
function someText(value, test) {
    if (typeof value === 'string')
        return test(value);
    return Array.isArray(value) && value.some((item) => typeof item === 'string' && test(item));
}
/** "*", "**": stars alone, which IAM matches against anything. */
function isStars(text) {
    if (text === '')
        return false;
    for (let i = 0; i < text.length; i++)
        if (text.charCodeAt(i) !== 0x2a)
            return false;
    return true;
}
/** A value of wildcards alone ("*", "?*", "????????????"): in a condition it matches any value. */
function isWildcards(text) {
    if (text === '')
        return false;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code !== 0x2a && code !== 0x3f)
            return false;
    }
    return true;
}
/** An action pattern that matches every action: "*", "*:*". */
function isAnyAction(pattern) {
    const colon = pattern.indexOf(':');
    return colon === -1
        ? isStars(pattern)
        : isStars(pattern.slice(0, colon)) && isStars(pattern.slice(colon + 1));
}
/** "aws", "aws-us-gov", "aws*", "*": a partition, or a pattern of one, with any trailing stars. */
function isPartitionPattern(segment) {
    let end = segment.length;
    while (end > 0 && segment.charCodeAt(end - 1) === 0x2a)
        end--;
    if (end === 0)
        return segment !== '';
    if (!segment.startsWith('aws'))
        return false;
    for (let i = 3; i < end; i++) {
        const code = segment.charCodeAt(i);
        if (code !== 0x2d && (code < 0x61 || code > 0x7a))
            return false;
    }
    return true;
}
/**
 * A resource pattern that matches every ARN of an account: "*", "*:*", "arn:*", "arn:aws:*",
 * "arn:aws*:*", "arn:aws:*:*:*:*". A segment's trailing "*" matches across colons, so the pattern
 * covers everything when every segment after the partition is stars and the last one ends in a star;
 * more than the six segments of an ARN would demand colons that ARNs do not have.
 */
function isAnyResource(pattern) {
    const segments = pattern.split(':', 7);
    if (segments.length > 6)
        return false;
    const [first = '', second] = segments;
    if (isStars(first))
        return segments.every(isStars);
    if (first !== 'arn' || second === undefined || !isPartitionPattern(second))
        return false;
    const rest = segments.slice(2);
    return rest.length === 0 ? second.endsWith('*') : rest.every(isStars);
}
/**
 * An Allow statement that grants every action on every resource. NotAction and NotResource grant
 * everything except what they list ("NotAction": "iam:DoesNotExist" is "*" spelled otherwise), unless
 * what they list is itself everything.
 */
function grantsEverything(statement) {
    const actions = Object.hasOwn(statement, 'NotAction')
        ? !someText(at(statement, 'NotAction'), isAnyAction)
        : someText(at(statement, 'Action'), isAnyAction);
    const resources = Object.hasOwn(statement, 'NotResource')
        ? !someText(at(statement, 'NotResource'), isAnyResource)
        : someText(at(statement, 'Resource'), isAnyResource);
    return actions && resources;
}
// Condition keys that narrow who may use a grant, or from where
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html), in
// lower case: IAM compares key names case-insensitively. Any other key (aws:UserAgent,
// aws:SecureTransport, s3:prefix) leaves a "*" principal meaning anyone.
const NARROWING_CONDITION_KEYS = new Set([
    'aws:sourceip',
    'aws:sourcevpc',
    'aws:sourcevpce',
    'aws:principalorgid',
    'aws:principalorgpaths',
    'aws:principalaccount',
    'aws:sourceaccount',
    'aws:sourceorgid',
    'aws:sourceorgpaths',
    'aws:sourcearn',
    'aws:principalarn',
    'aws:userid',
    'aws:username',
]);
// Operators that hold only when the key is present and matches. Negated operators (StringNotEquals:
// everyone but), ...IfExists and ForAllValues: (true when the key is absent) and Null narrow nothing.
const NARROWING_OPERATORS = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike', 'IpAddress'].flatMap((operator) => [operator, `ForAnyValue:${operator}`]));
/** A condition value that admits only some callers: not wildcards alone, not the whole internet or every ARN. */
function narrowingValue(key, value) {
    if (typeof value === 'number')
        return true;
    if (typeof value !== 'string' || isWildcards(value))
        return false;
    if (key === 'aws:sourceip')
        return !isWorldCidr(value);
    if (key === 'aws:sourcearn' || key === 'aws:principalarn')
        return !isAnyResource(value);
    return true;
}
/**
 * Whether a statement's Condition restricts who or where: one narrowing key under a narrowing
 * operator, every value of it narrowing (condition blocks and keys are ANDed, values ORed).
 */
function narrowsWho(condition) {
    if (!(0,json/* isJsonObject */.OW)(condition))
        return false;
    for (const operator in condition) {
        const block = condition[operator];
        if (!NARROWING_OPERATORS.has(operator) || !(0,json/* isJsonObject */.OW)(block))
            continue;
        for (const name in block) {
            const key = name.toLowerCase();
            if (!NARROWING_CONDITION_KEYS.has(key))
                continue;
            const value = block[name];
            const values = Array.isArray(value) ? value : [value];
            if (values.length > 0 && values.every((v) => narrowingValue(key, v)))
                return true;
        }
    }
    return false;
}
/** An Allow statement open to anyone: Principal "*" or NotPrincipal, and no Condition that narrows it. */
function grantsAnyone(statement) {
    const open = isAnyone(at(statement, 'Principal')) || Object.hasOwn(statement, 'NotPrincipal');
    return open && !narrowsWho(at(statement, 'Condition'));
}
const ADMIN_POLICY_SUFFIX = ':iam::aws:policy/AdministratorAccess';
const PUBLIC_CANNED_ACLS = ['public-read', 'public-read-write', 'authenticated-read'];
const PUBLIC_GRANT_HEADERS = [
    'x-amz-grant-read',
    'x-amz-grant-write',
    'x-amz-grant-read-acp',
    'x-amz-grant-write-acp',
    'x-amz-grant-full-control',
];
// Where resource-based policies travel: S3, KMS, ECR, Secrets Manager / CloudWatch Logs, Glue.
const POLICY_KEYS = [
    'bucketPolicy',
    'policy',
    'policyText',
    'resourcePolicy',
    'policyDocument',
    'policyInJson',
];
// EC2 families built around GPUs or ML accelerators: what a miner with stolen keys launches. The
// pattern reads a family prefix only; FAMILY_SPAN bounds the string it is given.
const ACCELERATED_FAMILY = /^(?:p\d|g\d|gr\d|inf\d|trn\d|dl\d|f\d|vt\d)/i;
const FAMILY_SPAN = 16;
// An ingress range counts as the internet at /8 or wider for IPv4 (/16 or wider for IPv6): a /8 is
// 16 million addresses, and 0.0.0.0/0 split into pieces (0.0.0.0/1 + 128.0.0.0/1) opens the same door
// while dodging rules that look for "/0". 10.0.0.0/8 (RFC 1918) and fc00::/7 (unique local) are the
// wide ranges that hold no internet address.
const WORLD_PREFIX_IPV4 = 8;
const WORLD_PREFIX_IPV6 = 16;
/** The prefix length of "a.b.c.d/n" or "x::/n": 1 to 3 digits after the slash. */
function prefixLength(cidr, slash) {
    const digits = cidr.length - slash - 1;
    if (digits < 1 || digits > 3)
        return undefined;
    let length = 0;
    for (let i = slash + 1; i < cidr.length; i++) {
        const code = cidr.charCodeAt(i);
        if (!isDigit(code))
            return undefined;
        length = length * 10 + (code - 48);
    }
    return length;
}
function isWorldCidr(value) {
    if (typeof value !== 'string')
        return false;
    const cidr = value.trim();
    const slash = cidr.lastIndexOf('/');
    const prefix = slash === -1 ? undefined : prefixLength(cidr, slash);
    if (prefix === undefined)
        return false;
    const colon = cidr.indexOf(':');
    if (colon === -1)
        return prefix <= WORLD_PREFIX_IPV4 && !(prefix === 8 && cidr.startsWith('10.'));
    if (prefix > WORLD_PREFIX_IPV6)
        return false;
    const firstGroup = colon === 0 ? 0 : Number.parseInt(cidr.slice(0, Math.min(colon, 4)), 16);
    return !(prefix >= 7 && (firstGroup & 0xfe00) === 0xfc00);
}
function mentionsAllUsers(value) {
    const texts = Array.isArray(value) ? value : [value];
    return texts.some((t) => typeof t === 'string' && (t.includes('AllUsers') || t.includes('AuthenticatedUsers')));
}
function permissionAdded(permission) {
    return itemsOf(at(permission, 'add')).some((item) => textAt(item, 'group') === 'all' ||
        textAt(item, 'userId') !== undefined ||
        textAt(item, 'organizationArn') !== undefined ||
        textAt(item, 'organizationalUnitArn') !== undefined);
}
function isFalse(value) {
    return value === false || value === 'false';
}
const CONDITIONS = {
    adminPolicy: ({ params }) => {
        const arn = textAt(params, 'policyArn');
        if (arn?.endsWith(ADMIN_POLICY_SUFFIX))
            return true;
        return allowStatements(policyDocument(at(params, 'policyDocument'))).some(grantsEverything);
    },
    externalTrust: ({ params, account }) => allowStatements(policyDocument(at(params, 'policyDocument') ?? at(params, 'assumeRolePolicyDocument'))).some((s) => trustsOutsider(s, account)),
    otherUser: ({ params, identityType, identityUserName }) => {
        const target = textAt(params, 'userName');
        return target !== undefined && !(identityType === 'IAMUser' && identityUserName === target);
    },
    managementEventsExcluded: ({ params }) => itemsOf(at(params, 'eventSelectors')).some((s) => isFalse(at(s, 'includeManagementEvents'))),
    bucketLoggingDisabled: ({ params }) => {
        const status = at(params, 'BucketLoggingStatus');
        return (0,json/* isJsonObject */.OW)(status) && !Object.hasOwn(status, 'LoggingEnabled');
    },
    detectorDisabled: ({ params }) => isFalse(at(params, 'enable')),
    macieSessionPaused: ({ params }) => textAt(params, 'status') === 'PAUSED',
    worldIngress: ({ params }) => isWorldCidr(at(params, 'cidrIp')) ||
        isWorldCidr(at(params, 'cIDRIP')) ||
        itemsOf(at(params, 'ipPermissions')).some((permission) => itemsOf(at(permission, 'ipRanges')).some((r) => isWorldCidr(at(r, 'cidrIp'))) ||
            itemsOf(at(permission, 'ipv6Ranges')).some((r) => isWorldCidr(at(r, 'cidrIpv6')))),
    publicPolicy: ({ params }) => {
        const policy = POLICY_KEYS.map((key) => at(params, key)).find((value) => value !== undefined);
        return allowStatements(policyDocument(policy ?? at(at(params, 'attributes'), 'Policy'))).some(grantsAnyone);
    },
    publicBucketAcl: ({ params }) => {
        const canned = at(params, 'x-amz-acl');
        if (PUBLIC_CANNED_ACLS.some((acl) => includesText(canned, acl)))
            return true;
        if (PUBLIC_GRANT_HEADERS.some((header) => mentionsAllUsers(at(params, header))))
            return true;
        const grants = at(at(at(params, 'AccessControlPolicy'), 'AccessControlList'), 'Grant');
        return itemsOf(grants).some((grant) => mentionsAllUsers(at(at(grant, 'Grantee'), 'URI')));
    },
    publicAccessBlockOff: ({ params }) => {
        const config = at(params, 'PublicAccessBlockConfiguration');
        return ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'].some((key) => isFalse(at(config, key)));
    },
    volumePermissionAdded: ({ params }) => permissionAdded(at(params, 'createVolumePermission')),
    launchPermissionAdded: ({ params }) => permissionAdded(at(params, 'launchPermission')),
    dbSnapshotShared: ({ params }) => {
        const added = at(params, 'valuesToAdd');
        return textAt(params, 'attributeName') === 'restore' && Array.isArray(added) && added.length > 0;
    },
    publiclyAccessible: ({ params }) => at(params, 'publiclyAccessible') === true,
    codebuildPublic: ({ params }) => textAt(params, 'projectVisibility') === 'PUBLIC_READ',
    userDataChanged: ({ params }) => ((0,json/* isJsonObject */.OW)(params) && Object.hasOwn(params, 'userData')) || textAt(params, 'attribute') === 'userData',
    acceleratedInstance: ({ params }) => {
        const type = at(params, 'instanceType');
        const name = typeof type === 'string' ? type : textAt(type, 'value');
        return name !== undefined && ACCELERATED_FAMILY.test(name.slice(0, FAMILY_SPAN));
    },
    layersChanged: ({ params }) => {
        const layers = at(params, 'layers');
        return Array.isArray(layers) && layers.length > 0;
    },
    foreignLayer: ({ params, account }) => {
        const layers = at(params, 'layers');
        if (!Array.isArray(layers) || account === undefined)
            return false;
        return layers.some((layer) => {
            const owner = typeof layer === 'string' ? layer.split(':')[4] : undefined;
            return owner !== undefined && isAccountId(owner) && owner !== account;
        });
    },
    lambdaOpenInvoke: ({ params, account }) => {
        const principal = textAt(params, 'principal');
        if (principal === undefined)
            return false;
        if (principal === '*')
            return true;
        const owner = principalAccount(principal);
        return owner !== undefined && account !== undefined && owner !== account;
    },
    noFinalSnapshot: ({ params }) => at(params, 'skipFinalSnapshot') === true,
    versioningSuspended: ({ params }) => {
        const status = textAt(at(params, 'VersioningConfiguration'), 'Status');
        return status === 'Suspended' || status === 'Disabled';
    },
    loginFailed: ({ response }) => textAt(response, 'ConsoleLogin') === 'Failure',
    loginWithoutMfa: ({ response, additional, identityType }) => textAt(response, 'ConsoleLogin') !== 'Failure' &&
        textAt(additional, 'MFAUsed') === 'No' &&
        // Federated sign-ins (AssumedRole via SAML/SSO) do MFA at the identity provider, which CloudTrail
        // cannot see: their MFAUsed is always "No".
        textAt(additional, 'SamlProviderArn') === undefined &&
        (identityType === 'IAMUser' || identityType === 'Root'),
};
// ---------------------------------------------------------------------------------------------------
// Loading the table
const table = cloudtrail_risk_namespaceObject;
/** Rows by eventName; throws on a severity or condition the code does not know (a broken table is a bug). */
function loadRiskRows(data) {
    const rows = new Map();
    for (const [name, row] of Object.entries(data.events)) {
        const when = (row.when ?? []).map((c, i) => {
            const test = Object.hasOwn(CONDITIONS, c.test) ? CONDITIONS[c.test] : undefined;
            if (!test)
                throw new Error(`cloudtrail-risk.json: events.${name}.when[${i}]: unknown test "${c.test}"`);
            return {
                test,
                severity: tableSeverity(c.severity, `events.${name}.when[${i}]`),
                title: c.title,
                ...tableAttack(c.tactics, c.techniques),
            };
        });
        rows.set(name, {
            source: row.source,
            severity: tableSeverity(row.severity, `events.${name}`),
            title: row.title,
            ...tableAttack(row.tactics, row.techniques),
            when,
        });
    }
    return rows;
}
const RISK_ROWS = loadRiskRows(table);
const DENIED_CODES = new Set(table.denied.errorCodes);
const DENIED_SEVERITY = tableSeverity(table.denied.severity, 'denied');
const DENIED_ATTACK = tableAttack(table.denied.tactics);
const ROOT_SEVERITY = tableSeverity(table.root.severity, 'root');
const ROOT_ATTACK = tableAttack(table.root.tactics, table.root.techniques);
const ROOT_CRITICAL = new Set(table.root.criticalEvents);
// Lambda logs its API version in the name: UpdateFunctionCode20150331v2. A name longer than the
// longest row's plus a version suffix cannot name a row, so the regex never sees one.
const API_VERSION_SUFFIX = /20\d{6}(?:v\d+)?$/;
const MAX_VERSIONED_NAME = Math.max(...[...RISK_ROWS.keys()].map((name) => name.length)) + '20150331v999'.length;
function isDigit(code) {
    return code >= 48 && code <= 57;
}
/** The risk row of a call; a row tied to another service does not match. */
function riskRowOf(eventName, eventSource) {
    let row = RISK_ROWS.get(eventName);
    if (row === undefined &&
        eventName.length <= MAX_VERSIONED_NAME &&
        isDigit(eventName.charCodeAt(eventName.length - 1)) &&
        API_VERSION_SUFFIX.test(eventName)) {
        row = RISK_ROWS.get(eventName.replace(API_VERSION_SUFFIX, ''));
    }
    if (row === undefined)
        return undefined;
    return eventSource === undefined || row.source === undefined || row.source === eventSource
        ? row
        : undefined;
}
// ---------------------------------------------------------------------------------------------------
// Reading a record
// Values documentation and test fixtures put where a real record has data ("redacted", "...",
// "<Victim source IP>"): no information, so treated as absent instead of as a malformed value.
const PLACEHOLDER = /^(?:redacted|\.{3}|…|<[^<>]*>)$/i;
function isPlaceholder(text) {
    // Almost every value starts with another character: the switch spares them the regex.
    switch (text.charAt(0)) {
        case 'r':
        case 'R':
        case '.':
        case '…':
        case '<':
            return text.length < 80 && PLACEHOLDER.test(text);
        default:
            return false;
    }
}
// Field paths for FieldReader, which reads timestamps and reports fields of the wrong type.
const PATH = {
    eventName: ['eventName'],
    eventSource: ['eventSource'],
    eventID: ['eventID'],
    eventType: ['eventType'],
    eventTime: ['eventTime'],
    logstashTimestamp: ['@timestamp'],
    pantherEventTime: ['p_event_time'],
    awsRegion: ['awsRegion'],
    recipientAccountId: ['recipientAccountId'],
    errorCode: ['errorCode'],
    errorMessage: ['errorMessage'],
    sourceIPAddress: ['sourceIPAddress'],
    userAgent: ['userAgent'],
    readOnly: ['readOnly'],
    vpcEndpointId: ['vpcEndpointId'],
    userIdentity: ['userIdentity'],
    identityType: ['userIdentity', 'type'],
    identityArn: ['userIdentity', 'arn'],
    identityUserName: ['userIdentity', 'userName'],
    identityAccountId: ['userIdentity', 'accountId'],
    identityAccessKeyId: ['userIdentity', 'accessKeyId'],
    identityInvokedBy: ['userIdentity', 'invokedBy'],
    identityPrincipalId: ['userIdentity', 'principalId'],
    sessionIssuerArn: ['userIdentity', 'sessionContext', 'sessionIssuer', 'arn'],
    sessionIssuerUserName: ['userIdentity', 'sessionContext', 'sessionIssuer', 'userName'],
    onBehalfOfUserId: ['userIdentity', 'onBehalfOf', 'userId'],
};
/**
 * The top-level fields of a record that the normalizer reads, as the record holds them (types not yet
 * checked: see stringOf). Records come in hundreds of shapes (one per API, SDK and exporter), and V8
 * finds a field by name slowly in objects of that many shapes; one for...in pass over the keys reads
 * each value directly, several times faster than twenty lookups by name. for...in yields only the
 * record's own keys: JSON.parse makes plain objects, and Object.prototype has no enumerable properties.
 */
class RecordFields {
    eventName = undefined;
    eventSource = undefined;
    eventID = undefined;
    eventType = undefined;
    eventTime = undefined;
    logstashTimestamp = undefined;
    pantherEventTime = undefined;
    awsRegion = undefined;
    recipientAccountId = undefined;
    errorCode = undefined;
    errorMessage = undefined;
    sourceIPAddress = undefined;
    userAgent = undefined;
    readOnly = undefined;
    vpcEndpointId = undefined;
    userIdentity = undefined;
    requestParameters = undefined;
    responseElements = undefined;
    additionalEventData = undefined;
    resources = undefined;
    constructor(record) {
        for (const key in record) {
            const value = record[key];
            switch (key) {
                case 'eventName':
                    this.eventName = value;
                    break;
                case 'eventSource':
                    this.eventSource = value;
                    break;
                case 'eventID':
                    this.eventID = value;
                    break;
                case 'eventType':
                    this.eventType = value;
                    break;
                case 'eventTime':
                    this.eventTime = value;
                    break;
                case '@timestamp':
                    this.logstashTimestamp = value;
                    break;
                case 'p_event_time':
                    this.pantherEventTime = value;
                    break;
                case 'awsRegion':
                    this.awsRegion = value;
                    break;
                case 'recipientAccountId':
                    this.recipientAccountId = value;
                    break;
                case 'errorCode':
                    this.errorCode = value;
                    break;
                case 'errorMessage':
                    this.errorMessage = value;
                    break;
                case 'sourceIPAddress':
                    this.sourceIPAddress = value;
                    break;
                case 'userAgent':
                    this.userAgent = value;
                    break;
                case 'readOnly':
                    this.readOnly = value;
                    break;
                case 'vpcEndpointId':
                    this.vpcEndpointId = value;
                    break;
                case 'userIdentity':
                    this.userIdentity = value;
                    break;
                case 'requestParameters':
                    this.requestParameters = value;
                    break;
                case 'responseElements':
                    this.responseElements = value;
                    break;
                case 'additionalEventData':
                    this.additionalEventData = value;
                    break;
                case 'resources':
                    this.resources = value;
                    break;
            }
        }
    }
}
/** The fields of userIdentity that the normalizer reads, found as RecordFields finds the record's. */
class IdentityFields {
    type = undefined;
    arn = undefined;
    userName = undefined;
    accountId = undefined;
    accessKeyId = undefined;
    invokedBy = undefined;
    principalId = undefined;
    sessionContext = undefined;
    onBehalfOf = undefined;
    constructor(identity) {
        for (const key in identity) {
            const value = identity[key];
            switch (key) {
                case 'type':
                    this.type = value;
                    break;
                case 'arn':
                    this.arn = value;
                    break;
                case 'userName':
                    this.userName = value;
                    break;
                case 'accountId':
                    this.accountId = value;
                    break;
                case 'accessKeyId':
                    this.accessKeyId = value;
                    break;
                case 'invokedBy':
                    this.invokedBy = value;
                    break;
                case 'principalId':
                    this.principalId = value;
                    break;
                case 'sessionContext':
                    this.sessionContext = value;
                    break;
                case 'onBehalfOf':
                    this.onBehalfOf = value;
                    break;
            }
        }
    }
}
/**
 * A string field as `reader.string(path)` reads it: absent, null or "" is undefined, and a value of
 * another type goes to the reader, which throws the InputError that names the path.
 */
function stringOf(value, reader, path) {
    if (typeof value === 'string')
        return value === '' ? undefined : value;
    return value === undefined || value === null ? undefined : reader.string(path);
}
function clean(text) {
    return text === undefined || isPlaceholder(text) ? undefined : text;
}
const TIME_FIELDS = ['eventTime', 'logstashTimestamp', 'pantherEventTime'];
/** eventTime, else Logstash's @timestamp, else Panther's p_event_time; placeholders are absent. */
function recordTime(record, fields) {
    let redacted = false;
    for (const field of TIME_FIELDS) {
        const raw = fields[field];
        if (raw === undefined)
            continue;
        if (typeof raw === 'string' && isPlaceholder(raw)) {
            redacted = true;
            continue;
        }
        // Parsed here, since the reader would look the field up again; it reports a value that does not parse.
        const parsed = typeof raw === 'string' || typeof raw === 'number' ? (0,timestamps/* parseTimestamp */.E)(raw) : undefined;
        const timestamp = parsed ?? record.time(PATH[field]);
        if (timestamp !== undefined)
            return { timestamp, redacted };
    }
    return { redacted };
}
/** readOnly is a boolean; some exporters write "true"/"True". */
function readOnlyOf(record, raw) {
    if (typeof raw === 'string') {
        const lower = raw.toLowerCase();
        return lower === 'true' ? true : lower === 'false' ? false : undefined;
    }
    return typeof raw === 'boolean' || raw === undefined ? raw : record.boolean(PATH.readOnly);
}
function partitionOf(region) {
    if (region?.startsWith('cn-'))
        return 'aws-cn';
    if (region?.startsWith('us-gov-'))
        return 'aws-us-gov';
    return 'aws';
}
const NO_IDENTITY = {
    type: undefined,
    actor: undefined,
    label: undefined,
    principalType: undefined,
    principalName: undefined,
    principalResourceArn: undefined,
    principalArn: undefined,
    userName: undefined,
    accessKeyId: undefined,
    accountId: undefined,
    invokedBy: undefined,
    mfaAuthenticated: undefined,
};
/** The part of an ARN after the account: "user/path/name", "assumed-role/Role/session", "root". */
function arnResource(arn) {
    let colon = -1;
    for (let colons = 0; colons < 5; colons++) {
        colon = arn.indexOf(':', colon + 1);
        if (colon === -1)
            return undefined;
    }
    return arn.slice(colon + 1);
}
function lastSegment(text) {
    const slash = text.lastIndexOf('/');
    return slash === -1 ? text : text.slice(slash + 1);
}
/**
 * Who acted, per https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html.
 * For an assumed role the actor is the role (the session issuer), not the session: sessions are
 * named per run (aws-go-sdk-1722455550269043000), so an actor per session would split one attacker's
 * activity into as many incidents as sessions, and the role is what containment acts on. The session
 * ARN and name stay in context for the responder.
 */
function identityOf(record, value, scope) {
    if (!(0,json/* isJsonObject */.OW)(value)) {
        record.object(PATH.userIdentity); // throws for a value that is not an object
        return NO_IDENTITY;
    }
    const fields = new IdentityFields(value);
    const type = clean(stringOf(fields.type, record, PATH.identityType));
    const arn = clean(stringOf(fields.arn, record, PATH.identityArn));
    const userName = clean(stringOf(fields.userName, record, PATH.identityUserName));
    const accountId = clean(stringOf(fields.accountId, record, PATH.identityAccountId));
    const accessKeyId = clean(stringOf(fields.accessKeyId, record, PATH.identityAccessKeyId));
    const invokedBy = clean(stringOf(fields.invokedBy, record, PATH.identityInvokedBy));
    const principalId = clean(stringOf(fields.principalId, record, PATH.identityPrincipalId));
    const session = fields.sessionContext;
    const mfa = at(at(session, 'attributes'), 'mfaAuthenticated');
    const account = accountId ?? scope.account;
    let actor;
    let label;
    // The IAM entity behind the call, set together when there is one.
    let principalType;
    let principalName;
    let principalResourceArn;
    if (type === 'AssumedRole' || type === 'FederatedUser') {
        // arn:aws:sts::123456789012:assumed-role/Role/session, arn:aws:sts::123456789012:federated-user/name
        // A session name may itself hold slashes: it is all that follows the role (or "federated-user/").
        const resource = arn === undefined ? '' : (arnResource(arn) ?? '');
        const kindEnd = resource.indexOf('/');
        const issuer = at(session, 'sessionIssuer');
        const issuerArn = clean(stringOf(at(issuer, 'arn'), record, PATH.sessionIssuerArn));
        const issuerName = clean(stringOf(at(issuer, 'userName'), record, PATH.sessionIssuerUserName));
        if (type === 'AssumedRole') {
            const roleEnd = kindEnd === -1 ? -1 : resource.indexOf('/', kindEnd + 1);
            const roleInArn = kindEnd === -1 ? undefined : resource.slice(kindEnd + 1, roleEnd === -1 ? resource.length : roleEnd);
            const session = roleEnd === -1 ? undefined : resource.slice(roleEnd + 1);
            const roleName = issuerName ?? roleInArn;
            const roleArn = issuerArn ??
                (roleName && account ? `arn:${scope.partition}:iam::${account}:role/${roleName}` : undefined);
            actor = roleArn ?? arn ?? principalId ?? userName;
            label = roleName ? (session ? `${roleName}/${session}` : roleName) : actor;
            if (roleName) {
                principalType = 'aws.iam.role';
                principalName = roleName;
                principalResourceArn = roleArn;
            }
        }
        else {
            // GetFederationToken sessions: the IAM user who asked for the token is the credential at stake.
            const session = kindEnd === -1 ? undefined : resource.slice(kindEnd + 1);
            actor = issuerArn ?? arn ?? principalId;
            label = session ? `${issuerName ?? 'federated'}/${session}` : (issuerName ?? actor);
            if (issuerName) {
                principalType = 'aws.iam.user';
                principalName = issuerName;
                principalResourceArn = issuerArn;
            }
        }
    }
    else if (type === 'Root') {
        const rootArn = arn ?? (account ? `arn:${scope.partition}:iam::${account}:root` : undefined);
        actor = rootArn ?? 'root';
        label = 'root';
        if (account) {
            principalType = 'aws.account';
            principalName = account;
            principalResourceArn = rootArn;
        }
    }
    else if (type === 'AWSService') {
        actor = invokedBy ?? principalId;
        label = actor;
    }
    else if (type === 'IAMUser') {
        const name = userName ?? (arn ? lastSegment(arn) : undefined);
        // Failed console sign-ins log no ARN; the user's ARN (assuming path "/") keeps them correlating
        // with the same user's successful activity.
        const userArn = arn ?? (name && account ? `arn:${scope.partition}:iam::${account}:user/${name}` : undefined);
        actor = userArn ?? principalId;
        label = name ?? actor;
        if (name) {
            principalType = 'aws.iam.user';
            principalName = name;
            principalResourceArn = userArn;
        }
    }
    else {
        // AWSAccount (another account's principal), IdentityCenterUser, SAMLUser, WebIdentityUser, Unknown.
        const onBehalfOf = clean(stringOf(at(fields.onBehalfOf, 'userId'), record, PATH.onBehalfOfUserId));
        actor = arn ?? userName ?? onBehalfOf ?? principalId ?? accountId;
        label = userName ?? actor;
    }
    return {
        type,
        actor,
        label,
        principalType,
        principalName,
        principalResourceArn,
        principalArn: arn,
        userName,
        accessKeyId,
        accountId,
        invokedBy,
        mfaAuthenticated: typeof mfa === 'string' || typeof mfa === 'boolean' ? String(mfa) : undefined,
    };
}
function regional(service, resource, scope) {
    return scope.region && scope.account
        ? `arn:${scope.partition}:${service}:${scope.region}:${scope.account}:${resource}`
        : undefined;
}
function global(service, resource, scope) {
    return scope.account ? `arn:${scope.partition}:${service}::${scope.account}:${resource}` : undefined;
}
function ec2Instance(id, scope) {
    return regional('ec2', `instance/${id}`, scope);
}
// In the order they are listed: the first one present is the event's primary resource.
const PARAMETER_RESOURCES = [
    { key: 'instanceId', type: 'aws.ec2.instance', arn: ec2Instance },
    { key: 'target', source: 'ssm.amazonaws.com', type: 'aws.ec2.instance', arn: ec2Instance },
    { key: 'bucketName', type: 'aws.s3.bucket', arn: (id, s) => `arn:${s.partition}:s3:::${id}` },
    {
        key: 'userName',
        source: 'iam.amazonaws.com',
        type: 'aws.iam.user',
        arn: (id, s) => global('iam', `user/${id}`, s),
    },
    {
        key: 'roleName',
        source: 'iam.amazonaws.com',
        type: 'aws.iam.role',
        arn: (id, s) => global('iam', `role/${id}`, s),
    },
    {
        key: 'groupName',
        source: 'iam.amazonaws.com',
        type: 'aws.iam.group',
        arn: (id, s) => global('iam', `group/${id}`, s),
    },
    { key: 'accessKeyId', source: 'iam.amazonaws.com', type: 'aws.iam.access_key', arn: () => undefined },
    {
        key: 'groupId',
        source: 'ec2.amazonaws.com',
        type: 'aws.ec2.security_group',
        arn: (id, s) => regional('ec2', `security-group/${id}`, s),
    },
    // EBS snapshot and AMI ARNs have no account part.
    {
        key: 'snapshotId',
        source: 'ec2.amazonaws.com',
        type: 'aws.ec2.snapshot',
        arn: (id, s) => (s.region ? `arn:${s.partition}:ec2:${s.region}::snapshot/${id}` : undefined),
    },
    {
        key: 'imageId',
        source: 'ec2.amazonaws.com',
        type: 'aws.ec2.image',
        arn: (id, s) => (s.region ? `arn:${s.partition}:ec2:${s.region}::image/${id}` : undefined),
    },
    {
        key: 'trailName',
        source: 'cloudtrail.amazonaws.com',
        type: 'aws.cloudtrail.trail',
        arn: (id, s) => regional('cloudtrail', `trail/${id}`, s),
    },
    {
        key: 'name',
        source: 'cloudtrail.amazonaws.com',
        type: 'aws.cloudtrail.trail',
        arn: (id, s) => regional('cloudtrail', `trail/${id}`, s),
    },
    {
        key: 'keyId',
        source: 'kms.amazonaws.com',
        type: 'aws.kms.key',
        arn: (id, s) => regional('kms', id.startsWith('alias/') ? id : `key/${id}`, s),
    },
    // Secret ARNs end in a random suffix: only an id that is an ARN gives one.
    {
        key: 'secretId',
        source: 'secretsmanager.amazonaws.com',
        type: 'aws.secretsmanager.secret',
        arn: () => undefined,
    },
    {
        key: 'functionName',
        source: 'lambda.amazonaws.com',
        type: 'aws.lambda.function',
        arn: (id, s) => regional('lambda', `function:${id}`, s),
    },
    {
        key: 'dBInstanceIdentifier',
        source: 'rds.amazonaws.com',
        type: 'aws.rds.db_instance',
        arn: (id, s) => regional('rds', `db:${id}`, s),
    },
    {
        key: 'dBClusterIdentifier',
        source: 'rds.amazonaws.com',
        type: 'aws.rds.db_cluster',
        arn: (id, s) => regional('rds', `cluster:${id}`, s),
    },
    {
        key: 'dBSnapshotIdentifier',
        source: 'rds.amazonaws.com',
        type: 'aws.rds.db_snapshot',
        arn: (id, s) => regional('rds', `snapshot:${id}`, s),
    },
    {
        key: 'resolverQueryLogConfigId',
        source: 'route53resolver.amazonaws.com',
        type: 'aws.route53resolver.query_log_config',
        arn: (id, s) => regional('route53resolver', `resolver-query-log-config/${id}`, s),
    },
    {
        key: 'detectorId',
        source: 'guardduty.amazonaws.com',
        type: 'aws.guardduty.detector',
        arn: (id, s) => regional('guardduty', `detector/${id}`, s),
    },
];
const PARAMETER_RESOURCE_BY_KEY = new Map(PARAMETER_RESOURCES.map((entry, rank) => [entry.key, { rank, entry }]));
/** How many items of one list (instanceIds, instancesSet) become resources. */
const MAX_LISTED = 16;
class ResourceList {
    list = [];
    add(type, id, arn) {
        if (id === undefined || id === '' || this.list.length >= 64)
            return;
        if (arn === undefined) {
            this.list.push({ type, id });
            return;
        }
        // A scan of at most 64 entries (usually one or two) costs less than a Set per record.
        for (const known of this.list)
            if (known.arn === arn)
                return;
        this.list.push({ type, id, arn });
    }
    /** An id that may already be an ARN (trail names, function names, key ids, secret ids). */
    addId(entry, id, scope) {
        if (id.startsWith('arn:'))
            this.add(entry.type, arnId(id), id);
        else
            this.add(entry.type, id, entry.arn(id, scope));
    }
    instances(value, scope) {
        const items = Array.isArray(value) ? value : itemsOf(at(value, 'instancesSet'));
        for (let i = 0; i < items.length && i < MAX_LISTED; i++) {
            const item = items[i];
            const id = typeof item === 'string' ? item : textAt(item, 'instanceId');
            if (id !== undefined)
                this.add('aws.ec2.instance', id, ec2Instance(id, scope));
        }
    }
}
/** The id in an ARN: "arn:aws:iam::1:role/path/name" → "path/name", "arn:aws:s3:::bucket" → "bucket". */
function arnId(arn) {
    const resource = arnResource(arn) ?? arn;
    const slash = resource.indexOf('/');
    const colon = resource.indexOf(':');
    if (slash === -1 && colon === -1)
        return resource;
    if (arn.includes(':s3:::'))
        return resource; // bucket/key/with/slashes
    const cut = slash === -1 ? colon : colon === -1 ? slash : Math.min(slash, colon);
    return resource.slice(cut + 1) || resource;
}
// Keyed by CloudTrail's type, else by "service:kind" from the ARN.
const typeByCloudTrailType = new Map();
const typeByArnKind = new Map();
/** What an ARN names when CloudTrail gives no type: "repository/x" → repository; S3 bucket or object. */
function arnKind(arn, service) {
    const resource = arnResource(arn) ?? '';
    if (service === 's3')
        return resource.includes('/') ? 'object' : 'bucket';
    const slash = resource.indexOf('/');
    const colon = resource.indexOf(':');
    const cut = slash === -1 ? colon : colon === -1 ? slash : Math.min(slash, colon);
    return cut === -1 ? '' : resource.slice(0, cut);
}
// A resource type is at most 64 characters (RESOURCE_TYPE in normalizer.ts). Snake-casing never
// shortens a part, so a part longer than that cannot make a type: it is turned away before any regex
// sees it (a run of capitals once cost the case-splitting regex minutes per megabyte) and before it
// becomes a cache key.
const MAX_TYPE_CHARS = 64;
// CloudFormation names a type in three parts (AWS::RDS::DBInstance); the whole string is bounded
// before it is split, so a megabyte of "::" is not split into a million parts.
const MAX_CLOUDTRAIL_TYPE_CHARS = 3 * MAX_TYPE_CHARS + 4;
const GENERIC_RESOURCE_TYPE = 'aws.resource';
// "DBInstance" → "DB_Instance": a capital that starts a word after an acronym. One capital and a
// two-character look-ahead per position, so linear (the former `([A-Z]+)([A-Z][a-z])` backtracked
// over every run of capitals from each of its positions: quadratic).
const ACRONYM_END = /([A-Z])(?=[A-Z][a-z])/g;
const WORD_START = /([a-z0-9])([A-Z])/g;
const NOT_TYPE_CHAR = /[^a-z0-9_]/g;
const DOTTED_TYPE = /^[a-z0-9]+(\.[a-z0-9_]+)*$/;
/** "AWS::RDS::DBInstance" → "aws.rds.db_instance"; no type → from the ARN ("aws.ecr.repository"). */
function resourceType(cloudTrailType, arn) {
    let raw;
    let key;
    let cache;
    if (cloudTrailType === undefined) {
        const service = arn.split(':', 3)[2] ?? '';
        const kind = arnKind(arn, service);
        raw = ['aws', service, kind];
        key = `${service}:${kind}`;
        cache = typeByArnKind;
    }
    else {
        if (cloudTrailType.length > MAX_CLOUDTRAIL_TYPE_CHARS)
            return GENERIC_RESOURCE_TYPE;
        raw = cloudTrailType.split('::');
        key = cloudTrailType;
        cache = typeByCloudTrailType;
    }
    if (raw.some((part) => part.length > MAX_TYPE_CHARS))
        return GENERIC_RESOURCE_TYPE;
    const cached = cache.get(key);
    if (cached !== undefined)
        return cached;
    // The service keeps its name (SecretsManager → secretsmanager), the resource is snake_cased.
    const parts = raw.map((part, i) => (i < 2 ? part : part.replace(ACRONYM_END, '$1_').replace(WORD_START, '$1_$2'))
        .toLowerCase()
        .replace(NOT_TYPE_CHAR, '_'));
    let type = parts.filter((p) => p !== '').join('.');
    if (type.length > MAX_TYPE_CHARS || !DOTTED_TYPE.test(type))
        type = GENERIC_RESOURCE_TYPE;
    if (cache.size < 1024)
        cache.set(key, type);
    return type;
}
function resourcesOf(listed, eventSource, params, response, identity, scope) {
    const resources = new ResourceList();
    // The key CreateAccessKey just made is what a responder deactivates first.
    const newKey = textAt(at(response, 'accessKey'), 'accessKeyId');
    if (newKey)
        resources.add('aws.iam.access_key', newKey);
    if (params !== undefined) {
        // Walk the (few) parameters rather than the (many) known keys; keep the table's order. for...in
        // yields own keys only (see RecordFields) and reads each value without a lookup by name.
        const found = [];
        for (const key in params) {
            const known = PARAMETER_RESOURCE_BY_KEY.get(key);
            if (known === undefined)
                continue;
            const { rank, entry } = known;
            if (entry.source !== undefined && eventSource !== undefined && entry.source !== eventSource)
                continue;
            const id = params[key];
            if (typeof id === 'string' && id !== '')
                found.push({ rank, entry, id });
        }
        if (found.length > 1)
            found.sort((a, b) => a.rank - b.rank);
        for (const { entry, id } of found)
            resources.addId(entry, id, scope);
        resources.instances(at(params, 'instanceIds'), scope);
        // DeleteFlowLogs logs its request as {DeleteFlowLogsRequest: {FlowLogId: {content, tag} | [...]}}.
        const flowLogs = itemsOf(at(at(params, 'DeleteFlowLogsRequest'), 'FlowLogId'));
        for (let i = 0; i < flowLogs.length && i < MAX_LISTED; i++) {
            const id = textAt(flowLogs[i], 'content');
            if (id !== undefined)
                resources.add('aws.ec2.flow_log', id, regional('ec2', `vpc-flow-log/${id}`, scope));
        }
        resources.instances(params, scope);
    }
    if (response !== undefined)
        resources.instances(response, scope);
    if (Array.isArray(listed)) {
        for (const item of listed) {
            const arn = textAt(item, 'ARN') ?? textAt(item, 'arn');
            if (arn === undefined || !arn.startsWith('arn:'))
                continue;
            resources.add(resourceType(textAt(item, 'type'), arn), arnId(arn), arn);
        }
    }
    if (identity.accessKeyId)
        resources.add('aws.iam.access_key', identity.accessKeyId);
    if (identity.principalType) {
        resources.add(identity.principalType, identity.principalName, identity.principalResourceArn);
    }
    return resources;
}
const NO_ENVELOPE = {};
function normalizeRecord(from, record, envelope = NO_ENVELOPE) {
    const fields = new RecordFields(record.value);
    const eventName = stringOf(fields.eventName, record, PATH.eventName) ??
        record.fail(PATH.eventName, 'required string is missing');
    const eventSource = stringOf(fields.eventSource, record, PATH.eventSource);
    const region = clean(stringOf(fields.awsRegion, record, PATH.awsRegion)) ?? envelope.region;
    const recipientAccountId = clean(stringOf(fields.recipientAccountId, record, PATH.recipientAccountId));
    const partition = partitionOf(region);
    const identityScope = { partition, region, account: recipientAccountId ?? envelope.account };
    const identity = identityOf(record, fields.userIdentity, identityScope);
    const account = recipientAccountId ?? identity.accountId ?? envelope.account;
    const scope = { partition, region, account };
    const time = recordTime(record, fields);
    const errorCode = stringOf(fields.errorCode, record, PATH.errorCode);
    const sourceIp = stringOf(fields.sourceIPAddress, record, PATH.sourceIPAddress);
    const params = (0,json/* isJsonObject */.OW)(fields.requestParameters) ? fields.requestParameters : undefined;
    const response = (0,json/* isJsonObject */.OW)(fields.responseElements) ? fields.responseElements : undefined;
    const additional = fields.additionalEventData;
    // Severity: the call's row, its conditions, then the two rules that apply to any row.
    const attack = new AttackCollector();
    const reasons = [];
    let severity = 'low';
    const row = riskRowOf(eventName, eventSource);
    if (row) {
        severity = row.severity;
        let reason = row.title;
        attack.merge(row);
        if (row.when.length > 0) {
            const facts = {
                params,
                response,
                additional,
                identityType: identity.type,
                identityUserName: identity.userName,
                account,
            };
            for (const condition of row.when) {
                if (!condition.test(facts))
                    continue;
                severity = higher(severity, condition.severity);
                reason = condition.title;
                attack.merge(condition);
            }
        }
        reasons.push(reason);
        if (errorCode !== undefined && DENIED_CODES.has(errorCode) && RANK[severity] < RANK[DENIED_SEVERITY]) {
            severity = DENIED_SEVERITY;
            reasons.push(table.denied.title);
            attack.merge(DENIED_ATTACK);
        }
    }
    const eventType = stringOf(fields.eventType, record, PATH.eventType);
    if (identity.type === 'Root' && identity.invokedBy === undefined && eventType !== 'AwsServiceEvent') {
        const failed = errorCode !== undefined || textAt(response, 'ConsoleLogin') === 'Failure';
        const critical = ROOT_CRITICAL.has(eventName) && !failed;
        severity = higher(severity, critical ? 'critical' : ROOT_SEVERITY);
        reasons.push(critical ? table.root.criticalTitle : table.root.title);
        attack.merge(ROOT_ATTACK);
    }
    const resources = resourcesOf(fields.resources, eventSource, params, response, identity, scope).list;
    const target = resources[0];
    const targetIsActor = target !== undefined &&
        (target.id === identity.accessKeyId ||
            (target.type === identity.principalType && target.id === identity.principalName));
    const onTarget = target && !targetIsActor ? ` on ${target.name ?? target.id}` : '';
    const failure = errorCode ? ` (failed: ${errorCode})` : '';
    const risk = reasons.length > 0 ? reasons.join('; ') : undefined;
    const vendorId = clean(stringOf(fields.eventID, record, PATH.eventID));
    const context = {
        event_type: eventType,
        read_only: readOnlyOf(record, fields.readOnly),
        error_code: errorCode,
        error_message: stringOf(fields.errorMessage, record, PATH.errorMessage),
        risk,
        source_ip_address: sourceIp,
        user_agent: stringOf(fields.userAgent, record, PATH.userAgent),
        recipient_account_id: recipientAccountId,
        user_identity_type: identity.type,
        // The exact session (assumed-role/Role/session) when the actor is its role.
        principal_arn: identity.principalArn === identity.actor ? undefined : identity.principalArn,
        invoked_by: identity.invokedBy,
        mfa_authenticated: identity.mfaAuthenticated,
        mfa_used: textAt(additional, 'MFAUsed'),
        console_login: textAt(response, 'ConsoleLogin'),
        vpc_endpoint_id: stringOf(fields.vpcEndpointId, record, PATH.vpcEndpointId),
        event_time_redacted: time.redacted ? true : undefined,
    };
    return {
        from,
        vendorId,
        timestamp: time.timestamp ?? envelope.timestamp,
        source: 'cloudtrail',
        severity,
        kind: eventSource ? `${eventSource}:${eventName}` : eventName,
        title: `${risk ? `${risk}: ` : ''}${eventName} by ${identity.label ?? 'an unknown principal'}${onTarget}${failure}`,
        resources,
        account,
        region,
        actor: identity.actor,
        indicators: new IndicatorSet().ip(sourceIp).list,
        attack,
        // A spread into the literal would cost every record; only containers have context of their own.
        context: envelope.context === undefined ? context : { ...envelope.context, ...context },
    };
}
// ---------------------------------------------------------------------------------------------------
// Containers: EventBridge and lookup-events
// https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cloudtrail.html ... the detail of each
// is a CloudTrail record. Insight events ("AWS Insight via CloudTrail") are not: they carry
// insightDetails, not a call.
const EVENTBRIDGE_DETAIL_TYPES = new Set([
    'AWS API Call via CloudTrail',
    'AWS Console Sign In via CloudTrail',
    'AWS Service Event via CloudTrail',
    'AWS Console Action via CloudTrail',
]);
function normalizeEventBridge(reader) {
    const detail = reader.child('detail') ?? reader.fail('detail', 'required object is missing');
    return normalizeRecord(reader, detail, {
        account: clean(reader.string('account')),
        region: clean(reader.string('region')),
        timestamp: reader.time('time'),
        context: {
            eventbridge_id: reader.string('id'),
            eventbridge_source: reader.string('source'),
            detail_type: reader.string('detail-type'),
        },
    });
}
/**
 * `aws cloudtrail lookup-events` items carry the record as a JSON string. It is parsed under the same
 * limits as a document (size, depth, no prototype keys), and errors inside it are reported at
 * `$.CloudTrailEvent.<field>`.
 */
function normalizeLookupItem(item) {
    const parsed = (0,documents/* parseEmbeddedJson */.oF)(item.requireString('CloudTrailEvent'));
    if (!('value' in parsed))
        return item.fail(['CloudTrailEvent', ...parsed.path], parsed.what);
    if (!(0,json/* isJsonObject */.OW)(parsed.value))
        return item.fail('CloudTrailEvent', 'does not hold a JSON object');
    const record = new fields/* FieldReader */.U(parsed.value, item.origin, [...item.base, 'CloudTrailEvent']);
    return normalizeRecord(item, record, { timestamp: item.time('EventTime') });
}
function isRecordShape(payload) {
    if (Object.hasOwn(payload, 'class_uid'))
        return false; // OCSF API Activity mapped from CloudTrail
    return (typeof payload.eventSource === 'string' ||
        (0,json/* isJsonObject */.OW)(payload.userIdentity) ||
        typeof payload.eventVersion === 'string' ||
        typeof payload.awsRegion === 'string' ||
        // Panther's label on records it stored, some of them trimmed down to eventName.
        payload.p_log_type === 'AWS.CloudTrail');
}
function isLookupItem(value) {
    return (0,json/* isJsonObject */.OW)(value) && typeof value.CloudTrailEvent === 'string';
}
const cloudtrail = {
    vendor: 'cloudtrail',
    accepts: 'AWS CloudTrail records (single, or a log file with Records[]), EventBridge "AWS API Call / Console Sign In / Service Event / Console Action via CloudTrail" events, and `aws cloudtrail lookup-events` output',
    detect(payload) {
        if (typeof payload.eventName === 'string')
            return isRecordShape(payload);
        const detailType = payload['detail-type'];
        if (typeof detailType === 'string') {
            const detail = payload.detail;
            return (EVENTBRIDGE_DETAIL_TYPES.has(detailType) &&
                (0,json/* isJsonObject */.OW)(detail) &&
                typeof detail.eventName === 'string');
        }
        if (isLookupItem(payload))
            return true;
        const events = payload.Events;
        return Array.isArray(events) && isLookupItem(events[0]);
    },
    normalize(reader) {
        const value = reader.value;
        if (typeof value.eventName !== 'string') {
            if (Object.hasOwn(value, 'detail-type') && Object.hasOwn(value, 'detail'))
                return [normalizeEventBridge(reader)];
            if (Object.hasOwn(value, 'CloudTrailEvent'))
                return [normalizeLookupItem(reader)];
            if (Array.isArray(value.Events))
                return reader.children('Events').map(normalizeLookupItem);
        }
        return [normalizeRecord(reader, reader)];
    },
};
//# sourceMappingURL=cloudtrail.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/data/datadog-severity.json
const datadog_severity_namespaceObject = /*#__PURE__*/JSON.parse('{"yr":{"info":"low","low":"low","medium":"medium","high":"high","critical":"critical"},"vh":["low","low","medium","high","critical"]}');
;// CONCATENATED MODULE: ./lib/src/ingest/normalizers/datadog.js
// Datadog Cloud SIEM / Workload Security signals, in the Security Monitoring API v2 shape
// (`{id, type: "signal", attributes: {timestamp, status, tags[], host, attributes | custom: {...}}}`, alone,
// as a GET response `{data: {...}}` or a list `{data: [...]}`), and webhook bodies. Datadog has no
// fixed webhook body for signals: the webhook integration's payload is a template of $VARIABLES
// (https://docs.datadoghq.com/integrations/webhooks/). irac reads this template:
//
//   {
//     "id": "$ID",
//     "date": "$DATE",
//     "link": "$LINK",
//     "tags": "$TAGS",
//     "title": "$SECURITY_SIGNAL_TITLE",
//     "signal_id": "$SECURITY_SIGNAL_ID",
//     "severity": "$SECURITY_SIGNAL_SEVERITY",
//     "rule_id": "$SECURITY_RULE_ID",
//     "rule_name": "$SECURITY_RULE_NAME",
//     "rule_type": "$SECURITY_RULE_TYPE",
//     "attributes": $SECURITY_SIGNAL_ATTRIBUTES
//   }
//
// signal_id, rule_name (or rule_id) and severity are required; `attributes` must stay unquoted (it is JSON).




const LEVELS = new Map(Object.entries(datadog_severity_namespaceObject.yr));
const BY_NUMBER = datadog_severity_namespaceObject.vh;
const AWS_INSTANCE = /^i-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
const IAM_ARN = /^arn:(aws[a-z-]*):(?:iam|sts)::(\d{12}):(user|role|assumed-role|root)(?:\/(.+))?$/;
/** A field as a list: Datadog attributes hold a value or an array of values. */
function firstAt(reader, path) {
    return reader?.texts(path)[0];
}
/** Values of `key:value` tags. */
function tagValues(tags, key) {
    const prefix = `${key}:`;
    return tags.filter((tag) => tag.startsWith(prefix)).map((tag) => tag.slice(prefix.length));
}
function severityNamed(reader, path, value) {
    return (LEVELS.get(value.trim().toLowerCase()) ??
        reader.fail(path, `unknown Datadog severity "${value.slice(0, 40)}"; expected info, low, medium, high or critical`));
}
/** The IAM principal a CloudTrail-based signal names, as the resource to act on. */
function principalOf(arn) {
    const match = IAM_ARN.exec(arn);
    if (!match)
        return undefined;
    const [, partition, account, kind, rest = ''] = match;
    if (kind === 'root')
        return { type: 'aws.account', id: account };
    const name = kind === 'assumed-role' ? rest.split('/')[0] : rest.split('/').pop();
    if (!name)
        return undefined;
    if (kind === 'user')
        return { type: 'aws.iam.user', id: name, arn };
    return { type: 'aws.iam.role', id: name, arn: `arn:${partition}:iam::${account}:role/${name}` };
}
function machineOf(host, tags, account, region) {
    const instance = host && AWS_INSTANCE.test(host) ? host : tagValues(tags, 'instance-id')[0];
    if (instance && AWS_INSTANCE.test(instance)) {
        const arn = account && region ? `arn:aws:ec2:${region}:${account}:instance/${instance}` : undefined;
        const ref = { type: 'aws.ec2.instance', id: instance };
        if (arn)
            ref.arn = arn;
        if (host && host !== instance)
            ref.name = host;
        return ref;
    }
    return host ? { type: 'host', id: host } : undefined;
}
/** What the signal's attributes (the matched logs' grouped fields) and tags say, in both shapes. */
function describe(attributes, tags, host) {
    const identity = attributes?.child('userIdentity');
    const principalArn = identity?.string('arn');
    const account = identity?.text('accountId') ??
        firstAt(attributes, 'recipientAccountId') ??
        tagValues(tags, 'aws_account')[0];
    const region = firstAt(attributes, 'awsRegion') ?? tagValues(tags, 'region')[0];
    const user = firstAt(attributes, ['usr', 'name']) ?? firstAt(attributes, ['usr', 'id']);
    // Credentials first (what to disable), then the principal, the machine, the workload, the user.
    const resources = [];
    const accessKey = identity?.string('accessKeyId');
    if (accessKey)
        resources.push({ type: 'aws.iam.access_key', id: accessKey });
    const principal = principalArn ? principalOf(principalArn) : undefined;
    if (principal)
        resources.push(principal);
    const machine = machineOf(host, tags, account, region);
    if (machine)
        resources.push(machine);
    const namespace = tagValues(tags, 'kube_namespace')[0];
    const pod = tagValues(tags, 'pod_name')[0];
    if (namespace && pod)
        resources.push({ type: 'k8s.pod', id: `${namespace}/${pod}` });
    const cluster = tagValues(tags, 'kube_cluster_name')[0];
    if (cluster)
        resources.push({ type: 'k8s.cluster', id: cluster });
    if (user && !principal)
        resources.push({ type: 'user', id: user });
    const indicators = new IndicatorSet();
    for (const ip of attributes?.texts(['network', 'client', 'ip']) ?? [])
        indicators.ip(ip);
    for (const ip of attributes?.texts('sourceIPAddress') ?? [])
        indicators.ip(ip);
    for (const name of attributes?.texts(['dns', 'question', 'name']) ?? [])
        indicators.domain(name);
    for (const url of attributes?.texts(['http', 'url']) ?? [])
        indicators.url(url);
    for (const email of attributes?.texts(['usr', 'email']) ?? [])
        indicators.email(email);
    // `tactic:ta0006-credential-access`, `technique:t1078.004-cloud-accounts`: the id leads the value.
    const attack = new AttackCollector();
    for (const value of tagValues(tags, 'tactic'))
        attack.tactic(value.split('-')[0]).tactic(value);
    for (const value of tagValues(tags, 'technique'))
        attack.technique(value.split('-')[0]);
    return {
        resources,
        account,
        region,
        actor: principalArn ?? user ?? firstAt(attributes, ['usr', 'email']) ?? identity?.string('userName'),
        indicators: indicators.list,
        attack,
        context: {
            log_source: tagValues(tags, 'source')[0],
            env: tagValues(tags, 'env')[0],
            service: [...new Set(attributes?.texts('service'))].join(', ') || undefined,
            event_name: firstAt(attributes, ['evt', 'name']) ?? firstAt(attributes, 'eventName'),
        },
    };
}
function rateSignal(signal, attributes, tags) {
    const status = signal.string(['attributes', 'status']);
    if (status !== undefined) {
        return { severity: severityNamed(signal, ['attributes', 'status'], status), value: status };
    }
    const level = signal.number(['attributes', 'severity']);
    if (level !== undefined) {
        const severity = Number.isInteger(level) && level >= 0 ? BY_NUMBER[level] : undefined;
        return {
            severity: severity ??
                signal.fail(['attributes', 'severity'], `severity ${level} is outside Datadog's 0-4 scale`),
            value: String(level),
        };
    }
    const caseStatus = attributes?.string(['triggeringRuleCase', 'status']);
    if (attributes && caseStatus !== undefined) {
        return {
            severity: severityNamed(attributes, ['triggeringRuleCase', 'status'], caseStatus),
            value: caseStatus,
        };
    }
    const tagged = tagValues(tags, 'status')[0];
    if (tagged !== undefined)
        return { severity: severityNamed(signal, ['attributes', 'tags'], tagged), value: tagged };
    return signal.fail(['attributes', 'status'], 'the signal has no severity (status)');
}
function normalizeSignal(signal) {
    const outer = signal.child('attributes') ?? signal.fail('attributes', 'required object is missing');
    // The list endpoint nests the matched logs' fields under attributes.attributes, the details endpoint under custom.
    const attributes = outer.child('attributes') ?? outer.child('custom');
    const tags = outer.strings('tags');
    const rule = attributes?.child(['workflow', 'rule']);
    const title = attributes?.string('title');
    const kind = rule?.string('name') ??
        title ??
        signal.fail(['attributes', 'attributes', 'workflow', 'rule', 'name'], 'the signal names no rule');
    const rating = rateSignal(signal, attributes, tags);
    const host = outer.string('host') ?? firstAt(attributes, 'host') ?? firstAt(attributes, 'hostname');
    // What the signal says about resources, principal and indicators; its own facts go to context.
    const { context: facts, ...found } = describe(attributes, tags, host);
    return {
        from: signal,
        // Datadog updates a signal in place as more logs match; its id stays the signal's identity.
        vendorId: signal.text('id'),
        timestamp: attributes?.time(['workflow', 'first_seen']) ?? outer.time('timestamp'),
        source: 'siem',
        severity: rating.severity,
        kind,
        title: title ?? kind,
        ...found,
        context: {
            ...facts,
            vendor_severity: rating.value,
            rule_id: rule?.string('id'),
            rule_type: rule?.string('type'),
            triage_state: attributes?.string(['workflow', 'triage', 'state']),
            events_matched: attributes?.text(['workflow', 'events_matched']),
        },
    };
}
function webhookTags(webhook) {
    // $TAGS renders as "a:b, c:d"; a hand-written template may send an array.
    if (Array.isArray(webhook.get('tags')))
        return webhook.strings('tags');
    const tags = webhook.string('tags') ?? '';
    return tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean);
}
function normalizeWebhook(webhook) {
    const severityText = webhook.string('severity') ??
        webhook.fail('severity', 'required: add "severity": "$SECURITY_SIGNAL_SEVERITY" to the webhook payload');
    const severity = severityNamed(webhook, 'severity', severityText);
    const title = webhook.string('title');
    const kind = webhook.string('rule_name') ??
        title ??
        webhook.fail('rule_name', 'required: "rule_name": "$SECURITY_RULE_NAME"');
    const attributes = webhook.child('attributes');
    const tags = webhookTags(webhook);
    const host = firstAt(attributes, 'host') ?? firstAt(attributes, 'hostname');
    // What the signal says about resources, principal and indicators; its own facts go to context.
    const { context: facts, ...found } = describe(attributes, tags, host);
    return {
        from: webhook,
        vendorId: webhook.text('signal_id'),
        timestamp: webhook.time('date'),
        source: 'siem',
        severity,
        kind,
        title: title ?? kind,
        ...found,
        context: {
            ...facts,
            vendor_severity: severityText,
            rule_id: webhook.text('rule_id'),
            rule_type: webhook.string('rule_type'),
            link: webhook.string('link'),
            notification_id: webhook.text('id'),
        },
    };
}
function isSignal(value) {
    return (0,json/* isJsonObject */.OW)(value) && value.type === 'signal' && (0,json/* isJsonObject */.OW)(value.attributes);
}
function isWebhook(payload) {
    return (typeof payload.signal_id === 'string' &&
        (typeof payload.rule_name === 'string' || typeof payload.rule_id === 'string'));
}
const datadog = {
    vendor: 'datadog',
    accepts: 'Datadog security signals (API v2: a signal, {data: signal}, {data: [signals]}) and webhook bodies of $SECURITY_* variables',
    detect(payload) {
        const { data } = payload;
        return (isSignal(payload) || isSignal(data) || (Array.isArray(data) && isSignal(data[0])) || isWebhook(payload));
    },
    normalize(reader) {
        const { data } = reader.value;
        if (Array.isArray(data))
            return reader.children('data').map(normalizeSignal);
        if ((0,json/* isJsonObject */.OW)(data))
            return [normalizeSignal(reader.child('data'))];
        if (isWebhook(reader.value))
            return [normalizeWebhook(reader)];
        return [normalizeSignal(reader)];
    },
};
//# sourceMappingURL=datadog.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/data/elastic-severity.json
const elastic_severity_namespaceObject = /*#__PURE__*/JSON.parse('{"yr":{"low":"low","medium":"medium","high":"high","critical":"critical"},"_S":[{"atMost":21,"severity":"low"},{"atMost":47,"severity":"medium"},{"atMost":73,"severity":"high"},{"atMost":100,"severity":"critical"}]}');
;// CONCATENATED MODULE: ./lib/src/ingest/normalizers/elastic.js
// Elastic Security detection alerts, as a Kibana webhook connector or a search returns them: the alert
// document (https://www.elastic.co/guide/en/security/current/alert-schema.html) with its `kibana.alert.*`
// fields as dotted keys, as nested objects, or both mixed (8.x stores dotted kibana.alert keys beside
// nested ECS objects); the 7.x detection engine's `signal.rule.*` document; a search hit
// (`{_id, _source}`) and a search response (`{hits: {hits: [...]}}`). ECS allows any field to be an
// array, and the search API's `fields` option returns every one as such, so single values are read as
// "the first of possibly several".




const elastic_LEVELS = new Map(Object.entries(elastic_severity_namespaceObject.yr));
const RISK_BANDS = elastic_severity_namespaceObject._S;
const SEVERITY_FIELDS = [
    'kibana.alert.severity',
    'kibana.alert.rule.severity',
    'kibana.alert.rule.parameters.severity',
    'signal.rule.severity',
];
const RISK_SCORE_FIELDS = [
    'kibana.alert.risk_score',
    'kibana.alert.rule.risk_score',
    'kibana.alert.rule.parameters.risk_score',
    'signal.rule.risk_score',
];
const THREAT_FIELDS = [
    'kibana.alert.rule.threat',
    'kibana.alert.rule.parameters.threat',
    'signal.rule.threat',
];
const IP_FIELDS = ['source.ip', 'destination.ip', 'client.ip', 'server.ip'];
const DOMAIN_FIELDS = ['dns.question.name', 'destination.domain', 'url.domain'];
const URL_FIELDS = ['url.full', 'url.original'];
const HASH_FIELDS = [
    'file.hash.sha256',
    'file.hash.sha1',
    'file.hash.md5',
    'process.hash.sha256',
    'process.hash.sha1',
    'process.hash.md5',
];
const elastic_AWS_INSTANCE = /^i-[0-9a-f]{8,17}$/;
/** Field names are constants of this module: their split is computed once. */
const SEGMENTS = new Map();
function segmentsOf(field) {
    let segments = SEGMENTS.get(field);
    if (!segments) {
        segments = field.split('.');
        SEGMENTS.set(field, segments);
    }
    return segments;
}
const SHAPES = new WeakMap();
/** One pass over an object's own keys (not its values), remembered for the document's other fields. */
function shapeOf(node) {
    let shape = SHAPES.get(node);
    if (!shape) {
        const heads = new Set();
        let dotted = false;
        for (const key of Object.keys(node)) {
            const dot = key.indexOf('.');
            if (dot >= 0)
                dotted = true;
            heads.add(dot < 0 ? key : key.slice(0, dot));
        }
        shape = { heads, dotted };
        SHAPES.set(node, shape);
    }
    return shape;
}
/**
 * Finds a field's own path in a document that may spell `host.name` as a dotted key, nested objects, or
 * a mix: at each level the key grows one segment at a time (`host`, then `host.name`).
 */
function locate(node, segments, start) {
    const shape = shapeOf(node);
    if (!shape.heads.has(segments[start]))
        return undefined;
    let key = '';
    for (let end = start; end < segments.length; end++) {
        if (end > start && !shape.dotted)
            return undefined;
        key = end === start ? segments[end] : `${key}.${segments[end]}`;
        if (!Object.hasOwn(node, key))
            continue;
        if (end === segments.length - 1)
            return [key];
        const child = node[key];
        if (!(0,json/* isJsonObject */.OW)(child))
            continue;
        const rest = locate(child, segments, end + 1);
        if (rest)
            return [key, ...rest];
    }
    return undefined;
}
/** Reads ECS fields of one alert document, wherever the document put them. */
class AlertFields {
    doc;
    constructor(doc) {
        this.doc = doc;
    }
    path(field) {
        // Kibana 8 writes its own fields as whole dotted keys: the cheapest test first.
        if (Object.hasOwn(this.doc.value, field))
            return [field];
        const segments = segmentsOf(field);
        return locate(this.doc.value, segments, 0) ?? segments;
    }
    /** Every value of a field: ECS fields may be arrays. */
    values(field) {
        const path = this.path(field);
        const value = this.doc.get(path);
        if (!Array.isArray(value)) {
            const text = this.doc.text(path);
            return text === undefined ? [] : [text];
        }
        return value.flatMap((_, i) => this.doc.text([...path, i]) ?? []);
    }
    first(...fields) {
        for (const field of fields) {
            const value = this.values(field)[0];
            if (value !== undefined)
                return value;
        }
        return undefined;
    }
    /** The path of a field's first value, for reads and error messages. */
    firstPath(field) {
        const path = this.path(field);
        return Array.isArray(this.doc.get(path)) ? [...path, 0] : path;
    }
    time(...fields) {
        return this.doc.firstTime(...fields.map((field) => this.firstPath(field)));
    }
    number(field) {
        return this.doc.numeric(this.firstPath(field));
    }
}
function isAlertDocument(doc) {
    if (Object.hasOwn(doc, 'kibana.alert.rule.name') ||
        Object.hasOwn(doc, 'kibana.alert.uuid') ||
        Object.hasOwn(doc, 'signal.rule.name')) {
        return true;
    }
    const { kibana, signal } = doc;
    if ((0,json/* isJsonObject */.OW)(kibana) && ((0,json/* isJsonObject */.OW)(kibana.alert) || Object.hasOwn(kibana, 'alert.rule.name')))
        return true;
    return (0,json/* isJsonObject */.OW)(signal) && (0,json/* isJsonObject */.OW)(signal.rule);
}
function isSearchResponse(payload) {
    const hits = (0,json/* isJsonObject */.OW)(payload.hits) ? payload.hits.hits : undefined;
    const first = Array.isArray(hits) ? hits[0] : undefined;
    return (0,json/* isJsonObject */.OW)(first) && (0,json/* isJsonObject */.OW)(first._source) && isAlertDocument(first._source);
}
function rate(alert) {
    for (const field of SEVERITY_FIELDS) {
        const value = alert.first(field);
        if (value === undefined)
            continue;
        const severity = elastic_LEVELS.get(value.trim().toLowerCase());
        if (!severity) {
            alert.doc.fail(alert.firstPath(field), `unknown Elastic severity "${value.slice(0, 40)}"; expected low, medium, high or critical`);
        }
        return { severity, value };
    }
    for (const field of RISK_SCORE_FIELDS) {
        const score = alert.number(field);
        if (score === undefined)
            continue;
        const band = score >= 0 ? RISK_BANDS.find((b) => score <= b.atMost) : undefined;
        if (!band)
            alert.doc.fail(alert.firstPath(field), `risk score ${score} is outside Elastic's 0-100 range`);
        return { severity: band.severity, value: `risk_score ${score}` };
    }
    return alert.doc.fail(alert.path('kibana.alert.severity'), 'the alert has neither a severity nor a risk score (not an Elastic Security detection alert?)');
}
function attackOf(alert) {
    const attack = new AttackCollector();
    const threatField = THREAT_FIELDS.find((field) => Array.isArray(alert.doc.get(alert.path(field))));
    if (threatField) {
        for (const threat of alert.doc.children(alert.path(threatField))) {
            attack.tactic(threat.string(['tactic', 'id']) ?? threat.string(['tactic', 'name']));
            for (const technique of threat.children('technique')) {
                attack.technique(technique.string('id'));
                for (const sub of technique.children('subtechnique'))
                    attack.technique(sub.string('id'));
            }
        }
        return attack;
    }
    // The search API's `fields` form flattens the threat objects into parallel arrays.
    for (const prefix of ['kibana.alert.rule.threat', 'signal.rule.threat']) {
        for (const id of alert.values(`${prefix}.tactic.id`))
            attack.tactic(id);
        for (const id of alert.values(`${prefix}.technique.id`))
            attack.technique(id);
        for (const id of alert.values(`${prefix}.technique.subtechnique.id`))
            attack.technique(id);
    }
    return attack;
}
function cloudInstance(alert) {
    const id = alert.first('cloud.instance.id');
    if (!id)
        return undefined;
    const provider = alert.first('cloud.provider')?.toLowerCase();
    const name = alert.first('cloud.instance.name');
    if (provider === 'aws' || (provider === undefined && elastic_AWS_INSTANCE.test(id))) {
        const region = alert.first('cloud.region');
        const account = alert.first('cloud.account.id');
        const arn = region && account ? `arn:aws:ec2:${region}:${account}:instance/${id}` : undefined;
        return { type: 'aws.ec2.instance', id, ...(arn && { arn }), ...(name && { name }) };
    }
    const type = provider === 'azure' ? 'azure.vm' : provider === 'gcp' ? 'gcp.compute.instance' : 'cloud.instance';
    return { type, id, ...(name && { name }) };
}
/** The most contained thing first: a container, its pod, the VM, the host, then the user. */
function elastic_resourcesOf(alert, hostName) {
    const resources = [];
    const container = alert.first('container.id');
    if (container) {
        const image = alert.first('container.image.name');
        resources.push({ type: 'container', id: container, ...(image && { name: image }) });
    }
    const namespace = alert.first('kubernetes.namespace', 'orchestrator.namespace');
    const pod = alert.first('kubernetes.pod.name');
    if (namespace && pod)
        resources.push({ type: 'k8s.pod', id: `${namespace}/${pod}` });
    const instance = cloudInstance(alert);
    if (instance)
        resources.push(instance);
    const host = hostName ?? alert.first('host.id');
    if (host)
        resources.push({ type: 'host', id: host });
    for (const user of alert.values('user.name'))
        resources.push({ type: 'user', id: user });
    return resources;
}
function indicatorsOf(alert) {
    const indicators = new IndicatorSet();
    for (const field of IP_FIELDS)
        for (const value of alert.values(field))
            indicators.ip(value);
    for (const field of DOMAIN_FIELDS)
        for (const value of alert.values(field))
            indicators.domain(value);
    for (const field of URL_FIELDS)
        for (const value of alert.values(field))
            indicators.url(value);
    for (const field of HASH_FIELDS)
        for (const value of alert.values(field))
            indicators.hash(value);
    return indicators;
}
function normalizeAlert(from, doc, hitId) {
    const alert = new AlertFields(doc);
    const rule = alert.first('kibana.alert.rule.name', 'signal.rule.name') ??
        doc.fail(alert.path('kibana.alert.rule.name'), 'required string is missing');
    const rating = rate(alert);
    const hostName = alert.first('host.name', 'host.hostname');
    const reason = alert.first('kibana.alert.reason', 'signal.reason');
    const resources = elastic_resourcesOf(alert, hostName);
    return {
        from,
        // An alert document is written once per detection; every action re-sending it re-sends that uuid.
        vendorId: alert.first('kibana.alert.uuid') ?? hitId ?? alert.first('_id'),
        timestamp: alert.time('kibana.alert.original_time', 'signal.original_time', 'kibana.alert.start', '@timestamp'),
        source: 'siem',
        severity: rating.severity,
        kind: rule,
        title: reason ?? (hostName ? `${rule} on ${hostName}` : rule),
        resources,
        account: alert.first('cloud.account.id'),
        region: alert.first('cloud.region'),
        actor: alert.first('aws.cloudtrail.user_identity.arn', 'user.name', 'user.id'),
        indicators: indicatorsOf(alert).list,
        attack: attackOf(alert),
        context: {
            vendor_severity: rating.value,
            rule_id: alert.first('kibana.alert.rule.rule_id', 'signal.rule.rule_id'),
            rule_uuid: alert.first('kibana.alert.rule.uuid', 'signal.rule.id'),
            rule_type: alert.first('kibana.alert.rule.type', 'signal.rule.type'),
            workflow_status: alert.first('kibana.alert.workflow_status', 'signal.status'),
            link: alert.first('kibana.alert.url'),
            space: alert.first('kibana.space_ids'),
            event_action: alert.first('event.action'),
            event_category: alert.first('event.category'),
            host_id: alert.first('host.id'),
            process: alert.first('process.command_line', 'process.executable'),
        },
    };
}
function normalizeHit(hit) {
    const source = hit.child('_source') ?? hit.fail('_source', 'required object is missing');
    return normalizeAlert(hit, source, hit.text('_id'));
}
const elastic = {
    vendor: 'elastic',
    accepts: 'Elastic Security alerts (kibana.alert.* documents, nested or dotted; 7.x signal.rule.*), search hits and search responses',
    detect(payload) {
        if (isAlertDocument(payload))
            return true;
        if ((0,json/* isJsonObject */.OW)(payload._source))
            return isAlertDocument(payload._source);
        return isSearchResponse(payload);
    },
    normalize(reader) {
        if (isAlertDocument(reader.value))
            return [normalizeAlert(reader, reader, undefined)];
        if (Object.hasOwn(reader.value, '_source'))
            return [normalizeHit(reader)];
        if (Object.hasOwn(reader.value, 'hits'))
            return reader.children(['hits', 'hits']).map(normalizeHit);
        // Chosen with --source but shaped like none of the above: the missing rule name says why.
        return [normalizeAlert(reader, reader, undefined)];
    },
};
//# sourceMappingURL=elastic.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/normalizers/falco.js
// Falco alerts: the JSON Falco prints with json_output=true, which is also the body Falcosidekick
// forwards to webhooks (it adds `uuid`). Syscall alerts name a container / k8s pod, k8s_audit alerts
// name the API object (ka.target.*), internal ones (metrics snapshots) name the host.



// Falco's priorities, from syslog: https://falco.org/docs/concepts/rules/basic-elements/#priority
const SEVERITY_BY_PRIORITY = (0,json/* tableOf */.c_)({
    emergency: 'critical',
    alert: 'critical',
    critical: 'critical',
    error: 'high',
    warning: 'medium',
    notice: 'low',
    informational: 'low',
    info: 'low',
    debug: 'low',
});
const falco_IP_FIELDS = ['fd.cip', 'fd.sip', 'fd.rip', 'fd.lip', 'ka.sourceips'];
const falco_DOMAIN_FIELDS = ['fd.sip.name', 'fd.rip.name', 'fd.cip.name'];
const falco_HASH_FIELDS = ['proc.exe_sha256', 'proc.hash.sha256', 'container.image.digest'];
function field(reader, name) {
    return reader.text(['output_fields', name]);
}
/** The k8s object an audit alert is about: ka.target.resource "pods" → type k8s.pod. */
function auditTarget(reader) {
    const name = field(reader, 'ka.target.name');
    const kind = field(reader, 'ka.target.resource');
    if (!name || !kind)
        return undefined;
    const namespace = field(reader, 'ka.target.namespace');
    const type = `k8s.${kind
        .toLowerCase()
        .replace(/s$/, '')
        .replace(/[^a-z0-9_]/g, '_')}`;
    return { type, id: namespace ? `${namespace}/${name}` : name };
}
function falco_resourcesOf(reader, hostname) {
    const resources = [];
    const target = auditTarget(reader);
    if (target)
        resources.push(target);
    const namespace = field(reader, 'k8s.ns.name');
    const pod = field(reader, 'k8s.pod.name');
    if (namespace && pod)
        resources.push({ type: 'k8s.pod', id: `${namespace}/${pod}` });
    const container = field(reader, 'container.id');
    if (container && container !== 'host') {
        const image = field(reader, 'container.image.repository');
        resources.push(image ? { type: 'container', id: container, name: image } : { type: 'container', id: container });
    }
    if (namespace && !pod)
        resources.push({ type: 'k8s.namespace', id: namespace });
    if (hostname)
        resources.push({ type: 'host', id: hostname });
    return resources;
}
function falco_normalizeAlert(reader) {
    const rule = reader.requireString('rule');
    const priority = reader.requireString('priority');
    const severity = SEVERITY_BY_PRIORITY.get(priority.toLowerCase()) ??
        reader.fail('priority', `unknown Falco priority "${priority}"`);
    reader.object('output_fields');
    const hostname = reader.string('hostname') ?? field(reader, 'evt.hostname');
    const indicators = new IndicatorSet();
    for (const name of falco_IP_FIELDS)
        for (const ip of (field(reader, name) ?? '').split(','))
            indicators.ip(ip);
    for (const name of falco_DOMAIN_FIELDS)
        indicators.domain(field(reader, name));
    for (const name of falco_HASH_FIELDS)
        indicators.hash(field(reader, name)?.replace(/^sha256:/, ''));
    const attack = new AttackCollector();
    for (const tag of reader.strings('tags'))
        attack.label(tag);
    const output = reader.string('output');
    return {
        from: reader,
        vendorId: reader.string('uuid'),
        timestamp: reader.time('time'),
        source: 'runtime',
        severity,
        kind: rule,
        title: output ? `${rule}: ${output.replace(/^\d{2}:\d{2}:\d{2}\.\d+: \w+ /, '')}` : rule,
        resources: falco_resourcesOf(reader, hostname),
        actor: field(reader, 'ka.user.name') ?? field(reader, 'user.name'),
        indicators: indicators.list,
        attack,
        context: {
            vendor_severity: priority,
            falco_source: reader.string('source'),
            hostname,
            process: field(reader, 'proc.cmdline'),
            image: field(reader, 'container.image.repository'),
        },
    };
}
const falco = {
    vendor: 'falco',
    accepts: 'Falco JSON alerts (json_output: true) and Falcosidekick webhook bodies',
    detect(payload) {
        return (typeof payload.rule === 'string' &&
            typeof payload.priority === 'string' &&
            (Object.hasOwn(payload, 'output') || Object.hasOwn(payload, 'output_fields')));
    },
    normalize: (reader) => [falco_normalizeAlert(reader)],
};
//# sourceMappingURL=falco.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/normalizers/generic.js
// Payloads that already have the SecurityEvent shape — the seed's `{id, timestamp, source, severity,
// resource, payload, context}` or a full event printed by `irac normalize --json` — sent by a custom
// detector or a SIEM rule whose webhook template a team wrote themselves. What the sender claims about
// identity (id, fingerprint, hashes) is never trusted: it is recomputed like for any other source.


const generic_SEVERITIES = ['low', 'medium', 'high', 'critical'];
const generic_SOURCES = ['siem', 'cloudtrail', 'runtime', 'threatintel'];
function oneOf(reader, path, allowed) {
    const value = reader.string(path);
    if (value === undefined)
        return undefined;
    const lower = value.toLowerCase();
    if (!allowed.includes(lower))
        reader.fail(path, `must be one of ${allowed.join(', ')}`);
    return lower;
}
function generic_indicatorsOf(reader) {
    const set = new IndicatorSet();
    for (const item of reader.children('indicators')) {
        const value = item.requireString('value');
        const type = item.requireString('type');
        if (type === 'ip')
            set.ip(value);
        else if (type === 'domain')
            set.domain(value);
        else if (type === 'url')
            set.url(value);
        else if (type === 'email')
            set.email(value);
        else if (type === 'md5' || type === 'sha1' || type === 'sha256')
            set.hash(value);
        else
            item.fail('type', 'must be one of ip, domain, url, md5, sha1, sha256, email');
    }
    return set;
}
function generic_resourcesOf(reader) {
    return reader.children('resources').map((item) => {
        const ref = { type: item.requireString('type'), id: item.requireString('id') };
        const arn = item.string('arn');
        const name = item.string('name');
        if (arn)
            ref.arn = arn;
        if (name)
            ref.name = name;
        return ref;
    });
}
function generic_contextOf(reader) {
    const context = {};
    const object = reader.object('context') ?? {};
    for (const key of Object.keys(object)) {
        const value = reader.text(['context', key]);
        if (value !== undefined)
            context[key] = value;
    }
    return context;
}
function normalizeEvent(reader) {
    const severity = oneOf(reader, 'severity', generic_SEVERITIES) ?? reader.fail('severity', 'required');
    const attack = new AttackCollector();
    for (const tactic of reader.strings('attack.tactics'))
        attack.tactic(tactic);
    for (const technique of reader.strings('attack.techniques'))
        attack.technique(technique);
    reader.object('payload');
    return {
        from: reader,
        vendorId: reader.text('id'),
        timestamp: reader.time('timestamp'),
        source: oneOf(reader, 'source', generic_SOURCES) ?? 'siem',
        severity,
        kind: reader.string('kind') ?? 'generic',
        title: reader.string('title'),
        resource: reader.requireString('resource'),
        resources: generic_resourcesOf(reader),
        account: reader.text('account'),
        region: reader.string('region'),
        actor: reader.string('actor'),
        indicators: generic_indicatorsOf(reader).list,
        attack,
        context: generic_contextOf(reader),
    };
}
const generic = {
    vendor: 'generic',
    accepts: 'payloads already shaped as a SecurityEvent (at least severity and resource)',
    detect(payload) {
        return (typeof payload.severity === 'string' &&
            generic_SEVERITIES.includes(payload.severity.toLowerCase()) &&
            typeof payload.resource === 'string');
    },
    normalize: (reader) => [normalizeEvent(reader)],
};
//# sourceMappingURL=generic.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/data/guardduty-attack.json
const guardduty_attack_namespaceObject = /*#__PURE__*/JSON.parse('{"OP":{"Backdoor":["command_and_control"],"Behavior":[],"CredentialAccess":["credential_access"],"CryptoCurrency":["impact"],"DefenseEvasion":["defense_evasion"],"Discovery":["discovery"],"Execution":["execution"],"Exfiltration":["exfiltration"],"Impact":["impact"],"InitialAccess":["initial_access"],"PenTest":[],"Persistence":["persistence"],"Policy":[],"PrivilegeEscalation":["privilege_escalation"],"Recon":["discovery"],"Stealth":["defense_evasion"],"Trojan":["command_and_control"],"UnauthorizedAccess":[],"AttackSequence":[]},"v8":{"Backdoor:EC2/DenialOfService.*":{"tactics":["impact"],"techniques":["T1498"],"why":"the instance is being used to run a denial-of-service attack: Network Denial of Service"},"CryptoCurrency:*":{"techniques":["T1496"],"why":"mining software or mining-pool traffic: Resource Hijacking"},"Impact:EC2/BitcoinDomainRequest.Reputation":{"techniques":["T1496"],"why":"instance queries cryptocurrency-mining domains: Resource Hijacking"},"Impact:Runtime/BitcoinDomainRequest.Reputation":{"techniques":["T1496"],"why":"workload queries cryptocurrency-mining domains: Resource Hijacking"},"Impact:Runtime/CryptoMinerExecuted":{"techniques":["T1496"],"why":"a crypto miner process runs: Resource Hijacking"},"Impact:EC2/WinRMBruteForce":{"tactics":["credential_access"],"techniques":["T1110"],"why":"the instance brute-forces WinRM on other hosts: Brute Force"},"Impact:EC2/PortSweep":{"tactics":["discovery"],"techniques":["T1046"],"why":"the instance sweeps a port across hosts: Network Service Discovery"},"Impact:S3/AnomalousBehavior.Delete":{"techniques":["T1485"],"why":"anomalous object/bucket deletion: Data Destruction"},"Impact:S3/AnomalousBehavior.Write":{"techniques":["T1565.001"],"why":"anomalous writes to stored objects: Stored Data Manipulation"},"Exfiltration:S3/*":{"tactics":["exfiltration","collection"],"techniques":["T1530"],"why":"objects read from S3 by an unusual or malicious caller: Data from Cloud Storage"},"Discovery:S3/*":{"techniques":["T1619"],"why":"S3 listing/ACL APIs called by an unusual or malicious caller: Cloud Storage Object Discovery"},"Discovery:Kubernetes/*":{"techniques":["T1613"],"why":"Kubernetes API used to enumerate cluster objects: Container and Resource Discovery"},"Recon:IAMUser/UserPermissions":{"techniques":["T1087.004","T1069.003"],"why":"APIs that list users, groups, policies and permissions: Account Discovery: Cloud Account, Permission Groups Discovery: Cloud Groups"},"Recon:IAMUser/ResourcePermissions":{"techniques":["T1580"],"why":"APIs that list permissions on resources: Cloud Infrastructure Discovery"},"Recon:IAMUser/NetworkPermissions":{"techniques":["T1580"],"why":"APIs that list security groups, ACLs and routes: Cloud Infrastructure Discovery"},"Recon:IAMUser/MaliciousIPCaller":{"techniques":["T1580"],"why":"reconnaissance APIs (describe/list resources) from a known malicious IP: Cloud Infrastructure Discovery"},"Recon:IAMUser/MaliciousIPCaller.Custom":{"techniques":["T1580"],"why":"reconnaissance APIs from an IP on a custom threat list: Cloud Infrastructure Discovery"},"Recon:IAMUser/TorIPCaller":{"techniques":["T1580","T1090.003"],"why":"reconnaissance APIs from a Tor exit node: Cloud Infrastructure Discovery through a Multi-hop Proxy"},"Recon:EC2/PortProbeUnprotectedPort":{"tactics":["reconnaissance"],"techniques":["T1595"],"why":"a known scanner probes an open port of the instance from outside: Active Scanning"},"Recon:EC2/PortProbeEMRUnprotectedPort":{"tactics":["reconnaissance"],"techniques":["T1595"],"why":"a known scanner probes an EMR port from outside: Active Scanning"},"Recon:EC2/Portscan":{"techniques":["T1046"],"why":"the instance port-scans other hosts: Network Service Discovery"},"Stealth:IAMUser/CloudTrailLoggingDisabled":{"techniques":["T1562.008"],"why":"a trail was stopped or deleted: Impair Defenses: Disable or Modify Cloud Logs"},"Stealth:S3/ServerAccessLoggingDisabled":{"techniques":["T1562.008"],"why":"S3 server access logging was turned off: Impair Defenses: Disable or Modify Cloud Logs"},"DefenseEvasion:IAMUser/AnomalousBehavior":{"techniques":["T1562"],"why":"anomalous calls such as StopLogging or DeleteFlowLogs: Impair Defenses"},"DefenseEvasion:Runtime/ProcessInjection.Proc":{"techniques":["T1055.009"],"why":"process injection through /proc: Process Injection: Proc Memory"},"DefenseEvasion:Runtime/ProcessInjection.Ptrace":{"techniques":["T1055.008"],"why":"process injection with ptrace: Process Injection: Ptrace System Calls"},"DefenseEvasion:Runtime/ProcessInjection.VirtualMemoryWrite":{"techniques":["T1055"],"why":"writes into another process\'s memory: Process Injection"},"Persistence:IAMUser/AnomalousBehavior":{"techniques":["T1098"],"why":"anomalous calls such as CreateAccessKey or ImportKeyPair: Account Manipulation"},"PrivilegeEscalation:IAMUser/AnomalousBehavior":{"techniques":["T1098"],"why":"anomalous calls such as AddUserToGroup or PutUserPolicy: Account Manipulation"},"PrivilegeEscalation:IAMUser/AdministrativePermissions":{"techniques":["T1098.003"],"why":"a principal attached a highly permissive policy to itself: Account Manipulation: Additional Cloud Roles"},"PrivilegeEscalation:Runtime/DockerSocketAccessed":{"techniques":["T1611"],"why":"a container process talks to the host\'s Docker socket: Escape to Host"},"PrivilegeEscalation:Runtime/RuncContainerEscape":{"techniques":["T1611"],"why":"runc container escape attempt: Escape to Host"},"PrivilegeEscalation:Runtime/CGroupsReleaseAgentModified":{"techniques":["T1611"],"why":"cgroups release agent modified to run code on the host: Escape to Host"},"PrivilegeEscalation:Kubernetes/PrivilegedContainer":{"techniques":["T1611"],"why":"a privileged container has root access to its node: Escape to Host"},"Execution:Kubernetes/ExecInKubeSystemPod":{"techniques":["T1609"],"why":"a command was executed inside a kube-system pod: Container Administration Command"},"Execution:Runtime/ReverseShell":{"techniques":["T1059"],"why":"a process opened a reverse shell: Command and Scripting Interpreter"},"InitialAccess:IAMUser/AnomalousBehavior":{"techniques":["T1078.004"],"why":"anomalous sign-in/federation calls with IAM credentials: Valid Accounts: Cloud Accounts"},"CredentialAccess:RDS/AnomalousBehavior.SuccessfulBruteForce":{"techniques":["T1110"],"why":"successful database login after a brute-force pattern: Brute Force"},"CredentialAccess:RDS/AnomalousBehavior.FailedBruteForce":{"techniques":["T1110"],"why":"many failed database logins: Brute Force"},"UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.*":{"tactics":["credential_access"],"techniques":["T1552.005","T1078.004"],"why":"instance-role credentials taken from the metadata service and used elsewhere: Unsecured Credentials: Cloud Instance Metadata API, Valid Accounts: Cloud Accounts"},"UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B":{"tactics":["initial_access"],"techniques":["T1078.004"],"why":"successful console sign-ins from unusual places: Valid Accounts: Cloud Accounts"},"UnauthorizedAccess:IAMUser/ConsoleLogin":{"tactics":["initial_access"],"techniques":["T1078.004"],"why":"unusual console sign-in (retired type, still found in Security Hub): Valid Accounts: Cloud Accounts"},"UnauthorizedAccess:IAMUser/MaliciousIPCaller":{"tactics":["initial_access"],"techniques":["T1078.004"],"why":"IAM credentials used from a known malicious IP: Valid Accounts: Cloud Accounts"},"UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom":{"tactics":["initial_access"],"techniques":["T1078.004"],"why":"IAM credentials used from an IP on a custom threat list: Valid Accounts: Cloud Accounts"},"UnauthorizedAccess:IAMUser/TorIPCaller":{"tactics":["initial_access"],"techniques":["T1078.004","T1090.003"],"why":"IAM credentials used from a Tor exit node: Valid Accounts: Cloud Accounts through a Multi-hop Proxy"},"UnauthorizedAccess:EC2/SSHBruteForce":{"tactics":["credential_access"],"techniques":["T1110"],"why":"SSH password guessing: Brute Force"},"UnauthorizedAccess:EC2/RDPBruteForce":{"tactics":["credential_access"],"techniques":["T1110"],"why":"RDP password guessing: Brute Force"},"UnauthorizedAccess:EC2/TorClient":{"tactics":["command_and_control"],"techniques":["T1090.003"],"why":"the instance connects to Tor: Proxy: Multi-hop Proxy"},"UnauthorizedAccess:EC2/TorRelay":{"tactics":["command_and_control"],"techniques":["T1090.003"],"why":"the instance acts as a Tor relay: Proxy: Multi-hop Proxy"},"UnauthorizedAccess:EC2/MetadataDNSRebind":{"tactics":["credential_access"],"techniques":["T1552.005"],"why":"DNS rebinding to reach the instance metadata service: Unsecured Credentials: Cloud Instance Metadata API"},"UnauthorizedAccess:Runtime/MetadataDNSRebind":{"tactics":["credential_access"],"techniques":["T1552.005"],"why":"DNS rebinding to reach the instance metadata service: Unsecured Credentials: Cloud Instance Metadata API"},"Policy:IAMUser/RootCredentialUsage":{"techniques":["T1078.004"],"why":"the account\'s root credentials were used: Valid Accounts: Cloud Accounts"},"Trojan:EC2/DNSDataExfiltration":{"tactics":["exfiltration"],"techniques":["T1048"],"why":"data leaves through DNS queries: Exfiltration Over Alternative Protocol"},"Trojan:EC2/DGADomainRequest.*":{"techniques":["T1568.002"],"why":"queries of algorithmically generated domains: Dynamic Resolution: Domain Generation Algorithms"},"Trojan:Runtime/DGADomainRequest.*":{"techniques":["T1568.002"],"why":"queries of algorithmically generated domains: Dynamic Resolution: Domain Generation Algorithms"}}}');
;// CONCATENATED MODULE: ./lib/src/ingest/data/guardduty-resources.json
const guardduty_resources_namespaceObject = /*#__PURE__*/JSON.parse('{"$":{"EC2_INSTANCE":"aws.ec2.instance","EC2_NETWORK_INTERFACE":"aws.ec2.network_interface","EC2_VPC":"aws.ec2.vpc","EC2_IMAGE":"aws.ec2.image","EC2_LAUNCH_TEMPLATE":"aws.ec2.launch_template","S3_BUCKET":"aws.s3.bucket","S3_OBJECT":"aws.s3.object","ACCESS_KEY":"aws.iam.access_key","IAM_INSTANCE_PROFILE":"aws.iam.instance_profile","EKS_CLUSTER":"aws.eks.cluster","KUBERNETES_WORKLOAD":"k8s.workload","CONTAINER":"container","ECS_CLUSTER":"aws.ecs.cluster","ECS_TASK":"aws.ecs.task","AUTOSCALING_AUTO_SCALING_GROUP":"aws.autoscaling.group","CLOUDFORMATION_STACK":"aws.cloudformation.stack"}}');
;// CONCATENATED MODULE: ./lib/src/ingest/data/guardduty-severity.json
const guardduty_severity_namespaceObject = /*#__PURE__*/JSON.parse('{"$comment":"GuardDuty finding severity (a number 1.0-10.0) to irac severity, by the bands GuardDuty documents: Low 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0 (Critical was added with the Extended Threat Detection attack-sequence findings; older pages call 9.0-10.0 reserved). A value between two bands (3.95) belongs to the lower one, as the console shows it. 0 is reserved by GuardDuty and read as low. https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html","min":0,"max":10,"bands":[{"from":9,"severity":"critical"},{"from":7,"severity":"high"},{"from":4,"severity":"medium"},{"from":0,"severity":"low"}]}');
;// CONCATENATED MODULE: ./lib/src/ingest/normalizers/guardduty.js
// Amazon GuardDuty findings, in every shape they travel: the EventBridge "GuardDuty Finding" event (the
// finding is `detail`), the trimmed `{region, detail}` form of some samples, a bare finding as
// GetFindings and the S3 export write it (camelCase) or as the AWS CLI prints it (PascalCase), and a
// GetFindings response `{Findings: [...]}`. Finding format:
// https://docs.aws.amazon.com/guardduty/latest/APIReference/API_Finding.html
// The AWS helpers (ARNs, principals, the finding type → ATT&CK table, attack sequences) are exported:
// Security Hub carries GuardDuty findings too, and reads them the same way.






const SEVERITY_NAMES = new Set(['low', 'medium', 'high', 'critical']);
/** Checks a severity table once, when the module loads: a typo in the data must not become a default. */
function severityScale(table) {
    for (const band of table.bands) {
        if (!SEVERITY_NAMES.has(band.severity))
            throw new Error(`severity table names "${band.severity}"`);
    }
    return table;
}
/** The band a value falls in, or undefined outside the scale. */
function onScale(scale, value) {
    if (!(value >= scale.min && value <= scale.max))
        return undefined;
    return scale.bands.find((band) => value >= band.from)?.severity;
}
const GUARDDUTY_SCALE = severityScale(guardduty_severity_namespaceObject);
/** GuardDuty's numeric severity (1.0–10.0) as irac severity; undefined when off the scale. */
function guardDutySeverity(value) {
    return onScale(GUARDDUTY_SCALE, value);
}
// ---------------------------------------------------------------------------------------------
// Finding types: ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact
const FINDING_TYPE = /^([A-Za-z0-9]+):([A-Za-z0-9]+)\/(.+)$/;
function parseFindingType(type) {
    const match = FINDING_TYPE.exec(type);
    return match?.[1] && match[2] ? { purpose: match[1], resource: match[2] } : undefined;
}
/** Runtime Monitoring findings (`Execution:Runtime/ReverseShell`) come from the agent on the host. */
function findingSource(type) {
    return type !== undefined && parseFindingType(type)?.resource === 'Runtime' ? 'runtime' : 'threatintel';
}
const PURPOSE_TACTICS = new Map(Object.entries(guardduty_attack_namespaceObject.OP));
const TYPE_ENTRIES = Object.entries(guardduty_attack_namespaceObject.v8);
const TYPE_ATTACK = new Map(TYPE_ENTRIES.filter(([key]) => !key.endsWith('*')));
const PREFIX_ATTACK = TYPE_ENTRIES.filter(([key]) => key.endsWith('*'))
    .map(([key, value]) => [key.slice(0, -1), value])
    .sort((a, b) => b[0].length - a[0].length);
/** The ATT&CK ids a GuardDuty finding type implies (data/guardduty-attack.json). */
function addFindingTypeAttack(type, attack) {
    const parsed = parseFindingType(type);
    if (!parsed)
        return;
    const entry = TYPE_ATTACK.get(type) ?? PREFIX_ATTACK.find(([prefix]) => type.startsWith(prefix))?.[1];
    for (const tactic of entry?.tactics ?? PURPOSE_TACTICS.get(parsed.purpose) ?? [])
        attack.tactic(tactic);
    for (const technique of entry?.techniques ?? [])
        attack.technique(technique);
}
// ---------------------------------------------------------------------------------------------
// AWS identifiers
const guardduty_ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const PARTITION = /^aws(-[a-z]+)*$/;
const SERVICE = /^[a-z0-9-]{1,64}$/;
// IAM user and role names: https://docs.aws.amazon.com/IAM/latest/APIReference/API_User.html
const IAM_NAME = /^[\w+=,.@-]{1,128}$/;
const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;
const RDS_IDENTIFIER = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;
const EKS_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const guardduty_RESOURCE_TYPE = /^[a-z0-9]+(\.[a-z0-9_]+)*$/;
function awsScope(partition, region, account) {
    const validRegion = region !== undefined && REGION.test(region) ? region : undefined;
    const guessed = validRegion?.startsWith('cn-')
        ? 'aws-cn'
        : validRegion?.startsWith('us-gov-')
            ? 'aws-us-gov'
            : 'aws';
    return {
        partition: partition !== undefined && PARTITION.test(partition) ? partition : guessed,
        region: validRegion,
        account: account !== undefined && guardduty_ACCOUNT_ID.test(account) ? account : undefined,
    };
}
function parseArn(text) {
    if (text === undefined || text.length > 2048 || !text.startsWith('arn:'))
        return undefined;
    const parts = text.split(':');
    if (parts.length < 6)
        return undefined;
    const [, partition = '', service = '', region = '', account = ''] = parts;
    const resource = parts.slice(5).join(':');
    if (!PARTITION.test(partition) || !SERVICE.test(service) || resource === '')
        return undefined;
    return { partition, service, region, account, resource };
}
/** The text when it is an ARN, else undefined. */
function validArn(text) {
    return parseArn(text) ? text : undefined;
}
/** The resource's own id inside its ARN: `i-0abc` of `instance/i-0abc`, the name of an IAM user with a path. */
function arnResourceId(arn) {
    const { service, resource } = arn;
    if (service === 's3')
        return resource;
    if (service === 'iam' || service === 'sts')
        return resource.slice(resource.lastIndexOf('/') + 1) || resource;
    const separator = /[:/]/.exec(resource);
    return separator ? resource.slice(separator.index + 1) || resource : resource;
}
/** A dotted type that passes the schema, or `other`. */
function safeResourceType(type) {
    const clean = type.toLowerCase().replace(/[^a-z0-9_.]/g, '_');
    return clean.length <= 64 && guardduty_RESOURCE_TYPE.test(clean) ? clean : 'other';
}
/** A type read off an ARN: `arn:aws:lambda:…:function:f` → aws.lambda.function. */
function arnResourceType(arn) {
    const { service, resource } = arn;
    if (service === 's3')
        return resource.includes('/') ? 'aws.s3.object' : 'aws.s3.bucket';
    if (service === 'iam' && resource === 'root')
        return 'aws.iam.user';
    const separator = /[:/]/.exec(resource);
    return safeResourceType(separator ? `aws.${service}.${resource.slice(0, separator.index)}` : `aws.${service}`);
}
/** A resource reference, or undefined without an id; `name` is kept only when it says more than `id`. */
function resourceRef(type, id, arn, name) {
    if (!id)
        return undefined;
    const ref = { type, id };
    if (arn)
        ref.arn = arn;
    if (name && name !== id)
        ref.name = name;
    return ref;
}
/** A resource named only by its ARN. */
function refFromArn(arnText, type) {
    const arn = parseArn(arnText);
    return arn && resourceRef(type ?? arnResourceType(arn), arnResourceId(arn), arnText);
}
/**
 * The IAM principal behind a credential, as GuardDuty and Security Hub describe it (type + name).
 * GuardDuty gives no IAM path, so the ARN assumes the default path `/`.
 */
function principalRef(scope, type, name, principalId) {
    const { partition, account } = scope;
    const iamName = name !== undefined && IAM_NAME.test(name) ? name : undefined;
    const arnFor = (service, resource) => account && iamName ? `arn:${partition}:${service}::${account}:${resource}/${iamName}` : undefined;
    switch (type) {
        case 'IAMUser':
            return resourceRef('aws.iam.user', name, arnFor('iam', 'user'));
        case 'AssumedRole':
        case 'Role':
            return resourceRef('aws.iam.role', name, arnFor('iam', 'role'));
        case 'Root':
            return resourceRef('aws.iam.user', name ?? 'root', account && `arn:${partition}:iam::${account}:root`);
        case 'FederatedUser':
            return resourceRef('aws.sts.federated_user', name, arnFor('sts', 'federated-user'));
        default:
            return resourceRef('user', name ?? principalId);
    }
}
/** The principal as an actor: its ARN when one could be built, else its name. */
function actorOf(ref) {
    return ref && (ref.arn ?? ref.id);
}
// ---------------------------------------------------------------------------------------------
// Reading
// Lists in a finding are short (GuardDuty caps most at 10–400); a hostile payload's are not.
const MAX_ITEMS = 64;
/** Readers for the first objects of an array field; null items are skipped, other non-objects rejected. */
function items(reader, path) {
    const list = reader.array(path);
    if (!list)
        return [];
    const segments = typeof path === 'string' ? path.split('.') : path;
    const out = [];
    for (let i = 0; i < Math.min(list.length, MAX_ITEMS); i++) {
        const child = reader.child([...segments, i]);
        if (child)
            out.push(child);
    }
    return out;
}
/** What a finding's parts contribute; shared with the Security Hub normalizer. */
class FindingFacts {
    scope;
    resources = [];
    indicators = new IndicatorSet();
    attack = new AttackCollector();
    actor;
    constructor(scope) {
        this.scope = scope;
    }
    add(ref) {
        if (ref)
            this.resources.push(ref);
    }
    /** The first actor found wins: callers read the most specific source first. */
    actedBy(actor) {
        this.actor ??= actor;
    }
}
const RESOURCE_V2 = new Map(Object.entries(guardduty_resources_namespaceObject.$));
function sequenceIndicator(indicator, facts) {
    const key = indicator.string('key');
    const values = indicator.strings('values').slice(0, MAX_ITEMS);
    for (const value of values) {
        switch (key) {
            case 'ATTACK_TACTIC':
                facts.attack.tactic(value);
                break;
            case 'ATTACK_TECHNIQUE':
                // "T1078.004 - Valid Accounts: Cloud Accounts", or a bare technique name that has no id.
                facts.attack.technique(value.split(' ', 1)[0]);
                break;
            case 'MALICIOUS_IP':
            case 'TOR_IP':
            case 'CRYPTOMINING_IP':
                facts.indicators.ip(value);
                break;
            case 'MALICIOUS_DOMAIN':
            case 'CRYPTOMINING_DOMAIN':
                facts.indicators.domain(value);
                break;
            case 'MALICIOUS_FILE':
                facts.indicators.hash(value);
                break;
        }
    }
}
/**
 * An Extended Threat Detection attack sequence (GuardDuty `service.detection.sequence`, ASFF
 * `Detection.Sequence` read with the PascalCase fallback): its signals carry the tactics and
 * techniques, its endpoints the attacker's addresses, its actors the principal.
 * https://docs.aws.amazon.com/guardduty/latest/APIReference/API_Sequence.html
 */
function readSequence(sequence, facts) {
    for (const indicator of items(sequence, 'sequenceIndicators'))
        sequenceIndicator(indicator, facts);
    const signals = items(sequence, 'signals');
    for (const signal of signals) {
        for (const indicator of items(signal, 'signalIndicators'))
            sequenceIndicator(indicator, facts);
    }
    for (const endpoint of items(sequence, 'endpoints')) {
        facts.indicators.ip(endpoint.string('ip'));
        facts.indicators.domain(endpoint.string('domain'));
    }
    for (const resource of items(sequence, 'resources')) {
        const kind = resource.string('resourceType');
        const uid = resource.string('uid');
        const arn = parseArn(uid);
        const type = (kind && RESOURCE_V2.get(kind)) ?? (arn ? arnResourceType(arn) : safeResourceType(`aws.${kind}`));
        facts.add(resourceRef(type, arn ? arnResourceId(arn) : uid, arn && uid, resource.string('name')));
    }
    for (const actor of items(sequence, 'actors')) {
        const user = actor.child('user');
        if (!user)
            continue;
        const scope = awsScope(facts.scope.partition, facts.scope.region, user.string('account.uid'));
        const principal = principalRef(scope, user.string('type'), user.string('name'), user.string('uid'));
        facts.add(resourceRef('aws.iam.access_key', user.string('credentialUid')));
        facts.add(principal);
        facts.actedBy(actorOf(principal));
    }
    return signals.length;
}
/** Attack-sequence findings summarize their ATT&CK ids in GuardDuty-written description lines. */
function attackFromDescription(description, attack) {
    for (const line of description.slice(0, 4096).split('\n')) {
        const match = /MITRE ATT&CK (tactics|techniques) observed:(.*)$/.exec(line);
        if (!match?.[2])
            continue;
        if (match[1] === 'tactics')
            for (const name of match[2].split(','))
                attack.tactic(name);
        else
            for (const id of match[2].matchAll(/\bT\d{4}(?:\.\d{3})?\b/g))
                attack.technique(id[0]);
    }
}
/** The ARN of an EC2 instance, when the id and the scope are well-formed. */
function instanceArn(scope, id) {
    const { partition, region, account } = scope;
    return id && INSTANCE_ID.test(id) && region && account
        ? `arn:${partition}:ec2:${region}:${account}:instance/${id}`
        : undefined;
}
function instance(resource, facts) {
    const details = resource.child('instanceDetails');
    if (!details)
        return;
    const id = details.string('instanceId');
    facts.add(resourceRef('aws.ec2.instance', id, instanceArn(facts.scope, id)));
    facts.add(refFromArn(details.string('iamInstanceProfile.arn'), 'aws.iam.instance_profile'));
}
function accessKey(resource, facts) {
    const details = resource.child('accessKeyDetails');
    if (!details)
        return;
    const name = details.string('userName');
    const principal = principalRef(facts.scope, details.string('userType'), name, details.string('principalId'));
    const keyId = details.string('accessKeyId');
    const key = resourceRef('aws.iam.access_key', keyId, undefined, name);
    // A temporary key (ASIA…, a role session) cannot be deactivated: containment revokes the role's
    // sessions, so the role comes first. A long-term key (AKIA…) is deactivated: the key comes first.
    const temporary = keyId?.startsWith('ASIA') || details.string('userType') === 'AssumedRole';
    for (const ref of temporary ? [principal, key] : [key, principal])
        facts.add(ref);
    facts.actedBy(actorOf(principal));
}
function s3Buckets(resource, facts) {
    for (const bucket of items(resource, 's3BucketDetails')) {
        const name = bucket.string('name');
        const arnText = bucket.string('arn');
        const arn = parseArn(arnText);
        const built = name && S3_BUCKET.test(name) ? `arn:${facts.scope.partition}:s3:::${name}` : undefined;
        facts.add(resourceRef('aws.s3.bucket', name ?? (arn && arnResourceId(arn)), arn ? arnText : built));
        for (const object of items(bucket, 's3ObjectDetails')) {
            const key = object.string('key');
            const objectArn = object.string('objectArn');
            facts.add(resourceRef('aws.s3.object', name && key ? `${name}/${key}` : objectArn, validArn(objectArn)));
            facts.indicators.hash(object.string('hash'));
        }
    }
}
function containers(reader, path, facts) {
    for (const container of items(reader, path)) {
        const id = container.string('id') ?? container.string('name');
        facts.add(resourceRef('container', id, undefined, container.string('image')));
    }
}
/** `pods`, `Deployment`, `daemonsets` → k8s.pod, k8s.deployment, k8s.daemonset. */
function k8sType(kind) {
    if (!kind)
        return 'k8s.workload';
    return safeResourceType(`k8s.${kind.toLowerCase().replace(/s$/, '')}`);
}
function kubernetes(resource, facts) {
    const details = resource.child('kubernetesDetails');
    if (!details)
        return;
    const workload = details.child('kubernetesWorkloadDetails');
    if (workload) {
        const name = workload.string('name');
        const namespace = workload.string('namespace');
        facts.add(resourceRef(k8sType(workload.string('type')), name && (namespace ? `${namespace}/${name}` : name)));
        containers(workload, 'containers', facts);
    }
    facts.actedBy(details.string('kubernetesUserDetails.username'));
}
function eks(resource, facts, clusters) {
    const cluster = resource.child('eksClusterDetails');
    if (cluster) {
        const name = cluster.string('name');
        const { partition, region, account } = facts.scope;
        const built = name && EKS_NAME.test(name) && region && account
            ? `arn:${partition}:eks:${region}:${account}:cluster/${name}`
            : undefined;
        const ref = resourceRef('aws.eks.cluster', name, validArn(cluster.string('arn')) ?? built);
        if (ref)
            clusters.push(ref);
    }
    kubernetes(resource, facts);
}
function ecs(resource, facts, clusters) {
    const cluster = resource.child('ecsClusterDetails');
    if (!cluster)
        return;
    const arnText = cluster.string('arn');
    const arn = parseArn(arnText);
    const ref = resourceRef('aws.ecs.cluster', cluster.string('name') ?? (arn && arnResourceId(arn)), arn && arnText);
    if (ref)
        clusters.push(ref);
    const task = cluster.child('taskDetails');
    if (task) {
        facts.add(refFromArn(task.string('arn'), 'aws.ecs.task'));
        containers(task, 'containers', facts);
    }
}
function container(resource, facts) {
    const details = resource.child('containerDetails');
    if (!details)
        return;
    facts.add(resourceRef('container', details.string('id') ?? details.string('name'), undefined, details.string('image')));
}
function lambda(resource, facts) {
    const details = resource.child('lambdaDetails');
    if (!details)
        return;
    const arnText = details.string('functionArn');
    const arn = parseArn(arnText);
    facts.add(resourceRef('aws.lambda.function', details.string('functionName') ?? (arn && arnResourceId(arn)), arn && arnText));
    facts.add(refFromArn(details.string('role'), 'aws.iam.role'));
}
function rdsInstance(resource, facts) {
    const details = resource.child('rdsDbInstanceDetails');
    if (!details)
        return;
    const id = details.string('dbInstanceIdentifier');
    const { partition, region, account } = facts.scope;
    const built = id && RDS_IDENTIFIER.test(id) && region && account
        ? `arn:${partition}:rds:${region}:${account}:db:${id}`
        : undefined;
    facts.add(resourceRef('aws.rds.db_instance', id, validArn(details.string('dbInstanceArn')) ?? built));
}
function rdsLimitless(resource, facts) {
    const details = resource.child('rdsLimitlessDbDetails');
    if (!details)
        return;
    const arnText = details.string('dbShardGroupArn');
    facts.add(resourceRef('aws.rds.db_shard_group', details.string('dbShardGroupIdentifier'), validArn(arnText)));
}
function scannedStorage(resource, facts) {
    for (const volume of items(resource, 'ebsVolumeDetails.scannedVolumeDetails')) {
        facts.add(refFromArn(volume.string('volumeArn'), 'aws.ec2.volume'));
    }
    facts.add(refFromArn(resource.string('ebsSnapshotDetails.snapshotArn'), 'aws.ec2.snapshot'));
    facts.add(refFromArn(resource.string('ec2ImageDetails.imageArn'), 'aws.ec2.image'));
    facts.add(refFromArn(resource.string('recoveryPointDetails.recoveryPointArn'), 'aws.backup.recovery_point'));
}
const EXTRACTORS = [
    [['Instance'], instance],
    [['AccessKey'], accessKey],
    [['S3Bucket', 'S3Object'], s3Buckets],
    [['EKSCluster'], eks],
    [['ECSCluster'], ecs],
    [['Container'], container],
    [['Lambda'], lambda],
    [['RDSDBInstance'], rdsInstance],
    [['RDSLimitlessDB'], rdsLimitless],
    [['EBSVolume', 'EBSSnapshot', 'EC2Image', 'RecoveryPoint'], scannedStorage],
];
/**
 * The affected resource first (connectors contain the first resource), then the others it names; for
 * EKS and ECS findings the affected resource is the workload (pod, task, container), its cluster last.
 */
function readResources(resource, facts) {
    const resourceType = resource.string('resourceType');
    const primary = EXTRACTORS.find(([types]) => resourceType !== undefined && types.includes(resourceType));
    const clusters = [];
    if (primary)
        primary[1](resource, facts, clusters);
    for (const extractor of EXTRACTORS)
        if (extractor !== primary)
            extractor[1](resource, facts, clusters);
    for (const cluster of clusters)
        facts.add(cluster);
    const dbUser = resource.string('rdsDbUserDetails.user');
    facts.actedBy(dbUser);
    return resourceType;
}
/** `{"AWS::IAM::Role": "arn:…"}`: resources an API call touched. */
function affectedResources(apiCall, facts) {
    const affected = apiCall.object('affectedResources');
    if (!affected)
        return;
    for (const key of Object.keys(affected).slice(0, MAX_ITEMS)) {
        const value = apiCall.text(['affectedResources', key]);
        const [, service, kind] = /^AWS::(\w+)::(\w+)$/.exec(key) ?? [];
        const arn = parseArn(value);
        const type = service && kind ? safeResourceType(`aws.${service}.${snake(kind)}`) : undefined;
        if (arn)
            facts.add(resourceRef(type ?? arnResourceType(arn), arnResourceId(arn), value));
        else if (type)
            facts.add(resourceRef(type, value));
    }
}
/** `SecurityGroup` → `security_group`. */
function snake(name) {
    return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
function remoteIp(details, facts) {
    if (!details)
        return;
    facts.indicators.ip(details.string('ipAddressV4'));
    facts.indicators.ip(details.string('ipAddressV6'));
}
/**
 * The remote side of what the finding saw: GuardDuty `service.action`, and ASFF `Action` (the same
 * structure in PascalCase, read with the fallback).
 */
function readAction(action, facts) {
    remoteIp(action.child('networkConnectionAction')?.child('remoteIpDetails'), facts);
    remoteIp(action.child('rdsLoginAttemptAction')?.child('remoteIpDetails'), facts);
    const apiCall = action.child('awsApiCallAction');
    if (apiCall) {
        remoteIp(apiCall.child('remoteIpDetails'), facts);
        affectedResources(apiCall, facts);
    }
    const kubernetesCall = action.child('kubernetesApiCallAction');
    if (kubernetesCall) {
        remoteIp(kubernetesCall.child('remoteIpDetails'), facts);
        for (const ip of kubernetesCall.strings('sourceIps').slice(0, MAX_ITEMS))
            facts.indicators.ip(ip);
    }
    facts.indicators.domain(action.string('dnsRequestAction.domain'));
    for (const probe of items(action, 'portProbeAction.portProbeDetails'))
        remoteIp(probe.child('remoteIpDetails'), facts);
}
function malwareHashes(service, facts) {
    for (const intel of items(service, 'evidence.threatIntelligenceDetails')) {
        facts.indicators.hash(intel.string('threatFileSha256'));
    }
    facts.indicators.hash(service.string('runtimeDetails.process.executableSha256'));
    facts.indicators.hash(service.string('runtimeDetails.context.moduleSha256'));
    for (const threat of items(service, 'ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames')) {
        for (const file of items(threat, 'filePaths'))
            facts.indicators.hash(file.string('hash'));
    }
    for (const threat of items(service, 'malwareScanDetails.threats')) {
        for (const path of items(threat, 'itemPaths'))
            facts.indicators.hash(path.string('hash'));
    }
}
/** GuardDuty's generated sample findings say so in additionalInfo. */
function isSample(service) {
    const flag = service?.get('additionalInfo.sample');
    return flag === true || flag === 'true';
}
function consoleLink(region, partition, id) {
    if (!region || !id || partition !== 'aws' || !REGION.test(region))
        return undefined;
    return `https://${region}.console.aws.amazon.com/guardduty/home?region=${region}#/findings?macros=current&fId=${encodeURIComponent(id)}`;
}
function normalizeFinding(finding, envelope) {
    const type = finding.requireString('type');
    const rawSeverity = finding.numeric('severity');
    if (rawSeverity === undefined)
        finding.fail('severity', 'required GuardDuty severity is missing');
    const severity = guardDutySeverity(rawSeverity) ??
        finding.fail('severity', `${rawSeverity} is outside GuardDuty's documented 0–10 severity scale`);
    const id = finding.string('id');
    const updatedAt = finding.time('updatedAt');
    const firstSeen = finding.time('service.eventFirstSeen');
    const lastSeen = finding.time('service.eventLastSeen');
    const account = finding.text('accountId') ?? envelope.account;
    const region = finding.string('region') ?? envelope.region;
    const facts = new FindingFacts(awsScope(finding.string('partition'), region, account));
    const resource = finding.child('resource');
    const resourceType = resource && readResources(resource, facts);
    const service = finding.child('service');
    const action = service?.child('action');
    if (action)
        readAction(action, facts);
    if (service)
        malwareHashes(service, facts);
    addFindingTypeAttack(type, facts.attack);
    const parsedType = parseFindingType(type);
    const sequence = service?.child('detection.sequence');
    const signals = sequence && readSequence(sequence, facts);
    const description = finding.string('description');
    const isSequence = parsedType?.purpose === 'AttackSequence';
    if (isSequence && description && facts.attack.tactics.length + facts.attack.techniques.length === 0) {
        attackFromDescription(description, facts.attack);
    }
    // A finding that names no resource (attack sequences without details, some policy findings) is
    // still about its account.
    if (facts.resources.length === 0)
        facts.add(resourceRef('aws.account', account));
    const sample = isSample(service);
    const title = finding.string('title') ?? type;
    const archived = service?.boolean('archived');
    return {
        from: finding,
        vendorId: id && (updatedAt ? `${id}@${updatedAt}` : id),
        timestamp: lastSeen ?? updatedAt ?? finding.time('createdAt'),
        source: parsedType?.resource === 'Runtime' ? 'runtime' : 'threatintel',
        severity,
        kind: type,
        title: sample && !title.startsWith('[SAMPLE]') ? `[SAMPLE] ${title}` : title,
        resources: facts.resources,
        account,
        region,
        actor: facts.actor,
        indicators: facts.indicators.list,
        attack: facts.attack,
        context: {
            vendor_severity: rawSeverity,
            finding_type: type,
            finding_arn: finding.string('arn'),
            resource_type: resourceType,
            count: service?.text('count'),
            sample,
            archived,
            active: archived !== true,
            first_seen: firstSeen,
            last_seen: lastSeen,
            updated_at: updatedAt,
            action_type: action?.string('actionType'),
            api: action?.string('awsApiCallAction.api'),
            api_service: action?.string('awsApiCallAction.serviceName'),
            resource_role: service?.string('resourceRole'),
            feature: service?.string('featureName'),
            detector_id: service?.string('detectorId'),
            threat_list: service?.string('additionalInfo.threatListName'),
            process: service?.string('runtimeDetails.process.executablePath'),
            impersonated_user: resource?.string('kubernetesDetails.kubernetesUserDetails.impersonatedUser.username'),
            signals,
            description,
            link: consoleLink(region, facts.scope.partition, id),
        },
    };
}
// ---------------------------------------------------------------------------------------------
// Detection and entry point
const DETAIL_TYPE = 'GuardDuty Finding';
/**
 * GetFindings JSON and EventBridge are camelCase, the AWS CLI prints PascalCase. The fallback (which
 * tries `Type` after `type` at every step) is only paid for findings that need it.
 */
function cased(finding) {
    return Object.hasOwn(finding.value, 'type') ? finding : finding.withOptions({ pascalCaseFallback: true });
}
const TYPE_SHAPE = /^[A-Za-z0-9]+:[A-Za-z0-9]+\/\S/;
/** Detection runs on every payload of every source: the two spellings are given, not computed. */
function guardduty_field(object, camel, pascal) {
    return Object.hasOwn(object, camel)
        ? object[camel]
        : Object.hasOwn(object, pascal)
            ? object[pascal]
            : undefined;
}
/** A finding in either casing: a `Threat:Resource/Family` type, a service block and a severity. */
function looksLikeFinding(value) {
    if (!(0,json/* isJsonObject */.OW)(value))
        return false;
    const type = guardduty_field(value, 'type', 'Type');
    return (typeof type === 'string' &&
        TYPE_SHAPE.test(type) &&
        (0,json/* isJsonObject */.OW)(guardduty_field(value, 'service', 'Service')) &&
        guardduty_field(value, 'severity', 'Severity') !== undefined);
}
function findingsList(payload) {
    if (Array.isArray(payload.Findings))
        return 'Findings';
    if (Array.isArray(payload.findings))
        return 'findings';
    return undefined;
}
const guardduty = {
    vendor: 'guardduty',
    accepts: 'Amazon GuardDuty findings: EventBridge "GuardDuty Finding" events, bare findings (GetFindings / S3 export camelCase, AWS CLI PascalCase) and GetFindings responses {Findings: [...]}',
    detect(payload) {
        if (Object.hasOwn(payload, 'detail-type'))
            return payload['detail-type'] === DETAIL_TYPE;
        if (looksLikeFinding(payload.detail) || looksLikeFinding(payload))
            return true;
        const list = findingsList(payload);
        return list !== undefined && looksLikeFinding(payload[list][0]);
    },
    normalize(reader) {
        const detailType = reader.get('detail-type');
        if (detailType !== undefined || looksLikeFinding(reader.value.detail)) {
            if (detailType !== undefined && detailType !== DETAIL_TYPE) {
                reader.fail('detail-type', `is not "${DETAIL_TYPE}": this EventBridge event is not a GuardDuty finding`);
            }
            const finding = reader.child('detail') ?? reader.fail('detail', 'the event carries no finding');
            const envelope = { region: reader.string('region'), account: reader.text('account') };
            return [normalizeFinding(cased(finding), envelope)];
        }
        const list = findingsList(reader.value);
        if (list)
            return reader.children(list).map((finding) => normalizeFinding(cased(finding), {}));
        return [normalizeFinding(cased(reader), {})];
    },
};
//# sourceMappingURL=guardduty.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/data/ocsf-classes.json
const ocsf_classes_namespaceObject = /*#__PURE__*/JSON.parse('{"tg":2,"X7":1,"Ly":{"1001":{"name":"File System Activity","activities":{"1":"Create","2":"Read","3":"Update","4":"Delete","5":"Rename","6":"Set Attributes","7":"Set Security","8":"Get Attributes","9":"Get Security","10":"Encrypt","11":"Decrypt","12":"Mount","13":"Unmount","14":"Open"}},"1002":{"name":"Kernel Extension Activity","activities":{"1":"Load","2":"Unload"}},"1003":{"name":"Kernel Activity","activities":{}},"1004":{"name":"Memory Activity","activities":{}},"1005":{"name":"Module Activity","activities":{"1":"Load","2":"Unload"}},"1006":{"name":"Scheduled Job Activity","activities":{}},"1007":{"name":"Process Activity","activities":{"1":"Launch","2":"Terminate","3":"Open","4":"Inject","5":"Set User ID"}},"1008":{"name":"Event Log Activity","activities":{}},"1009":{"name":"Script Activity","activities":{}},"2001":{"name":"Security Finding","activities":{"1":"Create","2":"Update","3":"Close"}},"2002":{"name":"Vulnerability Finding","activities":{"1":"Create","2":"Update","3":"Close"}},"2003":{"name":"Compliance Finding","activities":{"1":"Create","2":"Update","3":"Close"}},"2004":{"name":"Detection Finding","activities":{"1":"Create","2":"Update","3":"Close"}},"2005":{"name":"Incident Finding","activities":{"1":"Create","2":"Update","3":"Close"}},"2006":{"name":"Data Security Finding","activities":{"1":"Create","2":"Update","3":"Close"}},"2007":{"name":"Application Security Posture Finding","activities":{"1":"Create","2":"Update","3":"Close"}},"2008":{"name":"IAM Analysis Finding","activities":{"1":"Create","2":"Update","3":"Close"}},"3001":{"name":"Account Change","activities":{"1":"Create","2":"Enable","3":"Password Change","4":"Password Reset","5":"Disable","6":"Delete","7":"Attach Policy","8":"Detach Policy","9":"Lock","10":"MFA Factor Enable","11":"MFA Factor Disable"}},"3002":{"name":"Authentication","activities":{"1":"Logon","2":"Logoff","3":"Authentication Ticket","4":"Service Ticket Request","5":"Service Ticket Renew","6":"Preauth"}},"3003":{"name":"Authorize Session","activities":{}},"3004":{"name":"Entity Management","activities":{"1":"Create","2":"Read","3":"Update","4":"Delete","5":"Move","6":"Enroll","7":"Unenroll","8":"Enable","9":"Disable","10":"Activate","11":"Deactivate","12":"Suspend","13":"Resume"}},"3005":{"name":"User Access Management","activities":{"1":"Assign Privileges","2":"Revoke Privileges"}},"3006":{"name":"Group Management","activities":{"1":"Assign Privileges","2":"Revoke Privileges","3":"Add User","4":"Remove User","5":"Delete","6":"Create"}},"4001":{"name":"Network Activity","activities":{"1":"Open","2":"Close","3":"Reset","4":"Fail","5":"Refuse","6":"Traffic","7":"Listen"}},"4002":{"name":"HTTP Activity","activities":{"1":"Connect","2":"Delete","3":"Get","4":"Head","5":"Options","6":"Post","7":"Put","8":"Trace"}},"4003":{"name":"DNS Activity","activities":{"1":"Query","2":"Response","6":"Traffic"}},"4004":{"name":"DHCP Activity","activities":{}},"4005":{"name":"RDP Activity","activities":{}},"4006":{"name":"SMB Activity","activities":{}},"4007":{"name":"SSH Activity","activities":{"1":"Open","2":"Close","3":"Reset","4":"Fail","5":"Refuse","6":"Traffic","7":"Listen"}},"4008":{"name":"FTP Activity","activities":{"1":"Put","2":"Get","3":"Poll","4":"Delete","5":"Rename","6":"List"}},"4009":{"name":"Email Activity","activities":{"1":"Send","2":"Receive","3":"Scan","4":"Trace"}},"4010":{"name":"Network File Activity","activities":{}},"4011":{"name":"Email File Activity","activities":{}},"4012":{"name":"Email URL Activity","activities":{}},"4013":{"name":"NTP Activity","activities":{}},"4014":{"name":"Tunnel Activity","activities":{}},"5001":{"name":"Device Inventory Info","activities":{}},"5002":{"name":"Device Config State","activities":{}},"5003":{"name":"User Inventory Info","activities":{}},"5004":{"name":"Operating System Patch State","activities":{}},"5019":{"name":"Device Config State Change","activities":{}},"5020":{"name":"Software Inventory Info","activities":{}},"5021":{"name":"OSINT Inventory Info","activities":{}},"5023":{"name":"Cloud Resources Inventory Info","activities":{}},"6001":{"name":"Web Resources Activity","activities":{}},"6002":{"name":"Application Lifecycle","activities":{}},"6003":{"name":"API Activity","activities":{"1":"Create","2":"Read","3":"Update","4":"Delete"}},"6004":{"name":"Web Resource Access Activity","activities":{}},"6005":{"name":"Datastore Activity","activities":{}},"6006":{"name":"File Hosting Activity","activities":{}},"6007":{"name":"Scan Activity","activities":{}},"6008":{"name":"Application Error","activities":{}},"7001":{"name":"Remediation Activity","activities":{}},"7002":{"name":"File Remediation Activity","activities":{}},"7003":{"name":"Process Remediation Activity","activities":{}},"7004":{"name":"Network Remediation Activity","activities":{}}},"K_":{"0":"Unknown","99":"Other"}}');
;// CONCATENATED MODULE: ./lib/src/ingest/data/ocsf-resource-types.json
const ocsf_resource_types_namespaceObject = /*#__PURE__*/JSON.parse('{"gK":{"awsaccount":"aws.account","awsiamaccesskey":"aws.iam.access_key","awsiamuser":"aws.iam.user","awsiamrole":"aws.iam.role","awsiampolicy":"aws.iam.policy","awsiamgroup":"aws.iam.group","awsec2instance":"aws.ec2.instance","awsec2volume":"aws.ec2.volume","awsec2securitygroup":"aws.ec2.security_group","awsec2vpc":"aws.ec2.vpc","awsec2subnet":"aws.ec2.subnet","awsec2networkinterface":"aws.ec2.network_interface","awsec2image":"aws.ec2.image","awss3bucket":"aws.s3.bucket","awss3object":"aws.s3.object","awsekscluster":"aws.eks.cluster","awsecscluster":"aws.ecs.cluster","awsecstask":"aws.ecs.task","awsecsservice":"aws.ecs.service","awsecscontainer":"container","awsecrcontainerimage":"aws.ecr.container_image","awsecrrepository":"aws.ecr.repository","awslambdafunction":"aws.lambda.function","awsrdsdbinstance":"aws.rds.db_instance","awsrdsdbcluster":"aws.rds.db_cluster","awskmskey":"aws.kms.key","awscertificatemanagercertificate":"aws.acm.certificate","awscloudtrailtrail":"aws.cloudtrail.trail","awssecretsmanagersecret":"aws.secretsmanager.secret","awsdynamodbtable":"aws.dynamodb.table","awssnstopic":"aws.sns.topic","awssqsqueue":"aws.sqs.queue","microsoftcomputevirtualmachines":"azure.vm","microsoftcontainerservicemanagedclusters":"azure.aks.cluster","microsoftstoragestorageaccounts":"azure.storage.account","microsoftkeyvaultvaults":"azure.keyvault.vault","microsoftnetworknetworksecuritygroups":"azure.network.security_group","microsoftsqlservers":"azure.sql.server","microsoftwebsites":"azure.web.site","pod":"k8s.pod","pods":"k8s.pod","node":"k8s.node","nodes":"k8s.node","namespaces":"k8s.namespace","deployments":"k8s.deployment","daemonsets":"k8s.daemonset","statefulsets":"k8s.statefulset","replicasets":"k8s.replicaset","cronjobs":"k8s.cronjob","secrets":"k8s.secret","configmaps":"k8s.configmap","serviceaccounts":"k8s.service_account","rolebindings":"k8s.rolebinding","clusterroles":"k8s.clusterrole","clusterrolebindings":"k8s.clusterrolebinding","container":"container","host":"host","user":"user"},"xK":{"instance":"aws.ec2.instance","bucket":"aws.s3.bucket","accesskey":"aws.iam.access_key","securitygroup":"aws.ec2.security_group","volume":"aws.ec2.volume","account":"aws.account"},"wI":{"s3:":"aws.s3.bucket","sts:assumed-role":"aws.iam.role","rds:db":"aws.rds.db_instance","rds:cluster":"aws.rds.db_cluster","lambda:function":"aws.lambda.function","iam:root":"aws.account"},"wj":{"aws.ec2.instance":"arn:{partition}:ec2:{region}:{account}:instance/{id}","aws.ec2.volume":"arn:{partition}:ec2:{region}:{account}:volume/{id}","aws.ec2.security_group":"arn:{partition}:ec2:{region}:{account}:security-group/{id}","aws.s3.bucket":"arn:{partition}:s3:::{id}","aws.iam.user":"arn:{partition}:iam::{account}:user/{id}","aws.iam.role":"arn:{partition}:iam::{account}:role/{id}","aws.eks.cluster":"arn:{partition}:eks:{region}:{account}:cluster/{id}","aws.ecs.cluster":"arn:{partition}:ecs:{region}:{account}:cluster/{id}","aws.lambda.function":"arn:{partition}:lambda:{region}:{account}:function:{id}","aws.rds.db_instance":"arn:{partition}:rds:{region}:{account}:db:{id}"}}');
;// CONCATENATED MODULE: ./lib/src/ingest/data/ocsf-severity.json
const ocsf_severity_namespaceObject = /*#__PURE__*/JSON.parse('{"_m":{"0":"unrated","1":"text","2":"low","3":"medium","4":"high","5":"critical","6":"critical","99":"unrated"},"pw":{"unknown":"unrated","informational":"low","info":"low","other":"unrated","none":"low","low":"low","medium":"medium","moderate":"medium","high":"high","critical":"critical","fatal":"critical"},"jV":{"0":"low","1":"low","2":"medium","3":"high","4":"critical","99":"unrated"},"TE":{"info":"low","informational":"low","low":"low","medium":"medium","high":"high","critical":"critical","other":"unrated"}}');
;// CONCATENATED MODULE: ./lib/src/ingest/data/ocsf-sources.json
const ocsf_sources_namespaceObject = /*#__PURE__*/JSON.parse('{"Ab":[{"match":"cloudtrail","source":"cloudtrail"},{"match":"guardduty","source":"threatintel"},{"match":"securityscorecard","source":"threatintel"},{"match":"threat intel","source":"threatintel"},{"match":"recorded future","source":"threatintel"},{"match":"virustotal","source":"threatintel"},{"match":"misp","source":"threatintel"},{"match":"falco","source":"runtime"},{"match":"crowdstrike","source":"runtime"},{"match":"sentinelone","source":"runtime"},{"match":"defender for endpoint","source":"runtime"},{"match":"carbon black","source":"runtime"},{"match":"cortex xdr","source":"runtime"},{"match":"sysdig","source":"runtime"},{"match":"tetragon","source":"runtime"},{"match":"tracee","source":"runtime"},{"match":"osquery","source":"runtime"},{"match":"sysmon","source":"runtime"},{"match":"elastic defend","source":"runtime"}],"Zb":["TTPs","Effects","Unusual Behaviors"]}');
;// CONCATENATED MODULE: ./lib/src/ingest/normalizers/ocsf.js
// OCSF events (Open Cybersecurity Schema Framework, https://schema.ocsf.io), the format of Amazon
// Security Lake, Prowler 4, the ocsf/examples mappings (Okta, GitHub, Zeek, QRadar, O365, CloudTrail,
// Security Hub ...) and many SIEM exports. One reader covers every class: findings (Security Finding
// 2001 of OCSF 1.0 with its `finding` object, Vulnerability / Compliance / Detection Finding 2002-2004
// with `finding_info`), identity (3xxx), network (4xxx), application (6xxx) and system (1xxx) activity.
// Producers are loose with the schema (severity missing, `message` as a list, microsecond epochs, a
// single `answers` object instead of a list): what is lenient here is lenient on purpose and commented.








const CLASSES = (0,json/* tableOf */.c_)(ocsf_classes_namespaceObject.Ly);
const BASE_ACTIVITIES = (0,json/* tableOf */.c_)(ocsf_classes_namespaceObject.K_);
const FINDINGS_CATEGORY = ocsf_classes_namespaceObject.tg;
const SYSTEM_CATEGORY = ocsf_classes_namespaceObject.X7;
const SEVERITY_BY_ID = (0,json/* tableOf */.c_)(ocsf_severity_namespaceObject._m);
const SEVERITY_BY_CAPTION = (0,json/* tableOf */.c_)(ocsf_severity_namespaceObject.pw);
const SEVERITY_BY_RISK_LEVEL = (0,json/* tableOf */.c_)(ocsf_severity_namespaceObject.jV);
const SEVERITY_BY_RISK_CAPTION = (0,json/* tableOf */.c_)(ocsf_severity_namespaceObject.TE);
const ocsf_SEVERITIES = new Set(['low', 'medium', 'high', 'critical']);
const SOURCE_BY_PRODUCT = ocsf_sources_namespaceObject.Ab;
const THREAT_TYPE_NAMESPACES = new Set(ocsf_sources_namespaceObject.Zb);
const RESOURCE_TYPES = (0,json/* tableOf */.c_)(ocsf_resource_types_namespaceObject.gK);
const AWS_ONLY_TYPES = (0,json/* tableOf */.c_)(ocsf_resource_types_namespaceObject.xK);
const ARN_TYPES = (0,json/* tableOf */.c_)(ocsf_resource_types_namespaceObject.wI);
const ARN_TEMPLATES = (0,json/* tableOf */.c_)(ocsf_resource_types_namespaceObject.wj);
// Bounds on the lists read per event, so a hostile payload costs no more than its parse.
const MAX_LIST = 64;
const MAX_OBSERVABLES = 256;
const ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws)?:(.+)$/;
const ASFF_RESOURCE_ID = /^AWS::([A-Za-z0-9]*)::([A-Za-z0-9]+):(.+)$/;
const AWS_ACCOUNT = /^\d{12}$/;
const ACCESS_KEY = /^(AKIA|ASIA)[A-Z0-9]{12,124}$/;
const EC2_INSTANCE = /^i-[0-9a-f]{8,32}$/;
const ocsf_RESOURCE_TYPE = /^[a-z0-9]+(\.[a-z0-9_]+)*$/;
// SiLK's mapping writes "2015/06/17T00:00:00.083"; otherwise the date is ISO.
// Observable type_id (https://schema.ocsf.io/1.3.0/objects/observable): the ones that are indicators.
const OBSERVABLE_HOSTNAME = 1;
const OBSERVABLE_IP = 2;
const OBSERVABLE_EMAIL = 5;
const OBSERVABLE_URL = 6;
const OBSERVABLE_HASH = 8;
// ---------------------------------------------------------------------------------------------------
// Reading loosely-typed OCSF fields
/** Objects at a path that producers write either as a list or (against the schema) as one object. */
function objectsAt(reader, path, max = MAX_LIST) {
    const value = reader.get(path);
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value)) {
        if (!(0,json/* isJsonObject */.OW)(value))
            reader.fail(path, `expected an array of objects, got ${(0,json/* jsonTypeOf */.WF)(value)}`);
        const one = reader.child(path);
        return one ? [one] : [];
    }
    const segments = path.split('.');
    const out = [];
    for (let i = 0; i < value.length && out.length < max; i++) {
        const item = reader.child([...segments, i]);
        if (item)
            out.push(item);
    }
    return out;
}
function joined(values) {
    return values.length === 0 ? undefined : values.join('; ');
}
// ---------------------------------------------------------------------------------------------------
// Severity and source
function band(value) {
    return value !== undefined && ocsf_SEVERITIES.has(value) ? value : undefined;
}
/** A Detection Finding's risk_level_id, else its risk_level caption; undefined when neither rates it. */
function riskLevelOf(reader) {
    const risk = reader.numeric('risk_level_id');
    if (risk !== undefined) {
        const mapped = SEVERITY_BY_RISK_LEVEL.get(String(risk)) ??
            reader.fail('risk_level_id', `OCSF risk_level_id ${risk} is not one of 0-4 or 99`);
        const severity = band(mapped);
        if (severity)
            return { severity, basis: 'risk_level_id' };
    }
    // The caption is only a fallback here: an unknown one is kept in context, not a reason to drop the event.
    const caption = reader.string('risk_level');
    const severity = caption === undefined ? undefined : band(SEVERITY_BY_RISK_CAPTION.get(caption.trim().toLowerCase()));
    return severity && { severity, basis: 'risk_level' };
}
/**
 * severity_id per the documented scale (data/ocsf-severity.json). Informational (1) defers to the
 * `severity` caption, which OCSF says carries the source's own value, and is low when it says nothing
 * more. Unknown (0) and Other (99) are no rating at all: the caption, then a Detection Finding's
 * risk_level_id or risk_level decide (a Critical risk must not come out low), and only an event that
 * rates itself nowhere is assumed low, with severity_basis "default" saying so. OCSF requires
 * severity_id, but real mappings omit it (the QRadar offense sample): the caption alone is accepted
 * then, and an event that states nothing is treated like Unknown.
 */
function severityOf(reader) {
    const id = reader.numeric('severity_id');
    const caption = reader.string('severity');
    const captioned = caption === undefined ? undefined : SEVERITY_BY_CAPTION.get(caption.trim().toLowerCase());
    const fromCaption = band(captioned);
    if (id !== undefined) {
        const mapped = SEVERITY_BY_ID.get(String(id));
        if (mapped === undefined) {
            return reader.fail('severity_id', `OCSF severity_id ${id} is not one of 0-6 or 99`);
        }
        const rated = band(mapped);
        if (rated)
            return { severity: rated, basis: 'severity_id' };
        if (fromCaption)
            return { severity: fromCaption, basis: 'severity' };
        if (mapped === 'text')
            return { severity: 'low', basis: 'severity_id' };
    }
    else if (caption !== undefined) {
        if (fromCaption)
            return { severity: fromCaption, basis: 'severity' };
        if (captioned === undefined)
            reader.fail('severity', `unknown OCSF severity "${caption.slice(0, 40)}"`);
    }
    return riskLevelOf(reader) ?? { severity: 'low', basis: 'default' };
}
function sourceOf(product, provider, category) {
    const names = `${product ?? ''}\n${provider ?? ''}`.toLowerCase();
    const hit = SOURCE_BY_PRODUCT.find((entry) => names.includes(entry.match));
    if (hit)
        return hit.source;
    return category === SYSTEM_CATEGORY ? 'runtime' : 'siem';
}
function ocsf_parseArn(text) {
    const m = text === undefined || text.length > 2048 ? null : ARN.exec(text);
    if (!m)
        return undefined;
    const [arn, partition = 'aws', service = '', region = '', account = '', resource = ''] = m;
    return { arn, partition, service, region, account, resource };
}
function snakeCase(text) {
    return text
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .slice(0, 40);
}
function validType(type) {
    return type.length <= 64 && ocsf_RESOURCE_TYPE.test(type) ? type : 'resource';
}
/** ARN `arn:aws:iam::1:role/path/Admin` → aws.iam.role "Admin"; `...:instance/i-1` → aws.ec2.instance "i-1". */
function ocsf_arnResource(parsed, name) {
    const { service, resource } = parsed;
    const parts = resource.split(/[/:]/);
    const kind = service === 's3' ? (resource.includes('/') ? 'object' : '') : parts.length > 1 ? parts[0] : '';
    const type = validType(ARN_TYPES.get(`${service}:${kind}`) ??
        (kind ? `aws.${snakeCase(service)}.${snakeCase(kind ?? '')}` : `aws.${snakeCase(service)}`));
    let id;
    let arn = parsed.arn;
    if (service === 'sts' && kind === 'assumed-role') {
        // The session's role is what gets contained: revoke its sessions, not the one session name.
        id = parts[1] ?? resource;
        if (AWS_ACCOUNT.test(parsed.account))
            arn = `arn:${parsed.partition}:iam::${parsed.account}:role/${id}`;
    }
    else if (service === 'iam' || service === 'sts') {
        id = parts[parts.length - 1] || resource;
    }
    else if (service === 's3' || parts.length === 1) {
        id = resource;
    }
    else {
        id = resource.slice((parts[0] ?? '').length + 1);
    }
    if (type === 'aws.account')
        id = parsed.account || id;
    const ref = { type, id, arn };
    if (name && name !== id)
        ref.name = name;
    return ref;
}
function arnFor(type, id, scope, region = scope.region) {
    const template = ARN_TEMPLATES.get(type);
    if (!template || !scope.isAws)
        return undefined;
    if (template.includes('{region}') && !region)
        return undefined;
    if (template.includes('{account}') && !(scope.account && AWS_ACCOUNT.test(scope.account)))
        return undefined;
    return template
        .replace('{partition}', () => scope.partition)
        .replace('{region}', () => region ?? '')
        .replace('{account}', () => scope.account ?? '')
        .replace('{id}', () => id);
}
/** A declared resource type (ASFF, CloudFormation, Azure, Kubernetes or free text) as a dotted type. */
function mappedType(declared, scope) {
    if (declared === undefined || declared.length > 256)
        return undefined;
    const key = declared.toLowerCase().replace(/[^a-z0-9]/g, '');
    return RESOURCE_TYPES.get(key) ?? (scope.isAws ? AWS_ONLY_TYPES.get(key) : undefined);
}
function derivedType(declared) {
    if (declared === undefined || declared.length > 256)
        return 'resource';
    const cloudFormation = /^AWS::(\w+)::(\w+)$/.exec(declared);
    if (cloudFormation)
        return validType(`aws.${snakeCase(cloudFormation[1] ?? '')}.${snakeCase(cloudFormation[2] ?? '')}`);
    const asff = /^Aws([A-Z][a-z0-9]+)([A-Z]\w*)$/.exec(declared);
    if (asff)
        return validType(`aws.${snakeCase(asff[1] ?? '')}.${snakeCase(asff[2] ?? '')}`);
    const azure = /^Microsoft\.(\w+)\/(\w+)$/i.exec(declared);
    if (azure)
        return validType(`azure.${snakeCase(azure[1] ?? '')}.${snakeCase(azure[2] ?? '')}`);
    const word = snakeCase(declared);
    return word ? validType(`resource.${word}`) : 'resource';
}
/** One entry of `resources[]` (or the 1.1 `resource` object). */
function declaredResource(item, scope) {
    const uid = item.text('uid');
    const name = item.text('name');
    const declared = item.string('type');
    const region = item.string('region') ?? scope.region;
    const partition = item.string('cloud_partition');
    const local = partition && /^aws(-[a-z-]+)?$/.test(partition) ? { ...scope, isAws: true, partition } : scope;
    const parsed = ocsf_parseArn(uid);
    if (parsed) {
        const ref = ocsf_arnResource(parsed, name);
        const type = mappedType(declared, local);
        return type ? { ...ref, type } : ref;
    }
    const asff = uid === undefined ? null : ASFF_RESOURCE_ID.exec(uid);
    if (asff) {
        const type = mappedType(declared, local) ?? mappedType(`Aws${asff[1]}${asff[2]}`, local) ?? derivedType(declared);
        const id = asff[3] ?? uid ?? '';
        return withArn({ type, id }, local, region, name);
    }
    const base = uid ?? name;
    if (base === undefined)
        return undefined;
    // SecurityScorecard names an infected device by its IP address and gives no type.
    const type = mappedType(declared, local) ?? (declared === undefined && (0,external_node_net_.isIP)(base) ? 'host' : derivedType(declared));
    const namespace = item.string('namespace');
    const id = namespace && !base.includes('/') ? `${namespace}/${base}` : base;
    return withArn({ type, id }, local, region, name);
}
function withArn(ref, scope, region, name) {
    const out = { ...ref };
    const arn = arnFor(ref.type, ref.id, scope, region);
    if (arn)
        out.arn = arn;
    if (name && name !== ref.id)
        out.name = name;
    return out;
}
/** An OCSF user object as the account a responder would disable: an IAM principal, else the IdP user. */
function userResource(user, scope) {
    if (!user)
        return undefined;
    const uid = user.text('uid');
    const name = user.text('name');
    const email = user.string('email_addr');
    // OCSF 1.0.0-rc.2 put the ARN in `uuid`.
    const parsed = ocsf_parseArn(uid) ?? ocsf_parseArn(user.text('uuid'));
    if (parsed)
        return ocsf_arnResource(parsed, name);
    if (scope.isKubernetes && name)
        return { type: 'k8s.user', id: name };
    if (scope.isCloudTrail && name)
        return withArn({ type: 'aws.iam.user', id: name }, scope, scope.region);
    const id = uid ?? name ?? email;
    if (id === undefined)
        return undefined;
    const label = name ?? email;
    return label && label !== id ? { type: 'user', id, name: label } : { type: 'user', id };
}
function actorResources(actor, scope) {
    if (!actor)
        return [];
    const out = [];
    const user = actor.child('user');
    const key = user?.text('credential_uid');
    if (key && ACCESS_KEY.test(key))
        out.push({ type: 'aws.iam.access_key', id: key });
    const principal = userResource(user, scope);
    if (principal)
        out.push(principal);
    const issuer = ocsf_parseArn(actor.text('session.issuer'));
    if (issuer)
        out.push(ocsf_arnResource(issuer));
    return out;
}
function instanceResource(uid, scope) {
    if (uid === undefined || !EC2_INSTANCE.test(uid))
        return undefined;
    return withArn({ type: 'aws.ec2.instance', id: uid }, { ...scope, isAws: true }, scope.region);
}
function hostResources(reader, scope) {
    const out = [];
    const device = reader.child('device');
    if (device) {
        const instance = instanceResource(device.text('instance_uid'), scope);
        if (instance)
            out.push(instance);
        const host = device.text('hostname') ?? device.text('name') ?? device.text('uid');
        if (host)
            out.push({ type: 'host', id: host });
    }
    const container = reader.child('container');
    if (container) {
        const id = container.text('uid') ?? container.text('name');
        const image = container.text('image.name');
        if (id)
            out.push(image ? { type: 'container', id, name: image } : { type: 'container', id });
    }
    for (const endpoint of ['dst_endpoint', 'src_endpoint']) {
        const instance = instanceResource(reader.text(`${endpoint}.instance_uid`), scope);
        if (instance)
            out.push(instance);
    }
    return out;
}
function namedResource(reader, path, fallbackType, scope) {
    const item = reader.child(path);
    if (!item)
        return undefined;
    const id = item.text('uid') ?? item.text('name');
    if (id === undefined)
        return undefined;
    const type = mappedType(item.string('type'), scope) ?? fallbackType;
    const name = item.text('name');
    return name && name !== id ? { type, id, name } : { type, id };
}
// ---------------------------------------------------------------------------------------------------
// Indicators and ATT&CK
function endpointIndicators(endpoint, set) {
    if (!endpoint)
        return;
    set.ip(endpoint.text('ip'));
    set.host(endpoint.text('hostname'));
    set.domain(endpoint.text('domain'));
}
function hashIndicators(reader, path, set) {
    if (!reader)
        return;
    for (const hash of objectsAt(reader, path))
        set.hash(hash.text('value'));
}
function urlIndicators(url, set) {
    if (!url)
        return;
    set.url(url.text('url_string'));
    set.host(url.text('hostname'));
}
function observableIndicators(reader, set) {
    for (const observable of objectsAt(reader, 'observables', MAX_OBSERVABLES)) {
        const type = observable.numeric('type_id');
        const value = observable.text('value');
        if (type === OBSERVABLE_HOSTNAME)
            set.host(value);
        else if (type === OBSERVABLE_IP)
            set.ip(value);
        else if (type === OBSERVABLE_EMAIL)
            set.email(value);
        else if (type === OBSERVABLE_URL)
            set.url(value);
        // The 1.4 example writes a hash observable as "MD5:3172ac...".
        else if (type === OBSERVABLE_HASH)
            set.hash(value?.replace(/^[a-z0-9-]+:/i, ''));
    }
}
function ocsf_indicatorsOf(reader, evidences) {
    const set = new IndicatorSet();
    for (const event of [reader, ...evidences]) {
        endpointIndicators(event.child('src_endpoint'), set);
        endpointIndicators(event.child('dst_endpoint'), set);
        set.host(event.text('query.hostname'));
        urlIndicators(event.child('url'), set);
        urlIndicators(event.child('http_request.url'), set);
        hashIndicators(event, 'file.hashes', set);
        hashIndicators(event.child('process'), 'file.hashes', set);
        hashIndicators(event.child('actor.process'), 'file.hashes', set);
    }
    for (const ip of reader.texts('http_request.x_forwarded_for').slice(0, MAX_LIST))
        set.ip(ip);
    set.domain(reader.text('tls.sni'));
    for (const answer of objectsAt(reader, 'answers'))
        set.host(answer.text('rdata'));
    const email = reader.child('email');
    if (email) {
        for (const field of ['from', 'smtp_from', 'reply_to', 'to', 'smtp_to', 'cc']) {
            for (const address of email.texts(field).slice(0, MAX_LIST))
                set.email(address);
        }
        for (const ip of email.texts('x_originating_ip').slice(0, MAX_LIST))
            set.ip(ip);
    }
    observableIndicators(reader, set);
    return set;
}
function ocsf_attackOf(reader, finding, threatType) {
    const attack = new AttackCollector();
    const entries = [...objectsAt(reader, 'attacks'), ...(finding ? objectsAt(finding, 'attacks') : [])];
    for (const entry of entries) {
        // OCSF 1.0 lists `tactics[]`; 1.1+ has one `tactic` per entry.
        for (const tactic of [...objectsAt(entry, 'tactic'), ...objectsAt(entry, 'tactics')]) {
            attack.tactic(tactic.text('uid'));
            attack.tactic(tactic.text('name'));
        }
        attack.technique(entry.text('technique.uid'));
        attack.technique(entry.text('sub_technique.uid'));
    }
    // ASFF threat types name the tactic: "TTPs/Defense Evasion/Stealth:IAMUser-...".
    if (threatType?.startsWith('TTPs/'))
        attack.tactic(threatType.split('/')[1]);
    return attack;
}
// ---------------------------------------------------------------------------------------------------
// The event
function scopeOf(reader, actorUser, product) {
    const cloud = reader.child('cloud');
    const provider = cloud?.text('provider')?.toLowerCase();
    const rawAccount = cloud?.text('account.uid') ??
        cloud?.text('account_uid') ??
        actorUser?.text('account.uid') ??
        actorUser?.text('account_uid');
    // The EKS mapping puts the caller's STS ARN in cloud.account.uid.
    const account = ocsf_parseArn(rawAccount)?.account || rawAccount;
    const isCloudTrail = /cloudtrail/i.test(`${product ?? ''} ${reader.text('metadata.log_provider') ?? ''}`);
    return {
        isAws: isCloudTrail || provider === 'aws',
        isCloudTrail,
        isKubernetes: /\b(eks|kubernetes|k8s)\b/i.test(`${product ?? ''} ${reader.text('metadata.product.version') ?? ''}`),
        partition: 'aws',
        account,
        region: cloud?.text('region'),
    };
}
function ocsf_actorOf(reader, actorUser, isAuthentication) {
    const principal = (user) => {
        if (!user)
            return undefined;
        const uid = user.text('uid');
        const uuid = user.text('uuid');
        return (ocsf_parseArn(uid)?.arn ??
            ocsf_parseArn(uuid)?.arn ??
            user.text('name') ??
            user.string('email_addr') ??
            uid ??
            uuid);
    };
    const actor = principal(actorUser) ?? reader.text('actor.session.issuer') ?? reader.text('actor.process.user.name');
    if (actor || !isAuthentication)
        return actor;
    // Authentication's `user` is the account logging on; without one, the source is all that is known.
    return (principal(reader.child('user')) ?? reader.text('src_endpoint.ip') ?? reader.text('src_endpoint.hostname'));
}
function activityTitle(label, parts) {
    let title = label;
    if (parts.operation && !label.toLowerCase().endsWith(`: ${parts.operation.toLowerCase()}`)) {
        title += ` ${parts.operation}`;
    }
    if (parts.actor)
        title += ` by ${parts.actor}`;
    if (parts.from)
        title += ` from ${parts.from}`;
    if (parts.status)
        title += ` (${parts.status})`;
    return title;
}
function ocsf_normalizeEvent(reader) {
    const classUid = reader.number('class_uid') ?? reader.fail('class_uid', 'required OCSF class_uid is missing');
    if (!Number.isInteger(classUid) || classUid < 0) {
        reader.fail('class_uid', `OCSF class_uid ${classUid} is not a class id`);
    }
    const known = CLASSES.get(String(classUid));
    const category = reader.number('category_uid') ?? Math.floor(classUid / 1000);
    const className = reader.string('class_name') ?? known?.name ?? `OCSF class ${classUid}`;
    const activityId = reader.number('activity_id');
    const activity = reader.string('activity_name') ??
        (activityId === undefined
            ? undefined
            : ((known && Object.hasOwn(known.activities, String(activityId))
                ? known.activities[String(activityId)]
                : undefined) ??
                BASE_ACTIVITIES.get(String(activityId)) ??
                `activity ${activityId}`));
    const label = activity ? `${className}: ${activity}` : className;
    const isFinding = category === FINDINGS_CATEGORY || Math.floor(classUid / 1000) === FINDINGS_CATEGORY;
    const isIdentity = Math.floor(classUid / 1000) === 3 && className !== 'API Activity';
    const isApiActivity = classUid === 6003 || className === 'API Activity';
    const metadata = reader.child('metadata');
    const product = metadata?.text('product.name');
    const provider = metadata?.text('log_provider');
    const eventCode = metadata?.text('event_code');
    // OCSF 1.0 findings carry `finding`, 1.1+ `finding_info`.
    const finding = reader.child('finding_info') ?? reader.child('finding');
    const types = finding ? finding.strings('types').slice(0, MAX_LIST) : [];
    // Only a full "namespace/category/classifier" names the threat; "Effects/Data Exposure" is a category.
    const threatType = types.find((type) => {
        const segments = type.split('/');
        return segments.length >= 3 && THREAT_TYPE_NAMESPACES.has(segments[0] ?? '');
    });
    const findingTitle = finding?.text('title');
    const findingUid = finding?.text('uid');
    const modified = finding?.firstTime('modified_time', 'modified_time_dt');
    const actorUser = reader.child('actor.user');
    const scope = scopeOf(reader, actorUser, product);
    const declared = [...objectsAt(reader, 'resources'), ...objectsAt(reader, 'resource')].flatMap((item) => {
        const ref = declaredResource(item, scope);
        return ref ? [ref] : [];
    });
    const actorRefs = actorResources(reader.child('actor'), scope);
    const hosts = hostResources(reader, scope);
    const target = isIdentity
        ? [
            userResource(reader.child('user'), scope),
            namedResource(reader, 'group', 'group', scope),
            namedResource(reader, 'entity', 'entity', scope),
        ].flatMap((ref) => (ref ? [ref] : []))
        : [];
    // First the thing to contain: the finding's resource, the account an identity event changed, the
    // principal that made an API call.
    const resources = isFinding
        ? [...declared, ...hosts, ...actorRefs]
        : isIdentity
            ? [...target, ...declared, ...hosts, ...actorRefs]
            : isApiActivity
                ? [...actorRefs, ...declared, ...hosts]
                : [...declared, ...hosts, ...actorRefs];
    const actor = ocsf_actorOf(reader, actorUser, classUid === 3002);
    const evidences = objectsAt(reader, 'evidences');
    const indicators = ocsf_indicatorsOf(reader, evidences);
    const status = reader.text('status');
    const message = joined(reader.texts('message').slice(0, MAX_LIST));
    const operation = reader.text('api.operation');
    const sourceIp = reader.text('src_endpoint.ip');
    const compliance = reader.child('compliance');
    const kind = isFinding ? (threatType ?? findingTitle ?? eventCode ?? types[0] ?? label) : label;
    const title = isFinding
        ? (findingTitle ?? message ?? kind)
        : activityTitle(label, {
            operation: operation ??
                eventCode ??
                reader.text('process.cmd_line') ??
                reader.text('process.name') ??
                reader.text('query.hostname') ??
                reader.text('http_request.url.hostname'),
            actor,
            from: sourceIp,
            status,
        });
    // A finding is identified by its uid, each update by its modified time. An activity has no id of its
    // own: metadata.uid is the producer's, and not one per event (Zeek writes a connection's uid into
    // every conn, dns and http event of it, so the benign first request of a keep-alive connection
    // would hide the malicious second). Without a vendor id the event's content is its id: a
    // re-delivery keeps it, two different events differ.
    const vendorId = isFinding && findingUid ? `${product ?? ''}|${findingUid}${modified ? `@${modified}` : ''}` : undefined;
    const rating = severityOf(reader);
    return {
        from: reader,
        vendorId,
        timestamp: reader.firstTime('time', 'time_dt') ??
            finding?.firstTime('created_time', 'created_time_dt') ??
            reader.firstTime('start_time', 'start_time_dt'),
        source: sourceOf(product, provider, category),
        severity: rating.severity,
        kind,
        title,
        resources,
        account: scope.account,
        region: scope.region ?? declared.find((ref) => ref.arn)?.arn?.split(':')[3],
        actor,
        indicators: indicators.list,
        attack: ocsf_attackOf(reader, finding, threatType),
        context: {
            ocsf_class_uid: classUid,
            ocsf_class: className,
            ocsf_activity_id: activityId,
            ocsf_activity: activity,
            ocsf_category_uid: category,
            ocsf_type_uid: reader.numeric('type_uid'),
            ocsf_version: metadata?.text('version'),
            product,
            product_vendor: metadata?.text('product.vendor_name'),
            product_version: metadata?.text('product.version'),
            product_feature: metadata?.text('product.feature.name') ?? metadata?.text('product.feature.uid'),
            log_provider: provider,
            event_code: eventCode,
            vendor_severity: reader.string('severity')?.trim(),
            severity_basis: rating.basis,
            severity_id: reader.numeric('severity_id'),
            risk_level: reader.text('risk_level'),
            confidence: reader.text('confidence'),
            finding_uid: findingUid,
            event_uid: metadata?.text('uid'),
            finding_types: joined(types),
            rule: reader.text('analytic.name') ?? finding?.text('analytic.name'),
            link: finding?.text('src_url'),
            status,
            status_id: reader.numeric('status_id'),
            status_code: reader.text('status_code'),
            status_detail: reader.text('status_detail'),
            finding_state: reader.text('state'),
            compliance_status: compliance?.text('status'),
            compliance_control: compliance?.text('control'),
            compliance_requirements: compliance
                ? joined(compliance.strings('requirements').slice(0, MAX_LIST))
                : undefined,
            compliance_standards: compliance
                ? joined(compliance.strings('standards').slice(0, MAX_LIST))
                : undefined,
            cve: joined(objectsAt(reader, 'vulnerabilities').flatMap((v) => v.text('cve.uid') ?? [])),
            disposition: reader.text('disposition'),
            action: reader.text('action'),
            api_operation: operation,
            api_service: reader.text('api.service.name'),
            src_ip: sourceIp,
            dst_ip: reader.text('dst_endpoint.ip'),
            user_agent: reader.text('http_request.user_agent'),
            actor_email: actorUser?.string('email_addr'),
            session_issuer: reader.text('actor.session.issuer'),
            message,
        },
    };
}
const ocsf = {
    vendor: 'ocsf',
    accepts: 'OCSF events of any class (Detection/Security/Compliance/Vulnerability Finding, API Activity, Authentication, Account Change, Network, HTTP, DNS ...), as objects, arrays or NDJSON',
    detect(payload) {
        const classUid = payload.class_uid;
        return (typeof classUid === 'number' &&
            Number.isInteger(classUid) &&
            ((0,json/* isJsonObject */.OW)(payload.metadata) ||
                typeof payload.category_uid === 'number' ||
                typeof payload.type_uid === 'number'));
    },
    normalize: (reader) => [ocsf_normalizeEvent(reader)],
};
//# sourceMappingURL=ocsf.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/data/securityhub-resource-types.json
const securityhub_resource_types_namespaceObject = /*#__PURE__*/JSON.parse('{"g":{"AwsAccount":"aws.account","AwsApiGatewayRestApi":"aws.apigateway.rest_api","AwsApiGatewayStage":"aws.apigateway.stage","AwsApiGatewayV2Api":"aws.apigateway.v2_api","AwsApiGatewayV2Stage":"aws.apigateway.v2_stage","AwsAppSyncGraphQlApi":"aws.appsync.graphql_api","AwsAmazonMqBroker":"aws.mq.broker","AwsAutoScalingAutoScalingGroup":"aws.autoscaling.group","AwsAutoScalingLaunchConfiguration":"aws.autoscaling.launch_configuration","AwsBackupBackupPlan":"aws.backup.plan","AwsBackupBackupVault":"aws.backup.vault","AwsBackupRecoveryPoint":"aws.backup.recovery_point","AwsCertificateManagerCertificate":"aws.acm.certificate","AwsCloudFormationStack":"aws.cloudformation.stack","AwsCloudFrontDistribution":"aws.cloudfront.distribution","AwsCloudTrailTrail":"aws.cloudtrail.trail","AwsCloudWatchAlarm":"aws.cloudwatch.alarm","AwsCodeBuildProject":"aws.codebuild.project","AwsDynamoDbTable":"aws.dynamodb.table","AwsElasticBeanstalkEnvironment":"aws.elasticbeanstalk.environment","AwsEventSchemasRegistry":"aws.schemas.registry","AwsEventsEventbus":"aws.events.event_bus","AwsEventsEndpoint":"aws.events.endpoint","AwsGuardDutyDetector":"aws.guardduty.detector","AwsIamAccessKey":"aws.iam.access_key","AwsIamGroup":"aws.iam.group","AwsIamPolicy":"aws.iam.policy","AwsIamRole":"aws.iam.role","AwsIamUser":"aws.iam.user","AwsLambdaFunction":"aws.lambda.function","AwsLambdaLayerVersion":"aws.lambda.layer_version","AwsNetworkFirewallFirewall":"aws.network_firewall.firewall","AwsNetworkFirewallFirewallPolicy":"aws.network_firewall.firewall_policy","AwsNetworkFirewallRuleGroup":"aws.network_firewall.rule_group","AwsOpenSearchServiceDomain":"aws.opensearch.domain","AwsRdsDbInstance":"aws.rds.db_instance","AwsSageMakerNotebookInstance":"aws.sagemaker.notebook_instance","AwsSecretsManagerSecret":"aws.secretsmanager.secret","AwsSsmPatchCompliance":"aws.ssm.patch_compliance","AwsStepFunctionStateMachine":"aws.states.state_machine","AwsWafRegionalRateBasedRule":"aws.waf_regional.rate_based_rule","AwsWafRegionalRule":"aws.waf_regional.rule","AwsWafRegionalRuleGroup":"aws.waf_regional.rule_group","AwsWafRegionalWebAcl":"aws.waf_regional.web_acl","Container":"container"}}');
;// CONCATENATED MODULE: ./lib/src/ingest/data/securityhub-severity.json
const securityhub_severity_namespaceObject = /*#__PURE__*/JSON.parse('{"WD":{"INFORMATIONAL":"low","LOW":"low","MEDIUM":"medium","HIGH":"high","CRITICAL":"critical"},"A9":{"min":0,"max":100,"bands":[{"from":90,"severity":"critical"},{"from":70,"severity":"high"},{"from":40,"severity":"medium"},{"from":0,"severity":"low"}]}}');
;// CONCATENATED MODULE: ./lib/src/ingest/normalizers/securityhub.js
// AWS Security Hub findings in the AWS Security Finding Format (ASFF): EventBridge "Security Hub
// Findings - Imported" and "Security Hub Findings - Custom Action" events (one event per
// detail.findings[] item), bare findings, and GetFindings responses {Findings: [...]}.
// ASFF: https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings-format.html
// "Security Hub Insight Results" events are refused: they carry an insight's aggregated counts
// (`{"kapil": 2}` per grouped value), not findings — no resource, no time of occurrence, no severity.
// Findings that GuardDuty produced are read with the GuardDuty tables (finding type → ATT&CK, Runtime).






// ---------------------------------------------------------------------------------------------
// Severity (data/securityhub-severity.json)
const LABELS = new Map();
for (const [label, severity] of Object.entries(securityhub_severity_namespaceObject.WD)) {
    severityScale({ min: 0, max: 0, bands: [{ from: 0, severity }] });
    LABELS.set(label, severity);
}
const NORMALIZED = severityScale(securityhub_severity_namespaceObject.A9);
function fromLabel(finding, path) {
    const label = finding.string(path);
    if (label === undefined)
        return undefined;
    const severity = LABELS.get(label.toUpperCase()) ??
        finding.fail(path, `unknown ASFF severity label ${(0,display/* quoteForMessage */.Hx)(label, 40)}; expected INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL`);
    return { severity, vendor: label };
}
/**
 * Severity.Label, else Severity.Normalized (deprecated, 0–100), else the provider's own label. A
 * finding with only Severity.Product is on its product's private scale: GuardDuty's is documented
 * (1–10), any other is refused rather than guessed.
 */
function securityhub_severityOf(finding, fromGuardDuty) {
    const label = fromLabel(finding, 'Severity.Label');
    if (label)
        return label;
    const normalized = finding.numeric('Severity.Normalized');
    if (normalized !== undefined) {
        const severity = onScale(NORMALIZED, normalized) ??
            finding.fail('Severity.Normalized', `${normalized} is outside ASFF's 0–100 range`);
        return { severity, vendor: String(normalized) };
    }
    const fallback = fromLabel(finding, 'FindingProviderFields.Severity.Label') ??
        fromLabel(finding, ['ProductFields', 'aws/securityhub/SeverityLabel']);
    if (fallback)
        return fallback;
    const product = finding.numeric('Severity.Product');
    if (product !== undefined && fromGuardDuty) {
        const severity = guardDutySeverity(product) ??
            finding.fail('Severity.Product', `${product} is outside GuardDuty's documented 0–10 severity scale`);
        return { severity, vendor: String(product) };
    }
    return finding.fail('Severity', 'has neither Label nor Normalized (ASFF requires one; Severity.Product is on the product’s own scale)');
}
// ---------------------------------------------------------------------------------------------
// What the finding is about
const GUARDDUTY_PRODUCT = /:product\/aws\/guardduty$/;
// GuardDuty types in ASFF Types[]: "TTPs/Discovery/Recon:IAMUser-UserPermissions" ('/' became '-').
const ASFF_GUARDDUTY_TYPE = /^([A-Za-z0-9]+:[A-Za-z0-9]+)-(.+)$/;
const STANDARD_ARN = /^arn:[^:]*:securityhub:[^:]*:[^:]*:(?:standards|ruleset)\/(.+)$/;
function fromGuardDuty(finding, productArn) {
    return ((productArn !== undefined && GUARDDUTY_PRODUCT.test(productArn)) ||
        finding.string('ProductName') === 'GuardDuty' ||
        finding.string(['ProductFields', 'aws/securityhub/ProductName']) === 'GuardDuty');
}
function guardDutyType(types) {
    for (const type of types) {
        const match = ASFF_GUARDDUTY_TYPE.exec(type.slice(type.lastIndexOf('/') + 1));
        if (match)
            return `${match[1]}/${match[2]}`;
    }
    return undefined;
}
/**
 * A Security Hub control finding: the control (AFSBP "EC2.6", CIS "1.4", consolidated "EC2.6") in its
 * standard. Control numbers are only meaningful within a standard version (CIS 1.2.0's 1.4 is not CIS
 * 1.4.0's), so the kind is `<standard>/<control>` — AWS's own GeneratorId spelling for AFSBP.
 */
function controlOf(finding) {
    const id = finding.string(['ProductFields', 'ControlId']) ??
        finding.string(['ProductFields', 'RuleId']) ??
        finding.string('Compliance.SecurityControlId');
    if (!id)
        return undefined;
    const generator = finding.string('GeneratorId');
    const standardsArn = finding.string(['ProductFields', 'StandardsArn']) ??
        finding.string(['ProductFields', 'StandardsGuideArn']);
    const fromArn = standardsArn ? STANDARD_ARN.exec(standardsArn)?.[1] : undefined;
    const fromGenerator = generator?.startsWith('security-control/')
        ? 'security-control'
        : generator?.endsWith(`/${id}`)
            ? generator.slice(0, -id.length - 1)
            : undefined;
    return { id, standard: fromArn ?? fromGenerator };
}
// ---------------------------------------------------------------------------------------------
// Resources: https://docs.aws.amazon.com/securityhub/latest/userguide/asff-resources.html
const KNOWN_TYPES = new Map(Object.entries(securityhub_resource_types_namespaceObject.g));
/** `AwsEc2SecurityGroup` → aws.ec2.security_group; names the table lists are taken from it. */
function dottedType(type) {
    const known = KNOWN_TYPES.get(type);
    if (known)
        return known;
    if (type.length > 100 || !/^Aws[A-Z][A-Za-z0-9]*$/.test(type))
        return undefined;
    const [service, ...rest] = type.slice(3).match(/[A-Z][a-z0-9]*/g) ?? [];
    if (!service)
        return undefined;
    const dotted = safeResourceType(rest.length > 0 ? `aws.${service}.${rest.join('_')}` : `aws.${service}`);
    return dotted === 'other' ? undefined : dotted;
}
/** `AWS::::Account:111122223333`, an ARN, or the bare number. */
function accountIdOf(id) {
    const arn = parseArn(id);
    if (arn)
        return arn.account || undefined;
    return id?.slice(id.lastIndexOf(':') + 1) || undefined;
}
function accessKeyResource(resource, id, scope) {
    const details = resource.child('Details.AwsIamAccessKey');
    const keyId = details?.string('AccessKeyId') ?? id?.replace(/^AWS::IAM::AccessKey:/, '');
    const userName = details?.string('UserName');
    const name = details?.string('PrincipalName') ?? userName;
    // UserName (deprecated) named the IAM user that owns the key.
    const type = details?.string('PrincipalType') ?? (userName ? 'IAMUser' : undefined);
    const keyScope = awsScope(scope.partition, scope.region, details?.string('AccountId') ?? scope.account);
    const issuer = validArn(details?.string('SessionContext.SessionIssuer.Arn'));
    const principal = issuer
        ? refFromArn(issuer)
        : principalRef(keyScope, type, name, details?.string('PrincipalId'));
    const refs = [];
    const key = keyId && keyId !== 'null' ? resourceRef('aws.iam.access_key', keyId, undefined, name) : undefined;
    if (key)
        refs.push(key);
    if (principal)
        refs.push(principal);
    return { refs, actor: actorOf(principal) };
}
function readResource(resource, facts) {
    const type = resource.string('Type');
    const id = resource.text('Id');
    const scope = awsScope(resource.string('Partition') ?? facts.scope.partition, resource.string('Region') ?? facts.scope.region, facts.scope.account);
    const arn = parseArn(id);
    const one = (ref) => ({ refs: ref ? [ref] : [] });
    switch (type) {
        case 'AwsAccount':
            return one(resourceRef('aws.account', accountIdOf(id)));
        case 'AwsIamAccessKey':
            return accessKeyResource(resource, id, scope);
        case 'Container':
            return one(resourceRef('container', id, undefined, resource.string('Details.Container.ImageName')));
        default: {
            const dotted = (type && dottedType(type)) ?? (arn ? arnResourceType(arn) : id && (0,external_node_net_.isIP)(id) ? 'host' : 'other');
            const ref = arn
                ? resourceRef(dotted, arnResourceId(arn), id)
                : resourceRef(dotted, id, dotted === 'aws.ec2.instance' ? instanceArn(scope, id) : undefined);
            const isPrincipal = dotted === 'aws.iam.role' || dotted === 'aws.iam.user';
            return { refs: ref ? [ref] : [], actor: isPrincipal && arn ? id : undefined };
        }
    }
}
/**
 * Resources that contain others: the finding's account, an EKS or ECS cluster. Containment acts on
 * the first resource, so these come after the specific ones (an attack sequence names the account in
 * Resources[] and the compromised key and user in Detection.Sequence; a runtime finding names the
 * cluster beside the container): the caller adds them last.
 */
const ENCLOSING_TYPES = new Set(['aws.account', 'aws.eks.cluster', 'aws.ecs.cluster']);
/**
 * Resources in the order a responder acts on them: targets first, the actor's credentials and
 * principal (ResourceRole "Actor") after, enclosing resources (returned) last. The actor is the
 * Actor-role principal, else the principal of an access key the finding names.
 */
function securityhub_readResources(finding, facts) {
    const targets = [];
    const actors = [];
    const enclosing = [];
    let roleActor;
    let keyActor;
    for (const resource of items(finding, 'Resources')) {
        const reading = readResource(resource, facts);
        const isActor = resource.string('ResourceRole')?.toLowerCase() === 'actor';
        for (const ref of reading.refs) {
            (ENCLOSING_TYPES.has(ref.type) ? enclosing : isActor ? actors : targets).push(ref);
        }
        if (isActor)
            roleActor ??= reading.actor;
        else if (resource.string('Type') === 'AwsIamAccessKey')
            keyActor ??= reading.actor;
    }
    for (const ref of [...targets, ...actors])
        facts.add(ref);
    facts.actedBy(roleActor ?? keyActor);
    return enclosing;
}
// ---------------------------------------------------------------------------------------------
// Indicators and ATT&CK
function threatIntel(finding, facts) {
    const { indicators } = facts;
    // The local end of a connection is the monitored host itself, not an observable to look up.
    const direction = finding.string('Network.Direction');
    const ends = direction === 'OUT' ? ['Destination'] : direction === 'IN' ? ['Source'] : ['Source', 'Destination'];
    for (const end of ends) {
        indicators.ip(finding.string(['Network', `${end}IpV4`]));
        indicators.ip(finding.string(['Network', `${end}IpV6`]));
        indicators.domain(finding.string(['Network', `${end}Domain`]));
    }
    for (const indicator of items(finding, 'ThreatIntelIndicators')) {
        const value = indicator.string('Value');
        switch (indicator.string('Type')) {
            case 'IPV4_ADDRESS':
            case 'IPV6_ADDRESS':
                indicators.ip(value);
                break;
            case 'DOMAIN':
                indicators.domain(value);
                break;
            case 'URL':
                indicators.url(value);
                break;
            case 'EMAIL_ADDRESS':
                indicators.email(value);
                break;
            case 'HASH_MD5':
            case 'HASH_SHA1':
            case 'HASH_SHA256':
                indicators.hash(value);
                break;
        }
    }
    for (const threat of items(finding, 'Threats')) {
        for (const file of items(threat, 'FilePaths'))
            indicators.hash(file.string('Hash'));
    }
}
// Findings imported before ASFF had Action keep GuardDuty's details as flat ProductFields entries:
// "action/awsApiCallAction/remoteIpDetails/ipAddressV4", "aws/guardduty/service/action/…/ipAddressV4".
function productFieldIndicators(finding, facts) {
    const fields = finding.object('ProductFields');
    if (!fields)
        return;
    for (const key of Object.keys(fields)) {
        if (key.endsWith('/ipAddressV4') || key.endsWith('/ipAddressV6')) {
            facts.indicators.ip(finding.string(['ProductFields', key]));
        }
        else if (key.endsWith('dnsRequestAction/domain')) {
            facts.indicators.domain(finding.string(['ProductFields', key]));
        }
    }
}
/** ASFF's TTPs namespace is ATT&CK's tactics: "TTPs/Defense Evasion/…"; any segment may be a technique id. */
function typesAttack(types, facts) {
    for (const type of types) {
        const segments = type.split('/');
        if (segments[0] === 'TTPs' && segments[1])
            facts.attack.tactic(segments[1]);
        for (const segment of segments.slice(1))
            facts.attack.technique(segment);
    }
}
const CUSTOM_ACTION = 'Security Hub Findings - Custom Action';
/**
 * ASFF identifies a finding by ProductArn and Id together (two products, or two accounts of one
 * product, may use the same Id), and each update by UpdatedAt. A Custom Action is an analyst sending
 * the finding on purpose: a new event, even when that finding version was imported already, keyed by
 * the action and the EventBridge event so a retried delivery keeps its id.
 */
function vendorIdOf(id, updatedAt, productArn, envelope) {
    if (!id)
        return undefined;
    const version = updatedAt ? `${id}@${updatedAt}` : id;
    const finding = productArn ? `${productArn} ${version}` : version;
    if (envelope.detailType !== CUSTOM_ACTION)
        return finding;
    return [finding, `action=${envelope.customAction ?? ''}`, envelope.eventId && `event=${envelope.eventId}`]
        .filter(Boolean)
        .join(' ');
}
const INACTIVE_WORKFLOW = new Set(['RESOLVED', 'SUPPRESSED']);
/** Whether the finding still describes an open problem, and if not, why (triage reads this). */
function activity(finding) {
    const workflow = finding.string('Workflow.Status') ?? finding.string('WorkflowState');
    const recordState = finding.string('RecordState');
    const compliance = finding.string('Compliance.Status');
    const reasons = [];
    if (recordState === 'ARCHIVED')
        reasons.push('RecordState ARCHIVED');
    if (workflow !== undefined && INACTIVE_WORKFLOW.has(workflow))
        reasons.push(`Workflow.Status ${workflow}`);
    if (compliance === 'PASSED')
        reasons.push('Compliance.Status PASSED');
    return {
        workflow_status: workflow,
        record_state: recordState,
        compliance_status: compliance,
        active: reasons.length === 0,
        inactive_reason: reasons.length > 0 ? reasons.join('; ') : undefined,
    };
}
function securityhub_normalizeFinding(finding, envelope) {
    const productArn = finding.string('ProductArn');
    const guardDuty = fromGuardDuty(finding, productArn);
    const { severity, vendor: vendorSeverity } = securityhub_severityOf(finding, guardDuty);
    const types = finding.strings('Types').slice(0, 64);
    const gdType = guardDuty ? guardDutyType(types) : undefined;
    const control = controlOf(finding);
    const vulnerability = finding.string(['Vulnerabilities', 0, 'Id']);
    const generator = finding.string('GeneratorId');
    const kind = (control && (control.standard ? `${control.standard}/${control.id}` : control.id)) ??
        gdType ??
        vulnerability ??
        generator ??
        types[0] ??
        'securityhub-finding';
    const id = finding.string('Id');
    const updatedAt = finding.time('UpdatedAt');
    const firstSeen = finding.time('FirstObservedAt');
    const lastSeen = finding.time('LastObservedAt');
    const account = finding.text('AwsAccountId') ?? envelope.account;
    const region = finding.string('Region') ??
        envelope.region ??
        finding.string(['Resources', 0, 'Region']) ??
        (parseArn(productArn)?.region || undefined);
    const facts = new FindingFacts(awsScope(finding.string(['Resources', 0, 'Partition']), region, account));
    const enclosing = securityhub_readResources(finding, facts);
    const action = finding.child('Action')?.withOptions({ pascalCaseFallback: true });
    if (action)
        readAction(action, facts);
    threatIntel(finding, facts);
    productFieldIndicators(finding, facts);
    typesAttack(types, facts);
    if (gdType)
        addFindingTypeAttack(gdType, facts.attack);
    const sequence = finding.child('Detection.Sequence')?.withOptions({ pascalCaseFallback: true });
    const signals = sequence && readSequence(sequence, facts);
    for (const ref of enclosing)
        facts.add(ref);
    if (facts.resources.length === 0)
        facts.add(resourceRef('aws.account', account));
    const sample = finding.boolean('Sample') === true ||
        finding.string(['ProductFields', 'aws/guardduty/service/additionalInfo/sample']) === 'true';
    const title = finding.string('Title') ?? kind;
    const source = guardDuty ? findingSource(gdType) : 'siem';
    return {
        from: finding,
        vendorId: vendorIdOf(id, updatedAt, productArn, envelope),
        timestamp: lastSeen ?? updatedAt ?? finding.time('CreatedAt'),
        source,
        severity,
        kind,
        title: sample && !title.startsWith('[SAMPLE]') ? `[SAMPLE] ${title}` : title,
        resources: facts.resources,
        account,
        region,
        actor: facts.actor,
        indicators: facts.indicators.list,
        attack: facts.attack,
        context: {
            vendor_severity: vendorSeverity,
            severity_normalized: finding.numeric('Severity.Normalized'),
            product: finding.string('ProductName') ?? finding.string(['ProductFields', 'aws/securityhub/ProductName']),
            company: finding.string('CompanyName') ?? finding.string(['ProductFields', 'aws/securityhub/CompanyName']),
            product_arn: productArn,
            generator_id: generator,
            finding_type: types[0],
            guardduty_type: gdType,
            control_id: control?.id,
            standard: control?.standard,
            ...activity(finding),
            sample,
            cve: vulnerability,
            cvss: finding.numeric(['Vulnerabilities', 0, 'Cvss', 0, 'BaseScore']),
            malware: finding.string(['Malware', 0, 'Name']),
            confidence: finding.numeric('Confidence'),
            criticality: finding.numeric('Criticality'),
            signals,
            first_seen: firstSeen,
            last_seen: lastSeen,
            updated_at: updatedAt,
            description: finding.string('Description'),
            link: finding.string('SourceUrl'),
            remediation: finding.string('Remediation.Recommendation.Url'),
            event_type: envelope.detailType,
            custom_action: envelope.customAction,
            eventbridge_id: envelope.eventId,
        },
    };
}
// ---------------------------------------------------------------------------------------------
// Detection and entry point
const SOURCE = 'aws.securityhub';
const INSIGHT_RESULTS = 'Security Hub Insight Results';
function isSecurityHubDetailType(value) {
    const named = (item) => typeof item === 'string' && item.startsWith('Security Hub');
    return named(value) || (Array.isArray(value) && value.some(named));
}
/** Every ASFF finding has SchemaVersion, ProductArn and Id; no other format has all three at its top. */
function looksLikeAsff(value) {
    return ((0,json/* isJsonObject */.OW)(value) &&
        typeof value.SchemaVersion === 'string' &&
        typeof value.ProductArn === 'string' &&
        Object.hasOwn(value, 'Id'));
}
function fromEventBridge(reader) {
    const detailType = reader.get('detail-type');
    if (Array.isArray(detailType) || Array.isArray(reader.get('source'))) {
        reader.fail('detail-type', 'is a list: this is an EventBridge event pattern (a rule’s filter), not an event');
    }
    const type = reader.requireString('detail-type');
    if (type === INSIGHT_RESULTS) {
        reader.fail('detail-type', `"${INSIGHT_RESULTS}" carries an insight's aggregated counts, not findings; send the findings themselves ("Security Hub Findings - Imported" or "- Custom Action" on the findings)`);
    }
    if (!type.startsWith('Security Hub Findings')) {
        reader.fail('detail-type', `is ${(0,display/* quoteForMessage */.Hx)(type, 60)}; the securityhub source takes "Security Hub Findings - Imported" and "Security Hub Findings - Custom Action" events`);
    }
    const detail = reader.child('detail') ?? reader.fail('detail', 'the event carries no findings');
    const findings = detail.children('findings');
    if (findings.length === 0)
        detail.fail('findings', 'is empty: the event carries no finding');
    const envelope = {
        region: reader.string('region'),
        account: reader.text('account'),
        detailType: type,
        customAction: detail.string('actionName'),
        eventId: reader.text('id'),
    };
    return findings.map((finding) => securityhub_normalizeFinding(finding, envelope));
}
const securityhub = {
    vendor: 'securityhub',
    accepts: 'AWS Security Hub ASFF findings: EventBridge "Security Hub Findings - Imported" / "- Custom Action" events, bare findings and GetFindings responses {Findings: [...]}',
    detect(payload) {
        const source = payload.source;
        if (source === SOURCE || (Array.isArray(source) && source.includes(SOURCE))) {
            // aws.securityhub also emits "AWS API Call via CloudTrail" events: those are cloudtrail's.
            return isSecurityHubDetailType(payload['detail-type']);
        }
        if (looksLikeAsff(payload))
            return true;
        return Array.isArray(payload.Findings) && looksLikeAsff(payload.Findings[0]);
    },
    normalize(reader) {
        const value = reader.value;
        if (Object.hasOwn(value, 'detail-type') ||
            (Object.hasOwn(value, 'source') && Object.hasOwn(value, 'detail'))) {
            return fromEventBridge(reader);
        }
        if (Array.isArray(value.Findings))
            return reader.children('Findings').map((f) => securityhub_normalizeFinding(f, {}));
        return [securityhub_normalizeFinding(reader, {})];
    },
};
//# sourceMappingURL=securityhub.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/data/sentinel-severity.json
const sentinel_severity_namespaceObject = /*#__PURE__*/JSON.parse('{"y":{"informational":"low","low":"low","medium":"medium","high":"high"}}');
;// CONCATENATED MODULE: ./lib/src/ingest/normalizers/sentinel.js
// Microsoft Sentinel incidents and alerts as Azure sends them: the incident ARM resource
// (`{id, name, type: "Microsoft.SecurityInsights/Incidents", properties: {...}}`,
// https://learn.microsoft.com/en-us/rest/api/securityinsights/incidents/get), the REST list `{value: [...]}`
// of incidents or of an incident's alerts (`kind: "SecurityAlert"` entities), and the body a Logic App's
// "Microsoft Sentinel incident" trigger receives from an automation rule (`{eventUniqueId,
// objectSchemaType: "Incident", objectEventType, workspaceInfo, workspaceId, object: <incident with
// relatedEntities[] and alerts[]>}`, https://learn.microsoft.com/en-us/azure/sentinel/playbook-triggers-actions).
// An incident's entities list (`{entities: [...], metaData: [...]}`) is refused: it names hosts and
// accounts but no detection, severity or time, so it is context for an incident, not an event.




const sentinel_LEVELS = new Map(Object.entries(sentinel_severity_namespaceObject.y));
const PROVIDER = 'microsoft.securityinsights/';
const SUBSCRIPTION = /^\/subscriptions\/([^/]+)\//i;
const VIRTUAL_MACHINE = /\/providers\/microsoft\.compute\/virtualmachines\/[^/]+$/i;
function typeOf(value) {
    return (0,json/* isJsonObject */.OW)(value) && typeof value.type === 'string' ? value.type.toLowerCase() : undefined;
}
function isSentinelResource(value) {
    return typeOf(value)?.startsWith(PROVIDER) === true;
}
function isListOfSentinelResources(value) {
    return Array.isArray(value) && isSentinelResource(value[0]);
}
/** Sentinel's scale stops at High: a Sentinel event is never critical (escalating is the playbook's call). */
function sentinel_rate(properties) {
    const value = properties.requireString('severity');
    const severity = sentinel_LEVELS.get(value.trim().toLowerCase()) ??
        properties.fail('severity', `unknown Sentinel severity "${value.slice(0, 40)}"; expected Informational, Low, Medium or High`);
    return { severity, value };
}
function azureResource(resourceId, name) {
    const ref = {
        type: VIRTUAL_MACHINE.test(resourceId) ? 'azure.vm' : 'azure.resource',
        id: resourceId,
    };
    if (name)
        ref.name = name;
    return ref;
}
function subscriptionOf(resourceId) {
    return resourceId === undefined ? undefined : SUBSCRIPTION.exec(resourceId)?.[1];
}
/** An Account entity's name as people write it: user@upn-suffix, DOMAIN\user, or the bare name. */
function accountName(properties) {
    const name = properties.string('accountName');
    const upnSuffix = properties.string('upnSuffix');
    const domain = properties.string('ntDomain');
    if (name && upnSuffix)
        return `${name}@${upnSuffix}`;
    if (name && domain)
        return `${domain}\\${name}`;
    return name ?? properties.string('userPrincipalName') ?? properties.string('friendlyName');
}
/** Entities are where Sentinel names the machines, the accounts and the observables of an incident. */
function readEntities(entities) {
    const facts = { machines: [], accounts: [], indicators: new IndicatorSet() };
    for (const entity of entities) {
        const properties = entity.child('properties') ?? entity;
        switch (entity.string('kind')?.toLowerCase()) {
            case 'host': {
                const host = properties.string('hostName') ?? properties.string('netBiosName');
                const domain = properties.string('dnsDomain');
                const fqdn = host && domain ? `${host}.${domain}` : host;
                const azureId = properties.string('azureID');
                if (azureId)
                    facts.machines.push(azureResource(azureId, fqdn));
                if (fqdn)
                    facts.machines.push({ type: 'host', id: fqdn });
                break;
            }
            case 'azureresource': {
                const resourceId = properties.string('resourceId');
                if (resourceId)
                    facts.machines.push(azureResource(resourceId));
                break;
            }
            case 'account': {
                const name = accountName(properties);
                if (name)
                    facts.accounts.push({ type: 'user', id: name });
                facts.actor ??= name;
                break;
            }
            case 'ip':
                facts.indicators.ip(properties.string('address'));
                break;
            case 'url':
                facts.indicators.url(properties.string('url'));
                break;
            case 'dnsresolution':
                facts.indicators.domain(properties.string('domainName'));
                break;
            case 'filehash':
                facts.indicators.hash(properties.string('hashValue'));
                break;
            case 'mailmessage':
                facts.indicators.email(properties.string('p1Sender')).email(properties.string('p2Sender'));
                facts.indicators.ip(properties.string('senderIP'));
                break;
        }
    }
    return facts;
}
function collectAttack(attack, reader, paths) {
    for (const path of paths)
        for (const label of reader.strings(path))
            attack.label(label);
}
function normalizeIncident(from, incident, trigger) {
    const properties = incident.child('properties') ?? incident.fail('properties', 'required object is missing');
    const rating = sentinel_rate(properties);
    const title = properties.string('title');
    const resourceId = incident.string('id');
    const name = incident.text('name');
    const lastModified = properties.string('lastModifiedTimeUtc');
    const number = properties.text('incidentNumber');
    const alerts = properties.children('alerts');
    const entities = readEntities(properties.children('relatedEntities'));
    const attack = new AttackCollector();
    collectAttack(attack, properties, [
        ['additionalData', 'tactics'],
        ['additionalData', 'techniques'],
    ]);
    for (const alert of alerts)
        collectAttack(attack, alert, [
            ['properties', 'tactics'],
            ['properties', 'techniques'],
            ['properties', 'subTechniques'],
        ]);
    const self = resourceId || name
        ? {
            type: 'azure.sentinel.incident',
            id: resourceId ?? name,
            ...(number && { name: `#${number}` }),
        }
        : undefined;
    const ruleIds = properties.strings('relatedAnalyticRuleIds');
    return {
        from,
        // Every update (status, owner, new alerts) is a new lastModifiedTimeUtc: a new state of the incident.
        vendorId: name && (lastModified ? `${name}@${lastModified}` : name),
        timestamp: properties.firstTime('firstActivityTimeUtc', 'createdTimeUtc'),
        source: 'siem',
        severity: rating.severity,
        // Sentinel titles incidents after the analytics rule (or the alert) that raised them.
        kind: title ?? 'Sentinel incident',
        title: number && title ? `${title} (incident ${number})` : title,
        resources: [...entities.machines, ...entities.accounts, ...(self ? [self] : [])],
        account: subscriptionOf(resourceId) ?? trigger.subscription,
        actor: entities.actor,
        indicators: entities.indicators.list,
        attack,
        context: {
            ...trigger.context,
            vendor_severity: rating.value,
            incident_number: number,
            status: properties.string('status'),
            classification: properties.string('classification'),
            classification_reason: properties.string('classificationReason'),
            provider: properties.string('providerName'),
            link: properties.string('incidentUrl'),
            alerts_count: properties.text(['additionalData', 'alertsCount']),
            alert_products: properties.strings(['additionalData', 'alertProductNames']).join(', ') || undefined,
            rule_id: ruleIds[0]?.split('/').pop(),
            labels: properties
                .children('labels')
                .map((label) => label.string('labelName'))
                .filter(Boolean)
                .join(', ') || undefined,
            // The owner is who is assigned to investigate, not who acted.
            owner: properties.string(['owner', 'userPrincipalName']) ?? properties.string(['owner', 'email']),
            owner_name: properties.string(['owner', 'assignedTo']),
        },
    };
}
function sentinel_normalizeAlert(alert) {
    const properties = alert.child('properties') ?? alert.fail('properties', 'required object is missing');
    const rating = sentinel_rate(properties);
    const display = properties.string('alertDisplayName') ?? properties.string('friendlyName');
    const kind = properties.string('alertType') ?? display ?? 'Sentinel alert';
    const resourceId = alert.string('id');
    // The Azure resources the alert is about, then the alert itself, then the workspace that raised it.
    const affected = [];
    const workspaces = [];
    let subscription;
    for (const identifier of properties.children('resourceIdentifiers')) {
        subscription ??= identifier.string('subscriptionId');
        const azureId = identifier.string('resourceId');
        if (azureId)
            affected.push(azureResource(azureId));
        const workspace = identifier.string('workspaceId');
        if (workspace)
            workspaces.push({ type: 'azure.log_analytics_workspace', id: workspace });
    }
    const self = resourceId ? [{ type: 'azure.sentinel.alert', id: resourceId }] : [];
    const resources = [...affected, ...self, ...workspaces];
    const attack = new AttackCollector();
    collectAttack(attack, properties, ['tactics', 'techniques', 'subTechniques']);
    return {
        from: alert,
        // Alerts are immutable detections; their status changes belong to the incident.
        vendorId: properties.string('systemAlertId') ?? alert.text('name'),
        timestamp: properties.firstTime('startTimeUtc', 'timeGenerated'),
        source: 'siem',
        severity: rating.severity,
        kind,
        title: display ?? kind,
        resources,
        account: subscriptionOf(resourceId) ?? subscription,
        indicators: [],
        attack,
        context: {
            vendor_severity: rating.value,
            product: properties.string('productName'),
            vendor_name: properties.string('vendorName'),
            status: properties.string('status'),
            confidence: properties.string('confidenceLevel'),
            compromised_entity: properties.string('compromisedEntity'),
            provider_alert_id: properties.string('providerAlertId'),
            link: properties.string('alertLink'),
        },
    };
}
/** One item of a REST response: an incident, or an alert entity. */
function normalizeResource(item) {
    const type = item.string('type');
    const lower = type?.toLowerCase();
    if (lower?.endsWith('/incidents') || (!type && (0,json/* isJsonObject */.OW)(item.get('properties')))) {
        return normalizeIncident(item, item, { context: {} });
    }
    if (lower?.endsWith('/entities')) {
        const kind = item.string('kind');
        if (kind?.toLowerCase() === 'securityalert')
            return sentinel_normalizeAlert(item);
        return item.fail('kind', `a Sentinel ${kind ?? 'untyped'} entity is not an incident or alert`);
    }
    return item.fail('type', `${type} is not a Sentinel incident or alert`);
}
function normalizeTrigger(body) {
    const incident = body.child('object') ?? body.fail('object', 'required object is missing');
    return normalizeIncident(body, incident, {
        subscription: body.string(['workspaceInfo', 'SubscriptionId']),
        context: {
            trigger_event: body.string('objectEventType'),
            trigger_event_id: body.string('eventUniqueId'),
            workspace_id: body.string('workspaceId'),
            workspace: body.string(['workspaceInfo', 'WorkspaceName']),
        },
    });
}
const sentinel = {
    vendor: 'sentinel',
    accepts: 'Microsoft Sentinel incidents and alerts (ARM resources, {value: [...]} lists, Logic App incident trigger bodies)',
    detect(payload) {
        const { properties, object } = payload;
        return ((isSentinelResource(payload) && (0,json/* isJsonObject */.OW)(properties)) ||
            ((0,json/* isJsonObject */.OW)(properties) && Object.hasOwn(properties, 'incidentNumber')) ||
            ((0,json/* isJsonObject */.OW)(object) && (payload.objectSchemaType === 'Incident' || isSentinelResource(object))) ||
            isListOfSentinelResources(payload.value) ||
            isListOfSentinelResources(payload.entities));
    },
    normalize(reader) {
        const { value } = reader;
        if ((0,json/* isJsonObject */.OW)(value.object))
            return [normalizeTrigger(reader)];
        if (Array.isArray(value.value))
            return reader.children('value').map(normalizeResource);
        if (Object.hasOwn(value, 'entities') && !Object.hasOwn(value, 'properties')) {
            return reader.fail('entities', 'a Sentinel entities list is not an incident or alert; send the incident (its trigger body carries its entities)');
        }
        return [normalizeResource(reader)];
    },
};
//# sourceMappingURL=sentinel.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/data/splunk-severity.json
const splunk_severity_namespaceObject = /*#__PURE__*/JSON.parse('{"yr":{"informational":"low","info":"low","low":"low","medium":"medium","high":"high","critical":"critical"},"c3":["unknown"],"_S":[{"below":20,"severity":"low"},{"below":50,"severity":"medium"},{"below":70,"severity":"high"}],"Z0":"critical"}');
;// CONCATENATED MODULE: ./lib/src/ingest/normalizers/splunk.js
// Splunk alerts: the body of Splunk's webhook alert action, `{sid, search_name, app, owner, results_link,
// result}` where `result` is the first row of the triggering search
// (https://help.splunk.com/splunk-enterprise/alert-and-respond/alerting-manual/10.0/configure-alert-actions/use-a-webhook-alert-action),
// and Splunk Enterprise Security notables forwarded flat (search_name and the row's fields at the top).
// Row fields are whatever the search produced — CIM names (dest, src, user, ...) where ES is in use —
// and each is a string, or an array of strings for a multivalue field.





const splunk_LEVELS = new Map(Object.entries(splunk_severity_namespaceObject.yr));
const UNRATED = new Set(splunk_severity_namespaceObject.c3);
const splunk_RISK_BANDS = splunk_severity_namespaceObject._S;
const RISK_ABOVE_BANDS = splunk_severity_namespaceObject.Z0;
/**
 * Where the affected machine is named, most specific first: what containment acts on. CIM src is
 * where the activity came from, often the attacker's address (`| stats count by src, user`): it is an
 * indicator, never the resource. `host` is the machine that sent the log, so it comes after the
 * accounts (see resourcesOf).
 */
const TARGET_HOST_FIELDS = ['dest', 'dest_host', 'dest_nt_host'];
const RISK_OBJECT_TYPES = new Map([
    ['system', 'host'],
    ['user', 'user'],
]);
const splunk_IP_FIELDS = ['src_ip', 'dest_ip'];
const HOST_OR_IP_FIELDS = ['src', 'dest'];
const splunk_DOMAIN_FIELDS = ['domain', 'query'];
const splunk_HASH_FIELDS = ['file_hash', 'sha256', 'sha1', 'md5'];
// ES annotates notables with ATT&CK ids; searches over the notable index see them as dotted fields.
const TECHNIQUE_FIELDS = [
    ['annotations.mitre_attack'],
    ['annotations.mitre_attack.mitre_technique_id'],
    ['mitre_technique_id'],
];
const TACTIC_FIELDS = [
    ['annotations.mitre_attack.mitre_tactic_id'],
    ['annotations.mitre_attack.mitre_tactic'],
    ['mitre_tactic_id'],
    ['mitre_tactic'],
];
function splunk_firstAt(row, field) {
    return row.texts([field])[0];
}
/** The path of a field's first value, for error messages that point at it. */
function firstPath(row, field) {
    return Array.isArray(row.get([field])) ? [field, 0] : [field];
}
/**
 * Notable markers: ES writes a notable with an event_id of the form <guid>@@notable@@<hash> and the
 * correlation search's rule_name (rule_id, and orig_rule_name on risk notables)
 * (https://help.splunk.com/splunk-enterprise-security-7/user-guide/7.3/incident-review/how-urgency-is-assigned-to-notable-events-in-splunk-enterprise-security).
 */
const NOTABLE_RULE_FIELDS = ['rule_name', 'rule_id', 'orig_rule_name'];
/**
 * Only an ES notable's severity, urgency and risk score were set by ES. In the row of a plain saved
 * search these fields are often extracted from the raw log line, so the attacker writes them
 * (`severity=informational` in a request): they are kept in context and not trusted.
 */
function isNotable(row) {
    if (splunk_firstAt(row, 'event_id')?.includes('@@notable@@'))
        return true;
    return NOTABLE_RULE_FIELDS.some((field) => splunk_firstAt(row, field) !== undefined);
}
function riskBand(score) {
    return splunk_RISK_BANDS.find((band) => score < band.below)?.severity ?? RISK_ABOVE_BANDS;
}
/**
 * ES urgency first: it is what analysts triage on (severity raised or lowered by the asset's and
 * identity's priority), then the correlation search's severity, then a risk score.
 */
function splunk_rate(row, notable) {
    // A plain saved search carries no rating: that it fired at all is the finding. Medium means
    // "investigate", which is what an untriaged alert needs; context.severity_basis says it was assumed.
    if (!notable)
        return { severity: 'medium', basis: 'default' };
    for (const field of ['urgency', 'severity']) {
        const value = splunk_firstAt(row, field);
        if (value === undefined)
            continue;
        const key = value.trim().toLowerCase();
        if (UNRATED.has(key))
            continue;
        const severity = splunk_LEVELS.get(key);
        if (!severity) {
            row.fail(firstPath(row, field), `unknown Splunk ${field} "${value.slice(0, 40)}"; expected informational, low, medium, high or critical`);
        }
        return { severity, basis: field, value };
    }
    const risk = splunk_firstAt(row, 'risk_score');
    if (risk !== undefined) {
        const score = Number(risk);
        if (risk.trim() === '' || !Number.isFinite(score)) {
            row.fail(firstPath(row, 'risk_score'), `risk score "${risk.slice(0, 40)}" is not a number`);
        }
        return { severity: riskBand(score), basis: 'risk_score', value: risk };
    }
    return { severity: 'medium', basis: 'default' };
}
function splunk_resourcesOf(row) {
    const resources = [];
    for (const field of TARGET_HOST_FIELDS) {
        for (const id of row.texts([field]))
            resources.push({ type: 'host', id });
    }
    for (const id of row.texts(['user']))
        resources.push({ type: 'user', id });
    // A risk notable (ES risk-based alerting) names its entity as risk_object of type system or user.
    const riskType = RISK_OBJECT_TYPES.get(splunk_firstAt(row, 'risk_object_type')?.toLowerCase() ?? '');
    if (riskType)
        for (const id of row.texts(['risk_object']))
            resources.push({ type: riskType, id });
    // The log's sender: the affected machine for a host's own logs, a firewall or collector otherwise.
    for (const id of row.texts(['host']))
        resources.push({ type: 'host', id });
    return resources;
}
function splunk_indicatorsOf(row) {
    const indicators = new IndicatorSet();
    for (const field of splunk_IP_FIELDS)
        for (const value of row.texts([field]))
            indicators.ip(value);
    for (const field of HOST_OR_IP_FIELDS)
        for (const value of row.texts([field]))
            indicators.host(value);
    for (const value of row.texts(['url']))
        indicators.url(value);
    for (const field of splunk_DOMAIN_FIELDS)
        for (const value of row.texts([field]))
            indicators.domain(value);
    for (const field of splunk_HASH_FIELDS)
        for (const value of row.texts([field]))
            indicators.hash(value);
    // In the CIM Email model src_user is the sender: a phishing sender is worth enriching.
    for (const value of row.texts(['src_user']))
        indicators.email(value);
    return indicators;
}
function splunk_attackOf(row) {
    const attack = new AttackCollector();
    for (const path of TECHNIQUE_FIELDS)
        for (const value of row.texts(path))
            attack.label(value);
    for (const path of TACTIC_FIELDS)
        for (const value of row.texts(path))
            attack.tactic(value);
    // The notable's annotations as an object, when the search kept the JSON structure.
    const nested = row.get(['annotations', 'mitre_attack']);
    if (typeof nested === 'string' || Array.isArray(nested)) {
        for (const value of row.texts(['annotations', 'mitre_attack']))
            attack.label(value);
    }
    return attack;
}
/**
 * The same webhook retried carries the same sid and row; a "for each result" alert sends one webhook
 * per row under one sid, so the row's own address (_cd, else _serial) and time tell those apart. A
 * transforming search (`| stats ... by src, user`) gives rows with no address, and often no _time:
 * a digest of the row's canonical JSON tells them apart (two different rows under one id would
 * lose one) while a retry, the same row, keeps its id.
 */
function splunk_vendorIdOf(reader, row) {
    const sid = reader.text('sid');
    if (sid === undefined)
        return splunk_firstAt(row, 'event_id');
    const address = splunk_firstAt(row, '_cd') ?? splunk_firstAt(row, '_serial');
    const rowKey = address === undefined
        ? `row_sha256=${(0,digest/* sha256Hex */.f)((0,digest/* canonicalJson */.d)(row.value)).slice(0, 32)}`
        : `row=${address}`;
    const time = splunk_firstAt(row, '_time');
    return [sid, rowKey, time && `time=${time}`].filter(Boolean).join(' ');
}
/** Values of a field, joined, for context. */
function splunk_joined(row, field) {
    const values = row.texts([field]);
    return values.length === 0 ? undefined : values.join(', ');
}
function splunk_normalizeAlert(reader) {
    const row = reader.child('result') ?? reader;
    const app = reader.string('app');
    const kind = reader.string('search_name') ?? (app ? `Splunk alert (app ${app})` : 'Splunk alert');
    const notable = isNotable(row);
    const rating = splunk_rate(row, notable);
    const resources = splunk_resourcesOf(row);
    const primary = resources[0];
    // rule_title is the notable's title; in a plain search's row it may come from the log line.
    const ruleTitle = notable ? splunk_firstAt(row, 'rule_title') : undefined;
    const title = ruleTitle ?? (primary ? `${kind} on ${primary.id}` : kind);
    return {
        from: reader,
        vendorId: splunk_vendorIdOf(reader, row),
        timestamp: row.time(firstPath(row, '_time')),
        source: 'siem',
        severity: rating.severity,
        kind,
        title,
        resources,
        account: splunk_firstAt(row, 'vendor_account'),
        region: splunk_firstAt(row, 'vendor_region'),
        // CIM: src_user is who initiated a change or privilege escalation; user the account acted on or with.
        actor: splunk_firstAt(row, 'src_user') ?? splunk_firstAt(row, 'user'),
        indicators: splunk_indicatorsOf(row).list,
        attack: splunk_attackOf(row),
        context: {
            vendor_severity: rating.value,
            severity_basis: rating.basis,
            // What the row said, not trusted: see isNotable.
            row_urgency: notable ? undefined : splunk_firstAt(row, 'urgency'),
            row_severity: notable ? undefined : splunk_firstAt(row, 'severity'),
            row_risk_score: notable ? undefined : splunk_firstAt(row, 'risk_score'),
            src: splunk_joined(row, 'src'),
            src_ip: splunk_joined(row, 'src_ip'),
            sid: reader.text('sid'),
            app,
            owner: reader.string('owner'),
            link: reader.string('results_link'),
            sourcetype: splunk_firstAt(row, 'sourcetype'),
            security_domain: splunk_firstAt(row, 'security_domain'),
            rule_name: splunk_firstAt(row, 'rule_name'),
            notable_event_id: splunk_firstAt(row, 'event_id'),
            result_count: splunk_firstAt(row, 'count'),
        },
    };
}
const splunk = {
    vendor: 'splunk',
    accepts: 'Splunk webhook alert action bodies ({sid, search_name, result, ...}) and flat Splunk ES notables',
    detect(payload) {
        return (typeof payload.search_name === 'string' ||
            (typeof payload.sid === 'string' && (0,json/* isJsonObject */.OW)(payload.result)));
    },
    normalize: (reader) => [splunk_normalizeAlert(reader)],
};
//# sourceMappingURL=splunk.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/registry.js
// Every source irac understands, in the order detection tries them. SIEM alerts come first: a Splunk
// notable or an Elastic alert often carries the raw event's fields at its top level (eventName,
// rule/priority), and must still be read as the SIEM's alert, with the SIEM's severity. Raw vendor
// shapes next, the generic SecurityEvent shape last. Adding a source is adding its module here.











const NORMALIZERS = [
    elastic,
    splunk,
    sentinel,
    datadog,
    guardduty,
    securityhub,
    cloudtrail,
    ocsf,
    falco,
    generic,
];
/** The source names, alphabetical, as users see them listed. */
const SOURCE_NAMES = NORMALIZERS.map((n) => n.vendor).sort();
function isSourceName(name) {
    return SOURCE_NAMES.includes(name);
}
function normalizerNamed(name) {
    const found = NORMALIZERS.find((n) => n.vendor === name);
    if (!found)
        throw new errors/* UsageError */.eb(`unknown source "${name}"; known sources: ${SOURCE_NAMES.join(', ')}`);
    return found;
}
function detectNormalizer(payload) {
    return NORMALIZERS.find((n) => n.detect(payload));
}
//# sourceMappingURL=registry.js.map
;// CONCATENATED MODULE: ./lib/src/ingest/normalize.js
// The ingest stage: raw bytes → validated SecurityEvents. Nothing here writes anywhere.







function unrecognised(unit) {
    const keys = Object.keys(unit.reader.value);
    const shown = keys
        .slice(0, 8)
        .map((k) => (0,display/* displayText */.WV)(k, 40) ?? '?')
        .join(', ');
    const more = keys.length > 8 ? `, … (${keys.length} keys)` : '';
    return new errors/* InputError */.dz(`${unit.reader.origin}: ${(0,json/* formatPath */.jV)(unit.reader.base)}`, `unrecognised payload (keys: ${shown || 'none'}${more}); known sources: ${SOURCE_NAMES.join(', ')}; use --source NAME to choose one`);
}
/** Normalizes one payload: detects its source unless told, then builds its events. */
function normalizeUnit(unit, options, receivedAt) {
    const chosen = options.source ?? unit.sourceHint;
    const normalizer = chosen ? normalizerNamed(chosen) : detectNormalizer(unit.reader.value);
    if (!normalizer)
        throw unrecognised(unit);
    const provenance = { vendor: normalizer.vendor, rawSha256: unit.document.sha256, receivedAt };
    return normalizer.normalize(unit.reader).map((draft) => buildEvent(draft, provenance));
}
/** Events from input bytes with their evidence, lazily. */
function* normalizeWithEvidence(input, options = {}) {
    const receivedAt = options.receivedAt ?? new Date().toISOString();
    const name = options.name ?? 'input';
    for (const document of (0,documents/* readDocuments */.r9)(input, name, options.limits ?? documents/* DEFAULT_LIMITS */.dR)) {
        for (const unit of (0,envelopes/* unwrapDocument */.NZ)(document)) {
            for (const event of normalizeUnit(unit, options, receivedAt))
                yield { event, raw: document.bytes };
        }
    }
}
/** Events from input bytes (one JSON document, an array, Records[], a dispatch, or NDJSON), lazily. */
function* normalizeStream(input, options = {}) {
    for (const { event } of normalizeWithEvidence(input, options))
        yield event;
}
/** All events of the input, or the first problem as an InputError; input holding no event is one. */
function normalizeInput(input, options = {}) {
    const events = [...normalizeStream(input, options)];
    if (events.length === 0)
        throw new errors/* InputError */.dz(options.name ?? 'input', 'holds no security event');
    return events;
}
//# sourceMappingURL=normalize.js.map

/***/ }),

/***/ 66570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseTimestamp)
/* harmony export */ });
// Vendors write time as ISO 8601 with or without a zone, "YYYY-MM-DD HH:MM:SS.fff" (Panther, Splunk),
// "YYYY/MM/DD…" (SiLK), epoch seconds (Splunk _time), milliseconds (GuardDuty launchTime, Datadog,
// OCSF), microseconds (some OCSF mappings) or nanoseconds (Falco evt.time). Date.parse is
// not used: it accepts nonsense ("1" is the year 2001) and reads zone-less times as local time.
const ISO_LIKE = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^\d{9,19}(\.\d+)?$/;
// The form almost every vendor uses, and its zone-less, space-separated cousin (Panther, Logstash: UTC).
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z?$/;
// Anything outside these years is a unit mix-up or a forgery, not a security event.
const MIN_MS = Date.UTC(1990, 0, 1);
const MAX_MS = Date.UTC(2200, 0, 1);
/** Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude (in 1990–2200 they cannot overlap). */
function fromEpoch(value) {
    if (value >= 1e17)
        return value / 1e6;
    if (value >= 1e14)
        return value / 1e3;
    if (value >= 1e11)
        return value;
    return value * 1000;
}
/** Parses a vendor timestamp to ISO 8601 UTC, or returns undefined when it is not a time. */
function parseTimestamp(value) {
    let ms;
    if (typeof value === 'number') {
        if (Number.isFinite(value) && value > 0)
            ms = fromEpoch(value);
    }
    else if (typeof value === 'string') {
        const text = value.trim();
        if (CANONICAL_UTC.test(text))
            return parseCanonical(text);
        if (EPOCH.test(text))
            ms = fromEpoch(Number(text));
        else
            ms = parseIsoLike(text);
    }
    if (ms === undefined || !(ms >= MIN_MS && ms < MAX_MS))
        return undefined;
    return new Date(Math.floor(ms)).toISOString();
}
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function digits(text, start, count) {
    let n = 0;
    for (let i = start; i < start + count; i++)
        n = n * 10 + text.charCodeAt(i) - 48;
    return n;
}
/**
 * The hot path: `2026-03-01T10:00:00(.fff…)Z` (or with a space and no zone, read as UTC). The regex has
 * checked the shape; the ranges are checked here, and the ISO output is assembled without a Date.
 */
function parseCanonical(text) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const monthDays = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
    if (year < 1990 || year >= 2200 || day < 1 || day > monthDays)
        return undefined;
    if (digits(text, 11, 2) > 23 || digits(text, 14, 2) > 59 || digits(text, 17, 2) > 59)
        return undefined;
    const fraction = text.length > 20 ? text.slice(20, text.endsWith('Z') ? -1 : undefined) : '';
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction.slice(0, 3).padEnd(3, '0')}Z`;
}
function parseIsoLike(text) {
    const m = ISO_LIKE.exec(text);
    if (!m)
        return undefined;
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = Number(s);
    const utc = Date.UTC(year, month - 1, day, hour, minute, second, Number(`0.${frac || '0'}`) * 1000);
    // Date.UTC rolls 2024-02-31 over into March; a real timestamp never needs that.
    const check = new Date(utc);
    if (check.getUTCFullYear() !== year ||
        check.getUTCMonth() !== month - 1 ||
        check.getUTCDate() !== day ||
        hour > 23 ||
        minute > 59 ||
        second > 60) {
        return undefined;
    }
    return utc - zoneOffsetMinutes(zone) * 60_000;
}
function zoneOffsetMinutes(zone) {
    if (/^(Z|UTC|GMT)$/i.test(zone))
        return 0;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}
//# sourceMappingURL=timestamps.js.map

/***/ })

};
