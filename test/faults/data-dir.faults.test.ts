/**
 * The data directory full or read-only, embedded default (SQLite log + SQLite read models).
 *
 * 1. Disk full — REAL: the server runs in a private mount namespace (`unshare -m`) whose data directory is a 32 MiB
 *    tmpfs; the test fills it with a file (through /proc/<pid>/root) while commands run, so SQLite gets ENOSPC.
 *    Commands answer 503 problem+json "The event store cannot write: disk full", never 500; reads keep answering.
 *    The file is removed: half of the refused commands are sent again (same Idempotency-Key) and succeed, new ones
 *    succeed, without a restart; the other half, never resent, left nothing in the log; the projector resumes, the hash chains verify, `PRAGMA
 *    integrity_check` is ok for both files and the read models equal a fresh rebuild.
 * 2. Read-only at start — REAL: the tmpfs remounted read-only while the server is down: the server refuses to start
 *    with a message naming the data directory; remounted read-write, it starts and every acknowledged event is there.
 * 3. Read-only at run time — SIMULATED at the SQLite level (`PRAGMA query_only` on the running store's connection,
 *    in-process): a mounted file system cannot be made read-only under open files (`remount,ro` is refused as busy),
 *    so this is the honest way to get SQLITE_READONLY mid-run. Commands answer 503 "read-only", then succeed again.
 * (1) and (2) need `unshare -m` and `mount` (root or CAP_SYS_ADMIN); without them they are reported SKIPPED.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import { buildKezen } from '../../services/composition';
import { loadConfig } from '../../services/platform/config';
import { verifyAll } from '../../services/platform/eventstore/hash-chain';
import {
  createSqliteEventStore,
  type SqliteEventStore,
} from '../../services/adapters/sqlite/eventstore/sqlite-event-store';
import { SqliteReadStore } from '../../services/adapters/sqlite/readstore/sqlite-read-store';
import { commandIdOfKey, nonAtomicCommands, readLogFile, readModelsDifferingFromRebuild, token } from './checks';
import { ROOT, SECRET, ServerChild, freePort, progress } from './server-child';

const BASE = '/v1/privatization/cases';
const INTAKE = 'faults:intake';
const submission = (() => {
  const body = validSubmitApplication() as Record<string, unknown>;
  delete body.caseId;
  return body;
})();

/** Whether this machine lets us mount a tmpfs in a private mount namespace (else: the reason). */
function mountUnavailable(): string | undefined {
  const probe = mkdtempSync(join(tmpdir(), 'kezen-faults-probe-'));
  try {
    const r = spawnSync('unshare', [
      '-m',
      '--propagation',
      'private',
      'sh',
      '-c',
      `mount -t tmpfs -o size=1m tmpfs "$1"`,
      'sh',
      probe,
    ]);
    if (r.error) return `unshare cannot run: ${r.error.message}`;
    return r.status === 0 ? undefined : `unshare -m / mount tmpfs failed: ${r.stderr.toString().trim()}`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const UNAVAILABLE = mountUnavailable();
if (UNAVAILABLE) progress(`[data dir] SKIPPED the real tmpfs tests: ${UNAVAILABLE}`);
const realTest = UNAVAILABLE ? test.skip : test;

/** A process holding a private mount namespace with a tmpfs on `dir` (sleeps until killed). */
async function holdTmpfs(dir: string, size: string): Promise<ChildProcess> {
  const holder = spawn('unshare', [
    '-m',
    '--propagation',
    'private',
    'sh',
    '-c',
    'mount -t tmpfs -o size="$2" tmpfs "$1" && echo mounted && exec sleep 3600',
    'sh',
    dir,
    size,
  ]);
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`tmpfs holder exited ${code}`)));
  });
  return holder;
}

interface Answer {
  status: number;
  type: string;
  body: Record<string, unknown>;
  ms: number;
}

async function post(url: string, tok: string, body: unknown, key?: string): Promise<Answer> {
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${tok}`,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    ms: Date.now() - started,
  };
}

/**
 * Copies the stopped server's SQLite files out of the namespace. SQLite cannot open them in place: it resolves
 * symbolic links in a path, and /proc/<pid>/root resolves to OUR root, where the directory is empty.
 */
function copyOut(inside: string, to: string): string {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(inside)) if (f.includes('.sqlite')) copyFileSync(join(inside, f), join(to, f));
  return to;
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('data directory full or read-only', () => {
  realTest(
    'disk full (real tmpfs): 503 "disk full", nothing half-applied, writes succeed again without a restart; read-only at start (real remount): a clear refusal',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kezen-faults-disk-'));
      const holder = await holdTmpfs(dir, '32m');
      const inside = `/proc/${holder.pid}/root${dir}`; // the tmpfs as the holder's namespace sees it
      const server = new ServerChild(dir, await freePort(), {}, [
        'nsenter',
        '-t',
        String(holder.pid),
        '-m',
        `--wd=${ROOT}`,
        '--',
      ]);
      try {
        await server.start();
        const intake = await token(SECRET, INTAKE, 'intake-operator');
        const acked = new Map<string, string[]>(); // Idempotency-Key → event ids acknowledged
        const create = async (key: string) => {
          const a = await post(`${server.url}${BASE}`, intake, submission, key);
          if (a.status === 201)
            acked.set(
              key,
              (a.body.events as { eventId: string }[]).map((e) => e.eventId),
            );
          return a;
        };
        for (let i = 0; i < 20; i += 1) expect((await create(`before-${i}`)).status).toBe(201);
        progress(`[data dir] 20 cases created on a 32 MiB tmpfs; filling it`);

        // Fill the file system: 1 MiB writes, then 4 KiB ones, until ENOSPC.
        const filler = `${inside}/filler`;
        const fd = openSync(filler, 'w');
        let filled = 0;
        for (const chunk of [Buffer.alloc(1 << 20, 1), Buffer.alloc(4096, 1)]) {
          try {
            for (;;) filled += writeSync(fd, chunk);
          } catch (error) {
            expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
          }
        }
        closeSync(fd);

        // Commands until the log cannot grow (a WAL with room left takes a few more): 503, never 500.
        const refused: string[] = [];
        const answers: Answer[] = [];
        for (let i = 0; i < 400 && refused.length < 10; i += 1) {
          const batch = await Promise.all(
            [0, 1, 2, 3].map((j) => create(`full-${i}-${j}`).then((a) => ({ a, key: `full-${i}-${j}` }))),
          );
          for (const { a, key } of batch) {
            answers.push(a);
            if (a.status !== 201) refused.push(key);
          }
        }
        const statuses = [...new Set(answers.map((a) => a.status))].sort();
        progress(
          `[data dir] disk full (${(filled / 1048576).toFixed(1)} MiB filler): ${answers.length} commands, ` +
            `${refused.length} refused, statuses ${statuses.join(', ')}, slowest ${Math.max(...answers.map((a) => a.ms))} ms`,
        );
        expect(refused.length).toBeGreaterThan(0);
        for (const a of answers.filter((x) => x.status !== 201)) {
          expect(a.status).toBe(503);
          expect(a.type).toMatch(/^application\/problem\+json/);
          expect(a.body).toMatchObject({ status: 503, code: 'store-unavailable' });
          expect(a.body.detail).toMatch(/^The event store cannot write: disk full\./);
        }
        expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(10_000);
        // Reads still answer while the disk is full.
        const officer = await token(SECRET, 'faults:officer', 'provider-officer', 'akimat-astana');
        const someCase = [...acked.values()][0]!;
        expect(someCase.length).toBeGreaterThan(0);
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        const list = await fetch(`${server.url}${BASE}?limit=5`, { headers: { authorization: `Bearer ${officer}` } });
        expect(list.status).toBe(200);

        // Space returns: the same commands (same keys) and new ones succeed, the server was not restarted.
        unlinkSync(filler);
        const pid = server.child!.pid;
        // Half of the refused commands are sent again (same key); the other half never are, and must have left nothing.
        const retried = refused.filter((_, i) => i % 2 === 0);
        const abandoned = refused.filter((_, i) => i % 2 === 1);
        for (const key of retried) expect((await create(key)).status).toBe(201);
        for (let i = 0; i < 10; i += 1) expect((await create(`after-${i}`)).status).toBe(201);
        expect(server.child!.pid).toBe(pid);
        expect(server.child!.exitCode).toBeNull();
        const until = Date.now() + 60_000;
        while ((await server.projectionLag()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
        expect(await server.projectionLag()).toBe(0);
        progress(
          `[data dir] space returned: ${retried.length} of ${refused.length} refused commands resent and accepted, 10 new ones accepted, projector caught up`,
        );

        await server.stop();
        const copy = copyOut(inside, `${dir}-copy`);
        const log = await readLogFile(join(copy, 'events.sqlite'));
        const count = new Map<string, number>();
        for (const e of log) count.set(e.eventId, (count.get(e.eventId) ?? 0) + 1);
        for (const ids of acked.values()) for (const id of ids) expect(count.get(id)).toBe(1);
        const abandonedIds = new Set(abandoned.map((k) => commandIdOfKey(INTAKE, k)));
        expect(abandonedIds.size).toBeGreaterThan(0);
        expect(log.filter((e) => abandonedIds.has(e.metadata.commandId))).toEqual([]);
        expect(nonAtomicCommands(log)).toEqual([]);
        expect(integrity(join(copy, 'events.sqlite'))).toBe('ok');
        expect(integrity(join(copy, 'read-models.sqlite'))).toBe('ok');
        const store = createSqliteEventStore({ file: join(copy, 'events.sqlite'), backgroundCheckpoints: false });
        const live = new SqliteReadStore({ filename: join(copy, 'read-models.sqlite') });
        try {
          expect(await verifyAll(store, { batchSize: 1000 })).toMatchObject({ valid: true, checked: log.length });
          expect(await readModelsDifferingFromRebuild(store, live)).toEqual([]);
        } finally {
          await Promise.all([store.close(), live.close()]);
        }
        progress(
          `[data dir] ${log.length} events: each acknowledged once, hash chains and integrity_check ok, read models = rebuild`,
        );

        // Read-only at start (real): remount the tmpfs read-only while the server is down.
        const remount = (mode: 'ro' | 'rw') =>
          spawnSync('nsenter', ['-t', String(holder.pid), '-m', '--', 'mount', '-o', `remount,${mode}`, dir]);
        expect(remount('ro').status).toBe(0);
        const failed = (await server.start().then(
          () => undefined,
          (e: Error) => e,
        )) as Error | undefined;
        expect(failed?.message).toMatch(/server exited 1/);
        expect(failed?.message).toContain(`kezen failed to start: the data directory ${dir} is not writable (EROFS`);
        progress(`[data dir] read-only at start: ${/kezen failed to start: [^\n]*/.exec(failed!.message)?.[0]}`);
        expect(remount('rw').status).toBe(0);
        await server.start();
        expect((await create('after-ro')).status).toBe(201);
        await server.stop();
        const after = await readLogFile(join(copyOut(inside, `${dir}-copy2`), 'events.sqlite'));
        expect(after.length).toBeGreaterThan(log.length);
      } finally {
        await server.kill9();
        holder.kill('SIGKILL');
        for (const d of [dir, `${dir}-copy`, `${dir}-copy2`]) rmSync(d, { recursive: true, force: true });
      }
    },
  );

  test('read-only at run time (SIMULATED: PRAGMA query_only on the running store): 503 "read-only", then writes succeed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kezen-faults-ro-'));
    const env = { KEZEN_DATA_DIR: dataDir, KEZEN_JWT_SECRET: SECRET, LOG_LEVEL: 'silent' };
    const kezen = await buildKezen(loadConfig(env));
    try {
      await kezen.start();
      const intake = await token(SECRET, INTAKE, 'intake-operator');
      const send = (key: string) =>
        request(kezen.app)
          .post(BASE)
          .set('authorization', `Bearer ${intake}`)
          .set('idempotency-key', key)
          .send(submission);
      expect((await send('ro-1')).status).toBe(201);
      // On the connection that writes: the writer thread's (the server's default), else the store's own.
      const store = kezen.eventStore as SqliteEventStore;
      const queryOnly = async (on: 'ON' | 'OFF') =>
        store.writer ? await store.writer.pragma(`query_only = ${on}`) : store.db.pragma(`query_only = ${on}`);
      await queryOnly('ON');
      const refused = await send('ro-2');
      expect(refused.status).toBe(503);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 503, code: 'store-unavailable' });
      expect(refused.body.detail).toMatch(/^The event store cannot write: its storage is read-only\./);
      const commandId = commandIdOfKey(INTAKE, 'ro-2');
      const log = await readLogFile(join(dataDir, 'events.sqlite'));
      expect(log.filter((e) => e.metadata.commandId === commandId)).toEqual([]);
      await queryOnly('OFF');
      expect((await send('ro-2')).status).toBe(201);
      expect((await send('ro-3')).status).toBe(201);
      expect(await verifyAll(kezen.eventStore, { batchSize: 1000 })).toMatchObject({ valid: true });
      progress(`[data dir] read-only at run time (simulated): refused with 503, accepted again after`);
    } finally {
      await kezen.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
