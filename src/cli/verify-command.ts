// `irac verify [--repo DIR] [--config FILE] [--allowed-signers FILE] [--json]`: the store's integrity.
// Problems go to stdout, one `path:line: what` per line; the verdict to stderr; exit 1 when any.

import { loadConfig } from '../config/config.js';
import { OperationError } from '../errors.js';
import { verifyStore } from '../forensics/verify.js';
import { IncidentRepository } from '../store/repository.js';
import type { CliIo } from './io.js';

export interface VerifyCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly allowedSigners?: string;
  readonly json?: boolean;
}

export async function verifyCommand(options: VerifyCommandOptions, io: CliIo, isTty = process.stderr.isTTY) {
  const repository = await IncidentRepository.open(options.repo ?? process.cwd());
  const config = await loadConfig({
    repoRoot: repository.root,
    ...(options.config ? { file: options.config } : {}),
  });
  const report = await verifyStore(repository.git, {
    allowedSignersPath: config.signing.allowedSigners,
    allowedSignersFile: options.allowedSigners,
    requireSigned: config.signing.requireSigned,
    onProgress: isTty
      ? (phase, done, total) => io.stderr(`\rverifying ${phase}: ${done}${total ? `/${total}` : ''}\x1b[K`)
      : undefined,
  });
  if (isTty) io.stderr('\r\x1b[K');
  if (options.json) {
    io.stdout(`${JSON.stringify({ ok: report.problems.length === 0, ...report })}\n`);
  } else {
    for (const problem of report.problems) io.stdout(`${problem}\n`);
  }
  const scope = `${report.incidents} incident${report.incidents === 1 ? '' : 's'}, ${report.events} event${report.events === 1 ? '' : 's'}, ${report.commits} commit${report.commits === 1 ? '' : 's'}${report.signed > 0 ? ` (${report.signed} signed)` : ''}`;
  if (report.problems.length > 0) {
    throw new OperationError(
      `verify: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${scope}`,
    );
  }
  if (!options.json) io.stdout(`verify: ok — ${scope}\n`);
}
