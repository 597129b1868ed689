import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Gateway } from '../core/gateway';
import { silentLogger } from '../core/logger';
import { RESPONSE_ROUTE, ResponseInbox } from './response-inbox';

let gateway: Gateway;
let inbox: ResponseInbox;

beforeEach(async () => {
  gateway = new Gateway({ logger: silentLogger });
  const url = await gateway.listen(0);
  inbox = new ResponseInbox(url);
  gateway.route(RESPONSE_ROUTE, inbox.route);
});

afterEach(() => gateway.close());

const put = (url: string, body: string) => fetch(url, { method: 'PUT', body });

describe('ResponseInbox', () => {
  it('hands over the body a provider PUTs to its ResponseURL, and answers 200 as S3 does', async () => {
    const response = inbox.open();

    const reply = await put(response.url, '{"Status":"SUCCESS"}');

    expect(reply.status).toBe(200);
    expect((await response.body).toString()).toBe('{"Status":"SUCCESS"}');
  });

  it('gives every request a URL of its own under the gateway, with an unguessable token', () => {
    const [first, second] = [inbox.open(), inbox.open()];

    expect(first.url).toMatch(new RegExp(`^${gateway.url}/_local/cloudformation-responses/[A-Za-z0-9_-]{32}$`));
    expect(second.url).not.toBe(first.url);
  });

  it('keeps the first answer when a provider PUTs again', async () => {
    const response = inbox.open();

    await put(response.url, 'first');
    const again = await put(response.url, 'second');

    expect(again.status).toBe(200);
    expect((await response.body).toString()).toBe('first');
  });

  it('refuses a PUT to a token it did not hand out, or to one closed, as an expired presigned URL', async () => {
    const response = inbox.open();
    response.close();

    const replies = await Promise.all([put(response.url, '{}'), put(`${gateway.url}/_local/cloudformation-responses/guessed`, '{}')]);

    expect(replies.map((reply) => reply.status)).toEqual([403, 403]);
    expect(await replies[0]?.text()).toContain('<Code>AccessDenied</Code>');
  });
});
