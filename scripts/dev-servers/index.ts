/**
 * Real servers on loopback for integration tests and local use (docs/REAL-SERVERS.md): Kafka 3.9.1 and FerretDB
 * v1.24.2. `npm run servers:start` / `servers:stop`, or `startDevServers()` / `stopDevServers()` from jest global
 * set-up.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { devServersConfig, type DevServersConfig } from './config';
import { removeFerretdbData, startFerretdb, stopFerretdb } from './ferretdb';
import { removeKafkaData, startKafka, stopKafka } from './kafka';

export { devServersConfig, type DevServersConfig } from './config';
export { startKafka, stopKafka } from './kafka';
export { startFerretdb, stopFerretdb } from './ferretdb';
export { MissingTool } from './process';

export interface DevServers {
  /** For `KAFKA_BROKERS`. */
  kafkaBrokers: string;
  /** For `MONGODB_URL`. */
  mongoUrl: string;
  config: DevServersConfig;
}

/** Starts both (idempotent: running servers are reused) and resolves once each answers a real request. */
export async function startDevServers(overrides: Partial<DevServersConfig> = {}): Promise<DevServers> {
  const config = devServersConfig(overrides);
  mkdirSync(config.dataDir, { recursive: true });
  mkdirSync(config.runDir, { recursive: true });
  // FerretDB first: it is quick, and the Kafka JVM start then has the CPU to itself.
  const mongoUrl = await startFerretdb(config);
  const kafkaBrokers = await startKafka(config);
  return { kafkaBrokers, mongoUrl, config };
}

/** Stops both and removes their data (the next start is a clean one). */
export async function stopDevServers(overrides: Partial<DevServersConfig> = {}): Promise<void> {
  const config = devServersConfig(overrides);
  await Promise.all([stopKafka(config), stopFerretdb(config)]);
  removeKafkaData(config);
  removeFerretdbData(config);
  rmSync(config.dataDir, { recursive: true, force: true });
}
