import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { useEndMeeting } from '../../mutations.ts';
import { useRoom } from '../RoomContext.tsx';
import { useReportError } from '../useReportError.ts';

type Step = 'closed' | 'confirm' | 'undecided';

const undecidedBlock = (error: unknown) =>
  error instanceof ApiError && error.code === 'stage_blocked' && error.fields.to === 'topics_undecided';

/**
 * Ends the meeting after asking; when topics have no decision yet, asks once more whether to
 * accept them as they are.
 */
export function EndMeetingButton(props: Omit<ButtonProps, 'children' | 'onClick'>) {
  const { t } = useTranslation();
  const { meeting, plan } = useRoom();
  const end = useEndMeeting(meeting);
  const report = useReportError();
  const [step, setStep] = useState<Step>('closed');
  const undecided = plan.topics.filter((x) => x.status === 'proposed').length;

  const finish = (acceptUndecided: boolean) =>
    end.mutate(
      { acceptUndecided },
      {
        onSuccess: () => setStep('closed'),
        onError: (error) => {
          if (undecidedBlock(error)) setStep('undecided');
          else {
            setStep('closed');
            report(error);
          }
        },
      },
    );

  return (
    <>
      <Button
        color="red"
        leftSection={<IconPlayerStop size={16} aria-hidden />}
        onClick={() => setStep('confirm')}
        {...props}
      >
        {t('meeting.end.button')}
      </Button>
      <Modal
        opened={step !== 'closed'}
        onClose={() => setStep('closed')}
        title={t('meeting.end.title')}
        centered
      >
        <Text>
          {step === 'undecided'
            ? t('meeting.end.undecided', { count: Math.max(undecided, 1) })
            : t('meeting.end.confirm')}
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setStep('closed')}>
            {step === 'undecided' ? t('meeting.end.keepDeciding') : t('common.cancel')}
          </Button>
          <Button color="red" loading={end.isPending} onClick={() => finish(step === 'undecided')}>
            {step === 'undecided' ? t('meeting.end.acceptAndEnd') : t('meeting.end.button')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
