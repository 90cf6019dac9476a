import { useEffect, useState } from 'react';
import { nearValue, type NearMeLabels } from './near-me';

interface Props {
  /** The finder's GET form, which this fills and submits. */
  formId: string;
  /** Its hidden `near` field and its district select (cleared: one or the other). */
  nearField: string;
  districtField: string;
  labels: NearMeLabels;
}

type State = 'idle' | 'locating' | 'found' | 'denied' | 'unavailable' | 'outside';

/**
 * "Use my location" (JavaScript only: the district select is the way without it). Asks the
 * browser for its position, says what happens in a live region, and on success submits the
 * finder's form with the point; a refusal or a point outside Nepal says to choose a district.
 */
export default function NearMeButton({ formId, nearField, districtField, labels }: Props) {
  const [enabled, setEnabled] = useState(false);
  const [state, setState] = useState<State>('idle');
  useEffect(() => setEnabled(typeof navigator !== 'undefined' && 'geolocation' in navigator), []);

  const locate = () => {
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const value = nearValue(position.coords.latitude, position.coords.longitude);
        const form = document.getElementById(formId);
        if (!value) return setState('outside');
        if (!(form instanceof HTMLFormElement)) return setState('unavailable');
        const near = form.elements.namedItem(nearField);
        const district = form.elements.namedItem(districtField);
        if (near instanceof HTMLInputElement) {
          // Hidden and disabled until there is a point (no empty `near=` in the address).
          near.disabled = false;
          near.value = value;
          if (near.type === 'checkbox') near.checked = true;
        }
        if (district instanceof HTMLSelectElement) district.value = '';
        setState('found');
        form.requestSubmit();
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  return (
    <div className="near-me">
      {enabled && (
        <button
          type="button"
          className="button button-secondary"
          onClick={locate}
          disabled={state === 'locating'}
        >
          {labels.button}
        </button>
      )}
      <p role="status" className="near-me-status">
        {state === 'idle' ? '' : labels[state]}
      </p>
    </div>
  );
}
