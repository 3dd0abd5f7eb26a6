import { fileTypeFromBuffer } from 'file-type';

export interface AllowedType {
  mime: string;
  ext: string;
  /** a raster image sharp can thumbnail */
  thumbnailable: boolean;
}

/** Evidence is photos and PDFs. The type is read from the bytes (magic numbers), never from the name. */
const allowed: Record<string, Omit<AllowedType, 'mime'>> = {
  'image/jpeg': { ext: 'jpg', thumbnailable: true },
  'image/png': { ext: 'png', thumbnailable: true },
  'image/webp': { ext: 'webp', thumbnailable: true },
  // phones' default photo format; sharp's prebuilt binaries cannot decode it, so no thumbnail
  'image/heic': { ext: 'heic', thumbnailable: false },
  'image/heif': { ext: 'heif', thumbnailable: false },
  'application/pdf': { ext: 'pdf', thumbnailable: false },
};

export const allowedMimeTypes = Object.keys(allowed);

/** The allowed type of the bytes, or undefined for anything else (executables, archives, unknown). */
export async function detectAllowedType(bytes: Uint8Array): Promise<AllowedType | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return undefined;
  const spec = allowed[detected.mime];
  return spec ? { mime: detected.mime, ...spec } : undefined;
}
