import type { ProjectionStatus } from '../projector/projector';
import type { ReadStoreHealth } from '../readstore/port';
import { readinessChecks, type ReadinessDeps } from './readiness';

const status = (name: string, phase: ProjectionStatus['phase']): ProjectionStatus => ({
  name,
  version: 1,
  generation: 0,
  position: 0,
  phase,
});

function deps(over: Partial<ReadinessDeps> = {}): ReadinessDeps {
  return {
    eventStore: { headPosition: async () => 12 },
    readStore: { health: async (): Promise<ReadStoreHealth> => ({ ok: true }) },
    projector: { status: () => [status('cases', 'live')], lag: async () => ({ cases: 0 }) },
    features: [() => ({ name: 'monitoring-feed', ok: true, detail: 'checkpoint 7' })],
    maxLag: 100,
    ...over,
  };
}

describe('readinessChecks (/readyz)', () => {
  it('all ready: every check ok, with the head, the lag and a feature’s own check (the feed checkpoint)', async () => {
    expect(await readinessChecks(deps())()).toEqual([
      { name: 'event-store', ok: true, detail: 'head 12' },
      { name: 'projection:cases', ok: true, detail: 'live, 0 events behind' },
      { name: 'monitoring-feed', ok: true, detail: 'checkpoint 7' },
      { name: 'read-store', ok: true },
    ]);
  });

  it('a projection is not ready when stopped or more than maxLag events behind (maxLag itself is ready)', async () => {
    const checks = await readinessChecks(
      deps({
        maxLag: 100,
        projector: {
          status: () => [status('a', 'live'), status('b', 'live'), status('c', 'stopped'), status('d', 'rebuilding')],
          lag: async () => ({ a: 100, b: 101, c: 0 }),
        },
      }),
    )();
    expect(checks.filter((c) => c.name.startsWith('projection:'))).toEqual([
      { name: 'projection:a', ok: true, detail: 'live, 100 events behind' },
      { name: 'projection:b', ok: false, detail: 'live, 101 events behind' },
      { name: 'projection:c', ok: false, detail: 'stopped, 0 events behind' },
      // No lag reported for it: counted as 0 behind.
      { name: 'projection:d', ok: true, detail: 'rebuilding, 0 events behind' },
    ]);
  });

  it('the event store down: event-store fails with its message, no projection checks, the others still run', async () => {
    const checks = await readinessChecks(
      deps({
        eventStore: {
          headPosition: async () => {
            throw new Error('connection refused');
          },
        },
      }),
    )();
    expect(checks).toEqual([
      { name: 'event-store', ok: false, detail: 'connection refused' },
      { name: 'monitoring-feed', ok: true, detail: 'checkpoint 7' },
      { name: 'read-store', ok: true },
    ]);
  });

  it('the read store unhealthy or down, and a failing extra check (Kafka) reported as feed', async () => {
    const unhealthy = await readinessChecks(
      deps({ readStore: { health: async () => ({ ok: false, detail: 'replica set has no primary' }) } }),
    )();
    expect(unhealthy).toContainEqual({ name: 'read-store', ok: false, detail: 'replica set has no primary' });

    const checks = await readinessChecks(
      deps({
        readStore: { health: () => Promise.reject(new Error('read store timeout')) },
        extra: [
          async () => ({ name: 'kafka', ok: true, detail: '3 brokers' }),
          () => Promise.reject(new Error('broker unreachable')),
        ],
      }),
    )();
    expect(checks.slice(-3)).toEqual([
      { name: 'read-store', ok: false, detail: 'read store timeout' },
      { name: 'kafka', ok: true, detail: '3 brokers' },
      { name: 'feed', ok: false, detail: 'broker unreachable' },
    ]);
  });
});
