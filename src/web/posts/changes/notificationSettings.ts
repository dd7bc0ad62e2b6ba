import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { EmailNotificationMode } from '../../../shared/api/index.ts';
import { api } from '../../api/client.ts';
import { postKeys } from '../queries.ts';

interface NotificationSettings {
  email: EmailNotificationMode;
}

/** How this person wants to hear by email that something waits for them. */
export const notificationSettingsQuery = queryOptions({
  queryKey: postKeys.notificationSettings,
  queryFn: () => api.get<NotificationSettings>('/api/me/notification-settings'),
});

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettings) =>
      api.put<NotificationSettings>('/api/me/notification-settings', body),
    // The answer is the setting as saved; whatever it says, the form shows it next.
    onSuccess: (saved, sent) =>
      queryClient.setQueryData(postKeys.notificationSettings, saved?.email ? saved : sent),
  });
}
