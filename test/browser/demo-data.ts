/**
 * A small demo data set for the browser tests, driven through the public API with a settable clock: privatization
 * cases at two providers, some decided within the 30 calendar days of Annex 1 item 3.1, the others left to run out
 * (the deadline watcher then records DeadlineMissed).
 */
import request from 'supertest';
import type { Express } from 'express';
import { validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import {
  adoptDecision,
  formCommission,
  identityDataSteps,
  reviewCompliant,
  votes,
} from '../../domain/privatization/testing/case-script';

const BASE = '/v1/privatization/cases';

export interface DemoTokens {
  intake: string;
  officer: (provider: string) => string;
  secretary: (provider: string) => string;
  head: (provider: string) => string;
}

export interface DemoCase {
  caseId: string;
  providerId: string;
  decided: boolean;
}

export async function submit(
  app: Express,
  token: string,
  providerId: string,
  channel: 'state-corporation' | 'state-corporation-duty',
): Promise<string> {
  const body = validSubmitApplication({ channel }) as Record<string, unknown>;
  delete body.caseId;
  body.providerId = providerId;
  const res = await request(app).post(BASE).set('Authorization', `Bearer ${token}`).send(body);
  if (res.status !== 201) throw new Error(`SubmitApplication: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.caseId as string;
}

async function send(app: Express, token: string, caseId: string, type: string, data: unknown): Promise<void> {
  const res = await request(app)
    .post(`${BASE}/${caseId}/commands/${type}`)
    .set('Authorization', `Bearer ${token}`)
    .send(data as object);
  if (res.status !== 200) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Submits on 2 March 2026 and decides some cases by 6 March (clock set by `setNow`). */
export async function loadDemo(app: Express, tokens: DemoTokens, setNow: (iso: string) => void): Promise<DemoCase[]> {
  const plan: { providerId: string; decide: boolean; channel: 'state-corporation' | 'state-corporation-duty' }[] = [
    { providerId: 'akimat-astana', decide: true, channel: 'state-corporation' },
    { providerId: 'akimat-astana', decide: true, channel: 'state-corporation-duty' },
    { providerId: 'akimat-astana', decide: false, channel: 'state-corporation' },
    { providerId: 'akimat-astana', decide: false, channel: 'state-corporation' },
    { providerId: 'akimat-almaty', decide: true, channel: 'state-corporation' },
    { providerId: 'akimat-almaty', decide: false, channel: 'state-corporation-duty' },
  ];
  setNow('2026-03-02T05:00:00Z');
  const cases: DemoCase[] = [];
  for (const p of plan)
    cases.push({
      caseId: await submit(app, tokens.intake, p.providerId, p.channel),
      providerId: p.providerId,
      decided: p.decide,
    });
  for (const c of cases.filter((x) => x.decided)) {
    setNow('2026-03-03T05:00:00Z');
    for (const s of identityDataSteps()) await send(app, tokens.officer(c.providerId), c.caseId, s.type, s.data);
    setNow('2026-03-04T05:00:00Z');
    await send(app, tokens.officer(c.providerId), c.caseId, reviewCompliant.type, reviewCompliant.data);
    setNow('2026-03-05T05:00:00Z');
    await send(app, tokens.secretary(c.providerId), c.caseId, formCommission.type, formCommission.data);
    for (const v of votes('for', 'for', 'against'))
      await send(app, tokens.secretary(c.providerId), c.caseId, v.type, v.data);
    setNow('2026-03-06T05:00:00Z');
    const decision = adoptDecision(c.caseId, '2026-03-06T04:30:00Z');
    await send(app, tokens.head(c.providerId), c.caseId, decision.type, decision.data);
  }
  return cases;
}
