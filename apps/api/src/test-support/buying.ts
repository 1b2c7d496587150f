import type { ProductEntity } from '../catalog/product.entity';
import { bearer, createProduct, createWarehouse, createWorld, TestUser } from './fixtures';
import type { TestApp } from './test-app';

/**
 * A world for buying: createWorld's accounts, each with a warehouse of its
 * own as its default (never the deployment's default, so specs that change
 * that one do not disturb these).
 */
export async function createBuyingWorld(t: TestApp) {
  const world = await createWorld(t);
  const warehouse = await createWarehouse(t);
  const otherWarehouse = await createWarehouse(t);
  await t.dataSource.query('UPDATE accounts SET default_warehouse_code = $1 WHERE id = $2', [
    warehouse.code,
    world.mine.id,
  ]);
  await t.dataSource.query('UPDATE accounts SET default_warehouse_code = $1 WHERE id = $2', [
    otherWarehouse.code,
    world.theirs.id,
  ]);
  return { ...world, warehouseCode: warehouse.code, otherWarehouseCode: otherWarehouse.code };
}

export type BuyingWorld = Awaited<ReturnType<typeof createBuyingWorld>>;

/** A product with `onHand` units at the world's warehouse. */
export async function createStockedProduct(
  t: TestApp,
  w: BuyingWorld,
  onHand: number,
  fields: Partial<ProductEntity> = {},
): Promise<ProductEntity> {
  const product = await createProduct(t, fields);
  if (onHand > 0) {
    await t.http
      .put(`/api/stock/${product.id}/${w.warehouseCode}`)
      .set(bearer(w.warehouse))
      .send({ onHand })
      .expect(200);
  }
  return product;
}

/** Takes a product off sale, as an admin would. */
export async function withdraw(t: TestApp, admin: TestUser, productId: string): Promise<void> {
  await t.http.patch(`/api/products/${productId}`).set(bearer(admin)).send({ active: false }).expect(200);
}

/** Queries the API sends while `work` runs (every statement passes through the data source's logger). */
export async function countQueries(t: TestApp, work: () => Promise<unknown>): Promise<number> {
  const logger = t.dataSource.logger;
  let count = 0;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (...args: Parameters<typeof logger.logQuery>) => {
    count += 1;
    return original(...args);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return count;
}
