import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  forwardRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ControlValueAccessor, FormControl, NG_VALUE_ACCESSOR, ReactiveFormsModule } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Product } from '@tradecounter/contracts';
import { catchError, debounceTime, filter, map, of, switchMap } from 'rxjs';
import { MoneyPipe } from '../shared/money.pipe';
import { CatalogApi } from './catalog-api';

/** The few product fields a form needs to name a product (what a picker can be given back). */
export interface ProductRef {
  id: string;
  sku: string;
  name: string;
}

const SEARCH_DEBOUNCE_MS = 250;

/**
 * A product chosen by typing its SKU or name (GET /api/products?search=).
 * Its value is the picked catalog `Product` (pack rules and, for a customer
 * user, their price included), or null while the text matches none. A value
 * written in may be just a `ProductRef`.
 */
@Component({
  selector: 'tc-product-picker',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => ProductPicker), multi: true }],
  template: `
    <mat-form-field class="picker">
      <mat-label>{{ label() }}</mat-label>
      <input
        #box
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
        [panelWidth]="showPrice() ? 'min(560px, 92vw)' : ''"
        (optionSelected)="pick($event.option.value)"
      >
        @for (p of options(); track p.id) {
          <mat-option [value]="p">
            <span class="option">
              <span class="sku">{{ p.sku }}</span>
              <span class="name">{{ p.name }}</span>
              @if (showPrice()) {
                <span class="price">{{ p.unitPrice ?? p.listPrice | money }} / {{ p.unit }}</span>
              }
            </span>
          </mat-option>
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
    .option {
      display: flex;
      align-items: baseline;
      gap: 8px;
    }
    .sku {
      font-family: ui-monospace, Menlo, Consolas, monospace;
      color: var(--mat-sys-primary);
      white-space: nowrap;
    }
    .name {
      flex: 1 1 auto;
      min-width: 0;
    }
    .price {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ProductPicker implements ControlValueAccessor {
  private readonly api = inject(CatalogApi);
  readonly label = input('Product');
  /** Show each option's price (the account's, for a customer user; else list). */
  readonly showPrice = input(false);
  /** The message under the field; shown when set and the field was touched. */
  readonly error = input('');
  readonly text = new FormControl<ProductRef | string>('', { nonNullable: true });
  readonly options = signal<Product[]>([]);
  /** The field shows red whenever the owner passes an error. */
  readonly matcher: ErrorStateMatcher = { isErrorState: () => !!this.error() };
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');
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
        // No distinctUntilChanged: after a pick and a reset, the same text must search again.
        switchMap((search) =>
          search
            ? this.api.products({ search, pageSize: 10, availability: false }).pipe(
                map((page) => page.items),
                catchError(() => of<Product[]>([])),
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

  pick(product: Product): void {
    this.onChange(product);
  }

  focus(): void {
    this.box().nativeElement.focus();
  }

  touched(): void {
    this.onTouched();
  }

  writeValue(value: ProductRef | null): void {
    this.text.setValue(value ?? '', { emitEvent: false });
    // A cleared picker offers nothing until typed in again.
    if (!value) this.options.set([]);
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
