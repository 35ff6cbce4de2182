// XML for the Query-protocol sims. Fragments are built as `Xml` values so text is escaped exactly once:
// a string given to `el` is always text, never markup, whatever an event or a test put in it.

/** A piece of serialized XML, safe to nest. */
export interface Xml {
  readonly xml: string;
}

export type XmlChild = Xml | string | number | boolean | Date | undefined;

// XML 1.0 cannot carry most C0 controls even as character references; AWS replaces them too.
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text content or attribute value: markup characters escaped, characters XML cannot hold replaced. */
export function escapeXml(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) out += '\uFFFD';
    else out += ENTITIES[char] ?? char;
  }
  return out;
}

function childXml(child: XmlChild): string {
  if (child === undefined) return '';
  if (typeof child === 'object' && 'xml' in child) return child.xml;
  // Timestamps as AWS writes them (ISO 8601, UTC); the SDK parses them into Date.
  if (child instanceof Date) return child.toISOString();
  return escapeXml(String(child));
}

/** `<name>children</name>`; an element whose only child is `undefined` is left out entirely. */
export function el(name: string, ...children: XmlChild[]): Xml {
  if (children.length === 1 && children[0] === undefined) return { xml: '' };
  return { xml: `<${name}>${children.map(childXml).join('')}</${name}>` };
}

/** A list as the Query protocol writes it: `<name><member>…</member>…</name>`. */
export function members(name: string, items: readonly XmlChild[]): Xml {
  return el(name, ...items.map((item) => el('member', item)));
}

/** Fragments side by side, without a wrapping element. */
export function xmlJoin(...parts: XmlChild[]): Xml {
  return { xml: parts.map(childXml).join('') };
}

/**
 * URL-encoding as IAM applies it to policy documents in its answers (RFC 3986: everything but the
 * unreserved characters escaped, so `!'()*` too, which encodeURIComponent leaves alone).
 */
export function rfc3986Encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
