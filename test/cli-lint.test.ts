// `irac lint` as CI runs it: the compiled bin in a child process (built by `npm test` before vitest).

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/corpus.js';

const BIN = join(REPO_ROOT, 'bin/irac.js');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped configuration, playbooks, registry and feeds, to break one thing in at a time. */
function shippedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'irac-cli-lint-'));
  scratch.push(dir);
  cpSync(join(REPO_ROOT, 'incident-response-config.yaml'), join(dir, 'incident-response-config.yaml'));
  for (const folder of ['playbooks', 'assets', 'intel']) {
    cpSync(join(REPO_ROOT, folder), join(dir, folder), { recursive: true });
  }
  return dir;
}

function irac(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('irac lint', () => {
  it('exits 0 on the shipped configuration and playbooks, saying how many files it read', () => {
    const { code, stdout, stderr } = irac(['lint'], shippedCopy());
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe('lint: ok — 7 files\n');
  });

  it('exits 0 with only warnings, printing them', () => {
    const dir = shippedCopy();
    writeFileSync(
      join(dir, 'playbooks/unowned.yaml'),
      'id: unowned\ntrigger: "false"\nsteps:\n  - { id: a, action: slack:post_message, channel: "#ir" }\n',
    );
    const { code, stdout, stderr } = irac(['lint'], dir);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe(
      'playbooks/unowned.yaml:1:5: warning: playbook "unowned" has no owner: say who answers for it (owner: a team, an e-mail address or @org/team)\nlint: ok — 8 files, 1 warning\n',
    );
  });

  it('exits 1 on any error, problems on stdout and the verdict on stderr', () => {
    const dir = shippedCopy();
    writeFileSync(
      join(dir, 'playbooks/unowned.yaml'),
      'id: unowned\ntrigger: "false"\nsteps:\n  - { id: a, action: slack:post_mesage, channel: "#ir" }\n',
    );
    const { code, stdout, stderr } = irac(['lint'], dir);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      'playbooks/unowned.yaml:1:5: warning: playbook "unowned" has no owner: say who answers for it (owner: a team, an e-mail address or @org/team)',
      'playbooks/unowned.yaml:4:22: error: step "a" has unknown action "slack:post_mesage" (did you mean "slack:post_message"?)',
      '',
    ]);
    expect(stderr).toBe('irac: lint: 1 error, 1 warning in 8 files\n');
  });

  it('prints the problems as one JSON array with --json', () => {
    const dir = shippedCopy();
    writeFileSync(join(dir, 'playbooks/broken.yaml'), 'id: broken\ntrigger: [\n');
    const { code, stdout } = irac(['lint', '--json'], dir);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      {
        file: 'playbooks/broken.yaml',
        line: 3,
        col: 1,
        severity: 'error',
        message: expect.stringMatching(/^invalid YAML: /),
      },
    ]);
    expect(JSON.parse(irac(['lint', '--json'], shippedCopy()).stdout)).toEqual([]);
  });

  it('lints the paths it is given, with --repo and --config naming where the rest is', () => {
    const dir = shippedCopy();
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(
      join(dir, 'drafts/new.yaml'),
      'id: new\nowner: me\ntrigger: "true"\nsteps:\n  - { id: a, action: x:y }\n',
    );
    const drafts = irac(['lint', 'drafts'], dir);
    expect([drafts.code, drafts.stdout]).toEqual([
      1,
      'drafts/new.yaml:5:22: error: step "a" has unknown action "x:y"\n',
    ]);
    const other = irac(['lint', '--repo', dir], REPO_ROOT);
    expect(other.code).toBe(0);
    writeFileSync(join(dir, 'other-config.yaml'), 'triage:\n  default_playbook: nowhere\n');
    const configured = irac(['lint', '--config', 'other-config.yaml'], dir);
    expect([configured.code, configured.stdout]).toEqual([
      1,
      'other-config.yaml:2:21: error: triage.default_playbook "nowhere" is not a playbook\n',
    ]);
  });

  it('exits 1 for a path that does not exist, 2 for an unknown option', () => {
    const dir = shippedCopy();
    expect(irac(['lint', 'nope.yaml'], dir)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'irac: nope.yaml: no such file or directory\n',
    });
    expect(irac(['lint', '--strict'], dir).code).toBe(2);
  });
});
