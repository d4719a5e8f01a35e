/**
 * The administrative case file as a printable PDF (pdfkit). pdfkit's built-in Helvetica has no Cyrillic, so the
 * DejaVu Sans TrueType font is embedded (npm package `dejavu-fonts-ttf`, which covers the Kazakh letters
 * ә ғ қ ң ө ұ ү һ і); the Debian copy is the fallback on machines where the package is missing.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { AdministrativeCaseFile } from './case-file';
import type { ComplianceRow } from './compliance';
import { label, shortLabel, type LabelKey } from './labels';

const DEBIAN_DEJAVU = '/usr/share/fonts/truetype/dejavu';

export function fontPaths(): { regular: string; bold: string } {
  const candidates: string[] = [];
  try {
    candidates.push(join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf'));
  } catch {
    // the npm package is not installed: fall back to the system font
  }
  candidates.push(DEBIAN_DEJAVU);
  for (const dir of candidates) {
    const regular = join(dir, 'DejaVuSans.ttf');
    const bold = join(dir, 'DejaVuSans-Bold.ttf');
    if (existsSync(regular) && existsSync(bold)) return { regular, bold };
  }
  throw new Error('No Cyrillic TTF font found: install dejavu-fonts-ttf (npm) or fonts-dejavu-core (Debian)');
}

const stateKey = (s: ComplianceRow['state']): LabelKey => s;

export function renderCaseFilePdf(file: AdministrativeCaseFile): Promise<Buffer> {
  const fonts = fontPaths();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: {
      Title: `${label('title')} — ${file.caseId}`,
      Subject: `${file.service} ${file.caseId}`,
      Creator: 'kezen',
      CreationDate: new Date(file.generatedAt),
    },
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (key: LabelKey) => doc.moveDown(0.8).font('bold').fontSize(12).text(label(key)).moveDown(0.3);
  const line = (text: string, size = 9) => doc.font('body').fontSize(size).text(text);

  doc.font('bold').fontSize(16).text(label('title'));
  doc.moveDown(0.3);
  line(`${shortLabel('case')}: ${file.caseId}`, 10);
  line(`${shortLabel('service')}: ${file.service}`, 10);
  line(`${shortLabel('generatedAt')}: ${file.generatedAt}`, 10);
  line(`${shortLabel('regulationVersion')}: ${file.regulationVersions.join(', ')}`, 10);
  line(`Rules §14`, 10);

  heading('integrity');
  for (const c of file.integrity.streams) {
    line(`${c.streamName}: ${shortLabel(c.valid ? 'valid' : 'broken')} (${c.checked})`);
    line(`  ${shortLabel('chainHead')}: r${c.headRevision} ${c.headHash ?? '—'}`, 8);
    if (c.firstBroken) line(`  ✗ r${c.firstBroken.revision} ${c.firstBroken.reason}`, 8);
  }

  heading('decisions');
  if (file.decisions.length === 0) line(shortLabel('none'));
  for (const d of file.decisions) line(`${d.occurredAt}  ${d.summary}${d.rule ? ` — ${d.rule}` : ''}`);

  heading('signatures');
  if (file.signatures.length === 0) line(shortLabel('none'));
  for (const s of file.signatures)
    line(
      `${s.eventType} ${s.path}: ${shortLabel('signer')} ${s.signer}, ${s.algorithm}, № ${s.certificateSerial}, ${s.signedAt}`,
    );

  heading('compliance');
  for (const r of file.complianceReport.rows) {
    const who = r.subject === 'case' ? shortLabel('case') : `${shortLabel('complaints')} ${r.subject.complaintId}`;
    doc
      .font('bold')
      .fontSize(9)
      .text(`${who} · ${r.deadlineId} — ${shortLabel(stateKey(r.state))} (${r.state})`);
    line(`  ${shortLabel('rule')}: ${r.rule}`, 8);
    line(
      `  ${shortLabel('triggeredOn')}: ${r.triggeredOn} · ${shortLabel('dueOn')}: ${r.dueOn} · ${shortLabel('stepOn')}: ${r.stepOn ?? '—'} · ${shortLabel('workingDays')}: ${r.workingDaysUsed ?? '—'} / ${r.workingDaysAllowed}`,
      8,
    );
  }

  if (file.complaints.length > 0) {
    heading('complaints');
    for (const c of file.complaints)
      line(`${c.complaintId}: ${c.status}${c.outcome ? ` — ${c.outcome}` : ''}${c.reasons ? `: ${c.reasons}` : ''}`);
  }

  heading('timeline');
  for (const t of file.timeline)
    line(`${t.position}. ${t.occurredAt} [${t.actor.sub}] ${t.summary}${t.rule ? ` — ${t.rule}` : ''}`, 8);

  doc.end();
  return done;
}
