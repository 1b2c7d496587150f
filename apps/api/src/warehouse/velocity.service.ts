import { Injectable } from '@nestjs/common';
import type { SlottingReport, VelocityRow } from '@tradecounter/contracts';
import { accessibleAisles, aisleOf, classifyVelocity } from '@tradecounter/domain';
import { badRequest } from '../common/http/problem';
import { VelocityRepository } from './velocity.repository';

/**
 * Velocity (ABC by picks in the last 90 days) and slotting: the A products
 * whose bins are not in the most accessible aisles, the lowest-numbered
 * ones that together have a bin for every A product.
 */
@Injectable()
export class VelocityService {
  constructor(private readonly velocity: VelocityRepository) {}

  async rows(warehouseCode: string): Promise<VelocityRow[]> {
    await this.requireWarehouse(warehouseCode);
    const picks = await this.velocity.picks(warehouseCode);
    return classifyVelocity(picks).map(({ item, cumulativeShare, velocityClass }) => ({
      productId: item.productId,
      sku: item.sku,
      name: item.name,
      bin: item.bin,
      picks: item.picks,
      cumulativeShare: Math.round(cumulativeShare * 10_000) / 10_000,
      velocityClass,
    }));
  }

  async slotting(warehouseCode: string): Promise<SlottingReport> {
    const [rows, bins] = await Promise.all([
      this.rows(warehouseCode),
      this.velocity.binsByAisle(warehouseCode),
    ]);
    const classA = rows.filter((row) => row.velocityClass === 'A');
    const aisles = accessibleAisles(bins, classA.length);
    const accessible = new Set(aisles);
    return {
      warehouseCode,
      accessibleAisles: aisles,
      rows: classA
        .map((row) => ({ ...row, aisle: aisleOf(row.bin) }))
        .filter((row) => row.aisle === null || !accessible.has(row.aisle)),
    };
  }

  private async requireWarehouse(code: string): Promise<void> {
    if (!(await this.velocity.warehouseExists(code))) {
      throw badRequest('No warehouse has this code', [
        { field: 'warehouseCode', message: 'is not a known warehouse' },
      ]);
    }
  }
}
