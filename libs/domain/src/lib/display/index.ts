export * from './dates';
export * from './money-display';
export * from './numbers';
export * from './channels';
