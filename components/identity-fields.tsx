import { TextField } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/action-result';

/** Display name and handle, asked for alike at sign-up and in settings. */
export function IdentityFields({
  values,
  errors,
  handleHint,
}: {
  values?: { displayName?: string; handle?: string };
  errors?: FieldErrors;
  handleHint: string;
}) {
  return (
    <>
      <TextField label="Display name" name="displayName" autoComplete="name" required maxLength={60} defaultValue={values?.displayName} errors={errors?.displayName} />
      <TextField
        label="Handle"
        name="handle"
        autoComplete="username"
        required
        maxLength={30}
        defaultValue={values?.handle}
        hint={handleHint}
        errors={errors?.handle}
      />
    </>
  );
}
