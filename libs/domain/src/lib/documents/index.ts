export * from './document-model';
export * from './order-confirmation';
export * from './quote-document';
export * from './purchase-order-document';
export * from './packing-slip';
export * from './credit-note-document';
export * from './return-document';
