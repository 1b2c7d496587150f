import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import {
  FormArray,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { OrderTemplate, OrderTemplateLine } from '@tradecounter/contracts';
import type { PackRules } from '@tradecounter/domain';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { packRulesValidator } from '../shared/pack-quantity';
import { formProblemText, problemMessage, toProblem } from '../shared/problem';
import { TemplateAddProduct, type ProductToAdd } from './template-add-product';
import { placeProduct } from './template-lines';
import { TemplatesApi } from './templates-api';

/** A line's quantity: a positive whole number, and whole packs once the product's rules are known. */
function quantityValidators(rules?: PackRules): ValidatorFn[] {
  return [
    Validators.required,
    Validators.min(1),
    integerValidator(),
    ...(rules ? [packRulesValidator(rules)] : []),
  ];
}

/** Rename a template, change or remove its lines and add products; closes with the saved template. */
@Component({
  selector: 'tc-template-edit-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TemplateAddProduct,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Edit template</h2>
    @if (working()) {
      <mat-progress-bar mode="indeterminate" aria-label="Working" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <mat-form-field class="name">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="100" />
          <mat-error>{{ fieldError(form.controls.name, 'Name') }}</mat-error>
        </mat-form-field>
        @if (lines().length === 0 && !working()) {
          <p class="tc-muted">No lines yet: add a product below, or save to keep an empty template.</p>
        }
        <ul class="lines" formArrayName="quantities" aria-label="Template lines">
          @for (line of lines(); track line.productId; let i = $index) {
            <li [attr.data-sku]="line.sku">
              <div class="product">
                <span class="tc-mono">{{ line.sku }}</span> {{ line.name }}
                @if (!line.active) {
                  <span class="tc-status tc-status-inactive">No longer sold</span>
                }
              </div>
              <mat-form-field class="qty">
                <mat-label>Qty</mat-label>
                <input
                  matInput
                  type="number"
                  min="1"
                  [formControlName]="i"
                  [attr.aria-label]="'Quantity of ' + line.sku"
                />
                <mat-error>{{ fieldError(quantities.at(i), 'Quantity') }}</mat-error>
              </mat-form-field>
              <button
                mat-icon-button
                type="button"
                (click)="removeLine(i)"
                [attr.aria-label]="'Remove ' + line.sku"
              >
                <mat-icon svgIcon="delete" />
              </button>
            </li>
          }
        </ul>
        @if (!loadingLines()) {
          <tc-template-add-product (added)="addProduct($event)" />
        }
        <p class="status tc-muted" role="status">{{ status() }}</p>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="working() || loadingLines()">Save</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .name {
      width: 100%;
    }
    .lines {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      li {
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 4px 0;
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .product {
      flex: 1 1 auto;
    }
    .qty {
      width: 100px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    tc-template-add-product {
      display: block;
      margin-top: 12px;
    }
    .status {
      min-height: 1.5em;
      margin: 0;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class TemplateEditDialog {
  private readonly api = inject(TemplatesApi);
  private readonly dialogRef = inject<MatDialogRef<TemplateEditDialog, OrderTemplate>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly id = inject<{ id: string }>(MAT_DIALOG_DATA).id;
  readonly fieldError = fieldError;
  readonly lines = signal<OrderTemplateLine[]>([]);
  readonly quantities: FormArray = this.fb.array<number>([]);
  readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    quantities: this.quantities,
  });
  readonly working = signal(true);
  readonly loadingLines = signal(true);
  readonly error = signal('');
  /** What the last Add did, for the buyer and screen readers. */
  readonly status = signal('');
  private readonly addRow = viewChild(TemplateAddProduct);

  constructor() {
    this.api.get(this.id).subscribe({
      next: (template) => {
        this.form.controls.name.setValue(template.name);
        for (const line of template.lines) {
          this.quantities.push(this.fb.control(line.quantity, quantityValidators()));
        }
        this.lines.set(template.lines);
        this.working.set(false);
        this.loadingLines.set(false);
      },
      error: (error: unknown) => {
        this.working.set(false);
        this.error.set(problemMessage(toProblem(error)));
      },
    });
  }

  /** A product already on the template adds to its line; else it gets a new line at the end. */
  addProduct({ product, quantity }: ProductToAdd): void {
    const placement = placeProduct(this.lines(), this.quantities.getRawValue(), product.id, quantity);
    if (placement.merged) {
      const control = this.quantities.at(placement.index);
      control.setValidators(quantityValidators(product));
      control.setValue(placement.quantity);
      control.markAsTouched();
      this.status.set(`${product.sku} was already on the template: now ${placement.quantity}.`);
    } else {
      this.quantities.push(this.fb.control(quantity, quantityValidators(product)));
      this.lines.update((lines) => [
        ...lines,
        { productId: product.id, sku: product.sku, name: product.name, quantity, active: true },
      ]);
      this.status.set(`Added ${quantity} × ${product.sku}.`);
    }
  }

  removeLine(index: number): void {
    this.quantities.removeAt(index);
    this.lines.update((lines) => lines.filter((_, i) => i !== index));
  }

  save(): void {
    // A product picked but not yet added is added first (or its quantity shown as refused).
    if (this.addRow()?.add() === false) return;
    if (this.form.invalid || this.working()) {
      this.form.markAllAsTouched();
      return;
    }
    this.working.set(true);
    this.error.set('');
    const quantities = this.quantities.getRawValue() as (number | string)[];
    const body = {
      name: this.form.controls.name.value.trim(),
      lines: this.lines().map((line, i) => ({ productId: line.productId, quantity: Number(quantities[i]) })),
    };
    this.api.update(this.id, body).subscribe({
      next: (template) => this.dialogRef.close(template),
      error: (error: unknown) => {
        this.working.set(false);
        this.error.set(formProblemText(error, this.form));
      },
    });
  }
}
