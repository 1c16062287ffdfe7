import { fileTypeFromBuffer } from 'file-type';
import { AVATAR_TYPES } from '@/lib/validation/profile';

/**
 * The image type the bytes really are, judged by their content (never by the file name or the
 * browser's claim); undefined for anything that is not a PNG, JPEG, WebP or GIF.
 */
export async function sniffImageType(bytes: Uint8Array): Promise<(typeof AVATAR_TYPES)[number] | undefined> {
  const type = await fileTypeFromBuffer(bytes);
  return AVATAR_TYPES.find((t) => t === type?.mime);
}
