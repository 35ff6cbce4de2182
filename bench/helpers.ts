// What every benchmark shares: the shape of a result, and the statistics and scratch space it needs.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, seen from `lib/bench/` where the compiled benchmarks run. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface BenchResult {
  readonly name: string;
  /** The measurement against its baseline from the same run. */
  readonly ratio: number;
  /** The ratio to meet; null for a figure reported for comparison, with no target of its own. */
  readonly target: number | null;
  /** Throughput ratios want to be high, latency ratios low. */
  readonly better: 'higher' | 'lower';
  readonly lines: readonly string[];
}

export function meetsTarget(result: BenchResult): boolean {
  if (result.target === null) return true;
  return result.better === 'higher' ? result.ratio >= result.target : result.ratio <= result.target;
}

/** `(target ≥ 0.5)` or `(target ≤ 1.5)`, as a result line ends. */
export function targetText(result: Pick<BenchResult, 'better' | 'target'>): string {
  if (result.target === null) return '(no target)';
  return `(target ${result.better === 'higher' ? '≥' : '≤'} ${result.target})`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) throw new Error('median of no values');
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await task();
  return { ms: performance.now() - start, value };
}

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`;
}

const IDENTITY = ['-c', 'user.name=irac bench', '-c', 'user.email=bench@irac.invalid'];

/** Runs git in `cwd` (setup and inspection only, never what is measured); stdout without its last break. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  }).replace(/\n$/, '');
}

/** Temporary directories, all removed by `dispose()` however the benchmark ends. */
export class Scratch {
  private readonly dirs: string[] = [];

  dir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), `irac-bench-${prefix}-`));
    this.dirs.push(dir);
    return dir;
  }

  dispose(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/** The corpus's bulk CloudTrail file when present, else the project's own fixture records; one per line. */
export function cloudTrailLines(): { lines: string[]; origin: string } {
  const bulkDir = resolve(process.env.IRAC_CORPUS ?? join(REPO_ROOT, '../shared/corpus'), 'cloudtrail/bulk');
  const bulk = existsSync(bulkDir) ? readdirSync(bulkDir).find((f) => f.endsWith('.ndjson')) : undefined;
  const file = bulk ? join(bulkDir, bulk) : join(REPO_ROOT, 'test/fixtures/cloudtrail/records.ndjson');
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return { lines, origin: file };
}

/** The fastest of `runs` runs of `task`, in milliseconds: the least disturbed by the rest of the machine. */
export async function bestOf(runs: number, task: () => unknown): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
