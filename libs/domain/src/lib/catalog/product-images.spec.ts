import {
  imageUploadProblem,
  MAX_PRODUCT_IMAGE_BYTES,
  productImageCacheControl,
  sniffImageType,
} from './product-images';

describe('imageUploadProblem', () => {
  it('accepts JPEG, PNG and WebP up to the limit, whatever the case or parameters of the type', () => {
    expect(imageUploadProblem('image/jpeg', 1)).toBeNull();
    expect(imageUploadProblem('image/PNG', MAX_PRODUCT_IMAGE_BYTES)).toBeNull();
    expect(imageUploadProblem('image/webp; charset=binary', 10)).toBeNull();
  });

  it('refuses other types with 415, whatever their size', () => {
    for (const type of ['image/gif', 'image/svg+xml', 'application/json', '', undefined]) {
      expect(imageUploadProblem(type, MAX_PRODUCT_IMAGE_BYTES + 1)).toMatchObject({ status: 415 });
    }
  });

  it('refuses a file over 5 MB with 413 and an empty one with 400', () => {
    expect(imageUploadProblem('image/png', MAX_PRODUCT_IMAGE_BYTES + 1)).toEqual({
      status: 413,
      message: 'must be at most 5 MB',
    });
    expect(imageUploadProblem('image/png', 0)).toMatchObject({ status: 400 });
  });
});

describe('productImageCacheControl', () => {
  it('makes the current version immutable and has anything else revalidated', () => {
    expect(productImageCacheControl('abc', 'abc')).toBe('public, max-age=31536000, immutable');
    expect(productImageCacheControl('old', 'abc')).toBe('public, no-cache');
    expect(productImageCacheControl(undefined, 'abc')).toBe('public, no-cache');
  });
});

describe('sniffImageType', () => {
  const bytes = (...values: (number | string)[]) =>
    Uint8Array.from(
      values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])),
    );

  it('knows JPEG, PNG and WebP by their signatures', () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(sniffImageType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffImageType(bytes('RIFF', 1, 2, 3, 4, 'WEBPVP8 '))).toBe('image/webp');
  });

  it('knows nothing else, nor a truncated signature', () => {
    expect(sniffImageType(bytes('GIF89a'))).toBeNull();
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(bytes('RIFF', 1, 2, 3, 4, 'WAVE'))).toBeNull();
    expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffImageType(bytes())).toBeNull();
  });
});
