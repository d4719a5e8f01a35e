/**
 * Runs commands against the decider one after another, each at its own instant, keeping the history — for specs,
 * property tests and demo data. Also the standard steps of a case (identity data, review, commission, decision…).
 */
import type { Track } from '../../../contracts/privatization';
import type { DecisionContext } from '../../shared/decider';
import { decide } from '../decide';
import { evolve } from '../evolve';
import { initialState, type PrivatizationState } from '../state';
import type { PrivatizationCommand, PrivatizationEvent } from '../types';
import { TEST_COMMISSION, TEST_IINS, signedDecision, testContext } from './fixtures';

export class CaseScript {
  history: PrivatizationEvent[] = [];
  state: PrivatizationState = initialState;

  constructor(private readonly overrides: Partial<DecisionContext> = {}) {}

  /** Decide `command` at instant `at`, append its events, return them. */
  run(at: string, command: PrivatizationCommand): PrivatizationEvent[] {
    const events = decide(command, this.state, testContext(at, this.overrides));
    this.history.push(...events);
    this.state = events.reduce(evolve, this.state);
    return events;
  }

  get caseId(): string {
    if (this.state.status === 'none') throw new Error('no case yet');
    return this.state.caseId;
  }
}

const PEOPLE = [TEST_IINS.applicant, TEST_IINS.spouse, TEST_IINS.adultChild, TEST_IINS.minorChild];

/** Identity data of the applicant and every family member through the gateway (Rules §7). */
export function identityDataSteps(): PrivatizationCommand[] {
  return PEOPLE.map((iin, i) => ({
    type: 'RecordGatewayData',
    data: { kind: 'identity', subjectIin: iin, available: true, reference: `GW-ID-${i + 1}` },
  }));
}

export function dwellingDataSteps(): PrivatizationCommand[] {
  return [
    {
      type: 'RecordGatewayData',
      data: { kind: 'rights-encumbrances', available: true, reference: 'GW-RE-1', summary: 'no encumbrances' },
    },
    {
      type: 'RecordGatewayData',
      data: { kind: 'technical-characteristics', available: true, reference: 'GW-TC-1', summary: '64.5 m², 3 rooms' },
    },
  ];
}

export const reviewCompliant: PrivatizationCommand = { type: 'CompleteDocumentReview', data: { outcome: 'compliant' } };
export const formCommission: PrivatizationCommand = { type: 'FormCommission', data: { members: TEST_COMMISSION } };
export const votes = (...v: ('for' | 'against' | 'abstain')[]): PrivatizationCommand[] =>
  v.map((vote, i) => ({ type: 'RecordCommissionVote', data: { memberId: `m${i + 1}`, vote } }));
export const adoptDecision = (caseId: string, at: string, decisionNumber = 'HC-2026-117'): PrivatizationCommand => ({
  type: 'AdoptPrivatizationDecision',
  data: signedDecision(caseId, decisionNumber, at),
});

/** The transfer steps of a track (Rules §9.2, §9.3), without the dwelling data that complete it. */
export function transferSteps(track: Track): PrivatizationCommand[] {
  const act: PrivatizationCommand = {
    type: 'SignTransferAct',
    data: {
      actNumber: 'TA-17',
      transferorSignatory: 'Director of the institution',
      recipientSignatory: 'Head of housing department',
    },
  };
  const register: PrivatizationCommand = {
    type: 'RegisterTitle',
    data: { registrationNumber: 'REG-2026-5531', registeringBody: 'Registration department, Astana' },
  };
  if (track === 'communal-institution') {
    return [
      act,
      {
        type: 'ApproveTransferAct',
        data: { approvals: [{ fullName: 'Head of communal property department', office: 'communal-property-body' }] },
      },
      register,
    ];
  }
  if (track === 'republican-institution') {
    return [
      {
        type: 'SendPetition',
        data: {
          petitionNumber: 'P-88',
          akimOffice: 'Akim of Astana',
          propertyBody: 'State Property and Privatization Committee',
        },
      },
      {
        type: 'RecordPropertyBodyDecision',
        data: { decisionNumber: 'SPC-301', sectoralBody: 'Ministry of Defence', sectoralAgreementReference: 'MD-55' },
      },
      act,
      {
        type: 'ApproveTransferAct',
        data: {
          approvals: [
            { fullName: 'Head of territorial unit', office: 'state-property-territorial-unit' },
            { fullName: 'Akim of Astana', office: 'local-executive-body' },
          ],
        },
      },
      register,
    ];
  }
  return [];
}
