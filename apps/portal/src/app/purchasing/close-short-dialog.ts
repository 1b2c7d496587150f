import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { PurchaseOrder } from '@tradecounter/contracts';
import { problemMessage, toProblem } from '../shared/problem';
import { openLines } from './purchase-order-rules';
import { PurchasingApi } from './purchasing-api';

/** Close a purchase order short: the open units of the chosen lines stop being supply. */
@Component({
  selector: 'tc-close-short-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Close {{ order.number }} short</h2>
    @if (working()) {
      <mat-progress-bar mode="indeterminate" aria-label="Working" />
    }
    <form (submit)="$event.preventDefault(); confirm()" novalidate>
      <mat-dialog-content>
        <p class="message">
          The open units of the lines you choose will not come: they stop counting as supply, and orders
          promised from them are promised again.
        </p>
        <fieldset class="lines">
          <legend>Lines to close</legend>
          @for (l of lines; track l.id) {
            <mat-checkbox [checked]="chosen().has(l.id)" (change)="toggle(l.id)">
              <span class="tc-mono">{{ l.sku }}</span> — {{ l.open }} open at {{ l.warehouseCode }}
            </mat-checkbox>
          }
        </fieldset>
        <mat-form-field class="reason">
          <mat-label>Reason</mat-label>
          <textarea matInput [formControl]="reason" rows="2" maxlength="500" cdkFocusInitial></textarea>
          <mat-error>Say why the rest will not come</mat-error>
        </mat-form-field>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep it open</button>
        <button mat-flat-button type="submit" [disabled]="working() || chosen().size === 0">
          Close short
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .message {
      margin: 0 0 12px;
      max-width: 52ch;
    }
    .lines {
      border: 0;
      padding: 0;
      margin: 0 0 12px;
      display: flex;
      flex-direction: column;
    }
    legend {
      font: var(--mat-sys-title-small);
    }
    .reason {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class CloseShortDialog {
  private readonly api = inject(PurchasingApi);
  private readonly dialogRef = inject<MatDialogRef<CloseShortDialog, PurchaseOrder>>(MatDialogRef);
  readonly order = inject<PurchaseOrder>(MAT_DIALOG_DATA);
  readonly lines = openLines(this.order);
  readonly chosen = signal(new Set(this.lines.map((line) => line.id)));
  readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  readonly working = signal(false);
  readonly error = signal('');

  toggle(id: string): void {
    const next = new Set(this.chosen());
    if (!next.delete(id)) next.add(id);
    this.chosen.set(next);
  }

  confirm(): void {
    const reason = this.reason.value.trim();
    if (!reason) {
      this.reason.markAsTouched();
      this.reason.setErrors({ required: true });
      return;
    }
    const all = this.chosen().size === this.lines.length;
    this.working.set(true);
    this.api.close(this.order.id, { reason, lineIds: all ? undefined : [...this.chosen()] }).subscribe({
      next: (order) => this.dialogRef.close(order),
      error: (error: unknown) => {
        this.working.set(false);
        this.error.set(problemMessage(toProblem(error)));
      },
    });
  }
}
