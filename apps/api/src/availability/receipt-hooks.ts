import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A receipt just received, inside the receiving transaction. */
export interface ReceivedReceipt {
  inboundId: string;
  productId: string;
  warehouseCode: string;
  /** Its units that were promised to orders: now reserved stock. */
  allocated: number;
}

export type ReceiptHandler = (tx: EntityManager, receipt: ReceivedReceipt) => Promise<void>;

/**
 * Lets ordering follow receipts without availability knowing about orders:
 * when a receipt is received, its allocations to order lines must become
 * those lines' reserved stock, in the same transaction. Handlers run in it,
 * after the stock row and the receipt are locked and updated; a handler
 * that throws rolls the receipt back.
 */
@Injectable()
export class ReceiptHooks {
  private readonly handlers: ReceiptHandler[] = [];

  on(handler: ReceiptHandler): void {
    this.handlers.push(handler);
  }

  async received(tx: EntityManager, receipt: ReceivedReceipt): Promise<void> {
    for (const handler of this.handlers) await handler(tx, receipt);
  }
}
