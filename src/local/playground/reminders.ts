/**
 * The playground's stand-ins for ScriptApp / MailApp / UrlFetchApp / document properties: the
 * Reminders panel works end to end, nothing leaves the machine. A "sent" mail or webhook post
 * lands in the outbox (GET /api/outbox), triggers are remembered in memory.
 */
import type { ReminderServices } from '../../sheets/reminders';

export interface PlaygroundOutbox {
  mails: { to: string; subject: string; body: string }[];
  posts: { url: string; body: unknown }[];
  triggers: { id: string; handler: string; weekday: number; hour: number; timeZone: string }[];
}

export function playgroundReminderServices(outbox: PlaygroundOutbox, quota = 100): ReminderServices {
  const props = new Map<string, string>();
  let n = 0;
  let left = quota;
  return {
    triggers: {
      list: () => outbox.triggers.map((t) => ({ id: t.id, handler: t.handler })),
      createWeekly: (handler, weekday, hour, timeZone) => {
        const id = `playground-trigger-${++n}`;
        outbox.triggers.push({ id, handler, weekday, hour, timeZone });
        return id;
      },
      remove: (id) => {
        const i = outbox.triggers.findIndex((t) => t.id === id);
        if (i >= 0) outbox.triggers.splice(i, 1);
      },
    },
    mail: {
      remaining: () => left,
      send: (to, subject, body) => {
        left--;
        outbox.mails.push({ to, subject, body });
      },
    },
    props: { get: (k) => props.get(k) ?? null, set: (k, v) => void props.set(k, v), remove: (k) => void props.delete(k) },
    post: (url, body) => {
      outbox.posts.push({ url, body });
      return 200;
    },
  };
}
