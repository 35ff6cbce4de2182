// Conditions: the seed's triggers compile and route as its decision matrix says; mistakes are caught
// when the condition is compiled (review time), not when an incident arrives.

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type ConditionContext, ConditionError, compileCondition } from '../../src/triage/expressions.js';

function context(overrides: Partial<ConditionContext> = {}): ConditionContext {
  return {
    event: { vendor: 'guardduty', indicators: [{ type: 'ip', value: '198.51.100.7' }] },
    incident: { events: 3, status: 'open' },
    asset: { environment: 'prod', criticality: 0.9 },
    intel: {},
    history: { incidents: 0 },
    score: 0.5,
    severity: 'high',
    ...overrides,
  };
}

function rejection(source: string): string {
  try {
    compileCondition(source, 'config.yaml:4:14');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error(`${source} compiled`);
}

describe('conditions', () => {
  it('evaluates over the incident, the asset, the event and the score', () => {
    const condition = compileCondition(
      "severity in ['high', 'critical'] && asset.environment == 'prod' && score >= 0.5 && incident.events > 2 && event.indicators.exists(i, i.type == 'ip')",
      'x',
    );
    expect(condition.evaluate(context())).toBe(true);
    expect(condition.evaluate(context({ score: 0.49 }))).toBe(false);
    expect(condition.evaluate(context({ asset: { environment: 'dev' } }))).toBe(false);
  });

  it('refuses, naming where: syntax errors, unknown variables, unquoted strings, non-boolean results, size', () => {
    expect(rejection('severity ==')).toMatch(/^config.yaml:4:14: condition "severity ==": Unexpected token/);
    expect(rejection('severity == critical')).toBe(
      `config.yaml:4:14: condition "severity == critical": Unknown variable: critical (a string needs quotes: 'critical')`,
    );
    expect(rejection('assets.environment == "prod"')).toMatch(
      /Unknown variable: assets \(known: event, incident, asset/,
    );
    expect(rejection('score * 2.0')).toBe(
      'config.yaml:4:14: condition "score * 2.0" is a double, not a bool',
    );
    expect(rejection(`${'('.repeat(40)}true${')'.repeat(40)}`)).toMatch(/Exceeded maxDepth/);
    expect(rejection(Array(1200).fill('score > 0.1').join(' && '))).toMatch(/Exceeded maxAstNodes/);
  });

  it('refuses a matches pattern taken from the incident: only a literal is fixed at review time', () => {
    expect(rejection('event.kind.matches(event.title)')).toBe(
      'config.yaml:4:14: condition "event.kind.matches(event.title)": matches takes its pattern as a string literal, not event.title: a pattern taken from the incident could be written to backtrack for ever',
    );
    expect(rejection("event.kind.matches('^' + event.vendor)")).toMatch(
      /matches takes its pattern as a string literal, not '\^' \+ event.vendor:/,
    );
    expect(rejection("event.indicators.exists(i, 'x'.matches(i.value))")).toMatch(/not i.value:/);
    const literal = compileCondition("event.vendor.matches('^guard(duty)?$')", 'x');
    expect(literal.evaluate(context())).toBe(true);
  });

  it('refuses a matches pattern that is no valid RegExp, instead of failing on every incident', () => {
    // RE2's inline flag: CEL's checker accepts it; JavaScript's RegExp does not.
    expect(rejection("event.vendor.matches('(?i)GuardDuty')")).toBe(
      `config.yaml:4:14: condition "event.vendor.matches('(?i)GuardDuty')": matches pattern "(?i)GuardDuty" is not a valid regular expression (Invalid group): patterns run as JavaScript RegExp, without RE2-only syntax such as (?i)`,
    );
    expect(rejection("event.vendor.matches('[a-')")).toMatch(
      /matches pattern "\[a-" is not a valid regular expression/,
    );
  });

  it('refuses a matches pattern that may backtrack catastrophically, and runs the shipped kind of pattern', () => {
    for (const pattern of ['(a+)+$', '^(\\w+\\s?)*$', '(.*a){12}', '^([a-z0-9]+[.-]?)*@']) {
      expect(rejection(`event.vendor.matches(${JSON.stringify(pattern)})`)).toContain(
        `matches pattern ${JSON.stringify(pattern)} may backtrack catastrophically`,
      );
    }
    const shipped = compileCondition(
      "event.kind.matches('(^|/)(Backdoor|CryptoCurrency|Trojan|Impact|Execution):EC2[/-]')",
      'x',
    );
    expect(shipped.evaluate(context({ event: { kind: 'Backdoor:EC2/C&CActivity.B!DNS' } }))).toBe(true);
  });

  it('a key the input lacks is an evaluation error naming the condition; has() guards against it', () => {
    const strict = compileCondition("asset.owner == 'identity-team'", 'playbooks/x.yaml:3:10');
    expect(() => strict.evaluate(context())).toThrow(ConditionError);
    expect(() => strict.evaluate(context())).toThrow(
      `playbooks/x.yaml:3:10: "asset.owner == 'identity-team'": No such key: owner`,
    );
    const guarded = compileCondition("has(asset.owner) && asset.owner == 'identity-team'", 'x');
    expect(guarded.evaluate(context())).toBe(false);
  });
});
