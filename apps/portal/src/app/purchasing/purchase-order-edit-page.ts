import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { PurchaseOrder, PurchaseOrderLineRequest, Supplier, Warehouse } from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { ProductPicker, type ProductRef } from '../catalog/product-picker';
import { ErrorState } from '../shared/error-state';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { LoadingState } from '../shared/loading-state';
import { toMoneyString } from '../shared/money-format';
import { moneyValidator } from '../shared/money-validator';
import { formProblemText, toProblem } from '../shared/problem';
import { WarehousesApi } from '../warehouses/warehouses-api';
import { PurchasingApi } from './purchasing-api';

type LineForm = FormGroup<{
  product: FormControl<ProductRef | null>;
  warehouseCode: FormControl<string>;
  quantity: FormControl<number | null>;
  unitCost: FormControl<string>;
  expectedDate: FormControl<string>;
}>;

/**
 * A draft purchase order, new (`/purchasing/orders/new`) or changed
 * (`/purchasing/orders/:id/edit`): supplier, lines, quantities and costs.
 * A product's unit cost is filled in from its purchasing facts; the expected
 * date may be left to the supplier's lead time, counted when the order is sent.
 */
@Component({
  selector: 'tc-purchase-order-edit-page',
  imports: [
    ErrorState,
    LoadingState,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ProductPicker,
    ReactiveFormsModule,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './purchase-order-edit-page.html',
  styleUrl: './purchase-order-edit-page.scss',
})
export class PurchaseOrderEditPage {
  private readonly api = inject(PurchasingApi);
  private readonly router = inject(Router);

  /** Route parameter; absent for a new order. */
  readonly id = input<string>();
  readonly fieldError = fieldError;
  readonly suppliers = toSignal(this.api.suppliers().pipe(catchError(() => of<Supplier[]>([]))));
  readonly warehouses = toSignal(
    inject(WarehousesApi)
      .list()
      .pipe(catchError(() => of<Warehouse[]>([]))),
    { initialValue: [] },
  );
  readonly existing = signal<PurchaseOrder | undefined>(undefined);
  readonly loading = signal(false);
  readonly loadProblem = signal<ReturnType<typeof toProblem> | undefined>(undefined);
  readonly saving = signal(false);
  readonly formError = signal('');
  /** Someone else saved the draft since it was read (412). */
  readonly stale = signal(false);

  readonly form = new FormGroup({
    supplierCode: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(1000)] }),
    lines: new FormArray<LineForm>([]),
  });
  readonly title = computed(() => {
    const o = this.existing();
    return o ? `Edit ${o.number}` : 'New purchase order';
  });

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) this.load(id);
      else if (this.form.controls.lines.length === 0) untracked(() => this.addLine());
    });
    // Warehouses load after the first line is made: give lines without one the default.
    effect(() => {
      const code = this.warehouses().find((w) => w.isDefault)?.code;
      if (!code) return;
      for (const line of this.lines.controls) {
        if (!line.controls.warehouseCode.value) line.controls.warehouseCode.setValue(code);
      }
    });
  }

  get lines(): FormArray<LineForm> {
    return this.form.controls.lines;
  }

  addLine(): void {
    const defaultWarehouse = this.warehouses().find((w) => w.isDefault)?.code ?? '';
    this.lines.push(this.lineForm({ warehouseCode: defaultWarehouse }));
  }

  removeLine(index: number): void {
    this.lines.removeAt(index);
  }

  /** A product picked on a line: its unit cost comes from its purchasing facts, when it has them. */
  productPicked(line: LineForm): void {
    const product = line.controls.product.value;
    if (!product) return;
    this.api.supply(product.id).subscribe({
      next: (supply) => {
        if (!line.controls.unitCost.dirty) line.controls.unitCost.setValue(supply.unitCost);
        if (!this.form.controls.supplierCode.value)
          this.form.controls.supplierCode.setValue(supply.supplierCode);
      },
      error: () => undefined,
    });
  }

  reload(): void {
    const id = this.id();
    if (id) this.load(id);
  }

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { supplierCode, notes } = this.form.getRawValue();
    const lines = this.lines.controls.map((line): PurchaseOrderLineRequest => {
      const value = line.getRawValue();
      return {
        productId: value.product?.id ?? '',
        warehouseCode: value.warehouseCode,
        quantity: Number(value.quantity),
        unitCost: value.unitCost.trim() ? toMoneyString(value.unitCost.trim()) : undefined,
        expectedDate: value.expectedDate || undefined,
      };
    });
    const existing = this.existing();
    this.saving.set(true);
    this.formError.set('');
    const request = existing
      ? this.api.updateOrder(existing, { notes: notes.trim() || null, lines })
      : this.api.createOrder({ supplierCode, notes: notes.trim() || undefined, lines });
    request.subscribe({
      next: (order) => void this.router.navigate(['/purchasing/orders', order.id]),
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 412) {
          this.stale.set(true);
          return;
        }
        this.formError.set(formProblemText(error, this.form));
      },
    });
  }

  private load(id: string): void {
    this.loading.set(true);
    this.stale.set(false);
    this.api.order(id).subscribe({
      next: (order) => {
        this.existing.set(order);
        this.form.controls.supplierCode.setValue(order.supplierCode);
        // Lines replace the draft's lines as a whole; the supplier is fixed once drafted.
        this.form.controls.supplierCode.disable();
        this.form.controls.notes.setValue(order.notes ?? '');
        this.lines.clear();
        for (const line of order.lines) {
          this.lines.push(
            this.lineForm({
              product: { id: line.productId, sku: line.sku, name: line.name },
              warehouseCode: line.warehouseCode,
              quantity: line.quantity,
              unitCost: line.unitCost,
              expectedDate: line.expectedDate,
            }),
          );
        }
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadProblem.set(toProblem(error));
      },
    });
  }

  private lineForm(value: {
    product?: ProductRef;
    warehouseCode: string;
    quantity?: number;
    unitCost?: string;
    expectedDate?: string;
  }): LineForm {
    const line: LineForm = new FormGroup({
      product: new FormControl<ProductRef | null>(value.product ?? null, [Validators.required]),
      warehouseCode: new FormControl(value.warehouseCode, {
        nonNullable: true,
        validators: [Validators.required],
      }),
      quantity: new FormControl<number | null>(value.quantity ?? null, [
        Validators.required,
        Validators.min(1),
        Validators.max(1_000_000),
        integerValidator(),
      ]),
      unitCost: new FormControl(value.unitCost ?? '', { nonNullable: true, validators: [moneyValidator()] }),
      expectedDate: new FormControl(value.expectedDate ?? '', { nonNullable: true }),
    });
    // The form lives as long as the page: no unsubscribe needed.
    line.controls.product.valueChanges.subscribe(() => this.productPicked(line));
    return line;
  }
}
