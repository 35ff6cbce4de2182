// One operation's view of the repository: reads come from the commit it started from (plus what it
// has written), writes accumulate until `commit()` turns them into a commit object. Nothing touches a
// ref, the index or the working tree; publishing the commits is the repository's job.

import type { ObjectStore, TreeEntry } from './git.js';

export interface Trailer {
  readonly key: string;
  readonly value: string;
}

export interface CommitSpec {
  readonly subject: string;
  readonly body?: readonly string[];
  readonly trailers: readonly Trailer[];
}

/** What commit objects are made with: identity and signing. */
export interface CommitSigner {
  readonly identityEnv: Readonly<Record<string, string>>;
  readonly signingKey?: string | undefined;
  commitTree(tree: string, parents: readonly string[], message: string): Promise<string>;
}

const ONE_LINE = /[\r\n\u2028\u2029]/g;

/** A commit message whose last paragraph is git trailers (`git interpret-trailers` reads it back). */
export function commitMessage(spec: CommitSpec): string {
  const paragraphs = [spec.subject.replace(ONE_LINE, ' ')];
  if (spec.body && spec.body.length > 0)
    paragraphs.push(spec.body.map((l) => l.replace(ONE_LINE, ' ')).join('\n'));
  paragraphs.push(spec.trailers.map((t) => `${t.key}: ${t.value.replace(ONE_LINE, ' ')}`).join('\n'));
  return `${paragraphs.join('\n\n')}\n`;
}

type Change = { readonly blob: string } | null;

export class Transaction {
  /** Everything written in this operation, for reads that must see it. */
  private readonly written = new Map<string, Buffer>();
  /** Written since the last commit. */
  private pending = new Map<string, Buffer>();
  private headTree: string | undefined;
  private treeResolved = false;
  private head: string | undefined;
  readonly commits: string[] = [];

  constructor(
    private readonly objects: ObjectStore,
    /** The commit the operation starts from; undefined in a repository without commits. */
    readonly base: string | undefined,
    private readonly signer: CommitSigner,
  ) {
    this.head = base;
  }

  /** The file's bytes at the base commit, as changed by this operation; undefined when absent. */
  async read(path: string): Promise<Buffer | undefined> {
    const written = this.written.get(path);
    if (written) return written;
    return this.base === undefined ? undefined : this.objects.readBlob(`${this.base}:${path}`);
  }

  async readText(path: string): Promise<string | undefined> {
    return (await this.read(path))?.toString('utf8');
  }

  write(path: string, content: string | Uint8Array): void {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    this.written.set(path, bytes);
    this.pending.set(path, bytes);
  }

  /** The last commit made, or the base when none was. */
  get tip(): string | undefined {
    return this.head;
  }

  /** Turns the writes since the last commit into one commit on top of it. */
  async commit(spec: CommitSpec): Promise<string> {
    if (!this.treeResolved) {
      this.headTree =
        this.base === undefined ? undefined : (await this.objects.read(`${this.base}^{tree}`))?.sha;
      this.treeResolved = true;
    }
    const changes = new Map<string, Change>();
    for (const [path, bytes] of this.pending)
      changes.set(path, { blob: await this.objects.writeBlob(bytes) });
    const tree =
      (await writeTreeWith(this.objects, this.headTree, changes)) ?? (await this.objects.writeTree([]));
    const parents = this.head === undefined ? [] : [this.head];
    const commit = await this.signer.commitTree(tree, parents, commitMessage(spec));
    this.head = commit;
    this.headTree = tree;
    this.pending = new Map();
    this.commits.push(commit);
    return commit;
  }
}

/**
 * The tree `base` becomes with `changes` (path → new blob, or null to delete) applied; only the trees
 * along changed paths are read and rewritten. Undefined when the result is empty.
 */
export function writeTreeWith(
  objects: ObjectStore,
  base: string | undefined,
  changes: ReadonlyMap<string, Change>,
): Promise<string | undefined> {
  // Tree entry names are bytes, carried as latin1 strings (see TreeEntry); paths here are text (UTF-8).
  const asBytes = new Map(
    [...changes].map(([path, change]) => [Buffer.from(path, 'utf8').toString('latin1'), change]),
  );
  return editTree(objects, base, asBytes);
}

async function editTree(
  objects: ObjectStore,
  base: string | undefined,
  changes: ReadonlyMap<string, Change>,
): Promise<string | undefined> {
  const entries = new Map<string, TreeEntry>();
  if (base !== undefined) {
    for (const entry of (await objects.readTree(base)) ?? []) entries.set(entry.name, entry);
  }
  const below = new Map<string, Map<string, Change>>();
  for (const [path, change] of changes) {
    const slash = path.indexOf('/');
    if (slash === -1) {
      if (change === null) entries.delete(path);
      else entries.set(path, { mode: '100644', type: 'blob', sha: change.blob, name: path });
      continue;
    }
    const name = path.slice(0, slash);
    const group = below.get(name) ?? new Map<string, Change>();
    below.set(name, group);
    group.set(path.slice(slash + 1), change);
  }
  for (const [name, group] of below) {
    const existing = entries.get(name);
    const subtree = await editTree(objects, existing?.type === 'tree' ? existing.sha : undefined, group);
    if (subtree === undefined) entries.delete(name);
    else entries.set(name, { mode: '040000', type: 'tree', sha: subtree, name });
  }
  if (entries.size === 0) return undefined;
  return objects.writeTree([...entries.values()]);
}
