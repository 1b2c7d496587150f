export * from './calendar';
export * from './promise';
export * from './holiday-coverage';
