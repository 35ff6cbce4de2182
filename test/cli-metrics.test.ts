// `irac metrics` over a real store: the fork `irac simulate --keep` leaves behind (four incidents through
// the whole pipeline, two of them approved and contained live, one resolved, one suppressed), with its
// bare origin. The simulation runs as the compiled bin; metrics runs in-process through its command
// function and a captured CliIo, reading nothing but git.

import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { metricsCommand } from '../src/cli/metrics-command.js';
import type { StoreMetrics } from '../src/forensics/metrics.js';
import { storeReadmeAt } from '../src/forensics/metrics-store.js';
import { Git } from '../src/store/git.js';
import { parseIncident } from '../src/store/incident.js';
import { incidentFile } from '../src/store/layout.js';
import { runBin } from './helpers/bin.js';
import { REPO_ROOT } from './helpers/corpus.js';
import { commitLog, git, scratchDir } from './helpers/git.js';

const NODE = existsSync(join(REPO_ROOT, 'node_modules/node/bin/node'))
  ? join(REPO_ROOT, 'node_modules/node/bin/node')
  : process.execPath;

let scratch: string | undefined;
let fork: string;

beforeAll(async () => {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(AWS_|GITHUB_|SLACK_|JIRA_|IRAC_)/.test(name)),
  );
  const run = await runBin(['simulate', '--json', '--keep'], scratchDir('irac-metrics-cwd-'), env, NODE);
  if (!run.stdout.startsWith('{')) throw new Error(`irac simulate exited ${run.code}: ${run.stderr}`);
  scratch = (JSON.parse(run.stdout) as { scratch: string }).scratch;
  fork = join(scratch, 'work');
}, 300_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function metrics(
  options: { since?: string; json?: boolean; write?: boolean } = {},
): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => undefined,
  };
  await metricsCommand({ repo: fork, ...options }, io);
  return { stdout, stderr };
}

async function json(options: { since?: string; write?: boolean } = {}): Promise<StoreMetrics> {
  return JSON.parse((await metrics({ ...options, json: true })).stdout) as StoreMetrics;
}

const head = () => git(fork, 'rev-parse', 'HEAD');

describe('irac metrics', () => {
  it('agrees with what each incident.yaml says of itself: opened, approvals, containment, resolution', async () => {
    const result = await json();
    expect(result.incidents).toBe(4);
    for (const times of result.times) {
      const incident = parseIncident(git(fork, 'show', `HEAD:${incidentFile(times.id)}`), times.id);
      expect(times.ingested).toBe(incident.timestamps.opened);
      expect(times.detected).toBe(incident.timestamps.detected);
      expect(times.contained).toBe(incident.timestamps.contained);
      expect(times.resolved).toBe(incident.timestamps.resolved);
      expect(times.approved).toBe(incident.approvals[0]?.at ?? null);
      expect(times.severity).toBe(incident.severity);
      expect(times.playbook).toBe(incident.playbook);
    }
    // Two incidents were approved and contained live; the EC2 one was then resolved.
    expect(result.overall.mtta.count).toBe(2);
    expect(result.overall.mttc.count).toBe(2);
    expect(result.overall.mttr.count).toBe(1);
    expect(result.by_severity.map((g) => [g.key, g.incidents])).toEqual([
      ['high', 2],
      ['medium', 2],
    ]);
    expect(result.by_playbook.map((g) => g.key)).toEqual([
      'aws-compromised-ec2-instance',
      'aws-compromised-iam-credentials',
      'queue-for-review',
      null,
    ]);
    // Approved within seconds: the shipped matrix gives high incidents 30 minutes.
    expect(result.breaches).toEqual([]);
    expect(result.open).toHaveLength(3);
  });

  it('prints a table per severity and playbook, and writes nothing', async () => {
    const before = head();
    const { stdout, stderr } = await metrics();
    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /^4 incidents, as of \S+Z \(the newest audit entry\)\n\nSCOPE +INCIDENTS +MTTD median \/ p90 \(n\)/,
    );
    expect(stdout).toMatch(/\nseverity high +2 +\S/);
    expect(stdout).toMatch(/\nplaybook aws-compromised-ec2-instance +1 /);
    expect(stdout).toContain('\nSLA breaches: 0\nopen incidents: 3\n');
    expect(head()).toBe(before);
    expect(existsSync(join(fork, 'incidents/README.md'))).toBe(false);
  });

  it('reads the store from git, not from the working tree', async () => {
    const expected = await json();
    renameSync(join(fork, 'incidents'), join(fork, 'incidents-moved'));
    try {
      expect(await json()).toEqual(expected);
    } finally {
      renameSync(join(fork, 'incidents-moved'), join(fork, 'incidents'));
    }
  });

  it('--since keeps the incidents ingested from then on, and refuses what is not a date', async () => {
    const all = await json();
    const third = all.times[2]?.ingested ?? '';
    const since = await json({ since: third });
    expect(since.times.map((t) => t.id)).toEqual(all.times.slice(2).map((t) => t.id));
    expect(since.since).toBe(new Date(third).toISOString());
    expect((await json({ since: '2999-01-01' })).incidents).toBe(0);
    await expect(metrics({ since: 'last tuesday' })).rejects.toThrow(
      '--since: "last tuesday" is not a date (2026-03-01) or a time with its zone (2026-03-01T08:00:00Z)',
    );
  });

  it('--write commits incidents/README.md alone, pushed to origin, rendered from that commit; a second --write changes nothing', async () => {
    const before = head();
    const { stdout } = await metrics({ write: true });
    expect(stdout).toMatch(/\nincidents\/README\.md: regenerated in [0-9a-f]{12} on origin\/main\n$/);
    const after = head();
    expect(git(fork, 'rev-parse', 'HEAD^')).toBe(before);
    expect(git(fork, 'rev-parse', 'origin/main')).toBe(after);
    expect(git(fork, 'diff', '--name-only', before, after)).toBe('incidents/README.md');
    const [last] = commitLog(fork);
    expect(last?.subject).toBe('metrics: incidents/README.md regenerated');
    expect(last?.trailers['Irac-Action']).toBe('metrics');
    expect(last?.trailers['Irac-Readme']).toMatch(/^[0-9a-f]{64}$/);
    const readme = git(fork, 'show', 'HEAD:incidents/README.md');
    expect(`${readme}\n`).toBe(await storeReadmeAt(new Git(fork), fork, after));
    expect(readme).toContain('## Open incidents (3)');
    expect(readme).toContain('pie showData title Incidents per severity\n    "high" : 2\n    "medium" : 2\n');

    const again = await metrics({ write: true });
    expect(again.stdout).toMatch(/\nincidents\/README\.md: unchanged\n$/);
    expect(head()).toBe(after);
  });
});
