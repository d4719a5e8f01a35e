/** Starts `services/main.ts` as a child on a temp data dir and a free loopback port; kill -9 and restart it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const SECRET = 'faults-secret-0123456789abcdef0123456789';
export const ROOT = join(__dirname, '..', '..');

/** A progress line in the CI log (straight to stderr: jest's console wrapper adds a stack frame to each line). */
export const progress = (line: string) => void process.stderr.write(`${line}\n`);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export class ServerChild {
  child: ChildProcess | undefined;
  output = '';
  constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly env: NodeJS.ProcessEnv = {},
    /** A command that execs the server, e.g. `nsenter -t <pid> -m --wd=<root> --` (run it in a mount namespace). */
    readonly wrap: string[] = [],
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const command = [...this.wrap, process.execPath, '--import', 'tsx', join(ROOT, 'services', 'main.ts')];
    this.child = spawn(command[0]!, command.slice(1), {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        KEZEN_DATA_DIR: this.dataDir,
        KEZEN_JWT_SECRET: SECRET,
        KEZEN_RATE_LIMIT_PER_MINUTE: '100000000',
        LOG_LEVEL: 'warn',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.child.exitCode !== null)
        throw new Error(`server exited ${this.child.exitCode}: ${this.output.slice(-2000)}`);
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not start: ${this.output.slice(-2000)}`);
  }

  async kill9(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
  }

  /** Sum of kezen_projection_lag_events over all projections (from /metrics). */
  async projectionLag(): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    return [...text.matchAll(/^kezen_projection_lag_events\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  }
}
