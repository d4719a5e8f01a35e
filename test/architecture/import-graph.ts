/**
 * The repository's relative import graph, read from the source text alone (no compiler): what the folder rules of
 * docs/ARCHITECTURE.md are checked against.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface ImportEdge {
  /** Importing file, relative to the repository root. */
  from: string;
  /** Imported file, relative to the repository root. */
  to: string;
}

const SOURCE = /\.(ts|mts|cts)$/;
const SPECIFIER =
  /(?:^|[\s;{}(])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]*|\.{1,2})['"]|(?:import|require)\s*\(\s*['"](\.{1,2}\/[^'"]*|\.{1,2})['"]|^\s*import\s+['"](\.{1,2}\/[^'"]*)['"]/gm;

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (SOURCE.test(name)) out.push(path);
  }
  return out;
}

function resolveTarget(fromAbs: string, specifier: string): string | undefined {
  const base = normalize(join(dirname(fromAbs), specifier));
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts'), `${base}.json`])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

/** Every relative import of the TypeScript files under `folders` (relative to the root). */
export function importGraph(folders: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const folder of folders) {
    for (const file of walk(join(ROOT, folder), [])) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(SPECIFIER)) {
        const specifier = match[1] ?? match[2] ?? match[3];
        if (!specifier) continue;
        const target = resolveTarget(file, specifier);
        if (target) edges.push({ from: relative(ROOT, file), to: relative(ROOT, target) });
      }
    }
  }
  return edges;
}

/** A file that ships: not a test, not a test helper (`testing/`, `specs/`). */
export const ships = (file: string): boolean =>
  !/\.test\.ts$/.test(file) && !/(^|\/)(testing|specs)\//.test(file) && !file.startsWith('test/');
