/**
 * Rebuild: a blue/green rebuild of the privatization read models equals what the live projector built
 * event by event, and the API's reads see the old generation until the switch.
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import { privatizationProjections } from '../../../projections/privatization';
import { RecordedCase } from '../../../projections/privatization/specs/recorded-case';
import type { Projection } from '../../../projections/projection';
import { contracted, heard } from '../../../domain/privatization/testing/histories';
import { validSubmitApplication } from '../../../domain/privatization/testing/fixtures';
import { SqliteReadStore } from '../../adapters/sqlite/readstore/sqlite-read-store';
import { selectProjections } from '../../../scripts/projections-rebuild';
import { Projector } from './projector';
import { rebuildProjections } from './rebuild';
import { InMemoryEventStore } from './testing/in-memory-event-store';

const projections = privatizationProjections as unknown as Projection[];

/** Several cases on different paths, re-recorded into one log. */
function logOfCases(): InMemoryEventStore {
  let recordedAt = '';
  const store = new InMemoryEventStore({ now: () => recordedAt });
  const scripts = [
    contracted({ track: 'communal-institution' }),
    heard(),
    contracted({ track: 'republican-institution', caseId: '11111111-2222-4333-8444-555555555555' }),
  ];
  const log: RecordedEvent[] = [];
  const fresh = new RecordedCase(log);
  fresh.run('2026-03-02T05:00:00Z', {
    type: 'SubmitApplication',
    data: validSubmitApplication({ caseId: '99999999-2222-4333-8444-555555555555' }),
  });
  scripts.forEach((script, n) => {
    script.history.forEach((e, i) => {
      recordedAt = `2026-03-${String(2 + (i % 20)).padStart(2, '0')}T0${n}:00:00Z`;
      store.appendSync(
        `privatization-case-${n}`,
        [
          {
            eventId: `e-${n}-${i}`,
            type: e.type,
            schemaVersion: 1,
            data: e.data,
            metadata: {
              commandId: 'c',
              correlationId: 'c',
              causationId: 'c',
              actor: { sub: 'user:officer-1', roles: ['provider-officer'] },
              occurredAt: recordedAt,
              regulationVersion: 'order-115-2025',
            },
          },
        ],
        'any',
      );
    });
  });
  for (const e of log) {
    recordedAt = e.metadata.recordedAt;
    const { recordedAt: _r, prevHash: _p, hash: _h, ...metadata } = e.metadata;
    store.appendSync(
      e.streamName,
      [{ eventId: e.eventId, type: e.type, schemaVersion: 1, data: e.data, metadata }],
      'any',
    );
  }
  return store;
}

async function dump(store: SqliteReadStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const p of projections) out[p.name] = (await store.find(p.collection, { limit: 1000 })).items;
  return out;
}

describe('rebuildProjections', () => {
  test('equals the live projector, event by event (small batches), for every privatization read model', async () => {
    const eventStore = logOfCases();
    const head = await eventStore.headPosition();
    const live = new SqliteReadStore({ filename: ':memory:' });
    const projector = new Projector({ eventStore, readStore: live, projections, batchSize: 3 });
    await projector.start();
    expect(await projector.waitForPosition(head, 10_000)).toBe(true);
    await projector.stop();

    const rebuilt = new SqliteReadStore({ filename: ':memory:' });
    const results = await rebuildProjections({
      eventStore,
      readStore: rebuilt,
      projections,
      readBatch: 7,
      flushEvery: 20,
    });
    expect(results.map((r) => [r.projection, r.events])).toEqual(projections.map((p) => [p.name, head]));
    const expected = await dump(live);
    expect(await dump(rebuilt)).toEqual(expected);
    expect(expected['privatization-case-view']).toHaveLength(4);
    await live.close();
    await rebuilt.close();
  });

  test('reads see the old generation until the switch; a failing projection leaves the active one untouched', async () => {
    const eventStore = logOfCases();
    const store = new SqliteReadStore({ filename: ':memory:' });
    await rebuildProjections({ eventStore, readStore: store, projections });
    const before = await dump(store);
    const broken: Projection = {
      ...projections[0]!,
      evolve: () => {
        throw new Error('bug in a new version');
      },
    };
    await expect(rebuildProjections({ eventStore, readStore: store, projections: [broken] })).rejects.toThrow(
      'bug in a new version',
    );
    expect(await dump(store)).toEqual(before);
    expect((await store.generations(broken.name)).map((g) => g.active)).toEqual([true]);
    await store.close();
  });

  test('an abandoned half-built generation (a crashed rebuild) is dropped by the next rebuild', async () => {
    const eventStore = logOfCases();
    const store = new SqliteReadStore({ filename: ':memory:' });
    await store.init(projections.map((p) => ({ ...p })));
    const abandoned = await store.beginRebuild(projections[0]!);
    const [result] = await rebuildProjections({ eventStore, readStore: store, projections: [projections[0]!] });
    expect(abandoned).toBe(2);
    expect((await store.generations(projections[0]!.name)).map((g) => [g.generation, g.active])).toEqual([
      [result!.generation, true],
    ]);
    await store.close();
  });

  test('the CLI selects projections by name or --all, and refuses unknown names', () => {
    expect(selectProjections(['privatization-timeline'], projections).map((p) => p.name)).toEqual([
      'privatization-timeline',
    ]);
    expect(selectProjections(['--all'], projections)).toHaveLength(3);
    expect(() => selectProjections(['nope'], projections)).toThrow('Unknown projection "nope"');
  });
});
