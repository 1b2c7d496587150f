import { matchTimeZones, utcOffset } from './time-zones';

describe('utcOffset', () => {
  it('reads the offset at an instant, daylight saving included', () => {
    expect(utcOffset('America/Chicago', new Date('2027-01-15T12:00:00Z'))).toBe('UTC−06:00');
    expect(utcOffset('America/Chicago', new Date('2027-07-15T12:00:00Z'))).toBe('UTC−05:00');
    expect(utcOffset('Asia/Kolkata', new Date('2027-07-15T12:00:00Z'))).toBe('UTC+05:30');
    expect(utcOffset('UTC', new Date('2027-07-15T12:00:00Z'))).toBe('UTC+00:00');
  });

  it('is empty for a zone the browser does not know', () => {
    expect(utcOffset('Mars/Olympus')).toBe('');
  });
});

describe('matchTimeZones', () => {
  it('finds zones by city typed with spaces', () => {
    expect(matchTimeZones(['America/Los_Angeles', 'America/New_York'], 'los angeles')).toEqual([
      'America/Los_Angeles',
    ]);
  });
});
