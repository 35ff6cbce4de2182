// Collecting the actor's CloudTrail history as evidence, through the real @aws-sdk/client-cloudtrail
// against the simulated account, whose LookupEvents refuses a third request within a second as CloudTrail
// does. The action changes nothing in AWS, so the contract's questions are asked of its record: a dry run
// looks nothing up, a second run looks nothing up again, faults at any request end in the same evidence,
// and a run cut short resumes at the lookup it was on. Outside us-east-1 every attribute is looked up
// there too, where CloudTrail keeps IAM, STS and sign-in events.

import { describe, expect, it } from 'vitest';
import { ActionFailure, dryRun, execute, undo, verify } from '../../src/connectors/action.js';
import {
  evidenceDigest,
  type LookupEventsParams,
  type LookupEventsRecord,
  lookupEvents,
} from '../../src/connectors/aws/cloudtrail.js';
import { createClients } from '../../src/connectors/clients.js';
import { loadConnector } from '../../src/connectors/registry.js';
import { canonicalJson, sha256Hex } from '../../src/digest.js';
import { normalizeInput } from '../../src/ingest/normalize.js';
import { shippedCatalogue } from '../../src/playbooks/catalogue.js';
import { type AwsSim, startAwsSim } from '../../src/sim/aws/index.js';
import type { QueryFault } from '../../src/sim/aws/query.js';
import { MemoryJournal, within } from '../support/action-contract.js';
import { ACCOUNT, AWS_FAULTS, type AwsWorld, awsWorld, FAST_RETRY, INCIDENT } from '../support/aws-world.js';

const HOUR = 3_600_000;
const SESSION_KEY = 'ASIAMALLORYSESSION01';
const USER_KEY = 'AKIAMALLORYUSERKEY01';
const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/ops/mallory-laptop`;

/** CloudTrail's own faults: JSON 1.1 throttles with 400 ThrottlingException and refuses with AccessDeniedException. */
const CLOUDTRAIL_FAULTS = {
  throttle: { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' },
  unavailable: AWS_FAULTS.unavailable,
  hard: {
    status: 400,
    code: 'AccessDeniedException',
    message: `User: arn:aws:iam::${ACCOUNT}:user/irac is not authorized to perform: cloudtrail:LookupEvents`,
  },
} as const satisfies Record<string, QueryFault>;

const PARAMS: LookupEventsParams = {
  retention: '7d',
  lookup_attributes: [
    { key: 'AccessKeyId', value: SESSION_KEY },
    { key: 'Username', value: 'mallory' },
    { key: 'ResourceName', value: 'backup-svc' },
  ],
};

// CloudTrail keeps 90 days behind the real clock, so the run's instant is the real one, in whole seconds.
const AT = new Date(Math.floor(Date.now() / 1000) * 1000);
const ago = (hours: number) => new Date(AT.getTime() - hours * HOUR);

/** The actor's trail: 52 calls from a role session (two pages), two as an IAM user, and the noise around them. */
function seed(sim: AwsSim): void {
  for (let index = 0; index < 52; index += 1) {
    sim.cloudtrail.addEvent({
      eventName: 'DescribeInstances',
      eventSource: 'ec2.amazonaws.com',
      eventTime: ago(26 - index * 0.4),
      arn: SESSION_ARN,
      accessKeyId: SESSION_KEY,
      eventId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    });
  }
  sim.cloudtrail.addEvent({
    eventName: 'AssumeRole',
    eventSource: 'sts.amazonaws.com',
    eventTime: ago(27),
    userName: 'mallory',
    accessKeyId: USER_KEY,
    resources: [{ type: 'AWS::IAM::Role', name: `arn:aws:iam::${ACCOUNT}:role/ops` }],
    eventId: '10000000-0000-4000-8000-000000000001',
  });
  sim.cloudtrail.addEvent({
    eventName: 'CreateAccessKey',
    eventSource: 'iam.amazonaws.com',
    eventTime: ago(2),
    userName: 'mallory',
    accessKeyId: USER_KEY,
    resources: [{ type: 'AWS::IAM::User', name: 'backup-svc' }],
    requestParameters: { userName: 'backup-svc' },
    eventId: '10000000-0000-4000-8000-000000000002',
  });
  // Outside the seven days, and someone else.
  sim.cloudtrail.addEvent({
    eventName: 'CreateUser',
    eventSource: 'iam.amazonaws.com',
    eventTime: ago(24 * 10),
    userName: 'mallory',
    accessKeyId: USER_KEY,
  });
  sim.cloudtrail.addEvent({ eventName: 'CreateBucket', eventSource: 's3.amazonaws.com', eventTime: ago(1) });
}

/** The action changes nothing in AWS; the world's state is CloudTrail's history, which must stay as seeded. */
const historyState = (sim: AwsSim) => sim.cloudtrail.events().map((event) => event.eventId);

/** The seeded account, at the run's instant. */
async function trailWorld(): Promise<AwsWorld> {
  const world = await awsWorld(seed, historyState);
  return { ...world, context: { ...world.context, now: () => AT } };
}

const lookups = (world: AwsWorld) =>
  world.sim.requests.filter((request) => request.action === 'LookupEvents');

async function failure(run: Promise<unknown>): Promise<ActionFailure> {
  const error = await run.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ActionFailure);
  return error as ActionFailure;
}

describe('aws:cloudtrail.lookup_events', () => {
  it('plans one paced LookupEvents per attribute, and a dry run looks nothing up', async () => {
    await within(trailWorld(), async (world) => {
      const { context } = world;
      expect(lookupEvents.describe(PARAMS, context).map((call) => [call.call, call.target])).toEqual([
        ['cloudtrail:LookupEvents', `us-east-1: AccessKeyId=${SESSION_KEY}`],
        ['cloudtrail:LookupEvents', 'us-east-1: Username=mallory'],
        ['cloudtrail:LookupEvents', 'us-east-1: ResourceName=backup-svc'],
      ]);
      const planned = await dryRun(lookupEvents, PARAMS, context);
      expect(planned.changed).toBe(false);
      expect(planned.calls.map((call) => call.target)).toEqual([
        `us-east-1: AccessKeyId=${SESSION_KEY}`,
        'us-east-1: Username=mallory',
        'us-east-1: ResourceName=backup-svc',
      ]);
      expect(planned.record).toEqual({
        start_time: ago(24 * 7).toISOString(),
        end_time: AT.toISOString(),
        regions: ['us-east-1'],
        lookups: [],
        events: [],
        event_regions: {},
        sha256: evidenceDigest([]),
      });
      expect(lookups(world)).toEqual([]);
      expect(world.sim.mutatingRequests()).toEqual([]);
    });
  });

  it('collects every event of the window once, newest first, with the sha256 of the evidence', async () => {
    await within(trailWorld(), async (world) => {
      const { context } = world;
      const history = historyState(world.sim);
      const journal = new MemoryJournal<LookupEventsRecord>();
      const outcome = await execute(lookupEvents, PARAMS, context, journal);
      expect(outcome.changed).toBe(true);
      const { record } = outcome;

      expect(record.lookups).toEqual([
        { key: 'AccessKeyId', value: SESSION_KEY, region: 'us-east-1', events: 52, truncated: false },
        // CreateAccessKey and AssumeRole; CreateUser is older than the window.
        { key: 'Username', value: 'mallory', region: 'us-east-1', events: 2, truncated: false },
        { key: 'ResourceName', value: 'backup-svc', region: 'us-east-1', events: 1, truncated: false },
      ]);
      expect(Object.keys(record.event_regions)).toHaveLength(54);
      expect(new Set(Object.values(record.event_regions))).toEqual(new Set(['us-east-1']));
      // CreateAccessKey was found twice and is kept once.
      expect(record.events).toHaveLength(54);
      expect(record.events[0]).toMatchObject({
        EventId: '10000000-0000-4000-8000-000000000002',
        EventName: 'CreateAccessKey',
        EventSource: 'iam.amazonaws.com',
        Username: 'mallory',
        AccessKeyId: USER_KEY,
        EventTime: ago(2).toISOString(),
        Resources: [{ ResourceType: 'AWS::IAM::User', ResourceName: 'backup-svc' }],
      });
      expect(JSON.parse(String(record.events[0]?.CloudTrailEvent)).requestParameters).toEqual({
        userName: 'backup-svc',
      });
      expect(record.events.at(-1)?.EventName).toBe('AssumeRole');
      const times = record.events.map((event) => String(event.EventTime));
      expect(times).toEqual([...times].sort().reverse());
      expect(record.sha256).toBe(sha256Hex(canonicalJson({ Events: record.events })));
      expect(journal.prior).toEqual(record);

      // Four lookups (the session's 52 events take two pages), none refused by CloudTrail's rate limit.
      expect(lookups(world).map((request) => request.status)).toEqual([200, 200, 200, 200]);
      expect(world.sim.mutatingRequests()).toEqual([]);
      expect(historyState(world.sim)).toEqual(history);
    });
  });

  it('a second run with the journal looks nothing up again', async () => {
    await within(trailWorld(), async (world) => {
      const { context } = world;
      const journal = new MemoryJournal<LookupEventsRecord>();
      const first = await execute(lookupEvents, PARAMS, context, journal);
      const from = lookups(world).length;
      const second = await execute(lookupEvents, PARAMS, context, journal);
      expect(second).toMatchObject({ changed: false, calls: [] });
      expect(second.record).toEqual(first.record);
      expect(second.state).toBe(
        `54 events collected by 3 of 3 lookups (${ago(24 * 7).toISOString()} to ${AT.toISOString()}, ` +
          'in us-east-1)',
      );
      expect(lookups(world).length).toBe(from);
    });
  });

  it('verifies the evidence is complete and matches its sha256, and says what is missing or altered', async () => {
    await within(trailWorld(), async (world) => {
      const { context } = world;
      const planned = await dryRun(lookupEvents, PARAMS, context);
      const missing = await verify(lookupEvents, PARAMS, context, planned.record);
      expect(missing).toEqual({
        ok: false,
        detail:
          `not looked up yet: us-east-1: AccessKeyId=${SESSION_KEY}, us-east-1: Username=mallory, ` +
          'us-east-1: ResourceName=backup-svc',
      });
      const { record } = await execute(lookupEvents, PARAMS, context, new MemoryJournal());
      expect(await verify(lookupEvents, PARAMS, context, record)).toEqual({
        ok: true,
        detail: `54 events from 3 lookups in us-east-1, sha256 ${record.sha256}`,
      });
      const altered = { ...record, events: record.events.slice(1) };
      expect(await verify(lookupEvents, PARAMS, context, altered)).toMatchObject({ ok: false });
    });
  });

  it('is in the catalogue as irreversible, every call it makes covered by its declared permissions', async () => {
    const spec = shippedCatalogue().get(lookupEvents.name);
    expect(spec?.runs).toBe(lookupEvents.name);
    expect(spec?.reversible).toBe(false);
    expect(lookupEvents.undo).toBeNull();
    expect(await loadConnector('aws:cloudtrail.lookup_events')).toBe(lookupEvents);
    const permissions = new Set(spec?.permissions);
    await within(trailWorld(), async (world) => {
      const { context } = world;
      const { record, calls } = await execute(lookupEvents, PARAMS, context, new MemoryJournal());
      const made = [...lookupEvents.describe(PARAMS, context), ...calls].map((call) => call.call);
      expect(made.filter((call) => !permissions.has(call))).toEqual([]);
      await expect(undo(lookupEvents, PARAMS, context, record)).rejects.toThrow(/cannot be undone/);
    });
  });

  it('stops a lookup at max_events and says the evidence is cut short', async () => {
    await within(trailWorld(), async (world) => {
      const { context } = world;
      const params = { ...PARAMS, lookup_attributes: PARAMS.lookup_attributes.slice(0, 1), max_events: 51 };
      const { record } = await execute(lookupEvents, params, context, new MemoryJournal());
      expect(record.lookups).toEqual([
        { key: 'AccessKeyId', value: SESSION_KEY, region: 'us-east-1', events: 51, truncated: true },
      ]);
      expect(world.sim.requests.filter((request) => request.action === 'LookupEvents')).toHaveLength(2);
      const verified = await verify(lookupEvents, params, context, record);
      expect(verified.ok).toBe(true);
      expect(verified.detail).toContain(`stopped at max_events: us-east-1: AccessKeyId=${SESSION_KEY}`);
    });
  });

  it('keeps two concurrent runs in one account within two lookups a second', async () => {
    await within(trailWorld(), async (world) => {
      const { context } = world;
      const [first, second] = await Promise.all([
        execute(lookupEvents, PARAMS, context, new MemoryJournal()),
        execute(lookupEvents, PARAMS, { ...context, incidentId: 'INC-20260314-0002' }, new MemoryJournal()),
      ]);
      expect(second.record).toEqual(first.record);
      expect(lookups(world).map((request) => request.errorCode)).toEqual(Array(8).fill(null));
    });
  }, 60_000);

  it('ends with the same evidence when any request is throttled or fails with a 5xx (the SDK retries)', async () => {
    await within(trailWorld(), async (world) => {
      const { context } = world;
      const clean = await execute(lookupEvents, PARAMS, context, new MemoryJournal());
      const requests = lookups(world).length;
      for (let skip = 0; skip < requests; skip += 1) {
        for (const fault of [CLOUDTRAIL_FAULTS.throttle, CLOUDTRAIL_FAULTS.unavailable]) {
          world.failNext('LookupEvents', fault, { skip });
          const from = world.sim.requests.length;
          const faulted = await execute(lookupEvents, PARAMS, context, new MemoryJournal());
          const label = `${fault.code} at lookup request #${skip + 1}`;
          expect(faulted.record, label).toEqual(clean.record);
          expect(
            world.sim.requests.slice(from).map((request) => request.errorCode),
            label,
          ).toContain(fault.code);
        }
      }
    });
  }, 120_000);

  it('a refusal at any request names the lookup; the re-run from the journal does only the rest', async () => {
    await within(trailWorld(), async (world) => {
      const { context } = world;
      const clean = await execute(lookupEvents, PARAMS, context, new MemoryJournal());
      // Requests of the clean run, by lookup: the session's two pages, then one each.
      const owners = [0, 0, 1, 2];
      for (const [skip, owner] of owners.entries()) {
        const journal = new MemoryJournal<LookupEventsRecord>();
        world.failNext('LookupEvents', CLOUDTRAIL_FAULTS.hard, { skip });
        const refused = await failure(execute(lookupEvents, PARAMS, context, journal));
        const target = lookupEvents.describe(PARAMS, context)[owner]?.target;
        expect(refused.call?.target).toBe(target);
        expect(refused.reason).toMatch(/^AccessDeniedException: User: .* cloudtrail:LookupEvents$/);
        expect(journal.prior?.lookups).toHaveLength(owner);

        const from = lookups(world).length;
        const resumed = await execute(lookupEvents, PARAMS, context, journal);
        expect(resumed.record).toEqual(clean.record);
        // Only the lookup that was refused and those after it were sent again.
        expect(lookups(world).length - from).toBe(owners.filter((other) => other >= owner).length);
      }
    });
  }, 120_000);

  it('keeps evidence the CloudTrail normalizer reads back as the actor’s events', async () => {
    await within(trailWorld(), async (world) => {
      const { context } = world;
      const params = { ...PARAMS, lookup_attributes: [{ key: 'Username' as const, value: 'mallory' }] };
      const { record } = await execute(lookupEvents, params, context, new MemoryJournal());
      const events = normalizeInput(Buffer.from(canonicalJson({ Events: record.events })), {
        source: 'cloudtrail',
      });
      expect(events.map((event) => event.kind)).toEqual([
        'iam.amazonaws.com:CreateAccessKey',
        'sts.amazonaws.com:AssumeRole',
      ]);
      expect(events.every((event) => event.actor === `arn:aws:iam::${ACCOUNT}:user/mallory`)).toBe(true);
    });
  });
  it('outside us-east-1, also looks up there, where IAM, STS and sign-in events are kept, and records where each was found', async () => {
    const REGION = 'eu-west-1';
    const KEY = 'AKIAMALLORYUSERKEY02';
    const sim = await startAwsSim({ accountId: ACCOUNT, region: REGION });
    const world = { sim, close: () => sim.close() };
    await within(world, async () => {
      const seeded = {
        runInstances: sim.cloudtrail.addEvent({
          eventName: 'RunInstances',
          eventSource: 'ec2.amazonaws.com',
          eventTime: ago(3),
          userName: 'mallory',
          accessKeyId: KEY,
        }),
        createAccessKey: sim.cloudtrail.addEvent({
          eventName: 'CreateAccessKey',
          eventSource: 'iam.amazonaws.com',
          eventTime: ago(2),
          userName: 'mallory',
          accessKeyId: KEY,
        }),
        consoleLogin: sim.cloudtrail.addEvent({
          eventName: 'ConsoleLogin',
          eventSource: 'signin.amazonaws.com',
          eventTime: ago(1),
          userName: 'mallory',
        }),
      };
      expect(seeded.createAccessKey.region).toBe('us-east-1');
      expect(seeded.consoleLogin.region).toBe('us-east-1');
      const context = {
        incidentId: INCIDENT,
        aws: { region: REGION, account: ACCOUNT },
        clients: createClients({
          aws: { endpoint: sim.endpoint, credentials: sim.credentials, retryStrategy: FAST_RETRY },
        }),
        now: () => AT,
      };
      const params: LookupEventsParams = {
        lookup_attributes: [
          { key: 'AccessKeyId', value: KEY },
          { key: 'Username', value: 'mallory' },
        ],
      };
      const planned = lookupEvents.describe(params, context);
      expect(planned.map((call) => call.target)).toEqual([
        `eu-west-1: AccessKeyId=${KEY}`,
        'eu-west-1: Username=mallory',
        `us-east-1: AccessKeyId=${KEY}`,
        'us-east-1: Username=mallory',
      ]);
      expect(planned[2]?.effect).toContain('IAM, STS and sign-in events are kept in this region only');

      const { record, state } = await execute(lookupEvents, params, context, new MemoryJournal());
      expect(state).toBe(
        `no events collected yet (${ago(24 * 7).toISOString()} to ${AT.toISOString()}, in eu-west-1 and us-east-1)`,
      );
      expect(record.regions).toEqual(['eu-west-1', 'us-east-1']);
      // The event's own region shows RunInstances only: the credentials' IAM activity is in us-east-1.
      expect(record.lookups).toEqual([
        { key: 'AccessKeyId', value: KEY, region: 'eu-west-1', events: 1, truncated: false },
        { key: 'Username', value: 'mallory', region: 'eu-west-1', events: 1, truncated: false },
        { key: 'AccessKeyId', value: KEY, region: 'us-east-1', events: 1, truncated: false },
        { key: 'Username', value: 'mallory', region: 'us-east-1', events: 2, truncated: false },
      ]);
      expect(record.events.map((event) => event.EventName)).toEqual([
        'ConsoleLogin',
        'CreateAccessKey',
        'RunInstances',
      ]);
      expect(record.event_regions).toEqual({
        [seeded.runInstances.eventId]: 'eu-west-1',
        [seeded.createAccessKey.eventId]: 'us-east-1',
        [seeded.consoleLogin.eventId]: 'us-east-1',
      });
      // One client per region: each lookup was signed for the region it searched.
      expect(
        sim.requests.filter((request) => request.action === 'LookupEvents').map((request) => request.region),
      ).toEqual(['eu-west-1', 'eu-west-1', 'us-east-1', 'us-east-1']);
      expect(await verify(lookupEvents, params, context, record)).toEqual({
        ok: true,
        detail: `3 events from 4 lookups in eu-west-1 and us-east-1, sha256 ${record.sha256}`,
      });
    });
  });
});
