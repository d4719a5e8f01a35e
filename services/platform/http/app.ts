/**
 * The Express 5 app of the public HTTP contract (docs/HTTP-CONTRACT.md), built from the service modules and the ports.
 * Express 5 forwards rejected promises of async handlers to the error handler, so handlers simply throw.
 *
 *   the command routes of every module, ahead of Express (./command-lane.ts: the steps below and the routes' own
 *     handlers, without the router)
 *   → request id → access log (observability/http-log.ts: no bodies, no IINs) → helmet's headers → metrics
 *   → JSON body (size limit)
 *   → public: /healthz /readyz /metrics /openapi.json /docs /v1/calendar /v1/dev (embedded only)
 *   → /v1 (bearer token, rate limit per token, minPosition wait): modules' command and query routes, /v1/audit,
 *     extra routes
 *   → 404 → problem+json
 */
import { existsSync } from 'node:fs';
import bytes from 'bytes';
import express, {
  Router,
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Logger } from 'pino';
import { v4 as uuidv4 } from 'uuid';
import type { KezenCalendar } from '../../../domain/calendar/calendar';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/verify-token';
import type { EventStore } from '../eventstore/port';
import { requestLogging } from '../observability/http-log';
import type { KezenMetrics } from '../observability/metrics';
import type { CaseQueries, CommandService } from '../ports';
import type { ServiceModule } from '../service-module';
import { authenticate, minPositionOf } from './context';
import { installCommandLane } from './command-lane';
import { buildOpenApi, type OpenApiOptions } from './openapi';
import { HttpProblem, problemHandler, projectionBehind, sendProblem } from './problem';
import { fixedWindowRateLimit } from './rate-limit';
import { auditRoutes } from './routes/audit';
import { calendarRoutes } from './routes/calendar';
import { commandHandlers, commandRoutes } from './routes/commands';
import { devRoutes, type DevRouteDeps } from './routes/dev';
import { docsRoutes } from './routes/docs';
import { opsRoutes, type ReadinessCheck } from './routes/ops';
import { queryRoutes } from './routes/queries';
import { securityHeaders } from './security-headers';

export interface AppDeps {
  modules: readonly ServiceModule[];
  eventStore: EventStore;
  commands: CommandService;
  queries: CaseQueries;
  calendar: KezenCalendar;
  verifyToken: TokenVerifier;
  logger: Logger;
  metrics: KezenMetrics;
  readiness: () => Promise<ReadinessCheck[]>;
  beforeScrape?: () => Promise<void>;
  clock?: () => Date;
  /** Max JSON body (default 256kb). */
  bodyLimit?: string;
  /** Requests per minute per token subject (default 6000). */
  rateLimitPerMinute?: number;
  /** How long reads wait for the projector (minPosition / own position), default 2000 ms. */
  waitTimeoutMs?: number;
  /** Embedded default only: token minting for the web UI. */
  dev?: DevRouteDeps;
  /** The built web UI (web/dist), served at `/` when present. */
  webRoot?: string;
  /**
   * Middleware of other features that must see every /v1 request after authentication and before the routes
   * (e.g. the access log, which records investigators' and auditors' case reads before they are answered).
   */
  beforeRoutes?: readonly RequestHandler[];
  /** Routes of other features (monitoring feed, dashboard), mounted on /v1 after authentication. */
  extraRoutes?: (v1: Router) => void;
  /** Routes other features add to each module, mounted at its basePath after the module's own (time travel). */
  serviceRoutes?: (module: ServiceModule) => readonly Router[];
  /** The OpenAPI description of `extraRoutes` (every served route is documented: services/platform/http/openapi.test.ts). */
  openApiExtra?: OpenApiOptions['extra'];
  version?: string;
}

/**
 * A bounded label for metrics: the matched route's template (`/v1/privatization/cases/:caseId/timeline`) behind its
 * literal mount path, never a value the client sent — a path parameter may be an IIN or a name (docs/HTTP-CONTRACT.md
 * "Personal data": no personal data in metrics), and free text would make the label set unbounded. Unmatched: one
 * label.
 */
function routeLabel(req: Request): string {
  if (!req.route) return 'unmatched';
  const template = String((req.route as { path: unknown }).path)
    .split('/')
    .filter(Boolean);
  const sent = (req.originalUrl.split('?')[0] ?? '').split('/').filter(Boolean);
  const mount = sent.slice(0, Math.max(0, sent.length - template.length));
  return `/${[...mount, ...template].join('/')}`;
}

export function createApp(deps: AppDeps): Express {
  const clock = deps.clock ?? (() => new Date());
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');

  // The steps of every request; the command lane (ahead of the app) runs them itself.
  const appSteps: RequestHandler[] = [
    (req: Request, res: Response, next: NextFunction) => {
      const given = req.get('x-request-id');
      const id = given && /^[A-Za-z0-9._-]{1,100}$/.test(given) ? given : uuidv4();
      res.locals.requestId = id;
      res.set('X-Request-Id', id);
      next();
    },
    requestLogging(deps.logger, (res) => res.locals.requestId as string),
    securityHeaders(), // helmet's headers, computed once
    (req: Request, res: Response, next: NextFunction) => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        deps.metrics.httpDuration.observe(
          // The command lane names its route itself (it does not go through the router).
          {
            method: req.method,
            route: (res.locals.route as string | undefined) ?? routeLabel(req),
            status: String(res.statusCode),
          },
          Number(process.hrtime.bigint() - started) / 1e9,
        );
      });
      next();
    },
  ];
  const bodyLimit = deps.bodyLimit ?? '256kb';
  const jsonBody = express.json({ limit: bodyLimit, strict: true, type: ['application/json', 'application/*+json'] });

  const tooMany = (req: Request, res: Response) =>
    sendProblem(res, {
      type: 'https://kezen.kz/problems/rate-limited',
      title: 'Too many requests',
      status: 429,
      detail: 'Too many requests for this token; retry after the time in RateLimit headers',
      code: 'rate-limited',
      instance: req.originalUrl.split('?')[0],
    });
  // Without a valid token there is no subject to count by: failed authentications are counted per IP (config
  // KEZEN_RATE_LIMIT_PER_MINUTE "or per IP without a token"), so token guessing and floods of bad tokens are bounded.
  const perIpOnFailure = fixedWindowRateLimit({
    windowMs: 60_000,
    limit: deps.rateLimitPerMinute ?? 6000,
    key: (req) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? '', 56),
    countOnly: (res) => res.statusCode === 401,
    onLimited: tooMany,
  });
  const perSubject = fixedWindowRateLimit({
    windowMs: 60_000,
    limit: deps.rateLimitPerMinute ?? 6000,
    key: (_req, res) => `sub:${(res.locals.principal as Principal).sub}`,
    onLimited: tooMany,
  });
  const authSteps = [perIpOnFailure, authenticate(deps.verifyToken), perSubject];
  // Every /v1 request, in this order, before its route (and the minPosition wait, for GETs only) — the command lane
  // runs the same list.
  const beforeV1Routes = [...authSteps, ...(deps.beforeRoutes ?? [])];
  const handlersOf = new Map(
    deps.modules.map((m) => [m, commandHandlers(m, { commands: deps.commands, metrics: deps.metrics, clock })]),
  );
  // The command routes' hot path (./command-lane.ts): the same steps and handlers, ahead of Express's router.
  const problems = problemHandler(deps.logger);
  installCommandLane(
    app,
    {
      routes: deps.modules.map((module) => ({ module, handlers: handlersOf.get(module)! })),
      appSteps,
      steps: beforeV1Routes,
      jsonBody,
      bodyLimitBytes: bytes.parse(bodyLimit) ?? 262_144,
    },
    problems,
  );
  app.use(appSteps);
  app.use(jsonBody);

  app.use(opsRoutes({ metrics: deps.metrics, readiness: deps.readiness, beforeScrape: deps.beforeScrape }));
  const openapi = buildOpenApi(deps.modules, {
    version: deps.version ?? '1.0.0',
    dev: deps.dev !== undefined,
    extra: deps.openApiExtra,
  });
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use('/docs', docsRoutes());
  app.use('/v1/calendar', calendarRoutes(deps.calendar));
  if (deps.dev) app.use('/v1/dev', devRoutes(deps.dev));

  const v1 = Router();
  v1.use(authSteps);
  const waitTimeoutMs = deps.waitTimeoutMs ?? 2000;
  // Read your own writes on EVERY query route, the extra routes included (dashboard, complaints, investigation):
  // `?minPosition=<position a command returned>` waits briefly until the projections have applied it.
  v1.use(async (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const position = minPositionOf(req);
      if (position !== undefined && position > 0 && !(await deps.queries.waitForPosition(position, waitTimeoutMs)))
        throw projectionBehind(res, position, waitTimeoutMs);
    }
    next();
  });
  for (const handler of deps.beforeRoutes ?? []) v1.use(handler);
  for (const m of deps.modules) {
    const path = m.basePath.replace(/^\/v1/, '');
    v1.use(path, commandRoutes(handlersOf.get(m)!));
    v1.use(path, queryRoutes(m, { queries: deps.queries, calendar: deps.calendar, clock, waitTimeoutMs }));
    for (const routes of deps.serviceRoutes?.(m) ?? []) v1.use(path, routes);
  }
  v1.use('/audit', auditRoutes(deps.modules, deps.eventStore, deps.queries));
  deps.extraRoutes?.(v1);
  app.use('/v1', v1);

  if (deps.webRoot && existsSync(deps.webRoot)) app.use(express.static(deps.webRoot, { index: 'index.html' }));

  app.use((req: Request) => {
    throw new HttpProblem(404, 'not-found', `No route ${req.method} ${req.path}`);
  });
  app.use(problems);
  return app;
}
