export * from './percent';
export * from './price-line';
export * from './rounding';
