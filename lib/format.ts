const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "de" → "German"; unknown codes are shown as they are. */
export function languageName(code: string) {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The current time in an IANA zone, e.g. "14:05"; the zone name itself when it is unknown. */
export function localTime(timeZone: string, now = new Date()) {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(now);
  } catch {
    return '—';
  }
}
