import { describe, expect, it } from 'vitest';
import { parseLocale, type Locale } from '~/i18n';
import { elements, renderComponent, textOf } from '~/lib/render-component.test-support';
import DocumentUploadForm from './DocumentUploadForm.astro';
import { documentUploadText } from './document-upload-text';

const en = parseLocale('en') as Locale;
const ne = parseLocale('ne') as Locale;

describe('documentUploadText', () => {
  it('words every refusal in both languages, with the limit in the locale’s digits', () => {
    expect(documentUploadText(ne).errors).toEqual({
      none: 'फाइल छान्नुहोस्',
      empty: 'यो फाइल खाली छ। अर्को फाइल छान्नुहोस्',
      type: 'PDF, JPEG, PNG, WebP वा HEIC फाइल छान्नुहोस्',
      'too-large': '१० एमबीसम्मको फाइल छान्नुहोस्',
      refused: 'यो फाइल नामले भनेजस्तो होइन। साँचो PDF वा फोटो छान्नुहोस्',
      failed: 'फाइल अपलोड हुन सकेन। फेरि प्रयास गर्नुहोस्।',
      details: 'कागजातको विवरण जाँच गर्नुहोस्',
    });
    expect(documentUploadText(en, 5 * 1024 * 1024).errors['too-large']).toBe(
      'Choose a file of at most 5 MB',
    );
  });
});

describe('DocumentUpload without JavaScript', () => {
  it('is a multipart form that posts the file with the page’s own fields', async () => {
    const html = await renderComponent(
      DocumentUploadForm,
      { locale: en, action: '/en/documents', presignAction: '/en/documents/uploads' },
      { slots: { default: '<label for="number">Number</label><input id="number" name="number">' } },
    );

    const form = elements(html, 'form')[0]!;
    expect(form).toMatch(
      /<form class="form document-upload" method="post" action="\/en\/documents" enctype="multipart\/form-data"/i,
    );
    expect(form).toContain('name="number"');
    expect(form).toMatch(
      /<input id="file" name="file" type="file" accept="application\/pdf,\.pdf,image\/jpeg,\.jpg,\.jpeg,/,
    );
    expect(form).toContain('aria-describedby="file-hint"');
    expect(form).toContain('aria-live="polite"');
    expect(form).not.toContain('<progress');
  });

  it('shows why the last upload was refused at the file field', async () => {
    const error = documentUploadText(ne).errors.refused;
    const html = await renderComponent(DocumentUploadForm, {
      locale: ne,
      action: '/ne/documents',
      presignAction: '/ne/documents/uploads',
      error,
    });

    expect(html).toContain('aria-describedby="file-hint file-error"');
    expect(textOf(elements(html, 'p', 'id="file-error"')[0]!)).toBe(`त्रुटि: ${error}`);
  });
});
