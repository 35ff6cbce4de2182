// The action catalogue: data in schemas/actions/, every entry valid, the seed's cloud:* names standing
// for the AWS actions, and each default target found where the events put it.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { actionFile, catalogueOf, SHIPPED_ACTIONS, shippedCatalogue } from '../../src/playbooks/catalogue.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { contextOf, fixtureEvents } from './incidents.js';

const ACTIONS_DIR = join(REPO_ROOT, 'schemas/actions');

function actionFiles(dir = ACTIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? actionFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .map((file) => relative(REPO_ROOT, file))
    .sort();
}

function definitionOf(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(REPO_ROOT, actionFile(name)), 'utf8'));
}

function refusal(definitions: unknown[]): string {
  try {
    catalogueOf(definitions);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('the catalogue was accepted');
}

describe('the shipped catalogue', () => {
  it('holds every file of schemas/actions/, each at the path its name gives, pointing editors at the schema', () => {
    const names = SHIPPED_ACTIONS.map((definition) => (definition as { name: string }).name);
    expect(names.map(actionFile).sort()).toEqual(actionFiles());
    for (const name of names) {
      expect(definitionOf(name).$schema).toBe('../../action.schema.json');
      expect(definitionOf(name)).toEqual(SHIPPED_ACTIONS.find((d) => (d as { name: string }).name === name));
    }
  });

  it("has the AWS containment set, notifications and tickets, and the seed's three cloud:* names", () => {
    expect(shippedCatalogue().names).toEqual([
      'aws:autoscaling.standby',
      'aws:cloudtrail.lookup_events',
      'aws:ec2.block_ip',
      'aws:ec2.disable_imds',
      'aws:ec2.isolate_instance',
      'aws:ec2.protect_instance',
      'aws:ec2.replace_instance_profile',
      'aws:ec2.snapshot_instance',
      'aws:ec2.tag_resource',
      'aws:iam.deactivate_access_keys',
      'aws:iam.deny_all',
      'aws:iam.revoke_role_sessions',
      'aws:s3.block_public_access',
      'cloud:fetch_audit_logs',
      'cloud:revoke_session',
      'cloud:security_group_deny_all',
      'github:comment',
      'github:create_issue',
      'jira:create_issue',
      'slack:post_message',
    ]);
  });

  it('marks as destructive exactly what cuts off access or traffic, and every one of them can be undone', () => {
    const catalogue = shippedCatalogue();
    const destructive = catalogue.names.filter((name) => catalogue.get(name)?.destructive);
    expect(destructive).toEqual([
      'aws:autoscaling.standby',
      'aws:ec2.block_ip',
      'aws:ec2.disable_imds',
      'aws:ec2.isolate_instance',
      'aws:ec2.replace_instance_profile',
      'aws:iam.deactivate_access_keys',
      'aws:iam.deny_all',
      'aws:iam.revoke_role_sessions',
      'aws:s3.block_public_access',
      'cloud:revoke_session',
      'cloud:security_group_deny_all',
    ]);
    for (const name of destructive) expect([name, catalogue.get(name)?.reversible]).toEqual([name, true]);
  });

  it("maps the seed's cloud:* names onto the AWS actions, which they run with their risks and parameters", () => {
    const catalogue = shippedCatalogue();
    for (const [alias, target] of [
      ['cloud:revoke_session', 'aws:iam.revoke_role_sessions'],
      ['cloud:security_group_deny_all', 'aws:ec2.isolate_instance'],
      ['cloud:fetch_audit_logs', 'aws:cloudtrail.lookup_events'],
    ] as const) {
      const spec = catalogue.get(alias);
      expect(spec?.runs).toBe(target);
      expect(spec?.name).toBe(alias);
      expect(spec?.permissions).toEqual(catalogue.get(target)?.permissions);
      expect(spec?.parameters).toBe(catalogue.get(target)?.parameters);
    }
    const logs = catalogue.get('cloud:fetch_audit_logs');
    expect(logs?.validate({ retention: '7d' })).toBe(true);
    expect(logs?.validate({ retention: '91d' })).toBe(false);
  });

  it('names real IAM actions of the service each AWS action calls, and API scopes for the others', () => {
    const catalogue = shippedCatalogue();
    const services: Record<string, string[]> = {
      iam: ['iam'],
      ec2: ['ec2', 'iam'],
      autoscaling: ['autoscaling'],
      s3: ['s3'],
      cloudtrail: ['cloudtrail'],
    };
    for (const name of catalogue.names.filter((n) => n.startsWith('aws:'))) {
      const service = name.slice(4, name.indexOf('.'));
      for (const permission of catalogue.get(name)?.permissions ?? []) {
        expect([name, permission]).toEqual([name, expect.stringMatching(/^[a-z0-9]+:[A-Z][A-Za-z]+$/)]);
        expect(services[service]).toContain(permission.split(':')[0]);
      }
    }
    expect(catalogue.get('aws:iam.revoke_role_sessions')?.permissions).toContain('iam:PutRolePolicy');
    expect(catalogue.get('aws:ec2.replace_instance_profile')?.permissions).toContain('iam:PassRole');
    expect(catalogue.get('aws:s3.block_public_access')?.permissions).toEqual([
      's3:GetBucketPublicAccessBlock',
      's3:PutBucketPublicAccessBlock',
      's3:GetBucketPolicyStatus',
    ]);
    expect(catalogue.get('slack:post_message')?.permissions).toEqual(['chat:write']);
    expect(catalogue.get('github:create_issue')?.permissions).toEqual(['issues:write']);
  });

  it('gives each step a timeout: the action’s own, or 5 minutes', () => {
    const catalogue = shippedCatalogue();
    expect(catalogue.get('aws:ec2.snapshot_instance')?.timeout).toBe('30m');
    expect(catalogue.get('cloud:fetch_audit_logs')?.timeout).toBe('15m');
    expect(catalogue.get('aws:iam.deny_all')?.timeout).toBe('5m');
  });
});

describe('default targets', () => {
  const render = (action: string, fixture: string, index = 0) => {
    const spec = shippedCatalogue().get(action);
    if (!spec) throw new Error(`no ${action}`);
    const event = fixtureEvents(fixture)[index];
    if (!event) throw new Error(`no event ${index} in ${fixture}`);
    const context = contextOf(event);
    const values = Object.fromEntries(Object.entries(spec.defaults).map(([k, v]) => [k, v.render(context)]));
    expect(spec.validate(values)).toBe(true);
    return values;
  };

  it('come from the typed resources of the event: the instance, the role, the user, the bucket', () => {
    expect(render('aws:ec2.isolate_instance', 'guardduty/get-findings.json')).toEqual({
      instance_id: 'i-07a8b9c0d1e2f3a4b',
    });
    expect(render('cloud:revoke_session', 'guardduty/sample.json')).toEqual({
      role_name: 'orders-api-instance-role',
    });
    expect(render('aws:iam.deny_all', 'guardduty/finding-s3-exfiltration-archived.json')).toEqual({
      user_name: 'ci-deployer',
    });
    expect(render('aws:s3.block_public_access', 'securityhub/control-s3-8-failed.json')).toEqual({
      bucket: 'acme-analytics-exports',
    });
    expect(render('aws:ec2.block_ip', 'guardduty/cli-port-probe.json')).toMatchObject({
      instance_id: expect.stringMatching(/^i-/),
    });
  });

  it('never pick the root user, whose keys IAM cannot deactivate', () => {
    const spec = shippedCatalogue().get('aws:iam.deactivate_access_keys');
    const [, stealth] = fixtureEvents('guardduty/get-findings.json');
    if (!stealth) throw new Error('no second finding');
    expect(stealth.resources.some((r) => r.type === 'aws.iam.user' && r.arn?.endsWith(':root'))).toBe(true);
    expect(() => spec?.defaults.user_name?.render(contextOf(stealth))).toThrow(/Index out of range|out of/i);
  });

  it('look up the CloudTrail events of the access key, the user and the resources', () => {
    expect(
      render('aws:cloudtrail.lookup_events', 'guardduty/eventbridge-s3-bucket-anonymous-access.json'),
    ).toEqual({
      retention: '7d',
      max_events: 5000,
      lookup_attributes: [
        { key: 'ResourceName', value: 'acme-analytics-exports' },
        { key: 'AccessKeyId', value: 'AKIA4EXAMPLEDATA0042' },
        { key: 'Username', value: 'data-engineer' },
      ],
    });
  });

  it('tag and title with the incident id', () => {
    expect(render('aws:ec2.tag_resource', 'guardduty/get-findings.json')).toEqual({
      resource_id: 'i-07a8b9c0d1e2f3a4b',
      tags: { 'irac:incident': 'IR-20260303-abcd2345', 'irac:status': 'under-investigation' },
    });
    expect(render('github:create_issue', 'guardduty/get-findings.json')).toEqual({
      title:
        '[IR-20260303-abcd2345] high: Command and Control server domain name queried by EC2 instance i-07a8b9c0d1e2f3a4b.',
      labels: ['irac', 'IR-20260303-abcd2345', 'severity:high'],
    });
  });
});

describe('a catalogue irac refuses', () => {
  const action = (overrides: Record<string, unknown> = {}) => ({
    name: 'test:act',
    description: 'acts',
    destructive: false,
    reversible: true,
    undo: 'undoes',
    permissions: ['test:Act'],
    parameters: { type: 'object', additionalProperties: false, properties: {} },
    ...overrides,
  });

  it('names the file of an entry the action schema rejects, and says why', () => {
    const { undo: _, ...withoutUndo } = action();
    expect(refusal([withoutUndo])).toBe(
      'schemas/actions/test/act.json: the action lacks required key "undo"',
    );
    expect(refusal([action({ parameters: { type: 'object', properties: {} } })])).toBe(
      'schemas/actions/test/act.json: parameters lacks required key "additionalProperties"',
    );
    expect(refusal([action({ alias_of: 'test:other' })])).toMatch(
      /^schemas\/actions\/test\/act.json: the action has key "destructive"; keys must be /,
    );
  });

  it('refuses an alias of nothing, or of another alias, and a name defined twice', () => {
    expect(refusal([{ name: 'test:alias', description: 'x', alias_of: 'test:act' }])).toBe(
      'schemas/actions/test/alias.json: is an alias of "test:act", which is not an action',
    );
    expect(
      refusal([
        action(),
        { name: 'test:one', description: 'x', alias_of: 'test:act' },
        { name: 'test:two', description: 'x', alias_of: 'test:one' },
      ]),
    ).toBe(
      'schemas/actions/test/two.json: is an alias of "test:one", which is not an action but another alias',
    );
    expect(refusal([action(), action()])).toBe('schemas/actions/test/act.json: is defined twice');
  });

  it('refuses a default that is not a template of the incident, and a required parameter with a default', () => {
    const parameters = (property: Record<string, unknown>, required: string[] = []) => ({
      type: 'object',
      additionalProperties: false,
      properties: { target: property },
      ...(required.length > 0 && { required }),
    });
    expect(refusal([action({ parameters: parameters({ type: 'string', default: '{{ evnt.id }}' }) })])).toBe(
      'schemas/actions/test/act.json: parameters.properties.target.default: template "{{ evnt.id }}": Unknown variable: evnt (known: event, incident, asset, intel, history, score, severity)',
    );
    expect(refusal([action({ parameters: parameters({ type: 'string', default: 'x' }, ['target']) })])).toBe(
      'schemas/actions/test/act.json: parameter "target" is required and has a default',
    );
  });
});
