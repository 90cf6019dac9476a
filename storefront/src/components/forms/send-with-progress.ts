/** How a request sent with progress ended: its status and the URL it ended at (after redirects). */
export interface SentAnswer {
  status: number;
  url: string;
}

/** A request on its way: its answer (rejects when the network fails or it is aborted) and a way to stop it. */
export interface SendingRequest {
  answer: Promise<SentAnswer>;
  abort: () => void;
}

/**
 * Sends a body with XMLHttpRequest, whose upload events (which `fetch` does not give) report
 * the bytes sent. Browser only.
 */
export function sendWithProgress(
  request: {
    method: string;
    url: string;
    headers?: Record<string, string>;
    body: XMLHttpRequestBodyInit;
  },
  onProgress: (sent: { loaded: number; total: number }) => void,
): SendingRequest {
  const xhr = new XMLHttpRequest();
  const answer = new Promise<SentAnswer>((resolve, reject) => {
    xhr.upload.addEventListener('progress', (progress) => {
      if (progress.lengthComputable) onProgress({ loaded: progress.loaded, total: progress.total });
    });
    xhr.addEventListener('load', () => resolve({ status: xhr.status, url: xhr.responseURL }));
    xhr.addEventListener('error', () => reject(new Error('network')));
    xhr.addEventListener('abort', () => reject(new Error('aborted')));
  });
  xhr.open(request.method, request.url);
  for (const [name, value] of Object.entries(request.headers ?? {}))
    xhr.setRequestHeader(name, value);
  xhr.send(request.body);
  return { answer, abort: () => xhr.abort() };
}
