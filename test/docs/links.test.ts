/**
 * The project stands alone: the README, the docs and the code comments send a reader only to files of this
 * repository. Checked here, on the files as they are on disk (no server, no network):
 * - every relative link, and every backticked repo path (`docs/…md`, `services/…`, `domain/…`, `projections/…`,
 *   `contracts/…`, `scripts/…`) in README.md and docs/*.md names a file or folder that exists;
 * - no Markdown file of the repository links or names a path outside it (the brief's shared folder beside the
 *   repository included), and every relative link of any Markdown file resolves, with its `#anchor`;
 * - a cited section — `docs/<NAME>.md "<heading>"` or `README "<heading>"`, in Markdown or in code — is a heading of
 *   that file, so the stable headings of the docs stay stable;
 * - a Markdown file named in a code comment exists (from the repository root or from the comment's folder).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '../..');
/** Generated, installed or local-only folders (relative to the root); `node_modules` is skipped at any depth. */
const SKIPPED = new Set(['.git', 'dist', 'web/dist', 'data', '.dev-servers', 'coverage', 'test-artifacts']);
const CODE = /\.(ts|js|mjs|cjs|go|xml|sh|ya?ml)$|(^|\/)Dockerfile$|^\.ci\/run$/;

function walk(dir = ROOT): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(ROOT, path).split(sep).join('/');
    if (entry.name === 'node_modules' || SKIPPED.has(rel)) continue;
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

const FILES = walk();
const MARKDOWN = FILES.filter((f) => f.endsWith('.md'));
const DOCS = ['README.md', ...MARKDOWN.filter((f) => /^docs\/[^/]+\.md$/.test(f))];
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The Markdown text outside fenced code blocks, line numbers kept. */
function prose(file: string): string[] {
  let fenced = false;
  return text(file)
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    });
}

const headingText = (line: string) =>
  line
    .replace(/^#+\s*/, '')
    .replace(/\s*#+\s*$/, '')
    .replace(/`/g, '')
    .trim();
/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const headingCache = new Map<string, string[]>();
function headingsOf(file: string): string[] {
  let h = headingCache.get(file);
  if (!h) {
    h = prose(file)
      .filter((l) => /^#{1,6}\s/.test(l))
      .map(headingText);
    headingCache.set(file, h);
  }
  return h;
}

const inside = (absolute: string) => absolute === ROOT || absolute.startsWith(ROOT + sep);
const exists = (absolute: string) => inside(absolute) && existsSync(absolute);

interface Finding {
  file: string;
  line: number;
  target: string;
}
const where = (f: Finding) => `${f.file}:${f.line} → ${f.target}`;

/** `[text](target)` links of the prose, with their line numbers. */
function linksOf(file: string): Finding[] {
  const out: Finding[] = [];
  prose(file).forEach((line, i) => {
    for (const m of line.matchAll(/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      out.push({ file, line: i + 1, target: m[1]! });
  });
  return out;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Why a relative link is broken, or undefined when it resolves (file, and anchor in a Markdown target). */
function brokenLink(from: string, target: string): string | undefined {
  const [path = '', anchor] = target.split('#');
  const file = path === '' ? join(ROOT, from) : resolve(ROOT, dirname(from), decodeURIComponent(path));
  if (!inside(file)) return 'outside the repository';
  if (!existsSync(file)) return 'no such file';
  if (anchor && file.endsWith('.md')) {
    const slugs = headingsOf(relative(ROOT, file).split(sep).join('/')).map(slug);
    if (!slugs.includes(anchor)) return `no heading #${anchor}`;
  }
  return undefined;
}

describe('README.md and docs/*.md name only what the repository has', () => {
  test('the docs exist (a vacuous pass would hide a broken walk)', () => {
    expect(DOCS).toEqual(expect.arrayContaining(['README.md', 'docs/HTTP-CONTRACT.md', 'docs/REGULATION.md']));
  });

  test('every relative link resolves to a file of the repository (with its #anchor)', () => {
    const broken = DOCS.flatMap(linksOf)
      .filter((l) => !isExternal(l.target))
      .flatMap((l) => {
        const why = brokenLink(l.file, l.target);
        return why ? [`${where(l)} (${why})`] : [];
      });
    expect(broken).toEqual([]);
  });

  test('every backticked repo path (docs/…md, services/, domain/, projections/, contracts/, scripts/) exists', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of DOCS)
      prose(file).forEach((line, i) => {
        for (const m of line.matchAll(/`((?:docs|services|domain|projections|contracts|scripts)\/[^`\s]*)`/g)) {
          const raw = m[1]!;
          if (raw.startsWith('docs/') && !/\.md(#|$)/.test(raw)) continue; // only the docs pages themselves
          if (/[<>{}*…]|\.\.\./.test(raw)) continue; // a pattern (`contracts/<service>/`), not a path
          const path = raw.replace(/#.*$/, '').replace(/:\d+$/, '');
          checked += 1;
          if (!exists(join(ROOT, path))) missing.push(`${file}:${i + 1} → ${raw}`);
        }
      });
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});

describe('no Markdown file of the repository points outside it', () => {
  const SHARED = `..${'/'}shared`; // spelled apart, so that this file does not name it either

  test(`no Markdown file names ${SHARED}`, () => {
    const named = MARKDOWN.flatMap((file) =>
      prose(file).flatMap((line, i) => (line.includes(SHARED) ? [`${file}:${i + 1}`] : [])),
    );
    expect(named).toEqual([]);
  });

  test('every relative link of every Markdown file resolves inside the repository', () => {
    const broken = MARKDOWN.flatMap(linksOf)
      .filter((l) => !isExternal(l.target))
      .flatMap((l) => {
        const why = brokenLink(l.file, l.target);
        return why ? [`${where(l)} (${why})`] : [];
      });
    expect(broken).toEqual([]);
  });

  test('no backticked path climbs out of the repository', () => {
    const outside = MARKDOWN.flatMap((file) =>
      prose(file).flatMap((line, i) =>
        [...line.matchAll(/`(\.\.\/[^`\s]*)`/g)]
          .filter((m) => !inside(resolve(ROOT, dirname(file), m[1]!)))
          .map((m) => `${file}:${i + 1} → ${m[1]}`),
      ),
    );
    expect(outside).toEqual([]);
  });
});

describe('citations', () => {
  const CITATION = /(docs\/[A-Z][A-Z0-9-]*\.md|README(?:\.md)?),?\s+(?:(?:\*|\/\/|#)\s+)?"([^"\n]{1,80})"/g;

  test('a cited section (docs/<NAME>.md "<heading>", README "<heading>") is a heading of that file', () => {
    const unknown: string[] = [];
    let checked = 0;
    for (const file of FILES.filter((f) => f.endsWith('.md') || CODE.test(f))) {
      const body = text(file);
      for (const m of body.matchAll(CITATION)) {
        const [, doc, heading] = m as unknown as [string, string, string];
        if (heading.includes('<')) continue; // the pattern itself, as the docs explain it
        const target = doc.startsWith('README') ? 'README.md' : doc;
        checked += 1;
        const line = body.slice(0, m.index).split('\n').length;
        if (!existsSync(join(ROOT, target))) unknown.push(`${file}:${line} → ${target} (no such file)`);
        else if (!headingsOf(target).includes(heading)) unknown.push(`${file}:${line} → ${target} "${heading}"`);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(unknown).toEqual([]);
  });

  test('a Markdown file named in a code comment exists', () => {
    const COMMENT = /^\s*(\/\/|\/?\*|#|<!--)/;
    const missing: string[] = [];
    for (const file of FILES.filter((f) => CODE.test(f) && f !== 'test/docs/links.test.ts'))
      text(file)
        .split('\n')
        .forEach((line, i) => {
          if (!COMMENT.test(line)) return;
          for (const m of line.matchAll(/(?<![\w./-])((?:\.{1,2}\/)*(?:[\w-]+\/)*[\w.-]+\.md)\b/g)) {
            const name = m[1]!;
            const found = [join(ROOT, name), resolve(ROOT, dirname(file), name)].some(exists);
            if (!found) missing.push(`${file}:${i + 1} → ${name}`);
          }
        });
    expect(missing).toEqual([]);
  });
});
