import { ChangeDetectionStrategy, Component, effect, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { PriceTier } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { problemMessage, toProblem } from '../shared/problem';
import {
  applyProblemToRows,
  breakRow,
  type BreakRow,
  revalidateRows,
  sortBreaks,
  toBreakInputs,
} from './break-rows';
import { PercentPipe } from './percent.pipe';
import { ProductPicker } from '../catalog/product-picker';
import { TierEditor } from './tier-editor';

/**
 * The tier's volume breaks as editable rows; Save replaces the whole set
 * (PUT …/breaks with If-Match).
 */
@Component({
  selector: 'tc-tier-breaks-editor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    PercentPipe,
    ProductPicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving breaks" />
    }
    <p class="intro tc-muted">
      The largest break at or below the ordered quantity applies on top of the tier price. A product's own
      breaks replace the tier-wide ones for that product.
    </p>
    @if (readonly()) {
      @if (tier().breaks.length === 0) {
        <p class="intro">No volume breaks.</p>
      } @else {
        <ul class="readonly-list" aria-label="Volume breaks">
          @for (b of sorted(); track $index) {
            <li>
              <span class="scope">{{ b.productId ? b.sku + ' ' + b.productName : 'All products' }}</span>
              <span>{{ b.minQty }}+ at {{ b.discountPercent | percentText }} off</span>
            </li>
          }
        </ul>
      }
    } @else {
      <!-- A FormArray has no form directive here: handle the native submit. -->
      <form (submit)="submit($event)" novalidate aria-label="Volume breaks">
        <div class="rows" [attr.role]="rows.length > 0 ? 'list' : null">
          @for (row of rows.controls; track row; let i = $index) {
            <div
              class="row"
              role="listitem"
              [formGroup]="row"
              [attr.aria-label]="'Break ' + (i + 1)"
              [attr.data-sku]="
                row.controls.scope.value === 'product' ? (row.controls.product.value?.sku ?? '') : '*'
              "
            >
              <mat-form-field class="scope">
                <mat-label>Applies to</mat-label>
                <mat-select formControlName="scope">
                  <mat-option value="all">All products</mat-option>
                  <mat-option value="product">One product</mat-option>
                </mat-select>
              </mat-form-field>
              @if (row.controls.scope.value === 'product') {
                <tc-product-picker
                  class="product"
                  formControlName="product"
                  [error]="row.controls.product.touched ? fieldError(row.controls.product, 'Product') : ''"
                />
              } @else {
                <div class="product all tc-muted">Every product without its own breaks</div>
              }
              <mat-form-field class="qty">
                <mat-label>Min qty</mat-label>
                <input matInput type="number" min="1" step="1" formControlName="minQty" />
                <mat-error>{{ fieldError(row.controls.minQty, 'Min qty') }}</mat-error>
              </mat-form-field>
              <mat-form-field class="pct">
                <mat-label>Discount</mat-label>
                <input matInput formControlName="discountPercent" inputmode="decimal" />
                <span matTextSuffix>&nbsp;%</span>
                <mat-error>{{ fieldError(row.controls.discountPercent, 'Discount') }}</mat-error>
              </mat-form-field>
              <button
                mat-icon-button
                type="button"
                class="remove"
                (click)="remove(i)"
                [attr.aria-label]="'Remove break ' + (i + 1)"
              >
                <mat-icon svgIcon="close" />
              </button>
            </div>
          } @empty {
            <p class="tc-muted">No volume breaks. Add one to reward larger orders.</p>
          }
        </div>
        @if (formError()) {
          <p class="form-error" role="alert">{{ formError() }}</p>
        }
        <div class="footer">
          <button mat-stroked-button type="button" (click)="add()">
            <mat-icon svgIcon="add" />Add break
          </button>
          <span class="spacer"></span>
          @if (rows.dirty) {
            <span class="tc-muted">Unsaved changes</span>
          }
          <button mat-button type="button" (click)="reset()" [disabled]="saving() || !rows.dirty">
            Discard
          </button>
          <button mat-flat-button type="submit" [disabled]="saving() || !rows.dirty">
            {{ saving() ? 'Saving…' : 'Save breaks' }}
          </button>
        </div>
      </form>
    }
  `,
  styles: `
    .intro {
      margin: 8px 20px 12px;
    }
    form {
      padding: 0 20px 16px;
    }
    .rows {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
      padding: 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .scope {
      flex: 0 0 170px;
    }
    .product {
      flex: 1 1 260px;
      min-width: 200px;
    }
    .product.all {
      padding-top: 16px;
    }
    .qty {
      flex: 0 0 110px;
    }
    .pct {
      flex: 0 0 120px;
    }
    .remove {
      margin-top: 4px;
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 12px;
    }
    .spacer {
      flex: 1 1 auto;
    }
    .form-error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
    .readonly-list {
      margin: 0;
      padding: 0 20px 16px 40px;
      li {
        margin: 4px 0;
      }
      .scope {
        font-weight: 500;
        margin-right: 8px;
      }
    }
  `,
})
export class TierBreaksEditor extends TierEditor {
  readonly fieldError = fieldError;
  readonly rows = new FormArray<BreakRow>([]);
  readonly formError = signal('');
  readonly sorted = signal<PriceTier['breaks']>([]);

  constructor() {
    super();
    effect(() => {
      const breaks = sortBreaks(this.tier().breaks);
      // Resetting reads the form's own state signals: never track them here.
      untracked(() => {
        this.sorted.set(breaks);
        this.reset();
      });
    });
    this.rows.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => revalidateRows(this.rows));
  }

  add(): void {
    this.rows.push(breakRow());
    this.rows.markAsDirty();
  }

  remove(index: number): void {
    this.rows.removeAt(index);
    this.rows.markAsDirty();
  }

  reset(): void {
    this.formError.set('');
    this.rows.clear({ emitEvent: false });
    for (const b of this.sorted()) this.rows.push(breakRow(b), { emitEvent: false });
    revalidateRows(this.rows);
    this.rows.markAsPristine();
  }

  submit(event: Event): void {
    event.preventDefault();
    this.save();
  }

  save(): void {
    revalidateRows(this.rows);
    if (this.rows.invalid || this.saving()) {
      this.rows.markAllAsTouched();
      this.formError.set('Fix the highlighted breaks before saving.');
      return;
    }
    this.formError.set('');
    this.change(
      this.api.replaceBreaks(this.tier().id, toBreakInputs(this.rows), this.etag()),
      (saved) => `${saved.name} breaks saved`,
      (error) => {
        const problem = toProblem(error);
        const unmatched = applyProblemToRows(problem, this.rows);
        this.formError.set(
          unmatched.length
            ? unmatched.join('; ')
            : problem.errors?.length
              ? 'Fix the highlighted breaks before saving.'
              : problemMessage(problem),
        );
      },
    );
  }
}
