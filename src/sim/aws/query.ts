// What every AWS Query-protocol sim shares (IAM, STS, and later EC2 and Auto Scaling): a loopback HTTP
// server that takes the form-encoded POST the SDKs send (`Action=…&Version=…&Tags.member.1.Key=…`),
// checks the caller's access key, dispatches on (Version, Action) to a service's handler and writes the
// XML answer or error envelope the SDK's protocol parser expects. Every request is logged — action,
// parameters, caller, status — so a test can show that a dry run sent no mutating call, and faults can
// be injected per action so the SDK's own retries are exercised rather than simulated.

import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
const MAX_BODY_BYTES = 1024 * 1024;
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

/** Who signed a request: the access key from its SigV4 credential scope, and the session token. */
export interface QueryCredentials {
  readonly accessKeyId: string;
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
}

/** A failure to give one request for an action, as a throttled or failing AWS would. */
export interface QueryFault {
  readonly status: number;
  readonly code: string;
  readonly message?: string;
}

export interface LoggedQueryRequest {
  readonly action: string;
  readonly version: string;
  readonly params: ReadonlyMap<string, string>;
  /** The access key that signed it, or null when unsigned. */
  readonly accessKeyId: string | null;
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
  /** The next request for `action` gets this fault instead of an answer; call again to queue more. */
  failNext(action: string, fault: QueryFault): void;
  close(): Promise<void>;
}

export interface QueryServerOptions {
  readonly services: readonly QueryService[];
  /** Resolves the signer to a caller, or throws the QueryError AWS would (InvalidClientTokenId, …). */
  readonly authenticate: (credentials: QueryCredentials) => QueryCaller;
}

const READ_ONLY_ACTION = /^(Get|List|Describe|Lookup)[A-Z]/;

/** Whether an action changes state, by AWS's naming: reads are Get*, List*, Describe*, Lookup*. */
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

function send(response: ServerResponse, status: number, xml: string, requestId: string): void {
  response.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(xml),
    // The header the SDK reads into `$metadata.requestId`.
    'x-amzn-requestid': requestId,
  });
  response.end(xml);
}

/** The signer of a SigV4 request: `Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/svc/…`. */
function credentialsOf(request: IncomingMessage): QueryCredentials | null {
  const authorization = request.headers.authorization ?? '';
  const match = /^AWS4-HMAC-SHA256 Credential=([A-Za-z0-9]{1,128})\//.exec(authorization);
  if (!match?.[1]) return null;
  const token = request.headers['x-amz-security-token'];
  return { accessKeyId: match[1], sessionToken: typeof token === 'string' ? token : null };
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
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

export async function startQueryServer(options: QueryServerOptions): Promise<QueryServer> {
  const requests: LoggedQueryRequest[] = [];
  const faults = new Map<string, QueryFault[]>();
  const services = new Map(options.services.map((service) => [service.version, service]));

  // Everything from the parsed form to the answer; throws QueryError for every refusal.
  const answer = (
    values: Map<string, string>,
    credentials: QueryCredentials | null,
  ): ((requestId: string) => string) => {
    const action = values.get('Action');
    if (!action) throw new QueryError('MissingAction', 'The request must contain the parameter Action.');
    const version = values.get('Version') ?? '';
    const service = services.get(version);
    const handler = service?.actions.get(action);
    if (!service || !handler) {
      throw new QueryError('InvalidAction', `Could not find operation ${action} for version ${version}`);
    }
    const fault = faults.get(action)?.shift();
    if (fault) throw new QueryError(fault.code, fault.message ?? `Injected ${fault.code}`, fault.status);
    if (!credentials) {
      throw new QueryError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    }
    const caller = options.authenticate(credentials);
    const result = handler({ action, params: new QueryParams(values), caller });
    return (requestId) => resultXml(action, result, requestId, service);
  };

  const server = createServer((request, response) => {
    void (async () => {
      const requestId = randomUUID();
      const credentials = credentialsOf(request);
      const text = request.method === 'POST' ? await readBody(request) : (request.url ?? '').split('?')[1];
      const values = text === null ? null : parseForm(text ?? '');
      const action = values?.get('Action') ?? '';
      const version = values?.get('Version') ?? '';
      const log = (status: number, errorCode: string | null) =>
        requests.push({
          action,
          version,
          params: new Map(values ?? []),
          accessKeyId: credentials?.accessKeyId ?? null,
          mutating: isMutatingAction(action),
          status,
          errorCode,
        });
      const service = services.get(version);
      try {
        if (values === null) {
          throw new QueryError('RequestEntityTooLarge', 'The request body is too large.', 413);
        }
        const xml = answer(values, credentials)(requestId);
        log(200, null);
        send(response, 200, xml, requestId);
      } catch (error) {
        const refusal =
          error instanceof QueryError
            ? error
            : new QueryError('InternalFailure', 'The request processing has failed.', 500);
        log(refusal.status, refusal.code);
        send(response, refusal.status, errorXml(refusal, requestId, service), requestId);
      }
    })().catch(() => response.destroy()); // the client went away mid-request
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    failNext(action, fault) {
      const queued = faults.get(action) ?? [];
      queued.push(fault);
      faults.set(action, queued);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
