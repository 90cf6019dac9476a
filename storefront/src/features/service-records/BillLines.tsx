import { useEffect, useRef } from 'react';
import { enableBillLines } from './bill-lines';

/**
 * Turns on the add and remove buttons of the bill's rows in the form it sits in (an island,
 * so the page's CSP needs no inline script). Renders only a 1 px marker: `client:visible`
 * hydrates an island once it has a box in view, so the marker sits at the top of the form
 * and is not `hidden`.
 */
export default function BillLines() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (form) enableBillLines(form);
  }, []);
  return <span ref={marker} className="visually-hidden" />;
}
