import { Tabs } from '@/components/ui/tabs';

/** The two moderation pages. Rendered only after the page has checked its viewer is an admin. */
export function AdminNav({ page }: { page: 'queue' | 'log' }) {
  return (
    <Tabs
      label="Moderation"
      className="w-fit"
      tabs={[
        { href: '/admin', label: 'Reports', current: page === 'queue' },
        { href: '/admin/log', label: 'Audit log', current: page === 'log' },
      ]}
    />
  );
}
