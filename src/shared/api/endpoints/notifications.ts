import { z } from 'zod';
import { ok, uuid } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { notification } from '../facts.ts';
import { notificationSettings } from '../posts.ts';

const tags = ['notifications'];

export const listNotifications = endpoint({
  operationId: 'listNotifications',
  method: 'GET',
  path: '/api/notifications',
  tags,
  summary: 'My latest notifications, newest first, and how many are unread',
  query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
  responses: { 200: z.object({ notifications: z.array(notification), unread: z.int() }) },
});

export const markNotificationsRead = endpoint({
  operationId: 'markNotificationsRead',
  method: 'POST',
  path: '/api/notifications/read',
  tags,
  summary: 'Mark some of my notifications read, or all of them when no ids are given',
  body: z.object({ ids: z.array(uuid).max(100).optional() }),
  responses: { 200: ok },
});

export const getNotificationSettings = endpoint({
  operationId: 'getNotificationSettings',
  method: 'GET',
  path: '/api/me/notification-settings',
  tags,
  summary: 'How what waits for me reaches my inbox',
  responses: { 200: notificationSettings },
});

export const updateNotificationSettings = endpoint({
  operationId: 'updateNotificationSettings',
  method: 'PUT',
  path: '/api/me/notification-settings',
  tags,
  summary: 'Email me at once, once a day (a digest), or not at all; the bell keeps everything',
  body: notificationSettings,
  responses: { 200: notificationSettings },
});
