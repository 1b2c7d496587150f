import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { UpdatePriceTierRequest } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { formProblemText } from '../shared/problem';
import { percentValidator, toPercentString } from './percent-validator';
import { formatPercent } from './price-labels';
import { TierEditor } from './tier-editor';

/** The tier's name and default discount, saved with If-Match. */
@Component({
  selector: 'tc-tier-settings-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate aria-label="Tier settings">
      <div class="row">
        <mat-form-field class="name">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="60" />
          <mat-error>{{ fieldError(form.controls.name, 'Name') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="discount">
          <mat-label>Default discount (off list)</mat-label>
          <input matInput formControlName="discountPercent" required inputmode="decimal" />
          <span matTextSuffix>&nbsp;%</span>
          <mat-error>{{ fieldError(form.controls.discountPercent, 'Discount') }}</mat-error>
        </mat-form-field>
        @if (!readonly()) {
          <div class="tc-actions">
            <button mat-button type="button" (click)="reset()" [disabled]="saving() || form.pristine">
              Discard
            </button>
            <button mat-flat-button type="submit" [disabled]="saving() || form.pristine">
              {{ saving() ? 'Saving…' : 'Save settings' }}
            </button>
          </div>
        }
      </div>
      @if (formError()) {
        <p class="form-error" role="alert">{{ formError() }}</p>
      }
    </form>
  `,
  styles: `
    form {
      padding: 16px 20px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: flex-start;
    }
    .name {
      flex: 1 1 240px;
    }
    .discount {
      flex: 0 1 220px;
    }
    .tc-actions {
      padding-top: 8px;
    }
    .form-error {
      color: var(--mat-sys-error);
      margin: 4px 0 0;
    }
  `,
})
export class TierSettingsForm extends TierEditor {
  readonly fieldError = fieldError;
  readonly formError = signal('');
  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(60)]],
    discountPercent: ['', [Validators.required, percentValidator()]],
  });

  constructor() {
    super();
    effect(() => {
      this.tier();
      this.readonly();
      // Resetting reads the form's own state signals: never track them here.
      untracked(() => this.reset());
    });
  }

  reset(): void {
    const tier = this.tier();
    this.formError.set('');
    this.form.reset({ name: tier.name, discountPercent: formatPercent(tier.discountPercent) });
    if (this.readonly()) this.form.disable();
    else this.form.enable();
  }

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const tier = this.tier();
    const value = this.form.getRawValue();
    const changes: UpdatePriceTierRequest = {};
    if (value.name.trim() !== tier.name) changes.name = value.name.trim();
    const discount = toPercentString(value.discountPercent);
    if (formatPercent(discount) !== formatPercent(tier.discountPercent)) changes.discountPercent = discount;
    if (Object.keys(changes).length === 0) {
      this.form.markAsPristine();
      return;
    }
    this.formError.set('');
    this.change(
      this.api.updateTier(tier.id, changes, this.etag()),
      (saved) => `${saved.name} saved`,
      (error) => this.formError.set(formProblemText(error, this.form)),
    );
  }
}
