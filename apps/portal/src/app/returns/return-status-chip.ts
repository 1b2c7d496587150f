import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ReturnStatus } from '@tradecounter/contracts';
import { returnStatusLabel, returnStatusTone } from './return-words';

/** A return's status as a coloured chip with words. */
@Component({
  selector: 'tc-return-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="tc-status" [class]="'tone-' + tone()" data-testid="return-status">{{
    label()
  }}</span>`,
})
export class ReturnStatusChip {
  readonly status = input.required<ReturnStatus>();
  readonly label = computed(() => returnStatusLabel(this.status()));
  readonly tone = computed(() => returnStatusTone(this.status()));
}
