export * from './purchase-order';
