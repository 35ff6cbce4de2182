// A simulated Jira Cloud site on loopback, speaking the REST API v3 that jira.js's Version3Client calls:
// issues created under Jira's own field validation and wording (the project's issue types and priorities,
// ADF descriptions, labels without spaces, summaries of at most 255 characters), read back, found by a
// small and strict JQL, annotated with entity properties and comments. Callers present the site's email
// and API token over basic auth, as Jira Cloud requires. Like the AWS sim, every request is logged
// (operation, parameters, caller, status) and faults can be injected per operation; a request budget
// answers 429 with Retry-After, as Jira's rate limiter does, so a connector's back-off is exercised.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { FaultQueue, type HttpAnswer, readBoundedBody, sendAnswer, serveOnLoopback, shown } from './http.js';

export interface JiraProjectOptions {
  /** The issue types the project's scheme offers, by name (`Task`, `Bug`). */
  readonly issueTypes: readonly string[];
  /** The priorities the project's priority scheme offers, by name, highest first. */
  readonly priorities: readonly string[];
  readonly name?: string;
}

export interface JiraProjectState {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly issueTypes: readonly string[];
  readonly priorities: readonly string[];
}

export interface JiraCommentState {
  readonly id: string;
  /** The comment as ADF, as it was posted. */
  readonly body: unknown;
  readonly authorEmail: string;
  readonly created: Date;
}

/** What the site holds for one issue (copies; changing them changes nothing). */
export interface JiraIssueState {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
  readonly issueType: string;
  readonly summary: string;
  /** The ADF document, or null when none was given. */
  readonly description: unknown;
  readonly labels: readonly string[];
  readonly priority: string | null;
  readonly status: string;
  readonly reporterEmail: string;
  readonly created: Date;
  readonly updated: Date;
  readonly properties: ReadonlyMap<string, unknown>;
  readonly comments: readonly JiraCommentState[];
}

/** A failure to give one request for an operation, as a throttled or failing Jira would. */
export interface JiraFault {
  readonly status: number;
  readonly message?: string;
  /** Sent as Retry-After (seconds), as Jira does on 429 and some 503s. */
  readonly retryAfterSeconds?: number;
}

export interface LoggedJiraRequest {
  /** Jira's operation id (`createIssue`, `getIssue`, …); empty for a path the site does not serve. */
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  /** Path and query parameters worth asserting on: issueIdOrKey, propertyKey, jql, fields, … */
  readonly params: ReadonlyMap<string, string>;
  /** The request body as received (bounded), empty when there was none. */
  readonly body: string;
  /** The email the request authenticated as, or null when it did not. */
  readonly email: string | null;
  /** False for reads, including the POST form of the JQL search. */
  readonly mutating: boolean;
  readonly status: number;
  /** The first error message answered, or null on success. */
  readonly errorMessage: string | null;
}

export interface JiraSimOptions {
  /** The account the API token belongs to; default `irac-bot@example.com`. */
  readonly email?: string;
  /** Default: a fresh random token. */
  readonly apiToken?: string;
}

export interface JiraSim {
  /** `http://127.0.0.1:PORT`: the `host` for jira.js. */
  readonly url: string;
  /** The basic-auth pair the site accepts. */
  readonly credentials: { readonly email: string; readonly apiToken: string };
  /** Seeds a project, as a Jira administrator would create it. */
  addProject(key: string, options: JiraProjectOptions): JiraProjectState;
  /** Moves an issue to a status (`To Do`, `In Progress`, `Done`), as a workflow transition would. */
  setIssueStatus(issueIdOrKey: string, status: string): void;
  /** What the site now holds for an issue, by id or key. */
  issue(issueIdOrKey: string): JiraIssueState | undefined;
  /** Every issue, in creation order. */
  issues(): JiraIssueState[];
  /** Every request received, in order, including refused and fault-injected ones. */
  readonly requests: LoggedJiraRequest[];
  /** Requests that could change the site (creating issues, setting properties, commenting). */
  mutatingRequests(): LoggedJiraRequest[];
  /**
   * The next request for `operation` (after `skip` more of them are answered) gets this fault instead
   * of an answer; call again to queue more.
   */
  failNext(operation: string, fault: JiraFault, options?: { skip?: number }): void;
  /**
   * Answers at most `requests` authenticated requests per window of `windowSeconds`; past that, 429 with
   * Retry-After until the window ends.
   */
  rateLimit(requests: number, windowSeconds: number): void;
  close(): Promise<void>;
}

// Bounds on hostile requests: Jira's own limits (32 767 characters of text, 32 768 of a property value)
// are far below these, and below the sims' bound on bodies.
const MAX_ADF_DEPTH = 32;
const MAX_SEARCH_RESULTS = 5000;
const DEFAULT_SEARCH_RESULTS = 50;
const SUMMARY_LENGTH = 255;
const LABEL_LENGTH = 255;
const PROPERTY_KEY_LENGTH = 255;
const PROPERTY_VALUE_LENGTH = 32768;
const STATUSES = [
  { id: '10000', name: 'To Do', category: 'new', categoryName: 'To Do' },
  { id: '3', name: 'In Progress', category: 'indeterminate', categoryName: 'In Progress' },
  { id: '10001', name: 'Done', category: 'done', categoryName: 'Done' },
] as const;

const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
const NOT_ADF = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
const SEARCH_REMOVED =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. ' +
  'A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';
const JQL_OPERATORS =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

// The node and mark types of the Atlassian Document Format; anything else is not a document Jira keeps.
const ADF_NODES = new Set([
  'blockquote',
  'bulletList',
  'codeBlock',
  'date',
  'emoji',
  'expand',
  'hardBreak',
  'heading',
  'inlineCard',
  'listItem',
  'media',
  'mediaGroup',
  'mediaInline',
  'mediaSingle',
  'mention',
  'nestedExpand',
  'orderedList',
  'panel',
  'paragraph',
  'rule',
  'status',
  'table',
  'tableCell',
  'tableHeader',
  'tableRow',
  'text',
]);
const ADF_MARKS = new Set([
  'backgroundColor',
  'code',
  'em',
  'link',
  'strike',
  'strong',
  'subsup',
  'textColor',
  'underline',
]);

/** A refusal in Jira's error envelope: `{"errorMessages": [...], "errors": {field: message}}`. */
class JiraError extends Error {
  override readonly name = 'JiraError';
  constructor(
    readonly status: number,
    readonly errorMessages: readonly string[],
    readonly errors: ReadonlyMap<string, string> = new Map(),
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(errorMessages[0] ?? [...errors.values()][0] ?? `HTTP ${status}`);
  }

  answer(): HttpAnswer {
    return json(
      this.status,
      // fromEntries defines own properties, so a field named `__proto__` stays a plain key.
      { errorMessages: this.errorMessages, errors: Object.fromEntries(this.errors) },
      this.headers,
    );
  }
}

/** Jira Cloud's answer to a request without valid credentials, which is not its usual envelope. */
class NotAuthenticated extends JiraError {
  constructor() {
    super(401, ['Client must be authenticated to access this resource.']);
  }

  override answer(): HttpAnswer {
    return json(401, { message: this.message, 'status-code': 401 });
  }
}

function json(status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): HttpAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
    body: JSON.stringify(value),
  };
}

function fieldError(field: string, message: string): JiraError {
  return new JiraError(400, [], new Map([[field, message]]));
}

type JsonObject = { readonly [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A member of a parsed JSON object, never one inherited from Object.prototype. */
function own(value: JsonObject, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

/** Jira's timestamps: `2024-05-01T12:00:00.000+0000`. */
function jiraTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

function isAdfNode(node: unknown, depth: number): boolean {
  if (depth > MAX_ADF_DEPTH || !isObject(node)) return false;
  const type = own(node, 'type');
  if (typeof type !== 'string' || !ADF_NODES.has(type)) return false;
  if (type === 'text') {
    const text = own(node, 'text');
    const marks = own(node, 'marks');
    if (typeof text !== 'string' || text.length === 0) return false;
    if (marks === undefined) return true;
    return (
      Array.isArray(marks) &&
      marks.every((mark) => isObject(mark) && ADF_MARKS.has(String(own(mark, 'type'))))
    );
  }
  const content = own(node, 'content');
  if (content === undefined) return true;
  return Array.isArray(content) && content.every((child) => isAdfNode(child, depth + 1));
}

/** Whether a value is an ADF document: `{type: 'doc', version: 1, content: [nodes]}`. */
function isAdfDocument(value: unknown): boolean {
  if (!isObject(value) || own(value, 'type') !== 'doc' || own(value, 'version') !== 1) return false;
  const content = own(value, 'content');
  return Array.isArray(content) && content.every((node) => isAdfNode(node, 1));
}

/** A property value as Jira stores it: any JSON but null, at most 32 768 characters serialized. */
function checkPropertyValue(value: unknown): void {
  if (value === undefined || value === null) {
    throw new JiraError(400, ['The property value must be a valid, non-empty JSON value.']);
  }
  if (JSON.stringify(value).length > PROPERTY_VALUE_LENGTH) {
    throw new JiraError(400, [
      `The property value exceeds the maximum length of ${PROPERTY_VALUE_LENGTH} characters.`,
    ]);
  }
}

/** What Jira says of a label it refuses, or undefined for a good one. */
function labelProblem(label: unknown): string | undefined {
  if (typeof label !== 'string' || label.length === 0) return 'Labels must be non-empty strings.';
  if (/\s/.test(label)) return `The label '${shown(label)}' contains spaces which is invalid.`;
  if (label.length > LABEL_LENGTH) {
    return `The label '${shown(label)}' exceeds the maximum length for a single label of ${LABEL_LENGTH} characters.`;
  }
  return undefined;
}

function checkPropertyKey(key: string): void {
  if (key.length === 0 || key.length > PROPERTY_KEY_LENGTH) {
    throw new JiraError(400, [
      `The property key must be between 1 and ${PROPERTY_KEY_LENGTH} characters long.`,
    ]);
  }
}

// --- JQL ------------------------------------------------------------------------------------------

interface JqlToken {
  readonly kind: 'word' | 'string' | 'operator' | '(' | ')' | ',';
  readonly text: string;
  /** 1-based, as Jira counts in its messages. */
  readonly column: number;
}

/** One `field = value` or `field in (values)` clause, values as written. */
interface JqlClause {
  readonly field: 'labels' | 'project' | 'status';
  readonly values: readonly string[];
}

const JQL_SUPPORTED_FIELDS = new Set(['labels', 'project', 'status']);
// Fields every Jira site has: refused as beyond this simulator, not as unknown to Jira.
const JQL_JIRA_FIELDS = new Set([
  'assignee',
  'component',
  'created',
  'creator',
  'description',
  'duedate',
  'issue',
  'issuekey',
  'issuetype',
  'key',
  'parent',
  'priority',
  'reporter',
  'resolution',
  'sprint',
  'statuscategory',
  'summary',
  'text',
  'type',
  'updated',
]);

function jqlError(message: string): JiraError {
  return new JiraError(400, [message]);
}

function beyondSimulator(what: string): JiraError {
  return jqlError(
    `The simulated Jira supports only 'labels', 'project' and 'status' with '=' or 'IN', joined by AND; ${what}`,
  );
}

function tokenizeJql(jql: string): JqlToken[] {
  const tokens: JqlToken[] = [];
  let at = 0;
  while (at < jql.length) {
    const char = jql.charAt(at);
    const column = at + 1;
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char, text: char, column });
      at += 1;
    } else if (char === '"' || char === "'") {
      let text = '';
      let end = at + 1;
      while (end < jql.length && jql.charAt(end) !== char) {
        if (jql.charAt(end) === '\\' && end + 1 < jql.length) end += 1;
        text += jql.charAt(end);
        end += 1;
      }
      if (end >= jql.length) {
        throw jqlError(
          `Error in the JQL Query: The quoted string '${shown(jql.slice(at))}' has not been completed. ` +
            `(line 1, character ${column})`,
        );
      }
      tokens.push({ kind: 'string', text, column });
      at = end + 1;
    } else {
      const operator = /^(!=|!~|<=|>=|=|~|<|>)/.exec(jql.slice(at));
      if (operator?.[1]) {
        tokens.push({ kind: 'operator', text: operator[1], column });
        at += operator[1].length;
        continue;
      }
      const word = /^[^\s()=,!<>~"']+/.exec(jql.slice(at));
      const text = word?.[0] ?? char;
      tokens.push({ kind: 'word', text, column });
      at += text.length;
    }
  }
  return tokens;
}

function isWord(token: JqlToken | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === word;
}

/** The strict subset: `field (= value | in (value, …))` clauses joined by AND. */
function parseJql(jql: string): JqlClause[] {
  const tokens = tokenizeJql(jql);
  if (tokens.length === 0) {
    throw jqlError(
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    );
  }
  const clauses: JqlClause[] = [];
  let at = 0;
  const value = (): string => {
    const token = tokens[at];
    if (!token) {
      throw jqlError(
        'Error in the JQL Query: Expecting either a value, list or function before the end of the query.',
      );
    }
    if (token.kind !== 'word' && token.kind !== 'string') {
      throw jqlError(
        `Error in the JQL Query: Expecting either a value, list or function but got '${shown(token.text)}'. ` +
          `(line 1, character ${token.column})`,
      );
    }
    if (token.kind === 'word' && tokens[at + 1]?.kind === '(') throw beyondSimulator('functions are not.');
    if (token.kind === 'word' && /^(empty|null)$/i.test(token.text)) {
      throw beyondSimulator(`'${token.text}' is not.`);
    }
    at += 1;
    return token.text;
  };
  for (;;) {
    const fieldToken = tokens[at];
    if (!fieldToken)
      throw jqlError('Error in the JQL Query: Expecting a field name at the end of the query.');
    if (fieldToken.kind !== 'word' && fieldToken.kind !== 'string') {
      if (fieldToken.kind === '(') throw beyondSimulator('parentheses are not.');
      throw jqlError(
        `Error in the JQL Query: Expecting a field name but got '${shown(fieldToken.text)}'. ` +
          `(line 1, character ${fieldToken.column})`,
      );
    }
    const fieldName = fieldToken.text.toLowerCase();
    if (fieldToken.kind === 'word' && (fieldName === 'not' || fieldName === 'order')) {
      throw beyondSimulator(`'${shown(fieldToken.text)}' is not.`);
    }
    at += 1;
    const operator = tokens[at];
    if (!operator) {
      throw jqlError(
        `Error in the JQL Query: Expecting operator before the end of the query. ${JQL_OPERATORS}`,
      );
    }
    let values: string[];
    if (operator.kind === 'operator' && operator.text === '=') {
      at += 1;
      values = [value()];
    } else if (isWord(operator, 'in')) {
      at += 1;
      if (tokens[at]?.kind !== '(') {
        throw beyondSimulator("'IN' takes a parenthesised list here.");
      }
      at += 1;
      values = [value()];
      while (tokens[at]?.kind === ',') {
        at += 1;
        values.push(value());
      }
      const close = tokens[at];
      if (!close) throw jqlError("Error in the JQL Query: Expecting ')' before the end of the query.");
      if (close.kind !== ')') {
        throw jqlError(
          `Error in the JQL Query: Expecting ')' but got '${shown(close.text)}'. (line 1, character ${close.column})`,
        );
      }
      at += 1;
    } else if (operator.kind === 'operator' || isWord(operator, 'not') || isWord(operator, 'is')) {
      throw beyondSimulator(`'${shown(operator.text)}' is not.`);
    } else {
      throw jqlError(
        `Error in the JQL Query: Expecting operator but got '${shown(operator.text)}'. ${JQL_OPERATORS} ` +
          `(line 1, character ${operator.column})`,
      );
    }
    if (!JQL_SUPPORTED_FIELDS.has(fieldName)) {
      if (JQL_JIRA_FIELDS.has(fieldName)) throw beyondSimulator(`'${shown(fieldToken.text)}' is not.`);
      throw jqlError(
        `Field '${shown(fieldToken.text)}' does not exist or you do not have permission to view it.`,
      );
    }
    clauses.push({ field: fieldName as JqlClause['field'], values });
    const next = tokens[at];
    if (!next) return clauses;
    if (isWord(next, 'and')) {
      at += 1;
      continue;
    }
    if (isWord(next, 'or') || isWord(next, 'order')) throw beyondSimulator(`'${shown(next.text)}' is not.`);
    throw jqlError(
      `Error in the JQL Query: Expecting either 'OR' or 'AND' but got '${shown(next.text)}'. ` +
        `(line 1, character ${next.column})`,
    );
  }
}

// --- the site -------------------------------------------------------------------------------------

interface Project {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  /** Issue type name → id. */
  readonly issueTypes: Map<string, string>;
  /** Priority name → id. */
  readonly priorities: Map<string, string>;
  nextNumber: number;
}

interface Comment {
  readonly id: string;
  readonly body: unknown;
  readonly author: Caller;
  readonly created: Date;
}

interface Issue {
  readonly id: string;
  readonly key: string;
  readonly project: Project;
  readonly issueType: string;
  readonly summary: string;
  readonly description: unknown;
  readonly labels: readonly string[];
  readonly priority: string | null;
  status: (typeof STATUSES)[number];
  readonly reporter: Caller;
  readonly created: Date;
  updated: Date;
  readonly properties: Map<string, unknown>;
  readonly comments: Comment[];
}

interface Caller {
  readonly email: string;
  readonly accountId: string;
  readonly displayName: string;
}

interface JiraRequest {
  readonly params: ReadonlyMap<string, string>;
  readonly query: URLSearchParams;
  /** The parsed JSON body; undefined when there was none. */
  readonly body: unknown;
  readonly caller: Caller;
}

interface Route {
  readonly operation: string;
  readonly mutating: boolean;
  readonly params: Map<string, string>;
  readonly answer: (request: JiraRequest) => HttpAnswer;
}

export async function startJiraSim(options: JiraSimOptions = {}): Promise<JiraSim> {
  const email = options.email ?? 'irac-bot@example.com';
  const apiToken = options.apiToken ?? randomBytes(18).toString('base64url');
  const account: Caller = {
    email,
    accountId: randomBytes(12).toString('hex'),
    displayName: email.split('@')[0] || email,
  };
  const projects = new Map<string, Project>();
  const issues = new Map<string, Issue>();
  const requests: LoggedJiraRequest[] = [];
  const faults = new FaultQueue<JiraFault>();
  let budget: { limit: number; windowMs: number; start: number; used: number } | undefined;
  let nextIssueId = 10000;
  let nextCommentId = 10000;
  let nextTypeId = 10001;
  let url = '';

  const issueUrl = (issue: Issue) => `${url}/rest/api/3/issue/${issue.id}`;

  const findIssue = (idOrKey: string): Issue => {
    const byId = issues.get(idOrKey);
    if (byId) return byId;
    const key = idOrKey.toUpperCase();
    for (const issue of issues.values()) if (issue.key === key) return issue;
    throw new JiraError(404, [ISSUE_NOT_FOUND]);
  };

  const projectByRef = (ref: unknown): Project | undefined => {
    if (!isObject(ref)) return undefined;
    const key = own(ref, 'key');
    const id = own(ref, 'id');
    if (typeof key === 'string') return projects.get(key);
    if (typeof id === 'string' || typeof id === 'number') {
      return [...projects.values()].find((project) => project.id === String(id));
    }
    return undefined;
  };

  /** A `{name}` or `{id}` reference to one of a project's named things (issue types, priorities). */
  const nameByRef = (ref: unknown, named: ReadonlyMap<string, string>): string | undefined => {
    if (!isObject(ref)) return undefined;
    const name = own(ref, 'name');
    const id = own(ref, 'id');
    if (typeof name === 'string') return named.has(name) ? name : undefined;
    if (typeof id === 'string' || typeof id === 'number') {
      return [...named].find(([, candidate]) => candidate === String(id))?.[0];
    }
    return undefined;
  };

  const fieldsOf = (issue: Issue): Map<string, unknown> => {
    const { project } = issue;
    const priorityId = issue.priority === null ? undefined : project.priorities.get(issue.priority);
    return new Map<string, unknown>([
      ['summary', issue.summary],
      ['description', issue.description ?? null],
      ['labels', [...issue.labels]],
      [
        'priority',
        priorityId === undefined
          ? null
          : { self: `${url}/rest/api/3/priority/${priorityId}`, id: priorityId, name: issue.priority },
      ],
      [
        'issuetype',
        {
          self: `${url}/rest/api/3/issuetype/${project.issueTypes.get(issue.issueType)}`,
          id: project.issueTypes.get(issue.issueType),
          name: issue.issueType,
          subtask: false,
        },
      ],
      [
        'project',
        {
          self: `${url}/rest/api/3/project/${project.id}`,
          id: project.id,
          key: project.key,
          name: project.name,
        },
      ],
      [
        'status',
        {
          self: `${url}/rest/api/3/status/${issue.status.id}`,
          id: issue.status.id,
          name: issue.status.name,
          statusCategory: { key: issue.status.category, name: issue.status.categoryName },
        },
      ],
      ['reporter', userView(issue.reporter)],
      ['created', jiraTime(issue.created)],
      ['updated', jiraTime(issue.updated)],
      [
        'comment',
        {
          comments: issue.comments.map((comment) => commentView(issue, comment)),
          maxResults: issue.comments.length,
          total: issue.comments.length,
          startAt: 0,
        },
      ],
    ]);
  };

  const userView = (user: Caller) => ({
    self: `${url}/rest/api/3/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    emailAddress: user.email,
    displayName: user.displayName,
    active: true,
    accountType: 'atlassian',
  });

  const commentView = (issue: Issue, comment: Comment) => ({
    self: `${issueUrl(issue)}/comment/${comment.id}`,
    id: comment.id,
    author: userView(comment.author),
    body: comment.body,
    updateAuthor: userView(comment.author),
    created: jiraTime(comment.created),
    updated: jiraTime(comment.created),
    jsdPublic: true,
  });

  /**
   * An issue as Jira shows it, limited to the `fields` asked for (comma-separated names, `*all`,
   * `*navigable`, `-name` to leave one out) and with the entity `properties` asked for.
   */
  const issueView = (
    issue: Issue,
    fieldsWanted: readonly string[],
    propertyKeys: readonly string[],
    shape: 'search' | 'issue',
  ) => {
    const all = fieldsOf(issue);
    const wanted = new Set<string>();
    for (const name of fieldsWanted) {
      if (name === '*all' || name === '*navigable') for (const field of all.keys()) wanted.add(field);
      else if (name.startsWith('-')) continue;
      else if (all.has(name)) wanted.add(name);
    }
    if (fieldsWanted.length > 0 && fieldsWanted.every((name) => name.startsWith('-'))) {
      for (const field of all.keys()) wanted.add(field);
    }
    for (const name of fieldsWanted) if (name.startsWith('-')) wanted.delete(name.slice(1));
    const properties = propertyKeys.filter((key) => issue.properties.has(key));
    // The enhanced search answers bare ids unless fields are asked for; GET issue always names the issue.
    if (shape === 'search' && wanted.size === 0 && properties.length === 0) return { id: issue.id };
    return {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: issueUrl(issue),
      key: issue.key,
      fields: Object.fromEntries([...all].filter(([field]) => wanted.has(field))),
      ...(properties.length > 0 && {
        properties: Object.fromEntries(properties.map((key) => [key, issue.properties.get(key)])),
      }),
    };
  };

  const createIssue = ({ body, caller }: JiraRequest): HttpAnswer => {
    if (!isObject(body)) throw new JiraError(400, ['The request body must be a JSON object.']);
    for (const key of Object.keys(body)) {
      if (key === 'fields' || key === 'properties') continue;
      const value = own(body, key);
      if (key === 'update' && isObject(value) && Object.keys(value).length === 0) continue;
      throw new JiraError(400, [
        `The simulated Jira creates issues from 'fields' and 'properties' only; '${shown(key)}' is not supported.`,
      ]);
    }
    const fields = own(body, 'fields');
    if (!isObject(fields))
      throw new JiraError(400, ['The request body must contain an object named fields.']);
    const errors = new Map<string, string>();
    for (const key of Object.keys(fields)) {
      if (!['project', 'issuetype', 'summary', 'description', 'labels', 'priority'].includes(key)) {
        errors.set(
          key,
          `Field '${shown(key)}' cannot be set. It is not on the appropriate screen, or unknown.`,
        );
      }
    }
    const project = projectByRef(own(fields, 'project'));
    if (!project) {
      errors.set('project', 'Specify a valid project ID or key');
      throw new JiraError(400, [], errors);
    }
    const issueType = nameByRef(own(fields, 'issuetype'), project.issueTypes);
    if (issueType === undefined) errors.set('issuetype', 'Specify a valid issue type');

    const summary = own(fields, 'summary');
    if (summary !== undefined && typeof summary !== 'string') {
      errors.set('summary', 'Operation value must be a string');
    } else if (summary === undefined || summary.trim() === '') {
      errors.set('summary', 'You must specify a summary of the issue.');
    } else if (summary.length > SUMMARY_LENGTH) {
      errors.set('summary', `Summary must be less than ${SUMMARY_LENGTH} characters.`);
    } else if (/[\r\n]/.test(summary)) {
      errors.set('summary', 'The summary is invalid because it contains newline characters.');
    }

    const description = own(fields, 'description') ?? null;
    if (description !== null && !isAdfDocument(description)) errors.set('description', NOT_ADF);

    const labels = own(fields, 'labels') ?? [];
    const labelError = Array.isArray(labels)
      ? labels.map(labelProblem).find(Boolean)
      : 'data was not an array';
    if (labelError) errors.set('labels', labelError);

    const priorityRef = own(fields, 'priority');
    let priority: string | null = null;
    if (priorityRef !== undefined && priorityRef !== null) {
      priority = nameByRef(priorityRef, project.priorities) ?? null;
      if (priority === null) errors.set('priority', 'The priority selected is invalid.');
    } else {
      // Jira's default priority scheme gives new issues Medium.
      priority = project.priorities.has('Medium') ? 'Medium' : ([...project.priorities.keys()][0] ?? null);
    }

    const propertyList = own(body, 'properties') ?? [];
    if (!Array.isArray(propertyList)) {
      throw new JiraError(400, ['properties must be a list of {key, value} objects.']);
    }
    const properties = new Map<string, unknown>();
    for (const entry of propertyList) {
      const key = isObject(entry) ? own(entry, 'key') : undefined;
      if (!isObject(entry) || typeof key !== 'string') {
        throw new JiraError(400, ['properties must be a list of {key, value} objects.']);
      }
      checkPropertyKey(key);
      const value = own(entry, 'value');
      checkPropertyValue(value);
      properties.set(key, structuredClone(value));
    }
    if (errors.size > 0 || issueType === undefined || typeof summary !== 'string') {
      throw new JiraError(400, [], errors);
    }

    const now = new Date();
    const issue: Issue = {
      id: String(nextIssueId++),
      key: `${project.key}-${project.nextNumber++}`,
      project,
      issueType,
      summary,
      description: structuredClone(description),
      labels: [...new Set(labels as string[])],
      priority,
      status: STATUSES[0],
      reporter: caller,
      created: now,
      updated: now,
      properties,
      comments: [],
    };
    issues.set(issue.id, issue);
    return json(201, { id: issue.id, key: issue.key, self: issueUrl(issue) });
  };

  const listParam = (value: unknown, name: string): string[] => {
    if (value === undefined || value === null) return [];
    if (typeof value === 'string')
      return value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      return value.flatMap((item) => listParam(item, name));
    }
    throw new JiraError(400, [`${name} must be a list of strings.`]);
  };

  const search = (jql: unknown, page: { maxResults: unknown; nextPageToken: unknown }) => {
    if (typeof jql !== 'string') {
      throw jqlError(
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      );
    }
    const clauses = parseJql(jql);
    for (const clause of clauses) {
      for (const value of clause.values) {
        const known =
          clause.field === 'labels' ||
          (clause.field === 'project' &&
            [...projects.values()].some(
              (project) =>
                project.key === value.toUpperCase() || project.id === value || project.name === value,
            )) ||
          (clause.field === 'status' &&
            STATUSES.some((status) => status.name.toLowerCase() === value.toLowerCase()));
        if (!known) {
          throw jqlError(`The value '${shown(value)}' does not exist for the field '${clause.field}'.`);
        }
      }
    }
    const matches = (issue: Issue, clause: JqlClause) =>
      clause.values.some((value) => {
        if (clause.field === 'labels') return issue.labels.includes(value);
        if (clause.field === 'status') return issue.status.name.toLowerCase() === value.toLowerCase();
        const { project } = issue;
        return project.key === value.toUpperCase() || project.id === value || project.name === value;
      });
    const found = [...issues.values()].filter((issue) => clauses.every((clause) => matches(issue, clause)));

    const maxResults =
      page.maxResults === undefined || page.maxResults === ''
        ? DEFAULT_SEARCH_RESULTS
        : Number(page.maxResults);
    if (!Number.isInteger(maxResults) || maxResults < 0) {
      throw new JiraError(400, ['maxResults must be a non-negative integer.']);
    }
    let start = 0;
    if (page.nextPageToken !== undefined && page.nextPageToken !== null && page.nextPageToken !== '') {
      const decoded =
        typeof page.nextPageToken === 'string'
          ? Buffer.from(page.nextPageToken, 'base64url').toString('utf8')
          : '';
      start = /^[1-9][0-9]{0,8}$/.test(decoded) ? Number(decoded) : Number.NaN;
      if (!Number.isInteger(start) || start > found.length) {
        throw new JiraError(400, ['The nextPageToken is invalid or has expired.']);
      }
    }
    const end = start + Math.min(maxResults, MAX_SEARCH_RESULTS);
    return { page: found.slice(start, end), isLast: end >= found.length, next: end };
  };

  const searchAnswer = (
    result: ReturnType<typeof search>,
    fields: readonly string[],
    propertyKeys: readonly string[],
  ): HttpAnswer =>
    json(200, {
      issues: result.page.map((issue) => issueView(issue, fields, propertyKeys, 'search')),
      // Jira leaves the token out of the last page.
      ...(!result.isLast && { nextPageToken: Buffer.from(String(result.next)).toString('base64url') }),
      isLast: result.isLast,
    });

  const propertyTarget = (params: ReadonlyMap<string, string>) => {
    const issue = findIssue(params.get('issueIdOrKey') ?? '');
    const key = params.get('propertyKey') ?? '';
    checkPropertyKey(key);
    return { issue, key };
  };

  const routes: {
    method: string;
    path: RegExp;
    operation: string;
    mutating: boolean;
    names: string[];
    answer: (request: JiraRequest) => HttpAnswer;
  }[] = [
    {
      method: 'POST',
      path: /^\/rest\/api\/3\/issue$/,
      operation: 'createIssue',
      mutating: true,
      names: [],
      answer: createIssue,
    },
    {
      method: 'GET',
      path: /^\/rest\/api\/3\/issue\/([^/]+)$/,
      operation: 'getIssue',
      mutating: false,
      names: ['issueIdOrKey'],
      answer: ({ params, query }) => {
        const issue = findIssue(params.get('issueIdOrKey') ?? '');
        const fields = listParam(query.getAll('fields').join(','), 'fields');
        return json(
          200,
          issueView(
            issue,
            fields.length > 0 ? fields : ['*all'],
            listParam(query.getAll('properties').join(','), 'properties'),
            'issue',
          ),
        );
      },
    },
    {
      method: 'GET',
      path: /^\/rest\/api\/3\/search\/jql$/,
      operation: 'searchForIssuesUsingJqlEnhancedSearch',
      mutating: false,
      names: [],
      answer: ({ query }) =>
        searchAnswer(
          search(query.get('jql') ?? undefined, {
            maxResults: query.get('maxResults') ?? undefined,
            nextPageToken: query.get('nextPageToken') ?? undefined,
          }),
          listParam(query.getAll('fields').join(','), 'fields'),
          listParam(query.getAll('properties').join(','), 'properties'),
        ),
    },
    {
      method: 'POST',
      path: /^\/rest\/api\/3\/search\/jql$/,
      operation: 'searchForIssuesUsingJqlEnhancedSearchPost',
      mutating: false,
      names: [],
      answer: ({ body }) => {
        if (!isObject(body)) throw new JiraError(400, ['The request body must be a JSON object.']);
        return searchAnswer(
          search(own(body, 'jql'), {
            maxResults: own(body, 'maxResults'),
            nextPageToken: own(body, 'nextPageToken'),
          }),
          listParam(own(body, 'fields'), 'fields'),
          listParam(own(body, 'properties'), 'properties'),
        );
      },
    },
    ...['GET', 'POST'].map((method) => ({
      method,
      path: /^\/rest\/api\/3\/search$/,
      operation: method === 'GET' ? 'searchForIssuesUsingJql' : 'searchForIssuesUsingJqlPost',
      mutating: false,
      names: [],
      answer: (): HttpAnswer => {
        throw new JiraError(410, [SEARCH_REMOVED]);
      },
    })),
    {
      method: 'PUT',
      path: /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/,
      operation: 'setIssueProperty',
      mutating: true,
      names: ['issueIdOrKey', 'propertyKey'],
      answer: ({ params, body }) => {
        const { issue, key } = propertyTarget(params);
        checkPropertyValue(body);
        const existed = issue.properties.has(key);
        issue.properties.set(key, structuredClone(body));
        return { status: existed ? 200 : 201 };
      },
    },
    {
      method: 'GET',
      path: /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/,
      operation: 'getIssueProperty',
      mutating: false,
      names: ['issueIdOrKey', 'propertyKey'],
      answer: ({ params }) => {
        const { issue, key } = propertyTarget(params);
        if (!issue.properties.has(key)) {
          throw new JiraError(404, [`The property with key '${shown(key)}' does not exist.`]);
        }
        return json(200, { key, value: issue.properties.get(key) });
      },
    },
    {
      method: 'POST',
      path: /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/,
      operation: 'addComment',
      mutating: true,
      names: ['issueIdOrKey'],
      answer: ({ params, body, caller }) => {
        const issue = findIssue(params.get('issueIdOrKey') ?? '');
        const commentBody = isObject(body) ? own(body, 'body') : undefined;
        if (commentBody === undefined || commentBody === null) {
          throw fieldError('comment', 'Comment body can not be empty!');
        }
        if (!isAdfDocument(commentBody)) throw fieldError('comment', NOT_ADF);
        const comment: Comment = {
          id: String(nextCommentId++),
          body: structuredClone(commentBody),
          author: caller,
          created: new Date(),
        };
        issue.comments.push(comment);
        issue.updated = comment.created;
        return json(201, commentView(issue, comment));
      },
    },
  ];

  const route = (method: string, pathname: string, query: URLSearchParams): Route | undefined => {
    for (const candidate of routes) {
      if (candidate.method !== method) continue;
      const match = candidate.path.exec(pathname);
      if (!match) continue;
      const params = new Map<string, string>();
      try {
        candidate.names.forEach((name, index) => {
          params.set(name, decodeURIComponent(match[index + 1] ?? ''));
        });
      } catch {
        return undefined;
      }
      for (const name of ['jql', 'fields', 'properties', 'maxResults', 'nextPageToken']) {
        const value = query.get(name);
        if (value !== null) params.set(name, value);
      }
      return {
        operation: candidate.operation,
        mutating: candidate.mutating,
        params,
        answer: candidate.answer,
      };
    }
    return undefined;
  };

  const throttled = (retryAfterSeconds: number, limit?: number): Record<string, string> => {
    // X-RateLimit-Reset is an ISO 8601 minute, `yyyy-MM-ddTHH:mmZ`, per Jira's rate-limiting guide.
    const reset = new Date(Date.now() + retryAfterSeconds * 1000).toISOString().slice(0, 16);
    return {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-reset': `${reset}Z`,
      'ratelimit-reason': 'jira-quota-based',
      ...(limit !== undefined && { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': '0' }),
    };
  };

  const spendBudget = (): void => {
    if (!budget) return;
    const now = Date.now();
    if (now - budget.start >= budget.windowMs) {
      budget.start = now;
      budget.used = 0;
    }
    if (budget.used >= budget.limit) {
      const retryAfter = Math.max(1, Math.ceil((budget.start + budget.windowMs - now) / 1000));
      throw new JiraError(429, ['Rate limit exceeded.'], new Map(), throttled(retryAfter, budget.limit));
    }
    budget.used += 1;
  };

  const authenticate = (request: IncomingMessage): Caller | null => {
    const match = /^Basic ([A-Za-z0-9+/=]{1,1024})$/.exec(request.headers.authorization ?? '');
    if (!match?.[1]) return null;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    return decoded.slice(0, colon) === email && decoded.slice(colon + 1) === apiToken ? account : null;
  };

  const parseBody = (request: IncomingMessage, text: string): unknown => {
    if (text === '') return undefined;
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new JiraError(415, ['Unsupported Media Type: the request body must be application/json.']);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new JiraError(400, ['The request body is not valid JSON.']);
    }
  };

  const loopback = await serveOnLoopback(async (request, response) => {
    const method = request.method ?? 'GET';
    const target = new URL(request.url ?? '/', 'http://sim');
    const text = await readBoundedBody(request);
    const found = route(method, target.pathname, target.searchParams);
    const caller = authenticate(request);
    const log = (status: number, errorMessage: string | null) =>
      requests.push({
        operation: found?.operation ?? '',
        method,
        path: target.pathname,
        params: new Map(found?.params),
        body: text ?? '',
        email: caller?.email ?? null,
        mutating: found?.mutating ?? method !== 'GET',
        status,
        errorMessage,
      });
    try {
      if (text === null) throw new JiraError(413, ['The request body is too large.']);
      if (!found) {
        throw new JiraError(404, [
          `The simulated Jira has no resource for ${method} ${shown(target.pathname)}.`,
        ]);
      }
      const fault = faults.take(found.operation);
      if (fault) {
        throw new JiraError(
          fault.status,
          [fault.message ?? `Injected ${fault.status}`],
          new Map(),
          fault.retryAfterSeconds === undefined ? {} : throttled(fault.retryAfterSeconds),
        );
      }
      if (!caller) throw new NotAuthenticated();
      spendBudget();
      const answer = found.answer({
        params: found.params,
        query: target.searchParams,
        body: parseBody(request, text),
        caller,
      });
      log(answer.status, null);
      sendAnswer(response, answer);
    } catch (error) {
      const refusal = error instanceof JiraError ? error : new JiraError(500, ['Internal server error.']);
      log(refusal.status, refusal.message);
      sendAnswer(response, refusal.answer());
    }
  });
  url = loopback.url;

  const stateOf = (issue: Issue): JiraIssueState => ({
    id: issue.id,
    key: issue.key,
    projectKey: issue.project.key,
    issueType: issue.issueType,
    summary: issue.summary,
    description: structuredClone(issue.description),
    labels: [...issue.labels],
    priority: issue.priority,
    status: issue.status.name,
    reporterEmail: issue.reporter.email,
    created: new Date(issue.created),
    updated: new Date(issue.updated),
    properties: new Map([...issue.properties].map(([key, value]) => [key, structuredClone(value)])),
    comments: issue.comments.map((comment) => ({
      id: comment.id,
      body: structuredClone(comment.body),
      authorEmail: comment.author.email,
      created: new Date(comment.created),
    })),
  });

  return {
    url,
    credentials: { email, apiToken },
    addProject(key, projectOptions) {
      if (!/^[A-Z][A-Z0-9_]{1,9}$/.test(key)) {
        throw new Error(`JiraSim.addProject: "${key}" is not a Jira project key (2-10 capitals and digits)`);
      }
      if (projects.has(key)) throw new Error(`JiraSim.addProject: project ${key} already exists`);
      const project: Project = {
        id: String(10000 + projects.size),
        key,
        name: projectOptions.name ?? key,
        issueTypes: new Map(projectOptions.issueTypes.map((name) => [name, String(nextTypeId++)])),
        priorities: new Map(projectOptions.priorities.map((name, index) => [name, String(index + 1)])),
        nextNumber: 1,
      };
      projects.set(key, project);
      return {
        id: project.id,
        key,
        name: project.name,
        issueTypes: [...project.issueTypes.keys()],
        priorities: [...project.priorities.keys()],
      };
    },
    setIssueStatus(issueIdOrKey, status) {
      const target = STATUSES.find((candidate) => candidate.name === status);
      if (!target) throw new Error(`JiraSim.setIssueStatus: unknown status "${status}"`);
      const issue = findIssue(issueIdOrKey);
      issue.status = target;
      issue.updated = new Date();
    },
    issue(issueIdOrKey) {
      try {
        return stateOf(findIssue(issueIdOrKey));
      } catch {
        return undefined;
      }
    },
    issues: () => [...issues.values()].map(stateOf),
    requests,
    mutatingRequests: () => requests.filter((request) => request.mutating),
    failNext: (operation, fault, failOptions) => faults.failNext(operation, fault, failOptions),
    rateLimit(limit, windowSeconds) {
      budget = { limit, windowMs: windowSeconds * 1000, start: Date.now(), used: 0 };
    },
    close: () => loopback.close(),
  };
}
