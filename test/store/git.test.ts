// The object layer against git itself: trees irac serializes are the trees git would make.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Git } from '../../src/store/git.js';
import { writeTreeWith } from '../../src/store/transaction.js';
import { git, scratchRepo } from '../helpers/git.js';

describe('ObjectStore', () => {
  it('writes trees as git mktree does, with names that sort around "/" and non-ASCII names', async () => {
    const dir = scratchRepo();
    const objects = await new Git(dir).objects();
    try {
      const blob = await objects.writeBlob('x\n');
      const paths = ['a-b', 'a.b', 'a0', 'b', 'A', 'é', 'a b', 'a/inner', 'a.b.c/inner', 'a-/deeper/file'];
      const tree = (await writeTreeWith(objects, undefined, new Map(paths.map((p) => [p, { blob }])))) ?? '';
      for (const level of [tree, `${tree}:a-`, `${tree}:a-/deeper`]) {
        const listing = git(dir, 'ls-tree', level);
        const remade = execFileSync('git', ['mktree'], {
          cwd: dir,
          input: `${listing}\n`,
          encoding: 'utf8',
        }).trim();
        expect(remade).toBe(git(dir, 'rev-parse', level));
      }
      expect(git(dir, 'ls-tree', '-r', '--name-only', '-z', tree).split('\0').filter(Boolean).sort()).toEqual(
        [...paths].sort(),
      );
      expect(git(dir, 'fsck', '--strict', '--no-dangling')).toBe('');
    } finally {
      await objects.close();
    }
  });
});
