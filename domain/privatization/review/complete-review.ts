/**
 * CompleteDocumentReview (Rules §9.1 stage 2): the provider checks the documents for completeness and for
 * compliance with the Law, the Resolution and the Rules. Identity data come through the gateway (Rules §7) for the
 * applicant and every family member; documents the gateway can supply must not be demanded (Annex 1 item 8).
 */
import type { DecisionContext } from '../../shared/decider';
import { InvalidCommand, RuleViolation } from '../../shared/errors';
import { GATEWAY_RULE, unlawfulDemands } from '../application/checklist';
import { requireStatus, requireStep } from '../guards';
import { hasGatewayData, type PrivatizationState } from '../state';
import { event, type CommandOf, type PrivatizationEvent } from '../types';

export function completeDocumentReview(
  command: CommandOf<'CompleteDocumentReview'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(
    state,
    command.type,
    ['registered'],
    'a registered application awaiting review (Rules §9.1 stage 1)',
  );
  const people = [file.applicantIin, ...file.familyMembers.map((m) => m.iin)];
  const withoutIdentity = people.filter((iin) => !hasGatewayData(file, 'identity', { subjectIin: iin }));
  requireStep(
    withoutIdentity.length === 0,
    file,
    command.type,
    `identity data from the gateway for every family member (Rules §7); missing for ${withoutIdentity.length}`,
  );
  const { outcome, groundsFound, demandedDocuments = [] } = command.data;
  const unlawful = unlawfulDemands(file, demandedDocuments);
  if (unlawful.length > 0) {
    throw new RuleViolation(
      `${GATEWAY_RULE.text}: ${unlawful.join(', ')}`,
      'Annex 1 item 8',
      'document-obtainable-from-gateway',
      {
        documents: unlawful,
      },
    );
  }
  if (outcome === 'grounds-for-refusal' && (!groundsFound || groundsFound.length === 0)) {
    throw new InvalidCommand('Name the grounds found (Annex 1 item 9)', 'grounds-required', [
      { path: '/groundsFound', message: 'required when the outcome is grounds-for-refusal' },
    ]);
  }
  if (outcome === 'compliant') {
    const missing = file.checklist.filter((c) => c.obtainedBy === 'applicant' && !c.submitted).map((c) => c.document);
    if (missing.length > 0) {
      throw new RuleViolation(
        `The documents are not complete: ${missing.join(', ')}`,
        'Rules §9.1',
        'documents-incomplete',
        { missing },
      );
    }
    if (!file.consents.personalData) {
      throw new RuleViolation(
        'No consent to the personal data required for the service: a ground for refusal, not a compliant file',
        'Annex 1 item 9.5',
        'no-personal-data-consent',
      );
    }
  }
  return [
    event('DocumentReviewCompleted', {
      ...command.data,
      reviewedOn: ctx.calendar.localDate(ctx.now),
      rule: 'Rules §9.1',
    }),
  ];
}
