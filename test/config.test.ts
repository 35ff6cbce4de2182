import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import configSchema from '../schemas/config.schema.json' with { type: 'json' };
import {
  DEFAULT_CONFIG_FILE,
  defaultSettings,
  durationMs,
  type LoadedConfig,
  loadConfig,
} from '../src/config/config.js';
import { InputError } from '../src/errors.js';

const SHIPPED = join(import.meta.dirname, '..', DEFAULT_CONFIG_FILE);

const scratch: string[] = [];
function scratchRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'irac-config-'));
  scratch.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A repository whose configuration file holds `text`. */
function repoWith(text: string | Buffer): string {
  const root = scratchRepo();
  writeFileSync(join(root, DEFAULT_CONFIG_FILE), text);
  return root;
}

/** The one line irac prints for this configuration, with the scratch directory left out. */
async function rejection(text: string | Buffer): Promise<string> {
  const root = repoWith(text);
  const error = await loadConfig({ repoRoot: root }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error.message.replace(`${root}/`, '');
}

const SEED_ORCHESTRATOR = `orchestrator:
  dry_run_default: true
  audit_store: s3://ir-audit-logs/
  state_backend: dynamodb://incident-state
`;

const PLAYBOOK = (id: string, steps: string) => `  - id: ${id}
    trigger: severity == 'critical'
    steps:
${steps}`;

beforeEach(() => {
  vi.stubEnv('IRAC_SIGNING_KEY', undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the shipped incident-response-config.yaml', () => {
  it('names its schema for editors on the first line, and the schema is there', () => {
    const first = readFileSync(SHIPPED, 'utf8').split('\n')[0] ?? '';
    const schema = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
    expect(schema).toBe('./schemas/config.schema.json');
    expect(existsSync(join(SHIPPED, '..', schema ?? ''))).toBe(true);
  });

  it('loads, and changes none of the built-in defaults it writes out', async () => {
    const loaded = await loadConfig({ repoRoot: join(SHIPPED, '..') });
    const defaults = defaultSettings();
    expect(loaded.path).toBe(SHIPPED);
    expect(loaded.settings.orchestrator).toEqual(defaults.orchestrator);
    expect(loaded.settings.triage.scoring).toEqual(defaults.triage.scoring);
    expect(loaded.settings.triage).toEqual({ ...defaults.triage, enrichment_sources: expect.any(Array) });
    expect(loaded.settings.triage.enrichment_sources).toEqual([
      { type: 'asset_registry', path: 'assets' },
      { type: 'threat_intel', path: 'intel' },
      { type: 'history', window: '30d' },
    ]);
    expect(loaded.settings.notifications.escalation_matrix.critical?.map((step) => step.role)).toEqual([
      'security_engineer',
      'security_lead',
    ]);
  });

  it("keeps no playbook inline: the seed's two live in playbooks/, with the others", async () => {
    const { settings, yaml } = await loadConfig({ repoRoot: join(SHIPPED, '..') });
    expect(settings.playbooks).toEqual([]);
    expect(yaml?.locate(['playbooks']).line).toBeGreaterThan(1);
  });
});

describe('defaults', () => {
  const expectBuiltIn = (loaded: LoadedConfig) => {
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.settings.playbooks).toEqual([]);
    expect(loaded.correlationWindowMs).toBe(3_600_000);
    expect(loaded.pushAttempts).toBe(20);
    expect(loaded.backoffBaseMs).toBe(200);
    expect(loaded.backoffMaxMs).toBe(5000);
    expect(loaded.committer).toBeUndefined();
    expect(loaded.signing).toEqual({ allowedSigners: '.github/allowed_signers', requireSigned: false });
  };

  it('applies the built-in defaults when the repository has no configuration file', async () => {
    const loaded = await loadConfig({ repoRoot: scratchRepo() });
    expect(loaded.path).toBeUndefined();
    expectBuiltIn(loaded);
  });

  it('applies them to a file that is empty or only comments', async () => {
    expectBuiltIn(await loadConfig({ repoRoot: repoWith('') }));
    expectBuiltIn(await loadConfig({ repoRoot: repoWith('# nothing configured yet\n') }));
  });

  it('fills in what a file leaves out, key by key', async () => {
    const root = repoWith(`orchestrator:
  correlation_window: 30m
  store:
    push_attempts: 3
  committer:
    name: irac bot
    email: irac@example.com
triage:
  scoring:
    thresholds: { critical: 0.9, high: 0.6, medium: 0.3 }
`);
    const loaded = await loadConfig({ repoRoot: root });
    expect(loaded.settings.orchestrator).toEqual({
      ...defaultSettings().orchestrator,
      correlation_window: '30m',
      store: { push_attempts: 3, backoff_base: '200ms', backoff_max: '5s' },
      committer: { name: 'irac bot', email: 'irac@example.com' },
    });
    expect(loaded.settings.triage.scoring).toEqual({
      ...defaultSettings().triage.scoring,
      thresholds: { critical: 0.9, high: 0.6, medium: 0.3 },
    });
    expect(loaded.correlationWindowMs).toBe(1_800_000);
    expect(loaded.pushAttempts).toBe(3);
    expect(loaded.committer).toEqual({ name: 'irac bot', email: 'irac@example.com' });
  });

  it('are the same values the schema documents as `default`', () => {
    const defs = configSchema.$defs as Record<string, SchemaNode>;
    const resolve = (node: SchemaNode): SchemaNode =>
      node.$ref ? resolve({ ...defs[node.$ref.replace('#/$defs/', '')], ...node, $ref: undefined }) : node;
    const documented: [string, unknown][] = [];
    const walk = (node: SchemaNode, path: string[]) => {
      for (const [key, child] of Object.entries(resolve(node).properties ?? {})) {
        const resolved = resolve(child);
        if ('default' in resolved) documented.push([[...path, key].join('.'), resolved.default]);
        walk(resolved, [...path, key]);
      }
    };
    walk(configSchema as SchemaNode, []);
    const settings = defaultSettings() as unknown as Record<string, unknown>;
    const at = (path: string) =>
      path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], settings);
    expect(documented.length).toBeGreaterThanOrEqual(10);
    for (const [path, value] of documented) expect([path, at(path)]).toEqual([path, value]);
  });

  it('are frozen: no reader can change them for the next', async () => {
    const { settings } = await loadConfig({ repoRoot: join(SHIPPED, '..') });
    expect(() => {
      (settings.orchestrator as { dry_run_default: boolean }).dry_run_default = false;
    }).toThrow(TypeError);
    expect(() => (settings.playbooks as unknown[]).push({})).toThrow(TypeError);
    expect(defaultSettings().orchestrator.dry_run_default).toBe(true);
  });
});

interface SchemaNode {
  $ref?: string | undefined;
  properties?: Record<string, SchemaNode>;
  default?: unknown;
}

describe('an explicit --config file', () => {
  it('is read relative to the working directory, or from an absolute path', async () => {
    const root = repoWith('orchestrator: { dry_run_default: false }\n');
    const file = join(root, DEFAULT_CONFIG_FILE);
    for (const given of [file, relative(process.cwd(), file)]) {
      const loaded = await loadConfig({ repoRoot: scratchRepo(), file: given });
      expect(loaded.path).toBe(file);
      expect(loaded.settings.orchestrator.dry_run_default).toBe(false);
    }
  });

  it('must exist: no silent fallback to defaults', async () => {
    const file = join(scratchRepo(), 'missing.yaml');
    await expect(loadConfig({ repoRoot: scratchRepo(), file })).rejects.toThrow(
      new InputError(file, 'no such file'),
    );
  });

  it('must be a file, and small', async () => {
    const root = scratchRepo();
    await expect(loadConfig({ repoRoot: root, file: root })).rejects.toThrow(`${root}: is not a file`);
    const big = join(root, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(1024 * 1024)}\n`);
    await expect(loadConfig({ repoRoot: root, file: big })).rejects.toThrow(
      `${big}: is 1048579 bytes; the limit is 1048576`,
    );
  });
});

describe('a configuration irac rejects, in one line: file:line:col: what', () => {
  it("names the seed's audit_store and state_backend as unknown keys: state lives in git", async () => {
    expect(await rejection(SEED_ORCHESTRATOR)).toBe(
      'incident-response-config.yaml:3:3: orchestrator has unknown key "audit_store"',
    );
    expect(await rejection('orchestrator:\n  state_backend: dynamodb://incident-state\n')).toBe(
      'incident-response-config.yaml:2:3: orchestrator has unknown key "state_backend"',
    );
  });

  it('suggests the key a misspelling meant', async () => {
    expect(await rejection('orchestrator:\n  store:\n    push_atempts: 3\n')).toBe(
      'incident-response-config.yaml:3:5: orchestrator.store has unknown key "push_atempts" (did you mean "push_attempts"?)',
    );
    expect(await rejection('playbook:\n  - id: x\n')).toBe(
      'incident-response-config.yaml:1:1: the configuration has unknown key "playbook" (did you mean "playbooks"?)',
    );
  });

  it('says which type a value must have and what it got', async () => {
    expect(await rejection('orchestrator:\n  dry_run_default: yes\n')).toBe(
      'incident-response-config.yaml:2:20: orchestrator.dry_run_default must be true or false, not "yes"',
    );
    expect(await rejection('orchestrator:\n  max_concurrent_playbooks: ten\n')).toBe(
      'incident-response-config.yaml:2:29: orchestrator.max_concurrent_playbooks must be a whole number, not "ten"',
    );
    expect(await rejection('orchestrator:\n  max_concurrent_playbooks: 0\n')).toBe(
      'incident-response-config.yaml:2:29: orchestrator.max_concurrent_playbooks must be at least 1, not 0',
    );
    expect(await rejection('orchestrator:\n  store:\n    push_attempts: 1000\n')).toBe(
      'incident-response-config.yaml:3:20: orchestrator.store.push_attempts must be at most 100, not 1000',
    );
    expect(await rejection('orchestrator:\ntriage: []\n')).toBe(
      'incident-response-config.yaml:1:1: orchestrator must be a mapping, not empty',
    );
  });

  it('explains what a duration looks like', async () => {
    expect(await rejection('orchestrator:\n  correlation_window: 1 hour\n')).toBe(
      'incident-response-config.yaml:2:23: orchestrator.correlation_window must be a duration like "200ms", "30s", "5m", "1h" or "7d", not "1 hour"',
    );
    expect(
      await rejection(
        'notifications:\n  escalation_matrix:\n    critical:\n      - role: oncall\n        timeout: 5\n',
      ),
    ).toBe(
      'incident-response-config.yaml:5:18: notifications.escalation_matrix.critical[0].timeout must be a string, not 5',
    );
  });

  it('refuses a backoff cap shorter than the backoff itself', async () => {
    expect(await rejection('orchestrator:\n  store:\n    backoff_base: 10s\n    backoff_max: 2s\n')).toBe(
      'incident-response-config.yaml:4:18: orchestrator.store.backoff_max (2s) is shorter than backoff_base (10s)',
    );
  });

  it('refuses a backoff longer than the default cap, naming the default', async () => {
    expect(await rejection('orchestrator:\n  store:\n    backoff_base: 10s\n')).toBe(
      'incident-response-config.yaml:3:19: orchestrator.store.backoff_base (10s) is longer than backoff_max (5s, the default)',
    );
  });

  it('checks the committer identity, the signers file path and enrichment addresses', async () => {
    expect(
      await rejection(
        'orchestrator:\n  committer:\n    name: "irac <root@evil>"\n    email: irac@example.com\n',
      ),
    ).toBe(
      'incident-response-config.yaml:3:11: orchestrator.committer.name must be a name of at most 200 characters without "<", ">" or control characters, not "irac <root@evil>"',
    );
    expect(await rejection('orchestrator:\n  committer:\n    name: irac\n    email: irac\n')).toBe(
      'incident-response-config.yaml:4:12: orchestrator.committer.email must be an email address, not "irac"',
    );
    expect(await rejection('orchestrator:\n  committer:\n    name: irac\n')).toBe(
      'incident-response-config.yaml:3:5: orchestrator.committer lacks required key "email"',
    );
    expect(await rejection('orchestrator:\n  signing:\n    allowed_signers: ../../etc/signers\n')).toBe(
      'incident-response-config.yaml:3:22: orchestrator.signing.allowed_signers must be a path inside the repository (relative, without ".."), not "../../etc/signers"',
    );
    expect(
      await rejection(
        'triage:\n  enrichment_sources:\n    - type: asset_registry\n      endpoint: ftp://assets\n',
      ),
    ).toBe(
      'incident-response-config.yaml:4:17: triage.enrichment_sources[0].endpoint must be an http:// or https:// URL, not "ftp://assets"',
    );
    expect(
      await rejection(
        'triage:\n  enrichment_sources:\n    - { type: threat_intel, provider: abuse_ip_db, rate_limit: 100 per minute }\n',
      ),
    ).toBe(
      'incident-response-config.yaml:3:64: triage.enrichment_sources[0].rate_limit must be a rate like "100/min" (per s, min or h), not "100 per minute"',
    );
  });

  it('checks playbook, step and action names', async () => {
    expect(
      await rejection(
        `playbooks:\n${PLAYBOOK('Contain', '      - id: a\n        action: slack:post_message\n')}`,
      ),
    ).toBe(
      'incident-response-config.yaml:2:9: playbooks[0].id must be an id of lowercase letters, digits and dashes (at most 64 characters), not "Contain"',
    );
    expect(
      await rejection(`playbooks:\n${PLAYBOOK('contain', '      - id: a\n        action: post_message\n')}`),
    ).toBe(
      'incident-response-config.yaml:6:17: playbooks[0].steps[0].action must be an action like "slack:post_message", not "post_message"',
    );
    expect(
      await rejection(
        `playbooks:\n${PLAYBOOK('contain', '      - id: a\n        action: slack:post_message\n        Channel: "#ir"\n')}`,
      ),
    ).toBe(
      'incident-response-config.yaml:7:9: playbooks[0].steps[0] has key "Channel"; keys must be a name of lowercase letters, digits and underscores (at most 64 characters)',
    );
    expect(
      await rejection(
        `playbooks:\n${PLAYBOOK('contain', '      - id: a\n        action: slack:post_message\n        channel:\n')}`,
      ),
    ).toBe(
      'incident-response-config.yaml:7:9: playbooks[0].steps[0].channel must be a string, a number, a boolean, a list or a mapping, not empty',
    );
    expect(
      await rejection(
        `playbooks:\n${PLAYBOOK('contain', '      - id: a\n        action: aws:ec2.isolate_instance\n')}    tier: { environment: "ir containment" }\n`,
      ),
    ).toBe(
      'incident-response-config.yaml:7:26: playbooks[0].tier.environment must be a GitHub Environment name (letters, digits, ".", "_" and "-"; at most 100 characters), not "ir containment"',
    );
    expect(
      await rejection(`playbooks:\n  - id: contain\n    trigger: severity == 'critical'\n    steps: []\n`),
    ).toBe('incident-response-config.yaml:4:12: playbooks[0].steps must not be empty');
    expect(
      await rejection(
        `playbooks:\n  - id: contain\n    steps:\n      - { id: a, action: "slack:post_message" }\n`,
      ),
    ).toBe('incident-response-config.yaml:2:5: playbooks[0] lacks required key "trigger"');
  });

  it('checks that an enrichment source says where to look', async () => {
    expect(
      await rejection(
        'triage:\n  enrichment_sources:\n    - type: threat_intel\n      rate_limit: 100/min\n',
      ),
    ).toBe(
      'incident-response-config.yaml:3:7: triage.enrichment_sources[0] (threat_intel) needs either "path" (feeds in the repository) or "provider" (abuse_ip_db)',
    );
    expect(
      await rejection(
        'triage:\n  enrichment_sources:\n    - type: asset_registry\n      path: assets\n      endpoint: https://cmdb.example\n',
      ),
    ).toBe(
      'incident-response-config.yaml:3:7: triage.enrichment_sources[0] (asset_registry) needs either "path" (registry files in the repository) or "endpoint" (an HTTP registry)',
    );
    expect(
      await rejection('triage:\n  enrichment_sources:\n    - type: history\n      provider: abuse_ip_db\n'),
    ).toBe(
      'incident-response-config.yaml:3:7: triage.enrichment_sources[0] (history) does not take "provider"',
    );
    expect(await rejection('triage:\n  enrichment_sources:\n    - type: cmdb\n')).toBe(
      'incident-response-config.yaml:3:13: triage.enrichment_sources[0].type must be one of "asset_registry", "threat_intel", "history", not "cmdb"',
    );
  });

  it('assumes a role only in its own account, and sends Slack and Jira nothing over plain http', async () => {
    expect(
      await rejection(
        'connectors:\n  aws:\n    accounts:\n      "111122223333": arn:aws:iam::444455556666:role/irac-containment\n',
      ),
    ).toBe(
      'incident-response-config.yaml:4:23: connectors.aws.accounts: the role for 111122223333 must be in that account, not in 444455556666',
    );
    expect(
      await rejection('connectors:\n  aws:\n    accounts:\n      "1111": arn:aws:iam::1111:role/x\n'),
    ).toMatch(/^incident-response-config\.yaml:4:7: /);
    expect(await rejection('connectors:\n  jira:\n    base_url: http://example.atlassian.net\n')).toBe(
      'incident-response-config.yaml:3:15: connectors.jira.base_url must be an https:// URL (http:// only to localhost, 127.0.0.0/8 or ::1), not http://example.atlassian.net',
    );
    expect(await rejection('connectors:\n  slack:\n    api_url: http://slack.example/api/\n')).toMatch(
      /^incident-response-config\.yaml:3:14: connectors\.slack\.api_url must be an https:\/\/ URL/,
    );
    const settings = (
      await loadConfig({
        repoRoot: repoWith(
          'connectors:\n  aws:\n    accounts:\n      "111122223333": arn:aws:iam::111122223333:role/irac-containment\n  jira:\n    base_url: https://example.atlassian.net\n',
        ),
      })
    ).settings;
    expect(settings.connectors.aws?.accounts).toEqual({
      '111122223333': 'arn:aws:iam::111122223333:role/irac-containment',
    });
  });

  it('sends an enrichment source nothing over plain http, except to this host', async () => {
    const source = (endpoint: string) =>
      `triage:\n  enrichment_sources:\n    - type: asset_registry\n      endpoint: "${endpoint}"\n`;
    expect(await rejection(source('http://cmdb.example.com/api/v1'))).toBe(
      'incident-response-config.yaml:4:17: triage.enrichment_sources[0].endpoint must be an https:// URL (http:// only to localhost, 127.0.0.0/8 or ::1), not http://cmdb.example.com',
    );
    // What precedes "@" is a user name, not the host; the message leaves user and password out.
    expect(await rejection(source('http://127.0.0.1:pw@evil.example/api'))).toBe(
      'incident-response-config.yaml:4:17: triage.enrichment_sources[0].endpoint must be an https:// URL (http:// only to localhost, 127.0.0.0/8 or ::1), not http://evil.example',
    );
    for (const endpoint of [
      'http://localhost.evil.example/',
      'http://[::ffff:7f00:1]/',
      'http://10.0.0.8/',
    ]) {
      expect(await rejection(source(endpoint))).toMatch(/endpoint must be an https:\/\/ URL/);
    }
    expect(await rejection(source('https://[::1/'))).toBe(
      'incident-response-config.yaml:4:17: triage.enrichment_sources[0].endpoint is not a URL',
    );
    expect(
      await rejection(
        'triage:\n  enrichment_sources:\n    - { type: threat_intel, provider: abuse_ip_db, endpoint: "http://abuse.example/api/v2" }\n',
      ),
    ).toBe(
      'incident-response-config.yaml:3:62: triage.enrichment_sources[0].endpoint must be an https:// URL (http:// only to localhost, 127.0.0.0/8 or ::1), not http://abuse.example',
    );
    for (const endpoint of [
      'https://cmdb.example.com/api/v1',
      'http://127.0.0.1:8080/api/v1',
      'http://127.9.8.7/',
      'http://127.1:9/',
      'http://LOCALHOST:9/api',
      'http://[::1]:9/api',
    ]) {
      const loaded = await loadConfig({ repoRoot: repoWith(source(endpoint)) });
      expect(loaded.settings.triage.enrichment_sources[0]?.endpoint).toBe(endpoint);
    }
  });

  it('never hands an enrichment source a credential meant for another end as its key', async () => {
    const keyed = (name: string) =>
      `triage:\n  enrichment_sources:\n    - type: asset_registry\n      endpoint: https://cmdb.example.com\n      api_key_env: ${name}\n`;
    expect(await rejection(keyed('GITHUB_TOKEN'))).toBe(
      "incident-response-config.yaml:5:20: triage.enrichment_sources[0].api_key_env must name the source's own key, not GITHUB_TOKEN: that variable is GitHub's",
    );
    expect(await rejection(keyed('ACTIONS_ID_TOKEN_REQUEST_TOKEN'))).toBe(
      "incident-response-config.yaml:5:20: triage.enrichment_sources[0].api_key_env must name the source's own key, not ACTIONS_ID_TOKEN_REQUEST_TOKEN: that variable is the Actions runner's",
    );
    expect(await rejection(keyed('AWS_SECRET_ACCESS_KEY'))).toBe(
      "incident-response-config.yaml:5:20: triage.enrichment_sources[0].api_key_env must name the source's own key, not AWS_SECRET_ACCESS_KEY: that variable is AWS's",
    );
    expect(await rejection(keyed('PROD_DB_SECRET_ACCESS_KEY'))).toBe(
      "incident-response-config.yaml:5:20: triage.enrichment_sources[0].api_key_env must name the source's own key, not PROD_DB_SECRET_ACCESS_KEY: that variable is named like a cloud credential or a private key",
    );
    for (const name of [
      'GH_TOKEN',
      'RUNNER_TEMP',
      'AWS_SESSION_TOKEN',
      'SLACK_BOT_TOKEN',
      'IRAC_SIGNING_KEY',
    ]) {
      expect(await rejection(keyed(name))).toContain(
        `api_key_env must name the source's own key, not ${name}:`,
      );
    }
    expect(
      await rejection(
        'triage:\n  enrichment_sources:\n    - { type: threat_intel, provider: abuse_ip_db, api_key_env: DEPLOY_PRIVATE_KEY }\n',
      ),
    ).toContain('3:65: triage.enrichment_sources[0].api_key_env must name the source');
    for (const name of ['CMDB_TOKEN', 'ABUSEIPDB_API_KEY', 'IRAC_CMDB_TOKEN']) {
      const loaded = await loadConfig({ repoRoot: repoWith(keyed(name)) });
      expect(loaded.settings.triage.enrichment_sources[0]?.api_key_env).toBe(name);
    }
  });

  it('checks suppression rules: a condition that compiles, a real expiry, unique ids', async () => {
    const rule = (when: string, expires = '2027-03-31', id = 'pentest') =>
      `    - id: ${id}\n      when: "${when}"\n      reason: pentest\n      owner: lead@example.com\n      expires: ${expires}\n`;
    expect(await rejection(`triage:\n  suppressions:\n${rule('severity == low')}`)).toBe(
      'incident-response-config.yaml:4:13: triage.suppressions[0].when: condition "severity == low": Unknown variable: low (a string needs quotes: \'low\')',
    );
    expect(await rejection(`triage:\n  suppressions:\n${rule("severity == 'low'", '2027-02-30')}`)).toBe(
      'incident-response-config.yaml:7:16: triage.suppressions[0].expires "2027-02-30" is not a real date',
    );
    expect(
      await rejection(`triage:\n  suppressions:\n${rule('true')}${rule('false', '2027-01-01', 'pentest')}`),
    ).toBe('incident-response-config.yaml:8:11: duplicate suppression id "pentest" (first at line 3)');
  });

  it('refuses weights that do not add up to 1 and thresholds out of order', async () => {
    const weights =
      'triage:\n  scoring:\n    weights: { severity: 0.5, asset_criticality: 0.3, historical_frequency: 0.2, threat_score: 0.1 }\n';
    expect(await rejection(weights)).toBe(
      'incident-response-config.yaml:3:14: triage.scoring.weights must sum to 1, not 1.1',
    );
    expect(
      await rejection('triage:\n  scoring:\n    thresholds: { critical: 0.5, high: 0.5, medium: 0.2 }\n'),
    ).toBe(
      'incident-response-config.yaml:3:17: triage.scoring.thresholds must descend from critical to high to medium, not 0.5, 0.5, 0.2',
    );
    expect(
      await rejection('triage:\n  scoring:\n    thresholds: { critical: 1.5, high: 0.5, medium: 0.2 }\n'),
    ).toBe(
      'incident-response-config.yaml:3:29: triage.scoring.thresholds.critical must be at most 1, not 1.5',
    );
  });

  it('knows only the four severities in the escalation matrix', async () => {
    expect(
      await rejection(
        'notifications:\n  escalation_matrix:\n    urgent:\n      - { role: oncall, timeout: 5m }\n',
      ),
    ).toBe('incident-response-config.yaml:3:5: notifications.escalation_matrix has unknown key "urgent"');
  });

  it('reports the first problem in the file, whatever order the schema finds them in', async () => {
    const text =
      'orchestrator:\n  dry_run_default: maybe\n  max_concurrent_playbooks: -1\n  audit_store: s3://x\n';
    expect(await rejection(text)).toBe(
      'incident-response-config.yaml:2:20: orchestrator.dry_run_default must be true or false, not "maybe"',
    );
  });

  it('refuses a duplicate YAML key instead of keeping the last one', async () => {
    expect(await rejection('orchestrator:\n  dry_run_default: true\n  dry_run_default: false\n')).toBe(
      'incident-response-config.yaml:3:3: duplicate key "dry_run_default"',
    );
  });

  it('refuses what is not YAML, or not UTF-8', async () => {
    expect(await rejection('orchestrator:\n\tdry_run_default: true\n')).toBe(
      'incident-response-config.yaml:2:1: invalid YAML: Tabs are not allowed as indentation',
    );
    expect(await rejection('orchestrator: [unclosed\n')).toBe(
      'incident-response-config.yaml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(await rejection('orchestrator: 1\n---\ntriage: 2\n')).toBe(
      'incident-response-config.yaml:2:1: holds more than one YAML document; irac reads one',
    );
    expect(await rejection(Buffer.from([0x6f, 0x3a, 0x20, 0xff, 0xfe, 0x0a]))).toBe(
      'incident-response-config.yaml: is not UTF-8 text',
    );
  });

  it('refuses YAML that is a list or a scalar rather than a mapping', async () => {
    expect(await rejection('- orchestrator\n- triage\n')).toBe(
      'incident-response-config.yaml:1:1: the configuration must be a mapping, not a list',
    );
    expect(await rejection('dry_run_default\n')).toBe(
      'incident-response-config.yaml:1:1: the configuration must be a mapping, not "dry_run_default"',
    );
  });

  it('refuses tags and keys that are not strings', async () => {
    expect(await rejection('orchestrator:\n  correlation_window: !!binary aGk=\n')).toBe(
      'incident-response-config.yaml:2:23: invalid YAML: Unresolved tag: tag:yaml.org,2002:binary',
    );
    expect(await rejection('orchestrator:\n  1: true\n')).toBe(
      'incident-response-config.yaml:2:3: keys must be strings, not the number 1',
    );
  });

  it('refuses an alias bomb before expanding it, and an alias without an anchor', async () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
    ]) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const bomb = `orchestrator:\n  committer:\n    name: irac\n    email: irac@example.com\n${rows.map((row) => `x_${row}`).join('\n')}\n`;
    expect(await rejection(bomb)).toBe(
      'incident-response-config.yaml:6:10: aliases expand too far (more than 100 expansions of nested aliases)',
    );
    expect(await rejection('orchestrator: *defaults\n')).toBe(
      'incident-response-config.yaml:1:15: alias *defaults has no anchor before it',
    );
  });

  it('refuses a __proto__ key anywhere, and nesting deeper than anything walks safely', async () => {
    expect(await rejection('triage:\n  __proto__: { polluted: true }\n')).toBe(
      'incident-response-config.yaml:2:3: the key "__proto__" is not allowed',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await rejection(`orchestrator: ${'['.repeat(70)}${']'.repeat(70)}\n`)).toBe(
      'incident-response-config.yaml:1:78: nests deeper than 64 levels',
    );
  });

  it('accepts anchors and aliases used plainly', async () => {
    const step =
      '      - &notify\n        id: notify\n        action: slack:post_message\n        channel: "#ir"\n';
    const text = `playbooks:\n${PLAYBOOK('a', step)}${PLAYBOOK('b', '      - *notify\n')}`;
    const loaded = await loadConfig({ repoRoot: repoWith(text) });
    expect(loaded.settings.playbooks[1]?.steps[0]).toEqual(loaded.settings.playbooks[0]?.steps[0]);
  });
});

describe('the signing key', () => {
  it('comes from the configuration, resolved to an absolute path', async () => {
    const keyDir = scratchRepo();
    const key = join(keyDir, 'irac_ed25519');
    const loaded = await loadConfig({ repoRoot: repoWith(`orchestrator:\n  signing:\n    key: ${key}\n`) });
    expect(loaded.signing).toEqual({ key, allowedSigners: '.github/allowed_signers', requireSigned: false });
  });

  it('is overridden by IRAC_SIGNING_KEY, with or without a file', async () => {
    const key = join(scratchRepo(), 'from-secret');
    vi.stubEnv('IRAC_SIGNING_KEY', key);
    const configured = await loadConfig({
      repoRoot: repoWith('orchestrator:\n  signing:\n    key: /elsewhere/key\n'),
    });
    expect(configured.signing.key).toBe(key);
    expect((await loadConfig({ repoRoot: scratchRepo() })).signing.key).toBe(key);
  });

  it('is refused inside the repository, where one `git add .` would publish it', async () => {
    const root = scratchRepo();
    const key = join(root, 'keys', 'irac');
    writeFileSync(join(root, DEFAULT_CONFIG_FILE), `orchestrator:\n  signing:\n    key: ${key}\n`);
    await expect(loadConfig({ repoRoot: root })).rejects.toThrow(
      `${root}/${DEFAULT_CONFIG_FILE}:3:10: signing key ${key} is inside the repository; keep private keys out of it`,
    );
    vi.stubEnv('IRAC_SIGNING_KEY', join(root, '.ssh', 'id'));
    await expect(loadConfig({ repoRoot: root })).rejects.toThrow(
      `IRAC_SIGNING_KEY: signing key ${join(root, '.ssh', 'id')} is inside the repository; keep private keys out of it`,
    );
  });

  it('is refused, without being repeated, when the variable holds the key itself rather than its path', async () => {
    const material =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
    vi.stubEnv('IRAC_SIGNING_KEY', material);
    const error = (await loadConfig({ repoRoot: scratchRepo() }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      'IRAC_SIGNING_KEY: holds key material, not a path: write the key to a file outside the repository and name that file',
    );
    expect(error.message).not.toContain('b3Blbn');
  });
});

describe('durationMs', () => {
  it('reads milliseconds, seconds, minutes, hours and days', () => {
    expect(['200ms', '30s', '5m', '1h', '7d', '0s'].map(durationMs)).toEqual([
      200, 30_000, 300_000, 3_600_000, 604_800_000, 0,
    ]);
  });

  it('refuses anything else rather than guess', () => {
    for (const text of ['1 hour', '1.5h', '-1s', '5', 'h', '1H', '123456789d']) {
      expect(() => durationMs(text)).toThrow(RangeError);
    }
  });
});
