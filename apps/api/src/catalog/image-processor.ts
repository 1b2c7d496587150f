import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import {
  imageUploadProblem,
  PRODUCT_IMAGE_SIZES,
  ProductImageSize,
  ProductImageType,
  sniffImageType,
} from '@tradecounter/domain';
import { ProblemException } from '../common/http/problem';

/** An upload checked, decoded and made into the sizes served. */
export interface ProcessedImage {
  version: string;
  contentType: ProductImageType;
  width: number;
  height: number;
  byteSize: number;
  original: Buffer;
  sizes: Record<ProductImageSize, Buffer>;
}

/**
 * Decoding refuses pictures over this many pixels (50 megapixels) before
 * allocating them: a small file can declare an enormous picture.
 */
const MAX_INPUT_PIXELS = 50_000_000;
const WEBP_QUALITY = 80;

/**
 * Makes the served images from an upload with sharp (libvips). Whatever is
 * wrong with the upload is a 4xx: 415 for a type that is not JPEG, PNG or
 * WebP (by its Content-Type or by its bytes), 413 over 5 MB, 400 for bytes
 * that do not decode.
 */
@Injectable()
export class ImageProcessor {
  async process(bytes: Buffer, declaredType: string | undefined): Promise<ProcessedImage> {
    const problem = imageUploadProblem(declaredType, bytes.length);
    if (problem) throw new ProblemException(problem.status, `The image ${problem.message}`);
    const contentType = sniffImageType(bytes);
    if (!contentType) throw new ProblemException(415, 'The image must be a JPEG, PNG or WebP image');
    if (!declaredType?.toLowerCase().startsWith(contentType)) {
      throw new ProblemException(
        400,
        `The image is ${contentType}, not the ${declaredType} its Content-Type says`,
      );
    }
    try {
      const input = () =>
        sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated', animated: false });
      const metadata = await input().metadata();
      const [thumb, large] = await Promise.all(
        (['thumb', 'large'] as const).map((size) => resized(input(), PRODUCT_IMAGE_SIZES[size])),
      );
      return {
        version: createHash('sha256').update(bytes).digest('hex').slice(0, 20),
        contentType,
        width: metadata.autoOrient?.width ?? metadata.width,
        height: metadata.autoOrient?.height ?? metadata.height,
        byteSize: bytes.length,
        original: bytes,
        sizes: { thumb: thumb as Buffer, large: large as Buffer },
      };
    } catch (error) {
      throw new ProblemException(400, `The image could not be read: ${decodeFailure(error)}`);
    }
  }
}

/** The whole picture, upright, fitted in a transparent square. */
function resized(image: Sharp, side: number): Promise<Buffer> {
  return image
    .rotate()
    .resize(side, side, { fit: 'contain', background: { r: 255, g: 255, b: 255, alpha: 0 } })
    .webp({ quality: WEBP_QUALITY })
    .toBuffer();
}

/** libvips' first line, which says what was wrong (e.g. "Input image exceeds pixel limit"). */
function decodeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 200) || 'not a valid image';
}
