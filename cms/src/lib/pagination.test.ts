import { createCursorCodec, pageQuery, toPage } from './pagination';

describe('keyset cursors', () => {
  const codec = createCursorCodec('test-secret');

  it('round-trips the id to continue after', () => {
    expect(codec.decode(codec.encode(4711))).toBe(4711);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    [
      'an edited payload',
      () => {
        const [, signature] = codec.encode(10).split('.');
        return `${Buffer.from(JSON.stringify({ after: 999 })).toString('base64url')}.${signature}`;
      },
    ],
    ['a cursor signed with another secret', () => createCursorCodec('other').encode(10)],
    ['an extra segment', () => `${codec.encode(10)}.x`],
    ['an empty string', ''],
  ])('refuses %s with a 400 naming cursor', (_name, cursor) => {
    const value = typeof cursor === 'function' ? cursor() : cursor;
    expect(() => codec.decode(value)).toThrow(
      expect.objectContaining({
        name: 'ValidationError',
        details: { errors: [expect.objectContaining({ path: ['cursor'] })] },
      }),
    );
  });
});

describe('pages', () => {
  const rows = [{ id: 9 }, { id: 7 }, { id: 4 }];

  it('gives a next cursor only when there is another row', () => {
    expect(toPage(rows, 2, String, (row) => row.id)).toEqual({
      data: [9, 7],
      meta: { pagination: { limit: 2, nextCursor: '7' } },
    });
    expect(toPage(rows, 3, String, (row) => row.id).meta.pagination.nextCursor).toBeNull();
  });

  it('defaults the limit to 20 and caps it at 100', () => {
    expect(pageQuery.parse({})).toEqual({ limit: 20 });
    expect(pageQuery.safeParse({ limit: '101' }).success).toBe(false);
    expect(pageQuery.safeParse({ limit: '0' }).success).toBe(false);
  });
});
