import type { DemoUser } from './demo-users';

/** Where a person reaches the running shop. */
export interface ShopUrls {
  /** Absent with `--no-storefront`. */
  readonly storefront?: string;
  readonly console: string;
  readonly api: string;
  readonly checkoutApi: string;
  readonly localCloud: string;
}

/**
 * What `shop-dev start` prints once everything answers: the URLs, the demo sign-ins and how to stop.
 *
 * @example
 * process.stdout.write(formatSummary({ urls, demoUsers: DEMO_USERS, elapsed: '1 min 40 s' }));
 */
export function formatSummary({ urls, demoUsers, elapsed }: { urls: ShopUrls; demoUsers: readonly DemoUser[]; elapsed: string }): string {
  const rows: [string, string][] = [
    ['Storefront', urls.storefront ?? '(not started: --no-storefront)'],
    ['Local console', urls.console],
    ['API', urls.api],
    ['Checkout API', urls.checkoutApi],
    ['Local cloud', `${urls.localCloud} (AWS APIs)`],
  ];
  const email = Math.max(...demoUsers.map((user) => user.email.length));
  return [
    '',
    `The shop is running (started in ${elapsed}).`,
    '',
    ...rows.map(([name, url]) => `  ${name.padEnd(14)} ${url}`),
    '',
    'Demo sign-ins (email / password):',
    ...demoUsers.map(
      (user) => `  ${user.email.padEnd(email)}  ${user.password}${user.admin ? '   admin: edits products, restocks' : ''}`,
    ),
    '',
    'Test cards: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined (any future date, any CVC).',
    'In another shell: eval "$(npx shop-dev env)" points the AWS CLI, the SDK and the storefront variables here.',
    'Press Ctrl-C to stop everything.',
    '',
  ].join('\n');
}
