/**
 * The pipeline's steps on the case (decide-append.ts) and the folded-state cache: only the events since the last
 * fold are read, other writers' events are seen, old event versions are upcast on load.
 */
import { InvalidState } from '../../../domain/shared/errors';
import { createSqliteEventStore } from '../../adapters/sqlite/eventstore/sqlite-event-store';
import { UpcasterRegistry } from '../eventstore/upcasting';
import { commandEventId } from './ids';
import { accepted, tallyOnStore } from './testing/tally';
import { embeddedEventStore } from '../../adapters/sqlite/testing/embedded-store';

const { harness, run } = tallyOnStore(embeddedEventStore);
const { streamName } = harness;

describe('the folded-state cache (only events since the last fold are read)', () => {
  beforeEach(() => run({ type: 'OpenTally', data: { regulation: 'order-115-2025' } }, 'open'));

  it('sees events another writer appended after the cached fold', async () => {
    await run({ type: 'Count', data: { by: 1 } }, 'c-1');
    const last = (await harness.store.readStream(streamName)).at(-1)!;
    await harness.store.append(
      streamName,
      [
        {
          eventId: commandEventId('elsewhere', 0),
          type: 'Counted',
          schemaVersion: 1,
          data: { by: 100 },
          metadata: { ...last.metadata, commandId: 'elsewhere' },
        },
      ],
      last.revision,
    );
    const result = await accepted(run({ type: 'Count', data: { by: 1 } }, 'c-2'));
    expect(result.state.total).toBe(102);
    expect(result.revision).toBe(3);
  });

  /** Another writer (another process) appends behind this handler's cache. */
  async function appendElsewhere(type: 'Counted' | 'TallyClosed', data: object, id: string) {
    const last = (await harness.store.readStream(streamName)).at(-1)!;
    await harness.store.append(
      streamName,
      [{ eventId: commandEventId(id, 0), type, schemaVersion: 1, data, metadata: { ...last.metadata, commandId: id } }],
      last.revision,
    );
  }

  it('a command decided on a stale cached fold is decided again on the stream as read (then refused here)', async () => {
    await run({ type: 'Count', data: { by: 1 } }, 'c-1'); // cached: open, revision 1
    await appendElsewhere('TallyClosed', {}, 'closed-elsewhere');
    expect(await run({ type: 'Count', data: { by: 1 } }, 'c-2')).toMatchObject({
      outcome: 'rejected',
      error: expect.any(InvalidState),
    });
    expect((await harness.store.readStream(streamName)).map((e) => e.type)).toEqual([
      'TallyOpened',
      'Counted',
      'TallyClosed',
    ]);
  });

  it('If-Match of a revision the cache has not seen is checked against the stream, not the cache', async () => {
    await run({ type: 'Count', data: { by: 1 } }, 'c-1'); // cached revision 1
    await appendElsewhere('Counted', { by: 100 }, 'elsewhere');
    const result = await run({ type: 'Count', data: { by: 1 } }, 'c-2', { expectedRevision: 2 });
    expect(result).toMatchObject({ revision: 3, state: { total: 102 } });
    // And a stale If-Match is still refused, with the stream's real revision.
    expect(await run({ type: 'Count', data: { by: 1 } }, 'c-3', { expectedRevision: 2 })).toEqual({
      outcome: 'wrong-revision',
      expected: 2,
      actual: 3,
    });
  });

  it('interleaved commands on one stream fold every event exactly once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        accepted(run({ type: 'Count', data: { by: 1 } }, `c-${i}`, { maxAttempts: 50 })),
      ),
    );
    expect(Math.max(...results.map((r) => r.state.total))).toBe(20);
    const next = await accepted(run({ type: 'Count', data: { by: 1 } }, 'c-last'));
    expect(next.state.total).toBe(21);
    expect(next.revision).toBe(21);
  });
});

describe('upcasting on load', () => {
  it('folds old event versions as the current version', async () => {
    await run({ type: 'OpenTally', data: { regulation: 'order-115-2025' } }, 'cmd-open');
    // Version 1 of Counted carried `amount`; version 2 calls it `by`.
    await harness.store.append(
      streamName,
      [
        {
          eventId: commandEventId('legacy', 0),
          type: 'Counted',
          schemaVersion: 1,
          data: { amount: 4 },
          metadata: { ...(await harness.store.readStream(streamName))[0]!.metadata, commandId: 'legacy' },
        },
      ],
      0,
    );
    await harness.store.close();
    harness.store = createSqliteEventStore({
      dataDir: harness.dataDir,
      upcasters: new UpcasterRegistry([
        { type: 'Counted', fromVersion: 1, upcast: (d) => ({ by: (d as { amount: number }).amount }) },
      ]),
    });
    const result = await accepted(run({ type: 'Count', data: { by: 1 } }, 'cmd-new', { eventSchemaVersion: 2 }));
    expect(result.state.total).toBe(5);
    expect(result.events[0]!.schemaVersion).toBe(2);
  });
});
