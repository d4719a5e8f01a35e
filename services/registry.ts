/**
 * The services kezen serves: the generic routes, OpenAPI and the projector are built from this list.
 * A new service adds its module here (see services/platform/service-module.ts).
 */
import { complaintModule } from './features/complaints/module';
import { housingAssistanceModule } from './features/housing-assistance/module';
import { privatizationModule } from './features/privatization/module';
import type { ServiceModule } from './platform/service-module';

export const serviceModules: readonly ServiceModule[] = [
  privatizationModule as unknown as ServiceModule,
  housingAssistanceModule as unknown as ServiceModule,
  complaintModule as unknown as ServiceModule,
];
