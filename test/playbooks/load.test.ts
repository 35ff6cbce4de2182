// Loading the playbooks for triage: files and inline ones together, compiled, in evaluation order;
// the first error refused with its place; the same from a commit's tree as from the working tree.

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import playbookSchema from '../../schemas/playbook.schema.json' with { type: 'json' };
import { loadConfig, parseSettings, readSettings } from '../../src/config/config.js';
import { InputError } from '../../src/errors.js';
import { lint } from '../../src/playbooks/lint.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { needsApproval, renderParameters } from '../../src/playbooks/playbook.js';
import { gitRefFiles, workingTreeFiles } from '../../src/playbooks/repo-files.js';
import { TemplateError } from '../../src/playbooks/templates.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { git, scratchDir, scratchRepo } from '../helpers/git.js';
import { contextOf, fixtureEvents } from './incidents.js';

const CONFIG = 'incident-response-config.yaml';

/** A directory holding these files (relative paths), as a repository's working tree. */
function tree(files: Record<string, string>): string {
  const root = scratchDir('irac-playbooks-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function load(files: Record<string, string>) {
  const root = tree(files);
  const config = await readSettings(workingTreeFiles(root));
  return loadPlaybooks(workingTreeFiles(root), config);
}

async function refusal(files: Record<string, string>): Promise<string> {
  const error = await load(files).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error.message;
}

const QUEUE = `id: queue-for-review
owner: secops
trigger: "false"
steps:
  - id: notify
    action: slack:post_message
    with: { channel: "#ir-queue" }
`;

const INLINE = (id: string, steps: string) => `  - id: ${id}
    trigger: severity == 'critical'
    steps:
${steps}`;

describe('the shipped playbooks', () => {
  it('load from the repository in evaluation order: the AWS ones first, the default route last', async () => {
    const config = await loadConfig({ repoRoot: REPO_ROOT });
    const playbooks = await loadPlaybooks(workingTreeFiles(REPO_ROOT), config);
    expect(playbooks.map((p) => [p.priority, p.id])).toEqual([
      [10, 'aws-compromised-iam-credentials'],
      [20, 'aws-compromised-ec2-instance'],
      [30, 'aws-s3-public-exposure'],
      [100, 'immediate-isolation'],
      [100, 'investigate-and-notify'],
      [1000, 'queue-for-review'],
    ]);
    expect(playbooks.map((p) => p.file)).toEqual(playbooks.map((p) => `playbooks/${p.id}.yaml`));
  });

  it("keep the seed's approval gates and dry-run notifications", async () => {
    const config = await loadConfig({ repoRoot: REPO_ROOT });
    const playbooks = await loadPlaybooks(workingTreeFiles(REPO_ROOT), config);
    const isolation = playbooks.find((p) => p.id === 'immediate-isolation');
    expect(
      isolation?.steps.map((s) => [
        s.id,
        s.action.name,
        s.action.runs,
        s.requiresApproval,
        s.dryRunSupported,
      ]),
    ).toEqual([
      ['notify-channel', 'slack:post_message', 'slack:post_message', false, true],
      ['revoke-credentials', 'cloud:revoke_session', 'aws:iam.revoke_role_sessions', true, false],
      // Added to the seed's: an isolated instance would otherwise be replaced, evidence and all.
      ['enter-standby', 'aws:autoscaling.standby', 'aws:autoscaling.standby', true, false],
      ['isolate-instance', 'cloud:security_group_deny_all', 'aws:ec2.isolate_instance', true, false],
    ]);
    const investigate = playbooks.find((p) => p.id === 'investigate-and-notify');
    expect(investigate?.steps[1]?.parameters.project?.written).toBe('SEC');
    expect(investigate?.steps[0]?.parameters.retention?.written).toBe('7d');
    expect(investigate?.steps[0]?.timeout).toBe('15m');
  });
});

describe('playbooks from files and from the configuration', () => {
  it('are merged, with the defaults the schema documents applied', async () => {
    const playbooks = await load({
      [CONFIG]: `playbooks:\n${INLINE('inline-one', '      - id: page\n        action: slack:post_message\n        channel: "#ir"\n')}`,
      'playbooks/queue-for-review.yaml': QUEUE,
    });
    expect(playbooks.map((p) => [p.id, p.file, p.where])).toEqual([
      ['inline-one', CONFIG, `${CONFIG}:2:9`],
      ['queue-for-review', 'playbooks/queue-for-review.yaml', 'playbooks/queue-for-review.yaml:1:5'],
    ]);
    const [inline] = playbooks;
    const step = inline?.steps[0];
    const stepDefaults = playbookSchema.$defs.step.properties;
    expect([inline?.priority, inline?.tier]).toEqual([
      playbookSchema.properties.priority.default,
      playbookSchema.properties.tier.default,
    ]);
    expect([step?.requiresApproval, step?.dryRunSupported, step?.retries, step?.onFailure]).toEqual([
      stepDefaults.requires_approval.default,
      stepDefaults.dry_run_supported.default,
      stepDefaults.retries.default,
      stepDefaults.on_failure.default,
    ]);
    expect([step?.timeout, step?.timeoutMs, step?.where]).toEqual(['5m', 300_000, `${CONFIG}:5:9`]);
    expect(step?.parameters.channel?.written).toBe('#ir');
  });

  it('refuse a playbook id defined twice, in a file and inline, pointing at the second', async () => {
    expect(
      await refusal({
        [CONFIG]: `playbooks:\n${INLINE('queue-for-review', '      - id: a\n        action: slack:post_message\n        channel: "#ir"\n')}`,
        'playbooks/queue-for-review.yaml': QUEUE,
      }),
    ).toBe(
      `playbooks/queue-for-review.yaml:1:5: duplicate playbook id "queue-for-review" (first at ${CONFIG}:2:9)`,
    );
  });

  it('refuse a file named other than its playbook', async () => {
    expect(await refusal({ 'playbooks/queue.yaml': QUEUE })).toBe(
      'playbooks/queue.yaml:1:5: playbook "queue-for-review" is in queue.yaml: its file must be named queue-for-review.yaml, one playbook per file',
    );
  });

  it('refuse a default route that is no playbook, even when the configuration does not name it', async () => {
    expect(await refusal({})).toBe(
      `${CONFIG}:1:1: triage.default_playbook is "queue-for-review" by default, which is not a playbook: add playbooks/queue-for-review.yaml, or set triage.default_playbook (null routes nowhere)`,
    );
    expect(await load({ [CONFIG]: 'triage:\n  default_playbook: null\n' })).toEqual([]);
  });

  it('refuse, inline too, a misspelled requires_approval, which would otherwise pass as a parameter and skip the gate', async () => {
    const steps =
      '      - id: isolate\n        action: aws:ec2.isolate_instance\n        require_approval: true\n';
    const files = {
      [CONFIG]: `playbooks:\n${INLINE('contain', steps)}`,
      'playbooks/queue-for-review.yaml': QUEUE,
    };
    expect(await refusal(files)).toBe(
      `${CONFIG}:6:17: step "isolate" runs aws:ec2.isolate_instance, which is destructive, without requires_approval: true, and the playbook has no pre-authorized scope (tier.preauthorized_when)`,
    );
    const root = tree(files);
    const { problems } = await lint({ root, paths: [], now: new Date() });
    expect(problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toContain(
      '7:9: playbooks[0].steps[0] has unknown key "require_approval" (did you mean "requires_approval"?)',
    );
    const approvedBy = { ...files, [CONFIG]: files[CONFIG].replace('require_approval', 'needs_approval') };
    const again = await lint({ root: tree(approvedBy), paths: [], now: new Date() });
    expect(again.problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toContain(
      '7:9: playbooks[0].steps[0] has unknown key "needs_approval" (did you mean "requires_approval"?)',
    );
  });

  it('refuse a step id used twice in one playbook, also through an alias, and allow it across playbooks', async () => {
    const step =
      '      - &notify\n        id: notify\n        action: slack:post_message\n        channel: "#ir"\n';
    expect(
      await refusal({
        [CONFIG]: `playbooks:\n${INLINE('a', `${step}      - *notify\n`)}`,
        'playbooks/queue-for-review.yaml': QUEUE,
      }),
    ).toBe(`${CONFIG}:9:9: duplicate step id "notify" in playbook "a" (first at line 6)`);
    const playbooks = await load({
      [CONFIG]: `playbooks:\n${INLINE('a', step)}${INLINE('b', '      - *notify\n')}`,
      'playbooks/queue-for-review.yaml': QUEUE,
    });
    expect(playbooks.map((p) => p.steps[0]?.id)).toEqual(['notify', 'notify', 'notify']);
  });
});

describe('a pre-authorized scope', () => {
  const scoped = (scope: string) => ({
    'playbooks/queue-for-review.yaml': `${QUEUE.replace(
      'trigger: "false"',
      `trigger: "false"\ntier:\n  environment: ir-containment\n  preauthorized_when: ${JSON.stringify(scope)}`,
    )}  - id: isolate\n    action: aws:ec2.isolate_instance\n`,
  });

  it('is refused when it holds for an incident whose assets no registry knows', async () => {
    expect(await refusal(scoped("asset.environment != 'prod'"))).toBe(
      `playbooks/queue-for-review.yaml:6:23: tier.preauthorized_when "asset.environment != 'prod'" holds for an incident whose assets no registry knows (severity low, score 0, no threat intelligence): it would contain what nobody has said is safe to contain without a reviewer; require known, non-production assets, e.g. asset.all_known && size(asset.environments) > 0 && asset.environments.all(e, e in ['dev', 'staging'])`,
    );
    const held = async (scope: string) =>
      /holds for an incident whose assets no registry knows \((severity \w+, score [\d.]+)/.exec(
        await refusal(scoped(scope)),
      )?.[1];
    expect(await held("severity != 'none'")).toBe('severity low, score 0');
    expect(await held("severity == 'critical' && score > 0.9")).toBe('severity critical, score 1');
    expect(await held("severity == 'medium' && !asset.known")).toBe('severity medium, score 0');
    expect(await held('asset.criticality == null || asset.criticality < 0.3')).toBe('severity low, score 0');
    // Every one of no resources is an instance: `all` holds on an empty list.
    expect(await held("event.resources.all(r, r.type == 'aws.ec2.instance')")).toBe('severity low, score 0');
    expect(await held("asset.environments.all(e, e == 'dev')")).toBe('severity low, score 0');
    expect(await held('!intel.matched && history.incidents == 0')).toBe('severity low, score 0');
  });

  it('is taken when it requires known assets: the shipped form, or a known environment', async () => {
    for (const scope of [
      "asset.all_known && size(asset.environments) > 0 && asset.environments.all(e, e in ['dev', 'staging'])",
      "has(asset.environment) && asset.environment == 'dev'",
      'asset.known && asset.criticality < 0.3',
      // Fails on every incident of unknown assets: pre-authorizes none of them (needsApproval fails closed).
      'asset.criticality < 0.3',
    ]) {
      const [playbook] = await load(scoped(scope));
      expect(playbook?.tier.preauthorizedWhen?.source).toBe(scope);
    }
  });
});

describe('approval environments', () => {
  const withTier = (tier: string) =>
    QUEUE.replace('trigger: "false"', `trigger: "false"\ntier:\n  environment: ${tier}`);

  it('refuse a tier naming an environment the configuration does not list, which GitHub would create unprotected', async () => {
    expect(await refusal({ 'playbooks/queue-for-review.yaml': withTier('ir-contaiment') })).toBe(
      'playbooks/queue-for-review.yaml:5:16: tier.environment "ir-contaiment" is not an approval environment (did you mean "ir-containment"?): GitHub would create it on first use without required reviewers; orchestrator.approval_environments lists those with reviewers (ir-containment)',
    );
    const inline = await lint({
      root: tree({
        [CONFIG]: `playbooks:\n${INLINE('contain', '      - id: page\n        action: slack:post_message\n        channel: "#ir"\n')}    tier: { environment: production }\n`,
        'playbooks/queue-for-review.yaml': QUEUE,
      }),
      paths: [],
      now: new Date(),
    });
    expect(inline.problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toContain(
      `8:26: playbooks[0].tier.environment "production" is not an approval environment: GitHub would create it on first use without required reviewers; orchestrator.approval_environments lists those with reviewers (ir-containment)`,
    );
  });

  it('take the ones the configuration lists, and hold a playbook without a tier to the default one', async () => {
    const config = 'orchestrator:\n  approval_environments: [ir-containment-prod, ir-containment-dev]\n';
    const [dev] = await load({
      [CONFIG]: config,
      'playbooks/queue-for-review.yaml': withTier('ir-containment-dev'),
    });
    expect(dev?.tier.environment).toBe('ir-containment-dev');
    expect(await refusal({ [CONFIG]: config, 'playbooks/queue-for-review.yaml': QUEUE })).toBe(
      'playbooks/queue-for-review.yaml:1:5: playbook "queue-for-review" has no tier, so its approvals go to the GitHub Environment "ir-containment", which is not an approval environment: set tier.environment; orchestrator.approval_environments lists those with reviewers (ir-containment-prod, ir-containment-dev)',
    );
    expect(await refusal({ [CONFIG]: 'orchestrator:\n  approval_environments: []\n' })).toMatch(
      /^incident-response-config.yaml:2:26: orchestrator.approval_environments /,
    );
  });
});

describe('regular expressions in playbooks', () => {
  it('refuse a matches pattern from the incident, an invalid one, or one that may backtrack, wherever written', async () => {
    const root = tree({
      'playbooks/queue-for-review.yaml': `${QUEUE.replace(
        'trigger: "false"',
        `trigger: event.kind.matches(event.title)
tier:
  environment: ir-containment
  preauthorized_when: >-
    has(asset.environment) && asset.environment.matches('(?i)dev')`,
      )}  - id: page
    action: slack:post_message
    when: event.kind.matches('^([A-Za-z]+:)+EC2/')
    with:
      channel: "#ir-{{ event.vendor.matches(incident.title) ? 'a' : 'b' }}"
`,
    });
    const { problems } = await lint({ root, paths: [], now: new Date() });
    expect(problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([
      '3:10: trigger: condition "event.kind.matches(event.title)": matches takes its pattern as a string literal, not event.title: a pattern taken from the incident could be written to backtrack for ever',
      `6:23: tier.preauthorized_when: condition "has(asset.environment) && asset.environment.matches('(?i)dev')": matches pattern "(?i)dev" is not a valid regular expression (Invalid group): patterns run as JavaScript RegExp, without RE2-only syntax such as (?i)`,
      `14:11: steps[1].when: condition "event.kind.matches('^([A-Za-z]+:)+EC2/')": matches pattern "^([A-Za-z]+:)+EC2/" may backtrack catastrophically on a hostile string (a repetition inside a repetition, or more than 25 repetitions): write it without nesting quantifiers`,
      `16:16: steps[1].with.channel: template "#ir-{{ event.vendor.matches(incident.title) ? 'a' : 'b' }}": matches takes its pattern as a string literal, not incident.title: a pattern taken from the incident could be written to backtrack for ever`,
    ]);
  });
});

describe('steps over several targets', () => {
  it('refuse a for_each that is no list, parameters reading item without one, a canary without one, and a bad canary check', async () => {
    const root = tree({
      'playbooks/queue-for-review.yaml': `${QUEUE.replace(
        'trigger: "false"',
        `trigger: "false"
tier:
  environment: ir-containment`,
      )}  - id: tag-all
    action: aws:ec2.tag_resource
    for_each: "{{ string(event.region) }}"
    with:
      resource_id: "{{ item }}"
  - id: tag-one
    action: aws:ec2.tag_resource
    with:
      resource_id: "{{ item }}"
  - id: tag-same
    action: aws:ec2.tag_resource
    for_each: "{{ event.resources.map(r, r.id) }}"
    canary:
      percent: 10
      verify: event.severity == 'high'
  - id: tag-canary
    action: aws:ec2.tag_resource
    canary:
      percent: 10
`,
    });
    const { problems } = await lint({ root, paths: [], now: new Date() });
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '12: steps[1].for_each: gives a string, not a list',
      '18: step "tag-one": parameter "resource_id" reads item, which only a step with for_each has',
      '21: step "tag-same" has for_each, but none of its parameters reads item: every target would get the same parameters (write e.g. instance_id: "{{ item }}")',
      `24: steps[3].canary.verify: condition "event.severity == 'high'": Unknown variable: event (known: event, incident, asset, intel, history, score, severity) (a canary check sees only canary: targets, size, of)`,
      '27: step "tag-canary" has a canary but no for_each: a canary holds back some of a step\'s targets, and this step has one',
    ]);
  });
});

describe('blast-radius budgets in the configuration', () => {
  it('refuse an action the catalogue lacks, and an alias, which would count only the steps naming it', async () => {
    const root = tree({
      'playbooks/queue-for-review.yaml': QUEUE,
      [CONFIG]: `orchestrator:
  budgets:
    - action: aws:ec2.isolate_instances
      max: 5
      window: 1h
    - action: cloud:security_group_deny_all
      max: 5
      window: 1h
    - action: aws:ec2.isolate_instance
      max: 5
      window: 1h
`,
    });
    const { problems } = await lint({ root, paths: [], now: new Date() });
    expect(problems.map((p) => `${basename(p.file)}:${p.line}: ${p.message}`)).toEqual([
      `${CONFIG}:3: orchestrator.budgets[0].action "aws:ec2.isolate_instances" is not a catalogue action (did you mean "aws:ec2.isolate_instance"?): the budget would never count anything`,
      `${CONFIG}:6: orchestrator.budgets[1].action "cloud:security_group_deny_all" stands for "aws:ec2.isolate_instance": name that, so that steps naming either count`,
    ]);
  });
});

describe('a step, for one incident', () => {
  const [c2, stealth] = fixtureEvents('guardduty/get-findings.json');

  it('renders its parameters from what it writes and the action defaults, checked against the action', async () => {
    const [playbook] = await load({
      'playbooks/queue-for-review.yaml': `${QUEUE}  - id: tag
    action: aws:ec2.tag_resource
    with:
      tags: { team: "{{ severity }}-responders" }
`,
    });
    const tag = playbook?.steps[1];
    if (!tag || !c2 || !stealth) throw new Error('missing fixture or step');
    expect(renderParameters(tag, contextOf(c2))).toEqual({
      resource_id: 'i-07a8b9c0d1e2f3a4b',
      tags: { team: 'high-responders' },
    });
    // The Stealth finding names no instance: the default target is not there.
    expect(() => renderParameters(tag, contextOf(stealth))).toThrow(TemplateError);
  });

  it('refuses parameters that render to what the action does not take', async () => {
    const [playbook] = await load({
      'playbooks/queue-for-review.yaml': `${QUEUE}  - id: tag
    action: aws:ec2.tag_resource
    with:
      resource_id: "{{ event.kind }}"
`,
    });
    const tag = playbook?.steps[1];
    if (!tag || !c2) throw new Error('missing fixture or step');
    expect(() => renderParameters(tag, contextOf(c2))).toThrow(
      /^playbooks\/queue-for-review.yaml:8:5: step "tag": parameters for aws:ec2.tag_resource \/resource_id must match pattern/,
    );
  });

  it('needs approval when it says so, and when destructive outside the pre-authorized scope', async () => {
    const [playbook] = await load({
      [CONFIG]: 'orchestrator:\n  approval_environments: [ir-containment, ir-nonprod]\n',
      'playbooks/queue-for-review.yaml': `${QUEUE.replace(
        'trigger: "false"',
        `trigger: "false"
tier:
  environment: ir-nonprod
  preauthorized_when: has(asset.environment) && asset.environment == 'dev'`,
      )}  - id: isolate
    action: aws:ec2.isolate_instance
  - id: revoke
    action: aws:iam.revoke_role_sessions
    requires_approval: true
`,
    });
    if (!playbook || !c2) throw new Error('missing playbook or fixture');
    const [notify, isolate, revoke] = playbook.steps;
    if (!notify || !isolate || !revoke) throw new Error('missing steps');
    expect(playbook.tier.environment).toBe('ir-nonprod');
    const dev = contextOf(c2, { asset: { environment: 'dev' } });
    const prod = contextOf(c2, { asset: { environment: 'prod' } });
    const unknown = contextOf(c2, { asset: { environment: null } });
    expect([dev, prod, unknown].map((context) => needsApproval(playbook, isolate, context))).toEqual([
      false,
      true,
      true,
    ]);
    expect(needsApproval(playbook, revoke, dev)).toBe(true);
    expect(needsApproval(playbook, notify, prod)).toBe(false);
  });
});

describe('repository files', () => {
  it('at a commit are what was committed, whatever the working tree holds now', async () => {
    const repo = scratchRepo();
    mkdirSync(join(repo, 'playbooks'));
    writeFileSync(join(repo, 'playbooks/queue-for-review.yaml'), QUEUE);
    writeFileSync(join(repo, CONFIG), 'triage:\n  default_playbook: queue-for-review\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'playbooks');
    writeFileSync(join(repo, 'playbooks/queue-for-review.yaml'), QUEUE.replace('#ir-queue', '#ir-new'));
    writeFileSync(join(repo, 'playbooks/extra.yaml'), QUEUE.replace('queue-for-review', 'extra'));

    const atHead = await gitRefFiles(repo, 'HEAD');
    expect(await atHead.list('playbooks')).toEqual(['queue-for-review.yaml']);
    const [committed] = await loadPlaybooks(atHead, await readSettings(atHead));
    expect(committed?.steps[0]?.parameters.channel?.written).toBe('#ir-queue');

    const working = workingTreeFiles(repo);
    expect(await working.list('playbooks')).toEqual(['extra.yaml', 'queue-for-review.yaml']);
    const now = await loadPlaybooks(working, await readSettings(working));
    expect(now.map((p) => p.steps[0]?.parameters.channel?.written)).toEqual(['#ir-queue', '#ir-new']);

    expect(await atHead.readText('playbooks/missing.yaml')).toBeUndefined();
    expect(await atHead.list('nowhere')).toEqual([]);
    await expect(atHead.readText('playbooks')).rejects.toThrow('HEAD:playbooks: is not a file');
    await expect(gitRefFiles(repo, 'no-such-branch')).rejects.toThrow(
      'no-such-branch: names no commit in this repository',
    );
  });

  it('never leave the repository: no "..", no absolute path, no symbolic link followed', async () => {
    const repo = scratchRepo();
    const outside = scratchDir('irac-outside-');
    writeFileSync(join(outside, 'secret.yaml'), 'id: secret\n');
    mkdirSync(join(repo, 'playbooks'));
    symlinkSync(join(outside, 'secret.yaml'), join(repo, 'playbooks/link.yaml'));
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'a link');

    const working = workingTreeFiles(repo);
    await expect(working.readText('../secret.yaml')).rejects.toThrow(
      '../secret.yaml: is not a path inside the repository',
    );
    await expect(working.readText('/etc/passwd')).rejects.toThrow('is not a path inside the repository');
    await expect(working.readText('playbooks/link.yaml')).rejects.toThrow(
      'playbooks/link.yaml: is a symbolic link; irac reads only files',
    );
    expect(await working.list('playbooks')).toEqual([]);
    const atHead = await gitRefFiles(repo, 'HEAD');
    expect(await atHead.list('playbooks')).toEqual([]);
    await expect(atHead.readText('playbooks/link.yaml')).rejects.toThrow(
      'HEAD:playbooks/link.yaml: is not a file',
    );
  });

  it('refuse what is not UTF-8 text, or too large to be a playbook', async () => {
    const root = tree({});
    writeFileSync(join(root, 'latin1.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    writeFileSync(join(root, 'big.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
    const files = workingTreeFiles(root);
    await expect(files.readText('latin1.yaml')).rejects.toThrow('latin1.yaml: is not UTF-8 text');
    await expect(files.readText('big.yaml')).rejects.toThrow(
      'big.yaml: is 1048579 bytes; the limit is 1048576',
    );
  });

  it('give the configuration at a commit, or the defaults where it has none', async () => {
    const repo = scratchRepo();
    const atFirst = await gitRefFiles(repo, 'HEAD');
    expect((await readSettings(atFirst)).settings.triage.default_playbook).toBe('queue-for-review');
    writeFileSync(join(repo, CONFIG), 'triage:\n  default_playbook: null\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'config');
    const config = await readSettings(await gitRefFiles(repo, 'HEAD'));
    expect([config.origin, config.settings.triage.default_playbook]).toEqual([CONFIG, null]);
    expect(() => parseSettings('triage: [\n', 'at-ref.yaml')).toThrow(/^at-ref.yaml:2:1: invalid YAML/);
  });
});
