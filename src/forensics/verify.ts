// `irac verify`: is the incident store what irac's operations, and only they, made of it?
//
// What is checked, and what each check catches:
// - every audit chain links and hashes (a changed byte, a deleted, inserted or reordered line);
// - every file of an incident is accounted for by its chain: evidence and normalized events by the
//   sha256 their ingest entry recorded, incident.yaml by the hash of its last version, README.md by
//   rendering it again — so an edit anywhere under incidents/ shows;
// - documents written by later operations (triage.json) are the versions their entries recorded;
// - the index files agree with the incidents (an event recorded twice, a dangling pointer, a history
//   index missing an incident or naming one that does not have the key);
// - history: each commit touching incidents/ carries irac's trailers and appends exactly the audit
//   entry it names, to the incident it names, and each audit entry has that commit — a hand-made
//   commit, a rewritten message, an entry smuggled into an existing commit all show;
// - signatures, when an allowed-signers file is configured: each such commit is signed by a key the
//   file allows (and, with require_signed, an unsigned one is a problem too).
// Problems read `path:line: what` (or `commit <sha>: what`), sorted, so two runs diff cleanly.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { canonicalJson, sha256Hex } from '../digest.js';
import { OperationError } from '../errors.js';
import { isJsonObject } from '../json.js';
import { type AuditEntry, verifyChain } from '../store/audit.js';
import type { Git, ObjectStore } from '../store/git.js';
import { parseIncident } from '../store/incident.js';
import {
  classifyPath,
  INCIDENTS_DIR,
  incidentDir,
  KEY_INDEX_LIMIT,
  KEY_INDEXES,
  type KeyIndex,
  keyIndexFile,
  parseKeyIndexLine,
  STORE_README_FILE,
} from '../store/layout.js';
import { renderIncidentReadme } from '../store/readme.js';
import type { Incident } from '../types.js';
import { storeReadmeAt } from './metrics-store.js';

export interface VerifyOptions {
  /** Repository path of the allowed-signers file (ssh-keygen's format), read from HEAD's tree. */
  readonly allowedSignersPath: string;
  /** An allowed-signers file outside the repository, trusted instead of the repository's copy. */
  readonly allowedSignersFile?: string | undefined;
  /** Unsigned commits are problems too. */
  readonly requireSigned: boolean;
  /** Called as work progresses, for a progress line on a terminal. */
  readonly onProgress?: ((phase: string, done: number, total?: number) => void) | undefined;
}

export interface VerifyReport {
  readonly head: string | undefined;
  readonly incidents: number;
  readonly events: number;
  readonly commits: number;
  /** Commits whose signature checked out against the allowed signers. */
  readonly signed: number;
  readonly problems: readonly string[];
}

interface IncidentFiles {
  incident?: string;
  audit?: string;
  readme?: string;
  triage?: string;
  plan?: string;
  events: Map<string, string>;
  /** steps/<step>.json by step. */
  steps: Map<string, string>;
  raws: Map<string, string>;
}

interface ChainEntry {
  readonly entry: AuditEntry;
  readonly line: number;
  claimedBy?: string;
}

const TRAILERS = ['Incident-Id', 'Irac-Action', 'Irac-Actor', 'Irac-Audit'] as const;
const INCIDENTS_IN_FLIGHT = 32;

export async function verifyStore(git: Git, options: VerifyOptions): Promise<VerifyReport> {
  const head = await git.resolveCommit('HEAD');
  if (head === undefined) return { head, incidents: 0, events: 0, commits: 0, signed: 0, problems: [] };
  if ((await git.output(['rev-parse', '--is-shallow-repository'])) === 'true') {
    throw new OperationError(
      `${git.dir} is a shallow clone: verify needs the whole history (\`git fetch --unshallow\`, or actions/checkout with fetch-depth: 0)`,
    );
  }
  const objects = await git.objects();
  try {
    const problems: string[] = [];
    const { incidents, eventIndex, keyIndex, storeReadme } = await listStore(git, head, problems);
    const chains = new Map<string, Map<string, ChainEntry>>();
    const parsed = new Map<string, Incident>();
    // The history walk runs in git while the incidents are checked here; commits are matched after.
    const history = readHistory(git, objects, head, options, problems);
    history.catch(() => {}); // awaited below; a failure must not count as unhandled meanwhile
    let events = 0;
    let done = 0;
    const ids = [...incidents.keys()];
    for (let at = 0; at < ids.length; at += INCIDENTS_IN_FLIGHT) {
      // Several incidents at once, so their object reads are pipelined to cat-file.
      await Promise.all(
        ids.slice(at, at + INCIDENTS_IN_FLIGHT).map(async (id) => {
          const files = incidents.get(id) as IncidentFiles;
          events += files.events.size;
          const { chain, incident } = await verifyIncident(objects, id, files, problems);
          chains.set(id, chain);
          if (incident) parsed.set(id, incident);
        }),
      );
      done = Math.min(at + INCIDENTS_IN_FLIGHT, ids.length);
      options.onProgress?.('incidents', done, ids.length);
    }
    await verifyIndex(objects, incidents, eventIndex, problems);
    await verifyKeyIndexes(objects, parsed, keyIndex, problems);
    const { commits, signed } = await history;
    for (const commit of commits) {
      if (isMetricsCommit(commit)) await checkMetricsCommit(objects, commit, problems);
      else checkCommit(commit, chains, problems);
    }
    await verifyStoreReadme(git, objects, storeReadme, commits, problems);
    for (const [id, chain] of chains) {
      for (const { line, claimedBy } of chain.values()) {
        if (!claimedBy) {
          problems.push(
            `${incidentDir(id)}/audit.jsonl:${line}: entry has no commit naming it (written outside irac, or its commit was rewritten)`,
          );
        }
      }
    }
    return {
      head,
      incidents: incidents.size,
      events,
      commits: commits.length,
      signed,
      problems: [...new Set(problems)].sort(),
    };
  } finally {
    await objects.close();
  }
}

async function listStore(git: Git, head: string, problems: string[]) {
  const incidents = new Map<string, IncidentFiles>();
  const eventIndex = new Map<string, string>();
  /** Index file path → blob sha. */
  const keyIndex = new Map<string, string>();
  let storeReadme: string | undefined;
  const filesOf = (id: string): IncidentFiles => {
    const files = incidents.get(id) ?? { events: new Map(), raws: new Map(), steps: new Map() };
    incidents.set(id, files);
    return files;
  };
  const listing = await git.run(['ls-tree', '-r', '-z', '--full-tree', head, '--', `${INCIDENTS_DIR}/`]);
  for (const record of listing.stdout.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, , sha = ''] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    const place = classifyPath(path);
    if (mode !== '100644' || place.kind === 'unknown') {
      problems.push(`${path}: not part of the incident store's layout (irac never writes it)`);
      continue;
    }
    switch (place.kind) {
      case 'incident':
      case 'audit':
      case 'readme':
      case 'triage':
      case 'plan':
        filesOf(place.incident)[place.kind] = sha;
        break;
      case 'event':
        filesOf(place.incident).events.set(place.event, sha);
        break;
      case 'raw':
        filesOf(place.incident).raws.set(place.event, sha);
        break;
      case 'step':
        filesOf(place.incident).steps.set(place.step, sha);
        break;
      case 'event-index':
        eventIndex.set(place.event, sha);
        break;
      case 'key-index':
        keyIndex.set(path, sha);
        break;
      case 'store-readme':
        storeReadme = sha;
        break;
      case 'budget-index':
        // A budget ledger is a cache of the `running` entries that reserved from it (each names its budget
        // scopes), which the audit chains hold and verify; it is not a record of its own.
        break;
    }
  }
  return { incidents, eventIndex, keyIndex, storeReadme };
}

async function blobText(objects: ObjectStore, sha: string): Promise<Buffer> {
  return (await objects.readBlob(sha)) ?? Buffer.alloc(0);
}

/**
 * Documents that operations after ingest write whole, each hashed into the entry that wrote it: the
 * file must be the version the last such entry recorded.
 */
const DOCUMENTS = [
  { name: 'triage', file: 'triage.json', key: 'triage_sha256', digest: sha256Hex },
  // A plan's hash is over its canonical JSON, the value an approval is bound to.
  { name: 'plan', file: 'plan.json', key: 'plan_sha256', digest: canonicalDigest },
] as const;

function canonicalDigest(bytes: Buffer): string {
  try {
    return sha256Hex(canonicalJson(JSON.parse(bytes.toString('utf8'))));
  } catch {
    return 'not JSON';
  }
}

/** Checks one incident's files against its chain; returns the chain's entries by hash. */
async function verifyIncident(
  objects: ObjectStore,
  id: string,
  files: IncidentFiles,
  problems: string[],
): Promise<{ chain: Map<string, ChainEntry>; incident?: Incident }> {
  const dir = incidentDir(id);
  const chain = new Map<string, ChainEntry>();
  for (const name of ['incident', 'audit', 'readme'] as const) {
    if (files[name] === undefined) {
      const file = { incident: 'incident.yaml', audit: 'audit.jsonl', readme: 'README.md' }[name];
      problems.push(`${dir}/${file}: missing`);
    }
  }
  if (files.audit === undefined) return { chain };
  const auditPath = `${dir}/audit.jsonl`;
  const auditText = (await blobText(objects, files.audit)).toString('utf8');
  const chainProblems = verifyChain(auditText, auditPath, id);
  problems.push(...chainProblems);

  const entries: AuditEntry[] = [];
  auditText.split('\n').forEach((text, index) => {
    if (text === '') return;
    try {
      const entry = JSON.parse(text) as AuditEntry;
      if (isJsonObject(entry as never) && typeof entry.hash === 'string') {
        entries.push(entry);
        chain.set(entry.hash, { entry, line: index + 1 });
      }
    } catch {
      // verifyChain has reported the line.
    }
  });

  // Evidence and events: each file exactly as its ingest entry recorded it, and nothing unrecorded.
  const recorded = new Set<string>();
  for (const { entry, line } of chain.values()) {
    if (entry.action !== 'ingest') continue;
    const data = entry.data;
    const event = typeof data.event === 'string' ? data.event : '';
    recorded.add(event);
    const where = `${auditPath}:${line}`;
    for (const [kind, map, key] of [
      ['events', files.events, 'event_sha256'],
      ['raw', files.raws, 'raw_sha256'],
    ] as const) {
      const sha = map.get(event);
      const file = `${dir}/events/${event}${kind === 'raw' ? '.raw' : ''}.json`;
      if (sha === undefined) {
        problems.push(`${file}: missing (recorded at ${where})`);
        continue;
      }
      const digest = sha256Hex(await blobText(objects, sha));
      if (digest !== data[key])
        problems.push(`${file}: sha256 ${digest} is not the ${data[key]} recorded at ${where} (altered)`);
    }
  }
  for (const event of new Set([...files.events.keys(), ...files.raws.keys()])) {
    if (!recorded.has(event)) problems.push(`${dir}/events/${event}.json: not recorded in ${auditPath}`);
  }

  for (const { name, file, key, digest: digestOf } of DOCUMENTS) {
    const last = [...chain.values()].filter((c) => typeof c.entry.data[key] === 'string').at(-1);
    const sha = files[name];
    if (sha === undefined) {
      if (last) problems.push(`${dir}/${file}: missing (recorded at ${auditPath}:${last.line})`);
    } else if (!last) {
      problems.push(`${dir}/${file}: not recorded in ${auditPath}`);
    } else {
      const digest = digestOf(await blobText(objects, sha));
      if (digest !== last.entry.data[key])
        problems.push(
          `${dir}/${file}: not the version recorded at ${auditPath}:${last.line} (edited outside irac)`,
        );
    }
  }

  // steps/<step>.json: the record the last entry about that step journaled.
  for (const [step, sha] of files.steps) {
    const last = [...chain.values()]
      .filter((c) => c.entry.data.step === step && typeof c.entry.data.record_sha256 === 'string')
      .at(-1);
    const file = `${dir}/steps/${step}.json`;
    if (!last) problems.push(`${file}: not recorded in ${auditPath}`);
    else if (sha256Hex(await blobText(objects, sha)) !== last.entry.data.record_sha256) {
      problems.push(`${file}: not the version recorded at ${auditPath}:${last.line} (edited outside irac)`);
    }
  }

  // incident.yaml: the version the last entry that wrote it recorded; README.md: what irac renders.
  let incident: Incident | undefined;
  if (files.incident !== undefined) {
    const yamlBytes = await blobText(objects, files.incident);
    const last = [...chain.values()].filter((c) => typeof c.entry.data.incident_sha256 === 'string').at(-1);
    if (last && sha256Hex(yamlBytes) !== last.entry.data.incident_sha256) {
      problems.push(
        `${dir}/incident.yaml: not the version recorded at ${auditPath}:${last.line} (edited outside irac)`,
      );
    }
    try {
      incident = parseIncident(yamlBytes.toString('utf8'), `${dir}/incident.yaml`);
    } catch (error) {
      problems.push((error as Error).message);
    }
    if (incident && incident.id !== id)
      problems.push(`${dir}/incident.yaml: id ${incident.id} is not the directory's ${id}`);
    if (incident && files.readme !== undefined && chainProblems.length === 0) {
      const readme = (await blobText(objects, files.readme)).toString('utf8');
      if (readme !== renderIncidentReadme(incident, entries)) {
        problems.push(
          `${dir}/README.md: not what irac renders from incident.yaml and audit.jsonl (edited outside irac)`,
        );
      }
    }
  }
  return incident ? { chain, incident } : { chain };
}

async function verifyIndex(
  objects: ObjectStore,
  incidents: ReadonlyMap<string, IncidentFiles>,
  eventIndex: ReadonlyMap<string, string>,
  problems: string[],
): Promise<void> {
  const holder = new Map<string, string>();
  for (const [id, files] of incidents) {
    for (const event of files.events.keys()) {
      const other = holder.get(event);
      if (other) problems.push(`${incidentDir(id)}/events/${event}.json: event also recorded in ${other}`);
      holder.set(event, id);
    }
  }
  for (const [event, sha] of eventIndex) {
    const named = (await blobText(objects, sha)).toString('utf8').trim();
    const actual = holder.get(event);
    if (named !== actual) {
      problems.push(
        `${INCIDENTS_DIR}/.index/events/${event.split('-')[1]?.slice(0, 2)}/${event}: names ${JSON.stringify(named.slice(0, 40))}, but the event is ${actual ? `in ${actual}` : 'in no incident'}`,
      );
    }
  }
  for (const [event, id] of holder) {
    if (!eventIndex.has(event))
      problems.push(
        `${incidentDir(id)}/events/${event}.json: has no index entry (a re-delivery would be recorded again)`,
      );
  }
}

/** The keys an incident is indexed under, by the path of each index file. */
function keysOf(incident: Incident): Map<string, KeyIndex> {
  const values: Record<KeyIndex, readonly string[]> = {
    fingerprints: [incident.fingerprint],
    resources: incident.resources,
    actors: incident.actors,
  };
  const paths = new Map<string, KeyIndex>();
  for (const index of KEY_INDEXES)
    for (const value of values[index]) paths.set(keyIndexFile(index, value), index);
  return paths;
}

/**
 * Each history index file lists the incidents that have its key, each once, with its opening time:
 * all of them, or the KEY_INDEX_LIMIT most recent. (Not in order of opening time: two runners opening
 * incidents at once append in the order their pushes land, which their clocks need not agree with.)
 */
async function verifyKeyIndexes(
  objects: ObjectStore,
  incidents: ReadonlyMap<string, Incident>,
  keyIndex: ReadonlyMap<string, string>,
  problems: string[],
): Promise<void> {
  const expected = new Map<string, Set<string>>();
  for (const incident of incidents.values()) {
    for (const path of keysOf(incident).keys()) {
      const holders = expected.get(path) ?? new Set();
      holders.add(incident.id);
      expected.set(path, holders);
    }
  }
  const some = (ids: Iterable<string>) => {
    const sorted = [...ids].sort();
    return sorted.length > 5
      ? `${sorted.slice(0, 5).join(', ')} and ${sorted.length - 5} more`
      : sorted.join(', ');
  };
  for (const [path, sha] of keyIndex) {
    const text = (await blobText(objects, sha)).toString('utf8');
    const holders = expected.get(path) ?? new Set<string>();
    const listed = new Map<string, number>();
    let malformed = !text.endsWith('\n');
    let oldest = Number.POSITIVE_INFINITY;
    text.split('\n').forEach((raw, index) => {
      if (raw === '' && index > 0) return;
      const line = index + 1;
      const entry = parseKeyIndexLine(raw);
      if (!entry) {
        malformed = true;
        return;
      }
      const { incident, opened, openedMs } = entry;
      if (listed.has(incident)) problems.push(`${path}:${line}: lists ${incident} twice`);
      listed.set(incident, line);
      oldest = Math.min(oldest, openedMs);
      const known = incidents.get(incident);
      if (!holders.has(incident)) {
        problems.push(
          `${path}:${line}: lists ${incident}, which ${known ? 'does not have this key' : 'is no incident'}`,
        );
      } else if (known && known.timestamps.opened !== opened) {
        problems.push(
          `${path}:${line}: says ${incident} opened at ${opened}, not ${known.timestamps.opened}`,
        );
      }
    });
    if (malformed) problems.push(`${path}: has lines that are not "<incident id> <opened>"`);
    const full = listed.size >= KEY_INDEX_LIMIT;
    const unlisted = [...holders].filter((id) => {
      if (listed.has(id)) return false;
      // A full file has dropped its oldest lines: an incident older than all it lists may be gone.
      const opened = Date.parse(incidents.get(id)?.timestamps.opened ?? '');
      return !(full && opened <= oldest);
    });
    if (unlisted.length > 0)
      problems.push(
        `${path}: does not list ${some(unlisted)}, which ${unlisted.length === 1 ? 'has' : 'have'} its key`,
      );
  }
  for (const [path, holders] of expected) {
    if (!keyIndex.has(path)) problems.push(`${path}: missing (it should list ${some(holders)})`);
  }
}

interface Commit {
  sha: string;
  parents: string[];
  signature: string;
  trailers: Map<string, string[]>;
  paths: string[];
}

function parseTrailers(text: string): Map<string, string[]> {
  const trailers = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon <= 0) continue;
    const key = line.slice(0, colon);
    trailers.set(key, [...(trailers.get(key) ?? []), line.slice(colon + 2)]);
  }
  return trailers;
}

async function allowedSignersFile(
  objects: ObjectStore,
  head: string,
  options: VerifyOptions,
): Promise<{ file: string; cleanup: () => Promise<void> } | undefined> {
  if (options.allowedSignersFile) return { file: options.allowedSignersFile, cleanup: async () => {} };
  const content = await objects.readBlob(`${head}:${options.allowedSignersPath}`);
  if (content === undefined) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'irac-signers-'));
  const file = join(dir, 'allowed_signers');
  await writeFile(file, content);
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const SIGNATURE_PROBLEMS: Readonly<Record<string, string>> = {
  B: 'has a bad signature (the commit was altered after signing)',
  U: 'is signed by a key the allowed-signers file does not allow',
  X: 'is signed with an expired signature',
  Y: 'is signed by an expired key',
  R: 'is signed by a revoked key',
  E: 'has a signature that cannot be checked (key not in the allowed-signers file)',
};

/** The commits that touched incidents/, newest first, with their signature verdicts counted. */
async function readHistory(
  git: Git,
  objects: ObjectStore,
  head: string,
  options: VerifyOptions,
  problems: string[],
): Promise<{ commits: Commit[]; signed: number }> {
  const signers = await allowedSignersFile(objects, head, options);
  if (!signers && options.requireSigned) {
    problems.push(`${options.allowedSignersPath}: missing, but signed commits are required`);
  }
  const checkSignatures = signers !== undefined;
  const config = signers ? ['-c', `gpg.ssh.allowedSignersFile=${signers.file}`] : [];
  const format = `%x1e%H%x1f%P%x1f${checkSignatures ? '%G?' : '-'}%x1f%(trailers:only,unfold)%x1f`;
  // dense-combined: a merge shows only paths it changed beyond its parents (an "evil merge").
  const child = git.spawn([
    ...config,
    '-c',
    'core.quotePath=true',
    'log',
    `--format=${format}`,
    '--name-only',
    '--diff-merges=dense-combined',
    head,
    '--',
    `${INCIDENTS_DIR}/`,
  ]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 128)));
  const commits: Commit[] = [];
  let signed = 0;
  let pending = '';
  const finish = (record: string) => {
    if (record.trim() === '') return;
    const [sha = '', parents = '', signature = '', trailerText = '', pathText = ''] = record.split('\x1f');
    const commit: Commit = {
      sha,
      parents: parents.split(' ').filter((p) => p !== ''),
      signature,
      trailers: parseTrailers(trailerText),
      paths: pathText.split('\n').filter((p) => p !== ''),
    };
    commits.push(commit);
    if (commits.length % 500 === 0) options.onProgress?.('commits', commits.length);
    if (checkSignatures) {
      if (commit.signature === 'G') signed++;
      else if (commit.signature === 'N') {
        if (options.requireSigned)
          problems.push(`commit ${sha}: is not signed, and signed commits are required`);
      } else
        problems.push(
          `commit ${sha}: ${SIGNATURE_PROBLEMS[commit.signature] ?? `signature status ${commit.signature}`}`,
        );
    }
  };
  const lines = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.startsWith('\x1e')) {
      finish(pending);
      pending = line.slice(1);
    } else {
      pending += `\n${line}`;
    }
  }
  finish(pending);
  const code = await exited;
  await signers?.cleanup();
  if (code !== 0) throw new Error(`git log failed: ${stderr.trim()}`);
  return { commits, signed };
}

/** A commit of `irac metrics --write`: it regenerates incidents/README.md and belongs to no incident. */
function isMetricsCommit(commit: Commit): boolean {
  return commit.trailers.get('Irac-Action')?.[0] === 'metrics' && !commit.trailers.has('Incident-Id');
}

/** A metrics commit changes incidents/README.md alone, says who made it, and names the bytes it wrote. */
async function checkMetricsCommit(objects: ObjectStore, commit: Commit, problems: string[]): Promise<void> {
  const where = `commit ${commit.sha}`;
  for (const path of commit.paths) {
    if (path !== STORE_README_FILE) problems.push(`${where}: a metrics commit, but it changes ${path}`);
  }
  if (!commit.trailers.has('Irac-Actor')) problems.push(`${where}: a metrics commit without Irac-Actor`);
  const written = await objects.readBlob(`${commit.sha}:${STORE_README_FILE}`);
  const named = commit.trailers.get('Irac-Readme')?.[0];
  if (written === undefined || named !== sha256Hex(written)) {
    problems.push(`${where}: ${STORE_README_FILE} is not the sha256 its Irac-Readme trailer names`);
  }
}

/**
 * incidents/README.md at HEAD: what the newest metrics commit wrote (only those may touch it, and each
 * is checked), and what irac renders from the store and configuration at that commit.
 */
async function verifyStoreReadme(
  git: Git,
  objects: ObjectStore,
  sha: string | undefined,
  commits: readonly Commit[],
  problems: string[],
): Promise<void> {
  if (sha === undefined) return;
  const writer = commits.find(
    (commit) => isMetricsCommit(commit) && commit.paths.includes(STORE_README_FILE),
  );
  if (writer === undefined) {
    problems.push(`${STORE_README_FILE}: not written by \`irac metrics --write\``);
    return;
  }
  const readme = (await blobText(objects, sha)).toString('utf8');
  if (readme !== (await storeReadmeAt(git, git.dir, writer.sha))) {
    problems.push(
      `${STORE_README_FILE}: not what irac renders from the store at ${writer.sha} (edited outside irac)`,
    );
  }
}

function checkCommit(
  commit: Commit,
  chains: ReadonlyMap<string, Map<string, ChainEntry>>,
  problems: string[],
) {
  const where = `commit ${commit.sha}`;
  const missing = TRAILERS.filter((key) => !commit.trailers.has(key));
  if (missing.length > 0) {
    problems.push(
      `${where}: changes ${commit.paths[0] ?? INCIDENTS_DIR} without irac's trailers (${missing.join(', ')}): not made by irac`,
    );
    return;
  }
  const one = (key: string) => {
    const values = commit.trailers.get(key) ?? [];
    if (values.length > 1) problems.push(`${where}: has ${values.length} ${key} trailers`);
    return values[0] ?? '';
  };
  const id = one('Incident-Id');
  const action = one('Irac-Action');
  const actor = one('Irac-Actor');
  const [seqText = '', hash = ''] = one('Irac-Audit').split(' ');
  const dir = /^IR-\d{8}-[0-9a-hjkmnp-tv-z]{8}$/.test(id) ? incidentDir(id) : undefined;
  for (const path of commit.paths) {
    const place = classifyPath(path.replace(/^"|"$/g, ''));
    const own = dir !== undefined && path.startsWith(`${dir}/`);
    if (!own && place.kind !== 'event-index' && place.kind !== 'key-index' && place.kind !== 'budget-index') {
      problems.push(`${where}: Incident-Id ${id} but it changes ${path}`);
    }
  }
  const entry = chains.get(id)?.get(hash);
  if (!entry) {
    problems.push(
      `${where}: names audit entry ${seqText} ${hash.slice(0, 12)} of ${id}, which is not in its chain`,
    );
    return;
  }
  if (entry.claimedBy) {
    problems.push(`${where}: names the audit entry that commit ${entry.claimedBy} made`);
    return;
  }
  entry.claimedBy = commit.sha;
  if (String(entry.entry.seq) !== seqText || entry.entry.action !== action || entry.entry.actor !== actor) {
    problems.push(
      `${where}: trailers (${action} by ${actor}, seq ${seqText}) disagree with ${incidentDir(id)}/audit.jsonl:${entry.line} (${entry.entry.action} by ${entry.entry.actor}, seq ${entry.entry.seq})`,
    );
  }
}
