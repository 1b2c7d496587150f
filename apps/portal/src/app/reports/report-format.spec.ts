import { formatCentsCompact, formatHours, formatShare } from './report-format';

describe('report formats', () => {
  it('shortens money on an axis', () => {
    expect(formatCentsCompact(7_000_000)).toBe('$70K');
    expect(formatCentsCompact(125_000_000)).toBe('$1.3M');
    expect(formatCentsCompact(50_000)).toBe('$500');
  });

  it('shows shares and hours with one decimal', () => {
    expect(formatShare(0.9234)).toBe('92.3%');
    expect(formatShare(null)).toBe('—');
    expect(formatHours(30)).toBe('30.0 h');
    expect(formatHours(60)).toBe('2.5 d');
  });
});
