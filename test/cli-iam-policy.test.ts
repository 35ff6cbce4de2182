// `irac iam-policy` as an operator runs it to scope the containment role: the compiled bin in a child
// process, over the shipped playbooks.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { loadPlaybooks } from '../src/playbooks/load.js';
import { workingTreeFiles } from '../src/playbooks/repo-files.js';
import { REPO_ROOT } from './helpers/corpus.js';

const BIN = join(REPO_ROOT, 'bin/irac.js');

function irac(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Statement {
  Sid: string;
  Action: string[];
  Resource: string;
  Condition?: unknown;
}

describe('irac iam-policy', () => {
  it("prints exactly the AWS permissions of the playbook's actions, grouped by service", async () => {
    const { code, stdout, stderr } = irac(['iam-policy', '--playbook', 'aws-compromised-iam-credentials']);
    expect(code).toBe(0);
    const policy = JSON.parse(stdout) as { Version: string; Statement: Statement[] };
    expect(policy.Version).toBe('2012-10-17');
    const config = await loadConfig({ repoRoot: REPO_ROOT });
    const playbook = (await loadPlaybooks(workingTreeFiles(REPO_ROOT), config)).find(
      (p) => p.id === 'aws-compromised-iam-credentials',
    );
    const expected = new Set(
      (playbook?.steps ?? [])
        .filter((step) => step.action.runs.startsWith('aws:'))
        .flatMap((step) => step.action.permissions),
    );
    const granted = policy.Statement.flatMap((statement) => statement.Action);
    expect(new Set(granted)).toEqual(expected);
    expect(granted).toHaveLength(expected.size);
    for (const statement of policy.Statement) {
      expect(new Set(statement.Action.map((action) => action.split(':')[0])).size).toBe(1);
      expect(statement.Resource).toBe('*');
    }
    // The notification steps' needs are said, outside the JSON.
    expect(stderr).toMatch(/^irac: slack also needs: chat:write$/m);
  });

  it('lets iam:PassRole pass roles to EC2 only', () => {
    const { stdout } = irac(['iam-policy', '--playbook', 'aws-compromised-ec2-instance']);
    const policy = JSON.parse(stdout) as { Statement: Statement[] };
    const passRole = policy.Statement.filter((statement) => statement.Action.includes('iam:PassRole'));
    expect(passRole).toEqual([
      {
        Sid: 'IracPassRoleToEc2',
        Effect: 'Allow',
        Action: ['iam:PassRole'],
        Resource: '*',
        Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
      },
    ]);
  });

  it('covers every playbook by default, and refuses a playbook that does not exist in one line', () => {
    const all = JSON.parse(irac(['iam-policy']).stdout) as { Statement: Statement[] };
    expect(all.Statement.map((statement) => statement.Sid)).toEqual([
      'IracAutoscaling',
      'IracCloudtrail',
      'IracEc2',
      'IracIam',
      'IracS3',
      'IracPassRoleToEc2',
    ]);
    const { code, stdout, stderr } = irac(['iam-policy', '--playbook', 'nope']);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toMatch(/^irac: --playbook: no playbook "nope" \(there are: [a-z0-9, -]+\)\n$/);
  });
});
