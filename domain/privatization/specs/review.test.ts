/**
 * Stage 2, the provider's check of the documents (Rules §7, §9.1; Annex 1 item 8 and its closing paragraph).
 */
import { InvalidCommand, InvalidState, RuleViolation } from '../../shared/errors';
import { TEST_IINS } from '../testing/fixtures';
import type { PrivatizationCommand } from '../types';
import { identityDataSteps, registered, tenAm } from '../testing/histories';
import { privatization } from '../testing/decider-spec';
import { CaseScript } from '../testing/case-script';
import { validSubmitApplication } from '../testing/fixtures';

const review = (
  data: Extract<PrivatizationCommand, { type: 'CompleteDocumentReview' }>['data'],
): PrivatizationCommand => ({
  type: 'CompleteDocumentReview',
  data,
});
const withIdentity = (c = registered()) => {
  for (const cmd of identityDataSteps()) c.run(tenAm('2026-03-03'), cmd);
  return c;
};

describe('Rules §7 — identity data of every family member come through the e-government gateway', () => {
  test('the review needs them: without the minor child’s identity data it is out of order (409)', () => {
    const c = registered();
    for (const cmd of identityDataSteps().slice(0, 3)) c.run(tenAm('2026-03-03'), cmd);
    const err = privatization
      .given(c.history)
      .when(review({ outcome: 'compliant' }), tenAm('2026-03-04'))
      .thenFails(InvalidState);
    expect(err.message).toContain('identity data from the gateway');
  });

  test('gateway data concern the applicant or a family member', () => {
    privatization
      .given(registered().history)
      .when(
        {
          type: 'RecordGatewayData',
          data: { kind: 'address', subjectIin: TEST_IINS.elder, available: true, reference: 'X' },
        },
        tenAm('2026-03-03'),
      )
      .thenFails(InvalidCommand, { code: 'unknown-subject' });
  });

  test('the gateway record carries its rule and date', () => {
    privatization
      .given(registered().history)
      .when(
        {
          type: 'RecordGatewayData',
          data: { kind: 'civil-status', subjectIin: TEST_IINS.spouse, available: true, reference: 'GW-CS' },
        },
        tenAm('2026-03-03'),
      )
      .then([
        {
          type: 'GatewayDataRecorded',
          data: {
            kind: 'civil-status',
            subjectIin: TEST_IINS.spouse,
            available: true,
            reference: 'GW-CS',
            obtainedOn: '2026-03-03',
            rule: 'Annex 1 item 8',
          },
        },
      ]);
  });
});

describe('Annex 1 item 8 (closing paragraph) — documents the information systems hold must not be demanded', () => {
  test.each(['identity-document', 'property-ownership-certificate', 'address-certificate', '8.2', '8.4'] as const)(
    'demanding %s is refused (422)',
    (document) => {
      privatization
        .given(withIdentity().history)
        .when(review({ outcome: 'compliant', demandedDocuments: [document] }), tenAm('2026-03-04'))
        .thenFails(RuleViolation, {
          rule: 'Annex 1 item 8',
          code: 'document-obtainable-from-gateway',
          documents: [document],
        });
    },
  );

  test('8.2 may be demanded once the gateway reported that the information systems lack the certificates', () => {
    const c = withIdentity();
    c.run(tenAm('2026-03-03'), {
      type: 'RecordGatewayData',
      data: { kind: 'civil-status', subjectIin: TEST_IINS.spouse, available: false, reference: 'GW-CS-1' },
    });
    privatization
      .given(c.history)
      .when(review({ outcome: 'compliant', demandedDocuments: ['8.2'] }), tenAm('2026-03-04'))
      .thenContains([{ type: 'DocumentReviewCompleted', data: { demandedDocuments: ['8.2'], rule: 'Rules §9.1' } }]);
  });

  test('documents only the applicant holds (the no-debt certificate, 8.8) may be demanded', () => {
    privatization
      .given(withIdentity().history)
      .when(review({ outcome: 'compliant', demandedDocuments: ['8.8'] }), tenAm('2026-03-04'))
      .thenContains([{ type: 'DocumentReviewCompleted' }]);
  });
});

describe('Rules §9.1 stage 2 — completeness and compliance', () => {
  test('a compliant review of a complete file moves the case to the commission', () => {
    const reviewed = privatization
      .given(withIdentity().history)
      .when(review({ outcome: 'compliant' }), tenAm('2026-03-04'))
      .and();
    expect(reviewed.state.status).toBe('commission');
  });

  test('a civil servant without the certificate from the place of work (8.6) is not complete', () => {
    const c = new CaseScript();
    const data = validSubmitApplication();
    c.run('2026-03-02T05:00:00Z', {
      type: 'SubmitApplication',
      data: { ...data, applicant: { ...data.applicant, categories: ['civil-servant'] } },
    });
    withIdentity(c);
    privatization
      .given(c.history)
      .when(review({ outcome: 'compliant' }), tenAm('2026-03-04'))
      .thenFails(RuleViolation, { rule: 'Rules §9.1', code: 'documents-incomplete', missing: ['8.6'] });
  });

  test('Annex 1 item 9.5 — without consent to personal data the file cannot be compliant', () => {
    privatization
      .given(withIdentity(registered({ personalDataConsent: false })).history)
      .when(review({ outcome: 'compliant' }), tenAm('2026-03-04'))
      .thenFails(RuleViolation, { rule: 'Annex 1 item 9.5' });
  });

  test('grounds for refusal must be named (Annex 1 item 9)', () => {
    privatization
      .given(withIdentity().history)
      .when(review({ outcome: 'grounds-for-refusal' }), tenAm('2026-03-04'))
      .thenFails(InvalidCommand, { code: 'grounds-required' });
  });
});
