/** Draws steps and deadline markers on a time axis as accessible SVG (no chart library needed). */
import { formatDate, t } from './i18n';

export interface Step {
  type: string;
  summary?: string;
  occurredAt?: string;
  recordedAt?: string;
  at?: string;
  rule?: string;
  actor?: { role?: string; roles?: string[]; masked?: string; sub?: string };
  signature?: { signer?: string } | null;
}
export interface DeadlineMark {
  deadlineId: string;
  description?: string;
  rule?: string;
  dueOn: string;
  triggeredOn?: string;
  state?: string;
  status?: string;
  late?: boolean;
}

/**
 * What a person should see: a step taken after its due date is a missed deadline (the breach), even where a read
 * model records it as `met` with `late: true` (the step was taken, late).
 */
export function shownState(d: DeadlineMark): string {
  const state = d.state ?? d.status ?? 'open';
  return state === 'met' && d.late === true ? 'missed' : state;
}

const NS = 'http://www.w3.org/2000/svg';
const colour: Record<string, string> = { met: '#2e8b57', missed: '#c0392b', open: '#e0a100', cancelled: '#95a5a6' };

function ms(iso: string): number {
  return new Date(iso.length === 10 ? `${iso}T18:00:00+05:00` : iso).getTime();
}

export function drawTimeline(host: HTMLElement, steps: Step[], deadlines: DeadlineMark[], cutAt: string | null): void {
  const times = steps.map((s) => ms(s.occurredAt ?? s.at ?? s.recordedAt ?? '')).filter((x) => !Number.isNaN(x));
  const dueTimes = deadlines.map((d) => ms(d.dueOn)).filter((x) => !Number.isNaN(x));
  const all = times.concat(dueTimes);
  host.replaceChildren();
  if (all.length === 0) return;
  const min = Math.min(...all);
  const max = Math.max(...all, min + 86_400_000);
  const width = Math.max(host.clientWidth || 800, 320);
  const height = 150 + Math.min(deadlines.length, 8) * 4;
  const pad = 40;
  const x = (v: number) => pad + ((v - min) / (max - min)) * (width - 2 * pad);
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', '100%');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('case.timeline'));
  const add = (tag: string, attrs: Record<string, string | number>, title?: string) => {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (title) {
      const tt = document.createElementNS(NS, 'title');
      tt.textContent = title;
      node.append(tt);
    }
    svg.append(node);
    return node;
  };
  const axisY = 70;
  add('line', { x1: pad, x2: width - pad, y1: axisY, y2: axisY, stroke: '#8a99a8', 'stroke-width': 2 });
  // month ticks
  const start = new Date(min);
  const tick = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  let guard = 0;
  while (tick.getTime() <= max && guard++ < 48) {
    if (tick.getTime() >= min) {
      add('line', { x1: x(tick.getTime()), x2: x(tick.getTime()), y1: axisY - 5, y2: axisY + 5, stroke: '#8a99a8' });
      const label = add('text', {
        x: x(tick.getTime()),
        y: axisY + 20,
        'font-size': 11,
        'text-anchor': 'middle',
        fill: '#5d6d7e',
      });
      label.textContent = tick.toISOString().slice(0, 7);
    }
    tick.setUTCMonth(tick.getUTCMonth() + 1);
  }
  if (cutAt) {
    const cx = x(ms(cutAt));
    add('rect', {
      x: cx,
      y: 10,
      width: Math.max(width - pad - cx, 0),
      height: height - 20,
      fill: 'rgba(255,255,255,.7)',
    });
    add('line', { x1: cx, x2: cx, y1: 10, y2: height - 10, stroke: '#0b6e99', 'stroke-dasharray': '4 3' });
  }
  steps.forEach((s, i) => {
    const when = s.occurredAt ?? s.at ?? s.recordedAt ?? '';
    const v = ms(when);
    if (Number.isNaN(v)) return;
    const faded = cutAt !== null && v > ms(cutAt);
    add(
      'circle',
      {
        cx: x(v),
        cy: axisY - 14 - (i % 3) * 12,
        r: s.signature ? 6 : 4.5,
        fill: faded ? '#d5dde5' : s.signature ? '#7d5ba6' : '#0b6e99',
        class: 'step',
        tabindex: 0,
      },
      `${formatDate(when)} — ${s.summary ?? s.type}${s.rule ? ` (${s.rule})` : ''}`,
    );
  });
  deadlines.forEach((d, i) => {
    const v = ms(d.dueOn);
    if (Number.isNaN(v)) return;
    const state = shownState(d);
    const cx = x(v);
    const cy = axisY + 34 + (i % 4) * 12;
    add(
      'path',
      {
        d: `M ${cx} ${cy - 7} L ${cx + 7} ${cy} L ${cx} ${cy + 7} L ${cx - 7} ${cy} Z`,
        fill: colour[state] ?? colour.open!,
        class: `deadline ${state}`,
        'data-state': state,
        tabindex: 0,
      },
      `${d.description ?? d.deadlineId} — ${d.rule ?? ''} — ${formatDate(d.dueOn)} — ${t(`deadline.${state}`)}`,
    );
  });
  host.append(svg);
}
