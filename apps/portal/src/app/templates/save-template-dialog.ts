import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { OrderTemplate } from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { fieldError } from '../shared/form-errors';
import { formProblemText } from '../shared/problem';
import { TemplatesApi } from './templates-api';

/** Where the new template's lines come from. */
export type TemplateSource = { fromCart: true } | { fromOrderId: string; orderNumber: string };

/** Names and saves a template from the cart or a past order; closes with it. */
@Component({
  selector: 'tc-save-template-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Save as template</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="tc-muted intro">
          {{ 'fromCart' in source ? 'The lines in your cart' : 'The lines of order ' + source.orderNumber }}
          become a list you can add to the cart again in one click.
        </p>
        <mat-form-field class="name">
          <mat-label>Template name</mat-label>
          <input matInput formControlName="name" required maxlength="100" cdkFocusInitial />
          <mat-error>{{ fieldError(form.controls.name, 'Name') }}</mat-error>
        </mat-form-field>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Save template</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .intro {
      margin: 0 0 16px;
      max-width: 52ch;
    }
    .name {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
  `,
})
export class SaveTemplateDialog {
  private readonly api = inject(TemplatesApi);
  private readonly dialogRef = inject<MatDialogRef<SaveTemplateDialog, OrderTemplate>>(MatDialogRef);
  readonly source = inject<TemplateSource>(MAT_DIALOG_DATA);
  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
  });
  readonly saving = signal(false);
  readonly error = signal('');
  readonly fieldError = fieldError;

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set('');
    const name = this.form.controls.name.value.trim();
    const body =
      'fromCart' in this.source ? { name, fromCart: true } : { name, fromOrderId: this.source.fromOrderId };
    this.api.create(body).subscribe({
      next: (template) => this.dialogRef.close(template),
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(formProblemText(error, this.form));
      },
    });
  }
}

export function openSaveTemplate(
  dialog: MatDialog,
  source: TemplateSource,
): Observable<OrderTemplate | undefined> {
  return dialog
    .open<SaveTemplateDialog, TemplateSource, OrderTemplate>(SaveTemplateDialog, {
      data: source,
      width: '480px',
      maxWidth: '95vw',
    })
    .afterClosed();
}
