/** Stops the fault suite's dev servers and removes their data (KEZEN_DEV_SERVERS_KEEP=1 keeps them). */
import { stopDevServers } from '../../scripts/dev-servers';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KEZEN_DEV_SERVERS_KEEP === '1' || process.env.KEZEN_FAULTS_SERVERS_UNAVAILABLE) return;
  await stopDevServers();
}
