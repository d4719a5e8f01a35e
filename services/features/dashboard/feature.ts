/**
 * The dashboard and deadline-watcher feature as the composition root plugs it in: its projections
 * (per-case summaries, the deadline index), its route (GET /v1/dashboard) and the watcher's lifecycle.
 */
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { KezenCalendar } from '../../../domain/calendar/calendar';
import { dashboardCasesProjection } from '../../../projections/dashboard/case-summary';
import { deadlineIndexProjection } from '../../../projections/dashboard/deadline-index';
import type { Projection } from '../../../projections/projection';
import { DeadlineWatcher, type WatchedService } from '../deadlines/watcher';
import { readStoreDeadlines } from '../deadlines/open-deadlines';
import type { WatcherConfig } from '../deadlines/config';
import type { CommandService } from '../../platform/ports';
import type { ReadStore } from '../../platform/readstore/port';
import { createDashboardQuery } from './query';
import { dashboardRoutes } from './route';

export interface DashboardFeatureDeps {
  /** The command pipeline the watcher sends through. */
  commands: CommandService;
  readStore: ReadStore;
  services: readonly WatchedService[];
  calendar: KezenCalendar;
  clock: () => Date;
  logger: Logger;
  /** The watcher's settings (configuration: KEZEN_WATCHER_INTERVAL_MS, KEZEN_APPROACHING_WORKING_DAYS). */
  watcher: WatcherConfig;
}

export const DASHBOARD_PROJECTIONS: readonly Projection[] = [
  dashboardCasesProjection as unknown as Projection,
  deadlineIndexProjection as unknown as Projection,
];

export function dashboardFeature(deps: DashboardFeatureDeps) {
  const config = deps.watcher;
  const query = createDashboardQuery({
    readStore: deps.readStore,
    calendar: deps.calendar,
    clock: deps.clock,
    approachingWorkingDays: config.approachingWorkingDays,
  });
  const watcher = new DeadlineWatcher({
    commands: deps.commands,
    deadlines: readStoreDeadlines(deps.readStore),
    services: deps.services,
    calendar: deps.calendar,
    clock: deps.clock,
    intervalMs: config.intervalMs,
    // Stream and deadline ids only: never personal data in logs.
    onError: (error, target) =>
      deps.logger.warn(
        { ...target, err: { type: (error as Error)?.name, message: (error as Error)?.message } },
        'deadline watcher: not recorded',
      ),
    onRecorded: (target) => deps.logger.info(target, 'deadline watcher: DeadlineMissed recorded'),
  });
  return {
    projections: DASHBOARD_PROJECTIONS,
    query,
    watcher,
    routes: (v1: Router) => {
      v1.use(dashboardRoutes(query));
    },
    /** Distinct providers seen in the read models (the dev sign-in picker). */
    providers: async () =>
      (await query({ service: 'privatization', providerId: null, from: null, to: null })).providers,
    start: () => {
      if (config.intervalMs > 0) watcher.start();
    },
    stop: () => watcher.stop(),
  };
}
