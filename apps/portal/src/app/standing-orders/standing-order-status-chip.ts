import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { IsoDate, StandingOrderStatus } from '@tradecounter/contracts';
import { DisplayDatePipe } from '../shared/date.pipe';

/** "Active", or "Paused" with the day it resumes: words, never colour alone. */
@Component({
  selector: 'tc-standing-order-status-chip',
  imports: [DisplayDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="tc-status"
    [class]="status() === 'active' ? 'tc-status-active' : 'tc-status-on_hold'"
  >
    @if (status() === 'active') {
      Active
    } @else if (resumeOn()) {
      Paused until {{ resumeOn() | displayDate }}
    } @else {
      Paused
    }
  </span>`,
})
export class StandingOrderStatusChip {
  readonly status = input.required<StandingOrderStatus>();
  readonly resumeOn = input<IsoDate | null>(null);
}
