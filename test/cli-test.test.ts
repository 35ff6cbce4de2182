// `irac test` as the playbooks workflow runs it on a pull request: the compiled bin in a child process
// (built by `npm test` before vitest), in this repository and in forks of it — one line per case, the
// difference named when a case fails, exit 1 for a failed case or a case file that cannot be read.

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Run, runBin } from './helpers/bin.js';
import { REPO_ROOT } from './helpers/corpus.js';
import { scratchDir } from './helpers/git.js';

const CASES = 'playbooks/tests';
const IAM_CASES = `${CASES}/aws-compromised-iam-credentials.yaml`;

function irac(args: string[], cwd: string): Promise<Run> {
  return runBin(['test', ...args], cwd);
}

/** A security team's fork of the template, shipped cases included, with `edits` (path → text). */
function fork(edits: Record<string, string> = {}): string {
  const dir = scratchDir('irac-cli-test-');
  for (const path of ['incident-response-config.yaml', 'playbooks', 'assets', 'intel']) {
    cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  }
  for (const [path, text] of Object.entries(edits)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A shipped case file with `from` replaced by `to`; fails when `from` is not there. */
function edited(path: string, from: string, to: string): string {
  const text = readFileSync(join(REPO_ROOT, path), 'utf8');
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('irac test', () => {
  it('passes the shipped cases in this repository, one line per case, and says how long it took', async () => {
    const started = performance.now();
    const { code, stdout, stderr } = await irac([], REPO_ROOT);
    const wall = performance.now() - started;
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.trimEnd().split('\n');
    const summary = lines.pop() ?? '';
    expect(summary).toMatch(/^test: ok — (\d+) cases in 6 files \(\d+\.\d\d s\)$/);
    expect(lines.length).toBe(Number(/ok — (\d+) cases/.exec(summary)?.[1]));
    for (const line of lines) expect(line).toMatch(/^ok {3}playbooks\/tests\/[a-z0-9-]+\.yaml \S/);
    expect(stdout).toContain(
      'ok   playbooks/tests/aws-compromised-ec2-instance.yaml crypto-mining on the production orders-api instance is contained once a reviewer approves\n',
    );
    // It runs in the playbooks workflow on every pull request: a few seconds on a loaded runner at most.
    expect(wall).toBeLessThan(15_000);
  });

  it('prints one JSON object per case with --json: the route, the approval and every step of the plan', async () => {
    const { code, stdout } = await irac(['--json', 'immediate-isolation'], REPO_ROOT);
    expect(code).toBe(0);
    const [only, ...rest] = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      file: `${CASES}/immediate-isolation.yaml`,
      case: 'a Cobalt Strike beacon on a domain controller on EC2 isolates it once approved',
      ok: true,
      differences: [],
      outcome: 'routed',
      playbook: 'immediate-isolation',
      severity: 'critical',
      needs_approval: true,
      environment: 'ir-containment',
    });
    expect(only.steps.map((step: { id: string; applies: boolean }) => [step.id, step.applies])).toEqual([
      ['notify-channel', true],
      ['revoke-credentials', false],
      ['enter-standby', true],
      ['isolate-instance', true],
    ]);
  });

  it('fails a case whose playbook changed, naming the file, the case and what differs, and exits 1', async () => {
    // A pull request that narrows the trigger: GuardDuty's UnauthorizedAccess:IAMUser findings fall out.
    const dir = fork({
      'playbooks/aws-compromised-iam-credentials.yaml': edited(
        'playbooks/aws-compromised-iam-credentials.yaml',
        "matches('^(UnauthorizedAccess|CredentialAccess|",
        "matches('^(CredentialAccess|",
      ),
    });
    const { code, stdout, stderr } = await irac(['--repo', dir, IAM_CASES], REPO_ROOT);
    expect(code).toBe(1);
    const [first, ...others] = stdout.trimEnd().split('\n');
    expect(first).toMatch(
      /^FAIL playbooks\/tests\/aws-compromised-iam-credentials\.yaml an instance role's credentials used outside AWS have the role's sessions revoked, not a user's keys: playbook: expected "aws-compromised-iam-credentials", got "investigate-and-notify"; why: trigger of investigate-and-notify holds: severity == 'high'; needs_approval: expected true, got false; environment: expected "ir-containment", got null$/,
    );
    expect(others).toEqual([
      `ok   ${IAM_CASES} a trail stopped by the ci-deployer user from a Tor exit has that user's keys deactivated and its permissions denied`,
      `ok   ${IAM_CASES} the root user stopping a trail gets evidence collected and no containment step`,
      `ok   ${IAM_CASES} an access key created from a Tor exit is contained behind a reviewer`,
    ]);
    expect(stderr).toBe('irac: test: 1 of 4 cases failed\n');
  });

  it('fails a case whose expectation is wrong, with expected against got', async () => {
    const dir = fork({
      [IAM_CASES]: edited(IAM_CASES, 'user_name: ci-deployer\n', 'user_name: ci-deployer-2\n'),
    });
    const { code, stdout, stderr } = await irac(['--json'], dir);
    expect(code).toBe(1);
    const failed = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((result) => !result.ok);
    expect(failed.map((result) => [result.case, result.differences])).toEqual([
      [
        "a trail stopped by the ci-deployer user from a Tor exit has that user's keys deactivated and its permissions denied",
        ['step deactivate-access-keys parameter user_name: expected "ci-deployer-2", got "ci-deployer"'],
      ],
    ]);
    expect(stderr).toMatch(/^irac: test: 1 of \d+ cases failed\n$/);
  });

  it('refuses a malformed case file with exit 1 and its file:line:col, running nothing', async () => {
    const dir = fork({
      [IAM_CASES]: edited(IAM_CASES, '      outcome: routed\n', '      outcome: routed\n      route: x\n'),
    });
    const { code, stdout, stderr } = await irac([], dir);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toMatch(
      /^irac: playbooks\/tests\/aws-compromised-iam-credentials\.yaml:\d+:7: cases\[0\]\.expect has unknown key "route"\n$/,
    );
    const empty = await irac([], fork({ [IAM_CASES]: '' }));
    expect(empty).toEqual({
      code: 1,
      stdout: '',
      stderr: `irac: ${IAM_CASES}:1:1: is empty: a case file holds \`cases:\`, a list of cases\n`,
    });
  });

  it('refuses an event_file outside the repository, and a hostile event, without an internal error', async () => {
    const outside = fork({
      [`${CASES}/escape.yaml`]:
        'cases:\n  - name: escape\n    event_file: ../../etc/passwd\n    expect: { outcome: routed }\n',
    });
    const escaped = await irac([], outside);
    expect([escaped.code, escaped.stdout]).toEqual([1, '']);
    expect(escaped.stderr).toBe(
      'irac: playbooks/tests/escape.yaml:3:17: cases[0].event_file must be a path inside the repository (relative, without ".."), not "../../etc/passwd"\n',
    );
    const hostile = fork({
      [`${CASES}/hostile.yaml`]:
        'cases:\n  - name: poison\n    event: { "__proto__": { "isAdmin": true } }\n    expect: { outcome: routed }\n',
    });
    const poisoned = await irac([], hostile);
    expect([poisoned.code, poisoned.stdout]).toEqual([1, '']);
    expect(poisoned.stderr).toBe(
      'irac: playbooks/tests/hostile.yaml:3:14: the key "__proto__" is not allowed\n',
    );
  });

  it('says so when a NAME selects nothing, and when there are no cases', async () => {
    const missing = await irac(['aws-compromised-ec2'], REPO_ROOT);
    expect([missing.code, missing.stdout]).toEqual([1, '']);
    expect(missing.stderr).toBe(
      'irac: "aws-compromised-ec2": names no case file in playbooks/tests/ and no case in one\n',
    );
    const empty = scratchDir('irac-cli-test-');
    const none = await irac([], empty);
    expect(none).toEqual({ code: 0, stdout: 'test: no cases in playbooks/tests/\n', stderr: '' });
  });

  it('names the playbooks no case routes to: a playbook added without a case', async () => {
    const dir = fork();
    rmSync(join(dir, `${CASES}/immediate-isolation.yaml`));
    const { code, stdout } = await irac([], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\ntest: no case routes to immediate-isolation\ntest: ok — \d+ cases in 5 files/);
  });
});
