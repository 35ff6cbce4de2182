// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.

/**
 * The seed's coarse source class.
 */
export type SourceClass = 'siem' | 'cloudtrail' | 'runtime' | 'threatintel';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
/**
 * Which normalizer produced the event.
 */
export type Vendor =
  | 'guardduty'
  | 'cloudtrail'
  | 'securityhub'
  | 'ocsf'
  | 'falco'
  | 'splunk'
  | 'elastic'
  | 'datadog'
  | 'sentinel'
  | 'generic';
export type Display = string;

/**
 * One security event as irac stores and routes it: the vendor's payload normalized to a common shape. Display fields (title, kind, resource, actor, resources) are neutralized: no control characters, no Slack mentions.
 */
export interface SecurityEvent {
  /**
   * Stable event id: <vendor>-<128-bit hex> derived from the vendor's own id (vendor_id), or from a content hash of the payload when the vendor has none. Never random, never the input verbatim, always safe as a file name.
   */
  id: string;
  /**
   * The vendor's identifier for this event (finding id + update time, CloudTrail eventID, ...), neutralized.
   */
  vendor_id?: string;
  /**
   * When the vendor says the event happened (UTC, ISO 8601). When the payload has no time at all, the time it was received; context.timestamp_origin then says so.
   */
  timestamp: string;
  source: SourceClass;
  severity: Severity;
  vendor: Vendor;
  /**
   * The vendor's finding or rule type (GuardDuty finding type, CloudTrail eventSource:eventName, Falco rule, Splunk search name, ...).
   */
  kind: string;
  /**
   * One-line human summary for tables and notifications.
   */
  title: string;
  /**
   * The primary affected resource: an ARN where one is known, otherwise the most specific identifier (instance id, k8s namespace/pod, host name).
   */
  resource: string;
  /**
   * Every resource the event names, typed so that containment can act on them.
   *
   * @maxItems 64
   */
  resources: ResourceRef[];
  /**
   * Cloud account / subscription / project the event belongs to.
   */
  account?: string;
  region?: string;
  /**
   * The principal that acted (ARN, user name, service account).
   */
  actor?: string;
  /**
   * Observables for threat-intel enrichment, de-duplicated.
   *
   * @maxItems 256
   */
  indicators: Indicator[];
  /**
   * MITRE ATT&CK ids where the event maps to them.
   */
  attack: {
    /**
     * @maxItems 64
     */
    tactics: string[];
    /**
     * @maxItems 64
     */
    techniques: string[];
  };
  /**
   * sha256 over (vendor, kind, resource, actor): events with the same fingerprint are the same problem and correlate into one incident.
   */
  fingerprint: string;
  /**
   * sha256 of the exact bytes received: the whole JSON document, or the NDJSON line, that carried this event.
   */
  raw_sha256: string;
  /**
   * RFC 6901 JSON Pointer from the received document to this event's payload (empty string: the whole document).
   */
  raw_pointer: string;
  /**
   * The vendor's payload for this event, verbatim (evidence; never used for display).
   */
  payload: {
    [k: string]: unknown;
  };
  /**
   * Flat string facts the normalizer found worth keeping (vendor severity, rule id, links, ...).
   */
  context: {
    [k: string]: string;
  };
}
export interface ResourceRef {
  /**
   * Dotted resource type, e.g. aws.ec2.instance, aws.iam.access_key, aws.iam.role, aws.s3.bucket, k8s.pod, container, host.
   */
  type: string;
  id: Display;
  arn?: Display;
  name?: Display;
}
export interface Indicator {
  type: 'ip' | 'domain' | 'url' | 'md5' | 'sha1' | 'sha256' | 'email';
  value: string;
}

export type ClientPayload = ClientPayload1 & ClientPayload2;
export type ClientPayload1 = {
  [k: string]: unknown;
};

/**
 * The repository_dispatch request a sender POSTs to /repos/{owner}/{repo}/dispatches to report security events to irac. GitHub itself limits event_type to 100 characters and client_payload to 10 top-level properties and less than 64 KB; irac checks the same limits so that what it accepts, GitHub accepts.
 */
export interface Dispatch {
  event_type: 'security-event';
  client_payload: ClientPayload;
}
export interface ClientPayload2 {
  /**
   * Name of the normalizer to use; detected from each event's shape when absent.
   */
  source?:
    | 'guardduty'
    | 'cloudtrail'
    | 'securityhub'
    | 'ocsf'
    | 'falco'
    | 'splunk'
    | 'elastic'
    | 'datadog'
    | 'sentinel'
    | 'generic';
  /**
   * One raw vendor payload.
   */
  event?: {
    [k: string]: unknown;
  };
  /**
   * Several raw vendor payloads.
   *
   * @minItems 1
   */
  events?: [
    {
      [k: string]: unknown;
    },
    ...{
      [k: string]: unknown;
    }[]
  ];
}

/**
 * The first event's title.
 */
export type Text = string;
export type IncidentStatus = 'open' | 'triaged' | 'contained' | 'resolved';
/**
 * The highest severity among the incident's events until triage; then the severity triage's score gives (triage.json keeps both).
 */
export type IncidentSeverity = 'low' | 'medium' | 'high' | 'critical';
export type OptionalTime = string | null;
export type Text1 = string;
/**
 * Distinct values, first seen first, at most 20.
 *
 * @maxItems 20
 */
export type Texts = Text1[];
export type Time = string;

/**
 * incident.yaml: the state of one incident, rewritten by each operation and summarized from its events and audit trail. The audit trail (audit.jsonl) records the sha256 of every version, so a hand edit shows in `irac verify`.
 */
export interface Incident {
  /**
   * Generated: IR-<yyyymmdd of opening, UTC>-<8 random base32 characters>. Never derived from input.
   */
  id: string;
  title: Text;
  status: IncidentStatus;
  severity: IncidentSeverity;
  /**
   * Triage score in [0, 1]; null until triaged.
   */
  score: number | null;
  /**
   * The playbook triage routed to; null until triaged or when none matched.
   */
  playbook: string | null;
  /**
   * How triage last decided: routed to the playbook, suppressed by a rule, aggregated with recurring incidents of the same fingerprint, or unrouted (no trigger matched and no default). null until triaged; triage.json holds the reasons.
   */
  decision: 'routed' | 'suppressed' | 'aggregated' | 'unrouted' | null;
  /**
   * The correlation key the incident's events share.
   */
  fingerprint: string;
  timestamps: IncidentTimestamps;
  /**
   * How many events the incident holds (files in events/).
   */
  events: number;
  vendors: string[];
  kinds: Texts;
  resources: Texts;
  actors: Texts;
  accounts: Texts;
  approvals: Approval[];
  /**
   * Where the incident is being discussed: channel → thread id.
   */
  notifications: {
    [k: string]: Text1;
  };
}
export interface IncidentTimestamps {
  /**
   * The earliest vendor time among the events.
   */
  detected: string;
  /**
   * When irac recorded the first event.
   */
  opened: string;
  /**
   * When any operation last changed the incident.
   */
  updated: string;
  acknowledged: OptionalTime;
  triaged: OptionalTime;
  contained: OptionalTime;
  resolved: OptionalTime;
}
export interface Approval {
  by: Text1;
  at: Time;
  step?: Text1;
  plan_sha256?: string;
  run?: Text1;
}

/**
 * A string, a number, a boolean, or a list or mapping of them.
 *
 * @maxItems 1000
 */
export type ParameterValue =
  | string
  | number
  | boolean
  | ParameterValue[]
  | {
      [k: string]: ParameterValue;
    };

/**
 * A playbook: when it applies (trigger, priority) and what it does (steps), each step an action of the catalogue in schemas/actions/. One per file, playbooks/<id>.yaml, or inline in the configuration's `playbooks:` list.
 */
export interface PlaybookDefinition {
  /**
   * The playbook's name in decisions and plans; a file playbooks/<id>.yaml holds the playbook <id>.
   */
  id: string;
  /**
   * What the playbook is for, for the reviewer of a plan.
   */
  description?: string;
  /**
   * Semantic version of the playbook (1.2.0), recorded in every plan made from it.
   */
  version?: string;
  /**
   * Who answers for the playbook: a team, an e-mail address, a GitHub @org/team.
   */
  owner?: string;
  /**
   * A CEL condition over event, incident, asset, intel, history, score and severity: the incident goes to the first playbook, in priority order, whose trigger holds.
   */
  trigger: string;
  /**
   * Order of evaluation: ascending, 1 first; ties in order of id.
   */
  priority?: number;
  tier?: PlaybookTier;
  /**
   * Run in order. Step ids are unique within the playbook.
   *
   * @minItems 1
   * @maxItems 100
   */
  steps: [PlaybookStepDefinition, ...PlaybookStepDefinition[]];
}
/**
 * The approval gate. Steps that need approval wait for a required reviewer of this GitHub Environment. Where preauthorized_when holds for the incident, destructive steps that do not say requires_approval run without approval; elsewhere every destructive step needs one.
 */
export interface PlaybookTier {
  /**
   * The GitHub Environment whose required reviewers approve the containment job.
   */
  environment: string;
  /**
   * A CEL condition scoping pre-authorized containment to low-risk incidents, e.g. asset.all_known && size(asset.environments) > 0 && asset.environments.all(e, e in ['dev', 'staging']): every resource the incident names known to an asset registry, and none in production. Refused when it holds for an incident whose assets no registry knows.
   */
  preauthorized_when?: string;
}
/**
 * One action of the catalogue. Keys other than the ones below are the action's parameters, as if written under `with` (the seed's shape: `channel: "#ir-critical"`).
 */
export interface PlaybookStepDefinition {
  /**
   * Unique within the playbook; names the step in plans, approvals and the audit trail.
   */
  id: string;
  /**
   * A catalogue action, connector:name: aws:iam.revoke_role_sessions, slack:post_message, cloud:revoke_session.
   */
  action: string;
  /**
   * A CEL condition: the step runs only for incidents where it holds, and the plan records it as skipped elsewhere (e.g. revoke role sessions only when the event names a role).
   */
  when?: string;
  /**
   * The action's parameters. Strings may hold CEL templates: "{{ expr }}" alone gives the expression's value, text around {{ expr }} gives text.
   */
  with?: {
    [k: string]: ParameterValue;
  };
  /**
   * The step acts on each item of a list: one "{{ expr }}" template over the incident giving 1 to 100 items (instance ids, user names), each a target of its own in the plan, the ledger and undo; the step's parameters read the current one as `item` (instance_id: "{{ item }}").
   */
  for_each?: string;
  /**
   * Canary containment (for_each steps): the step acts on this share of its targets first, reads the effect back after `wait`, and goes on to the rest only if the check holds; otherwise it fails (on_failure decides what follows) with the rest untouched.
   */
  canary?: {
    /**
     * The share of the targets acted on first, rounded up, at least one.
     */
    percent: number;
    /**
     * How long after the canary targets are done before they are checked (automation that reverts a change, an outage it causes, show up by then).
     */
    wait?: string;
    /**
     * A CEL condition over `canary` (targets: a list of {item, verified, detail}; size; of) that must hold to go on; every canary target's effect verified when absent.
     */
    verify?: string;
  };
  /**
   * The step waits for a reviewer's approval (the GitHub Environment gate) before it runs live, whatever the tier says.
   */
  requires_approval?: boolean;
  /**
   * The step also runs during a dry run, because it changes nothing in the environment under investigation (a notification, a log collection).
   */
  dry_run_supported?: boolean;
  /**
   * How long the action may take; the catalogue's timeout for the action when absent (5m unless it says otherwise).
   */
  timeout?: string;
  /**
   * Further attempts after a failure.
   */
  retries?: number;
  /**
   * After the last attempt failed: stop the playbook, continue with the next step, or undo the steps done so far (in reverse order) and stop.
   */
  on_failure?: 'stop' | 'continue' | 'undo';
  [k: string]:
    | ParameterValue
    | string
    | {
        [k: string]: ParameterValue;
      }
    | {
        /**
         * The share of the targets acted on first, rounded up, at least one.
         */
        percent: number;
        /**
         * How long after the canary targets are done before they are checked (automation that reverts a change, an outage it causes, show up by then).
         */
        wait?: string;
        /**
         * A CEL condition over `canary` (targets: a list of {item, verified, detail}; size; of) that must hold to go on; every canary target's effect verified when absent.
         */
        verify?: string;
      }
    | boolean
    | number
    | 'stop'
    | 'continue'
    | 'undo'
    | undefined;
}

/**
 * One entry of the action catalogue (schemas/actions/<connector>/<name>.json): what a playbook step may ask for, what it needs and what it risks. Either a full definition or an alias of another action.
 */
export interface ActionDefinition {
  /**
   * For editors: the path of this schema.
   */
  $schema?: string;
  /**
   * connector:name, as steps write it; the file is schemas/actions/<connector>/<name>.json.
   */
  name: string;
  /**
   * What the action does, as the reviewer of a plan reads it.
   */
  description: string;
  /**
   * The action this name stands for (the seed's cloud:* names): everything else comes from it.
   */
  alias_of?: string;
  /**
   * It changes or cuts off something the business may rely on: outside a pre-authorized tier it runs only after approval.
   */
  destructive?: boolean;
  /**
   * Its undo restores the state it found.
   */
  reversible?: boolean;
  /**
   * One sentence: how the undo works, or why there is none.
   */
  undo?: string;
  /**
   * What the credentials need: IAM actions (iam:PutRolePolicy) or API scopes (chat:write).
   *
   * @minItems 1
   */
  permissions?: [string, ...string[]];
  /**
   * How long a step of this action may take unless it says otherwise; 5m when absent.
   */
  timeout?: string;
  /**
   * A JSON Schema of the step's parameters: an object without other keys. A parameter's default may be a {{ }} template saying where its value comes from in the incident.
   */
  parameters?: {
    type: 'object';
    properties: {};
    additionalProperties: false;
  };
}

export type Fraction = number;
/**
 * Lowercase letters, digits and dashes; at most 64 characters.
 */
export type Slug = string;
/**
 * @minItems 1
 */
export type EscalationChain = [EscalationStep, ...EscalationStep[]];
/**
 * Lowercase letters, digits and underscores; at most 64 characters.
 */
export type SnakeName = string;

/**
 * incident-response-config.yaml at the repository root. Every key is optional and has a default; state lives in the repository itself, so there is no audit store or state backend to configure.
 */
export interface Config {
  orchestrator?: OrchestratorConfig;
  triage?: TriageConfig;
  /**
   * Playbooks written inline, in the shape of schemas/playbook.schema.json; playbooks/<id>.yaml files are read beside them. Playbook ids are unique across both.
   */
  playbooks?: PlaybookDefinition[];
  notifications?: NotificationsConfig;
  connectors?: ConnectorsConfig;
}
export interface OrchestratorConfig {
  /**
   * Plans are dry runs (describe, change nothing) unless a run asks for live execution.
   */
  dry_run_default?: boolean;
  /**
   * How many playbook executions may run at the same time.
   */
  max_concurrent_playbooks?: number;
  /**
   * Events with the same fingerprint within this window join the same open incident.
   */
  correlation_window?: string;
  /**
   * The GitHub Environments a playbook's tier.environment may name, each one set up with required reviewers (irac doctor checks). A job naming an environment that does not exist makes GitHub create it without protection rules, so a playbook naming any other is refused.
   *
   * @minItems 1
   * @maxItems 100
   */
  approval_environments?: [string, ...string[]];
  /**
   * Blast-radius budgets: how much of an action live runs may do in a window before a reviewer must approve more (at most 5 instances isolated per account per hour). A step that would go past one waits for approval, even where its tier pre-authorizes it. `[]` turns them off.
   *
   * @maxItems 100
   */
  budgets?: BudgetConfig[];
  store?: StoreConfig;
  committer?: CommitterConfig;
  signing?: SigningConfig;
}
export interface BudgetConfig {
  /**
   * A catalogue action (its aliases count towards it too).
   */
  action: string;
  /**
   * Targets the action may act on within the window.
   */
  max: number;
  /**
   * Counted per AWS account, per account and region, or across everything.
   */
  per?: 'account' | 'region' | 'all';
  /**
   * The sliding window counted over.
   */
  window: string;
}
/**
 * Optimistic concurrency: a run that loses a push race fetches, re-applies its change and pushes again, waiting a jittered, doubling backoff between attempts.
 */
export interface StoreConfig {
  /**
   * Pushes tried before the run gives up.
   */
  push_attempts?: number;
  /**
   * Backoff before the second attempt.
   */
  backoff_base?: string;
  /**
   * Longest backoff between two attempts; not shorter than backoff_base.
   */
  backoff_max?: string;
}
/**
 * Git identity of irac's commits; git's own configuration when absent.
 */
export interface CommitterConfig {
  name: string;
  email: string;
}
/**
 * SSH signing of irac's commits, verifiable offline against an allowed-signers file.
 */
export interface SigningConfig {
  /**
   * Path to the SSH private key that signs commits (relative to the working directory, or ~/...). Never a file inside the repository. The IRAC_SIGNING_KEY environment variable overrides it.
   */
  key?: string;
  /**
   * The allowed-signers file (ssh-keygen ALLOWED SIGNERS format) that commits are verified against, relative to the repository root.
   */
  allowed_signers?: string;
  /**
   * Refuse to commit without a signing key, and fail verification on any unsigned irac commit.
   */
  require_signed?: boolean;
}
export interface TriageConfig {
  /**
   * Where triage looks up what an event names before scoring it.
   */
  enrichment_sources?: EnrichmentSource[];
  /**
   * How long one enrichment source may take before triage goes on without it (the decision then says it is degraded). A source's own timeout overrides it.
   */
  enrichment_timeout?: string;
  scoring?: ScoringConfig;
  /**
   * Known benign patterns: an incident a rule matches is recorded as suppressed, with the rule, and routed to no playbook. Rule ids are unique.
   */
  suppressions?: SuppressionRule[];
  aggregation?: AggregationConfig;
  /**
   * Where an incident goes when no trigger matches; null routes it nowhere.
   */
  default_playbook?: Slug | null;
}
/**
 * asset_registry: files in the repository (path) or an HTTP registry (endpoint). threat_intel: feeds in the repository (path) or a provider's API (provider, e.g. abuse_ip_db). history: past incidents in this repository's store.
 */
export interface EnrichmentSource {
  type: 'asset_registry' | 'threat_intel' | 'history';
  /**
   * Directory (or file) inside the repository holding the registry or the feeds.
   */
  path?: string;
  /**
   * Base URL of the source's API: https://, or http:// to a loopback host only (localhost, 127.0.0.0/8, ::1: the simulators).
   */
  endpoint?: string;
  /**
   * Threat intelligence provider: abuse_ip_db.
   */
  provider?: 'abuse_ip_db';
  /**
   * Environment variable holding the API key (default per provider: ABUSEIPDB_API_KEY; for an HTTP asset registry, a bearer token, none by default). Never a credential meant for another end: GITHUB_*, GH_TOKEN, ACTIONS_*, RUNNER_*, AWS_*, SLACK_*, IRAC_SIGNING_KEY, or a name containing SECRET_ACCESS, SESSION_TOKEN or PRIVATE_KEY.
   */
  api_key_env?: string;
  /**
   * Most requests sent to the source, e.g. 100/min.
   */
  rate_limit?: string;
  /**
   * How long this source may take; triage.enrichment_timeout when absent.
   */
  timeout?: string;
  /**
   * How long an answer is reused for the same indicator or resource.
   */
  cache_ttl?: string;
  /**
   * history: how far back past incidents count.
   */
  window?: string;
}
/**
 * An incident's score is the weighted sum of its factors, each in [0, 1]; the thresholds turn the score into a severity.
 */
export interface ScoringConfig {
  weights?: ScoringWeights;
  thresholds?: ScoringThresholds;
  /**
   * The asset_criticality factor of an incident no registry knows: unknown is not harmless.
   */
  unknown_asset_criticality?: number;
  /**
   * Past incidents (same fingerprint, resource or actor) at which historical_frequency reaches 1.
   */
  history_saturation?: number;
}
/**
 * How much each factor counts. The weights sum to 1, so that the score stays in [0, 1]; a factor weighted 0 is ignored.
 */
export interface ScoringWeights {
  severity: Fraction;
  asset_criticality: Fraction;
  historical_frequency: Fraction;
  threat_score: Fraction;
}
/**
 * Lowest score of each severity, descending from critical; below medium is low.
 */
export interface ScoringThresholds {
  critical: Fraction;
  high: Fraction;
  medium: Fraction;
}
export interface SuppressionRule {
  id: Slug;
  /**
   * A CEL condition over event, incident, asset, intel, history, score and severity.
   */
  when: string;
  /**
   * Why this is benign: shown in the decision.
   */
  reason: string;
  /**
   * Who answers for the rule.
   */
  owner: string;
  /**
   * The rule stops applying after this day (UTC) or instant; `irac lint` warns once it has passed.
   */
  expires: string;
}
/**
 * Dynamic thresholds: when the same fingerprint has already opened max_incidents incidents within window, a new one is recorded and aggregated (linked to them) instead of being routed to a playbook again — unless triage scores it above max_severity: a recurring problem that turns serious is always routed.
 */
export interface AggregationConfig {
  max_incidents?: number;
  /**
   * A whole number of milliseconds (ms), seconds (s), minutes (m), hours (h) or days (d).
   */
  window?: string;
  /**
   * The highest severity that may be aggregated; an incident scored above it is routed whatever its history.
   */
  max_severity?: 'low' | 'medium' | 'high';
}
export interface NotificationsConfig {
  escalation_matrix?: EscalationMatrix;
  /**
   * Who each role of the escalation matrix is: the Slack user group mentioned in the incident's thread and the GitHub team mentioned on its ticket. A role without an entry is named in plain text.
   */
  roles?: {
    [k: string]: EscalationRole;
  };
  /**
   * org/team-slug whose active members may acknowledge an incident with a /ack comment on its issue (checked through GitHub's API). Absent: nobody may acknowledge from GitHub.
   */
  ack_team?: string;
}
/**
 * Per incident severity, who is notified in turn while nobody acknowledges: each role after the previous one's timeout.
 */
export interface EscalationMatrix {
  low?: EscalationChain;
  medium?: EscalationChain;
  high?: EscalationChain;
  critical?: EscalationChain;
}
export interface EscalationStep {
  role: SnakeName;
  /**
   * How long this role has to acknowledge before the next one is notified.
   */
  timeout: string;
}
export interface EscalationRole {
  /**
   * Slack's id of a user group, mentioned as <!subteam^ID>.
   */
  slack_user_group?: string;
  /**
   * org/team-slug, mentioned as @org/team-slug.
   */
  github_team?: string;
}
/**
 * How containment and notification actions reach AWS, Slack, GitHub and Jira. Credentials are never written here: they come from the environment (the AWS SDK chain, SLACK_BOT_TOKEN, GITHUB_TOKEN, JIRA_EMAIL and JIRA_API_TOKEN).
 */
export interface ConnectorsConfig {
  aws?: AwsConnectorConfig;
  slack?: SlackConnectorConfig;
  github?: GithubConnectorConfig;
  jira?: JiraConnectorConfig;
}
export interface AwsConnectorConfig {
  /**
   * Account id → the role assumed (through STS) to act in that account. An account not listed is acted in only with credentials that belong to it.
   */
  accounts?: {
    [k: string]: string;
  };
  /**
   * Attempts per API call, the first included, for the SDK's adaptive retry. 5 when absent.
   */
  max_attempts?: number;
}
export interface SlackConnectorConfig {
  /**
   * The Slack Web API base (https://slack.com/api/ when absent; SLACK_API_URL overrides it).
   */
  api_url?: string;
}
export interface GithubConnectorConfig {
  /**
   * Where tickets are opened (GITHUB_REPOSITORY when absent).
   */
  repository?: string;
}
export interface JiraConnectorConfig {
  /**
   * The Jira Cloud site, https://<yours>.atlassian.net.
   */
  base_url: string;
}

/**
 * Playbook test cases, playbooks/tests/<name>.yaml: each case an event (as a vendor sends it) and what the repository's triage and playbooks must make of it — the route, the severity, the approval, and the plan's steps with their parameters and API calls. `irac test` runs them.
 */
export interface PlaybookTestFile {
  /**
   * @minItems 1
   * @maxItems 500
   */
  cases: [PlaybookTestCase, ...PlaybookTestCase[]];
}
/**
 * One event (or several that form one incident) and what must come of it: the payload in `event` or in `event_file`, one of the two.
 */
export interface PlaybookTestCase {
  /**
   * Unique within the file; what `irac test` prints, and a NAME it selects.
   */
  name: string;
  /**
   * The payload inline, in any form `irac normalize` accepts: a vendor's JSON as a mapping, a list or a CloudTrail Records[] file, a repository_dispatch body, or text (one JSON document, or NDJSON).
   */
  event?:
    | {
        [k: string]: unknown;
      }
    | unknown[]
    | string;
  /**
   * A file holding the payload, relative to the repository root: no leading slash, no '..' segment.
   */
  event_file?: string;
  /**
   * The normalizer to use instead of detecting one, as `irac normalize --source`.
   */
  source?:
    | 'guardduty'
    | 'cloudtrail'
    | 'securityhub'
    | 'ocsf'
    | 'falco'
    | 'splunk'
    | 'elastic'
    | 'datadog'
    | 'sentinel'
    | 'generic';
  /**
   * When the incident is recorded, triaged and planned (ISO 8601 with a zone), so that suppression expiries and the incident id do not depend on the day the test runs. The time of the run when absent.
   */
  now?: string;
  expect: PlaybookTestExpectation;
}
/**
 * What triage and planning must decide. Only what is written is checked.
 */
export interface PlaybookTestExpectation {
  /**
   * The decision: routed to a playbook, suppressed by a rule, aggregated with recent incidents, or unrouted (no trigger holds and no default_playbook).
   */
  outcome: 'routed' | 'suppressed' | 'aggregated' | 'unrouted';
  /**
   * The playbook routed to; null when none.
   */
  playbook?: string | null;
  /**
   * The severity triage scores the incident at.
   */
  severity?: 'low' | 'medium' | 'high' | 'critical';
  /**
   * Whether any applying step of the plan waits for a reviewer.
   */
  needs_approval?: boolean;
  /**
   * The GitHub Environment whose reviewers approve the waiting steps; null when nothing waits.
   */
  environment?: string | null;
  /**
   * Steps of the plan, by id. Steps not listed are not checked, unless steps_exact.
   *
   * @maxItems 100
   */
  steps?: PlaybookTestStep[];
  /**
   * The plan has exactly the steps listed, in that order.
   */
  steps_exact?: boolean;
}
export interface PlaybookTestStep {
  /**
   * The step's id in the playbook.
   */
  id: string;
  /**
   * Whether the step applies to the incident (its `when` holds and its parameters resolve).
   */
  applies?: boolean;
  /**
   * Whether the step waits for a reviewer.
   */
  needs_approval?: boolean;
  /**
   * The AWS region the step acts in; null for a step that does not act on AWS.
   */
  region?: string | null;
  /**
   * The AWS account the step acts in; null when the step does not act on AWS or the event names no account.
   */
  account?: string | null;
  /**
   * Parameters the step must have, each equal to the plan's; the others are not checked.
   */
  parameters?: {
    [k: string]: unknown;
  };
  /**
   * API calls the step's plan must contain, each on its target; the others are not checked.
   *
   * @maxItems 100
   */
  calls?: PlaybookTestCall[];
}
export interface PlaybookTestCall {
  /**
   * The API call as the plan names it: ec2:ModifyNetworkInterfaceAttribute, slack:chat.postMessage.
   */
  call: string;
  /**
   * What it acts on: an instance id, a role ARN, a bucket, a channel.
   */
  target: string;
}
