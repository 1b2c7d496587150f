import type { ProductImageSize } from '@tradecounter/domain';

/**
 * Where a product's image is served, at its current version: the `v` makes
 * each version a URL of its own, which browsers may keep for good (see
 * ProductImagesController).
 */
export function productImageUrl(productId: string, version: string, size: ProductImageSize): string {
  return `/api/products/${productId}/image?size=${size}&v=${encodeURIComponent(version)}`;
}

/** The two URLs products and cart lines carry; both null without an image. */
export function productImageUrls(
  productId: string,
  version: string | null | undefined,
): { imageUrl: string | null; thumbnailUrl: string | null } {
  if (!version) return { imageUrl: null, thumbnailUrl: null };
  return {
    imageUrl: productImageUrl(productId, version, 'large'),
    thumbnailUrl: productImageUrl(productId, version, 'thumb'),
  };
}
