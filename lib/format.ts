const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en');

/** 1234 → "1.2K". */
export const compactNumber = (n: number) => compact.format(n);
/** 1234 → "1,234". */
export const wholeNumber = (n: number) => whole.format(n);
export const plural = (n: number, one: string, many = `${one}s`) => `${wholeNumber(n)} ${n === 1 ? one : many}`;

/** What a mentee needs to know about a mentor's availability, in a few words. */
export function availability(m: { accepting: boolean; capacity: number; openSlots: number }) {
  if (!m.accepting) return { open: false, text: 'Not accepting requests' };
  if (m.openSlots <= 0) return { open: false, text: `Full · ${m.capacity} of ${m.capacity} mentees` };
  return { open: true, text: `${m.openSlots} of ${m.capacity} ${m.capacity === 1 ? 'slot' : 'slots'} open` };
}

// Dates are formatted on the server, which knows no member's time zone: UTC, and said so for times.
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayAndTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** A date as "12 Mar 2026". */
export const formatDate = (d: Date) => day.format(d);
/** A moment as "12 Mar 2026, 14:05 UTC". */
export const formatDateTime = (d: Date) => dayAndTime.format(d);
