// Vendors write time as ISO 8601 with or without a zone, "YYYY-MM-DD HH:MM:SS.fff" (Panther, Splunk),
// "YYYY/MM/DD…" (SiLK), epoch seconds (Splunk _time), milliseconds (GuardDuty launchTime, Datadog,
// OCSF), microseconds (some OCSF mappings) or nanoseconds (Falco evt.time). Date.parse is
// not used: it accepts nonsense ("1" is the year 2001) and reads zone-less times as local time.

const ISO_LIKE =
  /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^\d{9,19}(\.\d+)?$/;
// The form almost every vendor uses, and its zone-less, space-separated cousin (Panther, Logstash: UTC).
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z?$/;

// Anything outside these years is a unit mix-up or a forgery, not a security event.
const MIN_MS = Date.UTC(1990, 0, 1);
const MAX_MS = Date.UTC(2200, 0, 1);

/** Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude (in 1990–2200 they cannot overlap). */
function fromEpoch(value: number): number {
  if (value >= 1e17) return value / 1e6;
  if (value >= 1e14) return value / 1e3;
  if (value >= 1e11) return value;
  return value * 1000;
}

/** Parses a vendor timestamp to ISO 8601 UTC, or returns undefined when it is not a time. */
export function parseTimestamp(value: unknown): string | undefined {
  let ms: number | undefined;
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value > 0) ms = fromEpoch(value);
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (CANONICAL_UTC.test(text)) return parseCanonical(text);
    if (EPOCH.test(text)) ms = fromEpoch(Number(text));
    else ms = parseIsoLike(text);
  }
  if (ms === undefined || !(ms >= MIN_MS && ms < MAX_MS)) return undefined;
  return new Date(Math.floor(ms)).toISOString();
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * The hot path: `2026-03-01T10:00:00(.fff…)Z` (or with a space and no zone, read as UTC). The regex has
 * checked the shape; the ranges are checked here, and the ISO output is assembled without a Date.
 */
function parseCanonical(text: string): string | undefined {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (year < 1990 || year >= 2200 || day < 1 || day > monthDays) return undefined;
  if (digits(text, 11, 2) > 23 || digits(text, 14, 2) > 59 || digits(text, 17, 2) > 59) return undefined;
  const fraction = text.length > 20 ? text.slice(20, text.endsWith('Z') ? -1 : undefined) : '';
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction.slice(0, 3).padEnd(3, '0')}Z`;
}

function parseIsoLike(text: string): number | undefined {
  const m = ISO_LIKE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Number(`0.${frac || '0'}`) * 1000);
  // Date.UTC rolls 2024-02-31 over into March; a real timestamp never needs that.
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  ) {
    return undefined;
  }
  return utc - zoneOffsetMinutes(zone) * 60_000;
}

function zoneOffsetMinutes(zone: string): number {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}
