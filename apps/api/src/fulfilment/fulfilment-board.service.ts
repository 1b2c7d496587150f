import { Injectable } from '@nestjs/common';
import {
  FULFILMENT_QUEUES,
  type FulfilmentOrder,
  type FulfilmentQueue,
  type FulfilmentQueues,
  type Page,
  type PickListOrder,
} from '@tradecounter/contracts';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { badRequest } from '../common/http/problem';
import { localDateTime } from '@tradecounter/domain';
import { PromiseSettingsCache } from '../availability/promise-settings.cache';
import { type BoardFilter, FulfilmentBoardRepository } from './fulfilment-board.repository';

/** The warehouse's view: how many orders wait in each queue, the orders in one, and what to pick. */
@Injectable()
export class FulfilmentBoardService {
  constructor(
    private readonly board: FulfilmentBoardRepository,
    private readonly calendar: PromiseSettingsCache,
  ) {}

  async queues(warehouseCode: string): Promise<FulfilmentQueues> {
    await this.requireWarehouse(warehouseCode);
    const counts = await this.board.queueCounts(warehouseCode, FULFILMENT_QUEUES);
    return {
      warehouseCode,
      counts: Object.fromEntries(
        FULFILMENT_QUEUES.map((status) => [status, counts.get(status) ?? 0]),
      ) as Record<FulfilmentQueue, number>,
    };
  }

  async orders(filter: Omit<BoardFilter, 'today'>, page: PageRequest): Promise<Page<FulfilmentOrder>> {
    await this.requireWarehouse(filter.warehouseCode);
    const found = await this.calendar.settings(filter.warehouseCode);
    // Late is judged by the warehouse's own calendar day, not the database server's.
    const today = localDateTime(new Date(), found?.settings.timeZone ?? 'UTC').date;
    const [items, total] = await this.board.orders({ ...filter, today }, page);
    return pageOf(items, total, page);
  }

  async pickList(
    warehouseCode: string,
    orderId: string | undefined,
    page: PageRequest,
  ): Promise<Page<PickListOrder>> {
    await this.requireWarehouse(warehouseCode);
    const [items, total] = await this.board.pickList(warehouseCode, orderId?.toLowerCase(), page);
    return pageOf(items, total, page);
  }

  private async requireWarehouse(code: string): Promise<void> {
    if (!(await this.board.warehouseExists(code))) {
      throw badRequest('No warehouse has this code', [
        { field: 'warehouseCode', message: 'is not a known warehouse' },
      ]);
    }
  }
}
