import type { ContractPrice, VolumeBreak } from '@tradecounter/domain';

/** The existing data a history is generated for, read once from the database (see history-world.repository.ts). */
export interface HistoryWorld {
  accounts: WorldAccount[];
  products: WorldProduct[];
  warehouses: WorldWarehouse[];
  /** Holidays, YYYY-MM-DD. */
  holidays: ReadonlySet<string>;
  /** Users who pick, pack, ship and record deliveries; may be empty. */
  warehouseStaff: string[];
  /** Named integrations (channels table); the generator invents a few when there are none. */
  integrations: string[];
  currency: string;
}

export interface AddressSnapshot {
  id: string | null;
  label: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postcode: string;
  country: string;
}

export interface WorldAccount {
  id: string;
  code: string;
  status: string;
  managerId: string | null;
  warehouseCode: string | null;
  creditLimitCents: number;
  paymentTerms: string;
  requiresPo: boolean;
  addresses: AddressSnapshot[];
  /** Buyers and approvers of the account. */
  buyers: string[];
  approvers: string[];
  pricing: AccountPricing;
}

export interface AccountPricing {
  tier: { discountPercent: string; fixed: Map<string, bigint>; breaks: VolumeBreak[] } | null;
  contracts: Map<string, ContractPrice[]>;
}

export interface WorldProduct {
  id: string;
  sku: string;
  name: string;
  listPriceCents: bigint;
  minOrderQty: number;
  orderMultiple: number;
  leadTimeDays: number;
}

export interface WorldWarehouse {
  code: string;
  isDefault: boolean;
  handlingDays: number;
  transitDays: number;
  /** Minutes after local midnight. */
  cutoffMinutes: number;
  /** Local time minus UTC, in minutes (taken once; daylight saving is ignored). */
  utcOffsetMinutes: number;
  /** IANA zone: where the warehouse's ship dates are counted (promise accuracy). */
  timeZone: string;
}
