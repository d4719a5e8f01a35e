import { ORDER_115_TERMS } from './data/order-115-2025';
import type { TermId } from './types';

/** Every term of docs/REGULATION.md "Terms" with its figure, unit and citation (order No. 115 of 4 April 2025). */
const EXPECTED: [TermId, Term['unit'], number, RegExp][] = [
  ['privatization.decision', 'calendar-days', 30, /Annex 1 item 3\.1/],
  ['privatization.contract', 'working-days', 5, /Annex 1 item 3/],
  ['privatization.track2.transfer', 'calendar-days', 15, /Annex 1 item 3\.2/],
  ['privatization.track3.transfer', 'calendar-days', 30, /Annex 1 item 3\.3/],
  ['privatization.track3.propertyBodyDecision', 'calendar-days', 15, /Annex 1 item 3\.3/],
  ['privatization.track3.actAndRegistration', 'calendar-days', 15, /Annex 1 item 3\.3/],
  ['privatization.payment', 'calendar-days', 30, /Annex 1 item 6/],
  ['privatization.hearing.noticeBeforeDeadline', 'working-days', 3, /Rules §10/],
  ['privatization.hearing.afterNotice', 'working-days', 2, /Rules §10/],
  ['complaints.provider', 'working-days', 5, /Rules §13/],
  ['complaints.qualityAuthority', 'working-days', 15, /Rules §13/],
  ['complaints.forward', 'working-days', 3, /Rules §14/],
  ['complaints.satisfy', 'working-days', 3, /Rules §14/],
  ['housingAssistance.decision', 'working-days', 6, /HA Rules §13/],
  ['regulation.notifyOperators', 'working-days', 3, /Rules §12/],
];
type Term = (typeof ORDER_115_TERMS)[TermId];

describe('the terms of order No. 115 (docs/REGULATION.md "Terms"), each with its citation', () => {
  test.each(EXPECTED)('%s: %s %d (%s)', (id, unit, days, citation) => {
    const term = ORDER_115_TERMS[id];
    expect(term).toMatchObject({ id, unit, days });
    expect(term.rule).toMatch(citation);
    expect(term.description.length).toBeGreaterThan(20);
  });
  test('every TermId has a term and no term is untested', () => {
    expect(Object.keys(ORDER_115_TERMS).sort()).toEqual(EXPECTED.map((e) => e[0]).sort());
  });
  test('the hearing notice counts back from the service deadline (Rules §10: "at least three working days before")', () => {
    expect(ORDER_115_TERMS['privatization.hearing.noticeBeforeDeadline'].direction).toBe('before');
  });
});
