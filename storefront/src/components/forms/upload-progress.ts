/**
 * How much of an upload is sent, in whole tens of percent: the progress text (read out as it
 * changes) moves in steps a listener can follow, while the bar itself moves smoothly.
 */
export function uploadedTens(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((loaded / total) * 10) * 10);
}

/** How much of an upload is sent, in whole percent: the progress bar's value. */
export function uploadedPercent(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((loaded / total) * 100));
}

/** Whether every byte is sent (the server is storing the file); not before the size is known. */
export function isSent({ loaded, total }: { loaded: number; total: number }): boolean {
  return total > 0 && loaded >= total;
}

/**
 * What the page does once a scripted form post (a photo upload, a document's finalise) is
 * answered. The portal answers these with a redirect (to the confirmation, the error, or the
 * login page), which the request followed: the browser goes there. Any other answer (a
 * refused CSRF token, a vehicle gone) is only shown by posting the form the ordinary way.
 */
export function afterUpload(
  answer: { status: number; url: string },
  postedTo: string,
): { goTo: string } | 'post-form' {
  const redirected = answer.url !== '' && answer.url !== new URL(postedTo).href;
  return answer.status < 400 && redirected ? { goTo: answer.url } : 'post-form';
}
