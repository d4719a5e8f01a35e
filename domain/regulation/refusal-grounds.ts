/** The five grounds for refusal of Annex 1 item 9 ("laws of the Republic"); a reasoned refusal names one or more. */
export type RefusalGroundCode =
  | 'unreliable-documents'
  | 'not-meeting-requirements'
  | 'court-ban-on-activity'
  | 'court-deprivation-of-special-right'
  | 'no-personal-data-consent';

export interface RefusalGround {
  code: RefusalGroundCode;
  citation: string;
  description: string;
  legalBasis?: string;
}

export const REFUSAL_GROUNDS: readonly RefusalGround[] = [
  {
    code: 'unreliable-documents',
    citation: 'Annex 1 item 9.1',
    description: 'The documents or data submitted by the applicant are found to be unreliable',
  },
  {
    code: 'not-meeting-requirements',
    citation: 'Annex 1 item 9.2',
    description: 'The applicant or the materials, objects, data submitted do not meet the requirements of the Rules',
  },
  {
    code: 'court-ban-on-activity',
    citation: 'Annex 1 item 9.3',
    description:
      'A court decision (verdict) in force prohibits the activity or kinds of activity for which the service is required',
  },
  {
    code: 'court-deprivation-of-special-right',
    citation: 'Annex 1 item 9.4',
    description: 'A court decision in force deprives the applicant of a special right connected with the service',
  },
  {
    code: 'no-personal-data-consent',
    citation: 'Annex 1 item 9.5',
    description: 'No consent of the applicant to access to restricted personal data required for the service',
    legalBasis: 'Law "On personal data and their protection", art. 8',
  },
];

export const REFUSAL_GROUND_CODES: readonly RefusalGroundCode[] = REFUSAL_GROUNDS.map((g) => g.code);

export function isRefusalGroundCode(code: unknown): code is RefusalGroundCode {
  return typeof code === 'string' && (REFUSAL_GROUND_CODES as readonly string[]).includes(code);
}

export function refusalGround(code: RefusalGroundCode): RefusalGround {
  const g = REFUSAL_GROUNDS.find((x) => x.code === code);
  if (!g) throw new RangeError(`Unknown refusal ground: ${code}`);
  return g;
}
