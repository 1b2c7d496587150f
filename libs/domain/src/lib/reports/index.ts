export * from './figures';
export * from './delivery';
export * from './buckets';
export * from './whole-months';
export * from './quote-conversion';
export * from './return-rate';
