import { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL returns numeric columns as strings; we keep them as strings
 * ("1234.50") end to end so no amount ever passes through a float.
 */
export const moneyColumn = { type: 'numeric', precision: 14, scale: 2 } as const;

/** bigint counts arrive as strings; the values we store fit in a JS number. */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
