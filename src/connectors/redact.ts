// Credentials must never reach a log, an audit entry or a Slack thread. Service errors can carry them
// (S3's SignatureDoesNotMatch echoes the access key id and the string it signed; an HTTP client error can
// quote an Authorization header), so every error text leaving a connector passes through here.

const SECRET_PATTERNS: readonly [RegExp, string][] = [
  // AWS access key ids (long-term AKIA, temporary ASIA) and whatever follows a secret/session key name.
  [/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '[redacted access key]'],
  [
    /((?:aws_)?(?:secret_?access_?key|session_?token|secretAccessKey|sessionToken)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
    '$1[redacted]',
  ],
  // As a query parameter (`X-Amz-Security-Token=…`) and as a header, the way S3's SignatureDoesNotMatch
  // quotes the canonical request it signed (`x-amz-security-token:…`) or a client dumps its headers.
  [/(X-Amz-(?:Security-Token|Signature|Credential)["']?\s*[:=]\s*["']?)[^&\s"',}]+/gi, '$1[redacted]'],
  [/(Signature=)[0-9a-f]{16,}/gi, '$1[redacted]'],
  // Slack tokens, GitHub tokens, bearer and basic credentials in headers.
  [/\bxox[abposr]-[A-Za-z0-9-]{8,}/g, '[redacted slack token]'],
  [/\bxapp-[A-Za-z0-9-]{8,}/g, '[redacted slack token]'],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, '[redacted github token]'],
  [
    /\b(authorization["']?\s*[:=]\s*["']?)(?:bearer|basic|token|aws4-hmac-sha256)\s+[^\s"',}]+(?:[^"'\n}]*)/gi,
    '$1[redacted]',
  ],
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{12,}/gi, '$1 [redacted]'],
];

const known = new Set<string>();

/** A secret this process holds (a token from the environment): redacted wherever it appears. */
export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 8) known.add(secret);
}

/** The text with every known secret and every credential-shaped substring replaced. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of known) out = out.split(secret).join('[redacted]');
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
