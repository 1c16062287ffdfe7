import { PageSkeleton, Skeleton, SkeletonCards } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <PageSkeleton className="">
      <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
        <div className="space-y-5" aria-hidden="true">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="space-y-2">
              <Skeleton className="h-4 w-1/3" />
              <Skeleton className="h-10 w-full" />
            </div>
          ))}
        </div>
        <div className="space-y-4">
          <Skeleton className="h-6 w-1/4" />
          <SkeletonCards count={6} grid />
        </div>
      </div>
    </PageSkeleton>
  );
}
