import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  type Signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { Warehouse } from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { WarehousesApi } from '../warehouses/warehouses-api';

export interface WarehouseChoice {
  /** Undefined until loaded. */
  warehouses: Signal<Warehouse[] | undefined>;
  /** The warehouse shown: the one chosen, else the default one, else the first. */
  code: Signal<string>;
}

/** The warehouse a warehouse page works on; call in an injection context. */
export function warehouseChoice(chosen: () => string): WarehouseChoice {
  const warehouses = toSignal(
    inject(WarehousesApi)
      .list()
      .pipe(catchError(() => of([]))),
  );
  const code = computed(() => {
    const list = warehouses() ?? [];
    return chosen() || list.find((w) => w.isDefault)?.code || list[0]?.code || '';
  });
  return { warehouses, code };
}

/** The warehouse picker of the fulfilment pages. */
@Component({
  selector: 'tc-warehouse-select',
  imports: [MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="select" floatLabel="always">
      <mat-label>Warehouse</mat-label>
      <mat-select [value]="value()" (valueChange)="valueChange.emit($event)" aria-label="Warehouse">
        @for (w of warehouses() ?? []; track w.code) {
          <mat-option [value]="w.code">{{ w.code }} — {{ w.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
      flex: 0 1 260px;
      min-width: 180px;
    }
    .select {
      width: 100%;
    }
  `,
})
export class WarehouseSelect {
  readonly warehouses = input.required<Warehouse[] | undefined>();
  readonly value = input.required<string>();
  readonly valueChange = output<string>();
}
