import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AccountStatus, PaymentTerms } from '@tradecounter/contracts';

/** An account as an import reads and writes it: its references by id and by their natural keys. */
export interface ImportedAccount {
  id: string;
  code: string;
  name: string;
  status: AccountStatus;
  priceTierId: string | null;
  priceTierName: string | null;
  accountManagerId: string | null;
  accountManagerEmail: string | null;
  defaultWarehouseCode: string | null;
  creditLimit: string;
  paymentTerms: PaymentTerms;
  requiresPo: boolean;
}

export interface ImportedAddress {
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

/** A stored address, and whether a standing order ships to it (it may then not be deleted). */
export interface StoredAddress extends ImportedAddress {
  inStandingOrder: boolean;
}

const ACCOUNT_SQL = `
SELECT a.id, a.code, a.name, a.status, a.price_tier_id AS "priceTierId", t.name AS "priceTierName",
       a.account_manager_id AS "accountManagerId", u.email AS "accountManagerEmail",
       a.default_warehouse_code AS "defaultWarehouseCode", a.credit_limit::text AS "creditLimit",
       a.payment_terms AS "paymentTerms", a.requires_po AS "requiresPo"
  FROM accounts a
  LEFT JOIN price_tiers t ON t.id = a.price_tier_id
  LEFT JOIN users u ON u.id = a.account_manager_id`;

const ACCOUNT_COLUMNS = [
  'id',
  'code',
  'name',
  'status',
  'priceTierId',
  'accountManagerId',
  'defaultWarehouseCode',
  'creditLimit',
  'paymentTerms',
  'requiresPo',
] as const;

const ADDRESS_COLUMNS = [
  'id',
  'accountId',
  'label',
  'line1',
  'line2',
  'city',
  'region',
  'postcode',
  'country',
] as const;

const ADDRESS_TYPES =
  '$1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]';

/**
 * The set-based reads and writes of the accounts import: one statement per
 * chunk (its accounts, their addresses, the tiers, managers and warehouses
 * it names), never one per row.
 */
@Injectable()
export class AccountImportRepository {
  /** With `lock`, the accounts stay locked until the transaction ends (as PATCH locks the one it changes). */
  accountsByCode(manager: EntityManager, codes: string[], lock = false): Promise<ImportedAccount[]> {
    return manager.query(
      `${ACCOUNT_SQL} WHERE a.code = ANY($1::text[]) ORDER BY a.code${lock ? ' FOR UPDATE OF a' : ''}`,
      [codes],
    ) as Promise<ImportedAccount[]>;
  }

  /** Accounts in code order after `afterCode`, a page at a time. */
  accountPage(manager: EntityManager, afterCode: string | null, limit: number): Promise<ImportedAccount[]> {
    return manager.query(`${ACCOUNT_SQL} WHERE $1::text IS NULL OR a.code > $1 ORDER BY a.code LIMIT $2`, [
      afterCode,
      limit,
    ]) as Promise<ImportedAccount[]>;
  }

  /** The accounts' addresses in the order the API lists them (label, then age). */
  addressesOf(manager: EntityManager, accountIds: string[]): Promise<StoredAddress[]> {
    return manager.query(
      `SELECT d.id, d.account_id AS "accountId", d.label, d.line1, d.line2, d.city, d.region, d.postcode,
              d.country, EXISTS (SELECT 1 FROM standing_orders s WHERE s.shipping_address_id = d.id)
                AS "inStandingOrder"
         FROM addresses d WHERE d.account_id = ANY($1::uuid[])
        ORDER BY d.label, d.created_at, d.id`,
      [accountIds],
    ) as Promise<StoredAddress[]>;
  }

  async tierIdsByName(manager: EntityManager, names: string[]): Promise<Map<string, string>> {
    const rows = (await manager.query(`SELECT id, name FROM price_tiers WHERE name = ANY($1::text[])`, [
      names,
    ])) as { id: string; name: string }[];
    return new Map(rows.map((row) => [row.name, row.id]));
  }

  /** Active account managers (the only users an account may be assigned to) by lower-cased e-mail. */
  async accountManagersByEmail(
    manager: EntityManager,
    emails: string[],
  ): Promise<Map<string, { id: string; email: string }>> {
    const rows = (await manager.query(
      `SELECT id, email FROM users WHERE lower(email) = ANY($1::text[]) AND role = 'account_manager' AND active`,
      [emails],
    )) as { id: string; email: string }[];
    return new Map(rows.map((row) => [row.email.toLowerCase(), row]));
  }

  async warehouseCodes(manager: EntityManager, codes: string[]): Promise<Set<string>> {
    const rows = (await manager.query(`SELECT code FROM warehouses WHERE code = ANY($1::text[])`, [
      codes,
    ])) as { code: string }[];
    return new Set(rows.map((row) => row.code));
  }

  async insertAccounts(manager: EntityManager, accounts: ImportedAccount[]): Promise<void> {
    if (accounts.length === 0) return;
    await manager.query(
      `INSERT INTO accounts (id, code, name, status, price_tier_id, account_manager_id, default_warehouse_code,
                             credit_limit, payment_terms, requires_po)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[],
                            $8::numeric[], $9::text[], $10::boolean[])`,
      columnsOf(accounts, ACCOUNT_COLUMNS),
    );
  }

  async updateAccounts(manager: EntityManager, accounts: ImportedAccount[]): Promise<void> {
    if (accounts.length === 0) return;
    await manager.query(
      `UPDATE accounts a SET name = v.name, status = v.status, price_tier_id = v.price_tier_id,
              account_manager_id = v.account_manager_id, default_warehouse_code = v.default_warehouse_code,
              credit_limit = v.credit_limit, payment_terms = v.payment_terms, requires_po = v.requires_po,
              version = a.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[],
                     $8::numeric[], $9::text[], $10::boolean[])
           AS v(id, code, name, status, price_tier_id, account_manager_id, default_warehouse_code,
                credit_limit, payment_terms, requires_po)
        WHERE a.id = v.id`,
      columnsOf(accounts, ACCOUNT_COLUMNS),
    );
  }

  async insertAddresses(manager: EntityManager, addresses: ImportedAddress[]): Promise<void> {
    if (addresses.length === 0) return;
    await manager.query(
      `INSERT INTO addresses (id, account_id, label, line1, line2, city, region, postcode, country)
       SELECT * FROM unnest(${ADDRESS_TYPES})`,
      columnsOf(addresses, ADDRESS_COLUMNS),
    );
  }

  async updateAddresses(manager: EntityManager, addresses: ImportedAddress[]): Promise<void> {
    if (addresses.length === 0) return;
    await manager.query(
      `UPDATE addresses d SET label = v.label, line1 = v.line1, line2 = v.line2, city = v.city,
              region = v.region, postcode = v.postcode, country = v.country
         FROM unnest(${ADDRESS_TYPES}) AS v(id, account_id, label, line1, line2, city, region, postcode, country)
        WHERE d.id = v.id AND d.account_id = v.account_id`,
      columnsOf(addresses, ADDRESS_COLUMNS),
    );
  }

  /** Orders keep a copy of their address (their link is set null); standing orders must not lose theirs. */
  async deleteAddresses(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`DELETE FROM addresses WHERE id = ANY($1::uuid[])`, [ids]);
  }
}

/** Rows as one array per column, for `unnest`. */
function columnsOf<T>(rows: T[], keys: readonly (keyof T)[]): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key]));
}
