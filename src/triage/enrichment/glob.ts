// Wildcard patterns over identifiers: `arn:aws:iam::123456789012:role/orders-*`, `i-0abc*`,
// `payments/*`. `*` is any run of characters (none too, `/` and `:` included: an ARN is not a path),
// `?` is one character, `\` takes the next character as it is; letters match either case.
//
// Why not picomatch or another regex-compiling glob library: their path semantics (`*` stops at `/`,
// `**` only as a whole segment, `?` never `/`) do not fit ARNs, and a regex with several stars
// backtracks polynomially. The identifiers come from events, that is from an attacker: measured with
// picomatch, `*a*a*a*ab` against a 512-character identifier blocks the event loop for 23 seconds, and no
// timeout can interrupt a running regex. The matcher below never backtracks more than to the last star,
// so a match costs at most (pattern length × identifier length) steps.

type Token =
  | { readonly kind: 'star' }
  | { readonly kind: 'one' }
  | { readonly kind: 'char'; readonly c: string };

export interface Glob {
  readonly pattern: string;
  /** The identifier the pattern stands for when it has no wildcard (lower case); else undefined. */
  readonly literal: string | undefined;
  matches(identifier: string): boolean;
}

/** Characters, not UTF-16 units: `?` is one character, also outside the Basic Multilingual Plane. */
function characters(text: string): string[] {
  return Array.from(text.toLowerCase());
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  const chars = characters(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '\\' && i + 1 < chars.length) {
      tokens.push({ kind: 'char', c: chars[++i] as string });
    } else if (c === '*') {
      // `**` is `*`: consecutive stars add nothing but work.
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'one' });
    } else {
      tokens.push({ kind: 'char', c });
    }
  }
  return tokens;
}

/** Compiles `pattern` once; matching is then case-insensitive and linear in each input. */
export function compileGlob(pattern: string): Glob {
  const tokens = tokenize(pattern);
  const wild = tokens.some((t) => t.kind !== 'char');
  const literal = wild ? undefined : tokens.map((t) => (t.kind === 'char' ? t.c : '')).join('');
  return {
    pattern,
    literal,
    matches(identifier) {
      const text = characters(identifier);
      if (literal !== undefined) return text.join('') === literal;
      return matchTokens(tokens, text);
    },
  };
}

/**
 * The classic wildcard walk: on a mismatch, go back to the last star and let it swallow one more
 * character. Earlier stars never need revisiting, since a later star can absorb whatever they would.
 */
function matchTokens(tokens: readonly Token[], text: readonly string[]): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    const token = tokens[p];
    if (token !== undefined && (token.kind === 'one' || (token.kind === 'char' && token.c === text[t]))) {
      p++;
      t++;
    } else if (token?.kind === 'star') {
      star = p++;
      starText = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (tokens[p]?.kind === 'star') p++;
  return p === tokens.length;
}
