/**
 * The access log line of every HTTP request, in pino-http's shape (`reqId`, `req` {id, method, url}, `sub`/`roles`,
 * `res` {statusCode}, `responseTime`, msg `request completed`/`request errored`), without pino-http's per-request
 * child loggers: under command load, pino-http built 3–4 child loggers per request (serialising `req` for each)
 * even when the line's level was disabled, a visible share of the server's CPU. Here nothing is built unless the
 * level is enabled. docs/HTTP-CONTRACT.md "Personal data": no bodies, no headers; IIN-like digits in the URL,
 * subject and error masked.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal';
import { maskIinsIn } from './logger';

export function requestLogging(logger: Logger, requestIdOf: (res: Response) => string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = Date.now();
    const done = (err?: unknown) => {
      res.removeListener('close', done);
      res.removeListener('finish', done);
      res.removeListener('error', done);
      const failed = err instanceof Error || res.statusCode >= 500;
      const level = failed ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const id = requestIdOf(res);
      const principal = res.locals.principal as Principal | undefined;
      const line: Record<string, unknown> = {
        reqId: id,
        req: { id, method: req.method, url: maskIinsIn(req.originalUrl) },
        // A subject may itself be an IIN (eGov identities): masked like any IIN-like run.
        ...(principal ? { sub: maskIinsIn(principal.sub), roles: principal.roles } : {}),
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - started,
      };
      if (failed) {
        const error = err instanceof Error ? err : new Error(`failed with status code ${res.statusCode}`);
        line.err = { type: error.name, message: maskIinsIn(error.message) };
        logger[level](line, 'request errored');
      } else logger[level](line, 'request completed');
    };
    res.on('close', done);
    res.on('finish', done);
    res.on('error', done);
    next();
  };
}
