import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ContractPrice } from '@tradecounter/contracts';
import { ContractPriceEntity } from './contract-price.entity';

const ALL_SCOPES_LOCK = 'contract:all-scopes';

@Injectable()
export class ContractPricesRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(accountId: string): Promise<ContractPrice[]> {
    return this.dataSource.query(
      `SELECT c.id, c.account_id AS "accountId", c.product_id AS "productId", p.sku, p.name AS "productName",
              p.list_price::text AS "listPrice", c.unit_price::text AS "unitPrice",
              c.valid_from::text AS "validFrom", c.valid_to::text AS "validTo"
         FROM contract_prices c JOIN products p ON p.id = c.product_id
        WHERE c.account_id = $1 ORDER BY p.sku, c.valid_from`,
      [accountId],
    ) as Promise<ContractPrice[]>;
  }

  /**
   * Serialises changes to one account's prices for one product (the overlap
   * check needs it). Shared on every scope at once first, so an import's
   * commit can hold all of them with one lock (lockAllScopes).
   */
  async lockScope(tx: EntityManager, accountId: string, productId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock_shared(hashtext($1)), pg_advisory_xact_lock(hashtext($2))', [
      ALL_SCOPES_LOCK,
      `contract:${accountId}:${productId}`,
    ]);
  }

  /**
   * Every scope at once, until the transaction ends: an import commits
   * thousands of scopes, more than the lock table would hold one by one.
   * Single changes wait for it (a few seconds); it waits for theirs.
   */
  async lockAllScopes(tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ALL_SCOPES_LOCK]);
  }

  windows(tx: EntityManager, accountId: string, productId: string): Promise<ContractPriceEntity[]> {
    return tx
      .getRepository(ContractPriceEntity)
      .find({ where: { accountId, productId }, order: { validFrom: 'ASC' } });
  }

  async save(tx: EntityManager, price: Partial<ContractPriceEntity>): Promise<void> {
    await tx.getRepository(ContractPriceEntity).save(tx.getRepository(ContractPriceEntity).create(price));
  }

  async delete(tx: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await tx.getRepository(ContractPriceEntity).delete(ids);
  }

  /** The product's SKU, or null when there is no such product. */
  async productSku(productId: string): Promise<string | null> {
    const rows = (await this.dataSource.query('SELECT sku FROM products WHERE id = $1', [productId])) as {
      sku: string;
    }[];
    return rows[0]?.sku ?? null;
  }
}
