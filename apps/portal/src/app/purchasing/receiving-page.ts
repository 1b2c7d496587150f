import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type { PurchaseOrderLine } from '@tradecounter/contracts';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { problemMessage, toProblem } from '../shared/problem';
import { openLines } from './purchase-order-rules';
import { PurchaseOrderStatusChip } from './purchase-order-status';
import { PurchasingApi } from './purchasing-api';
import {
  addScan,
  countedUnits,
  overOpen,
  receiptRequest,
  type ReceivingNow,
  setCount,
} from './receiving-list';

/**
 * Receiving a purchase order at the dock, scan first: a barcode scanner is a
 * keyboard that types the code and presses Enter, so the code field keeps
 * the focus and Enter counts the units; no mouse is needed. What was counted
 * is posted once, on Confirm receipt.
 */
@Component({
  selector: 'tc-receiving-page',
  imports: [
    ErrorState,
    LoadingState,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatTableModule,
    PurchaseOrderStatusChip,
    ReactiveFormsModule,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './receiving-page.html',
  styleUrl: './receiving-page.scss',
})
export class ReceivingPage {
  private readonly api = inject(PurchasingApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  readonly loaded = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.api.order(id),
    ),
  );
  readonly order = computed(() => this.loaded()?.value);
  readonly lines = computed(() => {
    const o = this.order();
    return o ? openLines(o) : [];
  });
  readonly receivable = computed(() => {
    const status = this.order()?.status;
    return status === 'sent' || status === 'partially_received';
  });

  readonly code = new FormControl('', { nonNullable: true });
  readonly quantity = new FormControl<number | null>(1);
  readonly now = signal<ReceivingNow>({});
  readonly counted = computed(() => countedUnits(this.now()));
  /** The last scan's outcome, read out by screen readers (aria-live). */
  readonly message = signal<{ text: string; error: boolean } | null>(null);
  readonly saving = signal(false);
  readonly saveError = signal('');
  readonly columns = ['product', 'warehouse', 'ordered', 'received', 'open', 'now'];
  private readonly codeBox = viewChild<ElementRef<HTMLInputElement>>('codeBox');

  constructor() {
    // The field appears once the order has loaded: give it the focus then, ready for the first scan.
    effect(() => this.codeBox()?.nativeElement.focus());
  }

  /** Enter in the code or quantity field: count the units, then get ready for the next scan. */
  add(event?: Event): void {
    event?.preventDefault();
    const outcome = addScan(this.lines(), this.now(), this.code.value, Number(this.quantity.value ?? 1));
    if (outcome.ok) {
      this.now.set(outcome.now);
      this.message.set({
        text: `${outcome.quantity} × ${outcome.line.sku} counted: ${outcome.now[outcome.line.id]} of ${outcome.line.open} open at ${outcome.line.warehouseCode}.`,
        error: false,
      });
      this.code.setValue('');
      this.quantity.setValue(1);
      this.saveError.set('');
    } else {
      this.message.set({ text: outcome.message, error: true });
      this.code.setValue('');
    }
    this.codeBox()?.nativeElement.focus();
  }

  count(line: PurchaseOrderLine): number {
    return this.now()[line.id] ?? 0;
  }

  over(line: PurchaseOrderLine): number {
    return overOpen(line, this.now());
  }

  setCount(line: PurchaseOrderLine, value: string): void {
    this.now.set(setCount(this.now(), line.id, Math.trunc(Number(value))));
  }

  clear(): void {
    this.now.set({});
    this.message.set({ text: 'Counts cleared.', error: false });
    this.codeBox()?.nativeElement.focus();
  }

  confirm(): void {
    const o = this.order();
    if (!o || this.saving() || this.counted() === 0) return;
    this.saving.set(true);
    this.saveError.set('');
    this.api.receive(o.id, receiptRequest(this.lines(), this.now())).subscribe({
      next: (received) => {
        this.snackBar.open(`Received ${this.counted()} units on ${received.number}`, 'Dismiss', {
          duration: 5000,
        });
        void this.router.navigate(['/purchasing/orders', received.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(problemMessage(toProblem(error)));
      },
    });
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
