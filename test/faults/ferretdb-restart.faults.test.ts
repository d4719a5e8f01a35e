/**
 * The read store's server stopped and restarted under load: kezen runs as a child with the embedded
 * SQLite log and its read models in FerretDB (MONGODB_URL, a database of its own); command and query clients run
 * throughout. FerretDB is stopped for ~12 s, then started again.
 *
 * Defined behaviour while it is down (README "Reliability"):
 * - commands go on being accepted: they append to the log (the source of truth), which does not need the read store;
 * - queries answer 503 problem+json `store-unavailable` ("The read store (MongoDB) is unreachable") within a bounded
 *   time (the driver's 5 s server selection), never 500, never a hang;
 * - /readyz answers 503 problem+json naming `read-store`; /healthz stays 200;
 * - the projector and the feed runner fail their batch and retry (nothing is committed half: documents are guarded by
 *   position and the checkpoint moves after its batch).
 * After the restart, without any manual step: queries answer 200 again, the projections catch up (lag 0), the read
 * models in FerretDB equal a fresh rebuild from the log, and the feed holds every message once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFerretdb, stopFerretdb } from '../../scripts/dev-servers';
import { createSqliteEventStore } from '../../services/adapters/sqlite/eventstore/sqlite-event-store';
import { MongoReadStore } from '../../services/adapters/mongo/read-store';
import { nonAtomicCommands, readAllEvents, readModelsDifferingFromRebuild } from './checks';
import { feedMatchesLog, monitoringToken } from './feed-check';
import { startLoad, summarize } from './load';
import { faultServers, freshDatabase, readyz, sleep, withRealServers } from './real-servers';
import { SECRET, ServerChild, freePort, progress } from './server-child';

const DOWN_MS = 12_000;
/** The longest a query may take while the read store is down (server selection 5 s + slack for a loaded machine). */
const QUERY_BOUND_MS = 10_000;

describe('FerretDB (the read store) restarted under load', () => {
  withRealServers('ferretdb restart')(
    'queries 503 while it is down, commands accepted, projector resumes by itself, read models = rebuild, feed complete',
    async () => {
      const { config, mongoUrl } = faultServers();
      const database = freshDatabase('faults_ferret');
      const dataDir = mkdtempSync(join(tmpdir(), 'kezen-faults-ferret-'));
      const server = new ServerChild(dataDir, await freePort(), { MONGODB_URL: mongoUrl, MONGODB_DATABASE: database });
      let ferretUp = true;
      try {
        await server.start();
        const load = await startLoad(server.url, SECRET, { commandClients: 4, queryClients: 3, commandPauseMs: 100 });
        await sleep(3000);
        const before = load.answers.length;
        progress(`[ferretdb] up: ${summarize(load.answers)}`);

        await stopFerretdb(config); // SIGTERM, returns once the process is gone
        ferretUp = false;
        const downAt = Date.now();
        progress(`[ferretdb] stopped; load continues for ${DOWN_MS / 1000} s`);
        await sleep(4000);
        const ready = await readyz(server.url);
        const health = await fetch(`${server.url}/healthz`);
        await sleep(DOWN_MS - (Date.now() - downAt));
        const restartAt = Date.now();
        await startFerretdb(config);
        ferretUp = true;
        const upAt = Date.now();
        progress(`[ferretdb] started again after ${((upAt - downAt) / 1000).toFixed(1)} s`);
        await sleep(4000);
        await load.stop();

        // While down: requests begun after the server was gone and before it was started again.
        const down = load.answers.slice(before).filter((a) => a.at > downAt && a.at < restartAt);
        const downQueries = down.filter((a) => a.kind === 'query');
        const downCommands = down.filter((a) => a.kind === 'command' && a.at + a.ms < restartAt);
        progress(`[ferretdb] down — commands: ${summarize(downCommands)}; queries: ${summarize(downQueries)}`);
        progress(`[ferretdb] down — /readyz ${ready.status} ${ready.body.detail ?? ''}`.slice(0, 300));
        expect(health.status).toBe(200);
        expect(ready.status).toBe(503);
        expect(ready.type).toMatch(/^application\/problem\+json/);
        expect(ready.body.failing).toContain('read-store');
        expect(downCommands.length).toBeGreaterThan(0);
        expect(downCommands.filter((a) => a.status >= 300)).toEqual([]); // the log does not need the read store
        expect(downQueries.filter((a) => a.problem?.code === 'store-unavailable').length).toBeGreaterThan(0);
        for (const a of downQueries) {
          expect(a.ms).toBeLessThan(QUERY_BOUND_MS); // never a hang
          // 200 only for a query still waiting for the server when it came back.
          if (a.status === 200) expect(a.at + a.ms).toBeGreaterThan(restartAt);
          else {
            expect(a.status).toBe(503);
            expect(a.problem!.type).toMatch(/^application\/problem\+json/);
            // `projection-behind`: a case created while the read store was down has no view yet (also 503).
            expect(['store-unavailable', 'projection-behind']).toContain(a.problem!.code);
            if (a.problem!.code === 'store-unavailable')
              expect(a.problem!.detail).toMatch(/read store \(MongoDB\) is unreachable/);
          }
        }
        expect(load.answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
        expect(load.answers.filter((a) => a.status === 0)).toEqual([]);

        // After the restart: queries answer again, the projector caught up by itself.
        const after = load.answers.filter((a) => a.at > upAt + 2000 && a.kind === 'query');
        progress(`[ferretdb] after restart — queries: ${summarize(after)}`);
        const until = Date.now() + 120_000;
        for (let lag = await server.projectionLag(), last = Date.now(); lag > 0 && Date.now() < until;) {
          if (Date.now() - last > 5000) {
            const behind = (await readyz(server.url)).body.checks.filter(
              (c) => c.name.startsWith('projection:') && !/ 0 events behind/.test(c.detail ?? ''),
            );
            progress(`[ferretdb] catching up: ${lag} events behind; ${JSON.stringify(behind)}`.slice(0, 600));
            last = Date.now();
          }
          await sleep(250);
          lag = await server.projectionLag();
        }
        expect(await server.projectionLag()).toBe(0);
        let back = await readyz(server.url);
        while (back.status !== 200 && Date.now() < until) {
          await sleep(500);
          back = await readyz(server.url);
        }
        expect(back.status).toBe(200);
        const list = await fetch(`${server.url}/v1/privatization/cases?limit=5`, {
          headers: { authorization: `Bearer ${await monitoringToken(SECRET)}` },
        });
        expect(list.status).toBe(200);

        const store = createSqliteEventStore({ dataDir, backgroundCheckpoints: false });
        const live = new MongoReadStore({ url: mongoUrl, database });
        try {
          const log = await readAllEvents(store);
          const count = new Map<string, number>();
          for (const e of log) count.set(e.eventId, (count.get(e.eventId) ?? 0) + 1);
          for (const ids of load.acked) for (const id of ids) expect(count.get(id)).toBe(1);
          expect(nonAtomicCommands(log)).toEqual([]);
          const feed = await feedMatchesLog(
            server.url,
            await monitoringToken(SECRET),
            () => readAllEvents(store),
            60_000,
          );
          expect(feed.problems).toEqual([]);
          expect(await readModelsDifferingFromRebuild(store, live)).toEqual([]);
          progress(
            `[ferretdb] ${log.length} events, ${load.acked.length} acknowledged commands, ${feed.messages} feed messages: ` +
              `projector resumed by itself, read models in FerretDB = rebuild`,
          );
        } finally {
          await Promise.all([store.close(), live.close()]);
        }
      } finally {
        await server.kill9();
        if (!ferretUp) await startFerretdb(config); // leave it up for the other tests
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
