// Step parameters from the incident: `{{ expr }}` is CEL, compiled and type-checked at load time,
// rendered per incident; `${{ }}` never gets through.

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { JsonPath } from '../../src/json.js';
import { compileTemplate, compileValue, TemplateError } from '../../src/playbooks/templates.js';
import type { ConditionContext } from '../../src/triage/expressions.js';

const CONTEXT: ConditionContext = {
  event: {
    title: 'Command and Control server domain name queried by EC2 instance i-07a8b9c0d1e2f3a4b.',
    resources: [
      { type: 'aws.iam.role', id: 'orders-api-instance-role' },
      { type: 'aws.ec2.instance', id: 'i-07a8b9c0d1e2f3a4b' },
    ],
    indicators: [{ type: 'domain', value: 'update.c2-relay.example' }],
    count: 4,
  },
  incident: { id: 'IR-20260303-abcd2345' },
  asset: {},
  intel: {},
  history: {},
  score: 0.72,
  severity: 'high',
};

function rendered(text: string, context: ConditionContext = CONTEXT) {
  const template = compileTemplate(text, 'playbooks/x.yaml:9:16');
  if (!template) throw new Error(`${text} holds no template`);
  return template.render(context);
}

function refusal(text: string): string {
  try {
    compileTemplate(text, 'playbooks/x.yaml:9:16');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error(`${text} compiled`);
}

describe('a template', () => {
  it('that is the whole string gives the expression value, of its own type', () => {
    expect(rendered("{{ event.resources.filter(r, r.type == 'aws.ec2.instance')[0].id }}")).toBe(
      'i-07a8b9c0d1e2f3a4b',
    );
    expect(rendered('{{ size(event.resources) }}')).toBe(2);
    expect(rendered('{{ score }}')).toBe(0.72);
    expect(rendered("{{ ['irac', string(incident.id)] }}")).toEqual(['irac', 'IR-20260303-abcd2345']);
    expect(rendered("{{ {'irac:incident': string(incident.id)} }}")).toEqual({
      'irac:incident': 'IR-20260303-abcd2345',
    });
    expect(rendered('{{ event.count }}')).toBe(4);
    expect(rendered("{{ duration('90m') }}")).toBe('5400s');
    expect(rendered("{{ timestamp('2026-03-03T14:09:40Z') }}")).toBe('2026-03-03T14:09:40.000Z');
    expect(rendered('{{ 7u }}')).toBe(7);
  });

  it('inside text gives text, each value as text (lists as JSON)', () => {
    expect(rendered('[{{ severity }}] {{ event.title }}')).toBe(
      '[high] Command and Control server domain name queried by EC2 instance i-07a8b9c0d1e2f3a4b.',
    );
    expect(rendered('{{ size(event.indicators) }} indicators, score {{ score }}')).toBe(
      '1 indicators, score 0.72',
    );
    expect(rendered("tags: {{ ['a', 'b'] }}")).toBe('tags: ["a","b"]');
    expect(rendered(' {{ severity }}')).toBe(' high');
  });

  it('finds the end of an expression holding braces and quotes', () => {
    expect(rendered("{{ {'a': {'b': 1}} }}")).toEqual({ a: { b: 1 } });
    expect(rendered("{{ 'a }} b' }}")).toBe('a }} b');
    expect(rendered('{{ "x}}" + \'y\' }}!')).toBe('x}}y!');
  });

  it('knows its type as the checker does: dyn for what the incident holds', () => {
    const type = (text: string) => compileTemplate(text, 'x')?.type;
    expect(type('{{ size(event.resources) }}')).toBe('int');
    expect(type("{{ ['a'] }}")).toBe('list<string>');
    expect(type('{{ event.resources[0].id }}')).toBe('dyn');
    expect(type('id {{ size(event.resources) }}')).toBe('string');
    expect(compileTemplate('#ir-critical', 'x')).toBeUndefined();
  });

  it('is refused when it does not parse, reads an unknown variable, or gives bytes', () => {
    expect(refusal('{{ evnt.id }}')).toBe(
      'playbooks/x.yaml:9:16: template "{{ evnt.id }}": Unknown variable: evnt (known: event, incident, asset, intel, history, score, severity)',
    );
    expect(refusal('{{ severity == }}')).toMatch(/^playbooks\/x.yaml:9:16: template "{{ severity == }}": /);
    expect(refusal("{{ b'x' }}")).toBe(
      'playbooks/x.yaml:9:16: template "{{ b\'x\' }}": gives bytes, which no parameter takes',
    );
    expect(refusal('{{ }}')).toBe('playbooks/x.yaml:9:16: template "{{ }}": {{ }} holds no expression');
    expect(refusal('id {{ severity')).toBe(
      'playbooks/x.yaml:9:16: template "id {{ severity": "{{" without its "}}"',
    );
  });

  it('is refused when a matches pattern comes from the incident, is no RegExp, or may backtrack', () => {
    expect(refusal('{{ event.title.matches(event.title) }}')).toBe(
      'playbooks/x.yaml:9:16: template "{{ event.title.matches(event.title) }}": matches takes its pattern as a string literal, not event.title: a pattern taken from the incident could be written to backtrack for ever',
    );
    expect(refusal("id-{{ event.title.matches('(?i)c2') }}")).toMatch(
      /matches pattern "\(\?i\)c2" is not a valid regular expression \(Invalid group\)/,
    );
    expect(refusal("{{ event.resources.filter(r, r.id.matches('^(i-[0-9a-f]+)+$')) }}")).toMatch(
      /matches pattern "\^\(i-\[0-9a-f\]\+\)\+\$" may backtrack catastrophically/,
    );
    expect(rendered("{{ event.resources.exists(r, r.id.matches('^i-[0-9a-f]{17}$')) }}")).toBe(true);
  });

  it(`refuses \${{ }}, which GitHub Actions would expand from the event's data before irac runs`, () => {
    expect(refusal(`\${{ github.event.client_payload.event.detail.resource }}`)).toBe(
      `playbooks/x.yaml:9:16: "\${{ github.event.client_payload.event.detail.resource }}" uses \${{ }}, which GitHub Actions would expand before irac reads it; write {{ }}`,
    );
  });

  it('fails to render with the place and the expression, when the incident lacks what it reads', () => {
    const template = compileTemplate(
      "{{ event.resources.filter(r, r.type == 'aws.s3.bucket')[0].id }}",
      'playbooks/x.yaml:9:16',
    );
    expect(() => template?.render(CONTEXT)).toThrow(TemplateError);
    expect(() => template?.render(CONTEXT)).toThrow(
      /^playbooks\/x.yaml:9:16: "{{ event.resources.filter\(r, r.type == 'aws.s3.bucket'\)\[0\].id }}": /,
    );
    expect(() => compileTemplate('{{ 1.0 / 0.0 }}', 'x')?.render(CONTEXT)).toThrow(
      'gave Infinity, which is not a number JSON can hold',
    );
  });

  it('keeps a key named __proto__ from the incident as a key', () => {
    const hostile = { ...CONTEXT, event: JSON.parse('{"tags": {"__proto__": {"polluted": true}}}') };
    const value = rendered('{{ event.tags }}', hostile) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a parameter value', () => {
  it('renders templates at any depth of its lists and mappings, and the rest as written', () => {
    const value = compileValue(
      { tags: { incident: '{{ string(incident.id) }}', team: 'security' }, ids: ['{{ severity }}', 3] },
      (path) => `x.yaml:${path.join('.')}`,
      () => {
        throw new Error('no problem expected');
      },
    );
    expect(value.templates.map((t) => [t.path, t.template.where])).toEqual([
      [['tags', 'incident'], 'x.yaml:tags.incident'],
      [['ids', 0], 'x.yaml:ids.0'],
    ]);
    expect(value.render(CONTEXT)).toEqual({
      tags: { incident: 'IR-20260303-abcd2345', team: 'security' },
      ids: ['high', 3],
    });
  });

  it('reports every template that does not compile, not only the first', () => {
    const reported: [JsonPath, string][] = [];
    const value = compileValue(
      ['{{ nope }}', 'fine', `\${{ secrets.X }}`],
      () => 'x.yaml:1:1',
      (path, error) => reported.push([path, error.what]),
    );
    expect(reported.map(([path]) => path)).toEqual([[0], [2]]);
    expect(value.broken).toEqual([[0], [2]]);
  });
});
