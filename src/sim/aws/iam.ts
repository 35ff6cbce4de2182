// A stateful IAM for the Query sim: users, roles with their trust policies, inline user and role
// policies, access keys, and the instance profiles EC2 hands a role through. It answers as IAM does — the same error codes (NoSuchEntity 404,
// EntityAlreadyExists 409, MalformedPolicyDocument 400, LimitExceeded 409, ValidationError 400, and
// UnmodifiableEntity for the service-linked and IAM Identity Center roles only AWS may change), names
// unique regardless of case, policy documents URL-encoded in answers — so containment code tested
// against it meets IAM's behaviour, and a test reads back what IAM would now hold.

import { randomBytes } from 'node:crypto';
import { shown } from '../http.js';
import {
  type QueryCaller,
  QueryError,
  type QueryHandler,
  type QueryParams,
  type QueryService,
} from './query.js';
import { el, members, rfc3986Encode, type Xml, xmlJoin } from './xml.js';

export interface IamAccessKeyState {
  readonly accessKeyId: string;
  readonly status: 'Active' | 'Inactive';
  readonly createDate: Date;
}

export interface IamUserState {
  readonly userName: string;
  readonly userId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: Date;
  /** Inline policies by name, as the JSON text that was put (decoded). */
  readonly inlinePolicies: ReadonlyMap<string, string>;
  readonly accessKeys: readonly IamAccessKeyState[];
}

export interface IamRoleState {
  readonly roleName: string;
  readonly roleId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: Date;
  readonly assumeRolePolicyDocument: string;
  readonly maxSessionDuration: number;
  readonly inlinePolicies: ReadonlyMap<string, string>;
}

export interface IamInstanceProfileState {
  readonly instanceProfileName: string;
  readonly instanceProfileId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: Date;
  /** The role's name, when one has been added: a profile holds at most one. */
  readonly roleName: string | null;
}

export interface IamAccessKeySeed {
  /** `AKIA` and 16 or more capitals and digits; unique in the account. */
  readonly accessKeyId?: string;
  readonly createDate?: Date;
}

export interface IamAccessKeySecret {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface IamSim {
  readonly service: QueryService;
  /** Seeds a user, as CreateUser would. */
  createUser(userName: string, path?: string): IamUserState;
  /** Seeds a role, as CreateRole would. */
  createRole(roleName: string, assumeRolePolicyDocument: string, path?: string): IamRoleState;
  /** Seeds an instance profile, as CreateInstanceProfile (and AddRoleToInstanceProfile) would; its ARN. */
  createInstanceProfile(instanceProfileName: string, roleName?: string): string;
  /**
   * Seeds an access key for a user, as CreateAccessKey would; the secret is only shown here. A key id and
   * creation date may be given, so that a scenario's events name keys the account really holds.
   */
  createAccessKey(userName: string, seed?: IamAccessKeySeed): IamAccessKeySecret;
  /** What IAM now holds for a user or role (copies; changing them changes nothing). */
  user(userName: string): IamUserState | undefined;
  role(roleName: string): IamRoleState | undefined;
  instanceProfile(instanceProfileName: string): IamInstanceProfileState | undefined;
  /** The caller an access key stands for, if it is an active key of a user; undefined otherwise. */
  callerOfKey(accessKeyId: string): QueryCaller | 'inactive' | undefined;
}

interface AccessKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  status: 'Active' | 'Inactive';
  readonly createDate: Date;
}

interface User {
  readonly userName: string;
  readonly userId: string;
  readonly path: string;
  readonly createDate: Date;
  readonly inlinePolicies: Map<string, string>;
  readonly accessKeys: AccessKey[];
}

interface Role {
  readonly roleName: string;
  readonly roleId: string;
  readonly path: string;
  readonly createDate: Date;
  assumeRolePolicyDocument: string;
  readonly maxSessionDuration: number;
  readonly inlinePolicies: Map<string, string>;
}

interface InstanceProfile {
  readonly instanceProfileName: string;
  readonly instanceProfileId: string;
  readonly path: string;
  readonly createDate: Date;
  role: Role | null;
}

const NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
// IAM's documented quotas: inline policy characters per user and per role (whitespace not counted),
// and access keys per user.
const USER_POLICY_SIZE = 2048;
const ROLE_POLICY_SIZE = 10240;
const ACCESS_KEYS_PER_USER = 2;
const NAME_PATTERN = /^[\w+=,.@-]+$/;
const PATH_PATTERN = /^\/([\x21-\x7e]{0,510}\/)?$/;

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function randomId(prefix: string, length: number): string {
  return prefix + [...randomBytes(length)].map((byte) => ID_ALPHABET[byte % 32]).join('');
}

function checkName(value: string, member: string, maxLength: number): string {
  if (value.length < 1 || value.length > maxLength) {
    throw new QueryError(
      'ValidationError',
      `1 validation error detected: Value '${shown(value)}' at '${member}' failed to satisfy constraint: ` +
        `Member must have length between 1 and ${maxLength}`,
    );
  }
  if (!NAME_PATTERN.test(value)) {
    throw new QueryError(
      'ValidationError',
      `1 validation error detected: Value '${shown(value)}' at '${member}' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [\\w+=,.@-]+',
    );
  }
  return value;
}

/** Where AWS keeps the roles it alone may change: service-linked roles, and IAM Identity Center's. */
const PROTECTED_ROLE_PATHS = ['/aws-service-role/', '/aws-reserved/'];

function checkPath(value: string | undefined): string {
  if (value === undefined) return '/';
  if (!PATH_PATTERN.test(value)) {
    throw new QueryError('ValidationError', `The specified value for path is invalid: ${shown(value)}`);
  }
  return value;
}

/**
 * IAM's grammar checks that matter to a caller: JSON, an object, a Statement of objects each with an
 * Effect of Allow or Deny and an Action or NotAction. Returns the document's size as IAM counts it.
 */
function checkPolicyDocument(document: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw new QueryError('MalformedPolicyDocument', 'Syntax errors in policy.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new QueryError('MalformedPolicyDocument', 'Syntax errors in policy.');
  }
  const statement: unknown = Object.hasOwn(parsed, 'Statement')
    ? (parsed as { Statement: unknown }).Statement
    : undefined;
  const statements = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  if (statements.length === 0) {
    throw new QueryError('MalformedPolicyDocument', 'Policy document must contain a Statement.');
  }
  for (const entry of statements) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new QueryError('MalformedPolicyDocument', 'Syntax errors in policy.');
    }
    const effect: unknown = Object.hasOwn(entry, 'Effect')
      ? (entry as { Effect: unknown }).Effect
      : undefined;
    if (effect !== 'Allow' && effect !== 'Deny') {
      throw new QueryError('MalformedPolicyDocument', 'Invalid effect: each statement needs Allow or Deny.');
    }
    const hasAction = Object.hasOwn(entry, 'Action') || Object.hasOwn(entry, 'NotAction');
    const hasPrincipal = Object.hasOwn(entry, 'Principal') || Object.hasOwn(entry, 'NotPrincipal');
    if (!hasAction && !hasPrincipal) {
      throw new QueryError('MalformedPolicyDocument', 'Policy statement must contain actions.');
    }
  }
  // IAM does not count whitespace outside strings; re-serializing drops exactly that.
  return JSON.stringify(parsed).length;
}

function paginate<T>(items: readonly T[], params: QueryParams): { page: T[]; more: Xml } {
  const maxItems = Number(params.get('MaxItems') ?? '100');
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000) {
    throw new QueryError('ValidationError', 'MaxItems must be an integer between 1 and 1000.');
  }
  const marker = params.get('Marker');
  const start = marker === undefined ? 0 : Number(marker);
  if (!Number.isInteger(start) || start < 0 || start > items.length) {
    throw new QueryError('ValidationError', 'Invalid Marker.');
  }
  const page = items.slice(start, start + maxItems);
  const next = start + page.length;
  const truncated = next < items.length;
  return {
    page,
    more: xmlJoin(el('IsTruncated', truncated), truncated ? el('Marker', String(next)) : undefined),
  };
}

export function createIamSim(accountId: string): IamSim {
  // Keyed by lower-cased name: IAM names are unique regardless of case, yet keep the case given.
  const users = new Map<string, User>();
  const roles = new Map<string, Role>();
  const instanceProfiles = new Map<string, InstanceProfile>();
  const keys = new Map<string, { key: AccessKey; user: User }>();

  const userArn = (user: User) => `arn:aws:iam::${accountId}:user${user.path}${user.userName}`;
  const roleArn = (role: Role) => `arn:aws:iam::${accountId}:role${role.path}${role.roleName}`;
  const instanceProfileArn = (profile: InstanceProfile) =>
    `arn:aws:iam::${accountId}:instance-profile${profile.path}${profile.instanceProfileName}`;

  const findUser = (userName: string): User => {
    const user = users.get(userName.toLowerCase());
    if (!user) throw new QueryError('NoSuchEntity', `The user with name ${userName} cannot be found.`, 404);
    return user;
  };
  const findRole = (roleName: string): Role => {
    const role = roles.get(roleName.toLowerCase());
    if (!role) throw new QueryError('NoSuchEntity', `The role with name ${roleName} cannot be found.`, 404);
    return role;
  };
  const findInstanceProfile = (name: string): InstanceProfile => {
    const profile = instanceProfiles.get(checkName(name, 'instanceProfileName', 128).toLowerCase());
    if (!profile) throw new QueryError('NoSuchEntity', `Instance Profile ${name} cannot be found.`, 404);
    return profile;
  };
  // UserName left out means the caller's own user, as IAM does for its key and user actions.
  const targetUser = (params: QueryParams, caller: QueryCaller): User => {
    const userName = params.get('UserName');
    if (userName !== undefined) return findUser(checkName(userName, 'userName', 64));
    if (caller.userName === undefined) {
      throw new QueryError('ValidationError', 'Must specify userName when calling with non-User credentials');
    }
    return findUser(caller.userName);
  };

  const createUser = (userName: string, path?: string): User => {
    checkName(userName, 'userName', 64);
    const userPath = checkPath(path);
    if (users.has(userName.toLowerCase())) {
      throw new QueryError('EntityAlreadyExists', `User with name ${userName} already exists.`, 409);
    }
    const user: User = {
      userName,
      userId: randomId('AIDA', 17),
      path: userPath,
      createDate: new Date(),
      inlinePolicies: new Map(),
      accessKeys: [],
    };
    users.set(userName.toLowerCase(), user);
    return user;
  };

  const createRole = (roleName: string, document: string, path?: string): Role => {
    checkName(roleName, 'roleName', 64);
    const rolePath = checkPath(path);
    checkPolicyDocument(document);
    if (roles.has(roleName.toLowerCase())) {
      throw new QueryError('EntityAlreadyExists', `Role with name ${roleName} already exists.`, 409);
    }
    const role: Role = {
      roleName,
      roleId: randomId('AROA', 17),
      path: rolePath,
      createDate: new Date(),
      assumeRolePolicyDocument: document,
      maxSessionDuration: 3600,
      inlinePolicies: new Map(),
    };
    roles.set(roleName.toLowerCase(), role);
    return role;
  };

  const createInstanceProfile = (name: string, path?: string): InstanceProfile => {
    checkName(name, 'instanceProfileName', 128);
    const profilePath = checkPath(path);
    if (instanceProfiles.has(name.toLowerCase())) {
      throw new QueryError('EntityAlreadyExists', `Instance Profile ${name} already exists.`, 409);
    }
    const profile: InstanceProfile = {
      instanceProfileName: name,
      instanceProfileId: randomId('AIPA', 17),
      path: profilePath,
      createDate: new Date(),
      role: null,
    };
    instanceProfiles.set(name.toLowerCase(), profile);
    return profile;
  };

  const addRoleToInstanceProfile = (profile: InstanceProfile, role: Role): void => {
    // A hard quota: an instance profile holds one role, which is all EC2 passes to the instance.
    if (profile.role !== null) {
      throw new QueryError(
        'LimitExceeded',
        'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
        409,
      );
    }
    profile.role = role;
  };

  const createAccessKey = (user: User, seed: IamAccessKeySeed = {}): AccessKey => {
    if (user.accessKeys.length >= ACCESS_KEYS_PER_USER) {
      throw new QueryError(
        'LimitExceeded',
        `Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`,
        409,
      );
    }
    const key: AccessKey = {
      accessKeyId: seed.accessKeyId ?? randomId('AKIA', 16),
      secretAccessKey: randomBytes(30).toString('base64'),
      status: 'Active',
      createDate: seed.createDate ?? new Date(),
    };
    user.accessKeys.push(key);
    keys.set(key.accessKeyId, { key, user });
    return key;
  };

  const findKey = (user: User, accessKeyId: string): AccessKey => {
    const key = user.accessKeys.find((candidate) => candidate.accessKeyId === accessKeyId);
    if (!key) {
      throw new QueryError(
        'NoSuchEntity',
        `The Access Key with id ${shown(accessKeyId)} cannot be found.`,
        404,
      );
    }
    return key;
  };

  const putPolicy = (
    owner: { inlinePolicies: Map<string, string> },
    params: QueryParams,
    kind: 'user' | 'role',
    ownerName: string,
  ): void => {
    const policyName = checkName(params.required('PolicyName'), 'policyName', 128);
    const document = params.required('PolicyDocument');
    const size = checkPolicyDocument(document);
    let total = size;
    for (const [name, other] of owner.inlinePolicies) {
      if (name !== policyName) total += JSON.stringify(JSON.parse(other)).length;
    }
    const limit = kind === 'user' ? USER_POLICY_SIZE : ROLE_POLICY_SIZE;
    if (total > limit) {
      throw new QueryError(
        'LimitExceeded',
        `Maximum policy size of ${limit} bytes exceeded for ${kind} ${ownerName}`,
        409,
      );
    }
    owner.inlinePolicies.set(policyName, document);
  };

  const findPolicy = (
    owner: { inlinePolicies: Map<string, string> },
    params: QueryParams,
    kind: 'user' | 'role',
  ): [string, string] => {
    const policyName = checkName(params.required('PolicyName'), 'policyName', 128);
    const document = owner.inlinePolicies.get(policyName);
    if (document === undefined) {
      throw new QueryError(
        'NoSuchEntity',
        `The ${kind} policy with name ${policyName} cannot be found.`,
        404,
      );
    }
    return [policyName, document];
  };

  const userXml = (user: User) =>
    el(
      'User',
      el('Path', user.path),
      el('UserName', user.userName),
      el('UserId', user.userId),
      el('Arn', userArn(user)),
      el('CreateDate', user.createDate),
    );
  const roleFields = (role: Role) =>
    xmlJoin(
      el('Path', role.path),
      el('RoleName', role.roleName),
      el('RoleId', role.roleId),
      el('Arn', roleArn(role)),
      el('CreateDate', role.createDate),
      el('AssumeRolePolicyDocument', rfc3986Encode(role.assumeRolePolicyDocument)),
      el('MaxSessionDuration', role.maxSessionDuration),
    );
  const roleXml = (role: Role) => el('Role', roleFields(role));
  const instanceProfileXml = (profile: InstanceProfile) =>
    el(
      'InstanceProfile',
      el('Path', profile.path),
      el('InstanceProfileName', profile.instanceProfileName),
      el('InstanceProfileId', profile.instanceProfileId),
      el('Arn', instanceProfileArn(profile)),
      el('CreateDate', profile.createDate),
      members('Roles', profile.role === null ? [] : [roleFields(profile.role)]),
    );
  const roleOf = (params: QueryParams) => findRole(checkName(params.required('RoleName'), 'roleName', 64));
  const sortedNames = (policies: Map<string, string>) => [...policies.keys()].sort();

  /**
   * Put/Get/Delete/List<Kind>Policies: the same four actions on a user's or a role's inline policies.
   * `changeable` refuses a change to an owner only AWS may change.
   */
  const inlinePolicyActions = (
    kind: 'user' | 'role',
    entity: 'User' | 'Role',
    ownerOf: (params: QueryParams) => { owner: { inlinePolicies: Map<string, string> }; name: string },
    changeable: (name: string) => void = () => {},
  ): [string, QueryHandler][] => [
    [
      `Put${entity}Policy`,
      ({ params }) => {
        const { owner, name } = ownerOf(params);
        changeable(name);
        putPolicy(owner, params, kind, name);
        return undefined;
      },
    ],
    [
      `Get${entity}Policy`,
      ({ params }) => {
        const { owner, name } = ownerOf(params);
        const [policyName, document] = findPolicy(owner, params, kind);
        return xmlJoin(
          el(`${entity}Name`, name),
          el('PolicyName', policyName),
          el('PolicyDocument', rfc3986Encode(document)),
        );
      },
    ],
    [
      `Delete${entity}Policy`,
      ({ params }) => {
        const { owner, name } = ownerOf(params);
        changeable(name);
        owner.inlinePolicies.delete(findPolicy(owner, params, kind)[0]);
        return undefined;
      },
    ],
    [
      `List${entity}Policies`,
      ({ params }) => {
        const { page, more } = paginate(sortedNames(ownerOf(params).owner.inlinePolicies), params);
        return xmlJoin(members('PolicyNames', page), more);
      },
    ],
  ];

  const actions = new Map<string, QueryHandler>([
    ['CreateUser', ({ params }) => userXml(createUser(params.required('UserName'), params.get('Path')))],
    ['GetUser', ({ params, caller }) => userXml(targetUser(params, caller))],
    [
      'CreateRole',
      ({ params }) =>
        roleXml(
          createRole(
            params.required('RoleName'),
            params.required('AssumeRolePolicyDocument'),
            params.get('Path'),
          ),
        ),
    ],
    ['GetRole', ({ params }) => roleXml(roleOf(params))],
    [
      'CreateInstanceProfile',
      ({ params }) =>
        instanceProfileXml(createInstanceProfile(params.required('InstanceProfileName'), params.get('Path'))),
    ],
    [
      'GetInstanceProfile',
      ({ params }) => instanceProfileXml(findInstanceProfile(params.required('InstanceProfileName'))),
    ],
    [
      'AddRoleToInstanceProfile',
      ({ params }) => {
        const profile = findInstanceProfile(params.required('InstanceProfileName'));
        addRoleToInstanceProfile(profile, roleOf(params));
        return undefined;
      },
    ],
    ...inlinePolicyActions(
      'role',
      'Role',
      (params) => {
        const role = roleOf(params);
        return { owner: role, name: role.roleName };
      },
      (roleName) => {
        // Service-linked roles and IAM Identity Center's roles belong to the service that made them.
        const { path } = findRole(roleName);
        if (PROTECTED_ROLE_PATHS.some((prefix) => path.startsWith(prefix))) {
          throw new QueryError(
            'UnmodifiableEntity',
            `Cannot perform the operation on the protected role '${roleName}' - this role is only modifiable by AWS`,
          );
        }
      },
    ),
    ...inlinePolicyActions('user', 'User', (params) => {
      const user = findUser(checkName(params.required('UserName'), 'userName', 64));
      return { owner: user, name: user.userName };
    }),
    [
      'CreateAccessKey',
      ({ params, caller }) => {
        const user = targetUser(params, caller);
        const key = createAccessKey(user);
        return el(
          'AccessKey',
          el('UserName', user.userName),
          el('AccessKeyId', key.accessKeyId),
          el('Status', key.status),
          el('SecretAccessKey', key.secretAccessKey),
          el('CreateDate', key.createDate),
        );
      },
    ],
    [
      'ListAccessKeys',
      ({ params, caller }) => {
        const user = targetUser(params, caller);
        const { page, more } = paginate(user.accessKeys, params);
        const metadata = page.map((key) =>
          xmlJoin(
            el('UserName', user.userName),
            el('AccessKeyId', key.accessKeyId),
            el('Status', key.status),
            el('CreateDate', key.createDate),
          ),
        );
        return xmlJoin(members('AccessKeyMetadata', metadata), more);
      },
    ],
    [
      'UpdateAccessKey',
      ({ params, caller }) => {
        const user = targetUser(params, caller);
        const key = findKey(user, params.required('AccessKeyId'));
        const status = params.required('Status');
        if (status !== 'Active' && status !== 'Inactive') {
          throw new QueryError(
            'ValidationError',
            `1 validation error detected: Value '${shown(status)}' at 'status' failed to satisfy constraint: ` +
              'Member must satisfy enum value set: [Active, Inactive, Expired]',
          );
        }
        key.status = status;
        return undefined;
      },
    ],
    [
      'DeleteAccessKey',
      ({ params, caller }) => {
        const user = targetUser(params, caller);
        const key = findKey(user, params.required('AccessKeyId'));
        user.accessKeys.splice(user.accessKeys.indexOf(key), 1);
        keys.delete(key.accessKeyId);
        return undefined;
      },
    ],
  ]);

  const userState = (user: User): IamUserState => ({
    userName: user.userName,
    userId: user.userId,
    arn: userArn(user),
    path: user.path,
    createDate: user.createDate,
    inlinePolicies: new Map(user.inlinePolicies),
    accessKeys: user.accessKeys.map(({ accessKeyId, status, createDate }) => ({
      accessKeyId,
      status,
      createDate,
    })),
  });
  const roleState = (role: Role): IamRoleState => ({
    roleName: role.roleName,
    roleId: role.roleId,
    arn: roleArn(role),
    path: role.path,
    createDate: role.createDate,
    assumeRolePolicyDocument: role.assumeRolePolicyDocument,
    maxSessionDuration: role.maxSessionDuration,
    inlinePolicies: new Map(role.inlinePolicies),
  });

  const instanceProfileState = (profile: InstanceProfile): IamInstanceProfileState => ({
    instanceProfileName: profile.instanceProfileName,
    instanceProfileId: profile.instanceProfileId,
    arn: instanceProfileArn(profile),
    path: profile.path,
    createDate: profile.createDate,
    roleName: profile.role?.roleName ?? null,
  });

  return {
    service: { version: '2010-05-08', namespace: NAMESPACE, actions },
    createUser: (userName, path) => userState(createUser(userName, path)),
    createRole: (roleName, document, path) => roleState(createRole(roleName, document, path)),
    createInstanceProfile(instanceProfileName, roleName) {
      const profile = createInstanceProfile(instanceProfileName);
      if (roleName !== undefined) addRoleToInstanceProfile(profile, findRole(roleName));
      return instanceProfileArn(profile);
    },
    createAccessKey(userName, seed) {
      if (
        seed?.accessKeyId !== undefined &&
        (!/^AKIA[A-Z0-9]{16,124}$/.test(seed.accessKeyId) || keys.has(seed.accessKeyId))
      ) {
        throw new Error(`createAccessKey: "${seed.accessKeyId}" is not a fresh AKIA key id`);
      }
      const { accessKeyId, secretAccessKey } = createAccessKey(findUser(userName), seed);
      return { accessKeyId, secretAccessKey };
    },
    user(userName) {
      const user = users.get(userName.toLowerCase());
      return user && userState(user);
    },
    role(roleName) {
      const role = roles.get(roleName.toLowerCase());
      return role && roleState(role);
    },
    instanceProfile(instanceProfileName) {
      const profile = instanceProfiles.get(instanceProfileName.toLowerCase());
      return profile && instanceProfileState(profile);
    },
    callerOfKey(accessKeyId) {
      const found = keys.get(accessKeyId);
      if (!found) return undefined;
      if (found.key.status !== 'Active') return 'inactive';
      return {
        accessKeyId,
        arn: userArn(found.user),
        userId: found.user.userId,
        userName: found.user.userName,
      };
    },
  };
}
