import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from './calendar-cli';

function run(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    argv,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run calendar (CLI)', () => {
  test('deadline --from 2026-05-06 --working-days 6 prints Mon 2026-05-18 and the rule', () => {
    const r = run('deadline', '--from', '2026-05-06', '--working-days', '6');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/due: 2026-05-18 \(Mon\)/);
    expect(r.out).toMatch(/rule: 6 working days .*working days only/);
    expect(r.out).toMatch(/provisional: no/);
  });
  test('deadline --calendar-days into 2027 says provisional', () => {
    const r = run('deadline', '--from', '2027-03-01', '--calendar-days', '30');
    expect(r.out).toMatch(/due: 2027-03-31/);
    expect(r.out).toMatch(/provisional: yes/);
  });
  test('year 2026 lists days off and their sources, with the 247 total', () => {
    const r = run('year', '2026');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2026: 247 working days/);
    expect(r.out).toMatch(/2026-03-25 Wed {2}off +Day off for Nauryz on 2026-03-22 \(weekend rule\)/);
    expect(r.out).toMatch(/source: .*Law "On holidays/);
  });
  test('year 2025 shows the working Sunday 5 January', () => {
    expect(run('year', '2025').out).toMatch(/2025-01-05 Sun {2}working/);
  });
  test('selfcheck prints tz data and the 2025/2026 totals', () => {
    const r = run('selfcheck');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/tz: Asia\/Almaty 2025 \+05:00, 2023 \+06:00/);
    expect(r.out).toMatch(/2025: 246 working days .* ok/);
    expect(r.out).toMatch(/2026: 247 working days .* ok/);
  });
  test('registration prints the registration date of an instant', () => {
    expect(run('registration', '--at', '2026-03-21T07:00:00Z', '--channel', 'portal').out).toMatch(
      /registered on: 2026-03-26/,
    );
  });
  test('bad input exits non-zero with a clear message', () => {
    expect(run('deadline', '--from', '2026-05-06')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/exactly one of/),
    });
    expect(run('deadline', '--from', '2026-02-30', '--working-days', '1').err).toMatch(/Not a valid calendar date/);
    expect(run('nonsense').code).toBe(2);
  });
});

describe('the script itself (npm run calendar)', () => {
  test('runs under tsx and exits 0', () => {
    const r = spawnSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        'scripts/calendar-cli.ts',
        'deadline',
        '--from',
        '2026-05-06',
        '--working-days',
        '6',
      ],
      {
        cwd: join(__dirname, '..'),
        encoding: 'utf8',
        env: { ...process.env, KEZEN_CALENDAR_FILE: '' },
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/due: 2026-05-18/);
  });
});
