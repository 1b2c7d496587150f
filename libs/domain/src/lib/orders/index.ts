export * from './order-quantity';
export * from './order-status';
export * from './placement';
export * from './quick-order';
