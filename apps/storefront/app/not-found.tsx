import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="narrow">
      <h1>Page not found</h1>
      <p>We could not find that page or product. It may have been removed.</p>
      <p>
        <Link href="/">Back to the shop</Link> or <Link href="/search">search the catalogue</Link>.
      </p>
    </div>
  );
}
