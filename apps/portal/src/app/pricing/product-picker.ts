import { ChangeDetectionStrategy, Component, forwardRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ControlValueAccessor, FormControl, NG_VALUE_ACCESSOR, ReactiveFormsModule } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap } from 'rxjs';
import { CatalogApi } from '../catalog/catalog-api';

/** The few product fields a pricing form needs. */
export interface ProductRef {
  id: string;
  sku: string;
  name: string;
}

const SEARCH_DEBOUNCE_MS = 250;

/**
 * A product chosen by typing its SKU or name (GET /api/products?search=).
 * Its value is the picked product, or null while the text matches none.
 */
@Component({
  selector: 'tc-product-picker',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => ProductPicker), multi: true }],
  template: `
    <mat-form-field class="picker">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [formControl]="text"
        [matAutocomplete]="auto"
        autocomplete="off"
        placeholder="SKU or name"
        [errorStateMatcher]="matcher"
        (blur)="touched()"
      />
      <mat-autocomplete
        #auto="matAutocomplete"
        [displayWith]="display"
        (optionSelected)="pick($event.option.value)"
      >
        @for (p of options(); track p.id) {
          <mat-option [value]="p"
            ><span class="sku">{{ p.sku }}</span> {{ p.name }}</mat-option
          >
        }
      </mat-autocomplete>
      @if (error()) {
        <mat-error>{{ error() }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .picker {
      width: 100%;
    }
    .sku {
      font-family: ui-monospace, Menlo, Consolas, monospace;
      color: var(--mat-sys-primary);
      margin-right: 4px;
    }
  `,
})
export class ProductPicker implements ControlValueAccessor {
  private readonly api = inject(CatalogApi);
  readonly label = input('Product');
  /** The message under the field; shown when set and the field was touched. */
  readonly error = input('');
  readonly text = new FormControl<ProductRef | string>('', { nonNullable: true });
  readonly options = signal<ProductRef[]>([]);
  /** The field shows red whenever the owner passes an error. */
  readonly matcher: ErrorStateMatcher = { isErrorState: () => !!this.error() };
  private onChange: (value: ProductRef | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  readonly display = (value: ProductRef | string | null): string =>
    typeof value === 'string' ? value : value ? `${value.sku} — ${value.name}` : '';

  constructor() {
    this.text.valueChanges
      .pipe(
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        switchMap((search) =>
          search
            ? this.api.products({ search, pageSize: 10 }).pipe(
                map((page) => page.items.map(({ id, sku, name }) => ({ id, sku, name }))),
                catchError(() => of([])),
              )
            : of([]),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((options) => this.options.set(options));
    // Typing after a pick drops the pick until another option is chosen.
    this.text.valueChanges
      .pipe(
        filter((value) => typeof value === 'string'),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.onChange(null));
  }

  pick(product: ProductRef): void {
    this.onChange(product);
  }

  touched(): void {
    this.onTouched();
  }

  writeValue(value: ProductRef | null): void {
    this.text.setValue(value ?? '', { emitEvent: false });
  }

  registerOnChange(fn: (value: ProductRef | null) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    if (disabled) this.text.disable({ emitEvent: false });
    else this.text.enable({ emitEvent: false });
  }
}
