/**
 * The read-store contract (services/platform/readstore/port.ts): every adapter passes it.
 *
 *   readStoreContract('SQLite', async () => ({ store: new SqliteReadStore({ filename: ':memory:' }) }));
 *
 * The factory returns a fresh, empty store (and optionally a cleanup). Uses only behaviour FerretDB v1 can provide.
 */
import type { ProjectionDescriptor, ReadDoc } from '../../projections/projection';
import { Projector } from '../../services/platform/projector/projector';
import { countingProjection, type CountDoc } from '../../services/platform/projector/testing/counting-projection';
import { InMemoryEventStore } from '../../services/platform/projector/testing/in-memory-event-store';
import { syntheticEvent } from '../../services/platform/projector/testing/synthetic-log';
import {
  CheckpointMoved,
  GenerationChanged,
  type DocWrite,
  multiFieldsOf,
  storedMultiOf,
  type FindQuery,
  type ReadStore,
} from '../../services/platform/readstore/port';

export interface ReadStoreFixture {
  store: ReadStore;
  cleanup?: () => Promise<void>;
}

const cases: ProjectionDescriptor = {
  name: 'contract-cases',
  version: 1,
  collection: 'contract_cases',
  indexes: [
    { field: 'providerId' },
    { field: 'status' },
    { field: 'submittedOn' },
    { field: 'nextDueOn' },
    { field: 'overdueFlag' },
    { field: 'number', unique: true },
    { field: 'partyIins', multi: true },
  ],
};

interface CaseDoc extends ReadDoc {
  providerId: string;
  status: string;
  submittedOn: string;
  nextDueOn: string | null;
  overdueFlag: boolean;
  number: number;
  partyIins: string[];
}

function caseDoc(i: number): CaseDoc {
  return {
    id: `case-${String(i).padStart(3, '0')}`,
    providerId: `p${i % 3}`,
    status: i % 4 === 0 ? 'closed' : 'open',
    submittedOn: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
    nextDueOn: i % 5 === 0 ? null : `2026-02-${String((i % 20) + 1).padStart(2, '0')}`,
    overdueFlag: i % 2 === 0,
    number: i,
    partyIins: [`iin-${i % 7}`, `iin-family-${i % 2}`],
    nested: { anything: [i] },
  };
}

const write = (doc: CaseDoc | null, id: string, position: number): DocWrite => ({
  collection: cases.collection,
  id,
  doc,
  position,
});

export function readStoreContract(name: string, factory: () => Promise<ReadStoreFixture>): void {
  describe(`ReadStore contract: ${name}`, () => {
    let fixture: ReadStoreFixture;
    let store: ReadStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
      await store.init([cases]);
    });

    afterEach(async () => {
      await store.close();
      await fixture.cleanup?.();
    });

    async function seed(n: number): Promise<CaseDoc[]> {
      const docs = Array.from({ length: n }, (_, i) => caseDoc(i));
      await store.commit(
        cases.name,
        docs.map((d, i) => write(d, d.id, i + 1)),
        n,
      );
      return docs;
    }

    test('a fresh projection starts at checkpoint 0 in generation 1; init is idempotent', async () => {
      expect(await store.getCheckpoint(cases.name)).toBe(0);
      await store.init([cases]);
      expect(await store.activeGeneration(cases.name)).toEqual({
        generation: 1,
        version: 1,
        checkpoint: 0,
        active: true,
      });
    });

    test('commit stores documents and the checkpoint together; get returns the document as written', async () => {
      const docs = await seed(3);
      expect(await store.getCheckpoint(cases.name)).toBe(3);
      expect(await store.get(cases.collection, docs[1]!.id)).toEqual(docs[1]);
      expect(await store.get(cases.collection, 'absent')).toBeNull();
      const many = await store.getMany(cases.collection, [docs[0]!.id, 'absent', docs[2]!.id]);
      expect([...many.keys()].sort()).toEqual([docs[0]!.id, docs[2]!.id]);
      expect(many.get(docs[2]!.id)).toEqual(docs[2]);
    });

    test('a null document deletes; a replayed older write never overwrites a newer one (idempotent replay)', async () => {
      const [d0, d1] = await seed(2);
      await store.commit(cases.name, [write({ ...d0!, status: 'refused' }, d0!.id, 10), write(null, d1!.id, 11)], 11);
      expect((await store.get<CaseDoc>(cases.collection, d0!.id))?.status).toBe('refused');
      expect(await store.get(cases.collection, d1!.id)).toBeNull();
      // Replaying the first batch (positions 1..2) must not undo the later state.
      await store.commit(cases.name, [write(d0!, d0!.id, 1)], 11);
      expect((await store.get<CaseDoc>(cases.collection, d0!.id))?.status).toBe('refused');
      expect(await store.count(cases.collection, { status: 'refused' })).toBe(1);
    });

    test('find filters by equality, ranges, sets, booleans, nulls and array membership', async () => {
      const docs = await seed(40);
      const ids = (pred: (d: CaseDoc) => boolean) =>
        docs
          .filter(pred)
          .map((d) => d.id)
          .sort();
      const all = async (where: FindQuery['where']) =>
        (await store.find<CaseDoc>(cases.collection, { where, limit: 1000 })).items.map((d) => d.id).sort();

      expect(await all({ providerId: 'p1', status: 'open' })).toEqual(
        ids((d) => d.providerId === 'p1' && d.status === 'open'),
      );
      expect(await all({ submittedOn: { gte: '2026-01-05', lt: '2026-01-10' } })).toEqual(
        ids((d) => d.submittedOn >= '2026-01-05' && d.submittedOn < '2026-01-10'),
      );
      expect(await all({ providerId: { in: ['p0', 'p2'] } })).toEqual(ids((d) => d.providerId !== 'p1'));
      expect(await all({ overdueFlag: true })).toEqual(ids((d) => d.overdueFlag));
      expect(await all({ nextDueOn: null })).toEqual(ids((d) => d.nextDueOn === null));
      expect(await all({ nextDueOn: { lte: '2026-02-05' } })).toEqual(
        ids((d) => d.nextDueOn !== null && d.nextDueOn <= '2026-02-05'),
      );
      // "not overdue": a due date today or later, or no due date at all.
      expect(await all({ nextDueOn: { gte: '2026-02-05', orNull: true } })).toEqual(
        ids((d) => d.nextDueOn === null || d.nextDueOn >= '2026-02-05'),
      );
      expect(await all({ nextDueOn: { gte: '2026-02-05', orNull: true }, providerId: 'p1' })).toEqual(
        ids((d) => (d.nextDueOn === null || d.nextDueOn >= '2026-02-05') && d.providerId === 'p1'),
      );
      expect(await all({ partyIins: 'iin-3' })).toEqual(ids((d) => d.partyIins.includes('iin-3')));
      expect(await all({ partyIins: { in: ['iin-3', 'iin-4'] }, status: 'open' })).toEqual(
        ids((d) => (d.partyIins.includes('iin-3') || d.partyIins.includes('iin-4')) && d.status === 'open'),
      );
      expect(await store.count(cases.collection, { providerId: 'p1' })).toBe(
        docs.filter((d) => d.providerId === 'p1').length,
      );
      expect(await store.count(cases.collection)).toBe(40);
    });

    test('array membership follows updates (a removed family member no longer finds the case)', async () => {
      const [d0] = await seed(1);
      expect(await store.count(cases.collection, { partyIins: 'iin-0' })).toBe(1);
      await store.commit(cases.name, [write({ ...d0!, partyIins: ['someone-else'] }, d0!.id, 5)], 5);
      expect(await store.count(cases.collection, { partyIins: 'iin-0' })).toBe(0);
      expect(await store.count(cases.collection, { partyIins: 'someone-else' })).toBe(1);
    });

    test('a writer that says what is stored (storedMulti): membership is right, changed or not, new or deleted', async () => {
      const fields = multiFieldsOf(cases.indexes);
      const d = caseDoc(0);
      // New document, stored: null.
      await store.commit(cases.name, [{ ...write(d, d.id, 1), storedMulti: storedMultiOf(null, fields) }], 1);
      expect(await store.count(cases.collection, { partyIins: 'iin-0' })).toBe(1);
      // Unchanged members, another field changed.
      const closed = { ...d, status: 'closed' };
      await store.commit(cases.name, [{ ...write(closed, d.id, 2), storedMulti: storedMultiOf(d, fields) }], 2);
      expect(await store.count(cases.collection, { partyIins: 'iin-0', status: 'closed' })).toBe(1);
      // Changed members.
      const moved = { ...closed, partyIins: ['iin-new'] };
      await store.commit(cases.name, [{ ...write(moved, d.id, 3), storedMulti: storedMultiOf(closed, fields) }], 3);
      expect(await store.count(cases.collection, { partyIins: 'iin-0' })).toBe(0);
      expect(await store.count(cases.collection, { partyIins: 'iin-new' })).toBe(1);
      // Deleted.
      await store.commit(cases.name, [{ ...write(null, d.id, 4), storedMulti: storedMultiOf(moved, fields) }], 4);
      expect(await store.count(cases.collection, { partyIins: 'iin-new' })).toBe(0);
      expect(await store.count(cases.collection)).toBe(0);
    });

    test('keyset pagination walks every document exactly once, in order, for asc/desc sorts with nulls and ties', async () => {
      const docs = await seed(53);
      for (const orderBy of [
        [{ field: 'nextDueOn', direction: 'asc' as const }],
        [{ field: 'nextDueOn', direction: 'desc' as const }],
        [
          { field: 'providerId', direction: 'asc' as const },
          { field: 'submittedOn', direction: 'desc' as const },
        ],
        [],
      ]) {
        const seen: CaseDoc[] = [];
        let after: string | undefined;
        for (let guard = 0; guard < 100; guard++) {
          const page = await store.find<CaseDoc>(cases.collection, {
            where: { status: { ne: 'gone' } },
            orderBy,
            limit: 7,
            after,
          });
          seen.push(...page.items);
          if (!page.nextCursor) break;
          after = page.nextCursor;
        }
        expect(seen.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
        const key = (d: CaseDoc) => orderBy.map((o) => d[o.field as keyof CaseDoc] as string | null);
        for (let i = 1; i < seen.length; i++) {
          const a = key(seen[i - 1]!);
          const b = key(seen[i]!);
          for (let k = 0; k < orderBy.length; k++) {
            const cmp = a[k] === b[k] ? 0 : a[k] === null ? -1 : b[k] === null ? 1 : a[k]! < b[k]! ? -1 : 1;
            if (cmp === 0) continue;
            expect(orderBy[k]!.direction === 'desc' ? -cmp : cmp).toBe(-1);
            break;
          }
        }
      }
    });

    test('a page smaller than the limit has no next cursor', async () => {
      await seed(5);
      const page = await store.find(cases.collection, { limit: 10 });
      expect(page.items).toHaveLength(5);
      expect(page.nextCursor).toBeNull();
    });

    test('querying an undeclared field is refused', async () => {
      await seed(2);
      await expect(store.find(cases.collection, { where: { nested: 'x' } })).rejects.toThrow();
    });

    test('blue/green: a rebuild fills a new generation while reads see the old one, then switches atomically', async () => {
      const docs = await seed(4);
      const generation = await store.beginRebuild({ ...cases, version: 2 });
      expect(generation).toBeGreaterThan(1);
      expect(await store.getCheckpoint(cases.name, generation)).toBe(0);
      await store.commit(cases.name, [write({ ...docs[0]!, status: 'rebuilt' }, docs[0]!.id, 1)], 1, { generation });
      // The API still reads the old generation.
      expect(await store.count(cases.collection)).toBe(4);
      expect(await store.count(cases.collection, { status: 'rebuilt' })).toBe(0);
      expect((await store.get<CaseDoc>(cases.collection, docs[0]!.id, { generation }))?.status).toBe('rebuilt');
      // The live projector writing the active generation with requireActive still succeeds before the switch...
      await store.commit(cases.name, [], 5, { generation: 1, requireActive: true });
      expect(await store.switchAlias(cases.name, generation)).toBe(1);
      // ...and is told to move over after it.
      await expect(store.commit(cases.name, [], 6, { generation: 1, requireActive: true })).rejects.toBeInstanceOf(
        GenerationChanged,
      );
      expect(await store.count(cases.collection)).toBe(1);
      expect(await store.getCheckpoint(cases.name)).toBe(1);
      expect(await store.activeGeneration(cases.name)).toEqual({ generation, version: 2, checkpoint: 1, active: true });
      await expect(store.dropPhysical(cases.name, generation)).rejects.toThrow();
      await store.dropPhysical(cases.name, 1);
      expect((await store.generations(cases.name)).map((g) => g.generation)).toEqual([generation]);
      expect(await store.count(cases.collection, { status: 'rebuilt' })).toBe(1);
    });

    describe('two projector instances (expectedCheckpoint): a batch is applied by one of them only', () => {
      test('a batch computed from a checkpoint that has moved is refused and writes nothing', async () => {
        const [d0] = await seed(1); // checkpoint 1
        // Instances A and B both computed a batch from checkpoint 1; A commits first.
        const a = [write({ ...d0!, status: 'by-a' }, d0!.id, 5), write(caseDoc(50), caseDoc(50).id, 6)];
        await store.commit(cases.name, a, 6, { expectedCheckpoint: 1 });
        const b = [write({ ...d0!, status: 'by-b' }, d0!.id, 7), write(caseDoc(51), caseDoc(51).id, 7)];
        await expect(store.commit(cases.name, b, 7, { expectedCheckpoint: 1 })).rejects.toBeInstanceOf(CheckpointMoved);
        expect((await store.get<CaseDoc>(cases.collection, d0!.id))?.status).toBe('by-a');
        expect(await store.get(cases.collection, caseDoc(51).id)).toBeNull();
        expect(await store.getCheckpoint(cases.name)).toBe(6);
        // B resumes from the stored checkpoint.
        await store.commit(cases.name, b, 7, { expectedCheckpoint: 6 });
        expect((await store.get<CaseDoc>(cases.collection, d0!.id))?.status).toBe('by-b');
        expect(await store.getCheckpoint(cases.name)).toBe(7);
      });

      test('instances racing from the same checkpoint: exactly one batch lands, whole; the others write nothing', async () => {
        await seed(2); // checkpoint 2
        const racers = ['a', 'b', 'c', 'd', 'e'];
        // Each racer's batch touches the same two documents and one of its own, at racer-specific positions.
        const batch = (r: string, k: number): DocWrite[] => [
          write({ ...caseDoc(0), status: `by-${r}` }, caseDoc(0).id, 3 + k),
          write({ ...caseDoc(1), status: `by-${r}` }, caseDoc(1).id, 3 + k),
          write({ ...caseDoc(100 + k), status: `by-${r}` }, caseDoc(100 + k).id, 3 + k),
        ];
        const outcomes = await Promise.allSettled(
          racers.map((r, k) => store.commit(cases.name, batch(r, k), 3 + k, { expectedCheckpoint: 2 })),
        );
        const won = outcomes.flatMap((o, k) => (o.status === 'fulfilled' ? [k] : []));
        expect(won).toHaveLength(1);
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(CheckpointMoved);
        const k = won[0]!;
        expect(await store.getCheckpoint(cases.name)).toBe(3 + k);
        const status = async (i: number) => (await store.get<CaseDoc>(cases.collection, caseDoc(i).id))?.status;
        expect(await status(0)).toBe(`by-${racers[k]}`);
        expect(await status(1)).toBe(`by-${racers[k]}`);
        for (let other = 0; other < racers.length; other++) {
          expect(await store.get(cases.collection, caseDoc(100 + other).id)).toEqual(
            other === k ? { ...caseDoc(100 + k), status: `by-${racers[k]}` } : null,
          );
        }
      });

      test('two projectors catching up and running live over one log: every event applied exactly once', async () => {
        const log = new InMemoryEventStore();
        const STREAMS = 5;
        const BACKLOG = 240;
        const LIVE = 60;
        const append = (i: number) => log.append(`synthetic-${i % STREAMS}`, [syntheticEvent(i)], 'any');
        for (let i = 0; i < BACKLOG; i++) await append(i);
        const counting = countingProjection();
        const options = { eventStore: log, readStore: store, projections: [counting], retryDelayMs: 5 };
        // Different batch sizes and no coalescing delay: the two compute overlapping, differently cut batches, so
        // without the fence one would fold documents the other had already advanced (a count off, out of sequence).
        const a = new Projector({ ...options, batchSize: 3, liveBatchDelayMs: 0 });
        const b = new Projector({ ...options, batchSize: 7, liveBatchDelayMs: 0 });
        await Promise.all([a.start(), b.start()]);
        for (let i = BACKLOG; i < BACKLOG + LIVE; i++) {
          await append(i);
          if (i % 7 === 0) await new Promise((r) => setTimeout(r, 2));
        }
        const head = await log.headPosition();
        for (let i = 0; i < 6000 && (await store.getCheckpoint(counting.name)) < head; i++) {
          await new Promise((r) => setTimeout(r, 10));
        }
        await Promise.all([a.stop(), b.stop()]);
        expect(await store.getCheckpoint(counting.name)).toBe(head);
        const docs = (await store.find<CountDoc>(counting.collection, { limit: 100 })).items;
        expect(docs).toHaveLength(STREAMS);
        expect(docs.every((d) => d.inSequence)).toBe(true);
        expect(docs.reduce((n, d) => n + d.count, 0)).toBe(BACKLOG + LIVE);
      }, 120_000);
    });

    test('health reports ok', async () => {
      expect((await store.health()).ok).toBe(true);
    });
  });
}
