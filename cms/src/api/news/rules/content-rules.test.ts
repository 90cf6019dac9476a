import { recallProblems, tagProblems } from './content-rules';

describe('recallProblems', () => {
  it('accepts a consistent recall and an unfinished draft', () => {
    expect(
      recallProblems({
        yearFrom: 2018,
        yearTo: 2018,
        sourceUrl: 'https://example.com/r',
        makeId: 'm',
        modelId: 'x',
        modelMakeId: 'm',
        tags: ['brakes'],
      }),
    ).toEqual([]);
    expect(recallProblems({})).toEqual([]);
  });

  it('names every field that breaks a rule', () => {
    expect(
      recallProblems({
        yearFrom: 2020,
        yearTo: 2019,
        sourceUrl: 'javascript:alert(1)',
        makeId: 'm',
        modelId: 'x',
        modelMakeId: 'other',
        tags: ['Bad Tag'],
      }).map((problem) => problem.field),
    ).toEqual(['yearTo', 'sourceUrl', 'model', 'tags']);
    expect(recallProblems({ modelId: 'x' })).toEqual([
      { field: 'make', message: 'is required when a model is chosen' },
    ]);
    expect(tagProblems('brakes')).toEqual([{ field: 'tags', message: 'must be a list of tags' }]);
  });
});
