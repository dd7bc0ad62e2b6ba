import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../shared/api/index.ts';
import type { MonthContingency } from './changeLabels.ts';
import { LogChangeForm } from './LogChangeForm.tsx';
import { PostCreated } from './PostCreated.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  posts: PostSummary[];
  contingencies: MonthContingency[];
}

/** The "Log a change" dialog: the form, then (for a situational post) the way to its draft. */
export function LogChangeModal({ opened, onClose, posts, contingencies }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const [created, setCreated] = useState<string | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('changes.created.title') : t('changes.logTitle')}
      size="lg"
      fullScreen={phone}
      centered
    >
      {opened &&
        (created ? (
          <PostCreated postId={created} message={t('changes.created.situational')} onClose={close} />
        ) : (
          <LogChangeForm
            posts={posts}
            contingencies={contingencies}
            onCancel={close}
            onCreated={setCreated}
            onLogged={close}
          />
        ))}
    </Modal>
  );
}
