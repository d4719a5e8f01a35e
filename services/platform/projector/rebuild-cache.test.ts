/**
 * The rebuild's bounded cache (peak RSS): the Bloom filter of evicted keys never forgets one, and a
 * rebuild that evicts every flushed document and reads it back builds the same read models as one that keeps all.
 */
import { privatizationStream } from '../../../domain/privatization/stream';
import { complaintStreamName } from '../../../domain/complaints/stream';
import type { RecordedEvent } from '../../../contracts/envelope';
import type { Projection, ReadDoc } from '../../../projections/projection';
import { SqliteReadStore } from '../../adapters/sqlite/readstore/sqlite-read-store';
import { RebuildCache, StringBloom } from './rebuild-cache';

describe('StringBloom', () => {
  test('no false negatives, few false positives', () => {
    const bloom = new StringBloom(1 << 16);
    for (let i = 0; i < 5000; i++) bloom.add(`${privatizationStream(String(i))}#000000001`);
    for (let i = 0; i < 5000; i++) expect(bloom.mayContain(`${privatizationStream(String(i))}#000000001`)).toBe(true);
    let positives = 0;
    for (let i = 0; i < 5000; i++) if (bloom.mayContain(`${complaintStreamName(String(i))}#000000001`)) positives += 1;
    expect(positives).toBeLessThan(250); // ~1% expected at 13 bits per key and 4 hashes
  });
});

/** A counter per stream (changes on every event) and a write-once document per event. */
const counter: Projection<ReadDoc & { n: number; last: number }> = {
  name: 'counter',
  version: 1,
  collection: 'counters',
  indexes: [],
  keysOf: (e) => [e.streamName, `${e.streamName}#${e.revision}`],
  evolve: (doc, e, key) =>
    key === e.streamName ? { id: key, n: (doc?.n ?? 0) + 1, last: e.position } : (doc ?? { id: key, n: 1, last: 0 }),
};

const event = (position: number, stream: number, revision: number): RecordedEvent => ({
  position,
  streamName: `s-${stream}`,
  revision,
  eventId: `e-${position}`,
  type: 'Counted',
  schemaVersion: 1,
  data: {},
  metadata: {
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    actor: { sub: 'user:x', roles: [] },
    occurredAt: '2026-03-02T05:00:00Z',
    recordedAt: '2026-03-02T05:00:00Z',
    regulationVersion: 'order-115-2025',
    prevHash: '',
    hash: '',
  },
});

async function fold(cacheBytes: number) {
  const store = new SqliteReadStore({ filename: ':memory:' });
  await store.init([counter]);
  const generation = await store.beginRebuild(counter);
  const reads: number[] = [];
  const getMany = store.getMany.bind(store);
  store.getMany = (collection, ids, options) => {
    reads.push(ids.length);
    return getMany(collection, ids, options);
  };
  const cache = new RebuildCache(counter as unknown as Projection, true);
  // 40 streams of 10 events, interleaved, in pages of 25 with a flush (and eviction) after each.
  const log: RecordedEvent[] = [];
  for (let r = 0; r < 10; r++) for (let s = 0; s < 40; s++) log.push(event(log.length + 1, s, r));
  for (let i = 0; i < log.length; i += 25) {
    await cache.apply(log.slice(i, i + 25), store, generation);
    await store.commit(counter.name, cache.takeWrites(), log[Math.min(i + 25, log.length) - 1]!.position, {
      generation,
    });
    cache.evict(cacheBytes);
  }
  await store.switchAlias(counter.name, generation);
  const docs = (await store.find(counter.collection, { limit: 1000 })).items;
  await store.close();
  return { docs, reads: reads.reduce((a, b) => a + b, 0), cached: cache.size };
}

describe('RebuildCache', () => {
  test('evicting every flushed document (read back when touched again) builds the same documents', async () => {
    const kept = await fold(Infinity);
    const evicting = await fold(0);
    expect(kept.reads).toBe(0); // a fresh generation: misses are new documents
    expect(evicting.cached).toBe(0);
    // Every counter is read back on each later event of its stream (9 × 40); the write-once steps never are,
    // except the Bloom filter's rare false positives.
    expect(evicting.reads).toBeGreaterThanOrEqual(360);
    expect(evicting.reads).toBeLessThan(380);
    expect(evicting.docs).toEqual(kept.docs);
    expect(kept.docs).toHaveLength(440);
    expect(kept.docs.find((d) => d.id === 's-7')).toMatchObject({ n: 10 });
  });
});
