import { addCalendarDays, type IsoDate } from '@tradecounter/domain';
import { badRequest } from '../common/http/problem';

/** The longest period a report covers in one request. */
const MAX_DAYS = 3 * 366;

/** The period asked for, with its defaults (the 30 days to today), checked. */
export function reportPeriod(from: IsoDate | undefined, to: IsoDate | undefined, today: IsoDate) {
  const end = to ?? today;
  const start = from ?? addCalendarDays(end, -29);
  if (start > end) {
    throw badRequest('The period ends before it starts', [
      { field: 'from', message: 'must be on or before to' },
    ]);
  }
  if (addCalendarDays(start, MAX_DAYS) < end) {
    throw badRequest('The period is too long for one report', [
      { field: 'from', message: `must be at most ${MAX_DAYS} days before to` },
    ]);
  }
  return { from: start, to: end };
}
