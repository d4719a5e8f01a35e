/**
 * readTimeline reads a case's steps by stream name, ordered by id (the log position): exactly that stream's steps,
 * in revision order, across pages — none of a stream whose name merely starts with the same characters.
 */
import { PRIVATIZATION_STREAM_PREFIX, privatizationStream } from '../../../domain/privatization/stream';
import type { ReadDoc } from '../../../projections/projection';
import { timelineStepId } from '../../../projections/shared/timeline';
import { SqliteReadStore } from '../../adapters/sqlite/readstore/sqlite-read-store';
import { readTimeline } from './timeline-query';

const steps = { name: 'steps', version: 1, collection: 'steps', indexes: [{ field: 'streamName' }] };
const deadlines = { name: 'deadlines', version: 1, collection: 'deadlines', indexes: [{ field: 'streamName' }] };

function step(streamName: string, revision: number, position: number): ReadDoc {
  return {
    id: timelineStepId({ position }),
    streamName,
    caseId: streamName.slice(PRIVATIZATION_STREAM_PREFIX.length),
    revision,
    position,
    type: 'GatewayDataRecorded',
    occurredAt: '2026-03-02T05:00:00Z',
    recordedAt: '2026-03-02T05:00:00Z',
    actor: { roles: ['provider-officer'], id: 'us***-1' },
    summary: `step ${revision}`,
    rule: null,
    regulationVersion: 'order-115-2025',
  };
}

test('a timeline is the steps of its stream, in revision order, over several pages', async () => {
  const store = new SqliteReadStore({ filename: ':memory:' });
  await store.init([steps, deadlines]);
  const writes = [];
  // Written out of order, interleaved in the log with streams whose names extend "privatization-a".
  let position = 0;
  for (let r = 0; r < 1_200; r++) {
    writes.push(step(privatizationStream('a'), r, (position += 1)));
    if (r < 3)
      for (const s of [
        privatizationStream('a1'),
        privatizationStream('a-2'),
        privatizationStream('b'),
        PRIVATIZATION_STREAM_PREFIX,
      ])
        writes.push(step(s, r, (position += 1)));
  }
  writes.reverse();
  await store.commit(
    'steps',
    writes.map((doc) => ({ collection: 'steps', id: doc.id, doc, position: 1 })),
    1,
  );
  const source = {
    streamPrefix: PRIVATIZATION_STREAM_PREFIX,
    stepsCollection: 'steps',
    deadlinesCollection: 'deadlines',
  };
  const a = await readTimeline(store, source, privatizationStream('a'));
  expect(a?.steps.map((s) => s.revision)).toEqual(Array.from({ length: 1_200 }, (_, i) => i));
  expect(a?.caseId).toBe('a');
  expect((await readTimeline(store, source, privatizationStream('a1')))?.steps).toHaveLength(3);
  expect(await readTimeline(store, source, privatizationStream('c'))).toBeNull();
  await store.close();
});
