export * from './lib/money';
export * from './lib/access';
export * from './lib/search-terms';
export * from './lib/pricing';
export * from './lib/availability';
export * from './lib/orders';
export * from './lib/reports';
export * from './lib/events';
