/** Time travel as one feature, built from ports: each service's `state?asOf=` route and its OpenAPI description. */
import type { Feature, FeaturePorts } from '../../platform/definitions';
import { timeTravelPaths, timeTravelSchemas } from './openapi';
import { timeTravelRoutes } from './route';

export function timeTravelFeature(ports: FeaturePorts): Feature {
  return {
    serviceRoutes: (module, queries) => timeTravelRoutes(module, { queries, clock: ports.clock }),
    openApi: { servicePaths: timeTravelPaths, schemas: timeTravelSchemas },
  };
}
