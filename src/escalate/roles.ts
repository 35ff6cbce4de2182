// Who a role of the escalation matrix is, where it is paged: a Slack user group (mentioned in the
// incident's thread) and a GitHub team (mentioned on the incident's ticket), and which GitHub team may
// acknowledge an incident with `/ack` — the configuration's notifications.roles and notifications.ack_team,
// checked against schemas/config.schema.json when it is loaded. What they name is mentioned as written:
// it is reviewed in pull requests like the rest of the configuration, never text from an event.

import type { LoadedConfig } from '../config/config.js';
import type { EscalationRole } from '../types.js';

export type { EscalationRole };

export interface EscalationRoles {
  readonly roles: Readonly<Record<string, EscalationRole>>;
  /** `org/team-slug` whose active members may acknowledge from GitHub; undefined: nobody may. */
  readonly ack_team?: string;
}

/** Where the mapping is written, for messages. */
export const ROLES_SETTING = 'notifications.roles';
export const ACK_TEAM_SETTING = 'notifications.ack_team';

export function splitTeam(team: string): { org: string; slug: string } {
  const [org = '', slug = ''] = team.split('/');
  return { org, slug };
}

/** The configuration's mapping; none (every role unmapped, nobody may /ack) when it names none. */
export function escalationRoles(config: LoadedConfig): EscalationRoles {
  const { roles, ack_team } = config.settings.notifications;
  return { roles, ...(ack_team !== undefined && { ack_team }) };
}
