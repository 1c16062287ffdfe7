import { renderMarkdown, type MarkdownProfile } from '@/lib/markdown';

type MarkdownProps = {
  source: string;
  profile?: MarkdownProfile;
  className?: string;
};

/** User-written markdown; renderMarkdown sanitizes it, which is what makes the inner HTML safe. */
export function Markdown({ source, profile = 'full', className = '' }: MarkdownProps) {
  return (
    <div
      className={`prose-content ${className}`}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source, { profile }) }}
    />
  );
}
