// The hashes irac's records rest on: sha256 of exact bytes, and of canonical JSON (RFC 8785: sorted
// keys, one number form) so that anyone can recompute a hash over a JSON value with any library.

import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';

export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** RFC 8785 canonical JSON of a value. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? '';
}
