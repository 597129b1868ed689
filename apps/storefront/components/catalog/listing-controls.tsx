import type { ProductSort } from '@/lib/shop-api/types';

const SORTS: readonly { value: ProductSort; label: string }[] = [
  { value: 'newest', label: 'Newest' },
  { value: 'name', label: 'Name' },
  { value: 'price-asc', label: 'Price, low to high' },
  { value: 'price-desc', label: 'Price, high to low' },
];

/** A GET form: filters are in the URL, so they work without JavaScript and can be shared. */
export function ListingControls({ action, q, sort }: { readonly action: string; readonly q?: string | undefined; readonly sort: ProductSort }) {
  return (
    <form className="listing-controls" action={action} method="get" role="search">
      <div className="field">
        <label htmlFor="filter-q">Words</label>
        <input id="filter-q" name="q" type="search" defaultValue={q ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="filter-sort">Sort by</label>
        <select id="filter-sort" name="sort" defaultValue={sort}>
          {SORTS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Apply</button>
    </form>
  );
}

/** "Next page" with the listing's cursor; "First page" once past it (keyset cursors only go forward). */
export function Pager({ path, params, nextCursor }: { readonly path: string; readonly params: Record<string, string | undefined>; readonly nextCursor?: string | undefined }) {
  const base = Object.fromEntries(Object.entries(params).filter(([key, value]) => key !== 'cursor' && value)) as Record<string, string>;
  const href = (cursor?: string) => `${path}?${new URLSearchParams(cursor ? { ...base, cursor } : base)}`;
  return (
    <nav className="pager" aria-label="Pages">
      {params.cursor && <a href={href()}>First page</a>}
      {nextCursor && (
        <a href={href(nextCursor)} rel="next">
          Next page
        </a>
      )}
    </nav>
  );
}
