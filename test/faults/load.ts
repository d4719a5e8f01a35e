/**
 * Load for the server-down fault tests: command clients each open privatization cases and take them through gateway
 * data, the document review and the commission (three feed messages a case); query
 * clients read cases and lists. Every answer is recorded with its time, status, problem code and duration, so a test
 * can say what the API answered while a server was down.
 */
import {
  dwellingDataSteps,
  formCommission,
  identityDataSteps,
  reviewCompliant,
} from '../../domain/privatization/testing/case-script';
import { validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import { token } from './checks';

const BASE = '/v1/privatization/cases';

export interface Answer {
  kind: 'command' | 'query';
  at: number;
  ms: number;
  status: number;
  problem?: { code?: string; detail?: string; type: string };
}

export interface Load {
  answers: Answer[];
  /** Event ids of every acknowledged command. */
  acked: string[][];
  caseIds: string[];
  stop(): Promise<void>;
}

async function call(url: string, tok: string, method: string, body?: unknown): Promise<{ a: Answer; json: unknown }> {
  const at = Date.now();
  try {
    return await callOnce(url, tok, method, at, body);
  } catch (error) {
    // No answer at all (timeout, connection reset): status 0, a failure of the test's bounds.
    const a: Answer = { kind: method === 'GET' ? 'query' : 'command', at, ms: Date.now() - at, status: 0 };
    a.problem = { code: (error as Error).name, type: '' };
    return { a, json: undefined };
  }
}

async function callOnce(url: string, tok: string, method: string, at: number, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${tok}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(60_000),
  });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  const json: unknown = text && type.includes('json') ? JSON.parse(text) : undefined;
  const a: Answer = { kind: method === 'GET' ? 'query' : 'command', at, ms: Date.now() - at, status: res.status };
  if (res.status >= 400) {
    const p = (json ?? {}) as { code?: string; detail?: string };
    a.problem = { code: p.code, detail: p.detail, type };
  }
  return { a, json };
}

export async function startLoad(
  baseUrl: string,
  secret: string,
  options: { commandClients: number; queryClients: number; commandPauseMs?: number },
): Promise<Load> {
  const intake = await token(secret, 'faults:intake', 'intake-operator');
  const officer = await token(secret, 'faults:officer', 'provider-officer', 'akimat-astana');
  const secretary = await token(secret, 'faults:secretary', 'commission-secretary', 'akimat-astana');
  const submission = { ...validSubmitApplication() } as Record<string, unknown>;
  delete submission.caseId;
  // Gateway data, the document review and the commission: three stage changes per case (feed messages, Rules §11).
  const steps = [
    ...[...identityDataSteps(), ...dwellingDataSteps(), reviewCompliant].map((c) => ({ c, tok: officer })),
    { c: formCommission, tok: secretary },
  ];
  const load: Load = { answers: [], acked: [], caseIds: [], stop: async () => undefined };
  let stopped = false;
  const record = (a: Answer, json: unknown) => {
    load.answers.push(a);
    if (a.kind === 'command' && a.status < 300)
      load.acked.push((json as { events: { eventId: string }[] }).events.map((e) => e.eventId));
  };
  const pause = () => new Promise((r) => setTimeout(r, 20));
  const commandClient = async () => {
    while (!stopped) {
      const created = await call(`${baseUrl}${BASE}`, intake, 'POST', submission);
      record(created.a, created.json);
      if (created.a.status !== 201) {
        await pause();
        continue;
      }
      const caseId = (created.json as { caseId: string }).caseId;
      load.caseIds.push(caseId);
      for (const { c, tok } of steps) {
        if (stopped) break;
        const r = await call(`${baseUrl}${BASE}/${caseId}/commands/${c.type}`, tok, 'POST', c.data);
        record(r.a, r.json);
        if (r.a.status >= 300) break;
        await new Promise((res) => setTimeout(res, options.commandPauseMs ?? 0));
      }
    }
  };
  const queryClient = async () => {
    while (!stopped) {
      const caseId = load.caseIds[Math.floor(Math.random() * load.caseIds.length)];
      const url = caseId && Math.random() < 0.7 ? `${baseUrl}${BASE}/${caseId}` : `${baseUrl}${BASE}?limit=20`;
      const r = await call(url, officer, 'GET');
      record(r.a, r.json);
      await new Promise((res) => setTimeout(res, 50));
    }
  };
  const running = Promise.all([
    ...Array.from({ length: options.commandClients }, commandClient),
    ...Array.from({ length: options.queryClients }, queryClient),
  ]);
  load.stop = async () => {
    stopped = true;
    await running;
  };
  return load;
}

/** "201×40, 503 store-unavailable×3" — what a window of answers was. */
export function summarize(answers: readonly Answer[]): string {
  const counts = new Map<string, number>();
  for (const a of answers) {
    const k = `${a.status}${a.problem?.code ? ` ${a.problem.code}` : ''}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const slowest = answers.reduce((m, a) => Math.max(m, a.ms), 0);
  return `${[...counts].map(([k, n]) => `${k}×${n}`).join(', ') || 'none'} (slowest ${slowest} ms)`;
}
