import { describe, expect, it } from 'vitest';
import { parseLocale, type Locale } from '~/i18n';
import { elements, renderComponent, textOf } from '~/lib/render-component.test-support';
import UrgencyBadge from './UrgencyBadge.astro';
import { aboutDays, isUrgencyTier, URGENCY_TIERS, urgencyBadge } from './urgency';

const en = parseLocale('en') as Locale;
const ne = parseLocale('ne') as Locale;

describe('urgencyBadge', () => {
  it('gives each tier its own words, icon and colour, rising with urgency', () => {
    const badges = URGENCY_TIERS.map((tier) => urgencyBadge(tier, en));
    expect(badges.map((badge) => badge.label)).toEqual([
      'Upcoming',
      'Due soon',
      'Due now',
      'Overdue',
    ]);
    expect(badges.map((badge) => badge.tone)).toEqual(['neutral', 'warning', 'danger', 'critical']);
    expect(new Set(badges.map((badge) => badge.icon)).size).toBe(4);
    expect(URGENCY_TIERS.map((tier) => urgencyBadge(tier, ne).label)).toEqual([
      'आगामी',
      'छिट्टै गर्नुपर्ने',
      'अहिले गर्नुपर्ने',
      'म्याद नाघेको',
    ]);
  });

  it('knows the CMS’s tiers and nothing else', () => {
    expect(isUrgencyTier('due-soon')).toBe(true);
    expect(isUrgencyTier('urgent')).toBe(false);
  });
});

describe('aboutDays', () => {
  it.each([
    [12, 'in about 12 days', 'करिब १२ दिनमा'],
    [1.4, 'in about a day', 'करिब एक दिनमा'],
    [0.2, 'about today', 'करिब आज'],
    [-1, 'about a day ago', 'करिब एक दिनअघि'],
    [-40, 'about 40 days ago', 'करिब ४० दिनअघि'],
  ])('says %d days as “%s” and “%s”', (days, english, nepali) => {
    expect(aboutDays(days, en)).toBe(english);
    expect(aboutDays(days, ne)).toBe(nepali);
  });
});

describe('UrgencyBadge', () => {
  it('shows the tier in words beside its icon, with the projection for a km reminder', async () => {
    const html = await renderComponent(UrgencyBadge, {
      locale: ne,
      tier: 'due-soon',
      projectedDays: 9,
    });

    expect(html).toContain('class="badge badge-warning"');
    expect(elements(html, 'svg', 'aria-hidden="true"')).toHaveLength(1);
    expect(textOf(html)).toBe('छिट्टै गर्नुपर्ने – हालको दैनिक यात्राअनुसार करिब ९ दिनमा');
  });
});
