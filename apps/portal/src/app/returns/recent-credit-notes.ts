import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { DisplayDatePipe } from '../shared/date.pipe';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { ReturnsApi } from './returns-api';

/** My account's "Credit notes" card: the latest few, and a link to all of them. */
@Component({
  selector: 'tc-recent-credit-notes',
  imports: [DisplayDatePipe, ErrorState, LoadingState, MatButtonModule, MoneyPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tc-card">
      <div class="head">
        <h2 class="card-title">Credit notes</h2>
        <a mat-button routerLink="/credit-notes">All credit notes</a>
      </div>
      @let s = state();
      @if (s?.problem; as problem) {
        <tc-error-state [problem]="problem" (retry)="retry()" />
      } @else if (s?.value; as page) {
        @if (page.items.length === 0) {
          <p class="tc-muted pad">No credit notes yet. One is issued when returned goods arrive.</p>
        } @else {
          <ul aria-label="Recent credit notes">
            @for (c of page.items; track c.id) {
              <li>
                <a class="tc-mono" [routerLink]="['/credit-notes', c.id]">{{ c.number }}</a>
                <span>{{ c.total | money }}</span>
                <span class="tc-muted">{{ c.issuedAt | displayDate }} · return {{ c.returnNumber }}</span>
              </li>
            }
          </ul>
        }
      } @else {
        <tc-loading-state label="Loading credit notes…" [compact]="true" />
      }
    </div>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding-right: 12px;
    }
    .card-title {
      font: var(--mat-sys-title-medium);
      margin: 0;
      padding: 16px 20px 8px;
    }
    .pad {
      padding: 0 20px 16px;
      margin: 0;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0 20px 16px;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      padding: 4px 0;
    }
  `,
})
export class RecentCreditNotes {
  private readonly api = inject(ReturnsApi);
  readonly accountId = input.required<string>();
  private readonly reloads = signal(0);
  readonly state = toSignal(
    loadOnEach(
      toObservable(computed(() => ({ accountId: this.accountId(), reload: this.reloads() }))),
      ({ accountId }) => this.api.creditNotes({ accountId, page: 1, pageSize: 5 }),
    ),
  );

  retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
