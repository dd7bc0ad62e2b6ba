import type { ChangeEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField.tsx';

interface Props {
  password: string;
  repeat: string;
  onPasswordChange: ChangeEventHandler<HTMLInputElement>;
  onRepeatChange: ChangeEventHandler<HTMLInputElement>;
  error?: string;
  repeatError?: string;
}

/** A new password and the same again, wherever a person sets one (reset link, settings). */
export function NewPasswordFields({
  password,
  repeat,
  onPasswordChange,
  onRepeatChange,
  error,
  repeatError,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={t('fields.newPassword')}
        description={t('fields.passwordHint')}
        autoComplete="new-password"
        value={password}
        onChange={onPasswordChange}
        error={error}
        required
      />
      <PasswordField
        label={t('fields.repeatPassword')}
        autoComplete="new-password"
        value={repeat}
        onChange={onRepeatChange}
        error={repeatError}
        required
      />
    </>
  );
}
