import 'reflect-metadata';
import { HttpException, ValidationPipe } from '@nestjs/common';
import fc from 'fast-check';
import { MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { LineReferenceDto } from '../../catalog/dto/line-reference.dto';
import { ProductQueryDto } from '../../catalog/dto/product.dto';
import { PromiseDto } from '../../availability/dto/promise.dto';
import { PlaceOrderDto } from '../../orders/dto/place-order.dto';
import { QuoteDto } from '../../pricing/dto/quote.dto';
import { LINE_BREAK_MESSAGE } from './control-characters';
import { fastAcceptorOf } from './fast-accept';
import { createValidationPipe } from './validation';

const UUID = '0b6f5a0e-6c55-4b37-9a3e-2f1d8c7b6a50';

/** Mostly `valid`, sometimes each of `wrong`: so whole bodies are often right and every way of being wrong comes up. */
function mostly<T>(valid: fc.Arbitrary<T>, ...wrong: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4 * wrong.length, arbitrary: valid },
    ...wrong.map((arbitrary) => ({ weight: 1, arbitrary })),
  );
}

/** Usually left out; sometimes there, right or wrong. */
function rarely(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });
}

const uuidLike = mostly(
  fc.oneof(fc.constant(UUID), fc.uuid(), fc.constant(undefined)),
  fc.constant(UUID.toUpperCase()),
  fc.constant('not-a-uuid'),
  fc.constant(''),
  fc.constant(null),
  fc.integer(),
);
const skuLike = mostly(
  fc.oneof(fc.constant(undefined), fc.constant('GLV-NIT-M'), fc.string({ minLength: 1, maxLength: 40 })),
  fc.string({ maxLength: 45 }),
  fc.constant('A B'),
  fc.constant('x'.repeat(41)),
  fc.constant(''),
  fc.constant(null),
  fc.integer(),
);
const quantityLike = mostly(
  fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(MAX_LINE_QUANTITY)),
  fc.integer({ min: -2, max: 0 }),
  fc.constant(MAX_LINE_QUANTITY + 1),
  fc.double({ noNaN: false }),
  fc.constant(2.5),
  fc.constant('3'),
  fc.constant(null),
  fc.constant(undefined),
);
const line = mostly(
  fc.record({ productId: uuidLike, sku: skuLike, quantity: quantityLike }),
  fc.record({ productId: uuidLike, quantity: quantityLike, price: fc.string() }),
  fc.constant(null),
  fc.string(),
  fc.array(fc.integer()),
  fc.integer(),
);
const lines = mostly(
  fc.array(line, { minLength: 1, maxLength: 4 }),
  fc.constant([]),
  fc.constant(undefined),
  fc.constant(null),
  fc.string(),
  fc.object(),
);
const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constant('PO\n1'), fc.constant(''), fc.integer());

/** JSON as a client sends it: undefined fields are left out, as JSON.parse would leave them. */
function asJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

const bodies = {
  quote: mostly(
    fc.record({
      accountId: uuidLike,
      date: rarely(fc.oneof(fc.constant('2027-03-01'), text)),
      lines,
      extra: rarely(fc.string()),
    }),
    fc.constant(null),
    fc.array(fc.integer()),
  ),
  promise: fc.record({
    accountId: uuidLike,
    at: rarely(fc.oneof(fc.constant('2027-03-01T16:00:00Z'), text)),
    warehouseCode: rarely(fc.oneof(fc.constant('CHI'), text)),
    lines,
  }),
  order: fc.record({
    accountId: uuidLike,
    lines,
    shippingAddressId: mostly(fc.constant(UUID), fc.constant(undefined), fc.constant('x'), fc.constant(null)),
    poNumber: mostly(
      fc.oneof(fc.constant(undefined), fc.string({ minLength: 1, maxLength: 50 })),
      text,
      fc.constant('x'.repeat(51)),
    ),
    shipComplete: mostly(fc.boolean(), fc.constant('true'), fc.constant(null), fc.constant(undefined)),
    notes: rarely(text),
    status: rarely(fc.string()),
  }),
};

const numberText = mostly(
  fc.oneof(fc.integer({ min: 1, max: 120 }).map(String), fc.constant('1000000'), fc.constant(undefined)),
  fc.constant('0'),
  fc.constant('-1'),
  fc.constant('007'),
  fc.constant('1e1'),
  fc.constant(' 2'),
  fc.constant('2.5'),
  fc.constant('+3'),
  fc.constant('1000001'),
  fc.constant('0x10'),
  fc.constant(''),
  fc.constant(['1', '2']),
  fc.string({ maxLength: 4 }),
);
const flagText = mostly(
  fc.oneof(fc.constant('true'), fc.constant('false'), fc.constant(undefined)),
  fc.constant('TRUE'),
  fc.constant('1'),
  fc.constant(''),
  fc.constant(['true', 'false']),
);
const catalogQuery = fc.record({
  page: numberText,
  pageSize: numberText,
  availability: flagText,
  accountId: rarely(uuidLike.map((value) => (value === null || value === undefined ? value : String(value)))),
  search: rarely(fc.oneof(fc.constant('nitrile'), fc.string({ maxLength: 8 }))),
  inStock: rarely(flagText),
  sort: rarely(fc.oneof(fc.constant('name'), fc.constant('price'))),
  extra: rarely(fc.string({ maxLength: 3 })),
});

/** A query as Express's simple parser hands it over: an object without a prototype, absent keys left out. */
function asQueryString(value: Record<string, unknown>): Record<string, unknown> {
  const query = Object.create(null) as Record<string, unknown>;
  for (const [key, each] of Object.entries(value)) {
    if (each === undefined) continue;
    query[key] = each === null ? '' : each;
  }
  return query;
}

async function fullValidation(
  pipe: ValidationPipe,
  body: unknown,
  dto: unknown,
  type: 'body' | 'query' = 'body',
): Promise<unknown> {
  try {
    return await pipe.transform(body, { type, metatype: dto as never });
  } catch (error) {
    if (error instanceof HttpException) return error;
    throw error;
  }
}

/**
 * The fast acceptance of hot bodies against the real validation pipe
 * (class-validator and class-transformer): whatever it accepts, the full
 * validation accepts too, into an equal instance of the same classes.
 */
describe('fast acceptance of hot bodies and queries', () => {
  const slow = createValidationPipe({ fast: false });
  const fast = createValidationPipe();

  const cases: {
    name: string;
    dto: unknown;
    arbitrary: fc.Arbitrary<unknown>;
    type: 'body' | 'query';
    /** As the request hands it to the pipe. */
    received: (generated: unknown) => unknown;
  }[] = [
    { name: 'a quote body', dto: QuoteDto, arbitrary: bodies.quote, type: 'body', received: asJson },
    { name: 'a promise body', dto: PromiseDto, arbitrary: bodies.promise, type: 'body', received: asJson },
    { name: 'an order body', dto: PlaceOrderDto, arbitrary: bodies.order, type: 'body', received: asJson },
    {
      name: 'a catalog query',
      dto: ProductQueryDto,
      arbitrary: catalogQuery,
      type: 'query',
      received: (generated) => asQueryString(generated as Record<string, unknown>),
    },
  ];

  for (const { name, dto, arbitrary, type, received } of cases) {
    it(`accepts ${name} only where the full validation does, with the same result`, async () => {
      const accept = fastAcceptorOf(dto);
      expect(accept).toBeDefined();
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (generated) => {
          const value = received(generated);
          const quick = accept?.(value);
          const full = await fullValidation(slow, value, dto, type);
          const piped = await fullValidation(fast, value, dto, type);
          // The pipe answers exactly as it does without the fast path: the same instance or the same problem.
          expect(piped instanceof HttpException ? piped.getResponse() : piped).toEqual(
            full instanceof HttpException ? full.getResponse() : full,
          );
          if (quick === undefined) return;
          // Accepted fast: class-validator accepts it too (the pipe's single-line check still runs after both).
          if (full instanceof HttpException) {
            expect(JSON.stringify(full.getResponse())).toContain(LINE_BREAK_MESSAGE);
            return;
          }
          accepted += 1;
          expect(quick).toBeInstanceOf(dto as new () => unknown);
          expect(quick).toEqual(full);
          for (const each of (quick as { lines?: unknown[] }).lines ?? [])
            expect(each).toBeInstanceOf(LineReferenceDto);
        }),
        { numRuns: 1500 },
      );
      // The generator reaches the fast path often enough for the comparison to mean something.
      expect(accepted).toBeGreaterThan(15);
    });
  }

  it('takes a plainly valid 100-line quote without class-validator, and refuses one bad line in words', async () => {
    const hundred = Array.from({ length: 100 }, (_, index) => ({ productId: UUID, quantity: index + 1 }));
    expect(fastAcceptorOf(QuoteDto)?.({ lines: hundred })).toBeInstanceOf(QuoteDto);
    const oneBad = hundred.map((each, index) => (index === 57 ? { ...each, quantity: 0 } : each));
    expect(fastAcceptorOf(QuoteDto)?.({ lines: oneBad })).toBeUndefined();
    const refused = await fullValidation(fast, { lines: oneBad }, QuoteDto);
    expect(refused).toBeInstanceOf(HttpException);
    expect(JSON.stringify((refused as HttpException).getResponse())).toContain('lines[57].quantity');
  });
});
