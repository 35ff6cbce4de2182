// The connector behind each catalogue action, loaded on first use so that a run which only notifies
// Slack never loads the AWS SDK (the bundled Action starts faster, and carries less it does not run).
// Adding an action is a catalogue file, a module, and one line here; test/connectors/registry.test.ts
// fails while the three disagree.

import { OperationError } from '../errors.js';
import type { ConnectorAction } from './action.js';

// biome-ignore lint/suspicious/noExplicitAny: the registry holds actions of every parameter and record type.
export type AnyConnectorAction = ConnectorAction<any, any>;

const CONNECTORS: ReadonlyMap<string, () => Promise<AnyConnectorAction>> = new Map<
  string,
  () => Promise<AnyConnectorAction>
>([
  ['aws:iam.revoke_role_sessions', async () => (await import('./aws/iam.js')).revokeRoleSessions],
  ['aws:iam.deactivate_access_keys', async () => (await import('./aws/iam.js')).deactivateAccessKeys],
  ['aws:iam.deny_all', async () => (await import('./aws/iam.js')).denyAll],
  ['aws:ec2.isolate_instance', async () => (await import('./aws/ec2-isolate.js')).isolateInstance],
  ['aws:ec2.snapshot_instance', async () => (await import('./aws/ec2-evidence.js')).snapshotInstance],
  ['aws:ec2.tag_resource', async () => (await import('./aws/ec2-evidence.js')).tagResource],
  ['aws:ec2.disable_imds', async () => (await import('./aws/ec2-instance.js')).disableImds],
  [
    'aws:ec2.replace_instance_profile',
    async () => (await import('./aws/ec2-instance.js')).replaceInstanceProfile,
  ],
  ['aws:ec2.protect_instance', async () => (await import('./aws/ec2-instance.js')).protectInstance],
  ['aws:ec2.block_ip', async () => (await import('./aws/ec2-network.js')).blockIp],
  ['aws:autoscaling.standby', async () => (await import('./aws/autoscaling.js')).standbyInstance],
  ['aws:s3.block_public_access', async () => (await import('./aws/s3.js')).blockPublicAccess],
  ['aws:cloudtrail.lookup_events', async () => (await import('./aws/cloudtrail.js')).lookupEvents],
  ['jira:create_issue', async () => (await import('./jira.js')).createIssue],
  ['github:create_issue', async () => (await import('./github.js')).createIssue],
  ['github:comment', async () => (await import('./github.js')).comment],
  ['slack:post_message', async () => (await import('./slack.js')).postMessage],
]);

/** The actions a connector implements, by catalogue name. */
export function connectorNames(): string[] {
  return [...CONNECTORS.keys()];
}

/** The connector for an action the catalogue names (an alias resolved to the action it runs). */
export async function loadConnector(name: string): Promise<AnyConnectorAction> {
  const load = CONNECTORS.get(name);
  if (!load) throw new OperationError(`no connector implements ${name}`);
  return load();
}
