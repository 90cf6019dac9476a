import { describe, expect, it } from 'vitest';
import { noteBody } from './note-form';

describe('noteBody', () => {
  it('keeps a note’s text without the surrounding blank space', () => {
    expect(noteBody('  Chain oiled\nTyres checked  ', 'noteBody')).toEqual({
      body: 'Chain oiled\nTyres checked',
    });
  });

  it('refuses an empty note or one over 4,000 characters, at the given text area', () => {
    const error = { error: { field: 'editNoteBody', key: 'garage.errors.noteBody' } };

    expect(noteBody('   ', 'editNoteBody')).toEqual(error);
    expect(noteBody('a'.repeat(4001), 'editNoteBody')).toEqual(error);
  });
});
