/**
 * `npm run demo`: fills a RUNNING kezen THROUGH THE API with a realistic data set — several providers, all three
 * tracks (Rules §9), both forms (Annex 2 free, Annex 3 purchase/instalments), both channels (State Corporation,
 * portal), cases at every stage, refusals with a hearing (Rules §10) and withdrawals — with a progress bar.
 * Tokens are minted with KEZEN_JWT_SECRET or `<KEZEN_DATA_DIR>/dev-secret`; EDS signatures use the TEST keys of
 * domain/privatization/testing (trusted by the embedded default only). Target: KEZEN_URL (default http://localhost:PORT).
 *
 * Every command goes through the same API as any client; a step the regulation refuses is counted and reported.
 * Cases become overdue with time: the deadline watcher records missed deadlines once their due dates pass.
 */
import { SingleBar, Presets } from 'cli-progress';
import { mintDevToken, readDevSecret } from '../services/platform/auth/dev-token';
import { loadConfig } from '../services/platform/config';
import type { Role } from '../services/platform/roles';
import {
  TEST_COMMISSION,
  TEST_FORMS,
  TEST_IINS,
  signedDecision,
  signedRefusal,
  signPayload,
  validSubmitApplication,
} from '../domain/privatization/testing/fixtures';
import { transferSteps } from '../domain/privatization/testing/case-script';
import { receiptNumberOf } from '../domain/privatization/application/submit';
import type { Track } from '../contracts/privatization';
import { applicationPayload } from '../domain/privatization/signing';

const PROVIDERS = ['akimat-astana', 'akimat-almaty', 'akimat-shymkent', 'akimat-karaganda'];
const TRACKS: Track[] = ['communal-fund', 'communal-institution', 'republican-institution'];
const FORMS = [TEST_FORMS.free, TEST_FORMS.residualValue, TEST_FORMS.instalments];
/** How far each case goes. */
const ENDINGS = ['registered', 'reviewed', 'decided', 'contracted', 'refused-after-hearing', 'withdrawn'] as const;
type Ending = (typeof ENDINGS)[number];

const config = loadConfig();
const baseUrl = process.env.KEZEN_URL ?? `http://localhost:${config.port}`;
const outcomes = new Map<string, number>();
const count = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);

async function tokenFor(secret: string, role: Role, providerId?: string, iin?: string): Promise<string> {
  return mintDevToken({
    secret,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    sub: `demo:${role}${providerId ? `@${providerId}` : ''}`,
    roles: [role],
    ...(providerId ? { providerId } : {}),
    ...(iin ? { iin } : {}),
    expiresIn: '1h',
  });
}

async function call(
  token: string,
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  count(res.ok ? 'accepted' : `refused ${res.status} ${String(json.code ?? '')}`);
  return { status: res.status, json };
}

async function runCase(secret: string, i: number): Promise<void> {
  const providerId = PROVIDERS[i % PROVIDERS.length]!;
  const track = TRACKS[i % TRACKS.length]!;
  const form = FORMS[Math.floor(i / 3) % FORMS.length]!;
  const channel = i % 2 === 0 ? 'state-corporation' : 'portal';
  const ending: Ending = ENDINGS[i % ENDINGS.length]!;
  const now = new Date().toISOString();
  const t = {
    intake: await tokenFor(secret, 'intake-operator'),
    applicant: await tokenFor(secret, 'applicant', undefined, TEST_IINS.applicant),
    officer: await tokenFor(secret, 'provider-officer', providerId),
    secretary: await tokenFor(secret, 'commission-secretary', providerId),
    head: await tokenFor(secret, 'provider-head', providerId),
    property: await tokenFor(secret, 'property-body'),
    registrar: await tokenFor(secret, 'registrar'),
  };
  const body = { ...validSubmitApplication({ track, form, channel, signedAt: now }), providerId } as Record<
    string,
    unknown
  >;
  delete body.caseId;
  if (channel === 'portal') {
    // The applicant signs the application for THIS provider (Annex 1 item 10).
    const terms = {
      applicantIin: TEST_IINS.applicant,
      dwellingAddress: (body.dwelling as { address: string }).address,
      form,
    };
    body.applicantSignature = signPayload('member', applicationPayload({ ...terms, providerId, track }), now);
  }
  const created = await call(channel === 'portal' ? t.applicant : t.intake, '/v1/privatization/cases', body);
  if (created.status !== 201) return;
  const caseId = String(created.json.caseId);
  const cmd = (token: string, name: string, data: unknown) =>
    call(token, `/v1/privatization/cases/${caseId}/commands/${name}`, data);
  if (ending === 'registered') return;
  if (ending === 'withdrawn') {
    await cmd(channel === 'portal' ? t.applicant : t.intake, 'WithdrawApplication', {
      reason: 'Moved to another city',
    });
    return;
  }
  for (const [k, iin] of Object.entries(TEST_IINS).slice(0, 4))
    await cmd(t.officer, 'RecordGatewayData', {
      kind: 'identity',
      subjectIin: iin,
      available: true,
      reference: `GW-ID-${k}`,
    });
  if (ending === 'refused-after-hearing') {
    await cmd(t.officer, 'CompleteDocumentReview', {
      outcome: 'grounds-for-refusal',
      groundsFound: ['unreliable-documents'],
    });
    await cmd(t.secretary, 'FormCommission', { members: TEST_COMMISSION });
    await cmd(t.head, 'IssuePreliminaryRefusal', {
      grounds: ['unreliable-documents'],
      explanation: 'The no-debt certificate does not match the registry.',
    });
    const hearingAt = new Date(Date.now() + 24 * 3600_000).toISOString();
    await cmd(t.secretary, 'ScheduleHearing', { hearingAt, place: `${providerId}, room 214` });
    await cmd(t.secretary, 'HoldHearing', { applicantAttended: true });
    await cmd(
      t.head,
      'IssueReasonedRefusal',
      signedRefusal(
        caseId,
        ['unreliable-documents'],
        'The certificate was not confirmed at the hearing.',
        new Date().toISOString(),
      ),
    );
    return;
  }
  await cmd(t.officer, 'CompleteDocumentReview', { outcome: 'compliant' });
  if (ending === 'reviewed') return;
  await cmd(t.secretary, 'FormCommission', { members: TEST_COMMISSION });
  for (const [n, vote] of (['for', 'for', 'against'] as const).entries())
    await cmd(t.secretary, 'RecordCommissionVote', { memberId: `m${n + 1}`, vote });
  await cmd(t.head, 'AdoptPrivatizationDecision', signedDecision(caseId, `HC-${i + 100}`, new Date().toISOString()));
  if (ending === 'decided') return;
  for (const step of transferSteps(track)) {
    const role =
      step.type === 'RecordPropertyBodyDecision' ? t.property : step.type === 'RegisterTitle' ? t.registrar : t.head;
    await cmd(role, step.type, step.data);
  }
  await cmd(t.officer, 'RecordGatewayData', {
    kind: 'rights-encumbrances',
    available: true,
    reference: 'GW-RE-1',
    summary: 'no encumbrances',
  });
  await cmd(t.officer, 'RecordGatewayData', {
    kind: 'technical-characteristics',
    available: true,
    reference: 'GW-TC-1',
    summary: '64.5 m², 3 rooms',
  });
  const free = form.kind === 'free';
  await cmd(t.head, 'SignContract', {
    contractNumber: `PC-${i + 100}`,
    contractForm: 'electronic',
    ...(free ? {} : { price: 4_500_000 }),
  });
  const registeredOn = String(created.json.registrationDate);
  if (channel === 'state-corporation')
    await cmd(t.intake, 'IssueResult', {
      delivery: {
        channel: 'state-corporation',
        receiptNumber: receiptNumberOf(caseId, registeredOn),
        recipient: 'applicant',
        identityVerifiedBy: 'identity-document',
      },
    });
}

async function main(): Promise<void> {
  const secret = config.jwt.secret ?? readDevSecret(config.dataDir);
  if (!secret)
    throw new Error(`No secret: set KEZEN_JWT_SECRET or start kezen first (it writes ${config.dataDir}/dev-secret)`);
  const health = await fetch(`${baseUrl}/healthz`).catch(() => null);
  if (!health?.ok) throw new Error(`kezen is not answering at ${baseUrl} — start it with npm start`);
  const total = Number(process.env.DEMO_CASES ?? 48);
  const bar = new SingleBar({ format: 'demo cases [{bar}] {value}/{total}  {eta}s left' }, Presets.shades_classic);
  bar.start(total, 0);
  for (let i = 0; i < total; i += 1) {
    await runCase(secret, i);
    bar.increment();
  }
  bar.stop();
  process.stdout.write(`\nFilled ${baseUrl} with ${total} privatization cases across ${PROVIDERS.length} providers.\n`);
  for (const [k, v] of [...outcomes.entries()].sort()) process.stdout.write(`  ${k}: ${v}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`demo failed: ${(e as Error).message}\n`);
  process.exit(1);
});
