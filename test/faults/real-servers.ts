/** The fault suite's own Kafka and FerretDB (started by global-setup.ts), or why they are unavailable. */
import { randomUUID } from 'node:crypto';
import { devServersConfig } from '../../scripts/dev-servers';
import { progress } from './server-child';

export function faultServers() {
  const config = devServersConfig(); // KEZEN_DEV_*_PORT set by global-setup.ts: the suite's own ports
  return {
    config,
    kafkaBrokers: process.env.KEZEN_FAULTS_KAFKA_BROKERS ?? `127.0.0.1:${config.kafkaPort}`,
    mongoUrl: process.env.KEZEN_FAULTS_MONGODB_URL ?? `mongodb://127.0.0.1:${config.ferretdbPort}/`,
    unavailable: process.env.KEZEN_FAULTS_SERVERS_UNAVAILABLE,
  };
}

/** `test`, or `test.skip` with the reason printed when the real servers could not be started. */
export function withRealServers(what: string): jest.It {
  const reason = faultServers().unavailable;
  if (!reason) return test;
  progress(`[${what}] SKIPPED: real servers unavailable (${reason})`);
  return test.skip;
}

export const freshDatabase = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GET /readyz: status, content type and body. */
export async function readyz(baseUrl: string) {
  const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(30_000) });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (await res.json()) as {
      code?: string;
      detail?: string;
      failing?: string[];
      checks: { name: string; ok: boolean; detail?: string }[];
    },
  };
}
