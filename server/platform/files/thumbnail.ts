import sharp from 'sharp';

export const thumbnailWidth = 320;

/**
 * A JPEG thumbnail at most 320 px on its longer side, turned upright by the EXIF orientation and stripped of
 * metadata (a photo's GPS position stays in the original only). Throws when the image cannot be decoded.
 */
export async function makeThumbnail(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: 100_000_000, failOn: 'error' })
    .rotate()
    .resize(thumbnailWidth, thumbnailWidth, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 78, mozjpeg: true })
    .toBuffer();
}
