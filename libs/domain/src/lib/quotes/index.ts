export * from './quote-status';
export * from './quote-validity';
export * from './quote-acceptance';
