import type { IsoDate, IsoInstant, LineReference, SortQuery } from './common';

export interface Warehouse {
  code: string;
  name: string;
  /** IANA time zone, e.g. `America/Chicago`. Cut-off and order day are read in it. */
  timeZone: string;
  /** `HH:MM`, 24 h, local: orders at or after it count from the next business day. */
  cutoffTime: string;
  /** Business days from the order day to dispatch. */
  handlingDays: number;
  /** Business days from dispatch to delivery. */
  transitDays: number;
  /** The warehouse used when neither the request nor the account names one. */
  isDefault: boolean;
  version: number;
}

export interface CreateWarehouseRequest {
  code: string;
  name: string;
  timeZone: string;
  cutoffTime: string;
  handlingDays: number;
  transitDays: number;
  isDefault?: boolean;
}

export type UpdateWarehouseRequest = Partial<Omit<CreateWarehouseRequest, 'code'>>;

/** GET/PUT /api/calendar/holidays: non-business days besides weekends, sorted. */
export type HolidayList = IsoDate[];

/** A holiday with its name (null when it was saved as a bare date). GET /api/calendar/holidays/named. */
export interface NamedHoliday {
  date: IsoDate;
  name: string | null;
}

/**
 * What PUT /api/calendar/holidays accepts: each item a bare date (keeping the
 * name that date has, if any) or `{date, name}` (a null or empty name clears it).
 */
export type HolidayReplaceRequest = (IsoDate | NamedHoliday)[];

/** GET /api/calendar/public-holidays?year=&country=: a holiday library's public holidays, to preview. */
export interface PublicHolidayPreview {
  /** ISO 3166-1 alpha-2, e.g. "US": the configured HOLIDAY_COUNTRY unless asked for another. */
  country: string;
  countryName: string;
  year: number;
  /** Weekdays, one per date, sorted: what "load" would add. */
  holidays: { date: IsoDate; name: string }[];
  /** Public holidays on a Saturday or Sunday: never business days anyway, so not added. */
  weekend: { date: IsoDate; name: string }[];
}

export interface StockLevel {
  productId: string;
  sku: string;
  name: string;
  warehouseCode: string;
  onHand: number;
  reserved: number;
  /** onHand − reserved, never below 0. */
  available: number;
  /** Expected, not yet received inbound for this product and warehouse. */
  inboundQty: number;
  /** Where the product is kept at the warehouse (e.g. `A-01-03`); null when not recorded. */
  bin: string | null;
  updatedAt: IsoInstant | null;
}

/** What `GET /api/stock` sorts by; the default is `sku` ascending. */
export const STOCK_SORT_FIELDS = ['sku', 'name', 'warehouse', 'onHand', 'available', 'bin'] as const;
export type StockSortField = (typeof STOCK_SORT_FIELDS)[number];

export interface StockQuery extends SortQuery<StockSortField> {
  productId?: string;
  warehouseCode?: string;
  /** Product SKU or name search. */
  search?: string;
  /** Only rows whose available is at or below this. */
  lowStock?: number;
  page?: number;
  pageSize?: number;
}

/** PUT /api/stock/:productId/:warehouseCode: either or both; an empty bin clears it. */
export interface SetStockRequest {
  onHand?: number;
  bin?: string | null;
}

export type InboundStatus = 'expected' | 'received' | 'cancelled';

export interface Inbound {
  id: string;
  productId: string;
  sku: string;
  name: string;
  warehouseCode: string;
  qty: number;
  /** Units of this receipt already promised to order lines. */
  allocated: number;
  expectedDate: IsoDate;
  status: InboundStatus;
  receivedAt: IsoInstant | null;
  version: number;
}

export interface InboundQuery {
  productId?: string;
  warehouseCode?: string;
  status?: InboundStatus;
  page?: number;
  pageSize?: number;
}

export interface CreateInboundRequest {
  productId: string;
  warehouseCode: string;
  qty: number;
  expectedDate: IsoDate;
}

/** PATCH /api/inbound/:id — only while expected; qty never below allocated. */
export interface UpdateInboundRequest {
  qty?: number;
  expectedDate?: IsoDate;
  status?: 'cancelled';
}

export type PromiseSource = 'stock' | 'inbound' | 'supplier';

export interface PromiseSplit {
  qty: number;
  shipDate: IsoDate;
  deliveryDate: IsoDate;
  source: PromiseSource;
}

export type PromiseLineRequest = LineReference;

export interface PromiseRequest {
  accountId?: string;
  /** The order instant to promise for; defaults to now. */
  at?: IsoInstant;
  warehouseCode?: string;
  lines: PromiseLineRequest[];
}

export interface PromiseLine {
  productId: string;
  sku: string;
  quantity: number;
  /** Units available now (onHand − reserved) before this line. */
  available: number;
  /** false: units beyond available-to-promise will be refused at ordering. */
  backorderable: boolean;
  splits: PromiseSplit[];
}

export interface PromiseDates {
  shipDate: IsoDate;
  deliveryDate: IsoDate;
}

export interface PromiseResponse {
  warehouseCode: string;
  /** T0: the order day the promise counts from. */
  orderDate: IsoDate;
  lines: PromiseLine[];
  /** Ship complete: the latest split of all lines. */
  shipComplete: PromiseDates;
}

/** Carried by catalog items and product detail for the account's warehouse. */
export interface ProductAvailability {
  warehouseCode: string;
  /** onHand − reserved now. */
  available: number;
  /** When one unit ordered now would ship (D0 if in stock). */
  nextShipDate: IsoDate;
  nextDeliveryDate: IsoDate;
}

/** Product detail only: what is coming, already net of units promised to orders. */
export interface InboundOutlook {
  qty: number;
  expectedDate: IsoDate;
  shipDate: IsoDate;
}
