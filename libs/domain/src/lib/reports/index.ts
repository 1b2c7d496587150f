export * from './figures';
export * from './delivery';
