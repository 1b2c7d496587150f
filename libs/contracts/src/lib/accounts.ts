import type { CustomerRole, InternalRole, User, UserSortField } from './auth';
import type { IsoInstant, MoneyString, SortQuery } from './common';

export const ACCOUNT_STATUSES = ['active', 'on_hold', 'closed'] as const;

/** What `GET /api/accounts` sorts by; the default is `name` ascending. */
export const ACCOUNT_SORT_FIELDS = ['code', 'name', 'status', 'creditLimit'] as const;
export type AccountSortField = (typeof ACCOUNT_SORT_FIELDS)[number];
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const PAYMENT_TERMS = ['prepaid', 'net_15', 'net_30', 'net_45', 'net_60'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];

export interface Account {
  id: string;
  code: string;
  name: string;
  status: AccountStatus;
  priceTierId: string | null;
  accountManagerId: string | null;
  accountManagerName: string | null;
  defaultWarehouseCode: string | null;
  creditLimit: MoneyString;
  creditExposure: MoneyString;
  paymentTerms: PaymentTerms;
  requiresPo: boolean;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface AccountQuery extends SortQuery<AccountSortField> {
  search?: string;
  status?: AccountStatus;
  accountManagerId?: string;
  page?: number;
  pageSize?: number;
}

export interface CreateAccountRequest {
  code: string;
  name: string;
  status?: AccountStatus;
  priceTierId?: string | null;
  accountManagerId?: string | null;
  defaultWarehouseCode?: string | null;
  creditLimit?: MoneyString;
  paymentTerms?: PaymentTerms;
  requiresPo?: boolean;
}

export type UpdateAccountRequest = Partial<Omit<CreateAccountRequest, 'code'>>;

export interface Address {
  id: string;
  accountId: string;
  label: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postcode: string;
  country: string;
}

export interface CreateAddressRequest {
  label: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postcode: string;
  country: string;
}

export interface AccountUser extends User {
  role: CustomerRole;
  accountId: string;
  active: boolean;
  /** Orders above this subtotal wait for an approver; null means no limit. */
  orderLimit: MoneyString | null;
  /** Invited and has not set a password yet (cannot sign in until they do). */
  invited: boolean;
}

export interface CreateAccountUserRequest {
  email: string;
  name: string;
  role: CustomerRole;
  /** Without one, the user is invited by e-mail to set their own. */
  password?: string;
  orderLimit?: MoneyString | null;
}

export interface UpdateAccountUserRequest {
  name?: string;
  role?: CustomerRole;
  password?: string;
  orderLimit?: MoneyString | null;
  active?: boolean;
}

export interface InternalUser extends User {
  role: InternalRole;
  accountId: null;
  active: boolean;
}

export interface CreateInternalUserRequest {
  email: string;
  name: string;
  role: InternalRole;
  password: string;
}

export interface UpdateInternalUserRequest {
  name?: string;
  role?: InternalRole;
  password?: string;
  active?: boolean;
}

export interface InternalUserQuery extends SortQuery<UserSortField> {
  search?: string;
  role?: InternalRole;
  page?: number;
  pageSize?: number;
}
