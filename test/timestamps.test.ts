import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../src/ingest/timestamps.js';

describe('vendor timestamps', () => {
  it.each([
    ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00:00.123456789Z', '2026-03-01T10:00:00.123Z'],
    ['2026-03-01T12:00:00+02:00', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T05:30:00-0430', '2026-03-01T10:00:00.000Z'],
    ['2025-02-25 20:40:06.721', '2025-02-25T20:40:06.721Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    [1772359200, '2026-03-01T10:00:00.000Z'],
    [1772359200123, '2026-03-01T10:00:00.123Z'],
    ['1772359200', '2026-03-01T10:00:00.000Z'],
    ['1772359200.5', '2026-03-01T10:00:00.500Z'],
  ])('reads %s as %s (zone-less times are UTC)', (input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
  });

  it.each([
    ['yesterday'],
    ['1'],
    ['2026-02-30T00:00:00Z'],
    ['2026-13-01T00:00:00Z'],
    ['2026-01-01T25:00:00Z'],
    [''],
    [-5],
    [Number.NaN],
    [1e30],
    ['1700000000000000000'],
    [true],
    [null],
  ])('rejects %s', (input) => {
    expect(parseTimestamp(input)).toBeUndefined();
  });
});
