import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { SalesQuoteStatus } from '@tradecounter/contracts';
import { QuoteStatusChip } from './quote-status-chip';

/**
 * A quote page's header: back link, "Quote Q-…" with its status and
 * revision, and the page's actions (projected). Reads "Quote" until loaded.
 */
@Component({
  selector: 'tc-quote-header',
  imports: [MatButtonModule, MatIconModule, RouterLink, QuoteStatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="tc-page-header">
      <a mat-icon-button [routerLink]="back()" [attr.aria-label]="backLabel()"><mat-icon svgIcon="back" /></a>
      @if (quote(); as q) {
        <h1>
          {{ prefix() }} <span class="tc-mono">{{ q.number }}</span>
          <tc-quote-status-chip [status]="q.status" />
          @if (q.revision > 1) {
            <span class="revision tc-muted">revision {{ q.revision }}</span>
          }
        </h1>
        <div class="actions"><ng-content /></div>
      } @else {
        <h1>{{ prefix() }}</h1>
      }
    </header>
  `,
  styles: `
    :host {
      display: block;
    }
    h1 {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 12px;
    }
    .revision {
      font: var(--mat-sys-body-medium);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class QuoteHeader {
  readonly quote = input.required<
    { number: string; status: SalesQuoteStatus; revision: number } | undefined
  >();
  readonly back = input.required<string | unknown[]>();
  readonly backLabel = input('Back');
  /** "Quote", "Price quote", "Accept quote". */
  readonly prefix = input('Quote');
}
