import type { Problem, Quote, QuoteLine, QuoteRequest } from '@tradecounter/contracts';
import { formatMoney, parseMoney } from '@tradecounter/domain';
import { firstValueFrom, Observable, of, Subject, throwError, toArray } from 'rxjs';
import {
  livePreview,
  type PhoneOrderPreview,
  placeable,
  PREVIEW_DEBOUNCE_MS,
  type PreviewInput,
  previewOf,
  type QuoteFn,
  refusedLines,
} from './phone-order-preview';

/** The demo catalog this fake quote knows: GLV at 2.50, min 12 in packs of 6; TAPE at 3.00. */
const CATALOG: Record<
  string,
  Pick<QuoteLine, 'productId' | 'name' | 'unitPrice' | 'minOrderQty' | 'orderMultiple'>
> = {
  GLV: { productId: 'p-glv', name: 'Gloves', unitPrice: '2.50', minOrderQty: 12, orderMultiple: 6 },
  TAPE: { productId: 'p-tape', name: 'Tape', unitPrice: '3.00', minOrderQty: 1, orderMultiple: 1 },
};

/** Like POST /api/pricing/quote: 400 naming every unknown SKU, else each line priced. */
function fakeQuote(requests: QuoteRequest[] = []): QuoteFn {
  return (request) => {
    requests.push(request);
    const unknown = request.lines.flatMap((line, i) =>
      CATALOG[line.sku ?? ''] ? [] : [{ field: `lines[${i}].sku`, message: 'is not an active product' }],
    );
    if (unknown.length) {
      const problem: Problem = {
        type: 'about:blank',
        title: 'Some lines cannot be priced',
        status: 400,
        errors: unknown,
      };
      return throwError(() => problem);
    }
    const lines = request.lines.map((line): QuoteLine => {
      const product = CATALOG[line.sku ?? ''] as (typeof CATALOG)[string];
      const total = formatMoney(parseMoney(product.unitPrice) * BigInt(line.quantity));
      return {
        ...product,
        sku: line.sku ?? '',
        quantity: line.quantity,
        listPrice: product.unitPrice,
        lineTotal: total,
        source: 'list',
        breakApplied: null,
        savings: '0.00',
        nextBreak: null,
      };
    });
    const quote: Quote = {
      currency: 'USD',
      accountId: request.accountId ?? null,
      date: '2027-01-04',
      subtotal: '',
      savings: '0.00',
      lines,
    };
    return of(quote);
  };
}

const last = (preview$: Observable<PhoneOrderPreview>) =>
  firstValueFrom(preview$.pipe(toArray())).then((all) => all[all.length - 1] as PhoneOrderPreview);

describe('phone order preview', () => {
  it('prices every line and adds up the subtotal', async () => {
    const preview = await last(
      previewOf({ accountId: 'a', text: 'GLV 12\nTAPE 5', version: 0 }, fakeQuote()),
    );
    expect(preview.status).toBe('ready');
    expect(preview.lines.map((l) => [l.sku, l.unitPrice, l.lineTotal, l.problem])).toEqual([
      ['GLV', '2.50', '30.00', null],
      ['TAPE', '3.00', '15.00', null],
    ]);
    // 30.00 + 15.00
    expect(preview.subtotal).toBe('45.00');
    expect(placeable(preview)).toBe(true);
  });

  it('flags an unknown SKU and still prices the other lines', async () => {
    const requests: QuoteRequest[] = [];
    const preview = await last(
      previewOf({ accountId: 'a', text: 'NOPE 1\nTAPE 5', version: 0 }, fakeQuote(requests)),
    );
    expect(preview.lines.map((l) => [l.sku, l.lineTotal, l.problem])).toEqual([
      ['NOPE', null, 'SKU is not an active product'],
      ['TAPE', '15.00', null],
    ]);
    expect(preview.subtotal).toBe('15.00');
    expect(requests.map((r) => r.lines.map((l) => l.sku))).toEqual([['NOPE', 'TAPE'], ['TAPE']]);
    expect(placeable(preview)).toBe(false);
  });

  it('flags a quantity the pack rules refuse, priced all the same', async () => {
    const preview = await last(previewOf({ accountId: 'a', text: 'GLV 15', version: 0 }, fakeQuote()));
    expect(preview.lines[0]).toMatchObject({
      lineTotal: '37.50',
      problem: 'Quantity must be a multiple of 6 (sold in packs of 6)',
    });
    expect(placeable(preview)).toBe(false);
  });

  it('keeps unreadable rows and waits for an account before pricing', async () => {
    const requests: QuoteRequest[] = [];
    const noAccount = await last(
      previewOf({ accountId: '', text: 'GLV 12\nnonsense', version: 0 }, fakeQuote(requests)),
    );
    expect(noAccount.status).toBe('idle');
    expect(noAccount.rowErrors).toEqual([expect.objectContaining({ row: 2, text: 'nonsense' })]);
    expect(requests).toEqual([]);
    const withAccount = await last(
      previewOf({ accountId: 'a', text: 'GLV 12\nnonsense', version: 0 }, fakeQuote()),
    );
    expect(withAccount.status).toBe('ready');
    expect(placeable(withAccount)).toBe(false);
  });

  it('reports a failure that is not about a line as an error', async () => {
    const down: QuoteFn = () =>
      throwError(() => ({ type: 'about:blank', title: 'Cannot reach the server', status: 0 }));
    const preview = await last(previewOf({ accountId: 'a', text: 'GLV 12', version: 0 }, down));
    expect(preview).toMatchObject({ status: 'error', problem: { status: 0 } });
  });

  it('reads only line errors as refused lines', () => {
    const problem = (errors: { field: string; message: string }[]): Problem => ({
      type: 'x',
      title: 'x',
      status: 400,
      errors,
    });
    expect(
      refusedLines(problem([{ field: 'lines[1].sku', message: 'is not an active product' }]), 2),
    ).toEqual(new Map([[1, 'SKU is not an active product']]));
    expect(refusedLines(problem([{ field: 'accountId', message: 'must be a UUID' }]), 2).size).toBe(0);
    expect(refusedLines(problem([{ field: 'lines[5].sku', message: 'x' }]), 2).size).toBe(0);
  });

  it('prices as typing settles, keeping the shown prices while re-pricing', () => {
    jest.useFakeTimers();
    try {
      const input$ = new Subject<PreviewInput>();
      const seen: PhoneOrderPreview[] = [];
      const replies = new Subject<Quote>();
      let calls = 0;
      const quote: QuoteFn = (request) => {
        calls++;
        return calls === 1 ? fakeQuote()(request) : replies;
      };
      livePreview(input$, quote).subscribe((p) => seen.push(p));
      input$.next({ accountId: 'a', text: 'GLV 1', version: 0 });
      input$.next({ accountId: 'a', text: 'GLV 12', version: 0 });
      jest.advanceTimersByTime(PREVIEW_DEBOUNCE_MS);
      expect(calls).toBe(1);
      expect(seen[seen.length - 1]).toMatchObject({ status: 'ready', subtotal: '30.00' });
      input$.next({ accountId: 'a', text: 'GLV 12\nTAPE 1', version: 0 });
      jest.advanceTimersByTime(PREVIEW_DEBOUNCE_MS);
      const loading = seen[seen.length - 1] as PhoneOrderPreview;
      expect(loading.status).toBe('loading');
      expect(loading.lines.map((l) => l.lineTotal)).toEqual(['30.00', null]);
    } finally {
      jest.useRealTimers();
    }
  });
});
