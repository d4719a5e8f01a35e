/** Tiny DOM helpers; every string put into innerHTML goes through esc(). */
import { ApiError } from './api';

export function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}
export function clear(node: HTMLElement): void {
  node.replaceChildren();
}
export function esc(s: unknown): string {
  return String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
export function problemText(e: unknown): string {
  if (e instanceof ApiError) return `${e.status} ${e.message}${e.problem.rule ? ` (${e.problem.rule})` : ''}`;
  return e instanceof Error ? e.message : String(e);
}
