// `irac lint`, class by class: each problem at the line and column to fix, all of them in one run,
// warnings apart from errors.

import { once } from 'node:events';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueOf, SHIPPED_ACTIONS } from '../../src/playbooks/catalogue.js';
import { lint } from '../../src/playbooks/lint.js';
import { formatProblem } from '../../src/playbooks/problems.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { scratchDir } from '../helpers/git.js';

const CONFIG = 'incident-response-config.yaml';
const NOW = new Date('2027-03-25T12:00:00Z');

const QUEUE = `id: queue-for-review
owner: secops
trigger: "false"
steps:
  - id: notify
    action: slack:post_message
    with: { channel: "#ir-queue" }
`;

/** A scratch repository holding these files, with the default route unless it is replaced. */
function repo(files: Record<string, string>): string {
  const root = scratchDir('irac-lint-');
  for (const [path, text] of Object.entries({ 'playbooks/queue-for-review.yaml': QUEUE, ...files })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The lines `irac lint` prints for these files, paths relative to the scratch repository. */
async function lines(files: Record<string, string>): Promise<string[]> {
  const root = repo(files);
  const report = await lint({ root, paths: [], now: NOW });
  return report.problems.map(formatProblem).map((line) => line.replaceAll(`${root}/`, ''));
}

/** A playbook file playbooks/<id>.yaml with an owner and these steps. */
function playbook(id: string, steps: string, head = `trigger: severity == 'high'\n`): Record<string, string> {
  return { [`playbooks/${id}.yaml`]: `id: ${id}\nowner: secops\n${head}steps:\n${steps}` };
}

describe('irac lint reports', () => {
  it('nothing for playbooks and a configuration without problems', async () => {
    expect(
      await lines({
        [CONFIG]: 'triage:\n  default_playbook: queue-for-review\n',
        ...playbook('contain', '  - id: ticket\n    action: jira:create_issue\n    with: { project: SEC }\n'),
      }),
    ).toEqual([]);
  });

  it('YAML syntax errors, one per file, and carries on with the other files', async () => {
    expect(
      await lines({
        'playbooks/broken.yaml': 'id: broken\ntrigger: [unclosed\n',
        'playbooks/tabs.yaml': 'id: tabs\nsteps:\n\t- id: a\n',
        'playbooks/twice.yaml': 'id: twice\nid: again\n',
      }),
    ).toEqual([
      'playbooks/broken.yaml:3:1: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'playbooks/tabs.yaml:3:1: error: invalid YAML: Tabs are not allowed as indentation',
      'playbooks/twice.yaml:2:1: error: duplicate key "id"',
    ]);
  });

  it('schema errors at the offending key or value, all of them', async () => {
    expect(
      await lines({
        'playbooks/shape.yaml': `id: shape
version: 1.0
owner: secops
trigger: "true"
priority: 0
tier: { environment: "prod approvals" }
steps:
  - id: a
    action: slack:post_message
    on_failure: retry
    retries: 11
extra: 1
`,
      }),
    ).toEqual([
      'playbooks/shape.yaml:2:10: error: version must be a string, not 1',
      'playbooks/shape.yaml:5:11: error: priority must be at least 1, not 0',
      'playbooks/shape.yaml:6:22: error: tier.environment must be a GitHub Environment name (letters, digits, ".", "_" and "-"; at most 100 characters), not "prod approvals"',
      'playbooks/shape.yaml:10:17: error: steps[0].on_failure must be one of "stop", "continue", "undo", not "retry"',
      'playbooks/shape.yaml:11:14: error: steps[0].retries must be at most 10, not 11',
      'playbooks/shape.yaml:12:1: error: the playbook has unknown key "extra"',
    ]);
    expect(await lines({ 'playbooks/empty.yaml': '# nothing yet\n' })).toEqual([
      'playbooks/empty.yaml:1:1: error: is empty: a playbook file holds one playbook',
    ]);
  });

  it('an unknown action, with the one it probably meant', async () => {
    expect(
      await lines(
        playbook(
          'contain',
          '  - id: isolate\n    action: aws:ec2.isolate_instanse\n    requires_approval: true\n  - id: page\n    action: pagerduty:trigger\n',
        ),
      ),
    ).toEqual([
      'playbooks/contain.yaml:6:13: error: step "isolate" has unknown action "aws:ec2.isolate_instanse" (did you mean "aws:ec2.isolate_instance"?)',
      'playbooks/contain.yaml:9:13: error: step "page" has unknown action "pagerduty:trigger"',
    ]);
  });

  it('parameters that do not fit the action: unknown, missing, of the wrong type or shape', async () => {
    expect(
      await lines(
        playbook(
          'contain',
          `  - id: notify
    action: slack:post_message
    with:
      chanel: "#ir"
  - id: snapshot
    action: aws:ec2.snapshot_instance
    instance_id: 42
  - id: logs
    action: aws:cloudtrail.lookup_events
    with:
      retention: 1y
      lookup_attributes:
        - { key: Username, value: alice, extra: 1 }
`,
        ),
      ),
    ).toEqual([
      'playbooks/contain.yaml:5:5: error: step "notify" lacks parameter "channel", which slack:post_message requires',
      'playbooks/contain.yaml:8:7: error: step "notify": slack:post_message has no parameter "chanel" (did you mean "channel"?)',
      'playbooks/contain.yaml:11:18: error: steps[1].instance_id must be a string, not 42',
      'playbooks/contain.yaml:15:18: error: steps[2].with.retention must be text matching ^(([1-9]|[1-8][0-9]|90)d|([1-9]|[1-9][0-9]|[1-9][0-9]{2})h)$, not "1y"',
      'playbooks/contain.yaml:17:42: error: steps[2].with.lookup_attributes[0] has unknown key "extra"',
    ]);
  });

  it('a template whose CEL type cannot fit, and lets dyn and text pass', async () => {
    expect(
      await lines(
        playbook(
          'contain',
          `  - id: snapshot
    action: aws:ec2.snapshot_instance
    with:
      instance_id: "{{ size(event.resources) }}"
  - id: tag
    action: aws:ec2.tag_resource
    with:
      resource_id: "{{ event.resources[0].id }}"
      tags: "{{ ['not', 'a', 'mapping'] }}"
  - id: ticket
    action: github:create_issue
    with:
      title: "{{ severity }}: {{ event.title }}"
      labels: "{{ event.kind }}"
`,
        ),
      ),
    ).toEqual([
      `playbooks/contain.yaml:8:20: error: steps[0].with.instance_id must be a string, but "{{ size(event.resources) }}" gives an int`,
      `playbooks/contain.yaml:13:13: error: steps[1].with.tags must be a mapping, but "{{ ['not', 'a', 'mapping'] }}" gives a list<string>`,
    ]);
  });

  it('duplicate step ids, at the second', async () => {
    expect(
      await lines(
        playbook(
          'contain',
          '  - id: notify\n    action: slack:post_message\n    channel: "#a"\n  - id: notify\n    action: slack:post_message\n    channel: "#b"\n',
        ),
      ),
    ).toEqual([
      'playbooks/contain.yaml:8:9: error: duplicate step id "notify" in playbook "contain" (first at line 5)',
    ]);
  });

  it('a playbook id defined in the configuration and in a file', async () => {
    expect(
      await lines({
        [CONFIG]: `playbooks:\n  - id: contain\n    owner: secops\n    trigger: "true"\n    steps:\n      - { id: a, action: slack:post_message, channel: "#ir" }\n`,
        ...playbook('contain', '  - id: a\n    action: slack:post_message\n    channel: "#ir"\n'),
      }),
    ).toEqual([
      `playbooks/contain.yaml:1:5: error: duplicate playbook id "contain" (first at ${CONFIG}:2:9)`,
    ]);
  });

  it('CEL that does not parse or reads unknown variables, in triggers, scopes, step conditions, templates and suppressions', async () => {
    expect(
      await lines({
        [CONFIG]: `triage:
  suppressions:
    - id: noisy
      when: "evnt.vendor == 'falco'"
      reason: lab noise
      owner: secops
      expires: 2027-12-31
`,
        ...playbook(
          'contain',
          `  - id: notify
    action: slack:post_message
    when: severity in ['high',
    with:
      channel: "#ir"
      text: "{{ incidnt.id }} needs eyes"
`,
          `trigger: severity == critical\ntier:\n  environment: ir-containment\n  preauthorized_when: assets.environment == 'dev'\n`,
        ),
      }),
    ).toEqual([
      `${CONFIG}:4:13: error: triage.suppressions[0].when: condition "evnt.vendor == 'falco'": Unknown variable: evnt (known: event, incident, asset, intel, history, score, severity)`,
      `playbooks/contain.yaml:3:10: error: trigger: condition "severity == critical": Unknown variable: critical (a string needs quotes: 'critical')`,
      `playbooks/contain.yaml:6:23: error: tier.preauthorized_when: condition "assets.environment == 'dev'": Unknown variable: assets (known: event, incident, asset, intel, history, score, severity)`,
      `playbooks/contain.yaml:10:11: error: steps[0].when: condition "severity in ['high',": Unexpected token: EOF`,
      'playbooks/contain.yaml:13:13: error: steps[0].with.text: template "{{ incidnt.id }} needs eyes": Unknown variable: incidnt (known: event, incident, asset, intel, history, score, severity)',
    ]);
  });

  it(`\${{ }} in a parameter, which GitHub would expand from the event before irac runs`, async () => {
    expect(
      await lines(
        playbook(
          'contain',
          `  - id: notify\n    action: slack:post_message\n    channel: "#ir"\n    text: "\${{ github.event.client_payload.event.title }}"\n`,
        ),
      ),
    ).toEqual([
      `playbooks/contain.yaml:8:11: error: steps[0].text: "\${{ github.event.client_payload.event.title }}" uses \${{ }}, which GitHub Actions would expand before irac reads it; write {{ }}`,
    ]);
  });

  it('a destructive action without requires_approval where the playbook has no pre-authorized scope', async () => {
    const steps =
      '  - id: isolate\n    action: cloud:security_group_deny_all\n  - id: block\n    action: aws:s3.block_public_access\n    requires_approval: true\n';
    expect(await lines(playbook('contain', steps))).toEqual([
      'playbooks/contain.yaml:6:13: error: step "isolate" runs cloud:security_group_deny_all (aws:ec2.isolate_instance), which is destructive, without requires_approval: true, and the playbook has no pre-authorized scope (tier.preauthorized_when)',
    ]);
    const scoped = `trigger: "true"\ntier:\n  environment: ir-containment\n  preauthorized_when: asset.environment == 'dev'\n`;
    expect(await lines(playbook('contain', steps, scoped))).toEqual([]);
  });

  it('a pre-authorized scope that reads nothing of the incident', async () => {
    const constant = `trigger: "true"\ntier:\n  environment: ir-containment\n  preauthorized_when: "1 == 1"\n`;
    expect(
      await lines(playbook('contain', '  - id: isolate\n    action: aws:ec2.isolate_instance\n', constant)),
    ).toEqual([
      `playbooks/contain.yaml:6:23: error: tier.preauthorized_when "1 == 1" reads nothing of the incident: pre-authorization must be scoped, e.g. asset.all_known && size(asset.environments) > 0 && asset.environments.all(e, e in ['dev', 'staging'])`,
    ]);
  });

  it('an irreversible destructive action without requires_approval, even in a pre-authorized tier', async () => {
    const catalogue = catalogueOf([
      ...SHIPPED_ACTIONS,
      {
        name: 'aws:ec2.terminate_instance',
        description: 'Terminates the instance.',
        destructive: true,
        reversible: false,
        undo: 'None: a terminated instance is gone.',
        permissions: ['ec2:TerminateInstances'],
        parameters: { type: 'object', additionalProperties: false, properties: {} },
      },
    ]);
    const root = repo(
      playbook(
        'contain',
        '  - id: terminate\n    action: aws:ec2.terminate_instance\n  - id: approved\n    action: aws:ec2.terminate_instance\n    requires_approval: true\n',
        `trigger: "true"\ntier:\n  environment: ir-containment\n  preauthorized_when: asset.environment == 'dev'\n`,
      ),
    );
    const { problems } = await lint({
      root,
      paths: [join(root, 'playbooks/contain.yaml')],
      now: NOW,
      catalogue,
    });
    expect(problems.map((p) => `${p.line}:${p.col}: ${p.severity}: ${p.message}`)).toEqual([
      '9:13: error: step "terminate" runs aws:ec2.terminate_instance, which is destructive and cannot be undone, without requires_approval: true — a pre-authorized tier does not cover what cannot be undone',
    ]);
  });

  it('dry_run_supported on a destructive action, which would run it during a dry run', async () => {
    expect(
      await lines(
        playbook(
          'contain',
          '  - id: isolate\n    action: aws:ec2.isolate_instance\n    requires_approval: true\n    dry_run_supported: true\n',
        ),
      ),
    ).toEqual([
      'playbooks/contain.yaml:8:24: error: step "isolate" runs aws:ec2.isolate_instance, which is destructive: dry_run_supported: true would run it during a dry run',
    ]);
  });

  it('a step that could never finish in time', async () => {
    expect(
      await lines(
        playbook(
          'contain',
          '  - id: notify\n    action: slack:post_message\n    channel: "#ir"\n    timeout: 0s\n',
        ),
      ),
    ).toEqual([
      'playbooks/contain.yaml:8:14: error: step "notify" has a timeout of 0s: it could never finish',
    ]);
  });

  it('a misspelled step key, and a parameter given both inline and under with', async () => {
    expect(
      await lines(
        playbook(
          'contain',
          '  - id: revoke\n    action: aws:iam.revoke_role_sessions\n    require_approval: true\n  - id: notify\n    action: slack:post_message\n    with: { channel: "#a" }\n    channel: "#b"\n',
        ),
      ),
    ).toEqual([
      'playbooks/contain.yaml:6:13: error: step "revoke" runs aws:iam.revoke_role_sessions, which is destructive, without requires_approval: true, and the playbook has no pre-authorized scope (tier.preauthorized_when)',
      'playbooks/contain.yaml:7:5: error: steps[0] has unknown key "require_approval" (did you mean "requires_approval"?)',
      'playbooks/contain.yaml:11:5: error: step "notify" gives parameter "channel" both inline and under "with"',
    ]);
  });

  it('suppressions past their expiry, and about to expire, as warnings', async () => {
    const rule = (id: string, expires: string) =>
      `    - id: ${id}\n      when: "false"\n      reason: pentest\n      owner: lead@example.com\n      expires: ${expires}\n`;
    expect(
      await lines({
        [CONFIG]: `triage:\n  suppressions:\n${rule('expired', '2027-03-24')}${rule('soon', '2027-03-29')}${rule('later', '2027-06-30')}`,
      }),
    ).toEqual([
      `${CONFIG}:7:16: warning: suppression "expired" expired on 2027-03-24: it suppresses nothing any more; renew it (owner: lead@example.com) or remove it`,
      `${CONFIG}:12:16: warning: suppression "soon" expires on 2027-03-29, in 5 days: renew it (owner: lead@example.com) or let it lapse`,
    ]);
  });

  it('a default playbook that does not exist', async () => {
    expect(await lines({ [CONFIG]: 'triage:\n  default_playbook: queue-for-reveiw\n' })).toEqual([
      `${CONFIG}:2:21: error: triage.default_playbook "queue-for-reveiw" is not a playbook (did you mean "queue-for-review"?)`,
    ]);
  });

  it('a playbook without an owner, as a warning', async () => {
    expect(
      await lines({
        'playbooks/contain.yaml':
          "id: contain\ntrigger: severity == 'high'\nsteps:\n  - { id: a, action: slack:post_message, channel: '#ir' }\n",
      }),
    ).toEqual([
      'playbooks/contain.yaml:1:5: warning: playbook "contain" has no owner: say who answers for it (owner: a team, an e-mail address or @org/team)',
    ]);
  });

  it('a playbook in a file not named after it', async () => {
    expect(
      await lines({
        'playbooks/isolate.yaml':
          'id: contain\nowner: secops\ntrigger: "true"\nsteps:\n  - { id: a, action: slack:post_message, channel: "#ir" }\n',
      }),
    ).toEqual([
      'playbooks/isolate.yaml:1:5: error: playbook "contain" is in isolate.yaml: its file must be named contain.yaml, one playbook per file',
    ]);
  });

  it('an alias bomb before expanding it, and nesting too deep to walk', async () => {
    const rows = ['x_a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
    ]) {
      rows.push(`x_${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    expect(await lines({ 'playbooks/bomb.yaml': `id: bomb\n${rows.join('\n')}\n` })).toEqual([
      'playbooks/bomb.yaml:3:10: error: aliases expand too far (more than 100 expansions of nested aliases)',
    ]);
    const deep = `id: deep\nowner: secops\ntrigger: "true"\nsteps:\n  - id: a\n    action: slack:post_message\n    channel: "#ir"\n    text: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    expect(await lines({ 'playbooks/deep.yaml': deep })).toEqual([
      'playbooks/deep.yaml:8:72: error: nests deeper than 64 levels',
    ]);
  });

  it('every problem of every file at once, sorted by file and position', async () => {
    const found = await lines({
      [CONFIG]: 'triage:\n  default_playbook: nowhere\n',
      ...playbook('b', '  - id: a\n    action: nope:nope\n'),
      ...playbook('a', '  - id: a\n    action: slack:post_message\n'),
    });
    expect(found).toEqual([
      `${CONFIG}:2:21: error: triage.default_playbook "nowhere" is not a playbook`,
      'playbooks/a.yaml:5:5: error: step "a" lacks parameter "channel", which slack:post_message requires',
      'playbooks/b.yaml:6:13: error: step "a" has unknown action "nope:nope"',
    ]);
  });

  it('only the paths it is given, files or directories, with the configuration only when named', async () => {
    const root = repo({
      [CONFIG]: 'triage:\n  default_playbook: nowhere\n',
      'drafts/nested/new.yaml':
        'id: new\nowner: secops\ntrigger: "true"\nsteps:\n  - { id: a, action: nope:nope }\n',
      'drafts/notes.txt': 'not yaml',
    });
    const shown = (file: string) => relative(root, file);
    const report = await lint({ root, paths: [join(root, 'drafts')], now: NOW });
    expect(report.files.map(shown)).toEqual(['drafts/nested/new.yaml']);
    expect(report.problems.map((p) => formatProblem({ ...p, file: shown(p.file) }))).toEqual([
      'drafts/nested/new.yaml:5:22: error: step "a" has unknown action "nope:nope"',
    ]);
    const withConfig = await lint({ root, paths: [join(root, 'drafts'), join(root, CONFIG)], now: NOW });
    expect(withConfig.files.map(shown)).toEqual([CONFIG, 'drafts/nested/new.yaml']);
    expect(withConfig.problems.map((p) => shown(p.file))).toEqual(['drafts/nested/new.yaml', CONFIG]);
    const missing = join(root, 'missing.yaml');
    await expect(lint({ root, paths: [missing], now: NOW })).rejects.toThrow(
      `${missing}: no such file or directory`,
    );
  });
});

describe('irac lint, on the registry and feeds the configuration names', () => {
  const SOURCES = `triage:
  enrichment_sources:
    - type: asset_registry
      path: assets
    - type: threat_intel
      path: ./intel/
    - type: asset_registry
      endpoint: http://127.0.0.1:9/api/v1
    - type: history
      window: 30d
`;
  const ASSETS = `assets:
  - id: web
    owner: web@example.com
    criticality: 0.7
    match: ["arn:aws:ec2:*:*:instance/i-web*"]
`;
  const FEED = `description: drills
indicators:
  - value: 203.0.113.50
    score: 0.9
`;

  it('nothing when they load, and asks no network source', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('{"assets": []}');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      expect(
        await lines({
          [CONFIG]: SOURCES.replace('127.0.0.1:9', `127.0.0.1:${port}`),
          'assets/web.yaml': ASSETS,
          'assets/README.md': '# not a registry\n',
          'intel/drills.yaml': FEED,
          'intel/drop.txt': '; DROP\n192.0.2.0/24 ; SBL-1\n',
        }),
      ).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('an asset with a criticality above 1, at its value', async () => {
    expect(
      await lines({
        [CONFIG]: SOURCES,
        'assets/web.yaml': ASSETS.replace('criticality: 0.7', 'criticality: 1.5'),
        'intel/drills.yaml': FEED,
      }),
    ).toEqual(['assets/web.yaml:4:18: error: assets[0].criticality must be at most 1, not 1.5']);
  });

  it('an asset with a key the registry does not know, at that key', async () => {
    expect(
      await lines({
        [CONFIG]: SOURCES,
        'assets/a.yaml': 'assets:\n  - {id: a, criticality: 0.1, match: [x-a]}\n',
        'assets/web.yaml': ASSETS.replace('    owner:', '    enviroment: prod\n    owner:'),
        'intel/drills.yaml': FEED,
      }),
    ).toEqual([
      'assets/web.yaml:3:5: error: assets[0] has unknown key "enviroment" (did you mean "environment"?)',
    ]);
  });

  it('a broken asset file and a broken YAML feed in one run, and a plain feed at its line', async () => {
    expect(
      await lines({
        [CONFIG]: SOURCES,
        'assets/web.yaml': `${ASSETS}  - id: db\n    criticality: high\n    match: [x]\n`,
        'intel/drills.yaml': `${FEED}  - value: 192.0.2.1\n    type: domain\n`,
      }),
    ).toEqual([
      'assets/web.yaml:7:18: error: assets[1].criticality must be a number, not "high"',
      'intel/drills.yaml:5:12: error: indicators[1].value "192.0.2.1" is not a domain',
    ]);
    expect(
      await lines({
        [CONFIG]: SOURCES,
        'assets/web.yaml': ASSETS,
        'intel/drills.yaml': FEED,
        'intel/drop.txt': '192.0.2.0/24\n192.0.2.300\n',
      }),
    ).toEqual([
      'intel/drop.txt:2:1: error: "192.0.2.300" is not an IP address, CIDR block, domain, URL, MD5/SHA-1/SHA-256 hash or email address',
    ]);
  });

  it('a missing path at its source in the configuration, a file that is not text at that file', async () => {
    expect(await lines({ [CONFIG]: SOURCES, 'assets/web.yaml': ASSETS })).toEqual([
      `${CONFIG}:6:13: error: triage.enrichment_sources[1].path "intel": no such file or directory`,
    ]);
    const root = repo({ [CONFIG]: SOURCES, 'assets/web.yaml': ASSETS, 'intel/drills.yaml': FEED });
    writeFileSync(join(root, 'assets/latin1.yaml'), Buffer.from('assets: []\n# caf\xe9\n', 'latin1'));
    const report = await lint({ root, paths: [], now: NOW });
    expect(report.problems.map(formatProblem).map((line) => line.replaceAll(`${root}/`, ''))).toEqual([
      'assets/latin1.yaml:1:1: error: is not UTF-8 text',
    ]);
  });

  it('not when only the paths given are linted', async () => {
    const root = repo({ [CONFIG]: SOURCES, 'assets/web.yaml': 'assets: 7\n' });
    const report = await lint({ root, paths: [join(root, 'playbooks')], now: NOW });
    expect(report.problems).toEqual([]);
  });

  it('nothing for the shipped registry and feeds; without them, the two paths', async () => {
    const shipped = await lint({ root: REPO_ROOT, paths: [], now: NOW });
    expect(shipped.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const copy = scratchDir('irac-lint-');
    cpSync(join(REPO_ROOT, CONFIG), join(copy, CONFIG));
    cpSync(join(REPO_ROOT, 'playbooks'), join(copy, 'playbooks'), { recursive: true });
    const bare = await lint({ root: copy, paths: [], now: NOW });
    expect(bare.problems.map((p) => p.message)).toEqual([
      'triage.enrichment_sources[0].path "assets": no such file or directory',
      'triage.enrichment_sources[1].path "intel": no such file or directory',
    ]);
  });
});
