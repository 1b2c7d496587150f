export * from './order-quantity';
export * from './order-status';
export * from './placement';
export * from './promised-dates';
export * from './quick-order';
export * from './cart-merge';
export * from './repromise';
export * from './exposure';
