import PDFDocument from 'pdfkit';
import { sniffImageType } from '@tradecounter/domain';
import { ProblemException } from '../common/http/problem';

export const MAX_LOGO_BYTES = 1024 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

/**
 * A logo is accepted only if it is what it claims (PNG or JPEG by its own
 * signature, not just its Content-Type), at most 1 MB, and the PDF renderer
 * can actually draw it: a broken or exotic image is refused here with a 4xx,
 * never discovered later as a failure of every document.
 */
export async function checkLogo(bytes: Buffer, claimedType: string | undefined): Promise<string> {
  const claimed = checkLogoType(claimedType);
  if (bytes.length === 0) throw new ProblemException(400, 'The logo is empty');
  if (bytes.length > MAX_LOGO_BYTES) throw new ProblemException(413, 'The logo must be at most 1 MB');
  const actual = sniffImageType(bytes);
  if (actual !== claimed) {
    throw new ProblemException(
      415,
      `The logo is not the ${claimed === 'image/png' ? 'PNG' : 'JPEG'} image it claims to be`,
    );
  }
  if (!(await drawable(bytes))) {
    throw new ProblemException(
      400,
      'The logo could not be read as an image; save it again as a plain PNG or JPEG',
    );
  }
  return actual;
}

/** The claimed type, if it is one a logo may be (415 otherwise). */
export function checkLogoType(claimedType: string | undefined): string {
  const claimed = (claimedType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(LOGO_TYPES as readonly string[]).includes(claimed)) {
    throw new ProblemException(415, 'The logo must be a PNG or JPEG image');
  }
  return claimed;
}

function drawable(bytes: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const doc = new PDFDocument({ size: [100, 100] });
      doc.on('data', () => undefined);
      doc.on('end', () => resolve(true));
      doc.on('error', () => resolve(false));
      doc.image(bytes, 0, 0, { fit: [50, 50] });
      doc.end();
    } catch {
      resolve(false);
    }
  });
}
