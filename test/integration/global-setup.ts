/**
 * Starts the real dev servers (Kafka 3.9.1, FerretDB v1.24.2; scripts/dev-servers) once for the integration run.
 * Own ports by default, so a developer's `npm run servers:start` instance is left alone.
 */
import { startDevServers } from '../../scripts/dev-servers';

export default async function globalSetup(): Promise<void> {
  process.env.KEZEN_DEV_KAFKA_PORT ??= '19192';
  process.env.KEZEN_DEV_FERRETDB_PORT ??= '27118';
  const started = Date.now();
  const servers = await startDevServers();
  process.env.KEZEN_IT_KAFKA_BROKERS = servers.kafkaBrokers;
  process.env.KEZEN_IT_MONGODB_URL = servers.mongoUrl;
  console.log(
    `\n[integration] Kafka ${servers.kafkaBrokers}, FerretDB ${servers.mongoUrl} up in ${Date.now() - started} ms`,
  );
}
