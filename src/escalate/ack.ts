// Acknowledging an incident stops its escalation: `irac ack ID --by USER`, or a `/ack` comment on the
// incident's GitHub issue (the ir-ack workflow). Either way one `ack` audit entry (who, when, how) and
// incident.yaml's `acknowledged` time, in one commit; the first acknowledgement is the one that counts.
//
// From GitHub, the comment is only the request: its author must be an active member of the team the
// configuration allows (asked of GitHub's API, never inferred from the comment or the author's
// association), and the incident is the one whose id labels the issue — the comment's text names nothing.

import type { Octokit } from '@octokit/rest';
import { sha256Hex } from '../digest.js';
import { InputError, OperationError } from '../errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { nextEntry } from '../store/audit.js';
import { serializeIncident } from '../store/incident.js';
import { auditFile, incidentFile, isIncidentId, readmeFile } from '../store/layout.js';
import { renderIncidentReadme } from '../store/readme.js';
import { auditTrailers, parseAuditEntries, readIncident } from '../store/record.js';
import type { Transaction } from '../store/transaction.js';
import { splitTeam } from './roles.js';
import { acknowledgement } from './schedule.js';

// A login or an address: printable, no spaces or controls, so it cannot forge a line in a log or a commit.
const WHO = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/;

export function checkAcknowledger(text: string, where = '--by'): string {
  if (!WHO.test(text)) {
    throw new InputError(
      where,
      'must be a login or an address (letters, digits, . _ @ + -; at most 100 characters)',
    );
  }
  return text;
}

export interface AckContext {
  /** Who acknowledges: the person taking the incident. */
  readonly by: string;
  /** How: `cli`, or `github-comment` with the comment's URL. */
  readonly via: 'cli' | 'github-comment';
  readonly comment?: string;
  /** Who ran irac (the audit trail's actor). */
  readonly actor: string;
  readonly now: () => Date;
}

export type AckOutcome =
  | { readonly outcome: 'acknowledged'; readonly at: string; readonly commit: string }
  | { readonly outcome: 'already'; readonly by: string; readonly at: string }
  | { readonly outcome: 'resolved' };

export async function acknowledgeIncident(
  tx: Transaction,
  id: string,
  context: AckContext,
): Promise<AckOutcome> {
  const incident = await readIncident(tx, id);
  if (!incident) throw new InputError(id, 'no such incident in the store');
  const auditText = (await tx.readText(auditFile(id))) ?? '';
  const earlier = acknowledgement(parseAuditEntries(auditText));
  if (earlier) return { outcome: 'already', ...earlier };
  if (incident.status === 'resolved') return { outcome: 'resolved' };
  const at = context.now().toISOString();
  const acknowledged = {
    ...incident,
    timestamps: { ...incident.timestamps, acknowledged: at, updated: at },
  };
  const incidentYaml = serializeIncident(acknowledged);
  const data: JsonObject = {
    summary: `acknowledged by ${context.by}`,
    by: context.by,
    via: context.via,
    ...(context.comment ? { comment: context.comment } : {}),
    incident_sha256: sha256Hex(incidentYaml),
  };
  const { entry, line } = nextEntry(auditText, {
    at,
    actor: context.actor,
    action: 'ack',
    incident: id,
    data,
  });
  const audit = auditText + line;
  tx.write(incidentFile(id), incidentYaml);
  tx.write(auditFile(id), audit);
  tx.write(readmeFile(id), renderIncidentReadme(acknowledged, parseAuditEntries(audit)));
  const commit = await tx.commit({
    subject: `ack: ${id} by ${context.by}`,
    trailers: auditTrailers(entry),
  });
  return { outcome: 'acknowledged', at, commit };
}

/** What an issue_comment event asks, once it is known to be an `/ack`. */
export interface AckRequest {
  readonly incident: string;
  readonly login: string;
  readonly comment: string;
}

const field = (value: JsonValue | undefined, key: string): JsonValue | undefined =>
  isJsonObject(value) ? value[key] : undefined;

/**
 * The acknowledgement an issue_comment event (the runner's event file) asks for: a new comment whose
 * whole text is `/ack`, on an issue (not a pull request) carrying exactly one incident id as a label.
 * Anything else is refused in one line.
 */
export function ackRequestOf(event: JsonValue): AckRequest {
  const where = 'issue_comment event';
  if (field(event, 'action') !== 'created') throw new InputError(where, 'is not a new comment');
  const comment = field(event, 'comment');
  const body = field(comment, 'body');
  if (typeof body !== 'string' || body.trim() !== '/ack') {
    throw new InputError(where, 'the comment is not exactly /ack');
  }
  const issue = field(event, 'issue');
  if (field(issue, 'pull_request') !== undefined)
    throw new InputError(where, 'is on a pull request, not an incident issue');
  const labels = field(issue, 'labels');
  const ids = (Array.isArray(labels) ? labels : [])
    .map((label) => field(label, 'name'))
    .filter((name): name is string => typeof name === 'string' && isIncidentId(name));
  if (ids.length !== 1) {
    throw new InputError(
      where,
      ids.length === 0
        ? 'the issue is labelled with no incident id'
        : `the issue is labelled with ${ids.length} incident ids`,
    );
  }
  const login = field(field(comment, 'user'), 'login');
  if (typeof login !== 'string') throw new InputError(where, 'the comment has no author');
  const url = field(comment, 'html_url');
  return {
    incident: ids[0] as string,
    login: checkAcknowledger(login, `${where}: comment.user.login`),
    comment: typeof url === 'string' ? url : '',
  };
}

/**
 * Whether `login` is an active member of `team` (`org/slug`), asked of GitHub:
 * `GET /orgs/{org}/teams/{team_slug}/memberships/{username}` is 200 with state `active` for one.
 * A pending invitation, a 404 (not a member, or a team the token cannot see) is no.
 */
export async function isActiveMember(octokit: Octokit, team: string, login: string): Promise<boolean> {
  const { org, slug } = splitTeam(team);
  try {
    const { data } = await octokit.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
    return data.state === 'active';
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 404) return false;
    if (status === 401 || status === 403) {
      throw new OperationError(
        `cannot read ${team}'s members (HTTP ${status}): the token needs the organisation's Members: read permission`,
      );
    }
    throw error;
  }
}
