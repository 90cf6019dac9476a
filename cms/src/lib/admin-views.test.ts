import { applyView, withRelationNames, type ContentManagerConfiguration } from './admin-views';

const current = (): ContentManagerConfiguration => ({
  settings: { mainField: 'id', defaultSortBy: 'id', defaultSortOrder: 'ASC', pageSize: 10 },
  metadatas: {
    a: { edit: { label: 'a', visible: true, editable: true }, list: { label: 'a' } },
    b: { edit: { label: 'b', visible: true, editable: true }, list: { label: 'b' } },
    secret: { edit: { label: 'secret', visible: true, editable: true }, list: { label: 'secret' } },
    later: { edit: { label: 'later', visible: true, editable: true }, list: { label: 'later' } },
  },
  layouts: {
    list: ['id', 'a'],
    edit: [
      [
        { name: 'a', size: 6 },
        { name: 'secret', size: 6 },
      ],
      [
        { name: 'b', size: 6 },
        { name: 'later', size: 4 },
      ],
    ],
  },
});
const attributes = { a: {}, b: {}, secret: {}, later: {} };

describe('applyView', () => {
  it('sets the list, sort, labels, declared rows first and keeps fields it does not name', () => {
    const next = applyView(
      current(),
      {
        uid: 'api::x.x',
        mainField: 'b',
        defaultSortBy: 'a',
        defaultSortOrder: 'DESC',
        list: ['b', 'a'],
        labels: { b: { en: 'Bee', ne: 'बी' } },
        edit: [[['b', 12]]],
        readOnly: ['a'],
        hidden: ['secret'],
      },
      attributes,
    );
    expect(next.layouts.list).toEqual(['b', 'a']);
    expect(next.settings).toMatchObject({
      mainField: 'b',
      defaultSortBy: 'a',
      defaultSortOrder: 'DESC',
      pageSize: 10,
    });
    expect(next.metadatas.b).toEqual({
      edit: { label: 'Bee', visible: true, editable: true },
      list: { label: 'Bee' },
    });
    expect(next.metadatas.a.edit.editable).toBe(false);
    expect(next.metadatas.secret.edit.visible).toBe(false);
    expect(next.layouts.edit).toEqual([
      [{ name: 'b', size: 12 }],
      [{ name: 'a', size: 6 }],
      [{ name: 'later', size: 4 }],
    ]);
  });

  it('refuses a view naming a field the type does not have', () => {
    expect(() =>
      applyView(current(), { uid: 'api::x.x', list: ['a', 'gone'] }, attributes),
    ).toThrow(/api::x\.x names unknown fields: gone/);
  });
});

describe('withRelationNames', () => {
  const recall = (): ContentManagerConfiguration => ({
    settings: { mainField: 'title' },
    metadatas: {
      title: { edit: { label: 'title' }, list: { label: 'title' } },
      make: {
        edit: { label: 'make', mainField: 'slug' },
        list: { label: 'make', mainField: 'slug' },
      },
      model: { edit: { label: 'model', mainField: 'name' }, list: { label: 'model' } },
      owner: { edit: { label: 'owner', mainField: 'id' }, list: { label: 'owner' } },
    },
    layouts: { list: ['id', 'title'], edit: [[{ name: 'title', size: 6 }]] },
  });
  const attributes = {
    title: { type: 'string' },
    make: { type: 'relation', target: 'api::catalog.make' },
    model: { type: 'relation', target: 'api::catalog.model' },
    owner: { type: 'relation', target: 'plugin::users-permissions.user' },
  };
  const names = { 'api::catalog.make': 'name', 'api::catalog.model': 'name' };

  it("names each related entry by its type's main field, in the picker and in the list", () => {
    const next = withRelationNames(recall(), attributes, names);
    expect(next?.metadatas.make).toEqual({
      edit: { label: 'make', mainField: 'name' },
      list: { label: 'make', mainField: 'name' },
    });
    expect(next?.metadatas.model.edit.mainField).toBe('name');
    // A target without a view keeps what it had.
    expect(next?.metadatas.owner.edit.mainField).toBe('id');
    expect(next?.metadatas.title).toEqual(recall().metadatas.title);
  });

  it('is null when nothing changes, so nothing is written', () => {
    const once = withRelationNames(recall(), attributes, names)!;
    expect(withRelationNames(once, attributes, names)).toBeNull();
  });
});
