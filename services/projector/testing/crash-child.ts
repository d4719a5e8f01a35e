/**
 * Child process of the kill-and-restart test (projector.crash.test.ts): runs a projector over a deterministic log
 * into an SQLite read store file, in small batches, and prints `caught-up` when it has applied the whole log.
 *
 *   tsx services/projector/testing/crash-child.ts <readmodels.sqlite> <events> <streams>
 */
import { SqliteReadStore } from '../../readstore/sqlite/sqlite-read-store';
import { Projector } from '../projector';
import { countingProjection } from './counting-projection';
import { InMemoryEventStore } from './in-memory-event-store';
import { fillSyntheticLog } from './synthetic-log';

async function main(): Promise<void> {
  const [file, events, streams] = process.argv.slice(2);
  const eventStore = new InMemoryEventStore({ now: () => '2026-01-01T00:00:00.000Z' });
  fillSyntheticLog(eventStore, { events: Number(events), streams: Number(streams) });
  const readStore = new SqliteReadStore({ filename: file! });
  const projector = new Projector({ eventStore, readStore, projections: [countingProjection()], batchSize: 3 });
  await projector.start();
  process.stdout.write('started\n');
  if (await projector.waitForPosition(Number(events), 120_000)) process.stdout.write('caught-up\n');
  await projector.stop();
  await readStore.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
