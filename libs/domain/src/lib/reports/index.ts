export * from './figures';
export * from './delivery';
export * from './buckets';
