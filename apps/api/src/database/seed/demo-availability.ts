import { EntityManager } from 'typeorm';
import { addBusinessDays } from '@tradecounter/domain';
import { HolidayEntity } from '../../availability/holiday.entity';
import { InboundEntity } from '../../availability/inbound.entity';
import { StockEntity } from '../../availability/stock.entity';
import { WarehouseEntity } from '../../availability/warehouse.entity';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { wobble } from './demo-catalog';
import { usFederalHolidays } from './demo-holidays';

/** Two warehouses two time zones apart: Chicago (the default) and Reno. */
const WAREHOUSES = [
  {
    code: 'CHI',
    name: 'Chicago distribution center',
    timeZone: 'America/Chicago',
    cutoffTime: '14:00',
    handlingDays: 1,
    transitDays: 2,
    isDefault: true,
  },
  {
    code: 'RNO',
    name: 'Reno distribution center',
    timeZone: 'America/Los_Angeles',
    cutoffTime: '15:00',
    handlingDays: 1,
    transitDays: 3,
    isDefault: false,
  },
];

/** Accounts in the west are served from Reno; the rest (ACME among them) from Chicago. */
const WESTERN_REGIONS = new Set(['CA', 'OR', 'WA', 'NV', 'AZ', 'CO']);

/**
 * Warehouses, this year's and next year's holidays, stock of every product
 * at both warehouses in a bin of its own (some short, some out) and inbound receipts over the
 * next six weeks, mostly for what is short. Deterministic for a given day.
 */
export async function seedDemoAvailability(tx: EntityManager, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  const holidays = [...usFederalHolidays(year), ...usFederalHolidays(year + 1)];
  await tx.getRepository(HolidayEntity).insert(holidays.map((date) => ({ date })));
  await tx.getRepository(WarehouseEntity).insert(WAREHOUSES);

  for (const account of DEMO_ACCOUNTS) {
    const code = WESTERN_REGIONS.has(account.region) ? 'RNO' : 'CHI';
    await tx.query('UPDATE accounts SET default_warehouse_code = $1 WHERE code = $2', [code, account.code]);
  }

  const products = (await tx.query('SELECT id, sku FROM products ORDER BY sku')) as {
    id: string;
    sku: string;
  }[];
  const calendar = new Set(holidays);
  const stock: Partial<StockEntity>[] = [];
  const inbound: Partial<InboundEntity>[] = [];
  for (const { code } of WAREHOUSES) {
    for (const product of products) {
      const key = `${product.sku}@${code}`;
      const onHand = demoOnHand(key);
      stock.push({
        productId: product.id,
        warehouseCode: code,
        onHand,
        reserved: 0,
        binLocation: demoBin(key),
      });
      for (const receipt of demoReceipts(key, onHand)) {
        // Suppliers deliver on business days: n business days from today, within six weeks.
        const expectedDate = addBusinessDays(today, receipt.businessDays, calendar);
        inbound.push({ productId: product.id, warehouseCode: code, qty: receipt.qty, expectedDate });
      }
    }
  }
  await tx.getRepository(StockEntity).insert(stock);
  await tx.getRepository(InboundEntity).insert(inbound);
}

/** Aisle A–H, bay 01–24, level 1–4: `C-07-2`. */
function demoBin(key: string): string {
  const aisle = 'ABCDEFGH'.charAt(wobble(`${key}:aisle`, 8));
  const bay = String(1 + wobble(`${key}:bay`, 24)).padStart(2, '0');
  return `${aisle}-${bay}-${1 + wobble(`${key}:shelf`, 4)}`;
}

/** About 8 % out of stock, 15 % short (1–9), the rest 20–400. */
function demoOnHand(key: string): number {
  const roll = wobble(`${key}:stock`, 100);
  if (roll < 8) return 0;
  if (roll < 23) return 1 + wobble(`${key}:short`, 9);
  return 20 + 5 * wobble(`${key}:level`, 77);
}

/** Most out-of-stock and short items have supply coming; a quarter of the rest does too. */
function demoReceipts(key: string, onHand: number): { qty: number; businessDays: number }[] {
  const roll = wobble(`${key}:inbound`, 100);
  const coming = onHand === 0 ? roll < 75 : onHand < 10 ? roll < 85 : roll < 25;
  if (!coming) return [];
  const count = 1 + (wobble(`${key}:receipts`, 4) === 0 ? 1 : 0);
  return Array.from({ length: count }, (_, index) => ({
    qty: 12 * (2 + wobble(`${key}:qty${index}`, 19)),
    businessDays: 2 + index * 12 + wobble(`${key}:when${index}`, 14),
  }));
}
