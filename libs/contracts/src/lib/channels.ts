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
}

/** POST /api/channels answers with the key, once. */
export interface CreatedChannel extends Channel {
  apiKey: string;
}

export interface CreateChannelRequest {
  name: string;
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
