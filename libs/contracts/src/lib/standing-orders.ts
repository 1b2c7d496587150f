import type { IsoDate, IsoInstant, LineReference, PageQuery } from './common';

/** `paused` places nothing until it is set `active` again, or until its `resumeOn` date. */
export type StandingOrderStatus = 'active' | 'paused';
export const STANDING_ORDER_STATUSES: readonly StandingOrderStatus[] = ['active', 'paused'];

/** ISO 8601 weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * When a standing order runs: every `interval` weeks on `weekday`, or every
 * `interval` months on `dayOfMonth` (1–28, or `"last"` for the month's last
 * day). Weekly runs count their weeks from the standing order's `startDate`.
 * Holidays do not move a run: the order's promise accounts for them.
 */
export interface StandingOrderSchedule {
  every: 'week' | 'month';
  /** 1–52 weeks, or 1–12 months. */
  interval: number;
  /** Required for `every: "week"`, absent otherwise. */
  weekday?: IsoWeekday;
  /** Required for `every: "month"`, absent otherwise. */
  dayOfMonth?: number | 'last';
}

export interface StandingOrderLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
}

export type StandingOrderRunStatus = 'placed' | 'failed' | 'missed' | 'skipped';

/** A line a run placed less of than the standing order asks for. */
export interface StandingOrderRunLineChange {
  productId: string;
  sku: string;
  name: string;
  /** The standing order's quantity. */
  requested: number;
  /** What the run placed: 0 for a dropped line. */
  placed: number;
  /** Why, in words: "no longer sold", "only 4 available". */
  reason: string;
}

/** One scheduled date and what happened on it (exactly one per date). */
export interface StandingOrderRun {
  runDate: IsoDate;
  status: StandingOrderRunStatus;
  /** The order it placed (`placed` only). */
  orderId: string | null;
  orderNumber: string | null;
  /** Lines left out: inactive products, nothing available of a non-backorderable one. */
  droppedLines: StandingOrderRunLineChange[];
  /** Lines of non-backorderable products cut down to what was available. */
  cappedLines: StandingOrderRunLineChange[];
  /** Why it failed or was missed ("account on credit hold", "more than 2 days late"), else null. */
  reason: string | null;
  at: IsoInstant;
}

export interface StandingOrder {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  status: StandingOrderStatus;
  lines: StandingOrderLine[];
  shippingAddressId: string;
  /** The PO number each run's order gets, e.g. "SO-{yyyy}{mm}{dd}" (tokens: {yyyy} {yy} {mm} {dd}); null for none. */
  poPattern: string | null;
  schedule: StandingOrderSchedule;
  /** No run before it; weekly intervals count from it. */
  startDate: IsoDate;
  /** No run after it; null for none. */
  endDate: IsoDate | null;
  /** For a paused standing order: the day it becomes active again, or null (paused until resumed). */
  resumeOn: IsoDate | null;
  /** Future run dates that will be skipped, ascending. */
  skippedDates: IsoDate[];
  /** The next date it will place an order, or null (paused without resumeOn, or ended). */
  nextRunDate: IsoDate | null;
  /** The next run dates that will place an order (skipped dates left out), at most 12. */
  nextRuns: IsoDate[];
  /** Past runs, newest first (at most 50). */
  runs: StandingOrderRun[];
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

/** A list row: the standing order without its runs history. */
export type StandingOrderSummary = Omit<StandingOrder, 'runs'>;

export interface StandingOrderListQuery extends PageQuery {
  accountId?: string;
  status?: StandingOrderStatus;
}

/** POST /api/standing-orders. Internal users pass `accountId`; a customer user's account is their own. */
export interface CreateStandingOrderRequest {
  accountId?: string;
  /** Default "Standing order". */
  name?: string;
  lines: LineReference[];
  shippingAddressId: string;
  poPattern?: string | null;
  schedule: StandingOrderSchedule;
  /** Default: today. */
  startDate?: IsoDate;
  endDate?: IsoDate | null;
}

/** PATCH /api/standing-orders/:id: only the fields given change; `null` clears endDate, resumeOn, poPattern. */
export interface UpdateStandingOrderRequest {
  name?: string;
  lines?: LineReference[];
  shippingAddressId?: string;
  poPattern?: string | null;
  schedule?: StandingOrderSchedule;
  startDate?: IsoDate;
  endDate?: IsoDate | null;
  status?: StandingOrderStatus;
  /** Only with (or while) `paused`; setting `active` clears it. */
  resumeOn?: IsoDate | null;
}

/** POST /api/standing-orders/:id/skip: a future run date of the schedule; default the next run. */
export interface SkipStandingOrderRunRequest {
  runDate?: IsoDate;
}

/** POST /api/standing-orders/:id/unskip: a skipped future run date. */
export interface UnskipStandingOrderRunRequest {
  runDate: IsoDate;
}
