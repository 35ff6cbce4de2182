import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { FieldReader } from '../src/ingest/fields.js';
import type { JsonObject } from '../src/json.js';

const reader = (value: JsonObject, pascal = false) =>
  new FieldReader(value, 'f.json:3', ['Records', 2], { pascalCaseFallback: pascal });

function failure(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('no error');
}

describe('FieldReader', () => {
  it('reads own properties only, never what the prototype offers', () => {
    const r = reader({ a: { b: 1 } });
    expect(r.get('toString')).toBeUndefined();
    expect(r.get('a.constructor')).toBeUndefined();
    expect(r.get('a.b')).toBe(1);
  });

  it('names the document, line and full JSON path of a wrongly typed field', () => {
    const r = reader({ detail: { severity: 'high' } });
    expect(failure(() => r.number('detail.severity'))).toBe(
      'f.json:3: $.Records[2].detail.severity: expected a number, got a string "high"',
    );
  });

  it('keeps full paths in nested readers', () => {
    const r = reader({ findings: [{ id: 1 }, { id: 'x' }] });
    const second = r.children('findings')[1];
    expect(failure(() => second?.number('id'))).toBe(
      'f.json:3: $.Records[2].findings[1].id: expected a number, got a string "x"',
    );
  });

  it('reads PascalCase where camelCase is absent, and spells paths in errors as the payload does', () => {
    const r = reader({ Service: { Action: { Count: 'many' } } }, true);
    expect(r.get('service.action.count')).toBe('many');
    expect(failure(() => r.number('service.action.count'))).toBe(
      'f.json:3: $.Records[2].Service.Action.Count: expected a number, got a string "many"',
    );
    expect(r.child('service')?.base).toEqual(['Records', 2, 'Service']);
  });

  it('reads one-or-many fields as texts, numbers included, and rejects other item types', () => {
    const r = reader({ one: 'a', many: ['a', 2], bad: ['a', { x: 1 }] });
    expect(r.texts('one')).toEqual(['a']);
    expect(r.texts('many')).toEqual(['a', '2']);
    expect(failure(() => r.texts('bad'))).toBe(
      'f.json:3: $.Records[2].bad[1]: expected a string, got an object',
    );
  });

  it('treats null and empty strings as absent, and rejects unparseable timestamps', () => {
    const r = reader({ a: null, b: '', t: 'soon' });
    expect(r.string('a')).toBeUndefined();
    expect(r.string('b')).toBeUndefined();
    expect(failure(() => r.time('t'))).toBe('f.json:3: $.Records[2].t: timestamp "soon" does not parse');
  });
});
