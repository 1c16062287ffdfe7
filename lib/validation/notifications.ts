import { z } from 'zod';
import { CHANNELS, NOTIFICATION_KINDS } from '@/db/schema/notifications';

const channel = z.enum(CHANNELS, { error: 'Choose e-mail, in the app, or off.' });

/** One select per kind; a kind left out of the form keeps its setting. */
export const notificationSettingsSchema = z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, channel.optional()])) as Record<(typeof NOTIFICATION_KINDS)[number], z.ZodOptional<typeof channel>>);
