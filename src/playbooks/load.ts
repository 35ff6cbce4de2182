// All the playbooks of a repository: the files playbooks/<id>.yaml and the configuration's inline
// `playbooks:`, checked together (ids are unique across both; the default route must exist) and
// compiled for triage, in the order triage evaluates them.

import { basename } from 'node:path';
import type { ParsedConfig, Settings } from '../config/config.js';
import { defaultSettings, PATTERN_PHRASES } from '../config/config.js';
import { type LocatedYaml, parseLocatedYaml, YamlError } from '../config/located-yaml.js';
import { closestOf, schemaProblem } from '../config/schema-problems.js';
import { InputError } from '../errors.js';
import type { PlaybookDefinition } from '../types.js';
import { playbookValidator } from '../validation.js';
import { type Catalogue, shippedCatalogue } from './catalogue.js';
import { compilePlaybook, type DefinitionSource } from './compile.js';
import type { Playbook } from './playbook.js';
import { compareProblems, fileProblem, type Problem, problemAt } from './problems.js';
import type { RepoFiles } from './repo-files.js';

/** Where playbook files live, relative to the repository root. */
export const PLAYBOOKS_DIR = 'playbooks';

/** Where playbook test cases live (cases.ts): beside the playbooks, never read as playbooks. */
export const CASES_DIR = `${PLAYBOOKS_DIR}/tests`;

/** A playbook file's name and text. */
export interface PlaybookFile {
  readonly file: string;
  readonly text: string;
}

/**
 * The configuration as far as playbooks need it: its inline playbooks (from the parsed file) and the
 * default route (from its settings, absent when the configuration itself has problems).
 */
export interface ConfigView {
  readonly origin: string;
  readonly yaml?: LocatedYaml | undefined;
  readonly settings?: Settings | undefined;
}

export function isPlaybookFileName(name: string): boolean {
  return /\.ya?ml$/.test(name);
}

/** A definition the schema accepted, and where it is written. */
interface Definition {
  readonly source: DefinitionSource;
  readonly value: PlaybookDefinition;
}

function fileDefinition({ file, text }: PlaybookFile, problems: Problem[]): Definition | undefined {
  let yaml: LocatedYaml;
  try {
    yaml = parseLocatedYaml(text, file);
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    problems.push(problemAt(error.at, error.what));
    return undefined;
  }
  if (yaml.value === null || yaml.value === undefined) {
    problems.push(fileProblem(file, 'is empty: a playbook file holds one playbook'));
    return undefined;
  }
  const validate = playbookValidator();
  if (!validate(yaml.value)) {
    for (const error of validate.errors ?? []) {
      const problem = schemaProblem(error, PATTERN_PHRASES, 'the playbook');
      if (problem) problems.push(problemAt(yaml.locate(problem.path, problem.key), problem.what));
    }
    return undefined;
  }
  const id = yaml.value.id;
  const stem = basename(file).replace(/\.ya?ml$/, '');
  if (stem !== id) {
    problems.push(
      problemAt(
        yaml.locate(['id']),
        `playbook "${id}" is in ${basename(file)}: its file must be named ${id}.yaml, one playbook per file`,
      ),
    );
  }
  return { source: { yaml, base: [] }, value: yaml.value };
}

/**
 * Checks and compiles the playbooks of `files` and of the configuration, reporting every problem
 * (warnings too). Playbooks come back in evaluation order: ascending priority, then id.
 */
export function checkPlaybooks(
  files: readonly PlaybookFile[],
  config: ConfigView | undefined,
  catalogue: Catalogue = shippedCatalogue(),
): { playbooks: Playbook[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const definitions: Definition[] = [];

  // Inline playbooks that do not fit the schema are the configuration's own problems, reported by it.
  const inline = (config?.yaml?.value as { playbooks?: unknown } | null | undefined)?.playbooks;
  if (config?.yaml && Array.isArray(inline)) {
    for (const [index, value] of inline.entries()) {
      const validate = playbookValidator();
      if (validate(value))
        definitions.push({ source: { yaml: config.yaml, base: ['playbooks', index] }, value });
    }
  }
  for (const file of files) {
    const definition = fileDefinition(file, problems);
    if (definition) definitions.push(definition);
  }

  // Without a configuration, its defaults; a configuration with problems reports them itself.
  const settings = config === undefined ? defaultSettings() : config.settings;
  const environments = settings?.orchestrator.approval_environments;
  const compiled: Playbook[] = [];
  const firstAt = new Map<string, string>();
  for (const { source, value } of definitions) {
    const idAt = source.yaml.locate([...source.base, 'id']);
    const first = firstAt.get(value.id);
    if (first === undefined) firstAt.set(value.id, idAt.where);
    else problems.push(problemAt(idAt, `duplicate playbook id "${value.id}" (first at ${first})`));
    const result = compilePlaybook(value, source, catalogue, environments);
    problems.push(...result.problems);
    if (result.playbook) compiled.push(result.playbook);
  }

  const fallback = config?.settings?.triage.default_playbook;
  if (config && fallback !== undefined && fallback !== null && !firstAt.has(fallback)) {
    const written = (config.yaml?.value as { triage?: { default_playbook?: unknown } } | null | undefined)
      ?.triage?.default_playbook;
    const guess = closestOf(fallback, firstAt.keys());
    const hint = guess ? ` (did you mean "${guess}"?)` : '';
    if (config.yaml && written !== undefined) {
      problems.push(
        problemAt(
          config.yaml.locate(['triage', 'default_playbook']),
          `triage.default_playbook "${fallback}" is not a playbook${hint}`,
        ),
      );
    } else {
      problems.push(
        fileProblem(
          config.origin,
          `triage.default_playbook is "${fallback}" by default, which is not a playbook: add ${PLAYBOOKS_DIR}/${fallback}.yaml, or set triage.default_playbook (null routes nowhere)`,
        ),
      );
    }
  }

  // A budget on a name the catalogue lacks would count nothing and hold nothing back.
  for (const [index, budget] of (config?.settings?.orchestrator.budgets ?? []).entries()) {
    const spec = catalogue.get(budget.action);
    if (!config?.yaml || (spec && spec.runs === budget.action)) continue;
    if (spec) {
      problems.push(
        problemAt(
          config.yaml.locate(['orchestrator', 'budgets', index, 'action']),
          `orchestrator.budgets[${index}].action "${budget.action}" stands for "${spec.runs}": name that, so that steps naming either count`,
        ),
      );
      continue;
    }
    const guess = closestOf(budget.action, catalogue.names);
    problems.push(
      problemAt(
        config.yaml.locate(['orchestrator', 'budgets', index, 'action']),
        `orchestrator.budgets[${index}].action "${budget.action}" is not a catalogue action${guess ? ` (did you mean "${guess}"?)` : ''}: the budget would never count anything`,
      ),
    );
  }

  const playbooks = compiled.sort(
    (a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { playbooks, problems: problems.sort(compareProblems) };
}

/**
 * The repository's playbooks, for triage: playbooks/*.yaml of `files` and the configuration's inline
 * ones, compiled and in evaluation order. Throws an InputError (file:line:col) at the first error.
 */
export async function loadPlaybooks(
  files: RepoFiles,
  config: ParsedConfig,
  catalogue: Catalogue = shippedCatalogue(),
): Promise<Playbook[]> {
  const names = (await files.list(PLAYBOOKS_DIR)).filter(isPlaybookFileName);
  const texts: PlaybookFile[] = [];
  for (const name of names) {
    const file = `${PLAYBOOKS_DIR}/${name}`;
    const text = await files.readText(file);
    if (text !== undefined) texts.push({ file, text });
  }
  const { playbooks, problems } = checkPlaybooks(texts, config, catalogue);
  const error = problems.find((problem) => problem.severity === 'error');
  if (error) throw new InputError(`${error.file}:${error.line}:${error.col}`, error.message);
  return playbooks;
}
