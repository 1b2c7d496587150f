import type { IsoDate, IsoInstant, MoneyString } from './common';
import type { PercentString, VolumeBreakInput } from './pricing';

/** The kinds of record the trail follows: `GET /api/audit?entity=` takes one of them. */
export type AuditedEntity =
  | 'account'
  | 'address'
  | 'user'
  | 'product'
  | 'price_tier'
  | 'contract_price'
  | 'warehouse'
  | 'holiday_calendar'
  | 'stock'
  | 'inbound'
  | 'order'
  | 'channel'
  | 'carrier_tracking'
  | 'supplier'
  | 'product_supply'
  | 'purchase_order'
  | 'purchasing_settings'
  | 'company_settings';

export interface AuditEntry {
  id: string;
  at: IsoInstant;
  actorId: string | null;
  actorName: string | null;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The import whose commit made this change (its change set), if one did. */
  changeSetId?: string | null;
}

export interface AuditQuery {
  /**
   * With `entityId`, one record's history. `entity=price_tier&entityId=<tier id>`
   * is a tier's whole history (its name and discount, breaks and fixed prices);
   * tiers are shared, so every account manager may read it.
   */
  entity?: AuditedEntity;
  entityId?: string;
  /** Every change concerning one account. */
  accountId?: string;
  /** Every change one import made (its id). */
  changeSetId?: string;
  page?: number;
  pageSize?: number;
}

/** A volume break as a tier entry records it; `sku` names the product when the break has one. */
export interface AuditedBreak extends VolumeBreakInput {
  sku?: string | null;
}

/** A tier fixed price as a tier entry records it; `unitPrice` null: none (before it was set, after it was removed). */
export interface AuditedFixedPrice {
  productId: string;
  sku?: string | null;
  unitPrice: MoneyString | null;
}

/**
 * What a `price_tier` entry's `before` and `after` hold: only the parts that
 * changed (a whole new set of breaks, or one fixed price). A type, not an
 * interface, so it is a plain `Record<string, unknown>` as entries are.
 */
export type PriceTierAuditState = {
  name?: string;
  discountPercent?: PercentString;
  breaks?: AuditedBreak[];
  fixedPrice?: AuditedFixedPrice;
};

/**
 * What a `contract_price` entry's `before` and `after` hold. The product and
 * its window are always there, changed or not, to say which window changed.
 */
export type ContractPriceAuditState = {
  productId: string;
  sku?: string | null;
  unitPrice: MoneyString;
  validFrom: IsoDate;
  validTo: IsoDate | null;
};
