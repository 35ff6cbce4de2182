// What may never reach a log, an audit entry or a Slack thread.

import { describe, expect, it } from 'vitest';
import { reasonOf } from '../../src/connectors/action.js';
import { redactSecrets, registerSecret } from '../../src/connectors/redact.js';

describe('redactSecrets', () => {
  it('removes AWS key ids, secrets, session tokens and signatures from service errors', () => {
    const text =
      'SignatureDoesNotMatch: The request signature we calculated does not match. AWSAccessKeyId AKIAIOSFODNN7EXAMPLE ' +
      'session ASIAY34FZKBOKMUTVV7A aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ' +
      'X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr%2F&X-Amz-Signature=0123456789abcdef0123456789abcdef';
    const out = redactSecrets(text);
    for (const secret of [
      'AKIAIOSFODNN7EXAMPLE',
      'ASIAY34FZKBOKMUTVV7A',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'IQoJb3JpZ2luX2VjEJr',
      '0123456789abcdef0123456789abcdef',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('SignatureDoesNotMatch');
  });

  it('removes a session token quoted as a header, as in the canonical request S3 says it signed', () => {
    const out = redactSecrets(
      'SignatureDoesNotMatch: CanonicalRequest: GET\n/evidence\n\nhost:bucket.s3.amazonaws.com\n' +
        'x-amz-security-token:IQoJb3JpZ2luX2VjEJrEXAMPLETOKEN\n' +
        '{"X-Amz-Security-Token": "FwoGZXIvYXdzEXAMPLETOKEN"}',
    );
    expect(out).not.toMatch(/IQoJb3JpZ2luX2VjEJrEXAMPLETOKEN|FwoGZXIvYXdzEXAMPLETOKEN/);
    expect(out).toContain('host:bucket.s3.amazonaws.com');
  });

  it('removes Slack, GitHub, bearer and basic credentials', () => {
    const out = redactSecrets(
      'invalid_auth for xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp; token ghp_abcdefghijklmnopqrstuvwxyz0123456789 ' +
        'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz; Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig ' +
        'authorization: Basic am9obkBleGFtcGxlLmNvbTpzZWNyZXQ=',
    );
    expect(out).not.toMatch(/xoxb-1234|ghp_abc|github_pat_11|eyJhbGci|am9obkBl/);
    expect(out).toContain('invalid_auth');
  });

  it('removes a secret the process was given wherever it appears', () => {
    registerSecret('jira-token-6f1d2c3b4a');
    expect(redactSecrets('401 for jira-token-6f1d2c3b4a at https://x')).toBe(
      '401 for [redacted] at https://x',
    );
    expect(reasonOf(new Error('request with jira-token-6f1d2c3b4a failed'))).toBe(
      'request with [redacted] failed',
    );
  });

  it("keeps the service's error code in front of its message", () => {
    const error = Object.assign(new Error('The instance ID does not exist'), {
      name: 'InvalidInstanceID.NotFound',
    });
    expect(reasonOf(error)).toBe('InvalidInstanceID.NotFound: The instance ID does not exist');
  });
});
