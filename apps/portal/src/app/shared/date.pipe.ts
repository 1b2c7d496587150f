import { Pipe, PipeTransform } from '@angular/core';
import { displayDate, displayDateTime } from './date-format';

/** `{{ order.placedAt | displayDate }}` → "6 Dec 2026". */
@Pipe({ name: 'displayDate' })
export class DisplayDatePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, empty = '—'): string {
    return displayDate(value, empty);
  }
}

/** `{{ order.placedAt | displayDateTime }}` → "6 Dec 2026, 14:05"; `| displayDateTime: 'seconds'` adds them. */
@Pipe({ name: 'displayDateTime' })
export class DisplayDateTimePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, precision?: 'seconds'): string {
    return displayDateTime(value, { seconds: precision === 'seconds' });
  }
}
