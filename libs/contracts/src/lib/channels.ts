import type { CreateAddressRequest } from './accounts';
import type { IsoDate, IsoInstant } from './common';

/** An integration: another system placing orders; its name is the channel its orders record. */
export interface Channel {
  id: string;
  name: string;
  /** The public start of its API key, to tell keys apart; the rest is never shown again. */
  keyPrefix: string;
  createdAt: IsoInstant;
  createdBy: { id: string; name: string } | null;
  revokedAt: IsoInstant | null;
  lastUsedAt: IsoInstant | null;
  /**
   * The accounts its key may order for, by code. Empty with `allAccounts`
   * (every account, an admin's explicit choice) and for a channel bound to
   * none (it can order for nobody).
   */
  accounts: ChannelAccount[];
  allAccounts: boolean;
  /** Whether its orders may carry a ship-to `address`; otherwise one of the account's addresses. */
  allowAddresses: boolean;
  /**
   * Its key may also upsert the admin's data (products, stock, accounts,
   * prices, suppliers) through `PUT /api/sync/:kind`, acting for the admin
   * who created it: for an ERP that keeps the catalog and prices in step.
   */
  dataSync: boolean;
}

export interface ChannelAccount {
  id: string;
  code: string;
  name: string;
}

/** POST /api/channels answers with the key, once. */
export interface CreatedChannel extends Channel {
  apiKey: string;
}

/**
 * POST /api/channels. Without `accountIds` or `allAccounts` the channel is
 * bound to no account: safe until an admin says whom it serves.
 */
export interface CreateChannelRequest {
  name: string;
  accountIds?: string[];
  allAccounts?: boolean;
  allowAddresses?: boolean;
  dataSync?: boolean;
}

/**
 * PATCH /api/channels/:id: what its key may do. The name stays: it is the
 * channel its orders already record, and the scope of their `externalRef`s.
 */
export interface UpdateChannelRequest {
  accountIds?: string[];
  allAccounts?: boolean;
  allowAddresses?: boolean;
  dataSync?: boolean;
}

export interface ChannelOrderLine {
  sku: string;
  quantity: number;
}

/** POST /api/channel-orders with `X-Api-Key`. */
export interface ChannelOrderRequest {
  accountCode: string;
  /** The sender's own reference: the same one twice never makes two orders. */
  externalRef: string;
  /** One of the account's addresses, or `address`. */
  shippingAddressId?: string;
  address?: CreateAddressRequest;
  poNumber?: string;
  requestedDeliveryDate?: IsoDate;
  shipComplete?: boolean;
  notes?: string;
  lines: ChannelOrderLine[];
}
