/**
 * Starts the fault suite's own Kafka and FerretDB (scripts/dev-servers) on ports of its own — 19292 / 27218 unless
 * KEZEN_FAULTS_KAFKA_PORT / KEZEN_FAULTS_FERRETDB_PORT say otherwise — so the integration run's and a developer's
 * servers are never touched (the Kafka and FerretDB fault tests stop and restart these). When they cannot be
 * started (java, mvn or go missing), the tests that need them are reported SKIPPED with the reason.
 */
import { startDevServers } from '../../scripts/dev-servers';

export default async function globalSetup(): Promise<void> {
  process.env.KEZEN_DEV_KAFKA_PORT = process.env.KEZEN_FAULTS_KAFKA_PORT ?? '19292';
  process.env.KEZEN_DEV_FERRETDB_PORT = process.env.KEZEN_FAULTS_FERRETDB_PORT ?? '27218';
  const started = Date.now();
  try {
    const servers = await startDevServers();
    process.env.KEZEN_FAULTS_KAFKA_BROKERS = servers.kafkaBrokers;
    process.env.KEZEN_FAULTS_MONGODB_URL = servers.mongoUrl;
    process.stderr.write(
      `\n[faults] Kafka ${servers.kafkaBrokers}, FerretDB ${servers.mongoUrl} up in ${Date.now() - started} ms\n`,
    );
  } catch (error) {
    process.env.KEZEN_FAULTS_SERVERS_UNAVAILABLE = (error as Error).message;
    process.stderr.write(
      `\n[faults] real servers unavailable, their tests will be SKIPPED: ${(error as Error).message}\n`,
    );
  }
}
