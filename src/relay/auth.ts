// Who may put events into the relay: a sender holding the shared secret (`Authorization: Bearer …`, which
// Falcosidekick's custom headers and Elastic's webhook connector can set), or one that signs each body
// with the HMAC key (`X-Irac-Signature-256: sha256=<hex>`, HMAC-SHA256 of the exact body bytes, as GitHub
// signs its own webhooks). Both compared in constant time. The relay never runs open: without either
// secret it does not start.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { registerSecret } from '../connectors/redact.js';
import { InputError } from '../errors.js';

export const SIGNATURE_HEADER = 'x-irac-signature-256';
// What a signature looks like, as GitHub writes its own: anything else is refused before the body is read.
const SIGNATURE = /^sha256=([0-9a-f]{64})$/;

export interface RelayCredentials {
  /** Accepted as `Authorization: Bearer <secret>`. */
  readonly sharedSecret?: string | undefined;
  /** Key of the HMAC-SHA256 over the body, sent as `X-Irac-Signature-256: sha256=<hex>`. */
  readonly hmacKey?: string | undefined;
}

// Short enough to guess offline from one captured signature, or to brute-force over the wire.
const MIN_SECRET_LENGTH = 16;

/** The credentials from IRAC_RELAY_SECRET and IRAC_RELAY_HMAC_KEY; at least one, each long enough. */
export function credentialsFrom(env: NodeJS.ProcessEnv): RelayCredentials {
  const sharedSecret = env.IRAC_RELAY_SECRET || undefined;
  const hmacKey = env.IRAC_RELAY_HMAC_KEY || undefined;
  if (!sharedSecret && !hmacKey) {
    throw new InputError(
      'environment',
      'set IRAC_RELAY_SECRET (shared secret) or IRAC_RELAY_HMAC_KEY (body signatures): the relay does not run open',
    );
  }
  for (const [name, value] of [
    ['IRAC_RELAY_SECRET', sharedSecret],
    ['IRAC_RELAY_HMAC_KEY', hmacKey],
  ] as const) {
    if (value !== undefined && value.length < MIN_SECRET_LENGTH) {
      throw new InputError(
        name,
        `is ${value.length} characters; use at least ${MIN_SECRET_LENGTH} random ones`,
      );
    }
    registerSecret(value);
  }
  return { sharedSecret, hmacKey };
}

/** Equal-length digests compared in constant time: neither the content nor the length of a guess leaks. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearerOf(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer +(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/**
 * Whether the shared secret alone admits the request: decided from the headers, before a byte of the
 * body is read. Undefined when the decision needs the body (a well-formed signature to check): only then
 * is the body buffered unauthenticated, so a header that cannot be a signature must not get that far.
 */
export function admittedByHeaders(
  headers: IncomingHttpHeaders,
  credentials: RelayCredentials,
): boolean | undefined {
  const bearer = bearerOf(headers);
  if (
    bearer !== undefined &&
    credentials.sharedSecret !== undefined &&
    sameSecret(bearer, credentials.sharedSecret)
  ) {
    return true;
  }
  const signature = headers[SIGNATURE_HEADER];
  if (credentials.hmacKey !== undefined && typeof signature === 'string' && SIGNATURE.test(signature)) {
    return undefined;
  }
  return false;
}

/** Whether the body carries a valid signature. */
export function admittedBySignature(
  headers: IncomingHttpHeaders,
  body: Uint8Array,
  credentials: RelayCredentials,
): boolean {
  const header = headers[SIGNATURE_HEADER];
  if (credentials.hmacKey === undefined || typeof header !== 'string') return false;
  const match = SIGNATURE.exec(header);
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', credentials.hmacKey).update(body).digest();
  return timingSafeEqual(Buffer.from(match[1], 'hex'), expected);
}
