/**
 * kezen as its own process for the HTTP benchmark, as `npm start` runs it (services/main.ts): the load generator
 * then measures the server over loopback instead of sharing its event loop (which inflated latency and hid the
 * server's own CPU). The server's CPU time is read from /proc, so a level reports CPU milliseconds per command —
 * a figure far less noisy than throughput on a shared machine.
 *
 * BENCH_SERVER_PROF=<dir>: the server runs with `node --cpu-prof` and writes its profile there on exit.
 * BENCH_SERVER_OUT=<file>: the server's stdout and stderr are also written to that file.
 * BENCH_SERVER_NODE_ARGS="<flags>": more node flags for the server (e.g. `--trace-gc`).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on Linux). */
const TICKS = 100;

/** A free loopback port (the OS picks one, we release it); the fault tests use it too (test/faults/server-child.ts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  port: number;
  pid: number;
  /** User + system CPU milliseconds the server process has used so far (all its threads). */
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function startServerProcess(env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort();
  const prof = process.env.BENCH_SERVER_PROF;
  const child = spawn(
    process.execPath,
    [
      ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []),
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      join(ROOT, 'services', 'main.ts'),
    ],
    { cwd: ROOT, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  if (process.env.BENCH_SERVER_OUT) {
    const out = createWriteStream(process.env.BENCH_SERVER_OUT, { flags: 'a' });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`kezen exited with ${child.exitCode}: ${output}`);
    if (Date.now() > until) throw new Error(`kezen did not start within ${timeoutMs} ms: ${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid!;
  return {
    port,
    pid,
    cpuMs() {
      // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The server's per-thread CPU seconds (its `kezen_thread_cpu_seconds` metric: main, projector, writer; Linux). */
export async function threadCpuSeconds(port: number): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^kezen_thread_cpu_seconds\{thread="([^"]+)"\} ([0-9.e+-]+)$/gm))
    out[m[1]!] = Number(m[2]);
  return out;
}
