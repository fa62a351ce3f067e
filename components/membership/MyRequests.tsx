/**
 * « Mes demandes » on the home page: the signed-in person's requests to join a section, move to
 * another or join a group, with their status and the decider's message (never the decider's
 * name), a pending one cancellable; renders nothing without any. `RequestsToDecide`: for
 * deciders, the items of the home page's « À traiter »: how many wait in each space they
 * animate, linked to its requests screen.
 */
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import type { JoinRequestKind } from './JoinRequestDialog';

type Mine = {
  id: string;
  kind: JoinRequestKind;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  answer: string;
  createdAt: Date;
  decidedAt: Date | null;
  space: { id: string; name: string };
};
type ToDecide = { space: { id: string; name: string }; count: number };

type Props = {
  mine: Mine[];
  /** A server action: the person withdraws a pending request. */
  cancel: (requestId: string) => Promise<unknown>;
};

const STATUS_BADGE: Record<Mine['status'], string> = { pending: 'badge badge-draft', accepted: 'badge badge-published', declined: 'badge', cancelled: 'badge badge-archived' };

/** `<li>` items, for a list of things that wait for the viewer. */
export async function RequestsToDecide({ items }: { items: ToDecide[] }) {
  const t = await getTranslations('membership.requests');
  return items.map((d) => (
    <li key={`requests-${d.space.id}`}>
      {t.rich('toDecideItem', { count: d.count, space: d.space.name, link: (chunks) => <Link href={`/espaces/${d.space.id}/demandes`}>{chunks}</Link> })}
    </li>
  ));
}

export async function MyRequests({ mine, cancel }: Props) {
  if (mine.length === 0) return null;
  const t = await getTranslations('membership.requests');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'long' });
  return (
    <section className="card" aria-labelledby="my-requests">
      <h2 id="my-requests">{t('mine')}</h2>
      <ul className="list">
        {mine.map((r) => (
          <li key={r.id} className="stack" style={{ gap: 6 }}>
            <div className="row" style={{ flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}>
              <Link className="list-title" href={`/espaces/${r.space.id}`}>
                {t('mineItem', { kind: r.kind, space: r.space.name })}
              </Link>
              <span className={STATUS_BADGE[r.status]}>{t('status', { status: r.status })}</span>
            </div>
            <p className="small muted" style={{ margin: 0 }}>
              {t('sentOn', { date: day(r.createdAt) })}
              {r.decidedAt && r.status !== 'cancelled' && ` · ${t('decidedOn', { date: day(r.decidedAt) })}`}
            </p>
            {r.status === 'declined' && r.answer && (
              <figure style={{ margin: 0 }}>
                <figcaption className="small muted">{t('answer')}</figcaption>
                <blockquote style={{ margin: '4px 0 0', padding: '4px 12px', borderLeft: '4px solid var(--border)', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.answer}</blockquote>
              </figure>
            )}
            {r.status === 'pending' && (
              <div>
                <ConfirmButton
                  className="btn"
                  label={t('cancelRequest')}
                  title={t('cancelTitle')}
                  body={t('cancelBody', { space: r.space.name })}
                  confirmLabel={t('cancelRequest')}
                  cancelLabel={t('keep')}
                  onConfirm={cancel.bind(null, r.id) as () => Promise<void>}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
