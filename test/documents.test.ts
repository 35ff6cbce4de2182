import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { normalizeInput } from '../src/ingest/normalize.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const event = (over: Record<string, unknown> = {}) => ({
  severity: 'high',
  resource: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0abc',
  kind: 'test.kind',
  timestamp: '2026-01-02T03:04:05Z',
  ...over,
});

function rejection(input: string | Buffer, options: Parameters<typeof normalizeInput>[1] = {}): InputError {
  try {
    normalizeInput(typeof input === 'string' ? bytes(input) : input, { name: 'events.json', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('input was accepted');
}

describe('reading documents', () => {
  it('rejects invalid JSON with the file name', () => {
    expect(rejection('{"severity": "high",').message).toMatch(/^events\.json: invalid JSON: /);
  });

  it('rejects empty and blank input', () => {
    expect(rejection('').message).toBe('events.json: input is empty');
    expect(rejection(' \n\t\n').message).toBe('events.json: input is empty');
  });

  it('rejects a top level that is not an object or array', () => {
    expect(rejection('42').message).toBe(
      'events.json: top level is a number; expected a JSON object or array',
    );
    expect(rejection('"text"').message).toMatch(/top level is a string/);
    expect(rejection('null').message).toMatch(/top level is null/);
  });

  it('rejects array items that are not objects, naming the index', () => {
    expect(rejection(JSON.stringify([event(), 7])).message).toBe(
      'events.json: $[1]: expected an event object, got a number',
    );
  });

  it('rejects a payload over the default 1 MiB cap and honours a configured cap', () => {
    const big = JSON.stringify(event({ title: 'x'.repeat(1024 * 1024) }));
    expect(rejection(big).message).toMatch(/payload is \d+ bytes; the limit is 1048576/);
    const small = JSON.stringify(event());
    expect(rejection(small, { limits: { maxPayloadBytes: 50, maxDepth: 64 } }).message).toMatch(
      /the limit is 50/,
    );
  });

  it('rejects nesting deeper than 64 levels without overflowing the stack, even 200,000 deep', () => {
    const deep = `{"severity":"high","resource":"r","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(rejection(deep).message).toMatch(/nesting is deeper than 64 levels/);
    const ok = `{"severity":"high","resource":"r","x":${'['.repeat(62)}${']'.repeat(62)}}`;
    expect(normalizeInput(bytes(ok))).toHaveLength(1);
  });

  it.each([
    ['a __proto__ key', '{"a":{"__proto__":{"polluted":"yes"}}}', '$.context.a.__proto__', '__proto__'],
    ['__proto__ holding a scalar', '{"__proto__":"x"}', '$.context.__proto__', '__proto__'],
    [
      'constructor.prototype',
      '{"a":{"constructor":{"prototype":{"polluted":"yes"}}}}',
      '$.context.a.constructor',
      'constructor',
    ],
  ])('rejects %s anywhere, naming it, and pollutes nothing', (_name, context, path, key) => {
    const error = rejection(`{"severity":"high","resource":"r","context":${context}}`);
    expect(error.message).toBe(
      `events.json: ${path}: key "${key}" is not accepted (prototype pollution guard)`,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('accepts constructor and prototype as plain data (tag keys, labels) and still pollutes nothing', () => {
    // An AWS tag key or a pod label named "constructor" must not make irac refuse the event around it.
    const record = {
      severity: 'high',
      resource: 'r',
      kind: 'tagging',
      payload: { tags: { constructor: 'x', prototype: 'y' }, labels: { constructor: { name: 'z' } } },
    };
    const [event] = normalizeInput(bytes(JSON.stringify(record)));
    expect(event?.payload).toEqual(record);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(event?.payload)).toBe(Object.prototype);
  });

  it('rejects bytes that are not UTF-8', () => {
    expect(rejection(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])).message).toBe(
      'events.json: input is not valid UTF-8 text',
    );
  });

  it('accepts a UTF-8 byte order mark and hashes the bytes as received', () => {
    const text = `\uFEFF${JSON.stringify(event())}`;
    const [only] = normalizeInput(bytes(text));
    expect(only?.raw_sha256).toBe(sha256(bytes(text)));
  });

  it('reads a pretty-printed document as one document', () => {
    const text = JSON.stringify(event(), null, 2);
    const events = normalizeInput(bytes(text));
    expect(events).toHaveLength(1);
    expect(events[0]?.raw_sha256).toBe(sha256(text));
    expect(events[0]?.raw_pointer).toBe('');
  });

  it('reports a broken pretty-printed document as invalid JSON, not as bad NDJSON', () => {
    const text = JSON.stringify(event(), null, 2).replace('"high"', 'high');
    expect(rejection(text).message).toMatch(/^events\.json: invalid JSON/);
  });
});

describe('NDJSON', () => {
  const lines = [event({ resource: 'a' }), event({ resource: 'b' }), event({ resource: 'c' })].map((e) =>
    JSON.stringify(e),
  );

  it('reads one event per line, skipping blank lines, CRLF or LF', () => {
    const events = normalizeInput(bytes(`${lines[0]}\r\n\r\n${lines[1]}\n${lines[2]}\n`));
    expect(events.map((e) => e.resource)).toEqual(['a', 'b', 'c']);
  });

  it('hashes each line exactly, without its line break', () => {
    const events = normalizeInput(bytes(`${lines[0]}\r\n${lines[1]}\n`));
    expect(events[0]?.raw_sha256).toBe(sha256(lines[0] as string));
    expect(events[1]?.raw_sha256).toBe(sha256(lines[1] as string));
  });

  it('names the line of a broken line', () => {
    expect(
      rejection(`${lines[0]}\n${lines[1]}\n{"severity": oops}\n`, { name: 'events.ndjson' }).message,
    ).toMatch(/^events\.ndjson:3: invalid JSON: /);
  });

  it('names the line and the field of a wrongly typed field', () => {
    const bad = JSON.stringify(event({ timestamp: 'yesterday' }));
    expect(rejection(`${lines[0]}\n${bad}\n`, { name: 'events.ndjson' }).message).toBe(
      'events.ndjson:2: $.timestamp: timestamp "yesterday" does not parse',
    );
  });

  it('applies the size cap per line, so a large NDJSON file of small events is fine', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify(event({ resource: `r-${i}`, title: 'y'.repeat(400) })),
    );
    const text = many.join('\n');
    expect(text.length).toBeGreaterThan(1024 * 1024);
    expect(normalizeInput(bytes(text))).toHaveLength(3000);
    const withHuge = `${many[0]}\n${JSON.stringify(event({ title: 'z'.repeat(2 * 1024 * 1024) }))}\n`;
    expect(rejection(withHuge, { name: 'events.ndjson' }).message).toMatch(
      /^events\.ndjson:2: payload is \d+ bytes/,
    );
  });
});

describe('containers', () => {
  it('reads a JSON array, pointing each event at its element', () => {
    const events = normalizeInput(
      bytes(JSON.stringify([event({ resource: 'a' }), event({ resource: 'b' })])),
    );
    expect(events.map((e) => e.raw_pointer)).toEqual(['/0', '/1']);
  });

  it('reads a CloudTrail-style log file through Records[]', () => {
    const events = normalizeInput(
      bytes(JSON.stringify({ Records: [event({ resource: 'a' }), event({ resource: 'b' })] })),
    );
    expect(events.map((e) => e.raw_pointer)).toEqual(['/Records/0', '/Records/1']);
  });

  it('treats an input with no event as rejected', () => {
    expect(rejection('{"Records": []}').message).toBe('events.json: holds no security event');
  });
});
