/**
 * Errors as `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and `code`
 * (docs/HTTP-CONTRACT.md "Errors"). Domain errors map by class: RuleViolation → 422 (with `rule` and the dates),
 * InvalidState → 409, InvalidCommand → 400; WrongExpectedRevision → 412 (If-Match) or 409;
 * StoreUnavailable, a full or read-only disk, an unreachable MongoDB → 503 (./unavailable.ts).
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { InvalidCommand, InvalidState, RuleViolation, DomainError } from '../../../domain/shared/errors';
import { WrongExpectedRevision } from '../eventstore/port';
import { Unauthenticated } from '../auth/verify-token';
import { InvalidCursor } from '../readstore/cursor';
import { maskIinsIn } from '../observability/logger';
import { unavailableDetail } from './unavailable';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict with the state of the case',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'A rule of the regulation is broken',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export interface FieldError {
  path: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (code: string, detail: string, fields?: FieldError[]) =>
  new HttpProblem(400, code, detail, fields ? { fields } : {});
export const notFound = (detail: string) => new HttpProblem(404, 'not-found', detail);
export const forbidden = (detail: string) => new HttpProblem(403, 'forbidden', detail);

/** A decider's error by class: RuleViolation 422 (with `rule`), InvalidState 409, InvalidCommand and others 400. */
export function domainProblem(error: DomainError): HttpProblem {
  if (error instanceof RuleViolation)
    return new HttpProblem(422, error.code, error.message, { ...error.details, rule: error.rule });
  if (error instanceof InvalidState) return new HttpProblem(409, error.code, error.message, error.details);
  if (error instanceof InvalidCommand) return new HttpProblem(400, error.code, error.message, { fields: error.fields });
  return new HttpProblem(400, error.code, error.message, error.details);
}

/**
 * `?minPosition=` not reached within the wait (read your own writes): answering with the older read model would
 * silently show the caller a state without their own write, so the answer is a retryable 503 instead.
 */
export function projectionBehind(res: Response, position: number, waitedMs: number): HttpProblem {
  res.set('Retry-After', '1');
  return new HttpProblem(
    503,
    'projection-behind',
    `The read models have not yet applied position ${position} (waited ${waitedMs} ms); retry shortly`,
    { minPosition: position },
  );
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [key: string]: unknown;
}

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code', 'instance']);

function problemOf(error: unknown): ProblemBody {
  const base = (status: number, code: string, detail: string, extra: Record<string, unknown> = {}): ProblemBody => {
    // Details never override the problem's own members (a domain detail `status` is the CASE's status).
    const details: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(extra))
      details[RESERVED.has(k) ? `case${k[0]!.toUpperCase()}${k.slice(1)}` : k] = v;
    return {
      ...details,
      type: `https://kezen.kz/problems/${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      code,
    };
  };
  if (error instanceof HttpProblem) return base(error.status, error.code, error.message, error.extra);
  if (error instanceof Unauthenticated) return base(401, error.code, error.message);
  if (error instanceof DomainError) {
    const p = domainProblem(error);
    return base(p.status, p.code, p.message, p.extra);
  }
  if (error instanceof WrongExpectedRevision)
    return base(409, 'concurrent-modification', 'The case changed while the command was decided; retry', {
      currentRevision: error.actual === 'no-stream' ? null : error.actual,
    });
  if (error instanceof InvalidCursor)
    return base(400, 'invalid-cursor', 'The cursor is not one this list returned', {
      fields: [{ path: 'cursor', message: 'invalid' }],
    });
  // StoreUnavailable, SQLite storage errors (disk full, read-only, I/O), MongoDB unreachable (services/platform/http/unavailable.ts).
  const unavailable = unavailableDetail(error);
  if (unavailable !== undefined) return base(503, 'store-unavailable', unavailable);
  // body-parser errors (express.json): malformed JSON, oversized body, wrong charset.
  const e = error as { type?: string; status?: number; expose?: boolean };
  if (e && e.type === 'entity.parse.failed') return base(400, 'malformed-json', 'The request body is not valid JSON');
  if (e && e.type === 'entity.too.large') return base(413, 'body-too-large', 'The request body is too large');
  if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose)
    return base(e.status, 'bad-request', (error as Error).message);
  return base(500, 'internal', 'An unexpected error occurred; it has been logged');
}

export function sendProblem(res: Response, problem: ProblemBody): void {
  res.status(problem.status).type('application/problem+json').json(problem);
}

/** The last middleware: every error becomes problem+json; 5xx are logged (without bodies or personal data). */
export function problemHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    let problem: ProblemBody;
    try {
      problem = problemOf(error);
    } catch (mapping) {
      problem = problemOf(mapping instanceof Error ? new Error(`unmappable error: ${mapping.message}`) : mapping);
    }
    problem.instance = req.originalUrl.split('?')[0];
    if (problem.status >= 500) {
      const err = error as Error;
      const message = maskIinsIn(String(err?.message ?? error));
      const stack = err?.stack ? maskIinsIn(err.stack) : undefined;
      logger.error({ err: { type: err?.name, message, stack }, code: problem.code }, 'request failed');
    }
    sendProblem(res, problem);
  };
}
