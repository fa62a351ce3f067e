import { ClientMessages } from '@/components/i18n/ClientMessages';

/** This screen's client components read these namespaces of the catalogue (see ClientMessages). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages ns={['spaces', 'pages', 'events']}>{children}</ClientMessages>;
}
