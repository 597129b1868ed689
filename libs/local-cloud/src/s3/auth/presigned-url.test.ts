import { describe, expect, it } from 'vitest';
import { verifyPresignedRequest } from './presigned-url';
import { parseQuery } from './sigv4';

// The presigned GET example of the S3 documentation ("Authenticating Requests: Using Query Parameters").
const EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  query:
    'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
    '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
    '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
};

const request = (query = EXAMPLE.query, rawPath = '/test.txt') => ({
  method: 'GET',
  rawPath,
  query: parseQuery(query),
  headers: { host: 'examplebucket.s3.amazonaws.com' },
});
const policy = (now: string, credentials = new Map([[EXAMPLE.accessKeyId, EXAMPLE.secret]])) => ({ credentials, region: 'us-east-1', now: new Date(now) });

describe('verifyPresignedRequest', () => {
  it('accepts the documented example within its validity', () => {
    expect(() => verifyPresignedRequest(request(), policy('2013-05-24T12:00:00Z'))).not.toThrow();
  });

  it('refuses it once X-Amz-Expires has passed', () => {
    const check = () => verifyPresignedRequest(request(), policy('2013-05-25T00:00:01Z'));

    expect(check).toThrow(expect.objectContaining({ code: 'AccessDenied', status: 403, message: 'Request has expired' }));
  });

  it('refuses a changed path or a lengthened expiry as SignatureDoesNotMatch', () => {
    const otherKey = () => verifyPresignedRequest(request(EXAMPLE.query, '/other.txt'), policy('2013-05-24T12:00:00Z'));
    const longer = () => verifyPresignedRequest(request(EXAMPLE.query.replace('X-Amz-Expires=86400', 'X-Amz-Expires=86401')), policy('2013-05-24T12:00:00Z'));

    expect(otherKey).toThrow(expect.objectContaining({ code: 'SignatureDoesNotMatch', status: 403 }));
    expect(longer).toThrow(expect.objectContaining({ code: 'SignatureDoesNotMatch', status: 403 }));
  });

  it('refuses an access key it does not know', () => {
    const check = () => verifyPresignedRequest(request(), policy('2013-05-24T12:00:00Z', new Map()));

    expect(check).toThrow(expect.objectContaining({ code: 'InvalidAccessKeyId', status: 403 }));
  });

  it('refuses a URL without its authentication parameters, or signed for another region', () => {
    const partial = () => verifyPresignedRequest(request(EXAMPLE.query.replace(/&X-Amz-Expires=\d+/, '')), policy('2013-05-24T12:00:00Z'));
    const elsewhere = () => verifyPresignedRequest(request(), { ...policy('2013-05-24T12:00:00Z'), region: 'eu-west-1' });

    expect(partial).toThrow(expect.objectContaining({ code: 'AuthorizationQueryParametersError', status: 400 }));
    expect(elsewhere).toThrow(expect.objectContaining({ code: 'AuthorizationQueryParametersError', details: { Region: 'eu-west-1' } }));
  });
});
