import { percentFromShare, shareFromPercent } from './tolerance';

describe('the receipt tolerance as percent and share', () => {
  it('shows a share as a percent to a tenth, without float noise', () => {
    expect(percentFromShare(0)).toBe(0);
    expect(percentFromShare(0.1)).toBe(10);
    expect(percentFromShare(0.125)).toBe(12.5);
    expect(percentFromShare(0.07)).toBe(7);
    expect(percentFromShare(1)).toBe(100);
  });

  it('sends a percent as a share, and back again unchanged', () => {
    expect(shareFromPercent(10)).toBe(0.1);
    expect(shareFromPercent(12.5)).toBe(0.125);
    expect(shareFromPercent(7)).toBe(0.07);
    for (const percent of [0, 0.1, 2.5, 5, 33.3, 99.9, 100]) {
      expect(percentFromShare(shareFromPercent(percent))).toBe(percent);
    }
  });
});
