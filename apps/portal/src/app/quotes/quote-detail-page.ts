import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { INTERNAL_ROLES, type SalesQuote, type SalesQuoteLine } from '@tradecounter/contracts';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { AuthService } from '../auth/auth.service';
import { LinePromise } from '../cart/line-promise';
import { askReason } from '../orders/reason-dialog';
import { DisplayDatePipe, DisplayDateTimePipe } from '../shared/date.pipe';
import { DocumentDownload } from '../shared/document-download';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { textParam } from '../shared/route-inputs';
import { QuoteHeader } from './quote-header';
import {
  comparePrice,
  expiryWords,
  quoteActions,
  savingView,
  type SavingView,
  totalSavings,
  validity,
} from './quote-rules';
import { quoteStatusExplanation, quoteStatusLabel } from './quote-status';
import { QuoteTimeline } from './quote-timeline';
import { QuotesApi } from './quotes-api';

/** A quote: its lines priced against the buyer's normal prices, its validity, revisions and history. */
@Component({
  selector: 'tc-quote-detail-page',
  imports: [
    DisplayDatePipe,
    DocumentDownload,
    DisplayDateTimePipe,
    ErrorState,
    LinePromise,
    LoadingState,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatTableModule,
    MoneyPipe,
    QuoteHeader,
    QuoteTimeline,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quote-detail-page.html',
  styleUrl: './quote-detail-page.scss',
})
export class QuoteDetailPage {
  private readonly api = inject(QuotesApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** `?revision=`: an earlier revision to read; the latest when absent. */
  readonly revision = input('', { transform: textParam });
  private readonly reloads = signal(0);
  private readonly loaded = toSignal(
    loadOnEach(
      toObservable(
        computed(() => ({
          id: this.id(),
          revision: Number(this.revision()) || undefined,
          reload: this.reloads(),
        })),
      ),
      ({ id, revision }) => this.api.get(id, revision),
    ),
  );
  /** The quote, replaced in place after an action. */
  readonly quote = linkedSignal<SalesQuote | undefined>(() => this.loaded()?.value);
  readonly loading = computed(() => this.loaded()?.loading ?? true);
  readonly problem = computed(() => this.loaded()?.problem);
  readonly today = localIsoDate();
  readonly isStaff = computed(() => this.auth.hasRole(INTERNAL_ROLES));
  /** Reading an earlier revision: its prices are history, nothing can be done to it. */
  readonly older = computed(() => {
    const q = this.quote();
    return !!q && q.shownRevision !== q.revision;
  });
  readonly actions = computed(() => {
    const q = this.quote();
    return q && !this.older() ? quoteActions(q, this.auth.user()?.role, this.today) : [];
  });
  readonly shownValidUntil = computed(() => {
    const q = this.quote();
    if (!q) return null;
    return q.revisions.find((r) => r.revision === q.shownRevision)?.validUntil ?? q.validUntil;
  });
  readonly validity = computed(() => validity(this.shownValidUntil(), this.today));
  readonly expiryWords = expiryWords;
  readonly explanation = computed(() => {
    const q = this.quote();
    return q ? quoteStatusExplanation(q.status, this.isStaff()) : '';
  });
  readonly priced = computed(() => (this.quote()?.lines ?? []).some((line) => line.unitPrice !== null));
  readonly subtotal = computed(() => {
    const q = this.quote();
    return q?.revisions.find((r) => r.revision === q.shownRevision)?.subtotal ?? q?.subtotal ?? null;
  });
  readonly savings = computed(() => totalSavings(this.quote()?.lines ?? []));
  readonly columns = computed(() =>
    this.priced()
      ? ['product', 'quantity', 'normalPrice', 'unitPrice', 'saving', 'lineTotal', 'promise']
      : ['product', 'quantity', 'normalPrice'],
  );

  day(date: string | null): string {
    return date ? formatDay(date, this.today) : '—';
  }

  /** The quote as a PDF: the revision on screen, so an earlier one prints as superseded. */
  pdfUrl(q: SalesQuote): string {
    const revision = q.shownRevision === q.revision ? '' : `?revision=${q.shownRevision}`;
    return `/api/documents/quotes/${q.id}.pdf${revision}`;
  }

  /** The quoted price against the buyer's normal one; `up` when the quote is dearer. */
  saving(line: SalesQuoteLine): SavingView | null {
    return line.unitPrice ? savingView(comparePrice(line.unitPrice, line.normalPrice, line.quantity)) : null;
  }

  showRevision(revision: number): void {
    const q = this.quote();
    void this.router.navigate([], {
      queryParams: { revision: q && revision === q.revision ? null : revision },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  requestChanges(q: SalesQuote): void {
    askReason(this.dialog, {
      title: `Ask for changes to ${q.number}`,
      message:
        'Say what should change (quantities, prices, dates). Your account manager answers with a new revision.',
      confirmLabel: 'Send request',
      fieldLabel: 'What should change?',
      reasonRequired: true,
      action: (message) => this.api.requestChanges(q.id, message),
    }).subscribe((changed) => this.done(changed, 'Changes requested'));
  }

  decline(q: SalesQuote): void {
    askReason(this.dialog, {
      title: `Decline ${q.number}?`,
      message: 'The quote ends and its prices can no longer be accepted. Tell your account manager why.',
      confirmLabel: 'Decline quote',
      reasonRequired: true,
      action: (reason) => this.api.decline(q.id, reason),
    }).subscribe((changed) => this.done(changed, 'Quote declined'));
  }

  withdraw(q: SalesQuote): void {
    askReason(this.dialog, {
      title: `Withdraw ${q.number}?`,
      message: 'The quote ends: the customer can no longer accept it. The reason is shown to them.',
      confirmLabel: 'Withdraw quote',
      reasonRequired: true,
      action: (reason) => this.api.withdraw(q.id, reason),
    }).subscribe((changed) => this.done(changed, 'Quote withdrawn'));
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  statusLabel(q: SalesQuote): string {
    return quoteStatusLabel(q.status);
  }

  private done(changed: SalesQuote | undefined, words: string): void {
    if (!changed) return;
    this.quote.set(changed);
    this.snackBar.open(
      `${words}: ${changed.number} is now ${quoteStatusLabel(changed.status).toLowerCase()}`,
      'Dismiss',
      {
        duration: 5000,
      },
    );
  }
}
