import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { Problem } from '@tradecounter/contracts';

/** Shows a problem+json `title`/`detail` with a Retry button. */
@Component({
  selector: 'tc-error-state',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="error" role="alert">
      <mat-icon svgIcon="error" aria-hidden="true" />
      <p class="title">{{ problem().title }}</p>
      @if (problem().detail) {
        <p class="tc-muted">{{ problem().detail }}</p>
      }
      <button mat-stroked-button type="button" (click)="retry.emit()">
        <mat-icon svgIcon="refresh" />Retry
      </button>
    </div>
  `,
  styles: `
    .error {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 32px 16px;
      text-align: center;
    }
    mat-icon[svgIcon='error'] {
      width: 40px;
      height: 40px;
      color: var(--mat-sys-error);
    }
    p {
      margin: 0;
    }
    .title {
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class ErrorState {
  readonly problem = input.required<Problem>();
  readonly retry = output();
}
