export * from './bins';
export * from './check';
export * from './velocity';
export * from './wave-walk';
export * from './short-pick';
