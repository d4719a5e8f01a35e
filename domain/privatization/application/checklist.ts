/**
 * The Annex 1 item 8 checklist for one applicant (domain/regulation/documents.ts) and the gateway rule: a document
 * the information systems can supply is obtained through the e-government gateway and must not be demanded.
 */
import {
  ANNEX1_ITEM8_DOCUMENTS,
  GATEWAY_RULE,
  isRelevant,
  unlawfullyDemanded,
  type ApplicantSituation,
  type DocumentId,
} from '../../regulation/documents';
import type { DocumentCode, GatewayKind } from '../../../contracts/privatization';
import type { CaseFile, ChecklistEntry } from '../state';

/** Which gateway data stand in for which Annex 1 item 8 document. */
export const GATEWAY_KIND_FOR_DOCUMENT: Partial<Record<DocumentId, GatewayKind>> = {
  '8.2': 'civil-status',
  '8.4': 'court-decisions',
  '8.5': 'vulnerable-group',
};

/** Documents whose data only the information systems hold: never to be demanded (Rules §7, Annex 1 item 8). */
export const GATEWAY_ONLY_DOCUMENTS: readonly DocumentCode[] = [
  'identity-document',
  'property-ownership-certificate',
  'address-certificate',
  'vulnerable-group-certificate',
];

export function situationOf(
  file: Pick<CaseFile, 'categories' | 'situation' | 'familyMembers' | 'gateway'>,
): ApplicantSituation {
  const missing = (Object.entries(GATEWAY_KIND_FOR_DOCUMENT) as [DocumentId, GatewayKind][])
    .filter(([, kind]) => file.gateway.some((g) => g.kind === kind && !g.available))
    .map(([id]) => id);
  return {
    categories: file.categories,
    flags: {
      familyCivilStatusEvents: file.situation.familyCivilStatusEvents === true,
      otherPersonsRecognisedAsFamily: file.familyMembers.some((m) => m.recognisedByCourt === true),
      privatizingUnderRules11: file.situation.privatizingUnderRules11 === true,
    },
    missingFromInformationSystems: missing,
  };
}

export function checklistFor(
  file: Pick<CaseFile, 'categories' | 'situation' | 'familyMembers' | 'gateway'>,
  submitted: readonly DocumentCode[],
): ChecklistEntry[] {
  const situation = situationOf(file);
  return ANNEX1_ITEM8_DOCUMENTS.filter((d) => isRelevant(d, situation)).map((d) => ({
    document: d.id,
    rule: d.citation,
    obtainedBy: d.obtainableFromGateway ? 'gateway' : 'applicant',
    // 8.1 is the application itself, signed by the adult family members (checked at submission).
    submitted: d.id === '8.1' || submitted.includes(d.id),
  }));
}

/** The demanded documents that must not be demanded, with the rule. */
export function unlawfulDemands(file: CaseFile, demanded: readonly DocumentCode[]): DocumentCode[] {
  const annex = demanded.filter((d): d is DocumentId => /^8\.[1-9]$/.test(d));
  const unlawful: DocumentCode[] = unlawfullyDemanded(annex, situationOf(file)).map((d) => d.id);
  return [...unlawful, ...demanded.filter((d) => GATEWAY_ONLY_DOCUMENTS.includes(d))];
}

export const GATEWAY_RULE_CITATION = 'Annex 1 item 8';
export { GATEWAY_RULE };
