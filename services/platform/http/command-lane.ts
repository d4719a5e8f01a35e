/**
 * The command routes — POST {basePath} and POST {basePath}/:caseId/commands/:command of every module, the API's hot
 * path — served by ONE function ahead of the Express app (installCommandLane), which runs the same steps the router
 * would, in the same order, without Express: under command load, Express's routing (about twenty layers matched,
 * three nested routers, params processed per layer) and body-parser were a large share of the request loop's CPU,
 * and Express's per-request set-up a large share of its allocations.
 *
 * Nothing a client sees changes: the steps are the very middleware instances the app mounts for every request
 * (request id, access log, security headers, metrics) and on /v1 (rate limit for failed authentications,
 * authentication, rate limit per subject, the `beforeRoutes` of other features), and the very handlers of
 * routes/commands.ts; an error goes to the app's problem handler as a routed one does. Only the plain
 * cases take the lane — exact lower-case path, no percent-encoding — anything else goes on to the router. The body
 * is read here when it is a plain `application/json` (UTF-8, not compressed, with a Content-Length within the
 * limit); any other body goes through express.json, so its edge cases (charsets, gzip, chunked, too large) are the
 * router's.
 */
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type { ServiceModule } from '../service-module';
import type { CommandHandlers } from './routes/commands';

export interface CommandLaneRoute {
  module: ServiceModule;
  handlers: CommandHandlers;
}

export interface CommandLaneOptions {
  routes: readonly CommandLaneRoute[];
  /** The app's steps for every request (request id, access log, security headers, metrics), in the app's order. */
  appSteps: readonly RequestHandler[];
  /** The /v1 steps before the routes, in the router's order (rate limits, authentication, beforeRoutes). */
  steps: readonly RequestHandler[];
  /** The app's JSON body parser, for the bodies this lane does not read itself. */
  jsonBody: RequestHandler;
  /** The body limit in bytes (the same as jsonBody's). */
  bodyLimitBytes: number;
}

/** The metrics label of a lane route (what routeLabel gives for the routed request: mount path + template). */
export const createRouteLabel = (m: ServiceModule) => m.basePath;
export const commandRouteLabel = (m: ServiceModule) => `${m.basePath}/:caseId/commands/:command`;

type Step = (req: Request, res: Response, next: NextFunction) => unknown;

/** Runs the steps in order as Express would: `next(error)` or a throw / rejection ends the chain in `done(error)`. */
function runSteps(steps: readonly Step[], req: Request, res: Response, done: NextFunction): void {
  let i = 0;
  const next = (error?: unknown) => {
    if (error !== undefined && error !== null && error !== 'route') return done(error);
    const step = steps[i++];
    if (!step) return done();
    try {
      const result = step(req, res, next);
      if (result && typeof (result as Promise<unknown>).then === 'function')
        (result as Promise<unknown>).then(undefined, (e: unknown) => next(e ?? new Error('Rejected promise')));
    } catch (e) {
      next(e);
    }
  };
  next();
}

const PLAIN_JSON = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;

/** body-parser's error shapes, so that the problem handler answers exactly as for express.json's errors. */
function parseFailed(cause: unknown): Error {
  return Object.assign(new Error((cause as Error)?.message ?? 'invalid JSON'), {
    type: 'entity.parse.failed',
    status: 400,
    expose: true,
  });
}

/**
 * Reads a plain JSON body (the caller checked the headers): body-parser's `strict` mode — only an object or an
 * array — and the same `req.body` / `req._body` it sets.
 */
function leanJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  // A client gone mid-body: body-parser's `request.aborted` (400), not a server error.
  req.once('error', (error) =>
    next(
      Object.assign(new Error(`request aborted: ${error.message}`), {
        type: 'request.aborted',
        status: 400,
        expose: true,
      }),
    ),
  );
  req.once('end', () => {
    let text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark, which body-parser's decoder drops

    const first = /^[ \t\n\r]*(.)/.exec(text)?.[1];
    if (first !== '{' && first !== '[') return next(parseFailed(new SyntaxError('not an object or an array')));
    try {
      req.body = JSON.parse(text) as unknown;
    } catch (error) {
      return next(parseFailed(error));
    }
    (req as { _body?: boolean })._body = true;
    next();
  });
}

/**
 * Puts the command lane AHEAD of the Express app: `app.handle` (what `app.listen`'s server and supertest call) first
 * offers each request to the lane, and only the ones it declines enter Express — so a command skips Express's own
 * per-request set-up too (its final handler, the router's state: a large share of the request loop's allocations).
 * The lane sets up the request and response as app.handle does; an error in it goes to `onError` (the app's problem
 * handler).
 */
export function installCommandLane(
  app: Express,
  options: CommandLaneOptions,
  onError: (error: unknown, req: Request, res: Response, next: NextFunction) => void,
): void {
  const bases = options.routes.map((r) => ({
    ...r,
    base: r.module.basePath,
    prefix: `${r.module.basePath}/`,
    createLabel: createRouteLabel(r.module),
    commandLabel: commandRouteLabel(r.module),
  }));
  const appSteps = options.appSteps as readonly Step[];
  const steps = options.steps as readonly Step[];
  type Handle = (req: Request, res: Response, callback?: NextFunction) => void;
  const appWithHandle = app as unknown as { handle: Handle };
  const expressHandle = appWithHandle.handle.bind(app);

  appWithHandle.handle = (req, res, callback) => {
    const toExpress = () => expressHandle(req, res, callback);
    if (req.method !== 'POST') return toExpress();
    const url = req.url;
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (path.includes('%')) return toExpress();
    let handler: Step | undefined;
    let label = '';
    let params: Record<string, string> | undefined;
    for (const b of bases) {
      if (path === b.base || path === b.prefix) {
        handler = b.handlers.create;
        label = b.createLabel;
      } else if (path.startsWith(b.prefix)) {
        const parts = path.slice(b.prefix.length).split('/');
        if (parts[parts.length - 1] === '') parts.pop(); // a trailing slash, as the router allows
        if (parts.length !== 3 || parts[1] !== 'commands' || !parts[0] || !parts[2]) continue;
        params = { caseId: parts[0], command: parts[2] };
        handler = b.handlers.command;
        label = b.commandLabel;
      } else continue;
      break;
    }
    if (!handler) return toExpress();
    // What Express's app.handle and router would have set up.
    req.res = res;
    res.req = req;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    res.locals ??= Object.create(null) as Response['locals'];
    req.originalUrl ??= url;
    req.baseUrl = '';
    res.locals.route = label;
    if (params) req.params = params;
    const length = Number(req.headers['content-length']);
    const plain =
      PLAIN_JSON.test(req.headers['content-type'] ?? '') &&
      req.headers['content-encoding'] === undefined &&
      req.headers['transfer-encoding'] === undefined &&
      length > 0 &&
      length <= options.bodyLimitBytes;
    runSteps([...appSteps, plain ? leanJsonBody : options.jsonBody, ...steps, handler], req, res, (error?: unknown) => {
      if (error === undefined || error === null || error === 'route') return toExpress(); // not expected
      onError(error, req, res, () => {
        // The problem handler declines only an answer already under way: end it.
        if (res.headersSent) res.destroy();
        else res.status(500).end();
      });
    });
  };
}
