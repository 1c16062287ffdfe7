import { PageSkeleton, Skeleton } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <PageSkeleton className="">
      <Skeleton className="h-10 w-80 max-w-full" />
      <div className="grid gap-6 lg:grid-cols-2" aria-hidden="true">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-64" />
        ))}
      </div>
    </PageSkeleton>
  );
}
