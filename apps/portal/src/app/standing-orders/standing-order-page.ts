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
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Address, IsoDate, StandingOrder } from '@tradecounter/contracts';
import { catchError, type Observable, of } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { AuthService } from '../auth/auth.service';
import { displayDate } from '../shared/date-format';
import { DisplayDatePipe, DisplayDateTimePipe } from '../shared/date.pipe';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { problemMessage, toProblem } from '../shared/problem';
import { ComingRuns } from './coming-runs';
import { openPauseDialog } from './pause-dialog';
import { poExample } from './po-pattern';
import { RunHistory } from './run-history';
import { scheduleInWords } from './schedule-words';
import { StandingOrderStatusChip } from './standing-order-status-chip';
import { StandingOrdersApi } from './standing-orders-api';

/** Roles that may change a standing order (the manager reads only). */
const CHANGERS = ['buyer', 'approver', 'account_manager', 'admin'] as const;

/** One standing order: its coming runs (skip, unskip), pause and resume, its lines and past runs. */
@Component({
  selector: 'tc-standing-order-page',
  imports: [
    ComingRuns,
    DisplayDatePipe,
    DisplayDateTimePipe,
    ErrorState,
    LoadingState,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    RouterLink,
    RunHistory,
    StandingOrderStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './standing-order-page.html',
  styleUrl: './standing-order-page.scss',
})
export class StandingOrderPage {
  private readonly api = inject(StandingOrdersApi);
  private readonly accounts = inject(AccountsApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  private readonly loaded = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.api.get(id),
    ),
  );
  /** The standing order, replaced in place after each change. */
  readonly order = linkedSignal<StandingOrder | undefined>(() => this.loaded()?.value);
  readonly loading = computed(() => this.loaded()?.loading ?? true);
  readonly problem = computed(() => this.loaded()?.problem);
  readonly canChange = computed(() => this.auth.hasRole(CHANGERS));
  readonly busy = signal(false);
  private readonly accountId = computed(() => this.order()?.accountId);
  private readonly addresses = toSignal(
    loadOnEach(toObservable(this.accountId), (accountId) =>
      accountId ? this.accounts.addresses(accountId).pipe(catchError(() => of([]))) : of([]),
    ),
  );
  readonly address = computed<Address | undefined>(() =>
    this.addresses()?.value?.find((address) => address.id === this.order()?.shippingAddressId),
  );
  readonly schedule = computed(() => {
    const order = this.order();
    return order ? scheduleInWords(order.schedule) : '';
  });
  readonly nextPo = computed(() => {
    const order = this.order();
    return order?.nextRunDate ? poExample(order.poPattern, order.nextRunDate) : null;
  });
  readonly lineColumns = ['sku', 'name', 'quantity'];

  pause(order: StandingOrder): void {
    openPauseDialog(this.dialog, {
      name: order.name,
      pause: (resumeOn) => this.api.update(order.id, { status: 'paused', resumeOn }),
    }).subscribe((changed) => {
      if (!changed) return;
      this.order.set(changed);
      this.snackBar.open(
        changed.resumeOn ? `Paused until ${displayDate(changed.resumeOn)}` : 'Paused until you resume it',
        'Dismiss',
        { duration: 5000 },
      );
    });
  }

  resume(order: StandingOrder): void {
    this.change(this.api.update(order.id, { status: 'active' }), (changed) =>
      changed.nextRunDate ? `Resumed: next run ${displayDate(changed.nextRunDate)}` : 'Resumed',
    );
  }

  skipNext(order: StandingOrder): void {
    this.change(this.api.skip(order.id), (changed) => this.skippedText(order.nextRunDate, changed));
  }

  skip(order: StandingOrder, runDate: IsoDate): void {
    this.change(this.api.skip(order.id, runDate), (changed) => this.skippedText(runDate, changed));
  }

  unskip(order: StandingOrder, runDate: IsoDate): void {
    this.change(
      this.api.unskip(order.id, runDate),
      () => `The run of ${displayDate(runDate)} will place an order again`,
    );
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  private skippedText(runDate: IsoDate | null, changed: StandingOrder): string {
    const skipped = runDate ? `Skipped ${displayDate(runDate)}` : 'Skipped';
    return changed.nextRunDate ? `${skipped}: next run ${displayDate(changed.nextRunDate)}` : skipped;
  }

  private change(request: Observable<StandingOrder>, message: (changed: StandingOrder) => string): void {
    if (this.busy()) return;
    this.busy.set(true);
    request.subscribe({
      next: (changed) => {
        this.busy.set(false);
        this.order.set(changed);
        this.snackBar.open(message(changed), 'Dismiss', { duration: 5000 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.snackBar.open(problemMessage(toProblem(error)), 'Dismiss');
      },
    });
  }
}
