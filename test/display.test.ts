import { describe, expect, it } from 'vitest';
import { displayText } from '../src/ingest/display.js';
import { normalizeInput } from '../src/ingest/normalize.js';
import { securityEventValidator } from '../src/validation.js';

describe('display neutralization', () => {
  it('turns line breaks and tabs into spaces and other control characters into U+FFFD', () => {
    expect(displayText('a\nb\tc\r\nd')).toBe('a b c d');
    expect(displayText('red\u001b[31mtext\u0007')).toBe('red\uFFFD[31mtext\uFFFD');
  });

  it('removes bidi overrides that would let a name read backwards', () => {
    expect(displayText('invoice\u202Efdp.exe')).toBe('invoice\uFFFDfdp.exe');
  });

  it('makes invisible characters visible: bidi marks, zero-width characters, tag characters', () => {
    expect(displayText('i-0abc\u200f\u061c\u200edef')).toBe('i-0abc\uFFFD\uFFFD\uFFFDdef');
    expect(displayText('ro\u200bot\ufeff')).toBe('ro\uFFFDot\uFFFD');
    expect(displayText('admin\u{E0041}\u{E0042}')).toBe('admin\uFFFD\uFFFD');
  });

  it('defuses Slack broadcast mentions in both syntaxes, any case', () => {
    expect(displayText('<!channel> and <!here|here> and <@U024BE7LH>')).toBe(
      '\u2039!channel\u203A and \u2039!here|here\u203A and \u2039@U024BE7LH\u203A',
    );
    expect(displayText('ping @here @Channel @everyone')).toBe('ping \uFF20here \uFF20Channel \uFF20everyone');
    expect(displayText('mail me at ops@heresy.example')).toBe('mail me at ops@heresy.example');
  });

  it('bounds length and reports nothing printable as undefined', () => {
    expect(displayText('x'.repeat(600))).toHaveLength(512);
    expect(displayText('\u0000\u0001 \n')).toBe('\uFFFD\uFFFD');
    expect(displayText(' \n\t ')).toBeUndefined();
  });
});

describe('hostile strings in a payload', () => {
  const hostile = {
    severity: 'high',
    kind: 'rule <!channel>\u001b[2J',
    title: '@here deploy\nnow',
    resource: 'i-0abc\u202E <!everyone>',
    actor: 'root\u0000 @channel',
    timestamp: '2026-05-01T00:00:00Z',
  };
  const [event] = normalizeInput(Buffer.from(JSON.stringify(hostile)));

  it('neutralizes kind, title, resource and actor', () => {
    expect(event?.kind).toBe('rule \u2039!channel\u203A\uFFFD[2J');
    expect(event?.title).toBe('\uFF20here deploy now');
    expect(event?.resource).toBe('i-0abc\uFFFD \u2039!everyone\u203A');
    expect(event?.actor).toBe('root\uFFFD \uFF20channel');
    expect(securityEventValidator()(event)).toBe(true);
  });

  it('keeps the payload verbatim as evidence', () => {
    expect(event?.payload).toEqual(hostile);
  });
});
