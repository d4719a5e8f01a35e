/**
 * The README's Configuration table is the configuration the service reads (services/platform/config.ts, the one
 * place): the same variables, none missing, none extra, each with the default the code falls back to.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const source = readFileSync(join(ROOT, 'services/platform/config.ts'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Variable → the default the code falls back to (undefined: none, or not a literal). */
function readByCode(): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>();
  for (const m of source.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)) vars.set(m[1]!, undefined);
  for (const m of source.matchAll(/(?:intFrom|niceFrom)\(env, '([A-Z][A-Z0-9_]+)', ([\d_]+)\)/g))
    vars.set(m[1]!, m[2]!.replace(/_/g, ''));
  for (const m of source.matchAll(/nonEmpty\(env\.([A-Z][A-Z0-9_]+)\) \?\? '([^']+)'/g)) vars.set(m[1]!, m[2]!);
  return vars;
}

/** Variable → the Default cell of its row in the README's Configuration table. */
function documented(): Map<string, string> {
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !cells[1]!.startsWith('`')) continue;
    const names = [...cells[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!);
    const defaults = cells[2]!.split(' / ');
    names.forEach((name, i) => rows.set(name, defaults[names.length > 1 ? i : 0] ?? cells[2]!));
  }
  return rows;
}

test('the Configuration table lists exactly the variables services/platform/config.ts reads', () => {
  const code = [...readByCode().keys()].sort();
  expect(code.length).toBeGreaterThan(20);
  expect([...documented().keys()].sort()).toEqual(code);
});

test("each variable's documented default is the code's", () => {
  const rows = documented();
  const wrong = [...readByCode()]
    .filter(([, fallback]) => fallback !== undefined)
    .filter(([name, fallback]) => !rows.get(name)?.replace(/[`,]/g, '').includes(fallback!))
    .map(([name, fallback]) => `${name}: code ${fallback}, README ${rows.get(name)}`);
  expect(wrong).toEqual([]);
});
