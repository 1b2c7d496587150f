export * from './product-images';
