/** Starts `services/main.ts` as a child on a temp data dir and a free loopback port; kill -9 and restart it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';

export const SECRET = 'faults-secret-0123456789abcdef0123456789';
export const ROOT = join(__dirname, '..', '..');

/** A progress line in the CI log (straight to stderr: jest's console wrapper adds a stack frame to each line). */
export const progress = (line: string) => void process.stderr.write(`${line}\n`);

/** One free loopback port finder for the benchmarks and the fault tests (bench/server-process.ts). */
export { freePort } from '../../bench/server-process';

/**
 * GET on a connection of its own, closed after the answer (`agent: false` sends `Connection: close`). The tests'
 * probes (health, /metrics, the feed) never reuse an idle keep-alive connection: the server closes one after 5 s
 * idle (Node's keepAliveTimeout), and a request sent on it just then fails with "other side closed" though the server
 * is fine (the likely cause of the kill -9 test's rare "other side closed" on its first /metrics after the log
 * checks). A failure here is then the server's: refused, reset or no answer within `timeoutMs`.
 */
export function httpGet(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, agent: false, timeout: timeoutMs }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
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
        if ((await httpGet(`${this.url}/healthz`, {}, 5_000)).status === 200) return;
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

  /** The child's state and its last output, for a failure message (did it exit, and what did it log?). */
  describe(): string {
    const c = this.child;
    const state = !c
      ? 'not started'
      : c.exitCode !== null || c.signalCode
        ? `exited ${c.exitCode ?? c.signalCode}`
        : 'running';
    return `server ${state}; its last output:\n${this.output.slice(-2000)}`;
  }

  /** Sum of kezen_projection_lag_events over all projections (from /metrics). */
  async projectionLag(): Promise<number> {
    let text: string;
    try {
      text = (await httpGet(`${this.url}/metrics`)).text;
    } catch (error) {
      throw new Error(`GET /metrics failed (${(error as Error).message}); ${this.describe()}`);
    }
    return [...text.matchAll(/^kezen_projection_lag_events\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  }
}
