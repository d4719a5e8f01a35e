/**
 * Fixed-window rate limits with IETF draft-8 `RateLimit` / `RateLimit-Policy` headers, in place of express-rate-limit:
 * under command load, its two limiters per /v1 request showed in the main thread's profile (a sha256 of the key for
 * every header's partition key, per-request promise chains, debug and validation calls). The same behaviour:
 * a window of `windowMs` per key from its first hit, `429` through `onLimited` beyond `limit`, and `countOnly`
 * (e.g. failed authentications): every request is counted while it runs and uncounted when it ends otherwise, so
 * a burst of parallel failures cannot overshoot the limit.
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface RateLimitOptions {
  windowMs: number;
  limit: number;
  key(req: Request, res: Response): string;
  /** Only requests whose answer this accepts stay counted (default: all). */
  countOnly?(res: Response): boolean;
  onLimited(req: Request, res: Response): void;
  /** The policy's name in the headers (default `<limit>-in-<window>`, as express-rate-limit names it). */
  name?: string;
}

interface Window {
  hits: number;
  resetAt: number;
  /** The header's partition key (first 12 hex digits of the key's sha256, base64), computed once per window. */
  partition: string;
}

const partitionOf = (key: string) =>
  Buffer.from(createHash('sha256').update(key).digest('hex').slice(0, 12)).toString('base64');

export function fixedWindowRateLimit(options: RateLimitOptions): RequestHandler {
  const { windowMs, limit } = options;
  const windowSeconds = Math.ceil(windowMs / 1000);
  const minutes = windowMs / 60_000;
  const name = options.name ?? `${limit}-in-${minutes >= 1 ? `${minutes}min` : `${windowMs / 1000}sec`}`;
  const windows = new Map<string, Window>();
  // Expired windows are dropped once per window length (memory stays bounded by the keys of one window).
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
  }, windowMs);
  sweeper.unref();

  return (req: Request, res: Response, next: NextFunction) => {
    const key = options.key(req, res);
    const now = Date.now();
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { hits: 0, resetAt: now + windowMs, partition: w?.partition ?? partitionOf(key) };
      windows.set(key, w);
    }
    const window = w;
    window.hits += 1;
    const reset = Math.max(0, Math.ceil((window.resetAt - now) / 1000));
    res.append('RateLimit', `"${name}"; r=${Math.max(limit - window.hits, 0)}; t=${reset}`);
    res.append('RateLimit-Policy', `"${name}"; q=${limit}; w=${windowSeconds}; pk=:${window.partition}:`);
    if (options.countOnly) {
      const countOnly = options.countOnly;
      res.once('finish', () => {
        // A request of an earlier window is not taken off the next one.
        if (!countOnly(res) && windows.get(key) === window && window.resetAt > Date.now()) window.hits -= 1;
      });
    }
    if (window.hits > limit) {
      res.setHeader('Retry-After', String(reset));
      options.onLimited(req, res);
      return;
    }
    next();
  };
}
