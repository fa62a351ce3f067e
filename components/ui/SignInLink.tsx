'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A link to the sign-in page that brings the person back to the page they are on. */
export function SignInLink({ className, children }: { className?: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const href = pathname && pathname !== '/' && !pathname.startsWith('/connexion') ? `/connexion?${new URLSearchParams({ callbackUrl: pathname })}` : '/connexion';
  return (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}
