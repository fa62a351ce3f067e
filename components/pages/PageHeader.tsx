'use client';
/**
 * The one header of a page: its title, edited in place; its status and visibility as one chip
 * whose small menu publishes, archives, returns to draft or changes who reads it — each asking
 * first, in words that say to whom; and everything else in one « ⋯ » menu. What the viewer may
 * do comes from the server (`abilities`); this component never works it out.
 */
import Link from 'next/link';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Icon } from '@/components/ui/Icon';
import type { FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { StatusBadge, VisibilityBadge } from './Badges';
import { DisclosureMenu } from './DisclosureMenu';
import { PageTitle } from './PageTitle';
import { SaveVersionButton } from './SaveVersionButton';

type Status = 'draft' | 'published' | 'archived';
type Visibility = 'public' | 'members' | 'space';
const VISIBILITIES: Visibility[] = ['space', 'members', 'public'];
const VIS_ICON = { public: 'globe', members: 'users', space: 'lock' } as const;

export type PageHeaderAbilities = {
  edit: boolean;
  publish: boolean;
  archive: boolean;
  delete: boolean;
  changeVisibility: boolean;
  viewHistory: boolean;
};

export type PageHeaderActions = {
  rename: (title: string) => Promise<FormResult>;
  setStatus: (status: Status) => Promise<FormResult>;
  setVisibility: (visibility: Visibility) => Promise<FormResult>;
  remove: () => Promise<FormResult>;
  saveVersion: (prev: unknown, form: FormData) => Promise<FormResult>;
};

type Props = {
  page: { id: string; title: string; status: Status; visibility: Visibility; spaceName: string };
  abilities: PageHeaderAbilities;
  actions: PageHeaderActions;
  /** Under the title: who wrote it and when (or the publication date for the public). */
  byline: string;
  /** The publication line (components/history/PublicationBar), beside the chip. */
  publication?: ReactNode;
  /** The ⋯ menu's « Co-auteurs » entry (components/pages/StewardManager), when the page has one. */
  coAuthors?: ReactNode;
  /** Client navigation to this page puts the focus on its title (not when the editor takes it). */
  focusOnArrival?: boolean;
};

type Message = { ok: boolean; text: string } | null;

/** A page header was already shown in this document: any later one came by client navigation. */
let shownBefore = false;

function cameByClientNavigation(): boolean {
  if (shownBefore) return true;
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return entry !== undefined && new URL(entry.name).pathname !== window.location.pathname;
}

export function PageHeader({ page, abilities, actions, byline, publication, coAuthors, focusOnArrival = true }: Props) {
  const t = useTranslations('pages');
  const tc = useTranslations('common');
  const th = useTranslations('history');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<Message>(null);

  useEffect(() => {
    const arrived = cameByClientNavigation();
    shownBefore = true;
    if (arrived && focusOnArrival) headingRef.current?.focus({ preventScroll: true });
  }, [focusOnArrival]);

  const audience = (v: Visibility) => t(`audience.${v}`, { space: page.spaceName });
  const { status, visibility } = page;

  /** Runs a header action; says it is done (or why not) in the live region under the header. */
  const run = async (fn: () => Promise<FormResult>, done: string, close?: (refocus?: boolean) => void) => {
    const r = await fn();
    setMessage(r && !r.ok ? { ok: false, text: r.error.message } : { ok: true, text: done });
    close?.();
  };

  const publishItem = (close: (refocus?: boolean) => void) =>
    abilities.publish && (
      <ConfirmButton
        className="menu-item"
        label={
          <>
            <Icon name="send" size={16} /> {t(`publishFor.${visibility}`, { space: page.spaceName })}…
          </>
        }
        title={t('publishTitle', { title: page.title })}
        body={t(`publishBody.${visibility}`, { space: page.spaceName })}
        confirmLabel={t(`publishFor.${visibility}`, { space: page.spaceName })}
        cancelLabel={tc('cancel')}
        onConfirm={() => run(() => actions.setStatus('published'), t(`publishDone.${visibility}`, { space: page.spaceName }), close)}
      />
    );
  const archiveItem = (close: (refocus?: boolean) => void) =>
    abilities.archive &&
    status === 'published' && (
      <ConfirmButton
        className="menu-item"
        label={
          <>
            <Icon name="archive" size={16} /> {t('archive')}…
          </>
        }
        title={t('archiveTitle', { title: page.title })}
        body={t('archiveBody', { audience: audience(visibility) })}
        confirmLabel={t('archive')}
        cancelLabel={tc('cancel')}
        onConfirm={() => run(() => actions.setStatus('archived'), t('archiveDone', { audience: audience(visibility) }), close)}
      />
    );
  const unpublishItem = (close: (refocus?: boolean) => void) =>
    abilities.changeVisibility &&
    status !== 'draft' && (
      <ConfirmButton
        className="menu-item"
        label={
          <>
            <Icon name="undo" size={16} /> {t('unpublish')}…
          </>
        }
        title={t('unpublishTitle', { title: page.title })}
        body={t('unpublishBody', { audience: audience(visibility), space: page.spaceName })}
        confirmLabel={t('unpublish')}
        cancelLabel={tc('cancel')}
        onConfirm={() => run(() => actions.setStatus('draft'), t('unpublishDone'), close)}
      />
    );

  const visibilityItems = (close: (refocus?: boolean) => void) =>
    abilities.changeVisibility && (
      <div role="group" aria-labelledby={`readers-${page.id}`} className="menu-group">
        <p id={`readers-${page.id}`} className="menu-heading">
          {t('readersGroup')}
        </p>
        {VISIBILITIES.map((v) => {
          const label = (
            <>
              <Icon name={VIS_ICON[v]} size={16} /> {t(`visibility.${v}`)}
            </>
          );
          if (v === visibility || status === 'draft')
            return (
              <button
                key={v}
                type="button"
                className="menu-item"
                aria-pressed={v === visibility}
                onClick={() => (v === visibility ? close() : run(() => actions.setVisibility(v), t('visibilityDraftDone', { audience: audience(v) }), close))}
              >
                {label}
              </button>
            );
          // Published: the audience changes at once, so it asks first.
          return (
            <ConfirmButton
              key={v}
              className="menu-item"
              label={label}
              title={t('visibilityTitle', { audience: audience(v) })}
              body={t(`visibilityBody.${v}`, { space: page.spaceName })}
              confirmLabel={t('visibilityConfirm')}
              cancelLabel={tc('cancel')}
              onConfirm={() => run(() => actions.setVisibility(v), t('visibilityDone', { audience: audience(v) }), close)}
            />
          );
        })}
      </div>
    );

  const canSteer = abilities.changeVisibility || abilities.publish || (abilities.archive && status === 'published');

  return (
    <header className="page-head">
      <PageTitle ref={headingRef} title={page.title} canEdit={abilities.edit} rename={actions.rename} onRenamed={() => setMessage({ ok: true, text: t('renamed') })} />
      <div className="page-meta row">
        {canSteer ? (
          <DisclosureMenu
            buttonClassName={`status-chip-button badge-${status}`}
            label={
              <>
                <span className="visually-hidden">{t('statusMenu')} : </span>
                {t(`status.${status}`)} <span aria-hidden="true">·</span> <Icon name={VIS_ICON[visibility]} size={14} /> {t(`visibility.${visibility}`)}
              </>
            }
          >
            {(close) => (
              <>
                {visibilityItems(close)}
                {publishItem(close)}
                {unpublishItem(close)}
                {archiveItem(close)}
              </>
            )}
          </DisclosureMenu>
        ) : (
          <span className="row" style={{ gap: 4 }}>
            <StatusBadge status={status} />
            <VisibilityBadge visibility={visibility} />
          </span>
        )}
        {publication}
        <DisclosureMenu buttonClassName="btn btn-small btn-ghost" ariaLabel={t('more')} label={<Icon name="ellipsis" size={18} />} align="end">
          {(close) => (
            <>
              {abilities.viewHistory && (
                <Link href={`/pages/${page.id}/historique`} className="menu-item" onClick={() => close(false)}>
                  <Icon name="history" size={16} /> {t('history')}
                </Link>
              )}
              {abilities.edit && <SaveVersionButton saveVersion={actions.saveVersion} onDone={() => (setMessage({ ok: true, text: th('saveVersionDone') }), close())} />}
              <a href={`/pages/${page.id}/markdown`} className="menu-item" download onClick={() => close()}>
                <Icon name="download" size={16} /> {t('exportMarkdown')}
              </a>
              {/* Slot « Co-auteurs »: components/pages/StewardManager (mounted by the page). */}
              {coAuthors}
              {archiveItem(close)}
              {abilities.delete && (
                <ConfirmButton
                  className="menu-item menu-item-danger"
                  label={
                    <>
                      <Icon name="trash" size={16} /> {t('delete')}…
                    </>
                  }
                  title={t('deleteTitle')}
                  body={t('deleteBody', { title: page.title })}
                  confirmLabel={t('deleteConfirm')}
                  cancelLabel={tc('cancel')}
                  onConfirm={() => run(actions.remove, t('deletedToast'), close)}
                />
              )}
            </>
          )}
        </DisclosureMenu>
      </div>
      <p className="small muted page-byline">{byline}</p>
      <div role="status" aria-live="polite" className="page-head-status">
        {message && (
          <p className={`alert ${message.ok ? 'alert-ok' : 'alert-error'}`} role={message.ok ? undefined : 'alert'}>
            {message.text}
          </p>
        )}
      </div>
    </header>
  );
}
