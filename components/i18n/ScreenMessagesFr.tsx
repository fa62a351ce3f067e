'use client';
/**
 * The French catalogue of a screen's client components, bundled with the client code
 * (see ClientMessages): the browser loads it once with the app's scripts, instead of every page
 * carrying it in its HTML and its RSC payload. One module per language, so a reader downloads only
 * theirs.
 */
import { ScreenMessagesProvider, type ScreenMessagesProps } from './ScreenMessagesProvider';
import common from '@/lib/i18n/messages/fr/common.json';
import auth from '@/lib/i18n/messages/fr/auth.json';
import home from '@/lib/i18n/messages/fr/home.json';
import spaces from '@/lib/i18n/messages/fr/spaces.json';
import pages from '@/lib/i18n/messages/fr/pages.json';
import account from '@/lib/i18n/messages/fr/account.json';
import admin from '@/lib/i18n/messages/fr/admin.json';
import errors from '@/lib/i18n/messages/fr/errors.json';
import editor from '@/lib/i18n/messages/fr/editor.json';
import search from '@/lib/i18n/messages/fr/search.json';
import history from '@/lib/i18n/messages/fr/history.json';
import motions from '@/lib/i18n/messages/fr/motions.json';
import membership from '@/lib/i18n/messages/fr/membership.json';
import rsvp from '@/lib/i18n/messages/fr/rsvp.json';
import events from '@/lib/i18n/messages/fr/events.json';

const CATALOGUE = { common, auth, home, spaces, pages, account, admin, errors, editor, search, history, motions, membership, rsvp, events };

export function ScreenMessagesFr(props: ScreenMessagesProps) {
  return <ScreenMessagesProvider catalogue={CATALOGUE} locale="fr" {...props} />;
}
