import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ContractPrice } from '@tradecounter/contracts';
import { ContractPriceEntity } from './contract-price.entity';

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

  /** Serialises changes to one account's prices for one product (the overlap check needs it). */
  async lockScope(tx: EntityManager, accountId: string, productId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`contract:${accountId}:${productId}`]);
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
