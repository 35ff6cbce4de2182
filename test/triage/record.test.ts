// Triage as a store operation against real git: what one decision writes, that an unchanged decision
// writes nothing, that history comes from the indexes, and that verify holds triage.json and the
// history indexes to account.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config/config.js';
import { type VerifyOptions, verifyStore } from '../../src/forensics/verify.js';
import { normalizeWithEvidence } from '../../src/ingest/normalize.js';
import { Git } from '../../src/store/git.js';
import { parseIncident } from '../../src/store/incident.js';
import { incidentDir, keyIndexFile } from '../../src/store/layout.js';
import { recordEvents } from '../../src/store/record.js';
import { IncidentRepository, type PublishSettings } from '../../src/store/repository.js';
import { compileRules, type EnrichmentFacts } from '../../src/triage/decide.js';
import { compileCondition } from '../../src/triage/expressions.js';
import { triageIncident } from '../../src/triage/record.js';
import { commitLog, git, scratchRepo } from '../helpers/git.js';

const FAST: PublishSettings = { pushAttempts: 3, backoffBaseMs: 5, backoffMaxMs: 10 };
const VERIFY: VerifyOptions = { allowedSignersPath: '.github/allowed_signers', requireSigned: false };

function payload(
  id: string,
  resource = 'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc',
  kind = 'c2',
): Buffer {
  return Buffer.from(
    `${JSON.stringify({ id, timestamp: '2026-11-28T09:58:12Z', severity: 'high', kind, title: `Beacon ${id}`, resource, actor: 'arn:aws:iam::111122223333:role/web' })}\n`,
  );
}

async function ingest(dir: string, bytes: Buffer, now: Date) {
  const repository = await IncidentRepository.open(dir);
  const items = [...normalizeWithEvidence(bytes, { source: 'generic', name: 'test' })];
  const applied = await repository.apply(
    (tx) =>
      recordEvents(tx, items, {
        actor: 'ingest@example.com',
        correlationWindowMs: 3_600_000,
        now: () => now,
      }),
    FAST,
  );
  return applied.result[0]?.incident ?? '';
}

const FOUND: EnrichmentFacts = {
  asset: {
    id: 'web-prod',
    owner: 'team-web',
    environment: 'prod',
    criticality: 0.8,
    compliance: [],
    matched: { identifier: 'i-0abc', pattern: 'i-0abc*' },
    source: 'assets/web.yaml',
  },
  intel: { score: 0, hits: [] },
  providers: [{ name: 'asset_registry assets', kind: 'asset', status: 'ok', ms: 3 }],
  degraded: [],
};

function rules() {
  const defaults = defaultSettings();
  const settings = {
    ...defaults,
    triage: { ...defaults.triage, enrichment_sources: [{ type: 'history' as const, window: '30d' }] },
  };
  const route = (id: string, trigger: string, priority: number) => ({
    id,
    priority,
    trigger: compileCondition(trigger, `playbooks/${id}.yaml`),
  });
  return compileRules(
    settings,
    [route('investigate-and-notify', "severity == 'high'", 100), route('queue-for-review', 'true', 1000)],
    'incident-response-config.yaml',
  );
}

async function triage(dir: string, id: string, now: Date, enrichment = FOUND) {
  const repository = await IncidentRepository.open(dir);
  const applied = await repository.apply(
    (tx) =>
      triageIncident(tx, id, {
        actor: 'triage@example.com',
        rules: rules(),
        enrich: async () => enrichment,
        now: () => now,
      }),
    FAST,
  );
  return applied.result;
}

const show = (dir: string, path: string) => git(dir, 'show', `HEAD:${path}`);

describe('triage of a recorded incident', () => {
  it('writes triage.json, updates incident.yaml and README.md, one audit entry, one commit', async () => {
    const dir = scratchRepo();
    const id = await ingest(dir, payload('a'), new Date('2026-11-28T10:00:00Z'));
    const { decision, commit } = await triage(dir, id, new Date('2026-11-28T10:00:07Z'));
    // high 0.3 + prod 0.24 = 0.54 → high → investigate-and-notify
    expect(decision).toMatchObject({
      outcome: 'routed',
      playbook: 'investigate-and-notify',
      severity: 'high',
    });
    expect(decision.score.value).toBe(0.54);
    expect(commit).toBe(git(dir, 'rev-parse', 'HEAD'));

    const base = incidentDir(id);
    expect(JSON.parse(show(dir, `${base}/triage.json`))).toEqual(decision);
    const incident = parseIncident(show(dir, `${base}/incident.yaml`), 'incident.yaml');
    expect(incident).toMatchObject({
      status: 'triaged',
      severity: 'high',
      score: 0.54,
      playbook: 'investigate-and-notify',
      decision: 'routed',
    });
    expect(incident.timestamps.triaged).toBe('2026-11-28T10:00:07.000Z');
    expect(show(dir, `${base}/README.md`)).toContain('| Decision | routed |');
    const audit = show(dir, `${base}/audit.jsonl`).split('\n');
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1] ?? '')).toMatchObject({
      seq: 2,
      action: 'triage',
      actor: 'triage@example.com',
      data: { summary: 'high 0.54 → investigate-and-notify', outcome: 'routed' },
    });
    const [last] = commitLog(dir);
    expect(last?.subject).toBe(`triage: ${id} high 0.54 → investigate-and-notify`);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('writes nothing when the decision would not change, and again when it does', async () => {
    const dir = scratchRepo();
    const id = await ingest(dir, payload('a'), new Date('2026-11-28T10:00:00Z'));
    const first = await triage(dir, id, new Date('2026-11-28T10:00:07Z'));
    const head = git(dir, 'rev-parse', 'HEAD');
    const again = await triage(dir, id, new Date('2026-11-28T10:05:00Z'));
    expect(again.commit).toBeUndefined();
    expect(again.decision).toEqual(first.decision);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);

    const unknown = await triage(dir, id, new Date('2026-11-28T10:06:00Z'), {
      ...FOUND,
      asset: null,
      degraded: ['asset_registry assets: timed out after 5000 ms'],
    });
    expect(unknown.commit).toBeDefined();
    expect(unknown.decision.degraded).toEqual(['asset_registry assets: timed out after 5000 ms']);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('counts past incidents of the same fingerprint, resource and actor from the history indexes', async () => {
    const dir = scratchRepo();
    // Three incidents two hours apart (beyond the correlation window): same resource and actor, two kinds.
    await ingest(dir, payload('a'), new Date('2026-11-28T06:00:00Z'));
    await ingest(dir, payload('b', undefined, 'other'), new Date('2026-11-28T08:00:00Z'));
    const id = await ingest(dir, payload('c'), new Date('2026-11-28T10:00:00Z'));
    const { decision } = await triage(dir, id, new Date('2026-11-28T10:00:07Z'));
    expect(decision.enrichment.history).toMatchObject({
      window: '30d',
      same_fingerprint: 1,
      same_resource: 2,
      same_actor: 2,
      incidents: 2,
    });
    expect(decision.score.factors[2]).toMatchObject({ raw: 2, normalized: 0.4, contribution: 0.08 });
  });

  it('does not let a later event join a suppressed incident: it opens one of its own', async () => {
    const dir = scratchRepo();
    const id = await ingest(dir, payload('a'), new Date('2026-11-28T10:00:00Z'));
    const defaults = defaultSettings();
    const suppressing = compileRules(
      {
        ...defaults,
        triage: {
          ...defaults.triage,
          suppressions: [
            { id: 'lab', when: 'true', reason: 'lab', owner: 'me@example.com', expires: '2027-01-01' },
          ],
        },
      },
      [],
      'incident-response-config.yaml',
    );
    const repository = await IncidentRepository.open(dir);
    const applied = await repository.apply(
      (tx) =>
        triageIncident(tx, id, {
          actor: 'triage@example.com',
          rules: suppressing,
          enrich: async () => FOUND,
          now: () => new Date('2026-11-28T10:00:05Z'),
        }),
      FAST,
    );
    expect(applied.result.decision.outcome).toBe('suppressed');
    const later = await ingest(dir, payload('b'), new Date('2026-11-28T10:10:00Z'));
    expect(later).not.toBe(id);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('refuses an id with no incident', async () => {
    const dir = scratchRepo();
    await ingest(dir, payload('a'), new Date('2026-11-28T10:00:00Z'));
    await expect(triage(dir, 'IR-20261128-zzzzzzzz', new Date())).rejects.toThrow(
      'IR-20261128-zzzzzzzz: no such incident in the store',
    );
  });
});

describe('irac verify after triage', () => {
  async function triaged() {
    const dir = scratchRepo();
    const id = await ingest(dir, payload('a'), new Date('2026-11-28T10:00:00Z'));
    await triage(dir, id, new Date('2026-11-28T10:00:07Z'));
    return { dir, id, base: incidentDir(id) };
  }

  function amend(dir: string, path: string, change: (text: string) => string) {
    const file = join(dir, path);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
    git(dir, 'commit', '--quiet', '--amend', '--no-edit', '--all');
  }

  it('reports a triage.json changed after the fact', async () => {
    const { dir, base } = await triaged();
    amend(dir, `${base}/triage.json`, (text) =>
      text.replace('"investigate-and-notify"', '"queue-for-review"'),
    );
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toContainEqual(
      `${base}/triage.json: not the version recorded at ${base}/audit.jsonl:2 (edited outside irac)`,
    );
  });

  it('reports a history index that lost an incident, or lists one that does not have the key', async () => {
    const { dir, id } = await triaged();
    const fingerprint = keyIndexFile(
      'fingerprints',
      parseIncident(show(dir, `${incidentDir(id)}/incident.yaml`), 'x').fingerprint,
    );
    const resource = keyIndexFile('resources', 'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc');
    amend(dir, fingerprint, () => '');
    amend(dir, resource, (text) => `${text}IR-20261128-zzzzzzzz 2026-11-28T10:00:00.000Z\n`);
    const problems = (await verifyStore(new Git(dir), VERIFY)).problems;
    expect(problems).toContainEqual(`${fingerprint}: does not list ${id}, which has its key`);
    expect(problems).toContainEqual(`${resource}:2: lists IR-20261128-zzzzzzzz, which is no incident`);
  });
});
