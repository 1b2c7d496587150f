import fc from 'fast-check';
import type { PromiseSettings, PromiseSplit } from '../availability';
import {
  inboundUnitsToSupplier,
  planInboundAllocation,
  planReallocation,
  planReceivedAllocations,
  supplierUnitsToInbound,
} from './purchase-supply';

const settings: PromiseSettings = {
  timeZone: 'UTC',
  cutoffTime: '14:00',
  handlingDays: 1,
  transitDays: 2,
  holidays: new Set(),
};
const units = (splits: readonly PromiseSplit[]) => splits.reduce((sum, s) => sum + s.qty, 0);

describe("a purchase order's inbound shared among waiting lines", () => {
  it('goes to the oldest placement first, as far as the units go', () => {
    expect(
      planInboundAllocation(6, [
        { id: 'oldest', backordered: 4 },
        { id: 'next', backordered: 5 },
        { id: 'newest', backordered: 1 },
      ]),
    ).toEqual([
      { id: 'oldest', qty: 4 },
      { id: 'next', qty: 2 },
    ]);
  });

  it('conserves units, over-allocates nothing and keeps placement order', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.array(fc.nat(30), { maxLength: 12 }), (qty, waits) => {
        const lines = waits.map((backordered, i) => ({ id: `l${i}`, backordered }));
        const plan = planInboundAllocation(qty, lines);
        const total = plan.reduce((sum, p) => sum + p.qty, 0);
        expect(total).toBe(
          Math.min(
            qty,
            waits.reduce((sum, w) => sum + w, 0),
          ),
        );
        const positions = plan.map((p) => lines.findIndex((l) => l.id === p.id));
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        plan.forEach((p, i) => {
          expect(p.qty).toBeGreaterThan(0);
          expect(p.qty).toBeLessThanOrEqual(lines[positions[i] ?? -1]?.backordered ?? 0);
          // Only the last line served may be served in part.
          if (i < plan.length - 1) expect(p.qty).toBe(lines[positions[i] ?? -1]?.backordered);
        });
        // A later line is served only when every earlier one waiting is served in full.
        const lastServed = positions.at(-1) ?? 0;
        lines.slice(0, lastServed).forEach((line) => {
          const got = plan.find((p) => p.id === line.id)?.qty ?? 0;
          expect(got).toBe(line.backordered);
        });
      }),
    );
  });

  it('turns supplier units into the inbound split, dated by the receipts', () => {
    const splits: PromiseSplit[] = [
      { qty: 2, shipDate: '2027-03-02', deliveryDate: '2027-03-04', source: 'stock' },
      { qty: 5, shipDate: '2027-03-20', deliveryDate: '2027-03-23', source: 'supplier' },
    ];
    expect(supplierUnitsToInbound(splits, 3, '2027-03-10', settings)).toEqual([
      { qty: 2, shipDate: '2027-03-02', deliveryDate: '2027-03-04', source: 'stock' },
      { qty: 3, shipDate: '2027-03-10', deliveryDate: '2027-03-12', source: 'inbound' },
      { qty: 2, shipDate: '2027-03-20', deliveryDate: '2027-03-23', source: 'supplier' },
    ]);
  });

  it('gives inbound units back to the supplier when their receipt will not come', () => {
    const splits: PromiseSplit[] = [
      { qty: 4, shipDate: '2027-03-10', deliveryDate: '2027-03-12', source: 'inbound' },
    ];
    expect(inboundUnitsToSupplier(splits, 4, '2027-03-25', settings)).toEqual([
      { qty: 4, shipDate: '2027-03-25', deliveryDate: '2027-03-29', source: 'supplier' },
    ]);
  });

  it("never changes a line's units either way", () => {
    const split = fc.record({
      qty: fc.integer({ min: 1, max: 20 }),
      shipDate: fc.constantFrom('2027-03-01', '2027-03-05', '2027-03-09'),
      source: fc.constantFrom<PromiseSplit['source']>('stock', 'inbound', 'supplier'),
    });
    fc.assert(
      fc.property(fc.array(split, { minLength: 1, maxLength: 5 }), fc.nat(30), (raw, qty) => {
        const splits = raw.map((s) => ({ ...s, deliveryDate: s.shipDate }));
        const supplier = splits.filter((s) => s.source === 'supplier').reduce((sum, s) => sum + s.qty, 0);
        const inbound = splits.filter((s) => s.source === 'inbound').reduce((sum, s) => sum + s.qty, 0);
        const toInbound = supplierUnitsToInbound(splits, Math.min(qty, supplier), '2027-03-07', settings);
        expect(units(toInbound)).toBe(units(splits));
        expect(toInbound.filter((s) => s.source === 'inbound').length).toBeLessThanOrEqual(1);
        const toSupplier = inboundUnitsToSupplier(splits, Math.min(qty, inbound), '2027-03-20', settings);
        expect(units(toSupplier)).toBe(units(splits));
      }),
    );
  });
});

describe('re-promising lines whose receipt will not come', () => {
  it('moves them to other receipts with free units, earliest first, the rest to the supplier', () => {
    expect(
      planReallocation(
        [
          { lineId: 'a', qty: 3 },
          { lineId: 'b', qty: 4 },
        ],
        [
          { id: 'late', expectedDate: '2027-04-01', unpromised: 2 },
          { id: 'early', expectedDate: '2027-03-01', unpromised: 2 },
        ],
      ),
    ).toEqual([
      {
        lineId: 'a',
        moves: [
          { inboundId: 'early', qty: 2 },
          { inboundId: 'late', qty: 1 },
        ],
        toSupplier: 0,
      },
      { lineId: 'b', moves: [{ inboundId: 'late', qty: 1 }], toSupplier: 3 },
    ]);
  });

  it('keeps every unit of every line and never over-allocates a receipt', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 8 }),
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), free: fc.nat(15) }), { maxLength: 5 }),
        (lines, receipts) => {
          const withdrawn = lines.map((qty, i) => ({ lineId: `l${i}`, qty }));
          const others = receipts.map((r, i) => ({
            id: `r${i}`,
            expectedDate: `2027-03-${String(r.day).padStart(2, '0')}`,
            unpromised: r.free,
          }));
          const plan = planReallocation(withdrawn, others);
          plan.forEach((p, i) => {
            expect(p.moves.reduce((sum, m) => sum + m.qty, 0) + p.toSupplier).toBe(withdrawn[i]?.qty);
          });
          for (const receipt of others) {
            const taken = plan.flatMap((p) => p.moves).filter((m) => m.inboundId === receipt.id);
            expect(taken.reduce((sum, m) => sum + m.qty, 0)).toBeLessThanOrEqual(receipt.unpromised);
          }
          // Nothing goes to the supplier while a receipt still had free units.
          const free = others.reduce((sum, r) => sum + r.unpromised, 0);
          const moved = plan.flatMap((p) => p.moves).reduce((sum, m) => sum + m.qty, 0);
          const asked = lines.reduce((sum, q) => sum + q, 0);
          expect(moved).toBe(Math.min(free, asked));
        },
      ),
    );
  });

  it('moves the oldest allocations with units received early, splitting one at most', () => {
    expect(
      planReceivedAllocations(5, [
        { lineId: 'a', qty: 3 },
        { lineId: 'b', qty: 4 },
      ]),
    ).toEqual([
      { lineId: 'a', qty: 3 },
      { lineId: 'b', qty: 2 },
    ]);
  });
});
