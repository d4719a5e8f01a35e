/**
 * Writes the compatibility fixture: a data directory filled by an EARLIER kezen through its own HTTP API, in process,
 * on an injected clock that walks from March to May 2026 — privatization cases at every stage (contracts, a refusal
 * after a hearing, withdrawals, open and late cases), housing assistance cases, complaints, investigator reads (the
 * access log) and the deadline watcher's DeadlineMissed, the watcher ticked every working-day morning.
 *
 *   cd <checkout of the earlier commit> && npx tsx <this tree>/test/compat/generate-fixture.ts --code . --out <dir>
 *
 * Every command carries an Idempotency-Key, so case ids, command ids and event ids come out the same on every run;
 * only the EDS values and the recording instants differ. The answers are recorded by ./record-goldens.ts.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import request from 'supertest';
import { basePathOf, type FixtureCase, type FixtureManifest } from './goldens';
import { loadOldCode, type OldCalendar, type OldCode, type OldKezen } from './old-code';

type Json = Record<string, unknown>;
type Track = 'communal-fund' | 'communal-institution' | 'republican-institution';
type Form =
  { kind: 'free' } | { kind: 'residual-value' } | { kind: 'instalments'; termMonths: number; initialPayment: number };

/** The goldens are read after the last step; the watcher last looked two days earlier (deadlines it has not seen). */
const READ_AT = '2026-05-28T09:00:00.000Z';
const LAST_WATCHER_DAY = '2026-05-26';
const FIRST_DAY = '2026-03-02';

interface Fixtures {
  TEST_IINS: Record<'applicant' | 'spouse' | 'adultChild' | 'minorChild' | 'elder', string>;
  TEST_COMMISSION: unknown;
  validSubmitApplication(o: { track?: Track; form?: Form; channel?: string; signedAt?: string }): Json;
  signPayload(signer: string, payload: string, signedAt: string): unknown;
}
interface Signer {
  decisionBody(caseId: string, decisionNumber: string, signedAt: string): Json;
  refusalBody(caseId: string, grounds: string[], reasoning: string, signedAt: string): Json;
  cabinetResultBody(caseId: string, kind: string, reference: string, signedAt: string): Json;
}
interface CaseScript {
  identityDataSteps(): { type: string; data: Json }[];
  dwellingDataSteps(): { type: string; data: Json }[];
  transferSteps(track: Track): { type: string; data: Json }[];
}
interface HaFixtures {
  APPLICANT_IIN: string;
  application(o?: Json): Json;
  gatewayData(o?: Json): Json;
}

const tenAm = (date: string) => `${date}T05:00:00.000Z`;
const at = (date: string, hhmm: string) => `${date}T${hhmm}:00.000Z`;
const hoursBefore = (instant: string, h: number) => new Date(Date.parse(instant) - h * 3_600_000).toISOString();

interface Actor {
  role: string;
  providerId?: string;
  iin?: string;
}
const sub = (a: Actor) => `fixture:${a.role}${a.providerId ? `@${a.providerId}` : ''}${a.iin ? `#${a.iin}` : ''}`;

/** One thing that happens at an instant: steps of all cases run in time order, each case's steps in its own order. */
interface Step {
  at: string;
  order: number;
  run: () => Promise<void>;
}

class World {
  readonly steps: Step[] = [];
  readonly cases: FixtureCase[] = [];
  private order = 0;
  private readonly tokens = new Map<string, Promise<string>>();
  resend?: FixtureManifest['resend'];

  constructor(
    readonly old: OldCode,
    readonly kezen: OldKezen,
    readonly cal: OldCalendar,
    private readonly time: { now: Date },
  ) {}

  schedule(instant: string, run: () => Promise<void>) {
    this.steps.push({ at: instant, order: this.order++, run });
  }

  async runAll() {
    const ordered = [...this.steps].sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
    for (const s of ordered) {
      this.time.now = new Date(s.at);
      await s.run();
    }
  }

  token(a: Actor): Promise<string> {
    const key = sub(a);
    let t = this.tokens.get(key);
    if (!t) {
      t = this.old.mintDevToken({
        secret: this.kezen.devSecret!.secret,
        issuer: 'kezen-dev',
        audience: 'kezen',
        sub: key,
        roles: [a.role],
        name: `Fixture ${a.role}`,
        ...(a.providerId ? { providerId: a.providerId } : {}),
        ...(a.iin ? { iin: a.iin } : {}),
      });
      this.tokens.set(key, t);
    }
    return t;
  }

  /** POST through the API; anything but the expected status stops the generator (the plan has a mistake). */
  async post(a: Actor, path: string, body: unknown, idempotencyKey: string, expected = [200, 201]): Promise<Json> {
    const res = await request(this.kezen.app)
      .post(path)
      .set('Authorization', `Bearer ${await this.token(a)}`)
      .set('Idempotency-Key', idempotencyKey)
      .send(body as object);
    if (!expected.includes(res.status))
      throw new Error(
        `${this.time.now.toISOString()} POST ${path} as ${a.role}: ${res.status} ${JSON.stringify(res.body)}`,
      );
    return res.body as Json;
  }

  async get(a: Actor, path: string): Promise<Json> {
    const res = await request(this.kezen.app)
      .get(path)
      .set('Authorization', `Bearer ${await this.token(a)}`);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Json;
  }

  async caughtUp() {
    const head = await this.kezen.eventStore.headPosition();
    if (!(await this.kezen.projector.waitForPosition(head, 30_000)))
      throw new Error(`the projections did not reach ${head}`);
  }
}

/** A case's own sequence of steps; `cmd` posts the next command to the case once the create has given its id. */
class CaseBuilder {
  caseId = '';
  registeredOn = '';
  private n = 0;
  stopped = false;

  constructor(
    readonly w: World,
    readonly label: string,
    readonly base: string,
    readonly stopAt: string | undefined,
  ) {}

  private key() {
    return `${this.label}:${this.n++}`;
  }

  create(instant: string, a: Actor, body: () => Json, onCreated?: (res: Json) => void) {
    const key = this.key();
    this.w.schedule(instant, async () => {
      const res = await this.w.post(a, this.base, body(), key, [201]);
      this.caseId = String(res.caseId);
      this.registeredOn = String(res.registrationDate ?? '');
      onCreated?.(res);
    });
  }

  cmd(instant: string, a: Actor, name: string, body: () => unknown) {
    const key = this.key();
    this.w.schedule(instant, async () => {
      const path = `${this.base}/${this.caseId}/commands/${name}`;
      const data = body();
      await this.w.post(a, path, data, key, [200]);
      if (!this.w.resend && name === 'RecordGatewayData')
        this.w.resend = { ...a, sub: sub(a), path, idempotencyKey: key, body: data };
    });
  }

  /** Whether the plan stops here (a case still open on the day of the snapshot). */
  reached(milestone: string): boolean {
    if (this.stopAt === milestone) this.stopped = true;
    return this.stopped;
  }
}

const PROVIDERS = ['akimat-astana', 'akimat-almaty', 'akimat-shymkent', 'akimat-karaganda'];
const TRACKS: Track[] = ['communal-fund', 'communal-institution', 'republican-institution'];

interface PrivatizationPlan {
  label: string;
  providerId: string;
  track: Track;
  form: Form;
  channel: 'state-corporation' | 'portal';
  /** contracted | refused | withdrawn, or the milestone an open case stops at. */
  ending: string;
  startOn: string;
  /** Working days the case lies untouched after the review (its decision term runs out). */
  pauseDays?: number;
}

function privatizationCase(w: World, f: Fixtures, s: Signer, script: CaseScript, plan: PrivatizationPlan) {
  const open = !['contracted', 'refused', 'withdrawn'].includes(plan.ending);
  const c = new CaseBuilder(w, plan.label, '/v1/privatization/cases', open ? plan.ending : undefined);
  const p = plan.providerId;
  const officer: Actor = { role: 'provider-officer', providerId: p };
  const secretary: Actor = { role: 'commission-secretary', providerId: p };
  const head: Actor = { role: 'provider-head', providerId: p };
  const intake: Actor = { role: 'intake-operator' };
  const applicant: Actor = { role: 'applicant', iin: f.TEST_IINS.applicant };
  const cal = w.cal;
  let day = plan.startOn;
  const next = () => (day = cal.nextWorkingDay(day));

  const appPayload = w.old.module<{ applicationPayload(t: Json): string }>('domain/privatization/signing');
  const receiptNumberOf = w.old.module<{ receiptNumberOf(id: string, on: string): string }>(
    'domain/privatization/application/submit',
  ).receiptNumberOf;
  c.create(tenAm(day), plan.channel === 'portal' ? applicant : intake, () => {
    const signedAt = hoursBefore(tenAm(plan.startOn), 1);
    const body: Json = {
      ...f.validSubmitApplication({ track: plan.track, form: plan.form, channel: plan.channel, signedAt }),
      providerId: p,
    };
    delete body.caseId;
    if (plan.channel === 'portal') {
      const dwelling = body.dwelling as { address: string };
      const payload = appPayload.applicationPayload({
        applicantIin: f.TEST_IINS.applicant,
        dwellingAddress: dwelling.address,
        form: plan.form,
        providerId: p,
        track: plan.track,
      });
      body.applicantSignature = f.signPayload('member', payload, signedAt);
    }
    return body;
  });
  w.cases.push({
    label: plan.label,
    service: 'privatization',
    caseId: '',
    streamName: '',
    providerId: p,
    ending: plan.ending,
  });
  const entry = w.cases[w.cases.length - 1]!;
  w.schedule(tenAm(day), async () => {
    entry.caseId = c.caseId;
    entry.streamName = `privatization-${c.caseId}`;
  });
  if (c.reached('registered')) return;

  next();
  for (const step of script.identityDataSteps()) c.cmd(tenAm(day), officer, step.type, () => step.data);
  if (c.reached('identity')) return;
  if (plan.ending === 'withdrawn') {
    next();
    c.cmd(tenAm(day), plan.channel === 'portal' ? applicant : intake, 'WithdrawApplication', () => ({
      reason: 'The family decided to wait',
    }));
    return;
  }
  next();
  if (plan.ending === 'refused' || plan.ending === 'hearing-scheduled') {
    c.cmd(tenAm(day), officer, 'CompleteDocumentReview', () => ({
      outcome: 'grounds-for-refusal',
      groundsFound: ['not-meeting-requirements'],
      note: 'The tenancy ended',
    }));
    next();
    c.cmd(tenAm(day), secretary, 'FormCommission', () => ({ members: f.TEST_COMMISSION }));
    for (const [i, vote] of ['against', 'against', 'abstain'].entries())
      c.cmd(tenAm(day), secretary, 'RecordCommissionVote', () => ({ memberId: `m${i + 1}`, vote }));
    next();
    c.cmd(tenAm(day), head, 'IssuePreliminaryRefusal', () => ({
      grounds: ['not-meeting-requirements'],
      explanation: 'The lease contract expired.',
    }));
    next();
    const hearingOn = cal.addWorkingDays(day, 2).dueOn;
    c.cmd(tenAm(day), officer, 'ScheduleHearing', () => ({
      hearingAt: at(hearingOn, '06:00'),
      place: 'Akimat, room 214',
    }));
    if (c.reached('hearing-scheduled')) return;
    day = hearingOn;
    c.cmd(at(hearingOn, '06:30'), secretary, 'HoldHearing', () => ({ applicantAttended: true }));
    next();
    const refusedOn = day;
    c.cmd(tenAm(day), head, 'IssueReasonedRefusal', () =>
      s.refusalBody(
        c.caseId,
        ['not-meeting-requirements'],
        'The lease was not extended.',
        hoursBefore(tenAm(refusedOn), 1),
      ),
    );
    next();
    issueResult('reasoned-refusal', `refusal-${refusedOn}`);
    return;
  }
  c.cmd(tenAm(day), officer, 'CompleteDocumentReview', () => ({ outcome: 'compliant' }));
  if (c.reached('reviewed')) return;
  for (let i = 0; i < (plan.pauseDays ?? 0); i += 1) next();
  next();
  c.cmd(tenAm(day), secretary, 'FormCommission', () => ({ members: f.TEST_COMMISSION }));
  for (const [i, vote] of ['for', 'for', 'against'].entries())
    c.cmd(tenAm(day), secretary, 'RecordCommissionVote', () => ({ memberId: `m${i + 1}`, vote }));
  if (c.reached('voted')) return;
  next();
  const decidedOn = day;
  c.cmd(tenAm(day), head, 'AdoptPrivatizationDecision', () =>
    s.decisionBody(c.caseId, `HC-${plan.label}`, hoursBefore(tenAm(decidedOn), 1)),
  );
  if (c.reached('decided')) return;
  for (const step of script.transferSteps(plan.track)) {
    next();
    const who: Actor =
      step.type === 'RegisterTitle'
        ? { role: 'registrar' }
        : step.type === 'RecordPropertyBodyDecision'
          ? { role: 'property-body' }
          : head;
    c.cmd(tenAm(day), who, step.type, () => step.data);
  }
  next();
  for (const step of script.dwellingDataSteps()) c.cmd(tenAm(day), officer, step.type, () => step.data);
  if (c.reached('dwelling-data')) return;
  next();
  const price = 4_500_000;
  c.cmd(tenAm(day), head, 'SignContract', () => ({
    contractNumber: `PC-${plan.label}`,
    contractForm: plan.channel === 'portal' ? 'electronic' : 'paper',
    ...(plan.form.kind === 'free' ? {} : { price }),
  }));
  if (c.reached('contract-signed')) return;
  if (plan.form.kind !== 'free') {
    next();
    const amount = plan.form.kind === 'instalments' ? plan.form.initialPayment : price;
    c.cmd(tenAm(day), officer, 'RecordPayment', () => ({ amount, reference: `KZ-${plan.label}` }));
  }
  next();
  issueResult('privatization-contract', `PC-${plan.label}`);

  function issueResult(kind: string, reference: string) {
    const on = day;
    if (plan.channel === 'portal')
      c.cmd(tenAm(on), officer, 'IssueResult', () =>
        s.cabinetResultBody(c.caseId, kind, reference, hoursBefore(tenAm(on), 1)),
      );
    else
      c.cmd(tenAm(on), intake, 'IssueResult', () => ({
        delivery: {
          channel: 'state-corporation',
          receiptNumber: receiptNumberOf(c.caseId, c.registeredOn),
          recipient: 'applicant',
          identityVerifiedBy: 'identity-document',
        },
      }));
  }
}

interface HousingPlan {
  label: string;
  region: 'almaty-city' | 'astana';
  /** assigned | refused | withdrawn, or the milestone an open case stops at. */
  ending: string;
  startOn: string;
}

function housingCase(w: World, ha: HaFixtures, plan: HousingPlan) {
  const providerId = plan.region === 'astana' ? 'akimat-astana' : 'akimat-almaty';
  const open = !['assigned', 'refused', 'withdrawn'].includes(plan.ending);
  const c = new CaseBuilder(w, plan.label, '/v1/housing-assistance/cases', open ? plan.ending : undefined);
  const intake: Actor = { role: 'intake-operator' };
  const officer: Actor = { role: 'provider-officer', providerId };
  let day = plan.startOn;
  const next = () => (day = w.cal.nextWorkingDay(day));
  c.create(tenAm(day), intake, () =>
    ha.application({
      providerId,
      regionCode: plan.region,
      ...(plan.region === 'astana'
        ? {
            dwelling: {
              address: 'Astana, Saryarka district, 12 Kenesary st, flat 40',
              basis: 'only-dwelling-owned',
              totalAreaM2: 58,
            },
          }
        : {}),
    }),
  );
  w.cases.push({
    label: plan.label,
    service: 'housing-assistance',
    caseId: '',
    streamName: '',
    providerId,
    ending: plan.ending,
  });
  const entry = w.cases[w.cases.length - 1]!;
  w.schedule(tenAm(day), async () => {
    entry.caseId = c.caseId;
    entry.streamName = `housing-assistance-${c.caseId}`;
  });
  if (c.reached('submitted')) return;
  if (plan.ending === 'withdrawn') {
    next();
    c.cmd(tenAm(day), intake, 'WithdrawApplication', () => ({ reason: 'Moved to another region' }));
    return;
  }
  c.cmd(at(day, '06:00'), intake, 'AcceptCompleteDocuments', () => ({ documents: ['application', 'consents'] }));
  if (c.reached('accepted')) return;
  next();
  c.cmd(tenAm(day), officer, 'RecordGatewayData', () => ha.gatewayData());
  if (c.reached('gateway-data')) return;
  next();
  if (plan.ending === 'refused')
    c.cmd(tenAm(day), officer, 'RefuseHousingAssistance', () => ({
      reasons: [{ ground: 'no-entitlement-income', explanation: 'The family income is above the threshold.' }],
    }));
  else c.cmd(tenAm(day), officer, 'AssignHousingAssistance', () => ({ decisionNumber: `HA-${plan.label}` }));
  if (c.reached('decided')) return;
  next();
  c.cmd(tenAm(day), officer, 'IssueResult', () => ({ deliveredVia: 'personal-cabinet' }));
}

interface ComplaintPlan {
  label: string;
  about: string;
  /** satisfied | decided | withdrawn | registered (open). */
  ending: string;
  lodgedOn: string;
  addressee?: 'provider-head' | 'quality-authority';
}

function complaint(w: World, f: Fixtures, ha: HaFixtures, plan: ComplaintPlan) {
  const c = new CaseBuilder(w, plan.label, '/v1/complaints', plan.ending === 'registered' ? 'registered' : undefined);
  const target = () => w.cases.find((x) => x.label === plan.about)!;
  const housing = plan.about.startsWith('ha');
  const iin = housing ? ha.APPLICANT_IIN : f.TEST_IINS.applicant;
  const complainant: Actor = { role: 'applicant', iin };
  let day = plan.lodgedOn;
  const next = () => (day = w.cal.nextWorkingDay(day));
  let providerId = '';
  c.create(at(day, '07:00'), complainant, () => {
    providerId = target().providerId;
    return {
      caseId: target().caseId,
      service: housing ? 'housing-assistance' : 'privatization',
      providerId,
      addressee: plan.addressee ?? 'provider-head',
      complainant: {
        kind: 'applicant',
        iin,
        fullName: housing ? 'Aigerim Serikovna Nurlanova' : 'Seitkali Arman Nurlanuly',
      },
      subject: { kind: 'inaction', description: 'No answer on the application for two weeks' },
      grounds: 'The provider did not inform the applicant of the stage of the case.',
    };
  });
  w.cases.push({
    label: plan.label,
    service: 'complaints',
    caseId: '',
    streamName: '',
    providerId: '',
    ending: plan.ending,
  });
  const entry = w.cases[w.cases.length - 1]!;
  w.schedule(at(day, '07:00'), async () => {
    entry.caseId = c.caseId;
    entry.streamName = `complaint-${c.caseId}`;
    entry.providerId = providerId;
  });
  if (plan.ending === 'withdrawn') {
    next();
    c.cmd(tenAm(day), complainant, 'WithdrawComplaint', () => ({ reason: 'The provider answered after all' }));
    return;
  }
  const staff = (): Actor => ({ role: 'provider-officer', providerId: target().providerId });
  const qa: Actor = { role: 'quality-authority' };
  const registrar = plan.addressee === 'quality-authority' ? () => qa : staff;
  c.cmd(at(day, '08:00'), registrar(), 'RegisterComplaint', () => ({ registrationNumber: `Ж-${plan.label}` }));
  if (c.reached('registered')) return;
  next();
  if (plan.ending === 'satisfied') {
    c.cmd(tenAm(day), staff(), 'SatisfyComplaint', () => ({
      measure: { kind: 'administrative-action', description: 'The applicant was informed of the stage in writing.' },
    }));
    return;
  }
  if (plan.addressee !== 'quality-authority') {
    c.cmd(tenAm(day), staff(), 'ForwardComplaint', () => ({
      reviewBody: { id: 'qa-astana', name: 'Quality authority, Astana' },
      caseFileReference: `file-${target().caseId}`,
    }));
    next();
  }
  c.cmd(tenAm(day), qa, 'DecideComplaint', () => ({
    outcome: plan.label.endsWith('rejected') ? 'rejected' : 'upheld',
    reasons: 'Reviewed with the case file.',
    ...(plan.label.endsWith('rejected') ? {} : { measures: 'Inform the applicant within 3 working days.' }),
  }));
}

/** The investigator reads a few case files and timelines: each read is recorded in the access log before it is served. */
function investigatorReads(w: World, on: string, labels: string[]) {
  const investigator: Actor = { role: 'investigator' };
  w.schedule(at(on, '11:00'), async () => {
    await w.caughtUp();
    for (const label of labels) {
      const c = w.cases.find((x) => x.label === label)!;
      const base = basePathOf(c);
      await w.get(investigator, `${base}/${c.caseId}/timeline`);
      if (c.service !== 'complaints') await w.get(investigator, `${base}/${c.caseId}/file`);
    }
  });
}

/** The deadline watcher as the service runs it: once a day, early in the morning (Almaty), after the projections. */
function watcherTicks(w: World, watcher: { tick(): Promise<{ recorded: number; failed: number }> }) {
  for (let day = FIRST_DAY; day <= LAST_WATCHER_DAY; day = w.cal.nextWorkingDay(day)) {
    w.schedule(at(day, '00:30'), async () => {
      await w.caughtUp();
      const r = await watcher.tick();
      if (r.failed > 0) throw new Error(`the watcher failed on ${day}`);
    });
  }
}

function plans(): { privatization: PrivatizationPlan[]; housing: HousingPlan[]; complaints: ComplaintPlan[] } {
  const forms: Form[] = [
    { kind: 'free' },
    { kind: 'residual-value' },
    { kind: 'instalments', termMonths: 12, initialPayment: 500000 },
  ];
  const privatization: PrivatizationPlan[] = [];
  const add = (ending: string, startOn: string, extra: Partial<PrivatizationPlan> = {}) => {
    const i = privatization.length;
    privatization.push({
      label: `p${String(i + 1).padStart(2, '0')}-${ending}`,
      providerId: PROVIDERS[i % PROVIDERS.length]!,
      track: TRACKS[i % 3]!,
      form: forms[Math.floor(i / 3) % 3]!,
      channel: i % 2 === 0 ? 'state-corporation' : 'portal',
      ending,
      startOn,
      ...extra,
    });
  };
  // Every track with every form: contracted through the transfer steps, the payment and the result.
  const contractedOn = [
    '2026-03-02',
    '2026-03-04',
    '2026-03-10',
    '2026-03-16',
    '2026-03-23',
    '2026-04-01',
    '2026-04-08',
    '2026-04-15',
    '2026-04-22',
  ];
  for (const on of contractedOn) add('contracted', on);
  add('refused', '2026-03-05');
  add('refused', '2026-04-13');
  add('withdrawn', '2026-03-12');
  add('withdrawn', '2026-05-06');
  // Open on the day of the snapshot: a few at each stage, old ones past their terms, recent ones within them.
  add('registered', '2026-03-18');
  add('registered', '2026-05-25');
  add('identity', '2026-04-20');
  add('reviewed', '2026-04-06');
  add('reviewed', '2026-05-18');
  add('voted', '2026-05-12');
  add('decided', '2026-04-27');
  add('decided', '2026-05-19');
  add('hearing-scheduled', '2026-05-20');
  add('dwelling-data', '2026-05-04');
  add('contract-signed', '2026-05-07', { form: { kind: 'residual-value' } });
  // Late: the decision term runs out while the case lies untouched; the watcher records it, then the case goes on.
  add('contracted', '2026-03-03', { pauseDays: 26 });
  add('decided', '2026-03-25', { pauseDays: 24 });

  const housing: HousingPlan[] = [
    { label: 'ha01-assigned', region: 'almaty-city', ending: 'assigned', startOn: '2026-04-30' },
    { label: 'ha02-assigned', region: 'astana', ending: 'assigned', startOn: '2026-05-04' },
    { label: 'ha03-refused', region: 'almaty-city', ending: 'refused', startOn: '2026-05-05' },
    { label: 'ha04-withdrawn', region: 'astana', ending: 'withdrawn', startOn: '2026-05-06' },
    { label: 'ha05-accepted', region: 'almaty-city', ending: 'accepted', startOn: '2026-05-08' },
    { label: 'ha06-gateway-data', region: 'astana', ending: 'gateway-data', startOn: '2026-05-14' },
    { label: 'ha07-submitted', region: 'almaty-city', ending: 'submitted', startOn: '2026-05-22' },
    { label: 'ha08-decided', region: 'astana', ending: 'decided', startOn: '2026-05-18' },
    { label: 'ha09-accepted', region: 'almaty-city', ending: 'accepted', startOn: '2026-05-26' },
  ];

  const complaints: ComplaintPlan[] = [
    { label: 'c01-satisfied', about: 'p01-contracted', ending: 'satisfied', lodgedOn: '2026-03-05' },
    { label: 'c02-decided-rejected', about: 'p10-refused', ending: 'decided', lodgedOn: '2026-03-20' },
    { label: 'c03-decided', about: 'p14-registered', ending: 'decided', lodgedOn: '2026-04-06' },
    { label: 'c04-registered', about: 'p17-reviewed', ending: 'registered', lodgedOn: '2026-04-24' },
    { label: 'c05-withdrawn', about: 'p05-contracted', ending: 'withdrawn', lodgedOn: '2026-03-25' },
    {
      label: 'c06-decided',
      about: 'ha05-accepted',
      ending: 'decided',
      lodgedOn: '2026-05-20',
      addressee: 'quality-authority',
    },
    { label: 'c07-registered', about: 'p19-voted', ending: 'registered', lodgedOn: '2026-05-26' },
  ];
  return { privatization, housing, complaints };
}

async function main() {
  const { values } = parseArgs({ options: { code: { type: 'string' }, out: { type: 'string' } } });
  if (!values.code || !values.out) throw new Error('usage: generate-fixture.ts --code <earlier checkout> --out <dir>');
  const old = loadOldCode(values.code);
  const out = resolve(values.out);
  const dataDir = mkdtempSync(join(tmpdir(), 'kezen-compat-gen-'));
  const env = {
    KEZEN_DATA_DIR: dataDir,
    KEZEN_WATCHER_INTERVAL_MS: '0',
    KEZEN_PROJECTOR_THREAD: 'off',
    LOG_LEVEL: 'warn',
  };
  const time = { now: new Date(`${FIRST_DAY}T00:00:00Z`) };
  const clock = () => time.now;
  const logs = new Writable({ write: (_c, _e, cb) => cb() });
  const kezen = await old.buildKezen(old.loadConfig(env), { env, clock, logDestination: logs });
  await kezen.start();
  const w = new World(old, kezen, kezen.calendar, time);

  const f = old.module<Fixtures>('domain/privatization/testing/fixtures');
  const s = old.module<Signer>('scripts/dataset/signer');
  const script = old.module<CaseScript>('domain/privatization/testing/case-script');
  const ha = old.module<HaFixtures>('domain/housing-assistance/testing/fixtures');
  const { DeadlineWatcher } = old.module<{
    DeadlineWatcher: new (deps: Json) => { tick(): Promise<{ recorded: number; failed: number }> };
  }>('services/deadlines/watcher');
  const { readStoreDeadlines } = old.module<{ readStoreDeadlines(rs: unknown): unknown }>(
    'services/deadlines/open-deadlines',
  );
  const { signatureVerifierFromEnv } = old.module<{ signatureVerifierFromEnv(env: Json, logger: unknown): unknown }>(
    'services/runtime/trust-store-file',
  );
  // The same watcher the service starts (services/dashboard/feature.ts), ticked on the fixture's days.
  const watcher = new DeadlineWatcher({
    store: kezen.eventStore,
    deadlines: readStoreDeadlines(kezen.readStore),
    services: kezen.modules,
    calendar: kezen.calendar,
    regulations: kezen.regulations,
    signatures: signatureVerifierFromEnv({}, kezen.logger),
    clock,
  });

  const p = plans();
  for (const plan of p.privatization) privatizationCase(w, f, s, script, plan);
  for (const plan of p.housing) housingCase(w, ha, plan);
  for (const plan of p.complaints) complaint(w, f, ha, plan);
  investigatorReads(w, '2026-04-10', ['p01-contracted', 'p10-refused', 'c02-decided-rejected']);
  investigatorReads(w, '2026-05-27', ['ha01-assigned', 'p25-contracted']);
  watcherTicks(w, watcher);
  await w.runAll();
  await w.caughtUp();
  const head = await kezen.eventStore.headPosition();
  await kezen.close();

  for (const file of readdirSync(dataDir))
    if (file.endsWith('-wal') || file.endsWith('-shm')) {
      // A clean close leaves none; fold any that remain into the main file so the fixture is two files.
      const db = new Database(join(dataDir, file.replace(/-(wal|shm)$/, '')));
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }
  mkdirSync(out, { recursive: true });
  for (const name of ['events.sqlite', 'read-models.sqlite'])
    writeFileSync(join(out, `${name}.gz`), gzipSync(readFileSync(join(dataDir, name)), { level: 9 }));
  copyFileSync(join(dataDir, 'dev-secret'), join(out, 'dev-secret'));
  const manifest: FixtureManifest = {
    generatedBy: 'test/compat/generate-fixture.ts',
    readAt: READ_AT,
    cases: w.cases,
    resend: w.resend!,
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const left = readdirSync(dataDir).filter((x) => !['events.sqlite', 'read-models.sqlite', 'dev-secret'].includes(x));
  process.stdout.write(
    `fixture written to ${out}: ${w.cases.length} cases, log head ${head}; other files in the data dir: ${left.join(', ') || 'none'}\n`,
  );
  if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  process.stderr.write(`generate-fixture failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
