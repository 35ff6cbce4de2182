// Playbook test cases as the runner reads and runs them, in-process: the shipped cases pass and cover
// every shipped playbook; a case plans exactly what the store would; a wrong expectation fails saying
// what differs; a broken, escaping or hostile case file is refused at its line; network enrichment is
// never asked.

import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import caseSchema from '../../schemas/playbook-test.schema.json' with { type: 'json' };
import eventSchema from '../../schemas/security-event.schema.json' with { type: 'json' };
import { loadConfig } from '../../src/config/config.js';
import { normalizeWithEvidence } from '../../src/ingest/normalize.js';
import type { Plan } from '../../src/plan/plan.js';
import { planIncident } from '../../src/plan/record.js';
import { type CaseResult, caseBench, caseIncidentId, loadCases, runCase } from '../../src/playbooks/cases.js';
import { lint } from '../../src/playbooks/lint.js';
import { CASES_DIR } from '../../src/playbooks/load.js';
import { workingTreeFiles } from '../../src/playbooks/repo-files.js';
import { startAbuseIpDbSim } from '../../src/sim/abuseipdb.js';
import { startAssetRegistrySim } from '../../src/sim/asset-registry.js';
import { recordEvents } from '../../src/store/record.js';
import { IncidentRepository, type PublishSettings } from '../../src/store/repository.js';
import { loadTriageEngine } from '../../src/triage/engine.js';
import { triageIncident } from '../../src/triage/record.js';
import type { PlaybookTestFile } from '../../src/types.js';
import { FIXTURES_DIR, REPO_ROOT } from '../helpers/corpus.js';
import { git, scratchDir, scratchRepo } from '../helpers/git.js';

const CONFIG = 'incident-response-config.yaml';
const NOW = new Date('2026-06-01T12:00:00Z');
const FAST: PublishSettings = { pushAttempts: 3, backoffBaseMs: 5, backoffMaxMs: 10 };

/** A fork of the template with no case files of its own but `files` (path → text). */
function fork(files: Record<string, string> = {}, dir = scratchDir('irac-cases-')): string {
  for (const path of [CONFIG, 'playbooks', 'assets', 'intel']) {
    cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  }
  rmSync(join(dir, CASES_DIR), { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function runCases(root: string, names: readonly string[] = []): Promise<CaseResult[]> {
  const config = await loadConfig({ repoRoot: root });
  const cases = await loadCases(workingTreeFiles(root), { names, now: NOW });
  const bench = await caseBench(root, config);
  const results: CaseResult[] = [];
  for (const testCase of cases) results.push(await runCase(bench, testCase));
  return results;
}

/** The reason a repository's cases cannot even be loaded. */
async function refusal(root: string, names: readonly string[] = []): Promise<string> {
  const error = await runCases(root, names).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, 'the cases should have been refused').toBeInstanceOf(Error);
  return (error as Error).message;
}

/** The differences of each case, by name. */
async function differences(root: string): Promise<Record<string, readonly string[]>> {
  return Object.fromEntries((await runCases(root)).map((r) => [r.case.name, r.differences]));
}

const CASE_FILE = `${CASES_DIR}/cases.yaml`;

/** GuardDuty's Backdoor finding on i-07a8b9c0d1e2f3a4b, us-east-2, an instance no registry knows. */
const BACKDOOR_FILE = 'test/fixtures/guardduty/get-findings.json';
/** One finding of GetFindings' list, as YAML under `Findings:`; the id makes a re-delivery the same event. */
function backdoorFindingYaml(id = '8a9b0c1d2e3f405162738495a6b7c8d9', instance = 'i-07a8b9c0d1e2f3a4b') {
  return `
        - SchemaVersion: "2.0"
          AccountId: "123456789012"
          Region: us-east-2
          Id: ${id}
          Type: Backdoor:EC2/C&CActivity.B!DNS
          Resource:
            ResourceType: Instance
            InstanceDetails: { InstanceId: ${instance} }
          Service:
            Action:
              ActionType: DNS_REQUEST
              DnsRequestAction: { Domain: update.c2-relay.example }
            ResourceRole: TARGET
            Archived: false
          Severity: 8
          CreatedAt: "2026-03-03T14:05:00.000Z"
          UpdatedAt: "2026-03-03T14:10:00.000Z"
          Title: Command and Control server domain name queried by EC2 instance ${instance}.`;
}
const BACKDOOR = `\n      Findings:${backdoorFindingYaml()}`;

/** The same finding as GuardDuty's GetFindings returns it (test/fixtures), for event_file. */
function backdoorFinding(): unknown {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, BACKDOOR_FILE.replace('test/fixtures/', '')), 'utf8'))
    .Findings[0];
}

function caseFile(...cases: string[]): string {
  return `cases:\n${cases.join('\n')}\n`;
}

describe('the shipped cases', () => {
  it('all pass against the shipped configuration, playbooks, registry and feeds', async () => {
    const results = await runCases(REPO_ROOT);
    expect(results.length).toBeGreaterThanOrEqual(14);
    const failed = results.filter((r) => r.differences.length > 0);
    expect(failed.map((r) => `${r.case.name}: ${r.differences.join('; ')}`)).toEqual([]);
  });

  it('route an event to every shipped playbook, with a step left out by its `when` and events that are not contained', async () => {
    const results = await runCases(REPO_ROOT);
    const config = await loadConfig({ repoRoot: REPO_ROOT });
    const { playbooks } = await caseBench(REPO_ROOT, config);
    const routed = new Set(
      results.filter((r) => r.case.expect.outcome === 'routed').map((r) => r.case.expect.playbook),
    );
    for (const playbook of playbooks) expect(routed, playbook.id).toContain(playbook.id);
    // Each case that routes names its playbook and checks steps or approval, not the route alone.
    for (const r of results) {
      expect(r.case.expect.playbook, r.case.name).toBeDefined();
      expect(r.case.expect.needs_approval, r.case.name).toBeDefined();
    }
    const skipped = results.flatMap((r) => (r.case.expect.steps ?? []).filter((s) => s.applies === false));
    expect(skipped.length).toBeGreaterThanOrEqual(3);
    // Events that look like an AWS playbook's but are not for it: routed elsewhere, nothing contained.
    const spared = results.filter(
      (r) =>
        r.case.file.startsWith(`${CASES_DIR}/aws-`) && r.case.expect.playbook?.startsWith('aws-') === false,
    );
    expect(spared.length).toBeGreaterThanOrEqual(3);
    for (const r of spared) expect(r.got.needs_approval, r.case.name).toBe(false);
  });

  it('are held to the same sources as the events they model: the schema knows every normalizer', () => {
    expect(caseSchema.$defs.case.properties.source.enum).toEqual(eventSchema.$defs.vendor.enum);
  });
});

describe('case files beside the playbooks', () => {
  it('are not playbooks: neither triage nor `irac lint playbooks/` reads them as one', async () => {
    const root = fork({
      [CASE_FILE]: caseFile(`  - name: a\n    event:${BACKDOOR}\n    expect: { outcome: routed }`),
    });
    const { playbooks } = await caseBench(root, await loadConfig({ repoRoot: root }));
    expect(playbooks.map((playbook) => playbook.file).filter((file) => file.startsWith(CASES_DIR))).toEqual(
      [],
    );
    const linted = await lint({ root, paths: [join(root, 'playbooks')], now: NOW });
    expect(linted.problems).toEqual([]);
    expect(linted.files.filter((file) => file.includes('/tests/'))).toEqual([]);
    expect(linted.files).toHaveLength(6);
  });
});

describe('a case plans what the store would', () => {
  it('records, triages and plans the event in a real repository to the same steps, parameters and calls', async () => {
    const at = new Date('2026-03-02T08:20:00Z');
    const [testCase] = await loadCases(workingTreeFiles(REPO_ROOT), {
      names: ['crypto-mining on the production orders-api instance is contained once a reviewer approves'],
      now: NOW,
    });
    if (!testCase) throw new Error('the shipped case is gone');
    const config = await loadConfig({ repoRoot: REPO_ROOT });
    const { got } = await runCase(await caseBench(REPO_ROOT, config), testCase);

    // The same event through ingest, triage and plan, committed in a fork, at the case's time.
    const dir = fork({}, scratchRepo());
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'template');
    // The payload the case file holds, as a vendor would send it.
    const shipped = parse(readFileSync(join(REPO_ROOT, testCase.file), 'utf8')) as PlaybookTestFile;
    const raw = Buffer.from(JSON.stringify(shipped.cases.find((c) => c.name === testCase.name)?.event));
    const items = [...normalizeWithEvidence(raw, { receivedAt: at.toISOString() })];
    const repository = await IncidentRepository.open(dir);
    const now = () => at;
    const [recorded] = (
      await repository.apply(
        (tx) => recordEvents(tx, items, { actor: 'test', correlationWindowMs: 3_600_000, now }),
        FAST,
      )
    ).result;
    const id = recorded?.incident ?? '';
    const engine = await loadTriageEngine({ repoRoot: dir, config, localOnly: true });
    await repository.apply(
      (tx) => triageIncident(tx, id, { actor: 'test', rules: engine.rules, enrich: engine.enrich, now }),
      FAST,
    );
    const files = workingTreeFiles(dir);
    const { plan } = (
      await repository.apply(
        (tx) =>
          planIncident(tx, id, {
            actor: 'test',
            playbooks: engine.playbooks,
            playbookText: (file) => files.readText(file),
            now,
          }),
        FAST,
      )
    ).result;

    // Only the incident id differs: the store draws it at random, a case fixes it.
    const withCaseId = JSON.parse(
      JSON.stringify(plan.steps).replaceAll(id, caseIncidentId(at)),
    ) as Plan['steps'];
    expect(got.plan?.steps).toEqual(withCaseId);
    expect(got.plan?.steps.length).toBe(9);
    expect([got.plan?.environment, got.plan?.needs_approval]).toEqual([
      plan.environment,
      plan.needs_approval,
    ]);
  });
});

describe('a case that does not hold', () => {
  it('fails with each difference, expected against got, and why triage routed it so', async () => {
    const root = fork({
      [CASE_FILE]: caseFile(
        `  - name: wrong route
    now: 2026-03-03T14:20:00Z
    event:${BACKDOOR}
    expect:
      outcome: routed
      playbook: immediate-isolation
      severity: critical
      needs_approval: false
      environment: null`,
        `  - name: wrong steps
    now: 2026-03-03T14:20:00Z
    event:${BACKDOOR}
    expect:
      outcome: routed
      playbook: aws-compromised-ec2-instance
      steps_exact: true
      steps:
        - id: isolate-instance
          applies: false
          needs_approval: false
          region: eu-west-1
          parameters: { instance_id: i-0000000000000000 }
          calls:
            - { call: ec2:TerminateInstances, target: i-07a8b9c0d1e2f3a4b }
        - id: block-everything`,
      ),
    });
    expect(await differences(root)).toEqual({
      'wrong route': [
        'playbook: expected "immediate-isolation", got "aws-compromised-ec2-instance"',
        expect.stringMatching(/^why: trigger of aws-compromised-ec2-instance holds: /),
        'severity: expected "critical", got "high"',
        'needs_approval: expected false, got true',
        'environment: expected null, got "ir-containment"',
      ],
      'wrong steps': [
        'step isolate-instance applies: expected false, got true',
        'step isolate-instance needs_approval: expected false, got true',
        'step isolate-instance region: expected "eu-west-1", got "us-east-2"',
        'step isolate-instance parameter instance_id: expected "i-0000000000000000", got "i-07a8b9c0d1e2f3a4b"',
        'step isolate-instance: expected a call "ec2:TerminateInstances" on "i-07a8b9c0d1e2f3a4b", got ec2:DescribeInstances on i-07a8b9c0d1e2f3a4b, ec2:DescribeNetworkInterfaces on i-07a8b9c0d1e2f3a4b, ec2:DescribeSecurityGroups on i-07a8b9c0d1e2f3a4b, ec2:CreateSecurityGroup on i-07a8b9c0d1e2f3a4b, ec2:ModifyNetworkInterfaceAttribute on i-07a8b9c0d1e2f3a4b',
        'step block-everything: expected in the plan of aws-compromised-ec2-instance, got none',
        'steps: expected ["isolate-instance","block-everything"], got ["notify-channel","tag-instance","protect-instance","snapshot-volumes","enter-standby","isolate-instance","remove-instance-profile","disable-metadata","open-ticket"]',
      ],
    });
  });

  it('passes once the expectation says what the playbook does', async () => {
    const root = fork({
      [CASE_FILE]: caseFile(`  - name: right
    now: 2026-03-03T14:20:00Z
    event_file: ${BACKDOOR_FILE}
    expect:
      outcome: routed
      playbook: aws-compromised-ec2-instance
      severity: high
      needs_approval: true
      environment: ir-containment
      steps:
        - id: isolate-instance
          applies: true
          needs_approval: true
          region: us-east-2
          account: "123456789012"
          parameters: { instance_id: i-07a8b9c0d1e2f3a4b }
          calls:
            - { call: ec2:ModifyNetworkInterfaceAttribute, target: i-07a8b9c0d1e2f3a4b }
        - id: open-ticket
          parameters:
            labels: [irac, IR-20260303-testcase, "severity:high", aws-ec2-instance]`),
      [BACKDOOR_FILE]: JSON.stringify(backdoorFinding()),
    });
    expect(await differences(root)).toEqual({ right: [] });
  });
});

describe('suppressions and time', () => {
  const SUPPRESSED = `triage:
  suppressions:
    - id: red-team-2026-q1
      when: "event.resources.exists(r, r.id == 'i-07a8b9c0d1e2f3a4b')"
      reason: Red team exercise on the lab instance
      owner: security-lead@example.com
      expires: 2026-03-31
  default_playbook: queue-for-review
`;
  const cases = caseFile(
    `  - name: during the exercise
    now: 2026-03-03T14:20:00Z
    event:${BACKDOOR}
    expect:
      outcome: suppressed
      playbook: null
      needs_approval: false
      environment: null`,
    `  - name: after the rule expired
    now: 2026-04-01T00:00:00Z
    event:${BACKDOOR}
    expect:
      outcome: routed
      playbook: aws-compromised-ec2-instance`,
    `  - name: a suppressed incident has no plan
    now: 2026-03-03T14:20:00Z
    event:${BACKDOOR}
    expect:
      outcome: suppressed
      steps:
        - id: notify-channel`,
  );

  it("judges expiry at the case's now, so the outcome does not depend on the day it runs", async () => {
    const root = fork({ [CONFIG]: SUPPRESSED, [CASE_FILE]: cases });
    expect(await differences(root)).toEqual({
      'during the exercise': [],
      'after the rule expired': [],
      'a suppressed incident has no plan': ['steps: expected a plan, got none (suppressed)'],
    });
  });

  it('decides a case without now at the time of the run', async () => {
    const root = fork({
      [CASE_FILE]: caseFile(`  - name: undated
    event:${BACKDOOR}
    expect: { outcome: routed }`),
    });
    const [result] = await runCases(root);
    expect(result?.case.now).toEqual(NOW);
    expect(result?.got.plan?.incident).toBe('IR-20260601-testcase');
  });
});

describe('enrichment', () => {
  it('never asks a network source: an HTTP registry and AbuseIPDB are left out, skipped, not degraded', async () => {
    const registry = await startAssetRegistrySim({ assets: [] });
    const abuse = await startAbuseIpDbSim({ key: 'k' });
    try {
      const root = fork({
        [CONFIG]: `triage:
  enrichment_sources:
    - type: asset_registry
      endpoint: ${registry.endpoint}
    - type: threat_intel
      provider: abuse_ip_db
      endpoint: ${abuse.endpoint}
    - type: asset_registry
      path: assets
`,
        [CASE_FILE]: caseFile(`  - name: local only
    now: 2026-03-03T14:20:00Z
    event:${BACKDOOR}
    expect: { outcome: routed, playbook: aws-compromised-ec2-instance }`),
      });
      const [result] = await runCases(root);
      expect(result?.differences).toEqual([]);
      expect(result?.got.degraded).toEqual([]);
      expect(registry.requests).toEqual([]);
      expect(abuse.requests).toEqual([]);
    } finally {
      await registry.close();
      await abuse.close();
    }
  });
});

describe('a case file that cannot be read as one', () => {
  const at = (line: number, col: number) => `${CASE_FILE}:${line}:${col}`;
  const refused = async (text: string, extra: Record<string, string> = {}) =>
    refusal(fork({ [CASE_FILE]: text, ...extra }));

  it('is refused at the line and column of its first problem', async () => {
    expect(await refused('cases:\n  - name: a\n    evnt: {}\n    expect: { outcome: routed }\n')).toBe(
      `${at(3, 5)}: cases[0] has unknown key "evnt" (did you mean "event"?)`,
    );
    expect(
      await refused(`cases:\n  - name: a\n    event:${BACKDOOR}\n    expect: { outcome: contained }\n`),
    ).toMatch(
      /^playbooks\/tests\/cases\.yaml:23:24: cases\[0\]\.expect\.outcome must be one of "routed", "suppressed", "aggregated", "unrouted", not "contained"$/,
    );
    expect(await refused('cases:\n  - name: a\n    event: {}\n')).toBe(
      `${at(2, 5)}: cases[0] lacks required key "expect"`,
    );
    expect(await refused('cases: []\n')).toBe(`${at(1, 8)}: cases must not be empty`);
    expect(await refused('')).toBe(`${at(1, 1)}: is empty: a case file holds \`cases:\`, a list of cases`);
    expect(await refused('cases:\n  - name: a\n    event: {\n')).toMatch(
      /^playbooks\/tests\/cases\.yaml:\d+:\d+: invalid YAML/,
    );
  });

  it('is refused for what the schema cannot say: both payloads, neither, a name twice, a day that does not exist', async () => {
    const expectation = '    expect: { outcome: routed }';
    expect(
      await refused(caseFile(`  - name: a\n    event: {}\n    event_file: x.json\n${expectation}`)),
    ).toBe(`${at(2, 5)}: case "a" has both event and event_file: give one`);
    expect(await refused(caseFile(`  - name: a\n${expectation}`))).toBe(
      `${at(2, 5)}: case "a" has no event: give the payload inline (event) or in a file (event_file)`,
    );
    expect(
      await refused(
        caseFile(`  - name: a\n    event: {}\n${expectation}`, `  - name: a\n    event: {}\n${expectation}`),
      ),
    ).toBe(`${at(5, 11)}: duplicate case name "a" (first at line 2)`);
    expect(
      await refused(caseFile(`  - name: a\n    now: 2026-02-30T00:00:00Z\n    event: {}\n${expectation}`)),
    ).toBe(`${at(3, 10)}: now "2026-02-30T00:00:00Z" is not a time`);
  });

  it('is refused when its event is not one irac reads, naming the case and where in the payload', async () => {
    expect(
      await refused(caseFile('  - name: odd\n    event: { hello: world }\n    expect: { outcome: routed }')),
    ).toMatch(
      /^playbooks\/tests\/cases\.yaml:3:12: case "odd": event: \$: unrecognised payload \(keys: hello\)/,
    );
    // Two problems in one case are two incidents: a case is about one.
    const two = `${BACKDOOR}${backdoorFindingYaml('9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'i-0ffffffffffffffff')}`;
    expect(
      await refused(caseFile(`  - name: two\n    event:${two}\n    expect: { outcome: routed }`)),
    ).toMatch(/case "two": its events would open 2 incidents .*; a case is one incident$/);
  });

  it('runs one incident of a re-delivered event once, as the store records it', async () => {
    const twice = `${BACKDOOR}${backdoorFindingYaml()}`;
    const root = fork({
      [CASE_FILE]: caseFile(`  - name: twice\n    event:${twice}\n    expect: { outcome: routed }`),
    });
    const [result] = await runCases(root);
    expect(result?.case.events).toHaveLength(1);
  });
});

describe('event_file', () => {
  const withFile = (path: string) =>
    caseFile(`  - name: from a file\n    event_file: ${path}\n    expect: { outcome: routed }`);

  it('reads a file of the repository', async () => {
    const root = fork({ [CASE_FILE]: withFile('events/backdoor.json') });
    mkdirSync(join(root, 'events'));
    writeFileSync(join(root, 'events/backdoor.json'), JSON.stringify({ Findings: [] }));
    expect(await refusal(root)).toMatch(
      /^playbooks\/tests\/cases\.yaml:3:17: case "from a file": events\/backdoor\.json: \$: unrecognised payload/,
    );
    writeFileSync(join(root, 'events/backdoor.json'), JSON.stringify({ Findings: [backdoorFinding()] }));
    const [result] = await runCases(root);
    expect(result?.got.playbook).toBe('aws-compromised-ec2-instance');
  });

  it('never leaves the repository: .., an absolute path, a symbolic link, a missing file are refused at the line', async () => {
    const outside = scratchDir('irac-outside-');
    writeFileSync(join(outside, 'event.json'), '{}');
    expect(await refusal(fork({ [CASE_FILE]: withFile('../outside/event.json') }))).toBe(
      `${CASE_FILE}:3:17: cases[0].event_file must be a path inside the repository (relative, without ".."), not "../outside/event.json"`,
    );
    expect(await refusal(fork({ [CASE_FILE]: withFile('events/../../event.json') }))).toMatch(
      /^playbooks\/tests\/cases\.yaml:3:17: cases\[0\]\.event_file must be a path inside the repository/,
    );
    expect(await refusal(fork({ [CASE_FILE]: withFile('/etc/passwd') }))).toMatch(
      /^playbooks\/tests\/cases\.yaml:3:17: cases\[0\]\.event_file must be a path inside the repository/,
    );
    const linked = fork({ [CASE_FILE]: withFile('events/event.json') });
    mkdirSync(join(linked, 'events'));
    symlinkSync(join(outside, 'event.json'), join(linked, 'events/event.json'));
    expect(await refusal(linked)).toBe(
      `${CASE_FILE}:3:17: event_file "events/event.json" is a symbolic link; irac reads only files`,
    );
    const dirLinked = fork({ [CASE_FILE]: withFile('events/event.json') });
    symlinkSync(outside, join(dirLinked, 'events'));
    expect(await refusal(dirLinked)).toBe(
      `${CASE_FILE}:3:17: event_file "events/event.json" events is a symbolic link; irac reads only files inside the repository`,
    );
    expect(await refusal(fork({ [CASE_FILE]: withFile('events/none.json') }))).toBe(
      `${CASE_FILE}:3:17: event_file "events/none.json": no such file`,
    );
  });
});

describe('a hostile case file', () => {
  it('is refused cleanly: prototype keys inline or in the file, nesting, size', async () => {
    const hostile = (event: string, extra: Record<string, string> = {}) =>
      refusal(
        fork({
          [CASE_FILE]: caseFile(`  - name: h\n    ${event}\n    expect: { outcome: routed }`),
          ...extra,
        }),
      );
    expect(await hostile('event: { __proto__: { admin: true } }')).toBe(
      `${CASE_FILE}:3:14: the key "__proto__" is not allowed`,
    );
    expect(await hostile('event: { detail: { constructor: { prototype: { admin: true } } } }')).toMatch(
      /^playbooks\/tests\/cases\.yaml:3:12: case "h": event: \$\.detail\.constructor: .*prototype/,
    );
    expect(
      await hostile('event_file: events/poison.json', {
        'events/poison.json': '{"__proto__": {"admin": true}}',
      }),
    ).toMatch(
      /^playbooks\/tests\/cases\.yaml:3:17: case "h": events\/poison\.json: \$\.__proto__: key "__proto__" is not accepted/,
    );
    expect(await hostile(`event: ${'['.repeat(100)}${']'.repeat(100)}`)).toMatch(
      /^playbooks\/tests\/cases\.yaml:3:\d+: nests deeper than 64 levels$/,
    );
    expect(
      await hostile('event_file: events/huge.json', {
        'events/huge.json': `{"a":"${'x'.repeat(1_100_000)}"}`,
      }),
    ).toBe(`${CASE_FILE}:3:17: event_file "events/huge.json" is 1100008 bytes; the limit is 1048576`);
    expect(await refusal(fork({ [CASE_FILE]: `# ${'x'.repeat(1_100_000)}\ncases: []\n` }))).toBe(
      `${CASE_FILE}:1:1: is 1100013 bytes; the limit is 1048576`,
    );
  });
});

describe('selecting cases', () => {
  const root = () =>
    fork({
      [`${CASES_DIR}/ec2.yaml`]: caseFile(
        `  - name: one\n    now: 2026-03-03T14:20:00Z\n    event:${BACKDOOR}\n    expect: { outcome: routed }`,
        `  - name: two\n    now: 2026-03-03T14:20:00Z\n    event:${BACKDOOR}\n    expect: { outcome: routed }`,
      ),
      [`${CASES_DIR}/other.yml`]: caseFile(
        `  - name: three\n    now: 2026-03-03T14:20:00Z\n    event:${BACKDOOR}\n    expect: { outcome: routed }`,
      ),
      [`${CASES_DIR}/notes.md`]: 'not a case file',
    });

  it('by file (name, name.yaml or path) or by case name; every case of every file by default', async () => {
    const dir = root();
    const names = async (selection: string[]) => (await runCases(dir, selection)).map((r) => r.case.name);
    expect(await names([])).toEqual(['one', 'two', 'three']);
    expect(await names(['ec2'])).toEqual(['one', 'two']);
    expect(await names(['other.yml', 'one'])).toEqual(['one', 'three']);
    expect(await names([`${CASES_DIR}/other.yml`])).toEqual(['three']);
    expect(await refusal(dir, ['ec2', 'thre'])).toBe(
      `"thre": names no case file in ${CASES_DIR}/ and no case in one`,
    );
  });
});
