import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="narrow">
      <h1>Staff only</h1>
      <p>This page is for shop staff in the admin group.</p>
      <p>
        <Link href="/">Back to the shop</Link>
      </p>
    </div>
  );
}
