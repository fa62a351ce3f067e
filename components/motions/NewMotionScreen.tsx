/** The « Nouvelle motion » screen (server component): heading, breadcrumbs, and the form. */
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import type { FormResult } from '@/components/ui/ActionForm';
import { NewMotionForm } from './NewMotionForm';
import './motions.css';

type Props = {
  space: { id: string; name: string; motionSignatures: number; motionSections: number };
  spaces: { id: string; name: string }[];
  action: (prev: unknown, form: FormData) => Promise<FormResult>;
};

export async function NewMotionScreen({ space, spaces, action }: Props) {
  const t = await getTranslations('motions.newMotion');
  return (
    <div className="stack">
      <div>
        <Breadcrumbs items={[{ href: `/espaces/${space.id}`, label: space.name }, { label: t('title') }]} />
        <h1>{t('titleIn', { space: space.name })}</h1>
      </div>
      <div className="card">
        <ClientMessages ns={['motions']}>
          <NewMotionForm action={action} spaces={spaces} requirement={{ signatures: space.motionSignatures, sections: space.motionSections }} />
        </ClientMessages>
      </div>
    </div>
  );
}
