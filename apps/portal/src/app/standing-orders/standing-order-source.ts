import type { IsoDate, StandingOrder, StandingOrderSchedule } from '@tradecounter/contracts';
import type { Order, OrderTemplate } from '@tradecounter/contracts';

/** A line as the form edits it; `active: false` marks a product no longer sold (a run would drop it). */
export interface SourceLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  active: boolean;
}

/** What the form starts from: a past order, a template, or the standing order being edited. */
export interface StandingOrderSource {
  kind: 'order' | 'template' | 'edit';
  /** Words for the page: "order SO-001042", "template “Weekly”". */
  from: string;
  accountId: string;
  name: string;
  lines: SourceLine[];
  shippingAddressId: string | null;
  poPattern: string | null;
  schedule: StandingOrderSchedule;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  /** Dates already skipped (editing); the preview leaves them out. */
  skippedDates: IsoDate[];
}

const DEFAULT_SCHEDULE: StandingOrderSchedule = { every: 'week', interval: 1, weekday: 1 };

export function sourceFromOrder(order: Order): StandingOrderSource {
  return {
    kind: 'order',
    from: `order ${order.number}`,
    accountId: order.accountId,
    name: `Repeat of ${order.number}`,
    lines: order.lines.map((line) => ({
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      active: true,
    })),
    shippingAddressId: order.shippingAddress.id,
    poPattern: null,
    schedule: DEFAULT_SCHEDULE,
    startDate: null,
    endDate: null,
    skippedDates: [],
  };
}

export function sourceFromTemplate(template: OrderTemplate, accountId: string): StandingOrderSource {
  return {
    kind: 'template',
    from: `template “${template.name}”`,
    accountId,
    name: template.name,
    lines: template.lines.map((line) => ({ ...line })),
    shippingAddressId: null,
    poPattern: null,
    schedule: DEFAULT_SCHEDULE,
    startDate: null,
    endDate: null,
    skippedDates: [],
  };
}

export function sourceFromStandingOrder(order: StandingOrder): StandingOrderSource {
  return {
    kind: 'edit',
    from: order.name,
    accountId: order.accountId,
    name: order.name,
    lines: order.lines.map((line) => ({ ...line, active: true })),
    shippingAddressId: order.shippingAddressId,
    poPattern: order.poPattern,
    schedule: order.schedule,
    startDate: order.startDate,
    endDate: order.endDate,
    skippedDates: order.skippedDates,
  };
}
