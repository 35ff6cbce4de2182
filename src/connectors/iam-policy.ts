// The IAM policy a containment role needs, generated from what the playbooks actually use: each step's
// action declares its permissions in the catalogue (a test holds every call a connector makes to that
// list), so the role can be scoped to exactly this and nothing else.

import type { Playbook } from '../playbooks/playbook.js';

/** The AWS services whose permissions go into the IAM policy; the rest are Slack, GitHub and Jira scopes. */
const AWS_SERVICES = new Set(['autoscaling', 'cloudtrail', 'ec2', 'iam', 's3', 'sts']);

export interface IamPolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly {
    readonly Sid: string;
    readonly Effect: 'Allow';
    readonly Action: readonly string[];
    readonly Resource: '*';
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  }[];
}

export interface RequiredAccess {
  readonly policy: IamPolicyDocument;
  /** Permissions outside AWS (Slack scopes, GitHub token permissions, Jira scopes), by connector. */
  readonly scopes: ReadonlyMap<string, readonly string[]>;
}

const serviceOf = (permission: string): string => permission.slice(0, permission.indexOf(':'));

/** The permissions the steps of these playbooks need: an IAM policy for the AWS ones, scopes for the rest. */
export function requiredAccess(playbooks: readonly Playbook[]): RequiredAccess {
  const aws = new Map<string, Set<string>>();
  const scopes = new Map<string, Set<string>>();
  for (const playbook of playbooks) {
    for (const step of playbook.steps) {
      const connector = step.action.runs.slice(0, step.action.runs.indexOf(':'));
      for (const permission of step.action.permissions) {
        const service = serviceOf(permission);
        if (connector === 'aws' && AWS_SERVICES.has(service)) {
          aws.set(service, (aws.get(service) ?? new Set()).add(permission));
        } else {
          scopes.set(connector, (scopes.get(connector) ?? new Set()).add(permission));
        }
      }
    }
  }
  const statements: IamPolicyDocument['Statement'][number][] = [];
  for (const service of [...aws.keys()].sort()) {
    const actions = [...(aws.get(service) ?? [])].filter((action) => action !== 'iam:PassRole').sort();
    if (actions.length > 0) {
      statements.push({
        Sid: `Irac${service.charAt(0).toUpperCase()}${service.slice(1)}`,
        Effect: 'Allow',
        Action: actions,
        Resource: '*',
      });
    }
  }
  // Passing a role is only ever to EC2, to swap an instance's profile for the quarantine one.
  if (aws.get('iam')?.has('iam:PassRole')) {
    statements.push({
      Sid: 'IracPassRoleToEc2',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: '*',
      Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    });
  }
  return {
    policy: { Version: '2012-10-17', Statement: statements },
    scopes: new Map(
      [...scopes].sort(([a], [b]) => a.localeCompare(b)).map(([name, set]) => [name, [...set].sort()]),
    ),
  };
}
