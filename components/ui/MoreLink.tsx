
/** "Show more" at the foot of a paginated list (the next page is a URL with a cursor). */
export function MoreLink({ href, label }: { href: string | null | undefined; label: string }) {
  if (!href) return null;
  return (
    <p style={{ marginTop: 12 }}>
      <a data-nav className="btn btn-small" href={href}>
        {label}
      </a>
    </p>
  );
}
