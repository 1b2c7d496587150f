import { StreamableFile } from '@nestjs/common';

/** A rendered document and the name it downloads under. */
export interface PdfFile {
  filename: string;
  bytes: Buffer;
}

/** The download: application/pdf, saved (not shown inline) under the document's own name. */
export function pdfDownload(file: PdfFile): StreamableFile {
  return new StreamableFile(file.bytes, {
    type: 'application/pdf',
    disposition: `attachment; filename="${file.filename}"`,
    length: file.bytes.length,
  });
}
