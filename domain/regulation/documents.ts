/**
 * The documents of Annex 1 item 8 (8.1–8.9) with when each is required, and the rule that documents whose data the
 * provider can obtain from state information systems through the e-government gateway must not be demanded
 * (Annex 1 item 8, closing paragraph; Rules §7).
 */
export type DocumentId = '8.1' | '8.2' | '8.3' | '8.4' | '8.5' | '8.6' | '8.7' | '8.8' | '8.9';

/** Applicant categories named in Annex 1 items 8.5–8.7. */
export type ApplicantCategory =
  | 'housing-law-art13-para8' // Law "On housing relations" art. 13 para 8 (item 8.5)
  | 'civil-servant' // item 8.6
  | 'budget-organisation-employee'
  | 'military-serviceman'
  | 'special-state-body-employee'
  | 'judge'
  | 'elected-state-office-holder'
  | 'astronaut'; // astronaut candidates and astronauts, item 8.7

/** Situations that make a document relevant. */
export type SituationFlag =
  | 'familyCivilStatusEvents' // marriages, divorces, deaths or births in the family (item 8.2)
  | 'otherPersonsRecognisedAsFamily' // item 8.4
  | 'privatizingUnderRules11'; // item 8.9

export type RequiredWhen =
  | { kind: 'always' }
  | { kind: 'category'; categories: readonly ApplicantCategory[] }
  | { kind: 'situation'; situation: SituationFlag };

export interface RequiredDocument {
  id: DocumentId;
  citation: string;
  description: string;
  requiredWhen: RequiredWhen;
  /**
   * true when the data are obtained by the provider from state information systems through the e-government gateway
   * (Annex 1 item 8, closing paragraph): the document may be asked for only when the gateway lacks the data.
   */
  obtainableFromGateway: boolean;
  /** What the gateway covers, when it covers only part (e.g. certificates after a cut-off date). */
  gatewayCoverage?: string;
}

export interface ApplicantSituation {
  categories?: readonly ApplicantCategory[];
  flags?: Partial<Record<SituationFlag, boolean>>;
  /** Documents whose data the provider's gateway query did not return (so the applicant may be asked for them). */
  missingFromInformationSystems?: readonly DocumentId[];
}

const EMPLOYED: readonly ApplicantCategory[] = [
  'civil-servant',
  'budget-organisation-employee',
  'military-serviceman',
  'special-state-body-employee',
  'judge',
  'elected-state-office-holder',
];

export const ANNEX1_ITEM8_DOCUMENTS: readonly RequiredDocument[] = [
  {
    id: '8.1',
    citation: 'Annex 1 item 8.1',
    description:
      'Application to privatize the dwelling the applicant lives in, signed by all adult members of the tenant’s family',
    requiredWhen: { kind: 'always' },
    obtainableFromGateway: false,
  },
  {
    id: '8.2',
    citation: 'Annex 1 item 8.2',
    description:
      'Copies of certificates of marriage (divorce), death of family members, birth of children — only where the information systems lack them',
    requiredWhen: { kind: 'situation', situation: 'familyCivilStatusEvents' },
    obtainableFromGateway: true,
    gatewayCoverage: 'marriage/divorce after 1 June 2008, death after 13 August 2007, birth after August 2007',
  },
  {
    id: '8.3',
    citation: 'Annex 1 item 8.3',
    description: 'The lease (tenancy) contract or the dwelling order',
    requiredWhen: { kind: 'always' },
    obtainableFromGateway: false,
  },
  {
    id: '8.4',
    citation: 'Annex 1 item 8.4',
    description: 'Where other persons are recognised as family members, a copy of the court decision recognising them',
    requiredWhen: { kind: 'situation', situation: 'otherPersonsRecognisedAsFamily' },
    // The closing paragraph of item 8 lists "court decisions recognising family members" among gateway data.
    obtainableFromGateway: true,
  },
  {
    id: '8.5',
    citation: 'Annex 1 item 8.5',
    description:
      'Citizens of art. 13 para 8 of the Law "On housing relations": where the information systems lack the data, a copy of the document confirming the right to receive the dwelling free of charge',
    requiredWhen: { kind: 'category', categories: ['housing-law-art13-para8'] },
    obtainableFromGateway: true,
    gatewayCoverage: 'membership of socially vulnerable groups',
  },
  {
    id: '8.6',
    citation: 'Annex 1 item 8.6',
    description:
      'Civil servants, budget-organisation employees, military servicemen, special-state-body employees, judges and elected state office holders: a certificate from the place of work or a copy of a document confirming employment',
    requiredWhen: { kind: 'category', categories: EMPLOYED },
    obtainableFromGateway: false,
  },
  {
    id: '8.7',
    citation: 'Annex 1 item 8.7',
    description:
      'Astronaut candidates and astronauts: a copy of the Government-issued document confirming their status',
    requiredWhen: { kind: 'category', categories: ['astronaut'] },
    obtainableFromGateway: false,
  },
  {
    id: '8.8',
    citation: 'Annex 1 item 8.8',
    description: 'A document confirming no debt under the tenancy contract',
    requiredWhen: { kind: 'always' },
    obtainableFromGateway: false,
  },
  {
    id: '8.9',
    citation: 'Annex 1 item 8.9',
    description:
      'When privatizing under Rules §11: a copy of the document confirming that the person belongs to a category entitled to receive a dwelling free of charge',
    requiredWhen: { kind: 'situation', situation: 'privatizingUnderRules11' },
    obtainableFromGateway: false,
  },
];

export const GATEWAY_RULE = {
  citation: 'Annex 1 item 8 (closing paragraph); Rules §7',
  text: 'Demanding from applicants documents that can be obtained from information systems is not allowed',
} as const;

export function documentById(id: DocumentId): RequiredDocument {
  const d = ANNEX1_ITEM8_DOCUMENTS.find((x) => x.id === id);
  if (!d) throw new RangeError(`No document ${id} in Annex 1 item 8`);
  return d;
}

/** Is the document relevant to this applicant at all (before the gateway rule)? */
export function isRelevant(doc: RequiredDocument, situation: ApplicantSituation): boolean {
  const w = doc.requiredWhen;
  if (w.kind === 'always') return true;
  if (w.kind === 'category') return (situation.categories ?? []).some((c) => w.categories.includes(c));
  return situation.flags?.[w.situation] === true;
}

/**
 * The documents the applicant may be asked for: the relevant ones, minus those obtainable from the gateway unless
 * the gateway did not return their data (Annex 1 item 8, closing paragraph).
 */
export function documentsToDemand(situation: ApplicantSituation): RequiredDocument[] {
  const missing = new Set(situation.missingFromInformationSystems ?? []);
  return ANNEX1_ITEM8_DOCUMENTS.filter(
    (d) => isRelevant(d, situation) && (!d.obtainableFromGateway || missing.has(d.id)),
  );
}

/**
 * The documents of `demanded` that must not be demanded: obtainable from the gateway and not reported missing
 * (Annex 1 item 8, closing paragraph). An empty list means the demand is lawful in this respect.
 */
export function unlawfullyDemanded(demanded: readonly DocumentId[], situation: ApplicantSituation): RequiredDocument[] {
  const missing = new Set(situation.missingFromInformationSystems ?? []);
  return demanded.map(documentById).filter((d) => d.obtainableFromGateway && !missing.has(d.id));
}
