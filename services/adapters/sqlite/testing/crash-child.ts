/**
 * Child process of the kill-and-restart test (projector.crash.test.ts): runs a projector over the embedded SQLite
 * event store file the test filled, into an SQLite read store file, in small batches, and prints `caught-up` when
 * it has applied the whole log.
 *
 *   tsx services/adapters/sqlite/testing/crash-child.ts <read-models.sqlite> <events.sqlite>
 */
import { createSqliteEventStore } from '../eventstore/sqlite-event-store';
import { SqliteReadStore } from '../readstore/sqlite-read-store';
import { Projector } from '../../../platform/projector/projector';
import { countingProjection } from '../../../platform/projector/testing/counting-projection';

async function main(): Promise<void> {
  const [file, eventsFile] = process.argv.slice(2);
  const eventStore = createSqliteEventStore({ file: eventsFile!, backgroundCheckpoints: false });
  const head = await eventStore.headPosition();
  const readStore = new SqliteReadStore({ filename: file! });
  const projector = new Projector({ eventStore, readStore, projections: [countingProjection()], batchSize: 3 });
  await projector.start();
  process.stdout.write('started\n');
  if (await projector.waitForPosition(head, 120_000)) process.stdout.write('caught-up\n');
  await projector.stop();
  await readStore.close();
  await eventStore.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
