import type { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type IORedis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { verifiedPrincipal } from './gateway-authentication';
import { sendProblem } from './problem-response';

/** Who a request counts against. */
export type ClientKey = (request: Request) => string;

/**
 * The subject of the token the gateway verified for this request (its authentication runs before
 * the limit), else the remote address. Only a verified subject counts: a caller cannot spread its
 * requests over made-up subjects, since an unverifiable token never gets past authentication and
 * a request without one is counted by address.
 */
export const verifiedSubjectOrAddress: ClientKey = (request) => {
  const subject = verifiedPrincipal(request)?.subject;
  return subject ? `sub:${subject}` : `ip:${request.socket.remoteAddress ?? 'unknown'}`;
};

export interface RateLimitOptions {
  readonly redis: IORedis;
  readonly points: number;
  readonly windowSeconds: number;
  /** The Redis key prefix: gateways sharing it share their clients' budgets. */
  readonly keyPrefix: string;
  readonly key?: ClientKey;
  /** Paths that are never limited (the probes). */
  readonly exempt?: (path: string) => boolean;
  readonly logger: Logger;
}

/**
 * `points` requests per client per `windowSeconds`, counted in Redis so every gateway replica
 * shares one budget per client. Every answer carries `RateLimit-Limit`, `RateLimit-Remaining` and
 * `RateLimit-Reset` (seconds); a client over its budget gets 429 problem+json with `Retry-After`.
 * If Redis cannot answer, the gateway fails open: it logs and serves the request unlimited.
 */
export function rateLimit(options: RateLimitOptions) {
  const limiter = new RateLimiterRedis({
    storeClient: options.redis,
    points: options.points,
    duration: options.windowSeconds,
    keyPrefix: options.keyPrefix,
    // Fail at once while Redis is away rather than queueing the request behind a reconnect.
    rejectIfRedisNotReady: true,
  });
  const key = options.key ?? verifiedSubjectOrAddress;
  const exempt = options.exempt ?? (() => false);
  let failingOpen = false;

  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    if (exempt(request.path)) return next();
    try {
      const state = await limiter.consume(key(request));
      if (failingOpen) options.logger.log('rate limiting: Redis answers again; limits apply');
      failingOpen = false;
      setLimitHeaders(response, options.points, state);
      next();
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        setLimitHeaders(response, options.points, outcome);
        const retryAfter = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
        sendProblem(
          response,
          { status: 429, title: 'Too many requests', detail: `At most ${options.points} requests per ${options.windowSeconds} s; retry in ${retryAfter} s.` },
          { 'retry-after': retryAfter },
        );
        return;
      }
      if (!failingOpen) options.logger.warn(`rate limiting is off while Redis cannot answer (failing open): ${(outcome as Error)?.message ?? outcome}`);
      failingOpen = true;
      next();
    }
  };
}

function setLimitHeaders(response: Response, limit: number, state: RateLimiterRes): void {
  response.setHeader('RateLimit-Limit', String(limit));
  response.setHeader('RateLimit-Remaining', String(Math.max(0, state.remainingPoints)));
  response.setHeader('RateLimit-Reset', String(Math.max(0, Math.ceil(state.msBeforeNext / 1000))));
}
