// Asset patterns: globs that read ARNs as identifiers, not paths, and that an attacker-chosen
// identifier cannot turn into a denial of service.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../../src/triage/enrichment/glob.js';

/** The meaning of a pattern, spelled out by brute force: fine for the short strings of a property test. */
function reference(pattern: string, text: string): boolean {
  if (pattern === '') return text === '';
  const [head, rest] = [pattern[0], pattern.slice(1)];
  if (head === '*') return [...Array(text.length + 1).keys()].some((i) => reference(rest, text.slice(i)));
  if (text === '') return false;
  if (head === '?' || head === text[0]) return reference(rest, text.slice(1));
  return false;
}

describe('asset patterns', () => {
  it('let * run across the slashes and colons of an ARN', () => {
    const account = compileGlob('arn:aws:*:*:123456789012:*');
    expect(account.matches('arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc')).toBe(true);
    expect(account.matches('arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/Admin')).toBe(true);
    expect(account.matches('arn:aws:iam::111122223333:role/x')).toBe(false);
    expect(
      compileGlob('arn:aws:iam::123456789012:role/orders-*').matches(
        'arn:aws:iam::123456789012:role/orders-api',
      ),
    ).toBe(true);
  });

  it('match one character with ?, either case, and a quoted wildcard literally', () => {
    expect(compileGlob('dc??.corp.example').matches('DC01.corp.example')).toBe(true);
    expect(compileGlob('dc??.corp.example').matches('dc1.corp.example')).toBe(false);
    expect(compileGlob('what\\?').matches('what?')).toBe(true);
    expect(compileGlob('what\\?').matches('whats')).toBe(false);
    expect(compileGlob('a\\*b').literal).toBe('a*b');
    expect(compileGlob('CORP\\\\svc_*').matches('CORP\\svc_backup')).toBe(true);
  });

  it('treat a pattern without wildcards as the identifier it names', () => {
    expect(compileGlob('i-0ABCD1234ef567890').literal).toBe('i-0abcd1234ef567890');
    expect(compileGlob('i-0abc*').literal).toBeUndefined();
    expect(compileGlob('__proto__').matches('__proto__')).toBe(true);
    expect(compileGlob('constructor').matches('toString')).toBe(false);
  });

  it('count characters, not UTF-16 units', () => {
    expect(compileGlob('host-?').matches('host-😀')).toBe(true);
  });

  it('agree with the brute-force meaning of * and ?', () => {
    const pattern = fc.stringMatching(/^[ab*?]{0,8}$/);
    const text = fc.stringMatching(/^[ab]{0,10}$/);
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        expect(compileGlob(p).matches(t)).toBe(reference(p, t));
      }),
      { numRuns: 2000 },
    );
  });

  it('take linear time on identifiers built to make a backtracking matcher explode', () => {
    // A regex-compiling matcher needs tens of seconds for this; the identifier is attacker-chosen.
    const glob = compileGlob('*a*a*a*a*a*a*a*a*ab');
    const identifier = 'a'.repeat(512);
    const started = performance.now();
    for (let i = 0; i < 20; i++) expect(glob.matches(identifier)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
