/**
 * Process plumbing for the dev servers: detached children with pid files and log files, so a server started by
 * `npm run servers:start` outlives the command and `servers:stop` (or another process) can stop it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname } from 'node:path';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A missing tool is a set-up problem, not a bug: say exactly what to install. */
export class MissingTool extends Error {
  constructor(tool: string, install: string) {
    super(`'${tool}' was not found on PATH. Install ${install}, or start the servers yourself (README).`);
    this.name = 'MissingTool';
  }
}

export function requireTool(tool: string, versionArgs: string[], install: string): void {
  const probe = spawnSync(tool, versionArgs, { stdio: 'ignore' });
  if (probe.error) throw new MissingTool(tool, install);
}

/** Runs a build step to completion; its output goes to `logFile` and is quoted in the error when it fails. */
export function runStep(command: string, args: string[], cwd: string, logFile: string, env?: NodeJS.ProcessEnv): void {
  mkdirSync(dirname(logFile), { recursive: true });
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.error || result.status !== 0) {
    const tail = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-30).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${String(result.status)}); log ${logFile}:\n${tail}`);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/** Starts a detached child (its own process group) writing to `logFile`; records its pid. */
export function spawnDetached(
  command: string,
  args: string[],
  options: { cwd: string; logFile: string; pidFile: string; env?: NodeJS.ProcessEnv },
): number {
  mkdirSync(dirname(options.logFile), { recursive: true });
  mkdirSync(dirname(options.pidFile), { recursive: true });
  const out = openSync(options.logFile, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  child.unref();
  writeFileSync(options.pidFile, String(child.pid));
  return child.pid;
}

/** SIGTERM the process group, wait for it to exit, SIGKILL after `graceMs`. */
export async function stopPid(pidFile: string, graceMs = 15000, signal: NodeJS.Signals = 'SIGTERM'): Promise<boolean> {
  const pid = readPid(pidFile);
  rmSync(pidFile, { force: true });
  if (pid === undefined) return false;
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  kill(signal);
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) kill('SIGKILL');
  while (isAlive(pid)) await sleep(50);
  return true;
}

export function portAnswers(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Polls `probe` until it resolves true; fails with the log's tail if the process dies or time runs out. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  options: { timeoutMs: number; pidFile: string; logFile: string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    const tail = () =>
      existsSync(options.logFile) ? readFileSync(options.logFile, 'utf8').split('\n').slice(-25).join('\n') : '';
    if (readPid(options.pidFile) === undefined)
      throw new Error(`${what} exited during start; log ${options.logFile}:\n${tail()}`);
    if (Date.now() > deadline)
      throw new Error(`${what} did not answer within ${options.timeoutMs} ms; log ${options.logFile}:\n${tail()}`);
    await sleep(250);
  }
}
