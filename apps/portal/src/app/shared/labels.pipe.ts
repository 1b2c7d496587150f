import { Pipe, PipeTransform } from '@angular/core';
import type { Role } from '@tradecounter/contracts';
import { humanize, roleLabel } from './labels';

@Pipe({ name: 'roleLabel' })
export class RoleLabelPipe implements PipeTransform {
  transform(role: Role): string {
    return roleLabel(role);
  }
}

@Pipe({ name: 'humanize' })
export class HumanizePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return humanize(value);
  }
}
