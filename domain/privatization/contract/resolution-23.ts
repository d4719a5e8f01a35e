/**
 * Cases in which the price of the dwelling is not paid to the local budget within 30 calendar days of the electronic
 * contract (Annex 1 item 6: "except in the cases of Resolution §23"; Government Resolution No. 673 of 2 July 2013).
 * Data, not code: order No. 115 does not reproduce Resolution §23 (docs/REGULATION.md "Contract and payment"), so the
 * list holds the case the Rules themselves establish (free privatization, Annex 2) plus the entries an operator
 * confirms from the Resolution's text.
 */
export interface PaymentExemptionCase {
  id: string;
  description: string;
  source: string;
}

export const RESOLUTION_23_CASES: readonly PaymentExemptionCase[] = [
  {
    id: 'free-privatization',
    description: 'Free privatization (application in the form of Annex 2): no price is charged',
    source: 'Rules §4, Annex 2; Annex 1 item 6',
  },
  {
    id: 'resolution-23-free-category',
    description:
      'A category of citizens entitled to receive the dwelling free of charge named in Resolution No. 673 §23 (the document of Annex 1 item 8.9)',
    source: 'Government Resolution No. 673 of 2 July 2013, §23 (text to be confirmed against adilet.zan.kz)',
  },
];

export function paymentExemption(id: string): PaymentExemptionCase | undefined {
  return RESOLUTION_23_CASES.find((c) => c.id === id);
}
