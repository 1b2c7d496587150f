export * from './return-window';
export * from './return-credit';
export * from './return-status';
export * from './return-number';
