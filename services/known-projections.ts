/**
 * Every projection kezen knows, by name: the service modules' own, the dashboard's and those of
 * projections/index.ts. `projections:rebuild` selects from this list by name (a rebuild thread resolves its own from
 * ./thread-projections.ts, which does not load the service modules).
 */
import { allProjections } from '../projections';
import type { Projection } from '../projections/projection';
import { serviceModules } from './registry';
import { projectionsOf } from './registry-projections';

/** The running list (./embedded-projections.ts) plus those of projections/index.ts, each name once. */
export const knownProjections = (): Projection[] => projectionsOf(serviceModules, allProjections);
