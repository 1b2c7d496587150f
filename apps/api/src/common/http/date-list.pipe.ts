import { Injectable, PipeTransform } from '@nestjs/common';
import type { FieldError } from '@tradecounter/contracts';
import { isIsoDate } from './date.validator';
import { badRequest } from './problem';

/** A JSON array of real dates (YYYY-MM-DD), answered deduplicated and sorted; errors name "[2]". */
@Injectable()
export class DateListPipe implements PipeTransform<unknown, string[]> {
  constructor(private readonly maxItems: number) {}

  transform(value: unknown): string[] {
    if (!Array.isArray(value)) throw badRequest('The body must be a JSON array of dates as YYYY-MM-DD');
    if (value.length > this.maxItems) throw badRequest(`At most ${this.maxItems} dates are allowed`);
    const errors: FieldError[] = value.flatMap((item: unknown, index) =>
      isIsoDate(item) ? [] : [{ field: `[${index}]`, message: 'must be a date as YYYY-MM-DD' }],
    );
    if (errors.length > 0) throw badRequest('The list has invalid dates', errors);
    return [...new Set(value as string[])].sort();
  }
}
