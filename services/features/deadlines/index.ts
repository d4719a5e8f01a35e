export {
  DeadlineWatcher,
  watcherCommandId,
  WATCHER_ACTOR,
  type DeadlineWatcherDeps,
  type TickResult,
  type WatchedService,
} from './watcher';
export { readStoreDeadlines, type OpenDeadlineSource } from './open-deadlines';
export { approachingDeadlines, approachingHorizon, type ApproachingDeadline } from './approaching';
export { watcherConfig, type WatcherConfig } from './config';
