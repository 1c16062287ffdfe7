import type { StartPreference } from '@/db/schema/mentorship';

const LABELS: Record<StartPreference, { title: string; short: string; detail: string; className: string }> = {
  ask: {
    title: 'Prefers to be asked',
    short: 'Prefers ask',
    detail: 'Send a formal request with your goals.',
    className: 'bg-ask-50 text-ask-700 ring-ask-600/30',
  },
  grow: {
    title: 'Prefers to let it grow',
    short: 'Prefers grow',
    detail: 'Follow, read and discuss first; the mentorship can come later.',
    className: 'bg-grow-50 text-grow-700 ring-grow-600/30',
  },
  either: {
    title: 'Open to either path',
    short: 'Ask or grow',
    detail: 'Ask directly, or let it grow from the conversation.',
    className: 'bg-stone-100 text-stone-800 ring-stone-400/40 dark:bg-stone-800 dark:text-stone-100',
  },
};

export function StartPreferenceBadge({ preference, compact = false }: { preference: StartPreference; compact?: boolean }) {
  const label = LABELS[preference];
  if (compact) {
    return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${label.className}`}>{label.short}</span>;
  }
  return (
    <p className={`inline-flex flex-col rounded-xl px-3 py-2 ring-1 ${label.className}`}>
      <span className="font-semibold">{label.title}</span>
      <span className="text-sm">{label.detail}</span>
    </p>
  );
}
