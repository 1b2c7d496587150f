export * from './order-event';
export * from './retry-schedule';
export * from './notification-rules';
