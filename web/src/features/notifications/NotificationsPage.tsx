// My notifications (/meldingen, issue 16 items 2 and 3): newest first, the unread ones marked
// "Nieuw" in words (not colour alone), each with a link into the app and a button to mark it
// read, "Alles gelezen", and my e-mail choice per kind (PreferencesSection). Every logged-in
// user has this page; the server lists only their own.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "../../api/notifications.ts";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusText } from "../../components/StatusText.tsx";
import { t } from "../../i18n/index.ts";
import { PreferencesSection } from "./PreferencesSection.tsx";
import "./notifications.css";

const s = t.notifications;

export const NOTIFICATIONS_KEY = ["notifications"] as const;

export function NotificationsPage() {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: ({ signal }) => fetchNotifications(signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const markOne = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const markAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });
  const unread = (list.data ?? []).filter((n) => !n.read).length;
  return (
    <div className="aanwezig-notifications">
      <PageHeading>{s.title}</PageHeading>
      <Paragraph purpose="lead">{s.intro}</Paragraph>
      {list.isPending && <Loading />}
      {list.isError && <ProblemAlert error={list.error} />}
      {(markOne.isError || markAll.isError) && (
        <ProblemAlert error={markOne.error ?? markAll.error} />
      )}
      {list.data && (
        <>
          <Paragraph data-testid="unread-count" role="status">
            {s.unread(unread)}
          </Paragraph>
          {unread > 0 && (
            <Button purpose="secondary" busy={markAll.isPending} onClick={() => markAll.mutate()}>
              {s.markAllRead}
            </Button>
          )}
          {list.data.length === 0 ? (
            <Paragraph>{s.none}</Paragraph>
          ) : (
            <ul className="aanwezig-notifications__list" aria-label={s.listLabel}>
              {list.data.map((n) => (
                <li
                  key={n.id}
                  className="aanwezig-notifications__item"
                  data-read={n.read}
                  data-testid="notification"
                >
                  <Heading level={2} className="aanwezig-notifications__subject">
                    {!n.read && <StatusText tone="warning">{s.newBadge}</StatusText>} {n.subject}
                  </Heading>
                  <Paragraph>{n.body}</Paragraph>
                  <Paragraph className="aanwezig-notifications__meta">
                    {s.received(formatDate(n.created_at.slice(0, 10)))}
                  </Paragraph>
                  <div className="aanwezig-notifications__actions">
                    <Link className="nl-link" to={n.link}>
                      {s.open}
                    </Link>
                    {!n.read && (
                      <Button
                        purpose="subtle"
                        aria-label={s.markReadLabel(n.subject)}
                        onClick={() => markOne.mutate(n.id)}
                      >
                        {s.markRead}
                      </Button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <PreferencesSection />
    </div>
  );
}
