// `irac export --format cacao`: every shipped playbook exports to a CACAO 2.0 playbook that the official
// OASIS JSON schemas (vendored under schemas/vendor/cacao/) accept, whose workflow is connected, and
// which is the same bytes for the same commit, whoever exports it.

import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json' with { type: 'json' };
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/export-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { InputError } from '../../src/errors.js';
import { cacaoPlaybookId, uuidV5 } from '../../src/interop/cacao.js';
import type { JsonObject } from '../../src/json.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { git, scratchDir, scratchRepo } from '../helpers/git.js';

const SCHEMAS = join(REPO_ROOT, 'schemas/vendor/cacao');
const PLAYBOOK_SCHEMA =
  'https://raw.githubusercontent.com/oasis-open/cacao-json-schemas/main/schemas/playbook.json';
const SHIPPED = readdirSync(join(REPO_ROOT, 'playbooks'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''))
  .sort();

/** The vendored schemas, each registered under its $id so that their relative $refs resolve offline. */
function cacaoValidator(): ValidateFunction {
  // They declare draft-07 but are written for 2019-09 semantics (unevaluatedProperties over allOf and
  // $ref): Ajv's 2019 class evaluates them so, with the draft-07 meta-schema added for their $schema.
  // Strict mode would refuse their `$ref` with sibling keywords.
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft07);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) ajv.addSchema(JSON.parse(readFileSync(path, 'utf8')));
    }
  };
  walk(SCHEMAS);
  const validate = ajv.getSchema(PLAYBOOK_SCHEMA);
  if (!validate) throw new Error('playbook.json is not among the vendored schemas');
  return validate;
}

function capture(): CliIo & { out: () => string } {
  let out = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: () => {},
    readStdin: async () => undefined,
    out: () => out,
  };
}

async function exported(repo: string, id: string, ref?: string): Promise<string> {
  const io = capture();
  await exportCommand(id, { format: 'cacao', repo, ...(ref ? { ref } : {}) }, io);
  return io.out();
}

/** A commit with a fixed date, so that created/modified are known. */
function commitAt(dir: string, date: string, message: string): void {
  execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', message],
    {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    },
  );
}

/** A fork of this template's playbooks and configuration, committed on 2026-03-01. */
function templateRepo(): string {
  const dir = scratchRepo();
  cpSync(join(REPO_ROOT, 'playbooks'), join(dir, 'playbooks'), { recursive: true });
  cpSync(join(REPO_ROOT, 'incident-response-config.yaml'), join(dir, 'incident-response-config.yaml'));
  git(dir, 'add', '-A');
  commitAt(dir, '2026-03-01T09:00:00Z', 'playbooks');
  return dir;
}

let validate: ValidateFunction;
let repo: string;
beforeAll(() => {
  validate = cacaoValidator();
  repo = templateRepo();
});

/** Every step id one step names as the next. */
function pointers(step: JsonObject): string[] {
  return ['on_completion', 'on_success', 'on_failure', 'on_true', 'on_false'].flatMap((key) =>
    typeof step[key] === 'string' ? [step[key] as string] : [],
  );
}

describe('irac export --format cacao', () => {
  it.each(SHIPPED)('%s validates against the CACAO 2.0 schemas', async (id) => {
    const cacao = JSON.parse(await exported(repo, id)) as JsonObject;
    const ok = validate(cacao);
    expect(ok ? [] : validate.errors).toEqual([]);
    expect(cacao.id).toBe(cacaoPlaybookId(id));
    expect(cacao.created).toBe('2026-03-01T09:00:00.000Z');
  });

  it.each(SHIPPED)(
    '%s: one action per step, in order, every pointer resolved, agents and targets defined',
    async (id) => {
      const cacao = JSON.parse(await exported(repo, id)) as JsonObject;
      const workflow = cacao.workflow as Record<string, JsonObject>;
      const agents = cacao.agent_definitions as JsonObject;
      const targets = cacao.target_definitions as JsonObject;
      const yamlSteps = [
        ...readFileSync(join(REPO_ROOT, 'playbooks', `${id}.yaml`), 'utf8').matchAll(/^ {2}- id: (\S+)/gm),
      ].map((m) => m[1]);
      // Walk the main line from the start: conditions go on with on_completion, actions with on_success/on_completion.
      const visited: string[] = [];
      let at = workflow[cacao.workflow_start as string];
      let guard = 0;
      while (at && at.type !== 'end' && guard++ < 100) {
        if (at.type === 'if-condition') {
          const action = workflow[at.on_true as string] as JsonObject;
          visited.push(action.name as string);
          const branchEnd = workflow[(action.on_success ?? action.on_completion) as string] as JsonObject;
          expect(branchEnd.type).toBe('end');
        } else if (at.type === 'action') {
          visited.push(at.name as string);
        }
        at = workflow[((at.on_success ?? at.on_completion) as string) ?? ''];
      }
      expect(visited).toEqual(yamlSteps);
      for (const step of Object.values(workflow)) {
        for (const next of pointers(step)) expect(workflow[next], next).toBeDefined();
        if (step.type !== 'action') continue;
        expect(agents[step.agent as string]).toBeDefined();
        for (const target of step.targets as string[]) expect(targets[target]).toBeDefined();
      }
      expect(workflow[cacao.workflow_exception as string]?.type).toBe('end');
    },
  );

  it('is the same bytes twice, and from another clone of the same commit', async () => {
    const first = await exported(repo, 'aws-compromised-ec2-instance');
    expect(await exported(repo, 'aws-compromised-ec2-instance')).toBe(first);
    const clone = `${scratchDir('irac-clone-')}/work`;
    git(repo, 'clone', '--quiet', repo, clone);
    expect(await exported(clone, 'aws-compromised-ec2-instance')).toBe(first);
  });

  it('takes created from the first commit of the file and modified from the last; the id stays', async () => {
    const dir = templateRepo();
    const before = JSON.parse(await exported(dir, 'queue-for-review')) as JsonObject;
    const file = join(dir, 'playbooks/queue-for-review.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^version: .*$/m, 'version: 9.9.9'));
    git(dir, 'add', '-A');
    commitAt(dir, '2026-04-02T10:30:00Z', 'queue-for-review 9.9.9');
    const after = JSON.parse(await exported(dir, 'queue-for-review')) as JsonObject;
    expect(after.created).toBe('2026-03-01T09:00:00.000Z');
    expect(after.modified).toBe('2026-04-02T10:30:00.000Z');
    expect(after.id).toBe(before.id);
    expect(after.labels).toContain('version:9.9.9');
    // The commit before the change still exports as it was.
    expect(JSON.parse(await exported(dir, 'queue-for-review', 'HEAD~1'))).toEqual(before);
    // The working tree does not count: an uncommitted edit exports nothing new.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^version: .*$/m, 'version: 10.0.0'));
    expect(JSON.parse(await exported(dir, 'queue-for-review'))).toEqual(after);
  });

  it('carries the trigger, the tier and each step as irac runs it in the irac extension', async () => {
    const cacao = JSON.parse(await exported(repo, 'aws-compromised-iam-credentials')) as JsonObject;
    const [extension] = Object.values(cacao.playbook_extensions as JsonObject) as JsonObject[];
    expect(extension).toMatchObject({
      playbook_id: 'aws-compromised-iam-credentials',
      tier: { environment: 'ir-containment' },
    });
    expect((extension as JsonObject).trigger).toMatchObject({ language: 'cel' });
    const conditions = Object.values(cacao.workflow as Record<string, JsonObject>).filter(
      (s) => s.type === 'if-condition',
    );
    expect(conditions.length).toBeGreaterThan(0);
    for (const condition of conditions) expect(condition.condition).toMatch(/event\.resources\.exists/);
  });

  it('the schemas refuse what CACAO does not allow: the validation is not vacuous', async () => {
    const cacao = JSON.parse(await exported(repo, 'queue-for-review')) as JsonObject;
    const workflow = cacao.workflow as Record<string, JsonObject>;
    const [actionId] = Object.keys(workflow).filter((key) => key.startsWith('action--'));
    const broken: JsonObject[] = [
      { ...cacao, created_by: undefined as never },
      { ...cacao, irac_priority: 20 },
      { ...cacao, spec_version: 'cacao-1.0' },
      {
        ...cacao,
        workflow: { ...workflow, [actionId as string]: { ...workflow[actionId as string], agent: 'irac' } },
      },
      {
        ...cacao,
        workflow: { ...workflow, [actionId as string]: { ...workflow[actionId as string], commands: [] } },
      },
      { ...cacao, created: '2026-03-01 09:00:00' },
    ].map((value) => JSON.parse(JSON.stringify(value)) as JsonObject);
    expect(broken.map((value) => validate(value))).toEqual(broken.map(() => false));
  });

  it('refuses an unknown playbook and an unknown format with one line', async () => {
    await expect(exported(repo, 'no-such-playbook')).rejects.toThrow(InputError);
    await expect(exported(repo, 'no-such-playbook')).rejects.toThrow(
      /is not a playbook at HEAD \(there are: /,
    );
    await expect(
      exportCommand('queue-for-review', { format: 'stix' as never, repo }, capture()),
    ).rejects.toThrow(/"stix" is not one of: cacao/);
    await expect(exported(repo, 'queue-for-review', 'no-such-ref')).rejects.toThrow(/names no commit/);
  });

  it('derives UUIDv5 as RFC 4122 does', () => {
    // RFC 4122 appendix-style check: the DNS namespace and "python.org" (the value Python's uuid module documents).
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });
});
