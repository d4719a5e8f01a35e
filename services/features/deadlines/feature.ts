/**
 * The deadline watcher as one feature, built from ports: it records DeadlineMissed on the streams of the
 * registered services (KEZEN_WATCHER_INTERVAL_MS; 0 disables it).
 */
import type { Feature, FeaturePorts } from '../../platform/definitions';
import { readStoreDeadlines } from './open-deadlines';
import { DeadlineWatcher } from './watcher';

export function deadlinesFeature(ports: FeaturePorts): Feature {
  const config = ports.config.watcher;
  const { logger } = ports;
  const watcher = new DeadlineWatcher({
    commands: ports.commands,
    deadlines: readStoreDeadlines(ports.readStore),
    services: ports.services,
    calendar: ports.calendar,
    clock: ports.clock,
    intervalMs: config.intervalMs,
    // Stream and deadline ids only: never personal data in logs.
    onError: (error, target) =>
      logger.warn(
        { ...target, err: { type: (error as Error)?.name, message: (error as Error)?.message } },
        'deadline watcher: not recorded',
      ),
    onRecorded: (target) => logger.info(target, 'deadline watcher: DeadlineMissed recorded'),
  });
  return {
    start: () => {
      if (config.intervalMs > 0) watcher.start();
    },
    stop: () => watcher.stop(),
  };
}
