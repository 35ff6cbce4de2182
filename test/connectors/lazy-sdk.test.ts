// `irac plan` and `irac run` load the connector of every step only to call describe(): that must not load
// an SDK (each costs a few hundred milliseconds a run). A fresh Node process, on the compiled code, records
// through a module resolve hook every SDK package it resolves; describe() on every connector must resolve
// none, and inspect() — a real client against a loopback port nothing listens on — must resolve its own.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/corpus.js';

const NODE = join(REPO_ROOT, 'node_modules/node/bin/node');
const REGISTRY = pathToFileURL(join(REPO_ROOT, 'lib/src/connectors/registry.js')).href;
const CLIENTS = pathToFileURL(join(REPO_ROOT, 'lib/src/connectors/clients.js')).href;
const ACTION = pathToFileURL(join(REPO_ROOT, 'lib/src/connectors/action.js')).href;

/** Valid parameters for every connector, as the contract tests and the shipped playbooks give them. */
const PARAMS: Record<string, unknown> = {
  'aws:iam.revoke_role_sessions': { role_name: 'payments-api' },
  'aws:iam.deactivate_access_keys': { user_name: 'mallory' },
  'aws:iam.deny_all': { user_name: 'mallory' },
  'aws:ec2.isolate_instance': { instance_id: 'i-0abc1234def567890' },
  'aws:ec2.snapshot_instance': { instance_id: 'i-0abc1234def567890' },
  'aws:ec2.tag_resource': { resource_id: 'i-0abc1234def567890', tags: { 'irac:status': 'quarantined' } },
  'aws:ec2.disable_imds': { instance_id: 'i-0abc1234def567890' },
  'aws:ec2.replace_instance_profile': {
    instance_id: 'i-0abc1234def567890',
    quarantine_profile_arn: 'arn:aws:iam::111122223333:instance-profile/irac-quarantine',
  },
  'aws:ec2.protect_instance': { instance_id: 'i-0abc1234def567890' },
  'aws:ec2.block_ip': { ip: '198.51.100.7', instance_id: 'i-0abc1234def567890' },
  'aws:autoscaling.standby': { instance_id: 'i-0abc1234def567890' },
  'aws:s3.block_public_access': { bucket: 'payments-exports' },
  'aws:cloudtrail.lookup_events': { lookup_attributes: [{ key: 'Username', value: 'mallory' }] },
  'jira:create_issue': { project: 'SEC', issue_type: 'Task', summary: 'INC-1', labels: ['irac'] },
  'github:create_issue': { title: 'INC-1', labels: ['irac'] },
  'github:comment': { issue_number: 7, body: 'contained' },
  'slack:post_message': { channel: '#security-incidents', severity: 'high' },
};

/** The child: a resolve hook that notes SDK packages, then describe() everywhere, then one inspect per SDK. */
const SCRIPT = `
import { registerHooks } from 'node:module';
const SDK = /^(@aws-sdk\\/[^/]+|@slack\\/[^/]+|@octokit\\/[^/]+|jira\\.js)/;
const seen = new Set();
registerHooks({
  resolve(specifier, context, next) {
    const sdk = SDK.exec(specifier);
    if (sdk) seen.add(sdk[1]);
    return next(specifier, context);
  },
});
const { connectorNames, loadConnector } = await import(${JSON.stringify(REGISTRY)});
const { createClients } = await import(${JSON.stringify(CLIENTS)});
const params = JSON.parse(process.argv[2]);
const describeContext = { incidentId: 'INC-1', aws: { region: 'us-east-1' } };
let calls = 0;
for (const name of connectorNames()) calls += (await loadConnector(name)).describe(params[name], describeContext).length;
const afterDescribe = [...seen].sort();
// No credentials anywhere the SDK's chain looks (the child's environment says so), no token: each action
// says so without loading its service's client.
const { dryRun } = await import(${JSON.stringify(ACTION)});
const bare = createClients({});
const unavailable = [];
for (const name of ['aws:ec2.isolate_instance', 'slack:post_message', 'github:create_issue', 'jira:create_issue']) {
  await dryRun(await loadConnector(name), params[name], { ...describeContext, clients: bare, now: () => new Date() }).then(
    () => unavailable.push(name + ' answered'),
    (error) => unavailable.push(String(error.message ?? error)),
  );
}
const afterUnavailable = [...seen].sort();
// Port 1 on loopback refuses at once: each inspect builds its real client, loads its SDK, and fails.
const nowhere = 'http://127.0.0.1:1';
const clients = createClients({
  aws: { endpoint: nowhere, credentials: { accessKeyId: 'AKIDLAZY', secretAccessKey: 'lazy' }, maxAttempts: 1 },
  slack: { token: 'xoxb-lazy', apiUrl: nowhere + '/api/', retries: 0 },
  jira: { host: nowhere, email: 'ir@example.com', apiToken: 'lazy', retries: 0 },
});
const context = { ...describeContext, clients, now: () => new Date() };
const refused = [];
for (const name of ['aws:autoscaling.standby', 'slack:post_message', 'jira:create_issue']) {
  await (await loadConnector(name)).inspect(params[name], context, null).then(
    () => refused.push(name + ' answered'),
    (error) => refused.push(name + ': ' + String(error.message ?? error).slice(0, 60)),
  );
}
console.log(JSON.stringify({ calls, afterDescribe, unavailable, afterUnavailable, afterInspect: [...seen].sort(), refused }));
`;

interface ChildReport {
  readonly calls: number;
  readonly afterDescribe: string[];
  readonly unavailable: string[];
  readonly afterUnavailable: string[];
  readonly afterInspect: string[];
  readonly refused: string[];
}

async function runChild(script: string): Promise<ChildReport> {
  // Nowhere for the AWS SDK's credential chain to find any: no variables, no profile files, no metadata.
  const scrubbed = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
  const env = {
    ...scrubbed,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const child = spawn(NODE, [script, JSON.stringify(PARAMS)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildReport;
}

describe('connectors load their SDKs on first use', () => {
  let dir: string;
  let report: ChildReport;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'irac-lazy-sdk-'));
    const script = join(dir, 'describe-all.mjs');
    await writeFile(script, SCRIPT);
    report = await runChild(script);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('describes every connector of the catalogue without loading an SDK', () => {
    expect(report.calls).toBeGreaterThanOrEqual(Object.keys(PARAMS).length);
    expect(report.afterDescribe).toEqual([]);
  });

  it('without credentials or a token, an action says so and loads no client to find it out', () => {
    expect(report.unavailable).toEqual([
      expect.stringMatching(/^aws:ec2\.isolate_instance: .*AWS has no credentials here: /),
      expect.stringMatching(/^slack:post_message: .*Slack is not configured: set SLACK_BOT_TOKEN$/),
      expect.stringMatching(/^github:create_issue: .*GitHub is not configured: set GITHUB_TOKEN$/),
      expect.stringMatching(/^jira:create_issue: .*Jira is not configured: /),
    ]);
    // The credential chain is the AWS SDK's own; no service client, no Slack, GitHub or Jira SDK.
    expect(report.afterUnavailable.length).toBeGreaterThan(0);
    const clients = report.afterUnavailable.filter(
      (name) => !/^@aws-sdk\/(credential-provider|core$)/.test(name),
    );
    expect(clients).toEqual([]);
  });

  it('loads the SDK of a service once an action calls it', () => {
    expect(report.refused).toHaveLength(3);
    expect(report.afterInspect).toEqual(
      expect.arrayContaining(['@aws-sdk/client-auto-scaling', '@slack/web-api', 'jira.js']),
    );
    expect(report.afterInspect.some((name) => name.startsWith('@octokit/'))).toBe(false);
  });
});
