import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AuditChange } from './audit-format';

/** One audit entry's changes, "field: before → after" (a create shows only the new value). */
@Component({
  selector: 'tc-audit-changes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (changes().length) {
      <ul class="changes">
        @for (change of changes(); track change.field) {
          <li>
            <span class="field">{{ change.field }}: </span>
            @if (change.before !== null) {
              <span class="before">{{ change.before }}</span><span class="arrow"> → </span>
            }
            <span class="after">{{ change.after }}</span>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .changes {
      margin: 6px 0 0;
      padding-left: 18px;
      li {
        margin: 2px 0;
      }
    }
    .field {
      font-weight: 500;
    }
    .before {
      color: var(--mat-sys-on-surface-variant);
      text-decoration: line-through;
    }
    .arrow {
      white-space: pre;
      color: var(--mat-sys-outline);
    }
    .after {
      font-weight: 600;
    }
  `,
})
export class AuditChanges {
  readonly changes = input.required<readonly AuditChange[]>();
}
