/**
 * The composition root: the ONE place that builds kezen from configuration (services/platform/config.ts).
 *
 * Embedded default (nothing configured): SQLite event store + SQLite read store under KEZEN_DATA_DIR, the projector
 * in-process, the monitoring feed served from the read store, HS256 dev tokens. Production adapters are chosen in
 * `createAdapters` when EVENTSTORE_URL / MONGODB_URL / KAFKA_BROKERS are set: their factories register in
 * `productionAdapters` (services/production-adapters.ts) — this file only switches.
 */
import { join, resolve } from 'node:path';
import type { Express } from 'express';
import type { DestinationStream, Logger } from 'pino';
import type { KezenCalendar } from '../domain/calendar/calendar';
import { defaultRegulations } from '../domain/regulation';
import type { RegulationRegistry } from '../domain/regulation/types';
import type { Projection } from '../projections/projection';
import { resolveDevSecret } from './platform/auth/dev-token';
import { createTokenVerifier } from './platform/auth/verify-token';
import { dashboardFeature } from './features/dashboard/feature';
import type { KezenConfig } from './platform/config';
import type { EventStore } from './platform/eventstore/port';
import { UpcasterRegistry } from './platform/eventstore/upcasting';
import { createSqliteEventStore, SqliteEventStore } from './adapters/sqlite/eventstore/sqlite-event-store';
import { createMonitoringFeed, FeedSignal, monitoringFeedRoutes, type MonitoringFeed } from './features/feed';
import { productionFactories } from './production-adapters';
import { createApp } from './platform/http/app';
import { precompile } from './platform/http/validation';
import { investigationFeature } from './features/investigation/feature';
import { investigationPaths, investigationSchemas } from './features/investigation/openapi';
import { featurePaths, featureSchemas } from './platform/http/openapi-features';
import type { ReadinessCheck } from './platform/http/routes/ops';
import { createLogger } from './platform/observability/logger';
import { createMetrics, type KezenMetrics } from './platform/observability/metrics';
import { readinessChecks } from './platform/observability/readiness';
import { createCaseQueries } from './platform/case-queries';
import { createCommandService } from './platform/commands';
import { serviceModules } from './registry';
import type { CaseQueries } from './platform/ports';
import type { ServiceModule } from './platform/service-module';
import { projectionsOf } from './registry-projections';
import type { ProjectorHandle } from './platform/projector/projector';
import { scrapeGauges } from './platform/observability/scrape-gauges';
import { createProjectorRuntime } from './projector-runtime';
import type { ReadStore } from './platform/readstore/port';
import type { FeedPublisherFactory } from './platform/feed/port';
import type { ParallelFoldingFactory } from './platform/projector/parallel-folding';
import { sqliteParallelFolding } from './adapters/sqlite/projector/rebuild-threads';
import { READ_MODELS_FILE, SqliteReadStore } from './adapters/sqlite/readstore/sqlite-read-store';
import { calendarOf } from './platform/runtime/calendar-file';
import { signatureVerifierOf } from './platform/runtime/trust-store-file';

/** The backing servers. */
export interface Adapters {
  eventStore: EventStore;
  readStore: ReadStore;
  /** Extra readiness checks of production servers (Kafka…). */
  checks?: (() => Promise<ReadinessCheck>)[];
  /** How a rebuild may fold partitions of the log in other threads (the embedded stores' rebuild threads). */
  parallelFolding?: ParallelFoldingFactory;
  /** The monitoring feed's transport (Kafka with KAFKA_BROKERS). */
  feedPublisher?: FeedPublisherFactory;
  /** Extra routes (e.g. the monitoring feed) mounted on /v1 after authentication. */
  routes?: Parameters<typeof createApp>[0]['extraRoutes'];
  close?: () => Promise<void>;
}

export type AdapterFactory = (
  config: KezenConfig,
  logger: Logger,
  /** How every event store reads the log (storedEventUpcasters). */
  log: { upcasters: UpcasterRegistry },
) => Promise<Partial<Adapters>>;

/**
 * How every event store reads the log: the services' former event type names as today's (docs/ARCHITECTURE.md
 * "Names"). Renames only, so the SQLite adapter's threads apply them too.
 */
export const storedEventUpcasters = (): UpcasterRegistry =>
  new UpcasterRegistry(
    [],
    serviceModules.flatMap((m) => m.eventRenames ?? []),
  );

/**
 * Hook point for the production adapters: `productionAdapters.eventStore` is used when EVENTSTORE_URL
 * is set, `.readStore` when MONGODB_URL is set, `.feed` when KAFKA_BROKERS is set. Unset factory + set URL = a
 * clear start-up error, never a silent fallback to SQLite.
 */
// EventStoreDB, MongoDB, Kafka (services/production-adapters.ts)
export const productionAdapters: { eventStore?: AdapterFactory; readStore?: AdapterFactory; feed?: AdapterFactory } = {
  ...productionFactories,
};

export async function createAdapters(config: KezenConfig, logger: Logger): Promise<Adapters> {
  const log = { upcasters: storedEventUpcasters() };
  const need = (name: keyof typeof productionAdapters, env: string) => {
    const f = productionAdapters[name];
    if (!f) throw new Error(`${env} is set, but no ${name} adapter factory is registered (services/composition.ts)`);
    return f(config, logger, log);
  };
  const eventStore = config.eventStoreUrl
    ? (await need('eventStore', 'EVENTSTORE_URL')).eventStore!
    : // The group commit's COMMIT (fsync) in a writer thread: the event loop serves requests meanwhile.
      createSqliteEventStore({ dataDir: config.dataDir, writerThread: true, upcasters: log.upcasters });
  const readStore = config.mongodbUrl
    ? (await need('readStore', 'MONGODB_URL')).readStore!
    : SqliteReadStore.inDataDir(config.dataDir);
  const feed = config.kafkaBrokers?.length ? await need('feed', 'KAFKA_BROKERS') : {};
  return {
    eventStore,
    readStore,
    parallelFolding: sqliteParallelFolding,
    feedPublisher: feed.feedPublisher,
    checks: feed.checks,
    routes: feed.routes,
    close: feed.close,
  };
}

export interface Kezen {
  app: Express;
  config: KezenConfig;
  logger: Logger;
  metrics: KezenMetrics;
  eventStore: EventStore;
  readStore: ReadStore;
  /** In-process, or the projector thread's stand-in (config `projectorThread`). */
  projector: ProjectorHandle;
  queries: CaseQueries;
  modules: readonly ServiceModule[];
  calendar: KezenCalendar;
  regulations: RegulationRegistry;
  /** The HS256 secret (embedded default) and whether it was generated now. */
  devSecret?: { secret: string; generated: boolean };
  /** Starts the projector (the API answers before it is caught up; /readyz says when it is). */
  start(): Promise<void>;
  /** Compiles the request validators now instead of at each command's first request (`npm start`; tests skip it). */
  warmUp(): void;
  close(): Promise<void>;
}

export interface BuildOptions {
  /** Where logs go (tests capture them to scan for personal data). */
  logDestination?: DestinationStream;
  clock?: () => Date;
  modules?: readonly ServiceModule[];
  /** Projections besides the modules' own (e.g. the monitoring feed). */
  extraProjections?: readonly Projection[];
}

export async function buildKezen(config: KezenConfig, options: BuildOptions = {}): Promise<Kezen> {
  const logger = createLogger({ level: config.logLevel, destination: options.logDestination });
  const metrics = createMetrics({ defaultMetrics: true });
  const calendar = calendarOf(config.calendarFile);
  const regulations = defaultRegulations();
  const adapters = await createAdapters(config, logger);
  const modules = options.modules ?? serviceModules;

  // The modules' projections, the extra ones and the dashboard's, in one list (./registry-projections.ts).
  const projections = projectionsOf(modules, options.extraProjections);
  // Embedded default: the projector and the feed runner run in a worker thread (the second core); the thread builds
  // the default modules' projections itself, so a test's own modules or projections run in-process.
  const threaded =
    config.projectorThread &&
    !options.modules &&
    !options.extraProjections &&
    !config.kafkaBrokers?.length &&
    adapters.eventStore instanceof SqliteEventStore &&
    !adapters.eventStore.upcasters.hasFunctions && // the thread gets the store's renames, never functions
    adapters.readStore instanceof SqliteReadStore;
  const feedSignal = new FeedSignal();
  // The thread or in-process, with the same log lines (services/projector-runtime.ts).
  const runtime = createProjectorRuntime({
    threaded,
    eventStore: adapters.eventStore,
    readStore: adapters.readStore,
    readModelsFile: join(config.dataDir, READ_MODELS_FILE),
    projections,
    logger,
    onFeedAdvance: (checkpoint) => feedSignal.advanced(checkpoint),
    nice: config.projectorNice,
  });
  const { projector } = runtime;
  const names = projections.map((p) => p.name);
  // The investigator's view: complaints in case views and timelines, the compliance report, the access log, the case
  // file.
  const investigation = investigationFeature({
    eventStore: adapters.eventStore,
    readStore: adapters.readStore,
    calendar,
    modules,
    clock: options.clock,
  });
  const queries: CaseQueries = investigation.decorate({
    ...createCaseQueries({
      eventStore: adapters.eventStore,
      readStore: adapters.readStore,
      projectionNames: () => names,
    }),
    waitForPosition: (position, timeoutMs) =>
      names.length === 0 ? Promise.resolve(true) : projector.waitForPosition(position, timeoutMs),
  });
  const signatures = signatureVerifierOf(config.trustStore, logger);
  const commands = createCommandService({ store: adapters.eventStore, calendar, regulations, signatures, modules });
  // GET /v1/dashboard and the deadline watcher (services/features/dashboard/feature.ts).
  const dashboard = dashboardFeature({
    commands,
    readStore: adapters.readStore,
    services: modules,
    calendar,
    clock: options.clock ?? (() => new Date()),
    logger,
    watcher: config.watcher,
  });

  // The monitoring feed (Rules §11): its own runner over the log, served at /v1/monitoring/feed, Kafka when configured.
  // Threaded: the runner is in the projector thread; here only its routes, woken by the checkpoints it reports.
  const feed: Pick<MonitoringFeed, 'routes' | 'start' | 'stop' | 'status'> = runtime.threaded
    ? {
        routes: monitoringFeedRoutes({ readStore: adapters.readStore, signal: feedSignal }),
        start: async () => undefined,
        stop: async () => undefined,
        status: () => ({ checkpoint: runtime.feedCheckpoint() }),
      }
    : createMonitoringFeed({
        eventStore: adapters.eventStore,
        readStore: adapters.readStore,
        publisher: adapters.feedPublisher,
        onError: (component, error) =>
          logger.error({ component, err: { type: (error as Error)?.name } }, 'monitoring feed error'),
      });

  const devSecret = config.jwt.jwksUrl ? undefined : resolveDevSecret(config.dataDir, config.jwt.secret);
  const verifyToken = createTokenVerifier({
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    secret: devSecret?.secret,
    jwksUrl: config.jwt.jwksUrl,
  });

  // The /readyz checks of what was wired above (services/platform/observability/readiness.ts).
  const readiness = readinessChecks({
    eventStore: adapters.eventStore,
    readStore: adapters.readStore,
    projector,
    feedCheckpoint: () => feed.status().checkpoint,
    maxLag: config.readyMaxLag,
    extra: adapters.checks,
  });
  const beforeScrape = scrapeGauges({
    metrics,
    eventStore: adapters.eventStore,
    projector,
    // Linux task ids; the request loop's is the process id.
    threads: () => ({
      main: process.pid,
      projector: runtime.threaded ? runtime.threadId() : undefined,
      writer: adapters.eventStore instanceof SqliteEventStore ? adapters.eventStore.writer?.threadId : undefined,
    }),
  });

  const app = createApp({
    modules,
    eventStore: adapters.eventStore,
    commands,
    queries,
    calendar,
    verifyToken,
    logger,
    metrics,
    readiness,
    beforeScrape,
    clock: options.clock,
    bodyLimit: config.bodyLimit,
    rateLimitPerMinute: config.rateLimitPerMinute,
    waitTimeoutMs: config.readWaitMs,
    webRoot: resolve(__dirname, '..', 'web', 'dist'),
    beforeRoutes: investigation.beforeRoutes, // the access log
    openApiExtra: {
      paths: { ...investigationPaths(modules), ...featurePaths() },
      schemas: { ...investigationSchemas, ...featureSchemas },
    },
    extraRoutes: (v1) => {
      investigation.routes(v1, queries); // diff, case file, compliance, access log
      v1.use('/monitoring', feed.routes);
      adapters.routes?.(v1);
      dashboard.routes(v1); // GET /v1/dashboard
    },
    // Dev sign-in (the web UI's): only with the generated dev secret (or KEZEN_DEV_MODE=1), never with JWKS.
    ...(devSecret && config.devTokens && (!config.jwt.secret || config.devMode)
      ? {
          dev: {
            secret: devSecret.secret,
            issuer: config.jwt.issuer,
            audience: config.jwt.audience,
            providers: dashboard.providers,
          },
        }
      : {}),
  });

  return {
    app,
    config,
    logger,
    metrics,
    eventStore: adapters.eventStore,
    readStore: adapters.readStore,
    projector,
    queries,
    modules,
    calendar,
    regulations,
    devSecret,
    warmUp() {
      for (const m of modules) precompile(Object.values(m.commandSchemas));
    },
    async start() {
      await projector.start();
      await feed.start();
      dashboard.start(); // the deadline watcher
    },
    async close() {
      await dashboard.stop();
      await feed.stop();
      await projector.stop();
      await adapters.close?.();
      await adapters.readStore.close();
      await adapters.eventStore.close();
    },
  };
}
