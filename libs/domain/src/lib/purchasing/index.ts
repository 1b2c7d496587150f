export * from './pack';
export * from './shortfall';
export * from './replenishment';
export * from './supplier-performance';
export * from './purchase-order';
