import { useId } from 'react';

const base = 'rounded-2xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900';
const paddings = { none: '', sm: 'p-4', md: 'p-5', lg: 'p-6' } as const;

/** The card's look, for an element the Card component cannot be (a <details>, a <ul>). */
export const cardClass = (padding: keyof typeof paddings = 'md', extra = '') => `${base} ${paddings[padding]} ${extra}`;

type CardProps = {
  as?: 'div' | 'section' | 'article' | 'aside' | 'header' | 'li';
  padding?: keyof typeof paddings;
  /** A heading at the top; the card (a section, an aside…) is then labelled by it. */
  heading?: React.ReactNode;
  headingLevel?: 2 | 3;
  /** The heading's id, when a test or a link needs a fixed one. */
  headingId?: string;
  headingClassName?: string;
  className?: string;
  children: React.ReactNode;
} & Omit<React.HTMLAttributes<HTMLElement>, 'className' | 'children'>;

/** A white panel on the stone page: a post, a mentor, a settings section. */
export function Card({
  as: Tag = 'div',
  padding = 'md',
  heading,
  headingLevel = 2,
  headingId,
  headingClassName = 'font-semibold',
  className = '',
  children,
  ...rest
}: CardProps) {
  const generated = useId();
  const id = headingId ?? generated;
  const Heading = `h${headingLevel}` as const;
  return (
    <Tag className={cardClass(padding, className)} aria-labelledby={heading ? id : undefined} {...rest}>
      {heading && (
        <Heading id={id} className={headingClassName}>
          {heading}
        </Heading>
      )}
      {children}
    </Tag>
  );
}
