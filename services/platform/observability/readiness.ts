/**
 * The `/readyz` checks (docs/HTTP-CONTRACT.md "Operations"): the event store answers, each projection runs and is at
 * most `maxLag` events behind, the features' own checks (the monitoring feed's checkpoint), the read store's health,
 * and the production servers' own checks (Kafka…). It only checks what it is given: the adapters are chosen in
 * services/composition.ts.
 */
import type { ReadinessCheck } from '../http/routes/ops';
import type { EventStore } from '../eventstore/port';
import type { ProjectorHandle } from '../projector/projector';
import type { ReadStore } from '../readstore/port';

export interface ReadinessDeps {
  eventStore: Pick<EventStore, 'headPosition'>;
  readStore: Pick<ReadStore, 'health'>;
  projector: Pick<ProjectorHandle, 'status' | 'lag'>;
  /** The features' checks (services/platform/definitions.ts `Feature.readiness`), after the projections'. */
  features?: readonly (() => ReadinessCheck)[];
  /** A projection further behind than this many events is not ready (config `readyMaxLag`). */
  maxLag: number;
  /** The production servers' extra checks (Adapters.checks); a rejected one fails as `feed`. */
  extra?: readonly (() => Promise<ReadinessCheck>)[];
}

export function readinessChecks(deps: ReadinessDeps): () => Promise<ReadinessCheck[]> {
  return async () => {
    const checks: ReadinessCheck[] = [];
    try {
      const head = await deps.eventStore.headPosition();
      checks.push({ name: 'event-store', ok: true, detail: `head ${head}` });
      const lag = await deps.projector.lag();
      for (const s of deps.projector.status()) {
        const behind = lag[s.name] ?? 0;
        checks.push({
          name: `projection:${s.name}`,
          ok: s.phase !== 'stopped' && behind <= deps.maxLag,
          detail: `${s.phase}, ${behind} events behind`,
        });
      }
    } catch (e) {
      checks.push({ name: 'event-store', ok: false, detail: (e as Error).message });
    }
    for (const check of deps.features ?? []) checks.push(check());
    const rs = await deps.readStore.health().catch((e: Error) => ({ ok: false, detail: e.message }));
    checks.push({ name: 'read-store', ok: rs.ok, ...(rs.detail ? { detail: rs.detail } : {}) });
    for (const c of deps.extra ?? [])
      checks.push(await c().catch((e: Error) => ({ name: 'feed', ok: false, detail: e.message })));
    return checks;
  };
}
