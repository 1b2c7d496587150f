export * from './lib/common';
export * from './lib/auth';
export * from './lib/accounts';
export * from './lib/catalog';
export * from './lib/audit';
export * from './lib/pricing';
export * from './lib/availability';
export * from './lib/orders';
