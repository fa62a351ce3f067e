'use client';
/**
 * The English catalogue of a screen's client components, bundled with the client code
 * (see ClientMessages): the browser loads it once with the app's scripts, instead of every page
 * carrying it in its HTML and its RSC payload. One module per language, so a reader downloads only
 * theirs.
 */
import { ScreenMessagesProvider, type ScreenMessagesProps } from './ScreenMessagesProvider';
import common from '@/lib/i18n/messages/en/common.json';
import auth from '@/lib/i18n/messages/en/auth.json';
import home from '@/lib/i18n/messages/en/home.json';
import spaces from '@/lib/i18n/messages/en/spaces.json';
import pages from '@/lib/i18n/messages/en/pages.json';
import account from '@/lib/i18n/messages/en/account.json';
import admin from '@/lib/i18n/messages/en/admin.json';
import errors from '@/lib/i18n/messages/en/errors.json';
import editor from '@/lib/i18n/messages/en/editor.json';
import search from '@/lib/i18n/messages/en/search.json';
import history from '@/lib/i18n/messages/en/history.json';
import motions from '@/lib/i18n/messages/en/motions.json';
import membership from '@/lib/i18n/messages/en/membership.json';
import rsvp from '@/lib/i18n/messages/en/rsvp.json';
import events from '@/lib/i18n/messages/en/events.json';

const CATALOGUE = { common, auth, home, spaces, pages, account, admin, errors, editor, search, history, motions, membership, rsvp, events };

export function ScreenMessagesEn(props: ScreenMessagesProps) {
  return <ScreenMessagesProvider catalogue={CATALOGUE} locale="en" {...props} />;
}
