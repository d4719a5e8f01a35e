/**
 * The complaint process (Rules chapter 3, §13–§14) as a platform module: `POST /v1/complaints` (LodgeComplaint),
 * `POST /v1/complaints/{id}/commands/{CommandName}`, `GET /v1/complaints/{id}`, `GET /v1/complaints?…`, the
 * complaint's timeline and time travel — all from the shared platform (services/platform/service-module.ts).
 */
import { complaintCommandSchemas, complaintEventSchemas } from '../../../contracts/complaints';
import { complaintDecider, type ComplaintState } from '../../../domain/complaints';
import type { Command, Decider, DomainEvent } from '../../../domain/shared/decider';
import { complaintViewProjection } from '../../../projections/complaints';
import type { Role } from '../../platform/roles';
import { authorizeComplaintAbout, complaintLinkedCase } from './authorize';
import { readSideOf } from '../../platform/definitions';
import type { CaseParties, ServiceModule } from '../../platform/service-module';
import { complaints } from './definition';

/**
 * Who does what (Rules §13–§14): the applicant (or a representative) lodges — or the provider's staff / the quality
 * authority take in a complaint handed to them; the addressee registers it; the provider fully satisfies or forwards
 * it (§14); the complaint-review body or the quality authority decides (§13); the complainant withdraws.
 */
export const COMPLAINT_COMMAND_ROLES: Readonly<Record<string, readonly Role[]>> = {
  LodgeComplaint: ['applicant', 'provider-officer', 'provider-head', 'quality-authority'],
  RegisterComplaint: ['provider-officer', 'provider-head', 'quality-authority'],
  SatisfyComplaint: ['provider-head', 'provider-officer'],
  ForwardComplaint: ['provider-officer', 'provider-head'],
  DecideComplaint: ['complaint-reviewer', 'quality-authority'],
  WithdrawComplaint: ['applicant'],
  RecordDeadlineMissed: [],
};

function partiesOf(state: ComplaintState): CaseParties {
  if (state.status === 'none') return { memberIins: [] };
  return {
    ...(state.providerId ? { providerId: state.providerId } : {}),
    // The one who lodged it acts on it (withdraws); the applicant represented may see it.
    ...(state.complainantIin ? { applicantIin: state.complainantIin } : {}),
    memberIins: [state.applicantIin, state.complainantIin].filter((x): x is string => typeof x === 'string'),
  };
}

function partiesOfCreate(body: unknown): CaseParties {
  const b = (body ?? {}) as { providerId?: unknown; complainant?: { iin?: unknown; applicantIin?: unknown } };
  const iin = typeof b.complainant?.iin === 'string' ? b.complainant.iin : undefined;
  const represented = typeof b.complainant?.applicantIin === 'string' ? b.complainant.applicantIin : undefined;
  return {
    ...(typeof b.providerId === 'string' ? { providerId: b.providerId } : {}),
    ...(iin ? { applicantIin: iin } : {}),
    memberIins: [iin, represented].filter((x): x is string => x !== undefined),
  };
}

export const complaintModule: ServiceModule<ComplaintState> = {
  ...readSideOf(complaints),
  title: 'Complaints (Rules §13–§14)',
  basePath: '/v1/complaints',
  decider: complaintDecider as unknown as Decider<Command, DomainEvent, ComplaintState>,
  // The body's `caseId` links the case complained about; the complaint's own id is `complaintId` (or assigned).
  createCommand: { name: 'LodgeComplaint', idField: 'complaintId' },
  commandSchemas: complaintCommandSchemas,
  eventSchemas: complaintEventSchemas,
  commandRoles: COMPLAINT_COMMAND_ROLES,
  partiesOf,
  partiesOfCreate,
  // Rules §13–§14: about a real case, with that case's provider, by (or for) its applicant or a family member.
  linkedCaseOf: complaintLinkedCase,
  authorizeLinked: authorizeComplaintAbout,
  regulationVersionOf: (state) => state.regulationVersion,
  // The complaint id is the stream id: the API assigns it (or derives it from the Idempotency-Key).
  toCommand: (name, body, ids) =>
    name === 'LodgeComplaint'
      ? { type: name, data: { ...(body as object), complaintId: ids.caseId } }
      : { type: name, data: body },
  readModels: { cases: complaintViewProjection.collection, fields: { submittedOn: 'receivedOn' } },
};
