import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { OrderPreview } from '@tradecounter/contracts';
import type { Loadable } from '../shared/loadable';
import { type OutcomeAudience, placementOutcomeWords } from './placement-outcome';

/**
 * What placing would do, said before the click (the API's dry run): needs
 * approval, goes on credit hold, or is confirmed. Shown on the cart, the
 * checkout review and the phone order.
 */
@Component({
  selector: 'tc-placement-outcome-notice',
  imports: [MatIconModule, MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = state();
    @if (words(); as w) {
      <div class="notice" [class.warn]="w.tone === 'warn'" role="status" data-testid="placement-outcome">
        <mat-icon [svgIcon]="w.tone === 'warn' ? 'warning' : 'check_circle'" aria-hidden="true" />
        <p>
          <strong>{{ w.headline }}:</strong> {{ w.detail }}
        </p>
      </div>
    } @else if (s?.loading) {
      <p class="checking tc-muted" role="status">
        <mat-progress-spinner mode="indeterminate" diameter="16" aria-hidden="true" />
        Checking approval and credit…
      </p>
    } @else if (s?.problem) {
      <p class="checking tc-muted">{{ fallback() }}</p>
    }
  `,
  styles: `
    .notice {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      padding: 10px 14px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      mat-icon {
        flex: 0 0 auto;
        color: #0d7a45;
      }
      &.warn {
        background: #fff4d6;
        mat-icon {
          color: #8a6100;
        }
      }
      p {
        margin: 0;
        max-width: 80ch;
      }
    }
    .checking {
      display: flex;
      gap: 8px;
      align-items: center;
      margin: 0;
    }
  `,
})
export class PlacementOutcomeNotice {
  /** The dry run as it loads; null before there is anything to check. */
  readonly state = input<Loadable<OrderPreview> | null | undefined>(null);
  readonly audience = input<OutcomeAudience>('buyer');
  /** Said when the dry run was refused (the placement will say why). */
  readonly fallback = input('Approval and credit are checked again when the order is placed.');
  readonly words = computed(() => {
    const preview = this.state()?.value;
    return preview ? placementOutcomeWords(preview.outcome, this.audience()) : null;
  });
}
