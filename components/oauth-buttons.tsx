import { buttonClass } from '@/components/ui/button';

/** GitHub and Google sign-in, shown only for the providers configured in the environment. */
export function OAuthButtons({
  providers,
  action,
}: {
  providers: { github: boolean; google: boolean };
  action: (formData: FormData) => Promise<void>;
}) {
  const list = [
    providers.github && { id: 'github', label: 'Continue with GitHub' },
    providers.google && { id: 'google', label: 'Continue with Google' },
  ].filter((p): p is { id: string; label: string } => Boolean(p));
  if (list.length === 0) return null;
  return (
    <div className="space-y-2">
      {list.map((p) => (
        <form key={p.id} action={action}>
          <input type="hidden" name="provider" value={p.id} />
          <button type="submit" className={buttonClass('secondary', 'w-full')}>
            {p.label}
          </button>
        </form>
      ))}
      <p className="text-center text-sm text-stone-600 dark:text-stone-400">or with your e-mail</p>
    </div>
  );
}
