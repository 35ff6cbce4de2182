// The CLI as users run it: the compiled bin in a child process (built by `npm test` before vitest).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { securityEventValidator } from '../src/validation.js';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/corpus.js';

const BIN = join(REPO_ROOT, 'bin/irac.js');
const scratch = mkdtempSync(join(tmpdir(), 'irac-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function irac(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    cwd: scratch,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes a file into the scratch directory the CLI runs in; returns its relative name. */
function file(name: string, content: string): string {
  writeFileSync(join(scratch, name), content);
  return name;
}

const sample = join(FIXTURES_DIR, 'generic/sample.json');

describe('irac normalize', () => {
  it('prints a table of the events in a file and exits 0', () => {
    const { code, stdout, stderr } = irac(['normalize', sample]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^TIME\s+SEVERITY\s+VENDOR\s+KIND\s+RESOURCE\s+ACTOR\n/);
    expect(stdout).toContain('okta.impossible_travel');
    expect(stdout).toContain('1 event from 1 source (generic)');
  });

  it('prints one valid SecurityEvent per line with --json, reading stdin for -', () => {
    const lines = `${JSON.stringify({ severity: 'low', resource: 'a' })}\n${JSON.stringify({ severity: 'medium', resource: 'b' })}\n`;
    const { code, stdout } = irac(['normalize', '-', '--json'], lines);
    expect(code).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((e) => e.resource)).toEqual(['a', 'b']);
    for (const event of events) expect(securityEventValidator()(event)).toBe(true);
  });

  it('reads stdin when no file is given', () => {
    const { code, stdout } = irac(
      ['normalize', '--json'],
      JSON.stringify({ severity: 'low', resource: 'a' }),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).vendor).toBe('generic');
  });

  it.each([
    ['invalid JSON', '{"severity":', /^irac: bad\.json: invalid JSON: /],
    ['an empty file', '', /^irac: bad\.json: input is empty$/],
    ['a number', '3', /^irac: bad\.json: top level is a number; expected a JSON object or array$/],
    [
      'an unknown shape',
      '{"hello":"world"}',
      /^irac: bad\.json: \$: unrecognised payload \(keys: hello\); known sources: cloudtrail, datadog, /,
    ],
    ['a __proto__ key', '{"severity":"low","resource":"r","__proto__":{"x":1}}', /prototype pollution guard/],
    [
      'a control-character payload',
      '{"hello\\u001b[31m":1}',
      /unrecognised payload \(keys: hello\uFFFD\[31m\)/,
    ],
  ])('rejects %s with exit 1, one line on stderr and nothing on stdout', (_name, content, message) => {
    const { code, stdout, stderr } = irac(['normalize', file('bad.json', content)]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
  });

  it('rejects a payload over --max-bytes', () => {
    const { code, stderr } = irac(['normalize', '--max-bytes', '20', sample]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/payload is \d+ bytes; the limit is 20/);
  });

  it('names a missing file and a directory', () => {
    expect(irac(['normalize', 'nope.json']).stderr).toBe('irac: nope.json: no such file\n');
    expect(irac(['normalize', scratch]).stderr).toMatch(/is a directory, expected a file/);
  });

  it('forces a source with --source, and rejects unknown sources as a usage error (exit 2)', () => {
    const forced = irac(['normalize', '--source', 'falco', sample]);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/\$\.rule: required string is missing/);
    const unknown = irac(['normalize', '--source', 'qradar', sample]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Allowed choices are cloudtrail, /);
  });

  it('ends quietly when the reader closes the pipe early (| head)', () => {
    const line = JSON.stringify({ severity: 'low', resource: 'r', title: 'x'.repeat(500) });
    const many = file('many.ndjson', `${Array.from({ length: 20_000 }, () => line).join('\n')}\n`);
    const result = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" normalize --json ${many} | head -c 100 > /dev/null`],
      {
        cwd: scratch,
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
  });

  it('exits 2 on usage errors and 0 on --help', () => {
    expect(irac(['normalize', '--frobnicate']).code).toBe(2);
    expect(irac(['explode']).code).toBe(2);
    expect(irac(['normalize', '--max-bytes', 'lots', sample]).code).toBe(2);
    const help = irac(['normalize', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--source <name>');
  });
});
