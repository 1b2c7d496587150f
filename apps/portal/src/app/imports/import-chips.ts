import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ImportAction, ImportStatus } from '@tradecounter/contracts';
import { actionLabel, actionTone, importStatusLabel, importStatusTone } from './import-words';

/** What a row does, as a coloured chip with words. */
@Component({
  selector: 'tc-import-action-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="tc-status" [class]="'tone-' + tone()" data-testid="row-action">{{
    label()
  }}</span>`,
})
export class ImportActionChip {
  readonly action = input.required<ImportAction>();
  readonly label = computed(() => actionLabel(this.action()));
  readonly tone = computed(() => actionTone(this.action()));
}

/** Where an import is in its life, as a coloured chip with words. */
@Component({
  selector: 'tc-import-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="tc-status" [class]="'tone-' + tone()" data-testid="import-status">{{
    label()
  }}</span>`,
})
export class ImportStatusChip {
  readonly status = input.required<ImportStatus>();
  readonly label = computed(() => importStatusLabel(this.status()));
  readonly tone = computed(() => importStatusTone(this.status()));
}
