/** The watcher's settings from the environment (README "Configuration"). */
export interface WatcherConfig {
  /** KEZEN_WATCHER_INTERVAL_MS: how often the watcher looks (default 60 000; 0 disables it). */
  intervalMs: number;
  /** KEZEN_APPROACHING_WORKING_DAYS: deadlines due within this many working days are "approaching" (default 2). */
  approachingWorkingDays: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`Configuration: ${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function watcherConfig(env: NodeJS.ProcessEnv = process.env): WatcherConfig {
  return {
    intervalMs: int(env, 'KEZEN_WATCHER_INTERVAL_MS', 60_000),
    approachingWorkingDays: int(env, 'KEZEN_APPROACHING_WORKING_DAYS', 2),
  };
}
