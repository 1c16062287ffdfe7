import { Badge, toneClass, type BadgeTone } from '@/components/ui/badge';
import type { StartPreference } from '@/db/schema/mentorship';

const LABELS: Record<StartPreference, { title: string; short: string; detail: string; tone: BadgeTone }> = {
  ask: {
    title: 'Prefers to be asked',
    short: 'Prefers ask',
    detail: 'Send a formal request with your goals.',
    tone: 'ask',
  },
  grow: {
    title: 'Prefers to let it grow',
    short: 'Prefers grow',
    detail: 'Follow, read and discuss first; the mentorship can come later.',
    tone: 'grow',
  },
  either: {
    title: 'Open to either path',
    short: 'Ask or grow',
    detail: 'Ask directly, or let it grow from the conversation.',
    tone: 'neutral',
  },
};

export function StartPreferenceBadge({ preference, compact = false }: { preference: StartPreference; compact?: boolean }) {
  const label = LABELS[preference];
  if (compact) {
    return <Badge tone={label.tone}>{label.short}</Badge>;
  }
  return (
    <p className={`inline-flex flex-col rounded-xl px-3 py-2 ring-1 ${toneClass(label.tone)}`}>
      <span className="font-semibold">{label.title}</span>
      <span className="text-sm">{label.detail}</span>
    </p>
  );
}
