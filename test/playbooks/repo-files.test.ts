// Reading the working tree: only what the repository holds. A symbolic link anywhere on the way — the
// file itself, its directory, a directory above — is refused, never followed out of the repository.

import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workingTreeFiles } from '../../src/playbooks/repo-files.js';
import { scratchDir } from '../helpers/git.js';

/** A repository and, beside it, a directory that is not part of it holding a secret. */
function repoBesideSecret(): { root: string; outside: string } {
  const root = scratchDir('irac-repo-files-');
  const outside = scratchDir('irac-outside-');
  writeFileSync(join(outside, 'secret.txt'), 'TOP-SECRET\n');
  mkdirSync(join(outside, 'deeper'));
  writeFileSync(join(outside, 'deeper', 'secret.yaml'), 'token: TOP-SECRET\n');
  return { root, outside };
}

describe('the working tree', () => {
  it('reads files in nested directories, and has nothing where there is nothing', async () => {
    const { root } = repoBesideSecret();
    mkdirSync(join(root, 'intel', 'feeds'), { recursive: true });
    writeFileSync(join(root, 'intel', 'feeds', 'drop.txt'), '192.0.2.1\n');
    writeFileSync(join(root, 'intel', 'README.md'), '# feeds\n');
    const files = workingTreeFiles(root);
    expect(await files.readText('intel/feeds/drop.txt')).toBe('192.0.2.1\n');
    expect(await files.list('intel')).toEqual(['README.md']);
    expect(await files.list('intel/feeds')).toEqual(['drop.txt']);
    expect(await files.readText('intel/missing/drop.txt')).toBeUndefined();
    expect(await files.readText('intel/README.md/drop.txt')).toBeUndefined();
    expect(await files.list('assets')).toEqual([]);
    expect(await files.list('intel/README.md')).toEqual([]);
  });

  it('refuses a file under a symbolic link to a directory outside the repository', async () => {
    const { root, outside } = repoBesideSecret();
    symlinkSync(outside, join(root, 'intel'));
    const files = workingTreeFiles(root);
    await expect(files.readText('intel/secret.txt')).rejects.toThrow(
      'intel/secret.txt: intel is a symbolic link; irac reads only files inside the repository',
    );
    await expect(files.list('intel')).rejects.toThrow('intel: is a symbolic link; irac reads only files');
  });

  it('refuses a file whose parent, or any directory above it, is a symbolic link', async () => {
    const { root, outside } = repoBesideSecret();
    mkdirSync(join(root, 'assets', 'teams'), { recursive: true });
    symlinkSync(join(outside, 'deeper'), join(root, 'assets', 'teams', 'payments'));
    symlinkSync(outside, join(root, 'config'));
    const files = workingTreeFiles(root);
    await expect(files.readText('assets/teams/payments/secret.yaml')).rejects.toThrow(
      'assets/teams/payments/secret.yaml: assets/teams/payments is a symbolic link; irac reads only files inside the repository',
    );
    await expect(files.list('assets/teams/payments')).rejects.toThrow(
      'assets/teams/payments: is a symbolic link',
    );
    await expect(files.readText('config/deeper/secret.yaml')).rejects.toThrow(
      'config/deeper/secret.yaml: config is a symbolic link',
    );
    await expect(files.list('config/deeper')).rejects.toThrow('config/deeper: config is a symbolic link');
    // The directory holding the link is itself fine, and does not list the link as a file.
    expect(await files.list('assets/teams')).toEqual([]);
  });

  it('refuses a symbolic link to a file, even one inside the repository', async () => {
    const { root } = repoBesideSecret();
    writeFileSync(join(root, 'real.yaml'), 'a: 1\n');
    symlinkSync(join(root, 'real.yaml'), join(root, 'link.yaml'));
    const files = workingTreeFiles(root);
    await expect(files.readText('link.yaml')).rejects.toThrow(
      'link.yaml: is a symbolic link; irac reads only files',
    );
  });

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const { root } = repoBesideSecret();
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    await expect(workingTreeFiles(root).readText('pipe.yaml')).rejects.toThrow('pipe.yaml: is not a file');
  });
});
