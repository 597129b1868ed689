import type { Stage, Throttle } from '../model/http-api';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Route-level throttling of a stage as API Gateway applies it: one token bucket per route, holding at most
 * `burstLimit` tokens and refilled at `rateLimit` per second; a request without a token gets 429. The
 * route's `RouteSettings` override the stage's `DefaultRouteSettings`; a route with neither is not throttled
 * (the account-level limits are not emulated).
 *
 * @example
 * const throttler = new RouteThrottler(() => Date.now());
 * if (!throttler.tryAcquire('abc123', stage, 'GET /products')) return GatewayResponses.tooManyRequests();
 */
export class RouteThrottler {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number) {}

  tryAcquire(apiId: string, stage: Stage, routeKey: string): boolean {
    const throttle = stage.routeThrottles.get(routeKey) ?? stage.defaultThrottle;
    if (!throttle) return true;
    const key = `${apiId}/${stage.name}/${routeKey}`;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: throttle.burstLimit, updatedAt: now };
    refill(bucket, throttle, now);
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

function refill(bucket: Bucket, throttle: Throttle, now: number): void {
  const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
  bucket.tokens = Math.min(throttle.burstLimit, bucket.tokens + elapsedSeconds * throttle.rateLimit);
  bucket.updatedAt = now;
}
