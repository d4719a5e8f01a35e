/**
 * The pipeline's steps on the case (decide-append.ts), with a toy decider (testing/tally.ts) on the embedded
 * store: given events / when command / then events, idempotency, concurrency. Every "no" is a result value.
 */
import { InvalidState } from '../../../domain/shared/errors';
import { createSqliteEventStore } from '../../adapters/sqlite/eventstore/sqlite-event-store';
import type { EventStore } from '../eventstore/port';
import { commandEventId, commandFingerprint } from './ids';
import { accepted, context, tallyOnStore } from './testing/tally';
import { embeddedEventStore } from '../../adapters/sqlite/testing/embedded-store';

const { harness, run } = tallyOnStore(embeddedEventStore);
const { streamName } = harness;

describe('given no stream, when a command is decided', () => {
  it('appends its events in envelopes: deterministic ids, actor, business time, regulation version', async () => {
    const result = await accepted(
      run({ type: 'OpenTally', data: { regulation: 'order-115-2025' } }, 'cmd-open', { correlationId: 'corr-1' }),
    );
    expect(result).toMatchObject({ revision: 0, replayed: false, state: { status: 'open', total: 0 } });
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event).toMatchObject({ eventId: commandEventId('cmd-open', 0), type: 'TallyOpened', schemaVersion: 1 });
    expect(event!.metadata).toMatchObject({
      commandId: 'cmd-open',
      correlationId: 'corr-1',
      causationId: 'cmd-open',
      actor: context.actor,
      occurredAt: context.now,
      regulationVersion: 'order-115-2025',
    });
    expect(result.position).toBe(event!.position);
  });
});

describe('idempotency: a command id already handled returns its first result and appends nothing', () => {
  beforeEach(async () => {
    await run({ type: 'OpenTally', data: { regulation: 'order-115-2025' } }, 'cmd-open');
  });

  it('when the same command is sent again', async () => {
    const first = await run({ type: 'Count', data: { by: 3 } }, 'cmd-count');
    const again = await run({ type: 'Count', data: { by: 3 } }, 'cmd-count');
    expect(again).toEqual({ ...first, replayed: true });
    expect(await harness.store.readStream(streamName)).toHaveLength(2);
  });

  it('also after a restart of the process (the record is durable)', async () => {
    const first = await run({ type: 'Count', data: { by: 3 } }, 'cmd-count');
    await harness.store.close();
    harness.store = createSqliteEventStore({ dataDir: harness.dataDir });
    const again = await run({ type: 'Count', data: { by: 3 } }, 'cmd-count');
    expect(again).toEqual({ ...first, replayed: true });
    expect(await harness.store.readStream(streamName)).toHaveLength(2);
  });

  it('the same id reused for a different command or another stream is refused', async () => {
    await run({ type: 'Count', data: { by: 3 } }, 'cmd-count');
    expect(await run({ type: 'Count', data: { by: 4 } }, 'cmd-count')).toEqual({
      outcome: 'idempotency-key-reused',
      firstStream: streamName,
    });
    expect(await run({ type: 'Count', data: { by: 3 } }, 'cmd-count', { streamName: 'tally-2' })).toMatchObject({
      outcome: 'idempotency-key-reused',
    });
    expect(await harness.store.readStream(streamName)).toHaveLength(2);
  });

  it('a command recorded under a name it has since lost is the same command under today’s name', async () => {
    // What the earlier code stored for `Add { by: 3 }`, a command since renamed `Count`: its events and its record.
    const [event] = (await accepted(run({ type: 'Count', data: { by: 3 } }, 'cmd-fresh'))).events;
    const { recordedAt: _r, prevHash: _p, hash: _h, ...metadata } = event!.metadata;
    await harness.store.append(
      streamName,
      [{ ...event!, eventId: commandEventId('cmd-earlier', 0), metadata: { ...metadata, commandId: 'cmd-earlier' } }],
      1,
      {
        command: {
          commandId: 'cmd-earlier',
          commandHash: commandFingerprint(streamName, { type: 'Add', data: { by: 3 } }),
        },
      },
    );
    const count = { type: 'Count' as const, data: { by: 3 } };
    expect(await run(count, 'cmd-earlier')).toEqual({ outcome: 'idempotency-key-reused', firstStream: streamName });
    expect(await run(count, 'cmd-earlier', { formerCommandTypes: ['Add'] })).toMatchObject({
      outcome: 'accepted',
      replayed: true,
      revision: 2,
    });
    // Another body under the same id is still another command.
    expect(await run({ type: 'Count', data: { by: 4 } }, 'cmd-earlier', { formerCommandTypes: ['Add'] })).toEqual({
      outcome: 'idempotency-key-reused',
      firstStream: streamName,
    });
    expect(await harness.store.readStream(streamName)).toHaveLength(3);
  });

  it('the same command sent twice at once is appended once', async () => {
    const [a, b] = await Promise.all([
      accepted(run({ type: 'Count', data: { by: 2 } }, 'cmd-twice')),
      accepted(run({ type: 'Count', data: { by: 2 } }, 'cmd-twice')),
    ]);
    expect(a.revision).toBe(b.revision);
    expect((await harness.store.readStream(streamName)).filter((e) => e.type === 'Counted')).toHaveLength(1);
  });

  it('a harness.store without command records is still idempotent through the events’ commandId', async () => {
    const withoutRecords: EventStore = Object.assign(Object.create(harness.store) as EventStore, {
      findCommand: undefined,
    });
    const first = await run({ type: 'Count', data: { by: 5 } }, 'cmd-5', { store: withoutRecords });
    const again = await accepted(run({ type: 'Count', data: { by: 5 } }, 'cmd-5', { store: withoutRecords }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(again.state.total).toBe(5);
  });

  it('a command id generated for the request (no Idempotency-Key) is neither looked up nor recorded; a keyed one is both', async () => {
    const findCommand = jest.spyOn(harness.store, 'findCommand');
    const append = jest.spyOn(harness.store, 'append');
    await run({ type: 'Count', data: { by: 1 } }, 'fresh-1', { freshCommandId: true });
    expect(findCommand).not.toHaveBeenCalled();
    expect(append.mock.calls[0]![3]).toEqual({ newEventIds: true });
    await run({ type: 'Count', data: { by: 1 } }, 'keyed-1');
    expect(findCommand).toHaveBeenCalledTimes(1);
    expect(await harness.store.findCommand('fresh-1')).toBeNull();
    expect(await harness.store.findCommand('keyed-1')).toMatchObject({ streamName, revision: 2 });
    // Its events still carry the command id, so the fold knows it was handled.
    expect((await harness.store.readStream(streamName)).map((e) => e.metadata.commandId)).toContain('fresh-1');
  });

  it('a create with a fresh command id is decided without reading; an existing stream still refuses it', async () => {
    const readStream = jest.spyOn(harness.store, 'readStream');
    const opened = await accepted(
      run({ type: 'OpenTally', data: { regulation: 'r' } }, 'fresh-open', {
        streamName: 'tally-2',
        expectedRevision: -1,
        freshCommandId: true,
      }),
    );
    expect(opened.revision).toBe(0);
    expect(readStream).not.toHaveBeenCalled();
    // A stream written by someone else (no cached fold here): the append's "no stream" check refuses the create.
    const [first] = await harness.store.readStream(streamName);
    await harness.store.append('tally-3', [{ ...first!, eventId: commandEventId('elsewhere', 0) }], 'no-stream');
    expect(
      await run({ type: 'OpenTally', data: { regulation: 'r' } }, 'fresh-again', {
        streamName: 'tally-3',
        expectedRevision: -1,
        freshCommandId: true,
      }),
    ).toEqual({ outcome: 'wrong-revision', expected: -1, actual: 0 });
    expect((await harness.store.readStream('tally-3')).length).toBe(1);
  });

  it('a command the decider rejects is not recorded and appends nothing', async () => {
    await run({ type: 'Close', data: {} }, 'cmd-close');
    expect(await run({ type: 'Count', data: { by: 1 } }, 'cmd-late')).toEqual({
      outcome: 'rejected',
      error: expect.any(InvalidState),
    });
    expect(await harness.store.findCommand('cmd-late')).toBeNull();
    expect(await harness.store.readStream(streamName)).toHaveLength(2);
  });
});

describe('a decision with no events', () => {
  it('appends nothing and answers with the current revision', async () => {
    await run({ type: 'OpenTally', data: { regulation: 'order-115-2025' } }, 'cmd-open');
    const result = await run({ type: 'Count', data: { by: 0 } }, 'cmd-zero');
    expect(result).toMatchObject({ revision: 0, events: [], replayed: false, state: { total: 0 } });
    expect(await harness.store.readStream(streamName)).toHaveLength(1);
    // Its record makes a later re-send a replay too.
    expect(await run({ type: 'Count', data: { by: 0 } }, 'cmd-zero')).toMatchObject({ replayed: true });
  });
});

describe('concurrency', () => {
  /** A harness.store where another writer appends to the stream right after each of the first `times` reads. */
  function racing(times: number): EventStore {
    let raced = 0;
    const racer = Object.create(harness.store) as EventStore;
    racer.readStream = async (name, options) => {
      const events = await harness.store.readStream(name, options);
      // Another writer appends right after each read to the stream's end (the handler's read before deciding).
      if (raced < times && options?.toRevision === undefined) {
        raced += 1;
        await harness.store.append(
          name,
          [
            {
              eventId: commandEventId(`other-writer-${raced}`, 0),
              type: 'Counted',
              schemaVersion: 1,
              data: { by: 10 },
              metadata: { ...events[0]!.metadata, commandId: `other-writer-${raced}` },
            },
          ],
          'any',
        );
      }
      return events;
    };
    return racer;
  }

  beforeEach(async () => {
    await run({ type: 'OpenTally', data: { regulation: 'order-115-2025' } }, 'cmd-open');
  });

  it('retries the whole decision when the stream changed between read and append', async () => {
    const result = await accepted(run({ type: 'Count', data: { by: 1 } }, 'cmd-1', { store: racing(2) }));
    expect(result.state.total).toBe(21);
    expect(result.revision).toBe(3);
  });

  it('gives up after the bounded number of attempts', async () => {
    expect(await run({ type: 'Count', data: { by: 1 } }, 'cmd-1', { store: racing(10), maxAttempts: 3 })).toEqual({
      outcome: 'conflict',
      reason: 'retries-exhausted',
      attempts: 3,
    });
  });

  it('with a pinned revision (If-Match) answers with the conflict instead of retrying', async () => {
    expect(await run({ type: 'Count', data: { by: 1 } }, 'cmd-1', { store: racing(1), expectedRevision: 0 })).toEqual({
      outcome: 'wrong-revision',
      expected: 0,
      actual: 1,
    });
    expect(await run({ type: 'Count', data: { by: 1 } }, 'cmd-2', { expectedRevision: 0 })).toMatchObject({
      outcome: 'wrong-revision',
      expected: 0,
      actual: 1,
    });
    expect(await run({ type: 'Count', data: { by: 1 } }, 'cmd-3', { expectedRevision: 1 })).toMatchObject({
      outcome: 'accepted',
      revision: 2,
    });
  });
});
