import { describe, expect, it } from 'vitest';
import type { Stage } from '../model/http-api';
import { RouteThrottler } from './throttle';

const stage = (settings: Partial<Pick<Stage, 'defaultThrottle'>> & { routes?: Record<string, { burstLimit: number; rateLimit: number }> } = {}): Stage => ({
  name: '$default',
  variables: {},
  ...(settings.defaultThrottle && { defaultThrottle: settings.defaultThrottle }),
  routeThrottles: new Map(Object.entries(settings.routes ?? {})),
});

function clockAt(start: number) {
  const clock = { now: start, advance: (ms: number) => (clock.now += ms) };
  return clock;
}

describe('RouteThrottler', () => {
  it('lets a burst through, then refills tokens at the rate limit', () => {
    const clock = clockAt(0);
    const throttler = new RouteThrottler(() => clock.now);
    const throttled = stage({ defaultThrottle: { burstLimit: 2, rateLimit: 1 } });
    const take = () => throttler.tryAcquire('api', throttled, 'GET /products');

    const burst = [take(), take(), take()];
    clock.advance(1_000);
    const afterOneSecond = [take(), take()];

    expect(burst).toEqual([true, true, false]);
    expect(afterOneSecond).toEqual([true, false]);
  });

  it('never holds more tokens than the burst limit, however long the route was idle', () => {
    const clock = clockAt(0);
    const throttler = new RouteThrottler(() => clock.now);
    const throttled = stage({ defaultThrottle: { burstLimit: 2, rateLimit: 100 } });
    throttler.tryAcquire('api', throttled, 'GET /products');

    clock.advance(60_000);
    const taken = Array.from({ length: 3 }, () => throttler.tryAcquire('api', throttled, 'GET /products'));

    expect(taken).toEqual([true, true, false]);
  });

  it('refuses every request on a route throttled to zero', () => {
    const throttler = new RouteThrottler(() => 0);

    expect(throttler.tryAcquire('api', stage({ routes: { 'POST /checkout': { burstLimit: 0, rateLimit: 0 } } }), 'POST /checkout')).toBe(false);
  });

  it('does not throttle a route without settings', () => {
    const throttler = new RouteThrottler(() => 0);

    const taken = Array.from({ length: 100 }, () => throttler.tryAcquire('api', stage(), 'GET /products'));

    expect(taken.every(Boolean)).toBe(true);
  });
});
