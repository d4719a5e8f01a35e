export * from './port';
export {
  createSqliteEventStore,
  SqliteEventStore,
  type SqliteEventStoreOptions,
} from '../../adapters/sqlite/eventstore/sqlite-event-store';
export {
  GENESIS_HASH,
  computeEventHash,
  verifyStream,
  verifyAll,
  type VerificationResult,
  type BrokenLink,
} from './hash-chain';
export { UpcasterRegistry, noUpcasters, type Upcaster, type Upcast } from './upcasting';
export { createEsdbEventStore, EsdbEventStore, type EsdbEventStoreOptions } from '../../adapters/esdb/esdb-event-store';
