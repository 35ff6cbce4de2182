// Display fields (kind, title, resource, actor, resource ids) end up in Slack messages, issue
// titles, Markdown tables and terminals. Vendor payloads are attacker-influenced (a process name, a
// user agent, a bucket name), so every display string is neutralized here, once, for every source:
// no control or bidi characters, no Slack mention syntax, bounded length. The raw value stays
// verbatim in the event's payload as evidence.

export const DISPLAY_MAX = 512;

// C0/C1 controls; bidi marks, embeddings, overrides and isolates; zero-width and invisible characters;
// Unicode tag characters (invisible text); the line and paragraph separators; lone surrogate halves
// (JSON can spell them, UTF-8 cannot: every file would hold U+FFFD where the string holds the half).
const UNSAFE_CLASS =
  '\\ud800-\\udfff\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2028\\u2029\\u2060-\\u2064\\u2066-\\u2069\\ufeff\\u{e0000}-\\u{e007f}';
const UNSAFE_CHARACTERS = new RegExp(`[${UNSAFE_CLASS}]`, 'gu');
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u2028\u2029]/;
// Slack's broadcast mentions, with or without its <!...> syntax (link_names turns the bare ones into pings).
const BROADCAST_MENTION = /@(here|channel|everyone)(?![a-z0-9_])/gi;
// The characters any rewrite below acts on; most vendor strings contain none (one class, one pass).
const NEEDS_REWRITE = new RegExp(`[${UNSAFE_CLASS}<>@]`, 'u');
const SPACE = 0x20;

/**
 * Makes an untrusted string safe to show anywhere. Returns undefined when nothing printable is left,
 * so callers can fall back to another field.
 */
export function displayText(value: string, max = DISPLAY_MAX): string | undefined {
  if (
    value.length <= max &&
    value.charCodeAt(0) !== SPACE &&
    value.charCodeAt(value.length - 1) !== SPACE &&
    value !== '' &&
    !NEEDS_REWRITE.test(value)
  ) {
    return value;
  }
  let text = value
    .replace(UNSAFE_CHARACTERS, (c) => (WHITESPACE_CONTROLS.test(c) ? ' ' : '\uFFFD'))
    .replaceAll('<', '\u2039')
    .replaceAll('>', '\u203A')
    .replace(BROADCAST_MENTION, '\uFF20$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (text.length > max) {
    // Cut between code points, not inside a surrogate pair.
    const end = /[\ud800-\udbff]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
    text = `${text.slice(0, end)}…`;
  }
  return text === '' ? undefined : text;
}

/** Same as displayText, for values that are not display fields but end up in one-line messages. */
export function quoteForMessage(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(displayText(text, max) ?? '');
}
