import { dispositionOf, judgeFileType, storedFileName } from './file-kind';

describe('judgeFileType', () => {
  it('accepts a file that is the type it was declared as', () => {
    expect(judgeFileType('application/pdf', 'application/pdf')).toEqual({
      verdict: 'accepted',
      type: 'application/pdf',
    });
  });

  it('refuses a PNG declared as a PDF: it is not what it claimed', () => {
    expect(judgeFileType('image/png', 'application/pdf')).toEqual({
      verdict: 'mismatch',
      type: 'image/png',
    });
  });

  it('refuses a type the vault does not take, and bytes nothing recognises', () => {
    expect(judgeFileType('application/x-msdownload', 'application/pdf').verdict).toBe('type');
    expect(judgeFileType(null, 'image/jpeg').verdict).toBe('type');
  });

  it('takes HEIC and HEIF as one family', () => {
    expect(judgeFileType('image/heif', 'image/heic')).toEqual({
      verdict: 'accepted',
      type: 'image/heif',
    });
  });
});

describe('storedFileName', () => {
  it('keeps the name and gives it the extension of what the file is', () => {
    expect(storedFileName('scan.pdf', 'image/png')).toBe('scan.png');
    expect(storedFileName('बिमा पोलिसी.PDF', 'application/pdf')).toBe('बिमा पोलिसी.pdf');
  });

  it('drops folders, control and reserved characters and leading dots', () => {
    expect(storedFileName('../../etc/pass"wd\u0000.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(storedFileName('C:\\Users\\ram\\..hidden.jpg', 'image/jpeg')).toBe('hidden.jpg');
    expect(storedFileName('...', 'image/webp')).toBe('document.webp');
  });

  it('cuts a long name to 120 characters before the extension', () => {
    expect(storedFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(124);
  });
});

describe('dispositionOf', () => {
  it('shows images inline and downloads the rest', () => {
    expect(dispositionOf('image/jpeg')).toBe('inline');
    expect(dispositionOf('application/pdf')).toBe('attachment');
  });
});
