import { useEffect, useRef } from 'react';
import { enableBillLines } from './bill-lines';

/**
 * Turns on the add and remove buttons of the bill's rows in the form it sits in (an island,
 * so the page's CSP needs no inline script). Renders nothing of its own.
 */
export default function BillLines() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (form) enableBillLines(form);
  }, []);
  return <span ref={marker} hidden />;
}
