// `irac test [NAME...] [--repo DIR] [--config FILE] [--json]`: runs the playbook test cases of
// playbooks/tests/ (src/playbooks/cases.ts) and prints one line per case; exits 1 when any fails, which
// is what the playbooks workflow checks on a pull request.

import { resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { OperationError } from '../errors.js';
import { displayText } from '../ingest/display.js';
import { type CaseResult, caseBench, loadCases, type PlaybookCase, runCase } from '../playbooks/cases.js';
import { CASES_DIR } from '../playbooks/load.js';
import { workingTreeFiles } from '../playbooks/repo-files.js';
import type { CliIo } from './io.js';

export interface TestCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly json?: boolean;
}

const counted = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const text = (value: string) => displayText(value, 200) ?? '?';

/** One line, whatever the names and values hold: a case file is text anyone may propose in a pull request. */
function caseLine(result: CaseResult): string {
  const { file, name } = result.case;
  if (result.differences.length === 0) return `ok   ${text(file)} ${text(name)}\n`;
  return `FAIL ${text(file)} ${text(name)}: ${displayText(result.differences.join('; '), 8000)}\n`;
}

function caseJson(result: CaseResult): string {
  const { file, name, where, now } = result.case;
  const { plan, ...got } = result.got;
  return `${JSON.stringify({
    file,
    case: name,
    where,
    now: now.toISOString(),
    ok: result.differences.length === 0,
    differences: result.differences,
    ...got,
    steps: (plan?.steps ?? []).map((step) => ({
      id: step.id,
      applies: step.applies,
      needs_approval: step.needs_approval,
      skipped: step.skipped,
      target: step.target,
      parameters: step.parameters,
      calls: step.calls.map(({ call, target }) => ({ call, target })),
    })),
  })}\n`;
}

/** The playbooks no case routes to: a playbook added without a case is worth a line in the review. */
function untested(results: readonly CaseResult[], playbooks: readonly string[]): string[] {
  const routed = new Set(results.map((result) => result.got.playbook));
  return playbooks.filter((id) => !routed.has(id));
}

export async function testCommand(names: readonly string[], options: TestCommandOptions, io: CliIo) {
  const started = performance.now();
  const root = resolve(options.repo ?? process.cwd());
  const config = await loadConfig({ repoRoot: root, ...(options.config ? { file: options.config } : {}) });
  const cases: PlaybookCase[] = await loadCases(workingTreeFiles(root), { names, now: new Date() });
  if (cases.length === 0) {
    if (!options.json) io.stdout(`test: no cases in ${CASES_DIR}/\n`);
    return;
  }
  const bench = await caseBench(root, config);
  const results: CaseResult[] = [];
  for (const testCase of cases) {
    const result = await runCase(bench, testCase);
    results.push(result);
    io.stdout(options.json ? caseJson(result) : caseLine(result));
  }
  const failed = results.filter((result) => result.differences.length > 0).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (failed > 0) throw new OperationError(`test: ${failed} of ${counted(results.length, 'case')} failed`);
  if (options.json) return;
  const files = new Set(cases.map((testCase) => testCase.file)).size;
  const missing =
    names.length === 0
      ? untested(
          results,
          bench.playbooks.map((p) => p.id),
        )
      : [];
  if (missing.length > 0) io.stdout(`test: no case routes to ${missing.join(', ')}\n`);
  io.stdout(`test: ok — ${counted(results.length, 'case')} in ${counted(files, 'file')} (${seconds} s)\n`);
}
