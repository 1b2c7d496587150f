import { Injectable, PipeTransform } from '@nestjs/common';
import type { FieldError, IsoDate } from '@tradecounter/contracts';
import { isIsoDate } from '../common/http/date.validator';
import { badRequest } from '../common/http/problem';

export const MAX_HOLIDAY_NAME = 100;

/** A holiday to save: `name` undefined keeps the name the date has (a bare date, or no `name`), null clears it. */
export interface HolidayToSave {
  date: IsoDate;
  name: string | null | undefined;
}

/**
 * PUT /api/calendar/holidays: a JSON array whose items are dates (YYYY-MM-DD,
 * as old callers send) or `{date, name}`; answered one per date, sorted. A
 * date given twice keeps the last name given for it. Errors name "[2]" or
 * "[2].name".
 */
@Injectable()
export class HolidayListPipe implements PipeTransform<unknown, HolidayToSave[]> {
  constructor(private readonly maxItems: number) {}

  transform(value: unknown): HolidayToSave[] {
    if (!Array.isArray(value))
      throw badRequest('The body must be a JSON array of dates as YYYY-MM-DD or {date, name} objects');
    if (value.length > this.maxItems) throw badRequest(`At most ${this.maxItems} dates are allowed`);
    const errors: FieldError[] = [];
    const byDate = new Map<IsoDate, HolidayToSave>();
    value.forEach((item: unknown, index) => {
      const holiday = readItem(item, `[${index}]`, errors);
      if (!holiday) return;
      const earlier = byDate.get(holiday.date);
      byDate.set(holiday.date, holiday.name === undefined && earlier ? earlier : holiday);
    });
    if (errors.length > 0) throw badRequest('The list has invalid holidays', errors);
    return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  }
}

function readItem(item: unknown, field: string, errors: FieldError[]): HolidayToSave | null {
  if (isIsoDate(item)) return { date: item, name: undefined };
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    errors.push({ field, message: 'must be a date as YYYY-MM-DD or an object {date, name}' });
    return null;
  }
  const { date, name, ...rest } = item as Record<string, unknown>;
  const before = errors.length;
  if (!isIsoDate(date)) errors.push({ field: `${field}.date`, message: 'must be a date as YYYY-MM-DD' });
  if (name !== undefined && name !== null && typeof name !== 'string')
    errors.push({ field: `${field}.name`, message: 'must be a text or null' });
  else if (typeof name === 'string' && name.trim().length > MAX_HOLIDAY_NAME)
    errors.push({ field: `${field}.name`, message: `must be at most ${MAX_HOLIDAY_NAME} characters` });
  for (const key of Object.keys(rest))
    errors.push({ field: `${field}.${key}`, message: 'is not a holiday field' });
  if (errors.length > before) return null;
  if (name === undefined) return { date: date as IsoDate, name: undefined };
  const trimmed = typeof name === 'string' ? name.trim() : '';
  return { date: date as IsoDate, name: trimmed === '' ? null : trimmed };
}
