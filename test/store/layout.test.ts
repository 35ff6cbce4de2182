// The history index files: one line per incident, the newest last, bounded.

import { describe, expect, it } from 'vitest';
import { KEY_INDEX_LIMIT, keyIndexFile, parseKeyIndex, withKeyIndexLine } from '../../src/store/layout.js';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
const id = (n: number) =>
  `IR-20261128-${[...n.toString(32).padStart(8, '0')].map((c) => CROCKFORD[Number.parseInt(c, 32)]).join('')}`;
const at = (n: number) => new Date(Date.UTC(2026, 10, 28) + n * 1000).toISOString();

describe('history index files', () => {
  it('keys a resource or an actor by its sha256, so no event text names a path', () => {
    expect(keyIndexFile('actors', '../../etc/passwd')).toMatch(
      /^incidents\/\.index\/actors\/[0-9a-f]{2}\/[0-9a-f]{64}$/,
    );
    expect(keyIndexFile('fingerprints', 'ab'.repeat(32))).toBe(
      `incidents/.index/fingerprints/ab/${'ab'.repeat(32)}`,
    );
  });

  it('appends an incident once, and keeps only the most recent KEY_INDEX_LIMIT', () => {
    let text = '';
    for (let n = 0; n < KEY_INDEX_LIMIT + 10; n++) text = withKeyIndexLine(text, id(n), at(n)) ?? text;
    const lines = parseKeyIndex(text);
    expect(lines).toHaveLength(KEY_INDEX_LIMIT);
    expect(lines[0]?.incident).toBe(id(10));
    expect(lines.at(-1)).toEqual({
      incident: id(KEY_INDEX_LIMIT + 9),
      opened: at(KEY_INDEX_LIMIT + 9),
      openedMs: Date.parse(at(KEY_INDEX_LIMIT + 9)),
    });
    expect(withKeyIndexLine(text, id(KEY_INDEX_LIMIT + 9), at(0))).toBeUndefined();
    expect(text.endsWith('\n')).toBe(true);
  });

  it('reads past lines that are not "<incident id> <opened>"', () => {
    expect(
      parseKeyIndex(`${id(1)} ${at(1)}\nnonsense\n${id(2)} not-a-time\n${id(3)} ${at(3)} extra\n`),
    ).toEqual([{ incident: id(1), opened: at(1), openedMs: Date.parse(at(1)) }]);
  });
});
