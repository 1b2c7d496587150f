import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/** A slim bar for in-place reloads; a labelled bar with text on first load. */
@Component({
  selector: 'tc-loading-state',
  imports: [MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="loading" role="status" aria-live="polite">
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="label()" />
      @if (!compact()) {
        <p class="tc-muted">{{ label() }}</p>
      }
    </div>
  `,
  styles: `
    .loading {
      padding: 8px 0;
    }
    p {
      margin: 12px 16px 0;
      text-align: center;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class LoadingState {
  readonly label = input('Loading…');
  readonly compact = input(false);
}
