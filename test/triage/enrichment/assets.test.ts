// The asset registry in the repository: which identifier hit which pattern of which file, the most
// critical asset first, errors where they are written, and nothing an event holds can break it.

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workingTreeFiles } from '../../../src/playbooks/repo-files.js';
import { fileAssetProvider, loadAssetRegistry } from '../../../src/triage/enrichment/assets/files.js';
import { enrich } from '../../../src/triage/enrichment/enrich.js';
import { subjectOf } from '../../../src/triage/enrichment/subject.js';
import { normalizeFile, REPO_ROOT } from '../../helpers/corpus.js';
import { type ScratchRepo, scratchRepo, subject } from './helpers.js';

const REGISTRY = `assets:
  - id: orders-api
    owner: team-orders@example.com
    environment: prod
    criticality: 0.8
    compliance: [pci-dss]
    match:
      - arn:aws:iam::123456789012:role/orders-api-*
      - i-0abcd1234ef567890
  - id: prod-account
    environment: prod
    criticality: 0.5
    match:
      - type: account
        pattern: "123456789012"
  - id: payments
    environment: prod
    criticality: 0.95
    match:
      - type: k8s.pod
        pattern: payments/*
  - id: web-hosts
    criticality: 0.4
    match:
      - type: host
        pattern: web-prod-*
`;

let repo: ScratchRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

async function registryOf(contents: Record<string, string>) {
  repo = await scratchRepo(contents);
  return loadAssetRegistry(repo.files, 'assets');
}

async function problemOf(contents: Record<string, string>): Promise<string> {
  try {
    await registryOf(contents);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the registry loaded');
}

describe('asset registry from files', () => {
  it('matches an ARN against a glob, an instance id exactly, and says which identifier hit which pattern', async () => {
    const registry = await registryOf({ 'assets/aws.yaml': REGISTRY });
    const [role] = registry.lookup([
      { text: 'arn:aws:iam::123456789012:role/orders-api-instance-role', type: 'aws.iam.role' },
    ]);
    expect(role?.asset.entry.id).toBe('orders-api');
    expect(role?.pattern).toBe('arn:aws:iam::123456789012:role/orders-api-*');
    expect(role?.asset.at).toBe('assets/aws.yaml:2:5');
    const [instance] = registry.lookup([{ text: 'I-0ABCD1234EF567890', type: 'aws.ec2.instance' }]);
    expect(instance?.pattern).toBe('i-0abcd1234ef567890');
  });

  it('matches accounts, Kubernetes pods and hosts only through patterns of their type', async () => {
    const registry = await registryOf({ 'assets/aws.yaml': REGISTRY });
    const ids = (text: string, type?: string) =>
      registry.lookup([type === undefined ? { text } : { text, type }]).map((m) => m.asset.entry.id);
    expect(ids('123456789012', 'account')).toEqual(['prod-account']);
    expect(ids('123456789012', 'aws.account')).toEqual([]);
    expect(ids('payments/payments-api-7c9d5b6f4-x2x8k', 'k8s.pod')).toEqual(['payments']);
    expect(ids('payments/report.csv', 'aws.s3.object')).toEqual([]);
    expect(ids('WEB-PROD-3', 'host')).toEqual(['web-hosts']);
    expect(ids('web-prod-3')).toEqual([]);
  });

  it('puts the most critical asset first and explains the match in the enrichment', async () => {
    repo = await scratchRepo({ 'assets/aws.yaml': REGISTRY });
    const provider = fileAssetProvider({ files: repo.files, path: 'assets', timeoutMs: 2000 });
    const enrichment = await enrich(
      subject({
        resources: [
          {
            type: 'aws.iam.role',
            id: 'orders-api-instance-role',
            arn: 'arn:aws:iam::123456789012:role/orders-api-instance-role',
          },
          { type: 'k8s.pod', id: 'payments/checkout-7d9f8b6c5-q2w4e' },
        ],
        accounts: ['123456789012'],
      }),
      [provider],
    );
    expect(enrichment.assets.map((a) => [a.id, a.criticality])).toEqual([
      ['payments', 0.95],
      ['orders-api', 0.8],
      ['prod-account', 0.5],
    ]);
    expect(enrichment.asset).toEqual({
      id: 'payments',
      environment: 'prod',
      criticality: 0.95,
      compliance: [],
      matched: { identifier: 'payments/checkout-7d9f8b6c5-q2w4e', type: 'k8s.pod', pattern: 'payments/*' },
      source: 'asset_registry assets',
      at: 'assets/aws.yaml:16:5',
    });
    expect(enrichment.providers).toEqual([
      expect.objectContaining({ name: 'asset_registry assets', kind: 'asset', status: 'ok' }),
    ]);
  });

  it('reads every YAML file of the directory, and a single file when the path names one', async () => {
    const registry = await registryOf({
      'assets/a.yaml': 'assets:\n  - {id: a, criticality: 0.1, match: [x-a]}\n',
      'assets/b.yml': 'assets:\n  - {id: b, criticality: 0.2, match: [x-b]}\n',
      'assets/README.md': '# not a registry\n',
      'assets/empty.yaml': '# nothing yet\n',
    });
    expect(registry.assets.map((a) => a.entry.id)).toEqual(['a', 'b']);
    const single = await loadAssetRegistry(workingTreeFiles(repo?.root ?? ''), 'assets/b.yml');
    expect(single.assets.map((a) => a.entry.id)).toEqual(['b']);
  });

  it('reports a schema problem, a YAML problem and a duplicate id at file:line:col', async () => {
    expect(
      await problemOf({ 'assets/aws.yaml': 'assets:\n  - id: a\n    criticality: 7\n    match: [x]\n' }),
    ).toBe('assets/aws.yaml:3:18: assets[0].criticality must be at most 1, not 7');
    expect(
      await problemOf({ 'assets/aws.yaml': 'assets:\n  - id: a\n    criticalty: 1\n    match: [x]\n' }),
    ).toMatch(
      /^assets\/aws\.yaml:2:5: assets\[0\] (lacks required key "criticality"|has unknown key "criticalty")/,
    );
    expect(await problemOf({ 'assets/aws.yaml': 'assets: [\n' })).toMatch(/^assets\/aws\.yaml:\d+:\d+: /);
    expect(
      await problemOf({
        'assets/a.yaml': 'assets:\n  - {id: dup, criticality: 0.1, match: [x]}\n',
        'assets/b.yaml': 'assets:\n  - {id: dup, criticality: 0.2, match: [y]}\n',
      }),
    ).toBe('assets/b.yaml:2:10: asset "dup" is already defined at assets/a.yaml:2:10');
    expect(await problemOf({ 'other/x.yaml': '' })).toBe('assets: no such file or directory');
  });

  it('refuses __proto__ keys, control characters in patterns and a registry of too many entries', async () => {
    expect(
      await problemOf({
        'assets/x.yaml': 'assets:\n  - {id: a, criticality: 0.1, match: [x], __proto__: {}}\n',
      }),
    ).toBe('assets/x.yaml:2:43: the key "__proto__" is not allowed');
    expect(
      await problemOf({ 'assets/x.yaml': 'assets:\n  - {id: a, criticality: 0.1, match: ["a\\u0007b"]}\n' }),
    ).toBe(
      'assets/x.yaml:2:39: assets[0].match[0] must be a pattern without control characters (at most 512 characters), not "a\\u0007b"',
    );
    const many = Array.from({ length: 10_001 }, (_, i) => `  - {id: a${i}, criticality: 0.1, match: [x]}`);
    expect(await problemOf({ 'assets/x.yaml': `assets:\n${many.join('\n')}\n` })).toBe(
      'assets/x.yaml:2:3: assets must have at most 10000 items',
    );
  });

  it('treats identifiers from events as data: __proto__, control characters, huge values', async () => {
    const registry = await registryOf({
      'assets/x.yaml':
        'assets:\n  - {id: proto, criticality: 0.1, match: [__proto__, "toString"]}\n  - {id: any, criticality: 0.2, match: ["*-prod"]}\n',
    });
    const ids = (text: string) => registry.lookup([{ text }]).map((m) => m.asset.entry.id);
    expect(ids('__proto__')).toEqual(['proto']);
    expect(ids('constructor')).toEqual([]);
    expect(ids('hasOwnProperty')).toEqual([]);
    expect(ids('web\u0000\u001b[31m-prod')).toEqual(['any']);
    const started = performance.now();
    expect(ids(`${'-prod'.repeat(20_000)}x`)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('gives the sample events the owners and environments of the shipped registry', async () => {
    const files = workingTreeFiles(REPO_ROOT);
    const provider = fileAssetProvider({ files, path: 'assets', timeoutMs: 5000 });
    const events = normalizeFile(join(REPO_ROOT, 'samples/events.ndjson'));
    const found = [];
    for (const event of events) {
      const { asset, degraded } = await enrich(subjectOf([event]), [provider]);
      expect(degraded).toEqual([]);
      found.push(asset && `${asset.id} ${asset.environment} ${asset.criticality}`);
    }
    expect(found).toEqual([
      'orders-api prod 0.8',
      'org-audit-trails prod 1',
      'analytics-sandbox dev 0.3',
      'orders-api prod 0.8',
      'payments-platform prod 0.95',
      'finance-workstations corp 0.7',
      'finance-workstations corp 0.7',
      'aws-management-account prod 0.95',
      'finance-workstations corp 0.7',
      null,
    ]);
  });
});
