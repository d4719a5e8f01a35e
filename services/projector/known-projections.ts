/**
 * Every projection kezen knows, by name: the service modules' own, the dashboard's (issue #9) and those of
 * projections/index.ts. `projections:rebuild` selects from this list by name (a rebuild thread resolves its own from
 * ./thread-projections.ts, which does not load the service modules).
 */
import { allProjections } from '../../projections';
import type { Projection } from '../../projections/projection';
import { DASHBOARD_PROJECTIONS } from '../dashboard/feature';
import { serviceModules } from '../platform/modules';

export function knownProjections(): Projection[] {
  const byName = new Map<string, Projection>();
  const modules = serviceModules.flatMap((m) => m.projections as readonly Projection[]);
  for (const p of [...modules, ...DASHBOARD_PROJECTIONS, ...allProjections]) {
    if (!byName.has(p.name)) byName.set(p.name, p);
  }
  return [...byName.values()];
}
