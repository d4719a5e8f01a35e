/**
 * A privatization case's events as the decider records them (stage event first, then the deadline facts it
 * causes, all under one commandId), for feed tests that append straight to an event store.
 */
import { v4 as uuidv4 } from 'uuid';
import type { NewEvent } from '../../../../contracts/envelope';

export interface CommandEvents {
  commandId: string;
  events: NewEvent[];
}

const actor = { sub: 'officer-1', roles: ['provider-officer'], providerId: 'akimat-almaty' };

function command(occurredAt: string, events: [string, Record<string, unknown>][]): CommandEvents {
  const commandId = uuidv4();
  return {
    commandId,
    events: events.map(([type, data]) => ({
      eventId: uuidv4(),
      type,
      schemaVersion: 1,
      data,
      metadata: {
        commandId,
        correlationId: commandId,
        causationId: commandId,
        actor,
        occurredAt,
        regulationVersion: 'order-115-2025',
      },
    })),
  };
}

const deadlineSet = (deadlineId: string, dueOn: string) =>
  [
    'DeadlineSet',
    {
      deadline: {
        deadlineId,
        termId: `privatization.${deadlineId}`,
        rule: 'Annex 1 item 3',
        description: deadlineId,
        unit: 'calendar-days',
        days: 30,
        triggeredOn: '2026-03-02',
        dueOn,
        provisional: false,
        regulationVersion: 'order-115-2025',
      },
    },
  ] as [string, Record<string, unknown>];

const satisfied = (deadlineId: string, on: string, late = false) =>
  ['DeadlineSatisfied', { deadlineId, satisfiedOn: on, late, rule: 'Annex 1 item 3' }] as [
    string,
    Record<string, unknown>,
  ];

/** Track 1 (Rules §9.1): registration → review → commission → decision → contract → result: 6 stage messages. */
export function communalFundCase(caseId: string, providerId = 'akimat-almaty'): CommandEvents[] {
  return [
    command('2026-03-02T05:00:00Z', [
      [
        'ApplicationRegistered',
        {
          caseId,
          channel: 'portal',
          providerId,
          track: 'communal-fund',
          applicant: { iin: '900101300018', fullName: 'Test Applicant' },
          registeredOn: '2026-03-02',
          regulationVersion: 'order-115-2025',
          rule: 'Rules §5',
        },
      ],
      ['DocumentChecklistDetermined', { items: [], rule: 'Annex 1 item 8' }],
      deadlineSet('decision', '2026-04-01'),
    ]),
    command('2026-03-05T05:00:00Z', [['DocumentReviewCompleted', { outcome: 'compliant', reviewedOn: '2026-03-05' }]]),
    command('2026-03-06T05:00:00Z', [['CommissionFormed', { members: [], formedOn: '2026-03-06' }]]),
    command('2026-03-10T05:00:00Z', [
      ['PrivatizationDecisionAdopted', { decisionNumber: 'D-1', adoptedOn: '2026-03-10' }],
      satisfied('decision', '2026-03-10'),
      deadlineSet('contract', '2026-04-09'),
    ]),
    command('2026-03-20T05:00:00Z', [
      ['ContractSigned', { contractNumber: 'C-1', signedOn: '2026-03-20', paymentDue: false }],
      satisfied('contract', '2026-03-20'),
    ]),
    command('2026-03-20T06:00:00Z', [
      ['ResultIssued', { resultKind: 'privatization-contract', issuedOn: '2026-03-20' }],
    ]),
  ];
}

export const STAGES_OF_COMMUNAL_FUND_CASE = [
  'registration',
  'document-review',
  'commission-formed',
  'privatization-decision',
  'contract-signed',
  'result-issued',
];
