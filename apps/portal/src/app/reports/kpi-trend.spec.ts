import { relativeTrend, shareTrend } from './kpi-trend';

describe('relativeTrend', () => {
  it('is good when sales rise and bad when they fall', () => {
    // 1,250.00 against 1,000.00: +25.0%.
    expect(relativeTrend('1250.00', '1000.00', 'higher')).toEqual({
      direction: 'up',
      tone: 'good',
      change: '+25.0%',
    });
    // 800.00 against 1,000.00: −20.0%.
    expect(relativeTrend('800.00', '1000.00', 'higher')).toEqual({
      direction: 'down',
      tone: 'bad',
      change: '−20.0%',
    });
  });

  it('is good when the cycle time falls', () => {
    // 36 h against 48 h: −25.0%.
    expect(relativeTrend(36, 48, 'lower')).toEqual({ direction: 'down', tone: 'good', change: '−25.0%' });
    expect(relativeTrend(60, 48, 'lower')).toEqual({ direction: 'up', tone: 'bad', change: '+25.0%' });
  });

  it('keeps every cent of large amounts', () => {
    // One cent more on ten million: +0.0000001%, still an increase.
    expect(relativeTrend('10000000.01', '10000000.00', 'higher')).toEqual({
      direction: 'up',
      tone: 'good',
      change: '+0.0%',
    });
  });

  it('has no percentage from nothing, and no trend without both figures', () => {
    expect(relativeTrend('10.00', '0.00', 'higher')).toEqual({
      direction: 'up',
      tone: 'good',
      change: 'new',
    });
    expect(relativeTrend(null, 4, 'higher')).toEqual({ direction: 'none', tone: 'neutral', change: '' });
    expect(relativeTrend(4, null, 'higher').direction).toBe('none');
    expect(relativeTrend(0, 0, 'higher')).toEqual({ direction: 'flat', tone: 'neutral', change: '0%' });
  });

  it('is neutral for a figure that is neither good nor bad to move', () => {
    expect(relativeTrend('2000.00', '1000.00', 'neither')).toEqual({
      direction: 'up',
      tone: 'neutral',
      change: '+100.0%',
    });
  });

  it('rounds toward zero to the tenth', () => {
    // 1 of 3 orders more: +33.3%.
    expect(relativeTrend(4, 3, 'higher').change).toBe('+33.3%');
    expect(relativeTrend(2, 3, 'higher').change).toBe('−33.3%');
  });
});

describe('shareTrend', () => {
  it('measures in percentage points', () => {
    // 91% → 94%: three points, not 3.3%.
    expect(shareTrend(0.94, 0.91, 'higher')).toEqual({ direction: 'up', tone: 'good', change: '+3.0 pts' });
    expect(shareTrend(0.9, 0.95, 'higher')).toEqual({ direction: 'down', tone: 'bad', change: '−5.0 pts' });
  });

  it('calls a change under half a tenth of a point flat', () => {
    expect(shareTrend(0.9, 0.9004, 'higher')).toEqual({
      direction: 'flat',
      tone: 'neutral',
      change: '0 pts',
    });
  });

  it('has no trend when either period measured nothing', () => {
    expect(shareTrend(null, 0.9, 'higher').direction).toBe('none');
    expect(shareTrend(0.9, null, 'higher').direction).toBe('none');
  });
});
