/**
 * Child process of projector-kill.integration.test.ts: the projector (a counting projection that checks every
 * stream's events arrive exactly once, in order) and the monitoring feed runner, over the embedded SQLite log the
 * test filled, into the MongoDB read store on FerretDB, in small batches. Prints `caught-up` when both applied the
 * whole log.
 *
 *   tsx test/integration/projector-child.ts <events.sqlite> <mongodb-url> <database>
 */
import { createSqliteEventStore } from '../../services/adapters/sqlite/eventstore/sqlite-event-store';
import { FeedRunner } from '../../services/features/feed';
import { monitoredServices } from '../../services/platform/definitions';
import { registry } from '../../services/registry';
import { MongoReadStore } from '../../services/adapters/mongo/read-store';
import { Projector } from '../../services/platform/projector/projector';
import { countingProjection } from '../../services/platform/projector/testing/counting-projection';

const services = monitoredServices(registry.services);

async function main(): Promise<void> {
  const [eventsFile, url, database] = process.argv.slice(2);
  const eventStore = createSqliteEventStore({ file: eventsFile!, backgroundCheckpoints: false });
  const head = await eventStore.headPosition();
  // KEZEN_IT_GUARD_IN_FILTER=false: the FerretDB fast path of services/adapters/mongo/writes.ts (guard by `_id` lookup).
  const guardInFilter = process.env.KEZEN_IT_GUARD_IN_FILTER !== 'false';
  const readStore = new MongoReadStore({ url: url!, database: database!, guardInFilter });
  const projector = new Projector({ eventStore, readStore, projections: [countingProjection()], batchSize: 7 });
  const feed = new FeedRunner({ eventStore, services, readStore, batchSize: 5 });
  await projector.start();
  await feed.start();
  process.stdout.write('started\n');
  const caughtUp = await projector.waitForPosition(head, 120_000);
  while (feed.checkpoint() < head) await new Promise((r) => setTimeout(r, 50));
  if (caughtUp) process.stdout.write('caught-up\n');
  await feed.stop();
  await projector.stop();
  await readStore.close();
  await eventStore.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
