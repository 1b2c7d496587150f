import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import type { AuditEntry } from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { AccountsApi } from './accounts-api';
import { AuditChange, auditChanges } from './audit-format';
import { DisplayDateTimePipe } from '../shared/date.pipe';

interface HistoryRow {
  entry: AuditEntry;
  changes: AuditChange[];
}

/** Who changed what on an account, newest first. */
@Component({
  selector: 'tc-account-history',
  imports: [DisplayDateTimePipe, MatPaginatorModule, EmptyState, ErrorState, LoadingState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-history.html',
  styleUrl: './account-history.scss',
})
export class AccountHistory {
  private readonly api = inject(AccountsApi);
  readonly accountId = input.required<string>();
  /** Changes whenever the account was saved, to show the new entry. */
  readonly version = input<string | null>(null);
  readonly page = signal(1);
  private readonly reloads = signal(0);

  private readonly managerNames = toSignal(this.api.accountManagers().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  private readonly names = computed(() => new Map(this.managerNames().map((user) => [user.id, user.name])));
  private readonly query = computed(() => ({
    id: this.accountId(),
    page: this.page(),
    version: this.version(),
    reload: this.reloads(),
  }));
  readonly state = toSignal(
    loadOnEach(toObservable(this.query), ({ id, page }) => this.api.history(id, page)),
  );
  readonly rows = computed<HistoryRow[]>(() =>
    (this.state()?.value?.items ?? []).map((entry) => ({
      entry,
      changes: auditChanges(entry, this.names()),
    })),
  );

  changePage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
