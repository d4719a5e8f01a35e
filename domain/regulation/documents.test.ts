import { ANNEX1_ITEM8_DOCUMENTS, documentsToDemand, GATEWAY_RULE, unlawfullyDemanded } from './documents';

const ids = (docs: { id: string }[]) => docs.map((d) => d.id);

describe('documents of Annex 1 item 8 (8.1–8.9)', () => {
  test('nine documents, each citing its item', () => {
    expect(ids([...ANNEX1_ITEM8_DOCUMENTS])).toEqual(['8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '8.7', '8.8', '8.9']);
    for (const d of ANNEX1_ITEM8_DOCUMENTS) expect(d.citation).toBe(`Annex 1 item ${d.id}`);
  });
  test('Annex 1 items 8.1, 8.3, 8.8: application, lease contract and no-debt document are asked of every applicant', () => {
    expect(ids(documentsToDemand({}))).toEqual(['8.1', '8.3', '8.8']);
  });
  test('Annex 1 item 8.6: a civil servant adds a certificate from the place of work', () => {
    expect(ids(documentsToDemand({ categories: ['civil-servant'] }))).toEqual(['8.1', '8.3', '8.6', '8.8']);
  });
  test('Annex 1 item 8.7: an astronaut adds the Government-issued status document', () => {
    expect(ids(documentsToDemand({ categories: ['astronaut'] }))).toContain('8.7');
  });
  test('Annex 1 item 8.9: privatizing under Rules §11 adds the entitlement document', () => {
    expect(ids(documentsToDemand({ flags: { privatizingUnderRules11: true } }))).toContain('8.9');
  });
  test('Annex 1 item 8 (closing paragraph): civil-status certificates and court decisions on family members come from the gateway and are not demanded', () => {
    const situation = {
      categories: ['housing-law-art13-para8' as const],
      flags: { familyCivilStatusEvents: true, otherPersonsRecognisedAsFamily: true },
    };
    expect(ids(documentsToDemand(situation))).toEqual(['8.1', '8.3', '8.8']);
    expect(GATEWAY_RULE.citation).toMatch(/Annex 1 item 8/);
  });
  test('Annex 1 item 8.2: only where the information systems lack them (e.g. a marriage before 1 June 2008) may the certificates be asked for', () => {
    const situation = { flags: { familyCivilStatusEvents: true }, missingFromInformationSystems: ['8.2' as const] };
    expect(ids(documentsToDemand(situation))).toEqual(['8.1', '8.2', '8.3', '8.8']);
  });
  test('demanding a gateway-obtainable document is flagged as unlawful; a non-obtainable one is not', () => {
    expect(ids(unlawfullyDemanded(['8.2', '8.4', '8.3'], {}))).toEqual(['8.2', '8.4']);
    expect(unlawfullyDemanded(['8.2'], { missingFromInformationSystems: ['8.2'] })).toEqual([]);
  });
});
