/**
 * Time travel (docs/HTTP-CONTRACT.md "Queries": `GET /v1/<service>/cases/{caseId}/state?asOf=<instant>`), as registered in
 * services/registry.ts: a route for every registered service, folded from the case's stream with the service's own
 * `evolve` (./state-as-of.ts). No projection of its own; the rest is ./feature.ts.
 */
import type { FeatureDefinition } from '../../platform/definitions';

export const timetravel: FeatureDefinition = {
  feature: 'timetravel',
  load: async () => (await import('./feature')).timeTravelFeature,
};
