// Talking to an enrichment API: one GET, a bounded body, JSON or a one-line reason why not. Whatever
// the far end sends is untrusted: its size is capped while it streams, its text is neutralized before
// it reaches a message, and redirects are refused (an API that moves is misconfigured, and a redirect
// is how a token ends up at another host).

import { displayText } from '../../ingest/display.js';
import { ProviderError } from './types.js';

export interface JsonAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed body; undefined when it is empty. */
  readonly body: unknown;
}

/**
 * How an endpoint is named in reports and messages: without user, password, query or fragment, which
 * is where credentials hide in a URL.
 */
export function endpointName(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return displayText(endpoint, 200) ?? '?';
  }
}

/** `{endpoint}/{path}` with a query, whether or not the endpoint ends in a slash. */
export function endpointUrl(endpoint: string, path: string, query: Record<string, string>): URL {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url;
}

/** Why a request failed, in words and without the request's headers (they may hold a key). */
function failureOf(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'timed out';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return `connection failed (${cause.code})`;
  const message = error instanceof Error ? error.message : String(error);
  return `request failed (${displayText(message.split('\n')[0] ?? '', 120) ?? 'unknown error'})`;
}

/** The body, read up to `maxBytes` and not one byte more. */
async function boundedBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new ProviderError(`answer of ${declared} bytes is over the limit of ${maxBytes}`);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ProviderError(`answer is over the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** GETs `url` and parses its JSON body; throws a ProviderError naming what went wrong. */
export async function getJson(
  url: URL,
  options: { headers: Record<string, string>; signal: AbortSignal; maxBytes: number },
): Promise<JsonAnswer> {
  if (url.username !== '' || url.password !== '') {
    // fetch would refuse it with a message that quotes the URL, password and all.
    throw new ProviderError('the endpoint URL carries credentials; give the token through api_key_env');
  }
  let response: Response;
  try {
    response = await fetch(url, {
      headers: options.headers,
      signal: options.signal,
      redirect: 'error',
    });
  } catch (error) {
    throw new ProviderError(failureOf(error, options.signal));
  }
  let bytes: Uint8Array;
  try {
    bytes = await boundedBody(response, options.maxBytes);
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    throw new ProviderError(failureOf(error, options.signal));
  }
  if (bytes.byteLength === 0) return { status: response.status, headers: response.headers, body: undefined };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ProviderError(`HTTP ${response.status} with a body that is not UTF-8`);
  }
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) };
  } catch {
    // An error page in HTML says more through its status than through its text.
    throw new ProviderError(`HTTP ${response.status} with a body that is not JSON`);
  }
}

/** A key from the environment as a header value, or a ProviderError saying why it cannot be one. */
export function headerSecret(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new ProviderError(`${name} is not set`);
  // Printable ASCII only: fetch rejects anything else with an error that quotes the value.
  if (!/^[\x21-\x7e]{1,4096}$/.test(value)) {
    throw new ProviderError(`${name} holds characters an HTTP header cannot carry`);
  }
  return value;
}

/** Runs `work` on every item with at most `width` at a time; rejects with the first failure. */
export async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ProviderError('timed out'));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
