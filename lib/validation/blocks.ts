import { z } from 'zod';

const memberId = z.uuid('That member does not exist.');

/** Block ("1") or unblock ("0") from the member's profile. */
export const blockSchema = z.object({
  memberId,
  block: z.enum(['1', '0']).transform((v) => v === '1'),
});

export const unblockSchema = z.object({ memberId });
