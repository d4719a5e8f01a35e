/**
 * Order No. 115 of the acting Minister of Industry and Construction, 4 April 2025 (Ministry of Justice registration
 * No. 35943, 4 April 2025): the Rules of the service "Privatization of dwellings from the state housing fund" in a
 * new edition (replacing the edition approved by order No. 437 of 12 August 2021, registry No. 23983) and HA Rules
 * §13 and §24 sub-para 19 (docs/REGULATION.md "The order").
 */
import type { Term, TermId } from '../types';

export const ORDER_115_2025_ID = 'order-115-2025';

/**
 * Publication date: the date of first official publication is not in the order's text (docs/REGULATION.md "The order").
 * **Assumption**: the order was published in the Reference Control Bank of normative legal acts (Эталонный контрольный
 * банк НПА РК, MoJ) on the day of its state registration, 4 April 2025. Override with the real date (`publishedOn`
 * option of `order115Version`/`defaultRegulations`) once confirmed from adilet.zan.kz.
 */
export const ORDER_115_PUBLICATION = {
  publishedOn: '2025-04-04',
  publicationSource:
    'ASSUMPTION: first official publication taken as the Reference Control Bank of NLA (MoJ) on the state registration date, 4 April 2025 (registration No. 35943); not confirmed — override via publishedOn',
} as const;

const t = (id: TermId, unit: Term['unit'], days: number, rule: string, description: string, direction?: Term['direction']): Term => ({
  id,
  unit,
  days,
  rule,
  description,
  ...(direction ? { direction } : {}),
});

/** Every term of the order, with its citation (docs/REGULATION.md "Terms"). */
export const ORDER_115_TERMS: Record<TermId, Term> = {
  'privatization.decision': t(
    'privatization.decision',
    'calendar-days',
    30,
    'Annex 1 item 3.1',
    'Stages 1–2: the housing commission’s decision to privatize or a reasoned refusal, within 30 calendar days of submission (Annex 1 items 3.1–3.3)',
  ),
  'privatization.contract': t(
    'privatization.contract',
    'working-days',
    5,
    'Annex 1 item 3.1',
    'Privatization contract within 5 working days (stage 3 of track 1, stage 4 of tracks 2–3; Annex 1 items 3.1–3.3)',
  ),
  'privatization.track2.transfer': t(
    'privatization.track2.transfer',
    'calendar-days',
    15,
    'Annex 1 item 3.2; Rules §9.2',
    'Track 2: transfer of the dwelling to the communal housing fund, including state registration, within 15 calendar days of the privatization decision',
  ),
  'privatization.track3.transfer': t(
    'privatization.track3.transfer',
    'calendar-days',
    30,
    'Annex 1 item 3.3; Rules §9.3',
    'Track 3: transfer from republican to communal ownership within 30 calendar days of the decision',
  ),
  'privatization.track3.propertyBodyDecision': t(
    'privatization.track3.propertyBodyDecision',
    'calendar-days',
    15,
    'Annex 1 item 3.3; Rules §9.3',
    'Track 3: the state-property body’s decision on the akim’s petition within 15 calendar days of the commission’s decision',
  ),
  'privatization.track3.actAndRegistration': t(
    'privatization.track3.actAndRegistration',
    'calendar-days',
    15,
    'Annex 1 item 3.3; Rules §9.3',
    'Track 3: signing and approval of the transfer act and state registration of the title documents within 15 calendar days of the decisions on the dwelling',
  ),
  'privatization.payment': t(
    'privatization.payment',
    'calendar-days',
    30,
    'Annex 1 item 6',
    'Payment of the price to the local budget within 30 calendar days of an electronic contract (except Resolution No. 673 §23)',
  ),
  'privatization.hearing.noticeBeforeDeadline': t(
    'privatization.hearing.noticeBeforeDeadline',
    'working-days',
    3,
    'Rules §10',
    'Notice of the preliminary decision to refuse and of the hearing: at least 3 working days before the service deadline ends',
    'before',
  ),
  'privatization.hearing.afterNotice': t(
    'privatization.hearing.afterNotice',
    'working-days',
    2,
    'Rules §10',
    'The hearing is held no later than 2 working days from the day of the notice',
  ),
  'complaints.provider': t(
    'complaints.provider',
    'working-days',
    5,
    'Rules §13',
    'A complaint to the provider is reviewed within 5 working days of its registration (Law on State Services art. 25 para 2)',
  ),
  'complaints.qualityAuthority': t(
    'complaints.qualityAuthority',
    'working-days',
    15,
    'Rules §13',
    'A complaint to the authorised body for evaluating and controlling the quality of state services is reviewed within 15 working days of its registration',
  ),
  'complaints.forward': t(
    'complaints.forward',
    'working-days',
    3,
    'Rules §14',
    'The provider forwards the complaint with the administrative case file to the complaint-review body no later than 3 working days after receiving it',
  ),
  'complaints.satisfy': t(
    'complaints.satisfy',
    'working-days',
    3,
    'Rules §14',
    'Within those 3 working days the provider may fully satisfy the complaint instead of forwarding it',
  ),
  'housingAssistance.decision': t(
    'housingAssistance.decision',
    'working-days',
    6,
    'HA Rules §13',
    'Housing assistance: decision or reasoned refusal within 6 working days of accepting the complete set of documents from the State Corporation',
  ),
  'regulation.notifyOperators': t(
    'regulation.notifyOperators',
    'working-days',
    3,
    'Rules §12',
    'The authorised body informs the e-government infrastructure operator and the Unified Contact Centre of changes to the Rules within 3 working days of approval',
  ),
};
