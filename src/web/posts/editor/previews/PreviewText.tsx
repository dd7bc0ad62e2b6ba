import { UnstyledButton } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './previews.module.css';

const TOKENS = /(https?:\/\/\S+|#[\p{L}\p{N}_]+|@[\p{L}\p{N}_.]+)/gu;

/** Hashtags, mentions and links in the network's accent colour, as the feed shows them. */
function highlighted(text: string, linksLive: boolean): ReactNode[] {
  return text.split(TOKENS).map((part, i) => {
    if (i % 2 === 0) return part;
    const isLink = part.startsWith('http');
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
      <span key={i} className={isLink && !linksLive ? undefined : classes.accent}>
        {part}
      </span>
    );
  });
}

interface Props {
  text: string;
  /** Cut after this many characters behind "… more", as the feed does. */
  truncateAt?: number;
  /** What the feed's "more" says (Instagram "more", LinkedIn "…see more"). */
  moreLabel?: string;
  /** Links in the text are clickable on this network (else they show as plain text). */
  linksLive?: boolean;
  /** Put before the text, on the same line (Instagram's bold account name). */
  lead?: ReactNode;
}

/** A post's text as a network shows it: line breaks kept, tags coloured, long text folded. */
export function PreviewText({ text, truncateAt, moreLabel, linksLive = true, lead }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const chars = [...text];
  const folded = truncateAt !== undefined && !open && chars.length > truncateAt;
  const shown = folded ? chars.slice(0, truncateAt).join('').trimEnd() : text;
  return (
    <div className={classes.text}>
      {lead}
      {highlighted(shown, linksLive)}
      {folded && (
        <>
          {'… '}
          <UnstyledButton className={classes.more} onClick={() => setOpen(true)}>
            {moreLabel ?? t('postEditor.preview.more')}
          </UnstyledButton>
        </>
      )}
    </div>
  );
}
