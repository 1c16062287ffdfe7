import { describe, expect, it } from 'vitest';
import { parseTagList, tagSlug } from './tags';

describe('tags', () => {
  it.each([
    ['Machine Learning', 'machine-learning'],
    ['  System   Design ', 'system-design'],
    ['C++', 'cpp'],
    ['C#', 'csharp'],
    ['Node.js', 'node-js'],
    ['Café Ops', 'cafe-ops'],
    ['<script>', 'script'],
    ['---', ''],
  ])('%s → %s', (input, slug) => {
    expect(tagSlug(input)).toBe(slug);
  });

  it('splits a list, dropping empties and repeats but keeping the first spelling', () => {
    expect(parseTagList('React, typescript,,react , TypeScript\nGo')).toEqual([
      { slug: 'react', name: 'React' },
      { slug: 'typescript', name: 'typescript' },
      { slug: 'go', name: 'Go' },
    ]);
  });
});
