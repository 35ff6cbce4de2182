// `irac verify` and incidents/README.md: written only by `irac metrics --write`, in commits of its own,
// and always what irac renders from the store at the commit that wrote it.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { metricsCommand } from '../../src/cli/metrics-command.js';
import { verifyStore } from '../../src/forensics/verify.js';
import { normalizeWithEvidence } from '../../src/ingest/normalize.js';
import { Git } from '../../src/store/git.js';
import { recordEvents } from '../../src/store/record.js';
import { IncidentRepository } from '../../src/store/repository.js';
import { git, scratchRepo } from '../helpers/git.js';

const OPTIONS = { allowedSignersPath: '.github/allowed_signers', requireSigned: false };
const io: CliIo = { stdout: () => {}, stderr: () => {}, readStdin: async () => undefined };

async function storeWithReadme(): Promise<string> {
  const dir = scratchRepo();
  const repository = await IncidentRepository.open(dir);
  const bytes = Buffer.from(
    `${JSON.stringify({ id: 'a', timestamp: '2026-03-01T09:58:12Z', severity: 'critical', kind: 'k', title: 'T', resource: 'r' })}\n`,
  );
  const items = [...normalizeWithEvidence(bytes, { source: 'generic', name: 'test' })];
  await repository.apply(
    (tx) =>
      recordEvents(tx, items, { actor: 'analyst', correlationWindowMs: 3_600_000, now: () => new Date() }),
    { pushAttempts: 1, backoffBaseMs: 0, backoffMaxMs: 0 },
  );
  await metricsCommand({ repo: dir, write: true }, io);
  return dir;
}

const problems = async (dir: string) => (await verifyStore(new Git(dir), OPTIONS)).problems;

describe('verify and incidents/README.md', () => {
  it('accepts the README a metrics commit wrote', async () => {
    const dir = await storeWithReadme();
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('metrics: incidents/README.md regenerated');
    expect(await problems(dir)).toEqual([]);
  });

  it('names a hand edit of the README', async () => {
    const dir = await storeWithReadme();
    const file = join(dir, 'incidents/README.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Open incidents (1)', '## Open incidents (0)'));
    git(dir, 'commit', '--quiet', '--all', '-m', 'tidy');
    const sha = git(dir, 'rev-parse', 'HEAD');
    const found = await problems(dir);
    expect(found).toContain(
      `commit ${sha}: changes incidents/README.md without irac's trailers (Incident-Id, Irac-Action, Irac-Actor, Irac-Audit): not made by irac`,
    );
    expect(found.some((p) => p.startsWith('incidents/README.md: not what irac renders'))).toBe(true);
  });

  it('names an edit folded into the metrics commit, trailers kept', async () => {
    const dir = await storeWithReadme();
    const file = join(dir, 'incidents/README.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n[click](http://evil)\n`);
    git(dir, 'commit', '--quiet', '--amend', '--no-edit', '--all');
    const sha = git(dir, 'rev-parse', 'HEAD');
    expect(await problems(dir)).toEqual([
      `commit ${sha}: incidents/README.md is not the sha256 its Irac-Readme trailer names`,
      `incidents/README.md: not what irac renders from the store at ${sha} (edited outside irac)`,
    ]);
  });

  it('refuses a metrics commit that changes anything else', async () => {
    const dir = await storeWithReadme();
    const incident =
      git(dir, 'ls-files', 'incidents/20*')
        .split('\n')
        .find((p) => p.endsWith('incident.yaml')) ?? '';
    writeFileSync(join(dir, incident), `${readFileSync(join(dir, incident), 'utf8')}# note\n`);
    git(dir, 'commit', '--quiet', '--amend', '--no-edit', '--all');
    const sha = git(dir, 'rev-parse', 'HEAD');
    expect(await problems(dir)).toContain(`commit ${sha}: a metrics commit, but it changes ${incident}`);
  });
});
