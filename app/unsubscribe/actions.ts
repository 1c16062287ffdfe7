'use server';

import { redirect } from 'next/navigation';
import { unsubscribe } from '@/db/queries/mail';

/**
 * The button on /unsubscribe. Open to anyone: the signed token in the form is the proof, no
 * session is needed (the link comes from a mail, often opened where the member is signed out).
 */
export async function unsubscribeAction(formData: FormData) {
  const token = formData.get('token');
  const result = await unsubscribe(typeof token === 'string' ? token : undefined);
  // A bad token lands on the page without `done`, which says the link is not valid.
  redirect(`/unsubscribe?token=${encodeURIComponent(typeof token === 'string' ? token : '')}${result.ok ? '&done=1' : ''}`);
}
