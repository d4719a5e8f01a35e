/**
 * The case page: a visual timeline of steps on a time axis, each deadline a marker coloured
 * met / missed / open, the hash-chain "verified" badge, a "state as of" slider, and the PDF case file.
 */
import { getJson, openAuthenticated, token } from './api';
import { formatDate, t } from './i18n';
import { el, clear, esc, problemText } from './dom';
import { drawTimeline, shownState, type Step, type DeadlineMark } from './timeline-svg';

interface CaseView {
  caseId: string;
  stage?: string;
  status?: string;
  track?: string;
  form?: string;
  providerId?: string;
  registrationDate?: string;
  submittedAt?: string;
  regulationVersion?: string;
  deadlines?: DeadlineMark[] | Record<string, DeadlineMark>;
}
interface TimelineDoc {
  steps?: Step[];
  entries?: Step[];
  items?: Step[];
  deadlines?: DeadlineMark[];
  compliance?: { deadlines?: DeadlineMark[] } | DeadlineMark[];
}
interface Verification {
  valid?: boolean;
  ok?: boolean;
  eventsChecked?: number;
  head?: string;
  headHash?: string;
  firstBroken?: unknown;
}

export function deadlinesOf(view: CaseView | null, timeline: TimelineDoc | null): DeadlineMark[] {
  const fromCompliance = Array.isArray(timeline?.compliance) ? timeline?.compliance : timeline?.compliance?.deadlines;
  const raw = fromCompliance ?? timeline?.deadlines ?? view?.deadlines ?? [];
  return Array.isArray(raw) ? raw : Object.values(raw);
}

export async function renderCase(main: HTMLElement, service: string, caseId: string): Promise<void> {
  clear(main);
  if (!token()) {
    main.append(el('p', { class: 'notice' }, t('auth.needed')));
    return;
  }
  const base = `/v1/${service === 'housing-assistance' ? 'housing-assistance' : 'privatization'}/cases/${encodeURIComponent(caseId)}`;
  main.append(el('p', { class: 'muted' }, t('loading')));
  let view: CaseView;
  let timeline: TimelineDoc;
  try {
    [view, timeline] = await Promise.all([getJson<CaseView>(base), getJson<TimelineDoc>(`${base}/timeline`)]);
  } catch (e) {
    clear(main);
    main.append(el('p', { class: 'error', role: 'alert' }, `${t('error.load')}: ${problemText(e)}`));
    return;
  }
  clear(main);
  const steps = (timeline.steps ?? timeline.entries ?? timeline.items ?? []).slice();
  const deadlines = deadlinesOf(view, timeline);

  const badge = el('span', { class: 'badge pending', id: 'chain-badge', role: 'status' }, t('case.verifying'));
  const header = el(
    'section',
    { class: 'case-head' },
    el('h1', {}, `${t('case.title')} `, el('code', {}, caseId)),
    badge,
  );
  const facts = el('dl', { class: 'facts' });
  const fact = (k: string, v: string | undefined) => facts.append(el('dt', {}, t(k)), el('dd', {}, v ?? '—'));
  fact('case.stage', view.stage);
  fact('case.status', view.status);
  fact('case.track', [view.track, view.form].filter(Boolean).join(' · '));
  fact('case.provider', view.providerId);
  fact('case.registered', formatDate(view.registrationDate ?? view.submittedAt));
  fact('case.regulation', view.regulationVersion);
  const fileBtn = el('button', { type: 'button', class: 'link', id: 'case-file' }, t('case.file'));
  fileBtn.addEventListener('click', () => {
    openAuthenticated(`${base}/file?format=pdf`, 'application/pdf').catch((e) => alert(problemText(e)));
  });

  const svgHost = el('div', { class: 'timeline-host', id: 'timeline' });
  const slider = el('input', {
    type: 'range',
    id: 'asof',
    min: '0',
    max: String(Math.max(steps.length, 1)),
    value: String(Math.max(steps.length, 1)),
    'aria-label': t('case.asOf'),
  }) as HTMLInputElement;
  const asOfLabel = el('output', { for: 'asof', id: 'asof-label' }, t('case.now'));
  const stateBox = el('pre', { class: 'state', id: 'state', 'aria-live': 'polite' });
  const list = el('ol', { class: 'steps', id: 'steps' });

  main.append(
    header,
    el('div', { class: 'row wrap' }, facts, fileBtn),
    el('section', { class: 'card wide' }, el('h2', {}, t('case.timeline')), svgHost, legend()),
    el(
      'section',
      { class: 'card wide' },
      el('label', { for: 'asof' }, `${t('case.asOf')}: `),
      asOfLabel,
      slider,
      el('details', {}, el('summary', {}, t('case.stateAt')), stateBox),
    ),
    el('section', { class: 'card wide' }, el('h2', {}, t('case.deadlines')), deadlineTable(deadlines)),
    el('section', { class: 'card wide' }, el('h2', {}, t('case.timeline')), list),
  );
  const cut = (n: number) => drawTimeline(svgHost, steps, deadlines, n < steps.length ? stepTime(steps[n - 1]) : null);
  cut(steps.length);
  list.innerHTML = steps
    .map(
      (s, i) => `<li data-i="${i}"><time>${esc(formatDate(stepTime(s)))}</time>
        <strong>${esc(s.summary ?? s.type)}</strong>
        ${s.rule ? `<span class="rule">${esc(s.rule)}</span>` : ''}
        <span class="who">${esc(s.actor?.role ?? (s.actor?.roles ?? []).join(', '))} ${esc(s.actor?.masked ?? s.actor?.sub ?? '')}</span>
        ${s.signature ? `<span class="sig">🔏 ${esc(t('case.signature'))}: ${esc(s.signature.signer ?? '')}</span>` : ''}</li>`,
    )
    .join('');

  let timer: ReturnType<typeof setTimeout> | undefined;
  slider.addEventListener('input', () => {
    const n = Number(slider.value);
    const at = n >= steps.length ? null : stepTime(steps[n - 1] ?? steps[0]);
    asOfLabel.textContent = at ? formatDate(at) : t('case.now');
    cut(n);
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const instant = at ?? new Date().toISOString();
      try {
        stateBox.textContent = JSON.stringify(
          await getJson(`${base}/state?asOf=${encodeURIComponent(instant)}`),
          null,
          2,
        );
      } catch (e) {
        stateBox.textContent = problemText(e);
      }
    }, 200);
  });

  const stream = `${service === 'housing-assistance' ? 'housing-assistance' : 'privatization'}-${caseId}`;
  getJson<Verification>(`/v1/audit/streams/${encodeURIComponent(stream)}/verify`)
    .then((v) => {
      const ok = v.valid ?? v.ok ?? false;
      badge.className = `badge ${ok ? 'verified' : 'broken'}`;
      badge.textContent = `${ok ? '✔' : '✖'} ${t(ok ? 'case.verified' : 'case.broken')}`;
      badge.title = String(v.headHash ?? v.head ?? '');
    })
    .catch((e) => {
      badge.className = 'badge broken';
      badge.textContent = problemText(e);
    });
}

function stepTime(s: Step | undefined): string {
  return s?.occurredAt ?? s?.at ?? s?.recordedAt ?? '';
}

function legend(): HTMLElement {
  const l = el('p', { class: 'legend' });
  l.innerHTML = ['met', 'missed', 'open']
    .map((k) => `<span><i class="mk ${k}"></i>${esc(t(`deadline.${k}`))}</span>`)
    .concat(`<span><i class="mk step"></i>${esc(t('legend.step'))}</span>`)
    .join('');
  return l;
}

function deadlineTable(deadlines: DeadlineMark[]): HTMLElement {
  const table = el('table', { class: 'deadlines', id: 'deadline-table' });
  table.innerHTML = `<thead><tr><th scope="col">${esc(t('table.deadline'))}</th><th scope="col">${esc(t('table.rule'))}</th>
    <th scope="col">${esc(t('table.due'))}</th><th scope="col">${esc(t('case.status'))}</th></tr></thead><tbody>${deadlines
      .map((d) => {
        const state = shownState(d);
        return `<tr class="dl-${esc(state)}"><td>${esc(d.description ?? d.deadlineId)}</td><td>${esc(d.rule)}</td>
          <td>${esc(formatDate(d.dueOn))}</td><td><span class="pill ${esc(state)}" data-state="${esc(state)}">${esc(t(`deadline.${state}`))}</span></td></tr>`;
      })
      .join('')}</tbody>`;
  return table;
}
