// `irac lint`: every problem in the configuration and the playbooks at once, each at its line, so that
// a pull request shows all of them in one run. Warnings point at what will rot (an expired suppression,
// a playbook nobody owns) without failing the check. By default it also loads the asset registry and
// intel feeds the configuration names, as triage would: a broken one would only leave every decision
// degraded, which nobody sees until an incident.

import { lstat, open, readdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { checkConfig, DEFAULT_CONFIG_FILE, expiryMs, shownPath } from '../config/config.js';
import { InputError } from '../errors.js';
import { loadAssetRegistry } from '../triage/enrichment/assets/files.js';
import { loadIntelFeeds } from '../triage/enrichment/intel/feeds.js';
import type { EnrichmentSource } from '../types.js';
import type { Catalogue } from './catalogue.js';
import {
  CASES_DIR,
  type ConfigView,
  checkPlaybooks,
  isPlaybookFileName,
  PLAYBOOKS_DIR,
  type PlaybookFile,
} from './load.js';
import { compareProblems, fileProblem, type Problem, problemAt } from './problems.js';
import { MAX_FILE_BYTES, type RepoFiles, workingTreeFiles } from './repo-files.js';

/** A suppression expiring sooner than this is worth a warning: someone must renew it or let it go. */
const EXPIRY_WARNING_MS = 7 * 86_400_000;

export interface LintOptions {
  /** The directory the default paths are relative to. */
  readonly root: string;
  /** Files and directories to lint; the configuration and playbooks/ under `root` when empty. */
  readonly paths: readonly string[];
  /** The configuration file (relative to the working directory); linted even when paths are given. */
  readonly config?: string;
  /** Suppression expiries are judged against it. */
  readonly now: Date;
  readonly catalogue?: Catalogue;
}

export interface LintReport {
  readonly problems: readonly Problem[];
  /** The files linted, as shown in the problems. */
  readonly files: readonly string[];
}

/** A file's text, or the problem that keeps it from being read. */
async function readText(path: string, shown: string): Promise<string | Problem> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fileProblem(shown, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return fileProblem(shown, 'is not a file');
    if (info.size > MAX_FILE_BYTES)
      return fileProblem(shown, `is ${info.size} bytes; the limit is ${MAX_FILE_BYTES}`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(await handle.readFile());
    } catch {
      return fileProblem(shown, 'is not UTF-8 text');
    }
  } finally {
    await handle.close();
  }
}

/** playbooks/tests/ under any directory: test cases, not playbooks (`irac test` checks them). */
function isCasesDir(path: string): boolean {
  return resolve(path).split(sep).slice(-2).join('/') === CASES_DIR;
}

/** The YAML files under a directory, depth first and sorted; symbolic links are not followed. */
async function yamlFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !isCasesDir(path)) found.push(...(await yamlFilesUnder(path)));
    else if (entry.isFile() && isPlaybookFileName(entry.name)) found.push(path);
  }
  return found;
}

/** playbooks/*.yaml under the root: what triage loads. */
async function playbooksIn(root: string): Promise<string[]> {
  const dir = join(root, PLAYBOOKS_DIR);
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && isPlaybookFileName(entry.name))
      .map((entry) => join(dir, entry.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The files `paths` name: files as given, directories as the YAML files under them. */
async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(path);
    } catch {
      throw new InputError(path, 'no such file or directory');
    }
    if (info.isDirectory()) files.push(...(await yamlFilesUnder(path)));
    else files.push(path);
  }
  return [...new Set(files.map((file) => resolve(file)))];
}

function suppressionWarnings(config: ConfigView, now: Date): Problem[] {
  const rules = config.settings?.triage.suppressions ?? [];
  const warnings: Problem[] = [];
  for (const [index, rule] of rules.entries()) {
    const left = expiryMs(rule.expires) - now.getTime();
    const at = config.yaml?.locate(['triage', 'suppressions', index, 'expires']);
    if (!at) continue;
    if (left <= 0) {
      warnings.push(
        problemAt(
          at,
          `suppression "${rule.id}" expired on ${rule.expires}: it suppresses nothing any more; renew it (owner: ${rule.owner}) or remove it`,
          'warning',
        ),
      );
    } else if (left <= EXPIRY_WARNING_MS) {
      const days = Math.ceil(left / 86_400_000);
      warnings.push(
        problemAt(
          at,
          `suppression "${rule.id}" expires on ${rule.expires}, in ${days} day${days === 1 ? '' : 's'}: renew it (owner: ${rule.owner}) or let it lapse`,
          'warning',
        ),
      );
    }
  }
  return warnings;
}

/** The loaders of the enrichment sources kept in the repository, which triage runs on first lookup. */
const ENRICHMENT_LOADERS: Partial<
  Record<EnrichmentSource['type'], (files: RepoFiles, path: string) => Promise<unknown>>
> = {
  asset_registry: loadAssetRegistry,
  threat_intel: loadIntelFeeds,
};

/** `file:line:col`, or `file:line` (plain feeds): where the loaders' errors put a problem in a file. */
const LOCATED = /^(.+?):(\d+)(?::(\d+))?$/;

/**
 * What loading a source threw, as a problem: at its line in the file that has it, at the file for a
 * file it will not read (not UTF-8, too large), and at the source's `path` in the configuration
 * for the path itself (nothing there, a directory it cannot list).
 */
function enrichmentProblem(
  error: unknown,
  root: string,
  config: ConfigView,
  source: { readonly index: number; readonly path: string },
): Problem {
  const code = (error as NodeJS.ErrnoException).code;
  if (!(error instanceof InputError) && code === undefined) throw error;
  if (error instanceof InputError) {
    const [, file, line, col = '1'] = LOCATED.exec(error.where) ?? [];
    if (file !== undefined) {
      const at = { file: shownPath(join(root, file)), line: Number(line), col: Number(col) };
      return { ...at, severity: 'error', message: error.what };
    }
    if (error.where.startsWith(`${source.path}/`))
      return fileProblem(shownPath(join(root, error.where)), error.what);
  }
  const subject = `triage.enrichment_sources[${source.index}].path ${JSON.stringify(source.path)}`;
  const what = error instanceof InputError ? error.what : `cannot be read (${code})`;
  const at = config.yaml?.locate(['triage', 'enrichment_sources', source.index, 'path']);
  return at ? problemAt(at, `${subject}: ${what}`) : fileProblem(config.origin, `${subject}: ${what}`);
}

/** The first problem of each registry or feed the configuration names (`path`), loaded as triage would. */
async function enrichmentProblems(root: string, config: ConfigView): Promise<Problem[]> {
  const files = workingTreeFiles(root);
  const problems: Problem[] = [];
  for (const [index, source] of (config.settings?.triage.enrichment_sources ?? []).entries()) {
    const load = ENRICHMENT_LOADERS[source.type];
    if (source.path === undefined || load === undefined) continue;
    // As triage reads the path (enrichment/enrich.ts): `./assets/` is `assets`.
    const path = source.path.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    try {
      await load(files, path);
    } catch (error) {
      problems.push(enrichmentProblem(error, root, config, { index, path }));
    }
  }
  return problems;
}

/** Lints the configuration and playbooks `options` name; throws only for a path that does not exist. */
export async function lint(options: LintOptions): Promise<LintReport> {
  const root = resolve(options.root);
  const configPath = resolve(options.config ?? join(root, DEFAULT_CONFIG_FILE));
  const given = await expand(options.paths);
  const defaults = options.paths.length === 0;
  // The configuration is linted by default, when --config names it, or when it is among the paths.
  const withConfig = defaults || options.config !== undefined || given.includes(configPath);
  const playbookPaths = defaults ? await playbooksIn(root) : given.filter((path) => path !== configPath);

  const problems: Problem[] = [];
  const files: string[] = [];
  let config: ConfigView | undefined;
  if (withConfig) {
    const shown = shownPath(configPath);
    const text = await readText(configPath, shown);
    const missingDefault =
      typeof text !== 'string' && options.config === undefined && text.message === 'no such file';
    if (typeof text !== 'string') {
      // Without a file, the built-in defaults apply: that is no problem, but the default route is checked.
      if (!missingDefault) problems.push(text);
      else config = { origin: shown, settings: checkConfig('', shown).settings };
    } else {
      files.push(shown);
      const checked = checkConfig(text, shown);
      for (const problem of checked.problems) problems.push(problemAt(problem.at, problem.what));
      config = { origin: shown, yaml: checked.yaml, settings: checked.settings };
      problems.push(...suppressionWarnings(config, options.now));
    }
    if (defaults && config) problems.push(...(await enrichmentProblems(root, config)));
  }

  const playbookFiles: PlaybookFile[] = [];
  for (const path of playbookPaths) {
    const shown = shownPath(path);
    files.push(shown);
    const text = await readText(path, shown);
    if (typeof text === 'string') playbookFiles.push({ file: shown, text });
    else problems.push(text);
  }
  problems.push(...checkPlaybooks(playbookFiles, config, options.catalogue).problems);
  return { problems: problems.sort(compareProblems), files };
}
