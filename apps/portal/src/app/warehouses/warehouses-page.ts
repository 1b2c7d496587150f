import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { Warehouse } from '@tradecounter/contracts';
import { yearsWithoutHolidays } from '@tradecounter/domain';
import { AuthService } from '../auth/auth.service';
import { localIsoDate } from '../availability/promise-dates';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { HolidayCoverageWarning } from './holiday-coverage-warning';
import { localTimeIn, utcOffset } from './time-zones';
import { WarehouseDialog, type WarehouseDialogData, type WarehouseDialogResult } from './warehouse-dialog';
import { WarehousesApi } from './warehouses-api';

/** Every warehouse's promise settings as a list; administrators add and edit them in a dialog. */
@Component({
  selector: 'tc-warehouses-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    EmptyState,
    ErrorState,
    LoadingState,
    HolidayCoverageWarning,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './warehouses-page.html',
  styleUrl: './warehouses-page.scss',
})
export class WarehousesPage {
  private readonly api = inject(WarehousesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly auth = inject(AuthService);
  private readonly reloads = signal(0);

  readonly canEdit = computed(() => this.auth.hasRole(['admin']));
  readonly columns = computed(() => [
    'code',
    'name',
    'timeZone',
    'cutoff',
    'handling',
    'transit',
    ...(this.canEdit() ? ['actions'] : []),
  ]);
  /** The code of a warehouse whose save was refused as stale (412), or ''. */
  readonly stale = signal('');
  readonly state = toSignal(loadOnEach(toObservable(this.reloads), () => this.api.list()));
  private readonly holidays = toSignal(this.api.holidays(), { initialValue: null });
  /** This year or next without a single holiday: promises would count their Christmas as a business day. */
  readonly missingYears = computed(() => {
    const holidays = this.holidays();
    return holidays ? yearsWithoutHolidays(holidays, localIsoDate()) : [];
  });

  readonly offset = (w: Warehouse) => utcOffset(w.timeZone);
  readonly localNow = (w: Warehouse) => localTimeIn(w.timeZone);

  edit(warehouse: Warehouse | null): void {
    this.dialog
      .open<WarehouseDialog, WarehouseDialogData, WarehouseDialogResult>(WarehouseDialog, {
        data: { warehouse },
        width: '640px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((result) => {
        if (result === 'stale') {
          this.stale.set(warehouse?.code ?? '');
          this.reloads.update((n) => n + 1);
        } else if (result) {
          this.snackBar.open(`${result.code} ${warehouse ? 'saved' : 'added'}`, 'Dismiss', {
            duration: 4000,
          });
          // Making one the default changes the others too: read them all again.
          this.reload();
        }
      });
  }

  reload(): void {
    this.stale.set('');
    this.reloads.update((n) => n + 1);
  }
}
