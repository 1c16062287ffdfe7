/* eslint-disable @next/next/no-img-element -- avatars are small, already-sized images served by our own route */

type AvatarProps = {
  user: { id: string; displayName: string; avatarUpdatedAt: Date | null };
  size?: number;
  /** True when the name is shown right beside the avatar, so it adds nothing for screen readers. */
  decorative?: boolean;
};

function initials(name: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => [...w][0]!.toUpperCase()).join('') || '?';
}

// A stable hue per member so the generated avatar is recognisable; lightness 30% keeps white
// initials above 4.5:1 contrast for every hue.
function hue(id: string) {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

export function Avatar({ user, size = 40, decorative = false }: AvatarProps) {
  const label = decorative ? undefined : user.displayName;
  if (user.avatarUpdatedAt) {
    return (
      <img
        src={`/api/avatars/${user.id}?v=${user.avatarUpdatedAt.getTime()}`}
        alt={label ?? ''}
        width={size}
        height={size}
        className="shrink-0 rounded-full object-cover"
        style={{ width: size, height: size }}
      />
    );
  }
  return (
    <span
      role={decorative ? undefined : 'img'}
      aria-label={label}
      aria-hidden={decorative || undefined}
      className="inline-flex shrink-0 select-none items-center justify-center rounded-full font-semibold text-white"
      style={{ width: size, height: size, fontSize: size * 0.4, backgroundColor: `hsl(${hue(user.id)} 60% 30%)` }}
    >
      {initials(user.displayName)}
    </span>
  );
}
