// An incident's timeline as Markdown, for `irac timeline` and `irac report` alike: one row per item, its
// untrusted text in code spans (src/store/markdown.ts), times in UTC.

import { codeSpan, NOTHING, tableRow } from '../store/markdown.js';
import { auditSummary } from '../store/readme.js';
import type { TimelineItem } from './timeline.js';

/** What an item says, in one line: the vendor's title for a detection, the audit entry's summary otherwise. */
export function describeItem(item: TimelineItem): string {
  if (item.what === 'detected') {
    const title = typeof item.data.title === 'string' ? item.data.title : 'an event';
    return `${item.actor ?? 'the vendor'} saw: ${title}`;
  }
  return auditSummary(item.data);
}

/** `2026-03-02 08:20:05Z`; a time that does not parse is shown as the text it is. */
export function utcCell(at: string | null): string {
  if (at === null) return NOTHING;
  const date = new Date(at);
  return Number.isNaN(date.getTime())
    ? codeSpan(at)
    : `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

export function timelineTable(items: readonly TimelineItem[]): string[] {
  return [
    tableRow(['Time (UTC)', 'What', 'Who', 'Details', 'Commit']),
    tableRow(['---', '---', '---', '---', '---']),
    ...items.map((item) =>
      tableRow([
        utcCell(item.at),
        item.what,
        item.actor ? codeSpan(item.actor) : NOTHING,
        codeSpan(describeItem(item), 160),
        item.commit ? `\`${item.commit.slice(0, 12)}\`` : NOTHING,
      ]),
    ),
  ];
}
