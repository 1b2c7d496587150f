import { Pipe, PipeTransform } from '@angular/core';
import { formatMoneyDisplay } from './money-format';

/** "1234.5" → "$1,234.50", by string manipulation only (no float math). */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(value: string | null | undefined, empty = '—'): string {
    return formatMoneyDisplay(value, empty);
  }
}
