import { AuditChanges } from './audit-changes';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AuditEntry } from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
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
  imports: [AuditChanges, DisplayDateTimePipe, ListFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-history.html',
  styleUrl: './account-history.scss',
})
export class AccountHistory {
  private readonly api = inject(AccountsApi);
  readonly accountId = input.required<string>();
  /** Changes whenever the account was saved, to show the new entry. */
  readonly version = input<string | null>(null);

  private readonly managerNames = toSignal(this.api.accountManagers().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  private readonly names = computed(() => new Map(this.managerNames().map((user) => [user.id, user.name])));
  /** A tab of the account page: its page is its own, not the URL's. */
  readonly list = urlList({
    state: 'local',
    request: ({ page }) => ({ id: this.accountId(), page, version: this.version() }),
    fetch: ({ id, page }) => this.api.history(id, page),
  });
  readonly rows = computed<HistoryRow[]>(() =>
    this.list.items().map((entry) => ({
      entry,
      changes: auditChanges(entry, this.names()),
    })),
  );
}
