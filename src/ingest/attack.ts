// MITRE ATT&CK ids from the many ways vendors name them: "Privilege Escalation", "PrivilegeEscalation",
// "mitre_privilege_escalation", "TA0004", "T1078.004". The name table is data (data/attack-tactics.json).

import { tableOf } from '../json.js';
import table from './data/attack-tactics.json' with { type: 'json' };
import type { AttackIds } from './normalizer.js';

const TACTICS: ReadonlyMap<string, string> = tableOf(table.tactics);
const TACTIC_ID = /^TA\d{4}$/i;
const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/i;
/** ATT&CK has 14 tactics and a few hundred techniques; one event naming more is noise or an attack on us. */
export const MAX_ATTACK_IDS = 64;

/** `Command and Control`, `CommandAndControl`, `mitre_command_and_control` → `command_and_control`. */
function tacticKey(name: string): string {
  return name
    .trim()
    .replace(/^mitre[_\s-]*/i, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function tacticId(name: string): string | undefined {
  if (TACTIC_ID.test(name.trim())) return name.trim().toUpperCase();
  return TACTICS.get(tacticKey(name));
}

export function techniqueId(text: string): string | undefined {
  const id = text.trim().toUpperCase();
  return TECHNIQUE_ID.test(id) ? id : undefined;
}

function addOnce(ids: string[], id: string): void {
  if (ids.length < MAX_ATTACK_IDS && !ids.includes(id)) ids.push(id);
}

/** Collects tactic and technique ids from free-form labels (tags, categories), ignoring the rest. */
export class AttackCollector implements AttackIds {
  readonly tactics: string[] = [];
  readonly techniques: string[] = [];

  tactic(name: string | undefined): this {
    const id = name === undefined ? undefined : tacticId(name);
    if (id) addOnce(this.tactics, id);
    return this;
  }

  technique(text: string | undefined): this {
    const id = text === undefined ? undefined : techniqueId(text);
    if (id) addOnce(this.techniques, id);
    return this;
  }

  /** Ids already resolved (a data table's row, looked up once at load). */
  merge(ids: AttackIds): this {
    for (const id of ids.tactics) addOnce(this.tactics, id);
    for (const id of ids.techniques) addOnce(this.techniques, id);
    return this;
  }

  /** A label that may be either: a tactic name, a tactic id or a technique id. */
  label(text: string): this {
    return techniqueId(text) ? this.technique(text) : this.tactic(text);
  }
}
