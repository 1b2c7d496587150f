import { CONTRACT_SCHEMAS } from './contract-schemas.generated';
import { generateContractSchemas } from './generate-contract-schemas';

describe('contract schemas', () => {
  // Generating reads all of libs/contracts with the TypeScript compiler: a few seconds.
  jest.setTimeout(60_000);

  it('are current: contract-schemas.generated.ts is what libs/contracts generates now', () => {
    // On failure: npx ts-node -P apps/api/tsconfig.spec.json apps/api/src/openapi/generate-contract-schemas.ts
    expect(CONTRACT_SCHEMAS).toEqual(generateContractSchemas());
  });

  it('describe a contract as its TypeScript says: required and optional members, nullable, enums, $refs', () => {
    const schemas = generateContractSchemas();
    expect(schemas['Problem']).toEqual({
      type: 'object',
      description: expect.any(String),
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'number' },
        detail: { type: 'string' },
        instance: { type: 'string' },
        errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
      },
      required: ['type', 'title', 'status'],
    });
    expect(schemas['OrderSummary']).toMatchObject({
      properties: {
        status: { $ref: '#/components/schemas/OrderStatus' },
        poNumber: { type: 'string', nullable: true },
      },
    });
    expect(schemas['OrderStatus']).toMatchObject({
      type: 'string',
      enum: expect.arrayContaining(['confirmed']),
    });
    // Page<T> is generic: a route names Page<X> and the document makes XPage of it.
    expect(schemas['Page']).toBeUndefined();
    expect(schemas['NotificationList']).toMatchObject({
      properties: { items: { type: 'array', items: { $ref: '#/components/schemas/AppNotification' } } },
      required: expect.arrayContaining(['unread', 'items', 'total']),
    });
  });
});
