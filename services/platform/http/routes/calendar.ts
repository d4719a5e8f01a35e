/**
 * Calendar routes (docs/HTTP-CONTRACT.md "Calendar"): a due date with the rule that produced it, and a year's days off
 * and working weekend days with their sources. Public reference data: no token needed.
 */
import { Router, type Request, type Response } from 'express';
import type { KezenCalendar } from '../../../../domain/calendar/calendar';
import { isValidLocalDate } from '../../../../domain/calendar/dates';
import { badRequest, notFound, type FieldError } from '../problem';

const MAX_TERM_DAYS = 3660;

export function calendarRoutes(calendar: KezenCalendar): Router {
  const router = Router();

  router.get('/deadline', (req: Request, res: Response) => {
    const q = req.query as Record<string, unknown>;
    const fields: FieldError[] = [];
    const from = q.from;
    if (typeof from !== 'string' || !isValidLocalDate(from))
      fields.push({ path: 'from', message: 'must be a real date YYYY-MM-DD' });
    const wd = q.workingDays;
    const cd = q.calendarDays;
    if ((wd === undefined) === (cd === undefined))
      fields.push({ path: 'workingDays', message: 'give exactly one of workingDays or calendarDays' });
    const raw = wd ?? cd;
    const n = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
    if (raw !== undefined && (Number.isNaN(n) || n > MAX_TERM_DAYS))
      fields.push({
        path: wd !== undefined ? 'workingDays' : 'calendarDays',
        message: `must be an integer 0–${MAX_TERM_DAYS}`,
      });
    for (const k of Object.keys(q))
      if (!['from', 'workingDays', 'calendarDays'].includes(k))
        fields.push({ path: k, message: 'unknown query parameter' });
    if (fields.length > 0) throw badRequest('invalid-query', 'The query parameters are not valid', fields);
    const due =
      wd !== undefined ? calendar.addWorkingDays(from as string, n) : calendar.addCalendarDays(from as string, n);
    res.json({
      from,
      ...(wd !== undefined ? { workingDays: n } : { calendarDays: n }),
      dueOn: due.dueOn,
      rule: due.rule,
      provisional: due.provisional,
    });
  });

  router.get('/:year', (req: Request, res: Response) => {
    const raw = String(req.params.year);
    if (!/^\d{4}$/.test(raw))
      throw badRequest('invalid-year', 'The year must be four digits', [{ path: 'year', message: 'must be YYYY' }]);
    const year = Number(raw);
    if (year < 2000 || year > 2100) throw notFound(`No calendar for ${year}`);
    const data = calendar.yearData(year);
    res.json({
      year,
      provisional: calendar.isProvisional(`${raw}-01-01`),
      source: data?.source ?? null,
      workingDays: calendar.workingDaysInYear(year),
      days: calendar.exceptions(year),
    });
  });

  return router;
}
