import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** Icon, message and an optional action projected as content. */
@Component({
  selector: 'tc-empty-state',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="empty">
      <mat-icon [svgIcon]="icon()" aria-hidden="true" />
      <p class="title">{{ title() }}</p>
      @if (message()) {
        <p class="tc-muted">{{ message() }}</p>
      }
      <ng-content />
    </div>
  `,
  styles: `
    .empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 40px 16px;
      text-align: center;
    }
    mat-icon {
      width: 48px;
      height: 48px;
      color: var(--mat-sys-outline);
    }
    p {
      margin: 0;
    }
    .title {
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class EmptyState {
  readonly icon = input('inbox');
  readonly title = input.required<string>();
  readonly message = input<string>('');
}
