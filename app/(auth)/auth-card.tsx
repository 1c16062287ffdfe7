import { cardClass } from '@/components/ui/card';
export function AuthCard({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  return (
    <div className={cardClass('lg', 'mx-auto max-w-md shadow-sm sm:p-8')}>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="mt-1 mb-6 text-stone-600 dark:text-stone-400">{intro}</p>
      {children}
    </div>
  );
}
