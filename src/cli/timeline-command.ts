// `irac timeline ID [--format md|json|mermaid] [--repo DIR]`: an incident's story, from git.

import { incidentTimeline, type Timeline } from '../forensics/timeline.js';
import { describeItem, timelineTable } from '../forensics/timeline-markdown.js';
import { codeSpan } from '../store/markdown.js';
import { mermaidTimeline } from '../store/readme.js';
import { IncidentRepository } from '../store/repository.js';
import type { CliIo } from './io.js';

export const TIMELINE_FORMATS = ['md', 'json', 'mermaid'] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

export interface TimelineCommandOptions {
  readonly repo?: string;
  readonly format?: TimelineFormat;
}

function markdown({ incident, items }: Timeline): string {
  const lines = [
    `## ${incident.id} — ${codeSpan(incident.title)}`,
    '',
    `Status **${incident.status}**, severity **${incident.severity}**, ${incident.events} event${incident.events === 1 ? '' : 's'}. Times are UTC; "detected" rows are the vendor's clock, the others irac's.`,
    '',
    ...timelineTable(items),
  ];
  return `${lines.join('\n')}\n`;
}

export async function timelineCommand(id: string, options: TimelineCommandOptions, io: CliIo) {
  const repository = await IncidentRepository.open(options.repo ?? process.cwd());
  const timeline = await incidentTimeline(repository.git, id);
  switch (options.format ?? 'md') {
    case 'json':
      io.stdout(`${JSON.stringify(timeline, null, 2)}\n`);
      return;
    case 'mermaid': {
      const title = `${timeline.incident.id} ${timeline.incident.title}`;
      const lines = mermaidTimeline(
        title,
        timeline.items.map((item) => ({ at: item.at, text: `${item.what} - ${describeItem(item)}` })),
      );
      io.stdout(`${lines.join('\n')}\n`);
      return;
    }
    default:
      io.stdout(markdown(timeline));
  }
}
