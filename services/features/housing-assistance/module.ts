/**
 * The housing assistance service as a platform module (HA Rules as amended by order No. 115). Everything else —
 * routes, validation, authorisation, command handling, projections, deadlines, the feed — is the shared platform's
 * (services/platform/service-module.ts); this file only says what is specific to the service.
 */
import {
  housingAssistanceCommandSchemas,
  housingAssistanceEventSchemas,
  HousingAssistanceCaseViewSchema,
  HousingAssistanceTimelineSchema,
} from '../../../contracts/housing-assistance';
import {
  accessOf,
  bundledParameters,
  housingAssistanceDecider,
  HOUSING_ASSISTANCE_COMMAND_ALIASES,
  regulationVersionOf,
  type HousingAssistanceState,
} from '../../../domain/housing-assistance';
import type { Command, Decider, DomainEvent } from '../../../domain/shared/decider';
import { HOUSING_ASSISTANCE_CASES_COLLECTION } from '../../../projections/housing-assistance';
import type { Role } from '../../platform/roles';
import { readSideOf } from '../../platform/definitions';
import type { CaseParties, ServiceModule } from '../../platform/service-module';
import { housingAssistance } from './definition';

/**
 * Who does what: the State Corporation's operator (or the applicant on the portal) submits; the State Corporation
 * accepts the complete set of documents (this starts the HA Rules §13 term); the provider's officer obtains the
 * gateway data; the provider's officer or head decides (assignment or reasoned refusal, HA Rules §13); the result is
 * issued by the provider or at the State Corporation. RecordDeadlineMissed is the deadline watcher's (internal).
 */
export const HOUSING_ASSISTANCE_COMMAND_ROLES: Readonly<Record<string, readonly Role[]>> = {
  SubmitApplication: ['intake-operator', 'applicant'],
  AcceptCompleteDocuments: ['intake-operator'], // HA Rules §13: accepted from the State Corporation
  RecordGatewayData: ['provider-officer'],
  AssignAssistance: ['provider-officer', 'provider-head'], // HA Rules §13
  RefuseAssistance: ['provider-officer', 'provider-head'], // HA Rules §13: reasoned refusal
  IssueResult: ['provider-officer', 'intake-operator'],
  WithdrawApplication: ['applicant', 'intake-operator'],
  RecordDeadlineMissed: [],
};

interface SubmitBody {
  providerId?: unknown;
  family?: { members?: { iin?: unknown; kinship?: unknown }[] };
}

function partiesOf(state: HousingAssistanceState): CaseParties {
  const access = accessOf(state);
  if (!access) return { memberIins: [] };
  return { providerId: access.providerId, applicantIin: access.applicantIin, memberIins: access.familyIins };
}

function partiesOfCreate(body: unknown): CaseParties {
  const b = (body ?? {}) as SubmitBody;
  const members = Array.isArray(b.family?.members) ? b.family.members : [];
  const iins = members.flatMap((m) => (typeof m.iin === 'string' ? [m.iin] : []));
  const applicant = members.find((m) => m.kinship === 'applicant');
  return {
    ...(typeof b.providerId === 'string' ? { providerId: b.providerId } : {}),
    ...(typeof applicant?.iin === 'string' ? { applicantIin: applicant.iin } : {}),
    memberIins: iins,
  };
}

export const housingAssistanceModule: ServiceModule<HousingAssistanceState> = {
  ...readSideOf(housingAssistance),
  title: 'Housing assistance',
  basePath: '/v1/housing-assistance/cases',
  decider: housingAssistanceDecider as unknown as Decider<Command, DomainEvent, HousingAssistanceState>,
  // The decider takes the regional parameters in its context (HousingAssistanceContext).
  extendContext: (context) => ({ ...context, parameters: bundledParameters }),
  createCommand: { name: 'SubmitApplication' },
  commandSchemas: housingAssistanceCommandSchemas,
  commandAliases: HOUSING_ASSISTANCE_COMMAND_ALIASES,
  eventSchemas: housingAssistanceEventSchemas,
  commandRoles: HOUSING_ASSISTANCE_COMMAND_ROLES,
  partiesOf,
  partiesOfCreate,
  regulationVersionOf,
  readModels: {
    cases: HOUSING_ASSISTANCE_CASES_COLLECTION,
    // The list's submittedFrom/submittedTo filter the registration date (Rules §5).
    fields: { submittedOn: 'registeredOn' },
  },
  answers: { caseView: HousingAssistanceCaseViewSchema, timeline: HousingAssistanceTimelineSchema },
};
