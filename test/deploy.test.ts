// The EventBridge template of deploy/: a CloudFormation document whose references all resolve, whose
// connection and API destination speak GitHub's dispatches API, and whose input transformers turn the
// events AWS puts on the bus into repository_dispatch bodies that irac accepts — checked by filling each
// InputTemplate with real EventBridge events (the project's fixtures and samples, and the shared corpus
// where it is present) and normalizing the result exactly as the ingest workflow would.

import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type ScalarTag } from 'yaml';
import { DISPATCH_LIMITS } from '../src/ingest/envelopes.js';
import { normalizeInput } from '../src/ingest/normalize.js';
import { corpusFiles, RECEIVED_AT, REPO_ROOT } from './helpers/corpus.js';

const TEMPLATE_PATH = join(REPO_ROOT, 'deploy/eventbridge/irac-dispatch.yaml');

/** The short forms of the intrinsic functions the template uses, read as their long forms. */
const CFN_TAGS: ScalarTag[] = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  { tag: '!Sub', resolve: (value: string) => ({ 'Fn::Sub': value }) },
  { tag: '!GetAtt', resolve: (value: string) => ({ 'Fn::GetAtt': value.split('.') }) },
];

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
}
interface Template {
  Parameters: Record<string, unknown>;
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Value: unknown }>;
}
interface RuleTarget {
  Arn: unknown;
  RoleArn: unknown;
  DeadLetterConfig: { Arn: unknown };
  InputTransformer: { InputTemplate: string; InputPathsMap?: unknown };
}
interface EventPattern {
  source?: string[];
  'detail-type': string[];
  detail: Record<string, unknown>;
}
type AwsEvent = { source: string; 'detail-type': string; detail: Record<string, unknown> };

const template = parse(readFileSync(TEMPLATE_PATH, 'utf8'), { customTags: CFN_TAGS }) as Template;
const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::Region',
  'AWS::Partition',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

const resourcesOfType = (type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
const rules = Object.fromEntries(resourcesOfType('AWS::Events::Rule'));
const patternOf = (rule: string) => (rules[rule] as Resource).Properties.EventPattern as EventPattern;
const targetOf = (rule: string) =>
  ((rules[rule] as Resource).Properties.Targets as RuleTarget[])[0] as RuleTarget;

/** Every intrinsic function call anywhere below a value, as [function, argument]. */
function intrinsics(value: unknown): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap(intrinsics);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]): [string, unknown][] =>
    key === 'Ref' || key.startsWith('Fn::') ? [[key, inner], ...intrinsics(inner)] : intrinsics(inner),
  );
}

/** What EventBridge sends for a matched event: the InputTemplate with the predefined variable filled in. */
function dispatchBodyFor(rule: string, event: unknown): string {
  const { InputTemplate, InputPathsMap } = targetOf(rule).InputTransformer;
  expect(InputPathsMap).toBeUndefined();
  return InputTemplate.replace('<aws.events.event.json>', JSON.stringify(event));
}

/** The rule whose pattern takes events of this source and detail-type (the detail filters aside). */
function ruleFor(event: AwsEvent): string | undefined {
  return Object.keys(rules).find((rule) => {
    const pattern = patternOf(rule);
    return (
      pattern['detail-type'].includes(event['detail-type']) &&
      (pattern.source === undefined || pattern.source.includes(event.source))
    );
  });
}

function readEvent(file: string): AwsEvent {
  return JSON.parse(readFileSync(file, 'utf8')) as AwsEvent;
}

describe('the EventBridge template', () => {
  it('is CloudFormation whose Ref, GetAtt and Sub all name a parameter or resource it defines', () => {
    const names = new Set([...Object.keys(template.Parameters), ...PSEUDO_PARAMETERS]);
    const calls = intrinsics(template);
    expect(calls.length).toBeGreaterThan(10);
    const unresolved: string[] = [];
    for (const [fn, argument] of calls) {
      const referenced =
        fn === 'Ref'
          ? [argument as string]
          : fn === 'Fn::GetAtt'
            ? [(argument as string[])[0] as string]
            : fn === 'Fn::Sub'
              ? [...(argument as string).matchAll(/\$\{([\w:]+)(\.\w+)?\}/g)].map((m) => m[1] as string)
              : [];
      for (const name of referenced) {
        if (!names.has(name) && !Object.hasOwn(template.Resources, name)) unresolved.push(`${fn} ${name}`);
      }
    }
    expect(unresolved).toEqual([]);
    expect(Object.keys(rules).sort()).toEqual([
      'CloudTrailEvents',
      'GuardDutyFindings',
      'SecurityHubFindings',
    ]);
  });

  it('posts to the repository dispatches API with the token from Secrets Manager, never from the template', () => {
    const [[, connection] = []] = resourcesOfType('AWS::Events::Connection');
    const [[destinationName, destination] = []] = resourcesOfType('AWS::Events::ApiDestination');
    expect(destination?.Properties).toMatchObject({
      HttpMethod: 'POST',
      InvocationEndpoint: {
        'Fn::Sub': `https://api.github.com/repos/\${GitHubOwner}/\${GitHubRepository}/dispatches`,
      },
    });
    expect(connection?.Properties).toMatchObject({
      AuthorizationType: 'API_KEY',
      AuthParameters: {
        ApiKeyAuthParameters: {
          ApiKeyName: 'Authorization',
          ApiKeyValue: {
            'Fn::Sub': `Bearer {{resolve:secretsmanager:\${GitHubTokenSecretName}:SecretString}}`,
          },
        },
      },
    });
    expect(template.Parameters).not.toHaveProperty('GitHubToken');
    for (const rule of Object.keys(rules)) {
      expect(targetOf(rule).Arn, rule).toEqual({ 'Fn::GetAtt': [destinationName, 'Arn'] });
      expect(targetOf(rule).DeadLetterConfig.Arn, rule).toEqual({
        'Fn::GetAtt': ['UndeliveredEvents', 'Arn'],
      });
    }
  });

  it('keeps each event pattern well under EventBridge’s size limit', () => {
    for (const rule of Object.keys(rules))
      expect(JSON.stringify(patternOf(rule)).length, rule).toBeLessThan(2048);
  });

  it('forwards every CloudTrail call a playbook routes on, and every one irac rates critical or high', () => {
    const forwarded = new Set((patternOf('CloudTrailEvents').detail as { eventName: string[] }).eventName);
    const routed = ['aws-compromised-iam-credentials.yaml', 'aws-s3-public-exposure.yaml'].flatMap((file) =>
      [
        ...readFileSync(join(REPO_ROOT, 'playbooks', file), 'utf8').matchAll(
          /'[\w-]+\.amazonaws\.com:(\w+)'/g,
        ),
      ].map((m) => m[1] as string),
    );
    const risk = JSON.parse(
      readFileSync(join(REPO_ROOT, 'src/ingest/data/cloudtrail-risk.json'), 'utf8'),
    ) as {
      events: Record<string, { severity: string }>;
    };
    const rated = Object.entries(risk.events)
      .filter(([, row]) => row.severity === 'critical' || row.severity === 'high')
      .map(([name]) => name);
    expect(routed.length).toBeGreaterThan(0);
    expect([...routed, ...rated].filter((name) => !forwarded.has(name))).toEqual([]);
  });
});

const PROJECT_EVENTS = [
  'samples/scenarios/guardduty-crypto-mining.json',
  'samples/scenarios/cloudtrail-access-key-from-tor.json',
  'test/fixtures/guardduty/eventbridge-eks-runtime-cryptominer.json',
  'test/fixtures/guardduty/eventbridge-s3-bucket-anonymous-access.json',
  'test/fixtures/securityhub/sample.json',
  'test/fixtures/cloudtrail/eventbridge-guardduty-api-call.json',
].map((file) => join(REPO_ROOT, file));

/** The shared corpus's EventBridge events of the kinds the template forwards (custom actions and insights are not). */
const CORPUS_EVENTS = ['guardduty/eventbridge', 'securityhub-asff/eventbridge', 'cloudtrail/eventbridge']
  .flatMap(corpusFiles)
  .filter((file) => {
    const event = readEvent(file);
    return typeof event['detail-type'] === 'string' && ruleFor(event) !== undefined;
  });

describe('a dispatch the template builds', () => {
  const vendors: Record<string, string> = {
    GuardDutyFindings: 'guardduty',
    SecurityHubFindings: 'securityhub',
    CloudTrailEvents: 'cloudtrail',
  };

  it.each([...PROJECT_EVENTS, ...CORPUS_EVENTS].map((file) => [relative(REPO_ROOT, file), file]))(
    'from %s is accepted by irac as the event it carries',
    (_name, file) => {
      const event = readEvent(file);
      const rule = ruleFor(event);
      expect(rule, `no rule forwards ${event.source} "${event['detail-type']}"`).toBeDefined();
      const body = dispatchBodyFor(rule as string, event);
      const dispatch = JSON.parse(body);
      expect(dispatch).toEqual({
        event_type: 'security-event',
        client_payload: { source: vendors[rule as string], event },
      });
      expect(Buffer.byteLength(JSON.stringify(dispatch.client_payload))).toBeLessThan(
        DISPATCH_LIMITS.clientPayloadMaxBytes,
      );
      const events = normalizeInput(Buffer.from(body), { name: 'dispatch.json', receivedAt: RECEIVED_AT });
      expect(events.length).toBeGreaterThan(0);
      for (const normalized of events) {
        expect(normalized.vendor).toBe(vendors[rule as string]);
        expect(normalized.raw_pointer).toMatch(/^\/client_payload\/event/);
      }
    },
  );

  it('covers every rule with an event of the project’s own', () => {
    const covered = new Set(PROJECT_EVENTS.map((file) => ruleFor(readEvent(file))));
    expect([...covered].sort()).toEqual(Object.keys(rules).sort());
  });
});
