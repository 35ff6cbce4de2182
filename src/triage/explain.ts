// A decision in words, for a terminal: where the incident went and why, the score factor by factor,
// what enrichment found, and what it could not find. Text from events is shown through displayText.

import { renderTable } from '../cli/table.js';
import { displayText } from '../ingest/display.js';
import type { Decision } from './decide.js';
import type { Factor } from './score.js';

const shown = (text: string, max = 120) => displayText(text, max) ?? '?';

function headline(decision: Decision): string {
  switch (decision.outcome) {
    case 'routed':
      return `routed to ${decision.playbook}`;
    case 'suppressed':
      return `suppressed by ${decision.suppression?.rule}`;
    case 'aggregated':
      return 'aggregated with recent incidents of the same fingerprint';
    case 'unrouted':
      return 'routed to no playbook';
  }
}

export function explainDecision(decision: Decision): string {
  const { score, enrichment } = decision;
  const threshold = score.threshold
    ? `≥ ${score.threshold.severity} threshold ${score.threshold.at}`
    : 'below every threshold';
  const lines = [
    `${decision.incident}: ${headline(decision)}`,
    `  severity ${decision.severity} (events: ${decision.event_severity}), score ${score.value.toFixed(2)} ${threshold}`,
    `  why: ${shown(decision.route.reason, 300)}`,
    '',
    renderTable<Factor>(score.factors, [
      { header: '  FACTOR', width: 22, cell: (f) => `  ${f.name}` },
      { header: 'RAW', width: 30, cell: (f) => shown(String(f.raw), 60) },
      { header: 'VALUE', width: 6, cell: (f) => f.normalized.toFixed(2) },
      { header: 'WEIGHT', width: 6, cell: (f) => String(f.weight) },
      { header: 'SHARE', width: 6, cell: (f) => f.contribution.toFixed(2) },
      { header: 'FROM', width: 80, cell: (f) => shown(f.why, 200) },
    ]).trimEnd(),
    '',
  ];
  const { asset, intel, history } = enrichment;
  lines.push(
    asset
      ? `  asset: ${shown(asset.id)} (owner ${shown(asset.owner ?? '?')}, ${shown(asset.environment ?? 'environment unknown')}, criticality ${asset.criticality}${asset.compliance.length ? `, ${asset.compliance.map((c) => shown(c)).join(', ')}` : ''})`
      : '  asset: unknown to every registry',
  );
  lines.push(
    intel.hits.length === 0
      ? '  intel: no indicator matched'
      : `  intel: ${intel.hits
          .slice(0, 5)
          .map((hit) => `${hit.type} ${shown(hit.value, 80)} (${hit.score} from ${shown(hit.source, 60)})`)
          .join('; ')}${intel.hits.length > 5 ? `; and ${intel.hits.length - 5} more` : ''}`,
  );
  lines.push(
    history.window === null
      ? '  history: no history source'
      : `  history: ${history.incidents} past incident${history.incidents === 1 ? '' : 's'} within ${history.window} (fingerprint ${history.same_fingerprint}, resource ${history.same_resource}, actor ${history.same_actor})`,
  );
  for (const provider of enrichment.providers) {
    if (provider.status === 'skipped')
      lines.push(`  ${provider.status}: ${shown(provider.name)}: ${shown(provider.reason ?? '', 200)}`);
  }
  for (const reason of decision.degraded) lines.push(`  degraded: ${shown(reason, 300)}`);
  return `${lines.join('\n')}\n`;
}
