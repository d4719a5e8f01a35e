/**
 * What housing assistance's events and commands were called before one naming rule applied to every service
 * (docs/ARCHITECTURE.md "Names"): they carried the service's name, which the stream already says. Stored events keep
 * the name they were written with (the hash chain covers it) and are read by today's through these renames
 * (services/platform/eventstore/upcasting.ts); the API still takes the former command names.
 */
import type { EventRename } from '../../contracts/envelope';
import type { HousingAssistanceCommandName } from '../../contracts/housing-assistance/commands';
import type { HousingAssistanceEventName } from '../../contracts/housing-assistance/events';
import { HOUSING_ASSISTANCE_STREAM_PREFIX } from './stream';

const FORMER_EVENT_NAMES: Readonly<Record<string, HousingAssistanceEventName>> = {
  HousingAssistanceApplicationSubmitted: 'ApplicationSubmitted',
  HousingAssistanceGatewayDataRecorded: 'GatewayDataRecorded',
  HousingAssistanceAssigned: 'AssistanceAssigned',
  HousingAssistanceRefused: 'AssistanceRefused',
  HousingAssistanceResultIssued: 'ResultIssued',
  HousingAssistanceApplicationWithdrawn: 'ApplicationWithdrawn',
};

/** Former event type → today's, in housing assistance streams only (other services use some of today's names). */
export const HOUSING_ASSISTANCE_EVENT_RENAMES: readonly EventRename[] = Object.entries(FORMER_EVENT_NAMES).map(
  ([from, to]) => ({ streamPrefix: HOUSING_ASSISTANCE_STREAM_PREFIX, from, to }),
);

/** Former public command name → today's (docs/HTTP-CONTRACT.md "Housing assistance commands"). */
export const HOUSING_ASSISTANCE_COMMAND_ALIASES: Readonly<Record<string, HousingAssistanceCommandName>> = {
  SubmitHousingAssistanceApplication: 'SubmitApplication',
  AssignHousingAssistance: 'AssignAssistance',
  RefuseHousingAssistance: 'RefuseAssistance',
};
