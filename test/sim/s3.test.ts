// The simulated S3 driven by the real @aws-sdk/client-s3: what the block-public-access action will meet.

import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import {
  DeletePublicAccessBlockCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../../src/sim/aws/index.js';
import { adminClient } from '../support/aws-admin.js';
import { rejectionOf } from '../support/rejection.js';

const ACCOUNT = '123456789012';
const OTHER_ACCOUNT = '210987654321';
const REGION = 'eu-west-1';
const NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';
const ALL_BLOCKED = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

let sim: AwsSim;
let s3: S3Client;

const rejection = (promise: Promise<unknown>) => rejectionOf<S3ServiceException>(promise);

/**
 * A request the SDK would never send, signed by the admin's key as far as the sim looks (it reads the
 * access key from the credential scope; it does not verify signatures).
 */
function raw(
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string>; signed?: boolean } = {},
): Promise<Response> {
  const authorization = `AWS4-HMAC-SHA256 Credential=${sim.credentials.accessKeyId}/20260101/${REGION}/s3/aws4_request, SignedHeaders=host, Signature=0`;
  return fetch(`${sim.endpoint}${path}`, {
    method,
    headers: { ...(options.signed === false ? {} : { authorization }), ...options.headers },
    ...(options.body === undefined ? {} : { body: options.body }),
  });
}

/** The CRC32 header the SDK computes for a body, so hostile bodies reach the XML reader. */
function crc32Header(body: string): Record<string, string> {
  const digest = Buffer.alloc(4);
  digest.writeUInt32BE(crc32(Buffer.from(body, 'utf8')));
  return { 'x-amz-checksum-crc32': digest.toString('base64'), 'content-type': 'application/xml' };
}

function configurationXml(inside: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><PublicAccessBlockConfiguration xmlns="${NAMESPACE}">${inside}</PublicAccessBlockConfiguration>`;
}

beforeEach(async () => {
  sim = await startAwsSim({ accountId: ACCOUNT, region: REGION });
  // No forcePathStyle: against an IP endpoint the SDK addresses buckets path-style by itself.
  s3 = adminClient(sim, S3Client);
  sim.s3.createBucket('orders-exports', { policyIsPublic: true });
  sim.s3.createBucket('orders-private', {
    policyIsPublic: false,
    publicAccessBlock: { blockPublicAcls: true, blockPublicPolicy: true },
  });
});

afterEach(async () => {
  s3.destroy();
  await sim.close();
});

describe('public access block', () => {
  it('reads a seeded configuration with every setting, the unseeded ones false', async () => {
    const answer = await s3.send(new GetPublicAccessBlockCommand({ Bucket: 'orders-private' }));
    expect(answer.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: false,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: false,
    });
    expect(answer.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sim.requests.map(({ action, mutating }) => ({ action, mutating }))).toEqual([
      { action: 'GetPublicAccessBlock', mutating: false },
    ]);
  });

  it('answers in S3 namespace, path-style, as the SDK expects from an IP endpoint', async () => {
    const response = await raw('GET', '/orders-private?publicAccessBlock=');
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml');
    expect(text).toContain(`<PublicAccessBlockConfiguration xmlns="${NAMESPACE}">`);
    expect(text).toContain(
      '<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls>',
    );
  });

  it('refuses a bucket without a configuration with NoSuchPublicAccessBlockConfiguration, 404', async () => {
    const error = await rejection(s3.send(new GetPublicAccessBlockCommand({ Bucket: 'orders-exports' })));
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error.name).toBe('NoSuchPublicAccessBlockConfiguration');
    expect(error.message).toBe('The public access block configuration was not found');
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(sim.requests[0]?.errorCode).toBe('NoSuchPublicAccessBlockConfiguration');
  });

  it('stores all four settings put, and a restricted public policy stops being effectively public', async () => {
    expect(sim.s3.bucket('orders-exports')?.effectivelyPublic).toBe(true);
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'orders-exports',
        PublicAccessBlockConfiguration: ALL_BLOCKED,
      }),
    );
    expect(sim.s3.bucket('orders-exports')).toEqual({
      name: 'orders-exports',
      ownerAccountId: ACCOUNT,
      region: REGION,
      publicAccessBlock: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: true,
      },
      policyIsPublic: true,
      effectivelyPublic: false,
    });
    const put = sim.requests.find((request) => request.action === 'PutPublicAccessBlock');
    expect(put).toMatchObject({ mutating: true, status: 200, errorCode: null });
    expect(put?.params.get('Bucket')).toBe('orders-exports');
  });

  it('stores the settings left out of a put as false, replacing the whole configuration', async () => {
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'orders-private',
        PublicAccessBlockConfiguration: { RestrictPublicBuckets: true },
      }),
    );
    expect(sim.s3.bucket('orders-private')?.publicAccessBlock).toEqual({
      blockPublicAcls: false,
      ignorePublicAcls: false,
      blockPublicPolicy: false,
      restrictPublicBuckets: true,
    });
  });

  it('deletes a configuration with 204, and deleting none is no error', async () => {
    const deleted = await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'orders-private' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(sim.s3.bucket('orders-private')?.publicAccessBlock).toBeNull();
    const again = await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'orders-private' }));
    expect(again.$metadata.httpStatusCode).toBe(204);
    const error = await rejection(s3.send(new GetPublicAccessBlockCommand({ Bucket: 'orders-private' })));
    expect(error.name).toBe('NoSuchPublicAccessBlockConfiguration');
    expect(sim.mutatingRequests().map((request) => request.action)).toEqual([
      'DeletePublicAccessBlock',
      'DeletePublicAccessBlock',
    ]);
  });
});

describe('policy status', () => {
  it('reports whether the bucket policy is public, whatever the block settings', async () => {
    const exposed = await s3.send(new GetBucketPolicyStatusCommand({ Bucket: 'orders-exports' }));
    expect(exposed.PolicyStatus?.IsPublic).toBe(true);
    const closed = await s3.send(new GetBucketPolicyStatusCommand({ Bucket: 'orders-private' }));
    expect(closed.PolicyStatus?.IsPublic).toBe(false);

    // The status describes the policy; RestrictPublicBuckets neutralises it without rewriting it.
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'orders-exports',
        PublicAccessBlockConfiguration: ALL_BLOCKED,
      }),
    );
    const restricted = await s3.send(new GetBucketPolicyStatusCommand({ Bucket: 'orders-exports' }));
    expect(restricted.PolicyStatus?.IsPublic).toBe(true);
    expect(sim.s3.bucket('orders-exports')?.effectivelyPublic).toBe(false);
  });

  it('refuses a bucket without a policy with NoSuchBucketPolicy, 404', async () => {
    sim.s3.createBucket('orders-scratch');
    const error = await rejection(s3.send(new GetBucketPolicyStatusCommand({ Bucket: 'orders-scratch' })));
    expect(error.name).toBe('NoSuchBucketPolicy');
    expect(error.message).toBe('The bucket policy does not exist');
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(sim.s3.bucket('orders-scratch')?.effectivelyPublic).toBe(false);
  });
});

describe('buckets and callers', () => {
  it('answers HeadBucket with the bucket region, and a missing bucket with a bodiless 404', async () => {
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'orders-exports' }));
    expect(head.BucketRegion).toBe(REGION);
    expect(head.AccessPointAlias).toBe(false);
    const missing = await rejection(s3.send(new HeadBucketCommand({ Bucket: 'orders-gone' })));
    // A HEAD answer has no body, so the SDK can only name the status.
    expect(missing.name).toBe('NotFound');
    expect(missing.$metadata.httpStatusCode).toBe(404);
    expect(sim.requests.map((request) => [request.action, request.errorCode])).toEqual([
      ['HeadBucket', null],
      ['HeadBucket', 'NoSuchBucket'],
    ]);
  });

  it('refuses a missing bucket with NoSuchBucket and names it', async () => {
    const error = await rejection(
      s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: 'orders-gone',
          PublicAccessBlockConfiguration: ALL_BLOCKED,
        }),
      ),
    );
    expect(error.name).toBe('NoSuchBucket');
    expect(error.message).toBe('The specified bucket does not exist');
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect((error as S3ServiceException & { BucketName?: string }).BucketName).toBe('orders-gone');
    expect(sim.s3.bucket('orders-gone')).toBeUndefined();
  });

  it("refuses another account's bucket, and any bucket whose owner is not the expected one", async () => {
    sim.s3.createBucket('partner-drop', { policyIsPublic: true, ownerAccountId: OTHER_ACCOUNT });
    const foreign = await rejection(
      s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: 'partner-drop',
          PublicAccessBlockConfiguration: ALL_BLOCKED,
        }),
      ),
    );
    expect(foreign.name).toBe('AccessDenied');
    expect(foreign.message).toBe('Access Denied');
    expect(foreign.$metadata.httpStatusCode).toBe(403);
    expect(sim.s3.bucket('partner-drop')?.publicAccessBlock).toBeNull();

    const unexpected = await rejection(
      s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: 'orders-exports',
          ExpectedBucketOwner: OTHER_ACCOUNT,
          PublicAccessBlockConfiguration: ALL_BLOCKED,
        }),
      ),
    );
    expect(unexpected.name).toBe('AccessDenied');
    expect(sim.s3.bucket('orders-exports')?.publicAccessBlock).toBeNull();

    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'orders-exports',
        ExpectedBucketOwner: ACCOUNT,
        PublicAccessBlockConfiguration: ALL_BLOCKED,
      }),
    );
    expect(sim.s3.bucket('orders-exports')?.publicAccessBlock?.restrictPublicBuckets).toBe(true);
    expect(sim.requests.at(-1)?.params.get('ExpectedBucketOwner')).toBe(ACCOUNT);
  });

  it('refuses unsigned callers with AccessDenied and unknown keys with InvalidAccessKeyId, in S3 words', async () => {
    const unsigned = await raw('GET', '/orders-private?publicAccessBlock=', { signed: false });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>AccessDenied</Code>');

    const stranger = new S3Client({
      endpoint: sim.endpoint,
      region: REGION,
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-a-key-the-account-knows' },
    });
    const error = await rejection(
      stranger.send(new GetPublicAccessBlockCommand({ Bucket: 'orders-private' })),
    );
    stranger.destroy();
    expect(error.name).toBe('InvalidAccessKeyId');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses an invalid bucket name with InvalidBucketName, the name escaped in the answer', async () => {
    const response = await raw('GET', '/%3Cscript%3E.Bucket?publicAccessBlock=');
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).toContain('<Code>InvalidBucketName</Code>');
    expect(text).toContain('<BucketName>&lt;script&gt;.Bucket</BucketName>');
    expect(text).not.toContain('<script>');
  });

  it('answers an operation it does not simulate with NotImplemented, logged as a mutation', async () => {
    const error = await rejection(s3.send(new GetBucketPolicyCommand({ Bucket: 'orders-exports' })));
    expect(error.name).toBe('NotImplemented');
    expect(error.$metadata.httpStatusCode).toBe(501);
    expect(sim.requests[0]).toMatchObject({ action: 'UnsupportedS3Operation', mutating: true });
    expect(sim.requests[0]?.params.get('Subresources')).toBe('policy');
  });

  it('writes errors as S3 does: <Error> with Code, Message, BucketName and the request id of its header', async () => {
    const response = await raw('GET', '/orders-exports?publicAccessBlock=');
    const text = await response.text();
    const requestId = response.headers.get('x-amz-request-id');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/xml');
    expect(text).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchPublicAccessBlockConfiguration<\/Code>/,
    );
    expect(text).toContain('<BucketName>orders-exports</BucketName>');
    expect(text).toContain(`<RequestId>${requestId}</RequestId>`);
    expect(response.headers.get('x-amz-id-2')).toMatch(/^[A-Za-z0-9+/=]{44}$/);
  });
});

describe('the configuration document', () => {
  const put = (body: string, headers: Record<string, string> = crc32Header(body)) =>
    raw('PUT', '/orders-exports?publicAccessBlock=', { body, headers });

  it.each([
    [
      'a DOCTYPE with an entity',
      `<!DOCTYPE x [<!ENTITY e "true">]>${configurationXml('<BlockPublicAcls>&e;</BlockPublicAcls>')}`,
    ],
    ['an element S3 does not define', configurationXml('<BlockEverything>true</BlockEverything>')],
    [
      'a setting given twice',
      configurationXml('<BlockPublicAcls>true</BlockPublicAcls><BlockPublicAcls>false</BlockPublicAcls>'),
    ],
    ['a value that is not a boolean', configurationXml('<BlockPublicAcls>yes</BlockPublicAcls>')],
    [
      'another namespace',
      '<PublicAccessBlockConfiguration xmlns="urn:other"></PublicAccessBlockConfiguration>',
    ],
    ['a comment', configurationXml('<!-- c --><BlockPublicAcls>true</BlockPublicAcls>')],
    [
      'an unclosed root',
      `<PublicAccessBlockConfiguration xmlns="${NAMESPACE}"><BlockPublicAcls>true</BlockPublicAcls>`,
    ],
    ['a second document after the first', `${configurationXml('')}<PublicAccessBlockConfiguration/>`],
    ['another root', '<CORSConfiguration></CORSConfiguration>'],
  ])('refuses %s with MalformedXML and stores nothing', async (_, body) => {
    const response = await put(body);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>MalformedXML</Code>');
    expect(sim.s3.bucket('orders-exports')?.publicAccessBlock).toBeNull();
    expect(sim.requests.at(-1)).toMatchObject({ action: 'PutPublicAccessBlock', errorCode: 'MalformedXML' });
  });

  it('takes a document without declaration or namespace, with whitespace, and an empty one as all false', async () => {
    const spaced =
      '<PublicAccessBlockConfiguration>\n  <IgnorePublicAcls> true </IgnorePublicAcls>\n</PublicAccessBlockConfiguration>\n';
    expect((await put(spaced)).status).toBe(200);
    expect(sim.s3.bucket('orders-exports')?.publicAccessBlock?.ignorePublicAcls).toBe(true);
    expect((await put(`<PublicAccessBlockConfiguration xmlns="${NAMESPACE}"/>`)).status).toBe(200);
    expect(sim.s3.bucket('orders-exports')?.publicAccessBlock).toEqual({
      blockPublicAcls: false,
      ignorePublicAcls: false,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
    });
  });

  it('refuses an empty body and one far larger than any configuration', async () => {
    const empty = await put('');
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('<Code>MissingRequestBodyError</Code>');
    const huge = configurationXml(' '.repeat(20_000));
    const big = await put(huge);
    expect(big.status).toBe(400);
    expect(await big.text()).toContain('<Code>MaxMessageLengthExceeded</Code>');
    expect(sim.s3.bucket('orders-exports')?.publicAccessBlock).toBeNull();
  });

  it('requires a checksum, refuses one that does not match, and takes Content-MD5', async () => {
    const body = configurationXml('<RestrictPublicBuckets>true</RestrictPublicBuckets>');
    const bare = await put(body, { 'content-type': 'application/xml' });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain('<Code>InvalidRequest</Code>');

    const forged = await put(body, crc32Header(body.replace('true', 'false')));
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain(
      '<Message>The CRC32 you specified did not match the calculated checksum.</Message>',
    );

    const wrongMd5 = await put(body, { 'content-md5': createHash('md5').update('other').digest('base64') });
    expect(wrongMd5.status).toBe(400);
    expect(await wrongMd5.text()).toContain('<Code>BadDigest</Code>');
    expect(sim.s3.bucket('orders-exports')?.publicAccessBlock).toBeNull();

    const md5 = await put(body, { 'content-md5': createHash('md5').update(body).digest('base64') });
    expect(md5.status).toBe(200);
    expect(sim.s3.bucket('orders-exports')?.publicAccessBlock?.restrictPublicBuckets).toBe(true);
  });

  it('refuses a body that is not the one x-amz-content-sha256 announced', async () => {
    const body = configurationXml('<BlockPublicAcls>true</BlockPublicAcls>');
    const response = await put(body, {
      ...crc32Header(body),
      'x-amz-content-sha256': createHash('sha256').update('something else').digest('hex'),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
    expect(sim.s3.bucket('orders-exports')?.publicAccessBlock).toBeNull();
  });
});

describe('faults', () => {
  it('retries a 503 SlowDown as the SDK does, and the second attempt lands', async () => {
    sim.failNext('PutPublicAccessBlock', {
      status: 503,
      code: 'SlowDown',
      message: 'Please reduce your request rate.',
    });
    const answer = await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'orders-exports',
        PublicAccessBlockConfiguration: ALL_BLOCKED,
      }),
    );
    expect(answer.$metadata.attempts).toBe(2);
    expect(sim.requests.map((request) => [request.action, request.status, request.errorCode])).toEqual([
      ['PutPublicAccessBlock', 503, 'SlowDown'],
      ['PutPublicAccessBlock', 200, null],
    ]);
    expect(sim.s3.bucket('orders-exports')?.effectivelyPublic).toBe(false);
  });

  it('gives up after the maximum attempts and surfaces the S3 error', async () => {
    for (let i = 0; i < 2; i++) {
      sim.failNext('GetBucketPolicyStatus', {
        status: 500,
        code: 'InternalError',
        message: 'We encountered an internal error. Please try again.',
      });
    }
    const client = adminClient(sim, S3Client, { maxAttempts: 2 });
    const error = await rejection(
      client.send(new GetBucketPolicyStatusCommand({ Bucket: 'orders-exports' })),
    );
    client.destroy();
    expect(error.name).toBe('InternalError');
    expect(error.$fault).toBe('server');
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(sim.requests).toHaveLength(2);
  });

  it('lands a fault on the write after an answered read, and a 403 is not retried', async () => {
    sim.failNext('PutPublicAccessBlock', { status: 403, code: 'AccessDenied', message: 'Access Denied' });
    await s3.send(new GetBucketPolicyStatusCommand({ Bucket: 'orders-exports' }));
    const error = await rejection(
      s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: 'orders-exports',
          PublicAccessBlockConfiguration: ALL_BLOCKED,
        }),
      ),
    );
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.attempts).toBe(1);
    expect(sim.s3.bucket('orders-exports')?.publicAccessBlock).toBeNull();
  });
});

describe('seeding', () => {
  it('refuses a bucket name S3 would refuse, and a second bucket of the same name', () => {
    expect(() => sim.s3.createBucket('Orders_Exports')).toThrow('not a valid bucket name');
    expect(() => sim.s3.createBucket('10.0.0.1')).toThrow('not a valid bucket name');
    expect(() => sim.s3.createBucket('orders-exports')).toThrow('already exists');
  });

  it('hands out copies: changing a read-back changes nothing in the bucket', () => {
    const state = sim.s3.bucket('orders-private');
    if (!state?.publicAccessBlock) throw new Error('seeded bucket has a configuration');
    (state.publicAccessBlock as { blockPublicAcls: boolean }).blockPublicAcls = false;
    expect(sim.s3.bucket('orders-private')?.publicAccessBlock?.blockPublicAcls).toBe(true);
  });
});
