/**
 * Configuration of the running service, read from the environment in ONE place (README "Configuration").
 * With nothing set, kezen runs the embedded default: SQLite files under ./data, HS256 dev tokens, in-process projector.
 */
import { resolve } from 'node:path';

export interface JwtConfig {
  /** HS256 secret (embedded default). Undefined: main.ts generates one and persists it to `<dataDir>/dev-secret`. */
  secret?: string;
  issuer: string;
  audience: string;
  /** Production: RS256/ES256 keys from this JWKS URL (HS256 is then refused). */
  jwksUrl?: string;
}

export interface KezenConfig {
  port: number;
  host: string;
  dataDir: string;
  jwt: JwtConfig;
  /** EventStoreDB connection string (esdb://…); unset: the embedded SQLite event store. */
  eventStoreUrl?: string;
  /** MongoDB / FerretDB URL; unset: the embedded SQLite read store. */
  mongodbUrl?: string;
  mongodbDatabase: string;
  /** Comma-separated Kafka brokers; unset: the monitoring feed is served from the read store only. */
  kafkaBrokers?: string[];
  calendarFile?: string;
  /** Requests per minute per token subject (or per IP without a token). */
  rateLimitPerMinute: number;
  /** Max JSON body size, e.g. `256kb`. */
  bodyLimit: string;
  /** pino level. */
  logLevel: string;
  /** Dev-only helpers (POST /v1/dev/token for the web UI): on only with the embedded HS256 secret. */
  devTokens: boolean;
  /** /readyz fails when a projection is more than this many events behind the log head. */
  readyMaxLag: number;
  /**
   * Embedded default: run the projector and the monitoring feed's runner in a worker thread (the second core)
   * instead of on the request loop (KEZEN_PROJECTOR_THREAD, default on; `off`: in-process).
   */
  projectorThread: boolean;
  /**
   * The projector thread's nice value (KEZEN_PROJECTOR_NICE, 0–19, default 10; 0 keeps the process's priority):
   * commands first, projections catch up (services/platform/runtime/thread-priority.ts). Linux only.
   */
  projectorNice: number;
  /** How long a query with `minPosition` waits for the read models before a retryable 503 (KEZEN_READ_WAIT_MS). */
  readWaitMs: number;
}

const nonEmpty = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`Configuration: ${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function niceFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = intFrom(env, name, fallback);
  if (n > 19) throw new Error(`Configuration: ${name} must be a nice value from 0 to 19, got "${n}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): KezenConfig {
  const jwksUrl = nonEmpty(env.KEZEN_JWKS_URL);
  return {
    port: intFrom(env, 'PORT', 8080),
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    dataDir: resolve(nonEmpty(env.KEZEN_DATA_DIR) ?? './data'),
    jwt: {
      secret: nonEmpty(env.KEZEN_JWT_SECRET),
      issuer: nonEmpty(env.KEZEN_JWT_ISSUER) ?? 'kezen-dev',
      audience: nonEmpty(env.KEZEN_JWT_AUDIENCE) ?? 'kezen',
      jwksUrl,
    },
    eventStoreUrl: nonEmpty(env.EVENTSTORE_URL),
    mongodbUrl: nonEmpty(env.MONGODB_URL),
    mongodbDatabase: nonEmpty(env.MONGODB_DATABASE) ?? 'kezen',
    kafkaBrokers: nonEmpty(env.KAFKA_BROKERS)
      ?.split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    calendarFile: nonEmpty(env.KEZEN_CALENDAR_FILE),
    rateLimitPerMinute: intFrom(env, 'KEZEN_RATE_LIMIT_PER_MINUTE', 6000),
    bodyLimit: nonEmpty(env.KEZEN_BODY_LIMIT) ?? '256kb',
    logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
    devTokens: !jwksUrl && nonEmpty(env.KEZEN_DEV_TOKENS) !== 'off',
    readyMaxLag: intFrom(env, 'KEZEN_READY_MAX_LAG', 1000),
    projectorThread: nonEmpty(env.KEZEN_PROJECTOR_THREAD) !== 'off',
    projectorNice: niceFrom(env, 'KEZEN_PROJECTOR_NICE', 10),
    readWaitMs: intFrom(env, 'KEZEN_READ_WAIT_MS', 2000),
  };
}
