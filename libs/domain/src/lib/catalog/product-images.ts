/**
 * Product images: what an upload may be, the sizes made from it, and how
 * long a browser may keep each. The API enforces these; the portal checks a
 * chosen file against the same rules before it sends a byte.
 */

/** The formats an admin may upload (what browsers show and sharp decodes). */
export const PRODUCT_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ProductImageType = (typeof PRODUCT_IMAGE_TYPES)[number];

/** The largest upload accepted: a good product photo is well under this. */
export const MAX_PRODUCT_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * The images made from an upload, as squares of this many pixels (the whole
 * picture fitted inside, on a transparent background): a list thumbnail
 * (shown at 48 px, twice that for sharp screens) and the product page's.
 */
export const PRODUCT_IMAGE_SIZES = { thumb: 96, large: 480 } as const;
export type ProductImageSize = keyof typeof PRODUCT_IMAGE_SIZES;

export interface ImageUploadProblem {
  /** 415: not an accepted format; 413: too large; 400: empty. */
  status: 400 | 413 | 415;
  message: string;
}

/** Why an upload of this declared type and size is refused before decoding it, or null. */
export function imageUploadProblem(
  contentType: string | undefined,
  bytes: number,
): ImageUploadProblem | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!isProductImageType(type)) {
    return { status: 415, message: 'must be a JPEG, PNG or WebP image' };
  }
  if (bytes > MAX_PRODUCT_IMAGE_BYTES) {
    return { status: 413, message: `must be at most ${MAX_PRODUCT_IMAGE_BYTES / (1024 * 1024)} MB` };
  }
  if (bytes === 0) return { status: 400, message: 'is empty' };
  return null;
}

export function isProductImageType(type: string): type is ProductImageType {
  return (PRODUCT_IMAGE_TYPES as readonly string[]).includes(type);
}

/**
 * The format the bytes themselves are in, by their signature, or null for
 * anything else (GIF, SVG, HEIC, text…): only these three are ever handed
 * to the image decoder, whatever the upload claimed to be.
 */
export function sniffImageType(bytes: Uint8Array): ProductImageType | null {
  const starts = (signature: number[], at = 0) =>
    bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF <size> WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/**
 * A URL carrying the image's current version names those bytes forever: a
 * year, immutable. Any other (no version, or an old one) is kept but asked
 * about again each time, which the ETag answers with a 304.
 */
export function productImageCacheControl(
  requestedVersion: string | undefined,
  currentVersion: string,
): string {
  return requestedVersion === currentVersion ? 'public, max-age=31536000, immutable' : 'public, no-cache';
}
