/**
 * helmet's headers (Content-Security-Policy, Strict-Transport-Security, X-Frame-Options, …; no X-Powered-By) on
 * every answer, computed ONCE: helmet's default configuration is static, yet `helmet()` as middleware re-derives
 * and re-chains its 13 sub-middlewares on every request, a visible share of the request loop under command load.
 * The headers are taken from helmet itself, so they stay exactly what the installed helmet sets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeaders {
  set: readonly (readonly [string, string])[];
  removed: readonly string[];
}

/** What `helmet(options)` does to a response: the headers it sets and the ones it removes. */
export function helmetHeaders(options?: Readonly<HelmetOptions>): SecurityHeaders {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: unknown) {
      set.push([name, String(value)]);
      return recorder;
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let called = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    called = true;
  });
  // helmet's middleware is synchronous; one that was not would leave some headers unset here.
  if (!called) throw new Error('helmet did not finish synchronously: its headers cannot be computed once');
  return { set, removed };
}

export function securityHeaders(options?: Readonly<HelmetOptions>): RequestHandler {
  const { set, removed } = helmetHeaders(options);
  return (_req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
