import type { ModelDetail } from '../catalog/services/catalog';
import { pictureOf } from './vehicle-view';

const model = (defaultImageUrl: string | null) => ({ defaultImageUrl }) as ModelDetail;

describe('vehicle picture', () => {
  it("is the newest of the owner's photos", () => {
    const photos = [
      { id: 3, url: '/uploads/old.jpg' },
      { id: 9, url: '/uploads/new.jpg' },
    ];
    expect(pictureOf({ photos }, model('/uploads/model.png'))).toEqual({
      url: '/uploads/new.jpg',
      source: 'photo',
    });
  });

  it("falls back to the model's default image", () => {
    expect(pictureOf({ photos: [] }, model('/uploads/model.png'))).toEqual({
      url: '/uploads/model.png',
      source: 'model',
    });
  });

  it('falls back to a placeholder', () => {
    expect(pictureOf({ photos: null }, model(null))).toEqual({ url: null, source: 'placeholder' });
    expect(pictureOf({}, null)).toEqual({ url: null, source: 'placeholder' });
  });
});
