import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type {
  CreateReturnRequest,
  ProductReturn,
  ReturnableLine,
  ReturnReason,
} from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { ErrorState } from '../shared/error-state';
import { loadable } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { problemMessage, toProblem } from '../shared/problem';
import { estimateCredit, feeWords, hasFee, returnableWords } from './return-rules';
import { RETURN_REASON_OPTIONS, reasonLabel } from './return-words';
import { ReturnPhotoUpload } from './return-photo-upload';
import { ReturnsApi } from './returns-api';

export interface ReturnRequestDialogData {
  orderId: string;
  orderNumber: string;
  /** Staff open the return for the account: it starts approved, and they may waive the fee. */
  staff: boolean;
}

interface LineChoice {
  quantity: number;
  reason: ReturnReason | '';
  note: string;
}

/**
 * "Return items" from a delivered order: per line what was delivered, what
 * is already on returns and what may still come back (or why not), the
 * quantity, reason and note, the restocking fee for the reason before
 * anything is sent, and the estimated credit. Once created, photos may be
 * added; the dialog closes with the return.
 */
@Component({
  selector: 'tc-return-request-dialog',
  imports: [
    ErrorState,
    FormsModule,
    LoadingState,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MoneyPipe,
    ReturnPhotoUpload,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './return-request-dialog.html',
  styleUrl: './return-request-dialog.scss',
})
export class ReturnRequestDialog {
  readonly data = inject<ReturnRequestDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ReturnsApi);
  private readonly dialogRef = inject<MatDialogRef<ReturnRequestDialog, ProductReturn>>(MatDialogRef);

  readonly state = toSignal(loadable(this.api.returnable(this.data.orderId)));
  readonly returnable = computed(() => this.state()?.value);
  readonly choices = signal<Record<string, LineChoice>>({});
  readonly waiveFee = signal(false);
  readonly waiveReason = signal('');
  readonly working = signal(false);
  readonly error = signal('');
  readonly attempted = signal(false);
  /** The return once created: the dialog then offers photos. */
  readonly created = signal<ProductReturn | undefined>(undefined);
  readonly reasons = RETURN_REASON_OPTIONS;
  readonly reasonLabel = reasonLabel;
  readonly returnableWords = returnableWords;

  readonly anyReturnable = computed(() => (this.returnable()?.lines ?? []).some((l) => l.returnable > 0));
  readonly chosen = computed(() =>
    (this.returnable()?.lines ?? [])
      .map((line) => ({ line, choice: this.choice(line) }))
      .filter(({ choice }) => choice.quantity > 0),
  );
  readonly units = computed(() => this.chosen().reduce((sum, { choice }) => sum + choice.quantity, 0));
  readonly estimate = computed(() =>
    estimateCredit(
      this.chosen()
        .filter(({ choice }) => choice.reason)
        .map(({ line, choice }) => ({
          unitPrice: line.unitPrice,
          quantity: choice.quantity,
          reason: choice.reason as ReturnReason,
        })),
      this.waiveFee() ? undefined : this.returnable()?.fees,
    ),
  );
  readonly problems = computed(() => {
    const problems: string[] = [];
    if (this.units() === 0) problems.push('Choose a quantity to return on at least one line.');
    for (const { line, choice } of this.chosen()) {
      if (!Number.isInteger(choice.quantity) || choice.quantity > line.returnable) {
        problems.push(`${line.sku}: at most ${line.returnable} may be returned.`);
      }
      if (!choice.reason) problems.push(`${line.sku}: choose a reason.`);
    }
    if (this.waiveFee() && !this.waiveReason().trim()) problems.push('Say why the fee is waived.');
    return problems;
  });

  choice(line: ReturnableLine): LineChoice {
    return this.choices()[line.orderLineId] ?? { quantity: 0, reason: '', note: '' };
  }

  update(line: ReturnableLine, change: Partial<LineChoice>): void {
    this.choices.update((all) => ({ ...all, [line.orderLineId]: { ...this.choice(line), ...change } }));
  }

  setQuantity(line: ReturnableLine, value: string): void {
    const quantity = value === '' ? 0 : Number(value);
    this.update(line, { quantity: Number.isFinite(quantity) ? quantity : 0 });
  }

  feeFor(line: ReturnableLine): string {
    const reason = this.choice(line).reason;
    if (!reason) return '';
    if (this.waiveFee()) return 'Restocking fee waived';
    return feeWords(reason, this.returnable()?.fees);
  }

  feeApplies(line: ReturnableLine): boolean {
    const reason = this.choice(line).reason;
    return !!reason && !this.waiveFee() && hasFee(this.returnable()?.fees[reason]);
  }

  anyFee(): boolean {
    const fees = this.returnable()?.fees;
    return !!fees && Object.values(fees).some(hasFee);
  }

  submit(): void {
    this.attempted.set(true);
    if (this.problems().length || this.working()) return;
    const body: CreateReturnRequest = {
      orderId: this.data.orderId,
      lines: this.chosen().map(({ line, choice }) => ({
        orderLineId: line.orderLineId,
        quantity: choice.quantity,
        reason: choice.reason as ReturnReason,
        ...(choice.note.trim() ? { note: choice.note.trim() } : {}),
      })),
      ...(this.data.staff && this.waiveFee() ? { waiveFee: true, reason: this.waiveReason().trim() } : {}),
    };
    this.working.set(true);
    this.error.set('');
    this.api.create(body).subscribe({
      next: (created) => {
        this.working.set(false);
        this.created.set(created);
        // It exists now: leave only through "Open the return", so the buyer lands on it.
        this.dialogRef.disableClose = true;
      },
      error: (error: unknown) => {
        this.working.set(false);
        this.error.set(problemMessage(toProblem(error)));
      },
    });
  }

  finish(): void {
    this.dialogRef.close(this.created());
  }

  retry(): void {
    // A new dialog is simplest: the returnable facts are loaded once per opening.
    this.dialogRef.close();
  }
}

export function openReturnRequest(
  dialog: MatDialog,
  data: ReturnRequestDialogData,
): Observable<ProductReturn | undefined> {
  return dialog
    .open<ReturnRequestDialog, ReturnRequestDialogData, ProductReturn>(ReturnRequestDialog, {
      data,
      width: '880px',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    })
    .afterClosed();
}
