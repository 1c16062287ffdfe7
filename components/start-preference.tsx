import type { StartPreference } from '@/db/schema';

const LABELS: Record<StartPreference, { title: string; detail: string; className: string }> = {
  ask: {
    title: 'Prefers to be asked',
    detail: 'Send a formal request with your goals.',
    className: 'bg-ask-50 text-ask-700 ring-ask-600/30',
  },
  grow: {
    title: 'Prefers to let it grow',
    detail: 'Follow, read and discuss first; the mentorship can come later.',
    className: 'bg-grow-50 text-grow-700 ring-grow-600/30',
  },
  either: {
    title: 'Open to either path',
    detail: 'Ask directly, or let it grow from the conversation.',
    className: 'bg-stone-100 text-stone-800 ring-stone-400/40 dark:bg-stone-800 dark:text-stone-100',
  },
};

export function StartPreferenceBadge({ preference }: { preference: StartPreference }) {
  const label = LABELS[preference];
  return (
    <p className={`inline-flex flex-col rounded-xl px-3 py-2 ring-1 ${label.className}`}>
      <span className="font-semibold">{label.title}</span>
      <span className="text-sm">{label.detail}</span>
    </p>
  );
}
