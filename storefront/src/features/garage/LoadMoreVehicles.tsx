import { useEffect, useRef, useState, type MouseEvent } from 'react';

interface Props {
  /** The id of the `<ul>` of vehicle cards the next ones are appended to. */
  listId: string;
  /** The next page of the garage (`?cursor=…`). */
  nextHref: string;
  label: string;
  loading: string;
  /** Announced once the next vehicles are shown. */
  moreShown: string;
}

/** Marks the link (here and in a fetched page) that leads to the next page. */
const NEXT_PAGE_ATTRIBUTE = 'data-next-page';

/**
 * "Show more vehicles". Without JavaScript it is a link to the next page. Hydrated, it fetches
 * that page, appends its cards to the list (the server renders them, so they look the same)
 * and moves focus to the first new card; if the fetch fails it follows the link after all.
 */
export default function LoadMoreVehicles(props: Props) {
  const [nextHref, setNextHref] = useState<string | null>(props.nextHref);
  const [status, setStatus] = useState('');
  const busy = useRef(false);
  // Once hydrated, the link fills the list in place rather than leaving the page.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);

  const loadMore = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (!nextHref) return;
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setStatus(props.loading);
    try {
      const response = await fetch(nextHref, { headers: { Accept: 'text/html' } });
      if (!response.ok) throw new Error(`garage page answered ${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const list = document.getElementById(props.listId);
      const cards = [...page.querySelectorAll(`#${props.listId} > li`)];
      if (!list || cards.length === 0) throw new Error('no vehicles in the next page');
      const added = cards.map((card) => list.appendChild(document.importNode(card, true)));
      added[0]?.querySelector<HTMLElement>('h2 a')?.focus();
      setNextHref(page.querySelector(`[${NEXT_PAGE_ATTRIBUTE}]`)?.getAttribute('href') ?? null);
      setStatus(props.moreShown);
    } catch {
      window.location.assign(nextHref);
    } finally {
      busy.current = false;
    }
  };

  return (
    <>
      {nextHref && (
        <a
          className="button button-secondary"
          href={nextHref}
          onClick={loadMore}
          aria-controls={enhanced ? props.listId : undefined}
          data-next-page=""
        >
          {props.label}
        </a>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </>
  );
}
