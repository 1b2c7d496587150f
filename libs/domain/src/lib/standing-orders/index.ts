export * from './schedule';
export * from './standing-order-runs';
export * from './po-pattern';
export * from './run-lines';
