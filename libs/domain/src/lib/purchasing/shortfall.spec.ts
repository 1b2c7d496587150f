import fc from 'fast-check';
import {
  planDrafts,
  shortfallOf,
  SKIP_NO_SUPPLIER,
  SKIP_NOTHING_SHORT,
  SKIP_NOTHING_TO_BUY,
  SKIP_UNKNOWN,
  type DraftCandidate,
} from './shortfall';

describe('the shortfall', () => {
  it('is the demand that drafts do not cover, bought in whole packs', () => {
    // 17 units waiting, 5 already on a draft: 12 short, in packs of 10: 20.
    expect(shortfallOf({ demand: 17, onDraft: 5, packSize: 10 })).toEqual({
      shortfall: 12,
      draftQuantity: 20,
    });
    // A draft of a whole pack covers more than the demand: nothing short.
    expect(shortfallOf({ demand: 7, onDraft: 10, packSize: 10 })).toEqual({ shortfall: 0, draftQuantity: 0 });
    expect(shortfallOf({ demand: 7, onDraft: 0, packSize: null })).toEqual({
      shortfall: 7,
      draftQuantity: 7,
    });
  });

  it('drafting what it says leaves nothing short (drafting twice creates nothing twice)', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.nat(10_000),
        fc.integer({ min: 1, max: 50 }),
        (demand, onDraft, pack) => {
          const first = shortfallOf({ demand, onDraft, packSize: pack });
          const again = shortfallOf({ demand, onDraft: onDraft + first.draftQuantity, packSize: pack });
          expect(again).toEqual({ shortfall: 0, draftQuantity: 0 });
        },
      ),
    );
  });
});

describe('planning drafts', () => {
  const rows: DraftCandidate[] = [
    { productId: 'p1', warehouseCode: 'W', supplierCode: 'ACME', packSize: 10, draftQuantity: 20 },
    { productId: 'p2', warehouseCode: 'W', supplierCode: 'BOLT', packSize: 1, draftQuantity: 3 },
    { productId: 'p3', warehouseCode: 'W', supplierCode: 'ACME', packSize: 6, draftQuantity: 6 },
    { productId: 'p4', warehouseCode: 'W', supplierCode: null, packSize: null, draftQuantity: 4 },
    { productId: 'p5', warehouseCode: 'W', supplierCode: 'BOLT', packSize: 5, draftQuantity: 0 },
  ];

  it('makes one draft per supplier and says why rows were left out', () => {
    expect(planDrafts(rows, undefined, { onlyWhileShort: true })).toEqual({
      drafts: [
        {
          supplierCode: 'ACME',
          lines: [
            { productId: 'p1', warehouseCode: 'W', quantity: 20 },
            { productId: 'p3', warehouseCode: 'W', quantity: 6 },
          ],
        },
        { supplierCode: 'BOLT', lines: [{ productId: 'p2', warehouseCode: 'W', quantity: 3 }] },
      ],
      skipped: [
        { productId: 'p4', warehouseCode: 'W', reason: SKIP_NO_SUPPLIER },
        { productId: 'p5', warehouseCode: 'W', reason: SKIP_NOTHING_SHORT },
      ],
    });
  });

  it('rounds a chosen quantity up to the pack, names unknown rows, and takes a row once', () => {
    const plan = planDrafts(
      rows,
      [
        { productId: 'p1', warehouseCode: 'W', quantity: 11 },
        { productId: 'p1', warehouseCode: 'W', quantity: 50 },
        { productId: 'p9', warehouseCode: 'W' },
      ],
      { onlyWhileShort: true },
    );
    expect(plan.drafts).toEqual([
      { supplierCode: 'ACME', lines: [{ productId: 'p1', warehouseCode: 'W', quantity: 20 }] },
    ]);
    expect(plan.skipped).toEqual([{ productId: 'p9', warehouseCode: 'W', reason: SKIP_NOTHING_SHORT }]);
    // Suggestions list every product and warehouse: one they do not know is unknown.
    expect(
      planDrafts(rows, [{ productId: 'p9', warehouseCode: 'W' }], { onlyWhileShort: false }).skipped,
    ).toEqual([{ productId: 'p9', warehouseCode: 'W', reason: SKIP_UNKNOWN }]);
  });

  it('lets suggestions buy a chosen quantity where nothing is due, but not none', () => {
    const plan = planDrafts(
      rows,
      [
        { productId: 'p5', warehouseCode: 'W', quantity: 7 },
        { productId: 'p2', warehouseCode: 'W', quantity: 0 },
      ],
      { onlyWhileShort: false },
    );
    expect(plan.drafts).toEqual([
      { supplierCode: 'BOLT', lines: [{ productId: 'p5', warehouseCode: 'W', quantity: 10 }] },
    ]);
    expect(plan.skipped).toEqual([{ productId: 'p2', warehouseCode: 'W', reason: SKIP_NOTHING_TO_BUY }]);
  });
});
