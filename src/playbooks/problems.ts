// What `irac lint` reports and what loading refuses: a problem at a place in a file. Errors stop a
// load (the first one becomes the InputError); warnings are for the reviewer.

import type { Location } from '../config/located-yaml.js';

export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly severity: ProblemSeverity;
  readonly message: string;
}

export function problemAt(at: Location, message: string, severity: ProblemSeverity = 'error'): Problem {
  return { file: at.file, line: at.line, col: at.col, severity, message };
}

/** A problem with a whole file (unreadable, not UTF-8): reported at its first line. */
export function fileProblem(file: string, message: string): Problem {
  return { file, line: 1, col: 1, severity: 'error', message };
}

/** `playbooks/x.yaml:14:9: error: step "isolate" has unknown action "cloud:isolate"` */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.col}: ${problem.severity}: ${problem.message}`;
}

/** By file, then by position in it, as a reader goes through them. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
