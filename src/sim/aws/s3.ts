// A simulated S3 limited to what containing a public bucket touches: a bucket's Block Public Access
// configuration (GetPublicAccessBlock, PutPublicAccessBlock, DeletePublicAccessBlock), its policy status
// (GetBucketPolicyStatus) and HeadBucket. It speaks S3's REST-XML as the SDK sends it to an IP endpoint —
// path-style `/{bucket}?publicAccessBlock` — answers in S3's namespace, refuses in S3's `<Error>` shape
// with S3's codes (NoSuchBucket, NoSuchPublicAccessBlockConfiguration, NoSuchBucketPolicy, AccessDenied,
// MalformedXML, BadDigest, …), and verifies the checksum S3 requires on a configuration it is sent, so a
// containment action tested against it meets S3's behaviour and a test reads back what the bucket holds.
//
// What "public" means here, as AWS documents the four settings: a bucket policy that grants access to
// anyone is public, and GetBucketPolicyStatus reports that about the policy itself. RestrictPublicBuckets
// is what neutralises such a policy (only the account's own principals and AWS services keep access), so
// `effectivelyPublic` in the read-back is "public policy and not restricted". BlockPublicPolicy only
// refuses a future PutBucketPolicy with a public policy — it leaves the stored policy in force — and the
// two ACL settings concern ACLs, which this sim does not hold. Account-level settings are not simulated.

import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { type HttpAnswer, shown } from '../http.js';
import { type QueryCaller, QueryError, type RestRequest, type RestRoute, type RestService } from './query.js';
import { el, xmlJoin } from './xml.js';

export interface S3PublicAccessBlock {
  readonly blockPublicAcls: boolean;
  readonly ignorePublicAcls: boolean;
  readonly blockPublicPolicy: boolean;
  readonly restrictPublicBuckets: boolean;
}

export interface S3BucketSeed {
  /** The bucket's Block Public Access configuration; settings left out are false, as S3 stores them. */
  readonly publicAccessBlock?: Partial<S3PublicAccessBlock>;
  /** Whether the bucket's policy grants public access; left out, the bucket has no policy at all. */
  readonly policyIsPublic?: boolean;
  /** The account that owns the bucket; another account's bucket is refused to this account's callers. */
  readonly ownerAccountId?: string;
}

export interface S3BucketState {
  readonly name: string;
  readonly ownerAccountId: string;
  readonly region: string;
  /** Null when the bucket has no configuration (never put, or deleted). */
  readonly publicAccessBlock: S3PublicAccessBlock | null;
  /** Null when the bucket has no policy. */
  readonly policyIsPublic: boolean | null;
  /** Whether the policy still opens the bucket to anyone: a public policy that RestrictPublicBuckets does not restrict. */
  readonly effectivelyPublic: boolean;
}

export interface S3Sim {
  readonly service: RestService;
  /** Seeds a bucket, as CreateBucket (and PutBucketPolicy, PutPublicAccessBlock) would have. */
  createBucket(name: string, seed?: S3BucketSeed): void;
  /** What S3 now holds for a bucket (a copy; changing it changes nothing). */
  bucket(name: string): S3BucketState | undefined;
}

interface Bucket {
  readonly name: string;
  readonly ownerAccountId: string;
  publicAccessBlock: S3PublicAccessBlock | null;
  readonly policyIsPublic: boolean | null;
}

const NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
// The configuration document is about 330 bytes; anything far larger is not one.
const MAX_CONFIGURATION_BYTES = 16 * 1024;
const ACCOUNT_ID = /^[0-9]{12}$/;

// The configuration's elements as S3 names them, in the order S3 writes them.
const SETTINGS: readonly (readonly [string, keyof S3PublicAccessBlock])[] = [
  ['BlockPublicAcls', 'blockPublicAcls'],
  ['IgnorePublicAcls', 'ignorePublicAcls'],
  ['BlockPublicPolicy', 'blockPublicPolicy'],
  ['RestrictPublicBuckets', 'restrictPublicBuckets'],
];
const SETTING_BY_ELEMENT = new Map(SETTINGS);

/** A refusal that names the bucket, as S3's NoSuch… errors do in `<BucketName>`. */
class S3Error extends QueryError {
  constructor(
    code: string,
    message: string,
    status: number,
    readonly bucketName?: string,
  ) {
    super(code, message, status);
  }
}

const accessDenied = () => new S3Error('AccessDenied', 'Access Denied', 403);
const malformedXml = () =>
  new S3Error(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
    400,
  );

// The server refuses unsigned and unknown callers in Query words before S3 is asked; S3 words them so.
const S3_AUTH_REFUSALS: ReadonlyMap<string, () => S3Error> = new Map([
  ['MissingAuthenticationToken', accessDenied],
  [
    'InvalidClientTokenId',
    () =>
      new S3Error(
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        403,
      ),
  ],
  ['ExpiredToken', () => new S3Error('ExpiredToken', 'The provided token has expired.', 400)],
  [
    'InternalFailure',
    () => new S3Error('InternalError', 'We encountered an internal error. Please try again.', 500),
  ],
]);

/**
 * S3's rules for a general purpose bucket's name: 3 to 63 lower-case letters, digits, dots and hyphens,
 * a letter or digit at each end, no `..`, not an IP address, none of the reserved prefixes and suffixes.
 */
function isBucketName(name: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/.test(name) &&
    !/^(?:xn--|sthree-|amzn-s3-demo-)/.test(name) &&
    !/(?:-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)
  );
}

/** The account of a caller, from its IAM user or STS session ARN. */
function accountOf(caller: QueryCaller): string | undefined {
  return /^arn:aws:(?:iam|sts)::([0-9]{12}):/.exec(caller.arn)?.[1];
}

function header(request: RestRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

// The flexible checksums the SDK may send instead of Content-MD5, with how to compute those the sim can.
const CHECKSUMS: readonly (readonly [string, string, ((body: Buffer) => Buffer) | null])[] = [
  ['x-amz-checksum-crc32', 'CRC32', (body) => uint32(crc32(body))],
  ['x-amz-checksum-sha1', 'SHA1', (body) => createHash('sha1').update(body).digest()],
  ['x-amz-checksum-sha256', 'SHA256', (body) => createHash('sha256').update(body).digest()],
  // Node has no CRC32C or CRC64NVME; refused below rather than taken unverified.
  ['x-amz-checksum-crc32c', 'CRC32C', null],
  ['x-amz-checksum-crc64nvme', 'CRC64NVME', null],
];

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
}

/**
 * The integrity checks S3 applies to a request's payload: `x-amz-content-sha256` when it is a digest, and
 * Content-MD5 or an `x-amz-checksum-*` header, one of which S3 requires on a configuration it is sent.
 */
function checkPayload(request: RestRequest, checksumRequired: boolean): void {
  const body = Buffer.from(request.body, 'utf8');
  const contentSha256 = header(request, 'x-amz-content-sha256');
  if (
    contentSha256 !== undefined &&
    /^[0-9a-f]{64}$/.test(contentSha256) &&
    contentSha256 !== createHash('sha256').update(body).digest('hex')
  ) {
    throw new S3Error(
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      400,
    );
  }
  let verified = false;
  const contentMd5 = header(request, 'content-md5');
  if (contentMd5 !== undefined) {
    if (Buffer.from(contentMd5, 'base64').length !== 16) {
      throw new S3Error('InvalidDigest', 'The Content-MD5 you specified is not valid.', 400);
    }
    if (contentMd5 !== createHash('md5').update(body).digest('base64')) {
      throw new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400);
    }
    verified = true;
  }
  for (const [name, algorithm, digest] of CHECKSUMS) {
    const given = header(request, name);
    if (given === undefined) continue;
    if (!digest) {
      throw new S3Error('NotImplemented', `The simulated S3 cannot verify ${algorithm} checksums.`, 501);
    }
    if (given !== digest(body).toString('base64')) {
      throw new S3Error(
        'BadDigest',
        `The ${algorithm} you specified did not match the calculated checksum.`,
        400,
      );
    }
    verified = true;
  }
  if (checksumRequired && !verified) {
    throw new S3Error('InvalidRequest', 'Missing required header for this request: Content-MD5', 400);
  }
}

/**
 * Reads the one document PutPublicAccessBlock carries: an optional XML declaration, the
 * `PublicAccessBlockConfiguration` root (in S3's namespace, if one is named) and up to four boolean
 * settings, each once. Anything else — comments, DOCTYPEs, entities, other elements — is MalformedXML.
 */
function readConfiguration(body: string): S3PublicAccessBlock {
  if (body.trim() === '') throw new S3Error('MissingRequestBodyError', 'Request Body is empty', 400);
  if (Buffer.byteLength(body) > MAX_CONFIGURATION_BYTES) {
    throw new S3Error('MaxMessageLengthExceeded', 'Your request was too big.', 400);
  }
  let rest = body.replace(/^\s*(?:<\?xml[^<>?]*\?>)?\s*/, '');
  const open = /^<PublicAccessBlockConfiguration(?:\s+xmlns="([^"<>]*)")?\s*(\/?)>/.exec(rest);
  if (!open || (open[1] !== undefined && open[1] !== NAMESPACE)) throw malformedXml();
  rest = rest.slice(open[0].length);
  const settings = new Map<keyof S3PublicAccessBlock, boolean>();
  if (open[2] !== '/') {
    for (;;) {
      const element = /^\s*<([A-Za-z]{1,32})>\s*(true|false)\s*<\/\1>/.exec(rest);
      if (!element?.[1]) break;
      const setting = SETTING_BY_ELEMENT.get(element[1]);
      if (!setting || settings.has(setting)) throw malformedXml();
      settings.set(setting, element[2] === 'true');
      rest = rest.slice(element[0].length);
    }
    const close = /^\s*<\/PublicAccessBlockConfiguration>/.exec(rest);
    if (!close) throw malformedXml();
    rest = rest.slice(close[0].length);
  }
  if (rest.trim() !== '') throw malformedXml();
  return {
    blockPublicAcls: settings.get('blockPublicAcls') ?? false,
    ignorePublicAcls: settings.get('ignorePublicAcls') ?? false,
    blockPublicPolicy: settings.get('blockPublicPolicy') ?? false,
    restrictPublicBuckets: settings.get('restrictPublicBuckets') ?? false,
  };
}

function configurationXml(configuration: S3PublicAccessBlock): string {
  const settings = xmlJoin(...SETTINGS.map(([element, setting]) => el(element, configuration[setting])));
  return `${XML_DECLARATION}<PublicAccessBlockConfiguration xmlns="${NAMESPACE}">${settings.xml}</PublicAccessBlockConfiguration>\n`;
}

const xmlAnswer = (xml: string): HttpAnswer => ({
  status: 200,
  headers: { 'content-type': 'application/xml' },
  body: xml,
});

/** One bucket-level operation: which request it is, and what it does to the bucket. */
interface Operation {
  readonly name: string;
  readonly checksumRequired?: boolean;
  readonly answer: (bucket: Bucket, request: RestRequest) => HttpAnswer;
}

export function createS3Sim(accountId: string, region: string): S3Sim {
  const buckets = new Map<string, Bucket>();

  const operations = new Map<string, Operation>([
    [
      'GET publicAccessBlock',
      {
        name: 'GetPublicAccessBlock',
        answer: (bucket) => {
          if (!bucket.publicAccessBlock) {
            throw new S3Error(
              'NoSuchPublicAccessBlockConfiguration',
              'The public access block configuration was not found',
              404,
              bucket.name,
            );
          }
          return xmlAnswer(configurationXml(bucket.publicAccessBlock));
        },
      },
    ],
    [
      'PUT publicAccessBlock',
      {
        name: 'PutPublicAccessBlock',
        checksumRequired: true,
        answer: (bucket, request) => {
          bucket.publicAccessBlock = readConfiguration(request.body);
          return { status: 200 };
        },
      },
    ],
    [
      'DELETE publicAccessBlock',
      {
        name: 'DeletePublicAccessBlock',
        // S3 answers 204 whether or not there was a configuration to delete.
        answer: (bucket) => {
          bucket.publicAccessBlock = null;
          return { status: 204 };
        },
      },
    ],
    [
      'GET policyStatus',
      {
        name: 'GetBucketPolicyStatus',
        answer: (bucket) => {
          if (bucket.policyIsPublic === null) {
            throw new S3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, bucket.name);
          }
          const status = el('IsPublic', bucket.policyIsPublic);
          return xmlAnswer(
            `${XML_DECLARATION}<PolicyStatus xmlns="${NAMESPACE}">${status.xml}</PolicyStatus>\n`,
          );
        },
      },
    ],
    [
      'HEAD ',
      {
        name: 'HeadBucket',
        answer: () => ({
          status: 200,
          headers: { 'x-amz-bucket-region': region, 'x-amz-access-point-alias': 'false' },
        }),
      },
    ],
  ]);

  /** The bucket a caller names, if it exists and the caller may act on it; S3's refusal otherwise. */
  const bucketFor = (name: string, caller: QueryCaller, expectedOwner: string | undefined): Bucket => {
    if (!isBucketName(name)) {
      throw new S3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, shown(name));
    }
    const bucket = buckets.get(name);
    if (!bucket) throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, name);
    // Without a bucket policy granting it, another account's bucket is closed to this account's callers;
    // and x-amz-expected-bucket-owner turns a bucket owned by someone else into the same 403.
    if (accountOf(caller) !== bucket.ownerAccountId) throw accessDenied();
    if (expectedOwner !== undefined && expectedOwner !== bucket.ownerAccountId) throw accessDenied();
    return bucket;
  };

  const route = (request: RestRequest): RestRoute | undefined => {
    // Bucket-level requests only: object paths and the service root belong to no operation here.
    const name = /^\/([^/]+)\/?$/.exec(request.path)?.[1];
    if (name === undefined) return undefined;
    const subresource = ['publicAccessBlock', 'policyStatus'].find((key) => request.query.has(key)) ?? '';
    const operation = operations.get(`${request.method} ${subresource}`);
    const expectedOwner = header(request, 'x-amz-expected-bucket-owner');
    const params = new Map([['Bucket', shown(name)]]);
    if (expectedOwner !== undefined) params.set('ExpectedBucketOwner', shown(expectedOwner));
    if (!operation) {
      // Logged as a mutation: a request the sim cannot classify is not a proven read.
      params.set('Method', shown(request.method));
      params.set('Subresources', shown([...request.query.keys()].join('&')));
      return {
        operation: 'UnsupportedS3Operation',
        params,
        answer: () => {
          throw new S3Error(
            'NotImplemented',
            'A header you provided implies functionality that is not implemented',
            501,
          );
        },
      };
    }
    return {
      operation: operation.name,
      params,
      answer: (caller) => {
        const bucket = bucketFor(name, caller, expectedOwner);
        checkPayload(request, operation.checksumRequired ?? false);
        return operation.answer(bucket, request);
      },
    };
  };

  const error = (refusal: QueryError, requestId: string): HttpAnswer => {
    const s3 = refusal instanceof S3Error ? refusal : (S3_AUTH_REFUSALS.get(refusal.code)?.() ?? refusal);
    const bucketName = s3 instanceof S3Error ? s3.bucketName : undefined;
    const hostId = randomBytes(32).toString('base64');
    const body = el(
      'Error',
      el('Code', s3.code),
      el('Message', s3.message),
      bucketName === undefined ? undefined : el('BucketName', bucketName),
      el('RequestId', requestId),
      el('HostId', hostId),
    );
    return {
      status: s3.status,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': hostId },
      body: `${XML_DECLARATION}${body.xml}\n`,
    };
  };

  return {
    service: { route, error },
    createBucket(name, seed = {}) {
      if (!isBucketName(name)) throw new Error(`createBucket: "${name}" is not a valid bucket name`);
      if (buckets.has(name)) throw new Error(`createBucket: ${name} already exists`);
      const ownerAccountId = seed.ownerAccountId ?? accountId;
      if (!ACCOUNT_ID.test(ownerAccountId)) {
        throw new Error(`createBucket: owner must be twelve digits, got "${ownerAccountId}"`);
      }
      const block = seed.publicAccessBlock;
      buckets.set(name, {
        name,
        ownerAccountId,
        publicAccessBlock: block
          ? {
              blockPublicAcls: block.blockPublicAcls ?? false,
              ignorePublicAcls: block.ignorePublicAcls ?? false,
              blockPublicPolicy: block.blockPublicPolicy ?? false,
              restrictPublicBuckets: block.restrictPublicBuckets ?? false,
            }
          : null,
        policyIsPublic: seed.policyIsPublic ?? null,
      });
    },
    bucket(name) {
      const bucket = buckets.get(name);
      if (!bucket) return undefined;
      return {
        name: bucket.name,
        ownerAccountId: bucket.ownerAccountId,
        region,
        publicAccessBlock: bucket.publicAccessBlock && { ...bucket.publicAccessBlock },
        policyIsPublic: bucket.policyIsPublic,
        effectivelyPublic:
          bucket.policyIsPublic === true && !(bucket.publicAccessBlock?.restrictPublicBuckets ?? false),
      };
    },
  };
}
