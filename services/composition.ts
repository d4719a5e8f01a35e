/**
 * The composition root: the ONE place that builds kezen from configuration (services/platform/config.ts).
 *
 * Embedded default (nothing configured): SQLite event store + SQLite read store under KEZEN_DATA_DIR, the projector
 * in-process, the monitoring feed served from the read store, HS256 dev tokens. Production adapters are chosen in
 * `createAdapters` when EVENTSTORE_URL / MONGODB_URL / KAFKA_BROKERS are set: their factories register in
 * `productionAdapters` (services/production-adapters.ts) — this file only switches.
 *
 * What kezen serves comes from the registry (services/registry.ts): the services' modules and the features, loaded and
 * built from ports here; the projections and log runners the projector runs (services/projector-workload.ts).
 */
import { join, resolve } from 'node:path';
import type { Express } from 'express';
import type { DestinationStream, Logger } from 'pino';
import type { KezenCalendar } from '../domain/calendar/calendar';
import { defaultRegulations } from '../domain/regulation';
import type { RegulationRegistry } from '../domain/regulation/types';
import { resolveDevSecret } from './platform/auth/dev-token';
import { createTokenVerifier } from './platform/auth/verify-token';
import type { KezenConfig } from './platform/config';
import type { EventStore } from './platform/eventstore/port';
import type { UpcasterRegistry } from './platform/eventstore/upcasting';
import { storedEventUpcasters } from './stored-events';
import { createSqliteEventStore, SqliteEventStore } from './adapters/sqlite/eventstore/sqlite-event-store';
import { productionFactories } from './production-adapters';
import { createApp } from './platform/http/app';
import { precompile } from './platform/http/validation';
import type { ReadinessCheck } from './platform/http/routes/ops';
import { createLogger } from './platform/observability/logger';
import { createMetrics, type KezenMetrics } from './platform/observability/metrics';
import { readinessChecks } from './platform/observability/readiness';
import { createCaseQueries } from './platform/case-queries';
import { createCommandService } from './platform/commands';
import { registry } from './registry';
import { featuresHttp, loadRegistry, workloadOf, type Registry } from './platform/definitions';
import { PROJECTOR_WORKLOAD_MODULE, projectorWorkload } from './projector-workload';
import type { CaseQueries } from './platform/ports';
import type { ServiceModule } from './platform/service-module';
import type { ProjectorHandle } from './platform/projector/projector';
import { scrapeGauges } from './platform/observability/scrape-gauges';
import { createProjectorRuntime } from './projector-runtime';
import type { ReadStore } from './platform/readstore/port';
import { READ_MODELS_FILE, SqliteReadStore } from './adapters/sqlite/readstore/sqlite-read-store';
import { sqliteParallelFolding } from './adapters/sqlite/projector/rebuild-threads';
import type { FeedPublisherFactory } from './platform/feed/port';
import type { ParallelFoldingFactory } from './platform/projector/parallel-folding';
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
  /** Extra routes mounted on /v1 after authentication. */
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
 * Hook point for the production adapters: `productionAdapters.eventStore` is used when EVENTSTORE_URL
 * is set, `.readStore` when MONGODB_URL is set, `.feed` when KAFKA_BROKERS is set. Unset factory + set URL = a
 * clear start-up error, never a silent fallback to SQLite.
 */
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
    parallelFolding: sqliteParallelFolding(PROJECTOR_WORKLOAD_MODULE),
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
  /** Another registry than services/registry.ts (its projector runs in-process: the thread loads the default). */
  registry?: Registry;
}

export async function buildKezen(config: KezenConfig, options: BuildOptions = {}): Promise<Kezen> {
  const logger = createLogger({ level: config.logLevel, destination: options.logDestination });
  const metrics = createMetrics({ defaultMetrics: true });
  const calendar = calendarOf(config.calendarFile);
  const regulations = defaultRegulations();
  const adapters = await createAdapters(config, logger);
  const loaded = await loadRegistry(options.registry ?? registry);
  const modules = loaded.services;

  // Embedded default: the projections and the log runners run in a worker thread (the second core), which loads the
  // default registry's workload itself (services/projector-workload.ts); another registry runs in-process.
  const workload = options.registry ? workloadOf(options.registry) : projectorWorkload;
  const threaded =
    config.projectorThread &&
    !options.registry &&
    !config.kafkaBrokers?.length &&
    adapters.eventStore instanceof SqliteEventStore &&
    !adapters.eventStore.upcasters.hasFunctions && // the thread gets the store's renames, never functions
    adapters.readStore instanceof SqliteReadStore;
  // The thread or in-process, with the same log lines (services/projector-runtime.ts).
  const runtime = createProjectorRuntime({
    threaded,
    eventStore: adapters.eventStore,
    readStore: adapters.readStore,
    readModelsFile: join(config.dataDir, READ_MODELS_FILE),
    workload,
    workloadModule: PROJECTOR_WORKLOAD_MODULE,
    logger,
    nice: config.projectorNice,
  });
  const { projector } = runtime;
  const names = workload.projections.map((p) => p.name);
  const signatures = signatureVerifierOf(config.trustStore, logger);
  const clock = options.clock ?? (() => new Date());
  const commands = createCommandService({ store: adapters.eventStore, calendar, regulations, signatures, modules });
  // The cross-cutting features (investigation, dashboard, deadlines, feed, time travel), built from ports.
  const features = loaded.features.map((build) =>
    build({
      eventStore: adapters.eventStore,
      readStore: adapters.readStore,
      services: modules,
      calendar,
      regulations,
      signatures,
      clock,
      logger,
      config,
      runners: runtime.runners,
      commands,
      feedPublisher: adapters.feedPublisher,
    }),
  );
  const queries: CaseQueries = features.reduce<CaseQueries>((q, f) => f.decorateQueries?.(q) ?? q, {
    ...createCaseQueries({
      eventStore: adapters.eventStore,
      readStore: adapters.readStore,
      projectionNames: () => names,
    }),
    waitForPosition: (position, timeoutMs) =>
      names.length === 0 ? Promise.resolve(true) : projector.waitForPosition(position, timeoutMs),
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
    features: features.flatMap((f) => f.readiness ?? []),
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
      projector: runtime.threadId(),
      writer: adapters.eventStore instanceof SqliteEventStore ? adapters.eventStore.writer?.threadId : undefined,
    }),
  });
  const devProviders = features.find((f) => f.devProviders)?.devProviders;
  const http = featuresHttp(features, queries);

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
    beforeRoutes: http.beforeRoutes,
    openApiExtra: http.openApiExtra,
    serviceRoutes: http.serviceRoutes,
    extraRoutes: (v1) => {
      http.routes(v1);
      adapters.routes?.(v1);
    },
    // Dev sign-in (the web UI's): only with the generated dev secret (or KEZEN_DEV_MODE=1), never with JWKS.
    ...(devSecret && devProviders && config.devTokens && (!config.jwt.secret || config.devMode)
      ? {
          dev: {
            secret: devSecret.secret,
            issuer: config.jwt.issuer,
            audience: config.jwt.audience,
            providers: devProviders,
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
      await runtime.start();
      for (const f of features) await f.start?.();
    },
    async close() {
      for (const f of [...features].reverse()) await f.stop?.();
      await runtime.stop();
      await adapters.close?.();
      await adapters.readStore.close();
      await adapters.eventStore.close();
    },
  };
}
