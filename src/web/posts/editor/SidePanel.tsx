import { Badge, Paper, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostComment, PostFull } from '../../../shared/api/index.ts';
import { CommentList } from '../comments/CommentList.tsx';
import { PostHistory } from '../history/PostHistory.tsx';
import { FactPack } from './brief/FactPack.tsx';
import { TopicBrief } from './brief/TopicBrief.tsx';
import classes from './editor.module.css';
import { PostPreview } from './previews/PostPreview.tsx';
import type { PreviewProps } from './previews/previewProps.ts';

export type SideTab = 'brief' | 'preview' | 'comments' | 'history';

/** Open comments come first when the client asked for changes. */
export const initialSideTab = (data: PostFull): SideTab =>
  data.post.status === 'changes_requested' && data.comments.some((c) => !c.resolvedAt) ? 'comments' : 'brief';

interface Props {
  data: PostFull;
  preview: PreviewProps;
  onInsert: ((text: string) => void) | null;
  onPickAnchor: (comment: PostComment) => void;
  activeComment: string | null;
  /** The tab shown: the editor opens the comments when a highlighted phrase is clicked. */
  tab: SideTab;
  onTab: (tab: SideTab) => void;
}

/**
 * Beside the copy: what to write from (the topic, the meeting's decisions, the facts), how it
 * will look, what the client said, and what was sent before.
 */
export function SidePanel({ data, preview, onInsert, onPickAnchor, activeComment, tab, onTab }: Props) {
  const { t } = useTranslation();
  const open = data.comments.filter((c) => !c.resolvedAt).length;
  return (
    <Paper withBorder radius="md" className={classes.side}>
      <Tabs value={tab} onChange={(next) => onTab((next as SideTab) ?? 'brief')} keepMounted={false}>
        <Tabs.List grow className={classes.sideTabs} style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="brief">{t('postEditor.side.brief')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('postEditor.side.preview')}</Tabs.Tab>
          <Tabs.Tab
            value="comments"
            rightSection={
              open > 0 ? (
                <Badge
                  size="sm"
                  circle
                  color="orange"
                  aria-label={t('postEditor.side.openComments', { count: open })}
                >
                  {open}
                </Badge>
              ) : undefined
            }
          >
            {t('postEditor.side.comments')}
          </Tabs.Tab>
          <Tabs.Tab value="history">{t('postEditor.side.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="brief" p="sm">
          <TopicBrief data={data} />
          <div className={classes.divider} />
          <FactPack data={data} onInsert={onInsert} />
        </Tabs.Panel>
        <Tabs.Panel value="preview" p="sm">
          <PostPreview network={data.post.network} {...preview} />
        </Tabs.Panel>
        <Tabs.Panel value="comments" p="sm">
          <CommentList data={data} onPickAnchor={onPickAnchor} activeId={activeComment} />
        </Tabs.Panel>
        <Tabs.Panel value="history" p="sm">
          <PostHistory data={data} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
