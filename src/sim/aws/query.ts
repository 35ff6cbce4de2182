// What every AWS Query-protocol sim shares (IAM, STS, and later EC2 and Auto Scaling): a loopback HTTP
// server that takes the form-encoded POST the SDKs send (`Action=…&Version=…&Tags.member.1.Key=…`),
// checks the caller's access key, dispatches on (Version, Action) to a service's handler and writes the
// XML answer or error envelope the SDK's protocol parser expects. Every request is logged — action,
// parameters, caller, status — so a test can show that a dry run sent no mutating call, and faults can
// be injected per action so the SDK's own retries are exercised rather than simulated.

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { FaultQueue, type HttpAnswer, readBoundedBody, sendAnswer, serveOnLoopback } from '../http.js';
import { el, type Xml, xmlJoin } from './xml.js';

/** A refusal as AWS words it: the `Code` the SDK maps to a typed exception, and its HTTP status. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Sender: the request was wrong. Receiver: the service failed. */
    readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
  }
}

// Bounds on hostile requests: the largest IAM document is a few KiB; nothing legitimate is near these.
const MAX_PARAMS = 2000;
const MAX_LIST_MEMBERS = 1000;

/** The form parameters of one request, with the accessors handlers need. Keys are never object keys. */
export class QueryParams {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** A required parameter; missing, it is the ValidationError IAM and STS answer with. */
  required(name: string): string {
    const value = this.values.get(name);
    if (value === undefined) {
      throw new QueryError(
        'ValidationError',
        `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: ` +
          'Member must not be null',
      );
    }
    return value;
  }

  /** `Name.member.N` values, in N order. */
  list(name: string): string[] {
    return this.memberEntries(name)
      .filter(([, field]) => field === '')
      .map(([, , value]) => value);
  }

  /** `Name.member.N.Field` structures (e.g. Tags), in N order, each as field → value. */
  structures(name: string): Map<string, string>[] {
    return groupByIndex(this.memberEntries(name));
  }

  /** EC2's flattened lists: `Name.N` values, in N order (`InstanceId.1`, `SecurityGroupId.2`). */
  flatList(name: string): string[] {
    return this.indexedEntries(name, `${name}.`)
      .filter(([, field]) => field === '')
      .map(([, , value]) => value);
  }

  /**
   * EC2's flattened structures: `Name.N.Field…`, in N order, each as the parameters below it — so nested
   * lists read the same way (`Filter.1.Value.2` is `flatStructures('Filter')[0].flatList('Value')`).
   */
  flatStructures(name: string): QueryParams[] {
    return groupByIndex(this.indexedEntries(name, `${name}.`)).map((fields) => new QueryParams(fields));
  }

  /** The parameters under `Name.` as their own set (`InstanceSpecification.InstanceId` → `InstanceId`). */
  nested(name: string): QueryParams {
    const prefix = `${name}.`;
    const fields = new Map<string, string>();
    for (const [key, value] of this.values) {
      if (key.startsWith(prefix)) fields.set(key.slice(prefix.length), value);
    }
    return new QueryParams(fields);
  }

  entries(): IterableIterator<[string, string]> {
    return this.values.entries();
  }

  private memberEntries(name: string): [number, string, string][] {
    return this.indexedEntries(name, `${name}.member.`);
  }

  private indexedEntries(name: string, prefix: string): [number, string, string][] {
    const found: [number, string, string][] = [];
    for (const [key, value] of this.values) {
      if (!key.startsWith(prefix)) continue;
      const match = /^([1-9][0-9]{0,5})(?:\.(.+))?$/.exec(key.slice(prefix.length));
      const index = Number(match?.[1]);
      if (!match || index > MAX_LIST_MEMBERS) {
        throw new QueryError('ValidationError', `Parameter ${name} has an invalid member index.`);
      }
      found.push([index, match[2] ?? '', value]);
    }
    return found.sort(([a], [b]) => a - b);
  }
}

function groupByIndex(entries: [number, string, string][]): Map<string, string>[] {
  const byIndex = new Map<number, Map<string, string>>();
  for (const [index, field, value] of entries) {
    if (field === '') continue;
    const fields = byIndex.get(index) ?? new Map<string, string>();
    fields.set(field, value);
    byIndex.set(index, fields);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, fields]) => fields);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Who signed a request: the access key and region from its SigV4 credential scope, and the session token. */
export interface QueryCredentials {
  readonly accessKeyId: string;
  /** The region the request was signed for (`…/20260314/eu-west-1/cloudtrail/aws4_request`). */
  readonly region: string;
  readonly sessionToken: string | null;
}

/** A caller the sim recognised; what `GetCallerIdentity` and a user-less `GetUser` answer about. */
export interface QueryCaller {
  readonly accessKeyId: string;
  readonly arn: string;
  readonly userId: string;
  /** The IAM user the key belongs to; absent for an assumed-role session. */
  readonly userName?: string;
}

export interface QueryRequest {
  readonly action: string;
  readonly params: QueryParams;
  readonly caller: QueryCaller;
  /** The region the request was signed for: where a regional service answers it. */
  readonly region: string;
}

/**
 * Answers one action: the inside of `<ActionResult>` (for EC2, of `<ActionResponse>` after the
 * requestId), or nothing for actions that return no data.
 */
export type QueryHandler = (request: QueryRequest) => Xml | undefined;

/** One Query service: its API version (the `Version` the SDK sends), XML namespace and actions. */
export interface QueryService {
  readonly version: string;
  readonly namespace: string;
  readonly actions: ReadonlyMap<string, QueryHandler>;
  /**
   * How answers are wrapped. `query` (IAM, STS, Auto Scaling): `<XResponse><XResult>…</XResult>
   * <ResponseMetadata>…` and `<ErrorResponse><Error>…`. `ec2`: `<XResponse><requestId>…</requestId>…`
   * with no Result element, and `<Response><Errors><Error>…</Error></Errors><RequestID>…`. Default query.
   */
  readonly envelope?: 'query' | 'ec2';
  /**
   * How the service words a signer it refuses, given the words IAM and STS use (InvalidClientTokenId,
   * ExpiredToken), which `authenticate` throws; EC2 has its own. Default: IAM's.
   */
  readonly credentialRefusal?: (refusal: QueryError) => QueryError;
}

/**
 * One AWS JSON 1.1 service (CloudTrail): operations named by the `X-Amz-Target: Prefix.Operation`
 * header, a JSON body in, a JSON answer out, and errors as `{"__type": code, "message": …}`.
 */
export interface JsonService {
  /** `CloudTrail_20131101` for CloudTrail. */
  readonly targetPrefix: string;
  readonly operations: ReadonlyMap<string, JsonHandler>;
}

export interface JsonRequest {
  readonly operation: string;
  /** The parsed body; the handler validates its shape as the service would. */
  readonly body: unknown;
  readonly caller: QueryCaller;
  /** The region the request was signed for: where a regional service answers it. */
  readonly region: string;
}

export type JsonHandler = (request: JsonRequest) => unknown;

export interface RestRequest {
  readonly method: string;
  /** The decoded path, without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** What a REST service makes of a request it recognises: the operation's name, and how to answer it. */
export interface RestRoute {
  readonly operation: string;
  /** Parameters worth logging (bucket, account), for tests to read. */
  readonly params: ReadonlyMap<string, string>;
  readonly answer: (caller: QueryCaller, region: string) => HttpAnswer;
}

/** One REST-XML service (S3 Control, S3): it recognises its requests and words its own errors. */
export interface RestService {
  route(request: RestRequest): RestRoute | undefined;
  error(error: QueryError, requestId: string): HttpAnswer;
}

/** A failure to give one request for an action, as a throttled or failing AWS would. */
/** An error AWS answers with, or (with `hangMs`) an answer that takes that long to come: a stalled API. */
export type QueryFault =
  | { readonly status: number; readonly code: string; readonly message?: string }
  | { readonly hangMs: number };

export interface LoggedQueryRequest {
  readonly action: string;
  readonly version: string;
  readonly params: ReadonlyMap<string, string>;
  /** The access key that signed it, or null when unsigned. */
  readonly accessKeyId: string | null;
  /** The region it was signed for, or null when unsigned. */
  readonly region: string | null;
  /** False for reads (Get*, List*, Describe*, Lookup*), AWS's own naming for them; true otherwise. */
  readonly mutating: boolean;
  readonly status: number;
  /** The error code answered, or null on success. */
  readonly errorCode: string | null;
}

export interface QueryServer {
  /** `http://127.0.0.1:PORT` — the `endpoint` for any Query-protocol SDK client. */
  readonly endpoint: string;
  /** Every request received, in order, including refused and fault-injected ones. */
  readonly requests: LoggedQueryRequest[];
  /**
   * The next request for `action` (after `skip` more of them are answered) gets this fault instead of
   * an answer; call again to queue more.
   */
  failNext(action: string, fault: QueryFault, options?: { skip?: number }): void;
  close(): Promise<void>;
}

export interface QueryServerOptions {
  readonly services: readonly QueryService[];
  readonly jsonServices?: readonly JsonService[];
  readonly restServices?: readonly RestService[];
  /** Resolves the signer to a caller, or throws the QueryError AWS would (InvalidClientTokenId, …). */
  readonly authenticate: (credentials: QueryCredentials) => QueryCaller;
}

const READ_ONLY_ACTION = /^(Get|List|Describe|Lookup|Head)[A-Z]/;

/** Whether an action changes state, by AWS's naming: reads are Get*, List*, Describe*, Lookup*, Head*. */
export function isMutatingAction(action: string): boolean {
  return !READ_ONLY_ACTION.test(action);
}

function errorXml(error: QueryError, requestId: string, service: QueryService | undefined): string {
  if (service?.envelope === 'ec2') {
    const body = xmlJoin(
      el('Errors', el('Error', el('Code', error.code), el('Message', error.message))),
      el('RequestID', requestId),
    );
    return `<?xml version="1.0" encoding="UTF-8"?>\n<Response>${body.xml}</Response>\n`;
  }
  const namespace = service?.namespace;
  const body = xmlJoin(
    el('Error', el('Type', error.type), el('Code', error.code), el('Message', error.message)),
    el('RequestId', requestId),
  );
  const open = namespace ? `<ErrorResponse xmlns="${namespace}">` : '<ErrorResponse>';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}${body.xml}</ErrorResponse>\n`;
}

function resultXml(
  action: string,
  result: Xml | undefined,
  requestId: string,
  service: QueryService,
): string {
  const body =
    service.envelope === 'ec2'
      ? xmlJoin(el('requestId', requestId), result)
      : xmlJoin(
          result === undefined ? undefined : el(`${action}Result`, result),
          el('ResponseMetadata', el('RequestId', requestId)),
        );
  const open = `<${action}Response xmlns="${service.namespace}">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}${body.xml}</${action}Response>\n`;
}

function send(response: ServerResponse, answer: HttpAnswer, requestId: string): void {
  // The header the SDK reads into `$metadata.requestId`.
  sendAnswer(response, { ...answer, headers: { ...answer.headers, 'x-amzn-requestid': requestId } });
}

const xmlAnswer = (status: number, xml: string): HttpAnswer => ({
  status,
  headers: { 'content-type': 'text/xml' },
  body: xml,
});

/** The signer of a SigV4 request: `Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/svc/…`. */
function credentialsOf(request: IncomingMessage): QueryCredentials | null {
  const authorization = request.headers.authorization ?? '';
  const match = /^AWS4-HMAC-SHA256 Credential=([A-Za-z0-9]{1,128})\/[0-9]{8}\/([a-z0-9-]{1,32})\//.exec(
    authorization,
  );
  if (!match?.[1] || !match[2]) return null;
  const token = request.headers['x-amz-security-token'];
  return {
    accessKeyId: match[1],
    region: match[2],
    sessionToken: typeof token === 'string' ? token : null,
  };
}

function parseForm(text: string): Map<string, string> | null {
  const form = new URLSearchParams(text);
  const values = new Map<string, string>();
  for (const [key, value] of form) {
    if (values.size >= MAX_PARAMS) return null;
    values.set(key, value);
  }
  return values;
}

/** One request as a protocol understood it, before faults, authentication and the handler. */
interface Parsed {
  readonly operation: string;
  readonly version: string;
  readonly params: ReadonlyMap<string, string>;
  /** Refuses, before faults and authentication, a request no handler could take. */
  readonly check: () => void;
  /** Runs the handler; throws QueryError for a refusal. */
  readonly answer: (caller: QueryCaller, region: string, requestId: string) => HttpAnswer;
  readonly error: (error: QueryError, requestId: string) => HttpAnswer;
  /** The service's words for a refused signer, when they are not IAM's. */
  readonly credentialRefusal?: (refusal: QueryError) => QueryError;
}

const JSON_CONTENT = 'application/x-amz-json-1.1';

function jsonError(error: QueryError): HttpAnswer {
  return {
    status: error.status,
    headers: { 'content-type': JSON_CONTENT, 'x-amzn-errortype': error.code },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    throw new QueryError('SerializationException', 'The request body is not valid JSON.');
  }
}

/**
 * The sim's one HTTP server: each request goes to the protocol it is written in — JSON 1.1 when it names
 * an `X-Amz-Target`, Query when it carries an `Action`, otherwise the first REST service that recognises
 * it — so one endpoint serves every client, as AWS_ENDPOINT_URL expects.
 */
export async function startQueryServer(options: QueryServerOptions): Promise<QueryServer> {
  const requests: LoggedQueryRequest[] = [];
  const faults = new FaultQueue<QueryFault>();
  const services = new Map(options.services.map((service) => [service.version, service]));
  const jsonServices = new Map(
    (options.jsonServices ?? []).map((service) => [service.targetPrefix, service]),
  );
  const restServices = options.restServices ?? [];

  const parseQuery = (values: Map<string, string>): Parsed => {
    const operation = values.get('Action') ?? '';
    const version = values.get('Version') ?? '';
    const service = services.get(version);
    return {
      operation,
      version,
      params: values,
      error: (error, requestId) => xmlAnswer(error.status, errorXml(error, requestId, service)),
      ...(service?.credentialRefusal && { credentialRefusal: service.credentialRefusal }),
      check: () => {
        if (!operation) {
          throw new QueryError('MissingAction', 'The request must contain the parameter Action.');
        }
        if (!service?.actions.has(operation)) {
          throw new QueryError(
            'InvalidAction',
            `Could not find operation ${operation} for version ${version}`,
          );
        }
      },
      answer: (caller, region, requestId) => {
        const handler = service?.actions.get(operation);
        if (!service || !handler) throw new Error(`unchecked Query action ${operation}`);
        const result = handler({ action: operation, params: new QueryParams(values), caller, region });
        return xmlAnswer(200, resultXml(operation, result, requestId, service));
      },
    };
  };

  const parseJsonRequest = (target: string, text: string): Parsed => {
    const dot = target.lastIndexOf('.');
    const prefix = target.slice(0, Math.max(dot, 0));
    const operation = target.slice(dot + 1);
    const service = jsonServices.get(prefix);
    return {
      operation,
      version: prefix,
      params: new Map(),
      error: jsonError,
      check: () => {
        if (!service?.operations.has(operation)) {
          throw new QueryError('UnknownOperationException', `Unknown operation ${target}`);
        }
      },
      answer: (caller, region) => {
        const handler = service?.operations.get(operation);
        if (!handler) throw new Error(`unchecked JSON operation ${target}`);
        const result = handler({ operation, body: parseJson(text), caller, region });
        return { status: 200, headers: { 'content-type': JSON_CONTENT }, body: JSON.stringify(result ?? {}) };
      },
    };
  };

  const parseRest = (request: IncomingMessage, text: string): Parsed | undefined => {
    const url = new URL(request.url ?? '/', 'http://sim');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return undefined;
    }
    const restRequest = {
      method: request.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: request.headers,
      body: text,
    };
    for (const service of restServices) {
      const route = service.route(restRequest);
      if (route) {
        return {
          operation: route.operation,
          version: '',
          params: route.params,
          error: (error, requestId) => service.error(error, requestId),
          check: () => {},
          answer: (caller, region) => route.answer(caller, region),
        };
      }
    }
    return undefined;
  };

  const parse = (request: IncomingMessage, text: string | null): Parsed => {
    if (text === null) {
      const refusal = new QueryError('RequestEntityTooLarge', 'The request body is too large.', 413);
      return {
        operation: '',
        version: '',
        params: new Map(),
        error: (error, id) => xmlAnswer(error.status, errorXml(error, id, undefined)),
        check: () => {
          throw refusal;
        },
        answer: () => {
          throw refusal;
        },
      };
    }
    const target = request.headers['x-amz-target'];
    if (typeof target === 'string') return parseJsonRequest(target, text);
    const contentType = request.headers['content-type'] ?? '';
    const queryString = (request.url ?? '').split('?')[1] ?? '';
    if (request.method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
      return parseQuery(parseForm(text) ?? tooMany());
    }
    const rest = parseRest(request, text);
    if (rest) return rest;
    return parseQuery(parseForm(request.method === 'POST' ? text : queryString) ?? tooMany());
  };

  const authenticate = (parsed: Parsed, credentials: QueryCredentials): QueryCaller => {
    try {
      return options.authenticate(credentials);
    } catch (error) {
      if (error instanceof QueryError && parsed.credentialRefusal) throw parsed.credentialRefusal(error);
      throw error;
    }
  };

  const loopback = await serveOnLoopback(async (request, response) => {
    const requestId = randomUUID();
    const credentials = credentialsOf(request);
    const text = await readBoundedBody(request);
    let parsed: Parsed;
    try {
      parsed = parse(request, text);
    } catch (error) {
      const refusal = asRefusal(error);
      requests.push({
        action: '',
        version: '',
        params: new Map(),
        accessKeyId: credentials?.accessKeyId ?? null,
        region: credentials?.region ?? null,
        mutating: false,
        status: refusal.status,
        errorCode: refusal.code,
      });
      send(response, xmlAnswer(refusal.status, errorXml(refusal, requestId, undefined)), requestId);
      return;
    }
    const log = (status: number, errorCode: string | null) =>
      requests.push({
        action: parsed.operation,
        version: parsed.version,
        params: new Map(parsed.params),
        accessKeyId: credentials?.accessKeyId ?? null,
        region: credentials?.region ?? null,
        mutating: isMutatingAction(parsed.operation),
        status,
        errorCode,
      });
    try {
      parsed.check();
      const fault = faults.take(parsed.operation);
      if (fault && 'hangMs' in fault) await sleep(fault.hangMs);
      else if (fault)
        throw new QueryError(fault.code, fault.message ?? `Injected ${fault.code}`, fault.status);
      if (!credentials) {
        throw new QueryError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
      }
      const answer = parsed.answer(authenticate(parsed, credentials), credentials.region, requestId);
      log(answer.status, null);
      send(response, answer, requestId);
    } catch (error) {
      const refusal = asRefusal(error);
      log(refusal.status, refusal.code);
      send(response, parsed.error(refusal, requestId), requestId);
    }
  });

  return {
    endpoint: loopback.url,
    requests,
    failNext: (action, fault, failOptions) => faults.failNext(action, fault, failOptions),
    close: () => loopback.close(),
  };
}

/** What the caller is told of an error: a refusal as the handler worded it, or AWS's own internal failure. */
function asRefusal(error: unknown): QueryError {
  return error instanceof QueryError
    ? error
    : new QueryError('InternalFailure', 'The request processing has failed.', 500);
}

function tooMany(): never {
  throw new QueryError('ValidationError', `The request has more than ${MAX_PARAMS} parameters.`);
}
