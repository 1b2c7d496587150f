import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  INTERNAL_ROLES,
  type InternalRole,
  type InternalUser,
} from '@tradecounter/contracts';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { RoleLabelPipe } from '../shared/labels.pipe';
import { loadOnEach } from '../shared/loadable';
import { bindSearchToQuery } from '../shared/search-binding';
import { SearchField } from '../shared/search-field';
import { pageParam, textParam } from '../shared/route-inputs';
import { LoadingState } from '../shared/loading-state';
import { UserDialog, UserDialogData } from './user-dialog';
import { UsersApi } from './users-api';

function toRole(value: unknown): InternalRole | '' {
  return INTERNAL_ROLES.find((role) => role === value) ?? '';
}

/** Admin: the distributor's staff accounts. */
@Component({
  selector: 'tc-users-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatTableModule,
    EmptyState,
    ErrorState,
    LoadingState,
    RoleLabelPipe,
    SearchField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly reloads = signal(0);

  readonly search = input('', { transform: textParam });
  readonly role = input<InternalRole | '', unknown>('', { transform: toRole });
  readonly page = input(1, { transform: pageParam });

  readonly roles = INTERNAL_ROLES;
  readonly columns = ['name', 'email', 'role', 'active', 'edit'];
  readonly searchControl = new FormControl('', { nonNullable: true });
  private readonly query = computed(() => ({
    search: this.search().trim(),
    role: this.role() || undefined,
    page: Math.max(1, this.page()),
    pageSize: DEFAULT_PAGE_SIZE,
    reload: this.reloads(),
  }));
  readonly state = toSignal(
    loadOnEach(toObservable(this.query), ({ reload: _reload, ...query }) => this.api.list(query)),
  );

  constructor() {
    bindSearchToQuery(this.searchControl, this.search, (search) => this.setQuery({ search, page: null }));
  }

  selectRole(role: string): void {
    this.setQuery({ role: role || null, page: null });
  }

  changePage(event: PageEvent): void {
    this.setQuery({ page: event.pageIndex + 1 });
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  open(user: InternalUser | null): void {
    const data: UserDialogData = { user };
    this.dialog
      .open(UserDialog, { data, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: InternalUser) => {
        if (!saved) return;
        this.snackBar.open(`${saved.name} ${user ? 'saved' : 'added'}`, 'Dismiss');
        this.retry();
      });
  }

  private setQuery(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
