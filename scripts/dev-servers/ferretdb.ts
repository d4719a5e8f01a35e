/**
 * FerretDB v1.24.2 (MongoDB wire protocol over SQLite) through the project's own tiny Go program in ./ferretdb —
 * `go install .../cmd/ferretdb` panics at start (an upstream issue; docs/REAL-SERVERS.md).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { contentKey, type DevServersConfig } from './config';
import { portAnswers, readPid, requireTool, runStep, spawnDetached, stopPid, waitUntil } from './process';

const paths = (config: DevServersConfig) => {
  const src = join(config.sourceDir, 'ferretdb');
  const key = contentKey(['main.go', 'go.mod', 'go.sum'].map((f) => join(src, f)));
  return {
    src,
    binary: join(config.cacheDir, `ferretdb-1.24.2-${key}`, 'kezen-ferretdb'),
    pidFile: join(config.runDir, 'ferretdb.pid'),
    logFile: join(config.runDir, 'ferretdb.log'),
    data: join(config.dataDir, 'ferretdb'),
  };
};

/** Builds the Go program once (cached by the hash of its sources, go.mod and go.sum). */
export function prepareFerretdb(config: DevServersConfig): string {
  const p = paths(config);
  if (existsSync(p.binary)) return p.binary;
  requireTool('go', ['version'], 'Go 1.24+ (https://go.dev/dl/; the build fetches modules from the Go module proxy)');
  mkdirSync(join(p.binary, '..'), { recursive: true });
  const staging = `${p.binary}.partial`;
  runStep('go', ['build', '-trimpath', '-o', staging, '.'], p.src, join(config.runDir, 'ferretdb-build.log'), {
    CGO_ENABLED: '0',
  });
  renameSync(staging, p.binary);
  return p.binary;
}

export function ferretdbUrl(config: DevServersConfig): string {
  return `mongodb://127.0.0.1:${config.ferretdbPort}/`;
}

export async function ferretdbAnswers(config: DevServersConfig): Promise<boolean> {
  if (!(await portAnswers(config.ferretdbPort))) return false;
  const client = new MongoClient(ferretdbUrl(config), { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
    const pong = await client.db('admin').command({ ping: 1 });
    return pong.ok === 1;
  } finally {
    await client.close().catch(() => undefined);
  }
}

export async function startFerretdb(config: DevServersConfig): Promise<string> {
  const p = paths(config);
  if (readPid(p.pidFile) !== undefined && (await ferretdbAnswers(config).catch(() => false)))
    return ferretdbUrl(config);
  await stopPid(p.pidFile);
  if (await portAnswers(config.ferretdbPort)) {
    throw new Error(`port ${config.ferretdbPort} is taken by another process; set KEZEN_DEV_FERRETDB_PORT`);
  }
  const binary = prepareFerretdb(config);
  mkdirSync(p.data, { recursive: true });
  spawnDetached(binary, ['-listen', `127.0.0.1:${config.ferretdbPort}`, '-dir', p.data], {
    cwd: config.dataDir,
    logFile: p.logFile,
    pidFile: p.pidFile,
  });
  await waitUntil('FerretDB', () => ferretdbAnswers(config), {
    timeoutMs: 30000,
    pidFile: p.pidFile,
    logFile: p.logFile,
  });
  return ferretdbUrl(config);
}

export async function stopFerretdb(config: DevServersConfig): Promise<boolean> {
  return stopPid(paths(config).pidFile, 10000);
}

export function removeFerretdbData(config: DevServersConfig): void {
  rmSync(paths(config).data, { recursive: true, force: true });
}
