// The git incident store under load, each figure a ratio against a baseline measured in this run:
// - ingest latency in a store of 10,000 incidents against an empty one (target ≤ 1.5), without a
//   remote and with a bare origin;
// - `irac verify` over that history against a plain `git log` of it (target ≤ 3);
// - a burst of 50 concurrent `irac ingest` processes, each in its own clone of one bare origin, against
//   the same 50 run one after another (target ≤ 1): every event lands, none twice.
// IRAC_BENCH_INCIDENTS shrinks the large store for a quick run.

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { verifyStore } from '../src/forensics/verify.js';
import { type EventWithEvidence, normalizeWithEvidence } from '../src/ingest/normalize.js';
import { Git } from '../src/store/git.js';
import { type RecordContext, recordEvents } from '../src/store/record.js';
import { IncidentRepository } from '../src/store/repository.js';
import { type BenchResult, git, median, ms, REPO_ROOT, Scratch, targetText, timed } from './helpers.js';

const DEFAULT_INCIDENTS = 10_000;
const INGEST_RUNS = 15;
const LOG_RUNS = 3;
const BURST_SIZE = 50;
const BUILD_CHUNK = 1000;

const CONTEXT: RecordContext = { actor: 'bench', correlationWindowMs: 3_600_000, now: () => new Date() };

function incidentCount(): number {
  const text = process.env.IRAC_BENCH_INCIDENTS;
  if (text === undefined || text === '') return DEFAULT_INCIDENTS;
  const count = Number(text);
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new Error(`IRAC_BENCH_INCIDENTS: ${JSON.stringify(text)} is not a positive whole number`);
  }
  return count;
}

let serial = 0;

/** A generic payload of its own resource, so its fingerprint opens a new incident. */
function uniquePayload(label: string): string {
  serial++;
  return JSON.stringify({
    id: `bench-${label}-${serial}`,
    timestamp: '2026-03-01T09:58:12Z',
    severity: 'high',
    kind: 'bench.synthetic',
    title: 'Synthetic benchmark event',
    resource: `bench:host/${label}-${serial}`,
    actor: 'bench',
  });
}

function uniqueEvents(label: string, count: number): EventWithEvidence[] {
  const lines = Array.from({ length: count }, () => uniquePayload(label));
  return [...normalizeWithEvidence(Buffer.from(`${lines.join('\n')}\n`), { name: `${label}.ndjson` })];
}

/** A repository on `main` with one commit, like a freshly forked template. */
function seedRepo(scratch: Scratch, label: string): string {
  const dir = scratch.dir(label);
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'user.name', 'irac bench');
  git(dir, 'config', 'user.email', 'bench@irac.invalid');
  writeFileSync(join(dir, 'README.md'), '# security team\n');
  git(dir, 'add', 'README.md');
  git(dir, 'commit', '--quiet', '-m', 'initial');
  return dir;
}

/** Gives `dir` a bare `origin` holding its history, tracked by main: a workflow's checkout. */
function addOrigin(scratch: Scratch, dir: string, label: string): void {
  const origin = join(scratch.dir(`${label}-origin`), 'origin.git');
  git(dir, 'clone', '--quiet', '--bare', dir, origin);
  git(dir, 'remote', 'add', 'origin', origin);
  git(dir, 'fetch', '--quiet', 'origin');
  git(dir, 'branch', '--quiet', '--set-upstream-to=origin/main', 'main');
}

async function ingest(repository: IncidentRepository, items: readonly EventWithEvidence[]) {
  // The built-in store settings, as `irac ingest` uses them in a repository without a config file.
  const config = await loadConfig({ repoRoot: repository.root });
  return repository.apply((tx) => recordEvents(tx, items, CONTEXT), config);
}

/**
 * The large store, built by `irac ingest` itself (one commit per event) in NDJSON chunks, each in a
 * child process so this one stays small: every git command the measured ingests spawn forks this
 * process, and a heap grown by the build would slow the fork down. Packed between chunks, as a store
 * that grew over many workflow runs (each a fresh clone) is; loose objects would make each commit's
 * rewrite of the month's tree look its entries up one file at a time.
 */
async function buildLargeStore(scratch: Scratch, count: number) {
  const dir = seedRepo(scratch, 'large');
  const chunkDir = scratch.dir('chunks');
  const start = performance.now();
  for (let done = 0; done < count; done += BUILD_CHUNK) {
    const size = Math.min(BUILD_CHUNK, count - done);
    const file = join(chunkDir, `chunk-${done}.ndjson`);
    writeFileSync(file, `${Array.from({ length: size }, () => uniquePayload('large')).join('\n')}\n`);
    const run = await iracIngest([file, '--json'], dir);
    const recorded = run.stdout.split('\n').filter((line) => line.includes('"outcome":"opened"')).length;
    if (run.code !== 0 || recorded !== size) {
      throw new Error(`building the store: ${recorded} of ${size} events opened an incident; ${run.stderr}`);
    }
    git(dir, 'repack', '-d', '-q');
  }
  return { dir, buildMs: performance.now() - start };
}

/** Median single-event ingest in each repository, runs interleaved so drift hits both alike. */
async function ingestMedians(dirs: readonly string[]): Promise<number[]> {
  const repositories = await Promise.all(dirs.map((dir) => IncidentRepository.open(dir)));
  const samples = repositories.map((): number[] => []);
  for (let run = 0; run <= INGEST_RUNS; run++) {
    for (const [i, repository] of repositories.entries()) {
      const items = uniqueEvents('single', 1);
      const { ms: took, value: applied } = await timed(() => ingest(repository, items));
      if (applied.commits.length !== 1) throw new Error(`an ingest made ${applied.commits.length} commits`);
      if (run > 0) samples[i]?.push(took); // the first run of each warms caches and the JIT
    }
  }
  return samples.map(median);
}

function ingestResult(
  name: string,
  where: string,
  incidents: string,
  empty: number,
  large: number,
): BenchResult {
  const ratio = large / empty;
  const target = { better: 'lower', target: 1.5 } as const;
  return {
    name,
    ratio,
    ...target,
    lines: [
      `${name}: median of ${INGEST_RUNS} single-event ingests (IncidentRepository.apply), ${where}`,
      `  empty store             ${ms(empty)}`,
      `  ${incidents.padEnd(24)}${ms(large).padEnd(11)}ratio ${ratio.toFixed(2)} ${targetText(target)}`,
    ],
  };
}

/** Wall time of `git log` (default format) over the branch, its output read to the end. */
function timeGitLog(dir: string, args: readonly string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('git', ['log', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || bytes === 0) reject(new Error(`git log exited ${code} after ${bytes} bytes`));
      else resolve(performance.now() - start);
    });
  });
}

async function benchVerify(dir: string): Promise<BenchResult> {
  await timeGitLog(dir); // warms the page cache for both
  const logMs: number[] = [];
  for (let run = 0; run < LOG_RUNS; run++) logMs.push(await timeGitLog(dir));
  const log = median(logMs);
  // The walk verify cannot do without: which files each commit touched. Printed for context only.
  const withPaths = await timeGitLog(dir, ['--name-only', '--', 'incidents/']);
  const verified = await timed(() =>
    verifyStore(new Git(dir), { allowedSignersPath: '.github/allowed_signers', requireSigned: false }),
  );
  const report = verified.value;
  if (report.problems.length > 0) {
    throw new Error(`verify found ${report.problems.length} problems, first: ${report.problems[0]}`);
  }
  const ratio = verified.ms / log;
  const target = { better: 'lower', target: 3 } as const;
  return {
    name: 'verify',
    ratio,
    ...target,
    lines: [
      `verify: ${report.commits.toLocaleString('en')} commits, ${report.incidents.toLocaleString('en')} incidents, 0 problems`,
      `  git log (median of ${LOG_RUNS})    ${ms(log)}`,
      `  verifyStore             ${ms(verified.ms).padEnd(11)}ratio ${ratio.toFixed(2)} ${targetText(target)}`,
      `  (git log --name-only -- incidents/: ${ms(withPaths)}, verify ${(verified.ms / withPaths).toFixed(2)}× that)`,
    ],
  };
}

interface IngestRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `irac ingest ARGS` in `cwd`, as a workflow run starts it. */
function iracIngest(args: readonly string[], cwd: string): Promise<IngestRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/irac.js'), 'ingest', ...args], {
      cwd,
      env: { ...process.env, IRAC_ACTOR: 'bench' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The events on origin's main: how many distinct ones, and how many files record one a second time. */
function eventsOnOrigin(origin: string): { landed: number; duplicated: number } {
  const files = git(origin, 'ls-tree', '-r', '--name-only', 'main', '--', 'incidents/')
    .split('\n')
    .filter((path) => /\/events\/[a-z]+-[0-9a-f]{32}\.json$/.test(path));
  const ids = new Set(files.map((path) => path.slice(path.lastIndexOf('/') + 1)));
  return { landed: ids.size, duplicated: files.length - ids.size };
}

/** The payloads ingested by processes each in its own clone of a fresh origin: in turn, or all at once. */
async function ingestProcesses(scratch: Scratch, files: readonly string[], mode: 'sequential' | 'burst') {
  const seed = seedRepo(scratch, `${mode}-seed`);
  const origin = join(scratch.dir(`${mode}-origin`), 'origin.git');
  git(seed, 'clone', '--quiet', '--bare', seed, origin);
  const clonesDir = scratch.dir(`${mode}-clones`);
  const clones = files.map((_, i) => {
    const dir = join(clonesDir, String(i));
    git(clonesDir, 'clone', '--quiet', origin, dir);
    return dir;
  });
  const { ms: wallMs, value: runs } = await timed(async () => {
    if (mode === 'burst') return Promise.all(files.map((file, i) => iracIngest([file], clones[i] as string)));
    const inTurn: IngestRun[] = [];
    for (const [i, file] of files.entries()) inTurn.push(await iracIngest([file], clones[i] as string));
    return inTurn;
  });
  const failed = runs.filter((run) => run.code !== 0);
  const { landed, duplicated } = eventsOnOrigin(origin);
  if (duplicated > 0) throw new Error(`${mode}: ${duplicated} events recorded twice`);
  if (landed !== runs.length - failed.length) {
    throw new Error(`${mode}: ${runs.length - failed.length} runs succeeded but ${landed} events landed`);
  }
  // The human output says "after N attempts" when it took more than one.
  const maxAttempts = Math.max(
    ...runs.map((run) => Number(/ after (\d+) attempts\)/.exec(run.stdout)?.[1] ?? 1)),
  );
  const firstFailure = failed[0]?.stderr.trim().split('\n').at(-1);
  const summary =
    `${landed} landed, ${duplicated} duplicated, max ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'}` +
    (failed.length > 0 ? `, ${failed.length} failed (${firstFailure})` : '');
  return { wallMs, summary };
}

async function benchBurst(scratch: Scratch): Promise<BenchResult> {
  const payloadDir = scratch.dir('payloads');
  const files = Array.from({ length: BURST_SIZE }, (_, i) => {
    const file = join(payloadDir, `event-${i}.json`);
    writeFileSync(file, uniquePayload('burst'));
    return file;
  });
  const sequential = await ingestProcesses(scratch, files, 'sequential');
  const burst = await ingestProcesses(scratch, files, 'burst');
  const ratio = burst.wallMs / sequential.wallMs;
  const target = { better: 'lower', target: 1 } as const;
  return {
    name: 'burst',
    ratio,
    ...target,
    lines: [
      `burst: ${BURST_SIZE} \`irac ingest\` processes, each in its own clone of one bare origin`,
      `  one after another       ${ms(sequential.wallMs).padEnd(11)}${sequential.summary}`,
      `  all at once             ${ms(burst.wallMs).padEnd(11)}${burst.summary}`,
      `${''.padEnd(37)}ratio ${ratio.toFixed(2)} ${targetText(target)}`,
    ],
  };
}

/**
 * The store's benchmarks, each yielded as soon as it is measured; temp dirs removed at the end. Ingest
 * latencies come first, while this process is small (see buildLargeStore); verify grows it.
 */
export async function* benchStore(): AsyncGenerator<BenchResult> {
  const count = incidentCount();
  const incidents = `${count.toLocaleString('en')} incidents`;
  const scratch = new Scratch();
  try {
    const large = await buildLargeStore(scratch, count);
    console.log(
      `store: built ${incidents} (${count.toLocaleString('en')} commits) with \`irac ingest\` in ${ms(large.buildMs)}, ${(large.buildMs / count).toFixed(1)} ms per event`,
    );
    const empty = seedRepo(scratch, 'empty');
    const [emptyLocal = 0, largeLocal = 0] = await ingestMedians([empty, large.dir]);
    yield ingestResult('ingest', 'no remote', incidents, emptyLocal, largeLocal);
    addOrigin(scratch, empty, 'empty');
    addOrigin(scratch, large.dir, 'large');
    const [emptyRemote = 0, largeRemote = 0] = await ingestMedians([empty, large.dir]);
    yield ingestResult('ingest (origin)', 'pushing to a bare origin', incidents, emptyRemote, largeRemote);
    yield await benchVerify(large.dir);
    yield await benchBurst(scratch);
  } finally {
    scratch.dispose();
  }
}
