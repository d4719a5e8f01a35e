/**
 * What kezen is made of, as data: each state service and each cross-cutting feature is ONE definition in its feature
 * folder, registered by one line in services/registry.ts. Every list kezen keeps is derived from that registry here:
 * the projections and log runners the projector and the rebuilds run (`workloadOf`), the monitoring feed's services,
 * the dashboard's services; the composition root derives the routes, /openapi.json and /readyz from the loaded
 * definitions.
 *
 * A definition has two halves. The light half (name, stream prefix, projections, feed and dashboard mappings) is
 * plain data and pure projections: the projector and rebuild threads load it through services/projector-workload.ts.
 * The heavy half (decider, schemas, roles, routes, OpenAPI) is behind `load()`, which only the composition root
 * calls, so a thread never loads HTTP code and schemas it does not use.
 */
import type { RequestHandler, Router } from 'express';
import type { Logger } from 'pino';
import type { KezenCalendar } from '../../domain/calendar/calendar';
import type { RegulationRegistry } from '../../domain/regulation/types';
import type { SignatureVerifier } from '../../domain/shared/decider';
import type { DashboardSource } from '../../projections/dashboard/case-summary';
import type { MonitoredService } from '../../projections/monitoring/services';
import type { Projection } from '../../projections/projection';
import type { KezenConfig } from './config';
import type { EventStore } from './eventstore/port';
import type { Paths, Schemas } from './http/openapi-kit';
import type { ReadinessCheck } from './http/routes/ops';
import type { CaseQueries, CommandService } from './ports';
import type { FeedPublisherFactory } from './feed/port';
import type { LogRunnerDefinition, ProjectorWorkload, RunnerPort } from './projector/workload';
import type { ReadStore } from './readstore/port';
import type { ServiceModule, ServiceReadSide } from './service-module';

/** A state service: the light half here, the full ServiceModule behind `load` (services/features/<service>/). */
export interface ServiceDefinition extends ServiceReadSide {
  load(): Promise<ServiceModule>;
}

/** What a cross-cutting feature is built from: ports only (features import no adapter). */
export interface FeaturePorts {
  eventStore: EventStore;
  readStore: ReadStore;
  /** The registered services, loaded. */
  services: readonly ServiceModule[];
  calendar: KezenCalendar;
  regulations: RegulationRegistry;
  signatures: SignatureVerifier;
  clock: () => Date;
  logger: Logger;
  config: KezenConfig;
  runners: RunnerPort;
  /** The command pipeline (the deadline watcher sends through it). */
  commands: CommandService;
  /** The monitoring feed's transport, when one is configured (Kafka). */
  feedPublisher?: FeedPublisherFactory;
}

/** What a feature adds to kezen; every part is optional. */
export interface Feature {
  /** Wraps the case queries every route uses (investigation: complaints in case views and timelines). */
  decorateQueries?(queries: CaseQueries): CaseQueries;
  /** Middleware on /v1 after authentication, before every route (investigation: the access log). */
  beforeRoutes?: readonly RequestHandler[];
  /** Routes on /v1, after authentication. */
  routes?(v1: Router, queries: CaseQueries): void;
  /** Routes of each service, mounted at its basePath after the service's own (time travel). */
  serviceRoutes?(module: ServiceModule, queries: CaseQueries): Router;
  /** The description of those routes: every served route is described (services/platform/http/openapi.test.ts). */
  openApi?: { paths?: Paths; schemas?: Schemas; servicePaths?(module: ServiceModule): Paths };
  /** Its /readyz checks. */
  readiness?: readonly (() => ReadinessCheck)[];
  /** The providers the dev sign-in picker offers. */
  devProviders?(): Promise<string[]>;
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
}

/** A cross-cutting feature (investigation, dashboard, deadlines, feed, time travel). */
export interface FeatureDefinition {
  feature: string;
  /** Streams the feature writes itself (the access log's), unique with the services' prefixes. */
  streamPrefixes?: readonly string[];
  /** What it runs beside the services' projections, from the registered services' light halves (light too). */
  workload?(services: readonly ServiceReadSide[]): Partial<ProjectorWorkload>;
  /** The heavy half: builds the feature from ports. */
  load(): Promise<(ports: FeaturePorts) => Feature>;
}

export interface Registry {
  services: readonly ServiceDefinition[];
  features: readonly FeatureDefinition[];
}

/** The projections and log runners of the registry's services and features, in registry order, each name once. */
export function workloadOf(registry: Registry): ProjectorWorkload {
  const projections = new Map<string, Projection>();
  const runners = new Map<string, LogRunnerDefinition>();
  const parts: Partial<ProjectorWorkload>[] = [
    ...registry.services.map((s) => ({ projections: s.projections })),
    ...registry.features.map((f) => f.workload?.(registry.services) ?? {}),
  ];
  for (const part of parts) {
    for (const p of part.projections ?? []) if (!projections.has(p.name)) projections.set(p.name, p);
    for (const r of part.runners ?? []) if (!runners.has(r.name)) runners.set(r.name, r);
  }
  return { projections: [...projections.values()], runners: [...runners.values()] };
}

/** The monitoring feed's services (Rules §11): each service with a feed mapping, under its stream prefix. */
export const monitoredServices = (services: readonly ServiceReadSide[]): MonitoredService[] =>
  services.flatMap((s) => (s.monitoring ? [{ ...s.monitoring, streamPrefix: s.streamPrefix }] : []));

/** The dashboard's services: each service with a dashboard summary. */
export const dashboardSources = (services: readonly ServiceReadSide[]): DashboardSource[] =>
  services.flatMap((s) =>
    s.dashboard ? [{ service: s.service, streamPrefix: s.streamPrefix, summary: s.dashboard }] : [],
  );

/** Every stream prefix the registry's services and features write. */
export const streamPrefixesOf = (registry: Registry): string[] => [
  ...registry.services.map((s) => s.streamPrefix),
  ...registry.features.flatMap((f) => f.streamPrefixes ?? []),
];

/** The features' HTTP parts, in registry order, as createApp takes them (services/platform/http/app.ts). */
export function featuresHttp(features: readonly Feature[], queries: CaseQueries) {
  return {
    beforeRoutes: features.flatMap((f) => f.beforeRoutes ?? []),
    openApiExtra: {
      paths: Object.assign({}, ...features.map((f) => f.openApi?.paths ?? {})) as Paths,
      schemas: Object.assign({}, ...features.map((f) => f.openApi?.schemas ?? {})) as Schemas,
      servicePaths: (m: ServiceModule): Paths =>
        Object.assign({}, ...features.map((f) => f.openApi?.servicePaths?.(m) ?? {})),
    },
    serviceRoutes: (m: ServiceModule): Router[] =>
      features.flatMap((f) => (f.serviceRoutes ? [f.serviceRoutes(m, queries)] : [])),
    routes: (v1: Router): void => {
      for (const f of features) f.routes?.(v1, queries);
    },
  };
}

/** The heavy halves, loaded: the services' modules and the features' builders. */
export async function loadRegistry(registry: Registry): Promise<{
  services: ServiceModule[];
  features: ((ports: FeaturePorts) => Feature)[];
}> {
  const [services, features] = await Promise.all([
    Promise.all(registry.services.map((s) => s.load())),
    Promise.all(registry.features.map((f) => f.load())),
  ]);
  return { services, features };
}

/** A service definition's light half, for its module to spread (services/features/<service>/module.ts). */
export function readSideOf(definition: ServiceDefinition): ServiceReadSide {
  const { load: _load, ...readSide } = definition;
  return readSide;
}
