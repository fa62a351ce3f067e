import { getFormatter, getTranslations } from 'next-intl/server';
import type { DeliberationStage } from '@/lib/domain/enums';

/**
 * Above a motion's numbered text: at which stage its lines were numbered (the numbers stay on their
 * words), and on paper the day it was printed.
 */
export async function LineNumbersNote({ stage, lineLength }: { stage: DeliberationStage; lineLength: number }) {
  const t = await getTranslations('motions');
  const format = await getFormatter();
  return (
    <p className="line-numbers-note">
      {t('lines.note', { stage: t(`stage.name.${stage}`), length: lineLength })}
      <span className="print-only"> {t('lines.printedOn', { date: format.dateTime(new Date(), { dateStyle: 'long' }) })}</span>
    </p>
  );
}
