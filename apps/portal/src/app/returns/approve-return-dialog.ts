import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  ApproveReturnRequest,
  ProductReturn,
  ReturnLine,
  ReturnResolution,
} from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { MoneyPipe } from '../shared/money.pipe';
import { problemMessage, toProblem } from '../shared/problem';
import { hasFee, lineCredit, percentWords, sumCredits } from './return-rules';
import { reasonLabel } from './return-words';
import { ReturnsApi } from './returns-api';

/**
 * Approving a return: per line, credit (money back at the price paid, less
 * the fee) or replace (the same goods again, no credit), and whether the
 * restocking fee is waived, which needs a reason.
 */
@Component({
  selector: 'tc-approve-return-dialog',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MoneyPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Approve {{ ret.number }}</h2>
    @if (working()) {
      <mat-progress-bar mode="indeterminate" aria-label="Working" />
    }
    <mat-dialog-content>
      <p class="message">
        Choose for each line what the customer gets once the goods are back. Replacement lines place a new
        order at no charge when they arrive.
      </p>
      <ul class="lines" aria-label="Lines to approve">
        @for (line of ret.lines; track line.id) {
          <li [attr.data-sku]="line.sku">
            <div class="what">
              <span class="tc-mono">{{ line.sku }}</span> {{ line.name }}
              <div class="tc-muted small">
                {{ line.quantity }} × {{ line.unitPrice | money }} · {{ reasonLabel(line.reason) }}
                @if (hasFee(line.feePercent)) {
                  · {{ percentWords(line.feePercent) }} restocking fee
                }
                @if (line.note) {
                  · “{{ line.note }}”
                }
              </div>
            </div>
            <mat-button-toggle-group
              [value]="resolution(line)"
              (change)="setResolution(line, $event.value)"
              [attr.aria-label]="'Resolution for ' + line.sku"
              hideSingleSelectionIndicator
            >
              <mat-button-toggle value="credit">Credit {{ credit(line) | money }}</mat-button-toggle>
              <mat-button-toggle value="replace">Replace</mat-button-toggle>
            </mat-button-toggle-group>
          </li>
        }
      </ul>
      @if (anyFee()) {
        <div class="waive">
          <mat-checkbox [checked]="waiveFee()" (change)="waiveFee.set($event.checked)"
            >Waive the restocking fee</mat-checkbox
          >
          @if (waiveFee()) {
            <mat-form-field class="reason" subscriptSizing="dynamic">
              <mat-label>Why it is waived</mat-label>
              <input
                matInput
                maxlength="500"
                [value]="reason()"
                (input)="reason.set($any($event.target).value)"
              />
            </mat-form-field>
          }
        </div>
      }
      <p class="total">
        Credit when everything is back: <strong>{{ total() | money }}</strong>
      </p>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Keep it</button>
      <button mat-flat-button type="button" (click)="approve()" [disabled]="working()">Approve return</button>
    </mat-dialog-actions>
  `,
  styles: `
    .message {
      margin: 0 0 8px;
      max-width: 60ch;
    }
    .lines {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      padding: 10px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .what {
      min-width: 0;
      flex: 1 1 240px;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .waive {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-top: 12px;
    }
    .reason {
      flex: 1 1 240px;
    }
    .total {
      margin: 16px 0 0;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
  `,
})
export class ApproveReturnDialog {
  readonly ret = inject<ProductReturn>(MAT_DIALOG_DATA);
  private readonly api = inject(ReturnsApi);
  private readonly dialogRef = inject<MatDialogRef<ApproveReturnDialog, ProductReturn>>(MatDialogRef);
  readonly resolutions = signal<Record<string, ReturnResolution>>(
    Object.fromEntries(this.ret.lines.map((line) => [line.id, line.resolution])),
  );
  readonly waiveFee = signal(false);
  readonly reason = signal('');
  readonly working = signal(false);
  readonly error = signal('');
  readonly reasonLabel = reasonLabel;
  readonly percentWords = percentWords;
  readonly hasFee = hasFee;
  readonly anyFee = computed(() => this.ret.lines.some((line) => hasFee(line.feePercent)));
  readonly total = computed(() =>
    sumCredits(
      this.ret.lines.filter((line) => this.resolution(line) === 'credit').map((line) => this.credit(line)),
    ),
  );

  resolution(line: ReturnLine): ReturnResolution {
    return this.resolutions()[line.id] ?? 'credit';
  }

  setResolution(line: ReturnLine, value: ReturnResolution): void {
    this.resolutions.update((all) => ({ ...all, [line.id]: value }));
  }

  credit(line: ReturnLine): string {
    return lineCredit(line.unitPrice, line.quantity, this.waiveFee() ? '0' : line.feePercent);
  }

  approve(): void {
    if (this.working()) return;
    if (this.waiveFee() && !this.reason().trim()) {
      this.error.set('Say why the restocking fee is waived.');
      return;
    }
    const body: ApproveReturnRequest = {
      lines: this.ret.lines.map((line) => ({ returnLineId: line.id, resolution: this.resolution(line) })),
      ...(this.waiveFee() ? { waiveFee: true, reason: this.reason().trim() } : {}),
    };
    this.working.set(true);
    this.error.set('');
    this.api.approve(this.ret.id, body).subscribe({
      next: (approved) => this.dialogRef.close(approved),
      error: (error: unknown) => {
        this.working.set(false);
        this.error.set(problemMessage(toProblem(error)));
      },
    });
  }
}

export function openApproveReturn(
  dialog: MatDialog,
  ret: ProductReturn,
): Observable<ProductReturn | undefined> {
  return dialog
    .open<ApproveReturnDialog, ProductReturn, ProductReturn>(ApproveReturnDialog, {
      data: ret,
      width: '640px',
      maxWidth: '95vw',
    })
    .afterClosed();
}
