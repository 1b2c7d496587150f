import { Pipe, PipeTransform } from '@angular/core';
import { formatPercent } from './price-labels';

/** "12.50" → "12.5 %". */
@Pipe({ name: 'percentText' })
export class PercentPipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return value === null || value === undefined || value === '' ? '—' : `${formatPercent(value)} %`;
  }
}
