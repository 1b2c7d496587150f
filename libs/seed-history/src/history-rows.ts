import { promisedShipDateOfUnit, shipDateError } from '@tradecounter/domain';
import type { HistoryOrder } from './history-generator';
import { LocalDates } from './local-dates';
import { COPY_NULL, copyText } from './pg-copy';

/** The tables a history fills, their columns in COPY order. */
export const HISTORY_TABLES = {
  orders: [
    'id',
    'number',
    'account_id',
    'placed_by',
    'channel',
    'external_ref',
    'status',
    'po_number',
    'shipping_address_id',
    'shipping_address',
    'requested_delivery_date',
    'ship_complete',
    'notes',
    'warehouse_code',
    'subtotal',
    'currency',
    'placed_at',
    'paid_at',
    'version',
    'created_at',
    'updated_at',
  ],
  order_lines: [
    'id',
    'order_id',
    'line_no',
    'product_id',
    'sku',
    'name',
    'quantity',
    'unit_price',
    'line_total',
    'promise',
    'requested_date',
    'first_promised_date',
    'current_promised_date',
    'reserved_qty',
    'allocated_qty',
    'backordered_qty',
    'shipped_qty',
    'list_price',
    'reserved_at_placement',
  ],
  order_events: ['order_id', 'at', 'actor_id', 'kind', 'from_status', 'to_status', 'reason', 'data'],
  order_packages: ['order_id', 'package_no', 'weight_kg'],
  shipments: ['id', 'order_id', 'carrier', 'tracking_number', 'shipped_at', 'shipped_by', 'delivered_at'],
  shipment_lines: ['shipment_id', 'order_line_id', 'quantity', 'promised_ship_date', 'ship_error_days'],
  delivery_ratings: ['order_id', 'score', 'comment', 'rated_by', 'rated_at'],
} as const;

export type HistoryTable = keyof typeof HISTORY_TABLES;

/** Rows in COPY text format, table by table, for a chunk of orders. */
export class HistoryRows {
  readonly text: Record<HistoryTable, string[]> = emptyTables();
  rowCount = 0;

  private readonly localDates = new LocalDates();

  /** `timeZoneOf`: each warehouse's zone; `holidays`: the business calendar's (both as the database has them). */
  constructor(
    private readonly currency: string,
    private readonly calendar: {
      holidays: ReadonlySet<string>;
      timeZoneOf: (warehouseCode: string) => string;
    },
  ) {}

  add(order: HistoryOrder, number: string): void {
    const t = this.text;
    const placedAt = iso(order.placedAt);
    t.orders.push(
      row([
        order.id,
        number,
        order.account.id,
        order.placedBy,
        order.channel,
        order.externalRef,
        order.status,
        order.poNumber,
        order.address.id,
        JSON.stringify(order.address),
        order.requestedDeliveryDate,
        order.shipComplete ? 't' : 'f',
        order.notes,
        order.warehouseCode,
        money(order.subtotalCents),
        this.currency,
        placedAt,
        order.paidAt === null ? null : iso(order.paidAt),
        String(order.events.length),
        placedAt,
        iso(order.updatedAt),
      ]),
    );
    for (const line of order.lines) {
      t.order_lines.push(
        row([
          line.id,
          order.id,
          String(line.lineNo),
          line.product.id,
          line.product.sku,
          line.product.name,
          String(line.quantity),
          money(line.unitCents),
          money(line.totalCents),
          JSON.stringify({ splits: line.splits }),
          line.requestedDate,
          line.firstPromisedDate,
          line.currentPromisedDate,
          String(line.reservedQty),
          '0',
          String(line.backorderedQty),
          String(line.shippedQty),
          money(Number(line.product.listPriceCents)),
          String(line.splits.reduce((sum, split) => sum + (split.source === 'stock' ? split.qty : 0), 0)),
        ]),
      );
    }
    for (const event of order.events) {
      t.order_events.push(
        row([
          order.id,
          iso(event.at),
          event.actorId,
          event.kind,
          event.fromStatus,
          event.toStatus,
          event.reason,
          event.data === null ? null : JSON.stringify(event.data),
        ]),
      );
    }
    order.packages.forEach((weight, index) => {
      t.order_packages.push(`${order.id}\t${index + 1}\t${weight.toFixed(3)}`);
    });
    const shippedSoFar = new Map<string, number>();
    for (const shipment of order.shipments) {
      t.shipments.push(
        row([
          shipment.id,
          order.id,
          shipment.carrier,
          shipment.trackingNumber,
          iso(shipment.shippedAt),
          shipment.shippedBy,
          shipment.deliveredAt === null ? null : iso(shipment.deliveredAt),
        ]),
      );
      const shippedOn = this.localDates.dateAt(
        shipment.shippedAt,
        this.calendar.timeZoneOf(order.warehouseCode),
      );
      for (const { line, quantity } of shipment.lines) {
        const through = (shippedSoFar.get(line.id) ?? 0) + quantity;
        shippedSoFar.set(line.id, through);
        const promised = promisedShipDateOfUnit(line.splits, through);
        const error = shipDateError(shippedOn, promised, this.calendar.holidays);
        t.shipment_lines.push(`${shipment.id}\t${line.id}\t${quantity}\t${promised}\t${error}`);
      }
    }
    if (order.rating) {
      const r = order.rating;
      t.delivery_ratings.push(row([order.id, String(r.score), r.comment, r.ratedBy, iso(r.ratedAt)]));
    }
    this.rowCount +=
      1 +
      order.lines.length +
      order.events.length +
      order.packages.length +
      (order.rating ? 1 : 0) +
      order.shipments.reduce((sum, s) => sum + 1 + s.lines.length, 0);
  }

  /** The chunk's text per table (empty tables left out), and a fresh start. */
  take(): { table: HistoryTable; text: string; rows: number }[] {
    const out = (Object.keys(this.text) as HistoryTable[])
      .filter((table) => this.text[table].length > 0)
      .map((table) => ({ table, text: this.text[table].join('\n') + '\n', rows: this.text[table].length }));
    Object.assign(this.text, emptyTables());
    this.rowCount = 0;
    return out;
  }
}

function emptyTables(): Record<HistoryTable, string[]> {
  return {
    orders: [],
    order_lines: [],
    order_events: [],
    order_packages: [],
    shipments: [],
    shipment_lines: [],
    delivery_ratings: [],
  };
}

function row(values: (string | null)[]): string {
  return values.map((value) => (value === null ? COPY_NULL : copyText(value))).join('\t');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Cents as a decimal string, exactly. */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const rest = abs % 100;
  return `${sign}${Math.floor(abs / 100)}.${rest < 10 ? '0' : ''}${rest}`;
}

/** `SO-001234`: as placement numbers orders (never shorter than six digits). */
export function orderNumber(n: number): string {
  return `SO-${String(n).padStart(6, '0')}`;
}
