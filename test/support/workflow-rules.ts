// The hardening every workflow of this repository is held to (issue 7), as one function over a workflow's
// text, so the real files and the deliberately bad samples of test/workflows.test.ts go through the same
// code. Each problem is one line naming the file, the line and the job, as a reviewer would want it.

import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';

/** A third-party action or reusable workflow pinned to a commit: owner/repo[/path]@<40 hex>. */
const PINNED_USES = /^[\w.-]+\/[\w.-]+(\/[^@\s]+)?@[0-9a-f]{40}$/;
/** The version the pin stands for, in a comment on the same line: `# v4.3.1`. */
const VERSION_COMMENT = /#\s*v\d+(\.\d+)*\b/;
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
/**
 * What a sender or a pull request's author controls; interpolated into a script, it is code. Matched
 * inside `${{ }}` whatever the spacing, and in the bracket form (`github['event']`).
 */
const UNTRUSTED_CONTEXTS: readonly RegExp[] = [
  /\bgithub\s*\.\s*event\b/,
  /\bgithub\s*\[\s*['"]event['"]\s*\]/,
  /\bclient_payload\b/,
  /\binputs\s*[.[]/,
  /\bgithub\s*\.\s*head_ref\b/,
  /\btoJSON\s*\(\s*github\s*\)/i,
];
const LIVE_FLAG = /(^|\s)--live\b/;

interface Problem {
  readonly line: number;
  readonly message: string;
}

class WorkflowReader {
  readonly problems: Problem[] = [];
  private readonly lines: string[];

  constructor(
    text: string,
    private readonly lineCounter: LineCounter,
  ) {
    this.lines = text.split('\n');
  }

  lineOf(node: Node | null | undefined): number {
    return node?.range ? this.lineCounter.linePos(node.range[0]).line : 0;
  }

  sourceLine(line: number): string {
    return this.lines[line - 1] ?? '';
  }

  report(node: Node | null | undefined, message: string): void {
    this.problems.push({ line: this.lineOf(node), message });
  }
}

function child(map: YAMLMap, key: string): Node | undefined {
  return (map.get(key, true) as Node | null | undefined) ?? undefined;
}

function scalarText(node: Node | undefined): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

function checkTriggers(on: Node | undefined, reader: WorkflowReader): void {
  const names = isMap(on)
    ? on.items.map((pair) => scalarText(pair.key as Node))
    : isSeq(on)
      ? on.items.map((item) => scalarText(item as Node))
      : [scalarText(on)];
  if (names.includes('pull_request_target')) {
    reader.report(
      on,
      'runs on pull_request_target, which gives a fork’s pull request this repository’s token and secrets; use pull_request',
    );
  }
}

/** Top level: absent, write-all or any write is a problem; {} or read-only is least privilege. */
function checkTopPermissions(root: YAMLMap, reader: WorkflowReader): void {
  const permissions = child(root, 'permissions');
  if (permissions === undefined) {
    reader.report(
      root,
      'has no top-level permissions: (set {} or read-only there, and grant writes per job)',
    );
    return;
  }
  if (isScalar(permissions)) {
    const level = scalarText(permissions);
    if (level === 'write-all') {
      reader.report(permissions, 'top-level permissions: write-all; grant each job only what it needs');
    } else if (level !== 'read-all') {
      reader.report(permissions, `top-level permissions: ${level ?? 'null'} is not a permission level`);
    }
    return;
  }
  if (!isMap(permissions)) {
    reader.report(permissions, 'top-level permissions: must be {} or a map of scopes to read or none');
    return;
  }
  for (const pair of permissions.items) {
    const level = scalarText(pair.value as Node);
    if (level !== 'read' && level !== 'none') {
      reader.report(
        pair.value as Node,
        `top-level permissions grant ${scalarText(pair.key as Node)}: ${level}; grant writes in the job that needs them`,
      );
    }
  }
}

function checkJobPermissions(job: YAMLMap, name: Node, reader: WorkflowReader): void {
  const permissions = child(job, 'permissions');
  if (permissions === undefined) {
    reader.report(name, `job "${scalarText(name)}" has no permissions: of its own`);
  } else if (scalarText(permissions) === 'write-all') {
    reader.report(
      permissions,
      `job "${scalarText(name)}" has permissions: write-all; list the scopes it needs`,
    );
  }
}

function checkUses(uses: Node, where: string, reader: WorkflowReader): void {
  const target = scalarText(uses);
  if (target === undefined || target.startsWith('./') || target.startsWith('docker://')) return;
  if (!PINNED_USES.test(target)) {
    reader.report(uses, `${where} uses "${target}", not pinned to a full 40-character commit SHA`);
    return;
  }
  if (!VERSION_COMMENT.test(reader.sourceLine(reader.lineOf(uses)))) {
    reader.report(uses, `${where} uses "${target}" with no "# vX" comment naming the version it pins`);
  }
}

function checkRun(run: Node, where: string, reader: WorkflowReader): void {
  const script = scalarText(run) ?? '';
  for (const [expression, inner = ''] of script.matchAll(EXPRESSION)) {
    if (UNTRUSTED_CONTEXTS.some((context) => context.test(inner))) {
      reader.report(
        run,
        `${where} interpolates ${expression.replace(/\s+/g, ' ')} into run:; pass it through env: instead`,
      );
    }
  }
}

/** A step that changes things: `live: 'true'` (or an expression that may be) or `--live` in a script. */
function runsLive(step: YAMLMap): boolean {
  const withMap = child(step, 'with');
  const live = isMap(withMap) ? scalarText(child(withMap, 'live')) : undefined;
  if (live !== undefined && (live === 'true' || live.includes('${{'))) return true;
  return LIVE_FLAG.test(scalarText(child(step, 'run')) ?? '');
}

function checkJob(job: YAMLMap, key: Node, reader: WorkflowReader): void {
  checkJobPermissions(job, key, reader);
  const name = scalarText(key) ?? '?';
  const reusable = child(job, 'uses');
  if (reusable) checkUses(reusable, `job "${name}"`, reader);
  const secrets = child(job, 'secrets');
  if (scalarText(secrets) === 'inherit') {
    reader.report(secrets, `job "${name}" passes secrets: inherit; pass the secrets it needs by name`);
  }
  const steps = child(job, 'steps');
  if (!isSeq(steps)) return;
  const bound = child(job, 'environment') !== undefined;
  steps.items.forEach((item, index) => {
    if (!isMap(item)) return;
    const where = `job "${name}" step ${index + 1}`;
    const uses = child(item, 'uses');
    if (uses) checkUses(uses, where, reader);
    const run = child(item, 'run');
    if (run) checkRun(run, where, reader);
    if (!bound && runsLive(item)) {
      reader.report(
        item,
        `${where} runs live but job "${name}" is bound to no environment:; only an environment's reviewers may let a step change things`,
      );
    }
  });
}

/** Every problem of one workflow, as `file:line: message` lines, in file order; [] when it is sound. */
export function checkWorkflow(file: string, text: string): string[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return document.errors.map((error) => `${file}: not valid YAML: ${error.message}`);
  }
  const root = document.contents;
  if (!isMap(root)) return [`${file}: a workflow is a YAML map`];
  const reader = new WorkflowReader(text, lineCounter);
  checkTriggers(child(root, 'on'), reader);
  checkTopPermissions(root, reader);
  const jobs = child(root, 'jobs');
  if (!isMap(jobs)) {
    reader.report(root, 'has no jobs:');
  } else {
    for (const pair of jobs.items) {
      const key = pair.key as Node;
      if (isMap(pair.value)) checkJob(pair.value, key, reader);
      else reader.report(key, `job "${scalarText(key) ?? '?'}" is not a map`);
    }
  }
  return reader.problems
    .sort((a, b) => a.line - b.line)
    .map((problem) => `${file}:${problem.line}: ${problem.message}`);
}
