// `irac simulate --json` through the compiled bin, as `npm run demo` runs it on a fresh clone: the story's
// outcomes asserted from what the simulated services held at each stage (read back by the simulation from
// the sims themselves), so a containment that did not happen fails here even if irac reported success.
// The simulation serves its own loopback sims inside the child, so the bin is spawned asynchronously.

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from './helpers/bin.js';
import { REPO_ROOT } from './helpers/corpus.js';
import { commitLog, git, scratchDir } from './helpers/git.js';

const NODE = existsSync(join(REPO_ROOT, 'node_modules/node/bin/node'))
  ? join(REPO_ROOT, 'node_modules/node/bin/node')
  : process.execPath;
const HASH = /^[0-9a-f]{64}$/;
const ISOLATED = { groups: ['irac-isolation'] };

interface Check {
  what: string;
  ok: boolean;
  detail?: string;
}
interface Scenario {
  name: string;
  incident: string;
  outcome: string;
  severity: string;
  playbook: string | null;
  suppression: string | null;
  plan_sha256: string | null;
  environment: string | null;
  approval: { by: string; plan_sha256: string } | null;
  runs: Record<string, { step: string; result: string }[]>;
  // biome-ignore lint/suspicious/noExplicitAny: the states are asserted field by field below.
  state: Record<string, any>;
  checks: Check[];
}
interface Report {
  ok: boolean;
  seconds: number;
  scratch: string | null;
  scenarios: Scenario[];
  timeline: { at: string; what: string; actor: string | null; commit: string | null }[];
  verify: { ok: boolean; problems: string[]; incidents: number; events: number; commits: number };
  origin: { head: string; commits: number };
  checks: Check[];
}

let report: Report;
let stderr: string;
let code: number | null;
const scenario = (name: string): Scenario => {
  const found = report.scenarios.find((s) => s.name === name);
  if (!found) throw new Error(`no scenario ${name} in the report`);
  return found;
};
const results = (run: { step: string; result: string }[] | undefined) =>
  Object.fromEntries((run ?? []).map(({ step, result }) => [step, result]));

beforeAll(async () => {
  // Nothing of the caller's identity, signing key or connector settings reaches the simulation.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(AWS_|GITHUB_|SLACK_|JIRA_|IRAC_)/.test(name)),
  );
  const run = await runBin(['simulate', '--json', '--keep'], scratchDir('irac-simulate-cwd-'), env, NODE);
  code = run.code;
  stderr = run.stderr;
  // A simulation that stopped short prints no report: its one line on stderr says why.
  if (!run.stdout.startsWith('{')) throw new Error(`irac simulate exited ${run.code}: ${run.stderr}`);
  report = JSON.parse(run.stdout) as Report;
}, 300_000);

afterAll(() => {
  if (report?.scratch) rmSync(report.scratch, { recursive: true, force: true });
});

describe('irac simulate', () => {
  it('exits 0 with every expected outcome checked and met', () => {
    const failed = [...report.scenarios.flatMap((s) => s.checks), ...report.checks].filter((c) => !c.ok);
    expect(failed).toEqual([]);
    expect([code, stderr, report.ok]).toEqual([0, '', true]);
    expect(report.scenarios.map((s) => s.name)).toEqual([
      'crypto-mining',
      'access-key-from-tor',
      'falco-terminal-shell',
      'vendor-port-scan',
    ]);
  });

  it('isolates the mining instance only once alice approves its plan, then puts it back as it was', () => {
    const crypto = scenario('crypto-mining');
    expect(crypto).toMatchObject({
      outcome: 'routed',
      severity: 'high',
      playbook: 'aws-compromised-ec2-instance',
      environment: 'ir-containment',
    });
    expect(crypto.plan_sha256).toMatch(HASH);
    expect(crypto.approval).toEqual({ by: 'alice', plan_sha256: crypto.plan_sha256 });
    // The ingest workflow's run is a dry run (the configuration's default): nothing but reads.
    expect(new Set(Object.values(results(crypto.runs.run)))).toEqual(new Set(['would-run']));
    expect(new Set(Object.values(results(crypto.runs.approved)))).toEqual(new Set(['succeeded']));

    const { before, contained, undone, snapshots, group } = crypto.state;
    expect(before).toMatchObject({
      interfaces: [{ groups: ['orders-api-web', 'orders-api-admin'] }, { groups: ['orders-api-admin'] }],
      profile: 'arn:aws:iam::123456789012:instance-profile/orders-api-instance',
      metadata: 'enabled',
      autoScaling: 'InService',
    });
    expect(contained).toMatchObject({
      interfaces: [ISOLATED, ISOLATED],
      profile: null,
      metadata: 'disabled',
      terminationProtection: true,
      shutdown: 'stop',
      deleteOnTermination: [false, false],
      autoScaling: 'Standby',
      tags: { 'irac:incident': crypto.incident, 'irac:status': 'under-investigation' },
    });
    expect(snapshots).toHaveLength(2);
    for (const snapshot of snapshots) expect(snapshot.tags['irac:incident']).toBe(crypto.incident);
    // Standby without lowering the desired capacity: the group launched a replacement, which stays.
    expect(group.contained.instances.filter((i: { replacement: boolean }) => i.replacement)).toHaveLength(1);
    expect(undone).toEqual(before);
    expect(results(crypto.runs.undo)).toMatchObject({
      'isolate-instance': 'succeeded',
      'snapshot-volumes': 'skipped',
    });
  });

  it("keeps the attacker's trail as evidence, then deactivates both keys and denies the user once approved", () => {
    const keys = scenario('access-key-from-tor');
    expect(keys).toMatchObject({ outcome: 'routed', playbook: 'aws-compromised-iam-credentials' });
    expect(keys.plan_sha256).toMatch(HASH);
    expect(keys.approval).toEqual({ by: 'alice', plan_sha256: keys.plan_sha256 });
    expect(results(keys.runs.run)).toMatchObject({
      'notify-channel': 'succeeded',
      'collect-trail': 'succeeded',
      'deactivate-access-keys': 'waiting-for-approval',
    });
    expect(keys.state.before.keys.map((k: { status: string }) => k.status)).toEqual(['Active', 'Active']);
    expect(keys.state.contained).toEqual({
      keys: [
        { id: 'AKIAEXAMPLECIDEPLOY1', status: 'Inactive' },
        { id: 'AKIAEXAMPLEPERSIST7Q', status: 'Inactive' },
      ],
      inlinePolicies: ['irac-deny-all'],
    });
    expect(keys.state.leaked_key.before).toMatch(/^accepted/);
    expect(keys.state.leaked_key.after).toBe('refused: InvalidClientTokenId');
    expect(keys.state.evidence_events).toBeGreaterThanOrEqual(4);
  });

  it('routes the Falco shell to the review queue, tickets it and notifies; suppresses the pentest scan with its rule', () => {
    const shell = scenario('falco-terminal-shell');
    expect(shell).toMatchObject({ outcome: 'routed', playbook: 'queue-for-review' });
    expect(shell.plan_sha256).toMatch(HASH);
    expect(results(shell.runs.run)).toEqual({ 'open-ticket': 'succeeded', 'notify-queue': 'succeeded' });
    expect(shell.state.ticket.labels).toContain('needs-review');

    const scan = scenario('vendor-port-scan');
    expect(scan).toMatchObject({
      outcome: 'suppressed',
      suppression: 'pentest-vendor-scan',
      playbook: null,
      plan_sha256: null,
    });
  });

  it('leaves a fork whose history verifies, every commit on the bare origin', async () => {
    expect(report.verify).toMatchObject({ ok: true, problems: [], incidents: 4, events: 4 });
    const work = join(report.scratch ?? '', 'work');
    expect(git(work, 'rev-parse', 'origin/main')).toBe(report.origin.head);
    expect(git(join(report.scratch ?? '', 'origin.git'), 'rev-parse', 'main')).toBe(report.origin.head);
    // The team's pull request, then irac's own commits, each with its trailers.
    const log = commitLog(work, 'origin/main');
    expect(log.at(-1)?.subject).toBe('Start from the irac template');
    expect(log.filter((c) => c.trailers['Incident-Id']).length).toBe(report.verify.commits);
    const crypto = scenario('crypto-mining').incident;
    expect(report.timeline.map((item) => item.what)).toEqual(
      expect.arrayContaining(['detected', 'ingest', 'triage', 'plan', 'dry-run', 'step', 'resolve']),
    );
    expect(log.find((c) => c.subject === `resolve: ${crypto}`)?.trailers['Irac-Action']).toBe('resolve');
    // The bin verifies the kept fork on its own, as a responder would.
    const verify = await runBin(['verify', '--repo', work], work, process.env, NODE);
    expect([verify.code, verify.stderr]).toEqual([0, '']);
    expect(verify.stdout).toMatch(/^verify: ok — 4 incidents, 4 events, \d+ commits\n$/);
  });
});
