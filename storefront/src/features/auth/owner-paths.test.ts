import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOwnerPath } from './owner-paths';

const pagesDir = path.resolve(import.meta.dirname, '../../pages/[locale]');

/** The URL paths of the locale pages under a folder, e.g. `/en/garage/x/edit`. */
function pagePaths(folder: string): string[] {
  return readdirSync(path.join(pagesDir, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(astro|ts)$/.test(file))
    .map((file) => `/en/${folder}/${file}`.replace(/\/?(index)?\.(astro|ts)$/, ''))
    .map((page) => page.replace(/\[[^\]]+\]/g, 'x'));
}

describe('isOwnerPath', () => {
  it('covers every page of the garage, the documents and the profile', () => {
    const pages = [
      ...pagePaths('garage'),
      ...pagePaths('documents'),
      '/en/profile',
      '/ne/garage',
      '/en/garage/',
    ];

    expect(pages.length).toBeGreaterThan(4);
    for (const page of pages) expect(isOwnerPath(page), page).toBe(true);
  });

  it('leaves the pages for visitors who are not signed in', () => {
    for (const page of ['/en/login', '/en/register', '/en/forgot-password', '/en/logout', '/en/']) {
      expect(isOwnerPath(page), page).toBe(false);
    }
    expect(isOwnerPath('/en/garages')).toBe(false);
  });
});
