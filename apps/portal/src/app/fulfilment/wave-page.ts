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
import { RouterLink } from '@angular/router';
import type { Wave, WaveLine, WaveLineAllocation } from '@tradecounter/contracts';
import { OrderStatusChip } from '../orders/order-status-chip';
import { confirmAction } from '../shared/confirm-dialog';
import { DisplayDatePipe, DisplayDateTimePipe } from '../shared/date.pipe';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { FulfilmentApi } from './fulfilment-api';
import { ShortPickData, ShortPickDialog } from './short-pick-dialog';

/**
 * One wave: its pick list in walking order (bins sorted naturally), each stop
 * with the orders its units go to; printable, with short picks reported per
 * order as the picker finds an empty bin.
 */
@Component({
  selector: 'tc-wave-page',
  imports: [
    DisplayDatePipe,
    DisplayDateTimePipe,
    MatButtonModule,
    MatIconModule,
    RouterLink,
    ErrorState,
    LoadingState,
    OrderStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './wave-page.html',
  styleUrl: './wave-page.scss',
})
export class WavePage {
  private readonly api = inject(FulfilmentApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  private readonly loaded = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.api.wave(id),
    ),
  );
  readonly wave = linkedSignal<Wave | undefined>(() => this.loaded()?.value);
  readonly loading = computed(() => this.loaded()?.loading ?? true);
  readonly problem = computed(() => this.loaded()?.problem);
  readonly units = computed(() => (this.wave()?.lines ?? []).reduce((sum, line) => sum + line.quantity, 0));
  readonly printedAt = new Date();

  print(): void {
    window.print();
  }

  short(wave: Wave, line: WaveLine, allocation: WaveLineAllocation): void {
    const data: ShortPickData = { wave, line, allocation };
    this.dialog
      .open<ShortPickDialog, ShortPickData, Wave>(ShortPickDialog, {
        data,
        width: '520px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((changed) => {
        if (changed) this.wave.set(changed);
      });
  }

  close(wave: Wave): void {
    confirmAction(this.dialog, {
      title: `Close wave ${wave.number}?`,
      message: 'Its orders are free to join another wave; the pick list stays readable.',
      confirmLabel: 'Close wave',
      action: () => this.api.closeWave(wave.id),
    }).subscribe((closed) => {
      if (!closed) return;
      this.wave.set(closed);
      this.snackBar.open(`Wave ${closed.number} closed`, 'Dismiss', { duration: 4000 });
    });
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
