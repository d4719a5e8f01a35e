/** Where the integration run's servers are (set by global-setup.ts). */
import { randomUUID } from 'node:crypto';
import { devServersConfig } from '../../scripts/dev-servers';

export function itServers() {
  const config = devServersConfig();
  return {
    config,
    kafkaBrokers: process.env.KEZEN_IT_KAFKA_BROKERS ?? `127.0.0.1:${config.kafkaPort}`,
    mongoUrl: process.env.KEZEN_IT_MONGODB_URL ?? `mongodb://127.0.0.1:${config.ferretdbPort}/`,
  };
}

/** A database name of its own per test (FerretDB keeps one SQLite file per database). */
export const freshDatabase = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
