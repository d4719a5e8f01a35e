/**
 * The one registry of kezen: each state service and each cross-cutting feature, registered by one line. Every list
 * is derived from it (services/platform/definitions.ts): the projections and log runners the projector and the
 * rebuilds run (services/projector-workload.ts), the routes, /openapi.json, /readyz, the monitoring feed's services
 * and the dashboard's. Loading it loads the definitions' light halves only, so the projector and rebuild threads
 * load it too (through the workload module). Adding a service: docs/ADDING-A-SERVICE.md.
 */
import { complaints } from './features/complaints/definition';
import { dashboard } from './features/dashboard/definition';
import { deadlines } from './features/deadlines/definition';
import { feed } from './features/feed/definition';
import { housingAssistance } from './features/housing-assistance/definition';
import { investigation } from './features/investigation/definition';
import { privatization } from './features/privatization/definition';
import { timetravel } from './features/timetravel/definition';
import type { Registry } from './platform/definitions';

export const registry: Registry = {
  services: [privatization, housingAssistance, complaints],
  features: [investigation, dashboard, deadlines, feed, timetravel],
};
