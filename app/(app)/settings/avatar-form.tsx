'use client';

import { useActionState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { FormStatus, TextField } from '@/components/ui/field';
import { initialResult } from '@/lib/action-result';
import { removeAvatarAction, uploadAvatarAction } from './actions';

export function AvatarForm({ user }: { user: { id: string; displayName: string; avatarUpdatedAt: Date | null } }) {
  const [uploaded, upload, uploading] = useActionState(uploadAvatarAction, initialResult);
  const [removed, remove, removing] = useActionState(removeAvatarAction, initialResult);
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
      <Avatar user={user} size={80} />
      <div className="flex-1 space-y-3">
        <form action={upload} className="space-y-3">
          <TextField
            label="Upload an image"
            name="avatar"
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            hint="PNG, JPEG, WebP or GIF, up to 1 MB."
            errors={uploaded.ok ? undefined : uploaded.fieldErrors?.avatar}
          />
          <Button type="submit" disabled={uploading}>
            {uploading ? 'Uploading…' : 'Upload'}
          </Button>
          <FormStatus ok={uploaded.ok} message={uploaded.ok ? uploaded.message : uploaded.error} />
        </form>
        {user.avatarUpdatedAt && (
          <form action={remove}>
            <Button type="submit" variant="secondary" disabled={removing}>
              Use generated avatar
            </Button>
          </form>
        )}
        <FormStatus ok={removed.ok} message={removed.ok ? removed.message : removed.error} />
      </div>
    </div>
  );
}
