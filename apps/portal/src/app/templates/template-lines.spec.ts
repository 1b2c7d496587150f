import { placeProduct } from './template-lines';

const lines = [{ productId: 'p1' }, { productId: 'p2' }];

describe('placeProduct', () => {
  it('appends a product the template does not have', () => {
    expect(placeProduct(lines, [10, 5], 'p3', 12)).toEqual({ index: 2, quantity: 12, merged: false });
  });

  it('adds to the line of a product already there', () => {
    // 5 on the line + 12 added
    expect(placeProduct(lines, [10, 5], 'p2', 12)).toEqual({ index: 1, quantity: 17, merged: true });
    expect(placeProduct(lines, [10, '5'], 'p2', 12)).toEqual({ index: 1, quantity: 17, merged: true });
  });

  it('replaces a quantity that is not a number yet', () => {
    expect(placeProduct(lines, ['', 5], 'p1', 12)).toEqual({ index: 0, quantity: 12, merged: true });
    expect(placeProduct(lines, ['1.5', 5], 'p1', 12)).toEqual({ index: 0, quantity: 12, merged: true });
  });
});
