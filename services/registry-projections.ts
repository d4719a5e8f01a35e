/**
 * Which projections kezen runs: the service modules' own, any extra ones, and the dashboard's. The
 * composition root (services/composition.ts) and the projector thread (./projector-thread.ts) both take the list
 * from here — projections are functions and cannot be sent to a thread, so the thread builds the same list itself.
 */
import type { Projection } from '../projections/projection';
import { DASHBOARD_PROJECTIONS } from './features/dashboard/feature';
import { serviceModules } from './registry';
import type { ServiceModule } from './platform/service-module';

export function projectionsOf(modules: readonly ServiceModule[], extra: readonly Projection[] = []): Projection[] {
  const seen = new Map<string, Projection>();
  for (const p of [
    ...modules.flatMap((m) => m.projections as readonly Projection[]),
    ...extra,
    ...DASHBOARD_PROJECTIONS,
  ])
    if (!seen.has(p.name)) seen.set(p.name, p);
  return [...seen.values()];
}

/** The projections of the default service modules (what the projector thread runs). */
export const embeddedProjections = (): Projection[] => projectionsOf(serviceModules);
