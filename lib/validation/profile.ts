import { z } from 'zod';

export const AVATAR_MAX_BYTES = 1024 * 1024;
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export const avatarUploadSchema = z.object({
  avatar: z
    .instanceof(File, { message: 'Choose an image to upload.' })
    .refine((f) => f.size > 0, 'Choose an image to upload.')
    .refine((f) => f.size <= AVATAR_MAX_BYTES, 'Images can be at most 1 MB.'),
});
