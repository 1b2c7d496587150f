import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IsoDate, PromiseSettings } from '@tradecounter/domain';

/**
 * A receipt with units promised to orders that was received, or whose
 * expected date moved, inside the transaction that changed it.
 */
export interface ReceiptChange {
  kind: 'received' | 'rescheduled';
  inboundId: string;
  productId: string;
  warehouseCode: string;
  /** Its units in all. */
  qty: number;
  /** Its units that were promised to orders (received: now reserved stock). */
  allocated: number;
  /** The expected date before and after (the same when received). */
  from: IsoDate;
  to: IsoDate;
  /** The warehouse's promise settings and the instant of the change, to date promises anew. */
  settings: PromiseSettings;
  at: Date;
  actorId: string;
}

export type ReceiptHandler = (tx: EntityManager, change: ReceiptChange) => Promise<void>;

/**
 * Lets ordering follow receipts without availability knowing about orders:
 * when a receipt is received, its allocations to order lines must become
 * those lines' reserved stock and its other units may fill backorders, and
 * when it is received or its date moves, the lines waiting for it are
 * promised anew, in the same transaction. Handlers
 * run in it, after the stock row and the receipt are locked and updated; a
 * handler that throws rolls the change back.
 */
@Injectable()
export class ReceiptHooks {
  private readonly handlers: ReceiptHandler[] = [];

  on(handler: ReceiptHandler): void {
    this.handlers.push(handler);
  }

  async changed(tx: EntityManager, change: ReceiptChange): Promise<void> {
    for (const handler of this.handlers) await handler(tx, change);
  }
}
