import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import type { Problem, VolumeBreak, VolumeBreakInput } from '@tradecounter/contracts';
import { percentValidator, toPercentString } from './percent-validator';
import { formatPercent } from './price-labels';
import type { ProductRef } from '../catalog/product-picker';

export type BreakScope = 'all' | 'product';

export type BreakRow = FormGroup<{
  scope: FormControl<BreakScope>;
  product: FormControl<ProductRef | null>;
  minQty: FormControl<number | null>;
  discountPercent: FormControl<string>;
}>;

/** Tier-wide breaks first, then each product's, each by quantity. */
export function sortBreaks(breaks: readonly VolumeBreak[]): VolumeBreak[] {
  return [...breaks].sort(
    (a, b) =>
      Number(a.productId !== null) - Number(b.productId !== null) ||
      (a.sku ?? '').localeCompare(b.sku ?? '') ||
      a.minQty - b.minQty,
  );
}

export function breakRow(value: VolumeBreak | null = null): BreakRow {
  const product: ProductRef | null = value?.productId
    ? { id: value.productId, sku: value.sku ?? '', name: value.productName ?? '' }
    : null;
  return new FormGroup({
    scope: new FormControl<BreakScope>(value?.productId ? 'product' : 'all', { nonNullable: true }),
    product: new FormControl<ProductRef | null>(product, [productWhenScoped]),
    minQty: new FormControl<number | null>(value?.minQty ?? null, [
      Validators.required,
      Validators.min(1),
      integer,
      uniqueInScope,
    ]),
    discountPercent: new FormControl(value ? formatPercent(value.discountPercent) : '', {
      nonNullable: true,
      validators: [Validators.required, percentValidator()],
    }),
  });
}

/** The key of the scope a row's break competes in: tier-wide or one product. */
function scopeKey(row: BreakRow): string {
  const { scope, product } = row.getRawValue();
  return scope === 'all' ? '*' : (product?.id ?? '?');
}

function integer(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  return value === null || value === '' || Number.isInteger(value) ? null : { integer: true };
}

function productWhenScoped(control: AbstractControl): ValidationErrors | null {
  const row = control.parent as BreakRow | null;
  return row && row.controls.scope.value === 'product' && !control.value ? { required: true } : null;
}

/** Mirrors the server: one break per quantity within the same scope. */
function uniqueInScope(control: AbstractControl): ValidationErrors | null {
  const row = control.parent as BreakRow | null;
  const rows = row?.parent as FormArray<BreakRow> | null;
  if (!row || !rows || control.value === null) return null;
  const key = scopeKey(row);
  const clash = rows.controls.some(
    (other) => other !== row && scopeKey(other) === key && other.controls.minQty.value === control.value,
  );
  if (!clash) return null;
  const scope = key === '*' ? 'all products' : 'this product';
  return { duplicate: `Another break for ${scope} starts at ${String(control.value)}` };
}

/** Cross-row rules depend on the other rows: re-check them after any change. */
export function revalidateRows(rows: FormArray<BreakRow>): void {
  for (const row of rows.controls) {
    row.controls.product.updateValueAndValidity({ emitEvent: false });
    row.controls.minQty.updateValueAndValidity({ emitEvent: false });
  }
}

export function toBreakInputs(rows: FormArray<BreakRow>): VolumeBreakInput[] {
  return rows.controls.map((row) => {
    const { scope, product, minQty, discountPercent } = row.getRawValue();
    return {
      productId: scope === 'all' ? null : (product?.id ?? null),
      minQty: minQty ?? 0,
      discountPercent: toPercentString(discountPercent),
    };
  });
}

const ROW_FIELD: Record<string, 'product' | 'minQty' | 'discountPercent'> = {
  productId: 'product',
  minQty: 'minQty',
  discountPercent: 'discountPercent',
};

/** Puts `[i].field` errors of a 400 on their rows; returns the messages no row took. */
export function applyProblemToRows(problem: Problem, rows: FormArray<BreakRow>): string[] {
  const unmatched: string[] = [];
  for (const { field, message } of problem.errors ?? []) {
    const match = /^\[(\d+)\]\.(\w+)$/.exec(field ?? '');
    const name = match ? ROW_FIELD[match[2]] : undefined;
    const row = match ? rows.at(Number(match[1])) : undefined;
    if (row && name) {
      const control = row.controls[name];
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      unmatched.push(field ? `${field}: ${message}` : message);
    }
  }
  return unmatched;
}
