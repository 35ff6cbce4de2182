// The CLI's contact with the process, injectable so tests run commands in-process.

import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** All of standard input; undefined when stdin is a terminal (nothing piped). */
  readonly readStdin: () => Promise<Uint8Array | undefined>;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    if (process.stdin.isTTY) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};

/** Reads FILE, or standard input for `-`; returns the bytes and the name errors should use. */
export async function readInput(
  file: string | undefined,
  io: CliIo,
): Promise<{ bytes: Uint8Array; name: string }> {
  if (file === undefined || file === '-') {
    const bytes = await io.readStdin();
    if (bytes === undefined)
      throw new InputError('stdin', 'no input: give a FILE or pipe events to standard input');
    return { bytes, name: 'stdin' };
  }
  try {
    if ((await stat(file)).isDirectory()) throw new InputError(file, 'is a directory, expected a file');
    return { bytes: await readFile(file), name: file };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new InputError(file, what);
  }
}
