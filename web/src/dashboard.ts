/**
 * The monitoring dashboard: numbers per service, provider and period from GET /v1/dashboard,
 * live over server-sent events from the monitoring feed.
 */
import { Chart, registerables } from 'chart.js';
import { getJson, liveStream, token } from './api';
import { formatDate, formatPercent, t } from './i18n';
import { el, clear, esc, problemText } from './dom';

Chart.register(...registerables);

export interface Dashboard {
  service: string;
  providerId: string | null;
  period: { from: string | null; to: string | null };
  generatedAt: string;
  /** Log position the numbers include: the live stream resumes after it. */
  position?: number;
  providers?: string[];
  totals: { cases: number; open: number; closed: number; overdue: number; hearingsHeld: number };
  onTimeRate: number | null;
  onTimeByMonth: { month: string; met: number; missed: number; rate: number | null }[];
  byStage: { stage: string; count: number }[];
  byChannel: { channel: string; count: number }[];
  stageDurations: { stage: string; medianWorkingDays: number | null; p90WorkingDays: number | null; count: number }[];
  refusalsByGround: { ground: string; count: number }[];
  complaintsByOutcome: { outcome: string; count: number }[];
  overdue: {
    service: string;
    caseId: string;
    providerId: string;
    deadlineId: string;
    rule: string;
    dueOn: string;
    daysOverdue: number;
    stage?: string;
  }[];
}

const palette = ['#0b6e99', '#e0a100', '#2e8b57', '#c0392b', '#7d5ba6', '#4a90a4', '#d35400', '#5d6d7e'];
const charts: Chart[] = [];
let stopLive: (() => void) | undefined;

export function renderDashboard(main: HTMLElement, query: URLSearchParams): void {
  stopLive?.();
  charts.splice(0).forEach((c) => c.destroy());
  clear(main);
  if (!token()) {
    main.append(el('p', { class: 'notice' }, t('auth.needed')));
    return;
  }
  const service = query.get('service') ?? 'privatization';
  const filters = el('form', { class: 'filters', 'aria-label': t('filter.apply') }) as HTMLFormElement;
  filters.innerHTML = `
    <label>${esc(t('filter.service'))}
      <select name="service">
        ${['privatization', 'housing-assistance', 'complaints']
          .map((s) => `<option value="${s}" ${s === service ? 'selected' : ''}>${esc(t(`service.${s}`))}</option>`)
          .join('')}
      </select></label>
    <label>${esc(t('filter.provider'))}
      <input name="providerId" list="providers" value="${esc(query.get('providerId') ?? '')}" placeholder="${esc(t('filter.allProviders'))}" />
      <datalist id="providers"></datalist></label>
    <label>${esc(t('filter.from'))} <input type="date" name="from" value="${esc(query.get('from') ?? '')}" /></label>
    <label>${esc(t('filter.to'))} <input type="date" name="to" value="${esc(query.get('to') ?? '')}" /></label>
    <button type="submit" class="primary">${esc(t('filter.apply'))}</button>
    <span class="live" id="live" aria-live="polite"><span class="pulse"></span>${esc(t('live.off'))}</span>`;
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(filters);
    const next = new URLSearchParams();
    for (const [k, v] of data.entries()) if (typeof v === 'string' && v) next.set(k, v);
    location.hash = `#/?${next.toString()}`;
  });
  const kpis = el('section', { class: 'kpis', 'aria-label': 'KPI' });
  const grid = el('section', { class: 'grid' });
  const overdue = el('section', { class: 'card wide', 'aria-labelledby': 'overdue-h' });
  const updated = el('p', { class: 'muted small', id: 'updated' });
  main.append(filters, kpis, grid, overdue, updated);

  const apiQuery = new URLSearchParams();
  for (const k of ['service', 'providerId', 'from', 'to']) {
    const v = query.get(k);
    if (v) apiQuery.set(k, v);
  }
  if (!apiQuery.has('service')) apiQuery.set('service', service);

  let pending: ReturnType<typeof setTimeout> | undefined;
  const load = async (): Promise<Dashboard | undefined> => {
    try {
      const d = await getJson<Dashboard>(`/v1/dashboard?${apiQuery.toString()}`);
      draw(d, kpis, grid, overdue);
      const list = filters.querySelector('#providers');
      if (list && d.providers) list.innerHTML = d.providers.map((p) => `<option value="${esc(p)}">`).join('');
      updated.textContent = `${t('updated')}: ${formatDate(d.generatedAt)}`;
      return d;
    } catch (e) {
      clear(grid);
      grid.append(el('p', { class: 'error', role: 'alert' }, `${t('error.load')}: ${problemText(e)}`));
    }
  };
  // Live: every monitoring message (a stage change) after the numbers' log position schedules a refresh;
  // bursts are coalesced.
  const startLive = (after: number | undefined) => {
    stopLive = liveStream(
      `/v1/monitoring/feed`,
      () => {
        if (pending) return;
        pending = setTimeout(() => {
          pending = undefined;
          void load();
        }, 400);
      },
      (live) => {
        const badge = document.getElementById('live');
        if (!badge) return;
        badge.classList.toggle('on', live);
        badge.lastChild!.textContent = live ? t('live') : t('live.off');
      },
      after === undefined ? undefined : String(after),
    );
  };
  void load().then((d) => startLive(d?.position));
}

function draw(d: Dashboard, kpis: HTMLElement, grid: HTMLElement, overdue: HTMLElement): void {
  clear(kpis);
  const kpi = (label: string, value: string, cls = '') =>
    el('div', { class: `kpi ${cls}` }, el('span', { class: 'v' }, value), el('span', { class: 'l' }, label));
  kpis.append(
    kpi(t('kpi.cases'), String(d.totals.cases)),
    kpi(t('kpi.open'), String(d.totals.open)),
    kpi(t('kpi.onTime'), formatPercent(d.onTimeRate), d.onTimeRate !== null && d.onTimeRate < 0.9 ? 'warn' : 'ok'),
    kpi(t('kpi.overdue'), String(d.totals.overdue), d.totals.overdue > 0 ? 'bad' : 'ok'),
    kpi(t('kpi.hearings'), String(d.totals.hearingsHeld)),
  );

  charts.splice(0).forEach((c) => c.destroy());
  clear(grid);
  // Chart.js writes resolved defaults into the options object it is given: every chart gets its own copy (see
  // the spreads below), or a pie inherits the bar chart's axes.
  const card = (title: string, id: string, empty = false) => {
    const canvas = el('canvas', { id, role: 'img', 'aria-label': title }) as HTMLCanvasElement;
    const body = el('div', { class: 'chart' }, canvas);
    if (empty) body.append(el('p', { class: 'empty muted' }, t('chart.empty')));
    grid.append(el('figure', { class: 'card' }, el('figcaption', {}, title), body));
    return canvas;
  };
  const common = { responsive: true, maintainAspectRatio: false, animation: false as const };
  charts.push(
    new Chart(card(t('chart.onTime'), 'chart-ontime'), {
      type: 'line',
      data: {
        labels: d.onTimeByMonth.map((m) => m.month),
        datasets: [
          {
            label: t('kpi.onTime'),
            data: d.onTimeByMonth.map((m) => (m.rate === null ? null : Math.round(m.rate * 1000) / 10)),
            borderColor: palette[0],
            backgroundColor: 'rgba(11,110,153,.15)',
            fill: true,
            tension: 0.25,
          },
        ],
      },
      options: { ...common, scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } } },
    }),
    new Chart(card(t('chart.funnel'), 'chart-funnel'), {
      type: 'bar',
      data: {
        labels: d.byStage.map((s) => s.stage),
        datasets: [{ label: t('kpi.cases'), data: d.byStage.map((s) => s.count), backgroundColor: palette[0] }],
      },
      options: { ...common, indexAxis: 'y', plugins: { legend: { display: false } } },
    }),
    new Chart(card(t('chart.durations'), 'chart-durations', d.stageDurations.length === 0), {
      type: 'bar',
      data: {
        labels: d.stageDurations.map((s) => s.stage),
        datasets: [
          { label: 'median', data: d.stageDurations.map((s) => s.medianWorkingDays), backgroundColor: palette[2] },
          { label: 'p90', data: d.stageDurations.map((s) => s.p90WorkingDays), backgroundColor: palette[1] },
        ],
      },
      options: { ...common },
    }),
    new Chart(card(t('chart.refusals'), 'chart-refusals', d.refusalsByGround.length === 0), {
      type: 'doughnut',
      data: {
        labels: d.refusalsByGround.map((r) => r.ground),
        datasets: [{ data: d.refusalsByGround.map((r) => r.count), backgroundColor: palette }],
      },
      options: { ...common },
    }),
    new Chart(card(t('chart.channels'), 'chart-channels', d.byChannel.length === 0), {
      type: 'pie',
      data: {
        labels: d.byChannel.map((c) => c.channel),
        datasets: [{ data: d.byChannel.map((c) => c.count), backgroundColor: palette }],
      },
      options: { ...common },
    }),
    new Chart(card(t('chart.complaints'), 'chart-complaints', d.complaintsByOutcome.length === 0), {
      type: 'bar',
      data: {
        labels: d.complaintsByOutcome.map((c) => c.outcome),
        datasets: [{ data: d.complaintsByOutcome.map((c) => c.count), backgroundColor: palette[4] }],
      },
      options: { ...common, plugins: { legend: { display: false } } },
    }),
  );

  clear(overdue);
  overdue.append(el('h2', { id: 'overdue-h' }, `${t('table.overdue')} (${d.overdue.length})`));
  if (d.overdue.length === 0) {
    overdue.append(el('p', { class: 'muted' }, t('table.none')));
    return;
  }
  const table = el('table', { class: 'overdue', id: 'overdue-table' });
  table.innerHTML = `<thead><tr>
      <th scope="col">${esc(t('table.case'))}</th><th scope="col">${esc(t('table.provider'))}</th>
      <th scope="col">${esc(t('table.stage'))}</th><th scope="col">${esc(t('table.deadline'))}</th>
      <th scope="col">${esc(t('table.rule'))}</th><th scope="col">${esc(t('table.due'))}</th>
      <th scope="col" class="num">${esc(t('table.daysOverdue'))}</th></tr></thead>
    <tbody>${d.overdue
      .map(
        (o) => `<tr>
        <td><a href="#/cases/${esc(o.service)}/${esc(o.caseId)}">${esc(o.caseId.slice(0, 8))}…</a></td>
        <td>${esc(o.providerId)}</td><td>${esc(o.stage ?? '')}</td><td>${esc(o.deadlineId)}</td>
        <td>${esc(o.rule)}</td><td>${esc(formatDate(o.dueOn))}</td>
        <td class="num"><span class="days ${o.daysOverdue > 5 ? 'bad' : 'warn'}">${o.daysOverdue}</span></td></tr>`,
      )
      .join('')}</tbody>`;
  overdue.append(el('div', { class: 'scroll' }, table));
}
