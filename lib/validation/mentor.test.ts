import { describe, expect, it } from 'vitest';
import { mentorProfileSchema } from './mentor';

const valid = {
  headline: 'Staff engineer',
  bio: 'I help with **Rust**.',
  tags: 'Rust, Systems',
  yearsExperience: '12',
  languages: ['en', 'de'],
  timezone: 'America/New_York',
  country: 'us',
  links: 'https://example.com',
  capacity: '3',
  accepting: 'on',
  startPreference: 'either',
  startNote: 'Send me a request or a comment, both work.',
};

function errors(change: Record<string, unknown>) {
  const result = mentorProfileSchema.safeParse({ ...valid, ...change });
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

describe('mentor profile form', () => {
  it('accepts a complete profile and normalises it', () => {
    const parsed = mentorProfileSchema.parse({ ...valid, languages: 'en', accepting: undefined, country: '' });
    expect(parsed).toMatchObject({
      tags: [
        { slug: 'rust', name: 'Rust' },
        { slug: 'systems', name: 'Systems' },
      ],
      yearsExperience: 12,
      capacity: 3,
      languages: ['en'],
      accepting: false,
      country: null,
      links: ['https://example.com'],
    });
  });

  it.each([
    [{ headline: '' }, 'headline', 'Headline is required.'],
    [{ headline: 'x'.repeat(121) }, 'headline', 'Headline must be at most 120 characters.'],
    [{ bio: 'x'.repeat(5001) }, 'bio', 'Bio must be at most 5000 characters.'],
    [{ tags: ' , ,' }, 'tags', 'Add at least one area of expertise.'],
    [{ tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(',') }, 'tags', 'Choose at most 10 areas of expertise.'],
    [{ yearsExperience: '-1' }, 'yearsExperience', 'Years of experience must be a whole number.'],
    [{ yearsExperience: '71' }, 'yearsExperience', 'Years of experience must be at most 70.'],
    [{ yearsExperience: '' }, 'yearsExperience', 'Years of experience is required.'],
    [{ languages: undefined }, 'languages', 'Choose at least one language you mentor in.'],
    [{ languages: ['en', 'xx'] }, 'languages', 'Choose languages from the list.'],
    [{ timezone: 'Mars/Olympus' }, 'timezone', 'Choose your time zone from the list.'],
    [{ country: 'ZZ' }, 'country', 'Choose a country from the list.'],
    [{ links: 'javascript:alert(1)' }, 'links', 'Each link must be a full web address starting with https://.'],
    [{ links: 'https://a.example\nhttps://b.example\nhttps://c.example\nhttps://d.example\nhttps://e.example\nhttps://f.example' }, 'links', 'Add at most 5 links.'],
    [{ capacity: '0' }, 'capacity', 'Capacity must be at least 1.'],
    [{ capacity: '21' }, 'capacity', 'Capacity must be at most 20.'],
    [{ capacity: '2.5' }, 'capacity', 'Capacity must be a whole number.'],
    [{ startPreference: 'sometimes' }, 'startPreference', 'Choose how you like mentorships to start.'],
    [{ startPreference: undefined }, 'startPreference', 'Choose how you like mentorships to start.'],
    [{ startNote: '' }, 'startNote', 'Your sentence on how you like to start is required.'],
    [{ startNote: 'x'.repeat(281) }, 'startNote', 'Your sentence on how you like to start must be at most 280 characters.'],
  ])('rejects %o with a message on that field', (change, field, message) => {
    expect(errors(change)[field]).toBe(message);
  });

  it('reports every bad field at once, each on its own', () => {
    const found = errors({ headline: '', capacity: '99', languages: undefined });
    expect(Object.keys(found).sort()).toEqual(['capacity', 'headline', 'languages']);
  });
});
