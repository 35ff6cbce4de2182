// STS for the Query sim: GetCallerIdentity for whoever signed, and AssumeRole handing out temporary
// credentials (ASIA… key, secret, session token, expiry) for roles the IAM sim holds. The sessions it
// issues are then accepted as callers until they expire, as STS credentials are.

import { randomBytes } from 'node:crypto';
import type { IamSim } from './iam.js';
import { type QueryCaller, QueryError, type QueryHandler, type QueryService } from './query.js';
import { el, xmlJoin } from './xml.js';

export interface StsSession {
  readonly accessKeyId: string;
  readonly sessionToken: string;
  readonly roleArn: string;
  readonly roleSessionName: string;
  readonly expiration: Date;
}

export interface StsSim {
  readonly service: QueryService;
  /** Every session AssumeRole has issued, in order. */
  readonly sessions: readonly StsSession[];
  /** The caller a session key stands for; 'expired' past its expiry, 'invalid' with a wrong token. */
  callerOfSession(
    accessKeyId: string,
    sessionToken: string | null,
  ): QueryCaller | 'expired' | 'invalid' | undefined;
}

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

export function createStsSim(accountId: string, iam: IamSim): StsSim {
  const sessions: (StsSession & { readonly caller: QueryCaller })[] = [];

  const actions = new Map<string, QueryHandler>([
    [
      'GetCallerIdentity',
      ({ caller }) => xmlJoin(el('Arn', caller.arn), el('UserId', caller.userId), el('Account', accountId)),
    ],
    [
      'AssumeRole',
      ({ params }) => {
        const roleArn = params.required('RoleArn');
        const roleSessionName = params.required('RoleSessionName');
        if (!SESSION_NAME.test(roleSessionName)) {
          throw new QueryError(
            'ValidationError',
            "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: " +
              'Member must satisfy regular expression pattern: [\\w+=,.@-]*',
          );
        }
        const seconds = Number(params.get('DurationSeconds') ?? '3600');
        const role = iam.role(roleArn.slice(roleArn.lastIndexOf('/') + 1));
        if (!role || role.arn !== roleArn) {
          // What STS says when the role is missing or its trust policy does not name the caller.
          throw new QueryError('AccessDenied', `Not authorized to perform sts:AssumeRole on ${roleArn}`, 403);
        }
        if (!Number.isInteger(seconds) || seconds < 900 || seconds > role.maxSessionDuration) {
          throw new QueryError(
            'ValidationError',
            `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`,
          );
        }
        const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
        const session = {
          accessKeyId,
          sessionToken: randomBytes(48).toString('base64'),
          roleArn,
          roleSessionName,
          expiration: new Date(Date.now() + seconds * 1000),
          caller: {
            accessKeyId,
            arn: `arn:aws:sts::${accountId}:assumed-role/${role.roleName}/${roleSessionName}`,
            userId: `${role.roleId}:${roleSessionName}`,
          },
        };
        sessions.push(session);
        return xmlJoin(
          el(
            'Credentials',
            el('AccessKeyId', session.accessKeyId),
            el('SecretAccessKey', randomBytes(30).toString('base64')),
            el('SessionToken', session.sessionToken),
            el('Expiration', session.expiration),
          ),
          el('AssumedRoleUser', el('AssumedRoleId', session.caller.userId), el('Arn', session.caller.arn)),
        );
      },
    ],
  ]);

  return {
    service: { version: '2011-06-15', namespace: NAMESPACE, actions },
    sessions,
    callerOfSession(accessKeyId, sessionToken) {
      const session = sessions.find((candidate) => candidate.accessKeyId === accessKeyId);
      if (!session) return undefined;
      if (session.sessionToken !== sessionToken) return 'invalid';
      if (session.expiration.getTime() <= Date.now()) return 'expired';
      return session.caller;
    },
  };
}
