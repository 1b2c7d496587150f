import type { QuoteConversionReport, SalesQuote } from '@tradecounter/contracts';
import { bearer, createProduct } from '../test-support/fixtures';
import { createOrderingWorld, type OrderingWorld, setStock } from '../test-support/order-fixtures';
import { acceptQuote, endQuote, priceQuote, requestQuote } from '../test-support/quote-fixtures';
import { startTestApp, type TestApp } from '../test-support/test-app';

/**
 * GET /api/reports/quote-conversion over real quotes: each quote requested,
 * priced, revised, accepted (whole or in part), declined, withdrawn or left
 * open through the quote routes; only the first-quoting instants are moved
 * into October 2026 (and one to the last minute of September) so the period
 * is known, and one quote's validity is moved into the past so it lapses.
 */
describe('quote conversion report', () => {
  let t: TestApp;
  let w: OrderingWorld;
  const october = 'from=2026-10-01&to=2026-10-31';

  async function product(listPrice: string) {
    const made = await createProduct(t, { listPrice });
    await setStock(t, made.id, w.warehouseCode, 1000);
    return made;
  }

  async function firstQuotedAt(quote: SalesQuote, at: string) {
    await t.dataSource.query(
      'UPDATE quote_revisions SET quoted_at = $2 WHERE quote_id = $1 AND revision = 1',
      [quote.id, at],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    const [a, b, c] = [await product('20.00'), await product('50.00'), await product('10.00')];

    // Q1: 10 × 17.45 + 3 × 1,234.56 = 174.50 + 3,703.68 = 3,878.18, accepted whole
    const q1 = await priceQuote(
      t,
      w.am,
      await requestQuote(t, w.buyer, [
        { productId: a.id, quantity: 10 },
        { productId: b.id, quantity: 3 },
      ]),
      { [a.id]: '17.45', [b.id]: '1234.56' },
    );
    await acceptQuote(t, w, q1);
    // Q2: 5 × 20.00 + 2 × 50.00 = 200.00, revised to 5 × 18.00 + 2 × 45.00 = 180.00; only the first line accepted: 90.00
    const q2first = await priceQuote(
      t,
      w.am,
      await requestQuote(t, w.buyer, [
        { productId: a.id, quantity: 5 },
        { productId: b.id, quantity: 2 },
      ]),
      { [a.id]: '20.00', [b.id]: '50.00' },
    );
    const q2 = await priceQuote(t, w.am, q2first, { [a.id]: '18.00', [b.id]: '45.00' });
    await acceptQuote(t, w, q2, [q2.lines[0]?.id ?? '']);
    // Q3: 1 × 99.99, declined
    const q3 = await priceQuote(t, w.am, await requestQuote(t, w.buyer, [{ productId: c.id, quantity: 1 }]), {
      [c.id]: '99.99',
    });
    await endQuote(t, w.buyer, q3, 'decline');
    // Q4: 4 × 25.00 = 100.00, withdrawn
    const q4 = await priceQuote(t, w.am, await requestQuote(t, w.buyer, [{ productId: c.id, quantity: 4 }]), {
      [c.id]: '25.00',
    });
    await endQuote(t, w.am, q4, 'withdraw');
    // Q5: 2 × 10.00 = 20.00, still quoted: open
    const q5 = await priceQuote(t, w.am, await requestQuote(t, w.buyer, [{ productId: c.id, quantity: 2 }]), {
      [c.id]: '10.00',
    });
    // Q6: requested, never priced: not quoted at all
    await requestQuote(t, w.buyer, [{ productId: c.id, quantity: 7 }]);
    // Q7: 3 × 5.00 = 15.00, first quoted in September: another period's
    const q7 = await priceQuote(t, w.am, await requestQuote(t, w.buyer, [{ productId: c.id, quantity: 3 }]), {
      [c.id]: '5.00',
    });
    // Q8: 1 × 40.00, its prices lapsed on 20 Oct 2026: expired
    const q8 = await priceQuote(t, w.am, await requestQuote(t, w.buyer, [{ productId: c.id, quantity: 1 }]), {
      [c.id]: '40.00',
    });
    await t.dataSource.query(`UPDATE quotes SET valid_until = '2026-10-20' WHERE id = $1`, [q8.id]);
    // Q9: the other account's, 1 × 10.00, open
    const q9 = await priceQuote(
      t,
      w.otherAm,
      await requestQuote(t, w.otherBuyer, [{ productId: c.id, quantity: 1 }]),
      { [c.id]: '10.00' },
    );

    for (const quote of [q1, q2, q3, q4, q5, q8, q9]) await firstQuotedAt(quote, '2026-10-05T15:00:00Z');
    // the last minute of October (UTC, the tests' TIME_ZONE) is in; the last of September is not
    await firstQuotedAt(q5, '2026-10-31T23:59:00Z');
    await firstQuotedAt(q7, '2026-09-30T23:59:00Z');
  }, 120_000);
  afterAll(() => t.close());

  const get = (user: OrderingWorld['am'], query: string) =>
    t.http.get(`/api/reports/quote-conversion?${query}`).set(bearer(user));

  it('counts the quotes first quoted in the period by outcome, with exact values, for the account manager', async () => {
    const report = (await get(w.am, `${october}&groupBy=accountManager`).expect(200))
      .body as QuoteConversionReport;
    const figures = {
      quoted: 6, // Q1, Q2, Q3, Q4, Q5, Q8 (not Q6, never priced; not Q7, September; not Q9, not theirs)
      accepted: 2,
      declined: 1,
      expired: 1,
      withdrawn: 1,
      open: 1,
      conversion: 2 / 6,
      // 3,878.18 + 180.00 (the latest revision) + 99.99 + 100.00 + 20.00 + 40.00
      quotedValue: '4318.17',
      // 3,878.18 + 90.00 (the accepted line only)
      acceptedValue: '3968.18',
      valueConversion: 396_818 / 431_817,
    };
    expect(report).toEqual({
      asOf: expect.any(String),
      from: '2026-10-01',
      to: '2026-10-31',
      groupBy: 'accountManager',
      rows: [{ key: w.am.id, label: expect.any(String), ...figures }],
      total: figures,
    });
  });

  it('groups by account; managers see every account manager’s, filtered as asked', async () => {
    const report = (
      await get(w.manager, `${october}&groupBy=account&accountManagerId=${w.otherAm.id}`).expect(200)
    ).body as QuoteConversionReport;
    expect(report.rows).toEqual([
      expect.objectContaining({
        key: w.theirs.id,
        label: `${w.theirs.code} — ${w.theirs.name}`,
        quoted: 1,
        open: 1,
        conversion: 0,
        quotedValue: '10.00',
        acceptedValue: '0.00',
      }),
    ]);
  });

  it('keeps an account manager to their own accounts whatever they ask for', async () => {
    const report = (await get(w.am, `${october}&groupBy=account&accountId=${w.theirs.id}`).expect(200))
      .body as QuoteConversionReport;
    expect(report.rows).toEqual([]);
    expect(report.total).toMatchObject({ quoted: 0, conversion: null, quotedValue: '0.00' });
  });

  it('answers the same rows as CSV', async () => {
    const response = await get(w.am, `${october}&groupBy=account&format=csv`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="quote-conversion-by-account-2026-10-01-to-2026-10-31.csv"',
    );
    const [heading, row] = response.text.trim().split(/\r?\n/);
    expect(heading).toBe(
      'Account,Quoted,Accepted,Declined,Expired,Withdrawn,Open,Conversion (%),Quoted value (USD),' +
        'Accepted value (USD),Value conversion (%),Key',
    );
    // 2 ÷ 6 = 33.3 %; 3,968.18 ÷ 4,318.17 = 91.9 %
    expect(row).toBe(`${w.mine.code} — ${w.mine.name},6,2,1,1,1,1,33.3,4318.17,3968.18,91.9,${w.mine.id}`);
  });

  it('is staff only, and refuses a bad period or grouping with a problem', async () => {
    await get(w.buyer, october).expect(403);
    await get(w.warehouse, october).expect(403);
    const backwards = await get(w.manager, 'from=2026-10-31&to=2026-10-01').expect(400);
    expect(backwards.headers['content-type']).toMatch(/^application\/problem\+json/);
    await get(w.manager, `${october}&groupBy=product`).expect(400);
    // quotes have no channel or category
    await get(w.manager, `${october}&channel=portal`).expect(400);
  });
});
