import { createRecordCursorCodec } from './record-cursor';

describe('service record cursors', () => {
  const codec = createRecordCursorCodec('secret');

  it('reads back the position it wrote', () => {
    const position = { at: Date.parse('2026-11-10T04:00:00Z'), id: 42 };
    expect(codec.decode(codec.encode(position))).toEqual(position);
  });

  it('refuses an edited or foreign cursor naming cursor', () => {
    const cursor = codec.encode({ at: 1, id: 2 });
    const forged = `${Buffer.from(JSON.stringify({ at: 1, id: 999 })).toString('base64url')}.${cursor.split('.')[1]}`;
    for (const bad of [
      forged,
      'nonsense',
      createRecordCursorCodec('other').encode({ at: 1, id: 2 }),
    ]) {
      expect(() => codec.decode(bad)).toThrow(expect.objectContaining({ path: ['cursor'] }));
    }
  });
});
