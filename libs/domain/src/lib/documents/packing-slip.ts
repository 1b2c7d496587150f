import {
  addressLines,
  documentFilename,
  type DocumentFormat,
  type DocumentModel,
  type DocumentSection,
} from './document-model';

/** The facts of an order a packing slip shows (the API's Order has them all, its shipments included). */
export interface PackingSlipOrderInput {
  number: string;
  accountCode: string;
  accountName: string;
  poNumber: string | null;
  shippingAddress: {
    label: string;
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postcode: string;
    country: string;
  };
  lines: { id: string; sku: string; name: string; quantity: number; currentPromisedDate: string }[];
  shipments: {
    id: string;
    carrier: string;
    trackingNumber: string;
    shippedAt: string;
    lines: { orderLineId: string; quantity: number }[];
  }[];
}

/** What the slip adds from outside the order: how long the buyer has to send something back. */
export interface PackingSlipTerms {
  returnWindowDays: number;
}

/** One order line as the slip counts it. */
export interface PackingSlipLine {
  sku: string;
  name: string;
  ordered: number;
  inThisShipment: number;
  /** Shipped by this shipment and every one before it. */
  shippedSoFar: number;
  /** ordered − shippedSoFar, never below 0. */
  toFollow: number;
  promisedDate: string;
}

/**
 * The slip's counts for one shipment, in order-line order. "So far" means up
 * to and including this shipment (by ship time, then position), so a slip
 * printed again later still says what was to follow when it shipped.
 * Lines neither in this parcel nor still to follow are left out.
 */
export function packingSlipLines(order: PackingSlipOrderInput, shipmentId: string): PackingSlipLine[] {
  const index = order.shipments.findIndex((shipment) => shipment.id === shipmentId);
  const shipment = order.shipments[index];
  if (!shipment) throw new Error(`Shipment ${shipmentId} is not one of order ${order.number}`);
  const upTo = order.shipments.filter(
    (other, position) =>
      other.shippedAt < shipment.shippedAt || (other.shippedAt === shipment.shippedAt && position <= index),
  );
  const sum = (shipments: PackingSlipOrderInput['shipments'], lineId: string) =>
    shipments
      .flatMap((each) => each.lines)
      .filter((line) => line.orderLineId === lineId)
      .reduce((total, line) => total + line.quantity, 0);
  return order.lines
    .map((line) => {
      const shippedSoFar = sum(upTo, line.id);
      return {
        sku: line.sku,
        name: line.name,
        ordered: line.quantity,
        inThisShipment: sum([shipment], line.id),
        shippedSoFar,
        toFollow: Math.max(0, line.quantity - shippedSoFar),
        promisedDate: line.currentPromisedDate,
      };
    })
    .filter((line) => line.inThisShipment > 0 || line.toFollow > 0);
}

/**
 * The packing slip that goes in the parcel: which order and PO it belongs
 * to, where it goes, what is in this shipment, what is still to follow and
 * when it is promised, and how to send something back.
 */
export function packingSlipDocument(
  order: PackingSlipOrderInput,
  shipmentId: string,
  terms: PackingSlipTerms,
  format: DocumentFormat,
): DocumentModel {
  const shipment = order.shipments.find((each) => each.id === shipmentId);
  if (!shipment) throw new Error(`Shipment ${shipmentId} is not one of order ${order.number}`);
  const lines = packingSlipLines(order, shipmentId);
  const position = order.shipments.indexOf(shipment) + 1;
  const unitsHere = lines.reduce((total, line) => total + line.inThisShipment, 0);
  const unitsToFollow = lines.reduce((total, line) => total + line.toFollow, 0);
  const sections: DocumentSection[] = [
    {
      heading: 'Still to follow',
      text:
        unitsToFollow === 0
          ? 'Nothing: with this shipment your order is complete.'
          : `${unitsToFollow} unit${unitsToFollow === 1 ? '' : 's'} of this order will follow in a later ` +
            'shipment, by the promised dates in the "To follow" column.',
    },
    {
      heading: 'How to return',
      text:
        (terms.returnWindowDays > 0
          ? `You may return goods within ${terms.returnWindowDays} days of delivery (unless a product says ` +
            'otherwise). '
          : 'Goods are returnable only where a product says so. ') +
        `Ask for a return from order ${order.number} in the portal (Orders, then Return items); we send ` +
        'a return authorisation (RMA) to put in the parcel. Please do not send goods back without one.',
    },
  ];
  return {
    title: 'Packing slip',
    number: order.number,
    filename: documentFilename(`${order.number}-shipment-${position}`),
    facts: [
      { label: 'Order', value: order.number },
      { label: 'PO number', value: order.poNumber ?? '—' },
      { label: 'Shipped on', value: format.day(shipment.shippedAt) },
      { label: 'Shipment', value: `${position} of ${order.shipments.length}` },
      { label: 'Carrier', value: shipment.carrier },
      { label: 'Tracking', value: shipment.trackingNumber },
    ],
    parties: [
      { heading: 'Customer', lines: [order.accountName, `Account ${order.accountCode}`] },
      { heading: 'Ship to', lines: addressLines(order.shippingAddress) },
    ],
    columns: [
      { heading: 'SKU', align: 'left', width: 2.2 },
      { heading: 'Description', align: 'left', width: 3 },
      { heading: 'Ordered', align: 'right', width: 0.9 },
      { heading: 'This shipment', align: 'right', width: 1.1 },
      { heading: 'To follow', align: 'right', width: 0.9 },
      { heading: 'Promised', align: 'right', width: 1.3 },
    ],
    rows: lines.map((line) => [
      line.sku,
      line.name,
      String(line.ordered),
      String(line.inThisShipment),
      String(line.toFollow),
      line.toFollow > 0 ? format.date(line.promisedDate) : '—',
    ]),
    totals: [
      { label: 'Units in this shipment', value: String(unitsHere), grand: true },
      { label: 'Units to follow', value: String(unitsToFollow), grand: false },
    ],
    sections,
  };
}
