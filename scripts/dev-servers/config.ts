/** Where the dev servers live: ports from the environment, builds cached in the repo, data in a temp dir. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface DevServersConfig {
  kafkaPort: number;
  kafkaControllerPort: number;
  ferretdbPort: number;
  /** Downloads and builds (gitignored `.dev-servers/cache`), keyed by a hash of the files that define them. */
  cacheDir: string;
  /** Pid files and logs. */
  runDir: string;
  /** Server data: a temp dir per port set, removed by stop. */
  dataDir: string;
  /** Directory of this script (the pom and the Go program). */
  sourceDir: string;
}

const num = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

export function devServersConfig(overrides: Partial<DevServersConfig> = {}): DevServersConfig {
  const root = resolve(__dirname, '../..');
  const kafkaPort = overrides.kafkaPort ?? num(process.env.KEZEN_DEV_KAFKA_PORT, 19092);
  const ferretdbPort = overrides.ferretdbPort ?? num(process.env.KEZEN_DEV_FERRETDB_PORT, 27018);
  const base = process.env.KEZEN_DEV_SERVERS_DIR ?? join(root, '.dev-servers');
  return {
    kafkaPort,
    kafkaControllerPort:
      overrides.kafkaControllerPort ?? num(process.env.KEZEN_DEV_KAFKA_CONTROLLER_PORT, kafkaPort + 1),
    ferretdbPort,
    cacheDir: overrides.cacheDir ?? join(base, 'cache'),
    runDir: overrides.runDir ?? join(base, 'run', `${kafkaPort}-${ferretdbPort}`),
    dataDir: overrides.dataDir ?? join(tmpdir(), `kezen-dev-servers-${kafkaPort}-${ferretdbPort}`),
    sourceDir: overrides.sourceDir ?? __dirname,
  };
}

/** A short content hash: a changed pom or Go program gets a fresh cache entry instead of a stale build. */
export function contentKey(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}
