import { addressLines, addressProblem, LOGO_MAX_BYTES, logoFileProblem, optionalText } from './company-form';

describe('logoFileProblem', () => {
  it('accepts PNG and JPEG up to 1 MB', () => {
    expect(logoFileProblem({ name: 'logo.png', type: 'image/png', size: 20_000 })).toBeNull();
    expect(logoFileProblem({ name: 'logo.jpg', type: 'image/jpeg', size: LOGO_MAX_BYTES })).toBeNull();
  });

  it('names the file and the reason for anything else', () => {
    expect(logoFileProblem({ name: 'logo.webp', type: 'image/webp', size: 1000 })).toBe(
      'logo.webp is not a PNG or JPEG image.',
    );
    expect(logoFileProblem({ name: 'scan.pdf', type: 'application/pdf', size: 1000 })).toBe(
      'scan.pdf is not a PNG or JPEG image.',
    );
    expect(logoFileProblem({ name: 'big.png', type: 'image/png', size: 2.5 * 1024 * 1024 })).toBe(
      'big.png is 2560 KB; the logo may be at most 1 MB (1024 KB).',
    );
    expect(logoFileProblem({ name: 'edge.png', type: 'image/png', size: LOGO_MAX_BYTES + 1 })).toBe(
      'edge.png is 1025 KB; the logo may be at most 1 MB (1024 KB).',
    );
    expect(logoFileProblem({ name: 'none.png', type: 'image/png', size: 0 })).toBe('none.png is empty.');
  });
});

describe('addressLines and optionalText', () => {
  it('keeps one line per non-blank line, trimmed', () => {
    expect(addressLines('  1 Dock Road \r\n\nLeeds LS1 1AA\n  \nUnited Kingdom')).toEqual([
      '1 Dock Road',
      'Leeds LS1 1AA',
      'United Kingdom',
    ]);
    expect(addressLines('')).toEqual([]);
  });

  it('sends blank optional fields as null', () => {
    expect(optionalText('   ')).toBeNull();
    expect(optionalText(' +44 113 000 ')).toBe('+44 113 000');
  });
});

describe('addressProblem', () => {
  it('fits six lines of up to 100 characters', () => {
    expect(addressProblem('a\nb\nc\nd\ne\nf')).toBeNull();
    expect(addressProblem('x'.repeat(100))).toBeNull();
    expect(addressProblem('')).toBeNull();
  });

  it('says which limit a longer address breaks', () => {
    expect(addressProblem('a\nb\nc\nd\ne\nf\ng')).toBe('At most 6 lines (this has 7)');
    expect(addressProblem(`1 Dock Road\n${'x'.repeat(101)}`)).toBe('Line 2 is longer than 100 characters');
  });
});
