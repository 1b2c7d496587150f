import type { FulfilmentQueue } from '@tradecounter/contracts';

/** The board's queues in the order work flows through them, with what each holds in words. */
export const QUEUE_LABELS: Record<FulfilmentQueue, string> = {
  confirmed: 'To pick',
  picking: 'Picking',
  packed: 'Packed',
  partially_shipped: 'Partly shipped',
  shipped: 'Awaiting delivery',
};

export function isQueue(value: string): value is FulfilmentQueue {
  return value in QUEUE_LABELS;
}
