import { useTranslation } from 'react-i18next';
import type { DiffPart } from '../../../shared/posts/diff.ts';
import classes from './history.module.css';

/**
 * A diff as running text: insertions in <ins>, deletions in <del>, each announced in words
 * for screen readers ("added: …", "removed: …"), since colour and lines alone are not enough.
 */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  return (
    <p className={classes.diff}>
      {parts.map((part, i) => {
        const key = `${i}-${part.kind}`;
        if (part.kind === 'added') {
          return (
            <ins key={key}>
              <span className="visually-hidden">[{t('postReview.history.added')}: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </ins>
          );
        }
        if (part.kind === 'removed') {
          return (
            <del key={key}>
              <span className="visually-hidden">[{t('postReview.history.removed')}: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </del>
          );
        }
        return <span key={key}>{part.text}</span>;
      })}
    </p>
  );
}

/** What the marks mean, shown once above the history. */
export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <p className={`${classes.diff} ${classes.legend}`} style={{ display: 'inline-block' }}>
      {t('postReview.history.legend')} <ins>{t('postReview.history.added')}</ins>{' '}
      <del>{t('postReview.history.removed')}</del>
    </p>
  );
}
