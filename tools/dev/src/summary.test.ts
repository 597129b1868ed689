import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from './demo-users';
import { formatSummary } from './summary';

const URLS = {
  storefront: 'http://127.0.0.1:3000',
  console: 'http://127.0.0.1:4566/_local/console/',
  api: 'http://127.0.0.1:4566/_aws/execute-api/api1',
  checkoutApi: 'http://127.0.0.1:4566/_aws/execute-api/rest1/v1/',
  localCloud: 'http://127.0.0.1:4566',
};

describe('formatSummary', () => {
  it('prints each URL on a line of its own, the demo sign-ins and how to stop', () => {
    const text = formatSummary({ urls: URLS, demoUsers: DEMO_USERS, elapsed: '1 min 40 s' });

    expect(text).toContain('The shop is running (started in 1 min 40 s).');
    expect(text).toMatch(/^ {2}Storefront +http:\/\/127\.0\.0\.1:3000$/m);
    expect(text).toMatch(/^ {2}Local console +http:\/\/127\.0\.0\.1:4566\/_local\/console\/$/m);
    expect(text).toMatch(/^ {2}API +http:\/\/127\.0\.0\.1:4566\/_aws\/execute-api\/api1$/m);
    expect(text).toMatch(/^ {2}customer@shop\.example +Customer-Demo-1!$/m);
    expect(text).toMatch(/^ {2}admin@shop\.example +Admin-Demo-123! +admin: edits products, restocks$/m);
    expect(text).toContain('Press Ctrl-C to stop everything.');
  });

  it('says the storefront was left out', () => {
    const { storefront: _none, ...backendOnly } = URLS;

    const text = formatSummary({ urls: backendOnly, demoUsers: DEMO_USERS, elapsed: '50.0 s' });

    expect(text).toMatch(/^ {2}Storefront +\(not started: --no-storefront\)$/m);
  });
});
