import { z } from 'zod';
import { REPORT_CATEGORIES, REPORT_TARGETS } from '@/db/schema/safety';
import { MAX_REPORT_NOTE } from '@/lib/reports';
import { multiLine } from './text';

export const reportSchema = z.object({
  targetType: z.enum(REPORT_TARGETS, { error: 'That cannot be reported.' }),
  targetId: z.uuid('That is no longer there.'),
  category: z.enum(REPORT_CATEGORIES, { error: 'Choose what is wrong.' }),
  note: multiLine('The note', MAX_REPORT_NOTE),
});
export type ReportInput = z.infer<typeof reportSchema>;
