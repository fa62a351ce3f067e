import { ClientMessages } from '@/components/i18n/ClientMessages';
import '@/components/pages/page-screen.css';

/** This screen's client components read these namespaces of the catalogue (see ClientMessages). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages ns={['editor', 'history', 'pages']}>{children}</ClientMessages>;
}
