export * from './calendar';
export * from './promise';
