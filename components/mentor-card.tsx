import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { StartPreferenceBadge } from '@/components/start-preference';
import type { StartPreference } from '@/db/schema/mentorship';
import { availability, compactNumber } from '@/lib/format';
import { Tag } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';

export type MentorCardData = {
  id: string;
  handle: string;
  displayName: string;
  avatarUpdatedAt: Date | null;
  headline: string;
  tags: { slug: string; name: string }[];
  startPreference: StartPreference;
  accepting: boolean;
  capacity: number;
  openSlots: number;
  followerCount: number;
};

const TAGS_SHOWN = 3;

/** A mentor in a list; `children` go at the bottom of the card (why they are suggested, buttons). */
export function MentorCard({ mentor, headingLevel = 2, children }: { mentor: MentorCardData; headingLevel?: 2 | 3; children?: React.ReactNode }) {
  const Heading = `h${headingLevel}` as const;
  const slots = availability(mentor);
  const more = mentor.tags.length - TAGS_SHOWN;
  return (
    <Card as="article" className="flex h-full flex-col gap-3">
      <div className="flex items-start gap-3">
        <Avatar user={mentor} size={48} decorative />
        <div className="min-w-0 flex-1">
          <Heading className="font-semibold break-words">
            <Link href={`/u/${mentor.handle}`} className="hover:underline">
              {mentor.displayName}
            </Link>
          </Heading>
          <p className="line-clamp-2 text-sm text-stone-700 dark:text-stone-300">{mentor.headline}</p>
        </div>
      </div>
      {mentor.tags.length > 0 && (
        <ul aria-label="Expertise" className="flex flex-wrap gap-1.5">
          {mentor.tags.slice(0, TAGS_SHOWN).map((t) => (
            <li key={t.slug}>
              <Tag>{t.name}</Tag>
            </li>
          ))}
          {more > 0 && <li className="px-1 text-xs text-stone-600 dark:text-stone-400">+{more} more</li>}
        </ul>
      )}
      <div className="mt-auto flex flex-wrap items-center justify-between gap-2 text-sm">
        <StartPreferenceBadge preference={mentor.startPreference} compact />
        <span className={slots.open ? 'font-medium text-grow-700 dark:text-grow-50' : 'text-stone-600 dark:text-stone-400'}>{slots.text}</span>
      </div>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        {compactNumber(mentor.followerCount)} {mentor.followerCount === 1 ? 'follower' : 'followers'}
      </p>
      {children}
    </Card>
  );
}
