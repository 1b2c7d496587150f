import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type {
  ProductReturn,
  ReturnCondition,
  ReturnLine,
  ReturnReceiptResult,
} from '@tradecounter/contracts';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { problemMessage, toProblem } from '../shared/problem';
import {
  initialRows,
  outstanding,
  overReceived,
  receivedUnits,
  receiveRequest,
  type ReceivingRow,
  splitRow,
} from './return-rules';
import { ReturnStatusChip } from './return-status-chip';
import { reasonLabel, resolutionLabel, returnStatusLabel } from './return-words';
import { ReturnsApi } from './returns-api';

/**
 * Receiving a return at the warehouse: per line what is still expected, how
 * many arrived and whether they go back on the shelf or are scrapped; "Split"
 * adds a second row for the same line in the other condition. Plain inputs
 * and selects in tab order, so it works from the keyboard alone. After the
 * receipt it says what followed: the credit note, the replacement order, the
 * backorders the restocked units filled.
 */
@Component({
  selector: 'tc-return-receiving-page',
  imports: [
    ErrorState,
    LoadingState,
    MatButtonModule,
    MatIconModule,
    MoneyPipe,
    ReturnStatusChip,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './return-receiving-page.html',
  styleUrl: './return-receiving-page.scss',
})
export class ReturnReceivingPage {
  private readonly api = inject(ReturnsApi);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  readonly loaded = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.api.get(id),
    ),
  );
  readonly ret = computed(() => this.loaded()?.value);
  readonly rows = signal<ReceivingRow[]>([]);
  readonly saving = signal(false);
  readonly saveError = signal('');
  readonly result = signal<ReturnReceiptResult | undefined>(undefined);
  readonly units = computed(() => receivedUnits(this.rows()));
  readonly over = computed(() => {
    const r = this.ret();
    return r ? overReceived(r, this.rows()) : new Map<string, number>();
  });
  readonly receivable = computed(() => this.ret()?.status === 'approved' && this.rows().length > 0);
  readonly reasonLabel = reasonLabel;
  readonly resolutionLabel = resolutionLabel;
  readonly statusLabel = returnStatusLabel;
  readonly outstanding = outstanding;

  constructor() {
    // A freshly loaded return starts the sheet over: everything expected, to restock.
    effect(() => {
      const r = this.ret();
      if (r) this.rows.set(initialRows(r));
    });
  }

  line(r: ProductReturn, row: ReceivingRow): ReturnLine | undefined {
    return r.lines.find((l) => l.id === row.returnLineId);
  }

  /** The first row of a line shows the line's facts; a split row below it only its own fields. */
  firstOfLine(row: ReceivingRow): boolean {
    return this.rows().find((r) => r.returnLineId === row.returnLineId)?.key === row.key;
  }

  setQuantity(row: ReceivingRow, value: string): void {
    const quantity = value === '' ? 0 : Math.trunc(Number(value));
    this.patch(row, { quantity: Number.isFinite(quantity) ? quantity : 0 });
  }

  setCondition(row: ReceivingRow, value: string): void {
    this.patch(row, { condition: value as ReturnCondition });
  }

  split(row: ReceivingRow): void {
    this.rows.set(splitRow(this.rows(), row.key));
  }

  remove(row: ReceivingRow): void {
    this.rows.update((rows) => rows.filter((r) => r.key !== row.key));
  }

  hasSplit(row: ReceivingRow): boolean {
    return this.rows().filter((r) => r.returnLineId === row.returnLineId).length > 1;
  }

  confirm(): void {
    const r = this.ret();
    if (!r || this.saving() || this.units() === 0 || this.over().size) return;
    this.saving.set(true);
    this.saveError.set('');
    this.api.receive(r.id, receiveRequest(this.rows())).subscribe({
      next: (result) => {
        this.saving.set(false);
        this.result.set(result);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(problemMessage(toProblem(error)));
      },
    });
  }

  receiveMore(): void {
    this.result.set(undefined);
    this.reloads.update((n) => n + 1);
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  private patch(row: ReceivingRow, change: Partial<ReceivingRow>): void {
    this.rows.update((rows) => rows.map((r) => (r.key === row.key ? { ...r, ...change } : r)));
  }
}
