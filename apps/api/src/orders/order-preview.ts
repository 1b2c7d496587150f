import type { OrderPreview, OrderPreviewOutcome } from '@tradecounter/contracts';
import {
  explainPlacement,
  formatMoney,
  PlacementCheck,
  PlacementDecision,
  PricedLine,
  PromisedDates,
} from '@tradecounter/domain';
import type { OrderingAccount } from '../accounts/accounts.service';
import type { PromiseOutcome } from '../availability/availability.service';
import type { AddressSnapshot } from './order.entity';
import type { RequestedLine } from './requested-lines';

/** What promising the lines gave: the promise, and the delivery date of each line. */
export interface Promised {
  outcome: PromiseOutcome;
  dates: PromisedDates;
}

/** Everything placing decides before it writes the order (OrderPlacementService.plan). */
export interface PlacementPlan {
  placedAt: Date;
  lines: RequestedLine[];
  account: OrderingAccount;
  address: AddressSnapshot;
  priced: PricedLine[];
  subtotal: bigint;
  check: PlacementCheck;
  decision: PlacementDecision;
  promised: Promised;
}

/** A dry run's answer: the plan's lines, and its decision explained. */
export function toPreview(
  plan: PlacementPlan,
  context: { approvers: { id: string; name: string }[]; currency: string; shipComplete: boolean },
): OrderPreview {
  const { promised } = plan;
  return {
    accountId: plan.account.id,
    accountName: plan.account.name,
    currency: context.currency,
    warehouseCode: promised.outcome.response.warehouseCode,
    shipComplete: context.shipComplete,
    lines: plan.lines.map((line, index) => {
      const price = plan.priced[index];
      const promise = promised.outcome.lines[index];
      if (!price || !promise) throw new Error('Every line is priced and promised');
      const { fromStock, allocations, fromSupplier } = promise.reservation;
      return {
        lineNo: index + 1,
        productId: line.product.id,
        sku: line.product.sku,
        name: line.product.name,
        quantity: line.quantity,
        unitPrice: formatMoney(price.unitPrice),
        lineTotal: formatMoney(price.lineTotal),
        promise: { splits: promise.splits },
        promisedDate: promised.dates.perLine[index] ?? promised.dates.earliest,
        fromStock,
        fromInbound: allocations.reduce((sum, allocation) => sum + allocation.qty, 0),
        backordered: fromSupplier,
      };
    }),
    subtotal: formatMoney(plan.subtotal),
    earliestDelivery: promised.dates.earliest,
    outcome: previewOutcome(plan.check, context.approvers),
  };
}

function previewOutcome(
  check: PlacementCheck,
  approvers: { id: string; name: string }[],
): OrderPreviewOutcome {
  const explained = explainPlacement(check);
  const orderTotal = formatMoney(explained.total);
  switch (explained.outcome) {
    case 'placed':
      return { kind: 'placed', status: 'confirmed', orderTotal };
    case 'needs_approval':
      return {
        kind: 'needs_approval',
        status: 'pending_approval',
        orderTotal,
        orderLimit: formatMoney(explained.orderLimit),
        overBy: formatMoney(explained.overBy),
        approvers,
      };
    case 'credit_hold':
      return {
        kind: 'credit_hold',
        status: 'on_hold',
        orderTotal,
        creditLimit: formatMoney(explained.creditLimit),
        creditExposure: formatMoney(explained.exposure),
        availableCredit: formatMoney(explained.availableCredit),
        overBy: formatMoney(explained.overBy),
      };
  }
}
