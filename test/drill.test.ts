// `irac drill` in process: the shipped drills run against fresh loopback organisations and pass, scored
// from what the simulated AWS account, Slack and GitHub hold afterwards; a drill whose expectation is
// wrong fails, naming that expectation at its line; a malformed drill file is refused in one line at its
// file and line. The drills serve their own sims in this process: everything is awaited, nothing blocks.

import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DrillReport, drillCommand } from '../src/cli/drill-command.js';
import type { CliIo } from '../src/cli/io.js';
import { InputError, OperationError } from '../src/errors.js';
import { REPO_ROOT } from './helpers/corpus.js';
import { scratchDir } from './helpers/git.js';

function captured(): { io: CliIo; out: () => string } {
  const chunks: string[] = [];
  return {
    io: {
      stdout: (text) => chunks.push(text),
      stderr: (text) => chunks.push(text),
      readStdin: async () => undefined,
    },
    out: () => chunks.join(''),
  };
}

/** A team's repository: the template's configuration, playbooks and registries, and its own drills. */
function teamRepo(drills: Record<string, string>): string {
  const root = scratchDir('irac-drill-repo-');
  for (const path of [
    'incident-response-config.yaml',
    'playbooks',
    'assets',
    'intel',
    'schemas',
    'samples',
  ]) {
    cpSync(join(REPO_ROOT, path), join(root, path), { recursive: true });
  }
  mkdirSync(join(root, 'drills'));
  for (const [name, text] of Object.entries(drills)) writeFileSync(join(root, 'drills', name), text);
  return root;
}

const FALCO_DRILL = (expectPlaybook: string) => `name: falco-shell
description: A shell in a payments container goes to the review queue.
event_file: samples/scenarios/falco-terminal-shell.json
steps:
  - run: { live: true }
expect:
  outcome: routed
  playbook: ${expectPlaybook}
  aws:
    unchanged: true
`;

describe('the shipped drills', () => {
  let reports: DrillReport[];
  let table: string;

  beforeAll(async () => {
    const json = captured();
    await drillCommand([], { repo: REPO_ROOT, json: true }, json.io);
    reports = (JSON.parse(json.out()) as { drills: DrillReport[] }).drills;
    const text = captured();
    await drillCommand(['falco-terminal-shell'], { repo: REPO_ROOT }, text.io);
    table = text.out();
  }, 300_000);

  it('are the three AWS playbooks and a Falco alert, and each passes every expectation', () => {
    expect(reports.map((r) => r.name)).toEqual([
      'aws-compromised-ec2-instance',
      'aws-compromised-iam-credentials',
      'aws-s3-public-exposure',
      'falco-terminal-shell',
    ]);
    for (const report of reports) {
      expect(
        report.checks.filter((c) => !c.ok),
        report.name,
      ).toEqual([]);
      expect(report.checks.length, report.name).toBeGreaterThan(5);
      // The fork's trail verifies after the drill: every commit and audit entry is an operation's.
      expect(report.checks.at(-1)).toMatchObject({ expectation: 'irac verify', ok: true });
      expect(report.ok).toBe(true);
    }
  });

  it('reads the contained state back from the simulated account', () => {
    const byName = Object.fromEntries(reports.map((r) => [r.name, r.observed]));
    const instance = byName['aws-compromised-ec2-instance']?.aws.instances['i-0abcd1234ef567890'];
    expect(instance?.interfaces.map((eni) => eni.groups)).toEqual([['irac-isolation'], ['irac-isolation']]);
    expect(instance?.profile).toBeNull();
    expect(instance?.autoScaling).toBe('Standby');
    expect(byName['aws-compromised-iam-credentials']?.aws.users['ci-deployer']?.keys).toEqual([
      { id: 'AKIAEXAMPLECIDEPLOY1', status: 'Inactive' },
      { id: 'AKIAEXAMPLEPERSIST7Q', status: 'Inactive' },
    ]);
    expect(byName['aws-s3-public-exposure']?.aws.buckets['acme-customer-exports-eu']).toMatchObject({
      effectivelyPublic: false,
      publicAccessBlock: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: true,
      },
    });
    expect(byName['falco-terminal-shell']?.aws.mutations).toBe(0);
  });

  it('measures each stage on the audit trail and binds the approval to the plan', () => {
    for (const report of reports) {
      expect(report.durations.total, report.name).toBeGreaterThanOrEqual(0);
      expect(report.incident).toMatch(/^IR-\d{8}-[0-9a-z]{8}$/);
    }
    const ec2 = reports.find((r) => r.name === 'aws-compromised-ec2-instance');
    expect(ec2?.stages.map((s) => s.stage)).toEqual(['run --live', 'approve', 'execute --live']);
    expect(ec2?.stages[2]?.detail).toBe('approved by alice');
    expect(ec2?.plan_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints a table, one row per drill', () => {
    expect(table.split('\n')[0]).toMatch(/^DRILL\s+RESULT\s+CHECKS\s+RUN\s+EXECUTE\s+TOTAL\s+INCIDENT$/);
    expect(table).toMatch(/^falco-terminal-shell\s+pass\s+\d+\/\d+\s/m);
    expect(table).toMatch(/\n1 of 1 drills passed; (\d+) of \1 checks held\n$/);
  });
});

describe('a drill whose expectation is wrong', () => {
  it('fails, naming the expectation at its line, what was expected and what happened', async () => {
    const root = teamRepo({ 'falco-shell.yaml': FALCO_DRILL('aws-compromised-ec2-instance') });
    const run = captured();
    const failure = drillCommand([], { repo: root }, run.io);
    await expect(failure).rejects.toThrow(OperationError);
    await expect(failure).rejects.toThrow('drill: 1 of 1 drills failed: falco-shell (expect.playbook)');
    expect(run.out()).toMatch(/^falco-shell\s+FAIL\s+3\/4\s/m);
    expect(run.out()).toContain(
      'drills/falco-shell.yaml:8:13: falco-shell: expect.playbook: expected "aws-compromised-ec2-instance", got "queue-for-review"',
    );
  }, 120_000);

  it('an approval in another environment than the plan waits in releases nothing', async () => {
    const drill = `name: wrong-environment
description: The reviewer approves in an environment the plan does not wait in.
event_file: samples/scenarios/cloudtrail-access-key-from-tor.json
steps:
  - run: {}
  - approve: { by: alice, environment: ir-preauthorized }
  - execute: {}
expect:
  approval_environment: ir-containment
  step_results:
    deactivate-access-keys: succeeded
  aws:
    users:
      - name: ci-deployer
        access_keys: Inactive
`;
    const run = captured();
    await expect(
      drillCommand([], { repo: teamRepo({ 'wrong.yaml': drill }), json: true }, run.io),
    ).rejects.toThrow(
      'wrong-environment (expect.step_results.deactivate-access-keys, expect.aws.users[0].access_keys)',
    );
    const [report] = (JSON.parse(run.out()) as { drills: DrillReport[] }).drills;
    expect(report?.observed.step_results['deactivate-access-keys']).toBe('waiting-for-approval');
    expect(report?.observed.aws.users['ci-deployer']?.keys.every((k) => k.status === 'Active')).toBe(true);
  }, 120_000);
});

describe('a malformed drill file', () => {
  const refusal = async (text: string) => {
    const root = teamRepo({ 'good.yaml': FALCO_DRILL('queue-for-review'), 'bad.yaml': text });
    const error = await drillCommand(['good'], { repo: root }, captured().io).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  };

  it('is refused in one line at the key, even when another drill is selected', async () => {
    const text = FALCO_DRILL('queue-for-review').replace('  playbook:', '  playbok:');
    expect(await refusal(text)).toBe(
      'drills/bad.yaml:8:3: expect has unknown key "playbok" (did you mean "playbook"?)',
    );
  });

  it('names the value that breaks the schema, and YAML that does not parse', async () => {
    expect(await refusal(FALCO_DRILL('queue-for-review').replace('live: true', 'live: yes'))).toBe(
      'drills/bad.yaml:5:18: steps[0].run.live must be true or false, not "yes"',
    );
    expect(await refusal('name: x\ndescription: [unclosed\n')).toMatch(
      /^drills\/bad\.yaml:\d+:\d+: invalid YAML: /,
    );
  });

  it('refuses stages out of order and a drill without events', async () => {
    const approveFirst = FALCO_DRILL('queue-for-review').replace(
      '  - run: { live: true }',
      '  - approve: { by: alice, environment: ir-containment }\n  - run: { live: true }',
    );
    expect(await refusal(approveFirst)).toBe(
      'drills/bad.yaml:5:5: the first step must be run: the events arrive before anyone approves or executes',
    );
    const noEvents = FALCO_DRILL('queue-for-review').replace(/^event_file: .*\n/m, '');
    expect(await refusal(noEvents)).toBe(
      'drills/bad.yaml:1:1: has no events: give the payloads inline (events) or in a file (event_file)',
    );
  });

  it('refuses an event_file outside the repository at its line', async () => {
    const outside = FALCO_DRILL('queue-for-review').replace(
      'samples/scenarios/falco-terminal-shell.json',
      '../etc/passwd',
    );
    expect(await refusal(outside)).toMatch(
      /^drills\/bad\.yaml:3:13: event_file must be a path inside the repository/,
    );
  });
});
