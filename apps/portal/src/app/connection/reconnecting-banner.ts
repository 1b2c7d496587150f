import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ConnectionState } from './connection-state';

/**
 * "Reconnecting to the server…" over the page while the server is away:
 * announced politely, and never in the way (the page stays usable).
 */
@Component({
  selector: 'tc-reconnecting-banner',
  imports: [MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!--
      A live region (polite) without the status role: pages keep their own status
      messages, and this one is about the connection, not the page.
    -->
    <div class="live" aria-live="polite">
      @if (connection.reconnecting()) {
        <div class="banner" data-testid="reconnecting">
          <mat-progress-spinner mode="indeterminate" diameter="18" aria-hidden="true" />
          <span>Reconnecting to the server…</span>
        </div>
      }
    </div>
  `,
  styles: `
    .live {
      position: fixed;
      top: 8px;
      left: 50%;
      transform: translateX(-50%);
      z-index: 1000;
      pointer-events: none;
    }
    .banner {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 16px;
      border-radius: 20px;
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
      font: var(--mat-sys-body-medium);
      box-shadow: var(--mat-sys-level2);
    }
  `,
})
export class ReconnectingBanner {
  protected readonly connection = inject(ConnectionState);
}
