// The playbooks irac ships: clean under lint, and routing the events they are written for — the AWS
// ones by what GuardDuty, Security Hub and CloudTrail actually send, before the severity-only ones.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { normalizeInput } from '../../src/ingest/normalize.js';
import { lint } from '../../src/playbooks/lint.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { needsApproval, type Playbook, renderParameters } from '../../src/playbooks/playbook.js';
import { workingTreeFiles } from '../../src/playbooks/repo-files.js';
import type { ConditionContext } from '../../src/triage/expressions.js';
import type { SecurityEvent } from '../../src/types.js';
import {
  CORPUS_DIR,
  corpusAvailable,
  corpusFiles,
  FIXTURES_DIR,
  fixtureFiles,
  oneEvent,
  REPO_ROOT,
  shortName,
} from '../helpers/corpus.js';
import { assetOf, contextOf, fixtureEvents, triagedContext } from './incidents.js';

/** The fixture's GuardDuty EC2 finding retyped: what GuardDuty sends for `type` with this ResourceRole. */
function guardDutyEc2Finding(type: string, resourceRole: 'ACTOR' | 'TARGET'): SecurityEvent {
  const raw = JSON.parse(readFileSync(join(FIXTURES_DIR, 'guardduty/get-findings.json'), 'utf8'));
  const [finding] = raw.Findings;
  finding.Type = type;
  finding.Service.ResourceRole = resourceRole;
  if (!type.includes('!DNS')) {
    finding.Service.Action = {
      ActionType: 'NETWORK_CONNECTION',
      NetworkConnectionAction: {
        ConnectionDirection: resourceRole === 'TARGET' ? 'INBOUND' : 'OUTBOUND',
        RemoteIpDetails: { IpAddressV4: '185.220.101.47' },
        Protocol: 'TCP',
        Blocked: false,
      },
    };
  }
  return oneEvent({ Findings: [finding] }, `guardduty/${type}.json`);
}

/** The fixture's Security Hub finding (imported from GuardDuty) retyped, in ASFF's `Namespace/Category/Type` form. */
function securityHubEc2Finding(types: string): SecurityEvent {
  const raw = JSON.parse(readFileSync(join(FIXTURES_DIR, 'securityhub/sample.json'), 'utf8'));
  const [finding] = raw.detail.findings;
  finding.Types = [types];
  finding.FindingProviderFields.Types = [types];
  return oneEvent(raw, 'securityhub/retyped.json');
}

const playbooks: Playbook[] = await loadPlaybooks(
  workingTreeFiles(REPO_ROOT),
  await loadConfig({ repoRoot: REPO_ROOT }),
);

/** Where triage would send the incident: the first trigger that holds, in priority order. */
function routeOf(context: ConditionContext): string {
  return playbooks.find((playbook) => playbook.trigger.evaluate(context))?.id ?? 'queue-for-review';
}

function only(file: string, index = 0): SecurityEvent {
  const event = fixtureEvents(file)[index];
  if (!event) throw new Error(`no event ${index} in ${file}`);
  return event;
}

function playbook(id: string): Playbook {
  const found = playbooks.find((p) => p.id === id);
  if (!found) throw new Error(`no playbook ${id}`);
  return found;
}

/** The steps that apply to the incident, with their parameters rendered. */
function plan(id: string, context: ConditionContext) {
  return playbook(id)
    .steps.filter((step) => step.when?.evaluate(context) ?? true)
    .map((step) => ({
      id: step.id,
      approval: needsApproval(playbook(id), step, context),
      parameters: renderParameters(step, context),
    }));
}

describe('the shipped playbooks and configuration', () => {
  it('lint clean: no error, no warning', async () => {
    const report = await lint({ root: REPO_ROOT, paths: [], now: new Date() });
    expect(report.problems).toEqual([]);
    expect(report.files).toHaveLength(7);
  });
});

describe('routing the fixtures', () => {
  it.each([
    ['guardduty/sample.json', 0, 'aws-compromised-iam-credentials'],
    ['guardduty/get-findings.json', 1, 'aws-compromised-iam-credentials'],
    ['guardduty/attack-sequence.json', 0, 'aws-compromised-iam-credentials'],
    ['securityhub/guardduty-attack-sequence.json', 0, 'aws-compromised-iam-credentials'],
    ['cloudtrail/sample.json', 0, 'aws-compromised-iam-credentials'],
    ['guardduty/get-findings.json', 0, 'aws-compromised-ec2-instance'],
    ['securityhub/sample.json', 0, 'aws-compromised-ec2-instance'],
    ['ocsf/sample.json', 0, 'aws-compromised-ec2-instance'],
    ['guardduty/eventbridge-s3-bucket-anonymous-access.json', 0, 'aws-s3-public-exposure'],
    ['securityhub/control-s3-8-failed.json', 0, 'aws-s3-public-exposure'],
  ] as const)('%s (event %i) goes to %s', (file, index, route) => {
    expect(routeOf(contextOf(only(file, index)))).toBe(route);
  });

  it('sends what the AWS playbooks do not claim by severity, and the rest to the default route', () => {
    // Archived: GuardDuty no longer considers it open.
    const archived = only('guardduty/finding-s3-exfiltration-archived.json');
    expect(archived.context.active).toBe('false');
    expect(routeOf(contextOf(archived))).toBe('investigate-and-notify');
    // Recon against the instance is not a compromised instance.
    expect(routeOf(contextOf(only('guardduty/cli-port-probe.json')))).toBe('queue-for-review');
    expect(routeOf(contextOf(only('falco/sample.json')))).toBe('immediate-isolation');
    expect(routeOf(contextOf(only('splunk/sample.json'), { severity: 'low' }))).toBe('queue-for-review');
  });

  it('sends a compromised instance what the instance did, never what was done to it', () => {
    const route = (event: SecurityEvent) => routeOf(contextOf(event));
    const ec2 = 'aws-compromised-ec2-instance';
    // Someone on Tor, or on a listed IP, connected to the instance; someone brute-forced it. Anyone
    // can make GuardDuty say so: it must not reach pre-authorized containment.
    for (const type of [
      'UnauthorizedAccess:EC2/TorIPCaller',
      'UnauthorizedAccess:EC2/MaliciousIPCaller.Custom',
      'UnauthorizedAccess:EC2/SSHBruteForce',
      'UnauthorizedAccess:EC2/RDPBruteForce',
      'Impact:EC2/WinRMBruteForce',
    ]) {
      const event = guardDutyEc2Finding(type, 'TARGET');
      expect([type, event.context.resource_role, route(event)]).toEqual([
        type,
        'TARGET',
        'investigate-and-notify',
      ]);
    }
    // A Tor user connecting in says nothing of the instance whichever role GuardDuty gives.
    expect(route(guardDutyEc2Finding('UnauthorizedAccess:EC2/TorIPCaller', 'ACTOR'))).not.toBe(ec2);
    expect(route(securityHubEc2Finding('TTPs/Initial Access/UnauthorizedAccess:EC2-TorIPCaller'))).not.toBe(
      ec2,
    );
    // Without a role (Security Hub does not carry it) brute force goes by severity, to a reviewer.
    expect(route(securityHubEc2Finding('TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce'))).not.toBe(
      ec2,
    );

    // What the instance does. GuardDuty says TARGET on C&C and crypto-mining findings too.
    for (const type of [
      'Backdoor:EC2/C&CActivity.B!DNS',
      'CryptoCurrency:EC2/BitcoinTool.B!DNS',
      'CryptoCurrency:EC2/BitcoinTool.B',
      'Trojan:EC2/DNSDataExfiltration',
      'UnauthorizedAccess:EC2/TorClient',
    ]) {
      expect([type, route(guardDutyEc2Finding(type, 'TARGET'))]).toEqual([type, ec2]);
    }
    for (const type of [
      'UnauthorizedAccess:EC2/SSHBruteForce',
      'UnauthorizedAccess:EC2/MaliciousIPCaller.Custom',
    ]) {
      expect([type, route(guardDutyEc2Finding(type, 'ACTOR'))]).toEqual([type, ec2]);
    }
    expect(
      route(securityHubEc2Finding('Effects/Resource Consumption/CryptoCurrency:EC2-BitcoinTool.B')),
    ).toBe(ec2);
    expect(route(only('guardduty/get-findings.json'))).toBe(ec2);
    expect(route(only('securityhub/sample.json'))).toBe(ec2);
    expect(route(only('ocsf/sample.json'))).toBe(ec2);
  });

  it('evaluates every trigger and step condition on every fixture without an error', () => {
    const files = fixtureFiles('').map((file) => shortName(file));
    let events = 0;
    for (const file of files) {
      for (const event of fixtureEvents(file)) {
        events++;
        const context = contextOf(event);
        for (const p of playbooks) {
          expect(() => p.trigger.evaluate(context), `${p.id} on ${file}`).not.toThrow();
          for (const step of p.steps) expect(() => step.when?.evaluate(context)).not.toThrow();
        }
      }
    }
    expect(events).toBeGreaterThan(50);
  });

  it.skipIf(!corpusAvailable)('evaluates every trigger on every event of the shared corpus', () => {
    const counts = new Map<string, number>();
    for (const folder of ['guardduty', 'securityhub-asff', 'cloudtrail', 'ocsf', 'falco']) {
      for (const file of corpusFiles(folder)) {
        let events: SecurityEvent[];
        try {
          events = normalizeInput(readFileSync(file), { name: file });
        } catch {
          continue; // what ingest rejects never reaches triage
        }
        for (const event of events) {
          const route = routeOf(contextOf(event));
          counts.set(route, (counts.get(route) ?? 0) + 1);
        }
      }
    }
    expect(CORPUS_DIR).toBeTruthy();
    for (const id of [
      'aws-compromised-iam-credentials',
      'aws-compromised-ec2-instance',
      'aws-s3-public-exposure',
    ]) {
      expect([id, counts.get(id) ?? 0]).toEqual([id, expect.any(Number)]);
      expect(counts.get(id) ?? 0).toBeGreaterThan(0);
    }
  });
});

describe('the AWS playbooks, on the events they are for', () => {
  it('compromised credentials: a role has its sessions revoked, a user its keys and permissions cut, all after approval', () => {
    const role = contextOf(only('guardduty/sample.json'));
    expect(plan('aws-compromised-iam-credentials', role)).toEqual([
      {
        id: 'notify-channel',
        approval: false,
        // The message carries what a responder needs first; the event's text is escaped when posted.
        parameters: {
          channel: '#ir-aws',
          thread: true,
          title: 'Credentials for instance role orders-api-instance-role used from external IP address.',
          severity: 'high',
          score: 0.6,
          resources: ['arn:aws:iam::123456789012:role/orders-api-instance-role', 'ASIA4EXAMPLE7QK3ZP2M'],
        },
      },
      {
        id: 'collect-trail',
        approval: false,
        parameters: {
          retention: '30d',
          max_events: 5000,
          lookup_attributes: [
            { key: 'ResourceName', value: 'orders-api-instance-role' },
            { key: 'AccessKeyId', value: 'ASIA4EXAMPLE7QK3ZP2M' },
          ],
        },
      },
      { id: 'revoke-role-sessions', approval: true, parameters: { role_name: 'orders-api-instance-role' } },
      {
        id: 'open-ticket',
        approval: false,
        parameters: expect.objectContaining({
          labels: ['irac', 'IR-20260303-abcd2345', 'severity:high', 'aws-iam-credentials'],
        }),
      },
    ]);
    const user = contextOf(only('cloudtrail/sample.json'));
    expect(
      plan('aws-compromised-iam-credentials', user).map((s) => [s.id, s.approval, s.parameters]),
    ).toEqual([
      ['notify-channel', false, expect.anything()],
      ['collect-trail', false, expect.anything()],
      ['deactivate-access-keys', true, { user_name: expect.any(String) }],
      ['deny-user', true, { user_name: expect.any(String) }],
      ['open-ticket', false, expect.anything()],
    ]);
    // The root user: nothing IAM can cut; the people and the evidence still get their steps.
    const root = contextOf(only('guardduty/get-findings.json', 1));
    expect(plan('aws-compromised-iam-credentials', root).map((s) => s.id)).toEqual([
      'notify-channel',
      'collect-trail',
      'open-ticket',
    ]);
  });

  it('compromised instance: evidence before isolation; containment pre-authorized only outside production', () => {
    const event = only('guardduty/get-findings.json');
    const order = plan('aws-compromised-ec2-instance', contextOf(event)).map((s) => s.id);
    expect(order).toEqual([
      'notify-channel',
      'tag-instance',
      'protect-instance',
      'snapshot-volumes',
      'enter-standby',
      'isolate-instance',
      'remove-instance-profile',
      'disable-metadata',
      'open-ticket',
    ]);
    const approvals = (context: ConditionContext) =>
      plan('aws-compromised-ec2-instance', context)
        .filter((s) => s.approval)
        .map((s) => s.id);
    const containment = ['enter-standby', 'isolate-instance', 'remove-instance-profile', 'disable-metadata'];
    const instance = 'i-07a8b9c0d1e2f3a4b';
    const known = (...environments: (string | undefined)[]) =>
      triagedContext(
        event,
        environments.map((environment, i) => assetOf(i === 0 ? instance : `i-other${i}`, environment)),
        [],
      );
    expect(approvals(known('staging'))).toEqual([]);
    expect(approvals(known('dev', 'sandbox'))).toEqual([]);
    expect(approvals(known('prod'))).toEqual(containment);
    expect(approvals(known('production'))).toEqual(containment);
    // A known dev asset does not carry a production one, an unknown one, or one of no environment along.
    expect(approvals(known('dev', 'prod'))).toEqual(containment);
    expect(approvals(triagedContext(event, [assetOf(instance, 'dev')], ['i-0unknown']))).toEqual(containment);
    expect(approvals(known(undefined))).toEqual(containment);
    // No registry knows it; and a context without the asset keys pre-authorizes nothing either.
    expect(approvals(triagedContext(event, [], [instance]))).toEqual(containment);
    expect(approvals(contextOf(event, { asset: {} }))).toEqual(containment);
    expect(approvals(contextOf(event, { asset: { environment: 'staging' } }))).toEqual(containment);
    expect(
      plan('aws-compromised-ec2-instance', contextOf(event)).find((s) => s.id === 'isolate-instance')
        ?.parameters,
    ).toEqual({ instance_id: 'i-07a8b9c0d1e2f3a4b' });
  });

  it('public bucket: the bucket closed after approval, its CloudTrail history collected first', () => {
    for (const file of [
      'guardduty/eventbridge-s3-bucket-anonymous-access.json',
      'securityhub/control-s3-8-failed.json',
    ]) {
      const steps = plan('aws-s3-public-exposure', contextOf(only(file)));
      expect(steps.map((s) => [s.id, s.approval])).toEqual([
        ['notify-channel', false],
        ['collect-trail', false],
        ['block-public-access', true],
        ['open-ticket', false],
      ]);
      expect(steps[2]?.parameters).toEqual({ bucket: 'acme-analytics-exports' });
    }
  });
});
