export * from './document-model';
export * from './order-confirmation';
export * from './quote-document';
export * from './purchase-order-document';
