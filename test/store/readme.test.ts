import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayText } from '../../src/ingest/display.js';
import type { JsonObject } from '../../src/json.js';
import { type AuditEntry, type AuditRecord, nextEntry } from '../../src/store/audit.js';
import { codeSpan, mermaidText, tableRow } from '../../src/store/markdown.js';
import { mermaidTimeline, renderIncidentReadme, TIMELINE_MAX } from '../../src/store/readme.js';
import type { Incident } from '../../src/types.js';

const ID = 'IR-20260301-k3x9m2pq';

function incidentWith(overrides: Partial<Incident> = {}): Incident {
  return {
    id: ID,
    title: 'Port probe on unprotected port of i-0abc1234',
    status: 'open',
    severity: 'high',
    score: null,
    playbook: null,
    decision: null,
    fingerprint: 'f'.repeat(64),
    timestamps: {
      detected: '2026-03-01T11:58:00+02:00',
      opened: '2026-03-01T10:00:05.123Z',
      updated: '2026-03-01T10:04:00.000Z',
      acknowledged: null,
      triaged: null,
      contained: null,
      resolved: null,
    },
    events: 2,
    vendors: ['guardduty'],
    kinds: ['Recon:EC2/PortProbeUnprotectedPort'],
    resources: ['i-0abc1234'],
    actors: [],
    accounts: ['123456789012'],
    approvals: [],
    notifications: {},
    ...overrides,
  };
}

type Step = Omit<AuditRecord, 'incident'>;

/** The audit trail as irac writes it and as verify reads it back: through audit.jsonl's text. */
function auditTrail(steps: readonly Step[]): AuditEntry[] {
  let text = '';
  for (const step of steps) text += nextEntry(text, { ...step, incident: ID }).line;
  return text
    .trimEnd()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditEntry);
}

function ingest(at: string, joined: boolean, title = 'Port probe on unprotected port of i-0abc1234'): Step {
  return {
    at,
    actor: 'irac',
    action: 'ingest',
    data: {
      event: `guardduty-${'0a'.repeat(16)}`,
      vendor: 'guardduty',
      kind: 'Recon:EC2/PortProbeUnprotectedPort',
      severity: 'high',
      title,
      timestamp: at,
      joined,
      event_sha256: 'e'.repeat(64),
      raw_sha256: 'r'.repeat(64),
      incident_sha256: 'i'.repeat(64),
    },
  };
}

// ---- Reading the output back the way GitHub's parser (cmark-gfm) does ----

/** A GFM table row's cells: split on pipes not preceded by a backslash, then `\|` unescaped. */
function cellsOf(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < row.length; i++) {
    const char = row[i];
    if (char === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (char === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  return cells;
}

const unescapedPipes = (row: string) => row.match(/(?<!\\)\|/g)?.length ?? 0;

function closingRun(text: string, from: number, length: number): number {
  let at = from;
  while (at < text.length) {
    if (text[at] !== '`') {
      at++;
      continue;
    }
    let run = 0;
    while (text[at + run] === '`') run++;
    if (run === length) return at;
    at += run;
  }
  return -1;
}

/** CommonMark code spans in a line of inline text: their contents, and the text outside them. */
function readInline(text: string): { plain: string; code: string[] } {
  let plain = '';
  const code: string[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (char === '\\' && /[!-/:-@[-`{-~]/.test(text[at + 1] ?? '')) {
      plain += text.slice(at, at + 2);
      at += 2;
      continue;
    }
    if (char !== '`') {
      plain += char;
      at++;
      continue;
    }
    let run = 0;
    while (text[at + run] === '`') run++;
    const close = closingRun(text, at + run, run);
    if (close === -1) {
      plain += '`'.repeat(run);
      at += run;
      continue;
    }
    let content = text.slice(at + run, close);
    if (/^ .* $/s.test(content) && !/^ +$/.test(content)) content = content.slice(1, -1);
    code.push(content);
    at = close + run;
  }
  return { plain, code };
}

interface Readme {
  /** Lines outside the Mermaid block. */
  readonly markdown: string[];
  /** Lines between ```mermaid and its closing fence. */
  readonly mermaid: string[];
  readonly tableRows: string[];
}

function readReadme(text: string): Readme {
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  const open = lines.indexOf('```mermaid');
  const close = lines.indexOf('```', open + 1);
  const mermaid = open === -1 ? [] : lines.slice(open + 1, close);
  if (open !== -1) expect(close).toBeGreaterThan(open);
  const markdown = open === -1 ? lines : [...lines.slice(0, open), ...lines.slice(close + 1)];
  return { markdown, mermaid, tableRows: markdown.filter((line) => line.startsWith('|')) };
}

// Letters and digits of any script and `._-/()@,`: nothing the Mermaid timeline lexer gives a meaning
// to (it splits on `:`, comments from `#` and `%%`, and keys `title`/`section` only at a line start).
const SAFE = '[\\p{L}\\p{Nd}._\\-/()@,](?:[\\p{L}\\p{Nd} ._\\-/()@,]*[\\p{L}\\p{Nd}._\\-/()@,])?';
const MERMAID_GRAMMAR = [
  /^timeline$/u,
  new RegExp(`^ {4}title ${SAFE}$`, 'u'),
  /^ {4}section (?:\d{4}-\d{2}-\d{2}|undated)$/u,
  new RegExp(`^ {8}(?:\\d{2}\u2236\\d{2}|--\u2236--)(?: : ${SAFE})?$`, 'u'),
];
const mermaidLineIsAllowed = (line: string) => MERMAID_GRAMMAR.some((rule) => rule.test(line));

// ---- The tests ----

describe('the generated incident README', () => {
  it('shows the summary table, the Mermaid timeline and the audit table of a new incident', () => {
    const entries = auditTrail([
      ingest('2026-03-01T10:00:05.123Z', false),
      ingest('2026-03-01T10:04:00.000Z', true),
    ]);
    expect(renderIncidentReadme(incidentWith(), entries)).toBe(
      [
        '# IR-20260301-k3x9m2pq — `Port probe on unprotected port of i-0abc1234`',
        '',
        '> Generated by irac from `incident.yaml` and `audit.jsonl`: do not edit.',
        '> `irac verify` renders it again and reports any difference.',
        '',
        '| Field | Value |',
        '| --- | --- |',
        '| Status | open |',
        '| Severity | high |',
        '| Score | — |',
        '| Playbook | — |',
        '| Decision | — |',
        '| Detected | 2026-03-01 09:58:00 UTC |',
        '| Opened | 2026-03-01 10:00:05 UTC |',
        '| Acknowledged | — |',
        '| Triaged | — |',
        '| Contained | — |',
        '| Resolved | — |',
        '| Updated | 2026-03-01 10:04:00 UTC |',
        '| Events | 2 |',
        '| Vendors | `guardduty` |',
        '| Kinds | `Recon:EC2/PortProbeUnprotectedPort` |',
        '| Resources | `i-0abc1234` |',
        '| Actors | — |',
        '| Accounts | `123456789012` |',
        '',
        '## Timeline',
        '',
        'All 2 audit entries. Times are UTC.',
        '',
        '```mermaid',
        'timeline',
        '    title IR-20260301-k3x9m2pq Port probe on unprotected port of i-0abc1234',
        '    section 2026-03-01',
        '        10\u223600 : ingest by irac - Port probe on unprotected port of i-0abc...',
        '        10\u223604 : ingest by irac - Port probe on unprotected port of i-0abc...',
        '```',
        '',
        '| Seq | Time (UTC) | Action | Actor | Summary |',
        '| ---: | --- | --- | --- | --- |',
        '| 1 | 2026-03-01 10:00:05 | `ingest` | `irac` | `Port probe on unprotected port of i-0abc1234 (high guardduty Recon:EC2/PortProbeUnprotectedPort, opened the incident)` |',
        '| 2 | 2026-03-01 10:04:00 | `ingest` | `irac` | `Port probe on unprotected port of i-0abc1234 (high guardduty Recon:EC2/PortProbeUnprotectedPort, joined the incident)` |',
        '',
      ].join('\n'),
    );
  });

  it('shows a triaged incident with its score, its playbook and every lifecycle time in UTC', () => {
    const incident = incidentWith({
      status: 'contained',
      score: 0.875,
      playbook: 'immediate-isolation',
      timestamps: {
        detected: '2026-03-01T09:58:00Z',
        opened: '2026-03-01T10:00:05Z',
        updated: '2026-03-01T10:30:00Z',
        acknowledged: '2026-03-01T05:05:00-05:00',
        triaged: '2026-03-01T10:10:00Z',
        contained: '2026-03-01T10:30:00Z',
        resolved: null,
      },
      actors: ['arn:aws:iam::123456789012:user/deploy', 'AKIAEXAMPLE'],
    });
    const rows = readReadme(renderIncidentReadme(incident, [])).tableRows;
    expect(rows).toContain('| Status | contained |');
    expect(rows).toContain('| Score | 0.88 |');
    expect(rows).toContain('| Playbook | `immediate-isolation` |');
    expect(rows).toContain('| Acknowledged | 2026-03-01 10:05:00 UTC |');
    expect(rows).toContain('| Resolved | — |');
    expect(rows).toContain('| Actors | `arn:aws:iam::123456789012:user/deploy`, `AKIAEXAMPLE` |');
  });

  it('says so when the audit trail is empty instead of drawing an empty diagram', () => {
    const readme = renderIncidentReadme(incidentWith(), []);
    expect(readme.endsWith('## Timeline\n\n_No audit entries yet._\n')).toBe(true);
    expect(readme).not.toContain('```');
  });

  it('renders the same bytes from the same incident and trail, however the objects were built', () => {
    const steps = [ingest('2026-03-01T10:00:05Z', false), ingest('2026-03-02T00:01:00Z', true)];
    const incident = incidentWith();
    const reordered = Object.fromEntries(Object.entries(incident).reverse()) as unknown as Incident;
    const first = renderIncidentReadme(incident, auditTrail(steps));
    expect(renderIncidentReadme(reordered, auditTrail(steps))).toBe(first);
    expect(renderIncidentReadme(structuredClone(incident), structuredClone(auditTrail(steps)))).toBe(first);
  });

  it('keeps the last 50 entries in both the diagram and the table and says how many were left out', () => {
    const steps = Array.from({ length: 73 }, (_, i) =>
      ingest(new Date(Date.UTC(2026, 2, 1, 10, i)).toISOString(), i > 0, `finding ${i + 1}`),
    );
    const readme = renderIncidentReadme(incidentWith(), auditTrail(steps));
    const { markdown, mermaid, tableRows } = readReadme(readme);
    expect(markdown).toContain(
      'The last 50 of 73 audit entries (23 earlier entries are left out; `audit.jsonl` has every one). Times are UTC.',
    );
    const items = mermaid.filter((line) => line.startsWith('        '));
    expect(items).toHaveLength(TIMELINE_MAX);
    expect(items[0]).toBe(
      '        10\u223623 : ingest by irac - finding 24 (high guardduty Recon EC2/Por...',
    );
    expect(items.at(-1)).toMatch(/^ {8}11\u223612 : ingest by irac - finding 73 /);
    const auditRows = tableRows.filter((row) => /^\| \d+ \|/.test(row));
    expect(auditRows).toHaveLength(TIMELINE_MAX);
    expect(auditRows.map((row) => cellsOf(row)[0])).toEqual(
      Array.from({ length: 50 }, (_, i) => String(i + 24)),
    );
  });

  it('opens a diagram section for each UTC day, whatever offset the time was written with', () => {
    const entries = auditTrail([
      ingest('2026-03-01T23:59:00Z', false),
      ingest('2026-03-02T01:30:00+02:00', true),
      ingest('2026-03-02T00:00:00Z', true),
    ]);
    const { mermaid } = readReadme(renderIncidentReadme(incidentWith(), entries));
    expect(mermaid.filter((line) => !line.startsWith('        '))).toEqual([
      'timeline',
      '    title IR-20260301-k3x9m2pq Port probe on unprotected port of i-0abc1234',
      '    section 2026-03-01',
      '    section 2026-03-02',
    ]);
    expect(mermaid.filter((line) => line.startsWith('        ')).map((line) => line.slice(8, 13))).toEqual([
      '23\u223659',
      '23\u223630',
      '00\u223600',
    ]);
  });

  it('renders any action: its own summary when it gives one, action and actor when it gives nothing', () => {
    const entries = auditTrail([
      ingest('2026-03-01T10:00:00Z', false),
      {
        at: '2026-03-01T10:10:00Z',
        actor: 'alice',
        action: 'approve',
        data: { summary: 'approved step isolate' },
      },
      { at: '2026-03-01T10:11:00Z', actor: 'irac', action: 'execute:isolate-instance', data: { ok: true } },
    ]);
    const { mermaid, tableRows } = readReadme(renderIncidentReadme(incidentWith(), entries));
    expect(mermaid.slice(-2)).toEqual([
      '        10\u223610 : approve by alice - approved step isolate',
      '        10\u223611 : execute isolate-instance by irac',
    ]);
    expect(tableRows.slice(-2)).toEqual([
      '| 2 | 2026-03-01 10:10:00 | `approve` | `alice` | `approved step isolate` |',
      '| 3 | 2026-03-01 10:11:00 | `execute:isolate-instance` | `irac` | — |',
    ]);
  });

  it('shows a time irac did not write verbatim rather than guessing what it meant', () => {
    const entries = auditTrail([{ at: 'March 1, 2026', actor: 'irac', action: 'ingest', data: {} }]);
    const { mermaid, tableRows } = readReadme(renderIncidentReadme(incidentWith(), entries));
    expect(mermaid.slice(2)).toEqual(['    section undated', '        --\u2236-- : ingest by irac']);
    expect(tableRows.at(-1)).toBe('| 1 | `March 1, 2026` | `ingest` | `irac` | — |');
  });

  it('writes Mermaid lines that the timeline grammar reads as title, section, or one period and one event', () => {
    const entries = auditTrail([
      ingest('2026-03-01T10:00:00Z', false, 'Brute force: 40 failed logins; source # 203.0.113.9 %% spike'),
    ]);
    const { mermaid } = readReadme(
      renderIncidentReadme(incidentWith({ title: 'a: b; c # d %% e' }), entries),
    );
    expect(mermaid.every(mermaidLineIsAllowed)).toBe(true);
    expect(mermaid[1]).toBe('    title IR-20260301-k3x9m2pq a b c d e');
  });
});

describe('the Markdown and Mermaid helpers', () => {
  it('puts a value in a code span longer than any backtick run in it, padded where it touches one', () => {
    expect(codeSpan('i-0abc')).toBe('`i-0abc`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`')).toBe('`` ` ``');
    expect(codeSpan('``x```')).toBe('```` ``x``` ````');
    expect(readInline(codeSpan('``x```')).code).toEqual(['``x```']);
  });

  it('turns line breaks into spaces, shows nothing printable as a dash and leaves pipes to tableRow', () => {
    expect(codeSpan('one\ntwo\r\nthree')).toBe('`one two three`');
    expect(codeSpan(' \n\t')).toBe('—');
    expect(codeSpan('a|b')).toBe('`a|b`');
  });

  it('escapes every pipe in a table cell, code spans included, since GFM splits rows first', () => {
    const row = tableRow(['Kinds', codeSpan('a|b'), codeSpan('c\\|d')]);
    expect(row).toBe('| Kinds | `a\\|b` | `c\\\\|d` |');
    expect(unescapedPipes(row)).toBe(4);
    expect(cellsOf(row).map((cell) => readInline(cell).code)).toEqual([[], ['a|b'], ['c\\|d']]);
    expect(tableRow(['x\ny'])).toBe('| x y |');
  });

  it('keeps letters of any script, digits and inert punctuation in Mermaid text and cuts at 60', () => {
    expect(mermaidText('Zugriff für Benutzer – 東京 ✓')).toBe('Zugriff für Benutzer 東京');
    expect(mermaidText('Cafe\u0301 -->  %%{init}%% #35; a:b')).toBe('Café -- init 35 a b');
    expect(mermaidText('```\nsection x\ntitle y')).toBe('section x title y');
    const long = mermaidText(`${'𝒜'.repeat(70)}`);
    expect(Array.from(long)).toHaveLength(60);
    expect(long).toBe(`${'𝒜'.repeat(57)}...`);
    expect(mermaidText('::;;')).toBe('');
  });

  it('draws a point with nothing printable as a bare period and leaves out an empty title', () => {
    expect(
      mermaidTimeline(':::', [
        { at: '2026-03-01T10:00:00Z', text: '%%' },
        { at: '2026-03-01T10:05:00Z', text: 'triage - routed to immediate-isolation' },
      ]),
    ).toEqual([
      'timeline',
      '    section 2026-03-01',
      '        10\u223600',
      '        10\u223605 : triage - routed to immediate-isolation',
    ]);
  });
});

// ---- Hostile values ----

const MARKUP_PIECES = [
  '`',
  '``',
  '```',
  '~~~',
  '|',
  '\\',
  '\n',
  '\r',
  '\t',
  ' ',
  '<',
  '>',
  '@',
  '[',
  ']',
  '(',
  ')',
  '!',
  '#',
  ':',
  ';',
  '%%',
  '-->',
  '&lt;',
  '*',
  '_',
  'http://',
  'https://e.vil/',
  'www.',
  'section ',
  'title ',
  'a',
  'é',
  '𝒜',
  '😀',
  '\u0000',
  '\u202e',
  '\u2028',
];

const hostileText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...MARKUP_PIECES), maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '![x](https://evil/pixel)',
    '[click](javascript:alert(1))',
    '<img src=x onerror=alert(1)>',
    '</code></td></tr><script>alert(1)</script>',
    '@org/team',
    'ping @alice and @org/security-team',
    'https://evil.example/phish',
    'www.evil.com',
    'mail admin@evil.com',
    '`` ` ``',
    'a|b|c',
    '\\|',
    'x\\',
    '\n\n# heading\n| a | b |',
    '%%{init: {"theme":"dark"}}%%',
    '    section evil\n    title owned',
    'a : b ; c # d',
    '```\n</pre>',
    ' ',
    'x'.repeat(600),
    '`'.repeat(600),
  ),
);

const hostileList = fc.uniqueArray(hostileText, { maxLength: 4 });

const hostileTime = fc.oneof(
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  hostileText,
);

const hostileStep: fc.Arbitrary<Step> = fc.record({
  at: hostileTime,
  actor: hostileText,
  action: fc.oneof(fc.constantFrom('ingest', 'approve', 'execute:isolate-instance'), hostileText),
  data: fc.oneof(
    fc.record({
      vendor: hostileText,
      kind: hostileText,
      severity: hostileText,
      title: hostileText,
      joined: fc.boolean(),
    }) as fc.Arbitrary<JsonObject>,
    fc.record({ summary: hostileText }) as fc.Arbitrary<JsonObject>,
  ),
});

const hostileIncident: fc.Arbitrary<Incident> = fc
  .record({
    title: hostileText,
    vendors: hostileList,
    kinds: hostileList,
    resources: hostileList,
    actors: hostileList,
    accounts: hostileList,
    detected: hostileTime,
  })
  .map(({ detected, ...lists }) =>
    incidentWith({ ...lists, timestamps: { ...incidentWith().timestamps, detected } }),
  );

/** What the code spans for a list of values must contain, read back: each value as displayText shows it. */
const shown = (values: readonly string[]) =>
  values.map((value) => displayText(value)).filter((value) => value !== undefined);

// Text outside code spans: ours only. Words, numbers, times, a dash, a comma between list items.
const OUR_PLAIN_TEXT = /^[A-Za-z0-9 ,.:()—\-_#>;]*$/u;

function assertInert(readme: string, incident: Incident, entries: readonly AuditEntry[]): void {
  const { markdown, mermaid, tableRows } = readReadme(readme);

  const fences = readme.split('\n').filter((line) => /^ {0,3}(`{3,}|~{3,})/.test(line));
  expect(fences).toEqual(entries.length === 0 ? [] : ['```mermaid', '```']);

  for (const line of markdown.filter((text) => !text.startsWith('|'))) {
    const { plain } = readInline(line);
    expect(plain).toMatch(OUR_PLAIN_TEXT);
  }
  const timelineAt = markdown.indexOf('## Timeline');
  for (const row of tableRows) {
    const columns = markdown.indexOf(row) < timelineAt ? 2 : 5;
    expect(unescapedPipes(row), row).toBe(columns + 1);
    expect(row.startsWith('| ') && row.endsWith(' |'), row).toBe(true);
    for (const cell of cellsOf(row)) {
      const { plain } = readInline(cell);
      expect(plain, row).toMatch(OUR_PLAIN_TEXT);
      for (const forbidden of ['](', '<', 'http', 'www.']) expect(plain).not.toContain(forbidden);
      expect(plain).not.toMatch(/@\w/);
    }
  }

  // What the reader sees inside the code spans is the value itself, only neutralized.
  expect(readInline(markdown[0] as string).code).toEqual(shown([incident.title]));
  const summaryRow = (field: string) =>
    cellsOf(tableRows.find((row) => row.startsWith(`| ${field} |`)) ?? '');
  for (const [field, values] of [
    ['Vendors', incident.vendors],
    ['Kinds', incident.kinds],
    ['Resources', incident.resources],
    ['Actors', incident.actors],
    ['Accounts', incident.accounts],
  ] as const) {
    expect(readInline(summaryRow(field)[1] ?? '').code).toEqual(shown(values));
  }
  const auditRows = tableRows.filter((row) => /^\| \d+ \|/.test(row));
  const kept = entries.slice(-TIMELINE_MAX);
  expect(auditRows).toHaveLength(kept.length);
  auditRows.forEach((row, index) => {
    const entry = kept[index] as AuditEntry;
    const [, , action, actor] = cellsOf(row);
    expect(readInline(action ?? '').code).toEqual(shown([entry.action]));
    expect(readInline(actor ?? '').code).toEqual(shown([entry.actor]));
  });

  if (entries.length > 0) {
    for (const line of mermaid) expect(mermaidLineIsAllowed(line), JSON.stringify(line)).toBe(true);
    expect(mermaid.filter((line) => line.startsWith('        '))).toHaveLength(kept.length);
  }
}

describe('hostile text from events and actors', () => {
  it('stays inside code spans and Mermaid labels: no link, image, HTML, mention, autolink or broken row', () => {
    fc.assert(
      fc.property(hostileIncident, fc.array(hostileStep, { maxLength: 5 }), (incident, steps) => {
        const entries = auditTrail(steps);
        const readme = renderIncidentReadme(incident, entries);
        assertInert(readme, incident, entries);
        expect(renderIncidentReadme(incident, entries)).toBe(readme);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves every line of a Mermaid timeline in the grammar, whatever the title and the points say', () => {
    const point = fc.record({ at: hostileTime, text: hostileText });
    fc.assert(
      fc.property(hostileText, fc.array(point, { maxLength: 6 }), (title, points) => {
        const lines = mermaidTimeline(title, points);
        for (const line of lines) expect(mermaidLineIsAllowed(line), JSON.stringify(line)).toBe(true);
        expect(lines.filter((line) => line.startsWith('        '))).toHaveLength(points.length);
      }),
      { numRuns: 300 },
    );
  });

  it('defuses the classic payloads in every field at once', () => {
    const payloads = [
      '![x](https://evil/pixel)',
      '<img src=x onerror=alert(1)>',
      '@org/team',
      'https://evil',
      'www.evil.com',
      'a | b\n| --- |',
      '```\n%%{init}%%\n    section x : y ; z # w -->',
    ];
    const incident = incidentWith({ title: payloads.join(' '), kinds: payloads, actors: payloads });
    const entries = auditTrail(
      payloads.map((payload) => ({
        at: '2026-03-01T10:00:00Z',
        actor: payload,
        action: payload,
        data: { summary: payload },
      })),
    );
    const readme = renderIncidentReadme(incident, entries);
    assertInert(readme, incident, entries);
    expect(readme).toContain(
      '| Kinds | `![x](https://evil/pixel)`, `‹img src=x onerror=alert(1)›`, `@org/team`',
    );
  });
});
