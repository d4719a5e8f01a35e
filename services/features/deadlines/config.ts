/** The watcher's settings (read with the rest of the configuration: services/platform/config.ts). */
export interface WatcherConfig {
  /** KEZEN_WATCHER_INTERVAL_MS: how often the watcher looks (default 60 000; 0 disables it). */
  intervalMs: number;
  /** KEZEN_APPROACHING_WORKING_DAYS: deadlines due within this many working days are "approaching" (default 2). */
  approachingWorkingDays: number;
}
