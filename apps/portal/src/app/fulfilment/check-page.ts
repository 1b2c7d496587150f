import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { Order, OrderCheck } from '@tradecounter/contracts';
import { catchError, EMPTY, forkJoin } from 'rxjs';
import { OrdersApi } from '../orders/orders-api';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { ErrorState } from '../shared/error-state';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { newestFirst } from '../shared/newest-first';
import { toProblem } from '../shared/problem';
import { remainingText, scanRequest } from './check-scan';
import { FulfilmentApi } from './fulfilment-api';
import { PackDialog } from './pack-dialog';

/**
 * The check step before packing: each line confirmed by scanning or typing its
 * SKU (or a barcode) and quantity. A barcode scanner is a keyboard that types
 * and presses Enter, so the whole page works from the one focused field.
 */
@Component({
  selector: 'tc-check-page',
  imports: [
    DisplayDateTimePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    ErrorState,
    LoadingState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './check-page.html',
  styleUrl: './check-page.scss',
})
export class CheckPage {
  private readonly api = inject(FulfilmentApi);
  private readonly orders = inject(OrdersApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  private readonly loaded = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      forkJoin({ check: this.api.check(id), order: this.orders.get(id) }),
    ),
  );
  readonly check = linkedSignal<OrderCheck | undefined>(() => this.loaded()?.value?.check);
  readonly order = computed<Order | undefined>(() => this.loaded()?.value?.order);
  readonly loading = computed(() => this.loaded()?.loading ?? true);
  readonly problem = computed(() => this.loaded()?.problem);
  readonly refused = computed(() => newestFirst(this.check()?.mismatches ?? []));
  readonly remaining = computed(() => remainingText(this.check()?.lines ?? []));

  readonly fieldError = fieldError;
  readonly saving = signal(false);
  /** The last scan's outcome, announced: a refusal assertively, a confirmation politely. */
  readonly refusal = signal('');
  readonly confirmation = signal('');
  // Not `required`: an Enter on an empty field (a scanner's stray one) is ignored, and after a
  // scan the cleared field must not show an error.
  readonly code = new FormControl('', { nonNullable: true });
  readonly quantity = new FormControl(1, {
    nonNullable: true,
    validators: [Validators.required, Validators.min(1), Validators.max(100_000), integerValidator()],
  });
  readonly form = new FormGroup({ code: this.code, quantity: this.quantity });
  private readonly scanField = viewChild<ElementRef<HTMLInputElement>>('scanInput');

  constructor() {
    // The scan field takes focus as soon as it is shown (after the heading took it on navigation).
    let focused = false;
    effect(() => {
      if (this.scanField() && !focused) {
        focused = true;
        this.focusScan();
      }
    });
  }

  scan(): void {
    const check = this.check();
    if (!check || this.saving()) return;
    if (!this.code.value.trim()) {
      this.focusScan();
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusScan();
      return;
    }
    const code = this.code.value.trim();
    const quantity = Number(this.quantity.value);
    this.saving.set(true);
    this.api.submitCheck(check.orderId, { lines: [scanRequest(code, quantity, check.lines)] }).subscribe({
      next: (next) => {
        this.check.set(next);
        // The line the scan counted for (a barcode names no SKU): the one whose count moved.
        const before = new Map(check.lines.map((l) => [l.orderLineId, l.confirmed]));
        const line = next.lines.find((l) => l.confirmed !== before.get(l.orderLineId));
        this.announce(
          '',
          line
            ? `${line.sku}: ${line.confirmed} of ${line.expected} checked`
            : `${code} × ${quantity} checked`,
        );
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        this.announce(`${code} × ${quantity} refused: ${problem.detail ?? problem.title}`, '');
        // The refusal is recorded on the order: show it in the list.
        this.api
          .check(check.orderId)
          .pipe(catchError(() => EMPTY))
          .subscribe((fresh) => this.check.set(fresh));
      },
    });
  }

  pack(): void {
    const order = this.order();
    if (!order || !this.check()?.complete) return;
    this.dialog
      .open<PackDialog, Order, Order>(PackDialog, {
        data: order,
        width: '640px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((packed) => {
        if (packed) void this.router.navigate(['/fulfilment/orders', packed.id]);
      });
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  private announce(refusal: string, confirmation: string): void {
    this.saving.set(false);
    this.refusal.set(refusal);
    this.confirmation.set(confirmation);
    // Ready for the next scan: the code cleared, one unit, the cursor back in the field.
    this.form.reset({ code: '', quantity: 1 });
    this.focusScan();
  }

  private focusScan(): void {
    setTimeout(() => this.scanField()?.nativeElement.focus());
  }
}
