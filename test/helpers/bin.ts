// The compiled bin in a child process, as a workflow or a responder runs it. Spawned without blocking this
// process, so that loopback servers a test runs in it can answer the bin.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { REPO_ROOT } from './corpus.js';

export const BIN = join(REPO_ROOT, 'bin/irac.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runBin(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  node: string = process.execPath,
): Promise<Run> {
  const child = spawn(node, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}
