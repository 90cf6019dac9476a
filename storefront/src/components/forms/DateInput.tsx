import { useState } from 'react';
import { otherCalendarText, type DatePreviewSettings } from './date-preview';

interface Props {
  /** Both the input's name and its id. */
  name: string;
  /** What the owner typed, or the stored day as `dateInputText` writes it. */
  value: string;
  settings: DatePreviewSettings;
  describedBy?: string;
  invalid: boolean;
  required: boolean;
  autocomplete?: string;
}

/**
 * A date input that names the typed day on the other calendar as the owner types (BS under
 * an AD date, AD under a BS one). Rendered on the server it is a plain text input with the
 * preview of its first value; the form handler reads whatever was typed (`readDateField`).
 */
export default function DateInput({
  name,
  value,
  settings,
  describedBy,
  invalid,
  required,
  autocomplete,
}: Props) {
  const [text, setText] = useState(value);
  return (
    <>
      <input
        id={name}
        name={name}
        type="text"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autoComplete={autocomplete ?? 'off'}
        spellCheck={false}
        required={required}
        aria-describedby={describedBy}
        aria-invalid={invalid ? 'true' : undefined}
      />
      {/* An <output> is a polite live region: the other calendar is read out as it changes. */}
      <output id={`${name}-other`} htmlFor={name} className="date-other">
        {otherCalendarText(text, settings)}
      </output>
    </>
  );
}
