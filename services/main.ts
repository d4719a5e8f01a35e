/**
 * `npm start`: checks the time-zone data, builds kezen from the environment (services/composition.ts), listens,
 * prints where the API, the docs and a token are, and shuts down gracefully on SIGTERM/SIGINT.
 */
import { assertTimeZoneData } from './platform/runtime/timezone-check';
import { buildKezen } from './composition';
import { loadConfig } from './platform/config';
import { explainDataDirFailure } from './adapters/sqlite/data-dir';
import { httpServerFor } from './platform/http/server';

async function main(): Promise<void> {
  assertTimeZoneData();
  const config = loadConfig();
  // A read-only or full data directory fails here with SQLite's terse message: name the directory and the cause.
  const kezen = await buildKezen(config).catch((error: unknown) => {
    throw explainDataDirFailure(error, config.dataDir) ?? error;
  });
  await kezen.start();
  kezen.warmUp(); // the request validators, before the first requests rather than during them
  const server = httpServerFor(kezen.app).listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const url = `http://localhost:${config.port}`;
  const lines = [
    `kezen is serving on ${url}  (data: ${config.dataDir})`,
    `  API docs:  ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
    `  health:    ${url}/healthz  ${url}/readyz  ${url}/metrics`,
  ];
  if (kezen.devSecret) {
    lines.push(
      kezen.devSecret.generated
        ? `  JWT secret generated and saved to ${config.dataDir}/dev-secret (set KEZEN_JWT_SECRET to choose one)`
        : `  JWT: HS256, issuer ${config.jwt.issuer}, audience ${config.jwt.audience}`,
      `  a token:   npm run token -- --role provider-officer --provider akimat-astana`,
      `  demo data: npm run demo`,
    );
  } else lines.push(`  JWT: RS256/ES256 from ${config.jwt.jwksUrl}`);
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    kezen.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      kezen
        .close()
        .then(() => process.exit(0))
        .catch(() => process.exit(1));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`kezen failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
