import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { CaseBarcode, CreateProductRequest, Product } from '@tradecounter/contracts';
import { catchError, map, Observable, of, startWith, tap } from 'rxjs';
import { fieldError } from '../shared/form-errors';
import { toMoneyString } from '../shared/money-format';
import { moneyValidator } from '../shared/money-validator';
import { formProblemText } from '../shared/problem';
import { CatalogApi } from './catalog-api';
import { ImageChange, ProductImageField } from './product-image-field';

export interface ProductFormData {
  /** null to create a product. */
  product: Product | null;
}

/** Create or edit a product (admin); closes with the saved product. */
@Component({
  selector: 'tc-product-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    ProductImageField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-form-dialog.html',
  styles: `
    .toggles {
      display: flex;
      gap: 24px;
      flex-wrap: wrap;
      padding: 4px 0 12px;
    }
    .form-error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
    .barcodes {
      margin: 0 0 8px;
      padding: 0;
      border: 0;
      legend {
        font: var(--mat-sys-title-small);
        margin-bottom: 8px;
      }
    }
    .cases {
      list-style: none;
      margin: 0;
      padding: 0;
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        gap: 0 8px;
      }
      .code {
        flex: 1 1 220px;
      }
      .qty {
        flex: 0 0 130px;
      }
    }
  `,
})
export class ProductFormDialog {
  private readonly api = inject(CatalogApi);
  private readonly dialogRef = inject<MatDialogRef<ProductFormDialog, Product>>(MatDialogRef);
  readonly data = inject<ProductFormData>(MAT_DIALOG_DATA);
  readonly fieldError = fieldError;
  readonly saving = signal(false);
  readonly formError = signal('');
  readonly isNew = this.data.product === null;
  /** The product as saved so far: set once created, should its image then fail to upload. */
  private readonly saved = signal<Product | null>(this.data.product);
  private imageChange: ImageChange = { kind: 'keep' };

  readonly form = inject(NonNullableFormBuilder).group({
    sku: [this.data.product?.sku ?? '', [Validators.required, Validators.maxLength(64)]],
    name: [this.data.product?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    description: [this.data.product?.description ?? ''],
    category: [this.data.product?.category ?? '', Validators.required],
    unit: [this.data.product?.unit ?? 'each', Validators.required],
    listPrice: [this.data.product?.listPrice ?? '', [Validators.required, moneyValidator()]],
    minOrderQty: [this.data.product?.minOrderQty ?? 1, [Validators.required, Validators.min(1)]],
    orderMultiple: [this.data.product?.orderMultiple ?? 1, [Validators.required, Validators.min(1)]],
    leadTimeDays: [this.data.product?.leadTimeDays ?? 5, [Validators.required, Validators.min(0)]],
    backorderable: [this.data.product?.backorderable ?? true],
    active: [this.data.product?.active ?? true],
    barcode: [this.data.product?.barcode ?? '', [Validators.maxLength(40), Validators.pattern(/^\S*$/)]],
    caseBarcodes: new FormArray((this.data.product?.caseBarcodes ?? []).map((c) => caseRow(c))),
  });
  readonly cases = this.form.controls.caseBarcodes;

  private readonly categoryText = toSignal(
    this.form.controls.category.valueChanges.pipe(startWith(this.form.controls.category.value)),
    {
      initialValue: '',
    },
  );
  private readonly categories = toSignal(this.api.categories().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  /** Existing categories matching what was typed, to keep their spelling consistent. */
  readonly categoryOptions = computed(() => {
    const text = this.categoryText().toLowerCase();
    return this.categories()
      .map((category) => category.name)
      .filter((name) => name.toLowerCase().includes(text));
  });

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set('');
    const saved = this.saved();
    const request$ = saved ? this.api.update(saved.id, this.changes()) : this.api.create(this.body());
    request$.subscribe({
      next: (product) => {
        this.saved.set(product);
        this.form.markAsPristine();
        this.applyImage(product).subscribe({
          next: (withImage) => this.dialogRef.close(withImage),
          error: (error: unknown) => {
            this.formError.set(
              `${product.sku} is saved, but its image is not: ${formProblemText(error, this.form)}`,
            );
            this.saving.set(false);
          },
        });
      },
      error: (error: unknown) => {
        this.formError.set(formProblemText(error, this.form));
        this.saving.set(false);
      },
    });
  }

  addCase(): void {
    this.cases.push(caseRow());
    this.cases.markAsDirty();
  }

  removeCase(index: number): void {
    this.cases.removeAt(index);
    this.cases.markAsDirty();
  }

  imageChanged(change: ImageChange): void {
    this.imageChange = change;
  }

  /** Uploads or removes the image once the product is saved; the product with its image URLs. */
  private applyImage(product: Product): Observable<Product> {
    const change = this.imageChange;
    if (change.kind === 'replace') {
      return this.api.putImage(product.id, change.file).pipe(
        tap(() => (this.imageChange = { kind: 'keep' })),
        map(({ imageUrl, thumbnailUrl }) => ({ ...product, imageUrl, thumbnailUrl })),
      );
    }
    if (change.kind === 'remove') {
      return this.api
        .removeImage(product.id)
        .pipe(map(() => ({ ...product, imageUrl: null, thumbnailUrl: null })));
    }
    return of(product);
  }

  private body(): CreateProductRequest {
    const { barcode, caseBarcodes, ...value } = this.form.getRawValue();
    const cases = caseBarcodes.map((c) => ({ code: c.code.trim(), qty: Number(c.qty) }));
    return {
      ...value,
      // Sent only when set (a new product) or changed (see changes()).
      ...(barcode.trim() || this.form.controls.barcode.dirty ? { barcode: barcode.trim() || null } : {}),
      ...(cases.length || this.cases.dirty ? { caseBarcodes: cases } : {}),
      sku: value.sku.trim(),
      name: value.name.trim(),
      description: value.description.trim() || null,
      category: value.category.trim(),
      unit: value.unit.trim(),
      listPrice: toMoneyString(value.listPrice),
      minOrderQty: Number(value.minOrderQty),
      orderMultiple: Number(value.orderMultiple),
      leadTimeDays: Number(value.leadTimeDays),
    };
  }

  /** Only the fields the admin changed, so the audit trail shows just those. */
  private changes(): Partial<CreateProductRequest> {
    const body = this.body();
    const changed: Partial<CreateProductRequest> = {};
    // The body's keys are the form's controls (barcodes, when the form has none, are not among them).
    for (const key of Object.keys(body) as (keyof CreateProductRequest & keyof typeof this.form.controls)[]) {
      if (this.form.controls[key].dirty) Object.assign(changed, { [key]: body[key] });
    }
    return changed;
  }
}

/** One case barcode row: the code and how many units the case holds (at least 2). */
function caseRow(value?: CaseBarcode) {
  return new FormGroup({
    code: new FormControl(value?.code ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(40), Validators.pattern(/^\S*$/)],
    }),
    qty: new FormControl(value?.qty ?? 2, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(2), Validators.max(100_000)],
    }),
  });
}
