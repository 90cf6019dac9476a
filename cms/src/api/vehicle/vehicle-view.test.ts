import type { ModelDetail } from '../catalog/services/catalog';
import { pictureOf } from './vehicle-view';

const model = (defaultImageUrl: string | null, defaultImageThumbnailUrl: string | null = null) =>
  ({ defaultImageUrl, defaultImageThumbnailUrl }) as ModelDetail;

describe('vehicle picture', () => {
  it("is the newest of the owner's photos (the first, photos come newest first), with its small copy", () => {
    const photos = [
      { id: 'new', url: '/api/files/new', thumbnailUrl: '/api/files/small-new' },
      { id: 'mid', url: '/api/files/mid', thumbnailUrl: '/api/files/small-mid' },
    ];
    expect(pictureOf(photos, model('/uploads/model.png'))).toEqual({
      url: '/api/files/new',
      thumbnailUrl: '/api/files/small-new',
      source: 'photo',
    });
  });

  it("falls back to the model's default image, whose small copy may be missing", () => {
    expect(pictureOf([], model('/uploads/model.png', '/uploads/small_model.png'))).toEqual({
      url: '/uploads/model.png',
      thumbnailUrl: '/uploads/small_model.png',
      source: 'model',
    });
    expect(pictureOf([], model('/uploads/model.png'))).toEqual({
      url: '/uploads/model.png',
      thumbnailUrl: '/uploads/model.png',
      source: 'model',
    });
  });

  it('falls back to a placeholder', () => {
    const placeholder = { url: null, thumbnailUrl: null, source: 'placeholder' };
    expect(pictureOf([], model(null))).toEqual(placeholder);
    expect(pictureOf([], null)).toEqual(placeholder);
  });
});
