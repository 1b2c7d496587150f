import { computed, type Signal, signal } from '@angular/core';
import type { DraftPurchaseOrdersRequest } from '@tradecounter/contracts';

/** A row that purchase orders can be drafted for: one product at one warehouse. */
export interface DraftableRow {
  productId: string;
  warehouseCode: string;
}

export function rowKey(row: DraftableRow): string {
  return `${row.productId}@${row.warehouseCode}`;
}

/**
 * The rows chosen for drafting, with an optional quantity per row (the
 * suggestions let it be changed). Shared by the shortfall and suggestions pages.
 */
export class DraftSelection<R extends DraftableRow> {
  private readonly chosen = signal<ReadonlyMap<string, number | undefined>>(new Map());
  readonly count = computed(() => this.chosen().size);

  constructor(private readonly rows: Signal<readonly R[]>) {}

  readonly allChosen = computed(() => {
    const rows = this.rows();
    return rows.length > 0 && rows.every((row) => this.chosen().has(rowKey(row)));
  });
  readonly someChosen = computed(() => this.count() > 0 && !this.allChosen());

  has(row: R): boolean {
    return this.chosen().has(rowKey(row));
  }

  toggle(row: R, quantity?: number): void {
    const next = new Map(this.chosen());
    if (!next.delete(rowKey(row))) next.set(rowKey(row), quantity);
    this.chosen.set(next);
  }

  toggleAll(quantity?: (row: R) => number | undefined): void {
    this.chosen.set(
      this.allChosen() ? new Map() : new Map(this.rows().map((row) => [rowKey(row), quantity?.(row)])),
    );
  }

  quantity(row: R): number | undefined {
    return this.chosen().get(rowKey(row));
  }

  setQuantity(row: R, quantity: number): void {
    const next = new Map(this.chosen());
    next.set(rowKey(row), quantity);
    this.chosen.set(next);
  }

  clear(): void {
    this.chosen.set(new Map());
  }

  /** The request for the chosen rows, in the table's order. */
  request(): DraftPurchaseOrdersRequest {
    return {
      items: this.rows()
        .filter((row) => this.chosen().has(rowKey(row)))
        .map((row) => {
          const quantity = this.chosen().get(rowKey(row));
          return {
            productId: row.productId,
            warehouseCode: row.warehouseCode,
            ...(quantity !== undefined ? { quantity } : {}),
          };
        }),
    };
  }
}
