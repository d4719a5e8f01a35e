/**
 * E2E harness: kezen built by the composition root on a temp data dir, driven over HTTP with supertest, through the
 * server `npm start` listens with (services/platform/http/server.ts).
 * Logs are captured (test/e2e/logs.test.ts scans them for personal data); the clock is settable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { buildKezen, type Kezen } from '../../services/composition';
import { httpServerFor } from '../../services/platform/http/server';
import { loadConfig } from '../../services/platform/config';
import { mintDevToken } from '../../services/platform/auth/dev-token';
import type { Role } from '../../services/platform/roles';

export const SECRET = 'e2e-secret-0123456789abcdef0123456789';

export interface Harness {
  kezen: Kezen;
  http: () => ReturnType<typeof request>;
  token(role: Role, claims?: { providerId?: string; iin?: string; sub?: string; name?: string }): Promise<string>;
  setNow(iso: string): void;
  head(): Promise<number>;
  logs: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kezen-e2e-'));
  const env = { KEZEN_DATA_DIR: dataDir, KEZEN_JWT_SECRET: SECRET, LOG_LEVEL: 'info' };
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString('utf8'));
      cb();
    },
  });
  let now = new Date('2026-03-02T05:00:00Z');
  const kezen = await buildKezen(loadConfig(env), { env, logDestination: destination, clock: () => now });
  await kezen.start();
  const server = httpServerFor(kezen.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    kezen,
    http: () => request(server),
    token: (role, claims = {}) =>
      mintDevToken({
        secret: SECRET,
        issuer: 'kezen-dev',
        audience: 'kezen',
        sub: claims.sub ?? `e2e:${role}:${claims.providerId ?? claims.iin ?? 'x'}`,
        roles: [role],
        ...claims,
      }),
    setNow: (iso) => {
      now = new Date(iso);
    },
    head: () => kezen.eventStore.headPosition(),
    logs,
    async close() {
      server.closeIdleConnections();
      await new Promise((resolve) => server.close(resolve));
      await kezen.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
