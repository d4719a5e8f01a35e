/**
 * What the projector runs — every projection and log runner of the registry — as the one value the composition root,
 * the projector thread, the rebuild threads and `projections:rebuild` share. The threads load this module by its path
 * (`PROJECTOR_WORKLOAD_MODULE`, passed in their workerData), so they build their own SQLite connections and the same
 * projection objects without importing a feature; it loads the registry's light halves only.
 */
import { workloadOf } from './platform/definitions';
import type { ProjectorWorkload } from './platform/projector/workload';
import { registry } from './registry';

export const PROJECTOR_WORKLOAD_MODULE = __filename;

export const projectorWorkload: ProjectorWorkload = workloadOf(registry);
