import type { Account, Address } from '@tradecounter/contracts';
import type { AccountEntity } from './account.entity';
import type { AccountRow } from './accounts.repository';
import type { AddressEntity } from './address.entity';

/**
 * Credit exposure is the total of the account's open, unpaid orders, supplied
 * by the ordering context (AccountsService.provideCreditExposure); zero without orders.
 */
export function toAccount({ account, accountManagerName }: AccountRow, creditExposure = '0.00'): Account {
  return {
    id: account.id,
    code: account.code,
    name: account.name,
    status: account.status,
    priceTierId: account.priceTierId,
    accountManagerId: account.accountManagerId,
    accountManagerName,
    defaultWarehouseCode: account.defaultWarehouseCode,
    creditLimit: account.creditLimit,
    creditExposure,
    paymentTerms: account.paymentTerms,
    requiresPo: account.requiresPo,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of an account. */
export function auditableAccount(account: AccountEntity): Record<string, unknown> {
  return {
    code: account.code,
    name: account.name,
    status: account.status,
    priceTierId: account.priceTierId,
    accountManagerId: account.accountManagerId,
    defaultWarehouseCode: account.defaultWarehouseCode,
    creditLimit: account.creditLimit,
    paymentTerms: account.paymentTerms,
    requiresPo: account.requiresPo,
  };
}

export function toAddress(address: AddressEntity): Address {
  return {
    id: address.id,
    accountId: address.accountId,
    label: address.label,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    region: address.region,
    postcode: address.postcode,
    country: address.country,
  };
}
