/** Languages a mentor can list (ISO 639-1), roughly by how many people speak them online. */
export const LANGUAGE_CODES = [
  'en', 'es', 'zh', 'hi', 'ar', 'pt', 'bn', 'ru', 'ja', 'de', 'fr', 'ko', 'it', 'tr', 'vi', 'id', 'pl', 'uk',
  'nl', 'fa', 'ur', 'ta', 'th', 'sv', 'ro', 'cs', 'el', 'he', 'hu', 'da', 'fi', 'no', 'ms', 'sw', 'yo', 'fil',
] as const;

const names = new Intl.DisplayNames(['en'], { type: 'language' });

/** "de" → "German"; unknown codes are shown as they are. */
export function languageName(code: string) {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export const LANGUAGES = LANGUAGE_CODES.map((code) => ({ code, name: languageName(code) })).sort((a, b) =>
  a.name.localeCompare(b.name),
);

export const isLanguageCode = (code: string) => (LANGUAGE_CODES as readonly string[]).includes(code);
