import { useState } from 'react';

interface Props {
  /** The id of the input holding the link. */
  inputId: string;
  label: string;
  copied: string;
}

/** A button that copies the link in the input next to it; without JavaScript the owner selects it. */
export default function CopyLink({ inputId, label, copied }: Props) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
      setDone(true);
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for the owner to copy.
      input.focus();
      input.select();
    }
  };
  return (
    <>
      <button type="button" className="button button-secondary" onClick={copy}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {done ? copied : ''}
      </span>
    </>
  );
}
