import Link from 'next/link';
import { categoryLabel } from '@/lib/format';
import { isAdmin } from '@/lib/session/claims';
import type { Viewer } from '@/lib/shop-api/types';
import { signOut } from '../auth/actions';

export function SiteHeader({ viewer, categories, cartCount }: { readonly viewer: Viewer | undefined; readonly categories: readonly string[]; readonly cartCount: number }) {
  return (
    <header className="site-header">
      <div className="bar">
        <Link href="/" className="brand">
          Shop
        </Link>
        <form action="/search" method="get" role="search" className="header-search">
          <label htmlFor="site-search" className="visually-hidden">
            Search products
          </label>
          <input id="site-search" name="q" type="search" placeholder="Search products" />
          <button type="submit">Search</button>
        </form>
        <nav aria-label="Account" className="account-nav">
          <Link href="/cart">Cart{cartCount > 0 ? ` (${cartCount})` : ''}</Link>
          {viewer ? (
            <>
              <Link href="/orders">Orders</Link>
              <Link href="/account">Account</Link>
              {isAdmin(viewer) && <Link href="/admin/products">Admin</Link>}
              <form action={signOut}>
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in">Sign in</Link>
              <Link href="/sign-up">Create account</Link>
            </>
          )}
        </nav>
      </div>
      {categories.length > 0 && (
        <nav aria-label="Categories" className="category-nav">
          <ul>
            {categories.map((category) => (
              <li key={category}>
                <Link href={`/category/${category}`}>{categoryLabel(category)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
