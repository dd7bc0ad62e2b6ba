import { Button, Group, Stack } from '@mantine/core';
import { IconBulb, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { usePlanData } from '../PlanContext.tsx';
import { CsvImportModal } from './CsvImportModal.tsx';
import { PutInSlotModal } from './PutInSlotModal.tsx';
import { QuickAdd } from './QuickAdd.tsx';
import { TopicDrawer } from './TopicDrawer.tsx';
import { TopicList } from './TopicList.tsx';

export type TopicDialog = { kind: 'edit' | 'slot'; topicId: string } | { kind: 'import' } | null;

/** The month's topics: quick add, order by importance, edit, place into slots, park. */
export function TopicsTab() {
  const { t } = useTranslation();
  const { plan, can } = usePlanData();
  const [dialog, setDialog] = useState<TopicDialog>(null);
  const close = () => setDialog(null);
  const topicId = dialog && dialog.kind !== 'import' ? dialog.topicId : null;

  return (
    <Stack gap="md">
      {can.addTopics && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <QuickAdd />
          <Button
            variant="default"
            leftSection={<IconFileImport size={18} aria-hidden />}
            onClick={() => setDialog({ kind: 'import' })}
          >
            {t('import.button')}
          </Button>
        </Group>
      )}
      {plan.topics.length === 0 ? (
        <EmptyBlock
          order={2}
          icon={<IconBulb />}
          title={t('topics.emptyTitle')}
          description={can.addTopics ? t('topics.emptyHint') : t('topics.emptyReadOnly')}
        />
      ) : (
        <TopicList onOpen={setDialog} />
      )}
      <TopicDrawer topicId={dialog?.kind === 'edit' ? topicId : null} onClose={close} />
      <PutInSlotModal topicId={dialog?.kind === 'slot' ? topicId : null} onClose={close} />
      <CsvImportModal opened={dialog?.kind === 'import'} onClose={close} />
    </Stack>
  );
}
