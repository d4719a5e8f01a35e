import { isRefusalGroundCode, REFUSAL_GROUNDS, refusalGround } from './refusal-grounds';

describe('the five grounds for refusal (Annex 1 item 9)', () => {
  test.each([
    ['unreliable-documents', 'Annex 1 item 9.1'],
    ['not-meeting-requirements', 'Annex 1 item 9.2'],
    ['court-ban-on-activity', 'Annex 1 item 9.3'],
    ['court-deprivation-of-special-right', 'Annex 1 item 9.4'],
    ['no-personal-data-consent', 'Annex 1 item 9.5'],
  ] as const)('%s cites %s', (code, citation) => {
    expect(refusalGround(code).citation).toBe(citation);
  });
  test('exactly five grounds; anything else is not a ground', () => {
    expect(REFUSAL_GROUNDS).toHaveLength(5);
    expect(isRefusalGroundCode('no-personal-data-consent')).toBe(true);
    expect(isRefusalGroundCode('applicant-was-rude')).toBe(false);
  });
  test('Annex 1 item 9.5 rests on the Law "On personal data and their protection", art. 8', () => {
    expect(refusalGround('no-personal-data-consent').legalBasis).toMatch(/art\. 8/);
  });
});
