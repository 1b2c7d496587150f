import type { ProductReturn, ReturnableLine, ReturnFees, ReturnLine } from '@tradecounter/contracts';
import {
  defaultReturnStatus,
  estimateCredit,
  feeWords,
  initialRows,
  lineCredit,
  overReceived,
  percentWords,
  receivedUnits,
  receiveRequest,
  returnableWords,
  returnActions,
  splitRow,
  sumCredits,
} from './return-rules';

const FEES: ReturnFees = { damaged: '0', defective: '0', wrong_item: '0', not_needed: '10', other: '12.5' };

function returnable(more: Partial<ReturnableLine> = {}): ReturnableLine {
  return {
    orderLineId: 'ol1',
    lineNo: 1,
    productId: 'p1',
    sku: 'SKU-1',
    name: 'Hinge',
    unitPrice: '4.20',
    delivered: 10,
    alreadyReturned: 2,
    returnable: 8,
    windowDays: 30,
    windowEndsOn: '2027-01-06',
    blockedBy: null,
    ...more,
  };
}

function line(id: string, quantity: number, received = 0, more: Partial<ReturnLine> = {}): ReturnLine {
  return {
    id,
    orderLineId: `ol-${id}`,
    lineNo: 1,
    productId: `p-${id}`,
    sku: `SKU-${id}`,
    name: id,
    quantity,
    reason: 'damaged',
    note: null,
    resolution: 'credit',
    unitPrice: '1.00',
    feePercent: '0',
    received,
    restocked: received,
    scrapped: 0,
    credited: received,
    replacementOrder: null,
    ...more,
  };
}

function ret(status: ProductReturn['status'], lines: ReturnLine[]): ProductReturn {
  return { status, lines } as ProductReturn;
}

describe('returnableWords', () => {
  it('gives the window end while something may come back', () => {
    expect(returnableWords(returnable())).toBe('Returnable until 6 Jan 2027');
  });

  it('says why nothing may come back', () => {
    expect(returnableWords(returnable({ blockedBy: 'not_delivered', windowEndsOn: null }))).toBe(
      'Not delivered yet',
    );
    expect(returnableWords(returnable({ blockedBy: 'not_returnable', windowDays: 0 }))).toBe(
      'Not returnable',
    );
    expect(returnableWords(returnable({ blockedBy: 'window_closed' }))).toBe(
      'Return window closed on 6 Jan 2027',
    );
    expect(returnableWords(returnable({ blockedBy: 'all_returned' }))).toBe('All returned');
  });
});

describe('fees', () => {
  it('words a percentage as people write it', () => {
    expect(percentWords('10')).toBe('10 %');
    expect(percentWords('12.50')).toBe('12.5 %');
    expect(percentWords('10.00')).toBe('10 %');
  });

  it('names the fee for the reason before the buyer asks', () => {
    expect(feeWords('not_needed', FEES)).toBe('A 10 % restocking fee applies to Not needed');
    expect(feeWords('damaged', FEES)).toBe('No restocking fee for Damaged');
    expect(feeWords('wrong_item', undefined)).toBe('No restocking fee for Wrong item');
  });
});

describe('credit estimate', () => {
  it('is quantity × price less the fee, the fee rounded half up to the cent', () => {
    expect(lineCredit('4.20', 3, '0')).toBe('12.60');
    expect(lineCredit('4.20', 3, '10')).toBe('11.34');
    // 0.05 × 12.5 % = 0.00625 → fee 0.01
    expect(lineCredit('0.05', 1, '12.5')).toBe('0.04');
    // 0.04 × 12.5 % = 0.005 → half up to 0.01
    expect(lineCredit('0.04', 1, '12.5')).toBe('0.03');
    expect(lineCredit('4.20', 0, '10')).toBe('0.00');
  });

  it('adds the lines, each at its reason’s fee', () => {
    expect(
      estimateCredit(
        [
          { unitPrice: '4.20', quantity: 3, reason: 'not_needed' },
          { unitPrice: '10.00', quantity: 1, reason: 'damaged' },
        ],
        FEES,
      ),
    ).toBe('21.34');
    expect(sumCredits(['0.10', '0.20'])).toBe('0.30');
  });
});

describe('returnActions', () => {
  const requested = ret('requested', [line('a', 2)]);
  const approved = ret('approved', [line('a', 2)]);

  it('lets account managers and admins decide a request', () => {
    expect(returnActions(requested, 'account_manager')).toEqual(['approve', 'reject']);
    expect(returnActions(requested, 'admin')).toEqual(['approve', 'reject']);
    expect(returnActions(requested, 'buyer')).toEqual([]);
    expect(returnActions(requested, 'warehouse')).toEqual([]);
  });

  it('lets the warehouse receive an approved return and staff close it', () => {
    expect(returnActions(approved, 'warehouse')).toEqual(['receive', 'close']);
    expect(returnActions(approved, 'account_manager')).toEqual(['close']);
    expect(returnActions(approved, 'manager')).toEqual([]);
    expect(returnActions(ret('credited', [line('a', 2, 2)]), 'warehouse')).toEqual([]);
  });

  it('opens each role’s list on its work', () => {
    expect(defaultReturnStatus('account_manager')).toBe('requested');
    expect(defaultReturnStatus('warehouse')).toBe('approved');
    expect(defaultReturnStatus('buyer')).toBe('all');
  });
});

describe('receiving sheet', () => {
  const approved = ret('approved', [line('a', 5, 2), line('b', 3), line('c', 1, 1)]);

  it('starts with what is still expected of each line, to restock', () => {
    expect(initialRows(approved)).toEqual([
      { key: 0, returnLineId: 'a', quantity: 3, condition: 'restock' },
      { key: 1, returnLineId: 'b', quantity: 3, condition: 'restock' },
    ]);
  });

  it('splits a line into restock and scrap, and posts one entry per line and condition', () => {
    let rows = splitRow(initialRows(approved), 0);
    expect(rows.map((r) => [r.returnLineId, r.condition, r.quantity])).toEqual([
      ['a', 'restock', 3],
      ['a', 'scrap', 0],
      ['b', 'restock', 3],
    ]);
    rows = rows.map((r) =>
      r.returnLineId === 'a' ? { ...r, quantity: r.condition === 'restock' ? 2 : 1 } : r,
    );
    expect(receiveRequest(rows)).toEqual({
      lines: [
        { returnLineId: 'a', quantity: 2, condition: 'restock' },
        { returnLineId: 'a', quantity: 1, condition: 'scrap' },
        { returnLineId: 'b', quantity: 3, condition: 'restock' },
      ],
    });
    expect(receivedUnits(rows)).toBe(6);
    expect(overReceived(approved, rows).size).toBe(0);
  });

  it('flags a line counted beyond what is expected, and leaves out empty rows', () => {
    const rows = [
      { key: 0, returnLineId: 'a', quantity: 3, condition: 'restock' as const },
      { key: 1, returnLineId: 'a', quantity: 2, condition: 'scrap' as const },
      { key: 2, returnLineId: 'b', quantity: 0, condition: 'restock' as const },
    ];
    expect([...overReceived(approved, rows)]).toEqual([['a', 2]]);
    expect(receiveRequest(rows).lines).toHaveLength(2);
  });
});
