/**
 * The administrative case file as a PDF: it opens (pdf-parse reads it) and carries the case's key facts, with
 * Kazakh and Russian labels rendered in an embedded Cyrillic font.
 */
import { housingAssistanceModule } from '../housing-assistance/module';
import type { ServiceModule } from '../../platform/service-module';
import { fontPaths, renderCaseFilePdf } from './case-file-pdf';
import { caseFileOf } from './load';
import { calendar, CASE_ID, COMPLAINT_ID, createHarness, runScenario, type Harness } from './testing/scenario';
import { embeddedEventStore } from '../../adapters/sqlite/testing/embedded-store';

// pdf-parse 1.x: the library entry (its index runs a self-test when it has no parent module).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ text: string; numpages: number; info: Record<string, unknown> }>;

let h: Harness;
beforeAll(async () => {
  h = createHarness(embeddedEventStore);
  await runScenario(h);
});
afterAll(() => h.close());

test('the font is the npm-shipped DejaVu Sans (works on a fresh machine)', () => {
  expect(fontPaths().regular).toMatch(/node_modules\/dejavu-fonts-ttf\/ttf\/DejaVuSans\.ttf$/);
});

test('the PDF opens and contains the case’s key facts in Kazakh, Russian and English', async () => {
  const file = (await caseFileOf(
    { eventStore: h.store, calendar, complaintIdsOfCase: async () => [COMPLAINT_ID] },
    housingAssistanceModule as unknown as ServiceModule,
    CASE_ID,
    '2026-05-20T09:00:00.000Z',
  ))!;
  const pdf = await renderCaseFilePdf(file);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const parsed = await pdfParse(pdf);
  expect(parsed.numpages).toBeGreaterThanOrEqual(1);
  const text = parsed.text;
  const flat = text.replace(/\s+/g, '');
  for (const fact of [
    'Әкімшілік іс', // Kazakh: ә, і
    'Административное дело',
    'Administrative case file',
    'Мерзімдердің сақталуы', // қ, ң
    'Хэш-тізбекті тексеру',
    CASE_ID,
    'order-115-2025',
    'Rules §14',
    'HA Rules §13',
    'Assistance Assigned',
    'decisionNumber HA-2026-0412',
    'partly-upheld',
    'Доход супруга учтён дважды',
    'бұзылды / нарушен (missed)',
    'сақталды / соблюден (met)',
  ]) {
    expect({ fact, found: flat.includes(fact.replace(/\s+/g, '')) }).toEqual({ fact, found: true });
  }
  // The chain heads are printed in full.
  for (const s of file.integrity.streams) expect(flat).toContain(s.headHash);
  expect(flat).toContain('целостна');
});
