// Untrusted text (event titles, kinds, resources, actors) in the Markdown and Mermaid that GitHub
// renders. Markdown escaping by backslashes is a losing game (links, images, raw HTML, autolinks,
// @mentions, emoji, entities each have their own rules), so every untrusted value goes into a code
// span, where GitHub renders nothing but the text. Mermaid has no such literal form: its lexer treats
// `:`, `#`, `;` and `%%` as syntax anywhere on a line, so diagram text keeps a small, inert alphabet.

import { DISPLAY_MAX, displayText } from '../ingest/display.js';

/** What a table or list shows for a value that is absent or has nothing printable. */
export const NOTHING = '—';

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/**
 * A value as a CommonMark code span: control and bidi characters neutralized and line breaks turned
 * into spaces (displayText), delimited by one backtick more than the longest run inside, padded with
 * a space where the value starts or ends with a backtick or a space (the parser strips one from each
 * side). Outside a table only: inside one, tableRow escapes the pipes.
 */
export function codeSpan(value: string, max = DISPLAY_MAX): string {
  const text = displayText(value, max);
  if (text === undefined) return NOTHING;
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const padding = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

/**
 * One GFM table row. GFM splits a row on pipes before it parses anything inline, code spans
 * included, so every pipe in a cell is escaped; a line break would end the row, and in a code span
 * it means a space anyway.
 */
export function tableRow(cells: readonly string[]): string {
  const escaped = cells.map((cell) => cell.replace(/\r\n|[\r\n]/g, ' ').replaceAll('|', '\\|'));
  return `| ${escaped.join(' | ')} |`;
}

// Letters and digits of any script, and punctuation no Mermaid diagram gives a meaning to.
const MERMAID_UNSAFE = /[^\p{L}\p{Nd} ._\-/()@,]+/gu;
export const MERMAID_TEXT_MAX = 60;

/**
 * Text for a Mermaid label: NFC (so accented letters stay letters rather than a letter and a
 * combining mark), every run of other characters one space, cut at `max` code points with `...`.
 * Empty when nothing is left: callers supply their own fallback.
 */
export function mermaidText(value: string, max = MERMAID_TEXT_MAX): string {
  const text = value.normalize('NFC').replace(MERMAID_UNSAFE, ' ').replace(/ {2,}/g, ' ').trim();
  const codePoints = Array.from(text);
  if (codePoints.length <= max) return text;
  return `${codePoints
    .slice(0, max - 3)
    .join('')
    .trimEnd()}...`;
}
